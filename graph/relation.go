package graph

import (
	"fmt"
	"strings"
)

// Relation is one of the five typed relations geokg extracts.
type Relation string

// The five relations.
const (
	// Accuses: the source publicly blames, charges or condemns the target or
	// the target's act.
	Accuses Relation = "accuses"
	// Denies: the source rejects a claim made by the target (the accuser).
	Denies Relation = "denies"
	// Supplies: the source provides arms, equipment, money or aid to the target.
	Supplies Relation = "supplies"
	// AlliesWith: the two actors are allies. Symmetric.
	AlliesWith Relation = "allies-with"
	// Recognizes: the source formally recognises the target as a state,
	// government or territory.
	Recognizes Relation = "recognizes"
)

// Relations lists the relations in display order.
var Relations = []Relation{Accuses, Denies, Supplies, AlliesWith, Recognizes}

// ParseRelation parses a relation name; it accepts the canonical form and
// the common variants "allies", "ally", "allies_with", "recognises".
func ParseRelation(s string) (Relation, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.ReplaceAll(k, "_", "-")
	switch k {
	case "allies", "ally", "allies-with", "allied":
		return AlliesWith, nil
	case "recognises", "recognizes":
		return Recognizes, nil
	}
	for _, r := range Relations {
		if string(r) == k {
			return r, nil
		}
	}
	return "", fmt.Errorf("relation %q: want one of accuses, denies, supplies, allies-with, recognizes: %w", s, ErrInvalid)
}

// Symmetric reports whether r holds in both directions (allies-with).
func (r Relation) Symmetric() bool { return r == AlliesWith }

// Valid reports whether r is one of the five relations.
func (r Relation) Valid() bool {
	for _, k := range Relations {
		if r == k {
			return true
		}
	}
	return false
}

// String returns the relation's canonical name.
func (r Relation) String() string { return string(r) }
