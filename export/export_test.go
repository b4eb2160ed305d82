package export_test

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"geokg/graph"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

// day parses a YYYY-MM-DD date or fails the test binary loudly.
func day(s string) time.Time {
	t, err := graph.ParseDate(s)
	if err != nil {
		panic(err) // test data only
	}
	return t
}

// article makes an article id from a made-up headline.
func article(headline string) string { return graph.ArticleID([]byte(headline)) }

// mention builds one piece of evidence.
func mention(src graph.ActorID, rel graph.Relation, tgt graph.ActorID, art, date, trigger, sentence string, st graph.Status) graph.Mention {
	m := graph.Mention{Source: src, Relation: rel, Target: tgt, Article: art, Sentence: sentence,
		Trigger: trigger, Status: st, SentSpan: graph.Span{Start: 0, End: len(sentence)}}
	if i := strings.Index(sentence, trigger); i >= 0 {
		m.TrigSpan = graph.Span{Start: i, End: i + len(trigger)}
	}
	if date != "" {
		m.Date = day(date)
	}
	return m
}

// claim sets who claims a mention and who disputes it.
func claim(m graph.Mention, by, disputedBy graph.ActorID) graph.Mention {
	m.ClaimedBy, m.DisputedBy = by, disputedBy
	return m
}

// testActors are made-up but plausible actors of every type.
func testActors() []graph.Actor {
	return []graph.Actor{
		{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"DPRK", "Pyongyang"}},
		{ID: "KOR", Name: "South Korea", Type: graph.Country, Aliases: []string{"ROK", "Seoul"}},
		{ID: "RUS", Name: "Russia", Type: graph.Country, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "UKR", Name: "Ukraine", Type: graph.Country, Aliases: []string{"Kyiv"}},
		{ID: "USA", Name: "United States", Type: graph.Country, Aliases: []string{"Washington"}},
		{ID: "person:kim-yo-jong", Name: "Kim Yo-jong", Type: graph.Person, Affiliation: "PRK"},
		{ID: "person:anna-petrova", Name: "Anna Petrova", Type: graph.Person, Affiliation: "RUS"},
		{ID: "org:nato", Name: "NATO", Type: graph.Organization, Aliases: []string{"the Atlantic alliance"}},
		{ID: "group:eastern-legion", Name: "Eastern Legion", Type: graph.Group},
		{ID: "territory:north-isle", Name: "North Isle", Type: graph.Territory},
	}
}

// testMentions is the evidence of the test graph, in the words of made-up
// articles.
func testMentions() []graph.Mention {
	a1, a2, a3 := article("Pyongyang sister lashes out"), article("Seoul warns of shells"), article("Shipments under scrutiny")
	a4, a5, a6 := article("Kyiv package approved"), article("Alliance summit ends"), article("Island vote recognised")
	return []graph.Mention{
		mention("person:kim-yo-jong", graph.Accuses, "KOR", a1, "2024-03-02", "blamed",
			"Kim Yo-jong blamed Seoul for the leaflets that crossed the border on Friday.", graph.Asserted),
		mention("person:kim-yo-jong", graph.Accuses, "KOR", a1, "2024-03-02", "accused",
			"She also accused South Korea of staging provocations near the coast.", graph.Asserted),
		mention("person:kim-yo-jong", graph.Accuses, "KOR", a2, "2024-04-11", "condemned",
			"In a statement carried by state media, Kim Yo-jong condemned the South Korean drills as reckless.", graph.Asserted),
		mention("KOR", graph.Accuses, "PRK", a2, "2024-04-11", "accused",
			"South Korea accused North Korea of firing artillery shells into the buffer zone.", graph.Asserted),
		claim(mention("PRK", graph.Supplies, "RUS", a3, "2024-05-20", "shipped",
			"Seoul says Pyongyang shipped artillery shells to Russia by rail.", graph.Alleged), "KOR", ""),
		claim(mention("PRK", graph.Supplies, "RUS", a3, "2024-05-20", "supplying",
			"North Korea denied supplying Russia with any weapons.", graph.Denied), "KOR", "PRK"),
		mention("PRK", graph.Denies, "KOR", a3, "2024-05-20", "denied",
			"North Korea denied supplying Russia with any weapons.", graph.Asserted),
		mention("PRK", graph.AlliesWith, "RUS", a3, "2024-05-20", "partnership",
			"Pyongyang and Moscow signed a partnership that pledges mutual defence.", graph.Asserted),
		mention("USA", graph.Supplies, "UKR", a4, "2024-06-01", "approved",
			"Washington approved a new package of air-defence missiles for Ukraine.", graph.Asserted),
		mention("USA", graph.Supplies, "UKR", a5, "", "pledged",
			"The United States pledged further aid to Kyiv at the summit.", graph.Promised),
		mention("org:nato", graph.Accuses, "RUS", a5, "", "condemned",
			"NATO condemned Russia for the attacks on energy infrastructure.", graph.Asserted),
		mention("person:anna-petrova", graph.Denies, "org:nato", a5, "", "rejected",
			"Anna Petrova rejected the alliance's statement as groundless.", graph.Asserted),
		mention("RUS", graph.Recognizes, "territory:north-isle", a6, "2024-07-15", "recognised",
			"Moscow recognised North Isle as an independent state after the vote.", graph.Asserted),
		mention("group:eastern-legion", graph.Accuses, "UKR", a6, "2024-07-15", "accused",
			"The Eastern Legion accused Ukraine of shelling its positions.", graph.Alleged),
	}
}

// testGraph is the graph of testMentions, with one extra edge listed without
// evidence, as a store listing may give it.
func testGraph() *graph.Graph {
	g := graph.FromMentions(testActors(), testMentions())
	g.Edges = append(g.Edges, graph.Edge{
		EdgeKey:  graph.NewEdgeKey("org:nato", graph.AlliesWith, "USA"),
		Articles: 12, Mentions: 30, FirstSeen: day("2023-01-10"), LastSeen: day("2024-07-01"),
	})
	g.Actors = append(g.Actors, testActors()...) // actors with no edge, and duplicates
	return g
}

// labelGraph holds names and sentences with quotes, newlines, tabs,
// backslashes and control characters.
func labelGraph() *graph.Graph {
	actors := []graph.Actor{
		{ID: "group:front", Name: "The \"Northern\"\tFront\ncommittee", Type: graph.Group,
			Aliases: []string{"Front\t\"N\""}},
		{ID: "org:back\\slash", Name: "Back\\slash \x01Union\u2028HQ <b>&</b>", Type: graph.Organization},
		{ID: "person:x", Name: " \t\n ", Type: graph.Person, Affiliation: "group:front"},
	}
	art := article("labels")
	ms := []graph.Mention{
		mention("group:front", graph.Accuses, "org:back\\slash", art, "2024-02-29", "accused",
			"The \"Northern\" Front\taccused the union of\nlying \\ again.", graph.Asserted),
		mention("person:x", graph.Supplies, "org:back\\slash", art, "2024-02-29", "sent",
			"Someone sent crates \x00\x07 of rifles.", graph.Alleged),
	}
	return graph.FromMentions(actors, ms)
}

// viewOf builds the view of id from g as a store would: every edge at id,
// plus the edges of actors that speak for id (Via).
func viewOf(g *graph.Graph, id graph.ActorID) *graph.View {
	actors := map[graph.ActorID]graph.Actor{}
	for _, a := range g.Actors {
		actors[a.ID] = a
	}
	v := &graph.View{Actor: actors[id], Actors: actors}
	for _, e := range g.Edges {
		for _, end := range []struct {
			self, other graph.ActorID
			dir         graph.Direction
		}{{e.Source, e.Target, graph.Out}, {e.Target, e.Source, graph.In}} {
			l := graph.Link{Direction: end.dir, Other: end.other, Edge: e}
			if e.Relation.Symmetric() {
				l.Direction = graph.Out
			}
			switch {
			case end.self == id:
				v.Links = append(v.Links, l)
			case actors[end.self].Affiliation == id:
				l.Via = end.self
				v.Links = append(v.Links, l)
			}
		}
	}
	return v
}

// shuffled returns g with its actors, edges and each edge's evidence in a
// random order given by seed. It copies every slice it reorders.
func shuffled(g *graph.Graph, seed uint64) *graph.Graph {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := &graph.Graph{Actors: slices.Clone(g.Actors), Edges: slices.Clone(g.Edges)}
	r.Shuffle(len(out.Actors), func(i, j int) { out.Actors[i], out.Actors[j] = out.Actors[j], out.Actors[i] })
	r.Shuffle(len(out.Edges), func(i, j int) { out.Edges[i], out.Edges[j] = out.Edges[j], out.Edges[i] })
	for i := range out.Edges {
		ev := slices.Clone(out.Edges[i].Evidence)
		r.Shuffle(len(ev), func(a, b int) { ev[a], ev[b] = ev[b], ev[a] })
		out.Edges[i].Evidence = ev
	}
	return out
}

// shuffledView returns v with its links and their evidence in a random order.
func shuffledView(v *graph.View, seed uint64) *graph.View {
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := *v
	out.Links = slices.Clone(v.Links)
	r.Shuffle(len(out.Links), func(i, j int) { out.Links[i], out.Links[j] = out.Links[j], out.Links[i] })
	for i := range out.Links {
		ev := slices.Clone(out.Links[i].Edge.Evidence)
		r.Shuffle(len(ev), func(a, b int) { ev[a], ev[b] = ev[b], ev[a] })
		out.Links[i].Edge.Evidence = ev
	}
	return &out
}

// checkGolden compares got with testdata/name, or rewrites the file when
// -update is set. On a mismatch it prints a line diff.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (-want +got); if the change is intended, run go test ./export -update\n%s",
			path, lineDiff(string(want), string(got)))
	}
}

// lineDiff is a small longest-common-subsequence diff of two texts, with
// "-" for lines only in a and "+" for lines only in b. Golden files are
// small, so the quadratic table is fine.
func lineDiff(a, b string) string {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+%q\n", y[j])
			j++
		default:
			fmt.Fprintf(&out, "-%q\n", x[i])
			i++
		}
	}
	return out.String()
}
