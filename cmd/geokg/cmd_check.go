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

func newCheckCommand(g *globalOptions) *cobra.Command {
	var repair bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify that the store is consistent",
		Long: `Check reads the whole store and verifies that its indexes agree: every edge
has its in-edge twin and the reverse, every edge has well-formed mentions
and its stored counts and dates are those they make, every mention's edge and
article exist, and every name, alias and affiliation entry points to an
actor that has it.

Before the indexes it reads every block of every table against its
checksum, and the ends of the logs an ingest would replay. A damaged store
(a MANIFEST that lost tables, a table cut short, a damaged value log) is
reported in one line, and check leaves a file DAMAGED in the store's
folder saying what it found: ingest and forget refuse the store while it
is there (a check that finds the store whole removes it).

It prints one line per problem on stdout (at most 1000) and exits with
status 1 if there is any; otherwise it prints a one-line summary. It opens
the store read-only, so it can run next to other queries, and changes
nothing else in it: a store that was not closed cleanly (a killed ingest)
is read from a recovered copy.

--repair runs "geokg recover": what can be read is copied into a new store
beside the old one (DIR.recovered), which is never deleted.`,
		Example: `  geokg check
  geokg check --db /data/geokg || echo "the store needs attention"
  geokg check --repair --db /data/geokg     # the same as geokg recover`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if repair {
				return runRecover(cmd.Context(), g, "", cmd.OutOrStdout())
			}
			return runCheck(cmd.Context(), g, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().BoolVar(&repair, "repair", false, "copy what can be read into a new store beside this one (geokg recover)")
	return cmd
}

func runCheck(ctx context.Context, g *globalOptions, stdout, stderr io.Writer) (err error) {
	s, err := g.openQuery()
	if err != nil {
		return checkDamage(err)
	}
	defer closeStore(s, &err)
	problems, err := s.Check(ctx)
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	if err != nil {
		return checkDamage(err)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "geokg: store %s: %s found\n", s.Dir(), plural(len(problems), "problem"))
		return errReported
	}
	n := 0
	if err := s.Articles(ctx, func(graph.Article) error { n++; return nil }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "store %s: no problems (%s)\n", s.Dir(), plural(n, "article"))
	return nil
}

// checkDamage words a damaged store's error for check, which is what the
// other commands send the user to: what is damaged, and that check left
// it as it is.
func checkDamage(err error) error {
	var d *store.DamagedError
	if errors.As(err, &d) {
		return fmt.Errorf("store %s is damaged (%s); geokg will not write to it: \"geokg recover\" copies what can be read into %s", d.Dir, d.Where, recoveredDir(d.Dir))
	}
	return err
}
