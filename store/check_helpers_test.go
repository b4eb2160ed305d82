package store

import (
	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// SetKey writes one raw key, for tests that break the store on purpose.
func (s *Store) SetKey(key string, value []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(key), value) })
}

// EncodeMention is the value of a mention key.
func EncodeMention(m graph.Mention) []byte { return appendMention(nil, m) }
