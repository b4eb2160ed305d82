package graph

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ActorID is the stable identifier of an actor. States use their ISO 3166
// alpha-3 code ("PRK"); other actors use a lower-case slug with a kind
// prefix ("org:nato", "person:kim-yo-jong").
type ActorID string

// MaxIDLen bounds an ActorID, because the store builds keys from it.
const MaxIDLen = 128

// Validate reports whether id can be used as a key: non-empty, valid UTF-8,
// at most MaxIDLen bytes, and free of NUL, '/' (the store's separator) and
// control characters.
func (id ActorID) Validate() error {
	switch {
	case id == "":
		return fmt.Errorf("actor id: empty: %w", ErrInvalid)
	case len(id) > MaxIDLen:
		return fmt.Errorf("actor id %.20q...: longer than %d bytes: %w", string(id), MaxIDLen, ErrInvalid)
	case !utf8.ValidString(string(id)):
		return fmt.Errorf("actor id %q: not UTF-8: %w", string(id), ErrInvalid)
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f || r == '/' {
			return fmt.Errorf("actor id %q: contains %q: %w", string(id), r, ErrInvalid)
		}
	}
	return nil
}

// ActorType says what kind of actor an Actor is.
type ActorType string

// The actor types.
const (
	Country      ActorType = "country"
	Organization ActorType = "organization"
	Group        ActorType = "group"
	Person       ActorType = "person"
	Territory    ActorType = "territory"
)

// ActorTypes lists every ActorType in display order.
var ActorTypes = []ActorType{Country, Territory, Organization, Group, Person}

// ParseActorType parses the name of an actor type.
func ParseActorType(s string) (ActorType, error) {
	t := ActorType(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range ActorTypes {
		if t == k {
			return k, nil
		}
	}
	return "", fmt.Errorf("actor type %q: want one of country, territory, organization, group, person: %w", s, ErrInvalid)
}

// Actor is a state, government, organisation, armed group, territory or
// person that can stand at either end of an edge.
type Actor struct {
	ID   ActorID   `json:"id"`
	Name string    `json:"name"`
	Type ActorType `json:"type"`
	// Affiliation is the actor this one speaks for: a minister's state, the
	// Kremlin's Russia. Empty when the actor speaks for itself.
	Affiliation ActorID `json:"affiliation,omitempty"`
	// Aliases are other names the actor is known by, without Name.
	Aliases []string `json:"aliases,omitempty"`
}

// Validate checks that the actor has a usable id, a name and a known type.
func (a Actor) Validate() error {
	if err := a.ID.Validate(); err != nil {
		return err
	}
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("actor %s: empty name: %w", a.ID, ErrInvalid)
	}
	if _, err := ParseActorType(string(a.Type)); err != nil {
		return fmt.Errorf("actor %s: %w", a.ID, err)
	}
	if a.Affiliation != "" {
		if err := a.Affiliation.Validate(); err != nil {
			return fmt.Errorf("actor %s: affiliation: %w", a.ID, err)
		}
	}
	return nil
}

// Slug turns a name into the lower-case, dash-separated form used in ids
// ("Kim Yo-jong" -> "kim-yo-jong").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '\'' || r == '\u2019' || r == '.':
			continue
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= 0x80 && r != '\u00a0':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
