package extract

// This file reads alliances told through the forming of a bloc: "the
// confederation formed by A, B and C", "A, B and C formed a mutual
// defence bloc", "the defence alliance that the three countries founded".
// The members of a military bloc are allies of each other.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// formedBloc reads a verb of forming (data/lexicon.txt, special-formed)
// whose object is a bloc: its founders are allies of each other.
func (sc *scope) formedBloc(i int) {
	if i+1 < sc.s.to && sc.x.lex.words["special-member"][sc.toks[i+1].low] {
		return // "A, B and C were founding members of NATO": membership (special.go)
	}
	if sc.x.lex.words["special-include"][sc.toks[i].low] && sc.includedMembers(i) {
		return // "the Three Brotherhood Alliance, which comprises A, B and C": members of a named alliance (special.go)
	}
	if members := sc.blocMembersAfter(i); members != nil {
		sc.pairMembers(members, i) // "the Alliance of Sahel States, grouping A, B and C" (probes of set 19 pair them)
		return
	}
	x := sc.verbSubject(i)
	if x == nil {
		return
	}
	k := sc.blocObject(i)
	if k < 0 {
		k = sc.blocBeforeRelative(x)
	}
	if k < 0 || sc.negated(sc.window(x, i), i, true) {
		return
	}
	if with := sc.togetherBefore(x, i); with != nil {
		x = append(slices.Clip(x), with...) // "B and C, which together with A formed the Alliance of Sahel States"
	}
	sc.foundedBloc(x, i, k)
}

// foundedBloc records the founders g, the subject of the verb of forming
// at i, of the bloc ending at token k: each is a member of a named
// military alliance (actors alliance: "A, B and C formed the Alliance of
// Sahel States" is A, B and C each allies-with the alliance, not with each
// other: docs/annotation.md, membership), and the founders of a bloc noun
// or a pact ("formed a mutual defence bloc") are allies of each other. A
// bloc has two founders or more: "and in July formed the Alliance" after
// another clause's object names none.
func (sc *scope) foundedBloc(g []int, i, k int) {
	if len(sc.stateEnds(g)) < 2 {
		sc.pairMembers(g, i) // two armed groups or none
		return
	}
	if mi, ok := sc.endAt(k); ok && sc.x.lex.actors["alliance"][sc.ms[mi].id] {
		sc.emitEnds(graph.AlliesWith, sc.stateEnds(g), sc.ends([]int{mi}), i, graph.Asserted, "", "")
		return
	}
	sc.pairMembers(g, i)
}

// togetherBefore returns the group after "together with" or "along with"
// between the subject x and the verb at i ("which together with Mali
// formed"), or nil.
func (sc *scope) togetherBefore(x []int, i int) []int {
	for k := sc.ms[x[len(x)-1]].to; k+1 < i; k++ {
		if sc.toks[k].in(lcWithAdverb) && sc.toks[k+1].low == "with" {
			if g := sc.namedAfter(k + 1); g != nil && sc.ms[g[len(g)-1]].to <= i {
				return g
			}
		}
	}
	return nil
}

// blocMembersAfter finds "BLOC formed by A, B and C", "BLOC made up of"
// or "BLOC grouping A, B and C": the members named after the verb at i,
// when a bloc stands right before it.
func (sc *scope) blocMembersAfter(i int) []int {
	if !sc.blocAt(i-1) && !(i-2 >= sc.s.from && sc.toks[i-1].low == "," && sc.blocAt(i-2)) {
		return nil // "the Alliance of Sahel States, grouping the governments of A, B and C"
	}
	if g := sc.prepGroup(i, winAdjacent+1, "by", "of"); g != nil {
		return g
	}
	if sc.toks[i].in(lcBlocGrouping) {
		return sc.after(i)
	}
	return nil
}

// blocObject returns the token ending a bloc within a noun phrase after
// i: "formed a mutual defence bloc", "founded the Alliance of Sahel
// States"; -1 if none.
func (sc *scope) blocObject(i int) int {
	for k := i + 1; k < sc.s.to && k <= i+modifierWindow+1; k++ {
		if mi, ok := sc.startAt(k); ok && sc.blocAt(sc.ms[mi].to-1) {
			return sc.ms[mi].to - 1 // the name's last word: "the Alliance of Sahel States"
		}
		if sc.blocAt(k) {
			return k
		}
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			return -1
		}
	}
	return -1
}

// blocBeforeRelative returns the bloc of "the bloc that X formed": "that"
// or "which" right before the subject x, and a bloc right before it; -1
// if none.
func (sc *scope) blocBeforeRelative(x []int) int {
	k := sc.prevWord(sc.ms[x[0]].from)
	if k <= sc.s.from {
		return -1
	}
	if w := sc.toks[k].low; w != "that" && w != "which" || !sc.blocAt(k-1) {
		return -1
	}
	return k - 1
}

// blocAt reports whether token k ends a military bloc: an actor of the
// alliance class ("the Alliance of Sahel States"), a bloc noun
// ("confederation", "alliance") or a defence pact ("a mutual defence
// pact", not "a trade pact").
func (sc *scope) blocAt(k int) bool {
	if k < sc.s.from || k >= sc.s.to {
		return false
	}
	if mi, ok := sc.endAt(k); ok {
		return sc.x.lex.actors["alliance"][sc.ms[mi].id]
	}
	w := sc.toks[k].low
	if sc.x.lex.has(lcBlocNoun, w) {
		return !sc.classWithin(k-modifierWindow, modifierWindow, lcNotPactCue)
	}
	return sc.x.lex.has(lcSpecialPact, w) && sc.pactCued(k)
}

// pairMembers makes allies of every two states of a bloc's members, when
// there are two or more; with fewer than two states, of every two armed
// groups ("The TPLF and the Oromo Liberation Army announced an alliance").
func (sc *scope) pairMembers(g []int, i int) {
	if states := sc.stateEnds(g); len(states) >= 2 {
		sc.pairwise(states, i)
	} else if groups := sc.groupEnds(g); len(groups) >= 2 && len(groups) == len(sc.ends(g)) {
		sc.pairwise(groups, i)
	}
}

// groupEnds returns the armed groups among the actors of g.
func (sc *scope) groupEnds(g []int) []endpoint {
	var out []endpoint
	for _, e := range sc.ends(g) {
		if a, ok := sc.x.actor(e.id); ok && a.Type == graph.Group {
			out = append(out, e)
		}
	}
	return out
}

// stateEnds returns the states and territories among the actors of g.
func (sc *scope) stateEnds(g []int) []endpoint {
	var out []endpoint
	for _, e := range sc.ends(g) {
		if a, ok := sc.x.actor(e.id); ok && stateLike(a) {
			out = append(out, e)
		}
	}
	return out
}

// stateLike reports a state or a territory that acts as one (Abkhazia,
// Northern Cyprus): the parties of pacts and blocs.
func stateLike(a *graph.Actor) bool {
	return a.Type == graph.Country || a.Type == graph.Territory
}

// compoundWindow is how far before an alliance noun a compound of states
// may stand: "the 1951 U.S.-Philippines Mutual Defense Treaty".
const compoundWindow = 5

// compoundAllies reads "the US-Japan alliance", "the Russia-Belarus
// drills", "the U.S.-Philippines Mutual Defense Treaty": the states a
// hyphenated compound before the noun at i names are allies of each
// other. It reports whether it found one.
func (sc *scope) compoundAllies(i int) bool {
	for k := i - 1; k >= sc.s.from && k >= i-compoundWindow; k-- {
		if ends := sc.compoundAt(k); len(ends) >= 2 {
			sc.pairwise(ends, i)
			return true
		}
	}
	return false
}

// compoundAt returns the states named by a hyphenated compound at token
// k ("US-Japan-ROK"), or by a name, a dash and a name ("U.S." "-"
// "Philippines"); nil unless every part is a state.
func (sc *scope) compoundAt(k int) []endpoint {
	t := &sc.toks[k]
	span := graph.Span{Start: t.start, End: t.end}
	if t.low == "-" && k > sc.s.from && k+1 < sc.s.to {
		mi, ok := sc.endAt(k - 1)
		if !ok {
			return nil
		}
		left := sc.ends([]int{mi})
		right := sc.statePart(sc.toks[k+1].text)
		if len(left) != 1 || right == "" {
			return nil
		}
		return []endpoint{left[0], {id: right, span: graph.Span{Start: sc.toks[k+1].start, End: sc.toks[k+1].end}}}
	}
	if !t.cap || !strings.Contains(t.text, "-") {
		return nil
	}
	var ends []endpoint
	for _, part := range strings.Split(t.text, "-") {
		id := sc.statePart(part)
		if id == "" {
			return nil
		}
		ends = append(ends, endpoint{id: id, span: span})
	}
	return ends
}

// statePart returns the state a single name stands for ("US", "Japan",
// "ROK"), or "" when it names no state or several actors.
func (sc *scope) statePart(name string) graph.ActorID {
	ids := sc.x.dict.idsNamed(name)
	if len(ids) != 1 {
		return ""
	}
	if a, ok := sc.x.actor(ids[0]); ok && stateLike(a) {
		return ids[0]
	}
	return ""
}

// statesAfter returns the mentions of states named after token k to the
// end of the sentence, not as possessives or demonyms: the members of a
// list ("including A in 2019 and B in 2021", "include A, B and C").
func (sc *scope) statesAfter(k int) []int {
	var out []int
	for mi := range sc.ms {
		m := &sc.ms[mi]
		if m.from <= k || m.poss || m.adj || m.pron != "" {
			continue
		}
		if a, ok := sc.x.mentionActor(m); ok && stateLike(a) {
			out = append(out, mi)
		}
	}
	return out
}

// allianceOf reads the members of an alliance noun at i named after "of"
// or a participle of grouping ("the AUKUS alliance of A, B and C", "a
// military alliance grouping A, B and C", "the alliance between A, B and
// C"): two or more states, allies of each other; not an alliance told as
// a prospect ("the proposed alliance of A and B": calledOff). It reports
// whether it found them.
func (sc *scope) allianceOf(i int) bool {
	if sc.calledOff(i) || sc.classWithin(i-modifierWindow, modifierWindow, lcNotPactCue) {
		return false
	}
	g := sc.prepGroup(i, winAdjacent+1, "of", "between")
	if g == nil && i+1 < sc.s.to && sc.toks[i+1].in(lcBlocGrouping) {
		g = sc.after(i + 1)
	}
	if len(sc.stateEnds(g)) < 2 {
		return false
	}
	sc.pairMembers(g, i)
	return true
}

// whoseMembers steps back over ", whose members" ending at k, to the body
// before it: "the CSTO, whose members include A, B and C" (the members
// included are the body's). Any other k is returned as is.
func (sc *scope) whoseMembers(k int) int {
	if k-1 <= sc.s.from || sc.toks[k].low != "members" || sc.toks[k-1].low != "whose" {
		return k
	}
	k -= 2
	if sc.toks[k].low == "," {
		k--
	}
	return k
}

// nounPhraseEnds reports that a noun phrase ends before k: the sentence ends,
// or a punctuation mark, a preposition, a time word or a weekday follows
// ("entered NATO on Friday", "entered NATO as its 30th member"; not
// "entered NATO airspace").
func (sc *scope) nounPhraseEnds(k int) bool {
	if k >= sc.s.to {
		return true
	}
	t := &sc.toks[k]
	return !t.word || t.is(cPreposition) || t.in(lcTimeWord) || t.cap && t.is(cWeekday) || startsDigit(t.low)
}

// ledBy returns the state an "X-led" compound names right before the
// mention mi or as its first word: "the Moscow-led CSTO", "the
// Russian-led Collective Security Treaty Organization", "a German-led NATO
// battlegroup" (a capitalised word ending in "-led" whose first part names
// a state); ok is false when there is none. The leader of forces is an
// ally of those who train with them.
func (sc *scope) ledBy(mi int) (endpoint, bool) {
	from := sc.ms[mi].from
	for k := from; k >= sc.s.from && k >= from-1; k-- {
		t := &sc.toks[k]
		if !t.cap || !strings.HasSuffix(t.low, "-led") {
			continue
		}
		if id := sc.statePart(t.text[:len(t.text)-len("-led")]); id != "" {
			return endpoint{id: id, span: graph.Span{Start: t.start, End: t.end}}, true
		}
	}
	return endpoint{}, false
}

// ledAllies makes the states of x allies of the leader of each mention
// of g told as "X-led" (ledBy), other than themselves: the leader of
// forces ("alongside a German-led NATO battlegroup"). A military alliance
// told as X-led is none: its leader is one member among the others, and
// membership pairs a member with the alliance only ("Astana, a member of
// the Russian-led CSTO" is no ally of Russia's by that; ledBloc).
func (sc *scope) ledAllies(x, g []int, i int) {
	for _, m := range g {
		if sc.ledBloc(m) {
			continue
		}
		if l, ok := sc.ledBy(m); ok {
			var own []endpoint
			for _, e := range sc.stateEnds(x) {
				if e.id != l.id {
					own = append(own, e)
				}
			}
			sc.emitEnds(graph.AlliesWith, own, []endpoint{l}, i, graph.Asserted, "", "")
		}
	}
}

// ledBloc reports a mention mi of a military alliance (actors alliance)
// that heads its noun phrase: "the Moscow-led CSTO", not "a German-led
// NATO battlegroup" (a forces-head after it names forces of the alliance).
func (sc *scope) ledBloc(mi int) bool {
	ends := sc.ends([]int{mi})
	if len(ends) != 1 || !sc.x.lex.actors["alliance"][ends[0].id] {
		return false
	}
	to := sc.ms[mi].to
	return to >= sc.s.to || !sc.toks[to].in(lcForcesHead)
}

// includedMembers reads the members of a military alliance named before
// the verb of including at i: "the CSTO includes A, B and C", "the Three
// Brotherhood Alliance, which comprises A, B and C", "That alliance,
// known as the Three Brotherhood Alliance, brings together A, B and C"
// (a bring-verb with "together"). Each member is the alliance's ally, not
// the others'. It reports whether an alliance stood before the verb.
func (sc *scope) includedMembers(i int) bool {
	o := i + 1 // the word the members are read after
	if sc.x.lex.words["bring-verb"][sc.toks[i].low] {
		if o >= sc.s.to || sc.toks[o].low != "together" {
			return false // "the talks brought Russia and Turkey closer"
		}
	} else {
		o = i
	}
	k := i - 1
	for k > sc.s.from && (sc.toks[k].low == "that" || sc.toks[k].low == "which" || sc.toks[k].in(lcPassiveAdverb)) {
		k--
	}
	if k > sc.s.from && sc.toks[k].low == "," {
		k-- // "the Three Brotherhood Alliance, which comprises", "known as the Three Brotherhood Alliance, brings together"
	}
	k = sc.whoseMembers(k)
	if k < sc.s.from {
		return false // "Includes ..." opens the sentence: no alliance before it
	}
	mi, ok := sc.endAt(k)
	if !ok && sc.toks[k].is(cBodyNoun) {
		// "the CSTO, the Moscow-led security bloc that ...": the body the
		// apposition describes, the last one named before it
		for j := len(sc.ms) - 1; j >= 0 && !ok; j-- {
			mi, ok = j, sc.ms[j].to <= k && sc.ms[j].pron == ""
		}
	}
	if !ok {
		return false
	}
	ends := sc.ends([]int{mi})
	if len(ends) != 1 || !sc.x.lex.actors["alliance"][ends[0].id] {
		return false
	}
	if x := sc.after(o); x != nil && !sc.negated(sc.ms[mi].from, i, true) {
		sc.joinsAlliance(x, []int{mi}, i, false) // members each, not a list of allies
	}
	return true
}

// memberStateNoun reports a noun of states at k right after a member noun
// ("NATO member states", "a SADC member country"): "states" there heads
// the noun phrase, it is no verb after a subject "member" (special.go
// membership).
func (sc *scope) memberStateNoun(k int) bool {
	if k >= sc.s.to {
		return false
	}
	return sc.toks[k].in(lcStateNoun) || sc.toks[k].in(lcStatePlural)
}
