package store

import (
	"math/rand/v2"
	"slices"
	"testing"

	"geokg/graph"
)

// TestSortByEdge checks the in-place sort of prepare against a sorted
// copy: mentions by edge (allies-with in either direction is one edge),
// then in CompareMentions order, each with its edge.
func TestSortByEdge(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for range 200 {
		var ms []graph.Mention
		for i := range r.IntN(40) {
			src, dst := propActors[r.IntN(len(propActors))], propActors[r.IntN(len(propActors))]
			ms = append(ms, graph.Mention{Source: src, Relation: graph.Relations[r.IntN(len(graph.Relations))], Target: dst,
				Article: "a", SentSpan: graph.Span{Start: r.IntN(5) * 10, End: 100}, Trigger: "said", Sentence: string(rune('a' + i))})
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b graph.Mention) int {
			if c := graph.CompareEdgeKeys(a.Key(), b.Key()); c != 0 {
				return c
			}
			return graph.CompareMentions(a, b)
		})
		order := sortByEdge(ms)
		for i := range ms {
			if order[i].k != want[i].Key() || graph.CompareMentions(ms[i], want[i]) != 0 || ms[i].Key() != want[i].Key() {
				t.Fatalf("mention %d: got %+v (edge %v), want %+v", i, ms[i], order[i].k, want[i])
			}
		}
	}
}
