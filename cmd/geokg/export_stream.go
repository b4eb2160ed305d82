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
// rdf), actor by actor and edge by edge from the store. Edges are encoded
// on a goroutine of their own while the store is read (see pipelined).
func streamExport(ctx context.Context, s *store.Store, format string, f store.Filter, w io.Writer) error {
	if format == "rdf" {
		rw := export.NewRDFWriter(w)
		edge, wait := pipelined(rw.Edge)
		err := s.StreamGraph(ctx, f,
			func(a graph.Actor) error { rw.Actor(a); return nil },
			edge)
		if werr := wait(); err == nil {
			err = werr
		}
		if err != nil {
			return err
		}
		return rw.Flush()
	}
	js := export.NewJSONStream(w)
	edge, wait := pipelined(js.Edge)
	err := s.StreamGraph(ctx, f,
		func(a graph.Actor) error { js.Node(a); return nil },
		edge)
	if werr := wait(); err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	return js.Close()
}

// pipelined runs write on a goroutine of its own, fed through a bounded
// queue by the edge function it returns, so that encoding an edge overlaps
// reading the next ones from the store (an export of every mention is
// about a third encoding). wait closes the queue and returns once every
// edge is written. The edges are copies the store no longer touches, and
// the queue's send orders every write after what the caller wrote before.
// A panic in write ends the writing (the rest of the queue is drained) and
// is wait's error.
func pipelined(write func(graph.Edge)) (edge func(graph.Edge) error, wait func() error) {
	queue := make(chan graph.Edge, 256)
	done := make(chan struct{})
	var failed error
	go func() {
		defer close(done)
		failed = safely("export", func() {
			for e := range queue {
				write(e)
			}
		})
		for range queue {
		}
	}()
	edge = func(e graph.Edge) error {
		queue <- e
		return nil
	}
	wait = func() error {
		close(queue)
		<-done
		return failed
	}
	return edge, wait
}
