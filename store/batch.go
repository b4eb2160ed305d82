package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Batch writes many articles through few large transactions, for bulk
// ingest: one Badger commit for hundreds of articles instead of one each.
// Each article is still stored completely or not at all, and an article
// already stored (or put earlier in the batch) is still a no-op.
//
// A Batch is used by one goroutine. It holds the store's write lock only
// during a call (Put, Flush, Cancel), never between calls, so a batch left
// unflushed blocks no other writer, and PutArticle, Forget or another
// batch may commit between two calls. The batch's open transaction then
// reads what was before them: the next call finds that out (Store.writes
// moved since the transaction began) and writes the transaction's articles
// again into a new one before going on (rebuild), so that what it writes
// rests on what is stored. Finish with Flush (commit what is left) or
// Cancel (drop it); a Batch can be reused after either.
//
// A full transaction is committed without waiting for Badger to write it,
// and the next one filled meanwhile (commitAsync); its articles' done
// functions are called once it is written. The next transaction then does
// not see the last one's writes, so it is filled only while the caches
// answer everything it would read (mayRead: an ingest into a new store);
// otherwise the batch waits for the commit and begins a transaction that
// sees it, as before. Either way each transaction is whole or absent after
// a kill.
type Batch struct {
	s       *Store
	txn     *badger.Txn
	started time.Time
	items   []batchItem // the open transaction's articles, in Put order
	// cache is writeArticle's: the actors this batch upserted and the
	// edges and articles it knows of, as the open transaction sees them. It
	// outlives a commit, so that hundreds of articles naming the same
	// actors and edges do not read them again, but is dropped with a
	// transaction that is not committed and when another writer committed
	// since this batch's last commit (writes).
	cache   *writeCache
	pending pendingCounts // the open transaction's edge counts (aggregate.go)
	writes  uint64        // Store.writes after this batch's last commit
	base    uint64        // Store.writes when the open transaction began
	// ready holds the committed articles whose done functions are still
	// to be called: the public methods call them once they have let go of
	// the write lock, so that a done function may write to the store.
	ready []batchItem
	// meter counts what the open transaction holds, as Badger counts it
	// against maxSize and maxCount (Badger's limits, less a margin).
	meter txnMeter
	// inflight is the transaction committed last, which Badger may still be
	// writing (commitAsync); stale is true when the open transaction began
	// before that commit, and so does not see what it wrote: then what the
	// transaction would read, the caches must answer (mayRead).
	inflight *inflightCommit
	stale    bool
	maxSize  int64
	maxCount int64
	maxAge   time.Duration
	stats    batchStats
	// deferCounts is set by DeferCounts; deferred holds what the
	// committed transactions deferred, to be written (deferred.go), and
	// deferLost is set when they were given up, unwritten: the store's
	// next open recounts them.
	deferCounts bool
	deferred    deferredCounts
	deferLost   bool
}

// inflightCommit is a commit Badger is writing: its articles, and where
// its result comes.
type inflightCommit struct {
	items   []batchItem
	entries int64
	done    chan error
}

// batchStats counts what a Batch did, for tests.
type batchStats struct {
	commits   int
	entries   int64 // in the transactions committed, by the meter
	overflows int   // transactions Badger found too big (an estimate too low)
	async     int   // commits not waited for (commitAsync)
	redone    int   // transactions written again after a stale read
}

// maxCachedEdges and maxCachedArticles bound a batch's cached edges and
// articles (about 40 bytes each): when one is full it starts again empty,
// and what it no longer holds is looked up.
const (
	maxCachedEdges    = 1 << 18
	maxCachedArticles = 1 << 19
)

// batchItem is one article of the open transaction, kept so that the
// transaction can be rebuilt without an article that does not fit.
type batchItem struct {
	p       *Prepared
	outcome Outcome
	done    func(Outcome)
}

// NewBatch returns an empty batch writing to s. A transaction is committed
// when the next article might take it past nine tenths of Badger's
// transaction limits (what it holds is counted as Badger counts it, the
// next article and the edge counts written on commit are estimated on the
// high side, so ErrTxnTooBig stays rare), or when it is a second old and
// another article arrives. Large transactions make a bulk ingest rewrite
// each edge's counts and each actor's counts less often: committing at
// half of an estimate ten times too high made a 110 MB ingest write them
// after every 30 articles or so.
func (s *Store) NewBatch() *Batch {
	return &Batch{
		s:        s,
		meter:    newTxnMeter(s.db.Opts().ValueThreshold),
		maxSize:  s.db.MaxBatchSize() / 10 * 9,
		maxCount: s.db.MaxBatchCount() / 10 * 9,
		maxAge:   time.Second,
	}
}

// txnMeter counts the entries and bytes of a transaction as Badger does
// (Txn.checkSize): per entry its key, its value if shorter than the value
// threshold (else a 12-byte pointer to the value log), 2 bytes of meta
// and 10 of version.
type txnMeter struct {
	threshold   int64
	size, count int64
}

// newTxnMeter meters an empty transaction, which Badger counts as one
// entry (the commit's mark) of len("!badger!txn") + 10 bytes.
func newTxnMeter(threshold int64) txnMeter {
	return txnMeter{threshold: threshold, size: 11 + 10, count: 1}
}

// entrySize is what an entry of key and value adds to a transaction's size.
func (m *txnMeter) entrySize(key, value int) int64 {
	if int64(value) >= m.threshold {
		value = 12
	}
	return int64(key+value) + 2 + 10
}

// maxEntrySize is the most an entry of key bytes and a value of at most
// maxValue bytes adds: a value under the threshold counts in full, a longer
// one as a pointer.
func (m *txnMeter) maxEntrySize(key, maxValue int) int64 {
	return max(m.entrySize(key, min(maxValue, int(m.threshold)-1)), m.entrySize(key, maxValue))
}

func (m *txnMeter) add(key, value []byte) {
	if m != nil {
		m.count++
		m.size += m.entrySize(len(key), len(value))
	}
}

// meteredTxn is a write transaction whose writes are counted in m (if
// not nil).
type meteredTxn struct {
	*badger.Txn
	m *txnMeter
	// stale is set when the transaction does not see the batch's last
	// commit: a read then fails with errStale instead of reading what was
	// before it.
	stale bool
}

// errStale is a read in a transaction that does not see the batch's last
// commit (see Batch.stale), of what the caches did not answer.
var errStale = errors.New("read in a transaction begun before the last commit")

func (t meteredTxn) Get(key []byte) (*badger.Item, error) {
	if t.stale {
		return nil, errStale
	}
	return t.Txn.Get(key)
}

// fresh is errStale if t is stale.
func (t meteredTxn) fresh() error {
	if t.stale {
		return errStale
	}
	return nil
}

func (t meteredTxn) Set(key, val []byte) error {
	t.m.add(key, val)
	return t.Txn.Set(key, val)
}

func (t meteredTxn) SetEntry(e *badger.Entry) error {
	t.m.add(e.Key, e.Value)
	return t.Txn.SetEntry(e)
}

func (t meteredTxn) Delete(key []byte) error {
	t.m.add(key, nil)
	return t.Txn.Delete(key)
}

// w is the open transaction, metered.
func (b *Batch) w() meteredTxn { return meteredTxn{b.txn, &b.meter, b.stale} }

// Put adds an article with its actors and mentions to the batch, with the
// same rules as PutArticle. done, if not nil, is called once the article
// is committed, with added=false if it was already stored. The calls come
// in Put order, from within a later Put or Flush.
//
// Put's error wraps graph.ErrInvalid for invalid input and ErrTooBig for
// an article Prepare refuses; then nothing of that article is stored and
// the batch can go on. An article that does not fit in a transaction on
// its own is committed at once in several (putInParts), whole, and its
// done is called before Put returns. Any other error means
// the batch's uncommitted articles were dropped (their done is not called)
// and the batch is empty again.
func (b *Batch) Put(ctx context.Context, art graph.Article, actors []graph.Actor, mentions []graph.Mention, done func(added bool)) error {
	p, err := Prepare(art, actors, mentions)
	if err != nil {
		return err
	}
	return b.PutPrepared(ctx, p, done)
}

// Prepared is an article made ready for a Batch by Prepare: checked, its
// mentions grouped by edge, their keys and values encoded.
type Prepared struct {
	art      graph.Article
	formerID string // the id an older geokg gave the same text, if any
	hash     edgeID // articleHash(art.ID)
	value    []byte // art encoded
	actors   []graph.Actor
	groups   []edgeGroup
	refs     []graph.ActorID // every actor id the actors and mentions name, sorted
	mentions int
	unlisted bool            // a mention its record does not find (unlistedKey)
	named    []graph.ActorID // the actors it names outside its relations: its i/ keys
}

// Prepare does the part of Batch.Put that needs no store: it checks the
// input (the error wraps graph.ErrInvalid, as Put's) and encodes it. It is
// safe for concurrent use, so that an ingest pipeline runs it on its
// extraction workers and leaves its single writer only the writing.
func Prepare(art graph.Article, actors []graph.Actor, mentions []graph.Mention) (*Prepared, error) {
	p, err := prepare(art, actors, mentions)
	if err != nil {
		return nil, fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	return p, nil
}

// SetFormerID names the id an older geokg gave the same text (a store
// keyed its articles so before ids were of the normalised text): an
// article stored under it is taken for this one, and not stored twice.
func (p *Prepared) SetFormerID(id string) { p.formerID = id }

// PutPrepared is Put for an article that Prepare made ready.
func (b *Batch) PutPrepared(ctx context.Context, p *Prepared, done func(added bool)) error {
	var report func(Outcome)
	if done != nil {
		report = func(o Outcome) { done(o == Added) }
	}
	return b.PutOutcome(ctx, p, report)
}

// PutOutcome is PutPrepared telling done whether the article was added,
// updated (a stored article whose metadata it corrected) or unchanged.
func (b *Batch) PutOutcome(ctx context.Context, p *Prepared, done func(Outcome)) error {
	art := p.art
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	defer b.callDone()
	b.s.writeMu.Lock()
	defer b.s.writeMu.Unlock()
	if err := b.rebuild(); err != nil {
		return fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	var err error
	it := batchItem{p: p, done: done}
	if err := b.openFor(it); err != nil {
		return err
	}
	if len(b.items) > 0 {
		// a stored article whose date is corrected moves its mentions and
		// rewrites their edges' counts, which must then hold no pending
		// counts of the open transaction: commit those first
		var moves bool
		if moves, err = movesDate(b.w(), p, b.cache); err == nil && moves {
			err = b.flush()
			b.begin()
		}
		if err != nil {
			b.discard()
			return fmt.Errorf("store: put article %s: %w", art.ID, err)
		}
	}
	it.outcome, err = writeArticle(b.w(), p, b.cache, &b.pending)
	if errors.Is(err, errStale) {
		// a read the caches were to answer (mayRead): write the
		// transaction again, fresh, with fresh caches
		b.stats.redone++
		if err = b.redo(); err == nil {
			it.outcome, err = writeArticle(b.w(), p, b.cache, &b.pending)
		}
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		it.outcome, err = b.retryAlone(ctx, it)
		if err == nil && b.txn == nil { // committed in parts (putInParts)
			b.ready = append(b.ready, it)
			return nil
		}
	}
	if err != nil {
		if !errors.Is(err, ErrTooBig) {
			b.discard()
		}
		return fmt.Errorf("store: put article %s (%d mentions): %w", art.ID, p.mentions, err)
	}
	b.items = append(b.items, it)
	return nil
}

// openFor makes the open transaction one that item it can go in: the
// current one committed first when it is full or too old, a new one begun
// if there is room on disk for it, and the caches freshened when they are
// full or the article reads what they may not hold.
func (b *Batch) openFor(it batchItem) error {
	if b.txn != nil && (!b.fits(it) || time.Since(b.started) > b.maxAge) {
		if err := b.commitAsync(); err != nil {
			return err
		}
	}
	if b.txn == nil {
		// a new transaction: is there room for it and what it sets off?
		if err := b.s.checkWrite(min(b.maxSize, b.s.db.MaxBatchSize())); err != nil {
			return err
		}
	}
	b.begin()
	if b.cacheFull() || b.mayRead(it.p) {
		if err := b.endDeferral(); err != nil {
			return fmt.Errorf("store: put article %s: %w", it.p.art.ID, err)
		}
		if err := b.freshen(); err != nil {
			return fmt.Errorf("store: put article %s: %w", it.p.art.ID, err)
		}
		b.emptyFullCaches()
	}
	return nil
}

// fits reports whether the open transaction has room for it, with what
// committing it adds (the edges' and actors' counts: pendingCounts).
func (b *Batch) fits(it batchItem) bool {
	size, count := b.estimate(it)
	psize, pcount := b.pending.estimate(&b.meter)
	if b.pending.deferred { // only recountKey (deferred.go)
		psize, pcount = b.meter.maxEntrySize(len(recountKey), 0), 1
	}
	return b.meter.size+psize+size <= b.maxSize && b.meter.count+pcount+count <= b.maxCount
}

// cacheFull reports whether a cache of the batch is full, to be emptied
// (emptyFullCaches) once the open transaction sees the last commit.
func (b *Batch) cacheFull() bool {
	c := b.cache
	return len(c.edges) >= maxCachedEdges || len(c.counted) >= maxCachedEdges ||
		len(c.records) >= maxCachedEdges || len(c.articles) >= maxCachedArticles ||
		len(c.months) >= maxCachedEdges
}

// emptyFullCaches empties the caches that are full: what they no longer
// hold is then read.
func (b *Batch) emptyFullCaches() {
	c := b.cache
	if len(c.edges) >= maxCachedEdges {
		clear(c.edges)
		c.allEdges = false
		c.counts.clear()
	}
	if len(c.counted) >= maxCachedEdges {
		clear(c.counted)
		c.allCounted = false
	}
	if len(c.records) >= maxCachedEdges {
		clear(c.records)
		c.allActors = false
	}
	if len(c.months) >= maxCachedEdges {
		clear(c.months)
		c.allMonths = false
	}
	if len(c.articles) >= maxCachedArticles {
		clear(c.articles)
		c.allArticles = false
	}
}

// mayRead reports whether writing p into the open transaction, and then
// committing it, might read the store rather than the caches: unless the
// caches hold all the store has of articles, edges and their counts,
// actors and their counts and the totals (an ingest into a new store),
// and p is not an article stored already, it may.
func (b *Batch) mayRead(p *Prepared) bool {
	c := b.cache
	if !c.allArticles || !c.allEdges || !c.counts.all || !c.allCounted || !c.allActors || !c.allMonths || c.forgotten {
		return true
	}
	if _, ok := c.articles[p.hash]; ok {
		return true
	}
	return c.totals == nil && !b.defers() // until a commit has read them
}

// commitAsync commits the open transaction without waiting for Badger to
// write it (Txn.CommitWith) and opens the next one at once, before that
// commit, so that the writer fills it while Badger writes the last: on
// two cores the two no longer take turns. The new transaction is stale
// (it does not see that commit); at most one commit is in flight, and its
// articles' done functions are called once it is written (settle).
func (b *Batch) commitAsync() error {
	if err := b.settle(); err != nil {
		return err
	}
	items := b.items
	if handled, err := b.writeCounts(items); handled {
		return err
	}
	next := b.s.db.NewTransaction(true)
	c := &inflightCommit{items: items, entries: b.meter.count, done: make(chan error, 1)}
	b.txn.CommitWith(func(err error) { c.done <- err })
	b.inflight = c
	b.stats.async++
	b.end(true)
	if err := b.s.checkWrite(min(b.maxSize, b.s.db.MaxBatchSize())); err != nil {
		next.Discard()
		return err
	}
	b.txn, b.base, b.started, b.stale = next, b.s.writes, time.Now(), true
	b.startCounts()
	return nil
}

// settle waits for the commit in flight, if any. If it failed, its
// articles are not stored and the open transaction and the caches,
// which rest on them, are dropped.
func (b *Batch) settle() error {
	c := b.inflight
	if c == nil {
		return nil
	}
	b.inflight = nil
	if err := <-c.done; err != nil {
		b.discard()
		b.cache = nil
		b.loseDeferred() // they count its articles
		return fmt.Errorf("store: commit %d articles: %w", len(c.items), err)
	}
	b.stats.commits++
	b.stats.entries += c.entries
	b.ready = append(b.ready, c.items...)
	return nil
}

// freshen makes the open transaction one that sees the batch's last
// commit: it waits for the commit and, if the transaction is stale,
// commits what it holds (the caches answered its reads) or drops it if
// it holds nothing, and begins a new one.
func (b *Batch) freshen() error {
	if err := b.settle(); err != nil {
		return err
	}
	if b.txn == nil || !b.stale {
		return nil
	}
	if len(b.items) == 0 {
		b.txn.Discard() // nothing in it: neither committed nor dropped
		b.txn = nil
		b.pending.reset()
		b.meter = newTxnMeter(b.meter.threshold)
	} else if err := b.flush(); err != nil {
		return err
	}
	b.begin()
	return nil
}

// retryAlone handles an article that overflowed the open transaction: the
// transaction is rebuilt from the batch's other articles and committed,
// and the article is written into a fresh one. If it does not fit there
// either, it is written in several (putInParts), and the batch is left
// without a transaction.
func (b *Batch) retryAlone(ctx context.Context, it batchItem) (Outcome, error) {
	if err := b.settle(); err != nil {
		return Unchanged, err
	}
	items := b.items
	if len(items) > 0 {
		b.stats.overflows++
	}
	if err := b.writeDeferred(); err != nil { // before the caches go
		b.discard()
		return Unchanged, err
	}
	b.discard() // and the caches, which hold what the transaction did
	if len(items) > 0 {
		b.begin()
		for _, old := range items {
			if _, err := writeArticle(b.w(), old.p, b.cache, &b.pending); err != nil {
				return Unchanged, err
			}
		}
		b.items = items
		if err := b.flush(); err != nil {
			return Unchanged, err
		}
	}
	b.begin()
	o, err := writeArticle(b.w(), it.p, b.cache, &b.pending)
	if errors.Is(err, badger.ErrTxnTooBig) {
		b.discard()
		b.s.writes++ // the batch's caches are stale now
		added, err := b.s.putInParts(ctx, it.p)
		if added {
			return Added, err
		}
		return Unchanged, err
	}
	return o, err
}

// rebuild writes the open transaction's articles again into a new one
// when another writer committed since it began (see Batch); the caller
// holds the write lock. An article another writer stored meanwhile is
// then found stored, as it would have been had it come after.
func (b *Batch) rebuild() error {
	if b.txn == nil || b.base == b.s.writes {
		return nil
	}
	return b.redo()
}

// redo writes the open transaction's articles again into a new one, with
// new caches, once the commit in flight is written.
func (b *Batch) redo() error {
	if err := b.settle(); err != nil {
		return err
	}
	if b.txn == nil {
		return nil
	}
	items := b.items
	if err := b.writeDeferred(); err != nil { // before the caches go
		b.discard()
		return err
	}
	b.discard()
	b.begin()
	for i := range items {
		o, err := writeArticle(b.w(), items[i].p, b.cache, &b.pending)
		if err != nil {
			b.discard()
			return err
		}
		items[i].outcome = o
	}
	b.items = items
	return nil
}

// begin opens a transaction if none is open; the caller holds the write
// lock. The caches are kept only if no other writer committed since this
// batch's last commit.
func (b *Batch) begin() {
	if b.txn != nil {
		return
	}
	b.base = b.s.writes
	b.txn = b.s.db.NewTransaction(true) // which waits for the commit in flight
	b.started = time.Now()
	b.stale = false
	b.pending.copies = keepLeadCopies(b.s.db, b.txn)
	b.pending.inCopies = keepInCopies(b.s.db, b.txn)
	b.pending.inRoom = inCopyRoom(b.s.db)
	if b.cache == nil || b.writes != b.s.writes {
		b.loseDeferred() // they rest on the caches
		b.cache = newWriteCache(b.txn)
	}
	b.startCounts()
}

// discard drops the open transaction, with the caches.
func (b *Batch) discard() {
	b.end(false)
}

// end closes the open transaction (committed or not); the caches stay
// only after a commit.
func (b *Batch) end(committed bool) {
	if b.txn == nil {
		return
	}
	b.txn.Discard()
	b.txn = nil
	b.items = nil
	b.pending.reset()
	b.meter = newTxnMeter(b.meter.threshold)
	b.s.writes++
	if committed {
		b.writes = b.s.writes
	} else {
		b.cache = nil
		b.loseDeferred() // they rest on the caches
	}
}

// Flush commits the articles put since the last commit and calls their
// done functions. On error none of them is stored.
func (b *Batch) Flush() error {
	defer b.callDone()
	b.s.writeMu.Lock()
	defer b.s.writeMu.Unlock()
	if err := b.rebuild(); err != nil {
		return fmt.Errorf("store: commit %d articles: %w", len(b.items), err)
	}
	if b.inflight == nil && !b.deferred.any() {
		// the only transaction to write: its counts go in it, as
		// undeferred ones (the r/ keys of the edges it makes too)
		b.pending.deferred = false
	}
	if err := b.flush(); err != nil {
		return err
	}
	return b.writeDeferred()
}

// callDone calls the done functions of the articles committed, in order.
func (b *Batch) callDone() {
	ready := b.ready
	b.ready = nil
	for _, it := range ready {
		if it.done != nil {
			it.done(it.outcome)
		}
	}
}

// flush is Flush, the write lock held: it waits for the commit in
// flight, then commits the open transaction and waits for it.
func (b *Batch) flush() error {
	if err := b.settle(); err != nil {
		return err
	}
	if b.txn == nil {
		return nil
	}
	items := b.items
	if handled, err := b.writeCounts(items); handled {
		return err
	}
	entries := b.meter.count
	err := b.txn.Commit()
	if err == nil {
		b.stats.commits++
		b.stats.entries += entries
	}
	b.end(err == nil)
	if err != nil {
		return fmt.Errorf("store: commit %d articles: %w", len(items), err)
	}
	for _, it := range items {
		b.ready = append(b.ready, it)
	}
	return nil
}

// writeCounts writes the counts of the open transaction's articles into
// it (pendingCounts), before its commit. If that fails it reports
// handled: the edges' counts did not fit after the articles, and items
// were committed in two halves; or a count the caches were to hold was
// read in a stale transaction, and items were written again, fresh, and
// committed; or the transaction is dropped and the error says why.
func (b *Batch) writeCounts(items []batchItem) (handled bool, err error) {
	if b.pending.deferred {
		if err := b.deferCommit(); err != nil {
			b.discard()
			return true, fmt.Errorf("store: commit %d articles: %w", len(items), err)
		}
		return false, nil
	}
	// a stale transaction does not see the last commit, so it cannot
	// tell whether the copies are still current (leadcopy.go)
	b.pending.copies = b.pending.copies && !b.stale && keepLeadCopies(b.s.db, b.txn)
	b.pending.inCopies = b.pending.inCopies && !b.stale && keepInCopies(b.s.db, b.txn)
	err = b.pending.flush(b.w(), b.cache)
	switch {
	case err == nil:
		return false, nil
	case errors.Is(err, badger.ErrTxnTooBig) && len(items) > 1:
		b.discard()
		b.stats.overflows++
		return true, b.flushHalves(items)
	case errors.Is(err, errStale):
		b.stats.redone++
		if err := b.redo(); err != nil {
			return true, err
		}
		return true, b.flush()
	}
	b.discard()
	return true, fmt.Errorf("store: commit %d articles: %w", len(items), err)
}

// flushHalves writes and commits items again in two transactions.
func (b *Batch) flushHalves(items []batchItem) error {
	half := len(items) / 2
	for _, part := range [][]batchItem{items[:half], items[half:]} {
		b.begin()
		for i := range part {
			o, err := writeArticle(b.w(), part[i].p, b.cache, &b.pending)
			if err != nil {
				b.discard()
				return fmt.Errorf("store: commit %d articles: %w", len(part), err)
			}
			part[i].outcome = o
		}
		b.items = part
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

// Cancel drops the articles put since the last commit, without calling
// their done functions (it waits for the last commit, and calls those of
// its articles).
func (b *Batch) Cancel() {
	defer b.callDone()
	b.s.writeMu.Lock()
	defer b.s.writeMu.Unlock()
	_ = b.settle()        // a failed commit drops the rest too
	_ = b.writeDeferred() // else the next open recounts them
	b.discard()
}

// estimate is, on the high side, what putting it adds to the open
// transaction: if new, its record, date and i/ keys and its mentions as
// they are, an e/ and r/ key for each edge, the actors it gives (records,
// names, affiliations) as if all were new; what its edges and actors add
// to the counts written on commit is pendingCounts.estimate's. An article
// already stored may instead move its mentions (updateArticle): two
// entries for each, and an edge's counts.
func (b *Batch) estimate(it batchItem) (size, count int64) {
	m := &b.meter
	p := it.p
	add := func(key, value int) { // value: its length, or the most it can be
		size += m.maxEntrySize(key, value)
		count++
	}
	id := len(p.art.ID)
	add(len(articlePrefix)+id, len(p.value))
	add(len(datedPrefix)+keyTimeLen+id, 0)
	add(len(datedPrefix)+keyTimeLen+id, 0) // a moved date deletes the old
	add(len(unlistedPrefix)+id, 0)
	add(len(forgottenPrefix)+id, 0)
	for _, a := range p.named {
		add(len(namedPrefix)+len(a)+1+id, 0)
	}
	var upserted map[graph.ActorID]graph.Actor
	if b.cache != nil {
		upserted = b.cache.actors
	}
	for _, a := range p.actors {
		if old, ok := upserted[a.ID]; ok && equalActors(old, a) {
			continue // writeBody skips it
		}
		add(len(actorPrefix)+len(a.ID), 1<<10)
		add(len(affilPrefix)+2*graph.MaxIDLen+1, 0)
		for _, name := range append([]string{a.Name, string(a.ID)}, a.Aliases...) {
			add(len(namePrefix)+2*len(name)+1+len(a.ID), 2*len(name)) // a normalised name may be longer
		}
	}
	for _, g := range p.groups {
		ek := len(edgeKey(g.key))
		add(ek, 0)
		add(ek, 0)
		add(ek, maxAggregateLen) // a moved date rewrites the counts at once
		for i, k := range g.keys {
			add(len(k), len(g.values[i]))
			add(len(k), 0) // the key a moved date deletes
		}
	}
	return size, count
}
