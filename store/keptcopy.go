package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Copies kept from a bulk ingest. A large session's close writes the
// copies of first mentions and the in-edge copies (leadcopy.go,
// incopy.go) by a walk over every mention key, reading each edge's first
// mention and counts back: on the 100 MB benchmark corpus 1.77 of the
// close's 3.56 CPU s, all of it after the extraction ended
// (docs/benchmarks.md). A batch that deferred its counts (deferred.go)
// knows each edge's counts and lead when it writes them, and the value of
// the mention at the lead when the transaction that brought that mention
// kept it (pendingEdge.leadValue). So it keeps those values, up to
// maxKeptLeads bytes, and its last write of the deferred counts leaves
// the copies to write in the store (Store.kept): the close writes them
// instead of walking, with the value threshold that puts them in the tree.
//
// They stand for the walk only when they are what it would write: the
// close uses them only if no commit came after the one that left them
// (the reopened store's largest version is theirs) and they are as many
// as the store's edges (its totals), each edge's counts and lead being
// those just written and its mention the one at that lead. Otherwise (a
// batch flushed more than once, a deferral ended by an article put twice,
// any write after the batch) the close walks as before. The values are
// kept outside the Go heap (arena_unix.go): on it, the 20-60 MB they take
// on the 100 MB corpus left the collector less room under the ingest's
// soft heap limit, and it cost more than the walk (docs/benchmarks.md).

// maxKeptLeads bounds the bytes of mention values a batch keeps for the
// copies (about 120 a mention: 20 MB for the 171,000 edges of the 100 MB
// benchmark corpus, and as much again for their counts and keys once
// written); past it, it keeps none and the close walks (the 1 GB corpus's
// ingest). Tests set smaller ones.
var maxKeptLeads int64 = 32 << 20

// leadArena holds the kept mention values of a batch's deferred edges,
// in blocks outside the Go heap where the system allows it (arena_unix.go).
type leadArena struct {
	blocks [][]byte // the last one is being filled
	used   int64
	lost   bool // past maxKeptLeads, or a lead without its value
}

// leadBlock is the size of the arena's blocks.
const leadBlock = 4 << 20

// keep copies v into the arena, over old when v fits there (old is the
// edge's last kept value, which v replaces), and returns the copy, or nil
// once the arena is past maxKeptLeads (lost).
func (a *leadArena) keep(old, v []byte) []byte {
	if a.lost {
		return nil
	}
	if len(v) <= cap(old) {
		return append(old[:0], v...)
	}
	a.used += int64(len(v))
	if a.used > maxKeptLeads {
		a.free()
		a.lost = true
		return nil
	}
	n := len(a.blocks) - 1
	if n < 0 || len(a.blocks[n])+len(v) > cap(a.blocks[n]) {
		a.blocks = append(a.blocks, newLeadBlock(max(leadBlock, len(v))))
		n++
	}
	b := a.blocks[n]
	off := len(b)
	b = append(b, v...)
	a.blocks[n] = b
	return b[off:len(b):len(b)]
}

// free gives the arena's blocks back: nothing may use what it kept.
func (a *leadArena) free() {
	for _, b := range a.blocks {
		freeLeadBlock(b)
	}
	a.blocks, a.used = nil, 0
}

// take hands the arena's blocks over to the caller, which frees them
// (keptCopies.release).
func (a *leadArena) take() [][]byte {
	b := a.blocks
	a.blocks, a.used = nil, 0
	return b
}

// keepLead keeps in e, an edge's deferred counts to which pe's were just
// added, the value of the mention at its lead when pe brought that lead.
func (d *deferredCounts) keepLead(e, pe *pendingEdge) {
	if d.leads.lost || e.delta.lead != pe.delta.lead {
		return // an earlier transaction's lead stays, with its value
	}
	var kept []byte
	if pe.leadValue != nil {
		kept = d.leads.keep(e.leadValue, pe.leadValue)
	}
	e.leadValue = kept
	if kept == nil {
		d.dropLeads()
	}
}

// dropLeads gives up the kept values (the close walks), or frees them
// (lost already); nothing may use them afterwards.
func (d *deferredCounts) dropLeads() {
	for _, c := range d.chunks {
		for i := range c {
			c[i].leadValue = nil
		}
	}
	d.leads.free()
	d.leads.lost = true
}

// keptCopy is an edge's copies as the close writes them: its counts (its
// e/ value), their lead, and the value of the mention there.
type keptCopy struct {
	key     graph.EdgeKey
	counts  []byte
	lead    string
	mention []byte
}

// keptCopies is what a batch's write of its deferred counts leaves for
// the close (Store.kept).
type keptCopies struct {
	copies []keptCopy
	// lost is set when an edge's mention was not kept
	lost bool
	// version is the store's largest version once the counts were
	// written: the copies stand for the walk only while it is
	version uint64
	// blocks hold the mentions (leadArena), freed by release
	blocks [][]byte
}

// dropKept frees the copies s kept, used or not (Close).
func (s *Store) dropKept() {
	s.kept.release()
	s.kept = nil
}

// release frees what k holds: nothing may use its copies afterwards.
func (k *keptCopies) release() {
	if k == nil {
		return
	}
	for _, b := range k.blocks {
		freeLeadBlock(b)
	}
	k.blocks, k.copies = nil, nil
}

// add keeps the copies of pending edge pe, whose counts flush wrote as a
// (encoded: counts).
func (k *keptCopies) add(pe *pendingEdge, a aggregate, counts []byte) {
	if k.lost || pe.leadValue == nil || a.lead == "" || a.lead != pe.delta.lead {
		k.lost = true
		k.copies = nil
		return
	}
	k.copies = append(k.copies, keptCopy{key: pe.key, counts: counts, lead: a.lead, mention: pe.leadValue})
}

// keptFor reports whether k holds the copies of every edge of db, which
// nothing wrote since they were kept (see above).
func (k *keptCopies) keptFor(db *badger.DB) bool {
	if k == nil || k.lost || k.version != db.MaxVersion() {
		return false
	}
	edges := -1
	_ = db.View(func(txn *badger.Txn) error {
		t, err := getTotals(txn)
		if err == nil {
			edges = 0
			for _, n := range t.Edges {
				edges += n
			}
		}
		return nil
	})
	return edges == len(k.copies)
}

// writeKeptCopies writes the copies k holds into db, as writeLeadCopies
// would into a store that has none yet, and records them current.
func writeKeptCopies(ctx context.Context, db *badger.DB, k *keptCopies) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	var err error
	for i := range k.copies {
		c := &k.copies[i]
		if i%4096 == 0 {
			if err = ctx.Err(); err != nil {
				break
			}
		}
		if err = wb.Set(inCopyKey(c.key), appendInCopy(nil, c.counts, c.mention)); err != nil {
			break
		}
		if err = wb.Set(leadCopyKey(c.key), appendLeadCopy(nil, c.lead, c.mention)); err != nil {
			break
		}
	}
	return finishCopies(db, wb, err)
}
