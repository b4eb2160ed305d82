package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the built geokg binary on the store db with stdin and args, as
// a user would, and returns what it printed and its exit status.
func cli(t *testing.T, db, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(buildGeokg(t), append(args, "--db", db)...)
	cmd.Env = append(os.Environ(), "GEOKG_DB=", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("geokg %s: %v", strings.Join(args, " "), err)
	}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("geokg %s crashed:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// cliRun is cli that fails the test unless geokg exits with want.
func cliRun(t *testing.T, db string, want int, args ...string) result {
	t.Helper()
	r := cli(t, db, "", args...)
	if r.code != want {
		t.Fatalf("geokg %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	return r
}

// writeFile writes text into a new file name under dir and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestActorMentionedOnly stores articles that name Chile in no relation
// and checks that "geokg actor Chile" says so (exit 0), in a table and in
// JSON, that path explains it, and that forgetting the articles brings
// back "no ingested article mentions it".
func TestActorMentionedOnly(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	talks := writeFile(t, tmp, "talks.txt", "Chile and Peru held talks on fishing quotas on Monday.\n")
	calm := writeFile(t, tmp, "calm.txt", "Ukraine accused Russia of shelling the plant, and Chile called for calm.\n")
	cliRun(t, db, 0, "ingest", "--date", "2024-03-14", article, talks, calm)
	r := cliRun(t, db, 0, "actor", "Chile")
	if want := "Chile (CHL): mentioned in 2 articles, no relations\n"; r.stdout != want {
		t.Errorf("actor Chile printed %q, want %q", r.stdout, want)
	}
	r = cliRun(t, db, 0, "actor", "Chile", "--format", "json")
	if !strings.Contains(r.stdout, `"mentioned_in": 2,`) || !strings.Contains(r.stdout, `"relations": []`) {
		t.Errorf("actor Chile --format json:\n%s", r.stdout)
	}
	r = cliRun(t, db, 0, "actor", "Ukraine")
	if !strings.HasPrefix(r.stdout, "Ukraine (UKR): 4 relations") {
		t.Errorf("actor Ukraine:\n%s", r.stdout)
	}
	r = cliRun(t, db, 0, "actor", "Ukraine", "--format", "json")
	if !strings.Contains(r.stdout, `"mentioned_in": 2,`) {
		t.Errorf("actor Ukraine --format json does not say it is mentioned in 2 articles:\n%s", r.stdout)
	}
	r = cliRun(t, db, 1, "path", "Chile", "Iran")
	if !strings.Contains(r.stderr, "mentioned in 2 articles, in no relation") {
		t.Errorf("path Chile Iran: %q", r.stderr)
	}
	r = cliRun(t, db, 1, "actor", "Pyongyang")
	if !strings.Contains(r.stderr, "no ingested article mentions it") {
		t.Errorf("actor Pyongyang: %q", r.stderr)
	}
	cliRun(t, db, 0, "forget", articleIDOf(t, db, "talks.txt"), articleIDOf(t, db, "calm.txt"))
	r = cliRun(t, db, 1, "actor", "Chile")
	if !strings.Contains(r.stderr, "no ingested article mentions it") {
		t.Errorf("actor Chile after forgetting its articles: %q", r.stderr)
	}
}

// articleIDOf returns the id "geokg articles" lists for the article whose
// source ends in name.
func articleIDOf(t *testing.T, db, name string) string {
	t.Helper()
	r := cliRun(t, db, 0, "articles", "--format", "json")
	var arts []struct{ ID, Source string }
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if strings.HasSuffix(a.Source, name) {
			return a.ID
		}
	}
	t.Fatalf("no article from %s in:\n%s", name, r.stdout)
	return ""
}

// TestActorTableEvidence checks the actor table through a pipe: whole
// sentences (never cut), --evidence N rows per relation, and who alleges
// or denies what (golden file).
func TestActorTableEvidence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	cliRun(t, db, 0, "ingest", "--date", "2024-03-14", article)
	one := cliRun(t, db, 0, "actor", "Iran").stdout
	two := cliRun(t, db, 0, "actor", "Iran", "--evidence", "2").stdout
	all := cliRun(t, db, 0, "actor", "Iran", "--evidence", "-1").stdout
	checkGolden(t, "actor-iran-evidence2.golden", []byte(two))
	if strings.Contains(two, "…") {
		t.Errorf("a piped table was cut:\n%s", two)
	}
	if !strings.Contains(two, "[alleged by Ukraine]") {
		t.Errorf("the table does not say who alleges Iran supplies Russia:\n%s", two)
	}
	if n1, n2 := strings.Count(one, "\n"), strings.Count(two, "\n"); n2 <= n1 {
		t.Errorf("--evidence 2 printed %d lines, --evidence 1 %d: want more", n2, n1)
	}
	if n2, na := strings.Count(two, "\n"), strings.Count(all, "\n"); na < n2 {
		t.Errorf("--evidence -1 printed %d lines, --evidence 2 %d", na, n2)
	}
}
