package export

import (
	"fmt"
	"io"

	"geokg/graph"
)

// JSONStream writes the document JSON writes one node and one edge at a
// time, for exports that stream a store: memory does not grow with the
// graph. Given the actors of a graph in id order (one per id) and then its
// edges in graph.CompareEdges order, it writes the bytes JSON would write
// for that graph. It does not sort, deduplicate or add stub nodes: that is
// the caller's job. Its methods keep the first error, which Close returns.
type JSONStream struct {
	jw           *jsonWriter
	nodes, edges int
	closed       bool
}

// NewJSONStream starts a document on w.
func NewJSONStream(w io.Writer) *JSONStream {
	s := &JSONStream{jw: newJSONWriter(w)}
	s.jw.raw("{\n")
	s.jw.value("nodes")
	return s
}

// Node writes one node. All nodes must come before the first edge.
func (s *JSONStream) Node(a graph.Actor) {
	if s.edges > 0 {
		s.fail(fmt.Errorf("node %s after the edges", a.ID))
		return
	}
	s.elem(s.nodes, toNode(a))
	s.nodes++
}

// Edge writes one edge, with its evidence sorted as JSON sorts it.
func (s *JSONStream) Edge(e graph.Edge) {
	if s.edges == 0 {
		s.endArray(s.nodes)
		s.jw.raw(",\n")
		s.jw.value("edges")
	}
	e.Evidence = sortedEvidence(e.Evidence)
	s.open(s.edges)
	s.jw.edge(e)
	s.edges++
}

// Close ends the document and flushes it. It returns the first error.
func (s *JSONStream) Close() error {
	if !s.closed {
		s.closed = true
		if s.edges == 0 {
			s.endArray(s.nodes)
			s.jw.raw(",\n")
			s.jw.value("edges")
		}
		s.endArray(s.edges)
		s.jw.raw("\n}\n")
	}
	if err := s.jw.flush(); err != nil {
		return fmt.Errorf("export: json: %w", err)
	}
	return nil
}

// elem writes element i of the open array, as jsonWriter.array does.
func (s *JSONStream) elem(i int, v any) {
	s.open(i)
	s.jw.value(v)
}

// open writes what comes before element i of the open array.
func (s *JSONStream) open(i int) {
	if i == 0 {
		s.jw.raw(": [\n  ")
	} else {
		s.jw.raw(",\n  ")
	}
}

// endArray closes an array of n elements.
func (s *JSONStream) endArray(n int) {
	if n == 0 {
		s.jw.raw(": []")
	} else {
		s.jw.raw("\n]")
	}
}

func (s *JSONStream) fail(err error) {
	if s.jw.err == nil {
		s.jw.err = err
	}
}
