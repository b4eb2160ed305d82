package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// An article with more mentions than one Badger transaction takes (about
// 13,000 entries with badgerOptions) is written in several, and still
// appears all at once or never:
//
//  1. a first transaction writes w/<article id>, whose value lists the
//     article's edges and i/ keys (one key a line);
//  2. its i/ keys, actors and mentions follow in as many transactions as they need
//     (partWriter), but no article record: the article is not stored yet,
//     so ingesting it again writes it again;
//  3. a last transaction writes the article record and deletes w/<id>.
//
// If a step fails (a full disk, Ctrl-C between two transactions), what was
// written is rolled back (rollBackPart: the listed i/ keys, the article's
// mentions on the listed edges, and those edges if no mention is left)
// before the error is
// returned. If the process dies first, w/<id> stays, and the next writable
// open rolls it back; a read-only open rolls it back in the recovered copy
// it reads, and one that reads the store itself goes through such a copy.

// getter reads keys: a transaction, or a partWriter.
type getter interface {
	Get(key []byte) (*badger.Item, error)
}

// writer writes keys: a transaction, or a partWriter.
type writer interface {
	getter
	Set(key, val []byte) error
	SetEntry(e *badger.Entry) error
	Delete(key []byte) error
}

// partWriter is a write transaction that commits and goes on in a new one
// when it is full. Between two transactions it stops if ctx is done.
type partWriter struct {
	ctx     context.Context
	s       *Store // to look at the free space before a commit; nil: do not
	db      *badger.DB
	txn     *badger.Txn
	commits int
}

// newPartWriter returns a partWriter on s; with checkRoom set it looks at
// the free space before each commit (a roll back, which only deletes,
// does not).
func newPartWriter(ctx context.Context, s *Store, checkRoom bool) *partWriter {
	w := &partWriter{ctx: ctx, db: s.db, txn: s.db.NewTransaction(true)}
	if checkRoom {
		w.s = s
	}
	return w
}

func (w *partWriter) Get(key []byte) (*badger.Item, error) { return w.txn.Get(key) }
func (w *partWriter) Set(key, val []byte) error            { return w.SetEntry(badger.NewEntry(key, val)) }
func (w *partWriter) Delete(key []byte) error {
	return w.retry(func() error { return w.txn.Delete(key) })
}
func (w *partWriter) SetEntry(e *badger.Entry) error {
	return w.retry(func() error { return w.txn.SetEntry(e) })
}

// retry runs op, and once more in a new transaction if the open one is
// full (Badger adds nothing to a transaction when it says so).
func (w *partWriter) retry(op func() error) error {
	err := op()
	if !errors.Is(err, badger.ErrTxnTooBig) {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	return op()
}

// commit commits the open transaction and opens the next one.
func (w *partWriter) commit() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if w.s != nil {
		if err := w.s.checkWrite(w.db.MaxBatchSize()); err != nil {
			return err
		}
	}
	if err := w.txn.Commit(); err != nil {
		return err
	}
	w.commits++
	w.txn = w.db.NewTransaction(true)
	return nil
}

func (w *partWriter) discard() { w.txn.Discard() }

func pendingKey(id string) []byte { return join(pendingPrefix, id) }

// putInParts writes p in several transactions (see above); the caller
// holds writeMu. It returns false if the article is already stored.
func (s *Store) putInParts(ctx context.Context, p *Prepared) (bool, error) {
	id := p.art.ID
	var edges bytes.Buffer // the keys rollBackPart starts from
	for _, g := range p.groups {
		edges.Write(edgeKey(g.key))
		edges.WriteByte('\n')
	}
	for _, a := range p.named {
		edges.Write(namedKey(a, id))
		edges.WriteByte('\n')
	}
	added := false
	err := s.db.Update(func(txn *badger.Txn) error {
		if _, err := txn.Get(articleKey(id)); !errors.Is(err, badger.ErrKeyNotFound) {
			return err // nil: stored already
		}
		added = true
		return txn.Set(pendingKey(id), edges.Bytes())
	})
	if err != nil || !added {
		return false, err
	}
	w := newPartWriter(ctx, s, true)
	var pending pendingCounts
	err = writeNamed(w, p)
	if err == nil {
		err = writeBody(w, p, nil, &pending)
	}
	if err == nil {
		err = w.commit() // the last transaction holds only what makes the article appear
	}
	if err == nil {
		// the edges' counts, with the article (unless they overflow it:
		// then a roll back recounts them, see rollBackPart)
		err = errors.Join(pending.flush(w, nil), w.Set(articleKey(id), p.value), w.Set(datedKey(p.art.Date, id), nil), markUnlisted(w, p), unforget(w, id), w.Delete(pendingKey(id)))
	}
	if err == nil {
		err = w.txn.Commit()
	}
	w.discard()
	if err != nil {
		if rerr := s.rollBackPart(id, edges.Bytes()); rerr != nil {
			return false, fmt.Errorf("%w (and rolling back the %d transactions written: %v; the next writing geokg does it)", err, w.commits, rerr)
		}
		return false, err
	}
	return true, nil
}

// rollBackPart removes what putInParts wrote of article id, whose edge
// and i/ keys (one a line) its w/ key lists, then the w/ key. It may be
// run again after it was interrupted.
func (s *Store) rollBackPart(id string, edges []byte) error {
	w := newPartWriter(context.Background(), s, false)
	defer func() { w.discard() }()
	for line := range bytes.Lines(edges) {
		if err := s.rollBackKey(w, id, bytes.TrimSuffix(line, []byte("\n"))); err != nil {
			return err
		}
	}
	// (from a read transaction over what is committed: iterators over a
	// write transaction sort its pending writes each time)
	if err := w.commit(); err != nil {
		return err
	}
	if err := s.recountEnds(w, edges); err != nil {
		return err
	}
	if err := s.recountEndMonths(w, edges); err != nil {
		return err
	}
	// and so are the store's totals, which the last part may have written
	// with the article's edges' counts
	var t totals
	err := s.db.View(func(txn *badger.Txn) (err error) {
		t, err = recountTotals(context.Background(), txn)
		return err
	})
	if err != nil {
		return err
	}
	if err := w.Set([]byte(totalsKey), appendTotals(nil, t)); err != nil {
		return err
	}
	if err := w.Delete(pendingKey(id)); err != nil {
		return err
	}
	return w.txn.Commit()
}

// rollBackKey removes one key a w/ key lists: an i/ key itself, or an
// edge's mentions from article id, then the edge if none is left, or else
// its counts recounted from the mentions left (the last part may have
// written them with the article's).
func (s *Store) rollBackKey(w *partWriter, id string, key []byte) error {
	if bytes.HasPrefix(key, []byte(namedPrefix)) {
		return w.Delete(key)
	}
	k, err := parseEdgeKey(key)
	if err != nil {
		return fmt.Errorf("pending article %s: %w", id, err)
	}
	var keys [][]byte
	err = s.db.View(func(txn *badger.Txn) error {
		return eachKey(context.Background(), txn, evidencePrefix(k), func(mk []byte) error {
			if _, ref, err := parseMentionKey(mk); err == nil && ref.article == id {
				keys = append(keys, bytes.Clone(mk))
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, mk := range keys {
		if err := w.Delete(mk); err != nil {
			return err
		}
	}
	if err := w.commit(); err != nil {
		return err
	}
	if !hasKeys(w.txn, evidencePrefix(k)) {
		return errors.Join(w.Delete(edgeKey(k)), w.Delete(revKey(k)))
	}
	return recountEdge(context.Background(), w, k)
}

// recountEnds writes the counts of every actor at an end of the edges
// listed (one key a line; i/ keys are skipped), each recounted once from
// what is committed.
func (s *Store) recountEnds(w *partWriter, edges []byte) error {
	ends := map[graph.ActorID]bool{}
	for line := range bytes.Lines(edges) {
		if k, err := parseEdgeKey(bytes.TrimSuffix(line, []byte("\n"))); err == nil { // else an i/ key
			ends[k.Source], ends[k.Target] = true, true
		}
	}
	counts := map[graph.ActorID]actorCounts{}
	err := s.db.View(func(txn *badger.Txn) error {
		for id := range ends {
			c, err := recountActor(context.Background(), txn, id)
			if err != nil {
				return err
			}
			counts[id] = c
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(counts)) {
		if err := w.Set(actorCountKey(id), appendActorCounts(nil, counts[id])); err != nil {
			return err
		}
	}
	return nil
}

// recountEndMonths writes the months (months.go) of every actor at an end
// of the edges listed (one key a line; i/ keys are skipped) and of those
// they are affiliated to, each recounted from what is committed: the last
// part may have written them with the article's, or an earlier part given
// one of them an affiliation.
func (s *Store) recountEndMonths(w *partWriter, edges []byte) error {
	return s.db.View(func(txn *badger.Txn) error {
		roots := map[graph.ActorID]bool{}
		for line := range bytes.Lines(edges) {
			k, err := parseEdgeKey(bytes.TrimSuffix(line, []byte("\n")))
			if err != nil {
				continue // an i/ key
			}
			for _, id := range []graph.ActorID{k.Source, k.Target} {
				roots[id] = true
				if a, err := getActor(txn, id); err == nil && a.Affiliation != "" {
					roots[a.Affiliation] = true
				}
			}
		}
		for _, id := range slices.Sorted(maps.Keys(roots)) {
			if err := rewriteMonths(context.Background(), txn, w, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// rollBackParts rolls back every article a killed geokg left half
// written (a w/ key): see putInParts.
func (s *Store) rollBackParts() error {
	type pending struct {
		id    string
		edges []byte
	}
	var all []pending
	err := s.db.View(func(txn *badger.Txn) error {
		return eachItem(context.Background(), txn, []byte(pendingPrefix), func(item *badger.Item) error {
			v, err := item.ValueCopy(nil)
			all = append(all, pending{string(item.Key()[len(pendingPrefix):]), v})
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("store: open %s: read half-written articles: %w", s.dir, err)
	}
	for _, p := range all {
		if err := s.rollBackPart(p.id, p.edges); err != nil {
			return fmt.Errorf("store: open %s: roll back half-written article %s: %w", s.dir, p.id, err)
		}
	}
	return nil
}

// hasPending reports whether the store holds a half-written article.
func (s *Store) hasPending() bool {
	found := false
	s.db.View(func(txn *badger.Txn) error {
		found = hasKeys(txn, []byte(pendingPrefix))
		return nil
	})
	return found
}

// hidePending makes a read-only open s (of the store laid out as l) show
// no half-written article: they are rolled back in the recovered copy it
// reads, made for the purpose if s reads the store itself.
func (s *Store) hidePending(l layout) error {
	if !s.hasPending() {
		return nil
	}
	if err := s.useReadCopy(l); err != nil {
		return err
	}
	return s.rollBackParts()
}

// useReadCopy makes a read-only s read a recovered copy of the store laid
// out as l, unless it already does, so that repairs change the copy only.
func (s *Store) useReadCopy(l layout) error {
	if s.copy != "" {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.dir, err)
	}
	s.db = nil
	db, tmp, release, err := readCopy(s.dir, l, s.opts.apply(s.dir, s.bopts).WithReadOnly(true))
	if err != nil {
		return err
	}
	s.db, s.copy, s.release = db, tmp, release
	return nil
}
