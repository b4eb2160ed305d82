package export

import (
	"fmt"
	"strings"

	"geokg/graph"
)

// statusStyle is how an edge of one status is drawn: its line style, and
// the word written after its article count.
type statusStyle struct{ style, word string }

// statusStyles draw an edge by how sure its evidence is. Relations differ
// by colour and arrowhead, statuses by line: solid asserted, dashed
// alleged or promised, dotted denied; so the two never compete for one
// visual channel.
var statusStyles = map[graph.Status]statusStyle{
	graph.Asserted: {style: "solid"},
	graph.Promised: {style: "dashed", word: "promised"},
	graph.Alleged:  {style: "dashed", word: "alleged"},
	graph.Denied:   {style: "dotted", word: "denied"},
}

// statusPrecedence is the order in which an edge's statuses decide how it
// is drawn: asserted when any evidence asserts it, else promised, alleged
// or denied, the first that some evidence has.
var statusPrecedence = []graph.Status{graph.Asserted, graph.Promised, graph.Alleged, graph.Denied}

// edgeStatus is the one place that decides what every output (DOT, SVG,
// PNG and GraphML) says about how sure an edge is. It reads the edge's
// mentions counted by status (e.Statuses, or else counted from e.Evidence)
// and returns them with the status the edge is drawn with (see
// statusPrecedence). The status is "" when neither says anything: such an
// edge is drawn solid with no status word, and GraphML says "unknown".
func edgeStatus(e graph.Edge) (graph.Status, graph.StatusCounts) {
	counts := e.Statuses
	if counts.Total() == 0 {
		counts = graph.CountStatuses(e.Evidence)
	}
	for _, st := range statusPrecedence {
		if counts.Of(st) > 0 {
			return st, counts
		}
	}
	return "", counts
}

// edgeLabel is an edge's label: its article count, and the status word
// when nothing asserts it ("2 alleged").
func edgeLabel(e graph.Edge) string {
	st, _ := edgeStatus(e)
	label := fmt.Sprint(e.Articles)
	if w := statusStyles[st].word; w != "" {
		label += " " + w
	}
	return label
}

// lineStyle is the Graphviz style of an edge's line.
func lineStyle(e graph.Edge) string {
	st, _ := edgeStatus(e)
	if s, ok := statusStyles[st]; ok {
		return s.style
	}
	return "solid"
}

// statusSummary says how many mentions have each status, for tooltips:
// "2 alleged, 1 denied"; "" when none were counted.
func statusSummary(c graph.StatusCounts) string {
	var parts []string
	for _, st := range statusPrecedence {
		if n := c.Of(st); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	return strings.Join(parts, ", ")
}
