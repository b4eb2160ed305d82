package extract

// This file reads a verb of joining whose object or agent shares an
// activity told after it: "Kenya joined Uganda and Rwanda in recognising
// Somaliland", "Moscow is joined only by A and B in recognising them",
// "Ghana joins A and B among the states which recognise Y", "Japan joined
// the U.S. and the ROK in the trilateral exercise". The joiner and the
// joined both do what the activity tells: a comitative clause, read after
// the frames like the other shared roles of coSubjects.

import (
	"slices"

	"geokg/graph"
)

// joinByWindow is how far "by" may stand after a passive verb of joining:
// "is joined only by", "was joined later that year by".
const joinByWindow = 4

// joinActivityWindow is how far after the joined actors the activity's
// trigger may stand: "in the trilateral \"Freedom Edge\" exercise",
// "among the African states which recognise".
const joinActivityWindow = 8

// joinedIn reads each verb of joining (data/lexicon.txt, join-verb) of the
// sentence followed by the joined actors and "in" or "among".
func (sc *scope) joinedIn() {
	for k := sc.s.from + 1; k < sc.s.to; k++ {
		if !sc.toks[k].in(lcJoinVerb) {
			continue
		}
		if sc.joiningRecognisers(k) {
			continue
		}
		x, g, e := sc.joinParties(k)
		if x == nil || g == nil || sc.negated(sc.window(x, k), k, true) {
			continue
		}
		if t := sc.joinActivity(e); t > 0 && !sc.negated(e, t, true) && (sc.toks[e].low != "for" || !sc.toks[t].is(cTrigger)) {
			// "for" only before exercises: "joined A and B for naval drills"
			sc.shareActivity(x, g, t)
		}
	}
}

// joiningRecognisers reads a participle of joining after a comma that
// closes a recognition ("Canada recognised Guaido as interim president,
// joining the United States, Brazil and Colombia"; "Norway recognised
// Palestine on Tuesday, joining Spain and Ireland in a coordinated move"):
// the states joined recognise what that recognition did. The list must
// close the sentence or stand before a comma or "in" with no trigger of
// its own after it ("joining A in recognising Y" is joinParties'). It
// reports whether it read one.
func (sc *scope) joiningRecognisers(k int) bool {
	if k-1 <= sc.s.from || sc.toks[k-1].low != "," || sc.toks[k].low != "joining" {
		return false
	}
	y := sc.recognizedBefore(k)
	if y == nil || sc.negated(sc.lastRecognitionAt(k), k, true) {
		return false
	}
	mi, ok := sc.startAt(k + 1)
	if !ok {
		mi, ok = sc.startAt(k + 2)
		ok = ok && sc.toks[k+1].low == "the"
	}
	if !ok {
		return false
	}
	g := sc.grp[sc.ms[mi].group]
	var x []int
	for _, gi := range g {
		m := &sc.ms[gi]
		a, ok := sc.x.mentionActor(m)
		if m.pron != "" || m.poss || m.adj || !ok || !stateLike(a) || slices.Contains(y, a.ID) {
			return false
		}
		x = append(x, gi)
	}
	e := sc.ms[g[len(g)-1]].to
	if e < sc.s.to && sc.toks[e].low != "," && sc.toks[e].low != "." && (sc.toks[e].low != "in" || sc.joinActivity(e) > 0) {
		return false
	}
	sc.emitIDs(graph.Recognizes, x, y, k, graph.Asserted, "", "")
	return true
}

// lastRecognitionAt returns the token of the last recognition's trigger
// told before token k.
func (sc *scope) lastRecognitionAt(k int) int {
	t := sc.s.from
	for _, m := range sc.out {
		if m.Relation == graph.Recognizes && m.TrigSpan.Start < sc.toks[k].start {
			t = max(t, sc.tokenAt(m.TrigSpan.Start))
		}
	}
	return t
}

// joinParties returns, for the verb of joining at k, the joiner (its
// subject), the joined (its object, or a passive's agent after "by") and
// the word after the joined, which must be "in", "among" or "for" ("joined
// the United States and Japan for the Malabar exercise").
func (sc *scope) joinParties(k int) (x, g []int, e int) {
	if sc.passive(k) {
		j := k + 1
		for j < sc.s.to && j <= k+joinByWindow && sc.toks[j].low != "by" {
			if !sc.toks[j].word || sc.toks[j].cap {
				return nil, nil, 0
			}
			j++
		}
		if j >= sc.s.to || sc.toks[j].low != "by" {
			return nil, nil, 0
		}
		g, x = sc.after(j), sc.subject(k, sc.s.from)
	} else {
		j := k + 1
		if j < sc.s.to && sc.toks[j].low == "the" {
			j++
		}
		if mi, ok := sc.startAt(j); ok && sc.ms[mi].pron == "" && !sc.ms[mi].poss {
			g = sc.grp[sc.ms[mi].group]
			if sc.ms[mi].adj {
				g, e = sc.forcesList(mi) // "joined Indian and U.S. vessels", not "joined Russian efforts"
			}
		}
		x = sc.verbSubject(k)
	}
	if g == nil || x == nil {
		return nil, nil, 0
	}
	if e == 0 {
		e = sc.ms[g[len(g)-1]].to
	}
	if w := sc.wordPastTime(e, "in"); w > e {
		e = w // "joined Indian vessels every year in the Malabar exercises"
	}
	if e >= sc.s.to || sc.toks[e].low != "in" && sc.toks[e].low != "among" && sc.toks[e].low != "for" {
		return nil, nil, 0
	}
	return x, g, e
}

// joinActivity returns the trigger of the activity after the word e ("in"
// or "among"): a relation's trigger ("in recognising", "among the states
// which recognise") or a noun of exercises ("in the trilateral
// exercise"); 0 when the clause names none.
func (sc *scope) joinActivity(e int) int {
	for t := e + 1; t < sc.s.to && t <= e+joinActivityWindow; t++ {
		tk := &sc.toks[t]
		if tk.is(cClauseBreak) || tk.low == "," {
			return 0
		}
		if _, ok := sc.trigOf(tk); ok || sc.x.lex.has(lcSpecialExercises, tk.low) && !tk.in(lcJointActivity) {
			return t
		}
	}
	return 0
}

// shareActivity gives the joiner x and the joined g the roles of the
// activity at t: each relation told at t with one of them as source is
// copied with the others as sources ("Germany joined France in condemning
// Russia": the frame took France); a recognition told with no subject
// found is told with all of them; at a noun of exercises the joiner is an
// ally of the joined.
func (sc *scope) shareActivity(x, g []int, t int) {
	tr, ok := sc.trigOf(&sc.toks[t])
	if !ok {
		sc.emitEnds(graph.AlliesWith, sc.ends(x), sc.ends(g), t, graph.Asserted, "", "")
		sc.pairwise(sc.ends(g), t) // the joined train together too
		return
	}
	doers := append(append([]endpoint(nil), sc.ends(x)...), sc.ends(g)...)
	at := graph.Span{Start: sc.toks[t].start, End: sc.toks[t].end}
	told := false
	for o, n := 0, len(sc.out); o < n; o++ {
		m := sc.out[o]
		if m.TrigSpan != at || m.Relation == graph.Denies || !hasID(doers, m.Source) {
			continue
		}
		told = true
		var peers []endpoint
		for _, d := range doers {
			if d.id != m.Source && d.id != m.Target {
				peers = append(peers, d)
			}
		}
		sc.copyRole(m, peers, true)
	}
	if !told && tr.rel == graph.Recognizes && tr.pos != noun {
		sc.recognizesObject(append(append([]int(nil), x...), g...), t)
	}
}

// forcesList returns the mentions that modify a noun of forces from mi
// on, joined by "and" or a comma ("Indian and U.S. vessels"), and the
// index after that noun; nil when no noun of forces ends the list.
func (sc *scope) forcesList(mi int) ([]int, int) {
	var out []int
	for {
		out = append(out, mi)
		e := sc.ms[mi].to
		if e < sc.s.to && !sc.toks[e].cap && sc.forcesNoun(e) {
			return out, e + 1
		}
		if e+1 >= sc.s.to || sc.toks[e].low != "and" && sc.toks[e].low != "," {
			return nil, 0
		}
		n, ok := sc.startAt(e + 1)
		if !ok || sc.ms[n].pron != "" || sc.ms[n].poss {
			return nil, 0
		}
		mi = n
	}
}

// joinedFocus reads a verb of joining at i with no object ("Finland
// joins, doubling NATO's land border", "Sweden and Finland, which joined
// last April, both inside the alliance", "Montenegro joins as 29th
// member"): when the words after it end the noun phrase (a comma, a
// time, "as"), the states of its subject x join the military alliance the
// article named last, as a later ordinal member does (ordinalMember;
// relations round 20).
func (sc *scope) joinedFocus(x []int, i int) {
	id := sc.st.lastBody["alliance"]
	if id == "" || !sc.nounPhraseEnds(i+1) && sc.toks[i+1].low != "as" {
		return
	}
	if p := sc.prevWord(i); p >= sc.s.from && sc.toks[p].is(cBe) {
		return // "the two countries are formally joined in a Union State": a passive
	}
	if k := i + 1; k < sc.s.to && sc.toks[k].is(cPreposition) && sc.toks[k].low != "as" && !sc.timeAfter(k) {
		return // "joined in recognising", "joined with": no membership told; "joined in April" is one
	}
	if states := sc.stateEnds(x); len(states) > 0 {
		sc.emitEnds(graph.AlliesWith, states, []endpoint{{id: id, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}, i, graph.Asserted, "", "")
	}
}

// timeAfter reports a preposition at k before a time: a number, a month
// or weekday, or a time word ("in 2004", "in April", "on Monday", "last
// April" has none).
func (sc *scope) timeAfter(k int) bool {
	if k+1 >= sc.s.to {
		return false
	}
	t := &sc.toks[k+1]
	return startsDigit(t.low) || t.is(cWeekday) || t.in(lcTimeWord)
}
