package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// View returns id's relations: its own out- and in-edges, plus the edges of
// every actor whose Affiliation is id (its officials and institutions), as
// Links with Via set to that member. It reads only prefix scans of those
// actors' keys (f/<id>/, e/<actor>/, r/<actor>/), never the whole store.
//
// f.Direction keeps out- or in-links; an allies-with link, which is
// symmetric, is Out and passes either direction. Links are sorted with
// graph.CompareLinks, each with up to f.Evidence mentions. View.Actors holds
// every actor the view names (ends, vias, their affiliations, claimants).
// The error wraps graph.ErrNotFound when id is not a known actor.
func (s *Store) View(ctx context.Context, id graph.ActorID, f Filter) (*graph.View, error) {
	if err := id.Validate(); err != nil {
		return nil, fmt.Errorf("store: view: %w", err)
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	if f.Rollup {
		return s.rolledView(ctx, id, f)
	}
	// A seek searches a table of every level that holds some (each table
	// of level 0, whose keys span the whole key space), a lookup skips
	// those whose bloom filter lacks the key: with large tables in more
	// than one level, lookups read fewer blocks (the 1 GB corpus store,
	// in two levels: 0.93x the page faults of actor Russia). With one
	// level, both search the same table and the lookup reads its bloom
	// filter too (1.07x the page faults on the 100 MB one), and so with
	// small tables beside it (manyLevels).
	f.byLead = manyLevels(s.db)
	return s.viewOf(ctx, id, f)
}

// viewOf is View for a valid id and f, without a rollup.
func (s *Store) viewOf(ctx context.Context, id graph.ActorID, f Filter) (*graph.View, error) {
	v := &graph.View{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		f.copies = leadCopiesCurrent(s.db, txn)
		f.inCopies = inCopiesCurrent(s.db, txn)
		// the links' keys first (with the out-edges' counts), then their
		// counts and evidence, read on several goroutines
		var links viewLinks
		var err error
		if v.Actor, links, err = gatherLinks(ctx, txn, id, f); err != nil {
			return err
		}
		// the actors the links name are read while their edges are
		ends := endsOf(id, links.links)
		var actors map[graph.ActorID]graph.Actor
		var actorsErr error
		var wg sync.WaitGroup
		wg.Go(func() { actorsErr = catch(func() (err error) { actors, err = loadActors(txn, ends); return err }) })
		var lh *leadHolder
		if f.HoldLeads {
			lh = newLeadHolder(len(links.links))
		}
		v.Links, err = refineLinks(ctx, txn, links, f, lh)
		wg.Wait()
		if err = cmp.Or(err, actorsErr); err != nil {
			return err
		}
		held := heldOf(lh)
		sortHeld(v.Links, held)
		if held != nil {
			v.Leads = &viewLeads{links: v.Links, held: held}
		}
		claimants := lh.named()
		if len(v.Links) == len(links.links) && namesOnly(actors, v.Links) && allIn(actors, claimants) {
			// refine kept every link, so they name the ends the actors
			// were read for, and their claimants are among those: the
			// actors read are what viewActors would read again
			v.Actors = actors
			return nil
		}
		v.Actors, err = viewActors(txn, actors, id, v.Links, claimants)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	return v, nil
}

// endsOf is the set of actors links name: id, the other ends and the vias.
func endsOf(id graph.ActorID, links []graph.Link) map[graph.ActorID]bool {
	ids := map[graph.ActorID]bool{id: true}
	for _, l := range links {
		ids[l.Other] = true
		if l.Via != "" {
			ids[l.Via] = true
		}
	}
	return ids
}

// viewActors is what View.Actors holds for links: id, the other ends,
// the vias, the claimants and disputants of the evidence, and their
// affiliations, taken from read (what loadActors read of a larger set)
// or else read.
func viewActors(txn *badger.Txn, read map[graph.ActorID]graph.Actor, id graph.ActorID, links []graph.Link, claimants map[graph.ActorID]bool) (map[graph.ActorID]graph.Actor, error) {
	ids := endsOf(id, links)
	for _, l := range links {
		addClaimants(ids, l.Edge.Evidence)
	}
	for c := range claimants {
		ids[c] = true
	}
	return loadActorsFrom(txn, read, ids)
}

// allIn reports whether every id of ids is in actors.
func allIn(actors map[graph.ActorID]graph.Actor, ids map[graph.ActorID]bool) bool {
	for id := range ids {
		if _, ok := actors[id]; !ok {
			return false
		}
	}
	return true
}

// viewKeys returns the links View gives for id and f with their keys
// only, no counts or evidence, for a walk over their mention keys (which
// finds none for an edge View would leave out for having none). It
// cannot apply f.MinArticles, which needs the counts.
func (s *Store) viewKeys(ctx context.Context, id graph.ActorID, f Filter) ([]graph.Link, error) {
	if err := id.Validate(); err != nil {
		return nil, fmt.Errorf("store: view: %w", err)
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	var links viewLinks
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		_, links, err = gatherLinks(ctx, txn, id, f)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: view %s: %w", id, err)
	}
	return links.links, nil
}

// gatherLinks reads actor id and the links of its view that f's
// relations and direction keep, as viewLinks.add gives them: their keys,
// and the out-edges' counts.
func gatherLinks(ctx context.Context, txn *badger.Txn, id graph.ActorID, f Filter) (graph.Actor, viewLinks, error) {
	var links viewLinks
	a, err := getActor(txn, id)
	if err != nil {
		return a, links, err
	}
	members, err := affiliates(ctx, txn, id)
	if err != nil {
		return a, links, err
	}
	subjects := append([]graph.ActorID{id}, members...)
	// room for their edges at once, from their stored counts (a hint: 0
	// if none, bounded if damaged): a slice grown per subject was copied
	// as often, and in a process this short every page it takes is a
	// page fault
	n := 0
	for _, subject := range subjects {
		c, err := getActorCounts(txn, subject)
		if err != nil {
			return a, links, err
		}
		n += min(c.Edges, maxLinksHint)
	}
	links.grow(min(n, maxLinksHint))
	for _, subject := range subjects {
		if err := links.add(ctx, txn, subject, id, f); err != nil {
			return a, links, err
		}
	}
	return a, links, nil
}

// affiliates lists the actors whose Affiliation is id, from f/<id>/.
func affiliates(ctx context.Context, txn *badger.Txn, id graph.ActorID) ([]graph.ActorID, error) {
	var members []graph.ActorID
	err := eachKey(ctx, txn, affilPrefixFor(id), func(k []byte) error {
		_, m, err := parseAffilKey(k)
		if m != id {
			members = append(members, m)
		}
		return err
	})
	return members, err
}

// viewLinks are the links of a view being gathered, each with its edge's
// stored counts when they were read with its key (counted[i]): set in
// the link's edge, its lead in leads[i]. A slice of whole aggregates
// (144 bytes each, where a lead is 16) took 80 of the 2,000 page faults
// of actor Russia on the 100 MB store.
type viewLinks struct {
	links   []graph.Link
	leads   []string
	counted []bool
}

// maxLinksHint bounds the room gatherLinks makes from an actor's stored
// count of edges.
const maxLinksHint = 1 << 14

// grow makes room for n more links.
func (vl *viewLinks) grow(n int) {
	vl.links = slices.Grow(vl.links, n)
	vl.leads = slices.Grow(vl.leads, n)
	vl.counted = slices.Grow(vl.counted, n)
}

// countsOf is link i's stored counts (those refine reads), when they
// were read.
func (vl *viewLinks) countsOf(i int) (a aggregate, ok bool) {
	if !vl.counted[i] {
		return a, false
	}
	e := &vl.links[i].Edge
	return aggregate{Mentions: e.Mentions, Articles: e.Articles, First: e.FirstSeen, Last: e.LastSeen, lead: vl.leads[i]}, true
}

// add appends subject's edges whose relation and direction f keeps as
// links of viewed (Via = subject when subject is a member of viewed),
// with their keys, and the out-edges' counts (see refineLinks).
func (vl *viewLinks) add(ctx context.Context, txn *badger.Txn, subject, viewed graph.ActorID, f Filter) error {
	var via graph.ActorID
	if subject != viewed {
		via = subject
	}
	add := func(dir graph.Direction, other graph.ActorID, k graph.EdgeKey, counts aggregate, counted bool) error {
		if k.Relation.Symmetric() {
			dir = graph.Out
		} else if f.Direction == graph.Out && dir != graph.Out || f.Direction == graph.In && dir != graph.In {
			return nil
		}
		vl.links = append(vl.links, graph.Link{Direction: dir, Other: other, Via: via, Edge: graph.Edge{EdgeKey: k}})
		counts.setCounts(&vl.links[len(vl.links)-1].Edge)
		vl.leads = append(vl.leads, counts.lead)
		vl.counted = append(vl.counted, counted)
		return nil
	}
	err := outEdgeCounts(ctx, txn, subject, f, func(k countedKey) error {
		return add(graph.Out, k.key.Target, k.key, k.counts, k.counted)
	})
	if err != nil {
		return err
	}
	return eachInEdgeKey(ctx, txn, subject, f, func(k graph.EdgeKey) error { return add(graph.In, k.Source, k, aggregate{}, false) })
}

// namesOnly reports whether every claimant and disputant of links'
// evidence is in actors.
func namesOnly(actors map[graph.ActorID]graph.Actor, links []graph.Link) bool {
	in := func(id graph.ActorID) bool {
		_, ok := actors[id]
		return id == "" || ok
	}
	for _, l := range links {
		for _, m := range l.Edge.Evidence {
			if !in(m.ClaimedBy) || !in(m.DisputedBy) {
				return false
			}
		}
	}
	return true
}

// addClaimants adds the claimants and disputants of ms to ids.
func addClaimants(ids map[graph.ActorID]bool, ms []graph.Mention) {
	for _, m := range ms {
		if m.ClaimedBy != "" {
			ids[m.ClaimedBy] = true
		}
		if m.DisputedBy != "" {
			ids[m.DisputedBy] = true
		}
	}
}

// loadActors reads the actors ids and their affiliations. An id without a
// record (which a consistent store does not have) gets a placeholder.
func loadActors(txn *badger.Txn, ids map[graph.ActorID]bool) (map[graph.ActorID]graph.Actor, error) {
	return loadActorsFrom(txn, nil, ids)
}

// loadActorsFrom is loadActors, taking the actors read holds from it
// instead of reading them.
func loadActorsFrom(txn *badger.Txn, read map[graph.ActorID]graph.Actor, ids map[graph.ActorID]bool) (map[graph.ActorID]graph.Actor, error) {
	todo := slices.Sorted(maps.Keys(ids))
	var out map[graph.ActorID]graph.Actor
	if read == nil && len(todo) >= scanActors {
		// the walk's map is the answer: what follows adds the ids
		// without a record and the affiliations (a copy of it was 80 KB
		// of fresh pages in actor Russia's view)
		var err error
		if out, err = scanActorsFor(txn, ids); err != nil {
			return nil, err
		}
		todo = affiliationsOutside(out, todo)
	} else {
		out = make(map[graph.ActorID]graph.Actor, len(ids))
	}
	for len(todo) > 0 {
		id := todo[0]
		todo = todo[1:]
		if _, ok := out[id]; ok {
			continue
		}
		a, ok := read[id]
		var err error
		if !ok {
			a, err = getActor(txn, id)
		}
		if errors.Is(err, graph.ErrNotFound) {
			a = placeholder(id)
		} else if err != nil {
			return nil, fmt.Errorf("actor %s: %w", id, err)
		}
		out[id] = a
		if a.Affiliation != "" {
			todo = append(todo, a.Affiliation)
		}
	}
	return out, nil
}

// affiliationsOutside returns the ids of todo that have no actor in
// read, followed by the affiliations of read's actors that are not in it,
// in order.
func affiliationsOutside(read map[graph.ActorID]graph.Actor, todo []graph.ActorID) []graph.ActorID {
	var more []graph.ActorID
	for _, id := range todo {
		if _, ok := read[id]; !ok {
			more = append(more, id)
		}
	}
	n := len(more)
	for _, a := range read {
		if _, ok := read[a.Affiliation]; a.Affiliation != "" && !ok {
			more = append(more, a.Affiliation)
		}
	}
	slices.Sort(more[n:])
	return more
}

// scanActors is how many actors loadActorsFrom reads by one walk over
// every actor record (a/) instead of a lookup each: actor Russia's view
// names 577 of the 681 actors of the 100 MB store, and each lookup
// searched the table and read and verified its block anew (Badger keeps
// no block cache here).
const scanActors = 128

// scanActorsFor reads the records of the actors ids names by one walk
// over a/, decoding only those.
func scanActorsFor(txn *badger.Txn, ids map[graph.ActorID]bool) (map[graph.ActorID]graph.Actor, error) {
	read := make(map[graph.ActorID]graph.Actor, len(ids))
	err := eachValue(context.Background(), txn, []byte(actorPrefix), func(k, v []byte) error {
		id := graph.ActorID(k[len(actorPrefix):])
		if !ids[id] {
			return nil
		}
		a, err := decodeActor(v)
		if err != nil {
			return fmt.Errorf("actor %s: %w", id, err)
		}
		read[id] = a
		return nil
	})
	return read, err
}

// Graph returns every edge whose relation f keeps, with up to f.Evidence
// mentions, and the actors they name (ends, their affiliations,
// claimants), sorted with g.Sort. f.Direction does not apply.
func (s *Store) Graph(ctx context.Context, f Filter) (*graph.Graph, error) {
	if f.Rollup {
		if err := f.validate(); err != nil {
			return nil, fmt.Errorf("store: graph: %w", err)
		}
		return s.rolledGraph(ctx, f)
	}
	g := &graph.Graph{}
	ids := map[graph.ActorID]bool{}
	err := s.EachEdge(ctx, f, func(e graph.Edge) error {
		g.Edges = append(g.Edges, e)
		ids[e.Source], ids[e.Target] = true, true
		addClaimants(ids, e.Evidence)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: graph: %w", err)
	}
	if err := s.fillActors(ctx, g, ids); err != nil {
		return nil, fmt.Errorf("store: graph: %w", err)
	}
	return g, nil
}

// fillActors sets g.Actors to ids and their affiliations, and sorts g.
func (s *Store) fillActors(ctx context.Context, g *graph.Graph, ids map[graph.ActorID]bool) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		actors, err := loadActors(txn, ids)
		if err != nil {
			return err
		}
		g.Actors = slices.Collect(maps.Values(actors))
		g.Sort()
		return nil
	})
}

// Neighborhood returns the subgraph within depth hops of id: edges whose
// relation f keeps, followed in either direction (f.Direction does not
// apply), plus the edges among the actors reached. Actors holds the reached
// actors, their affiliations and claimants; the graph is sorted. The error
// wraps graph.ErrNotFound when id is not a known actor.
func (s *Store) Neighborhood(ctx context.Context, id graph.ActorID, depth int, f Filter) (*graph.Graph, error) {
	if err := id.Validate(); err != nil {
		return nil, fmt.Errorf("store: neighborhood: %w", err)
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("store: neighborhood %s: %w", id, err)
	}
	if depth < 0 {
		return nil, fmt.Errorf("store: neighborhood %s: depth %d: %w", id, depth, graph.ErrInvalid)
	}
	if f.Rollup {
		return s.rolledNeighborhood(ctx, id, depth, f)
	}
	g := &graph.Graph{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		root, err := getActor(txn, id)
		if err != nil {
			return err
		}
		reached, err := walk(ctx, txn, root.ID, depth, f, g)
		if err != nil {
			return err
		}
		for i := range g.Edges {
			if err := evidence(ctx, txn, &g.Edges[i], f.Evidence); err != nil {
				return err
			}
			addClaimants(reached, g.Edges[i].Evidence)
		}
		actors, err := loadActors(txn, reached)
		g.Actors = slices.Collect(maps.Values(actors))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: neighborhood %s: %w", id, err)
	}
	g.Sort()
	return g, nil
}

// walk adds to g the edges within depth hops of root, breadth first, and
// returns the actors reached. Actors first reached at the last hop are not
// expanded, but their out-edges to other reached actors are added (their
// in-edges from reached actors are someone's out-edges).
func walk(ctx context.Context, txn *badger.Txn, root graph.ActorID, depth int, f Filter, g *graph.Graph) (map[graph.ActorID]bool, error) {
	reached := map[graph.ActorID]bool{root: true}
	seen := map[graph.EdgeKey]bool{}
	frontier := []graph.ActorID{root}
	keep := func(e graph.Edge) {
		if !seen[e.EdgeKey] {
			seen[e.EdgeKey] = true
			g.Edges = append(g.Edges, e)
		}
	}
	for hop := 0; hop < depth && len(frontier) > 0; hop++ { // a hop that adds nobody ends the walk
		var next []graph.ActorID
		visit := func(other graph.ActorID, e graph.Edge) error {
			keep(e)
			if !reached[other] {
				reached[other] = true
				next = append(next, other)
			}
			return nil
		}
		for _, a := range frontier {
			if err := outEdges(ctx, txn, a, f, func(e graph.Edge) error { return visit(e.Target, e) }); err != nil {
				return nil, err
			}
			if err := inEdges(ctx, txn, a, f, func(e graph.Edge) error { return visit(e.Source, e) }); err != nil {
				return nil, err
			}
		}
		frontier = next
	}
	for _, a := range frontier {
		err := outEdges(ctx, txn, a, f, func(e graph.Edge) error {
			if reached[e.Target] {
				keep(e)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return reached, nil
}
