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

// Per-edge aggregates (format 8). An edge's e/ value holds its counts:
// mentions, articles, first and last seen, and mentions and articles per
// status, in under 64 bytes, so that Badger keeps them in its tree
// (badgerOptions' value threshold) and an edge rewritten by every commit
// leaves nothing behind in the value log. They are written in the transaction
// that writes the mentions (so a killed ingest leaves them true), lowered
// by Forget, checked against the mentions by Check and rebuilt from them
// by RebuildAggregates. A query that does not narrow by date or status
// reads them instead of walking the edge's mention keys, so its cost no
// longer grows with the number of mentions.
//
// The articles of an edge are counted once each: an article's mentions
// are all written, and all forgotten, together, so each article adds or
// removes exactly one to Articles and to the status and month counts it
// shows (see contribution).
//
// Articles per month are not kept per edge: a timeline counts an article
// showing several of an actor's edges once, which per-edge counts cannot
// say, so it reads the date and article in the mention keys instead
// (Timeline), without their values.

// aggregate is an edge's counts.
type aggregate struct {
	Mentions int
	Articles int
	// First and Last are the earliest and latest dates of dated mentions
	// (zero when none is dated).
	First, Last time.Time
	// Status holds, in graph.Statuses order, the mentions and articles of
	// each status.
	Status [statusCount]statusTally
	// lead is the edge's first mention (its first key, the first of
	// graph.CompareMentions order): the part of its key after the edge's
	// prefix (mentionKey: date, article, number), "" when not known. A
	// view reads it with one lookup (format 14), which Badger answers
	// from the bloom filter of each table that does not hold it, instead
	// of a seek through every table (leadKey).
	lead string
}

// leadOf is the lead an article's mentions ms of one edge give: the key
// of the first of them, dated the earliest of their dates (zero for an
// undated one, which sorts first), numbered 0. An article's mentions of
// an edge are numbered in CompareMentions order when they are stored
// (Prepare), and a change of the article's date moves them all to one
// date (moveMentions), so its first key is number 0, at their earliest
// date.
func leadOf(ms []graph.Mention) string {
	first := ms[0].Date
	for _, m := range ms[1:] {
		if m.Date.Before(first) {
			first = m.Date
		}
	}
	b := appendKeyTime(nil, first)
	b = appendArticlePart(b, ms[0].Article)
	return string(binary.BigEndian.AppendUint16(b, 0))
}

// leadKey is the key of edge k's first mention, from its aggregate's
// lead (nil when the lead is not known).
func leadKey(k graph.EdgeKey, lead string) []byte {
	if lead == "" {
		return nil
	}
	return append(evidencePrefix(k), lead...)
}

// minLead is the lesser of two leads (key order), "" counting as none.
func minLead(a, b string) string {
	if a == "" || b != "" && b < a {
		return b
	}
	return a
}

const statusCount = 4 // len(graph.Statuses)

type statusTally struct{ Mentions, Articles int }

func statusIndex(s graph.Status) int { return slices.Index(graph.Statuses, s) }

// contribution is what one article's mentions of an edge (ms, all of one
// article) add to the edge's aggregate.
func contribution(ms []graph.Mention) aggregate {
	var a aggregate
	if len(ms) == 0 {
		return a
	}
	a.Mentions, a.Articles = len(ms), 1
	a.lead = leadOf(ms)
	var statuses [statusCount]bool
	for _, m := range ms {
		if i := statusIndex(m.Status); i >= 0 {
			a.Status[i].Mentions++
			statuses[i] = true
		}
		if m.Date.IsZero() {
			continue
		}
		a.widen(m.Date, m.Date)
	}
	for i, ok := range statuses {
		if ok {
			a.Status[i].Articles = 1
		}
	}
	return a
}

// widen extends the seen dates to first and last.
func (a *aggregate) widen(first, last time.Time) {
	if first.IsZero() {
		return
	}
	if a.First.IsZero() || first.Before(a.First) {
		a.First = first
	}
	if last.After(a.Last) {
		a.Last = last
	}
}

// add adds b's counts to a and widens a's dates to b's.
func (a *aggregate) add(b aggregate) { a.combine(b, 1) }

// sub takes b's counts off a; the dates and the lead are left for the
// caller to recompute (see seenDates and seenLead).
func (a *aggregate) sub(b aggregate) { a.combine(b, -1) }

func (a *aggregate) combine(b aggregate, sign int) {
	a.Mentions += sign * b.Mentions
	a.Articles += sign * b.Articles
	for i := range a.Status {
		a.Status[i].Mentions += sign * b.Status[i].Mentions
		a.Status[i].Articles += sign * b.Status[i].Articles
	}
	if sign > 0 {
		a.widen(b.First, b.Last)
		a.lead = minLead(a.lead, b.lead)
	}
}

// String shows the counts for Check's reports.
func (a aggregate) String() string {
	return fmt.Sprintf("{%d mentions, %d articles, %s..%s, statuses %v, first mention %x}",
		a.Mentions, a.Articles, graph.FormatDate(a.First), graph.FormatDate(a.Last), a.Status, a.lead)
}

// setCounts copies the aggregate's counts and dates to e.
func (a aggregate) setCounts(e *graph.Edge) {
	e.Mentions, e.Articles = a.Mentions, a.Articles
	e.FirstSeen, e.LastSeen = a.First, a.Last
}

// aggregateV3 starts an encoded aggregate (format 14); aggregateV2
// (formats 8 to 13) started one without the lead, which decodes with none.
// Format 3 to 6 e/ values are empty, format 7's started with 0xA6 and held
// months too, format 2's held other counts: the upgrade rebuilds them all.
const (
	aggregateV2 = 0xA7
	aggregateV3 = 0xA8
)

// Lead forms (appendAggregate): the lead's date is the edge's first seen
// date, or the zero time (an undated mention sorts first), or else
// written out.
const (
	leadNone = iota
	leadAtFirst
	leadUndated
	leadDated
)

// appendAggregate appends a's encoding: the byte aggregateV3, then
// uvarints: mentions, articles, per status mentions and articles; then a
// byte, 1 if a mention is dated, and if so the first and last dates, each
// a varint of Unix seconds and a uvarint of nanoseconds; then the lead: a
// byte saying where its date is (leadNone, leadAtFirst, leadUndated, or
// leadDated followed by the date's 12 bytes), and unless none, the rest
// of it (article part and number, 19 bytes for a content-hash id) after
// its length as a uvarint. A busy edge takes about 60 bytes, under
// Badger's value threshold (badgerOptions).
func appendAggregate(b []byte, a aggregate) []byte {
	b = append(b, aggregateV3)
	b = binary.AppendUvarint(b, uint64(a.Mentions))
	b = binary.AppendUvarint(b, uint64(a.Articles))
	for _, s := range a.Status {
		b = binary.AppendUvarint(b, uint64(s.Mentions))
		b = binary.AppendUvarint(b, uint64(s.Articles))
	}
	if a.First.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		for _, t := range []time.Time{a.First, a.Last} {
			b = binary.AppendVarint(b, t.Unix())
			b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
		}
	}
	return appendLead(b, a)
}

// appendLead appends a.lead's form (see appendAggregate).
func appendLead(b []byte, a aggregate) []byte {
	if len(a.lead) <= keyTimeLen {
		return append(b, leadNone)
	}
	date, rest := a.lead[:keyTimeLen], a.lead[keyTimeLen:]
	switch {
	case date == string(keyTime(time.Time{})):
		b = append(b, leadUndated)
	case !a.First.IsZero() && date == string(keyTime(a.First)):
		b = append(b, leadAtFirst)
	default:
		b = append(append(b, leadDated), date...)
	}
	b = binary.AppendUvarint(b, uint64(len(rest)))
	return append(b, rest...)
}

var errBadAggregate = errors.New("bad edge counts")

// decodeAggregate reads appendAggregate's form.
func decodeAggregate(b []byte) (aggregate, error) {
	var a aggregate
	if len(b) == 0 || b[0] != aggregateV2 && b[0] != aggregateV3 {
		return a, fmt.Errorf("%w: no counts (%d bytes)", errBadAggregate, len(b))
	}
	r := aggReader{b: b[1:]}
	a.Mentions, a.Articles = r.uint(), r.uint()
	for i := range a.Status {
		a.Status[i].Mentions, a.Status[i].Articles = r.uint(), r.uint()
	}
	switch dated := r.byte(); {
	case dated == 1:
		a.First, a.Last = r.time(), r.time()
	case dated != 0:
		r.err = errBadAggregate
	}
	if b[0] == aggregateV3 {
		a.lead = r.lead(a.First)
	}
	if r.err != nil || len(r.b) != 0 {
		return a, fmt.Errorf("%w: %x", errBadAggregate, b)
	}
	return a, nil
}

// aggReader reads decodeAggregate's fields, remembering the first error.
type aggReader struct {
	b   []byte
	err error
}

func (r *aggReader) uint() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<40 {
		r.err, r.b = errBadAggregate, nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *aggReader) time() time.Time {
	sec, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errBadAggregate, nil
		return time.Time{}
	}
	r.b = r.b[n:]
	nsec := r.uint()
	if nsec >= 1e9 {
		r.err = errBadAggregate
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// lead reads appendLead's form, for an edge first seen on first.
func (r *aggReader) lead(first time.Time) string {
	var buf [keyTimeLen]byte // the date, without an allocation
	var date []byte
	switch r.byte() {
	case leadNone:
		return ""
	case leadAtFirst:
		if first.IsZero() {
			r.err = errBadAggregate
		}
		date = appendKeyTime(buf[:0], first)
	case leadUndated:
		date = appendKeyTime(buf[:0], time.Time{})
	case leadDated:
		date = r.bytes(keyTimeLen)
	default:
		r.err = errBadAggregate
	}
	rest := r.bytes(r.uint())
	if r.err != nil {
		return ""
	}
	if !validLeadRest(rest) {
		r.err = errBadAggregate
		return ""
	}
	return string(date) + string(rest)
}

// validLeadRest reports whether rest is what a mention key holds after
// its date (mentionSuffix): an article part and a 2-byte number.
func validLeadRest(rest []byte) bool {
	if len(rest) < 1+2 {
		return false
	}
	article := rest[:len(rest)-2]
	switch article[0] {
	case 0:
		return len(article) == 17
	case 1:
		return len(article) > 2 && article[len(article)-1] == 0
	}
	return false
}

// bytes reads the next n bytes.
func (r *aggReader) bytes(n int) []byte {
	if n > len(r.b) {
		r.err, r.b = errBadAggregate, nil
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *aggReader) byte() byte {
	if len(r.b) == 0 {
		r.err = errBadAggregate
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// getAggregate reads edge k's aggregate as txn sees it. An edge without
// counts yet (new in txn) has the zero aggregate; a missing edge is
// graph.ErrNotFound.
func getAggregate(txn getter, k graph.EdgeKey) (aggregate, error) {
	item, err := txn.Get(edgeKey(k))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return aggregate{}, fmt.Errorf("edge %s %s %s: %w", k.Source, k.Relation, k.Target, graph.ErrNotFound)
	}
	if err != nil {
		return aggregate{}, err
	}
	return itemAggregate(item)
}

// itemAggregate decodes the aggregate in an e/ item; an empty value is
// the zero aggregate (an edge made in the open transaction).
func itemAggregate(item *badger.Item) (aggregate, error) {
	var a aggregate
	err := item.Value(func(v []byte) error {
		if len(v) == 0 {
			return nil
		}
		var err error
		a, err = decodeAggregate(v)
		return err
	})
	if err != nil {
		return a, corrupt(fmt.Errorf("edge %q: %w", item.Key(), err))
	}
	return a, nil
}

// pendingCounts holds what a transaction's articles add to each edge's
// aggregate, written once per edge when the transaction is about to be
// committed (flush): an edge named by a hundred articles of a batch is
// rewritten once, not a hundred times.
type pendingCounts struct {
	// edges holds each edge's pending counts in the order first met, at
	// the index at gives by its edgeID (hashing an id is cheaper than
	// hashing a key's three strings, and the slice spares an allocation
	// per edge)
	edges  []pendingEdge
	at     map[edgeID]int
	actors map[graph.ActorID]actorCounts // what the actors' counts gain
	totals totals                        // what the store's totals gain (totals.go)
	// edgeKeyBytes and actorKeyBytes are the lengths of the e/ and c/
	// keys flush will write, for estimate.
	edgeKeyBytes, actorKeyBytes int
	// freshEdges and freshKeyBytes are the number and length of the r/
	// keys flush will write (deferred counts only)
	freshEdges, freshKeyBytes int
	// copies is true when flush records the copies of first mentions as
	// still current in the transaction (leadcopy.go).
	copies bool
	// inCopies is true when flush deletes the in-edge copies of the
	// edges whose counts it writes and records the others as still
	// current (incopy.go).
	inCopies bool
	// inRoom, when not 0, has flush write those in-edge copies again
	// with the new counts, each shorter than inRoom (inCopyRoom), and
	// renewals holds them meanwhile (renewInCopies).
	inRoom   int64
	renewals []inRenewal
	// months holds what the actors' months gain (months.go), monthKeys
	// and monthKeyBytes the number and length of the v/ keys flush will
	// write, for estimate.
	months                   map[graph.ActorID]*pendingMonths
	monthKeys, monthKeyBytes int
	// deferred is set on the pending counts of a transaction whose
	// counts a Batch defers (deferred.go): addEdge then writes no e/ or
	// r/ key for a new edge but marks it fresh, for flush to write;
	// prior holds what the batch's committed transactions deferred, and
	// rejoined the actors whose months must be recounted once the
	// deferred counts are written.
	deferred bool
	prior    *pendingCounts
	rejoined map[graph.ActorID]bool
	// kept, when not nil, keeps the copies of the edges flushEdges
	// writes, for the close (keptcopy.go)
	kept *keptCopies
}

// actorEdges is how many edges the pending counts, and those deferred
// before them, add to actor id's.
func (p *pendingCounts) actorEdges(id graph.ActorID) int {
	n := p.actors[id].Edges
	if p.prior != nil {
		n += p.prior.actors[id].Edges
	}
	return n
}

// addActor adds to actor id's pending counts.
func (p *pendingCounts) addActor(id graph.ActorID, edges, articles int) {
	if p.actors == nil {
		p.actors = map[graph.ActorID]actorCounts{}
	}
	c, ok := p.actors[id]
	if !ok {
		p.actorKeyBytes += len(actorCountPrefix) + len(id)
	}
	c.Edges += edges
	c.Articles += articles
	p.actors[id] = c
}

// estimate is, on the high side, what flush adds to a transaction that m
// meters: an e/ value per edge, a c/ value per actor and the totals.
func (p *pendingCounts) estimate(m *txnMeter) (size, count int64) {
	edges, actors := int64(len(p.edges)), int64(len(p.actors))
	size = m.maxEntrySize(0, maxAggregateLen)*edges + int64(p.edgeKeyBytes) +
		m.maxEntrySize(0, maxActorCountsLen)*actors + int64(p.actorKeyBytes) +
		m.maxEntrySize(len(totalsKey), (1+2*relationCount)*6)
	count = edges + actors + 1
	size += m.maxEntrySize(0, 0)*int64(p.freshEdges) + int64(p.freshKeyBytes)
	count += int64(p.freshEdges)
	size += m.maxEntrySize(0, maxMonthLen)*int64(p.monthKeys) + int64(p.monthKeyBytes)
	count += int64(p.monthKeys)
	if p.copies {
		size += m.maxEntrySize(len(leadCopiesKey), 0)
		count++
	}
	if p.inCopies {
		size += m.maxEntrySize(0, 0)*edges + int64(p.edgeKeyBytes) + m.maxEntrySize(len(inCopiesKey), 0)
		count += edges + 1
	}
	return size, count
}

// maxAggregateLen and maxActorCountsLen bound appendAggregate's and
// appendActorCounts' encodings: counts below 1<<40 (decodeAggregate's
// limit) take at most 6 bytes as uvarints, a date at most 10 + 5.
const (
	maxAggregateLen   = 1 + 2*6 + statusCount*2*6 + 1 + 2*(10+5) + maxLeadLen
	maxActorCountsLen = 2 * 6
	// maxLeadLen bounds appendLead's: the form, a date, the length, and
	// an article part (an id of up to 128 bytes between two) and number.
	maxLeadLen = 1 + keyTimeLen + 2 + 130 + 2
)

type pendingEdge struct {
	key   graph.EdgeKey
	id    edgeID
	delta aggregate
	// fresh is set for an edge made by a transaction whose counts are
	// deferred: flush writes its r/ key too
	fresh bool
	// leadValue is the value of the mention at delta's lead, when the
	// transaction writes it (nil otherwise): a renewed in-edge copy's
	// first mention (renewalOf)
	leadValue []byte
}

func (p *pendingCounts) add(k graph.EdgeKey, id edgeID, a aggregate) {
	p.addEdge(pendingEdge{key: k, id: id, delta: a})
}

// addEdge adds pe's delta to its edge's pending counts (and its
// freshness).
func (p *pendingCounts) addEdge(pe pendingEdge) {
	if p.at == nil {
		p.at = map[edgeID]int{}
	}
	keyLen := len(edgePrefix) + len(pe.key.Source) + len(pe.key.Relation) + len(pe.key.Target) + 2
	i, ok := p.at[pe.id]
	if !ok {
		i = len(p.edges)
		p.at[pe.id] = i
		p.edges = append(p.edges, pendingEdge{key: pe.key, id: pe.id})
		p.edgeKeyBytes += keyLen
	}
	e := &p.edges[i]
	e.delta.add(pe.delta)
	if pe.leadValue != nil && e.delta.lead == pe.delta.lead {
		e.leadValue = pe.leadValue
	}
	if pe.fresh && !e.fresh {
		e.fresh = true
		p.freshEdges++
		p.freshKeyBytes += keyLen
	}
}

// flush writes each pending edge's aggregate (the stored one plus what
// is pending) into txn and empties p. The stored aggregate comes from
// cache when it has it (see countCache), else from txn.
func (p *pendingCounts) flush(txn writer, cache *writeCache) error {
	if err := p.flushEdges(txn, cache); err != nil {
		return err
	}
	if err := cache.addActorCounts(txn, p.actors); err != nil {
		return err
	}
	if err := cache.addTotals(txn, p.totals); err != nil {
		return err
	}
	if err := p.flushMonths(txn, cache); err != nil {
		return err
	}
	if p.copies {
		if err := stampLeadCopies(txn); err != nil {
			return err
		}
	}
	if p.inCopies {
		if err := stampInCopies(txn); err != nil {
			return err
		}
		// last: a copy that finds no room stays deleted
		if err := renewInCopies(txn, p.inRoom, p.renewals); err != nil {
			return err
		}
	}
	p.reset()
	return nil
}

// flushEdges is flush for the pending edges' counts (and the r/ keys of
// fresh ones).
func (p *pendingCounts) flushEdges(txn writer, cache *writeCache) error {
	var buf []byte
	for i := range p.edges {
		pe := &p.edges[i]
		k := pe.key
		stored, err := cache.storedCounts(txn, k, pe.id)
		if err != nil {
			return err
		}
		stored.add(pe.delta)
		buf = appendAggregate(buf[:0], stored)
		counts := slices.Clone(buf)
		if err := txn.Set(edgeKey(k), counts); err != nil {
			return err
		}
		if pe.fresh {
			if err := txn.Set(revKey(k), nil); err != nil {
				return err
			}
		}
		if p.kept != nil {
			p.kept.add(pe, stored, counts)
		}
		// its in-edge copy holds the counts just replaced (incopy.go)
		if p.inCopies {
			if err := p.retireInCopy(txn, pe, stored, counts); err != nil {
				return err
			}
		}
		cache.remember(pe.id, buf)
	}
	return nil
}

func (p *pendingCounts) reset() {
	clear(p.actors)
	clear(p.at)
	clear(p.edges) // no strings kept alive
	p.edges = p.edges[:0]
	p.totals = totals{}
	p.edgeKeyBytes, p.actorKeyBytes = 0, 0
	p.freshEdges, p.freshKeyBytes = 0, 0
	p.copies, p.inCopies = false, false
	p.inRoom = 0
	clear(p.renewals)
	p.renewals = p.renewals[:0]
	clear(p.months)
	p.monthKeys, p.monthKeyBytes = 0, 0
	clear(p.rejoined)
}

// countCache keeps the encoded aggregates a writer wrote, so that the
// next commit naming the same edges need not read them back: a lookup
// of each edge a batch names cost 40% of an ingest's CPU. The encodings
// sit end to end in one buffer and the map holds where, so that neither
// holds pointers for the garbage collector to scan.
type countCache struct {
	at    map[edgeID]countRef
	arena []byte
	// all is true when at holds every edge of the store (the cache was
	// made on a store without edges and never emptied): an edge it lacks
	// has no counts yet.
	all bool
}

type countRef struct{ off, n uint32 }

// maxCountArena bounds a countCache's buffer: when the live encodings
// alone fill it, it starts again empty, and what it no longer holds is
// looked up.
const maxCountArena = 256 << 20

// storedCounts returns edge k's aggregate as txn sees it, from the cache
// if it has it. c may be nil.
func (c *writeCache) storedCounts(txn getter, k graph.EdgeKey, id edgeID) (aggregate, error) {
	if c != nil {
		if ref, ok := c.counts.at[id]; ok {
			return decodeAggregate(c.counts.arena[ref.off : ref.off+ref.n])
		}
		if c.counts.all {
			return aggregate{}, nil
		}
	}
	stored, err := getAggregate(txn, k)
	if errors.Is(err, graph.ErrNotFound) {
		return stored, nil // an edge made by the transaction
	}
	return stored, err
}

// remember keeps the encoded aggregate v of edge id. c may be nil.
func (c *writeCache) remember(id edgeID, v []byte) {
	if c != nil {
		c.counts.put(id, v)
	}
}

func (cc *countCache) put(id edgeID, v []byte) {
	if cc.at == nil {
		cc.at = map[edgeID]countRef{}
	}
	if len(cc.arena)+len(v) > cap(cc.arena) && len(cc.arena) > 1<<20 {
		cc.compact()
	}
	cc.at[id] = countRef{uint32(len(cc.arena)), uint32(len(v))}
	cc.arena = append(cc.arena, v...)
}

// compact copies the live encodings (each edge's last) into a new buffer
// twice their size; past maxCountArena, it empties the cache.
func (cc *countCache) compact() {
	live := 0
	for _, ref := range cc.at {
		live += int(ref.n)
	}
	if 2*live > maxCountArena {
		cc.clear()
		return
	}
	arena := make([]byte, 0, max(2*live, 1<<20))
	for id, ref := range cc.at {
		cc.at[id] = countRef{uint32(len(arena)), ref.n}
		arena = append(arena, cc.arena[ref.off:ref.off+ref.n]...)
	}
	cc.arena = arena
}

// clear empties the cache, which then no longer knows every edge.
func (cc *countCache) clear() {
	clear(cc.at)
	cc.arena, cc.all = nil, false
}

// recountAll walks every mention once, in key order, and calls fn with
// each edge that has mentions and the aggregate they make (whether or not
// the edge has an e/ key), for Check, RebuildAggregates and the upgrade.
// A mention key or value that does not parse is skipped (Check reports
// it).
func recountAll(ctx context.Context, txn *badger.Txn, fn func(graph.EdgeKey, aggregate) error) error {
	return recountUnder(ctx, txn, []byte(mentionPrefix), fn)
}

// recountEdge rewrites edge k's aggregate from its mentions as w's open
// transaction sees them.
func recountEdge(ctx context.Context, w *partWriter, k graph.EdgeKey) error {
	a := aggregate{}
	err := recountUnder(ctx, w.txn, evidencePrefix(k), func(_ graph.EdgeKey, got aggregate) error {
		a = got
		return nil
	})
	if err != nil {
		return err
	}
	return w.Set(edgeKey(k), appendAggregate(nil, a))
}

// recountUnder is recountAll for the mentions under prefix.
func recountUnder(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(graph.EdgeKey, aggregate) error) error {
	var cur graph.EdgeKey
	var curPrefix []byte
	// an article's mentions of an edge with different dates are not
	// adjacent: they are grouped by article until the edge ends
	byArticle := map[string][]graph.Mention{}
	var articles []string
	var lead string // the edge's first key that decodes: its lead, as its keys say
	finish := func() error {
		if len(articles) == 0 {
			return nil
		}
		var total aggregate
		for _, id := range articles {
			total.add(contribution(byArticle[id]))
		}
		total.lead = lead
		clear(byArticle)
		articles = articles[:0]
		lead = ""
		return fn(cur, total)
	}
	err := eachItem(ctx, txn, prefix, func(item *badger.Item) error {
		key := item.Key()
		if curPrefix == nil || !bytes.HasPrefix(key, curPrefix) {
			k, _, err := parseMentionKey(key)
			if err != nil {
				return nil
			}
			if err := finish(); err != nil {
				return err
			}
			cur, curPrefix = k, evidencePrefix(k)
		}
		var m graph.Mention
		err := item.Value(func(v []byte) error {
			var err error
			m, err = decodeMention(cur, key, v)
			return err
		})
		if err != nil {
			return nil
		}
		if lead == "" {
			lead = string(key[len(curPrefix):])
		}
		if _, ok := byArticle[m.Article]; !ok {
			articles = append(articles, m.Article)
		}
		byArticle[m.Article] = append(byArticle[m.Article], m)
		return nil
	})
	if err != nil {
		return err
	}
	return finish()
}

// RebuildAggregates recounts every edge's aggregate from its mentions and
// writes those that differ from the stored ones, in batches (a rebuild
// stopped midway leaves each edge either as it was or rebuilt, and a new
// one finishes the job), then the store's totals (totals.go) from them,
// then every actor's months (months.go) from the mention keys.
// It returns how many edges it rewrote. Edges without mentions and
// mentions without an edge are left as they are: Check reports them.
func (s *Store) RebuildAggregates(ctx context.Context) (int, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.writes++
	n, err := s.rebuildAggregates(ctx)
	if err != nil {
		return n, fmt.Errorf("store: rebuild edge counts: %w", err)
	}
	return n, nil
}

func (s *Store) rebuildAggregates(ctx context.Context) (int, error) {
	n, err := s.rebuildEdgeCounts(ctx)
	if err != nil {
		return n, err
	}
	if err := s.rebuildTotals(ctx); err != nil {
		return n, err
	}
	return n, s.rebuildMonths(ctx)
}

// rebuildEdgeCounts is rebuildAggregates for the edges' counts.
func (s *Store) rebuildEdgeCounts(ctx context.Context) (int, error) {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		return recountAll(ctx, txn, func(k graph.EdgeKey, a aggregate) error {
			item, err := txn.Get(edgeKey(k))
			if errors.Is(err, badger.ErrKeyNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			want := appendAggregate(nil, a)
			same := false
			if err := item.Value(func(v []byte) error { same = bytes.Equal(v, want); return nil }); err != nil {
				return err
			}
			if same {
				return nil
			}
			n++
			return wb.Set(edgeKey(k), want)
		})
	})
	if err != nil {
		return 0, err
	}
	return n, wb.Flush()
}

// seenDates sets a's first and last dates from edge k's dated mention
// keys as txn sees them: the first key after the undated ones, and the
// last key.
func seenDates(txn *badger.Txn, k graph.EdgeKey, a *aggregate) error {
	a.First, a.Last = time.Time{}, time.Time{}
	prefix := evidencePrefix(k)
	date := func(key []byte) (time.Time, error) {
		d, _, _, ok := mentionSuffix(key[len(prefix):])
		if !ok {
			return time.Time{}, corrupt(fmt.Errorf("bad mention key %q", key))
		}
		return parseKeyTime(d)
	}
	fwd := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer fwd.Close()
	// undated mentions (the zero time) sort first: seek past them
	fwd.Seek(append(slices.Clip(prefix), keyTime(time.Time{}.Add(time.Nanosecond))...))
	if !fwd.ValidForPrefix(prefix) {
		return nil
	}
	first, err := date(fwd.Item().Key())
	if err != nil {
		return err
	}
	rev := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true})
	defer rev.Close()
	rev.Seek(append(slices.Clip(prefix), 0xFF))
	if !rev.ValidForPrefix(prefix) {
		return nil
	}
	last, err := date(rev.Item().Key())
	if err != nil {
		return err
	}
	a.widen(first, last)
	return nil
}

// seenLead sets a's lead from edge k's first mention key as txn sees it
// (none if it has no mention left).
func seenLead(txn *badger.Txn, k graph.EdgeKey, a *aggregate) {
	a.lead = ""
	prefix := evidencePrefix(k)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	if it.Seek(prefix); it.ValidForPrefix(prefix) {
		a.lead = string(it.Item().Key()[len(prefix):])
	}
}

// Per-actor counts (format 11): c/<actor id> holds, as two uvarints, the
// edges an actor is an end of (its e/ and r/ keys: the degree Actors
// gives) and the distinct articles that show any of them (what Stats
// ranks the most connected actors by). A commit adds what its new edges
// and articles add; Forget takes off what it removes; Check recounts them.
const actorCountPrefix = "c/"

func actorCountKey(id graph.ActorID) []byte { return join(actorCountPrefix, string(id)) }

type actorCounts struct{ Edges, Articles int }

func appendActorCounts(b []byte, c actorCounts) []byte {
	b = binary.AppendUvarint(b, uint64(c.Edges))
	return binary.AppendUvarint(b, uint64(c.Articles))
}

func decodeActorCounts(b []byte) (actorCounts, error) {
	r := aggReader{b: b}
	c := actorCounts{r.uint(), r.uint()}
	if r.err != nil || len(r.b) != 0 {
		return c, corrupt(fmt.Errorf("%w: actor counts %x", errBadAggregate, b))
	}
	return c, nil
}

// getActorCounts reads actor id's counts; an actor without any has zero.
func getActorCounts(txn getter, id graph.ActorID) (actorCounts, error) {
	item, err := txn.Get(actorCountKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return actorCounts{}, nil
	}
	if err != nil {
		return actorCounts{}, err
	}
	var c actorCounts
	err = item.Value(func(v []byte) error {
		c, err = decodeActorCounts(v)
		return err
	})
	return c, err
}

// addActorCounts adds d to the stored counts of each actor, in id order.
func addActorCounts(txn writer, d map[graph.ActorID]actorCounts) error {
	var none *writeCache
	return none.addActorCounts(txn, d)
}

// addActorCounts is the package's addActorCounts for a writer with a
// cache: the counts it wrote or read before are taken from it instead of
// read back (a Txn.Get per actor per commit cost a bulk ingest a tenth of
// its CPU, most of it walking level-0 tables), and it keeps the new ones.
// c may be nil.
func (c *writeCache) addActorCounts(txn writer, d map[graph.ActorID]actorCounts) error {
	for _, id := range slices.Sorted(maps.Keys(d)) {
		cur, err := c.actorCounts(txn, id)
		if err != nil {
			return err
		}
		cur.Edges += d[id].Edges
		cur.Articles += d[id].Articles
		if err := txn.Set(actorCountKey(id), appendActorCounts(nil, cur)); err != nil {
			return err
		}
		if c != nil {
			c.counted[id] = cur
		}
	}
	return nil
}

// actorCounts returns actor id's counts as txn sees them, from the cache
// if it has them. c may be nil.
func (c *writeCache) actorCounts(txn getter, id graph.ActorID) (actorCounts, error) {
	if c != nil {
		if cur, ok := c.counted[id]; ok || c.allCounted {
			return cur, nil
		}
	}
	return getActorCounts(txn, id)
}

// recountActor counts actor id's edges and distinct articles from its
// e/, r/ and mention keys, as txn sees them.
func recountActor(ctx context.Context, txn *badger.Txn, id graph.ActorID) (actorCounts, error) {
	out, err := countKeys(txn, outPrefix(id))
	if err != nil {
		return actorCounts{}, err
	}
	in, err := countKeys(txn, inPrefix(id))
	if err != nil {
		return actorCounts{}, err
	}
	articles, err := distinctArticles(ctx, txn, id)
	return actorCounts{out + in, articles}, err
}

// rebuildActorCounts writes every actor's counts, recounted (the upgrade
// to format 11).
func (s *Store) rebuildActorCounts(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(ctx, txn, []byte(actorPrefix), func(k []byte) error {
			id, err := parseActorKey(k)
			if err != nil {
				return nil // Check's business
			}
			c, err := recountActor(ctx, txn, id)
			if err != nil {
				return err
			}
			return wb.Set(actorCountKey(id), appendActorCounts(nil, c))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
