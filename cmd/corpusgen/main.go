// Command corpusgen writes a synthetic news corpus for geokg's benchmarks
// (package geokg/extract/corpus): plain-text articles of about 4 KB made
// of template sentences about actors of the built-in dictionary, with
// accusations, denials, supplies, alliances and neutral filler.
//
// The output is deterministic: article n depends only on the seed, n, the
// article size and the dictionary, so a bigger corpus starts with the
// articles of a smaller one. Files are DIR/0000000.txt, DIR/0000001.txt, …
// in one folder (so that "cat DIR/* | wc -w" reads them), each with a
// modification time that geokg ingest takes as the article's date.
//
// Usage:
//
//	go run ./cmd/corpusgen -o /tmp/corpus -size 200MB
//	go run ./cmd/corpusgen -o /tmp/corpus -n 1000 -seed 7
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"geokg/extract"
	"geokg/extract/corpus"
	"geokg/extract/input"
)

// config is the command line.
type config struct {
	dir         string
	size        int // total bytes wanted; 0 = use n
	n           int // articles wanted
	articleSize int
	seed        uint64
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(2)
	}
	n, bytes, err := generate(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d articles, %d bytes in %s\n", n, bytes, cfg.dir)
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	var size, articleSize string
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.dir, "o", "", "output `folder` (created; must be empty or new)")
	fs.StringVar(&size, "size", "", "total corpus `size`, e.g. 200MB (instead of -n)")
	fs.IntVar(&cfg.n, "n", 0, "number of articles (instead of -size)")
	fs.StringVar(&articleSize, "article-size", "4KB", "approximate `size` of one article")
	fs.Uint64Var(&cfg.seed, "seed", 1, "random `seed`")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.articleSize, err = input.ParseSize(articleSize); err != nil {
		return cfg, fmt.Errorf("-article-size: %w", err)
	}
	if size != "" {
		if cfg.size, err = input.ParseSize(size); err != nil {
			return cfg, fmt.Errorf("-size: %w", err)
		}
	}
	switch {
	case cfg.dir == "":
		return cfg, errors.New("-o: an output folder is required")
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case (cfg.size > 0) == (cfg.n > 0):
		return cfg, errors.New("give exactly one of -size and -n (a positive number)")
	}
	return cfg, nil
}

// generate writes the corpus and returns how many articles and bytes it
// wrote. With cfg.size set it writes articles until the total reaches it.
func generate(cfg config) (int, int64, error) {
	c, err := corpus.New(extract.Builtin())
	if err != nil {
		return 0, 0, err
	}
	if err := emptyDir(cfg.dir); err != nil {
		return 0, 0, err
	}
	n := cfg.n
	if cfg.size > 0 {
		// Articles come out a little longer than articleSize (the last
		// paragraph is finished), so this estimate is refined below.
		n = max(1, cfg.size/cfg.articleSize)
	}
	total, err := writeRange(cfg, c, 0, n)
	for err == nil && cfg.size > 0 && total < int64(cfg.size) {
		var more int64
		more, err = writeRange(cfg, c, n, n+1)
		total += more
		n++
	}
	return n, total, err
}

// writeRange writes articles [from, to) on GOMAXPROCS goroutines.
func writeRange(cfg config, c *corpus.Generator, from, to int) (int64, error) {
	var (
		mu    sync.Mutex
		total int64
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := range next {
				size, err := writeArticle(cfg, c, n)
				mu.Lock()
				total += int64(size)
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for n := from; n < to; n++ {
		next <- n
	}
	close(next)
	wg.Wait()
	return total, first
}

// writeArticle writes article n and dates it.
func writeArticle(cfg config, c *corpus.Generator, n int) (int, error) {
	text, date := c.Article(cfg.seed, n, cfg.articleSize)
	path := filepath.Join(cfg.dir, fmt.Sprintf("%07d.txt", n))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return 0, err
	}
	noon := date.Add(12 * time.Hour)
	if err := os.Chtimes(path, noon, noon); err != nil {
		return 0, err
	}
	return len(text), nil
}

// emptyDir creates dir, or checks that it is empty, so that a corpus is
// never mixed with other files.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}
