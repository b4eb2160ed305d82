package extract

// This file reads supplies: active, passive, reversed ("received ... from"),
// nominal ("deliveries of tanks to Y by X") and copular ("X is Y's main
// arms supplier") frames.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// Windows of the supply frames (besides window.go's).
const (
	// forGoodsWindow: goods right after "to" or "for" that make it no
	// recipient ("for air defence systems").
	forGoodsWindow = 4
	// supplyAgentWindow: "by X" or "to X" after a passive supply verb or
	// a supply noun, past the goods and a date ("deliveries of 31 Abrams
	// tanks to Ukraine last year by", "supplied last year to Kyiv's
	// forces by").
	supplyAgentWindow = 12
	// equippedWithWindow: the "with" of "equipped with", past an adverb
	// ("equipped largely with").
	equippedWithWindow = 3
	// equippedGoodsWindow: the maker or goods after "with" ("equipped
	// with Chinese hardware", "with mostly Brazilian aircraft").
	equippedGoodsWindow = 4
	// gappedGoodsWindow: the goods of a second supply verb with no
	// recipient ("and Z has donated 40 armoured vehicles").
	gappedGoodsWindow = 8
	// doubleObjectWindow: the goods after the recipient of a double
	// object ("promised Kyiv 31 Abrams tanks"); withGoodsWindow, after
	// "with" ("to provide Ukraine with two ASC 890 airborne early warning
	// and control aircraft").
	doubleObjectWindow = 6
	withGoodsWindow    = 10
	// recipientWindow: "to X" after the goods ("sent 40 Leopard 2A6
	// tanks and 12 armoured vehicles to").
	recipientWindow = 18
	// possessedHeadWindow: the head noun after a possessor, past one
	// modifier ("Egypt's armed forces").
	possessedHeadWindow = 2
	// possessedGoodsWindow: goods next to a possessor or a supply noun
	// ("Pakistan's arms imports", "the arms deliveries to").
	possessedGoodsWindow = 3
	// nounVerbWindow: a supply verb before a supply noun, whose frame
	// reads it ("sent a new arms shipment").
	nounVerbWindow = 4
	// nounTargetWindow: "to X" after a supply noun and its "of GOODS"
	// ("deliveries of 31 Abrams tanks to").
	nounTargetWindow = 7
	// supplierToWindow: "to X" after a supplier noun, past the goods
	// ("the main supplier of arms and ammunition to").
	supplierToWindow = 10
	// makerOfWindow: a demonym after "of" naming the goods' maker ("the
	// transfer of Iranian missiles", "of advanced Chinese drones").
	makerOfWindow = 5
)

func (sc *scope) supplies(i int, t trig) {
	trade, giving := sc.verbSense(i, t)
	defer sc.restoreSense(trade, giving)
	if sc.toks[i].is(cArrivalVerb) {
		sc.arrival(i, t)
		return
	}
	t = sc.supplyForm(i, t)
	if sc.notSupplyVerb(i, t) || t.pos != noun && sc.inMention(i) || sc.subjunctiveSupply(i, t) {
		return // "the Ukrainian armed forces": a word of a name
	}
	if sc.usedToSupply(i, t) || sc.noSupplyObject(i, t) || i > sc.s.from && (sc.toks[i-1].low == "to" || sc.toks[i-1].low == "for") && sc.unnamedDoerFor(i) {
		return // "allowing its territory to be used to ship arms to Y": the user, whom no one names, supplies
	}
	ov, hasOv := sc.overrides[i]
	switch {
	case t.lemma == "supplier":
		sc.supplier(i)
	case t.lemma == "bound":
		sc.boundFor(i, t) // "Turkish-made drones destined for the army"
	case t.pos == noun && sc.takenDelivery(i):
		sc.buyerSide(i, t, sc.buyerSubject(i-1)) // "X took delivery of tanks from Y"
	case t.pos == noun && t.reverse:
		sc.buyerSide(i, t, sc.nounBuyer(i, t)) // "Peru's purchases of jets from Brazil"
	case sc.fromNoun(i, t):
		return // "the deliveries of tanks from Germany to Ukraine", "Kenya's loan from China"
	case t.pos == noun:
		sc.supplyNoun(i, t)
	case hasOv && (ov.src == nil || slices.Contains(sc.ids(ov.src), ov.by)):
		return // "accused the smugglers of flooding Togo with rifles": the doer is no actor; nor the accuser ("accused countries he did not name of")
	case hasOv:
		sc.supplyActive(i, t, ov.src, ov.by)
	case t.reverse && sc.unnamedBuyer(i, t):
		return // "warnings that countries buying Russian weapons could face sanctions"
	case t.reverse:
		sc.buyerSide(i, t, sc.reverseSubject(i, t))
	case t.pos == verbPast && (sc.passiveChain(i) || sc.timedPassive(i) || sc.commaGoodsPassive(i)):
		sc.supplyPassive(i, t)
	default:
		if t.pos == verbPast && sc.pastNotActive(i, t) {
			return // "Turkey, whose drones delivered to Baku", "and drones supplied to the army", "the best equipped"
		}
		src := sc.activeSupplier(i, t)
		if src == nil && t.pos == verbPast && sc.ownedGoodsSold(i, t) {
			return // "Turkey's Bayraktar drones sold to Ethiopia"
		}
		if src == nil {
			sc.noteRecipient(i, t) // "donors pledged aid for Sudan"
			return
		}
		if sc.noClaimThat(sc.ms[src[0]].from) {
			sc.noteUnconfirmed(src, i) // "found no evidence that the Ugandan government had armed the M23"
			return
		}
		if !sc.unsaidSupply(i, t, src) {
			sc.supplyActive(i, t, src, "")
		}
	}
}

// verbSense sets, for the supply trigger t at i, that commodities are trade
// (a verb of buying or selling: sc.trade) and that any plural noun is
// goods (a verb of giving away: sc.giving); it returns whether t is a
// verb of trade and what sc.giving was, for restoreSense.
func (sc *scope) verbSense(i int, t trig) (trade, giving bool) {
	trade, giving = sc.x.lex.has(lcTradeLemma, t.lemma), sc.giving
	if trade {
		sc.trade = true
	}
	sc.giving = sc.toks[i].in(lcGivingVerb)
	return trade, giving
}

// restoreSense clears what verbSense set.
func (sc *scope) restoreSense(trade, giving bool) {
	if trade {
		sc.trade = false
	}
	sc.giving = giving
}

// hypotheticalSupply reports a supply verb at i after a modal or a word
// of likelihood with a condition after the verb: "Cairo is likely to
// supply the army with more drones if El Fasher falls", "Egypt could
// send troops and arms if asked" (a prediction under a condition, no
// supply told; "would" counts only with a condition too).
func (sc *scope) hypotheticalSupply(src []int, i int) bool {
	if sc.frontedCondition(src) {
		return true // "If Ankara agrees, Germany would deliver Eurofighters to Turkey"
	}
	hedged := false
	for k := sc.window(src, i); k < i; k++ {
		t := &sc.toks[k]
		if t.in(lcModal) || t.in(lcConditionalModal) || t.in(lcLikelihood) {
			hedged = true
		}
	}
	if !hedged {
		return false
	}
	for k := i + 1; k < sc.s.to; k++ {
		if sc.toks[k].in(lcCondition) {
			return sc.toks[k-1].low != "even" && sc.toks[k-1].low != "as"
		}
		if sc.toks[k].low == ";" {
			return false
		}
	}
	return false
}

// usedToSupply reports an infinitive supply verb at i after a passive of
// "use" ("be used to", "was used to", "being used to"): "accused Chad of
// allowing its territory to be used to funnel weapons to the RSF" (what is
// used supplies nothing, nor does the one who lets it be used).
func (sc *scope) usedToSupply(i int, t trig) bool {
	u := i - 2 // "used", before "to"
	if t.pos != verbBase || u-1 < sc.s.from || sc.toks[i-1].low != "to" || sc.toks[u].low != "used" {
		return false
	}
	b := &sc.toks[u-1]
	return b.is(cBe) || b.low == "being" || b.low == "been"
}

// goodsParticiple reports a supply participle at i right after a goods
// noun and before its "to" or "from" phrase: "Turkey delivered jets, and
// drones supplied to the army were seen", "Russia was fighting with shells
// shipped from North Korea" (a reduced relative on the goods: the clause's
// subject is not its supplier).
func (sc *scope) goodsParticiple(i int) bool {
	return i+1 < sc.s.to && (sc.toks[i+1].low == "to" || sc.toks[i+1].low == "from") && sc.goodsNoun(i-1)
}

// goodsOwnerEnd returns where the owner of the goods right before a supply
// participle at i ends: past the goods and their model ("Bayraktar TB2
// drones") and a possessive's "'s"; i-1 when no goods stand there.
func (sc *scope) goodsOwnerEnd(i int) int {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cGoods) || sc.toks[k].cap && !sc.endsMention(k) || modelName(sc.toks[k].text)) && k >= i-passiveGoodsWindow {
		k--
	}
	if k > sc.s.from && (sc.toks[k].low == "'s" || sc.toks[k].low == "'") {
		k--
	}
	return k
}

// whoseGoods reports goods owned by a relative "whose" right before a
// supply participle at i: "Turkey, whose drones delivered to Baku ...".
func (sc *scope) whoseGoods(i int) bool {
	k := sc.goodsOwnerEnd(i)
	return k < i-1 && k > sc.s.from && sc.toks[k].low == "whose" && sc.toks[k-1].low == ","
}

// askedSupplier reports a supplier that is the object of a verb of
// asking, urging or stopping right before it: "urged Seoul to send air
// defence systems", "called on Germany to supply tanks", "pressed
// Washington to provide more aid" (a request, no supply; class stop); or
// the "it" of a cleft question ("Who is it that has shipped ...?").
func (sc *scope) askedSupplier(src []int) bool {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p > sc.s.from && (sc.toks[p].low == "on" || sc.toks[p].low == "upon") {
		p--
	}
	if p-1 >= sc.s.from && sc.ms[src[0]].pron == "it" && sc.toks[p].is(cBe) && (sc.toks[p-1].low == "who" || sc.toks[p-1].low == "what") {
		return true // "Who is it that has shipped weapons to Kyiv?": the question names no supplier
	}
	return p >= sc.s.from && sc.toks[p].is(cStopVerb)
}

// reverseSubject finds the buyer of a buyer-side verb at i: its subject,
// but not an agent or a preposition's object before a participle that
// modifies goods ("drones supplied by Turkey and munitions bought from
// Israel": Turkey bought nothing; the goods' user, if any, did).
func (sc *scope) reverseSubject(i int, t trig) []int {
	if g := sc.buyerAgent(i, t); g != nil {
		return g // "Bayraktar TB2 aircraft acquired by Morocco from Türkiye"
	}
	if g, ok := sc.usingObjectUser(i); ok && t.pos == verbPast {
		return g // "shot down Indian jets using J-10C fighters purchased from China": not India
	}
	if g := sc.parallelSubject(i); g != nil {
		return g // "India has turned from Russia, which ..., and has bought"
	}
	if g := sc.asideRelativeSubject(i); g != nil {
		return g // "the Houthis, who officials say have received"
	}
	if g := sc.receivedPassive(i, t); g != nil {
		return g // "most of Venezuela's equipment had been received from Russia"
	}
	g := sc.verbSubject(i)
	if g == nil {
		g = sc.includedSubject(i) // "militant networks, including the TTP, were receiving funds from India"
	}
	if t.pos != verbPast || !sc.reducedRelative(i) || !sc.goodsNoun(i-1) {
		return g
	}
	if m := sc.modifierBefore(i); m != nil && sc.ms[m[len(m)-1]].poss {
		return m // "Kenya's arms purchased from Israel"
	}
	if g == nil || !sc.opensClause(&sc.ms[g[len(g)-1]]) {
		return nil // "engaged the Indian aircraft with jets acquired from China"
	}
	return g
}

// timedPassive reports a passive participle at i whose form of "be" stands
// before a time phrase or adverbs: "were for years supplied with", "was
// in 2019 quietly armed by".
func (sc *scope) timedPassive(i int) bool {
	k := i - 1
	for n := 0; k > sc.s.from && n < asideVerbWindow && !sc.toks[k].is(cBe) && (sc.asideVerbWord(k) || sc.toks[k].low == "in" || startsDigit(sc.toks[k].text)); n++ {
		k--
	}
	return k < i-1 && k >= sc.s.from && sc.toks[k].is(cBe)
}

// makerMention reports a mention that names the maker of goods ("U.S.-made",
// "Korean-built"), no recipient.
func (sc *scope) makerMention(mi int) bool {
	m := &sc.ms[mi]
	if m.to+1 < sc.s.to && sc.toks[m.to].low == "-" && sc.x.lex.has(lcMakerSuffix, "-"+sc.toks[m.to+1].low) {
		return true
	}
	t := &sc.toks[m.to-1]
	h := strings.LastIndexByte(t.low, '-')
	return h > 0 && sc.x.lex.has(lcMakerSuffix, t.low[h:])
}

// anySupplier reports a supplier told in general by a determiner before
// it: "would not support any EU decision to fund weapons", "no NATO
// member will send troops" (class generic-determiner, or "no").
func (sc *scope) anySupplier(src []int) bool {
	p := sc.ms[src[0]].from - 1
	return p >= sc.s.from && (sc.toks[p].in(lcGenericDeterminer) || sc.toks[p].low == "no") // not "without Iran, which ..."
}

// ownersOut drops from a group of suppliers the last member when it is a
// possessive and others are not: "received from Israel and Washington's
// decision to lift its embargo" (Washington owns another noun phrase).
func (sc *scope) ownersOut(g []int) []int {
	if len(g) > 1 && sc.ms[g[len(g)-1]].poss && !sc.ms[g[0]].poss {
		return g[: len(g)-1 : len(g)-1]
	}
	return g
}

// parenWindow: the words of an abbreviation in parentheses after a name
// ("the Indonesian Navy (TNI AL)").
const parenWindow = 5

// parenEnd returns where an abbreviation in parentheses starting at k
// ends, past its ")"; k when none stands there.
func (sc *scope) parenEnd(k int) int {
	if k >= sc.s.to || sc.toks[k].low != "(" {
		return k
	}
	for j := k + 1; j < sc.s.to && j <= k+parenWindow; j++ {
		if sc.toks[j].low == ")" {
			return j + 1
		}
	}
	return k
}

// demonymSource finds the state of a store of goods named by its demonym
// at k: "from German stocks", "from the Russian arsenals" (class
// source-noun).
func (sc *scope) demonymSource(k int) []int {
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok || !sc.ms[mi].adj || sc.ms[mi].to >= sc.s.to {
		return nil
	}
	j := sc.ms[mi].to
	if j+1 < sc.s.to && sc.toks[j].word && !sc.toks[j].cap && !sc.toks[j].is(cGoods) && (sc.toks[j+1].in(lcSourceNoun) || sc.toks[j+1].in(lcCompanyHead)) {
		j++ // "from Chinese production lines", "from Turkish defence firms"
	}
	if !sc.toks[j].in(lcSourceNoun) && !sc.toks[j].in(lcCompanyHead) {
		return nil
	}
	return []int{mi}
}

// underSponsor finds the owner of an aid programme in an "under" phrase
// of the clause of an agentless supply participle at i: "Under Japan's
// Official Security Assistance framework, radars are to be provided to",
// "delivered to Y under a US programme" (a state's possessive or name,
// then a programme noun, class programme-noun).
func (sc *scope) underSponsor(i int) []int {
	for k := sc.s.from; k < sc.s.to && k < i+supplyAgentWindow; k++ {
		if sc.toks[k].low != "under" || k+2 >= sc.s.to {
			continue
		}
		j := k + 1
		if sc.toks[j].in(lcDeterminer) {
			j++
		}
		mi, ok := sc.startAt(j)
		if !ok || sc.ms[mi].pron != "" {
			continue
		}
		if a, known := sc.x.mentionActor(&sc.ms[mi]); !known || a.Type != graph.Country {
			continue
		}
		for h := sc.ms[mi].to; h < sc.s.to && h <= sc.ms[mi].to+parenWindow; h++ {
			if p := sc.parenEnd(h); p > h {
				h = p // "Official Security Assistance (OSA) framework"
			}
			if sc.toks[h].in(lcProgrammeNoun) {
				return []int{mi}
			}
			if sc.toks[h].is(cClauseBreak|cPreposition) || sc.toks[h].low == "," {
				break
			}
		}
	}
	return nil
}

// gappedObjectRecipient finds the recipient of an active supply verb at i
// in an object-gapped relative clause whose subject is src: "Hezbollah,
// which Iran has armed since the 1980s", "Ukraine, which the US has
// supplied with tanks", "the Syrian National Army, a coalition of factions
// that Ankara has armed" (a "that" only after an apposition: "warned
// Lebanon that Iran has armed militias" is a that-clause). A verb that
// needs goods takes them after "with".
func (sc *scope) gappedObjectRecipient(i int, t trig, src []int) []int {
	if t.goods && (i+1 >= sc.s.to || sc.toks[i+1].low != "with") {
		return nil
	}
	p := sc.prevWord(sc.ms[src[0]].from)
	if p <= sc.s.from {
		return nil
	}
	switch sc.toks[p].low {
	case "which", "whom":
		return sc.antecedent(p, sc.s.from)
	case "that":
		if _, afterName := sc.endAt(p - 1); !afterName && !sc.toks[p-1].in(lcChainCoordinator) { // not "..., and that Asmara was financing"
			return sc.apposedHead(p, sc.s.from)
		}
	}
	return nil
}

// buyerSubject finds the subject of a buyer-side verb at i that takes
// no frame of its own: "Russia, which officials say has taken delivery".
func (sc *scope) buyerSubject(i int) []int {
	if g := sc.asideRelativeSubject(i); g != nil {
		return g
	}
	return sc.verbSubject(i)
}

// companyWindow: the words between a company noun and its supply verb
// ("firms have reportedly agreed to supply").
const companyWindow = 7

// companySubject finds a supply verb's subject told as a state's
// companies or vehicles: "Israeli defence firms have reportedly agreed to
// supply", "Chilean companies supplied", "an Egyptian naval vessel
// delivered" (the demonym's state; not "Singapore-based companies", no
// demonym, nor past another name or a clause break).
func (sc *scope) companySubject(i int) []int {
	for k := i - 1; k > sc.s.from && k > i-companyWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcCompanyHead) || t.in(lcCarrierNoun) {
			return sc.demonymBefore(k) // "an Egyptian naval vessel delivered"
		}
		if _, ok := sc.endAt(k); ok || !t.word || t.cap || t.is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// demonymBefore returns the demonym right before the noun at k, past
// lower-case modifiers ("Israeli defence firms"), as a group, or nil.
func (sc *scope) demonymBefore(k int) []int {
	for j := k - 1; j >= sc.s.from && j >= k-possessedHeadWindow-1; j-- {
		if mi, ok := sc.endAt(j); ok {
			if sc.ms[mi].adj {
				return sc.grp[sc.ms[mi].group]
			}
			return nil
		}
		if !sc.toks[j].word || sc.toks[j].cap {
			return nil
		}
	}
	return nil
}

// supplyVerbSubject finds the supplier of an active supply verb: the
// actor right before a gerund inside a prepositional phrase ("dropped its
// objections to Britain delivering jets": Britain), the agent of a noun
// before an infinitive ("the decision by the U.S. side to provide"), else
// the verb's subject.
func (sc *scope) supplyVerbSubject(i int, t trig) []int {
	if g := sc.gerundListSubject(i); g != nil && t.pos == verbGer {
		return g // "said that Rwanda was arming, training and commanding the M23"
	}
	if t.pos == verbGer {
		if mi, ok := sc.endAt(i - 1); ok && !sc.ms[mi].adj && !sc.ms[mi].poss {
			g := sc.grp[sc.ms[mi].group]
			if p := sc.prevWord(sc.ms[g[0]].from); p >= sc.s.from && sc.toks[p].is(cPreposition) && !sc.toks[p].is(cClauseBreak) {
				return g
			}
		}
	}
	if g := sc.controlSubject(i); g != nil && t.pos == verbBase {
		return g // "and last year agreed to give", "continues to fight ... and to supply"
	}
	if g := sc.asideRelativeSubject(i); g != nil {
		return g // "Iran, which he said continued to smuggle"
	}
	if g := sc.andAsideSubject(i); g != nil {
		return g // "X sheltered Y and, according to diplomats, provided": X
	}
	if g := sc.asideNameSubject(i); g != nil {
		return g // "Rwanda, she said, had armed the M23"
	}
	if t.pos == verbBase && i-2 > sc.s.from && sc.toks[i-1].low == "to" {
		k := i - 2
		if t := &sc.toks[k]; t.word && !t.cap && !sc.endsMention(k) {
			k-- // "by the U.S. side to": one noun after the name
		}
		if mi, ok := sc.endAt(k); ok {
			g := sc.grp[sc.ms[mi].group]
			if p := sc.prevWord(sc.ms[g[0]].from); p >= sc.s.from && sc.toks[p].low == "by" {
				return g
			}
		}
	}
	if t.pos == verbBase && sc.unnamedPledger(i) {
		return nil // "welcomed a pledge by the King Salman Relief Centre to provide": not the welcomer
	}
	if g := sc.parallelSubject(i); g != nil {
		return g // "X has ... Y, which supplies ..., and has bought": X
	}
	g := sc.verbSubject(i)
	if t.pos == verbPast {
		if h := sc.pastAfterPresent(i, g); h != nil {
			return h
		}
	}
	return g
}

// pledgerWindow: the words of a "by" phrase between a pledge noun and the
// infinitive it governs ("a pledge by the King Salman Humanitarian Aid
// and Relief Centre to provide").
const pledgerWindow = 12

// unnamedPledger reports an infinitive supply verb at i governed by a
// noun of promising or deciding whose "by" phrase names no actor: "a
// pledge by the King Salman Humanitarian Aid and Relief Centre to
// provide", "an offer by a local charity to send" (the pledger, not the
// clause's subject, is to supply; a named one is read before).
func (sc *scope) unnamedPledger(i int) bool {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "to" {
		return false
	}
	for k := i - 2; k > sc.s.from && k >= i-pledgerWindow; k-- {
		t := &sc.toks[k]
		if t.low == "by" {
			return sc.toks[k-1].in(lcPledgeNoun)
		}
		if _, ok := sc.endAt(k); ok && !sc.toks[k+1].cap || t.is(cClauseBreak) || t.low == "," || !t.word {
			return false // a name, not one inside a longer unknown one ("the King Salman Relief Centre")
		}
	}
	return false
}

// pastAfterPresent finds the subject of a past supply verb at i after
// "and" when the subject g was read from a name and a plural noun that
// looks like a present verb: "Armenia hosted NATO drills and sent aid"
// (a verb in the past is coordinated with one in the past: Armenia, not
// NATO). nil when g is no such name.
func (sc *scope) pastAfterPresent(i int, g []int) []int {
	if g == nil {
		return nil
	}
	m := &sc.ms[g[len(g)-1]]
	k := i - 1
	for k > m.to && (sc.toks[k].is(cAux) || sc.adverb(k)) {
		k--
	}
	if k != m.to+1 || sc.toks[k].low != "and" {
		return nil
	}
	if t := &sc.toks[m.to]; !t.word || t.cap || !strings.HasSuffix(t.low, "s") || strings.HasSuffix(t.low, "ss") {
		return nil
	}
	return sc.firstVerbSubject(sc.ms[g[0]].from, false)
}

// ownedGoodsSold reads a supply participle right after goods that a
// state's possessive, demonym or name owns: "Turkey's Bayraktar drones
// sold to Ethiopia", "Russian S-400 systems delivered to India" (the
// owner supplies the "to" phrase's actor). It reports whether it read one.
func (sc *scope) ownedGoodsSold(i int, t trig) bool {
	k := sc.goodsOwnerEnd(i)
	if k == i-1 || !sc.goodsBetween(k+1, i) {
		return false
	}
	var owner []int
	if mi, ok := sc.endAt(k); ok {
		m := &sc.ms[mi]
		if m.pron != "" || !m.poss && !m.adj && !sc.makerOfGoods(mi) {
			return false
		}
		owner = sc.grp[m.group]
	} else if sc.whoseGoods(i) {
		owner = sc.antecedent(k, sc.s.from) // "Turkey, whose Bayraktar drones delivered to Baku"
	}
	tgt := sc.prepGroup(i, supplyAgentWindow, "to")
	if owner == nil || tgt == nil || sc.negated(max(sc.s.from, k-winPolarity), k, true) {
		return false
	}
	sc.emitEnds(graph.Supplies, sc.ends(owner), sc.recipientEnds(tgt, owner, i), i, sc.supplyStatus(nil, i, t), "", "")
	return true
}

// noteSupply remembers a supply found, for "the transfer", "the army"
// and the donors of a list told over several sentences.
func (st *articleState) noteSupply(src, tgt graph.ActorID) {
	st.lastSupplier, st.lastRecipient = src, tgt
	st.setRecipient(tgt)
}

// setRecipient notes id as the recipient of the supplies told in the
// current sentence (articleState.recipient).
func (st *articleState) setRecipient(id graph.ActorID) {
	if st.recipient != "" && st.recipient != id {
		st.mixedRecipients = true
	}
	st.recipient, st.recipientAt = id, st.sentences
}

// noteRecipient remembers the recipient of a supply verb whose supplier
// is not named (see articleState.recipient).
func (sc *scope) noteRecipient(i int, t trig) {
	if sc.negated(max(sc.s.from, i-winPolarity), i, true) {
		return
	}
	if g := sc.supplyTarget(i, t); g != nil {
		if ids := sc.ids(g); len(ids) == 1 {
			sc.st.setRecipient(ids[0])
		}
	}
}

// arrival notes X as the recipient of goods arriving in or at X: "the
// first F-16 jets to arrive in Ukraine", "instructors arrived in Niamey
// with an air defence system". Goods must be named in the clause.
func (sc *scope) arrival(i int, t trig) {
	lo := max(sc.s.from, i-winLongObject)
	carry, hasCarry := sc.carryCue(max(sc.s.from, i-carryWindow), i)
	gFrom, gTo, head := carry+1, i, carry-1
	if hasCarry {
		lo = max(sc.s.from, min(lo, carry-carrierWindow)) // "An Egyptian naval vessel carrying weapons and military equipment for the Somali National Army docked"
	} else if carry, hasCarry = sc.carryAfter(i); hasCarry {
		gFrom, gTo, head = carry+1, sc.clauseEnd(carry+1), sc.vehicleBefore(i) // "an Egyptian naval vessel docked in Mogadishu carrying heavy weapons"
		lo = max(sc.s.from, head-carrierWindow)
	} else if head, hasCarry = sc.cargoBefore(i); hasCarry {
		gFrom, gTo = head+2, i // "a second Egyptian shipment of weapons docked in Mogadishu"
		lo = max(sc.s.from, min(lo, head-carrierWindow))
	}
	if !hasCarry && sc.toks[i].in(lcCarryArrival) {
		return // "missiles landed in Kyiv" is an attack; "planes carrying arms landed in X" a delivery
	}
	if f := sc.fromList(i); f >= 0 && !hasCarry {
		lo = max(sc.s.from, min(lo, f-possessedGoodsWindow)) // "relief supplies from Australia, New Zealand, Japan, China and Fiji arrived"
	}
	if !sc.goodsBetween(lo, i) && !sc.goodsBetween(i+1, sc.clauseEnd(i+1)) {
		return
	}
	g := sc.prepGroup(i, winAdverb, "in", "at")
	if g == nil && hasCarry && sc.toks[i].in(lcCarryArrival) {
		g = sc.prepGroup(i, winAdverb, "into", "for") // "trucks loaded with flour crossed into Syria", "left for Iran"
	}
	if g == nil {
		g = sc.arrivalPlace(i) // "landed in the Somali capital", "docked at the port of Mogadishu"
	}
	if sc.negated(lo, i, true) {
		return
	}
	sc.arrivedFrom(i, t, lo, g) // "the first batteries of BrahMos missiles arrived from India"
	place, ok := sc.arrivalEnds(i, g)
	if ok && !hasCarry {
		sc.madeArrival(i, t, lo, place) // "Turkish-made drones arrived in Bamako"
	}
	if !ok && g == nil && hasCarry {
		place, ok = sc.carriedFor(i, gFrom, gTo) // "landed on Wednesday carrying armoured vehicles from Ottawa for the force"
	}
	if !ok {
		return
	}
	sc.st.setRecipient(place[0].id)
	if hasCarry && head > sc.s.from && sc.goodsBetween(gFrom, gTo) {
		sc.carrier(lo, head, gFrom, gTo, i, place) // "two Egyptian military aircraft carrying weapons landed in Mogadishu"
	}
}

// arrivalEnds returns the one state goods arriving at i reach: the
// place group g, else the dateline's state when the arrival names a place
// of its own that no state is ("MOGADISHU - ... landed at the Aden Adde
// International Airport": a capitalised name ending in a place-head noun).
func (sc *scope) arrivalEnds(i int, g []int) ([]endpoint, bool) {
	if g != nil {
		ids := sc.ids(g)
		return sc.ends(g), len(ids) == 1
	}
	k := i + 1
	for k < sc.s.to && k <= i+winAdverb && sc.toks[k].low != "at" && sc.toks[k].low != "in" {
		k++
	}
	j := k + 1
	if j < sc.s.to && sc.toks[j].low == "the" {
		j++
	}
	e := j
	for e < sc.s.to && e < j+placeWindow && sc.toks[e].cap && sc.toks[e].word && !sc.inMention(e) {
		e++
	}
	d := sc.x.datelineState(sc.toks, sc.st)
	if k >= sc.s.to || e == j || !sc.toks[e-1].in(lcPlaceHead) || d == "" {
		return nil, false
	}
	return []endpoint{{id: d, span: graph.Span{Start: sc.toks[j].start, End: sc.toks[e-1].end}}}, true
}

// unownedForces reports "the" and a state's forces named by no state at
// k: "the coast guard", "the navy", "the army" (class own-forces, past
// one modifier); not "the Philippine Navy" or "the army of Mali", a
// recipient of their own.
func (sc *scope) unownedForces(k int) bool {
	if k+1 >= sc.s.to || sc.toks[k].low != "the" {
		return false
	}
	for j := k + 1; j < sc.s.to && j <= k+2; j++ {
		t := &sc.toks[j]
		if !t.word || t.cap {
			return false
		}
		if t.in(lcOwnForces) {
			return j+1 >= sc.s.to || sc.toks[j+1].low != "of"
		}
	}
	return false
}

// arrivedFrom reads the source of goods arriving: "the first batteries of
// BrahMos missiles arrived from India", "arrived in Manila from India"
// (the state after "from" supplies the place at g, else the recipient of
// the sentences before, as contextRecipient does). Goods must be the
// arrival's subject, and no trade goods: "grain shipments arrived from
// Odesa" is trade; "Putin arrived in Hanoi from Pyongyang" carries none.
func (sc *scope) arrivedFrom(i int, t trig, lo int, g []int) {
	src := sc.prepGroup(i, winAdverb+2, "from")
	if src != nil && (!sc.goodsBetween(lo, i) || sc.classWithinBits(lo, i, cCommodity)) {
		return
	}
	if src == nil {
		src = sc.goodsFrom(max(sc.s.from, i-recipientWindow), i) // "relief supplies from Australia, Japan and Fiji arrived in Tonga"
	}
	if len(src) == 0 || len(src) == 1 && sc.routeFrom(src) {
		return
	}
	for _, mi := range src {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country {
			return
		}
	}
	var ends []endpoint
	if g != nil {
		ends = sc.ends(g)
	} else if r := sc.st.recipient; r != "" && sc.st.sentences-sc.st.recipientAt <= recipientMemory && !sc.affiliated(sc.ids(src)[0], r) {
		ends = []endpoint{{id: r, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}
	}
	if ends != nil {
		sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, sc.supplyStatus(src, i, t), "", "")
	}
}

// fromListWords: the names, commas and "and" of a list after "from"
// ("from Australia, New Zealand, Japan, China and Fiji").
const fromListWords = 14

// fromList returns the "from" that opens the names, commas and "and" right
// before a verb at i (past auxiliaries and adverbs), or -1.
func (sc *scope) fromList(i int) int {
	k := i - 1
	for k > sc.s.from && sc.asideVerbWord(k) {
		k--
	}
	for n := 0; k > sc.s.from && n < fromListWords; n++ {
		if mi, ok := sc.endAt(k); ok {
			k = sc.ms[mi].from - 1
		} else if w := sc.toks[k].low; w == "," || w == "and" {
			k--
		} else {
			break
		}
	}
	if k < sc.s.from || sc.toks[k].low != "from" || k == i-1 {
		return -1
	}
	return k
}

// goodsFrom finds the states after "from" on the goods an arrival verb
// at i has for its subject, lo on: "relief supplies from Australia, New
// Zealand and Japan arrived in Tonga", "aid from Qatar landed in Ankara"
// (goods before "from"; names, commas and "and" right after it, and the
// verb or an auxiliary right after them: "Japan arrived" is no clause of
// its own there).
func (sc *scope) goodsFrom(lo, i int) []int {
	for k := lo; k+1 < i; k++ {
		if sc.toks[k].low != "from" || !sc.goodsBetween(lo, k) || sc.classWithinBits(lo, k, cCommodity) && !sc.reliefCargo() {
			continue // "grain shipments from Ukraine arrived": trade; not "a humanitarian consignment of food from"
		}
		var g []int
		e := k + 1
		if e < i && sc.toks[e].low == "the" {
			e++ // "relief supplies from the United Arab Emirates arrived"
		}
		for e < i {
			if mi, ok := sc.startAt(e); ok && !sc.ms[mi].poss {
				g, e = append(g, mi), sc.ms[mi].to
			} else if w := sc.toks[e].low; (w == "," || w == "and") && g != nil {
				e++
			} else {
				break
			}
		}
		for e < i && sc.asideVerbWord(e) {
			e++
		}
		if e != i || g == nil {
			return nil
		}
		return g
	}
	return nil
}

// classWithinBits reports a token of the class bits c between from and to.
func (sc *scope) classWithinBits(from, to int, c uint64) bool {
	for k := max(from, sc.s.from); k < to && k < sc.s.to; k++ {
		if sc.toks[k].is(c) {
			return true
		}
	}
	return false
}

// carryAfter finds a carry cue or "with" after the place of an arrival
// verb at i, in its clause and before another verb phrase: "docked in
// Mogadishu carrying heavy weapons", "instructors arrived in Niamey with
// an air defence system" (not "landed in Minsk and carried out ...").
func (sc *scope) carryAfter(i int) (int, bool) {
	end := min(sc.clauseEnd(i+1), i+carryWindow)
	for k := i + 1; k < end; k++ {
		w := sc.toks[k].low
		if w == "and" || w == "," || w == "which" || w == "who" || w == "that" {
			return 0, false
		}
		if sc.toks[k].in(lcCarryCue) || w == "with" {
			return k, true // "arrived in Niamey with an air defence system"
		}
	}
	return 0, false
}

// vehicleBefore returns the head noun before an arrival verb at i, past
// an auxiliary ("planes have landed"); sc.s.from when none.
func (sc *scope) vehicleBefore(i int) int {
	k := i - 1
	if k > sc.s.from && sc.toks[k].is(cAux) {
		k--
	}
	if k <= sc.s.from {
		return sc.s.from
	}
	return k
}

// carryWindow: a carry cue before an arrival verb, past the goods and
// their recipient ("carrying weapons and military equipment for the
// Somali National Army docked"); carrierWindow: the state naming the
// vehicles before the cue ("Two Egyptian military aircraft carrying").
const (
	carryWindow   = 14
	carrierWindow = 5
)

// carryCue finds a word of the carry-cue class ("carrying", "loaded")
// between lo and i.
func (sc *scope) carryCue(lo, i int) (int, bool) {
	for k := i - 1; k >= lo; k-- {
		if sc.toks[k].is(cClauseBreak) {
			break
		}
		if sc.toks[k].in(lcCarryCue) {
			return k, true
		}
	}
	return 0, false
}

// carrier emits the state that names the vehicles carrying goods to the
// place at g as their supplier: a demonym or a state's name before the
// carry cue at carry ("Egyptian military aircraft carrying weapons").
// Trade goods on board are no supply.
func (sc *scope) carrier(lo, head, gFrom, gTo, i int, place []endpoint) {
	for k := gFrom; k < gTo; k++ {
		if sc.toks[k].is(cCommodity) && !sc.reliefCargo() {
			return
		}
	}
	if g := sc.carrierFrom(head); g != nil {
		sc.emitEnds(graph.Supplies, sc.ends(g), place, i, graph.Asserted, "", "") // "relief flights from Qatar and Kuwait landed in Adana carrying tents"
		return
	}
	if mi, ok := sc.endAt(head); ok && !sc.toks[head].in(lcCarrierNoun) {
		o := sc.prevWord(sc.ms[mi].from)
		if o > sc.s.from && sc.toks[o].low == "the" {
			o--
		}
		// "aircraft of the Egyptian Air Force carrying weapons": the vehicles before "of"
		if o-1 >= sc.s.from && sc.toks[o].low == "of" && sc.toks[o-1].in(lcCarrierNoun) {
			if a, ok := sc.x.mentionActor(&sc.ms[mi]); ok && a.Type == graph.Country && !sc.ms[mi].poss {
				sc.emitEnds(graph.Supplies, sc.ends([]int{mi}), place, i, graph.Asserted, "", "")
			}
		}
		return
	}
	if !sc.toks[head].in(lcCarrierNoun) && !sc.toks[head].in(lcCargoNoun) {
		return // "Iranian drones carrying explosives landed in Kyiv": a weapon, no carrier
	}
	lo = sc.vehiclePhrase(lo, head)
	for mi := range sc.ms {
		m := &sc.ms[mi]
		if m.from < lo || m.to > head+1 || m.pron != "" || m.poss {
			continue
		}
		if a, ok := sc.x.mentionActor(m); ok && a.Type == graph.Country {
			sc.emitEnds(graph.Supplies, sc.ends(sc.carrierGroup(mi, head)), place, i, graph.Asserted, "", "")
			if !m.adj || m.to >= head || sc.toks[m.to].low != "and" {
				return
			} // "Australian and New Zealand military planes": each
		}
	}
}

// vehiclePhrase returns where the phrase of the vehicles or carriers
// at head starts, past lo: after the last comma or clause break before it.
// "Russia has delivered drones to Mali, and Russian instructors arrived
// in Niamey along with an air-defence system": the instructors are
// Russian, and Mali, in the clause before, names no carrier.
func (sc *scope) vehiclePhrase(lo, head int) int {
	for k := head - 1; k >= lo; k-- {
		if sc.toks[k].low == "," || sc.toks[k].is(cClauseBreak) {
			return k + 1
		}
	}
	return lo
}

// contextRecipient gives a supply verb with goods and no recipient in its
// sentence the recipient of the supplies told just before (or of goods
// arriving there, see arrival): a list of
// donors told over several sentences ("Denmark and the Netherlands have
// pledged more than 40 of the planes. Norway has also promised to send
// F-16s"). Not when a preposition may name a recipient the frame could
// not read, nor the supplier's own.
func (sc *scope) contextRecipient(i int, t trig, src []int) []endpoint {
	r, memory := sc.st.recipient, recipientMemory
	if !sc.st.mixedRecipients {
		memory = soleRecipientMemory // the one recipient of the article so far
	}
	if r == "" || sc.st.sentences-sc.st.recipientAt > memory {
		r = sc.needyRecipient() // "Haiti's police have been outgunned. A Canadian aircraft landed carrying vehicles for the force"
	}
	if r == "" && t.goods && sc.reliefObject(i) {
		r = sc.x.topicState(sc.toks, sc.st) // "YANGON - ... The Chinese Government has pledged 1 billion yuan in emergency humanitarian assistance"
	}
	if r == "" {
		return nil
	}
	if !sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) || sc.unnamedGovernment(i) || sc.otherRecipient(i) || sc.toPastAside(i) {
		return nil
	}
	comma := false // "to" and "for" past a comma belong to another phrase ("according to")
	for k, end := i+1, sc.clauseEnd(i+1); k < end; k++ {
		w := sc.toks[k].low
		comma = comma || w == ","
		if w == "there" || w == "here" || sc.x.lex.has(lcPlacePreposition, w) {
			return nil // a place named before ("send vessels there"), or a place ("into the region")
		}
		if k <= i+2 && sc.x.lex.has(lcGenericDeterminer, w) {
			return nil // "must approve any resale": goods in general
		}
		if !comma && (w == "to" || w == "for") && !sc.goodsBetween(k+1, min(sc.s.to, k+forGoodsWindow)) && !sc.unownedForces(k+1) && !sc.unnamedState(k+1) {
			return nil // a recipient of its own ("for reconstruction"), not goods ("launchers for Patriot systems")
		}
		if !comma && (w == "to" || w == "for") && sc.unownedForces(k+1) && sc.isGroup(r) {
			return nil // "delivered drones to the army": a state's forces, not the armed group supplied before
		}
	}
	for _, id := range sc.ids(src) {
		if sc.affiliated(id, r) {
			return nil
		}
	}
	return []endpoint{{id: r, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}
}

// asideToWindow: from a supply verb past its goods and a relative aside
// on them to the "to" of the recipient ("hand Russian- and Soviet-made
// equipment, which he called \"scrap\", to the United States").
const asideToWindow = 18

// toPastAside reports a recipient named by "to" right after the comma
// that closes an aside on the goods: "would hand old equipment, which he
// called \"scrap\", to the United States" (the verb's own recipient, not
// the article's last).
func (sc *scope) toPastAside(i int) bool {
	for k := i + 2; k < sc.s.to && k <= i+asideToWindow; k++ {
		if w := sc.toks[k].low; w == ";" || w == ":" {
			return false
		}
		if sc.toks[k].low == "to" && sc.toks[k-1].low == "," {
			return sc.after(k) != nil
		}
	}
	return false
}

// unnamedGovWindow: the words from "with the" to a government's head noun
// ("with the Tripoli-based government").
const unnamedGovWindow = 4

// unnamedGovernment reports a partner government named before i in the
// sentence by "with the" and a head noun that no actor is ("signed an
// accord with the Tripoli-based government, then supplied drones"): the
// recipient may be that one, not the article's last.
func (sc *scope) unnamedGovernment(i int) bool {
	for k := sc.s.from; k+1 < i; k++ {
		if sc.toks[k].low != "with" || sc.toks[k+1].low != "the" {
			continue
		}
		for h := k + 2; h < i && h <= k+unnamedGovWindow; h++ {
			if sc.toks[h].is(cGovHead) && !sc.toks[h].cap && !sc.inMention(h) {
				return true
			}
		}
	}
	return false
}

// nounBuyer finds the buyer of a buyer-side noun: its possessive or
// demonym ("Peru's purchase of"); for a contract or order, its possessive
// or the subject of the buyer-verb it is the object of ("the UAE signed a
// contract for 80 jets from France"; not "X won a contract from Y").
func (sc *scope) nounBuyer(i int, t trig) []int {
	if t.lemma == "buyer" {
		return sc.buyerNounSubject(i)
	}
	if t.lemma != "contract" || i-1 >= sc.s.from && sc.toks[i-1].low == "'s" {
		if g := sc.modifierBefore(i); g != nil {
			return g
		}
		return sc.amountOwner(i) // "the Philippines' $375 million purchase of missiles from India"
	}
	a := sc.contractArticle(i)
	if a-1 < sc.s.from || sc.toks[a].low != "a" && sc.toks[a].low != "an" {
		return nil
	}
	if !sc.x.lex.words["buyer-verb"][sc.toks[a-1].low] {
		return nil // "won a contract from X" is the seller's
	}
	return sc.verbSubject(a - 1)
}

// contractArticle finds the article of a contract noun at i, past an
// amount and modifiers: "a $5.4 billion agreement", "a new contract", "a
// 2016 deal" (up to contractModifiers words).
func (sc *scope) contractArticle(i int) int {
	k := i - 1
	for n := 0; k > sc.s.from && n < contractModifiers; n++ {
		t := &sc.toks[k]
		if t.low == "a" || t.low == "an" || !(sc.amountAt(k) || t.low == "$" || t.in(lcAmountWord) || sc.modifierWord(k) || t.in(lcContractModifier)) {
			break
		}
		k--
	}
	return k
}

// contractModifiers: the words between "a" and a contract noun ("a $5.4
// billion defence agreement").
const contractModifiers = 5

// supplyForm tells a noun from a verb where one word is both: "supplies"
// and "supply" after a determiner or adjective are nouns ("medical
// supplies", "the supply of"), and so is a buyer-side verb after a
// possessive or determiner ("Peru's purchases of", "the import of").
func (sc *scope) supplyForm(i int, t trig) trig {
	p := i - 1
	if p < sc.s.from {
		return t
	}
	w := sc.toks[i].low
	if w == "supplies" || w == "supply" {
		t = trig{rel: graph.Supplies, lemma: "supply", pos: verbBase}
		mi, isEnd := sc.endAt(p)
		verb := isEnd && !sc.ms[mi].poss && !sc.ms[mi].adj || sc.toks[p].in(lcVerbContext) || sc.toks[p].is(cAux)
		if !verb {
			t = trig{rel: graph.Supplies, lemma: "delivery", pos: noun}
		}
		return t
	}
	if t.pos == verbBase && !t.reverse && i+1 < sc.s.to && sc.toks[i+1].low == "of" && sc.toks[p].low != "to" {
		return trig{rel: graph.Supplies, lemma: "delivery", pos: noun} // "the first export of China's jet": a noun
	}
	if t.pos == verbBase && !t.reverse && sc.toks[p].in(lcNounCue) && sc.toks[p].low != "the" {
		t.pos = noun // "Saudi Arabia's pledge last month of $1.2 billion ... for Yemen": an owner makes it a noun
	}
	if t.pos == verbBase && p-1 >= sc.s.from && sc.toks[p].in(lcAmountWord) && (startsDigit(sc.toks[p-1].text) || sc.toks[p-1].in(lcAmountWord)) {
		t.pos = noun // "the Philippines' $375 million purchase of missiles from India": so does an amount
	}
	if t.reverse && t.pos == verbBase { // "imports", "purchases"; never "bought"
		if sc.toks[p].in(lcNounCue) || sc.goodsNoun(p) {
			t.pos = noun // "Peru's purchase of", "Nigeria's arms imports"
		}
	}
	if t.pos == noun && !t.reverse && sc.toks[p].low == "to" && sc.x.lex.has(lcToVerb, w) {
		t = trig{rel: graph.Supplies, lemma: w, pos: verbBase, goods: true} // "has agreed to transfer 12 jets"
	}
	return t
}

// goodsNoun reports a goods word at p, no trade good, that makes a
// buyer-side form after it a noun: "Nigeria's arms imports come from
// China", "its weapons purchases" (not "oil imports").
func (sc *scope) goodsNoun(p int) bool {
	if p < sc.s.from {
		return false
	}
	t := &sc.toks[p]
	return t.is(cGoods) && !t.is(cCommodity|cGoodsModifier) && !t.cap
}

// supplyPassive reads "missiles supplied to Kyiv by Britain", "Kyiv was
// sent tanks by Berlin".
func (sc *scope) supplyPassive(i int, t trig) {
	lo, hi := sc.participleChain(i) // "are armed, trained and financed by Algeria"
	if sc.negatedChain(lo) {
		return // "arms it paid for were never delivered by Moscow"
	}
	if t.goods && lo == i && !sc.goodsBetween(max(sc.s.from, lo-winLongObject), min(sc.s.to, hi+supplyAgentWindow)) {
		return // "Serbia, supported by Russia and China, never did": a verb that needs goods names none
	}
	src := sc.passiveAgent(lo, hi, t)
	if src == nil {
		src = sc.budgetFunder(hi, t) // "whose budget is more than half funded by subsidies received from Moscow"
	}
	if src == nil && (t.lemma == "equip" || t.lemma == "arm") {
		sc.equippedWith(i, t) // "the army is equipped with Chinese hardware"
		return
	}
	if src == nil {
		sc.agentlessPassive(i, t) // "Iranian-made drones have been delivered to the army"
		return
	}
	tgt := sc.prepGroup(hi, supplyAgentWindow, "to")
	if len(tgt) == 1 && sc.ms[tgt[0]].pron != "" {
		if u := sc.usedBy(lo); u != nil {
			tgt = u // "the drones used by the Houthis are smuggled to them from Iran": "them" are the users
		}
	}
	if tgt == nil {
		tgt = sc.toPlace(hi, supplyAgentWindow) // "sent by Ethiopia to the semi-autonomous state of Puntland"
	}
	if tgt == nil && lo > 0 && !sc.reducedRelative(lo) {
		tgt = sc.passiveSubject(lo)
	}
	if tgt == nil {
		tgt = sc.possessedSubject(lo) // "a large share of Cambodia's artillery was delivered by China"
	}
	if tgt == nil {
		tgt = sc.fundedBudgetOwner(lo, t) // "Abkhazia's budget is largely funded by Moscow"
	}
	if tgt == nil {
		tgt = sc.goodsUser(lo) // "Mali has deployed drones supplied by Turkey"
	}
	if tgt == nil {
		tgt = sc.usedBy(lo) // "the drones used by the Houthis are provided by Iran"
	}
	if tgt == nil {
		tgt = sc.withGoodsUser(lo) // "Russia struck Kyiv with drones supplied by Iran"
	}
	if tgt == nil {
		tgt = sc.arrivalAfter(lo, hi, t) // "six jets donated by Russia arrived in Serbia"
	}
	if tgt == nil && !(sc.anaphorGoods(lo) && sc.anaphorSupply(lo, t, sc.ends(src))) {
		sc.arrivedHere(i, t, src) // else "The planes were supplied by the United States" after "The Nigerian Air Force inducted 12 aircraft"
	}
	if tgt == nil {
		return
	}
	sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(src, i, t), "", "")
}

// agentlessPassive reads a passive supply verb at i with no agent: the
// goods' maker ("Iranian-made drones have been delivered to the army"), an
// aid programme's owner ("Under Japan's aid framework, radars are to be
// provided to the Philippine Navy") or a demonym on the goods subject ("a
// consignment of Ethiopian weapons had been delivered to Puntland")
// supplies the "to" recipient.
func (sc *scope) agentlessPassive(i int, t trig) {
	if e, ok := sc.makerBefore(i); ok {
		if tgt := sc.prepGroup(i, supplyAgentWindow, "to"); tgt != nil {
			sc.emitEnds(graph.Supplies, []endpoint{e}, sc.ends(tgt), i, sc.supplyStatus(nil, i, t), "", "")
		}
	} else if u := sc.underSponsor(i); u != nil {
		// "Under Japan's aid framework, radars are to be provided to the Philippine Navy"
		if tgt := sc.prepGroup(i, supplyAgentWindow, "to"); tgt != nil {
			sc.emit(graph.Supplies, u, tgt, i, sc.supplyStatus(nil, i, t), "", "")
		}
	} else if d := sc.demonymGoodsSubject(i); d != nil {
		// "a consignment of Ethiopian weapons had been delivered to Puntland"
		tgt := sc.prepGroup(i, supplyAgentWindow, "to")
		if tgt == nil {
			tgt = sc.toPlace(i, supplyAgentWindow) // "to the semi-autonomous state of Puntland"
		}
		if tgt != nil {
			sc.emit(graph.Supplies, d, tgt, i, sc.supplyStatus(nil, i, t), "", "")
		}
	}
}

// passiveAgent finds the supplier of a passive supply participle chain
// [lo, hi]: "by X", a state's companies ("transferred to the military by
// Russian entities"), or where the goods were sent from ("shells shipped
// from North Korea").
func (sc *scope) passiveAgent(lo, hi int, t trig) []int {
	if src := sc.agent(hi, supplyAgentWindow); src != nil {
		return src
	}
	if src := sc.companyAgent(hi); src != nil {
		return src
	}
	if !t.reverse && hi+1 < sc.s.to && sc.toks[hi+1].low == "from" && sc.goodsNoun(lo-1) {
		return sc.after(hi + 1)
	}
	if g := sc.fromAfterTo(hi); g != nil && !t.reverse {
		return g // "are smuggled to them from Iran"
	}
	return nil
}

// usedBy finds the user named in the subject of a passive supply verb at
// i: "the drones used by the Houthis are provided by Iran" (a goods-user
// participle and its "by" right before the verb's auxiliaries).
func (sc *scope) usedBy(i int) []int {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux|cBe) || sc.toks[k].is(cPassiveAdverb)) {
		k--
	}
	mi, ok := sc.endAt(k)
	if !ok {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	by := sc.ms[g[0]].from - 1
	if by > sc.s.from && sc.toks[by].is(cObjectSkip) {
		by-- // "used by the Houthis"
	}
	if by-2 < sc.s.from || sc.toks[by].low != "by" || !sc.toks[by-1].in(lcGoodsUser) || !sc.toks[by-2].is(cGoods) {
		return nil
	}
	return g
}

// reducedRelative reports a supply participle right after a noun that
// it modifies ("the support provided by the CSTO"): the clause's subject
// is not its recipient, as it is after a form of be ("Kyiv was sent tanks
// by Berlin").
func (sc *scope) reducedRelative(i int) bool {
	if i-1 < sc.s.from {
		return false
	}
	p := &sc.toks[i-1]
	if !p.word || p.cap || p.is(cBe|cAux|cPassiveAdverb) || strings.HasSuffix(p.low, "ly") {
		return false
	}
	_, afterName := sc.endAt(i - 1)
	return !afterName && !sc.timedPassive(i) // "were for years armed by": no noun's participle
}

// arrivedHere gives goods "supplied by X" with no recipient the place the
// sentence's goods arrived in: "instructors arrived in Niamey with an air
// defence system delivered by Moscow".
func (sc *scope) arrivedHere(i int, t trig, src []int) {
	r := sc.st.recipient
	if r == "" || sc.st.recipientAt != sc.st.sentences || !sc.goodsBetween(max(sc.s.from, i-winAdverb), i) {
		return
	}
	for _, id := range sc.ids(src) {
		if sc.affiliated(id, r) {
			return
		}
	}
	ends := []endpoint{{id: r, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}
	sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, sc.supplyStatus(src, i, t), "", "")
}

// goodsUser finds who uses the goods a supply participle at i follows:
// the subject of a verb of the goods-user class right before the goods
// ("Mali has deployed drones supplied by Turkey", "Greece flies Rafale
// fighters bought from France"); not of other verbs ("Ukraine shot down
// drones supplied by Iran").
func (sc *scope) goodsUser(i int) []int {
	k := sc.goodsHead(i)
	if k < sc.s.from || !sc.toks[k].is(cGoods) {
		return nil
	}
	for i = k + 1; k >= sc.s.from && k >= i-goodsPhraseWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcGoodsUser) {
			if sc.negated(max(sc.s.from, k-winPolarity), k, true) {
				return nil // "does not rely on jets supplied by Russia"
			}
			if g, ok := sc.objectUser(k); ok {
				return g // "shot down Indian jets using J-10C fighters purchased from China"
			}
			if g := sc.reducedUser(k); g != nil {
				return g // "Indian forces equipped with jets bought from France"
			}
			if g := sc.verbSubject(k); g != nil {
				return g
			}
			if g := sc.ownedUser(k); g != nil {
				return g // "Its advance relied heavily on drones supplied by Turkey"
			}
			return sc.participleUser(k)
		}
		if t.is(cPreposition) && sc.usedThrough(k) {
			k = sc.useVerb(k) + 1 // "relies heavily on drones bought from Turkey", "relied in part on"
			continue
		}
		if p := sc.secondUse(k); p > 0 {
			k = p + 1 // "relied on drones supplied by Turkey and on munitions bought from Israel"
			i = p + 1 // the window counts from the first preposition again
			continue
		}
		if t.low == "and" && k-1 > sc.s.from && sc.toks[k-1].is(cGoods) {
			continue // "armed with tanks and jets that Russia supplied"
		}
		if t.low == "of" && k-1 > sc.s.from && sc.toks[k-1].in(lcGoodsCollective) {
			continue // "used dozens of drones supplied by Turkey", "flies a fleet of jets bought from"
		}
		if sc.timeAdjunct(k) || sc.possPronoun(k) {
			continue // "commissioned its first two submarines on Sunday, boats sold by China"
		}
		if _, ok := sc.endAt(k); ok || t.is(cClauseBreak|cPreposition) || !t.word && t.low != "," {
			return nil
		}
	}
	return nil
}

// reducedUser finds the user a participle of using at k is said of when
// it follows the user's name directly, as a reduced relative: "Indian
// forces equipped with Rafale jets bought from France" (India, not the
// subject of the clause around it).
func (sc *scope) reducedUser(k int) []int {
	if k-1 <= sc.s.from || !strings.HasSuffix(sc.toks[k].low, "ed") {
		return nil
	}
	mi, ok := sc.endAt(k - 1)
	if !ok || sc.ms[mi].poss || sc.ms[mi].pron != "" {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// participleUser finds who a participle of using at k right after a
// comma is said of: the subject of the clause before the comma ("Venezuela
// has a much larger army, armed largely with tanks and jets that Russia
// supplied": Venezuela).
func (sc *scope) participleUser(k int) []int {
	if k-1 <= sc.s.from || sc.toks[k-1].low != "," || !strings.HasSuffix(sc.toks[k].low, "ed") {
		return nil
	}
	return sc.subject(k-1, sc.s.from)
}

// secondUse returns the preposition of a verb of using that a second
// one at k repeats after "and" ("relied on drones supplied by Turkey and
// on munitions bought from Israel": the first "on"), or -1.
func (sc *scope) secondUse(k int) int {
	if k-1 <= sc.s.from || !sc.toks[k].in(lcUsePrep) || sc.toks[k-1].low != "and" {
		return -1
	}
	for p := k - 2; p > sc.s.from && p >= k-2*goodsPhraseWindow; p-- {
		if sc.toks[p].is(cClauseBreak) {
			return -1
		}
		if sc.toks[p].low == sc.toks[k].low && sc.usedThrough(p) {
			return p
		}
	}
	return -1
}

// ownedUser finds the owner of the subject of a verb of using at k whose
// subject is no actor but a thing an actor owns: "Its advance relied
// heavily on drones supplied by Turkey", "Kyiv's air defence relies on
// systems bought from Germany" (Azerbaijan, Kyiv). The subject is one or
// two lower-case words right after a possessive name or "its"/"their".
func (sc *scope) ownedUser(k int) []int {
	j := k - 1
	for j > sc.s.from && sc.adverb(j) {
		j--
	}
	for n := 0; n < 2 && j > sc.s.from; n, j = n+1, j-1 {
		t := &sc.toks[j]
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cAux|cBe) {
			return nil
		}
		if _, ok := sc.endAt(j); ok {
			return nil
		}
		p := j - 1
		if sc.toks[p].low == "'s" && p > sc.s.from {
			p--
		}
		mi, ok := sc.endAt(p)
		if !ok {
			continue
		}
		m := &sc.ms[mi]
		if m.pron == "its" || m.pron == "their" || m.pron == "" && !m.adj && (m.poss || sc.toks[p+1].low == "'s") {
			return sc.grp[m.group]
		}
		return nil
	}
	return nil
}

// withGoodsPhrase: the goods between "with" and a supply participle said
// of them ("with aircraft and munitions supplied", "with 40 Bayraktar TB2
// drones bought").
const withGoodsPhrase = 8

// withGoodsUser finds who used the goods a supply participle at i is said
// of when they are the object of an instrumental "with": the subject of
// the clause ("Russia struck Kyiv with drones supplied by Iran", "Saudi
// Arabia, which led a coalition with aircraft supplied by the United
// States"). Nil when no goods stand right before the participle.
func (sc *scope) withGoodsUser(i int) []int {
	k := sc.goodsHead(i)
	if k < sc.s.from || k != i-1 || !sc.toks[k].is(cGoods) {
		return nil
	}
	for k--; k > sc.s.from && k >= i-withGoodsPhrase; k-- {
		t := &sc.toks[k]
		if t.low == "with" {
			return sc.instrumentUser(k)
		}
		if _, ok := sc.endAt(k); ok || !t.word && t.low != "," && t.low != "$" || t.is(cClauseBreak|cPreposition|cBe) {
			return nil
		}
	}
	return nil
}

// instrumentUser finds the subject of the clause an instrumental "with"
// at k belongs to: past the verb's object ("Russia struck Kyiv with":
// Russia); none after a participle, whose phrase the "with" belongs to ("a
// ship loaded with").
func (sc *scope) instrumentUser(k int) []int {
	if p := &sc.toks[k-1]; p.word && !p.cap && (strings.HasSuffix(p.low, "ed") || p.in(lcWithAdverb)) {
		return nil // "arrived together with an air defence system delivered by X": no instrument
	}
	g := sc.subject(k, sc.s.from)
	if g == nil {
		return nil
	}
	if v := sc.prevWord(sc.ms[g[0]].from); v > sc.s.from && sc.toks[v].word && !sc.toks[v].cap && !sc.toks[v].is(cPreposition|cClauseBreak|cBe|cAux|cReporting) && sc.toks[v].low != "the" {
		return sc.verbSubject(v) // g is the verb's object (not "said Russia was fighting with": the reported clause's subject)
	}
	return g
}

// usedThrough reports a preposition at k that a verb of using governs:
// "relies (heavily) on", "is equipped with", "made use of"; the verb is
// right before it, or before one adverb ending in -ly.
func (sc *scope) usedThrough(k int) bool {
	return sc.useVerb(k) >= 0
}

// useVerb returns where the verb of using that governs the preposition
// at k stands (usedThrough), or -1.
func (sc *scope) useVerb(k int) int {
	j := k - 1
	if j > sc.s.from && sc.adverb(j) {
		j-- // "relies heavily on", not the "ly" of "rely on"
	}
	j = sc.beforeInPart(j)
	if j >= sc.s.from && sc.toks[j].in(lcGoodsUser) && sc.toks[k].in(lcUsePrep) {
		return j
	}
	return -1
}

// beforeInPart returns the word before an adverbial "in part" or "in
// large part" ending at j ("relied in part on Rafale jets supplied by
// France"), else j.
func (sc *scope) beforeInPart(j int) int {
	if sc.wordAt(j) != "part" {
		return j
	}
	if sc.wordAt(j-1) == "in" {
		return j - 2
	}
	if sc.wordAt(j-2) == "in" && !sc.toks[j-1].cap && sc.toks[j-1].word {
		return j - 3 // "in large part"
	}
	return j
}

// goodsHead returns where the goods a participle at i is said of end:
// right before it ("drones bought from"), before ", which had been"
// ("drones, which had been purchased from"), or before ", as well as"
// and the participle's own goods ("drones supplied by Iran, as well as
// ballistic missiles received from": the first goods, whose user is
// named).
func (sc *scope) goodsHead(i int) int {
	k := i - 1
	if k < sc.s.from {
		return k // the participle opens the sentence ("Supplied by Iran, the drones ...")
	}
	for k > sc.s.from && (sc.toks[k].is(cAux|cBe) || sc.toks[k].low == "been" || sc.adverb(k)) {
		k-- // "fighters originally supplied by", "drones reportedly bought from"
	}
	if k-1 > sc.s.from && sc.toks[k].low == "which" && sc.toks[k-1].low == "," {
		return k - 2
	}
	if k > sc.s.from && (sc.toks[k].low == "that" || sc.toks[k].low == "which") && sc.toks[k-1].is(cGoods) {
		return k - 1 // "operates frigates that were supplied by China"
	}
	if !sc.toks[k].is(cGoods) {
		return k
	}
	for j := k - 1; j > sc.s.from+3 && j >= k-makerPhraseWindow; j-- {
		if sc.toks[j].low == "as" && sc.toks[j-1].low == "well" && sc.toks[j-2].low == "as" && sc.toks[j-3].low == "," {
			for g := j - 4; g > sc.s.from && g >= j-4-makerPhraseWindow; g-- {
				if sc.toks[g].is(cGoods) && g+1 < sc.s.to && !sc.toks[g+1].is(cGoods) {
					return sc.firstGoodsEnd(g, j-4)
				}
			}
			return k
		}
		if sc.toks[j].is(cClauseBreak) || sc.toks[j].low == "," {
			return k
		}
	}
	return k
}

// firstGoodsEnd returns the last goods word of the run of goods starting
// at or before g, up to to: "Shahed drones" in "Shahed drones supplied by
// Iran".
func (sc *scope) firstGoodsEnd(g, to int) int {
	for g > sc.s.from && sc.toks[g-1].is(cGoods) {
		g--
	}
	for g+1 < to && sc.toks[g+1].is(cGoods) {
		g++
	}
	return g
}

// equippedWith reads "Y is equipped largely with Chinese hardware", "Y's
// army is armed with Turkish-made drones": the goods' maker supplies the
// subject.
func (sc *scope) equippedWith(i int, t trig) {
	k := i + 1
	for k < sc.s.to && k < i+equippedWithWindow && sc.toks[k].low != "with" {
		k++
	}
	if k >= sc.s.to || sc.toks[k].low != "with" {
		return
	}
	var maker []endpoint
	if e, _, ok := sc.goodsMakerWord(k); ok {
		maker = []endpoint{e}
	}
	for j := k + 1; maker == nil && j < sc.s.to && j < k+equippedGoodsWindow; j++ {
		if mi, ok := sc.startAt(j); ok {
			// "Chinese hardware", or goods the mention took as its head ("Brazilian aircraft")
			if m := &sc.ms[mi]; !m.poss && (m.adj && sc.goodsBetween(m.to, min(sc.s.to, m.to+equippedGoodsWindow)) || sc.goodsBetween(m.from, m.to)) {
				maker = sc.ends([]int{mi})
			}
			break
		}
	}
	subj := sc.subject(i, sc.s.from)
	if maker == nil || subj == nil || sc.negated(sc.window(subj, i), i, true) {
		return
	}
	sc.emitEnds(graph.Supplies, maker, sc.ends(subj), i, sc.supplyStatus(nil, i, t), "", "")
}

// supplyActive reads the recipient of an active supply verb whose
// supplier is src; by claims it when an enclosing frame set src ("accused
// X of supplying").
func (sc *scope) supplyActive(i int, t trig, src []int, by graph.ActorID) {
	if i+1 < sc.s.to && sc.toks[i+1].is(cNegator) || t.goods && sc.stopBeforeGoods(i) {
		return // "had sent no aircraft to Libya", "approved a ban on arms sales to Y"
	}
	status := graph.Promised
	if t.lemma != "promise" && t.lemma != "pledge" {
		status = sc.supplyStatus(src, i, t)
	}
	if sc.ownForcesWith(i, src) {
		return // "Iraq equipped its army with Russian tanks": no supply to another
	}
	tgt := sc.supplyTarget(i, t)
	if tgt == nil && (sc.unnamedObjectWith(i) || sc.x.lex.has(lcMakeLemma, t.lemma)) {
		return // "supplying the separatist formations in Donbas with tanks": no recipient from before; nor for "opened a plant producing drones"
	}
	if g := sc.relativeTopic(i, tgt); g != nil {
		tgt = g // "It still counts Moscow, which has handed it MiG-29 fighters"
	}
	if tgt != nil && sc.noRecipient(i, t, tgt) {
		return
	}
	if tgt != nil && sc.selfPronoun(tgt, src) {
		if r := sc.needyRecipient(); r != "" {
			sc.emitEnds(graph.Supplies, sc.ends(src), []endpoint{{id: r, span: sc.ends(tgt)[0].span}}, i, status, by, "")
		}
		return // "said it would ship them 50,000 rounds": "them" is not the supplier but the forces named before
	}
	if tgt == nil {
		tgt = sc.gappedRecipient(i, t, src)
	}
	if tgt == nil {
		if tgt = sc.projectPlace(i, t); tgt == nil && t.goods { // "funded housing and scholarships in Honduras"
			tgt = sc.orderedBy(i) // "has shipped the first VT-4 tanks ordered by the Nigerian Army"
		}
	}
	if tgt == nil {
		if ends := sc.bodyRecipient(i, t); ends != nil {
			sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, status, by, "")
			return // "donated patrol boats to the Belize Coast Guard"
		}
		if ends := sc.clauseRecipient(i, t, src); ends != nil {
			sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, status, by, "")
			sc.gappedSuppliers(i, ends, status, by)
		}
		return
	}
	if sc.goodsPronoun(tgt, src, i) {
		return
	}
	sc.supplied, sc.suppliedAt = tgt, i
	ends := sc.recipientEnds(tgt, src, i)
	sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, status, by, "")
	sc.gappedSuppliers(i, ends, status, by)
	if g := sc.nextRecipient(sc.parenEnd(sc.ms[tgt[len(tgt)-1]].to)); g != nil && !sc.parallelToAntecedent(i, sc.ms[tgt[len(tgt)-1]].to) {
		sc.emit(graph.Supplies, src, g, i, status, by, "") // "to the FDLR ... and to local militias"; not "turned to France, which sold X jets, and to India"
	}
	if g := sc.coSuppliers(sc.ms[tgt[len(tgt)-1]].to); g != nil {
		sc.emitEnds(graph.Supplies, sc.ends(g), ends, i, status, by, "") // "pledged F-16s to Ukraine alongside Denmark and the Netherlands"
	}
}

// coSupplierWindow: the words from the recipient to a word of company
// ("to Ukraine last year alongside").
const coSupplierWindow = 6

// coSuppliers finds states named after a supply's recipient ending at k
// by a word of company (class co-supplier: "alongside", "together with",
// "along with"): "Norway has pledged F-16s to Ukraine alongside Denmark
// and the Netherlands" (they supply the recipient too). Only states:
// "sent soldiers alongside the rebels" names no supplier.
func (sc *scope) coSuppliers(k int) []int {
	for j := k; j < sc.s.to && j < k+coSupplierWindow; j++ {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == "," || t.low == "which" || t.low == "who" || t.low == "that" {
			return nil
		}
		if !t.in(lcCoSupplier) {
			continue
		}
		if j+1 < sc.s.to && sc.toks[j+1].low == "with" {
			j++ // "together with", "along with"
		} else if t.low != "alongside" {
			return nil
		}
		g := sc.after(j)
		for _, mi := range g {
			if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country || sc.ms[mi].pron != "" || sc.ms[mi].poss {
				return nil
			}
		}
		return g
	}
	return nil
}

// clauseRecipient finds the recipient of a supply verb at i with none in
// its own phrase, from the clause around it, else from the article
// (contextRecipient).
func (sc *scope) clauseRecipient(i int, t trig, src []int) []endpoint {
	if ends := sc.describedBudgetOwner(i, t, src); ends != nil {
		return ends // "Moscow, which funds roughly half of the territory's budget"
	}
	if g := sc.pactOther(src); g != nil && t.pos != noun && t.pos != verbGer && !t.reverse && sc.ownGoodsOnly(i) {
		return sc.ends(g) // "signed an accord with the Tripoli-based government, then supplied armed drones"
	}
	if g := sc.shareGoesTo(i); g != nil {
		return sc.ends(g) // "pledged 200 million euros, of which 50 million will go to Sudan"
	}
	if g := sc.gappedObjectRecipient(i, t, src); g != nil {
		return sc.ends(g) // "Hezbollah, which Iran has armed since the 1980s"
	}
	if g := sc.fundedBefore(i, t, src); g != nil {
		return sc.ends(g)
	}
	if g := sc.mainClauseRecipient(i, src); g != nil {
		return sc.ends(g) // "a backer of Ukraine, having sent tanks"
	}
	if g := sc.relativeGoodsUser(i, src); g != nil {
		return sc.ends(g) // "an army armed largely with tanks that Russia supplied"
	}
	if g := sc.goodsUsedBy(i+1, i+supplierToWindow); g != nil {
		return sc.ends(g) // "Israel had provided the bulk of the drones used by Azerbaijani forces"
	}
	if g := sc.goodsUserRelative(i+1, i+supplierToWindow); g != nil {
		return sc.ends(g) // "Turkey had supplied the drones that Pakistan launched at border towns"
	}
	if sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) {
		if g := sc.asideRecipient(src, i); g != nil {
			return sc.ends(g) // "Australia, Tuvalu's largest partner, has pledged A$16 million"
		}
	}
	if g := sc.relativeBuyer(src); g != nil {
		return sc.ends(g) // "a contract for 24 jets, which Sweden is expected to deliver"
	}
	if g := sc.agentHost(src); g != nil {
		return sc.ends(g) // "Assad was kept afloat by Russia, which supplied warplanes"
	}
	if g := sc.handoverPlace(i, src); g != nil {
		return sc.ends(g) // "handed over four helicopters at Sarajevo airport"
	}
	if g := sc.topicRecipient(src, false); g != nil {
		return sc.ends(g) // "On Ukraine, he said Washington had delivered Patriot interceptors"
	}
	return sc.contextRecipient(i, t, src)
}

// relativeGoodsUser finds, for a supply verb at i in a relative clause
// on goods whose subject is the supplier src, who uses the goods in the
// clause the relative hangs on: "Venezuela's army is armed largely with
// tanks and jets that Russia supplied", "Greece flies Rafale jets, which
// France delivered in 2021" (goodsUser: a verb of using and its subject,
// or its owner).
func (sc *scope) relativeGoodsUser(i int, src []int) []int {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p <= sc.s.from || sc.toks[p].low != "that" && sc.toks[p].low != "which" {
		return nil
	}
	for k := sc.ms[src[len(src)-1]].to; k < i; k++ {
		if !sc.toks[k].is(cAux|cPassiveAdverb) && !sc.adverb(k) {
			return nil // the supplier is the relative's subject, right before its verb
		}
	}
	if g := sc.after(i); g != nil {
		return nil // "jets that Russia supplied to Serbia": a recipient of its own
	}
	return sc.goodsUser(sc.ms[src[0]].from)
}

// agentHost finds, for a supplier src that a relative clause follows and
// that is the agent of a passive of backing (class backing-participle:
// "Assad's government was kept afloat by
// Russia, which supplied warplanes, and by Iran, which provided weapons"),
// the passive's subject: what the supplier kept up receives ("the rebels
// were defeated by Russia, which sent bombers" is no supply to them).
func (sc *scope) agentHost(src []int) []int {
	end := sc.ms[src[len(src)-1]].to
	if end+1 >= sc.s.to || sc.toks[end].low != "," || sc.toks[end+1].low != "which" && sc.toks[end+1].low != "who" {
		return nil
	}
	by := sc.ms[src[0]].from - 1
	for by-1 > sc.s.from && sc.toks[by].low == "by" && sc.toks[by-1].low == "and" {
		by = sc.prevBy(by - 1) // "..., and by Iran, which": the first "by"
	}
	if by <= sc.s.from || sc.toks[by].low != "by" {
		return nil
	}
	backed := false
	for j := by - 1; j > sc.s.from && j >= by-passiveHostWindow; j-- {
		backed = backed || sc.toks[j].in(lcBackingParticiple)
		if sc.toks[j].is(cBe) {
			if g := sc.subject(j, sc.s.from); backed && g != nil && !slices.Equal(sc.ids(g), sc.ids(src)) {
				return g
			}
			return nil
		}
	}
	return nil
}

// passiveHostWindow: the participle and its complement between a form of
// be and "by" ("was kept afloat by").
const passiveHostWindow = 4

// prevBy returns the last "by" before k in the sentence, or -1.
func (sc *scope) prevBy(k int) int {
	for j := k - 1; j >= sc.s.from; j-- {
		if sc.toks[j].low == "by" {
			return j
		}
	}
	return -1
}

// relativeBuyer finds the buyer of the goods a relative clause whose
// subject is the supplier src is said of: "Hungary signed a contract for
// 24 Gripen jets, which Sweden is expected to deliver" (the subject of the
// buyer-side trigger before the goods: Hungary), or their user: "India is
// awaiting 36 Rafale fighters that France agreed to deliver", "Argentina
// used Exocet missiles that France had supplied" (the nearest goods-user
// verb before them).
func (sc *scope) relativeBuyer(src []int) []int {
	r := sc.ms[src[0]].from - 1
	if r <= sc.s.from || sc.toks[r].low != "which" && sc.toks[r].low != "that" {
		return nil
	}
	if !sc.goodsBetween(max(sc.s.from, r-relativeGoodsWindow), r) {
		return nil
	}
	for k := r - 1; k >= sc.s.from; k-- {
		tr, ok := sc.trigOf(&sc.toks[k])
		user := !ok && sc.toks[k].in(lcGoodsUser) // "Argentina used jets that France had supplied"
		if !user && (!ok || tr.rel != graph.Supplies || !tr.reverse) {
			continue
		}
		g := sc.subject(k, sc.s.from)
		if user || tr.pos != noun {
			g = sc.verbSubject(k)
		}
		if g == nil || slices.Equal(sc.ids(g), sc.ids(src)) {
			return nil
		}
		return g
	}
	return nil
}

// asideRecipient finds the recipient of a supply with goods and no
// recipient in the aside on its supplier src: the possessor in an
// apposition ("Australia, Tuvalu's largest development partner, has
// pledged A$16.9 million": Tuvalu), or the one other party of an agreement
// in a relative clause ("Turkey, which signed a defence agreement with
// Mogadishu ..., has supplied drones").
func (sc *scope) asideRecipient(src []int, i int) []int {
	end := sc.ms[src[len(src)-1]].to
	if end+1 >= i || sc.toks[end].low != "," {
		return nil
	}
	rel := sc.toks[end+1].low == "which" || sc.toks[end+1].low == "who"
	var found []int
	agreement := false
	for k := end + 1; k < i && sc.toks[k].low != ","; k++ {
		agreement = agreement || sc.toks[k].in(lcAgreementNoun)
		mi, ok := sc.startAt(k)
		if !ok || sc.ms[mi].pron != "" || sc.ms[mi].adj || sc.ms[mi].person || slices.Contains(src, mi) {
			continue
		}
		if !rel && !sc.ms[mi].poss || found != nil {
			return nil // "France, Mali's former ruler and Chad's partner,": whose is not said
		}
		found = sc.grp[sc.ms[mi].group]
	}
	if rel && !agreement {
		return nil
	}
	return found
}

// mainClauseRecipient finds, for a supply participle with goods and no
// recipient after ", having" ("Sweden has been a backer of Ukraine,
// having sent tanks"), the one actor of the main clause before it that is
// not the supplier src: the participle tells what was done for it.
func (sc *scope) mainClauseRecipient(i int, src []int) []int {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "having" || sc.toks[i-2].low != "," || !sc.goodsBetween(i+1, min(sc.s.to, i+gappedGoodsWindow)) {
		return nil
	}
	var found []int
	for mi := range sc.ms {
		m := &sc.ms[mi]
		if m.to > i-2 || m.from < sc.s.from || m.adj || m.pron != "" || slices.Contains(src, mi) || slices.Equal(sc.ids(sc.grp[m.group]), sc.ids(src)) {
			continue
		}
		if found != nil && !slices.Equal(found, sc.grp[m.group]) {
			return nil // two others: whose is not said
		}
		found = sc.grp[m.group]
	}
	return found
}

// fundedBefore finds, for a supply verb with goods and no recipient at i,
// a recipient right after goods in the aside on its supplier src:
// "France, which hosted a conference that raised 1 billion dollars for
// Lebanon, pledged 100 million euros" (Lebanon, not the article's last
// recipient).
func (sc *scope) fundedBefore(i int, t trig, src []int) []int {
	end := sc.ms[src[len(src)-1]].to
	if !t.goods || end+1 >= i || sc.toks[end].low != "," || sc.toks[end+1].low != "which" && sc.toks[end+1].low != "who" {
		return nil
	}
	if !sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) {
		return nil
	}
	for k := end + 2; k < i; k++ {
		if w := sc.toks[k].low; (w == "for" || w == "to") && sc.goodsBetween(max(sc.s.from, k-winNoun), k) {
			if g := sc.after(k); g != nil && !sc.ms[g[len(g)-1]].poss && sc.ms[g[0]].pron == "" {
				return g
			}
		}
	}
	return nil
}

// gappedSuppliers emits the suppliers of a gapped list after the goods of
// the supply at i, before any "to" or "for": "Denmark is to hand over 19
// F-16s, the Netherlands 24, Norway six and Belgium 30" (a name right
// before an amount, its verb and recipient left out: those of i). After a
// recipient the names could be recipients too ("sold jets to Egypt, India
// 36"): none is read there.
func (sc *scope) gappedSuppliers(i int, tgt []endpoint, status graph.Status, by graph.ActorID) {
	for k := i + 1; k+2 < sc.s.to; k++ {
		w := sc.toks[k].low
		if sc.toks[k].is(cClauseBreak) || w == "to" || w == "for" || w == "which" || w == "that" {
			return
		}
		if w != "," && w != "and" {
			continue
		}
		g := sc.after(k)
		if g == nil || len(g) != 1 || sc.ms[g[0]].poss || sc.ms[g[0]].pron != "" {
			continue
		}
		if end := sc.ms[g[0]].to; end < sc.s.to && sc.amountAt(end) {
			sc.emitEnds(graph.Supplies, sc.ends(g), tgt, i, status, by, "")
			k = end
		}
	}
}

// amountAt reports an amount at k: a number ("24", "$50"), or a word of
// the number-word class ("six", "dozens").
func (sc *scope) amountAt(k int) bool {
	t := &sc.toks[k]
	if startsDigit(t.text) || t.in(lcNumberWord) {
		return true
	}
	if t.upper && len(t.text) <= 2 && k+2 < sc.s.to && sc.toks[k+1].low == "$" {
		k++ // a dollar's country prefix: "A$200 million", "NZ$2 million" (tokens A, $, 200)
		t = &sc.toks[k]
	}
	return k+1 < sc.s.to && (t.low == "$" || t.low == "€" || t.low == "£") && startsDigit(sc.toks[k+1].text)
}

// trainsStateForces reports a training verb whose direct object is a
// state's own forces, with no goods named: "Turkey, which trains Somali
// soldiers", "has trained Cypriot National Guard officers" (cooperation,
// no supply; training rebels is: "training the RED-Tabara rebels").
func (sc *scope) trainsStateForces(i int, tgt []int) bool {
	h := sc.headcount(i + 1) // "trained thousands of Somali soldiers"
	if sc.ms[tgt[0]].from > h-1+winNoun || sc.goodsBetween(h, sc.ms[tgt[len(tgt)-1]].to) {
		return false
	}
	for k := h; k < sc.ms[tgt[0]].from; k++ {
		if sc.toks[k].is(cPreposition) {
			return false // "military training for Taiwan": a recipient, no object
		}
	}
	for _, mi := range tgt {
		if a, ok := sc.pronounState(mi); !ok || a.Type != graph.Country {
			return false
		}
	}
	return true
}

// pronounState returns the dictionary actor of a mention, or for a
// pronoun the state it stands for ("who have trained his army": the
// president's state).
func (sc *scope) pronounState(mi int) (*graph.Actor, bool) {
	a, ok := sc.x.mentionActor(&sc.ms[mi])
	if ok || sc.ms[mi].pron == "" {
		return a, ok
	}
	for _, e := range sc.ends([]int{mi}) {
		return sc.x.actor(e.id)
	}
	return nil, false
}

// goodsPronoun reports a recipient "them" after "for" that stands for
// goods named after the supplier: "approved the transfer of the fighters
// and is providing spare parts for them", "approved the sale of
// helicopters and of spare parts for them".
func (sc *scope) goodsPronoun(tgt, src []int, i int) bool {
	m := &sc.ms[tgt[0]]
	if len(tgt) != 1 || m.pron == "" || sc.x.lex.pron[m.pron]&pPlural == 0 || len(src) == 0 {
		return false
	}
	if p := m.from - 1; p < sc.s.from || sc.toks[p].low != "for" {
		return false
	}
	return sc.goodsBetween(sc.ms[src[len(src)-1]].to, m.from-1)
}

// recipientEnds resolves a supply's recipient group. "The army", "the
// military" or "the junta" alone (a reference to a state's institution)
// is the state supplied before in the sentence or named in it since its
// subject ("X, which trains Somali commandos and has supplied the army"),
// else the article's last recipient ("China also supplied the military"
// after "Myanmar received jets from Russia"), else the state the article
// names most.
func (sc *scope) recipientEnds(tgt, src []int, i int) []endpoint {
	if len(tgt) != 1 || sc.ms[tgt[0]].pron != "state" {
		return sc.ends(tgt)
	}
	span := graph.Span{Start: sc.toks[sc.ms[tgt[0]].nFrom].start, End: sc.toks[sc.ms[tgt[0]].to-1].end}
	if id := sc.recipientBefore(tgt[0], src, i); id != "" {
		return []endpoint{{id: id, span: span}}
	}
	return sc.ends(tgt)
}

// recipientBefore finds the state a recipient reference at mention mi
// stands for: see recipientEnds.
func (sc *scope) recipientBefore(mi int, src []int, i int) graph.ActorID {
	if sc.supplied != nil && sc.suppliedAt < i {
		if ids := sc.ids(sc.supplied); len(ids) == 1 {
			return ids[0]
		}
	}
	from := sc.s.from
	if len(src) > 0 {
		from = sc.ms[src[len(src)-1]].to
	}
	for k := mi - 1; k >= 0 && sc.ms[k].from >= from; k-- {
		m := &sc.ms[k]
		if a, ok := sc.x.mentionActor(m); ok && m.pron == "" && a.Type == graph.Country {
			return m.id
		}
	}
	supplier := ""
	if ids := sc.ids(src); len(ids) > 0 {
		supplier = string(ids[0])
	}
	if r := sc.st.armyOwner; r != "" && string(r) != supplier && sc.x.lex.has(lcArmyRef, sc.toks[sc.ms[mi].to-1].low) {
		return r // "the Sudanese Armed Forces ... supplied to the army": the army named before, over the last recipient
	}
	if r := sc.st.lastRecipient; r != "" && string(r) != supplier && !sc.isGroup(r) {
		return r // not an armed group: "the army" is a state's
	}
	return ""
}

// gappedRecipient gives a supply verb with goods but no recipient the
// recipient of the supply before it in the sentence when its subject opens
// a coordinated clause: "the EU has provided funds to Montenegro's army,
// and the United States has donated armoured vehicles" (both supply
// Montenegro).
func (sc *scope) gappedRecipient(i int, t trig, src []int) []int {
	if sc.supplied == nil || !t.goods || len(src) == 0 {
		return nil
	}
	from := sc.ms[src[0]].from
	if from <= sc.suppliedAt || from < 1 || sc.toks[from-1].low != "and" && !(from > 1 && sc.toks[from-2].low == "and") {
		return nil
	}
	if !sc.goodsBetween(i+1, min(sc.s.to, i+gappedGoodsWindow)) {
		return nil
	}
	for k := i + 1; k < sc.s.to; k++ {
		w := sc.toks[k].low
		if w == "to" || w == "for" || w == "from" || w == "with" {
			return nil // a recipient of its own the frame could not read
		}
	}
	return sc.supplied
}

// wordIDs returns the class ids of w, a word that is no token's (a
// trigger's lemma), so that a rule reading several of its classes looks
// it up once; none when w is no word of the vocabulary.
func (c *lexicon) wordIDs(w string) *classSet {
	if sl := c.vocab.find(w, fnvString(w)); sl != nil {
		return &sl.ids
	}
	return &noClassIDs
}

// noClassIDs is the empty set of class ids (read only).
var noClassIDs classSet

// notSupplyVerb reports a supply verb form that is no verb here or has no
// supplier: a noun ("new inspection ships", class noun-verb), or a gerund
// that is the subject of a reported clause ("warned that providing
// weapons to Kyiv would be a mistake").
func (sc *scope) notSupplyVerb(i int, t trig) bool {
	if t.pos == noun || i-1 < sc.s.from {
		return false
	}
	frames := sc.x.lex.wordIDs(t.lemma) // the lemma's frame classes, looked up once
	if frames.has(lcParticleFrame) && (i+1 >= sc.s.to || !sc.toks[i+1].in(lcVerbParticle)) && !sc.flownGoods(i, t) {
		return true // "flew jets to Romania": no "flown in", no goods but craft
	}
	if i+1 < sc.s.to && sc.toks[i+1].in(lcVerbParticle) && sc.x.lex.words["particle-blocked"][t.lemma] {
		return true // "took over the operations": no taking of goods
	}
	if frames.has(lcForFrame) && (i+1 >= sc.s.to || sc.toks[i+1].low != "for") {
		return true // "paid off Syria's arrears": only "paid for" supplies
	}
	if frames.has(lcWithFrame) && !sc.objectWith(i) {
		return true // "presented a report on arms sales": no "presented Y with"
	}
	if frames.has(lcToFrame) && sc.prepGroup(i, recipientWindow, "to") == nil {
		return true // "the jets, which Hungary has leased since 2006": the lessee leases too
	}
	p := &sc.toks[i-1]
	if t.pos == verbBase && p.is(cPreposition) && p.low != "to" && !p.cap {
		return true // "bought Nauru with promises of money": a noun after a preposition, no verb
	}
	if t.pos == verbGer && (p.low == "that" || p.in(lcSayVerb)) {
		return true
	}
	if t.pos == verbGer && p.low == "with" && i+1 < sc.s.to && (sc.toks[i+1].low == "," || sc.toks[i+1].low == "and") {
		return true // "provided X with training, equipment and aircraft": a noun in a list of goods
	}
	if t.pos == verbGer && (p.low == "and" || p.low == ",") && i+1 < sc.s.to && (sc.toks[i+1].low == "for" || sc.toks[i+1].low == "to") && sc.nounBefore(i-2) {
		return true // "technology transfer and training for the pilots": a noun
	}
	if t.pos == verbPast && (p.low == "with" || p.is(cGoods) && !p.in(lcCarrierNoun)) && i+1 < sc.s.to && sc.toks[i+1].is(cGoods) {
		return true // "supplied X with armed drones": an adjective on the goods (not "two planes delivered ammunition")
	}
	if t.pos == verbGer && i+1 < sc.s.to && sc.toks[i+1].in(lcGerundNounHead) {
		return true // "designate Iranian airline, shipping firms over missile transfers": a gerund naming a trade
	}
	if t.pos == verbBase && sc.compoundHead(i) {
		return true // "a UN trust fund set up to pay for it": a noun after a noun
	}
	if !sc.toks[i].is(cNounVerb) {
		return false
	}
	mi, afterActor := sc.endAt(i - 1)
	if afterActor {
		return sc.ms[mi].adj // "Russian train cars": a demonym before a noun
	}
	if t.pos == verbGer {
		return p.in(lcDeterminer) || sc.x.lex.isAdjectiveLike(p.low) // "endangering global shipping", "the shipping"
	}
	return !p.is(cAux) && !p.in(lcVerbContext) && !strings.HasSuffix(p.low, "ly")
}

// compoundHead reports a base form at i that heads a noun compound: a
// singular common noun before it, and before that a determiner, past a
// name ("a UN trust fund", "the cargo ship", "a passenger train"). A base
// form needs a subject in the plural, a modal or "to" before it ("their
// troops train", "will fund", "help fund"), none of which a singular noun
// after a determiner is.
func (sc *scope) compoundHead(i int) bool {
	p := i - 1
	if p-1 < sc.s.from {
		return false
	}
	n := &sc.toks[p]
	if !n.word || n.cap || strings.HasSuffix(n.low, "s") || strings.HasSuffix(n.low, "ly") || n.is(cAux|cBe|cPreposition|cPronoun) || n.in(lcDeterminer) || n.in(lcVerbContext) || n.in(lcHelpVerb) {
		return false
	}
	if _, named := sc.endAt(p); named {
		return false
	}
	q := p - 1
	if mi, ok := sc.endAt(q); ok {
		q = sc.ms[mi].from - 1 // "a UN trust fund"
	}
	return q >= sc.s.from && sc.toks[q].in(lcDeterminer)
}

// nounModifier finds the actor modifying a supply noun at i ("Russia's
// continued military aid", "EU budget support"), not a name before a verb
// or "and" ("lifted sanctions on Burundi and resumed budget support": no
// Burundi).
func (sc *scope) nounModifier(i int) []int {
	m := sc.modifierBefore(i)
	if m == nil {
		return sc.amountOwner(i) // "Japan's $500 million aid package for Ukraine"
	}
	if sc.ms[m[len(m)-1]].poss {
		return m // "Russia's continued support"
	}
	for k := sc.ms[m[len(m)-1]].to; k < i; k++ {
		if w := sc.toks[k].low; w == "and" || w == "or" || sc.toks[k].is(cReporting) || !sc.toks[k].is(cGoods) && strings.HasSuffix(w, "ed") && len(w) >= minVerbLen {
			return nil
		}
	}
	return m
}

// amountOwnerWindow: the words of an amount and the goods between a
// possessor and the supply noun it owns ("'s US$ 375 million military aid").
const amountOwnerWindow = 8

// amountOwner finds the possessor of a supply noun at i read back past an
// amount and goods words: "Japan's $500 million aid package", "the
// Philippines' $375 million purchase", "the Union's 50 billion euro
// support facility" (an amount is no word, where modifierBefore stops).
// The possessor must own the amount: a possessive name right before it.
func (sc *scope) amountOwner(i int) []int {
	k, amount := i-1, false
	for ; k >= sc.s.from && k >= i-amountOwnerWindow; k-- {
		t := &sc.toks[k]
		if sc.amountAt(k) || startsDigit(t.text) || t.in(lcAmountWord) {
			amount = true
			continue
		}
		if amount || !t.is(cGoods) && !t.in(lcSupplyNounModifier) && !t.in(lcGoodsAdjective) {
			break
		}
	}
	if !amount || k <= sc.s.from {
		return nil
	}
	if w := sc.toks[k].low; w == "'s" || w == "'" {
		k-- // the name ends before its possessive mark
	}
	if mi, ok := sc.endAt(k); ok && sc.ms[mi].poss {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// unnamedObjectWindow: the words of a direct object up to its "with"
// ("the separatist formations in Donbas with").
const unnamedObjectWindow = 8

// unnamedObjectWith reports a supply verb at i whose direct object is a
// noun phrase naming no actor, with a prepositional modifier, followed by
// "with" and the goods ("had been supplying the separatist formations in
// Donbas with tanks"): a recipient told and unknown, not one named before
// ("supplied the unit with rifles" is an anaphor and keeps it).
func (sc *scope) unnamedObjectWith(i int) bool {
	k := i + 1
	if k >= sc.s.to || !sc.toks[k].in(lcDeterminer) {
		return false
	}
	postmodified := false // "the unit with": an anaphor, resolved before
	for k++; k < sc.s.to && k <= i+unnamedObjectWindow; k++ {
		t := &sc.toks[k]
		if _, ok := sc.startAt(k); ok || t.is(cClauseBreak) || !t.word {
			return false
		}
		if t.low == "with" {
			return postmodified
		}
		postmodified = postmodified || t.is(cPreposition)
	}
	return false
}

// objectWith reports "with" right after the actor that is the object of
// the verb at i: "presented Mnangagwa with a helicopter".
func (sc *scope) objectWith(i int) bool {
	mi, ok := sc.startAt(i + 1)
	if !ok && i+2 < sc.s.to && sc.toks[i+1].low == "the" {
		mi, ok = sc.startAt(i + 2)
	}
	if !ok {
		return false
	}
	e := sc.ms[sc.grp[sc.ms[mi].group][len(sc.grp[sc.ms[mi].group])-1]].to
	return e < sc.s.to && sc.toks[e].low == "with"
}

// nounBefore reports a lower-case word at k that no verb form ends: a
// noun before "and" ("transfer and training"), not "arming and training".
func (sc *scope) nounBefore(k int) bool {
	if k < sc.s.from {
		return false
	}
	t := &sc.toks[k]
	if !t.word || t.cap || strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed") || t.is(cAux|cBe) {
		return false
	}
	_, isName := sc.endAt(k)
	return !isName
}

func (sc *scope) supplyStatus(src []int, i int, t trig) graph.Status {
	if sc.promised(sc.window(src, i), i) {
		return graph.Promised
	}
	return graph.Asserted
}

// supplyTarget finds who receives: a direct object of supply/arm/fund, a
// double object before goods ("promised Kyiv 31 tanks"), or "to X" after
// goods.
func (sc *scope) supplyTarget(i int, t trig) []int {
	if g := sc.sharedObject(i, t); g != nil {
		return g // "has armed and trained the SDF"
	}
	if g := sc.demonymRecipient(i + 1); g != nil && !t.goods {
		return g // "training and equipping Mozambican quick-reaction units"
	}
	if g := sc.after(i); g != nil {
		last := &sc.ms[g[len(g)-1]]
		if !last.poss && !sc.makerMention(g[len(g)-1]) { // not "provide the U.S.-made warplanes"
			w, end := doubleObjectWindow, sc.parenEnd(sc.stateBodyEnd(last.to))
			if end < sc.s.to && sc.toks[end].low == "with" {
				w = withGoodsWindow
			}
			if q := sc.pastQuantity(end); !t.goods || sc.goodsBetween(end, min(sc.s.to, q+w)) || sc.relativeGoods(i) {
				return g // "promised Kyiv 31 tanks", "the jets it has promised Ukraine"
			}
		}
	}
	if g := sc.possessedRecipient(i, t); g != nil {
		return g // "supplies 80 percent of Pakistan's arms imports"
	}
	if g := sc.bodyOfAfter(i); g != nil && !t.goods {
		return g // "armed and trained fighters of the African National Congress"
	}
	if g := sc.fundedOwner(i, t); g != nil {
		return g // "is funding the refit of a Fijian hydrographic vessel"
	}
	if g := sc.prepRecipient(i, t); g != nil {
		return g
	}
	return sc.ownedRecipient(i) // "India, which supplies much of its food"
}

// stateBodyEnd returns where a body named by the state before k ends: past
// capitalised words of its name up to a head noun ("the Belize Defence
// Force", "the Guyana Coast Guard"), or k when none follows.
func (sc *scope) stateBodyEnd(k int) int {
	j := k
	for j < sc.s.to && j < k+bodyAfterWindow && sc.toks[j].cap && sc.toks[j].is(cInstitution|cHead) {
		j++
	}
	if j > k && sc.toks[j-1].is(cHead) {
		return j
	}
	return k
}

// prepRecipient finds "to X" or "for X" after a supply verb, after its
// goods when it needs them: told after it, or before it when it opens an
// object-gapped relative ("two minehunters that Britain donated to
// Ukraine").
func (sc *scope) prepRecipient(i int, t trig) []int {
	told := !t.goods || sc.relativeGoods(i) || sc.pronounGoods(i)
	limit := min(sc.s.to, i+recipientWindow)
	for k := i + 1; k < limit; k++ {
		w := sc.toks[k].low
		if e := sc.goodsStretch(k, limit-k); e > 0 {
			// "the sale of 24 new F-16 fighter jets and upgrade kits worth
			// $9 billion to", "300 million euros ($320 million) for weapons to"
			limit = min(sc.s.to, limit+e, i+recipientWindow+maxGoodsStretch)
			if w == "(" {
				k += e - 1
				continue
			}
		}
		if w == "according" {
			// "sent vehicles and, according to the United Nations, fighters
			// to Libya": a source, no recipient; past it when it names one
			g := sc.prepGroup(k, winAdjacent, "to")
			if g == nil {
				return nil
			}
			end := sc.ms[g[len(g)-1]].to
			limit, k = min(sc.s.to, limit+end-k), end-1
			continue
		}
		if w == "to" && k+2 < sc.s.to && sc.toks[k+1].in(lcPurposeVerb) && sc.goodsBetween(i+1, k) {
			if g := sc.purposeObject(k + 1); g != nil {
				return g // "20 million euros to support the Rwandan deployment"
			}
		}
		if w == "to" && k-1 > i && sc.x.lex.in("debt-noun", sc.toks[k-1].low) {
			return nil // "financed the settlement of Syria's arrears to the World Bank": the creditor
		}
		if w == "to" && sc.x.lex.has(lcMakeLemma, t.lemma) {
			continue // "drones built to NATO standards": goods made for someone take "for"
		}
		if g, done := sc.recipientAt(i, k, t, told); done {
			return g
		}
		if w == "," && sc.wordAt(k+1) == "and" && sc.parallelToAntecedent(i, k) {
			return nil // "turned to France, which agreed to sell Armenia howitzers, and to India": the relative clause ends there
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" || w == "that" || w == "by" {
			return nil
		}
	}
	return nil
}

// recipientAt reads the word at k after the supply verb at i as
// prepRecipient does: a recipient after "to", after "for" when goods are
// told (told, or between the verb and k), or after a preposition of the
// verb's frame; done when the search ends there. Whether goods are told
// is read at such a preposition only.
func (sc *scope) recipientAt(i, k int, t trig, told bool) (g []int, done bool) {
	w := sc.toks[k].low
	if !(w == "to" || w == "for" || (w == "into" || w == "with" || w == "in") && hasPrep(t.obj, w)) || k+1 >= sc.s.to {
		return nil, false
	}
	goods := told || sc.goodsBetween(i+1, k)
	if w == "for" && !goods {
		return nil, false
	}
	g = sc.possessiveTailOut(sc.prepObject(k))
	if g == nil || sc.ms[g[len(g)-1]].poss && !sc.possessedBody(g) {
		return nil, false
	}
	if goods || sc.goodsOfAfter(g) || sc.verbNext(i, k) && sc.shiftedGoods(g) {
		return sc.purposeRecipient(g), true // "approved the transfer to Ukraine of 100 carriers"
	}
	return nil, true
}

// prepObject finds the recipient after the preposition at k: an actor
// ("to Sudan's paramilitary Rapid Support Forces": the possessed actor), a
// body's states ("to the forces of eastern commander Khalifa Haftar"), a
// demonym's ("to the Cuban people") or people's place ("to earthquake
// survivors in Turkey").
func (sc *scope) prepObject(k int) []int {
	g := sc.after(k)
	if g == nil {
		g = sc.bodyOfAfter(k)
	}
	if g == nil {
		g = sc.demonymRecipient(k + 1)
	}
	if g == nil {
		g = sc.peopleIn(k + 1)
	}
	if a := sc.possessedActor(g); a != nil {
		return a
	}
	if a := sc.apposedBody(g); a != nil {
		return a
	}
	if a := sc.bracketedName(g); a != nil {
		return a
	}
	return g
}

// bracketedNameWindow: the words of a long name past its first words that
// an actor took ("Relief and Works Agency for Palestine Refugees").
const bracketedNameWindow = 10

// bracketedName returns the actor named in brackets right after a long
// name whose first words another actor took: "to the United Nations Relief
// and Works Agency for Palestine Refugees (UNRWA)" (UNRWA, not the United
// Nations). Only capitalised words and the small words of names (class
// name-link: "and", "for", "of") stand between.
func (sc *scope) bracketedName(g []int) []int {
	if len(g) != 1 {
		return nil
	}
	j := sc.ms[g[0]].to
	start := j
	for j < sc.s.to && j < start+bracketedNameWindow && sc.toks[j].word && (sc.toks[j].cap || len(sc.toks[j].low) <= 3 && sc.x.lex.in("name-link", sc.toks[j].low)) {
		j++ // the length first: every word of the class is that short
	}
	if j == start || !sc.toks[j-1].cap || j+2 >= sc.s.to || sc.toks[j].low != "(" {
		return nil
	}
	mi, ok := sc.startAt(j + 1)
	if !ok || sc.ms[mi].to >= sc.s.to || sc.toks[sc.ms[mi].to].low != ")" {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// apposedBodyWindow: the words of a body's description between the
// organisation modifying it and the comma before its name ("UN relief
// agency for Palestinian refugees").
const apposedBodyWindow = 6

// apposedBody returns the organisation named after a comma that closes a
// description a recipient organisation modifies: "to the UN relief
// agency for Palestinian refugees, UNRWA" (UNRWA receives, not the UN).
// Only lower-case words, prepositions and demonyms stand between.
func (sc *scope) apposedBody(g []int) []int {
	if len(g) != 1 {
		return nil
	}
	k := sc.ms[g[0]].to
	if k >= sc.s.to || !sc.toks[k].word || sc.toks[k].cap || !sc.isOrg(g[0]) {
		return nil // a description must follow: "the UN relief agency"
	}
	for n := 0; k < sc.s.to && n < apposedBodyWindow; n++ {
		t := &sc.toks[k]
		if t.low == "," {
			if n == 0 {
				return nil
			}
			if h := sc.after(k); h != nil && len(h) == 1 && sc.ms[h[0]].from == k+1 && sc.isOrg(h[0]) {
				return h
			}
			return nil
		}
		if mi, ok := sc.endAt(k); ok && sc.ms[mi].adj {
			k++
			continue
		}
		if !t.word || t.cap || t.is(cAux|cClauseBreak) || t.in(lcRelativeWhich) {
			return nil
		}
		k++
	}
	return nil
}

// isOrg reports a mention of an organisation.
func (sc *scope) isOrg(mi int) bool {
	a, ok := sc.x.mentionActor(&sc.ms[mi])
	return ok && a.Type == graph.Organization
}

// possessedActorWindow: the modifiers between a possessor and the actor
// its noun phrase names ("Sudan's paramilitary Rapid Support Forces").
const possessedActorWindow = 2

// possessedActor returns the actor that a possessor's noun phrase g names
// after lower-case modifiers: "to Sudan's paramilitary Rapid Support
// Forces" (the RSF, not Sudan); nil when g is no possessor or its noun is
// no actor ("to Sudan's army", "to Ukraine's air defence").
func (sc *scope) possessedActor(g []int) []int {
	if g == nil || !sc.ms[g[len(g)-1]].poss {
		return nil
	}
	k := sc.ms[g[len(g)-1]].to
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	for j := k; j < sc.s.to && j <= k+possessedActorWindow; j++ {
		if mi, ok := sc.startAt(j); ok {
			if n := &sc.ms[mi]; !n.adj && !n.poss && n.pron == "" && !n.person {
				return sc.grp[n.group]
			}
			return nil
		}
		if t := &sc.toks[j]; !t.word || t.cap || t.is(cHead|cGoods|cClauseBreak|cPreposition) {
			return nil
		}
	}
	return nil
}

// relativeGoods reports goods before the subject of a supply verb at i
// that opens an object-gapped relative clause: "the minehunters that the
// United Kingdom donated", "the drones Turkey sold".
func (sc *scope) relativeGoods(i int) bool {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux|cBe|cPromise) || sc.toks[k].low == "to") {
		k-- // "the drones, which Washington is expected to deliver to"
	}
	mi, ok := sc.endAt(k)
	return ok && sc.x.lex.pron[sc.ms[mi].pron]&pPlural == 0 && sc.goodsBefore(sc.grp[sc.ms[mi].group], i) // not "the assistance they provide to Kyiv": whose is unsure
}

// purposeNounWords is the length of "to support mercenaries" before the
// "of" that names whose they are.
const purposeNounWords = 3

// inPurposeWords: "of" after "in" in "in support of X".
const inPurposeWords = 2

// purposeRecipient gives, for a place g that goods were sent to, the actor
// a purpose phrase after it names: "sent fighter jets to Libya to back
// Haftar's forces", "to Libya, via Syria, to support Wagner contractors"
// (Haftar, Wagner: the place is where, not whom). Else g.
func (sc *scope) purposeRecipient(g []int) []int {
	if len(g) != 1 || sc.ms[g[0]].pron != "" {
		return g
	}
	if a, ok := sc.x.mentionActor(&sc.ms[g[0]]); !ok || a.Type != graph.Country {
		return g
	}
	end := sc.ms[g[0]].to
	for k := end; k+2 < sc.s.to && k < end+winObject; k++ {
		w := sc.toks[k].low
		if of := k + inPurposeWords; w == "in" && sc.toks[k+1].in(lcPurposeNoun) && of < sc.s.to && sc.toks[of].low == "of" {
			if p := sc.bodyOfAfter(of); p != nil {
				return p // "to Libya in support of the forces of Haftar"
			}
			if p := sc.after(of); p != nil && sc.ms[p[0]].pron == "" && !slices.Equal(sc.ids(p), sc.ids(g)) {
				return p
			}
			return g
		}
		if w == "to" && sc.toks[k+1].in(lcPurposeVerb) {
			p := sc.after(k + 1)
			if of := k + purposeNounWords; p == nil && of < sc.s.to && sc.toks[of].low == "of" {
				p = sc.after(of) // "to support mercenaries of the Wagner Group"
			}
			if p != nil && sc.ms[p[0]].pron == "" && !slices.Equal(sc.ids(p), sc.ids(g)) {
				return p // not "to Moldova to help it cope"
			}
			return g
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" || w == "that" {
			return g
		}
	}
	return g
}

// ownedRecipient finds a recipient named by a possessive pronoun inside
// the object of a supply verb with no other recipient: "India, which
// supplies much of its food and medicine" ("its own" is the supplier's).
// A pronoun that would resolve to the supplier stands for the actor named
// before it (the Maldives, in "... a fight with India, which supplies").
func (sc *scope) ownedRecipient(i int) []int {
	for k := i + 1; k < sc.s.to && k <= i+winAdverb; k++ {
		if sc.toks[k].is(cClauseBreak) || sc.toks[k].low == "," || sc.toks[k].is(cPreposition) && sc.toks[k].low != "of" {
			return nil // "radars that Japan is providing under its aid programme": no object
		}
		mi, ok := sc.startAt(k)
		if !ok {
			continue
		}
		m := &sc.ms[mi]
		if m.pron == "" || !m.poss || m.to >= sc.s.to || sc.toks[m.to].low == "own" || !sc.goodsBetween(m.to, min(sc.s.to, m.to+possessedGoodsWindow)) {
			return nil
		}
		src := sc.verbSubject(i)
		if len(src) == 0 || !slices.Equal(sc.resolve(mi), sc.ids(src)) {
			return sc.grp[m.group]
		}
		for o := src[0] - 1; o >= 0; o-- {
			if n := &sc.ms[o]; n.pron == "" && !n.person && !n.adj {
				return []int{o}
			}
		}
		return nil
	}
	return nil
}

// possessedRecipient finds a recipient named as the possessor inside the
// object of a supply verb: "supplies 80 percent of Pakistan's arms
// imports", "provides much of the Turkish Cypriot administration's
// budget", "supplied most of the jets in Pakistan's armed forces". The
// possessed noun is goods or of the possessed-recipient class; trade goods
// (oil, grain) do not count, nor a pronoun ("pledged 14 of its own
// Leopards to Y": its own).
func (sc *scope) possessedRecipient(i int, t trig) []int {
	from := i + 1
	if from < sc.s.to && hasPrep(t.obj, sc.toks[from].low) {
		from++ // "accounted for 70% of Algeria's arms imports" (obj=for)
	}
	for k := from; k < sc.s.to && k <= i+possessorWindow; k++ {
		w := sc.toks[k].low
		if sc.toks[k].is(cClauseBreak|cCommodity) || w == "to" || w == "for" || w == "by" || w == "from" || w == "with" || w == "which" || w == "that" || w == "," {
			return nil
		}
		mi, ok := sc.startAt(k)
		if !ok {
			continue
		}
		m := &sc.ms[mi]
		poss := m.poss || m.to < sc.s.to && sc.toks[m.to].low == "'s"
		if !poss && !sc.possessiveHead(mi) || m.pron != "" {
			return nil
		}
		if sc.possessedGoods(m.to, sc.possessiveHead(mi)) {
			return sc.grp[m.group]
		}
		return nil
	}
	return nil
}

// possessedGoods reports goods or a possessed-recipient noun ("budget",
// "imports", "forces") within a modifier or two after a possessive ending
// at k (or as the head a mention took, when head is set).
func (sc *scope) possessedGoods(k int, head bool) bool {
	if head {
		return sc.toks[k-1].in(lcPossessedRecipient)
	}
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	for j := k; j < sc.s.to && j < k+possessedGoodsWindow; j++ {
		t := &sc.toks[j]
		if t.in(lcPossessedRecipient) && j+1 < sc.s.to && sc.toks[j+1].low == "of" {
			return sc.goodsOfAfterHead(j + 2) // "Pakistan's imports of major weapons", not "of oil"
		}
		if t.is(cCommodity) {
			return false
		}
		if t.is(cGoods) && !t.is(cGoodsModifier) || t.in(lcPossessedRecipient) {
			return true
		}
	}
	return false
}

// sharedObjectWords is the length of "armed and trained" before the
// shared object.
const sharedObjectWords = 3

// sharedObject finds the object a supply verb shares with a verb
// coordinated after it: "has armed and trained the SDF", "arms and
// commands the rebels". Only for verbs that need no goods (arm, fund,
// equip): "sent and ..." names its goods first.
func (sc *scope) sharedObject(i int, t trig) []int {
	if t.goods || i+sharedObjectWords >= sc.s.to {
		return nil
	}
	e := sc.verbListEnd(i)
	if e < 0 {
		return nil
	}
	if g := sc.after(e); g != nil {
		return g
	}
	if sc.wordAt(e+1) == "alongside" {
		if g := sc.after(e + 1); g != nil {
			return g // "arms and fights alongside the FDLR": the one fought beside is armed
		}
	}
	return sc.bodyOfAfter(e) // "armed and trained fighters of the ANC"
}

// verbListMembers: the verbs of a list after the first whose object the
// list's verbs share ("arming, financing and sheltering the Polisario").
const verbListMembers = 4

// verbListEnd returns the last verb of a list of verbs after the verb at
// i, joined by "and" or commas and ended by "and": "armed and trained",
// "of arming, financing and sheltering the Polisario Front" (supplies
// round 16: the first verb of a comma list shares the object too; the
// start binary gave it the article's last recipient); -1 else.
func (sc *scope) verbListEnd(i int) int {
	gerund := strings.HasSuffix(sc.toks[i].low, "ing")
	k := i + 1
	for n := 0; n < verbListMembers && k+1 < sc.s.to; n++ {
		w := sc.toks[k].low
		if w != "and" && w != "," {
			return -1
		}
		if k+2 < sc.s.to && sc.adverb(k+1) {
			k++ // "armed, trained and directly commanded the M23"
		}
		v := &sc.toks[k+1]
		if v.cap || !v.word || v.is(cPreposition|cAux) || !verbLike(v.low) && !v.in(lcIrregularPast) && !(gerund && strings.HasSuffix(v.low, "ing")) { // "of arming and training the rebels"; "armed, trained and paid the fighters of" (class irregular-past)
			return -1
		}
		if w == "and" {
			return k + 1
		}
		k += 2
	}
	return -1
}

// verbLike reports a word with a verb's ending: a past or present form
// ("trained", "commands").
func verbLike(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// bodyRecipient finds a recipient named by a capitalised body the
// dictionary lacks, whose first word names a state and whose last is a
// head noun, after "to" or "for" past the goods: "to the Belize Coast
// Guard", "to the Haitian National Police" (the state receives).
func (sc *scope) bodyRecipient(i int, t trig) []endpoint {
	for k := i + 1; k+2 < sc.s.to && k <= i+winGappedObject; k++ {
		w := sc.toks[k].low
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "that" || w == "by" {
			return nil
		}
		if w != "to" && w != "for" || t.goods && !sc.goodsBetween(i+1, k) {
			continue
		}
		j := k + 1
		if sc.toks[j].low == "the" {
			j++
		}
		if e, ok := sc.capitalBody(j); ok {
			return []endpoint{e}
		}
		return nil
	}
	return nil
}

// capitalBody reads "Belize Coast Guard", "Haitian National Police" at j:
// a state's name or demonym, then up to bodyNameWindow capitalised
// words, the last a head noun.
func (sc *scope) capitalBody(j int) (endpoint, bool) {
	if j >= sc.s.to || !sc.toks[j].cap {
		return endpoint{}, false
	}
	id, ok := sc.x.makerState(sc.toks[j].text)
	if !ok {
		return endpoint{}, false
	}
	end := j + 1
	for end < sc.s.to && end <= j+bodyNameWindow && sc.toks[end].cap && sc.toks[end].word {
		end++
	}
	if end == j+1 || !sc.toks[end-1].is(cHead) {
		return endpoint{}, false
	}
	return endpoint{id: id, span: graph.Span{Start: sc.toks[j].start, End: sc.toks[end-1].end}}, true
}

// demonymRecipient finds a recipient named by a demonym on a noun of the
// recipient-noun class at k: "the Rwandan deployment", "Mozambican
// quick-reaction units" (the state; "Iranian drones" is goods, no
// recipient).
func (sc *scope) demonymRecipient(k int) []int {
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	k0 := k
	k = sc.headcount(k)
	mi, ok := sc.startAt(k)
	if ok && k > k0 && !sc.ms[mi].adj && !sc.ms[mi].poss && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group] // "trained and equipped thousands of Somali soldiers"
	}
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	for j := sc.ms[mi].to; j < sc.s.to && j < sc.ms[mi].to+winNoun; j++ {
		if sc.toks[j].in(lcRecipientNoun) {
			return sc.grp[sc.ms[mi].group]
		}
	}
	return nil
}

// possessedBody reports a possessive group followed by a head noun of
// the state it names: "for Niger's police", "to Somaliland's coast guard"
// (the state receives).
func (sc *scope) possessedBody(g []int) bool {
	k := sc.ms[g[len(g)-1]].to
	if k < sc.s.to && sc.toks[k].low == "'s" {
		k++
	}
	for j := k; j < sc.s.to && j < k+possessedHeadWindow; j++ {
		if sc.toks[j].is(cHead) {
			return true
		}
	}
	for j := k; j < sc.s.to && j < k+winAdverb; j++ {
		if sc.toks[j].in(lcPossessedRecipient) {
			return true // "assistance for Nauru's economic and social development"
		}
	}
	return false
}

func (sc *scope) goodsBetween(from, to int) bool {
	trade := sc.trade
	for k := from; k < to && k < sc.s.to; k++ {
		t := &sc.toks[k]
		w := t.low
		if trade && t.is(cCommodity) {
			continue // trade in oil or grain is no supply
		}
		needs := t.is(cGoodsModifier) // goodsNeedModifier[w], without the lookup
		if t.is(cGoods) && !needs || t.cap && (modelName(t.text) && !sc.inMention(k) || sc.countedName(k)) {
			return true
		}
		if needs && k > from && (sc.toks[k-1].in(lcGoodsAdjective) || sc.toks[k-1].cap && sc.toks[k-1].word && !sc.inMention(k-1)) {
			return true // "military support", "the Harop systems" (a model's name)
		}
		// "military" ending the range before "support": a goods-pair-first
		// word (a goods-modifier one: "military" is read alone there too)
		if needs && k+1 < sc.s.to && sc.x.lex.has(lcGoodsPairFirst, w) && sc.toks[k+1].in(lcGoodsPairSecond) {
			return true
		}
	}
	return sc.giving && sc.givenBetween(from, to) // "gifted twenty ambulances to Afghanistan"
}

// givenBetween reports a thing given (givenThing) between from and to.
func (sc *scope) givenBetween(from, to int) bool {
	for k := from; k < to && k < sc.s.to; k++ {
		if sc.givenThing(k) {
			return true
		}
	}
	return false
}

// givenThing reports a plural lower-case noun at k, the thing a verb of
// giving away gives (sc.giving): "gifted twenty ambulances", "donated
// 300 hospital beds", "donated agricultural machinery and solar panels".
// Not a time ("in recent years"), nor a verb after a pronoun ("which
// needs").
func (sc *scope) givenThing(k int) bool {
	t := &sc.toks[k]
	w := t.low
	if !t.word || t.cap || len(w) < 4 || w[len(w)-1] != 's' || strings.HasSuffix(w, "ss") || t.is(cPronoun|cPreposition|cAux|cBe|cClauseBreak) || t.in(lcTimeWord) || sc.inMention(k) {
		return false
	}
	return k == sc.s.from || !sc.toks[k-1].is(cPronoun) && !sc.toks[k-1].in(lcRelativeWhich) && sc.toks[k-1].low != "that" && sc.toks[k-1].low != "who"
}

// countedName reports a capitalised plural right after a number, no
// actor's name: a weapon counted by its model ("bought 36 Rafales", "24
// Typhoons").
func (sc *scope) countedName(k int) bool {
	w := sc.toks[k].low
	if k == sc.s.from || len(w) < 4 || w[len(w)-1] != 's' || !startsDigit(sc.toks[k-1].text) {
		return false
	}
	_, named := sc.startAt(k)
	return !named
}

// supplyNoun reads "deliveries of tanks to Ukraine by Germany", "Russian aid
// to Syria", "Germany's arms exports to Israel".
func (sc *scope) supplyNoun(i int, t trig) {
	if sc.genericNoun(i) {
		return // "any South Korean arms deliveries to Ukraine would be seen as a threat": none done
	}
	tgt := sc.nounTarget(i)
	if tgt == nil && sc.agreedWith(i, t) || sc.contractGoodsNoun(i) {
		return // "a $10 billion aid package agreed with Saudi Arabia", "a contract with France for the delivery of"
	}
	if tgt == nil {
		sc.nounInContext(i, t) // "Pistorius announced a package worth 700 million euros"
		return
	}
	if t.lemma == "delivery" && !sc.goodsBetween(max(sc.s.from, i-possessedGoodsWindow), sc.ms[tgt[0]].from) && !sc.toks[i].in(lcAidNoun) && !sc.goodsOfAfter(tgt) {
		return
	}
	vp := sc.s.from // where the verb phrase governing the noun starts, when it is a second one
	src, ok := sc.nounSource(i, tgt)
	if !ok {
		return
	}
	if src == nil {
		if e, ok := sc.makerWordOf(i); ok && !sc.negated(max(sc.s.from, i-winPolarity), i, true) {
			// "the delivery to Southern Cyprus of Israeli-made air defence systems"
			sc.emitEnds(graph.Supplies, []endpoint{e}, sc.recipientEnds(tgt, nil, i), i, sc.supplyStatus(nil, i, t), "", "")
			return
		}
	}
	if src == nil {
		for k := i - 1; k >= sc.s.from && k >= i-nounVerbWindow; k-- {
			if tt, ok := sc.trigOf(&sc.toks[k]); ok && tt.rel == graph.Supplies && tt.pos != noun {
				return // the verb's frame reads it
			}
		}
		// the governing verb's subject: "X continued its military aid to Y";
		// not inside a prepositional phrase ("an investigation of arms sales to Y")
		k := sc.nounPhraseStart(i)
		if k = sc.assentedTo(k); k < sc.s.from || !sc.toks[k].is(cProvision) && !sc.toks[k].in(lcAssentVerb) || sc.toks[k].in(lcAssentVerb) && sc.droppedLater(i) {
			return // "agreed to the delivery of tanks to Y, but the plan was shelved"
		}
		src = sc.subject(i, sc.s.from)
		if src == nil {
			return
		}
		if k-1 > sc.ms[src[len(src)-1]].to && sc.toks[k-1].low == "and" {
			vp = k // "which lifted sanctions on Y and resumed budget support": the second verb phrase's own polarity
		}
	}
	if sc.negated(max(sc.window(src, i), vp), i, true) || sc.stoppedBefore(min(sc.ms[src[0]].from, i)) || sc.possibleUnconfirmed(i) {
		return
	}
	sc.emitNounSupply(i, t, src, tgt)
}

// nounPhraseStart returns the word before the noun phrase a supply noun at
// i heads, read back past goods, their modifiers and amounts, and "of"
// after goods ("announced a new $275 million tranche of military aid"):
// the verb that governs the phrase, when one does.
func (sc *scope) nounPhraseStart(i int) int {
	k := i - 1
	for k >= sc.s.from && !sc.toks[k].is(cProvision) && (sc.toks[k].is(cGoods) || sc.toks[k].in(lcGoodsAdjective) || sc.x.lex.isAdjectiveLike(sc.toks[k].low) || strings.Contains(sc.toks[k].low, "-") ||
		sc.toks[k].in(lcSupplyNounModifier) || startsDigit(sc.toks[k].text) || sc.amountIn(k) || sc.amountLeadAt(k) || sc.toks[k].in(lcAmountWord)) {
		if _, ok := sc.endAt(k); ok {
			break
		}
		k--
		if k-1 >= sc.s.from && sc.toks[k].low == "of" && sc.toks[k-1].is(cGoods) && !sc.toks[k-1].is(cCommodity) {
			k-- // "a new $275 million tranche of military aid for Ukraine"
		}
	}
	return k
}

// genericNoun reports a supply noun at i whose phrase opens with "any"
// (class generic-determiner), past its goods, modifiers and a maker's
// demonym: "any South Korean arms deliveries to Ukraine would be seen as
// a threat" names a supply in general, none done. (A denial of "any
// transfer" is negated anyway.)
func (sc *scope) genericNoun(i int) bool {
	k := i - 1
	for k >= sc.s.from && k >= i-possessedGoodsWindow-2 && !sc.toks[k].in(lcGenericDeterminer) {
		k-- // bit tests first: most nouns have no "any" before them
	}
	if k < sc.s.from || k < i-possessedGoodsWindow-2 {
		return false
	}
	for k := i - 1; k >= sc.s.from && k >= i-possessedGoodsWindow-2; k-- {
		t := &sc.toks[k]
		if t.in(lcGenericDeterminer) {
			return true
		}
		if mi, ok := sc.endAt(k); ok && sc.ms[mi].adj {
			k = sc.ms[mi].from
			continue
		}
		if !t.word || t.cap || !t.is(cGoods) && !t.in(lcGoodsAdjective) && !sc.x.lex.isAdjectiveLike(t.low) && !strings.Contains(t.low, "-") {
			return false
		}
	}
	return false
}

// nounSource finds the supplier a supply noun at i names by its agent
// or modifier (nil when neither), and false when that supplier cannot be
// right: "\"Their continued supply of weapons to the Houthis ...,\"
// CENTCOM said" is not CENTCOM's (quotedSpeakerOwn).
func (sc *scope) nounSource(i int, tgt []int) ([]int, bool) {
	src := sc.nounAgent(i, supplyAgentWindow)
	if src != nil && sc.signedBefore(i, sc.ms[src[0]].from) {
		src = nil // "the agreement on China's provision of aid to the Maldives was signed by A and B"
	}
	if src == nil {
		src = sc.nounModifierOrFrom(i, tgt)
	}
	if sc.quotedSpeakerOwn(src) {
		return nil, false
	}
	if src == nil {
		src = sc.goodsMaker(i) // "the transfer of Iranian missiles to Russia"
	}
	if src == nil && sc.goodsBetween(i+1, sc.ms[tgt[0]].from) {
		src = sc.pactOther(tgt) // "signed an agreement with Abu Dhabi, which was followed by the delivery of armoured vehicles to the Chadian army"
	}
	return src, true
}

// quotedSpeakerOwn reports a supplier src told by a third-person
// possessive pronoun inside a direct quote that resolves to the quote's
// speaker: in "\"Their continued supply of advanced weapons to the Houthis
// is a violation,\" CENTCOM said" a speaker names itself "our", so
// "their" is someone else (Iran, named before), never CENTCOM. Outside
// quotes "its" may be the speaker's ("Russia said its deliveries were
// legal").
func (sc *scope) quotedSpeakerOwn(src []int) bool {
	if len(src) != 1 {
		return false
	}
	m := &sc.ms[src[0]]
	if m.pron != "their" && m.pron != "its" {
		return false
	}
	quotes := 0
	for k := sc.s.from; k < m.from; k++ {
		if sc.toks[k].low == `"` {
			quotes++
		}
	}
	speaker := sc.quotedSpeaker(m.from)
	if quotes%2 == 0 || speaker == "" {
		return false
	}
	by := sc.stateOf(speaker)
	for _, id := range sc.resolve(src[0]) {
		if id == speaker || sc.stateOf(id) == by {
			return true
		}
	}
	return false
}

// makerWordOf finds the maker word of the goods after the "of" of a
// supply noun at i, before or after its "to" phrase: "the delivery of
// Israeli-made radars to Y", "the delivery to Y earlier this year of
// Israeli-made radars" (the maker supplies).
func (sc *scope) makerWordOf(i int) (endpoint, bool) {
	for k := i + 1; k < sc.s.to && k <= i+nounTargetWindow+winAdverb; k++ {
		t := &sc.toks[k]
		if t.low == "of" {
			if e, _, ok := sc.goodsMakerWord(k); ok {
				return e, true
			}
			if g := sc.goodsMaker(k - 1); g != nil && k > i+1 {
				return sc.ends(g)[0], true // "the delivery to Cyprus last month of Israeli drones"
			}
			return endpoint{}, false
		}
		if t.is(cClauseBreak) || t.low == "," || t.low == "by" || t.low == "from" {
			break
		}
	}
	return endpoint{}, false
}

// amountIn reports the "in" of an amount of goods at k: "announced $300
// million in military aid for Y" (the noun's governing verb stands before
// the amount).
func (sc *scope) amountIn(k int) bool {
	if sc.toks[k].low == "of" && k-1 > sc.s.from && sc.toks[k-1].is(cGoods) && k+1 < sc.s.to && sc.amountAt(k+1) {
		return true // "a new package of $300 million in military aid"
	}
	if sc.toks[k].low != "in" || k-2 <= sc.s.from || !sc.toks[k-1].in(lcAmountWord) {
		return false
	}
	return startsDigit(sc.toks[k-2].text) || sc.toks[k-1].low == "dollars" || sc.toks[k-1].low == "euros" || sc.toks[k-2].in(lcAmountWord) // "89 million pounds in"
}

// amountLeadAt reports a word that leads an amount at k, before the
// amount's number: "announced up to £10 million in humanitarian
// assistance", "committed more than 28 billion euros in military aid",
// "an additional $149 million" (class amount-lead, and an article, up to
// two words before the number).
func (sc *scope) amountLeadAt(k int) bool {
	if !sc.toks[k].in(lcAmountLead) && !sc.toks[k].in(lcDeterminer) {
		return false
	}
	for j := k + 1; j < sc.s.to && j <= k+2; j++ {
		if sc.amountAt(j) || sc.toks[j].is(cGoods) {
			return true
		}
		if !sc.toks[j].in(lcAmountLead) && !sc.x.lex.isAdjectiveLike(sc.toks[j].low) {
			return false
		}
	}
	return false
}

// agreedWith reads a supply noun followed by a participle of agreeing and
// "with X": "Bahrain has relied on ... a 10-billion-dollar aid package
// agreed with Saudi Arabia, the UAE and Kuwait" (X supplies the clause's
// subject). It reports whether it read one.
func (sc *scope) agreedWith(i int, t trig) bool {
	if p := i - 1; !sc.toks[i].in(lcAidNoun) && (p < sc.s.from || !sc.toks[p].is(cGoods) && !startsDigit(sc.toks[p].text)) {
		return false // "a trade package agreed with Kuwait"
	}
	k := i + 1
	for k < sc.s.to && k <= i+winNoun && sc.toks[k].is(cGoods) {
		k++ // "aid package"
	}
	if k+1 >= sc.s.to || !sc.toks[k].in(lcAgreedParticiple) || sc.toks[k+1].low != "with" {
		return false
	}
	src, tgt := sc.after(k+1), sc.subject(i, sc.s.from)
	if src == nil || tgt == nil || slices.Equal(sc.ids(src), sc.ids(tgt)) || sc.negated(sc.window(tgt, i), i, true) {
		return false
	}
	sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(src, i, t), "", "")
	return true
}

// stoppedBefore reports a verb of stopping or refusing that governs the
// noun phrase starting at at: "had frozen much of its aid to Lebanon",
// "blocked some EU funding for Kyiv" (the supplier is the noun's
// modifier, after the verb the polarity window starts at).
func (sc *scope) stoppedBefore(at int) bool {
	lo := sc.window(nil, at)
	for k := at - 1; k >= lo && sc.toks[k].low != "that" && !sc.endsMention(k); k-- {
		if sc.toks[k].is(cStopVerb) {
			return true // not past "that" or a name: "said at the end of May that X had sent"
		}
	}
	return false
}

// goodsOfAfter reports "of GOODS" right after a supply noun's recipient:
// "the transfer to Ukraine of about 100 armoured personnel carriers".
func (sc *scope) goodsOfAfter(tgt []int) bool {
	k := sc.ms[tgt[len(tgt)-1]].to
	for n := 0; n < 3 && k < sc.s.to && sc.toks[k].in(lcTimeWord); n++ {
		k++ // "the delivery to Cyprus earlier this year of"
	}
	return k < sc.s.to && sc.toks[k].low == "of" && sc.goodsBetween(k+1, min(sc.s.to, k+1+winAdverb))
}

// maxGoodsStretch: how far the goods and amounts a recipient follows may
// lengthen recipientWindow ("the sale of 24 new F-16 fighter jets and
// upgrade kits worth $9 billion to").
const maxGoodsStretch = 8

// goodsStretch returns how many words at k lengthen the window of a
// recipient: one for a word of goods or of an amount, the length of a
// parenthesis ("($320 million)"), else 0. n is what is left of the window.
func (sc *scope) goodsStretch(k, n int) int {
	t := &sc.toks[k]
	if t.low == "(" {
		for j := k + 1; j < sc.s.to && j <= k+n; j++ {
			if sc.toks[j].low == ")" {
				return j - k + 1
			}
		}
		return 0
	}
	if t.is(cGoods) || sc.amountAt(k) || t.in(lcAmountWord) {
		return 1
	}
	return 0
}

// purposeObject finds the actor a purpose verb at k is said of: "to
// support the Rwandan deployment", "to help Haiti", "to help modernise the
// Philippine armed forces" (a help-verb before a bare verb).
func (sc *scope) purposeObject(k int) []int {
	if g := sc.after(k); g != nil {
		return g
	}
	if g := sc.demonymRecipient(k + 1); g != nil {
		return g
	}
	if n := &sc.toks[k+1]; sc.toks[k].in(lcHelpVerb) && n.word && !n.cap && !n.is(cPreposition|cClauseBreak|cAux) {
		if g := sc.after(k + 1); g != nil {
			return g
		}
		return sc.demonymRecipient(k + 2)
	}
	return nil
}

// bodyOfAfter finds "the forces of X", "the army of X", "the armed forces
// of X", "the fighters of X" after a preposition at k: X, whose forces
// receive. Up to bodyOfModifiers words of class body-of-modifier may stand
// before the head.
func (sc *scope) bodyOfAfter(k int) []int {
	head := k + 2
	if k+1 < sc.s.to && sc.toks[k+1].low != "the" && sc.x.lex.has(lcBodyOfHead, sc.toks[k+1].low) {
		head = k + 1 // "armed and trained fighters of the ANC": no determiner before a body-of-head
	} else if k+1 >= sc.s.to || sc.toks[k+1].low != "the" {
		return nil
	}
	for head < sc.s.to && head < k+2+bodyOfModifiers && sc.toks[head].in(lcBodyOfModifier) {
		head++
	}
	of := head + 1
	if of >= sc.s.to || sc.toks[of].low != "of" || !sc.bodyOfHead(sc.toks[head].low) {
		return nil
	}
	return sc.after(of)
}

// bodyOfModifiers: the modifiers read before the head of "the armed
// forces of", "the regular armed forces of".
const bodyOfModifiers = 2

// bodyOfHead reports a head noun of a state's or group's armed body:
// forces-head ("army", "forces") or body-of-head ("fighters", "units").
func (sc *scope) bodyOfHead(w string) bool {
	return sc.x.lex.has(lcForcesHead, w) || sc.x.lex.has(lcBodyOfHead, w)
}

// verbNext reports the preposition at k right after the verb at i, or
// after its particle: "delivered to", "handed over to".
func (sc *scope) verbNext(i, k int) bool {
	return k == i+1 || k == i+2 && sc.toks[i+1].in(lcVerbParticle)
}

// shiftedGoods reports the goods of a verb told after its "to" phrase,
// which follows the verb at once: "delivered to Laos a batch of T-72
// tanks", "has sent to Ukraine 31 tanks".
func (sc *scope) shiftedGoods(tgt []int) bool {
	k := sc.ms[tgt[len(tgt)-1]].to
	if k >= sc.s.to || sc.toks[k].is(cClauseBreak|cPreposition) {
		return false
	}
	return sc.goodsBetween(k, min(sc.s.to, k+winAdverb+1))
}

// nounInContext reads a supply noun with no recipient that is the object
// of a provision verb ("X announced a package worth 700 million euros",
// "approved new aid"): X supplies the recipient of the supplies told just
// before (contextRecipient).
func (sc *scope) nounInContext(i int, t trig) {
	k := i - 1
	for k >= sc.s.from && k >= i-winAdverb && !sc.toks[k].is(cProvision) {
		if _, ok := sc.endAt(k); ok || !sc.toks[k].word || sc.toks[k].is(cClauseBreak) {
			return
		}
		k--
	}
	if k < sc.s.from || !sc.toks[k].is(cProvision) {
		return
	}
	src := sc.verbSubject(k)
	if src == nil || sc.negated(sc.window(src, k), k, true) || sc.possibleUnconfirmed(i) {
		return
	}
	if ends := sc.contextRecipient(i, t, src); ends != nil {
		sc.emitEnds(graph.Supplies, sc.ends(src), ends, i, sc.supplyStatus(src, i, t), "", "")
	}
}

// nounTarget finds "to X" or "for X" right after a supply noun and its
// "of GOODS" complement: "deliveries of tanks to Ukraine".
func (sc *scope) nounTarget(i int) []int {
	for k, n := i+1, 0; k < sc.s.to && n < nounTargetWindow; k, n = k+1, n+1 {
		w := sc.toks[k].low
		if w == "to" || w == "for" {
			return sc.after(k)
		}
		if w == "from" {
			if g := sc.after(k); g != nil {
				k = sc.ms[g[len(g)-1]].to - 1 // "deliveries of tanks from Germany to Ukraine": the supplier (fromNoun)
				continue
			}
		}
		if sc.toks[k].is(cGoods) || sc.toks[k].cap && sc.toks[k].word && !sc.inMention(k) {
			n-- // goods and their models count for nothing: "of Israeli drones and air defence systems to", "of the first IRIS-T SLM air defence system to"
		}
		if sc.amountAt(k) || sc.toks[k].in(lcAmountWord) {
			n-- // nor does an amount: "pledge of $400 million in humanitarian aid for Y", "US$50 million"
			continue
		}
		if w == "and" && k+1 < sc.s.to && sc.goodsBetween(k+1, min(sc.s.to, k+1+possessedGoodsWindow)) {
			continue // a list of goods
		}
		if w == `"` && k+1 < sc.s.to && (sc.toks[k+1].low == "to" || sc.toks[k+1].low == "for") {
			continue // "agreed to \"the future delivery of military equipment\" to Armenia": a quote's end
		}
		if mi, ok := sc.startAt(k); ok && sc.makerOfGoods(mi) {
			k = sc.ms[mi].to - 1 // "shipment of U.S. munitions for Israel": the maker, not the recipient
			continue
		}
		if _, ok := sc.startAt(k); ok || !sc.toks[k].word || w == "and" || w == "by" || sc.toks[k].is(cBe) {
			return nil
		}
	}
	return nil
}

// supplier reads "X is Y's main arms supplier", "X, Y's biggest supplier
// of weapons,", "Y's main supplier of rifles is X", "Y, whose largest arms
// supplier remains X,".
func (sc *scope) supplier(i int) {
	if w := sc.toks[i].low; (w == "source" || w == "sources") && !sc.goodsOf(i) && sc.ofGoodsOwner(i) == nil {
		return // "a source of tension", "sources said"
	}
	if sc.toks[i].in(lcGoodsBacker) && (i == sc.s.from || !sc.toks[i-1].is(cGoods) && !sc.toks[i-1].in(lcGoodsAdjective)) {
		return // "a significant backer of Ukraine": political backing
	}
	y, whose := sc.supplierPossessor(i)
	at := i // where the phrase naming the supplier's role starts
	if y != nil {
		at = sc.ms[y[0]].from
	} else if y = sc.ofGoodsOwner(i); y != nil {
		// "the source of most of its military hardware": the owner of the goods
	} else if y = sc.ofGoodsUser(i); y != nil {
		// "the supplier of most of the fighters used by the Pakistani air force"
	} else if y = sc.sponsoredGroup(i); y != nil {
		// "the main sponsor of the RSF"
	} else if y = sc.compoundOf(i); y != nil {
		// "the main arms supplier of the Zionist regime"
	} else if y = sc.prepGroup(i, supplierToWindow, "to", "for"); y == nil || !sc.goodsBetween(i+1, sc.ms[y[0]].from) && !sc.goodsCompound(i) {
		if y == nil {
			sc.supplierInContext(i) // "Turkey has also emerged as a key supplier:"
		}
		return // "X is the main supplier of wheat to Y" names Y after the noun
	}
	x := sc.rankingSubject(at) // "X topped the list of arms suppliers to Y"
	ranked := x != nil
	if x == nil {
		x = sc.supplierSubject(at, whose)
	}
	if x == nil && !whose {
		x = sc.companyCopula(at) // "Chinese firms had become Russia's main source of such components"
	}
	if x != nil && !ranked && sc.verbBetween(sc.ms[x[len(x)-1]].to, at) {
		return // "X imposed sanctions on suppliers of fuel to Y": X is no supplier
	}
	if x == nil && (whose || at < i) {
		x = sc.copulaComplement(i) // "Y's main supplier of rifles is X"
	}
	if x == nil && at < i {
		sc.buyerOfSuppliers(y) // "Belgrade has been diversifying its defence suppliers"
	}
	if x == nil || sc.negated(sc.afterBut(sc.window(x, i), i), i, false) {
		return
	}
	ys := sc.possessorOf(y, x)
	sc.emitEnds(graph.Supplies, sc.ends(x), ys, i, graph.Asserted, "", "")
	if a := sc.rankedAfter(i); a > 0 && ys != nil {
		if z := sc.after(a); z != nil && sc.rankedFirst(z) {
			sc.emitEnds(graph.Supplies, sc.ends(z), ys, i, graph.Asserted, "", "") // "second-biggest donor after the United States"
		}
	}
	sc.rankedFollowers(i, ys) // "China was its largest supplier, ..., followed by the United States"
}

// compoundOf finds the recipient after "of" (and "the") that a supplier
// noun at i with goods right before it names: "the main arms supplier of
// the Zionist regime" (goodsCompound; a name that owns nothing after it:
// not "arms supplier of Israel's neighbours", nor a demonym).
func (sc *scope) compoundOf(i int) []int {
	k := i + 1
	if k >= sc.s.to || sc.toks[k].low != "of" || !sc.goodsCompound(i) {
		return nil
	}
	if k+1 < sc.s.to && sc.toks[k+1].low == "the" {
		k++
	}
	mi, ok := sc.startAt(k + 1)
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj || sc.ms[mi].pron != "" {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// goodsCompound reports goods that are no commodity right before a
// supplier noun at i: "the main arms supplier to Algeria", "the list of
// defence suppliers to Poland" (not "a key gas supplier to Europe": trade).
func (sc *scope) goodsCompound(i int) bool {
	if i-1 < sc.s.from {
		return false
	}
	p := &sc.toks[i-1]
	return (p.is(cGoods) || p.in(lcGoodsAdjective)) && !p.is(cCommodity) && !p.in(lcTradeGoods)
}

// supplierInContext gives a supplier noun at i that ends its phrase, with
// no one it supplies named, the recipient of the supplies told just
// before (as contextRecipient does for a verb): "Pakistan's navy will take
// delivery of submarines from China ... Turkey has also emerged as a key
// supplier: ..." (a recipient carried from the sentences before).
func (sc *scope) supplierInContext(i int) {
	if sc.topicSupplier(i) {
		return
	}
	if i+1 < sc.s.to && sc.toks[i+1].word {
		return // "a supplier of wheat", "suppliers said"
	}
	r, memory := sc.st.recipient, recipientMemory
	if !sc.st.mixedRecipients {
		memory = soleRecipientMemory
	}
	x := sc.supplierSubject(i, false)
	if r == "" || sc.st.sentences-sc.st.recipientAt > memory || x == nil || sc.negated(sc.afterBut(sc.window(x, i), i), i, false) || sc.deniedAfterApposition(i) {
		return
	}
	for _, id := range sc.ids(x) {
		if sc.affiliated(id, r) {
			return
		}
	}
	sc.emitEnds(graph.Supplies, sc.ends(x), []endpoint{{id: r, span: graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}}}, i, graph.Asserted, "", "")
}

// sponsoredGroup finds the armed group a sponsor noun at i keeps going:
// "the main sponsor of the RSF", "the financier of the M23" (class
// group-sponsor; "sponsors of terrorism", "a sponsor of the talks" name
// no group).
func (sc *scope) sponsoredGroup(i int) []int {
	if !sc.toks[i].in(lcGroupSponsor) || i+2 >= sc.s.to {
		return nil
	}
	k := i + 1
	if sc.toks[k].low == "\"" {
		k++ // "the "main sponsor" of the RSF"
	}
	if sc.toks[k].low != "of" {
		return nil
	}
	k = sc.nextWord(k)
	if k+1 < sc.s.to && sc.toks[k].word && !sc.toks[k].cap {
		k++ // "of the terrorist Rapid Support Forces militia"
	}
	mi, ok := sc.startAt(k)
	if !ok || sc.ms[mi].adj || sc.ms[mi].act == nil || sc.ms[mi].act.Type != graph.Group {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// verbBetween reports a verb between a supplier noun's subject (ending at
// from) and its role phrase (at) after the last copula: "X has imposed
// sanctions on ... suppliers", "X, prompting several donors"; not "X,
// which switched ..., is its main supplier". A participle after a
// determiner or an adverb is an adjective ("a trusted supplier", "its
// longest-serving donor").
func (sc *scope) verbBetween(from, at int) bool {
	for k := at - 1; k >= from; k-- {
		t := &sc.toks[k]
		if t.is(cBe) || t.low != "," && t.in(lcAllyLink) {
			return false // "X, which switched recognition ..., is its main supplier"
		}
		if !t.word || t.cap || t.is(cAux) {
			continue
		}
		if !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing") || len(t.low) < minVerbLen {
			continue
		}
		if p := &sc.toks[k-1]; !p.in(lcNounDeterminer) && !strings.HasSuffix(p.low, "ly") && p.low != "most" {
			return true
		}
	}
	return false
}

// minVerbLen: the shortest word read as a verb by its ending ("armed",
// not "red" or "king").
const minVerbLen = 5

// ofGoodsUser finds the user of the goods in a supplier noun's "of"
// phrase, named after a verb of using and "by": "the supplier of most of
// the J-10C fighters used by the Pakistani air force" (class goods-user;
// "the supplier of the drones shot down by Y" is none).
func (sc *scope) ofGoodsUser(i int) []int {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "of" {
		return nil
	}
	return sc.goodsUsedBy(i+2, i+supplierToWindow)
}

// goodsUsedBy finds the user of goods starting at from, named by a
// goods-user participle and "by" before lim: "the drones and loitering
// munitions used by Azerbaijani forces" (the user receives them).
func (sc *scope) goodsUsedBy(from, lim int) []int {
	for k := from; k+1 < sc.s.to && k <= lim; k++ {
		t := &sc.toks[k]
		if t.in(lcGoodsUser) && sc.toks[k+1].low == "by" && sc.goodsBetween(from, k) {
			if y := sc.after(k + 1); y != nil {
				return y
			}
			return sc.demonymRecipient(k + 2) // "used by the Pakistani air force"
		}
		if mi, ok := sc.startAt(k); ok && sc.goodsBetween(sc.ms[mi].from, sc.ms[mi].to) {
			k = sc.ms[mi].to - 1 // "the fighters": goods, no group of fighters
			continue
		}
		if _, ok := sc.startAt(k); ok || t.is(cClauseBreak) || t.low == "," || t.low == "who" || t.low == "which" || t.low == "that" {
			return nil
		}
	}
	return nil
}

// goodsUserRelative finds the user of goods starting at from, named as
// the subject of a relative clause on them whose verb is one of using
// (class goods-user), before lim: "had supplied the drones that Pakistan
// launched at border towns", "sold jets, which the Indian air force now
// flies" (the user receives them). The subject stands right after "that"
// or "which" (past "the"), and only auxiliaries and adverbs come between
// it and the verb; not "the drones that Pakistan says were launched".
func (sc *scope) goodsUserRelative(from, lim int) []int {
	for k := from; k+2 < sc.s.to && k <= lim; k++ {
		t := &sc.toks[k]
		if (t.low == "that" || t.low == "which") && sc.goodsBetween(from, k) {
			return sc.relativeUser(k + 1)
		}
		if mi, ok := sc.startAt(k); ok && sc.goodsBetween(sc.ms[mi].from, sc.ms[mi].to) {
			k = sc.ms[mi].to - 1 // "the fighters": goods, no group of fighters
			continue
		}
		if _, ok := sc.startAt(k); ok || t.is(cClauseBreak) || t.low == "who" || t.in(lcToVerb) || t.low == "to" {
			return nil
		}
	}
	return nil
}

// relativeUser reads the subject of a relative clause opening at k and
// its verb of using: the subject's mentions when the verb follows past
// auxiliaries and adverbs, is no passive and is not negated.
func (sc *scope) relativeUser(k int) []int {
	mi, ok := sc.startAt(k)
	if !ok && k+1 < sc.s.to && sc.toks[k].low == "the" {
		mi, ok = sc.startAt(k + 1)
	}
	if !ok || sc.ms[mi].pron != "" || sc.ms[mi].poss {
		return nil
	}
	g := []int{mi}
	for j := sc.ms[mi].to; j < sc.s.to && j < sc.ms[mi].to+winAdverb; j++ {
		t := &sc.toks[j]
		if t.in(lcGoodsUser) {
			if sc.negated(sc.ms[mi].from, j, true) {
				return nil
			}
			return g
		}
		if !t.is(cAux|cPassiveAdverb) && !sc.adverb(j) || t.is(cBe) || t.is(cNegator) {
			return nil
		}
	}
	return nil
}

// supplierPossessor finds the possessor before the supplier noun at i:
// "Y's main arms supplier", "the Maldives' main security provider", or
// the antecedent of "whose" ("Y, whose largest supplier is X": whose).
func (sc *scope) supplierPossessor(i int) (y []int, whose bool) {
	for k := i - 1; k >= sc.s.from && k > i-supplierWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			if sc.ms[mi].poss || sc.possessiveHead(mi) || sc.headPossessive(k) {
				return sc.grp[sc.ms[mi].group], false
			}
			return nil, false
		}
		w := sc.toks[k].low
		if w == "'" || w == "'s" {
			continue // "the Maldives' main security provider"
		}
		if w == "whose" {
			return sc.relativeAntecedent(k), true
		}
		if !sc.toks[k].word || sc.toks[k].cap || sc.toks[k].is(cBe) || w == "as" {
			break // "overtake its rivals as the largest supplier": "its" owns the rivals
		}
	}
	return nil, false
}

// relativeAntecedent returns the group a relative word at k follows,
// past its comma ("Jordan, whose"), or nil.
func (sc *scope) relativeAntecedent(k int) []int {
	p := k - 1
	if p >= sc.s.from && sc.toks[p].low == "," {
		p--
	}
	if mi, ok := sc.endAt(p); ok && p >= sc.s.from && !sc.ms[mi].poss && !sc.ms[mi].adj {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// copulaComplement finds the actor a copula gives the supplier noun at i
// after its "of" phrase: "supplier of rifles is X", "supplier remains
// X", "donor has long been X". nil when another word comes between.
func (sc *scope) copulaComplement(i int) []int {
	k := i + 1
	if k < sc.s.to && sc.toks[k].low == "of" {
		for k++; k < sc.s.to && k <= i+supplierToWindow && sc.toks[k].word && !sc.toks[k].cap && !sc.toks[k].is(cBe|cClauseBreak|cAux); k++ {
		}
	}
	for ; k < sc.s.to && k <= i+supplierToWindow; k++ {
		t := &sc.toks[k]
		if t.in(lcCopula) || t.low == "been" {
			return sc.after(k)
		}
		if !t.is(cAux) && !t.in(lcCopulaAdverb) && !strings.HasSuffix(t.low, "ly") {
			return nil // "has long been", "is currently"
		}
	}
	return nil
}

// goodsOf reports goods in an "of" phrase right after the noun at i: "source
// of weapons", "source of military hardware".
func (sc *scope) goodsOf(i int) bool {
	return i+1 < sc.s.to && sc.toks[i+1].low == "of" && sc.goodsBetween(i+2, min(sc.s.to, i+2+winAdverb))
}

// possessorOf resolves the possessor y of a supplier noun whose supplier
// is x. "Its" right after a copula or an apposition's comma would resolve
// to x itself ("Japan has been its largest donor", "thanked Japan, its
// largest donor"): then it is the nearest other actor before it
// in the sentence, else the last subject of the article if that is not x.
// Elsewhere such an "its" is x's own ("diversifying its suppliers"): none.
func (sc *scope) possessorOf(y, x []int) []endpoint {
	ends := sc.ends(y)
	if len(y) != 1 || sc.ms[y[0]].pron == "" || len(ends) == 0 || !slices.Contains(sc.ids(x), ends[0].id) {
		return ends
	}
	if p := sc.ms[y[0]].from - 1; p < sc.s.from || !sc.toks[p].is(cBe) && sc.toks[p].low != "," {
		return nil // "X has been diversifying its suppliers", "one of its suppliers": X's own
	}
	span := ends[0].span
	for k := y[0] - 1; k >= 0; k-- {
		if m := &sc.ms[k]; m.pron == "" && !m.person && !slices.Contains(x, k) {
			return []endpoint{{id: m.id, span: span}}
		}
	}
	for _, id := range sc.st.lastSubject {
		if !slices.Contains(sc.ids(x), id) {
			return []endpoint{{id: id, span: span}}
		}
	}
	return nil
}

// headPossessive reports a mention ending at k in a government or forces
// noun (class government-head) and followed by "'s": "the Myanmar
// junta's main sources", "the Sudanese army's main supplier" (the
// mention keeps its head and is not marked possessive; it owns the
// supplier noun all the same).
func (sc *scope) headPossessive(k int) bool {
	return k+1 < sc.s.to && sc.toks[k].is(cGovHead) && sc.toks[k+1].low == "'s"
}

// possessiveHead reports a mention that took a head noun after its
// possessive as its own ("Ukraine's second-largest military" before
// "donor"): the state is the possessor.
func (sc *scope) possessiveHead(mi int) bool {
	m := &sc.ms[mi]
	for k := m.nFrom; k < m.to; k++ {
		if sc.toks[k].low == "'s" {
			return true
		}
	}
	return false
}

// apposed finds the actor a phrase starting at is in apposition to: the
// group right before its comma ("from China, its largest creditor").
func (sc *scope) apposed(at int) []int {
	if at-2 < sc.s.from || sc.toks[at-1].low != "," {
		return nil
	}
	if mi, ok := sc.endAt(at - 2); ok && !sc.ms[mi].poss && !sc.ms[mi].adj {
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// goodsMaker finds the supplier named by a demonym on the goods after a
// supply noun: "the transfer of Iranian ballistic missiles".
func (sc *scope) goodsMaker(i int) []int {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "of" {
		return nil
	}
	for k := i + 2; k < sc.s.to && k < i+makerOfWindow; k++ {
		if mi, ok := sc.startAt(k); ok {
			if sc.ms[mi].adj || sc.ms[mi].poss || sc.makerOfGoods(mi) {
				return []int{mi}
			}
			return nil
		}
	}
	return nil
}

// makerOfGoods reports a state's name used as a modifier of goods right
// after it: "U.S. munitions", "Chinese drones".
func (sc *scope) makerOfGoods(mi int) bool {
	m := &sc.ms[mi]
	if m.pron != "" || m.poss || m.to >= sc.s.to {
		return false
	}
	if a, ok := sc.x.mentionActor(m); !ok || a.Type != graph.Country {
		return false
	}
	if t := &sc.toks[m.to-1]; m.to-m.from >= 2 && t.is(cGoods) && !t.is(cCommodity) && !t.cap {
		return true // "Chinese jets": a demonym and goods that head a mention of the state
	}
	for j := m.to; j < sc.s.to && j < m.to+winNoun; j++ {
		if t := &sc.toks[j]; t.is(cGoods) && !t.is(cCommodity) {
			return true
		}
	}
	return false
}

// describedName finds a name after a demonym and a lower-case role noun
// at k: "Turkish manufacturer Baykar", "the Russian firm Rosoboronexport"
// (the name, whose own state the dictionary gives, not the demonym).
func (sc *scope) describedName(k int) []int {
	if k < sc.s.to && sc.toks[k].low == "the" {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok || !sc.ms[mi].adj {
		return nil
	}
	j := sc.ms[mi].to
	for n := 0; j < sc.s.to && n < winNoun && sc.toks[j].word && !sc.toks[j].cap; n++ {
		j++
	}
	if next, ok := sc.startAt(j); ok && j > sc.ms[mi].to && !sc.ms[next].adj && !sc.ms[next].poss {
		return sc.grp[sc.ms[next].group]
	}
	return nil
}

// timePhrase reports a preposition of time at k that opens a noun phrase,
// not a clause: "since the coup", "after 2019", "before March" (a
// clause-break word elsewhere: "since it was attacked").
func (sc *scope) timePhrase(k int) bool {
	if !sc.toks[k].in(lcTimePreposition) {
		return false
	}
	if k+1 >= sc.s.to {
		return false
	}
	n := &sc.toks[k+1]
	return n.low == "the" || startsDigit(n.text) || n.is(cWeekday)
}

// fromSource finds "from X" after a verb of receiving, across a list of
// goods: "received drones, armoured vehicles and training from France".
func (sc *scope) fromSource(i int, preps string) []int {
	if preps == "" {
		preps = "from"
	}
	for k := i + 1; k < sc.s.to && k <= i+sourceWindow; k++ {
		w := sc.toks[k].low
		if hasPrep(preps, w) {
			if g := sc.after(k); g != nil {
				if m := &sc.ms[g[0]]; len(g) == 1 && m.poss && m.pron != "" {
					return nil // "buying weapons from its allies": the allies, unnamed
				}
				return sc.ownersOut(g)
			}
			if g := sc.demonymSource(k + 1); g != nil {
				return g // "from German stocks"
			}
			return sc.describedName(k + 1) // "from Turkish manufacturer Baykar"
		}
		if sc.timePhrase(k) {
			continue // "imported $1 billion in weapons since the coup, much of it from X"
		}
		if w == "," && k+1 < sc.s.to && (sc.finiteVerb(k+1) || sc.toks[k+1].in(lcGoodsUser)) {
			return nil // "receives US military aid, flies jets bought from France": another verb's
		}
		if sc.toks[k].is(cClauseBreak) || w == "which" || w == "who" || w == "that" || sc.toks[k].is(cBe) {
			return nil
		}
	}
	return nil
}

// modelName reports a weapon's model name: a capitalised word with a
// digit in it ("K9s", "JF-17", "Su-30SME", "A-29"), not a number.
func modelName(w string) bool {
	if len(w) < 2 || len(w) > 10 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.IndexFunc(w, isDigit) >= 0
}

// goodsOfAfterHead reports goods in the "of" phrase that starts at k after
// a possessed head ("imports of major weapons"), read past modifiers; a
// commodity there ("imports of oil") is trade, no supply.
func (sc *scope) goodsOfAfterHead(k int) bool {
	for j := k; j < sc.s.to && j < k+possessedGoodsWindow; j++ {
		t := &sc.toks[j]
		if t.is(cCommodity) || t.is(cClauseBreak) || t.low == "," {
			return false
		}
		if t.is(cGoods) && !t.is(cGoodsModifier) {
			return true
		}
	}
	return false
}

// afterBut moves the start lo of a polarity window past the last "but"
// before the trigger at i: a negation in the first of two contrasted
// predicates is not the second's ("X, which has no formal ties with Y but
// is its main arms supplier", "has no embassy in Y but sold it jets").
func (sc *scope) afterBut(lo, i int) int {
	for k := i - 1; k > lo; k-- {
		if sc.toks[k].low == "but" {
			return k + 1
		}
	}
	return lo
}

// demonymGoodsSubject finds the state a demonym names on the goods that are
// the subject of a passive supply participle at i with no agent: "a
// consignment of Ethiopian weapons had been delivered to Puntland",
// "Turkish drones were shipped to Y" (the goods' state supplies, as the
// maker of "Iranian-made drones were delivered to" does). Only goods,
// their modifiers and the auxiliary stand between; a commodity ("Ukrainian
// grain was shipped to Egypt") is trade.
func (sc *scope) demonymGoodsSubject(i int) []int {
	goods := false
	for k := i - 1; k >= sc.s.from && k >= i-passiveGoodsWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			m := &sc.ms[mi]
			if !goods || !m.adj || !sc.makerOfGoods(mi) {
				return nil
			}
			return sc.grp[m.group]
		}
		t := &sc.toks[k]
		switch {
		case t.is(cCommodity) || t.is(cClauseBreak) || t.low == "," || t.cap:
			return nil
		case t.is(cGoods) && !t.is(cGoodsModifier):
			goods = true
		case !goods && !t.is(cAux|cBe|cPassiveAdverb):
			return nil // "the weapons Egypt said were delivered"
		}
	}
	return nil
}

// stopBeforeGoods reports a word of stopping (class stop) between the
// supply verb at i that needs goods and its goods, or right after its
// first goods word: "approved a ban on arms sales to Y", "announced an end
// to arms deliveries", "extended an arms embargo on Y" (the object is the
// stop, not the goods).
func (sc *scope) stopBeforeGoods(i int) bool {
	for k := i + 1; k < sc.s.to && k <= i+winLongObject; k++ {
		t := &sc.toks[k]
		if t.is(cGoods) && k+1 < sc.s.to && sc.toks[k+1].is(cStopVerb) && !sc.toks[k+1].cap {
			return true // "extended an arms embargo on Haiti": goods naming the stop
		}
		if _, isName := sc.startAt(k); isName || t.is(cGoods) || t.is(cClauseBreak) {
			return false // "the helicopters it has promised Kenya would arrive in May"
		}
		if t.is(cStopVerb) && !t.cap {
			return true
		}
	}
	return false
}

// noRecipient reports an object of a supply verb at i that receives
// nothing: a market ("a launcher for the U.S. market"), or a state's own
// forces being trained ("trained Somali soldiers", "the Russian
// instructors who have trained his army": cooperation, no supply).
func (sc *scope) noRecipient(i int, t trig, tgt []int) bool {
	return sc.marketAfter(tgt) || t.lemma == "train" && sc.trainsStateForces(i, tgt)
}

// boundRead reads a participle of binding (class special-bound) both
// ways: a pact ("are bound by a mutual defence treaty", treaty.go
// boundAllies) and goods on their way ("Iranian missile parts bound for
// the Houthis", boundFor).
func (sc *scope) boundRead(i int) {
	sc.boundAllies(i)
	if i+1 < sc.s.to && sc.toks[i+1].low == "for" {
		sc.boundFor(i, trig{rel: graph.Supplies, lemma: "bound", pos: noun})
	}
}

// boundGoodsWindow: the words of the goods phrase before "bound for"
// ("lethal Iranian-supplied ballistic missile components were").
const boundGoodsWindow = 8

// boundFor reads goods "bound for" or "destined for" a recipient at i
// (lemma bound) whose maker the goods phrase right before names: a
// demonym or a state's name on the goods ("Iranian missile parts bound
// for the Houthis", "Iranian weapons destined for Hezbollah") or a maker
// word ("Iranian-made missile components bound for Yemen", "lethal
// Iranian-supplied weapons bound for the rebels"). The phrase may end in
// "was" or "were"; nothing else stands between it and the verb ("missile
// parts seized off Somalia were bound for" tells the seizure, not whose
// parts). No maker, no supply ("Western weapons bound for Ukraine",
// "a supply boat bound for the shoal").
func (sc *scope) boundFor(i int, t trig) {
	if i+1 >= sc.s.to || sc.toks[i+1].low != "for" {
		return
	}
	tgt := sc.after(i + 1)
	if tgt == nil {
		return
	}
	e, ok := sc.boundMaker(i)
	if !ok || sc.affiliatedEnds(e, sc.ends(tgt)) || sc.negated(max(sc.s.from, i-winPolarity), i, true) {
		return
	}
	sc.emitEnds(graph.Supplies, []endpoint{e}, sc.recipientEnds(tgt, nil, i), i, sc.supplyStatus(nil, i, t), "", "")
}

// boundMaker finds the maker of the goods phrase that ends right before
// "bound" at i, past "was" or "were": a maker word or an adjectival
// mention of a state inside it, before its goods head.
func (sc *scope) boundMaker(i int) (endpoint, bool) {
	k := i - 1
	if k > sc.s.from && sc.toks[k].is(cBe) {
		k--
	}
	if k < sc.s.from || !sc.toks[k].is(cGoods) {
		return endpoint{}, false
	}
	for j := k; j >= sc.s.from && j > k-boundGoodsWindow; j-- {
		if e, ok := sc.suffixMaker(j); ok {
			return e, true
		}
		if mi, ok := sc.endAt(j); ok {
			m := &sc.ms[mi]
			a, isActor := sc.x.mentionActor(m)
			if !m.adj && !sc.toks[j].is(cGoods) || !isActor || a.Type != graph.Country || m.pron != "" {
				return endpoint{}, false
			}
			return sc.ends([]int{mi})[0], true
		}
		t := &sc.toks[j]
		if !t.word || t.cap || !t.is(cGoods) && !t.in(lcGoodsAdjective) && !sc.x.lex.isAdjectiveLike(t.low) && !strings.Contains(t.low, "-") {
			return endpoint{}, false
		}
	}
	return endpoint{}, false
}

// possibleUnconfirmed reports a supply noun at i told as possible (a
// word of class stop right before it: "possible", "potential", "would-be")
// that a later clause says nothing has confirmed: "Washington approved a
// possible sale worth up to $13.9 billion, though no contract has been
// signed" (unconfirmedLater). An approved possible sale alone stays one.
func (sc *scope) possibleUnconfirmed(i int) bool {
	return i-1 >= sc.s.from && sc.toks[i-1].is(cStopVerb) && sc.unconfirmedLater(i)
}

// fromAfterTo finds the state a passive supply participle at hi names
// after its "to" recipient with "from": "the missiles have been supplied
// to the Houthis from Iran", "the drones are smuggled to them from Iran"
// (the state sends them). Only states: "delivered to FARC units operating
// from Venezuelan territory" names a place.
func (sc *scope) fromAfterTo(hi int) []int {
	if hi+1 >= sc.s.to || sc.toks[hi+1].low != "to" {
		return nil
	}
	tgt := sc.after(hi + 1)
	if tgt == nil {
		return nil
	}
	k := sc.ms[tgt[len(tgt)-1]].to
	if k >= sc.s.to || sc.toks[k].low != "from" {
		return nil
	}
	src := sc.after(k)
	for _, mi := range src {
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country || sc.ms[mi].adj {
			return nil
		}
	}
	return src
}
