package store

import (
	"context"
	"encoding/binary"
	"errors"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Copies of in-edges. An actor's view lists its out-edges with their
// counts by a scan of e/<actor>/, and their first mentions' copies
// (l/<actor>/...) lie together as well. Its in-edges do not: r/<actor>/
// names them, but each one's counts (e/<source>/...) and copy of its
// first mention (l/<source>/...) sit in its source's range, so a view of
// actor Russia on the 100 MB benchmark store read about 900 counts and
// 900 copies from as many scattered table blocks (two thirds of its CPU,
// most of it page faults on the mapped tables; docs/benchmarks.md).
//
// So the session that writes the copies of first mentions (leadcopy.go)
// also writes, for each edge, under k/<target>/<relation>/<source> (the
// order of r/), its counts exactly as e/ holds them and its first
// mention's value: a view of an actor reads its in-edges' counts and
// first sentences by stepping through one range of the tree.
//
// They are current while inCopiesKey is the last commit, as the copies
// of first mentions are: a write that keeps them current (a commit of
// articles or a forget that sees every commit since they were recorded:
// keepInCopies) deletes the in-edge copy of every edge whose counts it
// writes (or writes it again: renewed in-edge copies, below) and records
// them current again in its own transaction; any
// other write, by this geokg or an older one (which knows nothing of
// them and never writes inCopiesKey), retires them all until a large
// session's close writes them again. An in-edge copy is therefore never
// read unless its counts are the edge's e/ value byte for byte, and its
// mention the one at the lead those counts name (Check verifies both).
// An edge whose copy a small write deleted is read as before. Like the
// copies of first mentions they need no format of their own: a store
// with them opens in an older geokg, which leaves them alone.
const inCopyPrefix = "k/"

// inCopiesKey records that the in-edge copies were all written, at its
// version.
const inCopiesKey = "s/incopies"

// inCopyKey is edge k's in-edge copy key: its target first, as r/.
func inCopyKey(k graph.EdgeKey) []byte {
	return appendInCopyKey(nil, k)
}

// appendInCopyKey appends inCopyKey(k) to b.
func appendInCopyKey(b []byte, k graph.EdgeKey) []byte {
	return appendJoin(b, inCopyPrefix, string(k.Target), string(k.Relation), string(k.Source))
}

// parseInCopyKey is the edge of an in-edge copy's key.
func parseInCopyKey(key []byte) (graph.EdgeKey, error) {
	dst, rel, src, err := split3(key, inCopyPrefix)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(src, rel, dst)
}

// appendInCopy appends an in-edge copy's value: the length of the
// edge's counts as a uvarint, the counts as e/ holds them, then the
// value of the mention at their lead.
func appendInCopy(b, counts, mention []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(counts)))
	return append(append(b, counts...), mention...)
}

// splitInCopy splits appendInCopy's form (slices of v); ok is false when
// it does not parse.
func splitInCopy(v []byte) (counts, mention []byte, ok bool) {
	return splitCopy(v)
}

// inCopiesCurrent reports whether the in-edge copies are current in
// txn's view of db: written, and no commit since.
func inCopiesCurrent(db *badger.DB, txn *badger.Txn) bool {
	return markerCurrent(db, txn, inCopiesKey)
}

// currentInCopies reports whether db's in-edge copies are current.
func currentInCopies(db *badger.DB) bool {
	return markerCurrentNow(db, inCopiesKey)
}

// keepInCopies reports whether a write transaction txn of db may keep
// the in-edge copies current (see keepLeadCopies).
func keepInCopies(db *badger.DB, txn *badger.Txn) bool {
	return inCopiesCurrent(db, txn)
}

// stampInCopies records in txn that the in-edge copies are current, once
// txn deleted those of the edges whose counts it writes.
func stampInCopies(txn writer) error {
	return txn.Set([]byte(inCopiesKey), nil)
}

// inCopyInto returns edge k's counts from its in-edge copy, and takes
// its first mention into fm unless fm is nil; ok is false when there is
// none or it does not decode (the caller then reads them as before).
func (c *mentionCursor) inCopyInto(k graph.EdgeKey, fm *firstMention) (a aggregate, ok bool) {
	if c.inCopies == nil {
		c.inCopies = newSeeker(c.txn, inCopyPrefix)
	}
	c.key = appendInCopyKey(c.key[:0], k) // the seeker holds it no longer than Get
	item, err := c.inCopies.Get(c.key)
	if err != nil {
		return a, false
	}
	err = item.Value(func(v []byte) error {
		counts, mention, parsed := splitInCopy(v)
		if !parsed {
			return errNoCopy
		}
		var err error
		if a, err = decodeAggregate(counts); err != nil {
			return err
		}
		if fm != nil {
			err = fm.take(k, a.lead, mention)
		}
		return err
	})
	return a, err == nil
}

// writeInCopy writes into wb edge k's in-edge copy, from its counts (read
// through the seeker counts) and the value of its first mention, at lead
// (by the order of its keys), unless txn holds it already (some: the store
// has in-edge copies to compare with). An edge whose counts name another
// lead gets none (its old one deleted).
func writeInCopy(wb *badger.WriteBatch, txn *badger.Txn, counts *seeker, some bool, k graph.EdgeKey, lead string, mention []byte) error {
	key := inCopyKey(k)
	var c []byte
	item, err := counts.Get(edgeKey(k))
	if err == nil {
		err = item.Value(func(v []byte) error {
			if a, err := decodeAggregate(v); err == nil && a.lead == lead {
				c = appendInCopy(nil, v, mention)
			}
			return nil
		})
	}
	switch {
	case err != nil && !errors.Is(err, badger.ErrKeyNotFound):
		return err
	case c == nil:
		if some {
			return wb.Delete(key)
		}
		return nil
	case some && sameValue(txn, key, c):
		return nil
	}
	return wb.Set(key, c)
}

// sameValue reports whether txn holds key with value v.
func sameValue(txn *badger.Txn, key, v []byte) bool {
	item, err := txn.Get(key)
	if err != nil {
		return false
	}
	same := false
	_ = item.Value(func(got []byte) error { same = string(got) == string(v); return nil })
	return same
}

// inCopies is Check's step for the in-edge copies, while they are
// current (else no view reads them): a copy that does not parse, whose
// counts are not its edge's e/ value, or whose mention is not the one at
// their lead, is a problem (a view would show it).
func (c *checker) inCopies(db *badger.DB) func(context.Context, *badger.Txn) error {
	return func(ctx context.Context, txn *badger.Txn) error {
		if !inCopiesCurrent(db, txn) {
			return nil
		}
		return eachItem(ctx, txn, []byte(inCopyPrefix), func(item *badger.Item) error {
			k, err := parseInCopyKey(item.Key())
			if err != nil {
				return c.report("in-edge copy %q: not an edge's key", item.Key())
			}
			ok := false
			err = item.Value(func(v []byte) error {
				counts, mention, parsed := splitInCopy(v)
				if !parsed || !sameValue(txn, edgeKey(k), counts) {
					return nil
				}
				a, err := decodeAggregate(counts)
				ok = err == nil && a.lead != "" && sameMention(txn, k, a.lead, mention)
				return nil
			})
			if err != nil || !ok {
				return c.report("edge %s %s %s: its in-edge copy is not its counts and first mention", k.Source, k.Relation, k.Target)
			}
			return nil
		})
	}
}

// Renewed in-edge copies. A write that keeps the in-edge copies current
// deleted the copy of every edge whose counts it wrote, so that after
// 2,500 one-article ingests into the 1 GB benchmark store a view of actor
// Russia read many of its in-edges' counts and first mentions through
// seeks again (0.028 -> 0.047 CPU s, docs/benchmarks.md), until the next
// large session's close wrote them. A session whose values go into
// Badger's tree (smallWrites: inCopyRoom) writes the copy again instead,
// with the new counts and the value of the mention at their lead: one of
// the transaction's own mentions when an earlier one came (leadValue),
// the mention the old copy held when the lead is the same, else the
// mention read at the lead (a date corrected in the same transaction
// deleted the old copy; rekeyMentions). The deletes are written first,
// within what the batch estimated, and the copies over them last, each
// only while the transaction has room: Badger refuses an entry past its
// limits without taking it (ErrTxnTooBig), and a copy refused stays
// deleted, read as before. A session of the usual sizes (a value
// threshold of 64 bytes) would put the copies in the value log: it
// deletes them as before, and the next large session's close writes them.

// inCopyRoom is how long a renewed in-edge copy may be in a session of
// db for Badger to keep it in its tree (its value threshold), 0 when no
// copy fits there (a session of the usual sizes: none is renewed).
func inCopyRoom(db *badger.DB) int64 {
	if t := db.Opts().ValueThreshold; t >= leadCopyThreshold {
		return t
	}
	return 0
}

// inRenewal is an in-edge copy to write again: its edge, the edge's new
// counts (its e/ value), their lead and, when known without a read, the
// value of the mention there.
type inRenewal struct {
	key     graph.EdgeKey
	counts  []byte
	lead    string
	mention []byte
}

// retireInCopy deletes pe's in-edge copy, whose counts flush replaces by
// counts (a, encoded), and notes it for renewal (renewInCopies) when p
// renews copies: the mention at the lead is taken from the old copy
// before it is deleted, when the lead is the same.
func (p *pendingCounts) retireInCopy(txn writer, pe *pendingEdge, a aggregate, counts []byte) error {
	key := inCopyKey(pe.key)
	if p.inRoom > 0 && a.lead != "" {
		r := inRenewal{key: pe.key, counts: counts, lead: a.lead}
		if pe.leadValue != nil && pe.delta.lead == a.lead {
			r.mention = pe.leadValue
		} else {
			r.mention = copiedMention(txn, key, a.lead)
		}
		p.renewals = append(p.renewals, r)
	}
	return txn.Delete(key)
}

// copiedMention is the mention value the in-edge copy under key holds
// when its lead is lead (a copy is current while the copies are: see
// above), else nil (renewInCopies then reads it at the lead). A copy is
// only a shortcut: one that cannot be read is not renewed that way, and
// the write goes on.
func copiedMention(txn getter, key []byte, lead string) []byte {
	item, err := txn.Get(key)
	if err != nil {
		return nil
	}
	var m []byte
	_ = item.Value(func(v []byte) error {
		counts, mention, ok := splitInCopy(v)
		if !ok {
			return nil
		}
		if old, err := decodeAggregate(counts); err == nil && old.lead == lead {
			m = slices.Clone(mention)
		}
		return nil
	})
	return m
}

// renewInCopies writes the in-edge copies rs into txn, each shorter than
// room, until one finds no room in txn (the rest stay deleted). A mention
// not known is read at its lead; a copy whose mention cannot be read there
// (none while the copies are current, or a read that fails) stays
// deleted, and the view reads the mention as it would without copies.
func renewInCopies(txn writer, room int64, rs []inRenewal) error {
	for _, r := range rs {
		m := r.mention
		if m == nil {
			item, err := txn.Get(leadKey(r.key, r.lead))
			if err == nil {
				m, err = item.ValueCopy(nil)
			}
			if err != nil {
				continue
			}
		}
		c := appendInCopy(nil, r.counts, m)
		if int64(len(c)) >= room {
			continue
		}
		err := txn.Set(inCopyKey(r.key), c)
		if errors.Is(err, badger.ErrTxnTooBig) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}
