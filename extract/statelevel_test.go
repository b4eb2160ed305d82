package extract

import (
	"testing"

	"geokg/graph"
)

// TestAtStateLevel: a spokesman speaks through his ministry for the state,
// an unaffiliated actor stays itself, and the result's own mentions keep
// their persons.
func TestAtStateLevel(t *testing.T) {
	r := Result{
		Actors: []graph.Actor{
			{ID: "person:x", Type: graph.Person, Affiliation: "org:mfa"},
			{ID: "org:mfa", Affiliation: "CHL"},
			{ID: "CHL"}, {ID: "PER"},
		},
		Mentions: []graph.Mention{{Source: "person:x", Relation: graph.Accuses, Target: "PER"}},
	}
	got := r.AtStateLevel()
	if len(got) != 1 || got[0].Source != "CHL" || got[0].Target != "PER" {
		t.Fatalf("AtStateLevel = %+v, want CHL accuses PER", got)
	}
	if r.Mentions[0].Source != "person:x" {
		t.Errorf("AtStateLevel changed the result's own mention: %+v", r.Mentions[0])
	}
}
