package extract

// This file reads denials: "Y denied claims by X that ...", "Y rejected X's
// accusations", "accusations ... were denied by Y".

import (
	"slices"
	"strings"

	"geokg/graph"
)

func (sc *scope) denies(i int, t trig) {
	if t.pos == noun {
		sc.nominalDenial(i, t)
		return
	}
	if t.pos == verbPast && (sc.passive(i) || sc.claimParticiple(i)) {
		sc.deniedBy(i)
		return
	}
	k, owner, ok := sc.claimObject(i, true)
	bare := false
	if !ok && i+1 < sc.s.to {
		// a bare "X denies" at the end of a headline or clause
		if !sc.bareEnd(i+1) && !sc.dismissedNext(i) {
			return // "..., a charge Taipei rejected as absurd" goes on
		}
		k, bare = i, true
	} else if !ok {
		k, bare = i, true
	}
	src := sc.conjunctSubject(i)
	if src == nil {
		src = sc.withCounterpart(sc.verbSubject(i))
	}
	if src == nil {
		src = sc.docSubject(i) // "The statement rejected ...": its author
	}
	if src == nil {
		src = sc.tickerSubject(i) // "Armenia's defence ministry: ... Rejects Baku's claims"
	}
	if src == nil || sc.negated(sc.window(src, i), i, false) || sc.unnamedDenier(src, i) {
		return
	}
	if bare && t.lemma != "deny" && !sc.claimAntecedent(src) && !sc.claimWhich(i, src) {
		return // "..., a charge Yerevan rejected" but not "..., an idea X rejected"
	}
	sc.deny(i, k, src, owner, bare)
}

// nominalDenial reads a denial told by a noun (lexicon nouns of denies):
// "Moscow's denial of Kyiv's claims that ...", "Tehran's flat rejection
// of Washington's charges": the noun's possessor (one lower-case word may
// stand between) denies the claim after "of", whose owner must be named;
// not "the denial of visas", "Russia's rejection of the peace plan".
func (sc *scope) nominalDenial(i int, t trig) {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "of" {
		return
	}
	src := sc.possessorBefore(i)
	if p := &sc.toks[i-1]; src == nil && i-1 > sc.s.from && p.word && !p.cap {
		src = sc.possessorBefore(i - 1)
	}
	if src == nil {
		src = sc.issuedDenial(i)
	}
	if src == nil || sc.negated(sc.window(src, i), i, false) {
		return
	}
	if k, owner, ok := sc.claimObject(i+1, true); ok && owner != nil && k < sc.s.to && sc.toks[k].is(cClaimNoun) {
		sc.deny(i, k, src, owner, false)
	}
}

// issuedDenialWindow: the words between a verb of issuing and a denial
// noun ("issued a firm rejection", "delivered its formal rebuttal").
const issuedDenialWindow = 3

// issuedDenial returns who denies by a denial noun at i that is the object
// of a verb of issuing (issue-verb: "Algeria issued a firm rejection of
// charges by Mali", "Israel delivered its rebuttal of South Africa's
// charges"): the owner "its"/"their" before the noun, else the subject of
// the verb; nil when no such verb stands within issuedDenialWindow
// lower-case words before the noun.
func (sc *scope) issuedDenial(i int) []int {
	var own []int
	for k := i - 1; k >= sc.s.from && k >= i-1-issuedDenialWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcIssueVerb) {
			if own != nil {
				return own
			}
			return sc.verbSubject(k)
		}
		if mi, ok := sc.endAt(k); ok && (sc.ms[mi].pron == "its" || sc.ms[mi].pron == "their") {
			own = sc.grp[sc.ms[mi].group]
			continue
		}
		if !t.word || t.cap {
			return nil
		}
	}
	return nil
}

// deny tells the denial at i by src of the claim at k, owned by owner (or
// the last accusers of src), and the claim it answers.
func (sc *scope) deny(i, k int, src, owner []int, bare bool) {
	denier := sc.first(src)
	if sc.ownPronoun(owner, denier) {
		owner = nil // "Minsk rejected their claims": whoever accused Minsk
	}
	asked := -1
	if owner == nil && sc.unownedObject(k) {
		owner, asked = sc.askedOwner(i, src) // "Asked about Estonia's accusations, Peskov rejected them"
	}
	accuser, accusers := sc.accusersOf(i, k, src, owner)
	if accuser != "" && !sc.affiliated(accuser, denier) {
		if owner != nil {
			sc.emit(graph.Denies, src, owner, i, graph.Asserted, "", "")
		} else {
			sc.emitIDs(graph.Denies, src, accusers, i, graph.Asserted, "", "")
		}
	}
	sc.claims = append(sc.claims, claim{from: k, to: sc.s.to, by: accuser, disputed: denier})
	if asked >= 0 {
		sc.deniedCharge(asked, src, owner) // the question's charge accuses the denier
	} else {
		sc.deniedClaim(i, k, src, owner, accuser)
	}
	if !sc.chargeDenied(i, src) && bare {
		sc.chargedBefore(i, src)
	}
}

// unownedObject reports a denial's object at k that names no owner of its
// own: a pronoun ("rejected them", "called it absurd"), "that" or "this",
// or a claim noun after a determiner ("dismissed the claims"); a bare
// denial has its verb at k.
func (sc *scope) unownedObject(k int) bool {
	if k >= sc.s.to {
		return false
	}
	if mi, ok := sc.startAt(k); ok {
		return sc.ms[mi].pron == "it" || sc.ms[mi].pron == "them"
	}
	t := &sc.toks[k]
	return t.low == "that" || t.low == "this" || t.is(cClaimNoun) || t.is(cTrigger)
}

// askedWindow: the words from a question's topic word to its claim noun.
const askedWindow = 8

// ownPronoun reports a claim's owner that is a possessive pronoun
// resolved to the denier itself: "North Korea rejected their assertion",
// "Minsk dismissed its claims" cannot deny themselves; the claim is the
// last accusation of the denier, as with no owner named.
func (sc *scope) ownPronoun(owner []int, denier graph.ActorID) bool {
	if len(owner) == 0 || denier == "" {
		return false
	}
	m := &sc.ms[owner[0]]
	return (m.pron == "their" || m.pron == "its") && sc.about(owner, denier)
}

// chargedBefore reads a relative denial of a charging claim before it
// that names the denier: "X said Israel had committed genocide, a finding
// Israel rejected" and "Thailand said the mines were laid by Cambodian
// forces, which Phnom Penh dismissed" are accusations of the denier by
// the claim's owner. A claim the relative's noun calls a charge charges
// by that word ("X said Kyiv was opening a second front, a charge Kyiv
// dismissed"; lexicon class denied-charge).
func (sc *scope) chargedBefore(i int, src []int) {
	ante := sc.beforeDenier(src)
	if ante >= sc.s.from && (sc.toks[ante].low == "that" || sc.toks[ante].low == "which") {
		ante = sc.prevWord(ante)
	}
	for ci := len(sc.claims) - 1; ci >= 0; ci-- {
		c := sc.claims[ci]
		if c.by == "" || c.disputed != "" || c.from > ante {
			continue
		}
		if !sc.chargingWithin(c.from, ante) && !sc.toks[ante].in(lcDeniedCharge) {
			return // "Poland says Belarus signed a treaty, a claim Minsk rejects"; not "..., a charge Minsk rejects"
		}
		for _, mi := range src {
			if id := sc.first([]int{mi}); id != "" && sc.namedWithin(c.from, ante, id) && !sc.affiliated(c.by, id) {
				span := graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}
				sc.emitEnds(graph.Accuses, []endpoint{{id: c.by, span: span}}, sc.ends([]int{mi}), i, graph.Asserted, "", "")
			}
		}
		return
	}
}

// chargingWithin reports a word that charges someone among the tokens
// [from, to): a hostile verb or noun, an act, a supply or an accusation
// (as accusingClaim), a hostile judgement ("had committed genocide") or a
// participle of a deed ("mines laid by").
func (sc *scope) chargingWithin(from, to int) bool {
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.is(cHostile|cActNoun|cHostileNoun) || t.in(lcHostileEvaluation) || t.in(lcActParticiple) {
			return true
		}
		if tr, ok := sc.trigOf(t); ok && (tr.rel == graph.Supplies || tr.rel == graph.Accuses) {
			return true
		}
	}
	return false
}

// namedWithin reports a mention of id (or of what it speaks for) among
// the tokens [from, to).
func (sc *scope) namedWithin(from, to int, id graph.ActorID) bool {
	for j := from; j < to; j++ {
		if mi, ok := sc.startAt(j); ok && sc.about([]int{mi}, id) {
			return true
		}
	}
	return false
}

// chargeDenied reads a charge told in this sentence and denied by whom it
// charges: "Congo and the United States say Rwanda supports the M23, a
// charge Rwanda denies" is an accusation of Rwanda by both, even when the
// claim has no verb of accusing ("supports").
// Each denier is charged only by what was said of it ("charges that
// Pyongyang and Moscow have rejected" after a claim about Pyongyang alone
// charges Pyongyang).
func (sc *scope) chargeDenied(i int, src []int) bool {
	span := graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}
	n := len(sc.st.accusers)
	found := false
	for _, mi := range src {
		var by []endpoint
		for _, a := range sc.st.accusers[:n] {
			if a.at == sc.st.sentences && sc.about([]int{mi}, a.of) && !slices.ContainsFunc(by, func(e endpoint) bool { return e.id == a.by }) {
				by = append(by, endpoint{id: a.by, span: span})
			}
		}
		if len(by) > 0 {
			sc.emitEnds(graph.Accuses, by, sc.ends([]int{mi}), i, graph.Asserted, "", "")
			found = true
		}
	}
	return found
}

// bareEnd reports the end of a bare denial's clause at k, past a time
// and adverbs (lexicon class denial-tail, weekdays, numbers) and a short
// prepositional phrase: "..., a charge Cairo dismissed last week as
// baseless", "X denied on Monday.", "..., a charge the embassy rejected
// in a statement as \"fantasies\"".
func (sc *scope) bareEnd(k int) bool {
	for ; k < sc.s.to; k++ {
		t := &sc.toks[k]
		if t.is(cPreposition) && t.low != "as" && sc.phraseEnd(k) > k {
			k = sc.phraseEnd(k)
			continue
		}
		if t.is(cWeekday) || startsDigit(t.text) || t.in(lcDenialTail) || t.word && !t.cap && strings.HasSuffix(t.low, "ly") {
			continue
		}
		return t.low == "." || t.low == "," || t.low == "as" || k == sc.s.to-1 && !t.word
	}
	return true
}

// phraseEnd returns the last word of the prepositional phrase opened at p:
// lower-case words, none a trigger, at most
// denialPhraseWindow of them ("in a statement", "at a news briefing").
func (sc *scope) phraseEnd(p int) int {
	k := p
	for j := p + 1; j < sc.s.to && j <= p+denialPhraseWindow; j++ {
		t := &sc.toks[j]
		if !t.word || t.cap || t.is(cPreposition) {
			break
		}
		if _, ok := sc.trigOf(t); ok {
			break
		}
		k = j
	}
	return k
}

// denialPhraseWindow: the words of a prepositional phrase after a bare
// denial ("rejected in a short written statement as").
const denialPhraseWindow = 4

// accusersOf returns whom the denial at i of the claim at k answers (the
// first, and all): the claim's owner; else who made a claim earlier in the
// sentence, with those who made it together ("A and B say X has shipped
// ..., charges X rejected"); else the last accusers of the deniers src in
// the article ("denied that ..." says what it denies, so only a recent
// accusation is the one it answers).
func (sc *scope) accusersOf(i, k int, src, owner []int) (graph.ActorID, []graph.ActorID) {
	if owner != nil {
		by := sc.first(owner)
		return by, sc.st.one(by)
	}
	if by := sc.claimByOther(i, sc.ids(src)); by != "" {
		return by, sc.coAccusers(by, sc.ids(src)) // "X alleged that ..., a claim Y denied"
	}
	if k < sc.s.to && sc.toks[k].in(lcFindingNoun) && sc.st.reportSeen && !sc.describedOwner(k) {
		return sc.reportAccusers(src) // "rejected the findings": the report's author
	}
	within := sc.st.sentences
	if k < sc.s.to && sc.toks[k].low == "that" || sc.contentAfter(k) {
		within = thatMemory
	}
	accusers := sc.lastAccusersWithin(sc.ids(src), within)
	if len(accusers) == 0 {
		return sc.saidAccusers(i, k, src) // a claim with no charging word, named a charge by the denial
	}
	sc.chargedSupply(i, k, src)
	return accusers[0], accusers
}

// reportAccusers returns whom a denial of "the report" or "the findings"
// with no owner answers: the last accusers of the deniers src who spoke
// through the article's last report (or speak for its author); none
// when no actor wrote it ("an 11-nation monitoring team said in its
// report ..., Russia rejected the findings": not the states that condemned
// what it found).
func (sc *scope) reportAccusers(src []int) (graph.ActorID, []graph.ActorID) {
	by := sc.st.reportBy
	if by == "" {
		return "", nil
	}
	var out []graph.ActorID
	for _, a := range sc.lastAccusers(sc.ids(src)) {
		if sc.affiliated(a, by) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return "", nil
	}
	return out[0], out
}

// contentAfter reports a claim noun at k followed by what it says ("reports
// of the troop deployment", "claims that ...", "allegations about ..."):
// a denial of it says what it denies, like "denied that ...".
func (sc *scope) contentAfter(k int) bool {
	if k+1 >= sc.s.to || !sc.toks[k].is(cClaimNoun) {
		return false
	}
	return sc.toks[k+1].in(lcContentPreposition)
}

// thatMemory is how many sentences back the accusation a "denied that
// ..." answers may stand when it names no accuser: the paragraph of the
// accusation (this sentence and the three before).
const thatMemory = 3

// claimAntecedent reports a denial's subject right after a claim noun, or
// after a claim noun and "that" or "which": "..., a charge Yerevan
// rejected", "..., charges that Pyongyang and Moscow have rejected".
func (sc *scope) claimAntecedent(src []int) bool {
	p := sc.beforeDenier(src)
	if p >= sc.s.from && (sc.toks[p].low == "that" || sc.toks[p].low == "which") {
		p = sc.prevWord(p)
	}
	return p >= sc.s.from && (sc.toks[p].is(cClaimNoun) || sc.x.lex.list[sc.toks[p].tg].claim)
}

// beforeDenier returns the word before a denier's noun phrase: before
// "the government of" when the denier is named after it ("..., allegations
// the government of Chad has rejected"), else before its name.
func (sc *scope) beforeDenier(src []int) int {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p-2 < sc.s.from || sc.toks[p].low != "of" || !sc.toks[p-1].is(cGovHead) || !sc.toks[p-2].in(lcDeterminer) {
		return p
	}
	return sc.prevWord(p - 2)
}

// claimWhich reports a denial in a relative clause on a whole claim
// told before it: "Thailand said the mines were laid by Cambodian forces,
// which Phnom Penh dismissed as baseless".
func (sc *scope) claimWhich(i int, src []int) bool {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p <= sc.s.from || sc.toks[p].low != "which" {
		return false
	}
	if q := sc.prevWord(p); q < sc.s.from || sc.toks[q].low != "," {
		return false
	}
	return sc.claimBefore(i, sc.first(src)) != ""
}

// coAccusers returns by with those who made the same claim about one of
// the deniers together with by, or by alone.
func (sc *scope) coAccusers(by graph.ActorID, deniers []graph.ActorID) []graph.ActorID {
	all := sc.lastAccusers(deniers)
	if slices.Contains(all, by) {
		return all
	}
	return sc.st.one(by)
}

// deniedClaim reads what the denial at i says of the claim at k: "claims
// by X that Y ..." is X accuses Y when Y is the denier (a claim about
// someone else is no accusation of him); "denied supplying ..." makes the
// denier the gerund's source.
func (sc *scope) deniedClaim(i, k int, src, owner []int, accuser graph.ActorID) {
	sc.deniedCharge(k, src, owner)
	if k == i+1 {
		if g, ok := sc.trigOf(&sc.toks[k]); ok && g.pos == verbGer {
			if sc.overrides == nil {
				sc.overrides = map[int]override{}
			}
			sc.overrides[k] = override{src: src, by: accuser}
		}
	}
}

// deniedCharge reads whom a denied charge with its owner accuses: the
// denier, when what the charge says names the denier ("rejected the
// accusations of the Polish side that two Belarusian helicopters ...",
// "denied claims by X that its troops ..."), or when it says nothing and
// is a charge with a named owner (lexicon class denied-charge: "Moscow
// has denied Montenegro's claims", "rejected the Bolivian accusation");
// not when it is about someone else ("rejected the Iranian claims that the house was
// an Israeli base"). The accusation is told by the denial itself.
func (sc *scope) deniedCharge(k int, src, owner []int) {
	if owner == nil || k >= sc.s.to {
		return
	}
	named, about := sc.chargeNames(k, src, owner)
	if named && about == nil || sc.claimedRight(k) {
		return // "Chile rejected Peru's claims to the islands": a right claimed
	}
	owner = sc.notAccusedBefore(owner, sc.first(src))
	if owner == nil {
		return // "Ukraine accused Iran of ... Tehran denied the accusations by Kyiv": told already
	}
	if !named && k+1 < sc.s.to && sc.toks[k+1].low == "about" && sc.accusedOther(sc.first(owner), sc.first(src)) {
		return // "dismissed the U.S. allegations about the shipments" after the US charged Pyongyang
	}
	switch {
	case about != nil:
		sc.emit(graph.Accuses, owner, about, k, graph.Asserted, "", "")
	case sc.ms[owner[0]].pron == "" && (sc.toks[k].in(lcDeniedCharge) || sc.ownAccount(k, owner)):
		sc.emit(graph.Accuses, owner, src, k, graph.Asserted, "", "")
	}
}

// ownAccount reports an account of events (lexicon class denied-account)
// whose owner stands right before it, by a possessive or a demonym:
// "Beijing has rejected Manila's account", "dismissed the Philippine
// version" is the owner's charge against the denier, as a denied
// accusation is; "called the account of the meetings fiction" names no
// owner and charges no one.
func (sc *scope) ownAccount(k int, owner []int) bool {
	if !sc.toks[k].in(lcDeniedAccount) {
		return false
	}
	e := sc.ms[owner[len(owner)-1]].to
	return e == k || e+1 == k && sc.toks[e].low == "'s"
}

// claimedRight reports a preposition after the claim noun at k that makes
// it a right claimed (lexicon class claimed-right: "Peru's claims to the
// islands", "claims over the reef"), not a time phrase ("rejected Kurti's
// accusations on Sunday": timeAfterVerb).
func (sc *scope) claimedRight(k int) bool {
	return k+1 < sc.s.to && sc.toks[k+1].in(lcClaimedRight) && sc.timeAfterVerb(k+1) < 0
}

// notAccusedBefore returns the owners of a denied charge that have not
// accused id before (accusedBefore): "dismissed the British, French and
// German allegations" after a British accusation told earlier still
// charges for France and Germany.
func (sc *scope) notAccusedBefore(owner []int, id graph.ActorID) []int {
	var out []int
	for _, mi := range owner {
		if !sc.accusedBefore(sc.first([]int{mi}), id) {
			out = append(out, mi)
		}
	}
	return out
}

// accusedBefore reports an accusation of id (or of what it speaks for) by
// by found earlier in the article (an edge, not a claim remembered).
func (sc *scope) accusedBefore(by, id graph.ActorID) bool {
	for _, a := range sc.st.accusers {
		if a.edge && sc.affiliated(a.by, by) && sc.affiliated(a.of, id) {
			return true
		}
	}
	return false
}

// accusedOther reports an accusation by by, within thatMemory sentences,
// of someone other than id and what it speaks for: a charge by by about
// something that names no one ("the U.S. allegations about the
// shipments") is that one, not a charge against id (a charge "of arming
// the RSF" is still one against the denier).
func (sc *scope) accusedOther(by, id graph.ActorID) bool {
	for _, a := range sc.st.accusers {
		if a.edge && sc.st.sentences-a.at <= thatMemory && sc.affiliated(a.by, by) && !sc.affiliated(a.of, id) {
			return true
		}
	}
	return false
}

// chargeContentWindow: the "that" of a charge's content past its owner
// ("the accusations of the Polish defence ministry that").
const chargeContentWindow = 8

// chargeNames reads the content of the claim noun at k ("claims by X that
// ...", "the statements of X about ..."): whether it names an actor, and
// whether the first it names, outside a prepositional phrase, is one of
// the deniers src ("that
// Belarusian helicopters violated ...", not "that ELN commanders were
// based in Venezuela").
func (sc *scope) chargeNames(k int, src, owner []int) (named bool, about []int) {
	j := k + 1
	for ; sc.toks[j-1].low != "that" && sc.toks[j-1].low != "about"; j++ {
		if j >= sc.s.to || j >= k+chargeContentWindow || sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return false, nil
		}
	}
	opener := j - 1
	for ; j < sc.s.to && !sc.toks[j].is(cClauseBreak) && sc.toks[j].low != ","; j++ {
		if mi, ok := sc.startAt(j); ok {
			p := sc.prevWord(j)
			if sc.ms[mi].pron != "" && sc.predicted(sc.ms[mi].to) {
				return true, nil // "claims that it would open the way for a base": no deed charged
			}
			// "about Moscow's alleged plans": the opener is no preposition of a phrase inside the content
			if p != opener && sc.toks[p].is(cPreposition) && !sc.numberOf(p) {
				return true, nil
			}
			if sc.ms[mi].pron == "they" && len(src) > 1 {
				return true, src // "Moscow and Pyongyang denied accusations from Washington and Seoul that they ..."
			}
			if sc.itDenier(mi, k, src, owner) {
				return true, src // "Tehran's rejection of Washington's charges that it was behind ..."
			}
			if sc.ms[mi].pron == "its" && len(src) == 1 && sc.toks[k].in(lcDeniedCharge) {
				// "Ethiopia denied Sudan's accusation that its army ...": the
				// denier's men, not the owner's (a mere claim, "claims that
				// its troops ...", stays unread; "Beijing's assertion that it
				// had supervised ..." is the owner's own deed)
				return true, src
			}
			return true, sc.namedOf([]int{mi}, src)
		}
	}
	return false, nil
}

// itDenier reports a pronoun "it" (mention mi) opening what a denied
// charge at k says that resolves to no one or to the charge's owner: an
// owner charges no deed of its own, so "it" is the one denier src
// ("Tehran's flat rejection of Washington's charges that it was behind
// the attack": Tehran, whom a possessive names, no subject "it" takes).
func (sc *scope) itDenier(mi, k int, src, owner []int) bool {
	if sc.ms[mi].pron != "it" || len(src) != 1 || owner == nil || !sc.toks[k].in(lcDeniedCharge) {
		return false
	}
	ids := sc.resolve(mi)
	return len(ids) == 0 || sc.about(owner, ids[0])
}

// numberOf reports the "of" of a part at p: "two of its helicopters", "20 of
// their soldiers" name the owner's men, not a place or a topic.
func (sc *scope) numberOf(p int) bool {
	if sc.toks[p].low != "of" || p-1 < sc.s.from {
		return false
	}
	n := &sc.toks[p-1]
	return n.in(lcNumberWord) || startsDigit(n.text)
}

// namedOf returns the deniers src that g names: "Moscow and Pyongyang
// denied accusations from Washington that Pyongyang sent shells" names
// the second, "... that they traded arms" both.
func (sc *scope) namedOf(g, src []int) []int {
	var out []int
	for _, mi := range src {
		if id := sc.first([]int{mi}); id != "" && sc.about(g, id) {
			out = append(out, mi)
		}
	}
	return out
}

// deniedBy reads a passive denial: "Accusations by Kyiv that ... were
// denied by Russian officials".
func (sc *scope) deniedBy(i int) {
	denier := sc.agent(i, winAdverb)
	if denier == nil && sc.lowerRun(i+1, winAdverb+deniedTimeWindow) {
		denier = sc.agent(i, winAdverb+deniedTimeWindow) // "a claim denied at the time by Hezbollah"
	}
	if denier == nil {
		return
	}
	for k := i - 1; k >= sc.s.from; k-- {
		if !sc.toks[k].is(cClaimNoun) {
			continue
		}
		owner := sc.agent(k, winNoun)
		if owner != nil && sc.ms[owner[0]].from > i {
			owner = nil // the verb's own "by": "a charge dismissed by X"
		}
		if owner == nil {
			owner = sc.modifierBefore(k)
		}
		if owner == nil {
			sc.deniedApposed(i, k, denier) // "..., a charge dismissed by Abu Dhabi"
			return
		}
		sc.emit(graph.Denies, denier, owner, i, graph.Asserted, "", "")
		sc.claims = append(sc.claims, claim{from: k, to: i, by: sc.first(owner), disputed: sc.first(denier)})
		return
	}
}

// deniedApposed reads a passive denial apposed to the clause before it:
// "X accused Y of ..., a charge dismissed by Y" denies the accusers of the
// denier told up to that claim noun at k.
func (sc *scope) deniedApposed(i, k int, denier []int) {
	if p := sc.prevWord(k); p < sc.s.from || sc.toks[p].low != "," {
		return
	}
	if accusers := sc.lastAccusers(sc.ids(denier)); len(accusers) > 0 {
		sc.emitIDs(graph.Denies, denier, accusers, i, graph.Asserted, "", "")
		return
	}
	// "Israel said the building was a military site, a claim rejected
	// by Iranian officials": the claim said before the comma, as "a
	// claim Iran rejected" reads it
	comma := sc.prevWord(k)
	for ci := len(sc.claims) - 1; ci >= 0; ci-- {
		c := sc.claims[ci]
		if c.by == "" || c.disputed != "" || c.from >= comma || c.to < comma {
			continue
		}
		if !sc.about(denier, c.by) {
			sc.emitIDs(graph.Denies, denier, []graph.ActorID{c.by}, i, graph.Asserted, "", "")
		}
		return
	}
}

// claimParticiple reports a participle of denying right after a claim
// noun, its "by" past a time phrase: "a claim denied at the time by the
// movement" (passive reads "a charge dismissed by X" itself).
func (sc *scope) claimParticiple(i int) bool {
	return i-1 > sc.s.from && sc.toks[i-1].is(cClaimNoun) && sc.lowerRun(i+1, winAdverb+deniedTimeWindow)
}

// lowerRun reports that the n words from k hold no clause break and no
// capitalised word before a "by": a time or place phrase between a
// participle and its agent ("denied at the time by").
func (sc *scope) lowerRun(k, n int) bool {
	for j := k; j < sc.s.to && j < k+n; j++ {
		t := &sc.toks[j]
		if t.low == "by" {
			return true
		}
		if !t.word || t.cap || t.is(cClauseBreak|cReporting) {
			return false
		}
	}
	return false
}

// deniedTimeWindow: the words of a time phrase between a participle of
// denying and its "by" ("at the time").
const deniedTimeWindow = 3

// about reports whether group g names the actor id or what it speaks for.
func (sc *scope) about(g []int, id graph.ActorID) bool {
	for _, x := range sc.ids(g) {
		if sc.affiliated(x, id) {
			return true
		}
	}
	return false
}

// quotedDenial reads a quote that dismisses a claim, attributed after it:
// "'Nothing of the kind happened,' the ministry said", "'These are lies,'
// Minsk said", "'Our forces do not hit civilian facilities,' the ministry
// said" (ownActDenied). The speaker denies whoever last accused it in the article;
// with no such accusation, the quote is no denial. The quote runs from the
// sentence start to the comma at p; r is the reporting verb.
func (sc *scope) quotedDenial(speaker []int, p, r int) {
	if q := sc.toks[sc.s.from].low; q != "\"" && q != "'" || !sc.dismissiveWithin(sc.s.from, p-sc.s.from) && !sc.nothingHappened(sc.s.from, p) && !sc.ownActDenied(sc.s.from, p) && !sc.uninvolved(sc.s.from+1, p, speaker) {
		return
	}
	if sc.negated(sc.window(speaker, r), r, false) {
		return
	}
	accusers := sc.lastAccusers(sc.ids(speaker))
	if len(accusers) == 0 {
		return
	}
	sc.emitIDs(graph.Denies, speaker, accusers, r, graph.Asserted, "", "")
}

// askedDenial reads an answer to a claim named in an opening "Asked
// about" phrase: "Asked about remarks by Taiwan's authorities, ..., Mao
// Ning said the so-called 'dollar diplomacy' was a groundless smear" is a
// denial of Taiwan by the speaker when what the speaker said after the
// reporting verb at r holds a dismissive word.
func (sc *scope) askedDenial(speaker []int, r int) {
	owner, _ := sc.askedOwner(r, speaker)
	if owner != nil && sc.dismissiveWithin(r+1, sc.s.to-r-1) && !sc.negated(sc.window(speaker, r), r, false) {
		sc.emit(graph.Denies, speaker, owner, r, graph.Asserted, "", "")
	}
}

// askedOwner returns the owner of the claim named in the question a
// speaker was asked before the verb at i, in this sentence: an opening
// "Asked about X's claims, ..." ("When asked ...": an opener first), or
// one in commas right after the speaker (lexicon classes asked-participle,
// asked-topic, asked-opener: "Peskov, asked about Tsahkna's comments,
// called them \"absurd\"", "Lin, when questioned over the Philippine
// claims, said ..."). The claim noun is the first within askedWindow words
// of the topic word, before a comma; its owner is named by it ("claims by
// X", "X's claims") or a modifier ("the Estonian accusations"), and is not
// the speaker. It returns the owner and the claim noun's index; nil and -1
// when there is none: "Asked whether ...", "asked about the talks".
func (sc *scope) askedOwner(i int, speaker []int) ([]int, int) {
	a := sc.s.from
	if e := sc.ms[speaker[len(speaker)-1]].to; e+1 < i && sc.toks[e].low == "," {
		a = e + 1 // "Peskov, asked about ..."
	}
	if a+1 < i && sc.toks[a].in(lcAskedOpener) {
		a++ // "When asked about ..."
	}
	if a+1 >= i || !sc.toks[a].in(lcAskedParticiple) || !sc.toks[a+1].in(lcAskedTopic) {
		return nil, -1
	}
	return sc.askedClaimOwner(a+2, i, speaker)
}

// askedClaimOwner reads the claim noun of a question's topic from k
// (before the verb at i): its owner, unless that is the speaker's side.
func (sc *scope) askedClaimOwner(k, i int, speaker []int) ([]int, int) {
	for last := k + askedWindow; k < i && k < sc.s.to && k <= last; k++ {
		t := &sc.toks[k]
		if t.low == "," || t.is(cClauseBreak) || t.low == "whether" {
			return nil, -1
		}
		if !t.is(cClaimNoun) {
			continue
		}
		owner := sc.claimOwner(k)
		if owner == nil {
			owner = sc.modifierBefore(k)
		}
		if owner == nil || sc.about(owner, sc.first(speaker)) {
			return nil, -1
		}
		return owner, k
	}
	return nil, -1
}

// dismissedClaim reads a claim that calls a claim false: "Rwanda said
// Congo's accusations were baseless", "X said Y's account was 'a
// distortion'". The speaker denies the claim's owner or, with none named,
// whoever last accused the speaker (within thatMemory sentences). The
// claim noun stands within claimTargetWindow words after the reporting
// verb at r; the dismissive word after its verb be (judgeWindow).
func (sc *scope) dismissedClaim(speaker []int, r int) {
	owner, _, ok := sc.falseClaim(r+1, r+claimTargetWindow)
	if !ok {
		return
	}
	if sc.ownPronoun(owner, sc.first(speaker)) {
		owner = nil // "Minsk said their claims were lies"
	}
	if owner != nil {
		if !sc.about(owner, sc.first(speaker)) {
			sc.emit(graph.Denies, speaker, owner, r, graph.Asserted, "", "")
			sc.judgedCharge(sc.claimNounFrom(r+1, r+claimTargetWindow), speaker, owner)
		}
		return
	}
	if accusers := sc.lastAccusersWithin(sc.ids(speaker), thatMemory); len(accusers) > 0 {
		sc.emitIDs(graph.Denies, speaker, accusers, r, graph.Asserted, "", "")
	}
}

// judgedCharge reads a charge (class denied-charge) with its owner named
// that the speaker calls false: "India said Canada's allegations were
// absurd" is Canada's accusation of India when the article told no
// accusation by the owner before (then the charge is that one: "Malabo
// blamed Abuja ... Ayo-Vaughan said the accusation from Malabo was
// unfounded"); a claim that is no charge ("the White House's claim that
// Qatar had been informed") accuses no one.
func (sc *scope) judgedCharge(k int, speaker, owner []int) {
	if k >= sc.s.to || !sc.toks[k].in(lcDeniedCharge) {
		return
	}
	by := sc.first(owner)
	for _, a := range sc.st.accusers {
		if a.edge && sc.affiliated(a.by, by) {
			return
		}
	}
	sc.deniedCharge(k, speaker, owner)
}

// claimNounFrom returns the first claim noun from start to last (as
// falseClaim finds it), or the sentence's end.
func (sc *scope) claimNounFrom(start, last int) int {
	for k := start; k < sc.s.to && k <= last; k++ {
		if sc.toks[k].is(cClaimNoun) {
			return k
		}
	}
	return sc.s.to
}

// falseClaim finds, from start to last, a claim noun whose verb be is
// followed by a dismissive word ("Congo's accusations were baseless"),
// before any clause break or be, and not negated. It returns the claim's
// owner (nil when none is named), the dismissive word and whether such a
// claim was found.
func (sc *scope) falseClaim(start, last int) (owner []int, d int, ok bool) {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k := start; k < len(toks) && k <= last; k++ {
		if toks[k].is(cClauseBreak | cBe) {
			return nil, -1, false
		}
		if !toks[k].is(cClaimNoun) {
			continue
		}
		d = sc.dismissedAt(k)
		if d < 0 || sc.negated(k, d, false) {
			return nil, -1, false
		}
		owner = sc.claimOwner(k)
		if owner == nil {
			owner = sc.modifierBefore(k)
		}
		return owner, d, true
	}
	return nil, -1, false
}

// dismissedAt finds, after the claim noun at k, the dismissive word that
// follows its verb be ("were baseless", "was \"a distortion\""), or -1.
func (sc *scope) dismissedAt(k int) int {
	for b := k + 1; b < sc.s.to && b <= k+judgeWindow; b++ {
		if !sc.toks[b].is(cBe) {
			continue
		}
		end := b + judgeWindow
		for j := b + 1; j < sc.s.to && j <= end; j++ {
			if sc.toks[j].low == "\"" {
				end++ // a quote mark is no word of the judgement: "were \"another piece of fake news\""
				continue
			}
			if sc.toks[j].in(lcDismissive) || sc.factDenied(j) {
				return j
			}
		}
		return -1
	}
	return -1
}

// dismissiveWithin reports a word of the lexicon's dismissive class among
// the n words from from, or a claim judged against the facts there.
func (sc *scope) dismissiveWithin(from, n int) bool {
	for k := max(from, sc.s.from); k < from+n && k < sc.s.to; k++ {
		if sc.toks[k].in(lcDismissive) || sc.factDenied(k) {
			return true
		}
	}
	return false
}

// factDenied reports a fact-noun at k judged as untrue by the words before
// it (factWindow words): a fact-judgement word ("inconsistent with the
// facts", "distorts the facts"), or a fact-match word after a negator or
// "nothing" ("does not correspond to reality", "nothing in common with
// reality").
func (sc *scope) factDenied(k int) bool {
	if !sc.toks[k].in(lcFactNoun) {
		return false
	}
	for j := k - 1; j >= sc.s.from && j >= k-factWindow; j-- {
		t := &sc.toks[j]
		if t.in(lcFactJudgement) {
			return true
		}
		if t.in(lcFactMatch) {
			for n := j - 1; n >= sc.s.from && n >= j-factWindow; n-- {
				if sc.toks[n].is(cNegator) || sc.toks[n].in(lcDenialNothing) {
					return true
				}
			}
			return false
		}
		if !t.word || t.is(cClauseBreak) {
			return false
		}
	}
	return false
}

// factWindow: the words between a judgement and the facts it is measured
// against ("inconsistent with the facts", "not in line with the facts").
const factWindow = 3

// nothingKindWords is how far "nothing" stands before "kind" in "nothing
// of the kind".
const nothingKindWords = 3

// nothingHappened reports "nothing of the kind", "never happened", "did
// not happen", "is not true" between from and to.
func (sc *scope) nothingHappened(from, to int) bool {
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.in(lcDenialKind) && k-nothingKindWords >= from && sc.toks[k-nothingKindWords].in(lcDenialNothing) {
			return true
		}
		if t.in(lcDenialEvent) && (k-1 >= from && sc.toks[k-1].is(cNegator) || k-2 >= from && sc.toks[k-2].is(cNegator)) {
			return true
		}
	}
	return false
}

// dismissedNext reports a dismissive judgement right after the verb at i,
// with no "as": "..., a charge Kigali called \"a distortion\"", "...,
// claims Moldova says are baseless" (a quote, a determiner or a form of be
// first, then a word of the dismissive class within describedClaimWindow
// words).
func (sc *scope) dismissedNext(i int) bool {
	n := i + 1
	if n >= sc.s.to {
		return false
	}
	if t := &sc.toks[n]; t.word && !t.in(lcDismissive) && !t.in(lcDeterminer) && !t.is(cBe) {
		return false
	}
	return sc.dismissiveWithin(n, describedClaimWindow)
}

// saidDismissed reads a verb of saying at i in a relative clause on a
// claim noun, judged false right after it: "Russia accused Chisinau of
// ..., claims Moldova says are baseless" is Moldova's denial, like "a
// charge Moldova rejected".
func (sc *scope) saidDismissed(i int) {
	if i+1 >= sc.s.to || !sc.toks[i+1].is(cBe) {
		return // the cheap test first
	}
	src := sc.subject(i, sc.s.from)
	if src == nil || !sc.dismissedNext(i) || !sc.claimAntecedent(src) {
		return
	}
	sc.denies(i, trig{rel: graph.Denies, lemma: "say", pos: verbBase})
}

// relativeDenier returns the denier of a relative denial on a claim noun
// that the participle at i follows after a comma: "X said ..., a charge
// Kigali called \"a distortion\", accusing Pretoria of ...": Kigali
// accuses, not X. Nil when another comma stands between.
func (sc *scope) relativeDenier(i int) []int {
	if i-1 <= sc.s.from || sc.toks[i-1].low != "," {
		return nil
	}
	for j := i - 2; j > sc.s.from; j-- {
		if sc.toks[j].low == "," {
			return nil
		}
		mi, ok := sc.startAt(j)
		if !ok {
			continue
		}
		g := sc.grp[sc.ms[mi].group]
		if v := sc.nextWord(sc.ms[g[len(g)-1]].to - 1); v < i && sc.claimAntecedent(g) && sc.denialVerb(v) {
			return g
		}
		return nil
	}
	return nil
}

// denialVerb reports a verb of denying, or of describing or saying that
// a relative denial uses ("called", "says"), at k, past an auxiliary.
func (sc *scope) denialVerb(k int) bool {
	if k < sc.s.to && sc.toks[k].is(cAux) {
		k++
	}
	if k >= sc.s.to {
		return false
	}
	if t, ok := sc.trigOf(&sc.toks[k]); ok && t.rel == graph.Denies {
		return true
	}
	return sc.toks[k].in(lcSpecialCalled) || sc.toks[k].in(lcSpecialSaid)
}

// unnamedDenier reports a relative denial whose subject is a name the
// dictionary lacks, between a claim noun and the verb at i: in "arming
// the group ..., a charge the Islamic Republic denies" the denier is
// unknown, not the group before the charge.
func (sc *scope) unnamedDenier(src []int, i int) bool {
	end := sc.ms[src[len(src)-1]].to
	k := i - 1
	for k >= end && (sc.toks[k].is(cAux) || sc.adverb(k)) {
		k-- // "a charge the Islamic Republic has long denied"
	}
	named := false
	for ; k >= end && sc.toks[k].word && sc.toks[k].cap && !sc.inMention(k); k-- {
		named = true
	}
	if !named || k < end {
		return false
	}
	if sc.toks[k].in(lcDeterminer) {
		k--
	}
	return k >= end && sc.toks[k].is(cClaimNoun)
}

// predicted reports a modal right after a charge's pronoun subject at k:
// "claims that it would open the way for a Chinese base" foretells, it
// charges no deed (lexicon classes modal, conditional-modal).
func (sc *scope) predicted(k int) bool {
	return k < sc.s.to && (sc.toks[k].in(lcModal) || sc.toks[k].in(lcConditionalModal))
}

// ownActDenied reports, between from and to, the speaker's own side as
// the subject of a negated hostile act or supply: "we", "us" or "our"
// (class speaker-pronoun) with its noun, then a negator and, past
// auxiliaries and adverbs, a verb of the hostile or denied-act class
// ("Our forces do not hit civilian facilities", "we have never sent
// weapons to anyone"). Not a negated act of others ("they never attack
// us": the subject is no first person).
func (sc *scope) ownActDenied(from, to int) bool {
	for k := from; k < to; k++ {
		if !sc.toks[k].in(lcSpeakerPronoun) {
			continue
		}
		n := k + 1
		if sc.toks[k].in(lcPossessivePronoun) {
			for n < to && n <= k+ownSubjectWindow && sc.toks[n].word && !sc.toks[n].is(cAux|cBe|cNegator) {
				n++ // "our armed forces"
			}
		}
		for n < to && (sc.toks[n].is(cAux) || sc.adverb(n)) && !sc.toks[n].is(cNegator) {
			n++
		}
		if n >= to || !sc.toks[n].is(cNegator) {
			continue
		}
		for n++; n < to && (sc.toks[n].is(cAux|cBe) || sc.adverb(n) || sc.toks[n].low == "ever"); n++ {
		}
		if n < to && (sc.toks[n].is(cHostile) || sc.toks[n].in(lcDeniedAct)) {
			return true
		}
	}
	return false
}

// ownSubjectWindow: the words of "our ..." before its verb ("our armed
// forces").
const ownSubjectWindow = 3
