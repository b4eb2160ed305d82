package extract

// This file reads alliances: "X and Y are allies", "X is one of Y's allies",
// "X, a key Y ally", "an alliance with Y", "a mutual defence pact".

import (
	"slices"
	"strings"

	"geokg/graph"
)

func (sc *scope) allies(i int, t trig) {
	w := sc.toks[i].low
	if sc.toks[i].in(lcDefendVerb) {
		sc.pledgedDefence(i) // "Russia committed to defend Abkhazia" (treaty.go)
		return
	}
	if sc.alliedReference(i) {
		return // "The two allied states held ..."
	}
	switch {
	case t.pos == verbPast || t.pos == verbBase || t.pos == verbGer:
		sc.alliedVerb(i)
	case i+1 < sc.s.to && (sc.toks[i+1].low == "'s" || sc.toks[i+1].low == "'"):
		// "the alliance's border": a possessor, not a relation
	case w == "alliance" || w == "alliances":
		sc.allianceNoun(i)
	case sc.pastAlly(i):
		// "a former ally of France", "once called Niamey a key ally": a tie that has ended
	case sc.regardedAsAlly(i):
	default:
		sc.allyNoun(i)
	}
}

// alliedVerb reads "X allied itself with Y", "X and Y are allied";
// "allied forces" is no relation.
func (sc *scope) alliedVerb(i int) {
	y := sc.prepGroup(i, winAdverb, "with")
	x := sc.verbSubject(i)
	if x == nil || sc.negated(sc.window(x, i), i, true) {
		return
	}
	if y != nil {
		sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		return
	}
	if ends := sc.ends(x); len(ends) >= 2 && sc.toks[i].low == "allied" && sc.copulaBetween(x, i) {
		sc.pairwise(ends, i) // "The DPRK and Russia are firmly allied"
	}
}

// allianceNoun reads "the alliance between A and B", "X's alliance with
// Y".
func (sc *scope) allianceNoun(i int) {
	if sc.compoundAllies(i) {
		return // "the US-Japan alliance"
	}
	if sc.allianceOf(i) {
		return // "the AUKUS alliance of A, B and C", "the alliance between A, B and C"
	}
	if g := sc.prepGroup(i, winModifier, "between"); g != nil && len(g) >= 2 {
		sc.emit(graph.AlliesWith, g[:1], g[1:], i, graph.Asserted, "", "")
		return
	}
	y := sc.prepGroup(i, winNoun, "with")
	if y != nil && sc.companionWith(y, i) {
		y = nil // "Sweden applied for membership of the alliance together with Finland"
	}
	x := sc.modifierBefore(i)
	if x == nil {
		x = sc.subject(i, sc.s.from)
	}
	if x != nil && y != nil && !sc.negated(sc.window(x, i), i, false) {
		sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		return
	}
	if x != nil && y == nil && sc.boundBetween(x, i) {
		sc.pairwise(sc.ends(x), i) // "the two countries are now bound by an alliance"
	}
}

// companionWith reports a "with" group y after the alliance noun at i
// that a with-adverb opens ("together with", "along with") when the noun
// is "the alliance", one already named: "Sweden applied for membership of
// the alliance together with Finland" tells who else applied, not an
// alliance of Sweden with Finland ("formed an alliance together with
// Australia" keeps it).
func (sc *scope) companionWith(y []int, i int) bool {
	p := sc.prevWord(sc.ms[y[0]].from)
	if p-1 <= i || sc.toks[p].low != "with" || !sc.toks[p-1].in(lcWithAdverb) {
		return false
	}
	return i-1 >= sc.s.from && sc.toks[i-1].low == "the"
}

// boundBetween reports a subject of two or more actors joined to the
// alliance noun at i by a copula or a verb of binding and no other verb:
// "A and B are in an alliance", "the two countries are now bound by an
// alliance" (allies-link, regard-verb, prepositions, determiners,
// adverbs), not negated.
func (sc *scope) boundBetween(x []int, i int) bool {
	if len(sc.ends(x)) < 2 {
		return false
	}
	xe := sc.ms[x[len(x)-1]].to
	linked := false
	for k := xe; k < i; k++ {
		t := &sc.toks[k]
		switch {
		case t.in(lcAlliesLink) || t.in(lcRegardVerb) && !strings.HasSuffix(t.low, "s"):
			linked = true
		case t.is(cAux|cBe|cPassiveAdverb) || t.in(lcRelativeAdverb) || t.in(lcDeterminer) || t.low == "by" || t.low == "in" || strings.HasSuffix(t.low, "ly"):
		default:
			return false
		}
	}
	return linked && !sc.negated(xe, i, false)
}

// allyNoun reads "ally" and "allies": "X is one of Y's allies", "X, a key
// Y ally", "its ally Moscow", "X and Y are allies".
func (sc *scope) allyNoun(i int) {
	if sc.blocAllies(i) || sc.politicalAlly(i) || sc.countedAmong(i) || sc.designatedAlly(i) || sc.countedDiplomaticAllies(i) {
		return
	}
	y := sc.subjectOwner(sc.allyOwner(i), i)
	if x := sc.otherAllies(i, y); x != nil {
		if y = sc.otherOwner(x, y); y != nil {
			sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "") // "stand by Lithuania and its other allies"
		}
		return
	}
	x := sc.allyHolder(i, y)
	if l := sc.listedAllies(i); l != nil && y != nil && sc.ms[y[0]].from < i {
		x = l // "Taiwan's remaining allies include A, B and C"
	} else if x != nil && sc.ms[x[0]].from < i && sc.nounVerbNext(i) {
		return // "as the United States and its European allies announced": the noun heads a subject
	}
	if y != nil && x != nil && sc.first(x) == sc.first(y) {
		y = sc.ownerBeforeHolder(x, y)
		if y == nil {
			x = nil
		}
	}
	if y == nil && x != nil && sc.copulaBetween(x, i) {
		if ends := sc.ends(x); len(ends) >= 2 && !sc.negated(sc.window(x, i), i, false) {
			sc.pairwise(ends, i)
		}
		return
	}
	if x == nil || y == nil {
		return
	}
	if sc.negated(sc.window(x, i), i, false) || !sc.copulaOrApposition(x, i) {
		return
	}
	if sc.diplomaticAlly(y, i) {
		if !sc.pluperfectLink(x, i) {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "") // "Paraguay, one of Taiwan's last diplomatic allies"
		}
		return
	}
	sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
}

// pastAllyWindow is how far before an ally noun a word that puts the tie
// in the past may stand: "a country that once called Niamey a key ally".
const pastAllyWindow = 8

// pastAlly reports a word of a tie that has ended (past-ally: "former",
// "erstwhile", "once", "one-time") before the ally noun at i in its
// clause: "Mali, a former ally of France", "Niger, once a close ally of
// Washington", "a country that once called Niamey a key ally" tell no
// alliance now (docs/annotation.md: no edge for former allies).
func (sc *scope) pastAlly(i int) bool {
	for k := i - 1; k > sc.s.from && k >= i-pastAllyWindow; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," && k < i-1 {
			return false
		}
		if t.in(lcPastAlly) {
			return true
		}
	}
	return false
}

// countedDiplomaticAllies reads a count of diplomatic allies that a
// state has or is left with and the examples after it: "leaves Taiwan
// with only 14 diplomatic allies, among them Guatemala, Paraguay and
// Haiti", "Taiwan now has only three diplomatic allies in the Pacific:
// Palau, the Marshall Islands and Tuvalu", "the Taiwan region is left with
// 12 so-called \"diplomatic allies\", including Paraguay". Each example
// recognises the owner (a diplomatic ally recognises, as "Paraguay, one of
// Taiwan's last diplomatic allies"); a count with no examples gives
// nothing. It reports whether the noun at i was read so.
func (sc *scope) countedDiplomaticAllies(i int) bool {
	if sc.toks[i].low != "allies" {
		return false
	}
	f, counted, diplomatic := i, false, false
	for k := i - 1; k > sc.s.from && k >= i-allyAdjectiveWindow-3; k-- {
		t := &sc.toks[k]
		switch {
		case t.in(lcTiesCue):
			diplomatic = true
		case startsDigit(t.low) || sc.x.lex.count[t.low] > 0:
			counted = true
		case t.low == "\"" || t.in(lcRelativeAdverb) || sc.x.lex.in("count-hedge", t.low) || sc.allyModifier(k):
		default:
			k = sc.s.from // the phrase ends
			continue
		}
		f = k
	}
	if !counted || !diplomatic {
		return false
	}
	y := sc.diplomaticOwner(f - 1)
	if y == nil || sc.negated(max(sc.s.from, f-winPolarity), f, true) {
		return false
	}
	x := sc.countExamples(i)
	if x == nil {
		x = sc.colonExamples(i)
	}
	if x == nil {
		return false
	}
	x = sc.examplesRun(x) // "among them Paraguay in South America, Eswatini in Africa and ..."
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
	return true
}

// diplomaticOwner returns who holds a count of diplomatic allies whose
// phrase ends before the word k: the subject of "has" ("Taiwan now has
// 12"), the object of a verb of leaving before "with" ("leaves Taiwan
// with 12"), the subject of "left with" ("Taipei is left with 13"); nil
// otherwise.
func (sc *scope) diplomaticOwner(k int) []int {
	for k > sc.s.from && (sc.adverb(k) || sc.toks[k].in(lcRelativeAdverb)) {
		k--
	}
	switch w := sc.toks[k].low; {
	case w == "has" || w == "have" || w == "had" || w == "retains":
		return sc.verbSubject(k)
	case w != "with" || k-1 <= sc.s.from:
		return nil
	case sc.x.lex.words["leave-verb"][sc.toks[k-1].low]:
		return sc.verbSubject(k - 1) // "Taipei is now left with 13"
	}
	if mi, ok := sc.endAt(k - 1); ok {
		g := sc.grp[sc.ms[mi].group]
		if p := sc.prevWord(sc.ms[g[0]].from); p >= sc.s.from && sc.x.lex.words["leave-verb"][sc.toks[p].low] {
			return g // "leaves Taiwan with 14"
		}
	}
	return nil
}

// colonExamples returns the states listed after a colon that follows the
// noun at i in its clause, past a region or a count ("12 diplomatic
// allies, three of them in the Pacific: Palau, ..."); nil if none.
func (sc *scope) colonExamples(i int) []int {
	for k := i + 1; k+1 < sc.s.to && k <= i+includingWindow; k++ {
		if sc.toks[k].low == ":" {
			if g := sc.after(k); g != nil && sc.ms[g[0]].from == k+1 {
				return g
			}
			return nil
		}
		if sc.toks[k].is(cClauseBreak | cReporting) {
			return nil
		}
	}
	return nil
}

// pluperfectLink reports "had been" between the holder x and the ally
// noun at i: "The Pacific nation had been Taipei's largest remaining
// diplomatic ally" tells a recognition that has ended (relations round 20).
func (sc *scope) pluperfectLink(x []int, i int) bool {
	for k := sc.ms[x[len(x)-1]].to; k+1 < i; k++ {
		if sc.toks[k].low == "had" && sc.toks[k+1].low == "been" {
			return true
		}
	}
	return false
}

// countedAmong reads a main clause "X counts A and B among its closest
// allies" at the ally noun i: the group before "among" are the
// allies of the regard-verb's subject, which the object-position "its"
// (read as "Serbia recognised its independence": not the subject) missed;
// "Laos, which counts Vietnam among ..." is read by allyHolder. With a
// diplomatic ally ("among its last diplomatic allies") the group
// recognises the subject. It reports whether it read one.
func (sc *scope) countedAmong(i int) bool {
	c := i - 1
	for c > sc.s.from && !sc.toks[c].cap && (sc.allyModifier(c) || sc.toks[c].low == "most") {
		c--
	}
	if c-2 <= sc.s.from || sc.toks[c].low != "its" && sc.toks[c].low != "their" || sc.toks[c-1].low != "among" {
		return false
	}
	mi, ok := sc.endAt(c - 2)
	if !ok || sc.ms[mi].pron != "" || sc.ms[mi].poss || sc.ms[mi].adj {
		return false
	}
	g := sc.grp[sc.ms[mi].group]
	v := sc.prevWord(sc.ms[g[0]].from)
	if v <= sc.s.from || !sc.toks[v].in(lcRegardVerb) || sc.inRelative(v) {
		return false
	}
	x := sc.verbSubject(v)
	if x == nil || sc.negated(sc.window(x, v), v, false) || slices.Contains(sc.ids(g), sc.first(x)) {
		return false
	}
	if sc.diplomaticAlly(x, i) {
		sc.emit(graph.Recognizes, g, x, i, graph.Asserted, "", "")
		return true
	}
	sc.emit(graph.AlliesWith, g, x, i, graph.Asserted, "", "")
	return true
}

// designationWindow is how far before the ally noun of a status the
// holder may end: "Argentina holds since 1998 the status of major
// non-NATO ally", "Kenya was designated as a major non-NATO ally".
const designationWindow = 10

// designationIntentWindow is how far before an active verb of
// designating its negation or intention may stand: "has not yet
// designated", "intends to designate".
const designationIntentWindow = 4

// designatedAlly reads the status of "major non-NATO ally" at the ally
// noun i (status-ally before it): its holder, the last group before it
// ("Washington designated Kenya a major non-NATO ally", "Bahrain was
// designated a major non-NATO ally by Washington", "Argentina holds the
// status of major non-NATO ally of the United States"), is an ally of its
// grantor: the agent after "by", the "of" phrase after the noun, or the
// subject of the verb of designating. An intention ("intends to
// designate") or a negation tells none. It reports whether the noun was
// such a status.
func (sc *scope) designatedAlly(i int) bool {
	if i-1 <= sc.s.from || !sc.x.lex.in("status-ally", sc.toks[i-1].low) {
		return false
	}
	var x []int
	v := -1
	for k := i - 2; k >= sc.s.from && k >= i-designationWindow && x == nil; k-- {
		if mi, ok := sc.endAt(k); ok {
			if g := sc.ms[mi].group; sc.eligible(g) {
				x = sc.grp[g]
			}
			break
		}
		if sc.toks[k].is(cClauseBreak) {
			break
		}
		if strings.HasPrefix(sc.toks[k].low, "designat") {
			v = k
			break // no holder between the verb and the noun: the passive's subject is
		}
	}
	if x == nil && v >= 0 {
		// "Bahrain, which hosts the U.S. Navy's Fifth Fleet and has been
		// designated a major non-NATO ally": the subject of the verb, not
		// the last name before it
		x = sc.verbSubject(v)
	}
	if x == nil {
		return true
	}
	y := sc.agent(i, winAgent)
	if y == nil {
		y = sc.prepGroup(i, winAdjacent+1, "of")
	}
	if y == nil && v < 0 {
		if w := sc.prevWord(sc.ms[x[0]].from); w > sc.s.from && strings.HasPrefix(sc.toks[w].low, "designat") {
			v = w // "Washington designated Kenya a major non-NATO ally"
			y = sc.verbSubject(w)
		}
	}
	lo := sc.ms[x[0]].from
	if v >= 0 && v < lo {
		lo = max(sc.s.from, v-designationIntentWindow) // "intends to designate Qatar", "did not designate"
	}
	if y == nil || sc.negated(lo, i, true) || sc.willOnly(lo, i) || slices.Contains(sc.ids(y), sc.first(x)) {
		return true
	}
	sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
	return true
}

// politicalAlly reports an ally noun at i whose modifiers make it no
// military ally (data/lexicon.txt, political-ally): "a close political
// ally of Morales", "his ideological allies".
func (sc *scope) politicalAlly(i int) bool {
	for k := i - 1; k > sc.s.from && k >= i-allyAdjectiveWindow && !sc.toks[k].cap && (sc.allyModifier(k) || sc.toks[k].in(lcDeterminer)); k-- {
		if sc.toks[k].in(lcPoliticalAlly) {
			return true
		}
	}
	return false
}

// listedAllies returns the actors a plural ally noun at i is said to
// include or to be, right after it: "Y's allies include A, B and C", "Y's
// closest allies are A and B", "Y's allies, including A and B"; nil when
// none.
func (sc *scope) listedAllies(i int) []int {
	k := i + 1
	if k < sc.s.to && sc.toks[k].low == "," {
		k++ // "the United States and its allies, including Australia and Japan"
	}
	if k >= sc.s.to || !strings.HasSuffix(sc.toks[i].low, "s") {
		return nil
	}
	if sc.toks[k].in(lcListVerb) && k == i+1 {
		return sc.after(k)
	}
	if g := sc.after(k); sc.toks[k].in(lcListOpener) && g != nil && sc.ms[g[0]].from <= k+2 {
		return g
	}
	return nil
}

// diplomaticAlly reports an ally noun at i of y that names a state
// recognising y, not an alliance: a ties-cue among its modifiers ("its
// last diplomatic allies") or an owner of the lexicon's diplomatic-ally
// actors ("Taiwan's largest remaining ally").
func (sc *scope) diplomaticAlly(y []int, i int) bool {
	lo := max(sc.s.from, i-allyAdjectiveWindow)
	if sc.classWithin(lo, i-lo, lcTiesCue) {
		return true
	}
	ends := sc.ends(y)
	return len(ends) == 1 && sc.x.lex.actors["diplomatic-ally"][ends[0].id]
}

// ownerBeforeHolder re-reads an owner pronoun that came out as the
// holder itself: in "Russia sent arms to Belarus, its closest ally" and
// "Kazakhstan is a member of the CSTO, and Russia is its treaty ally" the
// "its" is the sentence's subject, named before the holder. Only a pronoun
// is re-read; nil when there is none.
func (sc *scope) ownerBeforeHolder(x, y []int) []int {
	if sc.ms[y[0]].pron == "" {
		return nil
	}
	if y2 := sc.coordinatedSubject(sc.ms[x[0]].from, sc.first(x)); y2 != nil {
		return y2
	}
	return sc.sentenceSubject(sc.ms[x[0]].from, sc.first(x))
}

// coordinatedSubject returns the subject of the last clause coordinated
// by ", and" before token k ("Japan has deals with A, and the Philippines
// has one with the United States, its only treaty ally"): the first group
// after that ", and" that can be a subject, other than the actor not.
func (sc *scope) coordinatedSubject(k int, not graph.ActorID) []int {
	c := -1
	for j := k - 1; j > sc.s.from; j-- {
		if sc.toks[j].low == "and" && sc.toks[j-1].low == "," {
			c = j
			break
		}
	}
	if c < 0 {
		return nil
	}
	for g, members := range sc.grp {
		m := &sc.ms[members[0]]
		if m.from <= c || m.pron != "" || !sc.eligible(g) {
			continue
		}
		if m.from >= k || sc.first(members) == not {
			return nil
		}
		return members
	}
	return nil
}

// sentenceSubject returns the first group of the sentence that can be a
// subject, named before token k and other than the actor not; nil when
// there is none.
func (sc *scope) sentenceSubject(k int, not graph.ActorID) []int {
	for g, members := range sc.grp {
		m := &sc.ms[members[0]]
		if m.from >= k {
			return nil
		}
		if m.pron == "" && sc.eligible(g) && sc.first(members) != not {
			return members
		}
	}
	return nil
}

// allyOwner finds whose ally the noun at i names: "Y's closest ally", "a
// key Y ally", "an ally of Y".
// allyAdjectiveWindow is how many words before "ally" its adjectives may
// fill: three ("Moscow's closest and oldest ally").
const allyAdjectiveWindow = 4

func (sc *scope) allyOwner(i int) []int {
	noun := i
	if c := i - 2; c > sc.s.from && sc.toks[i-1].low == "and" && sc.x.lex.words["ally-coordinate"][sc.toks[c].low] {
		i = c // "Pakistan's most trusted friend and ally": the owner of the first noun owns both (relations round 15, eighteenth session)
	}
	k := i - 1
	for k >= sc.s.from && k > i-allyAdjectiveWindow-1 && (sc.toks[k].word && (sc.toks[k].cap || sc.allyModifier(k) || sc.x.lex.count[sc.toks[k].low] > 0) || sc.toks[k].low == "\"") {
		if _, ok := sc.endAt(k); ok {
			break
		}
		k-- // past a quotation mark (Syria's "loyal ally") and a capitalised word of no actor ("Iran's closest Arab ally")
	}
	if mi, ok := sc.endAt(k); ok && k >= sc.s.from {
		if of := sc.prepGroup(noun, winNoun, "of"); of != nil && sc.ms[mi].adj {
			return of // "the Lebanese ally of Tehran": the demonym is the ally's own
		}
		if o := sc.possessorBefore(sc.ms[mi].from); o != nil && sc.ms[mi].adj {
			return o // "Iran's Lebanese ally Hezbollah": the demonym is the ally's own, the possessor owns it
		}
		if o := sc.blocOwner(mi); o != nil {
			return o
		}
		return sc.grp[sc.ms[mi].group]
	}
	if k >= sc.s.from && (sc.toks[k].low == "'s" || sc.toks[k].low == "'" && k > sc.s.from && strings.HasSuffix(sc.toks[k-1].low, "s")) {
		if mi, ok := sc.endAt(k - 1); ok {
			return sc.grp[sc.ms[mi].group] // "Iran's ally", "one of Caracas' few remaining allies"
		}
	}
	return sc.prepGroup(noun, winNoun, "of")
}

// possessorBefore returns the group of a possessive ("Iran's", "Caracas'")
// that ends right before the word at f; nil if none.
func (sc *scope) possessorBefore(f int) []int {
	k := f - 1
	if k <= sc.s.from || sc.toks[k].low != "'s" && (sc.toks[k].low != "'" || !strings.HasSuffix(sc.toks[k-1].low, "s")) {
		return nil
	}
	if mi, ok := sc.endAt(k - 1); ok {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// subjectOwner re-reads an owner "its" of an ally noun at i inside a
// prepositional phrase of its clause: the clause's subject, not the
// nearest actor ("Hezbollah opened fire on Israel in support of its ally
// Hamas": Hezbollah's ally). y itself when it is no such pronoun, or when
// no subject other than the actor the pronoun came out as is found.
func (sc *scope) subjectOwner(y []int, i int) []int {
	if len(y) != 1 || sc.ms[y[0]].pron != "its" && sc.ms[y[0]].pron != "their" || sc.ms[y[0]].from != i-1 && !sc.allyModifiersBetween(sc.ms[y[0]].to, i) {
		return y
	}
	p := sc.prevWord(sc.ms[y[0]].from)
	if p <= sc.s.from || !sc.toks[p].is(cPreposition) {
		return y // "Ankara informed its ally Britain": the subject is the pronoun's own antecedent
	}
	s := sc.clauseFirst(sc.ms[y[0]].from)
	if s == nil || sc.ms[s[0]].pron != "" || len(sc.ends(s)) != 1 || sc.first(s) == sc.first(y) {
		return y
	}
	return s
}

// clauseFirst returns the first group of the clause that k stands in
// that can be a subject (after a clause break, a reporting verb, a
// semicolon, ", and" or the sentence's start), named before k; nil when
// there is none or the clause is a relative one ("Laos, which counts
// Vietnam among its oldest allies": the antecedent's).
func (sc *scope) clauseFirst(k int) []int {
	lo := sc.s.from
	for j := k - 1; j > sc.s.from; j-- {
		t := &sc.toks[j]
		if t.in(lcRelativeWhich) || t.low == "that" && !sc.complementizer(j) {
			return nil
		}
		if t.is(cClauseBreak|cReporting) || t.low == ";" || t.low == "that" || (t.low == "and" || t.low == "but") && sc.toks[j-1].low == "," {
			lo = j + 1
			break
		}
	}
	for g, members := range sc.grp {
		m := &sc.ms[members[0]]
		if m.from >= k {
			return nil
		}
		if m.from >= lo && sc.eligible(g) {
			return members
		}
	}
	return nil
}

// allyModifiersBetween reports only adjectives of "ally" from k to i.
func (sc *scope) allyModifiersBetween(k, i int) bool {
	for ; k < i; k++ {
		if !sc.allyModifier(k) {
			return false
		}
	}
	return true
}

// relativeBefore returns the antecedent of the relative clause the "and"
// at j stands in ("Armenia, which hosts a Russian base and has been"):
// a "which" or "who" before it with no clause break or comma between;
// nil otherwise.
func (sc *scope) relativeBefore(j int) []int {
	for k := j - 1; k > sc.s.from; k-- {
		t := &sc.toks[k]
		if t.low == "which" || t.low == "who" {
			return sc.antecedent(k, sc.s.from)
		}
		if t.is(cClauseBreak) || t.low == "," {
			return nil
		}
	}
	return nil
}

// blocOwner returns the owner of an ally noun whose modifier mi names a
// military alliance, with a possessive before it: in "Lithuania's fellow
// NATO ally" the ally is Lithuania's, NATO the bloc both belong to; nil
// otherwise.
func (sc *scope) blocOwner(mi int) []int {
	if !sc.x.lex.actors["alliance"][sc.ms[mi].id] {
		return nil
	}
	k := sc.ms[mi].from - 1
	for k > sc.s.from && sc.allyModifier(k) && !sc.toks[k].cap {
		k--
	}
	if k-2 > sc.s.from && sc.toks[k].low == "and" && sc.toks[k-1].word && !sc.toks[k-1].cap && sc.toks[k-2].low == "'s" {
		k -= 2 // "Lithuania's neighbour and NATO ally": the possessive both nouns share
	}
	if k <= sc.s.from || sc.toks[k].low != "'s" {
		return nil
	}
	if o, ok := sc.endAt(k - 1); ok {
		return sc.grp[sc.ms[o].group]
	}
	return nil
}

// allyHolder finds who is the ally of y at the noun i: named after it
// ("its ally Moscow"), the actor an apposition follows, or the subject.
func (sc *scope) allyHolder(i int, y []int) []int {
	var x []int
	if y != nil {
		// "its ally Moscow", "Iran's ally Hezbollah"; a list after the noun
		// is each the owner's ally, not the others' ("Russia and its allies
		// Belarus and Armenia", "NATO allies Greece and Turkey":
		// docs/annotation.md, membership)
		x = sc.after(i)
	}
	if x == nil && y != nil && sc.ms[y[0]].from < i {
		x = sc.apposedAfter(i) // "Australia and its ally, the United States,"
	}
	if x == nil && y != nil && sc.ms[y[0]].from < i {
		// "..., China, Pakistan's closest ally, which ...": the actor the
		// apposition follows, even inside a prepositional phrase
		c := sc.ms[y[0]].from - 1
		if c > sc.s.from && sc.toks[c].low == "the" {
			c-- // "Belarus, the Kremlin's closest ally": the determiner of the owner's name
		}
		if c-1 > sc.s.from && sc.toks[c].low == "of" && sc.toks[c-1].low == "one" {
			c -= 2 // "talks with Venezuela, one of Moscow's closest allies" (relations round 20)
		}
		if c > sc.s.from && sc.toks[c].low == "and" {
			c = sc.appositionComma(c) // "Albania, a NATO member since 2009 and Kosovo's closest ally"
		}
		if c > sc.s.from && sc.toks[c].low == "," {
			if mi, ok := sc.endAt(c - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
				x = sc.apposedTo(mi, i)
			}
		}
	}
	if x == nil && y != nil && sc.ms[y[0]].from > i {
		// "..., a close ally of Y": the actor right before the comma, and
		// none when the apposition follows a noun that names none ("Morsi
		// of the Muslim Brotherhood, a close ally of Erdogan")
		if c := sc.skipAllyModifiers(i - 1); c > sc.s.from && sc.toks[c].low == "," {
			if mi, ok := sc.endAt(c - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
				return sc.apposedTo(mi, i)
			}
			return nil
		}
	}
	if x == nil {
		from := i
		if y != nil && sc.ms[y[0]].from < i {
			from = sc.ms[y[0]].from
		}
		x = sc.linkedSubject(from)
	}
	return x
}

// appositionCoordWindow is how far before the "and" of a coordinated
// apposition its comma may stand: ", a member of the Arab League since
// 1945 and" (ten words).
const appositionCoordWindow = 10

// appositionComma returns the comma opening an apposition whose second
// noun phrase the "and" at k coordinates (", a NATO member since 2009 and
// Kosovo's closest ally", ", Lithuania's neighbour and NATO ally"): a
// comma within appositionCoordWindow, a determiner or a possessive after
// it, and no verb, clause break or other comma between; k itself
// otherwise.
func (sc *scope) appositionComma(k int) int {
	for c := k - 1; c > sc.s.from && c >= k-appositionCoordWindow; c-- {
		t := &sc.toks[c]
		if t.low == "," {
			if n := &sc.toks[c+1]; n.in(lcDeterminer) || sc.possAt(c+1) {
				return c
			}
			return k
		}
		if t.is(cPreposition) || startsDigit(sc.toks[c+1].low) {
			continue // "since 2009": a phrase of the apposition
		}
		if t.is(cClauseBreak|cBe|cAux|cReporting|cTrigger) || sc.finiteVerb(c) {
			return k
		}
	}
	return k
}

// possAt reports a possessive mention starting at k ("Lithuania's").
func (sc *scope) possAt(k int) bool {
	mi, ok := sc.startAt(k)
	return ok && sc.ms[mi].poss
}

// apposedAfter returns the group an ally noun at i is renamed by after a
// comma, when the group ends the apposition (a comma, a quotation mark or
// the sentence's end after it): "Australia and its ally, the United
// States." ("its ally, Russia said" is a clause's subject); nil otherwise.
func (sc *scope) apposedAfter(i int) []int {
	c := sc.placeAfterAlly(i + 1) // "its two treaty allies in Southeast Asia, Thailand and ..."
	if c+1 >= sc.s.to || !appositionMark(sc.toks[c].low) {
		return nil
	}
	g := sc.after(c)
	if g == nil || sc.ms[g[0]].from > c+winNoun && !sc.possAt(c+1) || sc.ms[g[0]].pron != "" {
		return nil
	}
	g, e := sc.possessedList(g)
	if e < sc.s.to && !sc.toks[e].is(cClauseBreak) && !appositionMark(sc.toks[e].low) && sc.toks[e].low != "\"" && sc.toks[e].low != "." {
		return nil
	}
	return g
}

// appositionMark reports a comma or a dash (the tokenizer writes an em
// or en dash as "-"), the marks that open and close an apposition:
// "Moscow's allies in the CSTO — Armenia, Belarus and Kazakhstan — met"
// is the comma's "Moscow's allies, Armenia, ...,".
func appositionMark(w string) bool {
	return w == "," || w == "-"
}

// placeAfterAllyWindow is how many words a place phrase after an ally
// noun may have: "in the region", "in Southeast Asia".
const placeAfterAllyWindow = 4

// placeAfterAlly returns the word after a place phrase that starts at k
// ("in" and up to three words of a name or "the region"), before a comma;
// k itself when there is none.
func (sc *scope) placeAfterAlly(k int) int {
	if k >= sc.s.to || sc.toks[k].low != "in" {
		return k
	}
	for j := k + 1; j < sc.s.to && j <= k+placeAfterAllyWindow; j++ {
		t := &sc.toks[j]
		if appositionMark(t.low) {
			return j
		}
		if !t.cap && !t.in(lcDeterminer) && t.low != "region" {
			return k
		}
	}
	return k
}

// possessedList extends a group g of an apposition by the names "and"
// joins to it when each comes after a possessive: "Lebanon's Hezbollah
// and Yemen's Houthis" is two groups, each the possessed actor after
// its owner (after). It returns the list and the word after it.
func (sc *scope) possessedList(g []int) ([]int, int) {
	for n := 0; n < 3; n++ {
		last := &sc.ms[g[len(g)-1]]
		e := last.to
		if last.poss && e < sc.s.to && (sc.toks[e].low == "'s" || sc.toks[e].low == "'") {
			e++ // "Hezbollah and Yemen's" came out as one group: the owner's possessed actor
		}
		var g2 []int
		switch {
		case last.poss:
			if mi, ok := sc.startAt(e); ok && !sc.ms[mi].poss {
				g = g[:len(g)-1]
				g2 = sc.grp[sc.ms[mi].group]
			}
		case e+1 < sc.s.to && sc.toks[e].low == "and" && sc.possAt(e+1):
			g2 = sc.after(e)
		}
		if g2 == nil {
			break
		}
		g = append(slices.Clip(g), g2...)
	}
	return g, sc.ms[g[len(g)-1]].to
}

// otherAllies reads "X and its other allies", "Lithuania and our other
// Baltic allies": a plural ally noun at i with "other" among its
// modifiers, after an owner y's possessive that "and" and an actor x
// stand before: x is one of y's allies. The owner is the clause's subject
// when the possessive came out as x itself ("Norway will stand by
// Lithuania and its other allies"). Nil when the noun is no such phrase.
func (sc *scope) otherAllies(i int, y []int) []int {
	if y == nil || !strings.HasSuffix(sc.toks[i].low, "s") {
		return nil
	}
	p := i - 1
	for p > sc.s.from && (sc.allyModifier(p) || sc.toks[p].cap) && !sc.nameAt(p) {
		p-- // "its other Baltic allies"
	}
	own, ok := sc.startAt(p)
	if !ok || sc.ms[own].pron == "" || !sc.wordWithin(p+1, i-p-1, "other") || p-2 < sc.s.from || sc.toks[p-1].low != "and" {
		return nil
	}
	mi, ok := sc.endAt(p - 2)
	if !ok || sc.ms[mi].pron != "" || sc.ms[mi].poss || sc.ms[mi].adj || sc.negated(sc.s.from, sc.ms[mi].from, true) {
		return nil
	}
	return []int{mi}
}

// otherOwner returns the owner of "X and its other allies": y, or the
// clause's subject when y came out as x itself or holds it (the pronoun
// grouped with x); nil when none is left.
func (sc *scope) otherOwner(x, y []int) []int {
	xid := sc.first(x)
	for _, m := range y {
		if ends := sc.ends([]int{m}); len(ends) == 1 && ends[0].id == xid {
			return sc.sentenceSubject(sc.ms[x[0]].from, xid)
		}
	}
	return y
}

// linkedSubject returns the subject of an ally or member noun phrase
// starting before from: the nearest subject to its left, or, when the
// phrase's link verb follows "and" inside a relative clause ("Armenia,
// which hosts a Russian base and has been a formal ally of Russia"), the
// clause's antecedent, not the first verb phrase's object.
func (sc *scope) linkedSubject(from int) []int {
	k := from - 1
	for k > sc.s.from && (sc.allyModifier(k) || sc.toks[k].in(lcDeterminer)) && !sc.toks[k].cap {
		k--
	}
	if k > sc.s.from && sc.toks[k].in(lcAllyLink) && sc.toks[k].word {
		j := k - 1
		for j > sc.s.from && (sc.toks[j].is(cAux|cPassiveAdverb) || sc.adverb(j)) {
			j-- // "and has long been"
		}
		if sc.toks[j].low == "and" {
			if s := sc.relativeBefore(j); s != nil {
				return s
			}
		}
		if j-1 > sc.s.from && sc.toks[j].in(lcHisState) && sc.toks[j-1].low == "whose" {
			// "Bashar al-Assad, whose government has been Iran's closest
			// ally": the relative's antecedent, whose state it is
			return sc.antecedent(j-1, sc.s.from)
		}
		if s := sc.closedRelativeBefore(j); s != nil {
			return s
		}
	}
	return sc.subject(from, sc.s.from)
}

// closedRelativeWindow is how many words a relative clause set off by
// commas before a copula may have.
const closedRelativeWindow = 24

// closedRelativeBefore returns the antecedent of a relative clause that
// a comma at j closes right before the copula of an ally noun: "Turkey,
// whose president describes the two countries as \"one nation, two
// states\", is Baku's closest ally" (the subject is Turkey, not a name
// inside the clause); nil when no "whose", "which" or "who" after a
// comma opens one within closedRelativeWindow words.
func (sc *scope) closedRelativeBefore(j int) []int {
	if j <= sc.s.from || sc.toks[j].low != "," && (sc.toks[j].low != "\"" || sc.toks[j-1].low != ",") {
		return nil
	}
	for r := j - 1; r-1 > sc.s.from && r >= j-closedRelativeWindow; r-- {
		t := &sc.toks[r]
		if t.low == ";" || t.is(cClauseBreak) && t.low != "," {
			return nil
		}
		if (t.low == "whose" || t.low == "which" || t.low == "who") && sc.toks[r-1].low == "," {
			return sc.antecedent(r, sc.s.from)
		}
	}
	return nil
}

// apposedTo returns what an apposition whose noun is at i describes, the
// mention mi before its comma: of a list, the whole list when the noun is
// plural ("Serbia and Belarus, Moscow's traditional allies"), else the
// last ("A, B and China, Pakistan's closest ally").
func (sc *scope) apposedTo(mi, i int) []int {
	if strings.HasSuffix(sc.toks[i].low, "s") {
		return sc.grp[sc.ms[mi].group]
	}
	return []int{mi}
}

// regardedAsAlly reads "X regards Y as an ally", "X still considered Y
// its closest ally", "X called Y a reliable ally": the subject of a verb of
// regarding (data/lexicon.txt, regard-verb) and its object are allies. It
// reports whether the noun at i was read so.
func (sc *scope) regardedAsAlly(i int) bool {
	k := sc.beforeAllyPhrase(i)
	as := -1
	if k > sc.s.from && sc.toks[k].low == "as" {
		as = k
		k--
	}
	if as > 0 && sc.regardedRelative(as, i) {
		return true
	}
	mi, ok := sc.endAt(k)
	if !ok || sc.ms[mi].poss {
		return false
	}
	y := sc.grp[sc.ms[mi].group]
	v := sc.prevWord(sc.ms[y[0]].from)
	if v < sc.s.from || !sc.x.lex.words["regard-verb"][sc.toks[v].low] {
		return false
	}
	x := sc.verbSubject(v)
	if o := sc.ownerBetween(as, i); o != nil {
		// "whose government counts A and B as its closest allies": each
		// is the owner's ally, not the other's
		if x != nil && sc.negated(sc.window(x, v), v, false) {
			return true
		}
		if owner := sc.regardOwner(o, x); owner != nil {
			sc.regardedTie(owner, y, i)
		}
		return true
	}
	if ends := sc.ends(y); len(ends) >= 2 && sc.toks[i].low == "allies" && !sc.ownerPronounBetween(k, i) {
		if !sc.negated(sc.window(x, v), v, false) { // not "declined to describe the two countries as allies"
			sc.pairwise(ends, i) // "the treaty bound the two countries as allies"
		}
		return true
	}
	if x == nil || sc.negated(sc.window(x, v), v, false) || sc.wordWithin(k+1, i-k, "not", "no") {
		return true
	}
	sc.regardedTie(x, y, i)
	return true
}

// regardedTie emits the tie of a verb of regarding between its owner and
// the ally y at i: "Taipei calls Tuvalu and Palau its diplomatic allies"
// is a recognition of the owner by each (diplomaticAlly), any other ally
// noun an alliance (relations round 22).
func (sc *scope) regardedTie(owner, y []int, i int) {
	if sc.diplomaticAlly(owner, i) {
		sc.emit(graph.Recognizes, y, owner, i, graph.Asserted, "", "")
		return
	}
	sc.emit(graph.AlliesWith, owner, y, i, graph.Asserted, "", "")
}

// ownerPronounBetween reports a possessive pronoun (possessive-pronoun:
// "its", "our", "their") between the regarded object's end k and the ally
// noun at i: "We call them our diplomatic allies", "Washington counts Seoul
// and Tokyo its closest allies" make each the subject's ally, not the
// others' (relations round 22).
func (sc *scope) ownerPronounBetween(k, i int) bool {
	for j := k + 1; j < i; j++ {
		if sc.toks[j].in(lcPossessivePronoun) {
			return true
		}
	}
	return false
}

// beforeAllyPhrase returns the word before the phrase of the ally noun
// at i: past its modifiers ("its closest"), a noun of the same kind ("as
// the most honest friend and ally") and an owner after "as" ("as
// Pyongyang's only treaty ally", "as the country's closest ally", read by
// ownerBetween); not past the owner of "called Armenia France's ally".
func (sc *scope) beforeAllyPhrase(i int) int {
	k := sc.skipAllyModifiers(i - 1)
	if k-1 > sc.s.from && sc.toks[k].low == "and" && sc.toks[k-1].in(lcAllyLike) {
		k = sc.skipAllyModifiers(k - 2) // "as the most honest friend and ally"
	}
	if k > sc.s.from && sc.toks[k].low == "'s" {
		k--
	}
	if o, ok := sc.endAt(k); ok && sc.ms[o].poss && sc.ms[o].from-1 > sc.s.from {
		if j := sc.skipAllyModifiers(sc.ms[o].from - 1); sc.toks[j].low == "as" {
			return j
		}
	}
	if k+1 < i && sc.toks[k+1].low == "'s" {
		// an owner no mention names: "as the country's closest ally"
		for j := k - 1; j > sc.s.from && j >= k-2; j-- {
			if sc.toks[j].low == "as" {
				return j
			}
		}
	}
	return k
}

// ownerBetween returns the possessive mention between "as" at as and the
// ally noun at i ("as its closest allies", "as the country's closest
// ally"); nil when there is none.
func (sc *scope) ownerBetween(as, i int) []int {
	if as < 0 {
		return nil
	}
	for mi := range sc.ms {
		if m := &sc.ms[mi]; m.from > as && m.to <= i && m.poss {
			return []int{mi}
		}
	}
	return nil
}

// regardOwner returns who owns the ally of a verb of regarding whose
// subject is x: a pronoun or a reference is the subject's ("counts A as
// its ally", "which Zimbabwe's leaders describe as the country's closest
// ally"), a name itself ("describe China as Russia's ally").
func (sc *scope) regardOwner(o, x []int) []int {
	if sc.ms[o[0]].pron != "" {
		return x
	}
	return o
}

// regardedRelative reads a verb of regarding right before "as" at as in a
// relative clause on its object: "China, which Zimbabwe's leaders describe
// as the country's closest ally", "Iran, which he described as \"a strategic
// ally\"": the antecedent is the ally of the owner named after "as", or of
// the clause's subject. It reports whether the clause was read so.
func (sc *scope) regardedRelative(as, i int) bool {
	v := as - 1
	if v <= sc.s.from || !sc.x.lex.words["regard-verb"][sc.toks[v].low] {
		return false
	}
	x := sc.verbSubject(v)
	if x == nil {
		return false
	}
	r := sc.prevWord(sc.ms[x[0]].from)
	if r <= sc.s.from || sc.toks[r].low != "which" && sc.toks[r].low != "whom" {
		return false
	}
	y := sc.antecedent(r, sc.s.from)
	if y == nil || sc.negated(sc.window(x, v), v, false) || sc.wordWithin(as+1, i-as, "not", "no") {
		return true
	}
	if o := sc.ownerBetween(as, i); o != nil {
		x = sc.regardOwner(o, x)
	}
	sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
	return true
}

// skipAllyModifiers returns the first word at or before k that is not an
// adjective or determiner of "ally" ("the most honest", "its closest").
func (sc *scope) skipAllyModifiers(k int) int {
	for k > sc.s.from && (sc.allyModifier(k) || sc.toks[k].in(lcDeterminer) || sc.x.lex.count[sc.toks[k].low] > 0 || sc.toks[k].low == "most" || sc.toks[k].low == "\"") && !sc.toks[k].cap {
		k--
	}
	return k
}

// allyModifier reports a word that may modify "ally": an ally-adjective,
// a word shaped like an adjective, or a compound modifier written with a
// hyphen ("an all-weather ally", "its time-tested allies").
func (sc *scope) allyModifier(k int) bool {
	w := sc.toks[k].low
	return sc.toks[k].in(lcAllyAdjective) || sc.x.lex.adjectiveSuffix(w) || sc.toks[k].word && !sc.toks[k].cap && strings.IndexByte(w, '-') > 0 || sc.quotedModifier(k)
}

// quotedModifier reports a lower-case word in quotation marks at k, or
// one of its marks: "Beijing's 'ironclad' ally", its "all-weather" ally:
// a word quoted before "ally" is the writer's or a speaker's modifier,
// whatever the word.
func (sc *scope) quotedModifier(k int) bool {
	quote := func(j int) bool {
		return j >= sc.s.from && j < sc.s.to && (sc.toks[j].low == "\"" || sc.toks[j].low == "'")
	}
	word := func(j int) bool {
		return j >= sc.s.from && j < sc.s.to && sc.toks[j].word && !sc.toks[j].cap
	}
	switch {
	case word(k):
		return quote(k-1) && quote(k+1)
	case quote(k):
		return word(k-1) && quote(k-2) || word(k+1) && quote(k+2)
	}
	return false
}

// copulaBetween reports "X and Y are (close) allies", "X and Y, longtime
// allies,", "describe each other as allies".
func (sc *scope) copulaBetween(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe < sc.s.to && sc.toks[xe].low == "," && (i-xe <= 3 || sc.skipAllyModifiers(i-1) == xe) {
		return true // "X and Y, longtime allies,", "X and Y, the two treaty allies,"
	}
	links := sc.x.lex.words["allies-link"]
	for k := xe; k < i; k++ {
		if links[sc.toks[k].low] {
			return true
		}
	}
	return false
}

// copulaOrApposition: "X is one of Y's allies", "X, a key Y ally,", "X
// remains Y's ally", "Y's ally X". The link word (data/lexicon.txt,
// ally-link) must be the last word before the noun's own phrase: a verb
// or a preposition between them makes the noun another clause's object
// ("the confrontations that have alarmed Manila's allies", "shells
// financed by its allies").
func (sc *scope) copulaOrApposition(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe > i {
		return true // "Y's ally X"
	}
	links := sc.x.lex.words["ally-link"]
	for k := i - 1; k >= xe; k-- {
		if mi, ok := sc.endAt(k); ok {
			k = max(sc.ms[mi].from, xe) // the owner: "Y's", "its", "a key Y ally"
			continue
		}
		if links[sc.toks[k].low] || sc.toks[k].in(lcRegardVerb) && !sc.activeRegard(k) {
			return true // "is one of", "counts B among its allies", "is considered Y's ally"
		}
		if sc.toks[k].low == "and" && sc.appositionComma(k) == xe {
			return true // "Albania, a NATO member since 2009 and Kosovo's closest ally"
		}
		if sc.nounPhraseBreak(k) {
			return false
		}
	}
	p := sc.prevWord(sc.ms[x[0]].from) // "counts Cambodia among its closest allies"
	if p >= sc.s.from && sc.toks[p].in(lcTakeVerb) && sc.x.lex.words["special-member"][sc.toks[i].low] {
		// a verb of making gives an ally's status ("making it Russia's formal
		// treaty ally"), but a membership it gives is a prospect or a
		// superlative's: "to make it a member of the Alliance", "making it
		// the first NATO member to transfer jets"
		return false
	}
	return p >= sc.s.from && sc.toks[p].in(lcRegardVerb)
}

// activeRegard reports an active verb of regarding at k whose object is
// the noun after it: "Moscow regards its members as friendly states"
// names no member; "is considered Y's ally" (a participle) does.
func (sc *scope) activeRegard(k int) bool {
	w := sc.toks[k].low
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ing") || w == "bound" {
		return false
	}
	p := sc.prevWord(k)
	return p < sc.s.from || !sc.toks[p].is(cBe|cAux)
}

// nounPhraseBreak reports a word that cannot stand between a link and
// the ally or member noun it links: a preposition (other than those of
// data/lexicon.txt, ally-np-word: "one of", "among its allies", "like
// Turkey a member"), a clause break, a verb (a trigger or reporting verb,
// or a lower-case past tense or gerund that is no modifier of allies and
// follows no determiner; not a copula: "being members").
func (sc *scope) nounPhraseBreak(k int) bool {
	t := &sc.toks[k]
	switch {
	case t.cap || !t.word || t.is(cBe) || t.in(lcAllyNpWord):
		return false // "one of", "among its allies", "like Turkey a member", "being members"
	case t.is(cPreposition | cClauseBreak | cReporting):
		return true
	}
	if tr, ok := sc.trigOf(t); ok && tr.pos != noun {
		return true
	}
	verbShaped := strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")
	afterDeterminer := k-1 >= sc.s.from && sc.toks[k-1].in(lcDeterminer) // "a founding member"
	return verbShaped && !sc.allyModifier(k) && !afterDeterminer
}

// pairwise records allies-with between every two of ends.
func (sc *scope) pairwise(ends []endpoint, i int) {
	for a := 0; a < len(ends); a++ {
		for b := a + 1; b < len(ends); b++ {
			sc.emitEnds(graph.AlliesWith, ends[a:a+1], ends[b:b+1], i, graph.Asserted, "", "")
		}
	}
}

// adjectiveSuffix reports words shaped like adjectives ("powerful",
// "strategic", "strongest"), not verbs or prepositions: a stem of three
// letters or more before an ending of the lexicon's adjective-ending.
func (c *lexicon) adjectiveSuffix(w string) bool {
	return c.endsIn("adjective-ending", w, 3)
}

// endsIn reports whether w ends in a word of class after a stem of at
// least minStem bytes: it looks up each ending of w that leaves such a
// stem (none for a word no longer than minStem), not each word of class.
func (c *lexicon) endsIn(class, w string, minStem int) bool {
	if len(w) <= minStem {
		return false
	}
	endings := c.words[class]
	for s := minStem; s < len(w); s++ {
		if endings[w[s:]] {
			return true
		}
	}
	return false
}

// blocAllies reads "the three NATO allies" after the three were named:
// a plural reference whose noun is the trigger at i and whose modifier
// names a military alliance ("actors alliance" in data/lexicon.txt). The
// states referred to are allies of the alliance and of each other; with
// a number and no alliance ("the two allies") of each other only. It
// reports whether the noun was such a reference.
func (sc *scope) blocAllies(i int) bool {
	mi, ok := sc.endAt(i)
	if !ok || sc.ms[mi].from >= i {
		return false
	}
	for k := sc.ms[mi].from; k < i; k++ {
		bloc := sc.blocPart(sc.toks[k].text)
		if bloc == "" {
			continue
		}
		if ends := sc.ends([]int{mi}); len(ends) >= 2 {
			sc.pairwise(ends, i)
			sc.emitIDs(graph.AlliesWith, []int{mi}, []graph.ActorID{bloc}, i, graph.Asserted, "", "")
		}
		return true
	}
	if sc.x.lex.pluralSize(sc.toks, sc.ms[mi].from, i) >= 2 && sc.prepGroup(i, winNoun, "of") == nil {
		// "the two allies", "the two treaty allies": a reference to the
		// states last named together, allies of each other; not "both
		// allies of the United States", each the owner's ally
		if ends := sc.ends([]int{mi}); len(ends) >= 2 && sc.lastGroupIs(ends) {
			sc.pairwise(ends, i)
			return true
		}
	}
	return false
}

// alliedReference reads "the two allied states" after the two were
// named together in the sentence before: a plural reference of two or
// more that holds the trigger at i as a modifier; its states are allies
// of each other (lastGroupIs). It reports whether the trigger was so.
func (sc *scope) alliedReference(i int) bool {
	for mi := range sc.ms {
		m := &sc.ms[mi]
		if i <= m.from || i >= m.to-1 || sc.x.lex.pluralSize(sc.toks, m.from, i) < 2 {
			continue
		}
		if ends := sc.ends([]int{mi}); len(ends) >= 2 && sc.lastGroupIs(ends) {
			sc.pairwise(ends, i)
		}
		return true
	}
	return false
}

// lastGroupReach is how many sentences back the pair that "the two
// allies" names may have been named together: the sentence before.
const lastGroupReach = 1

// lastGroupIs reports ends that are the last group of two or more actors
// named together, in the sentence before ("Philippine and US troops ...
// The two treaty allies"), not an older pair a reference may reach.
func (sc *scope) lastGroupIs(ends []endpoint) bool {
	if len(ends) != len(sc.st.lastGroup) || sc.st.sentences-sc.st.lastGroupAt > lastGroupReach {
		return false
	}
	for _, e := range ends {
		if !slices.Contains(sc.st.lastGroup, e.id) {
			return false
		}
	}
	return true
}

// blocPart returns the military alliance a single name stands for
// ("NATO", "CSTO"), or "".
func (sc *scope) blocPart(name string) graph.ActorID {
	ids := sc.x.dict.idsNamed(name)
	if len(ids) != 1 || !sc.x.lex.actors["alliance"][ids[0]] {
		return ""
	}
	return ids[0]
}

// accessionYearWindow is how far after the alliance a year may stand that
// dates an accession ("to the alliance in 2023 and 2024").
const accessionYearWindow = 3

// accession reads a completed accession to a military alliance: "Finland
// acceded to NATO", "the accession of Finland and Sweden to the alliance
// in 2023 and 2024", "since its accession to NATO". A noun of accession
// names no membership by itself ("Ukraine's accession to NATO remains a
// distant prospect"): it needs a year after the alliance or a
// completed-opener before it (since, after, following).
func (sc *scope) accession(i int) {
	y := sc.prepGroup(i, winObject, "to") // past "of Finland and Sweden"
	if y == nil {
		return
	}
	var x []int
	if t, ok := sc.trigOf(&sc.toks[i]); ok && t.pos == verbPast || strings.HasSuffix(sc.toks[i].low, "ed") {
		x = sc.verbSubject(i)
	} else if sc.accessionDone(i, y) {
		x = sc.modifierBefore(i) // "Sweden's accession", "its accession"
		if x == nil {
			x = sc.prepGroup(i, winNoun, "of")
		}
	}
	if x == nil || sc.negated(sc.window(x, i), i, true) {
		return
	}
	sc.joinsAlliance(x, y, i, false)
}

// accessionDone reports an accession noun at i told as done: a year
// within a few words after its alliance y, or a completed-opener before
// it ("since its accession", "after the accession of").
func (sc *scope) accessionDone(i int, y []int) bool {
	e := sc.ms[y[len(y)-1]].to
	for k := e; k < sc.s.to && k < e+accessionYearWindow; k++ {
		if t := sc.toks[k].text; len(t) == 4 && startsDigit(t) {
			return true
		}
	}
	lo := max(sc.s.from, i-modifierWindow)
	return sc.classWithin(lo, i-lo, lcCompletedOpener)
}
