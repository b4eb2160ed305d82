package graph_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"geokg/graph"
)

func day(s string) time.Time {
	t, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNewEdgeKey(t *testing.T) {
	tests := []struct {
		src  graph.ActorID
		rel  graph.Relation
		tgt  graph.ActorID
		want graph.EdgeKey
	}{
		{"USA", graph.Accuses, "PRK", graph.EdgeKey{Source: "USA", Relation: graph.Accuses, Target: "PRK"}},
		{"PRK", graph.Accuses, "USA", graph.EdgeKey{Source: "PRK", Relation: graph.Accuses, Target: "USA"}},
		{"RUS", graph.Supplies, "PRK", graph.EdgeKey{Source: "RUS", Relation: graph.Supplies, Target: "PRK"}},
		{"SYR", graph.Recognizes, "org:dpr", graph.EdgeKey{Source: "SYR", Relation: graph.Recognizes, Target: "org:dpr"}},
		{"RUS", graph.AlliesWith, "PRK", graph.EdgeKey{Source: "PRK", Relation: graph.AlliesWith, Target: "RUS"}},
		{"PRK", graph.AlliesWith, "RUS", graph.EdgeKey{Source: "PRK", Relation: graph.AlliesWith, Target: "RUS"}},
		{"BLR", graph.AlliesWith, "BLR", graph.EdgeKey{Source: "BLR", Relation: graph.AlliesWith, Target: "BLR"}},
	}
	for _, tt := range tests {
		got := graph.NewEdgeKey(tt.src, tt.rel, tt.tgt)
		if got != tt.want {
			t.Errorf("NewEdgeKey(%s, %s, %s) = %+v, want %+v", tt.src, tt.rel, tt.tgt, got, tt.want)
		}
		m := graph.Mention{Source: tt.src, Relation: tt.rel, Target: tt.tgt}
		if m.Key() != tt.want {
			t.Errorf("Mention{%s %s %s}.Key() = %+v, want %+v", tt.src, tt.rel, tt.tgt, m.Key(), tt.want)
		}
	}
	// Only the symmetric relation is reordered.
	for _, r := range graph.Relations {
		a, b := graph.NewEdgeKey("A", r, "B"), graph.NewEdgeKey("B", r, "A")
		if (a == b) != r.Symmetric() {
			t.Errorf("%s: NewEdgeKey(A,B) = %+v, NewEdgeKey(B,A) = %+v", r, a, b)
		}
	}
}

func TestCompareEdges(t *testing.T) {
	// want is in order: source first, then relation in Relations order (not
	// alphabetical: allies-with comes after supplies), then target.
	want := []graph.Edge{
		{EdgeKey: graph.EdgeKey{Source: "CHN", Relation: graph.AlliesWith, Target: "PRK"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.Accuses, Target: "KOR"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.Accuses, Target: "USA"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.Denies, Target: "USA"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.AlliesWith, Target: "RUS"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: graph.Recognizes, Target: "org:dpr"}},
		{EdgeKey: graph.EdgeKey{Source: "PRK", Relation: "unknown", Target: "AAA"}},
		{EdgeKey: graph.EdgeKey{Source: "USA", Relation: graph.Accuses, Target: "PRK"}},
	}
	checkOrder(t, want, graph.CompareEdges)
}

// checkOrder checks that cmp is a strict order on want as listed: each
// element compares equal to itself, before every later one and after every
// earlier one; and that sorting shuffled copies gives want back.
func checkOrder[T any](t *testing.T, want []T, cmp func(a, b T) int) {
	t.Helper()
	for i := range want {
		for j := range want {
			got := cmp(want[i], want[j])
			if sign(got) != sign(i-j) {
				t.Fatalf("compare(#%d, #%d) = %d, want sign %d\n#%d: %+v\n#%d: %+v", i, j, got, sign(i-j), i, want[i], j, want[j])
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		got := slices.Clone(want)
		rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		slices.SortFunc(got, cmp)
		for i := range got {
			if cmp(got[i], want[i]) != 0 {
				t.Fatalf("sorted #%d = %+v, want %+v", i, got[i], want[i])
			}
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestEdgeAdd(t *testing.T) {
	var e graph.Edge
	steps := []struct {
		n                   int
		date                string // "" is the zero date
		articles, mentions  int
		firstSeen, lastSeen string
	}{
		{2, "2024-06-10", 1, 2, "2024-06-10", "2024-06-10"},
		{1, "2024-06-12", 2, 3, "2024-06-10", "2024-06-12"},
		{1, "2024-05-01", 3, 4, "2024-05-01", "2024-06-12"},
		{3, "", 4, 7, "2024-05-01", "2024-06-12"},
		{0, "2024-06-11", 5, 7, "2024-05-01", "2024-06-12"},
		{1, "2025-01-01", 6, 8, "2024-05-01", "2025-01-01"},
	}
	for i, s := range steps {
		var d time.Time
		if s.date != "" {
			d = day(s.date)
		}
		e.Add(s.n, d)
		got := []any{e.Articles, e.Mentions, graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen)}
		want := []any{s.articles, s.mentions, s.firstSeen, s.lastSeen}
		if !slices.Equal(got, want) {
			t.Fatalf("step %d: Add(%d, %q): articles, mentions, first, last = %v, want %v", i, s.n, s.date, got, want)
		}
	}
}

func TestEdgeAddZeroDateFirst(t *testing.T) {
	var e graph.Edge
	e.Add(1, time.Time{})
	if !e.FirstSeen.IsZero() || !e.LastSeen.IsZero() {
		t.Fatalf("after a zero date: first %v last %v, want both zero", e.FirstSeen, e.LastSeen)
	}
	e.Add(1, day("2023-03-04"))
	if graph.FormatDate(e.FirstSeen) != "2023-03-04" || graph.FormatDate(e.LastSeen) != "2023-03-04" {
		t.Fatalf("after a zero date then 2023-03-04: first %v last %v", e.FirstSeen, e.LastSeen)
	}
}

func TestStatusCounts(t *testing.T) {
	ms := []graph.Mention{{Status: graph.Asserted}, {Status: graph.Alleged}, {Status: graph.Alleged}, {Status: graph.Denied}, {Status: ""}}
	c := graph.CountStatuses(ms)
	if want := (graph.StatusCounts{Asserted: 2, Alleged: 2, Denied: 1}); c != want || c.Total() != len(ms) {
		t.Errorf("CountStatuses = %+v, want %+v (a mention without status counts as asserted)", c, want)
	}
	for _, st := range graph.Statuses {
		var one graph.StatusCounts
		one.Add(st, 3)
		if one.Of(st) != 3 || one.Total() != 3 {
			t.Errorf("Add(%s, 3) gave %+v", st, one)
		}
	}
	if got := c.Plus(graph.StatusCounts{Promised: 1, Denied: 1}); got != (graph.StatusCounts{2, 2, 1, 2}) {
		t.Errorf("Plus = %+v", got)
	}
	// Rollup adds up the counts of the edges it merges.
	g := &graph.Graph{
		Actors: []graph.Actor{{ID: "UKR"}, {ID: "person:a", Affiliation: "UKR"}, {ID: "RUS"}},
		Edges: []graph.Edge{
			{EdgeKey: graph.NewEdgeKey("UKR", graph.Accuses, "RUS"), Articles: 1, Mentions: 1, Statuses: graph.StatusCounts{Alleged: 1}},
			{EdgeKey: graph.NewEdgeKey("person:a", graph.Accuses, "RUS"), Articles: 1, Mentions: 2, Statuses: graph.StatusCounts{Asserted: 2}},
		},
	}
	if r := graph.Rollup(g); len(r.Edges) != 1 || r.Edges[0].Statuses != (graph.StatusCounts{Asserted: 2, Alleged: 1}) {
		t.Errorf("Rollup: %+v", r.Edges)
	}
}
