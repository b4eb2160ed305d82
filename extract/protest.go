package extract

// This file reads a protest or complaint over someone's act: "summoned the
// envoy to protest against the Chinese coast guard's use of water
// cannon", "lodged a protest over Paris's decision to deliver arms",
// "filed a complaint with the council over the Iranian missile strike".
// The protester accuses the act's doer (the owner or demonym on the act,
// read as a condemned deed is). A protest that names no doer, or an actor
// after "with" or "against" (grievance in special.go), reads nothing here.

import "geokg/graph"

// protestedDeed reads the act a grievance noun at i (or the verb
// "protest" after "to") is lodged over (grievanceDeed). The protester is
// the noun's agent or subject, or, after an infinitive, the subject of
// the verb the infinitive serves ("Manila summoned the envoy to protest
// ...", "summoned the ambassador to lodge a protest over ...").
func (sc *scope) protestedDeed(i int) {
	y := sc.grievanceDeed(i)
	if y == nil {
		return
	}
	if x := sc.grievanceHolder(i); x != nil && !sc.negated(sc.window(x, i), i, false) && !sc.modal(sc.ms[x[0]].from, i) {
		sc.emit(graph.Accuses, x, y, i, graph.Asserted, "", "")
	}
}

// grievanceHolder finds who lodges the grievance at i: the noun's agent or
// the clause's subject, or after an infinitive the subject of the verb it
// serves ("Manila summoned the Chinese envoy to protest against ...":
// Manila, not the envoy).
func (sc *scope) grievanceHolder(i int) []int {
	if to := sc.infinitiveBefore(i); to >= 0 {
		return sc.purposeSubject(to)
	}
	if x := sc.nounAgent(i, winLongAgent); x != nil {
		return x
	}
	return sc.subject(i, sc.s.from)
}

// grievanceDeed finds the doer of the act a grievance at i is lodged
// over: after over, against or about (class protest-preposition), past a
// "with X" that names where it was lodged ("a complaint with the Security
// Council over the Iranian missile strike"), or right after the
// infinitive "to protest"; the act is read as a condemned deed is (its
// owner or demonym, "of Y" or "by Y" after its head). Else nil.
func (sc *scope) grievanceDeed(i int) []int {
	k := sc.pastForum(i + 1)
	switch {
	case k < sc.s.to && sc.x.lex.in("protest-preposition", sc.toks[k].low):
	case k == i+1 && sc.toks[i].low == "protest" && sc.infinitiveBefore(i) == i-1:
		k = i // "to protest the Chinese coast guard's use of water cannon"
	default:
		return nil
	}
	if y := sc.condemnedDoer(k); y != nil {
		return y
	}
	if y := sc.actDoer(k); y != nil {
		return y // "over the Iranian missile strike on Erbil"
	}
	if k > i {
		return sc.after(k) // "about the Chilean navy's treatment of its fishermen", "a protest over Kenya"
	}
	return nil
}

// pastForum steps from k over the body a grievance is lodged with ("with
// the Security Council", "at the African Union", "before the ICJ": a
// forum-preposition, a determiner, then a mention or capitalised words);
// it returns k when there is none.
func (sc *scope) pastForum(k int) int {
	if k+1 >= sc.s.to || !sc.x.lex.in("forum-preposition", sc.toks[k].low) {
		return k
	}
	j := k + 1
	if sc.toks[j].in(lcDeterminer) {
		j++
	}
	if mi, ok := sc.startAt(j); ok {
		return sc.ms[mi].to
	}
	e := j
	for e < sc.s.to && e < j+forumWindow && sc.toks[e].cap && sc.toks[e].word {
		e++
	}
	if e == j {
		return k
	}
	return e
}

// forumWindow: the capitalised words of a body the dictionary lacks
// ("the Human Rights Council").
const forumWindow = 5

// infinitiveBefore returns the index of the "to" of an infinitive that
// the grievance at i stands in ("to protest", "to lodge a strong
// protest", "to file a complaint": to, a verb, a determiner and one
// modifier), or -1.
func (sc *scope) infinitiveBefore(i int) int {
	for k := i - 1; k > sc.s.from && k >= i-infinitiveWindow; k-- {
		if sc.toks[k].low == "to" {
			return k
		}
		if !sc.toks[k].word || sc.toks[k].cap || sc.toks[k].is(cPreposition|cClauseBreak) {
			return -1
		}
	}
	return -1
}

// infinitiveWindow: the words from "to" to a grievance noun ("to lodge a
// strong protest").
const infinitiveWindow = 4

// purposeSubject finds the subject of the finite verb that an infinitive
// of purpose at "to" (to) serves: the nearest past or present verb before
// it in its clause, past the verb's object ("summoned Chinese Ambassador
// Huang Xilian on Monday to"), and that verb's subject; nil when a clause
// break or another infinitive comes first.
func (sc *scope) purposeSubject(to int) []int {
	for v := to - 1; v > sc.s.from && v >= to-purposeWindow; v-- {
		t := &sc.toks[v]
		if mi, ok := sc.endAt(v); ok {
			v = sc.ms[mi].from
			continue
		}
		if t.is(cClauseBreak) || t.low == "to" || t.low == "\"" {
			return nil
		}
		if sc.x.lex.in("protest-occasion", t.low) {
			return sc.verbSubject(v)
		}
	}
	return nil
}

// purposeWindow: the words from a verb to the "to" of its purpose
// ("summoned the Chinese ambassador, Huang Xilian, on Monday to").
const purposeWindow = 12
