package extract

import "geokg/graph"

// Supplies round 15: fiscal support told by the budget it pays. A verb of
// funding (class fund-lemma) whose object or passive subject is a
// budget-like noun (class possessed-recipient) of a possessor: "Abkhazia
// depends heavily on Moscow, which funds roughly half of the territory's
// budget" (the territory named in the sentence), "Turkey recognises the
// Turkish Republic of Northern Cyprus, and it finances much of the north's
// budget", "The Sukhumi authorities, whose budget is more than half funded
// by subsidies received from Moscow" (the relative's antecedent, and the
// supplier after the money's "from"). Batches 11, 15 and 16.

// budgetOwnerWindow: the words from a funding verb to the description
// whose budget it pays ("funds roughly half of the territory's").
const budgetOwnerWindow = 6

// describedBudgetOwner returns the place a funding verb at i pays the
// budget of when the budget's possessor is a description (class
// budget-owner: "the territory's budget", "the north's budget"): the last
// territory or state the sentence names before i that is not the
// supplier src. Nil when there is none or the object is something else.
func (sc *scope) describedBudgetOwner(i int, t trig, src []int) []endpoint {
	if !sc.x.lex.has(lcFundLemma, t.lemma) {
		return nil
	}
	for k := i + 1; k+2 < sc.s.to && k <= i+budgetOwnerWindow; k++ {
		w := &sc.toks[k]
		if w.is(cClauseBreak) || w.low == "," || w.low == "to" || w.low == "for" || w.low == "by" {
			return nil
		}
		if _, ok := sc.startAt(k); ok {
			return nil // a named possessor: possessedRecipient's
		}
		if w.low != "the" || !sc.x.lex.in("budget-owner", sc.toks[k+1].low) || sc.toks[k+1].cap || sc.toks[k+2].low != "'s" {
			continue
		}
		if !sc.possessedGoods(k+2, false) {
			return nil
		}
		if id := sc.placeBefore(i, src); id != "" {
			return []endpoint{{id: id, span: graph.Span{Start: sc.toks[k].start, End: sc.toks[k+2].end}}}
		}
		return nil
	}
	return nil
}

// placeBefore returns the last territory or state named before i in the
// sentence whose actor is none of src's ("" when none).
func (sc *scope) placeBefore(i int, src []int) graph.ActorID {
	not := sc.ids(src)
	for mi := len(sc.ms) - 1; mi >= 0; mi-- {
		m := &sc.ms[mi]
		if m.to > i || m.from < sc.s.from || m.pron != "" || m.person {
			continue
		}
		a, ok := sc.x.mentionActor(m)
		if !ok || a.Type != graph.Territory && a.Type != graph.Country {
			continue
		}
		mine := false
		for _, id := range not {
			if id == m.id || sc.affiliated(id, m.id) {
				mine = true
			}
		}
		if !mine {
			return m.id
		}
	}
	return ""
}

// budgetFunder finds the supplier of a passive funding verb chain ending
// at hi whose agent is the money, not an actor: "funded by subsidies
// received from Moscow", "financed by transfers from Ankara" ("by", at most
// budgetMoneyWindow words, "from" and an actor).
func (sc *scope) budgetFunder(hi int, t trig) []int {
	if !sc.x.lex.has(lcFundLemma, t.lemma) || hi+2 >= sc.s.to || sc.toks[hi+1].low != "by" {
		return nil
	}
	for k := hi + 2; k < sc.s.to && k <= hi+1+budgetMoneyWindow; k++ {
		w := &sc.toks[k]
		if w.low == "from" {
			return sc.after(k)
		}
		if _, ok := sc.startAt(k); ok || !w.word || w.cap || w.is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// budgetMoneyWindow: the words of the money between "by" and "from"
// ("by subsidies received from").
const budgetMoneyWindow = 3

// fundedBudgetOwner finds the recipient of a passive funding verb whose
// subject is a budget (class possessed-recipient) before lo, past
// auxiliaries, adverbs and a share ("is more than half funded", "is
// largely financed"): the budget's possessor ("Abkhazia's budget is
// funded by Moscow") or, after "whose", the relative's antecedent ("The
// Sukhumi authorities, whose budget is ...").
func (sc *scope) fundedBudgetOwner(lo int, t trig) []int {
	if !sc.x.lex.has(lcFundLemma, t.lemma) {
		return nil
	}
	k := lo - 1
	for n := 0; k > sc.s.from && n < budgetShareWindow && sc.budgetFiller(k); n++ {
		k--
	}
	if k <= sc.s.from || !sc.toks[k].in(lcPossessedRecipient) {
		return nil
	}
	p := k - 1
	if sc.toks[p].low == "whose" {
		return sc.relativeAntecedent(p)
	}
	if sc.toks[p].low == "'s" {
		p--
	}
	if mi, ok := sc.endAt(p); ok && sc.ms[mi].pron == "" && sc.ms[mi].poss {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// budgetShareWindow: the words between a budget and its funding verb
// ("is more than half").
const budgetShareWindow = 5

// budgetFiller reports an auxiliary, an adverb or a word of a share
// between a budget and its passive funding verb.
func (sc *scope) budgetFiller(k int) bool {
	t := &sc.toks[k]
	return t.is(cAux|cBe|cPassiveAdverb) || sc.adverb(k) || t.in(lcShareWord) || t.low == "more" || t.low == "than" || t.low == "less"
}
