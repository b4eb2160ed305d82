package store

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// mentionCursor reads the evidence of many edges in one read transaction
// through one iterator over m/, instead of a new iterator per edge: walks
// over edges (exports, views) visit them mostly in key order, so the
// iterator often already stands at the next edge's first mention and does
// not need a seek.
type mentionCursor struct {
	txn *badger.Txn
	it  *badger.Iterator
	// atStart is true when the iterator stands at the first key of the
	// prefix it is in: after a seek, or after running off the end of the
	// previous edge's mentions.
	atStart bool
	// flaggedOnly makes walk read only the values of mentions flagged
	// metaClaimant (the others count as read): for walks that want
	// claimants alone, in a store that flags them.
	flaggedOnly bool
	// seeks makes the cursor look up edges' counts (e/) and the copies of
	// their first mentions (l/) by seeking an iterator of each (counts,
	// copies: opened on first use) instead of Badger's lookups (see
	// refineLinks).
	seeks          bool
	counts, copies *seeker
	// inCopies steps through the in-edge copies (incopy.go), opened on
	// first use.
	inCopies *seeker
	// key is a buffer for the keys of lookups that keep no key.
	key []byte
}

// cursors holds the open cursor of each read transaction run by
// Store.view. Its rules, which keep it from leaking or being shared:
//
//   - Only Store.view's function, on the goroutine view runs it on, calls
//     cursorFor; goroutines it starts open cursors of their own
//     (newCursor) and close them (refineLinks, orderedOutEdges).
//   - view removes and closes txn's cursor when the function returns or
//     panics (a deferred closeCursor), before Badger discards txn, so an
//     entry lives as long as one view and no txn pointer is reused while
//     its entry is there.
//
// TestCursorsClosed checks that none is left after views that return,
// fail and run in parallel.
var cursors sync.Map // *badger.Txn -> *mentionCursor

// cursorFor returns txn's cursor, opening it on first use.
func cursorFor(txn *badger.Txn) *mentionCursor {
	if c, ok := cursors.Load(txn); ok {
		return c.(*mentionCursor)
	}
	c := newCursor(txn)
	if old, loaded := cursors.LoadOrStore(txn, c); loaded {
		c.close() // not reached under the rules above; never leak one
		return old.(*mentionCursor)
	}
	return c
}

// newCursor opens a cursor of its own, which the caller closes. Values
// are read in place, not prefetched: on a 200 MB store's JSON export with
// every mention, prefetching (a copy of each value) took 10% more CPU for
// the same time.
func newCursor(txn *badger.Txn) *mentionCursor {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(mentionPrefix)
	opts.PrefetchValues = false
	return &mentionCursor{txn: txn, it: txn.NewIterator(opts)}
}

// minParallelLinks is how many links a view must have before refineLinks
// reads them on several goroutines.
const minParallelLinks = 256

// refineLinks reads each link's edge as refine does (its stored counts,
// unless vl holds them, up to f.Evidence mentions, f's narrowing) and
// returns the links it keeps, in the same order. A view of many links is
// read on up to GOMAXPROCS goroutines, each with its own cursor, taking
// runs of linkChunk contiguous links in turn (so each still walks in key
// order within a run). Runs handed out one at a time keep the goroutines
// equally busy: an in-edge costs about twice an out-edge (a lookup of its
// counts and a seek), and a view lists its out-edges first, so halves
// left one goroutine idle for a third of the time. Badger allows
// concurrent iterators in one read transaction.
//
// In a store whose tables lie in one level (f.byLead false: a large
// session's close leaves it so), the cursors look the in-edges' counts
// and the copies of first mentions up by seeking an iterator of each
// rather than by Badger's lookups, which search the same table and
// allocate about a kilobyte each (a table iterator, copies of the key):
// for actor Russia on the 100 MB store, 2,400 lookups of copies and 900
// of counts, 7.0 MB allocated instead of 10. With tables in level 0 the
// lookups' bloom filters skip them where a seek searches each.
//
// Given a holder lh (for vl's links), it holds the first mentions it takes
// from copies there (refineHolding), and leaves lh.held in step with the
// links it returns.
func refineLinks(ctx context.Context, txn *badger.Txn, vl viewLinks, f Filter, lh *leadHolder) ([]graph.Link, error) {
	links := vl.links
	keep := make([]bool, len(links))
	share := func(c *mentionCursor, from, to int) error {
		c.seeks = !f.byLead
		for i := from; i < to; i++ {
			e := &links[i].Edge
			var ok bool
			var err error
			if a, counted := vl.countsOf(i); counted {
				ok, err = refineHolding(ctx, c, e, f, &a, lh, i)
			} else {
				ok, err = refineHolding(ctx, c, e, f, nil, lh, i)
			}
			if err != nil {
				return err
			}
			if keep[i] = ok; ok && !lh.holds(i) {
				if err := evidenceWith(ctx, c, e, f.Evidence); err != nil {
					return err
				}
			}
		}
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), 4, len(links)/minParallelLinks+1)
	if workers <= 1 {
		if err := share(cursorFor(txn), 0, len(links)); err != nil {
			return nil, err
		}
	} else if err := inRuns(txn, len(links), workers, share); err != nil {
		return nil, err
	}
	kept := links[:0]
	for i, l := range links {
		if keep[i] {
			if lh != nil {
				lh.held[len(kept)] = lh.held[i]
			}
			kept = append(kept, l)
		}
	}
	if lh != nil {
		lh.held = lh.held[:len(kept)]
	}
	return kept, nil
}

// linkChunk is how many contiguous links a goroutine of refineLinks takes
// at a time.
const linkChunk = 64

// inRuns calls share with runs of linkChunk of the n links, on workers
// goroutines, each with a cursor of its own, until none is left or one
// fails.
func inRuns(txn *badger.Txn, n, workers int, share func(c *mentionCursor, from, to int) error) error {
	var next atomic.Int64
	errs := make([]error, workers) // one per goroutine: no lock
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			errs[w] = catch(func() error {
				c := newCursor(txn)
				defer c.close()
				for {
					from := int(next.Add(linkChunk)) - linkChunk
					if from >= n {
						return nil
					}
					if err := share(c, from, min(from+linkChunk, n)); err != nil {
						next.Store(int64(n)) // the others stop at their next run
						return err
					}
				}
			})
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// aggregate returns edge k's stored counts.
func (c *mentionCursor) aggregate(k graph.EdgeKey) (aggregate, error) {
	if c.seeks {
		if c.counts == nil {
			c.counts = newSeeker(c.txn, edgePrefix)
		}
		return getAggregate(c.counts, k)
	}
	return getAggregate(c.txn, k)
}

// lookups is what c looks the copies of first mentions up in.
func (c *mentionCursor) lookups() getter {
	if !c.seeks {
		return c.txn
	}
	if c.copies == nil {
		c.copies = newSeeker(c.txn, leadCopyPrefix)
	}
	return c.copies
}

// close closes c's iterators.
func (c *mentionCursor) close() {
	c.it.Close()
	for _, s := range []*seeker{c.counts, c.copies, c.inCopies} {
		if s != nil {
			s.it.Close()
		}
	}
}

// closeCursor closes txn's cursor, if it has one.
func closeCursor(txn *badger.Txn) {
	if c, ok := cursors.LoadAndDelete(txn); ok {
		c.(*mentionCursor).close()
	}
}

// each calls fn with the keys and values of the first limit (-1 = all)
// mentions of edge k, in key order (graph.CompareMentions order). total
// is how many mentions k has, when known (0 if not: see walk). key and v
// are only valid during the call.
func (c *mentionCursor) each(ctx context.Context, k graph.EdgeKey, limit, total int, fn func(key, v []byte) error) error {
	return c.eachLed(ctx, k, "", limit, total, fn)
}

// eachLed is each for an edge whose lead (its first mention's key after
// the edge's prefix, aggregate.lead) is known ("" if not): when only that
// mention is wanted and the cursor does not stand at the edge's mentions
// already, it is read by its key (a lookup, which skips every table whose
// bloom filter says it lacks the key) instead of a seek, which searches
// every table. A lead that finds no key (which Check reports) is left
// for the walk.
func (c *mentionCursor) eachLed(ctx context.Context, k graph.EdgeKey, lead string, limit, total int, fn func(key, v []byte) error) error {
	if lead != "" && !c.flaggedOnly && (limit == 1 || limit != 0 && total == 1) {
		p := evidencePrefix(k)
		if !c.atStart || !c.it.ValidForPrefix(p) {
			item, err := c.txn.Get(append(p, lead...))
			if err == nil {
				return item.Value(func(v []byte) error { return fn(item.Key(), v) })
			}
			if !errors.Is(err, badger.ErrKeyNotFound) {
				return err
			}
		}
	}
	_, err := c.walk(ctx, k, limit, total, fn)
	return err
}

// walk steps through the mention keys of edge k in key order and calls fn
// (if not nil) with the keys and values of the first limit (-1 = all) of
// them. It stops when it has read the values asked for, or seen one key if
// none is, and returns how many keys it visited (0: the edge has no
// mention). Then it steps over the rest of the edge's keys (skip) unless
// total, the edge's mention count when known (else 0), says that there
// are more than skip would step over before seeking anyway.
func (c *mentionCursor) walk(ctx context.Context, k graph.EdgeKey, limit, total int, fn func(key, v []byte) error) (int, error) {
	p := evidencePrefix(k)
	if !c.atStart || !c.it.ValidForPrefix(p) {
		c.it.Seek(p)
	}
	c.atStart = false
	keys, n := 0, 0
	for ; c.it.ValidForPrefix(p); c.it.Next() {
		read := fn != nil && (limit < 0 || n < limit)
		if !read && keys > 0 {
			if total == 0 || total-keys <= maxSkip {
				c.skip(p)
			}
			return keys, nil
		}
		keys++
		if err := ctx.Err(); err != nil {
			return keys, err
		}
		if read {
			if item := c.it.Item(); !c.flaggedOnly || item.UserMeta()&metaClaimant != 0 {
				if err := item.Value(func(v []byte) error { return fn(item.Key(), v) }); err != nil {
					return keys, err
				}
			}
			n++
		}
	}
	c.atStart = true // at the next prefix's first key, or past the end
	return keys, nil
}

// maxSkip is how many keys skip steps over before it leaves the rest to a
// seek: stepping over a key is cheaper than a seek, which searches every
// level of the tree, but not over many. With 64, actor Russia on the 1 GB
// store (about 46 mentions an edge) spent a fifth of its CPU stepping
// over keys; with 16, and no stepping when the edge's count says more are
// left, 0.91x the CPU (the same on the 100 MB store, 5 an edge).
const maxSkip = 16

// skip moves past the rest of prefix p's keys, if there are few of them,
// so that the next edge in key order starts without a seek.
func (c *mentionCursor) skip(p []byte) {
	for range maxSkip {
		c.it.Next()
		if !c.it.ValidForPrefix(p) {
			c.atStart = true
			return
		}
	}
}
