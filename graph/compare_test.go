package graph_test

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
	"time"

	"geokg/graph"
)

// The comparisons as they were written with cmp.Or, which evaluates every
// field: the ones that stop at the first difference must answer the same.
func relIndexWalk(r graph.Relation) int {
	for i, k := range graph.Relations {
		if k == r {
			return i
		}
	}
	return len(graph.Relations)
}

func compareEdgeKeysOr(a, b graph.EdgeKey) int {
	return cmp.Or(
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(relIndexWalk(a.Relation), relIndexWalk(b.Relation)),
		cmp.Compare(a.Target, b.Target),
	)
}

func compareLinksOr(a, b graph.Link) int {
	return cmp.Or(
		cmp.Compare(relIndexWalk(a.Edge.Relation), relIndexWalk(b.Edge.Relation)),
		cmp.Compare(a.Direction, b.Direction),
		cmp.Compare(a.Other, b.Other),
		cmp.Compare(a.Via, b.Via),
	)
}

func compareStepsOr(a, b graph.Step) int {
	return cmp.Or(cmp.Compare(a.To, b.To), cmp.Compare(a.From, b.From), compareEdgeKeysOr(a.Edge.EdgeKey, b.Edge.EdgeKey))
}

// randomLink draws from few values, so that most fields tie often.
func randomLink(r *rand.Rand) graph.Link {
	pick := func(vs ...string) string { return vs[r.Intn(len(vs))] }
	rels := append(slices.Clone(graph.Relations), "", "other")
	return graph.Link{
		Direction: graph.Direction(pick("out", "in", "both", "")),
		Other:     graph.ActorID(pick("RUS", "UKR", "USA", "org:un", "")),
		Via:       graph.ActorID(pick("", "", "person:a", "person:b")),
		Edge: graph.Edge{
			EdgeKey:   graph.EdgeKey{Source: graph.ActorID(pick("RUS", "UKR", "")), Relation: rels[r.Intn(len(rels))], Target: graph.ActorID(pick("USA", "UKR", "RUS"))},
			Articles:  r.Intn(3),
			FirstSeen: time.Unix(int64(r.Intn(3))*86400, 0).UTC(),
		},
	}
}

func TestComparisonsAsCmpOr(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	for range 20000 {
		a, b := randomLink(r), randomLink(r)
		if got, want := graph.CompareLinks(a, b), compareLinksOr(a, b); got != want {
			t.Fatalf("CompareLinks(%+v, %+v) = %d, want %d", a, b, got, want)
		}
		if got, want := a.Compare(&b), compareLinksOr(a, b); got != want {
			t.Fatalf("(%+v).Compare(%+v) = %d, want %d", a, b, got, want)
		}
		if got, want := graph.CompareEdgeKeys(a.Edge.EdgeKey, b.Edge.EdgeKey), compareEdgeKeysOr(a.Edge.EdgeKey, b.Edge.EdgeKey); got != want {
			t.Fatalf("CompareEdgeKeys(%+v, %+v) = %d, want %d", a.Edge.EdgeKey, b.Edge.EdgeKey, got, want)
		}
		sa := graph.Step{From: a.Other, To: a.Via, Edge: a.Edge}
		sb := graph.Step{From: b.Other, To: b.Via, Edge: b.Edge}
		if got, want := graph.CompareSteps(sa, sb), compareStepsOr(sa, sb); got != want {
			t.Fatalf("CompareSteps(%+v, %+v) = %d, want %d", sa, sb, got, want)
		}
	}
}
