package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Narrowing filters (Filter.Since, Until, Statuses, MinArticles, Rollup).
//
// Since, Until and Statuses keep some of an edge's mentions. The edge's
// counts and dates are computed from the mentions kept (which means
// reading all of its mention values instead of only their keys), and an edge
// with no mention left is dropped, so an actor reached only through it is
// not reached. A mention is dated by its article; with Since or Until set,
// an undated mention is dropped.
//
// MinArticles then drops edges shown by fewer articles.
//
// Rollup folds every person and institution into the actor it speaks for
// (graph.Rollup): Graph and Neighborhood fold the whole filtered graph,
// View shows the root of the actor asked for (a minister's state), and
// MinArticles counts the articles of the folded edges. Folding needs
// every mention of every edge, to count merged edges' articles once each.
// EachEdge, which streams, refuses Rollup.

// validateMentions checks the narrowing fields.
func (f Filter) validateMentions() error {
	for _, st := range f.Statuses {
		if _, err := graph.ParseStatus(string(st)); err != nil {
			return fmt.Errorf("filter: %w", err)
		}
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return fmt.Errorf("filter: until %s is before since %s: %w", graph.FormatDate(f.Until), graph.FormatDate(f.Since), graph.ErrInvalid)
	}
	if f.MinArticles < 0 {
		return fmt.Errorf("filter: min articles %d: %w", f.MinArticles, graph.ErrInvalid)
	}
	return nil
}

// selectsMentions reports whether f keeps only some mentions of an edge.
func (f Filter) selectsMentions() bool {
	return !f.Since.IsZero() || !f.Until.IsZero() || len(f.Statuses) > 0
}

// countsDecide reports whether f may drop an edge that has a key: it
// selects mentions or asks for more than one article. Otherwise every
// edge key is kept, since Check holds that each has mentions (an r/ key
// its e/ twin, an e/ key a mention).
func (f Filter) countsDecide() bool {
	return f.selectsMentions() || f.MinArticles > 1
}

// keepsMention reports whether mention m passes Since, Until and Statuses.
// Until is inclusive: it keeps the whole of its day (UTC).
func (f Filter) keepsMention(m graph.Mention) bool {
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, m.Status) {
		return false
	}
	if f.Since.IsZero() && f.Until.IsZero() {
		return true
	}
	if m.Date.IsZero() {
		return false
	}
	if !f.Since.IsZero() && m.Date.Before(startOfDay(f.Since)) {
		return false
	}
	return f.Until.IsZero() || m.Date.Before(startOfDay(f.Until).AddDate(0, 0, 1))
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// refine reads edge e (named by its key) through cursor c and applies f's
// narrowing: it sets e's counts and dates from its stored aggregate
// (aggregate.go) and puts its first f.Evidence mentions in e.Evidence.
// When f selects mentions it reads them all instead, keeps those f wants
// (in e.Evidence, in CompareMentions order, not cut) and counts those. It
// reports whether the edge is kept: it has a mention (left) and, unless f
// rolls up, at least f.MinArticles articles.
func refine(ctx context.Context, c *mentionCursor, e *graph.Edge, f Filter) (bool, error) {
	return refineCounted(ctx, c, e, f, nil)
}

// refineCounted is refine for an edge whose aggregate the caller has read
// (a, or nil to look it up).
func refineCounted(ctx context.Context, c *mentionCursor, e *graph.Edge, f Filter, a *aggregate) (bool, error) {
	return refineHolding(ctx, c, e, f, a, nil, 0)
}

// refineHolding is refineCounted that, given a holder lh, holds the edge's
// first mention as its link i's (leadHolder) instead of decoding it into
// e.Evidence, when it comes from a copy.
func refineHolding(ctx context.Context, c *mentionCursor, e *graph.Edge, f Filter, a *aggregate, lh *leadHolder, i int) (bool, error) {
	e.Evidence = nil
	if f.selectsMentions() {
		return refineSelected(ctx, c, e, f)
	}
	fm := firstMention{hold: lh != nil}
	copied := false // the first mention, from an in-edge copy
	if a == nil && f.inCopies {
		// an in-edge's, which lie together under its target (incopy.go)
		var into *firstMention
		if f.Evidence != 0 {
			into = &fm
		}
		if stored, ok := c.inCopyInto(e.EdgeKey, into); ok {
			a, copied = &stored, into != nil
		}
	}
	if a == nil {
		stored, err := c.aggregate(e.EdgeKey)
		if err != nil {
			return false, err
		}
		a = &stored
	}
	a.setCounts(e)
	if e.Mentions > 0 && (f.Rollup || e.Articles >= f.MinArticles) {
		onlyLead := f.Evidence == 1 || f.Evidence != 0 && e.Mentions == 1
		if onlyLead && (copied || f.copies && copiedLeadInto(c.lookups(), &c.key, e.EdgeKey, a.lead, &fm)) {
			fm.put(e, lh, i)
			return true, nil
		}
		lead := ""
		if f.byLead {
			lead = a.lead
		}
		if err := evidenceLed(ctx, c, e, lead, f.Evidence); err != nil {
			return false, err
		}
	}
	return e.Mentions > 0 && (f.Rollup || e.Articles >= f.MinArticles), nil
}

// refineSelected is refine for a filter that selects mentions: it reads
// them all.
func refineSelected(ctx context.Context, c *mentionCursor, e *graph.Edge, f Filter) (bool, error) {
	var kept []graph.Mention
	err := c.each(ctx, e.EdgeKey, -1, 0, func(key, v []byte) error {
		m, err := decodeMention(e.EdgeKey, key, v)
		if err == nil && f.keepsMention(m) {
			if f.light {
				m.Sentence, m.Trigger = "", ""
			}
			kept = append(kept, m)
		}
		return err
	})
	if err != nil || len(kept) == 0 {
		return false, err
	}
	slices.SortFunc(kept, graph.CompareMentions)
	*e = edgeOf(e.EdgeKey, kept)
	return e.Mentions > 0 && (f.Rollup || e.Articles >= f.MinArticles), nil
}

// edgeOf builds edge k from its mentions ms (in CompareMentions order).
func edgeOf(k graph.EdgeKey, ms []graph.Mention) graph.Edge {
	e := graph.Edge{EdgeKey: k, Evidence: ms}
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.Article] {
			seen[m.Article] = true
			e.Add(0, m.Date)
		}
	}
	e.Mentions = len(ms)
	return e
}

// cut returns the first limit mentions of ms (all of them for -1), or nil.
func cut(ms []graph.Mention, limit int) []graph.Mention {
	switch {
	case limit == 0 || len(ms) == 0:
		return nil
	case limit > 0 && len(ms) > limit:
		return ms[:limit:limit]
	}
	return ms
}

// unrolled is f for the scan under a rollup: every mention, no article
// threshold (both are applied after the fold). The fold needs every
// mention to count articles, but when no evidence is wanted it does not
// need their text: then the mentions are read through refine (all
// statuses is no restriction) without their sentences, which are most of
// their size.
func (f Filter) unrolled() Filter {
	if f.Evidence == 0 {
		f.light = true
		if len(f.Statuses) == 0 {
			f.Statuses = graph.Statuses
		}
	}
	f.Rollup, f.MinArticles, f.Evidence, f.HoldLeads = false, 0, -1, false
	return f
}

// rolledGraph is Graph with f.Rollup set.
func (s *Store) rolledGraph(ctx context.Context, f Filter) (*graph.Graph, error) {
	g, err := s.Graph(ctx, f.unrolled())
	if err != nil {
		return nil, err
	}
	return finishRollup(graph.Rollup(g), f), nil
}

// finishRollup drops g's edges below f.MinArticles, cuts evidence to
// f.Evidence and keeps only the actors the remaining edges name (with
// their affiliations).
func finishRollup(g *graph.Graph, f Filter) *graph.Graph {
	g.Edges = slices.DeleteFunc(g.Edges, func(e graph.Edge) bool { return e.Articles < f.MinArticles })
	used := map[graph.ActorID]bool{}
	for i := range g.Edges {
		e := &g.Edges[i]
		used[e.Source], used[e.Target] = true, true
		addClaimants(used, e.Evidence)
		e.Evidence = cut(e.Evidence, f.Evidence)
	}
	byID := map[graph.ActorID]graph.Actor{}
	for _, a := range g.Actors {
		byID[a.ID] = a
	}
	for _, id := range slices.Collect(maps.Keys(used)) {
		for a, ok := byID[id]; ok && a.Affiliation != "" && !used[a.Affiliation]; a, ok = byID[a.Affiliation] {
			used[a.Affiliation] = true
		}
	}
	g.Actors = slices.DeleteFunc(g.Actors, func(a graph.Actor) bool { return !used[a.ID] })
	return g
}

// rolledNeighborhood is Neighborhood with f.Rollup set: the actors within
// depth hops of id's root in the folded graph, and the edges among them.
func (s *Store) rolledNeighborhood(ctx context.Context, id graph.ActorID, depth int, f Filter) (*graph.Graph, error) {
	root, err := s.root(ctx, id)
	if err != nil {
		return nil, err
	}
	g, err := s.rolledGraph(ctx, f)
	if err != nil {
		return nil, err
	}
	adj := map[graph.ActorID][]graph.ActorID{}
	for _, e := range g.Edges {
		adj[e.Source] = append(adj[e.Source], e.Target)
		adj[e.Target] = append(adj[e.Target], e.Source)
	}
	reached := map[graph.ActorID]bool{root: true}
	frontier := []graph.ActorID{root}
	for hop := 0; hop < depth && len(frontier) > 0; hop++ { // a hop that adds nobody ends the walk
		var next []graph.ActorID
		for _, a := range frontier {
			for _, b := range adj[a] {
				if !reached[b] {
					reached[b] = true
					next = append(next, b)
				}
			}
		}
		frontier = next
	}
	all := g.Actors
	g.Edges = slices.DeleteFunc(g.Edges, func(e graph.Edge) bool { return !reached[e.Source] || !reached[e.Target] })
	g = finishRollup(g, Filter{Evidence: -1})
	if _, ok := g.Actor(root); !ok {
		a, err := s.Actor(ctx, root)
		if err != nil {
			a = placeholder(root)
			if i := slices.IndexFunc(all, func(a graph.Actor) bool { return a.ID == root }); i >= 0 {
				a = all[i]
			}
		}
		g.Actors = append(g.Actors, a)
		g.Sort()
	}
	return g, nil
}

// rolledView is View with f.Rollup set: the view of id's root with the far
// ends of its links folded (graph.RollupView).
func (s *Store) rolledView(ctx context.Context, id graph.ActorID, f Filter) (*graph.View, error) {
	root, err := s.root(ctx, id)
	if err != nil {
		return nil, err
	}
	v, err := s.View(ctx, root, f.unrolled())
	if err != nil {
		return nil, err
	}
	v = graph.RollupView(v)
	v.Links = slices.DeleteFunc(v.Links, func(l graph.Link) bool { return l.Edge.Articles < f.MinArticles })
	for i := range v.Links {
		v.Links[i].Edge.Evidence = cut(v.Links[i].Edge.Evidence, f.Evidence)
	}
	return v, nil
}

// root follows id's affiliation chain to its end (see graph.Roots). The
// error wraps graph.ErrNotFound when id is not a known actor.
func (s *Store) root(ctx context.Context, id graph.ActorID) (graph.ActorID, error) {
	var actors []graph.Actor
	err := s.view(ctx, func(txn *badger.Txn) error {
		seen := map[graph.ActorID]bool{}
		for cur := id; cur != "" && !seen[cur]; {
			seen[cur] = true
			a, err := getActor(txn, cur)
			if err != nil {
				if cur != id {
					break // an affiliation without a record ends the chain
				}
				return err
			}
			actors = append(actors, a)
			cur = a.Affiliation
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("store: actor %s: %w", id, err)
	}
	if r, ok := graph.Roots(actors)[id]; ok {
		return r, nil
	}
	return id, nil
}
