package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Deferred counts. A bulk ingest into a new store rewrote each edge's
// counts (e/), each actor's (c/), months (v/) and the totals in every
// transaction that named them: on the 100 MB corpus 637,000 e/ entries
// for 162,000 edges, 222,000 v/ and 59,000 c/, against 772,000 mentions,
// all through Badger's single write goroutine, the ingest's bottleneck
// (docs/benchmarks.md). A batch told to (DeferCounts) instead keeps what
// its committed transactions add to them in memory and writes them once,
// when it is flushed or cancelled, with the e/ and r/ keys of the edges
// it made: each transaction then holds only its articles' own keys.
//
// A kill must still leave whole articles and true counts. So every
// transaction that defers its counts also writes recountKey, and the
// batch deletes it with the last of the deferred counts. A store that
// holds it was stopped with counts unwritten: a writable open recounts
// every edge's counts (making the e/ and r/ keys of those that have
// mentions and none), the actors' counts, the totals and the months from
// the mentions, then deletes it (recountDeferred); a read-only open does
// that in the recovered copy it then reads (hideDeferred), as it rolls
// back a half-written article (parts.go). A recount walks every mention,
// so a batch defers only while its caches answer everything (a store
// that had nothing when the batch began: what the recount walks is what
// the killed ingest wrote), and stops deferring, after writing what it
// deferred, as soon as they no longer do (a cache full, an article stored
// already, one too large for a transaction).

// recountKey marks a store whose counts a batch deferred and has not
// written yet (see above).
const recountKey = "s/recount"

// DeferCounts makes the batch write the counts of the edges, actors,
// months and totals its transactions touch once, when it is flushed or
// cancelled, instead of with each transaction, while the store held
// nothing else when the batch began. Until then those counts are not in
// the store, so the batch must be the store's only writer and no query
// may read the store through it: for a command that ingests and exits.
func (b *Batch) DeferCounts() { b.deferCounts = true }

// defers reports whether a transaction begun now defers its counts.
func (b *Batch) defers() bool {
	c := b.cache
	return b.deferCounts && !b.deferLost && c != nil && c.allArticles && c.allEdges && c.counts.all &&
		c.allCounted && c.allActors && c.allMonths && !c.forgotten
}

// startCounts readies the pending counts of a transaction just begun.
func (b *Batch) startCounts() {
	b.pending.deferred = b.defers()
	b.pending.prior = &b.deferred.pendingCounts
}

// deferredCounts is what a batch's committed transactions deferred: the
// edges' counts in chunks of edgeChunk (a slice of them all, copied
// each time it grew, took a tenth of the writer's time), the rest as
// pending counts.
type deferredCounts struct {
	at     map[edgeID]int32 // where an edge is: chunk i>>edgeChunkBits, i&(edgeChunk-1) in it
	chunks [][]pendingEdge
	n      int
	// leads holds the values of the mentions at the edges' leads, for
	// the copies the close writes (keptcopy.go)
	leads leadArena
	pendingCounts
}

const (
	edgeChunkBits = 12
	edgeChunk     = 1 << edgeChunkBits
)

// any reports whether d holds anything to write.
func (d *deferredCounts) any() bool { return d.n > 0 || d.pendingCounts.any() }

func (d *deferredCounts) reset() {
	clear(d.at)
	d.chunks, d.n = nil, 0
	d.leads.free()
	d.leads = leadArena{}
	d.pendingCounts.reset()
}

// merge adds what the pending counts q hold to d.
func (d *deferredCounts) merge(q *pendingCounts) {
	if d.at == nil {
		d.at = map[edgeID]int32{}
	}
	for j := range q.edges {
		pe := &q.edges[j]
		i, ok := d.at[pe.id]
		if !ok {
			i = int32(d.n)
			d.at[pe.id] = i
			if d.n%edgeChunk == 0 {
				d.chunks = append(d.chunks, make([]pendingEdge, 0, edgeChunk))
			}
			last := &d.chunks[len(d.chunks)-1]
			*last = append(*last, pendingEdge{key: pe.key, id: pe.id})
			d.n++
		}
		e := &d.chunks[i>>edgeChunkBits][i&(edgeChunk-1)]
		e.delta.add(pe.delta)
		e.fresh = e.fresh || pe.fresh
		d.keepLead(e, pe)
	}
	edges := q.edges
	q.edges = nil
	d.pendingCounts.merge(q)
	q.edges = edges
}

// deferCommit is writeCounts for a transaction that defers its counts:
// it marks the store (recountKey) and moves what the transaction adds to
// the counts to those deferred.
func (b *Batch) deferCommit() error {
	if !b.pending.any() {
		return nil
	}
	if err := b.w().Set([]byte(recountKey), nil); err != nil {
		return err
	}
	b.deferred.merge(&b.pending)
	b.pending.reset()
	return nil
}

// any reports whether p holds anything to write.
func (p *pendingCounts) any() bool {
	return len(p.edges) > 0 || len(p.actors) > 0 || len(p.months) > 0 || len(p.rejoined) > 0 || p.totals != (totals{})
}

// merge adds what q holds to p.
func (p *pendingCounts) merge(q *pendingCounts) {
	for _, pe := range q.edges {
		p.addEdge(pe)
	}
	for id, c := range q.actors {
		p.addActor(id, c.Edges, c.Articles)
	}
	p.totals.add(q.totals)
	if p.months == nil {
		p.months = map[graph.ActorID]*pendingMonths{}
	}
	for id, qm := range q.months {
		pm := p.months[id]
		if pm == nil || qm.recounted {
			pm = &pendingMonths{counts: tallies{}, recounted: qm.recounted}
			p.months[id] = pm
			if qm.recounted {
				pm.counts = qm.counts
				continue
			}
		}
		for i, t := range qm.counts {
			pm.counts.tally(i).add(t)
		}
	}
	for id := range q.rejoined {
		p.rejoin(id)
	}
}

// rejoin marks actor id's months to be recounted once the deferred
// counts are written: an actor with edges joined it.
func (p *pendingCounts) rejoin(id graph.ActorID) {
	if p.rejoined == nil {
		p.rejoined = map[graph.ActorID]bool{}
	}
	p.rejoined[id] = true
}

// endDeferral commits the open transaction and writes what the batch
// deferred, before a read that the caches do not answer or a change of
// the caches; the batch then has an open transaction again.
func (b *Batch) endDeferral() error {
	if !b.pending.deferred && !b.deferred.any() {
		return nil
	}
	if err := b.flush(); err != nil {
		return err
	}
	if err := b.writeDeferred(); err != nil {
		return err
	}
	b.begin()
	return nil
}

// loseDeferred gives up the deferred counts when the caches they rest on
// are dropped unwritten: the store keeps recountKey, and its next open
// recounts. The batch defers nothing more.
func (b *Batch) loseDeferred() {
	if b.deferred.any() {
		b.deferLost = true
		b.deferred.reset()
	}
}

// writeDeferred writes the counts the batch's committed transactions
// deferred, in transactions of their own of at most the batch's size:
// the edges' counts with the r/ keys of the edges it made, the months
// (recounting those of the actors that others joined, from the keys
// written before), and last the actors' counts and the totals with the
// removal of recountKey. It leaves the batch deferring nothing; the open
// transaction, if any, is left as it is.
func (b *Batch) writeDeferred() error {
	d := &b.deferred
	if b.deferLost || !d.any() {
		return nil
	}
	if b.cache == nil || b.writes != b.s.writes {
		// another writer came in: what the caches say is not what is
		// stored, and the next open recounts
		b.loseDeferred()
		return nil
	}
	var kept *keptCopies
	if !d.leads.lost {
		kept = &keptCopies{}
	}
	b.s.kept.release()
	b.s.kept = nil
	err := b.writeDeferredEdges(kept)
	if err == nil {
		err = b.writeDeferredMonths()
	}
	if err == nil {
		err = b.s.db.Update(func(txn *badger.Txn) error {
			if err := b.cache.addActorCounts(txn, d.actors); err != nil {
				return err
			}
			if err := b.cache.addTotals(txn, d.totals); err != nil {
				return err
			}
			return txn.Delete([]byte(recountKey))
		})
	}
	if err == nil && kept != nil && !kept.lost {
		kept.version = b.s.db.MaxVersion()
		kept.blocks = d.leads.take()
		b.s.kept = kept
	}
	if err != nil {
		b.cache = nil
		b.loseDeferred()
		return fmt.Errorf("store: write deferred counts: %w", err)
	}
	b.s.writes++
	b.writes = b.s.writes
	d.reset()
	return nil
}

// writeDeferredEdges writes the deferred edges' counts, and the r/ keys
// of those the batch made, keeping their copies in kept if not nil
// (keptcopy.go).
func (b *Batch) writeDeferredEdges(kept *keptCopies) error {
	var chunks []pendingCounts
	for _, c := range b.deferred.chunks {
		for edges := c; len(edges) > 0; {
			n := b.fitting(len(edges), func(i int) (int64, int64) {
				k := len(edgeKey(edges[i].key))
				if edges[i].fresh {
					return b.meter.maxEntrySize(k, maxAggregateLen) + b.meter.maxEntrySize(k, 0), 2
				}
				return b.meter.maxEntrySize(k, maxAggregateLen), 1
			})
			chunks = append(chunks, pendingCounts{edges: edges[:n], kept: kept})
			edges = edges[n:]
		}
	}
	return b.writeChunks(chunks, (*pendingCounts).flushEdges)
}

// writeChunks writes each chunk with write in a transaction of its own,
// filling the next while Badger writes the last (as commitAsync does:
// none of them reads what another writes).
func (b *Batch) writeChunks(chunks []pendingCounts, write func(*pendingCounts, writer, *writeCache) error) error {
	var inflight chan error
	wait := func() error {
		if inflight == nil {
			return nil
		}
		err := <-inflight
		inflight = nil
		b.s.writes++
		return err
	}
	txn := b.s.db.NewTransaction(true)
	for i := range chunks {
		if err := write(&chunks[i], txn, b.cache); err != nil {
			txn.Discard()
			return errors.Join(err, wait())
		}
		if err := wait(); err != nil {
			txn.Discard()
			return err
		}
		var next *badger.Txn
		if i+1 < len(chunks) {
			next = b.s.db.NewTransaction(true) // before the commit, which it would wait for
		}
		inflight = make(chan error, 1)
		done := inflight
		txn.CommitWith(func(err error) { done <- err })
		txn = next
	}
	if txn != nil {
		txn.Discard()
	}
	return wait()
}

// writeDeferredMonths writes the deferred months, an actor's all in one
// transaction; those of the actors others joined are recounted.
func (b *Batch) writeDeferredMonths() error {
	d := &b.deferred
	for id := range d.rejoined {
		err := b.s.db.View(func(txn *badger.Txn) error {
			counts, err := recountMonths(context.Background(), txn, id)
			if d.months == nil {
				d.months = map[graph.ActorID]*pendingMonths{}
			}
			d.months[id] = &pendingMonths{counts: counts, recounted: true}
			return err
		})
		if err != nil {
			return err
		}
	}
	ids := slices.Sorted(maps.Keys(d.months))
	var chunks []pendingCounts
	for len(ids) > 0 {
		n := b.fitting(len(ids), func(i int) (int64, int64) {
			months := int64(len(d.months[ids[i]].counts))
			return months * b.meter.maxEntrySize(len(monthsPrefix)+len(ids[i])+1+4, maxMonthLen), months
		})
		chunk := pendingCounts{months: map[graph.ActorID]*pendingMonths{}}
		for _, id := range ids[:n] {
			chunk.months[id] = d.months[id]
		}
		chunks = append(chunks, chunk)
		ids = ids[n:]
	}
	return b.writeChunks(chunks, (*pendingCounts).flushMonths)
}

// fitting is how many of the next n items (at least one) fit in a
// transaction of the batch's size, size giving each one's size and
// count.
func (b *Batch) fitting(n int, size func(int) (int64, int64)) int {
	total, count := int64(0), int64(1)
	for i := range n {
		s, c := size(i)
		if i > 0 && (total+s > b.maxSize || count+c > b.maxCount) {
			return i
		}
		total, count = total+s, count+c
	}
	return n
}

// recountDeferred recounts what a batch deferred and did not write (the
// store holds recountKey: see above), in s opened for writing (or in the
// recovered copy a read-only open reads).
func (s *Store) recountDeferred(ctx context.Context) error {
	if !s.hasRecount() {
		return nil
	}
	err := s.rebuildEdges(ctx)
	if err == nil {
		err = s.rebuildActorCounts(ctx)
	}
	if err == nil {
		err = s.rebuildTotals(ctx)
	}
	if err == nil {
		err = s.rebuildMonths(ctx)
	}
	if err == nil {
		err = s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(recountKey)) })
	}
	if err != nil {
		return fmt.Errorf("store: open %s: recount the counts an ingest left unwritten: %w", s.dir, err)
	}
	return nil
}

// rebuildEdges writes the counts of every edge with mentions whose e/
// value differs from them, with the e/ and r/ keys of one that has none.
func (s *Store) rebuildEdges(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return recountAll(ctx, txn, func(k graph.EdgeKey, a aggregate) error {
			want := appendAggregate(nil, a)
			item, err := txn.Get(edgeKey(k))
			switch {
			case errors.Is(err, badger.ErrKeyNotFound):
				if err := wb.Set(revKey(k), nil); err != nil {
					return err
				}
				return wb.Set(edgeKey(k), want)
			case err != nil:
				return err
			}
			same := false
			if err := item.Value(func(v []byte) error { same = string(v) == string(want); return nil }); err != nil || same {
				return err
			}
			return wb.Set(edgeKey(k), want)
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// hideDeferred makes a read-only open s (of the store laid out as l) show
// true counts when a batch left some unwritten: they are recounted in
// the recovered copy it reads, made for the purpose if s reads the store
// itself.
func (s *Store) hideDeferred(l layout) error {
	if !s.hasRecount() {
		return nil
	}
	if err := s.useReadCopy(l); err != nil {
		return err
	}
	return s.recountDeferred(context.Background())
}

// hasRecount reports whether the store holds recountKey: a batch deferred
// counts it did not write.
func (s *Store) hasRecount() bool {
	found := false
	s.db.View(func(txn *badger.Txn) error {
		found = hasKey(txn, []byte(recountKey))
		return nil
	})
	return found
}
