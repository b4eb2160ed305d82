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

// TestUpgrade writes the fixture (with a claimed mention and an article
// whose id is not a content hash), rewrites it as each older format
// stored it, and checks that a read-only open asks for an upgrade, that a
// writable open performs it (reporting the old format), and that the
// upgraded store answers exactly as before, graph, stream and view, and
// passes Check, which verifies every key, value and claimant flag.
func TestUpgrade(t *testing.T) {
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
	for format := 1; format < store.FormatVersion; format++ {
		t.Run(strconv.Itoa(format), func(t *testing.T) {
			dir := t.TempDir()
			s := mustOpenNoCleanup(t, dir)
			fixture(t, s)
			claimed := mention("c1", "IRN", graph.Supplies, "RUS", 0)
			claimed.Status, claimed.ClaimedBy, claimed.DisputedBy = graph.Alleged, "person:speaker", "org:kremlin"
			put(t, s, "c1", "2024-08-01", world, claimed)
			content := graph.ArticleID([]byte("content"))
			put(t, s, content, "2024-08-01", world, mention(content, "IRN", graph.Supplies, "RUS", 0))
			before, err := s.Graph(ctx, store.Filter{Evidence: -1})
			if err != nil {
				t.Fatal(err)
			}
			streamed := stream(s)
			view, err := s.View(ctx, "RUS", store.Filter{Evidence: 2})
			if err != nil {
				t.Fatal(err)
			}
			mentionKeys, err := s.Keys("m/")
			if err != nil {
				t.Fatal(err)
			}
			namedKeys, err := s.Keys("i/")
			if err != nil || len(namedKeys) == 0 {
				t.Fatalf("i/ keys before the downgrade: %q, %v", namedKeys, err)
			}
			if err := s.DowngradeTo(format); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			if _, err := store.OpenSmall(dir, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrUpgrade) {
				t.Fatalf("read-only open of a format-%d store: %v, want ErrUpgrade", format, err)
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
			after, err := s.Graph(ctx, store.Filter{Evidence: -1})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(after, before) {
				t.Errorf("graph after the upgrade differs:\n%+v\nwant\n%+v", after, before)
			}
			if got := stream(s); !reflect.DeepEqual(got, streamed) {
				t.Errorf("stream after the upgrade:\n%+v\nwant\n%+v", got, streamed)
			}
			if !slices.ContainsFunc(streamed.Actors, func(a graph.Actor) bool { return a.ID == "person:speaker" }) {
				t.Errorf("the claimant is not among the actors: %v", actorIDs(streamed.Actors))
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
			if v, err := s.Format(); err != nil || v != strconv.Itoa(store.FormatVersion) {
				t.Errorf("format after the upgrade: %q %v", v, err)
			}
			if keys, err := s.Keys("m/"); err != nil || len(keys) != len(mentionKeys) {
				t.Errorf("%d mention keys after the upgrade (%v), want %d", len(keys), err, len(mentionKeys))
			}
			if keys, err := s.Keys("i/"); err != nil || !slices.Equal(keys, namedKeys) {
				t.Errorf("i/ keys after the upgrade: %q (%v), want %q", keys, err, namedKeys)
			}
		})
	}
}

// TestUpgradeResumes stops an upgrade after a few mentions, as a kill
// would, and checks that the store is still refused read-only and that the
// next writable open finishes the upgrade: the same graph, as many mention
// keys, Check clean.
func TestUpgradeResumes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	before, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	mentionKeys, err := s.Keys("m/")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeTo(4); err != nil {
		t.Fatal(err)
	}
	if err := s.UpgradePartly(3); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) == 0 {
		t.Fatalf("Check of a half-upgraded store found nothing (%v): the partial upgrade did not run", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenSmall(dir, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrUpgrade) {
		t.Fatalf("read-only open of a half-upgraded store: %v, want ErrUpgrade", err)
	}
	s = mustOpen(t, dir)
	after, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("graph after the resumed upgrade differs:\n%+v\nwant\n%+v", after, before)
	}
	if keys, err := s.Keys("m/"); err != nil || len(keys) != len(mentionKeys) {
		t.Errorf("%d mention keys after the resumed upgrade (%v), want %d", len(keys), err, len(mentionKeys))
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the resumed upgrade = %q, %v", problems, err)
	}
}

// TestUpgradeLeadsResumes stops an upgrade from format 13 after a few
// edges' leads and checks that Check finds the others missing, and that
// the next writable open sets them: views (which read first mentions by
// their leads) as before, Check clean.
func TestUpgradeLeadsResumes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	view, err := s.View(ctx, "RUS", store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeTo(13); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteLeadsPartly(2); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) == 0 {
		t.Fatalf("Check of a half-upgraded store found nothing (%v): the leads were not dropped", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenSmall(dir, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrUpgrade) {
		t.Fatalf("read-only open of a half-upgraded store: %v, want ErrUpgrade", err)
	}
	s = mustOpen(t, dir)
	after, err := s.View(ctx, "RUS", store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, view) {
		t.Errorf("view after the resumed upgrade differs:\n%+v\nwant\n%+v", after, view)
	}
	mustCheck(t, s)
}

// TestUpgradeNamedResumes stops an upgrade from format 5 after two
// mentions and checks that the next writable open writes the rest of the
// i/ keys, and then keeps those of format 13 (none for the ends of
// relations).
func TestUpgradeNamedResumes(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	put(t, s, "n1", "2024-06-03", nil, mention("n1", "UKR", graph.Accuses, "RUS", 0), mention("n1", "IRN", graph.Supplies, "RUS", 40))
	want, err := s.Keys("i/")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeTo(12); err != nil { // an i/ key for each end, as formats 6 to 12 had
		t.Fatal(err)
	}
	full, err := s.Keys("i/")
	if err != nil || len(full) <= len(want) {
		t.Fatalf("format 12's i/ keys %q (%v), format 13's %q", full, err, want)
	}
	if err := s.DowngradeTo(5); err != nil {
		t.Fatal(err)
	}
	if err := s.UpgradeNamedPartly(2); err != nil {
		t.Fatal(err)
	}
	half, err := s.Keys("i/")
	if err != nil || len(half) == 0 || len(half) >= len(full) {
		t.Fatalf("a partial upgrade wrote %d of %d i/ keys (%v)", len(half), len(full), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenSmall(dir, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrUpgrade) {
		t.Fatalf("read-only open of a half-upgraded store: %v, want ErrUpgrade", err)
	}
	s = mustOpen(t, dir)
	if got, err := s.Keys("i/"); err != nil || !slices.Equal(got, want) {
		t.Errorf("i/ keys after the resumed upgrade: %q (%v), want %q", got, err, want)
	}
}

// TestUpgradeInterrupted stops an upgrade inside Open with a cancelled
// context (Ctrl-C): Open fails with context.Canceled, and the next open
// upgrades the store, which then holds what it held before.
func TestUpgradeInterrupted(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	before, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeTo(4); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	upgrading := false
	_, err = store.OpenSmallContext(stopped, dir, store.Options{Upgrading: func(int) { upgrading = true }})
	if !upgrading || !errors.Is(err, context.Canceled) {
		t.Fatalf("open with a cancelled context: upgrading %v, %v; want an upgrade begun and context.Canceled", upgrading, err)
	}
	s = mustOpen(t, dir)
	after, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("graph after the interrupted and resumed upgrade differs:\n%+v\nwant\n%+v", after, before)
	}
	mustCheck(t, s)
}
