package main

import (
	"cmp"
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"geokg/export"
	"geokg/graph"
	"geokg/store"
)

type exportOptions struct {
	Format    string
	Actor     string
	Depth     int
	Relations []string
	Evidence  int
	Output    string
	narrow    narrowFlags
	picture   pictureFlags
}

func newExportCommand(g *globalOptions) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph, or one actor's neighbourhood, as DOT, SVG, PNG, JSON, GraphML or RDF",
		Long: `Export writes the whole graph in the store, or with --actor the actors within
--depth hops of one actor and the edges between them, as Graphviz DOT, an
SVG or PNG picture, JSON (the schema is in docs/json.md), GraphML or RDF.
The output is sorted, so the same store always gives the same bytes.
Without --format, the format comes from -o's extension (graph.png draws a
PNG), else DOT.

With -o the output goes to a temporary file that is renamed over FILE only
once it is complete: a failed export leaves no half-written file. A
symbolic link is followed to its target; a device or FIFO is written in
place; a FILE inside the store folder is refused.`,
		Example: `  geokg export --format dot | dot -Tsvg > graph.svg
  geokg export -o graph.json
  geokg export --actor Iran --depth 2 --relation supplies --format dot`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runExport(cmd.Context(), opts, g, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "", "output `format`: dot, svg, png, json, graphml, rdf (N-Quads for dgraph live) or dgraph-schema (default: from -o's extension, else dot)")
	f.StringVar(&opts.Actor, "actor", "", "export only the neighbourhood of this actor (`NAME`, id or alias)")
	f.IntVar(&opts.Depth, "depth", 1, "with --actor, how many hops away to go")
	f.StringSliceVar(&opts.Relations, "relation", nil, "only this `relation` (repeatable)")
	f.IntVar(&opts.Evidence, "evidence", -1, "JSON: evidence sentences per edge, -1 for all")
	f.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` instead of stdout")
	opts.narrow.add(f)
	opts.picture.add(f)
	return cmd
}

func runExport(ctx context.Context, opts exportOptions, g *globalOptions, stdout, stderr io.Writer) (err error) {
	const cmd = "geokg export"
	if opts.Format, err = chooseFormat(cmd, opts.Format, opts.Output); err != nil {
		return err
	}
	if err := g.checkOutput(opts.Output); err != nil {
		return err
	}
	write, ok := map[string]func(io.Writer, *graph.Graph) error{"dot": export.DOT, "json": export.JSON, "rdf": export.RDF, "graphml": export.GraphML}[opts.Format]
	if opts.Format == "dgraph-schema" {
		return writeOut(opts.Output, stdout, export.DgraphSchema)
	}
	if !ok && !pictureFormats[opts.Format] {
		return usagef(cmd, "--format %q: want dot, svg, png, json, graphml, rdf or dgraph-schema", opts.Format)
	}
	if opts.Depth < 0 {
		return usagef(cmd, "--depth %d: want 0 or more", opts.Depth)
	}
	f, err := exportFilter(cmd, opts)
	if err != nil {
		return err
	}
	var po export.PictureOptions
	if pictureFormats[opts.Format] {
		if po, err = opts.picture.options(cmd); err != nil {
			return err
		}
	}
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	if opts.Actor == "" && streamFormats[opts.Format] && !f.Rollup {
		return writeOut(opts.Output, stdout, func(w io.Writer) error { return streamExport(ctx, s, opts.Format, f, w) })
	}
	gr, err := exportGraph(ctx, s, g, opts, f)
	if err != nil {
		return err
	}
	if pictureFormats[opts.Format] {
		if po.Caption, err = pictureCaption(ctx, s, opts); err != nil {
			return err
		}
		write = func(w io.Writer, gr *graph.Graph) error { return drawPicture(ctx, opts.Format, po, gr, w, stderr) }
	}
	return writeOut(opts.Output, stdout, func(w io.Writer) error { return write(w, gr) })
}

// exportFilter is the store filter of an export: --relation, --evidence
// and the narrowing flags, with the evidence its format needs.
func exportFilter(cmd string, opts exportOptions) (store.Filter, error) {
	f, err := parseFilter(cmd, opts.Relations, "", opts.Evidence)
	if err == nil {
		err = opts.narrow.apply(cmd, &f)
	}
	if err != nil {
		return f, err
	}
	if opts.Format == "rdf" {
		f.Evidence = 0 // it writes no evidence
	}
	if statusFormats[opts.Format] {
		f.Evidence = -1 // every mention's status is counted, then its sentence dropped
	}
	return f, nil
}

// exportGraph is the graph an export writes: the whole store's, or the
// neighbourhood of --actor to --depth, with counted statuses for the
// formats that show them.
func exportGraph(ctx context.Context, s *store.Store, g *globalOptions, opts exportOptions, f store.Filter) (*graph.Graph, error) {
	var a graph.Actor
	if opts.Actor != "" {
		var err error
		if a, err = resolve(ctx, s, g, opts.Actor); err != nil {
			return nil, err
		}
	}
	switch {
	case statusFormats[opts.Format]:
		return countedGraph(ctx, s, a.ID, opts.Depth, f)
	case opts.Actor == "":
		return s.Graph(ctx, f)
	default:
		return s.Neighborhood(ctx, a.ID, opts.Depth, f)
	}
}

// formatByExtension is the export format an -o file name implies.
var formatByExtension = map[string]string{
	".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".json": "json",
	".graphml": "graphml", ".rdf": "rdf", ".nq": "rdf", ".schema": "dgraph-schema",
}

// chooseFormat is the export format: --format when given, else the one
// -o's extension implies, else dot. A --format that another known
// extension contradicts (--format dot -o graph.png) is a usage error.
func chooseFormat(cmd, format, output string) (string, error) {
	ext := strings.ToLower(filepath.Ext(output))
	implied := formatByExtension[ext]
	if format == "" {
		return cmp.Or(implied, "dot"), nil
	}
	if implied != "" && implied != strings.ToLower(format) {
		return "", usagef(cmd, "--format %s contradicts -o %s, whose %s extension means %s: drop --format or rename the file", format, output, ext, implied)
	}
	return format, nil
}
