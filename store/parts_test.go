package store_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"geokg/graph"
	"geokg/store"
)

// hugeArticle is an article with more mentions than the test store's
// transactions take (about 13,000 entries): 9000 of North Korea supplying
// Russia and 7000 of Ukraine accusing Russia.
func hugeArticle(t *testing.T, id string) (graph.Article, []graph.Mention) {
	var ms []graph.Mention
	for i := range 9000 {
		ms = append(ms, mention(id, "PRK", graph.Supplies, "RUS", i*30))
	}
	for i := range 7000 {
		ms = append(ms, mention(id, "UKR", graph.Accuses, "RUS", i*30))
	}
	return graph.Article{ID: id, Date: date(t, "2024-02-02"), Actors: []graph.ActorID{"PRK", "RUS", "UKR"}}, ms
}

// assertNoTrace checks that nothing of a rolled-back article is left but
// actor records: no article, mention, edge, i/ or w/ key.
func assertNoTrace(t *testing.T, s *store.Store) {
	t.Helper()
	for _, p := range []string{"e/", "r/", "m/", "d/", "w/", "i/"} {
		if keys, err := s.Keys(p); err != nil || len(keys) != 0 {
			t.Errorf("%d keys under %s (%v), want none", len(keys), p, err)
		}
	}
	mustCheck(t, s)
}

// stopAfter is a context whose Err says Canceled from its nth call on.
type stopAfter struct {
	context.Context
	calls atomic.Int32
	n     int32
}

func (c *stopAfter) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

// TestPutInPartsInterrupted: an article written in several transactions
// and interrupted between two of them is rolled back: it never appears,
// and putting it again stores it whole.
func TestPutInPartsInterrupted(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	art, ms := hugeArticle(t, "big")
	ctx := &stopAfter{Context: context.Background(), n: 3}
	if added, err := s.PutArticle(ctx, art, world, ms); !errors.Is(err, context.Canceled) || added {
		t.Fatalf("interrupted put: added=%v, %v; want context.Canceled", added, err)
	}
	if ctx.calls.Load() < 3 {
		t.Fatalf("the context was asked %d times: the put was not stopped between transactions", ctx.calls.Load())
	}
	assertNoTrace(t, s)
	if added, err := s.PutArticle(context.Background(), art, world, ms); err != nil || !added {
		t.Fatalf("put again: added=%v, %v", added, err)
	}
	if n, err := s.MentionCounts(context.Background()); err != nil || n["big"] != len(ms) {
		t.Errorf("mentions after putting again: %d (%v), want %d", n["big"], err, len(ms))
	}
	mustCheck(t, s)
}

// TestHalfWrittenArticle: what a geokg killed between two transactions of
// an article leaves (a w/ key, mentions, no article record) is hidden from
// a read-only open, which does not write the store, and rolled back by the
// next writable open.
func TestHalfWrittenArticle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s := mustOpenNoCleanup(t, dir)
	put(t, s, "small", "2024-01-01", world, mention("small", "PRK", graph.Supplies, "RUS", 0))
	art, ms := hugeArticle(t, "big")
	if err := s.WriteHalf(art, world, ms); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)

	ro, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	g, err := ro.Graph(context.Background(), store.Filter{})
	if err != nil || len(g.Edges) != 1 || g.Edges[0].Mentions != 1 {
		t.Errorf("read-only graph of a store with a half-written article: %+v (%v), want the small article's edge alone", g.Edges, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if after := listDir(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("a read-only open changed the store:\n%v\nwas\n%v", after, before)
	}

	w := mustOpen(t, dir)
	if keys, err := w.Keys("w/"); err != nil || len(keys) != 0 {
		t.Errorf("w/ keys after a writable open: %q (%v)", keys, err)
	}
	if g, err := w.Graph(context.Background(), store.Filter{}); err != nil || len(g.Edges) != 1 || g.Edges[0].Mentions != 1 || g.Edges[0].Articles != 1 {
		t.Errorf("graph after the roll back: %+v (%v), want the small article's edge alone, its counts its own", g.Edges, err)
	}
	if keys, err := w.Keys("i/"); err != nil || slices.ContainsFunc(keys, func(k string) bool { return strings.HasSuffix(k, "/big") }) {
		t.Errorf("i/ keys after the roll back: %q (%v), want none of article big", keys, err)
	}
	mustCheck(t, w)
}

// listDir lists the files of dir with their sizes and SHA-256 sums.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %d %x", e.Name(), len(data), sha256.Sum256(data)))
	}
	return out
}
