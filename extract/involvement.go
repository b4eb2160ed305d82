package extract

// This file reads a denial told as the speaker's own innocence, with no
// verb of denying and no claim noun: "Ukraine said it had nothing to do
// with the attack", "Rwanda said it \"has no connection whatsoever\"
// with the rebels", "'We are not involved in any way,' the ministry
// said". The speaker denies whoever last accused it (within thatMemory
// sentences); with no such accusation the words deny nothing.

import "geokg/graph"

// saidUninvolved reads the clause said after the reporting verb at r by
// speaker, from said on (thatAfter(r)): its subject is the speaker's own
// side and it denies involvement (uninvolved).
func (sc *scope) saidUninvolved(speaker []int, r, said int) {
	if !sc.uninvolved(said, sc.s.to, speaker) || sc.negated(sc.window(speaker, r), r, false) {
		return
	}
	if accusers := sc.lastAccusersWithin(sc.ids(speaker), thatMemory); len(accusers) > 0 {
		sc.emitIDs(graph.Denies, speaker, accusers, r, graph.Asserted, "", "")
	}
}

// uninvolvedSubjectWindow: the words between the start of what is said
// and its subject ("said on Monday that it").
const uninvolvedSubjectWindow = 4

// uninvolved reports, in [from, to), a subject that is the speaker's own
// side (a mention of the speaker or of what it speaks for, "it", "his
// country"; or "we", "our forces") within uninvolvedSubjectWindow words
// of from, followed by a denial of involvement (involvementDenied). Any
// other subject ("said the group would have no role in the government")
// denies nothing.
func (sc *scope) uninvolved(from, to int, speaker []int) bool {
	for k := from; k < to && k < from+uninvolvedSubjectWindow; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," {
			return false
		}
		end := -1
		if mi, ok := sc.startAt(k); ok {
			// the denial read first: most clauses deny nothing, and
			// about resolves the mention
			g := sc.grp[sc.ms[mi].group]
			return sc.involvementDenied(sc.ms[g[len(g)-1]].to, to) && sc.about([]int{mi}, sc.first(speaker))
		} else if k == from && t.is(cPronoun) && !t.in(lcPossessivePronoun) {
			end = k + 1 // "said it was not involved": an "it" read as no mention
		} else if t.in(lcSpeakerPronoun) {
			end = k + 1
			for end < to && end <= k+ownSubjectWindow && t.in(lcPossessivePronoun) && sc.toks[end].word && !sc.toks[end].is(cAux|cBe|cNegator) && !sc.toks[end].in(lcInvolvementVerb) {
				end++ // "our armed forces"
			}
		}
		if end >= 0 {
			return sc.involvementDenied(end, to)
		}
	}
	return false
}

// involvementWindow: the words from a subject to the words of its
// denial ("has \"absolutely\" nothing").
const involvementWindow = 5

// involvementDenied reports, from k, past auxiliaries, forms of be and
// have, adverbs and quote marks, "nothing to do with", a verb of the
// involvement-verb class with "no" and an involvement noun ("had no
// role", "has played no part", "bears no responsibility"), or a negator
// and a word of involvement-state ("was not involved", "is not behind").
func (sc *scope) involvementDenied(k, to int) bool {
	for n := k; n < to && n < k+involvementWindow; n++ {
		t := &sc.toks[n]
		switch {
		case t.low == "nothing":
			return sc.toDoWith(n+1, to)
		case t.low == "no":
			v := n - 1
			for v > k && (sc.adverb(v) || !sc.toks[v].word) {
				v-- // "has absolutely no connection", "had \"no role\""
			}
			return v >= k && v < n && sc.toks[v].in(lcInvolvementVerb) && sc.involvementNounAt(n+1, to)
		case t.is(cNegator):
			return sc.involvementStateAt(n+1, to)
		case t.is(cAux|cBe) || t.in(lcInvolvementVerb) || sc.adverb(n) || !t.word:
			continue
		}
		return false
	}
	return false
}

// involvementNounAt reports an involvement noun at k or after one
// modifier ("no direct role").
func (sc *scope) involvementNounAt(k, to int) bool {
	return k < to && sc.toks[k].in(lcInvolvementNoun) || k+1 < to && sc.toks[k].word && !sc.toks[k].cap && sc.toks[k+1].in(lcInvolvementNoun)
}

// involvementStateAt reports, from k past forms of be, adverbs and
// "in any way", a word of involvement-state ("not been involved", "not
// in any way involved").
func (sc *scope) involvementStateAt(k, to int) bool {
	for n := k; n < to && n < k+involvementWindow; n++ {
		t := &sc.toks[n]
		if t.in(lcInvolvementState) {
			return true
		}
		if !t.is(cBe) && !sc.adverb(n) && t.word {
			return false
		}
	}
	return false
}

// toDoWith reports "to do with" at k: "nothing to do with", also with a
// quotation mark closing before "with" ("had \"nothing to do\" with the
// strike").
func (sc *scope) toDoWith(k, to int) bool {
	if k+2 >= to || sc.toks[k].low != "to" || sc.toks[k+1].low != "do" {
		return false
	}
	w := k + 2
	if w+1 < to && sc.toks[w].low == "\"" {
		w++
	}
	return sc.toks[w].low == "with"
}
