package extract

import (
	"slices"
	"strings"

	"geokg/graph"
)

// scope is one sentence being read: its tokens, mentions and groups.
// resetScope resets every field of a scope: keep it in step.
type scope struct {
	x    *Extractor
	toks []token
	s    sentence
	text string
	st   *articleState
	// cls holds the class bits of any word of the sentence (the union of
	// its tokens' cls): a pass over the sentence for words of a class
	// tests it first, and a sentence without one is not read
	cls uint64
	ms  []mention
	// startIdx and endIdx hold, per token of the sentence, 1 + the index of the
	// mention starting or ending there (0: none): slices, not maps, because
	// every frame asks them many times per trigger.
	startIdx, endIdx []int32
	grp              [][]int // groups of coordinated mentions
	// claims are the stretches of the sentence someone else asserts.
	claims []claim
	// overrides fix the source of a trigger from an enclosing frame
	// ("accused X of supplying": X supplies).
	overrides map[int]override // nil until one is first set, then emptied and reused
	// resolved holds, once a pronoun of the sentence is resolved, what
	// each mention resolves to; empty until then
	resolved []resolution
	out      []graph.Mention
	// seq holds 0, 1, 2, ...: the groups are slices of it. spans and eps
	// are buffers of groupMentions and ends.
	seq   []int
	spans [][2]int
	eps   []endpoint
	idBuf []graph.ActorID
	// commas holds the sentence's commas once coSubjects has found them
	commas []int
	// trade is set while a verb of buying or selling is read: commodities
	// then do not count as supplied goods.
	trade bool
	// giving is set while a verb of giving away is read (class
	// giving-lemma): a plural noun then counts as goods (givenThing).
	giving bool
	// introEnd is the token after the comma that closes an opening
	// participial phrase ("Asked about ..., ", "Speaking in Kyiv, "), or 0.
	introEnd int
	// supplied is the recipient group of the last active supply read in
	// the sentence and suppliedAt its trigger: a coordinated clause with
	// no recipient of its own shares it ("X gave tanks to Y, and Z sent
	// drones").
	supplied   []int
	suppliedAt int
	// eligMemo holds, for the first groups, what eligible answered
	// (relate.go eligibility); relations empties it, as does a new scope
	eligMemo [eligMemoGroups]eligibility
}

// resolution is what a pronoun stands for, once resolve has read it.
type resolution struct {
	ids  []graph.ActorID
	done bool
}

type claim struct {
	from, to int           // token range
	by       graph.ActorID // who claims it ("" if unknown)
	disputed graph.ActorID // who denies it
	unnamed  bool          // an unnamed source claims it ("officials said")
}

type override struct {
	src []int
	by  graph.ActorID
}

func (x *Extractor) newScope(toks []token, s sentence, text string, st *articleState) *scope {
	sc := &scope{}
	x.resetScope(sc, toks, s, text, st)
	return sc
}

// resetScope readies sc for sentence s, reusing the buffers it holds from
// the sentence before.
func (x *Extractor) resetScope(sc *scope, toks []token, s sentence, text string, st *articleState) {
	// field by field rather than *sc = scope{...}, which builds and copies
	// a whole scope: a field added to scope must be reset here too
	sc.x, sc.toks, sc.s, sc.text, sc.st = x, toks, s, text, st
	sc.ms, sc.grp, sc.claims, sc.resolved, sc.out = sc.ms[:0], sc.grp[:0], sc.claims[:0], sc.resolved[:0], sc.out[:0]
	sc.spans, sc.eps, sc.idBuf, sc.commas = sc.spans[:0], sc.eps[:0], sc.idBuf[:0], sc.commas[:0]
	clear(sc.overrides) // kept, emptied: made once a trigger first needs one
	sc.trade, sc.introEnd = false, 0
	sc.supplied, sc.suppliedAt = nil, 0
	// startIdx and endIdx are cleared below; seq only ever grows
	var cls uint64 // gathered in a register, stored once
	sent := toks[s.from:s.to]
	for k := range sent {
		cls |= sent[k].cls
	}
	sc.cls = cls
	st.noParen = [2]int{}
	if strings.IndexByte(text[s.start:s.end], '(') < 0 {
		st.noParen = [2]int{s.from, s.to}
	}
	sc.ms = x.actorsIn(sc.ms, toks, s.from, s.to, st)
	sc.introEnd = sc.introClause()
	n := s.to - s.from
	if cap(sc.startIdx) < n {
		sc.startIdx = make([]int32, n, max(n, maxSentence))
		sc.endIdx = make([]int32, n, max(n, maxSentence))
	} else {
		sc.startIdx = sc.startIdx[:n]
		sc.endIdx = sc.endIdx[:n]
		clear(sc.startIdx)
		clear(sc.endIdx)
	}
	for i := range sc.ms {
		m := &sc.ms[i]
		sc.startIdx[m.from-s.from] = int32(i + 1)
		sc.endIdx[m.to-1-s.from] = int32(i + 1)
	}
	sc.groupMentions()
}

// sharedHead reports a span of mentions whose last one ends in the head
// noun its demonyms share ("U.S. and Australian vessels": a lower-case
// word ends the mention) or is a demonym itself: a bare demonym before a
// comma then modifies that head too ("Philippine, U.S. and Australian
// vessels" is one list).
func (sc *scope) sharedHead(sp [2]int) bool {
	m := &sc.ms[sp[1]-1]
	return sp[1]-sp[0] >= 2 && (m.adj || m.to-m.from >= 2 && !sc.toks[m.to-1].cap && m.pron == "")
}

// groupMentions joins coordinated mentions: "A and B", "A, B and C",
// "A as well as B". Every group is a run of consecutive mentions, so each
// is a slice of sc.seq (0, 1, 2, ...), capped so that appending copies.
func (sc *scope) groupMentions() {
	for len(sc.seq) < len(sc.ms) {
		sc.seq = append(sc.seq, len(sc.seq))
	}
	spans := sc.spans[:0] // [first, end) of each group
	for i := range sc.ms {
		if i > 0 && sc.joined(&sc.ms[i-1], &sc.ms[i]) {
			spans[len(spans)-1][1] = i + 1
			continue
		}
		spans = append(spans, [2]int{i, i + 1})
	}
	// "A, B and C": a comma joins only lists that end in "and"
	for g := len(spans) - 1; g > 0; g-- {
		if spans[g][1]-spans[g][0] < 2 && !sc.listEndsUnnamed(spans[g-1][0], &sc.ms[spans[g][0]]) {
			continue
		}
		first := &sc.ms[spans[g][0]]
		last := &sc.ms[spans[g-1][1]-1]
		end := sc.bracketYear(sc.forcesEnd(last)) // "the Philippine Navy, the US Navy and ...", "Costa Rica (2007), Panama"
		gap := first.from - end
		if (gap == 1 || gap == 2 && sc.toks[end+1].low == "the") && sc.toks[end].low == "," && !last.poss && (!last.adj || sc.sharedHead(spans[g])) && last.pron == "" {
			spans[g-1][1] = spans[g][1]
			spans = append(spans[:g], spans[g+1:]...)
		}
	}
	sc.spans = spans
	for g, sp := range spans {
		sc.grp = append(sc.grp, sc.seq[sp[0]:sp[1]:sp[1]])
		for i := sp[0]; i < sp[1]; i++ {
			sc.ms[i].group = g
		}
	}
	sc.apposedMembers()
	sc.examplesMembers()
}

func (sc *scope) joined(a, b *mention) bool {
	if a.poss || a.adj != b.adj && !(a.adj && (sc.forcesNamed(b) || sc.forcesAfterName(b))) && !sc.withAdverbList(a, b) {
		// "Russian and Chinese warships" join, and "Philippine and US
		// troops" (the head is both's); "Iran and Russian troops" do not
		return false
	}
	if !sc.joinWordBetween(a.to, b) {
		return false // most mentions a sentence has in turn: the words below are not read
	}
	var words [3]string // the words between, but "the" and b's own pre-name words; more than 3 never join
	n := 0
	start := sc.bracketYear(sc.forcesEnd(a)) // "El Salvador (2018) and Nicaragua"
	if sc.yearPhrase(start) && sc.yearPhrase(b.to) && sc.listGoverned(a) {
		start += 2 // "following Panama in 2017 and El Salvador in 2018": each with its year
	}
	for k := start; k < b.from; k++ {
		if w := sc.toks[k].low; w != "the" && !sc.preNameOf(k, b) { // read in place, not copied
			if n == len(words) {
				return false
			}
			words[n] = w
			n++
		}
	}
	switch n {
	case 1:
		if words[0] == "and" && sc.clausesJoined(a, b) {
			return false
		}
		return words[0] == "and" || words[0] == "&"
	case 2:
		if words[0] == "and" && words[1] == "of" {
			return sc.ofBefore(a) // "the independence of Abkhazia and of South Ossetia"
		}
		if words[0] == "and" && words[1] == "then" {
			return !sc.clausesJoined(a, b) // "the Soviet Union and then Russia supplied"
		}
		// ", and" joins a list ("A, B, and C") but not two clauses ("... with
		// Pristina, and Israel recognised Kosovo")
		return words[0] == "," && words[1] == "and" && a.from >= 2 && sc.toks[a.from-1].low == "," && sc.endsMention(a.from-2)
	case 3:
		// "A as well as B", "A, along with B, ...", "A, together with B, ...";
		// not "recognise A, along with B, C and D.": a comma that goes on
		// to a name continues B's list, which must close the aside itself
		return words[0] == "as" && words[1] == "well" && words[2] == "as" ||
			words[0] == "," && sc.x.lex.has(lcWithAdverb, words[1]) && words[2] == "with" && (sc.commaAfter(b) && !sc.nameAfterComma(b) || sc.listEnd(b) > 0)
	}
	return false
}

// joinWordBetween reports a word from k on before b that the words
// joined reads can start with ("and", "&", ",", "as"): with none, the
// two mentions do not join. Its words start at or after k = a.to.
func (sc *scope) joinWordBetween(k int, b *mention) bool {
	for ; k < b.from; k++ {
		switch sc.toks[k].low {
		case "and", ",", "&", "as":
			return true
		}
	}
	return false
}

// listGoverned reports a mention a after a preposition, a list opener or
// a participle of following: a list may start there ("following Panama in
// 2017 and El Salvador in 2018"); after a verb, "A recognised B in 2014
// and C in 2011" gaps the verb (gapped.go), so C is no second object.
func (sc *scope) listGoverned(a *mention) bool {
	p := sc.prevWord(a.from)
	if p < sc.s.from {
		return false
	}
	t := &sc.toks[p]
	return t.is(cPreposition) || t.in(lcListOpener) || sc.x.lex.words["special-follow"][t.low] && strings.HasSuffix(t.low, "ing")
}

// bracketYear returns the word after a year in brackets at k ("Costa
// Rica (2007), Panama (2017) and ..."), or k when none stands there: the
// year annotates the name before it in a list.
func (sc *scope) bracketYear(k int) int {
	if k+2 < sc.s.to && sc.toks[k].low == "(" && sc.toks[k+2].low == ")" && len(sc.toks[k+1].low) == 4 && startsDigit(sc.toks[k+1].low) {
		return k + 3
	}
	return k
}

// yearPhrase reports "in" and a year at k: "Panama in 2017".
func (sc *scope) yearPhrase(k int) bool {
	return k+1 < sc.s.to && sc.toks[k].low == "in" && len(sc.toks[k+1].low) == 4 && startsDigit(sc.toks[k+1].low)
}

// preNameOf reports a word at k of the run of pre-name and name-hedge
// words (no determiner, no possessive pronoun) right before the name b, after "and":
// "Abkhazia and the breakaway South Ossetia", "A and the so-called B"
// name B itself.
func (sc *scope) preNameOf(k int, b *mention) bool {
	for j := k; j < b.from; j++ {
		t := &sc.toks[j]
		if j == b.from-1 && sc.compoundModifier(j) {
			continue // "Saudi Arabia and nuclear-armed Pakistan"
		}
		if !t.is(cPreName) && !t.in(lcNameHedge) || t.in(lcDeterminer) || sc.x.lex.pron[t.low] != 0 {
			return false
		}
	}
	if b.adj {
		return false // "Mozambican forces and a South African contractor": two heads
	}
	return k > 0 && (sc.toks[k-1].low == "and" || sc.toks[k-1].is(cPreName))
}

// compoundModifier reports a lower-case compound adjective written with
// a hyphen at k, of letters only: "nuclear-armed", "oil-rich".
func (sc *scope) compoundModifier(k int) bool {
	t := &sc.toks[k]
	h := strings.IndexByte(t.low, '-')
	if !t.word || t.cap || h <= 0 || h == len(t.low)-1 {
		return false
	}
	for _, r := range t.low {
		if r != '-' && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

// ofBefore reports an "of" right before mention a, past its pre-name
// words: a's phrase is the object of "of", as a coordinated "and of B" is.
func (sc *scope) ofBefore(a *mention) bool {
	k := a.from - 1
	for k > sc.s.from && (sc.toks[k].is(cPreName) || sc.toks[k].in(lcNameHedge)) {
		k--
	}
	return k >= sc.s.from && sc.toks[k].low == "of"
}

// forcesEnd returns where mention m ends with the head noun of armed
// forces that follows its name ("the US Navy and the Australian Navy",
// "US troops and Iraqi forces": forcesAfterName): the head is the
// mention's own for coordination.
func (sc *scope) forcesEnd(m *mention) int {
	if sc.forcesAfterName(m) {
		return sc.forcesHeadAt(m.to) + 1
	}
	return m.to
}

// forcesHeadAt returns the index of a head noun of armed forces at k
// (forces-head), or after one modifier of forces at k (forces-modifier:
// "special forces", "coast guards", "air forces"), or -1.
func (sc *scope) forcesHeadAt(k int) int {
	if k >= sc.s.to {
		return -1
	}
	if sc.toks[k].in(lcForcesHead) {
		return k
	}
	if k+1 < sc.s.to && sc.toks[k].in(lcForcesModifier) && sc.toks[k+1].in(lcForcesHead) {
		return k + 1
	}
	return -1
}

// forcesNamed reports a mention that is a state's name with a head noun
// of armed forces (forces-head): "US troops", "UK forces".
func (sc *scope) forcesNamed(m *mention) bool {
	return !m.person && m.pron == "" && m.to-1 > m.nFrom && sc.toks[m.to-1].in(lcForcesHead)
}

// forcesAfterName reports a state's name followed by a head noun of
// armed forces that the name does not include: "Finnish and U.S. forces",
// "the Philippine and U.S. militaries" (forces-head).
func (sc *scope) forcesAfterName(m *mention) bool {
	return !m.person && !m.adj && !m.poss && m.pron == "" && sc.forcesHeadAt(m.to) >= 0
}

// introWindow is how far the comma closing an opening participle clause
// may stand ("Asked about reports that ..., Wang rejected").
const introWindow = 25

// introClause returns the index after the comma that closes an opening
// participle clause ("Speaking to reporters, X said", "Asked about ...,
// Y rejected"), or 0. A participle right before a name is an adjective
// ("Neighbouring Mauritania, which ..., recognises"), not a clause.
func (sc *scope) introClause() int {
	first := &sc.toks[sc.s.from]
	w := first.low
	if !first.cap || len(w) <= 4 || !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") || first.text == strings.ToUpper(first.text) {
		return 0 // "ACLED's figures echo ...": an acronym, no participle
	}
	if len(sc.ms) > 0 && sc.ms[0].from <= sc.s.from+1 {
		return 0 // "Neighbouring Mauritania"; "Ahmed Al-Mismari, ...": a name, no participle
	}
	for k := sc.s.from + 1; k < sc.s.to && k < sc.s.from+introWindow; k++ {
		if sc.toks[k].low == "," {
			return k + 1
		}
	}
	return 0
}

// commaAfter reports a comma right after mention m: the end of an
// inserted ", along with B," phrase.
// withAdverbList reports a mention a followed by ", together with" or
// ", along with" and a list of demonyms that share the head noun of its
// last member, closed by a comma: "Chilean troops, together with
// Argentine and Brazilian forces, began" joins all three (relations round
// 18), as "Chilean troops, together with Argentine forces," joins two.
func (sc *scope) withAdverbList(a, b *mention) bool {
	k := sc.forcesEnd(a)
	if a.adj || !b.adj || k+3 != b.from || sc.toks[k].low != "," || !sc.toks[k+1].in(lcWithAdverb) || sc.toks[k+2].low != "with" {
		return false
	}
	return sc.listEnd(b) > 0
}

// listEnd returns the index of the comma that closes the list of
// mentions starting at b ("A and B ,", "A, B and C ,"; every mention past
// its head noun of forces), when the list's last member is no bare
// demonym; else 0.
func (sc *scope) listEnd(b *mention) int {
	m := b
	for n := 0; n < listEndWindow; n++ {
		k := sc.forcesEnd(m)
		if k >= sc.s.to {
			return 0
		}
		if sc.toks[k].low == "," && !m.adj && (k+1 >= sc.s.to || sc.toks[k+1].low != "and") {
			if _, next := sc.startAt(k + 1); !next {
				return k
			}
		}
		if sc.toks[k].low != "and" && sc.toks[k].low != "," || k+1 >= sc.s.to {
			return 0
		}
		mi, ok := sc.startAt(k + 1)
		if !ok {
			return 0
		}
		m = &sc.ms[mi]
	}
	return 0
}

// listEndWindow is how many members a list closed by listEnd may have.
const listEndWindow = 6

func (sc *scope) commaAfter(m *mention) bool {
	return m.to < sc.s.to && sc.toks[m.to].low == ","
}

// nameAfterComma reports a mention right after the comma that follows m:
// the comma goes on with a list ("B, C and D") rather than closing m.
func (sc *scope) nameAfterComma(m *mention) bool {
	if m.to+1 >= sc.s.to {
		return false
	}
	_, ok := sc.startAt(m.to + 1)
	return ok
}

// dashList returns the list of two or more actors set off by dashes
// whose closing dash is at j ("three Pacific states - Palau, Nauru and
// Tuvalu - all recognise Taiwan"): an apposition that names the subject
// (relations round 19); nil when j closes no such list.
func (sc *scope) dashList(j, lo int) []int {
	if sc.toks[j].low != "-" {
		return nil
	}
	mi, ok := sc.endAt(j - 1)
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	p := sc.prevWord(sc.ms[g[0]].from)
	if len(g) < 2 || p < lo || sc.toks[p].low != "-" {
		return nil
	}
	for _, k := range g {
		if m := &sc.ms[k]; m.poss || m.adj || m.pron != "" {
			return nil
		}
	}
	for k := p - 1; k >= sc.s.from && !sc.toks[k].is(cClauseBreak); k-- {
		if sc.toks[k].is(cNegator) || sc.toks[k].in(lcNegativeOpener) {
			return nil // "None of the Central Asian members - A, B and C - has recognised"
		}
	}
	return g
}

// prevWord returns the index of the word before j, skipping determiners
// and quotes; s.from-1 at the sentence start.
func (sc *scope) prevWord(j int) int {
	k := j - 1
	for k >= sc.s.from {
		if sc.toks[k].is(cPreName) {
			k--
			continue
		}
		break
	}
	return k
}

// eligibleNow reports whether group g can be a subject or a direct object:
// not inside a prepositional phrase, not a possessive modifier (eligible
// remembers it).
func (sc *scope) eligibleNow(g int) bool {
	members := sc.grp[g]
	last := &sc.ms[members[len(members)-1]]
	if last.adj || last.poss && !sc.speaksThrough(last) {
		return false
	}
	first := &sc.ms[members[0]]
	p := sc.prevWord(first.from)
	if p > sc.s.from && sc.toks[p].in(lcPartyModifier) && sc.toks[p-1].low == "the" {
		p = sc.prevWord(p - 1) // "of the ruling PSUV party": the word before "the"
	}
	if p >= sc.s.from && sc.toks[p].is(cQuantifier) && !sc.toks[p].cap {
		p = sc.prevWord(p) // "with most Moldovans": the preposition before the quantifier
	}
	if sc.rankReference(p) {
		return false // "one of the first countries after Russia to recognise"
	}
	if p-1 >= sc.s.from && sc.toks[p].low == "as" && sc.toks[p-1].low == "such" {
		return true // "others such as Mexico and Venezuela continue to recognise it"
	}
	if p-1 >= sc.s.from && sc.toks[p].in(lcListOpener) && sc.toks[p-1].word && !sc.toks[p-1].cap {
		return true // "several countries including Poland and Hungary recognised it": no comma, the plural's members
	}
	if sc.exemplifies(first.from) {
		return true // "several donors, including A and B, pledged": the plural's examples (examples.go)
	}
	if p >= sc.s.from && sc.toks[p].low == "as" && (sc.opensClause(last) || sc.calledAs(p)) {
		// "the bid stalled as Turkey accused Stockholm": "as" opens a
		// clause; "condemned what it described as the Turkish bombardment"
		return true
	}
	if p >= sc.s.from && sc.toks[p].is(cPreposition) && !sc.toks[p].is(cClauseBreak) {
		// "after" and "before" also open clauses: "after the government blamed ..."
		return sc.membersOf(p)
	}
	// "all Baltic states except Russia are NATO members": the one left out
	return p < sc.s.from || !sc.toks[p].in(lcExclusion)
}

// membersOf reports an "of" at p after a noun of the lexicon's
// member-body class: "a panel of UN experts accused ...", "a team of
// Chinese investigators" speak for the actor named after "of".
func (sc *scope) membersOf(p int) bool {
	if sc.toks[p].low != "of" || p-1 < sc.s.from {
		return false
	}
	if h := &sc.toks[p-1]; h.in(lcMemberBody) || h.in(lcCountNoun) {
		return true
	}
	return sc.toks[p-1].in(lcSpeakerBody) && !sc.inPhrase(p-1)
}

// inPhrase reports a preposition before the noun phrase whose head is at
// h, past its determiner and lower-case modifiers (phraseModifierWindow
// words): "a statement by the leaders of ...".
func (sc *scope) inPhrase(h int) bool {
	for k := h - 1; k >= sc.s.from && k >= h-phraseModifierWindow; k-- {
		t := &sc.toks[k]
		if t.is(cPreposition) {
			return true
		}
		if !t.word || t.cap && k > sc.s.from || t.is(cClauseBreak|cTrigger|cReporting|cAux|cBe) {
			return false
		}
	}
	return false
}

// phraseModifierWindow: the words before a speaker-body head ("by the
// three foreign ministers").
const phraseModifierWindow = 4

// speaksThrough reports a possessive before a noun of what an actor says
// or writes ("Iran's letter accused", "the ministry's statement
// condemned"): the possessor speaks, so it may be the subject.
func (sc *scope) speaksThrough(m *mention) bool {
	k := m.to
	if k < sc.s.to && (sc.toks[k].low == "'s" || sc.toks[k].low == "'") {
		k++
	}
	return k < sc.s.to && sc.toks[k].in(lcSpeechNoun)
}

// subject finds the subject of the word at i: the nearest eligible group to
// its left in the same clause, not before lo.
func (sc *scope) subject(i, lo int) []int {
	return sc.subjectFront(i, lo, true)
}

func (sc *scope) subjectFront(i, lo int, front bool) []int {
	if lo < sc.s.from {
		lo = sc.s.from
	}
	if sc.introEnd > lo && i > sc.introEnd {
		lo = sc.introEnd // "Asked about reports that ..., Wang rejected": not into the intro
	}
	for j := i - 1; j >= lo; j-- {
		if mi, ok := sc.endAt(j); ok {
			g := sc.ms[mi].group
			if sc.eligible(g) {
				if !front {
					return sc.grp[g]
				}
				return sc.withFronted(g)
			}
			j = sc.ms[sc.grp[g][0]].from
			continue
		}
		if q := sc.abbrevBefore(j + 1); q <= j && sc.openingName(q) {
			j = q // past an abbreviation in brackets: "The Libyan National Army (LNA) accused"
			continue
		}
		if !sc.toks[j].is(cClauseBreak | cSubjectStop | cReporting) {
			if sc.toks[j].in(lcRelativeWhich) && sc.whoseHead(j, i) {
				return sc.antecedent(j, lo) // "Israel, whose foreign minister accused them"
			}
			continue // no test below holds
		}
		if g, stop := sc.boundaryAt(j, i, lo); stop {
			return g
		}
		w := sc.toks[j].low
		if sc.toks[j].is(cClauseBreak) && !(w == "since" && j-1 >= lo && sc.toks[j-1].is(cAux)) && !sc.yearBeforeVerb(j, i) && !sc.rankReference(j) {
			return nil // "has since sold": an adverb, not a clause; "which since 2001 has provided": a time phrase
		}
		if w == "," {
			if k := sc.asideStart(j, lo); k >= 0 {
				j = k // continue left of the aside's opening comma
				continue
			}
			if k := sc.subordinateStart(j, lo); k >= 0 {
				j = k // ", nine years after Turkey invaded, and is recognised only by"
				continue
			}
		}
		if j == i-1 && (w == "that" || w == "which" || w == "who") {
			if s, ok := sc.copulaSubject(j, lo); ok {
				return s
			}
		}
		if w == "that" && sc.complementizer(j) {
			return nil
		}
		if w == "which" || w == "who" {
			return sc.antecedent(j, lo)
		}
	}
	return nil
}

// boundaryAt reads the clause break or stop word at j before the verb at
// i that ends the search for its subject there: a list between dashes
// ("three states - A, B and C - all recognise", dashList), a factbox
// label ("TURKEY: signed", labelSubject), or a report's boundary (nil
// after "X said Russian firms had supplied": X is the speaker).
func (sc *scope) boundaryAt(j, i, lo int) ([]int, bool) {
	if g := sc.dashList(j, lo); g != nil {
		return g, true
	}
	if g := sc.labelSubject(j, i, lo); g != nil {
		return g, true
	}
	return nil, sc.reportBoundary(j, lo)
}

// labelSubject returns the label of a factbox or list line, a name that
// opens its sentence and a colon after it, when the verb at i follows the
// colon past adverbs and auxiliaries only: "UNITED STATES: recognised
// Moroccan sovereignty in December 2020", "Turkey: signed a defence pact
// with Baku in 2021" (the line's subject); nil otherwise.
func (sc *scope) labelSubject(j, i, lo int) []int {
	if sc.toks[j].low != ":" || j-1 < lo {
		return nil
	}
	for k := j + 1; k < i; k++ {
		if !sc.toks[k].is(cAux) && !sc.adverb(k) {
			return nil
		}
	}
	mi, ok := sc.endAt(j - 1)
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	if sc.ms[g[0]].from != sc.s.from || !sc.eligible(sc.ms[mi].group) {
		return nil
	}
	return g
}

// whoseHead reports a "whose" at j after a comma whose noun phrase, with
// no actor in it, runs up to the verb at i: "Israel, whose foreign
// minister accused": the minister is the antecedent's, who speaks for it
// (not a cleft's "it was the military whose air strikes had killed").
func (sc *scope) whoseHead(j, i int) bool {
	if sc.toks[j].low != "whose" || j-1 < sc.s.from || sc.toks[j-1].low != "," {
		return false
	}
	for k := j + 1; k < i; k++ {
		if t := &sc.toks[k]; !t.word || t.cap && !t.is(cPersonTitle) || sc.inMention(k) {
			return false
		}
	}
	return j+1 < i
}

// yearBeforeVerb reports a time phrase at j of a year right before the
// verb at i or its auxiliary: "which since 2001 has provided" (no clause).
func (sc *scope) yearBeforeVerb(j, i int) bool {
	if j+2 > i || !startsDigit(sc.toks[j+1].text) || !sc.toks[j].in(lcTimePreposition) {
		return false
	}
	return j+2 == i || sc.toks[j+2].is(cAux)
}

// Windows of the frames' subjects, objects and agents.
const (
	// copulaWindow: the copula before a relative pronoun, past its
	// complement ("is the only Central American country that").
	copulaWindow = 7
	// whatCalledWords: the words of "what it called", stepped over
	// inside an object, lengthen its window by as many.
	whatCalledWords = 3
	// hyphenModifierWindow, afterModifierWindow: the modifiers read past
	// before an object's name ("by Iranian-backed", "to war-torn", "the
	// neighbouring").
	hyphenModifierWindow = 4
	afterModifierWindow  = 3
	// includingWindow: ", including X" after an agent that names no
	// actor ("by more than 100 countries, including", "by some 140 of the
	// 193 UN member states, including").
	includingWindow = 12
	// modifierBeforeWindow: a possessive or demonym before a noun, past
	// two modifiers ("Russia's recent arms deliveries").
	modifierBeforeWindow = 4
	// passiveToWindow: the "by" of a passive after "to X" ("supplied to
	// the Ukrainian army by").
	passiveToWindow = 7
	// byNextWindow: the "by" found at k, read by agent from the word
	// before it (agent looks past its start).
	byNextWindow = 2
	// passiveAuxWindow: the form of be before a participle, past two
	// adverbs ("was also reportedly supplied").
	passiveAuxWindow = 3
)

// copulaSubject reads "X is the only country that recognises Y": the
// subject of the copula before the relative pronoun at j, if there is one.
func (sc *scope) copulaSubject(j, lo int) ([]int, bool) {
	for c := j - 1; c >= lo && c > j-copulaWindow; c-- {
		if sc.toks[c].low == "by" {
			return nil, false // a passive's agent: "was kept afloat by Russia, which supplied"
		}
		if sc.toks[c].in(lcCopula) {
			if mi, isEnd := sc.endAt(c - 1); !isEnd || sc.eligible(sc.ms[mi].group) {
				return sc.verbSubject(c), true
			}
		}
	}
	return nil, false
}

// antecedent returns the group a relative pronoun at j follows ("Russia,
// which ..."), or nil.
func (sc *scope) antecedent(j, lo int) []int {
	k := j - 1
	if k > lo && sc.toks[k].low == "and" && (sc.toks[j].low == "which" || sc.toks[j].low == "who") {
		if r := sc.coordRelative(k, lo); r >= 0 {
			return sc.antecedent(r, lo) // "Kosovo, which Pristina declared in 2008 and which has been recognised by"
		}
	}
	if k-1 > lo && sc.toks[k].low == "\"" && sc.toks[k-1].low == "," {
		k-- // a quote that opens at the pronoun: "lies with Washington, \"which continues to send"
	}
	if k-1 >= lo && sc.toks[k].low == "of" && sc.toks[k-1].in(lcPartitive) {
		// "..., including A in 2017 and B in 2018, each of which established ties"
		if g := sc.listBefore(k-1, lo); g != nil {
			return g
		}
		k -= 2
	}
	if k >= lo && (sc.toks[k].low == "," || sc.toks[k].low == "-") {
		k-- // "three members - A, B and C - which still recognise"
	}
	if k > lo && sc.toks[k].low == ")" {
		k-- // "the Collective Security Treaty Organization (CSTO), of which"
		if k-1 > lo && sc.bracketYear(k-1) == k+2 {
			k -= 2 // "and Nicaragua (2021), which all switched"
		}
	}
	if _, ok := sc.endAt(k - 1); ok && k > lo && sc.toks[k].low == "\"" {
		k-- // the so-called "Syrian National Army", which
	}
	if mi, ok := sc.endAt(k); ok && k >= lo {
		if p := sc.prevWord(sc.ms[mi].from); p-1 > lo && sc.toks[p].low == "of" && sc.toks[p-1].is(cPluralRef) {
			return sc.pluralHeadAntecedent(p-1, lo) // "two breakaway regions of Georgia that Moscow recognised"
		}
		if g := sc.seatedBody(mi, lo); g != nil {
			return g // "the Taliban administration in Kabul, which Pakistan had recognised"
		}
		return sc.grp[sc.ms[mi].group]
	}
	if k > lo && startsDigit(sc.toks[k].text) {
		k-- // "resolution 2722, which condemned ..."
	}
	if k > lo && sc.toks[k].in(lcSpeechNoun) {
		return sc.subject(k, lo) // "The council adopted a resolution, which condemned ...": the council speaks
	}
	if k+1 < j {
		return sc.apposedHead(k, lo) // the comma before "which" closes an apposition
	}
	return nil
}

// coordRelativeWindow is how far before the "and" of a second relative
// clause the first one's pronoun may stand: "which Pristina declared
// independent in February 2008 and which".
const coordRelativeWindow = 16

// coordRelative returns the "which" or "who" of the relative clause that
// the "and" at k coordinates a second one with, within
// coordRelativeWindow and before any clause break; -1 when there is none.
func (sc *scope) coordRelative(k, lo int) int {
	for c := k - 1; c > lo && c >= k-coordRelativeWindow; c-- {
		t := &sc.toks[c]
		if t.low == "which" || t.low == "who" {
			return c
		}
		if t.is(cClauseBreak) && t.low != "," {
			return -1
		}
	}
	return -1
}

// seatedBody returns the body a place mention mi locates, when "in"
// joins them: "the Taliban administration in Kabul" (a mention right
// before "in" that names no state or person: a group or an organisation
// seated in the place, what a relative clause after the place is about);
// nil otherwise ("Russian troops in Ukraine, which": the place).
func (sc *scope) seatedBody(mi, lo int) []int {
	p := sc.ms[mi].from - 1
	if p-1 <= lo || sc.toks[p].low != "in" {
		return nil
	}
	b, ok := sc.endAt(p - 1)
	if !ok || sc.ms[b].poss || sc.ms[b].adj || sc.ms[b].pron != "" || sc.ms[b].person {
		return nil
	}
	if a, ok := sc.x.mentionActor(&sc.ms[b]); !ok || stateLike(a) || a.Type == graph.Person {
		return nil
	}
	return []int{b}
}

// pluralHeadAntecedent returns what a relative clause is about when its
// antecedent is a plural noun at h with an "of" phrase ("Abkhazia and
// South Ossetia, two breakaway regions of Georgia that Moscow
// recognised"): the list the noun's apposition follows, not the actor of
// the "of" phrase; nil when the noun is no apposition.
func (sc *scope) pluralHeadAntecedent(h, lo int) []int {
	c := h - 1
	for c > lo && c >= h-copulaWindow && sc.toks[c].low != "," {
		if t := &sc.toks[c]; !t.word || t.cap || t.is(cBe|cAux|cReporting|cClauseBreak|cPreposition) {
			return nil
		}
		c--
	}
	if c <= lo || sc.toks[c].low != "," {
		return nil
	}
	if mi, ok := sc.endAt(c - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// apposedHead finds the actor an apposition ending at k follows: "China,
// Pakistan's closest ally, which has supplied ..." (China), the apposition
// a noun phrase with no verb.
func (sc *scope) apposedHead(k, lo int) []int {
	for c := k - 1; c > lo && c >= k-copulaWindow; c-- {
		t := &sc.toks[c]
		if t.low == "," {
			// past an abbreviation in brackets: "the Collective Security
			// Treaty Organization (CSTO), the security bloc to which"
			if mi, ok := sc.endAt(sc.abbrevBefore(c) - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj && sc.ms[mi].pron == "" {
				return sc.seq[mi : mi+1 : mi+1] // of a list, the last: "A, B and China, Pakistan's closest ally, which"
			}
			return nil
		}
		if _, isName := sc.endAt(c); !isName && (!t.word || t.is(cBe|cAux|cReporting|cClauseBreak) || t.tg != 0) {
			return nil
		}
	}
	return nil
}

// reportBoundary reports a verb of saying at j that opens a reported
// clause with no "that": the subject of a verb after it is not left of it
// ("Andrews said Russian entities had supplied the junta"). The verbs are
// the say-verb class (not "declared independence", "announced aid"); not
// "is said to".
func (sc *scope) reportBoundary(j, lo int) bool {
	t := &sc.toks[j]
	if !t.is(cReporting) || !t.in(lcSayVerb) || j+1 >= sc.s.to || sc.toks[j+1].low == "to" {
		return false
	}
	if sc.nounUse(j) {
		return false // "which gave up its own claim in 1979, also recognises"
	}
	return j-1 < lo || !sc.toks[j-1].is(cBe)
}

// withFronted adds a fronted "Alongside A, B ..." or "Along with A, B ..."
// group to the subject group g.
func (sc *scope) withFronted(g int) []int {
	out := sc.grp[g]
	first := sc.ms[out[0]].from
	if g == 0 || first < 2 || sc.toks[first-1].low != "," {
		return out
	}
	prev := sc.grp[g-1]
	if sc.ms[prev[len(prev)-1]].to != first-1 {
		return out
	}
	p := sc.ms[prev[0]].from - 1
	if p < sc.s.from {
		return out
	}
	w := sc.toks[p].low
	if sc.x.lex.has(lcComitative, w) || (w == "with" && p-1 >= sc.s.from && sc.toks[p-1].in(lcWithAdverb)) {
		return append(append([]int{}, prev...), out...)
	}
	return out
}

// asideStart finds, for the comma at j that closes an aside after an
// actor ("Georgia, which does not recognise Abkhazia, condemned ...",
// "Kim Yo-jong, the sister of ..., slammed ..."), the index of the comma
// that opens it, or -1.
func (sc *scope) asideStart(j, lo int) int {
	for k := j - 1; k > lo; k-- {
		w := sc.toks[k].low
		if w == ")" && k-2 > lo && sc.toks[k-2].low == "(" && sc.toks[k-1].cap {
			k -= 2 // an abbreviation in brackets: "the Libyan National Army (LNA),"
			continue
		}
		if w == ";" || w == ":" || w == "(" || w == ")" || w == "but" {
			return -1
		}
		if w != "," {
			continue
		}
		if sc.listComma(k, j) {
			continue // "which groups Mali, Burkina Faso and Niger,": a comma inside a list of names
		}
		first := &sc.toks[k+1]
		if first.in(lcWithAdverb) && k+2 < j && sc.toks[k+2].low == "with" {
			return k // ", along with A and B,": a comitative aside, after any word
		}
		if first.is(cPreposition) && k+2 < j && sc.toks[k+2].in(lcRelativeWhich) {
			k = sc.abbrevBefore(k) // "the Syrian Democratic Forces (SDF), in which ...,"
			if _, ok := sc.endAt(k - 1); ok {
				return k // ", of which Somalia is a member,"
			}
			return -1
		}
		a := sc.abbrevBefore(k) // past an abbreviation in brackets: "the Alliance of Sahel States (AES), which"
		if _, ok := sc.capHeadEnd(a - 1); !ok {
			return -1
		}
		if first.in(lcAsideStart) {
			return a
		}
		if t, ok := sc.trigOf(first); ok && t.pos == verbPast || first.is(cPersonTitle) {
			return a
		}
		return -1
	}
	return -1
}

// listComma reports a comma at k that joins names of a list running to
// j: a name ends before it, and only names, commas and one "and" or "or"
// stand between it and j ("Mali, Burkina Faso and Niger").
func (sc *scope) listComma(k, j int) bool {
	if _, ok := sc.endAt(k - 1); !ok {
		return false
	}
	conj := false
	for n := k + 1; n < j; n++ {
		if mi, ok := sc.startAt(n); ok && !sc.ms[mi].poss {
			n = sc.ms[mi].to - 1
			continue
		}
		switch sc.toks[n].low {
		case ",":
		case "and", "or":
			conj = true
		default:
			return false
		}
	}
	return conj
}

// auxVerb reports an auxiliary at n with a verb after it ("has held",
// "had been"), not an adverb of the aux class before a noun ("then
// allies").
func (sc *scope) auxVerb(n int) bool {
	if !sc.toks[n].is(cAux) || n+1 >= sc.s.to {
		return false
	}
	v := &sc.toks[n+1]
	return v.is(cBe) || !v.cap && strings.HasSuffix(v.low, "ed") || sc.finiteVerb(n+1)
}

// capHeadWindow is how many capitalised head words of a body may follow
// the name in it: "the Kosovo Security Force", "the Guyana Defence Force".
const capHeadWindow = 2

// capHeadEnd returns the mention that ends at k, or before at most
// capHeadWindow capitalised words that end at k (the head of a body
// whose name the mention is: "The Kosovo Security Force, which ...").
func (sc *scope) capHeadEnd(k int) (int, bool) {
	for j := k; j >= sc.s.from && j >= k-capHeadWindow; j-- {
		if mi, ok := sc.endAt(j); ok {
			return mi, true
		}
		if t := &sc.toks[j]; !t.cap || !t.word {
			return 0, false
		}
	}
	return 0, false
}

// subordinateLead is how many words of a time phrase may open a
// subordinate clause before its subordinator: "nine years after".
const subordinateLead = 3

// subordinateStart returns the opening comma of a subordinate clause
// that the comma at j closes: a clause set off by commas whose first
// words are a subordinator (a clause-break word such as "after", "when",
// "because"; not "but", nor a mark) after at most a short time phrase of
// lower-case words and numbers, with "and", an auxiliary or a finite
// verb after it: in "X declared independence in 1983, nine years after
// Turkey invaded, and is recognised only by Turkey" the clause's actors
// are no subject of the verb after it. -1 when the comma closes no such
// clause.
func (sc *scope) subordinateStart(j, lo int) int {
	if n := j + 1; n >= sc.s.to || sc.toks[n].low != "and" && !sc.toks[n].is(cBe) && !sc.finiteVerb(n) && !sc.auxVerb(n) {
		return -1 // the comma opens an apposition ("where A and B forces, then allies, defeated")
	}
	for k := j - 1; k > lo; k-- {
		if sc.toks[k].low != "," {
			continue
		}
		for n := k + 1; n < j && n <= k+1+subordinateLead; n++ {
			t := &sc.toks[n]
			if t.is(cClauseBreak) {
				if !t.word || t.low == "but" {
					return -1
				}
				return k
			}
			if !t.word || t.cap && !startsDigit(t.text) {
				return -1
			}
		}
		return -1
	}
	return -1
}

// openingName reports a name right before the "(" at q that opens its
// clause: at the sentence start or after a comma, a dash or a colon, past
// an article and two modifiers ("The opposition National Unity Government
// (NUG), formed by ..., accused", "Bozize's party, the Kwa Na Kwa (KNK),
// rejected"). A name after a verb, a preposition or "and" is an object or a
// list's member ("reined in the Tehrik-i-Taliban Pakistan (TTP), and
// accused"), and its brackets still end the search for a subject.
func (sc *scope) openingName(q int) bool {
	mi, ok := sc.endAt(q - 1)
	if !ok {
		return false
	}
	k := sc.ms[mi].from - 1
	for n := 0; k >= sc.s.from && n < openingModifiers; n++ {
		t := &sc.toks[k]
		if !t.word || t.cap && t.low != "the" || t.tg != 0 || t.is(cPreposition|cClauseBreak|cReporting|cBe|cAux) || t.low == "and" || t.low == "or" {
			break
		}
		k--
	}
	if k < sc.s.from {
		return true
	}
	switch sc.toks[k].low {
	case ",", "-", "–", "—", ":":
		return true
	}
	return false
}

// openingModifiers is how many words openingName steps over before a
// name: an article and two modifiers ("the shadow", "the opposition").
const openingModifiers = 3

// abbrevBefore returns the "(" of an abbreviation in brackets right
// before k ("the Syrian Democratic Forces (SDF),"), else k.
func (sc *scope) abbrevBefore(k int) int {
	if q := k - 3; q > sc.s.from && sc.toks[k-1].low == ")" && sc.toks[q].low == "(" && sc.toks[q+1].cap {
		return q
	}
	return k
}

func (sc *scope) complementizer(j int) bool {
	if j+1 >= sc.s.to {
		return false
	}
	n := &sc.toks[j+1]
	if _, ok := sc.startAt(j + 1); ok {
		return true
	}
	return n.cap || n.in(lcClauseOpener)
}

// object finds the first eligible group after i, within max words and the
// clause; allow lists, comma-separated, the prepositions that may
// introduce it.
func (sc *scope) object(i, max int, allow string, throughThat bool) ([]int, string) {
	limit := min(sc.s.to, i+1+max)
	for k := i + 1; k < limit; k++ {
		if j := sc.skipWhatCalled(k); j != k {
			k = j
			limit = min(sc.s.to, limit+whatCalledWords)
			continue
		}
		if mi, ok := sc.startAt(k); ok {
			m := &sc.ms[mi]
			g := m.group
			members := sc.grp[g]
			if sc.ms[members[0]].from != k {
				continue
			}
			p := sc.prevWord(k)
			prep := ""
			if p > i && sc.toks[p].is(cPreposition) && !sc.calledAs(p) && !sc.membersOf(p) && sc.examplesHeadBefore(k) < 0 {
				prep = sc.toks[p].low // not "accused the government of Sudan": Sudan
			}
			if m.adj || prep != "" && !hasPrep(allow, prep) {
				k = sc.ms[members[len(members)-1]].to - 1
				continue
			}
			return members, prep
		}
		w := sc.toks[k].low
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" || (w == "that" && !throughThat) {
			return nil, ""
		}
		if w == "of" && sc.gerundAt(k+1) {
			return nil, "" // "accused the alliance of \"turning Kosovo into ...\"": the charge, not the object
		}
		if sc.toks[k].is(cReporting) && k > i+1 && sc.toks[k-1].low == "," {
			return nil, ""
		}
		if w == "and" && k > i+1 && k+1 < sc.s.to && sc.finiteVerb(k+1) {
			return nil, "" // "condemned the decision and recalled its envoy": another verb's object
		}
		if w == "," && k+1 < sc.s.to && (sc.toks[k+1].low == "and" || sc.toks[k+1].low == "but" || sc.coSubjectAt(k) > 0) {
			return nil, "" // ", and Nicaragua broke off relations", ", as did Peru": another clause
		}
		if w == "," && k > i+1 && k+1 < sc.s.to && !sc.toks[k+1].cap && strings.HasSuffix(sc.toks[k+1].low, "ing") && sc.x.lex.examplesOpener(sc.toks, k+1, sc.s.to) == 0 {
			return nil, "" // "condemned the strikes, calling them ...": a participle's clause
		}
	}
	return nil, ""
}

// gerundAt reports a lower-case gerund at k, past an opening quote.
func (sc *scope) gerundAt(k int) bool { return gerundNext(sc.toks, k, sc.s.to) }

// possessed returns the actor a lone possessive group owns when one follows
// it directly ("Russia's Wagner Group", "Yemen's Houthi rebels"), or nil.
func (sc *scope) possessed(g []int) []int {
	if len(g) != 1 {
		return nil
	}
	m := &sc.ms[g[0]]
	if !m.poss || m.to+1 >= sc.s.to {
		return nil
	}
	if next, ok := sc.startAt(m.to + 1); ok && !sc.ms[next].adj {
		return sc.grp[sc.ms[next].group]
	}
	return nil
}

// calledAs reports the "as" at p of "what it described as": no
// preposition of the object after it.
func (sc *scope) calledAs(p int) bool {
	return sc.toks[p].low == "as" && p-1 >= sc.s.from && sc.toks[p-1].in(lcWhatCalled)
}

// skipWhatCalled steps over "what it called", "what they described as".
func (sc *scope) skipWhatCalled(k int) int {
	if sc.toks[k].low != "what" || k+2 >= sc.s.to {
		return k
	}
	if sc.toks[k+2].in(lcWhatCalled) {
		j := k + 3
		if j < sc.s.to && sc.toks[j].low == "as" {
			j++
		}
		return j - 1
	}
	return k
}

// after returns the group right after word k (skipping determiners), if any.
func (sc *scope) after(k int) []int {
	j, base := k+1, k // base: the modifiers are counted after a hyphenated one
	for j < sc.s.to {
		if mi, ok := sc.startAt(j); ok {
			if e := sc.ms[mi].to; j < k+hyphenModifierWindow && e+1 < sc.s.to && sc.toks[e].low == "-" && strings.HasSuffix(sc.toks[e+1].low, "ed") {
				j, base = e+2, e+1 // "the U.N.-recognised Government": a modifier, split at its hyphen
				continue
			}
			break // a mention that starts with its determiner: "the rebels", "the junta"
		}
		if b := sc.bodyOf(j); b > j {
			j = b // "with the navies of Ghana and Nigeria": the states the body serves
			continue
		}
		if e := sc.examplesOf(j); e > j {
			j = e // "by only 12 states, among them A and B": the examples (examples.go)
			continue
		}
		if t := sc.territoriesOf(j); t > j {
			j = t // "by the breakaway regions of Abkhazia and South Ossetia": the regions named
			continue
		}
		switch w := sc.toks[j].low; {
		case j < k+hyphenModifierWindow && strings.Contains(w, "-") && (!sc.toks[j].cap || strings.HasSuffix(w[strings.LastIndexByte(w, '-'):], "ed")) && sc.toks[j].word:
			j, base = j+1, j // "by the Moscow-backed separatist regions of"
			continue
		case sc.toks[j].is(cObjectSkip),
			j < base+afterModifierWindow && sc.modifierWord(j):
			j++
			continue
		}
		break
	}
	if mi, ok := sc.startAt(j); ok && (!sc.ms[mi].adj || sc.forcesGroup(sc.grp[sc.ms[mi].group])) {
		m := &sc.ms[mi]
		// "Yemen's Houthi rebels", "Russia's Wagner Group": the possessed actor
		if m.poss && m.to+1 < sc.s.to {
			if next, ok := sc.startAt(m.to + 1); ok && !sc.ms[next].adj {
				return sc.grp[sc.ms[next].group]
			}
		}
		return sc.grp[m.group]
	}
	return nil
}

// bodyOf reads a noun of a body that serves an actor (member-body:
// "navies", "government"), after an institution word or not ("armed
// forces"), with "of" right after it and no actor starting at j: after
// "with the navies of Ghana and Nigeria" or "to the armed forces of Mali"
// the object is the actors after "of". It returns the index after "of",
// or j when there is no such body.
func (sc *scope) bodyOf(j int) int {
	if _, named := sc.startAt(j); named {
		return j
	}
	if _, trig := sc.trigOf(&sc.toks[j-1]); trig {
		return j // "armed forces of Mali": the trigger "armed" and its object
	}
	k := j
	if sc.toks[k].in(lcInstitution) {
		k++
	}
	if k+1 < sc.s.to && sc.toks[k+1].low == "from" && sc.forcesNoun(k) && strings.HasSuffix(sc.toks[k].low, "s") {
		return k + 2 // "with warships from the United States and Canada": the states the units come from
	}
	if k+1 >= sc.s.to || sc.toks[k+1].low != "of" || !sc.toks[k].in(lcMemberBody) {
		return j
	}
	return k + 2
}

// territoriesOf reads a territory noun at j, after a word such as
// "breakaway" or not (pre-name), with "of" and a territory after it:
// "the breakaway regions of Abkhazia and South Ossetia" are those regions;
// "two regions of Georgia" are not Georgia. It returns the index of the
// territory's name, or j.
func (sc *scope) territoriesOf(j int) int {
	k := j
	if k < sc.s.to && sc.toks[k].is(cPreName) && !sc.toks[k].is(cPronoun) {
		k++
	}
	if k+2 >= sc.s.to || !sc.toks[k].in(lcTerritoryRef) || sc.toks[k+1].low != "of" {
		return j
	}
	mi, ok := sc.startAt(k + 2)
	if !ok {
		return j
	}
	if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && a.Type == graph.Territory {
		return k + 2
	}
	return j
}

// agent finds "by X" within max words after i.
func (sc *scope) agent(i, max int) []int {
	for k := i + 1; k < min(sc.s.to, i+1+max); k++ {
		w := sc.toks[k].low
		if w == "by" {
			if g := sc.after(k); g != nil && !sc.memberQualifier(g) {
				return g
			}
			return sc.countExamples(k)
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" {
			return nil
		}
	}
	return nil
}

// countExamples returns the examples of an agent after "by" at k that
// names no actor but a count: "by more than 100 countries, including the
// United States", "by some 140 of the 193 UN member states, including
// China", "by more than 100 countries, the United States and Turkey among
// them"; nil when none are named.
func (sc *scope) countExamples(k int) []int {
	for j := k + 1; j < sc.s.to && j < k+includingWindow; j++ {
		if sc.toks[j].in(lcListOpener) || sc.toks[j].low == "among" && j+1 < sc.s.to && sc.toks[j+1].low == "them" {
			if g := sc.after(j); g != nil {
				return g
			}
			if g := sc.after(j + 1); g != nil {
				return g
			}
		}
		if sc.toks[j].low == "," && j+1 < sc.s.to && !sc.toks[j+1].in(lcListOpener) {
			if g := sc.after(j); g != nil && sc.amongThemAfter(g) {
				return g // "..., the United States, Germany and Turkey among them"
			}
		}
		if sc.toks[j].is(cClauseBreak) {
			break
		}
	}
	return nil
}

// amongThemAfter reports "among them" right after the group g.
func (sc *scope) amongThemAfter(g []int) bool {
	e := sc.ms[g[len(g)-1]].to
	return e+1 < sc.s.to && sc.toks[e].low == "among" && sc.toks[e+1].low == "them"
}

// memberQualifier reports a group that only qualifies a noun of members
// after it (special-member): "by the 193 UN member states" names the
// states, not the UN.
func (sc *scope) memberQualifier(g []int) bool {
	e := sc.ms[g[len(g)-1]].to
	return len(g) == 1 && e < sc.s.to && sc.x.lex.words["special-member"][sc.toks[e].low]
}

// nounAgent is agent for the noun at i: "by X" belongs to the noun's
// phrase ("deliveries of tanks to Kyiv by Berlin"), or to a light verb
// that takes it as object ("evidence against Russia was presented by the
// US"), but not to another trigger ("Iran's supply of drones was condemned
// by Ukraine") nor, past a verb, when the noun has its own source before
// it ("Iran's supply of drones was welcomed by Moscow").
func (sc *scope) nounAgent(i, max int) []int {
	pastVerb := false
	for k := i + 1; k < min(sc.s.to, i+1+max); k++ {
		t := &sc.toks[k]
		if t.low == "according" {
			return nil // "according to a readout released by Cairo" names a source
		}
		if t.low == "by" {
			if pastVerb && (sc.modifierBefore(i) != nil || sc.toks[k-1].is(cStopVerb)) || sc.toks[k-1].in(lcFollowVerb) {
				return nil // "..., followed by Panama": the next actor of a list, no agent; "was blocked by X": X's act
			}
			return sc.agent(k-1, byNextWindow)
		}
		if tr, ok := sc.trigOf(t); ok && tr.pos != noun || t.is(cClauseBreak) {
			return nil
		}
		pastVerb = pastVerb || t.is(cBe|cAux)
	}
	return nil
}

// prepGroup finds "PREP X" within max words after i.
func (sc *scope) prepGroup(i, max int, preps ...string) []int {
	for k := i + 1; k < min(sc.s.to, i+1+max); k++ {
		w := sc.toks[k].low
		if w == "according" {
			return nil // "according to X" names a source: it ends the phrase
		}
		for _, p := range preps {
			if w == p {
				if p == "with" && sc.ownedNounBefore(i, k) {
					return nil // "drills near Belarus's borders with Ukraine": the border's
				}
				if g := sc.after(k); g != nil {
					return g
				}
			}
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" || w == "," && k > i+2 {
			return sc.relativePrep(i, preps)
		}
	}
	return sc.relativePrep(i, preps)
}

// ownedNounBefore reports a noun right before the "with" at k that a
// possessive owns, in a prepositional phrase after the word at i ("drills
// near Belarus's borders with Ukraine", "a pact signed on its border with
// Iraq"; one lower-case modifier may stand between): the "with" phrase is
// that noun's complement, no party of the trigger at i ("restored its
// relations with Y", with no preposition, still is; relations round 22).
func (sc *scope) ownedNounBefore(i, k int) bool {
	j := k - 1
	if j <= i+2 || !sc.toks[j].word || sc.toks[j].cap || sc.toks[j].is(cPreposition) {
		return false
	}
	for p := j - 1; p > i+1 && p >= j-2; p-- {
		t := &sc.toks[p]
		owner := p
		if t.low == "'s" || t.low == "'" {
			mi, ok := sc.endAt(p - 1)
			if !ok {
				return false
			}
			owner = sc.ms[mi].from
		} else if mi, ok := sc.endAt(p); ok && sc.ms[mi].poss {
			owner = sc.ms[mi].from
		} else if !t.in(lcPossessivePronoun) {
			if !t.word || t.cap || t.is(cPreposition) {
				return false
			}
			continue
		}
		return owner-1 > i && sc.toks[owner-1].is(cPreposition)
	}
	return false
}

// relativePrepWindow is how far before a trigger the "PREP which" that
// opens its relative clause may stand: ", with which it signed a mutual
// assistance pact in 2021".
const relativePrepWindow = 10

// relativePrep finds the object of a preposition fronted in the relative
// clause the word at i stands in: "France, with which it signed a mutual
// assistance pact" (with France), "the CSTO, the Moscow-led security bloc
// to which Armenia belongs" (to the CSTO): the relative pronoun's
// antecedent, when the preposition is one of preps; nil if none.
func (sc *scope) relativePrep(i int, preps []string) []int {
	for j := i - 1; j > sc.s.from+1 && j >= i-relativePrepWindow; j-- {
		w := sc.toks[j].low
		if w != "which" && w != "whom" {
			if sc.toks[j].is(cClauseBreak) || w == "," {
				return nil // "France, with which it signed a pact, supplied": another clause
			}
			continue
		}
		if !slices.Contains(preps, sc.toks[j-1].low) {
			return nil
		}
		if g := sc.antecedent(j-1, sc.s.from); g != nil {
			return g
		}
		return sc.apposedHead(j-1, sc.s.from)
	}
	return nil
}

// modifierBefore finds a possessive or adjectival actor right before the
// noun at i ("Russia's deliveries", "US accusations", "Iranian drone sales").
func (sc *scope) modifierBefore(i int) []int {
	for k := i - 1; k >= sc.s.from && k >= i-modifierBeforeWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			return sc.grp[sc.ms[mi].group]
		}
		if sc.toks[k].low == "'s" {
			continue // "the Abkhaz government's budget"
		}
		t := &sc.toks[k]
		if !t.word || t.low == "the" || sc.x.lex.list[t.tg].rel != "" && k != i || t.is(cPreposition) || t.is(cBe) {
			return nil
		}
	}
	return nil
}

// passive reports whether the verb at i is passive: after a form of "be"
// or directly followed by "by".
func (sc *scope) passive(i int) bool {
	if i+1 < sc.s.to && sc.toks[i+1].low == "by" {
		return true
	}
	if _, afterName := sc.endAt(i - 1); !afterName && i-1 >= sc.s.from && !sc.toks[i-1].is(cAux) && !sc.toks[i-1].is(cClauseBreak) && sc.toks[i-1].low != "," {
		// "missiles supplied to Kyiv by Britain": only "to X" stands between;
		// not "Affairs condemned the attacks by Iran", an object before "by"
		sawTo := false
		for k := i + 1; k < sc.s.to && k < i+passiveToWindow; k++ {
			w := sc.toks[k].low
			if w == "by" {
				return sc.after(k) != nil
			}
			if w == "to" {
				sawTo = true
			} else if !sawTo && !strings.HasSuffix(w, "ly") {
				break
			}
			if mi, ok := sc.startAt(k); ok {
				k = sc.ms[mi].to - 1
				continue
			}
			if sc.toks[k].is(cHead) || w == "of" && sc.toks[k-1].is(cHead) {
				continue // "to the Pakistan Army by", "to the army of Pakistan by"
			}
			if w != "to" && w != "the" && !strings.HasSuffix(w, "ly") {
				break
			}
		}
	}
	for k := i - 1; k >= sc.s.from && k >= i-passiveAuxWindow; k-- {
		if sc.toks[k].is(cBe) {
			return true
		}
		if sc.toks[k].is(cPassiveAdverb) {
			continue
		}
		return false
	}
	return false
}

// window returns the start of the stretch that polarity words are read
// in: from the subject's end (or a few words back) to the trigger.
func (sc *scope) window(subj []int, i int) int {
	lo := i - winPolarity
	if len(subj) > 0 {
		lo = sc.ms[subj[len(subj)-1]].to
		if a := sc.ms[subj[0]].from - 1; a > sc.s.from && sc.toks[a].in(lcInvertedAux) && !sc.toks[a-1].is(cAux|cBe) {
			lo = sc.s.from // "Nor did Panama recognise": the negator before the inverted auxiliary
			for k := a - 1; k > sc.s.from; k-- {
				if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
					lo = k + 1
					break
				}
			}
			return lo
		}
	}
	if lo < sc.s.from {
		lo = sc.s.from
	}
	if i-1 >= lo && sc.toks[i-1].in(lcParticipleOpener) && strings.HasSuffix(sc.toks[i].low, "ing") {
		return i // "has not recognised Taiwan since switching to Beijing": the negator is the main verb's
	}
	for k := i - 1; k >= lo; k-- {
		// a comma or "and" ends the verb phrase: "X said its helicopters had
		// not crossed the border, and accused Warsaw" reads "accused" alone
		if w := sc.toks[k].low; sc.toks[k].is(cClauseBreak) || w == "," || w == "and" {
			return k + 1
		}
	}
	return lo
}

// negated reports a negation between lo and i; strict also counts verbs of
// stopping, refusing and mere intention.
func (sc *scope) negated(lo, i int, strict bool) bool {
	// "No UN member state has recognised ...", "Neither Russia nor China ..."
	if mi, ok := sc.endAt(lo - 1); ok && lo-1 >= sc.s.from {
		if p := sc.ms[sc.grp[sc.ms[mi].group][0]].from - 1; p >= sc.s.from {
			if sc.toks[p].in(lcNegativeOpener) { // "did not say whether it would resume aid"
				return true
			}
		}
	}
	for k := lo; k < i; k++ {
		if sc.toks[k].is(cNegator) || strict && (sc.toks[k].is(cStopVerb) && !sc.monthName(k) || sc.nearGerund(k, i)) {
			return true
		}
	}
	if i+1 < sc.s.to && sc.toks[i].low == "stopped" && sc.toks[i+1].low == "short" {
		return true
	}
	return false
}

// nearGerund reports a word of nearness at k (prospect-near) before "to"
// and a gerund, all before i: "are close to finalising a bilateral defence
// pact", "moved a step closer to joining": a step still to take.
func (sc *scope) nearGerund(k, i int) bool {
	return sc.toks[k].in(lcProspectNear) && k+2 < i && sc.toks[k+1].low == "to" && strings.HasSuffix(sc.toks[k+2].low, "ing")
}

// monthName reports a capitalised month at k that is also a word of
// stopping or hedging ("In May, Ireland's recognition of Palestine ...",
// "DUBLIN, May 22 -"): a date, not the modal "may".
func (sc *scope) monthName(k int) bool {
	return sc.toks[k].cap && sc.toks[k].is(cWeekday)
}

func (sc *scope) promised(lo, i int) bool {
	for k := lo; k < i; k++ {
		if sc.toks[k].is(cPromise) {
			return true
		}
	}
	return false
}

// verbSubject finds the subject of the verb at i. After "and" that joins
// two verb phrases ("X slammed Y and accused them"), it is the subject of
// the verb before.
func (sc *scope) verbSubject(i int) []int {
	if s, ok := sc.participleSubject(i); ok {
		return s
	}
	if s := sc.infinitiveOwner(i); s != nil {
		return s // "Moscow's decision to recognise ..."
	}
	if s := sc.invertedSubject(i); s != nil {
		return s // "only in September did Algeria recognise"
	}
	k := i - 1
	for k >= sc.s.from && (sc.adverbialBefore(k) > 0 || sc.toks[k].is(cBe)) {
		// "and strongly condemned", "and in turn accused", "and has been
		// designated": adverbials and the auxiliaries of the verb group
		k -= max(sc.adverbialBefore(k), 1)
	}
	if k > sc.s.from && (sc.toks[k].low == "and" || sc.toks[k].low == "but") {
		// the verb follows "and" directly: two verb phrases share a subject
		if s := sc.firstVerbSubject(k, sc.speechAct(i)); s != nil {
			return s
		}
	}
	if k > sc.s.from && sc.commaVerbPhrase(k, i) {
		// "X defends the pact, brushes off Y's concerns": the first verb's
		// subject, or none (not the first verb's object)
		return sc.firstVerbSubject(k, false)
	}
	return sc.subject(i, sc.s.from)
}

// invertedSubject returns the subject of a verb at i that stands between
// an auxiliary and the verb after a fronted phrase: "only in late
// September did it recognise the council", "Only then did Algeria
// recognise" (inverted-aux; a lower-case word, a comma or a number before
// the auxiliary, no name). A negator before the auxiliary in its clause
// ("Nor did Algeria recognise") leaves the clause without a subject; nil
// when the verb has no such subject.
func (sc *scope) invertedSubject(i int) []int {
	k := i - 1
	for k > sc.s.from && sc.adverb(k) {
		k--
	}
	mi, ok := sc.endAt(k)
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	a := sc.ms[g[0]].from - 1
	if a-1 < sc.s.from || !sc.toks[a].in(lcInvertedAux) || sc.toks[a].cap && a > sc.s.from {
		return nil
	}
	if _, named := sc.endAt(a - 1); named || sc.toks[a-1].is(cBe|cAux) {
		return nil
	}
	for k := a - 1; k >= sc.s.from; k-- {
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," && k < a-1 {
			break
		}
		if sc.toks[k].is(cNegator) {
			return nil
		}
	}
	return g
}

// speechAct reports a verb of accusing, denying or saying at i: after a
// that-clause, "and denied ..." is the speaker's act, not the clause
// subject's ("X said that the government was a puppet and denied killing
// civilians").
func (sc *scope) speechAct(i int) bool {
	if t, ok := sc.trigOf(&sc.toks[i]); ok && (t.rel == graph.Accuses || t.rel == graph.Denies) && t.pos != noun {
		return true
	}
	return sc.toks[i].is(cReporting)
}

// firstVerbSubject finds, left of the "and" at k, the nearest verb with a
// subject and returns that subject. A verb inside a that-clause has none
// there, so the search goes on further left; so does a that-clause's
// subject when a comma closes the clause or speech is the act after "and".
func (sc *scope) firstVerbSubject(k int, speech bool) []int {
	qo := -1 // the opening mark of the quote the scan is in
	for j := k - 1; j >= sc.s.from; j-- {
		w := sc.toks[j].low
		if q := sc.quoteOpening(j); q >= 0 {
			qo = q
			continue
		}
		if sc.toks[j].is(cClauseBreak) && (qo < 0 || j < qo) && !sc.timePhrase(j) {
			return nil // not inside a quote: "said it \"cannot stand idle while ...\" and accused"; "since 1957" is no clause
		}
		if _, inMention := sc.endAt(j); inMention {
			continue
		}
		t, isTrig := sc.trigOf(&sc.toks[j])
		if sc.nonFinite(j) {
			continue // "accused A of arming B and condemned C": not "arming"
		}
		if isTrig && t.pos != noun || sc.toks[j].is(cReporting) && !sc.adjectiveBefore(j) || sc.toks[j].is(cBe) && sc.x.lex.has(lcFiniteBe, w) || sc.presentAfterName(j) ||
			len(w) > 4 && strings.HasSuffix(w, "ed") && !sc.toks[j].cap || sc.toks[j].in(lcIrregularPast) && !sc.toks[j].cap {
			if s := sc.subjectFront(j, sc.s.from, false); s != nil {
				if f := sc.ms[s[0]].from; k > 0 && (speech || sc.toks[k-1].low == ",") && (sc.afterThat(f) || sc.reportedAfter(f)) {
					// ", and accused Y" after "saying that X had ...": the
					// comma closes the that-clause; its subject is not ours
					j = f // the loop steps to the word before it: the verb of saying
					continue
				}
				return s
			}
		}
	}
	return nil
}

// adverb reports a lower-case word in -ly at k ("strongly", "also" is
// not one: it needs no skipping).
func (sc *scope) adverb(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly")
}

// quoteOpening returns, for a closing quotation mark at j, the index of
// the mark that opens it; else -1.
func (sc *scope) quoteOpening(j int) int {
	if sc.toks[j].low != "\"" {
		return -1
	}
	open := -1
	n := 0
	for q := sc.s.from; q < j; q++ {
		if sc.toks[q].low == "\"" {
			n++
			open = q
		}
	}
	if n%2 == 0 {
		return -1
	}
	return open
}

// reportedAfter reports a verb of saying before the mention starting at f
// that opens a reported clause with no "that" ("Kurti said the delivery
// showed Belgrade was arming itself, and accused Serbia"): the mention is
// the reported clause's, not the subject of the verb after "and".
func (sc *scope) reportedAfter(f int) bool {
	for j := f - 1; j > sc.s.from; j-- {
		if sc.toks[j].is(cClauseBreak) {
			return false
		}
		if sc.toks[j].is(cReporting) && sc.reportBoundary(j, sc.s.from) {
			return true
		}
	}
	return false
}

// afterThat reports a "that" right before the mention starting at f,
// skipping a determiner and an opening quote ("that the Somali
// government", "that \"Taiwan forces").
func (sc *scope) afterThat(f int) bool {
	p := f - 1
	if p > sc.s.from && sc.toks[p].in(lcDeterminer) {
		p--
	}
	if p > sc.s.from && sc.toks[p].low == "\"" {
		p-- // that "Taiwan independence forces will ..."
	}
	return p > sc.s.from && sc.toks[p].low == "that"
}

// nonFinite reports a verb form at j that heads no clause of its own: a
// gerund or participle after a preposition or a comma ("of arming",
// "after blaming", ", saying"), or an infinitive after "to"; an opening
// quote between is stepped over ("accused A of \"arming B\" and accused C").
func (sc *scope) nonFinite(j int) bool {
	w := sc.toks[j].low
	if j-1 < sc.s.from {
		return false
	}
	b := j - 1
	if sc.toks[b].low == "\"" && b-1 >= sc.s.from {
		b--
	}
	p := sc.toks[b].low
	if strings.HasSuffix(w, "ing") && (sc.toks[b].is(cPreposition) || p == ",") {
		return true
	}
	return p == "to" && !sc.toks[j].is(cPreposition)
}

// modifierWord reports a lower-case adjective-like word that may stand
// between a preposition and its actor ("to the paramilitary Rapid Support
// Forces", "by current Haitian government officials").
func (sc *scope) modifierWord(j int) bool {
	t := &sc.toks[j]
	if !t.word || t.cap || startsDigit(t.text) {
		return false
	}
	w := t.low
	// the classes in one test
	if t.tg != 0 || t.is(cPreposition|cAux|cBe|cClauseBreak|cNegator|cPronoun|cReporting|cGoods|cHead|cNotModifier) {
		return false
	}
	return adjectiveEnding(w)
}

// adjectiveEnding reports whether w ends in -ary, -ist, -al, -an, -ese, -ic,
// -ive, -ent, -ant, -ous, -ern or -ly. The last byte picks the endings to
// test, rather than trying all twelve on every word.
func adjectiveEnding(w string) bool {
	if len(w) < 2 {
		return false
	}
	switch w[len(w)-1] {
	case 'y':
		return strings.HasSuffix(w, "ary") || strings.HasSuffix(w, "ly")
	case 't':
		return strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ent") || strings.HasSuffix(w, "ant")
	case 'l':
		return strings.HasSuffix(w, "al")
	case 'n':
		return strings.HasSuffix(w, "an") || strings.HasSuffix(w, "ern")
	case 'e':
		return strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ive")
	case 'c':
		return strings.HasSuffix(w, "ic")
	case 's':
		return strings.HasSuffix(w, "ous")
	}
	return false
}

// endsMention reports whether a mention ends at token k.
func (sc *scope) endsMention(k int) bool {
	_, ok := sc.endAt(k)
	return ok
}

// startAt returns the mention that starts at token k, if any.
func (sc *scope) startAt(k int) (int, bool) {
	if k < sc.s.from || k >= sc.s.to {
		return 0, false
	}
	v := sc.startIdx[k-sc.s.from]
	return int(v) - 1, v > 0
}

// endAt returns the mention whose last token is k, if any.
func (sc *scope) endAt(k int) (int, bool) {
	if k < sc.s.from || k >= sc.s.to {
		return 0, false
	}
	v := sc.endIdx[k-sc.s.from]
	return int(v) - 1, v > 0
}
