package extract

// Supplies round 15, step 2: an agreement between two parties names the
// end a supply in its sentence leaves out. "In 2019, Ankara signed a
// security and military cooperation accord with the Tripoli-based
// government, then supplied armed drones" (the recipient is the other
// party), "La Paz had signed a memorandum of understanding with Tehran
// under which Iran would supply drones", "Chad signed a military
// cooperation agreement with Abu Dhabi, which was followed by the
// delivery of armoured vehicles to the Chadian army" (the supplier is the
// other party). The parties are the subject of a verb of signing and the
// "with" after the document (class party-document), or the two actors
// after "signed by" or "between". Only one of the supply's ends may be
// known, and it must be one of exactly two parties.

// pactWithWindow: the words from the document to its "with" ("accord
// with", "memorandum of understanding with").
const pactWithWindow = 4

// pactVerbWindow: the words from a verb of signing to its document ("signed
// a security and military cooperation accord").
const pactVerbWindow = 6

// agreementParties returns the two parties of an agreement the sentence names,
// or nil.
func (sc *scope) agreementParties() (a, b []int) {
	for k := sc.s.from; k < sc.s.to; k++ {
		if !sc.toks[k].in(lcPartyDocument) {
			continue
		}
		if a, b := sc.signedWith(k); a != nil {
			return a, b
		}
		if a, b := sc.signedBetween(k); a != nil {
			return a, b
		}
		if a, b := sc.signedJointly(k); a != nil {
			return a, b
		}
	}
	return nil, nil
}

// signedWith reads "A signed ... DOCUMENT ... with B" around the document
// at k.
func (sc *scope) signedWith(k int) (a, b []int) {
	w := -1
	for j := k + 1; j < sc.s.to && j <= k+pactWithWindow; j++ {
		if sc.toks[j].low == "with" {
			w = j
			break
		}
		if !sc.toks[j].word || sc.toks[j].is(cClauseBreak) {
			return nil, nil
		}
	}
	if w < 0 {
		return nil, nil
	}
	for v := k - 1; v >= sc.s.from && v >= k-pactVerbWindow; v-- {
		if !sc.toks[v].in(lcSignVerb) {
			if !sc.toks[v].word || sc.toks[v].is(cClauseBreak) {
				return nil, nil
			}
			continue
		}
		a, b = sc.subject(v, sc.s.from), sc.after(w)
		if len(a) == 1 && len(b) == 1 {
			return a, b
		}
		return nil, nil
	}
	return nil, nil
}

// signedBetween reads "DOCUMENT signed by A and B" or "DOCUMENT between A
// and B" after the document at k.
func (sc *scope) signedBetween(k int) (a, b []int) {
	j := k + 1
	if j+1 < sc.s.to && sc.toks[j].in(lcSignVerb) && sc.toks[j+1].low == "by" {
		j++
	} else if j >= sc.s.to || sc.toks[j].low != "between" {
		return nil, nil
	}
	if g := sc.after(j); len(g) == 2 {
		return g[:1], g[1:]
	}
	return nil, nil
}

// signedJointly reads "A and B signed ... DOCUMENT" before the document at
// k (supplies round 19): "The EU and Mauritania signed a migration
// partnership under which Brussels will provide 210 million euros", "the
// French minister and his Armenian counterpart signed a package under
// which France will provide radars" (a subject of exactly two).
func (sc *scope) signedJointly(k int) (a, b []int) {
	for v := k - 1; v >= sc.s.from && v >= k-pactVerbWindow; v-- {
		if sc.toks[v].in(lcSignVerb) {
			if g := sc.subject(v, sc.s.from); len(g) == 2 {
				return g[:1], g[1:]
			}
			return nil, nil
		}
		if !sc.toks[v].word || sc.toks[v].is(cClauseBreak) {
			return nil, nil
		}
	}
	return nil, nil
}

// pactOther returns the party of the sentence's agreement that is not the
// known end g (nil when g is no party or there is no agreement).
func (sc *scope) pactOther(g []int) []int {
	if len(g) == 0 {
		return nil
	}
	a, b := sc.agreementParties()
	if a == nil {
		return nil
	}
	switch {
	case sc.sameParty(g, a) && !sc.sameParty(g, b):
		return b
	case sc.sameParty(g, b) && !sc.sameParty(g, a):
		return a
	}
	return nil
}

// sameParty reports whether the groups g and p name the same actor or
// actors of the same state.
func (sc *scope) sameParty(g, p []int) bool {
	for _, x := range sc.ids(g) {
		for _, y := range sc.ids(p) {
			if x == y || sc.stateOf(x) == sc.stateOf(y) {
				return true
			}
		}
	}
	return false
}

// ownGoodsOnly reports goods after a supply verb at i and no recipient
// phrase of its own in the clause ("then supplied armed drones"; not
// "supplied border posts with radars", "sent troops to Syria", nor the
// adjective of "delivery of armed drones").
func (sc *scope) ownGoodsOnly(i int) bool {
	if i-1 >= sc.s.from && (sc.toks[i-1].in(lcDeterminer) || sc.toks[i-1].low == "of") {
		return false // "taken delivery of armed drones": an adjective
	}
	if !sc.goodsBetween(i+1, min(sc.s.to, i+gappedGoodsWindow)) {
		return false
	}
	for k := i + 1; k < sc.s.to && !sc.toks[k].is(cClauseBreak) && sc.toks[k].low != ","; k++ {
		if w := sc.toks[k].low; w == "to" || w == "with" || w == "from" || w == "for" && sc.after(k) != nil {
			return false // not "drones for border surveillance"
		}
	}
	return true
}
