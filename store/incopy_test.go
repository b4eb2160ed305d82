package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestUpgradeWritesInCopies: a store of format 15 (copies of first
// mentions current, no in-edge copies) is upgraded by a writable open,
// whose close writes the in-edge copies, one per edge; views read with
// them are those read before, and Check finds nothing.
func TestUpgradeWritesInCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	putWithLeadCopies(t, s, rand.New(rand.NewPCG(7, 16)), 30)
	want := views(t, s)
	if err := s.DowngradeTo(15); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	check := func(when string, s *Store) {
		t.Helper()
		edges, in := countPrefix(t, s, edgePrefix), countPrefix(t, s, inCopyPrefix)
		if in != edges || !inCopiesCurrentIn(t, s) {
			t.Errorf("%s: %d in-edge copies of %d edges, current %v", when, in, edges, inCopiesCurrentIn(t, s))
		}
		if got := views(t, s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: views differ from those before the upgrade", when)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
			t.Errorf("%s: Check = %q, %v", when, problems, err)
		}
	}
	s, err = OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := countPrefix(t, s, inCopyPrefix); n != 0 || inCopiesCurrentIn(t, s) {
		t.Fatalf("the upgrade's open: %d in-edge copies, current %v; want none until its close", n, inCopiesCurrentIn(t, s))
	}
	if got := views(t, s); !reflect.DeepEqual(got, want) {
		t.Error("views during the upgrade's session differ from those before it")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = OpenSmall(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check("after the upgrade's close", s)
}

// TestInCopyKeys: an in-edge copy's key names its edge target first, as
// an r/ key does, so that an actor's in-edges' copies lie together in r/
// order; its value splits into the counts and the mention it was made of.
func TestInCopyKeys(t *testing.T) {
	k := graph.EdgeKey{Source: "IRN", Relation: graph.Supplies, Target: "RUS"}
	if got, want := string(inCopyKey(k)), "k/RUS/"+string(graph.Supplies)+"/IRN"; got != want {
		t.Errorf("inCopyKey = %q, want %q", got, want)
	}
	if got, want := string(inCopyKey(k)[len(inCopyPrefix):]), string(revKey(k)[len(revPrefix):]); got != want {
		t.Errorf("in-edge copy key %q and r/ key %q name the edge differently", got, want)
	}
	if back, err := parseInCopyKey(inCopyKey(k)); err != nil || back != k {
		t.Errorf("parseInCopyKey = %v, %v; want %v", back, err, k)
	}
	counts, mention := []byte("counts"), []byte("the mention's value")
	c, m, ok := splitInCopy(appendInCopy(nil, counts, mention))
	if !ok || string(c) != string(counts) || string(m) != string(mention) {
		t.Errorf("splitInCopy = %q, %q, %v", c, m, ok)
	}
	if _, _, ok := splitInCopy([]byte{0x7f, 'x'}); ok {
		t.Error("a value shorter than its counts' length parsed")
	}
}

// TestInCopiesRenewedBySmallWrites: random small writes (puts, some
// dated before every lead, batches, date corrections, forgets) on a real
// Badger whose copies are current, in a session whose values go into the
// tree: after each, every edge whose counts a put or batch wrote has its
// in-edge copy, Check finds each copy equal to its edge's counts and the
// mention at their lead, the views read with the copies are those read
// from the mention keys, and while only articles are added every edge
// keeps its copy. A session of the usual sizes deletes them as before.
func TestInCopiesRenewedBySmallWrites(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 25))
			s := openSmallTest(t)
			stored := putWithLeadCopies(t, s, r, 30)
			onlyAdded := true
			for i := 30; i < 90; i++ {
				n := len(stored)
				what := smallWrite(t, s, r, i, &stored)
				if what == "forget" || what == "date moved" {
					onlyAdded = false
				}
				if !inCopiesCurrentIn(t, s) {
					t.Fatalf("write %d (%s): in-edge copies retired", i, what)
				}
				if len(stored) > n { // an article added: each of its edges has its copy
					for _, k := range mentionedEdges(t, s, stored[len(stored)-1].ID) {
						if !hasKeyIn(t, s, inCopyKey(k)) {
							t.Fatalf("write %d (%s): no in-edge copy of %v", i, what, k)
						}
					}
				}
				if edges, in := countPrefix(t, s, edgePrefix), countPrefix(t, s, inCopyPrefix); onlyAdded && in != edges {
					t.Fatalf("write %d (%s): %d in-edge copies of %d edges", i, what, in, edges)
				}
				if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
					t.Fatalf("write %d (%s): Check = %q, %v", i, what, problems, err)
				}
				with := views(t, s)
				retireLeadCopies(t, s)
				if got := views(t, s); !reflect.DeepEqual(with, got) {
					t.Fatalf("write %d (%s): views with the copies differ from those read from the mention keys", i, what)
				}
				if err := s.db.Update(func(txn *badger.Txn) error { return errors.Join(stampLeadCopies(txn), stampInCopies(txn)) }); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	t.Run("usual sizes", func(t *testing.T) {
		dir := t.TempDir()
		s, err := open(dir, Options{}, func(dir string) badger.Options { return testBadgerOptions(dir).WithValueThreshold(64) })
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		r := rand.New(rand.NewPCG(3, 25))
		putWithLeadCopies(t, s, r, 30)
		art, ms := randomArticle(r, 30)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
		for _, k := range mentionedEdges(t, s, art.ID) {
			if hasKeyIn(t, s, inCopyKey(k)) {
				t.Errorf("in-edge copy of %v renewed in a session whose values go to the value log", k)
			}
		}
	})
}

// mentionedEdges lists the edges article id has mentions of.
func mentionedEdges(t *testing.T, s *Store, id string) []graph.EdgeKey {
	t.Helper()
	var edges []graph.EdgeKey
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(mentionPrefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k, ref, err := parseMentionKey(it.Item().Key())
			if err != nil {
				return err
			}
			if ref.article == id && !slices.Contains(edges, k) {
				edges = append(edges, k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return edges
}

// hasKeyIn reports whether s holds key.
func hasKeyIn(t *testing.T, s *Store, key []byte) bool {
	t.Helper()
	found := false
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// putWithLeadCopies stores n random articles and writes the copies of
// their edges' first mentions, as a store of format 15 holds them; it
// returns the articles in the order stored.
func putWithLeadCopies(t *testing.T, s *Store, r *rand.Rand, n int) []graph.Article {
	t.Helper()
	ctx := context.Background()
	var stored []graph.Article
	for i := range n {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, art)
	}
	if err := writeLeadCopies(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	return stored
}
