package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFormatFromExtension checks that export without --format writes
// what -o's extension names, and refuses a --format the extension
// contradicts without creating the file.
func TestExportFormatFromExtension(t *testing.T) {
	db := viewsStore(t)
	dir := t.TempDir()
	isXML := func(root string) func([]byte) bool {
		return func(b []byte) bool { return parseXML(t, b) == root }
	}
	for _, tc := range []struct {
		name  string
		dot   bool // needs the Graphviz dot program
		check func([]byte) bool
	}{
		{name: "graph.json", check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("{\n\"nodes\"")) }},
		{name: "graph.dot", check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("digraph geokg {")) }},
		{name: "graph.gv", check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("digraph geokg {")) }},
		{name: "graph.graphml", check: isXML("graphml")},
		{name: "Graph.GraphML", check: isXML("graphml")},
		{name: "graph.rdf", check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("_:")) && bytes.HasSuffix(b, []byte(" .\n")) }},
		{name: "graph.schema", check: func(b []byte) bool { return bytes.Contains(b, []byte("type Actor")) }},
		{name: "graph.svg", dot: true, check: isXML("svg")},
		{name: "graph.png", dot: true, check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }},
		{name: "graph.txt", check: func(b []byte) bool { return bytes.HasPrefix(b, []byte("digraph geokg {")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := exec.LookPath("dot"); err != nil && tc.dot {
				t.Skip("the Graphviz dot program is not installed")
			}
			out := filepath.Join(dir, tc.name)
			mustRun(t, 0, "export", "--db", db, "-o", out)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(b) {
				t.Errorf("%s holds the wrong format:\n%.200s", tc.name, b)
			}
		})
	}
	// --format agreeing with the extension, or with an unknown one, is taken.
	mustRun(t, 0, "export", "--db", db, "--format", "json", "-o", filepath.Join(dir, "agree.json"))
	mustRun(t, 0, "export", "--db", db, "--format", "json", "-o", filepath.Join(dir, "graph.out"))
	for _, tc := range [][2]string{{"dot", "graph.png"}, {"json", "graph.svg"}, {"svg", "graph.json"}, {"rdf", "graph.graphml"}} {
		out := filepath.Join(dir, "refused-"+tc[1])
		r := mustRun(t, 2, "export", "--db", db, "--format", tc[0], "-o", out)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if !strings.Contains(first, "--format "+tc[0]+" contradicts -o "+out) || strings.Count(r.stderr, "geokg: ") != 1 {
			t.Errorf("--format %s -o %s: stderr %q, want one line naming both", tc[0], tc[1], r.stderr)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("--format %s -o %s created the file", tc[0], tc[1])
		}
	}
}
