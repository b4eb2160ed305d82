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
	"time"

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
	if !strings.HasPrefix(r.stdout, "Ukraine (UKR): 5 relations") {
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
	if doc.ID != example || doc.Date != "2024-03-14" || len(doc.Relations) != 10 || len(doc.Actors) < 10 {
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
	r = cliRun(t, db, 0, "forget", idOne[:12])
	if r.stdout != "article "+idOne+": already forgotten\n" {
		t.Errorf("forget %s again: %q", idOne[:12], r.stdout)
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

// storedByFile returns "geokg articles --format json" by the base name
// of each article's source file.
func storedByFile(t *testing.T, db string) map[string]articleRow {
	t.Helper()
	var rows []articleRow
	if err := json.Unmarshal([]byte(cliRun(t, db, 0, "articles", "--format", "json").stdout), &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]articleRow{}
	for _, r := range rows {
		out[filepath.Base(r.Source)] = r
	}
	return out
}

// TestDates checks where an article's date comes from, in order: --date,
// the page's or JSON line's metadata, a dated dateline or byline, and only
// then the file's time, with one warning naming the file.
func TestDates(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	files := []string{
		writeFile(t, tmp, "vienna.txt", "Iran lets inspectors in\n\nVIENNA, 3 March 2025 (Reuters) - Iran accused Israel of sabotage at Natanz.\n"),
		writeFile(t, tmp, "published.txt", "Kyiv blames Moscow\n\nPublished 2025-03-03\n\nUkraine accused Russia of shelling the plant.\n"),
		writeFile(t, tmp, "madrid.txt", "MADRID, May 28, 2024 - Spain formally recognised the State of Palestine.\n"),
		writeFile(t, tmp, "undated.txt", "Germany pledged to deliver two Patriot batteries to Ukraine.\n"),
		writeFile(t, tmp, "page.html", `<html><head><title>Talks</title><meta property="article:published_time" content="2024-06-02T10:00:00Z"></head>`+
			`<body><article><h1>Talks</h1><p>VIENNA, 3 March 2025 (Reuters) - Belarus and Russia are allies, the ministers said after their talks.</p></article></body></html>`),
		writeFile(t, tmp, "lines.jsonl", `{"text":"Turkey supplied drones to Ukraine.","date":"2023-09-09"}`+"\n"+`{"text":"Japan accused China of hacking."}`+"\n"),
	}
	fileTime := time.Date(2023, 7, 1, 12, 0, 0, 0, time.UTC)
	for _, f := range files {
		if err := os.Chtimes(f, fileTime, fileTime); err != nil {
			t.Fatal(err)
		}
	}
	r := cliRun(t, db, 0, append([]string{"ingest"}, files...)...)
	got := storedByFile(t, db)
	for name, want := range map[string]string{"vienna.txt": "2025-03-03", "published.txt": "2025-03-03", "madrid.txt": "2024-05-28",
		"undated.txt": "2023-07-01", "page.html": "2024-06-02", "lines.jsonl": ""} {
		if name == "lines.jsonl" {
			continue
		}
		if got[name].Date != want {
			t.Errorf("%s dated %q, want %s", name, got[name].Date, want)
		}
	}
	wantWarnings := []string{
		// sorted by name: lines.jsonl before undated.txt, whichever finished first
		"geokg: " + files[5] + ": no date in its metadata or a dateline; dated 2023-07-01, the file's modification day (give --date)",
		"geokg: " + files[3] + ": no date in its metadata or a dateline; dated 2023-07-01, the file's modification day (give --date)",
	}
	if strings.TrimSpace(r.stderr) != strings.Join(wantWarnings, "\n") {
		t.Errorf("stderr:\n%s\nwant\n%s", r.stderr, strings.Join(wantWarnings, "\n"))
	}
	// --date comes first, before metadata and datelines
	db2 := filepath.Join(tmp, "db2")
	r = cliRun(t, db2, 0, append([]string{"ingest", "--date", "2022-02-02"}, files...)...)
	for name, a := range storedByFile(t, db2) {
		if a.Date != "2022-02-02" {
			t.Errorf("with --date: %s dated %s", name, a.Date)
		}
	}
	if r.stderr != "" {
		t.Errorf("with --date, stderr %q", r.stderr)
	}
}

// TestMetadataUpdate ingests an article, then the same text with --date,
// --title, --source and --url: the stored article and its relations' dates
// are corrected, the summary says "1 updated", and the same again changes
// nothing.
func TestMetadataUpdate(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	story := writeFile(t, tmp, "story.txt", "Talks\n\nUkraine accused Russia of shelling the plant. Iran supplied drones to Russia.\n")
	cliRun(t, db, 0, "ingest", "--date", "2024-01-01", story)
	fix := []string{"ingest", "--date", "2025-03-04", "--title", "Kyiv blames Moscow", "--source", "Geokg Wire", "--url", "https://example.org/kyiv", story}
	r := cliRun(t, db, 0, fix...)
	if n := summary(t, r.stdout); n["new"] != 0 || n["updated"] != 1 || n["unchanged"] != 0 {
		t.Errorf("summary %q, want 1 updated", r.stdout)
	}
	a := storedByFile(t, db)["Geokg Wire"]
	if a.Date != "2025-03-04" || a.Title != "Kyiv blames Moscow" || a.URL != "https://example.org/kyiv" {
		t.Errorf("after the update: %+v", a)
	}
	var g struct {
		Edges []struct {
			FirstSeen string `json:"first_seen"`
			LastSeen  string `json:"last_seen"`
			Evidence  []struct{ Date string }
		}
	}
	if err := json.Unmarshal([]byte(cliRun(t, db, 0, "export", "--format", "json").stdout), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 2 {
		t.Fatalf("%d edges, want 2", len(g.Edges))
	}
	for _, e := range g.Edges {
		if e.FirstSeen != "2025-03-04" || e.LastSeen != "2025-03-04" || e.Evidence[0].Date != "2025-03-04" {
			t.Errorf("edge seen %s to %s, evidence %+v: want the corrected date", e.FirstSeen, e.LastSeen, e.Evidence)
		}
	}
	if r := cliRun(t, db, 0, "timeline", "Russia"); !strings.Contains(r.stdout, "2025-03") || strings.Contains(r.stdout, "2024-01") {
		t.Errorf("timeline after the update:\n%s", r.stdout)
	}
	r = cliRun(t, db, 0, fix...)
	if n := summary(t, r.stdout); n["updated"] != 0 || n["unchanged"] != 1 {
		t.Errorf("the same correction again: %q, want 1 unchanged", r.stdout)
	}
	r = cliRun(t, db, 0, "ingest", story) // defaults never undo a correction
	if n := summary(t, r.stdout); n["unchanged"] != 1 {
		t.Errorf("the text again without flags: %q, want 1 unchanged", r.stdout)
	}
	if r := cliRun(t, db, 0, "check"); !strings.Contains(r.stdout, "no problems") {
		t.Errorf("check: %s", r.stdout)
	}
}

// TestOneStory ingests one story as a hard-wrapped text file, a web page
// and a JSON line: one article, with the page's richer metadata, and no
// corroboration by itself.
func TestOneStory(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	paras := []string{"Kyiv accuses Tehran",
		"KYIV, March 14 (Geokg Wire) - Ukraine accused Iran on Thursday of shipping short-range ballistic missiles to Russia, the latest in a string of charges.",
		"Tehran denied the accusations by Kyiv, calling them “baseless fabrications”."}
	wrapped := paras[0] + "\n\n" + strings.Replace(paras[1], " short-range", "\nshort-range", 1) + "\n\n" + strings.Replace(paras[2], " the accusations", "\nthe accusations", 1) + "\n"
	txt := writeFile(t, tmp, "story.txt", wrapped)
	page := writeFile(t, tmp, "story.html", `<!DOCTYPE html><html><head><title>Kyiv accuses Tehran</title>`+
		`<meta property="article:published_time" content="2024-03-14T09:00:00Z"><link rel="canonical" href="https://example.org/kyiv">`+
		`</head><body><nav><a href="/">Home</a></nav><article><h1>Kyiv accuses Tehran</h1><p>`+paras[1]+`</p><p>`+
		strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;").Replace(paras[2])+`</p></article></body></html>`)
	line, err := json.Marshal(map[string]string{"text": strings.Join(paras, "\n"), "title": "Kyiv accuses Tehran", "date": "2024-03-14"})
	if err != nil {
		t.Fatal(err)
	}
	jsonl := writeFile(t, tmp, "story.jsonl", string(line)+"\n")
	// the text file first: the copy stored is the first read, and its
	// relations (a JSON line's single line breaks make other paragraphs)
	cliRun(t, db, 0, "ingest", txt)
	r := cliRun(t, db, 0, "ingest", page, jsonl)
	// the page, and the line if it comes first, add metadata the text file
	// lacked (the order in which the two are read is not fixed)
	if n := summary(t, r.stdout); n["new"] != 0 || n["updated"] < 1 || n["updated"]+n["unchanged"] != 2 {
		t.Errorf("summary %q, want 0 new and the page's metadata updated", r.stdout)
	}
	rows := storedByFile(t, db)
	if len(rows) != 1 {
		t.Fatalf("%d articles, want 1: %+v", len(rows), rows)
	}
	alone := filepath.Join(tmp, "alone")
	cliRun(t, alone, 0, "ingest", txt)
	want := storedByFile(t, alone)["story.txt"].Relations
	for _, a := range rows {
		if a.Date != "2024-03-14" || a.URL != "https://example.org/kyiv" || a.Relations != want || want == 0 {
			t.Errorf("the article: %+v, want the page's date and URL and the text file's %d relations", a, want)
		}
	}
	if r := cliRun(t, db, 0, "export", "--format", "json", "--min-articles", "2"); strings.Contains(r.stdout, `"relation"`) {
		t.Errorf("one story corroborates itself:\n%s", r.stdout)
	}
	if r := cliRun(t, db, 0, "stats"); !strings.HasPrefix(r.stdout, "Articles: 1 (2024-03-14 to 2024-03-14)") {
		t.Errorf("stats:\n%s", r.stdout)
	}
}
