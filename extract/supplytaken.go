package extract

// This file reads where goods a supply participle names the supplier of
// end up, when the clause the participle qualifies tells it: an arrival
// ("six jets donated by Russia arrived in Serbia"), a landing or docking
// of goods given or carried ("vaccines gifted by Japan landed in Taipei",
// "a vessel carrying wheat donated by Russia docked in Mogadishu"), an
// induction into forces ("radars supplied by Japan were inducted into the
// Philippine Navy") or a receipt ("a shipment donated by China was
// received by the Solomon Islands police").

import (
	"strings"

	"geokg/graph"
)

// arrivalAfter finds the recipient of the goods a supply participle chain
// [lo, hi] qualifies, from the verb after the participle's agent in its
// clause (see the file's comment). A comma that opened the participle
// may close it ("vaccines, donated by Beijing, land in Managua").
func (sc *scope) arrivalAfter(lo, hi int, tr trig) []int {
	landed := sc.x.lex.has(lcGiftLemma, tr.lemma) || sc.carriedGoods(lo)
	aside := lo-1 >= sc.s.from && sc.toks[lo-1].low == ","
	for k := hi + 1; k < sc.s.to && k <= hi+supplyAgentWindow; k++ {
		t := &sc.toks[k]
		if t.low == "," && aside {
			aside = false
			continue
		}
		if t.is(cClauseBreak) || t.low == "," || t.low == "which" || t.low == "that" || t.low == "who" {
			return nil
		}
		if t.is(cArrivalVerb) && (landed || !t.in(lcCarryArrival)) {
			if g := sc.prepGroup(k, winAdverb, "in", "at"); g != nil {
				return g
			}
			if g := sc.prepGroup(k, winAdverb, "into", "for"); g != nil && t.in(lcCarryArrival) {
				return g // "medicines sent by the Uzbek government crossed the bridge into Afghanistan"
			}
			return sc.arrivalPlace(k)
		}
		if g, ok := sc.takenInto(k); ok {
			return g
		}
		if g := sc.reachedPlace(k); g != nil {
			return g // "the first four Leopard 2 tanks supplied by Poland have reached Ukraine"
		}
	}
	return nil
}

// reachedPlace returns the actor a verb of reaching at k takes right
// after it as its object (class reach-verb): goods that "have reached
// Ukraine" arrived there. Not "reached an agreement", nor "reached the
// front": no name follows at once.
func (sc *scope) reachedPlace(k int) []int {
	if !strings.HasPrefix(sc.toks[k].low, "reach") || !sc.x.lex.in("reach-verb", sc.toks[k].low) {
		return nil // the prefix first: every word of the class has it, and the lookup is skipped for all others
	}
	mi, ok := sc.startAt(k + 1)
	if !ok || sc.ms[mi].poss || sc.ms[mi].adj {
		return nil
	}
	return sc.grp[sc.ms[mi].group]
}

// carriedGoods reports a carry cue before the goods a participle at lo
// qualifies, in its clause: "a vessel carrying 25,000 tonnes of wheat
// donated by Russia" (the vessel lands or docks with them; "missiles
// supplied by Iran landed in Kyiv" is an attack).
func (sc *scope) carriedGoods(lo int) bool {
	_, ok := sc.carryCue(max(sc.s.from, lo-carryWindow), lo)
	return ok
}

// takenInto reads a verb at k that takes goods into a recipient's hands:
// a verb of using goods with "into" ("were inducted into the Sri Lanka
// Air Force", "commissioned into the navy of Ghana") or a buyer-side verb
// in the passive with "by" ("was received by the Royal Solomon Islands
// Police Force"). ok is false when k is no such verb.
func (sc *scope) takenInto(k int) ([]int, bool) {
	t := &sc.toks[k]
	if k+1 >= sc.s.to {
		return nil, false
	}
	if t.in(lcGoodsUser) && sc.toks[k+1].low == "into" {
		return sc.after(k + 1), true
	}
	if tr, ok := sc.trigOf(t); ok && tr.reverse && tr.pos == verbPast && sc.toks[k+1].low == "by" && k-1 > sc.s.from && sc.toks[k-1].is(cBe) {
		return sc.after(k + 1), true
	}
	return nil, false
}

// carrierFrom returns the states after "from" that name the vehicles
// ending at head: "relief flights from Qatar and Kuwait", "two planes from
// Jordan" (states only: "flights from Dubai airport" name none).
func (sc *scope) carrierFrom(head int) []int {
	var g []int
	for k := head; k > sc.s.from; {
		mi, ok := sc.endAt(k)
		if !ok || sc.ms[mi].poss {
			return nil
		}
		if a, ok := sc.x.mentionActor(&sc.ms[mi]); !ok || a.Type != graph.Country {
			return nil
		}
		g = append(g, mi)
		o := sc.ms[mi].from - 1
		switch {
		case o-1 > sc.s.from && sc.toks[o].low == "from" && sc.toks[o-1].in(lcCarrierNoun):
			return g
		case o > sc.s.from && (sc.toks[o].low == "and" || sc.toks[o].low == ","):
			k = o - 1
		default:
			return nil
		}
	}
	return nil
}

// reliefCargo reports a word of relief in the sentence (class
// relief-word: "relief", "humanitarian", "donated"): food or fuel on board
// vehicles are aid there ("a convoy of Jordanian trucks carrying food for
// flood victims, the first humanitarian shipment"), and trade elsewhere
// ("Russian tankers carrying oil docked in Havana").
func (sc *scope) reliefCargo() bool {
	for k := sc.s.from; k < sc.s.to; k++ {
		if sc.x.lex.in("relief-word", sc.toks[k].low) {
			return true
		}
	}
	return false
}

// routeFrom reports a "from X" that opens a route, "into" or "to" right
// after it: "tanker trucks carrying diesel crossed from Syria into
// Lebanon" (Syria is where they passed, no supplier).
func (sc *scope) routeFrom(g []int) bool {
	k := sc.ms[g[len(g)-1]].to
	return k < sc.s.to && (sc.toks[k].low == "into" || sc.toks[k].low == "to")
}

// reliefObject reports a word of relief (class relief-word) in the
// clause after a supply verb at i (brackets within), with no territory named in the
// sentence: "has pledged 1 billion yuan in emergency humanitarian
// assistance" (not "has donated coast guard vessels", nor "propped up
// the territory, ... sending humanitarian aid": the territory's).
func (sc *scope) reliefObject(i int) bool {
	relief := false
	for k := i + 1; k < sc.s.to && k <= i+recipientWindow && !relief; k++ {
		if t := &sc.toks[k]; t.is(cClauseBreak) && t.low != "(" && t.low != ")" {
			break // past an amount in brackets: "1 billion yuan (about US$137 million) in emergency humanitarian assistance"
		}
		relief = sc.toks[k].in(lcReliefWord)
	}
	if !relief {
		return false
	}
	for k := sc.s.from; k < sc.s.to; k++ {
		if sc.toks[k].in(lcTerritoryNoun) || sc.toks[k].in(lcTerritoryRef) {
			return false
		}
	}
	return true
}

// topicState returns the state an article is about when its headline and
// its dateline agree: a headline line (more than a dateline) naming the
// state of the dateline ("MYANMAR: Earthquake - Situation Report No. 3"
// over "YANGON, April 4"; the dateline read from the headline itself
// counts). Relief with no recipient told anywhere goes there
// (contextRecipient): the donors a humanitarian update lists. A story
// with no headline, or one datelined where donors meet ("PARIS" over
// "Donors pledge aid for Sudan"), has none.
func (x *Extractor) topicState(toks []token, st *articleState) graph.ActorID {
	d := x.datelineState(toks, st)
	if d == "" {
		return ""
	}
	e := 1
	for e < len(toks) && !toks[e].nl {
		e++
	}
	if dateline(toks, 0, e) >= e {
		return "" // the first line is the dateline: no headline
	}
	for k := 0; k < e; k++ {
		if x.stateAt(toks, k, e) == d {
			return d
		}
	}
	return ""
}
