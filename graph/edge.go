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
// target, field by field, stopping at the first difference.
func CompareEdgeKeys(a, b EdgeKey) int {
	if c := cmp.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	if c := cmp.Compare(relIndex(a.Relation), relIndex(b.Relation)); c != 0 {
		return c
	}
	return cmp.Compare(a.Target, b.Target)
}

// relIndex is r's index in Relations, len(Relations) for any other
// string: a switch, where a walk of Relations compared r with each
// (TestRelIndex holds the two to the same answers).
func relIndex(r Relation) int {
	switch r {
	case Accuses:
		return 0
	case Denies:
		return 1
	case Supplies:
		return 2
	case AlliesWith:
		return 3
	case Recognizes:
		return 4
	}
	return 5
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
	// Statuses counts all the edge's mentions by status, when the reader
	// counted them (see CountStatuses); zero otherwise. Unlike Evidence it
	// is never cut short, so it tells whether anything asserts the edge.
	Statuses StatusCounts `json:"-"`
}

// StatusCounts counts mentions by status.
type StatusCounts struct {
	Asserted, Alleged, Promised, Denied int
}

// Add counts n mentions of status s; a mention without a status counts as
// asserted, as it did before statuses were kept.
func (c *StatusCounts) Add(s Status, n int) {
	switch s {
	case Alleged:
		c.Alleged += n
	case Promised:
		c.Promised += n
	case Denied:
		c.Denied += n
	default:
		c.Asserted += n
	}
}

// Of returns the count of status s.
func (c StatusCounts) Of(s Status) int {
	switch s {
	case Asserted:
		return c.Asserted
	case Alleged:
		return c.Alleged
	case Promised:
		return c.Promised
	case Denied:
		return c.Denied
	}
	return 0
}

// Total is the number of mentions counted.
func (c StatusCounts) Total() int { return c.Asserted + c.Alleged + c.Promised + c.Denied }

// Plus returns the sum of c and d, for edges that are merged.
func (c StatusCounts) Plus(d StatusCounts) StatusCounts {
	return StatusCounts{c.Asserted + d.Asserted, c.Alleged + d.Alleged, c.Promised + d.Promised, c.Denied + d.Denied}
}

// CountStatuses counts the statuses of ms.
func CountStatuses(ms []Mention) StatusCounts {
	var c StatusCounts
	for _, m := range ms {
		c.Add(m.Status, 1)
	}
	return c
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
