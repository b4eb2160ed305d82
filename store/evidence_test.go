package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

// TestEvidenceLimit checks that asking for the first k mentions of each
// edge gives the first k of all of them, on edges whose mentions have
// different dates within one article and several mentions per article.
func TestEvidenceLimit(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, t.TempDir())
	r := rand.New(rand.NewPCG(9, 9))
	ids := []graph.ActorID{"RUS", "UKR", "PRK"}
	for i := range 40 {
		id := fmt.Sprintf("e%03d", i)
		var ms []graph.Mention
		for j := range 2 + r.IntN(5) {
			src, dst := ids[r.IntN(3)], ids[r.IntN(3)]
			if src == dst {
				continue
			}
			m := mention(id, src, graph.Relations[r.IntN(2)], dst, j*40)
			if r.IntN(3) == 0 {
				m.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(5))
			}
			ms = append(ms, m)
		}
		day := ""
		if r.IntN(4) > 0 {
			day = fmt.Sprintf("2024-01-%02d", 1+r.IntN(5))
		}
		put(t, s, id, day, nil, ms...)
	}
	all, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{1, 2, 3} {
		got, err := s.Graph(ctx, store.Filter{Evidence: k})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Edges) != len(all.Edges) {
			t.Fatalf("evidence %d: %d edges, want %d", k, len(got.Edges), len(all.Edges))
		}
		for i, e := range got.Edges {
			want := all.Edges[i].Evidence
			if len(want) > k {
				want = want[:k]
			}
			if !reflect.DeepEqual(e.Evidence, want) {
				t.Errorf("evidence %d of %v:\n got %v\nwant %v", k, e.EdgeKey, e.Evidence, want)
			}
		}
	}
}
