package extract

// This file reads armed forces training together, told by a verb of
// training rather than a noun of exercises: "Finnish and Swedish troops
// practised with U.S. Marines and British commandos", "units of the
// Russian base practised together with Tajik formations and contingents
// from Kazakhstan". Forces that train together are allies, as in joint
// exercises.

import (
	"geokg/graph"
	"strings"
)

// trainedWith reads a verb of training (data/lexicon.txt,
// special-trained) with "with" after it, past a with-adverb ("together
// with"): the states of the forces named after "with" (trainPartners) are
// allies of the states of its subject, when the subject names forces;
// the states on each side are allies of each other too.
func (sc *scope) trainedWith(i int) {
	j := i + 1
	for j < sc.s.to && sc.toks[j].in(lcWithAdverb) {
		j++
	}
	if j >= sc.s.to || sc.toks[j].low != "with" && sc.toks[j].low != "alongside" {
		return // "practised with", "trained alongside"
	}
	y := sc.trainPartners(j)
	if y == nil {
		return
	}
	x := sc.verbSubject(i)
	if x == nil || !sc.trainForces(x) || sc.negated(sc.window(x, i), i, true) {
		return
	}
	partners := sc.stateEnds(y)
	sc.emitEnds(graph.AlliesWith, sc.stateEnds(x), partners, i, graph.Asserted, "", "")
	if sc.toks[j].low == "alongside" {
		return // "trained alongside A and B forces": the subject's partners, as alongsideForces reads them
	}
	sc.pairwise(partners, i)        // the partners train together too,
	sc.pairwise(sc.stateEnds(x), i) // and so do the subject's forces
}

// trainPartners returns the mentions of states named in the noun phrases
// after "with" at j, when a noun of forces (forces-head, train-partner)
// stands among them: "with U.S. Marines and British commandos", "with
// Tajik formations and contingents from Kazakhstan and Kyrgyzstan". The
// phrases end at a clause break, a comma or a determiner that opens
// another noun phrase after forces were named ("... commandos the defence
// of Norway"); nil when no forces are named.
func (sc *scope) trainPartners(j int) []int {
	forces := false
	end := j + 1
	for ; end < sc.s.to; end++ {
		t := &sc.toks[end]
		if t.is(cClauseBreak) || t.low == "," || forces && t.in(lcDeterminer) && !sc.toks[end-1].is(cPreposition) && sc.toks[end-1].low != "and" {
			break
		}
		if t.in(lcForcesHead) || t.in(lcTrainPartner) {
			forces = true
		}
	}
	if !forces {
		return nil
	}
	var out []int
	for mi := range sc.ms {
		if m := &sc.ms[mi]; m.from > j && m.to <= end && m.pron == "" {
			out = append(out, mi)
		}
	}
	return out
}

// trainForces reports a subject that names forces: "Finnish and Swedish
// troops" (forcesGroup), "Russian units" (a train-partner noun after it),
// "units of the Russian base" (a forces noun and "of" before it).
func (sc *scope) trainForces(x []int) bool {
	if sc.forcesGroup(x) {
		return true
	}
	if e := sc.ms[x[len(x)-1]].to; e < sc.s.to && sc.toks[e].in(lcTrainPartner) || sc.toks[e-1].in(lcTrainPartner) {
		return true
	}
	p := sc.prevWord(sc.ms[x[0]].from)
	if p >= sc.s.from && sc.toks[p].low == "the" {
		p--
	}
	return p-1 >= sc.s.from && sc.toks[p].low == "of" && (sc.toks[p-1].in(lcTrainPartner) || sc.toks[p-1].in(lcForcesHead))
}

// offWindow is how far after an exercise noun the verb of its clause may
// stand, past the phrase of its parties: "joint exercises between Kenya
// and Uganda were cancelled".
const offWindow = 10

// calledOff reports exercises at i told as never held: a word of a
// prospect or of calling off (exercise-off: "planned", "proposed",
// "postponed", "scrapped"; an off-verb before "off": "called off") in the
// words before the noun up to a comma or a clause break ("the planned
// joint exercises", "postponed its joint drills with B"), or after the
// noun as its clause's verb: the participle of a passive of calling off
// ("were cancelled", "have been called off") or a negator ("never took
// place", "did not take place").
func (sc *scope) calledOff(i int) bool {
	for k := i - 1; k >= sc.s.from && k >= i-winObject; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," {
			break
		}
		if !t.cap && (t.in(lcExerciseOff) || sc.offVerb(k)) {
			return true
		}
	}
	aux := false
	for k := i + 1; k < sc.s.to && k <= i+offWindow; k++ {
		t := &sc.toks[k]
		switch {
		case (t.low == "and" || t.low == "but") && !sc.nameAt(sc.nextWord(k)):
			return false // "held exercises with A and B and would not be told": another verb phrase
		case t.is(cNegator):
			return true // "never took place", "were not held"
		case t.is(cAux | cBe):
			aux = true
		case aux && (t.in(lcExerciseOff) || sc.offVerb(k)):
			return true // "were cancelled", "had been called off"
		case aux && !sc.adverb(k):
			return false // "were held": the verb of a clause held
		case t.is(cClauseBreak) || t.low == ",":
			return false
		}
	}
	return false
}

// offVerb reports a verb of calling off at k: an off-verb with "off"
// after it ("called off", "put off").
func (sc *scope) offVerb(k int) bool {
	return k+1 < sc.s.to && sc.toks[k].in(lcOffVerb) && sc.toks[k+1].low == "off"
}

// observedWith reports a group g after "with" that the words after it
// name observers of the exercises, not their partners: "held joint
// exercises with Tanzania as an observer" (as, a determiner or none, an
// observer-noun).
func (sc *scope) observedWith(g []int) bool {
	k := sc.ms[g[len(g)-1]].to
	if k >= sc.s.to || sc.toks[k].low != "as" {
		return false
	}
	k++
	if k < sc.s.to && sc.toks[k].in(lcDeterminer) {
		k++
	}
	return k < sc.s.to && sc.toks[k].in(lcObserverNoun)
}

// forcesFrom finds the states of forces named as "units from A, B and C"
// at the head of the clause of exercises at i: "Naval units from Iran,
// Russia and China held joint manoeuvres", "Troops from Kenya and Uganda
// held joint drills" (forcesFromHead); nil if there is none.
func (sc *scope) forcesFrom(i int) []int {
	lim := i - winObject
	for k := i - 1; k > sc.s.from && k >= lim; k-- {
		if g := sc.beforeGloss(k); g != k {
			lim -= k - g // "held the \"Three Brothers\" joint military exercise"
			k = g + 1
			continue
		}
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," && !sc.inMention(k) {
			return nil
		}
		mi, ok := sc.endAt(k)
		if !ok || sc.ms[mi].poss && sc.ms[mi].pron != "" {
			continue // "opened their annual drill": the owner is the subject's
		}
		g := sc.grp[sc.ms[mi].group]
		if f := sc.ms[g[0]].from; f-1 < sc.s.from || !sc.forcesFromHead(f-1) {
			return nil
		} else if sc.toks[f-1].low == "of" && sc.ms[g[0]].pron != "" {
			return nil // "the armed forces of the three countries": a count the rule leaves to the coreference
		}
		return g
	}
	return nil
}

// forcesFromHead reports a "from" (or an "of" after a plural forces-head:
// "The navies of A, B and C") at p after a noun of armed forces
// (forces-head, train-partner, body-of-head) that heads its sentence,
// with nothing but its modifiers before it, or a fronted time phrase
// closed by a comma ("Earlier, in September, special forces of"): "Naval
// units from",
// "Thousands of troops from"; not "Kenya hosted troops from" (the troops
// are an object). The states after it are the forces' subject, not an
// object ("Troops from Senegal and Gambia held": one group).
func (sc *scope) forcesFromHead(p int) bool {
	if p-1 < sc.s.from || !sc.forcesNoun(p-1) {
		return false
	}
	if w := sc.toks[p].low; w != "from" && (w != "of" || !sc.toks[p-1].in(lcForcesHead) && !sc.toks[p-1].in(lcTrainPartner) || !strings.HasSuffix(sc.toks[p-1].low, "s")) {
		return false // "of" after a plural noun of forces only: "The navies of A, B and C held", "Warships of A and B"
	}
	for j := p - 2; j >= sc.s.from; j-- {
		t := &sc.toks[j]
		if t.low == "-" || t.low == "—" || t.low == "–" || t.low == ":" {
			return true // the dash that ends a dateline ("(IRNA) -\nNaval units from") or a label's colon ("- PAKISTAN: troops from")
		}
		if t.low == "," {
			continue // a fronted time phrase: "Earlier, in September, special forces of A, B and C took part"
		}
		if !t.word || sc.inMention(j) || t.is(cAux|cBe|cReporting|cPreposition) && t.low != "of" && !sc.frontedTime(j) {
			return false
		}
	}
	return true
}

// frontedTime reports a preposition at j that opens a time phrase closed
// by a comma before the forces noun ("in September,", "on Tuesday,"): a
// preposition followed by a word of the weekday class (days and months)
// or a year.
func (sc *scope) frontedTime(j int) bool {
	if !sc.toks[j].is(cPreposition) && !sc.toks[j].in(lcTimePreposition) || j+2 >= sc.s.to || sc.toks[j+2].low != "," {
		return false
	}
	w := &sc.toks[j+1]
	return w.is(cWeekday) || startsDigit(w.text)
}

// forcesNoun reports a noun of armed forces at k (forces-head,
// train-partner or body-of-head).
func (sc *scope) forcesNoun(k int) bool {
	t := &sc.toks[k]
	return t.in(lcForcesHead) || t.in(lcTrainPartner) || t.in(lcBodyOfHead)
}

// forcesSubject returns x, or when x names fewer than two parties the
// states of forces "from A, B and C" heading the clause of i (forcesFrom).
func (sc *scope) forcesSubject(x []int, i int) []int {
	if len(sc.ends(x)) >= 2 {
		return x
	}
	if g := sc.forcesFrom(i); len(sc.ends(g)) >= 2 {
		return g
	}
	return x
}

// nameAt reports a mention starting at k.
func (sc *scope) nameAt(k int) bool {
	_, ok := sc.startAt(k)
	return ok
}

// plannedVerb reports a word of a plan at v with "to" after it: "the
// drills that A and B are expected to hold", "are due to stage" (plan-verb,
// or a stop word of intention: "plan to").
func (sc *scope) plannedVerb(v int) bool {
	return v+1 < sc.s.to && (sc.toks[v].in(lcPlanVerb) || sc.toks[v].is(cStopVerb)) && sc.toks[v+1].low == "to"
}

// exerciseTopic reports exercises at i that are the object of a
// preposition of a topic (topic-preposition: "argued over joint drills",
// "talks about the exercises", "protested against them"): the clause's
// subject speaks of them, it holds none (their own agents, "held by A and
// B", are read before).
func (sc *scope) exerciseTopic(i int) bool {
	k := sc.phraseStart(i, modifierChainWindow)
	return k-1 >= sc.s.from && sc.toks[k-1].in(lcTopicPreposition)
}
