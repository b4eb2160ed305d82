package graph_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"geokg/graph"
)

func TestRoots(t *testing.T) {
	actors := []graph.Actor{
		{ID: "RUS", Name: "Russia", Type: graph.Country},
		{ID: "org:mfa-russia", Name: "Russian foreign ministry", Type: graph.Organization, Affiliation: "RUS"},
		{ID: "person:spokeswoman", Name: "Spokeswoman", Type: graph.Person, Affiliation: "org:mfa-russia"},
		{ID: "person:minister", Name: "Minister", Type: graph.Person, Affiliation: "UKR"}, // UKR has no record
		{ID: "person:a", Name: "A", Type: graph.Person, Affiliation: "person:b"},
		{ID: "person:b", Name: "B", Type: graph.Person, Affiliation: "person:c"},
		{ID: "person:c", Name: "C", Type: graph.Person, Affiliation: "person:b"}, // b and c loop
		{ID: "person:self", Name: "Self", Type: graph.Person, Affiliation: "person:self"},
	}
	want := map[graph.ActorID]graph.ActorID{
		"org:mfa-russia":     "RUS",
		"person:spokeswoman": "RUS",
		"person:minister":    "UKR",
		"person:a":           "person:b",
		"person:c":           "person:b",
	}
	got := graph.Roots(actors)
	if !maps.Equal(got, want) {
		t.Errorf("Roots = %v, want %v", got, want)
	}
	slices.Reverse(actors)
	if again := graph.Roots(actors); !maps.Equal(again, want) {
		t.Errorf("Roots depends on order: %v", again)
	}
}

// rollupMention is a mention of src rel dst in article art on day d.
func rollupMention(src graph.ActorID, rel graph.Relation, dst graph.ActorID, art string, d int) graph.Mention {
	return graph.Mention{Source: src, Relation: rel, Target: dst, Article: art, Status: graph.Asserted,
		Date: time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC), Sentence: fmt.Sprintf("%s %s %s.", src, rel, dst)}
}

func edgeSummary(g *graph.Graph) string {
	var b strings.Builder
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "%s %s %s %d/%d %s..%s; ", e.Source, e.Relation, e.Target, e.Articles, e.Mentions,
			graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen))
	}
	return b.String()
}

func TestRollup(t *testing.T) {
	actors := []graph.Actor{
		{ID: "UKR", Name: "Ukraine", Type: graph.Country},
		{ID: "BLR", Name: "Belarus", Type: graph.Country},
		{ID: "RUS", Name: "Russia", Type: graph.Country},
		{ID: "person:sybiha", Name: "Andrii Sybiha", Type: graph.Person, Affiliation: "UKR"},
		{ID: "person:lukashenko", Name: "Alexander Lukashenko", Type: graph.Person, Affiliation: "BLR"},
	}
	mentions := []graph.Mention{
		rollupMention("UKR", graph.Accuses, "BLR", "a1", 1),
		rollupMention("person:sybiha", graph.Accuses, "person:lukashenko", "a1", 1), // same article: counts once
		rollupMention("person:sybiha", graph.Accuses, "BLR", "a2", 5),
		rollupMention("person:lukashenko", graph.AlliesWith, "RUS", "a3", 9),
		rollupMention("person:lukashenko", graph.Accuses, "BLR", "a4", 9), // his own state: dropped
	}
	mentions[1].ClaimedBy = "person:sybiha"
	g := graph.FromMentions(actors, mentions)
	before := edgeSummary(g)
	r := graph.Rollup(g)
	want := "BLR allies-with RUS 1/1 2024-03-09..2024-03-09; UKR accuses BLR 2/3 2024-03-01..2024-03-05; "
	if got := edgeSummary(r); got != want {
		t.Errorf("Rollup edges:\n got %s\nwant %s", got, want)
	}
	for _, a := range r.Actors {
		if a.Type == graph.Person {
			t.Errorf("rollup kept %s", a.ID)
		}
	}
	for _, e := range r.Edges {
		for _, m := range e.Evidence {
			if m.Key() != e.EdgeKey || m.ClaimedBy == "person:sybiha" {
				t.Errorf("evidence %+v not moved to %v", m, e.EdgeKey)
			}
		}
	}
	if after := edgeSummary(g); after != before || len(g.Actors) != len(actors) {
		t.Errorf("Rollup changed its input: %s", after)
	}
	// Without all the evidence the counts are added up.
	for i := range g.Edges {
		g.Edges[i].Evidence = nil
	}
	if got := edgeSummary(graph.Rollup(g)); !strings.Contains(got, "UKR accuses BLR 3/3") {
		t.Errorf("without evidence: %s, want articles added up (3)", got)
	}
}

func TestRollupView(t *testing.T) {
	actors := map[graph.ActorID]graph.Actor{
		"UKR":               {ID: "UKR", Name: "Ukraine", Type: graph.Country},
		"BLR":               {ID: "BLR", Name: "Belarus", Type: graph.Country},
		"person:sybiha":     {ID: "person:sybiha", Name: "Andrii Sybiha", Type: graph.Person, Affiliation: "UKR"},
		"person:lukashenko": {ID: "person:lukashenko", Name: "Alexander Lukashenko", Type: graph.Person, Affiliation: "BLR"},
	}
	edge := func(ms ...graph.Mention) graph.Edge {
		return graph.FromMentions(nil, ms).Edges[0]
	}
	v := &graph.View{Actor: actors["UKR"], Actors: actors, Links: []graph.Link{
		{Direction: graph.Out, Other: "BLR", Edge: edge(rollupMention("UKR", graph.Accuses, "BLR", "a1", 1))},
		{Direction: graph.Out, Other: "person:lukashenko", Via: "person:sybiha", Edge: edge(rollupMention("person:sybiha", graph.Accuses, "person:lukashenko", "a2", 2))},
		{Direction: graph.In, Other: "person:lukashenko", Via: "person:sybiha", Edge: edge(rollupMention("person:lukashenko", graph.Accuses, "person:sybiha", "a2", 2))},
		{Direction: graph.Out, Other: "UKR", Via: "person:sybiha", Edge: edge(rollupMention("person:sybiha", graph.Accuses, "UKR", "a3", 3))},
	}}
	r := graph.RollupView(v)
	var got []string
	for _, l := range r.Links {
		got = append(got, fmt.Sprintf("%s %s %s via=%q %s %s %s %d", l.Direction, l.Edge.Relation, l.Other, l.Via, l.Edge.Source, l.Edge.Target, graph.FormatDate(l.Edge.LastSeen), l.Edge.Articles))
	}
	want := []string{
		`in accuses BLR via="" BLR UKR 2024-03-02 1`,
		`out accuses BLR via="" UKR BLR 2024-03-02 2`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("RollupView links:\n got %q\nwant %q", got, want)
	}
	if len(v.Links) != 4 || v.Links[1].Via != "person:sybiha" {
		t.Error("RollupView changed its input")
	}
}
