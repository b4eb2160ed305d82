package graph_test

import (
	"errors"
	"testing"

	"geokg/graph"
)

func TestParseDirection(t *testing.T) {
	for _, d := range []graph.Direction{graph.Out, graph.In, graph.Both} {
		if got, err := graph.ParseDirection(string(d)); err != nil || got != d {
			t.Errorf("ParseDirection(%q) = %q, %v", d, got, err)
		}
	}
	for _, s := range []string{"", "OUT", "incoming", "either"} {
		if _, err := graph.ParseDirection(s); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("ParseDirection(%q) error = %v, want ErrInvalid", s, err)
		}
	}
}

func TestCompareLinks(t *testing.T) {
	link := func(rel graph.Relation, d graph.Direction, other, via graph.ActorID) graph.Link {
		return graph.Link{Direction: d, Other: other, Via: via, Edge: graph.Edge{EdgeKey: graph.EdgeKey{Relation: rel}}}
	}
	want := []graph.Link{
		link(graph.Accuses, graph.In, "USA", ""),
		link(graph.Accuses, graph.Out, "KOR", ""),
		link(graph.Accuses, graph.Out, "USA", ""),
		link(graph.Accuses, graph.Out, "USA", "person:kim-yo-jong"),
		link(graph.Denies, graph.Out, "AAA", ""),
		link(graph.Supplies, graph.Out, "RUS", ""),
		link(graph.AlliesWith, graph.Out, "CHN", ""),
		link(graph.Recognizes, graph.Out, "org:dpr", ""),
	}
	checkOrder(t, want, graph.CompareLinks)
}
