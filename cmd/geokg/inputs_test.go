package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// storedArticle is one row of "geokg articles --format json".
type storedArticle struct {
	Date      string `json:"date"`
	Relations int    `json:"relations"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
}

// storedArticles lists the store's articles, sorted by title.
func storedArticles(t *testing.T, db string) []storedArticle {
	t.Helper()
	r := mustRun(t, 0, "articles", "--db", db, "--format", "json")
	var arts []storedArticle
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil {
		t.Fatalf("articles --format json: %v\n%s", err, r.stdout)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].Title < arts[j].Title })
	return arts
}

// edges returns "FROM rel TO" for every edge of the store, sorted.
func edges(t *testing.T, db string) []string {
	t.Helper()
	r := mustRun(t, 0, "export", "--db", db, "--format", "json")
	var g struct {
		Edges []struct {
			From     string `json:"source"`
			Relation string `json:"relation"`
			To       string `json:"target"`
		} `json:"edges"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &g); err != nil {
		t.Fatalf("export: %v", err)
	}
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.From+" "+e.Relation+" "+e.To)
	}
	sort.Strings(out)
	return out
}

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const newsPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drones for Moscow | Harbour Times</title>
<link rel="canonical" href="https://harbour.example/world/drones">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-06-02T18:00:00+02:00">
<script>var teaser = "Belarus accused Poland of spying.";</script>
</head><body>
<nav><a href="/">Front page</a> <a href="/world">World</a></nav>
<!-- Japan accused China of hacking. -->
<article><h1>Drones for Moscow</h1>
<p>Iran supplied drones to Russia, officials in Washington said on Sunday, citing satellite images and shipping records from the Caspian Sea.</p>
<p>The officials said the transfers had continued through the spring, and that further deliveries were expected before the end of the summer.</p>
</article>
<footer>Harbour Times, all rights reserved.</footer>
</body></html>
`

func TestIngestHTML(t *testing.T) {
	dir := t.TempDir()
	page := write(t, filepath.Join(dir, "drones.html"), []byte(newsPage))
	db := t.TempDir()
	r := mustRun(t, 0, "ingest", "--db", db, page)
	if n := summary(t, r.stdout); n["new"] != 1 || n["relations"] != 1 {
		t.Errorf("summary %q, want 1 new with 1 relation", r.stdout)
	}
	arts := storedArticles(t, db)
	want := storedArticle{Date: "2024-06-02", Relations: 1, Title: "Drones for Moscow", Source: "Harbour Times", URL: "https://harbour.example/world/drones"}
	if len(arts) != 1 || arts[0] != want {
		t.Errorf("articles = %+v, want %+v", arts, want)
	}
	if got := edges(t, db); strings.Join(got, ",") != "IRN supplies RUS" {
		t.Errorf("edges = %q, want only IRN supplies RUS (nothing from the script, comment or menus)", got)
	}
	// The same page through extract and through stdin gives the same article.
	if r := mustRun(t, 0, "extract", page); !strings.Contains(r.stdout, "Iran —supplies→ Russia") || strings.Contains(r.stdout, "Poland") {
		t.Errorf("extract page.html:\n%s", r.stdout)
	}
	if r := geokg(t, newsPage, "ingest", "--db", db, "-"); r.code != 0 || summary(t, r.stdout)["unchanged"] != 1 {
		t.Errorf("stdin HTML was not read as the same page: %+v", r)
	}
}

// TestIngestHTMLDeep: a page nested 100,000 levels deep is read, quickly.
func TestIngestHTMLDeep(t *testing.T) {
	dir := t.TempDir()
	const depth = 100_000
	deep := "<html><body>" + strings.Repeat("<div>", depth) + "<p>Iran supplied drones to Russia.</p>" + strings.Repeat("</div>", depth) + "</body></html>"
	unclosed := "<html><body>" + strings.Repeat("<div><span>", depth) + "<p>Belarus accused Poland of spying."
	write(t, filepath.Join(dir, "deep.html"), []byte(deep))
	write(t, filepath.Join(dir, "unclosed.htm"), []byte(unclosed))
	db := t.TempDir()
	start := time.Now()
	mustRun(t, 0, "ingest", "--db", db, dir)
	if took := time.Since(start); took > 60*time.Second && !raceEnabled { // a hang, not speed
		t.Errorf("ingest took %v", took)
	}
	if got := strings.Join(edges(t, db), ","); got != "BLR accuses POL,IRN supplies RUS" {
		t.Errorf("edges = %s", got)
	}
}

func TestIngestJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"title":"Grain","text":"Belarus accused Poland of spying on its border.","date":"2024-01-05","url":"https://wire.example/1","source":"Wire"}`,
		``,
		`{"content":"Iran supplied drones to Russia.","published":"2024-02-06T10:00:00Z"}`,
		`{"text": "unterminated`,
		`{"title":"no text here"}`,
		`{"body":"Japan accused China of hacking.","date":"not a date"}`,
		`{"body":"Russia denied the claims by Kyiv that it shelled the plant.","date":1717200000}`,
	}
	dump := write(t, filepath.Join(dir, "dump.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
	db := t.TempDir()
	r := mustRun(t, 1, "ingest", "--db", db, "--source", "Dump", dump)
	if n := summary(t, r.stdout); n["read"] != 6 || n["new"] != 3 || n["failed"] != 3 {
		t.Errorf("summary %q, want 6 read, 3 new, 3 failed", r.stdout)
	}
	for _, want := range []string{
		dump + ":4: not valid JSON",
		dump + ":5: no text (looked for text, content, body)",
		dump + `:6: field "date": date "not a date"`,
	} {
		if !strings.Contains(r.stderr, "geokg: "+want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	got := storedArticles(t, db)
	want := []storedArticle{
		{Date: "2024-01-05", Relations: 1, Title: "Grain", Source: "Dump", URL: "https://wire.example/1"}, // --source before the line's "Wire"
		{Date: "2024-02-06", Relations: 1, Title: "Iran supplied drones to Russia.", Source: "Dump"},
		{Date: "2024-06-01", Relations: 2, Title: "Russia denied the claims by Kyiv that it shelled the plant.", Source: "Dump"},
	}
	if len(got) != len(want) {
		t.Fatalf("articles = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("article %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}

	// Named and nested fields, from standard input (sniffed) and with
	// --input-format on a file named .txt.
	nested := `{"story":{"headline":"H1","words":"Iran supplied drones to Russia."},"when":"2023-03-03","link":"https://x.example/a","outlet":"Outlet"}` + "\n"
	flags := []string{"--text-field", "story.words", "--title-field", "story.headline", "--date-field", "when", "--url-field", "link", "--source-field", "outlet"}
	db2 := t.TempDir()
	if r := geokg(t, nested, append([]string{"ingest", "--db", db2, "-"}, flags...)...); r.code != 0 {
		t.Fatalf("stdin JSONL: %+v", r)
	}
	want2 := storedArticle{Date: "2023-03-03", Relations: 1, Title: "H1", Source: "Outlet", URL: "https://x.example/a"}
	if got := storedArticles(t, db2); len(got) != 1 || got[0] != want2 {
		t.Errorf("nested fields: %+v, want %+v", got, want2)
	}
	txt := write(t, filepath.Join(dir, "really-jsonl.txt"), []byte(nested))
	db3 := t.TempDir()
	mustRun(t, 0, append([]string{"ingest", "--db", db3, "--input-format", "jsonl", txt}, flags...)...)
	if got := storedArticles(t, db3); len(got) != 1 || got[0] != want2 {
		t.Errorf("--input-format jsonl: %+v, want %+v", got, want2)
	}
	if r := geokg(t, "", "ingest", "--db", db3, "--input-format", "csv", txt); r.code != 2 || !strings.Contains(r.stderr, "--input-format") {
		t.Errorf("--input-format csv: %+v", r)
	}
}

func TestIngestGzip(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt.gz"), gz(t, "Iran supplied drones to Russia.\n"))
	write(t, filepath.Join(dir, "b.html.gz"), gz(t, newsPage))
	write(t, filepath.Join(dir, "c.jsonl.gz"), gz(t, `{"text":"Belarus accused Poland of spying."}`+"\n"+`{"text":"Japan accused China of hacking."}`+"\n"))
	write(t, filepath.Join(dir, "skipped.json.gz"), gz(t, `{"text":"Russia accused Ukraine."}`))
	db := t.TempDir()
	r := mustRun(t, 0, "ingest", "--db", db, dir)
	if n := summary(t, r.stdout); n["read"] != 4 || n["new"] != 4 {
		t.Errorf("summary %q, want 4 read, 4 new", r.stdout)
	}
	if got := strings.Join(edges(t, db), ","); got != "BLR accuses POL,IRN supplies RUS,JPN accuses CHN" {
		t.Errorf("edges = %s", got)
	}
	// Gzip on standard input.
	if r := geokg(t, string(gz(t, "Iran supplied drones to Russia.\n")), "ingest", "--db", db, "-"); r.code != 0 || summary(t, r.stdout)["unchanged"] != 1 {
		t.Errorf("gzip on stdin: %+v", r)
	}
}

// TestIngestGzipBomb: 1 GB of zeros in about 1 MB of gzip, as a text file
// and as a JSON Lines line; --max-size applies to the decompressed text.
func TestIngestGzipBomb(t *testing.T) {
	dir := t.TempDir()
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	bomb := bytes.Repeat(member.Bytes(), 1024) // concatenated members: 1 GB inflated
	write(t, filepath.Join(dir, "bomb.txt.gz"), bomb)
	write(t, filepath.Join(dir, "bomb.jsonl.gz"), append(gz(t, `{"text":"Iran supplied drones to Russia."}`+"\n"), bomb...))
	db := t.TempDir()
	start := time.Now()
	r := mustRun(t, 1, "ingest", "--db", db, "--max-size", "1MB", dir)
	if took := time.Since(start); took > 60*time.Second && !raceEnabled {
		t.Errorf("took %v", took)
	}
	for _, want := range []string{
		filepath.Join(dir, "bomb.txt.gz") + ": larger than the 1 MB limit",
		filepath.Join(dir, "bomb.jsonl.gz") + ":2: line larger than the 1 MB limit",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if n := summary(t, r.stdout); n["new"] != 1 {
		t.Errorf("summary %q: the line before the bomb should be in", r.stdout)
	}
}
