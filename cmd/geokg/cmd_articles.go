package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"geokg/graph"
)

type articlesOptions struct {
	Format string
}

func newArticlesCommand(g *globalOptions) *cobra.Command {
	var opts articlesOptions
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List the articles in the store",
		Long: `Articles lists every article in the store, in id order, with its date, the
number of relations (mentions) stored from it, its size in bytes and its
title and source. The id is what "geokg forget" takes.`,
		Example: `  geokg articles
  geokg articles --format json | jq -r '.[] | select(.relations == 0) | .title'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runArticles(cmd.Context(), opts, g, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	return cmd
}

// articleRow is one line of "geokg articles --format json".
type articleRow struct {
	ID        string `json:"id"`
	Date      string `json:"date,omitempty"`
	Relations int    `json:"relations"`
	Size      int    `json:"size"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
}

func runArticles(ctx context.Context, opts articlesOptions, g *globalOptions, stdout io.Writer) (err error) {
	if err := checkListFormat("geokg articles", opts.Format); err != nil {
		return err
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	counts, err := s.MentionCounts(ctx)
	if err != nil {
		return err
	}
	rows := []articleRow{}
	err = s.Articles(ctx, func(a graph.Article) error {
		rows = append(rows, articleRow{ID: a.ID, Date: graph.FormatDate(a.Date), Relations: counts[a.ID],
			Size: a.Size, Title: a.Title, Source: a.Source, URL: a.URL})
		return nil
	})
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeJSON(stdout, rows)
	}
	return writeTable(stdout, func(w io.Writer) error { return writeArticleTable(w, rows) })
}

func writeArticleTable(w io.Writer, rows []articleRow) error {
	return tabulate(w, func(tw io.Writer) {
		fmt.Fprintln(tw, "ID\tDATE\tRELATIONS\tSIZE\tTITLE\tSOURCE")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", r.ID, r.Date, r.Relations, r.Size, cell(r.Title), cell(r.Source))
		}
	})
}
