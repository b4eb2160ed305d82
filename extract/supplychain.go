package extract

import (
	"slices"
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
	for j > sc.s.from && j < sc.s.to && n < 2 && (sc.toks[j].low == "," || sc.toks[j].in(lcChainCoordinator)) {
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
	return sc.toks[m.to].in(lcMembersNoun)
}

// passiveSubject finds the recipient a passive supply participle at lo
// has as subject, unless goods stand between ("Iranian drones were
// supplied by", but "Hezbollah fighters are armed by Iran").
func (sc *scope) passiveSubject(lo int) []int {
	if sc.thingSubject(lo) {
		return nil // "..., and the athletes' village was partly financed by Indonesia"
	}
	subj := sc.subject(lo, sc.s.from)
	if open, ok := sc.reportingAside(lo); ok {
		// "Hamas, Israeli officials say, is armed by Iran": the subject
		// before the aside, not its reporters
		subj = sc.subject(open, sc.s.from)
	}
	if subj == nil {
		if g := sc.reportedRelative(lo); g != nil {
			return g // "the M23, which Kinshasa says is armed by Rwanda"
		}
		return sc.includedSubject(lo)
	}
	last := subj[len(subj)-1]
	from := sc.ms[subj[0]].from
	if sc.groupMembers(last) {
		from = sc.ms[last].to + 1
	}
	if sc.goodsBetween(from, lo) || sc.goodsAnaphor(subj) {
		return nil
	}
	return subj
}

// goodsAnaphorWindow: the words before a pronoun in which goods it may
// stand for are named ("took delivery of two more Su-30SME fighter jets;
// they were").
const goodsAnaphorWindow = 8

// goodsAnaphor reports a pronoun subject (they, it) of a passive supply
// verb that stands for goods named right before it, with no actor between:
// "the air force took delivery of two more fighter jets; they were
// supplied by Russia" (the jets were supplied, not the last group named).
func (sc *scope) goodsAnaphor(subj []int) bool {
	m := &sc.ms[subj[0]]
	if len(subj) != 1 || m.pron == "" || sc.x.lex.has(lcPossessivePronoun, m.pron) {
		return false
	}
	lo := max(sc.s.from, m.from-goodsAnaphorWindow)
	for k := m.from - 1; k >= lo; k-- {
		if _, ok := sc.endAt(k); ok {
			lo = k + 1 // only the goods after the last actor named
			break
		}
	}
	return sc.goodsBetween(lo, m.from)
}

// reportingAside finds a reporting aside between commas right before
// the passive chain starting at lo ("Hamas, Israeli officials say, is
// armed by", ", Rwandan officials maintain, has for years been armed"): a
// name and one lower-case verb (a verb of saying, or any verb alone before
// the comma). It returns the opening comma.
func (sc *scope) reportingAside(lo int) (int, bool) {
	k := lo - 1
	for k > sc.s.from && (sc.toks[k].is(cAux|cBe|cPassiveAdverb) || sc.toks[k].in(lcTimeWord) || startsDigit(sc.toks[k].text) || sc.toks[k].low == "for" && sc.toks[k+1].in(lcTimeWord)) {
		k-- // "has for years been", "was in 2023"
	}
	if k-2 <= sc.s.from || sc.toks[k].low != "," {
		return 0, false
	}
	v := &sc.toks[k-1]
	if !v.is(cReporting) && (!v.word || v.cap || v.is(cPreposition|cAux|cBe|cClauseBreak|cGoods)) {
		return 0, false
	}
	mi, ok := sc.endAt(k - 2)
	if !ok {
		return 0, false
	}
	open := sc.prevWord(sc.ms[sc.grp[sc.ms[mi].group][0]].from)
	if open <= sc.s.from || sc.toks[open].low != "," {
		return 0, false
	}
	return open, true
}

// placeWindow: a capitalised place name read before its own "in"
// ("at Aden Adde International Airport in the Somali capital").
const placeWindow = 5

// arrivalPlace finds the state of the place an arrival verb at i names
// after "in" or "at" when no actor is named there: "the Somali capital"
// (a demonym before a place-head noun), "the port of Mogadishu", "Aden
// Adde International Airport in the Somali capital".
func (sc *scope) arrivalPlace(i int) []int {
	for k := i + 1; k < sc.s.to && k <= i+winAdverb; k++ {
		w := sc.toks[k].low
		if w == "in" || w == "at" {
			return sc.placeState(k, 0)
		}
		if sc.toks[k].is(cClauseBreak) || w == "," {
			return nil
		}
	}
	return nil
}

// ofPlaceModifiers: the lower-case words between "the" and a place's
// head noun ("the semi-autonomous state of", "the breakaway northern
// region of").
const ofPlaceModifiers = 2

// ofPlace reads a place named by a head noun and "of" after the
// preposition at k (class place-of-head): "to the semi-autonomous state of
// Puntland", "in the breakaway region of Abkhazia" (Puntland, Abkhazia).
func (sc *scope) ofPlace(k int) []int {
	j := k + 1
	if sc.wordAt(j) == "the" {
		j++
	}
	for n := 0; n < ofPlaceModifiers && j < sc.s.to && !sc.toks[j].in(lcPlaceOfHead); n++ {
		if t := &sc.toks[j]; !t.word || t.cap || t.is(cPreposition|cClauseBreak|cAux|cBe) {
			return nil
		}
		if _, ok := sc.startAt(j); ok {
			return nil // "the Somali region of": a demonym names another place
		}
		j++
	}
	if j+1 >= sc.s.to || !sc.toks[j].in(lcPlaceOfHead) || sc.toks[j+1].low != "of" {
		return nil
	}
	return sc.after(j + 1)
}

// toPlace finds a place named by "of" after a "to" within the window
// after i (ofPlace): "had been delivered to the semi-autonomous state of
// Puntland". A clause break or a comma ends the search.
func (sc *scope) toPlace(i, max int) []int {
	for k := i + 1; k < sc.s.to && k <= i+max; k++ {
		if t := &sc.toks[k]; t.is(cClauseBreak) || t.low == "," {
			return nil
		}
		if sc.toks[k].low == "to" {
			return sc.ofPlace(k)
		}
	}
	return nil
}

// placeState reads the place phrase after the preposition at k; depth
// bounds the "NAME Airport in ..." chain.
func (sc *scope) placeState(k, depth int) []int {
	if g := sc.ofPlace(k); g != nil {
		return g // "in the semi-autonomous region of Puntland"
	}
	j := k + 1
	if j < sc.s.to && sc.toks[j].low == "the" {
		j++
	}
	if j+1 >= sc.s.to {
		return nil
	}
	if mi, ok := sc.startAt(j); ok && sc.ms[mi].adj && sc.ms[mi].to < sc.s.to && sc.x.lex.has(lcPlaceHead, sc.toks[sc.ms[mi].to].low) {
		return []int{mi} // "the Somali capital"
	}
	if sc.toks[j].in(lcPlaceHead) && sc.toks[j+1].low == "of" {
		return sc.after(j + 1) // "the port of Mogadishu"
	}
	e := j
	for e < sc.s.to && e < j+placeWindow && sc.toks[e].cap {
		e++
	}
	if depth == 0 && e > j && e < sc.s.to && sc.toks[e-1].in(lcPlaceHead) && (sc.toks[e].low == "in" || sc.toks[e].low == "at") {
		if g := sc.after(e); g != nil {
			return g
		}
		return sc.placeState(e, depth+1) // "Aden Adde International Airport in the Somali capital"
	}
	return nil
}

// possessedSubjectWindow: the goods phrase a passive's subject holds
// after its possessor ("Cambodia's artillery and rocket systems").
const possessedSubjectWindow = 8

// possessedSubject finds the possessor of the goods a passive supply
// participle at lo has as subject: "a large share of Cambodia's artillery
// and rocket systems was delivered by China" (Cambodia), or is an aside
// on after a comma ("Armenia's tanks, supplied by Russia, were"); the
// goods must end right before it ("Taiwan's jets", one mention with its
// head, counts too).
func (sc *scope) possessedSubject(lo int) []int {
	k := lo - 1
	if k > sc.s.from && sc.toks[k].low == "," {
		k-- // "Armenia's air defence systems, supplied by Russia in the 1990s, were obsolete": the participle an aside on the goods
	}
	for k > sc.s.from && sc.toks[k].is(cAux|cBe|cPassiveAdverb) {
		k--
	}
	if k <= sc.s.from || !sc.toks[k].is(cGoods) || sc.toks[k].is(cCommodity) {
		return nil
	}
	if mi, ok := sc.endAt(k); ok {
		if sc.ms[mi].pron == "" && sc.possessedHead(mi) {
			return sc.grp[sc.ms[mi].group] // "Taiwan's jets"
		}
		return nil
	}
	for j := k - 1; j >= sc.s.from && j > k-possessedSubjectWindow; j-- {
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return nil
		}
		mi, ok := sc.endAt(j)
		if !ok {
			continue
		}
		m := &sc.ms[mi]
		poss := m.poss || m.to < sc.s.to && sc.toks[m.to].low == "'s"
		if m.pron != "" || m.adj {
			return nil
		}
		if poss && sc.possessedGoods(m.to, false) || sc.possessedHead(mi) {
			return sc.grp[m.group] // "Kenya's military equipment": the mention took "military" as its head
		}
		if (poss || sc.ownedBody(mi)) && sc.goodsRun(m.to, k) {
			return sc.grp[m.group] // "Armenia's air defence systems": goods words only after the possessor
		}
		return nil
	}
	return nil
}

// ownedBody reports a mention that took a possessor and a head of its
// own: "Armenia's air defence" (before "systems").
func (sc *scope) ownedBody(mi int) bool {
	m := &sc.ms[mi]
	return m.from+1 < m.to && sc.toks[m.from+1].low == "'s"
}

// goodsRun reports a possessor's phrase from k (at its "'s") through to
// made of goods words, their adjectives and model names only: "Armenia's
// air defence systems", "Serbia's HQ-22 batteries".
func (sc *scope) goodsRun(k, to int) bool {
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	for ; k <= to; k++ {
		t := &sc.toks[k]
		if !t.is(cGoods) && !t.in(lcGoodsAdjective) && !modelName(t.text) {
			return false
		}
	}
	return true
}

// possessedHead reports a mention that took a possessed head noun of
// its own: "Taiwan's jets", "Kenya's military".
func (sc *scope) possessedHead(mi int) bool {
	m := &sc.ms[mi]
	return m.to-m.from >= 3 && sc.toks[m.to-2].low == "'s"
}

// controlSubject finds the subject of an infinitive supply verb at i
// whose governing verb is coordinated: "has provided X with vessels and
// last year agreed to give ..." (the first verb's subject, past a time
// phrase after "and"), "continues to fight beside Y and to supply it with
// weapons" (the subject of the verb governing the first infinitive). The
// governing verbs are the control-verb class; nil leaves the subject to
// verbSubject.
func (sc *scope) controlSubject(i int) []int {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "to" {
		return nil
	}
	v := i - 2
	if sc.toks[v].in(lcChainCoordinator) {
		if v = sc.prevGovernor(v); v < 0 {
			return nil
		}
		return sc.verbSubject(v)
	}
	if !sc.toks[v].in(lcControlVerb) {
		return nil
	}
	k := v - 1
	for k > sc.s.from && (sc.toks[k].is(cAux|cPassiveAdverb) || sc.toks[k].in(lcTimeWord) || startsDigit(sc.toks[k].text)) {
		k--
	}
	if k > sc.s.from && k < v-1 && sc.toks[k].in(lcChainCoordinator) {
		return sc.firstVerbSubject(k, false) // "and last year agreed to give"
	}
	return nil
}

// prevGovernor finds, left of the coordinator at k in its clause, a
// control verb before "to": "continues" in "continues to fight ... and to
// supply"; -1 if none.
func (sc *scope) prevGovernor(k int) int {
	for j := k - 1; j-1 > sc.s.from; j-- {
		if sc.toks[j].is(cClauseBreak) {
			return -1
		}
		if sc.toks[j].low == "to" && sc.toks[j-1].in(lcControlVerb) {
			return j - 1
		}
	}
	return -1
}

// includedSubject finds the actors a list-opener aside names in a subject
// that names none itself: "the groups, including Kataib Hezbollah, are
// armed and funded by Iran" (Kataib Hezbollah).
func (sc *scope) includedSubject(lo int) []int {
	k := lo - 1
	for k > sc.s.from && sc.toks[k].is(cAux|cBe|cPassiveAdverb) {
		k--
	}
	if k <= sc.s.from || sc.toks[k].low != "," {
		return nil
	}
	mi, ok := sc.endAt(sc.abbrevBefore(k) - 1) // "the Baloch Liberation Army (BLA),"
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	p := sc.prevWord(sc.ms[g[0]].from) // "networks, including the TTP and the BLA, were receiving"
	if p <= sc.s.from || !sc.toks[p].in(lcListOpener) || sc.toks[p-1].low != "," {
		return nil
	}
	return g
}

// supplierSubject finds who a supplier noun whose role phrase starts at at
// names: an apposition's head, or the subject of the copula before it
// ("Russia is its main supplier"), also across a relative clause's "but"
// ("the United States, which has only unofficial ties with Taipei but is
// its most important arms supplier"). None for "whose".
func (sc *scope) supplierSubject(at int, whose bool) []int {
	if whose {
		return nil
	}
	x := sc.apposed(at)
	if x == nil {
		x = sc.subject(at, sc.s.from)
	}
	if x != nil && !sc.copulaOrApposition(x, at) {
		x = nil
	}
	if c := sc.pastAside(sc.phraseHead(at) - 1); x == nil && c > sc.s.from && sc.toks[c].in(lcCopula) {
		x = sc.verbSubject(c)

		if w := sc.toks[c-1].low; x == nil && c-1 > sc.s.from && (w == "but" || w == "and") {
			x = sc.subject(c-1, sc.s.from) // "which has no formal ties with Y but is its main supplier"
		}
		if x == nil {
			x = sc.secondRelative(c - 1) // "the United States, which switched ... but which remains the principal supplier"
		}
	}
	if x == nil {
		x = sc.ofBeingSubject(at)
	}
	return x
}

// rankingSubject finds the supplier of a supplier noun at i inside a
// ranking that a verb of leading heads: "The United States topped the list
// of arms suppliers to Saudi Arabia", "Russia heads the ranking of
// suppliers to Algeria" (goods and their adjectives before the noun, "of",
// a ranking noun, a determiner, a verb of leading; classes ranking-noun,
// ranking-verb). The verb's subject ranks first among the suppliers.
func (sc *scope) rankingSubject(i int) []int {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cGoods) || sc.toks[k].in(lcGoodsAdjective)) {
		k-- // "arms", "defence"
	}
	n := k - 1 // the ranking noun
	d := n - 1 // its determiner
	v := d - 1 // the verb of leading
	if v < sc.s.from || sc.toks[k].low != "of" || !sc.x.lex.in("ranking-noun", sc.toks[n].low) || !sc.toks[d].in(lcDeterminer) {
		return nil
	}
	if !sc.x.lex.in("ranking-verb", sc.toks[v].low) {
		return nil
	}
	return sc.verbSubject(v)
}

// secondRelative finds the antecedent of a relative pronoun at k that a
// coordinator joins to an earlier relative clause of the sentence: "the
// United States, which switched its recognition ... but which remains the
// principal supplier" (the first "which"'s antecedent).
func (sc *scope) secondRelative(k int) []int {
	if k-1 <= sc.s.from || (sc.toks[k].low != "which" && sc.toks[k].low != "who") || (sc.toks[k-1].low != "but" && sc.toks[k-1].low != "and") {
		return nil
	}
	for j := k - 2; j > sc.s.from; j-- {
		if sc.toks[j].low == sc.toks[k].low {
			return sc.relativeAntecedent(j)
		}
		if sc.toks[j].is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// rolePhraseWindow: the determiner and adjectives before a supplier noun
// ("the principal", "a key").
const rolePhraseWindow = 3

// phraseHead returns where the role phrase of a supplier noun at at
// starts, past its determiner and adjectives ("remains the principal
// supplier": "the"); at itself when a copula or a name stands right
// before it.
func (sc *scope) phraseHead(at int) int {
	k := at
	for k-1 > sc.s.from && k > at-rolePhraseWindow {
		t := &sc.toks[k-1]
		if !t.word || t.cap || t.in(lcCopula) || t.is(cClauseBreak) {
			break
		}
		k--
		if t.in(lcDeterminer) {
			return k
		}
	}
	if k < at && sc.toks[k].in(lcDeterminer) {
		return k
	}
	return at
}

// asideWindow: the words of an aside between commas ("remains, under the
// Taiwan Relations Act, the principal supplier").
const asideWindow = 8

// pastAside returns the word before an aside between commas that ends at
// k (a comma): "remains, under the Taiwan Relations Act," gives "remains";
// else k.
func (sc *scope) pastAside(k int) int {
	if k <= sc.s.from || sc.toks[k].low != "," {
		return k
	}
	for j := k - 1; j > sc.s.from && j >= k-asideWindow; j-- {
		if sc.toks[j].low == "," {
			return j - 1
		}
		if sc.toks[j].is(cClauseBreak) {
			return k
		}
	}
	return k
}

// ofBeingWindow: the words of a role phrase after "of being" ("the
// \"main sponsor\"").
const ofBeingWindow = 5

// ofBeingSubject finds the actor a charge says is what the role phrase at
// at names: "accused the UAE of being the main sponsor of the RSF" (the
// object before "of being").
func (sc *scope) ofBeingSubject(at int) []int {
	k := at - 1
	for k > sc.s.from && k >= at-ofBeingWindow && sc.toks[k].low != "being" && (sc.toks[k].low == "\"" || sc.toks[k].word && !sc.toks[k].cap) {
		k--
	}
	if k-2 < sc.s.from || sc.toks[k].low != "being" || sc.toks[k-1].low != "of" {
		return nil
	}
	if mi, ok := sc.endAt(k - 2); ok {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// ofGoodsWindow: the words after a supplier noun's "of" up to the owner of
// the goods ("the source of most of its military hardware").
const ofGoodsWindow = 5

// ofGoodsOwner finds the owner of the goods a supplier noun at i is the
// source of: "the source of most of its military hardware" (its), "the
// supplier of much of Y's arms" (Y); the owner must be a possessive before
// goods.
func (sc *scope) ofGoodsOwner(i int) []int {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "of" {
		return nil
	}
	for k := i + 2; k < sc.s.to && k <= i+1+ofGoodsWindow; k++ {
		mi, ok := sc.startAt(k)
		if !ok {
			if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
				return nil
			}
			continue
		}
		m := &sc.ms[mi]
		poss := m.poss || m.to < sc.s.to && sc.toks[m.to].low == "'s"
		if poss && !m.adj && sc.possessedGoods(m.to, false) {
			return sc.grp[m.group]
		}
		return nil
	}
	return nil
}

// reportedRelative finds the antecedent of a relative clause whose verb
// of saying frames the passive at lo: "the M23 rebellion, which Kinshasa
// and the United Nations say is armed and supported by Rwanda" (the M23).
func (sc *scope) reportedRelative(lo int) []int {
	k := lo - 1
	for k > sc.s.from && sc.toks[k].is(cAux|cBe|cPassiveAdverb) {
		k--
	}
	if k <= sc.s.from || !sc.toks[k].in(lcSayVerb) {
		return nil
	}
	mi, ok := sc.endAt(k - 1)
	if !ok {
		return nil
	}
	p := sc.ms[sc.grp[sc.ms[mi].group][0]].from - 1
	if p <= sc.s.from || sc.toks[p].low != "which" && sc.toks[p].low != "that" {
		return nil
	}
	if g := sc.antecedent(p, sc.s.from); g != nil {
		return g
	}
	return sc.headedGroup(p - 1) // "the M23 rebellion, which"
}

// headedGroup finds an armed group named before a head noun of its own
// and the comma at c: "the M23 rebellion," (class movement-head).
func (sc *scope) headedGroup(c int) []int {
	if c-2 < sc.s.from || sc.toks[c].low != "," || !sc.toks[c-1].in(lcMovementHead) {
		return nil
	}
	mi, ok := sc.endAt(c - 2)
	if !ok || sc.ms[mi].act == nil || sc.ms[mi].act.Type != graph.Group {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// parallelWindow: the words a main clause's subject, verb and object may
// span before the relative clause a coordinated verb phrase steps over.
const parallelWindow = 30

// parallelSubject finds the subject of a supply verb at i in a verb phrase
// coordinated by ", and" after a relative clause, when its auxiliary
// matches the main clause's and not the relative clause's: "India ... has
// diversified away from Russia, which still supplies most of its arms,
// and has bought jets from France" (India, not Russia); "X has sent troops
// to Y, some of whom have been moved ..., and has also shipped shells"
// (X). With the same auxiliary in both clauses, or none, it returns nil
// and the nearest verb's subject stands.
func (sc *scope) parallelSubject(i int) []int {
	k, aux := i-1, -1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.adverb(k)) {
		if sc.toks[k].in(lcFiniteAux) {
			aux = k
		}
		k--
	}
	if aux < 0 || k-1 <= sc.s.from || !sc.toks[k].in(lcChainCoordinator) || sc.toks[k-1].low != "," {
		return nil
	}
	rel := sc.relativeOpening(k - 1)
	if rel < 0 {
		return nil
	}
	for j := rel + 1; j < k; j++ {
		if sc.toks[j].in(lcFiniteAux) {
			if sc.toks[j].low == sc.toks[aux].low {
				return nil // "Spain, which has sold jets ..., and has ordered": either
			}
			break
		}
	}
	for j := rel - 1; j > sc.s.from && j >= rel-parallelWindow; j-- {
		if sc.toks[j].is(cClauseBreak) {
			return nil
		}
		if sc.toks[j].low == sc.toks[aux].low {
			return sc.subject(j, sc.s.from)
		}
	}
	return nil
}

// relativeOpening finds, left of the comma at c in its clause, the comma
// that opens a relative clause (", which", ", who", ", some of whom"), or
// -1.
func (sc *scope) relativeOpening(c int) int {
	for j := c - 1; j > sc.s.from && j >= c-parallelWindow; j-- {
		t := &sc.toks[j]
		if t.is(cClauseBreak) && !t.in(lcRelativeOpener) && !(t.low == "since" && sc.toks[j-1].is(cAux)) {
			return -1 // "have since returned" is no clause
		}
		if !t.in(lcRelativeOpener) {
			continue
		}
		p := j - 1
		if p-1 > sc.s.from && sc.toks[p].low == "of" {
			p -= 2 // "some of whom", "most of which"
		}
		if p > sc.s.from && sc.toks[p].low == "," {
			return p
		}
		return -1
	}
	return -1
}

// asideVerbWindow: the words between a relative clause's reporting aside
// and its supply verb ("had for years", "continued to").
const asideVerbWindow = 6

// asideRelativeSubject finds the supplier of an active supply verb at i
// in a relative clause whose subject is told through a reporting aside:
// "the US administration, which, he said, had for years supplied", "the
// Iranian regime, which he said continued to smuggle", "Israel, which
// according to flight data and Armenian officials has delivered" (the
// relative pronoun's antecedent, not the speaker), also of a second
// relative clause ("the Houthis, who control ... and who officials say
// have received"); nil if there is none. Buyer-side verbs read it too.
func (sc *scope) asideRelativeSubject(i int) []int {
	k := i - 1
	if k-1 > sc.s.from && sc.toks[k].low == "to" && sc.toks[k-1].in(lcControlVerb) {
		k -= 2 // "continued to smuggle"
	}
	for n := 0; k > sc.s.from && n < asideVerbWindow && sc.asideVerbWord(k); n++ {
		k--
	}
	if k > sc.s.from && sc.toks[k].low == "," {
		k--
	}
	if k <= sc.s.from {
		return nil
	}
	if k = sc.reportingAsideBefore(k); k <= sc.s.from {
		return nil
	}
	if sc.toks[k].low == "," {
		k--
	}
	if k <= sc.s.from || !sc.toks[k].in(lcRelativeWhich) && sc.toks[k].low != "who" || sc.toks[k].low == "whose" {
		return nil
	}
	return sc.antecedent(sc.firstRelative(k), sc.s.from)
}

// asideListWords: the words of a list of verbs before the verb a
// reporting aside's name is the subject of ("had armed, trained and").
const asideListWords = 4

// asideNameSubject finds the supplier of an active supply verb at i whose
// subject, a name opening its clause, is parted from it by a reporting
// aside between commas: "Rwanda, she said, had armed the M23", "Iran,
// officials say, has sent drones" (the name, not the speaker); nil if
// there is none.
func (sc *scope) asideNameSubject(i int) []int {
	k, lo := i-1, i-asideVerbWindow-asideListWords
	for k > sc.s.from && k >= lo && (sc.toks[k].low != "," || !sc.toks[k-1].is(cReporting)) {
		k-- // bit tests first: most verbs have no aside before them
	}
	if k <= sc.s.from || k < lo {
		return nil
	}
	k = i - 1
	for n := 0; k > sc.s.from && n < asideVerbWindow && sc.asideVerbWord(k); n++ {
		k--
	}
	for n := 0; n < verbListMembers && k-2 > sc.s.from && sc.toks[k].low == "," && !sc.toks[k-1].is(cReporting) && verbLike(sc.toks[k-1].low); n++ {
		k -= 2 // "Rwanda, she said, had armed, trained": the list's first verb
		for k > sc.s.from && sc.asideVerbWord(k) {
			k--
		}
	}
	if k-2 <= sc.s.from || sc.toks[k].low != "," || !sc.toks[k-1].is(cReporting) {
		return nil
	}
	if _, trig := sc.trigOf(&sc.toks[k-1]); trig {
		return nil // "Iran, he accused, has": a relation of its own
	}
	if k = sc.speakerStart(k - 2); k <= sc.s.from || sc.toks[k].low != "," {
		return nil
	}
	mi, ok := sc.endAt(k - 1)
	if !ok {
		return nil
	}
	g := sc.ms[mi].group
	if !sc.eligible(g) {
		return nil
	}
	if p := sc.prevWord(sc.ms[sc.grp[g][0]].from); p >= sc.s.from && !sc.toks[p].is(cClauseBreak) && sc.toks[p].low != "," && sc.toks[p].low != "the" {
		return nil // "accused Iran, he said, of": the name is an object
	}
	return sc.grp[g]
}

// speakerStart returns the word before the speaker of a reporting aside
// ending at k: a name, a pronoun or up to unnamedSpeakerWindow words no
// actor names ("US officials").
func (sc *scope) speakerStart(k int) int {
	if mi, ok := sc.endAt(k); ok {
		return sc.ms[sc.grp[sc.ms[mi].group][0]].from - 1
	}
	if sc.toks[k].is(cPronoun) {
		return k - 1
	}
	for n := 0; k > sc.s.from && n < unnamedSpeakerWindow && sc.speakerWord(k); n++ {
		k--
	}
	return k
}

// accordingWindow: the words of an "according to" aside before the actor
// that ends it ("according to flight-tracking data and").
const accordingWindow = 6

// reportingAsideBefore returns where the words before a reporting aside
// ending at k end: "he said", "officials say", "according to flight data
// and Armenian officials"; sc.s.from when k ends none.
func (sc *scope) reportingAsideBefore(k int) int {
	if sc.toks[k].in(lcSayVerb) {
		k--
		if mi, ok := sc.endAt(k); ok {
			return sc.ms[sc.grp[sc.ms[mi].group][0]].from - 1 // "which officials say"
		}
		if k > sc.s.from && sc.toks[k].is(cPronoun) {
			return k - 1
		}
		for n := 0; k > sc.s.from && n < unnamedSpeakerWindow && sc.speakerWord(k); n++ {
			k-- // "which Western governments say"
		}
		return k
	}
	mi, ok := sc.endAt(k)
	if !ok {
		return sc.s.from
	}
	j := sc.ms[sc.grp[sc.ms[mi].group][0]].from - 1
	for n := 0; j > sc.s.from+1 && n < accordingWindow && sc.toks[j].low != "to"; n++ {
		if t := &sc.toks[j]; t.cap || !t.word && t.low != "," {
			return sc.s.from
		}
		j--
	}
	if j <= sc.s.from+1 || sc.toks[j].low != "to" || sc.toks[j-1].low != "according" {
		return sc.s.from
	}
	return j - 2
}

// unnamedSpeakerWindow: the words of a speaker no actor names ("Western
// governments", "US officials").
const unnamedSpeakerWindow = 3

// speakerWord reports a word of a speaker no actor names: a noun or an
// adjective, not a verb, a preposition or a relative word.
func (sc *scope) speakerWord(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.is(cAux|cBe|cPreposition|cClauseBreak|cPronoun) && !t.in(lcRelativeWhich) && t.low != "who" && t.low != "and"
}

// unnamedRelativeClaim records, for a verb of saying at r whose subject
// is words no actor names right after a relative word, the clause after
// it as a claim with no speaker, and reports it: "Russia, which Western
// governments say has ..." (the relative word is what is said, its
// antecedent no speaker).
func (sc *scope) unnamedRelativeClaim(r int) bool {
	k, n := r-1, 0
	for ; k > sc.s.from && n < unnamedSpeakerWindow && sc.speakerWord(k) && !sc.inMention(k); n++ {
		k--
	}
	if n == 0 || k <= sc.s.from || !(sc.toks[k].in(lcRelativeWhich) && sc.toks[k].low != "whose" || sc.toks[k].low == "who") {
		return false
	}
	sc.claims = append(sc.claims, claim{from: r + 1, to: sc.s.to, unnamed: true})
	return true
}

// firstRelative returns the first relative word of relative clauses
// coordinated by "and" whose second one opens at k: "who control ... and
// who officials say" (the first "who"); k itself when none.
func (sc *scope) firstRelative(k int) int {
	p := k - 1
	if p <= sc.s.from || sc.toks[p].low != "and" {
		return k
	}
	for j := p - 1; j > sc.s.from && j >= p-parallelWindow; j-- {
		if sc.toks[j].low == sc.toks[k].low {
			return j
		}
		if sc.toks[j].is(cClauseBreak) {
			break
		}
	}
	return k
}

// asideVerbWord reports a word between a reporting aside and its verb:
// an auxiliary, an adverb, a time word or the "for" of "for years".
func (sc *scope) asideVerbWord(k int) bool {
	t := &sc.toks[k]
	if t.is(cAux|cPassiveAdverb) || sc.adverb(k) || t.in(lcTimeWord) {
		return true
	}
	return t.low == "for" && k+1 < sc.s.to && sc.toks[k+1].in(lcTimeWord)
}

// noClaimWindow: the words between a negation and the "that" of the
// clause it empties ("no credible evidence that").
const noClaimWindow = 3

// noClaimThat reports a supply whose subject, starting at at, opens a
// that-clause after a negated noun: "there is no evidence that Iran
// supplied ...", "no suggestion that Washington armed the group" (nothing
// is told as done).
func (sc *scope) noClaimThat(at int) bool {
	p := at - 1
	if p-1 > sc.s.from && sc.toks[p].in(lcDeterminer) {
		p-- // "found no evidence that the Ugandan government had armed the M23"
	}
	if p-1 <= sc.s.from || sc.toks[p].low != "that" {
		return false
	}
	if sc.deniedThat(p) || sc.toks[p-1].is(cClaimNoun) && sc.noEvidenceAfter(p) || sc.unconfirmedThat(p) {
		return true // "looked into reports that the army had acquired Iranian drones, but found no evidence"
	}
	if sc.negatedSupportThat(p) {
		return true // "found no evidence to support claims that", "found nothing to indicate that"
	}
	for k := p - 1; k >= sc.s.from && k >= p-noClaimWindow; k-- {
		t := &sc.toks[k]
		if t.is(cNegator) {
			return true
		}
		if !t.word || t.cap {
			return false
		}
	}
	return false
}

// negatedSupportThat reports the "that" at p of a clause a negated finding
// would have to bear out through an infinitive: "found no evidence to
// support claims that Iran has sent weapons", "found nothing to indicate
// that the government had supplied parts", "there is nothing to suggest
// that" (a word of nothing, or an evidence noun after a negator; then
// "to", a verb, and a claim noun or none before "that").
func (sc *scope) negatedSupportThat(p int) bool {
	k := p - 1
	if sc.toks[k].is(cClaimNoun) {
		k-- // "to support claims that"
	}
	if k-2 < sc.s.from || sc.toks[k-1].low != "to" {
		return false
	}
	if v := &sc.toks[k]; !v.word || v.cap {
		return false
	}
	h := &sc.toks[k-2]
	if h.in(lcDenialNothing) {
		return true
	}
	if !h.in(lcEvidenceNoun) {
		return false
	}
	for n := k - 3; n >= sc.s.from && n >= k-2-noClaimWindow; n-- {
		if sc.toks[n].is(cNegator) {
			return true // "no credible evidence to"
		}
		if !sc.toks[n].word || sc.toks[n].cap {
			return false
		}
	}
	return false
}

// noteUnconfirmed remembers who told a supply by src at i as unshown
// ("the experts said they had found no evidence that the Ugandan
// government had armed the M23") as having raised the charge, for a
// denial by the supplier that answers it later ("Uganda's military
// spokesman called the account \"fiction\""). No edge: nothing is told
// as done.
func (sc *scope) noteUnconfirmed(src []int, i int) {
	c, ok := sc.claimAt(i)
	if !ok || c.by == "" {
		return
	}
	for _, id := range sc.ids(src) {
		if !sc.affiliated(c.by, id) {
			sc.st.accusers = append(sc.st.accusers, accusation{by: c.by, of: id, event: sc.st.events, at: sc.st.sentences})
		}
	}
}

// rankedOfWindow: the words of the goods between a supplier noun's "of"
// and the "after" of its rank ("supplier of military aid after").
const rankedOfWindow = 4

// rankedAfter returns the "after" that names who ranks before a supplier
// noun at i, right after the noun or past its "of" and goods: "Germany is
// Ukraine's second-largest supplier of military aid after the United
// States", "second-biggest source of military aid after" (who ranks first
// supplies the same recipient). 0 when none.
func (sc *scope) rankedAfter(i int) int {
	k := i + 1
	if k < sc.s.to && sc.toks[k].low == "of" {
		goods := false
		for k++; k < sc.s.to && k <= i+1+rankedOfWindow && sc.toks[k].low != "after"; k++ {
			if t := &sc.toks[k]; !t.word || t.cap || t.is(cClauseBreak) {
				return 0
			}
			goods = goods || sc.toks[k].is(cGoods)
		}
		if !goods {
			return 0
		}
	}
	if k < sc.s.to && sc.toks[k].low == "after" {
		return k
	}
	return 0
}

// rankedFirst reports an actor z after a rank's "after" that ends its
// phrase: "after the United States," (not "after Russia invaded", "after
// Russia's invasion": a time, not a rank).
func (sc *scope) rankedFirst(z []int) bool {
	m := &sc.ms[z[len(z)-1]]
	if m.poss || m.pron != "" || sc.possessedHead(z[len(z)-1]) {
		return false
	}
	return m.to >= sc.s.to || !sc.toks[m.to].word || sc.toks[m.to].low == "and" || sc.toks[m.to].low == "according"
}

// unconfirmedWindow: the words of the claim a verb of confirming takes
// before its "that" ("could not confirm earlier media reports that").
const unconfirmedWindow = 4

// unconfirmedNegWindow: the words from a negation to the verb of
// confirming it negates ("could not independently confirm").
const unconfirmedNegWindow = 3

// unconfirmedThat reports a "that" at p after a negated verb of confirming
// (class confirm-verb) with at most a claim's lower-case noun phrase
// between: "the experts could not confirm earlier media reports that the
// Wagner Group had provided missiles to the RSF", "did not verify that"
// (nothing is told as done; "confirmed reports that" stays a claim).
func (sc *scope) unconfirmedThat(p int) bool {
	for k := p - 1; k >= sc.s.from && k >= p-1-unconfirmedWindow; k-- {
		t := &sc.toks[k]
		if sc.x.lex.in("confirm-verb", t.low) {
			for n := k - 1; n >= sc.s.from && n >= k-unconfirmedNegWindow; n-- {
				if sc.toks[n].is(cNegator) {
					return true
				}
				if !sc.toks[n].word || sc.toks[n].is(cClauseBreak) {
					return false
				}
			}
			return false
		}
		if !t.word || t.cap || t.is(cClauseBreak) {
			return false
		}
	}
	return false
}

// tradeGoodsWindow: the words a supply's goods may take after its trigger
// ("agreed to ship up to 2 million tonnes of liquefied natural gas").
const tradeGoodsWindow = 12

// noSupplyObject reports a supply trigger at i whose object makes it no
// supply: goods of trade only (tradeGoods), each other (mutual aid
// promised in a pact: "are obliged to provide each other military
// assistance") or an infinitive after a verb of promising ("promised to
// keep targeting ships": the infinitive is the act promised, read by its
// own trigger if it has one).
func (sc *scope) noSupplyObject(i int, t trig) bool {
	if sc.tradeGoods(i, t) {
		return true
	}
	if t.pos == noun {
		return false
	}
	if sc.resaleObject(i) {
		return true // "Germany, which must approve the re-export of the German-made vehicles": another exports again
	}
	if sc.reciprocalAfter(i) || i+1 < sc.s.to && sc.toks[i+1].low == "to" && sc.reciprocalAfter(i+1) {
		return true
	}
	return sc.promisedAct(i)
}

// resaleObject reports a verb at i whose object is a resale (class
// resale-noun, after a determiner or a possessive): "must approve the
// re-export of the German-made vehicles", "approved their re-export" (the
// verb's subject lets another export again; a re-export's own verb,
// "re-exported to the RSF by the UAE", is a supply).
func (sc *scope) resaleObject(i int) bool {
	k := i + 1
	if k < sc.s.to && (sc.toks[k].in(lcDeterminer) || sc.toks[k].in(lcNounDeterminer)) {
		k++
	}
	if k >= sc.s.to || !strings.HasPrefix(sc.toks[k].low, "re") {
		return false // every word of the class starts so: the lookup is skipped for all others
	}
	return sc.x.lex.in("resale-noun", sc.toks[k].low)
}

// promisedAct reports a verb of promising at i followed by "to" and a
// verb: "vowed to keep", "pledged to help" (not "pledged to Ukraine",
// "promised to the army", "pledged to its allies", "pledged to both"; nor
// a verb of providing, whose goods the promise frames: "pledged to resume
// financial aid to", class provision-verb).
func (sc *scope) promisedAct(i int) bool {
	if !sc.toks[i].is(cPromise) || i+2 >= sc.s.to || sc.toks[i+1].low != "to" {
		return false
	}
	n := &sc.toks[i+2]
	if !n.word || n.cap || n.is(cGoods|cQuantifier|cNounDeterminer|cPronoun|cProvision) || n.in(lcDeterminer) || n.in(lcNumberWord) || n.in(lcGoodsAdjective) {
		return false
	}
	if _, ok := sc.startAt(i + 2); ok {
		return false // "pledged to neighbouring Moldova"
	}
	if t, ok := sc.trigOf(n); ok && t.rel == graph.Supplies {
		return false // "pledged to deliver": the promise reads the goods as before
	}
	return !strings.HasSuffix(n.low, "ing") && !strings.HasSuffix(n.low, "ed")
}

// tradeGoods reports a supply trigger at i whose goods are goods of trade
// only (class trade-goods, with amounts and other commodities: "sends
// most of its gas to China", "supplying Hungary with gas", "gas supplies
// to Europe", "shipments of LNG"), not when weapons or aid go with them
// ("gas and weapons") or the goods are given ("donated wheat").
func (sc *scope) tradeGoods(i int, t trig) bool {
	lo := i + 1
	if t.pos == noun {
		lo = max(sc.s.from, i-2) // "natural gas supplies"
	}
	seen := false
	for k := lo; k < sc.s.to && k <= i+tradeGoodsWindow; k++ {
		g := &sc.toks[k]
		w := g.low
		if k == i || w == "to" && k > sc.s.from && sc.toks[k-1].low == "up" {
			continue // "up to 2 million tonnes"
		}
		if w == "for" && t.from == "on" {
			continue // "relied on Russia for half of its gas imports": the goods follow "for"
		}
		if g.is(cClauseBreak) || w == "to" || w == "for" || w == "from" || w == "," || w == "via" || w == "through" {
			if k < i {
				seen = false // ", including supplies of electricity": the noun's own goods follow
				continue
			}
			break
		}
		switch {
		case g.in(lcTradeGoods):
			seen = true
		case sc.notTradeGoods(k):
			return false // "gas and weapons", "fuel aid"
		}
	}
	if !seen || sc.x.lex.has(lcGiftLemma, t.lemma) {
		return false
	}
	for k, end := i+1, sc.clauseEnd(i+1); k < end; k++ {
		if sc.toks[k].in(lcRelativeOpener) || sc.toks[k].in(lcComplementizer) {
			break // "crude oil to Benin, a trade lifeline that has nothing to do with arms": a relative tells no goods of the verb
		}
		if sc.notTradeGoods(k) {
			return false // "wheat to Burkina Faso as a gift, along with armoured vehicles"
		}
	}
	return true
}

// notTradeGoods reports a word at k that makes goods more than trade:
// goods that are no commodity ("armoured vehicles"), an aid noun, or a
// supply noun ("as a gift", "in aid").
func (sc *scope) notTradeGoods(k int) bool {
	g := &sc.toks[k]
	if g.in(lcTradeGoods) || g.in(lcTradeMeasure) {
		return false
	}
	if g.in(lcAidNoun) || g.is(cGoods) && !g.is(cCommodity) {
		return true
	}
	tr, ok := sc.trigOf(g)
	return ok && tr.rel == graph.Supplies && tr.pos == noun && !tr.reverse && !g.is(cCommodity) // "its oil exports"
}

// negatedChain reports a negation among the auxiliaries and adverbs right
// before a passive participle at lo: "were never delivered", "has not
// been supplied", "were not yet handed over".
func (sc *scope) negatedChain(lo int) bool {
	for k := lo - 1; k >= sc.s.from && k >= lo-winAdverb; k-- {
		t := &sc.toks[k]
		if t.is(cNegator) {
			return true
		}
		if !t.is(cAux|cBe) && !sc.adverb(k) && t.low != "yet" && t.low != "been" {
			return false
		}
	}
	return false
}

// otherRecipient reports a recipient named in the sentence of a supply
// trigger at i, right after another supply word and its "to": "the tanks
// pledged to Kyiv would be shipped once Washington had approved the
// transfer" (the sentence's own recipient; the one of the sentences before
// is stale there).
func (sc *scope) otherRecipient(i int) bool {
	for k := sc.s.from; k+1 < sc.s.to; k++ {
		if k == i || sc.toks[k+1].low != "to" {
			continue
		}
		if t, ok := sc.trigOf(&sc.toks[k]); ok && t.rel == graph.Supplies && sc.after(k+1) != nil {
			return true
		}
	}
	return false
}

// neededGoods reads a verb of needing or asking for goods at i (class
// special-need): its subject, one state or a body or the forces of one,
// becomes the recipient that a supply with no recipient of its own in the
// sentences after takes ("Armenia's defence ministry has said that its
// army lacks modern armoured transport. Paris has now shipped a first
// batch of Bastion vehicles": contextRecipient). No goods, a negation or
// no state: nothing.
func (sc *scope) neededGoods(i int) {
	if !sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) || sc.negated(max(sc.s.from, i-winPolarity), i, false) {
		return
	}
	subj := sc.verbSubject(i)
	if subj == nil {
		subj = sc.ownerOfForces(i) // "its army lacks"
	}
	ids := sc.ids(subj)
	if len(ids) != 1 {
		return
	}
	id := ids[0]
	if aff := sc.affOf(id); aff != "" {
		id = aff // "Haiti's national police", "Armenia's defence ministry"
	}
	if a, ok := sc.x.actor(id); ok && a.Type == graph.Country {
		sc.st.setRecipient(id)
		sc.st.needy, sc.st.needyAt = id, sc.st.sentences // "Romania gave them 40 radars": "them" (needyRecipient)
	}
}

// ownerOfForces finds the possessor of a state's forces right before the
// verb at i: "said its army lacks" (the "its").
func (sc *scope) ownerOfForces(i int) []int {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.adverb(k)) {
		k--
	}
	if k-1 < sc.s.from || !sc.toks[k].in(lcArmyRef) {
		return nil
	}
	if mi, ok := sc.endAt(k - 1); ok && sc.ms[mi].poss {
		return []int{mi}
	}
	return nil
}

// handoverPlace finds the state of the place where a supply verb at i
// with goods and no recipient hands them over: "at" or "in" a state or its
// capital and a place noun ("handed over four helicopters at Sarajevo
// airport", "delivered the jets at Kaunas air base": class place-head).
// Not the supplier's own place ("at a ceremony in Berlin").
func (sc *scope) handoverPlace(i int, src []int) []int {
	if !sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) {
		return nil
	}
	for k, end := i+1, sc.clauseEnd(i+1); k+2 < end; k++ {
		if w := sc.toks[k].low; w != "at" && w != "in" {
			continue
		}
		mi, ok := sc.startAt(k + 1)
		if !ok || sc.ms[mi].to >= sc.s.to || !sc.toks[sc.ms[mi].to].in(lcPlaceHead) {
			continue
		}
		a, ok := sc.x.mentionActor(&sc.ms[mi])
		if !ok || a.Type != graph.Country || slices.Contains(sc.ids(src), sc.ms[mi].id) {
			continue
		}
		return []int{mi}
	}
	return nil
}

// topicRecipient finds the topic a sentence opens with, one state after
// a topic word and before a comma (class topic-opener): "On Ukraine, the
// assistant secretary said Washington had delivered Patriot interceptors"
// (it receives a supply with goods and no recipient in the sentence).
// Not the supplier itself. For a supplier noun (in), "In" opens a topic
// too when the state is named by its own name, not by its capital, and
// none of its officials is named after it: "In Indonesia, France is set to
// overtake its rivals as the largest supplier" (supplies round 23; "In
// Islamabad, the minister said", "In Israel, Defence Minister Benny Gantz
// accused" name where it was said).
func (sc *scope) topicRecipient(src []int, in bool) []int {
	k := sc.s.from
	if k+2 >= sc.s.to || !sc.toks[k].in(lcTopicOpener) && !(in && sc.toks[k].low == "in") {
		return nil
	}
	mi, ok := sc.startAt(k + 1)
	if !ok || sc.ms[mi].to >= sc.s.to || sc.toks[sc.ms[mi].to].low != "," {
		return nil
	}
	m := &sc.ms[mi]
	a, ok := sc.x.mentionActor(m)
	if !ok || a.Type != graph.Country || slices.Contains(sc.ids(src), m.id) {
		return nil
	}
	if sc.toks[k].low == "in" && (!strings.EqualFold(sc.text[sc.toks[m.nFrom].start:sc.toks[m.to-1].end], a.Name) || sc.ownOfficial(mi)) {
		return nil // "In Islamabad, the minister said", "In Israel, Defence Minister Benny Gantz accused": where it was said, not a topic
	}
	return []int{mi}
}

// buyerOfSuppliers makes the possessor y of a supplier noun that names
// no supplier, one state, the recipient a supply with none of its own in
// the sentences after takes: "Belgrade has been diversifying its defence
// suppliers. France will begin delivering the first of 12 Rafale jets in
// 2028" (France supplies Serbia; contextRecipient).
func (sc *scope) buyerOfSuppliers(y []int) {
	ids := sc.ids(y)
	if len(ids) != 1 {
		return
	}
	if a, ok := sc.x.actor(ids[0]); ok && a.Type == graph.Country {
		sc.st.setRecipient(ids[0])
	}
}

// goodsOwnerWindow: the words of goods before a verb of coming ("most of
// its heavy military equipment comes").
const goodsOwnerWindow = 5

// goodsComeFrom reads goods a state owns that come from a supplier, at
// a verb of coming at i (class special-come): "Algeria, whose arsenal
// comes overwhelmingly from Russia", "most of India's weapons came from
// Moscow", "its warplanes come from France" (the supplier supplies the
// owner). Goods of trade are commerce ("Europe's gas came from Russia").
func (sc *scope) goodsComeFrom(i int) bool {
	j := i + 1
	if j < sc.s.to && sc.adverb(j) {
		j++
	}
	if j+1 >= sc.s.to || sc.toks[j].low != "from" || !sc.ownGoods(i-1) {
		return false
	}
	x := sc.after(j)
	y := sc.comingGoodsOwner(i)
	if x == nil || y == nil || sc.negated(max(sc.s.from, i-winAdverb), i, false) {
		return false
	}
	sc.emit(graph.Supplies, x, y, i, graph.Asserted, "", "")
	return true
}

// ownGoods reports goods right before k that a state owns: no commodity
// (class commodity) and no trade goods; an arsenal or imports (class
// possessed-recipient) count.
func (sc *scope) ownGoods(k int) bool {
	if k < sc.s.from {
		return false
	}
	t := &sc.toks[k]
	if t.is(cCommodity) || t.in(lcTradeGoods) {
		return false
	}
	return t.is(cGoods) && !t.is(cGoodsModifier) || t.in(lcPossessedRecipient) && !t.in(lcArmyRef)
}

// comingGoodsOwner finds the owner of the goods before a verb of coming at
// i: a possessive ("India's weapons", "its warplanes") or the antecedent
// of "whose" (", whose arsenal").
func (sc *scope) comingGoodsOwner(i int) []int {
	k := i - 1
	for k > sc.s.from && k >= i-goodsOwnerWindow && (sc.toks[k].is(cGoods) || sc.toks[k].in(lcGoodsAdjective) || sc.toks[k].in(lcPossessedRecipient) || sc.x.lex.isAdjectiveLike(sc.toks[k].low)) {
		if _, ok := sc.endAt(k); ok {
			break
		}
		k--
	}
	if sc.toks[k].low == "'s" {
		k--
	}
	if sc.toks[k].low == "whose" && k-1 > sc.s.from && sc.toks[k-1].low == "," {
		k -= 2
	}
	mi, ok := sc.endAt(k)
	if !ok {
		return nil
	}
	if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && a.Type != graph.Country {
		return nil
	}
	return []int{mi}
}

// cargoBefore finds a load of goods ("shipment of", "consignment of":
// class cargo-noun, and "of") before an arrival verb at i, in its
// clause: it arrives as a vehicle carrying them does.
func (sc *scope) cargoBefore(i int) (int, bool) {
	for k := i - 1; k > sc.s.from && k >= i-carryWindow; k-- {
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," {
			break
		}
		if sc.toks[k].in(lcCargoNoun) && k+1 < i && sc.toks[k+1].low == "of" {
			return k, true
		}
	}
	return 0, false
}

// fromAfterRecipient finds the supplier a supply noun names after its
// recipient tgt with "from": "military aid to Ukraine from Germany", "an
// assistance measure for Moldova's armed forces from the European Union"
// (past the recipient's body: class head).
func (sc *scope) fromAfterRecipient(tgt []int) []int {
	k := sc.ms[tgt[len(tgt)-1]].to
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	for n := 0; k < sc.s.to && n < possessedHeadWindow && !sc.toks[k].is(cHead); n++ {
		if sc.toks[k].low == "from" {
			break
		}
		k++
	}
	if k < sc.s.to && sc.toks[k].is(cHead) {
		k++ // "Moldova's armed forces"
	}
	if k+1 >= sc.s.to || sc.toks[k].low != "from" {
		return nil
	}
	g := sc.after(k)
	if g == nil || sc.ms[g[len(g)-1]].poss || slices.Contains(sc.ids(g), sc.ms[tgt[0]].id) {
		return nil // not "from Egypt's Rafah crossing": a place
	}
	return g
}

// pastQuantity returns where the goods' own words start after k, past a
// determiner and a quantity ("a further 30 Bushmaster protected mobility
// vehicles": the window for goods counts from "Bushmaster").
func (sc *scope) pastQuantity(k int) int {
	for k < sc.s.to {
		t := &sc.toks[k]
		if !t.in(lcDeterminer) && !t.in(lcNumberWord) && !startsDigit(t.text) && t.low != "further" && t.low != "another" && t.low != "more" {
			break
		}
		k++
	}
	return k
}

// deniedThat reports a "that" at p opening the reports a denial rejects:
// "Iran denied reports that it had shipped missiles to Russia", "rejected
// allegations that it was funnelling weapons" (a verb of denying and a
// claim noun: reports no one is named for; an accusation that names the
// supply gives the edge). "denied that it had sent" keeps a denied supply.
func (sc *scope) deniedThat(p int) bool {
	k := p - 1
	if !sc.toks[k].is(cClaimNoun) {
		return false // "Eritrea denied that it had sent weapons": a denied supply, kept as such
	}
	k--
	if k > sc.s.from && sc.toks[k].in(lcDeterminer) {
		k--
	}
	if k < sc.s.from {
		return false
	}
	t, ok := sc.trigOf(&sc.toks[k])
	return ok && t.rel == graph.Denies && t.pos != noun
}

// nounModifierOrFrom finds the supplier of a supply noun at i with
// recipient tgt: its modifier ("Russia's continued military aid"), else
// "from X" after the recipient ("an assistance measure for Moldova's
// armed forces from the European Union").
func (sc *scope) nounModifierOrFrom(i int, tgt []int) []int {
	if src := sc.nounModifier(i); src != nil {
		return src
	}
	return sc.fromAfterRecipient(tgt)
}

// Supplies round 11 (batch 20 read after its sealed run): the supplier of
// a buyer-side verb told in an apposed share of the goods, suppliers named
// as a state's companies or factories, a second "and to" recipient, and
// goods received in the passive by their possessor.

// shareSource finds the supplier of a buyer-side verb at i named in a
// share of its goods apposed later in the sentence: "has imported $1
// billion worth of weapons since it seized power in 2021, much of it from
// Russia and China" (class share-word; optional "the": "the bulk of them
// from"). The apposition may follow a subordinate clause; a relative
// pronoun, "but" or a semicolon ends the search.
func (sc *scope) shareSource(i int) []int {
	for k := i + 1; k < sc.s.to; k++ {
		w := sc.toks[k].low
		if w == ";" || w == "but" || w == "which" || w == "who" || w == "whereas" {
			return nil
		}
		if w != "," {
			continue
		}
		j := k + 1
		if sc.wordAt(j) == "the" {
			j++
		}
		if j < sc.s.to && sc.toks[j].in(lcShareWord) && sc.wordAt(j+1) == "of" && (sc.wordAt(j+2) == "it" || sc.wordAt(j+2) == "them") && sc.wordAt(j+3) == "from" {
			return sc.after(j + 3)
		}
	}
	return nil
}

// companyAgentWindow: the words from "by" to the company noun of a
// state's companies ("by Russian state-owned entities").
const companyAgentWindow = 4

// companyAgent finds the agent of a passive supply participle at hi told
// as a state's companies: "were transferred to the military by Russian
// entities" (a demonym, then lower-case words and a company-head noun;
// not "by Singapore-based firms", no demonym).
func (sc *scope) companyAgent(hi int) []int {
	for k := hi + 1; k < sc.s.to && k < hi+1+supplyAgentWindow; k++ {
		w := sc.toks[k].low
		if w == "by" {
			for j := k + 2; j < sc.s.to && j <= k+companyAgentWindow; j++ {
				if sc.toks[j].in(lcCompanyHead) {
					return sc.demonymBefore(j)
				}
			}
			return nil
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" {
			return nil
		}
	}
	return nil
}

// nextRecipientWindow: the words from the end of a recipient to the "and
// to" of a second one, past an apposition on the first ("to the FDLR, a
// group founded by Hutu extremists linked to the 1994 genocide, and to").
const nextRecipientWindow = 16

// nextRecipient finds a second recipient coordinated by "and to" after
// the recipient ending at k: "had handed weapons to the FDLR ... and to
// local \"Wazalendo\" militias" (a name, or a demonym's people or units).
// A clause break, a relative pronoun or a verb of saying ends the search.
func (sc *scope) nextRecipient(k int) []int {
	for j := k; j+2 < sc.s.to && j < k+nextRecipientWindow; j++ {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == "which" || t.low == "who" || t.in(lcSayVerb) {
			return nil
		}
		to := j + 1
		if t.low == "as" && sc.wordAt(j+1) == "well" && sc.wordAt(j+2) == "as" {
			to = j + 3 // "as well as to"
		} else if t.low == "along" && sc.wordAt(j+1) == "with" {
			to = j + 2
		} else if t.low != "and" {
			continue
		}
		to = sc.gappedGoodsTo(to) // "delivered tanks to Poland and howitzers to Lithuania"
		if sc.wordAt(to) != "to" {
			continue
		}
		if g := sc.after(to); g != nil && !sc.ms[g[len(g)-1]].poss {
			if a := sc.bracketedName(g); a != nil {
				return a // "and some $32 million to the United Nations Relief and Works Agency ... (UNRWA)"
			}
			return g
		}
		if g := sc.knownAs(to + 1); g != nil {
			return g // "and to the coalition of militias known as Wazalendo"
		}
		return sc.demonymRecipient(to + 1)
	}
	return nil
}

// receivedPassive finds the buyer of a buyer-side participle at i in the
// passive, as the possessor of its goods subject: "most of Venezuela's
// front-line equipment had been received from Russia" (Venezuela).
func (sc *scope) receivedPassive(i int, t trig) []int {
	if t.pos != verbPast || !sc.passiveChain(i) {
		return nil
	}
	lo, _ := sc.participleChain(i)
	return sc.possessedSubject(lo)
}

// pronounGoods reports "them" or "it" right after a supply verb at i (or
// its particle) standing for goods named before it in the sentence:
// "Iranian drones have been seen over Omdurman, and officials say Tehran
// delivered them to the army" (not "the hostages ... handed them to": no
// goods before).
func (sc *scope) pronounGoods(i int) bool {
	k := i + 1
	if k < sc.s.to && sc.toks[k].in(lcVerbParticle) {
		k++
	}
	if k >= sc.s.to || sc.toks[k].low != "them" && sc.toks[k].low != "it" {
		return false
	}
	return sc.goodsBetween(sc.s.from, i)
}

// assentedTo returns the verb of assent before the "to" at k, past an
// opening quote, that governs a supply noun ("Paris had agreed to \"the
// future delivery of military equipment\" to Armenia"; class
// assent-verb), else k.
func (sc *scope) assentedTo(k int) int {
	j := k
	if j > sc.s.from && sc.toks[j].low == `"` {
		j--
	}
	if j-1 >= sc.s.from && sc.toks[j].low == "to" && sc.toks[j-1].in(lcAssentVerb) {
		return j - 1
	}
	return k
}

// noEvidenceAfter reports a negated noun of evidence after the "that" at
// p, later in the sentence: "had looked into media reports that the army
// had acquired Iranian-made drones, but had found no evidence that Tehran
// delivered them" (class evidence-noun: the reports stay unconfirmed).
func (sc *scope) noEvidenceAfter(p int) bool {
	for k := p + 1; k+1 < sc.s.to; k++ {
		if !sc.toks[k].is(cNegator) {
			continue
		}
		for n := k + 1; n < sc.s.to && n <= k+2; n++ {
			if sc.toks[n].in(lcEvidenceNoun) {
				return true
			}
		}
	}
	return false
}

// fundedOwnerWindow: the words from "of" to the demonym's head noun ("of
// a Fijian hydrographic vessel").
const fundedOwnerWindow = 4

// fundedOwner finds the state whose thing a verb of paying for funds at
// i (class fund-lemma): "New Zealand is funding the refit of a Fijian
// hydrographic vessel", "financed the construction of two Somali police
// stations" (a determiner, a noun, "of", a determiner or a number, then a
// demonym). Not "funded the study of Russian history": the demonym's noun
// must be goods, a carrier or a body of the state.
func (sc *scope) fundedOwner(i int, t trig) []int {
	k := i + 1
	if t.goods || !sc.x.lex.has(lcFundLemma, t.lemma) || k >= sc.s.to || !sc.toks[k].in(lcDeterminer) || sc.wordAt(k+2) != "of" {
		return nil
	}
	j := k + 3
	if j >= sc.s.to {
		return nil
	}
	mi, ok := sc.startAt(j)
	if (!ok || !sc.ms[mi].adj) && (sc.toks[j].in(lcDeterminer) || sc.toks[j].in(lcNumberWord) || startsDigit(sc.toks[j].text)) {
		mi, ok = sc.startAt(j + 1)
	}
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	for h := sc.ms[mi].to; h < sc.s.to && h < sc.ms[mi].to+fundedOwnerWindow; h++ {
		if h := &sc.toks[h]; h.is(cGoods|cHead) || h.in(lcCarrierNoun) || h.in(lcRecipientNoun) {
			return sc.grp[sc.ms[mi].group]
		}
	}
	return nil
}

// madeIn reads a maker told after the goods: a participle of making
// (class maker-participle) right after a goods word, "in" and a country's
// name: "drones designed in Iran", "shells made in North Korea" (as
// "Iranian-designed drones"; not "drones shot down in Ukraine", nor "made
// in the region").
func (sc *scope) madeIn(k int) (endpoint, bool) {
	if k-1 < sc.s.from || k+2 >= sc.s.to || !sc.toks[k].in(lcMakerParticiple) || !sc.toks[k-1].is(cGoods) || sc.toks[k+1].low != "in" {
		return endpoint{}, false
	}
	mi, ok := sc.startAt(k + 2)
	if !ok || sc.ms[mi].adj || sc.ms[mi].poss || sc.ms[mi].pron != "" {
		return endpoint{}, false
	}
	if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country {
		return endpoint{}, false
	}
	return sc.ends([]int{mi})[0], true
}

// companyCopulaWindow: the words from a copula back to the supplier role
// it introduces ("had become", "is now the").
const companyCopulaWindow = 4

// companyCopula finds a state's companies as the subject of a copula
// before a supplier's role starting at at: "Chinese firms had become
// Russia's main source of such components", "Turkish companies are the
// main suppliers of drones to Kyiv" (companySubject before the copula,
// class copula, with "become").
func (sc *scope) companyCopula(at int) []int {
	for k := at - 1; k > sc.s.from && k >= at-companyCopulaWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcCopula) || t.low == "become" {
			return sc.companySubject(k)
		}
		if !t.word || t.cap || t.is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// knownAsWindow: the words of a description before "known as" ("the
// loose coalition of pro-government militias known as").
const knownAsWindow = 8

// knownAs finds the name a description starting at k is given by "known
// as": "the loose coalition of pro-government militias known as
// Wazalendo" (a lower-case description, no name in it).
func (sc *scope) knownAs(k int) []int {
	for j := k; j+1 < sc.s.to && j < k+knownAsWindow; j++ {
		t := &sc.toks[j]
		if t.low == "known" && sc.toks[j+1].low == "as" {
			return sc.after(j + 1)
		}
		if _, named := sc.startAt(j); named || !t.word || t.cap && j > k {
			return nil
		}
	}
	return nil
}

// armsVerb reads "arms" at i as the third person of "arm" when a subject
// stands before it and its object or a second verb after it: "Kinshasa
// says Rwanda arms and commands the M23", "allegations that it arms the
// Houthis", "Iran reportedly arms the group" (class special-arms). The
// subject is a name or a pronoun, not a possessive or a demonym ("Russian
// arms", "Iran's arms"), past one adverb; after it, a name, a determiner,
// or "and" and a verb ("arms and trains"), not goods ("arms and
// ammunition") nor a preposition ("arms to Ukraine"). The subject may
// be a name a relative pronoun stands for ("Iran, which arms Hezbollah").
func (sc *scope) armsVerb(i int) {
	if sc.toks[i].cap || i+2 >= sc.s.to {
		return
	}
	k := i - 1
	if k > sc.s.from && sc.adverb(k) {
		k--
	}
	if k-2 >= sc.s.from && (sc.toks[k].low == "which" || sc.toks[k].low == "who") && sc.toks[k-1].low == "," {
		k -= 2 // "Iran, which arms Hezbollah and Hamas, has condemned"
	}
	mi, ok := sc.endAt(k)
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj {
		return
	}
	n := &sc.toks[i+1]
	switch {
	case n.low == "and":
		if v := &sc.toks[i+2]; v.cap || !v.word || v.is(cGoods|cPreposition|cAux) || !verbLike(v.low) {
			return
		}
	case n.in(lcDeterminer):
	default:
		j := i + 1
		if n.low == "both" {
			j++ // "which arms both Algiers and Bamako"
		}
		if _, name := sc.startAt(j); !name {
			return
		}
	}
	sc.supplies(i, trig{rel: graph.Supplies, lemma: "arm", pos: verbBase})
}

// possessiveTailOut drops from a recipient group g its last member when
// that is a possessive pronoun after "and" that owns a noun no actor
// names: "humanitarian aid for Sudan and its neighbours" (Sudan; the
// neighbours are not named). Other groups are returned as they are.
func (sc *scope) possessiveTailOut(g []int) []int {
	if len(g) < 2 {
		return g
	}
	last := &sc.ms[g[len(g)-1]]
	if last.pron == "" || !last.poss && !sc.toks[last.from].in(lcPossessivePronoun) || last.from-1 <= sc.s.from || sc.toks[last.from-1].low != "and" {
		return g
	}
	if _, named := sc.startAt(last.to); named || last.to >= sc.s.to || !sc.toks[last.to].word || sc.toks[last.to].cap {
		return g
	}
	return g[:len(g)-1]
}

// commaGoodsPassive reports a supply participle at i that opens an aside
// on the goods before its comma, with its "to" phrase and then its agent:
// "Two patrol vessels, supplied to the Philippines by Japan under a loan,
// have been deployed" (a passive told as an aside; the "by" phrase must
// name an actor, and only the "to" phrase stands between).
func (sc *scope) commaGoodsPassive(i int) bool {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "," || !sc.goodsNoun(i-2) || i+1 >= sc.s.to || sc.toks[i+1].low != "to" {
		return false
	}
	for k := i + 2; k < sc.s.to && k < i+passiveToWindow; k++ {
		if t := &sc.toks[k]; t.is(cClauseBreak) || t.low == "," || t.low == "to" {
			return false
		}
		if sc.toks[k].low == "by" {
			return sc.after(k) != nil
		}
	}
	return false
}

// topicSupplier reads a supplier noun at i with no recipient of its own
// in a sentence that opens with its topic state (topicRecipient): "In
// Indonesia, France is set to overtake its rivals as the largest
// supplier" (France supplies Indonesia). Not "a supplier of wheat": the
// noun names no goods of its own. It reports whether it emitted.
func (sc *scope) topicSupplier(i int) bool {
	if i+1 < sc.s.to && sc.toks[i+1].low == "of" {
		return false
	}
	x := sc.supplierSubject(i, false)
	if h := sc.phraseHead(i) - 1; x == nil && h > sc.s.from && sc.toks[h].low == "as" {
		x = sc.subject(h, sc.s.from) // "France is set to overtake its rivals as the largest supplier"
	}
	if x == nil {
		return false
	}
	y := sc.topicRecipient(x, true)
	if y == nil || sc.negated(sc.afterBut(sc.window(x, i), i), i, false) {
		return false
	}
	for _, id := range sc.ids(x) {
		if sc.affiliated(id, sc.ms[y[0]].id) {
			return false
		}
	}
	sc.emitEnds(graph.Supplies, sc.ends(x), sc.ends(y), i, graph.Asserted, "", "")
	return true
}

// deniedAfterWindow: the words after an apposition's comma up to its
// clause's negation ("has not", "has still not").
const deniedAfterWindow = 2

// deniedAfterApposition reports a supplier noun at i closing an
// apposition whose clause goes on negated: "Washington, historically the
// largest donor, has not announced fresh money for the Rohingya response"
// (the supplier of the past gives nothing here; the context's recipient
// is no one's to take).
func (sc *scope) deniedAfterApposition(i int) bool {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "," {
		return false
	}
	for k := i + 2; k < sc.s.to && k < i+2+deniedAfterWindow; k++ {
		if sc.toks[k].is(cNegator) {
			return true
		}
		if !sc.toks[k].is(cAux|cBe) && !sc.adverb(k) {
			return false
		}
	}
	return false
}

// parallelToAntecedent reports a supply verb at i in a relative clause
// on the object of a "to" or "for" phrase ("turned to France, which
// agreed to sell Armenia howitzers") with ", and to" or ", and for" after
// k: that phrase is coordinated with the antecedent's ("..., and to
// India, which"), no recipient of the verb's.
func (sc *scope) parallelToAntecedent(i, k int) bool {
	for j := k; j+2 < sc.s.to && j < k+nextRecipientWindow; j++ {
		if sc.toks[j].is(cClauseBreak) {
			return false
		}
		if sc.toks[j].low == "," && sc.wordAt(j+1) == "and" && (sc.wordAt(j+2) == "to" || sc.wordAt(j+2) == "for") {
			return sc.relativeOnPrepObject(i)
		}
	}
	return false
}

// relativeOnPrepObject reports a verb at i in a relative clause opened by
// ", which" or ", who" whose antecedent follows "to" or "for".
func (sc *scope) relativeOnPrepObject(i int) bool {
	for k := i - 1; k-2 > sc.s.from && sc.toks[k].low != ","; k-- {
		if w := sc.toks[k].low; w != "which" && w != "who" {
			continue
		}
		mi, ok := sc.endAt(k - 2)
		if sc.toks[k-1].low != "," || !ok {
			return false
		}
		p := sc.ms[mi].from - 1
		return p >= sc.s.from && (sc.toks[p].low == "to" || sc.toks[p].low == "for")
	}
	return false
}

// ownOfficial reports a mention after mi in the sentence that speaks for
// mi's state: an official or body affiliated with it.
func (sc *scope) ownOfficial(mi int) bool {
	for k := mi + 1; k < len(sc.ms); k++ {
		if sc.ms[k].pron == "" && sc.ms[k].id != sc.ms[mi].id && sc.affiliated(sc.ms[k].id, sc.ms[mi].id) {
			return true
		}
	}
	return false
}

// andAsideWindow: the words of a reporting aside between "and," and the
// second verb it stands before ("and, according to Western diplomats of
// the period, provided").
const andAsideWindow = 10

// andAsideSubject finds the subject of a supply verb at i that follows a
// reporting aside opened right after "and": "Algeria sheltered the
// Polisario Front in the camps and, according to Western diplomats,
// provided most of its rifles" (the first verb's subject, not its object;
// 3220), "and, officials say, sent". The aside opens with "according" or
// holds a verb of saying.
func (sc *scope) andAsideSubject(i int) []int {
	if i-2 <= sc.s.from+1 || sc.toks[i-1].low != "," {
		return nil
	}
	said := false
	for c := i - 2; c > sc.s.from+1 && c >= i-andAsideWindow; c-- {
		t := &sc.toks[c]
		if t.is(cClauseBreak) {
			return nil
		}
		said = said || t.in(lcSayVerb) || t.low == "according"
		if t.low == "," {
			if !said || sc.toks[c-1].low != "and" {
				return nil
			}
			return sc.firstVerbSubject(c-1, false)
		}
	}
	return nil
}

// followedByWindow: the words from a supplier noun to the ", followed by"
// of the ranking it heads, past an aside on the first ("its largest
// supplier, with VT-4 tanks and Wing Loong II armed drones, followed by").
const followedByWindow = 24

// rankedFollowers emits, for a supplier noun at i whose supply to ys was read,
// the states a ranking names after it by ", followed by": "China was its
// largest supplier, with VT-4 tanks and Wing Loong II armed drones,
// followed by the United States", "topped the list of arms suppliers to
// Saudi Arabia, ..., followed by France and Spain" (they supply the same
// recipient, ranked after). Only states, none possessive; a clause break
// ends the search.
func (sc *scope) rankedFollowers(i int, ys []endpoint) {
	if ys == nil {
		return
	}
	for k := i + 1; k+2 < sc.s.to-1 && k < i+followedByWindow; k++ {
		if sc.toks[k].is(cClauseBreak) {
			return
		}
		if sc.toks[k].low != "," || sc.wordAt(k+1) != "followed" || sc.wordAt(k+2) != "by" {
			continue
		}
		z := sc.after(k + 2)
		for _, mi := range z {
			if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country || sc.ms[mi].pron != "" || sc.ms[mi].poss {
				return
			}
		}
		if z != nil {
			sc.emitEnds(graph.Supplies, sc.ends(z), ys, i, graph.Asserted, "", "")
		}
		return
	}
}
