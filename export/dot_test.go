package export_test

import (
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"geokg/export"
	"geokg/graph"
)

func writeDOT(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.DOT(&buf, g); err != nil {
		t.Fatalf("DOT: %v", err)
	}
	return buf.String()
}

// TestDOTRendersWithGraphviz feeds each test graph to `dot -Tsvg`, when
// Graphviz is installed, and fails on any error or warning it prints.
func TestDOTRendersWithGraphviz(t *testing.T) {
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz `dot` is not on PATH; install graphviz to check that the DOT output renders")
	}
	for name, g := range map[string]*graph.Graph{
		"graph": testGraph(), "labels": labelGraph(), "empty": {}, "generated": bigGraph(40, 80),
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-Tsvg")
			cmd.Stdin = strings.NewReader(writeDOT(t, g))
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
			}
			if !strings.Contains(stdout.String(), "</svg>") {
				t.Errorf("dot -Tsvg wrote no SVG")
			}
		})
	}
}

var (
	nodeLine = regexp.MustCompile(`^\t+n\d+\[`)
	edgeLine = regexp.MustCompile(`^\t+n\d+->n\d+\[`)
	labelAt  = regexp.MustCompile(`label="((?:[^"\\]|\\.)*)"`)
)

// legendNodes and legendEdges are the legend's size: one node per actor type
// and two nodes and an edge per sample edge (five relations, four statuses,
// affiliation).
var (
	legendEdges = len(graph.Relations) + len(graph.Statuses) + 1
	legendNodes = len(graph.ActorTypes) + 2*legendEdges
)

// TestDOTStructure counts node and edge statements against the graph and
// checks each line is well formed without Graphviz.
func TestDOTStructure(t *testing.T) {
	g := testGraph()
	out := writeDOT(t, g)
	actors := map[graph.ActorID]bool{}
	affiliations := 0
	for _, a := range g.Actors {
		if !actors[a.ID] && a.Affiliation != "" {
			affiliations++
		}
		actors[a.ID] = true
	}
	var nodes, edges int
	for _, line := range strings.Split(out, "\n") {
		if nodeLine.MatchString(line) {
			nodes++
		}
		if edgeLine.MatchString(line) {
			edges++
		}
	}
	if want := len(actors) + legendNodes; nodes != want {
		t.Errorf("got %d node statements, want %d", nodes, want)
	}
	if want := len(g.Edges) + affiliations + legendEdges; edges != want {
		t.Errorf("got %d edge statements, want %d", edges, want)
	}
	if !strings.HasPrefix(out, "digraph geokg {\n") || !strings.HasSuffix(out, "}\n") {
		t.Errorf("output does not look like one digraph:\n%s", out)
	}
	if strings.Count(out, "{") != strings.Count(out, "}") {
		t.Errorf("unbalanced braces:\n%s", out)
	}
}

// TestDOTLabels checks that quotes survive escaped and that tabs, newlines
// and control characters never reach a label.
func TestDOTLabels(t *testing.T) {
	out := writeDOT(t, labelGraph())
	for _, line := range strings.Split(out, "\n") {
		body := strings.TrimLeft(line, "\t")
		if strings.ContainsAny(body, "\t\r\x00\x01\x07\u2028") {
			t.Errorf("raw tab or control character in %q", line)
		}
		if strings.Contains(body, `\x`) || strings.Contains(body, `\u`) || strings.Contains(body, `\n`) || strings.Contains(body, `\t`) {
			t.Errorf("Go escape that Graphviz would print literally in %q", line)
		}
	}
	labels := map[string]bool{}
	for _, m := range labelAt.FindAllStringSubmatch(out, -1) {
		labels[m[1]] = true
	}
	for _, want := range []string{`The \"Northern\" Front committee`, `Back\\slash Union HQ <b>&</b>`, "person:x"} {
		if !labels[want] {
			t.Errorf("no label %q in:\n%s", want, out)
		}
	}
}

// TestDOTEdgeStyle checks the drawing rules for one edge at a time: the
// relation gives the colour and arrowhead, the statuses of its evidence (or
// its counted statuses) the line and the word after the count.
func TestDOTEdgeStyle(t *testing.T) {
	asserted := []graph.Mention{{Status: graph.Asserted}, {Status: graph.Alleged}}
	alleged := []graph.Mention{{Status: graph.Alleged}, {Status: graph.Denied}}
	promised := []graph.Mention{{Status: graph.Alleged}, {Status: graph.Promised}}
	denied := []graph.Mention{{Status: graph.Denied}}
	tests := []struct {
		name     string
		rel      graph.Relation
		articles int
		evidence []graph.Mention
		counts   graph.StatusCounts
		want     []string
		notWant  []string
	}{
		{"accuses", graph.Accuses, 1, asserted, graph.StatusCounts{}, []string{`color="#D55E00"`, `arrowhead="normal"`, `label="1"`, `penwidth="1.0"`, `(1 asserted, 1 alleged)`}, []string{"style=", "dir="}},
		{"denies", graph.Denies, 2, asserted, graph.StatusCounts{}, []string{`color="#000000"`, `arrowhead="tee"`, `penwidth="2.0"`}, []string{"style="}},
		{"supplies unknown", graph.Supplies, 4, nil, graph.StatusCounts{}, []string{`color="#0072B2"`, `arrowhead="vee"`, `label="4"`, `penwidth="3.0"`}, []string{"style=", "asserted"}},
		{"allies", graph.AlliesWith, 1, asserted, graph.StatusCounts{}, []string{`color="#009E73"`, `dir="none"`}, []string{"style="}},
		{"recognizes", graph.Recognizes, 1, asserted, graph.StatusCounts{}, []string{`color="#E69F00"`, `arrowhead="diamond"`}, []string{"style="}},
		{"capped", graph.Accuses, 100000, asserted, graph.StatusCounts{}, []string{`label="100000"`, `penwidth="6.0"`}, nil},
		{"alleged", graph.Supplies, 3, alleged, graph.StatusCounts{}, []string{`label="3 alleged"`, `style="dashed"`, `(1 alleged, 1 denied)`}, nil},
		{"promised", graph.Supplies, 3, promised, graph.StatusCounts{}, []string{`label="3 promised"`, `style="dashed"`}, nil},
		{"denied", graph.Supplies, 1, denied, graph.StatusCounts{}, []string{`label="1 denied"`, `style="dotted"`}, nil},
		{"counted alleged", graph.Supplies, 2, nil, graph.StatusCounts{Alleged: 2}, []string{`label="2 alleged"`, `style="dashed"`}, nil},
		{"counts over cut evidence", graph.Supplies, 2, denied, graph.StatusCounts{Asserted: 1, Denied: 1}, []string{`label="2"`}, []string{"style=", "denied\""}},
		{"unknown relation", graph.Relation("bombs"), 1, asserted, graph.StatusCounts{}, []string{`color="gray40"`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := &graph.Graph{Edges: []graph.Edge{{
				EdgeKey: graph.NewEdgeKey("ARM", tc.rel, "AZE"), Articles: tc.articles, Evidence: tc.evidence, Statuses: tc.counts,
			}}}
			var line string
			for _, l := range strings.Split(writeDOT(t, g), "\n") {
				if strings.HasPrefix(l, "\tn1->n2[") {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("no edge n1->n2 in the output")
			}
			for _, w := range tc.want {
				if !strings.Contains(line, w) {
					t.Errorf("edge %s lacks %s", line, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(line, w) {
					t.Errorf("edge %s has %s", line, w)
				}
			}
		})
	}
}

// TestDOTShapes checks that each actor type gets its own shape.
func TestDOTShapes(t *testing.T) {
	shapes := map[string]graph.ActorType{}
	for _, typ := range graph.ActorTypes {
		g := &graph.Graph{Actors: []graph.Actor{{ID: "X", Name: "X", Type: typ}}}
		var line string
		for _, l := range strings.Split(writeDOT(t, g), "\n") {
			if strings.HasPrefix(l, "\tn1[") {
				line = l
			}
		}
		m := regexp.MustCompile(`shape="(\w+)"(,style="(\w+)")?`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("type %s: no shape in %q", typ, line)
		}
		key := m[1] + "/" + m[3]
		if other, ok := shapes[key]; ok {
			t.Errorf("types %s and %s are both drawn as %s", other, typ, key)
		}
		shapes[key] = typ
	}
}
