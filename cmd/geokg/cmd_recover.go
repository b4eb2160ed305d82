package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"geokg/store"
)

const recoverLong = `Recover copies what can be read of the store into a new store beside it
(DIR.recovered, or --to DIR), and never writes to the old one, which stays
as it is for another attempt or a backup.

It reads the old store as well as it can be read: tables that fail their
checksums are left out, the MANIFEST is rebuilt from the tables when it
cannot be read, and no log is cut at a damaged entry. Each article whose
record can be read goes into the new store with those of its mentions
that can be read, through the same code as an ingest, so the new store's
indexes are whole. An actor whose record cannot be read is stored as a
placeholder named by its id.

It prints one line per thing it could not read (at most 100) and a
summary, and exits with status 1 if anything could not be read. Check the
new store, then swap the folders.`

func newRecoverCommand(g *globalOptions) *cobra.Command {
	var to string
	cmd := &cobra.Command{
		Use:   "recover",
		Short: "Copy what can be read of a damaged store into a new one",
		Long:  recoverLong,
		Example: `  geokg recover --db /data/geokg              # into /data/geokg.recovered
  geokg check --db /data/geokg.recovered && mv /data/geokg /data/geokg.damaged && mv /data/geokg.recovered /data/geokg`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRecover(cmd.Context(), g, to, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the new store's `directory` (default: the store's, with .recovered)")
	return cmd
}

// recoveredDir is where recover writes by default.
func recoveredDir(dir string) string { return filepath.Clean(dir) + ".recovered" }

func runRecover(ctx context.Context, g *globalOptions, to string, stdout io.Writer) error {
	dir, err := g.storeDir()
	if err != nil {
		return err
	}
	if to == "" {
		to = recoveredDir(dir)
	}
	res, err := store.Recover(ctx, dir, to, store.Options{Verbose: g.Verbose > 1})
	if err != nil {
		return err
	}
	for _, l := range res.Lost {
		fmt.Fprintln(stdout, l)
	}
	if n := res.LostCount(); n > len(res.Lost) {
		fmt.Fprintf(stdout, "... and %d more\n", n-len(res.Lost))
	}
	fmt.Fprintf(stdout, "recovered %s (%s) from %s into %s; %s could not be read\n",
		plural(res.Articles, "article"), plural(res.Mentions, "mention"), dir, to, plural(res.LostCount(), "thing"))
	if res.LostCount() > 0 {
		return errReported
	}
	return nil
}
