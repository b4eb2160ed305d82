package extract

import (
	"fmt"
	"slices"
	"testing"

	"geokg/graph"
)

// TestIDCounts checks idCounts against a map, past the ids its slots
// find (maxSlotted) and over ids that share a slot.
func TestIDCounts(t *testing.T) {
	var c idCounts
	for round := range 2 {
		want := map[graph.ActorID]int{}
		most := 0
		for i := range 3 * maxSlotted {
			id := graph.ActorID(fmt.Sprintf("S%02d", i%(2*maxSlotted+7)))
			if i%5 == 0 {
				id = "SDN" // counted often
			}
			c.add(id)
			want[id]++
			most = max(most, want[id])
		}
		for id, n := range want {
			if got := c.of(id); got != n {
				t.Errorf("round %d: of(%s) = %d, want %d", round, id, got, n)
			}
		}
		if c.of("none") != 0 || c.of("") != 0 {
			t.Errorf("round %d: an id never counted has a count", round)
		}
		if len(c.list) != len(want) || c.most != most {
			t.Errorf("round %d: %d ids, most %d; want %d, %d", round, len(c.list), c.most, len(want), most)
		}
		c.reset()
		if c.of("SDN") != 0 || len(c.list) != 0 || c.most != 0 {
			t.Errorf("round %d: reset left counts", round)
		}
	}
}

// TestMaybeSurname checks that every surname set is found through its bit.
func TestMaybeSurname(t *testing.T) {
	st := articleState{surnames: map[string]graph.ActorID{}}
	for i, s := range []string{"Burhan", "al-Burhan", "Wu", "Lai", "X", ""} {
		st.setSurname(s, graph.ActorID(fmt.Sprint(i)))
	}
	for s, id := range st.surnames {
		if got, ok := st.surname(s); !ok || got != id {
			t.Errorf("surname(%q) = %q, %v; want %q", s, got, ok, id)
		}
	}
	if _, ok := st.surname("Hemedti"); ok {
		t.Errorf("surname(Hemedti) found, never set")
	}
}

// TestClassedFilter checks that the filter before x.classed (classesOf)
// drops no actor that has classes, and that bodyClassesOf gives each body
// noun the class bodyClass read from the lexicon's classes.
func TestClassedFilter(t *testing.T) {
	x := New(Options{})
	for _, a := range x.actors {
		if got, want := x.classesOf(a.ID, a), x.classed[a]; !slices.Equal(got, want) {
			t.Errorf("classesOf(%s) = %v, want %v", a.ID, got, want)
		}
	}
	var f idFilter
	for _, id := range []graph.ActorID{"", "A", "USA", "nato", "Q1234567890"} {
		if f.maybe(id) && id != "" {
			t.Errorf("empty filter: maybe(%q)", id)
		}
		f.add(id)
		if !f.maybe(id) {
			t.Errorf("maybe(%q) = false after add", id)
		}
	}
	n := 0
	for c := range x.lex.words["body-class"] {
		for noun := range x.lex.words["body-"+c] {
			n++
			if got := x.bodyClass(noun); got != c {
				t.Errorf("bodyClass(%q) = %q, want %q", noun, got, c)
			}
		}
	}
	if n == 0 || x.bodyClass("the") != "" {
		t.Errorf("bodyClass: %d nouns, %q for \"the\"", n, x.bodyClass("the"))
	}
}
