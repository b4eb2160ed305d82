package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// The schema of docs/json.md, written again here so that the test notices
// when the output drifts from the document.
type docNode struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Affiliation string   `json:"affiliation"`
	Aliases     []string `json:"aliases"`
}

type docMention struct {
	Article    string `json:"article"`
	Sentence   string `json:"sentence"`
	Date       string `json:"date"`
	Status     string `json:"status"`
	ClaimedBy  string `json:"claimed_by"`
	DisputedBy string `json:"disputed_by"`
	Trigger    string `json:"trigger"`
}

type docEdge struct {
	Source    string       `json:"source"`
	Target    string       `json:"target"`
	Relation  string       `json:"relation"`
	Articles  int          `json:"articles"`
	Mentions  int          `json:"mentions"`
	FirstSeen string       `json:"first_seen"`
	LastSeen  string       `json:"last_seen"`
	Evidence  []docMention `json:"evidence"`
}

type docGraph struct {
	Nodes []docNode `json:"nodes"`
	Edges []docEdge `json:"edges"`
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// decodeStrict decodes data into v, refusing fields the schema lacks.
func decodeStrict(t *testing.T, data []byte, v any) {
	t.Helper()
	if !json.Valid(data) {
		t.Fatalf("output is not valid JSON:\n%s", data)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode against the schema: %v", err)
	}
}

func writeJSON(t *testing.T, g *graph.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.JSON(&buf, g); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return buf.Bytes()
}

// TestJSONRoundTrip decodes the output of each test graph and checks it
// against the input: every reference resolves to a node, nodes and edges are
// sorted, and every edge keeps its counts, dates and evidence.
func TestJSONRoundTrip(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"graph": testGraph(), "labels": labelGraph(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			var doc docGraph
			decodeStrict(t, writeJSON(t, g), &doc)
			nodes := checkNodes(t, doc.Nodes, g.Actors)
			want := slices.Clone(g.Edges)
			slices.SortFunc(want, graph.CompareEdges)
			if len(doc.Edges) != len(want) {
				t.Fatalf("got %d edges, want %d", len(doc.Edges), len(want))
			}
			for i, e := range doc.Edges {
				checkEdge(t, e, want[i], nodes)
			}
		})
	}
}

// checkNodes checks that nodes are sorted, unique, typed and complete, and
// returns them by id.
func checkNodes(t *testing.T, nodes []docNode, actors []graph.Actor) map[string]docNode {
	t.Helper()
	byID := map[string]docNode{}
	for i, n := range nodes {
		if i > 0 && nodes[i-1].ID >= n.ID {
			t.Errorf("node %d: id %q not after %q", i, n.ID, nodes[i-1].ID)
		}
		if _, err := graph.ParseActorType(n.Type); err != nil {
			t.Errorf("node %s: %v", n.ID, err)
		}
		byID[n.ID] = n
	}
	for _, a := range actors {
		n, ok := byID[string(a.ID)]
		switch {
		case !ok:
			t.Errorf("actor %s missing from nodes", a.ID)
		case n.Name != a.Name || n.Type != string(a.Type) || n.Affiliation != string(a.Affiliation) || !slices.Equal(n.Aliases, a.Aliases):
			t.Errorf("node %s = %+v, want %+v", a.ID, n, a)
		}
	}
	for _, n := range nodes {
		if _, ok := byID[n.Affiliation]; n.Affiliation != "" && !ok {
			t.Errorf("node %s: affiliation %q is not a node", n.ID, n.Affiliation)
		}
	}
	return byID
}

func checkEdge(t *testing.T, got docEdge, want graph.Edge, nodes map[string]docNode) {
	t.Helper()
	for _, id := range []string{got.Source, got.Target} {
		if _, ok := nodes[id]; !ok {
			t.Errorf("edge %s %s %s: %q is not a node", got.Source, got.Relation, got.Target, id)
		}
	}
	if got.Source != string(want.Source) || got.Target != string(want.Target) || got.Relation != string(want.Relation) {
		t.Errorf("edge = %s %s %s, want %s %s %s", got.Source, got.Relation, got.Target, want.Source, want.Relation, want.Target)
	}
	if got.Articles != want.Articles || got.Mentions != want.Mentions {
		t.Errorf("edge %s: articles/mentions = %d/%d, want %d/%d", got.Source, got.Articles, got.Mentions, want.Articles, want.Mentions)
	}
	checkDate(t, "first_seen", got.FirstSeen, graph.FormatDate(want.FirstSeen))
	checkDate(t, "last_seen", got.LastSeen, graph.FormatDate(want.LastSeen))
	if got.Evidence == nil {
		t.Errorf("edge %s %s %s: evidence is null or absent, want an array", got.Source, got.Relation, got.Target)
	}
	ev := slices.Clone(want.Evidence)
	slices.SortFunc(ev, graph.CompareMentions)
	if len(got.Evidence) != len(ev) {
		t.Fatalf("edge %s: %d evidence, want %d", got.Source, len(got.Evidence), len(ev))
	}
	for i, m := range got.Evidence {
		w := ev[i]
		if m.Article != w.Article || m.Sentence != w.Sentence || m.Status != string(w.Status) || m.Trigger != w.Trigger ||
			m.ClaimedBy != string(w.ClaimedBy) || m.DisputedBy != string(w.DisputedBy) {
			t.Errorf("evidence %d = %+v, want %+v", i, m, w)
		}
		checkDate(t, "date", m.Date, graph.FormatDate(w.Date))
		for _, id := range []string{m.ClaimedBy, m.DisputedBy} {
			if _, ok := nodes[id]; id != "" && !ok {
				t.Errorf("evidence %d: %q is not a node", i, id)
			}
		}
	}
}

func checkDate(t *testing.T, field, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", field, got, want)
	}
	if got != "" && !dateRE.MatchString(got) {
		t.Errorf("%s = %q, want YYYY-MM-DD", field, got)
	}
}

// TestJSONOmitsZeroDates checks the documented choice: unknown dates are left
// out, never written as "" or 0001-01-01.
func TestJSONOmitsZeroDates(t *testing.T) {
	g := &graph.Graph{
		Actors: []graph.Actor{{ID: "RUS", Name: "Russia", Type: graph.Country}, {ID: "UKR", Name: "Ukraine", Type: graph.Country}},
		Edges: []graph.Edge{{EdgeKey: graph.NewEdgeKey("RUS", graph.Accuses, "UKR"), Articles: 1, Mentions: 1,
			Evidence: []graph.Mention{{Source: "RUS", Relation: graph.Accuses, Target: "UKR", Article: "a", Sentence: "s", Status: graph.Asserted}}}},
	}
	var raw struct {
		Edges []map[string]json.RawMessage `json:"edges"`
	}
	if err := json.Unmarshal(writeJSON(t, g), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"first_seen", "last_seen"} {
		if v, ok := raw.Edges[0][key]; ok {
			t.Errorf("%s = %s, want it absent", key, v)
		}
	}
	var ev []map[string]json.RawMessage
	if err := json.Unmarshal(raw.Edges[0]["evidence"], &ev); err != nil {
		t.Fatal(err)
	}
	if v, ok := ev[0]["date"]; ok {
		t.Errorf("evidence date = %s, want it absent", v)
	}
}

// TestJSONStubs checks that ids used but not listed as actors become nodes
// with a type guessed from their form.
func TestJSONStubs(t *testing.T) {
	g := &graph.Graph{
		Actors: []graph.Actor{{ID: "person:ivan-sidorov", Name: "Ivan Sidorov", Type: graph.Person, Affiliation: "BLR"}},
		Edges: []graph.Edge{{
			EdgeKey: graph.NewEdgeKey("group:river-brigade", graph.Accuses, "person:ivan-sidorov"), Articles: 1, Mentions: 1,
			Evidence: []graph.Mention{{Source: "group:river-brigade", Relation: graph.Accuses, Target: "person:ivan-sidorov",
				Article: "x", Sentence: "y", Status: graph.Alleged, ClaimedBy: "org:un", DisputedBy: "territory:east-bank"}},
		}},
	}
	var doc docGraph
	decodeStrict(t, writeJSON(t, g), &doc)
	want := map[string]string{
		"BLR": "country", "group:river-brigade": "group", "org:un": "organization",
		"person:ivan-sidorov": "person", "territory:east-bank": "territory",
	}
	got := map[string]string{}
	for _, n := range doc.Nodes {
		got[n.ID] = n.Type
		if n.ID != "person:ivan-sidorov" && n.Name != n.ID {
			t.Errorf("stub %s: name %q, want the id", n.ID, n.Name)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got nodes %v, want %v", got, want)
	}
	for id, typ := range want {
		if got[id] != typ {
			t.Errorf("node %s: type %q, want %q", id, got[id], typ)
		}
	}
}

// TestJSONNilGraph checks that a nil graph is written as an empty one.
func TestJSONNilGraph(t *testing.T) {
	var doc docGraph
	decodeStrict(t, writeJSON(t, nil), &doc)
	if doc.Nodes == nil || doc.Edges == nil || len(doc.Nodes)+len(doc.Edges) != 0 {
		t.Errorf("got %+v, want empty nodes and edges arrays", doc)
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteErrors checks that every writer reports a failing io.Writer.
func TestWriteErrors(t *testing.T) {
	g := bigGraph(200, 2000)
	v := viewOf(g, g.Actors[0].ID)
	for name, write := range map[string]func(*failWriter) error{
		"json":      func(w *failWriter) error { return export.JSON(w, g) },
		"dot":       func(w *failWriter) error { return export.DOT(w, g) },
		"viewjson":  func(w *failWriter) error { return export.ViewJSON(w, v) },
		"viewtable": func(w *failWriter) error { return export.ViewTable(w, v) },
	} {
		t.Run(name, func(t *testing.T) {
			if err := write(&failWriter{n: 100}); !errors.Is(err, errDiskFull) {
				t.Errorf("got error %v, want one wrapping %v", err, errDiskFull)
			}
		})
	}
}
