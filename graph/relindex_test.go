package graph

import (
	"slices"
	"testing"
)

// TestRelIndex holds relIndex's switch to the order of Relations: each
// relation's index there, len(Relations) for anything else.
func TestRelIndex(t *testing.T) {
	others := []Relation{"", "accuse", "Accuses", "allies", "allies_with", "recognises", "supplies ", "denies\x00"}
	for _, r := range append(slices.Clone(Relations), others...) {
		want := slices.Index(Relations, r)
		if want < 0 {
			want = len(Relations)
		}
		if got := relIndex(r); got != want {
			t.Errorf("relIndex(%q) = %d, want %d", r, got, want)
		}
	}
}
