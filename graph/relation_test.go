package graph_test

import (
	"errors"
	"testing"

	"geokg/graph"
)

func TestParseRelation(t *testing.T) {
	tests := []struct {
		in   string
		want graph.Relation
		ok   bool
	}{
		{"accuses", graph.Accuses, true},
		{"denies", graph.Denies, true},
		{"supplies", graph.Supplies, true},
		{"allies-with", graph.AlliesWith, true},
		{"recognizes", graph.Recognizes, true},
		{"ACCUSES", graph.Accuses, true},
		{"  supplies\n", graph.Supplies, true},
		{"allies_with", graph.AlliesWith, true},
		{"Allies_With", graph.AlliesWith, true},
		{"allies", graph.AlliesWith, true},
		{"ally", graph.AlliesWith, true},
		{"allied", graph.AlliesWith, true},
		{"recognises", graph.Recognizes, true},
		{"", "", false},
		{"accuse", "", false},
		{"allies with", "", false},
		{"supplies-with", "", false},
		{"meets", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := graph.ParseRelation(tt.in)
			if tt.ok != (err == nil) || got != tt.want {
				t.Fatalf("ParseRelation(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
			if err != nil && !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("ParseRelation(%q) error %v does not wrap ErrInvalid", tt.in, err)
			}
		})
	}
}

func TestRelationRoundTrip(t *testing.T) {
	if len(graph.Relations) != 5 {
		t.Fatalf("len(Relations) = %d, want the five relations", len(graph.Relations))
	}
	for _, r := range graph.Relations {
		got, err := graph.ParseRelation(r.String())
		if err != nil || got != r {
			t.Errorf("ParseRelation(%q.String()) = %q, %v; want %q", r, got, err, r)
		}
		if !r.Valid() {
			t.Errorf("%q.Valid() = false", r)
		}
		if r.Symmetric() != (r == graph.AlliesWith) {
			t.Errorf("%q.Symmetric() = %v", r, r.Symmetric())
		}
	}
	for _, r := range []graph.Relation{"", "allies", "Accuses", "meets"} {
		if r.Valid() {
			t.Errorf("%q.Valid() = true, want false", r)
		}
	}
}
