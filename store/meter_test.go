package store

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// TestTxnMeterCountsAsBadger fills transactions of the real options with
// random entries (keys and values of every length around the value
// threshold, sets and deletes) until Badger refuses one, and expects the
// meter to have stayed under Badger's limits while Badger took entries
// and to reach one of them with the entry Badger refused: a Batch that
// commits by the meter then never meets ErrTxnTooBig, and does not commit
// much earlier than it must.
func TestTxnMeterCountsAsBadger(t *testing.T) {
	s, err := open(t.TempDir(), Options{}, badgerOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	maxSize, maxCount := s.db.MaxBatchSize(), s.db.MaxBatchCount()
	threshold := s.db.Opts().ValueThreshold
	r := rand.New(rand.NewPCG(5, 8))
	for round := range 8 {
		// even rounds: short entries, so the count runs out; odd: long keys
		keyLen := 8
		if round%2 == 1 {
			keyLen = 300
		}
		txn := s.db.NewTransaction(true)
		m := newTxnMeter(threshold)
		w := meteredTxn{txn, &m}
		for i := 0; ; i++ {
			key := make([]byte, 1+r.IntN(keyLen))
			for j := range key {
				key[j] = byte('a' + r.IntN(26))
			}
			value := make([]byte, r.IntN(2*int(threshold)))
			switch r.IntN(3) {
			case 0:
				err = w.Set(key, value)
			case 1:
				err = w.SetEntry(badger.NewEntry(key, value).WithMeta(1))
			default:
				err = w.Delete(key)
			}
			if errors.Is(err, badger.ErrTxnTooBig) {
				if m.size < maxSize && m.count < maxCount {
					t.Fatalf("round %d: Badger refused entry %d at %d bytes, %d entries by the meter; limits %d, %d", round, i, m.size, m.count, maxSize, maxCount)
				}
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.size >= maxSize || m.count >= maxCount {
				t.Fatalf("round %d: Badger took entry %d at %d bytes, %d entries by the meter; limits %d, %d", round, i, m.size, m.count, maxSize, maxCount)
			}
		}
		txn.Discard()
	}
}
