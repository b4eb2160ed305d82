package extract

import (
	"slices"
	"testing"

	"geokg/graph"
)

// TestNamed checks that Result.Named lists every actor a text names,
// also those in no relation, and no pronoun.
func TestNamed(t *testing.T) {
	x := New(Options{})
	text := "Chile and Peru held talks on fishing quotas. Ukraine accused Russia of shelling the plant. It denied it."
	res := x.Extract(graph.Article{ID: graph.ArticleID([]byte(text))}, text)
	want := []graph.ActorID{"CHL", "PER", "RUS", "UKR"}
	if !slices.Equal(res.Named, want) {
		t.Errorf("Named = %v, want %v", res.Named, want)
	}
	if len(res.Mentions) == 0 {
		t.Fatal("no relation found: the text no longer tests a named actor in a relation")
	}
	if res := x.Extract(graph.Article{ID: "x"}, "Nothing happened here today."); res.Named != nil {
		t.Errorf("a text naming nobody: Named = %v, want nil", res.Named)
	}
}
