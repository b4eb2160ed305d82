package export

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
	"time"

	"geokg/graph"
)

// The tie-breaking comparisons as they were written with cmp.Or, which
// evaluates every argument: the ones that stop at the first difference
// must answer the same.
func compareEdgesOr(a, b graph.Edge) int {
	return cmp.Or(
		graph.CompareEdges(a, b),
		cmp.Compare(a.Articles, b.Articles),
		cmp.Compare(a.Mentions, b.Mentions),
		a.FirstSeen.Compare(b.FirstSeen),
		a.LastSeen.Compare(b.LastSeen),
		cmp.Compare(len(a.Evidence), len(b.Evidence)),
	)
}

func compareMentionsOr(a, b graph.Mention) int {
	return cmp.Or(graph.CompareMentions(a, b), cmp.Compare(a.Sentence, b.Sentence), cmp.Compare(a.Trigger, b.Trigger))
}

func compareLinksOr(a, b graph.Link) int {
	return cmp.Or(graph.CompareLinks(a, b), compareEdgesOr(a.Edge, b.Edge))
}

func compareActorsOr(a, b graph.Actor) int {
	return cmp.Or(
		cmp.Compare(a.ID, b.ID),
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Affiliation, b.Affiliation),
		slices.Compare(a.Aliases, b.Aliases),
	)
}

func TestComparisonsAsCmpOr(t *testing.T) {
	r := rand.New(rand.NewSource(19))
	pick := func(vs ...string) string { return vs[r.Intn(len(vs))] }
	day := func() time.Time { return time.Unix(int64(r.Intn(3))*86400, 0).UTC() }
	mention := func() graph.Mention {
		return graph.Mention{
			Source: graph.ActorID(pick("RUS", "UKR")), Relation: graph.Relations[r.Intn(2)], Target: graph.ActorID(pick("USA", "UKR")),
			Article: pick("a1", "a2"), Date: day(), Sentence: pick("", "x", "y"), Trigger: pick("accused", "denied"),
			SentSpan: graph.Span{Start: r.Intn(2)}, TrigSpan: graph.Span{Start: r.Intn(2)},
		}
	}
	link := func() graph.Link {
		ev := make([]graph.Mention, r.Intn(2))
		for i := range ev {
			ev[i] = mention()
		}
		return graph.Link{
			Direction: graph.Direction(pick("out", "in")), Other: graph.ActorID(pick("RUS", "USA")), Via: graph.ActorID(pick("", "person:a")),
			Edge: graph.Edge{
				EdgeKey:  graph.EdgeKey{Source: graph.ActorID(pick("RUS", "UKR")), Relation: graph.Relations[r.Intn(2)], Target: graph.ActorID(pick("USA", "UKR"))},
				Articles: r.Intn(2), Mentions: r.Intn(2), FirstSeen: day(), LastSeen: day(), Evidence: ev,
			},
		}
	}
	actor := func() graph.Actor {
		var aliases []string
		if r.Intn(2) == 0 {
			aliases = []string{pick("a", "b")}
		}
		return graph.Actor{ID: graph.ActorID(pick("RUS", "USA")), Name: pick("Russia", "R"), Type: graph.ActorType(pick("state", "org")), Affiliation: graph.ActorID(pick("", "RUS")), Aliases: aliases}
	}
	for range 20000 {
		a, b := link(), link()
		if got, want := compareLinks(a, b), compareLinksOr(a, b); got != want {
			t.Fatalf("compareLinks(%+v, %+v) = %d, want %d", a, b, got, want)
		}
		if got, want := compareEdges(a.Edge, b.Edge), compareEdgesOr(a.Edge, b.Edge); got != want {
			t.Fatalf("compareEdges(%+v, %+v) = %d, want %d", a.Edge, b.Edge, got, want)
		}
		ma, mb := mention(), mention()
		if got, want := compareMentions(ma, mb), compareMentionsOr(ma, mb); got != want {
			t.Fatalf("compareMentions(%+v, %+v) = %d, want %d", ma, mb, got, want)
		}
		aa, ab := actor(), actor()
		if got, want := compareActors(aa, ab), compareActorsOr(aa, ab); got != want {
			t.Fatalf("compareActors(%+v, %+v) = %d, want %d", aa, ab, got, want)
		}
	}
}
