package extract

// This file reads goods a sentence names again by a definite noun phrase
// as the subject of a supply participle that names their supplier and no
// recipient: "The Nigerian Air Force inducted 12 A-29 aircraft on
// Tuesday. The planes were bought from the United States", "... The
// aircraft are the first of 36 bought from France". The recipient is who
// took the goods in the sentence before.

import (
	"strings"

	"geokg/graph"
)

// anaphorGoodsWindow: the words from the sentence's first word to the
// participle of its goods subject ("The aircraft are the first of 36
// bought").
const anaphorGoodsWindow = 9

// anaphorGoods reports a sentence that opens, past a dateline, with a
// definite determiner and goods ("The planes", "These drones", "The new
// jets"), then a form of "be" and, up to the participle at i, only lower-
// case words and numbers: no actor, no clause break ("The aircraft are the
// first of 36 bought from France").
func (sc *scope) anaphorGoods(i int) bool {
	start := dateline(sc.toks, sc.s.from, sc.s.to)
	if i-start > anaphorGoodsWindow || i-start < 3 || !sc.toks[start].in(lcDefiniteDeterminer) || len(sc.ms) > 0 && sc.ms[0].from < i {
		return false
	}
	be := -1
	for k := start + 1; k < i; k++ {
		t := &sc.toks[k]
		if t.is(cBe|cAux) && k > start+1 && sc.anaphorHead(k-1) {
			be = k
			break
		}
		if !t.word || t.cap {
			return false
		}
	}
	if be < 0 {
		return false
	}
	for k := be + 1; k < i; k++ {
		if t := &sc.toks[k]; t.cap || t.is(cClauseBreak) || !t.word && !startsDigit(t.text) {
			return false
		}
	}
	return true
}

// anaphorHead reports the head of a definite noun phrase that names a
// supply told before: goods, no commodity ("The planes"), or a scheme
// that pays for them (class programme-noun: "The scheme has been financed
// by Denmark, the Netherlands, Canada, Norway").
func (sc *scope) anaphorHead(k int) bool {
	t := &sc.toks[k]
	return t.is(cGoods) && !t.is(cCommodity) || t.in(lcProgrammeNoun)
}

// anaphorRecipient returns the recipient of the goods a sentence names
// again (anaphorGoods) before a supply participle at i: the recipient of
// a supply told in the sentence just before, or the state whose forces
// opened it and took goods in with a verb of using them ("inducted",
// "commissioned", "operates": needyRecipient and takenIn); "" when none.
func (sc *scope) anaphorRecipient(i int) graph.ActorID {
	if !sc.anaphorGoods(i) {
		return ""
	}
	if r := sc.st.recipient; r != "" && sc.st.sentences-sc.st.recipientAt == 1 {
		return r
	}
	if r := sc.needyRecipient(); r != "" && sc.takenIn() {
		return r
	}
	return ""
}

// takenInWindow: how far back from the sentence's start a verb of using
// goods is looked for in the sentence before.
const takenInWindow = 80

// takenIn reports a verb of using goods (class goods-user: "inducted",
// "commissioned", "operates") with goods after it in the sentence before
// this one: its forces took them in (not "intercepted drones", "were
// outgunned").
func (sc *scope) takenIn() bool {
	end := sc.s.from - 1 // the sentence before ends with its stop
	for k := end - 1; k >= 0 && k >= end-takenInWindow; k-- {
		t := &sc.toks[k]
		if t.low == "." || t.low == "?" || t.low == "!" {
			return false
		}
		if t.in(lcGoodsUser) && sc.goodsWord(k+1, min(end, k+takenGoodsWindow)) {
			return true
		}
	}
	return false
}

// takenGoodsWindow: the goods after a verb of using them, past a number
// and a model ("inducted 12 A-29 Super Tucano light attack aircraft").
const takenGoodsWindow = 9

// goodsWord reports a goods word, no commodity, in [from, to): tokens of
// any sentence (goodsBetween reads the current one's).
func (sc *scope) goodsWord(from, to int) bool {
	for k := from; k < to; k++ {
		if t := &sc.toks[k]; t.is(cGoods) && !t.is(cCommodity|cGoodsModifier) {
			return true
		}
	}
	return false
}

// anaphorSupply emits src as the supplier of the goods a sentence names
// again before the supply participle at i, to anaphorRecipient's state;
// it reports whether it did.
func (sc *scope) anaphorSupply(i int, t trig, src []endpoint) bool {
	r := sc.anaphorRecipient(i)
	if r == "" || src == nil {
		return false
	}
	for _, e := range src {
		if sc.affiliated(e.id, r) {
			return false
		}
	}
	if sc.negated(sc.s.from, i, true) {
		return false
	}
	ends := []endpoint{{id: r, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}
	sc.emitEnds(graph.Supplies, src, ends, i, sc.supplyStatus(nil, i, t), "", "")
	return true
}

// timeAdjunct reports a word at k of a time phrase a preposition opens
// with a weekday, a month or a year: "on Sunday", "in 2016" (goodsUser
// reads past it to goods set in apposition: "commissioned its first two
// submarines on Sunday, Ming-class boats refitted and sold by China").
// Not "the first of 42 jets": a count.
func (sc *scope) timeAdjunct(k int) bool {
	t := &sc.toks[k]
	if t.is(cPreposition) {
		return k+1 < sc.s.to && sc.timeWord(k+1)
	}
	return k-1 >= sc.s.from && sc.toks[k-1].is(cPreposition) && sc.timeWord(k)
}

// timeWord reports a weekday, a month or a year at k.
func (sc *scope) timeWord(k int) bool {
	t := &sc.toks[k]
	return t.is(cWeekday) || len(t.text) == 4 && (strings.HasPrefix(t.text, "19") || strings.HasPrefix(t.text, "20")) && startsDigit(t.text)
}

// possPronoun reports a possessive pronoun at k that is a mention of its
// own ("its", "their"): the goods a verb of using them has for object are
// its subject's ("commissioned its first two submarines").
func (sc *scope) possPronoun(k int) bool {
	mi, ok := sc.startAt(k)
	return ok && sc.ms[mi].to == k+1 && sc.ms[mi].pron != "" && sc.ms[mi].poss
}

// orderedByWindow: from a supply verb past its goods to the buyer
// participle on them ("delivering 24 M-346 light combat jets ordered").
const orderedByWindow = 10

// orderedBy finds the buyer a participle of buying on the goods of a
// supply verb at i names by "by": "has shipped the first VT-4 main battle
// tanks and SH5 howitzers ordered by the Nigerian Army", "to begin
// delivering 24 M-346 jets ordered by Abuja" (the buyer receives what
// the verb's subject sends). Goods must stand between; no clause break.
func (sc *scope) orderedBy(i int) []int {
	for k := i + 2; k+1 < sc.s.to && k <= i+orderedByWindow; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "to" || t.low == "which" || t.low == "that" {
			return nil
		}
		if sc.toks[k+1].low != "by" || !t.word || t.cap {
			continue
		}
		if tr, ok := sc.trigOf(t); !ok || !tr.reverse || tr.pos != verbPast || !sc.goodsBetween(i+1, k) {
			return nil
		}
		if g := sc.after(k + 1); g != nil && !sc.ms[g[0]].poss && !sc.ms[g[0]].adj {
			return g
		}
		return nil
	}
	return nil
}

// doerForWindow: from the "for" of a reason back to the plural noun that
// names who did it ("companies in China for").
const doerForWindow = 5

// unnamedDoerFor reports a supply verb at i in a reason given after
// "for" whose doer is a plural noun no actor names, the object of the
// verb before: "Washington had sanctioned companies in China for helping
// to build complete weapons systems for Moscow" (the companies build, not
// Washington; class participle-head). The verb is a gerund right after
// "for", or an infinitive after one ("for helping to build").
func (sc *scope) unnamedDoerFor(i int) bool {
	j := i - 1
	if j-1 > sc.s.from && sc.toks[j].low == "to" && strings.HasSuffix(sc.toks[j-1].low, "ing") {
		j -= 2 // "for helping to build"
	} else if !strings.HasSuffix(sc.toks[i].low, "ing") {
		return false
	}
	if j <= sc.s.from || sc.toks[j].low != "for" {
		return false
	}
	for k := j - 1; k >= sc.s.from && k >= j-doerForWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			k = sc.ms[mi].from // "companies in China"
			continue
		}
		t := &sc.toks[k]
		if t.in(lcParticipleHead) {
			return !t.cap
		}
		if t.low != "in" && t.low != "based" && (!t.word || t.cap || t.is(cClauseBreak|cAux|cBe)) {
			return false
		}
	}
	return false
}
