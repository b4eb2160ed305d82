package extract

// This file reads recognitions: "X recognised Y", "Y was recognised by X",
// "X's recognition of Y".

import (
	"geokg/graph"
	"slices"
	"strings"
)

func (sc *scope) recognizes(i int, t trig) {
	if sc.toks[i].in(lcRecogniseAsVerb) && !sc.recognisedAs(i) {
		return // "acknowledged the problem", "regards Taiwan as a province"
	}
	if t.pos == noun {
		sc.recognitionNoun(i)
		return
	}
	if t.pos == verbPast && sc.attributiveParticiple(i) {
		return // "the internationally recognised government": a description, no act
	}
	if t.pos == verbPast && (sc.passive(i) || sc.apposedParticiple(i)) {
		sc.passiveRecognition(i)
		return
	}
	if sc.worldAppeal(i) {
		return // "urged the world to recognise the TRNC"
	}
	x := sc.apposedRelative(i) // "In Paraguay, the only country that still recognises Taiwan, ..."
	if x == nil && !sc.relativeOfObject(i) && !sc.relativeOnNoun(i) {
		// not "leaving Taipei with 12 countries that still recognise it":
		// not Taipei; not "China condemned the countries that recognise
		// Taiwan": not China
		x = sc.verbSubject(i)
	}
	if x == nil {
		if y := sc.after(i); y != nil && !sc.negated(max(sc.s.from, i-subjectlessPolarityWindow), i, true) {
			sc.noteRecognized(y) // "Most states recognise Palestine. Sweden did so in 2014."
		}
		// "Only 12 countries recognise Taiwan, among them Paraguay and Guatemala"
		x = sc.namedAmong(i)
		if x == nil {
			return
		}
		lo := max(sc.s.from, i-subjectlessPolarityWindow)
		if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
			return
		}
		if y := sc.after(i); y != nil {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	if f := sc.follower(x); f != nil {
		x = f // "Syria and North Korea have followed Russia in recognising ..."
	}
	lo := sc.window(x, i)
	if sc.negated(lo, i, true) || sc.willOnly(lo, i) || sc.withdrawnAfter(x, i) || sc.sharedAuxNegated(x, lo, i, t) {
		return
	}
	if sc.reciprocalAfter(i) {
		sc.eachRecognizes(x, i) // "Israel and the PLO recognised each other"
		return
	}
	sc.recognizesObject(x, i)
}

// sharedAuxNegated reports a bare verb of recognising at i right after
// the "and" that ends its polarity window at lo, whose subject x stands
// before that "and": the verb shares the first verb's auxiliary, its
// negation and its question ("asked whether France would draw the
// consequences of the vote and recognise Artsakh", "Paris will not
// break with Baku and recognise the enclave"), which the window alone
// no longer sees.
func (sc *scope) sharedAuxNegated(x []int, lo, i int, t trig) bool {
	if t.pos != verbBase || strings.HasSuffix(sc.toks[i].low, "s") || len(x) == 0 || lo-1 <= sc.s.from || sc.toks[lo-1].low != "and" {
		return false // "cuts ties with Taipei and recognises Beijing": a finite verb of its own
	}
	for k := lo; k < i; k++ {
		if !sc.adverb(k) {
			return false // "does not recognise Nicosia and is the only country that recognises"
		}
	}
	e := sc.ms[x[len(x)-1]].to
	if e >= lo {
		return false
	}
	return sc.negated(e, lo-1, false) || sc.willOnly(e, lo-1)
}

// passiveRecognition reads a passive recognition at i: "Y was recognised
// by X", "Y, recognised by X in 2008,".
func (sc *scope) passiveRecognition(i int) {
	if p := sc.prevWord(i); p > sc.s.from && sc.commonWord(p) && sc.toks[p].low != "of" && !sc.toks[p].in(lcCopula) && !sc.recognisedOfHead(sc.toks[p].low) {
		return // "a move recognised only by the United States", "neutrality recognised by the General Assembly"; not "remain recognised only by"
	}
	if sc.whoseQuality(i) {
		return // "Turkmenistan, whose permanent neutrality was recognised by the General Assembly"
	}
	x := sc.agent(i, winAgent)
	if g := sc.secondAgent(x); g != nil {
		x = append(slices.Clip(x), g...) // "recognised within hours by Sudan, the country it split from, and by the United States"
	}
	y := sc.territoryBefore(i) // "the territory is recognised only by ..."
	if y == nil {
		y = sc.subject(i, sc.s.from)
	}
	if y == nil {
		y = sc.possBefore(i) // "Kosovo's independence has been recognised by ..."
	}
	if y == nil && x != nil && sc.newStateSubject(i) {
		// "South Sudan declared independence ... The new state was recognised by Sudan"
		if !sc.negated(sc.s.from, i, true) {
			sc.emitIDs(graph.Recognizes, x, without([]graph.ActorID{sc.st.newState}, sc.ids(x)), i, graph.Asserted, "", "")
		}
		return
	}
	if x != nil && y != nil && !sc.negated(sc.window(y, i), i, true) {
		sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
	}
}

// secondAgentWindow is how many words may stand between a passive's
// agent and the "and by" of a second one: an apposition on the first ("by
// Sudan, the country it split from, and by") or a time phrase ("by Sudan
// on Saturday and by").
const secondAgentWindow = 9

// secondAgent returns the actors after an "and by" that follows the
// passive agent x, past an apposition on x between commas or a time
// phrase (gapTail): the passive has a second agent ("was recognised by
// Sudan, the country it split from, and by the United States"); nil
// otherwise.
func (sc *scope) secondAgent(x []int) []int {
	if x == nil {
		return nil
	}
	e := sc.ms[x[len(x)-1]].to
	a := -1
	if e < sc.s.to && sc.toks[e].low == "," {
		for k := e + 1; k+1 < sc.s.to && k <= e+secondAgentWindow; k++ {
			if sc.toks[k].low == "," {
				a = k + 1 // the apposition closes
				break
			}
			if sc.toks[k].is(cClauseBreak) && sc.toks[k].low != "," {
				return nil
			}
		}
	} else if g := sc.gapTail(e); g > e && g < sc.s.to && sc.toks[g].low == "and" {
		a = g // "by Spain on Monday and by Slovenia"
	} else {
		a = e
	}
	if a < 0 || a+1 >= sc.s.to || sc.toks[a].low != "and" || sc.toks[a+1].low != "by" {
		return nil
	}
	return sc.after(a + 1)
}

// newStateSubject reports a passive verb at i whose subject describes a
// state as new ("The new state was recognised", "the newly independent
// country has been recognised": "the", new-state-words, a state-noun or
// territory-noun, its auxiliaries) when a state declared or gained
// independence up to newStateReach sentences before.
func (sc *scope) newStateSubject(i int) bool {
	if sc.st.newState == "" || sc.st.sentences-sc.st.newStateAt > newStateReach {
		return false
	}
	k := sc.prevWord(i)
	for k > sc.s.from && (sc.toks[k].is(cBe|cAux) || sc.adverb(k)) {
		k = sc.prevWord(k)
	}
	if k <= sc.s.from || !sc.toks[k].in(lcStateNoun) && !sc.toks[k].in(lcTerritoryNoun) {
		return false
	}
	j := k - 1
	for j > sc.s.from && j >= k-2 && sc.toks[j].in(lcNewStateWord) {
		j--
	}
	return j < k-1 && j >= sc.s.from && sc.toks[j].low == "the"
}

// whoseQualityWindow is how many words may stand between "whose" and the
// auxiliaries before a passive participle: "whose permanent neutrality".
const whoseQualityWindow = 3

// whoseQuality reports a passive recognition at i whose subject is a
// quality owned through "whose" that names no state, independence or
// sovereignty ("whose permanent neutrality was recognised by the General
// Assembly", "whose role was recognised"): what is recognised is not
// the owner (relations round 20). "whose independence was recognised by
// Russia" recognises the owner.
func (sc *scope) whoseQuality(i int) bool {
	k := sc.prevWord(i)
	for k > sc.s.from && (sc.toks[k].is(cBe|cAux) || sc.adverb(k)) {
		k = sc.prevWord(k)
	}
	if k <= sc.s.from || !sc.commonWord(k) || sc.toks[k].low == "of" {
		return false
	}
	head := sc.toks[k].low
	for j := k - 1; j >= sc.s.from && j >= k-whoseQualityWindow; j-- {
		if sc.toks[j].low == "whose" {
			return !sc.recognisedOfHead(head) && !sc.x.lex.words["recognised-possession"][head]
		}
		if !sc.commonWord(j) {
			return false
		}
	}
	return false
}

// recognizesObject records what the subject x of the recognition verb at
// i recognises, and a gapped clause after it.
func (sc *scope) recognizesObject(x []int, i int) {
	if y := sc.thatRecognised(i); y != nil {
		sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "") // "recognises that there is but one China"
		return
	}
	y := sc.recognizedObject(x, i)
	if ids, their := sc.theirOwner(x, y); their {
		if ids != nil {
			sc.emitIDs(graph.Recognizes, x, ids, i, graph.Asserted, "", "")
			sc.st.lastRecognized, sc.st.lastRecognizedAt = append(sc.st.lastRecognized[:0], ids...), sc.st.sentences
		}
		return // no state recognises itself, nor does a later "did so" repeat that
	}
	if ids, ok := sc.topicObject(x, y, i); ok {
		if len(ids) > 0 {
			sc.emitIDs(graph.Recognizes, x, ids, i, graph.Asserted, "", "")
		}
		return
	}
	if y == nil || sc.classWithinBits(i+1, sc.ms[y[0]].from, cNegator) {
		return // "recognises no Kosovo passports", "recognizes no government in Kabul"
	}
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
	sc.noteRecognized(y) // "X recognises Taiwan. The others include A and B."
	if g := sc.gappedAfter(sc.ms[y[len(y)-1]].to); g != nil {
		sc.emit(graph.Recognizes, g, y, i, graph.Asserted, "", "") // "... in 2014 and Iceland in 2011"
	}
}

// thatClauseWindow is how far into a that-clause after a recognition verb
// the state it recognises may be named: "recognises that the Government of
// the People's Republic of China is the sole legal government".
const thatClauseWindow = 14

// thatRecognised returns what a that-clause after the recognition verb at
// i recognises, in the wording of joint communiques: the one state of
// "there is but one China", or the actor of "... is the sole legal
// government representing ..." (class sole-word before a government-head
// noun); nil for another that-clause ("recognised that the talks had
// failed") or none.
func (sc *scope) thatRecognised(i int) []int {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "that" {
		return nil
	}
	for k := i + 2; k+2 < sc.s.to && k < i+2+thatClauseWindow; k++ {
		t := &sc.toks[k]
		if (t.is(cClauseBreak) || t.low == ",") && (t.low != "but" || sc.toks[k+1].low != "one") {
			return nil
		}
		if t.low == "one" && (sc.toks[k-1].low == "but" || sc.toks[k-1].low == "only") {
			if mi, ok := sc.startAt(k + 1); ok && !sc.ms[mi].adj {
				return []int{mi} // "there is but one China"
			}
		}
		if mi, ok := sc.endAt(k); ok && sc.toks[k+1].is(cBe) && sc.soleGovernmentAt(k+2) {
			return []int{mi} // "the Government of the People's Republic of China is the sole legal government"
		}
	}
	return nil
}

// soleModifiers is how many words may stand between the sole-word and
// the government noun: "the sole legal government".
const soleModifiers = 2

// soleGovernmentAt reports "the sole (legal) government", "the only
// legitimate government" from k on.
func (sc *scope) soleGovernmentAt(k int) bool {
	if k+2 >= sc.s.to || sc.toks[k].low != "the" || !sc.x.lex.words["sole-word"][sc.toks[k+1].low] {
		return false
	}
	for j := k + 2; j < sc.s.to && j <= k+1+soleModifiers; j++ {
		if sc.toks[j].is(cGovHead) {
			return true
		}
	}
	return false
}

// theirOwner re-reads "their" owning what a single subject x recognises
// ("Russia recognised their independence on February 21"): a plural
// possessive that came out as the subject itself stands for the group of
// two or more states or territories named last, as in the sentence
// before ("... the Donetsk and Luhansk People's Republics."). It reports
// whether y is such a pronoun; the ids are nil when no such group was
// named in the last sentence.
func (sc *scope) theirOwner(x, y []int) ([]graph.ActorID, bool) {
	if len(x) != 1 || len(y) != 1 || sc.ms[y[0]].pron != "their" || sc.ms[x[0]].pron != "" {
		return nil, false
	}
	subj := sc.ids(x)
	if len(without(sc.ids(y), subj)) > 0 {
		return nil, false
	}
	ids := without(sc.st.lastGroup, subj)
	if len(ids) < 2 || sc.st.sentences-sc.st.lastGroupAt > lastGroupReach {
		return nil, true
	}
	for _, id := range ids {
		if a, ok := sc.x.actor(id); !ok || !stateLike(a) {
			return nil, true
		}
	}
	return ids, true
}

// relativeNounWindow is how many words a noun phrase before a relative
// "that" may have after its preposition: "with just 12 countries".
const relativeNounWindow = 5

// relativeOfObject reports a verb at i in a relative clause ("that",
// "which" right before it, past auxiliaries and "still") on a noun that
// is the object of a preposition other than "of" or "among" ("leaving Taipei with
// just 12 countries that still recognise it"): its subject is that noun,
// not an actor before the preposition.
func (sc *scope) relativeOfObject(i int) bool {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.toks[k].in(lcRelativeAdverb)) {
		k--
	}
	if k <= sc.s.from || sc.toks[k].low != "that" && sc.toks[k].low != "which" {
		return false
	}
	for j := k - 1; j >= sc.s.from && j >= k-relativeNounWindow; j-- {
		t := &sc.toks[j]
		if _, named := sc.endAt(j); named || t.cap || !t.word {
			return false
		}
		if t.is(cPreposition) {
			return t.low != "of" && t.low != "among" && !t.is(cClauseBreak) // "X is among the 12 countries that": X
		}
	}
	return false
}

// gappedObject returns the object of a relative clause whose verb at i
// has its subject x right after "which" or "that" and no object of its
// own: "Abkhazia and South Ossetia, which Moscow recognised in 2008" (the
// antecedent), or nil.
func (sc *scope) gappedObject(x []int, i int) []int {
	k := sc.prevWord(sc.ms[x[0]].from)
	if k > sc.s.from && sc.toks[k].low == "only" {
		k-- // "which only Turkey recognises"
	}
	if k-1 > sc.s.from && sc.toks[k].in(lcRecognitionObject) && sc.toks[k-1].low == "whose" {
		k-- // "Abkhazia, whose independence the Kremlin recognised in 2008"
	}
	if k <= sc.s.from || sc.toks[k].low != "which" && sc.toks[k].low != "that" && sc.toks[k].low != "whose" {
		return nil
	}
	j := sc.ms[x[len(x)-1]].to
	for j < i && (sc.toks[j].is(cAux) || sc.toks[j].in(lcRelativeAdverb)) {
		j++ // "which Moscow has formally recognised"
	}
	if j < i && sc.toks[j].in(lcCopula) {
		j = sc.rankTo(j+1, i) // "which Turkey remains the only country to recognise"
	}
	if j != i {
		return nil // not "which Moscow says it recognised"
	}
	return sc.antecedent(k, sc.s.from)
}

// rankTo returns the verb at i when the words from j are a ranked noun
// phrase and "to" right before it ("the only country to", "the first
// state to": "the", rank words, at most one state-noun), else j.
func (sc *scope) rankTo(j, i int) int {
	k := j
	if k < i && sc.toks[k].low == "the" {
		k++
	}
	ranked := false
	for k < i && sc.toks[k].in(lcRank) {
		ranked = true
		k++
	}
	if k < i && sc.toks[k].in(lcStateNoun) {
		k++
	}
	if !ranked || k+1 != i || sc.toks[k].low != "to" {
		return j
	}
	return i
}

// sovereignWindow is how many words may open the noun phrase of a
// recognised sovereignty before its owner: "the so-called".
const sovereignWindow = 3

// sovereignAfter returns the owner of a sovereignty recognised in the
// noun phrase starting at k (data/lexicon.txt, sovereignty-noun): "recognised
// Moroccan sovereignty over Western Sahara", "Danish sovereignty over
// Greenland", "China's sovereignty over Taiwan" name the sovereign (a
// demonym or a possessive), which is what is recognised, not the
// territory after "over"; nil when the phrase is no such sovereignty.
func (sc *scope) sovereignAfter(k int) []int {
	for j := k; j < sc.s.to && j < k+sovereignWindow; j++ {
		mi, ok := sc.startAt(j)
		if !ok {
			if sc.toks[j].cap || !sc.toks[j].word && sc.toks[j].low != "\"" {
				return nil
			}
			continue
		}
		m := &sc.ms[mi]
		e := m.to
		if e < sc.s.to && sc.toks[e].low == "'s" {
			e++
		}
		if (m.adj || m.poss) && e < sc.s.to && sc.toks[e].in(lcSovereigntyNoun) {
			return sc.grp[m.group]
		}
		return nil
	}
	return nil
}

// recognizedObject finds what the subject x of the recognition verb at i
// recognises: the sovereign of a recognised sovereignty, the verb's
// object (or "of" phrase), or a gapped relative's antecedent; nil when
// none, or when the object is the state a territory noun is in.
func (sc *scope) recognizedObject(x []int, i int) []int {
	y := sc.sovereignAfter(i + 1)
	if y == nil {
		y, _ = sc.object(i, winLongAgent, "of", false)
		if y != nil && sc.asBefore(i, sc.ms[y[0]].from) {
			return nil // "recognise Gonzalez as president-elect of Venezuela": Gonzalez, not Venezuela
		}
	}
	if y == nil {
		y = sc.gappedObject(x, i)
	}
	if y != nil && sc.statesRegions(y) {
		if t := sc.ownedTerritories(sc.ms[y[len(y)-1]].to); t != nil {
			return t // "regarded Georgia's breakaway regions of Abkhazia and South Ossetia as independent states"
		}
	}
	if y == nil || sc.regionsOfState(y) || !sc.recognisedThing(i, y) {
		return nil
	}
	return y
}

// ownedTerritories returns the territories named after "of" in a noun
// phrase of territories that a possessive owns, starting at j after the
// possessive (up to two modifiers, then territory-ref and "of": "Georgia's
// breakaway regions of Abkhazia and South Ossetia"); nil when there is
// none.
func (sc *scope) ownedTerritories(j int) []int {
	if j < sc.s.to && sc.toks[j].low == "'s" {
		j++
	}
	for n := 0; n < 2 && j < sc.s.to && !sc.toks[j].in(lcTerritoryRef) && sc.modifierWord(j); n++ {
		j++
	}
	if t := sc.territoriesOf(j); t > j {
		if mi, ok := sc.startAt(t); ok {
			return sc.grp[sc.ms[mi].group]
		}
	}
	return nil
}

// recognisedThing reports whether the object y found after the
// recognition verb at i is what is recognised, not a thing of it or a
// clause inside a common noun's phrase: "recognised Kosovo's
// independence", "the government of Afghanistan", "Israel's right to
// exist", but not "recognised Qatar's role", "Ukraine's tradition of
// cooking borscht", "the role Qatar had played", "the mass killings of
// Armenians", "the challenges facing Afghanistan's authorities"
// (data/lexicon.txt, recognised-possession, recognised-of-head).
func (sc *scope) recognisedThing(i int, y []int) bool {
	if last := &sc.ms[y[len(y)-1]]; last.poss {
		return sc.recognisedPossession(last.to)
	}
	m := &sc.ms[y[0]]
	p := sc.prevWord(m.from)
	if p <= i || !sc.commonWord(p) {
		return true
	}
	if sc.toks[p].low == "of" {
		h := p - 1 // not prevWord: "all of China", "the people of"
		return h <= i || !sc.commonWord(h) || sc.recognisedOfHead(sc.toks[h].low)
	}
	if strings.HasSuffix(sc.toks[p].low, "ing") {
		return false // "the challenges facing Afghanistan's authorities"
	}
	e := m.to
	return e >= sc.s.to || !(sc.toks[e].is(cAux) || sc.finiteVerb(e)) || sc.recognisedOfHead(sc.toks[p].low) // not "the progress Ukraine has made"
}

// commonWord reports a lower-case word at k that is no determiner,
// preposition other than "of", adverb or number.
func (sc *scope) commonWord(k int) bool {
	t := &sc.toks[k]
	if !t.word || t.cap || t.in(lcDeterminer) || t.in(lcRelativeAdverb) || t.is(cAux|cBe|cNegator) || startsDigit(t.low) || sc.adverb(k) {
		return false
	}
	return t.low == "of" || !t.is(cPreposition)
}

// recognisedOfHead reports a noun whose "of" phrase or clause names what
// is recognised: a state, its government, independence or regions.
func (sc *scope) recognisedOfHead(w string) bool {
	l := sc.x.lex
	return l.words["recognised-of-head"][w] || l.words["recognised-as-head"][w] || l.words["recognition-object"][w] ||
		l.words["state-noun"][w] || l.words["his-state"][w] || l.words["territory-ref"][w]
}

// recognisedPossessionWindow is how many words after a possessive its
// head may be looked for past capitalised words: "Saudi Arabia's Al-Faw
// archaeological area".
const recognisedPossessionWindow = 3

// recognisedPossession reports a possessive object whose head, the first
// lower-case word from k, names what is recognised: "Kosovo's
// independence", "Azerbaijan's territorial integrity", "Maduro's
// re-election", "Israel's right to exist"; not "Qatar's role".
func (sc *scope) recognisedPossession(k int) bool {
	if k < sc.s.to && sc.toks[k].low == "'s" || k < sc.s.to && sc.toks[k].low == "'" {
		k++
	}
	for n := 0; k < sc.s.to && n < recognisedPossessionWindow; k, n = k+1, n+1 {
		t := &sc.toks[k]
		if t.cap || t.low == "\"" {
			continue
		}
		if t.low == "right" {
			return k+2 < sc.s.to && sc.toks[k+1].low == "to" && sc.toks[k+2].low == "exist"
		}
		return !t.word || sc.x.lex.words["recognised-possession"][t.low] || sc.recognisedOfHead(t.low)
	}
	return true
}

// asBefore reports an "as" between the verb at i and the object found at
// k, after a word of the verb's own object: in "recognised Gonzalez as
// president-elect of Venezuela" what is recognised stands before "as",
// and the state after it names the title. "such as", "as well as" and an
// "as" right after the verb ("recognised as independent A and B") are
// none.
func (sc *scope) asBefore(i, k int) bool {
	for j := i + 2; j < k; j++ {
		if sc.toks[j].low == "as" && !sc.toks[j-1].in(lcAsCompound) {
			return true
		}
	}
	return false
}

// topicObject resolves the object of the recognition verb at i whose
// subject is x when it is a pronoun ("recognised it", "them") or a bare
// territory noun ("recognised the territories": territory-ref): what was
// recognised earlier in the sentence, else in the sentence before (what
// is recognised is the article's topic, not the nearest actor); else, for
// a pronoun, its own antecedent other than the subject, since an object
// pronoun is not its verb's subject ("Kosovo declared independence in
// 2008. The United States recognised it the next day"). ok is false when
// the object is no such word; ids is empty when nothing fits.
func (sc *scope) topicObject(x, y []int, i int) (ids []graph.ActorID, ok bool) {
	if sc.st.newState != "" && sc.st.sentences-sc.st.newStateAt <= newStateReach && sc.newStateAfter(i) {
		return without([]graph.ActorID{sc.st.newState}, sc.ids(x)), true // "recognised the new state"
	}
	pron := len(y) == 1 && (sc.ms[y[0]].pron == "it" || sc.x.lex.pron[sc.ms[y[0]].pron]&pPlural != 0)
	if len(y) == 1 && sc.ms[y[0]].pron == "desc" {
		// "recognise the self-declared republic", "the said republic": the
		// state recognised before, else the description's own state
		if ids := without(sc.recognizedBefore(i), sc.ids(x)); len(ids) > 0 {
			return ids, true
		}
		if sc.st.sentences-sc.st.lastRecognizedAt <= doSoReach {
			if ids := without(sc.st.lastRecognized, sc.ids(x)); len(ids) > 0 {
				return ids, true
			}
		}
		if sc.st.newState != "" && sc.st.sentences-sc.st.newStateAt <= newStateReach {
			return without([]graph.ActorID{sc.st.newState}, sc.ids(x)), true // "proclaimed the SADR ... recognise the said republic"
		}
		return nil, false
	}
	if !pron && (y != nil || !sc.territoryNounAfter(i)) {
		return nil, false
	}
	subj := sc.ids(x)
	ids = sc.recognizedBefore(i)
	if ids == nil && sc.st.sentences-sc.st.lastRecognizedAt <= doSoReach {
		ids = sc.st.lastRecognized
	}
	if ids = without(ids, subj); len(ids) > 0 || !pron {
		return ids, true
	}
	if ids = without(sc.ids(y), subj); len(ids) > 0 || sc.ms[y[0]].to-sc.ms[y[0]].from > 1 {
		return ids, true // "the two regions" resolves by its own rule alone
	}
	if sc.ms[y[0]].pron == "it" {
		return without(sc.st.lastSubject, subj), true
	}
	return without(sc.st.lastGroup, subj), true
}

// territoryNounAfter reports a plural territory noun with no number and
// no "of" phrase as the object of the verb at i: "recognised the
// territories", "the breakaway regions" (data/lexicon.txt, territory-ref).
func (sc *scope) territoryNounAfter(i int) bool {
	k := i + 1
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	for n := 0; n < 2 && k < sc.s.to && sc.modifierWord(k) && !sc.toks[k].in(lcTerritoryRef); n++ {
		k++
	}
	if k == i+1 || k >= sc.s.to || !sc.toks[k].in(lcTerritoryRef) {
		return false
	}
	return k+1 >= sc.s.to || sc.toks[k+1].low != "of"
}

// without returns the ids of a that are not in b, in a new slice.
func without(a, b []graph.ActorID) []graph.ActorID {
	var r []graph.ActorID
	for _, id := range a {
		if !slices.Contains(b, id) {
			r = append(r, id)
		}
	}
	return r
}

// eachRecognizes records that every member of the group x recognises
// every other, with the trigger at i.
func (sc *scope) eachRecognizes(x []int, i int) {
	ends := sc.ends(x)
	for a := range ends {
		for b := range ends {
			if a != b {
				sc.emitEnds(graph.Recognizes, ends[a:a+1], ends[b:b+1], i, graph.Asserted, "", "")
			}
		}
	}
}

// reciprocalAfter reports a reciprocal pronoun right after the verb at i
// ("recognised each other", "one another": data/lexicon.txt,
// reciprocal-first and reciprocal-second).
func (sc *scope) reciprocalAfter(i int) bool {
	return i+2 < sc.s.to && sc.toks[i+1].in(lcReciprocalFirst) && sc.toks[i+2].in(lcReciprocalSecond)
}

// regionsOfState reports an object y that is the state a territory noun
// is in, not what is recognised: "recognised two regions of Georgia"
// (territory-ref, "of" and a country; "the Georgian regions of Abkhazia
// and South Ossetia" names the regions themselves).
func (sc *scope) regionsOfState(y []int) bool {
	if sc.statesRegions(y) {
		return true
	}
	p := sc.prevWord(sc.ms[y[0]].from)
	if p-1 < sc.s.from || sc.toks[p].low != "of" || !sc.toks[p-1].in(lcTerritoryRef) {
		return false
	}
	a, ok := sc.x.mentionActor(&sc.ms[y[0]])
	return ok && a.Type == graph.Country
}

// statesRegions reports an object y that owns the territories after it:
// "recognise the independence of Georgia's occupied regions" recognises
// the regions, not Georgia (a possessive, two modifiers at most and a
// territory noun: territory-ref, territory-noun).
func (sc *scope) statesRegions(y []int) bool {
	m := &sc.ms[y[len(y)-1]]
	k := m.to
	if !m.poss || k >= sc.s.to || sc.toks[k].low != "'s" {
		return false
	}
	k++
	for n := 0; n < 2 && k < sc.s.to && !sc.toks[k].in(lcTerritoryRef) && !sc.toks[k].in(lcTerritoryNoun); n++ {
		k++
	}
	return k < sc.s.to && (sc.toks[k].in(lcTerritoryRef) || sc.toks[k].in(lcTerritoryNoun))
}

// Windows of recognitions.
const (
	// subjectlessPolarityWindow: with no subject before the verb, its
	// negation and intention words before it ("do not yet formally
	// recognise").
	subjectlessPolarityWindow = 4
	// namedAmongWindow: ", among them A" after the verb, past its object
	// and a date ("recognise Taiwan as a state today, among them").
	namedAmongWindow = 12
	// nounPolarityWindow: the negation before a recognition noun, past
	// its verb ("has not yet extended formal recognition").
	nounPolarityWindow = 5
)

// namedAmong finds the actors a plural subject is made of, named after
// the clause: ", among them A and B", ", including A", ", such as A".
func (sc *scope) namedAmong(i int) []int {
	for k := i + 1; k < sc.s.to-1 && k < i+namedAmongWindow; k++ {
		w := sc.toks[k].low
		if sc.x.lex.has(lcListOpener, w) || w == "among" && sc.toks[k+1].low == "them" || w == "such" && sc.toks[k+1].low == "as" {
			j := k
			if w == "among" || w == "such" {
				j++
			}
			if g := sc.after(j); g != nil {
				return sc.examplesRun(g)
			}
			return nil
		}
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
	}
	return sc.listedAfter(i)
}

// examplesRun extends the list of examples g with the lists after it
// when each list before ends in the region its states are in: "among
// them Paraguay and Guatemala in Latin America and Tuvalu, the Marshall
// Islands and Palau in the Pacific", "among them Paraguay in South
// America, Eswatini in Africa and the Pacific states of Tuvalu and
// Palau" (relations round 19: the region's "in" phrase cut the list).
func (sc *scope) examplesRun(g []int) []int {
	for {
		k := sc.regionTail(sc.forcesEnd(&sc.ms[g[len(g)-1]]))
		if k == 0 {
			return g
		}
		if k < sc.s.to && sc.toks[k].low == "," {
			k++
		}
		if k < sc.s.to && sc.toks[k].low == "and" {
			k++
		}
		k = sc.regionStatesOf(k)
		mi, ok := sc.startAt(k)
		if !ok || sc.ms[mi].pron != "" || sc.ms[mi].poss || sc.ms[mi].adj {
			return g
		}
		g = append(slices.Clip(g), sc.grp[sc.ms[mi].group]...)
	}
}

// regionTail returns the index after "in" and the capitalised words of a
// region that names no actor at k ("in Latin America", "in the
// Pacific"), or 0.
func (sc *scope) regionTail(k int) int {
	if k+1 >= sc.s.to || sc.toks[k].low != "in" {
		return 0
	}
	j := k + 1
	if sc.toks[j].low == "the" {
		j++
	}
	e := j
	for e < sc.s.to && e < j+regionTailWords && sc.toks[e].cap && sc.toks[e].word && !sc.inMention(e) {
		e++
	}
	if e == j || e < sc.s.to && sc.toks[e].cap {
		return 0
	}
	return e
}

// regionTailWords is how many capitalised words a region after "in" may
// have: "Latin America", "the South Pacific".
const regionTailWords = 2

// regionStatesOf steps over "the Pacific states of" at k (a determiner,
// capitalised region words, a plural-ref noun and "of") to the first
// state named; any other k is returned as is.
func (sc *scope) regionStatesOf(k int) int {
	j := k
	if j < sc.s.to && sc.toks[j].low == "the" {
		j++
	}
	for j < sc.s.to && j < k+1+regionTailWords && sc.toks[j].cap && sc.toks[j].word && !sc.inMention(j) {
		j++
	}
	if j+1 < sc.s.to && j > k && sc.toks[j].is(cPluralRef) && sc.toks[j+1].low == "of" {
		return j + 2
	}
	return k
}

// listedAfter reads "The 12 countries that still recognise Taiwan include
// A and B ..., and three Pacific states: C, D and E": a recognition in a
// relative clause whose head names no actor, and the states listed after
// the main verb (data/lexicon.txt, list-verb) to the end of the sentence.
func (sc *scope) listedAfter(i int) []int {
	r := i - 1
	for r > sc.s.from && (sc.toks[r].is(cAux) || sc.toks[r].in(lcRelativeAdverb)) {
		r--
	}
	if r <= sc.s.from || sc.toks[r].low != "that" && sc.toks[r].low != "which" {
		return nil
	}
	k := i + 1
	for k < sc.s.to && !sc.toks[k].in(lcListVerb) {
		k++
	}
	return sc.statesAfter(k)
}

// willOnly: "will recognise" is an intention, not a recognition.
func (sc *scope) willOnly(lo, i int) bool {
	for k := lo; k < i; k++ {
		if sc.toks[k].in(lcIntentionMarker) {
			if sc.toks[k].low == "to" && sc.rankBefore(lo, k) {
				continue // "became the first EU member to recognise"
			}
			if sc.toks[k].low == "to" && k+1 < i && sc.toks[k+1].low == "have" {
				continue
			}
			if sc.toks[k].low == "to" && sc.decidedTo(lo, k, i) {
				continue // "has decided to recognise", "voted on Tuesday to recognise"
			}
			if k+1 < i && sc.toks[k+1].in(lcFactTo) {
				continue // "would continue to recognise Taiwan": it does now
			}
			return true
		}
	}
	return false
}

// decidedTo reports a verb of a decision taken (decision-verb) before the
// "to" at k, past adverbs and a weekday ("voted on Tuesday to", "decided
// unanimously to"), when the verb at i is a recognition: the recognition
// is done ("Syria has decided to recognise the two republics"), where
// "will decide to" stays an intention by its "will".
func (sc *scope) decidedTo(lo, k, i int) bool {
	if t, ok := sc.trigOf(&sc.toks[i]); !ok || t.rel != graph.Recognizes || t.pos == noun {
		return false
	}
	j := k - 1
	for j > lo && (sc.adverb(j) || sc.toks[j].is(cWeekday) && sc.toks[j-1].low == "on") {
		if sc.toks[j].is(cWeekday) {
			j--
		}
		j--
	}
	return j >= lo && sc.x.lex.in("decision-verb", sc.toks[j].low)
}

// rankWindow is how far before "to" a rank may stand: "the first
// European Union member in Western Europe to".
const rankWindow = 8

// rankBefore reports a rank before the "to" at k ("the first country to",
// "the latest state to", "the only one to"), which makes it a fact, not an
// intention; or "have to".
func (sc *scope) rankBefore(lo, k int) bool {
	if k > lo && sc.toks[k-1].low == "have" {
		return true
	}
	if k > lo && sc.toks[k-1].in(lcFactTo) {
		return true // "continue to recognise it"
	}
	if lo-1 > sc.s.from && sc.rankReference(lo-1) {
		return true // "the first countries after Russia to recognise": the window starts after "after"
	}
	if k+1 < sc.s.to && sc.infinitiveOwner(k+1) != nil {
		return true // "Moscow's decision to recognise": taken, not intended
	}
	if k-1 >= sc.s.from && sc.toks[k-1].low == "," {
		if a := sc.asideStart(k-1, sc.s.from); a > sc.s.from {
			k, lo = a, sc.s.from // "one of only three states, along with A and B, to recognise"
		} else if a := sc.rankAside(k - 1); a > 0 {
			return true // "among the first governments, after Moscow, to recognise"
		}
	}
	return sc.classWithin(max(lo, k-rankWindow), k-max(lo, k-rankWindow), lcRank) || sc.ordinalWithin(max(lo, k-rankWindow), k)
}

// ordinalWithin reports a numeric ordinal between lo and k: "the 31st
// member to join" is a rank like "the first".
func (sc *scope) ordinalWithin(lo, k int) bool {
	for j := lo; j < k; j++ {
		if w := sc.toks[j].low; startsDigit(w) && sc.x.lex.endsIn("ordinal-suffix", w, 1) {
			return true
		}
	}
	return false
}

// possBefore finds what a passive recognition with no subject of its own
// is of, earlier in the clause: a possessive ("Kosovo's independence has
// been recognised") or the actor of a recognised quality (data/lexicon.txt,
// recognition-object: "the independence of the two republics was
// recognised").
func (sc *scope) possBefore(i int) []int {
	for k := i - 1; k >= sc.s.from; k-- {
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
		mi, ok := sc.endAt(k)
		if !ok {
			continue
		}
		if sc.ms[mi].poss {
			return sc.grp[sc.ms[mi].group]
		}
		g := sc.grp[sc.ms[mi].group]
		if p := sc.prevWord(sc.ms[g[0]].from); p-1 >= sc.s.from && sc.toks[p].low == "of" && sc.toks[p-1].in(lcRecognitionObject) {
			return g
		}
	}
	return nil
}

// territoryBefore reads a passive recognition at i whose subject is "the"
// and a territory noun (territory-noun: "the territory is recognised only
// by A"): the territory named last before it in the sentence, or nil.
func (sc *scope) territoryBefore(i int) []int {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux|cBe) || sc.adverb(k)) {
		k--
	}
	if k-1 < sc.s.from || !sc.toks[k].in(lcTerritoryNoun) || sc.toks[k-1].low != "the" {
		return nil
	}
	for mi := len(sc.ms) - 1; mi >= 0; mi-- {
		if sc.ms[mi].to > k || sc.ms[mi].pron != "" {
			continue
		}
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && a.Type == graph.Territory {
			return []int{mi}
		}
	}
	return nil
}

// apposedWindow is how far a participle's "by" may stand in an apposition
// ("the two regions, recognised as independent only by Russia").
const apposedWindow = 6

// apposedParticiple reports a participle that opens an apposition after a
// comma and has its agent within a few words, before any other comma or
// name: "the two regions, recognised as independent only by Russia, ...".
func (sc *scope) apposedParticiple(i int) bool {
	if i-1 <= sc.s.from || sc.toks[i-1].low != "," {
		return false
	}
	if _, named := sc.endAt(i - 2); !named {
		return false
	}
	for k := i + 1; k < sc.s.to && k <= i+apposedWindow; k++ {
		t := &sc.toks[k]
		if t.low == "by" {
			return true
		}
		if _, named := sc.startAt(k); named || !t.word || t.is(cClauseBreak|cBe) {
			return false
		}
	}
	return false
}

// attributiveParticiple reports a participle at i that modifies the noun
// after it: a determiner or a possessive right before it, past adverbs
// ("the internationally recognised government", "a recognised state",
// "Yemen's internationally recognised government"), and a lower-case
// word after it that is no preposition.
func (sc *scope) attributiveParticiple(i int) bool {
	k := i - 1
	for k > sc.s.from && sc.adverb(k) {
		k--
	}
	if k < sc.s.from || !sc.toks[k].in(lcDeterminer) && sc.toks[k].low != "'s" || i+1 >= sc.s.to {
		return false
	}
	n := &sc.toks[i+1]
	return n.word && !n.is(cPreposition|cBe|cAux)
}

// follower reads "A followed B in recognising": when the subject found is
// B, the object of "followed", the recogniser is A.
func (sc *scope) follower(x []int) []int {
	p := sc.prevWord(sc.ms[x[0]].from)
	if p < sc.s.from {
		return nil
	}
	if sc.toks[p].in(lcFollowVerb) {
		return sc.subject(p, sc.s.from)
	}
	return nil
}

// recognitionNoun reads "X's recognition of Y", "recognition of Y by X",
// "Y's recognition by X", "switched recognition from Taipei to Beijing".
func (sc *scope) recognitionNoun(i int) {
	if sc.mutualRecognition(i) {
		return
	}
	y := sc.prepGroup(i, winObject, "of")
	for k := i + 1; k < sc.s.to && k <= i+winObject; k++ {
		if sc.toks[k].low == "of" {
			if g := sc.sovereignAfter(k + 1); g != nil {
				y = g // "the recognition by the US of Moroccan sovereignty over Western Sahara"
			}
			break
		}
	}
	x := sc.nounAgent(i, winAgent)
	if x != nil && y == nil {
		y = sc.modifierBefore(i) // "Northern Cyprus's recognition by Turkey"
	}
	// "had switched recognition from Beijing to Taipei": Beijing is what was
	// left, no granter "from" whom it is held
	switched := sc.classWithin(i-modifierWindow, modifierWindow, lcSwitchVerb)
	if x == nil && y == nil && !switched {
		if g, v := sc.recognitionFrom(i); g != nil {
			x, y = g, sc.verbSubject(v) // "Taiwan, which still has formal recognition from A, B and C"
		}
	}
	if x == nil {
		x = sc.grantedBy(i)
	}
	if x == nil && !sc.spokenBefore(i) {
		x = sc.modifierBefore(i)
	}
	verbal := y == nil && switched || sc.grantedTo(i)
	if verbal {
		// "switched diplomatic recognition from Taipei to Beijing",
		// "extended recognition to Abkhazia"
		x, y = sc.grantedParties(i, y)
	}
	if x == nil || sc.negated(max(sc.s.from, i-nounPolarityWindow), i, true) || verbal && sc.grantUnmade(x, i) {
		return
	}
	if y == nil {
		sc.grantedRecognition(x, i)
		return
	}
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
}

// spokenBefore reports a verb of speech right before the recognition
// noun at i, past its modifiers: "Macron said recognition of Palestine was
// not a taboo" tells a view of recognition, and the speaker before "said"
// is no modifier of the noun, so no granter.
func (sc *scope) spokenBefore(i int) bool {
	k := i - 1
	for k > sc.s.from && sc.modifierWord(k) {
		k--
	}
	return k >= sc.s.from && sc.toks[k].is(cReporting)
}

// grantUnmade reports a recognition noun at i granted or switched by a
// verb whose polarity, read from its subject x to the noun, past "and"
// between nouns and up to a comma, makes the grant none: "Pena has
// rejected calls from soybean and beef exporters to switch recognition to
// Beijing" (a refusal), "want the government to switch recognition" (a
// wish).
func (sc *scope) grantUnmade(x []int, i int) bool {
	lo := sc.ms[x[len(x)-1]].to
	if lo >= i || lo < sc.s.from {
		return false
	}
	for k := i - 1; k > lo; k-- {
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			lo = k + 1
			break
		}
	}
	return sc.negated(lo, i, true)
}

// grantedBy returns the subject of a verb that grants the recognition
// noun at i when a possessive pronoun stands between them ("France
// announced its recognition of ...", "extended their formal
// recognition"): the pronoun is the granter's; nil otherwise.
func (sc *scope) grantedBy(i int) []int {
	k := i - 1
	if k > sc.s.from && sc.modifierWord(k) {
		k-- // "its formal recognition"
	}
	mi, ok := sc.endAt(k)
	if !ok || sc.ms[mi].pron == "" {
		return nil
	}
	v := sc.ms[mi].from - 1
	if v < sc.s.from || !sc.toks[v].in(lcRecognitionGrant) {
		return nil
	}
	return sc.verbSubject(v)
}

// grantedTo reports a recognition noun at i given "to" what is
// recognised by a verb of granting before it (data/lexicon.txt,
// recognition-grant): "extended recognition to Abkhazia", "granted
// diplomatic recognition to Kosovo".
func (sc *scope) grantedTo(i int) bool {
	k := sc.grantModifiers(i - 1)
	return k >= sc.s.from && sc.toks[k].in(lcRecognitionGrant) && sc.wordPastTime(i+1, "to") > 0
}

// grantedParties returns who grants the recognition noun at i and to
// whom, after a verb of granting or switching: the granter is the
// subject of the verb ("Russia's decision to accord formal recognition
// to": Russia), what is recognised is read after "to" as a verb's object
// is, past a time phrase ("extended recognition on Wednesday to the
// independence and sovereignty of the Donetsk ..."), else the "to" group,
// else of, what an "of" phrase named.
func (sc *scope) grantedParties(i int, of []int) (x, y []int) {
	x = sc.subject(i, sc.s.from)
	if k := sc.grantModifiers(i - 1); k >= sc.s.from && sc.toks[k].in(lcRecognitionGrant) {
		x = sc.verbSubject(k)
	}
	if t := sc.wordPastTime(i+1, "to"); t > 0 {
		y = sc.recognizedObject(x, t)
		if y == nil {
			y = sc.sovereigntyOf(t + 1) // "to the independence of Abkhazia"
		}
	}
	if y == nil {
		y = sc.prepGroup(i, winLongObject, "to")
	}
	if y == nil {
		y = of
	}
	return x, y
}

// sovereigntyOf returns the actors after "of" when the words from k are
// "the", a sovereignty-noun and "of" ("the independence of Abkhazia");
// nil otherwise.
func (sc *scope) sovereigntyOf(k int) []int {
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	if k+1 >= sc.s.to || !sc.toks[k].in(lcSovereigntyNoun) || sc.toks[k+1].low != "of" {
		return nil
	}
	return sc.after(k + 1)
}

// grantModifiers returns the first word at or before k that is no
// modifier of a recognition noun: up to two adjectives or ties-modifier
// words ("extended diplomatic recognition", "accorded full official
// recognition"; "official" is also a title word, so no modifierWord).
func (sc *scope) grantModifiers(k int) int {
	for n := 0; n < 2 && k > sc.s.from && (sc.modifierWord(k) || sc.toks[k].in(lcTiesModifier)); n++ {
		k--
	}
	return k
}

// recognitionFrom reads a recognition noun held "from" its granters after
// a verb of holding (data/lexicon.txt, recognition-holder: "still
// maintains formal recognition from A, B and C", "has won recognition
// from"): it returns the granters and the verb, whose subject is
// recognised; nil when the noun is not so.
func (sc *scope) recognitionFrom(i int) ([]int, int) {
	v := -1
	for k := i - 1; k >= sc.s.from && k >= i-modifierWindow; k-- {
		if sc.toks[k].in(lcRecognitionHolder) {
			v = k
			break
		}
	}
	if v < 0 || i+1 >= sc.s.to || sc.toks[i+1].low != "from" {
		return nil, -1
	}
	if g := sc.gappedList(i+1, false); g != nil {
		return g, v // "from Guatemala, Belize, Paraguay and a handful of Pacific states"
	}
	return sc.after(i + 1), v
}

// grantedRecognition reads a recognition noun with no object after a
// verb that grants it (data/lexicon.txt, recognition-grant) and the
// granter's possessive or one modifier: "Malta and Andorra announced their
// recognition at the same session", "extended formal recognition". What
// is recognised is the article's topic: the actor it told recognised
// last, however far back.
func (sc *scope) grantedRecognition(x []int, i int) {
	k := i - 1
	if mi, ok := sc.endAt(k); ok && sc.ms[mi].poss {
		k = sc.ms[mi].from - 1
	} else if k > sc.s.from && sc.modifierWord(k) {
		k--
	}
	y := sc.st.lastRecognized
	if k < sc.s.from || !sc.toks[k].in(lcRecognitionGrant) || len(y) == 0 {
		return
	}
	sc.emitIDs(graph.Recognizes, x, y, i, graph.Asserted, "", "")
}

// mutualRecognition reads "signed a declaration of mutual recognition with
// Y": the signer and Y recognise each other. It reports whether the noun
// at i was read so.
func (sc *scope) mutualRecognition(i int) bool {
	if i-1 < sc.s.from || sc.toks[i-1].low != "mutual" {
		return false
	}
	y := sc.prepGroup(i, winNoun, "with")
	x := sc.pactSigner(i)
	if x == nil || y == nil || sc.negated(sc.window(x, i), i, true) {
		return true
	}
	// the signer's recognition last: "condemned the recognition" later is of it
	sc.emit(graph.Recognizes, y, x, i, graph.Asserted, "", "")
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
	return true
}

// relativeWindow is how far before a verb the "which" or "who" of its
// relative clause may stand: "which was among the first to do so".
const relativeWindow = 8

// relativeHead returns the actor a relative clause holding the word at k
// is about ("Turkey, which was among the first to do so"), or nil.
func (sc *scope) relativeHead(k int) []int {
	for j := k - 1; j > sc.s.from && j >= k-relativeWindow; j-- {
		w := sc.toks[j].low
		if w != "which" && w != "who" {
			continue
		}
		if sc.toks[j-1].low != "," {
			return nil
		}
		if mi, ok := sc.endAt(j - 2); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
			return []int{mi}
		}
		return nil
	}
	return nil
}

// noteRecognized keeps the actor a recognition with no named subject is
// of, for a later "did so".
func (sc *scope) noteRecognized(y []int) {
	sc.noteRecognizedEnds(sc.ends(y))
}

// noteRecognizedEnds keeps the actors of the last recognition told.
func (sc *scope) noteRecognizedEnds(ends []endpoint) {
	if len(ends) == 0 {
		return
	}
	ids := sc.st.lastRecognized[:0]
	for _, e := range ends {
		if !slices.Contains(ids, e.id) {
			ids = append(ids, e.id)
		}
	}
	sc.st.lastRecognized, sc.st.lastRecognizedAt = ids, sc.st.sentences
}

// doSoReach is how many sentences back "did so" may find the recognition
// it repeats: the same sentence or the one before ("More than 140 states
// recognise Palestine. Sweden did so in 2014.").
const doSoReach = 1

// didSo reads "Sweden became the first EU member to do so", "Sweden did
// so in 2014" after a recognition: the sentence's subject recognises the
// actor recognised last.
func (sc *scope) didSo(i int) {
	if i-1 < sc.s.from || !sc.toks[i-1].in(lcDoVerb) {
		return
	}
	sc.proVerb(i-1, i)
}

// tookStep reads "took the step" as "did so" (data/lexicon.txt,
// special-step after take-verb, "the" and a step-modifier or not):
// "Britain recognised Palestine on Sunday. Spain and Ireland took the step
// in 2024", "... made the same move in 2018".
//
// With a step-modifier the step may be "a similar step" and its verb one
// of telling it (step-verb: "Portugal announced the same step hours
// later"); "a similar step by Barbados" names its taker after "by"
// (stepBy).
func (sc *scope) tookStep(i int) {
	if sc.stepBy(i) {
		return
	}
	k := i - 1
	mod := k > sc.s.from && sc.toks[k].in(lcStepModifier)
	if mod {
		k-- // "made the same move"
	}
	if k-1 < sc.s.from || sc.toks[k].low != "the" && !(mod && sc.toks[k].low == "a") {
		return
	}
	if v := &sc.toks[k-1]; !v.in(lcTakeVerb) && !(mod && sc.x.lex.in("step-verb", v.low)) {
		return
	}
	sc.proVerb(k-1, i)
}

// stepBy reads "a similar step by X", "the same move by X and Y" after a
// recognition told in the sentence or the one before ("Jamaica has
// recognised Palestine. The decision follows a similar step by Barbados
// last Friday"): the states after "by" recognise what it recognised. It
// reports whether it read one.
func (sc *scope) stepBy(i int) bool {
	if i-2 < sc.s.from || i+1 >= sc.s.to || sc.toks[i+1].low != "by" || !sc.toks[i-1].in(lcStepModifier) || !sc.toks[i-2].in(lcDeterminer) {
		return false
	}
	y := sc.recognizedBefore(i)
	if y == nil && sc.st.sentences-sc.st.lastRecognizedAt <= doSoReach {
		y = sc.st.lastRecognized
	}
	g := sc.after(i + 1)
	if len(y) == 0 || g == nil {
		return false
	}
	var x []int
	for _, mi := range g {
		m := &sc.ms[mi]
		if a, ok := sc.x.mentionActor(m); ok && stateLike(a) && m.pron == "" && !m.poss && !m.adj && !slices.Contains(y, a.ID) {
			x = append(x, mi)
		}
	}
	if x == nil || sc.negated(sc.s.from, i, false) {
		return false
	}
	sc.repeatRecognition(x, y, i, i)
	return true
}

// proVerb reads a verb phrase at v that repeats the last recognition,
// with the word i that ends it ("did so", "took the step"): the clause's
// subject recognises the actor recognised last.
func (sc *scope) proVerb(v, i int) {
	y := sc.recognizedBefore(i)
	if y != nil && !sc.secondClause(v) {
		y = nil // "..., becoming the first country to do so": the same subject
	}
	here := y != nil // "A recognised Y in May, and B did so in 2014"
	if !here {
		y = sc.st.lastRecognized
	}
	if len(y) == 0 || !here && sc.st.sentences-sc.st.lastRecognizedAt > doSoReach {
		return
	}
	x := sc.relativeHead(v)
	if x == nil && here {
		x = sc.subject(v, sc.s.from) // the second clause's own subject
	}
	if x == nil {
		x = sc.ownClauseSubject(v) // "..., while Sweden became the first to do so"
	}
	if x == nil && !sc.reportedBefore(v) {
		x = sc.sentenceSubject(v, y[0])
	}
	sc.repeatRecognition(x, y, v, i)
}

// reportedBefore reports a that-clause opened before the word v: the
// speaker who opens the sentence is no subject of a pro-verb inside it
// ("Taiwan's foreign minister said that Castro's government had asked for
// aid before making the move": not the minister).
func (sc *scope) reportedBefore(v int) bool {
	for k := sc.s.from; k < v; k++ {
		if sc.toks[k].low == "that" && sc.complementizer(k) {
			return true
		}
	}
	return false
}

// ownClauseSubject returns the subject of the clause the verb at v is in
// when a clause-break word ("while", "whereas", ";") opens that clause
// after a recognition told earlier in the sentence ("A and B took the
// step in May, while Sweden became the first to do so in 2014"), or nil.
func (sc *scope) ownClauseSubject(v int) []int {
	for k := v - 1; k > sc.s.from; k-- {
		if !sc.toks[k].is(cClauseBreak) {
			continue
		}
		if !sc.recognitionBefore(k) {
			return nil
		}
		return sc.subject(v, k+1)
	}
	return nil
}

// recognitionBefore reports a recognition found in the sentence before
// token k.
func (sc *scope) recognitionBefore(k int) bool {
	for _, m := range sc.out {
		if m.Relation == graph.Recognizes && m.TrigSpan.Start < sc.toks[k].start {
			return true
		}
	}
	return false
}

// secondClause reports a finite "did so" at v opening a clause of its own
// after "and" or "but" ("..., and Sweden did so in 2014"), not an
// infinitive ("to do so") nor a participle's.
func (sc *scope) secondClause(v int) bool {
	if v-1 >= sc.s.from && sc.toks[v-1].low == "to" {
		return false
	}
	for k := v - 1; k > sc.s.from && k >= v-secondClauseWindow; k-- {
		if w := sc.toks[k].low; w == "and" || w == "but" {
			return true
		}
	}
	// "Honduras switched in March, Nicaragua did so in 2021": a subject
	// right after a comma, the clauses joined without "and"
	x := sc.subject(v, sc.s.from)
	if x == nil {
		return false
	}
	p := sc.prevWord(sc.ms[x[0]].from)
	return p >= sc.s.from && sc.toks[p].low == ","
}

// secondClauseWindow: the subject between "and" and "did so" ("and the
// Republic of Ireland did so").
const secondClauseWindow = 6

// recognizedBefore returns what was recognised earlier in the sentence,
// before the token at i: "Spain recognised a Palestinian state in May, and
// Sweden did so in 2014"; nil if nothing was.
func (sc *scope) recognizedBefore(i int) []graph.ActorID {
	var y []graph.ActorID
	for _, m := range sc.out {
		if m.Relation == graph.Recognizes && m.TrigSpan.Start < sc.toks[i].start && !slices.Contains(y, m.Target) {
			y = append(y, m.Target)
		}
	}
	return y
}

// repeatRecognition records that x recognises y, repeated by the verb at
// v ("did so", "followed") with the trigger word at i, unless negated,
// intended or withdrawn later in the sentence.
func (sc *scope) repeatRecognition(x []int, y []graph.ActorID, v, i int) {
	if x == nil || sc.stopAfter(i) || sc.proStopped(v) {
		return // "which had also done so, later withdrew their recognition"; "to withdraw recognition, ... have done so" (ellipsis.go)
	}
	lo := sc.window(x, v)
	if sc.negated(lo, v, true) || sc.willOnly(lo, v) {
		return
	}
	sc.emitIDs(graph.Recognizes, x, y, i, graph.Asserted, "", "")
	if g := sc.gappedAfter(i + 1); g != nil {
		sc.emitIDs(graph.Recognizes, g, y, i, graph.Asserted, "", "") // "followed in 2021 and Honduras in 2023"
	}
}

// leaderFollowed reports a mention mi after "followed" that names the
// last recogniser and is all the verb says: "have followed Moscow's
// lead", "followed Russia in 2009" (not "followed Moscow in recognising",
// read at the recognition).
func (sc *scope) leaderFollowed(mi int) bool {
	if !slices.Contains(sc.resolve(mi), sc.st.lastRecognizer) {
		return false
	}
	k := sc.ms[mi].to
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	return k >= sc.s.to || sc.toks[k].low != "in" || k+1 < sc.s.to && startsDigit(sc.toks[k+1].text)
}

// followedRecognition reads "Britain recognised Palestine on Sunday, and
// Portugal followed hours later", "Only four countries have followed:
// A, B and C": the follower recognises the actor recognised last. A
// follower with an object ("followed Moscow in recognising Y") is read at
// the recognition.
func (sc *scope) followedRecognition(i int) {
	y := sc.st.lastRecognized
	if len(y) == 0 || sc.st.sentences-sc.st.lastRecognizedAt > doSoReach {
		return
	}
	if i+1 < sc.s.to {
		if mi, ok := sc.startAt(i + 1); ok && sc.toks[i].low == "following" && sc.st.lastRecognizedAt == sc.st.sentences {
			// "Honduras recognised China in March, following Nicaragua"
			sc.repeatRecognition(sc.grp[sc.ms[mi].group], y, i, i)
			return
		}
		if sc.toks[i+1].low == "by" {
			sc.followedBy(i) // ", followed by Panama in 2017, ..."
			return
		}
		if mi, ok := sc.startAt(i + 1); ok && !sc.leaderFollowed(mi) {
			return // "followed Moscow in recognising Y" is read at the recognition
		}
	}
	x := sc.verbSubject(i)
	if i+1 < sc.s.to && sc.toks[i+1].low == ":" {
		x = sc.after(i + 1) // "Only four countries have followed: A, B and C"
	}
	sc.repeatRecognition(x, y, i, i)
}

// followedBy reads ", followed by Panama in 2017, the Dominican Republic
// and El Salvador in 2018" after a recognition told earlier in the
// sentence: the states of the gapped list after "by" recognise what that
// recognition did. "was followed by" and a "followed by" with no comma
// before it give nothing.
func (sc *scope) followedBy(i int) {
	if i-1 <= sc.s.from || sc.toks[i-1].low != "," {
		return
	}
	y := sc.recognizedBefore(i)
	if y == nil {
		return
	}
	var x []int
	for _, mi := range sc.gappedList(i+1, false) {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && stateLike(a) {
			x = append(x, mi)
		}
	}
	if x != nil {
		sc.repeatRecognition(x, y, i, i)
	}
}

// stopAfter reports a verb of stopping or intention after word i in the
// sentence ("which had also done so, later withdrew ..."); the month
// "May" is none.
func (sc *scope) stopAfter(i int) bool {
	for k := i + 1; k < sc.s.to; k++ {
		if sc.toks[k].low == "," && k+1 < sc.s.to && (sc.toks[k+1].low == "and" || sc.toks[k+1].low == "but" || sc.toks[k+1].is(cClauseBreak)) {
			return false // "..., Nicaragua did so in 2021, and Kiribati cut ties with Taipei", "..., while Italy blocked ...": another clause
		}
		if t := &sc.toks[k]; t.is(cStopVerb) && !(t.cap && t.is(cWeekday)) && !sc.leavingWith(k) {
			return true
		}
	}
	return false
}

// leavingWith reports a verb of leaving at k whose object is followed by
// "with": "..., leaving Taiwan with just 15 diplomatic allies" counts
// what is left, no withdrawal (relations round 20).
func (sc *scope) leavingWith(k int) bool {
	if !sc.x.lex.words["leave-verb"][sc.toks[k].low] {
		return false
	}
	mi, ok := sc.startAt(k + 1)
	return ok && sc.ms[mi].to < sc.s.to && sc.toks[sc.ms[mi].to].low == "with"
}

// independenceDeclared notes the actor that declared or gained the
// independence at i ("Kosovo declared independence from Serbia", "South
// Sudan, which gained independence in 2011": independence-verb right
// before it) as the new state a later recognition may name by a
// description ("recognised the new state", newStateAfter).
func (sc *scope) independenceDeclared(i int) {
	v := i - 1
	if v-1 > sc.s.from && sc.x.lex.pron[sc.toks[v].low] != 0 {
		v-- // "declared its independence"
	}
	if v <= sc.s.from || !sc.toks[v].in(lcIndependenceVerb) {
		return
	}
	x := sc.verbSubject(v)
	if x == nil || sc.negated(sc.window(x, v), v, true) || sc.willOnly(sc.window(x, v), v) {
		return
	}
	for _, e := range sc.ends(x) {
		if e.act != nil && stateLike(e.act) {
			sc.st.newState, sc.st.newStateAt = e.id, sc.st.sentences
			return
		}
	}
}

// newStateAfter reports an object of the recognition verb at i that
// describes a state or territory as new ("the new state", "the newly
// independent country", "the breakaway republic": "the", one or two
// words with a new-state-word among them, then a state-noun or
// territory-noun with no "of" or name after it).
func (sc *scope) newStateAfter(i int) bool {
	k := i + 1
	if k >= sc.s.to || sc.toks[k].low != "the" {
		return false
	}
	k++
	cued := false
	for n := 0; n < 2 && k < sc.s.to && sc.toks[k].in(lcNewStateWord); n++ {
		cued = true
		k++
	}
	if !cued || k >= sc.s.to || !sc.toks[k].in(lcStateNoun) && !sc.toks[k].in(lcTerritoryNoun) {
		return false
	}
	if k+1 < sc.s.to {
		if _, named := sc.startAt(k + 1); named || sc.toks[k+1].low == "of" {
			return false // "the new state of South Sudan" names it
		}
	}
	return true
}

// newStateReach is how many sentences back the independence a "new
// state" names may have been told.
const newStateReach = 1

// apposedRelative returns the actor a relative clause's head is apposed
// to when the verb at i opens the clause ("that", "which" right before
// it, past auxiliaries and relative adverbs), its head is a state-noun
// and its noun phrase follows a comma after a name that is no subject of
// its own: "In
// Paraguay, the only South American country that still recognises
// Taiwan, ..." (the name after a preposition); nil otherwise.
func (sc *scope) apposedRelative(i int) []int {
	r := i - 1
	for r > sc.s.from && (sc.toks[r].is(cAux) || sc.toks[r].in(lcRelativeAdverb)) {
		r--
	}
	if r <= sc.s.from || sc.toks[r].low != "that" && sc.toks[r].low != "which" {
		return nil
	}
	h := sc.pastPlace(r - 1)
	if h <= sc.s.from || !sc.toks[h].in(lcStateNoun) && !sc.toks[h].is(cPluralState) {
		return nil // "the newspaper that recognises": no state
	}
	if h == r-1 {
		if g := sc.apposedHead(r, sc.s.from); g != nil {
			return g
		}
	}
	return sc.roleHolder(h)
}

// relativeOnNoun reports a verb at i that opens a relative clause
// ("that", "which" or "who" right before it, past auxiliaries and
// relative adverbs) on a lower-case noun that names no actor (past a
// phrase of place): the clause's subject is that noun, not the main
// clause's ("China condemned the countries that still recognise Taiwan").
func (sc *scope) relativeOnNoun(i int) bool {
	r := i - 1
	for r > sc.s.from && (sc.toks[r].is(cAux) || sc.toks[r].in(lcRelativeAdverb)) {
		r--
	}
	if r <= sc.s.from+1 || sc.toks[r].low != "that" && sc.toks[r].low != "which" && sc.toks[r].low != "who" {
		return false
	}
	h := sc.pastPlace(r - 1)
	t := &sc.toks[h]
	_, named := sc.endAt(h)
	return !named && t.word && !t.cap && !startsDigit(t.low) && (t.is(cPluralState) || t.in(lcStateNoun))
}

// roleNounWindow is how long a phrase of place after a role noun may be (and the words between "one of" and the noun): "in
// the world", "in the Western Hemisphere".
const roleNounWindow = 4

// pastPlace returns the noun before a phrase of place that ends at k ("the
// only country in the world", "the only state in Europe": "in", a
// determiner or not, and words of a place), or k when there is none.
func (sc *scope) pastPlace(k int) int {
	for j := k; j > sc.s.from && j >= k-roleNounWindow; j-- {
		if sc.toks[j].low == "in" {
			return j - 1
		}
		if t := &sc.toks[j]; !t.word || t.is(cClauseBreak|cBe|cAux|cReporting) || t.tg != 0 {
			return k
		}
	}
	return k
}

// roleHolder returns who holds the role named by the noun phrase whose
// head is at h ("the only country", "one of 12 countries", "the first
// state"): the name before the comma that opens it as an apposition, or
// the subject of the copula before it ("Turkey is the only country in
// the world that recognises ...", "Peru became the first country ...");
// nil otherwise.
func (sc *scope) roleHolder(h int) []int {
	for j := h - 1; j > sc.s.from && j >= h-copulaWindow; j-- {
		t := &sc.toks[j]
		if t.low == "," {
			if mi, ok := sc.endAt(j - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj && sc.ms[mi].pron == "" {
				return sc.seq[mi : mi+1 : mi+1]
			}
			return nil
		}
		if t.in(lcCopula) {
			return sc.verbSubject(j)
		}
		if t.in(lcJoinVerb) && sc.joinedGroup(j, h) {
			return sc.verbSubject(j) // "Britain joined the more than 140 countries that recognise ..."
		}
		if _, named := sc.endAt(j); named && !t.cap || t.is(cClauseBreak|cAux|cReporting) || t.tg != 0 {
			return nil
		}
	}
	return nil
}

// joinedGroup reports that the words between a verb of joining at j and
// the role noun at h are its object's determiners, counts and words of a
// group ("joined the more than 140 countries", "joins the circle of
// nations"): the subject joins the states that do what the relative
// clause tells. A preposition other than "of" or "than" ("joined talks with
// countries that ...") or a name between is no such object.
func (sc *scope) joinedGroup(j, h int) bool {
	for k := j + 1; k < h; k++ {
		t := &sc.toks[k]
		if _, named := sc.startAt(k); named || t.cap || t.is(cClauseBreak) || t.is(cPreposition) && t.low != "of" && t.low != "than" {
			return false
		}
	}
	return true
}

// tiesBetween reads a noun of establishing ties (special-establishment)
// with its ties and the two parties "between" whom they are: "the
// resumption of diplomatic relations between China and Nauru", "the
// establishment of ties between A and B" (each recognises the other, as
// with "A and B established diplomatic relations"). Resumption and
// restoration need "diplomatic", as their verbs do; a negation or an
// intention before the noun, or a preposition of a prospect ("a
// condition for", "talks on", "steps towards"), gives nothing.
func (sc *scope) tiesBetween(i int) {
	k := i + 1
	if k >= sc.s.to || sc.toks[k].low != "of" {
		return
	}
	k++
	cue := false
	for n := 0; n < 2 && k < sc.s.to && (sc.toks[k].in(lcTiesModifier) || sc.toks[k].in(lcTiesCue)); n++ {
		cue = cue || sc.toks[k].in(lcTiesCue)
		k++
	}
	if k+1 >= sc.s.to || !sc.toks[k].in(lcTiesNoun) || sc.toks[k+1].low != "between" {
		return
	}
	if !cue && !sc.toks[i].in(lcTiesEstablish) {
		return // "the restoration of relations between Riyadh and Tehran"
	}
	lo := max(sc.s.from, i-nounPolarityWindow)
	if sc.negated(lo, i, true) || sc.willOnly(lo, i) || sc.prospectBefore(i) {
		return
	}
	if ends := sc.ends(sc.after(k + 1)); len(ends) == 2 {
		sc.mutualTies(ends, i)
	}
}

// prospectBefore reports a preposition of a prospect before the noun at
// i and its determiners (data/lexicon.txt, prospect-preposition, pre-name
// and not-yet words): "a condition for the establishment of", "talks on
// the possible establishment of" tell no ties established.
func (sc *scope) prospectBefore(i int) bool {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cPreName) || sc.toks[k].in(lcProspectModifier)) {
		k--
	}
	return k >= sc.s.from && sc.toks[k].in(lcProspectPreposition)
}

// withdrawnWindow is how far after a verb of stopping the recognition
// noun it stops may stand: "later withdrew their diplomatic recognition".
const withdrawnWindow = 3

// recognitionNounWithin reports a noun of recognition (a recognizes
// trigger: "recognition", not "ties") among the n words from k.
func (sc *scope) recognitionNounWithin(k, n int) bool {
	for j := k; j < sc.s.to && j < k+n; j++ {
		if t, ok := sc.trigOf(&sc.toks[j]); ok && t.rel == graph.Recognizes && t.pos == noun {
			return true
		}
	}
	return false
}

// withdrawnAfter reports a recognition at i that its own subject x
// withdrew later in the sentence: a verb of stopping (stop) with a
// noun of recognition after it and no subject of its own
// other than x ("Vanuatu and Tuvalu, which had recognised Abkhazia, later
// withdrew their recognition", "... at one point, but later withdrew
// their recognition"). A recognition once held is none now.
func (sc *scope) withdrawnAfter(x []int, i int) bool {
	for k := i + 1; k < sc.s.to; k++ {
		if !sc.toks[k].is(cStopVerb) || sc.toks[k].cap || !sc.recognitionNounWithin(k+1, withdrawnWindow) {
			continue
		}
		s := sc.verbSubject(k)
		return s == nil || slices.Contains(sc.ids(x), sc.first(s))
	}
	return false
}

// tiesNounAfter reports a ties-noun after the verb at i past its
// determiners, ties-modifiers and ties-cues: "opened diplomatic
// relations", "opened full diplomatic ties".
func (sc *scope) tiesNounAfter(i int) bool {
	k := i + 1
	for n := 0; n < 3 && k < sc.s.to && (sc.toks[k].in(lcDeterminer) || sc.toks[k].in(lcTiesModifier) || sc.toks[k].in(lcTiesCue)); n++ {
		k++
	}
	return k < sc.s.to && sc.toks[k].in(lcTiesNoun)
}

// prepositionBefore reports a preposition between the group g and the
// "with" that governs it: the group is the object of another phrase's
// preposition ("with an agreement signed by their ambassadors in New
// Delhi": New Delhi is no partner of the ties).
func (sc *scope) prepositionBefore(g []int) bool {
	for k := sc.ms[g[0]].from - 1; k > sc.s.from && sc.toks[k].low != "with"; k-- {
		if sc.toks[k].is(cPreposition) {
			return true
		}
	}
	return false
}

// gappedWith reports a "with" within tiesWithWindow after i that a comma
// or "and" follows, its object told after an inserted phrase:
// "established diplomatic ties with, and opened an embassy in, Tehran".
func (sc *scope) gappedWith(i int) bool {
	for k := i + 1; k+1 < sc.s.to && k < i+1+tiesWithWindow; k++ {
		if sc.toks[k].low == "with" {
			return sc.toks[k+1].low == "," || sc.toks[k+1].low == "and"
		}
	}
	return false
}

// recognisedAs reports a verb of recognising-as at i (data/lexicon.txt,
// recognise-as-verb) with "as" after its object, or right after it in a
// passive, and a recognised head after "as" (recognisedHead):
// "acknowledged Palestine as an independent and sovereign state",
// "endorsed Guaido as Venezuela's interim president", "was acknowledged
// as a sovereign state by".
func (sc *scope) recognisedAs(i int) bool {
	if !strings.HasPrefix(sc.toks[i].low, "regard") && sc.independenceOf(i) {
		return true // "acknowledging the independence of Abkhazia"
	}
	k := i + 1
	if y := sc.after(i); y != nil && !sc.passive(i) {
		if t := sc.ownedTerritories(sc.ms[y[len(y)-1]].to); t != nil && sc.statesRegions(y) {
			y = t // "regarded Georgia's breakaway regions of Abkhazia and South Ossetia as"
		}
		if sc.ms[y[0]].pron != "" || !sc.regardedState(i, y) {
			return false // "endorsed it as ...": the pronoun is read by no topic here
		}
		k = sc.ms[y[len(y)-1]].to
	}
	for n := 0; n < winModifier && k < sc.s.to && (sc.toks[k].cap || sc.toks[k].low == "'s"); n++ {
		k++ // the head shared by a list: "the Donetsk and Luhansk People's Republics as"
	}
	if k >= sc.s.to || sc.toks[k].low != "as" {
		return false
	}
	return sc.recognisedHead(k+1, strings.HasPrefix(sc.toks[i].low, "acknowledg"))
}

// independenceOf reports the object of the verb at i that names a
// territory's independence, statehood or sovereignty ("the independence
// of Abkhazia", "Kosovo's statehood", "the sovereignty of the
// self-proclaimed Donetsk and Luhansk People's Republics"): a sovereignty
// noun with "of" after it or a possessive before it; the owner of a
// sovereignty a territory (an existing state's sovereignty is respected,
// not recognised: "acknowledged Ukraine's sovereignty").
func (sc *scope) independenceOf(i int) bool {
	k := sc.nextWord(i)
	var y []int
	noun := k
	if mi, ok := sc.startAt(k); ok && sc.ms[mi].poss {
		noun = sc.ms[mi].to
		if noun < sc.s.to && sc.toks[noun].low == "'s" {
			noun++
		}
		y = sc.grp[sc.ms[mi].group]
	} else {
		if k < sc.s.to && sc.toks[k].low == "the" {
			noun++
		}
		if noun+1 < sc.s.to && sc.toks[noun+1].low == "of" {
			y = sc.after(noun + 1)
		}
	}
	if noun >= sc.s.to || !sc.toks[noun].in(lcSovereigntyNoun) {
		return false
	}
	ends := sc.ends(y)
	for _, e := range ends {
		if a, ok := sc.x.actor(e.id); !ok || sc.toks[noun].low == "sovereignty" && a.Type != graph.Territory {
			return false
		}
	}
	return len(ends) > 0
}

// regardedState reports an object y of the verb at i that a verb of
// regarding may recognise: states and territories only ("regards the PRC
// as the sole legitimate government"; not "continues to regard Bazoum as
// Niger's legitimate president", a person kept in office by the speaker's
// word). Other verbs take any object.
func (sc *scope) regardedState(i int, y []int) bool {
	if !strings.HasPrefix(sc.toks[i].low, "regard") {
		return true
	}
	return len(sc.stateEnds(y)) == len(sc.ends(y))
}

// recognisedHeadWindow is how many words may open the noun phrase after
// "as" before its head: "the sole legitimate government", "independent
// and sovereign states".
const recognisedHeadWindow = 6

// recognisedHead reports a noun phrase starting at k whose head names a
// state or a government (recognised-as-head) after a status word
// (recognised-as-status: "as the sole legitimate government", "as
// independent and sovereign states") or a state's possessive, past
// determiners (and adjectives after the status word); not "as president",
// a candidate endorsed, nor "as a hostile state". With plain (the verb
// "acknowledge") a state noun needs no status: "acknowledged Palestine as
// a state".
func (sc *scope) recognisedHead(k int, plain bool) bool {
	status := false
	for j := k; j < sc.s.to && j < k+recognisedHeadWindow; j++ {
		t := &sc.toks[j]
		if mi, ok := sc.startAt(j); ok {
			if !sc.ms[mi].poss {
				// a title the mention builder took whole: "as Venezuela's
				// interim president"
				return sc.classWithin(j, sc.ms[mi].to-j, lcRecognisedAsHead)
			}
			status = true // "as Venezuela's own president"
			j = sc.ms[mi].to - 1
			continue
		}
		switch {
		case t.in(lcRecognisedAsHead):
			return status || plain && t.in(lcStateNoun)
		case t.in(lcRecognisedAsStatus):
			status = true
		case t.low == "'s" || t.low == "and" || t.low == "," || t.in(lcDeterminer) || status && sc.x.lex.adjectiveSuffix(t.low):
		default:
			return false
		}
	}
	return false
}
