package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

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
	r := rand.New(rand.NewPCG(7, 16))
	for i := range 30 {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeLeadCopies(ctx, s.db); err != nil {
		t.Fatal(err)
	}
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
