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
	return &cobra.Command{
		Use:   "check",
		Short: "Verify that the store is consistent",
		Long: `Check reads the whole store and verifies that its indexes agree: every edge
has its in-edge twin and the reverse, every edge has well-formed mentions
and its stored counts and dates are those they make, every mention's edge and
article exist, and every name, alias and affiliation entry points to an
actor that has it.

It prints one line per problem on stdout (at most 1000) and exits with
status 1 if there is any; otherwise it prints a one-line summary. It opens
the store read-only, so it can run next to other queries, and changes
nothing in it: a store that was not closed cleanly (a killed ingest) is
read from a recovered copy, and a damaged one (a MANIFEST that lost
tables, say) is reported in one line and left as it is.`,
		Example: `  geokg check
  geokg check --db /data/geokg || echo "the store needs attention"`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCheck(cmd.Context(), g, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
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
		return fmt.Errorf("store %s is damaged (%s); geokg will not write to it", d.Dir, d.Where)
	}
	return err
}
