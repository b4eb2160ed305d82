package store

import (
	"time"

	"github.com/dgraph-io/badger/v4"
)

// SetKey writes one raw key, for tests that break the store on purpose.
func (s *Store) SetKey(key string, value []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(key), value) })
}

// EncodeCounts is the value of an e/ key with these counts and dates.
func EncodeCounts(articles, mentions int, first, last time.Time) []byte {
	return encodeCounts(edgeCounts{Articles: articles, Mentions: mentions, FirstSeen: first, LastSeen: last})
}
