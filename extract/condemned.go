package extract

// This file reads the doer of a deed named by the object of a verb of
// condemning, through the object's noun phrase: "condemned what it called
// an Israeli attempt to ...", "slammed the \"hegemonic policy\" of the
// United States", "denounced a violation of Guyana's sovereignty by
// Venezuelan naval forces".

import (
	"strings"

	"geokg/graph"
)

// condemnedDoer finds whose deed the object of the verb at i is. It reads
// the object's noun phrase past "what X called", determiners, quotes and
// lower-case modifiers (condemnedPhraseWindow words) to its head, a noun
// of a deed (deed-noun, conduct-noun, act-noun, hostile-noun, charge-act).
// The doer is a demonym or possessive among the modifiers ("an Israeli
// attempt", "the U.S. side's moves"), else the actor of an "of" after a
// head of the agent-of class ("the decision of Israel"; not "the
// occupation of Crimea", whose "of" names the place), else a "by" within
// the phrase ("... by Venezuelan naval forces"). Another actor named
// first in the phrase is the verb's own object, read elsewhere: nil.
func (sc *scope) condemnedDoer(i int) []int {
	k := sc.pastAdverbial(i + 1)
	if k < sc.s.to {
		if j := sc.skipWhatCalled(k); j != k {
			k = j + 1
		}
	}
	var owner []int
	series := false // past "wave of": a name there modifies the act ("U.S. strikes")
	for end := min(sc.s.to, k+condemnedPhraseWindow); k < end; k++ {
		t := &sc.toks[k]
		if mi, ok := sc.startAt(k); ok {
			m := &sc.ms[mi]
			if sc.bodyModifier(m) {
				k = m.to - 1 // "the military aggression of Israel": "military" modifies the deed
				continue
			}
			if !m.adj && !m.poss && !(series && !m.person) || m.pron != "" {
				return nil
			}
			if e := m.to - 1; series && e > k && sc.deedHead(&sc.toks[e]) {
				return sc.grp[m.group] // "a wave of U.S. and British air strikes": the act ends the mention
			}
			owner, k = sc.grp[m.group], m.to-1
			continue
		}
		if sc.deedHead(t) {
			if owner != nil {
				return owner
			}
			return sc.doerAfterHead(k)
		}
		if t.low == "'s" || t.low == "\"" || t.low == "'" || t.in(lcDeterminer) {
			continue
		}
		if t.in(lcActSeries) && k+1 < end && sc.toks[k+1].low == "of" {
			k, series = k+1, true // "the latest wave of U.S. and British air strikes"
			continue
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cReporting) {
			return nil
		}
	}
	return nil
}

// bodyModifier reports a reference of one lower-case word ("the
// military", "the army") right before a deed's noun: a modifier of the
// deed ("the military aggression", "the army operation"), no actor.
func (sc *scope) bodyModifier(m *mention) bool {
	if m.pron == "" || m.to-m.from > 2 || sc.toks[m.to-1].cap || m.to >= sc.s.to {
		return false
	}
	return sc.deedHead(&sc.toks[m.to])
}

// condemnedPhraseWindow: the words of a condemned noun phrase before its
// head ("the criminal and illegal unilateral coercive measures").
const condemnedPhraseWindow = 8

// deedHead reports a noun that names a deed someone did.
func (sc *scope) deedHead(t *token) bool {
	if t.is(cActNoun | cHostileNoun | cChargeAct) {
		return true
	}
	return t.in(lcDeedNoun) || t.in(lcConductNoun) || t.in(lcAgentOf)
}

// doerAfterHead reads the doer after the head noun at h of a condemned
// phrase: "of Y" after a noun of the agent-of class, or a "by Y" before
// the phrase ends (condemnedByWindow words: "a violation of Guyana's
// sovereignty by Venezuelan naval forces", "measures imposed by Y").
func (sc *scope) doerAfterHead(h int) []int {
	n := h + 1
	if n < sc.s.to && (sc.toks[n].low == "\"" || sc.toks[n].low == "'") {
		n++
	}
	if n < sc.s.to && sc.toks[n].low == "of" && sc.toks[h].in(lcAgentOf) {
		return sc.agentOf(n)
	}
	for k := n; k < sc.s.to && k <= h+condemnedByWindow; k++ {
		t := &sc.toks[k]
		if t.low == "by" {
			if g := sc.after(k); g != nil {
				return g
			}
			return sc.linkedTo(k) // "by militias backed by Iran"
		}
		if t.is(cClauseBreak|cReporting|cBe) || t.low == "," || t.low == "which" || t.low == "that" || t.low == "who" {
			return nil
		}
	}
	return nil
}

// condemnedByWindow: how far after a condemned deed's head its "by" may
// stand, past what the deed hit ("a violation of Guyana's sovereignty
// by").
const condemnedByWindow = 8

// agentOf returns the actor of the "of" at n after a deed's head: a name
// ("the decision of Israel"), or a demonym on the noun of the doer ("an
// incursion of a Venezuelan navy vessel"); not a possessive, which owns
// what follows it ("the policy of Israel's government" is read as
// Israel's by the possessive itself).
func (sc *scope) agentOf(n int) []int {
	k := n + 1
	for k < sc.s.to && sc.toks[k].in(lcDeterminer) {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok || sc.ms[mi].poss || sc.ms[mi].pron != "" {
		return nil
	}
	if m := &sc.ms[mi]; m.adj {
		if e := m.to; e >= sc.s.to || !sc.toks[e].word || sc.toks[e].cap || sc.toks[e].is(cPreposition|cClauseBreak) {
			return nil // "the policy of the Israeli": no noun of the doer
		}
	}
	return sc.grp[sc.ms[mi].group]
}

// pastAdverbial steps over a short prepositional phrase between a verb
// and its object: one told by "what X called" ("condemned in a statement
// what it called ..."), or a noun phrase opened by a determiner or a
// quote after the phrase's own words ("condemned on Friday the decision
// of ...", "denounced in a statement the \"flagrant violation\" of ...").
// It returns where the object starts, or k.
func (sc *scope) pastAdverbial(k int) int {
	if q := sc.quotedAdverbial(k); q > k {
		return q
	}
	if q := sc.judgedFirst(k); q > k {
		return q
	}
	if k >= sc.s.to || !sc.toks[k].is(cPreposition) {
		return k
	}
	for j := k + 1; j < sc.s.to && j <= k+adverbialWindow; j++ {
		t := &sc.toks[j]
		if t.low == "what" {
			return j
		}
		if j > k+1 && sc.opensObject(j) {
			return j
		}
		if !t.word || t.cap && !t.is(cWeekday) || t.is(cPreposition|cClauseBreak) {
			return k
		}
	}
	return k
}

// quotedAdverbial returns where the object starts after a quoted manner
// adverbial opening at k, right after a verb: "rejected \"categorically\"
// the allegations of ...", "condemned \"with the utmost firmness\" the
// action of ...", "condemns \"in the strongest terms\" the attacks". The
// quote holds an -ly adverb, or a prepositional phrase of lower-case words
// (at most quotedAdverbialWindow words, no claim noun); a determiner,
// "what", a quote or a name follows it, past a comma. Else k.
func (sc *scope) quotedAdverbial(k int) int {
	if k+2 >= sc.s.to || sc.toks[k].low != "\"" || !sc.adverb(k+1) && !sc.toks[k+1].is(cPreposition) {
		return k
	}
	for j := k + 1; j < sc.s.to && j <= k+1+quotedAdverbialWindow; j++ {
		t := &sc.toks[j]
		if t.low != "\"" {
			if !t.word || t.cap || t.is(cClaimNoun|cClauseBreak|cBe|cReporting) {
				return k
			}
			continue
		}
		n := j + 1
		if n < sc.s.to && sc.toks[n].low == "," {
			n++
		}
		if _, ok := sc.startAt(n); ok || n < sc.s.to && (sc.toks[n].in(lcDeterminer) || sc.toks[n].low == "what" || sc.toks[n].low == "\"") {
			return n
		}
		return k
	}
	return k
}

// quotedAdverbialWindow: the words of a quoted manner adverbial ("with
// the utmost firmness", "in the strongest possible terms").
const quotedAdverbialWindow = 6

// opensObject reports a determiner or an opening quote at j after a word
// of the phrase before it (not "in the").
func (sc *scope) opensObject(j int) bool {
	t, p := &sc.toks[j], &sc.toks[j-1]
	if !p.word || p.in(lcDeterminer) {
		return false
	}
	return t.in(lcDeterminer) || t.low == "\""
}

// judgedFirst returns where the object starts after a quoted judgement
// that "as" puts before it, right after a verb: "condemned as \"cowardly\"
// an Israeli air strike", "condemned as a \"blatant aggression\" a missile
// attack by ...". The quote (at most judgedQuoteWindow words) may follow a
// determiner; a determiner or a demonym's name opens the object after it.
// Else k.
func (sc *scope) judgedFirst(k int) int {
	if k+judgedMinWords >= sc.s.to || sc.toks[k].low != "as" {
		return k
	}
	j := k + 1
	if sc.toks[j].in(lcDeterminer) {
		j++
	}
	if sc.toks[j].low != "\"" {
		return k
	}
	for e := j + 1; e < sc.s.to && e <= j+judgedQuoteWindow; e++ {
		if sc.toks[e].low != "\"" {
			continue
		}
		if n := e + 1; n < sc.s.to && (sc.toks[n].in(lcDeterminer) || sc.toks[n].low != "," && sc.startsAdj(n)) {
			return n
		}
		return k
	}
	return k
}

// startsAdj reports a demonym mention starting at n ("Israeli" in "as
// \"cowardly\" Israeli strikes").
func (sc *scope) startsAdj(n int) bool {
	mi, ok := sc.startAt(n)
	return ok && sc.ms[mi].adj
}

// judgedMinWords: "as", a quoted word and its closing quote before an
// object.
const judgedMinWords = 3

// judgedQuoteWindow: the words of a quoted judgement before its object
// ("as a \"flagrant violation\" of its sovereignty").
const judgedQuoteWindow = 6

// adverbialWindow: the words of a prepositional phrase before "what X
// called" ("in a joint statement").
const adverbialWindow = 4

// firstMentionBefore returns the sentence's first mention when it starts
// before i and only a dateline or a fronted time phrase stands before it
// ("SEOUL, May 28 (Yonhap) - Pyongyang's launch was condemned by ...",
// "On Monday, North Korea's launch was condemned by ..."): no verb, trigger,
// preposition other than a time phrase's, or quote.
func (sc *scope) firstMentionBefore(i int) (int, bool) {
	for k := sc.s.from; k < i; k++ {
		if mi, ok := sc.startAt(k); ok {
			return mi, true
		}
		t := &sc.toks[k]
		if _, isTrig := sc.trigOf(t); isTrig || t.is(cBe|cAux|cReporting) || t.low == "\"" || t.word && !t.cap && !t.is(cWeekday) && !t.in(lcDenialTail) && !startsDigit(t.text) {
			return 0, false
		}
	}
	return 0, false
}

// passiveDeedOwner finds whose deed the subject of the passive verb of
// condemning at i names: a possessive opening the sentence before a deed
// noun (a deed head, or class condemned-deed: "Modi's visit to the region
// was condemned by China", "His 2013 visit to the shrine, which ..., was
// condemned by China and South Korea"), with no verb of its own between
// the deed and i outside an aside set off by commas. Else nil.
func (sc *scope) passiveDeedOwner(i int) []int {
	mi, ok := sc.firstMentionBefore(i)
	if !ok || !sc.ms[mi].poss {
		return nil
	}
	h := sc.ms[mi].to
	for end := min(i, h+condemnedPhraseWindow); h < end; h++ {
		t := &sc.toks[h]
		if sc.deedHead(t) || t.in(lcCondemnedDeed) {
			break
		}
		if t.low != "'s" && t.low != "'" && !startsDigit(t.text) && (!t.word || t.is(cPreposition|cClauseBreak|cBe|cAux|cReporting) || sc.inMention(h)) {
			return nil
		}
	}
	v := i - 1
	for v > h && sc.toks[v].is(cAux|cBe) {
		v-- // "was condemned", "has been criticised"
	}
	aside := false
	for n := h + 1; n <= v; n++ {
		t := &sc.toks[n]
		if t.low == "," {
			aside = !aside
			continue
		}
		if _, isTrig := sc.trigOf(t); !aside && (isTrig || t.is(cBe|cAux|cReporting|cClauseBreak)) {
			return nil
		}
	}
	if h >= i || aside {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// compoundDoer finds the states a hyphenated compound names as the doers
// of the deed the verb at i condemns: "condemned the \"American-British
// aggression\"", "denounced the U.S.-Japan-ROK \"Freedom Edge\" war
// drills", "condemned the U.S.-British strikes". The compound stands in
// the object's phrase (past "what X called", determiners, quotes and
// lower-case modifiers: condemnedPhraseWindow words), every part of it is
// a state (compoundStates), and a deed's head follows it past a quoted
// name and modifiers (compoundHeadWindow words). Nil otherwise; a single
// state is left to condemnedDoer.
func (sc *scope) compoundDoer(i int) []endpoint {
	k := sc.pastAdverbial(i + 1)
	if k < sc.s.to {
		if j := sc.skipWhatCalled(k); j != k {
			k = j + 1
		}
	}
	for end := min(sc.s.to, k+condemnedPhraseWindow); k < end; k++ {
		t := &sc.toks[k]
		if ends, next := sc.compoundStates(k); len(ends) >= 2 {
			if sc.deedAfterCompound(next) {
				return ends
			}
			return nil
		}
		if t.low == "\"" || t.low == "'" || t.in(lcDeterminer) {
			continue
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cReporting) {
			return nil
		}
	}
	return nil
}

// compoundStates reads a hyphenated compound of states starting at token
// k: one token ("US-Japan-ROK", "American-British") or names and demonyms
// the tokenizer split at a hyphen ("U.S." "-" "British"). It returns the
// states and the index after the compound; nil unless at least two parts
// are named and every part is a state.
func (sc *scope) compoundStates(k int) ([]endpoint, int) {
	var ends []endpoint
	for j := k; j < sc.s.to; j++ {
		t := &sc.toks[j]
		if !t.cap || !t.word {
			return nil, k
		}
		span := graph.Span{Start: t.start, End: t.end}
		// the parts of the lower case, which statePart looks up without
		// building a string: "U.S.-British" is "u.s." and "british"
		for rest, more := t.low, true; more; {
			var part string
			part, rest, more = strings.Cut(rest, "-")
			id := sc.statePart(part)
			if id == "" {
				return nil, k
			}
			ends = append(ends, endpoint{id: id, span: span})
		}
		if j+2 < sc.s.to && sc.toks[j+1].low == "-" && sc.toks[j+1].start == t.end && sc.toks[j+2].cap {
			j++ // "U.S." "-" "British": the next part after the split hyphen
			continue
		}
		if len(ends) < 2 {
			return nil, k
		}
		return ends, j + 1
	}
	return nil, k
}

// deedAfterCompound reports a deed's head within compoundHeadWindow words
// from k, past quotes, a quoted name ("Freedom Edge") and lower-case
// modifiers.
func (sc *scope) deedAfterCompound(k int) bool {
	quoted := false
	for j := k; j < sc.s.to && j < k+compoundHeadWindow; j++ {
		t := &sc.toks[j]
		switch {
		case t.low == "\"" || t.low == "'":
			quoted = !quoted
		case sc.deedHead(t) && !t.cap:
			return !t.in(lcMutualNoun) // "the India-Pakistan clashes": neither's deed
		case quoted && t.cap && t.word:
		case !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cReporting):
			return false
		}
	}
	return false
}

// compoundHeadWindow: the words between a compound of states and the
// deed's head ("U.S.-Japan-ROK \"Freedom Edge\" joint war drills").
const compoundHeadWindow = 7
