package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/pflag"

	"geokg/export"
	"geokg/graph"
	"geokg/store"
)

// pictureFlags are export's flags for --format svg and png.
type pictureFlags struct {
	Layout    string
	MaxActors int
	MaxEdges  int
	Timeout   time.Duration
}

func (p *pictureFlags) add(f *pflag.FlagSet) {
	f.StringVar(&p.Layout, "layout", "auto", "svg/png: Graphviz `layout`: auto, dot, sfdp or neato")
	f.IntVar(&p.MaxActors, "max-actors", export.DefaultMaxActors, "svg/png: draw at most `N` actors, the most connected (-1: all)")
	f.IntVar(&p.MaxEdges, "max-edges", export.DefaultMaxEdges, "svg/png: draw at most `N` edges, those with the most articles (-1: all)")
	f.DurationVar(&p.Timeout, "timeout", export.DefaultPicTimeout, "svg/png: give up drawing after this `duration`")
}

// pictureFormats are the export formats drawn by Graphviz.
var pictureFormats = map[string]bool{"svg": true, "png": true}

// options checks the flags; a bad value is a usage error of cmd.
func (p *pictureFlags) options(cmd string) (export.PictureOptions, error) {
	layout, err := export.ParseLayout(p.Layout)
	if err != nil {
		return export.PictureOptions{}, usagef(cmd, "--layout %q: want auto, dot, sfdp or neato", p.Layout)
	}
	if p.MaxActors == 0 || p.MaxEdges == 0 {
		return export.PictureOptions{}, usagef(cmd, "--max-actors and --max-edges: want a positive number, or -1 for no limit")
	}
	if p.Timeout <= 0 {
		return export.PictureOptions{}, usagef(cmd, "--timeout %s: want a positive duration such as 30s", p.Timeout)
	}
	return export.PictureOptions{Layout: layout, MaxActors: p.MaxActors, MaxEdges: p.MaxEdges, Timeout: p.Timeout}, nil
}

// drawPicture writes gr as format (svg or png) to w, and tells stderr
// when it left actors out or chose a force layout for a big graph.
func drawPicture(ctx context.Context, format string, opts export.PictureOptions, gr *graph.Graph, w, stderr io.Writer) error {
	draw := export.SVG
	if format == "png" {
		draw = export.PNG
	}
	pic, err := draw(ctx, w, gr, opts)
	switch {
	case errors.Is(err, export.ErrNoGraphviz):
		return errors.New("--format png needs the Graphviz dot program, which is not on PATH: install Graphviz (apt-get install graphviz, brew install graphviz) or use --format svg, which needs nothing")
	case errors.Is(err, export.ErrTimeout):
		return fmt.Errorf("%w; draw fewer actors (--max-actors, --min-articles, --relation, --actor) or choose --layout sfdp", err)
	case err != nil:
		return err
	}
	if pic.TotalActors == 0 {
		fmt.Fprintln(stderr, "geokg: no relation matches; the picture is empty")
	}
	if pic.ActorCap {
		fmt.Fprintf(stderr, "geokg: drew the %d most connected of %d actors (--max-actors)\n", pic.Actors, pic.TotalActors)
	}
	if pic.EdgeCap {
		fmt.Fprintf(stderr, "geokg: drew the %d relations shown by the most articles, of %d (--max-edges)\n", pic.Edges, pic.TotalEdges)
	}
	if opts.Layout == "" && pic.Layout != export.LayoutDot {
		fmt.Fprintf(stderr, "geokg: %d actors and %d edges are too many for the dot layout (over %d actors or %d edges): used %s (--layout)\n",
			pic.Actors, pic.Edges, export.DotMaxActors, export.DotMaxEdges, pic.Layout)
	}
	return nil
}

// assertedEdges reads again, through load, what f keeps with only
// asserted evidence, and returns the keys of the edges some asserted
// evidence shows: the picture dashes the others. Reading the statuses this
// way keeps no evidence in memory.
func assertedEdges(load func(store.Filter) (*graph.Graph, error), f store.Filter) (map[graph.EdgeKey]bool, error) {
	keys := map[graph.EdgeKey]bool{}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, graph.Asserted) {
		return keys, nil
	}
	f.Statuses, f.Evidence = []graph.Status{graph.Asserted}, 0
	g, err := load(f)
	if err != nil {
		return nil, err
	}
	for _, e := range g.Edges {
		keys[e.EdgeKey] = true
	}
	return keys, nil
}
