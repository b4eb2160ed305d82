package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

// narrowFixture is the fixture world plus an undated article and one with
// an alleged supply.
func narrowFixture(t *testing.T) *store.Store {
	t.Helper()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	put(t, s, "a4", "", nil, mention("a4", "PRK", graph.Supplies, "RUS", 0))
	alleged := mention("a5", "RUS", graph.Supplies, "UKR", 0)
	alleged.Status, alleged.ClaimedBy = graph.Alleged, "UKR"
	put(t, s, "a5", "2024-08-01", nil, alleged)
	return s
}

// edgeCounts lists "src rel dst articles/mentions first..last" for g.
func edgeCounts(g *graph.Graph) string {
	var parts []string
	for _, e := range g.Edges {
		parts = append(parts, fmt.Sprintf("%s %s %s %d/%d %s..%s", e.Source, e.Relation, e.Target, e.Articles, e.Mentions,
			graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen)))
	}
	return strings.Join(parts, "; ")
}

func TestFilterMentions(t *testing.T) {
	s := narrowFixture(t)
	day := func(d string) time.Time { return date(t, d) }
	tests := []struct {
		name string
		f    store.Filter
		want string
	}{
		{"no filter counts the undated article", store.Filter{Relations: []graph.Relation{graph.Supplies}},
			"PRK supplies RUS 3/4 2024-05-20..2024-06-01; RUS supplies UKR 1/1 2024-08-01..2024-08-01"},
		{"until is inclusive, undated dropped", store.Filter{Relations: []graph.Relation{graph.Supplies}, Until: day("2024-06-01")},
			"PRK supplies RUS 2/3 2024-05-20..2024-06-01"},
		{"since is inclusive", store.Filter{Since: day("2024-06-01"), Until: day("2024-06-01")},
			"PRK supplies RUS 1/2 2024-06-01..2024-06-01; PRK allies-with RUS 1/1 2024-06-01..2024-06-01"},
		{"status", store.Filter{Statuses: []graph.Status{graph.Alleged, graph.Promised}},
			"RUS supplies UKR 1/1 2024-08-01..2024-08-01"},
		{"min articles", store.Filter{MinArticles: 2},
			"PRK supplies RUS 3/4 2024-05-20..2024-06-01; PRK allies-with RUS 2/2 2024-06-01..2024-07-15"},
		{"min articles after dates", store.Filter{MinArticles: 2, Since: day("2024-05-01")},
			"PRK supplies RUS 2/3 2024-05-20..2024-06-01; PRK allies-with RUS 2/2 2024-06-01..2024-07-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Graph(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := edgeCounts(g); got != tt.want {
				t.Errorf("Graph:\n got %s\nwant %s", got, tt.want)
			}
			// EachEdge and a View of each end agree with Graph.
			n := 0
			if err := s.EachEdge(context.Background(), tt.f, func(graph.Edge) error { n++; return nil }); err != nil || n != len(g.Edges) {
				t.Errorf("EachEdge: %d edges, %v; want %d", n, err, len(g.Edges))
			}
			for _, e := range g.Edges {
				v, err := s.View(context.Background(), e.Source, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, l := range v.Links {
					found = found || l.Via == "" && l.Edge.EdgeKey == e.EdgeKey && l.Edge.Articles == e.Articles && l.Edge.Mentions == e.Mentions
				}
				if !found {
					t.Errorf("View of %s lacks %v", e.Source, e.EdgeKey)
				}
			}
		})
	}
	for _, f := range []store.Filter{
		{Statuses: []graph.Status{"rumoured"}},
		{MinArticles: -1},
		{Since: day("2024-06-02"), Until: day("2024-06-01")},
	} {
		if _, err := s.Graph(context.Background(), f); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("Graph(%+v): %v, want ErrInvalid", f, err)
		}
	}
	if err := s.EachEdge(context.Background(), store.Filter{Rollup: true}, func(graph.Edge) error { return nil }); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("EachEdge with Rollup: %v, want ErrInvalid", err)
	}
}

func TestFilterRollup(t *testing.T) {
	s := narrowFixture(t)
	ctx := context.Background()
	g, err := s.Graph(ctx, store.Filter{Rollup: true, Relations: []graph.Relation{graph.Accuses, graph.Denies}})
	if err != nil {
		t.Fatal(err)
	}
	// The Kremlin's accusation and the minister's denial are Russia's.
	want := "RUS accuses UKR 1/1 2024-07-15..2024-07-15; RUS denies UKR 1/1 2024-05-20..2024-05-20; UKR accuses RUS 1/1 2024-07-15..2024-07-15"
	if got := edgeCounts(g); got != want {
		t.Errorf("rolled-up graph:\n got %s\nwant %s", got, want)
	}
	for _, a := range g.Actors {
		if a.Affiliation != "" {
			t.Errorf("rollup kept %s", a.ID)
		}
	}
	v, err := s.View(ctx, "person:foreign-minister", store.Filter{Rollup: true, Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if v.Actor.ID != "RUS" {
		t.Errorf("rolled-up view of the minister is %s's, want Russia's", v.Actor.ID)
	}
	for _, l := range v.Links {
		if l.Via != "" || len(l.Edge.Evidence) != l.Edge.Mentions {
			t.Errorf("link %+v: want no via and all evidence", l)
		}
	}
	n, err := s.Neighborhood(ctx, "org:kremlin", 1, store.Filter{Rollup: true, Relations: []graph.Relation{graph.Accuses}})
	if err != nil {
		t.Fatal(err)
	}
	if got := edgeCounts(n); got != "RUS accuses UKR 1/1 2024-07-15..2024-07-15; UKR accuses RUS 1/1 2024-07-15..2024-07-15" {
		t.Errorf("rolled-up neighbourhood of the Kremlin: %s", got)
	}
}

func TestPaths(t *testing.T) {
	s := narrowFixture(t)
	ctx := context.Background()
	steps := func(p *graph.Paths) string {
		var out []string
		for _, path := range p.Paths {
			var b strings.Builder
			b.WriteString(string(p.From))
			for _, st := range path {
				fmt.Fprintf(&b, " -%s-> %s", st.Edge.Relation, st.To)
				if len(st.Edge.Evidence) != 1 {
					fmt.Fprintf(&b, " (%d evidence)", len(st.Edge.Evidence))
				}
			}
			out = append(out, b.String())
		}
		return strings.Join(out, " | ")
	}
	p, err := s.Paths(ctx, "PRK", "UKR", 0, 0, store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Two relations join PRK and RUS, two join RUS and UKR (Ukraine's
	// accusation, and the alleged supply): four two-step chains, in step
	// order.
	want := "PRK -supplies-> RUS -supplies-> UKR | PRK -supplies-> RUS -accuses-> UKR | " +
		"PRK -allies-with-> RUS -supplies-> UKR | PRK -allies-with-> RUS -accuses-> UKR"
	if got := steps(p); got != want || p.More {
		t.Errorf("PRK to UKR:\n got %s\nwant %s", got, want)
	}
	p, err = s.Paths(ctx, "PRK", "UKR", 0, 3, store.Filter{Evidence: 1})
	if err != nil || len(p.Paths) != 3 || !p.More {
		t.Errorf("limit 3: %s, more %v, %v", steps(p), p.More, err)
	}
	p, err = s.Paths(ctx, "PRK", "UKR", 1, 0, store.Filter{})
	if err != nil || len(p.Paths) != 0 {
		t.Errorf("one hop: %s, %v; want none", steps(p), err)
	}
	// Without the Kremlin folded in, the minister reaches Ukraine in one
	// step; folded, Russia does.
	p, err = s.Paths(ctx, "person:foreign-minister", "UKR", 0, 0, store.Filter{Rollup: true, Relations: []graph.Relation{graph.Denies}, Evidence: 1})
	if err != nil || steps(p) != "RUS -denies-> UKR" {
		t.Errorf("rolled-up path: %s, %v", steps(p), err)
	}
	if _, err := s.Paths(ctx, "PRK", "ATL", 0, 0, store.Filter{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown end: %v, want ErrNotFound", err)
	}
}

// TestPathsOverInEdges checks the steps a search takes against an edge's
// direction, which it reads without their counts when the filter cannot
// drop an edge for them: the paths show the edge's counts all the same,
// a narrowing by articles still drops it, and a forget that removes the
// edge removes the step.
func TestPathsOverInEdges(t *testing.T) {
	s := narrowFixture(t)
	ctx := context.Background()
	steps := func(f store.Filter) string {
		t.Helper()
		p, err := s.Paths(ctx, "UKR", "RUS", 0, 0, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, path := range p.Paths {
			for _, st := range path {
				e := st.Edge
				out = append(out, fmt.Sprintf("%s %s %s %d/%d %s..%s", e.Source, e.Relation, e.Target, e.Articles, e.Mentions,
					graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen)))
			}
		}
		return strings.Join(out, "; ")
	}
	want := "RUS supplies UKR 1/1 2024-08-01..2024-08-01; UKR accuses RUS 1/1 2024-07-15..2024-07-15"
	if got := steps(store.Filter{Evidence: 1}); got != want {
		t.Errorf("UKR to RUS:\n got %s\nwant %s", got, want)
	}
	if got := steps(store.Filter{MinArticles: 1}); got != want {
		t.Errorf("UKR to RUS, min articles 1:\n got %s\nwant %s", got, want)
	}
	if got := steps(store.Filter{MinArticles: 2}); got != "" {
		t.Errorf("UKR to RUS, min articles 2: %s, want no path", got)
	}
	if got := steps(store.Filter{Statuses: []graph.Status{graph.Alleged}}); got != "RUS supplies UKR 1/1 2024-08-01..2024-08-01" {
		t.Errorf("UKR to RUS, alleged only: %s", got)
	}
	if _, err := s.Forget(ctx, "a5"); err != nil {
		t.Fatal(err)
	}
	if got := steps(store.Filter{}); got != "UKR accuses RUS 1/1 2024-07-15..2024-07-15" {
		t.Errorf("UKR to RUS after the supply's article is forgotten: %s", got)
	}
}

func TestTimelineAndStats(t *testing.T) {
	s := narrowFixture(t)
	ctx := context.Background()
	months, err := s.Timeline(ctx, "RUS", "", store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range months {
		got = append(got, fmt.Sprintf("%s s%d a%d d%d w%d t%d", m.Start.Format("2006-01"), m.Counts[graph.Supplies], m.Counts[graph.Accuses],
			m.Counts[graph.Denies], m.Counts[graph.AlliesWith], m.Total))
	}
	// May: a3 (supplies, the minister's denial); June: a1; July: a2
	// (alliance, the Kremlin's and Ukraine's accusations); August: a5.
	want := "2024-05 s1 a0 d1 w0 t1 | 2024-06 s1 a0 d0 w1 t1 | 2024-07 s0 a1 d0 w1 t1 | 2024-08 s1 a0 d0 w0 t1"
	if strings.Join(got, " | ") != want {
		t.Errorf("timeline:\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
	pair, err := s.Timeline(ctx, "RUS", "UKR", store.Filter{Relations: []graph.Relation{graph.Supplies}})
	if err != nil || len(pair) != 1 || pair[0].Counts[graph.Supplies] != 1 {
		t.Errorf("RUS–UKR supplies: %+v, %v", pair, err)
	}
	st, err := s.Stats(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 5 || graph.FormatDate(st.FirstArticle) != "2024-05-20" || graph.FormatDate(st.LastArticle) != "2024-08-01" {
		t.Errorf("articles %d %v..%v", st.Articles, st.FirstArticle, st.LastArticle)
	}
	if st.Edges[graph.Supplies] != 2 || st.Mentions[graph.Supplies] != 5 || st.Actors[graph.Country] != 3 {
		t.Errorf("stats %+v", st)
	}
	if len(st.Top) != 2 || st.Top[0].Actor.ID != "RUS" {
		t.Errorf("top %+v, want Russia first", st.Top)
	}
}

// TestViewActorsOfKeptLinks checks that a view's actors are those of the
// links it keeps: the actors of links a narrowing drops are read while
// the links are (View reads them beside the edges) but not returned.
func TestViewActorsOfKeptLinks(t *testing.T) {
	s := narrowFixture(t)
	all, err := s.View(context.Background(), "RUS", store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.View(context.Background(), "RUS", store.Filter{Evidence: 1, MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := all.Actors["UKR"]; !ok {
		t.Fatalf("the whole view lacks UKR: %v", all.Actors)
	}
	if _, ok := v.Actors["UKR"]; ok {
		t.Errorf("View(RUS, MinArticles 2).Actors holds UKR, whose only link (RUS supplies UKR, 1 article) it drops")
	}
	if _, ok := v.Actors["PRK"]; !ok {
		t.Errorf("View(RUS, MinArticles 2).Actors lacks PRK, at the far end of the links it keeps")
	}
}
