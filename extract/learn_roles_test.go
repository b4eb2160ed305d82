package extract_test

import (
	"slices"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// TestRoleFeatures pins the clause-role features of the learned
// component on sentences written for this test: the subject and object
// of a verb, the owner of a rejected claim, the agent of a passive, the
// possessor of an act noun, a speaker and a quoted end.
func TestRoleFeatures(t *testing.T) {
	cases := []struct {
		text, src, tgt string
		want           []string
	}{
		{"Chile rejected Peru's accusations of spying.", "CHL", "PER", []string{"rl:denies:verb:s>c"}},
		{"Bolivia was accused by Chile of hoarding water.", "CHL", "BOL", []string{"rl:accuses:verb:s>o"}},
		{"Chile condemned Bolivia's accusations against Peru.", "BOL", "PER", []string{"rl:accuses:noun:s>o"}},
		{"Peru said Chile had condemned Bolivia.", "PER", "BOL", []string{"rep:s", "rl:accuses:verb:->o"}},
		{"Peru said \"Chile supplies Bolivia with rifles\".", "CHL", "BOL", []string{"q:s", "q:t", "rl:supplies:verb:s>o"}},
		{"Peru met Chile to talk about an alliance.", "PER", "CHL", []string{"rl:none"}},
	}
	x := extract.New(extract.Options{})
	for _, c := range cases {
		var feats []string
		for _, cand := range x.Candidates(graph.Article{ID: "roles", Date: learnDate}, c.text) {
			if string(cand.SourceState) == c.src && string(cand.TargetState) == c.tgt {
				feats = cand.Features
			}
		}
		if feats == nil {
			t.Errorf("%q: no candidate %s -> %s", c.text, c.src, c.tgt)
			continue
		}
		for _, w := range c.want {
			if !slices.Contains(feats, w) {
				t.Errorf("%q: %s -> %s lacks %s; role features: %v", c.text, c.src, c.tgt, w, roleOnly(feats))
			}
		}
	}
}

// roleOnly returns the clause-role features of feats.
func roleOnly(feats []string) []string {
	var out []string
	for _, f := range feats {
		if len(f) > 3 && (f[:3] == "rl:" || f[:3] == "rep" || f[:2] == "q:") {
			out = append(out, f)
		}
	}
	return out
}
