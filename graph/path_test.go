package graph_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"geokg/graph"
)

// counting is an in-memory graph's Neighbours that records which actors
// the search asked for.
type counting struct {
	graph.Neighbours
	asked []graph.ActorID
}

func (c *counting) Steps(id graph.ActorID) ([]graph.Step, error) {
	c.asked = append(c.asked, id)
	return c.Neighbours.Steps(id)
}

func edge(src string, rel graph.Relation, dst string) graph.Edge {
	return graph.Edge{EdgeKey: graph.NewEdgeKey(graph.ActorID(src), rel, graph.ActorID(dst))}
}

func show(paths [][]graph.Step) string {
	var out []string
	for _, p := range paths {
		var b strings.Builder
		for i, st := range p {
			if i == 0 {
				b.WriteString(string(st.From))
			}
			fmt.Fprintf(&b, " -%s-> %s", st.Edge.Relation, st.To)
		}
		out = append(out, b.String())
	}
	return strings.Join(out, " | ")
}

func TestShortestPathsOneStepReadsOneActor(t *testing.T) {
	edges := []graph.Edge{
		edge("RUS", graph.Supplies, "IRN"), edge("UKR", graph.Accuses, "IRN"),
		edge("IRN", graph.Denies, "UKR"), edge("RUS", graph.Accuses, "UKR"), edge("USA", graph.Supplies, "UKR"),
	}
	n := &counting{Neighbours: graph.Adjacency(edges)}
	paths, more, err := graph.ShortestPaths(n, "RUS", "UKR", 6, 10)
	if err != nil || more {
		t.Fatal(err, more)
	}
	if got, want := show(paths), "RUS -accuses-> UKR"; got != want {
		t.Errorf("paths %q, want %q", got, want)
	}
	if len(n.asked) != 1 {
		t.Errorf("asked for %v, want RUS alone", n.asked)
	}
	// two steps: the search meets in the middle, asking for both ends only
	n.asked = nil
	paths, _, err = graph.ShortestPaths(n, "USA", "IRN", 6, 10)
	if want := "USA -supplies-> UKR -denies-> IRN | USA -supplies-> UKR -accuses-> IRN"; err != nil || show(paths) != want {
		t.Errorf("USA to IRN: %q %v, want %q", show(paths), err, want)
	}
	if len(n.asked) != 2 {
		t.Errorf("asked for %v, want USA and IRN", n.asked)
	}
	if paths, _, _ := graph.ShortestPaths(n, "USA", "IRN", 1, 10); len(paths) != 0 {
		t.Errorf("one hop allowed: %q", show(paths))
	}
}

// TestShortestPathsMatchesBreadthFirst compares the bidirectional search
// with a plain one (every shortest path from one end, sorted) on random
// graphs with parallel edges, for every pair of actors and several hop
// limits and path limits.
func TestShortestPathsMatchesBreadthFirst(t *testing.T) {
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 3))
		actors := 3 + r.IntN(8)
		var edges []graph.Edge
		seen := map[graph.EdgeKey]bool{}
		for range r.IntN(actors * 3) {
			e := edge(fmt.Sprintf("A%d", r.IntN(actors)), graph.Relations[r.IntN(len(graph.Relations))], fmt.Sprintf("A%d", r.IntN(actors)))
			if e.Source != e.Target && !seen[e.EdgeKey] {
				seen[e.EdgeKey] = true
				edges = append(edges, e)
			}
		}
		linker := graph.Adjacency(edges)
		if _, ok := linker.(graph.Linker); !ok {
			t.Fatal("an adjacency is not a Linker")
		}
		plain := struct{ graph.Neighbours }{linker} // Steps alone
		for i := range actors {
			for j := range actors {
				from, to := graph.ActorID(fmt.Sprintf("A%d", i)), graph.ActorID(fmt.Sprintf("A%d", j))
				for _, hops := range []int{1, 2, 6} {
					for _, limit := range []int{1, 3, 100} {
						all := plainPaths(edges, from, to, hops)
						want := all[:min(limit, len(all))]
						for _, n := range []graph.Neighbours{linker, plain} {
							got, more, err := graph.ShortestPaths(n, from, to, hops, limit)
							if err != nil {
								t.Fatal(err)
							}
							if show(got) != show(want) || more != (len(all) > limit) {
								_, linked := n.(graph.Linker)
								t.Fatalf("seed %d, %s to %s, %d hops, limit %d, Linker %v:\n got %s (more %v)\nwant %s (of %d)", seed, from, to, hops, limit, linked, show(got), more, show(want), len(all))
							}
						}
					}
				}
			}
		}
	}
}

// plainPaths lists every shortest path of at most maxHops steps, by
// extending every path one step at a time until one reaches to.
func plainPaths(edges []graph.Edge, from, to graph.ActorID, maxHops int) [][]graph.Step {
	if from == to {
		return nil
	}
	paths := [][]graph.Step{nil}
	for range maxHops {
		var next, done [][]graph.Step
		for _, p := range paths {
			at := from
			if len(p) > 0 {
				at = p[len(p)-1].To
			}
			for _, e := range edges {
				for _, st := range []graph.Step{{From: e.Source, To: e.Target, Edge: e}, {From: e.Target, To: e.Source, Edge: e}} {
					if st.From != at || visits(p, from, st.To) {
						continue
					}
					q := append(slices.Clone(p), st)
					next = append(next, q)
					if st.To == to {
						done = append(done, q)
					}
				}
			}
		}
		if len(done) > 0 {
			slices.SortFunc(done, graph.ComparePaths)
			return done
		}
		paths = next
	}
	return nil
}

func visits(p []graph.Step, from, id graph.ActorID) bool {
	if id == from {
		return true
	}
	return slices.ContainsFunc(p, func(st graph.Step) bool { return st.To == id })
}

// linking is counting for a Linker: it records the actors whose steps the
// search asked for, and the pairs it asked to link.
type linking struct {
	counting
	linked [][2]graph.ActorID
}

func (l *linking) Links(from, to graph.ActorID) ([]graph.Step, error) {
	l.linked = append(l.linked, [2]graph.ActorID{from, to})
	return l.Neighbours.(graph.Linker).Links(from, to)
}

// TestShortestPathsLinkedReadsNoActor: a search over a Linker answers two
// linked actors from their links alone (every edge between them, walked
// either way, in order), and searches as before when they are not linked.
func TestShortestPathsLinkedReadsNoActor(t *testing.T) {
	edges := []graph.Edge{
		edge("RUS", graph.Supplies, "IRN"), edge("UKR", graph.Accuses, "RUS"),
		edge("RUS", graph.Denies, "UKR"), edge("RUS", graph.Accuses, "UKR"), edge("USA", graph.Supplies, "UKR"),
	}
	n := &linking{counting: counting{Neighbours: graph.Adjacency(edges)}}
	paths, more, err := graph.ShortestPaths(n, "RUS", "UKR", 6, 2)
	if err != nil || !more {
		t.Fatal(err, more)
	}
	if got, want := show(paths), "RUS -accuses-> UKR | RUS -denies-> UKR"; got != want {
		t.Errorf("paths %q, want %q", got, want)
	}
	if len(n.asked) != 0 || len(n.linked) != 1 {
		t.Errorf("asked for the steps of %v and the links of %v, want the links of RUS and UKR alone", n.asked, n.linked)
	}
	n.asked, n.linked = nil, nil
	if paths, _, err := graph.ShortestPaths(n, "USA", "IRN", 6, 10); err != nil || len(paths) != 3 || len(paths[0]) != 3 {
		t.Errorf("USA to IRN: %q %v, want three paths of three steps", show(paths), err)
	}
	if len(n.asked) == 0 {
		t.Error("no steps asked for actors that are not linked")
	}
}
