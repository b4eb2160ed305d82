package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
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
		w := meteredTxn{Txn: txn, m: &m}
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

// TestBatchFillsTransactions puts thousands of articles through a Batch
// with the real options, with short actor ids (so that Badger's entry
// limit comes first) and with ids of 100 bytes (its size limit), and
// expects no transaction Badger found too big (the batch's estimate of the
// next article and of the counts a commit writes is never too low), and
// transactions committed more than half full on average (it is not too
// high either), and the counts right.
func TestBatchFillsTransactions(t *testing.T) {
	for _, idLen := range []int{3, 100} {
		t.Run(fmt.Sprint(idLen), func(t *testing.T) {
			s, err := open(t.TempDir(), Options{}, badgerOptions)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(uint64(idLen), 1))
			var actors []graph.ActorID
			for i := range 40 {
				id := fmt.Sprintf("A%0*d", idLen-1, i)
				actors = append(actors, graph.ActorID(id))
			}
			ctx := context.Background()
			b := s.NewBatch()
			// what is measured is the size rule: a transaction must not
			// be committed early for its age, which a loaded machine
			// (CI under -race) reaches before the transaction is full
			b.maxAge = time.Hour
			for n := range 1500 {
				day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(2000))
				art := graph.Article{ID: fmt.Sprintf("art%05d", n), Date: day, Actors: actors[:2]}
				var ms []graph.Mention
				for i := range 5 + r.IntN(40) {
					src, dst := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
					if src == dst {
						continue
					}
					ms = append(ms, graph.Mention{Source: src, Relation: graph.Relations[r.IntN(len(graph.Relations))], Target: dst,
						Article: art.ID, Date: day.AddDate(0, 0, -r.IntN(30)), Status: graph.Statuses[r.IntN(len(graph.Statuses))],
						Sentence: fmt.Sprintf("%s and %s, sentence %d.", src, dst, i), Trigger: "said"})
				}
				if err := b.Put(ctx, art, nil, ms, nil); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
			st := b.stats
			if st.overflows > 0 {
				t.Errorf("%d transactions were too big for Badger", st.overflows)
			}
			if st.async != st.commits-1 || st.redone > 0 {
				t.Errorf("%d commits, %d not waited for, %d transactions written again: want all but the last not waited for, none again", st.commits, st.async, st.redone)
			}
			// an entry of these articles takes at most about 3 ids' bytes
			limit := min(float64(s.db.MaxBatchCount()), float64(s.db.MaxBatchSize())/float64(idLen*3))
			if fill := float64(st.entries) / float64(st.commits); st.commits < 2 || fill < limit/2 {
				t.Errorf("%d commits of %.0f entries each on average", st.commits, fill)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
				t.Fatalf("Check: %q %v", problems, err)
			}
		})
	}
}

// TestBatchStaleCountsRedone makes a Batch's transaction, begun before the
// last commit was written (stale), need an edge's stored counts that its
// caches no longer hold, as if they had been emptied: the read must not
// see the counts from before that commit. The transaction is written again
// in a fresh one, and the counts equal those of the same articles put one
// by one.
func TestBatchStaleCountsRedone(t *testing.T) {
	ctx := context.Background()
	batched, err := open(t.TempDir(), Options{}, badgerOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer batched.Close()
	single, err := open(t.TempDir(), Options{}, badgerOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer single.Close()
	b := batched.NewBatch()
	b.maxCount = 40 // a commit every few articles
	r := rand.New(rand.NewPCG(9, 9))
	for n := 0; n < 200 && !(b.stale && len(b.items) > 0 && n > 50); n++ {
		art, ms := randomArticle(r, n)
		// every article shows this edge: the last commit changed its counts
		ms = append(ms, graph.Mention{Source: "RUS", Relation: graph.Accuses, Target: "UKR", Article: art.ID,
			Date: art.Date, Status: graph.Asserted, Sentence: "Russia accused Ukraine."})
		if err := b.Put(ctx, art, nil, ms, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := single.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	if !b.stale || len(b.items) == 0 {
		t.Fatal("no stale transaction with articles")
	}
	b.cache.counts.clear() // the next commit must read the edges' counts
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if b.stats.redone != 1 {
		t.Errorf("%d transactions written again, want 1", b.stats.redone)
	}
	if problems, err := batched.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("Check: %q %v", problems, err)
	}
	want, err := single.Graph(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := batched.Graph(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graphs differ: batch %d edges, one by one %d", len(got.Edges), len(want.Edges))
	}
}
