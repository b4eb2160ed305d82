package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestRefineLinksParallel checks that reading a large view's links on
// several goroutines gives what one cursor gives, link by link: counts and
// the first mentions of each edge, in order.
func TestRefineLinksParallel(t *testing.T) {
	ctx := context.Background()
	s := openSmallTest(t)
	const partners = 3 * minParallelLinks
	for a := range 4 {
		id := fmt.Sprintf("art%d", a)
		day := time.Date(2024, 1, 10-a, 0, 0, 0, 0, time.UTC) // later articles are older
		var ms []graph.Mention
		for p := range partners {
			other := graph.ActorID(fmt.Sprintf("P%04d", p))
			src, dst := graph.ActorID("RUS"), other
			if p%2 == 1 {
				src, dst = other, "RUS"
			}
			for n := range 1 + p%3 {
				ms = append(ms, graph.Mention{Source: src, Relation: graph.Accuses, Target: dst, Article: id,
					Sentence: fmt.Sprintf("%s accuses %s (%d).", src, dst, n), Status: graph.Asserted,
					SentSpan: graph.Span{Start: 100 * n, End: 100*n + 20}})
			}
		}
		if _, err := s.PutArticle(ctx, graph.Article{ID: id, Date: day}, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	for _, limit := range []int{1, 3, -1} {
		err := s.db.View(func(txn *badger.Txn) error {
			defer closeCursor(txn)
			var vl viewLinks
			if err := vl.add(ctx, txn, "RUS", "RUS", Filter{}); err != nil {
				return err
			}
			links := vl.links
			if len(links) != partners {
				t.Fatalf("%d links, want %d", len(links), partners)
			}
			want := make([]graph.Link, len(links))
			copy(want, links)
			c := newCursor(txn)
			for i := range want {
				if _, err := refine(ctx, c, &want[i].Edge, Filter{Evidence: limit}); err != nil {
					return err
				}
			}
			c.it.Close()
			// the out-links' counts come from their keys, the others' from
			// lookups: both as refine reads them
			links, err := refineLinks(ctx, txn, vl, Filter{Evidence: limit}, nil)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(links, want) {
				t.Errorf("limit %d: links read in parallel differ from one cursor's", limit)
			}
			if links[0].Edge.Mentions == 0 {
				t.Errorf("limit %d: no counts: %+v", limit, links[0].Edge)
			}
			first := links[0].Edge.Evidence
			if len(first) == 0 || first[0].Article != "art3" {
				t.Errorf("limit %d: first mention %+v, want one of art3, the oldest", limit, first)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
