package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Stats summarises a store.
type Stats struct {
	Articles     int                     // articles stored
	FirstArticle time.Time               // date of the earliest dated article
	LastArticle  time.Time               // date of the latest one
	Actors       map[graph.ActorType]int // actors by type
	Edges        map[graph.Relation]int  // edges (actor pairs with a relation) by relation
	Mentions     map[graph.Relation]int  // mentions (evidence sentences) by relation
	Top          []Connected             // the most connected actors, most first
}

// Connected is an actor with how connected it is.
type Connected struct {
	Actor    graph.Actor
	Edges    int // distinct edges it is an end of
	Articles int // distinct articles showing any of those edges
}

// Stats counts the store's articles, actors by type and edges and mentions
// by relation, and lists the top most connected actors (by number of edges,
// then articles, then id). It reads every a/ and e/ key and value (an
// edge's counts are its e/ value), the t/ keys and the c/ values of the
// actors that may be among the top (their distinct articles: an article
// showing two of an actor's relations counts once), and no mention.
func (s *Store) Stats(ctx context.Context, top int) (*Stats, error) {
	st := &Stats{Actors: map[graph.ActorType]int{}, Edges: map[graph.Relation]int{}, Mentions: map[graph.Relation]int{}}
	edges := map[graph.ActorID]*Connected{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := articleStats(ctx, txn, st); err != nil {
			return err
		}
		err := eachItem(ctx, txn, []byte(edgePrefix), func(item *badger.Item) error {
			e, err := edgeFromKey(item.Key())
			if err != nil {
				return err
			}
			a, err := itemAggregate(item)
			if err != nil {
				return err
			}
			a.setCounts(&e)
			if e.Mentions == 0 {
				return nil // Check reports it
			}
			st.Edges[e.Relation]++
			st.Mentions[e.Relation] += e.Mentions
			for _, id := range []graph.ActorID{e.Source, e.Target} {
				if edges[id] == nil {
					edges[id] = &Connected{}
				}
				edges[id].Edges++
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = eachValue(ctx, txn, []byte(actorPrefix), func(_, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return err
			}
			st.Actors[a.Type]++
			if c := edges[a.ID]; c != nil {
				c.Actor = a
				st.Top = append(st.Top, *c)
			}
			return nil
		})
		if err != nil {
			return err
		}
		st.Top, err = topConnected(ctx, txn, st.Top, top)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// topConnected returns the top actors of all by edges, then distinct
// articles, then id. Articles are counted only for the actors with at
// least as many edges as the top-th, the only ones that can be among them.
func topConnected(ctx context.Context, txn *badger.Txn, all []Connected, top int) ([]Connected, error) {
	top = min(max(top, 0), len(all))
	if top == 0 {
		return nil, nil
	}
	slices.SortFunc(all, func(a, b Connected) int { return cmp.Compare(b.Edges, a.Edges) })
	n := top
	for n < len(all) && all[n].Edges == all[top-1].Edges {
		n++
	}
	cands := all[:n]
	for i := range cands {
		var err error
		var c actorCounts
		if c, err = getActorCounts(txn, cands[i].Actor.ID); err != nil {
			return nil, err
		}
		cands[i].Articles = c.Articles
	}
	slices.SortFunc(cands, func(a, b Connected) int {
		return cmp.Or(cmp.Compare(b.Edges, a.Edges), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Actor.ID, b.Actor.ID))
	})
	return cands[:top], nil
}

// distinctArticles counts the articles that show any edge of actor id, in
// or out, from the edges' mention keys.
func distinctArticles(ctx context.Context, txn *badger.Txn, id graph.ActorID) (int, error) {
	var keys []graph.EdgeKey
	for _, p := range []struct {
		prefix []byte
		parse  func([]byte) (graph.EdgeKey, error)
	}{{outPrefix(id), parseEdgeKey}, {inPrefix(id), parseRevKey}} {
		err := eachKey(ctx, txn, p.prefix, func(k []byte) error {
			if key, err := p.parse(k); err == nil { // a malformed key is Check's business
				keys = append(keys, key)
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	// one iterator for every edge, a seek each (an iterator per edge cost
	// two thirds of stats)
	articles := map[string]struct{}{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(mentionPrefix)})
	defer it.Close()
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		prefix := evidencePrefix(k)
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			mk := it.Item().Key()
			if _, article, _, ok := mentionSuffix(mk[len(prefix):]); ok {
				if _, seen := articles[string(article)]; !seen {
					articles[string(article)] = struct{}{}
				}
			}
		}
	}
	return len(articles), nil
}

// articleStats counts the articles, by a key-only walk over their index by
// date, and reads their date range from its ends.
func articleStats(ctx context.Context, txn *badger.Txn, st *Stats) error {
	n, err := countKeys(txn, []byte(datedPrefix))
	if err != nil {
		return err
	}
	st.Articles = n
	prefix := []byte(datedPrefix)
	fwd := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer fwd.Close()
	fwd.Seek(datedKey(time.Time{}.Add(time.Nanosecond), "")) // past the undated
	if !fwd.ValidForPrefix(prefix) {
		return nil
	}
	first, _, err := parseDatedKey(fwd.Item().Key())
	if err != nil {
		return corrupt(err)
	}
	rev := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true})
	defer rev.Close()
	rev.Seek(append(slices.Clip(prefix), 0xFF))
	if !rev.ValidForPrefix(prefix) {
		return nil
	}
	last, _, err := parseDatedKey(rev.Item().Key())
	if err != nil {
		return corrupt(err)
	}
	st.FirstArticle, st.LastArticle = first, last
	return nil
}
