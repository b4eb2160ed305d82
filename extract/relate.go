package extract

import (
	"slices"

	"geokg/graph"
)

// relations reads the sentence's claims and triggers and returns its mentions.
func (sc *scope) relations(art graph.Article) []graph.Mention {
	sc.eligMemo = [eligMemoGroups]eligibility{} // a new sentence: nothing read of it
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

// eligibility is what eligible answered for a group: its answer holds
// while the sentence (from), its end (to: a rule may narrow s.to for a
// while) and its number of mentions (n: a rule may add one, and
// inMention reads them all) are those it was read with. Groups are
// merged before the relations only (groupMentions).
type eligibility struct {
	from, to, n int
	ok, set     bool
}

// eligMemoGroups is how many groups of a sentence eligible remembers (in
// an array: no allocation).
const eligMemoGroups = 32

// eligible reports whether group g can be a subject or a direct object
// (eligibleNow), read once for the sentence as it stands: the subject
// searches of a sentence's verbs ask it again and again.
func (sc *scope) eligible(g int) bool {
	if g >= len(sc.eligMemo) {
		return sc.eligibleNow(g) // a sentence of many groups: the rest unremembered
	}
	if e := &sc.eligMemo[g]; e.set && e.from == sc.s.from && e.to == sc.s.to && e.n == len(sc.ms) {
		return e.ok
	}
	ok := sc.eligibleNow(g)
	sc.eligMemo[g] = eligibility{from: sc.s.from, to: sc.s.to, n: len(sc.ms), ok: ok, set: true}
	return ok
}

// mentionAff returns what the named mention m speaks for: sc.affOf(m.id),
// without the lookup when m knew its actor (as aff does for an end).
func (sc *scope) mentionAff(m *mention) graph.ActorID {
	if m.act != nil && m.act.ID == m.id {
		return m.act.Affiliation
	}
	return sc.affOf(m.id)
}

// inMention reports whether token k lies inside a mention.
func (sc *scope) inMention(k int) bool {
	ms := sc.ms // a slice of its own: its bounds read once
	for i := range ms {
		if m := &ms[i]; k >= m.from && k < m.to {
			return true
		}
	}
	return false
}

// clauseEnd returns the first clause break after k, or the sentence end.
func (sc *scope) clauseEnd(k int) int {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for ; k < len(toks); k++ {
		if toks[k].is(cClauseBreak) {
			return k
		}
	}
	return sc.s.to
}
