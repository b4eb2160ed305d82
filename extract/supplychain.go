package extract

import (
	"strings"

	"geokg/graph"
)

// chainWindow: the most participles one coordinated chain holds ("fed,
// housed, trained and financed by Rwanda").
const chainWindow = 6

// participleChain finds the coordinated past participles the one at i
// belongs to ("are armed, trained and financed by Algeria", "is armed and
// supported by Rwanda"): the first and the last of them, i and i alone.
// They share the first one's auxiliary and the last one's agent.
func (sc *scope) participleChain(i int) (lo, hi int) {
	lo, hi = i, i
	for n := 0; n < chainWindow; n++ {
		k := sc.chainStep(lo, -1)
		if k < 0 {
			break
		}
		lo = k
	}
	for n := 0; n < chainWindow; n++ {
		k := sc.chainStep(hi, 1)
		if k < 0 {
			break
		}
		hi = k
	}
	return lo, hi
}

// chainStep finds the participle joined to the one at k by a comma, a
// chain-coordinator ("and", "or") or both (", and") in direction dir, or -1.
func (sc *scope) chainStep(k, dir int) int {
	j, n := k+dir, 0
	for j > sc.s.from && j < sc.s.to && n < 2 && (sc.toks[j].low == "," || sc.x.lex.in("chain-coordinator", sc.toks[j].low)) {
		j += dir
		n++
	}
	if n == 0 || j <= sc.s.from || j >= sc.s.to || !sc.participleLike(j) {
		return -1
	}
	return j
}

// participleLike reports a lower-case word at j that reads as a past
// participle: a trigger's past form or a word ending in -ed.
func (sc *scope) participleLike(j int) bool {
	t := &sc.toks[j]
	if !t.word || t.cap {
		return false
	}
	if tr, ok := sc.trigOf(t); ok {
		return tr.pos == verbPast
	}
	return strings.HasSuffix(t.low, "ed") && len(t.low) > 3
}

// passiveChain reports a passive participle at i, read on its chain: the
// first participle's auxiliary or the last one's agent ("were fed,
// housed, trained and financed by Rwanda").
func (sc *scope) passiveChain(i int) bool {
	if sc.passive(i) {
		return true
	}
	lo, hi := sc.participleChain(i)
	return lo < i && sc.passive(lo) || hi > i && sc.passive(hi)
}

// groupMembers reports a people noun right after a group's name, its
// members and no goods: "Hezbollah fighters", "Polisario fighters"
// (class members-noun; not after a state: "Ukrainian fighters").
func (sc *scope) groupMembers(mi int) bool {
	m := &sc.ms[mi]
	if m.to >= sc.s.to || m.act == nil || m.act.Type != graph.Group {
		return false
	}
	return sc.x.lex.in("members-noun", sc.toks[m.to].low)
}

// passiveSubject finds the recipient a passive supply participle at lo
// has as subject, unless goods stand between ("Iranian drones were
// supplied by", but "Hezbollah fighters are armed by Iran").
func (sc *scope) passiveSubject(lo int) []int {
	subj := sc.subject(lo, sc.s.from)
	if subj == nil {
		return nil
	}
	last := subj[len(subj)-1]
	from := sc.ms[subj[0]].from
	if sc.groupMembers(last) {
		from = sc.ms[last].to + 1
	}
	if sc.goodsBetween(from, lo) {
		return nil
	}
	return subj
}
