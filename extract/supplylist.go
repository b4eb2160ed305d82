package extract

import (
	"strings"

	"geokg/graph"
)

// This file reads the supplier of a supply gerund that is a later member
// of a list of gerunds after a form of "be" (supplies round 16).

// gerundListSubject finds the supplier of a supply gerund at i that is a
// later member of a list of gerunds after a form of "be": "Ndayishimiye
// said that Rwanda was sheltering, feeding, training and financing the
// fighters", "told reporters that Rwanda was \"arming, training and
// commanding\" the M23 rebels": the list's first gerund has the subject,
// which is the supplier of every member (the start binary took the
// speaker before the that-clause). Nil when i opens no such list.
func (sc *scope) gerundListSubject(i int) []int {
	first := -1
	k := i - 1
	for ; k > sc.s.from; k-- {
		w := sc.toks[k].low
		if w == "," || w == "and" || w == "\"" {
			continue
		}
		if !sc.gerundWord(k) {
			break
		}
		first = k
	}
	if first < 0 || !sc.listJoin(i-1) {
		return nil
	}
	if k > sc.s.from && sc.adverb(k) {
		k-- // "was also arming"
	}
	if k <= sc.s.from || !sc.toks[k].is(cBe) || !sc.toks[k].in(lcFiniteBe) && sc.toks[k].low != "been" {
		return nil
	}
	return sc.verbSubject(first)
}

// listJoin reports a comma or "and" at k, past a quotation mark, that
// joins a list member to the one before it.
func (sc *scope) listJoin(k int) bool {
	if k > sc.s.from && sc.toks[k].low == "\"" {
		k--
	}
	return k > sc.s.from && (sc.toks[k].low == "," || sc.toks[k].low == "and")
}

// gerundWord reports a lower-case word in -ing at k that is no name's.
func (sc *scope) gerundWord(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.cap && len(t.low) > 5 && t.low[len(t.low)-3:] == "ing" && !sc.inMention(k)
}

// buyerAgentWindow: from a buyer-side participle to its agent's name past
// "by" and an article ("bought by the Nigerian").
const buyerAgentWindow = 3

// buyerAgent finds the buyer of a buyer-side participle at i that has a
// "by" agent right after it: "drone strikes carried out with Bayraktar TB2
// aircraft acquired by Morocco from Türkiye" (Morocco bought them; the
// start binary took the clause's subject, the Polisario Front), "the
// missile system bought by Serbia"; nil else.
func (sc *scope) buyerAgent(i int, t trig) []int {
	if t.pos != verbPast || i+2 >= sc.s.to || sc.toks[i+1].low != "by" {
		return nil
	}
	g := sc.after(i + 1)
	if g == nil || sc.ms[g[0]].from > i+buyerAgentWindow || sc.ms[g[len(g)-1]].poss {
		return nil
	}
	return g
}

// questionedSupply reports a supplier starting at from inside a question
// put by a verb of asking before it ("asked whether", "wondered if"; class
// ask-verb), no verb of saying between: "a BJP member asked whether the
// government was aware of reports that Beijing had been supplying armed
// drones to Islamabad" (a question, no supply told; annotation.md).
// "Asked whether ..., he said Iran had sent" tells the answer: a
// reporting verb stops the search.
func (sc *scope) questionedSupply(from int) bool {
	for k := from - 1; k > sc.s.from; k-- {
		t := &sc.toks[k]
		if t.is(cReporting) && !sc.claimNounUse(k) || t.low == ";" {
			return false
		}
		if (t.low == "whether" || t.low == "if") && sc.x.lex.in("ask-verb", sc.toks[k-1].low) {
			return true
		}
	}
	return false
}

// objectUser finds the user of goods after a participle of using in -ing
// at k that follows the object of a verb, a state's goods named as one
// mention with a goods noun: "Pakistan said its air force shot down Indian
// jets using J-10C fighters purchased from China" (the subject of "shot
// down" used them, or the owner of its forces; not the state whose jets
// were shot down: the start binary gave China supplies India). ok is
// false when k is no such participle; the user may then be nil.
func (sc *scope) objectUser(k int) (g []int, ok bool) {
	if !strings.HasSuffix(sc.toks[k].low, "ing") || k-2 <= sc.s.from || !sc.toks[k-1].is(cGoods) {
		return nil, false
	}
	mi, named := sc.endAt(k - 1) // "Indian jets": a state's goods, one mention
	if !named || sc.ms[mi].pron != "" || sc.ms[mi].poss || sc.ms[mi].person || sc.ms[mi].from >= k-1 {
		return nil, false
	}
	v := sc.prevWord(sc.ms[mi].from)
	particle := v > sc.s.from && sc.x.lex.in("object-particle", sc.toks[v].low)
	if particle {
		v-- // "shot down": the particle tells a verb
	}
	if v <= sc.s.from || !sc.toks[v].word || sc.toks[v].cap || !particle && !strings.HasSuffix(sc.toks[v].low, "ed") && !sc.toks[v].in(lcIrregularPast) {
		return nil, false
	}
	if g := sc.verbSubject(v); g != nil {
		return g, true
	}
	return sc.ownedUser(v), true // "its air force shot down"
}

// usingObjectUser finds the user of goods before a buyer-side participle
// at i when a participle of using in -ing after a verb's object governs
// them (objectUser): "shot down Indian jets using J-10C fighters
// purchased from China".
func (sc *scope) usingObjectUser(i int) (g []int, ok bool) {
	for k := i - 1; k > sc.s.from && k >= i-goodsPhraseWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcGoodsUser) {
			return sc.objectUser(k)
		}
		if t.is(cClauseBreak|cPreposition) || t.low == "," {
			return nil, false
		}
	}
	return nil, false
}

// claimNounUse reports a verb of saying at k used as a claim noun: after a
// determiner or a preposition ("aware of reports that"), or a claim noun
// with no name before it ("had seen reports that"; not "Tass reports").
func (sc *scope) claimNounUse(k int) bool {
	if sc.nounUse(k) || sc.toks[k-1].is(cPreposition) {
		return true
	}
	_, named := sc.endAt(k - 1)
	return sc.toks[k].is(cClaimNoun) && !named
}

// chargedSupply makes whoever claimed, in the sentences before, a supply
// by a denier in src an accuser of it when the denial at i calls the
// claim at k a charge (lexicon class denied-charge, as saidAccusers does
// for a claim with no charging word): "Tshisekedi told reporters that
// Rwanda was \"arming, training and commanding\" the M23 rebels. Kigali
// rejected the accusation." (Tshisekedi accuses Rwanda; called from
// accusersOf, denies.go).
func (sc *scope) chargedSupply(i, k int, src []int) {
	if k >= sc.s.to || k == i || !sc.toks[k].in(lcDeniedCharge) {
		return
	}
	for _, d := range sc.ids(src) {
		var by []graph.ActorID
		for n := len(sc.st.accusers) - 1; n >= 0; n-- {
			a := sc.st.accusers[n]
			if sc.st.sentences-a.at > thatMemory {
				break
			}
			if !a.edge && a.at < sc.st.sentences && a.of == d && !containsID(by, a.by) && !sc.affiliated(a.by, d) {
				by = append(by, a.by)
			}
		}
		if len(by) > 0 {
			sc.emitEnds(graph.Accuses, sc.idEnds(by, i), sc.ends(src), i, graph.Asserted, "", "")
		}
	}
}

// flownGoods reports goods flown to a recipient by a verb of flying at i
// (supplies round 16): active, goods and no craft between the verb and
// its "to" ("Washington flew 20 tonnes of security equipment, including
// bulletproof vests, to Ecuador"; "India flew the first batteries of
// BrahMos missiles to the Philippines"); passive, goods and no craft in
// the clause before its form of "be" ("Armoured vehicles and tactical
// gear were flown to Haiti by Canada"). Craft flown somewhere are a
// deployment or a use ("flew fighter jets to Belarus", "flew drones over
// Lithuania"; class craft-noun, with the carriers).
func (sc *scope) flownGoods(i int, t trig) bool {
	if t.pos == verbPast && i-1 > sc.s.from && sc.toks[i-1].is(cBe) {
		return sc.goodsNoCraft(sc.clauseStart(i-1), i-1) && sc.prepGroup(i, supplyAgentWindow, "to") != nil
	}
	for k := i + 1; k < sc.s.to && k <= i+recipientWindow; k++ {
		w := sc.toks[k].low
		if w == "to" {
			return sc.goodsNoCraft(i+1, k)
		}
		if w == ";" || sc.toks[k].is(cClauseBreak) {
			return false
		}
	}
	return false
}

// goodsNoCraft reports goods among the tokens [from, to) and no craft.
func (sc *scope) goodsNoCraft(from, to int) bool {
	goods := false
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.in(lcCarrierNoun) || sc.x.lex.in("craft-noun", t.low) {
			return false
		}
		goods = goods || t.is(cGoods)
	}
	return goods
}

// clauseStart returns where the clause of the word at k starts: after
// the nearest clause break or semicolon before it, else the sentence's
// start.
func (sc *scope) clauseStart(k int) int {
	for j := k - 1; j >= sc.s.from; j-- {
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == ";" {
			return j + 1
		}
	}
	return sc.s.from
}

// marketAfter reports a recipient group whose last name modifies a market
// noun after it (class market-noun): "to build a launcher for the U.S.
// market", "exports to the Chinese market" name a market, no recipient.
func (sc *scope) marketAfter(tgt []int) bool {
	k := sc.ms[tgt[len(tgt)-1]].to
	return k < sc.s.to && sc.toks[k].in(lcMarketNoun)
}
