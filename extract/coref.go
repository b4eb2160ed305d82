package extract

import (
	"slices"
	"strings"

	"geokg/graph"
)

// end is one resolved end of a relation with the words that name it.
type endpoint struct {
	id   graph.ActorID
	span graph.Span
	act  *graph.Actor // id's dictionary actor when the mention knew it, else nil
}

// aff returns the actor e speaks for: sc.affOf(e.id), without the lookup
// when the mention knew its actor.
func (sc *scope) aff(e *endpoint) graph.ActorID {
	if e.act != nil {
		return e.act.Affiliation
	}
	return sc.affOf(e.id)
}

// ends resolves a group's members (pronouns included) to actors.
// The slice is taken from a buffer of the sentence: it is read, never kept.
func (sc *scope) ends(g []int) []endpoint {
	// resolve the pronouns first: resolving may itself call ends
	for _, mi := range g {
		if sc.ms[mi].pron != "" {
			sc.resolve(mi)
		}
	}
	start := len(sc.eps)
	for _, mi := range g {
		m := &sc.ms[mi]
		span := graph.Span{Start: sc.toks[m.nFrom].start, End: sc.toks[m.to-1].end}
		if m.pron == "" {
			ep := endpoint{id: m.id, span: span}
			if m.act != nil && m.act.ID == m.id {
				ep.act = m.act
			}
			sc.eps = append(sc.eps, ep)
			continue
		}
		for _, id := range sc.resolve(mi) {
			sc.eps = append(sc.eps, endpoint{id: id, span: span})
		}
	}
	if len(sc.eps) == start {
		return nil
	}
	return sc.eps[start:len(sc.eps):len(sc.eps)]
}

// ids returns the resolved ids of a group (nil for none), cut from the
// article's buffer (hold) rather than allocated: rules ask for many. The
// pronouns are resolved first, since resolving one may hold ids of its
// own; then their ids, kept by resolve, are copied.
func (sc *scope) ids(g []int) []graph.ActorID {
	n := 0
	for _, mi := range g {
		if sc.ms[mi].pron == "" {
			n++
		} else {
			n += len(sc.resolve(mi))
		}
	}
	if n == 0 {
		return nil
	}
	st := sc.st
	st.room(n)
	start := len(st.ones)
	for _, mi := range g {
		if m := &sc.ms[mi]; m.pron == "" {
			st.ones = append(st.ones, m.id)
		} else {
			st.ones = append(st.ones, sc.resolve(mi)...)
		}
	}
	return st.ones[start:len(st.ones):len(st.ones)]
}

// appendIDs appends the resolved ids of a group to out.
func (sc *scope) appendIDs(out []graph.ActorID, g []int) []graph.ActorID {
	for _, mi := range g {
		if m := &sc.ms[mi]; m.pron == "" {
			out = append(out, m.id)
			continue
		}
		out = append(out, sc.resolve(mi)...)
	}
	return out
}

// resolve gives the actor(s) a mention stands for. Pronouns look back in
// the sentence, then to what earlier sentences left in the article state:
// he/she to the last person, it to the last state or organisation in
// subject position, they/them to the last group.
func (sc *scope) resolve(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if m.pron == "" {
		return sc.st.one(m.id)
	}
	if len(sc.resolved) == 0 {
		sc.resolved = append(sc.resolved[:0], make([]resolution, len(sc.ms))...)
	}
	if res := &sc.resolved[mi]; res.done {
		return res.ids
	}
	// while resolving: a group that holds this pronoun ("Iran and their")
	// resolves it to nothing rather than forever
	sc.resolved[mi] = resolution{done: true}
	r := sc.apposedPerson(mi)
	if r == nil {
		r = sc.resolveKind(mi, m.pron)
	}
	sc.resolved[mi] = resolution{ids: r, done: true}
	return r
}

// apposedPerson resolves a reference set off by commas right after a
// person's name to that person: "Major General NAME, the junta's
// spokesman, rejected the findings" (the spokesman is NAME, who speaks for
// his state, and "he" next is NAME). Not a possessive ("NAME, its
// spokesman": "its" is the body he speaks for). nil otherwise.
func (sc *scope) apposedPerson(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if mi == 0 || m.poss || m.adj {
		return nil
	}
	p := &sc.ms[mi-1]
	if !p.person || p.pron != "" || p.poss || m.from != p.to+1 || sc.toks[p.to].low != "," {
		return nil
	}
	if m.to >= sc.s.to || sc.toks[m.to].low != "," {
		return nil
	}
	return sc.st.one(p.id)
}

// resolveKind resolves a mention by its kind: a reference the actor rules
// made ("body", "state", "hisstate", "group") or a pronoun, by its
// lexicon class (person-pronoun, speaker-pronoun before possessive-pronoun:
// "our" is the speaker's, plural-pronoun).
func (sc *scope) resolveKind(mi int, pron string) []graph.ActorID {
	switch pron {
	case "it":
		return sc.resolveIt(mi)
	case "body":
		return sc.resolveBody(mi)
	case "state":
		return sc.resolveState(mi)
	case "hisstate":
		return sc.resolveHisState(mi)
	case "group":
		return sc.resolveGroup(mi)
	case "collective":
		return sc.resolveCollective(mi)
	case "examples":
		return sc.st.examples // "only 12 states. Among them are A and B" (examples.go)
	case "desc":
		return sc.resolveDescription(mi)
	case "document":
		if id := sc.st.lastBody[adopterClass]; id != "" {
			return sc.st.one(id) // "The text condemns ...": the body that adopted it
		}
		return nil
	}
	switch pc := sc.x.trie.table.pronOf(pron); {
	case pc&pPerson != 0:
		return sc.resolvePerson(mi)
	case pc&pSpeaker != 0:
		return sc.resolveSpeaker(mi)
	case pc&pPossessive != 0:
		return sc.resolvePossessive(mi)
	case pc&pPlural != 0:
		return sc.resolvePlural(mi)
	}
	return nil
}

// resolvePerson resolves he/she/him: the last person of the sentence, else
// of the article.
func (sc *scope) resolvePerson(mi int) []graph.ActorID {
	if m := &sc.ms[mi]; m.to-m.from > 1 && sc.toks[m.to-1].is(cPersonTitle) {
		if id := sc.st.titleHolder[sc.toks[m.to-1].low]; id != "" {
			return sc.st.one(id) // "the rapporteur": who was introduced so
		}
	}
	var r []graph.ActorID
	g := pronounGender(sc.ms[mi].pron)
	for k := mi - 1; k >= 0; k-- {
		if sc.ms[k].person && sc.ms[k].pron == "" && sc.st.fits(sc.ms[k].id, g) {
			r = sc.st.one(sc.ms[k].id)
			break
		}
		if a := sc.ms[k].act; a != nil && a.Type == graph.Person && sc.ms[k].pron == "" && sc.st.fits(a.ID, g) {
			r = sc.st.one(a.ID) // "Netanyahu's office said he ...": the leader named
			break
		}
	}
	if p := sc.st.lastPersonFor(g); r == nil && p != "" {
		r = sc.st.one(p)
	}
	if r == nil {
		r = sc.titleState(mi)
	}
	return r
}

// titleState resolves a title no person of the article holds ("PARIS -
// ... The interior minister accused Azerbaijan ...", the minister never
// named as such) to the state of the article's dateline, where such an
// official speaks (not the paragraph's topic: "On Georgia, the minister
// said ..." is no Georgian minister). Only a title of state office in a
// reference of its own ("the interior minister"), not "he" or "the
// secretary-general".
func (sc *scope) titleState(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if m.to-m.from < 2 || !sc.toks[m.to-1].is(cPersonTitle) || !sc.x.lex.stateTitle(sc.toks[m.from:m.to]) {
		return nil
	}
	if id := sc.x.datelineState(sc.toks, sc.st); id != "" {
		return sc.st.one(id)
	}
	return nil
}

// resolveIt resolves "it": after a verb, the nearest actor before that is
// not the subject; else the first lone eligible actor of the sentence, else
// the last subject.
func (sc *scope) resolveIt(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if r := sc.saidOfItself(m.from); r != nil {
		return r
	}
	var r []graph.ActorID
	subj := map[int]bool{}
	if sc.objectPosition(m.from) && !sc.clauseSubject(m.from) {
		// "Israel has sold it munitions": the nearest actor before, not the subject
		for _, k := range sc.subject(m.from-1, sc.s.from) {
			subj[k] = true
		}
		for k := mi - 1; k >= 0 && r == nil; k-- {
			if sc.named(k) && !sc.ms[k].person && !subj[k] && !sc.placeIn(k) {
				r = sc.nounAntecedent(k)
			}
		}
	}
	for g := 0; g < len(sc.grp) && r == nil; g++ {
		first := sc.grp[g][0]
		if first >= mi {
			break
		}
		if len(sc.grp[g]) == 1 && !sc.ms[first].person && sc.named(first) && (sc.eligible(g) || sc.agentOfPassive(first)) && !(g == 0 && subj[first]) {
			r = sc.nounAntecedent(first)
		}
	}
	if r == nil {
		r = sc.st.lastSubject
	}
	return r
}

// agentOfPassive reports a mention k right after "by" and a participle
// that no comma sets off as an aside: the doer of a passive ("The summit
// was attended by Sweden, after it joined NATO", "the second attended by
// Sweden ..., after it became NATO's 32nd member"), whom a later "it"
// means as it would the subject. Not ", led by Kenya," (a modifier of
// another noun), nor a possessive or a modifier.
func (sc *scope) agentOfPassive(k int) bool {
	m := &sc.ms[k]
	p := m.from - 1
	if m.poss || m.adj || p-2 < sc.s.from || sc.toks[p].low != "by" {
		return false
	}
	v := &sc.toks[p-1]
	return v.word && !v.cap && len(v.low) > 3 && (strings.HasSuffix(v.low, "ed") || strings.HasSuffix(v.low, "en")) && sc.toks[p-2].low != ","
}

// clauseSubject reports an "it" at j that an auxiliary or modal follows:
// after a verb it opens a clause of its own rather than being the verb's
// object ("complained it had refused to fight", "denied it had supplied
// drones"), so it is not the nearest actor before other than the
// subject ("The East African Community force, led by Kenya, left after
// Congo's government complained it had refused": not Kenya).
func (sc *scope) clauseSubject(j int) bool {
	return j+1 < sc.s.to && (sc.toks[j+1].is(cAux|cBe) || sc.toks[j+1].in(lcModal))
}

// placeIn reports a mention named as a place after "in" ("Speaking in
// Rabat, he said Algiers was a party to the conflict and accused it of
// arming the Polisario": where he spoke, not whom he accused).
func (sc *scope) placeIn(k int) bool {
	p := sc.prevWord(sc.ms[k].from)
	return p >= sc.s.from && sc.toks[p].low == "in"
}

// saidOfItself resolves the "it" at j right after a reporting verb ("the
// Israeli military said it had struck ...", "the ministry said that it
// rejects ..."): the verb's subject when that is one state or body.
func (sc *scope) saidOfItself(j int) []graph.ActorID {
	r := j - 1
	if r > sc.s.from && sc.toks[r].low == "that" {
		r--
	}
	if r <= sc.s.from || !sc.toks[r].is(cReporting) || sc.toks[r].tg != 0 || sc.nounUse(r) {
		return nil // not "accused it of": a trigger's object
	}
	subj := sc.subject(r, sc.s.from)
	if len(subj) != 1 || sc.ms[subj[0]].person || sc.ms[subj[0]].pron == "it" {
		return nil
	}
	if sc.ms[subj[0]].pron != "" {
		return sc.resolve(subj[0])
	}
	return sc.st.one(sc.ms[subj[0]].id)
}

// resolveState resolves "the ministry", "the military", "the junta": the
// state the article is about, named most often so far (ties: the last one
// in subject position).
func (sc *scope) resolveState(mi int) []graph.ActorID {
	if r := sc.claimantsOwn(mi); r != nil {
		return r
	}
	if id := sc.headNamed(mi); id != "" {
		return sc.st.one(id)
	}
	if o := sc.st.ownerOf(&sc.toks[sc.ms[mi].to-1]); o != nil {
		if id := sc.sentenceArmy(mi, o); id != "" {
			return sc.st.one(id) // "air strikes by the Sudanese Armed Forces ..., and noted that the army had taken delivery"
		}
		if id := sc.reporterArmy(mi); o == &sc.st.armyOwner && id != "" {
			return sc.st.one(id) // "Moroccan media reported that the army had acquired ..."
		}
		if _, claimed := sc.claimAt(sc.ms[mi].from); claimed && *o != "" {
			// inside what is said, a state whose army was named keeps it:
			// "Kenya's president said the army had received drones" (Sudan's)
		} else if id := sc.subjectsState(mi); id != "" && (!sc.juntaRef(mi) || sc.x.lex.actors[juntaStates][id]) {
			return sc.st.one(id) // "Goita presided over a ceremony in Bamako where the army took delivery"
		}
		if *o != "" {
			return sc.st.one(*o) // "the army": whose army was named
		}
		if d := sc.x.datelineState(sc.toks, sc.st); o == &sc.st.governmentOwner && d != "" && (sc.st.stateCounts.of(d) > 0 || sc.namesState(d)) {
			return sc.st.one(d) // "BANGUI, ... The government accused ...": the dateline's, the article (this sentence too) naming it
		} else if o == &sc.st.armyOwner && d != "" && 2*sc.st.stateCounts.of(d) >= sc.st.maxStateCount() && !sc.modifiesHead(mi) {
			return sc.st.one(d) // "PORT SUDAN - ... the army": the dateline's, when the article is about it (not a conference's host)
		} else if o == &sc.st.ministryOwner {
			if p := sc.x.officialState(sc.toks, sc.ms[mi].from, sc.st); p != "" && 2*sc.st.stateCounts.of(p) >= sc.st.maxStateCount() {
				return sc.st.one(p) // "NEW DELHI - The foreign ministry spokesman said": as "The Foreign Ministry" (unstatedBody)
			}
		}
	}
	if r := sc.juntaState(mi); r != nil {
		return r
	}
	var r []graph.ActorID
	// "the ministry", "the military", "the junta": the state the article
	// is about, named most often so far (ties: the last one in subject position)
	best, n := sc.st.lastState, 0
	if best != "" {
		n = sc.st.stateCounts.of(best)
	}
	for _, e := range sc.st.stateCounts.list {
		id, k := e.id, e.n
		if k > n || k == n && id < best && best != sc.st.lastState {
			best, n = id, k
		}
	}
	if best != "" {
		r = sc.st.one(best)
	} else {
		r = sc.st.lastSubject
	}
	return r
}

// headNamed resolves "the regime" (a reference whose noun is of class
// owned-head) to the state last named with that noun: the nearest name of
// the sentence before it ("condemned the crimes of the Zionist regime ...,
// and said the regime bears full responsibility"), else the last before
// the sentence ("the Israeli regime ... Germany is the regime's
// second-largest arms supplier"), whatever state the article names most.
// "" when no state was named so.
func (sc *scope) headNamed(mi int) graph.ActorID {
	h := &sc.toks[sc.ms[mi].to-1]
	if !h.in(lcOwnedHead) || len(sc.st.headOwner) == 0 && !sc.headInSentence(mi, h) {
		return ""
	}
	for k := mi - 1; k >= 0; k-- {
		m := &sc.ms[k]
		if m.pron != "" || m.person || m.to-1 <= m.nFrom || sc.toks[m.to-1].low != h.low {
			continue
		}
		if a, ok := sc.x.mentionActor(m); ok && a.Type == graph.Country {
			return m.id
		}
	}
	return sc.st.headOwner[h.low]
}

// headInSentence reports the noun h before mention mi in its sentence.
func (sc *scope) headInSentence(mi int, h *token) bool {
	for k := sc.s.from; k < sc.ms[mi].from; k++ {
		if sc.toks[k].low == h.low {
			return true
		}
	}
	return false
}

// sentenceArmy returns the state whose army the sentence of "the army"
// (owner o) at mi named before it, by a name with an army head ("the
// Sudanese Armed Forces", "Sudan's army"): "condemned air strikes by the
// Sudanese Armed Forces ..., and noted that the army had taken delivery of
// drones from Iran" is Sudan's army, whatever state the article names
// most. The nearest such name counts; "" when there is none.
func (sc *scope) sentenceArmy(mi int, o *graph.ActorID) graph.ActorID {
	if o != &sc.st.armyOwner {
		return ""
	}
	for k := mi - 1; k >= 0; k-- {
		m := &sc.ms[k]
		if m.pron != "" || m.person || m.adj || m.to-1 <= m.nFrom || m.to > sc.ms[mi].from {
			continue
		}
		if a, ok := sc.x.mentionActor(m); ok && a.Type == graph.Country && sc.st.ownerOf(&sc.toks[m.to-1]) == &sc.st.armyOwner {
			return m.id
		}
	}
	return ""
}

// reporterArmy returns the state whose army "the army" at mi is when
// it opens what a speaker of one state reports: "Moroccan media reported
// that the army had acquired ..." (after "the Algerian army" was named),
// "Uganda's military spokesman said the army had never ...", "Defence
// Minister NAME said the army had entered ..." (the person's state). The
// speaker is what stands between the clause's start and the reporting
// verb; the state must have been named before the sentence, at least half
// as often as the state named most ("Kenya's president said the army had
// received drones" in a story about Sudan's war is Sudan's army). ""
// otherwise.
func (sc *scope) reporterArmy(mi int) graph.ActorID {
	r := sc.prevWord(sc.ms[mi].from)
	if r > sc.s.from && sc.toks[r].low == "that" {
		r = sc.prevWord(r)
	}
	for n := 0; n < reporterTimeWindow && r > sc.s.from && (sc.toks[r].in(lcTimeWord) || sc.toks[r].is(cWeekday)); n++ {
		r-- // "reported this year that the army", "said on Monday the army"
	}
	if r <= sc.s.from || !sc.toks[r].is(cReporting) || sc.toks[r].tg != 0 {
		return ""
	}
	lo := sc.s.from
	for t := r - 1; t > sc.s.from; t-- {
		if sc.toks[t].word && (sc.toks[t].is(cClauseBreak) || sc.toks[t].in(lcClauseConjunction) && sc.toks[t-1].low == ",") {
			lo = t + 1
			break
		}
	}
	var state graph.ActorID
	for k := mi - 1; k >= 0 && sc.ms[k].from >= lo; k-- {
		o := &sc.ms[k]
		if o.to > r {
			return "" // an actor between the verb and the army
		}
		id, _, ok := sc.mentionState(o)
		if o.pron != "" || ok && state != "" && id != state {
			return ""
		}
		if ok {
			state = id
		}
	}
	if n := sc.st.stateCounts.of(state); state == "" || n == 0 || 2*(n+1) < sc.st.maxStateCount() {
		return "" // "Sudan's army retook the town. Kenya's president said the army had received drones": a state named only here speaks of another's
	}
	return state
}

// reporterTimeWindow is how many time words may stand between a
// reporting verb and the clause it reports: "said on Monday that".
const reporterTimeWindow = 3

// juntaRef reports a reference naming a junta: "the junta", "the
// generals", "the junta's leaders".
func (sc *scope) juntaRef(mi int) bool {
	for k := sc.ms[mi].from; k < sc.ms[mi].to; k++ {
		if sc.toks[k].in(lcJuntaRef) {
			return true
		}
	}
	return false
}

// juntaStates is the lexicon's actor class of the states military rulers
// govern ("the junta" can mean only one of them).
const juntaStates = describedPrefix + "junta"

// juntaState resolves "the junta", "the generals" whose owner no phrase
// named ("Mali's military rulers") to the state of the junta-state class
// the article names most so far (ties: the lower id): "the junta" in a
// story from Dhaka about Myanmar is Myanmar's, in one about Niger and
// Benin Niger's, however often Benin is named. nil for other nouns, or
// when the article names no such state.
func (sc *scope) juntaState(mi int) []graph.ActorID {
	if !sc.juntaRef(mi) {
		return nil
	}
	juntas := sc.x.lex.actors[juntaStates]
	best, n := graph.ActorID(""), 0
	for _, e := range sc.st.stateCounts.list {
		id, k := e.id, e.n
		if juntas[id] && (k > n || k == n && id < best) {
			best, n = id, k
		}
	}
	if best == "" {
		return nil
	}
	return sc.st.one(best)
}

// subjectsState returns the state whose official, body or name is the
// subject of the sentence of the reference mi ("the army", "the
// government", "the ministry", "the junta") when no other state is named
// before mi in the sentence, and the article (this sentence included)
// names that state at least half as often as its most named one: "Government spokesman NAME
// dismissed the withdrawal, saying the army had recaptured the towns",
// "President NAME ordered the army to arrest those responsible" (his
// state's army, not the state the article named most or whose army it
// named last). The reference must open a clause of its own (after "where",
// "while", "that", "saying"): the object of the subject's verb is another
// party ("The US ambassador accused the government"). "" otherwise.
func (sc *scope) subjectsState(mi int) graph.ActorID {
	p := sc.prevWord(sc.ms[mi].from)
	if p < sc.s.from || !(sc.toks[p].is(cClauseBreak) || sc.toks[p].low == "that" || sc.toks[p].in(lcSayVerb)) {
		return "" // not the subject of a clause of its own: "the US ambassador accused the government"
	}
	var state graph.ActorID
	here := 0 // the state's mentions before mi: the sentence counts too
	for k := 0; k < mi; k++ {
		m := &sc.ms[k]
		if m.pron != "" {
			continue
		}
		id, a, ok := sc.mentionState(m)
		if !ok {
			continue
		}
		if a.Type != graph.Country || state != "" && id != state {
			return "" // a territory, or two states: no one's for sure
		}
		if state == "" && (m.group != 0 || !sc.eligible(m.group) || sc.ms[sc.grp[m.group][0]].from != m.from || len(sc.grp[m.group]) > 1) {
			return "" // the first state named is not the sentence's lone subject
		}
		state = id
		here++
	}
	if state == "" || 2*(sc.st.stateCounts.of(state)+here) < sc.st.maxStateCount() {
		return ""
	}
	return state
}

// namesState reports a mention of the sentence that names the state id
// (by name, demonym or official): the article's count of it is kept only
// once the sentence is read.
func (sc *scope) namesState(id graph.ActorID) bool {
	for k := range sc.ms {
		if s, _, ok := sc.mentionState(&sc.ms[k]); ok && s == id && sc.ms[k].pron == "" {
			return true
		}
	}
	return false
}

// modifiesHead reports a reference at mi right before a head noun, a
// modifier of it: "the military authorities in Niamey" (a junta, which
// the dateline does not place).
func (sc *scope) modifiesHead(mi int) bool {
	k := sc.ms[mi].to
	return k < sc.s.to && sc.toks[k].word && !sc.toks[k].cap && sc.toks[k].is(cHead)
}

// maxStateCount is how often the state the article names most was named
// so far.
func (st *articleState) maxStateCount() int {
	return st.stateCounts.most
}

// claimantsOwn resolves "the government" or "the ministry" inside what a
// state, its body or its official says to that state ("Singapore's
// foreign ministry said the government had not authorised any transfer"):
// a state speaks of its own government. Not "the army" or "the junta",
// which a claim often names as another state's.
func (sc *scope) claimantsOwn(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	noun := sc.toks[m.to-1].low
	if !sc.x.lex.has(lcGovernmentRef, noun) && !sc.x.lex.has(lcMinistryRef, noun) {
		return nil
	}
	p := sc.prevWord(m.from)
	if p < sc.s.from || sc.toks[p].low != "that" && !sc.toks[p].in(lcSayVerb) {
		return nil // the subject of what is said, not "accused the government"
	}
	c, ok := sc.claimAt(m.from)
	if !ok || c.by == "" {
		return nil
	}
	id := c.by
	if aff := sc.affOf(id); aff != "" {
		id = aff
	}
	if a, ok := sc.x.actor(id); !ok || a.Type != graph.Country {
		return nil
	}
	return sc.st.one(id)
}

// ownerOf returns where the state owning the institution a noun names is
// kept: "army", "military", "forces" (class army-ref), "junta", "generals"
// (junta-ref) or "ministry" (ministry-ref); nil for other nouns. The
// noun is a token, its classes read by id.
func (st *articleState) ownerOf(noun *token) *graph.ActorID {
	switch {
	case noun.in(lcArmyRef):
		return &st.armyOwner
	case noun.in(lcJuntaRef):
		return &st.juntaOwner
	case noun.in(lcMinistryRef):
		return &st.ministryOwner
	case noun.in(lcGovernmentRef):
		return &st.governmentOwner
	}
	return nil
}

// resolveHisState resolves "his government": the state of the last person.
func (sc *scope) resolveHisState(mi int) []graph.ActorID {
	var r []graph.ActorID
	p := sc.st.lastPerson
	for k := mi - 1; k >= 0; k-- {
		if sc.ms[k].person && sc.ms[k].pron == "" {
			p = sc.ms[k].id
			break
		}
	}
	if aff := sc.affOf(p); aff != "" {
		r = sc.st.one(aff)
	}
	return r
}

// resolveGroup resolves "the group", "the rebels": the last armed group of
// the sentence (or the group of the last person of it who speaks for one),
// else the one the article names most.
func (sc *scope) resolveGroup(mi int) []graph.ActorID {
	var r []graph.ActorID
	if k := sc.argumentGroup(mi); k >= 0 && sc.groupFits(mi, sc.ms[k].id) {
		return sc.st.one(sc.ms[k].id)
	}
	for k := mi - 1; k >= 0 && r == nil; k-- {
		if sc.ms[k].pron != "" {
			continue
		}
		if sc.isGroup(sc.ms[k].id) && sc.groupFits(mi, sc.ms[k].id) {
			r = sc.st.one(sc.ms[k].id)
		} else if aff := sc.affOf(sc.ms[k].id); sc.ms[k].person && aff != "" && sc.isGroup(aff) && sc.groupFits(mi, aff) {
			r = sc.st.one(aff) // "Houthi spokesman Yahya Saree said the group ...": his group
		}
	}
	if id := sc.st.apposedGroup; r == nil && id != "" && sc.st.sentences-sc.st.apposedGroupAt <= 1 && sc.groupFits(mi, id) {
		r = sc.st.one(id) // "fighters of the TTP, a separate militant group ... . Islamabad accuses India of funding the group"
	}
	if r == nil {
		// the armed group the article is about: named most often so far
		// (ties: the last one named if it is among them, else the lowest
		// id, as for "state", so that map order never decides)
		best, n := graph.ActorID(""), 0
		last := sc.st.lastGroupActor
		for _, e := range sc.st.groupCounts.list {
			id, c := e.id, e.n
			if !sc.groupFits(mi, id) {
				continue
			}
			if c > n || c == n && (id == last || best != last && id < best) {
				best, n = id, c
			}
		}
		if best != "" {
			r = sc.st.one(best)
		}
	}
	return r
}

// groupApposWindow bounds the words of an apposition that calls a group a
// group: ", a separate militant group".
const groupApposWindow = 4

// apposedGroupNoun reports a group's name followed by an apposition that
// calls it a group (", a separate militant group", ", an armed
// movement"): the group the next sentence's "the group" means most, as
// the one the story just introduced, whichever group it named more often.
func (sc *scope) apposedGroupNoun(m *mention) bool {
	k := m.to
	if k+2 >= sc.s.to || sc.toks[k].low != "," || sc.toks[k+1].low != "a" && sc.toks[k+1].low != "an" {
		return false
	}
	for j := k + 2; j < sc.s.to && j <= k+1+groupApposWindow; j++ {
		if sc.toks[j].is(cGroupRef) {
			return true
		}
		if !sc.toks[j].word || sc.toks[j].cap && !sc.toks[j].hyphen {
			return false
		}
	}
	return false
}

// contractorClass is the lexicon's actor class of private military
// companies: "the rebels", "the insurgents" are never one of them.
const contractorClass = describedPrefix + "contractor"

// groupFits reports whether the group id fits the noun of the group
// reference mi: a rebel noun ("the rebels", "the insurgents", "the
// jihadists") no private military company (the Wagner Group named in a
// story of Tuareg rebels who ambushed its fighters).
func (sc *scope) groupFits(mi int, id graph.ActorID) bool {
	return !sc.toks[sc.ms[mi].to-1].in(lcRebelNoun) || !sc.x.lex.actors[contractorClass][id]
}

// argumentGroup returns the nearest armed group named before "the group"
// at mi in the sentence as a clause's subject or object, when a nearer one
// is named only in a weaker place: as a noun's modifier ("the SDF were
// harbouring foreign PKK cadres ... and accused the group"), after a
// word of comparison ("regards the YPG as indistinguishable from the PKK"), or
// inside a relative clause ("the SDF, which he described as dominated by
// the YPG, ... accused the group"). -1 when the nearest group is in an
// argument place itself (resolveGroup takes it) or none is.
func (sc *scope) argumentGroup(mi int) int {
	weakSeen := false
	for k := mi - 1; k >= 0; k-- {
		m := &sc.ms[k]
		if m.pron != "" || m.person || !sc.isGroup(m.id) {
			continue
		}
		if sc.weakGroupPlace(k) {
			weakSeen = true
			continue
		}
		if weakSeen {
			return k
		}
		return -1
	}
	return -1
}

// weakGroupPlace reports a mention k that stands where it is no clause's
// argument: see argumentGroup.
func (sc *scope) weakGroupPlace(k int) bool {
	m := &sc.ms[k]
	if sc.inRelative(m.from) {
		return true
	}
	if p := sc.prevWord(m.from); p >= sc.s.from {
		if sc.toks[p].in(lcComparisonWord) || sc.toks[p].low == "from" && p-1 >= sc.s.from && sc.toks[p-1].in(lcComparisonWord) {
			return true
		}
	}
	if m.to >= sc.s.to {
		return false
	}
	t := &sc.toks[m.to]
	return t.word && !t.cap && presentForm(t.low) && !t.is(cReporting|cTrigger|cAux|cBe|cPreposition|cClauseBreak|cPronoun)
}

// resolvePossessive resolves its/their: the nearest actor before (their:
// its whole group), else the last group or subject.
func (sc *scope) resolvePossessive(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if m.pron == "its" || m.pron == "their" {
		if r := sc.coordinatedOwner(mi); r != nil {
			return r
		}
	}
	var r []graph.ActorID
	var subj []graph.ActorID
	var subjIdx []int
	if m.pron == "its" && (sc.objectPosition(m.from) || sc.itsAfterCopula(m.from)) {
		// "Serbia recognised its independence", "Sweden became its 32nd
		// member": not the verb's own subject
		subjIdx = sc.subject(m.from-1, sc.s.from)
		for _, k := range subjIdx {
			subj = append(subj, sc.ms[k].id)
		}
	}
	if m.pron == "their" {
		r = sc.theirGroup(mi)
	}
	for k := mi - 1; k >= 0 && r == nil; k-- {
		if sc.named(k) && !sc.ms[k].person && !sc.bareModifier(k, m.from) && !(m.pron == "its" && sc.pluralHead(k)) && !slices.Contains(subj, sc.ms[k].id) && !sc.placeIn(k) {
			if m.pron == "their" && len(sc.grp[sc.ms[k].group]) >= 2 {
				r = sc.ids(sc.grp[sc.ms[k].group])
			} else {
				r = sc.nounAntecedent(k)
			}
		}
	}
	if r == nil && len(subjIdx) == 1 {
		// "Algeria recalled its ambassador": no other actor before, so
		// the verb's own subject rather than an older sentence's
		r = sc.ids(subjIdx)
	}
	if r == nil && m.pron == "their" {
		r = sc.st.lastGroup
	}
	if r == nil {
		r = sc.st.lastSubject
	}
	return r
}

// theirGroup returns the nearest group of two or more named actors before
// "their" at mi in its sentence, when only single actors that are no
// plural name stand between ("the U.S., Japan and the ROK ... condemned
// the test as a violation of the UN Security Council resolutions, ... the
// minister rejected their assertion"): nil if none.
func (sc *scope) theirGroup(mi int) []graph.ActorID {
	var subj []int
	seen := false
	for k := mi - 1; k >= 0; k-- {
		o := &sc.ms[k]
		if o.person {
			continue
		}
		if o.pron == "" && o.act != nil && o.act.Type == graph.Group && o.act.ID == o.id {
			return nil // "the Houthis ... their": a group is a plural
		}
		if g := sc.grp[o.group]; len(g) < 2 || !sc.named(k) {
			continue
		}
		if !seen {
			seen = true
			if from := sc.ms[mi].from; sc.objectPosition(from) {
				subj = sc.subject(from-1, sc.s.from) // "A and B struck their launchers": not the verb's own subject
			}
		}
		if !slices.Contains(subj, k) {
			return sc.ids(sc.grp[o.group])
		}
	}
	return nil
}

// coordinatedOwner resolves "its" or "their" that opens a clause
// coordinated with the one before (", and its officials", ", but its
// relations"; class clause-conjunction) to what the sentence opens with,
// the first clause's subject: "Ethiopia has not recognised Somaliland, and
// its officials have denied ..." (not Somaliland, the nearest); "Greece
// and Turkey are both members of NATO, and their leaders ...". nil unless
// the sentence opens with one actor that is not a person (for "their",
// a group of two or more), after nothing but its dateline or an opening
// phrase set off by a comma ("For now, Iran has not sent troops ..., and
// its officials"), and no clause before it ("After Russia invaded,
// Finland joined NATO, and its").
func (sc *scope) coordinatedOwner(mi int) []graph.ActorID {
	c := sc.ms[mi].from - 1
	if c-1 <= sc.s.from || !sc.toks[c].in(lcClauseConjunction) || sc.toks[c-1].low != "," {
		return nil
	}
	for k := 0; k < mi; k++ {
		o := &sc.ms[k]
		if o.pron == "its" && k+1 < mi {
			continue // "For its part, the Polisario Front condemned ..."
		}
		p := sc.prevWord(o.from)
		g := sc.grp[o.group]
		if !sc.named(k) || o.person || o.adj || (len(g) > 1) != (sc.ms[mi].pron == "their") || p >= sc.s.from && sc.toks[p].word {
			return nil
		}
		for t := sc.s.from; t < o.from; t++ {
			if sc.toks[t].word && sc.toks[t].is(cClauseBreak) {
				return nil
			}
		}
		if len(g) > 1 {
			return sc.openingGroup(g, mi)
		}
		return sc.nounAntecedent(k)
	}
	return nil
}

// openingGroup returns the actors of the group g a sentence opens with,
// all of them named and none a person, or nil.
func (sc *scope) openingGroup(g []int, mi int) []graph.ActorID {
	for _, k := range g {
		if k >= mi || !sc.named(k) || sc.ms[k].pron != "" || sc.ms[k].person || sc.ms[k].adj {
			return nil
		}
	}
	return sc.ids(g)
}

// named reports a mention that names its actor by a noun phrase: a name,
// or a reference by noun ("the military", "the alliance", "the group",
// "the kingdom"), which a pronoun may take as its antecedent ("the
// military had acted ... and that it purchased weapons"); not another
// pronoun.
func (sc *scope) named(k int) bool {
	// the kinds of mention that referenceAt, bodyRef and descriptionRef
	// give a reference by noun (tags, not words of the text)
	switch sc.ms[k].pron {
	case "":
		return true
	case "state":
		return true
	case "body":
		return true
	case "group":
		return true
	case "desc":
		return true
	}
	return false
}

// nounAntecedent returns the actor a named mention k stands for (one).
func (sc *scope) nounAntecedent(k int) []graph.ActorID {
	if sc.ms[k].pron == "" {
		return sc.st.one(sc.ms[k].id)
	}
	if r := sc.resolve(k); len(r) == 1 {
		return r
	}
	return nil
}

// pluralHead reports a mention headed by a plural noun ("Russian troops",
// "Iranian officials"): no antecedent of "its" ("allowed Russian troops
// to use its territory").
func (sc *scope) pluralHead(k int) bool {
	m := &sc.ms[k]
	if m.to-1 <= m.nFrom || !sc.toks[m.to-1].is(cHead) {
		return false
	}
	h := sc.toks[m.to-1].low
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss")
}

// bareModifier reports a bare demonym or name modifier before the
// pronoun at j ("fragments of Russian drones on its territory", "also a
// NATO member, ... its"): no antecedent of "its", unless an infinitive
// between makes it the doer ("the Greek decision to extend its waters").
func (sc *scope) bareModifier(k, j int) bool {
	m := &sc.ms[k]
	if !m.adj {
		return false
	}
	for t := m.to; t < j; t++ {
		if sc.toks[t].low == "to" {
			return false
		}
	}
	return true
}

// resolvePlural resolves they/them and "the three countries": the last
// group of that size, else the last group, actor or subject.
func (sc *scope) resolvePlural(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if r := sc.communiqueParties(m); r != nil {
		return r
	}
	var r []graph.ActorID
	if n := sc.x.lex.pluralSize(sc.toks, m.from, m.to); n > 0 {
		if r = sc.resolveCounted(mi, n); r == nil {
			return nil
		}
	} else {
		r = sc.saidSubject(mi)
	}
	for k := mi - 1; k >= 0 && r == nil; k-- {
		g := sc.ms[k].group
		if len(sc.grp[g]) >= 2 && sc.ms[k].pron == "" {
			r = sc.ids(sc.grp[g])
		}
	}
	for k := mi - 1; k >= 0 && r == nil; k-- {
		if sc.pluralGroupRef(k) {
			r = sc.resolve(k) // "fought alongside the rebels and that Kigali had supplied them"
		}
	}
	subj := sc.objectSubject(m.from)
	for k := mi - 1; k >= 0 && r == nil; k-- {
		if sc.ms[k].pron == "" && !sc.ms[k].person && sc.eligible(sc.ms[k].group) && !slices.Contains(subj, sc.ms[k].id) {
			r = sc.st.one(sc.ms[k].id)
		}
	}
	if r == nil && subj != nil {
		r = sc.peopleBefore() // "Ukrainian gunners are short of shells. Prague will ship them ..."
	}
	if r == nil {
		r = sc.st.lastGroup
	}
	if r == nil {
		r = sc.st.lastSubject
	}
	return r
}

// saidSubject resolves "they" right after "X said" or "X have said
// that" to X, the one saying ("Caracas, whose allies include Russia and
// Cuba, ..., and Russian officials have said they will keep delivering
// spare parts": Russia, not the group before); nil when no mention ends
// right before the saying, or a person's does.
func (sc *scope) saidSubject(mi int) []graph.ActorID {
	j := sc.ms[mi].from - 1
	if j > sc.s.from && sc.toks[j].low == "that" {
		j--
	}
	if j <= sc.s.from || !sc.toks[j].in(lcSayVerb) {
		return nil
	}
	if j--; j > sc.s.from && sc.toks[j].in(lcHaveVerb) {
		j--
	}
	k := mi - 1
	if k < 0 || sc.ms[k].to != j+1 || sc.ms[k].person {
		return nil
	}
	if g := sc.grp[sc.ms[k].group]; len(g) >= 2 {
		return sc.ids(g)
	}
	return sc.resolve(k)
}

// resolveCounted resolves a plural reference that counts its members
// ("the three countries", "the two regions": of two territories,
// territory-ref) to a group of n: see resolvePlural; nil if none.
func (sc *scope) resolveCounted(mi, n int) []graph.ActorID {
	m := &sc.ms[mi]
	var r []graph.ActorID
	// "the three countries": the last group of three; "the two
	// regions": of two territories (territory-ref)
	terr := sc.toks[m.to-1].in(lcTerritoryRef)
	if g := sc.namedAfterOf(mi, n); g != nil {
		return sc.ids(g) // "the three juntas of Mali, Burkina Faso and Niger"
	}
	if r, ok := sc.bondPair(mi, n); ok {
		return r // "cut ties with Taipei and recognised Beijing, and the two countries ..."
	}
	for k := mi - 1; k >= 0 && r == nil; k-- {
		if g := sc.grp[sc.ms[k].group]; len(g) == n && sc.ms[k].pron == "" && (!terr || sc.x.allTerritories(sc.ids(g))) && sc.distinctParties(sc.ids(g)) {
			r = sc.ids(g)
		}
	}
	named := false
	if r == nil && !terr {
		// "A signed a treaty with B, under which the two sides ...":
		// the states of this sentence before an older group
		r, named = sc.statesBefore(mi, n)
	}
	if r == nil && !named && !terr && sc.metBeforeGroup(mi, n) {
		r = sc.st.hold(sc.st.prevMet...) // "B's navy receives ships from A. The air forces of the two countries ..."
	}
	if r == nil && !named && !terr {
		r = sc.recentStates(mi, n) // "Moscow donated jets to Serbia, and Belarus ... from Russia. The armed forces of the three countries"
	}
	for k := len(sc.st.groups) - 1; k >= 0 && r == nil; k-- {
		if len(sc.st.groups[k]) == n && (!terr || sc.x.allTerritories(sc.st.groups[k])) && sc.distinctParties(sc.st.groups[k]) {
			r = sc.st.groups[k]
		}
	}
	if terr && r == nil {
		return nil
	}
	if r == nil && !named && len(sc.st.prevStates) == n {
		r = sc.st.hold(sc.st.prevStates...) // "A and B said they stood with C. The three countries ..."
	}
	if r == nil && !named && len(sc.st.prevMet) == n {
		r = sc.st.hold(sc.st.prevMet...) // "A's president received B's prime minister. The two countries ..."
	}
	return r
}

// recentStates returns the states the last two sentences named, when they
// are n, three or more, and the mention at mi is a plural of states ("the
// three countries"; a pair has its own readings, bondPair and prevMet): "In 2017, Moscow donated six MiG-29s to Serbia, and Belarus
// handed over four more in 2019. Belgrade also received Pantsir systems
// from Russia. The armed forces of the three countries held ...": the
// states just told, not an older list of three ("firms registered in the
// Czech Republic, Poland and Bulgaria" many sentences before); nil
// otherwise.
func (sc *scope) recentStates(mi, n int) []graph.ActorID {
	var u [recentStatesMax]graph.ActorID
	if n < 3 || n > len(u) || len(sc.st.prevStates2)+len(sc.st.prevStates) < n || !sc.toks[sc.ms[mi].to-1].in(lcStatePlural) {
		return nil
	}
	k := 0
	for _, ids := range [2][]graph.ActorID{sc.st.prevStates2, sc.st.prevStates} {
		for _, id := range ids {
			if slices.Contains(u[:k], id) {
				continue
			}
			if k == n {
				return nil // more states than the count
			}
			u[k] = id
			k++
		}
	}
	if k != n || !sc.distinctParties(u[:k]) {
		return nil
	}
	return sc.st.hold(u[:k]...)
}

// recentStatesMax: the largest count recentStates reads ("the five
// countries").
const recentStatesMax = 6

// metBeforeGroup reports that "the two countries" at mi, opening a
// sentence that names no state before it, means the n states the sentence
// before named (st.prevMet) rather than the last group of n named in an
// older sentence: the last pair told is the pair meant. A group the
// sentence before named itself stays first, as does an older group of
// territories ("the two republics"); only a plural of states counts (not
// "the two leaders"), and a state the rest of the sentence names outside
// the pair shows another one ("the two countries signed ... during a visit
// by Russia's president").
func (sc *scope) metBeforeGroup(mi, n int) bool {
	if len(sc.st.prevMet) != n || !sc.toks[sc.ms[mi].to-1].in(lcStatePlural) {
		return false
	}
	for k := mi + 1; k < len(sc.ms); k++ {
		if id, a, ok := sc.mentionState(&sc.ms[k]); ok && a.Type == graph.Country && !slices.Contains(sc.st.prevMet, id) {
			return false
		}
	}
	for k := len(sc.st.groups) - 1; k >= 0; k-- {
		if g := sc.st.groups[k]; len(g) == n && sc.distinctParties(g) {
			return !sc.x.allTerritories(g) && !sc.namedBefore(g)
		}
	}
	return false
}

// namedBefore reports that the sentence before named every actor of g
// (itself or an official's state).
func (sc *scope) namedBefore(g []graph.ActorID) bool {
	for _, id := range g {
		if !slices.Contains(sc.st.prevStates, id) && !slices.Contains(sc.st.prevMet, id) && !slices.Contains(sc.st.prevMet, sc.affOf(id)) {
			return false
		}
	}
	return true
}

// namedAfterOf returns the group of n names right after the plural
// reference mi and "of" or a comma, which names its members: "the three
// juntas of Mali, Burkina Faso and Niger", "the alliance between the two
// countries, South Korea and the United States," ("the two countries of
// the Korean peninsula": no group, nil).
func (sc *scope) namedAfterOf(mi, n int) []int {
	m := &sc.ms[mi]
	if mi+1 >= len(sc.ms) || m.to >= sc.s.to || sc.toks[m.to].low != "of" && sc.toks[m.to].low != "," {
		return nil // "of" or an apposition: "the two countries, Japan and Australia,"
	}
	next := &sc.ms[mi+1]
	if next.from != m.to+1 || next.pron != "" {
		return nil
	}
	if g := sc.grp[next.group]; len(g) == n && g[0] == mi+1 {
		return g
	}
	return nil
}

// pluralGroupRef reports a reference to an armed group by a plural noun
// ("the rebels", "the militants"): a plural pronoun after it in the
// sentence is that group before any single name ("Kigali had supplied
// them").
func (sc *scope) pluralGroupRef(k int) bool {
	m := &sc.ms[k]
	if m.pron != "group" {
		return false
	}
	head := &sc.toks[m.to-1]
	return strings.HasSuffix(head.low, "s") && head.is(cGroupRef)
}

// allTerritories reports whether every actor of ids is a territory (a
// breakaway region, a self-proclaimed republic), not a state or body.
func (x *Extractor) allTerritories(ids []graph.ActorID) bool {
	for _, id := range ids {
		if a, ok := x.actor(id); !ok || a.Type != graph.Territory {
			return false
		}
	}
	return len(ids) > 0
}

// resolveCollective resolves "the Nordic countries", "the Gulf
// monarchies": the last group of two or more states named before it in
// the sentence ("blocking the bids of Sweden and Finland, accusing the
// Nordic countries of ..."); nothing when the sentence names none, since
// such a phrase often means states the article never names.
func (sc *scope) resolveCollective(mi int) []graph.ActorID {
	members := sc.regionMembers(mi)
	for k := mi - 1; k >= 0; k-- {
		g := sc.grp[sc.ms[k].group]
		if len(g) < 2 || sc.ms[k].pron != "" {
			continue
		}
		ids := sc.ids(g)
		all := true
		for gi := range g {
			_, _, ok := sc.mentionState(&sc.ms[g[gi]])
			all = all && ok
		}
		if all && (members == nil || allIn(ids, members)) {
			return ids
		}
		k = g[0]
	}
	if members != nil {
		return sortedIDs(mapKeys(members))
	}
	return nil
}

// regionPrefix starts the lexicon's actor classes of the regions whose
// states are known: "actors region-baltic EST LVA LTU".
const regionPrefix = "region-"

// regionMembers returns the states of the region a regional reference
// at mention mi names ("the Baltic states", "the three Nordic
// countries"), when the lexicon lists them (region-WORD); else nil. A
// group named before in the sentence is the reference only when all its
// states are of the region: "Poland and Germany ... the Baltic states"
// is Estonia, Latvia and Lithuania.
func (sc *scope) regionMembers(mi int) map[graph.ActorID]bool {
	m := &sc.ms[mi]
	for k := m.from + 1; k < m.to; k++ {
		if t := &sc.toks[k]; t.in(lcRegionModifier) {
			if ids := sc.x.lex.actors[regionPrefix+t.low]; ids != nil {
				return ids
			}
		}
	}
	return nil
}

func allIn(ids []graph.ActorID, set map[graph.ActorID]bool) bool {
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return true
}

func mapKeys(set map[graph.ActorID]bool) []graph.ActorID {
	out := make([]graph.ActorID, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	return out
}

// statesBefore returns the states named before mention mi in the
// sentence when there are exactly n of them: the countries alone first
// ("Russia, which deployed peacekeepers to Karabakh, is bound to Armenia
// ..., and both countries"), else with the territories that act as states
// ("Russia signed a treaty with Abkhazia, under which the two sides"). It
// reports whether the sentence named any state before mi.
func (sc *scope) statesBefore(mi, n int) ([]graph.ActorID, bool) {
	var countries, states []graph.ActorID
	for k := 0; k < mi; k++ {
		m := &sc.ms[k]
		if m.pron != "" {
			continue // a demonym counts: "with his Somali, Turkish and Djiboutian counterparts"
		}
		id, a, ok := sc.mentionState(m)
		if !ok || slices.Contains(states, id) {
			continue
		}
		states = append(states, id)
		if a.Type == graph.Country {
			countries = append(countries, id)
		}
	}
	switch {
	case len(countries) == n:
		return sc.st.hold(countries...), true
	case len(states) == n:
		return sc.st.hold(states...), true
	}
	return nil, len(states) > 0
}

// mentionState returns the state or territory a named mention is, or the one
// an official it names speaks for ("Erdogan warned Greece ... between the
// two NATO allies": Turkey and Greece).
func (sc *scope) mentionState(m *mention) (graph.ActorID, *graph.Actor, bool) {
	a, ok := sc.x.mentionActor(m)
	id := m.id
	if m.person || ok && a.Type == graph.Person {
		if ok {
			id = a.Affiliation // sc.affOf(m.id) without the lookup
		} else {
			id = sc.affOf(m.id)
		}
		a, ok = sc.x.actor(id)
	}
	if !ok || !stateLike(a) {
		return "", nil, false
	}
	return id, a, true
}

// one returns a slice of the single id: see hold.
func (st *articleState) one(id graph.ActorID) []graph.ActorID {
	return st.hold(id)
}

// hold returns a copy of ids cut from a buffer of the article rather than
// allocated: resolve and remember make many, and none is written to. Its
// capacity ends at its length, so that an append copies it.
func (st *articleState) hold(ids ...graph.ActorID) []graph.ActorID {
	st.room(len(ids))
	n := len(st.ones)
	st.ones = append(st.ones, ids...)
	return st.ones[n:len(st.ones):len(st.ones)]
}

// room makes room in ones for n more ids: a new buffer, twice the last,
// when they do not fit (the slices cut from the last keep it; the next
// article reuses the largest).
func (st *articleState) room(n int) {
	if cap(st.ones)-len(st.ones) < n {
		st.ones = make([]graph.ActorID, 0, max(2*cap(st.ones), 32, n))
	}
}

// isGroup reports an armed group or movement.
func (sc *scope) isGroup(id graph.ActorID) bool {
	if a, ok := sc.x.actor(id); ok {
		return a.Type == graph.Group
	}
	return sc.st.newPersons[id].Type == graph.Group // introduced by the article
}

// remember passes this sentence's people and subjects on to the next.
func (sc *scope) remember() {
	sc.rememberRelations()
	sc.rememberGenders()
	sc.countNamed()
	subjectSet := false
	for g, members := range sc.grp {
		// the ids are read from a buffer and copied only when kept
		ids := sc.appendIDs(sc.idBuf[:0], members)
		sc.idBuf = ids
		if len(ids) == 0 {
			continue
		}
		var kept []graph.ActorID
		keep := func() []graph.ActorID {
			if kept == nil {
				kept = sc.st.hold(ids...)
			}
			return kept
		}
		if len(ids) >= 2 {
			sc.st.lastGroup, sc.st.lastGroupAt = keep(), sc.st.sentences
			sc.st.groups = append(sc.st.groups, keep())
		}
		m := &sc.ms[members[0]]
		if m.person || m.pron == "he" || m.pron == "she" {
			sc.st.lastPerson = ids[0]
			continue
		}
		if !subjectSet && sc.eligible(g) && (m.pron == "" || sc.referenceSubject(m)) {
			// a reference in subject place is the subject as a name is:
			// "The army has faced scrutiny ... Officials said it has
			// received drones" (the army's state, not an older subject)
			sc.st.lastSubject, sc.st.lastSubjectAt = keep(), sc.st.sentences
			subjectSet = true
			if a, ok := sc.x.actor(ids[0]); ok && a.Type == graph.Country {
				sc.st.lastState = ids[0]
			}
		}
	}
	sc.rememberPeople()
	sc.rememberAct()
	sc.rememberUnnamedTitles()
	sc.rememberSpeaker()
}

// rememberSpeaker makes the speaker of the sentence ("'...,' Isaias said")
// who "he" means next.
func (sc *scope) rememberSpeaker() {
	if sc.cls&cReporting == 0 {
		return // no verb of saying
	}
	sent := sc.toks[sc.s.from:sc.s.to]
	for k := range sent {
		if !sent[k].is(cReporting) || sent[k].cap {
			continue
		}
		r := sc.s.from + k
		if subj := sc.subject(r, sc.s.from); subj != nil {
			if m := &sc.ms[subj[0]]; m.person && m.pron == "" {
				sc.st.lastPerson = m.id
			} else if ids := sc.ids(subj[:1]); len(ids) == 1 && sc.unnamedOfficial(m) {
				// "a spokesperson for the DPRK Foreign Ministry said ...":
				// "he" next is that official, who speaks for the state
				sc.st.lastPerson = ids[0]
			}
		}
	}
}

// referenceSubject reports a reference that stands for one state or body
// by a noun ("the army", "the ministry", "the group", "the alliance", "the
// kingdom", "his government"): in subject place it is the subject "it"
// means next. Pronouns are not: "it" already means the last subject,
// "they" a group.
func (sc *scope) referenceSubject(m *mention) bool {
	if m.pron == "" || m.pron == "it" {
		return false
	}
	return sc.x.trie.table.pronOf(m.pron) == 0 // a reference the actor rules made, not a pronoun's word
}

// rememberUnnamedTitles makes an official named by title alone, who
// speaks for one actor ("a spokesperson for the DPRK Ministry of Foreign
// Affairs", "the Iranian foreign minister"), the holder of that title:
// "the spokesperson" next is that actor, not the last person the article
// named (a president, an envoy). A person named later with the title
// holds it again (noteTitles).
func (sc *scope) rememberUnnamedTitles() {
	for i := range sc.ms {
		m := &sc.ms[i]
		if m.pron != "" {
			continue
		}
		from, to := m.from, m.to
		if m.person {
			// "The spokesman for the Ministry of Foreign Affairs of Iran,
			// Nasser Kanaani, said": the role before the name is his
			if from, to = sc.appositiveRoleBefore(m.from), m.from; from < 0 {
				continue
			}
		} else if !sc.unnamedOfficial(m) {
			continue
		}
		for k := from; k < to; k++ {
			if t := &sc.toks[k]; t.is(cPersonTitle) {
				sc.st.titleHolder[t.low] = m.id
			}
		}
	}
}

// appositiveRoleWindow bounds the role phrase before a name in apposition,
// in tokens: "The spokesman for the Ministry of Foreign Affairs of the
// Islamic Republic of Iran," has fourteen.
const appositiveRoleWindow = 20

// appositiveRoleBefore returns where the role stands that a person's
// name at toks[n] follows in apposition ("The spokesman for the ministry,
// NAME,"): after a comma, a phrase that opens the sentence or a clause
// after a dash or comma and starts with a determiner or a title; -1 if
// none.
func (sc *scope) appositiveRoleBefore(n int) int {
	toks := sc.toks
	if n-2 < sc.s.from || toks[n-1].low != "," {
		return -1
	}
	c := n - 2
	for c > sc.s.from && n-c < appositiveRoleWindow && toks[c-1].low != "," && toks[c-1].low != "-" && toks[c-1].low != "--" {
		c--
	}
	if t := &toks[c]; c > sc.s.from && n-c >= appositiveRoleWindow || t.low != "the" && t.low != "a" && !t.is(cPersonTitle|cTitleWord) {
		return -1
	}
	return c
}

// unnamedOfficial reports a mention of an official by title alone ("a
// spokesperson for the ministry", "the spokesman"): a person-title word
// inside a mention that names no person.
func (sc *scope) unnamedOfficial(m *mention) bool {
	if m.person || m.pron == "he" || m.pron == "she" {
		return false
	}
	for k := m.from; k < m.to; k++ {
		if sc.toks[k].is(cPersonTitle) {
			return true
		}
	}
	return false
}

// countNamed counts the sentence's named states and armed groups and
// notes the last body of each actor class, for "the military", "the
// group", "the alliance".
func (sc *scope) countNamed() {
	sc.st.prevStates2 = append(sc.st.prevStates2[:0], sc.st.prevStates...)
	sc.st.prevStates = sc.st.prevStates[:0]
	sc.metStates()
	for i := range sc.ms {
		m := &sc.ms[i]
		if m.pron != "" {
			continue
		}
		a, ok := sc.x.mentionActor(m)
		if ok && a.Type == graph.Group {
			sc.st.lastGroupActor = m.id
			sc.st.groupCounts.add(m.id)
			if sc.apposedGroupNoun(m) {
				sc.st.apposedGroup, sc.st.apposedGroupAt = m.id, sc.st.sentences
			}
		}
		if ok && !m.adj && a.Type == graph.Country {
			var o *graph.ActorID // looked up only for a name with a head noun: most are one word
			if !m.person && m.to-1 > m.nFrom && (m.to >= sc.s.to || !sc.toks[m.to].in(lcArmyModified)) {
				o = sc.st.ownerOf(&sc.toks[m.to-1]) // not "the Russian military contractor"
			}
			if sc.militaryRulers(m) {
				sc.st.juntaOwner = m.id // "Mali's military rulers": "the junta" next
			}
			if !m.person && m.to-2 > m.nFrom && (sc.toks[m.to-2].in(lcArmyRef) || sc.toks[m.to-2].in(lcArmyLed)) && sc.toks[m.to-1].is(cGovHead) {
				sc.st.armyOwner = m.id // "Myanmar's military government", "Sudan's army-led government": "the military" is theirs too
			}
			if o != nil {
				*o = m.id // "Sudan's army", "the Sudanese Armed Forces", "the Malian junta"
			} else if k := m.to + 1; !m.person && k < sc.s.to && sc.toks[m.to].is(cInstitutionModifier) && sc.toks[k].in(lcMinistryRef) {
				sc.st.ministryOwner = m.id // "The UAE foreign ministry"
			}
			if h := &sc.toks[m.to-1]; !m.person && m.to-1 > m.nFrom && h.in(lcOwnedHead) {
				sc.st.headOwner[h.low] = m.id // "27 U.S. lawmakers", for "the lawmakers"
			}
			sc.st.stateCounts.add(m.id)
			if !slices.Contains(sc.st.prevStates, m.id) {
				sc.st.prevStates = append(sc.st.prevStates, m.id)
			}
		}
		for _, class := range sc.x.classesOf(m.id, a) {
			sc.st.lastBody[class] = m.id // for "the alliance", "the union"
			if class == "panel" {
				sc.countMandate(m)
			}
		}
	}
}

// countMandate counts the state a panel's name holds as named ("the UN
// Panel of Experts on Sudan" names Sudan for "the army" later, as "Sudan"
// alone would).
func (sc *scope) countMandate(m *mention) {
	for k := m.nFrom + 1; k < m.to; k++ {
		if ref, e, ok := sc.x.trie.longest(sc.toks, k, m.to); ok && e == m.to {
			if a, ok := sc.x.refActor(ref); ok && a.Type == graph.Country {
				sc.st.stateCounts.add(a.ID)
				return
			}
		}
	}
}

// metStates notes the states the sentence names, by name or by an
// official of theirs named with a person's name, in order
// (st.prevMet): "Lithuanian President NAME received his Polish
// counterpart NAME. The two countries are allies" means Lithuania and
// Poland. A bare demonym ("in the Chinese capital") names none.
func (sc *scope) metStates() {
	sc.st.prevMet = sc.st.prevMet[:0]
	for i := range sc.ms {
		m := &sc.ms[i]
		if m.pron != "" || m.adj {
			continue
		}
		if id, a, ok := sc.mentionState(m); ok && a.Type == graph.Country && !slices.Contains(sc.st.prevMet, id) {
			sc.st.prevMet = append(sc.st.prevMet, id)
		}
	}
}

// classedActors maps the dictionary actors (of actors, by id) that have
// actor classes to them: a handful ("the alliance", "the union").
func classedActors(lex *lexicon, actors map[graph.ActorID]*graph.Actor) map[*graph.Actor][]string {
	out := map[*graph.Actor][]string{}
	for id, classes := range lex.classesOf {
		if a, ok := actors[id]; ok {
			out[a] = classes
		}
	}
	return out
}

// classesOf returns the actor classes of id, whose dictionary actor is a
// (nil if none): found by a's address in x.classed rather than by id, a
// string, since countNamed asks it at every name.
func (x *Extractor) classesOf(id graph.ActorID, a *graph.Actor) []string {
	if a == nil {
		return x.lex.classesOf[id]
	}
	if !x.classedIDs.maybe(a.ID) {
		return nil // not an id of x.classed: most actors
	}
	return x.classed[a]
}

// emit records the relation rel between every source and target of the
// two groups at trigger i, applying the claim the trigger sits in.
func (sc *scope) emit(rel graph.Relation, src, tgt []int, i int, status graph.Status, by, disputed graph.ActorID) {
	if len(tgt) > 0 && sc.ms[tgt[0]].from > i && sc.toks[max(i, sc.prevWord(sc.ms[tgt[0]].from))].low == "neither" {
		return // "recognises neither Kosovo nor its government": an object negated
	}
	sc.emitEnds(rel, sc.ends(src), sc.ends(tgt), i, status, by, disputed)
}

// emitIDs is emit with targets known only by id (an accuser named in an
// earlier sentence): their span is the trigger's.
func (sc *scope) emitIDs(rel graph.Relation, src []int, tgt []graph.ActorID, i int, status graph.Status, by, disputed graph.ActorID) {
	var ends []endpoint // cut from the sentence's buffer, as ends does
	if len(tgt) > 0 {
		start := len(sc.eps)
		for _, id := range tgt {
			sc.eps = append(sc.eps, endpoint{id: id, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}})
		}
		ends = sc.eps[start:len(sc.eps):len(sc.eps)]
	}
	sc.emitEnds(rel, sc.ends(src), ends, i, status, by, disputed)
}

// selfRelated reports ends that no relation can join: an actor and
// itself, a person and the state it speaks for, and, for recognitions
// and alliances, two officials of one state ("the two sides" misread as
// a prime minister and his foreign minister); a sanctions panel in any
// relation but an accusation or a denial.
func (sc *scope) selfRelated(rel graph.Relation, s, t *endpoint) bool {
	if s.id == "" || t.id == "" || s.id == t.id || sc.aff(s) == t.id || sc.aff(t) == s.id {
		return true
	}
	if rel != graph.Accuses && rel != graph.Denies && (sc.x.isPanel(s.id) || sc.x.isPanel(t.id)) {
		return true // a sanctions panel only charges and is denied: "the experts also examined Uganda, whose forces ..."
	}
	return (rel == graph.Recognizes || rel == graph.AlliesWith) && sc.aff(s) != "" && sc.aff(s) == sc.aff(t)
}

// ownDenial reports an alliance or a recognition that one of its own
// parties denies, with no claimant named: "Tunisia denied reports that it
// had agreed to join an alliance with Turkey" leaves no tie (relations
// round 20).
func (sc *scope) ownDenial(rel graph.Relation, s, t *endpoint, disputed graph.ActorID, c claim, inClaim bool) bool {
	if rel != graph.AlliesWith && rel != graph.Recognizes {
		return false
	}
	if inClaim && c.disputed != "" {
		disputed = c.disputed
	}
	if inClaim && c.by != "" {
		return false // a named claimant's tie that a party disputes stays told: "dismissed Dacic's claims ... said A, which recognised Kosovo"
	}
	return disputed != "" && (sc.affiliated(disputed, s.id) || sc.affiliated(disputed, t.id))
}

func (sc *scope) emitEnds(rel graph.Relation, srcs, tgts []endpoint, i int, status graph.Status, by, disputed graph.ActorID) {
	if !rel.Symmetric() && overlap(srcs, tgts) {
		return // a group related to itself ("A, B and C said they condemned ...") is a misreading
	}
	c, inClaim := sc.claimAt(i)
	sc.st.events++
	if rel == graph.Recognizes && len(tgts) > 0 {
		sc.noteRecognizedEnds(tgts) // for "did so"
	}
	for si := range srcs {
		s := &srcs[si]
		for ti := range tgts {
			t := &tgts[ti]
			// sc.affiliated(s.id, t.id), with the actors the ends know
			if sc.selfRelated(rel, s, t) || inClaim && rel == graph.Supplies && sc.deniedReport(c, s.id) || sc.ownDenial(rel, s, t, disputed, c, inClaim) {
				continue
			}
			m := graph.Mention{
				Source: s.id, Relation: rel, Target: t.id,
				Sentence: sc.text[sc.s.start:sc.s.end],
				SentSpan: graph.Span{Start: sc.s.start, End: sc.s.end},
				SrcSpan:  s.span, TgtSpan: t.span,
				Trigger:  sc.toks[i].text,
				TrigSpan: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end},
				Status:   status, ClaimedBy: by, DisputedBy: disputed,
			}
			if inClaim && rel != graph.Accuses && rel != graph.Denies {
				if c.by != "" && m.ClaimedBy == "" && !sc.affiliated(c.by, s.id) && !hasID(srcs, c.by) {
					// not a claim by a fellow source: "Peru and Panama announced their recognition"
					m.ClaimedBy = c.by
				}
				if c.disputed != "" {
					m.DisputedBy = c.disputed
				}
				if c.unnamed && m.Status == graph.Asserted {
					m.Status = graph.Alleged
				}
			}
			if rel != graph.Accuses && rel != graph.Denies && m.Status == graph.Asserted && sc.hearsay(i) {
				m.Status = graph.Alleged
			}
			switch {
			case m.ClaimedBy != "" && m.Status == graph.Asserted:
				m.Status = graph.Alleged
			case m.DisputedBy != "" && m.ClaimedBy == "" && m.Status == graph.Asserted:
				m.Status = graph.Denied
			}
			if m.Status == graph.Alleged && m.ClaimedBy != "" && rel == graph.Supplies {
				// a claimed supply charges its supplier; a claimed recognition does not
				sc.st.accusers = append(sc.st.accusers, accusation{by: m.ClaimedBy, of: s.id, event: sc.st.events, at: sc.st.sentences})
			}
			if rel == graph.Accuses {
				sc.st.accusers = append(sc.st.accusers, accusation{by: s.id, of: t.id, event: sc.st.events, at: sc.st.sentences, edge: true})
			}
			sc.rememberDoer(rel, s, t, m.Trigger)
			sc.out = append(sc.out, m)
		}
	}
}

// objectPosition reports whether the pronoun at token j follows a verb,
// as its object ("sold it", "accused it of").
func (sc *scope) objectPosition(j int) bool {
	if j-1 < sc.s.from {
		return false
	}
	w := sc.toks[j-1].low
	if t, ok := sc.trigOf(&sc.toks[j-1]); ok && t.pos != noun {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !sc.toks[j-1].is(cAux)
}

// itsAfterCopula reports "its" at j right after a copula and before a
// member noun ("became its 32nd member", "is its founding member"): the
// copula's subject is the member, so "its" is the body, another actor.
// ("is its closest ally" has its own reading of the owner: allies.go.)
func (sc *scope) itsAfterCopula(j int) bool {
	p := sc.prevWord(j)
	if p <= sc.s.from || !sc.toks[p].in(lcCopula) {
		return false
	}
	for k := j + 1; k < sc.s.to && k <= j+bodyMemberWindow; k++ {
		if t := &sc.toks[k]; sc.x.lex.words["special-member"][t.low] {
			return true
		} else if !t.word || t.cap {
			return false
		}
	}
	return false
}

// hasID reports whether id is one of the ends.
func hasID(ends []endpoint, id graph.ActorID) bool {
	for _, e := range ends {
		if e.id == id {
			return true
		}
	}
	return false
}

func overlap(a, b []endpoint) bool {
	for _, x := range a {
		for _, y := range b {
			if x.id == y.id {
				return true
			}
		}
	}
	return false
}

// adopterClass is the lexicon's actor class of the bodies whose texts
// speak for them ("The resolution condemns ..."): documentRef.
const adopterClass = "adopter"

// bodyRef matches "the alliance", "the bloc", "the union": a body of the
// kind the noun names (the lexicon's body-noun classes), named before;
// the noun may follow up to two modifiers of the body-ref-modifier class
// or an "X-led" compound ("the regional bloc", "the Moscow-led military
// alliance", "the US-led bloc").
func (x *Extractor) bodyRef(out *mention, toks []token, i, to int) bool {
	if toks[i].low != "the" || i+1 >= to {
		return false
	}
	n := i + 1
	if !toks[n].is(cBodyNoun) {
		if !modifiedBodyAhead(toks, i, to) {
			return false // bits only: most "the" stop here
		}
		if n = x.bodyNounAt(toks, n, to); n < 0 {
			return false
		}
	} else if x.bodyClass(toks[n].low) == "" {
		return false
	}
	if n+1 < to && (toks[n+1].low == "of" && !gerundNext(toks, n+2, to) || toks[n+1].cap) {
		return false // "the union of ...", "the Union Cabinet"; not "accused the alliance of turning ..."
	}
	if n+1 < to && toks[n+1].low == "'s" {
		// "the alliance's 31st member": a possessive, read past the "'s"
		*out = mention{from: i, to: n + 2, nFrom: i, pron: "body", poss: true}
		return true
	}
	*out = mention{from: i, to: n + 1, nFrom: i, pron: "body"}
	return true
}

// bodyRefModifiers is how many modifiers may stand between "the" and a
// body noun: "the Moscow-led military alliance".
const bodyRefModifiers = 2

// bodyNounAt returns the index of a lower-case body noun at toks[k] or
// after up to bodyRefModifiers modifiers of a body (bodyModifier), or -1.
// The nouns' class bit is tested before any word's class.
func (x *Extractor) bodyNounAt(toks []token, k, to int) int {
	n := -1
	for j := k; j < to && j <= k+bodyRefModifiers; j++ {
		if toks[j].is(cBodyNoun) {
			n = j
			break
		}
	}
	if n < 0 || toks[n].cap {
		return -1 // "the European Union", "the Atlantic Alliance": names
	}
	for j := k; j < n; j++ {
		if !x.bodyModifier(&toks[j]) {
			return -1 // tested before the noun's class
		}
	}
	if x.bodyClass(toks[n].low) == "" {
		return -1
	}
	return n
}

// bodyModifier reports a modifier of a body noun: a word of the
// body-ref-modifier class ("regional", "military", "Western") or a
// capitalised "X-led" compound ("Moscow-led", "US-led").
func (x *Extractor) bodyModifier(t *token) bool {
	if !t.word {
		return false
	}
	if t.cap && strings.HasSuffix(t.low, "-led") {
		return true
	}
	return x.lex.words["body-ref-modifier"][t.low] // "the Western alliance" too
}

// bodyNoun returns the index of the body noun of the body reference m
// ("the regional bloc": "bloc").
func (sc *scope) bodyNoun(m *mention) int {
	for k := m.to - 1; k > m.from; k-- {
		if sc.toks[k].is(cBodyNoun) {
			return k
		}
	}
	return m.from + 1
}

// bodyClass returns the actor class a body noun refers to ("alliance" for
// "alliance", "bloc" for "bloc", "union" for "union", "panel" for "panel" and
// "experts"), or "".
func (x *Extractor) bodyClass(noun string) string {
	return x.lex.bodyClasses[noun] // lexicon.go bodyClassesOf
}

// resolveBody resolves "the alliance": the last body of its class named
// earlier in the sentence, else in the article.
func (sc *scope) resolveBody(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	class := sc.x.bodyClass(sc.toks[sc.bodyNoun(m)].low)
	for k := mi - 1; k >= 0; k-- {
		if id := sc.ms[k].id; sc.ms[k].pron == "" && sc.x.lex.actors[class][id] {
			return sc.st.one(id)
		}
	}
	if id := sc.st.lastBody[class]; id != "" {
		return sc.st.one(id)
	}
	return nil
}

// rememberAct records the doer of the sentence's hostile act, for "the
// test" or "the strikes" named later (lastAct): the subject of a hostile
// verb outside any claim ("North Korea launched a missile"), or a state
// named on an act noun ("Israeli strikes", "North Korea's missile test").
func (sc *scope) rememberAct() {
	sc.st.sentences++
	if sc.cls&(cHostile|cActNoun|cPassCue) == 0 {
		return // no act, and no pact noun (cPassCue) signed
	}
	for k := sc.s.from; k < sc.s.to; k++ {
		t := &sc.toks[k]
		if !t.is(cHostile | cActNoun) {
			if t.in(lcPactNoun) {
				sc.rememberSigning(k)
			}
			continue
		}
		var doer []int
		switch {
		case t.is(cHostile) && (strings.HasSuffix(t.low, "ed") || t.low == "struck" || t.low == "shot"):
			c, in := sc.claimAt(k)
			if (!in || c.disputed == "") && !sc.reducedRelative(k) {
				doer = sc.subject(k, sc.s.from)
			}
			if in && doer != nil && !sc.adjacentSubject(doer, k) {
				doer = nil // in a claim, only a clause's own verb: "North Korea fired missiles, Seoul said"
			}
		case t.is(cActNoun) && sc.calledBefore(k):
			continue // "condemned what he called the Turkish bombardment": the speaker's naming, no doer told
		case t.is(cActNoun):
			doer = sc.modifierBefore(k)
			if doer == nil {
				doer = sc.doerBefore(k) // "Israeli strikes": the act noun heads the mention
			}
		}
		if doer == nil || sc.placeModifier(doer) {
			continue // "the Damascus attack (killed)", "the Erbil operation": where, not who
		}
		if doer == nil {
			continue
		}
		if ends := sc.ends(doer); len(ends) == 1 {
			id := ends[0].id
			if aff := sc.aff(&ends[0]); aff != "" {
				id = aff
			}
			sc.st.lastActor, sc.st.lastActAt = id, sc.st.sentences
			if sc.st.leadActor == "" && t.is(cActNoun) {
				sc.st.leadActor, sc.st.leadAct = id, t.low // the story's act, for "the strikes" paragraphs later
			}
		}
	}
}

// calledBefore reports "what X called" (class what-called) before the
// act noun at k, past its determiner and modifiers (whatCalledReach
// words): the act is named so by a speaker.
func (sc *scope) calledBefore(k int) bool {
	for j := k - 1; j-2 >= sc.s.from && j >= k-whatCalledReach; j-- {
		if sc.toks[j].in(lcWhatCalled) && sc.toks[j-2].low == "what" {
			return true
		}
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return false
		}
	}
	return false
}

// whatCalledReach: the words from "called" to the act noun ("what it
// called the reckless Turkish bombardment").
const whatCalledReach = 6

// placeModifier reports a lone city name right before an act noun, no
// possessive ("the Damascus attack"): a capital names its state as a
// speaker, but before an act it tells where the act struck.
func (sc *scope) placeModifier(g []int) bool {
	if len(g) != 1 {
		return false
	}
	m := &sc.ms[g[0]]
	if m.poss || m.adj || m.pron != "" || m.to-m.nFrom != 1 || m.to >= sc.s.to || !sc.toks[m.to].is(cActNoun) {
		return false
	}
	ref, end, ok := sc.x.trie.longest(sc.toks, m.nFrom, m.to)
	return ok && end == m.to && ref.kind == NameCapital
}

// quoteSpeaker returns, for a token j inside a quote that opens after the
// sentence's start ("The minister said: \"Our partners ...\""), the
// subject of the nearest reporting verb before the opening mark; ok is
// false when j stands in no such quote.
func (sc *scope) quoteSpeaker(j int) ([]int, bool) {
	open := -1
	for k := sc.s.from; k < j; k++ {
		if sc.toks[k].low == "\"" {
			if open < 0 {
				open = k
			} else {
				open = -1
			}
		}
	}
	if open <= sc.s.from {
		return nil, false
	}
	for r := open - 1; r > sc.s.from; r-- {
		if sc.toks[r].is(cReporting) {
			return sc.subject(r, sc.s.from), true
		}
	}
	return nil, true
}

// speakerState returns the state a speaker's mention speaks for: a
// person's affiliation, a state or body itself; nil for a person of no
// known state.
func (sc *scope) speakerState(by graph.ActorID) []graph.ActorID {
	if aff := sc.affOf(by); aff != "" {
		return sc.st.one(aff)
	}
	if a, known := sc.x.actor(by); known && a.Type == graph.Person {
		return nil // a person of no known state
	}
	return sc.st.one(by)
}

// resolveSpeaker resolves we, us and our inside a quote: the state of the
// speaker the quote is attributed to in the sentence ("'Our partners have
// armed us,' the Belarusian defence minister said"); outside a quote, or
// with no speaker named, nothing.
func (sc *scope) resolveSpeaker(mi int) []graph.ActorID {
	m := &sc.ms[mi]
	if q := sc.toks[sc.s.from].low; q != "\"" && q != "'" {
		// a quote after its speaker: "X said: \"Our partners ...\""
		subj, ok := sc.quoteSpeaker(m.from)
		if ids := sc.ids(subj); ok && len(ids) == 1 {
			return sc.speakerState(ids[0])
		}
		if ok && subj == nil {
			if by := sc.quoteAcross(m.from); by != "" {
				return sc.speakerState(by) // "BAMAKO - \"... our ...,\" the government said"
			}
		}
		if ok && (subj != nil || !sc.st.inTurn) {
			return nil // a quote in a speaker's turn said by no one else is his
		}
	} else if c, ok := sc.claimAt(m.from); ok && c.by != "" {
		if c.disputed != "" {
			return nil
		}
		return sc.speakerState(c.by)
	}
	if by := sc.quoteAcross(m.from); by != "" {
		return sc.speakerState(by)
	}
	if sc.st.turn != "" {
		return sc.speakerState(sc.st.turn) // "MINISTER: We condemn ..."
	}
	if !sc.quoted(sc.s.from-1, m.from) {
		if a := sc.x.authorState(sc.toks, sc.st); a != "" {
			return sc.st.one(a) // an op-ed's "my country", "we": its author's
		}
	}
	return nil
}

// quoteAcross returns the speaker of a quote of several sentences that
// holds toks[j] ("\"Armenia is our ally. We proceed from ...,\" Zakharova
// said."): the quote opens in the paragraph before j and closes after
// it, in this sentence or a later one of the paragraph, and the words
// after the closing mark attribute it (quoteAttribution); "" if not.
func (sc *scope) quoteAcross(j int) graph.ActorID {
	toks := sc.toks
	p := j
	for p > 0 && j-p < quoteAcrossWindow && !toks[p].nl {
		p--
	}
	open := -1
	for k := p; k < j; k++ {
		if toks[k].low == "\"" {
			if open < 0 {
				open = k
			} else {
				open = -1
			}
		}
	}
	if open < 0 {
		return ""
	}
	for k := j + 1; k < len(toks) && k-j < quoteAcrossWindow && !toks[k].nl; k++ {
		if toks[k].low == "\"" {
			return sc.quoteAttribution(k + 1)
		}
	}
	return ""
}

// quoteAcrossWindow bounds, in tokens, how far quoteAcross looks back for
// a quote's opening mark and ahead for its closing one: a paragraph.
const quoteAcrossWindow = 400

// quoteAttribution reads the speaker named at toks[k], after a quote's
// closing mark: "..., Zakharova said", "..., the spokeswoman added",
// "..., she stressed", "..., said Foreign Minister X". The speaker is a
// surname the article named, a dictionary name, or a person reference
// (the title's holder, else the last person), followed, or preceded, by
// a reporting verb; "" if none.
func (sc *scope) quoteAttribution(k int) graph.ActorID {
	toks := sc.toks
	for k < len(toks) && toks[k].low == "," {
		k++
	}
	inverted := k < len(toks) && toks[k].is(cReporting) && !toks[k].cap
	if inverted {
		k++
	}
	if k >= len(toks) {
		return ""
	}
	id, end := sc.attributed(k)
	if id == "" || !inverted && (end >= len(toks) || !toks[end].is(cReporting)) {
		return ""
	}
	return id
}

// titledAttribution reads a speaker named by a state's title at toks[k]
// ("the Hungarian foreign minister said", "Hungarian Foreign Minister
// NAME said"): the person when the dictionary knows the name after the
// title, else the state; "" if none.
func (sc *scope) titledAttribution(k int) (graph.ActorID, int) {
	toks := sc.toks
	if toks[k].low == "the" {
		k++
	}
	ref, end, ok := sc.x.trie.longest(toks, k, len(toks))
	if !ok || ref.kind != NameDemonym {
		return "", k
	}
	t := end
	for t < len(toks) && t < end+titleModifierWindow && toks[t].is(cTitleWord|cPersonTitle) {
		t++
	}
	if t == end || !toks[t-1].is(cPersonTitle) || t >= len(toks) {
		return "", k
	}
	if p, pend, ok := sc.x.trie.longest(toks, t, len(toks)); ok {
		if a, known := sc.x.refActor(p); known && a.Type == graph.Person {
			return p.id, pend
		}
	}
	if n := sc.x.lex.nameLen(toks, t, len(toks)); n > 0 {
		t += n // a person the dictionary lacks: the state speaks
	}
	return ref.id, t
}

// attributed reads the speaker's name or reference at toks[k] for
// quoteAttribution, and where it ends.
func (sc *scope) attributed(k int) (graph.ActorID, int) {
	toks, st := sc.toks, sc.st
	t := &toks[k]
	if t.low == "he" || t.low == "she" {
		return st.lastPersonFor(pronounGender(t.low)), k + 1
	}
	if id, end := sc.titledAttribution(k); id != "" {
		return id, end
	}
	if n := sc.x.lex.titleRef(toks, k, len(toks)); n > 0 {
		if id := st.titleHolder[toks[k+n-1].low]; id != "" {
			return id, k + n
		}
		return st.lastPerson, k + n
	}
	if ref, end, ok := sc.x.trie.longest(toks, k, len(toks)); ok && ref.kind != NameDemonym && ref.kind != nameDemonymPlural {
		return ref.id, end
	}
	if id, ok := st.surnames[t.text]; ok && t.cap {
		return id, k + 1
	}
	return sc.mentionAttributed(k)
}

// mentionAttributed reads a speaker after a quote that the sentence's
// mentions name, a state's body or its phrase ("\"...,\" the Malian
// transitional government said", "\"...,\" the Chinese foreign ministry
// said"): the mention that starts at toks[k] or after "the" there, and
// where it ends; "" if none.
func (sc *scope) mentionAttributed(k int) (graph.ActorID, int) {
	if sc.toks[k].low == "the" {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok {
		return "", k
	}
	if m := &sc.ms[mi]; m.pron == "" && !m.adj && !m.poss {
		return m.id, m.to
	}
	return "", k
}

// militaryRulers reports a state's mention that ends in a junta-head
// noun after a junta-modifier ("Mali's military rulers", "Niger's
// military government", "Myanmar's military regime"): the state's junta.
func (sc *scope) militaryRulers(m *mention) bool {
	h := m.to - 1
	return !m.person && h-1 > m.nFrom && sc.toks[h].in(lcJuntaHead) && sc.toks[h-1].in(lcJuntaModifier)
}

// communiqueParties resolves a communique's "The Ministers" (the and a
// capitalised plural-ref noun, quoted) to whom the quote is attributed
// ("the text said: \"The Ministers condemned ...\"": the bloc whose text
// it is); nil when the quote names no speaker (the group named before
// then, as "the three ministers").
func (sc *scope) communiqueParties(m *mention) []graph.ActorID {
	if m.to-m.from != 2 || !sc.toks[m.from+1].cap || sc.toks[m.from].low != "the" {
		return nil
	}
	subj, ok := sc.quoteSpeaker(m.from)
	if !ok || subj == nil {
		return nil
	}
	return sc.ids(subj)
}
