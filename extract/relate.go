package extract

import (
	"slices"

	"geokg/graph"
)

// relations reads the sentence's claims and triggers and returns its mentions.
func (sc *scope) relations(art graph.Article) []graph.Mention {
	if len(sc.ms) == 0 || sc.toks[sc.s.to-1].low == "?" {
		return nil // a question asserts nothing
	}
	sc.findClaims()
	sc.turnClaim()
	sent := sc.toks[sc.s.from:sc.s.to]
	if sc.cls&(cTrigger|cSpecial) == 0 {
		sent = nil // no word of the sentence starts a relation
	}
	for k := range sent {
		tk := &sent[k]
		if !tk.is(cTrigger | cSpecial) {
			continue // most words: neither case below
		}
		i := sc.s.from + k
		if t, ok := sc.trigOf(tk); ok && sc.trigger(i, t) && !tk.in(lcSpecialTrained) {
			continue // a verb of training is also read as training forces ("trained with")
		}
		if tk.is(cSpecial) {
			sc.special(i)
		}
	}
	sc.coSubjects()
	if sc.cls&cPassCue != 0 {
		sc.joinedIn() // at a word of join-verb only
	}
	sc.ellipses()
	if q := sc.quotedQuestion(); q > 0 {
		// a quoted question asks; what the sentence tells after it stays
		sc.out = slices.DeleteFunc(sc.out, func(m graph.Mention) bool { return m.TrigSpan.Start < q })
	}
	for k := range sc.out {
		sc.out[k].Article = art.ID
		sc.out[k].Date = art.Date
	}
	return sc.out
}

// quotedQuestion returns the byte offset of the closing quote of a
// question quoted at the sentence's start (“Has China supplied weapons to
// Russia, yes or no?” the senator asked), or 0: the question asserts
// nothing, as the same words without quotes ending in "?" do. A quoted
// question after a clause of its own ("He accused Russia of ..., and
// asked: “How many more ...?”") leaves that clause told.
func (sc *scope) quotedQuestion() int {
	if sc.toks[sc.s.from].low != "\"" {
		return 0
	}
	for k := sc.s.from + 1; k < sc.s.to; k++ {
		if sc.toks[k].low == "\"" {
			if sc.toks[k-1].low == "?" {
				return sc.toks[k].start
			}
			return 0
		}
	}
	return 0
}

// trigger reads the relation that trigger word i (with t, its entry)
// starts, and reports whether t names a relation it reads.
func (sc *scope) trigger(i int, t trig) bool {
	switch t.rel {
	case graph.Accuses:
		sc.accuses(i, t)
	case graph.Denies:
		sc.denies(i, t)
	case graph.Supplies:
		sc.supplies(i, t)
	case graph.AlliesWith:
		sc.allies(i, t)
	case graph.Recognizes:
		sc.recognizes(i, t)
	default:
		return false
	}
	return true
}

// first returns the resolved id of a group's first member.
func (sc *scope) first(g []int) graph.ActorID {
	if m := &sc.ms[g[0]]; m.pron == "" {
		return m.id
	}
	ids := sc.resolve(g[0])
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// affiliated reports whether a speaks for b or b for a.
func (sc *scope) affiliated(a, b graph.ActorID) bool {
	return a == b || sc.affOf(a) == b || sc.affOf(b) == a
}

func (sc *scope) affOf(id graph.ActorID) graph.ActorID {
	if e, ok := sc.x.actor(id); ok {
		return e.Affiliation
	}
	return sc.st.newPersons[id].Affiliation
}

// inMention reports whether token k lies inside a mention.
func (sc *scope) inMention(k int) bool {
	for i := range sc.ms {
		if m := &sc.ms[i]; k >= m.from && k < m.to {
			return true
		}
	}
	return false
}

// clauseEnd returns the first clause break after k, or the sentence end.
func (sc *scope) clauseEnd(k int) int {
	for ; k < sc.s.to; k++ {
		if sc.toks[k].is(cClauseBreak) {
			return k
		}
	}
	return sc.s.to
}
