package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// viewsArticles are four short articles of our own, ingested with these
// dates, so that date, status and rollup filters each keep a different
// part of the graph.
var viewsArticles = []struct{ date, text string }{
	{"2024-01-10", "Kyiv blames Moscow for strike on grain port\n\nUkraine accused Russia on Monday of shelling the port of Odesa. Iran has supplied Russia with attack drones, Ukrainian officials said.\n"},
	{"2024-02-05", "Minsk stands by its neighbour\n\nBelarus and Russia are allies, Alexander Lukashenko told reporters. Andrii Sybiha accused Alexander Lukashenko of helping the invasion.\n"},
	{"2024-03-20", "Washington presses Tehran over Hezbollah\n\nThe United States accused Iran of arming Hezbollah. Iran denied the accusations by the United States.\n"},
	{"2024-03-28", "Shells from the north\n\nNorth Korea has allegedly supplied Russia with artillery shells, according to Ukraine. Ukraine accused Russia of using the shells against civilians.\n"},
}

// viewsStore returns the directory of a new store holding viewsArticles:
// a copy of one made once for all the tests (each may change its copy).
func viewsStore(t *testing.T) string {
	t.Helper()
	views.once.Do(func() {
		if views.dir, views.err = os.MkdirTemp("", "geokg-views-"); views.err != nil {
			return
		}
		db := filepath.Join(views.dir, "db")
		for i, a := range viewsArticles {
			path := filepath.Join(views.dir, fmt.Sprintf("a%d.txt", i))
			if err := os.WriteFile(path, []byte(a.text), 0o644); err != nil {
				views.err = err
				return
			}
			if r := geokg(t, "", "ingest", "--db", db, "--date", a.date, path); r.code != 0 {
				views.err = fmt.Errorf("ingest %s: exit %d\n%s%s", path, r.code, r.stdout, r.stderr)
				return
			}
		}
	})
	if views.err != nil {
		t.Fatal(views.err)
	}
	db := filepath.Join(t.TempDir(), "db")
	copyDir(t, filepath.Join(views.dir, "db"), db)
	return db
}

// views is the store viewsStore copies, made once per test binary in a
// temporary folder that TestMain removes.
var views struct {
	once sync.Once
	dir  string
	err  error
}

// viewsGraph is the part of "export --format json" the tests read.
type viewsGraph struct {
	Nodes []struct {
		ID          string `json:"id"`
		Type        string `json:"type"`
		Affiliation string `json:"affiliation"`
	} `json:"nodes"`
	Edges []viewsEdge `json:"edges"`
}

type viewsEdge struct {
	Source    string `json:"source"`
	Relation  string `json:"relation"`
	Target    string `json:"target"`
	Articles  int    `json:"articles"`
	Mentions  int    `json:"mentions"`
	FirstSeen string `json:"first_seen"`
	LastSeen  string `json:"last_seen"`
	Evidence  []struct {
		Article string `json:"article"`
		Date    string `json:"date"`
		Status  string `json:"status"`
	} `json:"evidence"`
}

func (e viewsEdge) key() string { return e.Source + " " + e.Relation + " " + e.Target }

func exportJSON(t *testing.T, db string, args ...string) viewsGraph {
	t.Helper()
	r := mustRun(t, 0, append([]string{"export", "--db", db, "--format", "json", "--evidence", "-1"}, args...)...)
	var g viewsGraph
	if err := json.Unmarshal([]byte(r.stdout), &g); err != nil {
		t.Fatalf("export %q: %v\n%s", args, err, r.stdout)
	}
	return g
}

// expectNarrowed computes from the full graph what a filter should give:
// each edge's mentions that keep passes, recounted; edges with none left
// or with fewer than minArticles articles are dropped.
func expectNarrowed(full viewsGraph, keep func(date, status string) bool, minArticles int) map[string][3]string {
	want := map[string][3]string{}
	for _, e := range full.Edges {
		articles := map[string]bool{}
		mentions := 0
		var first, last string
		for _, m := range e.Evidence {
			if !keep(m.Date, m.Status) {
				continue
			}
			articles[m.Article] = true
			mentions++
			if first == "" || m.Date < first {
				first = m.Date
			}
			last = max(last, m.Date)
		}
		if len(articles) == 0 || len(articles) < minArticles {
			continue
		}
		want[e.key()] = [3]string{fmt.Sprint(len(articles)), fmt.Sprint(mentions), first + ".." + last}
	}
	return want
}

func gotNarrowed(g viewsGraph) map[string][3]string {
	got := map[string][3]string{}
	for _, e := range g.Edges {
		got[e.key()] = [3]string{fmt.Sprint(e.Articles), fmt.Sprint(e.Mentions), e.FirstSeen + ".." + e.LastSeen}
	}
	return got
}

func TestExportNarrowing(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	if len(full.Edges) < 6 {
		t.Fatalf("the articles gave %d edges, want at least 6 to narrow", len(full.Edges))
	}
	tests := []struct {
		name        string
		args        []string
		keep        func(date, status string) bool
		minArticles int
	}{
		{"since", []string{"--since", "2024-03-01"}, func(d, _ string) bool { return d >= "2024-03-01" }, 0},
		{"until", []string{"--until", "2024-02-05"}, func(d, _ string) bool { return d <= "2024-02-05" }, 0},
		{"between", []string{"--since", "2024-02-01", "--until", "2024-03-20"}, func(d, _ string) bool { return d >= "2024-02-01" && d <= "2024-03-20" }, 0},
		{"asserted", []string{"--status", "asserted"}, func(_, s string) bool { return s == "asserted" }, 0},
		{"alleged or promised", []string{"--status", "alleged", "--status", "promised"}, func(_, s string) bool { return s == "alleged" || s == "promised" }, 0},
		{"min articles", []string{"--min-articles", "2"}, func(_, _ string) bool { return true }, 2},
		{"asserted since, twice", []string{"--status", "asserted", "--since", "2024-01-01", "--min-articles", "2"}, func(d, s string) bool { return s == "asserted" }, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := expectNarrowed(full, tt.keep, tt.minArticles)
			if len(want) == 0 || len(want) == len(full.Edges) && tt.minArticles == 0 {
				t.Fatalf("the filter keeps %d of %d edges: the test articles do not exercise it", len(want), len(full.Edges))
			}
			got := gotNarrowed(exportJSON(t, db, tt.args...))
			for k, w := range want {
				if got[k] != w {
					t.Errorf("%s: got articles, mentions, dates %v, want %v", k, got[k], w)
				}
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("%s: kept, want it dropped", k)
				}
			}
		})
	}
}

func TestNarrowingUsage(t *testing.T) {
	db := viewsStore(t)
	for _, args := range [][]string{
		{"export", "--since", "10/01/2024"},
		{"export", "--since", "2024-03-01", "--until", "2024-02-01"},
		{"export", "--status", "rumoured"},
		{"export", "--min-articles", "-1"},
		{"actor", "Russia", "--until", "yesterday"},
		{"export", "--format", "svg", "--layout", "circo"},
		{"path", "Iran"},
		{"path", "Iran", "Russia", "--max-hops", "0"},
		{"timeline"},
		{"timeline", "Iran", "--format", "csv"},
		{"stats", "--top", "-2"},
	} {
		r := mustRun(t, 2, append(args, "--db", db)...)
		if !strings.Contains(r.stderr, "--help") {
			t.Errorf("%q: stderr %q lacks the --help hint", args, r.stderr)
		}
	}
}

func TestRollup(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	persons := map[string]string{} // person -> affiliation
	for _, n := range full.Nodes {
		if n.Type == "person" && n.Affiliation != "" {
			persons[n.ID] = n.Affiliation
		}
	}
	// The person-to-person edge of the second article folds into one
	// between their states.
	var personEdge *viewsEdge
	for i, e := range full.Edges {
		if persons[e.Source] != "" && persons[e.Target] != "" {
			personEdge = &full.Edges[i]
		}
	}
	if personEdge == nil {
		t.Fatalf("no edge between two affiliated persons in %v", gotNarrowed(full))
	}
	folded := persons[personEdge.Source] + " " + personEdge.Relation + " " + persons[personEdge.Target]
	rolled := exportJSON(t, db, "--rollup")
	for _, n := range rolled.Nodes {
		if _, ok := persons[n.ID]; ok {
			t.Errorf("rollup kept person %s", n.ID)
		}
	}
	got := gotNarrowed(rolled)
	if _, ok := got[folded]; !ok {
		t.Errorf("rollup lacks %s: %v", folded, got)
	}
	// Edges with no person are unchanged.
	for _, e := range full.Edges {
		if persons[e.Source] == "" && persons[e.Target] == "" && got[e.key()] != gotNarrowed(viewsGraph{Edges: []viewsEdge{e}})[e.key()] {
			t.Errorf("%s changed under rollup: %v", e.key(), got[e.key()])
		}
	}
	// The actor view folds the same way: Ukraine's minister's accusation
	// becomes Ukraine's own.
	state := persons[personEdge.Source]
	r := mustRun(t, 0, "actor", state, "--db", db, "--rollup", "--format", "json")
	var v struct {
		Relations []struct {
			Relation string `json:"relation"`
			Actor    struct {
				ID string `json:"id"`
			} `json:"actor"`
			Via *struct{} `json:"via"`
		} `json:"relations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range v.Relations {
		found = found || l.Relation == personEdge.Relation && l.Actor.ID == persons[personEdge.Target]
		if l.Via != nil || persons[l.Actor.ID] != "" {
			t.Errorf("rolled-up view of %s has a person in %+v", state, l)
		}
	}
	if !found {
		t.Errorf("rolled-up view of %s lacks %s %s:\n%s", state, personEdge.Relation, persons[personEdge.Target], r.stdout)
	}
}

func TestActorNarrowing(t *testing.T) {
	db := viewsStore(t)
	all := mustRun(t, 0, "actor", "Russia", "--db", db, "--format", "json", "--evidence", "-1")
	later := mustRun(t, 0, "actor", "Russia", "--db", db, "--format", "json", "--evidence", "-1", "--since", "2024-03-01")
	count := func(s string) (n int, dates []string) {
		var v struct {
			Relations []struct {
				Evidence []struct{ Date string } `json:"evidence"`
			} `json:"relations"`
		}
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatal(err)
		}
		for _, l := range v.Relations {
			for _, m := range l.Evidence {
				dates = append(dates, m.Date)
			}
		}
		return len(v.Relations), dates
	}
	nAll, datesAll := count(all.stdout)
	nLater, datesLater := count(later.stdout)
	if nLater == 0 || nLater >= nAll {
		t.Errorf("--since 2024-03-01 kept %d of %d relations", nLater, nAll)
	}
	wantLater := slices.DeleteFunc(datesAll, func(d string) bool { return d < "2024-03-01" })
	slices.Sort(wantLater)
	slices.Sort(datesLater)
	if !slices.Equal(datesLater, wantLater) {
		t.Errorf("evidence dates since March: %v, want %v", datesLater, wantLater)
	}
}

// TestPath checks path against a breadth-first search of our own over the
// exported edges: same length, every step an existing edge, chains linked.
func TestPath(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	dist := bfs(full.Edges, "USA")
	if dist["BLR"] < 2 {
		t.Fatalf("test graph: United States and Belarus are %d steps apart, want a longer chain", dist["BLR"])
	}
	r := mustRun(t, 0, "path", "United States", "Belarus", "--db", db, "--format", "json")
	var p struct {
		Paths []struct {
			Actors []string    `json:"actors"`
			Steps  []viewsEdge `json:"steps"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Paths) == 0 {
		t.Fatalf("no path:\n%s", r.stdout)
	}
	edges := map[string]bool{}
	for _, e := range full.Edges {
		edges[e.key()] = true
	}
	for _, path := range p.Paths {
		if len(path.Steps) != dist["BLR"] || path.Actors[0] != "USA" || path.Actors[len(path.Actors)-1] != "BLR" {
			t.Errorf("path %v: %d steps, want %d from USA to BLR", path.Actors, len(path.Steps), dist["BLR"])
		}
		for i, st := range path.Steps {
			a, b := path.Actors[i], path.Actors[i+1]
			if !edges[st.key()] || !(st.Source == a && st.Target == b || st.Source == b && st.Target == a) {
				t.Errorf("step %d of %v is %s", i, path.Actors, st.key())
			}
			if len(st.Evidence) != 1 {
				t.Errorf("step %s has %d evidence sentences, want 1", st.key(), len(st.Evidence))
			}
		}
	}
	table := mustRun(t, 0, "path", "United States", "Belarus", "--db", db)
	if !strings.Contains(table.stdout, "United States → ") || !strings.Contains(table.stdout, " → Belarus") {
		t.Errorf("table:\n%s", table.stdout)
	}
	// Only supplies: no chain links them; exit 1 and a line that says so.
	none := mustRun(t, 1, "path", "United States", "Belarus", "--db", db, "--relation", "supplies")
	if !strings.Contains(none.stdout, "No chain") || none.stderr != "" {
		t.Errorf("no chain: stdout %q, stderr %q", none.stdout, none.stderr)
	}
}

// bfs returns the hop distance from start to every actor, edges taken
// either way.
func bfs(edges []viewsEdge, start string) map[string]int {
	dist := map[string]int{start: 0}
	for frontier := []string{start}; len(frontier) > 0; {
		var next []string
		for _, a := range frontier {
			for _, e := range edges {
				for _, pair := range [][2]string{{e.Source, e.Target}, {e.Target, e.Source}} {
					if _, seen := dist[pair[1]]; pair[0] == a && !seen {
						dist[pair[1]] = dist[a] + 1
						next = append(next, pair[1])
					}
				}
			}
		}
		frontier = next
	}
	return dist
}

// TestTimeline compares timeline with counts made from the exported
// evidence: articles per month and relation with Russia at either end.
func TestTimeline(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	want := map[string]map[string]map[string]bool{} // month -> relation -> articles
	for _, e := range full.Edges {
		if e.Source != "RUS" && e.Target != "RUS" {
			continue
		}
		for _, m := range e.Evidence {
			month := m.Date[:7]
			if want[month] == nil {
				want[month] = map[string]map[string]bool{}
			}
			if want[month][e.Relation] == nil {
				want[month][e.Relation] = map[string]bool{}
			}
			want[month][e.Relation][m.Article] = true
		}
	}
	r := mustRun(t, 0, "timeline", "Russia", "--db", db, "--format", "json")
	var rows []struct {
		Month     string         `json:"month"`
		Relations map[string]int `json:"relations"`
		Total     int            `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Month != "2024-01" || rows[2].Month != "2024-03" {
		t.Fatalf("months %+v, want 2024-01 to 2024-03", rows)
	}
	for _, row := range rows {
		for _, rel := range []string{"accuses", "denies", "supplies", "allies-with", "recognizes"} {
			if got := row.Relations[rel]; got != len(want[row.Month][rel]) {
				t.Errorf("%s %s: %d articles, want %d", row.Month, rel, got, len(want[row.Month][rel]))
			}
		}
	}
	pair := mustRun(t, 0, "timeline", "Ukraine", "Russia", "--db", db, "--relation", "accuses")
	lines := strings.Split(strings.TrimSpace(pair.stdout), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "MONTH") || !strings.Contains(lines[0], "ACCUSES") || strings.Contains(lines[0], "SUPPLIES") {
		t.Errorf("Ukraine–Russia accusations:\n%s", pair.stdout)
	}
}

func TestStats(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	r := mustRun(t, 0, "stats", "--db", db, "--format", "json", "--top", "3")
	var st struct {
		Articles     int            `json:"articles"`
		FirstArticle string         `json:"first_article"`
		LastArticle  string         `json:"last_article"`
		Actors       map[string]int `json:"actors"`
		Edges        map[string]int `json:"edges"`
		Top          []struct {
			ID        string `json:"id"`
			Relations int    `json:"relations"`
		} `json:"most_connected"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(viewsArticles) || st.FirstArticle != viewsArticles[0].date || st.LastArticle != viewsArticles[3].date {
		t.Errorf("articles %d (%s to %s), want %d", st.Articles, st.FirstArticle, st.LastArticle, len(viewsArticles))
	}
	wantEdges, degree := map[string]int{}, map[string]int{}
	for _, e := range full.Edges {
		wantEdges[e.Relation]++
		degree[e.Source]++
		degree[e.Target]++
	}
	for rel, n := range st.Edges {
		if n != wantEdges[rel] {
			t.Errorf("%s: %d edges, want %d", rel, n, wantEdges[rel])
		}
	}
	if len(st.Top) != 3 {
		t.Fatalf("top: %+v, want 3", st.Top)
	}
	for i, c := range st.Top {
		if c.Relations != degree[c.ID] || i > 0 && c.Relations > st.Top[i-1].Relations {
			t.Errorf("top %d: %s with %d relations (export says %d)", i, c.ID, c.Relations, degree[c.ID])
		}
	}
	table := mustRun(t, 0, "stats", "--db", db)
	for _, want := range []string{"Articles: 4 (2024-01-10 to 2024-03-28)", "RELATION", "MOST_CONNECTED"} {
		if !strings.Contains(table.stdout, want) {
			t.Errorf("stats table lacks %q:\n%s", want, table.stdout)
		}
	}
}

// parseXML reads every token of b and returns the root element's name.
func parseXML(t *testing.T, b []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%.300s", err, b)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	return root
}

func TestExportSVG(t *testing.T) {
	needDot(t)
	db := viewsStore(t)
	out := filepath.Join(t.TempDir(), "graph.svg")
	r := mustRun(t, 0, "export", "--db", db, "--format", "svg", "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if root := parseXML(t, b); root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	for _, want := range []string{"Russia", "Belarus", "allies", "accuses"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the picture lacks %q", want)
		}
	}
	if r.stderr != "" {
		t.Errorf("a small graph should draw without notes, got %q", r.stderr)
	}
	// Narrowed and capped: fewer actors, and stderr says so.
	capped := mustRun(t, 0, "export", "--db", db, "--format", "svg", "--max-actors", "3", "--since", "2024-03-01")
	parseXML(t, []byte(capped.stdout))
	if !strings.Contains(capped.stderr, "most connected") || strings.Count(capped.stdout, `class="node"`) != 3 {
		t.Errorf("capped to 3: %d nodes, stderr %q", strings.Count(capped.stdout, `class="node"`), capped.stderr)
	}
	// Edges no asserted evidence shows are labelled with their status and
	// dashed: none with only asserted evidence, all with only alleged.
	unconfirmed := regexp.MustCompile(`>\d+ (alleged|promised|denied)</text>`)
	asserted := mustRun(t, 0, "export", "--db", db, "--format", "svg", "--status", "asserted")
	alleged := mustRun(t, 0, "export", "--db", db, "--format", "svg", "--status", "alleged")
	all := mustRun(t, 0, "export", "--db", db, "--format", "svg")
	nAll := len(unconfirmed.FindAllString(all.stdout, -1))
	if n := len(unconfirmed.FindAllString(asserted.stdout, -1)); n != 0 || nAll == 0 {
		t.Errorf("%d unconfirmed edges with --status asserted, %d without, want 0 and some", n, nAll)
	}
	if n, edges := len(unconfirmed.FindAllString(alleged.stdout, -1)), strings.Count(alleged.stdout, `class="edge"`); n == 0 || n != edges {
		t.Errorf("--status alleged: %d of %d edges unconfirmed, want all", n, edges)
	}
	if !slices.Contains(svgTexts(t, alleged.stdout), "Store: 4 articles dated 2024-01-10 to 2024-03-28. Shown: --status alleged.") ||
		!slices.Contains(svgTexts(t, all.stdout), "Store: 4 articles dated 2024-01-10 to 2024-03-28. Shown: the whole graph.") {
		t.Errorf("the caption does not say what the picture shows: %q", svgTexts(t, alleged.stdout))
	}
	// --layout sfdp is honoured (a force layout draws no legend cluster).
	mustRun(t, 0, "export", "--db", db, "--format", "svg", "--layout", "sfdp", "-o", out)
	if b, _ := os.ReadFile(out); parseXML(t, b) != "svg" {
		t.Error("sfdp picture is not SVG")
	}
}

func TestExportPNG(t *testing.T) {
	db := viewsStore(t)
	t.Run("no dot", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		for _, name := range []string{"graph.png", "graph.svg"} {
			out := filepath.Join(t.TempDir(), name)
			r := mustRun(t, 1, "export", "--db", db, "-o", out)
			if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "install Graphviz") || !strings.Contains(r.stderr, "--format dot, graphml or json") {
				t.Errorf("%s: stderr %q, want one line saying how to get dot or what needs none", name, r.stderr)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed picture left %s", out)
			}
		}
	})
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("the Graphviz dot program is not installed")
	}
	r := mustRun(t, 0, "export", "--db", db, "--format", "png")
	if !strings.HasPrefix(r.stdout, "\x89PNG\r\n\x1a\n") || len(r.stdout) < 2000 {
		t.Errorf("png output: %d bytes starting %q", len(r.stdout), r.stdout[:min(8, len(r.stdout))])
	}
}

func TestExportGraphML(t *testing.T) {
	db := viewsStore(t)
	full := exportJSON(t, db)
	r := mustRun(t, 0, "export", "--db", db, "--format", "graphml", "--rollup")
	if root := parseXML(t, []byte(r.stdout)); root != "graphml" {
		t.Fatalf("root %q, want graphml", root)
	}
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source   string `xml:"source,attr"`
				Target   string `xml:"target,attr"`
				Directed string `xml:"directed,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	rolled := exportJSON(t, db, "--rollup")
	if len(doc.Graph.Nodes) != len(rolled.Nodes) || len(doc.Graph.Edges) != len(rolled.Edges) {
		t.Errorf("graphml has %d nodes and %d edges, json %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(rolled.Nodes), len(rolled.Edges))
	}
	if len(rolled.Edges) >= len(full.Edges)+1 {
		t.Errorf("rollup grew the graph")
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		if len(n.Data) == 0 || n.Data[0].Key != "label" || n.Data[0].Value == "" {
			t.Errorf("node %s has no label: %+v", n.ID, n.Data)
		}
	}
	undirected := 0
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s-%s names a missing node", e.Source, e.Target)
		}
		if e.Directed == "false" {
			undirected++
		}
	}
	if undirected != 1 {
		t.Errorf("%d undirected edges, want the one alliance", undirected)
	}
}

func TestExportSVGTimeout(t *testing.T) {
	needDot(t)
	db := viewsStore(t)
	r := mustRun(t, 1, "export", "--db", db, "--format", "svg", "--timeout", "1ns")
	if !strings.Contains(r.stderr, "took too long") {
		t.Errorf("stderr %q", r.stderr)
	}
}

// TestNeighbourhoodNarrowing checks --actor exports under the narrowing
// flags: every edge is one the narrowed whole graph has, with the same
// counts, and touches the neighbourhood; rollup turns a minister into his
// state.
func TestNeighbourhoodNarrowing(t *testing.T) {
	db := viewsStore(t)
	whole := gotNarrowed(exportJSON(t, db, "--since", "2024-03-01"))
	near := exportJSON(t, db, "--actor", "Russia", "--since", "2024-03-01")
	if len(near.Edges) == 0 {
		t.Fatal("no edge near Russia since March")
	}
	for k, v := range gotNarrowed(near) {
		if whole[k] != v {
			t.Errorf("%s: %v near Russia, %v in the whole graph", k, v, whole[k])
		}
	}
	rolled := exportJSON(t, db, "--actor", "Andrii Sybiha", "--rollup")
	ids := map[string]bool{}
	for _, n := range rolled.Nodes {
		ids[n.ID] = true
	}
	if !ids["UKR"] || !ids["BLR"] || ids["person:andrii-sybiha"] {
		t.Errorf("rolled-up neighbourhood of Sybiha has %v, want Ukraine and Belarus and no person", ids)
	}
}
