package export

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"geokg/graph"
)

// TestSortedLinksKeepsSortedInput: sortedLinks returns links that are
// sorted already (links and evidence, as the store gives a view) without
// copying them, and a sorted copy of others, leaving them as they were.
func TestSortedLinksKeepsSortedInput(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	mention := func(src graph.ActorID, rel graph.Relation, dst graph.ActorID, d int, s string) graph.Mention {
		return graph.Mention{Source: src, Relation: rel, Target: dst, Article: s, Date: day(d), Sentence: s}
	}
	edge := func(src graph.ActorID, rel graph.Relation, dst graph.ActorID, ms ...graph.Mention) graph.Edge {
		return graph.Edge{EdgeKey: graph.EdgeKey{Source: src, Relation: rel, Target: dst}, Articles: len(ms), Mentions: len(ms), Evidence: ms}
	}
	links := []graph.Link{
		{Direction: graph.In, Other: "UKR", Edge: edge("UKR", graph.Accuses, "RUS", mention("UKR", graph.Accuses, "RUS", 3, "c"), mention("UKR", graph.Accuses, "RUS", 1, "a"))},
		{Direction: graph.Out, Other: "PRK", Edge: edge("RUS", graph.AlliesWith, "PRK", mention("RUS", graph.AlliesWith, "PRK", 2, "b"))},
		{Direction: graph.Out, Other: "BLR", Edge: edge("RUS", graph.Supplies, "BLR", mention("RUS", graph.Supplies, "BLR", 4, "d"))},
		{Direction: graph.Out, Other: "IRN", Via: "person:minister", Edge: edge("person:minister", graph.Accuses, "IRN")},
	}
	before := slices.Clone(links)
	sorted := sortedLinks(links)
	if !reflect.DeepEqual(links, before) {
		t.Fatal("sortedLinks changed its input")
	}
	if !slices.IsSortedFunc(sorted, compareLinks) || &sorted[0] == &links[0] {
		t.Fatalf("unsorted links: got %v, want a sorted copy", sorted)
	}
	if !slices.IsSortedFunc(sorted[0].Edge.Evidence, compareMentions) && len(sorted[0].Edge.Evidence) > 1 {
		t.Errorf("evidence not sorted: %v", sorted[0].Edge.Evidence)
	}
	again := sortedLinks(sorted)
	if &again[0] != &sorted[0] || !reflect.DeepEqual(again, sorted) {
		t.Errorf("sorted links were copied or changed")
	}
}
