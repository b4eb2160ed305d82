package store_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"testing"

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

// TestUpgradeFormat2 checks that a format-2 store (edge counts in e/
// values) is read as it is, its stale counts ignored, and that a writable
// open only moves it to the current format.
func TestUpgradeFormat2(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	before, err := s.Graph(ctx, store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DowngradeToFormat2(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a format-2 store: %v", err)
	}
	got, err := ro.Graph(ctx, store.Filter{Evidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, before) {
		t.Errorf("format-2 graph read as it is:\n%+v\nwant\n%+v", got, before)
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
	if from != 2 {
		t.Errorf("Upgrading called with %d, want 2", from)
	}
	if got, err := s.Graph(ctx, store.Filter{Evidence: 1}); err != nil || !reflect.DeepEqual(got, before) {
		t.Errorf("graph after the upgrade: %v\n%+v\nwant\n%+v", err, got, before)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the upgrade = %q, %v", problems, err)
	}
	if v, err := s.Format(); err != nil || v != strconv.Itoa(store.FormatVersion) {
		t.Errorf("format after the upgrade: %q %v", v, err)
	}
}
