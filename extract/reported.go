package extract

// This file reads accusations told with no verb of accusing, inside what
// someone is reported to say: an act or a conduct whose doer is named
// ("Israel's attacks", "the conduct of the coast guard", "strikes carried
// out by India", "this reckless Chilean behaviour") and that a hostile
// word judges ("was a violation", "reckless", "show that its government is
// a threat", "must be stopped"); "X bears full responsibility for". The
// speaker accuses the doer. A victim named with the act ("the attack on
// Qatar") is no doer, and an act nobody judges ("said Russian strikes
// killed 14") no accusation. The word lists are the lexicon's classes
// conduct-noun, hostile-evaluation, hostile-modifier, evaluation-link,
// evaluation-head, evaluation-of, bear-verb and responsibility-noun.

import (
	"strings"

	"geokg/graph"
)

// Windows of judged acts.
const (
	// conductOwnerWindow: the words between an act noun and the
	// possessive or demonym naming its doer, and the hostile modifiers
	// before it ("China's \"escalatory and irresponsible actions\"").
	conductOwnerWindow = 6
	// conductAgentWindow: the "by" of an act's doer after the act noun,
	// past a participle and a time ("the strikes carried out by", "the
	// raid launched on Monday by").
	conductAgentWindow = 5
	// evaluationWindow: the hostile word after the verb that judges an
	// act, past a determiner, quotes and modifiers ("was \"a flagrant act
	// of war\"", "must be stopped").
	evaluationWindow = 6
	// judgedSubjectWindow: the subject of the clause after "shows that"
	// before its verb ("show that its government is a threat").
	judgedSubjectWindow = 6
	// responsibilityWindow: "responsibility" after "bears" ("bore full
	// and sole responsibility").
	responsibilityWindow = 4
	// describedWindow: the act noun after "described" or "called", past a
	// determiner, a doer and modifiers ("called Iran's \"reckless\"
	// missile strikes").
	describedWindow = 8
	// describedAgentWindow: the "by" of the agent after a verb of
	// describing, past its object and the quoted judgement ("calling the
	// joint exercise \"an unfortunate provocation\" by Washington"); past
	// describedWindow words, only right after the hostile word.
	describedAgentWindow = 12
	// judgedClaimWindow: the verb judging a claim after the claim noun,
	// past its that-clause ("the claim that Doha had been told in advance
	// was false").
	judgedClaimWindow = 20
)

// evaluatedAct reads the stretch from..to that subj is reported to say
// for an act or a conduct whose doer is named and that a hostile word
// judges, or a doer said to bear the responsibility, and adds subj's
// accusation of that doer. It reports whether it found one.
func (sc *scope) evaluatedAct(from, to int, subj []int) bool {
	by := sc.first(subj)
	toks := sc.toks[:to] // a slice of its own: its bounds read once
	for h := max(from, sc.s.from); h < len(toks); h++ {
		t := &toks[h]
		if !t.word || t.cap {
			continue // the words below are lower-case: the cheap test first
		}
		var y []int
		switch {
		case t.is(cActNoun) || t.in(lcConductNoun):
			y = sc.conductDoer(h, to)
			if y == nil && t.is(cActNoun) && sc.recalledAct(from, h) && sc.judgedAfter(h, to) {
				// "said the launches were \"absolutely unacceptable\"": the act told before
				if id := sc.recalledDoer(t.low); id != "" && id != by && !sc.negated(max(from, h-hostilePolarityWindow), h, false) {
					sc.emitIDs(graph.Accuses, subj, []graph.ActorID{id}, h, graph.Asserted, "", "")
					return true
				}
			}
			if y == nil || !sc.judgedBefore(h) && !sc.judgedAfter(h, to) {
				continue
			}
		case t.in(lcBearVerb) && sc.hallmarksOf(h) != nil:
			y = sc.hallmarksOf(h) // "said the attack bore the hallmarks of Russian military intelligence"
		case t.in(lcBearVerb) && sc.classWithin(h+1, responsibilityWindow, lcResponsibilityNoun):
			if y = sc.roleAsideSubject(h, from); y == nil {
				y = sc.subject(h, from)
			}
			if y == nil || !sc.adjacentSubject(y, h) || sc.dutyAfter(h+1) {
				continue
			}
		case t.in(lcLiesWith) && sc.blameBefore(h, from):
			if y = sc.prepGroup(h, winAdverb, "with"); y == nil {
				continue // "the responsibility for the situation lies with Russia"
			}
		case t.is(cBe) || t.in(lcCopula):
			if y = sc.judgedSubject(from, h); y == nil || !sc.evaluation(h, to, lcHostileEvaluation) {
				continue // "said Iran is a threat to the region", "remains an occupying force"
			}
		default:
			continue
		}
		if sc.about(y, by) || sc.negated(max(from, h-hostilePolarityWindow), h, false) || sc.classWithin(from, h-from, lcConcernWord) {
			continue
		}
		sc.emit(graph.Accuses, subj, y, h, graph.Asserted, "", "")
		return true
	}
	return false
}

// saidBefore reads what subj said before its attribution, from the
// sentence's start to the comma at p: "'Cambodia targeted civilians,' the
// spokesman said", "'Israel's attacks are a crime,' the minister said",
// "'Washington's claims are lies,' the ministry said".
func (sc *scope) saidBefore(p int, subj []int) {
	from := sc.saidFrom()
	if !sc.quotedAct(from, p, subj) && !sc.evaluatedAct(from, p, subj) {
		sc.hostileVerb(from, p, subj)
	}
	sc.judgedClaim(from, p, subj)
}

// saidFrom returns where what a speaker named after it said starts: the
// sentence's start, past a dateline ("KINSHASA, Jan 28 (Reuters) - The
// shells were fired by the Rwandan army, spokesman X said": the dateline's
// commas and dash are no clause of the claim).
func (sc *scope) saidFrom() int {
	if d := dateline(sc.toks, sc.s.from, sc.s.to); d > sc.s.from && d < sc.s.to {
		return d
	}
	return sc.s.from
}

// quotedAct reads a hostile act named by a noun with its agent, or a
// charged act, in what was said before its attribution at p, as in a
// that-clause (hostile): "'This is a provocation by Moscow,' the minister
// said", "'Rwanda's involvement is clear,' X told the council". It
// reports whether it found one.
func (sc *scope) quotedAct(from, p int, subj []int) bool {
	end := sc.s.to
	sc.s.to = p
	defer func() { sc.s.to = end }()
	return sc.hostileAct(from, subj) || sc.chargedAct(from, subj)
}

// conductDoer finds who did the act or conduct the noun at h names: a
// possessive or demonym before it ("Israel's attacks", "this reckless
// Chilean behaviour"), an of-phrase after a conduct noun ("the conduct of
// the China Coast Guard"; not after an act noun: "the invasion of
// Ukraine" names the victim), or a by-phrase after it, past a participle
// ("the strikes carried out by India"). A name after "on" or "against"
// is the victim: the search stops there.
func (sc *scope) conductDoer(h, to int) []int {
	if y := sc.conductOwner(h); y != nil {
		return y
	}
	n := h + 1
	if n+1 < to && (sc.toks[n].low == "\"" || sc.toks[n].low == "'") {
		n++ // "the \"excessive and offensive actions\" of the China Coast Guard"
	}
	if n < to && sc.toks[n].low == "of" && !sc.toks[h].is(cActNoun) && !sc.toks[h].in(lcOfPatient) {
		return sc.after(n) // not "the blockade of Gaza": what was hit
	}
	for k := h + 1; k < to && k <= h+conductAgentWindow; k++ {
		t := &sc.toks[k]
		if t.low == "by" {
			return sc.after(k)
		}
		if mi, ok := sc.startAt(k); ok && sc.toks[k-1].low == "of" {
			k = sc.ms[mi].to - 1 // "the occupation of Crimea by Russia": what was hit
			continue
		}
		if t.low == "\"" {
			continue // "called the strike \"another reckless act by the Houthis\"": the judgement quoted
		}
		if _, ok := sc.startAt(k); ok || !t.word || t.is(cClauseBreak|cBe) || t.low == "which" || t.low == "that" {
			return nil
		}
	}
	return nil
}

// conductOwner finds a possessive or demonym before the noun at h, past
// modifiers, quotes and "and" ("China's \"escalatory and irresponsible
// actions\"", "Russia's expansionist policies").
func (sc *scope) conductOwner(h int) []int {
	if mi, ok := sc.endAt(h); ok && sc.ms[mi].from < h && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group] // "Israeli strikes": the noun heads the mention
	}
	for k := h - 1; k >= sc.s.from && k >= h-conductOwnerWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			if m := &sc.ms[mi]; (m.poss || m.adj) && m.pron == "" {
				return sc.grp[m.group] // not "their criminal moves": a pronoun read wrong costs more than it finds
			}
			return nil
		}
		if t := &sc.toks[k]; t.low == "'s" || t.low == "and" || !t.word && t.low != "," {
			continue
		}
		if !sc.lowerNoun(k) {
			return nil
		}
	}
	return nil
}

// lowerNoun reports a lower-case word that may stand inside a noun
// phrase before its head: a modifier or a compound noun ("missile",
// "reckless"), not a verb form of the clause, a preposition or a
// determiner.
func (sc *scope) lowerNoun(k int) bool {
	t := &sc.toks[k]
	if !t.word || t.cap || t.is(cPreposition|cAux|cBe|cClauseBreak|cNegator|cReporting) || t.in(lcDeterminer) {
		return false
	}
	return t.low != "that" && t.low != "which" && !strings.HasSuffix(t.low, "ing")
}

// judgedBefore reports a hostile modifier of the act noun at h among the
// words before it ("this reckless Chilean behaviour", "Iran's \"reckless\"
// missile strikes").
func (sc *scope) judgedBefore(h int) bool {
	for k := h - 1; k >= sc.s.from && k >= h-conductOwnerWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcHostileModifier) {
			return true
		}
		if _, ok := sc.endAt(k); ok || t.low == "'s" || t.low == "and" || !t.word {
			continue
		}
		if !sc.lowerNoun(k) && !sc.inMention(k) {
			return false
		}
	}
	return false
}

// judgedAfter reports a verb after the act noun at h, in its clause,
// that judges it by a hostile word: a form of be or a word of the
// evaluation-link class ("were a violation", "constituted a flagrant act
// of war", "must be stopped"), or "show(s) that" and a clause whose verb
// does ("show that its government is a threat").
func (sc *scope) judgedAfter(h, to int) bool {
	for k := h + 1; k < to; k++ {
		t := &sc.toks[k]
		if t.is(cClauseBreak) {
			return false
		}
		if !t.is(cBe) && !t.in(lcEvaluationLink) {
			continue
		}
		if sc.toks[k-1].is(cNegator) {
			return false // "did not amount to aggression"; not "the decision not to extend ... was"
		}
		if k+1 < to && sc.toks[k+1].low == "that" {
			return sc.judgedClause(k+2, to)
		}
		return sc.evaluation(k, to, lcHostileEvaluation)
	}
	return false
}

// judgedClause reads the clause from k after "shows that": its first
// form of be within judgedSubjectWindow words, judged by a hostile word.
func (sc *scope) judgedClause(k, to int) bool {
	for j := k; j < to && j < k+judgedSubjectWindow; j++ {
		if sc.toks[j].is(cBe) {
			return sc.evaluation(j, to, lcHostileEvaluation)
		}
		if sc.toks[j].is(cClauseBreak) {
			return false
		}
	}
	return false
}

// evaluation reports a word of class right after the verb at k, past
// determiners, forms of be, adverbs, quotes, "and" and modifiers, and
// past "of" after a word of the evaluation-head class ("a flagrant act of
// war", with war in the evaluation-of class) and "to" after a verb of
// evaluation-link ("amounts to aggression"); a preposition, a name or a
// negation ends the search ("were a response to ...", "was not a
// violation").
func (sc *scope) evaluation(k, to int, class classID) bool {
	for j := k + 1; j < to && j <= k+evaluationWindow; j++ {
		t := &sc.toks[j]
		if t.in(class) || class == lcDismissive && sc.factDeniedAfter(j, to) {
			return true
		}
		if class == lcHostileEvaluation && sc.hostileActWords(j) {
			return true // "a hostile act", "criminal acts"
		}
		if t.low == "of" && sc.toks[j-1].in(lcEvaluationHead) {
			return j+1 < to && (sc.toks[j+1].in(class) || sc.toks[j+1].in(lcEvaluationOf))
		}
		if !t.word || t.is(cBe) || t.low == "and" || t.in(lcDeterminer) || j == k+1 && t.low == "to" && sc.toks[k].in(lcEvaluationLink) {
			continue // "amounted to \"aggression\""
		}
		if t.is(cNegator) || t.cap || sc.inMention(j) || !sc.lowerNoun(j) {
			return false
		}
	}
	return false
}

// factDeniedAfter reports a judgement against the facts starting at j
// ("inconsistent with the facts", "not consistent with the facts"),
// before to.
func (sc *scope) factDeniedAfter(j, to int) bool {
	if !sc.toks[j].in(lcFactJudgement) && !sc.toks[j].in(lcFactMatch) && !sc.toks[j].is(cNegator) {
		return false
	}
	for k := j + 1; k < to && k <= j+2*factWindow; k++ {
		if sc.factDenied(k) {
			return true
		}
	}
	return false
}

// heldResponsible reads "X holds Y responsible for ...", "held Y
// accountable": X accuses Y (the lexicon's special-held verbs, then a
// name and a word of the accountable class).
//
// With no name after the verb, the accused is the antecedent of a
// relative clause the verb's subject opens: "the TTP, which Islamabad
// holds responsible for the attacks" (relativeObject).
func (sc *scope) heldResponsible(i int) {
	y := sc.after(i)
	k := i + 1
	if y != nil {
		k = sc.ms[y[len(y)-1]].to
	}
	for k < sc.s.to && strings.HasSuffix(sc.toks[k].low, "ly") {
		k++ // "held Kigali directly responsible"
	}
	if k >= sc.s.to || !sc.toks[k].in(lcAccountable) {
		return
	}
	src := sc.verbSubject(i)
	if src == nil || sc.negated(sc.window(src, i), i, false) || sc.modal(sc.window(src, i), i) {
		return
	}
	if y == nil {
		y = sc.relativeObject(src)
	}
	if y != nil {
		sc.emit(graph.Accuses, src, y, i, graph.Asserted, "", "")
	}
}

// describedAct reads "X described the strike as state terrorism", "X
// called Iran's missile strikes a violation of its sovereignty",
// "condemned what X called China's \"escalatory and irresponsible
// actions\"": an act or conduct named after a verb of describing (i),
// judged by a hostile word after it or before the noun. The doer is named
// on the act, else it did the last act the article told (lastAct).
func (sc *scope) describedAct(i int) {
	h := sc.describedNoun(i)
	if h < 0 {
		sc.describedAgent(i)
		return
	}
	src := sc.describer(i)
	if src == nil || sc.negated(sc.window(src, i), i, false) {
		return
	}
	y := sc.conductDoer(h, sc.s.to)
	judged := sc.judgedBefore(h) || sc.evaluation(sc.asAfter(h), sc.s.to, lcHostileEvaluation) || sc.judgedPastAgent(h, y)
	switch {
	case !judged:
	case y != nil:
		if !sc.about(y, sc.first(src)) {
			sc.emit(graph.Accuses, src, y, h, graph.Asserted, "", "")
		}
	default:
		if id := sc.lastAct(i); id != "" && !sc.affiliated(id, sc.first(src)) {
			sc.emitIDs(graph.Accuses, src, []graph.ActorID{id}, h, graph.Asserted, "", "")
		} else if ends := sc.describedMove(h, src); ends != nil {
			sc.emitEnds(graph.Accuses, sc.ends(src), ends, h, graph.Asserted, "", "")
		}
	}
}

// describedMove reads a step judged with no doer named ("Kyiv called the
// move a violation of its sovereignty"): the doer of the last relation
// told, as "condemned the move" reads it (doerOf); none when that is the
// describer itself.
func (sc *scope) describedMove(h int, src []int) []endpoint {
	if !sc.toks[h].in(lcMoveNoun) && !sc.toks[h].in(lcPactNoun) || h-1 < sc.s.from || !sc.toks[h-1].in(lcDeterminer) {
		return nil
	}
	ends := sc.doerOf(h)
	if ends == nil || sc.affiliated(ends[0].id, sc.first(src)) {
		return nil
	}
	return ends
}

// describedNoun returns the act or conduct noun right after the verb of
// describing at i, past determiners, a doer, quotes and modifiers, or -1.
func (sc *scope) describedNoun(i int) int {
	for k := i + 1; k < sc.s.to && k <= i+describedWindow; k++ {
		t := &sc.toks[k]
		if t.is(cActNoun) || t.in(lcConductNoun) || t.in(lcMoveNoun) || t.in(lcPactNoun) {
			return k
		}
		if mi, ok := sc.startAt(k); ok {
			m := &sc.ms[mi]
			if e := &sc.toks[m.to-1]; m.to-1 > k && (e.is(cActNoun) || e.in(lcConductNoun)) {
				return m.to - 1 // "Azerbaijan's actions": the noun heads the mention
			}
			if !m.poss && !m.adj {
				return -1
			}
			k = m.to - 1
			continue
		}
		if t.low == "'s" || !t.word || t.in(lcDeterminer) || sc.inMention(k) {
			continue
		}
		if !sc.lowerNoun(k) {
			return -1
		}
	}
	return -1
}

// judgedPastAgent reports a hostile judgement after the by-agent y of the
// act noun at h: "called the raid by Ecuadorean police a flagrant
// violation", "described the incursion by Venezuela as a provocation".
func (sc *scope) judgedPastAgent(h int, y []int) bool {
	if y == nil {
		return false
	}
	from, e := sc.ms[y[0]].from, sc.ms[y[len(y)-1]].to
	if from <= h+1 || sc.toks[from-1].low != "by" {
		return false
	}
	if e < sc.s.to && sc.lowerNoun(e) && !sc.toks[e].in(lcHostileEvaluation) {
		e++ // "by Ecuadorean police": the noun the demonym modifies
	}
	return sc.evaluation(sc.asAfter(e-1), sc.s.to, lcHostileEvaluation)
}

// asAfter returns the "as" after the act noun at h and its phrase ("the
// strike on the hospital as"), or h when none stands within
// conductAgentWindow words ("called the strikes a crime").
func (sc *scope) asAfter(h int) int {
	for k := h + 1; k < sc.s.to && k <= h+conductAgentWindow; k++ {
		if sc.toks[k].low == "as" {
			return k
		}
		if sc.toks[k].is(cClauseBreak) {
			break
		}
	}
	return h
}

// judgedClaim reads, in what subj is said to say from from to to, a claim
// whose owner is named and which a verb judges false: "said that the White
// House's claim that Doha had been told in advance was false", "the claims
// made by Washington are slanders". subj denies the owner.
func (sc *scope) judgedClaim(from, to int, subj []int) {
	if sc.cls&cClaimNoun == 0 {
		return // no word of the sentence is one
	}
	toks := sc.toks[:to] // a slice of its own: its bounds read once
	for k := max(from, sc.s.from); k < len(toks); k++ {
		if t := &toks[k]; !t.is(cClaimNoun) || !t.in(lcChargeNoun) && !t.in(lcJudgedClaim) {
			continue
		}
		owner := sc.claimOwner(k)
		if owner == nil {
			owner = sc.conductOwner(k)
		}
		if owner == nil || sc.about(owner, sc.first(subj)) {
			continue
		}
		for j := k + 1; j < to && j <= k+judgedClaimWindow; j++ {
			if sc.toks[j].is(cBe) && sc.evaluation(j, to, lcDismissive) || sc.noBasis(j) {
				sc.emit(graph.Denies, subj, owner, k, graph.Asserted, "", "")
				sc.judgedCharge(k, subj, owner)
				return
			}
		}
	}
}

// actNounBefore reports an act noun before h in its clause, from from on:
// the subject of a passive of the act-participle class ("said the arson
// attack had been organised by", "the raids were planned by").
func (sc *scope) actNounBefore(from, h int) bool {
	for k := h - 1; k >= max(from, sc.s.from); k-- {
		if sc.toks[k].is(cActNoun) {
			return true
		}
		if sc.toks[k].is(cClauseBreak) {
			return false
		}
	}
	return false
}

// describedAgent reads a verb of describing at i whose object stands
// before it, judged by a hostile word with its doer after "by": "...,
// which the minister described as \"aggression\" and \"blackmail\" by
// Morocco", "called it a provocation by Moscow".
func (sc *scope) describedAgent(i int) {
	for k := i + 1; k < sc.s.to && k <= i+describedAgentWindow; k++ {
		t := &sc.toks[k]
		if mi, ok := sc.startAt(k); ok && sc.toks[k-1].low != "by" && sc.modifierMention(mi) {
			k = sc.ms[mi].to - 1 // "called the U.S. flights \"a provocation\" by Washington": a modifier
			continue
		}
		if t.is(cClauseBreak) || t.low == "," || sc.toks[k-1].low != "by" && sc.inMention(k) && !sc.toks[i+1].is(cPronoun) {
			return
		}
		if t.low != "by" {
			continue
		}
		if !sc.evaluationBefore(i, k) && !sc.judgedAfterAgent(k) || sc.evaluationBefore(i, k) && k-sc.quotesWithin(i, k) > i+describedWindow && !sc.evaluationAt(k-1) {
			continue // far from the verb, the "by" must follow the judgement: not "a breach of an order by Y"
		}
		y, src := sc.after(k), sc.describer(i)
		if y != nil && src != nil && !sc.about(y, sc.first(src)) && !sc.negated(sc.window(src, i), i, false) {
			sc.emit(graph.Accuses, src, y, i, graph.Asserted, "", "")
		}
		return
	}
}

// quotesWithin counts the quotation marks between i and k: no words of the
// describing window ("calling it \"an assault on freedom of navigation by
// the Houthis\"" is as near as the same words unquoted).
func (sc *scope) quotesWithin(i, k int) int {
	n := 0
	for j := i + 1; j < k; j++ {
		if sc.toks[j].low == "\"" {
			n++
		}
	}
	return n
}

// modifierMention reports a mention that modifies the noun after it: a
// demonym, a possessive, or a name before a lower-case noun ("the U.S.
// flights"), not a pronoun.
func (sc *scope) modifierMention(mi int) bool {
	m := &sc.ms[mi]
	if m.pron != "" {
		return false
	}
	return m.adj || m.poss || m.to < sc.s.to && sc.toks[m.to].word && !sc.toks[m.to].cap && sc.lowerNoun(m.to)
}

// judgedAfterAgent reports a hostile judgement right after the actor of
// the "by" at k: "called the shooting by Israeli troops \"unprovoked and
// unjustified\"" (the judgement follows the act and its doer).
func (sc *scope) judgedAfterAgent(k int) bool {
	y := sc.after(k)
	if y == nil {
		return false
	}
	e := sc.ms[y[len(y)-1]].to
	for e < sc.s.to && e < sc.ms[y[len(y)-1]].to+2 && !sc.toks[e].word && sc.toks[e].low != "," {
		e++ // a closing quote of the act's phrase
	}
	return sc.evaluation(e-1, sc.s.to, lcHostileEvaluation)
}

// evaluationAt reports a word of hostile-evaluation at k, or a closing
// quote after one ("\"an unfortunate provocation\" by").
func (sc *scope) evaluationAt(k int) bool {
	if k > sc.s.from && (sc.toks[k].low == "\"" || sc.toks[k].low == "'") {
		k--
	}
	return sc.toks[k].in(lcHostileEvaluation) || k-1 > sc.s.from && sc.hostileActWords(k-1)
}

// describer returns the subject of the verb of describing at i: the
// actor of an absolute phrase ("with Foreign Minister X calling the
// exercise ..."), else the verb's subject.
func (sc *scope) describer(i int) []int {
	if g := sc.gerundSubject(i, "with"); g != nil {
		return g
	}
	return sc.verbSubject(i)
}

// evaluationBefore reports a word of hostile-evaluation between the verb
// at i and the "by" at k.
func (sc *scope) evaluationBefore(i, k int) bool {
	for j := i + 1; j < k; j++ {
		if sc.toks[j].in(lcHostileEvaluation) || sc.hostileActWords(j) {
			return true
		}
	}
	return false
}

// hostileActWords reports a hostile modifier at j on a noun of the
// evaluation-head class after it: "a \"hostile act\"", "criminal acts".
func (sc *scope) hostileActWords(j int) bool {
	return sc.toks[j].in(lcHostileModifier) && j+1 < sc.s.to && sc.toks[j+1].in(lcEvaluationHead)
}

// describedClaimWindow: the dismissive word after a verb of describing in
// a relative clause ("allegations the ministry described as \"utterly
// baseless\"").
const describedClaimWindow = 4

// describedClaim reports a verb of describing at i in a relative clause
// whose antecedent is a claim, judged by a dismissive word right after:
// "..., allegations the Algerian foreign ministry described as baseless".
func (sc *scope) describedClaim(i int) bool {
	src := sc.subject(i, sc.s.from)
	return src != nil && sc.dismissiveWithin(i+1, describedClaimWindow) && sc.claimAntecedent(src)
}

// judgedSubject returns the subject of the form of be at h when it is
// the verb's own ("Iran is", "America must be": past a word of the
// evaluation-link class such as "must"), or nil.
func (sc *scope) judgedSubject(from, h int) []int {
	v := h
	if h-1 >= from && sc.toks[h-1].in(lcEvaluationLink) {
		v = h - 1
	}
	if y := sc.subject(v, from); y != nil && sc.adjacentSubject(y, v) && sc.ms[y[0]].pron != "it" {
		return y // not "it was unjustified for ...": an impersonal "it"
	}
	return nil
}

// noBasis reports a claim said to have no basis at j: "have no legal or
// factual basis", "lack any foundation" (a verb of the lack-verb class, or
// of have-verb followed by "no", then a word of basis-noun within
// evaluationWindow words).
func (sc *scope) noBasis(j int) bool {
	w := sc.toks[j].low
	if !sc.x.lex.has(lcLackVerb, w) && !(sc.x.lex.has(lcHaveVerb, w) && j+1 < sc.s.to && sc.toks[j+1].low == "no") {
		return false
	}
	return sc.classWithin(j+1, evaluationWindow, lcBasisNoun)
}

// recalledAct reports an act noun at h that names an act told before: a
// definite determiner (definite-determiner: "the launches", "this
// attack") right before it or before its act modifiers, at the start of
// the stretch from or after a word that is no part of a name.
func (sc *scope) recalledAct(from, h int) bool {
	k := h - 1
	for k >= from && sc.toks[k].in(lcActModifier) {
		k--
	}
	return k >= from && sc.toks[k].in(lcDefiniteDeterminer)
}

// recalledDoer returns the doer of the act the noun w names again: the
// last hostile act told in the last actMemory sentences, else the story's
// lead act when w may name it (sameAct), else "".
func (sc *scope) recalledDoer(w string) graph.ActorID {
	if sc.st.lastActor != "" && sc.st.sentences-sc.st.lastActAt <= actMemory {
		return sc.st.lastActor
	}
	if sc.st.leadActor != "" && sc.sameAct(w, sc.st.leadAct) {
		return sc.st.leadActor
	}
	return ""
}

// causedHarm reads, in what subj is said to say from from on, a harm told
// as the result of someone's deed (the lexicon's cause-result, cause-noun,
// cause-verb and harm-noun classes): "the violence was the direct
// consequence of the terror of the Pristina authorities", "the real cause
// of the violence was Kurti's campaign", "Congo's failure to pursue peace
// had caused the crisis". subj accuses the doer.
func (sc *scope) causedHarm(from int, subj []int) {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k := max(from, sc.s.from); k < len(toks); k++ {
		t := &toks[k]
		if !t.word || t.cap {
			continue
		}
		var y []int
		switch {
		case t.in(lcCauseResult) && sc.harmBefore(from, k):
			y = sc.causeDoer(k)
		case t.in(lcCauseNoun) && k+2 < sc.s.to && sc.toks[k+1].low == "of" && sc.classWithin(k+2, causeWindow, lcHarmNoun):
			if b := sc.beAfter(k+2, causeWindow); b > 0 {
				y = sc.causeSubject(b)
			}
		case t.in(lcCauseVerb) && sc.classWithin(k+1, causeWindow, lcHarmNoun):
			y = sc.possessiveBefore(from, k)
		}
		if y == nil || sc.about(y, sc.first(subj)) || sc.negated(from, k, false) {
			continue
		}
		sc.emit(graph.Accuses, subj, y, k, graph.Asserted, "", "")
		return
	}
}

// causeWindow: the words between a cause word and the harm or the form
// of be it is linked by ("the real cause of the recent violence was").
const causeWindow = 4

// harmBefore reports a form of be right before the cause-result noun at k
// (past determiners, quotes and modifiers) whose subject, in the words
// before it, holds a harm-noun ("the violence was \"the direct
// consequence").
func (sc *scope) harmBefore(from, k int) bool {
	j := k - 1
	for j > from && j >= k-causeWindow && !sc.toks[j].is(cBe) {
		if t := &sc.toks[j]; t.word && (t.cap || t.is(cClauseBreak|cPreposition)) {
			return false
		}
		j--
	}
	return j > from && sc.toks[j].is(cBe) && sc.classWithin(max(from, j-causeWindow), j-max(from, j-causeWindow), lcHarmNoun)
}

// causeDoer reads the doer after "of" behind the cause-result noun at k,
// as a condemned deed's ("the policies of the US administration").
func (sc *scope) causeDoer(k int) []int {
	if k+1 >= sc.s.to || sc.toks[k+1].low != "of" {
		return nil
	}
	return sc.condemnedDoer(k + 1)
}

// causeSubject reads what the form of be at b names as a harm's cause:
// a deed and its doer ("was Kurti's \"campaign of terror\""), or an actor
// standing for its deed right after it ("was Russia's campaign", a
// state's phrase by its head noun).
func (sc *scope) causeSubject(b int) []int {
	if y := sc.condemnedDoer(b); y != nil {
		return y
	}
	k := b + 1
	for k < sc.s.to && (sc.toks[k].in(lcDeterminer) || sc.toks[k].low == "\"") {
		k++
	}
	if mi, ok := sc.startAt(k); ok && !sc.ms[mi].adj && !sc.ms[mi].poss && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// beAfter returns a form of be within n words after k, or -1.
func (sc *scope) beAfter(k, n int) int {
	for j := k; j < sc.s.to && j <= k+n; j++ {
		if sc.toks[j].is(cBe) {
			return j
		}
		if sc.toks[j].is(cClauseBreak) {
			return -1
		}
	}
	return -1
}

// possessiveBefore finds the possessive actor that opens the subject of
// the cause-verb at k ("Congo's \"failure to pursue peace\" had caused"):
// the nearest mention before k, within causeSubjectWindow words, marked
// possessive.
func (sc *scope) possessiveBefore(from, k int) []int {
	for j := k - 1; j >= max(from, sc.s.from) && j >= k-causeSubjectWindow; j-- {
		if mi, ok := sc.endAt(j); ok {
			if m := &sc.ms[mi]; m.poss && m.pron == "" {
				return sc.grp[m.group]
			}
			return nil
		}
		if sc.toks[j].is(cClauseBreak|cReporting) || sc.toks[j].low == "," {
			return nil
		}
	}
	return nil
}

// causeSubjectWindow: the words of a cause-verb's subject after its
// possessive ("Congo's \"failure to pursue peace\" had").
const causeSubjectWindow = 9

// pastAdverbs returns where the adverbs before the word at h begin ("the
// responsibility for the crime also lies with Washington", "rests
// squarely with"): h itself when none stands there.
func (sc *scope) pastAdverbs(h int) int {
	for h > sc.s.from && (sc.toks[h-1].in(lcCopulaAdverb) || sc.adverb(h-1)) {
		h--
	}
	return h
}

// blameSubjectWindow: the words from a responsibility noun to the verb
// it is the subject of ("responsibility for the deaths of 49 soldiers
// rested entirely with Y").
const blameSubjectWindow = 10

// blameBefore reports a responsibility noun (the responsibility, the
// blame, the fault) that is the subject of the lies-with verb at h: before
// it, past adverbs and the noun's "for" phrase, within the clause from
// "from" ("the blame lies squarely with Kabul").
func (sc *scope) blameBefore(h, from int) bool {
	lo := max(from, sc.s.from, h-blameSubjectWindow)
	for k := sc.pastAdverbs(h) - 1; k >= lo; k-- {
		t := &sc.toks[k]
		if t.in(lcResponsibilityNoun) {
			return !sc.dutyAfter(k) // not "responsibility for guarding the border lies with Y"
		}
		if t.is(cClauseBreak|cReporting) || t.low == "," || t.low == "that" {
			return false
		}
	}
	return false
}

// dutyAfter reports a responsibility noun within responsibilityWindow
// words from k followed by "for" and a gerund that names no hostile act:
// "shares responsibility for guarding the border" is a duty, not a
// blame ("bears responsibility for attacking the convoy" is one).
func (sc *scope) dutyAfter(k int) bool {
	for j := k; j < sc.s.to && j < k+responsibilityWindow; j++ {
		if !sc.toks[j].in(lcResponsibilityNoun) {
			continue
		}
		if j+2 >= sc.s.to || sc.toks[j+1].low != "for" {
			return false
		}
		g := &sc.toks[j+2]
		return strings.HasSuffix(g.low, "ing") && !g.is(cHostile)
	}
	return false
}

// quoteInside reads a sentence that a quote of several sentences holds
// whole (it opens at the sentence's start or before it and closes in a
// later sentence of the paragraph) as said by the speaker its closing
// mark is attributed to (coref.go quoteAcross): "\"Russia is
// deliberately shelling civilian ships. This is the fourth vessel in
// days,\" the navy spokesman said" accuses Russia in the first sentence.
func (sc *scope) quoteInside() {
	q := sc.nextQuote(sc.s.from + 1)
	if sc.s.to-sc.s.from < 3 || q < sc.s.to {
		return
	}
	id := sc.heldQuoteBy(sc.s.from+1, q)
	if id == "" {
		return
	}
	g := sc.idGroup(id, sc.s.from, sc.s.from+1)
	sc.rememberClaim(g, sc.s.from-1)
	sc.saidBefore(sc.s.to, g)
}

// heldQuoteBy returns what quoteAcross(j) does when q is the first
// quotation mark after j: the speaker of a quote open at j (quoteOpenAt)
// that closes at q in the paragraph, within quoteAcrossWindow tokens.
func (sc *scope) heldQuoteBy(j, q int) graph.ActorID {
	open, ok := sc.quoteOpenAt(j)
	if !ok {
		return sc.quoteAcross(j)
	}
	if !open || q >= len(sc.toks) || q-j >= quoteAcrossWindow {
		return ""
	}
	if sc.nextLine(j+1) <= q {
		return "" // the paragraph ends before the mark
	}
	return sc.quoteAttribution(q + 1)
}

// hallmarksOf returns the actor whose marks an act is said to bear, after
// the verb of bearing at h: "bore the hallmarks of Russian military
// intelligence", "bears all the signs of a Belarusian operation" (a noun
// of class hallmark-noun within hallmarkWindow words, then "of" and the
// actor, a demonym on the noun after "of" included); nil if none.
func (sc *scope) hallmarksOf(h int) []int {
	for k := h + 1; k+1 < sc.s.to && k <= h+hallmarkWindow; k++ {
		if !sc.toks[k].in(lcHallmarkNoun) {
			continue
		}
		if sc.toks[k+1].low != "of" {
			return nil
		}
		for j := k + 2; j < sc.s.to && j <= k+2+hallmarkWindow; j++ {
			if mi, ok := sc.startAt(j); ok {
				return sc.grp[sc.ms[mi].group]
			}
			if !sc.toks[j].word || sc.toks[j].cap || sc.toks[j].is(cClauseBreak) {
				return nil
			}
		}
		return nil
	}
	return nil
}

// hallmarkWindow: the words between the verb of bearing and its noun ("bore
// all the classic hallmarks"), and from "of" to the actor ("of a
// Belarusian").
const hallmarkWindow = 4

// saidBeforeOf reads what subj said before its attribution at the comma
// p (saidBefore), and whom its verb of saying at r says it was of (saidOf).
func (sc *scope) saidBeforeOf(p, r int, subj []int) {
	sc.saidBefore(p, subj)
	sc.saidOf(p, r, subj)
}

// saidOf reads a quote before its attribution at r whose verb of saying
// names, after "of", whom the quote is about: "'They are complicit in the
// deaths of civilians,' X said of Tehran", "'It is an illegal act,' X said
// of Georgetown". The quote's first clause must judge its subject: a form
// of be before a hostile evaluation (reported.go evaluation: "are
// complicit", "is an illegal act", "is a threat"), or a hostile verb in
// the active after the subject and its auxiliaries ("They attacked our
// cities"); then the speaker accuses that actor. What its subject
// suffered is no charge ("They are victims of a brutal aggression", "Its
// people have suffered terrible attacks", "has been the target of illegal
// sanctions"), nor is a first person's deed ("'Our troops struck only
// military targets,' X said of Armenia"); a possessive after "of" names a
// topic, not whom the quote judges ("said of Islamabad's claims").
func (sc *scope) saidOf(p, r int, subj []int) {
	if r+1 >= sc.s.to || sc.toks[r+1].low != "of" {
		return
	}
	y := sc.after(r + 1)
	if y == nil || sc.ms[y[len(y)-1]].poss || sc.ms[y[0]].from != r+2 || sc.about(y, sc.first(subj)) {
		return
	}
	if sc.quotedJudgement(p) {
		sc.emit(graph.Accuses, subj, y, r, graph.Asserted, "", "")
	}
}

// saidOfSubjectWindow: the words of a quote's subject before its verb
// ("The regime in Tehran is").
const saidOfSubjectWindow = 5

// quotedJudgement reports a quote from the sentence's start to p whose
// first clause judges its subject (saidOf).
func (sc *scope) quotedJudgement(p int) bool {
	aux := false
	for j := sc.s.from; j < p && j <= sc.s.from+saidOfSubjectWindow; j++ {
		t := &sc.toks[j]
		switch {
		case t.low == "we" || t.low == "our" || t.low == "," || t.is(cClauseBreak):
			return false
		case t.is(cBe):
			return sc.evaluation(j, p, lcHostileEvaluation)
		case t.is(cAux) || sc.adverb(j) || t.in(lcAspectVerb):
			aux = true
		case t.is(cHostile):
			return !sc.passiveParticiple(j) && !sc.negated(sc.s.from, j, false)
		case aux:
			return false // "Its people have suffered ..."
		}
	}
	return false
}
