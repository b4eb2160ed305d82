package graph

import (
	"cmp"
	"fmt"
	"strings"
	"time"
)

// Status says how an article presents a relation.
type Status string

// The statuses of a mention.
const (
	// Asserted: the article states the relation as fact.
	Asserted Status = "asserted"
	// Alleged: someone (ClaimedBy) claims it; the article does not vouch for it.
	Alleged Status = "alleged"
	// Promised: a supply or alliance that is promised or pledged, not yet made.
	Promised Status = "promised"
	// Denied: the relation was claimed and then denied (DisputedBy denies it).
	Denied Status = "denied"
)

// Statuses lists every Status in display order.
var Statuses = []Status{Asserted, Alleged, Promised, Denied}

// ParseStatus parses a status name.
func ParseStatus(s string) (Status, error) {
	k := Status(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Statuses {
		if k == v {
			return v, nil
		}
	}
	return "", fmt.Errorf("status %q: want one of asserted, alleged, promised, denied: %w", s, ErrInvalid)
}

// Span is a half-open byte range [Start, End) in an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Mention is one piece of evidence: a sentence of an article that shows
// Source holding Relation to Target.
type Mention struct {
	Source   ActorID  `json:"source"`
	Relation Relation `json:"relation"`
	Target   ActorID  `json:"target"`

	Article  string    `json:"article"`       // Article.ID
	Date     time.Time `json:"date,omitzero"` // the article's date
	Sentence string    `json:"sentence"`      // the sentence's text
	SentSpan Span      `json:"sentence_span"` // the sentence in the article
	SrcSpan  Span      `json:"source_span"`   // the words naming the source
	TgtSpan  Span      `json:"target_span"`   // the words naming the target
	Trigger  string    `json:"trigger"`       // the word that expresses the relation
	TrigSpan Span      `json:"trigger_span"`  // where the trigger is
	Status   Status    `json:"status"`        // asserted, alleged, promised or denied
	// ClaimedBy is who makes the claim when Status is Alleged (or was, when Denied).
	ClaimedBy ActorID `json:"claimed_by,omitempty"`
	// DisputedBy is who denies the relation, if anyone does.
	DisputedBy ActorID `json:"disputed_by,omitempty"`
}

// Key returns the edge the mention is evidence for. For a symmetric relation
// the two ends are put in order, so A allies-with B and B allies-with A are
// one edge.
func (m Mention) Key() EdgeKey {
	return NewEdgeKey(m.Source, m.Relation, m.Target)
}

// Validate checks the mention's ends, relation, status and spans.
func (m Mention) Validate() error {
	if err := m.Source.Validate(); err != nil {
		return fmt.Errorf("mention source: %w", err)
	}
	if err := m.Target.Validate(); err != nil {
		return fmt.Errorf("mention target: %w", err)
	}
	if m.Source == m.Target {
		return fmt.Errorf("mention %s %s %s: source equals target: %w", m.Source, m.Relation, m.Target, ErrInvalid)
	}
	if !m.Relation.Valid() {
		return fmt.Errorf("mention relation %q: %w", m.Relation, ErrInvalid)
	}
	if _, err := ParseStatus(string(m.Status)); err != nil {
		return fmt.Errorf("mention: %w", err)
	}
	for _, s := range []Span{m.SentSpan, m.SrcSpan, m.TgtSpan, m.TrigSpan} {
		if s.Start < 0 || s.End < s.Start {
			return fmt.Errorf("mention span %d-%d: %w", s.Start, s.End, ErrInvalid)
		}
	}
	return nil
}

// CompareMentions orders mentions by date, article (CompareArticles),
// position in it, and edge, so that every listing of evidence is
// deterministic.
func CompareMentions(a, b Mention) int {
	// field by field, stopping at the first difference (cmp.Or would
	// evaluate every comparison, edge keys included, on each call)
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	if c := CompareArticles(a.Article, b.Article); c != 0 {
		return c
	}
	if c := cmp.Compare(a.SentSpan.Start, b.SentSpan.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.TrigSpan.Start, b.TrigSpan.Start); c != 0 {
		return c
	}
	if c := CompareEdgeKeys(a.Key(), b.Key()); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(a.SrcSpan.Start, b.SrcSpan.Start),
		cmp.Compare(a.TgtSpan.Start, b.TgtSpan.Start),
		cmp.Compare(a.Status, b.Status),
		cmp.Compare(a.ClaimedBy, b.ClaimedBy),
		cmp.Compare(a.DisputedBy, b.DisputedBy),
	)
}
