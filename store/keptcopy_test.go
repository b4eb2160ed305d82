package store

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestKeptCopiesAreTheWalks is a property test of the copies a bulk
// ingest keeps for its close (keptcopy.go), on a real Badger: random
// articles (dated at random, so that an edge's lead moves from one
// transaction to another) put into a new store through a batch that
// defers its counts, in many transactions, and flushed once; the close,
// of a large session, writes the kept copies. Every l/ and k/ key and
// value it leaves is what the walk writes (writeLeadCopies) into the
// same store with its copies removed, both are current, the views are
// those read from the mention keys before, and Check is clean. The kept
// copies must be taken when nothing came between (and not when an
// article put twice ended the deferral, or the values passed
// maxKeptLeads: the walk then writes them, with the same outcome).
func TestKeptCopiesAreTheWalks(t *testing.T) {
	tests := []struct {
		name   string
		twice  bool  // one article put twice: the deferral ends
		limit  int64 // maxKeptLeads
		useful bool  // the close takes the kept copies
	}{
		{"kept", false, 64 << 20, true},
		{"article put twice", true, 64 << 20, false},
		{"past the bound", false, 1 << 10, false},
	}
	for _, tt := range tests {
		for seed := range uint64(3) {
			t.Run(fmt.Sprint(tt.name, seed), func(t *testing.T) {
				defer func(limit int64) { maxKeptLeads = limit }(maxKeptLeads)
				maxKeptLeads = tt.limit
				dir := t.TempDir()
				s, err := open(dir, Options{}, largeTestOptions)
				if err != nil {
					t.Fatal(err)
				}
				bulkPut(t, s, rand.New(rand.NewPCG(seed, 26)), tt.twice)
				want := views(t, s)
				if got := s.kept.keptFor(s.db); got != tt.useful {
					t.Errorf("kept copies usable %v, want %v", got, tt.useful)
				}
				closedAsLarge(t, s, want)
				got := copiesIn(t, dir)
				walked := walkedCopies(t, dir)
				if len(got) == 0 || !maps.Equal(got, walked) {
					t.Errorf("the close's copies (%d) differ from the walk's (%d)", len(got), len(walked))
				}
			})
		}
	}
}

// bulkPut puts random articles into s through one batch that defers its
// counts, in transactions of a few KB, 600 of them and more until they
// fill a test memtable (a large session), and flushes it once; twice puts
// one of them a second time.
func bulkPut(t *testing.T, s *Store, r *rand.Rand, twice bool) {
	t.Helper()
	b := s.NewBatch()
	b.DeferCounts()
	b.maxSize, b.maxCount = 4<<10, 1<<20
	for i := 0; i < 600 || newestMemtable(s.dir) == s.memtable; i++ {
		if i > 30000 {
			t.Fatal("no memtable filled: not a large session")
		}
		n := i
		if twice && i == 400 {
			n = 100
		}
		art, ms := randomArticle(r, n)
		if err := b.Put(context.Background(), art, nil, ms, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
}

// copiesIn returns the l/ and k/ keys and values of the store in dir, and
// expects them current.
func copiesIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	s, err := open(dir, Options{ReadOnly: true}, largeTestOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
		t.Error("copies not current")
	}
	out := map[string]string{}
	err = s.db.View(func(txn *badger.Txn) error {
		for _, p := range []string{leadCopyPrefix, inCopyPrefix} {
			err := eachValue(context.Background(), txn, []byte(p), func(k, v []byte) error {
				out[string(k)] = string(v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// walkedCopies removes the copies of the store in dir, has the walk write
// them again and returns them.
func walkedCopies(t *testing.T, dir string) map[string]string {
	t.Helper()
	db, err := badger.Open(largeTestOptions(dir).WithValueThreshold(leadCopyThreshold).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.DropPrefix([]byte(leadCopyPrefix), []byte(inCopyPrefix))
	if err == nil {
		err = writeLeadCopies(context.Background(), db)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return copiesIn(t, dir)
}

// TestKeptLeadValues: an edge's kept mention is the one at its lead,
// whichever of the transactions brought it.
func TestKeptLeadValues(t *testing.T) {
	k := graph.EdgeKey{Source: "RUS", Relation: graph.Accuses, Target: "UKR"}
	var d deferredCounts
	add := func(lead, value string) {
		q := pendingCounts{}
		q.addEdge(pendingEdge{key: k, id: edgeID{1}, delta: aggregate{Mentions: 1, lead: lead}, leadValue: []byte(value)})
		d.merge(&q)
	}
	add("2024b", "second")
	add("2024a", "first")
	add("2024c", "third")
	e := d.chunks[0][0]
	if e.delta.lead != "2024a" || string(e.leadValue) != "first" || d.leads.lost {
		t.Errorf("lead %q kept %q (lost %v), want 2024a and first", e.delta.lead, e.leadValue, d.leads.lost)
	}
	q := pendingCounts{}
	q.addEdge(pendingEdge{key: k, id: edgeID{1}, delta: aggregate{Mentions: 1, lead: "2023"}})
	d.merge(&q)
	if !d.leads.lost {
		t.Error("a lead without its value did not lose the kept values")
	}
	if d.leads.blocks != nil || d.chunks[0][0].leadValue != nil {
		t.Errorf("arena %+v, kept %q after they were lost", d.leads, d.chunks[0][0].leadValue)
	}
}
