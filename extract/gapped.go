package extract

import "geokg/graph"

// This file reads gapped clauses: a clause whose verb and object are left
// out because they are those of the clause before, each new subject
// followed by a date or a time phrase only. "Sweden recognised Palestine
// in 2014 and Iceland in 2011"; "Costa Rica shifted recognition to Beijing
// in 2007, followed by Panama in 2017, the Dominican Republic and El
// Salvador in 2018, and Nicaragua in December 2021".

// gapTailWindow is how many words may follow an actor of a gapped list
// before the next one: a date or a time phrase ("in December 2021", "the
// next month", "three years later").
const gapTailWindow = 5

// gapTail returns where the time phrase that starts at e ends: at the
// first "," or "and", or at the sentence's end. Its words are digits,
// days and months, and the lexicon's gap-tail words. It returns -1 when a
// word of any other kind (a verb, a noun, a name) stands there, or when
// the phrase is longer than gapTailWindow.
func (sc *scope) gapTail(e int) int {
	for k := e; k < sc.s.to; k++ {
		if k > e+gapTailWindow {
			return -1
		}
		t := &sc.toks[k]
		switch {
		case t.low == "," || t.low == "and" || t.low == "." || t.low == ";":
			return k
		case startsDigit(t.text) || t.is(cWeekday) || t.in(lcGapTail):
			if _, named := sc.startAt(k); named {
				return -1
			}
			continue
		}
		return -1
	}
	return sc.s.to
}

// gapJoin returns the token after the joining "," or "and" (or ", and")
// at k, or k itself when none is there.
func (sc *scope) gapJoin(k int) int {
	j := k
	if j < sc.s.to && sc.toks[j].low == "," {
		j++
	}
	if j < sc.s.to && sc.toks[j].low == "and" {
		j++
	}
	return j
}

// gappedList returns the mentions of a list of actors that starts right
// after word k, each actor followed by a time phrase at most and joined
// to the next by "," or "and": "Panama in 2017, the Dominican Republic
// and El Salvador in 2018, and Nicaragua in December 2021". An actor
// followed by anything else (", and Nicaragua said ...") opens a clause
// of its own and ends the list, without it. With needTail, every actor
// must have a time phrase after it ("and Iceland in 2011": not "and
// Iceland", which is an object).
func (sc *scope) gappedList(k int, needTail bool) []int {
	var out []int
	for {
		g := sc.after(k)
		if g == nil {
			return out
		}
		e := sc.ms[g[len(g)-1]].to
		t := sc.gapTail(e)
		if t < 0 || needTail && t == e {
			return out
		}
		out = append(out, g...)
		j := sc.gapJoin(t)
		if j == t || j >= sc.s.to {
			return out
		}
		k = j - 1
	}
}

// gappedAfter returns the new subjects of gapped clauses after a clause
// that ends at e (its object or its verb): its own time phrase, then ","
// or "and", then a gappedList whose actors each have a time phrase
// ("Sweden recognised Palestine in 2014 and Iceland in 2011"). Only
// states count: a territory there is more likely a second object.
func (sc *scope) gappedAfter(e int) []int {
	t := sc.gapTail(e)
	if t <= e || t >= sc.s.to {
		return nil // no time phrase of its own: "recognised A, B" is a list of objects
	}
	j := sc.gapJoin(t)
	if j == t {
		return nil
	}
	var out []int
	for _, mi := range sc.gappedList(j-1, true) {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && a.Type == graph.Country {
			out = append(out, mi)
		}
	}
	return out
}

// listBefore returns the actors of the list that ends right before the
// word at k ("each" of "each of which"): a gappedList opened by a
// list-opener ("including"), "such as" or "among them" earlier in the
// sentence, with no clause break between; nil if there is none.
func (sc *scope) listBefore(k, lo int) []int {
	for j := k - 1; j >= lo; j-- {
		w := sc.toks[j].low
		if sc.toks[j].is(cClauseBreak) {
			return nil
		}
		if sc.x.lex.has(lcListOpener, w) || w == "as" && j > lo && sc.toks[j-1].low == "such" || w == "them" && j > lo && sc.toks[j-1].low == "among" {
			return sc.gappedList(j, false)
		}
	}
	return nil
}
