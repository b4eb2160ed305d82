package extract

import (
	"reflect"
	"testing"

	"geokg/graph"
)

// TestGroupTieDeterministic: "the group" refers to the armed group named
// most often; when two are named equally often and neither was the last
// one named, the choice must not depend on map iteration order.
func TestGroupTieDeterministic(t *testing.T) {
	text := "Hamas launched rockets. Hezbollah launched rockets. Hamas fired again. Hezbollah fired again. " +
		"The Houthis attacked a ship. The group accused Israel of war crimes."
	x := New(Options{})
	art := graph.Article{ID: graph.ArticleID([]byte(text))}
	first := x.Extract(art, text)
	found := false
	for _, m := range first.Mentions {
		if m.Relation == graph.Accuses && m.Target == "ISR" {
			found = true
		}
	}
	if !found {
		t.Fatalf("no accusation of Israel found in %q: %+v", text, first.Mentions)
	}
	for n := 1; n < 50; n++ {
		if got := x.Extract(art, text); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d differs from run 0:\n%+v\nvs\n%+v", n, got.Mentions, first.Mentions)
		}
	}
}
