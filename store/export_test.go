package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"
)

// OpenSmall is Open with the small Badger options tests use: an 8 MB
// memtable and 1 MB caches open in a few milliseconds.
func OpenSmall(dir string, opts Options) (*Store, error) {
	return open(dir, opts, testBadgerOptions)
}

func testBadgerOptions(dir string) badger.Options {
	return badger.DefaultOptions(dir).
		WithMemTableSize(8 << 20).
		WithNumMemtables(1).
		WithValueLogFileSize(1 << 20).
		WithBlockCacheSize(1 << 20).
		WithIndexCacheSize(1 << 20).
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithMetricsEnabled(false)
}

// Keys returns every key under prefix, for tests that look at the layout.
func (s *Store) Keys(prefix string) ([]string, error) {
	var keys []string
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(context.Background(), txn, []byte(prefix), func(k []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	return keys, err
}

// DeleteKey removes one raw key, for tests that break the store on purpose.
func (s *Store) DeleteKey(key string) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(key)) })
}
