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
	Articles int // articles summed over those edges
}

// Stats counts the store's articles, actors by type and edges and mentions
// by relation, and lists the top most connected actors (by number of edges,
// then articles, then id). It reads every a/, e/, r/, d/ and m/ key but
// no mention value.
func (s *Store) Stats(ctx context.Context, top int) (*Stats, error) {
	st := &Stats{Actors: map[graph.ActorType]int{}, Edges: map[graph.Relation]int{}, Mentions: map[graph.Relation]int{}}
	edges := map[graph.ActorID]*Connected{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := articleStats(ctx, txn, st); err != nil {
			return err
		}
		cur := cursorFor(txn)
		err := eachKey(ctx, txn, []byte(edgePrefix), func(k []byte) error {
			e, err := edgeFromKey(k)
			if err != nil {
				return err
			}
			if _, err := cur.walk(ctx, e.EdgeKey, 0, &e, nil); err != nil {
				return err
			}
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
				edges[id].Articles += e.Articles
			}
			return nil
		})
		if err != nil {
			return err
		}
		return eachValue(ctx, txn, []byte(actorPrefix), func(_, v []byte) error {
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
	})
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	slices.SortFunc(st.Top, func(a, b Connected) int {
		return cmp.Or(cmp.Compare(b.Edges, a.Edges), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Actor.ID, b.Actor.ID))
	})
	st.Top = st.Top[:min(max(top, 0), len(st.Top))]
	return st, nil
}

// articleStats counts the articles and their date range.
func articleStats(ctx context.Context, txn *badger.Txn, st *Stats) error {
	return eachValue(ctx, txn, []byte(articlePrefix), func(_, v []byte) error {
		a, err := decodeArticle(v)
		if err != nil {
			return err
		}
		st.Articles++
		if a.Date.IsZero() {
			return nil
		}
		if st.FirstArticle.IsZero() || a.Date.Before(st.FirstArticle) {
			st.FirstArticle = a.Date
		}
		if a.Date.After(st.LastArticle) {
			st.LastArticle = a.Date
		}
		return nil
	})
}
