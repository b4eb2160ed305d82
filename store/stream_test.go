package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"geokg/graph"
	"geokg/store"
)

// putRandom puts n articles (ids prefix000, prefix001, ...) dated
// 2024-03-01, each with 1 to maxMentions random mentions between ids
// (draws of the same id left out) and the given actors; one mention in
// claimEvery names person:speaker as its claimant (0: none).
func putRandom(t *testing.T, s *store.Store, r *rand.Rand, prefix string, n, maxMentions int, ids []graph.ActorID, actors []graph.Actor, claimEvery int) {
	t.Helper()
	for i := range n {
		id := fmt.Sprintf("%s%03d", prefix, i)
		var ms []graph.Mention
		for j := range 1 + r.IntN(maxMentions) {
			src, dst := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
			if src == dst {
				continue
			}
			m := mention(id, src, graph.Relations[r.IntN(len(graph.Relations))], dst, j*40)
			if claimEvery > 0 && r.IntN(claimEvery) == 0 {
				m.ClaimedBy = "person:speaker"
			}
			ms = append(ms, m)
		}
		put(t, s, id, "2024-03-01", actors, ms...)
	}
}

// TestStreamGraphSameAsGraph compares StreamGraph with Graph on a store
// whose ids are prefixes of each other ("org:a", "org:a-b", "org:a b"),
// where key order and id order differ.
func TestStreamGraphSameAsGraph(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	ids := []graph.ActorID{"org:a", "org:a-b", "org:a b", "org:ab", "org:a-b-c", "RUS", "UKR"}
	putRandom(t, s, rand.New(rand.NewPCG(5, 5)), "s", 60, 6, ids, world, 4)
	filters := []store.Filter{
		{}, {Evidence: -1}, {Evidence: 2},
		{Relations: []graph.Relation{graph.AlliesWith, graph.Accuses}, Evidence: 1},
		{Relations: []graph.Relation{graph.Recognizes}},
	}
	for _, f := range filters {
		t.Run(fmt.Sprintf("%v %d", f.Relations, f.Evidence), func(t *testing.T) {
			want, err := s.Graph(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got := &graph.Graph{}
			err = s.StreamGraph(ctx, f,
				func(a graph.Actor) error { got.Actors = append(got.Actors, a); return nil },
				func(e graph.Edge) error { got.Edges = append(got.Edges, e); return nil })
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Edges) == 0 && f.Relations == nil {
				t.Fatal("the test store has no edges")
			}
			if !reflect.DeepEqual(got.Actors, want.Actors) {
				t.Errorf("actors differ:\n got %v\nwant %v", actorIDs(got.Actors), actorIDs(want.Actors))
			}
			if !reflect.DeepEqual(got.Edges, want.Edges) {
				t.Errorf("edges differ:\n got %v\nwant %v", got.Edges, want.Edges)
			}
		})
	}
}

func actorIDs(actors []graph.Actor) []graph.ActorID {
	var out []graph.ActorID
	for _, a := range actors {
		out = append(out, a.ID)
	}
	return out
}

func TestStreamGraphErrors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	stop := errors.New("stop")
	noop := func(graph.Edge) error { return nil }
	if err := s.StreamGraph(ctx, store.Filter{}, func(graph.Actor) error { return stop }, noop); err != stop {
		t.Errorf("actor callback error: got %v, want it as is", err)
	}
	keep := func(graph.Actor) error { return nil }
	if err := s.StreamGraph(ctx, store.Filter{}, keep, func(graph.Edge) error { return stop }); err != stop {
		t.Errorf("edge callback error: got %v, want it as is", err)
	}
	if err := s.StreamGraph(ctx, store.Filter{Evidence: -2}, keep, noop); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("bad filter: %v, want ErrInvalid", err)
	}
}

// TestStreamGraphManyActors streams a store with more actors than the
// edges of a stream are read ahead for, in order, and stops it from the
// edge callback at several points: the error comes back as is, and the
// store is still usable (no goroutine left reading its transaction).
func TestStreamGraphManyActors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	var ids []graph.ActorID
	for i := range 150 {
		ids = append(ids, graph.ActorID(fmt.Sprintf("org:g%03d", i)))
	}
	putRandom(t, s, rand.New(rand.NewPCG(8, 8)), "m", 200, 4, ids, nil, 0)
	// a hub whose out-edges are read in several chunks, some of whose
	// edges a filter drops
	for i := range 120 {
		id := fmt.Sprintf("hub%03d", i)
		ms := []graph.Mention{mention(id, "org:hub", graph.Accuses, ids[i], 0)}
		if i%3 == 0 {
			ms = append(ms, mention(id, "org:hub", graph.Supplies, ids[i], 40))
		}
		put(t, s, id, "2024-03-01", nil, ms...)
		if i%2 == 0 {
			put(t, s, id+"b", "2024-03-02", nil, mention(id+"b", "org:hub", graph.Accuses, ids[i], 0))
		}
	}
	f := store.Filter{Evidence: -1}
	for _, ff := range []store.Filter{f, {Evidence: 1, MinArticles: 2}, {Evidence: 0, Relations: []graph.Relation{graph.Supplies}}} {
		want, err := s.Graph(ctx, ff)
		if err != nil {
			t.Fatal(err)
		}
		for _, procs := range []int{1, 2, 4} {
			old := runtime.GOMAXPROCS(procs)
			var got []graph.Edge
			err = s.StreamGraph(ctx, ff, func(graph.Actor) error { return nil },
				func(e graph.Edge) error { got = append(got, e); return nil })
			runtime.GOMAXPROCS(old)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want.Edges) {
				t.Fatalf("filter %+v, GOMAXPROCS %d: streamed %d edges, Graph has %d, or they differ", ff, procs, len(got), len(want.Edges))
			}
		}
	}
	var got []graph.Edge
	err := s.StreamGraph(ctx, f, func(graph.Actor) error { return nil },
		func(e graph.Edge) error { got = append(got, e); return nil })
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	for _, at := range []int{0, 1, 17, len(got) / 2, len(got) - 1} {
		n := 0
		err := s.StreamGraph(ctx, f, func(graph.Actor) error { return nil }, func(graph.Edge) error {
			if n == at {
				return stop
			}
			n++
			return nil
		})
		if err != stop || n != at {
			t.Errorf("stopped at edge %d: err %v after %d edges", at, err, n)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	n := 0
	err = s.StreamGraph(cancelled, f, func(graph.Actor) error { return nil }, func(graph.Edge) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled stream: %v", err)
	}
	put(t, s, "after", "2024-03-02", nil, mention("after", ids[0], graph.Accuses, ids[1], 0))
}

// BenchmarkStreamGraph streams the ~10k edges of the benchmark store, as
// "geokg export --format rdf" (no evidence) and "--format json" (all of
// it) do.
func BenchmarkStreamGraph(b *testing.B) {
	s, _, _ := benchStore(b)
	ctx := context.Background()
	for _, ev := range []int{0, -1} {
		b.Run(fmt.Sprintf("evidence=%d", ev), func(b *testing.B) {
			edges := 0
			b.ReportAllocs()
			for b.Loop() {
				err := s.StreamGraph(ctx, store.Filter{Evidence: ev},
					func(graph.Actor) error { return nil },
					func(graph.Edge) error { edges++; return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(edges), "ns/edge")
		})
	}
}
