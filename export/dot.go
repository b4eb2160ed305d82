package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/emicklei/dot"

	"geokg/graph"
)

// edgeStyle is how one relation is drawn: the colour of its line, a
// darker shade of it for its label, and its arrowhead.
type edgeStyle struct {
	color, text, arrow string
	undirected         bool
}

// relationStyles give each relation a colour of the Okabe-Ito palette,
// whose colours stay apart for readers with red-green colour blindness
// (deuteranopia, protanopia), and an arrowhead of its own, so a reader can
// tell relations apart without colour too; allies-with has no arrow
// because it is symmetric. The line style is left to the edge's status
// (statusStyles).
var relationStyles = map[graph.Relation]edgeStyle{
	graph.Accuses:    {color: "#D55E00", text: "#A34800", arrow: "normal"},
	graph.Denies:     {color: "#000000", text: "#000000", arrow: "tee"},
	graph.Supplies:   {color: "#0072B2", text: "#0072B2", arrow: "vee"},
	graph.AlliesWith: {color: "#009E73", text: "#00795A", arrow: "none", undirected: true},
	graph.Recognizes: {color: "#E69F00", text: "#946600", arrow: "diamond"},
}

// otherStyle draws a relation geokg does not know.
var otherStyle = edgeStyle{color: "gray40", text: "gray30", arrow: "normal"}

// styleOf is the style of relation r.
func styleOf(r graph.Relation) edgeStyle {
	if st, ok := relationStyles[r]; ok {
		return st
	}
	return otherStyle
}

// nodeStyle is how one actor type is drawn.
type nodeStyle struct{ shape, style string }

var typeStyles = map[graph.ActorType]nodeStyle{
	graph.Country:      {shape: "box"},
	graph.Territory:    {shape: "box", style: "dashed"},
	graph.Organization: {shape: "ellipse"},
	graph.Group:        {shape: "hexagon"},
	graph.Person:       {shape: "note"},
}

// affiliationColor draws the dotted "speaks for" edge from an actor to its
// affiliation.
const affiliationColor = "gray55"

// maxPenWidth caps how thick an edge gets however many articles show it.
const maxPenWidth = 6

// legendKey prefixes the legend's node keys. Node keys are never written
// (emicklei/dot writes n1, n2, …) but must not meet an actor id; valid ids
// cannot hold NUL.
const legendKey = "\x00legend:"

// DOT writes g as a Graphviz digraph through github.com/emicklei/dot, ready
// for `dot -Tsvg`. Nodes are labelled with the actor's name and shaped by
// type (country box, territory dashed box, organization ellipse, group
// hexagon, person note); an actor with an affiliation gets a grey dotted edge
// to it. Each relation has its colour and arrowhead (accuses vermilion,
// denies black with a bar, supplies blue with an open arrow,
// allies-with green without arrows, recognizes orange with a diamond), is
// labelled with its article count and grows thicker with it. Its line says
// its status (see edgeStatus): solid when some evidence asserts it, dashed
// and labelled "n alleged" or "n promised" when it is only alleged or
// promised, dotted and labelled "n denied" when it was only claimed and
// denied. A legend cluster explains all this. Labels are stripped of tabs
// and control characters. The same graph always gives the same bytes; g
// is not modified. A nil g is written as an empty graph.
func DOT(w io.Writer, g *graph.Graph) error {
	s := prepare(g)
	d := dot.NewGraph(dot.Directed)
	d.ID("geokg")
	d.Attr("rankdir", "LR")
	nodes := make(map[graph.ActorID]dot.Node, len(s.actors))
	for _, a := range s.actors {
		nodes[a.ID] = actorNode(d, a)
	}
	for _, a := range s.actors {
		if a.Affiliation != "" && a.Affiliation != a.ID {
			affiliationEdge(d, nodes[a.ID], nodes[a.Affiliation], a, s.byID[a.Affiliation])
		}
	}
	for _, e := range s.edges {
		relationEdge(d, nodes[e.Source], nodes[e.Target], e, s.byID)
	}
	if len(s.actors) > 0 {
		legend(d)
	}
	bw := bufio.NewWriter(w)
	d.Write(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: dot: %w", err)
	}
	return nil
}

func actorNode(d *dot.Graph, a graph.Actor) dot.Node {
	n := d.Node(string(a.ID)).Label(displayName(a)).Attr("tooltip", clean(string(a.ID)))
	return styleNode(n, a.Type)
}

func styleNode(n dot.Node, t graph.ActorType) dot.Node {
	st, ok := typeStyles[t]
	if !ok {
		st = nodeStyle{shape: "ellipse", style: "dotted"}
	}
	n.Attr("shape", st.shape)
	if st.style != "" {
		n.Attr("style", st.style)
	}
	return n
}

func affiliationEdge(d *dot.Graph, from, to dot.Node, a, aff graph.Actor) {
	d.Edge(from, to).Attrs(
		"color", affiliationColor, "style", "dotted", "arrowhead", "odot",
		"tooltip", displayName(a)+" speaks for "+displayName(aff))
}

func relationEdge(d *dot.Graph, from, to dot.Node, e graph.Edge, actors map[graph.ActorID]graph.Actor) {
	st := styleOf(e.Relation)
	de := d.Edge(from, to, edgeLabel(e))
	de.Attrs("color", st.color, "fontcolor", st.text, "penwidth", penWidth(e.Articles),
		"arrowhead", st.arrow, "tooltip", edgeTooltip(e, actors))
	if style := lineStyle(e); style != "solid" {
		de.Attr("style", style)
	}
	if st.undirected {
		de.Attr("dir", "none")
	}
}

// penWidth grows with the log of the article count: 1 article 1, 2 → 2,
// 4 → 3, … up to maxPenWidth.
func penWidth(articles int) string {
	w := 1.0
	if articles > 1 {
		w = math.Min(1+math.Log2(float64(articles)), maxPenWidth)
	}
	return strconv.FormatFloat(w, 'f', 1, 64)
}

func edgeTooltip(e graph.Edge, actors map[graph.ActorID]graph.Actor) string {
	name := func(id graph.ActorID) string {
		if a, ok := actors[id]; ok {
			return displayName(a)
		}
		return clean(string(id))
	}
	tip := fmt.Sprintf("%s %s %s: %s, %s", name(e.Source), clean(string(e.Relation)),
		name(e.Target), plural(e.Articles, "article"), plural(e.Mentions, "mention"))
	if _, counts := edgeStatus(e); counts.Total() > 0 {
		tip += " (" + statusSummary(counts) + ")"
	}
	if s := seen(e); s != "-" {
		tip += ", " + s
	}
	return tip
}

// legend adds a cluster with one sample node per actor type, one sample
// edge per relation and per way of drawing a status, and the affiliation
// edge. Its node keys are numbered so that it lists them in this order.
func legend(d *dot.Graph) {
	sub := d.Subgraph("Legend", dot.ClusterOption{})
	sub.Attrs("style", "rounded", "color", "gray70", "fontcolor", "gray30", "fontsize", "11")
	seq := 0
	node := func(label string) dot.Node {
		seq++
		return sub.Node(fmt.Sprintf("%s%03d", legendKey, seq)).Label(label).Attr("fontsize", "11")
	}
	for _, t := range graph.ActorTypes {
		styleNode(node(string(t)), t)
	}
	sample := func(label string, st edgeStyle, style, edgeLabel string) dot.Edge {
		from := node(label).Attr("shape", "plaintext")
		to := node("").Attr("shape", "point").Attr("width", "0.08")
		e := sub.Edge(from, to)
		e.Attrs("color", st.color, "fontcolor", st.text, "fontsize", "11", "arrowhead", st.arrow)
		if edgeLabel != "" {
			e.Attr("label", edgeLabel)
		}
		if style != "solid" {
			e.Attr("style", style)
		}
		if st.undirected {
			e.Attr("dir", "none")
		}
		return e
	}
	for _, r := range graph.Relations {
		sample(string(r), relationStyles[r], "solid", "n articles")
	}
	for _, st := range statusPrecedence {
		ss := statusStyles[st]
		sample(statusLegend[st], otherStyle, ss.style, strings.TrimSpace("n "+ss.word))
	}
	sample("speaks for", edgeStyle{color: affiliationColor, text: affiliationColor, arrow: "odot"}, "dotted", "")
}

// statusLegend says what each status means, for the legends.
var statusLegend = map[graph.Status]string{
	graph.Asserted: "asserted by some article",
	graph.Promised: "only promised",
	graph.Alleged:  "only alleged by someone",
	graph.Denied:   "only claimed and denied",
}

// plural is "1 article", "2 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
