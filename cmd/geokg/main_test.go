package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

const articlePath = "../../testdata/article.txt"

// result is what one geokg run printed and its exit status.
type result struct {
	code           int
	stdout, stderr string
}

// geokg runs the root command in-process with the given stdin and
// arguments, and returns what exitCode would make of its error.
func geokg(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCommand(&globalOptions{})
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&errb)
	code := exitCode(root.ExecuteContext(context.Background()), &errb)
	r := result{code: code, stdout: out.String(), stderr: errb.String()}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("geokg %q crashed:\n%s", args, r.stderr)
	}
	return r
}

// mustRun runs geokg and fails the test unless it exits with want.
func mustRun(t *testing.T, want int, args ...string) result {
	t.Helper()
	r := geokg(t, "", args...)
	if r.code != want {
		t.Fatalf("geokg %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	return r
}

// summary parses ingest's summary line into its counts.
func summary(t *testing.T, line string) map[string]int {
	t.Helper()
	re := regexp.MustCompile(`^(\d+) articles? read, (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed; (\d+) relations? stored\n$`)
	m := re.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary line %q does not match %s", line, re)
	}
	n := map[string]int{}
	for i, k := range []string{"read", "new", "updated", "unchanged", "failed", "relations"} {
		n[k], _ = strconv.Atoi(m[i+1])
	}
	return n
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the first lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i, shown := 0, 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			shown++
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}

// TestFlags runs --help on every command, which makes cobra build each
// flag set (duplicate flags panic) and shows every help has examples.
func TestFlags(t *testing.T) {
	var walk func(c *cobra.Command)
	var paths [][]string
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || strings.HasPrefix(c.CommandPath(), "geokg completion") {
			return
		}
		paths = append(paths, strings.Fields(c.CommandPath())[1:])
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCommand(&globalOptions{}))
	if len(paths) < 6 {
		t.Fatalf("found %d commands, want the root and 5 subcommands", len(paths))
	}
	for _, p := range paths {
		t.Run(strings.Join(append([]string{"geokg"}, p...), "_"), func(t *testing.T) {
			r := mustRun(t, 0, append(p, "--help")...)
			for _, want := range []string{"Usage:", "Examples:", "--db"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("help of %q lacks %q:\n%s", p, want, r.stdout)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	db := t.TempDir()
	for _, args := range [][]string{
		{"ingset"},
		{"ingest"},
		{"extract"},
		{"actor"},
		{"actor", "a", "b"},
		{"actors", "extra"},
		{"export", "--bogus"},
		{"export", "--format", "gif"},
		{"export", "--depth", "x"},
		{"export", "--relation", "hates"},
		{"actor", "Iran", "--direction", "sideways"},
		{"actors", "--format", "yaml"},
		{"ingest", "--date", "14/03/2024", articlePath},
		{"ingest", "--max-size", "lots", articlePath},
		{"extract", "--format", "xml", articlePath},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			r := mustRun(t, 2, append(args, "--db", db)...)
			if !strings.HasPrefix(r.stderr, "geokg: ") || !strings.Contains(r.stderr, "--help' for usage") {
				t.Errorf("stderr = %q, want a geokg: line and a --help hint", r.stderr)
			}
			if strings.Count(r.stderr, "geokg: ") != 1 {
				t.Errorf("error printed more than once:\n%s", r.stderr)
			}
		})
	}
	if r := mustRun(t, 2, "ingset"); !strings.Contains(r.stderr, "did you mean ingest") {
		t.Errorf("unknown command: stderr %q lacks a suggestion", r.stderr)
	}
}

func TestEndToEnd(t *testing.T) {
	db := t.TempDir()
	r := mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", "--source", "Geokg Wire", articlePath)
	n := summary(t, r.stdout)
	if n["read"] != 1 || n["new"] != 1 || n["unchanged"] != 0 || n["failed"] != 0 || n["relations"] < 5 {
		t.Errorf("first ingest: %q, want 1 new article with at least 5 relations", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("ingest wrote to stderr without -v: %q", r.stderr)
	}

	export1 := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout
	if !json.Valid([]byte(export1)) {
		t.Fatalf("export --format json is not valid JSON:\n%s", export1)
	}
	checkGolden(t, "article.json.golden", []byte(export1))

	r = mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", articlePath)
	if n := summary(t, r.stdout); n["new"] != 0 || n["unchanged"] != 1 || n["relations"] != 0 {
		t.Errorf("re-ingest: %q, want 0 new, 1 unchanged", r.stdout)
	}
	if export2 := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout; export2 != export1 {
		t.Errorf("export changed after re-ingesting the same article:\n%s", lineDiff(export1, export2))
	}

	dot := mustRun(t, 0, "export", "--db", db).stdout
	if !strings.HasPrefix(dot, "digraph") || !strings.Contains(dot, "->") {
		t.Errorf("export --format dot:\n%s", dot)
	}
	out := filepath.Join(t.TempDir(), "graph.dot")
	mustRun(t, 0, "export", "--db", db, "-o", out)
	if b, err := os.ReadFile(out); err != nil || string(b) != dot {
		t.Errorf("export -o wrote %d bytes (%v), want the %d bytes of stdout", len(b), err, len(dot))
	}

	// Any alias finds the actor.
	for _, name := range []string{"Iran", "IRN", "Tehran", "iranian"} {
		r := mustRun(t, 0, "actor", "--db", db, name)
		if !strings.Contains(r.stdout, "Iran") || !strings.Contains(r.stdout, "Russia") {
			t.Errorf("actor %s: table lacks Iran and Russia:\n%s", name, r.stdout)
		}
	}
	var view struct {
		Actor     struct{ ID string } `json:"actor"`
		Relations []struct {
			Relation string            `json:"relation"`
			Evidence []json.RawMessage `json:"evidence"`
		} `json:"relations"`
	}
	r = mustRun(t, 0, "actor", "--db", db, "--format", "json", "--relation", "supplies", "Iran")
	if err := json.Unmarshal([]byte(r.stdout), &view); err != nil {
		t.Fatalf("actor --format json: %v\n%s", err, r.stdout)
	}
	if view.Actor.ID != "IRN" || len(view.Relations) == 0 {
		t.Errorf("actor Iran --relation supplies: %s", r.stdout)
	}
	for _, rel := range view.Relations {
		if rel.Relation != "supplies" || len(rel.Evidence) == 0 || len(rel.Evidence) > 3 {
			t.Errorf("relation %s with %d evidence, want supplies with 1-3", rel.Relation, len(rel.Evidence))
		}
	}

	r = mustRun(t, 0, "actors", "--db", db)
	for _, id := range []string{"IRN", "RUS", "UKR", "BLR"} {
		if !regexp.MustCompile(`(?m)^` + id + ` +country +[1-9]`).MatchString(r.stdout) {
			t.Errorf("actors table lacks %s with relations:\n%s", id, r.stdout)
		}
	}
	var rows []actorRow
	r = mustRun(t, 0, "actors", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) < 4 {
		t.Errorf("actors --format json: %d rows, %v", len(rows), err)
	}

	nb := mustRun(t, 0, "export", "--db", db, "--format", "json", "--actor", "Belarus", "--depth", "1").stdout
	if !strings.Contains(nb, `"BLR"`) || len(nb) >= len(export1) {
		t.Errorf("neighbourhood of Belarus (%d bytes) should hold BLR and be smaller than the graph (%d bytes)", len(nb), len(export1))
	}
}

func TestUnknownActor(t *testing.T) {
	db := t.TempDir()
	mustRun(t, 0, "ingest", "--db", db, articlePath)
	r := mustRun(t, 1, "actor", "--db", db, "Ukrane")
	want := `geokg: no actor "Ukrane" in the store; did you mean: `
	if !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "Ukraine") {
		t.Errorf("stderr = %q, want %q and a suggestion of Ukraine", r.stderr, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	r = mustRun(t, 1, "actor", "--db", db, "Pyongyang")
	if want := `geokg: no actor "Pyongyang" in the store (the dictionary knows it as PRK, but no ingested article mentions it)`; !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
	r = mustRun(t, 1, "export", "--db", db, "--actor", "Atlantis")
	if !strings.Contains(r.stderr, `no actor "Atlantis"`) {
		t.Errorf("export --actor Atlantis: stderr %q", r.stderr)
	}
}

func TestQueryWithoutStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none")
	for _, args := range [][]string{{"actors"}, {"actor", "Iran"}, {"export"}} {
		r := mustRun(t, 1, append(args, "--db", db)...)
		if !strings.Contains(r.stderr, "no store in "+db) {
			t.Errorf("%s on a missing store: stderr %q", args[0], r.stderr)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a query created the store directory %s", db)
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"good.txt":         article,
		"empty.txt":        []byte(" \n\n"),
		"binary.txt":       {'G', 'I', 'F', 0, 1, 2},
		"latin1.md":        []byte("Kiev caf\xe9 story\n"),
		"sub/huge.txt":     bytes.Repeat([]byte("Ukraine accused Russia. "), 3000),
		"sub/.hidden.txt":  {0},
		"sub/ignored.json": {0},
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	db := t.TempDir()
	r := mustRun(t, 1, "ingest", "--db", db, "--date", "2024-01-01", "--max-size", "64KB", dir, missing)
	n := summary(t, r.stdout)
	if n["read"] != 6 || n["new"] != 1 || n["failed"] != 5 {
		t.Errorf("summary %q, want 6 read, 1 new, 5 failed", r.stdout)
	}
	for _, want := range []string{
		filepath.Join(dir, "empty.txt") + ": empty",
		filepath.Join(dir, "binary.txt") + ": binary data, not text",
		filepath.Join(dir, "latin1.md") + ": not valid UTF-8 text (byte offset 8)",
		filepath.Join(dir, "sub", "huge.txt") + ": larger than the 64 KB limit (use --max-size)",
		missing + ": no such file or directory",
	} {
		if !strings.Contains(r.stderr, "geokg: "+want+"\n") {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := strings.Count(r.stderr, "\n"); got != 5 {
		t.Errorf("stderr has %d lines, want 5:\n%s", got, r.stderr)
	}
	if r := mustRun(t, 0, "actor", "--db", db, "Belarus"); !strings.Contains(r.stdout, "Russia") {
		t.Errorf("the good file was not stored: actor Belarus:\n%s", r.stdout)
	}
}

func TestIngestStdin(t *testing.T) {
	db := t.TempDir()
	text := "Moscow denied accusations by Kyiv that it had shelled the Zaporizhzhia plant.\n"
	r := geokg(t, text, "ingest", "--db", db, "-v", "-")
	if r.code != 0 || summary(t, r.stdout)["new"] != 1 {
		t.Fatalf("ingest -: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "-: new") {
		t.Errorf("-v did not report the article on stderr: %q", r.stderr)
	}
	if r := geokg(t, "", "ingest", "--db", db, "-"); r.code != 1 || !strings.Contains(r.stderr, "geokg: stdin: empty") {
		t.Errorf("empty stdin: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExtract(t *testing.T) {
	r := mustRun(t, 0, "extract", "--date", "2024-03-14", articlePath)
	for _, want := range []string{"—accuses→", "—denies→", "—supplies→", "[alleged", "«", "{", "[Ukraine]"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("extract text output lacks %q:\n%s", want, r.stdout)
		}
	}
	j := mustRun(t, 0, "extract", "--format", "json", "--date", "2024-03-14", articlePath).stdout
	if !json.Valid([]byte(j)) || !strings.Contains(j, `"relation": "supplies"`) && !strings.Contains(j, `"relation":"supplies"`) {
		t.Errorf("extract --format json:\n%s", j)
	}
	// Extract and ingest+export see the same edges.
	db := t.TempDir()
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", articlePath)
	if e := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout; edgeKeys(t, e) != edgeKeys(t, j) {
		t.Errorf("extract and export disagree on the edges:\nextract: %s\nexport:  %s", edgeKeys(t, j), edgeKeys(t, e))
	}
	// Bad inputs are named; good ones still print.
	r = geokg(t, "", "extract", articlePath, "nope.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "geokg: nope.txt: no such file") || !strings.Contains(r.stdout, "—accuses→") {
		t.Errorf("extract with a missing file: exit %d, stderr %q", r.code, r.stderr)
	}
}

// edgeKeys lists the source-relation-target triples of an export JSON.
func edgeKeys(t *testing.T, s string) string {
	t.Helper()
	var g struct {
		Edges []struct{ Source, Relation, Target string } `json:"edges"`
	}
	if err := json.Unmarshal([]byte(s), &g); err != nil {
		t.Fatalf("%v in %s", err, s)
	}
	var keys []string
	for _, e := range g.Edges {
		keys = append(keys, e.Source+" "+e.Relation+" "+e.Target)
	}
	return strings.Join(keys, "; ")
}

func TestActorsDictionary(t *testing.T) {
	dir := t.TempDir()
	r := mustRun(t, 0, "actors", "--dictionary", "--db", filepath.Join(dir, "unused"))
	if len(r.stdout) < 100 {
		t.Errorf("actors --dictionary printed only %q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "unused")); err == nil {
		t.Errorf("actors --dictionary opened a store")
	}
	// The printed dictionary loads back as an --actors file.
	p := filepath.Join(dir, "dict.txt")
	if err := os.WriteFile(p, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if again := mustRun(t, 0, "actors", "--dictionary", "--actors", p); again.stdout != r.stdout {
		t.Errorf("dictionary changed after a round trip through --actors:\n%s", lineDiff(r.stdout, again.stdout))
	}
	if r := mustRun(t, 1, "actors", "--dictionary", "--actors", filepath.Join(dir, "missing")); !strings.Contains(r.stderr, "missing") {
		t.Errorf("missing --actors file: stderr %q", r.stderr)
	}
}

// TestLexicon checks that "geokg lexicon" prints a lexicon that loads back
// through --lexicon, that --lexicon changes what extract finds, and that a
// malformed file is one line naming the file and line.
func TestLexicon(t *testing.T) {
	dir := t.TempDir()
	r := mustRun(t, 0, "lexicon", "--db", filepath.Join(dir, "unused"))
	if !strings.Contains(r.stdout, "\nverb accuses accuse obj=against,by\n") {
		t.Errorf("lexicon printed %.300q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "unused")); err == nil {
		t.Errorf("lexicon opened a store")
	}
	printed := filepath.Join(dir, "printed.txt")
	if err := os.WriteFile(printed, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, 0, "--lexicon", printed, "lexicon")
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("France airlifted 40 tonnes of medical kits to Chad on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustRun(t, 0, "extract", art); strings.Contains(r.stdout, "supplies") {
		t.Errorf("built-in lexicon found a supply: %s", r.stdout)
	}
	more := filepath.Join(dir, "more.txt")
	if err := os.WriteFile(more, []byte("verb supplies airlift goods\nwords goods kits\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustRun(t, 0, "--lexicon", more, "extract", art); !strings.Contains(r.stdout, "France —supplies→ Chad") {
		t.Errorf("--lexicon: extract printed %s", r.stdout)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("# ok\nwords weapons drones\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustRun(t, 1, "--lexicon", bad, "extract", art); r.stderr != "geokg: "+bad+":2: unknown word class \"weapons\"\n" {
		t.Errorf("bad --lexicon: stderr %q", r.stderr)
	}
}
