package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Tests of issue 14's "hangs and resources" and "smaller" items: each runs
// geokg on real files and stores, in-process or as the built binary.

// TestDepthHuge: a --depth far beyond the graph's diameter stops when a hop
// reaches nobody new, and gives what a depth that covers the graph gives.
func TestDepthHuge(t *testing.T) {
	db := viewsStore(t)
	for _, extra := range [][]string{nil, {"--rollup"}} {
		args := append([]string{"export", "--db", db, "--format", "json", "--actor", "Iran"}, extra...)
		want := mustRun(t, 0, append(args, "--depth", "20")...).stdout
		for _, depth := range []string{"999999999", "9223372036854775807"} {
			if got := mustRun(t, 0, append(args, "--depth", depth)...).stdout; got != want {
				t.Errorf("export %v --depth %s differs from --depth 20:\n%s\nwant\n%s", extra, depth, got, want)
			}
		}
	}
}

// TestEmptyDB: --db ” is a usage error, not the default store.
func TestEmptyDB(t *testing.T) {
	t.Setenv("GEOKG_DB", t.TempDir())
	for _, args := range [][]string{{"actors", "--db", ""}, {"ingest", "--db=", "-"}, {"--db", "", "stats"}} {
		r := geokg(t, "Belarus and Russia are allies.\n", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "--db: empty directory name") {
			t.Errorf("geokg %q: exit %d, stderr %q; want 2 and --db: empty directory name", args, r.code, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(os.Getenv("GEOKG_DB")); len(entries) != 0 {
		t.Errorf("--db '' wrote to $GEOKG_DB: %v", entries)
	}
}

// TestForgetRerun: forgetting an id a second time (an interrupted forget
// run again) says "already forgotten" and exits 0; an id never stored is
// still an error.
func TestForgetRerun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	ingestText(t, db, "Belarus and Russia are allies.\n")
	ingestText(t, db, otherText)
	rows := mustArticles(t, db)
	if len(rows) != 2 {
		t.Fatalf("articles: %+v", rows)
	}
	a, b := rows[0].ID, rows[1].ID
	mustRun(t, 0, "forget", "--db", db, a)
	r := mustRun(t, 0, "forget", "--db", db, a, b)
	if !strings.Contains(r.stdout, "article "+a+": already forgotten") || !strings.Contains(r.stdout, "forgot "+b) {
		t.Errorf("forget again:\n%s", r.stdout)
	}
	r = mustRun(t, 1, "forget", "--db", db, "0123456789abcdef0123456789abcdef")
	if !strings.Contains(r.stderr, "not in the store") {
		t.Errorf("forget of an unknown id: %+v", r)
	}
	ingestText(t, db, otherText) // one of them back again: forgettable again
	rows = mustArticles(t, db)
	if len(rows) != 1 {
		t.Fatalf("articles after ingesting again: %+v", rows)
	}
	if r := mustRun(t, 0, "forget", "--db", db, rows[0].ID); !strings.Contains(r.stdout, "forgot "+rows[0].ID) {
		t.Errorf("forget after ingesting again:\n%s", r.stdout)
	}
}

// TestStdoutFailures: output lost to a closed standard output or a full
// device exits 1 with one line; > /dev/null is still fine.
func TestStdoutFailures(t *testing.T) {
	bin := buildGeokg(t)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	db := filepath.Join(t.TempDir(), "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	if r := runBin(t, bin, "", "ingest", "--db", db, article); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	for _, tc := range []struct {
		cmd, redirect string
		code          int
	}{
		{"export", ">&-", 1},
		{"export --format json", ">&-", 1},
		{"actors", ">&-", 1},
		{"actors", ">/dev/full", 1},
		{"export", ">/dev/full", 1},
		{"ingest " + article, ">/dev/full", 1},
		{"ingest " + article, ">&-", 1},
		{"actors", ">/dev/null", 0},
		{"export", ">/dev/null", 0},
	} {
		script := `exec "$0" ` + tc.cmd + ` --db "$1" ` + tc.redirect
		out, err := exec.Command("sh", "-c", script, bin, db).CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		stderr := string(out)
		noCrash(t, []string{tc.cmd, tc.redirect}, stderr)
		if code != tc.code || (code != 0 && (strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "standard output"))) {
			t.Errorf("geokg %s %s: exit %d, want %d; stderr:\n%s", tc.cmd, tc.redirect, code, tc.code, stderr)
		}
	}
}

// TestJSONLZeroDate: a JSON Lines date of 0001-01-01 is reported, not
// silently replaced by --date; --date 0001-01-01 is a usage error.
func TestJSONLZeroDate(t *testing.T) {
	dir := t.TempDir()
	dump := write(t, filepath.Join(dir, "dump.jsonl"), []byte(
		`{"text":"Iran supplied drones to Russia.","date":"0001-01-01"}`+"\n"+
			`{"text":"Belarus and Russia are allies.","date":"2024-02-03"}`+"\n"))
	db := filepath.Join(dir, "db")
	r := mustRun(t, 1, "ingest", "--db", db, "--date", "2024-01-01", dump)
	if want := dump + `:1: field "date": date "0001-01-01": 0001-01-01 is no date`; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	if got := storedArticles(t, db); len(got) != 1 || got[0].Date != "2024-02-03" {
		t.Errorf("stored %+v, want only the 2024-02-03 article", got)
	}
	if r := geokg(t, "Belarus and Russia are allies.\n", "ingest", "--db", db, "--date", "0001-01-01", "-"); r.code != 2 {
		t.Errorf("--date 0001-01-01: %+v", r)
	}
}
