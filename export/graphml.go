package export

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"geokg/graph"
)

// graphmlKeys are the GraphML attributes, declared once in the header.
// Gephi shows the node attribute named "label" as the node's label, and
// yEd lets you map any of them to labels and colours.
var graphmlKeys = []struct{ id, domain, name, typ string }{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"affiliation", "node", "affiliation", "string"},
	{"relation", "edge", "relation", "string"},
	{"weight", "edge", "weight", "double"},
	{"articles", "edge", "articles", "int"},
	{"mentions", "edge", "mentions", "int"},
	{"first_seen", "edge", "first_seen", "string"},
	{"last_seen", "edge", "last_seen", "string"},
	{"color", "edge", "color", "string"},
	{"status", "edge", "status", "string"},
	{"style", "edge", "style", "string"},
	{"asserted", "edge", "asserted", "int"},
	{"alleged", "edge", "alleged", "int"},
	{"promised", "edge", "promised", "int"},
	{"denied", "edge", "denied", "int"},
}

// GraphML writes g as a GraphML document for Gephi, yEd, Cytoscape or
// NetworkX: one node per actor (id, label = name, type, affiliation) and
// one edge per relation (relation, weight = articles, articles, mentions,
// first_seen, last_seen, the colour the pictures use, the status they
// draw it with (asserted, promised, alleged, denied, or unknown when no
// mention was counted; see edgeStatus) and its line style, and the
// mentions of each status). The graph is
// directed; allies-with edges are marked directed="false". Text is
// escaped as XML and stripped of control characters; the output is sorted
// like DOT's. A nil g is written as an empty graph.
func GraphML(w io.Writer, g *graph.Graph) error {
	s := prepare(g)
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	bw.WriteString(`  <graph id="geokg" edgedefault="directed">` + "\n")
	for _, a := range s.actors {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", xmlText(string(a.ID)))
		data(bw, "label", displayName(a))
		data(bw, "type", string(a.Type))
		if a.Affiliation != "" {
			data(bw, "affiliation", string(a.Affiliation))
		}
		bw.WriteString("    </node>\n")
	}
	for i, e := range s.edges {
		st := styleOf(e.Relation)
		directed := ""
		if e.Relation.Symmetric() {
			directed = ` directed="false"`
		}
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\"%s>\n", i+1, xmlText(string(e.Source)), xmlText(string(e.Target)), directed)
		data(bw, "relation", string(e.Relation))
		data(bw, "weight", strconv.Itoa(e.Articles))
		data(bw, "articles", strconv.Itoa(e.Articles))
		data(bw, "mentions", strconv.Itoa(e.Mentions))
		if d := graph.FormatDate(e.FirstSeen); d != "" {
			data(bw, "first_seen", d)
		}
		if d := graph.FormatDate(e.LastSeen); d != "" {
			data(bw, "last_seen", d)
		}
		data(bw, "color", st.color)
		status, counts := edgeStatus(e)
		data(bw, "status", cmp.Or(string(status), "unknown"))
		data(bw, "style", lineStyle(e))
		for _, s := range graph.Statuses {
			data(bw, string(s), strconv.Itoa(counts.Of(s)))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: graphml: %w", err)
	}
	return nil
}

// data writes one <data> element.
func data(w *bufio.Writer, key, value string) {
	fmt.Fprintf(w, "      <data key=%q>%s</data>\n", key, xmlText(value))
}

// xmlText escapes s for XML text and attributes, after clean has removed
// the control characters XML 1.0 cannot hold.
func xmlText(s string) string {
	var b bytesBuffer
	xml.EscapeText(&b, []byte(clean(s)))
	return string(b)
}

// bytesBuffer is the smallest io.Writer for xml.EscapeText.
type bytesBuffer []byte

func (b *bytesBuffer) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
