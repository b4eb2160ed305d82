package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestLinksAreSteps: after random ingests and forgets, the steps Links
// gives from one actor to another are those of Steps(from) that reach
// it, for every pair of actors and filters that narrow by relation, by
// articles and by mentions.
func TestLinksAreSteps(t *testing.T) {
	ctx := context.Background()
	filters := []Filter{{}, {MinArticles: 2}, {Relations: []graph.Relation{graph.AlliesWith, graph.Accuses}},
		{Statuses: []graph.Status{graph.Alleged}}, {MinArticles: 3, Relations: []graph.Relation{graph.Supplies}}}
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 23))
			s := openSmallTest(t)
			var ids []string
			for i := range 40 {
				art, ms := randomArticle(r, i)
				if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, art.ID)
				if r.IntN(4) == 0 {
					if _, err := s.Forget(ctx, ids[0]); err != nil {
						t.Fatal(err)
					}
					ids = ids[1:]
				}
			}
			linked := 0
			err := s.view(ctx, func(txn *badger.Txn) error {
				for _, f := range filters {
					n := &stepReader{ctx: ctx, txn: txn, f: f}
					for _, from := range propActors {
						all, err := n.Steps(from)
						if err != nil {
							return err
						}
						for _, to := range propActors {
							if to == from {
								continue
							}
							want := slices.DeleteFunc(slices.Clone(all), func(st graph.Step) bool { return st.To != to })
							got, err := n.Links(from, to)
							if err != nil {
								return err
							}
							slices.SortFunc(want, graph.CompareSteps)
							slices.SortFunc(got, graph.CompareSteps)
							if len(got) > 0 {
								linked++
							}
							if !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
								t.Errorf("filter %+v, %s to %s: Links\n%+v\nwant (Steps)\n%+v", f, from, to, got, want)
							}
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if linked == 0 {
				t.Error("no two actors linked")
			}
		})
	}
}
