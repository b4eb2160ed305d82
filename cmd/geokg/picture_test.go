package main

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"geokg/graph"
)

// needDot skips a test that draws pictures when the Graphviz dot program
// is not installed.
func needDot(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("the Graphviz dot program is not installed: pictures cannot be drawn")
	}
}

// drawnEdge is how a picture, a DOT file or GraphML draws one relation.
type drawnEdge struct {
	label  string // the count and the status word: "1 alleged"
	style  string // "dashed" or "dotted"; "" when solid
	status string // the statuses counted, as the tooltip says: "2 alleged"
}

// svgDashes are the stroke-dasharray values Graphviz writes for its styles.
var svgDashes = map[string]string{"5,2": "dashed", "1,5": "dotted"}

// tooltipEdge splits an edge tooltip "Iran supplies Russia: 1 article, 2
// mentions (2 alleged), 2024-03-14" into the edge and its status counts.
var tooltipEdge = regexp.MustCompile(`^(.+?): \d+ articles?, \d+ mentions?(?: \(([^)]*)\))?`)

// svgEdges reads each edge of an SVG picture drawn by Graphviz, keyed by
// "Source relation Target" (from its tooltip).
func svgEdges(t *testing.T, b []byte) map[string]drawnEdge {
	t.Helper()
	out := map[string]drawnEdge{}
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, edgeDepth, key, inText := 0, 0, "", false
	var cur drawnEdge
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			inText = edgeDepth > 0 && tok.Name.Local == "text"
			for _, a := range tok.Attr {
				switch {
				case tok.Name.Local == "g" && a.Name.Local == "class" && a.Value == "edge":
					edgeDepth, key, cur = depth, "", drawnEdge{}
				case edgeDepth > 0 && tok.Name.Local == "a" && a.Name.Local == "title" && key == "":
					if m := tooltipEdge.FindStringSubmatch(a.Value); m != nil {
						key, cur.status = m[1], m[2]
					}
				case edgeDepth > 0 && tok.Name.Local == "path" && a.Name.Local == "stroke-dasharray":
					cur.style = cmp.Or(svgDashes[a.Value], a.Value)
				}
			}
		case xml.EndElement:
			if depth == edgeDepth {
				if key != "" {
					out[key] = cur
				}
				edgeDepth = 0
			}
			depth--
			inText = false
		case xml.CharData:
			if inText {
				cur.label += string(tok)
			}
		}
	}
}

// dotEdgeLine matches an edge statement of geokg's DOT output.
var dotEdgeLine = regexp.MustCompile(`^\tn\d+->n\d+\[(.*)\];$`)

// dotEdges reads each relation edge of geokg's DOT output, keyed as
// svgEdges keys them.
func dotEdges(t *testing.T, s string) map[string]drawnEdge {
	t.Helper()
	attr := func(attrs, name string) string {
		m := regexp.MustCompile(`(?:^|,)` + name + `="((?:[^"\\]|\\.)*)"`).FindStringSubmatch(attrs)
		if m == nil {
			return ""
		}
		return m[1]
	}
	out := map[string]drawnEdge{}
	for line := range strings.Lines(s) {
		m := dotEdgeLine.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue
		}
		tip := tooltipEdge.FindStringSubmatch(attr(m[1], "tooltip"))
		if tip == nil {
			continue // a "speaks for" edge
		}
		out[tip[1]] = drawnEdge{label: attr(m[1], "label"), style: attr(m[1], "style"), status: tip[2]}
	}
	return out
}

// graphmlEdges reads each edge of a GraphML export, keyed as svgEdges keys
// them (by the nodes' labels), with the label and status summary the
// pictures would draw from its attributes.
func graphmlEdges(t *testing.T, s string) map[string]drawnEdge {
	t.Helper()
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var doc struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []data `xml:"data"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []data `xml:"data"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("GraphML: %v", err)
	}
	get := func(ds []data) map[string]string {
		m := map[string]string{}
		for _, d := range ds {
			m[d.Key] = d.Value
		}
		return m
	}
	names := map[string]string{}
	for _, n := range doc.Nodes {
		names[n.ID] = get(n.Data)["label"]
	}
	out := map[string]drawnEdge{}
	for _, e := range doc.Edges {
		d := get(e.Data)
		var e2 drawnEdge
		e2.label = d["articles"]
		if d["status"] != "asserted" {
			e2.label += " " + d["status"]
		}
		if d["style"] != "solid" {
			e2.style = d["style"]
		}
		var counts []string
		for _, st := range []string{"asserted", "promised", "alleged", "denied"} {
			if d[st] != "0" {
				counts = append(counts, d[st]+" "+st)
			}
		}
		e2.status = strings.Join(counts, ", ")
		out[names[e.Source]+" "+d["relation"]+" "+names[e.Target]] = e2
	}
	return out
}

// TestPictureStatusAgrees draws, with the built geokg on a real store, the
// whole graph and neighbourhoods of it, as SVG, DOT and GraphML: every edge
// they share is drawn alike, in every format and every part drawn; alleged edges are dashed and labelled so, and
// asserted edges reached through an alleged one (Ukraine accuses Russia,
// two hops from Iran through "Iran supplies Russia", alleged by Ukraine)
// are solid in both.
func TestPictureStatusAgrees(t *testing.T) {
	needDot(t)
	bin := buildGeokg(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	for i, a := range viewsArticles {
		path := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		if err := os.WriteFile(path, []byte(a.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := runBin(t, bin, "", "ingest", "--db", db, "--date", a.date, path); r.code != 0 {
			t.Fatalf("ingest: %+v", r)
		}
	}
	draw := func(format string, args ...string) map[string]drawnEdge {
		t.Helper()
		r := runBin(t, bin, "", append([]string{"export", "--db", db, "--format", format}, args...)...)
		if r.code != 0 {
			t.Fatalf("export %s %q: %+v", format, args, r)
		}
		switch format {
		case "svg":
			return svgEdges(t, []byte(r.stdout))
		case "graphml":
			return graphmlEdges(t, r.stdout)
		}
		return dotEdges(t, r.stdout)
	}
	wholeSVG := draw("svg")
	for _, format := range []string{"svg", "dot", "graphml"} {
		whole := draw(format)
		want := map[string]drawnEdge{
			"Ukraine accuses Russia":                     {label: "2", status: "3 asserted"},
			"Iran supplies Russia":                       {label: "1 alleged", status: "1 alleged"},
			"North Korea supplies Russia":                {label: "1 alleged", status: "1 alleged"},
			"United States accuses Iran":                 {label: "1", status: "1 asserted"},
			"Belarus allies-with Russia":                 {label: "1", status: "1 asserted"},
			"Iran denies United States":                  {label: "1", status: "1 asserted"},
			"Andrii Sybiha accuses Alexander Lukashenko": {label: "1", status: "1 asserted"},
		}
		for k, w := range want {
			got, ok := whole[k]
			if !ok {
				t.Errorf("%s: the whole graph lacks %s; it has %v", format, k, whole)
				continue
			}
			if got.label != w.label || got.status != w.status || (got.style == "dashed") != strings.Contains(w.label, "alleged") {
				t.Errorf("%s: the whole graph draws %s as %+v, want %+v (dashed when alleged)", format, k, got, w)
			}
		}
		if len(whole) != len(wholeSVG) {
			t.Errorf("%s draws %d edges, svg %d", format, len(whole), len(wholeSVG))
		}
		for k, got := range whole {
			if wholeSVG[k] != got {
				t.Errorf("%s draws %s as %+v, svg as %+v", format, k, got, wholeSVG[k])
			}
		}
		for _, args := range [][]string{
			{"--actor", "Iran", "--depth", "2"},
			{"--actor", "Iran", "--depth", "1"},
			{"--actor", "Ukraine", "--depth", "2"},
			{"--actor", "North Korea", "--depth", "3"},
			{"--actor", "Iran", "--depth", "2", "--since", "2024-01-01"},
		} {
			near := draw(format, args...)
			if len(near) < 2 {
				t.Errorf("%s %q: %d edges drawn", format, args, len(near))
			}
			for k, got := range near {
				if whole[k] != got {
					t.Errorf("%s %q draws %s as %+v, the whole graph as %+v", format, args, k, got, whole[k])
				}
			}
		}
		if near := draw(format, "--actor", "Iran", "--depth", "2"); near["Ukraine accuses Russia"] != whole["Ukraine accuses Russia"] {
			t.Errorf("%s: Iran's neighbourhood draws Ukraine accuses Russia as %+v", format, near["Ukraine accuses Russia"])
		}
	}
}

// TestNoPictureStackAtStartup runs the built geokg with a home, cache and
// temporary folder of its own: commands that draw no picture leave them
// empty (go-graphviz used to compile its WebAssembly module into
// $TMPDIR/go-graphviz at every start), and geokg does not link go-graphviz
// or a WebAssembly runtime at all.
func TestNoPictureStackAtStartup(t *testing.T) {
	bin := buildGeokg(t)
	home := t.TempDir()
	dirs := []string{filepath.Join(home, "home"), filepath.Join(home, "cache"), filepath.Join(home, "tmp")}
	for _, d := range dirs {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "db")
	env := append(os.Environ(), "HOME="+dirs[0], "XDG_CACHE_HOME="+dirs[1], "TMPDIR="+dirs[2], "GEOKG_DB="+db)
	for _, args := range [][]string{
		{"--version"},
		{"ingest", "--date", "2024-03-14", articlePath},
		{"actors"},
		{"actor", "Iran"},
		{"export", "--format", "dot"},
		{"stats"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("geokg %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		for _, d := range dirs {
			if entries, err := os.ReadDir(d); err != nil || len(entries) > 0 {
				t.Errorf("geokg %s left %v in %s (%v)", strings.Join(args, " "), entries, d, err)
			}
		}
	}
	deps, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list -deps: %v", err)
	}
	for _, pkg := range []string{"github.com/goccy/go-graphviz", "github.com/tetratelabs/wazero"} {
		if bytes.Contains(deps, []byte(pkg)) {
			t.Errorf("geokg links %s, which would run at every start", pkg)
		}
	}
}

// svgTexts returns the text of each <text> element of an SVG picture.
func svgTexts(t *testing.T, svg string) []string {
	t.Helper()
	var texts []string
	d := xml.NewDecoder(strings.NewReader(svg))
	in := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return texts
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "text"
			if in {
				texts = append(texts, "")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				texts[len(texts)-1] += string(tok)
			}
		}
	}
}

// TestCounted: an edge's evidence is counted by status and dropped, unless
// the store already counted its statuses (then they are not counted twice).
func TestCounted(t *testing.T) {
	ev := []graph.Mention{{Status: graph.Alleged}, {Status: graph.Denied}}
	e := counted(graph.Edge{Evidence: ev})
	if e.Statuses != (graph.StatusCounts{Alleged: 1, Denied: 1}) || e.Evidence != nil {
		t.Errorf("counted from evidence: %+v", e)
	}
	stored := graph.StatusCounts{Asserted: 3, Alleged: 1, Denied: 1}
	if e := counted(graph.Edge{Evidence: ev, Statuses: stored}); e.Statuses != stored || e.Evidence != nil {
		t.Errorf("counted by the store: %+v", e)
	}
}
