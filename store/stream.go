package store

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// StreamGraph gives what Graph returns without holding the graph in
// memory, for exports of any size: it calls actor for each actor of the
// graph in id order, then edge for each edge in graph.CompareEdges order
// (with up to f.Evidence mentions, as Graph). It reads one snapshot of the
// store and the edges twice (once to find the actors they name), and
// holds the actors plus one actor's out-edges at a time: memory grows with
// the number of actors and the largest out-degree, not with the number of
// edges or mentions. An error from a callback stops the walk and is
// returned as is.
func (s *Store) StreamGraph(ctx context.Context, f Filter, actor func(graph.Actor) error, edge func(graph.Edge) error) error {
	if err := f.validate(); err != nil {
		return fmt.Errorf("store: stream graph: %w", err)
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		ids, err := streamedActors(ctx, txn, f)
		if err != nil {
			return err
		}
		actors, err := loadActors(txn, ids)
		if err != nil {
			return err
		}
		sorted := slices.Sorted(maps.Keys(actors))
		for _, id := range sorted {
			if err := actor(actors[id]); err != nil {
				return callback(err)
			}
		}
		for _, id := range sorted {
			if err := sortedOutEdges(ctx, txn, id, f, edge); err != nil {
				return err
			}
		}
		return nil
	})
	return unwrapCallback(err, "store: stream graph")
}

// streamedActors finds the actors StreamGraph gives: the ends of the edges
// f keeps and the claimants of their mentions that f.Evidence keeps.
// Unless f selects mentions (then refine decodes them all anyway), only
// the claimant fields of those mentions are read (mentionClaimants), on a
// cursor of their own.
func streamedActors(ctx context.Context, txn *badger.Txn, f Filter) (map[graph.ActorID]bool, error) {
	ids := map[graph.ActorID]bool{}
	if f.selectsMentions() {
		err := eachEdgeUnder(ctx, txn, []byte(edgePrefix), f, func(e graph.Edge) error {
			ids[e.Source], ids[e.Target] = true, true
			addClaimants(ids, e.Evidence)
			return nil
		})
		return ids, err
	}
	c := newCursor(txn)
	defer c.it.Close()
	ends := f
	ends.Evidence = 0
	err := eachEdgeUnder(ctx, txn, []byte(edgePrefix), ends, func(e graph.Edge) error {
		ids[e.Source], ids[e.Target] = true, true
		if f.Evidence == 0 {
			return nil
		}
		return c.each(ctx, e.EdgeKey, f.Evidence, func(v []byte) error {
			claimed, disputed, err := mentionClaimants(v)
			for _, id := range []graph.ActorID{claimed, disputed} {
				if id != "" {
					ids[id] = true
				}
			}
			return err
		})
	})
	return ids, err
}

// sortedOutEdges calls fn with id's out-edges that f keeps, sorted with
// graph.CompareEdges. (Key order is not that order: relations sort by
// name there, and "e/AB-C/" comes before "e/AB/".)
func sortedOutEdges(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	var out []graph.Edge
	err := eachEdgeUnder(ctx, txn, outPrefix(id), f, func(e graph.Edge) error {
		out = append(out, e)
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(out, graph.CompareEdges)
	for _, e := range out {
		if err := fn(e); err != nil {
			return callback(err)
		}
	}
	return nil
}
