package store

import (
	"strings"
	"unicode"

	"geokg/graph"
)

// normalize turns a name as written in an article or typed by a user into
// the form the n/ index is keyed by: lower case, single spaces, straight
// apostrophes, no leading "the", no trailing possessive ("'s", or a bare
// "'" after a plural), and no '/' or control characters (so the result is
// a safe key part). "The Kremlin’s" and "kremlin" both give "kremlin".
// normalize is idempotent.
func normalize(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			r = '\''
		case r == '/' || unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	// Trim until nothing changes, so that normalize(normalize(x)) ==
	// normalize(x) ("the the x's'" and "''" included).
	s := b.String()
	for {
		t := strings.TrimSuffix(s, "'s")
		t = strings.TrimSuffix(t, "'")
		t = strings.TrimPrefix(t, "the ")
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// isPlaceholder reports whether a is a stand-in made for an id that was
// referenced before anything was known about it (name = id).
func isPlaceholder(a graph.Actor) bool { return a.Name == string(a.ID) }

// placeholder returns the stand-in actor for id.
func placeholder(id graph.ActorID) graph.Actor {
	return graph.Actor{ID: id, Name: string(id), Type: graph.Group}
}

// indexNames returns the n/ entries of a: each normalised name (of Name,
// the aliases and the id) with the name to show for it: the first name or
// alias that gave it, and for the id the actor's Name, so that Suggest
// offers "Russia" rather than "RUS".
func indexNames(a graph.Actor) map[string]string {
	names := make(map[string]string, len(a.Aliases)+2)
	add := func(name, display string) {
		if n := normalize(name); n != "" {
			if _, ok := names[n]; !ok {
				names[n] = display
			}
		}
	}
	add(a.Name, a.Name)
	for _, al := range a.Aliases {
		add(al, al)
	}
	add(string(a.ID), a.Name)
	return names
}

// levenshtein returns the edit distance between a and b in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
