package store

import (
	"bytes"

	"github.com/dgraph-io/badger/v4"
)

// seeker looks keys of one prefix up by seeking one iterator, kept from
// one lookup to the next.
type seeker struct {
	it *badger.Iterator
}

func newSeeker(txn *badger.Txn, prefix string) *seeker {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(prefix)
	opts.PrefetchValues = false
	return &seeker{it: txn.NewIterator(opts)}
}

// Get returns the item of key, or badger.ErrKeyNotFound. The item is
// valid until the next Get.
func (s *seeker) Get(key []byte) (*badger.Item, error) {
	s.it.Seek(key)
	if !s.it.Valid() || !bytes.Equal(s.it.Item().Key(), key) {
		return nil, badger.ErrKeyNotFound
	}
	return s.it.Item(), nil
}
