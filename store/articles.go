package store

import (
	"context"
	"errors"
	"fmt"

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
