package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Article returns the article with the given id (its content hash). The
// error wraps graph.ErrNotFound when there is none.
func (s *Store) Article(ctx context.Context, id string) (graph.Article, error) {
	if err := validArticleID(id); err != nil {
		return graph.Article{}, fmt.Errorf("store: article: %w", err)
	}
	var a graph.Article
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(articleKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return graph.ErrNotFound
		}
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error {
			a, err = decodeArticle(v)
			return err
		})
	})
	if err != nil {
		return graph.Article{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	return a, nil
}

// Articles calls fn for every stored article in id order. fn runs inside a
// read transaction; an error from it stops the walk and is returned as is.
func (s *Store) Articles(ctx context.Context, fn func(graph.Article) error) error {
	err := s.view(ctx, func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(articlePrefix), func(_, v []byte) error {
			a, err := decodeArticle(v)
			if err != nil {
				return err
			}
			return callback(fn(a))
		})
	})
	return unwrapCallback(err, "store: articles")
}

// ArticleMentions returns the article with the given id and its stored
// mentions, by edge in key order. The error wraps graph.ErrNotFound when
// there is no such article.
func (s *Store) ArticleMentions(ctx context.Context, id string) (graph.Article, []graph.Mention, error) {
	if err := validArticleID(id); err != nil {
		return graph.Article{}, nil, fmt.Errorf("store: article: %w", err)
	}
	var a graph.Article
	var ms []graph.Mention
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		if a, err = getArticle(txn, id); err != nil {
			return err
		}
		keys, err := articleMentionKeys(ctx, txn, a)
		if err != nil {
			return err
		}
		for _, mk := range keys {
			item, err := txn.Get(mk.key)
			if err != nil {
				return err
			}
			err = item.Value(func(v []byte) error {
				m, err := decodeMention(mk.edge, mk.key, v)
				ms = append(ms, m)
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return graph.Article{}, nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	return a, ms, nil
}

// getArticle reads the article with the given id; the error wraps
// graph.ErrNotFound when there is none.
func getArticle(txn *badger.Txn, id string) (graph.Article, error) {
	item, err := txn.Get(articleKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return graph.Article{}, graph.ErrNotFound
	}
	if err != nil {
		return graph.Article{}, err
	}
	var a graph.Article
	err = item.Value(func(v []byte) error {
		a, err = decodeArticle(v)
		return err
	})
	return a, err
}

// mentionRefKey is a mention's key with its edge.
type mentionRefKey struct {
	key  []byte
	edge graph.EdgeKey
}

// articleMentionKeys finds the keys of article a's mentions. Its mentions
// link actors it names and carry its date, so for each named actor's
// out-edge to another named actor one seek to the edge's mentions of that
// date and article finds them, whatever the size of the store. An article
// marked unlisted (one of its mentions has another date or links an
// actor it does not list), or that lists no actor (stored before format 6),
// has every mention key read.
func articleMentionKeys(ctx context.Context, txn *badger.Txn, a graph.Article) ([]mentionRefKey, error) {
	var out []mentionRefKey
	if len(a.Actors) == 0 || hasKey(txn, unlistedKey(a.ID)) {
		keys, _, _, err := mentionsOf(ctx, txn, a.ID)
		for _, k := range keys {
			edge, _, perr := parseMentionKey(k)
			if perr == nil {
				out = append(out, mentionRefKey{k, edge})
			}
		}
		return out, err
	}
	// edges first, mentions next, through one key-only iterator that
	// seeks to each prefix in turn: a writable transaction allows one
	// iterator at a time, and making one (an iterator over every table)
	// cost more than the seeks
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	each := func(prefix []byte, fn func(k []byte)) error {
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			fn(it.Item().Key())
		}
		return nil
	}
	prefixOf := func(edge graph.EdgeKey) []byte {
		return appendArticlePart(appendKeyTime(evidencePrefix(edge), a.Date), a.ID)
	}
	// an article's mentions of an edge are numbered from 0 (groupByEdge):
	// without its first key it has none there. A lookup, which most
	// tables answer from their bloom filters, spares a seek through every
	// table for each edge between the actors it lists that it does not show.
	mentioned := func(edge graph.EdgeKey) bool {
		return hasKey(txn, binary.BigEndian.AppendUint16(prefixOf(edge), 0))
	}
	edges, err := articleEdges(txn, a.Actors, mentioned, each)
	if err != nil {
		return nil, err
	}
	for _, edge := range edges {
		err := each(prefixOf(edge), func(mk []byte) { out = append(out, mentionRefKey{slices.Clone(mk), edge}) })
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(x, y mentionRefKey) int { return bytes.Compare(x.key, y.key) })
	return out, nil
}

// maxEdgeProbes is how many possible edges articleEdges looks up one by
// one, at most, for each actor an article lists; an article that lists
// more actors has each one's out-edges read instead.
const maxEdgeProbes = 128

// articleEdges lists the edges between the actors an article lists
// (sources in its order) that mentioned says the article has mentions of:
// it asks mentioned of each possible one, or for an article that lists
// many actors of each of a walk (each) over each source's out-edges. A
// walk read all of an actor's out-edges, a few hundred on the 100 MB
// corpus: most of what forgetting an article cost. The possible edges are
// not looked up themselves first: between the states of a large store
// most exist, and each found cost a seek (a fifth of a forget in one
// process; docs/benchmarks.md), where the article's mention keys, which
// only its own edges have, are mostly answered by bloom filters.
func articleEdges(txn *badger.Txn, actors []graph.ActorID, mentioned func(graph.EdgeKey) bool, each func(prefix []byte, fn func(k []byte)) error) ([]graph.EdgeKey, error) {
	targets := slices.Compact(slices.Sorted(slices.Values(actors)))
	var edges []graph.EdgeKey
	for _, src := range actors {
		if len(targets)*len(graph.Relations) <= maxEdgeProbes {
			for _, rel := range graph.Relations {
				for _, tgt := range targets {
					if k := (graph.EdgeKey{Source: src, Relation: rel, Target: tgt}); mentioned(k) {
						edges = append(edges, k)
					}
				}
			}
			continue
		}
		var walked []graph.EdgeKey
		err := each(outPrefix(src), func(k []byte) {
			edge, err := parseEdgeKey(k)
			if err == nil && slices.Contains(actors, edge.Target) {
				walked = append(walked, edge) // a malformed key is Check's business
			}
		})
		if err != nil {
			return nil, err
		}
		edges = append(edges, slices.DeleteFunc(walked, func(k graph.EdgeKey) bool { return !mentioned(k) })...)
	}
	return edges, nil
}

// unlistedArticles returns the articles whose mentions articleMentionKeys
// cannot all find from their records (see unlisted): from one walk over the
// article records and one over the mention keys, no mention value read.
// For the upgrade to format 9 and Check.
func unlistedArticles(ctx context.Context, txn *badger.Txn) (map[string]bool, error) {
	type listing struct {
		date   time.Time
		actors string // the listed actors, each followed by a NUL
	}
	records := map[string]listing{}
	err := eachValue(ctx, txn, []byte(articlePrefix), func(k, v []byte) error {
		a, err := decodeArticle(v)
		if err != nil {
			return err
		}
		var b strings.Builder
		for _, id := range a.Actors {
			b.WriteString(string(id))
			b.WriteByte(0)
		}
		records[a.ID] = listing{a.Date, b.String()}
		return nil
	})
	if err != nil {
		return nil, err
	}
	listed := func(l listing, id graph.ActorID) bool {
		return strings.Contains("\x00"+l.actors, "\x00"+string(id)+"\x00")
	}
	out := map[string]bool{}
	err = eachKey(ctx, txn, []byte(mentionPrefix), func(k []byte) error {
		edge, ref, err := parseMentionKey(k)
		if err != nil {
			return nil // Check's business
		}
		l, ok := records[ref.article]
		if ok && (!ref.date.Equal(l.date) || !listed(l, edge.Source) || !listed(l, edge.Target)) {
			out[ref.article] = true
		}
		return nil
	})
	return out, err
}
