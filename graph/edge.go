package graph

import (
	"cmp"
	"time"
)

// EdgeKey names an edge: source, relation, target. For a symmetric relation
// Source <= Target.
type EdgeKey struct {
	Source   ActorID  `json:"source"`
	Relation Relation `json:"relation"`
	Target   ActorID  `json:"target"`
}

// NewEdgeKey returns the key of the edge from source to target, ordering the
// ends of a symmetric relation.
func NewEdgeKey(source ActorID, rel Relation, target ActorID) EdgeKey {
	if rel.Symmetric() && target < source {
		source, target = target, source
	}
	return EdgeKey{Source: source, Relation: rel, Target: target}
}

// CompareEdgeKeys orders keys by source, relation (in Relations order) and
// target.
func CompareEdgeKeys(a, b EdgeKey) int {
	return cmp.Or(
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(relIndex(a.Relation), relIndex(b.Relation)),
		cmp.Compare(a.Target, b.Target),
	)
}

func relIndex(r Relation) int {
	for i, k := range Relations {
		if k == r {
			return i
		}
	}
	return len(Relations)
}

// Edge is a relation between two actors aggregated over every article that
// shows it.
type Edge struct {
	EdgeKey
	Articles  int       `json:"articles"`   // distinct articles with a mention
	Mentions  int       `json:"mentions"`   // mentions in all
	FirstSeen time.Time `json:"first_seen"` // earliest article date
	LastSeen  time.Time `json:"last_seen"`  // latest article date
	// Evidence holds some or all of the edge's mentions, in CompareMentions
	// order. Listings may leave it empty or cut it short.
	Evidence []Mention `json:"evidence,omitempty"`
}

// CompareEdges orders edges by key.
func CompareEdges(a, b Edge) int { return CompareEdgeKeys(a.EdgeKey, b.EdgeKey) }

// Add folds one article's mentions of the edge into its counts: Articles goes
// up by one, Mentions by n, and the seen dates widen to include date (a zero
// date changes neither).
func (e *Edge) Add(n int, date time.Time) {
	e.Articles++
	e.Mentions += n
	if date.IsZero() {
		return
	}
	if e.FirstSeen.IsZero() || date.Before(e.FirstSeen) {
		e.FirstSeen = date
	}
	if date.After(e.LastSeen) {
		e.LastSeen = date
	}
}
