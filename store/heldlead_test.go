package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"geokg/graph"
)

// sameHeld checks that the view of id under f read with HoldLeads, its
// held mentions decoded (graph.View.DecodeLeads), is want, the view read
// without: the same links, evidence and actors.
func sameHeld(t *testing.T, s *Store, want *graph.View, id graph.ActorID, f Filter) {
	t.Helper()
	f.HoldLeads = true
	got, err := s.View(context.Background(), id, f)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Links {
		var buf [1]graph.Mention
		ms, err := got.EvidenceOf(i, &buf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ms, want.Links[i].Edge.Evidence) && (len(ms) > 0 || len(want.Links[i].Edge.Evidence) > 0) {
			t.Fatalf("View(%s, %+v) holding: link %d's evidence %v, want %v", id, f, i, ms, want.Links[i].Edge.Evidence)
		}
	}
	if err := got.DecodeLeads(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("View(%s, %+v) holding its first mentions, decoded, differs from the view read without", id, f)
	}
}

// TestHeldLeadsHeld: a view of a store whose copies are current holds
// the first mentions it shows one of, and names the claimants they name
// among its actors; with more evidence, a rollup or no copies it holds
// none; each is the view read without holding.
func TestHeldLeadsHeld(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 7))
	s := openSmallTest(t)
	for i := range 60 {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	held := func(f Filter) int {
		n := 0
		for _, id := range propActors {
			want, err := s.View(ctx, id, f)
			if err != nil {
				t.Fatal(err)
			}
			sameHeld(t, s, want, id, f)
			hf := f
			hf.HoldLeads = true
			v, err := s.View(ctx, id, hf)
			if err != nil {
				t.Fatal(err)
			}
			if v.Leads == nil {
				continue
			}
			for i := range v.Links {
				var m graph.Mention
				ok, err := v.Leads.Lead(i, &m)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					continue
				}
				n++
				for _, c := range []graph.ActorID{m.ClaimedBy, m.DisputedBy} {
					if _, named := v.Actors[c]; c != "" && !named {
						t.Errorf("View(%s) holds a mention naming %s, not among its actors", id, c)
					}
				}
			}
		}
		return n
	}
	if n := held(Filter{Evidence: 1}); n != 0 {
		t.Errorf("without copies, views held %d first mentions, want none", n)
	}
	if err := writeLeadCopies(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{{Evidence: 1}, {Evidence: 1, Direction: graph.In}, {Evidence: 1, MinArticles: 2}, {Evidence: 3}} {
		if n := held(f); n == 0 {
			t.Errorf("with copies, views under %+v held no first mention", f)
		}
	}
	for _, f := range []Filter{{Evidence: 0}, {Evidence: 1, Rollup: true}, {Evidence: 1, Statuses: []graph.Status{graph.Alleged}}} {
		if n := held(f); n != 0 {
			t.Errorf("views under %+v held %d first mentions, want none", f, n)
		}
	}
}

// TestPermute: permute leaves element i where order[i] was, for random
// orders.
func TestPermute(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for n := range 40 {
		order := make([]int32, n)
		for i := range order {
			order[i] = int32(i)
		}
		r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprint(i)
		}
		want := make([]string, n)
		for i, o := range order {
			want[i] = s[o]
		}
		permute(slices.Clone(order), func(i, j int) { s[i], s[j] = s[j], s[i] })
		if !slices.Equal(s, want) {
			t.Fatalf("permute by %v = %v, want %v", order, s, want)
		}
	}
}
