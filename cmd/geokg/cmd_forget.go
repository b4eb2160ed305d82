package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"geokg/graph"
	"geokg/store"
)

func newForgetCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "forget ARTICLE_ID...",
		Short: "Remove articles and their evidence from the store",
		Long: `Forget removes articles from the store, each with the relations found in it:
an edge that other articles also show keeps their mentions, with its counts
and first and last seen dates recomputed from them; an edge that only the
forgotten article showed is removed. Actors stay. Each article goes in one
transaction, so it is forgotten completely or not at all.

ARTICLE_ID is the id "geokg articles" lists (a hash of the article's text),
or any unique start of it of 8 characters or more.
Ingesting the same text again puts everything back as it was. An id
forgotten before (a re-run of an interrupted forget) is reported as
"already forgotten" and is not an error.`,
		Example: `  geokg articles
  geokg forget 3f5e0c2a9b1d4e6f8a7c5b3d1e9f0a2b
  geokg forget 3f5e0c2a
  geokg articles --format json | jq -r '.[] | select(.source == "rumours.txt") | .id' | xargs geokg forget`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runForget(cmd.Context(), g, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
}

// smallForget is how many articles a forget removes in a session sized
// for small writes: more would fill its 1 MB memtable many times over.
const smallForget = 16

// runForget forgets each id in turn. An unknown or malformed id is
// reported on stderr and skipped; the exit status is then 1.
func runForget(ctx context.Context, g *globalOptions, ids []string, stdout, stderr io.Writer) (err error) {
	dir, err := g.storeDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no store in %s", dir) // do not make an empty one
	}
	if g.served == nil {
		tuneQueryGC() // a one-shot process: Badger's 8 MB memtable alone would set off a collection
	}
	// a few articles: a session sized for small writes (store.Options.SmallWrites)
	small := len(ids) <= smallForget
	s, err := g.openStoreWith(small)
	if err != nil {
		return err
	}
	defer func() { // s as it is at the end
		if s != nil {
			closeStore(s, &err)
		}
	}()
	failed := 0
	for _, arg := range ids {
		id, err := articleID(ctx, s, arg)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "geokg: %v\n", err)
			continue
		}
		f, err := s.Forget(ctx, id)
		if errors.Is(err, store.ErrTooBig) && small && g.served == nil {
			// too large for a small session's transactions: the usual sizes
			cerr := s.Close()
			if s = nil; cerr != nil {
				return cerr
			}
			if s, err = g.openStoreWith(false); err != nil {
				s = nil
				return err
			}
			small = false
			f, err = s.Forget(ctx, id)
		}
		bad, err := reportForget(id, f, err, stdout, stderr)
		if err != nil {
			return err
		}
		if bad {
			failed++
		}
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// reportForget prints what forgetting article id did, or why it could
// not: bad is an article that was not forgotten (reported on stderr); an
// error is one that stops the command.
func reportForget(id string, f store.Forgotten, err error, stdout, stderr io.Writer) (bad bool, _ error) {
	switch {
	case errors.Is(err, store.ErrForgotten):
		fmt.Fprintf(stdout, "article %s: already forgotten\n", id)
	case errors.Is(err, graph.ErrNotFound):
		fmt.Fprintf(stderr, "geokg: article %s: not in the store (see \"geokg articles\")\n", id)
		return true, nil
	case errors.Is(err, graph.ErrInvalid), errors.Is(err, store.ErrTooBig):
		fmt.Fprintf(stderr, "geokg: article %s: %v\n", id, err)
		return true, nil
	case err != nil:
		return false, err
	default:
		fmt.Fprintf(stdout, "forgot %s %q: %s removed; %s lowered, %s removed\n", id, f.Article.Title,
			plural(f.Mentions, "mention"), plural(f.Lowered, "edge"), plural(f.Removed, "edge"))
	}
	return false, nil
}
