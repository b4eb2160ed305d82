package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"geokg/export"
	"geokg/graph"
)

// searchLimit and searchMax are how many actors GET /api/actors returns
// by default and at most.
const (
	searchLimit = 20
	searchMax   = 1000
)

// searchCache holds the search index of one store generation (see
// server.gen); the first search after an ingest builds it again.
type searchCache struct {
	mu    sync.Mutex
	gen   uint64
	built bool
	index []searchEntry
}

// searchEntry is one actor as search sees it.
type searchEntry struct {
	actor  graph.Actor
	degree int
	names  []string // folded: the name, then the aliases, then the id
}

// match ranks how well a query matches a folded name: lower is better,
// -1 is no match.
func match(name, q string) int {
	switch {
	case name == q:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	case wordPrefix(name, q):
		return 2
	case strings.Contains(name, q):
		return 3
	}
	return -1
}

// wordPrefix reports whether a word of name, after the first, starts
// with q ("korea" in "north korea").
func wordPrefix(name, q string) bool {
	for i := 0; i < len(name); i++ {
		if (name[i] == ' ' || name[i] == '-' || name[i] == ':') && strings.HasPrefix(name[i+1:], q) {
			return true
		}
	}
	return false
}

// rank is the best rank of q over an entry's names: its rank, and
// whether the best match was the actor's own name (not an alias).
func (e *searchEntry) rank(q string) (int, bool) {
	best, own := -1, false
	for i, n := range e.names {
		if r := match(n, q); r >= 0 && (best < 0 || r < best) {
			best, own = r, i == 0
		}
	}
	return best, own
}

// fold lower-cases s and takes accents off, so "Kyiv" and "kyïv" meet.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.Join(strings.Fields(out), " "))
}

// searchIndex returns the index of the store as it is now.
func (sv *server) searchIndex(ctx context.Context) ([]searchEntry, error) {
	c := &sv.search
	c.mu.Lock()
	defer c.mu.Unlock()
	gen := sv.gen.Load()
	if c.built && c.gen == gen {
		return c.index, nil
	}
	var index []searchEntry
	err := sv.s.Actors(ctx, func(a graph.Actor, degree int) error {
		e := searchEntry{actor: a, degree: degree, names: []string{fold(a.Name)}}
		for _, alias := range a.Aliases {
			e.names = append(e.names, fold(alias))
		}
		e.names = append(e.names, fold(string(a.ID)))
		index = append(index, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.index, c.gen, c.built = index, gen, true
	return index, nil
}

// found is one search result.
type found struct {
	entry *searchEntry
	rank  int
	own   bool
}

// searchActors answers GET /api/actors?q=TEXT&limit=N: the actors with a
// name, alias or id that TEXT starts, starts a word of or is part of,
// best first (whole name, then start, then start of a word, then
// anywhere; the actor's own name before an alias; then the most
// connected). Without q, the most connected actors.
func (sv *server) searchActors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name := range q {
		if name != "q" && name != "limit" {
			writeError(w, http.StatusBadRequest, fmt.Errorf("unknown parameter %q; this endpoint takes q, limit", name))
			return
		}
	}
	limit := searchLimit
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > searchMax {
			writeError(w, http.StatusBadRequest, fmt.Errorf("limit %q: want a number from 1 to %d", l, searchMax))
			return
		}
		limit = n
	}
	index, err := sv.searchIndex(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	hits := search(index, fold(q.Get("q")))
	actors := make([]graph.Actor, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		actors = append(actors, h.entry.actor)
	}
	nodes, err := exportNodes(actors)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string][]json.RawMessage{"actors": nodes})
}

// search ranks the index against the folded query q.
func search(index []searchEntry, q string) []found {
	var hits []found
	for i := range index {
		e := &index[i]
		if q == "" {
			hits = append(hits, found{entry: e})
			continue
		}
		if r, own := e.rank(q); r >= 0 {
			hits = append(hits, found{entry: e, rank: r, own: own})
		}
	}
	slices.SortStableFunc(hits, func(a, b found) int {
		return cmp.Or(
			cmp.Compare(a.rank, b.rank),
			compareBool(a.own, b.own),
			cmp.Compare(b.entry.degree, a.entry.degree),
			cmp.Compare(a.entry.actor.Name, b.entry.actor.Name),
			cmp.Compare(a.entry.actor.ID, b.entry.actor.ID))
	})
	return hits
}

// compareBool puts true first.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// exportNodes returns the actors as the node objects of the export JSON
// (docs/json.md), written by export.JSON itself, in the actors' order.
func exportNodes(actors []graph.Actor) ([]json.RawMessage, error) {
	var buf bytes.Buffer
	if err := export.JSON(&buf, &graph.Graph{Actors: actors}); err != nil {
		return nil, err
	}
	var doc struct {
		Nodes []json.RawMessage `json:"nodes"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("search: read nodes: %w", err)
	}
	byID := map[string]json.RawMessage{}
	for _, n := range doc.Nodes {
		var id struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(n, &id); err != nil {
			return nil, fmt.Errorf("search: read node: %w", err)
		}
		byID[id.ID] = n
	}
	out := make([]json.RawMessage, 0, len(actors))
	for _, a := range actors {
		if n, ok := byID[string(a.ID)]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}
