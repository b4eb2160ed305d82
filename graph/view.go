package graph

import (
	"cmp"
	"fmt"
)

// Direction says which way an edge points from the actor being viewed.
type Direction string

// The directions. Both is a filter value only; a Link is Out or In.
const (
	Out  Direction = "out"
	In   Direction = "in"
	Both Direction = "both"
)

// ParseDirection parses out, in or both.
func ParseDirection(s string) (Direction, error) {
	switch d := Direction(s); d {
	case Out, In, Both:
		return d, nil
	}
	return "", fmt.Errorf("direction %q: want out, in or both: %w", s, ErrInvalid)
}

// Link is one relation of a viewed actor: an edge seen from that actor's
// side. For a symmetric relation the direction is Out.
type Link struct {
	Direction Direction `json:"direction"`
	// Other is the actor at the far end.
	Other ActorID `json:"other"`
	// Via is set when the edge belongs to an actor that speaks for the viewed
	// one (a minister for a state): it names that person or body.
	Via  ActorID `json:"via,omitempty"`
	Edge Edge    `json:"edge"`
}

// CompareLinks orders links by relation, direction, other actor and via.
func CompareLinks(a, b Link) int {
	return cmp.Or(
		cmp.Compare(relIndex(a.Edge.Relation), relIndex(b.Edge.Relation)),
		cmp.Compare(a.Direction, b.Direction),
		cmp.Compare(a.Other, b.Other),
		cmp.Compare(a.Via, b.Via),
	)
}

// View is one actor's relations, with every actor they name.
type View struct {
	Actor Actor  `json:"actor"`
	Links []Link `json:"links"`
	// MentionedIn is how many stored articles name the actor, in a
	// relation or not.
	MentionedIn int               `json:"mentioned_in"`
	Actors      map[ActorID]Actor `json:"-"`
}
