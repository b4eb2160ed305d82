package extract

// This file reads accusations: "X accused Y of ...", "Y was blamed by X",
// "accusations by X against Y", "X condemned Y's act".

import (
	"slices"
	"strings"

	"geokg/graph"
)

func (sc *scope) accuses(i int, t trig) {
	if sc.reactionVerb(i, t) || sc.idleVerb(i) || sc.blamedEachOther(i) {
		return
	}
	if t.pos == noun {
		sc.accusationNoun(i, t)
		return
	}
	if k, _, ok := sc.claimObject(i, false); ok && t.lemma != "allege" && t.lemma != "accuse" && (k >= sc.s.to || sc.rejectedClaim(k)) {
		// "condemned as unacceptable allegations by X": a denial; not
		// "slammed the Chinese envoy's remarks", an accusation, nor
		// "charged that ...", a claim
		sc.denies(i, trig{rel: graph.Denies, lemma: t.lemma, pos: t.pos})
		return
	}
	if t.pos == verbPast && sc.passive(i) {
		sc.passiveAccusation(i, t)
		return
	}
	src := sc.gerundSubject(i, "by")
	if src == nil {
		src = sc.conjunctSubject(i)
	}
	if src == nil {
		src = sc.asideConjunctSubject(i)
	}
	if src == nil {
		src = sc.withCounterpart(sc.modifierSubject(sc.verbSubject(i)))
	}
	if src == nil {
		src = sc.docSubject(i) // "The text accused Guyana of ...": its author
	}
	if src == nil {
		src = sc.tickerSubject(i) // "... hits back on Twitter. Accuses Pompeo of ..."
	}
	if src == nil || t.pos == verbGer && sc.objectBefore(src[0], i) {
		return
	}
	if lo := sc.window(src, i); sc.negated(lo, i, false) || sc.modal(lo, i) {
		return
	}
	if ends := sc.compoundDoer(i); ends != nil {
		// "condemned the American-British aggression": each state the
		// hyphenated compound names did the deed
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
		return
	}
	tgt := sc.accusedOf(i, t, src)
	if tgt != nil && sc.actPronoun(i) && !sc.statesOnly(tgt) {
		tgt = nil // "we condemn it" (the deployment just told), not the council "it" last named
	}
	if tgt == nil {
		sc.unnamedAccused(i, src)
		return
	}
	sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
	sc.nested(i, tgt, src)
	sc.deniedBefore(i, src, tgt)
}

// asideConjunctSubject returns the subject of a verb joined by "and" past
// an aside set off by dashes: "Hajizada dismissed the comments - the men,
// he said, were being tried for crimes - and accused France of ...", "Liu
// said the boat had intruded into waters off Xianbin Jiao - China's name
// for the shoal - and blamed Manila for ..." (every dash is "-" in a
// token's lower case). The aside is skipped (at
// most dashAsideWindow words) and the subject is that of the verb before it,
// read as after "and" (firstVerbSubject): a that-clause's subject is not
// the accuser's. Nil when no dash closes an aside before "and".
func (sc *scope) asideConjunctSubject(i int) []int {
	k := i - 1
	for k > sc.s.from && sc.adverbialBefore(k) > 0 {
		k -= sc.adverbialBefore(k)
	}
	if k-2 <= sc.s.from || sc.toks[k].low != "and" || sc.toks[k-1].low != "-" {
		return nil
	}
	for j := k - 2; j > sc.s.from && j >= k-dashAsideWindow; j-- {
		if sc.toks[j].low == "-" {
			return sc.firstVerbSubject(j, true)
		}
	}
	return nil
}

// dashAsideWindow: the words of an aside between dashes before "and".
const dashAsideWindow = 16

// deniedBefore reads a denial told before the accusation it answers, in
// the same sentence: "Colombia and the United States denied any role in
// the raid, which Maduro blamed on their governments", "X denied that
// Belgrade had any involvement in the shootout, an attack that Pristina
// blames on Serbia". A verb of denial before i with a claim for its object,
// whose subject is the accused (tgt) and which denied no one, denies src.
func (sc *scope) deniedBefore(i int, src, tgt []int) {
	for j := sc.s.from; j < i; j++ {
		t, ok := sc.trigOf(&sc.toks[j])
		if !ok || t.rel != graph.Denies || t.pos == noun || sc.toldAt(j, graph.Denies) {
			continue
		}
		if _, _, ok := sc.claimObject(j, true); !ok && !sc.classWithin(j+1, deniedPartWindow, lcInvolvementNoun) {
			continue // "denied any part in the ambush" too
		}
		d := sc.verbSubject(j)
		if d == nil || !sc.about(tgt, sc.first(d)) || sc.about(src, sc.first(d)) {
			continue
		}
		sc.emit(graph.Denies, d, src, j, graph.Asserted, "", "")
	}
}

// deniedPartWindow: the words from a verb of denial to the involvement
// noun it denies ("denied any part").
const deniedPartWindow = 2

// unnamedAccused reads a verb of accusing at i whose object names no
// actor: "accused the smugglers of flooding Togo with rifles" (the
// gerunds' doer is the accused, no actor, not the accuser), "denounced
// the transfer", "condemned the move", "denounced the drills", "denounced
// it": the doer of the supply, move, act or exercise last told.
func (sc *scope) unnamedAccused(i int, src []int) {
	sc.nested(i, nil, src)
	if ends := sc.lastSupplier(i); ends != nil {
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
	} else if ends := sc.lastDoer(i); ends != nil {
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
	} else if id := sc.lastAct(i); id != "" {
		sc.emitIDs(graph.Accuses, src, []graph.ActorID{id}, i, graph.Asserted, "", "")
	} else if ends := sc.lastExercise(i, src); ends != nil {
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
	} else if ends := sc.movePronoun(i); ends != nil {
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
	}
}

// objectBefore reports that the mention mi a participle at i took for
// its subject is the object of the clause's verb: right after that verb or
// after its object's "of" ("the agency suspended the operations of MSF
// and the NRC, accusing them of ...": the agency, no actor the dictionary
// knows, accuses; not MSF).
func (sc *scope) objectBefore(mi, i int) bool {
	f := sc.ms[mi].from
	if i-1 <= f || sc.toks[i-1].low != "," {
		return false
	}
	p := f - 1
	if p > sc.s.from && sc.toks[p].low == "(" {
		p-- // "Médecins Sans Frontières (MSF)": the name the abbreviation repeats
		for p > sc.s.from && sc.toks[p].cap {
			p--
		}
	}
	if p > sc.s.from && sc.toks[p].in(lcDeterminer) {
		p--
	}
	if p <= max(sc.s.from, sc.introEnd) {
		return false
	}
	if e := sc.ms[mi].to; e < sc.s.to && (sc.toks[e].is(cAux|cBe) || sc.finiteVerbAt(e)) {
		return false // "announced they were quitting ECOWAS, accusing": a clause's subject
	}
	for k := p; k >= max(sc.s.from, sc.introEnd); k-- {
		if sc.finiteVerbAt(k) {
			return !sc.toks[k].is(cReporting) && (k == p || sc.toks[p].low == "of")
		}
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			return false
		}
	}
	return false
}

// finiteVerbAt reports a lower-case past verb at k outside any name, not
// after an auxiliary or a determiner ("suspended", not "the armed forces").
func (sc *scope) finiteVerbAt(k int) bool {
	t := &sc.toks[k]
	if t.cap || sc.inMention(k) || len(t.low) < 5 || !strings.HasSuffix(t.low, "ed") || k-1 < sc.s.from {
		return false
	}
	b := &sc.toks[k-1]
	return !b.is(cAux) && !b.is(cBe) && !b.in(lcDeterminer)
}

// blamedEachOther reports "blamed each other", "accuse one another" at
// the verb i: each accuses the other (special.go eachOther), no one else
// ("blame each other for the fighting on their border": not "their").
func (sc *scope) blamedEachOther(i int) bool {
	return i+2 < sc.s.to && sc.mutualPronoun(i+1, i+2)
}

// rejectedClaim reports a claim noun that a verb of accusing before it
// rejects as a denial does ("slammed the allegations", "condemned the
// charges"): not "that" ("charged that ..."), nor a statement judged
// ("slammed the envoy's remarks", an accusation), nor a part in a deed
// ("condemned Rwanda's role in the offensive", "denounced Iran's
// involvement", "criticised Moscow's complicity": the owner is accused).
// "it" is a claim only when judged false ("slammed it as baseless"), not
// an act judged ("denounced it as a reward for terror": actPronoun).
func (sc *scope) rejectedClaim(k int) bool {
	t := &sc.toks[k]
	if t.low == "that" || t.in(lcInvolvementNoun) || t.is(cChargeAct) {
		return false
	}
	if t.low == "it" {
		return sc.dismissiveWithin(k+1, pronounJudgedWindow)
	}
	return !t.in(lcJudgedClaim) || t.in(lcChargeNoun)
}

// actPronoun reports "it" right after a verb of accusing at i with no
// "of" or "for" after it: the act just told ("we condemn it", "denounced
// it as a reward for terrorism"), not an actor ("accused it of"). A state
// "it" resolves to stays the accused (the mover the pronoun rules found).
func (sc *scope) actPronoun(i int) bool {
	j := i + 1
	if j >= sc.s.to || sc.toks[j].low != "it" {
		return false
	}
	return j+1 >= sc.s.to || sc.toks[j+1].low != "of" && sc.toks[j+1].low != "for"
}

// statesOnly reports a group whose actors are all states.
func (sc *scope) statesOnly(g []int) bool {
	for _, id := range sc.ids(g) {
		if a, ok := sc.x.actor(id); !ok || a.Type != graph.Country {
			return false
		}
	}
	return true
}

// movePronoun returns the doer of the last move told (a recognition, a
// supply, a pact), in this sentence or the one before, for "it" read as
// an act (actPronoun): "Sweden recognised Palestine. Israel denounced it".
func (sc *scope) movePronoun(i int) []endpoint {
	if !sc.actPronoun(i) || sc.st.lastMover == "" || sc.st.sentences-sc.st.lastMoveAt > 1 {
		return nil
	}
	return []endpoint{{id: sc.st.lastMover, span: graph.Span{Start: sc.toks[i+1].start, End: sc.toks[i+1].end}}}
}

// pronounJudgedWindow: the words after "it" that may judge it false
// ("slammed it on Monday as \"pure fabrication\"").
const pronounJudgedWindow = 6

// passiveAccusation reads a passive verb of accusing at i: its by-agent
// accuses its subject, the agent of a participle on it, the owner of the
// deed it names or the doer of the act it recalls.
func (sc *scope) passiveAccusation(i int, t trig) {
	src := sc.agent(i, passiveAccuserWindow)
	tgt := sc.subject(i, sc.s.from)
	if tgt == nil {
		tgt = sc.subjectAgent(i) // "The deal signed by A and B was condemned by C"
	}
	if tgt == nil {
		tgt = sc.passiveDeedOwner(i) // "His visit to the shrine was condemned by China"
	}
	if tgt == nil && src != nil && hasPrep(t.obj, "on") {
		tgt = sc.blamedOnAfterAgent(src) // "The massacre was blamed by New Delhi on TRF"
	}
	if src != nil && tgt != nil {
		sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
		sc.nested(i, tgt, src)
	} else if ends := sc.lastDoerBefore(i); src != nil && ends != nil {
		sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "") // "The move was condemned by Y"
	}
}

// blamedOnAfterAgent reads the "on" right after the by-agent src of a
// passive blame: "The massacre was blamed by New Delhi on The Resistance
// Front" lays the deed on the actor after "on".
func (sc *scope) blamedOnAfterAgent(src []int) []int {
	k := sc.ms[src[len(src)-1]].to
	if k+1 < sc.s.to && sc.toks[k].low == "on" {
		if g := sc.after(k); g != nil && !sc.ms[g[0]].adj && sc.ms[g[0]].pron == "" {
			return g
		}
	}
	return nil
}

// subjectAgent finds the agent of a participle on the subject of the
// passive verb at i: "A second memorandum signed by Ankara and Tripoli in
// 2019, ..., was condemned by Greece" (the first "VERBed by X" of the
// sentence before i whose actor precedes i).
func (sc *scope) subjectAgent(i int) []int {
	for k := sc.s.from + 1; k+1 < i; k++ {
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
		if sc.toks[k+1].low == "by" && strings.HasSuffix(sc.toks[k].low, "ed") {
			if g := sc.after(k + 1); g != nil && sc.ms[g[0]].from < i {
				return g
			}
			return nil
		}
	}
	return nil
}

// gerundSubject returns the group right before a gerund at i when the
// preposition prep stands before that group: after "by", a by-agent's
// gerund ("a case brought by Sudan accusing the UAE of ..." is Sudan's
// accusation, not the court's that threw the case out); after "with", the
// subject of an absolute phrase ("Caracas condemned the drills, with
// Foreign Minister Yvan Gil calling the exercise \"a provocation\" by
// Washington"). Otherwise nil.
func (sc *scope) gerundSubject(i int, prep string) []int {
	if !strings.HasSuffix(sc.toks[i].low, "ing") {
		return nil
	}
	mi, ok := sc.endAt(i - 1)
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	if p := sc.prevWord(sc.ms[g[0]].from); p >= sc.s.from && sc.toks[p].low == prep {
		return g
	}
	return nil
}

// accusedOf finds whom the accusation verb at i with subject src names:
// its object (or the that-clause's subject of "alleged"), the doer of the
// act it condemns, or the main clause's subject of "a move X condemned".
func (sc *scope) accusedOf(i int, t trig, src []int) []int {
	var tgt []int
	if t.lemma == "allege" {
		// "X alleged that Y ...": Y is the that-clause's subject
		if tgt, _ = sc.thatSubject(i); tgt == nil {
			tgt = sc.after(i)
		}
		if tgt == nil {
			tgt = sc.thatAgent(i) // "alleged that drones had been handed by Ukraine to ..."
		}
	} else if g, ok := sc.thatSubject(i); ok && t.lemma == "charge" {
		return g // "X charged that Y ...", "charged that it was Y, not Z, that ..."
	} else {
		if !hasPrep(t.obj, "on") {
			// "condemned the aggression of Washington against Caracas": the
			// doer named on the deed, not the victim after "against"
			if tgt = sc.condemnedDoer(i); tgt != nil {
				return tgt
			}
		}
		tgt = sc.accusedObject(i, t) // the lexicon's obj= prepositions
		if tgt != nil && sc.clauseBetween(i, sc.ms[tgt[0]].from) {
			return nil // "Mogadishu accuses Addis over Puntland arms, ..., UAE rejects ...": another clause's
		}
		if tgt == nil && hasPrep(t.obj, "on") {
			tgt = sc.blamedOn(i) // "blamed the strike on Russian missiles"
		}
		if owned := sc.possessed(tgt); owned != nil {
			tgt = owned // "accused Russia's Wagner Group": Wagner
		}
		tgt = sc.withPatron(tgt)
	}
	if tgt == nil {
		tgt = sc.actOf(i) // "condemned the transfer of Iranian missiles": the supplier
	}
	if tgt == nil {
		tgt = sc.deedOf(i) // "denounced the French decision"
	}
	if tgt == nil {
		tgt = sc.actDoer(i) // "condemned what it called the Turkish bombardment", "Russian drone attacks"
	}
	if tgt == nil {
		tgt = sc.actAgent(i) // "denouncing the tripartite joint military exercises staged by A, B and C"
	}
	if tgt == nil {
		tgt = sc.dealParties(i) // "condemned the arms dealings between A and B"
	}
	if tgt == nil {
		tgt = sc.relativeDoer(i) // "denounced the drills which A and B had staged"
	}
	if tgt == nil {
		tgt = sc.movedBy(src) // "..., a move Israel condemned": the main clause's subject
	}
	if tgt == nil {
		tgt = sc.relativeObject(src) // "Hamas, which he again condemned for the attack"
	}
	return tgt
}

// blamedWeapon finds the demonym on the weapons a blame is laid on after
// the verb at i: "blamed the strike on Russian Kh-22 missiles", "which
// Kyiv blamed on Iranian drones" (lexicon class blamed-weapon, past
// capitalised model names and modifiers).
func (sc *scope) blamedWeapon(i int) []int {
	k := sc.inClauseAfter(i, "on", accusedObjectWindow)
	if k < 0 || k+1 >= sc.s.to {
		return nil
	}
	j := k + 1
	if sc.toks[j].in(lcDeterminer) {
		j++
	}
	mi, ok := sc.startAt(j)
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	for w := sc.ms[mi].to; w < sc.s.to && w < sc.ms[mi].to+blamedWeaponWindow; w++ {
		if sc.toks[w].in(lcBlamedWeapon) {
			return sc.grp[sc.ms[mi].group]
		}
		if !sc.toks[w].word || sc.inMention(w) {
			return nil
		}
	}
	return nil
}

// inClauseAfter returns the first word w after i, at most window words on
// and before any clause break; -1 if none.
func (sc *scope) inClauseAfter(i int, w string, window int) int {
	for k := i + 1; k < sc.s.to && k <= i+window; k++ {
		if sc.toks[k].is(cClauseBreak) {
			return -1
		}
		if sc.toks[k].low == w {
			return k
		}
	}
	return -1
}

// blamedWeaponWindow: the weapon noun after the demonym, past a model's
// name and a modifier ("Russian Kh-22 cruise missiles").
const blamedWeaponWindow = 3

// thatSubject finds the subject of the that-clause after the verb at i
// ("alleged that Y ...", "charged that Y ..."), or the focus of a cleft
// there ("charged that it was Y, not Z, that ..."); found reports a "that".
func (sc *scope) thatSubject(i int) (g []int, found bool) {
	for k := i + 1; k < sc.s.to && k <= i+allegedThatWindow; k++ {
		if sc.toks[k].low != "that" {
			continue
		}
		if k+2 < sc.s.to && sc.toks[k+1].low == "it" && sc.toks[k+2].is(cBe) {
			k += 2 // a cleft: "that it was Washington ... that"
		}
		if g = sc.after(k); g != nil && sc.eligible(sc.ms[g[0]].group) {
			return g, true
		}
		return nil, true
	}
	return nil, false
}

// relativeObject finds the antecedent of an object-gapped relative clause
// whose subject is src: "..., Hamas, which he again condemned for the
// attack" (the accused is the actor before ", which"), past an
// apposition the relative hangs on ("the MAK, a separatist group that
// Algiers blames for the fires": appositiveName). Not the owner before
// "whose" (golden/clauses.jsonl: "a diplomat from Russia, whose embassy
// Norway accused of spying" gives nothing).
func (sc *scope) relativeObject(src []int) []int {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p-2 < sc.s.from {
		return nil
	}
	e := -1
	switch w := sc.toks[p].low; {
	case (w == "which" || w == "whom") && sc.toks[p-1].low == ",":
		e = p - 2
	case w == "which" || w == "that":
		e = sc.appositiveName(p - 1)
	}
	if e < sc.s.from {
		return nil
	}
	mi, ok := sc.endAt(e)
	if !ok && sc.toks[e].low == ")" && e-2 > sc.s.from && sc.toks[e-2].low == "(" {
		mi, ok = sc.endAt(e - 3) // "the Tehrik-i-Taliban Pakistan (TTP), which ...": past the short name
	}
	if ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// appositiveName returns the last token of the name before an apposition
// that ends at k and that a relative clause follows: ", a separatist
// group" (a comma, "a" or "an", at most relativeHeadWindow words that
// start no name); else -1.
func (sc *scope) appositiveName(k int) int {
	for j := k; j > sc.s.from+1 && j >= k-relativeHeadWindow; j-- {
		t := &sc.toks[j]
		if (t.low == "a" || t.low == "an") && j < k && sc.toks[j-1].low == "," {
			return j - 2
		}
		if _, named := sc.startAt(j); !t.word || named {
			return -1 // "a Gulf state" passes, "a ally Russia" does not
		}
	}
	return -1
}

// relativeHeadWindow: the words of an apposition between a name and the
// relative clause on it (", a Gulf state that", ", a separatist group that").
const relativeHeadWindow = 5

// actAgent finds the agent of a participle on the object of the verb at i:
// "condemned the Freedom Edge tripartite joint military exercises staged
// by the United States, Japan and South Korea" (the participle and "by"
// within actAgentWindow words, in the verb's clause).
func (sc *scope) actAgent(i int) []int {
	for k := i + 1; k+1 < sc.s.to && k <= i+actAgentWindow; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," || t.low == "which" || t.low == "that" {
			return nil
		}
		if sc.toks[k+1].low == "by" && (strings.HasSuffix(t.low, "ed") || t.is(cActNoun|cHostileNoun) || t.low == "out" && sc.toks[k-1].low == "carried") {
			return sc.after(k + 1) // "condemned as a blatant aggression a missile attack by Iran"
		}
		if e := sc.timeAfterVerb(k + 1); e > k && e+1 < sc.s.to && sc.toks[e+1].low == "by" && (strings.HasSuffix(t.low, "ed") || t.in(lcHeldParticiple)) {
			return sc.after(e + 1) // "a drill held last week by A, B and C"
		}
	}
	return nil
}

// dealParties returns the parties named after "between" on a noun of a
// deal (lexicon class between-deed) in the object of the verb at i: "condemned
// the illegal arms dealings between Pyongyang and Moscow", "denounced the
// 2019 maritime boundary deal between Ankara and Tripoli as illegal". Two
// or more parties, and the noun within actAgentWindow words of the verb.
func (sc *scope) dealParties(i int) []int {
	for k := i + 1; k+1 < sc.s.to && k <= i+actAgentWindow; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," || t.low == "which" || t.low == "that" {
			return nil
		}
		if sc.toks[k+1].low == "between" && sc.x.lex.in("between-deed", t.low) {
			if g := sc.after(k + 1); len(g) >= 2 {
				return g
			}
			return nil
		}
	}
	return nil
}

// relativeDoer returns the subject of a relative clause on the act or
// exercise the verb at i condemns, when that clause tells the act done:
// "denounced the joint air drills which the United States and the
// Republic of Korea had staged", "condemned the raid that Rwandan
// troops carried out". Drills need two parties or more ("the drills that
// Vietnam conducted with India" stays an alliance alone). Not a clause of
// saying or of accusing ("the attack that Israel said ...", "the strike
// that Kyiv blamed on ...").
func (sc *scope) relativeDoer(i int) []int {
	for k := i + 1; k+2 < sc.s.to && k <= i+actAgentWindow; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," {
			return nil
		}
		if w := sc.toks[k+1].low; w != "which" && w != "that" || !sc.deedHead(t) && !t.in(lcExerciseNoun) {
			continue
		}
		g := sc.after(k + 1)
		if g == nil || sc.ms[g[0]].from > k+relativeSubjectWindow {
			return nil
		}
		if sc.doneVerb(sc.ms[g[len(g)-1]].to) && (len(g) > 1 || !t.in(lcExerciseNoun)) {
			return g // drills of one party are left to the alliance rules' reading (relativeAllies)
		}
		return nil
	}
	return nil
}

// relativeSubjectWindow: from an act noun to its relative clause's
// subject ("drills which the United States").
const relativeSubjectWindow = 3

// doneVerb reports a verb of doing at v, past its auxiliaries: a past
// participle or a verb of holding ("had staged", "carried out", "held"),
// not one of saying or accusing.
func (sc *scope) doneVerb(v int) bool {
	for v+1 < sc.s.to && sc.toks[v].is(cAux) {
		v++
	}
	t := &sc.toks[v]
	if v >= sc.s.to || t.is(cReporting) || t.cap {
		return false
	}
	if tr, ok := sc.trigOf(t); ok && (tr.rel == graph.Accuses || tr.rel == graph.Denies) {
		return false
	}
	return len(t.low) > 4 && strings.HasSuffix(t.low, "ed") || t.in(lcHeldParticiple) || t.is(cHostile)
}

// actDoer finds the doer of the act the verb at i condemns when a
// demonym names it before the act noun, past "what X called", a
// determiner and compound nouns (actNounWindow words): "condemned what he
// described as the Turkish bombardment", "denounced Russian drone
// attacks", "condemned the Israeli air strike".
func (sc *scope) actDoer(i int) []int {
	k := i + 1
	if k < sc.s.to {
		if j := sc.skipWhatCalled(k); j != k {
			k = j + 1
		}
	}
	k = sc.pastActWords(k, sc.s.to)
	if n := sc.timeOwner(k); n > k {
		k = sc.pastActWords(n, sc.s.to) // "condemned last week's Israeli air strike"
	}
	mi, ok := sc.startAt(k)
	if ok && sc.ms[mi].to-1 > k && sc.toks[sc.ms[mi].to-1].is(cActNoun|cHostileNoun) && !sc.ms[mi].person {
		return sc.grp[sc.ms[mi].group] // "a series of Israeli attacks": the act noun ends the mention
	}
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	for n := sc.ms[mi].to; n < sc.s.to && n < sc.ms[mi].to+actNounWindow; n++ {
		t := &sc.toks[n]
		if t.is(cActNoun | cHostileNoun) {
			return sc.grp[sc.ms[mi].group]
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak) {
			return nil
		}
	}
	return nil
}

// timeOwner returns the index after a time's possessive at k that dates
// an act ("last week's", "Sunday's", "yesterday's": time-opener and
// time-noun, a weekday or month, time-adverb, then "'s"), or k when there is none.
func (sc *scope) timeOwner(k int) int {
	n := k
	if n+1 < sc.s.to && sc.toks[n].in(lcTimeOpener) && sc.toks[n+1].in(lcTimeNoun) {
		n++
	} else if n >= sc.s.to || !sc.toks[n].is(cWeekday) && !sc.toks[n].in(lcTimeAdverb) && !sc.toks[n].in(lcTimeNoun) {
		return k
	}
	if n+1 < sc.s.to && sc.toks[n+1].low == "'s" {
		return n + 2
	}
	return k
}

// actAgentWindow: how far the "VERBed by" of an act stands after the verb
// condemning it (a name and four modifiers before the act noun).
const actAgentWindow = 12

// deedOf reads "denounced the French decision", "condemned the Emirati
// deal": a demonym on a noun of the lexicon's deed-noun class right after
// the verb at i names whose deed is condemned.
func (sc *scope) deedOf(i int) []int {
	k := i + 1
	for k < sc.s.to && k <= i+allegedThatWindow && sc.toks[k].in(lcDeterminer) {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	if n := sc.ms[mi].to; n < sc.s.to && sc.toks[n].in(lcDeedNoun) {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// lastAct resolves "condemned the test", "denounced the strikes" with no
// doer named: the doer of the last hostile act the article told, if it was
// told in the last actMemory sentences (data/lexicon.txt: act-noun, and
// the hostile verbs); told further back, the doer of the article's first
// act named by a noun, its lead story, when the noun may name that act
// (sameAct: "Colombian air strikes hit a camp ... Brazil later condemned
// the operation"; not "condemned the test").
func (sc *scope) lastAct(i int) graph.ActorID {
	j := sc.pastActWords(i+1, min(sc.s.to, i+actNounWindow+2))
	if j == i+1 || j >= sc.s.to || !sc.toks[j].is(cActNoun) {
		return ""
	}
	if n := j + 1; n < sc.s.to && (sc.toks[n].low == "of" || sc.toks[n].low == "by" ||
		(sc.toks[n].low == "on" || sc.toks[n].low == "against") && sc.after(n) != nil) {
		return "" // "the attack on X", "the strikes by Y": named there, or not by it ("the strikes on the airports" is)
	}
	if sc.st.lastActor == "" || sc.st.sentences-sc.st.lastActAt > actMemory {
		if sc.st.leadActor != "" && sc.sameAct(sc.toks[j].low, sc.st.leadAct) {
			return sc.st.leadActor // the story's own act, told far back: "condemned the operation"
		}
		return ""
	}
	return sc.st.lastActor
}

// sameAct reports whether the act noun w may name the act first named by
// lead: the same word, or two words of the lexicon's armed-act class
// ("the strikes" ... "the operation", "the raid"); a test is no strike.
func (sc *scope) sameAct(w, lead string) bool {
	return w == lead || sc.x.lex.has(lcArmedAct, w) && sc.x.lex.has(lcArmedAct, lead)
}

// passiveAccuserWindow is how far after a passive accusation its "by X"
// may stand: past the act blamed and a time and place ("Hamas was blamed
// for the attack on the border crossing near Rafah last week by").
const passiveAccuserWindow = 24

// allegedThatWindow is how far after a verb its "that" or the
// determiners of its object may reach: one word between ("alleged on
// Monday that" is not; "alleged privately that", "condemned all the").
const allegedThatWindow = 2

// accusedObjectWindow is how far after an accusation verb its object
// may stand after one of its obj= prepositions, past the act blamed
// ("blamed the attack on the border post on Kyiv").
const accusedObjectWindow = 10

// actNounWindow is how far an act noun stands from the verb that names
// it, across a determiner and two modifiers: "condemned the latest
// missile test", "denounced the planned arms transfer", "made fresh
// accusations".
const actNounWindow = 4

// accusedOfWindow is how far after "accused" its "of" may stand: past a
// long accused phrase ("accused the Rwandan-backed M23 rebel group and
// its allies in eastern Congo of").
const accusedOfWindow = 16

// actMemory is how many sentences back an act may have been told for "the
// test" to name it: the act and its condemnation stand in one paragraph
// (this sentence and the two before it) in wire copy.
const actMemory = 2

// actOf finds who did the act a condemnation names: "condemned the
// transfer of Iranian missiles", "denounced the delivery by X".
func (sc *scope) actOf(i int) []int {
	for k := i + 1; k < sc.s.to && k <= i+actNounWindow; k++ {
		t, ok := sc.trigOf(&sc.toks[k])
		if ok && t.rel == graph.Supplies && t.pos == noun {
			if g := sc.agent(k, winModifier); g != nil {
				return g
			}
			return sc.goodsMaker(k)
		}
		if !sc.toks[k].word || sc.toks[k].is(cBe) {
			return nil
		}
	}
	return nil
}

// lastSupplier resolves "condemned the transfer" with nothing else named:
// the supplier of the article's last supply.
func (sc *scope) lastSupplier(i int) []endpoint {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "the" && sc.toks[i+1].low != "every" {
		return nil
	}
	h := sc.pastActWords(i+1, min(sc.s.to, i+actNounWindow+2))
	if h >= sc.s.to {
		return nil
	}
	t, ok := sc.trigOf(&sc.toks[h])
	if !ok || t.rel != graph.Supplies || t.pos != noun || sc.st.lastSupplier == "" {
		return nil
	}
	if n := h + 1; n < sc.s.to && (sc.toks[n].low == "of" || sc.toks[n].low == "to" || sc.toks[n].low == "by") {
		return nil
	}
	return []endpoint{{id: sc.st.lastSupplier, span: graph.Span{Start: sc.toks[h].start, End: sc.toks[h].end}}}
}

// movedBy reads ", a move X condemned" after a clause: it returns that
// clause's subject when src is the subject of such a relative clause.
func (sc *scope) movedBy(src []int) []int {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p > sc.s.from && (sc.toks[p].low == "that" || sc.toks[p].low == "which") {
		p-- // "a coordinated shift that Netanyahu denounced"
	}
	if p <= sc.s.from {
		return nil
	}
	if h := sc.apposedDeedHead(p); h > 0 && h != p {
		p = h // "a coordinated shift by three of its partners that Netanyahu denounced"
	}
	if sc.toks[p].is(cActNoun) {
		if g := sc.actApposed(p); g != nil {
			return g // "an Israeli air strike on Doha, an attack that Riyadh condemned"
		}
		if sc.apposedDeedHead(p) != p {
			return nil
		}
	} else if !sc.toks[p].in(lcAsideAct) && !(sc.apposedDeedHead(p) == p && sc.x.lex.endsIn("event-ending", sc.toks[p].low, 3)) {
		return nil
	}
	return sc.mainSubject(p)
}

// mainSubject returns the subject of the main clause before p: after a
// verb of saying, the said clause's ("Chile said Peru had closed the
// border, a decision that Bolivia condemned": Peru's); a passive's agent
// when named; nil when none.
func (sc *scope) mainSubject(p int) []int {
	from := sc.afterLastSaying(p)
	var subj []int
	for g := range sc.grp {
		first := sc.ms[sc.grp[g][0]].from
		if first >= p {
			break
		}
		if first >= from && sc.eligible(g) && sc.ms[sc.grp[g][0]].pron == "" && (subj == nil || sc.contrastClause(first)) {
			subj = sc.grp[g]
		}
	}
	if subj == nil {
		return nil
	}
	if v := sc.passiveAfter(sc.ms[subj[len(subj)-1]].to); v > 0 {
		// "... though the region was granted a seat, a decision X
		// protested": granted by someone else, the agent when named
		// ("Palestine was recognised by A and B, in a move X condemned")
		return sc.agent(v, movedAgentWindow)
	}
	return subj
}

// movedAgentWindow: how far after a passive participle its "by" may stand
// ("was formally recognised on Tuesday by").
const movedAgentWindow = 5

// contrastClause reports a group starting at f, past a determiner, that
// opens a clause of contrast (class contrast-break: "but", "though",
// ";"): "A has not recognised it, though B was granted a seat, a decision
// X condemned" renames B's clause, not A's.
func (sc *scope) contrastClause(f int) bool {
	k := f - 1
	if k > sc.s.from && sc.toks[k].in(lcDeterminer) {
		k--
	}
	return k > sc.s.from && sc.x.lex.in("contrast-break", sc.toks[k].low)
}

// passiveAfter returns the participle of a passive verb right after a
// subject ending at e: a form of be (after an auxiliary), adverbs in -ly,
// and a participle ("was granted", "had been given", "was formally
// recognised"); 0 when none stands there.
func (sc *scope) passiveAfter(e int) int {
	for e < sc.s.to && sc.toks[e].is(cAux) && !sc.toks[e].is(cBe) {
		e++
	}
	if e+1 >= sc.s.to || !sc.toks[e].is(cBe) {
		return 0
	}
	if sc.toks[e+1].is(cBe) && e+2 < sc.s.to {
		e++ // "had been given", "is being sent"
	}
	e++
	for e+1 < sc.s.to && len(sc.toks[e].low) > 4 && strings.HasSuffix(sc.toks[e].low, "ly") {
		e++ // "was formally recognised"
	}
	if w := sc.toks[e].low; len(w) > 4 && strings.HasSuffix(w, "ed") || sc.toks[e].in(lcIrregularPast) {
		return e
	}
	return 0
}

// apposedDeedHead returns the head of a noun phrase apposed after a comma
// that ends at p, the word before a relative clause: ", a coordinated
// shift by three of its partners that ...", ", an attack that ...", ", a
// deployment Maduro denounced" (a determiner right after the comma, then
// lower-case words; the head is the last of them before a preposition,
// within apposedWindow words). It returns -1 when p ends no such phrase.
func (sc *scope) apposedDeedHead(p int) int {
	c := p
	for c > sc.s.from && c > p-apposedDeedWindow && sc.toks[c].low != "," {
		if sc.toks[c].is(cClauseBreak) {
			return -1
		}
		c--
	}
	if sc.toks[c].low != "," || c+2 > p || !sc.toks[c+1].in(lcDeterminer) {
		return -1
	}
	h := c + 2
	for k := c + 2; k <= p; k++ {
		t := &sc.toks[k]
		if t.is(cPreposition) {
			break
		}
		if !t.word || t.cap && !sc.inMention(k) {
			return -1
		}
		if !sc.inMention(k) {
			h = k
		}
	}
	if !sc.toks[h].word || sc.toks[h].cap {
		return -1
	}
	return h
}

// apposedDeedWindow: the words from the comma of an apposed phrase to the
// relative clause after it ("a coordinated shift by three of Washington's
// closest partners").
const apposedDeedWindow = 12

// actApposed finds the doer of the act that an apposed act noun at p
// renames: "an Israeli air strike on Hamas officials in Doha, an attack
// that Saudi Arabia condemned" (a demonym or possessive on the act noun
// before the comma, in the same clause).
func (sc *scope) actApposed(p int) []int {
	c := sc.prevWord(p)
	if c <= sc.s.from || sc.toks[c].low != "," {
		return nil
	}
	for k := c - 1; k >= sc.s.from; k-- {
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
		if sc.toks[k].is(cActNoun | cHostileNoun) {
			if g := sc.actOwner(k); g != nil {
				return g
			}
		}
	}
	return nil
}

// actOwner finds a demonym or possessive before the act noun at k, past
// lower-case compound nouns ("an Israeli air strike", "Russia's drone
// attacks"; actNounWindow words).
func (sc *scope) actOwner(k int) []int {
	for j := k - 1; j >= sc.s.from && j >= k-actNounWindow; j-- {
		if mi, ok := sc.endAt(j); ok {
			if sc.ms[mi].adj || sc.ms[mi].poss {
				return sc.grp[sc.ms[mi].group]
			}
			return nil
		}
		if t := &sc.toks[j]; t.low != "'s" && (!t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe) || t.in(lcDeterminer)) {
			return nil
		}
	}
	return nil
}

// nested handles "accused X of supplying Y": the gerund's source is X,
// claimed by the accuser.
func (sc *scope) nested(i int, accused, accuser []int) {
	for k := i + 1; k < sc.s.to-1 && k < i+accusedOfWindow; k++ {
		if sc.toks[k].low == "of" || sc.toks[k].low == "for" {
			sc.nestedGerunds(k+1, override{src: accused, by: sc.first(accuser)})
			return
		}
		if sc.toks[k].is(cClauseBreak) {
			return
		}
	}
}

// nestedGerunds gives ov to each gerund trigger of a coordinated list
// starting at k: "of sheltering and training the rebels", "of harbouring,
// arming or funding them" (each gerund's subject is the accused).
func (sc *scope) nestedGerunds(k int, ov override) {
	for ; k < sc.s.to; k++ {
		w := sc.toks[k].low
		if w == "and" || w == "or" || w == "," || w == "\"" {
			continue // "of \"flooding ..."
		}
		if !strings.HasSuffix(w, "ing") {
			if b := sc.meansBy(k); b > 0 {
				k = b // "of prolonging the conflict by hosting and arming the rebels": the means share the subject
				continue
			}
			return
		}
		if t, ok := sc.trigOf(&sc.toks[k]); ok && t.pos == verbGer && t.rel != graph.Accuses {
			if sc.overrides == nil {
				sc.overrides = map[int]override{}
			}
			sc.overrides[k] = ov
		}
	}
}

// meansWindow: the object of an accused gerund between it and the "by"
// of its means ("of prolonging the war by", "of violating a UN arms
// embargo on Libya by").
const meansWindow = 8

// meansBy returns the "by" of a means gerund after the object of an
// accused gerund that ends at k ("of prolonging the conflict by hosting
// and arming"), or -1 when none follows in the clause.
func (sc *scope) meansBy(k int) int {
	for j := k; j < sc.s.to-1 && j < k+meansWindow; j++ {
		t := &sc.toks[j]
		if t.low == "by" {
			if strings.HasSuffix(sc.toks[j+1].low, "ing") {
				return j
			}
			return -1
		}
		if t.is(cClauseBreak) || t.low == "," || t.low == "that" || t.low == "which" {
			return -1
		}
	}
	return -1
}

func (sc *scope) accusationNoun(i int, t trig) {
	if sc.toks[i].in(lcThatCharge) && (i+1 >= sc.s.to || sc.toks[i+1].low != "that") {
		return // "dropped the charges against ...": a court's, unless "that" says what it charges
	}
	src := sc.agent(i, winNoun)
	if src == nil {
		src = sc.modifierBefore(i)
		if src != nil && sc.inquiryBetween(src, i) {
			src = nil // "a U.N. office investigates allegations against him": no accuser
		}
	}
	if src == nil {
		// "made/levelled accusations": the subject of the verb before the noun
		for k := i - 1; k >= sc.s.from && k >= i-actNounWindow; k-- {
			if sc.toks[k].in(lcAccusationVerb) {
				src = sc.subject(k, sc.s.from)
			}
		}
	}
	if src == nil {
		sc.apposedCharge(i)
		return
	}
	var tgt []int
	if t.claim {
		tgt = sc.prepGroup(i, winObject, "against")
		if tgt == nil {
			for k := i + 1; k < sc.s.to && k < i+winObject; k++ {
				if sc.toks[k].low == "that" {
					tgt, _ = sc.object(k, winAdverb, "", false)
					break
				}
			}
		}
		if tgt == nil && sc.x.lex.in("special-grievance", sc.toks[i].low) {
			tgt = sc.grievanceDeed(i) // "a complaint with the council over the Iranian strike"
		}
	} else {
		tgt = sc.prepGroup(i, winAdverb, "of", "against")
		if tgt == nil && i+1 < sc.s.to && sc.toks[i+1].low == "of" {
			tgt = sc.actDoer(i + 1) // "Seoul's condemnation of the North Korean missile launch"
		}
	}
	if tgt == nil || sc.negated(sc.window(src, i), i, false) {
		return
	}
	sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
}

// inquiryBetween reports a verb of inquiry (inquiry-verb) between the
// group g and the claim noun at i: "a U.N. office investigates
// allegations", where the office inquires into the claim and makes none
// (modifierBefore reads "office investigates" as a noun phrase).
func (sc *scope) inquiryBetween(g []int, i int) bool {
	for k := sc.ms[g[len(g)-1]].to; k < i; k++ {
		if sc.x.lex.in("inquiry-verb", sc.toks[k].low) {
			return true
		}
	}
	return false
}

// modal reports a hypothetical: could, might, may, or would in a sentence
// with a condition (lexicon classes modal, conditional-modal, condition).
func (sc *scope) modal(lo, i int) bool {
	for k := lo; k < i; k++ {
		w := sc.toks[k].low
		if sc.x.lex.has(lcModal, w) || sc.x.lex.has(lcConditionalModal, w) && sc.conditional() {
			return true
		}
	}
	return false
}

// conditional reports whether the sentence states a condition ("if",
// "unless": lexicon class condition).
func (sc *scope) conditional() bool {
	for k := sc.s.from; k < sc.s.to; k++ {
		if sc.toks[k].in(lcCondition) || sc.invertedShould(k) {
			return true
		}
	}
	return false
}

// invertedShould reports a "should" at k that opens a condition by
// inversion: "would hold Y responsible should any of the balloons cause
// casualties" (a determiner, a pronoun or a name after it, no subject
// before it: not "Y should be held responsible").
func (sc *scope) invertedShould(k int) bool {
	if sc.toks[k].low != "should" || k+1 >= sc.s.to || k == sc.s.from {
		return false
	}
	if _, named := sc.endAt(k - 1); named || sc.toks[k-1].is(cPronoun) {
		return false
	}
	n := &sc.toks[k+1]
	return n.in(lcDeterminer) || n.is(cPronoun) || n.cap && n.word || n.low == "any"
}

// hypothetical reports what a claim from from says under a condition or
// as a question: "said whether it holds Y responsible", "said that if
// ..., it would hold Y accountable", "said it would hold Y responsible
// should ..." (a question-opener at from, or a conditional modal in the
// claim's first clause with a condition in the sentence).
func (sc *scope) hypothetical(from int) bool {
	if from >= sc.s.to {
		return false
	}
	if sc.toks[from].in(lcQuestionOpener) {
		return true
	}
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k := from; k < len(toks) && !toks[k].is(cClauseBreak) && toks[k].low != ","; k++ {
		if toks[k].in(lcConditionalModal) && sc.conditional() {
			return true // in the claim's first clause: not "..., and said that forces would have no place unless ..."
		}
	}
	return false
}

// withCounterpart adds to a subject named as someone's counterpart the
// one whose counterpart it is: "Polish Foreign Minister Radoslaw Sikorski
// and his Ukrainian counterpart Andrii Sybiha condemned ..." (a
// possessive pronoun, a demonym and a counterpart-noun between "and" and
// the name).
func (sc *scope) withCounterpart(src []int) []int {
	if src == nil {
		return nil
	}
	seen := false // the noun may be in the name's mention ("Ukrainian counterpart Andrii Sybiha")
	for k := sc.ms[src[0]].from; k < sc.ms[src[0]].to; k++ {
		seen = seen || sc.toks[k].in(lcCounterpartNoun)
	}
	for k := sc.ms[src[0]].from - 1; k > sc.s.from && k >= sc.ms[src[0]].from-counterpartWindow; k-- {
		t := &sc.toks[k]
		switch {
		case t.in(lcCounterpartNoun):
			seen = true
		case t.low == "and" && seen:
			if mi, ok := sc.endAt(k - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj && sc.ms[mi].pron == "" {
				return append(slices.Clip(sc.grp[sc.ms[mi].group]), src...)
			}
			return src
		case t.low == "," || t.word && !t.cap && !t.is(cClauseBreak) || sc.inMention(k):
		default:
			return src
		}
	}
	return src
}

// counterpartWindow: the words between "and" and the counterpart's name
// ("and his Papua New Guinean counterpart, James Marape,").
const counterpartWindow = 7

// accusedObject returns the object of a verb of accusing at i after the
// lexicon's obj= prepositions, or the owner of the door a blame is laid
// at ("laid the blame at Moscow's door").
func (sc *scope) accusedObject(i int, t trig) []int {
	if g := sc.doorOwner(i); g != nil {
		return g
	}
	g, _ := sc.object(i, accusedObjectWindow, t.obj, false)
	if g == nil && sc.toks[i].in(lcDeedObjectVerb) && !strings.Contains(t.obj, ",") {
		g = sc.deedLaidOn(i, t.obj)
	}
	if g == nil && sc.toks[i].in(lcBlameObjectVerb) {
		g = sc.deedLaidOn(i, "on") // "put the blame for Tuesday's blast at the hospital in Gaza City on Israel"
	}
	return g
}

// laidOnWindow: the words from a verb of the deed-object class to the
// preposition that names whom it lays the deed on, past a long object.
const laidOnWindow = 16

// deedLaidOn returns whom a verb of the deed-object class at i (pin,
// attribute; prep its one obj= preposition) lays a deed on past a long
// object, or through an agent that is none: "attributed a years-long
// hacking campaign against lawmakers and defence contractors to China",
// "... to hackers working for China's Ministry of State Security" (the
// group right after the preposition, else linkedTo's actor).
func (sc *scope) deedLaidOn(i int, prep string) []int {
	k := sc.inClauseAfter(i, prep, laidOnWindow)
	if k < 0 {
		return nil
	}
	if mi, ok := sc.startAt(k + 1); ok && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group]
	}
	return sc.linkedTo(k)
}

// doorWindow: the words from a verb to the "at" of a door a blame is laid
// at, past its object ("laid the blame for the collapse of the talks at").
const doorWindow = 10

// doorOwner returns whom a blame is laid on at the door of: after the
// verb at i and "at" (before any clause break), a door-noun's owner, a
// possessive before it ("at Moscow's door") or the group after its "of"
// ("at the door of the Kremlin"); nil else.
func (sc *scope) doorOwner(i int) []int {
	k := sc.inClauseAfter(i, "at", doorWindow)
	if k < 0 || k+2 >= sc.s.to {
		return nil
	}
	d := k + 1
	if mi, ok := sc.startAt(d); ok && sc.ms[mi].poss {
		d = sc.ms[mi].to
		if d < sc.s.to && sc.toks[d].low == "'s" {
			d++
		}
		if d < sc.s.to && sc.toks[d].in(lcDoorNoun) {
			return sc.grp[sc.ms[mi].group]
		}
		return nil
	}
	if sc.toks[d].in(lcDeterminer) && sc.toks[d+1].in(lcDoorNoun) && d+2 < sc.s.to && sc.toks[d+2].low == "of" {
		return sc.after(d + 2)
	}
	return nil
}

// modifierSubject returns the subject found for a verb of accusing, src,
// unless src only modifies a claim or news noun that is the object of a
// verb before it ("Kyiv rejected the Kremlin claims and accused Moscow":
// "Kremlin claims" is no clause, and the verb shares the subject of
// "rejected"); then that verb's subject.
func (sc *scope) modifierSubject(src []int) []int {
	if src == nil {
		return nil
	}
	e := sc.ms[src[len(src)-1]].to
	if e >= sc.s.to || !sc.toks[e].is(cClaimNoun) && !sc.toks[e].in(lcNewsNoun) {
		return src
	}
	p := sc.prevWord(sc.ms[src[0]].from)
	if p >= sc.s.from && sc.toks[p].in(lcDeterminer) {
		p = sc.prevWord(p)
	}
	if p < sc.s.from {
		return src
	}
	if t, ok := sc.trigOf(&sc.toks[p]); !ok || t.pos == noun || t.rel != graph.Denies && t.rel != graph.Accuses {
		return src
	}
	if s := sc.verbSubject(p); s != nil {
		return s
	}
	return src
}

// afterLastSaying returns where the clause of the word at i starts when a
// verb of saying stands before it in the sentence (the word after the
// last such verb outside a mention), else the sentence's start.
func (sc *scope) afterLastSaying(i int) int {
	from := sc.s.from
	for k := sc.s.from; k < i; k++ {
		if sc.toks[k].is(cReporting) && !sc.inMention(k) {
			from = k + 1
		}
	}
	return from
}
