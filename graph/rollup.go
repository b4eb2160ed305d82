package graph

import (
	"maps"
	"slices"
	"time"
)

// Roots maps each actor that speaks for another (its Affiliation is set) to
// the actor at the end of its affiliation chain: a minister to her state, a
// spokesman through his ministry to the state. Actors that speak for
// themselves are not in the map. Affiliations may name ids that are not
// among actors; the chain ends there. A chain that loops ends at the
// smallest id of the loop.
func Roots(actors []Actor) map[ActorID]ActorID {
	aff := make(map[ActorID]ActorID, len(actors))
	for _, a := range actors {
		if a.Affiliation != "" && a.Affiliation != a.ID {
			aff[a.ID] = a.Affiliation
		}
	}
	roots := make(map[ActorID]ActorID, len(aff))
	for id := range aff {
		seen := map[ActorID]bool{id: true}
		cur := id
		for {
			next, ok := aff[cur]
			if !ok {
				break
			}
			if seen[next] {
				cur = loopMin(aff, next)
				break
			}
			seen[next] = true
			cur = next
		}
		if cur != id {
			roots[id] = cur
		}
	}
	return roots
}

// loopMin returns the smallest id on the affiliation loop through start.
func loopMin(aff map[ActorID]ActorID, start ActorID) ActorID {
	least := start
	for cur := aff[start]; cur != start; cur = aff[cur] {
		least = min(least, cur)
	}
	return least
}

// root returns id's root, or id itself.
func root(roots map[ActorID]ActorID, id ActorID) ActorID {
	if r, ok := roots[id]; ok {
		return r
	}
	return id
}

// Rollup returns a copy of g in which every actor that speaks for another
// is folded into its root (see Roots): edges are moved to the roots, an
// edge that then joins an actor to itself is dropped, and edges that then
// share a key are merged. Evidence moves too: each mention's ends,
// claimant and disputant become their roots. Folded actors are left out
// of Actors. The result is sorted.
//
// A merged edge's counts are recomputed from its evidence when every edge
// merged into it carries all its mentions (len(Evidence) == Mentions);
// otherwise articles and mentions are added up, which counts an article
// twice if it shows two of the merged edges. Status counts are added up.
func Rollup(g *Graph) *Graph {
	out := &Graph{}
	if g == nil {
		return out
	}
	roots := Roots(g.Actors)
	groups := map[EdgeKey][]Edge{}
	for _, e := range g.Edges {
		src, dst := root(roots, e.Source), root(roots, e.Target)
		if src == dst {
			continue
		}
		k := NewEdgeKey(src, e.Relation, dst)
		groups[k] = append(groups[k], e)
	}
	for k, es := range groups {
		out.Edges = append(out.Edges, mergeEdges(k, es, roots))
	}
	for _, a := range g.Actors {
		if _, folded := roots[a.ID]; !folded {
			out.Actors = append(out.Actors, a)
		}
	}
	out.Sort()
	return out
}

// RollupView returns a copy of v in which the far ends of links are folded
// into their roots (see Roots, over v.Actors; the viewed actor should be a root), and links that then have the
// same direction, relation and far end are merged, without Via. Links
// whose far end folds into the viewed actor are dropped. Counts are
// recomputed as in Rollup. Links are sorted with CompareLinks.
func RollupView(v *View) *View {
	if v == nil {
		return nil
	}
	roots := Roots(slices.Collect(maps.Values(v.Actors)))
	type linkKey struct {
		dir   Direction
		rel   Relation
		other ActorID
	}
	groups := map[linkKey][]Edge{}
	for _, l := range v.Links {
		other := root(roots, l.Other)
		if other == v.Actor.ID {
			continue
		}
		k := linkKey{l.Direction, l.Edge.Relation, other}
		groups[k] = append(groups[k], l.Edge)
	}
	out := &View{Actor: v.Actor, Actors: v.Actors, Links: make([]Link, 0, len(groups))}
	for k, es := range groups {
		ek := NewEdgeKey(v.Actor.ID, k.rel, k.other)
		if k.dir == In {
			ek = NewEdgeKey(k.other, k.rel, v.Actor.ID)
		}
		out.Links = append(out.Links, Link{Direction: k.dir, Other: k.other, Edge: mergeEdges(ek, es, roots)})
	}
	slices.SortFunc(out.Links, CompareLinks)
	return out
}

// mergeEdges merges es into one edge with key k, moving the evidence's
// actors to their roots.
func mergeEdges(k EdgeKey, es []Edge, roots map[ActorID]ActorID) Edge {
	merged := Edge{EdgeKey: k}
	complete := true
	for _, e := range es {
		complete = complete && len(e.Evidence) == e.Mentions
		merged.Statuses = merged.Statuses.Plus(e.Statuses)
		for _, m := range e.Evidence {
			m.Source, m.Target = root(roots, m.Source), root(roots, m.Target)
			if m.ClaimedBy != "" {
				m.ClaimedBy = root(roots, m.ClaimedBy)
			}
			if m.DisputedBy != "" {
				m.DisputedBy = root(roots, m.DisputedBy)
			}
			if m.Relation.Symmetric() && m.Target < m.Source {
				m.Source, m.Target = m.Target, m.Source
			}
			merged.Evidence = append(merged.Evidence, m)
		}
	}
	slices.SortFunc(merged.Evidence, CompareMentions)
	if !complete || len(es) == 1 {
		for _, e := range es {
			merged.Articles += e.Articles
			merged.Mentions += e.Mentions
			merged.FirstSeen = earliest(merged.FirstSeen, e.FirstSeen)
			merged.LastSeen = latest(merged.LastSeen, e.LastSeen)
		}
		return merged
	}
	seen := map[string]bool{}
	for _, m := range merged.Evidence {
		if !seen[m.Article] {
			seen[m.Article] = true
			merged.Add(0, m.Date)
		}
	}
	merged.Mentions = len(merged.Evidence)
	return merged
}

// earliest is the earlier of two dates, ignoring zero ones.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

// latest is the later of two dates.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
