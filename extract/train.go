package extract

// This file reads armed forces training together, told by a verb of
// training rather than a noun of exercises: "Finnish and Swedish troops
// practised with U.S. Marines and British commandos", "units of the
// Russian base practised together with Tajik formations and contingents
// from Kazakhstan". Forces that train together are allies, as in joint
// exercises.

import (
	"geokg/graph"
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
	if j >= sc.s.to || sc.toks[j].low != "with" {
		return
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
