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
// holds the actors, one actor's out-edge keys and a window of edges read
// ahead (orderedOutEdges): memory grows with the number of actors, the
// largest out-degree and the evidence of the largest edges, not with the
// number of edges or mentions. An error from a callback stops the walk and is
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
			errs[r] = catch(func() error { return claimantsIn(ctx, txn, bounds[r], bounds[r+1], f, found[r]) })
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
		if f.MinArticles > 0 {
			a, err := itemAggregate(it.Item())
			if err != nil {
				return err
			}
			if a.Articles < f.MinArticles {
				continue
			}
		}
		n, err := c.walk(ctx, e.EdgeKey, f.Evidence, 0, claimants)
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		ids[e.Source], ids[e.Target] = true, true
		for _, id := range found {
			ids[id] = true
		}
	}
	return nil
}

// sortedOutEdges returns id's out-edges that f keeps, with their stored
// counts (outEdgeCounts), sorted with graph.CompareEdgeKeys. (Key order is
// not that order: relations sort by name there, and "e/AB-C/" comes before
// "e/AB/".)
func sortedOutEdges(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter) ([]countedKey, error) {
	var keys []countedKey
	err := outEdgeCounts(ctx, txn, id, f, func(k countedKey) error {
		keys = append(keys, k)
		return nil
	})
	slices.SortFunc(keys, func(a, b countedKey) int { return graph.CompareEdgeKeys(a.key, b.key) })
	return keys, err
}

// readEdges reads the edges named by keys as f wants them through cursor
// c: their counts (refineCounted, from keys when they hold them) and first
// f.Evidence mentions (evidenceWith), leaving out those f drops.
func readEdges(ctx context.Context, c *mentionCursor, keys []countedKey, f Filter) ([]graph.Edge, error) {
	edges := make([]graph.Edge, 0, len(keys))
	for _, k := range keys {
		e := graph.Edge{EdgeKey: k.key}
		var counts *aggregate
		if k.counted {
			counts = &k.counts
		}
		keep, err := refineCounted(ctx, c, &e, f, counts)
		if err != nil {
			return nil, err
		}
		if !keep {
			continue
		}
		if err := evidenceWith(ctx, c, &e, f.Evidence); err != nil {
			return nil, err
		}
		edges = append(edges, e)
	}
	return edges, nil
}

// streamChunk is how many of an actor's edges a reading goroutine takes
// at a time, and streamWindow how many such chunks orderedOutEdges reads
// ahead of the one it gives, per reading goroutine: together what bounds
// its memory, to that many edges' evidence whatever the size of the graph
// or the out-degree of an actor. (One edge at a time cost 3 µs an edge in
// hand-overs and seeks: a third more for an export with one sentence per
// edge.)
const (
	streamChunk  = 32
	streamWindow = 2
)

// orderedOutEdges calls fn with the out-edges of each actor of ids in
// turn, each actor's in graph.CompareEdges order. Reading the edges
// (values from the value log, decoding) is most of an export: GOMAXPROCS
// goroutines read them in chunks of consecutive edges, each with its own
// cursor, at most streamWindow chunks each ahead of fn, which gets them in
// order on the calling goroutine; another goroutine lists each actor's
// edge keys and hands out the chunks. Nothing reads the transaction once
// it returns.
func orderedOutEdges(ctx context.Context, txn *badger.Txn, ids []graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 {
		return serialOutEdges(ctx, txn, ids, f, fn)
	}
	ctx, cancel := context.WithCancel(ctx)
	jobs := make(chan chunkJob)
	// order holds each chunk's slot in the order fn gets them; its
	// capacity is the window
	order := make(chan chan chunkResult, workers*streamWindow)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	wg.Go(func() { listEdgeChunks(ctx, txn, ids, f, order, jobs) })
	for range workers {
		wg.Go(func() { readEdgeChunks(ctx, txn, f, jobs) })
	}
	for slot := range order {
		var r chunkResult
		select {
		case r = <-slot:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.err != nil {
			return r.err
		}
		for _, e := range r.edges {
			if err := fn(e); err != nil {
				return callback(err)
			}
		}
	}
	return ctx.Err()
}

// serialOutEdges is orderedOutEdges on one processor: each actor's edges
// read in turn by one cursor.
func serialOutEdges(ctx context.Context, txn *badger.Txn, ids []graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	c := cursorFor(txn)
	for _, id := range ids {
		var keys []countedKey
		err := catch(func() (err error) {
			keys, err = sortedOutEdges(ctx, txn, id, f)
			return err
		})
		if err != nil {
			return err
		}
		edges, err := readEdges(ctx, c, keys, f)
		if err != nil {
			return err
		}
		for _, e := range edges {
			if err := fn(e); err != nil {
				return callback(err)
			}
		}
	}
	return nil
}

// chunkResult is what a reader made of one chunk of edge keys.
type chunkResult struct {
	edges []graph.Edge
	err   error
}

// chunkJob is one chunk of edge keys to read, and the slot its result
// goes to.
type chunkJob struct {
	keys []countedKey
	slot chan chunkResult
}

// listEdgeChunks lists the actors' edges in order, in chunks: each
// chunk's slot goes to order (the order fn sees them) before the chunk
// goes to a reader. A listing error goes to order as a last slot. It
// closes both channels.
func listEdgeChunks(ctx context.Context, txn *badger.Txn, ids []graph.ActorID, f Filter, order chan<- chan chunkResult, jobs chan<- chunkJob) {
	defer close(order)
	defer close(jobs)
	for _, id := range ids {
		keys, err := sortedOutEdges(ctx, txn, id, f)
		if err != nil {
			slot := make(chan chunkResult, 1)
			slot <- chunkResult{err: err}
			select {
			case order <- slot:
			case <-ctx.Done():
			}
			return
		}
		for chunk := range slices.Chunk(keys, streamChunk) {
			slot := make(chan chunkResult, 1) // a reader never waits to hand over
			select {
			case order <- slot:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- chunkJob{chunk, slot}:
			case <-ctx.Done():
				return
			}
		}
	}
}

// readEdgeChunks reads the edges of each chunk it is given, with a cursor
// of its own, into the chunk's slot.
func readEdgeChunks(ctx context.Context, txn *badger.Txn, f Filter, jobs <-chan chunkJob) {
	var c *mentionCursor
	for j := range jobs {
		var edges []graph.Edge
		err := catch(func() (err error) {
			if c == nil {
				c = newCursor(txn)
			}
			edges, err = readEdges(ctx, c, j.keys, f)
			return err
		})
		j.slot <- chunkResult{edges, err}
	}
	if c != nil {
		catch(func() error { c.it.Close(); return nil })
	}
}
