package store

import (
	"bytes"

	"github.com/dgraph-io/badger/v4"
)

// seeker looks keys of one prefix up by seeking one iterator, kept from
// one lookup to the next. A key a few keys past the last one found is
// reached by stepping (a view's out-edges want their copies in key
// order, each the next key): a step reuses the iterator's item and
// block, where a seek makes new ones.
type seeker struct {
	it *badger.Iterator
}

func newSeeker(txn *badger.Txn, prefix string) *seeker {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(prefix)
	opts.PrefetchValues = false
	return &seeker{it: txn.NewIterator(opts)}
}

// maxStep is how many keys a seeker steps over before it seeks.
const maxStep = 8

// Get returns the item of key, or badger.ErrKeyNotFound. The item is
// valid until the next Get.
func (s *seeker) Get(key []byte) (*badger.Item, error) {
	if !s.step(key) {
		s.it.Seek(key)
	}
	if !s.it.Valid() || !bytes.Equal(s.it.Item().Key(), key) {
		return nil, badger.ErrKeyNotFound
	}
	return s.it.Item(), nil
}

// step moves the iterator from a key before key to key, or to the first
// key after it, within maxStep steps; it reports whether it did (else
// the caller seeks).
func (s *seeker) step(key []byte) bool {
	if !s.it.Valid() || bytes.Compare(s.it.Item().Key(), key) >= 0 {
		return false
	}
	for range maxStep {
		s.it.Next()
		if !s.it.Valid() || bytes.Compare(s.it.Item().Key(), key) >= 0 {
			return true
		}
	}
	return false
}
