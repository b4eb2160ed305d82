package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"geokg/graph"
	"geokg/store"
)

func TestResolve(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	tests := []struct {
		name string
		want graph.ActorID
	}{
		{"PRK", "PRK"},
		{"prk", "PRK"},
		{"North Korea", "PRK"},
		{"NORTH   korea", "PRK"},
		{"the DPRK", "PRK"},
		{"Pyongyang’s", "PRK"},
		{"Pyongyang's", "PRK"},
		{"The Kremlin", "org:kremlin"},
		{"the Russian Federation", "RUS"},
		{"org:kremlin", "org:kremlin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := s.Resolve(context.Background(), tt.name)
			if err != nil || a.ID != tt.want {
				t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, a.ID, err, tt.want)
			}
		})
	}
	for _, name := range []string{"Atlantis", "", "the", "North"} {
		if a, err := s.Resolve(context.Background(), name); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Resolve(%q) = %v, %v; want ErrNotFound", name, a.ID, err)
		}
	}
}

func TestResolvePrefersName(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	// "Georgia" is a country's name and (here) another actor's alias; the
	// name wins although the other id sorts first.
	put(t, s, "g1", "", []graph.Actor{
		{ID: "GEO", Name: "Georgia", Type: graph.Country},
		{ID: "AAA:us-state", Name: "State of Georgia", Type: graph.Territory, Aliases: []string{"Georgia"}},
	})
	if a, err := s.Resolve(context.Background(), "georgia"); err != nil || a.ID != "GEO" {
		t.Errorf("Resolve(georgia) = %q, %v; want GEO", a.ID, err)
	}
}

func TestSuggest(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	tests := []struct {
		name string
		n    int
		want []string
	}{
		{"Nort Korea", 3, []string{"North Korea"}},
		{"ukrain", 5, []string{"Ukraine"}},
		{"Russ", 5, []string{"Russia", "Russian Federation"}},
		{"minister", 5, []string{"Foreign Minister Ivanova"}},
		{"Russ", 1, []string{"Russia"}},
		{"zzzzzz", 5, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Suggest(context.Background(), tt.name, tt.n)
			if err != nil || !slices.Equal(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("Suggest(%q, %d) = %q, %v; want %q", tt.name, tt.n, got, err, tt.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	ctx := context.Background()
	checks := map[string]error{}
	_, checks["Actor"] = s.Actor(ctx, "ATL")
	_, checks["Article"] = s.Article(ctx, "0000")
	_, checks["Resolve"] = s.Resolve(ctx, "Atlantis")
	_, checks["View"] = s.View(ctx, "ATL", store.Filter{})
	_, checks["Neighborhood"] = s.Neighborhood(ctx, "ATL", 1, store.Filter{})
	for name, err := range checks {
		if !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("%s of a missing thing: %v, want an error wrapping graph.ErrNotFound", name, err)
		}
	}
	if _, err := s.Actor(ctx, "a/b"); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Actor(a/b): %v, want ErrInvalid", err)
	}
}

// links renders a view's links one per line for comparison.
func links(v *graph.View) string {
	var b strings.Builder
	for _, l := range v.Links {
		fmt.Fprintf(&b, "%s %s %s via=%s n=%d ev=%d\n", l.Edge.Relation, l.Direction, l.Other, l.Via, l.Edge.Mentions, len(l.Edge.Evidence))
	}
	return b.String()
}

func TestView(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	tests := []struct {
		name string
		id   graph.ActorID
		f    store.Filter
		want string
	}{
		{"russia with members", "RUS", store.Filter{Evidence: 1}, "" +
			"accuses in UKR via= n=1 ev=1\n" +
			"accuses out UKR via=org:kremlin n=1 ev=1\n" +
			"denies out UKR via=person:foreign-minister n=1 ev=1\n" +
			"supplies in PRK via= n=3 ev=1\n" +
			"allies-with out PRK via= n=2 ev=1\n"},
		{"out only", "RUS", store.Filter{Direction: graph.Out, Evidence: -1}, "" +
			"accuses out UKR via=org:kremlin n=1 ev=1\n" +
			"denies out UKR via=person:foreign-minister n=1 ev=1\n" +
			"allies-with out PRK via= n=2 ev=2\n"},
		{"in, supplies and alliances", "RUS", store.Filter{Direction: graph.In, Relations: []graph.Relation{graph.Supplies, graph.AlliesWith}}, "" +
			"supplies in PRK via= n=3 ev=0\n" +
			"allies-with out PRK via= n=2 ev=0\n"},
		{"north korea", "PRK", store.Filter{Evidence: -1}, "" +
			"supplies out RUS via= n=3 ev=3\n" +
			"allies-with out RUS via= n=2 ev=2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := s.View(context.Background(), tt.id, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := links(v); got != tt.want {
				t.Errorf("links:\n%s\nwant:\n%s", got, tt.want)
			}
			if v.Actor.ID != tt.id {
				t.Errorf("View.Actor = %s, want %s", v.Actor.ID, tt.id)
			}
			for _, l := range v.Links {
				for _, id := range []graph.ActorID{l.Other, l.Via} {
					if _, ok := v.Actors[id]; id != "" && !ok {
						t.Errorf("View.Actors lacks %s", id)
					}
				}
			}
		})
	}
	v, err := s.View(context.Background(), "PRK", store.Filter{Evidence: 2})
	if err != nil {
		t.Fatal(err)
	}
	if ev := v.Links[0].Edge.Evidence; len(ev) != 2 || ev[0].Article != "a3" || ev[1].Article != "a1" {
		t.Errorf("evidence of PRK supplies RUS = %v, want the two earliest (a3, then a1)", ev)
	}
	if _, err := s.View(context.Background(), "RUS", store.Filter{Relations: []graph.Relation{"likes"}}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("View with a bad relation: %v, want ErrInvalid", err)
	}
}

func TestActorsDegree(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	var got []string
	err := s.Actors(context.Background(), func(a graph.Actor, degree int) error {
		got = append(got, fmt.Sprintf("%s=%d", a.ID, degree))
		return nil
	})
	want := "PRK=2 RUS=3 UKR=3 org:kremlin=1 person:foreign-minister=1"
	if err != nil || strings.Join(got, " ") != want {
		t.Errorf("Actors = %q, %v; want %q", strings.Join(got, " "), err, want)
	}
}

func TestNeighborhood(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	// A chain beyond UKR: UKR recognizes KOS, KOS accuses SRB.
	put(t, s, "n1", "2024-08-01", nil,
		mention("n1", "UKR", graph.Recognizes, "KOS", 0),
		mention("n1", "KOS", graph.Accuses, "SRB", 40),
		mention("n1", "SRB", graph.Accuses, "UKR", 80))
	render := func(g *graph.Graph) string {
		var b strings.Builder
		for _, a := range g.Actors {
			fmt.Fprintf(&b, "%s ", a.ID)
		}
		b.WriteString("|")
		for _, e := range g.Edges {
			fmt.Fprintf(&b, " %s-%s-%s", e.Source, e.Relation, e.Target)
		}
		return b.String()
	}
	tests := []struct {
		depth int
		f     store.Filter
		want  string
	}{
		{0, store.Filter{}, "UKR |"},
		{1, store.Filter{}, "KOS RUS SRB UKR org:kremlin person:foreign-minister | " +
			"KOS-accuses-SRB SRB-accuses-UKR UKR-accuses-RUS UKR-recognizes-KOS org:kremlin-accuses-UKR person:foreign-minister-denies-UKR"},
		{2, store.Filter{}, "KOS PRK RUS SRB UKR org:kremlin person:foreign-minister | " +
			"KOS-accuses-SRB PRK-supplies-RUS PRK-allies-with-RUS SRB-accuses-UKR UKR-accuses-RUS UKR-recognizes-KOS org:kremlin-accuses-UKR person:foreign-minister-denies-UKR"},
		{2, store.Filter{Relations: []graph.Relation{graph.Recognizes}}, "KOS UKR | UKR-recognizes-KOS"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.depth, tt.f.Relations), func(t *testing.T) {
			g, err := s.Neighborhood(context.Background(), "UKR", tt.depth, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(g); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if _, err := s.Neighborhood(context.Background(), "UKR", -1, store.Filter{}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("depth -1: %v, want ErrInvalid", err)
	}
}

func TestGraphFilterAndActors(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	g, err := s.Graph(context.Background(), store.Filter{Relations: []graph.Relation{graph.Accuses, graph.Denies}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range g.Actors {
		ids = append(ids, string(a.ID))
	}
	// RUS is there as an end and as the members' affiliation; PRK is not.
	if want := "RUS UKR org:kremlin person:foreign-minister"; strings.Join(ids, " ") != want {
		t.Errorf("actors = %q, want %q", strings.Join(ids, " "), want)
	}
	if len(g.Edges) != 3 {
		t.Errorf("%d edges, want 3", len(g.Edges))
	}
}

// TestCursorsClosed runs views in parallel, some failing (a cancelled
// context, an unknown actor), and checks that every read transaction's
// cursor was closed and forgotten (the rules at store.cursors).
func TestCursorsClosed(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	fixture(t, s)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			switch i % 4 {
			case 0:
				s.View(ctx, "RUS", store.Filter{Evidence: 2})
			case 1:
				s.Graph(ctx, store.Filter{Evidence: -1})
			case 2:
				s.View(cancelled, "RUS", store.Filter{})
			case 3:
				s.View(ctx, "NOBODY", store.Filter{})
			}
		})
	}
	wg.Wait()
	if n := store.OpenCursors(); n != 0 {
		t.Errorf("%d cursors left open after the views", n)
	}
}
