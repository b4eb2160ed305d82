package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"geokg/export"
	"geokg/graph"
)

type pathOptions struct {
	Relations []string
	Format    string
	Evidence  int
	MaxHops   int
	MaxPaths  int
	narrow    narrowFlags
}

func newPathCommand(g *globalOptions) *cobra.Command {
	var opts pathOptions
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Show the shortest chains of relations linking two actors",
		Long: `Path finds the shortest chains of relations that link actor A to actor B,
following relations in either direction ("Ukraine accuses Iran" links Iran to
Ukraine too), and prints each step with its article count, dates and the
evidence sentence behind it. Steps are shown in the relation's own direction.

The narrowing flags (--relation, --since, --until, --status, --min-articles,
--rollup) choose which relations may be followed. With --rollup, persons
and institutions are folded into the state or organisation they speak for,
so a minister's words link her state.

Exit status 1 when no chain of at most --max-hops steps exists.`,
		Example: `  geokg path "United States" Belarus
  geokg path Iran Ukraine --relation supplies --relation accuses
  geokg path Lukashenko Sybiha --rollup --format json`,
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPath(cmd.Context(), opts, g, args[0], args[1], cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Relations, "relation", nil, "follow only this `relation` (repeatable)")
	f.StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	f.IntVar(&opts.Evidence, "evidence", 1, "evidence sentences per step, -1 for all")
	f.IntVar(&opts.MaxHops, "max-hops", 6, "longest chain to look for, in `steps`")
	f.IntVar(&opts.MaxPaths, "max-paths", 10, "show at most `N` chains")
	opts.narrow.add(f)
	return cmd
}

func runPath(ctx context.Context, opts pathOptions, g *globalOptions, nameA, nameB string, stdout io.Writer) (err error) {
	const cmd = "geokg path"
	if err := checkListFormat(cmd, opts.Format); err != nil {
		return err
	}
	if opts.MaxHops < 1 || opts.MaxPaths < 1 {
		return usagef(cmd, "--max-hops and --max-paths: want 1 or more")
	}
	f, err := narrowedFilter(cmd, opts.Relations, "", opts.Evidence, &opts.narrow)
	if err != nil {
		return err
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	var a, b graph.Actor
	if a, err = resolve(ctx, s, g, nameA); err != nil {
		return err
	}
	if b, err = resolve(ctx, s, g, nameB); err != nil {
		return err
	}
	p, err := s.Paths(ctx, a.ID, b.ID, opts.MaxHops, opts.MaxPaths, f)
	if err != nil {
		return err
	}
	c := *p
	if opts.Format == "json" {
		err = export.PathsJSON(stdout, c)
	} else {
		err = writeTable(stdout, func(w io.Writer) error { return export.PathsTable(w, c) })
	}
	if err == nil && len(c.Paths) == 0 {
		return errReported // the output says so; exit status 1
	}
	return err
}
