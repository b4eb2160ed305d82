package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"geokg/export"
	"geokg/extract/input"
	"geokg/store"
)

// The articles the server tests ingest: North Korea supplying Russia
// (alleged by South Korea, denied), Belarus allied with Russia, and an
// article whose title and sentence hold HTML that must never run.
const (
	koreaArticle = "testdata/serve/korea.txt"
	xssArticle   = "testdata/serve/xss.txt"
)

// serveStore makes a store in a temporary folder with the example
// article (2024-03-14), the Korea article (2024-05-20) and the XSS one
// (2024-06-02), ingested by the CLI.
func serveStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", articlePath)
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-05-20", koreaArticle)
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-06-02", xssArticle)
	return db
}

// testServer is geokg serve on db, in-process, behind httptest.
type testServer struct {
	*httptest.Server
	sv *server
}

// startServer opens the store in db as geokg serve does and serves it;
// the test's cleanup stops the server and closes the store.
func startServer(t *testing.T, db string, opts serveOptions) *testServer {
	t.Helper()
	g := &globalOptions{DB: db}
	open := g.openStore
	if opts.ReadOnly {
		open = g.openQuery
	}
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	x, err := g.extractor(defaultMaxMentions)
	if err != nil {
		t.Fatal(err)
	}
	if opts.MaxSize == "" {
		opts.MaxSize = "1MB"
	}
	maxSize, err := input.ParseSize(opts.MaxSize)
	if err != nil {
		t.Fatal(err)
	}
	sv := newServer(s, g, x, opts, maxSize)
	sv.loopback = true
	servedStores.Store(s, true)
	hs := httptest.NewServer(sv.handler())
	t.Cleanup(func() {
		sv.closeEvents()
		hs.Close()
		servedStores.Delete(s)
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return &testServer{Server: hs, sv: sv}
}

// get fetches path and returns the status and the body.
func (ts *testServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// post sends body to path with the content type and returns the status
// and the body of the answer.
func (ts *testServer) post(t *testing.T, path, contentType, body string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// TestServeSameAsCLI checks that each GET endpoint answers with the very
// bytes the matching command prints with --format json (or the export
// format asked for).
func TestServeSameAsCLI(t *testing.T) {
	db := serveStore(t)
	cases := []struct {
		path string
		args []string
	}{
		{"/api/actors/Tehran", []string{"actor", "Tehran", "--format", "json"}},
		{"/api/actors/PRK?relation=supplies&direction=out&evidence=-1", []string{"actor", "PRK", "--format", "json", "--relation", "supplies", "--direction", "out", "--evidence", "-1"}},
		{"/api/actors/RUS?since=2024-05-01&until=2024-05-31&status=asserted&min_articles=1&rollup=true", []string{"actor", "RUS", "--format", "json", "--since", "2024-05-01", "--until", "2024-05-31", "--status", "asserted", "--min-articles", "1", "--rollup"}},
		{"/api/graph", []string{"export", "--format", "json"}},
		{"/api/graph?actor=Pyongyang&depth=2&relation=supplies&relation=accuses", []string{"export", "--format", "json", "--actor", "Pyongyang", "--depth", "2", "--relation", "supplies", "--relation", "accuses"}},
		{"/api/path?from=Belarus&to=Iran&max_hops=4", []string{"path", "Belarus", "Iran", "--format", "json", "--max-hops", "4"}},
		{"/api/timeline/Russia?other=Ukraine", []string{"timeline", "Russia", "Ukraine", "--format", "json"}},
		{"/api/stats?top=3", []string{"stats", "--format", "json", "--top", "3"}},
		{"/api/articles/a8003181f6abff5bad20b4f7f4696a0a", []string{"article", "a8003181f6abff5bad20b4f7f4696a0a", "--format", "json"}},
		{"/api/articles/a8003181", []string{"article", "a8003181", "--format", "json"}},
		{"/api/export?format=dot", []string{"export", "--format", "dot"}},
		{"/api/export?format=svg&actor=RUS", []string{"export", "--format", "svg", "--actor", "RUS"}},
		{"/api/export?format=graphml&since=2024-05-01", []string{"export", "--format", "graphml", "--since", "2024-05-01"}},
		{"/api/export?format=rdf", []string{"export", "--format", "rdf"}},
	}
	if _, err := exec.LookPath(export.DotProgram); err != nil { // pictures need Graphviz's dot
		cases = slices.DeleteFunc(cases, func(c struct {
			path string
			args []string
		}) bool {
			return strings.Contains(c.path, "format=svg")
		})
	}
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = mustRun(t, 0, append(c.args, "--db", db)...).stdout
	}
	ts := startServer(t, db, serveOptions{})
	for i, c := range cases {
		code, got := ts.get(t, c.path)
		if code != http.StatusOK || got != want[i] {
			t.Errorf("GET %s: %d, and the body differs from geokg %s:\n%s", c.path, code, strings.Join(c.args, " "), lineDiff(want[i], got))
		}
	}
}

// TestServeErrors checks the status and the one-line error of bad
// requests.
func TestServeErrors(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	for _, c := range []struct {
		path string
		code int
		msg  string
	}{
		{"/api/actors/Narnia", 404, `no actor \"Narnia\" in the store`},
		{"/api/actors/RUS?since=2024-13-01", 400, `since \"2024-13-01\": want a date`},
		{"/api/actors/RUS?min_articles=-1", 400, "min_articles -1"},
		{"/api/actors/RUS?relation=hugs", 400, `relation \"hugs\"`},
		{"/api/actors/RUS?db=/tmp", 400, `unknown parameter \"db\"`},
		{"/api/actors/--db=x", 404, `no actor \"--db=x\"`},
		{"/api/export?format=gif", 400, `format \"gif\"`},
		{"/api/export?output=/tmp/x.dot", 400, `unknown parameter \"output\"`},
		{"/api/path?from=RUS", 400, "want both from=ACTOR and to=ACTOR"},
		{"/api/graph?depth=-1", 400, "depth -1"},
		{"/api/actors?limit=0", 400, "limit"},
		{"/api/nothing", 404, "no API endpoint GET /api/nothing"},
		{"/api/articles/0123456789abcdef0123456789abcdef", 404, "article 0123456789abcdef0123456789abcdef: not in the store"},
		{"/api/articles/3ad1", 404, "article 3ad1: not in the store"},
	} {
		code, body := ts.get(t, c.path)
		if code != c.code || !strings.Contains(body, c.msg) || !strings.HasPrefix(body, "{\n  \"error\": ") {
			t.Errorf("GET %s: %d %s\nwant %d and an error with %q", c.path, code, body, c.code, c.msg)
		}
	}
	if code, body := ts.get(t, "/api/path?from=Belarus&to=PRK&relation=recognizes"); code != 200 || !strings.Contains(body, `"paths": []`) {
		t.Errorf("no path: %d %s, want 200 and no paths", code, body)
	}
}

// searchIDs returns the ids GET /api/actors?QUERY answers, in order.
func searchIDs(t *testing.T, ts *testServer, query string) []string {
	t.Helper()
	code, body := ts.get(t, "/api/actors?"+query)
	var doc struct {
		Actors []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"actors"`
	}
	if err := json.Unmarshal([]byte(body), &doc); code != 200 || err != nil {
		t.Fatalf("GET /api/actors?%s: %d %v\n%s", query, code, err, body)
	}
	ids := make([]string, len(doc.Actors))
	for i, a := range doc.Actors {
		if a.Name == "" || a.Type == "" {
			t.Errorf("GET /api/actors?%s: node %+v lacks a name or type", query, a)
		}
		ids[i] = a.ID
	}
	return ids
}

// TestServeSearch checks that search matches names, aliases and ids, best
// first.
func TestServeSearch(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	for _, c := range []struct {
		q     string
		first string // the best match
		all   []string
	}{
		{q: "Pyong", first: "PRK"},         // the start of an alias
		{q: "korea", first: "PRK"},         // a word: both Koreas, the most connected first
		{q: "north korea", first: "PRK"},   // the whole name
		{q: "TEHRAN", first: "IRN"},        // an alias, whatever the case
		{q: "kyïv", first: "UKR"},          // accents folded
		{q: "rus", first: "RUS", all: nil}, // the name's start before an alias ("Belarusian")
		{q: "ukr", first: "UKR", all: nil}, // the id
		{q: "zzzz", first: "", all: []string{}},
	} {
		ids := searchIDs(t, ts, "q="+url.QueryEscape(c.q))
		switch {
		case c.first == "" && len(ids) != 0:
			t.Errorf("search %q: %v, want nothing", c.q, ids)
		case c.first != "" && (len(ids) == 0 || ids[0] != c.first):
			t.Errorf("search %q: %v, want %s first", c.q, ids, c.first)
		}
	}
	if ids := searchIDs(t, ts, "q=korea"); len(ids) != 2 || ids[1] != "KOR" {
		t.Errorf("search korea: %v, want PRK then KOR", ids)
	}
	// Iran and Russia have 5 relations each, Iran comes first by name.
	if ids := searchIDs(t, ts, "limit=2"); len(ids) != 2 || ids[0] != "IRN" || ids[1] != "RUS" {
		t.Errorf("no query: %v, want the 2 most connected, Iran and Russia", ids)
	}
}

// TestServePost checks POST /api/articles: the three body types, the
// query parameters, the same article again, and bad bodies.
func TestServePost(t *testing.T) {
	db := serveStore(t)
	ts := startServer(t, db, serveOptions{MaxSize: "4096"})
	text := "Armenia accused Azerbaijan of shelling border villages.\n"
	code, body := ts.post(t, "/api/articles?date=2024-07-01&title=Border&source=Wire", "text/plain; charset=utf-8", text)
	var reply postedReply
	if err := json.Unmarshal([]byte(body), &reply); err != nil || code != http.StatusCreated {
		t.Fatalf("POST text: %d %v\n%s", code, err, body)
	}
	if reply.Status != "new" || reply.Relations != 1 || reply.Article.Date != "2024-07-01" || reply.Article.Title != "Border" || reply.Article.Source != "Wire" || len(reply.Article.ID) != 32 {
		t.Errorf("POST text: %+v", reply)
	}
	code, body = ts.post(t, "/api/articles", "text/plain", text)
	if code != http.StatusOK || !strings.Contains(body, `"status": "unchanged"`) || !strings.Contains(body, `"relations": 0`) || !strings.Contains(body, `"date": "2024-07-01"`) {
		t.Errorf("POST the same text again: %d %s, want 200 unchanged with the stored date", code, body)
	}
	undated := "Azerbaijan accused Armenia of mining the roads.\n"
	if code, body := ts.post(t, "/api/articles", "text/plain", undated); code != http.StatusCreated {
		t.Errorf("POST without a date: %d %s", code, body)
	}
	code, body = ts.post(t, "/api/articles?date=2024-07-05", "text/plain", undated)
	if code != http.StatusOK || !strings.Contains(body, `"status": "updated"`) || !strings.Contains(body, `"date": "2024-07-05"`) {
		t.Errorf("POST the same text with a date: %d %s, want 200 updated with the date given", code, body)
	}
	if code, body := ts.get(t, "/api/actors/Armenia"); code != 200 || !strings.Contains(body, "shelling border villages") {
		t.Errorf("the POSTed article's relation is not served: %d %s", code, body)
	}

	js := `{"text":"Georgia recognized Kosovo, the government said.","date":"2024-07-02","title":"Recognition","url":"https://example.org/a","source":"JSON Wire"}`
	code, body = ts.post(t, "/api/articles?date=2020-01-01", "application/json", js)
	if code != http.StatusCreated || !strings.Contains(body, `"date": "2020-01-01"`) || !strings.Contains(body, `"url": "https://example.org/a"`) {
		t.Errorf("POST JSON: %d %s, want 201 with the query's date (as --date comes first) and the body's url", code, body)
	}
	if code, body := ts.post(t, "/api/articles", "application/x-www-form-urlencoded", "Turkey accused Greece of violating its airspace.\n"); code != http.StatusCreated {
		t.Errorf("POST as curl --data-binary sends it: %d %s, want 201", code, body)
	}
	page := `<!DOCTYPE html><html><head><title>Page title</title><meta property="article:published_time" content="2024-07-03"></head>` +
		`<body><article><p>Serbia accused Croatia of harassing its citizens at the border crossing, officials in Belgrade said on Wednesday evening.</p></article></body></html>`
	code, body = ts.post(t, "/api/articles", "text/html; charset=utf-8", page)
	if code != http.StatusCreated || !strings.Contains(body, `"title": "Page title"`) {
		t.Errorf("POST HTML: %d %s, want 201 with the page's title", code, body)
	}

	for _, c := range []struct {
		name, path, ctype, body string
		code                    int
		msg                     string
	}{
		{"empty", "/api/articles", "text/plain", " \n", 400, "api: empty"},
		{"binary", "/api/articles", "text/plain", "a\x00b", 400, "binary"},
		{"bad date", "/api/articles?date=yesterday", "text/plain", text, 400, `date \"yesterday\"`},
		{"bad parameter", "/api/articles?lang=en", "text/plain", text, 400, `unknown parameter \"lang\"`},
		{"bad JSON", "/api/articles", "application/json", `{"text":`, 400, "JSON body"},
		{"unknown JSON field", "/api/articles", "application/json", `{"body":"x"}`, 400, `unknown field \"body\"`},
		{"JSON date", "/api/articles", "application/json", `{"text":"x y","date":"soon"}`, 400, `date \"soon\"`},
		{"content type", "/api/articles", "image/png", "x", 400, `content type \"image/png\"`},
		{"too big", "/api/articles", "text/plain", strings.Repeat("word ", 1000), 413, "larger than the 4 KB limit"},
	} {
		code, body := ts.post(t, c.path, c.ctype, c.body)
		if code != c.code || !strings.Contains(body, c.msg) {
			t.Errorf("POST %s: %d %s\nwant %d and %q", c.name, code, body, c.code, c.msg)
		}
	}
}

// TestServeSecurity checks the headers every answer carries, the refusals
// (read-only, another origin, another host name) and --cors.
func TestServeSecurity(t *testing.T) {
	db := serveStore(t)
	ts := startServer(t, db, serveOptions{})
	resp, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	h := resp.Header
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("headers %v: want nosniff and no CORS", h)
	}
	if code, body := ts.post(t, "/api/articles", "text/plain", "Chad accused Sudan of arming rebels.", "Origin", "http://evil.example"); code != 403 {
		t.Errorf("POST from another origin: %d %s, want 403", code, body)
	}
	if code, body := ts.post(t, "/api/articles", "text/plain", "Chad accused Sudan of arming rebels.", "Origin", ts.URL); code != 201 {
		t.Errorf("POST from the page's own origin: %d %s, want 201", code, body)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/stats", nil)
	req.Host = "attacker.example:80"
	if resp, err := ts.Client().Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("GET with Host attacker.example: %v %v, want 421", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}

	cors := startServer(t, serveStore(t), serveOptions{CORS: "http://localhost:3000"})
	for origin, want := range map[string]string{"http://localhost:3000": "http://localhost:3000", "http://evil.example": ""} {
		req, _ := http.NewRequest(http.MethodGet, cors.URL+"/api/stats", nil)
		req.Header.Set("Origin", origin)
		resp, err := cors.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("--cors, Origin %s: Access-Control-Allow-Origin %q, want %q", origin, got, want)
		}
	}
	if code, _ := cors.post(t, "/api/articles", "text/plain", "Mali accused Niger of hosting rebels.", "Origin", "http://localhost:3000"); code != 201 {
		t.Errorf("--cors: POST from the allowed origin: %d, want 201", code)
	}

	ro := startServer(t, serveStore(t), serveOptions{ReadOnly: true})
	if code, body := ro.post(t, "/api/articles", "text/plain", "Chad accused Sudan of arming rebels."); code != 403 || !strings.Contains(body, "read-only") {
		t.Errorf("POST to --read-only: %d %s, want 403", code, body)
	}
	if code, _ := ro.get(t, "/api/actors/RUS"); code != 200 {
		t.Errorf("GET on --read-only: %d", code)
	}
}

// TestServeIngestWhileReading POSTs articles while readers ask for an
// actor and the graph: no reader fails, each sees a whole store (the
// number of Russia's relations never goes down), and every article is in
// at the end. Run under -race, it also watches the shared store.
func TestServeIngestWhileReading(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	const posts, readers = 40, 6
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, readers+posts)
	for r := range readers {
		wg.Go(func() {
			last := 0
			for n := 0; ; n++ {
				select {
				case <-done:
					if n == 0 {
						errs <- fmt.Errorf("reader %d read nothing", r)
					}
					return
				default:
				}
				path := "/api/actors/RUS?evidence=0"
				if r%2 == 1 {
					path = "/api/graph?actor=RUS&depth=1&evidence=1"
				}
				resp, err := ts.Client().Get(ts.URL + path)
				if err != nil {
					errs <- err
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					errs <- fmt.Errorf("GET %s: %d %v %s", path, resp.StatusCode, err, b)
					return
				}
				if r%2 == 0 {
					got := strings.Count(string(b), `"direction":`)
					if got < last {
						errs <- fmt.Errorf("reader %d: Russia's relations went from %d to %d", r, last, got)
						return
					}
					last = got
				}
			}
		})
	}
	for i := range posts {
		text := fmt.Sprintf("Russia accused Country%d of sabotage.\nRussia and Belarus are allies, report %d says.\n", i, i)
		text = strings.Replace(text, fmt.Sprintf("Country%d", i), []string{"Poland", "Latvia", "Estonia", "Lithuania", "Finland"}[i%5], 1)
		code, body := ts.post(t, "/api/articles?date=2024-08-01", "text/plain", text)
		if code != http.StatusCreated {
			errs <- fmt.Errorf("POST %d: %d %s", i, code, body)
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	code, body := ts.get(t, "/api/actors/RUS?relation=accuses&direction=out&evidence=-1")
	for _, name := range []string{"Poland", "Latvia", "Estonia", "Lithuania", "Finland"} {
		if code != 200 || strings.Count(body, "accused "+name+" of sabotage") != posts/5 {
			t.Errorf("after the posts, Russia's accusations of %s: want %d sentences in\n%s", name, posts/5, body)
		}
	}
}

// TestServedMessage checks the file that names the server, and the
// message another geokg gives when the store is served.
func TestServedMessage(t *testing.T) {
	dir := t.TempDir()
	if got := servedAt(dir); got != "" {
		t.Errorf("no file: servedAt = %q", got)
	}
	release := markServed(dir, "http://127.0.0.1:1234")
	if got := servedAt(dir); got != "http://127.0.0.1:1234" {
		t.Errorf("servedAt = %q, want the address written", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "LOCK"), []byte("1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := servedAt(dir); got != "" {
		t.Errorf("another process holds LOCK: servedAt = %q, want none", got)
	}
	os.Remove(filepath.Join(dir, "LOCK"))
	err := servedError(dir, fmt.Errorf("store %s is %w", dir, store.ErrInUse))
	if want := "store " + dir + " is served by geokg serve at http://127.0.0.1:1234"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("servedError: %v, want %q", err, want)
	}
	release()
	if _, err := os.Stat(filepath.Join(dir, servedFile)); !os.IsNotExist(err) {
		t.Errorf("release left %s: %v", servedFile, err)
	}
	os.WriteFile(filepath.Join(dir, servedFile), []byte("http://127.0.0.1:1\n999999999\n"), 0o644)
	if got := servedAt(dir); got != "" {
		t.Errorf("a dead server's file: servedAt = %q, want none", got)
	}
	if !bytes.Contains([]byte(servedError(dir, store.ErrInUse).Error()), []byte("in use")) {
		t.Errorf("a dead server's file must leave the in-use error as it is")
	}
}

// TestServeStatuses checks GET /api/statuses against the evidence of the
// same graph: each edge has the first of asserted, promised, alleged and
// denied that some of its sentences has; in North Korea's neighbourhood,
// edges reached only through an alleged one are still asserted.
func TestServeStatuses(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	for _, query := range []string{"actor=PRK&depth=2", "", "actor=RUS&depth=1&status=alleged&status=asserted", "since=2024-05-01&rollup=true"} {
		code, body := ts.get(t, "/api/statuses?"+query)
		var got statusesReply
		if err := json.Unmarshal([]byte(body), &got); code != 200 || err != nil {
			t.Fatalf("GET /api/statuses?%s: %d %v %s", query, code, err, body)
		}
		_, body = ts.get(t, "/api/graph?evidence=-1&"+query)
		var gr struct {
			Edges []struct {
				Source, Target, Relation string
				Evidence                 []struct{ Status string }
			}
		}
		if err := json.Unmarshal([]byte(body), &gr); err != nil {
			t.Fatal(err)
		}
		if len(gr.Edges) == 0 || len(got.Statuses) != len(gr.Edges) {
			t.Errorf("%s: %d statuses for %d edges", query, len(got.Statuses), len(gr.Edges))
		}
		for _, e := range gr.Edges {
			want := ""
			for _, st := range []string{"asserted", "promised", "alleged", "denied"} {
				if slices.ContainsFunc(e.Evidence, func(m struct{ Status string }) bool { return m.Status == st }) {
					want = st
					break
				}
			}
			key := e.Source + "|" + e.Relation + "|" + e.Target
			if string(got.Statuses[key]) != want {
				t.Errorf("%s: %s is %q, its evidence says %q", query, key, got.Statuses[key], want)
			}
		}
	}
	_, body := ts.get(t, "/api/statuses?actor=PRK&depth=2")
	for _, want := range []string{`"PRK|supplies|RUS": "alleged"`, `"BLR|allies-with|RUS": "asserted"`, `"UKR|accuses|RUS": "asserted"`} {
		if !strings.Contains(body, want) {
			t.Errorf("statuses of North Korea's neighbourhood lack %s:\n%s", want, body)
		}
	}
	if code, body := ts.get(t, "/api/statuses?evidence=1"); code != 400 || !strings.Contains(body, `unknown parameter \"evidence\"`) {
		t.Errorf("GET /api/statuses?evidence=1: %d %s", code, body)
	}
	if code, body := ts.get(t, "/api/statuses?actor=Narnia"); code != 404 {
		t.Errorf("GET /api/statuses?actor=Narnia: %d %s", code, body)
	}
}

// cacheState GETs path and returns its X-Geokg-Cache header (hit or
// miss) and body.
func (ts *testServer) cacheState(t *testing.T, path string) (string, string) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
	}
	return resp.Header.Get("X-Geokg-Cache"), string(b)
}

// TestServeCache checks that a kept answer is served again until an
// article that can change it is stored: one naming its actor, or one
// naming a person who speaks for it; the stats change with any article.
func TestServeCache(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	post := func(text string) {
		t.Helper()
		if code, body := ts.post(t, "/api/articles?date=2024-08-01", "text/plain", text); code != http.StatusCreated {
			t.Fatalf("POST %q: %d %s", text, code, body)
		}
	}
	steps := []struct {
		post      string
		path      string
		want      string // hit or miss
		contains  string
		unchanged bool
	}{
		{path: "/api/actors/RUS", want: "miss"},
		{path: "/api/actors/RUS", want: "hit"},
		{path: "/api/stats", want: "miss"},
		{path: "/api/stats", want: "hit"},
		{post: "Chile accused Peru of spying on its navy.\n", path: "/api/actors/RUS", want: "hit"},
		{path: "/api/stats", want: "miss", contains: `"articles": 4`},
		{path: "/api/graph?actor=KOR&depth=1", want: "miss"},
		{post: "Russia accused Moldova of provocations on the border.\n", path: "/api/actors/RUS", want: "miss", contains: "Moldova"},
		{path: "/api/graph?actor=KOR&depth=1", want: "hit"},
		{post: "Foreign Minister Sergei Lavrov accused Georgia of provocations.\n", path: "/api/actors/RUS", want: "miss", contains: "Sergei Lavrov"},
		{post: "Japan accused China of incursions near the islands.\n", path: "/api/graph?actor=KOR&depth=1", want: "hit"},
		{path: "/api/actors/RUS", want: "hit", contains: "Moldova"},
		// South Korea is in Russia's view as a claimant: its record may change.
		{post: "Seoul accused Tokyo of ignoring the court's ruling.\n", path: "/api/graph?actor=KOR&depth=1", want: "miss", contains: "JPN"},
		{path: "/api/actors/RUS", want: "miss", contains: "Moldova"},
	}
	for i, st := range steps {
		if st.post != "" {
			post(st.post)
		}
		got, body := ts.cacheState(t, st.path)
		if got != st.want || !strings.Contains(body, st.contains) {
			t.Errorf("step %d: GET %s after %q: %s, want %s with %q\n%s", i, st.path, st.post, got, st.want, st.contains, body)
		}
	}
	for _, p := range []string{"/api/stats", "/api/actors/KOR", "/api/timeline/RUS", "/api/path?from=KOR&to=BLR"} {
		first, want := ts.cacheState(t, p)
		again, got := ts.cacheState(t, p)
		if first == "" || again != "hit" || got != want {
			t.Errorf("%s: %s then %s; the kept answer differs:\n%s", p, first, again, lineDiff(want, got))
		}
	}
}
