package graph

import (
	"cmp"
	"slices"
)

// Graph is a set of actors and the edges between them, as read from a store
// or built from extraction results.
type Graph struct {
	Actors []Actor `json:"actors"`
	Edges  []Edge  `json:"edges"`
}

// Sort puts actors in id order and edges in CompareEdges order, with each
// edge's evidence in CompareMentions order. Exports call it so the same graph
// always gives the same bytes.
func (g *Graph) Sort() {
	slices.SortFunc(g.Actors, func(a, b Actor) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Edges, CompareEdges)
	for i := range g.Edges {
		slices.SortFunc(g.Edges[i].Evidence, CompareMentions)
	}
}

// Actor returns the actor with the given id.
func (g *Graph) Actor(id ActorID) (Actor, bool) {
	for _, a := range g.Actors {
		if a.ID == id {
			return a, true
		}
	}
	return Actor{}, false
}

// FromMentions aggregates mentions into a graph: one edge per key, counting
// distinct articles and mentions, with every mention as evidence. Actors
// are taken from actors, restricted to those at an end of an edge or named
// as an affiliation, claimant or disputant.
func FromMentions(actors []Actor, mentions []Mention) *Graph {
	edges := map[EdgeKey]*Edge{}
	seen := map[EdgeKey]map[string]bool{}
	used := map[ActorID]bool{}
	for _, m := range mentions {
		k := m.Key()
		e := edges[k]
		if e == nil {
			e = &Edge{EdgeKey: k}
			edges[k] = e
			seen[k] = map[string]bool{}
		}
		if !seen[k][m.Article] {
			seen[k][m.Article] = true
			e.Add(0, m.Date)
		}
		e.Mentions++
		e.Evidence = append(e.Evidence, m)
		used[m.Source], used[m.Target] = true, true
		if m.ClaimedBy != "" {
			used[m.ClaimedBy] = true
		}
		if m.DisputedBy != "" {
			used[m.DisputedBy] = true
		}
	}
	g := &Graph{}
	for _, e := range edges {
		g.Edges = append(g.Edges, *e)
	}
	byID := map[ActorID]Actor{}
	for _, a := range actors {
		byID[a.ID] = a
	}
	// Follow affiliations to the end of the chain (a spokesperson, the body
	// it speaks for, that body's state). Adding to a map while ranging over
	// it may or may not visit the new keys, so work from a list.
	todo := make([]ActorID, 0, len(used))
	for id := range used {
		todo = append(todo, id)
	}
	for len(todo) > 0 {
		id := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if a, ok := byID[id]; ok && a.Affiliation != "" && !used[a.Affiliation] {
			used[a.Affiliation] = true
			todo = append(todo, a.Affiliation)
		}
	}
	for id := range used {
		if a, ok := byID[id]; ok {
			g.Actors = append(g.Actors, a)
		} else {
			g.Actors = append(g.Actors, Actor{ID: id, Name: string(id), Type: Group})
		}
	}
	g.Sort()
	return g
}
