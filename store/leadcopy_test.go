package store

import (
	"context"
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
			out = append(out, v)
		}
	}
	return out
}

// TestLeadCopies is a property test of the copies of first mentions:
// after random ingests and forgets, views read with the copies are those
// read from the mention keys; a copy whose lead is not the edge's is not
// used; any commit after the copies retires them all.
func TestLeadCopies(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 5))
			s, err := OpenSmall(t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
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
			if !copiesCurrent(t, s) {
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
			art, ms := randomArticle(r, 999)
			if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
				t.Fatal(err)
			}
			if copiesCurrent(t, s) {
				t.Errorf("copies still current after a commit")
			}
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
		err = s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(leadCopiesKey), nil) })
	}
	if err != nil {
		t.Fatal(err)
	}
	if !copiesCurrent(t, s) {
		t.Fatal("copies not current after editing one")
	}
}

// TestForgetDropsLeadCopies: a forgotten article's sentence is in no key
// or value of the store afterwards, also when it was the copied first
// mention of an edge that other articles keep and of one it alone held.
func TestForgetDropsLeadCopies(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSmall(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
	if n := storeHolds(t, s, secret); n != 4 { // two mentions, two copies
		t.Fatalf("before the forget the sentence is in %d keys, want 4", n)
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
