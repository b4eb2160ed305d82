package export_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"geokg/export"
	"geokg/graph"
)

// svgNodes parses an SVG picture as XML and counts its node groups.
func svgNodes(t *testing.T, b []byte) int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	nodes, root := 0, ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		for _, a := range se.Attr {
			if se.Name.Local == "g" && a.Name.Local == "class" && a.Value == "node" {
				nodes++
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return nodes
}

// needDot skips a test that draws a picture when the Graphviz dot program
// is not installed.
func needDot(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath(export.DotProgram); err != nil {
		t.Skip("the Graphviz dot program is not installed: pictures cannot be drawn")
	}
}

func TestSVG300Actors(t *testing.T) {
	needDot(t)
	g := bigGraph(300, 900)
	var b bytes.Buffer
	pic, err := export.SVG(context.Background(), &b, g, export.PictureOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if pic.Layout != export.LayoutSFDP || pic.Actors != 300 || pic.Edges != export.DefaultMaxEdges || pic.ActorCap || !pic.EdgeCap {
		t.Errorf("picture %+v, want all 300 actors and the %d strongest edges with sfdp", pic, export.DefaultMaxEdges)
	}
	if n := svgNodes(t, b.Bytes()); n != 300 {
		t.Errorf("%d nodes drawn, want 300", n)
	}
	if !strings.Contains(b.String(), "Drawn: 600 of 900 relations") {
		t.Error("the caption does not say which relations were left out")
	}
}

func TestPictureLayoutChoice(t *testing.T) {
	needDot(t)
	tests := []struct {
		actors, edges int
		layout        string
		want          string
	}{
		{12, 20, "", export.LayoutDot},
		{export.DotMaxActors, export.DotMaxEdges, "", export.LayoutDot},
		{export.DotMaxActors, export.DotMaxEdges + 1, "", export.LayoutSFDP},
		{export.DotMaxActors + 1, 50, "", export.LayoutSFDP},
		{12, 20, export.LayoutNeato, export.LayoutNeato},
		{12, 20, "SFDP", export.LayoutSFDP},
		{export.DotMaxActors + 1, 50, "auto", export.LayoutSFDP},
		{export.DotMaxActors + 1, 50, "dot", export.LayoutDot},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		pic, err := export.SVG(context.Background(), &b, bigGraph(tt.actors, tt.edges), export.PictureOptions{Layout: tt.layout})
		if err != nil {
			t.Fatal(err)
		}
		if pic.Layout != tt.want {
			t.Errorf("%d actors, %d edges, layout %q: got %s, want %s", tt.actors, tt.edges, tt.layout, pic.Layout, tt.want)
		}
		svgNodes(t, b.Bytes())
	}
}

func TestPictureCap(t *testing.T) {
	needDot(t)
	g := bigGraph(400, 1000) // actor 0 is a hub: every tenth edge
	var b bytes.Buffer
	pic, err := export.SVG(context.Background(), &b, g, export.PictureOptions{MaxActors: 40, MaxEdges: 12})
	if err != nil {
		t.Fatal(err)
	}
	if !pic.Capped() || pic.Actors != 40 || pic.Edges != 12 || pic.TotalActors != 400 || pic.TotalEdges != 1000 {
		t.Errorf("picture %+v, want 40 of 400 actors and 12 of 1000 edges", pic)
	}
	if n := svgNodes(t, b.Bytes()); n != 40 {
		t.Errorf("%d nodes drawn, want 40", n)
	}
	if !strings.Contains(b.String(), ">"+g.Actors[0].Name+"<") {
		t.Error("the hub, the most connected actor, was left out")
	}
	if !pic.ActorCap || !pic.EdgeCap || !strings.Contains(b.String(), "40 of 400 actors (the most connected)") {
		t.Error("the legend does not say the picture is capped")
	}
}

func TestPictureStops(t *testing.T) {
	needDot(t)
	g := bigGraph(30, 45)
	_, err := export.SVG(context.Background(), io.Discard, g, export.PictureOptions{Layout: export.LayoutDot, Timeout: time.Millisecond})
	if !errors.Is(err, export.ErrTimeout) {
		t.Errorf("%v, want ErrTimeout", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if _, err := export.SVG(ctx, &b, g, export.PictureOptions{}); !errors.Is(err, context.Canceled) || b.Len() != 0 {
		t.Errorf("cancelled: %v and %d bytes, want context.Canceled and nothing written", err, b.Len())
	}
	// The killed layout does not stop the next picture.
	if _, err := export.SVG(context.Background(), io.Discard, bigGraph(10, 12), export.PictureOptions{}); err != nil {
		t.Errorf("after a timeout: %v", err)
	}
}

func TestPNG(t *testing.T) {
	g := bigGraph(10, 15)
	old := export.DotProgram
	export.DotProgram = "geokg-test-no-such-program"
	_, err := export.PNG(context.Background(), io.Discard, g, export.PictureOptions{})
	export.DotProgram = old
	if !errors.Is(err, export.ErrNoGraphviz) {
		t.Errorf("without dot: %v, want ErrNoGraphviz", err)
	}
	if _, err := exec.LookPath(old); err != nil {
		t.Skip("the Graphviz dot program is not installed")
	}
	var b bytes.Buffer
	if _, err := export.PNG(context.Background(), &b, g, export.PictureOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("not a PNG: %q", b.Bytes()[:min(8, b.Len())])
	}
}

func TestParseLayout(t *testing.T) {
	for in, want := range map[string]string{"": "", "auto": "", "DOT": "dot", " sfdp ": "sfdp", "neato": "neato"} {
		if got, err := export.ParseLayout(in); err != nil || got != want {
			t.Errorf("ParseLayout(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := export.ParseLayout("circo"); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("ParseLayout(circo): %v, want ErrInvalid", err)
	}
}

func BenchmarkSVG(b *testing.B) {
	needDot(b)
	for _, size := range []struct{ actors, edges int }{{50, 100}, {300, 900}} {
		g := bigGraph(size.actors, size.edges)
		b.Run(fmt.Sprintf("%d-actors", size.actors), func(b *testing.B) {
			for b.Loop() {
				if _, err := export.SVG(context.Background(), io.Discard, g, export.PictureOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// nodeTexts maps each SVG node's tooltip (the actor id) to the texts drawn
// in it.
func nodeTexts(t *testing.T, b []byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, nodeDepth, id, inText := 0, 0, "", false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			for _, a := range tok.Attr {
				switch {
				case tok.Name.Local == "g" && a.Name.Local == "class" && a.Value == "node":
					nodeDepth, id = depth, ""
				case nodeDepth > 0 && tok.Name.Local == "a" && a.Name.Local == "title" && id == "":
					id = a.Value
					out[id] = nil
				}
			}
			inText = nodeDepth > 0 && tok.Name.Local == "text"
		case xml.EndElement:
			if depth == nodeDepth {
				nodeDepth = 0
			}
			depth--
			inText = false
		case xml.CharData:
			if inText && id != "" {
				out[id] = append(out[id], string(tok))
			}
		}
	}
}

// TestPicturePersons: a person is drawn beside its state: as its own node
// joined by a "speaks for" edge with dot, as a row of the state's box with
// the force layouts.
func TestPicturePersons(t *testing.T) {
	needDot(t)
	g := &graph.Graph{
		Actors: []graph.Actor{
			{ID: "UKR", Name: "Ukraine", Type: graph.Country},
			{ID: "BLR", Name: "Belarus", Type: graph.Country},
			{ID: "RUS", Name: "Russia", Type: graph.Country},
			{ID: "person:sybiha", Name: "Andrii Sybiha", Type: graph.Person, Affiliation: "UKR"},
		},
		Edges: []graph.Edge{
			{EdgeKey: graph.NewEdgeKey("person:sybiha", graph.Accuses, "BLR"), Articles: 1, Mentions: 1},
			{EdgeKey: graph.NewEdgeKey("UKR", graph.Accuses, "RUS"), Articles: 2, Mentions: 2},
			{EdgeKey: graph.NewEdgeKey("BLR", graph.AlliesWith, "RUS"), Articles: 1, Mentions: 1},
		},
	}
	for _, layout := range []string{export.LayoutDot, export.LayoutSFDP, export.LayoutNeato} {
		var b bytes.Buffer
		if _, err := export.SVG(context.Background(), &b, g, export.PictureOptions{Layout: layout}); err != nil {
			t.Fatal(err)
		}
		nodes := nodeTexts(t, b.Bytes())
		switch {
		case layout == export.LayoutDot:
			if !slices.Contains(nodes["person:sybiha"], "Andrii Sybiha") || !strings.Contains(b.String(), "Andrii Sybiha speaks for Ukraine") {
				t.Errorf("dot: nodes %q, want Sybiha on his own with a speaks-for edge", nodes)
			}
		case !slices.Contains(nodes["UKR"], "Andrii Sybiha") || len(nodes) != 3:
			t.Errorf("%s: nodes %q, want Sybiha in Ukraine's box", layout, nodes)
		}
	}
}
