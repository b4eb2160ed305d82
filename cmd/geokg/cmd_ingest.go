package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"geokg/extract"
	"geokg/graph"
	"geokg/store"
)

type ingestOptions struct {
	inputOptions
	Quiet bool
	stdin io.Reader
}

func newIngestCommand(g *globalOptions) *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract relations from articles and add them to the store",
		Long: `Ingest reads articles, finds the relations between actors in them and adds
them to the store. A PATH is a file, a folder (searched recursively for
input files, skipping hidden ones) or - for standard input.
` + inputFormatsHelp + `
An article's id is a hash of its text with white space and markup folded,
so the same story as a text file, a web page or a JSON line is one
article. Ingesting it again stores nothing new, but corrects what the
stored article says when the new reading says better: a date, title,
source or URL given by flag, or metadata where there were defaults (the
summary counts it as updated). An input that cannot be read (missing, empty, binary, not
UTF-8, too large, a malformed JSON Lines line) is reported on stderr and
skipped; the others still go in, and the exit status is 1. The summary line
goes to stdout. While it works, ingest shows a progress bar on stderr when
stderr is a terminal (not with --quiet).`,
		Example: `  geokg ingest testdata/article.txt
  geokg ingest --date 2024-03-14 --source Reuters news/
  geokg ingest saved-pages/*.html dump.jsonl.gz
  geokg ingest --text-field article.body --date-field meta.published export.ndjson
  curl -s https://example.org/story.html | geokg ingest --url https://example.org/story.html -`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.stdin = cmd.InOrStdin()
			return runIngest(cmd.Context(), opts, g, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.addFlags(cmd.Flags())
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress bar (it is shown only when stderr is a terminal)")
	return cmd
}

// ingestStats counts what happened to the inputs.
type ingestStats struct {
	read, added, updated, unchanged, failed, relations int
	undated                                            undatedInputs
}

// undatedInputs are the inputs whose new articles no flag, metadata or
// dateline dated, so that ingest warns once per input file.
type undatedInputs struct {
	files []string          // in the order first met (workers finish in any order)
	dates map[string]string // the date given, by file
	count map[string]int    // articles of the file so dated
}

func (u *undatedInputs) add(file, date string) {
	if u.count == nil {
		u.dates, u.count = map[string]string{}, map[string]int{}
	}
	if u.count[file] == 0 {
		u.files = append(u.files, file)
		u.dates[file] = date
	}
	u.count[file]++
}

// maxUndatedWarnings is how many inputs the warning names one by one.
const maxUndatedWarnings = 10

// warn writes one line per input (at most maxUndatedWarnings, then one
// line for the rest) saying that its articles were dated by its file's
// time.
func (u *undatedInputs) warn(w io.Writer) {
	sort.Strings(u.files) // the same lines in the same order on every run
	for i, f := range u.files {
		if i == maxUndatedWarnings {
			fmt.Fprintf(w, "geokg: %d more inputs had no date either, and were dated by their files' time (give --date)\n", len(u.files)-i)
			return
		}
		what := "no date in its metadata or a dateline"
		if n := u.count[f]; n > 1 {
			what = fmt.Sprintf("%d articles with no date in their metadata or a dateline", n)
		}
		when := "the file's modification day"
		if f == "stdin" {
			when = "today"
		}
		fmt.Fprintf(w, "geokg: %s: %s; dated %s, %s (give --date)\n", f, what, u.dates[f], when)
	}
}

func (s ingestStats) String() string {
	return fmt.Sprintf("%s read, %d new, %d updated, %d unchanged, %d failed; %s stored",
		plural(s.read, "article"), s.added, s.updated, s.unchanged, s.failed, plural(s.relations, "relation"))
}

// smallInput is how many bytes of files an ingest may read in a session
// sized for small writes (store.Options.SmallWrites): an article or a few.
const smallInput = 256 << 10

// smallInputs reports whether paths are regular files of smallInput
// bytes or less in all (not stdin, whose size is not known, nor folders).
func smallInputs(paths []string) bool {
	total := int64(0)
	for _, p := range paths {
		fi, err := os.Stat(p)
		if p == "-" || err != nil || !fi.Mode().IsRegular() {
			return false
		}
		total += fi.Size()
	}
	return len(paths) > 0 && total <= smallInput
}

func runIngest(ctx context.Context, opts ingestOptions, g *globalOptions, paths []string, stdout, stderr io.Writer) (err error) {
	defaults, err := opts.parse("geokg ingest", opts.stdin)
	if err != nil {
		return err
	}
	limitMemory()
	x, s, err := g.extractorAndStore(defaults.maxMentions, smallInputs(paths))
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	var st ingestStats
	b := s.NewBatch()
	b.DeferCounts() // the only writer, and nothing reads until it ends
	bar := newProgress(stderr, opts.Quiet, paths)
	if bar != nil {
		stderr = bar
	}
	err = extractAll(ctx, paths, defaults, x, true, func(d *doc) error {
		defer bar.done(d)
		return st.put(ctx, b, d, g, stderr)
	})
	bar.finish()
	// Articles put before an interrupt are complete: keep them.
	if ferr := b.Flush(); err == nil {
		err = ferr
	}
	st.undated.warn(stderr)
	fmt.Fprintln(stdout, st)
	if err == nil && st.failed > 0 {
		err = errReported
	}
	return err
}

// extractorAndStore builds the extractor and opens the store for writing.
// When the store exists it does both at the same time: the extractor's
// dictionary and trie take about half the CPU of a one-article ingest,
// the store's open a tenth, and neither needs the other
// (docs/benchmarks.md); the store is closed again when the extractor
// cannot be built. A store not made yet is made only once the extractor
// is built, so that a failed ingest leaves no empty store behind.
func (g *globalOptions) extractorAndStore(maxMentions int, small bool) (*extract.Extractor, *store.Store, error) {
	if dir, err := g.storeDir(); err != nil || !hasStore(dir) {
		x, err := g.extractor(maxMentions)
		if err != nil {
			return nil, nil, err
		}
		s, err := g.openStoreWith(small)
		return x, s, err
	}
	type built struct {
		x   *extract.Extractor
		err error
	}
	xc := make(chan built, 1)
	go func() {
		var b built
		if err := safely("building the extractor", func() { b.x, b.err = g.extractor(maxMentions) }); err != nil {
			b.err = err
		}
		xc <- b
	}()
	s, err := g.openStoreWith(small)
	b := <-xc
	switch {
	case b.err == nil && err == nil:
		return b.x, s, nil
	case err == nil:
		closeStore(s, &err) // the extractor's error is the one to say
	}
	if b.err != nil {
		return nil, nil, b.err
	}
	return nil, nil, err
}

// hasStore reports whether dir holds a store (a Badger MANIFEST) already.
func hasStore(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil
}

// put hands one doc to the batch writer and counts it once it is
// committed. Only a store failure that is not about this article stops the
// ingest.
func (st *ingestStats) put(ctx context.Context, b *store.Batch, d *doc, g *globalOptions, stderr io.Writer) error {
	st.read++
	if d.err != nil {
		st.failed++
		fmt.Fprintf(stderr, "geokg: %v\n", d.err)
		return nil
	}
	path, id, n := d.path, d.art.ID, len(d.res.Mentions)
	err := d.prepErr
	if err == nil {
		undated, date, file := d.undated, graph.FormatDate(d.art.Date), d.file
		err = b.PutOutcome(ctx, d.prep, func(o store.Outcome) {
			switch o {
			case store.Added:
				st.added++
				st.relations += n
				g.verbosef(stderr, "%s: new, %s (%s)", path, plural(n, "relation"), id)
				if undated {
					st.undated.add(file, date)
				}
			case store.Updated:
				st.updated++
				g.verbosef(stderr, "%s: updated (%s)", path, id)
			default:
				st.unchanged++
				g.verbosef(stderr, "%s: unchanged (%s)", path, id)
			}
		})
	}
	switch {
	case errors.Is(err, graph.ErrInvalid), errors.Is(err, store.ErrTooBig):
		st.failed++
		fmt.Fprintf(stderr, "geokg: %s: %v\n", d.path, err)
	case err != nil:
		return err
	}
	return nil
}

// plural writes "1 article" or "3 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
