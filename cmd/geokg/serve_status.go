package main

import (
	"context"
	"net/http"
	"strings"

	"github.com/spf13/pflag"

	"geokg/graph"
	"geokg/store"
)

// statusOrder is the order in which an edge's statuses decide how it is
// drawn, as in the pictures (export/status.go): asserted when any evidence
// asserts it, else promised, alleged or denied, the first some evidence has.
var statusOrder = []graph.Status{graph.Asserted, graph.Promised, graph.Alleged, graph.Denied}

// statusParams are the query parameters of GET /api/statuses: those of
// GET /api/graph but evidence.
var statusParams = append([]string{"actor", "depth"}, narrowing...)

// statusesReply is GET /api/statuses' answer.
type statusesReply struct {
	// Statuses maps each edge of the graph, as "SOURCE|RELATION|TARGET",
	// to the status it is drawn with.
	Statuses map[string]graph.Status `json:"statuses"`
}

// serveStatuses answers GET /api/statuses?actor=ID&depth=N&...: how sure
// each edge of the graph GET /api/graph gives for the same parameters is,
// so that the page marks edges as the pictures do. The export JSON has no
// such field, and reading it again with a status filter (as a picture of
// the whole graph may) misses, in a neighbourhood, the edges reached only
// through an edge of another status.
func (sv *server) serveStatuses(w http.ResponseWriter, r *http.Request) {
	flags, err := queryFlags(r, statusParams)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	f, actor, depth, err := parseGraphFlags(flags)
	if err != nil {
		writeError(w, statusOf(err), apiMessage(err, statusParams))
		return
	}
	gr, err := sv.graphWithEvidence(r.Context(), actor, depth, f)
	if err != nil {
		writeError(w, statusOf(err), apiMessage(err, statusParams))
		return
	}
	reply := statusesReply{Statuses: map[string]graph.Status{}}
	for _, e := range gr.Edges {
		counts := e.Statuses
		if counts.Total() == 0 {
			counts = graph.CountStatuses(e.Evidence)
		}
		for _, st := range statusOrder {
			if counts.Of(st) > 0 {
				reply.Statuses[strings.Join([]string{string(e.Source), string(e.Relation), string(e.Target)}, "|")] = st
				break
			}
		}
	}
	writeJSONStatus(w, http.StatusOK, reply)
}

// parseGraphFlags reads the flags of GET /api/graph as geokg export reads
// them: the filter, the actor (may be "") and the depth.
func parseGraphFlags(flags []string) (store.Filter, string, int, error) {
	const cmd = "geokg serve"
	fs := pflag.NewFlagSet("statuses", pflag.ContinueOnError)
	fs.SetOutput(discard{})
	var narrow narrowFlags
	narrow.add(fs)
	relations := fs.StringSlice("relation", nil, "")
	actor := fs.String("actor", "", "")
	depth := fs.Int("depth", 1, "")
	if err := fs.Parse(flags); err != nil {
		return store.Filter{}, "", 0, usagef(cmd, "%v", err)
	}
	if *depth < 0 {
		return store.Filter{}, "", 0, usagef(cmd, "--depth %d: want 0 or more", *depth)
	}
	f, err := narrowedFilter(cmd, *relations, "", -1, &narrow)
	return f, *actor, *depth, err
}

// graphWithEvidence is the graph of GET /api/graph with every mention
// (so their statuses can be counted).
func (sv *server) graphWithEvidence(ctx context.Context, actor string, depth int, f store.Filter) (*graph.Graph, error) {
	if actor == "" {
		return sv.s.Graph(ctx, f)
	}
	g := &globalOptions{Actors: sv.g.Actors, Lexicon: sv.g.Lexicon, served: sv.s}
	a, err := resolve(ctx, sv.s, g, actor)
	if err != nil {
		return nil, err
	}
	return sv.s.Neighborhood(ctx, a.ID, depth, f)
}

// discard drops a flag set's own messages: its error is returned instead.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
