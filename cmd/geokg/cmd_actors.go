package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"geokg/graph"
)

type actorsOptions struct {
	Format     string
	Dictionary bool
}

func newActorsCommand(g *globalOptions) *cobra.Command {
	var opts actorsOptions
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "List the actors in the store",
		Long: `Actors lists every actor in the store, in id order, with its type and the
number of relations it takes part in.

With --dictionary it prints instead the actor dictionary the extractor
uses (the built-in one with --actors merged over it), in the dictionary
file format; that needs no store, and its output is a starting point for
an --actors file of your own.`,
		Example: `  geokg actors
  geokg actors --format json | jq '.[] | select(.relations > 2)'
  geokg actors --dictionary > my-actors.txt`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runActors(cmd.Context(), opts, g, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	cmd.Flags().BoolVar(&opts.Dictionary, "dictionary", false, "print the merged actor dictionary instead (no store needed)")
	return cmd
}

// actorRow is one line of "geokg actors --format json".
type actorRow struct {
	ID          graph.ActorID   `json:"id"`
	Name        string          `json:"name"`
	Type        graph.ActorType `json:"type"`
	Affiliation graph.ActorID   `json:"affiliation,omitempty"`
	Relations   int             `json:"relations"`
}

func runActors(ctx context.Context, opts actorsOptions, g *globalOptions, stdout io.Writer) (err error) {
	if err := checkListFormat("geokg actors", opts.Format); err != nil {
		return err
	}
	if opts.Dictionary {
		d, err := g.dictionary()
		if err != nil {
			return err
		}
		return d.Write(stdout)
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	rows := []actorRow{}
	err = s.Actors(ctx, func(a graph.Actor, degree int) error {
		rows = append(rows, actorRow{ID: a.ID, Name: a.Name, Type: a.Type, Affiliation: a.Affiliation, Relations: degree})
		return nil
	})
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeJSON(stdout, rows)
	}
	return writeTable(stdout, func(w io.Writer) error { return writeActorTable(w, rows) })
}

func writeActorTable(w io.Writer, rows []actorRow) error {
	return tabulate(w, func(tw io.Writer) {
		fmt.Fprintln(tw, "ID\tTYPE\tRELATIONS\tNAME")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", r.ID, r.Type, r.Relations, r.Name)
		}
	})
}
