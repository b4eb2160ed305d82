package store

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// lookupActors is loadActors by one lookup an actor, as it read them
// before the walk over a/: the actors ids, their affiliations, and a
// placeholder for an id without a record.
func lookupActors(t *testing.T, txn *badger.Txn, ids map[graph.ActorID]bool) map[graph.ActorID]graph.Actor {
	out := map[graph.ActorID]graph.Actor{}
	todo := append([]graph.ActorID(nil), mapsKeys(ids)...)
	for len(todo) > 0 {
		id := todo[0]
		todo = todo[1:]
		if _, ok := out[id]; ok {
			continue
		}
		a, err := getActor(txn, id)
		if err != nil {
			a = placeholder(id)
		}
		out[id] = a
		if a.Affiliation != "" {
			todo = append(todo, a.Affiliation)
		}
	}
	return out
}

func mapsKeys(m map[graph.ActorID]bool) []graph.ActorID {
	var ks []graph.ActorID
	for k := range maps.Keys(m) {
		ks = append(ks, k)
	}
	return ks
}

// TestViewActorsAsLookups: the actors of a view that names more than
// scanActors actors (read by the walk, whose map is kept, and taken over
// from the links' ends when the links keep them all) are what one lookup
// an actor reads: the ends, the claimants, affiliations in chains, and
// placeholders for actors without a record.
func TestViewActorsAsLookups(t *testing.T) {
	s := openSmallTest(t)
	ctx := context.Background()
	actor := func(i int) graph.ActorID { return graph.ActorID(fmt.Sprintf("A%03d", i)) }
	var actors []graph.Actor
	for i := range 200 {
		a := graph.Actor{ID: actor(i), Name: fmt.Sprintf("Actor %d", i), Type: graph.Person}
		switch i % 7 {
		case 1:
			a.Affiliation = actor((i + 50) % 200) // a chain through other actors
		case 2:
			a.Affiliation = graph.ActorID(fmt.Sprintf("X%03d", i)) // no record
		}
		actors = append(actors, a)
	}
	actors = append(actors, graph.Actor{ID: "HUB", Name: "Hub", Type: graph.Country})
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := range 170 {
		art := graph.Article{ID: fmt.Sprintf("art%d", n), Date: day.AddDate(0, 0, n)}
		m := graph.Mention{Source: "HUB", Relation: graph.Accuses, Target: actor(n), Article: art.ID,
			Sentence: fmt.Sprintf("Hub accuses %d.", n), Status: graph.Asserted}
		if n%3 == 0 {
			m.Source, m.Target = m.Target, m.Source
		}
		switch n % 10 {
		case 4:
			m.Status, m.ClaimedBy = graph.Alleged, actor(180+n%20) // not an end of the view
		case 5:
			m.Status, m.DisputedBy = graph.Denied, actor(n/2) // an end
		}
		if _, err := s.PutArticle(ctx, art, actors, []graph.Mention{m}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []Filter{{Evidence: 1}, {Evidence: -1}, {Evidence: 1, MinArticles: 2}, {Evidence: 0}, {Evidence: 1, Relations: []graph.Relation{graph.Denies}}} {
		v, err := s.View(ctx, "HUB", f)
		if err != nil {
			t.Fatal(err)
		}
		err = s.view(ctx, func(txn *badger.Txn) error {
			ids := endsOf("HUB", v.Links)
			for _, l := range v.Links {
				addClaimants(ids, l.Edge.Evidence)
			}
			if want := lookupActors(t, txn, ids); !reflect.DeepEqual(v.Actors, want) {
				t.Errorf("View(HUB, %+v).Actors: %d actors, by lookups %d:\n%v\n%v", f, len(v.Actors), len(want), v.Actors, want)
			}
			all := map[graph.ActorID]bool{}
			for i := range 210 {
				all[actor(i)] = true
			}
			got, err := loadActors(txn, all)
			if err != nil {
				return err
			}
			if want := lookupActors(t, txn, all); !reflect.DeepEqual(got, want) {
				t.Errorf("loadActors of %d ids: %d actors, by lookups %d", len(all), len(got), len(want))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
