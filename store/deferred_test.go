package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"geokg/store"
)

// TestDeferredCounts stores the same corpus article by article and
// through a batch that defers its counts (with limits that force many
// commits, or none, so that Badger's own limit makes the batch write an
// article alone), and expects the same keys, graph and added flags: the
// deferred counts, written at the flush, are those each commit would
// have written. The corpus repeats articles (an article stored already
// ends the deferral) and gives an affiliation to an actor that had edges
// as a placeholder (its state's months are recounted).
func TestDeferredCounts(t *testing.T) {
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
			b.DeferCounts()
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
			sameStores(t, many, one)
		})
	}
}

// sameStores expects got to hold the keys and graph of want, and no
// problem.
func sameStores(t *testing.T, got, want *store.Store) {
	t.Helper()
	if g, w := mustKeys(t, got), mustKeys(t, want); !slices.Equal(g, w) {
		t.Errorf("%d keys, want %d", len(g), len(w))
		for _, k := range g {
			if !slices.Contains(w, k) {
				t.Errorf("extra key %q", k)
				break
			}
		}
		for _, k := range w {
			if !slices.Contains(g, k) {
				t.Errorf("missing key %q", k)
				break
			}
		}
	}
	if g, w := mustGraph(t, got), mustGraph(t, want); !reflect.DeepEqual(g, w) {
		t.Errorf("graphs differ: %d edges, want %d", len(g.Edges), len(w.Edges))
	}
	gs, err1 := got.Stats(context.Background(), 100)
	ws, err2 := want.Stats(context.Background(), 100)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(gs, ws) {
		t.Errorf("stats %+v, %v; want %+v, %v", gs, err1, ws, err2)
	}
	mustCheck(t, got)
}

// TestDeferredCountsAfterStop stops a batch that defers its counts
// without flushing it, as a kill would (its commits are in the store, the
// counts they deferred are not), and expects a read-only open to show the
// counts recounted (in the copy it reads: the store itself still holds
// the mark), and a writable open to recount them in the store, as a
// store that wrote the same articles one by one holds them.
func TestDeferredCountsAfterStop(t *testing.T) {
	ctx := context.Background()
	corpus := batchCorpus(9, 200, 6)
	want := mustOpen(t, t.TempDir())
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	b := s.NewBatch()
	b.DeferCounts()
	b.SetLimits(4<<10, 1<<20)
	for _, p := range corpus {
		if err := b.Put(ctx, p.art, p.actors, p.mentions, nil); err != nil {
			t.Fatal(err)
		}
	}
	if keys := mustKeys(t, s); !slices.Contains(keys, "s/recount") {
		t.Fatal("before the stop: no s/recount; want the mark of deferred counts")
	}
	if err := s.Close(); err != nil { // the batch neither flushed nor cancelled
		t.Fatal(err)
	}
	ro, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	// the articles committed before the stop, in the order put
	ids, err := ro.ArticleIDs(ctx, "", -1)
	if err != nil || len(ids) < 50 {
		t.Fatalf("%d articles committed before the stop (%v); want many", len(ids), err)
	}
	for _, p := range corpus {
		if slices.Contains(ids, p.art.ID) {
			if _, err := want.PutArticle(ctx, p.art, p.actors, p.mentions); err != nil {
				t.Fatal(err)
			}
		}
	}
	sameStores(t, ro, want)
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	rw := mustOpen(t, dir)
	sameStores(t, rw, want)
}

// TestDeferredCountsCancel expects Cancel to write the counts that the
// batch's commits deferred, and none of the articles it drops.
func TestDeferredCountsCancel(t *testing.T) {
	ctx := context.Background()
	corpus := batchCorpus(4, 100, 6)
	s, want := mustOpen(t, t.TempDir()), mustOpen(t, t.TempDir())
	b := s.NewBatch()
	b.DeferCounts()
	b.SetLimits(4<<10, 1<<20)
	for _, p := range corpus {
		err := b.Put(ctx, p.art, p.actors, p.mentions, func(added bool) {
			if _, err := want.PutArticle(ctx, p.art, p.actors, p.mentions); err != nil {
				t.Error(err)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	b.Cancel()
	sameStores(t, s, want)
}
