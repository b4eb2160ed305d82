package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"geokg/graph"
	"geokg/store"
)

type statsOptions struct {
	Format string
	Top    int
}

func newStatsCommand(g *globalOptions) *cobra.Command {
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Summarise the store: articles, actors, relations, most connected actors",
		Long: `Stats counts the articles in the store (with the dates of the first and
last), the actors by type, the relations by kind (edges: distinct actor
pairs; mentions: evidence sentences), and lists the most connected actors
by the number of relations they take part in.`,
		Example: `  geokg stats
  geokg stats --top 20
  geokg stats --format json | jq .edges`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStats(cmd.Context(), opts, g, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	cmd.Flags().IntVar(&opts.Top, "top", 10, "list the `N` most connected actors")
	return cmd
}

// statsJSON is "geokg stats --format json".
type statsJSON struct {
	Articles     int            `json:"articles"`
	FirstArticle string         `json:"first_article,omitempty"`
	LastArticle  string         `json:"last_article,omitempty"`
	Actors       map[string]int `json:"actors"`
	Edges        map[string]int `json:"edges"`
	Mentions     map[string]int `json:"mentions"`
	Top          []topRow       `json:"most_connected"`
}

type topRow struct {
	ID        graph.ActorID `json:"id"`
	Name      string        `json:"name"`
	Type      string        `json:"type"`
	Relations int           `json:"relations"`
	Articles  int           `json:"articles"`
}

func runStats(ctx context.Context, opts statsOptions, g *globalOptions, stdout io.Writer) (err error) {
	if err := checkListFormat("geokg stats", opts.Format); err != nil {
		return err
	}
	if opts.Top < 0 {
		return usagef("geokg stats", "--top %d: want 0 or more", opts.Top)
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	st, err := s.Stats(ctx, opts.Top)
	if err != nil {
		return err
	}
	out := toStatsJSON(st)
	if opts.Format == "json" {
		return writeJSON(stdout, out)
	}
	return writeTable(stdout, func(w io.Writer) error { return writeStatsTable(w, st, out) })
}

func toStatsJSON(st *store.Stats) statsJSON {
	out := statsJSON{Articles: st.Articles, FirstArticle: graph.FormatDate(st.FirstArticle), LastArticle: graph.FormatDate(st.LastArticle),
		Actors: map[string]int{}, Edges: map[string]int{}, Mentions: map[string]int{}, Top: []topRow{}}
	for _, t := range graph.ActorTypes {
		out.Actors[string(t)] = st.Actors[t]
	}
	for _, r := range graph.Relations {
		out.Edges[string(r)] = st.Edges[r]
		out.Mentions[string(r)] = st.Mentions[r]
	}
	for _, c := range st.Top {
		out.Top = append(out.Top, topRow{ID: c.Actor.ID, Name: c.Actor.Name, Type: string(c.Actor.Type), Relations: c.Edges, Articles: c.Articles})
	}
	return out
}

func writeStatsTable(w io.Writer, st *store.Stats, out statsJSON) error {
	return tabulate(w, func(tw io.Writer) {
		fmt.Fprintf(tw, "Articles: %d", st.Articles)
		if out.FirstArticle != "" {
			fmt.Fprintf(tw, " (%s to %s)", out.FirstArticle, out.LastArticle)
		}
		fmt.Fprint(tw, "\n\nACTOR_TYPE\tACTORS\n")
		total := 0
		for _, t := range graph.ActorTypes {
			fmt.Fprintf(tw, "%s\t%d\n", t, st.Actors[t])
			total += st.Actors[t]
		}
		fmt.Fprintf(tw, "all\t%d\n\nRELATION\tEDGES\tMENTIONS\n", total)
		edges, mentions := 0, 0
		for _, r := range graph.Relations {
			fmt.Fprintf(tw, "%s\t%d\t%d\n", r, st.Edges[r], st.Mentions[r])
			edges, mentions = edges+st.Edges[r], mentions+st.Mentions[r]
		}
		fmt.Fprintf(tw, "all\t%d\t%d\n", edges, mentions)
		if len(st.Top) > 0 {
			fmt.Fprint(tw, "\nMOST_CONNECTED\tTYPE\tRELATIONS\tARTICLES\n")
			for _, c := range st.Top {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", c.Actor.Name, c.Actor.Type, c.Edges, c.Articles)
			}
		}
	})
}
