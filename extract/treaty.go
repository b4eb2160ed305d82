package extract

// This file reads alliances told by what a treaty obliges its parties to
// do rather than by a word of alliance: "committed to come to Tuvalu's aid
// in the event of military aggression", "The treaty obliges each side to
// provide military assistance to the other" (the treaty signed in the
// sentence before), "are covered by the alliance's mutual defence clause".

import (
	"slices"
	"strings"

	"geokg/graph"
)

// pactReach is how many sentences back "the treaty" may name a pact whose
// parties were told: the sentence before.
const pactReach = 1

// rememberPact notes the parties of a pact noun at i signed with someone
// ("Putin signed a Comprehensive Strategic Partnership Treaty with North
// Korea", "A and B signed the treaty"), cued as a defence pact or not, for
// a defence clause told of "the treaty" in the next sentence.
func (sc *scope) rememberPact(i int) {
	x := sc.pactSigner(i)
	if x == nil || sc.ms[x[0]].from > i {
		return
	}
	ids := sc.ids(x)
	if y := sc.prepGroup(i, winObject, "with"); y != nil {
		ids = append(ids, sc.ids(y)...)
	}
	if len(ids) >= 2 {
		sc.st.lastPact, sc.st.lastPactAt = ids, sc.st.sentences
	}
}

// rememberedPact makes allies of the parties of the pact told in the
// sentence before, when the pact noun at i is a definite reference with
// no actor named in its sentence ("The treaty obliges each side to ...").
func (sc *scope) rememberedPact(i int) {
	if i-1 < sc.s.from || !sc.toks[i-1].in(lcDefiniteDeterminer) {
		return
	}
	for mi := range sc.ms {
		if sc.ms[mi].pron == "" {
			return // the sentence names parties of its own
		}
	}
	if len(sc.st.lastPact) < 2 || sc.st.sentences-sc.st.lastPactAt > pactReach {
		return
	}
	var ends []endpoint
	for _, id := range sc.st.lastPact {
		ends = append(ends, endpoint{id: id, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}})
	}
	sc.pairwise(ends, i)
}

// cameToAid reads "X committed to come to Y's aid", "would come to Y's
// defence": a verb of coming (special-come) with "to", an owner and a
// noun of aid (mutual-aid) after it is a promise of defence, an alliance,
// when a verb of commitment stands before it (commit-verb: "pledged to
// come") or a pact is named in the sentence ("signed the treaty, under
// which Canberra committed to come to Tuvalu's aid"). "The EU came to
// Greece's aid with loans" is neither.
func (sc *scope) cameToAid(i int) {
	if sc.goodsComeFrom(i) {
		return // "Algeria, whose arsenal comes overwhelmingly from Russia" (supplychain.go)
	}
	j := i + 1
	if j+2 >= sc.s.to || sc.toks[j].low != "to" {
		return
	}
	mi, ok := sc.startAt(j + 1)
	if !ok || !sc.aidOf(mi) || !sc.committed(i) {
		return
	}
	x := sc.verbSubject(i)
	if x == nil {
		return
	}
	stop := i // a verb of commitment is no stop verb here: "pledged to come"
	if i-2 >= sc.s.from && sc.toks[i-2].in(lcCommitVerb) {
		stop = i - 2
	}
	if lo := sc.window(x, i); sc.negated(lo, stop, true) || sc.negated(lo, i, false) {
		return
	}
	sc.emit(graph.AlliesWith, x, []int{mi}, i, graph.Asserted, "", "")
}

// aidOf reports a mention mi that owns a noun of aid (mutual-aid) after
// it ("Tuvalu's aid") or whose head is one ("Cyprus's defence", read as
// the state's defence).
func (sc *scope) aidOf(mi int) bool {
	m := &sc.ms[mi]
	if !m.poss {
		return m.to-1 > m.from && sc.toks[m.to-1].in(lcMutualAid)
	}
	e := m.to
	if e < sc.s.to && (sc.toks[e].low == "'s" || sc.toks[e].low == "'") {
		e++
	}
	return e < sc.s.to && sc.toks[e].in(lcMutualAid)
}

// committed reports a verb of commitment right before "to" and the verb
// of coming at i ("pledged to come", "is obliged to come"), or a pact
// noun in the sentence.
func (sc *scope) committed(i int) bool {
	if i-2 >= sc.s.from && sc.toks[i-1].low == "to" && sc.toks[i-2].in(lcCommitVerb) {
		return true
	}
	return sc.classWithin(sc.s.from, sc.s.to-sc.s.from, lcSpecialPact)
}

// coveredByBloc reads "Latvia, Lithuania and Estonia are covered by the
// alliance's mutual defence clause", "Poland is protected by NATO's
// collective defence guarantee": a participle of protection
// (special-covered) with "by", a military alliance's possessive and a
// pact cue after it makes the subject a member.
func (sc *scope) coveredByBloc(i int) {
	mi, ok := sc.blocPactBy(i)
	if !ok {
		return
	}
	x := sc.verbSubject(i)
	if x == nil || sc.negated(sc.window(x, i), i, true) {
		return
	}
	sc.joinsAlliance(x, []int{mi}, i, false)
}

// blocPactBy returns the mention after "by" right after the participle
// at i that owns a pact cue ("by the alliance's mutual defence clause",
// "by NATO's collective defence guarantee", "by the CSTO's collective
// defence clause"); ok is false when there is none.
func (sc *scope) blocPactBy(i int) (int, bool) {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "by" {
		return 0, false
	}
	mi, ok := sc.startAt(i + 2) // "NATO's", "the alliance's"
	if !ok && sc.toks[i+2].in(lcDeterminer) {
		mi, ok = sc.startAt(i + 3)
	}
	if !ok {
		return 0, false
	}
	m := &sc.ms[mi] // the cue may be a head of the mention: "NATO's collective defence"
	return mi, sc.classWithin(m.from+1, m.to-m.from-1+modifierWindow, lcPactCue)
}

// boundBlocWindow is how far after "through" or "by" the military
// alliance or defence pact that binds may end: "through the Moscow-led
// CSTO".
const boundBlocWindow = 5

// boundAllies reads a participle of binding (special-bound) that tells
// an alliance: "Ankara and Baku are bound by a mutual assistance
// commitment in case of attack on either side" (a subject of two or more,
// "by" and a clause of mutual defence after it, defenceClause: each is
// the others' ally; "are both bound by the CSTO's collective defence
// clause": members of the bloc and each other's allies, blocPactBy),
// "Kyrgyzstan and Tajikistan are bound to Moscow
// through the CSTO" ("to" a party, then "through" or "by" a military
// alliance or a defence pact, blocAt: the subject's allies). Negated,
// nothing.
func (sc *scope) boundAllies(i int) {
	if i+2 >= sc.s.to {
		return
	}
	if y := sc.after(i); y != nil && sc.ms[y[0]].from <= i+2 && len(sc.stateEnds(y)) >= 2 && sc.pactBinds(i) {
		sc.pairwise(sc.stateEnds(y), i) // "the ANZUS Treaty that has bound Australia and the United States"
		return
	}
	x := sc.boundSubject(i)
	if x == nil || sc.negated(sc.window(x, i), i, true) {
		return
	}
	n := sc.timeSkip(i + 1) // "bound since September 2023 by ..."
	if n+1 >= sc.s.to {
		return
	}
	switch sc.toks[n].low {
	case "by":
		if mi, ok := sc.blocPactBy(n - 1); ok {
			sc.joinsAlliance(x, []int{mi}, i, true) // "A and B are both bound by the CSTO's collective defence clause"
		} else if len(sc.ends(x)) >= 2 && (sc.defenceClause(n) || sc.pactWithin(n+1) || sc.collectiveFormula(n)) {
			sc.pairwise(sc.ends(x), i)
		}
	case "to":
		y := sc.after(n)
		if y == nil || sc.ms[y[0]].from > n+winNoun { // "to Moscow", "to the Kremlin"
			return
		}
		e := sc.timeSkip(sc.ms[y[len(y)-1]].to) // "bound to North Korea since 1961 by a treaty"
		if e >= sc.s.to || sc.toks[e].low != "through" && sc.toks[e].low != "by" {
			return
		}
		for k := e + 1; k < sc.s.to && k <= e+boundBlocWindow; k++ {
			if sc.blocAt(k) {
				sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
				return
			}
		}
	}
}

// formulaWindow is how many words may stand between the two halves of
// the formula of collective defence: "an attack on one of the three
// military-led states is considered an attack on all".
const formulaWindow = 12

// formulaPartyWindow is how many words after "on" or "against" may name
// the party of a half of the formula: "on any one of", "on all of them".
const formulaPartyWindow = 3

// collectiveFormula reports the formula of collective defence after k:
// an attack-word, "on" or "against", one party ("one", "any", "either"
// within three words), then within formulaWindow another attack-word,
// "on" or "against" and all of them (partitive "all", "both", or a
// reciprocal-word: "the others"): "bound by a pact under which an attack
// on one would be treated as an attack on all three" (relations round 22).
func (sc *scope) collectiveFormula(k int) bool {
	one := -1
	for j := k + 1; j+1 < sc.s.to; j++ {
		t := &sc.toks[j]
		if t.is(cNegator) {
			return false
		}
		if !t.in(lcAttackWord) || sc.toks[j+1].low != "on" && sc.toks[j+1].low != "against" {
			continue
		}
		if one >= 0 && j-one <= formulaWindow {
			if sc.classWithin(j+2, formulaPartyWindow, lcPartitive) || sc.classWithin(j+2, formulaPartyWindow, lcReciprocalWord) {
				return true
			}
		}
		if sc.wordWithin(j+2, formulaPartyWindow, "one", "any", "either") {
			one = j
		}
	}
	return false
}

// boundPactWindow is how far after "by" a defence pact that binds two or
// more parties may stand, past its name and an apposition that says what
// it is: "bound by the Liptako-Gourma Charter, a mutual defence pact".
const boundPactWindow = 9

// pactWithin reports a defence pact (blocAt) among the words from k on,
// within boundPactWindow and before a clause break or a second comma.
func (sc *scope) pactWithin(k int) bool {
	commas := 0
	for j := k; j < sc.s.to && j < k+boundPactWindow; j++ {
		if t := &sc.toks[j]; t.is(cClauseBreak) || t.low == "," && commas > 0 {
			return false
		} else if t.low == "," {
			commas++
		}
		if sc.blocAt(j) {
			return true
		}
	}
	return false
}

// timeSkip returns the first word after a time phrase that starts at k
// ("since 1961", "since September 2023", "in 2014", "last year"): time
// words, numbers and months, at most documentTimeWindow, not ending in a
// preposition; k when none starts there.
func (sc *scope) timeSkip(k int) int {
	j := k
	for n := 0; n < documentTimeWindow && j < sc.s.to && (sc.toks[j].in(lcTimeWord) || sc.toks[j].cap && sc.toks[j].is(cWeekday) || startsDigit(sc.toks[j].low)); n++ {
		j++
	}
	if j > k && sc.toks[j-1].is(cPreposition) {
		return k // "bound to Moscow in a pact": no time phrase
	}
	return j
}

// pactBinds reports a defence pact as the subject of the verb of binding
// at i, or as the antecedent of the relative clause it opens: "the ANZUS
// Treaty that has bound A and B", "the mutual defence treaty bound A and
// B"; not negated.
func (sc *scope) pactBinds(i int) bool {
	j := i - 1
	for j > sc.s.from && (sc.toks[j].is(cAux|cPassiveAdverb) || sc.adverb(j)) {
		j--
	}
	if w := sc.toks[j].low; (w == "that" || w == "which") && j-1 > sc.s.from {
		j--
	}
	return sc.toks[j].in(lcSpecialPact) && !sc.inMention(j) && sc.pactCued(j) && !sc.negated(j, i, true)
}

// boundSubject returns the subject of the participle at i: the
// antecedent of a relative clause whose second verb phrase it is
// ("Kyrgyzstan and Tajikistan, which both host Russian bases and are
// also bound to Moscow"), else the verb's subject.
func (sc *scope) boundSubject(i int) []int {
	j := i - 1
	for j > sc.s.from && (sc.toks[j].is(cAux|cBe|cPassiveAdverb) || sc.adverb(j)) {
		j--
	}
	if sc.toks[j].low == "and" {
		if s := sc.relativeBefore(j); s != nil {
			return s
		}
	}
	return sc.verbSubject(i)
}

// underPactWindow is how many words may stand between "under" and the
// pact noun: a determiner and modifiers ("under a bilateral defence
// agreement", "under their 1951 mutual defence treaty").
const underPactWindow = 5

// underPact reads a defence pact at i told as the ground of an act: "under"
// before it, and no party of its own ("with", "between" or a signer after
// it): "Russia keeps its base in Tajikistan under a bilateral defence
// treaty", "troops from Burundi, deployed in Congo under a bilateral
// defence agreement", "the second delivery to Mogadishu under a defence
// pact". The pact's parties are the states the sentence names before
// "under", when there are exactly two (a pact of two; any other count
// gives nothing). It reports whether the pact was read so.
func (sc *scope) underPact(i int) bool {
	u := -1
	for k := i - 1; k > sc.s.from && k >= i-underPactWindow; k-- {
		if sc.toks[k].low == "under" {
			u = k
			break
		}
		if t := &sc.toks[k]; !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cAux) {
			return false
		}
	}
	if u < 0 || sc.prepGroup(i, winModifier, "with") != nil {
		return false
	}
	var ends []endpoint
	for mi := range sc.ms {
		m := &sc.ms[mi]
		if m.from >= u || m.pron != "" {
			continue
		}
		for _, e := range sc.ends([]int{mi}) {
			if a, ok := sc.x.actor(e.id); ok && stateLike(a) && !slices.ContainsFunc(ends, func(o endpoint) bool { return o.id == e.id }) {
				ends = append(ends, e)
			}
		}
	}
	if len(ends) != 2 || sc.negated(sc.s.from, i, true) {
		return false
	}
	sc.pairwise(ends, i)
	return true
}

// pledgedDefence reads a commitment to defend another state at the verb
// "defend" at i: a verb of binding before "to" ("Russia committed to
// defend Abkhazia", "is committed to defending", "Moscow pledged to defend
// its neighbour", defend-commit), or a modal with a pact named in the
// sentence ("Washington said it would defend the Philippines under their
// Mutual Defense Treaty", defend-modal). The object is a state or a
// territory named right after the verb, not something owned ("defend its
// airspace", "defend Somalia's sovereignty"), nor the subject itself.
func (sc *scope) pledgedDefence(i int) {
	mi, ok := sc.startAt(sc.nextWord(i))
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj || !sc.defenceCommitted(i) {
		return
	}
	if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || !stateLike(a) {
		return
	}
	x := sc.verbSubject(i)
	if x == nil {
		return
	}
	stop := i
	if c := sc.commitBefore(i); c >= 0 {
		stop = c // a verb of commitment is no stop verb here: "pledged to defend"
	}
	if lo := sc.window(x, i); sc.negated(lo, stop, true) || sc.negated(lo, i, false) {
		return
	}
	sc.emit(graph.AlliesWith, x, []int{mi}, i, graph.Asserted, "", "")
}

// defenceCommitted reports a verb of binding before the "to" of "defend"
// at i (commitBefore), or a modal right before it with a pact noun in the
// sentence ("would defend ... under their Mutual Defense Treaty").
func (sc *scope) defenceCommitted(i int) bool {
	if sc.commitBefore(i) >= 0 {
		return true
	}
	p := sc.prevWord(i)
	return p >= sc.s.from && sc.x.lex.words["defend-modal"][sc.toks[p].low] && sc.classWithin(sc.s.from, sc.s.to-sc.s.from, lcSpecialPact)
}

// commitBefore returns the verb of binding (defend-commit) before "to"
// and the verb at i, past a copula ("is committed to defending"), or -1.
func (sc *scope) commitBefore(i int) int {
	k := i - 1
	if k-1 < sc.s.from || sc.toks[k].low != "to" {
		return -1
	}
	if sc.x.lex.words["defend-commit"][sc.toks[k-1].low] {
		return k - 1
	}
	return -1
}

// sincePactWindow is how many words of a pact's noun phrase may stand
// between "since" and the pact noun: "since the 1951 ANZUS defence".
const sincePactWindow = 5

// sincePactOwner finds the party of a pact at i told as a time after
// "since", whose other parties follow "with": the owner of the noun
// phrase before "since" ("Australia's first mutual defence pact since the
// ANZUS treaty with ..."), else the subject of the perfect before it
// ("the first alliance Canberra has entered since the ANZUS pact with the
// United States and New Zealand"); nil otherwise.
func (sc *scope) sincePactOwner(i int) []int {
	k := i - 1
	for k > sc.s.from && k >= i-sincePactWindow && sc.toks[k].low != "since" {
		if _, named := sc.endAt(k); named || sc.toks[k].is(cClauseBreak) && sc.toks[k].low != "since" || sc.toks[k].low == "," {
			return nil
		}
		k--
	}
	if k <= sc.s.from || sc.toks[k].low != "since" {
		return nil
	}
	for j := k - 1; j > sc.s.from && j >= k-sincePactWindow; j-- {
		if mi, ok := sc.endAt(j); ok && sc.ms[mi].poss && sc.ms[mi].pron == "" {
			return sc.grp[sc.ms[mi].group] // "Australia's first mutual defence pact since"
		}
	}
	for j := k - 1; j > sc.s.from+1; j-- {
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return nil
		}
		if sc.toks[j-1].is(cAux) && sc.toks[j].word && strings.HasSuffix(sc.toks[j].low, "ed") {
			return sc.verbSubject(j) // "Canberra has entered such an alliance since"
		}
	}
	return nil
}

// ofPactTopic reports a pact noun at i that is the object of "of" after
// a noun that makes it a topic (pact-topic-head: "the 30th anniversary of
// the security pact", "the future of the defence treaty"; not "a series
// of joint exercises"): the clause's subject is not thereby a party
// (special.go pactSigner). A possessive before the pact ("the
// anniversary of their pact") names the parties, and keeps the subject.
func (sc *scope) ofPactTopic(i int) bool {
	k := i - 1
	for k > sc.s.from && i-k <= winModifier && sc.toks[k].word && !sc.toks[k].cap && sc.toks[k].low != "of" {
		if sc.toks[k].low != "the" && sc.toks[k].in(lcDeterminer) {
			return false // "their pact", "its treaty"
		}
		k--
	}
	if k-1 <= sc.s.from || sc.toks[k].low != "of" {
		return false
	}
	h := &sc.toks[k-1]
	return h.in(lcPactTopicHead)
}
