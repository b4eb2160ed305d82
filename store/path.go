package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Step is one relation on a path, walked from From to To. The walk may go
// against the edge's direction: "UKR accuses IRN" links IRN to UKR as well.
type Step struct {
	From graph.ActorID `json:"from"`
	To   graph.ActorID `json:"to"`
	Edge graph.Edge    `json:"edge"`
}

// Paths is the answer of Store.Paths.
type Paths struct {
	From, To graph.ActorID
	// Paths are the shortest chains of relations from From to To, each a
	// list of steps, in a fixed order (by the ids along the way, then the
	// relations). Empty when no chain of at most the hop limit exists.
	Paths [][]Step
	// More reports that there were more shortest chains than were asked for.
	More bool
	// Actors holds every actor the paths and their evidence name.
	Actors map[graph.ActorID]graph.Actor
}

// Paths finds the shortest chains of relations linking from and to, with
// edges followed in either direction, among the edges f keeps (all of its
// narrowing applies, Rollup included; f.Direction does not). It returns at
// most limit chains (0 = 10) of at most maxHops steps (0 = 6), each step
// with up to f.Evidence mentions. The error wraps graph.ErrNotFound when
// either actor is unknown.
func (s *Store) Paths(ctx context.Context, from, to graph.ActorID, maxHops, limit int, f Filter) (*Paths, error) {
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("store: paths: %w", err)
	}
	if maxHops <= 0 {
		maxHops = 6
	}
	if limit <= 0 {
		limit = 10
	}
	ends := [2]graph.ActorID{from, to}
	for i, id := range ends {
		if _, err := s.Actor(ctx, id); err != nil {
			return nil, fmt.Errorf("store: paths: %w", err)
		}
		if f.Rollup {
			r, err := s.root(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("store: paths: %w", err)
			}
			ends[i] = r
		}
	}
	scan := f
	if !f.Rollup {
		scan.Evidence = 0 // evidence is read for the edges of the paths only
	}
	g, err := s.Graph(ctx, scan)
	if err != nil {
		return nil, fmt.Errorf("store: paths: %w", err)
	}
	p := &Paths{From: ends[0], To: ends[1]}
	p.Paths, p.More = shortestPaths(g.Edges, ends[0], ends[1], maxHops, limit)
	if err := s.fillPaths(ctx, p, f); err != nil {
		return nil, fmt.Errorf("store: paths: %w", err)
	}
	return p, nil
}

// fillPaths reads the evidence of the paths' edges (unless a rollup has
// already attached it) and the actors they name.
func (s *Store) fillPaths(ctx context.Context, p *Paths, f Filter) error {
	ids := map[graph.ActorID]bool{p.From: true, p.To: true}
	return s.view(ctx, func(txn *badger.Txn) error {
		for _, path := range p.Paths {
			for i := range path {
				e := &path[i].Edge
				if !f.Rollup {
					e.Evidence = nil
					if _, err := refine(ctx, cursorFor(txn), e, f); err != nil {
						return err
					}
					if err := evidence(ctx, txn, e, f.Evidence); err != nil {
						return err
					}
				}
				ids[e.Source], ids[e.Target] = true, true
				addClaimants(ids, e.Evidence)
			}
		}
		var err error
		p.Actors, err = loadActors(txn, ids)
		return err
	})
}

// shortestPaths returns up to limit shortest paths of at most maxHops
// steps between from and to over edges taken in either direction, and
// whether there were more. Paths are ordered by the ids along them, then
// by the relations of their steps.
func shortestPaths(edges []graph.Edge, from, to graph.ActorID, maxHops, limit int) ([][]Step, bool) {
	if from == to {
		return nil, false
	}
	adj := map[graph.ActorID][]Step{}
	for _, e := range edges {
		adj[e.Source] = append(adj[e.Source], Step{From: e.Source, To: e.Target, Edge: e})
		adj[e.Target] = append(adj[e.Target], Step{From: e.Target, To: e.Source, Edge: e})
	}
	for _, steps := range adj {
		slices.SortFunc(steps, compareSteps)
	}
	// Breadth first from "from"; into[x] are the steps that reach x on a
	// shortest path.
	dist := map[graph.ActorID]int{from: 0}
	into := map[graph.ActorID][]Step{}
	frontier := []graph.ActorID{from}
	for hop := 1; hop <= maxHops && len(frontier) > 0 && dist[to] == 0; hop++ {
		var next []graph.ActorID
		for _, a := range frontier {
			for _, st := range adj[a] {
				d, seen := dist[st.To]
				if !seen {
					dist[st.To] = hop
					next = append(next, st.To)
				}
				if !seen || d == hop {
					into[st.To] = append(into[st.To], st)
				}
			}
		}
		slices.Sort(next)
		frontier = next
	}
	if _, ok := dist[to]; !ok {
		return nil, false
	}
	for _, steps := range into {
		slices.SortFunc(steps, compareSteps)
	}
	var paths [][]Step
	more := false
	var back func(at graph.ActorID, tail []Step)
	back = func(at graph.ActorID, tail []Step) {
		if at == from {
			if len(paths) == limit {
				more = true
				return
			}
			paths = append(paths, slices.Clone(tail))
			return
		}
		for _, st := range into[at] {
			if more {
				return
			}
			back(st.From, append([]Step{st}, tail...))
		}
	}
	back(to, nil)
	slices.SortFunc(paths, comparePaths)
	return paths, more
}

// compareSteps orders steps by the actor reached, then the actor left, then
// the edge.
func compareSteps(a, b Step) int {
	return cmp.Or(cmp.Compare(a.To, b.To), cmp.Compare(a.From, b.From), graph.CompareEdges(a.Edge, b.Edge))
}

// comparePaths orders paths of equal length step by step.
func comparePaths(a, b []Step) int {
	for i := range min(len(a), len(b)) {
		if c := compareSteps(a[i], b[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}
