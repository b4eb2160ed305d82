package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"geokg/extract/input"
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

// collidingTexts returns two article texts whose ids start with the same
// 8 characters: found by trying numbered sentences (about 80,000 for a
// 32-bit collision).
func collidingTexts(t *testing.T) (string, string) {
	t.Helper()
	seen := map[string]string{}
	for n := 0; n < 1<<22; n++ {
		text := "Ukraine accused Russia of shelling the plant " + strconv.Itoa(n) + " times.\n"
		id := articleIDFor(text)
		if other, ok := seen[id[:minIDPrefix]]; ok {
			return other, text
		}
		seen[id[:minIDPrefix]] = text
	}
	t.Fatal("no two ids share 8 characters")
	return "", ""
}

// TestArticleIDs shows articles and forgets them by unique starts of
// their ids, refuses a start two ids share (listing both) and a start of
// fewer than 8 characters.
func TestArticleIDs(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	one, two := collidingTexts(t)
	idOne, idTwo := articleIDFor(one), articleIDFor(two)
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	cliRun(t, db, 0, "ingest", "--date", "2024-03-14", "--source", "Geokg Wire", article, writeFile(t, tmp, "one.txt", one), writeFile(t, tmp, "two.txt", two))
	example := articleIDFor(readExample(t))

	r := cliRun(t, db, 0, "article", example[:8])
	checkGolden(t, "article-example.golden", []byte(r.stdout))
	r = cliRun(t, db, 0, "article", example, "--format", "json")
	var doc struct {
		ID        string
		Date      string
		Actors    []struct{ ID string }
		Relations []struct{ Source, Relation, Target, Status, ClaimedBy string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("article --format json: %v\n%s", err, r.stdout)
	}
	if doc.ID != example || doc.Date != "2024-03-14" || len(doc.Relations) != 9 || len(doc.Actors) < 10 {
		t.Errorf("article --format json: id %s, date %s, %d relations, %d actors", doc.ID, doc.Date, len(doc.Relations), len(doc.Actors))
	}

	r = cliRun(t, db, 1, "article", idOne[:8])
	if !strings.Contains(r.stderr, "ambiguous") || !strings.Contains(r.stderr, idOne) || !strings.Contains(r.stderr, idTwo) {
		t.Errorf("article %s (shared by two ids): %q", idOne[:8], r.stderr)
	}
	r = cliRun(t, db, 1, "forget", idOne[:8])
	if !strings.Contains(r.stderr, "ambiguous") {
		t.Errorf("forget %s (shared by two ids): %q", idOne[:8], r.stderr)
	}
	r = cliRun(t, db, 1, "article", example[:7])
	if !strings.Contains(r.stderr, "not in the store") {
		t.Errorf("article %s (7 characters): %q", example[:7], r.stderr)
	}
	unique := idOne[:31] // the two share 8 characters, not 31
	r = cliRun(t, db, 0, "forget", unique)
	if !strings.Contains(r.stdout, "forgot "+idOne) {
		t.Errorf("forget %s: %q", unique, r.stdout)
	}
	r = cliRun(t, db, 0, "article", idTwo[:8])
	if !strings.HasPrefix(r.stdout, "ID      "+idTwo+"\n") {
		t.Errorf("article %s once the other id is forgotten:\n%s", idTwo[:8], r.stdout)
	}
}

// articleIDFor is the id ingest gives a plain text file holding text.
func articleIDFor(text string) string { return input.ArticleID(text) }

// readExample returns the text of the bundled example article.
func readExample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStatsDistinctArticles checks that stats' MOST_CONNECTED ARTICLES
// counts the distinct articles showing an actor's relations, as the
// exported evidence says, never more than the store holds.
func TestStatsDistinctArticles(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	more := writeFile(t, tmp, "more.txt", "Israel accused Iran of arming Hezbollah. Iran denied the accusations by Israel. Russia and Iran are allies.\n")
	cliRun(t, db, 0, "ingest", "--date", "2024-03-14", article, more)
	var st struct {
		Articles int `json:"articles"`
		Top      []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"most_connected"`
	}
	if err := json.Unmarshal([]byte(cliRun(t, db, 0, "stats", "--format", "json").stdout), &st); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Edges []struct {
			Source, Target string
			Evidence       []struct{ Article string }
		}
	}
	if err := json.Unmarshal([]byte(cliRun(t, db, 0, "export", "--format", "json").stdout), &g); err != nil {
		t.Fatal(err)
	}
	articles := map[string]map[string]bool{}
	for _, e := range g.Edges {
		for _, id := range []string{e.Source, e.Target} {
			if articles[id] == nil {
				articles[id] = map[string]bool{}
			}
			for _, ev := range e.Evidence {
				articles[id][ev.Article] = true
			}
		}
	}
	if len(st.Top) == 0 || st.Top[0].ID != "IRN" {
		t.Fatalf("most connected: %+v, want Iran first", st.Top)
	}
	for _, c := range st.Top {
		if c.Articles != len(articles[c.ID]) || c.Articles > st.Articles {
			t.Errorf("stats: %s in %d articles; its relations' evidence names %d, the store holds %d", c.ID, c.Articles, len(articles[c.ID]), st.Articles)
		}
	}
	table := cliRun(t, db, 0, "stats", "--top", "3").stdout
	if !strings.Contains(table, "Iran            country  8          2\n") {
		t.Errorf("stats table: want Iran with 8 relations in 2 articles:\n%s", table)
	}
}
