package store

import (
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// TestBesideLastStack: where the merge after small sessions puts level 0,
// from the levels' sizes: beside the last level, then each level above the
// full one, up to stackTop; folded only when the top is full.
func TestBesideLastStack(t *testing.T) {
	const mb = 1 << 20
	levels := func(sizes ...int64) []badger.LevelInfo {
		out := make([]badger.LevelInfo, len(sizes))
		for i, size := range sizes {
			out[i] = badger.LevelInfo{Level: i, Size: size}
			if size > 0 {
				out[i].NumTables = 1
			}
		}
		return out
	}
	last := int64(600 * mb)
	for _, c := range []struct {
		name string
		in   []badger.LevelInfo
		want mergeBeside
	}{
		{"small store: into the last", levels(mb, 0, 0, 0, 0, 0, 8*mb), mergeBeside{}},
		{"one level: beside it", levels(mb, 0, 0, 0, 0, 0, last), mergeBeside{baseLevelSize: 1}},
		{"beside, not full: again", levels(mb, 0, 0, 0, 0, 4*mb, last), mergeBeside{baseLevelSize: last / 2}},
		{"beside full: the level above", levels(mb, 0, 0, 0, 0, 9*mb, last), mergeBeside{baseLevelSize: 1}},
		{"stack's top not full: again", levels(mb, 0, 0, 2*mb, 9*mb, 9*mb, last), mergeBeside{baseLevelSize: last / 2}},
		{"stack's top full: the level above", levels(mb, 0, 0, 9*mb, 9*mb, 9*mb, last), mergeBeside{baseLevelSize: 1}},
		{"level 1 full: folded", levels(mb, 9*mb, 9*mb, 9*mb, 9*mb, 9*mb, last), mergeBeside{baseLevelSize: last / 2, fold: true}},
		{"full at a 16th of a small last level", levels(mb, 0, 0, 0, 0, 2*mb, 16*mb), mergeBeside{baseLevelSize: 1}},
	} {
		if got := besideLast(c.in); got != c.want {
			t.Errorf("%s: besideLast = %+v, want %+v", c.name, got, c.want)
		}
	}
}
