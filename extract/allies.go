package extract

// This file reads alliances: "X and Y are allies", "X is one of Y's allies",
// "X, a key Y ally", "an alliance with Y", "a mutual defence pact".

import (
	"strings"

	"geokg/graph"
)

func (sc *scope) allies(i int, t trig) {
	w := sc.toks[i].low
	if t.pos == verbPast || t.pos == verbBase || t.pos == verbGer {
		// "X allied itself with Y", "allied forces" is no relation
		y := sc.prepGroup(i, 4, "with")
		x := sc.verbSubject(i)
		if y != nil && x != nil && !sc.negated(sc.window(x, i), i, true) {
			sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	if i+1 < sc.s.to && (sc.toks[i+1].low == "'s" || sc.toks[i+1].low == "'") {
		return // "the alliance's border": a possessor, not a relation
	}
	if w == "alliance" || w == "alliances" {
		if g := sc.prepGroup(i, 3, "between"); g != nil && len(g) >= 2 {
			sc.emit(graph.AlliesWith, g[:1], g[1:], i, graph.Asserted, "", "")
			return
		}
		y := sc.prepGroup(i, 2, "with")
		x := sc.modifierBefore(i)
		if x == nil {
			x = sc.subject(i, sc.s.from)
		}
		if x != nil && y != nil && !sc.negated(sc.window(x, i), i, false) {
			sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	// ally / allies
	var y []int
	k := i - 1
	for k >= sc.s.from && k > i-4 && !sc.toks[k].cap && sc.toks[k].word && (sc.toks[k].is(cAllyAdj) || adjectiveSuffix(sc.toks[k].low)) {
		if _, ok := sc.endAt(k); ok {
			break
		}
		k--
	}
	if mi, ok := sc.endAt(k); ok && k >= sc.s.from {
		y = sc.grp[sc.ms[mi].group]
	} else if k >= sc.s.from && sc.toks[k].low == "'s" {
		if mi, ok := sc.endAt(k - 1); ok {
			y = sc.grp[sc.ms[mi].group]
		}
	}
	if y == nil {
		if g := sc.prepGroup(i, 2, "of"); g != nil {
			y = g
		}
	}
	var x []int
	if y != nil {
		x = sc.after(i) // "its ally Moscow", "Iran's ally Hezbollah"
		if ends := sc.ends(x); len(ends) >= 2 && sc.ms[x[0]].from == i+1 {
			sc.pairwise(ends, i) // "NATO allies Greece and Turkey" are allies of each other too
		}
	}
	if x == nil && y != nil && sc.ms[y[0]].from < i {
		// "..., China, Pakistan's closest ally, which ...": the actor the
		// apposition follows, even inside a prepositional phrase
		if c := sc.ms[y[0]].from - 1; c > sc.s.from && sc.toks[c].low == "," {
			if mi, ok := sc.endAt(c - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
				x = []int{mi}
			}
		}
	}
	if x == nil {
		from := i
		if y != nil && sc.ms[y[0]].from < i {
			from = sc.ms[y[0]].from
		}
		x = sc.subject(from, sc.s.from)
	}
	if y != nil && x != nil && sc.first(x) == sc.first(y) {
		x = nil
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
	sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
}

// copulaBetween reports "X and Y are (close) allies", "X and Y, longtime
// allies,", "describe each other as allies".
func (sc *scope) copulaBetween(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe < sc.s.to && sc.toks[xe].low == "," && i-xe <= 3 {
		return true
	}
	for k := xe; k < i; k++ {
		switch sc.toks[k].low {
		case "are", "were", "remain", "remained", "became", "become", "been", "being", "as", "other":
			return true
		}
	}
	return false
}

// copulaOrApposition: "X is one of Y's allies", "X, a key Y ally,", "X
// remains Y's ally", "Y's ally X".
func (sc *scope) copulaOrApposition(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe > i {
		return true // "Y's ally X"
	}
	for k := xe; k < i; k++ {
		switch sc.toks[k].low {
		case "is", "are", "was", "were", "remains", "remain", "remained", "became", "becomes", "as", ",", "be", "been", "one", "its":
			return true
		}
	}
	return false
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
// "strategic", "strongest"), not verbs or prepositions.
func adjectiveSuffix(w string) bool {
	for _, suf := range []string{"ful", "al", "ic", "ous", "ive", "est", "ant", "ent", "ary", "ible", "able"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
