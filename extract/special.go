package extract

// This file reads triggers of several words: diplomatic relations, joining
// NATO, defence pacts, evidence against.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// special reads multi-word triggers: "established diplomatic relations
// with", "joined NATO", "signed a defence pact with", "evidence against",
// "lodged a protest with". Each is a function of its own, read at the
// words of its class of data/lexicon.txt (specialRules); a word of several
// classes is read by the first. The token carries the rule's index (sp:
// classWords), so that special makes no lookup.
func (sc *scope) special(i int) {
	if k := sc.toks[i].sp; k != 0 {
		specialRules[k-1].read(sc, i)
	}
}

// specialRules are the multi-word triggers and the word classes they
// start at. The classes carry cSpecial, the token bit relate tests.
var specialRules = [...]struct {
	class string
	read  func(*scope, int)
}{
	{"special-ties", (*scope).diplomaticTies},
	{"special-join", (*scope).joinedAlliance},
	{"special-accede", (*scope).accession},
	{"special-other", (*scope).eachOther},
	{"special-member", (*scope).membership},
	{"special-part", (*scope).partOf},
	{"special-switch", (*scope).switchedRecognition},
	{"special-called", (*scope).calledClaims},
	{"special-payroll", (*scope).payroll},
	{"special-pact", (*scope).defencePact},
	{"special-exercises", (*scope).jointExercises},
	{"special-formed", (*scope).formedBloc},
	{"special-so", (*scope).didSo},
	{"special-follow", (*scope).followedRecognition},
	{"special-traded", (*scope).tradedBlame},
	{"special-grievance", (*scope).grievance},
	{"special-include", (*scope).blocIncludes},
	{"special-step", (*scope).tookStep},
	{"special-held", (*scope).heldResponsible},
	{"special-alongside", (*scope).alongsideForces},
	{"special-trained", (*scope).trainedWith},
	{"special-come", (*scope).cameToAid},
	{"special-covered", (*scope).coveredByBloc},
	{"special-bound", (*scope).boundRead},
	{"special-said", (*scope).saidDismissed},
	{"special-independence", (*scope).independenceDeclared},
	{"special-establishment", (*scope).tiesBetween},
	{"special-need", (*scope).neededGoods},
	{"special-arms", (*scope).armsVerb},
	{"special-forces", (*scope).forcesTopic},
}

// alongsideForces reads armed forces training alongside other states'
// forces in an exercise: "Swedish troops take part alongside Norwegian
// and Finnish forces in Nordic Response, a NATO exercise", "Indonesian
// troops trained alongside United States forces in the annual ...
// exercise": allies, like joint exercises. Both sides must be named as forces
// (forces-head); "Alongside Russia, Belarus accused ..." is a comitative
// aside (coSubjects).
func (sc *scope) alongsideForces(i int) {
	a := i
	if sc.toks[i].low == "side" {
		if a = sc.sideBySide(i); a < 0 {
			return
		}
	}
	y := sc.forcesAfter(a)
	if y == nil || !sc.exerciseNamed() {
		return
	}
	x := sc.alongsideSubject(i)
	if x != nil && sc.forcesGroup(x) && !sc.negated(sc.window(x, i), i, true) {
		sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		sc.ledAllies(x, y, i)      // "alongside a German-led NATO battlegroup"
		sc.pairwise(sc.ends(y), i) // "alongside U.S. and Australian forces": one force of both, as "exercises with" reads it
	}
}

// sideBySide returns the "with" of "side by side with" when the first
// "side" is at i ("Belarusian troops fought mock battles side by side with
// Russian units during Zapad-2021": alongside them), else -1.
func (sc *scope) sideBySide(i int) int {
	w := i + sideBySideSpan
	if w >= sc.s.to || sc.toks[i+1].low != "by" || sc.toks[i+2].low != "side" || sc.toks[w].low != "with" {
		return -1
	}
	return w
}

// sideBySideSpan is how far the "with" of "side by side with" stands
// after the first "side".
const sideBySideSpan = 3

// alongsideSubject returns the forces before "alongside" at i: the
// nearest group before it in its clause ("Swedish troops take part
// alongside"), or the subject of "took part" past the exercise's name
// ("U.S. soldiers took part in the \"Eagle Partner\" exercise
// alongside"); nil when there is none.
func (sc *scope) alongsideSubject(i int) []int {
	lim := i - winObject
	for k := i - 1; k >= sc.s.from && k >= lim; k-- {
		if g := sc.beforeGloss(k); g != k {
			lim -= k - g
			k = g + 1
			continue
		}
		if mi, ok := sc.endAt(k); ok {
			return sc.grp[sc.ms[mi].group]
		}
		if sc.toks[k].low == "part" && k-1 > sc.s.from && sc.toks[k-1].in(lcTakeVerb) {
			if s := sc.verbSubject(k - 1); s != nil && sc.forcesGroup(s) {
				return s
			}
		}
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			break
		}
	}
	return nil
}

// exerciseNamed reports a noun of exercises in the sentence
// (special-exercises, not a joint-activity such as "operations"): forces
// alongside each other in an exercise train together; in a war they may
// only have fought on one side once ("Eritrean troops fought alongside
// Ethiopian forces in the 2020-2022 war" is no alliance).
func (sc *scope) exerciseNamed() bool {
	for k := sc.s.from; k < sc.s.to; k++ {
		if w := sc.toks[k].low; sc.x.lex.has(lcSpecialExercises, w) && !sc.x.lex.has(lcJointActivity, w) {
			return true
		}
	}
	return false
}

// forcesAfter returns the group right after word k (past "the") when it
// names armed forces (forcesGroup), a bare demonym first or not
// ("alongside Norwegian and Finnish forces"); nil otherwise.
func (sc *scope) forcesAfter(k int) []int {
	j := k + 1
	if j < sc.s.to && sc.toks[j].in(lcDeterminer) && !sc.toks[j].cap {
		j++ // "the", "a German-led battlegroup"
	}
	if j < sc.s.to && sc.toks[j].cap && sc.x.hyphenParticiple(sc.toks[j].low) {
		j++ // "a German-led NATO battlegroup": the leader is read by ledBy
	}
	mi, ok := sc.startAt(j)
	if !ok {
		return nil
	}
	if g := sc.grp[sc.ms[mi].group]; sc.forcesGroup(g) {
		return g
	}
	return nil
}

// forcesGroup reports a group whose last member names a state's armed
// forces ("US troops", "Norwegian and Finnish forces").
func (sc *scope) forcesGroup(g []int) bool {
	m := &sc.ms[g[len(g)-1]]
	if sc.forcesNamed(m) || len(g) >= 2 && !m.person && m.to-1 > m.nFrom && sc.toks[m.to-1].in(lcTrainPartner) {
		return true // "Philippine, U.S. and Australian vessels": a list's head names units
	}
	return (m.adj || sc.forcesAfterName(m)) && sc.forcesHeadAt(m.to) >= 0
}

// blocIncludes reads "the CSTO, the Moscow-led security bloc that also
// includes Kazakhstan, Kyrgyzstan and Tajikistan": the states a military
// alliance (data/lexicon.txt, "actors alliance") is said to include are
// its members. The alliance stands right before, past "that", "which" and
// an adverb; other bodies ("the EU includes ...") give nothing.
func (sc *scope) blocIncludes(i int) {
	if sc.othersInclude(i) {
		return
	}
	sc.includedMembers(i)
}

// othersInclude reads "The others include A, B and C" right after a
// recognition ("Tuvalu is one of 12 countries that recognise Taiwan"):
// the states listed recognise what was recognised last. It reports
// whether "include" had such a subject.
func (sc *scope) othersInclude(i int) bool {
	if i-1 < sc.s.from || !sc.toks[i-1].in(lcOthersNoun) {
		return false
	}
	y := sc.st.lastRecognized
	if len(y) == 0 || sc.st.sentences-sc.st.lastRecognizedAt != doSoReach {
		return true
	}
	if x := sc.statesAfter(i); x != nil {
		sc.repeatRecognition(x, y, i, i)
	}
	return true
}

// diplomaticTies reads "established diplomatic relations with Y".
func (sc *scope) diplomaticTies(i int) {
	if !sc.classWithin(i+1, modifierWindow, lcTiesCue) && !sc.bareTies(i) || sc.tiesNegated(i) {
		return
	}
	if sc.toks[i].in(lcOpenTies) && !sc.tiesNounAfter(i) {
		return // "opened a diplomatic office": no ties
	}
	x := sc.documentAgent(i) // "signed a joint declaration on Tuesday restoring diplomatic relations"
	if x == nil {
		x = sc.verbSubject(i)
	}
	if x == nil {
		x = sc.includedAfter(i) // "a number of countries have established ... with Y, including A in 2019 and B in 2021"
	}
	if x == nil {
		return
	}
	lo := sc.window(x, i)
	if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
		return
	}
	y := sc.prepGroup(i, winLongObject, "with")
	if y != nil && sc.prepositionBefore(y) {
		y = nil // "opened relations on Saturday with an agreement signed by their ambassadors in New Delhi"
	}
	if y == nil && sc.gappedWith(i) {
		// "established diplomatic ties with, and opened an embassy in, Tehran"
		y, _ = sc.object(i, winGappedObject, "in,with", false)
	}
	if y != nil {
		if !sc.toks[i].in(lcTiesRestore) || sc.restoredTiesWith(y) {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
	} else if ends := sc.ends(x); len(ends) == 2 {
		sc.mutualTies(ends, i)
	}
}

// restoredTiesWith reports ties restored with the group y that recognise
// it (mutualTies): y is of the class ties-target ("Nauru restored
// diplomatic relations with China") or no state of full standing ("Colombia
// restored relations with the Sahrawi Republic": a territory); "Qatar
// restored diplomatic relations with Bahrain" recognises no one anew.
func (sc *scope) restoredTiesWith(y []int) bool {
	for _, mi := range y {
		for _, id := range sc.resolve(mi) {
			if sc.x.lex.actors[tiesTargetClass][id] {
				return true
			}
			if a, ok := sc.x.actor(id); ok && a.Type == graph.Territory {
				return true
			}
		}
	}
	return false
}

// mutualTies records the recognitions of ties between the two ends at
// the trigger i ("A and B established diplomatic relations", "the
// establishment of relations between A and B"): each recognises the
// other. Ties restored or resumed (ties-restore: "restored",
// "resumption") end a rupture, and neither is a new
// recognition of the other, but ties restored with a state whose ties
// are its recognition (the actor class ties-target: Beijing or Taipei,
// Israel) are the other's recognition of it: "China and Nauru
// resumed diplomatic relations" is Nauru recognizes China alone, "Riyadh
// and Tehran restored diplomatic relations" none (relations round 15,
// eighteenth session).
// tiesTargetClass names the actor class of mutualTies.
const tiesTargetClass = "ties-target"

func (sc *scope) mutualTies(ends []endpoint, i int) {
	if !sc.toks[i].in(lcTiesRestore) {
		sc.emitEnds(graph.Recognizes, ends[:1], ends[1:], i, graph.Asserted, "", "")
		sc.emitEnds(graph.Recognizes, ends[1:], ends[:1], i, graph.Asserted, "", "")
		return
	}
	target := sc.x.lex.actors[tiesTargetClass]
	switch a, b := target[ends[0].id], target[ends[1].id]; {
	case a && !b:
		sc.emitEnds(graph.Recognizes, ends[1:], ends[:1], i, graph.Asserted, "", "")
	case b && !a:
		sc.emitEnds(graph.Recognizes, ends[:1], ends[1:], i, graph.Asserted, "", "")
	}
}

// bareTies reports a verb of establishing at i (data/lexicon.txt,
// ties-establish) whose object is "relations" or "ties" with no other
// word than a ties-modifier between: "Costa Rica established relations
// with Beijing in 2007", "establish formal ties" (a first exchange of
// ties is diplomatic; "restored relations", "established trade
// relations" and "close ties" are not read so).
func (sc *scope) bareTies(i int) bool {
	if !sc.toks[i].in(lcTiesEstablish) {
		return false
	}
	k := i + 1
	if k < sc.s.to && sc.toks[k].in(lcTiesModifier) {
		k++
	}
	return k < sc.s.to && sc.toks[k].in(lcTiesNoun)
}

// tiesNegated reports a verb of having ties at i that is only an
// auxiliary of the next word ("has established ...": that word reads the
// ties) or whose ties are negated ("has no diplomatic relations").
func (sc *scope) tiesNegated(i int) bool {
	aux := sc.toks[i].is(cAux)
	for k := i + 1; k < sc.s.to && k <= i+modifierWindow; k++ {
		t := &sc.toks[k]
		if t.is(cNegator) {
			return true
		}
		if t.in(lcTiesCue) {
			return false
		}
		if aux && !sc.x.lex.adjectiveSuffix(t.low) {
			return true // "has severed diplomatic relations": "has" is no verb of its own
		}
	}
	return false
}

// includedAfter returns the states listed after "including" past the
// word at i, to the end of the sentence ("including Solomon Islands and
// Kiribati in 2019, Nicaragua in 2021"), when the verb's subject is a
// phrase with no name ("a number of countries"); nil when there is none.
func (sc *scope) includedAfter(i int) []int {
	k := i + 1
	for k < sc.s.to && sc.toks[k].low != "including" {
		k++
	}
	return sc.statesAfter(k)
}

// joinedAlliance reads "X joined NATO".
func (sc *scope) joinedAlliance(i int) {
	y := sc.after(i)
	if mi, ok := sc.startAt(i + 1); ok && y == nil {
		y = sc.grp[sc.ms[mi].group] // "joined the alliance"
	}
	if p := sc.prevWord(i); strings.HasSuffix(sc.toks[i].low, "ing") && (p < sc.s.from || sc.toks[p].in(lcComplementizer)) {
		return // "insists that joining the EU and NATO remains its goal": a gerund subject, no act
	}
	if y != nil && sc.toks[i].in(lcEnterVerb) && !sc.nounPhraseEnds(sc.ms[y[len(y)-1]].to) {
		return // "entered NATO airspace": a modifier of another noun
	}
	x := sc.subject(i, sc.s.from)
	if x == nil || sc.negated(sc.window(x, i), i, true) || sc.willOnly(sc.window(x, i), i) {
		return // "invited Finland to join NATO", "applied to join": a bid
	}
	if y == nil {
		sc.joinedFocus(x, i) // "April 2023 - Finland joins, doubling NATO's land border"
		return
	}
	sc.joinsAlliance(x, y, i, false)
	if with := sc.togetherWith(i); with != nil {
		sc.joinsAlliance(with, y, i, false) // "joined NATO in 2004 together with Latvia and Lithuania"
	}
	if g := sc.gappedAfter(sc.ms[y[len(y)-1]].to); g != nil {
		sc.joinsAlliance(g, y, i, false) // "joined NATO in 2009, Montenegro in 2017"
	}
}

// namedAfter returns the first group of names within a noun phrase after
// k, past a possessive and a description ("with its Baltic neighbours
// Latvia and Lithuania"), or nil.
func (sc *scope) namedAfter(k int) []int {
	for j := k + 1; j < sc.s.to && j <= k+modifierWindow+2; j++ {
		if mi, ok := sc.startAt(j); ok && sc.ms[mi].pron == "" && !sc.ms[mi].poss && !sc.ms[mi].adj {
			return sc.grp[sc.ms[mi].group]
		}
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return nil
		}
	}
	return nil
}

// andCopulaBefore reports "and became" or "and is" (a coordinated verb
// phrase of being) within a few words before k.
func (sc *scope) andCopulaBefore(k int) bool {
	for j := k - 1; j > sc.s.from && j >= k-modifierWindow-1; j-- {
		if sc.toks[j].in(lcAllyLink) {
			return sc.toks[j-1].low == "and"
		}
	}
	return false
}

// togetherWith returns the group after "together with" or "along with"
// later in the clause of the word at i, or nil.
func (sc *scope) togetherWith(i int) []int {
	for k := i + 1; k+1 < sc.s.to && k <= i+winGappedObject; k++ {
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
		if sc.toks[k].in(lcWithAdverb) && sc.toks[k+1].low == "with" {
			return sc.namedAfter(k + 1)
		}
	}
	return nil
}

// eachOther reads "A and B agreed to come to each other's aid", "to
// come to one another's defence", "pledged to defend each other",
// "to provide each other with military assistance": a promise of mutual
// defence makes allies of the parties.
func (sc *scope) eachOther(i int) {
	j := i - 1 // "each other", "one another"
	if j <= sc.s.from || !sc.mutualPronoun(j, i) {
		return
	}
	if t, ok := sc.trigOf(&sc.toks[j-1]); ok && t.rel == graph.Accuses && t.pos != noun {
		sc.reciprocal(sc.verbSubject(j-1), i) // "India and Pakistan accused each other"
		return
	}
	if !sc.mutualDefence(j, i) {
		return
	}
	if ends := sc.pactParties(j); ends != nil {
		sc.pairwise(ends, i) // "signed a treaty with Y, under which the two sides pledged ..."
		return
	}
	x := sc.nearestPlural(j)
	if x == nil {
		x = sc.verbSubject(j)
	}
	if x != nil && !sc.negated(sc.window(x, i), i, true) {
		sc.pairwise(sc.ends(x), i)
	}
}

// pactParties finds the parties of a pact signed earlier in the sentence
// ("X signed a treaty with Y in 2014, under which the two sides ..."):
// the signer and the group after "with". Nil when there is none.
func (sc *scope) pactParties(j int) []endpoint {
	for k := j - 1; k > sc.s.from; k-- {
		if !sc.toks[k].in(lcSpecialPact) {
			continue
		}
		y := sc.prepGroup(k, winObject, "with")
		x := sc.pactSigner(k)
		if x == nil || y == nil || sc.negated(sc.window(x, k), k, true) {
			return nil
		}
		return append(sc.ends(x), sc.ends(y)...)
	}
	return nil
}

// reciprocal records that every two of the group x accuse each other
// ("accused each other", "traded accusations"), unless negated.
func (sc *scope) reciprocal(x []int, i int) {
	if x == nil || sc.negated(sc.window(x, i), i, false) {
		return
	}
	ends := sc.ends(x)
	for a := range ends {
		for b := range ends {
			if a != b {
				sc.emitEnds(graph.Accuses, ends[a:a+1], ends[b:b+1], i, graph.Asserted, "", "")
			}
		}
	}
}

// tradedBlame reads "A and B traded accusations", "exchanged blame": a
// verb of exchanging (data/lexicon.txt, special-traded) before a
// blame noun (blame-noun) makes its subject's members accuse each other.
func (sc *scope) tradedBlame(i int) {
	if !sc.classWithin(i+1, winNoun, lcBlameNoun) {
		return
	}
	if x := sc.verbSubject(i); x != nil && len(sc.ends(x)) >= 2 {
		sc.reciprocal(x, i)
	}
}

// mutualPronoun reports "each other" or "one another" at j, i.
func (sc *scope) mutualPronoun(j, i int) bool {
	a, b := sc.toks[j].low, sc.toks[i].low
	return a == "each" && b == "other" || a == "one" && b == "another"
}

// mutualDefence reports the defence around "each other" (j, i): "each
// other's aid", "defend each other", "provide each other with military
// assistance".
func (sc *scope) mutualDefence(j, i int) bool {
	mutual := sc.x.lex.words["mutual-aid"]
	if i+2 < sc.s.to && sc.toks[i+1].low == "'s" {
		return mutual[sc.toks[i+2].low]
	}
	if sc.toks[j-1].in(lcMutualVerb) {
		return true
	}
	if sc.toks[j-1].low == "to" && sc.classWithin(j-1-modifierWindow, modifierWindow, lcMutualAid) {
		return true // "to provide immediate military assistance to each other"
	}
	if sc.x.lex.words["aid-give-verb"][sc.toks[j-1].low] && sc.classWithin(i+1, modifierWindow, lcMutualAid) {
		return true // "are obliged to provide each other immediate military assistance"
	}
	return i+1 < sc.s.to && sc.toks[i+1].low == "with" && sc.classWithin(i+2, modifierWindow, lcMutualAid)
}

// nextPlural returns the first group of two or more actors after the
// pact noun at i and a comma ("Under the treaty, the two countries
// commit themselves ..."), or nil.
func (sc *scope) nextPlural(i int) []int {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "," {
		return nil
	}
	return sc.pluralAfter(i)
}

// pluralAfter returns the first group of two or more actors after word i
// in the sentence, or nil.
func (sc *scope) pluralAfter(i int) []int {
	for g := range sc.grp {
		members := sc.grp[g]
		if sc.ms[members[0]].from > i && len(sc.ends(members)) >= 2 {
			return members
		}
	}
	return nil
}

// nearestPlural returns the nearest group of two or more actors before j
// in the sentence ("obliges the three countries to come to one
// another's aid"), or nil.
func (sc *scope) nearestPlural(j int) []int {
	for g := len(sc.grp) - 1; g >= 0; g-- {
		members := sc.grp[g]
		if sc.ms[members[0]].to > j {
			continue
		}
		if len(sc.ends(members)) >= 2 {
			return members
		}
	}
	return nil
}

// membership reads "X is a member of NATO", "Turkey, a NATO member,".
func (sc *scope) membership(i int) {
	if sc.memberOfWhich(i) || sc.nounVerbNext(i) && !sc.memberStateNoun(i+1) {
		return
	}
	// "became the 32nd member of NATO"
	y := sc.prepGroup(i, winNoun, "of")
	if y == nil {
		// "Turkey, a NATO member,", "became NATO's 29th member": the body
		// named before "member"
		y = sc.bodyBefore(i)
	}
	if y == nil {
		sc.ordinalMember(i)
		return
	}
	x := sc.subject(i, sc.s.from)
	if y != nil && x != nil && sc.ms[y[0]].from < i {
		x = sc.subject(sc.ms[y[0]].from, sc.s.from)
	}
	if x == nil && y != nil && sc.andCopulaBefore(min(i, sc.ms[y[0]].from)) {
		// "Finland abandoned non-alignment after the invasion and became
		// NATO's 31st member": the clause break hid the subject
		x = sc.sentenceSubject(i, sc.first(y))
	}
	if k := i - 1; k-1 > sc.s.from && (sc.toks[k].low == "both" || sc.toks[k].low == "all") && sc.toks[k-1].low == "," {
		// "between Berlin and Warsaw, both members of NATO": the apposition's head
		if mi, ok := sc.endAt(k - 2); ok {
			x = sc.grp[sc.ms[mi].group]
		}
	}
	if h := sc.appositionHead(i); h != nil {
		x = h // "relations between Denmark, a founding member of NATO, and ..."
	}
	if g := sc.after(i); g != nil && sc.ms[g[0]].from == i+1 && y != nil && sc.ms[y[0]].from < i {
		// "borders NATO members Poland and Latvia": the members named
		x = g
	}
	if g := sc.apposedList(i); g != nil && y != nil && sc.ms[y[0]].from < i {
		x = g // "four NATO members, Spain, Greece, Romania and Slovakia, do not ..."
	}
	if x == nil || y == nil || !sc.copulaOrApposition(x, i) || sc.negated(sc.window(x, i), i, true) {
		return
	}
	// each member is the alliance's ally; fellow members are not paired
	// ("Greece and Turkey are both members of NATO" tells membership, not
	// a tie between the two: the definition names membership of the bloc)
	sc.joinsAlliance(sc.singularMember(x, i), y, i, false)
}

// singularMember returns the members a member noun at i makes of x: a
// singular noun ("member", not "members") with no partitive between
// ("each", "both", "all") fits one actor only, the last of a list ("A, B,
// C and D, which became NATO's 32nd member": D); x itself otherwise.
func (sc *scope) singularMember(x []int, i int) []int {
	if len(x) < 2 || sc.toks[i].low != "member" || len(sc.ends(x)) < 2 || sc.ms[x[len(x)-1]].to > i {
		return x
	}
	if sc.memberStateNoun(i+1) && strings.HasSuffix(sc.toks[i+1].low, "s") {
		return x // "A and B are NATO member states": the plural head
	}
	for k := sc.ms[x[len(x)-1]].to; k < i; k++ {
		if sc.toks[k].in(lcPartitive) {
			return x // "Hungary and Slovakia, each a member of NATO"
		}
	}
	return x[len(x)-1:]
}

// nounVerbNext reports a noun at i that its clause's verb follows ("and
// its members have repeatedly said", "its members met in Minsk"): the noun
// is that verb's subject, no link's complement.
func (sc *scope) nounVerbNext(i int) bool {
	k := i + 1
	for k < sc.s.to && (sc.adverb(k) || sc.toks[k].in(lcCopulaAdverb)) {
		k++
	}
	return k < sc.s.to && (sc.toks[k].in(lcFiniteAux) || sc.finiteVerb(k))
}

// joinsAlliance emits allies-with between x and each military alliance of
// y (data/lexicon.txt, "actors alliance"); with fellows, the members of x
// are allies of each other too.
func (sc *scope) joinsAlliance(x, y []int, i int, fellows bool) {
	for _, m := range y {
		ends := sc.ends([]int{m}) // "the alliance" resolved
		if pm := &sc.ms[m]; pm.pron == "its" && (len(ends) != 1 || !sc.x.lex.actors["alliance"][ends[0].id]) {
			// "Sweden became its 32nd member": "its" is the last alliance named,
			// unless the sentence named another international body before it
			// ("The SCO ... is not a military alliance, and its members")
			if id := sc.st.lastBody["alliance"]; id != "" && !sc.otherBodyBefore(m) {
				ends = []endpoint{{id: id, span: graph.Span{Start: sc.toks[pm.from].start, End: sc.toks[pm.to-1].end}}}
			}
		}
		if len(ends) == 1 && sc.x.lex.actors["alliance"][ends[0].id] {
			sc.emitEnds(graph.AlliesWith, sc.ends(x), ends, i, graph.Asserted, "", "")
			if len(sc.ends(x)) == 1 {
				sc.ledAllies(x, []int{m}, i) // "a member of the Russia-led CSTO": Russia's ally too (relations round 20)
			}
			if fellows {
				sc.pairwise(sc.ends(x), i)
			}
		}
	}
}

// otherBodyBefore reports that the last international body (an
// organisation of no state's) named in the sentence before mention mi is
// no military alliance (the SCO, the EU, the UN): an "its" at mi stands
// for it, and its members are not allies by membership.
func (sc *scope) otherBodyBefore(mi int) bool {
	for k := mi - 1; k >= 0; k-- {
		m := &sc.ms[k]
		if m.from < sc.s.from {
			break
		}
		if m.pron != "" {
			continue
		}
		if a, ok := sc.x.actor(m.id); ok && a.Type == graph.Organization && a.Affiliation == "" {
			return !sc.x.lex.actors["alliance"][m.id]
		}
	}
	return false
}

// Windows of memberships and ties.
const (
	// tiesWithWindow: the "with" of ties followed by an inserted phrase
	// ("established diplomatic ties with, and opened an embassy in,").
	tiesWithWindow = 5
	// bodyMemberWindow: the body before "member" across an ordinal or
	// adjective ("NATO's 29th member", "the CSTO's newest member").
	bodyMemberWindow = 3
	// appositionHeadWindow: the comma before "member" of an apposition
	// ("Denmark, a founding member of NATO").
	appositionHeadWindow = 4
)

// ordinalMember reads "Finland became the 31st member in April": a
// member noun with a numeral ordinal right before it (a digit, then an
// ending of data/lexicon.txt, ordinal-suffix) and no body of its
// own is a member of the military alliance the article named last
// (sentences before: "Sweden joined NATO in March. Finland became the
// 31st member a year earlier"), its subject joining it.
func (sc *scope) ordinalMember(i int) {
	id := sc.st.lastBody["alliance"]
	if id == "" || i-1 <= sc.s.from {
		return
	}
	if w := sc.toks[i-1].low; !startsDigit(w) || !sc.x.lex.endsIn("ordinal-suffix", w, 1) {
		return
	}
	if p := i - 2; p > sc.s.from && (sc.toks[p].low == "'s" || sc.toks[p].low == "'") {
		return // "the organisation's 10th member": a body of its own, not a named alliance
	}
	x := sc.subject(i, sc.s.from)
	if x == nil || !sc.copulaOrApposition(x, i) || sc.negated(sc.window(x, i), i, true) || sc.willOnly(sc.window(x, i), i) {
		return
	}
	sc.emitIDs(graph.AlliesWith, x, []graph.ActorID{id}, i, graph.Asserted, "", "")
}

// apposedList returns the list apposed to a plural noun at i after a
// comma or a dash: two or more states and a comma, a dash or a clause's
// verb after them ("four NATO members, Spain, Greece, Romania and
// Slovakia, do not recognise it", "the alliance's two newest members -
// Finland and Sweden -"); to a singular noun, one state ("NATO's newest
// member, Sweden,"); nil otherwise.
func (sc *scope) apposedList(i int) []int {
	if i+2 >= sc.s.to || !apposer(sc.toks[i+1].low) {
		return nil
	}
	g := sc.after(i + 1)
	if g == nil || sc.ms[g[0]].from != i+2 || len(sc.ends(g)) < 2 != !strings.HasSuffix(sc.toks[i].low, "s") {
		return nil // "members, A and B", "member, A"
	}
	for _, mi := range g {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || !stateLike(a) {
			return nil
		}
	}
	e := sc.ms[g[len(g)-1]].to
	if e < sc.s.to && !apposer(sc.toks[e].low) && !sc.finiteVerb(e) && !sc.toks[e].is(cAux|cBe) {
		return nil
	}
	return g
}

// apposer reports a comma or a dash, the marks around an apposition.
func apposer(w string) bool {
	return w == "," || w == "-"
}

// memberOfWhich reads a member noun in a relative clause opened by "of
// which" on an alliance: "the CSTO, of which Armenia is a member, ..."
// (the clause's subject joins the alliance). It reports whether the noun
// was read so.
func (sc *scope) memberOfWhich(i int) bool {
	y := sc.relativePrep(i, ofPrep)
	if y == nil {
		return false
	}
	x := sc.subject(i, sc.s.from)
	if x == nil || sc.ms[x[0]].from < sc.ms[y[len(y)-1]].to || !sc.copulaOrApposition(x, i) || sc.negated(sc.window(x, i), i, true) {
		return true
	}
	sc.joinsAlliance(x, y, i, false)
	return true
}

// ofPrep is the preposition of "of which".
var ofPrep = []string{"of"}

// bodyBefore finds the body named right before "member" at i, possessive
// or not, across an ordinal or adjective: "a NATO member", "NATO's 29th
// member", "the CSTO's newest member".
func (sc *scope) bodyBefore(i int) []int {
	if mi, ok := sc.endAt(i); ok {
		return sc.bodiesTo(mi) // "member" is the head of the body's mention
	}
	lim := i - bodyMemberWindow
	for k := i - 1; k >= sc.s.from && k >= lim; k-- {
		if mi, ok := sc.endAt(k); ok {
			return sc.bodiesTo(mi)
		}
		if t := &sc.toks[k]; !t.word && t.low != "'s" || t.cap {
			return nil
		}
		if sc.toks[k].is(cCount) {
			lim-- // "NATO's two newest members": a count takes no room
		}
	}
	return nil
}

// bodiesTo returns the body mention mi with the bodies coordinated
// before it: "a NATO and EU member" names NATO and the EU.
func (sc *scope) bodiesTo(mi int) []int {
	g := sc.grp[sc.ms[mi].group]
	k := sc.ms[g[0]].from - 1
	if k-1 < sc.s.from || sc.toks[k].low != "and" {
		return g
	}
	if pi, ok := sc.endAt(k - 1); ok && !sc.ms[pi].poss {
		return append(slices.Clip(sc.grp[sc.ms[pi].group]), g...)
	}
	return g
}

// appositionHead finds the actor an apposition at i describes: "Denmark,
// a founding member of NATO," gives Denmark, even inside a prepositional
// phrase.
func (sc *scope) appositionHead(i int) []int {
	for k := i - 1; k > sc.s.from && k >= i-appositionHeadWindow; k-- {
		switch w := sc.toks[k].low; {
		case w == ",":
			if mi, ok := sc.endAt(k - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
				return sc.grp[sc.ms[mi].group]
			}
			return nil
		case !sc.toks[k].word || sc.toks[k].cap && sc.toks[k].low != "'s":
			if _, ok := sc.endAt(k); !ok {
				return nil
			}
		case sc.toks[k].in(lcFiniteBe):
			return nil // "Poland, like Lithuania, is a member": a clause, no apposition
		}
	}
	return nil
}

// partOf reads "X is part of the CSTO", "X belongs to NATO": membership of
// a military alliance.
func (sc *scope) partOf(i int) {
	prep := "of"
	if sc.toks[i].low != "part" {
		prep = "to"
	}
	y := sc.prepGroup(i, winAdjacent, prep)
	if y == nil {
		return
	}
	x := sc.verbSubject(i)
	if prep == "of" {
		x = sc.subject(i, sc.s.from)
		if x == nil || !sc.copulaOrApposition(x, i) {
			return
		}
	}
	if x == nil || sc.negated(sc.window(x, i), i, true) || sc.willOnly(sc.window(x, i), i) {
		return
	}
	sc.joinsAlliance(x, y, i, false)
}

// switchedRecognition reads "switched recognition from Taipei to Beijing".
func (sc *scope) switchedRecognition(i int) {
	// "switched (diplomatic recognition) from Taipei to Beijing", "switched to Beijing"
	y := sc.prepGroup(i, winObject, "to")
	v := sc.recognitionVerbWithin(i+1, modifierWindow)
	if y == nil && v > 0 {
		y = sc.after(v) // "switched back to recognising Taipei"
	}
	if y == nil {
		sc.tookStep(i) // "Panama made the switch in 2017": "did so"
		return
	}
	named := v > 0 || sc.classWithin(i+1, modifierWindow, lcRecognitionNoun)
	ids := sc.ids(y)
	if !named && !(len(ids) == 1 && sc.x.lex.actors["switch-target"][ids[0]]) {
		return
	}
	x := sc.verbSubject(i)
	if x != nil && !sc.negated(sc.window(x, i), i, true) && !sc.willOnly(sc.window(x, i), i) {
		sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		if g := sc.gappedAfter(sc.ms[y[len(y)-1]].to); g != nil {
			sc.emit(graph.Recognizes, g, y, i, graph.Asserted, "", "") // "..., Nicaragua in December 2021"
		}
	}
}

// recognitionVerbWithin returns the index of a recognition verb among
// the n words from k ("switched back to recognising Taipei"), or -1.
func (sc *scope) recognitionVerbWithin(k, n int) int {
	for j := k; j < sc.s.to && j < k+n; j++ {
		if t, ok := sc.trigOf(&sc.toks[j]); ok && t.rel == graph.Recognizes && t.pos != noun {
			return j
		}
	}
	return -1
}

// calledClaims reads "India called the Pakistani claim baseless": a denial.
func (sc *scope) calledClaims(i int) {
	// "India called the Pakistani claim baseless": a denial
	for _, c := range sc.claims {
		if c.disputed != "" && c.from < i {
			// "denied the accusations by X, calling them absurd": read at
			// "denied"; what the denier calls an act stays its own charge
			// ("rejected the claim, calling the blast a provocation by Russia")
			sc.describedAct(i)
			return
		}
	}
	if k, _, ok := sc.claimObject(i, false); ok && (sc.dismissiveWithin(i+1, 10) || sc.asDismissedAfter(k)) || sc.describedClaim(i) {
		sc.denies(i, trig{rel: graph.Denies, lemma: "call", pos: verbPast})
		return
	}
	sc.describedAct(i) // "described the strike as state terrorism"
}

// asDismissedAfter reports the "as" of a dismissive judgement after the
// clause a claim noun at k carries: "described Ukraine's claims that its
// troops had shelled the plant as false" (an "as" within
// claimClauseWindow words, no clause break or other verb of saying
// between, then a dismissive word within asDismissiveWindow words).
func (sc *scope) asDismissedAfter(k int) bool {
	if k+1 >= sc.s.to || sc.toks[k+1].low != "that" {
		return false
	}
	for j := k + 2; j < sc.s.to && j <= k+claimClauseWindow; j++ {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == ";" || t.is(cReporting) && !sc.inMention(j) {
			return false
		}
		if t.low == "as" {
			return sc.dismissiveWithin(j+1, asDismissiveWindow)
		}
	}
	return false
}

// claimClauseWindow: the words of a claim's that-clause before the "as"
// of its judgement; asDismissiveWindow: the words from "as" to the
// dismissive word ("as a complete fabrication").
const (
	claimClauseWindow  = 20
	asDismissiveWindow = 4
)

// defencePact reads "signed a mutual defence pact with Y", "the defence
// treaty between A and B".
func (sc *scope) defencePact(i int) {
	if sc.inMention(i) {
		return // a word of an actor's name: "the Collective Security Treaty Organization"
	}
	sc.rememberPact(i)
	// a defence pact, not a "military cooperation agreement"
	if !sc.pactCued(i) || sc.compoundAllies(i) {
		return
	}
	if g := sc.agent(i, winModifier); g != nil && len(sc.ends(g)) >= 2 {
		sc.pairwise(sc.ends(g), i) // "a defence agreement signed by A and B"
		return
	}
	if g := sc.signedLaterBy(i); len(sc.ends(g)) >= 2 {
		sc.pairwise(sc.ends(g), i) // "The pact was signed on August 14 in Cairo by A and B"
		return
	}
	if sc.relativeAllies(i) {
		return // "a defence pact that Egypt and Somalia signed"
	}
	sc.alliedParties(i)
	sc.rememberedPact(i) // "The treaty obliges each side to ...": the pact of the sentence before
}

// signedLaterBy returns the signers of a pact noun at i that is the
// subject of a verb of signing (pact-verb) in the passive, or that a
// participle of signing follows, past the pact's title, with a time or
// place phrase before its "by": "The mutual defence protocol was signed
// on August 14 in Cairo by A and B", "the Treaty on Alliance signed
// between A and B in 2014", "a treaty was signed by A with B"; nil
// otherwise.
func (sc *scope) signedLaterBy(i int) []int {
	for k := sc.titleEnd(i); k < sc.s.to && k <= i+winAdverb+pactCueAfter; k++ {
		t := &sc.toks[k]
		if t.in(lcPactVerb) && strings.HasSuffix(t.low, "ed") {
			if sc.negated(i, k, true) {
				return nil
			}
			if k+1 < sc.s.to && sc.toks[k+1].low == "between" {
				return sc.after(k + 1)
			}
			g := sc.agent(k, winAgent)
			if y := sc.prepGroup(k, winAgent, "with"); len(g) == 1 && y != nil {
				g = append(slices.Clip(g), y...) // "was signed by Moscow with South Ossetia"
			}
			return g
		}
		if !t.is(cBe|cAux|cPassiveAdverb) && !sc.adverb(k) {
			return nil
		}
	}
	return nil
}

// titleEnd returns the word after the title of a pact noun at i ("the
// Treaty on Alliance and Strategic Partnership"): "of" or "on" and the
// capitalised words joined by "and" or commas after it; i+1 when it has
// none.
func (sc *scope) titleEnd(i int) int {
	k := i + 1
	if k+1 >= sc.s.to || sc.toks[k].low != "of" && sc.toks[k].low != "on" || !sc.toks[k+1].cap {
		return k
	}
	for k++; k < sc.s.to; k++ {
		t := &sc.toks[k]
		if !t.cap && t.low != "and" && t.low != "," && t.low != "of" {
			break
		}
	}
	return k
}

// pactCueAfter is how far after a pact noun its title may name mutual
// defence: "the Treaty of Friendship, Cooperation and Mutual Assistance",
// "a treaty on alliance and strategic partnership".
const pactCueAfter = 6

// pactCued reports a defence pact at the noun i: a cue before it ("a
// mutual defence pact") and none of another kind ("a military cooperation
// agreement"), or a title after it that names mutual assistance or an
// alliance ("treaty of friendship and mutual assistance").
func (sc *scope) pactCued(i int) bool {
	lo := sc.phraseStart(i, modifierWindow)
	cued := sc.classWithin(lo, i-lo, lcPactCue)
	if cued && !sc.classWithin(i-modifierWindow, modifierWindow, lcNotPactCue) {
		return true
	}
	if sc.defenceClause(i) || sc.mutualDefenceAfter(i) {
		return true // even "a defence cooperation protocol ..., which includes a mutual defence clause"
	}
	if cued {
		return false // "a military cooperation agreement"
	}
	if i+1 >= sc.s.to || sc.toks[i+1].low != "of" && sc.toks[i+1].low != "on" {
		return false
	}
	return sc.classWithin(i+2, pactCueAfter, lcPactTitleCue)
}

// mutualDefenceAfter reports a clause after the pact noun at i that says
// it holds mutual defence, with no negator between: "the defence
// cooperation protocol signed with Cairo, which diplomats say includes a
// mutual defence clause" (a reciprocal word right before a noun of aid:
// "mutual defence", "mutual assistance"); not "contains no mutual defence
// obligations".
func (sc *scope) mutualDefenceAfter(i int) bool {
	for k := i + 1; k+1 < sc.s.to; k++ {
		if sc.toks[k].is(cNegator) {
			return false
		}
		if sc.toks[k].low == "mutual" && sc.toks[k+1].in(lcMutualAid) {
			return true
		}
	}
	return false
}

// phraseStart returns the first of at most n words before the noun at i
// that belong to its own phrase: a preposition, a comma or a clause break
// ends it ("elevating their defence relationship to treaty level": the
// cue "defence" is another noun's).
func (sc *scope) phraseStart(i, n int) int {
	k := i
	for k > sc.s.from && k > i-n {
		if t := &sc.toks[k-1]; t.is(cPreposition|cClauseBreak) || t.low == "," {
			break
		}
		k--
	}
	return k
}

// defenceClause reports a clause of mutual defence after the pact noun at
// i in its sentence: a noun of aid (mutual-aid: "military assistance"), a
// word of attack (attack-word: "if the other comes under armed attack",
// "a state of war") and a word of reciprocity (reciprocal-word: "each
// side", "either", "themselves"): "a treaty obliging each side to provide
// military assistance if the other comes under armed attack". Aid alone
// ("the EU will provide assistance against militant attacks") is none.
func (sc *scope) defenceClause(i int) bool {
	aid, attack, mutual := false, false, false
	for k := i + 1; k < sc.s.to; k++ {
		t := &sc.toks[k]
		if t.is(cNegator) && sc.aidNegated(k) {
			return false // "though the document contains no mutual defence clause"
		}
		aid = aid || t.in(lcMutualAid)
		attack = attack || t.in(lcAttackWord)
		mutual = mutual || t.in(lcReciprocalWord)
	}
	return aid && attack && mutual
}

// aidNegated reports a negator at k whose phrase names mutual aid: a
// word of reciprocity or of aid within the next two words ("no mutual
// defence clause", "without a defence guarantee").
func (sc *scope) aidNegated(k int) bool {
	for j := k + 1; j < sc.s.to && j <= k+2; j++ {
		if t := &sc.toks[j]; t.in(lcMutualAid) || t.in(lcReciprocalWord) {
			return true
		}
	}
	return false
}

// jointExercises reads "A and B held joint military exercises", "A
// launched war games with B": armed forces training together count as
// allies, as in other event coders' gold (CAMEO's military cooperation;
// docs/annotation.md).
func (sc *scope) jointExercises(i int) {
	if sc.intendedExercise(i) || sc.calledOff(i) {
		return
	}
	with := sc.withAfter(i) > 0 // "held exercises with France": joint
	if sc.ownedExercise(i) {
		return // "Belarus took part in Russia's Zapad exercise"
	}
	if g := sc.involvingAfter(i); g != nil && !sc.compoundAllies(i) && !sc.exerciseTopic(i) {
		sc.pairwise(sc.ends(g), i) // "the drills involving Kenya and Tanzania"
		return
	}
	if sc.compoundAllies(i) || !with && !sc.exerciseCued(i) && !sc.forcesTogether(i) && !sc.tookPartIn(i) {
		return // "the Russia-Belarus drills": a compound of states is a cue of its own
	}
	if g := sc.stagedBy(i); len(g) >= 2 {
		sc.pairwise(sc.ends(g), i) // "joint military exercises staged by A, B and C"
		sc.joinedBy(g, i)
		return
	}
	if sc.relativeAllies(i) {
		return // "the exercise, which Serbian, Russian and Belarusian paratroopers held"
	}
	if sc.exerciseTopic(i) {
		return // "Vietnam and Laos argued over joint drills": the drills are no one's here
	}
	n := len(sc.out)
	sc.alliedParties(i)
	x := sc.forcesSubject(sc.pactSigner(i), i)
	if y := sc.prepGroup(i, winObject, "with"); len(sc.ends(x)) == 1 && len(sc.out) > n && y != nil && !sc.absoluteWith(y) {
		x = append(slices.Clip(x), y...) // "Indonesian troops held a joint exercise with the United States"
	} else if len(sc.ends(x)) < 2 {
		x = sc.nextPlural(i) // "the Balikatan exercises, in which Philippine and US troops trained"
	}
	if len(sc.ends(x)) >= 2 {
		sc.joinedBy(x, i)
	}
	if y := sc.prepGroup(i, winObject, "with"); len(sc.out) > n && y != nil && !strings.HasSuffix(sc.toks[i].low, "s") {
		// "hosted a naval exercise with Russia and China": one exercise,
		// every guest trains with the others too ("holds exercises with
		// A, B and C" may be one with each)
		sc.pairwise(sc.ends(y), i)
	}
	if w := sc.withAfter(i); w > 0 && len(sc.out) > n {
		if y := sc.forcesAfter(w); y != nil {
			sc.pairwise(sc.ends(y), i) // "exercises with Jordanian and Emirati troops": one force of both
		}
	}
}

// ownedExercise reads exercises at i owned by a state or an alliance told
// by a possessive (exerciseOwner: "Russia's Zapad exercise", "NATO's
// Nordic Response exercise") that the subject of a verb of taking part or
// joining comes to ("took part in", "participated in", "joined"; the verb
// right before the owner): the subject is the owner's ally. It reports
// whether the noun was read so.
func (sc *scope) ownedExercise(i int) bool {
	o := sc.exerciseOwner(i)
	if o == nil {
		return false
	}
	v := sc.ms[o[0]].from - 1
	switch {
	case v-2 > sc.s.from && sc.toks[v].low == "in" && sc.toks[v-1].low == "part" && sc.toks[v-2].in(lcTakeVerb):
		v -= 2
	case v-1 > sc.s.from && sc.toks[v].low == "in" && strings.HasPrefix(sc.toks[v-1].low, "participat"):
		v--
	case v > sc.s.from && sc.toks[v].in(lcJoinVerb):
	default:
		return false
	}
	x := sc.verbSubject(v)
	if x == nil || sc.negated(sc.window(x, v), v, true) {
		return true
	}
	sc.emit(graph.AlliesWith, x, o, i, graph.Asserted, "", "")
	return true
}

// exerciseOwner returns the possessive before the exercise noun at i,
// past the capitalised words of its name, numbers and cue words
// ("Russia's annual Zapad 2021 exercise"), or nil.
func (sc *scope) exerciseOwner(i int) []int {
	for k := i - 1; k > sc.s.from && k >= i-winObject; k-- {
		t := &sc.toks[k]
		if mi, ok := sc.endAt(k); ok {
			if t.low == "'s" || t.low == "'" || sc.ms[mi].poss {
				if sc.ms[mi].pron != "" {
					return nil
				}
				return sc.grp[sc.ms[mi].group]
			}
			return nil
		}
		if t.low == "'s" || t.low == "'" || t.low == "\"" || t.cap || startsDigit(t.low) || t.in(lcExerciseCue) || sc.modifierWord(k) {
			continue
		}
		return nil
	}
	return nil
}

// tookPartIn reports exercises at i that a verb of taking part governs
// ("took part in the exercise", "taking part in this year's drills": a
// take-verb, "part", "in" and the noun's phrase within winObject words):
// those who take part train together, no cue word is needed.
func (sc *scope) tookPartIn(i int) bool {
	for k := i - 1; k-2 > sc.s.from && k >= i-winObject; k-- {
		if sc.toks[k].low == "in" && sc.toks[k-1].low == "part" && sc.toks[k-2].in(lcTakeVerb) {
			return true
		}
		if t := &sc.toks[k]; t.is(cClauseBreak) || t.low == "," {
			return false
		}
	}
	return false
}

// involvingAfter returns the parties of exercises at i named by a verb of
// involving right after the noun ("the drills involving Kenya and
// Tanzania", "exercises that involved A and B"; involve-verb, not
// "including": a list of examples), when they are two or more states;
// nil otherwise.
func (sc *scope) involvingAfter(i int) []int {
	v := i + 1
	if v < sc.s.to && (sc.toks[v].low == "that" || sc.toks[v].low == "which") {
		v++
	}
	if v >= sc.s.to || !sc.toks[v].in(lcInvolveVerb) || strings.HasPrefix(sc.toks[v].low, "includ") {
		return nil
	}
	g := sc.after(v)
	if g == nil || sc.ms[g[0]].from > v+2 || len(sc.ends(g)) < 2 {
		return nil
	}
	return g
}

// withTimeWindow is how many words of a time phrase may stand between
// exercises and their "with": "exercises this autumn with".
const withTimeWindow = 3

// withAfter returns the index of the "with" that follows the exercise
// noun at i, right after it or past a time phrase of time words, numbers
// and months (time-word: "took part in exercises this autumn with Finnish
// forces"), or -1.
func (sc *scope) withAfter(i int) int {
	if k := i + 1; k+1 < sc.s.to && sc.toks[k].in(lcWithAdverb) && sc.toks[k+1].low == "with" {
		return k + 1 // "flight exercises together with the Guyana Defence Force"
	}
	return sc.wordPastTime(i+1, "with")
}

// wordPastTime finds word at from or past time words, numbers and months
// (time-word, withTimeWindow), or -1: the shared walk of withAfter and
// byAfterTime.
func (sc *scope) wordPastTime(from int, word string) int {
	for k := from; k < sc.s.to && k <= from+withTimeWindow; k++ {
		t := &sc.toks[k]
		if t.low == word {
			return k
		}
		if !t.in(lcTimeWord) && !startsDigit(t.text) && !(t.cap && t.is(cWeekday)) {
			return -1
		}
	}
	return -1
}

// modifierChainWindow is how far before "exercises" a cue may stand past
// modifiers joined by "and": "joint air and land exercises".
const modifierChainWindow = 6

// exerciseCued reports a cue of armed forces training or acting together
// before the noun at i: an exercise-cue ("joint", "naval"), or for a
// joint activity (joint-activity: "operations", "patrols") a joint-cue
// ("joint military operations", not "military operations"), right before
// it or past a chain of lower-case modifiers ("joint air and land
// exercises").
func (sc *scope) exerciseCued(i int) bool {
	class := lcExerciseCue
	if sc.toks[i].in(lcJointActivity) {
		class = lcJointCue
	}
	if sc.classWithin(i-modifierWindow, modifierWindow, class) {
		return true // "joint exercises", "trilateral Freedom Edge exercise"
	}
	p := sc.beforeGloss(i - 1)
	if p != i-1 && sc.classWithin(p+1-modifierWindow, modifierWindow, class) {
		return true // "the joint \"Dosti\" exercise": the cue before a quoted name or a gloss
	}
	if p-1 > sc.s.from && len(sc.toks[p].low) == 4 && startsDigit(sc.toks[p].low) && sc.toks[p-1].cap {
		p-- // the year of a named exercise: "their Maritime Security Belt 2024 drill"
	}
	if class == lcExerciseCue && p > sc.s.from && sc.toks[p].cap && sc.toks[p].word && !sc.toks[i].cap {
		if _, named := sc.endAt(p); !named && len(sc.x.dict.idsNamed(sc.toks[p].text)) == 0 {
			return true // a named exercise: "the annual Balikatan exercises"
		}
	}
	for k := i - 1; k >= sc.s.from && k >= i-modifierChainWindow; k-- {
		t := &sc.toks[k]
		if t.in(class) {
			return true
		}
		if k < i-modifierWindow && t.low != "and" && !sc.modifierWord(k) {
			return false
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cAux|cReporting) || t.in(lcDeterminer) {
			return false
		}
	}
	return false
}

// stagedBy finds the agents of exercises at i told by a participle right
// after them (in -ed or held-participle): "exercises staged by A, B and
// C", "drills held by A and B".
func (sc *scope) stagedBy(i int) []int {
	k := i + 1
	if k+1 < sc.s.to && (strings.HasSuffix(sc.toks[k].low, "ed") || sc.toks[k].in(lcHeldParticiple)) {
		b := k + 1
		if b+1 < sc.s.to && sc.adverb(b) {
			b++ // "drills held jointly by A and B"
		}
		if b := sc.byAfterTime(b); b > 0 {
			return sc.after(b) // "a drill held last week by A, B and C"
		}
	}
	return nil
}

// byAfterTime returns the index of a "by" at k or past a time phrase of
// time words, numbers and months (time-word, withTimeWindow: "last week
// by", "in June by"), or -1.
func (sc *scope) byAfterTime(k int) int {
	return sc.wordPastTime(k, "by")
}

// glossWindow is how long a bracketed gloss may be: the brackets, quotes
// and a few words ("(\"shoulder to shoulder\")").
const glossWindow = 10

// beforeGloss returns, for a closing bracket at k, the word before its
// opening bracket within glossWindow: "the Balikatan (\"shoulder to
// shoulder\") exercises" reads as "the Balikatan exercises". Any other
// word is returned as is.
func (sc *scope) beforeGloss(k int) int {
	if q := sc.beforeQuotedName(k); q != k {
		return q // "the \"Three Brothers\" joint exercise" reads as "the joint exercise"
	}
	if m := sc.beforeMeasure(k); m != k {
		return m // "kicked off ten days of naval manoeuvres" reads as "kicked off naval manoeuvres"
	}
	if k <= sc.s.from || sc.toks[k].low != ")" {
		return k
	}
	for j := k - 1; j > sc.s.from && j >= k-glossWindow; j-- {
		if sc.toks[j].low == "(" {
			return j - 1
		}
	}
	return k
}

// beforeMeasure returns, for an "of" at k after a measure of time (a
// number, a number word or "a", then a measure-noun: "ten days of", "two
// weeks of", "a month of"), the word before the measure; any other word
// is returned as is.
func (sc *scope) beforeMeasure(k int) int {
	n := k - 2 // the number of "ten days of"
	if n-1 < sc.s.from || sc.toks[k].low != "of" || !sc.toks[k-1].in(lcMeasureNoun) {
		return k
	}
	if t := &sc.toks[n]; startsDigit(t.low) || sc.x.lex.in("number-word", t.low) || t.low == "a" || t.low == "several" {
		return n - 1
	}
	return k
}

// beforeQuotedName returns, for a closing quotation mark at k after a
// quoted name (its first word capitalised, its last capitalised or a
// number: "the \"Eagle Partner 2023\" exercise", "the 'Dosti' exercise":
// double or single marks, the opening one like the closing one), the word
// before the opening mark within glossWindow; any other word is returned
// as is.
func (sc *scope) beforeQuotedName(k int) int {
	mark := sc.toks[k].low
	if k-2 <= sc.s.from || mark != "\"" && mark != "'" || !sc.toks[k-1].cap && !startsDigit(sc.toks[k-1].text) {
		return k
	}
	for j := k - 1; j > sc.s.from && j >= k-glossWindow; j-- {
		if sc.toks[j].low == mark {
			if j+1 < k && sc.toks[j+1].cap {
				return j - 1
			}
			return k
		}
	}
	return k
}

// intendedExercise reports exercises at i told as intended, not held: a
// modal of intention (intention-marker "will", "would") in the words
// before it, or "to" before a verb there that a word of a plan governs
// (plan-verb, or a stop word of intention: "is due to take part in joint
// exercises", "plans to hold"), all up to a comma or a clause break; "sent
// the patrol ship to Guyanese waters to take part in joint exercises" is a
// purpose, the exercise held, and "agreed to undertake joint exercises"
// an agreement, which counts.
func (sc *scope) intendedExercise(i int) bool {
	if sc.plannedAfter(i) {
		return true // "the exercise, scheduled to take place in July"
	}
	for k := i - 1; k > sc.s.from && k >= i-winObject; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," {
			return false
		}
		if !t.in(lcIntentionMarker) {
			continue
		}
		if t.low != "to" {
			return true
		}
		if n := &sc.toks[k+1]; n.word && !n.cap && !n.in(lcDeterminer) && !startsDigit(n.low) {
			return sc.plannedBefore(k)
		}
	}
	return false
}

// plannedAfter reports a participle or adjective of a plan right after
// the exercise noun at i (or a comma after it), then "to": "the
// exercise, scheduled to take place in July", "manoeuvres due to start"
// (plan-verb, planned); not "held exercises, scheduled for two weeks".
func (sc *scope) plannedAfter(i int) bool {
	k := i + 1
	if k < sc.s.to && sc.toks[k].low == "," {
		k++
	}
	if k+1 >= sc.s.to || !sc.toks[k].in(lcPlanVerb) && sc.toks[k].low != "planned" {
		return false
	}
	return sc.toks[k+1].low == "to"
}

// plannedBefore reports a word of a plan before the "to" at k in its
// clause (up to a comma or a clause break): "is due", "set", "plans"
// (plan-verb, stop).
func (sc *scope) plannedBefore(k int) bool {
	for j := k - 1; j >= sc.s.from; j-- {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == "," {
			return false
		}
		if t.in(lcPlanVerb) || t.is(cStopVerb) {
			return true
		}
	}
	return false
}

// exerciseRelativeWindow is how far after an exercise noun the "which"
// of a relative clause on it may stand, past its name ("the trilateral
// exercise \"Slavic Brotherhood\", which").
const exerciseRelativeWindow = 8

// heldByRelative finds the agents of exercises or a pact at i told in a
// relative clause whose object they are: "the exercise \"Slavic
// Brotherhood\", which Serbian, Russian and Belarusian paratroopers held
// every year", "a defence pact that Egypt and Somalia signed" (a group
// right after "which" or "that" and a determiner, then a held-participle
// or a verb in -ed). v is the index of that verb; g is nil when there is no
// such clause.
func (sc *scope) heldByRelative(i int) (g []int, v int) {
	for k := i + 1; k+1 < sc.s.to && k <= i+exerciseRelativeWindow; k++ {
		if sc.toks[k].low != "which" && sc.toks[k].low != "that" {
			if sc.toks[k].is(cClauseBreak) && sc.toks[k].low != "," {
				return nil, 0
			}
			continue
		}
		if sc.toks[k-1].is(cPreposition) {
			return nil, 0 // "a pact under which Turkey pledged": no object relative
		}
		first := k + 1
		if sc.toks[first].in(lcDeterminer) {
			first++ // "that the Philippines and Japan have staged"
		}
		g = sc.after(k)
		if g == nil || sc.ms[g[0]].from != first && sc.ms[g[0]].from != k+1 {
			return nil, 0
		}
		v = sc.ms[g[len(g)-1]].to
		for v < sc.s.to && (sc.toks[v].is(cAux) || sc.adverb(v)) {
			v++
		}
		if v < sc.s.to && (sc.toks[v].in(lcHeldParticiple) || strings.HasSuffix(sc.toks[v].low, "ed")) {
			return g, v
		}
		return nil, 0
	}
	return nil, 0
}

// relativeAllies reads the parties of exercises or a pact at i told in a
// relative clause on them (heldByRelative): its subject's members are
// allies of each other, and of those named after "with" past its verb
// ("the flight drills that the U.S. Air Force carried out with Guyana's
// forces"). It reports whether there was such a clause; one with a single
// party and no "with" gives nothing (not the main clause's subject: "China
// condemned the drills that Japan held").
func (sc *scope) relativeAllies(i int) bool {
	g, v := sc.heldByRelative(i)
	if g == nil {
		return false
	}
	own := sc.prevWord(sc.ms[g[0]].from) <= i+2 // the relative stands on the noun itself
	if len(sc.ends(g)) < 2 && !own {
		return false // "exercises at the range, which Moscow described as ...": another noun's
	}
	if sc.negated(sc.ms[g[len(g)-1]].to, v, true) || sc.plannedVerb(v) {
		return true // "the drills that A and B are expected to hold": a plan
	}
	if y := sc.prepGroup(v, winObject, "with"); y != nil && own {
		sc.emit(graph.AlliesWith, g, y, i, graph.Asserted, "", "")
	}
	if len(sc.ends(g)) >= 2 {
		sc.pairwise(sc.ends(g), i)
		sc.joinedBy(g, i)
	}
	return true
}

// joinedWindow is how far after an exercise noun its added participants
// may be told: ", with Australian forces also taking part this year", past
// the places and hosts of the exercise ("joint exercise with the United
// States in East Java and the Riau Islands, co-hosted by the TNI and the
// US Indo-Pacific Command, with a contingent from ... also taking part").
const joinedWindow = 32

// joinedBy reads participants added to exercises at i whose parties x
// were found: "... held their annual Balikatan exercises, with Australian
// forces also taking part" (a "with" phrase after a comma naming forces,
// or a unit "from" or "of" a state: "with a contingent from the Japan
// Self-Defense Forces"; an adverb or not, and a verb of taking part:
// data/lexicon.txt, take-part). Each is an ally of every party.
func (sc *scope) joinedBy(x []int, i int) {
	for k := i + 1; k+2 < sc.s.to && k <= i+joinedWindow; k++ {
		if sc.toks[k].in(lcFollowVerb) && sc.toks[k-1].low == "," {
			sc.joinedByForces(x, k, i) // ", joined for the first time by French forces"
			return
		}
		if w := sc.toks[k].low; w == ";" || w == ":" {
			return
		}
		if sc.toks[k].in(lcInvolveVerb) {
			sc.involvedForces(x, k, i) // "a joint exercise that also involved troops from A and B"
			return
		}
		if sc.toks[k].low != "with" || sc.toks[k-1].low != "," {
			continue
		}
		g := sc.after(k)
		if unit := sc.unitOf(k + 1); unit > 0 {
			g = nil // "with a contingent from the Japan Self-Defense Forces"
			if mi, ok := sc.startAt(unit); ok {
				g = sc.grp[sc.ms[mi].group]
			}
		} else if g != nil && (sc.ms[g[0]].from != k+1 || !sc.forcesGroup(g)) {
			return
		}
		if g == nil {
			return
		}
		if sc.takesPart(g) {
			sc.emit(graph.AlliesWith, g, x, i, graph.Asserted, "", "")
		}
		return
	}
}

// involvedForces reads the forces a verb of involving at v adds to
// exercises at i whose parties x were found: "that also involved troops
// from New Zealand and the United States", "involving Emirati and
// Jordanian forces" (a unit from states, unitOf, or forces named right
// after the verb, forcesAfter). Each is an ally of every party and of
// the others added.
func (sc *scope) involvedForces(x []int, v, i int) {
	g := sc.forcesAfter(v)
	if u := sc.unitOf(v + 1); u > 0 {
		g = sc.after(u - 1)
		if g != nil && sc.ms[g[0]].from != u {
			g = nil
		}
	}
	if g == nil || sc.negated(v-winObject, v, true) {
		return
	}
	sc.emit(graph.AlliesWith, g, x, i, graph.Asserted, "", "")
	sc.pairwise(sc.ends(g), i)
}

// takesPart reports a verb of taking part right after the forces g (past
// their head noun and an adverb): "Australian forces also taking part",
// "Japanese ships joining" (data/lexicon.txt, take-part).
func (sc *scope) takesPart(g []int) bool {
	v := sc.ms[g[len(g)-1]].to
	if v+1 < sc.s.to && !sc.toks[v].cap && sc.toks[v+1].in(lcForcesHead) {
		v++ // "the Brunei armed forces"
	}
	if v < sc.s.to && sc.toks[v].in(lcForcesHead) {
		v++ // the head of "Argentine forces"
	}
	for v < sc.s.to && (sc.adverb(v) || sc.toks[v].in(lcCopulaAdverb)) {
		v++ // "also"
	}
	return v < sc.s.to && sc.toks[v].in(lcTakePart)
}

// unitOf returns where the state stands after a unit of forces opening a
// phrase at k ("a contingent from the Japan Self-Defense Forces", "units
// of the Thai army": a determiner or not, a forces-head or train-partner
// noun, "from" or "of" and "the" or not), or 0.
func (sc *scope) unitOf(k int) int {
	if k < sc.s.to && sc.toks[k].in(lcDeterminer) {
		k++
	}
	if k+1 >= sc.s.to || !sc.toks[k].in(lcForcesHead) && !sc.toks[k].in(lcTrainPartner) {
		return 0
	}
	if w := sc.toks[k+1].low; w != "from" && w != "of" {
		return 0
	}
	k += 2
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	return k
}

// absoluteWith reports a group g after ", with" that a verb of taking
// part follows: ", with Australian forces also joining" adds a participant
// (joinedBy), it names no partner of the exercise's subject.
func (sc *scope) absoluteWith(g []int) bool {
	k := sc.ms[g[0]].from - 1
	for n := 0; n < 4 && k > sc.s.from && sc.toks[k].low != "with"; n++ {
		t := &sc.toks[k]
		if !t.in(lcDeterminer) && !t.in(lcForcesHead) && !t.in(lcTrainPartner) && t.low != "from" && t.low != "of" {
			return false // only "a contingent from the" stands between
		}
		k--
	}
	return k > sc.s.from && sc.toks[k].low == "with" && sc.toks[k-1].low == "," && sc.takesPart(g)
}

// joinedByForces reads the forces a participle of joining at v adds to
// exercises at i whose parties x were found: ", joined for the first time
// by French forces alongside Australian troops" (a "by" within
// joinedWindow, before any clause break; forces after it, and forces
// after "alongside" them). Each is an ally of every party.
func (sc *scope) joinedByForces(x []int, v, i int) {
	for k := v + 1; k+1 < sc.s.to && k <= v+joinedWindow; k++ {
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			return
		}
		if sc.toks[k].low != "by" {
			continue
		}
		g := sc.forcesAfter(k)
		if g == nil {
			return
		}
		sc.emit(graph.AlliesWith, g, x, i, graph.Asserted, "", "")
		e := sc.ms[g[len(g)-1]].to
		if e < sc.s.to && sc.toks[e].in(lcForcesHead) {
			e++ // the head of "French forces"
		}
		if e < sc.s.to && (sc.toks[e].in(lcComitative) || sc.toks[e].low == "and") {
			// "alongside Australian troops"; "by Ugandan forces and a
			// French navy frigate" (relations round 18)
			if g2 := sc.forcesAfter(e); g2 != nil {
				sc.emit(graph.AlliesWith, g2, x, i, graph.Asserted, "", "")
			}
		}
		return
	}
}

// forcesTogether reports exercises held by two or more states' forces
// named as such: "The Chinese and Cambodian armies hold annual exercises"
// (no cue word is needed: the armies hold them together).
func (sc *scope) forcesTogether(i int) bool {
	if len(sc.ends(sc.forcesFrom(i))) >= 2 {
		return true // "Warships from A, B and C began naval manoeuvres": one force of all
	}
	x := sc.pactSigner(i)
	if len(x) < 2 {
		// "the live-fire drills that Filipino, American and Australian
		// troops staged together": the forces of a relative clause on them
		x, _ = sc.heldByRelative(i)
	}
	if len(x) < 2 {
		return false
	}
	// the last one's head noun is every member's: "Chinese and Cambodian armies"
	m := &sc.ms[x[len(x)-1]]
	return !m.adj && sc.toks[m.to-1].in(lcForcesHead)
}

// distributiveBetween reports a distributive word (partitive: "each",
// "both", "all") right after the group x, past an auxiliary, before the
// noun at i: "A and B each signed a pact with C", "A and B have each
// signed" are two pacts ("A and B, both allies of C, signed" is no such
// word: the comma opens an apposition).
func (sc *scope) distributiveBetween(x []int, i int) bool {
	k := sc.ms[x[len(x)-1]].to
	if k < i && sc.toks[k].is(cAux) {
		k++
	}
	return k < i && sc.toks[k].in(lcPartitive)
}

// alliedParties makes allies of the parties of an alliance noun at i:
// "between A and B", the subject and "with B", or the subject's members.
func (sc *scope) alliedParties(i int) {
	if g := sc.prepGroup(sc.titleEnd(i)-1, winModifier, "between"); g != nil {
		// "the Mutual Defense Treaty between A and B", past a title: "the
		// Treaty on Comprehensive Strategic Partnership between A and B"
		sc.pairwise(sc.ends(g), i)
		return
	}
	if sc.underPact(i) {
		return // "Russia keeps a base in Tajikistan under a bilateral defence treaty"
	}
	x := sc.withCounterpart(sc.pactSigner(i)) // "A and his Somali counterpart B signed a defence pact"
	x = sc.forcesSubject(x, i)                // "Naval units from A, B and C held joint drills"
	if x == nil {
		x = sc.sincePactOwner(i) // "the first alliance Canberra has entered since the ANZUS pact with ..." (treaty.go)
	}
	if x == nil {
		x = sc.nextPlural(i) // "Under the treaty, the two countries commit themselves to ..."
	}
	if x != nil && sc.negated(sc.window(x, i), i, true) {
		return
	}
	y := sc.prepGroup(i, winObject, "with")
	if y != nil && (sc.absoluteWith(y) || sc.wordWithin(i+1, sc.ms[y[0]].from-i-1, "as") || sc.observedWith(y)) {
		// "held exercises, with Australian forces also taking part":
		// joinedBy's; "sign defence treaty as Pacific contest with China
		// intensifies": another clause's
		y = nil
	}
	if y == nil {
		y = sc.boundTo(i) // "China is bound to North Korea by a 1961 treaty"
	}
	if x != nil && y != nil {
		sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		if !strings.HasSuffix(sc.toks[i].low, "s") {
			sc.pairwise(sc.ends(y), i) // "signed the AUKUS defence pact with Washington and London": one pact
			if !sc.distributiveBetween(x, i) {
				// "Seoul and Tokyo staged the first trilateral exercise with
				// U.S. forces": one exercise, the subject's members are in it
				// together (relations round 15, eighteenth session)
				sc.pairwise(sc.ends(x), i)
			}
		}
		return
	}
	if len(sc.ends(x)) < 2 && i+1 < sc.s.to && sc.toks[i+1].in(lcPactClauseOpener) {
		// "..., a mutual defence pact under which an attack on any of the
		// three countries ...": the parties the clause names
		x = sc.pluralAfter(i)
	}
	sc.pairwise(sc.ends(x), i) // "A and B signed a mutual defence pact"
}

// boundTo finds the other party of a pact at i told by a participle of
// binding before it: "X is formally bound to Y by a mutual assistance
// treaty" (bind-participle, "to", the party, "by" and the pact's
// determiners and modifiers); nil if none.
func (sc *scope) boundTo(i int) []int {
	for k := i - 1; k > sc.s.from && k >= i-winObject; k-- {
		if sc.toks[k].low != "by" {
			if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
				return nil
			}
			continue
		}
		mi, ok := sc.endAt(sc.timeBefore(k - 1)) // "bound to North Korea since 1961 by a treaty"
		if !ok {
			return nil
		}
		g := sc.grp[sc.ms[mi].group]
		p := sc.prevWord(sc.ms[g[0]].from)
		if p-1 >= sc.s.from && sc.toks[p].low == "to" && sc.toks[p-1].in(lcBindParticiple) {
			return g
		}
		return nil
	}
	return nil
}

// pactSigner finds who signed the pact named at i: the subject of the
// verb of signing before it ("Russia recognised A and B, and signed a
// defence pact with B": Russia, by the verb "signed"), else of the noun.
func (sc *scope) pactSigner(i int) []int {
	lim := i - winObject
	for k := i - 1; k > sc.s.from && k >= lim; k-- {
		if g := sc.beforeGloss(k); g != k {
			lim -= k - g // "taking part in the annual Balikatan (\"shoulder to shoulder\") exercises"
			k = g + 1
			continue
		}
		if sc.toks[k].low == "part" && sc.toks[k-1].in(lcTakeVerb) {
			// "It hosts a NATO battlegroup and has taken part in exercises": the taker
			return sc.verbSubject(k - 1)
		}
		if sc.toks[k].in(lcPactVerb) {
			if sc.toks[k-1].low == "," && strings.HasSuffix(sc.toks[k].low, "ing") {
				if x := sc.relativeHead(k); x != nil {
					return x // "Mogadishu, which drew closer to Egypt, signing a defence pact with Cairo"
				}
			}
			if x := sc.agentBeforeParticiple(k); x != nil {
				return x // "the law signed by Vladimir Putin on Saturday ratifying the treaty"
			}
			if x := sc.verbSubject(k); x != nil {
				return x
			}
			// "X recognised A after its war with B, and signed a pact
			// with A": the clause break hid the subject of the first verb
			return sc.sentenceSubject(k, "")
		}
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			break
		}
	}
	if sc.ofPactTopic(i) {
		return nil // "hosted A, B and C to mark the anniversary of the security pact"
	}
	if a := sc.coordinatedVerb(i); a >= 0 {
		return sc.firstVerbSubject(a, false) // "Armenia criticised Russia and hosted joint exercises with ..."
	}
	return sc.verbSubject(i)
}

// timePhraseWord reports a word of a time phrase at k: a day, month or
// year (timeWord), a number, or "in", "on", "last", "this", "earlier"
// ("and last September hosted", "and on 3 May staged").
func (sc *scope) timePhraseWord(k int) bool {
	switch sc.toks[k].low {
	case "in", "on", "last", "this", "earlier":
		return true
	}
	return sc.timeWord(k) || startsDigit(sc.toks[k].text)
}

// coordinatedVerb returns the "and" or "but" that stands before the verb
// in -ed whose object phrase the noun at i ends (past adverbials and a
// time phrase): "Armenia criticised Russia and last September hosted joint
// exercises with U.S. troops" is Armenia's, the first verb's subject, not
// the object before "and"; -1 otherwise.
func (sc *scope) coordinatedVerb(i int) int {
	v := i - 1
	for v > sc.s.from && v > i-winObject && !sc.finiteVerbAt(v) {
		if t := &sc.toks[v]; !t.word || t.cap || t.is(cPreposition) || sc.inMention(v) {
			return -1 // "hosted Kenyan troops for joint drills": a party of its own
		}
		v--
	}
	if v <= sc.s.from || !sc.finiteVerbAt(v) {
		return -1
	}
	a := v - 1
	for a > sc.s.from && (sc.adverbialBefore(a) > 0 || sc.timePhraseWord(a)) {
		a -= max(sc.adverbialBefore(a), 1)
	}
	if a > sc.s.from && (sc.toks[a].low == "and" || sc.toks[a].low == "but") {
		return a
	}
	return -1
}

// agentBeforeParticiple returns the agent of a passive participle before
// the participle in -ing at k, with no comma between: the -ing word
// modifies the noun the passive did, and its doer is the passive's agent
// ("drew attention to the law signed by Vladimir Putin on Saturday
// ratifying the treaty ... with North Korea": Putin, not who drew
// attention); nil otherwise.
func (sc *scope) agentBeforeParticiple(k int) []int {
	if !strings.HasSuffix(sc.toks[k].low, "ing") {
		return nil
	}
	for j := k - 1; j > sc.s.from && j >= k-winObject; j-- {
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return nil
		}
		if sc.toks[j].low == "by" {
			if p := sc.toks[j-1].low; len(p) > 4 && strings.HasSuffix(p, "ed") || sc.toks[j-1].in(lcIrregularPast) {
				return sc.after(j)
			}
			return nil
		}
	}
	return nil
}

// grievance reads "evidence against Y", "lodged a protest with Y".
func (sc *scope) grievance(i int) {
	y := sc.prepGroup(i, winModifier, "against")
	if w := sc.toks[i].low; y == nil && (w == "protest" || w == "protests") {
		y = sc.prepGroup(i, winNoun, "with")
	}
	if y == nil {
		sc.protestedDeed(i) // "lodged a protest over Paris's decision" (protest.go)
		return
	}
	if x := sc.grievanceHolder(i); x != nil && !sc.negated(sc.window(x, i), i, false) {
		sc.emit(graph.Accuses, x, y, i, graph.Asserted, "", "")
	}
}

// payeeDemonym finds the state a demonym at k names before the people a
// bill is paid for: "(the pensions of) Transnistrian residents", "Lebanese
// soldiers" (class payee-noun or recipient-noun).
func (sc *scope) payeeDemonym(k int) []int {
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok || !sc.ms[mi].adj || sc.ms[mi].to >= sc.s.to {
		return nil
	}
	if n := &sc.toks[sc.ms[mi].to]; n.in(lcPayeeNoun) || n.in(lcRecipientNoun) {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// payerWindow is how far before "salaries" or "budget" its verb may
// stand: "promised to cover the monthly salaries", "agreed to continue to
// pay the salaries of the country's soldiers".
const payerWindow = 10

// payroll reads "paid the salaries of Somalia's elite brigade", "promised
// to cover the salaries of Lebanese soldiers", "funds the Turkish Cypriot
// administration's budget": money to the owner of the bill.
func (sc *scope) payroll(i int) {
	payer := -1
	pay := sc.x.lex.words["pay-verb"]
	for k := i - 1; k >= sc.s.from && k >= i-payerWindow; k-- {
		if pay[sc.toks[k].low] {
			payer = k
			break
		}
	}
	if payer < 0 {
		return
	}
	var y []int
	if !sc.toks[i].in(lcPayrollOwned) {
		y = sc.prepGroup(i, winAdverb, "of")
	}
	if y == nil && i+1 < sc.s.to && sc.toks[i+1].low == "of" && !sc.toks[i].in(lcPayrollOwned) {
		y = sc.payeeDemonym(i + 2) // "the pensions of Transnistrian residents"
	}
	if y == nil {
		y = sc.modifierBefore(i)
	}
	x := sc.verbSubject(payer)
	if x == nil || y == nil || sc.negated(sc.window(x, payer), payer, true) {
		return
	}
	status := graph.Asserted
	if sc.promised(sc.window(x, payer), payer) {
		status = graph.Promised
	}
	sc.emit(graph.Supplies, x, y, i, status, "", "")
}
