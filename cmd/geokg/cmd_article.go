package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"geokg/export"
	"geokg/graph"
	"geokg/store"
)

type articleOptions struct {
	Format string
}

func newArticleCommand(g *globalOptions) *cobra.Command {
	var opts articleOptions
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "Show one stored article: its metadata and the relations found in it",
		Long: `Article shows one stored article: its id, title, date, source, URL, size
and the actors it names, then every relation found in it with the sentence
that shows it and its status (alleged by whom, denied by whom).

ID is the id "geokg articles" lists, or any unique start of it of 8
characters or more (as git takes commit ids); a start that several ids share
is refused with the candidates.`,
		Example: `  geokg articles
  geokg article 66e785a2
  geokg article 66e785a2b5439ec0c9504209bec1d216 --format json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runArticle(cmd.Context(), opts, g, args[0], cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	return cmd
}

func runArticle(ctx context.Context, opts articleOptions, g *globalOptions, arg string, stdout io.Writer) (err error) {
	if err := checkListFormat("geokg article", opts.Format); err != nil {
		return err
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	id, err := articleID(ctx, s, arg)
	if err != nil {
		return err
	}
	a, ms, err := s.ArticleMentions(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("article %s: not in the store (see \"geokg articles\")", arg)
	}
	if err != nil {
		return err
	}
	d := export.ArticleDoc{Article: a, Mentions: ms, Actors: map[graph.ActorID]graph.Actor{}}
	for _, id := range namedIn(a, ms) {
		if act, ok := knownActor(ctx, s, g, id); ok {
			d.Actors[id] = act
		}
	}
	if opts.Format == "json" {
		return export.ArticleJSON(stdout, d)
	}
	return writeTable(stdout, func(w io.Writer) error { return export.ArticleTable(w, d) })
}

// namedIn lists the actors an article and its mentions name.
func namedIn(a graph.Article, ms []graph.Mention) []graph.ActorID {
	ids := append([]graph.ActorID(nil), a.Actors...)
	for _, m := range ms {
		ids = append(ids, m.Source, m.Target, m.ClaimedBy, m.DisputedBy)
	}
	return ids
}

// knownActor is the stored actor with id, or else the dictionary's.
func knownActor(ctx context.Context, s *store.Store, g *globalOptions, id graph.ActorID) (graph.Actor, bool) {
	if id == "" {
		return graph.Actor{}, false
	}
	if a, err := s.Actor(ctx, id); err == nil {
		return a, true
	}
	if d, err := g.dictionary(); err == nil {
		if e, ok := d.Entry(id); ok {
			return e.Actor, true
		}
	}
	return graph.Actor{}, false
}

// minIDPrefix is the fewest characters of an article id taken for the
// whole id, as git takes commit ids.
const minIDPrefix = 8

// maxCandidates is how many ids an ambiguous prefix error lists.
const maxCandidates = 10

// articleID returns the stored article id that arg is, or starts: arg
// itself when an article has that id, or when no article id starts with
// it (the caller then says it is not there); the one id that starts with
// arg, if it has at least minIDPrefix characters; an error listing the
// candidates when several do.
func articleID(ctx context.Context, s *store.Store, arg string) (string, error) {
	if _, err := s.Article(ctx, arg); err == nil || !errors.Is(err, graph.ErrNotFound) {
		return arg, nil // there, or malformed: the caller says which
	}
	if len(arg) < minIDPrefix {
		return arg, nil
	}
	ids, err := s.ArticleIDs(ctx, arg, maxCandidates+1)
	if err == nil && len(ids) == 0 {
		// an article forgotten: the caller says so
		ids, err = s.ForgottenIDs(ctx, arg, maxCandidates+1)
	}
	switch {
	case err != nil:
		return "", err
	case len(ids) == 0:
		return arg, nil
	case len(ids) == 1:
		return ids[0], nil
	}
	more := ""
	if len(ids) > maxCandidates {
		ids, more = ids[:maxCandidates], ", ..."
	}
	return "", fmt.Errorf("article id %s is ambiguous: it starts %s%s; give more of it", arg, strings.Join(ids, ", "), more)
}
