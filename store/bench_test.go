package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

const (
	benchStates     = 400
	benchMembers    = 2 // officials per state, affiliated to it
	benchPerArticle = 20
	benchArticles   = 500 // 500 × 20 mentions ≈ 10k distinct edges
)

// benchWorld returns the benchmark actors: states S000… and their
// officials person:s000-1…
func benchWorld() []graph.Actor {
	var actors []graph.Actor
	for i := range benchStates {
		st := graph.ActorID(fmt.Sprintf("S%03d", i))
		actors = append(actors, graph.Actor{ID: st, Name: fmt.Sprintf("State %d", i), Type: graph.Country})
		for j := 1; j <= benchMembers; j++ {
			actors = append(actors, graph.Actor{
				ID: graph.ActorID(fmt.Sprintf("person:s%03d-%d", i, j)), Name: fmt.Sprintf("Official %d of state %d", j, i),
				Type: graph.Person, Affiliation: st,
			})
		}
	}
	return actors
}

// benchArticle returns article number n with random mentions among actors.
func benchArticle(r *rand.Rand, actors []graph.Actor, n int) (graph.Article, []graph.Mention) {
	art := graph.Article{ID: fmt.Sprintf("bench%06d", n), Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n%365)}
	ms := make([]graph.Mention, 0, benchPerArticle)
	for len(ms) < benchPerArticle {
		src, dst := actors[r.IntN(len(actors))].ID, actors[r.IntN(len(actors))].ID
		if src == dst {
			continue
		}
		m := mention(art.ID, src, graph.Relations[r.IntN(len(graph.Relations))], dst, len(ms)*100)
		m.Date = art.Date
		ms = append(ms, m)
	}
	return art, ms
}

// benchStore opens a store with the real options and fills it with ~10k edges.
func benchStore(b *testing.B) (*store.Store, []graph.Actor, *rand.Rand) {
	b.Helper()
	s, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	actors := benchWorld()
	r := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	for n := range benchArticles {
		art, ms := benchArticle(r, actors, n)
		var given []graph.Actor
		if n == 0 {
			given = actors
		}
		if _, err := s.PutArticle(ctx, art, given, ms); err != nil {
			b.Fatal(err)
		}
	}
	return s, actors, r
}

func BenchmarkPutArticle(b *testing.B) {
	s, actors, r := benchStore(b)
	ctx := context.Background()
	n := benchArticles
	b.ReportAllocs()
	for b.Loop() {
		art, ms := benchArticle(r, actors, n)
		n++
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchPerArticle), "ns/mention")
}

func BenchmarkView(b *testing.B) {
	s, _, _ := benchStore(b)
	ctx := context.Background()
	edges := 0
	if err := s.EachEdge(ctx, store.Filter{}, func(graph.Edge) error { edges++; return nil }); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d edges", edges)
	for _, ev := range []int{0, 3} {
		b.Run(fmt.Sprintf("evidence=%d", ev), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := graph.ActorID(fmt.Sprintf("S%03d", i%benchStates))
				i++
				v, err := s.View(ctx, id, store.Filter{Evidence: ev})
				if err != nil {
					b.Fatal(err)
				}
				if len(v.Links) == 0 {
					b.Fatalf("view of %s has no links", id)
				}
			}
		})
	}
}

func BenchmarkNeighborhood(b *testing.B) {
	s, _, _ := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Neighborhood(ctx, "S000", 2, store.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGraph(b *testing.B) {
	s, _, _ := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Graph(ctx, store.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}
