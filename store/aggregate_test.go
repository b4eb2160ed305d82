package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// TestAggregatesEqualRecount is a property test: after random ingests
// (single articles and batches, mentions of one edge in an article on
// different dates, undated ones, every status) and random forgets, each
// edge's stored counts equal those a model of the stored mentions gives,
// counted here without the package's code, and Check finds nothing. The
// copies of first mentions and the in-edge copies (incopy.go) are written
// every 15 steps and kept current by the writes between: the in-edge
// copies left hold those counts too.
func TestAggregatesEqualRecount(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			s := openSmallTest(t)
			ctx := context.Background()
			model := map[string][]graph.Mention{} // stored articles' mentions
			named := map[string][]graph.ActorID{} // stored articles' actors
			var ids []string
			b := s.NewBatch() // one batch throughout: its caches outlive its commits
			inCopies := 0
			for step := range 60 {
				if step%15 == 14 {
					if err := writeLeadCopies(ctx, s.db); err != nil {
						t.Fatal(err)
					}
				}
				switch op := r.IntN(10); {
				case op < 2 && len(ids) > 0:
					id := ids[r.IntN(len(ids))]
					if _, err := s.Forget(ctx, id); err != nil {
						t.Fatalf("step %d: forget %s: %v", step, id, err)
					}
					delete(model, id)
					delete(named, id)
					ids = slices.DeleteFunc(ids, func(x string) bool { return x == id })
				case op < 5:
					for range 1 + r.IntN(6) {
						art, ms := randomArticle(r, len(ids)+step*10+r.IntN(9))
						if err := b.Put(ctx, art, nil, ms, nil); err != nil {
							t.Fatal(err)
						}
						if _, ok := model[art.ID]; !ok {
							model[art.ID], ids = ms, append(ids, art.ID)
							named[art.ID] = namesOf(art, ms)
						}
					}
					if err := b.Flush(); err != nil {
						t.Fatal(err)
					}
				default:
					art, ms := randomArticle(r, step)
					added, err := s.PutArticle(ctx, art, nil, ms)
					if err != nil {
						t.Fatal(err)
					}
					if _, ok := model[art.ID]; !ok != added {
						t.Fatalf("step %d: added=%v for %s", step, added, art.ID)
					} else if added {
						model[art.ID], ids = ms, append(ids, art.ID)
						named[art.ID] = namesOf(art, ms)
					}
				}
			}
			if !inCopiesCurrentIn(t, s) {
				t.Fatal("in-edge copies retired by writes that keep them")
			}
			inCopies += compareAggregates(t, s, model)
			if inCopies == 0 {
				t.Error("no in-edge copy left to compare")
			}
			sameTimelines(t, s)
			sameNamedIn(t, s, named)
			if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
				t.Fatalf("Check: %q %v", problems, err)
			}
		})
	}
}

// sameTimelines checks that each actor's timeline read from mention keys
// alone is the one read from every mention (a status filter that keeps
// them all makes Timeline read them).
func sameTimelines(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, id := range propActors {
		keys, err1 := s.Timeline(ctx, id, "", Filter{})
		values, err2 := s.Timeline(ctx, id, "", Filter{Statuses: graph.Statuses})
		if err1 != nil || err2 != nil {
			if errors.Is(err1, graph.ErrNotFound) && errors.Is(err2, graph.ErrNotFound) {
				continue
			}
			t.Fatal(err1, err2)
		}
		if !reflect.DeepEqual(keys, values) {
			t.Errorf("timeline of %s from keys:\n%v\nfrom values:\n%v", id, keys, values)
		}
	}
}

var propActors = []graph.ActorID{"IRN", "RUS", "UKR", "USA"}

// randomArticle makes an article numbered n with a few mentions among
// propActors, some on other dates than the article's, some undated.
func randomArticle(r *rand.Rand, n int) (graph.Article, []graph.Mention) {
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(500))
	art := graph.Article{ID: fmt.Sprintf("art%d", n), Date: day}
	var ms []graph.Mention
	for i := range 1 + r.IntN(5) {
		src, dst := propActors[r.IntN(len(propActors))], propActors[r.IntN(len(propActors))]
		if src == dst {
			continue
		}
		rel := graph.Relations[r.IntN(2)]
		if r.IntN(4) == 0 {
			rel = graph.AlliesWith
		}
		m := graph.Mention{Source: src, Relation: rel, Target: dst, Article: art.ID,
			Status: graph.Statuses[r.IntN(len(graph.Statuses))], Sentence: fmt.Sprintf("sentence %d", i)}
		switch r.IntN(4) {
		case 0:
			m.Date = day.AddDate(0, r.IntN(3)+1, 0)
		case 1:
			art.Date = time.Time{} // the article's undated mentions stay so
		}
		if m.Status == graph.Alleged {
			m.ClaimedBy = "USA"
		}
		ms = append(ms, m)
	}
	for i := range ms {
		if ms[i].Date.IsZero() {
			ms[i].Date = art.Date
		}
	}
	// most articles list the actors they name, as ingest's do, so that
	// Forget finds their mentions from the record; some list one too few
	// (then it reads every mention key)
	if r.IntN(4) > 0 {
		named := map[graph.ActorID]bool{}
		for _, m := range ms {
			named[m.Source], named[m.Target] = true, true
		}
		art.Actors = slices.Sorted(maps.Keys(named))
		if len(art.Actors) > 0 && r.IntN(5) == 0 {
			art.Actors = art.Actors[1:]
		}
	}
	if r.IntN(3) == 0 {
		art.Actors = append(art.Actors, "CHL") // named in no relation: an i/ key
	}
	return art, ms
}

// sameNamedIn checks that NamedIn counts, for each actor, the stored
// articles that name it in a relation or not (named: each stored
// article's actors).
func sameNamedIn(t *testing.T, s *Store, named map[string][]graph.ActorID) {
	t.Helper()
	want := map[graph.ActorID]int{}
	for _, ids := range named {
		for _, id := range ids {
			want[id]++
		}
	}
	for _, id := range append(propActors, "CHL", "FRA") {
		got, err := s.NamedIn(context.Background(), id)
		if err != nil || got != want[id] {
			t.Errorf("NamedIn(%s) = %d, %v; want %d", id, got, err, want[id])
		}
	}
}

// namesOf is every actor an article names: those it lists and every end
// and claimant of its mentions, without duplicates.
func namesOf(art graph.Article, ms []graph.Mention) []graph.ActorID {
	ids := slices.Clone(art.Actors)
	for _, m := range ms {
		ids = append(ids, m.Source, m.Target)
		if m.ClaimedBy != "" {
			ids = append(ids, m.ClaimedBy)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// compareAggregates counts each edge's aggregate from model the plain way
// (sets of articles) and compares it with the stored one, and checks
// that the store has no other edge.
func compareAggregates(t *testing.T, s *Store, model map[string][]graph.Mention) (inCopies int) {
	t.Helper()
	type sets struct {
		mentions    int
		articles    map[string]bool
		first, last time.Time
		statusM     [statusCount]int
		statusA     [statusCount]map[string]bool
		lead        graph.Mention // the first in CompareMentions order
	}
	want := map[graph.EdgeKey]*sets{}
	for id, ms := range model {
		for _, m := range ms {
			k := m.Key()
			w := want[k]
			if w == nil {
				w = &sets{articles: map[string]bool{}}
				for i := range w.statusA {
					w.statusA[i] = map[string]bool{}
				}
				want[k] = w
			}
			if w.mentions == 0 || graph.CompareMentions(m, w.lead) < 0 {
				w.lead = m
			}
			w.mentions++
			w.articles[id] = true
			si := slices.Index(graph.Statuses, m.Status)
			w.statusM[si]++
			w.statusA[si][id] = true
			if m.Date.IsZero() {
				continue
			}
			if w.first.IsZero() || m.Date.Before(w.first) {
				w.first = m.Date
			}
			if m.Date.After(w.last) {
				w.last = m.Date
			}
		}
	}
	got := map[graph.EdgeKey]aggregate{}
	err := s.view(context.Background(), func(txn *badger.Txn) error {
		return eachItem(context.Background(), txn, []byte(edgePrefix), func(item *badger.Item) error {
			k, err := parseEdgeKey(item.Key())
			if err != nil {
				return err
			}
			got[k], err = itemAggregate(item)
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d edges stored, %d in the model", len(got), len(want))
	}
	for k, w := range want {
		a, ok := got[k]
		if !ok {
			t.Errorf("edge %v missing", k)
			continue
		}
		exp := aggregate{Mentions: w.mentions, Articles: len(w.articles), First: w.first, Last: w.last, lead: a.lead}
		for i := range exp.Status {
			exp.Status[i] = statusTally{w.statusM[i], len(w.statusA[i])}
		}
		// the lead names the edge's first mention
		var lead graph.Mention
		err := s.view(context.Background(), func(txn *badger.Txn) error {
			item, err := txn.Get(leadKey(k, a.lead))
			if err != nil {
				return fmt.Errorf("lead %x: %w", a.lead, err)
			}
			return item.Value(func(v []byte) error {
				lead, err = decodeMention(k, item.Key(), v)
				return err
			})
		})
		if err != nil || !reflect.DeepEqual(lead, w.lead) {
			t.Errorf("edge %v: lead %+v (%v), want %+v", k, lead, err, w.lead)
		}
		if a.String() != exp.String() {
			t.Errorf("edge %v: stored %s, want %s", k, a, exp)
		}
		// its in-edge copy, when it has one, holds the same counts and
		// its first mention
		var in aggregate
		var inLead graph.Mention
		found := false
		err = s.view(context.Background(), func(txn *badger.Txn) error {
			item, err := txn.Get(inCopyKey(k))
			if errors.Is(err, badger.ErrKeyNotFound) {
				return nil
			} else if err != nil {
				return err
			}
			found = true
			return item.Value(func(v []byte) error {
				counts, mention, ok := splitInCopy(v)
				if !ok {
					return fmt.Errorf("in-edge copy %q does not parse", v)
				}
				if in, err = decodeAggregate(counts); err != nil {
					return err
				}
				inLead, err = decodeLed(k, []byte(in.lead), mention)
				return err
			})
		})
		if err != nil {
			t.Errorf("edge %v: in-edge copy: %v", k, err)
		} else if found {
			inCopies++
			if in.String() != exp.String() || in.lead != a.lead || !reflect.DeepEqual(inLead, w.lead) {
				t.Errorf("edge %v: in-edge copy %s with %+v, want %s with %+v", k, in, inLead, exp, w.lead)
			}
		}
	}
	// each actor's edges and distinct articles
	for _, id := range propActors {
		var exp actorCounts
		articles := map[string]bool{}
		for k, w := range want {
			for _, end := range []graph.ActorID{k.Source, k.Target} {
				if end == id {
					exp.Edges++
					for art := range w.articles {
						articles[art] = true
					}
				}
			}
		}
		exp.Articles = len(articles)
		var got actorCounts
		err := s.view(context.Background(), func(txn *badger.Txn) error {
			var err error
			got, err = getActorCounts(txn, id)
			return err
		})
		if err != nil || got != exp {
			t.Errorf("actor %s: stored %+v (%v), want %+v", id, got, err, exp)
		}
	}
	// the store's totals, as Stats gives them
	st, err := s.Stats(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	edges, mentions := map[graph.Relation]int{}, map[graph.Relation]int{}
	for k, w := range want {
		edges[k.Relation]++
		mentions[k.Relation] += w.mentions
	}
	if st.Articles != len(model) || !maps.Equal(st.Edges, edges) || !maps.Equal(st.Mentions, mentions) {
		t.Errorf("stats: %d articles, edges %v, mentions %v; want %d, %v, %v", st.Articles, st.Edges, st.Mentions, len(model), edges, mentions)
	}
	return inCopies
}

// TestViewByLead checks that a view reads the same first mentions by the
// edges' leads as by seeks, on a store with tables in level 0 (where View
// reads by the leads) after random ingests and forgets.
func TestViewByLead(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 17))
	dir := t.TempDir()
	s, err := OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ids []string
	for step := range 80 {
		if step%5 == 4 {
			if _, err := s.Forget(ctx, ids[r.IntN(len(ids))]); err != nil && !errors.Is(err, ErrForgotten) {
				t.Fatal(err)
			}
			continue
		}
		art, ms := randomArticle(r, step)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, art.ID)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = OpenSmall(dir, Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if levelZeroTables(s.db) == 0 {
		t.Fatal("no table in level 0: the test needs some")
	}
	for _, id := range propActors {
		for _, evidence := range []int{1, 2, -1} {
			seeks, err1 := s.viewOf(ctx, id, Filter{Evidence: evidence})
			leads, err2 := s.viewOf(ctx, id, Filter{Evidence: evidence, byLead: true})
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if !reflect.DeepEqual(leads, seeks) {
				t.Errorf("view of %s with %d sentences by leads:\n%+v\nby seeks:\n%+v", id, evidence, leads, seeks)
			}
			if v, err := s.View(ctx, id, Filter{Evidence: evidence}); err != nil || !reflect.DeepEqual(v, seeks) {
				t.Errorf("View of %s with %d sentences differs (%v)", id, evidence, err)
			}
		}
	}
}
