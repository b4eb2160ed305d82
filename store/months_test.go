package store

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"geokg/graph"
)

// monthActors are the actors of TestMonthsEqualRecount: four states and
// persons and bodies that speak for them (an institution's official
// speaks for the institution, not for its state: a view goes one step).
var monthActors = map[graph.ActorID]graph.ActorID{ // id: affiliation
	"RUS": "", "UKR": "", "USA": "", "IRN": "",
	"person:lavrov": "RUS", "org:kremlin": "RUS", "person:peskov": "org:kremlin", "person:kuleba": "UKR",
}

// monthModel is what TestMonthsEqualRecount stored: each article's
// mentions as stored (dates moved with their article), and the
// affiliations given so far.
type monthModel struct {
	mentions map[string][]graph.Mention
	articles map[string]graph.Article
	aff      map[graph.ActorID]graph.ActorID
}

// TestMonthsEqualRecount is a property test for the actors' months
// (months.go): after random ingests (single articles, batches whose
// caches outlive their commits, mentions on other dates than their
// article's, undated ones, symmetric relations, persons whose affiliation
// is given only after they have edges), random forgets and date
// corrections, every actor's timeline in each direction, of every
// relation and of each one, equals the one counted here from a model of
// the stored mentions without the package's code, and the one Timeline
// reads from the mentions themselves; Check finds nothing.
func TestMonthsEqualRecount(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 29))
			s := openSmallTest(t)
			ctx := context.Background()
			m := monthModel{map[string][]graph.Mention{}, map[string]graph.Article{}, map[graph.ActorID]graph.ActorID{}}
			b := s.NewBatch()
			var did []string
			for step := range 50 {
				did = append(did, m.randomStep(t, s, b, r, step))
				m.compareTimelines(t, s, fmt.Sprintf("step %d (%s)", step, strings.Join(did, ", ")))
				if t.Failed() {
					return
				}
				if step%10 == 9 {
					if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
						t.Fatalf("step %d: Check: %q %v", step, problems, err)
					}
				}
			}
			joined := 0
			for _, aff := range m.aff {
				if aff != "" {
					joined++
				}
			}
			if joined < 3 {
				t.Errorf("only %d affiliations given: the test does not exercise them", joined)
			}
		})
	}
}

// randomStep does one random write and records it in m.
func (m *monthModel) randomStep(t *testing.T, s *Store, b *Batch, r *rand.Rand, step int) string {
	t.Helper()
	ctx := context.Background()
	ids := slices.Sorted(maps.Keys(m.articles))
	switch op := r.IntN(10); {
	case op < 2 && len(ids) > 0:
		id := ids[r.IntN(len(ids))]
		if _, err := s.Forget(ctx, id); err != nil {
			t.Fatalf("forget %s: %v", id, err)
		}
		delete(m.mentions, id)
		delete(m.articles, id)
		return "forget"
	case op < 4 && len(ids) > 0:
		a := m.articles[ids[r.IntN(len(ids))]]
		a.Date = time.Date(2022, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		a.Origins.Date = graph.OriginGiven
		var err error
		if r.IntN(2) == 0 {
			_, err = s.PutArticle(ctx, a, nil, nil)
		} else if err = b.Put(ctx, a, nil, nil, nil); err == nil {
			err = b.Flush()
		}
		if err != nil {
			t.Fatalf("move %s: %v", a.ID, err)
		}
		m.articles[a.ID] = a
		for i := range m.mentions[a.ID] {
			m.mentions[a.ID][i].Date = a.Date
		}
		return "date moved"
	case op < 7:
		n := 1 + r.IntN(6)
		for i := range n {
			art, actors, ms := m.randomArticle(r, step*10+i)
			if err := b.Put(ctx, art, actors, ms, nil); err != nil {
				t.Fatal(err)
			}
			m.stored(art, actors, ms)
		}
		if err := b.Flush(); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("batch of %d", n)
	}
	art, actors, ms := m.randomArticle(r, step*10)
	if _, err := s.PutArticle(ctx, art, actors, ms); err != nil {
		t.Fatal(err)
	}
	m.stored(art, actors, ms)
	return "put"
}

// stored records an article put, unless it was stored already.
func (m *monthModel) stored(art graph.Article, actors []graph.Actor, ms []graph.Mention) {
	for _, a := range actors {
		if m.aff[a.ID] == "" {
			m.aff[a.ID] = a.Affiliation
		}
	}
	if _, ok := m.articles[art.ID]; !ok {
		m.articles[art.ID], m.mentions[art.ID] = art, ms
	}
}

// randomArticle makes article n with a few mentions among monthActors,
// some on another month than the article's, some undated, and gives the
// records of some of the persons it names, with their affiliation.
func (m *monthModel) randomArticle(r *rand.Rand, n int) (graph.Article, []graph.Actor, []graph.Mention) {
	ids := slices.Sorted(maps.Keys(monthActors))
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
	art := graph.Article{ID: fmt.Sprintf("art%d", n), Date: day}
	var ms []graph.Mention
	for i := range 1 + r.IntN(5) {
		src, dst := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
		if src == dst {
			continue
		}
		rel := graph.Relations[r.IntN(len(graph.Relations))]
		mn := graph.Mention{Source: src, Relation: rel, Target: dst, Article: art.ID, Status: graph.Asserted, Sentence: fmt.Sprintf("sentence %d", i)}
		switch r.IntN(5) {
		case 0:
			mn.Date = day.AddDate(0, r.IntN(3)+1, 0)
		case 1:
			art.Date = time.Time{}
		}
		ms = append(ms, mn)
	}
	for i := range ms {
		if ms[i].Date.IsZero() {
			ms[i].Date = art.Date
		}
	}
	var actors []graph.Actor
	for _, mn := range ms {
		for _, id := range []graph.ActorID{mn.Source, mn.Target} {
			if aff := monthActors[id]; aff != "" && r.IntN(3) == 0 {
				actors = append(actors, graph.Actor{ID: id, Name: string(id), Type: graph.Person, Affiliation: aff})
			}
		}
	}
	return art, actors, ms
}

// compareTimelines compares every actor's timelines with the model's.
func (m *monthModel) compareTimelines(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	rels := [][]graph.Relation{nil}
	for _, r := range graph.Relations {
		rels = append(rels, []graph.Relation{r})
	}
	for _, id := range slices.Sorted(maps.Keys(monthActors)) {
		for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
			for _, rs := range rels {
				f := Filter{Direction: dir, Relations: rs}
				got, err := s.Timeline(ctx, id, "", f)
				if err != nil {
					if _, known := m.aff[id]; known || m.named(id) {
						t.Fatalf("%s: timeline %s %+v: %v", when, id, f, err)
					}
					continue // not stored yet
				}
				want := m.timeline(id, dir, rs)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: timeline %s %+v from the months:\n%v\nthe model's:\n%v", when, id, f, got, want)
				}
				f.Statuses = graph.Statuses // read from every mention
				if walked, err := s.Timeline(ctx, id, "", f); err != nil || !reflect.DeepEqual(walked, want) {
					t.Fatalf("%s: timeline %s %+v from the mentions:\n%v (%v)\nthe model's:\n%v", when, id, f, walked, err, want)
				}
			}
		}
	}
}

// named reports whether a stored article names id in a mention.
func (m *monthModel) named(id graph.ActorID) bool {
	for _, ms := range m.mentions {
		for _, mn := range ms {
			if mn.Source == id || mn.Target == id {
				return true
			}
		}
	}
	return false
}

// timeline counts, from the model alone, the articles per month that show
// the relations rs (nil: all) of id and of the actors affiliated to it,
// in direction dir.
func (m *monthModel) timeline(id graph.ActorID, dir graph.Direction, rs []graph.Relation) []Month {
	speaks := func(x graph.ActorID) bool { return x == id || m.aff[x] == id }
	type monthArticle struct {
		month   time.Time
		article string
	}
	perRel := map[graph.Relation]map[monthArticle]bool{}
	total := map[monthArticle]bool{}
	for art, ms := range m.mentions {
		for _, mn := range ms {
			if mn.Date.IsZero() || len(rs) > 0 && !slices.Contains(rs, mn.Relation) {
				continue
			}
			out, in := speaks(mn.Source), speaks(mn.Target)
			shown := out || in
			if !mn.Relation.Symmetric() {
				shown = dir == graph.Out && out || dir == graph.In && in || dir == graph.Both && (out || in)
			}
			if !shown {
				continue
			}
			y, mo, _ := mn.Date.Date()
			k := monthArticle{time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), art}
			if perRel[mn.Relation] == nil {
				perRel[mn.Relation] = map[monthArticle]bool{}
			}
			perRel[mn.Relation][k] = true
			total[k] = true
		}
	}
	if len(total) == 0 {
		return []Month{}
	}
	var first, last time.Time
	for k := range total {
		if first.IsZero() || k.month.Before(first) {
			first = k.month
		}
		if k.month.After(last) {
			last = k.month
		}
	}
	var out []Month
	for mo := first; !mo.After(last); mo = mo.AddDate(0, 1, 0) {
		row := Month{Start: mo, Counts: map[graph.Relation]int{}}
		for k := range total {
			if k.month.Equal(mo) {
				row.Total++
			}
		}
		for rel, set := range perRel {
			for k := range set {
				if k.month.Equal(mo) {
					row.Counts[rel]++
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// TestCheckFindsWrongMonths damages an actor's months three ways and
// checks that Check names each, and that RebuildAggregates puts them right.
func TestCheckFindsWrongMonths(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		harm func(s *Store) error
		want string
	}{
		{"lost", func(s *Store) error { return s.dropPrefix(monthsPrefix) }, "its mention keys make"},
		{"wrong", func(s *Store) error {
			return s.SetKey(string(monthKey("RUS", monthIndex(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)))), appendMonth(nil, &monthTally{{1, 1, 1, 1, 1, 1}}))
		}, "month 2024-05: stored articles"},
		{"no actor", func(s *Store) error {
			return s.SetKey(string(monthKey("NAR", 24290)), appendMonth(nil, &monthTally{{1}}))
		}, "no actor NAR"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openSmallTest(t)
			art := graph.Article{ID: "a1", Date: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)}
			ms := []graph.Mention{{Source: "RUS", Relation: graph.Accuses, Target: "UKR", Article: "a1", Status: graph.Asserted, Sentence: "s"}}
			if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
				t.Fatal(err)
			}
			before, err := s.Timeline(ctx, "RUS", "", Filter{})
			if err != nil || len(before) != 1 || before[0].Total != 1 {
				t.Fatalf("timeline before = %v, %v", before, err)
			}
			if err := tt.harm(s); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Check(ctx)
			if err != nil || !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Fatalf("Check = %q, %v; want a problem containing %q", problems, err, tt.want)
			}
			if _, err := s.RebuildAggregates(ctx); err != nil {
				t.Fatal(err)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
				t.Fatalf("Check after RebuildAggregates = %q, %v", problems, err)
			}
			if after, err := s.Timeline(ctx, "RUS", "", Filter{}); err != nil || !reflect.DeepEqual(after, before) {
				t.Errorf("timeline after RebuildAggregates = %v, %v; want %v", after, err, before)
			}
		})
	}
}
