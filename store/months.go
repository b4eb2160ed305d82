package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Per-actor months (format 15). v/<actor id>/<month> holds how many
// distinct articles dated in that month show the actor's relations as its
// timeline counts them (Timeline): those of its own edges and of the
// edges of the actors affiliated to it (its officials and institutions),
// an article showing several of them counted once. Per-edge counts
// cannot say that, so until format 15 a timeline read every mention key
// of the actor's edges, and its time grew with the corpus (three times as
// long on a 1 GB store as on a 100 MB one).
//
// A month's value is a tally (monthTally): for each of the three
// directions a timeline may ask for (both, out, in) the articles showing
// each relation and those showing any. It is written in the transaction
// that writes the mentions (pendingCounts), lowered by Forget, moved by a
// corrected date, checked by Check and rebuilt by RebuildAggregates and
// the upgrade from a recount of the mention keys (recountMonths).
//
// An actor's affiliation is only ever set, never changed or removed
// (mergeActor), but it may be set after the actor has edges: then the
// months of the actor it joins are recounted in the same transaction
// (upsertActor's caller, writeBody).
const monthsPrefix = "v/"

// monthKey is v/<id>/ and the month's index (monthIndex) as 4 big-endian
// bytes, its sign bit flipped so that the keys sort in time order.
func monthKey(id graph.ActorID, month int) []byte {
	b := join(monthsPrefix, string(id), "")
	return binary.BigEndian.AppendUint32(b, uint32(int32(month))^1<<31)
}

// monthsPrefixFor is the prefix of every month key of id.
func monthsPrefixFor(id graph.ActorID) []byte { return join(monthsPrefix, string(id), "") }

// parseMonthKey reads a monthKey.
func parseMonthKey(k []byte) (graph.ActorID, int, error) {
	if len(k) < len(monthsPrefix)+2+4 || !bytes.HasPrefix(k, []byte(monthsPrefix)) || k[len(k)-5] != sep {
		return "", 0, fmt.Errorf("bad month key %q", k)
	}
	id, err := checkID(string(k[len(monthsPrefix) : len(k)-5]))
	month := int(int32(binary.BigEndian.Uint32(k[len(k)-4:]) ^ 1<<31))
	return id, month, err
}

// monthIndex numbers t's month (UTC): year*12 + month - 1.
func monthIndex(t time.Time) int {
	y, m, _ := t.UTC().Date()
	return y*12 + int(m) - 1
}

// monthStart is the first day of month i (monthIndex), UTC.
func monthStart(i int) time.Time {
	y, m := i/12, i%12
	if m < 0 {
		y, m = y-1, m+12
	}
	return time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
}

// The directions a tally counts for: a timeline of every relation, of
// those by the actor (out) and of those about it (in). A symmetric
// relation (allies-with) counts in all three, as View shows it.
const (
	slotBoth = iota
	slotOut
	slotIn
	slotCount
)

// The kinds of link an article shows an actor in: as the source of an
// edge, its target, or an end of a symmetric one. An article's links to an
// actor in a month are a bit set, relationIndex*kindCount + kind.
const (
	kindOut = iota
	kindIn
	kindSym
	kindCount
)

// slotKinds are the kinds each slot counts.
var slotKinds = [slotCount]uint32{1<<kindOut | 1<<kindIn | 1<<kindSym, 1<<kindOut | 1<<kindSym, 1<<kindIn | 1<<kindSym}

// monthTally is one actor's month: per slot, the articles showing each
// relation (graph.Relations order) and, last, those showing any.
type monthTally [slotCount][relationCount + 1]int

// addLinks counts (sign 1) or uncounts (-1) an article whose links to the
// actor in the month are bits.
func (t *monthTally) addLinks(bits uint32, sign int) {
	for slot, kinds := range slotKinds {
		any := false
		for r := range relationCount {
			if bits>>(r*kindCount)&kinds != 0 {
				t[slot][r] += sign
				any = true
			}
		}
		if any {
			t[slot][relationCount] += sign
		}
	}
}

func (t *monthTally) add(d *monthTally) {
	for s := range t {
		for r := range t[s] {
			t[s][r] += d[s][r]
		}
	}
}

// empty reports whether no article is counted (a month to delete).
func (t *monthTally) empty() bool { return *t == monthTally{} }

// maxMonthLen bounds appendMonth's encoding (counts below 1<<40).
const maxMonthLen = 1 + slotCount*(relationCount+1)*6

// monthV1 starts an encoded month.
const monthV1 = 0x01

// appendMonth appends t's encoding: monthV1, then each slot's counts as
// uvarints (a count below zero, which only a damaged store's Forget could
// make, as zero: Check reports it). About 20 bytes: under Badger's value
// threshold, so a month rewritten by every commit stays in its tree.
func appendMonth(b []byte, t *monthTally) []byte {
	b = append(b, monthV1)
	for s := range t {
		for _, n := range t[s] {
			b = binary.AppendUvarint(b, uint64(max(n, 0)))
		}
	}
	return b
}

var errBadMonth = errors.New("bad month counts")

// decodeMonth reads appendMonth's form.
func decodeMonth(b []byte) (monthTally, error) {
	var t monthTally
	if len(b) == 0 || b[0] != monthV1 {
		return t, corrupt(fmt.Errorf("%w: %x", errBadMonth, b))
	}
	r := aggReader{b: b[1:]}
	for s := range t {
		for i := range t[s] {
			t[s][i] = r.uint()
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return t, corrupt(fmt.Errorf("%w: %x", errBadMonth, b))
	}
	return t, nil
}

// tallies are an actor's months, by month index.
type tallies map[int]*monthTally

// tally is month i's tally, made if absent.
func (ms tallies) tally(i int) *monthTally {
	t := ms[i]
	if t == nil {
		t = &monthTally{}
		ms[i] = t
	}
	return t
}

func (ms tallies) clone() tallies {
	c := make(tallies, len(ms))
	for i, t := range ms {
		cp := *t
		c[i] = &cp
	}
	return c
}

// rootMonth is an actor's month.
type rootMonth struct {
	root  graph.ActorID
	month int
}

// articleLinks are one article's links by actor and month: the bit set
// each of its mentions' edges adds to (linkEdge).
type articleLinks map[rootMonth]uint32

// linkEdge adds a mention of edge k dated date (none if undated) to the
// links of its ends and of the actors they are affiliated to (affOf; ""
// for none): an end's own timeline shows the edge, and so does that of
// the actor it speaks for.
func (al articleLinks) linkEdge(k graph.EdgeKey, date time.Time, affOf func(graph.ActorID) graph.ActorID) {
	if date.IsZero() {
		return
	}
	r := relationIndex(k.Relation)
	if r < 0 {
		return
	}
	month := monthIndex(date)
	src, dst := kindOut, kindIn
	if k.Relation.Symmetric() {
		src, dst = kindSym, kindSym
	}
	for _, end := range [2]struct {
		id   graph.ActorID
		kind int
	}{{k.Source, src}, {k.Target, dst}} {
		bit := uint32(1) << (r*kindCount + end.kind)
		al[rootMonth{end.id, month}] |= bit
		if aff := affOf(end.id); aff != "" && aff != end.id {
			al[rootMonth{aff, month}] |= bit
		}
	}
}

// addMonths adds the article of links al (sign 1) or takes it off (-1)
// the pending months.
func (p *pendingCounts) addMonths(al articleLinks, sign int) {
	if p.months == nil {
		p.months = map[graph.ActorID]*pendingMonths{}
	}
	for rm, bits := range al {
		pm := p.months[rm.root]
		if pm == nil {
			pm = &pendingMonths{counts: tallies{}}
			p.months[rm.root] = pm
		}
		if _, ok := pm.counts[rm.month]; !ok {
			p.monthKeys++
			p.monthKeyBytes += len(monthsPrefix) + len(rm.root) + 1 + 4
		}
		pm.counts.tally(rm.month).addLinks(bits, sign)
	}
}

// recountedMonths makes actor id's pending months its recount as txn sees
// it (the writes of txn included), to which what follows adds: for an
// actor that an actor with edges joined (writeBody).
func (p *pendingCounts) recountedMonths(ctx context.Context, txn writer, id graph.ActorID) error {
	t, err := txnOf(txn)
	if err != nil {
		return err
	}
	counts, err := recountMonths(ctx, t, id)
	if err != nil {
		return err
	}
	if p.months == nil {
		p.months = map[graph.ActorID]*pendingMonths{}
	}
	if pm := p.months[id]; pm != nil {
		p.monthKeys -= len(pm.counts)
	}
	p.months[id] = &pendingMonths{counts: counts, recounted: true}
	p.monthKeys += len(counts)
	p.monthKeyBytes += len(counts) * (len(monthsPrefix) + len(id) + 1 + 4)
	return nil
}

// txnOf is the Badger transaction a writer writes in, for an iterator.
func txnOf(w writer) (*badger.Txn, error) {
	switch t := w.(type) {
	case meteredTxn:
		if err := t.fresh(); err != nil {
			return nil, err
		}
		return t.Txn, nil
	case *partWriter:
		return t.txn, nil
	case *badger.Txn:
		return t, nil
	}
	return nil, fmt.Errorf("no transaction to read tallies in (%T)", w)
}

// pendingMonths is what a transaction adds to an actor's months, or, once
// recounted, all of them.
type pendingMonths struct {
	counts    tallies
	recounted bool
}

// flushMonths writes each pending actor's months (the stored ones plus
// what is pending, or the recount), deleting those left empty. The stored
// months come from cache when it has them.
func (p *pendingCounts) flushMonths(txn writer, cache *writeCache) error {
	var buf []byte
	for id, pm := range p.months {
		for i, pt := range pm.counts {
			t := *pt
			if !pm.recounted {
				stored, err := cache.storedMonth(txn, id, i)
				if err != nil {
					return err
				}
				t.add(&stored)
			}
			var err error
			if t.empty() {
				err = txn.Delete(monthKey(id, i))
			} else {
				buf = appendMonth(buf[:0], &t)
				err = txn.Set(monthKey(id, i), slices.Clone(buf))
			}
			if err != nil {
				return err
			}
			cache.keepMonth(id, i, t)
		}
		if pm.recounted {
			// months the recount no longer has
			if err := dropMonths(txn, id, pm.counts); err != nil {
				return err
			}
		}
	}
	return nil
}

// dropMonths deletes the stored months of id that keep does not hold.
func dropMonths(txn writer, id graph.ActorID, keep tallies) error {
	t, err := txnOf(txn)
	if err != nil {
		return err
	}
	var gone [][]byte
	err = eachKey(context.Background(), t, monthsPrefixFor(id), func(k []byte) error {
		if _, i, err := parseMonthKey(k); err != nil || keep[i] == nil {
			gone = append(gone, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range gone {
		err = errors.Join(err, txn.Delete(k))
	}
	return err
}

// storedMonth returns actor id's month i as txn sees it, from the cache
// when it has it. c may be nil.
func (c *writeCache) storedMonth(txn getter, id graph.ActorID, i int) (monthTally, error) {
	if c != nil {
		if t, ok := c.months[rootMonth{id, i}]; ok {
			return t, nil
		}
		if c.allMonths {
			return monthTally{}, nil
		}
	}
	return getMonth(txn, id, i)
}

// keepMonth remembers actor id's month i as written. c may be nil.
func (c *writeCache) keepMonth(id graph.ActorID, i int, t monthTally) {
	if c != nil {
		c.months[rootMonth{id, i}] = t
	}
}

// getMonth reads actor id's month i; a month without articles is zero.
func getMonth(txn getter, id graph.ActorID, i int) (monthTally, error) {
	item, err := txn.Get(monthKey(id, i))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return monthTally{}, nil
	}
	if err != nil {
		return monthTally{}, err
	}
	var t monthTally
	err = item.Value(func(v []byte) error {
		t, err = decodeMonth(v)
		return err
	})
	return t, err
}

// storedMonths reads every month of actor id.
func storedMonths(ctx context.Context, txn *badger.Txn, id graph.ActorID) (tallies, error) {
	ms := tallies{}
	err := eachValue(ctx, txn, monthsPrefixFor(id), func(k, v []byte) error {
		_, i, err := parseMonthKey(k)
		if err != nil {
			return corrupt(err)
		}
		t, err := decodeMonth(v)
		ms[i] = &t
		return err
	})
	return ms, err
}

// affiliations returns a lookup of actors' affiliations as txn sees them
// (from cache when it has them), each read once; an actor without a
// record has none. The first error is kept in *errp.
func affiliations(txn getter, cache *writeCache, errp *error) func(graph.ActorID) graph.ActorID {
	seen := map[graph.ActorID]graph.ActorID{}
	return func(id graph.ActorID) graph.ActorID {
		if aff, ok := seen[id]; ok {
			return aff
		}
		a, _, err := cache.storedActor(txn, id)
		if err != nil && *errp == nil {
			*errp = err
		}
		seen[id] = a.Affiliation
		return a.Affiliation
	}
}

// groupLinks are the links of an article's mentions, grouped by edge.
func groupLinks(txn getter, cache *writeCache, groups []edgeGroup) (articleLinks, error) {
	var err error
	affOf := affiliations(txn, cache, &err)
	al := articleLinks{}
	for _, g := range groups {
		for _, m := range g.mentions {
			al.linkEdge(g.key, m.Date, affOf)
		}
	}
	return al, err
}

// keyLinks are the links of mention keys (all of one article).
func keyLinks(txn getter, keys [][]byte) (articleLinks, error) {
	var err error
	affOf := affiliations(txn, nil, &err)
	al := articleLinks{}
	for _, mk := range keys {
		k, ref, perr := parseMentionKey(mk)
		if perr != nil {
			return nil, corrupt(perr)
		}
		al.linkEdge(k, ref.date, affOf)
	}
	return al, err
}

// recountMonths counts actor id's months from the mention keys of the
// links its view has (gatherLinks: its edges and its affiliates'), each
// article once per month and direction, as txn sees them. An actor
// without a record has none.
func recountMonths(ctx context.Context, txn *badger.Txn, id graph.ActorID) (tallies, error) {
	_, vl, err := gatherLinks(ctx, txn, id, Filter{})
	if errors.Is(err, graph.ErrNotFound) {
		return tallies{}, nil
	}
	if err != nil {
		return nil, err
	}
	type monthArticle struct {
		month   int
		article string
	}
	bits := map[monthArticle]uint32{}
	err = eachLinkMention(ctx, txn, vl.links, func(l graph.Link, date time.Time, article []byte) {
		if date.IsZero() {
			return
		}
		kind := kindIn
		switch {
		case l.Edge.Relation.Symmetric():
			kind = kindSym
		case l.Direction == graph.Out:
			kind = kindOut
		}
		bits[monthArticle{monthIndex(date), string(article)}] |= 1 << (relationIndex(l.Edge.Relation)*kindCount + kind)
	})
	if err != nil {
		return nil, err
	}
	ms := tallies{}
	for ma, b := range bits {
		ms.tally(ma.month).addLinks(b, 1)
	}
	return ms, nil
}

// eachLinkMention calls fn with the link, date and article part of every
// mention key of the links' edges, from a key-only walk: one iterator in
// key order, which seeks only when the next edge's keys do not follow the
// last one's.
func eachLinkMention(ctx context.Context, txn *badger.Txn, links []graph.Link, fn func(l graph.Link, date time.Time, article []byte)) error {
	type edge struct {
		prefix []byte
		link   graph.Link
	}
	edges := make([]edge, len(links))
	for i, l := range links {
		edges[i] = edge{evidencePrefix(l.Edge.EdgeKey), l}
	}
	slices.SortFunc(edges, func(a, b edge) int { return bytes.Compare(a.prefix, b.prefix) })
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(mentionPrefix)})
	defer it.Close()
	for i, e := range edges {
		if i == 0 || !it.ValidForPrefix(e.prefix) {
			it.Seek(e.prefix)
		}
		for ; it.ValidForPrefix(e.prefix); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			k := it.Item().Key()
			date, article, _, ok := mentionSuffix(k[len(e.prefix):])
			if !ok {
				return corrupt(fmt.Errorf("bad mention key %q", k))
			}
			t, err := parseKeyTime(date)
			if err != nil {
				return corrupt(fmt.Errorf("mention key %q: %w", k, err))
			}
			fn(e.link, t, article)
		}
	}
	return nil
}

// lowerMonths takes an article whose mention keys are keys off the months
// of the actors it shows, in txn (Forget).
func lowerMonths(txn *badger.Txn, keys [][]byte) error {
	al, err := keyLinks(txn, keys)
	if err != nil {
		return err
	}
	var p pendingCounts
	p.addMonths(al, -1)
	return p.flushMonths(txn, nil)
}

// monthsTimeline is Timeline from actor id's stored months, for a view
// of every relation or of one (f.Relations), in f.Direction.
func (s *Store) monthsTimeline(ctx context.Context, id graph.ActorID, f Filter) ([]Month, error) {
	if err := id.Validate(); err != nil {
		return nil, fmt.Errorf("store: view: %w", err)
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	var ms tallies
	err := s.view(ctx, func(txn *badger.Txn) error {
		if _, err := getActor(txn, id); err != nil {
			return err
		}
		var err error
		ms, err = storedMonths(ctx, txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	slot := slotBoth
	switch f.Direction {
	case graph.Out:
		slot = slotOut
	case graph.In:
		slot = slotIn
	}
	return monthRows(ms, slot, f.Relations), nil
}

// monthRows turns months into Timeline's rows for one slot, for every
// relation or only rels[0]: one per month from the first to the last
// with an article.
func monthRows(ms tallies, slot int, rels []graph.Relation) []Month {
	one := -1
	if len(rels) == 1 {
		one = relationIndex(rels[0])
	}
	total := func(t *monthTally) int {
		if one >= 0 {
			return t[slot][one]
		}
		return t[slot][relationCount]
	}
	var idx []int
	for i, t := range ms {
		if total(t) > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return []Month{}
	}
	first, last := slices.Min(idx), slices.Max(idx)
	out := make([]Month, 0, last-first+1)
	for i := first; i <= last; i++ {
		row := Month{Start: monthStart(i), Counts: map[graph.Relation]int{}}
		if t := ms[i]; t != nil && total(t) > 0 {
			row.Total = total(t)
			for r, rel := range graph.Relations {
				if n := t[slot][r]; n > 0 && (one < 0 || r == one) {
					row.Counts[rel] = n
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// rewriteMonths recounts actor id's months as txn sees them and writes
// them with w, deleting the months the recount does not have.
func rewriteMonths(ctx context.Context, txn *badger.Txn, w writer, id graph.ActorID) error {
	ms, err := recountMonths(ctx, txn, id)
	if err != nil {
		return err
	}
	var gone [][]byte
	err = eachKey(ctx, txn, monthsPrefixFor(id), func(k []byte) error {
		if _, i, err := parseMonthKey(k); err != nil || ms[i] == nil {
			gone = append(gone, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range gone {
		if err := w.Delete(k); err != nil {
			return err
		}
	}
	for _, i := range slices.Sorted(maps.Keys(ms)) {
		if err := w.Set(monthKey(id, i), appendMonth(nil, ms[i])); err != nil {
			return err
		}
	}
	return nil
}

// rebuildMonths writes every actor's months, recounted, and deletes the
// months of ids that are no actor's (the upgrade to format 15, and
// RebuildAggregates). Each actor's are written whole, so a rebuild
// stopped midway is finished by the next.
func (s *Store) rebuildMonths(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		err := eachKey(ctx, txn, []byte(monthsPrefix), func(k []byte) error {
			if id, _, err := parseMonthKey(k); err != nil || !hasKey(txn, actorKey(id)) {
				return wb.Delete(bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
		return eachKey(ctx, txn, []byte(actorPrefix), func(k []byte) error {
			id, err := parseActorKey(k)
			if err != nil {
				return nil // Check's business
			}
			return rewriteMonths(ctx, txn, batchWriter{wb}, id)
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// batchWriter writes through a WriteBatch (which reads nothing).
type batchWriter struct{ wb *badger.WriteBatch }

func (b batchWriter) Get([]byte) (*badger.Item, error) {
	return nil, errors.New("store: a write batch reads nothing")
}
func (b batchWriter) Set(key, val []byte) error      { return b.wb.Set(key, val) }
func (b batchWriter) SetEntry(e *badger.Entry) error { return b.wb.SetEntry(e) }
func (b batchWriter) Delete(key []byte) error        { return b.wb.Delete(key) }
