package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// view runs fn in a read transaction, after checking ctx. A panic in it
// (Badger's, on a damaged table) and a key or value that does not decode
// come out as a *DamagedError (see Store.damage).
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.damage(catch(func() error {
		return s.db.View(func(txn *badger.Txn) error {
			defer closeCursor(txn)
			return fn(txn)
		})
	}))
}

// eachKey calls fn with every key under prefix, in order, without reading
// values (key-only iteration). The key is only valid during the call.
func eachKey(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(k []byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(it.Item().Key()); err != nil {
			return err
		}
	}
	return nil
}

// eachValue calls fn with every key and value under prefix, in order. Both
// are only valid during the call.
func eachValue(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(k, v []byte) error) error {
	return eachItem(ctx, txn, prefix, func(item *badger.Item) error {
		return item.Value(func(v []byte) error { return fn(item.Key(), v) })
	})
}

// eachItem calls fn with every item under prefix, in order, values not
// read ahead (fn reads those it needs). The item is only valid during the
// call.
func eachItem(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(*badger.Item) error) error {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = prefix
	opts.PrefetchValues = false
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(it.Item()); err != nil {
			return err
		}
	}
	return nil
}

// countKeys counts the keys under prefix.
func countKeys(txn *badger.Txn, prefix []byte) (int, error) {
	n := 0
	err := eachKey(context.Background(), txn, prefix, func([]byte) error { n++; return nil })
	return n, err
}

// hasKey reports whether txn sees key; a failed lookup says yes.
func hasKey(txn *badger.Txn, key []byte) bool {
	_, err := txn.Get(key)
	return !errors.Is(err, badger.ErrKeyNotFound)
}

// hasKeys reports whether there is a key under prefix.
func hasKeys(txn *badger.Txn, prefix []byte) bool {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Seek(prefix)
	return it.ValidForPrefix(prefix)
}

// callbackError marks an error returned by a caller's callback, so that it
// reaches the caller unwrapped.
type callbackError struct{ err error }

func (e callbackError) Error() string { return e.err.Error() }
func (e callbackError) Unwrap() error { return e.err }

// callback marks err (if any) as the caller's own.
func callback(err error) error {
	if err == nil {
		return nil
	}
	return callbackError{err}
}

// unwrapCallback returns a callback's error as it was, and wraps any other
// error with what.
func unwrapCallback(err error, what string) error {
	var cb callbackError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &cb):
		return cb.err
	}
	return fmt.Errorf("%s: %w", what, err)
}
