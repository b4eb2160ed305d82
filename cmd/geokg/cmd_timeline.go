package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"geokg/graph"
	"geokg/store"
)

type timelineOptions struct {
	Relations []string
	Direction string
	Format    string
	narrow    narrowFlags
}

func newTimelineCommand(g *globalOptions) *cobra.Command {
	var opts timelineOptions
	cmd := &cobra.Command{
		Use:   "timeline NAME [OTHER]",
		Short: "Count an actor's relations month by month",
		Long: `Timeline counts, for each month, the articles that show NAME's relations
(the same relations "geokg actor" lists, including those voiced by the
persons and bodies that speak for NAME), one column per relation. With
OTHER, only the relations between NAME and OTHER are counted.

A count is a number of articles: an article that shows a relation twice
counts once, and TOTAL counts each article once whatever it shows. Months
run from the first to the last with an article, with empty months as
zeros. Articles are dated by --date at ingest (or their file's date).`,
		Example: `  geokg timeline Russia
  geokg timeline Ukraine Russia --relation accuses
  geokg timeline Iran --since 2024-01-01 --format json`,
		Args: usageArgs(cobra.RangeArgs(1, 2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTimeline(cmd.Context(), opts, g, args, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Relations, "relation", nil, "count only this `relation` (repeatable)")
	f.StringVar(&opts.Direction, "direction", "both", "which relations: out (by the actor), in (about it) or both")
	f.StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	opts.narrow.add(f)
	return cmd
}

// timelineRow is one month of "geokg timeline --format json".
type timelineRow struct {
	Month     string         `json:"month"` // YYYY-MM
	Relations map[string]int `json:"relations"`
	Total     int            `json:"total"`
}

func runTimeline(ctx context.Context, opts timelineOptions, g *globalOptions, names []string, stdout io.Writer) (err error) {
	const cmd = "geokg timeline"
	if err := checkListFormat(cmd, opts.Format); err != nil {
		return err
	}
	f, err := narrowedFilter(cmd, opts.Relations, opts.Direction, 0, &opts.narrow)
	if err != nil {
		return err
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ids := make([]graph.ActorID, 2)
	for i, name := range names {
		a, err := resolve(ctx, s, g, name)
		if err != nil {
			return err
		}
		ids[i] = a.ID
	}
	months, err := s.Timeline(ctx, ids[0], ids[1], f)
	if err != nil {
		return err
	}
	rels := graph.Relations
	if len(f.Relations) > 0 {
		rels = f.Relations
	}
	if opts.Format == "json" {
		return writeTimelineJSON(stdout, months, rels)
	}
	return writeTable(stdout, func(w io.Writer) error { return writeTimelineTable(w, months, rels) })
}

func writeTimelineJSON(w io.Writer, months []store.Month, rels []graph.Relation) error {
	rows := make([]timelineRow, len(months))
	for i, m := range months {
		rows[i] = timelineRow{Month: m.Start.Format("2006-01"), Relations: map[string]int{}, Total: m.Total}
		for _, r := range rels {
			rows[i].Relations[string(r)] = m.Counts[r]
		}
	}
	return writeJSON(w, rows)
}

func writeTimelineTable(w io.Writer, months []store.Month, rels []graph.Relation) error {
	if len(months) == 0 {
		_, err := fmt.Fprintln(w, "No dated articles show these relations.")
		return err
	}
	return tabulate(w, func(tw io.Writer) {
		head := []string{"MONTH"}
		for _, r := range rels {
			head = append(head, strings.ToUpper(strings.ReplaceAll(string(r), "-", "_")))
		}
		fmt.Fprintln(tw, strings.Join(append(head, "TOTAL"), "\t"))
		for _, m := range months {
			cells := []string{m.Start.Format("2006-01")}
			for _, r := range rels {
				cells = append(cells, strconv.Itoa(m.Counts[r]))
			}
			fmt.Fprintln(tw, strings.Join(append(cells, strconv.Itoa(m.Total)), "\t"))
		}
	})
}
