package main

import (
	"context"
	"io"

	"geokg/export"
	"geokg/graph"
	"geokg/store"
)

// streamFormats are the export formats written while the store is read,
// without loading the graph: their memory does not grow with it.
var streamFormats = map[string]bool{"json": true, "rdf": true}

// streamExport writes the whole graph that f keeps in format (json or
// rdf), actor by actor and edge by edge from the store.
func streamExport(ctx context.Context, s *store.Store, format string, f store.Filter, w io.Writer) error {
	if format == "rdf" {
		rw := export.NewRDFWriter(w)
		err := s.StreamGraph(ctx, f,
			func(a graph.Actor) error { rw.Actor(a); return nil },
			func(e graph.Edge) error { rw.Edge(e); return nil })
		if err != nil {
			return err
		}
		return rw.Flush()
	}
	js := export.NewJSONStream(w)
	err := s.StreamGraph(ctx, f,
		func(a graph.Actor) error { js.Node(a); return nil },
		func(e graph.Edge) error { js.Edge(e); return nil })
	if err != nil {
		return err
	}
	return js.Close()
}
