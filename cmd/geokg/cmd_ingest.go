package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

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
An article's id is a hash of its text, so ingesting the same text again
changes nothing. An input that cannot be read (missing, empty, binary, not
UTF-8, too large, a malformed JSON Lines line) is reported on stderr and
skipped; the others still go in, and the exit status is 1. The summary line
goes to stdout. While it works, ingest shows a progress bar on stderr when
stderr is a terminal (not with --quiet).`,
		Example: `  geokg ingest examples/article.txt
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
type ingestStats struct{ read, added, unchanged, failed, relations int }

func (s ingestStats) String() string {
	return fmt.Sprintf("%s read, %d new, %d unchanged, %d failed; %s stored",
		plural(s.read, "article"), s.added, s.unchanged, s.failed, plural(s.relations, "relation"))
}

func runIngest(ctx context.Context, opts ingestOptions, g *globalOptions, paths []string, stdout, stderr io.Writer) (err error) {
	defaults, err := opts.parse("geokg ingest", opts.stdin)
	if err != nil {
		return err
	}
	limitMemory()
	x, err := g.extractor(defaults.maxMentions)
	if err != nil {
		return err
	}
	s, err := g.openStore()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	var st ingestStats
	b := s.NewBatch()
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
	fmt.Fprintln(stdout, st)
	if err == nil && st.failed > 0 {
		err = errReported
	}
	return err
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
		err = b.PutPrepared(ctx, d.prep, func(added bool) {
			if added {
				st.added++
				st.relations += n
				g.verbosef(stderr, "%s: new, %s (%s)", path, plural(n, "relation"), id)
				return
			}
			st.unchanged++
			g.verbosef(stderr, "%s: unchanged (%s)", path, id)
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
