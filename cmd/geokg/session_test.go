package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"geokg/store"
)

// TestIngestBadDictionary builds the extractor and opens the store at the
// same time when the store exists (extractorAndStore): an --actors file
// that cannot be read fails the ingest with its own error, leaves the
// store as it was and closed (a later ingest and check work), and makes
// no store where there was none.
func TestIngestBadDictionary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	missing := filepath.Join(dir, "missing.tsv")
	r := geokg(t, "", "--db", db, "--actors", missing, "ingest", "-q", articlePath)
	if r.code != exitError || !strings.Contains(r.stderr, "missing.tsv") {
		t.Fatalf("ingest with a missing --actors file into no store: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatalf("a failed ingest made a store at %s", db)
	}
	first := mustRun(t, 0, "--db", db, "ingest", "-q", articlePath)
	r = geokg(t, "", "--db", db, "--actors", missing, "ingest", "-q", articlePath)
	if r.code != exitError || !strings.Contains(r.stderr, "missing.tsv") {
		t.Fatalf("ingest with a missing --actors file into a store: exit %d, stderr %q", r.code, r.stderr)
	}
	if again := mustRun(t, 0, "--db", db, "ingest", "-q", articlePath); !strings.Contains(again.stdout, "1 unchanged") {
		t.Errorf("ingest after the failed one: %q (first: %q)", again.stdout, first.stdout)
	}
	mustRun(t, 0, "--db", db, "check")
}

// TestQueryLeavesStore runs queries as processes, which leave their
// read-only store to the exit (store.Store.Leave, exitAfterRun) instead
// of closing Badger: each query answers as a closed store's would, and a
// writer opens the store as soon as they have exited.
func TestQueryLeavesStore(t *testing.T) {
	bin := buildGeokg(t)
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, 0, "--db", db, "ingest", "-q", articlePath)
	for _, q := range [][]string{{"stats"}, {"actors"}, {"articles"}} {
		want := mustRun(t, 0, append([]string{"--db", db}, q...)...).stdout
		cmd := exec.Command(bin, append([]string{"--db", db}, q...)...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("geokg %s: %v", q, err)
		}
		if string(out) != want {
			t.Errorf("geokg %s as a process:\n%s\nin the test's process:\n%s", q, out, want)
		}
		s, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatalf("a writable open after geokg %s: %v", q, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
