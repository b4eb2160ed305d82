package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"geokg/graph"
	"geokg/store"
)

func TestPutArticleAggregates(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	g, err := s.Graph(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		articles, mentions int
		first, last        string
	}{
		"PRK supplies RUS":                   {2, 3, "2024-05-20", "2024-06-01"},
		"PRK allies-with RUS":                {2, 2, "2024-06-01", "2024-07-15"},
		"org:kremlin accuses UKR":            {1, 1, "2024-07-15", "2024-07-15"},
		"UKR accuses RUS":                    {1, 1, "2024-07-15", "2024-07-15"},
		"person:foreign-minister denies UKR": {1, 1, "2024-05-20", "2024-05-20"},
	}
	if len(g.Edges) != len(want) {
		t.Errorf("got %d edges, want %d", len(g.Edges), len(want))
	}
	for _, e := range g.Edges {
		name := fmt.Sprintf("%s %s %s", e.Source, e.Relation, e.Target)
		w, ok := want[name]
		if !ok {
			t.Errorf("unexpected edge %s", name)
			continue
		}
		got := fmt.Sprintf("%d %d %s %s", e.Articles, e.Mentions, graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen))
		if exp := fmt.Sprintf("%d %d %s %s", w.articles, w.mentions, w.first, w.last); got != exp {
			t.Errorf("%s: got %s, want %s (articles mentions first last)", name, got, exp)
		}
	}
}

func TestSymmetricStoredOnce(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s) // a1 has RUS allies-with PRK, a2 PRK allies-with RUS
	for _, prefix := range []string{"e/RUS/allies-with/", "r/PRK/allies-with/", "m/RUS/"} {
		keys, err := s.Keys(prefix)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 0 {
			t.Errorf("keys under %s = %q, want none: allies-with goes under the lesser id", prefix, keys)
		}
	}
	keys, err := s.Keys("e/PRK/allies-with/")
	if err != nil || len(keys) != 1 || keys[0] != "e/PRK/allies-with/RUS" {
		t.Errorf("allies-with edges = %q, %v; want [e/PRK/allies-with/RUS]", keys, err)
	}
}

func TestIndexConsistency(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	edges, err := s.Keys("e/")
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.Keys("r/")
	if err != nil {
		t.Fatal(err)
	}
	twins := map[string]bool{}
	for _, k := range rev {
		p := strings.Split(k, "/")
		twins["e/"+p[3]+"/"+p[2]+"/"+p[1]] = true
	}
	if len(rev) != len(edges) {
		t.Errorf("%d in-edge keys for %d edges", len(rev), len(edges))
	}
	for _, k := range edges {
		if !twins[k] {
			t.Errorf("edge %s has no r/ twin", k)
		}
	}
	// Edge counts equal their mentions, as stored.
	err = s.EachEdge(context.Background(), store.Filter{Evidence: -1}, func(e graph.Edge) error {
		arts := map[string]bool{}
		for _, m := range e.Evidence {
			arts[m.Article] = true
		}
		if e.Mentions != len(e.Evidence) || e.Articles != len(arts) {
			t.Errorf("%v: counts %d/%d, evidence gives %d/%d", e.EdgeKey, e.Articles, e.Mentions, len(arts), len(e.Evidence))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Check on a fresh store = %q, %v; want none", problems, err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	tests := []struct{ key, want string }{
		{"r/RUS/supplies/PRK", "no in-edge key"},
		{"e/UKR/accuses/RUS", "has no edge"},
		{store.MentionKey("UKR", "accuses", "RUS", "2024-07-15", "a2", 0), `edge "e/UKR/accuses/RUS" has no mentions`},
		{"a/org:kremlin", "no actor org:kremlin"},
		{"d/a2", "no article a2"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			s := mustOpen(t, t.TempDir())
			fixture(t, s)
			if err := s.DeleteKey(tt.key); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Errorf("after deleting %s, Check = %q; want a problem containing %q", tt.key, problems, tt.want)
			}
		})
	}
}

func TestPutArticleIdempotent(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	ms := []graph.Mention{mention("x1", "PRK", graph.Supplies, "RUS", 0)}
	if !put(t, s, "x1", "2024-01-01", world, ms...) {
		t.Fatal("first put: added=false")
	}
	if put(t, s, "x1", "2024-01-01", world, ms...) {
		t.Error("second put of the same article: added=true")
	}
	g, err := s.Graph(context.Background(), store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 1 || g.Edges[0].Articles != 1 || g.Edges[0].Mentions != 1 || len(g.Edges[0].Evidence) != 1 {
		t.Errorf("after a re-put: %+v, want one edge with 1 article, 1 mention", g.Edges)
	}
}

func TestPutArticleAtomic(t *testing.T) {
	t.Run("invalid mention", func(t *testing.T) {
		s := mustOpen(t, t.TempDir())
		bad := mention("b1", "PRK", graph.Relation("admires"), "RUS", 10)
		_, err := s.PutArticle(context.Background(), graph.Article{ID: "b1"}, world,
			[]graph.Mention{mention("b1", "PRK", graph.Supplies, "RUS", 0), bad})
		if !errors.Is(err, graph.ErrInvalid) {
			t.Fatalf("put with a bad relation: %v, want ErrInvalid", err)
		}
		assertEmpty(t, s)
	})
	t.Run("too big for one transaction", func(t *testing.T) {
		s := mustOpen(t, t.TempDir())
		// Each new edge writes e/, r/ and m/ keys: 6000 edges are 18,000
		// entries, more than the test memtable's transaction limit, so
		// the article goes in several (parts.go), whole.
		var ms []graph.Mention
		for i := range 6000 {
			ms = append(ms, mention("big", graph.ActorID(fmt.Sprintf("SRC%04d", i)), graph.Supplies, "RUS", i*30))
		}
		added, err := s.PutArticle(context.Background(), graph.Article{ID: "big"}, world, ms)
		if err != nil || !added {
			t.Fatalf("put of a huge article: added=%v, %v", added, err)
		}
		g, err := s.Graph(context.Background(), store.Filter{})
		if err != nil || len(g.Edges) != 6000 {
			t.Fatalf("graph after a put in parts: %d edges (%v), want 6000", len(g.Edges), err)
		}
		if added, err := s.PutArticle(context.Background(), graph.Article{ID: "big"}, world, ms); err != nil || added {
			t.Errorf("second put of the huge article: added=%v, %v; want a no-op", added, err)
		}
		mustCheck(t, s)
		// The store still works afterwards.
		if !put(t, s, "small", "", world, mention("small", "PRK", graph.Supplies, "RUS", 0)) {
			t.Error("put after a failed one: added=false")
		}
	})
}

// assertEmpty checks that nothing but the format key was written.
func assertEmpty(t *testing.T, s *store.Store) {
	t.Helper()
	for _, p := range []string{"a/", "n/", "f/", "e/", "r/", "m/", "d/"} {
		if keys, err := s.Keys(p); err != nil || len(keys) != 0 {
			t.Errorf("after a failed put, %d keys under %s (%v)", len(keys), p, err)
		}
	}
}

func TestActorUpsert(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	ctx := context.Background()
	// First the minister appears only as a mention end: a placeholder.
	put(t, s, "u1", "", nil, mention("u1", "person:envoy", graph.Accuses, "UKR", 0))
	a, err := s.Actor(ctx, "person:envoy")
	if err != nil || a.Name != "person:envoy" {
		t.Fatalf("placeholder = %+v, %v", a, err)
	}
	envoy := graph.Actor{ID: "person:envoy", Name: "Special Envoy Petrov", Type: graph.Person, Affiliation: "RUS", Aliases: []string{"Petrov"}}
	put(t, s, "u2", "", []graph.Actor{envoy, russia})
	// A later article with less knowledge must not undo it.
	put(t, s, "u3", "", []graph.Actor{{ID: "person:envoy", Name: "Envoy", Type: graph.Group, Aliases: []string{"the envoy"}}})
	a, err = s.Actor(ctx, "person:envoy")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Actor{ID: "person:envoy", Name: "Special Envoy Petrov", Type: graph.Person, Affiliation: "RUS",
		Aliases: []string{"Envoy", "Petrov", "the envoy"}}
	if fmt.Sprint(a) != fmt.Sprint(want) {
		t.Errorf("after upserts: %+v, want %+v", a, want)
	}
	for _, name := range []string{"petrov", "Envoy", "special envoy petrov"} {
		if got, err := s.Resolve(ctx, name); err != nil || got.ID != "person:envoy" {
			t.Errorf("Resolve(%q) = %v, %v; want person:envoy", name, got.ID, err)
		}
	}
	// The id's index entry now shows the real name.
	if got, err := s.Suggest(ctx, "person:envoi", 1); err != nil || len(got) != 1 || got[0] != "Special Envoy Petrov" {
		t.Errorf("Suggest(person:envoi) = %q, %v; want [Special Envoy Petrov]", got, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after upserts = %q, %v", problems, err)
	}
}

func TestArticles(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	var ids []string
	err := s.Articles(context.Background(), func(a graph.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || strings.Join(ids, ",") != "a1,a2,a3" {
		t.Errorf("Articles = %v, %v; want a1,a2,a3", ids, err)
	}
	stop := errors.New("stop")
	err = s.Articles(context.Background(), func(graph.Article) error { return stop })
	if err != stop {
		t.Errorf("Articles returned %v, want the callback's own error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Articles(ctx, func(graph.Article) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Articles with a cancelled context: %v", err)
	}
}

func TestPutArticleConcurrent(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	const writers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("c%d-%d", w, i)
				ms := []graph.Mention{mention(id, "PRK", graph.Supplies, "RUS", 0), mention(id, "RUS", graph.AlliesWith, "PRK", 50)}
				if _, err := s.PutArticle(context.Background(), graph.Article{ID: id}, world, ms); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent put: %v", err)
	}
	g, err := s.Graph(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if e.Articles != writers*each || e.Mentions != writers*each {
			t.Errorf("%v: %d articles, %d mentions; want %d each", e.EdgeKey, e.Articles, e.Mentions, writers*each)
		}
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Check = %q, %v", problems, err)
	}
}
