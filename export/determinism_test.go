package export_test

import (
	"bytes"
	"reflect"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// writers are the four output functions, each fed a graph (views are built
// from it for PRK, which has links in and out and through a spokesperson).
var writers = map[string]func(*bytes.Buffer, *graph.Graph) error{
	"json":      func(w *bytes.Buffer, g *graph.Graph) error { return export.JSON(w, g) },
	"dot":       func(w *bytes.Buffer, g *graph.Graph) error { return export.DOT(w, g) },
	"viewjson":  func(w *bytes.Buffer, g *graph.Graph) error { return export.ViewJSON(w, viewOf(g, "PRK")) },
	"viewtable": func(w *bytes.Buffer, g *graph.Graph) error { return export.ViewTable(w, viewOf(g, "PRK")) },
}

// TestDeterministic shuffles actors, edges and evidence and expects the same
// bytes every time.
func TestDeterministic(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := write(&want, testGraph()); err != nil {
				t.Fatal(err)
			}
			for seed := range uint64(25) {
				var got bytes.Buffer
				if err := write(&got, shuffled(testGraph(), seed)); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d: output differs (-sorted +shuffled):\n%s", seed, lineDiff(want.String(), got.String()))
				}
			}
		})
	}
}

// TestDeterministicView shuffles a view's links and their evidence.
func TestDeterministicView(t *testing.T) {
	v := viewOf(testGraph(), "PRK")
	for name, write := range map[string]func(*bytes.Buffer, *graph.View) error{
		"viewjson":  func(w *bytes.Buffer, v *graph.View) error { return export.ViewJSON(w, v) },
		"viewtable": func(w *bytes.Buffer, v *graph.View) error { return export.ViewTable(w, v) },
	} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := write(&want, v); err != nil {
				t.Fatal(err)
			}
			for seed := range uint64(25) {
				var got bytes.Buffer
				if err := write(&got, shuffledView(v, seed)); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d: output differs (-sorted +shuffled):\n%s", seed, lineDiff(want.String(), got.String()))
				}
			}
		})
	}
}

// TestInputUnchanged checks that exporting leaves an unsorted graph and its
// view exactly as they were.
func TestInputUnchanged(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			g, want := shuffled(testGraph(), 7), shuffled(testGraph(), 7)
			if err := write(new(bytes.Buffer), g); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, want) {
				t.Errorf("the graph changed while being written")
			}
		})
	}
	v, want := shuffledView(viewOf(testGraph(), "PRK"), 3), shuffledView(viewOf(testGraph(), "PRK"), 3)
	if err := export.ViewJSON(new(bytes.Buffer), v); err != nil {
		t.Fatal(err)
	}
	if err := export.ViewTable(new(bytes.Buffer), v); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("the view changed while being written")
	}
}
