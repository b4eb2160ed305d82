package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// The store's totals (format 12): how many articles it holds, and its
// edges and mentions per relation, in one key (totalsKey), so that Stats
// reads them instead of every edge's counts (140,000 e/ values, most of
// its time, on a 100 MB store). A commit adds what its new articles,
// edges and mentions add, in the transaction that writes them (with the
// edges' counts: pendingCounts); Forget takes off what it removes; Check
// recounts them; RebuildAggregates and the upgrade write them from a
// recount.
const totalsKey = "s/totals"

// relationCount is len(graph.Relations).
const relationCount = 5

// totals are the store's counts, or what a write adds to them (then
// negative for a removal). Edges and Mentions are in graph.Relations
// order.
type totals struct {
	Articles int
	Edges    [relationCount]int
	Mentions [relationCount]int
}

func relationIndex(r graph.Relation) int { return slices.Index(graph.Relations, r) }

// count adds edges and mentions to relation r's.
func (t *totals) count(r graph.Relation, edges, mentions int) {
	if i := relationIndex(r); i >= 0 { // else not a relation: refused before
		t.Edges[i] += edges
		t.Mentions[i] += mentions
	}
}

// add adds d to t.
func (t *totals) add(d totals) {
	t.Articles += d.Articles
	for i := range t.Edges {
		t.Edges[i] += d.Edges[i]
		t.Mentions[i] += d.Mentions[i]
	}
}

// appendTotals appends t's encoding: uvarints, the articles and then each
// relation's edges and mentions. A count below zero (which only a
// damaged store's Forget could make) is written as zero; Check reports it.
func appendTotals(b []byte, t totals) []byte {
	b = binary.AppendUvarint(b, uint64(max(t.Articles, 0)))
	for i := range t.Edges {
		b = binary.AppendUvarint(b, uint64(max(t.Edges[i], 0)))
		b = binary.AppendUvarint(b, uint64(max(t.Mentions[i], 0)))
	}
	return b
}

func decodeTotals(b []byte) (totals, error) {
	var t totals
	r := aggReader{b: b}
	t.Articles = r.uint()
	for i := range t.Edges {
		t.Edges[i], t.Mentions[i] = r.uint(), r.uint()
	}
	if r.err != nil || len(r.b) != 0 {
		return t, corrupt(fmt.Errorf("%w: store totals %x", errBadAggregate, b))
	}
	return t, nil
}

// getTotals reads the store's totals; a store without the key (an empty
// one) has zero.
func getTotals(txn getter) (totals, error) {
	item, err := txn.Get([]byte(totalsKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return totals{}, nil
	}
	if err != nil {
		return totals{}, err
	}
	var t totals
	err = item.Value(func(v []byte) error {
		t, err = decodeTotals(v)
		return err
	})
	return t, err
}

// addTotals adds d to the stored totals, unless d is zero.
func addTotals(txn writer, d totals) error {
	var none *writeCache
	return none.addTotals(txn, d)
}

// addTotals is addTotals for a writer with a cache, which gives the
// stored totals once it knows them and keeps the new ones. c may be nil.
func (c *writeCache) addTotals(txn writer, d totals) error {
	if d == (totals{}) {
		return nil
	}
	var t totals
	if c != nil && c.totals != nil {
		t = *c.totals
	} else {
		var err error
		if t, err = getTotals(txn); err != nil {
			return err
		}
	}
	t.add(d)
	v := appendTotals(nil, t)
	if c != nil {
		stored, err := decodeTotals(v) // as stored: no count below zero
		if err != nil {
			return err
		}
		c.totals = &stored
	}
	return txn.Set([]byte(totalsKey), v)
}

// recountTotals counts the articles (their d/ keys) and the edges and
// mentions per relation (the edges' stored counts; Check compares those
// with the mentions) as txn sees them.
func recountTotals(ctx context.Context, txn *badger.Txn) (totals, error) {
	var t totals
	var err error
	if t.Articles, err = countKeys(txn, []byte(articlePrefix)); err != nil {
		return t, err
	}
	err = eachItem(ctx, txn, []byte(edgePrefix), func(item *badger.Item) error {
		k, err := parseEdgeKey(item.Key())
		if err != nil {
			return nil // Check's business
		}
		a, err := itemAggregate(item)
		if err != nil || a.Mentions == 0 {
			return nil // Check's business too
		}
		t.count(k.Relation, 1, a.Mentions)
		return nil
	})
	return t, err
}

// rebuildTotals writes the totals recounted (the upgrade to format 12,
// and RebuildAggregates after the edges' counts).
func (s *Store) rebuildTotals(ctx context.Context) error {
	var t totals
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		t, err = recountTotals(ctx, txn)
		return err
	})
	if err != nil {
		return err
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(totalsKey), appendTotals(nil, t))
	})
}
