package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Filter selects edges for View, Graph, Neighborhood and EachEdge.
// Since, Until and Statuses select mentions; MinArticles and Rollup are
// described in filter.go.
type Filter struct {
	Relations []graph.Relation // empty = all
	Direction graph.Direction  // "" or Both = both
	Evidence  int              // max mentions attached per edge (0 = none, -1 = all)

	Since       time.Time      // only mentions from articles dated on or after this day (zero = no bound)
	Until       time.Time      // only mentions from articles dated on or before this day (zero = no bound)
	Statuses    []graph.Status // only mentions with one of these statuses (empty = all)
	MinArticles int            // only edges shown by at least this many articles
	Rollup      bool           // fold persons and institutions into the actor they speak for

	// HoldLeads lets View hold the first mentions of links that show one
	// undecoded, in graph.View.Leads, for a caller that reads each once
	// (a table): each is decoded when read. Graph, EachEdge and a rollup
	// ignore it.
	HoldLeads bool

	light bool // refine drops the sentence and trigger of the mentions it keeps (see unrolled)
	// byLead makes refine read an edge's first mention by its lead
	// (mentionCursor.eachLed): View sets it when level 0 holds tables.
	byLead bool
	// copies makes refine take an edge's first mention from its copy
	// (leadcopy.go) when that is the only one asked for: set by a view
	// that found the copies current
	copies bool
	// inCopies makes refine take an edge's counts whose caller did not
	// read them, and its first mention when that is the only one asked
	// for, from its in-edge copy (incopy.go): set by a view that found
	// them current
	inCopies bool
}

func (f Filter) validate() error {
	for _, r := range f.Relations {
		if !r.Valid() {
			return fmt.Errorf("filter relation %q: %w", r, graph.ErrInvalid)
		}
	}
	if f.Direction != "" {
		if _, err := graph.ParseDirection(string(f.Direction)); err != nil {
			return fmt.Errorf("filter: %w", err)
		}
	}
	if f.Evidence < -1 {
		return fmt.Errorf("filter evidence %d: %w", f.Evidence, graph.ErrInvalid)
	}
	return f.validateMentions()
}

// wants reports whether the filter keeps relation r.
func (f Filter) wants(r graph.Relation) bool {
	return len(f.Relations) == 0 || slices.Contains(f.Relations, r)
}

// prefixes returns the key prefixes to scan under base (an out- or in-edge
// prefix ending in '/'): base itself, or one per wanted relation, so a
// filtered scan never reads other relations' keys.
func (f Filter) prefixes(base []byte) [][]byte {
	if len(f.Relations) == 0 {
		return [][]byte{base}
	}
	ps := make([][]byte, 0, len(f.Relations))
	for _, r := range f.Relations {
		ps = append(ps, append(slices.Clip(base), string(r)+"/"...))
	}
	return ps
}

// edgeFromKey names the edge of an e/ key, without counts (refine reads
// them from the key's value, the edge's aggregate).
func edgeFromKey(k []byte) (graph.Edge, error) {
	key, err := parseEdgeKey(k)
	return graph.Edge{EdgeKey: key}, err
}

// outEdgeKeys calls fn with the keys of id's out-edges whose relation f
// keeps, from a key-only scan of e/<id>/.
func outEdgeKeys(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.EdgeKey) error) error {
	return eachParsedKey(ctx, txn, f.prefixes(outPrefix(id)), parseEdgeKey, fn)
}

// eachParsedKey calls fn with each key under prefixes, parsed by parse,
// during a key-only scan.
func eachParsedKey(ctx context.Context, txn *badger.Txn, prefixes [][]byte, parse func([]byte) (graph.EdgeKey, error), fn func(graph.EdgeKey) error) error {
	for _, p := range prefixes {
		err := eachKey(ctx, txn, p, func(k []byte) error {
			key, err := parse(k)
			if err != nil {
				return err
			}
			return fn(key)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// countedKey is an edge's key with its stored counts when they were read
// with it (counted), for refineCounted.
type countedKey struct {
	key     graph.EdgeKey
	counts  aggregate
	counted bool
}

// outEdgeCounts calls fn with id's out-edges whose relation f keeps, each
// with its stored counts (its e/ value, read in place: values that small
// are kept in Badger's tree, not the value log) unless f selects mentions,
// whose counts refine makes from them. Reading the counts with the keys
// saves a lookup per edge afterwards (a sixth of a full JSON export's CPU).
func outEdgeCounts(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(countedKey) error) error {
	for _, p := range f.prefixes(outPrefix(id)) {
		err := eachItem(ctx, txn, p, func(item *badger.Item) error {
			key, err := parseEdgeKey(item.Key())
			if err != nil {
				return err
			}
			ck := countedKey{key: key}
			if !f.selectsMentions() {
				if ck.counts, err = itemAggregate(item); err != nil {
					return err
				}
				ck.counted = true
			}
			return fn(ck)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// eachInEdgeKey is inEdgeKeys for an fn that reads nothing from the
// store: it is called during the scan, without the keys gathered first (a
// slice grown to Russia's 900 in-edges took 120 KB of its view).
func eachInEdgeKey(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.EdgeKey) error) error {
	return eachParsedKey(ctx, txn, f.prefixes(inPrefix(id)), parseRevKey, fn)
}

// inEdgeKeys calls fn with the keys of id's in-edges whose relation f
// keeps, from a key-only scan of r/<id>/.
func inEdgeKeys(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.EdgeKey) error) error {
	var keys []graph.EdgeKey
	for _, p := range f.prefixes(inPrefix(id)) {
		err := eachKey(ctx, txn, p, func(k []byte) error {
			key, err := parseRevKey(k)
			keys = append(keys, key)
			return err
		})
		if err != nil {
			return err
		}
	}
	for _, k := range keys {
		if err := fn(k); err != nil {
			return err
		}
	}
	return nil
}

// outEdges calls fn with id's out-edges that f keeps, with their counts and
// up to f.Evidence mentions (see refine).
func outEdges(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	return refined(ctx, txn, f, fn, func(visit func(graph.EdgeKey) error) error {
		return outEdgeKeys(ctx, txn, id, f, visit)
	})
}

// inEdges is outEdges for id's in-edges.
func inEdges(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter, fn func(graph.Edge) error) error {
	return refined(ctx, txn, f, fn, func(visit func(graph.EdgeKey) error) error {
		return inEdgeKeys(ctx, txn, id, f, visit)
	})
}

// refined calls fn with each edge whose key keys gives and that refine
// keeps.
func refined(ctx context.Context, txn *badger.Txn, f Filter, fn func(graph.Edge) error, keys func(func(graph.EdgeKey) error) error) error {
	c := cursorFor(txn)
	return keys(func(k graph.EdgeKey) error {
		e := graph.Edge{EdgeKey: k}
		if keep, err := refine(ctx, c, &e, f); !keep || err != nil {
			return err
		}
		return fn(e)
	})
}

// evidence reads up to limit (-1 = all) of e's mentions, the first in
// CompareMentions order: mention keys start with the date, then the
// article and the mention's number in it (mentionKey), which is that
// order, so the first mentions are the first keys and only they are read,
// through the transaction's mentionCursor. Evidence that refine already
// loaded (non-nil) is only cut to size.
func evidence(ctx context.Context, txn *badger.Txn, e *graph.Edge, limit int) error {
	return evidenceWith(ctx, cursorFor(txn), e, limit)
}

// evidenceWith is evidence through cursor c.
func evidenceWith(ctx context.Context, c *mentionCursor, e *graph.Edge, limit int) error {
	return evidenceLed(ctx, c, e, "", limit)
}

// evidenceLed is evidenceWith for an edge whose lead (aggregate.lead) is
// known ("" if not): see mentionCursor.eachLed.
func evidenceLed(ctx context.Context, c *mentionCursor, e *graph.Edge, lead string, limit int) error {
	if e.Evidence != nil {
		e.Evidence = cut(e.Evidence, limit)
		return nil
	}
	if limit == 0 {
		return nil
	}
	ms := make([]graph.Mention, 0, evidenceCap(e.Mentions, limit))
	err := c.eachLed(ctx, e.EdgeKey, lead, limit, e.Mentions, func(key, v []byte) error {
		m, err := decodeMention(e.EdgeKey, key, v)
		ms = append(ms, m)
		return err
	})
	if err != nil {
		return err
	}
	if len(ms) > 0 { // nil when none, as before the slice was made ahead
		e.Evidence = ms // in CompareMentions order, the keys' order
	}
	return nil
}

// maxEvidenceCap bounds the slice evidenceLed makes ahead: a stored count
// is read from the store, and a damaged one must not make it allocate
// gigabytes (past it the slice grows as it fills).
const maxEvidenceCap = 4096

// evidenceCap is how many mentions evidenceLed makes room for: the edge's
// count (mentions, when known, else 0), at most limit (-1 = all) and
// maxEvidenceCap. Grown by append instead, the slice of an export of all
// evidence (4.4 mentions an edge on the 100 MB corpus, 232 bytes each) was
// copied three times an edge: 7.7% of the export's CPU.
func evidenceCap(mentions, limit int) int {
	n := max(mentions, 0)
	if limit >= 0 {
		n = min(n, limit)
	}
	return min(n, maxEvidenceCap)
}

// EachEdge calls fn for every edge whose relation f keeps, in key order,
// with up to f.Evidence mentions, without loading the graph. f.Direction
// does not apply. fn runs inside a read transaction; an error from it stops
// the walk and is returned as is.
func (s *Store) EachEdge(ctx context.Context, f Filter, fn func(graph.Edge) error) error {
	if err := f.validate(); err != nil {
		return fmt.Errorf("store: edges: %w", err)
	}
	if f.Rollup {
		return fmt.Errorf("store: edges: rollup needs the whole graph (use Graph): %w", graph.ErrInvalid)
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return eachEdgeUnder(ctx, txn, []byte(edgePrefix), f, fn)
	})
	return unwrapCallback(err, "store: edges")
}

// eachEdgeUnder is EachEdge for the e/ keys under prefix, in a transaction.
func eachEdgeUnder(ctx context.Context, txn *badger.Txn, prefix []byte, f Filter, fn func(graph.Edge) error) error {
	return eachEdgeWith(ctx, txn, cursorFor(txn), prefix, f, fn)
}

// eachEdgeWith is eachEdgeUnder through cursor c.
func eachEdgeWith(ctx context.Context, txn *badger.Txn, c *mentionCursor, prefix []byte, f Filter, fn func(graph.Edge) error) error {
	return eachItem(ctx, txn, prefix, func(item *badger.Item) error {
		e, err := edgeFromKey(item.Key())
		if err != nil {
			return err
		}
		if !f.wants(e.Relation) {
			return nil
		}
		var a *aggregate
		if !f.selectsMentions() {
			stored, err := itemAggregate(item)
			if err != nil {
				return err
			}
			a = &stored
		}
		if keep, err := refineCounted(ctx, c, &e, f, a); !keep || err != nil {
			return err
		}
		if err := evidenceWith(ctx, c, &e, f.Evidence); err != nil {
			return err
		}
		return callback(fn(e))
	})
}
