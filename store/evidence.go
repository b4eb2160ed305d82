package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// firstMentions returns the first limit (> 0) mentions of edge k in
// graph.CompareMentions order. Mention keys start with the date, then the
// article and the mention's number in the article (mentionKey), which is
// that order: the first mentions are the first keys, so only they are read.
func firstMentions(ctx context.Context, txn *badger.Txn, k graph.EdgeKey, limit int) ([]graph.Mention, error) {
	ms := make([]graph.Mention, 0, min(limit, 16))
	err := eachValueLimit(ctx, txn, evidencePrefix(k), limit, func(_, v []byte) error {
		m, err := decodeMention(v)
		ms = append(ms, m)
		return err
	})
	return ms, err
}
