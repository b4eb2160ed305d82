package export

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emicklei/dot"

	"geokg/graph"
)

// The layouts SVG and PNG can use. LayoutDot ranks actors in layers and
// reads best, but its crossing minimisation grows so fast that it is only
// used for small graphs (see DotMaxActors); LayoutSFDP and LayoutNeato are
// force-directed and stay under a second for hundreds of actors.
const (
	LayoutDot   = "dot"
	LayoutSFDP  = "sfdp"
	LayoutNeato = "neato"
)

// Size limits for pictures, measured with the Graphviz dot program (2.43)
// on random graphs drawn the way SVG draws them (docs/cli.md has the
// figures). The dot layout took 0.1–0.9 s up to 120 actors and 200 edges
// but 49 s for 150 actors and 300 edges (go-graphviz, used before, already
// took 4–6 s for 160 edges), so above DotMaxActors actors or DotMaxEdges
// edges an automatic layout is sfdp (300 actors and 900 edges: 0.4 s).
// Above the caps of PictureOptions only the most connected actors and the
// strongest edges are drawn: more than 600 edges make no readable picture
// anyway.
const (
	DotMaxActors      = 100
	DotMaxEdges       = 120
	DefaultMaxActors  = 300
	DefaultMaxEdges   = 600
	DefaultPicTimeout = 2 * time.Minute
)

// PictureOptions says how SVG and PNG draw a graph. The zero value chooses
// everything by size.
type PictureOptions struct {
	// Layout is LayoutDot, LayoutSFDP, LayoutNeato, or "" to choose by size:
	// dot up to DotMaxActors actors and DotMaxEdges edges, sfdp above.
	Layout string
	// MaxActors caps the actors drawn: above it only the MaxActors most
	// connected ones (by number of edges, then articles) and the edges among
	// them are drawn. 0 means DefaultMaxActors; a negative value, no cap.
	MaxActors int
	// MaxEdges caps the relation edges drawn (after MaxActors): above it
	// only the MaxEdges edges with the most articles are drawn. 0 means
	// DefaultMaxEdges; a negative value, no cap.
	MaxEdges int
	// Timeout bounds the rendering; 0 means DefaultPicTimeout.
	Timeout time.Duration
	// Caption says what the picture shows, for its legend.
	Caption Caption
}

// Caption says, under a picture, where its graph comes from: the store's
// articles and their dates, and the filters that chose the part drawn.
type Caption struct {
	Articles int       // articles in the store; 0 leaves the store out of the caption
	From, To time.Time // the first and last article dates (zero when unknown)
	Filters  string    // the filters used, as flags ("--actor Iran --depth 2"); "" for none
}

// Picture says what SVG or PNG drew, so that a caller can tell its user.
type Picture struct {
	Layout      string // the layout used
	Actors      int    // actors drawn
	Edges       int    // relation edges drawn
	TotalActors int    // actors in the graph given
	TotalEdges  int    // relation edges in the graph given
	ActorCap    bool   // actors were left out by MaxActors (with their edges)
	EdgeCap     bool   // edges were left out by MaxEdges
}

// Capped reports whether some actors or edges were left out.
func (p Picture) Capped() bool { return p.Actors < p.TotalActors || p.Edges < p.TotalEdges }

// Valid layouts, for checking a user's choice.
var pictureLayouts = []string{LayoutDot, LayoutSFDP, LayoutNeato}

// ParseLayout checks a layout name; "" and "auto" mean choose by size.
func ParseLayout(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "auto" {
		return "", nil
	}
	if slices.Contains(pictureLayouts, s) {
		return s, nil
	}
	return "", fmt.Errorf("layout %q: want auto, dot, sfdp or neato: %w", s, graph.ErrInvalid)
}

func (o PictureOptions) maxActors() int {
	if o.MaxActors == 0 {
		return DefaultMaxActors
	}
	return o.MaxActors
}

func (o PictureOptions) maxEdges() int {
	if o.MaxEdges == 0 {
		return DefaultMaxEdges
	}
	return o.MaxEdges
}

func (o PictureOptions) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultPicTimeout
	}
	return o.Timeout
}

// typeFill gives each actor type a light fill, so kinds of actor can be told
// apart at a glance.
var typeFill = map[graph.ActorType]string{
	graph.Country:      "#dbe8f6",
	graph.Territory:    "#eef3f9",
	graph.Organization: "#e3f1df",
	graph.Group:        "#f7e2da",
	graph.Person:       "#fbf3d0",
}

// PictureDOT plans the picture of g and writes the DOT text Graphviz lays
// out for SVG and PNG: the graph capped to opts' size, with a legend and
// caption, fills per actor type, colours per relation, line styles per
// status, and each person or body beside the actor it speaks for (see
// separateNodes and stackedNodes).
func PictureDOT(g *graph.Graph, opts PictureOptions) ([]byte, Picture, error) {
	s := prepare(g)
	pic := Picture{TotalActors: len(s.actors), TotalEdges: len(s.edges)}
	if max := opts.maxActors(); max >= 0 && len(s.actors) > max {
		capActors(s, max)
		pic.ActorCap = true
	}
	if max := opts.maxEdges(); max >= 0 && len(s.edges) > max {
		capEdges(s, max)
		pic.EdgeCap = true
	}
	pic.Actors, pic.Edges = len(s.actors), len(s.edges)
	layout, err := ParseLayout(opts.Layout)
	if err != nil {
		return nil, pic, fmt.Errorf("export: picture: %w", err)
	}
	pic.Layout = cmp.Or(layout, LayoutDot)
	if layout == "" && (pic.Actors > DotMaxActors || pic.Edges > DotMaxEdges) {
		pic.Layout = LayoutSFDP
	}
	d := dot.NewGraph(dot.Directed)
	d.ID("geokg")
	layoutAttrs(d, pic.Layout)
	var at map[graph.ActorID]place
	if pic.Layout == LayoutDot {
		at = separateNodes(d, s)
	} else {
		at = stackedNodes(d, s)
	}
	for _, e := range s.edges {
		from, to := at[e.Source], at[e.Target]
		relationEdge(d, from.node, to.node, e, s.byID)
		edges := d.FindEdges(from.node, to.node)
		from.attach(edges[len(edges)-1], "tailport")
		to.attach(edges[len(edges)-1], "headport")
	}
	if len(s.actors) > 0 {
		// The legend grows with the picture, so it stays legible when a
		// big picture is scaled to fit a screen.
		d.Attrs("label", dot.HTML(legendHTML(pic, opts.Caption)), "fontsize", strconv.Itoa(11+len(s.actors)/20))
	}
	var b bytes.Buffer
	d.Write(&b)
	return b.Bytes(), pic, nil
}

// layoutAttrs sets the graph attributes that suit a layout.
func layoutAttrs(d *dot.Graph, layout string) {
	d.Attrs("layout", layout, "fontname", "Helvetica,Arial,sans-serif", "fontsize", "11",
		"labelloc", "b", "labeljust", "l", "outputorder", "edgesfirst", "pad", "0.3", "bgcolor", "white")
	d.NodeInitializer(func(n dot.Node) { n.Attrs("fontname", "Helvetica,Arial,sans-serif", "fontsize", "12") })
	d.EdgeInitializer(func(e dot.Edge) { e.Attrs("fontname", "Helvetica,Arial,sans-serif", "fontsize", "10") })
	switch layout {
	case LayoutDot:
		d.Attrs("rankdir", "LR", "nodesep", "0.25", "ranksep", "0.7", "newrank", "true")
	case LayoutSFDP:
		d.Attrs("overlap", "prism", "overlap_scaling", "2", "K", "1.2", "splines", "false")
	case LayoutNeato:
		d.Attrs("overlap", "prism", "splines", "false", "sep", "+8")
	}
}

// capActors keeps the max actors with the most edges (then the most
// articles, then the smallest id) and the edges among them.
func capActors(s *sorted, max int) {
	degree := map[graph.ActorID]int{}
	weight := map[graph.ActorID]int{}
	for _, e := range s.edges {
		degree[e.Source]++
		degree[e.Target]++
		weight[e.Source] += e.Articles
		weight[e.Target] += e.Articles
	}
	ranked := slices.Clone(s.actors)
	slices.SortFunc(ranked, func(a, b graph.Actor) int {
		return cmp.Or(cmp.Compare(degree[b.ID], degree[a.ID]), cmp.Compare(weight[b.ID], weight[a.ID]), cmp.Compare(a.ID, b.ID))
	})
	keep := map[graph.ActorID]bool{}
	for _, a := range ranked[:max] {
		keep[a.ID] = true
	}
	s.actors = slices.DeleteFunc(s.actors, func(a graph.Actor) bool { return !keep[a.ID] })
	s.edges = slices.DeleteFunc(s.edges, func(e graph.Edge) bool { return !keep[e.Source] || !keep[e.Target] })
}

// capEdges keeps the max edges with the most articles (then the most
// mentions, then in key order), in key order.
func capEdges(s *sorted, max int) {
	ranked := slices.Clone(s.edges)
	slices.SortStableFunc(ranked, func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(b.Mentions, a.Mentions))
	})
	keep := map[graph.EdgeKey]bool{}
	for _, e := range ranked[:max] {
		keep[e.EdgeKey] = true
	}
	s.edges = slices.DeleteFunc(s.edges, func(e graph.Edge) bool { return !keep[e.EdgeKey] })
}

// legendHTML is the graph's label: a table that names each relation in
// its colour with its arrowhead, each way of drawing a status, the actor
// kinds, and a caption saying what the picture shows. A label rather than
// a cluster of sample nodes, because force-directed layouts do not keep
// clusters together. Every cell has room to spare on the sides, so text
// that a viewer's font draws wider than Graphviz measured stays inside.
func legendHTML(pic Picture, c Caption) string {
	var b strings.Builder
	b.WriteString(`<table border="0" cellborder="0" cellspacing="3" cellpadding="3">`)
	row := func(cells []string) {
		b.WriteString(`<tr>`)
		for _, cell := range cells {
			b.WriteString(cell)
		}
		b.WriteString(`</tr>`)
	}
	var rels []string
	for _, r := range graph.Relations {
		st := relationStyles[r]
		rels = append(rels, fmt.Sprintf(`<td align="left"><font color="%s"><b>%s %s</b></font></td>`, st.text, arrowGlyph[st.arrow], html.EscapeString(string(r))))
	}
	row(rels)
	var sts []string
	for _, st := range statusPrecedence {
		sts = append(sts, fmt.Sprintf(`<td align="left">%s %s</td>`, lineGlyph[statusStyles[st].style], html.EscapeString(statusLegend[st])))
	}
	if pic.Layout == LayoutDot {
		sts = append(sts, fmt.Sprintf(`<td align="left"><font color="%s">%s speaks for</font></td>`, affiliationColor, lineGlyph["dotted"]))
	}
	row(sts)
	var kinds []string
	for _, t := range graph.ActorTypes {
		kinds = append(kinds, fmt.Sprintf(`<td bgcolor="%s" align="left">%s</td>`, typeFill[t], html.EscapeString(typeShapeName(t))))
	}
	row(kinds)
	for _, line := range captionLines(pic, c) {
		fmt.Fprintf(&b, `<tr><td colspan="5" align="left">%s</td></tr>`, html.EscapeString(line))
	}
	b.WriteString(`</table>`)
	return b.String()
}

// arrowGlyph and lineGlyph stand for arrowheads and line styles in the
// legend's text.
var (
	arrowGlyph = map[string]string{"normal": "→", "tee": "⊣", "vee": "⇾", "none": "—", "diamond": "◆"}
	lineGlyph  = map[string]string{"solid": "———", "dashed": "– – –", "dotted": "· · · ·"}
)

// captionLines say what the picture shows: the numbers, where they come
// from, and what was left out.
func captionLines(pic Picture, c Caption) []string {
	lines := []string{"Numbers: articles showing the relation. Persons and bodies: " + speaksFor(pic.Layout) + "."}
	shown := "the whole graph"
	if c.Filters != "" {
		shown = c.Filters
	}
	if c.Articles > 0 {
		store := plural(c.Articles, "article")
		switch {
		case c.From.IsZero():
		case graph.FormatDate(c.From) == graph.FormatDate(c.To):
			store += " dated " + graph.FormatDate(c.From)
		default:
			store += fmt.Sprintf(" dated %s to %s", graph.FormatDate(c.From), graph.FormatDate(c.To))
		}
		lines = append(lines, fmt.Sprintf("Store: %s. Shown: %s.", store, shown))
	} else {
		lines = append(lines, fmt.Sprintf("Shown: %s.", shown))
	}
	var left []string
	if pic.Actors < pic.TotalActors {
		left = append(left, fmt.Sprintf("%d of %d actors (the most connected)", pic.Actors, pic.TotalActors))
	}
	if pic.Edges < pic.TotalEdges {
		left = append(left, fmt.Sprintf("%d of %d relations (those shown by the most articles)", pic.Edges, pic.TotalEdges))
	}
	if len(left) > 0 {
		lines = append(lines, "Drawn: "+strings.Join(left, "; ")+".")
	}
	return lines
}

// speaksFor says how a layout draws a person or body beside the actor it
// speaks for.
func speaksFor(layout string) string {
	if layout == LayoutDot {
		return "joined to whom they speak for by a grey dotted line"
	}
	return "a row in the box of whom they speak for"
}

// typeShapeName says how an actor type is drawn, for the legend.
func typeShapeName(t graph.ActorType) string {
	shape := map[graph.ActorType]string{
		graph.Country: "box", graph.Territory: "dashed box", graph.Organization: "ellipse",
		graph.Group: "hexagon", graph.Person: "note",
	}[t]
	return fmt.Sprintf("%s (%s)", t, shape)
}

// place is where an actor is drawn: its own node, or a row (port) of the
// node of the actor it speaks for.
type place struct {
	node dot.Node
	port string
}

// attach sets an edge's tailport or headport to the place's row.
func (p place) attach(e dot.Edge, end string) {
	if p.port != "" {
		e.Attr(end, p.port)
	}
}

// separateNodes draws each actor as its own node, shaped and filled by
// type, with a dotted "speaks for" edge from a person or body to the actor
// it speaks for. The dot layout honours the edge's weight and keeps the
// two side by side.
func separateNodes(d *dot.Graph, s *sorted) map[graph.ActorID]place {
	at := make(map[graph.ActorID]place, len(s.actors))
	for _, a := range s.actors {
		n := actorNode(d, a)
		style := "filled"
		if st := typeStyles[a.Type].style; st != "" {
			style = st + ",filled"
		}
		n.Attrs("style", style, "fillcolor", cmp.Or(typeFill[a.Type], "white"))
		at[a.ID] = place{node: n}
	}
	for _, a := range s.actors {
		if to, ok := at[a.Affiliation]; ok && a.Affiliation != a.ID {
			affiliationEdge(d, at[a.ID].node, to.node, a, s.byID[a.Affiliation])
			d.FindEdges(at[a.ID].node, to.node)[0].Attr("weight", "8")
		}
	}
	return at
}

// stackedNodes draws, for the force-directed layouts (which have no edge
// weights to keep a person beside its state), each person or body that
// speaks for a drawn actor as a row of that actor's node: a table with the
// actor's name on top and theirs below, each row a port that edges attach
// to. Others are drawn as by separateNodes.
func stackedNodes(d *dot.Graph, s *sorted) map[graph.ActorID]place {
	roots := graph.Roots(s.actors)
	drawn := make(map[graph.ActorID]bool, len(s.actors))
	for _, a := range s.actors {
		drawn[a.ID] = true
	}
	members := map[graph.ActorID][]graph.Actor{}
	for _, a := range s.actors {
		if r, ok := roots[a.ID]; ok && drawn[r] {
			members[r] = append(members[r], a)
		}
	}
	at := make(map[graph.ActorID]place, len(s.actors))
	plain := &sorted{byID: s.byID}
	for _, a := range s.actors {
		if r, ok := roots[a.ID]; ok && len(members[r]) > 0 {
			continue // a row of r's node
		}
		if len(members[a.ID]) == 0 {
			plain.actors = append(plain.actors, a)
			continue
		}
		n := d.Node(string(a.ID)).Attr("shape", "plain").Attr("tooltip", clean(string(a.ID))).
			Attr("label", dot.HTML(stackLabel(a, members[a.ID])))
		at[a.ID] = place{node: n, port: "self"}
		for i, m := range members[a.ID] {
			at[m.ID] = place{node: n, port: fmt.Sprintf("m%d", i+1)}
		}
	}
	maps.Copy(at, separateNodes(d, plain))
	return at
}

// stackLabel is the HTML table of an actor and the persons and bodies that
// speak for it.
func stackLabel(a graph.Actor, members []graph.Actor) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table border="0" cellborder="1" cellspacing="0" cellpadding="4"><tr><td port="self" bgcolor="%s"><b>%s</b></td></tr>`,
		cmp.Or(typeFill[a.Type], "white"), html.EscapeString(displayName(a)))
	for i, m := range members {
		fmt.Fprintf(&b, `<tr><td port="m%d" bgcolor="%s">%s</td></tr>`, i+1, cmp.Or(typeFill[m.Type], "white"), html.EscapeString(displayName(m)))
	}
	b.WriteString(`</table>`)
	return b.String()
}
