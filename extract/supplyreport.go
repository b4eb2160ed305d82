package extract

import (
	"strings"

	"geokg/graph"
)

// deniedReport reports a supply told only in a claim no one is named for
// ("press reports", "a media report", "rumours") that its supplier, or one
// speaking for it, denies: "Turkish defence ministry sources rejected press
// reports that Ankara had sent armed drones to the Sudanese army" and
// "Peskov dismissed as fabricated a media report that Russia had begun
// delivering jets to Iran" tell no supply (annotation.md: a claim with no
// claimer that its subject denies is no edge). "denied Indian media
// reports" names its claimer and keeps the supply, alleged and disputed.
func (sc *scope) deniedReport(c claim, src graph.ActorID) bool {
	if c.by != "" || c.disputed == "" || c.disputed != src && !sc.affiliated(c.disputed, src) {
		return false
	}
	for k := max(sc.s.from, c.from-1); k <= c.from && k < sc.s.to; k++ {
		if sc.toks[k].in(lcHearsayNoun) {
			return true
		}
	}
	return false
}

// plannedBy reports a supplier named by "by" after a noun of intention or
// stopping: "A plan by Quito to ship old hardware to Washington has
// stalled", "a request by Baku to buy" (no supply told; "the decision by
// Berlin to send tanks" is one).
func (sc *scope) plannedBy(src []int) bool {
	by := sc.ms[src[0]].from - 1
	return by-1 >= sc.s.from && sc.toks[by].low == "by" && sc.toks[by-1].is(cStopVerb) && !sc.toks[by-1].cap
}

// signedBefore reports a verb of signing or concluding between a supply
// noun at i and the "by" agent at to: the agent signed the document the
// noun is in, it supplies nothing ("The agreement on \"China's provision
// of military assistance gratis to the Republic of Maldives\" was signed
// on Monday by Defence Minister Maumoon and Major General Zhang").
func (sc *scope) signedBefore(i, to int) bool {
	for k := i + 1; k < to && k < sc.s.to; k++ {
		if sc.toks[k].in(lcSignVerb) {
			return true
		}
	}
	return false
}

// adjectivalArms reports "armed" or "equipped" at i said of what someone
// has, not done to anyone: after a word of degree ("among the best
// equipped in the region", "better equipped than"), or after a comma with
// "with" next and no object between ("Venezuela has a much larger army,
// armed largely with tanks and jets that Russia supplied"): an active
// supply verb names its recipient right after it.
func (sc *scope) adjectivalArms(i int, t trig) bool {
	if t.lemma != "arm" && t.lemma != "equip" {
		return false
	}
	p := i - 1
	for p > sc.s.from && sc.toks[p].low != "," && strings.HasSuffix(sc.toks[p].low, "ly") && !sc.toks[p].in(lcDegreeWord) {
		p-- // "largely", "mainly"
	}
	if p < sc.s.from {
		return false
	}
	if sc.toks[p].in(lcDegreeWord) {
		return true
	}
	if sc.toks[p].low != "," {
		return false
	}
	n := i + 1
	for n < sc.s.to && strings.HasSuffix(sc.toks[n].low, "ly") {
		n++
	}
	return n < sc.s.to && sc.toks[n].low == "with"
}

// headcount returns where the people counted at k start: past "some",
// "about" or "more than", a number ("3,000", "two") and a count noun with
// its "of" ("thousands of", "hundreds of"): "has trained and equipped
// thousands of Somali soldiers", "armed some 3,000 Kurdish fighters"
// (the state the demonym names receives); k when no count stands there.
func (sc *scope) headcount(k int) int {
	j := k
	for j < sc.s.to && (sc.toks[j].low == "some" || sc.toks[j].low == "about" || sc.toks[j].low == "more" || sc.toks[j].low == "than") {
		j++
	}
	if j < sc.s.to && (startsDigit(sc.toks[j].text) || sc.toks[j].in(lcNumberWord)) {
		j++
	}
	if j+1 < sc.s.to && sc.toks[j].in(lcCountNoun) && sc.toks[j+1].low == "of" {
		j += 2
	}
	if j == k || j-1 >= sc.s.from && (sc.toks[j-1].low == "than" || sc.toks[j-1].low == "more") {
		return k
	}
	return j
}

// unsaidSupply reports an active supply verb at i whose supplier src does
// not supply as told: a negation or a verb of stopping or intention
// between them, a hypothetical, any supplier at all, a supply stopped
// before, asked about, questioned or only planned ("A plan by Quito to
// ship").
func (sc *scope) unsaidSupply(i int, t trig, src []int) bool {
	return sc.negated(sc.afterBut(sc.window(src, i), i), i, true) || sc.hypotheticalSupply(src, i) || sc.anySupplier(src) ||
		t.pos == verbGer && sc.stoppedBefore(min(sc.ms[src[0]].from, i)) || sc.askedSupplier(src) || sc.questionedSupply(sc.ms[src[0]].from) || sc.plannedBy(src)
}

// pastNotActive reads a past form at i that is no active supply verb: a
// participle of goods sold or owned ("Turkey, whose drones delivered to
// Baku"; "and Iranian drones supplied to the army"), a participle of
// goods read as a passive ("and drones supplied to the army ..."), or an
// adjective of arms ("among the best equipped in the region"). It reports
// whether the verb is done with.
func (sc *scope) pastNotActive(i int, t trig) bool {
	if (sc.whoseGoods(i) || sc.goodsParticiple(i)) && sc.ownedGoodsSold(i, t) {
		return true
	}
	if sc.goodsParticiple(i) {
		sc.supplyPassive(i, t)
		return true
	}
	return sc.adjectivalArms(i, t)
}

// quotedSpeaker returns who speaks the quote that holds token j: the
// claimer of the sentence's claim, or, for a sentence that opens with a
// quote and names no claimer, the speaker the sentence before named
// ("... in the region," CENTCOM commander General Erik Kurilla said.
// "Their continued supply of advanced conventional weapons to the Houthis
// is a direct violation ...": Kurilla's, so "their" is not CENTCOM).
func (sc *scope) quotedSpeaker(j int) graph.ActorID {
	if c, ok := sc.claimAt(j); ok && c.by != "" {
		return c.by
	}
	if sc.toks[sc.s.from].low != `"` {
		return ""
	}
	return sc.st.lastPerson
}

// thingSubjectWindow: the words of a thing's noun phrase before a passive
// ("the athletes' village", "the new port").
const thingSubjectWindow = 4

// thingSubject reports a passive supply participle at lo whose subject is
// a thing no actor names, opening a clause after "and" or a comma: "The
// United States sent a delegation, and the athletes' village was partly
// financed by Indonesia" (the village, not the United States, was
// financed: no recipient).
func (sc *scope) thingSubject(lo int) bool {
	b := lo - 1
	for b > sc.s.from && (sc.toks[b].is(cAux|cBe|cPassiveAdverb) || sc.adverb(b)) {
		b--
	}
	if b <= sc.s.from || sc.toks[b].cap || !sc.toks[b].word || sc.toks[b].is(cPronoun) {
		return false
	}
	if _, ok := sc.endAt(b); ok || sc.inMention(b) {
		return false
	}
	for k := b - 1; k > sc.s.from && k >= b-thingSubjectWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcDeterminer) {
			p := sc.toks[k-1].low
			return p == "and" || p == ","
		}
		if t.cap || t.is(cAux|cBe) || sc.inMention(k) {
			return false
		}
	}
	return false
}
