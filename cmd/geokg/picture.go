package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
		return fmt.Errorf("--format %s needs the Graphviz dot program, which is not on PATH: install Graphviz (apt-get install graphviz, brew install graphviz), or write --format dot, graphml or json, which need nothing", format)
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

// statusFormats are the export formats that mark how sure each edge is
// (alleged, promised, denied): every one of them reads the statuses of all
// of an edge's mentions, through countedGraph, so that they all say the
// same of an edge, whatever part of the graph is drawn.
var statusFormats = map[string]bool{"dot": true, "graphml": true, "svg": true, "png": true}

// countedGraph reads the graph f keeps (f.Evidence must be -1): the whole
// graph when root is "", else root's neighbourhood within depth hops. Each
// edge's mentions are counted by status into Edge.Statuses and its
// evidence is dropped, and so are the actors only the evidence named
// (claimants, disputants): the graph is the one a read without evidence
// gives, with the counts. The whole graph is streamed, so only one window
// of sentences is held at a time.
func countedGraph(ctx context.Context, s *store.Store, root graph.ActorID, depth int, f store.Filter) (*graph.Graph, error) {
	if root == "" && !f.Rollup {
		g := &graph.Graph{}
		err := s.StreamGraph(ctx, f,
			func(a graph.Actor) error { g.Actors = append(g.Actors, a); return nil },
			func(e graph.Edge) error { g.Edges = append(g.Edges, counted(e)); return nil })
		if err != nil {
			return nil, err
		}
		return withoutClaimants(g, ""), nil
	}
	var g *graph.Graph
	var err error
	if root == "" {
		g, err = s.Graph(ctx, f)
	} else {
		g, err = s.Neighborhood(ctx, root, depth, f)
	}
	if err != nil {
		return nil, err
	}
	for i, e := range g.Edges {
		g.Edges[i] = counted(e)
	}
	if f.Rollup && root != "" {
		root = "" // the neighbourhood is of root's root: its edges name it
	}
	return withoutClaimants(g, root), nil
}

// counted is e with its evidence counted by status, unless the store
// counted its statuses already, and dropped.
func counted(e graph.Edge) graph.Edge {
	if e.Statuses.Total() == 0 {
		e.Statuses = graph.CountStatuses(e.Evidence)
	}
	e.Evidence = nil
	return e
}

// withoutClaimants keeps g's actors that an edge names, root, and the
// actors they speak for, in order.
func withoutClaimants(g *graph.Graph, root graph.ActorID) *graph.Graph {
	byID := make(map[graph.ActorID]graph.Actor, len(g.Actors))
	for _, a := range g.Actors {
		byID[a.ID] = a
	}
	keep := map[graph.ActorID]bool{}
	add := func(id graph.ActorID) {
		for !keep[id] && id != "" {
			keep[id] = true
			id = byID[id].Affiliation
		}
	}
	add(root)
	for _, e := range g.Edges {
		add(e.Source)
		add(e.Target)
	}
	g.Actors = slices.DeleteFunc(g.Actors, func(a graph.Actor) bool { return !keep[a.ID] })
	return g
}

// pictureCaption says what a picture of the export opts asks for shows:
// the store's articles and their dates, and the filters used.
func pictureCaption(ctx context.Context, s *store.Store, opts exportOptions) (export.Caption, error) {
	c := export.Caption{Filters: describeFilters(opts)}
	err := s.Articles(ctx, func(a graph.Article) error {
		c.Articles++
		if a.Date.IsZero() {
			return nil
		}
		if c.From.IsZero() || a.Date.Before(c.From) {
			c.From = a.Date
		}
		if a.Date.After(c.To) {
			c.To = a.Date
		}
		return nil
	})
	return c, err
}

// describeFilters writes the flags that chose the part of the graph
// drawn, as the user would type them; "" when nothing was left out.
func describeFilters(opts exportOptions) string {
	var parts []string
	add := func(flag, value string) { parts = append(parts, flag+" "+value) }
	if opts.Actor != "" {
		add("--actor", quoteArg(opts.Actor))
		add("--depth", strconv.Itoa(opts.Depth))
	}
	for _, r := range opts.Relations {
		add("--relation", quoteArg(r))
	}
	n := opts.narrow
	if n.Since != "" {
		add("--since", n.Since)
	}
	if n.Until != "" {
		add("--until", n.Until)
	}
	for _, st := range n.Statuses {
		add("--status", quoteArg(st))
	}
	if n.MinArticles > 0 {
		add("--min-articles", strconv.Itoa(n.MinArticles))
	}
	if n.Rollup {
		parts = append(parts, "--rollup")
	}
	return strings.Join(parts, " ")
}

// quoteArg quotes a flag value that holds a space, as a shell would need.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return strconv.Quote(s)
	}
	return s
}
