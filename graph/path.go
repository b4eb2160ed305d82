package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// Step is one relation on a path, walked from From to To. The walk may go
// against the edge's direction: "UKR accuses IRN" links IRN to UKR as well.
type Step struct {
	From ActorID `json:"from"`
	To   ActorID `json:"to"`
	Edge Edge    `json:"edge"`
}

// Paths are the shortest chains of relations linking two actors.
type Paths struct {
	From, To ActorID
	// Paths are the chains, each a list of steps from From to To, in
	// ComparePaths order. Empty when no chain within the hop limit exists.
	Paths [][]Step
	// More reports that there were more shortest chains than were asked for.
	More bool
	// Actors holds every actor the paths and their evidence name.
	Actors map[ActorID]Actor
}

// Neighbours is what a path search needs of a graph: the steps that
// leave an actor, one per edge it is an end of (out-edges walked forward,
// in-edges backward), in any order.
type Neighbours interface {
	Steps(id ActorID) ([]Step, error)
}

// Linker is Neighbours that can also give the steps from one actor to
// another directly, without all of either's steps: those of Steps(from)
// that reach to (one per edge between them), in any order. A path search
// asks it first: when two actors are linked, the paths between them are
// those steps, and neither actor's other relations are read (a store's
// are hundreds of keys; the edges between two actors a lookup per
// relation and direction).
type Linker interface {
	Neighbours
	Links(from, to ActorID) ([]Step, error)
}

// ShortestPaths returns up to limit shortest paths of at most maxHops
// steps from from to to, over the steps n gives, in ComparePaths order
// (the first limit of them in that order), and whether there were more.
//
// The search is breadth first from both ends at once, a whole layer at a
// time, always from the side whose last layer is smaller, and it stops at
// the layer where the two sides meet: it asks n for the steps of the
// actors within about half the distance of either end only (a path of
// one step asks for one actor's steps, or for none when n is a Linker).
// The paths are then read off the two searches in order, depth first, so
// that only limit+1 of them are ever made.
func ShortestPaths(n Neighbours, from, to ActorID, maxHops, limit int) ([][]Step, bool, error) {
	if from == to || maxHops < 1 || limit < 1 {
		return nil, false, nil
	}
	if l, ok := n.(Linker); ok {
		if paths, more, err := oneStep(l, from, to, limit); err != nil || len(paths) > 0 {
			return paths, more, err
		}
	}
	fwd, bwd := newSearch(from), newSearch(to)
	for fwd.depth+bwd.depth < maxHops && len(fwd.frontier) > 0 && len(bwd.frontier) > 0 {
		side := fwd
		if len(bwd.frontier) < len(fwd.frontier) {
			side = bwd
		}
		if err := side.expand(n); err != nil {
			return nil, false, err
		}
		if d, ok := meet(fwd, bwd); ok {
			return readPaths(fwd, bwd, d, limit)
		}
	}
	return nil, false, nil
}

// oneStep returns the paths of one step from from to to that l links
// them by, as ShortestPaths gives them, and whether there were more than
// limit.
func oneStep(l Linker, from, to ActorID, limit int) ([][]Step, bool, error) {
	steps, err := l.Links(from, to)
	if err != nil {
		return nil, false, fmt.Errorf("paths: steps from %s to %s: %w", from, to, err)
	}
	steps = slices.DeleteFunc(slices.Clone(steps), func(st Step) bool { return st.From != from || st.To != to })
	slices.SortFunc(steps, CompareSteps)
	var paths [][]Step
	for _, st := range steps[:min(limit, len(steps))] {
		paths = append(paths, []Step{st})
	}
	return paths, len(steps) > limit, nil
}

// search is one side of the breadth-first search.
type search struct {
	start    ActorID
	dist     map[ActorID]int
	parents  map[ActorID][]Step // the steps that reach an actor on a shortest path from start
	frontier []ActorID          // the last layer, sorted
	depth    int
	steps    map[ActorID][]Step // what Neighbours gave, by actor expanded
}

func newSearch(start ActorID) *search {
	return &search{
		start:    start,
		dist:     map[ActorID]int{start: 0},
		parents:  map[ActorID][]Step{},
		frontier: []ActorID{start},
		steps:    map[ActorID][]Step{},
	}
}

// expand adds the next layer.
func (s *search) expand(n Neighbours) error {
	s.depth++
	var next []ActorID
	for _, a := range s.frontier {
		steps, err := n.Steps(a)
		if err != nil {
			return fmt.Errorf("paths: steps of %s: %w", a, err)
		}
		steps = slices.DeleteFunc(slices.Clone(steps), func(st Step) bool {
			return st.From != a || st.To == a // not a step out of a; a loop goes nowhere
		})
		s.steps[a] = steps
		for _, st := range steps {
			d, seen := s.dist[st.To]
			if !seen {
				s.dist[st.To] = s.depth
				next = append(next, st.To)
			}
			if !seen || d == s.depth {
				s.parents[st.To] = append(s.parents[st.To], st)
			}
		}
	}
	slices.Sort(next)
	s.frontier = next
	return nil
}

// meet returns the length of the shortest paths once the two searches
// share an actor.
func meet(fwd, bwd *search) (int, bool) {
	best, ok := 0, false
	for a, df := range fwd.dist {
		if db, in := bwd.dist[a]; in && (!ok || df+db < best) {
			best, ok = df+db, true
		}
	}
	return best, ok
}

// pathReader lists the paths of length d once the searches have met: the
// forward search knows every actor within fwd.depth steps of the start,
// the backward one every actor within bwd.depth of the end, and together
// they cover every position on a path (fwd.depth + bwd.depth >= d).
type pathReader struct {
	fwd, bwd *search
	d        int
	reaches  map[posActor]bool // memo of leads
}

type posActor struct {
	a ActorID
	i int
}

// outs returns the steps out of actor a, standing at position i of a
// path, that stay on a shortest path to the end, in CompareSteps order.
func (r *pathReader) outs(a ActorID, i int) []Step {
	var out []Step
	if i+1 <= r.fwd.depth {
		for _, st := range r.fwd.steps[a] {
			if r.fwd.dist[st.To] == i+1 && r.leads(st.To, i+1) {
				out = append(out, st)
			}
		}
	} else if r.bwd.dist[a] == r.d-i {
		// the backward search reached a from actors one step nearer the
		// end: those steps, turned round
		for _, st := range r.bwd.parents[a] {
			out = append(out, Step{From: a, To: st.From, Edge: st.Edge})
		}
	}
	slices.SortFunc(out, CompareSteps)
	return out
}

// leads reports whether actor a, at position i, is d-i steps from the end.
func (r *pathReader) leads(a ActorID, i int) bool {
	if i >= r.d-r.bwd.depth {
		db, ok := r.bwd.dist[a]
		return ok && db == r.d-i
	}
	k := posActor{a, i}
	if v, ok := r.reaches[k]; ok {
		return v
	}
	r.reaches[k] = len(r.outs(a, i)) > 0
	return r.reaches[k]
}

// readPaths lists the first limit paths of length d in ComparePaths
// order, depth first from the start (steps in CompareSteps order at each
// actor), and whether there are more.
func readPaths(fwd, bwd *search, d, limit int) ([][]Step, bool, error) {
	r := &pathReader{fwd: fwd, bwd: bwd, d: d, reaches: map[posActor]bool{}}
	var paths [][]Step
	more := false
	var walk func(at ActorID, prefix []Step)
	walk = func(at ActorID, prefix []Step) {
		if len(prefix) == d {
			if len(paths) == limit {
				more = true
			} else {
				paths = append(paths, slices.Clone(prefix))
			}
			return
		}
		for _, st := range r.outs(at, len(prefix)) {
			if more {
				return
			}
			walk(st.To, append(prefix, st))
		}
	}
	walk(fwd.start, nil)
	return paths, more, nil
}

// CompareSteps orders steps by the actor reached, then the actor left,
// then the edge.
func CompareSteps(a, b Step) int {
	if c := cmp.Compare(a.To, b.To); c != 0 {
		return c
	}
	if c := cmp.Compare(a.From, b.From); c != 0 {
		return c
	}
	return CompareEdges(a.Edge, b.Edge)
}

// ComparePaths orders paths step by step (CompareSteps), then the
// shorter first.
func ComparePaths(a, b []Step) int {
	for i := range min(len(a), len(b)) {
		if c := CompareSteps(a[i], b[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// Adjacency is the Neighbours of a graph held in memory: the steps over
// edges, each edge walked both ways.
func Adjacency(edges []Edge) Neighbours {
	adj := adjacency{}
	for _, e := range edges {
		adj[e.Source] = append(adj[e.Source], Step{From: e.Source, To: e.Target, Edge: e})
		adj[e.Target] = append(adj[e.Target], Step{From: e.Target, To: e.Source, Edge: e})
	}
	return adj
}

type adjacency map[ActorID][]Step

func (a adjacency) Steps(id ActorID) ([]Step, error) { return a[id], nil }

// Links makes an adjacency a Linker.
func (a adjacency) Links(from, to ActorID) ([]Step, error) {
	var steps []Step
	for _, st := range a[from] {
		if st.To == to {
			steps = append(steps, st)
		}
	}
	return steps, nil
}
