package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive a real headless Chromium (Debian's chromium
// package; .ci/run installs it) with chromedp. Without one they skip,
// except in CI (GEOKG_CI set), where that is a failure. They write
// screenshots into $GEOKG_SCREENSHOTS (default: geokg-screenshots in the
// temporary folder) for a person to look at.

// chromiumPath finds the browser: $GEOKG_CHROMIUM, else chromium on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("GEOKG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("GEOKG_CI") != "" {
		t.Fatal("no chromium on PATH, and GEOKG_CI is set: the browser tests must run in CI (.ci/run installs Debian's chromium)")
	}
	t.Skip("no chromium on PATH: the browser tests skip (apt-get install chromium, or set GEOKG_CHROMIUM)")
	return ""
}

// screenshotDir is where the tests write their screenshots.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GEOKG_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "geokg-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browserHang is how long a browser test may take before it is taken for
// hung: a guard against waiting forever, not a measure of speed.
const browserHang = 3 * time.Minute

// page is one browser tab on the server, watching for what must not
// happen: a script error, a Content-Security-Policy violation, a request
// to anywhere but the server.
type page struct {
	ctx    context.Context
	server string
	shots  string
	mu     sync.Mutex
	bad    []string
}

func newPage(t *testing.T, server string) *page {
	t.Helper()
	exe := chromiumPath(t)
	if testing.Short() {
		t.Skip("starts a browser")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-default-apps", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), browserHang)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	p := &page{server: server, shots: screenshotDir(t)}
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithListener(p.watch))
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancelTimeout() })
	p.ctx = bctx
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	return p
}

// watch records script errors, console errors (CSP violations are
// reported there) and requests that leave the server.
func (p *page) watch(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.bad = append(p.bad, fmt.Sprintf("script error: %s (%s:%d)", msg, d.URL, d.LineNumber))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, a.Description+fmt.Sprint(a.Value))
			}
			p.bad = append(p.bad, "console error: "+strings.Join(parts, " "))
		}
	case *log.EventEntryAdded: // Content-Security-Policy violations, failed loads
		if ev.Entry.Level == log.EntryLevelError {
			p.bad = append(p.bad, fmt.Sprintf("browser log: %s (%s)", ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if u != "about:blank" && !strings.HasPrefix(u, p.server+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			p.bad = append(p.bad, "request outside the server: "+u)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled && ev.BlockedReason != "" {
			p.bad = append(p.bad, fmt.Sprintf("request blocked: %s", ev.BlockedReason))
		}
	}
}

// check fails the test for anything watch saw.
func (p *page) check(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, b := range p.bad {
		t.Error(b)
	}
	p.bad = nil
}

// run runs the actions, failing the test (with a screenshot) if one fails.
func (p *page) run(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.screenshot(t, "failed-"+strings.ReplaceAll(what, " ", "-"))
		t.Fatalf("%s: %v", what, err)
	}
}

// screenshot writes the page as NAME.png into the screenshot folder.
func (p *page) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(p.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Error(err)
		return
	}
	t.Logf("screenshot: %s", path)
}

// text is the text of the element the selector finds.
func (p *page) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		p.screenshot(t, "failed-read")
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

// eval evaluates a JavaScript expression into out.
func eval[T any](t *testing.T, p *page, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.screenshot(t, "failed-eval")
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor waits until the JavaScript expression is true.
func (p *page) waitFor(t *testing.T, what, expr string) {
	t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(browserHang)))
	if err != nil {
		p.screenshot(t, "failed-wait")
		t.Fatalf("wait for %s: %v", what, err)
	}
}

// edgePoint is where an edge is drawn on the screen.
type edgePoint struct {
	X, Y float64
}

// clickEdge clicks, with the mouse, the middle of the drawn edge id.
func (p *page) clickEdge(t *testing.T, id string) {
	t.Helper()
	at := eval[edgePoint](t, p, fmt.Sprintf(`(() => {
		const e = geokg.cy.getElementById(%q);
		if (e.empty()) return {X: -1, Y: -1};
		const m = e.renderedMidpoint(), r = document.getElementById('graph').getBoundingClientRect();
		return {X: r.left + m.x, Y: r.top + m.y};
	})()`, id))
	if at.X < 0 {
		p.screenshot(t, "no-edge")
		t.Fatalf("edge %s is not drawn", id)
	}
	p.run(t, "click edge "+id, chromedp.MouseClickXY(at.X, at.Y))
}

// TestBrowserExplore opens an actor's page, reads its relations table and
// drawing, clicks an edge for its evidence and opens the article, finds an
// actor by an alias, narrows by date, and sees a POSTed article appear.
func TestBrowserExplore(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	p := newPage(t, ts.URL)

	// An actor's page: the table lists its relations, the drawing has them.
	p.run(t, "open /?actor=PRK&depth=2", chromedp.Navigate(ts.URL+"/?actor=PRK&depth=2"),
		chromedp.WaitVisible(chromedp.CSS(`#relations tbody tr`)))
	p.waitFor(t, "the drawing", `geokg.cy.nodes().length >= 4 && document.querySelector('#graph canvas') !== null`)
	table := p.text(t, "#relations")
	for _, want := range []string{"Relations of North Korea (3)", "supplies", "Russia", "accuses", "South Korea", "denies", "alleged"} {
		if !strings.Contains(table, want) {
			t.Errorf("relations table lacks %q:\n%s", want, table)
		}
	}
	type drawing struct {
		Nodes  []string
		Status string
		Style  string
	}
	drawn := eval[drawing](t, p, `({Nodes: geokg.cy.nodes().map(n => n.id()).sort(),
		Status: geokg.cy.getElementById('PRK|supplies|RUS').data('status'),
		Style: geokg.cy.getElementById('PRK|supplies|RUS').style('line-style')})`)
	if strings.Join(drawn.Nodes, " ") != "BLR IRN KOR PRK RUS UKR" && !strings.Contains(strings.Join(drawn.Nodes, " "), "KOR PRK RUS") {
		t.Errorf("drawn actors %v, want North Korea's neighbourhood at depth 2", drawn.Nodes)
	}
	if drawn.Status != "alleged" || drawn.Style != "dashed" {
		t.Errorf("PRK supplies RUS drawn %q %q, want alleged and dashed as in the pictures", drawn.Status, drawn.Style)
	}
	p.screenshot(t, "1-actor-PRK")

	// Click the edge: its evidence, with status, claimant, date, article.
	p.clickEdge(t, "PRK|supplies|RUS")
	p.run(t, "evidence", chromedp.WaitVisible(chromedp.CSS(`#evidence-list li`)))
	ev := p.text(t, "#evidence")
	for _, want := range []string{"North Korea supplies Russia", "Seoul says Pyongyang shipped artillery shells to Russia", "alleged", "claimed by South Korea", "2024-05-20"} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence of PRK supplies RUS lacks %q:\n%s", want, ev)
		}
	}
	if !regexp.MustCompile(`2024-05-20 · article [0-9a-f]{8} ·`).MatchString(ev) {
		t.Errorf("evidence of PRK supplies RUS names no article:\n%s", ev)
	}
	p.run(t, "open the article", chromedp.Click(chromedp.CSS(`#evidence-list li .meta button`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-title`)))
	if title := p.text(t, "#article-title"); title != "Seoul says Pyongyang shipped artillery shells to Russia" {
		t.Errorf("article title %q", title)
	}
	p.screenshot(t, "2-evidence")

	// Search by an alias from the start page.
	p.run(t, "open /", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#top-actors li`)),
		chromedp.SendKeys(chromedp.CSS(`#search`), "Pyong"),
		// the list for all of "Pyong": one for what was typed so far (a
		// key or more, 120 ms apart on a busy machine) may show first, and
		// for "P" it names North Korea by DPRK
		chromedp.WaitVisible(chromedp.CSS(`#suggestions[data-query="Pyong"] [role="option"][data-id="PRK"]`)))
	if s := p.text(t, "#suggestions"); !strings.Contains(s, "North Korea") || !strings.Contains(s, "Pyongyang") {
		t.Errorf("suggestions for Pyong: %q, want North Korea, also Pyongyang", s)
	}
	p.screenshot(t, "3-search-alias")
	p.run(t, "choose North Korea", chromedp.SendKeys(chromedp.CSS(`#search`), kb.Enter))
	p.waitFor(t, "North Korea's page", `location.search === '?actor=PRK' && document.getElementById('relations-caption').textContent.includes('North Korea')`)

	// Narrow by date: Russia since June keeps Ukraine's accusation only.
	p.run(t, "open Russia", chromedp.Navigate(ts.URL+"/?actor=RUS"), chromedp.WaitVisible(chromedp.CSS(`#relations tbody tr`)))
	before := eval[int](t, p, `document.querySelectorAll('#relations tbody tr').length`)
	p.run(t, "date filter", chromedp.SetValue(chromedp.CSS(`#since`), "2024-06-01"), chromedp.Click(chromedp.CSS(`#apply`)))
	p.waitFor(t, "the narrowed table", `location.search.includes('since=2024-06-01') && document.querySelectorAll('#relations tbody tr').length === 1`)
	if table := p.text(t, "#relations tbody"); !strings.Contains(table, "Ukraine") || !strings.Contains(table, "accuses") || before < 4 {
		t.Errorf("Russia since 2024-06-01 (from %d rows): %q, want Ukraine's accusation alone", before, table)
	}
	p.waitFor(t, "the narrowed drawing", `geokg.cy.edges().length === 1`)
	p.screenshot(t, "4-date-filter")
	since := eval[string](t, p, `document.getElementById('since').value`)
	if since != "2024-06-01" {
		t.Errorf("the since field shows %q after the filter", since)
	}

	// A POSTed article appears without a reload.
	p.run(t, "open North Korea", chromedp.Navigate(ts.URL+"/?actor=PRK"), chromedp.WaitVisible(chromedp.CSS(`#relations tbody tr`)))
	p.waitFor(t, "the event stream", `document.body.dataset.live === 'connected'`)
	if code, body := ts.post(t, "/api/articles?date=2024-07-01", "text/plain", "North Korea accused Japan of provocations near its waters.\n"); code != 201 {
		t.Fatalf("POST: %d %s", code, body)
	}
	p.waitFor(t, "the new relation", `document.querySelector('#relations tbody').textContent.includes('Japan') && geokg.cy.getElementById('PRK|accuses|JPN').nonempty()`)
	if live := p.text(t, "#live"); !strings.Contains(live, "1 relation stored") {
		t.Errorf("live notice %q", live)
	}
	p.screenshot(t, "5-live-update")
	p.check(t)
}

// TestBrowserXSS shows an article whose title and sentence hold a script
// and an image with onerror: the page shows them as text and runs
// nothing.
func TestBrowserXSS(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	p := newPage(t, ts.URL)
	p.run(t, "open Ukraine", chromedp.Navigate(ts.URL+"/?actor=UKR"), chromedp.WaitVisible(chromedp.CSS(`#relations tbody tr`)))
	p.waitFor(t, "the drawing", `geokg.cy.getElementById('UKR|accuses|RUS').nonempty()`)
	p.clickEdge(t, "UKR|accuses|RUS")
	p.run(t, "evidence", chromedp.WaitVisible(chromedp.CSS(`#evidence-list li`)),
		chromedp.Click(chromedp.CSS(`#evidence-list li .meta button`)), chromedp.WaitVisible(chromedp.CSS(`#article-title`)))
	ev := p.text(t, "#evidence-list")
	if !strings.Contains(ev, `<script>document.title='pwned'</script>`) || !strings.Contains(ev, `<img src=x onerror="document.title='pwned'">`) {
		t.Errorf("the sentence is not shown as text:\n%s", ev)
	}
	if title := p.text(t, "#article-title"); !strings.HasPrefix(title, "<script>") {
		t.Errorf("the article title is not shown as text: %q", title)
	}
	type findings struct {
		Elements int
		Title    string
	}
	found := eval[findings](t, p, `({Elements: document.querySelectorAll('#panel script, #panel img, main img').length, Title: document.title})`)
	if found.Elements != 0 || found.Title != "geokg explorer" {
		t.Errorf("the article's HTML became elements (%d) or ran (title %q)", found.Elements, found.Title)
	}
	p.screenshot(t, "6-xss-as-text")
	p.check(t)
}

// waitFile waits until the browser has written the file at path (a
// download) and returns its bytes.
func waitFile(t *testing.T, path string) []byte {
	t.Helper()
	for start := time.Now(); time.Since(start) < browserHang; time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return b
		}
	}
	t.Fatalf("the browser wrote no %s", path)
	return nil
}

// TestBrowserPathAndExport finds a path with the path finder and draws it,
// then exports the view as JSON, SVG and PNG, as the browser saves them.
func TestBrowserPathAndExport(t *testing.T) {
	ts := startServer(t, serveStore(t), serveOptions{})
	p := newPage(t, ts.URL)
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	p.run(t, "open North Korea", chromedp.Navigate(ts.URL+"/?actor=PRK"), chromedp.WaitVisible(chromedp.CSS(`#relations tbody tr`)))
	p.waitFor(t, "the drawing", `geokg.cy.nodes().length === 3`)

	// Click an actor: its neighbours join the drawing, its relations fill the table.
	at := eval[edgePoint](t, p, `(() => {
		const m = geokg.cy.getElementById('RUS').renderedPosition(), r = document.getElementById('graph').getBoundingClientRect();
		return {X: r.left + m.x, Y: r.top + m.y};
	})()`)
	p.run(t, "click Russia", chromedp.MouseClickXY(at.X, at.Y))
	p.waitFor(t, "Russia's neighbours", `geokg.cy.getElementById('BLR').nonempty() && geokg.cy.getElementById('PRK').nonempty() &&
		document.getElementById('actor-title').textContent === 'Russia'`)
	if got := eval[string](t, p, `location.search`); got != "?actor=PRK" {
		t.Errorf("expanding Russia changed the URL to %q", got)
	}
	p.screenshot(t, "7-expanded")

	p.run(t, "find a path", chromedp.SendKeys(chromedp.CSS(`#path-to`), "Minsk"), chromedp.Click(chromedp.CSS(`#path-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#path-result li`)))
	if got := p.text(t, "#path-result"); !strings.Contains(got, "North Korea —supplies→ Russia (1) —allies-with— Belarus (2)") {
		t.Errorf("path North Korea to Minsk: %q", got)
	}
	p.run(t, "draw the path", chromedp.Click(chromedp.CSS(`#path-result li button`)))
	p.waitFor(t, "the path drawn", `geokg.cy.getElementById('BLR').hasClass('path') && geokg.cy.getElementById('BLR|allies-with|RUS').hasClass('path')`)
	p.screenshot(t, "8-path")

	p.run(t, "export JSON", chromedp.Click(chromedp.CSS(`#export-json`)))
	var doc struct {
		Nodes []struct{ ID, Name string }
		Edges []struct{ Source, Relation, Target string }
	}
	if err := json.Unmarshal(waitFile(t, filepath.Join(downloads, "geokg-PRK.json")), &doc); err != nil {
		t.Fatal(err)
	}
	drawn := eval[int](t, p, `geokg.cy.nodes().length`)
	if len(doc.Nodes) != drawn || len(doc.Nodes) < 4 || len(doc.Edges) < 4 || doc.Nodes[0].ID != "BLR" {
		t.Errorf("JSON export: %d nodes (%d drawn), %d edges: %+v", len(doc.Nodes), drawn, len(doc.Edges), doc)
	}
	p.run(t, "export SVG", chromedp.Click(chromedp.CSS(`#export-svg`)))
	svg := string(waitFile(t, filepath.Join(downloads, "geokg-PRK.svg")))
	for _, want := range []string{"<svg", ">North Korea</text>", ">Belarus</text>", `stroke="#0072B2"`, `stroke-dasharray="6 4"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG export lacks %q", want)
		}
	}
	p.run(t, "export PNG", chromedp.Click(chromedp.CSS(`#export-png`)))
	if png := waitFile(t, filepath.Join(downloads, "geokg-PRK.png")); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 2000 {
		t.Errorf("PNG export: %d bytes, not a picture", len(png))
	}
	p.check(t)
}
