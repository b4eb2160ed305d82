package store

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Paths finds the shortest chains of relations linking from and to, with
// edges followed in either direction, among the edges f keeps (all of its
// narrowing applies, Rollup included; f.Direction does not). It returns at
// most limit chains (0 = 10) of at most maxHops steps (0 = 6), each step
// with up to f.Evidence mentions. The error wraps graph.ErrNotFound when
// either actor is unknown.
func (s *Store) Paths(ctx context.Context, from, to graph.ActorID, maxHops, limit int, f Filter) (*graph.Paths, error) {
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
	p := &graph.Paths{From: ends[0], To: ends[1]}
	var err error
	if f.Rollup {
		// folding needs the whole graph; its edges carry their evidence
		g, gerr := s.Graph(ctx, f)
		if gerr != nil {
			return nil, fmt.Errorf("store: paths: %w", gerr)
		}
		p.Paths, p.More, err = graph.ShortestPaths(graph.Adjacency(g.Edges), p.From, p.To, maxHops, limit)
	} else {
		err = s.view(ctx, func(txn *badger.Txn) error {
			n := &stepReader{ctx: ctx, txn: txn, f: f}
			// the steps' counts looked up by seeks, as a view's (refineLinks)
			cursorFor(txn).seeks = !manyLevels(s.db)
			n.f.Evidence = 0 // evidence is read for the edges of the paths only
			var err error
			p.Paths, p.More, err = graph.ShortestPaths(n, p.From, p.To, maxHops, limit)
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("store: paths: %w", err)
	}
	if err := s.fillPaths(ctx, p, f); err != nil {
		return nil, fmt.Errorf("store: paths: %w", err)
	}
	return p, nil
}

// stepReader gives a path search the steps out of an actor: its out- and
// in-edges that f keeps, with their counts, read when the search asks
// (graph.Neighbours).
type stepReader struct {
	ctx context.Context
	txn *badger.Txn
	f   Filter
}

func (r *stepReader) Steps(id graph.ActorID) ([]graph.Step, error) {
	var steps []graph.Step
	err := outEdges(r.ctx, r.txn, id, r.f, func(e graph.Edge) error {
		steps = append(steps, graph.Step{From: id, To: e.Target, Edge: e})
		return nil
	})
	if err != nil {
		return nil, err
	}
	in := func(e graph.Edge) error {
		steps = append(steps, graph.Step{From: id, To: e.Source, Edge: e})
		return nil
	}
	if r.f.countsDecide() {
		return steps, inEdges(r.ctx, r.txn, id, r.f, in)
	}
	// An in-edge's counts sit under its source's key, a seek each (940
	// for Russia on the 100 MB store); a search needs them only to drop
	// edges, and fillPaths reads the counts of the edges it shows.
	err = inEdgeKeys(r.ctx, r.txn, id, r.f, func(k graph.EdgeKey) error { return in(graph.Edge{EdgeKey: k}) })
	return steps, err
}

// Links gives a path search the steps from one actor to another (a
// graph.Linker): the out-edges of from to to that f keeps, with their
// counts, and its in-edges from to, as Steps gives them, by a lookup of
// each relation's e/ key and r/ key, instead of a scan of all of from's
// (about 2,400 edges for Russia on the 100 MB store).
func (r *stepReader) Links(from, to graph.ActorID) ([]graph.Step, error) {
	relations := r.f.Relations
	if len(relations) == 0 {
		relations = graph.Relations
	}
	c := cursorFor(r.txn)
	var steps []graph.Step
	for _, out := range []bool{true, false} {
		for _, rel := range relations {
			k := graph.EdgeKey{Source: from, Relation: rel, Target: to}
			key := edgeKey(k) // as outEdgeKeys finds it
			if !out {
				k.Source, k.Target = to, from
				key = revKey(k) // as inEdgeKeys does
			}
			if !has(r.txn, key) {
				continue
			}
			e := graph.Edge{EdgeKey: k}
			if out || r.f.countsDecide() {
				keep, err := refine(r.ctx, c, &e, r.f)
				if err != nil {
					return nil, err
				}
				if !keep {
					continue
				}
			}
			steps = append(steps, graph.Step{From: from, To: to, Edge: e})
		}
	}
	return steps, nil
}

// has reports whether txn holds key.
func has(txn *badger.Txn, key []byte) bool {
	_, err := txn.Get(key)
	return err == nil
}

// fillPaths reads the evidence of the paths' edges (unless a rollup has
// already attached it) and the actors they name.
func (s *Store) fillPaths(ctx context.Context, p *graph.Paths, f Filter) error {
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
