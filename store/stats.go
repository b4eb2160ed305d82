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
// then distinct articles, then id). It reads the store's totals
// (totals.go), the first and last keys of the articles' index by date,
// and each actor's record and counts (c/): nothing that grows with the
// number of articles, edges or mentions.
func (s *Store) Stats(ctx context.Context, top int) (*Stats, error) {
	st := &Stats{Actors: map[graph.ActorType]int{}, Edges: map[graph.Relation]int{}, Mentions: map[graph.Relation]int{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		t, err := getTotals(txn)
		if err != nil {
			return err
		}
		st.Articles = t.Articles
		for i, r := range graph.Relations {
			if t.Edges[i] > 0 || t.Mentions[i] > 0 {
				st.Edges[r], st.Mentions[r] = t.Edges[i], t.Mentions[i]
			}
		}
		if err := articleDates(txn, st); err != nil {
			return err
		}
		counts := map[graph.ActorID]actorCounts{}
		err = eachValue(ctx, txn, []byte(actorCountPrefix), func(k, v []byte) error {
			c, err := decodeActorCounts(v)
			counts[graph.ActorID(k[len(actorCountPrefix):])] = c
			return err
		})
		if err != nil {
			return err
		}
		var connected []Connected
		err = eachValue(ctx, txn, []byte(actorPrefix), func(_, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return err
			}
			st.Actors[a.Type]++
			if c := counts[a.ID]; c.Edges > 0 {
				connected = append(connected, Connected{Actor: a, Edges: c.Edges, Articles: c.Articles})
			}
			return nil
		})
		st.Top = topConnected(connected, top)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// topConnected returns the top actors of all by edges, then distinct
// articles, then id.
func topConnected(all []Connected, top int) []Connected {
	top = min(max(top, 0), len(all))
	if top == 0 {
		return nil
	}
	slices.SortFunc(all, func(a, b Connected) int {
		return cmp.Or(cmp.Compare(b.Edges, a.Edges), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Actor.ID, b.Actor.ID))
	})
	return all[:top]
}

// distinctArticles counts the articles that show any edge of actor id, in
// or out, from the edges' mention keys.
func distinctArticles(ctx context.Context, txn *badger.Txn, id graph.ActorID) (int, error) {
	articles, err := relatedArticles(ctx, txn, id)
	return len(articles), err
}

// relatedArticles returns the articles that show actor id's relations,
// each as the article part of its mention keys (appendArticlePart).
func relatedArticles(ctx context.Context, txn *badger.Txn, id graph.ActorID) (map[string]struct{}, error) {
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
			return nil, err
		}
	}
	// one iterator for every edge, a seek each (an iterator per edge cost
	// two thirds of stats)
	articles := map[string]struct{}{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(mentionPrefix)})
	defer it.Close()
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
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
	return articles, nil
}

// articleDates reads the first and last article dates from the ends of
// the articles' index by date.
func articleDates(txn *badger.Txn, st *Stats) error {
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
