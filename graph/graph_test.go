package graph_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"geokg/graph"
)

var (
	prk = graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country}
	rus = graph.Actor{ID: "RUS", Name: "Russia", Type: graph.Country}
	usa = graph.Actor{ID: "USA", Name: "United States", Type: graph.Country}
	chn = graph.Actor{ID: "CHN", Name: "China", Type: graph.Country}
	kim = graph.Actor{ID: "person:kim-yo-jong", Name: "Kim Yo-jong", Type: graph.Person, Affiliation: "PRK"}
	ukr = graph.Actor{ID: "UKR", Name: "Ukraine", Type: graph.Country}
)

// mention returns a mention of src rel tgt in article art on date d, in the
// sentence starting at off.
func mention(src graph.ActorID, rel graph.Relation, tgt graph.ActorID, art, d string, off int) graph.Mention {
	return graph.Mention{
		Source: src, Relation: rel, Target: tgt, Article: art, Date: day(d),
		SentSpan: graph.Span{Start: off, End: off + 20}, TrigSpan: graph.Span{Start: off + 5, End: off + 10},
		Status: graph.Asserted,
	}
}

func TestFromMentions(t *testing.T) {
	m1 := mention("USA", graph.Accuses, "PRK", "a1", "2024-06-01", 0)
	m2 := mention("USA", graph.Accuses, "PRK", "a1", "2024-06-01", 40) // same article: one article, two mentions
	m3 := mention("USA", graph.Accuses, "PRK", "a2", "2024-05-20", 0)  // earlier article
	m4 := mention("USA", graph.Accuses, "PRK", "a3", "2024-07-02", 10)
	m5 := mention("RUS", graph.AlliesWith, "PRK", "a1", "2024-06-01", 80)
	m6 := mention("PRK", graph.AlliesWith, "RUS", "a2", "2024-05-20", 30) // same edge, other direction
	m7 := mention("PRK", graph.Supplies, "RUS", "a1", "2024-06-01", 120)
	m7.Status, m7.ClaimedBy, m7.DisputedBy = graph.Alleged, "USA", "PRK"
	m8 := mention("person:kim-yo-jong", graph.Accuses, "USA", "a3", "2024-07-02", 50)
	m9 := mention("PRK", graph.Supplies, "person:unknown", "a3", "2024-07-02", 90)

	actors := []graph.Actor{usa, rus, kim, ukr, chn, prk} // UKR and CHN are not used
	mentions := []graph.Mention{m4, m9, m2, m7, m1, m6, m8, m3, m5}
	g := graph.FromMentions(actors, mentions)

	wantActors := []graph.Actor{
		prk, rus, usa,
		{ID: "person:kim-yo-jong", Name: "Kim Yo-jong", Type: graph.Person, Affiliation: "PRK"},
		{ID: "person:unknown", Name: "person:unknown", Type: graph.Group}, // placeholder
	}
	slices.SortFunc(wantActors, func(a, b graph.Actor) int { return compareStrings(string(a.ID), string(b.ID)) })
	if !reflect.DeepEqual(g.Actors, wantActors) {
		t.Errorf("actors:\n got %+v\nwant %+v", g.Actors, wantActors)
	}

	type edge struct {
		key                 graph.EdgeKey
		articles, mentions  int
		firstSeen, lastSeen string
		evidence            []graph.Mention
	}
	want := []edge{
		{graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}, 1, 1, "2024-06-01", "2024-06-01", []graph.Mention{m7}},
		{graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "person:unknown"}, 1, 1, "2024-07-02", "2024-07-02", []graph.Mention{m9}},
		{graph.EdgeKey{Source: "PRK", Relation: graph.AlliesWith, Target: "RUS"}, 2, 2, "2024-05-20", "2024-06-01", []graph.Mention{m6, m5}},
		{graph.EdgeKey{Source: "USA", Relation: graph.Accuses, Target: "PRK"}, 3, 4, "2024-05-20", "2024-07-02", []graph.Mention{m3, m1, m2, m4}},
		{graph.EdgeKey{Source: "person:kim-yo-jong", Relation: graph.Accuses, Target: "USA"}, 1, 1, "2024-07-02", "2024-07-02", []graph.Mention{m8}},
	}
	if len(g.Edges) != len(want) {
		t.Fatalf("got %d edges, want %d: %+v", len(g.Edges), len(want), g.Edges)
	}
	for i, w := range want {
		e := g.Edges[i]
		got := edge{e.EdgeKey, e.Articles, e.Mentions, graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen), e.Evidence}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("edge %d:\n got %+v\nwant %+v", i, got, w)
		}
	}

	// The input order does not matter.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 10 {
		rng.Shuffle(len(mentions), func(i, j int) { mentions[i], mentions[j] = mentions[j], mentions[i] })
		rng.Shuffle(len(actors), func(i, j int) { actors[i], actors[j] = actors[j], actors[i] })
		if again := graph.FromMentions(actors, mentions); !reflect.DeepEqual(again, g) {
			t.Fatalf("FromMentions of shuffled input differs:\n got %+v\nwant %+v", again, g)
		}
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestFromMentionsEmpty(t *testing.T) {
	g := graph.FromMentions([]graph.Actor{prk}, nil)
	if len(g.Actors) != 0 || len(g.Edges) != 0 {
		t.Fatalf("FromMentions(no mentions) = %+v, want an empty graph", g)
	}
}

// An actor's affiliation is listed even when it is in no edge, and so is
// the affiliation of that affiliation: a spokesperson for the Kremlin, which
// speaks for Russia, brings in both.
func TestFromMentionsAffiliationChain(t *testing.T) {
	kremlin := graph.Actor{ID: "org:kremlin", Name: "the Kremlin", Type: graph.Organization, Affiliation: "RUS"}
	peskov := graph.Actor{ID: "person:dmitry-peskov", Name: "Dmitry Peskov", Type: graph.Person, Affiliation: "org:kremlin"}
	m := mention("person:dmitry-peskov", graph.Accuses, "UKR", "a1", "2024-06-01", 0)
	for range 50 { // map order varies between runs
		g := graph.FromMentions([]graph.Actor{rus, ukr, kremlin, peskov}, []graph.Mention{m})
		var ids []graph.ActorID
		for _, a := range g.Actors {
			ids = append(ids, a.ID)
		}
		want := []graph.ActorID{"RUS", "UKR", "org:kremlin", "person:dmitry-peskov"}
		if !slices.Equal(ids, want) {
			t.Fatalf("actors %v, want %v", ids, want)
		}
	}
}

func TestGraphSortAndActor(t *testing.T) {
	m1 := mention("USA", graph.Accuses, "PRK", "a2", "2024-06-02", 0)
	m2 := mention("USA", graph.Accuses, "PRK", "a1", "2024-06-01", 0)
	g := &graph.Graph{
		Actors: []graph.Actor{usa, prk, chn},
		Edges: []graph.Edge{
			{EdgeKey: graph.NewEdgeKey("USA", graph.Accuses, "PRK"), Evidence: []graph.Mention{m1, m2}},
			{EdgeKey: graph.NewEdgeKey("PRK", graph.AlliesWith, "CHN")},
		},
	}
	g.Sort()
	if ids := []graph.ActorID{g.Actors[0].ID, g.Actors[1].ID, g.Actors[2].ID}; !slices.Equal(ids, []graph.ActorID{"CHN", "PRK", "USA"}) {
		t.Errorf("actors after Sort: %v", ids)
	}
	if g.Edges[0].Source != "CHN" || g.Edges[1].Source != "USA" {
		t.Errorf("edges after Sort: %+v", g.Edges)
	}
	if ev := g.Edges[1].Evidence; ev[0].Article != "a1" || ev[1].Article != "a2" {
		t.Errorf("evidence after Sort: %+v", ev)
	}
	if a, ok := g.Actor("PRK"); !ok || !reflect.DeepEqual(a, prk) {
		t.Errorf("Actor(PRK) = %+v, %v", a, ok)
	}
	if a, ok := g.Actor("XXX"); ok {
		t.Errorf("Actor(XXX) = %+v, true; want not found", a)
	}
}
