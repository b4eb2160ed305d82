package export

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"geokg/graph"
)

// sorted is a deterministic copy of a graph: actors sorted by id with one
// actor per id (stubs added for ids referred to but missing), and edges
// sorted with their evidence sorted. The caller's slices are not touched.
type sorted struct {
	actors []graph.Actor
	byID   map[graph.ActorID]graph.Actor
	edges  []graph.Edge
}

// prepare copies and sorts g. A nil graph is treated as an empty one.
func prepare(g *graph.Graph) *sorted {
	s := &sorted{byID: map[graph.ActorID]graph.Actor{}}
	if g == nil {
		return s
	}
	s.addActors(g.Actors)
	s.edges = make([]graph.Edge, len(g.Edges))
	for i, e := range g.Edges {
		e.Evidence = sortedEvidence(e.Evidence)
		s.edges[i] = e
		s.need(e.Source)
		s.need(e.Target)
		for _, m := range e.Evidence {
			s.need(m.ClaimedBy)
			s.need(m.DisputedBy)
		}
	}
	slices.SortFunc(s.edges, compareEdges)
	s.finish()
	return s
}

// addActors records actors, keeping the least one (by compareActors) when an
// id appears twice so that input order cannot change the result.
func (s *sorted) addActors(actors []graph.Actor) {
	for _, a := range actors {
		if old, ok := s.byID[a.ID]; !ok || compareActors(a, old) < 0 {
			s.byID[a.ID] = a
		}
	}
	for _, a := range actors {
		s.need(a.Affiliation)
	}
}

// need adds a stub for id if no actor has it. Empty ids are ignored.
func (s *sorted) need(id graph.ActorID) {
	if id == "" {
		return
	}
	if _, ok := s.byID[id]; !ok {
		s.byID[id] = stub(id)
	}
}

// finish fills s.actors from s.byID in id order.
func (s *sorted) finish() {
	s.actors = make([]graph.Actor, 0, len(s.byID))
	for _, a := range s.byID {
		s.actors = append(s.actors, a)
	}
	slices.SortFunc(s.actors, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
}

// compareActors orders actors by id, then by their other fields, so that
// duplicates resolve the same way whatever their order.
func compareActors(a, b graph.Actor) int {
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Affiliation, b.Affiliation),
		slices.Compare(a.Aliases, b.Aliases),
	)
}

// compareEdges is graph.CompareEdges with a tie-break on the counts and
// dates, for graphs that (wrongly) hold one key twice. The tie-break is
// compared only between edges of one key (cmp.Or compares every argument).
func compareEdges(a, b graph.Edge) int {
	if c := graph.CompareEdges(a, b); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(a.Articles, b.Articles),
		cmp.Compare(a.Mentions, b.Mentions),
		a.FirstSeen.Compare(b.FirstSeen),
		a.LastSeen.Compare(b.LastSeen),
		cmp.Compare(len(a.Evidence), len(b.Evidence)),
	)
}

// sortedEvidence returns ms sorted, or nil when it is empty: ms itself
// when it is sorted already (as the store gives it: a full JSON export
// spent 6% of its CPU copying and sorting sorted evidence), else a sorted
// copy. Callers only read it.
func sortedEvidence(ms []graph.Mention) []graph.Mention {
	if len(ms) == 0 {
		return nil
	}
	if slices.IsSortedFunc(ms, compareMentions) {
		return ms
	}
	ms = slices.Clone(ms)
	slices.SortFunc(ms, compareMentions)
	return ms
}

// compareMentions is graph.CompareMentions with a final tie-break on the
// sentence and trigger, which it does not look at.
func compareMentions(a, b graph.Mention) int {
	if c := graph.CompareMentions(a, b); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Sentence, b.Sentence); c != 0 {
		return c
	}
	return cmp.Compare(a.Trigger, b.Trigger)
}

// stub makes an actor for an id that has no actor record: its name is the
// id and its type is guessed from the id's form.
func stub(id graph.ActorID) graph.Actor {
	return graph.Actor{ID: id, Name: string(id), Type: guessType(id)}
}

// guessType reads the actor type off an id: an upper-case ISO-like code is a
// country, a "org:", "person:", "group:" or "terr:" (or "territory:") prefix says the
// rest, and anything else is a group (as graph.FromMentions does).
func guessType(id graph.ActorID) graph.ActorType {
	s := string(id)
	if kind, _, ok := strings.Cut(s, ":"); ok {
		switch kind {
		case "org", "organization":
			return graph.Organization
		case "person":
			return graph.Person
		case "terr", "territory":
			return graph.Territory
		}
		return graph.Group
	}
	if len(s) == 3 && strings.IndexFunc(s, notUpper) < 0 {
		return graph.Country
	}
	return graph.Group
}

func notUpper(r rune) bool { return r < 'A' || r > 'Z' }

// clean makes user text safe for a one-line label: every run of white space
// and control characters (tabs, newlines, NUL, U+2028 …) becomes one space,
// other unprintable runes and invalid UTF-8 are dropped, and the ends are
// trimmed.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	return cleanRunes(s)
}

// isClean reports whether clean leaves s as it is because it is printable
// ASCII with single spaces, none at the ends: most sentences, which are
// then not copied rune by rune (a tenth of "geokg actor"'s CPU).
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c < '!' || c > '~':
			return false
		}
	}
	return true
}

// cleanRunes is clean for any s.
func cleanRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			space = b.Len() > 0
		case r == unicode.ReplacementChar || !unicode.IsPrint(r):
			continue
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// shorten cuts s to at most max runes, ending a cut string with "…".
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}
