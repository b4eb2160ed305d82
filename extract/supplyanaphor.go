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
		if t.is(cBe) && k > start+1 && sc.toks[k-1].is(cGoods) && !sc.toks[k-1].is(cCommodity) {
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
