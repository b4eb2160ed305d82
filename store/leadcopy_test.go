package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// copiesCurrent reports whether s's copies of first mentions are current.
func copiesCurrent(t *testing.T, s *Store) bool {
	t.Helper()
	var ok bool
	if err := s.db.View(func(txn *badger.Txn) error { ok = leadCopiesCurrent(s.db, txn); return nil }); err != nil {
		t.Fatal(err)
	}
	return ok
}

// inCopiesCurrentIn reports whether s's in-edge copies are current.
func inCopiesCurrentIn(t *testing.T, s *Store) bool {
	t.Helper()
	var ok bool
	if err := s.db.View(func(txn *badger.Txn) error { ok = inCopiesCurrent(s.db, txn); return nil }); err != nil {
		t.Fatal(err)
	}
	return ok
}

// views returns the views of every actor of propActors with their first
// mention, and with all of them.
func views(t *testing.T, s *Store) []*graph.View {
	t.Helper()
	var out []*graph.View
	for _, id := range propActors {
		for _, f := range []Filter{{Evidence: 1}, {Evidence: -1}, {Evidence: 1, Direction: graph.In}} {
			v, err := s.View(context.Background(), id, f)
			if err != nil {
				t.Fatal(err)
			}
			sameHeld(t, s, v, id, f)
			out = append(out, v)
		}
	}
	return out
}

// TestLeadCopies is a property test of the copies of first mentions:
// after random ingests and forgets, views read with the copies are those
// read from the mention keys; a copy whose lead is not the edge's is not
// used; a commit that does not keep them (leadcopy.go) retires them all.
func TestLeadCopies(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 5))
			s := openSmallTest(t)
			var ids []string
			for i := range 50 {
				art, ms := randomArticle(r, i)
				if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, art.ID)
				if r.IntN(5) == 0 {
					id := ids[r.IntN(len(ids))]
					if _, err := s.Forget(ctx, id); err != nil {
						t.Fatal(err)
					}
					ids = slices.DeleteFunc(ids, func(x string) bool { return x == id })
				}
			}
			want := views(t, s) // from the mention keys: no copies yet
			if copiesCurrent(t, s) {
				t.Fatal("copies current before any was written")
			}
			if err := writeLeadCopies(ctx, s.db); err != nil {
				t.Fatal(err)
			}
			if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
				t.Fatal("copies not current right after they were written")
			}
			if got := views(t, s); !reflect.DeepEqual(got, want) {
				t.Fatalf("views with the copies differ from those read from the mention keys")
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
				t.Fatalf("Check with current copies = %q, %v; want no problems", problems, err)
			}
			markOneCopy(t, s)
			if problems, err := s.Check(ctx); err != nil || len(problems) != 1 || !strings.Contains(problems[0], "copy of its first mention") {
				t.Errorf("Check with a copy that is not its mention = %q, %v; want that problem", problems, err)
			}
			if !slices.ContainsFunc(views(t, s), func(v *graph.View) bool {
				return slices.ContainsFunc(v.Links, func(l graph.Link) bool {
					return len(l.Edge.Evidence) > 0 && l.Edge.Evidence[0].Sentence == "copied"
				})
			}) {
				t.Errorf("no view took its first mention from the copy marked \"copied\"")
			}
			spoilOneCopy(t, s)
			if got := views(t, s); !reflect.DeepEqual(got, want) {
				t.Errorf("a copy of another lead was used")
			}
			// an in-edge copy is what a view of its target reads
			markOneInCopy(t, s)
			if problems, err := s.Check(ctx); err != nil || len(problems) != 1 || !strings.Contains(problems[0], "in-edge copy") {
				t.Errorf("Check with an in-edge copy that is not its mention = %q, %v; want that problem", problems, err)
			}
			if !slices.ContainsFunc(views(t, s), func(v *graph.View) bool {
				return slices.ContainsFunc(v.Links, func(l graph.Link) bool {
					return len(l.Edge.Evidence) > 0 && l.Edge.Evidence[0].Sentence == "in-copied"
				})
			}) {
				t.Errorf("no view took its first mention from the in-edge copy marked \"in-copied\"")
			}
			retireLeadCopies(t, s)
			if got := views(t, s); !reflect.DeepEqual(got, want) {
				t.Errorf("views with retired copies differ from those read from the mention keys")
			}
			if err := s.db.Update(func(txn *badger.Txn) error {
				return errors.Join(stampLeadCopies(txn), stampInCopies(txn))
			}); err != nil {
				t.Fatal(err)
			}
			art, ms := randomArticle(r, 999)
			if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
				t.Fatal(err)
			}
			if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
				t.Errorf("copies retired by a PutArticle, which keeps them")
			}
			retireLeadCopies(t, s)
			// written again over the old ones (the spoilt one among them)
			want = views(t, s)
			if err := writeLeadCopies(ctx, s.db); err != nil {
				t.Fatal(err)
			}
			if got := views(t, s); !copiesCurrent(t, s) || !reflect.DeepEqual(got, want) {
				t.Errorf("copies written again: current %v, views equal %v", copiesCurrent(t, s), reflect.DeepEqual(got, want))
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
				t.Errorf("Check after the copies were written again = %q, %v", problems, err)
			}
		})
	}
}

// markOneCopy makes the first copy's sentence "copied", and records the
// copies as current again: a view that shows it took it from the copy.
func markOneCopy(t *testing.T, s *Store) {
	t.Helper()
	editOneCopy(t, s, func(k []byte, lead string, m graph.Mention) []byte {
		m.Sentence = "copied"
		return appendLeadCopy(nil, lead, appendMention(nil, m))
	})
}

// spoilOneCopy gives the first copy another lead (its first mention as it
// was), and records the copies as current again.
func spoilOneCopy(t *testing.T, s *Store) {
	t.Helper()
	editOneCopy(t, s, func(k []byte, lead string, m graph.Mention) []byte {
		other := lead[:len(lead)-1] + string(rune(lead[len(lead)-1]^1))
		return appendLeadCopy(nil, other, appendMention(nil, m))
	})
}

// editOneCopy rewrites the first copy (of the first mention m, at lead)
// with what edit returns, and records the copies as current again.
func editOneCopy(t *testing.T, s *Store, edit func(k []byte, lead string, m graph.Mention) []byte) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(leadCopyPrefix)})
		defer it.Close()
		it.Rewind()
		if !it.Valid() {
			return fmt.Errorf("no copy")
		}
		k := it.Item().KeyCopy(nil)
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		lead, mention, ok := parseLeadCopy(v)
		if !ok {
			return fmt.Errorf("copy %q does not parse", k)
		}
		edge, err := parseLeadCopyKey(k)
		if err != nil {
			return err
		}
		m, err := decodeMention(edge, leadKey(edge, lead), mention)
		if err != nil {
			return err
		}
		return txn.Set(k, edit(k, lead, m))
	})
	if err == nil {
		err = s.db.Update(func(txn *badger.Txn) error { return errors.Join(stampLeadCopies(txn), stampInCopies(txn)) })
	}
	if err != nil {
		t.Fatal(err)
	}
	if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
		t.Fatal("copies not current after editing one")
	}
}

// markOneInCopy makes the sentence of the first in-edge copy's mention
// "in-copied", and records the copies as current again.
func markOneInCopy(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(inCopyPrefix)})
		defer it.Close()
		it.Rewind()
		if !it.Valid() {
			return fmt.Errorf("no in-edge copy")
		}
		k := it.Item().KeyCopy(nil)
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		counts, mention, ok := splitInCopy(v)
		edge, kerr := parseInCopyKey(k)
		a, aerr := decodeAggregate(counts)
		if !ok || kerr != nil || aerr != nil {
			return fmt.Errorf("in-edge copy %q: %q does not parse", k, v)
		}
		m, err := decodeLed(edge, []byte(a.lead), mention)
		if err != nil {
			return err
		}
		m.Sentence = "in-copied"
		return txn.Set(k, appendInCopy(nil, counts, appendMention(nil, m)))
	})
	if err == nil {
		err = s.db.Update(func(txn *badger.Txn) error { return errors.Join(stampLeadCopies(txn), stampInCopies(txn)) })
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestForgetDropsLeadCopies: a forgotten article's sentence is in no key
// or value of the store afterwards, also when it was the copied first
// mention of an edge that other articles keep and of one it alone held.
func TestForgetDropsLeadCopies(t *testing.T) {
	ctx := context.Background()
	s := openSmallTest(t)
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	put := func(id string, d int, ms ...graph.Mention) {
		t.Helper()
		art := graph.Article{ID: id, Date: day(d)}
		for i := range ms {
			ms[i].Article, ms[i].Status = id, graph.Asserted
		}
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	const secret = "Iran armed Russia, the forgotten wire said."
	put("old", 1,
		graph.Mention{Source: "IRN", Relation: graph.Supplies, Target: "RUS", Sentence: secret},
		graph.Mention{Source: "IRN", Relation: graph.Accuses, Target: "UKR", Sentence: secret})
	put("new", 9, graph.Mention{Source: "IRN", Relation: graph.Supplies, Target: "RUS", Sentence: "Iran sent drones to Russia."})
	if err := writeLeadCopies(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	if n := storeHolds(t, s, secret); n != 6 { // two mentions, two copies, two in-edge copies
		t.Fatalf("before the forget the sentence is in %d keys, want 6", n)
	}
	if _, err := s.Forget(ctx, "old"); err != nil {
		t.Fatal(err)
	}
	if n := storeHolds(t, s, secret); n != 0 {
		t.Fatalf("after the forget the forgotten sentence is still in %d keys", n)
	}
}

// storeHolds counts the keys of s whose key or value holds text.
func storeHolds(t *testing.T, s *Store, text string) int {
	t.Helper()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if strings.Contains(string(it.Item().Key()), text) || strings.Contains(string(v), text) {
				n++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLeadCopiesKeptBySmallWrites is a property test of the copies kept
// across small writes: after each random PutArticle (new articles, some
// dated before an edge's first mention), date correction (which moves an
// article's mention keys), forget, and one-article Batch, the copies are
// still current, the views read with them are those read from the mention
// keys, and Check finds nothing wrong; a write that does not keep them
// retires them for good.
func TestLeadCopiesKeptBySmallWrites(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			s := openSmallTest(t)
			var stored []graph.Article
			put := func(art graph.Article, ms []graph.Mention) {
				t.Helper()
				if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
					t.Fatal(err)
				}
			}
			for i := range 30 {
				art, ms := randomArticle(r, i)
				put(art, ms)
				stored = append(stored, art)
			}
			if err := writeLeadCopies(ctx, s.db); err != nil {
				t.Fatal(err)
			}
			kept, inKept := 0, 0
			for i := 30; i < 70; i++ {
				what := smallWrite(t, s, r, i, &stored)
				if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
					t.Fatalf("write %d (%s): copies retired", i, what)
				}
				with := views(t, s)
				retireLeadCopies(t, s)
				if got := views(t, s); !reflect.DeepEqual(with, got) {
					t.Fatalf("write %d (%s): views with the copies differ from those read from the mention keys", i, what)
				}
				// the write above touched no mention: the copies are as current as before it
				if err := s.db.Update(func(txn *badger.Txn) error { return errors.Join(stampLeadCopies(txn), stampInCopies(txn)) }); err != nil {
					t.Fatal(err)
				}
				if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
					t.Fatalf("write %d (%s): Check = %q, %v", i, what, problems, err)
				}
				kept = countLeadCopies(t, s)
				inKept = countPrefix(t, s, inCopyPrefix)
			}
			if kept == 0 || inKept == 0 {
				t.Fatalf("%d copies and %d in-edge copies left after the small writes", kept, inKept)
			}
			retireLeadCopies(t, s)
			art, ms := randomArticle(r, 99)
			put(art, ms)
			if _, err := s.Forget(ctx, stored[0].ID); err != nil {
				t.Fatal(err)
			}
			if copiesCurrent(t, s) {
				t.Error("retired copies current again after a put and a forget")
			}
		})
	}
}

// smallWrite makes one random small write to s: a new article (some
// through a Batch), a date correction of a stored one, or a forget; it
// says which.
func smallWrite(t *testing.T, s *Store, r *rand.Rand, i int, stored *[]graph.Article) string {
	t.Helper()
	ctx := context.Background()
	switch r.IntN(4) {
	case 0:
		a := (*stored)[r.IntN(len(*stored))]
		if _, err := s.Forget(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		*stored = slices.DeleteFunc(*stored, func(b graph.Article) bool { return b.ID == a.ID })
		return "forget"
	case 1:
		a := (*stored)[r.IntN(len(*stored))]
		moved := a
		moved.Date = time.Date(2022, 6, 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		moved.Origins.Date = graph.OriginGiven
		if _, err := s.PutArticle(ctx, moved, nil, nil); err != nil {
			t.Fatal(err)
		}
		return "date moved"
	case 2:
		art, ms := randomArticle(r, i)
		b := s.NewBatch()
		if err := b.Put(ctx, art, nil, ms, nil); err != nil {
			t.Fatal(err)
		}
		if err := b.Flush(); err != nil {
			t.Fatal(err)
		}
		*stored = append(*stored, art)
		return "batch"
	}
	art, ms := randomArticle(r, i)
	if r.IntN(2) == 0 && !art.Date.IsZero() {
		art.Date = art.Date.AddDate(-3, 0, 0) // before every stored lead
		for j := range ms {
			if !ms[j].Date.IsZero() {
				ms[j].Date = ms[j].Date.AddDate(-3, 0, 0)
			}
		}
	}
	if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
		t.Fatal(err)
	}
	*stored = append(*stored, art)
	return "put"
}

// retireLeadCopies commits a write that keeps no copy current: the format
// key written again.
func retireLeadCopies(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(formatKey), []byte(fmt.Sprint(FormatVersion)))
	})
	if err != nil {
		t.Fatal(err)
	}
	if copiesCurrent(t, s) {
		t.Fatal("copies current after a write that does not keep them")
	}
}

// countLeadCopies is how many copies of first mentions s holds.
func countLeadCopies(t *testing.T, s *Store) int {
	t.Helper()
	return countPrefix(t, s, leadCopyPrefix)
}

// countPrefix is how many keys s holds under prefix.
func countPrefix(t *testing.T, s *Store, prefix string) int {
	t.Helper()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMergeKeepsCurrentCopies: the merge of level 0 after small sessions
// leaves current copies as they are (a copy marked "copied" stays), and
// after a large session writes them again (the mark is gone).
func TestMergeKeepsCurrentCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 3))
	for i := range 20 {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeLeadCopies(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	markOneCopy(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, large := range []bool{false, true} {
		if err := s.mergeLevelZero(large); err != nil {
			t.Fatal(err)
		}
		again, err := OpenSmall(dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if !large {
			want = 1
		}
		if n := storeHolds(t, again, "copied"); n != want || !copiesCurrent(t, again) {
			t.Errorf("after a merge (large session %v): %d marked copies, want %d; current %v", large, n, want, copiesCurrent(t, again))
		}
		if err := again.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMergeMovesActorsIntoTree: the close of a large session writes the
// actor records that an ingest's value threshold sent to the value log
// again, into the tree (actorsIntoTree), and they read the same.
func TestMergeMovesActorsIntoTree(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	bopts := func(dir string) badger.Options { return testBadgerOptions(dir).WithValueThreshold(64) }
	s, err := open(dir, Options{}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	var actors []graph.Actor
	for _, id := range propActors {
		actors = append(actors, graph.Actor{ID: id, Name: "The State of " + string(id), Type: graph.Country,
			Aliases: []string{string(id) + " capital", "the government of " + string(id)}})
	}
	r := rand.New(rand.NewPCG(4, 4))
	for i := range 20 {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, actors, ms); err != nil {
			t.Fatal(err)
		}
	}
	want := views(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// inTree counts the actor records whose value is in the tree (Badger
	// sizes an entry of the value log by its header and checksum too)
	inTree := func(s *Store) (n, all int) {
		t.Helper()
		err := s.db.View(func(txn *badger.Txn) error {
			return eachItem(ctx, txn, []byte(actorPrefix), func(item *badger.Item) error {
				all++
				if item.EstimatedSize() == item.KeySize()+item.ValueSize() {
					n++
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return n, all
	}
	before, err := open(dir, Options{ReadOnly: true}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	if n, all := inTree(before); all != len(actors) || n != 0 {
		t.Errorf("before the merge: %d of %d actor records in the tree, want 0 of %d", n, all, len(actors))
	}
	if err := before.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.mergeLevelZero(true); err != nil {
		t.Fatal(err)
	}
	after, err := open(dir, Options{ReadOnly: true}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	defer after.Close()
	if n, all := inTree(after); all != len(actors) || n != all {
		t.Errorf("after the merge: %d of %d actor records in the tree, want all %d", n, all, len(actors))
	}
	if got := views(t, after); !reflect.DeepEqual(got, want) || !copiesCurrent(t, after) {
		t.Errorf("after the merge: views equal %v, copies current %v", reflect.DeepEqual(got, want), copiesCurrent(t, after))
	}
	if problems, err := after.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the merge = %q, %v", problems, err)
	}
}

// TestMergeFlattensSmallStore: the close of a large session puts the
// tables of a store whose tables lie in two levels below level 0 into one
// (flattenSmall), and the graph stays what it was.
func TestMergeFlattensSmallStore(t *testing.T) {
	dir := t.TempDir()
	bopts := func(dir string) badger.Options {
		return testBadgerOptions(dir).WithMemTableSize(256 << 10).WithBaseTableSize(64 << 10).
			WithBaseLevelSize(256 << 10).WithNumLevelZeroTables(2).WithValueThreshold(1 << 10)
	}
	s, err := open(dir, Options{}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(8, 8))
	b := s.NewBatch()
	for i := 0; levelsBelowZero(s.db) < 2; i++ {
		art, ms := randomArticle(r, i)
		putPadded(t, b, art, ms, i)
		if i > 30000 {
			t.Fatalf("still %d levels below level 0 after %d articles", levelsBelowZero(s.db), i)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	want := views(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.mergeLevelZero(true); err != nil {
		t.Fatal(err)
	}
	s, err = open(dir, Options{ReadOnly: true}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := levelsBelowZero(s.db); n != 1 {
		t.Errorf("after the close of a large session: tables in %d levels below level 0, want 1", n)
	}
	if got := views(t, s); !reflect.DeepEqual(got, want) {
		t.Error("the views changed with the flatten")
	}
}

// levelsBelowZero is how many levels below level 0 of db hold tables.
func levelsBelowZero(db *badger.DB) int {
	n := 0
	for _, l := range db.Levels() {
		if l.Level > 0 && l.NumTables > 0 {
			n++
		}
	}
	return n
}

// largeTestOptions: 256 KB memtables and level 0 compacted at 48 tables
// (as in badgerOptions), so that a test fills memtables quickly and
// Badger compacts level 0 only when told to.
func largeTestOptions(dir string) badger.Options {
	return testBadgerOptions(dir).WithMemTableSize(256 << 10).WithBaseTableSize(64 << 10).
		WithNumLevelZeroTables(48).WithNumLevelZeroTablesStall(96).WithValueThreshold(64)
}

// fillMemtables puts random articles into s in one batch until the
// session has filled n memtables.
func fillMemtables(t *testing.T, s *Store, r *rand.Rand, n int) {
	t.Helper()
	b := s.NewBatch()
	for i := 0; newestMemtable(s.dir)-s.memtable < n; i++ {
		art, ms := randomArticle(r, int(r.Int32()))
		putPadded(t, b, art, ms, i)
		if i > 30000 {
			t.Fatalf("%d memtables filled after %d articles", newestMemtable(s.dir)-s.memtable, i)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
}

// putPadded puts art into b with each sentence twenty times over, so
// that a few hundred articles fill a test memtable, and flushes b after
// every hundredth article (the i-th of the caller's loop).
func putPadded(t *testing.T, b *Batch, art graph.Article, ms []graph.Mention, i int) {
	t.Helper()
	for j := range ms {
		ms[j].Sentence = strings.Repeat(ms[j].Sentence+" ", 20)
	}
	if err := b.Put(context.Background(), art, nil, ms, nil); err != nil {
		t.Fatal(err)
	}
	if i%100 == 99 {
		if err := b.Flush(); err != nil {
			t.Fatal(err)
		}
	}
}

// closedAsLarge closes s and checks that its close merged level 0, wrote
// the copies of first mentions and left the tables in one level, and
// that the views are still want.
func closedAsLarge(t *testing.T, s *Store, want []*graph.View) {
	t.Helper()
	dir := s.dir
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := open(dir, Options{ReadOnly: true}, largeTestOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, below := levelZeroTables(s.db), levelsBelowZero(s.db); n != 0 || below != 1 {
		t.Errorf("after the close: %d tables in level 0 and tables in %d levels below it, want 0 and 1", n, below)
	}
	if !copiesCurrent(t, s) || !inCopiesCurrentIn(t, s) {
		t.Errorf("after the close: copies current %v, in-edge copies current %v, want both", copiesCurrent(t, s), inCopiesCurrentIn(t, s))
	}
	if got := views(t, s); !reflect.DeepEqual(got, want) {
		t.Error("the views changed with the close's merge")
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("Check after the close = %q, %v", problems, err)
	}
}

// TestLargeSessionAfterCompactions: a session that filled compactOnClose
// memtables or more is a large one whatever Badger's compactions left in
// level 0 (they empty it as the session goes; here a Flatten does, at
// once): its close merges level 0, writes the copies of first mentions
// and puts the tables in one level. Told apart by level 0 alone, the
// close of the 1 GB benchmark corpus's ingest, which found 11 tables
// there, did none of it.
func TestLargeSessionAfterCompactions(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(16, 16))
	// a first session, large by level 0 too, leaves its tables below
	// level 0, for the Flatten
	s, err := open(dir, Options{}, largeTestOptions)
	if err != nil {
		t.Fatal(err)
	}
	fillMemtables(t, s, r, compactOnClose)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = open(dir, Options{}, largeTestOptions)
	if err != nil {
		t.Fatal(err)
	}
	fillMemtables(t, s, r, compactOnClose+2)
	if err := s.db.Flatten(2); err != nil {
		t.Fatal(err)
	}
	if n := levelZeroTables(s.db); n >= compactOnClose {
		t.Fatalf("%d tables in level 0 after the Flatten, want fewer than %d", n, compactOnClose)
	}
	closedAsLarge(t, s, views(t, s))
}

// TestSessionLargeForItsStore: a session that filled fewer than
// compactOnClose memtables, but as many bytes of them as the store's
// tables hold over largeShare (here the first session of a store), is a
// large one too.
func TestSessionLargeForItsStore(t *testing.T) {
	dir := t.TempDir()
	s, err := open(dir, Options{}, largeTestOptions)
	if err != nil {
		t.Fatal(err)
	}
	fillMemtables(t, s, rand.New(rand.NewPCG(17, 17)), 3)
	if n := levelZeroTables(s.db); n >= compactOnClose {
		t.Fatalf("%d tables in level 0, want fewer than %d", n, compactOnClose)
	}
	closedAsLarge(t, s, views(t, s))
}

// TestSmallMergeWritesNoCopiesPastLimit: the merge after small sessions
// in a store whose tables hold more than copiesWalkLimit merges level 0
// but leaves copies that are not current unwritten (writing them walks
// every mention key of the store: 8 CPU s in the close of a one-article
// forget on the 1 GB benchmark store); views read the mentions instead.
func TestSmallMergeWritesNoCopiesPastLimit(t *testing.T) {
	defer func(limit int64) { copiesWalkLimit = limit }(copiesWalkLimit)
	copiesWalkLimit = 0
	ctx := context.Background()
	dir := t.TempDir()
	bopts := func(dir string) badger.Options {
		return testBadgerOptions(dir).WithNumLevelZeroTables(48).WithNumLevelZeroTablesStall(96)
	}
	r := rand.New(rand.NewPCG(32, 32))
	var want []*graph.View
	for i := 0; ; i++ {
		if i > 2*compactAlways {
			t.Fatalf("level 0 not merged in %d sessions", i)
		}
		s, err := open(dir, Options{}, bopts)
		if err != nil {
			t.Fatal(err)
		}
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
		merging := levelZeroTables(s.db) >= compactAlways
		if merging {
			want = views(t, s)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if merging {
			break
		}
	}
	s, err := open(dir, Options{ReadOnly: true}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := levelZeroTables(s.db); n != 0 {
		t.Errorf("after the merge: %d tables in level 0, want 0", n)
	}
	for _, prefix := range []string{leadCopyPrefix, inCopyPrefix} {
		if keys, err := s.Keys(prefix); err != nil || len(keys) != 0 {
			t.Errorf("after the merge: %d keys under %s (%v), want none", len(keys), prefix, err)
		}
	}
	if copiesCurrent(t, s) || inCopiesCurrentIn(t, s) {
		t.Error("after the merge: copies current, want not")
	}
	if got := views(t, s); !reflect.DeepEqual(got, want) {
		t.Error("the views changed with the merge")
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the merge = %q, %v", problems, err)
	}
}
