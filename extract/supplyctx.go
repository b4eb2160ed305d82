package extract

// This file reads who supplies and who receives when the clause names
// them only by reference: a relative clause on a noun no actor names, a
// recipient named in the sentence before as the subject in need, people
// in a place.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// unnamedAntecedent reports a supply verb at i (past auxiliaries and
// adverbs) right after a relative pronoun whose antecedent is a
// lower-case plural noun no actor names: "imposed sanctions on three companies
// that provide aviation fuel to Myanmar's military" (the companies
// supply, not the subject of the clause before; "a coalition that is
// delivering drones" is its leader's). Not goods ("the drones
// that were supplied"), nor a state noun ("the only country that
// supplies").
func (sc *scope) unnamedAntecedent(i int) bool {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.adverb(k)) {
		k--
	}
	if k-1 <= sc.s.from {
		return false
	}
	if w := sc.toks[k].low; w != "that" && w != "which" && w != "who" {
		return false
	}
	a := &sc.toks[k-1]
	return a.word && !a.cap && len(a.low) > 3 && strings.HasSuffix(a.low, "s") && !sc.endsMention(k-1) && !a.in(lcStateNoun) && !sc.goodsNoun(k-1)
}

// forcesTopic notes, at the head noun i of a state's forces that open
// their sentence as its subject, that state as the recipient a supply in
// the next sentence with none of its own takes (contextRecipient):
// "Haiti's national police have long been outgunned by the gangs",
// "Ukrainian gunners have been rationing shells", "Moldova's army has
// struggled to track drones". The sentence's first mention, past a
// dateline and "the", ends at i or is a demonym right before it; a verb
// or an auxiliary follows, not a preposition or a list.
func (sc *scope) forcesTopic(i int) {
	if len(sc.ms) == 0 || i+1 >= sc.s.to {
		return
	}
	m := &sc.ms[0]
	if m.pron != "" || m.to != i+1 && !(m.adj && m.to == i) {
		return
	}
	start := dateline(sc.toks, sc.s.from, sc.s.to)
	if start < m.from && sc.toks[start].low == "the" {
		start++
	}
	if m.from != start {
		return
	}
	if n := &sc.toks[i+1]; n.low == "," && i+2 < sc.s.to && (sc.toks[i+2].low == "which" || sc.toks[i+2].low == "who") {
		// "The Lebanese army, which would be responsible for ..., depends on"
	} else if !n.word || n.cap || n.is(cPreposition) || n.low == "and" || n.low == "or" {
		return
	}
	ids := sc.ids([]int{0})
	if len(ids) != 1 {
		return
	}
	id := ids[0]
	if aff := sc.affOf(id); aff != "" {
		id = aff
	}
	if a, ok := sc.x.actor(id); ok && a.Type == graph.Country {
		sc.st.needy, sc.st.needyAt = id, sc.st.sentences
	}
}

// needyRecipient returns the state whose forces opened the sentence just
// before (forcesTopic), for a supply with goods and no recipient of its
// own; "" when none.
func (sc *scope) needyRecipient() graph.ActorID {
	if sc.st.needy == "" || sc.st.sentences-sc.st.needyAt != 1 {
		return ""
	}
	return sc.st.needy
}

// selfPronoun reports a supply's recipient group tgt that is one pronoun
// standing for the supplier src itself: "The Czech government said it
// would ship them a further 50,000 rounds" ("them" is someone named
// before, whom the context tells: contextRecipient).
func (sc *scope) selfPronoun(tgt, src []int) bool {
	if len(tgt) != 1 || sc.ms[tgt[0]].pron == "" || sc.ms[tgt[0]].poss {
		return false
	}
	ids := sc.ids(tgt)
	if len(ids) == 0 {
		return false
	}
	for _, id := range ids {
		if !slices.ContainsFunc(sc.ids(src), func(s graph.ActorID) bool { return sc.affiliated(s, id) }) {
			return false
		}
	}
	return true
}

// unnamedState reports "the country" or "the nation" at k that no
// mention is: a state named before, the one the context tells.
func (sc *scope) unnamedState(k int) bool {
	if k+1 >= sc.s.to || sc.toks[k].low != "the" {
		return false
	}
	j := k + 1
	for n := 0; n < stateModifierWindow && j+1 < sc.s.to && !sc.toks[j].in(lcStateNoun) && sc.stateModifier(j); n++ {
		j++ // (round 14) "the Central Asian country", "the small South American nation"
	}
	return j < sc.s.to && sc.toks[j].in(lcStateNoun) && !sc.toks[j].cap && !sc.inMention(j) &&
		(j+1 >= sc.s.to || sc.toks[j+1].low != "of" && sc.toks[j+1].low != "'s")
}

// stateModifierWindow: the modifiers between "the" and the noun of a
// state named by description ("the small South American nation").
const stateModifierWindow = 3

// stateModifier reports a word at k that may modify a state noun in a
// description: a word no mention holds, no preposition, verb form or
// number ("Central", "Asian", "small", "oil-rich").
func (sc *scope) stateModifier(k int) bool {
	t := &sc.toks[k]
	return t.word && !sc.inMention(k) && !t.is(cPreposition|cClauseBreak|cAux|cBe|cGoods) && !startsDigit(t.text)
}

// carriedFor finds the recipient of goods carried by an arrival at i
// that names no place: "for" and one state after the goods between
// gFrom and gTo, or "for the force" (a state's forces or "the country"
// named by no state) meaning the recipient the context tells, the forces
// that opened the sentence before (needyRecipient).
func (sc *scope) carriedFor(i, gFrom, gTo int) ([]endpoint, bool) {
	for k := max(gFrom, sc.s.from); k+1 < gTo && k+1 < sc.s.to; k++ {
		if sc.toks[k].low != "for" || !sc.goodsBetween(gFrom, k) {
			continue
		}
		if g := sc.after(k); g != nil {
			ids := sc.ids(g)
			return sc.ends(g), len(ids) == 1
		}
		if r := sc.needyRecipient(); r != "" && (sc.unownedForces(k+1) || sc.unnamedState(k+1)) {
			return []endpoint{{id: r, span: graph.Span{Start: sc.toks[k+1].start, End: sc.toks[k+1].end}}}, true
		}
		return nil, false
	}
	return nil, false
}

// peopleWindow: the words from a people noun to the "in" of their place
// ("families displaced by gang violence in").
const peopleWindow = 7

// peopleIn finds the place of the people a supply goes to, from k (after
// "to" or "for"): a people noun (class people-noun) within a few
// lower-case words, then "in" or "of" and one state or territory, which
// receives: "airlifted tents to earthquake survivors in Turkey",
// "donated rice to families displaced by floods in Haiti". Not past a
// name or a clause break.
func (sc *scope) peopleIn(k int) []int {
	p := -1
	for j := k; j < sc.s.to && j < k+peopleWindow; j++ {
		t := &sc.toks[j]
		if p < 0 && t.in(lcPeopleNoun) {
			p = j
			continue
		}
		if p >= 0 && (t.low == "in" || t.low == "of") {
			g := sc.after(j)
			if g == nil || len(sc.ids(g)) != 1 || sc.ms[g[len(g)-1]].poss {
				return nil
			}
			if a, ok := sc.x.mentionActor(&sc.ms[g[0]]); !ok || a.Type != graph.Country && a.Type != graph.Territory {
				return nil
			}
			return g
		}
		if !t.word || t.cap || t.is(cClauseBreak) || sc.inMention(j) {
			return nil
		}
	}
	return nil
}

// carrierGroup returns the states of mi's group that name the vehicles
// ending at head: "Chilean and Argentine air force planes" (both).
func (sc *scope) carrierGroup(mi, head int) []int {
	var out []int
	for _, k := range sc.grp[sc.ms[mi].group] {
		m := &sc.ms[k]
		if m.to > head+1 || m.pron != "" || m.poss {
			continue
		}
		if a, ok := sc.x.mentionActor(m); ok && a.Type == graph.Country {
			out = append(out, k)
		}
	}
	if out == nil {
		return []int{mi}
	}
	return out
}

// gappedGoodsToWindow: the words of a second goods phrase before its "to"
// ("a separate $8.6 billion sale of up to 40 F-35 jets to").
const gappedGoodsToWindow = 14

// gappedGoodsTo returns the "to" after a second goods phrase starting at
// k in a list of supplies sharing one verb: "delivered tanks to Poland
// and howitzers to Lithuania", "agreed to sell 26 jets to India and 12
// to Serbia", "approved the sale of F-16s to Turkey, as well as a
// separate sale of F-35 jets to Greece". Only goods, amounts,
// determiners, adjectives, an amount's lead words ("and some $32
// million to"), "sale of", "up to" and model names
// (capitalised words no actor is) stand between; anything else (a name, a verb) returns k.
func (sc *scope) gappedGoodsTo(k int) int {
	goods := false
	for j := k; j < sc.s.to && j < k+gappedGoodsToWindow; j++ {
		t := &sc.toks[j]
		switch {
		case t.low == "to" && (j == k || sc.toks[j-1].low != "up"):
			if goods {
				return j
			}
			return k
		case sc.inMention(j):
			return k
		case t.is(cGoods) || sc.amountAt(j) || t.in(lcAmountWord) || t.low == "$" || t.low == "€" || t.low == "£":
			goods = true
		case t.in(lcDeterminer) || t.in(lcGappedGoodsWord) || t.in(lcAmountLead) || t.low == "of" || t.low == "to": // "and some $32 million to"
		case t.cap && t.word, strings.Contains(t.low, "-"), t.in(lcGoodsAdjective), sc.x.lex.isAdjectiveLike(t.low):
		default:
			return k
		}
	}
	return k
}

// shareGoesTo finds the recipient of a share of the goods after a supply
// verb at i: "which" or "it" and then "go" (goes, went, will go) "to"
// and one state in the rest of the sentence: "Germany pledged 200
// million euros at the conference, of which 50 million will go to
// Sudan", "most of it going to Gaza".
func (sc *scope) shareGoesTo(i int) []int {
	ref := false
	for k := i + 1; k+2 < sc.s.to; k++ {
		t := &sc.toks[k]
		if t.low == "which" || t.low == "it" {
			ref = true
			continue
		}
		if !ref || !t.in(lcGoVerb) || sc.toks[k+1].low != "to" {
			continue
		}
		g := sc.after(k + 1)
		if g == nil || len(sc.ids(g)) != 1 || sc.ms[g[len(g)-1]].poss {
			return nil
		}
		return g
	}
	return nil
}

// activeSupplier finds the supplier of an active supply verb at i: its
// subject (supplyVerbSubject), none when the verb opens a relative clause
// on a noun no actor names (unnamedAntecedent), else the state of a
// company or vessel before it (companySubject: "Israeli defence firms
// have agreed to supply").
func (sc *scope) activeSupplier(i int, t trig) []int {
	src := sc.supplyVerbSubject(i, t)
	if sc.unnamedAntecedent(i) {
		src = nil // "sanctions on three companies that provide fuel to Y": the companies supply
	}
	if c := sc.companySubject(i); c != nil && (src == nil || sc.ms[src[len(src)-1]].to <= sc.ms[c[0]].from && sc.companyOpensClause(sc.ms[c[0]].from)) {
		src = c // "Italy will hand over two frigates, and Turkish firms will supply Jakarta with drones": the nearer firms' state
	}
	if src == nil {
		src = sc.ownedFunderSubject(i) // "Germany's 2024 budget will earmark"
	}
	return src
}

// companyOpensClause reports a phrase starting at k (past a determiner) that
// opens a clause: at the sentence's start, or after a comma, a clause
// break, a conjunction, "that" or a verb of saying ("..., and Turkish
// firms have signed", "said Turkish firms had supplied"); not an object
// ("will pay Ukrainian manufacturers to build").
func (sc *scope) companyOpensClause(k int) bool {
	p := sc.prevWord(k)
	if p >= sc.s.from && sc.toks[p].in(lcDeterminer) {
		p = sc.prevWord(p)
	}
	if p < sc.s.from {
		return true
	}
	t := &sc.toks[p]
	return t.low == "," || t.low == "and" || t.low == "but" || t.low == "that" || t.is(cClauseBreak) || t.in(lcSayVerb)
}

// emitNounSupply emits the supply a noun at i tells from src to tgt, and
// to a second recipient of a gapped second supply after it ("the sale of
// jets to Morocco, along with a separate sale of batteries to Egypt":
// nextRecipient). "The government" as the recipient is the state named
// since the supplier (recipientEnds).
func (sc *scope) emitNounSupply(i int, t trig, src, tgt []int) {
	status := sc.supplyStatus(src, i, t)
	sc.emitEnds(graph.Supplies, sc.ends(src), sc.recipientEnds(tgt, src, i), i, status, "", "")
	if g := sc.nextRecipient(sc.parenEnd(sc.ms[tgt[len(tgt)-1]].to)); g != nil {
		sc.emit(graph.Supplies, src, g, i, status, "", "")
	}
}

// frontedCondition reports a supply whose clause opens with a condition
// ("if", "unless") closed by a comma before the supplier src: "If Ankara
// agrees, Germany would deliver Eurofighters to Turkey" (a condition, no
// supply told; the condition after the verb is hypotheticalSupply's).
func (sc *scope) frontedCondition(src []int) bool {
	start := dateline(sc.toks, sc.s.from, sc.s.to)
	if start >= sc.s.to || !sc.toks[start].in(lcCondition) || len(src) == 0 {
		return false
	}
	for k := start + 1; k < sc.ms[src[0]].from; k++ {
		if sc.toks[k].low == "," {
			return true
		}
	}
	return false
}

// madeArrival emits the maker of goods arriving at i as their supplier
// to the place: a demonym joined to a maker suffix before the verb and no
// "from" after it ("Turkish-made drones arrived in Bamako", "Chinese-built
// armoured vehicles arrived in Harare"). Goods seen or used somewhere are
// no supply ("Turkish-made drones have been seen over Tigray": no
// arrival verb).
func (sc *scope) madeArrival(i int, t trig, lo int, place []endpoint) {
	if sc.prepGroup(i, winAdverb+2, "from") != nil || sc.classWithinBits(lo, i, cCommodity) {
		return
	}
	for k := lo; k < i; k++ {
		e, ok := sc.suffixMaker(k)
		if !ok || sc.affiliatedEnds(e, place) {
			continue
		}
		if sc.goodsBetween(k+1, i) {
			sc.emitEnds(graph.Supplies, []endpoint{e}, place, i, sc.supplyStatus(nil, i, t), "", "")
		}
		return
	}
}

// affiliatedEnds reports e affiliated with an endpoint of place.
func (sc *scope) affiliatedEnds(e endpoint, place []endpoint) bool {
	for _, p := range place {
		if sc.affiliated(e.id, p.id) {
			return true
		}
	}
	return false
}

// ownForcesWindow: the words from a supply verb past its object, the
// supplier's own forces ("equipped its armed forces").
const ownForcesWindow = 6

// ownForcesWith reports a supply verb at i whose object is the
// supplier's own forces, a possessive pronoun standing for src and a
// forces noun (class army-ref or own-forces): "Iraq equipped its army
// with Russian tanks", "Egypt has equipped its armed forces with French
// jets" (no supply to another; the start binary gave the recipient the
// article named last). The goods' makers are left unread, as the golden
// case of coreference has it.
func (sc *scope) ownForcesWith(i int, src []int) bool {
	mi, ok := sc.startAt(i + 1)
	if !ok || sc.ms[mi].pron == "" || !sc.ms[mi].poss {
		return false
	}
	ids, own := sc.ids([]int{mi}), sc.ids(src)
	if len(ids) == 0 || len(own) == 0 || !sc.affiliated(ids[0], own[0]) {
		return false
	}
	for k := sc.ms[mi].to; k < sc.s.to && k <= i+ownForcesWindow; k++ {
		t := &sc.toks[k]
		if t.in(lcArmyRef) || t.in(lcOwnForces) {
			return true
		}
		if !t.word || t.cap || t.is(cClauseBreak) {
			return false
		}
	}
	return false
}
