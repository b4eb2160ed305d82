package main

import (
	"context"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"geokg/extract"
	"geokg/extract/input"
	"geokg/graph"
	"geokg/store"
)

// inputOptions are the flags shared by ingest and extract that say how to
// read inputs and describe the articles.
type inputOptions struct {
	Date    string
	Source  string
	Title   string
	URL     string
	MaxSize string
	// MaxMentions is the most relations one article may give; more fail
	// that article as soon as extraction finds them.
	MaxMentions int
	formatOptions
}

func (o *inputOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Date, "date", "", "article `date` YYYY-MM-DD (default: the page's or line's date, else a dated dateline, else the file's modification date, with a warning; stdin: today)")
	f.StringVar(&o.Source, "source", "", "article `source`, e.g. the publisher (default: the page's or line's, else the file path)")
	f.StringVar(&o.Title, "title", "", "article `title` (default: the page's or line's, else the first non-empty line)")
	f.StringVar(&o.URL, "url", "", "article `URL` (default: the page's or line's)")
	f.StringVar(&o.MaxSize, "max-size", "10MB", "largest article to read, e.g. 512KB, 10MB")
	f.IntVar(&o.MaxMentions, "max-mentions", defaultMaxMentions, "most `relations` one article may give; an article with more fails at once")
	o.formatOptions.addFlags(f)
}

// articleDefaults is inputOptions parsed.
type articleDefaults struct {
	date               time.Time
	source, title, url string
	maxSize            int
	maxMentions        int
	stdin              io.Reader
	now                func() time.Time
	formats            formats // how to read web pages and JSON Lines (inputs.go)
}

// parse checks the flag values; a bad one is a usage error of cmd.
func (o inputOptions) parse(cmd string, stdin io.Reader) (articleDefaults, error) {
	d := articleDefaults{source: o.Source, title: o.Title, url: o.URL, stdin: stdin, now: time.Now}
	var err error
	if o.Date != "" {
		if d.date, err = graph.ParseDate(o.Date); err != nil || d.date.IsZero() {
			return d, usagef(cmd, "--date %q: want YYYY-MM-DD, from 0001-01-02", o.Date)
		}
	}
	if d.maxSize, err = input.ParseSize(o.MaxSize); err != nil {
		return d, usagef(cmd, "--max-size: %v", err)
	}
	if d.maxMentions = o.MaxMentions; d.maxMentions < 1 {
		return d, usagef(cmd, "--max-mentions %d: want 1 or more", o.MaxMentions)
	}
	if d.formats, err = o.formatOptions.parse(cmd); err != nil {
		return d, err
	}
	return d, nil
}

// defaultMaxMentions is --max-mentions' default. A news article gives tens
// of relations; a 10 MB text of dense lists of states accusing each other
// gave 3 million, and took 2 minutes and 3 GB before the store refused
// it. 50,000 relations hold about 50 MB while they are extracted and
// written (in several transactions: see store/parts.go).
const defaultMaxMentions = 50000

// doc is one input on its way through the pipeline.
type doc struct {
	seq  int    // position among the inputs, from 0
	path string // file path, or "-" for stdin; FILE:LINE for a JSON line
	file string // the input's name: the file path, or "stdin"
	art  graph.Article
	text string
	err  error // why the input could not be read; then nothing else is set
	res  extract.Result
	// prep is res made ready for the store (store.Prepare) on the worker,
	// when the pipeline's caller asks for it; prepErr says why it is not.
	prep    *store.Prepared
	prepErr error
	// formerID is the id an older geokg gave the text (store.Prepared.SetFormerID)
	formerID string
	// undated is set when no flag, metadata or dateline dated the
	// article, and the day of its file (or of the ingest) did.
	undated bool
	// inBytes is how many bytes of the input files this doc accounts for
	// (for progress): a file's size, or a JSON Lines line's share.
	inBytes int64
	// decode, if set, is reading left for the worker, which calls it first
	// (web pages: readability is too slow for the single reader goroutine).
	decode func(*doc)
}

// doneQueue is how many extracted docs may wait for the sink. The ingest
// sink commits a few hundred articles at a time and waits for Badger's
// single write goroutine (tens of milliseconds a commit); with a queue as
// short as the worker count the workers stopped after a doc or two, and
// one core idled through every commit. A doc waiting here holds its text,
// relations and encoded keys (about 30 KB for a 4 KB article), so the
// queue stays within about 15 MB.
const doneQueue = 512

// jobsQueue is how many read docs may wait for a worker, so that the
// reader's system calls overlap the workers.
const jobsQueue = 64

// extractAll reads every input named by paths, extracts relations from
// each (and, if prepare is set, prepares them for the store on the same
// worker), and hands the docs to sink one at a time on the calling
// goroutine (which is therefore the pipeline's single writer). Inputs that cannot
// be read reach sink with err set. A reader goroutine feeds GOMAXPROCS+1
// extraction workers through bounded channels; docs reach sink in the
// order extraction finishes. If sink returns an error, or ctx is
// cancelled, the pipeline stops and extractAll returns that error.
func extractAll(ctx context.Context, paths []string, d articleDefaults, x *extract.Extractor, prepare bool, sink func(*doc) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// One worker more than there are cores: the sink and Badger's write
	// goroutine take CPU in bursts, and a spare worker keeps both cores
	// busy when one waits (200 MB ingest: median 16.2 -> 14.4 s over six
	// alternating runs).
	workers := runtime.GOMAXPROCS(0) + 1
	jobs := make(chan *doc, jobsQueue)
	done := make(chan *doc, doneQueue)
	go readAll(ctx, paths, d, jobs)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for doc := range jobs {
				if err := safely(doc.path, func() { process(ctx, doc, x, prepare) }); err != nil && doc.err == nil {
					doc.err = err
				}
				select {
				case done <- doc:
				case <-ctx.Done():
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	// The loop does not wait for the reader or the workers once it stops:
	// the reader may be stuck in a read (a FIFO or a terminal nobody
	// writes to), and Ctrl-C must still end the command. They touch only
	// their own docs and stop at their next send.
	for {
		select {
		case doc, ok := <-done:
			if !ok {
				return ctx.Err()
			}
			if err := sink(doc); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// readAll sends a doc for every input under paths, in order, and closes
// out. It stops early when ctx is done.
// process decodes, extracts and (if prepare) prepares one article.
func process(ctx context.Context, doc *doc, x *extract.Extractor, prepare bool) {
	if doc.decode != nil {
		doc.decode(doc)
	}
	if doc.err == nil {
		doc.res, doc.err = extractSafely(ctx, x, doc.path, doc.art, doc.text)
		doc.art.Actors = doc.res.Named
	}
	if doc.err == nil && prepare {
		doc.prep, doc.prepErr = store.Prepare(doc.art, doc.res.Actors, doc.res.Mentions)
		if doc.prep != nil {
			doc.prep.SetFormerID(doc.formerID)
		}
	}
}

func readAll(ctx context.Context, paths []string, d articleDefaults, out chan<- *doc) {
	defer close(out)
	seq := 0
	send := func(doc *doc) error {
		doc.seq = seq
		seq++
		select {
		case out <- doc:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, p := range paths {
		var err error
		perr := safely(p, func() {
			if p == "-" {
				err = d.readStdinInputs(send)
			} else {
				err = input.Walk(p, func(path string, err error) error {
					if err != nil {
						return send(&doc{path: path, err: err})
					}
					return d.readInput(path, send)
				})
			}
		})
		if perr != nil {
			err = send(&doc{path: p, err: perr})
		}
		if err != nil {
			return
		}
	}
}

// newDoc validates data, the text of a text file or of standard input,
// and describes the article (describe).
func (d articleDefaults) newDoc(path, name string, data []byte, modified time.Time) *doc {
	text, err := input.Text(name, data, d.maxSize)
	if err != nil {
		return &doc{path: path, err: err}
	}
	return d.describe(path, name, text, input.Article{}, modified)
}

// describe makes the doc of an article with the given text. Each of its
// date, title, source and URL comes from the first of: the flag (--date,
// --title, --source, --url), what the input says (meta: a page's or JSON
// line's metadata), for the date a dated dateline or byline in the text,
// and a default (the day modified, a file's modification time or now for
// stdin, with a warning; the text's first line; the input's name).
// graph.Article.Origins records which.
func (d articleDefaults) describe(path, name, text string, meta input.Article, modified time.Time) *doc {
	art := graph.Article{ID: input.ArticleID(text), Size: len(text)}
	art.Title, art.Origins.Title = pick(d.title, meta.Title, "", input.Title(text))
	art.Source, art.Origins.Source = pick(d.source, meta.Source, "", name)
	art.Source = validUTF8(art.Source)
	art.URL, art.Origins.URL = pick(d.url, meta.URL, "", "")
	dc := &doc{path: path, file: name, art: art, text: text, formerID: input.LegacyArticleID(text)}
	switch line, ok := input.Dateline(text); {
	case !d.date.IsZero():
		dc.art.Date, dc.art.Origins.Date = d.date, graph.OriginGiven
	case !meta.Date.IsZero():
		dc.art.Date, dc.art.Origins.Date = meta.Date, graph.OriginMeta
	case ok:
		dc.art.Date, dc.art.Origins.Date = line, graph.OriginText
	default:
		y, m, day := modified.Date()
		dc.art.Date, dc.art.Origins.Date = time.Date(y, m, day, 0, 0, 0, 0, time.UTC), graph.OriginDefault
		dc.undated = true
	}
	return dc
}

// pick returns the first non-empty of a flag's value, the input's
// metadata, the text's and a default, with its origin ("" and
// OriginUnknown if all are empty).
func pick(flag, meta, text, fallback string) (string, graph.Origin) {
	for i, v := range []string{flag, meta, text, fallback} {
		if v != "" {
			return v, []graph.Origin{graph.OriginGiven, graph.OriginMeta, graph.OriginText, graph.OriginDefault}[i]
		}
	}
	return "", graph.OriginUnknown
}

// inOrder wraps sink so that it sees docs in input order (by seq), holding
// back those that finish early.
func inOrder(sink func(*doc) error) func(*doc) error {
	next := 0
	pending := map[int]*doc{}
	return func(d *doc) error {
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				return nil
			}
			delete(pending, next)
			next++
			if err := sink(d); err != nil {
				return err
			}
		}
	}
}

// ingestMemoryLimit is the soft heap limit of an ingest. Without it the
// garbage collector lets the heap grow to twice what is live, and Badger's
// compactions make that up to 400 MB on a 200 MB corpus; with it the peak
// anonymous memory was 236 MB for the same CPU time (docs/benchmarks.md).
const ingestMemoryLimit = 256 << 20

// ingestGCPercent is an ingest's collector pace: the heap may grow to five
// times what is live, not twice, under ingestMemoryLimit, which still
// bounds it. A 100 MB ingest: 0.95 of the CPU (4 alternating pairs, load
// 7-8), peak anonymous memory 208 -> 241 MB; a one-article ingest no
// longer collects while it builds the dictionary (12% of its CPU).
const ingestGCPercent = 400

// limitMemory sets ingestMemoryLimit and ingestGCPercent unless the user
// set GOMEMLIMIT or GOGC.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(ingestGCPercent)
	}
}
