package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"

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
		return orderedOutEdges(ctx, txn, sorted, f, edge)
	})
	return unwrapCallback(err, "store: stream graph")
}

// streamedActors finds the actors StreamGraph gives: the ends of the edges
// f keeps and the claimants of their mentions that f.Evidence keeps.
// Unless f selects mentions (then refine decodes them all anyway), only
// the claimant fields of those mentions are read (mentionClaimants), and
// only of the mentions flagged as having claimants (metaClaimant).
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
	// Reading the claimants is most of the walk: it runs on up to
	// GOMAXPROCS goroutines, each over its own range of e/ keys, split
	// at actor ids, with its own cursor.
	bounds, err := edgeRanges(ctx, txn, runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, err
	}
	found := make([]map[graph.ActorID]bool, len(bounds)-1)
	errs := make([]error, len(bounds)-1)
	var wg sync.WaitGroup
	for r := range found {
		found[r] = map[graph.ActorID]bool{}
		wg.Go(func() {
			errs[r] = claimantsIn(ctx, txn, bounds[r], bounds[r+1], f, found[r])
		})
	}
	wg.Wait()
	for _, m := range found {
		maps.Copy(ids, m)
	}
	return ids, errors.Join(errs...)
}

// edgeRanges splits the e/ keys into up to n ranges [b[i], b[i+1]) at actor
// ids (nil: no upper bound), about the same number of actors each. Out-edge
// prefixes do not always sort as their ids ("e/AB-C/" before "e/AB/"), so a
// range can come out empty and the next one overlap the one before: the
// ranges still cover every key, and a key read twice only adds the same
// ids again.
func edgeRanges(ctx context.Context, txn *badger.Txn, n int) ([][]byte, error) {
	bounds := [][]byte{[]byte(edgePrefix)}
	if n > 1 {
		var ids []graph.ActorID
		err := eachKey(ctx, txn, []byte(actorPrefix), func(k []byte) error {
			id, err := parseActorKey(k)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return nil, err
		}
		for i := 1; i < n && len(ids) >= n; i++ {
			bounds = append(bounds, outPrefix(ids[i*len(ids)/n]))
		}
	}
	return append(bounds, nil), nil
}

// claimantsIn adds to ids the ends of the edges f keeps among the e/ keys
// in [start, end) (end nil: to the last), and the claimants of their first
// f.Evidence mentions (of those flagged metaClaimant only).
// Unless f needs counts (MinArticles), an edge's walk stops after those
// mentions.
func claimantsIn(ctx context.Context, txn *badger.Txn, start, end []byte, f Filter, ids map[graph.ActorID]bool) error {
	c := newCursor(txn)
	defer c.it.Close()
	c.flaggedOnly = true
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(edgePrefix), PrefetchValues: false})
	defer it.Close()
	var found []graph.ActorID // the claimants of the edge being read
	var claimants func(key, v []byte) error
	if f.Evidence != 0 {
		claimants = func(_, v []byte) error {
			claimed, disputed, err := mentionClaimants(v)
			for _, id := range []graph.ActorID{claimed, disputed} {
				if id != "" {
					found = append(found, id)
				}
			}
			return err
		}
	}
	for it.Seek(start); it.Valid() && (end == nil || bytes.Compare(it.Item().Key(), end) < 0); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		e, err := edgeFromKey(it.Item().Key())
		if err != nil {
			return err
		}
		if !f.wants(e.Relation) {
			continue
		}
		found = found[:0]
		var counted *graph.Edge // counts only for MinArticles
		if f.MinArticles > 0 {
			counted = &e
		}
		n, err := c.walk(ctx, e.EdgeKey, f.Evidence, counted, claimants)
		if err != nil {
			return err
		}
		if n == 0 || e.Articles < f.MinArticles {
			continue
		}
		ids[e.Source], ids[e.Target] = true, true
		for _, id := range found {
			ids[id] = true
		}
	}
	return nil
}

// outEdgesOf returns id's out-edges that f keeps, read through cursor c
// and sorted with graph.CompareEdges. (Key order is not that order:
// relations sort by name there, and "e/AB-C/" comes before "e/AB/".)
func outEdgesOf(ctx context.Context, txn *badger.Txn, c *mentionCursor, id graph.ActorID, f Filter) ([]graph.Edge, error) {
	var out []graph.Edge
	err := eachEdgeWith(ctx, txn, c, outPrefix(id), f, func(e graph.Edge) error {
		out = append(out, e)
		return nil
	})
	slices.SortFunc(out, graph.CompareEdges)
	return out, err
}

// streamWindow is how many actors' out-edges orderedOutEdges reads ahead of
// the one it gives, per reading goroutine: what bounds its memory.
const streamWindow = 2

// orderedOutEdges calls fn with the out-edges of each actor of ids in
// turn, each actor's sorted (outEdgesOf). Reading them (values from the
// value log, decoding) is most of an export: GOMAXPROCS goroutines read
// the actors' edges, each with its own cursor, at most streamWindow
// actors each ahead of fn, which gets them in order on the calling
// goroutine. Nothing reads the transaction once it returns.
func orderedOutEdges(ctx context.Context, txn *badger.Txn, ids []graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	workers := min(runtime.GOMAXPROCS(0), len(ids))
	if workers <= 1 {
		c := cursorFor(txn)
		for _, id := range ids {
			out, err := outEdgesOf(ctx, txn, c, id, f)
			if err != nil {
				return err
			}
			for _, e := range out {
				if err := fn(e); err != nil {
					return callback(err)
				}
			}
		}
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	type result struct {
		edges []graph.Edge
		err   error
	}
	results := make([]chan result, len(ids))
	for i := range results {
		results[i] = make(chan result, 1) // a worker never waits to hand over
	}
	window := make(chan struct{}, workers*streamWindow)
	next := make(chan int)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	wg.Go(func() { // hands out actors, no further ahead than the window
		defer close(next)
		for i := range ids {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			c := newCursor(txn)
			defer c.it.Close()
			for i := range next {
				out, err := outEdgesOf(ctx, txn, c, ids[i], f)
				results[i] <- result{out, err}
			}
		})
	}
	for i := range ids {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if r.err != nil {
			return r.err
		}
		for _, e := range r.edges {
			if err := fn(e); err != nil {
				return callback(err)
			}
		}
	}
	return nil
}
