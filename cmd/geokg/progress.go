package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"geokg/extract/input"
)

// progress shows a bar on stderr while ingest runs: articles done, MB
// read, MB/s and the time left. It is nil, and every method does nothing,
// when stderr is not a terminal or --quiet is set.
type progress struct {
	mu       sync.Mutex // the bar is also resized by the goroutine that sizes the inputs
	bar      *progressbar.ProgressBar
	stderr   io.Writer
	articles int
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newProgress starts a bar on stderr if it is a terminal and quiet is
// false. The total size of the inputs under paths is added up in the
// background; until then, and when a path is standard input, the bar
// shows no time left.
func newProgress(stderr io.Writer, quiet bool, paths []string) *progress {
	if quiet || !isTerminal(stderr) {
		return nil
	}
	p := &progress{stderr: stderr}
	p.bar = progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("0 articles"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	)
	go safely("progress", func() { p.size(paths) }) // without a total, the bar counts up
	return p
}

// size adds up the sizes of the input files and sets the bar's total.
func (p *progress) size(paths []string) {
	var total int64
	for _, path := range paths {
		if path == "-" {
			return
		}
		input.Walk(path, func(path string, err error) error {
			if err == nil {
				if info, err := os.Stat(path); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.ChangeMax64(total)
	}
}

// done counts one article and the input bytes it came from.
func (p *progress) done(d *doc) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.articles++
	p.bar.Describe(plural(p.articles, "article"))
	p.bar.Add64(d.inBytes)
}

// Write writes a message line to stderr without mixing it into the bar:
// the bar is cleared first and drawn again on the next article.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	return p.stderr.Write(b)
}

// finish removes the bar.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Clear()
	p.bar = nil
}
