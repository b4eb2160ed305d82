package extract

import "geokg/graph"

// Supplies round 19, step 2: a noun of supplying whose supplier follows
// "from" inside its phrase. "the deliveries of tanks from Germany to
// Ukraine", "aid from Japan to Nepal" (the "to" or "for" recipient), and,
// for money lent or given with no recipient phrase, its owner: "Kenya's
// loan from China", "Ghana signed a $30 million credit line from India"
// (the possessor, or the subject of a verb of taking or signing: class
// buyer-verb). The noun of supplying is the instrument, and "from" and
// "to" its frame, whatever the noun.

// fromNoun reads such a noun at i and reports whether it did (an edge was
// emitted or the frame was refused).
func (sc *scope) fromNoun(i int, t trig) bool {
	if t.pos != noun || t.reverse {
		return false
	}
	src := sc.fromSource(i, "from")
	if src == nil || sc.ms[src[len(src)-1]].poss || sc.ms[src[0]].pron != "" {
		return false // "aid deliveries from Egypt's Rafah crossing": a place
	}
	tgt := sc.nounTarget(i)
	if tgt == nil {
		tgt = sc.lentTo(i)
	}
	if tgt == nil || sc.ms[tgt[0]].from < sc.ms[src[0]].from && !sc.ms[tgt[0]].poss && sc.ms[tgt[0]].to > i {
		return false // "to Ukraine from Germany": supplyNoun reads it
	}
	at := sc.ms[src[0]].from
	if t.lemma == "delivery" && !sc.goodsBetween(max(sc.s.from, i-possessedGoodsWindow), at) && !sc.toks[i].in(lcAidNoun) && !sc.toks[i].is(cGoods) {
		return true // "the transfer of prisoners from Russia to Ukraine"
	}
	for _, a := range sc.ids(src) {
		for _, b := range sc.ids(tgt) {
			if sc.affiliated(a, b) {
				return true
			}
		}
	}
	if sc.negated(max(sc.s.from, min(sc.ms[tgt[0]].from, i)-winPolarity), i, true) || sc.stoppedBefore(min(sc.ms[tgt[0]].from, i)) {
		return true
	}
	sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(src, i, t), "", "")
	return true
}

// lentTo returns who holds the money lent or given that a noun at i names
// with no recipient phrase: its possessive ("Kenya's loan from China",
// "Pakistan's $3 billion bailout from the IMF") or the subject of a
// buyer-verb before its article ("Ghana signed a credit line from India",
// "Sri Lanka took a loan from China"). Only nouns of money and aid that
// are goods themselves (loan, credit, grant, aid), not "support" or
// "package" (class goods-modifier): "withdrew its support from the junta".
func (sc *scope) lentTo(i int) []int {
	if !sc.toks[i].is(cGoods) || sc.toks[i].is(cGoodsModifier) {
		return nil
	}
	a := sc.contractArticle(i)
	if a > sc.s.from && sc.toks[a].low == "'s" {
		a-- // "Kenya's loan"
	}
	if mi, ok := sc.endAt(a); ok && sc.ms[mi].poss && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group]
	}
	if a-1 < sc.s.from || sc.toks[a].low != "a" && sc.toks[a].low != "an" && sc.toks[a].low != "the" {
		return nil
	}
	if !sc.x.lex.words["buyer-verb"][sc.toks[a-1].low] {
		return nil
	}
	return sc.verbSubject(a - 1)
}
