package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestUpgradeLeavesNoLevelZero checks that the upgrade to format 13,
// whose removal of i/ keys writes deletions in key order (here 24,000,
// into a store of 64 KB memtables), leaves no level-0 tables for queries
// to read through: at most the one its session's close writes. Close's
// merge took one of those tables at a time (they do not overlap): 18 were
// left.
func TestUpgradeLeavesNoLevelZero(t *testing.T) {
	dir := t.TempDir()
	bopts := func(dir string) badger.Options {
		return testBadgerOptions(dir).WithMemTableSize(64 << 10).WithValueThreshold(1 << 10).WithNumLevelZeroTables(48).WithNumLevelZeroTablesStall(96)
	}
	ctx := context.Background()
	s, err := open(dir, Options{}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	b := s.NewBatch()
	ids := []graph.ActorID{"RUS", "UKR", "IRN", "PRK", "BLR", "USA", "CHN", "FRA"}
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := range 12000 {
		id := fmt.Sprintf("art%05d", i)
		src, dst := ids[i%len(ids)], ids[(i/len(ids)+i+1)%len(ids)]
		if src == dst {
			dst = "GBR"
		}
		m := graph.Mention{Source: src, Relation: graph.Accuses, Target: dst, Article: id, Date: day, Status: graph.Asserted, Sentence: "s.", Trigger: "accused"}
		if err := b.Put(ctx, graph.Article{ID: id, Date: day}, nil, []graph.Mention{m}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeTo(12); err != nil { // an i/ key for each end: 24,000
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = open(dir, Options{}, bopts) // upgrades
	if err != nil {
		t.Fatal(err)
	}
	before, upgraded := s.levelZero, levelZeroTables(s.db)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("level 0: %d tables before the upgrade, %d after", before, upgraded)
	s, err = open(dir, Options{ReadOnly: true}, bopts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := levelZeroTables(s.db); n > 1 {
		t.Errorf("%d level-0 tables after the session that upgraded the store, want at most 1", n)
	}
}
