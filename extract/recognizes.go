package extract

// This file reads recognitions: "X recognised Y", "Y was recognised by X",
// "X's recognition of Y".

import (
	"geokg/graph"
)

func (sc *scope) recognizes(i int, t trig) {
	if t.pos == noun {
		sc.recognitionNoun(i)
		return
	}
	if t.pos == verbPast && sc.passive(i) {
		x := sc.agent(i, winAgent)
		y := sc.subject(i, sc.s.from)
		if y == nil {
			y = sc.possBefore(i) // "Kosovo's independence has been recognised by ..."
		}
		if x != nil && y != nil && !sc.negated(sc.window(y, i), i, true) {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	x := sc.verbSubject(i)
	if x == nil {
		// "Only 12 countries recognise Taiwan, among them Paraguay and Guatemala"
		x = sc.namedAmong(i)
		if x == nil {
			return
		}
		lo := max(sc.s.from, i-4)
		if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
			return
		}
		if y := sc.after(i); y != nil {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	if f := sc.follower(x); f != nil {
		x = f // "Syria and North Korea have followed Russia in recognising ..."
	}
	lo := sc.window(x, i)
	if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
		return
	}
	y, _ := sc.object(i, winLongAgent, "of", false)
	if y == nil {
		return
	}
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
}

// namedAmong finds the actors a plural subject is made of, named after
// the clause: ", among them A and B", ", including A", ", such as A".
func (sc *scope) namedAmong(i int) []int {
	for k := i + 1; k < sc.s.to-1 && k < i+12; k++ {
		w := sc.toks[k].low
		if w == "including" || w == "notably" || w == "among" && sc.toks[k+1].low == "them" || w == "such" && sc.toks[k+1].low == "as" {
			j := k
			if w == "among" || w == "such" {
				j++
			}
			if g := sc.after(j); g != nil {
				return g
			}
			return nil
		}
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// willOnly: "will recognise" is an intention, not a recognition.
func (sc *scope) willOnly(lo, i int) bool {
	for k := lo; k < i; k++ {
		switch sc.toks[k].low {
		case "will", "would", "'ll", "shall", "to":
			if sc.toks[k].low == "to" && k > lo && (sc.toks[k-1].low == "have" || sc.toks[k-1].low == "first" || sc.toks[k-1].low == "country" || sc.toks[k-1].low == "state" || sc.toks[k-1].low == "nation" || sc.toks[k-1].low == "government") {
				continue
			}
			if sc.toks[k].low == "to" && k+1 < i && sc.toks[k+1].low == "have" {
				continue
			}
			return true
		}
	}
	return false
}

// possBefore finds a possessive actor earlier in the clause: "Kosovo's
// independence has been recognised".
func (sc *scope) possBefore(i int) []int {
	for k := i - 1; k >= sc.s.from; k-- {
		if sc.toks[k].is(cClauseBreak) {
			return nil
		}
		if mi, ok := sc.endAt(k); ok && sc.ms[mi].poss {
			return sc.grp[sc.ms[mi].group]
		}
	}
	return nil
}

// follower reads "A followed B in recognising": when the subject found is
// B, the object of "followed", the recogniser is A.
func (sc *scope) follower(x []int) []int {
	p := sc.prevWord(sc.ms[x[0]].from)
	if p < sc.s.from {
		return nil
	}
	if sc.x.lex.in("follow-verb", sc.toks[p].low) {
		return sc.subject(p, sc.s.from)
	}
	return nil
}

// recognitionNoun reads "X's recognition of Y", "recognition of Y by X",
// "Y's recognition by X", "switched recognition from Taipei to Beijing".
func (sc *scope) recognitionNoun(i int) {
	y := sc.prepGroup(i, winObject, "of")
	x := sc.nounAgent(i, winAgent)
	if x != nil && y == nil {
		y = sc.modifierBefore(i) // "Northern Cyprus's recognition by Turkey"
	}
	if x == nil {
		x = sc.modifierBefore(i)
	}
	if y == nil && sc.classWithin(i-modifierWindow, modifierWindow, "switch-verb") {
		// "switched diplomatic recognition from Taipei to Beijing"
		y = sc.prepGroup(i, winLongObject, "to")
		x = sc.subject(i, sc.s.from)
	}
	if x == nil || y == nil || sc.negated(max(sc.s.from, i-5), i, true) {
		return
	}
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
}
