package export_test

import (
	"bytes"
	"io"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// goldenCases are every output format on every test input.
func goldenCases() []struct {
	name  string
	write func(io.Writer) error
} {
	g, labels, empty := testGraph(), labelGraph(), &graph.Graph{}
	prk, nato := viewOf(g, "PRK"), viewOf(g, "org:nato")
	lonely := viewOf(g, "territory:nowhere")
	lonely.Actor = graph.Actor{ID: "territory:nowhere", Name: "Nowhere", Type: graph.Territory}
	return []struct {
		name  string
		write func(io.Writer) error
	}{
		{"graph.json", func(w io.Writer) error { return export.JSON(w, g) }},
		{"graph.dot", func(w io.Writer) error { return export.DOT(w, g) }},
		{"graph.graphml", func(w io.Writer) error { return export.GraphML(w, g) }},
		{"graph.picture.dot", func(w io.Writer) error { return pictureDOT(w, g, export.LayoutDot) }},
		{"graph.picture-sfdp.dot", func(w io.Writer) error { return pictureDOT(w, g, export.LayoutSFDP) }},
		{"labels.json", func(w io.Writer) error { return export.JSON(w, labels) }},
		{"labels.dot", func(w io.Writer) error { return export.DOT(w, labels) }},
		{"empty.json", func(w io.Writer) error { return export.JSON(w, empty) }},
		{"empty.dot", func(w io.Writer) error { return export.DOT(w, empty) }},
		{"view-prk.json", func(w io.Writer) error { return export.ViewJSON(w, prk) }},
		{"view-prk.txt", func(w io.Writer) error { return export.ViewTable(w, prk) }},
		{"view-nato.txt", func(w io.Writer) error { return export.ViewTable(w, nato) }},
		{"view-empty.json", func(w io.Writer) error { return export.ViewJSON(w, lonely) }},
		{"view-empty.txt", func(w io.Writer) error { return export.ViewTable(w, lonely) }},
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf); err != nil {
				t.Fatalf("write: %v", err)
			}
			checkGolden(t, tc.name+".golden", buf.Bytes())
		})
	}
}

// pictureDOT writes the Graphviz source of g's picture with the layout,
// capped to 5 actors, with a caption.
func pictureDOT(w io.Writer, g *graph.Graph, layout string) error {
	src, _, err := export.PictureDOT(g, export.PictureOptions{Layout: layout, MaxActors: 5, Caption: export.Caption{
		Articles: 6, From: day("2024-03-02"), To: day("2024-07-15"), Filters: "--since 2024-03-01",
	}})
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}
