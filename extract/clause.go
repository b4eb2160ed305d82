package extract

import (
	"slices"
	"sort"
	"strings"

	"geokg/graph"
)

// This file holds the clause layer: where a verb's clause starts and what
// its subject is when it is not the nearest actor to its left. Frames ask
// it through verbSubject: a participle takes the subject of the clause it
// hangs from ("accusing", "after blaming"), a second verb phrase joined by
// "and" shares the first's subject, and a relative clause's verb has its
// own subject inside the clause and its object in the antecedent.

// participleSubject finds the subject of a gerund at i that opens a
// participle clause ("..., accusing Tehran", "after blaming Kigali"): the
// main clause's subject, which comes after the participle clause when the
// sentence opens with it. ok is false when i is no such gerund.
func (sc *scope) participleSubject(i int) ([]int, bool) {
	t, isTrig := sc.trigOf(&sc.toks[i])
	special := !isTrig && sc.toks[i].is(cSpecial) && strings.HasSuffix(sc.toks[i].low, "ing") // "since switching recognition"
	if !(isTrig && t.pos == verbGer || special || sc.reportingGerund(i)) || i-1 <= sc.s.from-1 {
		return nil, false
	}
	if g := sc.absoluteSubject(i); g != nil {
		return g, true
	}
	if g := sc.documentAgent(i); g != nil {
		return g, true // "signed a joint declaration on Tuesday restoring diplomatic relations"
	}
	if sc.toks[i-1].in(lcParticipleHead) {
		return nil, true // "sanctions on companies supplying the military", "votes condemning Russia"
	}
	if !sc.toks[i-1].in(lcParticipleOpener) { // "after blaming A for ...", "while accusing B"
		return nil, false
	}
	if sc.toks[i-1].low != "," && i-1 == sc.s.from {
		return sc.mainSubjectAfter(i), true // "After blaming A for X, B ..."
	}
	if i-1 == sc.s.from {
		return nil, false
	}
	if g := sc.relativeDenier(i); g != nil {
		return g, true // "..., a charge Kigali called \"a distortion\", accusing Pretoria"
	}
	if g := sc.relativeClauseSubject(i - 1); sc.toks[i-1].low != "," && g != nil {
		return g, true // "Taiwan, which Washington has not recognised since switching to Beijing": Washington
	}
	// "A, B and C started the process on Thursday, accusing Tehran ...",
	// "B recalled its envoy after blaming A"
	for g := range sc.grp {
		first := sc.ms[sc.grp[g][0]].from
		if first >= i {
			break
		}
		if first >= sc.introEnd && sc.eligible(g) && !sc.quotedFirstPerson(sc.grp[g][0]) {
			return sc.grp[g], true
		}
	}
	return nil, true
}

// relativeClauseSubject returns the subject of the relative clause that
// the participle opener at o stands in (a "which", "who" or "that" before
// it with no comma or clause break between): the actor right after the
// pronoun when a verb follows it ("which Washington has not recognised
// since switching"), else the pronoun's antecedent ("Nauru, which cut
// ties after accusing Taipei"); nil when o is in no relative clause.
func (sc *scope) relativeClauseSubject(o int) []int {
	for k := o - 1; k > sc.s.from; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == "," || t.low == "\"" {
			return nil
		}
		if w := t.low; w != "which" && w != "who" && w != "that" {
			continue
		}
		if mi, ok := sc.startAt(k + 1); ok {
			g := sc.grp[sc.ms[mi].group]
			v := sc.ms[g[len(g)-1]].to
			for v < sc.s.to && (sc.toks[v].is(cAux|cNegator) || sc.adverb(v)) {
				v++ // "which Washington has not formally recognised"
			}
			if m := &sc.ms[g[len(g)-1]]; !m.poss && !m.adj && m.pron == "" && v < sc.s.to && sc.finiteVerb(v) {
				return g
			}
			return nil
		}
		if t.low == "that" {
			return nil // "said that ...": a complement, no antecedent
		}
		return sc.antecedent(k, sc.s.from)
	}
	return nil
}

// reportingGerund reports a verb of saying in -ing at i (", saying
// ...", ", adding that ..."): like a trigger's gerund, it takes the main
// clause's subject, not the nearest actor ("rejected claims that it arms
// Ansarullah, saying ...": Tehran says, not Ansarullah).
func (sc *scope) reportingGerund(i int) bool {
	t := &sc.toks[i]
	return t.is(cReporting) && !t.cap && strings.HasSuffix(t.low, "ing")
}

// absoluteSubject finds the subject of an absolute clause "with X
// VERBing" ("..., with Egypt accusing Ethiopia of ..."): the group right
// before the gerund at i, after "with" or "without".
func (sc *scope) absoluteSubject(i int) []int {
	mi, ok := sc.endAt(i - 1)
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	k := sc.ms[g[0]].from - 1
	if k > sc.s.from && sc.toks[k].low == "the" {
		k--
	}
	if k < sc.s.from || sc.toks[k].low != "with" && sc.toks[k].low != "without" || sc.ms[mi].poss {
		return nil
	}
	if p := k - 1; p >= sc.s.from && sc.toks[p].in(lcWithNoun) {
		return nil // "filed a complaint with the Security Council accusing Israel": a noun's "with"
	}
	return g
}

// mainSubjectAfter finds the subject of the main clause after a fronted
// participle clause that contains i: the first eligible group after the
// comma that closes it, right before the main verb.
func (sc *scope) mainSubjectAfter(i int) []int {
	for k := i + 1; k < sc.s.to; k++ {
		if sc.toks[k].low != "," {
			continue
		}
		mi, ok := sc.startAt(sc.nextWord(k))
		if !ok {
			return nil
		}
		if g := sc.ms[mi].group; sc.eligible(g) {
			return sc.grp[g]
		}
		return nil
	}
	return nil
}

// nextWord returns the index of the word after k, skipping "the".
func (sc *scope) nextWord(k int) int {
	j := k + 1
	for j < sc.s.to && sc.toks[j].low == "the" {
		j++
	}
	return j
}

// clausesJoined reports whether the "and" between a and b joins two
// clauses rather than two actors: a is an object (after a verb or a
// preposition) and b is followed by a verb of its own ("Norway criticised
// Sweden and Denmark praised Finland", "sent tanks to Poland and Germany
// delivered jets").
func (sc *scope) clausesJoined(a, b *mention) bool {
	if b.to >= sc.s.to || !sc.finiteVerb(b.to) {
		return false
	}
	p := sc.prevWord(a.from)
	if p < sc.s.from {
		return false
	}
	pt := &sc.toks[p]
	if pt.is(cPreposition) && !pt.is(cClauseBreak) {
		// "countries including Cuba and Vietnam recognise": the plural's members
		// "as A and B troops took part": "as" opens the clause they are the subject of
		// "Troops from A and B held": the forces heading the sentence are
		return pt.low != "between" && pt.low != "among" && pt.low != "as" && !pt.in(lcListOpener) && !sc.membersOf(p) && !sc.forcesFromHead(p)
	}
	tr, isTrig := sc.trigOf(pt)
	// "a claim Turkey and Azerbaijan denied": one subject; so after a verb
	// of saying, whose complement is a clause, not an object ("He said
	// Chile and Peru accused Bolivia")
	return isTrig && tr.pos != noun || pt.is(cReporting) && !pt.in(lcSayVerb) && !sc.nounUse(p)
}

// opensClause reports a finite verb right after the mention m, past
// auxiliaries and adverbs: m is the subject of a clause of its own ("as
// Turkey accused Stockholm", "as Kyiv has repeatedly said").
func (sc *scope) opensClause(m *mention) bool {
	k := m.to
	for k < sc.s.to && sc.toks[k].is(cAux) {
		k++
	}
	if k > m.to && k < sc.s.to && !sc.toks[k].cap && strings.HasSuffix(sc.toks[k].low, "ing") {
		return true // a progressive: "as Turkey is blocking the bids"
	}
	return k < sc.s.to && sc.finiteVerb(k)
}

// finiteVerb reports whether the word at k heads a clause of its own
// after its subject: a trigger verb that is no gerund, a reporting verb,
// or a past tense with its own object or none ("Denmark praised Finland",
// "Azerbaijan protested.").
func (sc *scope) finiteVerb(k int) bool {
	t := &sc.toks[k]
	if tr, ok := sc.trigOf(t); ok {
		return tr.pos == verbBase || tr.pos == verbPast
	}
	if t.is(cReporting) {
		return !strings.HasSuffix(t.low, "ing")
	}
	if !t.cap && k+1 < sc.s.to && t.in(lcIrregularPast) {
		return sc.toks[k+1].low != "by" // "as Filipino troops took part", not "troops led by"
	}
	if t.cap || len(t.low) < 5 || !strings.HasSuffix(t.low, "ed") || k+1 >= sc.s.to {
		return false
	}
	if _, objNext := sc.startAt(k + 1); objNext {
		return true
	}
	return sc.toks[k+1].in(lcFiniteAfter)
}

// commaVerbPhrase reports a finite trigger verb at i right after the comma
// at k that joins a second verb phrase to a clause whose own verb comes
// before: "X defends the pact, brushes off Y's concerns".
func (sc *scope) commaVerbPhrase(k, i int) bool {
	if sc.toks[k].low != "," {
		return false
	}
	t, ok := sc.trigOf(&sc.toks[i])
	if !ok || t.pos != verbBase && t.pos != verbPast {
		return false
	}
	return sc.finiteVerbBefore(k)
}

// finiteVerbBefore reports a finite verb between the sentence start and k
// that is not inside an aside: a trigger or reporting verb, or a present
// tense after a name ("X defends ...").
func (sc *scope) finiteVerbBefore(k int) bool {
	for j := k - 1; j > sc.s.from; j-- {
		w := sc.toks[j].low
		if w == "," || w == "which" || w == "who" {
			return false
		}
		if _, inName := sc.endAt(j); inName {
			continue
		}
		if sc.presentAfterName(j) || sc.toks[j].is(cReporting) {
			return !sc.inRelative(j)
		}
		if t, ok := sc.trigOf(&sc.toks[j]); ok && (t.pos == verbBase || t.pos == verbPast) {
			return !sc.inRelative(j)
		}
	}
	return false
}

// inRelative reports a relative word between the comma before j and j:
// the verb at j is a relative clause's, set off by commas ("Chad, which
// Sudan has accused of ..., has rejected": "accused" is no first verb
// phrase that "has rejected" is joined to; "Damascus, whose ministry
// denounced ..., has rejected").
func (sc *scope) inRelative(j int) bool {
	for k := j - 1; k > sc.s.from && sc.toks[k].low != ","; k-- {
		if w := sc.toks[k].low; w == "which" || w == "who" || w == "whom" || w == "whose" {
			return true
		}
	}
	return false
}

// presentAfterName reports a present-tense verb right after a name or a
// capitalised word: "X defends", "Solomon Islands PM says"; or after the
// relative pronoun of a name: "Bahrain, which hosts" (the first verb of
// "which hosts ... and has been designated": firstVerbSubject).
func (sc *scope) presentAfterName(j int) bool {
	p := j - 1
	if p > sc.s.from && (sc.toks[p].in(lcCopulaAdverb) || strings.HasSuffix(sc.toks[p].low, "ly")) {
		p-- // "Qatar also hosts"
	}
	mi, afterName := sc.endAt(p)
	if afterName && sc.objectOfPresent(sc.ms[mi].from) {
		return false // "China welcomes Nauru ties, rejects ...": a noun after the object
	}
	afterName = afterName || p >= sc.s.from && sc.toks[p].cap && sc.toks[p].word
	afterName = afterName || p > sc.s.from && (sc.toks[p].low == "which" || sc.toks[p].low == "who") // "Bahrain, which hosts"
	return afterName && !sc.toks[j].cap && presentForm(sc.toks[j].low) && !sc.toks[j].is(cPreposition)
}

// presentForm reports a word that may be a verb's present tense: "says",
// "defends" (not "ss": "press").
func presentForm(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// objectOfPresent reports a name starting at f right after a present tense
// that follows a name itself ("China welcomes Nauru ties"): the name is
// that verb's object, so the word after it is a noun it modifies.
func (sc *scope) objectOfPresent(f int) bool {
	v := f - 1
	if v <= sc.s.from || sc.toks[v].cap || !presentForm(sc.toks[v].low) || sc.toks[v].is(cPreposition|cReporting) {
		return false
	}
	_, afterName := sc.endAt(v - 1)
	return afterName
}

// coSubjectWords is the length of the comma and the two words that open
// an elliptical clause (", as did", ", along with"): the actor follows.
const coSubjectWords = 3

// coSubjectAt returns, for the comma at k, where the group starts that an
// elliptical clause adds as a second subject of the clause before: ", as
// did Nauru", ", as has Peru", ", along with the UAE"; 0 if none.
func (sc *scope) coSubjectAt(k int) int {
	if k+coSubjectWords >= sc.s.to || sc.toks[k].low != "," {
		return 0
	}
	a, b := sc.toks[k+1].low, sc.toks[k+2].low
	switch {
	case a == "as" && sc.x.lex.has(lcProVerb, b):
	case a == "along" && b == "with":
	default:
		return 0
	}
	j := k + 3
	if _, named := sc.startAt(j); !named && sc.toks[j].low == "the" {
		j++ // a mention may start at "the": "as did the Pacific island of Nauru"
	}
	return j
}

// coSubjects copies each relation found before an elliptical ", as did Y"
// or ", along with Y" with Y as its source: "Nicaragua followed Moscow in
// recognising Abkhazia, as did Nauru" is Nauru recognizes Abkhazia too.
func (sc *scope) coSubjects() {
	if len(sc.out) == 0 && !sc.hasReference() {
		// no relation to copy, and no pronoun that ends would resolve
		// (and so fix for remember): most sentences
		return
	}
	n := len(sc.out)
	sc.rankPeers(n)
	sc.commas = sc.commas[:0]
	for k := sc.nextComma(sc.s.from); k < sc.s.to; k = sc.nextComma(k + 1) {
		sc.commas = append(sc.commas, k) // for asideSubjects
		sc.compared(k, n)
		if k+1 < sc.s.to && (sc.toks[k+1].low == "which" || sc.toks[k+1].low == "who") {
			sc.compared(k+1, n) // "Hungary, which like Slovakia is a member"
		}
		j := sc.coSubjectAt(k)
		if j == 0 {
			continue
		}
		mi, ok := sc.startAt(j)
		if !ok {
			mi, ok = sc.placeOf(j)
		}
		if !ok {
			continue
		}
		sc.copySources(sc.toks[k].start, sc.ends(sc.grp[sc.ms[mi].group]))
	}
	if sc.cls&cPassCue != 0 {
		sc.alongWith() // at "along" and "alongside" only
	}
	sc.asideSubjects(n)
}

// copySources copies each relation told before the byte offset at with
// each of ends as its source: the relation told before the comma, or one
// whose source stands before an aside and its verb after it ("Pakistan
// was one of three states, along with A and B, to recognise Y"). Denials
// are not copied.
func (sc *scope) copySources(at int, ends []endpoint) {
	n := len(sc.out)
	for o := 0; o < n; o++ {
		if m := sc.out[o]; (m.TrigSpan.Start < at || m.SrcSpan.End <= at) && m.Relation != graph.Denies && !sc.closedRelative(m.TrigSpan.Start, at) {
			for _, e := range ends {
				if e.id != m.Target && e.id != m.Source && !sc.affiliated(e.id, m.Target) {
					c := m
					c.Source, c.SrcSpan = e.id, e.span
					sc.out = append(sc.out, c)
				}
			}
		}
	}
}

// closedRelative reports a trigger at byte offset trig inside a relative
// clause opened by ", which" or ", who" and closed by a comma before the
// byte offset at: the clause tells of its antecedent only, and an
// elliptical ", as did Y" after the main clause copies the main clause's
// relation, not the aside's ("Finland, which became NATO's 31st member in
// April, sent observers, as did Sweden": Sweden sent observers).
func (sc *scope) closedRelative(trig, at int) bool {
	t := sc.tokenAt(trig)
	if t < 0 {
		return false
	}
	open := false
	for k := t - 1; k > sc.s.from && !open; k-- {
		w := sc.toks[k].low
		if w == "," || sc.toks[k].is(cClauseBreak) {
			return false
		}
		open = (w == "which" || w == "who") && sc.toks[k-1].low == ","
	}
	if !open {
		return false
	}
	for k := t + 1; k < sc.s.to && sc.toks[k].start < at; k++ {
		if sc.toks[k].low == "," {
			return true
		}
	}
	return false
}

// alongWith reads "along with" with no comma before it after a relation's
// object: "which joined NATO along with Latvia and Estonia in 2004", "four
// Pacific nations that still recognise Taiwan along with the Marshall
// Islands, Nauru and Tuvalu": the actors after it share the subject's
// role. ", along with" is coSubjectAt's.
func (sc *scope) alongWith() {
	for k := sc.s.from + 1; k+2 < sc.s.to; k++ {
		if sc.toks[k].low == "alongside" && sc.toks[k-1].low != "," {
			if g := sc.after(k); g != nil && sc.ms[g[0]].from <= k+2 {
				// "Spain, which recognised the State of Palestine a year
				// ago alongside Ireland and Norway": recognitions only
				// (forces training alongside others are alongsideForces')
				sc.copyTold(sc.toks[k].start, g, recognition)
				sc.copyTold(sc.toks[k].start, g, sc.membershipAt(k))
			}
			continue
		}
		if sc.toks[k].low != "along" || sc.toks[k+1].low != "with" || sc.toks[k-1].low == "," {
			continue
		}
		if g := sc.after(k + 1); g != nil {
			sc.copyTold(sc.toks[k].start, g, nil)
		}
	}
}

// copyTold copies, with the actors of g as sources, the relations (those
// keep accepts, when it is not nil) whose trigger and target stand
// before the byte offset at, when g's first
// actor is a state; as targets when it is of the target's kind and not
// of the source's (likeTarget).
func (sc *scope) copyTold(at int, g []int, keep func(graph.Mention) bool) {
	a, ok := sc.x.mentionActor(&sc.ms[g[0]])
	if !ok || !stateLike(a) {
		return
	}
	n := len(sc.out)
	for o := 0; o < n; o++ {
		if m := sc.out[o]; m.TrigSpan.Start < at && m.TgtSpan.End <= at && m.Relation != graph.Denies && (keep == nil || keep(m)) {
			// a second object when g is of the target's kind only
			sc.copyRole(m, slices.Clone(sc.ends(g)), !sc.likeTarget(m, a))
		}
	}
}

// recognition keeps recognitions only: "Spain, which recognised the
// State of Palestine alongside Ireland and Norway".
func recognition(m graph.Mention) bool { return m.Relation == graph.Recognizes }

// membershipAt keeps a membership of an alliance whose name ends right
// before "alongside" at k: "Astana, a member of the CSTO alongside
// Kyrgyzstan and Tajikistan" makes both members too. Only the alliance
// named next to "alongside" counts: in "Turkey, a NATO member, voted
// alongside Azerbaijan" the membership stands apart from the word.
func (sc *scope) membershipAt(k int) func(graph.Mention) bool {
	end := sc.toks[k-1].end
	return func(m graph.Mention) bool {
		return m.Relation == graph.AlliesWith && m.TgtSpan.End == end && sc.x.lex.actors["alliance"][m.Target]
	}
}

// likeTarget reports an actor a of the kind of m's target and not of its
// source's: "Russia recognised Abkhazia along with South Ossetia" names a
// second object, not a second subject.
func (sc *scope) likeTarget(m graph.Mention, a *graph.Actor) bool {
	t, okT := sc.x.actor(m.Target)
	s, okS := sc.x.actor(m.Source)
	return okT && okS && a.Type == t.Type && a.Type != s.Type
}

// asideSubjects reads an aside between a subject and its verb that names
// more subjects: "The United States, Canada and most of Latin America's
// largest economies, including Brazil and Argentina, recognised Guaido",
// "Philippine and US troops, joined by Australian forces, held ...": each
// of the first n relations whose source stands before the aside and whose
// trigger after it gets the aside's actors as sources too. It reads the
// commas coSubjects found (sc.commas).
func (sc *scope) asideSubjects(n int) {
	for _, k := range sc.commas {
		g, e := sc.asideList(k)
		if g == nil {
			continue
		}
		open, close := sc.toks[k].start, sc.toks[e].start
		peers := slices.Clone(sc.ends(g))
		for o := 0; o < n; o++ {
			m := sc.out[o]
			if m.SrcSpan.End > open || m.TrigSpan.Start <= close || !sc.plainSubject(k, m.SrcSpan.End) {
				continue
			}
			sc.copyRole(m, peers, true)
			if m.Relation == graph.AlliesWith && m.TgtSpan.End <= open {
				sc.copyRole(m, peers, false) // allies of both subjects
			}
		}
	}
}

// plainSubject reports that the words between a source ending at byte
// offset end and the comma at k hold no verb and no relative word: the
// aside at k adds to the subject ("A, B and most of Latin America's
// largest economies, including C, recognised"), not to a clause inside it
// ("Ghana, which backs several groups, including the M23, recognised").
func (sc *scope) plainSubject(k, end int) bool {
	for j := k - 1; j >= sc.s.from && sc.toks[j].start >= end; j-- {
		t := &sc.toks[j]
		if _, trig := sc.trigOf(t); trig || t.is(cBe|cAux|cReporting|cClauseBreak) || t.low == "which" || t.low == "who" || t.low == "that" {
			return false
		}
	}
	return true
}

// asideList returns the actors an aside opened by the comma at k names as
// more of the subject, ", including A, B and C," (list-opener) or ",
// joined later by A and B," (join-aside, then up to asideByWindow words
// and "by"), and the comma that closes it; nil if none.
func (sc *scope) asideList(k int) ([]int, int) {
	if k+2 >= sc.s.to {
		return nil, 0
	}
	j := k + 1
	switch t := &sc.toks[j]; {
	case t.in(lcListOpener):
	case t.in(lcJoinAside):
		for j < sc.s.to && j <= k+asideByWindow && sc.toks[j].low != "by" {
			j++
		}
		if j >= sc.s.to || sc.toks[j].low != "by" {
			return nil, 0
		}
	default:
		return nil, 0
	}
	g := sc.after(j)
	if g == nil {
		return nil, 0
	}
	e := sc.ms[g[len(g)-1]].to
	if e >= sc.s.to || sc.toks[e].low != "," {
		return nil, 0
	}
	return g, e
}

// asideByWindow is how far "by" may stand after the participle of a join
// aside: ", joined later in the day by Sweden".
const asideByWindow = 6

// nextComma returns the first comma of the sentence at or after k, or its
// end: coSubjectAt reads nothing else.
func (sc *scope) nextComma(k int) int {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k < len(toks) && toks[k].low != "," {
		k++
	}
	return k
}

// hasReference reports whether a mention of the sentence is a pronoun or
// a reference ("the ministry") that resolve reads.
func (sc *scope) hasReference() bool {
	for i := range sc.ms {
		if sc.ms[i].pron != "" {
			return true
		}
	}
	return false
}

// placeOfWindow is how far after j the "of" of a place may stand: "the
// small Pacific island of Nauru".
const placeOfWindow = 5

// placeOf finds the actor of "the Pacific island of Nauru", "the Gulf state
// of Qatar": a mention right after "of" within a few words of j.
func (sc *scope) placeOf(j int) (int, bool) {
	for k := j; k < sc.s.to && k < j+placeOfWindow; k++ {
		if sc.toks[k].low == "of" {
			return sc.startAt(k + 1)
		}
		if !sc.toks[k].word || sc.toks[k].is(cClauseBreak) {
			return 0, false
		}
	}
	return 0, false
}

// quotedFirstPerson reports a "we", "us" or "our" mention (lexicon class
// speaker-pronoun): the speaker of a quote, never the subject of the
// clause the quote is reported in.
func (sc *scope) quotedFirstPerson(mi int) bool {
	return sc.x.lex.pron[sc.ms[mi].pron]&pSpeaker != 0
}

// compared reads a comparative aside after the comma (or relative
// pronoun) k: in "Poland, like
// Lithuania, is a member of NATO", "Both A and B, like C, are members",
// "Hungary, which, like Slovakia, is a member" or "accused Poland, like
// Lithuania, of ...", the actor after "like" (a comitative word) shares
// the role of the actor the aside follows in each of the first n
// relations: source for source, target for target. The subject frames
// step over the aside (aside-start), so its actor is never the subject
// itself; "unlike" opens an aside and shares nothing.
func (sc *scope) compared(k, n int) {
	if k+2 >= sc.s.to || !sc.toks[k+1].in(lcComitative) {
		return
	}
	mi, ok := sc.startAt(k + 2)
	if !ok {
		return
	}
	g := sc.grp[sc.ms[mi].group]
	e := sc.ms[g[len(g)-1]].to
	if e+1 >= sc.s.to {
		// "Sweden is a member of NATO, like Norway.": a second subject of
		// the clause before
		sc.compareSubjects(k, n, slices.Clone(sc.ends(g)))
		return
	}
	if sc.toks[e].low != "," && sc.toks[k].low == "," {
		return // "..., like Lithuania in 2004": not an aside that closes here
	}
	anchor := sc.comparedAnchor(k)
	if anchor == nil {
		return
	}
	heads := slices.Clone(sc.ends(anchor))
	peers := slices.Clone(sc.ends(g))
	for o := 0; o < n; o++ {
		m := sc.out[o]
		if hasSpan(heads, m.SrcSpan) && hasSpan(heads, m.TgtSpan) {
			continue // "A and B, like C, are allies": among the list, not C's
		}
		for _, h := range heads {
			switch h.span {
			case m.SrcSpan:
				sc.copyRole(m, peers, true)
			case m.TgtSpan:
				sc.copyRole(m, peers, false)
			}
		}
	}
}

// compareSubjects gives peers, named in a comparative aside that ends
// the sentence at the comma k, the source role of each of the first n
// relations told before it.
func (sc *scope) compareSubjects(k, n int, peers []endpoint) {
	at := sc.toks[k].start
	for o := 0; o < n; o++ {
		if m := sc.out[o]; m.TrigSpan.Start < at && m.SrcSpan.End <= at {
			sc.copyRole(m, peers, true)
		}
	}
}

// comparedAnchor returns the group a comparative aside opened by the comma
// at k follows: the actor before the comma, or the antecedent of
// "which" or "who" before it ("Hungary, which, like Slovakia, ...").
func (sc *scope) comparedAnchor(k int) []int {
	if w := sc.toks[k].low; w == "which" || w == "who" {
		return sc.antecedent(k, sc.s.from)
	}
	if mi, ok := sc.endAt(k - 1); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
		return sc.grp[sc.ms[mi].group]
	}
	if w := sc.toks[k-1].low; w == "which" || w == "who" {
		return sc.antecedent(k-1, sc.s.from)
	}
	return nil
}

// copyRole appends a copy of m with each of peers as its source (or its
// target), but none that would relate an actor to itself.
func (sc *scope) copyRole(m graph.Mention, peers []endpoint, source bool) {
	for _, p := range peers {
		c := m
		if source {
			c.Source, c.SrcSpan = p.id, p.span
		} else {
			c.Target, c.TgtSpan = p.id, p.span
		}
		if c.Source == c.Target || sc.affiliated(c.Source, c.Target) {
			continue
		}
		sc.out = append(sc.out, c)
	}
}

// hasSpan reports whether one of ends is named by the words at span.
func hasSpan(ends []endpoint, span graph.Span) bool {
	for _, e := range ends {
		if e.span == span {
			return true
		}
	}
	return false
}

// infinitiveOwner finds the subject of a verb at i in an infinitive after
// a noun of deciding (data/lexicon.txt, decision-noun): the noun's
// possessor or its "of" or "by" phrase, "Moscow's decision to recognise
// the two republics", "the decision of the French government to supply
// ...", "a decision by President X to recognise". nil when i is no such
// verb.
func (sc *scope) infinitiveOwner(i int) []int {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "to" {
		return nil
	}
	if n := sc.timeBefore(i - 2); sc.toks[n].in(lcDecisionNoun) {
		// "Moscow's decision to", "Moscow's decision in 2008 to"
		if w := sc.toks[n-1].low; n-2 >= sc.s.from && (w == "'s" || w == "'") {
			if mi, ok := sc.endAt(n - 2); ok && sc.ms[mi].poss {
				return sc.grp[sc.ms[mi].group]
			}
		}
		return nil
	}
	mi, ok := sc.endAt(i - 2) // "the decision of Moscow to"
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	if p := sc.prevWord(sc.ms[g[0]].from); p-1 >= sc.s.from && (sc.toks[p].low == "of" || sc.toks[p].low == "by") && sc.toks[p-1].in(lcDecisionNoun) {
		return g // "the decisions of A, B and C to", "a decision by President X to"
	}
	return nil
}

// rankReference reports a preposition at p that measures a rank ("one of
// the first countries after Russia to ...", "the first since Egypt"):
// a rank-preposition with a rank word a few words before it. The actor
// after it is the rank's reference, not the clause's subject.
func (sc *scope) rankReference(p int) bool {
	if p <= sc.s.from || !sc.toks[p].is(cClauseBreak) || !sc.toks[p].in(lcRankPreposition) {
		return false
	}
	lo := max(sc.s.from, p-rankWindow)
	return sc.classWithin(lo, p-lo, lcRank) && sc.rankedActorAfter(p)
}

// rankedActorAfter reports an actor after the rank-preposition at p, then
// "to" or a time phrase: not a clause ("the first country to do so since
// the territory declared independence").
func (sc *scope) rankedActorAfter(p int) bool {
	g := sc.after(p)
	if g == nil {
		return false
	}
	e := sc.ms[g[len(g)-1]].to
	return e < sc.s.to && sc.toks[e].low == "to" || sc.gapTail(e) >= 0
}

// rankPeers copies each of the first n relations whose trigger ends an
// infinitive of rank with the rank's reference as a second source: it
// did the same before. "Nicaragua was one of the first countries after
// Russia to recognise Abkhazia" (Russia too); "the UAE and Bahrain
// established ties with Israel, becoming the first Arab states to do so
// since Egypt in 1979 and Jordan in 1994" (Egypt and Jordan too).
func (sc *scope) rankPeers(n int) {
	for o := 0; o < n; o++ {
		i := sc.tokenAt(sc.out[o].TrigSpan.Start)
		if i < 0 {
			continue
		}
		if peers := sc.rankReferenceOf(i); peers != nil {
			sc.copyRole(sc.out[o], slices.Clone(sc.ends(peers)), true)
		}
	}
}

// takeStepSpan is how far "to" stands before "step" in "to take the
// step".
const takeStepSpan = 3

// rankReferenceOf returns the reference of a rank whose infinitive ends
// at the trigger i ("to recognise", "to do so"), named after a
// rank-preposition before "to" or right after "do so"; nil if none.
func (sc *scope) rankReferenceOf(i int) []int {
	to, tail := i-1, -1
	if i-2 > sc.s.from && sc.toks[i-1].in(lcDoVerb) {
		to, tail = i-2, i+1 // "to do so since Egypt"
	}
	if i-takeStepSpan > sc.s.from && sc.toks[i-1].in(lcDeterminer) && sc.toks[i-2].in(lcTakeVerb) && sc.x.lex.in("special-step", sc.toks[i].low) {
		to, tail = i-takeStepSpan, i+1 // "to take the step after Barbados and Jamaica" (relations round 22)
	}
	if to <= sc.s.from || sc.toks[to].low != "to" {
		return nil
	}
	ranked := sc.classWithin(max(sc.s.from, to-rankWindow), min(rankWindow, to-sc.s.from), lcRank)
	if tail > 0 && tail < sc.s.to && ranked && !sc.rankReference(tail) {
		// "to do so in little more than a week after A, B and C": the
		// rank word stood before "to", a span of time after "so"
		if k := sc.pastSpan(tail); k > tail && sc.toks[k].is(cClauseBreak) && sc.rankedActorAfter(k) {
			return sc.referenceAfter(k)
		}
	}
	if tail > 0 && tail < sc.s.to && sc.rankReference(tail) && ranked {
		return sc.referenceAfter(tail)
	}
	if tail < 0 && ranked {
		if k := sc.trailingRank(i); k > 0 {
			return sc.referenceAfter(k)
		}
	}
	if c := sc.rankAside(to - 1); c > 0 {
		return sc.referenceAfter(c + 1) // "among the first, after Moscow, to recognise"
	}
	for k := to - 1; k > sc.s.from && k >= to-rankWindow; k-- {
		if sc.toks[k].low == "," {
			return nil
		}
		if sc.rankReference(k) {
			return sc.referenceAfter(k)
		}
	}
	return nil
}

// spanWindow is how many words a span of time may have after its
// preposition: "in little more than a week".
const spanWindow = 6

// pastSpan returns the word after a span of time that opens at k ("in
// little more than a week", "within two days", "over the past year"): a
// preposition, then lower-case words and numbers with a word of time or a
// measure of it among them, up to the first rank-preposition; k itself
// when there is none.
func (sc *scope) pastSpan(k int) int {
	if w := sc.toks[k].low; w != "in" && w != "within" && w != "over" {
		return k
	}
	timed := false
	for j := k + 1; j < sc.s.to && j <= k+spanWindow; j++ {
		t := &sc.toks[j]
		if t.in(lcRankPreposition) {
			if timed && j > k+1 {
				return j
			}
			return k
		}
		if !t.word && !startsDigit(t.text) || t.cap || sc.inMention(j) {
			return k
		}
		timed = timed || t.in(lcTimeWord) || t.in(lcMeasureNoun)
	}
	return k
}

// rankAsideWindow is how long an aside naming a rank's reference may be:
// ", after Moscow and Caracas,".
const rankAsideWindow = 8

// rankAside returns the comma that opens an aside naming a rank's
// reference when the comma at k closes it, right before the rank's "to":
// "among the first governments in the world, after Moscow, to recognise"
// (a rank word before the aside, a rank-preposition and actors inside
// it); 0 if there is none.
func (sc *scope) rankAside(k int) int {
	if k <= sc.s.from || sc.toks[k].low != "," {
		return 0
	}
	for c := k - 1; c > sc.s.from && c >= k-rankAsideWindow; c-- {
		if sc.toks[c].low != "," {
			continue
		}
		if c+1 >= k || !sc.toks[c+1].in(lcRankPreposition) {
			return 0
		}
		g := sc.after(c + 1)
		lo := max(sc.s.from, c-rankWindow)
		if g == nil || sc.ms[g[len(g)-1]].to != k || !sc.classWithin(lo, c-lo, lcRank) {
			return 0
		}
		return c
	}
	return 0
}

// trailingRank returns the rank-preposition that, after a comma, names a
// rank's reference at the end of the clause of the trigger at i: "the
// fifth country to switch to Beijing since 2007, after Costa Rica, Panama
// in 2017 and Nicaragua"; 0 if none.
func (sc *scope) trailingRank(i int) int {
	for k := i + 1; k+1 < sc.s.to; k++ {
		if t := &sc.toks[k]; t.is(cClauseBreak) && t.low != "," && !t.in(lcRankPreposition) || t.is(cReporting) {
			return 0
		}
		if sc.toks[k].low == "," && sc.toks[k+1].in(lcRankPreposition) {
			// the rank word stands before "to": an actor and a time phrase
			// or the end here, not a clause ("after Peru accused Bolivia")
			if g := sc.after(k + 1); g != nil && sc.gapTail(sc.ms[g[len(g)-1]].to) >= 0 {
				return k + 1
			}
		}
	}
	return 0
}

// referenceAfter returns the actors after the rank-preposition at k: a
// gapped list ("since Egypt in 1979 and Jordan in 1994") or one group.
func (sc *scope) referenceAfter(k int) []int {
	if g := sc.gappedList(k, false); g != nil {
		return g
	}
	return sc.after(k)
}

// tokenAt returns the index of the sentence's token that starts at byte
// offset off, or -1.
func (sc *scope) tokenAt(off int) int {
	toks := sc.toks[sc.s.from:sc.s.to]
	// searched by index: a token is too big to pass by value at each step
	k := sort.Search(len(toks), func(j int) bool { return toks[j].start >= off })
	if k == len(toks) || toks[k].start != off {
		return -1
	}
	return sc.s.from + k
}

// listEndsUnnamed reports a mention m followed by "and" or "or" and a
// noun phrase that names no actor: the last actor of a list whose last
// item is unnamed ("accused Ukraine, Poland and several Western
// governments", "Russia, China and other countries condemned"), so that a
// comma before m joins a list as ", and" does. The word after "and" must
// be a lower-case word that is no verb, auxiliary or pronoun. A list
// after a preposition (fi, the mention before m, and those before it
// joined by commas) is not read so: "troops from A, B and other member
// states" names no subject or object. A passive's "by" names its agents,
// as a subject does: "is recognised by A, B and a few dozen other states"
// (relations round 15, eighteenth session).
func (sc *scope) listEndsUnnamed(fi int, m *mention) bool {
	for fi > 0 && sc.ms[fi].from >= 2 && sc.toks[sc.ms[fi].from-1].low == "," && sc.ms[fi-1].to == sc.ms[fi].from-1 {
		fi-- // "A, B, C and other states": back to A
	}
	if p := sc.prevWord(sc.ms[fi].from); p >= sc.s.from && sc.toks[p].is(cPreposition) && !sc.toks[p].is(cClauseBreak) && !sc.agentBy(p) {
		return false
	}
	k := m.to
	if k < sc.s.to && sc.toks[k].low == "," {
		k++
	}
	if k+1 >= sc.s.to || sc.toks[k].low != "and" && sc.toks[k].low != "or" {
		return false
	}
	n := &sc.toks[k+1]
	if _, named := sc.startAt(k + 1); named || !n.word || n.cap || n.tg != 0 {
		return false
	}
	if n.is(cAux|cBe|cReporting|cPronoun|cClauseBreak|cNegator) || strings.HasSuffix(n.low, "ed") {
		return false
	}
	return !m.poss && !m.adj && m.pron == ""
}

// agentBy reports a "by" at p right after a past participle of a
// passive (a participle in -ed or -ised, an auxiliary or a copula before
// it, past one adverb, or a comma of an apposed participle: "is
// recognised by", "are now recognised by", ", recognised by").
func (sc *scope) agentBy(p int) bool {
	if sc.toks[p].low != "by" || p-2 < sc.s.from {
		return false
	}
	v := p - 1
	if !strings.HasSuffix(sc.toks[v].low, "ed") {
		return false
	}
	b := v - 1
	if b > sc.s.from && (sc.adverb(b) || sc.toks[b].low == "only" || sc.toks[b].low == "now") {
		b--
	}
	return sc.toks[b].is(cBe|cAux) || sc.toks[b].low == ","
}

// apposedListWindow is how many words may stand between "another" and the
// comma before the apposed name: "and another Georgian breakaway region,
// South Ossetia".
const apposedListWindow = 5

// apposedMembers joins to a group an actor named in an apposition after
// "and" and a determiner of another member (apposed-det), after an
// article or not: "Russia
// recognised Abkhazia and another Georgian breakaway region, South
// Ossetia, as independent" makes South Ossetia a member of Abkhazia's
// group, so every relation reads both. Between the determiner and the
// comma stand only lower-case words and demonyms; the name is followed by
// a comma, "as" or the sentence's end. Run once the groups are built.
func (sc *scope) apposedMembers() {
	for g := range sc.grp {
		last := &sc.ms[sc.grp[g][len(sc.grp[g])-1]]
		k := last.to
		if last.poss || last.adj || k+2 >= sc.s.to || sc.toks[k].low != "and" {
			continue
		}
		if sc.toks[k+1].in(lcDeterminer) && !sc.toks[k+1].in(lcApposedDet) {
			k++ // "Transnistria and a second region, Abkhazia", "and the other ..."
		}
		if k+2 >= sc.s.to || !sc.toks[k+1].in(lcApposedDet) {
			continue
		}
		c := sc.apposedComma(k + 2)
		if c == 0 {
			continue
		}
		mi, ok := sc.startAt(c + 1)
		if !ok || sc.ms[mi].adj || sc.ms[mi].poss {
			continue
		}
		h := sc.ms[mi].group
		e := sc.ms[sc.grp[h][len(sc.grp[h])-1]].to
		if e < sc.s.to && sc.toks[e].low != "," && sc.toks[e].low != "as" && !sc.toks[e].is(cClauseBreak) {
			continue
		}
		merged := append(slices.Clip(sc.grp[g]), sc.grp[h]...)
		for _, m := range sc.grp[h] {
			sc.ms[m].group = g
		}
		sc.grp[g], sc.grp[h] = merged, merged
	}
}

// apposedComma returns the comma that closes the noun phrase starting at
// k before an apposed name ("another Georgian breakaway region,"), or 0
// when a word other than a lower-case one or a demonym comes first.
func (sc *scope) apposedComma(k int) int {
	for j := k; j < sc.s.to && j <= k+apposedListWindow; j++ {
		t := &sc.toks[j]
		switch {
		case t.low == ",":
			if j == k {
				return 0
			}
			return j
		case t.cap:
			mi, ok := sc.startAt(j)
			if !ok || !sc.ms[mi].adj {
				return 0
			}
			j = sc.ms[mi].to - 1
		case !t.word || t.tg != 0 || t.is(cPreposition|cAux|cBe|cClauseBreak|cReporting):
			return 0
		}
	}
	return 0
}

// documentTimeWindow is how many words of a time phrase may stand between
// a document noun and the gerund of its reduced relative ("a declaration
// on Tuesday restoring").
const documentTimeWindow = 3

// documentAgent finds who signed or issued a document whose reduced
// relative is the gerund at i: "Morocco and Israel signed a joint
// declaration on Tuesday restoring diplomatic relations", "issued decrees
// recognising A" (signed-document right before the gerund or past a time
// phrase; the subject of the pact-verb or doc-verb before the noun, past
// its determiners and modifiers); nil if there is none.
func (sc *scope) documentAgent(i int) []int {
	k := sc.timeBefore(i - 1)
	if k <= sc.s.from || !sc.toks[k].in(lcSignedDocument) {
		return nil
	}
	for j := k - 1; j > sc.s.from && j >= k-modifierWindow-1; j-- {
		t := &sc.toks[j]
		if t.in(lcPactVerb) || t.in(lcDocVerb) {
			return sc.verbSubject(j)
		}
		if !t.word || t.is(cClauseBreak) || sc.inMention(j) {
			return nil
		}
	}
	return nil
}

// timeBefore steps back from k over a time phrase of up to
// documentTimeWindow words (time words, numbers, weekdays: "in 2008", "on
// Monday", "last week") and returns the word before it, or k when no such
// phrase ends at k.
func (sc *scope) timeBefore(k int) int {
	j := k
	for n := 0; n < documentTimeWindow && j > sc.s.from && (sc.toks[j].in(lcTimeWord) || sc.toks[j].cap && sc.toks[j].is(cWeekday) || startsDigit(sc.toks[j].low)); n++ {
		j--
	}
	return j
}
