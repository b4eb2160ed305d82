package export_test

import (
	"bytes"
	"errors"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// streamJSON writes g (sorted, one actor per id) through a JSONStream.
func streamJSON(t *testing.T, g *graph.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	s := export.NewJSONStream(&buf)
	for _, a := range g.Actors {
		s.Node(a)
	}
	for _, e := range g.Edges {
		s.Edge(e)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// complete returns g with one actor per id (the first).
func complete(g *graph.Graph) *graph.Graph {
	out := &graph.Graph{Edges: g.Edges}
	seen := map[graph.ActorID]bool{}
	for _, a := range g.Actors {
		if !seen[a.ID] {
			seen[a.ID] = true
			out.Actors = append(out.Actors, a)
		}
	}
	return out
}

func TestJSONStreamSameAsJSON(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"empty":       {},
		"actors only": {Actors: testActors()},
		"labels":      labelGraph(),
		"big":         bigGraph(50, 300),
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := export.JSON(&want, g); err != nil {
				t.Fatal(err)
			}
			if hasStubs(g) {
				t.Fatal("the test graph names ids without actors; JSONStream's input has none")
			}
			// The sorted input, one actor per id, that a store gives.
			c := complete(shuffled(g, 3))
			c.Sort()
			if got := streamJSON(t, c); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("stream:\n%s\nJSON:\n%s", got, want.Bytes())
			}
		})
	}
}

// hasStubs reports whether g names ids it has no actor for (JSON adds
// stubs for them; JSONStream, by contract, does not).
func hasStubs(g *graph.Graph) bool {
	ids := map[graph.ActorID]bool{}
	for _, a := range g.Actors {
		ids[a.ID] = true
	}
	for _, e := range g.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			return true
		}
		for _, m := range e.Evidence {
			if m.ClaimedBy != "" && !ids[m.ClaimedBy] || m.DisputedBy != "" && !ids[m.DisputedBy] {
				return true
			}
		}
	}
	for _, a := range g.Actors {
		if a.Affiliation != "" && !ids[a.Affiliation] {
			return true
		}
	}
	return false
}

func TestJSONStreamNodeAfterEdge(t *testing.T) {
	var buf bytes.Buffer
	s := export.NewJSONStream(&buf)
	s.Edge(graph.Edge{EdgeKey: graph.NewEdgeKey("PRK", graph.Supplies, "RUS")})
	s.Node(graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country})
	if err := s.Close(); err == nil {
		t.Error("a node after an edge: Close gave no error")
	}
}

func TestJSONStreamWriteError(t *testing.T) {
	s := export.NewJSONStream(&failWriter{n: 10})
	for _, a := range testActors() {
		s.Node(a)
	}
	if err := s.Close(); !errors.Is(err, errDiskFull) {
		t.Errorf("Close = %v, want the write error", err)
	}
}
