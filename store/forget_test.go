package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

// mustGraph returns the whole graph with all evidence.
func mustGraph(t *testing.T, s *store.Store) *graph.Graph {
	t.Helper()
	g, err := s.Graph(context.Background(), store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// mustKeys returns every key of the store.
func mustKeys(t *testing.T, s *store.Store) []string {
	t.Helper()
	keys, err := s.Keys("")
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func mustCheck(t *testing.T, s *store.Store) {
	t.Helper()
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Check = %q, %v; want no problems", problems, err)
	}
}

func TestForget(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	before, keys := mustGraph(t, s), mustKeys(t, s)

	f, err := s.Forget(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	// a2 holds PRK allies-with RUS (shared with a1: lowered), the Kremlin's
	// and UKR's accusations (only a2: removed).
	if f.Article.ID != "a2" || f.Mentions != 3 || f.Lowered != 1 || f.Removed != 2 {
		t.Errorf("Forget(a2) = %+v; want a2, 3 mentions, 1 lowered, 2 removed", f)
	}
	mustCheck(t, s)
	// The edges are those of a store that never saw a2.
	clean := mustOpen(t, t.TempDir())
	fixture(t, clean)
	if _, err := clean.Forget(ctx, "a2"); err != nil {
		t.Fatal(err)
	}
	without := mustOpen(t, t.TempDir())
	put(t, without, "a1", "2024-06-01", world,
		mention("a1", "PRK", graph.Supplies, "RUS", 0),
		mention("a1", "PRK", graph.Supplies, "RUS", 50),
		mention("a1", "RUS", graph.AlliesWith, "PRK", 100),
	)
	put(t, without, "a3", "2024-05-20", nil,
		mention("a3", "PRK", graph.Supplies, "RUS", 0),
		mention("a3", "person:foreign-minister", graph.Denies, "UKR", 30),
	)
	if got, want := mustGraph(t, s).Edges, mustGraph(t, without).Edges; !reflect.DeepEqual(got, want) {
		t.Errorf("edges after Forget(a2):\n%+v\nwant (never ingested):\n%+v", got, want)
	}
	if _, err := s.Article(ctx, "a2"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Article(a2) after Forget: %v, want ErrNotFound", err)
	}

	// Putting it back gives the same store, key for key.
	put(t, s, "a2", "2024-07-15", world[:3],
		mention("a2", "PRK", graph.AlliesWith, "RUS", 0),
		mention("a2", "org:kremlin", graph.Accuses, "UKR", 40),
		mention("a2", "UKR", graph.Accuses, "RUS", 80),
	)
	if got := mustKeys(t, s); !slices.Equal(got, keys) {
		t.Errorf("keys after forget and put differ:\n%q\nwant\n%q", got, keys)
	}
	if got := mustGraph(t, s); !reflect.DeepEqual(got, before) {
		t.Errorf("graph after forget and put:\n%+v\nwant\n%+v", got, before)
	}
	mustCheck(t, s)
}

func TestForgetErrors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	if _, err := s.Forget(ctx, "nope"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Forget(nope) = %v, want ErrNotFound", err)
	}
	if _, err := s.Forget(ctx, "a/b"); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Forget(a/b) = %v, want ErrInvalid", err)
	}
	if _, err := s.Forget(ctx, "a3"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forget(ctx, "a3"); !errors.Is(err, store.ErrForgotten) {
		t.Errorf("second Forget(a3) = %v, want ErrForgotten", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Forget(cancelled, "a1"); !errors.Is(err, context.Canceled) {
		t.Errorf("Forget with a cancelled context = %v", err)
	}
	if _, err := s.Article(ctx, "a1"); err != nil {
		t.Errorf("a cancelled Forget removed a1: %v", err)
	}
	mustCheck(t, s)
}

// randomArticle makes article i of a random corpus: a few mentions among a
// few actors, a date that is sometimes missing (then the mentions carry
// their own dates).
func randomArticle(r *rand.Rand, i int) (graph.Article, []graph.Mention) {
	ids := []graph.ActorID{"RUS", "UKR", "PRK", "IRN", "BLR"}
	id := fmt.Sprintf("r%03d", i)
	art := graph.Article{ID: id, Title: id, Size: 10}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
	if r.IntN(4) > 0 {
		art.Date = day
	}
	var ms []graph.Mention
	for j := range 1 + r.IntN(5) {
		src, dst := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
		if src == dst {
			continue
		}
		m := mention(id, src, graph.Relations[r.IntN(len(graph.Relations))], dst, j*40)
		if art.Date.IsZero() {
			m.Date = day.AddDate(0, 0, j)
		}
		ms = append(ms, m)
	}
	return art, ms
}

// TestForgetRandom forgets random articles of a random corpus and compares
// the graph with one built from the remaining articles only.
func TestForgetRandom(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(5) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 42))
			s, kept := mustOpen(t, t.TempDir()), mustOpen(t, t.TempDir())
			var forgotten []string
			for i := range 40 {
				art, ms := randomArticle(r, i)
				if _, err := s.PutArticle(ctx, art, world, slices.Clone(ms)); err != nil {
					t.Fatal(err)
				}
				if r.IntN(3) == 0 {
					forgotten = append(forgotten, art.ID)
					continue
				}
				if _, err := kept.PutArticle(ctx, art, world, ms); err != nil {
					t.Fatal(err)
				}
			}
			for _, id := range forgotten {
				if _, err := s.Forget(ctx, id); err != nil {
					t.Errorf("Forget(%s): %v", id, err)
				}
			}
			mustCheck(t, s)
			if got, want := mustGraph(t, s).Edges, mustGraph(t, kept).Edges; !reflect.DeepEqual(got, want) {
				t.Errorf("after forgetting %q, edges\n%+v\nwant\n%+v", forgotten, got, want)
			}
		})
	}
}

func TestForgetConcurrent(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	r := rand.New(rand.NewPCG(7, 7))
	type item struct {
		art graph.Article
		ms  []graph.Mention
	}
	var items []item
	for i := range 60 {
		art, ms := randomArticle(r, i)
		items = append(items, item{art, ms})
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(items); i += 4 {
				if _, err := s.PutArticle(ctx, items[i].art, world, slices.Clone(items[i].ms)); err != nil {
					t.Error(err)
				}
				if i%2 == 0 {
					if _, err := s.Forget(ctx, items[i].art.ID); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	mustCheck(t, s)
	n := 0
	if err := s.Articles(ctx, func(graph.Article) error { n++; return nil }); err != nil || n != 30 {
		t.Errorf("%d articles left (%v), want 30", n, err)
	}
}

func TestMentionCounts(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	put(t, s, "empty", "2024-01-01", nil)
	got, err := s.MentionCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"a1": 3, "a2": 3, "a3": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("MentionCounts = %v, want %v", got, want)
	}
}

func claimedMention() graph.Mention {
	m := mention("a1", "PRK", graph.Supplies, "RUS", 300)
	m.Status, m.ClaimedBy = graph.Alleged, "USA"
	return m
}

func TestCheckFindsBadValues(t *testing.T) {
	tests := []struct {
		key   string
		value []byte
		want  string
	}{
		{"e/PRK/accuses/UKR", nil, `edge "e/PRK/accuses/UKR" has no mentions`},
		{store.MentionKey("PRK", "supplies", "RUS", "2024-05-20", "a1/x", 0), nil, "bad mention key"},
		{"n/tsar/RUS", []byte("Tsar"), `name "tsar": actor RUS has no such name`},
		{"n/narnia/NAR", []byte("Narnia"), `name "narnia": no actor NAR`},
		{"f/RUS/UKR", nil, `affiliation "f/RUS/UKR": actor UKR is affiliated to ""`},
		{store.MentionKey("PRK", "supplies", "RUS", "2024-05-20", "zz", 0), []byte("{}"), "no article zz"},
		{"e/PRK/frobs/RUS", nil, "bad edge key"},
		// a mention naming a claimant, written without its claimant flag
		{store.MentionKey("PRK", "supplies", "RUS", "2024-06-01", "a1", 7), store.EncodeMention(claimedMention()), "claimant flag false"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			s := mustOpen(t, t.TempDir())
			fixture(t, s)
			if err := s.SetKey(tt.key, tt.value); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Check(context.Background())
			if err != nil && !errors.Is(err, store.ErrDamaged) { // a mention value that does not decode is damage
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Errorf("after setting %s, Check = %q; want a problem containing %q", tt.key, problems, tt.want)
			}
		})
	}
}

func TestForgetDamaged(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	// a1 and a3 share PRK supplies RUS; a3's record is lost. Forgetting a1
	// needs no other article: the edge keeps a3's mention.
	if err := s.DeleteKey("d/a3"); err != nil {
		t.Fatal(err)
	}
	f, err := s.Forget(ctx, "a1")
	if err != nil {
		t.Fatalf("Forget on a damaged store: %v", err)
	}
	if f.Lowered == 0 {
		t.Errorf("Forget(a1) = %+v; want PRK supplies RUS lowered", f)
	}
	if _, err := s.Article(ctx, "a1"); err == nil {
		t.Errorf("a1 is still stored")
	}
	problems, err := s.Check(ctx)
	if err != nil || !strings.Contains(strings.Join(problems, "\n"), "no article a3") {
		t.Errorf("Check = %q, %v; want a3's mentions reported", problems, err)
	}
}

// An edge's counts are read from its mention keys (format 3). They must be
// what its mentions say, whatever their dates: in randomArticle's undated
// articles each mention carries a date of its own, which puts one
// article's mentions of an edge apart in key order.
func TestCountsFromMentionKeys(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(5) {
		r := rand.New(rand.NewPCG(seed, 9))
		s := mustOpen(t, t.TempDir())
		// u1's two mentions fall on both sides of u2's in key order
		u1a, u1b := mention("u1", "PRK", graph.Supplies, "RUS", 0), mention("u1", "PRK", graph.Supplies, "RUS", 40)
		u1a.Date, u1b.Date = date(t, "2023-01-01"), date(t, "2023-01-03")
		if _, err := s.PutArticle(ctx, graph.Article{ID: "u1"}, world, []graph.Mention{u1a, u1b}); err != nil {
			t.Fatal(err)
		}
		put(t, s, "u2", "2023-01-02", world, mention("u2", "PRK", graph.Supplies, "RUS", 0))
		for i := range 60 {
			art, ms := randomArticle(r, i)
			if _, err := s.PutArticle(ctx, art, world, ms); err != nil {
				t.Fatal(err)
			}
		}
		g, err := s.Graph(ctx, store.Filter{Evidence: -1})
		if err != nil {
			t.Fatal(err)
		}
		byKey := map[graph.EdgeKey]graph.Edge{}
		for _, e := range g.Edges {
			want := graph.Edge{EdgeKey: e.EdgeKey, Mentions: len(e.Evidence)}
			arts := map[string]bool{}
			for _, m := range e.Evidence {
				arts[m.Article] = true
				if !m.Date.IsZero() && (want.FirstSeen.IsZero() || m.Date.Before(want.FirstSeen)) {
					want.FirstSeen = m.Date
				}
				if m.Date.After(want.LastSeen) {
					want.LastSeen = m.Date
				}
			}
			want.Articles = len(arts)
			got := e
			got.Evidence = nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("seed %d: edge %+v; its mentions give %+v", seed, got, want)
			}
			byKey[e.EdgeKey] = got
		}
		// a view counts as the graph does
		v, err := s.View(ctx, "RUS", store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range v.Links {
			if want := byKey[l.Edge.EdgeKey]; !reflect.DeepEqual(l.Edge, want) {
				t.Errorf("seed %d: view link %+v; graph edge %+v", seed, l.Edge, want)
			}
		}
	}
}

// TestForgetSmallWrites forgets articles in sessions opened with
// SmallWrites: a usual article goes as in any session, one whose removal
// does not fit the small session's transactions fails with ErrTooBig and
// leaves the store as it was, and a session of the usual sizes then
// forgets it.
func TestForgetSmallWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{}) // geokg's Badger options, as SmallWrites changes them
	if err != nil {
		t.Fatal(err)
	}
	fixture(t, s)
	var big []graph.Mention
	for i := range 3000 {
		big = append(big, mention("big", "UKR", graph.Accuses, "RUS", i*40))
	}
	put(t, s, "big", "2024-07-01", nil, big...)
	put(t, s, "small", "2024-07-02", nil, mention("small", "PRK", graph.Supplies, "RUS", 0))
	want := mustGraph(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	if s, err = store.Open(dir, store.Options{SmallWrites: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forget(ctx, "big"); !errors.Is(err, store.ErrTooBig) {
		t.Fatalf("forget of 3,000 mentions in a small session: %v, want ErrTooBig", err)
	}
	if got := mustGraph(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("graph after a forget too big for the session differs")
	}
	if f, err := s.Forget(ctx, "small"); err != nil || f.Mentions != 1 {
		t.Fatalf("forget of one mention in a small session: %+v, %v", f, err)
	}
	mustCheck(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	if s, err = store.Open(dir, store.Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if f, err := s.Forget(ctx, "big"); err != nil || f.Mentions != 3000 {
		t.Fatalf("forget of 3,000 mentions in a usual session: %+v, %v", f, err)
	}
	mustCheck(t, s)
}

// TestSmallWritesLeaveNoValueLog ingests one article per session sized
// for small writes: their values go into the tree, so each session's
// value log file stays empty and a later writable open deletes it (Badger
// keeps the newest, so two empty files stay besides the first session's),
// where sessions of the usual sizes leave a file each.
func TestSmallWritesLeaveNoValueLog(t *testing.T) {
	const sessions = 6
	vlogs := func(small bool) int {
		dir := t.TempDir()
		for i := range sessions {
			s, err := store.Open(dir, store.Options{SmallWrites: small && i > 0}) // the first creates the store
			if err != nil {
				t.Fatal(err)
			}
			id := fmt.Sprintf("a%d", i)
			m := mention(id, "UKR", graph.Accuses, "RUS", 0)
			m.Sentence = strings.Repeat("A sentence long enough for the value log. ", 4)
			put(t, s, id, "2024-07-01", world, m)
			if i == sessions-1 {
				mustCheck(t, s)
				if v, err := s.View(context.Background(), "RUS", store.Filter{Evidence: -1}); err != nil || len(v.Links) != 1 || v.Links[0].Edge.Mentions != sessions {
					t.Fatalf("view after small sessions: %+v, %v", v, err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.vlog"))
		if err != nil {
			t.Fatal(err)
		}
		return len(files)
	}
	usual, small := vlogs(false), vlogs(true)
	if usual != sessions || small > 3 {
		t.Errorf("%d value log files after small sessions, %d after usual ones", small, usual)
	}
}

// TestForgetManyActors forgets an article that lists more actors than
// Forget looks edges up for one by one (it then walks each one's
// out-edges instead): the store is then that of a store that never had it.
func TestForgetManyActors(t *testing.T) {
	ctx := context.Background()
	s, without := mustOpen(t, t.TempDir()), mustOpen(t, t.TempDir())
	var actors []graph.ActorID
	for i := range 30 {
		actors = append(actors, graph.ActorID(fmt.Sprintf("X%02d", i)))
	}
	day := date(t, "2024-03-01")
	var ms []graph.Mention
	for i, a := range actors[1:] {
		ms = append(ms, mention("big", actors[i], graph.Accuses, a, 30*i))
	}
	for _, st := range []*store.Store{s, without} {
		other := mention("other", "X03", graph.Accuses, "X04", 0)
		if _, err := st.PutArticle(ctx, graph.Article{ID: "other", Date: day, Actors: []graph.ActorID{"X03", "X04"}}, nil, []graph.Mention{other}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PutArticle(ctx, graph.Article{ID: "big", Date: day, Actors: actors}, nil, ms); err != nil {
		t.Fatal(err)
	}
	f, err := s.Forget(ctx, "big")
	if err != nil {
		t.Fatal(err)
	}
	if f.Mentions != len(ms) || f.Lowered != 1 || f.Removed != len(ms)-1 {
		t.Errorf("Forget(big) = %+v; want %d mentions, 1 lowered, %d removed", f, len(ms), len(ms)-1)
	}
	mustCheck(t, s)
	if got, want := mustGraph(t, s).Edges, mustGraph(t, without).Edges; !reflect.DeepEqual(got, want) {
		t.Errorf("edges after Forget(big):\n%+v\nwant (never ingested):\n%+v", got, want)
	}
}
