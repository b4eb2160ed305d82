package extract

// This file reads supplies told from the buyer's side: "Kenya received
// armoured vehicles from Turkey", "Hungary took delivery of Korean-built
// howitzers", "the patrol boats that Ghana ordered from Spain", "Peru's
// purchases of helicopters from Brazil", "Chile received the Swedish-made
// radars", "trucks donated by China". The recipient is the buyer; the
// supplier is a from= phrase of the trigger (data/lexicon.txt), the agent
// of a supply participle on the goods, or the maker the goods are named by.

import (
	"strings"

	"geokg/graph"
)

// buyerSide emits supplies(supplier, recipient) for the buyer-side trigger
// at i whose recipient is tgt.
func (sc *scope) buyerSide(i int, t trig, tgt []int) {
	if tgt == nil {
		tgt = sc.goodsUser(i) // "relies on drones bought from Turkey"
	}
	if tgt == nil {
		if sc.anaphorGoods(i) {
			src, _ := sc.supplierOf(i, t)
			sc.anaphorSupply(i, t, src) // "The planes were bought from the United States"
		}
		return
	}
	src, at := sc.supplierOf(i, t)
	if src == nil {
		if e, ok := sc.antecedentMaker(tgt); ok {
			src, at = []endpoint{e}, i // "Israeli-made munitions, which Baku purchased"
		}
	}
	if src == nil {
		sc.noteReceiver(i, tgt) // "Ukraine has received its first F-16 jets"
		return
	}
	if t.from == "on" && !sc.reliedOn(at) {
		return // "relies heavily on Turkey": for what is not said
	}
	if !sc.goodsBetween(i+1, at) && !sc.modelPlural(i+1, at) && !sc.goodsBefore(tgt, i) && !sc.supplyParticiple(at) && t.from != "on" && !(t.pos != verbGer && sc.goodsNoun(i-1)) && !sc.forGoodsAfter(i, at) {
		if u := sc.goodsUser(i); u == nil {
			return
		} else {
			tgt = u // "Greece flies Rafale fighters bought from France"
		}
	}
	if sc.negated(sc.window(tgt, i), i, true) || sc.plannedThenDropped(i) || sc.noClaimThat(sc.ms[tgt[0]].from) {
		return
	}
	status := sc.supplyStatus(tgt, i, t)
	sc.emitEnds(graph.Supplies, src, sc.ends(tgt), i, status, "", "")
	for g := sc.nextSource(at); g != nil; g = sc.nextSource(sc.ms[g[0]].from) {
		// "received missiles from the United States and drones from Turkey"
		sc.emitEnds(graph.Supplies, sc.ends(g), sc.ends(tgt), i, status, "", "")
	}
	if len(src) == 1 && at > i && (at >= sc.s.to || sc.toks[at].start >= src[0].span.End) {
		// the goods named the supplier: "bought Chinese drones and Russian tanks"
		for _, e := range sc.listMakers(i, src[0].id) {
			sc.emitEnds(graph.Supplies, []endpoint{e}, sc.ends(tgt), i, status, "", "")
		}
	}
}

// listMakersWindow: the words of a list of goods after a buyer-side verb
// ("received French Rafale jets, German Type 209 submarines and American
// M1A1 tanks").
const listMakersWindow = 20

// listMaker reports a demonym mi of a state that opens goods in a list:
// goods follow it in its noun phrase ("the Chinese FK-3 air defence
// system").
func (sc *scope) listMaker(mi int) bool {
	m := &sc.ms[mi]
	if m.poss || m.pron != "" {
		return false
	}
	if !m.adj {
		return sc.makerOfGoods(mi) && m.to-m.from >= 2 && sc.toks[m.to-1].is(cGoods) // "Turkish jets"
	}
	if a, ok := sc.x.mentionActor(m); !ok || a.Type != graph.Country {
		return false
	}
	return sc.tradeGoodsBetween(m.to, min(sc.goodsPhraseEnd(m.to-1), m.to+makerPhraseWindow/2)) // "Russian tanks", not "Russian gas" nor "Russian officials said ..."
}

// listMakers finds the makers of the further goods of a list after the
// buyer-side trigger at i, whose first maker is first: "bought the Chinese
// FK-3 air defence system and Russian-made armoured vehicles", "received
// French jets, German submarines and American tanks" (a demonym or a
// maker word right after "," or "and", past a determiner or a number). A
// preposition other than "of", a clause break, a verb or a name that
// makes no goods ends the list.
func (sc *scope) listMakers(i int, first graph.ActorID) []endpoint {
	var out []endpoint
	seen := map[graph.ActorID]bool{first: true}
	list := true // the list opens after the verb; then a "," or "and" since the last goods
	for k := i + 1; k < sc.s.to && k <= i+listMakersWindow; k++ {
		t := &sc.toks[k]
		if t.low == "," || t.low == "and" {
			list = true
			continue
		}
		if mi, ok := sc.startAt(k); ok {
			if !sc.listMaker(mi) {
				return out // "and Mali bought": a name of its own
			}
			if e := sc.ends([]int{mi})[0]; list && !seen[e.id] {
				seen[e.id] = true
				out = append(out, e)
			}
			list = false
			k = sc.ms[mi].to - 1
			continue
		}
		if e, ok := sc.makerWordAt(i, k); ok {
			if list && !seen[e.id] {
				seen[e.id] = true
				out = append(out, e)
			}
			list = false
			continue
		}
		if !t.word && !startsDigit(t.text) || t.is(cClauseBreak|cAux|cBe) || t.is(cPreposition) && t.low != "of" || t.in(lcRelativeWhich) || t.low == "that" {
			return out
		}
		if !t.in(lcDeterminer) && !startsDigit(t.text) && !t.in(lcNumberWord) {
			list = list && (t.low == "the" || t.low == "of") // "and the Russian-made", "delivery of"; not "and bought Russian tanks"
		}
	}
	return out
}

// modelPlural reports a weapon named by its model in the plural, alone
// between a buyer-side verb and its "from" phrase at [from, to): "also
// received Akincis from Turkey", "bought Rafales from France" (a
// capitalised plural that no actor is; countedName reads one after a
// number). Goods must be named before it in the sentence.
func (sc *scope) modelPlural(from, to int) bool {
	if to != from+2 || sc.toks[to-1].low != "from" {
		return false
	}
	t := &sc.toks[from]
	if !t.cap || !t.word || len(t.low) < 4 || t.low[len(t.low)-1] != 's' || strings.HasSuffix(t.low, "ss") || sc.inMention(from) {
		return false
	}
	return sc.goodsBetween(sc.s.from, from-1) // goods named before: "which inducted TB2s, also received Akincis" (not "received Christians from")
}

// droppedWindow: the words of a clause after "but" that say a plan was
// dropped ("but the plan was later shelved").
const droppedWindow = 8

// plannedThenDropped reports an infinitive trigger at i ("agreed to
// purchase", "signed a deal to buy") that a later clause of the sentence
// opened by "but" says was dropped ("..., but the plan was shelved"; class
// plan-dropped). A supply told as done stays one ("sent tanks, but
// deliveries were later suspended").
func (sc *scope) plannedThenDropped(i int) bool {
	if i-1 <= sc.s.from || sc.toks[i-1].low != "to" {
		return false
	}
	if sc.x.lex.words["expect-verb"][sc.toks[i-2].low] && sc.unconfirmedLater(i) {
		return true // "they expect to receive Su-35 jets, but no delivery has been publicly confirmed"
	}
	return sc.droppedLater(i)
}

// unconfirmedLater reports a clause after i opened by "but", "though" or
// "although" that says no delivery, contract or sale has been confirmed
// (class unconfirmed-noun after "no", a participle of class
// unconfirmed-participle within the clause's first words): "..., but no
// delivery has been publicly confirmed", "though no contract has been
// signed".
func (sc *scope) unconfirmedLater(i int) bool {
	for k := i + 1; k < sc.s.to; k++ {
		if w := sc.toks[k].low; w != "but" && w != "though" && w != "although" {
			continue
		}
		if k+2 >= sc.s.to || sc.toks[k+1].low != "no" || !sc.x.lex.words["unconfirmed-noun"][sc.toks[k+2].low] {
			return false
		}
		for j := k + 3; j < sc.s.to && j <= k+droppedWindow; j++ {
			if sc.x.lex.words["unconfirmed-participle"][sc.toks[j].low] {
				return true
			}
		}
		return false
	}
	return false
}

// droppedLater reports a clause opened by "but" after i that says a plan
// was dropped (class plan-dropped).
func (sc *scope) droppedLater(i int) bool {
	for k := i + 1; k < sc.s.to; k++ {
		if sc.toks[k].low != "but" {
			continue
		}
		for j := k + 1; j < sc.s.to && j <= k+droppedWindow; j++ {
			if sc.toks[j].in(lcPlanDropped) {
				return true
			}
		}
		return false
	}
	return false
}

// noteReceiver remembers the receiver tgt of goods received at i with no
// supplier named, as noteRecipient does for a supply with no supplier:
// "Ukraine has received its first F-16 jets. The President thanked
// Denmark, which delivered the first jets" (recipientMemory). A state
// that opens its sentence as the buyer is remembered whatever it bought,
// even nothing, unless the verb is negated ("has not received any jets"):
// the sentences after it tell its suppliers ("Brazil, the
// region's largest importer, relies on licensed production. Sweden has
// delivered the first of 36 Gripen fighters"; "Venezuela has bought
// almost nothing since. Russia, which supplied Su-30 fighters in the
// decade before, ..."; buyerTopic).
func (sc *scope) noteReceiver(i int, tgt []int) {
	if !sc.goodsBetween(i+1, min(sc.s.to, i+winLongObject)) && !sc.buyerTopic(tgt) || sc.negated(max(sc.s.from, i-winPolarity), i, true) {
		return
	}
	if ids := sc.ids(tgt); len(ids) == 1 {
		sc.st.setRecipient(ids[0])
	}
}

// nextSourceGapWindow: a phrase between the first supplier and the "and"
// of the second ("in a deal worth close to $500 million and").
const nextSourceGapWindow = 10

// nextSource finds a coordinated "and GOODS from X" after the supplier
// group starting at token at: the goods' second supplier. It returns nil
// when none follows.
func (sc *scope) nextSource(at int) []int {
	mi, ok := sc.startAt(at)
	if !ok {
		return nil
	}
	k := sc.ms[sc.grp[sc.ms[mi].group][len(sc.grp[sc.ms[mi].group])-1]].to
	comma := false // the "and" follows a comma: a new verb phrase may start there
	for j := k; j < sc.s.to && j < k+nextSourceGapWindow && sc.toks[k].low != "and"; j++ {
		// past a phrase on the first supply: "from the United States in a
		// deal worth $500 million and three jets from Pakistan"
		if sc.wordAt(j) == "," && sc.wordAt(j+1) == "and" {
			k, comma = j+1, true // "from Russia, and of Bayraktar TB2 drones from Turkey"
			break
		}
		if e := sc.relativeAsideEnd(j); e > 0 {
			k, comma = e, true // "from Iran, with which Sudan restored relations ..., and"
			break
		}
		if t := &sc.toks[j]; t.is(cClauseBreak) || t.low == "," || t.low == "from" {
			return nil
		}
		if sc.toks[j].low == "and" {
			k = j
		}
	}
	if k >= sc.s.to || sc.toks[k].low != "and" {
		return nil
	}
	for j := k + 1; j < sc.s.to && j < k+1+nextSourceWindow; j++ {
		w := sc.toks[j].low
		if w == "from" {
			if g := sc.after(j); g != nil && sc.goodsBetween(k+1, j) {
				return g
			}
			return nil
		}
		if _, isName := sc.startAt(j); isName || sc.toks[j].is(cClauseBreak) || w == "," {
			return nil
		}
		if comma && sc.toks[j].is(cAux|cBe) {
			return nil // ", which has long armed Peru, and has ordered frigates from Italy": a verb phrase of its own
		}
	}
	return nil
}

// relativeAsideWindow: the words of a relative clause on a supplier,
// from its comma to the comma before "and" ("from Iran, with which Sudan
// restored diplomatic relations in October 2023 after a seven-year
// rupture, and").
const relativeAsideWindow = 20

// relativeAsideEnd returns the "and" after a relative clause that opens
// at the comma at j (", which", ", with which", ", whose", ", who") and
// closes with ", and"; 0 when no such aside opens there, or when a clause
// break or a second "from" (another supply) comes first.
func (sc *scope) relativeAsideEnd(j int) int {
	if sc.wordAt(j) != "," {
		return 0
	}
	r := j + 1
	if sc.toks[r].is(cPreposition) {
		r++ // "with which", "from whom"
	}
	if w := sc.wordAt(r); w != "which" && w != "whose" && w != "who" && w != "whom" {
		return 0
	}
	for k := r + 1; k+1 < sc.s.to && k <= r+relativeAsideWindow; k++ {
		if w := sc.toks[k].low; w == ";" || w == ":" || w == "but" || w == "from" || w == "\"" {
			return 0 // a time clause inside the relative may stand ("after a seven-year rupture")
		}
		if sc.toks[k].low == "," {
			if sc.wordAt(k+1) == "and" {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

// takenDelivery reports "took delivery of", "has taken delivery of": the
// noun at i after a verb of the buyer-verb class.
func (sc *scope) takenDelivery(i int) bool {
	return i-1 > sc.s.from && sc.toks[i].low == "delivery" && sc.x.lex.words["buyer-verb"][sc.toks[i-1].low]
}

// supplierOf finds the supplier of the buyer-side trigger at i: "from X"
// (the trigger's from= words), "GOODS donated by X", or the maker of the
// goods ("Swedish-made radars"). at is where the phrase naming it starts:
// the goods lie before it.
func (sc *scope) supplierOf(i int, t trig) (src []endpoint, at int) {
	if g := sc.fromSource(i, t.from); g != nil {
		return sc.ends(g), sc.ms[g[0]].from
	}
	if g := sc.shareSource(i); g != nil && strings.Contains(t.from, "from") {
		return sc.ends(g), sc.ms[g[0]].from // "imported $1 billion worth of weapons since ..., much of it from Russia"
	}
	if g, k := sc.goodsAgent(i); g != nil {
		return sc.ends(g), k
	}
	i = sc.timeBeforeOf(i) // "took delivery in April 2022 of the Chinese FK-3 system"
	if e, k, ok := sc.goodsMakerWord(i); ok {
		return []endpoint{e}, sc.goodsPhraseEnd(k) // the goods it makes follow it
	}
	if mi, ok := sc.goodsDemonym(i); ok {
		return sc.ends([]int{mi}), sc.goodsPhraseEnd(sc.ms[mi].to - 1) // "bought Russian S-400 systems"
	}
	return nil, 0
}

// timeBeforeOf returns the last word of a time phrase right after i that
// "of" follows ("delivery in April 2022 of", "delivery last week of"), else i.
func (sc *scope) timeBeforeOf(i int) int {
	k := i + 1
	for k < sc.s.to && k <= i+winAdverb && (sc.toks[k].in(lcTimeWord) || sc.toks[k].is(cWeekday) || startsDigit(sc.toks[k].text)) {
		k++
	}
	if k > i+1 && k < sc.s.to && sc.toks[k].low == "of" {
		return k - 1
	}
	return i
}

// goodsDemonym finds a demonym on the goods right after a buyer-side verb
// at i: "bought Russian S-400 air defence systems", "received Chinese
// loans". Not on trade goods ("bought Russian oil"), nor past another
// word than a determiner or a number.
func (sc *scope) goodsDemonym(i int) (int, bool) {
	lim := i + winAdverb
	for k := i + 1; k < sc.s.to && k <= lim; k++ {
		if mi, ok := sc.startAt(k); ok {
			if sc.makerOfGoods(mi) || sc.ms[mi].adj && sc.tradeGoodsBetween(sc.ms[mi].to, sc.goodsPhraseEnd(sc.ms[mi].to-1)) {
				return mi, true // "Chinese drones", "Chinese air defence systems"; not "Russian gas"
			}
			return 0, false
		}
		t := &sc.toks[k]
		if k == i+1 && t.low == "of" {
			continue // a noun's goods: "its purchase of Russian S-400 systems"
		}
		if a := sc.amountEnd(k); a > k {
			lim += a - k // "received billions of dollars in US weapons"
			k = a - 1
			continue
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak) {
			return 0, false
		}
	}
	return 0, false
}

// tradeGoodsBetween is goodsBetween with trade goods no supply ("receive
// Russian gas via the pipeline" is trade, as after "sell").
func (sc *scope) tradeGoodsBetween(from, to int) bool {
	trade := sc.trade
	sc.trade = true
	defer func() { sc.trade = trade }()
	return sc.goodsBetween(from, to)
}

// amountEnd returns where an amount of goods starting at k ends, past its
// "of" or "in" ("billions of dollars in", "$2 billion worth of", "dozens
// of"), or k when none starts there.
func (sc *scope) amountEnd(k int) int {
	j := sc.amountLead(k)
	if j > k && !sc.amountAt(j) {
		return k
	}
	for j < sc.s.to && (sc.amountAt(j) || sc.toks[j].in(lcAmountWord) || sc.toks[j].low == "$") {
		j++
	}
	if j == k {
		return k
	}
	if j < sc.s.to && sc.toks[j].low == "of" && j+1 < sc.s.to && sc.toks[j+1].in(lcAmountWord) {
		return sc.amountEnd(j + 1) // "billions of dollars"
	}
	for j < sc.s.to && sc.toks[j].in(lcAmountPeriod) {
		j++ // "$1.3 billion a year in US military aid"
	}
	if j < sc.s.to && sc.toks[j].in(lcAmountPreposition) {
		j++
	}
	return j
}

// Windows of the goods phrases of buyer-side frames.
const (
	// makerWordWindow: a maker word inside the goods after a verb
	// ("received the four long-range Swedish-made radars").
	makerWordWindow = 10
	// relativeGoodsWindow: the goods before the relative word of "the
	// F-16s that it bought" ("several Bayraktar TB2 armed drones that").
	relativeGoodsWindow = 6
	// passiveGoodsWindow: the subject's goods before a passive supply
	// verb ("the Iranian-made Shahed-136 attack drones were").
	passiveGoodsWindow = 8
)

// goodsAgentWindow is how far after i "VERBed by" may stand: past an
// amount, a maker, a model and the goods ("dozens of Turkish-made
// Bayraktar TB2 armed drones and their ground stations donated by").
const goodsAgentWindow = 14

// goodsAgent finds "GOODS VERBed by X" after i, with VERB a supply verb:
// "dozens of trucks donated by China". It returns the group and where the
// participle is.
func (sc *scope) goodsAgent(i int) ([]int, int) {
	for k := i + 1; k < sc.s.to-1 && k < i+goodsAgentWindow; k++ {
		t := &sc.toks[k]
		if (t.low == "which" || t.low == "that") && sc.passiveBe(k+1) > k+1 {
			k = sc.passiveBe(k+1) - 1 // "bombs that were re-exported by the UAE"
			continue
		}
		if t.is(cClauseBreak) || t.low == "which" || t.low == "that" {
			return nil, 0
		}
		tr, ok := sc.trigOf(t)
		if ok && tr.rel == graph.Supplies && tr.pos == verbPast && !tr.reverse && sc.toks[k+1].low == "by" {
			return sc.after(k + 1), k
		}
	}
	return nil, 0
}

// reliedOn reports "for" and goods, or a noun of the possessed-recipient
// class, after the supplier starting at token at of a verb of relying:
// "depends on Russia for more than half of its state budget", "relies on
// Turkey for drones".
func (sc *scope) reliedOn(at int) bool {
	mi, ok := sc.startAt(at)
	if !ok {
		return false
	}
	g := sc.grp[sc.ms[mi].group]
	k := sc.ms[g[len(g)-1]].to
	if k >= sc.s.to || sc.toks[k].low != "for" {
		return false
	}
	end := min(sc.s.to, k+1+winLongObject)
	return sc.goodsBetween(k+1, end) || sc.classWithin(k+1, end-k-1, lcPossessedRecipient)
}

// supplyParticiple reports a supply participle at k with its "by" agent
// (goodsAgent): "received dozens of trucks donated by India" says the
// supply with no goods word.
func (sc *scope) supplyParticiple(k int) bool {
	tr, ok := sc.trigOf(&sc.toks[k])
	return ok && tr.rel == graph.Supplies && tr.pos == verbPast && !tr.reverse && k+1 < sc.s.to && sc.toks[k+1].low == "by"
}

// goodsPhraseEnd returns where the noun phrase of goods after a maker
// word at k ends: past a model name and modifiers ("Israeli-made Barak MX
// air defence systems"), at most makerPhraseWindow words.
func (sc *scope) goodsPhraseEnd(k int) int {
	j := k + 1
	for j < sc.s.to && j <= k+makerPhraseWindow && sc.toks[j].word && !sc.toks[j].is(cPreposition|cClauseBreak) {
		j++
	}
	return j
}

// goodsMakerWord finds, within the goods after i, a word naming the goods'
// maker ("the Swedish-made radars", "Korean-built howitzers") and returns
// the state as an end, with the word's index.
func (sc *scope) goodsMakerWord(i int) (endpoint, int, bool) {
	for k := i + 1; k < sc.s.to && k < i+makerWordWindow; k++ {
		t := &sc.toks[k]
		if e, ok := sc.splitMaker(i, k); ok {
			return e, k + 1, true // before the test of breaks: a hyphen may be one
		}
		if e, ok := sc.madeIn(k); ok {
			return e, k, true // "drones designed in Iran"
		}
		if t.is(cClauseBreak) || t.low == "from" || t.low == "to" && (k <= sc.s.from || sc.toks[k-1].low != "up") {
			break // not at "up to 400 U.S.-made missiles"
		}
		if e, ok := sc.suffixMaker(k); ok {
			return e, k, true
		}
	}
	return endpoint{}, 0, false
}

// makerWordAt reads a maker word at k, in a phrase after i: a maker
// suffix ("Swedish-made", "US-built"), one split at its hyphen ("U.S." "-"
// "made") or a maker told after the goods ("drones designed in Iran").
func (sc *scope) makerWordAt(i, k int) (endpoint, bool) {
	if e, ok := sc.splitMaker(i, k); ok {
		return e, true
	}
	if e, ok := sc.madeIn(k); ok {
		return e, true
	}
	return sc.suffixMaker(k)
}

// suffixMaker reads a word with a maker suffix at k: "Swedish-made",
// "US-built" (class maker-suffix) name the state before the hyphen.
func (sc *scope) suffixMaker(k int) (endpoint, bool) {
	t := &sc.toks[k]
	h := strings.LastIndexByte(t.low, '-')
	if h < 0 || !sc.x.lex.has(lcMakerSuffix, t.low[h:]) {
		return endpoint{}, false
	}
	suf := len(t.low) - h
	if id, ok := sc.x.makerState(t.text[:len(t.text)-suf]); ok {
		return endpoint{id: id, span: graph.Span{Start: t.start, End: t.end - suf}}, true
	}
	return endpoint{}, false
}

// splitMaker reads a maker word the tokenizer split at its hyphen, after
// a dotted name: "U.S." "-" "made" at k, the hyphen.
func (sc *scope) splitMaker(i, k int) (endpoint, bool) {
	if sc.toks[k].low != "-" || k-1 <= i || k+1 >= sc.s.to || !sc.x.lex.has(lcMakerSuffix, "-"+sc.toks[k+1].low) {
		return endpoint{}, false
	}
	p := &sc.toks[k-1]
	id, ok := sc.x.makerState(p.text)
	return endpoint{id: id, span: graph.Span{Start: p.start, End: p.end}}, ok
}

// makerState returns the state a word names as a maker: a country's name
// or demonym ("Swedish", "Turkish", "US").
func (x *Extractor) makerState(word string) (graph.ActorID, bool) {
	toks := tokenizeInto(nil, word, x.trie.table)
	ref, end, ok := x.trie.longest(toks, 0, len(toks))
	if !ok || end != len(toks) {
		return "", false
	}
	a, known := x.refActor(ref)
	if !known || a.Type != graph.Country {
		return "", false
	}
	return a.ID, true
}

// goodsBefore reports goods right before a recipient that opens an
// object-gapped relative clause: "the patrol boats that Ghana ordered",
// "the drones, which Russia bought".
func (sc *scope) goodsBefore(tgt []int, i int) bool {
	k := sc.ms[tgt[0]].from - 1
	if k > sc.s.from && sc.toks[k].low == "the" {
		k-- // "several that the Malian armed forces purchased"
	}
	if k < sc.s.from {
		return false
	}
	if w := sc.toks[k].low; w != "that" && w != "which" {
		// "the F-16s it bought from Y": no relative word, the buyer
		// and its verb right after the goods
		return len(tgt) == 1 && sc.toks[k].is(cGoods) && (sc.auxOnly(sc.ms[tgt[0]].to, i) || sc.progressiveOnly(sc.ms[tgt[0]].to, i))
	}
	if k-1 >= sc.s.from && sc.toks[k-1].low == "," {
		k--
	}
	return sc.goodsBetween(max(sc.s.from, k-relativeGoodsWindow), k)
}

// antecedentMaker finds the maker of the goods an object-gapped relative
// clause whose subject is tgt is said of: "Israeli-made loitering
// munitions, which Baku purchased", "the Turkish drones that Ethiopia
// bought" (a maker word, or a demonym right before the goods).
func (sc *scope) antecedentMaker(tgt []int) (endpoint, bool) {
	k := sc.ms[tgt[0]].from - 1
	if k > sc.s.from && sc.toks[k].low == "the" {
		k--
	}
	if k <= sc.s.from || sc.toks[k].low != "which" && sc.toks[k].low != "that" {
		return endpoint{}, false
	}
	lo := max(sc.s.from, k-relativeGoodsWindow-makerPhraseWindow)
	if e, at, ok := sc.goodsMakerWord(lo - 1); ok && at < k {
		return e, true
	}
	for j := lo; j < k; j++ {
		if mi, ok := sc.startAt(j); ok && sc.ms[mi].adj && sc.makerOfGoods(mi) {
			return sc.ends([]int{mi})[0], true
		}
	}
	return endpoint{}, false
}

// auxOnly reports only auxiliaries between from and to.
func (sc *scope) auxOnly(from, to int) bool {
	for k := from; k < to; k++ {
		if !sc.toks[k].is(cAux) {
			return false
		}
	}
	return true
}

// progressiveOnly reports auxiliaries and forms of "be" alone between
// from and a gerund at to: "the drones Tehran has been sending to Russia"
// (supplies round 16; not a passive participle: "the drones Russia was
// supplied" is no relative on a supplier).
func (sc *scope) progressiveOnly(from, to int) bool {
	if to >= sc.s.to || !strings.HasSuffix(sc.toks[to].low, "ing") || from == to {
		return false
	}
	for k := from; k < to; k++ {
		if !sc.toks[k].is(cAux | cBe) {
			return false
		}
	}
	return true
}

// makerBefore finds a maker word among the goods that are the subject of
// the passive supply verb at i: "Iranian-made drones were delivered".
func (sc *scope) makerBefore(i int) (endpoint, bool) {
	lo := max(sc.s.from, i-passiveGoodsWindow)
	for k := i - 1; k >= lo; k-- {
		if sc.toks[k].is(cClauseBreak) {
			lo = k + 1 // "BANGKOK (AP) - Russian-made jets supplied to": the maker after the dateline's dash
			break
		}
		if sc.toks[k].low == "," {
			break
		}
	}
	e, k, ok := sc.goodsMakerWord(lo - 1)
	return e, ok && k < i
}

// timeOnly reports a time phrase and nothing else in [from, to): "over
// the years", "last month", "in 2022" (class time-word, "over", "the",
// "past", numbers).
func (sc *scope) timeOnly(from, to int) bool {
	if from >= to {
		return false
	}
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if !t.in(lcTimeWord) && !startsDigit(t.text) && t.low != "over" && t.low != "the" && t.low != "past" {
			return false
		}
	}
	return true
}

// forGoodsAfterWindow: the words from a contract's other party to the goods it
// is for ("with Russia in October for S-400 air defence systems").
const forGoodsAfterWindow = 8

// contractGoodsWindow: the goods in the "of" phrase of a supply noun a contract
// is for ("for the delivery of the Barak MX air and missile defence
// system").
const contractGoodsWindow = 8

// forGoodsAfter reports goods after the supplier found at at, past a time
// phrase, or after "for": "received from Russia this year 30 T-72 tanks",
// "signed a contract with France for 42 Rafale fighters", "a contract with
// Russia in October for S-400 systems" (not "for closer cooperation").
func (sc *scope) forGoodsAfter(i, at int) bool {
	mi, ok := sc.startAt(at)
	if !ok {
		return false
	}
	end := sc.ms[sc.grp[sc.ms[mi].group][len(sc.grp[sc.ms[mi].group])-1]].to
	fromNext := at == i+2 || sc.timeOnly(i+1, at-1) // "has received over the years from Taipei"
	for k := end; k < sc.s.to && k < end+forGoodsAfterWindow; k++ {
		if sc.toks[k].low == "for" {
			if g := sc.supplyNounOf(k + 1); g > k+1 {
				return sc.goodsBetween(g, min(sc.s.to, g+contractGoodsWindow)) // "for the delivery of 26 Rafale jets"
			}
			return sc.goodsBetween(k+1, min(sc.s.to, k+1+forGoodsWindow))
		}
		if fromNext && k == end && sc.toks[k].low == "of" {
			return sc.goodsBetween(k+1, min(sc.s.to, k+1+winLongObject)) // "took delivery from Russia of several air defence systems"
		}
		if fromNext && !sc.toks[k-1].is(cPreposition) && (sc.amountAt(k) || sc.toks[k].is(cGoods) && !sc.toks[k].is(cGoodsModifier|cCommodity)) {
			return true // "received from Russia this year 30 T-72 tanks": the verb's "from" first
		}
		if sc.toks[k].is(cClauseBreak) && !sc.timePhrase(k) || sc.toks[k].low == "," {
			return false
		}
	}
	return false
}

// supplyNounOf returns where the goods of a supply noun and its "of"
// starting at k begin ("the delivery of", "the supply of", "the purchase
// of"), else k: a contract "for the delivery of 26 Rafale jets" is for
// the jets.
func (sc *scope) supplyNounOf(k int) int {
	j := k
	if j < sc.s.to && sc.toks[j].in(lcNounDeterminer) {
		j++
	}
	if j+1 >= sc.s.to || sc.toks[j+1].low != "of" {
		return k
	}
	if t, ok := sc.trigOf(&sc.toks[j]); ok && t.rel == graph.Supplies && sc.toks[j].low != "support" && sc.toks[j].low != "supplier" {
		return j + 2
	}
	return k
}

// contractGoodsNoun reports a supply noun at i that names the goods of a
// contract with a party after "with" or "from": "signed a contract with
// France for the delivery of 26 Rafale jets for its aircraft carriers"
// (the contract's frame reads who supplies whom; the noun alone would
// take the signer for the supplier).
func (sc *scope) contractGoodsNoun(i int) bool {
	k := i - 1
	if k > sc.s.from && sc.toks[k].in(lcNounDeterminer) {
		k--
	}
	if k <= sc.s.from || sc.toks[k].low != "for" || i+1 >= sc.s.to || sc.toks[i+1].low != "of" {
		return false
	}
	party := false
	for j := k - 1; j >= sc.s.from && j >= k-contractPartyWindow; j-- {
		t := &sc.toks[j]
		if t.is(cClauseBreak) || t.low == "," {
			return false
		}
		if t.low == "with" || t.low == "from" {
			party = true
		}
		if tr, ok := sc.trigOf(t); ok && tr.lemma == "contract" && tr.reverse {
			return party
		}
	}
	return false
}

// contractPartyWindow: the words between a contract noun and the "for" of
// its goods ("contract with the French company Dassault on Thursday
// for").
const contractPartyWindow = 10

// amountLead returns where an amount starts after the words of
// approximation at k ("about $1.45 billion", "more than 300 tanks", "up
// to 40 jets", "at least 12"), else k.
func (sc *scope) amountLead(k int) int {
	j := k
	for j < sc.s.to && j < k+amountLeadWords && sc.toks[j].in(lcAmountLead) {
		j++
	}
	return j
}

// amountLeadWords: the most words of approximation before an amount ("up
// to", "at least").
const amountLeadWords = 2

// buyerNounSubject finds who a buyer noun at i names: the subject of its
// copula or the name it is apposed to ("Algeria is one of the largest
// buyers of Russian arms", "India, the biggest importer of Russian
// weapons"). A possessor before the noun ("Hanwha's largest customer")
// names no buyer here.
func (sc *scope) buyerNounSubject(i int) []int {
	if y, _ := sc.supplierPossessor(i); y != nil {
		return nil
	}
	if (i+1 >= sc.s.to || sc.toks[i+1].low != "of") && !sc.goodsNoun(i-1) {
		return nil // "Ukraine remains a major customer": of what is not said
	}
	if _, at := sc.supplierOf(i, trig{from: "from"}); at > i && sc.commaBetween(i, at) {
		return nil // "India, the world's second-biggest arms importer, has diversified away from Russia"
	}
	return sc.supplierSubject(i, false)
}

// commaBetween reports a comma or a clause break between from and to.
func (sc *scope) commaBetween(from, to int) bool {
	for k := from; k < to && k < sc.s.to; k++ {
		if sc.toks[k].low == "," || sc.toks[k].is(cClauseBreak) {
			return true
		}
	}
	return false
}

// passiveBe returns where the participle of a relative's passive starts
// after the forms of "be" at k ("were", "had been", "have been"), else k.
func (sc *scope) passiveBe(k int) int {
	j := k
	if j < sc.s.to && sc.toks[j].is(cAux) && !sc.toks[j].is(cBe) {
		j++ // "had been"
	}
	if j < sc.s.to && sc.toks[j].is(cBe) {
		return j + 1
	}
	return k
}

// unnamedBuyer reports a buyer-side gerund at i right after a plural noun
// that refers to no actor: "countries buying major Russian weapons could
// face sanctions", "states acquiring Chinese drones" (the gerund modifies
// the noun, whose members no one names; class plural-ref). Not "the two
// countries buying", read as a reference to two states.
func (sc *scope) unnamedBuyer(i int, t trig) bool {
	if t.pos != verbGer || i-1 < sc.s.from || !sc.toks[i-1].is(cPluralRef) {
		return false
	}
	_, named := sc.endAt(i - 1)
	return !named
}

// buyerTopic reports a buyer tgt that is one state opening its sentence
// (past a dateline and "the") as its subject: the topic of the sentences
// after it, which may name its suppliers with no recipient of their own.
func (sc *scope) buyerTopic(tgt []int) bool {
	if len(tgt) != 1 {
		return false
	}
	m := &sc.ms[tgt[0]]
	start := dateline(sc.toks, sc.s.from, sc.s.to)
	if start < m.from && sc.toks[start].low == "the" {
		start++
	}
	if m.from != start || m.pron != "" || m.poss || m.adj {
		return false
	}
	a, ok := sc.x.actor(m.id)
	return ok && a.Type == graph.Country
}

// subjunctiveSupply reports a supply or buying verb at i in its bare
// form right after a singular subject that opens a "that" clause: the
// mandative subjunctive of a recommendation or demand ("the air force
// recommended that the government buy Swedish Gripen fighters", "urged
// that Germany send tanks"), a supply wished for, not told. A state's
// own "buys" or a modal's "would buy" are not bare forms here.
func (sc *scope) subjunctiveSupply(i int, t trig) bool {
	if t.pos != verbBase || strings.HasSuffix(sc.toks[i].low, "s") {
		return false
	}
	mi, ok := sc.endAt(i - 1)
	if !ok {
		return false
	}
	m := &sc.ms[mi]
	if m.from-1 < sc.s.from || sc.toks[m.from-1].low != "that" || len(sc.grp[m.group]) != 1 || m.poss || m.adj {
		return false
	}
	if m.pron != "" {
		return m.pron == "state" || m.pron == "body" // "that the government buy"
	}
	a, ok := sc.x.mentionActor(m)
	return ok && a.Type == graph.Country
}
