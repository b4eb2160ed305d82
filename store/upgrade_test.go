package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"geokg/graph"
	"geokg/store"
)

// TestUpgradeFormat1 writes the fixture, rewrites it the way format 1
// stored it, and checks that a read-only open asks for an upgrade, that a
// writable open performs it, and that the upgraded store answers exactly
// as before and passes Check.
func TestUpgradeFormat1(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	before, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	view, err := s.View(ctx, "RUS", store.Filter{Evidence: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeToFormat1(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	if _, err := store.OpenSmall(dir, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrUpgrade) {
		t.Fatalf("read-only open of a format-1 store: %v, want ErrUpgrade", err)
	}
	s = mustOpen(t, dir)
	after, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("graph after the upgrade differs:\n%+v\nwant\n%+v", after, before)
	}
	view2, err := s.View(ctx, "RUS", store.Filter{Evidence: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(view2, view) {
		t.Errorf("view after the upgrade differs:\n%+v\nwant\n%+v", view2, view)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the upgrade = %q, %v", problems, err)
	}
	keys, err := s.Keys("geokg/format")
	if err != nil || len(keys) != 1 {
		t.Fatalf("format key: %v %v", keys, err)
	}
}

// TestUpgradeFormat2And3 checks that a store of format 2 (edge counts in
// e/ values) or 3 (no claimant flags) is read as it is, stale counts
// ignored and claimants found, and that a writable open upgrades it: the
// same graph and stream, and Check (which verifies the flags) clean.
func TestUpgradeFormat2And3(t *testing.T) {
	ctx := context.Background()
	stream := func(s *store.Store) *graph.Graph {
		t.Helper()
		g := &graph.Graph{}
		err := s.StreamGraph(ctx, store.Filter{Evidence: -1},
			func(a graph.Actor) error { g.Actors = append(g.Actors, a); return nil },
			func(e graph.Edge) error { g.Edges = append(g.Edges, e); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	for _, format := range []int{2, 3} {
		t.Run(strconv.Itoa(format), func(t *testing.T) {
			dir := t.TempDir()
			s := mustOpenNoCleanup(t, dir)
			fixture(t, s)
			claimed := mention("c1", "IRN", graph.Supplies, "RUS", 0)
			claimed.Status, claimed.ClaimedBy, claimed.DisputedBy = graph.Alleged, "person:speaker", "org:kremlin"
			put(t, s, "c1", "2024-08-01", world, claimed)
			before := stream(s)
			if !slices.ContainsFunc(before.Actors, func(a graph.Actor) bool { return a.ID == "person:speaker" }) {
				t.Fatalf("the claimant is not among the actors: %v", actorIDs(before.Actors))
			}
			if err := s.DowngradeTo(format); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			ro, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only open of a format-%d store: %v", format, err)
			}
			if got := stream(ro); !reflect.DeepEqual(got, before) {
				t.Errorf("format-%d store read as it is:\n%+v\nwant\n%+v", format, got, before)
			}
			if err := ro.Close(); err != nil {
				t.Fatal(err)
			}
			from := 0
			s, err = store.OpenSmall(dir, store.Options{Upgrading: func(f int) { from = f }})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if from != format {
				t.Errorf("Upgrading called with %d, want %d", from, format)
			}
			if got := stream(s); !reflect.DeepEqual(got, before) {
				t.Errorf("after the upgrade:\n%+v\nwant\n%+v", got, before)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
				t.Errorf("Check after the upgrade = %q, %v", problems, err)
			}
			if v, err := s.Format(); err != nil || v != strconv.Itoa(store.FormatVersion) {
				t.Errorf("format after the upgrade: %q %v", v, err)
			}
		})
	}
}
