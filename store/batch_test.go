package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

// batchCorpus makes n articles with up to perArticle mentions each among
// a few actors. Some articles repeat an earlier one (same id and text) and
// some have no date, so that idempotence and date fallbacks are exercised.
func batchCorpus(seed uint64, n, perArticle int) []putArgs {
	r := rand.New(rand.NewPCG(seed, 7))
	ids := []graph.ActorID{"RUS", "UKR", "PRK", "IRN", "BLR", "org:nato", "person:a-minister"}
	actors := []graph.Actor{
		{ID: "RUS", Name: "Russia", Type: graph.Country, Aliases: []string{"Moscow"}},
		{ID: "person:a-minister", Name: "A Minister", Type: graph.Person, Affiliation: "RUS"},
	}
	var out []putArgs
	for i := range n {
		if i > 0 && r.IntN(10) == 0 {
			out = append(out, out[r.IntN(len(out))])
			continue
		}
		id := fmt.Sprintf("b%04d", i)
		art := graph.Article{ID: id, Title: id, Size: 100}
		if r.IntN(5) > 0 {
			art.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
		}
		var ms []graph.Mention
		for j := range 1 + r.IntN(perArticle) {
			src, dst := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
			if src == dst {
				continue
			}
			m := mention(id, src, graph.Relations[r.IntN(len(graph.Relations))], dst, j*40)
			m.Date = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, j)
			ms = append(ms, m)
		}
		var given []graph.Actor
		if r.IntN(3) == 0 {
			given = actors
		}
		out = append(out, putArgs{art, given, ms})
	}
	return out
}

type putArgs struct {
	art      graph.Article
	actors   []graph.Actor
	mentions []graph.Mention
}

// TestBatchSameAsPutArticle stores the same corpus article by article and
// through a batch (with limits that force many commits, or none at all so
// that Badger's own limit is hit and the batch must rebuild its
// transaction), and expects the same keys, graph and added flags.
func TestBatchSameAsPutArticle(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		n, mentions int
		size, count int64
	}{
		{"small batches", 300, 6, 4 << 10, 1 << 20},
		{"count limit", 300, 6, 1 << 40, 40},
		{"no limit, Badger's own", 120, 300, 1 << 40, 1 << 40},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			corpus := batchCorpus(uint64(i), tt.n, tt.mentions)
			one, many := mustOpen(t, t.TempDir()), mustOpen(t, t.TempDir())
			var want []bool
			for _, p := range corpus {
				added, err := one.PutArticle(ctx, p.art, p.actors, p.mentions)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, added)
			}
			b := many.NewBatch()
			b.SetLimits(tt.size, tt.count)
			var got []bool
			for _, p := range corpus {
				if err := b.Put(ctx, p.art, p.actors, p.mentions, func(added bool) { got = append(got, added) }); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("added flags differ:\n got %v\nwant %v", got, want)
			}
			if g, w := mustKeys(t, many), mustKeys(t, one); !slices.Equal(g, w) {
				t.Errorf("batch wrote %d keys, PutArticle %d", len(g), len(w))
			}
			if g, w := mustGraph(t, many), mustGraph(t, one); !reflect.DeepEqual(g, w) {
				t.Errorf("graphs differ: batch %d edges, PutArticle %d", len(g.Edges), len(w.Edges))
			}
			mustCheck(t, many)
		})
	}
}

// TestBatchDoneAfterCommit checks that nothing is visible, and no done is
// called, before the commit; and everything is after it.
func TestBatchDoneAfterCommit(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	var done []string
	for _, p := range batchCorpus(1, 5, 3)[:3] {
		if err := b.Put(ctx, p.art, p.actors, p.mentions, func(bool) { done = append(done, p.art.ID) }); err != nil {
			t.Fatal(err)
		}
	}
	if len(done) != 0 {
		t.Errorf("done called for %v before the commit", done)
	}
	if keys := mustKeys(t, s); len(keys) != 1 { // the format key
		t.Errorf("before the commit the store holds %q", keys)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []string{"b0000", "b0001", "b0002"}) {
		t.Errorf("done called for %v, want b0000 b0001 b0002 in order", done)
	}
	if _, err := s.Article(ctx, "b0002"); err != nil {
		t.Errorf("after the commit: %v", err)
	}
}

func TestBatchCancel(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	called := false
	p := batchCorpus(2, 1, 3)[0]
	if err := b.Put(ctx, p.art, p.actors, p.mentions, func(bool) { called = true }); err != nil {
		t.Fatal(err)
	}
	b.Cancel()
	if called {
		t.Error("done called for a cancelled article")
	}
	// The write lock is free again: PutArticle does not block.
	added, err := s.PutArticle(ctx, p.art, p.actors, p.mentions)
	if err != nil || !added {
		t.Fatalf("PutArticle after Cancel = %v, %v; want added", added, err)
	}
}

// TestBatchErrors checks that an invalid article is refused alone and
// that one too big for any transaction is written in several: the
// articles around them are stored.
func TestBatchErrors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	corpus := batchCorpus(3, 4, 3)
	putOK := func(p putArgs) {
		t.Helper()
		if err := b.Put(ctx, p.art, p.actors, p.mentions, nil); err != nil {
			t.Fatalf("put %s: %v", p.art.ID, err)
		}
	}
	putOK(corpus[0])

	bad := mention("bad", "PRK", graph.Relation("admires"), "RUS", 0)
	err := b.Put(ctx, graph.Article{ID: "bad"}, nil, []graph.Mention{bad}, nil)
	if !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("invalid mention: %v, want ErrInvalid", err)
	}
	putOK(corpus[1])

	huge := graph.Article{ID: "huge", Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	var ms []graph.Mention
	for i := range 30000 { // more entries than an 8 MB memtable's transaction takes
		ms = append(ms, mention("huge", "PRK", graph.Supplies, "RUS", i*40))
	}
	hugeDone := 0
	if err := b.Put(ctx, huge, nil, ms, func(added bool) {
		if added {
			hugeDone++
		}
	}); err != nil {
		t.Errorf("huge article: %v", err)
	}
	putOK(corpus[2])
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if hugeDone != 1 {
		t.Errorf("the huge article's done was called %d times with added=true, want 1", hugeDone)
	}
	for _, id := range []string{corpus[0].art.ID, corpus[1].art.ID, corpus[2].art.ID, "huge"} {
		if _, err := s.Article(ctx, id); err != nil {
			t.Errorf("article %s: %v", id, err)
		}
	}
	if n, err := s.MentionCounts(ctx); err != nil || n["huge"] != len(ms) {
		t.Errorf("mentions of the huge article: %d (%v), want %d", n["huge"], err, len(ms))
	}
	for _, id := range []string{"bad"} {
		if _, err := s.Article(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("article %s: %v, want ErrNotFound", id, err)
		}
	}
	mustCheck(t, s)
}

func TestBatchCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	p := batchCorpus(4, 1, 2)[0]
	if err := b.Put(ctx, p.art, p.actors, p.mentions, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context: %v, want context.Canceled", err)
	}
	if err := b.Flush(); err != nil {
		t.Errorf("Flush of an empty batch: %v", err)
	}
}

// BenchmarkBatch writes the articles of BenchmarkPutArticle (20 mentions
// each among 1,200 actors) through one Batch, on top of ~10k edges.
func BenchmarkBatch(b *testing.B) {
	s, actors, r := benchStore(b)
	ctx := context.Background()
	batch := s.NewBatch()
	n := benchArticles
	b.ReportAllocs()
	for b.Loop() {
		art, ms := benchArticle(r, actors, n)
		n++
		if err := batch.Put(ctx, art, nil, ms, nil); err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Flush(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchPerArticle), "ns/mention")
}

// TestBatchOtherWriters interleaves a batch's commits with PutArticle and
// Forget on the same edges: the batch must not trust what it cached from
// its own earlier commits once someone else has written.
func TestBatchOtherWriters(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	putB := func(id, day string) {
		t.Helper()
		art := graph.Article{ID: id, Date: date(t, day)}
		if err := b.Put(ctx, art, nil, []graph.Mention{mention(id, "PRK", graph.Supplies, "RUS", 0)}, nil); err != nil {
			t.Fatal(err)
		}
		if err := b.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	putB("x1", "2024-01-01")
	if _, err := s.Forget(ctx, "x1"); err != nil {
		t.Fatal(err)
	}
	putB("x2", "2024-01-02")
	put(t, s, "x3", "2024-01-03", nil, mention("x3", "PRK", graph.Supplies, "RUS", 0))
	putB("x4", "2024-01-04")
	v, err := s.View(ctx, "PRK", store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Links) != 1 || v.Links[0].Edge.Articles != 3 || !v.Links[0].Edge.FirstSeen.Equal(date(t, "2024-01-02")) {
		t.Errorf("PRK supplies RUS after x1 forgotten, x2..x4 stored: %+v; want 3 articles from 2024-01-02", v.Links)
	}
	mustCheck(t, s)
}

// TestBatchHoldsNoLockBetweenCalls writes with PutArticle and Forget on
// the batch's own goroutine while the batch holds uncommitted articles on
// the same edge (when a batch held the write lock between calls, this
// deadlocked), and from a done function. The batch's flush then rests on
// what the others committed: x1 is stored, x2 (put and forgotten by the
// others) is not, x3 (put by both) is stored once and reported unchanged.
func TestBatchHoldsNoLockBetweenCalls(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	b := s.NewBatch()
	outcomes := map[string]bool{}
	putB := func(id string) {
		t.Helper()
		art := graph.Article{ID: id, Date: date(t, "2024-01-01")}
		err := b.Put(ctx, art, nil, []graph.Mention{mention(id, "PRK", graph.Supplies, "RUS", 0)}, func(added bool) {
			outcomes[id] = added
			put(t, s, id+"-done", "2024-02-01", nil, mention(id+"-done", "PRK", graph.Accuses, "UKR", 0))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	putB("x1")
	put(t, s, "x2", "2024-01-02", nil, mention("x2", "PRK", graph.Supplies, "RUS", 0))
	if _, err := s.Forget(ctx, "x2"); err != nil {
		t.Fatal(err)
	}
	putB("x3")
	put(t, s, "x3", "2024-01-01", nil, mention("x3", "PRK", graph.Supplies, "RUS", 0))
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if !outcomes["x1"] || outcomes["x3"] || len(outcomes) != 2 {
		t.Errorf("done reported %v; want x1 added, x3 not (stored by PutArticle first)", outcomes)
	}
	v, err := s.View(ctx, "PRK", store.Filter{Relations: []graph.Relation{graph.Supplies}})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Links) != 1 || v.Links[0].Edge.Articles != 2 {
		t.Errorf("PRK supplies RUS: %+v; want one edge of 2 articles (x1, x3)", v.Links)
	}
	mustCheck(t, s)
}
