package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Copies of first mentions. A view's table shows each edge's first
// mention (its lead, aggregate.lead). The mentions sit in the value log,
// so reading 1,566 of them for actor Russia on the 100 MB corpus store
// read as many pages at random (a third of the command's time, most of it
// page faults), and an in-edge's needed a seek among all the mention keys
// besides. A copy of each edge's first mention, under l/ and an edge key,
// is kept in Badger's tree, next to the copies of the actor's other edges.
//
// The copies are written by the session that merges level 0 when a large
// session closes (Store.Close), opened with a value threshold above a
// mention's size (leadCopyThreshold): the ingest's own threshold (64
// bytes) would send them to the value log, and raising that one sends
// every mention into the tree (docs/benchmarks.md). They are written
// last, then leadCopiesKey, and are used only while no commit came after
// it: while its version is Badger's largest (any later write moves that
// on, unless it writes leadCopiesKey again: below). A copy whose lead is not the one the
// edge's counts hold is not used either. So a copy is never shown unless
// it is what the mention keys say; otherwise the view reads the mention,
// as before. A forget deletes the copies of the edges it touches, so no
// copy keeps a forgotten article's sentence. The copies need no format
// of their own: a geokg that does not know them leaves them alone, and
// whatever it writes retires them.
//
// Small writes keep them current. A copy is right while its edge's
// counts hold its lead and the mention at that key is the one copied; a
// mention key, once written, is only ever deleted (a forget, which
// deletes the copies of the edges it touches, or a date correction, which
// moves an article's keys and deletes its edges' copies), never written
// again with another value: an article's new mentions are new keys. So a
// write whose transaction sees every commit since the copies were
// recorded current (nothing else wrote meanwhile) records them current
// again in the same transaction, at its own version: a forget, and a
// commit of articles (PutArticle, a Batch's transaction that is not
// stale). A copy whose lead is no longer its edge's (an earlier article
// came) is simply not used. Any other write (an upgrade, a repair, an
// article written in parts, a Batch's transaction filled while the last
// one was being written, an older geokg) retires them all as before, and
// a later commit then finds them not current and leaves them so.
const leadCopyPrefix = "l/"

// leadCopiesKey records that the copies were all written, at its version.
const leadCopiesKey = "s/leadcopies"

// leadCopyThreshold is the value threshold of the session that writes
// the copies: a copy of up to 1 KB (a lead and a mention: about 150 bytes
// on the benchmark corpus) goes into the tree.
const leadCopyThreshold = 1 << 10

func leadCopyKey(k graph.EdgeKey) []byte {
	return join(leadCopyPrefix, string(k.Source), string(k.Relation), string(k.Target))
}

// appendLeadCopyKey appends leadCopyKey(k) to b.
func appendLeadCopyKey(b []byte, k graph.EdgeKey) []byte {
	return appendJoin(b, leadCopyPrefix, string(k.Source), string(k.Relation), string(k.Target))
}

// parseLeadCopyKey is the edge of a copy's key.
func parseLeadCopyKey(key []byte) (graph.EdgeKey, error) {
	src, rel, dst, err := split3(key, leadCopyPrefix)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(src, rel, dst)
}

// appendLeadCopy appends a copy's value: the lead's length as a uvarint,
// the lead, then the mention's value as stored.
func appendLeadCopy(b []byte, lead string, mention []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(lead)))
	return append(append(b, lead...), mention...)
}

// parseLeadCopy splits appendLeadCopy's form; ok is false when it does not
// parse.
func parseLeadCopy(v []byte) (lead string, mention []byte, ok bool) {
	b, mention, ok := splitLeadCopy(v)
	return string(b), mention, ok
}

// splitLeadCopy is parseLeadCopy with the lead as bytes of v (no copy: a
// view reads a copy for each of its rows).
func splitLeadCopy(v []byte) (lead, mention []byte, ok bool) {
	return splitCopy(v)
}

// splitCopy splits the form both kinds of copy share (a uvarint length,
// that many bytes, then a mention's value) into slices of v; ok is false
// when it does not parse.
func splitCopy(v []byte) (head, mention []byte, ok bool) {
	n, w := binary.Uvarint(v)
	if w <= 0 || n > uint64(len(v)-w) {
		return nil, nil, false
	}
	return v[w : w+int(n)], v[w+int(n):], true
}

// leadCopiesCurrent reports whether the copies are current in txn's
// view of db: written, and no commit since.
func leadCopiesCurrent(db *badger.DB, txn *badger.Txn) bool {
	return markerCurrent(db, txn, leadCopiesKey)
}

// currentCopies reports whether db's copies are current.
func currentCopies(db *badger.DB) bool {
	return markerCurrentNow(db, leadCopiesKey)
}

// markerCurrent reports whether the copies whose marker is key are current
// in txn's view of db: the marker written, and no commit since it.
func markerCurrent(db *badger.DB, txn *badger.Txn, key string) bool {
	item, err := txn.Get([]byte(key))
	return err == nil && item.Version() == db.MaxVersion()
}

// markerCurrentNow is markerCurrent in a read transaction of its own.
func markerCurrentNow(db *badger.DB, key string) bool {
	ok := false
	_ = db.View(func(txn *badger.Txn) error { ok = markerCurrent(db, txn, key); return nil })
	return ok
}

// keepLeadCopies reports whether a write transaction txn of db may keep
// the copies current: whether they are current as txn sees them and no
// commit came after txn began (leadCopiesCurrent). The caller holds the
// store's write lock until txn is committed, so nothing commits between.
func keepLeadCopies(db *badger.DB, txn *badger.Txn) bool {
	return leadCopiesCurrent(db, txn)
}

// stampLeadCopies records in txn that the copies are current, once txn
// deleted the copies its writes made wrong.
func stampLeadCopies(txn writer) error {
	return txn.Set([]byte(leadCopiesKey), nil)
}

// copiedLeadInto takes edge k's first mention from its copy into fm,
// when the copy holds lead (false otherwise: no copy, another lead, or
// one that does not decode, which the caller then reads from the mention
// keys). It builds the copy's key in *key, a buffer it may reuse: txn
// holds it no longer than the call.
func copiedLeadInto(txn getter, key *[]byte, k graph.EdgeKey, lead string, fm *firstMention) bool {
	if lead == "" {
		return false
	}
	*key = appendLeadCopyKey((*key)[:0], k)
	item, err := txn.Get(*key)
	if err != nil {
		return false
	}
	err = item.Value(func(v []byte) error {
		got, mention, parsed := splitLeadCopy(v)
		if !parsed || string(got) != lead {
			return errNoCopy
		}
		return fm.take(k, lead, mention)
	})
	return err == nil
}

var errNoCopy = errors.New("no current copy")

// writeLeadCopies writes the copy of every edge's first mention that
// differs from the one stored, and its in-edge copy (incopy.go), then
// leadCopiesKey and inCopiesKey, into db (which should
// have been opened with leadCopyThreshold). It walks the mention keys in
// order and reads the value of each edge's first one (its lead, by the
// order of the keys; a view uses the copy only if the counts say the same):
// a lookup of each edge's lead instead, with level 0 still full of the
// large session's tables, took 1.2 s of CPU for the 140,000 edges of the
// 100 MB corpus store, the walk 0.6 s.
func writeLeadCopies(ctx context.Context, db *badger.DB) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	err := db.View(func(txn *badger.Txn) error {
		// a store without copies yet has none to compare with (a lookup
		// each: half of the time)
		some := hasKeys(txn, []byte(leadCopyPrefix))
		someIn := hasKeys(txn, []byte(inCopyPrefix))
		// the edges' counts, for the in-edge copies (incopy.go), in the
		// order of the mention keys, which is theirs but for ids that
		// sort before '/' (a seek then)
		counts := newSeeker(txn, edgePrefix)
		defer counts.it.Close()
		return eachLead(ctx, txn, func(k graph.EdgeKey, lead string, mention []byte) error {
			if err := writeInCopy(wb, txn, counts, someIn, k, lead, mention); err != nil {
				return err
			}
			c := appendLeadCopy(nil, lead, mention)
			if some && sameCopy(txn, k, c) {
				return nil
			}
			return wb.Set(leadCopyKey(k), c)
		})
	})
	return finishCopies(db, wb, err)
}

// finishCopies ends writeLeadCopies and writeKeptCopies alike: unless err
// (the writes' error) is set, it flushes wb, then records the copies
// current (leadCopiesKey, the in-edge copies' stamp).
func finishCopies(db *badger.DB, wb *badger.WriteBatch, err error) error {
	if err == nil {
		err = wb.Flush()
	}
	if err == nil {
		err = db.Update(func(txn *badger.Txn) error {
			return errors.Join(txn.Set([]byte(leadCopiesKey), nil), stampInCopies(txn))
		})
	}
	if err != nil {
		return fmt.Errorf("copies of first mentions: %w", err)
	}
	return nil
}

// eachLead calls fn with each edge's first mention key's lead and value,
// in key order. A key that does not parse is skipped (Check reports it).
// Past an edge's first key it steps over at most maxSkip keys, then
// seeks to the next edge.
func eachLead(ctx context.Context, txn *badger.Txn, fn func(k graph.EdgeKey, lead string, mention []byte) error) error {
	prefix := []byte(mentionPrefix)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Seek(prefix)
	for it.ValidForPrefix(prefix) {
		if err := ctx.Err(); err != nil {
			return err
		}
		item := it.Item()
		k, _, err := parseMentionKey(item.Key())
		if err != nil {
			it.Next()
			continue
		}
		p := evidencePrefix(k)
		err = item.Value(func(v []byte) error { return fn(k, string(item.Key()[len(p):]), v) })
		if err != nil {
			return err
		}
		it.Next()
		for n := 0; it.ValidForPrefix(p); n++ {
			if n == maxSkip {
				it.Seek(append(p, 0xFF))
				break
			}
			it.Next()
		}
	}
	return nil
}

// sameCopy reports whether edge k's stored copy is c.
func sameCopy(txn *badger.Txn, k graph.EdgeKey, c []byte) bool {
	return sameValue(txn, leadCopyKey(k), c)
}

// leadCopies is Check's step for the copies of first mentions, while they
// are current (else no view uses them): a copy that does not parse, or
// that holds its edge's lead but not that mention's value as stored, is a
// problem (a view would show it).
func (c *checker) leadCopies(db *badger.DB) func(context.Context, *badger.Txn) error {
	return func(ctx context.Context, txn *badger.Txn) error {
		if !leadCopiesCurrent(db, txn) {
			return nil
		}
		return eachItem(ctx, txn, []byte(leadCopyPrefix), func(item *badger.Item) error {
			k, err := parseLeadCopyKey(item.Key())
			if err != nil {
				return c.report("copy of a first mention %q: not an edge's key", item.Key())
			}
			a, err := getAggregate(txn, k)
			if err != nil {
				return nil // no such edge: no view reads the copy
			}
			var lead string
			var ok bool
			err = item.Value(func(v []byte) error {
				var mention []byte
				lead, mention, ok = parseLeadCopy(v)
				ok = ok && lead == a.lead && sameMention(txn, k, lead, mention)
				return nil
			})
			if err != nil || !ok && (lead == a.lead || lead == "") {
				return c.report("edge %s %s %s: its copy of its first mention is not that mention", k.Source, k.Relation, k.Target)
			}
			return nil
		})
	}
}

// sameMention reports whether the mention of edge k at lead is stored
// with value mention.
func sameMention(txn *badger.Txn, k graph.EdgeKey, lead string, mention []byte) bool {
	item, err := txn.Get(leadKey(k, lead))
	if err != nil {
		return false
	}
	same := false
	_ = item.Value(func(v []byte) error { same = string(v) == string(mention); return nil })
	return same
}
