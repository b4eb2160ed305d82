package extract

import (
	"slices"

	"geokg/graph"
)

// A group with examples: a plural noun naming no actor, as a relation's
// argument, followed by a list that exemplifies it ("recognised by only 12
// states, among them A, B and C", "several Gulf donors, including A and B,
// pledged ...", "supplied drones to several armed groups, among them the
// Houthis"). The list's actors take the group's place, in every relation:
// after a preposition or a verb the object is read past the group to its
// examples (examplesOf, called by after), a list set off by commas after
// such a group may be a subject or an object (exemplifies, called by
// eligible), and the "them" of "among them" refers to no actor named
// before (examplesPronoun).

// examplesHeadWindow is how many words a group's noun phrase may have
// before its plural head: "more than 100 countries", "a few other
// states", "several Western governments".
const examplesHeadWindow = 6

// examplesOpener returns the index of the first word after an opener of
// examples at k: one word of examples-opener ("including", "notably") or
// two of examples-opener-two joined by "_" ("among them", "such as"); 0 if
// none opens there.
func (c *lexicon) examplesOpener(toks []token, k, to int) int {
	if k >= to {
		return 0
	}
	if toks[k].in(lcExamplesOpener) {
		return k + 1
	}
	if k+1 < to && toks[k].in(lcExamplesFirst) && c.in("examples-opener-two", toks[k].low+"_"+toks[k+1].low) {
		return k + 2
	}
	return 0
}

// examplesPronoun reports the pronoun of a two-word opener at i ("among
// them", "among whom"): it stands for the plural just named, whose
// examples follow, not for an actor named before.
func (c *lexicon) examplesPronoun(toks []token, i, to int) bool {
	return i > 0 && c.examplesOpener(toks, i-1, to) == i+1
}

// examplesHead reports a plural noun that a list of examples may follow
// as a group of actors: plural-ref ("states", "countries", "governments")
// or examples-head ("donors", "lenders", "groups").
func (c *lexicon) examplesHead(t *token) bool {
	return t.word && !t.cap && (t.is(cPluralRef) || t.in(lcExamplesHead))
}

// examplesOf reads at j a plural noun phrase that names no actor and the
// examples after it ("only 12 states, among them A", "several armed
// groups, including the Houthis") and returns where the examples start;
// j when there is no such phrase.
func (sc *scope) examplesOf(j int) int {
	for k := j; k < sc.s.to && k < j+examplesHeadWindow; k++ {
		t := &sc.toks[k]
		if _, named := sc.startAt(k); named {
			return j
		}
		if sc.x.lex.examplesHead(t) {
			n := k + 1
			if n < sc.s.to && sc.toks[n].in(lcExamplesPunct) {
				n++ // ", including", " - among them", " (including"
			}
			if e := sc.x.lex.examplesOpener(sc.toks, n, sc.s.to); e > 0 && e < sc.s.to {
				return e
			}
			return j
		}
		if !sc.groupWord(t) {
			return j
		}
	}
	return j
}

// groupStart returns where the noun phrase of the plural head at h
// starts: past its group words ("several Gulf donors").
func (sc *scope) groupStart(h int) int {
	k := h
	for k-1 >= sc.s.from && k > h-examplesHeadWindow && sc.groupWord(&sc.toks[k-1]) && !sc.inMention(k-1) {
		k--
	}
	return k
}

// subjectPlace reports a noun phrase starting at k in a clause's subject
// place: the sentence's start, or after a clause break, a comma or a
// conjunction ("Several donors, including A, pledged"; not "which backs
// several groups, including A,": an object).
func (sc *scope) subjectPlace(k int) bool {
	p := k - 1
	return p < sc.s.from || sc.toks[p].is(cClauseBreak) || !sc.toks[p].word || sc.toks[p].in(lcExamplesClause)
}

// groupWord reports a word that may stand in a group's noun phrase before
// its head: a number, a capitalised modifier ("Western", "Gulf"), a
// quantifier or determiner, or a word of examples-modifier ("only",
// "other", "armed") or examples-skip ("than").
func (sc *scope) groupWord(t *token) bool {
	if startsDigit(t.text) || t.word && t.cap {
		return true
	}
	if !t.word {
		return false
	}
	return t.is(cQuantifier|cCount|cObjectSkip) || t.in(lcExamplesModifier) || t.in(lcExamplesSkip)
}

// exemplifies reports a mention starting at f that opens the examples of
// a plural noun naming no actor in subject place: ", including A and B"
// after "Several donors" (examplesHeadBefore). Such a list may be the
// subject the plural would be.
func (sc *scope) exemplifies(f int) bool {
	h := sc.examplesHeadBefore(f)
	return h >= 0 && sc.subjectPlace(sc.groupStart(h))
}

// examplesHeadBefore returns the plural head whose examples a mention
// starting at f opens (", including A", ", among them the Houthis": past
// a determiner), or -1.
func (sc *scope) examplesHeadBefore(f int) int {
	k := f - 1
	for k > sc.s.from && sc.toks[k].is(cObjectSkip) {
		k--
	}
	// the cheap test first: an opener ends at k, a word of one ("including")
	// or two ("among them"), as examplesOpener reads it
	if k < sc.s.from || !sc.toks[k].in(lcExamplesOpener) && (k == sc.s.from || !sc.toks[k-1].in(lcExamplesFirst)) {
		return -1
	}
	for o := k; o >= sc.s.from && o >= k-1; o-- {
		if sc.x.lex.examplesOpener(sc.toks, o, sc.s.to) != k+1 {
			continue
		}
		h := o - 1
		if h >= sc.s.from && sc.toks[h].in(lcExamplesPunct) {
			h--
		}
		if _, named := sc.endAt(h); h >= sc.s.from && !named && sc.x.lex.examplesHead(&sc.toks[h]) {
			return h
		}
	}
	return -1
}

// examplesMembers joins to a group the examples of an unnamed last item
// of its list: "recognised only by Russia and a few other states,
// including Nauru" makes Nauru a member of Russia's group, so every
// relation reads both. The item after "and" is a plural's noun phrase
// (groupWord words and an examples-head) closed by an opener of examples.
// Run once the groups are built.
func (sc *scope) examplesMembers() {
	for g := range sc.grp {
		last := &sc.ms[sc.grp[g][len(sc.grp[g])-1]]
		k := last.to
		if last.poss || last.adj || k+2 >= sc.s.to || sc.toks[k].low != "and" && sc.toks[k].low != "or" {
			continue
		}
		mi, ok := sc.examplesAfter(k + 1)
		if !ok || sc.ms[mi].group == g {
			continue
		}
		h := sc.ms[mi].group
		merged := append(slices.Clip(sc.grp[g]), sc.grp[h]...)
		for _, m := range sc.grp[h] {
			sc.ms[m].group = g
		}
		sc.grp[g], sc.grp[h] = merged, merged
	}
}

// examplesAfter returns the first mention of the examples of a plural
// noun phrase starting at k ("a few other states, including Nauru"), if
// any.
func (sc *scope) examplesAfter(k int) (int, bool) {
	e := sc.examplesOf(k)
	if e == k {
		return 0, false
	}
	for e < sc.s.to && sc.toks[e].is(cObjectSkip) {
		if mi, ok := sc.startAt(e); ok {
			return mi, true
		}
		e++
	}
	return sc.startAt(e)
}

// examplesAhead matches a plural naming no actor after a quantity ("only
// 12 states", "several donors") whose examples the next sentence lists:
// "Taiwan is recognised by only 12 states. Among them are A, B and C",
// "... They include A and B". The mention, from its quantity to its head,
// stands for the listed actors (st.examples); the examples after it in
// the same sentence are examplesOf's.
func (x *Extractor) examplesAhead(out *mention, toks []token, i, from, to int, st *articleState) bool {
	if !x.lex.examplesHead(&toks[i]) || i == from || !x.lex.groupWordLow(&toks[i-1]) {
		return false
	}
	if x.lex.examplesOpener(toks, i+1, to) > 0 || i+2 < to && toks[i+1].in(lcExamplesPunct) && x.lex.examplesOpener(toks, i+2, to) > 0 {
		return false
	}
	ids := x.listedNext(toks, to)
	if ids == nil {
		return false
	}
	f := i
	for f-1 >= from && x.lex.groupWordLow(&toks[f-1]) {
		f--
	}
	*out = mention{from: f, to: i + 1, nFrom: f, pron: "examples"}
	st.examples = st.hold(ids...)
	return true
}

// groupWordLow reports a lower-case word or a number of a plural's noun
// phrase before its head: "only", "12", "several", "other".
func (c *lexicon) groupWordLow(t *token) bool {
	if startsDigit(t.text) {
		return true
	}
	return t.word && (t.is(cQuantifier|cCount) || !t.cap && (t.in(lcExamplesModifier) || t.in(lcExamplesSkip)))
}

// listedNext returns the actors a sentence starting at k lists as
// examples of the plural before it: "Among them are A, B and C", "They
// include A and B" (examples-next-subject and a special-include verb);
// nil if it opens otherwise.
func (x *Extractor) listedNext(toks []token, k int) []graph.ActorID {
	n := len(toks)
	e := x.lex.examplesOpener(toks, k, n)
	switch {
	case e > 0 && e < n && toks[e].is(cBe):
		e++ // "Among them are"
	case e == 0 && k+1 < n && x.lex.in("examples-next-subject", toks[k].low) && x.lex.in("special-include", toks[k+1].low):
		e = k + 2 // "They include"
	default:
		return nil
	}
	var ids []graph.ActorID
	for j := e; j < n; {
		if w := toks[j].low; w == "," || w == "and" || toks[j].is(cObjectSkip) {
			j++
			continue
		}
		ref, end, ok := x.trie.longest(toks, j, n)
		if !ok || !toks[j].cap || ref.kind == NameDemonym || ref.kind == nameDemonymPlural {
			break
		}
		ids = append(ids, ref.id)
		j = end
	}
	return ids
}
