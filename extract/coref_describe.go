package extract

import (
	"slices"
	"strings"

	"geokg/graph"
)

// This file reads descriptive references to a state named before: "the
// kingdom", "the emirate", "the Gulf state", "the island", "the island
// nation", "the republic", and "the North" for the half of a divided
// country (a description-capital word: only capitalised). Each descriptive word (data/lexicon.txt,
// description-word) names the states it fits ("actors described-island
// TWN CYP ..."), so that "the kingdom" in a story about Morocco and
// Algeria is Morocco: world knowledge kept as data, not guessed from text.

// describedPrefix starts the lexicon's actor classes of descriptive
// words: "actors described-kingdom MAR SAU ...".
const describedPrefix = "described-"

// descriptionWindow is how many words "the" and the noun of a
// descriptive reference may hold between them: "the Pacific island
// nation", "the self-ruled island".
const descriptionWindow = 2

// descriptionRef matches a descriptive reference at "the": up to
// descriptionWindow modifiers and a noun of the description-noun class
// ("kingdom", "island", "nation", "state", "republic"), at least one of
// its words a description-word ("the kingdom", "the Gulf state", "the
// island nation"; "the nation", "the state" alone are too vague). A
// capitalised word that is no description-word makes it a name ("the
// Dominican Republic"), and so does a name or "of" after it ("the
// island of Taiwan", "the Kingdom of Morocco").
func (c *lexicon) descriptionRef(toks []token, i, to int) int {
	if toks[i].low != "the" {
		return 0
	}
	described, j := false, i+1
	if j+2 < to && toks[j].cap && c.compoundDescribes(toks, j, to) {
		described, j = true, j+2 // "the West African country": one description in two words
	}
	for ; j < to && j <= i+1+descriptionWindow; j++ {
		t := &toks[j]
		isDesc := t.in(lcDescriptionWord)
		if !t.word || t.cap && !isDesc || !t.cap && t.in(lcDescriptionCapital) || t.in(lcRank) {
			return 0 // "the north of the country" is a region, "the North" a state; "the first Pacific state to" a rank
		}
		described = described || isDesc
		if !t.in(lcDescriptionNoun) {
			continue
		}
		if j+1 < to && (toks[j+1].in(lcDescriptionNoun) || toks[j+1].is(cPluralState)) {
			continue // "the island nation", "the island nations of A and B": the longer noun
		}
		if !described || j+1 < to && toks[j+1].cap || namedAfterOf(toks, j+1, to) {
			return 0
		}
		return j + 1 - i
	}
	return 0
}

// compoundDescribes reports a region compound at toks[j] before a
// lower-case description noun ("the North African country").
func (c *lexicon) compoundDescribes(toks []token, j, to int) bool {
	return j+2 < to && !toks[j+2].cap && toks[j+2].in(lcDescriptionNoun) && c.regionCompound(toks, j, to) != nil
}

// noteDescribed keeps the actors of the described class of w; a class of
// two words ("north-african") also under both words, for regionCompound.
func (c *lexicon) noteDescribed(w string, ids map[graph.ActorID]bool) {
	c.described[w] = ids
	a, b, two := strings.Cut(w, "-")
	if !two {
		return
	}
	if c.compounds == nil {
		c.compounds = map[string]map[string]map[graph.ActorID]bool{}
	}
	if c.compounds[a] == nil {
		c.compounds[a] = map[string]map[graph.ActorID]bool{}
	}
	c.compounds[a][b] = ids
}

// regionCompound returns the states a compass word and a regional
// adjective, both capitalised, describe as one ("North African", "Central
// American", "Southeast Asian": the lexicon's described-north-african
// ...), nil when the pair at toks[j] is none. Only pairs the lexicon lists
// count: "the Central African Republic" is a name, "the South African
// state" South Africa's.
func (c *lexicon) regionCompound(toks []token, j, to int) map[graph.ActorID]bool {
	if j+1 >= to || !toks[j].cap || !toks[j+1].cap {
		return nil
	}
	return c.compounds[toks[j].low][toks[j+1].low]
}

// namedAfterOf reports "of" at k before a capitalised word, past "the":
// "the island of Taiwan", "the kingdom of the Netherlands" (not "accusing
// the kingdom of hostile actions").
func namedAfterOf(toks []token, k, to int) bool {
	if k >= to || toks[k].low != "of" {
		return false
	}
	k++
	if k < to && toks[k].low == "the" {
		k++
	}
	return k < to && toks[k].cap
}

// resolveDescription resolves a descriptive reference to the state it
// fits: named last before it in the sentence, else first after a comma
// after it ("... to the island, Taiwan's defence ministry said"), else the last
// sentence's subject, else the one the article named most so far (ties:
// the last state in subject position, then the lower id); never the
// subject of its own clause; nothing when no state named fits.
func (sc *scope) resolveDescription(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	subj := sc.ids(sc.subject(m.from, sc.s.from)) // "Japan sold the archipelago radars": not Japan
	// the description's words, read once; room for them on the stack
	var fitting [descriptionWindow + 1]map[graph.ActorID]bool
	var named [descriptionWindow + 1]string
	d := sc.descriptionOf(description{fitting[:0], named[:0]}, m.from+1, m.to)
	fits := func(id graph.ActorID) bool {
		a, ok := sc.x.actor(id)
		return ok && !slices.Contains(subj, id) && sc.fitsDescription(id, a, &d)
	}
	fitsState := func(id graph.ActorID, a *graph.Actor) bool { // a mentionState's
		return !slices.Contains(subj, id) && sc.fitsDescription(id, a, &d)
	}
	for k := mi - 1; k >= 0; k-- {
		if id, a, ok := sc.mentionState(&sc.ms[k]); ok && sc.ms[k].pron == "" && fitsState(id, a) {
			return sc.st.one(id)
		}
	}
	comma := m.to
	for comma < sc.s.to && sc.toks[comma].low != "," {
		comma++
	}
	for k := mi + 1; k < len(sc.ms); k++ {
		if sc.ms[k].from < comma {
			continue // past a comma only: "The republic is recognised only by Abkhazia" is not Abkhazia
		}
		if id, a, ok := sc.mentionState(&sc.ms[k]); ok && sc.ms[k].pron == "" && fitsState(id, a) {
			return sc.st.one(id)
		}
	}
	if last := sc.st.lastSubject; len(last) == 1 && fits(last[0]) {
		return sc.st.one(last[0]) // the subject the paragraph goes on about
	}
	best, n := graph.ActorID(""), 0
	for _, e := range sc.st.stateCounts.list {
		id, c := e.id, e.n
		// the count first: fits reads the description's words for each
		// state it is asked about
		if (c > n || c == n && (id == sc.st.lastState || best != sc.st.lastState && id < best)) && fits(id) {
			best, n = id, c
		}
	}
	if best == "" {
		return nil
	}
	return sc.st.one(best)
}

// description is what the descriptive words of a reference ask of a
// state, read once per reference rather than once per state asked about:
// the actors each word with a described-WORD class fits (fitting), and
// the other description words, which a state's name must hold (named).
type description struct {
	fitting []map[graph.ActorID]bool
	named   []string
}

// descriptionOf reads the descriptive words of toks[from:to] into d.
func (sc *scope) descriptionOf(d description, from, to int) description {
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.cap && k+1 < to && sc.toks[k+1].cap {
			if ids := sc.x.lex.regionCompound(sc.toks, k, to); ids != nil {
				d.fitting = append(d.fitting, ids) // "North African": one word's actors
				k++
				continue
			}
		}
		if t.is(cDescribed) { // its actors: described[t.low]
			d.fitting = append(d.fitting, sc.x.lex.described[t.low])
		} else if t.in(lcDescriptionWord) {
			d.named = append(d.named, t.low)
		}
	}
	return d
}

// fitsDescription reports whether the state id, whose dictionary actor is
// a, fits every descriptive
// word of d: one with a described-WORD class of actors fits those only;
// another ("republic") fits a state or territory with the word in one of
// its names ("Republic of Belarus", "Pridnestrovian Moldavian Republic";
// not "Russian Federation").
func (sc *scope) fitsDescription(id graph.ActorID, a *graph.Actor, d *description) bool {
	if !stateLike(a) {
		return false
	}
	for _, actors := range d.fitting {
		if !actors[id] {
			return false
		}
	}
	for _, w := range d.named {
		if !namedWith(a, w) {
			return false
		}
	}
	return true
}

// namedWith reports the lower-case word w in a's name or one of its
// aliases.
func namedWith(a *graph.Actor, w string) bool {
	if strings.Contains(strings.ToLower(a.Name), w) {
		return true
	}
	for _, n := range a.Aliases {
		if strings.Contains(strings.ToLower(n), w) {
			return true
		}
	}
	return false
}
