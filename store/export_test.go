package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
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

// MentionKey is the key of the n-th mention of src rel dst in article art,
// dated day (YYYY-MM-DD), for tests that break the store on purpose.
func MentionKey(src, rel, dst, day, art string, n int) string {
	d, err := graph.ParseDate(day)
	if err != nil {
		panic(err)
	}
	k := graph.EdgeKey{Source: graph.ActorID(src), Relation: graph.Relation(rel), Target: graph.ActorID(dst)}
	return string(mentionKey(k, d, art, n))
}

// DowngradeToFormat1 rewrites the store as geokg format 1 wrote it (JSON
// mentions keyed without their date, r/ keys without counts), for testing
// the upgrade.
func (s *Store) DowngradeToFormat1() error {
	return s.db.Update(func(txn *badger.Txn) error {
		type kv struct{ k, v []byte }
		var sets []kv
		var dels [][]byte
		err := eachValue(context.Background(), txn, []byte(mentionPrefix), func(k, v []byte) error {
			key, ref, err := parseMentionKey(k)
			if err != nil {
				return err
			}
			m, err := decodeMention(v)
			if err != nil {
				return err
			}
			js, err := json.Marshal(m)
			if err != nil {
				return err
			}
			old := join(mentionPrefix, string(key.Source), string(key.Relation), string(key.Target), ref.article, fmt.Sprintf("%06d", ref.n))
			sets = append(sets, kv{old, js})
			dels = append(dels, slices.Clone(k))
			return nil
		})
		if err != nil {
			return err
		}
		err = eachKey(context.Background(), txn, []byte(revPrefix), func(k []byte) error {
			sets = append(sets, kv{slices.Clone(k), nil})
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range dels {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, e := range sets {
			if err := txn.Set(e.k, e.v); err != nil {
				return err
			}
		}
		return txn.Set([]byte(formatKey), []byte("1"))
	})
}

// DowngradeTo marks the store as format 2 or 3: no claimant flags on its
// mentions and, for format 2, e/ values that held the edge's counts, here
// wrong ones (99 articles, 99 mentions, undated) that must be ignored.
func (s *Store) DowngradeTo(format int) error {
	return s.db.Update(func(txn *badger.Txn) error {
		var edges, mentions, values [][]byte
		err := eachKey(context.Background(), txn, []byte(edgePrefix), func(k []byte) error {
			edges = append(edges, slices.Clone(k))
			return nil
		})
		if err != nil {
			return err
		}
		err = eachValue(context.Background(), txn, []byte(mentionPrefix), func(k, v []byte) error {
			mentions, values = append(mentions, slices.Clone(k)), append(values, slices.Clone(v))
			return nil
		})
		if err != nil {
			return err
		}
		for i, k := range mentions {
			if err := txn.Set(k, values[i]); err != nil { // user meta 0
				return err
			}
		}
		if format == 2 {
			for _, k := range edges {
				if err := txn.Set(k, []byte{99, 99, 0, 0}); err != nil {
					return err
				}
			}
		}
		return txn.Set([]byte(formatKey), []byte(strconv.Itoa(format)))
	})
}

// Format returns the value of the store's format key.
func (s *Store) Format() (string, error) {
	var v []byte
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(formatKey))
		if err != nil {
			return err
		}
		v, err = item.ValueCopy(nil)
		return err
	})
	return string(v), err
}
