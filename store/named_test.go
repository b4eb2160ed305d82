package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"geokg/graph"
)

// TestNamedIn stores articles naming actors in no relation and in
// relations and checks that NamedIn counts both, that i/ keys are written
// only for the actors outside the article's relations, and that Forget
// takes them back.
func TestNamedIn(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	for _, id := range []string{"n1", "n2", "n3"} {
		art := graph.Article{ID: id, Date: date(t, "2024-06-01"), Actors: []graph.ActorID{"CHL", "PER"}}
		if id == "n3" {
			art.Actors = []graph.ActorID{"CHL"}
		}
		if _, err := s.PutArticle(ctx, art, nil, []graph.Mention{mention(id, "UKR", graph.Accuses, "RUS", 0)}); err != nil {
			t.Fatal(err)
		}
	}
	naming := func(id graph.ActorID) int {
		t.Helper()
		got, err := s.NamedIn(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for id, want := range map[graph.ActorID]int{"CHL": 3, "PER": 2, "UKR": 3, "RUS": 3, "FRA": 0} {
		if got := naming(id); got != want {
			t.Errorf("NamedIn(%s) = %d, want %d", id, got, want)
		}
	}
	wantKeys := []string{"i/CHL/n1", "i/CHL/n2", "i/CHL/n3", "i/PER/n1", "i/PER/n2"} // none for UKR and RUS, the ends
	if keys, err := s.Keys("i/"); err != nil || !slices.Equal(keys, wantKeys) {
		t.Errorf("i/ keys %q, %v; want %q", keys, err, wantKeys)
	}
	a, err := s.Article(ctx, "n1")
	if err != nil {
		t.Fatal(err)
	}
	if want := []graph.ActorID{"CHL", "PER", "RUS", "UKR"}; !slices.Equal(a.Actors, want) {
		t.Errorf("article n1 lists actors %v, want %v", a.Actors, want)
	}
	if _, err := s.Forget(ctx, "n1"); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[graph.ActorID]int{"CHL": 2, "PER": 1, "UKR": 2, "RUS": 2} {
		if got := naming(id); got != want {
			t.Errorf("after forgetting n1, NamedIn(%s) = %d, want %d", id, got, want)
		}
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check = %q, %v", problems, err)
	}
}

// TestArticleIDs looks articles up by the start of their id.
func TestArticleIDs(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	for _, id := range []string{"abcdef0011", "abcdef0022", "abcdff0033"} {
		put(t, s, id, "2024-06-01", nil, mention(id, "UKR", graph.Accuses, "RUS", 0))
	}
	for _, c := range []struct {
		prefix string
		limit  int
		want   []string
	}{
		{"abcdef00", -1, []string{"abcdef0011", "abcdef0022"}},
		{"abcdef00", 1, []string{"abcdef0011"}},
		{"abcdff", -1, []string{"abcdff0033"}},
		{"abcdef0022", -1, []string{"abcdef0022"}},
		{"zz", -1, nil},
	} {
		got, err := s.ArticleIDs(ctx, c.prefix, c.limit)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ArticleIDs(%q, %d) = %v, %v; want %v", c.prefix, c.limit, got, err, c.want)
		}
	}
}

// TestArticleMentions checks that an article's mentions found through the
// actors it names are all of them, and the same as those of a store
// written before format 6 (whose articles list no actors), found by
// reading every mention.
func TestArticleMentions(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	claimed := mention("c1", "IRN", graph.Supplies, "RUS", 0)
	claimed.Status, claimed.ClaimedBy = graph.Alleged, "UKR"
	put(t, s, "c1", "2024-08-01", world, claimed, mention("c1", "RUS", graph.AlliesWith, "BLR", 40), mention("c1", "IRN", graph.Supplies, "RUS", 90))
	want := map[string]int{"a1": 3, "a2": 3, "c1": 3}
	got := map[string][]graph.Mention{}
	for id, n := range want {
		a, ms, err := s.ArticleMentions(ctx, id)
		if err != nil || a.ID != id || len(ms) != n {
			t.Fatalf("ArticleMentions(%s) = %s, %d mentions, %v; want %d", id, a.ID, len(ms), err, n)
		}
		for _, m := range ms {
			if m.Article != id {
				t.Errorf("ArticleMentions(%s) gave a mention of %s", id, m.Article)
			}
		}
		got[id] = ms
	}
	if err := s.DowngradeTo(5); err != nil {
		t.Fatal(err)
	}
	for id := range want {
		a, ms, err := s.ArticleMentions(ctx, id)
		if err != nil || len(a.Actors) != 0 || !slices.EqualFunc(ms, got[id], func(x, y graph.Mention) bool { return x == y }) {
			t.Errorf("ArticleMentions(%s) without actors listed = %v, %v; want %v", id, ms, err, got[id])
		}
	}
	if _, _, err := s.ArticleMentions(ctx, "nope"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("ArticleMentions(nope): %v, want ErrNotFound", err)
	}
}

// TestCheckNamed removes an article's record behind the store's back and
// checks that Check reports the actors it named.
func TestCheckNamed(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	art := graph.Article{ID: "n1", Date: date(t, "2024-06-01"), Actors: []graph.ActorID{"CHL"}}
	if _, err := s.PutArticle(ctx, art, nil, nil); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check of a whole store = %q, %v", problems, err)
	}
	if err := s.DeleteKey("d/n1"); err != nil {
		t.Fatal(err)
	}
	// (and the article's key in the index by date, and the store's count
	// of articles)
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 3 || !slices.Contains(problems, "CHL is named by article n1, which is not stored") {
		t.Errorf("Check = %q, %v", problems, err)
	}
}
