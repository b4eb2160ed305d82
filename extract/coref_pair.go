package extract

import (
	"slices"

	"geokg/graph"
)

// A bond told of "the two countries" (a treaty, ties, an alliance, joint
// drills) is never between a state and the one the same sentence sets it
// against: "X announced it would cut ties with Taipei and recognise
// Beijing, and the two countries established relations" is X and China;
// "NAME condemned China's actions and reiterated that the defence treaty
// between the two countries ..." is NAME's state and its ally named the
// sentence before, not China (discourse round 21).

// bondPair resolves "the two countries" at mention mi when a verb that
// sets an actor against another (class pair-adversary: condemned, cut
// ties with, severed) comes before it and a word of a bond (class
// pair-bond) follows that actor in the sentence ("the treaty between the
// two countries", "the two countries' defence treaty"): the states the sentence names before mi
// without the adversaries, completed by the last state the sentence before
// named, else by the state the article names most. It reports false when
// the sentence names no adversary before mi or no bond after it; true
// with nil when no pair is left without the adversaries (the reference
// then names no one: "the two countries" is never the adversary's pair).
func (sc *scope) bondPair(mi, n int) ([]graph.ActorID, bool) {
	m := &sc.ms[mi]
	if n != 2 || !sc.toks[m.to-1].in(lcStatePlural) {
		return nil, false
	}
	var against [2]graph.ActorID
	var named [4]graph.ActorID
	na, nn, after := 0, 0, 0
	for k := 0; k < mi; k++ {
		if sc.ms[k].pron != "" {
			continue
		}
		id, _, ok := sc.mentionState(&sc.ms[k])
		switch {
		case !ok:
		case sc.adversaryAt(k):
			if na == len(against) {
				return nil, false
			}
			against[na] = id
			na++
			after = sc.ms[k].to
		case !slices.Contains(named[:nn], id):
			if nn == len(named) {
				return nil, false
			}
			named[nn] = id
			nn++
		}
	}
	if na == 0 || !sc.bondAfter(after, m) {
		return nil, false
	}
	keep := slices.DeleteFunc(named[:nn], func(id graph.ActorID) bool { return slices.Contains(against[:na], id) })
	if len(keep) == 1 {
		keep = sc.bondPartner(keep[0], against[:na])
	}
	if len(keep) != 2 {
		return nil, true // no pair without the adversary: none rather than a wrong one
	}
	return sc.st.hold(keep...), true
}

// bondPartner completes a bond's pair of one state, first: the last state
// the sentence before named that is neither first nor an adversary, else
// the state the article has named most so far.
func (sc *scope) bondPartner(first graph.ActorID, against []graph.ActorID) []graph.ActorID {
	fits := func(id graph.ActorID) bool { return id != first && !slices.Contains(against, id) }
	for k := len(sc.st.prevMet) - 1; k >= 0; k-- {
		if id := sc.st.prevMet[k]; fits(id) {
			return []graph.ActorID{first, id}
		}
	}
	best, most := graph.ActorID(""), 0
	for _, e := range sc.st.stateCounts.list {
		id, c := e.id, e.n
		if fits(id) && (c > most || c == most && id < best) {
			best, most = id, c
		}
	}
	if best == "" {
		return nil
	}
	return []graph.ActorID{first, best}
}

// bondAfter reports a word of a bond (class pair-bond) from token i to
// the end of the sentence, outside the reference m: "the defence treaty
// between the two countries", "the two countries formally established
// diplomatic relations"; not "the latest spat between the two NATO allies".
func (sc *scope) bondAfter(i int, m *mention) bool {
	for k := i; k < sc.s.to; k++ {
		if (k < m.from || k >= m.to) && sc.toks[k].in(lcPairBond) {
			return true
		}
	}
	return false
}

// adversaryAt reports that mention k is the first actor after a verb of
// the class pair-adversary in its clause: "condemned China's actions",
// "cut ties with Taipei", "sever so-called diplomatic ties with the Taiwan
// region". A comma, "and" or another actor between them ends the clause.
func (sc *scope) adversaryAt(k int) bool {
	from := sc.s.from
	if k > 0 {
		from = max(from, sc.ms[k-1].to)
	}
	for j := sc.ms[k].from - 1; j >= from; j-- {
		t := &sc.toks[j]
		if t.in(lcPairAdversary) {
			return true
		}
		if t.low == "," || t.low == ";" || t.low == "and" || t.low == "but" || t.is(cClauseBreak) {
			return false
		}
	}
	return false
}
