package extract

// This file remembers who did the last act of each kind an article told,
// so that a later "condemned the recognition" or "denounced the move"
// names its doer.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// rememberDoer notes the source of a relation the article told: the last
// supplier and recipient, the last recogniser, and the last actor of any relation other than an
// accusation or a denial (for "the move", "the decision").
func (sc *scope) rememberDoer(rel graph.Relation, src, tgt *endpoint, trigger string) {
	if rel == graph.Supplies {
		sc.st.noteSupply(src.id, tgt.id)
	}
	if rel == graph.AlliesWith && sc.x.lex.has(lcExerciseNoun, strings.ToLower(trigger)) {
		sc.noteExercise(src, tgt)
	}
	if rel == graph.Accuses || rel == graph.Denies {
		return
	}
	id := src.id
	if aff := sc.aff(src); aff != "" {
		id = aff // "Netanyahu signed ...": the move is Israel's
	}
	if rel == graph.Recognizes && sc.st.lastMoveAt == sc.st.sentences && sc.st.lastMover == sc.st.lastRecognizer && sc.st.lastRecognizer == tgt.id {
		return // the return half of a mutual recognition: "the recognition" stays the first one's
	}
	sc.st.lastMover, sc.st.lastMoveAt = id, sc.st.sentences
	if rel == graph.Recognizes {
		sc.st.lastRecognizer = id
	}
}

// lastDoer resolves "condemned the recognition", "denounced the move" with
// no doer named after the noun: the doer of the last such act told in the
// last actMemory sentences (data/lexicon.txt: move-noun); a recognition
// noun names the article's last recogniser, however far back.
func (sc *scope) lastDoer(i int) []endpoint {
	j := i + 1
	if j+1 >= sc.s.to || !sc.toks[j].in(lcDeterminer) {
		return nil
	}
	return sc.doerOf(j + 1)
}

// lastDoerBefore is lastDoer for a passive: "The move was condemned by
// Egypt", the noun before the verb at i and its auxiliaries.
func (sc *scope) lastDoerBefore(i int) []endpoint {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.toks[k].is(cBe)) {
		k--
	}
	if k-1 < sc.s.from || !sc.toks[k-1].in(lcDeterminer) {
		return nil
	}
	return sc.doerOf(k)
}

// doerOf returns the remembered doer of the act the noun at k names, or
// nil.
func (sc *scope) doerOf(k int) []endpoint {
	if n := k + 1; n < sc.s.to && sc.toks[n].in(lcActNamedBy) {
		return nil // "the recognition of X by Y", "the move by Y": named there
	}
	if sc.toks[k].in(lcPactNoun) {
		return sc.signersOf(k)
	}
	id := graph.ActorID("")
	if t, ok := sc.trigOf(&sc.toks[k]); ok && t.pos == noun && t.rel == graph.Recognizes {
		id = sc.st.lastRecognizer // a recognition is an article's event: no reach
	} else if sc.toks[k].in(lcMoveNoun) && sc.st.sentences-sc.st.lastMoveAt <= actMemory {
		id = sc.st.lastMover
	}
	if id == "" {
		return nil
	}
	return []endpoint{{id: id, span: graph.Span{Start: sc.toks[k].start, End: sc.toks[k].end}}}
}

// conjunctSubject finds the subject of a participle after a comma at i
// ("..., accusing him of ...") when the clause it closes is not the
// sentence's first: the subject of the last clause joined by "and" or
// "but" before it (", and Lima barred Morales from entering the country,
// accusing him": Lima, not the sentence's first actor), or the antecedent
// of a relative clause ("Foreign Minister Gil, who has accused the United
// States of ... and who ordered diplomats out, accusing the three
// governments": Gil) when the sentence's first actor stands inside that
// relative clause, the object of its verb. A that-clause or a verb of
// saying on the way ends the search: "X said Y had struck Z, accusing"
// is X's. Else nil.
func (sc *scope) conjunctSubject(i int) []int {
	if i-2 < sc.s.from || sc.toks[i-1].low != "," || sc.toks[i].cap || !strings.HasSuffix(sc.toks[i].low, "ing") {
		return nil
	}
	lo := max(sc.s.from, sc.introEnd)
	for j := i - 2; j > lo; j-- {
		if mi, ok := sc.endAt(j); ok {
			j = sc.ms[mi].from
			continue
		}
		t := &sc.toks[j]
		switch {
		case t.is(cReporting) && !sc.accusingVerb(j) || t.low == "that":
			return nil
		case t.low == "and" || t.low == "but":
			if g := sc.conjunctAt(j + 1); g != nil {
				return g
			}
		case t.low == "who" && sc.toks[j-1].low == ",":
			return sc.relativeHolder(j, lo)
		case t.is(cClauseBreak) && !sc.timePhrase(j):
			return nil
		}
	}
	return nil
}

// conjunctAt returns the eligible group starting at k when a finite verb
// follows it, past auxiliaries and adverbs: the subject of a clause
// joined by "and" ("and Lima barred"); else nil.
func (sc *scope) conjunctAt(k int) []int {
	mi, ok := sc.startAt(k)
	if !ok || !sc.eligible(sc.ms[mi].group) {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	v := sc.ms[g[len(g)-1]].to
	for v < sc.s.to && sc.adverbialAfter(v) > 0 {
		v += sc.adverbialAfter(v)
	}
	if v >= sc.s.to || sc.toks[v].cap {
		return nil
	}
	w := sc.toks[v].low
	if t, isTrig := sc.trigOf(&sc.toks[v]); isTrig && t.pos != noun || len(w) > 4 && strings.HasSuffix(w, "ed") || sc.toks[v].in(lcIrregularPast) {
		return g
	}
	return nil
}

// adverbialBefore returns how many words of an adverbial between a
// subject or "and" and its verb end at k: an auxiliary or an -ly adverb
// (one), "in" and a noun of the in-adverbial class (two: "and in turn
// accused", "and in response expelled"); else 0.
func (sc *scope) adverbialBefore(k int) int {
	switch {
	case sc.toks[k].is(cAux) || sc.adverb(k):
		return 1
	case k-1 >= sc.s.from && sc.toks[k].in(lcInAdverbial) && sc.toks[k-1].low == "in":
		return 2
	case k-1 >= sc.s.from && k+1 < sc.s.to && sc.toks[k].low == "and" && sc.adverb(k-1) && sc.adverb(k+1):
		return 1 // "repeatedly and firmly rejected": "and" between two adverbs
	}
	return 0
}

// adverbialAfter is adverbialBefore read forwards from its first word k.
func (sc *scope) adverbialAfter(k int) int {
	switch {
	case sc.toks[k].is(cAux) || sc.adverb(k):
		return 1
	case k+1 < sc.s.to && sc.toks[k].low == "in" && sc.toks[k+1].in(lcInAdverbial):
		return 2
	case k-1 >= sc.s.from && k+1 < sc.s.to && sc.toks[k].low == "and" && sc.adverb(k-1) && sc.adverb(k+1):
		return 1
	}
	return 0
}

// relativeHolder returns the antecedent of the relative "who" at j, even
// the object of a preposition ("focused on Gil, who ..."), when the
// sentence's first eligible actor stands after it (inside the relative
// clause, where it is no subject of the participle); else nil.
func (sc *scope) relativeHolder(j, lo int) []int {
	mi, ok := sc.endAt(j - 2)
	if !ok || sc.ms[mi].adj || sc.ms[mi].poss {
		return nil
	}
	for g := range sc.grp {
		first := sc.ms[sc.grp[g][0]].from
		if first >= lo && sc.eligible(g) {
			if first > j {
				return sc.grp[sc.ms[mi].group]
			}
			return nil
		}
	}
	return nil
}

// accusingVerb reports a verb of accusing at k (a reporting word that
// opens no reported clause: "who has accused the United States of ...").
func (sc *scope) accusingVerb(k int) bool {
	t, ok := sc.trigOf(&sc.toks[k])
	return ok && t.rel == graph.Accuses && t.pos != noun
}

// pastActWords steps from k, before limit, over the words between a verb
// of condemning and the act noun it names: determiners, act-modifier
// words ("the latest", "the alleged") and a noun of the act-series class
// with its "of" ("the latest wave of", "every one of those"). It returns
// the first word after them.
func (sc *scope) pastActWords(k, limit int) int {
	for k < limit {
		t := &sc.toks[k]
		switch {
		case t.in(lcDeterminer) || t.in(lcActModifier) || t.low == "every" || t.low == "those" || t.low == "these":
			k++
		case t.in(lcActSeries) && k+1 < limit && sc.toks[k+1].low == "of":
			k += 2
		default:
			return k
		}
	}
	return k
}

// idleVerb reports a verb that accuses only with its particle or with a
// deed for object, here without: "storms lashed the coast" ("lashed out at
// Paris" accuses), "pinned its hopes on Washington".
func (sc *scope) idleVerb(i int) bool {
	if sc.toks[i].in(lcOutVerb) && (i+1 >= sc.s.to || sc.toks[i+1].low != "out") {
		return true
	}
	if sc.toks[i].in(lcFingerVerb) {
		return !sc.fingerAt(i) // "pointed to the map", "is it our business to point fingers?"
	}
	if sc.toks[i].in(lcBlameObjectVerb) {
		return !sc.blameLaid(i) // "agreed to lay down arms"
	}
	return sc.toks[i].in(lcDeedObjectVerb) && !sc.pinnedDeed(i)
}

// fingerWindow: the words from a verb of pointing to its finger-noun
// ("pointed an accusing finger").
const fingerWindow = 3

// pinnedDeed reports that the verb at i (class deed-object-verb) lays a
// deed, the blame or the responsibility on someone: its object before
// "on" is such a noun ("pinned the attack on Kyiv", "pinned the blame on"),
// or, with no object, the relative clause it stands in renames an act
// ("the drone attack on the Kremlin, which Russian officials pinned on
// Kyiv").
func (sc *scope) pinnedDeed(i int) bool {
	for k := i + 1; k < sc.s.to && k <= i+accusedObjectWindow; k++ {
		t := &sc.toks[k]
		if t.low == "on" || t.low == "to" {
			return k == i+1 && sc.actBeforeRelative(i) // "the attack, which X pinned on Y", "attributed to Y"
		}
		if sc.deedHead(t) || t.in(lcBlameNoun) || t.in(lcResponsibilityNoun) || sc.deedGerund(k) {
			return true
		}
		if t.is(cClauseBreak) {
			return false
		}
	}
	return false
}

// deedGerund reports a gerund used as a noun at k, "of" after it: a deed
// named by its verb ("pinned the 2014 downing of the airliner on Russia",
// "attributed last month's hacking of its contractors to Y").
func (sc *scope) deedGerund(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.cap && len(t.low) > 5 && strings.HasSuffix(t.low, "ing") && k+1 < sc.s.to && sc.toks[k+1].low == "of"
}

// fingerAt reports a finger-noun within fingerWindow words after the verb
// of pointing at i, and "at" after it, past adverbs (-ly, finger-adverb):
// "pointed the finger
// at", "pointing the finger instead at", "pointed the finger squarely at".
func (sc *scope) fingerAt(i int) bool {
	for k := i + 1; k < sc.s.to && k <= i+fingerWindow; k++ {
		if !sc.toks[k].in(lcFingerNoun) {
			continue
		}
		a := k + 1
		for a < sc.s.to && (sc.adverb(a) || sc.x.lex.in("finger-adverb", sc.toks[a].low)) {
			a++
		}
		return a < sc.s.to && sc.toks[a].low == "at"
	}
	return false
}

// blameLaid reports that the verb at i (class blame-object-verb) lays
// the blame or the responsibility on someone, or lays its object at
// someone's door: "laid the blame squarely on Kyiv", "laid it at the door
// of Moscow" (not "lay down arms").
func (sc *scope) blameLaid(i int) bool {
	if sc.doorOwner(i) != nil {
		return true
	}
	for k := i + 1; k < sc.s.to && k <= i+fingerWindow; k++ {
		if t := &sc.toks[k]; t.in(lcBlameNoun) || t.in(lcResponsibilityNoun) {
			return true
		}
	}
	return false
}

// actBeforeRelative reports an act noun ending the phrase that a relative
// "which" or "that" before the verb at i renames ("the attack on the
// Kremlin, which X pinned"), within actNounWindow words before the comma.
func (sc *scope) actBeforeRelative(i int) bool {
	for k := i - 1; k > sc.s.from && k >= i-describedWindow; k-- {
		w := sc.toks[k].low
		if w != "which" && w != "that" {
			continue
		}
		c := k - 1
		if sc.toks[c].low == "," {
			c--
		}
		for j := c; j >= sc.s.from && j > c-actNounWindow-2; j-- {
			if sc.toks[j].is(cActNoun | cHostileNoun) {
				return true
			}
			if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
				return false
			}
		}
		return false
	}
	return false
}

// apposedCharge reads an accusation noun set after a clause someone said,
// renaming it: "Martin said Israel was \"deliberately choking\" the flow
// of food into Gaza, an accusation he said was borne out by ..." (a
// determiner and a comma before the noun at i). The speaker accuses the
// said clause's subject, the eligible actor it opens with (the noun says
// it is a charge; "a claim" is none).
func (sc *scope) apposedCharge(i int) {
	d := i - 1
	if d-1 < sc.s.from || !sc.toks[d].in(lcDeterminer) || sc.toks[d-1].low != "," {
		return
	}
	comma := d - 1
	for ci := len(sc.claims) - 1; ci >= 0; ci-- {
		c := sc.claims[ci]
		if c.by == "" || c.disputed != "" || c.from >= comma || c.to < comma {
			continue
		}
		y := sc.subjectAfter(c.from, comma)
		if y == nil || sc.affiliated(c.by, sc.first(y)) {
			return
		}
		span := graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}
		sc.emitEnds(graph.Accuses, []endpoint{{id: c.by, span: span}}, sc.ends(y), i, graph.Asserted, "", "")
		return
	}
}

// subjectAfter returns the first eligible group named in [from, to), the
// subject of a clause said there; nil if a word other than "that" comes
// first.
func (sc *scope) subjectAfter(from, to int) []int {
	k := from
	if k < to && sc.toks[k].low == "that" {
		k++
	}
	if mi, ok := sc.startAt(k); ok && k < to && sc.eligible(sc.ms[mi].group) {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// blamedOn finds whom a blame at i lays a deed on: the demonym on the
// weapons after "on" (blamedWeapon), else the actor after an "on" that
// follows a long phrase of the deed ("blamed the April 22 massacre of 26
// civilians at Pahalgam on Lashkar-e-Taiba"; a deed noun or a hostile
// word first, the last such "on" before a clause break, a comma or a
// relative word, within blamedOnWindow words).
func (sc *scope) blamedOn(i int) []int {
	if g := sc.blamedWeapon(i); g != nil {
		return g
	}
	deed := false
	var last []int
	for k, end := i+1, i+blamedOnWindow; k+1 < sc.s.to && k <= end; k++ {
		t := &sc.toks[k]
		switch {
		case t.low == "," && deed && last == nil:
			// "blamed an attack on an army post, in which eleven soldiers
			// were killed, on JNIM": a relative clause set off by commas
			// inside the deed's phrase is passed, and the window with it
			c := sc.blameAsideEnd(k, "on")
			if c < 0 {
				return last
			}
			end += c - k
			k = c
		case k == i+1 && (t.low == "that" || t.low == "those") && sc.deedHead(&sc.toks[k+1]):
			// "blamed that attack on X": a demonstrative, not a clause
		case t.is(cClauseBreak) || t.low == "," || t.low == "which" || t.low == "that" || t.low == "who":
			return last
		case t.low == "on" && deed:
			if g := sc.after(k); g != nil && !sc.ms[g[0]].adj && sc.ms[g[0]].pron == "" {
				last = g // the last "on": "the attack on a remote post ... on Sudan"
			}
		case sc.deedHead(t) || t.in(lcHostileEvaluation):
			deed = true
		}
	}
	return last
}

// blameAsideEnd returns the closing comma of a relative clause that
// opens at the comma at k (", which ...,", ", in which ...,", ", who
// ...,"), or -1 when no relative word follows the comma or no comma
// closes the clause within blameAsideWindow words. With next set, the
// closing comma is the first one followed by that word (", in which 26
// people, mostly tourists, were killed, on": next "on").
func (sc *scope) blameAsideEnd(k int, next string) int {
	j := k + 1
	if j < sc.s.to && sc.toks[j].is(cPreposition) {
		j++ // "in which", "during which"
	}
	if j >= sc.s.to || sc.toks[j].low != "which" && sc.toks[j].low != "who" {
		return -1
	}
	for c := j + 1; c < sc.s.to && c <= j+blameAsideWindow; c++ {
		if sc.toks[c].low == "," && (next == "" || c+1 < sc.s.to && sc.toks[c+1].low == next) {
			return c
		}
		if sc.toks[c].is(cClauseBreak) {
			return -1
		}
	}
	return -1
}

// blameAsideWindow: the words of a relative clause set off by commas
// inside a deed's phrase ("which killed police sergeant Afrim Bunjaku").
const blameAsideWindow = 12

// blamedOnWindow: how far the "on" of a blame may stand after its verb,
// past the deed's phrase ("the April 22 massacre of 26 civilians at
// Pahalgam").
const blamedOnWindow = 16

// thatAgent finds the agent of a passive that opens the that-clause after
// the verb at i: "alleging that drones and cash had been handed by Ukraine
// to the CSP-DPA" (a form of be, adverbs, a past participle and "by"
// within thatAgentWindow words of "that", no clause break between; not
// "that militants are using weapons abandoned by U.S. forces").
func (sc *scope) thatAgent(i int) []int {
	k := i + 1
	for k < sc.s.to && k <= i+allegedThatWindow && sc.toks[k].low != "that" {
		k++
	}
	if k >= sc.s.to || sc.toks[k].low != "that" {
		return nil
	}
	be := false
	for j := k + 1; j+1 < sc.s.to && j <= k+thatAgentWindow; j++ {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == "," || t.low == "that" || sc.inMention(j) && !be {
			return nil
		}
		if t.is(cBe) || t.low == "been" {
			be = true
			continue
		}
		if be && sc.toks[j+1].low == "by" && (strings.HasSuffix(t.low, "ed") || t.in(lcIrregularPast)) {
			return sc.after(j + 1)
		}
		be = be && sc.adverb(j) // "are using weapons abandoned by": no passive of the clause
	}
	return nil
}

// thatAgentWindow: the words from "that" to the "by" of its passive
// ("that drones and cash had been handed by").
const thatAgentWindow = 10

// withPatron adds to the accused group g an actor joined to it as its
// own partner: "blamed the Polisario Front and its patron Algeria", "the
// militia and their backers in Tehran" ("and", a possessive pronoun, at
// most patronWindow lower-case nouns, then a name that is no demonym).
func (sc *scope) withPatron(g []int) []int {
	if g == nil {
		return nil
	}
	last := &sc.ms[g[len(g)-1]]
	k := last.to
	if last.pron != "" && last.poss && len(g) > 1 {
		k = last.from - 1 // the pronoun joined the group: "Hezbollah and its"
	}
	if k+2 >= sc.s.to || sc.toks[k].low != "and" || !sc.toks[k+1].in(lcPossessivePronoun) {
		return g
	}
	for n := k + 2; n < sc.s.to && n <= k+2+patronWindow; n++ {
		if mi, ok := sc.startAt(n); ok {
			if m := &sc.ms[mi]; n > k+2 && !m.adj && !m.poss && m.pron == "" {
				own := slices.DeleteFunc(slices.Clone(g), func(x int) bool { return sc.ms[x].pron != "" })
				return append(own, sc.grp[m.group]...)
			}
			return g
		}
		if t := &sc.toks[n]; !t.word || t.cap || t.is(cPreposition|cClauseBreak) {
			return g
		}
	}
	return g
}

// patronWindow: the nouns naming the partner before its name ("its
// long-time patron").
const patronWindow = 2

// noteExercise remembers the two sides of a joint exercise told in this
// sentence (with those of any other exercise alliance of the sentence:
// "the US, Japan and South Korea held drills" is three pairs).
func (sc *scope) noteExercise(src, tgt *endpoint) {
	if sc.st.exerciseAt != sc.st.sentences {
		sc.st.exercisers = sc.st.exercisers[:0]
	}
	sc.st.exerciseAt = sc.st.sentences
	for _, e := range []*endpoint{src, tgt} {
		id := e.id
		if aff := sc.aff(e); aff != "" {
			id = aff
		}
		if !slices.Contains(sc.st.exercisers, id) {
			sc.st.exercisers = append(sc.st.exercisers, id)
		}
	}
}

// lastExercise resolves "denounced the drills", "condemned those
// exercises as a provocation" with no doer named: the sides of the last
// joint exercise the article told within actMemory sentences (South
// Korean and US forces began their annual exercise ... North Korea
// denounced the drills"), but not the accuser itself. The noun (class
// exercise-noun) follows the verb at i past determiners and act
// modifiers; "the drills by X", "the exercises of X" name their own.
// Only an exercise of two sides: of three or more, the gold of batch 13
// (1325) names the hosts, not every guest force ("with Australian forces
// also joining this year's drills").
func (sc *scope) lastExercise(i int, src []int) []endpoint {
	if len(sc.st.exercisers) != 2 || sc.st.sentences-sc.st.exerciseAt > actMemory {
		return nil
	}
	j := sc.pastActWords(i+1, min(sc.s.to, i+actNounWindow+2))
	if j == i+1 || j >= sc.s.to || !sc.toks[j].in(lcExerciseNoun) || j+1 < sc.s.to && sc.toks[j+1].in(lcActNamedBy) {
		return nil
	}
	span := graph.Span{Start: sc.toks[j].start, End: sc.toks[j].end}
	var out []endpoint
	for _, id := range sc.st.exercisers {
		if !sc.about(src, id) {
			out = append(out, endpoint{id: id, span: span})
		}
	}
	return out
}

// rememberSigning notes who signed the pact the noun at k names, when a
// verb of signing stands right before it ("Ethiopia signed a memorandum
// of understanding with Somaliland", "Abiy Ahmed signed a deal"): its
// subject, not the partner after "with", and none when negated.
func (sc *scope) rememberSigning(k int) {
	if sc.inMention(k) {
		return
	}
	v := k - 1
	for v > sc.s.from && v >= k-signedPactWindow && !sc.toks[v].in(lcPactVerb) {
		if !sc.toks[v].word || sc.toks[v].is(cClauseBreak) {
			return
		}
		v--
	}
	if v <= sc.s.from || !sc.toks[v].in(lcPactVerb) || sc.passive(v) {
		return
	}
	x := sc.verbSubject(v)
	if x == nil || sc.negated(sc.window(x, v), v, false) {
		return
	}
	var ids []graph.ActorID
	for _, e := range sc.ends(x) {
		id := e.id
		if aff := sc.aff(&e); aff != "" {
			id = aff // "Abiy Ahmed signed ...": the deal is Ethiopia's
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	sc.st.signers, sc.st.signedAt = sc.st.hold(ids...), sc.st.sentences
}

// signedPactWindow: the words between a verb of signing and its pact noun
// ("signed a maritime memorandum").
const signedPactWindow = 4

// signersOf returns who signed the pact a definite pact noun at k names
// again ("condemned the deal"), told in the last actMemory sentences.
func (sc *scope) signersOf(k int) []endpoint {
	if len(sc.st.signers) == 0 || sc.st.sentences-sc.st.signedAt > actMemory {
		return nil
	}
	span := graph.Span{Start: sc.toks[k].start, End: sc.toks[k].end}
	out := make([]endpoint, len(sc.st.signers))
	for n, id := range sc.st.signers {
		out[n] = endpoint{id: id, span: span}
	}
	return out
}
