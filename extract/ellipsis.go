package extract

import (
	"slices"

	"geokg/graph"
)

// Verb-phrase ellipsis: a clause whose verb stands for the relation of an
// earlier clause ("Ireland followed suit", "Norway did the same", "Slovenia
// and Spain, which did so in 2024", "as other donors such as Canada and
// Japan had already done"). Its subjects take the relation and the target
// of the antecedent: the last relation told before it in the sentence, or,
// when the clause opens its sentence, the last relation of the sentence
// before (ellipsisReach), keeping its status and claimant. A negated or
// intended pro-verb ("has not done so", "may follow suit", "urged others
// to do the same") gives nothing. Recognitions read "did so" and "followed"
// themselves as well (recognizes.go); a copy of an edge found twice in a
// sentence is dropped by dedupeSentence.

// ellipsisReach is how many sentences back a pro-verb that opens its
// sentence may find its antecedent: the sentence before ("Kenya pledged
// 400 officers to Haiti. Benin followed suit."). Further back the verb
// stands as often for a clause that told no relation.
const ellipsisReach = 1

// proAsWindow is how many words may stand between the "as" of an
// elliptical clause and its subject ("as other donors such as Canada").
const proAsWindow = 6

// ellipses reads each pro-verb phrase of the sentence.
func (sc *scope) ellipses() {
	if len(sc.ms) == 0 || sc.cls&cProCue == 0 {
		return // no actor, or no word an elliptical clause starts at
	}
	for v := sc.s.from; v < sc.s.to; v++ {
		if !sc.toks[v].is(cProCue) {
			continue // most words: no elliptical clause starts here
		}
		if sc.toks[v].low == "as" {
			if subj, e := sc.asElliptic(v); subj != nil {
				sc.elide(subj, v, e, sc.ms[subj[len(subj)-1]].to, false)
				v = e
			}
			continue
		}
		if subj, e := sc.soDid(v); subj != nil {
			sc.elide(subj, v, e, v, true)
			v = e
			continue
		}
		e := sc.proVerbEnd(v)
		if e == 0 {
			continue
		}
		if v-1 >= sc.s.from && sc.toks[v-1].in(lcIntentionMarker) {
			v = e // "to do so": an intention, or a rank's ("the first to do so") whose subject recognizes.go reads
			continue
		}
		if subj := sc.ellipticSubject(v); subj != nil || sc.proTarget(e) != nil {
			// no subject: "A second decree did the same for Luhansk" (the
			// antecedent's source, with a target of its own)
			sc.elide(subj, v, e, sc.window(subj, v), true)
		}
		v = e
	}
}

// proVerbEnd returns the last word of a pro-verb phrase starting at v: a
// do-verb or follow-verb and a pro-object ("did so", "followed suit"), a
// do-verb and "the same" ("did the same"), a take-verb and "the (same)
// step" ("took the same step", "made the same move"); 0 if none starts
// there.
func (sc *scope) proVerbEnd(v int) int {
	if v+1 >= sc.s.to {
		return 0
	}
	t, next := &sc.toks[v], sc.toks[v+1].low
	if !t.in(lcDoVerb) && !t.in(lcFollowVerb) && !t.in(lcTakeVerb) {
		return 0 // most words: no pro-verb starts here
	}
	lex := sc.x.lex
	switch {
	case (t.in(lcDoVerb) || t.in(lcFollowVerb)) && sc.toks[v+1].in(lcProObject):
		return v + 1
	case t.in(lcDoVerb) && sc.toks[v+1].in(lcProObjectFinal) && (v+2 >= sc.s.to || !sc.toks[v+2].word):
		return v + 1 // "Norway did too.", not "did too little"
	case t.in(lcFollowVerb) && sc.followedLead(v) > 0:
		return sc.followedLead(v)
	case t.in(lcFollowVerb) && sc.followedAlone(v):
		return v
	case next != "the" || v+2 >= sc.s.to:
		return 0
	case t.in(lcDoVerb) && sc.toks[v+2].in(lcStepModifier):
		return v + 2 // "did the same"
	case t.in(lcTakeVerb):
		k := v + 2
		if sc.toks[k].in(lcStepModifier) && k+1 < sc.s.to {
			k++
		}
		if lex.in("special-step", sc.toks[k].low) {
			return k // "took the same step"
		}
	}
	return 0
}

// leadWindow is how many words may stand between a follow-verb and the
// noun of a lead it follows: "followed Mali's lead" ("Mali", "'s").
const leadWindow = 3

// followedLead returns the noun of pro-lead ending a phrase "followed its
// lead", "followed Mali's example" at v; 0 if none.
func (sc *scope) followedLead(v int) int {
	for k := v + 1; k < sc.s.to && k <= v+leadWindow; k++ {
		t := &sc.toks[k]
		if t.in(lcProLead) {
			return k
		}
		if _, named := sc.startAt(k); !named && !sc.inMention(k) && t.low != "'s" && !t.in(lcDeterminer) {
			return 0
		}
	}
	return 0
}

// followedTimeWindow is how far after a bare "followed" its time phrase
// may end: "followed two days later".
const followedTimeWindow = 3

// followedAlone reports a follow-verb at v with no object, closing its
// clause or followed by a time phrase: "France followed on Tuesday",
// "Niger followed two days later" (not "followed by", "followed Mali").
func (sc *scope) followedAlone(v int) bool {
	if !sc.toks[v].in(lcProPastFollow) {
		return false
	}
	for k := v + 1; k < sc.s.to && k <= v+followedTimeWindow; k++ {
		t := &sc.toks[k]
		if !t.word && !startsDigit(t.text) || t.in(lcTimeWord) && t.low != "on" && t.low != "in" || t.is(cWeekday) {
			return true
		}
		if _, named := sc.startAt(k); named || k == v+1 && !(t.low == "on" || t.low == "in" || t.is(cCount) || startsDigit(t.text) || t.in(lcDeterminer)) {
			return false
		}
	}
	return false
}

// soDid reads an inverted elliptical clause "So did Norway", "and so has
// Peru" at v: its subject after the pro-verb, and its last word; nil if v
// opens none. "Nor did Norway" and "Neither did Norway" give nothing.
func (sc *scope) soDid(v int) ([]int, int) {
	if v+2 >= sc.s.to || !sc.toks[v].in(lcProObject) || !sc.toks[v+1].in(lcProVerb) {
		return nil, 0
	}
	if p := v - 1; p >= sc.s.from && !sc.toks[p].is(cClauseBreak) && sc.toks[p].low != "and" && sc.toks[p].low != "," {
		return nil, 0 // "did so": the pro-object after its verb
	}
	g := sc.after(v + 1)
	if g == nil {
		return nil, 0
	}
	return g, sc.ms[g[len(g)-1]].to - 1
}

// ellipticSubject returns the subject of the pro-verb at v: the antecedent
// of a relative clause it stands in ("Slovenia, Spain and Norway, which did
// so in May": the whole list), else the verb's subject.
func (sc *scope) ellipticSubject(v int) []int {
	for j := v - 1; j > sc.s.from+1 && j >= v-relativeWindow; j-- {
		w := sc.toks[j].low
		if w != "which" && w != "who" {
			if !sc.toks[j].is(cAux) && !sc.adverb(j) {
				break // "which had also done so": only auxiliaries and adverbs between
			}
			continue
		}
		if sc.toks[j-1].low != "," {
			return nil
		}
		if mi, ok := sc.endAt(j - 2); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
			return sc.grp[sc.ms[mi].group]
		}
		return nil
	}
	return sc.verbSubject(v)
}

// asElliptic reads an elliptical clause opened by "as" at k whose verb is
// an auxiliary or a do-verb closing it: "as Japan had already done", "as
// other donors such as Canada and Sweden did", "as Peru has". It returns
// the clause's subject and its last word; nil if k opens none. ", as did
// Nauru" is coSubjects'.
func (sc *scope) asElliptic(k int) ([]int, int) {
	if k-1 >= sc.s.from && sc.toks[k-1].low == "such" {
		return nil, 0 // "such as A and B" lists examples
	}
	var subj []int
	for j := k + 1; j < sc.s.to && j <= k+proAsWindow; j++ {
		if mi, ok := sc.startAt(j); ok {
			subj = sc.grp[sc.ms[mi].group]
			break
		}
		if t := &sc.toks[j]; !t.word || t.is(cAux|cClauseBreak) {
			return nil, 0
		}
	}
	if subj == nil {
		return nil, 0
	}
	j := sc.ms[subj[len(subj)-1]].to
	verb := false
	for ; j < sc.s.to && (sc.toks[j].is(cAux) || sc.toks[j].in(lcDoVerb)); j++ {
		verb = verb || sc.toks[j].in(lcDoVerb) || sc.toks[j].in(lcProVerb) || sc.toks[j].low == "had"
	}
	if !verb || j < sc.s.to && sc.toks[j].word && !sc.toks[j].is(cPreposition) {
		return nil, 0 // "as Japan had pledged": a clause of its own
	}
	return subj, j - 1
}

// elide gives the subjects subj of the pro-verb phrase [v, e] the
// relations of its antecedent, unless the phrase is negated or intended
// (between lo and e, or a verb of stopping after it). own: the phrase is
// a clause of its own, which may open its sentence and then repeat the
// sentence before.
func (sc *scope) elide(subj []int, v, e, lo int, own bool) {
	if sc.negated(lo, e, true) || sc.willOnly(lo, e) || sc.stopAfter(e) || sc.proStopped(v) {
		return
	}
	ants, here := sc.readAt(e), true // "..., which did so": the last member's, read by recognizes.go
	if ants == nil {
		ants, here = sc.antecedents(v)
	}
	if len(ants) == 0 && own && sc.opensSentence(subj, v) && sc.st.lastRelsAt == sc.st.sentences-ellipsisReach {
		ants = antecedentsIn(sc.st.lastRels, sc.toks[v].start)
	}
	srcs := slices.Clone(sc.ends(subj))
	var newTgt []endpoint
	if g := sc.proTarget(e); g != nil {
		newTgt = slices.Clone(sc.ends(g)) // "did the same for Luhansk": a target of its own
	}
	var done []graph.Relation
	for _, m := range ants {
		if m.Relation == graph.Denies || !sc.fitsRelation(m.Relation, subj) || newTgt != nil && subj != nil && slices.Contains(done, m.Relation) {
			continue
		}
		done = append(done, m.Relation)
		tgts := newTgt
		if tgts == nil {
			tgts = []endpoint{{id: m.Target, span: m.TgtSpan}}
			if !here {
				tgts[0].span = graph.Span{Start: sc.toks[e].start, End: sc.toks[e].end}
			}
		}
		from := srcs
		if subj == nil {
			from = []endpoint{{id: m.Source, span: graph.Span{Start: sc.toks[v].start, End: sc.toks[e].end}}}
		}
		sc.emitEnds(m.Relation, from, tgts, e, m.Status, m.ClaimedBy, m.DisputedBy)
	}
}

// proTarget returns the group a preposition of pro-target right after
// the pro-verb phrase ending at e names ("did the same for Luhansk", "did
// so with Chad"): the repeated relation's own target; nil if none.
func (sc *scope) proTarget(e int) []int {
	k := e + 1
	if k >= sc.s.to || !sc.toks[k].in(lcProTarget) {
		return nil
	}
	return sc.after(k)
}

// proStopped reports a verb of pro-stop ("withdraw", "suspended",
// "cut") nearer before the pro-verb at v than any relation's trigger: the
// pro-verb repeats the stopping ("persuade governments to withdraw
// recognition, and says two dozen countries have done so").
func (sc *scope) proStopped(v int) bool {
	for k := v - 1; k >= sc.s.from; k-- {
		if sc.toldAt(k, "") {
			return false
		}
		if sc.toks[k].in(lcProStop) {
			return true
		}
	}
	return false
}

// toldAt reports a relation (of rel only, when rel is not empty) that a
// rule already read with its trigger at the word k: a pro-verb's
// antecedent (proStopped), a denial read before the accusation it answers
// (deniedBefore).
func (sc *scope) toldAt(k int, rel graph.Relation) bool {
	for _, m := range sc.out {
		if m.TrigSpan.Start == sc.toks[k].start && (rel == "" || m.Relation == rel) {
			return true
		}
	}
	return false
}

// readAt returns the relations another rule read at the pro-verb's last
// word e ("did so" after a recognition: recognizes.go gives it to one
// subject), for its other subjects.
func (sc *scope) readAt(e int) []graph.Mention {
	var ms []graph.Mention
	for _, m := range sc.out {
		if m.TrigSpan.Start == sc.toks[e].start {
			ms = append(ms, m)
		}
	}
	return ms
}

// antecedents returns the relations a pro-verb at v repeats: those of the
// last trigger told before it in the sentence (antecedentsIn); here is
// false when the sentence told none.
func (sc *scope) antecedents(v int) ([]graph.Mention, bool) {
	ants := antecedentsIn(sc.out, sc.toks[v].start)
	return ants, ants != nil
}

// antecedentsIn returns the relations of ms of the last trigger before the
// byte offset at that is no charge inside another relation ("accused A of
// arming B, and C did the same" repeats the accusation), or nil.
func antecedentsIn(ms []graph.Mention, at int) []graph.Mention {
	last := -1
	for o, m := range ms {
		if m.TrigSpan.Start < at && !nestedRelation(ms, m) && (last < 0 || m.TrigSpan.Start > ms[last].TrigSpan.Start) {
			last = o
		}
	}
	if last < 0 {
		return nil
	}
	var ants []graph.Mention
	for _, m := range ms {
		if m.TrigSpan == ms[last].TrigSpan && m.Relation == ms[last].Relation {
			ants = append(ants, m)
		}
	}
	return ants
}

// nestedRelation reports a relation m of ms told inside another: its
// source is the target of an earlier trigger ("accused A of arming B": A
// arms B is the charge).
func nestedRelation(ms []graph.Mention, m graph.Mention) bool {
	for _, o := range ms {
		if o.TrigSpan.Start < m.TrigSpan.Start && o.Target == m.Source {
			return true
		}
	}
	return false
}

// opensSentence reports a subject that is the sentence's first actor, with
// no verb before it or before the pro-verb at v: "Benin followed suit",
// "On Tuesday, Benin did the same", "So did Benin".
func (sc *scope) opensSentence(subj []int, v int) bool {
	if subj == nil {
		return len(sc.ms) == 0 || sc.ms[0].from > v // "A second decree did the same for Y"
	}
	from := min(sc.ms[subj[0]].from, v) // "So did Norway": the subject after its verb
	if subj[0] != 0 {
		return false
	}
	for k := sc.s.from; k < from; k++ {
		if t := &sc.toks[k]; t.is(cTrigger|cReporting) || t.in(lcDoVerb) {
			return false
		}
	}
	return true
}

// fitsRelation reports subjects that can take a relation: a recognition's
// and an alliance's subjects are states.
func (sc *scope) fitsRelation(rel graph.Relation, subj []int) bool {
	if rel != graph.Recognizes && rel != graph.AlliesWith {
		return true
	}
	for _, mi := range subj {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || !stateLike(a) {
			return false
		}
	}
	return true
}

// rememberRelations keeps the sentence's relations for a pro-verb opening
// the next one ("Benin followed suit").
// Those of a subordinate clause opening the sentence are left out: "After
// X said Kyiv had armed the rebels, Mali cut ties with Ukraine. Niger
// followed suit" repeats the main clause.
func (sc *scope) rememberRelations() {
	from := sc.openingClauseEnd()
	sc.st.lastRels = sc.st.lastRels[:0]
	for _, m := range sc.out {
		if m.TrigSpan.Start >= from {
			sc.st.lastRels = append(sc.st.lastRels, m)
		}
	}
	sc.st.lastRelsAt = sc.st.sentences
}

// openingClauseEnd returns the byte offset of the comma that closes a
// subordinate clause opening the sentence ("After ..., ", "While ...,
// "), else the sentence's start.
func (sc *scope) openingClauseEnd() int {
	if !sc.toks[sc.s.from].is(cClauseBreak) || !sc.toks[sc.s.from].word {
		return sc.s.start
	}
	for k := sc.s.from + 1; k < sc.s.to; k++ {
		if sc.toks[k].low == "," {
			return sc.toks[k].start
		}
	}
	return sc.s.start
}
