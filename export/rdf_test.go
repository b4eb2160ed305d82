package export_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// nquad matches one line of the RDF export: a blank node subject, a
// predicate, a blank node or string object, optional facets.
var nquad = regexp.MustCompile(`^_:([A-Za-z0-9_][A-Za-z0-9_:-]*) <([a-z_.]+)> (?:_:[A-Za-z0-9_][A-Za-z0-9_:-]*|"(?:[^"\\\n]|\\["\\nrt]|\\u[0-9A-F]{4})*")(?: \(([a-z_]+=[0-9TZ:-]+(?:, [a-z_]+=[0-9TZ:-]+)*)\))? \.$`)

func mustRDF(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.RDF(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRDFGolden(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"graph": testGraph(), "labels": labelGraph(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name+".rdf.golden", []byte(mustRDF(t, g)))
		})
	}
}

// TestRDFLines checks every line's syntax and that every predicate is in
// the schema, and that the graph's edges and actors are all there.
func TestRDFLines(t *testing.T) {
	var schema bytes.Buffer
	if err := export.DgraphSchema(&schema); err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*graph.Graph{"graph": testGraph(), "labels": labelGraph()} {
		t.Run(name, func(t *testing.T) {
			out := mustRDF(t, g)
			preds := map[string]int{}
			for line := range strings.Lines(out) {
				m := nquad.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
				if m == nil {
					t.Errorf("not an N-Quad line: %q", line)
					continue
				}
				preds[m[2]]++
			}
			for p := range preds {
				if p != "dgraph.type" && !strings.Contains(schema.String(), "\n"+p+": ") && !strings.HasPrefix(schema.String(), p+": ") {
					t.Errorf("predicate %s is not in the schema", p)
				}
			}
			for _, e := range g.Edges {
				want := fmt.Sprintf("_:%s <%s> _:%s (articles=%d, mentions=%d", export.BlankNode(e.Source),
					export.DgraphPredicate(e.Relation), export.BlankNode(e.Target), e.Articles, e.Mentions)
				if !strings.Contains(out, want) {
					t.Errorf("no line starting %q", want)
				}
			}
			ids := map[graph.ActorID]bool{}
			for _, a := range g.Actors {
				ids[a.ID] = true
			}
			if preds["xid"] < len(ids) || preds["dgraph.type"] != preds["xid"] {
				t.Errorf("%d xid and %d dgraph.type quads for %d distinct actors", preds["xid"], preds["dgraph.type"], len(ids))
			}
		})
	}
}

func TestRDFEscapes(t *testing.T) {
	out := mustRDF(t, labelGraph())
	for _, want := range []string{
		`_:group:front <name> "The \"Northern\"\tFront\ncommittee" .`,
		`_:org:back_5Cslash <name> "Back\\slash \u0001Union` + "\u2028" + `HQ <b>&</b>" .`,
		`_:person:x <affiliation> _:group:front .`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing line %s\nin:\n%s", want, out)
		}
	}
}

func TestRDFDeterministic(t *testing.T) {
	want := mustRDF(t, testGraph())
	for seed := range uint64(5) {
		if got := mustRDF(t, shuffled(testGraph(), seed)); got != want {
			t.Fatalf("seed %d: the RDF of a shuffled graph differs", seed)
		}
	}
}

// TestRDFWriterStreams checks that writing sorted actors and edges one at a
// time gives the bytes of RDF.
func TestRDFWriterStreams(t *testing.T) {
	g := testGraph()
	want := mustRDF(t, g)
	sorted := shuffled(g, 1)
	sorted.Sort()
	var buf bytes.Buffer
	rw := export.NewRDFWriter(&buf)
	seen := map[graph.ActorID]bool{}
	for _, a := range sorted.Actors {
		if !seen[a.ID] { // RDF keeps one actor per id
			seen[a.ID] = true
			rw.Actor(a)
		}
	}
	for _, e := range sorted.Edges {
		rw.Edge(e)
	}
	if err := rw.Flush(); err != nil {
		t.Fatal(err)
	}
	// Duplicates resolve to the least actor in RDF; compare the edges and
	// the set of subjects rather than the actor lines.
	if got := edgeLines(buf.String()); !slices.Equal(got, edgeLines(want)) {
		t.Errorf("streamed edges differ:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(edgeLines(want), "\n"))
	}
}

// edgeLines returns the lines with facets (the edges).
func edgeLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		if strings.Contains(line, "(articles=") {
			out = append(out, line)
		}
	}
	return out
}

func TestBlankNode(t *testing.T) {
	tests := []struct {
		id   graph.ActorID
		want string
	}{
		{"PRK", "PRK"},
		{"person:kim-yo-jong", "person:kim-yo-jong"},
		{"org:un security council", "org:un_20security_20council"},
		{"org:a_b", "org:a_5Fb"},
		{"-x", "_2Dx"},
		{":x", "_3Ax"},
		{"person:josé", "person:jos_C3_A9"},
		{"a.b", "a_2Eb"},
	}
	for _, tt := range tests {
		if got := export.BlankNode(tt.id); got != tt.want {
			t.Errorf("BlankNode(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func FuzzBlankNode(f *testing.F) {
	for _, s := range []string{"PRK", "org:un security council", "a_b", "a_5Fb", "é", "-"} {
		f.Add(s, s+"x")
	}
	label := regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_:-]*$`)
	f.Fuzz(func(t *testing.T, a, b string) {
		la, lb := export.BlankNode(graph.ActorID(a)), export.BlankNode(graph.ActorID(b))
		if a != "" && !label.MatchString(la) {
			t.Errorf("BlankNode(%q) = %q: not a valid label", a, la)
		}
		if (a == b) != (la == lb) {
			t.Errorf("BlankNode(%q) = %q, BlankNode(%q) = %q", a, la, b, lb)
		}
	})
}

func TestDgraphSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := export.DgraphSchema(&buf); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, r := range graph.Relations {
		p := export.DgraphPredicate(r)
		if !strings.Contains(s, "\n"+p+": [uid] @reverse @count .\n") || !strings.Contains(s, "\n  "+p+"\n") {
			t.Errorf("schema lacks relation %s:\n%s", p, s)
		}
	}
	if export.DgraphPredicate(graph.AlliesWith) != "allies_with" {
		t.Errorf("DgraphPredicate(allies-with) = %q", export.DgraphPredicate(graph.AlliesWith))
	}
}

func TestRDFWriteError(t *testing.T) {
	if err := export.RDF(&failWriter{n: 100}, testGraph()); !errors.Is(err, errDiskFull) {
		t.Errorf("RDF to a failing writer: %v, want the write error", err)
	}
	if err := export.DgraphSchema(&failWriter{}); !errors.Is(err, errDiskFull) {
		t.Errorf("DgraphSchema to a failing writer: %v, want the write error", err)
	}
}

func BenchmarkRDF(b *testing.B) {
	g := bigGraph(1000, 100000)
	b.ReportAllocs()
	for b.Loop() {
		if err := export.RDF(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(g.Edges)), "ns/edge")
}
