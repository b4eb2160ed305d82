package store_test

import (
	"context"
	"testing"

	"geokg/graph"
	"geokg/store"
)

// putOutcome puts art through a batch, with formerID if not empty, and
// returns the outcome.
func putOutcome(t *testing.T, s *store.Store, art graph.Article, formerID string, ms ...graph.Mention) store.Outcome {
	t.Helper()
	p, err := store.Prepare(art, nil, ms)
	if err != nil {
		t.Fatal(err)
	}
	if formerID != "" {
		p.SetFormerID(formerID)
	}
	b := s.NewBatch()
	var got store.Outcome = 99
	if err := b.PutOutcome(context.Background(), p, func(o store.Outcome) { got = o }); err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestUpdateArticle puts an article again with better metadata and checks
// that its record and its mentions' dates are corrected, that the same
// again changes nothing, and that an article stored under its former id
// is found by it.
func TestUpdateArticle(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	ms := func(id string) []graph.Mention {
		return []graph.Mention{mention(id, "UKR", graph.Accuses, "RUS", 0), mention(id, "UKR", graph.Accuses, "RUS", 40), mention(id, "IRN", graph.Supplies, "RUS", 80)}
	}
	first := graph.Article{ID: "u1", Title: "first line", Source: "u1.txt", Date: date(t, "2026-12-04"), Size: 10,
		Origins: graph.Origins{Date: graph.OriginDefault, Title: graph.OriginDefault, Source: graph.OriginDefault}}
	if o := putOutcome(t, s, first, "", ms("u1")...); o != store.Added {
		t.Fatalf("first put: %v", o)
	}
	if o := putOutcome(t, s, first, "", ms("u1")...); o != store.Unchanged {
		t.Fatalf("the same again: %v, want Unchanged", o)
	}
	fixed := first
	fixed.Date, fixed.Title = date(t, "2024-03-14"), "Kyiv accuses Moscow"
	fixed.Origins.Date, fixed.Origins.Title = graph.OriginGiven, graph.OriginGiven
	if o := putOutcome(t, s, fixed, "", ms("u1")...); o != store.Updated {
		t.Fatalf("with --date and --title: %v, want Updated", o)
	}
	a, got, err := s.ArticleMentions(ctx, "u1")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Date.Equal(fixed.Date) || a.Title != fixed.Title || a.Source != "u1.txt" || len(got) != 3 {
		t.Errorf("after the update: %+v with %d mentions", a, len(got))
	}
	for _, m := range got {
		if !m.Date.Equal(fixed.Date) {
			t.Errorf("mention %+v keeps its old date", m)
		}
	}
	g, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if !e.FirstSeen.Equal(fixed.Date) || !e.LastSeen.Equal(fixed.Date) {
			t.Errorf("edge %v seen %v to %v, want %v", e.EdgeKey, e.FirstSeen, e.LastSeen, fixed.Date)
		}
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check = %q, %v", problems, err)
	}
	if o := putOutcome(t, s, fixed, "", ms("u1")...); o != store.Unchanged {
		t.Errorf("the same correction again: %v, want Unchanged", o)
	}

	// an article stored under the id an older geokg gave its text
	put(t, s, "legacy1", "2024-01-01", nil, mention("legacy1", "UKR", graph.Accuses, "RUS", 0))
	renamed := graph.Article{ID: "normal1", Date: date(t, "2024-01-01"), Origins: graph.Origins{Date: graph.OriginDefault}}
	if o := putOutcome(t, s, renamed, "legacy1", mention("normal1", "UKR", graph.Accuses, "RUS", 0)); o != store.Unchanged {
		t.Errorf("put under its former id: %v, want Unchanged", o)
	}
	if _, err := s.Article(ctx, "normal1"); err == nil {
		t.Error("the article was stored twice, under its new id too")
	}
}
