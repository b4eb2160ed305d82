package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Forgotten says what Forget removed.
type Forgotten struct {
	Article  graph.Article // the article as it was stored
	Mentions int           // mentions removed
	Lowered  int           // edges that kept evidence from other articles, with lower counts
	Removed  int           // edges left without evidence, removed with their in-edge twin
}

// Forget removes the article with the given id and its mentions in one
// transaction. The edges they were evidence for are then what the
// mentions that remain say: an edge's stored counts (aggregate.go) lose
// the article's, and its first and last seen dates are those of the
// remaining mentions; an edge with no mention left
// is removed with its in-edge key. The store is then
// as if the article had never been ingested, except that actor records
// (names, aliases, placeholders) stay. Ingesting the same text again
// restores it.
//
// Forget finds the article's mentions from its record: one seek for each
// edge between two actors it lists, at its date (articleMentionKeys). An
// article whose mentions are not all found that way (marked unlisted when
// it was stored) has every mention key read once instead. The error wraps
// ErrForgotten when the article was forgotten before (and not ingested
// again since), graph.ErrNotFound when there is no such article, graph.ErrInvalid for a
// malformed id, and ErrTooBig when the removal does not fit in one
// transaction (nothing is removed then). Forget is serialised with
// PutArticle.
func (s *Store) Forget(ctx context.Context, id string) (Forgotten, error) {
	if err := validArticleID(id); err != nil {
		return Forgotten{}, fmt.Errorf("store: forget: %w", err)
	}
	if err := s.checkWrite(s.db.MaxBatchSize()); err != nil {
		return Forgotten{}, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.writes++
	var f Forgotten
	err := s.db.Update(func(txn *badger.Txn) error {
		copies, inCopies := keepLeadCopies(s.db, txn), keepInCopies(s.db, txn)
		var err error
		if f, err = forget(ctx, txn, id); err != nil {
			return err
		}
		// forget deleted its edges' copies
		if inCopies {
			if err := stampInCopies(txn); err != nil {
				return err
			}
		}
		if copies {
			return stampLeadCopies(txn)
		}
		return nil
	})
	switch {
	case errors.Is(err, badger.ErrTxnTooBig):
		return Forgotten{}, fmt.Errorf("store: forget %s: %w", id, ErrTooBig)
	case err != nil:
		return Forgotten{}, fmt.Errorf("store: forget %s: %w", id, err)
	}
	return f, nil
}

func forget(ctx context.Context, txn *badger.Txn, id string) (Forgotten, error) {
	var f Forgotten
	a, err := articleRecord(txn, id)
	if err != nil {
		return f, err
	}
	f.Article = a
	mentions, edges, named, err := articleKeys(ctx, txn, f.Article)
	if err != nil {
		return f, err
	}
	lost, err := lostCounts(txn, mentions)
	if err != nil {
		return f, err
	}
	if err := lowerMonths(txn, mentions); err != nil {
		return f, err
	}
	if err := deleteArticle(txn, id, f.Article, mentions, edges, named); err != nil {
		return f, err
	}
	f.Mentions = len(mentions)
	lose := totals{Articles: -1} // what the store's totals lose
	for k, a := range lost {
		lose.count(k.Relation, 0, -a.Mentions)
	}
	if err := lowerEdges(txn, edges, lost, &f, &lose); err != nil {
		return f, err
	}
	return f, addTotals(txn, lose)
}

// articleRecord is the stored record of article id: ErrForgotten when it
// was forgotten, graph.ErrNotFound when it never was stored.
func articleRecord(txn *badger.Txn, id string) (graph.Article, error) {
	a, err := getArticle(txn, id)
	if errors.Is(err, graph.ErrNotFound) {
		if _, ferr := txn.Get(forgottenKey(id)); ferr == nil {
			return graph.Article{}, ErrForgotten
		}
	}
	return a, err
}

// deleteArticle deletes article id's mentions, the i/ keys of the actors
// it named that no relation of it holds, and its own keys, and marks it
// forgotten.
func deleteArticle(txn *badger.Txn, id string, a graph.Article, mentions [][]byte, edges []graph.EdgeKey, named map[graph.ActorID]bool) error {
	for _, k := range mentions {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	for _, actor := range a.Actors {
		named[actor] = true
	}
	for _, actor := range unrelatedNamed(slices.Sorted(maps.Keys(named)), edges) {
		if err := txn.Delete(namedKey(actor, id)); err != nil {
			return err
		}
	}
	if err := errors.Join(txn.Delete(articleKey(id)), txn.Delete(unlistedKey(id)), txn.Delete(datedKey(a.Date, id))); err != nil {
		return err
	}
	return txn.Set(forgottenKey(id), nil)
}

// lowerEdges takes the forgotten article's mentions out of its edges'
// counts, removes the edges it alone held, and lowers their ends' counts;
// f counts the edges lowered and removed, lose what the totals lose.
func lowerEdges(txn *badger.Txn, edges []graph.EdgeKey, lost map[graph.EdgeKey]aggregate, f *Forgotten, lose *totals) error {
	actors := map[graph.ActorID]actorCounts{} // what the ends lose
	for _, k := range edges {
		for _, id := range []graph.ActorID{k.Source, k.Target} {
			actors[id] = actorCounts{Articles: -1}
		}
	}
	for _, k := range edges {
		// a copy of the edge's first mention may hold the forgotten
		// article's sentence, and its in-edge copy too, with its counts:
		// no copy outlives a forget (leadcopy.go, incopy.go)
		if err := errors.Join(txn.Delete(leadCopyKey(k)), txn.Delete(inCopyKey(k))); err != nil {
			return err
		}
		// the edge keeps mentions when it had more than the article's: its
		// counts say so without an iterator (Check keeps them true)
		a, err := getAggregate(txn, k)
		if err != nil {
			return err
		}
		if a.Mentions > lost[k].Mentions {
			f.Lowered++
			if err := lower(txn, k, a, lost[k]); err != nil {
				return err
			}
			continue
		}
		f.Removed++
		if err := errors.Join(txn.Delete(edgeKey(k)), txn.Delete(revKey(k))); err != nil {
			return err
		}
		lose.count(k.Relation, -1, 0)
		for _, id := range []graph.ActorID{k.Source, k.Target} {
			c := actors[id]
			c.Edges--
			actors[id] = c
		}
	}
	return addActorCounts(txn, actors)
}

// lostCounts reads the mentions whose keys are given (all of one article)
// and returns what they add to each of their edges' aggregates.
func lostCounts(txn *badger.Txn, keys [][]byte) (map[graph.EdgeKey]aggregate, error) {
	byEdge := map[graph.EdgeKey][]graph.Mention{}
	for _, k := range keys {
		key, _, err := parseMentionKey(k)
		if err != nil {
			return nil, err
		}
		item, err := txn.Get(k)
		if err != nil {
			return nil, err
		}
		err = item.Value(func(v []byte) error {
			m, err := decodeMention(key, k, v)
			byEdge[key] = append(byEdge[key], m)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("mention %q: %w", k, err)
		}
	}
	lost := make(map[graph.EdgeKey]aggregate, len(byEdge))
	for k, ms := range byEdge {
		lost[k] = contribution(ms)
	}
	return lost, nil
}

// lower takes an article's counts off edge k's aggregate a, whose seen
// dates are then those of the mention keys left: read from them (two
// seeks) only when the article had a mention on the first or last date;
// and its lead the first key left (a seek) when the article's was it.
func lower(txn *badger.Txn, k graph.EdgeKey, a, lost aggregate) error {
	if movesSeenDates(a, lost) {
		if err := seenDates(txn, k, &a); err != nil {
			return err
		}
	}
	if a.lead == "" || a.lead == lost.lead {
		seenLead(txn, k, &a)
	}
	a.sub(lost)
	return txn.Set(edgeKey(k), appendAggregate(nil, a))
}

// movesSeenDates reports whether taking lost off a can change a's first
// or last seen date: whether lost has a dated mention on or outside
// them. Strictly between them, other mentions still hold both dates.
func movesSeenDates(a, lost aggregate) bool {
	return !lost.First.IsZero() && (!lost.First.After(a.First) || !lost.Last.Before(a.Last))
}

// articleKeys returns the keys of article a's mentions, the edges they
// belong to, in key order, and the actors they name, found from its record
// (articleMentionKeys) unless it is marked unlisted (then by mentionsOf,
// which reads every mention key).
func articleKeys(ctx context.Context, txn *badger.Txn, a graph.Article) ([][]byte, []graph.EdgeKey, map[graph.ActorID]bool, error) {
	if len(a.Actors) == 0 || hasKey(txn, unlistedKey(a.ID)) {
		return mentionsOf(ctx, txn, a.ID)
	}
	refs, err := articleMentionKeys(ctx, txn, a)
	if err != nil {
		return nil, nil, nil, err
	}
	keys := make([][]byte, len(refs))
	edges := map[graph.EdgeKey]bool{}
	for i, r := range refs {
		keys[i] = r.key
		edges[r.edge] = true
	}
	return keys, slices.SortedFunc(maps.Keys(edges), graph.CompareEdgeKeys), map[graph.ActorID]bool{}, nil
}

// mentionsOf returns the keys of article id's mentions, the edges they
// belong to, in key order, and the actors they name (ends and claimants:
// what an upgrade to format 6 wrote i/ keys for, for an article stored
// before its record listed its actors).
func mentionsOf(ctx context.Context, txn *badger.Txn, id string) ([][]byte, []graph.EdgeKey, map[graph.ActorID]bool, error) {
	var keys [][]byte
	edges := map[graph.EdgeKey]bool{}
	named := map[graph.ActorID]bool{}
	err := eachItem(ctx, txn, []byte(mentionPrefix), func(item *badger.Item) error {
		k := item.Key()
		key, ref, err := parseMentionKey(k)
		if err != nil || ref.article != id {
			return nil // a malformed key is Check's business
		}
		keys = append(keys, slices.Clone(k))
		edges[key] = true
		named[key.Source], named[key.Target] = true, true
		if item.UserMeta()&metaClaimant == 0 {
			return nil
		}
		return item.Value(func(v []byte) error {
			claimed, disputed, err := mentionClaimants(v)
			if err != nil {
				return nil // Check's business too
			}
			for _, a := range []graph.ActorID{claimed, disputed} {
				if a != "" {
					named[a] = true
				}
			}
			return nil
		})
	})
	return keys, slices.SortedFunc(maps.Keys(edges), graph.CompareEdgeKeys), named, err
}

// MentionCounts returns the number of stored mentions of each article
// that has any, by article id, from one key-only scan of the mentions.
func (s *Store) MentionCounts(ctx context.Context) (map[string]int, error) {
	counts := map[string]int{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return eachKey(ctx, txn, []byte(mentionPrefix), func(k []byte) error {
			if _, ref, err := parseMentionKey(k); err == nil {
				counts[ref.article]++
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: mention counts: %w", err)
	}
	return counts, nil
}
