package extract

import (
	"strings"

	"geokg/graph"
)

// relations reads the sentence's claims and triggers and returns its mentions.
func (sc *scope) relations(art graph.Article) []graph.Mention {
	if len(sc.ms) == 0 || sc.toks[sc.s.to-1].low == "?" {
		return nil // a question asserts nothing
	}
	sc.findClaims()
	for i := sc.s.from; i < sc.s.to; i++ {
		t, ok := triggers[sc.toks[i].low]
		switch {
		case ok && t.rel == graph.Accuses:
			sc.accuses(i, t)
		case ok && t.rel == graph.Denies:
			sc.denies(i, t)
		case ok && t.rel == graph.Supplies:
			sc.supplies(i, t)
		case ok && t.rel == graph.AlliesWith:
			sc.allies(i, t)
		case ok && t.rel == graph.Recognizes:
			sc.recognizes(i, t)
		default:
			sc.special(i)
		}
	}
	for k := range sc.out {
		sc.out[k].Article = art.ID
		sc.out[k].Date = art.Date
	}
	return sc.out
}

// findClaims marks what others assert: "X said (that) ...", "..., X said",
// "according to X, ...". A claim whose inner clause names a hostile act
// is also an accusation ("Ukraine says Russia was behind the attack").
func (sc *scope) findClaims() {
	for r := sc.s.from; r < sc.s.to; r++ {
		w := sc.toks[r].low
		if w == "according" && r+1 < sc.s.to && sc.toks[r+1].low == "to" {
			if g := sc.after(r + 1); g != nil {
				sc.claims = append(sc.claims, claim{from: sc.s.from, to: sc.s.to, by: sc.first(g)})
			}
			continue
		}
		if !reportingVerbs[w] || sc.toks[r].cap && r > sc.s.from || sc.inMention(r) {
			continue
		}
		if p := r - 1; p >= sc.s.from {
			pw := sc.toks[p].low
			if pw == "the" || pw == "a" || pw == "these" || pw == "those" || pw == "'s" || pw == "any" || pw == "such" || pw == "his" || pw == "its" || pw == "their" {
				continue
			}
			if t, ok := triggers[pw]; ok && t.rel == graph.Denies {
				continue
			}
			if mi, ok := sc.end[p]; ok && (sc.ms[mi].adj || sc.ms[mi].poss) {
				continue // "Israeli claims", "Moscow's claims": a noun
			}
		}
		subj := sc.subject(r, sc.s.from)
		if subj == nil {
			// "..., said Iranian officials"
			if g := sc.after(r); g != nil && r > sc.s.from && sc.toks[r-1].low == "," {
				sc.claims = append(sc.claims, claim{from: sc.s.from, to: r, by: sc.first(g)})
				continue
			}
			// "..., the officials said": an unnamed source
			if c := sc.lastComma(r); c > sc.s.from && sc.tailOnly(r+1) {
				sc.claims = append(sc.claims, claim{from: sc.s.from, to: c, unnamed: true})
			}
			continue
		}
		by := sc.first(subj)
		sf := sc.ms[subj[0]].from
		if p := sc.prevWord(sf); p > sc.s.from && sc.toks[p].low == "," && sc.tailOnly(r+1) {
			sc.claims = append(sc.claims, claim{from: sc.s.from, to: p, by: by})
			sc.rememberClaim(by, sc.s.from-1)
			continue
		}
		sc.claims = append(sc.claims, claim{from: r + 1, to: sc.s.to, by: by})
		if claimVerb(w) {
			sc.hostile(r+1, subj)
			sc.rememberClaim(by, r)
		}
	}
}

func claimVerb(w string) bool {
	switch w {
	case "said", "says", "say", "claimed", "claims", "claim", "alleged", "alleges", "charged", "charges",
		"insisted", "insists", "maintained", "asserted", "believes", "believed", "saying":
		return true
	}
	return false
}

// tailOnly reports whether only a date, adverbs or an addressee follow k
// to the end.
func (sc *scope) tailOnly(k int) bool {
	for ; k < sc.s.to; k++ {
		if mi, ok := sc.start[k]; ok {
			k = sc.ms[mi].to - 1
			continue
		}
		t := sc.toks[k]
		if !t.word || weekdays[t.low] || t.low == "on" || t.low == "in" || t.low == "last" || t.low == "today" ||
			t.low == "yesterday" || t.low == "here" || t.low == "week" || t.low == "later" || t.low == "earlier" ||
			t.low == "a" || t.low == "statement" || t.low == "the" || t.low == "reporters" || t.low == "told" || startsDigit(t.text) {
			continue
		}
		return false
	}
	return true
}

// hostile adds accusations for claims of hostile acts made by subj.
func (sc *scope) hostile(from int, subj []int) {
	for h := from; h < sc.s.to; h++ {
		if !hostileWords[sc.toks[h].low] {
			continue
		}
		if clauseBreaks[sc.toks[h].low] {
			return
		}
		y := sc.subject(h, from)
		if y == nil || sc.negated(sc.window(y, h), h, false) || !sc.adjacentSubject(y, h) {
			continue
		}
		sc.emit(graph.Accuses, subj, y, h, graph.Asserted, "", "")
		return
	}
}

// first returns the resolved id of a group's first member.
func (sc *scope) first(g []int) graph.ActorID {
	ids := sc.resolve(g[0])
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// claimAt returns the claim covering token i: a disputed claim first,
// else the innermost.
func (sc *scope) claimAt(i int) (claim, bool) {
	var best claim
	found := false
	for _, c := range sc.claims {
		if i < c.from || i >= c.to {
			continue
		}
		better := !found ||
			c.disputed != "" && best.disputed == "" ||
			(c.disputed != "") == (best.disputed != "") && c.from >= best.from
		if better {
			best, found = c, true
		}
	}
	return best, found
}

// claimObject looks right of a verb for the claim it rejects ("denied
// claims by X", "dismissed the allegations", "rejected US accusations",
// "denied that ...", "denied supplying"). It returns the claim noun's
// index (or the "that"/gerund), the named accuser and whether one was found.
func (sc *scope) claimObject(i int) (int, []int, bool) {
	var owner []int
	for k := i + 1; k < sc.s.to && k <= i+8; k++ {
		t := sc.toks[k]
		if mi, ok := sc.start[k]; ok {
			m := sc.ms[mi]
			if k == i+1 && (m.pron == "it" || m.pron == "them") {
				return k, nil, true // "denied it": the claim just made
			}
			if !m.poss && !m.adj && m.pron == "" && !sc.isModifierOfNext(m) {
				return 0, nil, false
			}
			owner = sc.grp[m.group]
			k = m.to - 1
			if k+1 < sc.s.to && sc.toks[k+1].low == "'s" {
				k++
			}
			continue
		}
		if claimNouns[t.low] {
			if by := sc.agent(k, 2); by != nil {
				owner = by
			}
			return k, owner, true
		}
		if k == i+1 && (t.low == "that" || t.low == "this" && !sc.toks[k+1].word || triggers[t.low].pos == verbGer && triggers[t.low].rel != "") {
			return k, nil, true
		}
		if k <= i+2 && (t.low == "any" || t.low == "having") {
			continue
		}
		switch t.low {
		case "the", "this", "these", "those", "a", "an", "as", "such", "\"", "'", "what", "it", "called",
			"so-called", "latest", "recent", "new", "earlier", "repeated", "baseless", "false", "unfounded",
			"groundless", "unacceptable", "absurd", "western", "media", "press", "news", "all", "any":
			continue
		}
		if !t.word {
			continue
		}
		if t.cap || !isAdjectiveLike(t.low) {
			return 0, nil, false
		}
	}
	return 0, nil, false
}

func isAdjectiveLike(w string) bool {
	n := len(w)
	return n > 4 && (w[n-2:] == "ed" || w[n-3:] == "ous" || w[n-3:] == "ive" || w[n-2:] == "al" || w[n-2:] == "ic" || w[n-3:] == "ful" || w[n-4:] == "less")
}

// isModifierOfNext: "US accusations" — a name right before a claim noun.
func (sc *scope) isModifierOfNext(m mention) bool {
	return m.to < sc.s.to && claimNouns[sc.toks[m.to].low]
}

// lastAccuser finds who last accused one of ids (or what they speak for).
func (sc *scope) lastAccuser(ids []graph.ActorID) graph.ActorID {
	for k := len(sc.st.accusers) - 1; k >= 0; k-- {
		a := sc.st.accusers[k]
		for _, id := range ids {
			if a[1] == id || sc.affiliated(a[1], id) {
				return a[0]
			}
		}
	}
	return ""
}

// affiliated reports whether a speaks for b or b for a.
func (sc *scope) affiliated(a, b graph.ActorID) bool {
	return a == b || sc.affOf(a) == b || sc.affOf(b) == a
}

func (sc *scope) affOf(id graph.ActorID) graph.ActorID {
	if e, ok := sc.x.actor(id); ok {
		return e.Affiliation
	}
	return sc.st.newPersons[id].Affiliation
}

func (sc *scope) accuses(i int, t trig) {
	if t.pos == noun {
		sc.accusationNoun(i, t)
		return
	}
	if _, _, ok := sc.claimObject(i); ok && t.lemma != "allege" && t.lemma != "accuse" {
		// "condemned as unacceptable allegations by X": a denial
		sc.denies(i, trig{rel: graph.Denies, lemma: t.lemma, pos: t.pos})
		return
	}
	if t.pos == verbPast && sc.passive(i) {
		src := sc.agent(i, 24)
		tgt := sc.subject(i, sc.s.from)
		if src != nil && tgt != nil {
			sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
			sc.nested(i, tgt, src)
		}
		return
	}
	src := sc.verbSubject(i)
	if src == nil {
		return
	}
	if lo := sc.window(src, i); sc.negated(lo, i, false) || sc.modal(lo, i) {
		return
	}
	allow := map[string]bool{"against": true, "by": true}
	switch t.lemma {
	case "blame":
		allow["on"] = true
	case "complain":
		allow = map[string]bool{"over": true, "about": true, "against": true}
	}
	var tgt []int
	if t.lemma == "allege" {
		// "X alleged that Y ...": Y is the that-clause's subject
		for k := i + 1; k < sc.s.to && k <= i+2; k++ {
			if sc.toks[k].low == "that" {
				if g := sc.after(k); g != nil && sc.eligible(sc.ms[g[0]].group) {
					tgt = g
				}
				break
			}
		}
		if tgt == nil {
			tgt = sc.after(i)
		}
	} else {
		tgt, _ = sc.object(i, 10, allow, false)
	}
	if tgt == nil {
		tgt = sc.actOf(i) // "condemned the transfer of Iranian missiles": the supplier
	}
	if tgt == nil {
		tgt = sc.movedBy(src) // "..., a move Israel condemned": the main clause's subject
	}
	if tgt == nil {
		if ends := sc.lastSupplier(i); ends != nil {
			sc.emitEnds(graph.Accuses, sc.ends(src), ends, i, graph.Asserted, "", "")
		}
		return
	}
	sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
	sc.nested(i, tgt, src)
}

// actOf finds who did the act a condemnation names: "condemned the
// transfer of Iranian missiles", "denounced the delivery by X".
func (sc *scope) actOf(i int) []int {
	for k := i + 1; k < sc.s.to && k <= i+4; k++ {
		t, ok := triggers[sc.toks[k].low]
		if ok && t.rel == graph.Supplies && t.pos == noun {
			if g := sc.agent(k, 3); g != nil {
				return g
			}
			return sc.goodsMaker(k)
		}
		if !sc.toks[k].word || beForms[sc.toks[k].low] {
			return nil
		}
	}
	return nil
}

// lastSupplier resolves "condemned the transfer" with nothing else named:
// the supplier of the article's last supply.
func (sc *scope) lastSupplier(i int) []endpoint {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "the" {
		return nil
	}
	t, ok := triggers[sc.toks[i+2].low]
	if !ok || t.rel != graph.Supplies || t.pos != noun || sc.st.lastSupplier == "" {
		return nil
	}
	if n := i + 3; n < sc.s.to && (sc.toks[n].low == "of" || sc.toks[n].low == "to" || sc.toks[n].low == "by") {
		return nil
	}
	return []endpoint{{id: sc.st.lastSupplier, span: graph.Span{Start: sc.toks[i+2].start, End: sc.toks[i+2].end}}}
}

// movedBy reads ", a move X condemned" after a clause: it returns that
// clause's subject when src is the subject of such a relative clause.
func (sc *scope) movedBy(src []int) []int {
	p := sc.prevWord(sc.ms[src[0]].from)
	if p <= sc.s.from {
		return nil
	}
	switch sc.toks[p].low {
	case "move", "decision", "step", "plan", "deal", "action", "measure", "policy":
	default:
		return nil
	}
	for g := range sc.grp {
		first := sc.ms[sc.grp[g][0]].from
		if first >= p {
			break
		}
		if sc.eligible(g) && sc.ms[sc.grp[g][0]].pron == "" {
			return sc.grp[g]
		}
	}
	return nil
}

// nested handles "accused X of supplying Y": the gerund's source is X,
// claimed by the accuser.
func (sc *scope) nested(i int, accused, accuser []int) {
	for k := i + 1; k < sc.s.to-1 && k < i+16; k++ {
		if sc.toks[k].low == "of" || sc.toks[k].low == "for" {
			if t, ok := triggers[sc.toks[k+1].low]; ok && t.pos == verbGer && t.rel != graph.Accuses {
				sc.overrides[k+1] = override{src: accused, by: sc.first(accuser)}
			}
			return
		}
		if clauseBreaks[sc.toks[k].low] {
			return
		}
	}
}

func (sc *scope) accusationNoun(i int, t trig) {
	src := sc.agent(i, 2)
	if src == nil {
		src = sc.modifierBefore(i)
	}
	if src == nil {
		// "made/levelled accusations": the subject of the verb before the noun
		for k := i - 1; k >= sc.s.from && k >= i-4; k-- {
			switch sc.toks[k].low {
			case "made", "make", "makes", "levelled", "leveled", "issued", "repeated", "renewed", "voiced", "lodged", "filed", "brought":
				src = sc.subject(k, sc.s.from)
			}
		}
	}
	if src == nil {
		return
	}
	var tgt []int
	if t.claim {
		tgt = sc.prepGroup(i, 6, "against")
		if tgt == nil {
			for k := i + 1; k < sc.s.to && k < i+6; k++ {
				if sc.toks[k].low == "that" {
					tgt, _ = sc.object(k, 4, nil, false)
					break
				}
			}
		}
	} else {
		tgt = sc.prepGroup(i, 4, "of", "against")
	}
	if tgt == nil || sc.negated(sc.window(src, i), i, false) {
		return
	}
	sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
}

func (sc *scope) denies(i int, t trig) {
	if t.pos == noun {
		return
	}
	if t.pos == verbPast && sc.passive(i) {
		sc.deniedBy(i)
		return
	}
	k, owner, ok := sc.claimObject(i)
	bare := false
	if !ok && i+1 < sc.s.to {
		// a bare "X denies" at the end of a headline or clause
		if n := sc.toks[i+1]; !(n.low == "." || n.low == "," || i+1 == sc.s.to-1 && !n.word) {
			return
		}
		k, bare = i, true
	} else if !ok {
		k, bare = i, true
	}
	src := sc.verbSubject(i)
	if src == nil || sc.negated(sc.window(src, i), i, false) {
		return
	}
	if bare && t.lemma != "deny" {
		// "..., a charge Yerevan rejected" but not "..., an idea X rejected"
		p := sc.prevWord(sc.ms[src[0]].from)
		if p < sc.s.from || !claimNouns[sc.toks[p].low] && !triggers[sc.toks[p].low].claim {
			return
		}
	}
	denier := sc.first(src)
	var accuser graph.ActorID
	if owner != nil {
		accuser = sc.first(owner)
	} else if by := sc.claimBefore(i, denier); by != "" {
		// "X alleged that ..., a claim Y denied"
		accuser = by
	} else {
		ids := sc.ids(src)
		accuser = sc.lastAccuser(ids)
		if accuser != "" {
			// the article named the accuser earlier: the denial answers it
			owner = nil
		}
	}
	if accuser != "" && !sc.affiliated(accuser, denier) {
		if owner != nil {
			sc.emit(graph.Denies, src, owner, i, graph.Asserted, "", "")
		} else {
			sc.emitIDs(graph.Denies, src, []graph.ActorID{accuser}, i, graph.Asserted, "", "")
		}
	}
	sc.claims = append(sc.claims, claim{from: k, to: sc.s.to, by: accuser, disputed: denier})
	// the claim names who is accused: "claims by X that Y ..." -> X accuses Y
	if owner != nil && k < sc.s.to {
		for j := k + 1; j < sc.s.to && j < k+4; j++ {
			if sc.toks[j].low == "that" {
				if y, _ := sc.object(j, 5, nil, false); y != nil {
					sc.emit(graph.Accuses, owner, y, k, graph.Asserted, "", "")
				}
				break
			}
		}
	}
	// "denied supplying ...": the gerund's source is the denier
	if k == i+1 {
		if g, ok := triggers[sc.toks[k].low]; ok && g.pos == verbGer {
			sc.overrides[k] = override{src: src, by: accuser}
		}
	}
}

func (sc *scope) supplies(i int, t trig) {
	w := sc.toks[i].low
	if w == "supplies" || w == "supply" {
		// a noun after a determiner or adjective: "medical supplies", "the supply of"
		t = trig{rel: graph.Supplies, lemma: "supply", pos: verbBase}
		if p := i - 1; p >= sc.s.from {
			mi, isEnd := sc.end[p]
			verb := isEnd && !sc.ms[mi].poss && !sc.ms[mi].adj || isVerbContext(sc.toks[p].low) || auxWords[sc.toks[p].low]
			if !verb {
				t = trig{rel: graph.Supplies, lemma: "delivery", pos: noun}
			}
		}
	}
	if t.lemma == "supplier" {
		sc.supplier(i)
		return
	}
	if t.pos == noun {
		sc.supplyNoun(i, t)
		return
	}
	var src, tgt []int
	status := graph.Asserted
	ov, hasOv := sc.overrides[i]
	switch {
	case hasOv:
		src = ov.src
	case t.reverse:
		tgt = sc.verbSubject(i)
		src = sc.fromSource(i)
		if tgt == nil || src == nil || !sc.goodsBetween(i+1, sc.ms[src[0]].from) {
			return
		}
		if sc.negated(sc.window(tgt, i), i, true) {
			return
		}
		sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(tgt, i, t), "", "")
		return
	case t.pos == verbPast && sc.passive(i):
		src = sc.agent(i, 12)
		if src == nil {
			return
		}
		tgt = sc.prepGroup(i, 12, "to")
		if tgt == nil && i > 0 {
			if subj := sc.subject(i, sc.s.from); subj != nil && !sc.goodsBetween(sc.ms[subj[0]].from, i) {
				tgt = subj
			}
		}
		if tgt == nil {
			return
		}
		sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(src, i, t), "", "")
		return
	default:
		src = sc.verbSubject(i)
	}
	if src == nil {
		return
	}
	if !hasOv && sc.negated(sc.window(src, i), i, true) {
		return
	}
	if t.lemma == "promise" || t.lemma == "pledge" {
		status = graph.Promised
	} else {
		status = sc.supplyStatus(src, i, t)
	}
	tgt = sc.supplyTarget(i, t)
	if tgt == nil {
		return
	}
	by := graph.ActorID("")
	if hasOv {
		by = ov.by
	}
	sc.emit(graph.Supplies, src, tgt, i, status, by, "")
}

func isVerbContext(w string) bool {
	switch w {
	case "also", "still", "which", "who", "that", "now", "reportedly", "allegedly", "continues", "to", "and":
		return true
	}
	return false
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
	if g := sc.after(i); g != nil {
		last := sc.ms[g[len(g)-1]]
		if !last.poss {
			if !t.goods || sc.goodsBetween(last.to, min(sc.s.to, last.to+6)) {
				return g
			}
		}
	}
	limit := min(sc.s.to, i+14)
	for k := i + 1; k < limit; k++ {
		w := sc.toks[k].low
		if w == "to" && k+2 < sc.s.to && (sc.toks[k+1].low == "help" || sc.toks[k+1].low == "support" || sc.toks[k+1].low == "assist") && sc.goodsBetween(i+1, k) {
			if g := sc.after(k + 1); g != nil {
				return g
			}
		}
		if (w == "to" || w == "for" && sc.goodsBetween(i+1, k)) && k+1 < sc.s.to {
			if g := sc.after(k); g != nil && sc.ms[g[len(g)-1]].poss == false {
				if !t.goods || sc.goodsBetween(i+1, k) {
					return g
				}
				return nil
			}
		}
		if clauseBreaks[w] || w == "which" || w == "who" || w == "that" || w == "by" {
			return nil
		}
	}
	return nil
}

func (sc *scope) goodsBetween(from, to int) bool {
	for k := from; k < to && k < sc.s.to; k++ {
		w := sc.toks[k].low
		if goodsWords[w] && !goodsNeedModifier[w] {
			return true
		}
		if goodsNeedModifier[w] && k > from {
			switch sc.toks[k-1].low {
			case "military", "financial", "economic", "humanitarian", "lethal", "technical", "defence", "defense", "direct", "air", "aid":
				return true
			}
		}
		if w == "military" && k+1 < sc.s.to && (sc.toks[k+1].low == "support" || sc.toks[k+1].low == "equipment" || sc.toks[k+1].low == "aid" || sc.toks[k+1].low == "assistance") {
			return true
		}
	}
	return false
}

// supplyNoun reads "deliveries of tanks to Ukraine by Germany", "Russian aid
// to Syria", "Germany's arms exports to Israel".
func (sc *scope) supplyNoun(i int, t trig) {
	tgt := sc.nounTarget(i)
	if tgt == nil {
		return
	}
	if t.lemma == "delivery" && !sc.goodsBetween(max(sc.s.from, i-3), sc.ms[tgt[0]].from) && sc.toks[i].low != "aid" && sc.toks[i].low != "assistance" {
		return
	}
	src := sc.agent(i, 12)
	if src == nil {
		src = sc.modifierBefore(i)
	}
	if src == nil {
		src = sc.goodsMaker(i) // "the transfer of Iranian missiles to Russia"
	}
	if src == nil {
		for k := i - 1; k >= sc.s.from && k >= i-4; k-- {
			if tt, ok := triggers[sc.toks[k].low]; ok && tt.rel == graph.Supplies && tt.pos != noun {
				return // the verb's frame reads it
			}
		}
		// the governing verb's subject: "X continued its military aid to Y";
		// not inside a prepositional phrase ("an investigation of arms sales to Y")
		k := i - 1
		for k >= sc.s.from && !provisionVerbs[sc.toks[k].low] && (goodsWords[sc.toks[k].low] || isAdjectiveLike(sc.toks[k].low) || strings.Contains(sc.toks[k].low, "-") ||
			sc.toks[k].low == "the" || sc.toks[k].low == "its" || sc.toks[k].low == "their" || sc.toks[k].low == "a" ||
			sc.toks[k].low == "more" || sc.toks[k].low == "further" || sc.toks[k].low == "new" || sc.toks[k].low == "illegal" ||
			sc.toks[k].low == "future" || startsDigit(sc.toks[k].text)) {
			if _, ok := sc.end[k]; ok {
				break
			}
			k--
		}
		if k < sc.s.from || !provisionVerbs[sc.toks[k].low] {
			return
		}
		src = sc.subject(i, sc.s.from)
		if src == nil {
			return
		}
	}
	if sc.negated(sc.window(src, i), i, true) {
		return
	}
	sc.emit(graph.Supplies, src, tgt, i, sc.supplyStatus(src, i, t), "", "")
}

var allyAdjectives = setOf("closest", "close", "key", "staunch", "staunchest", "few", "international", "main",
	"only", "strongest", "oldest", "traditional", "regional", "strategic", "major", "important", "most",
	"loyal", "firm", "last", "longtime", "long-time", "trusted", "military", "top", "chief", "biggest",
	"principal", "remaining", "new", "old", "steadfast", "reliable", "great", "fellow")

func (sc *scope) allies(i int, t trig) {
	w := sc.toks[i].low
	if t.pos == verbPast || t.pos == verbBase || t.pos == verbGer {
		// "X allied itself with Y", "allied forces" is no relation
		y := sc.prepGroup(i, 4, "with")
		x := sc.verbSubject(i)
		if y != nil && x != nil && !sc.negated(sc.window(x, i), i, true) {
			sc.emit(graph.AlliesWith, x, y, i, sc.allyStatus(x, i), "", "")
		}
		return
	}
	if i+1 < sc.s.to && (sc.toks[i+1].low == "'s" || sc.toks[i+1].low == "'") {
		return // "the alliance's border": a possessor, not a relation
	}
	if w == "alliance" || w == "alliances" {
		if g := sc.prepGroup(i, 3, "between"); g != nil && len(g) >= 2 {
			sc.emit(graph.AlliesWith, g[:1], g[1:], i, graph.Asserted, "", "")
			return
		}
		y := sc.prepGroup(i, 2, "with")
		x := sc.modifierBefore(i)
		if x == nil {
			x = sc.subject(i, sc.s.from)
		}
		if x != nil && y != nil && !sc.negated(sc.window(x, i), i, false) {
			sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	// ally / allies
	var y []int
	k := i - 1
	for k >= sc.s.from && k > i-4 && !sc.toks[k].cap && sc.toks[k].word && (allyAdjectives[sc.toks[k].low] || adjectiveSuffix(sc.toks[k].low)) {
		if _, ok := sc.end[k]; ok {
			break
		}
		k--
	}
	if mi, ok := sc.end[k]; ok && k >= sc.s.from {
		y = sc.grp[sc.ms[mi].group]
	} else if k >= sc.s.from && sc.toks[k].low == "'s" {
		if mi, ok := sc.end[k-1]; ok {
			y = sc.grp[sc.ms[mi].group]
		}
	}
	if y == nil {
		if g := sc.prepGroup(i, 2, "of"); g != nil {
			y = g
		}
	}
	var x []int
	if y != nil {
		x = sc.after(i) // "its ally Moscow", "Iran's ally Hezbollah"
	}
	if x == nil {
		from := i
		if y != nil && sc.ms[y[0]].from < i {
			from = sc.ms[y[0]].from
		}
		x = sc.subject(from, sc.s.from)
	}
	if y != nil && x != nil && sc.first(x) == sc.first(y) {
		x = nil
	}
	if y == nil && x != nil && sc.copulaBetween(x, i) {
		if ends := sc.ends(x); len(ends) >= 2 && !sc.negated(sc.window(x, i), i, false) {
			sc.pairwise(ends, i)
		}
		return
	}
	if x == nil || y == nil {
		return
	}
	if sc.negated(sc.window(x, i), i, false) || !sc.copulaOrApposition(x, i) {
		return
	}
	sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
}

// copulaBetween reports "X and Y are (close) allies", "X and Y, longtime
// allies,", "describe each other as allies".
func (sc *scope) copulaBetween(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe < sc.s.to && sc.toks[xe].low == "," && i-xe <= 3 {
		return true
	}
	for k := xe; k < i; k++ {
		switch sc.toks[k].low {
		case "are", "were", "remain", "remained", "became", "become", "been", "being", "as", "other":
			return true
		}
	}
	return false
}

// copulaOrApposition: "X is one of Y's allies", "X, a key Y ally,", "X
// remains Y's ally", "Y's ally X".
func (sc *scope) copulaOrApposition(x []int, i int) bool {
	xe := sc.ms[x[len(x)-1]].to
	if xe > i {
		return true // "Y's ally X"
	}
	for k := xe; k < i; k++ {
		switch sc.toks[k].low {
		case "is", "are", "was", "were", "remains", "remain", "remained", "became", "becomes", "as", ",", "be", "been", "one", "its":
			return true
		}
	}
	return false
}

func (sc *scope) allyStatus(x []int, i int) graph.Status {
	return graph.Asserted
}

func (sc *scope) recognizes(i int, t trig) {
	if t.pos == noun {
		y := sc.prepGroup(i, 6, "of")
		x := sc.agent(i, 10)
		if x != nil && y == nil {
			y = sc.modifierBefore(i) // "Northern Cyprus's recognition by Turkey"
		}
		if x == nil {
			x = sc.modifierBefore(i)
		}
		if y == nil && sc.wordWithin(i-3, 3, "switched", "switch", "switches", "shifted", "transferred", "moved") {
			// "switched diplomatic recognition from Taipei to Beijing"
			y = sc.prepGroup(i, 8, "to")
			x = sc.subject(i, sc.s.from)
		}
		if x == nil || y == nil || sc.negated(max(sc.s.from, i-5), i, true) {
			return
		}
		sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		return
	}
	if t.pos == verbPast && sc.passive(i) {
		x := sc.agent(i, 10)
		y := sc.subject(i, sc.s.from)
		if y == nil {
			y = sc.possBefore(i) // "Kosovo's independence has been recognised by ..."
		}
		if x != nil && y != nil && !sc.negated(sc.window(y, i), i, true) {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	x := sc.verbSubject(i)
	if x == nil {
		// "Only 12 countries recognise Taiwan, among them Paraguay and Guatemala"
		x = sc.namedAmong(i)
		if x == nil {
			return
		}
		lo := max(sc.s.from, i-4)
		if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
			return
		}
		if y := sc.after(i); y != nil {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		}
		return
	}
	lo := sc.window(x, i)
	if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
		return
	}
	y, _ := sc.object(i, 12, map[string]bool{"of": true}, false)
	if y == nil {
		return
	}
	sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
}

// namedAmong finds the actors a plural subject is made of, named after
// the clause: ", among them A and B", ", including A", ", such as A".
func (sc *scope) namedAmong(i int) []int {
	for k := i + 1; k < sc.s.to-1 && k < i+12; k++ {
		w := sc.toks[k].low
		if w == "including" || w == "notably" || w == "among" && sc.toks[k+1].low == "them" || w == "such" && sc.toks[k+1].low == "as" {
			j := k
			if w == "among" || w == "such" {
				j++
			}
			if g := sc.after(j); g != nil {
				return g
			}
			return nil
		}
		if clauseBreaks[w] {
			return nil
		}
	}
	return nil
}

// willOnly: "will recognise" is an intention, not a recognition.
func (sc *scope) willOnly(lo, i int) bool {
	for k := lo; k < i; k++ {
		switch sc.toks[k].low {
		case "will", "would", "'ll", "shall", "to":
			if sc.toks[k].low == "to" && k > lo && (sc.toks[k-1].low == "have" || sc.toks[k-1].low == "first" || sc.toks[k-1].low == "country" || sc.toks[k-1].low == "state" || sc.toks[k-1].low == "nation" || sc.toks[k-1].low == "government") {
				continue
			}
			if sc.toks[k].low == "to" && k+1 < i && sc.toks[k+1].low == "have" {
				continue
			}
			return true
		}
	}
	return false
}

// special reads multi-word triggers: "established diplomatic relations
// with", "joined NATO", "signed a defence pact with", "joint military
// exercises", "evidence against", "lodged a protest with".
func (sc *scope) special(i int) {
	w := sc.toks[i].low
	switch w {
	case "established", "establish", "establishes", "establishing":
		if !sc.wordWithin(i+1, 3, "diplomatic") {
			return
		}
		x := sc.verbSubject(i)
		if x == nil {
			return
		}
		lo := sc.window(x, i)
		if sc.negated(lo, i, true) || sc.willOnly(lo, i) {
			return
		}
		y := sc.prepGroup(i, 8, "with")
		if y == nil && sc.wordWithin(i+1, 5, "with") {
			// "established diplomatic ties with, and opened an embassy in, Tehran"
			y, _ = sc.object(i, 14, map[string]bool{"in": true, "with": true}, false)
		}
		if y != nil {
			sc.emit(graph.Recognizes, x, y, i, graph.Asserted, "", "")
		} else if ends := sc.ends(x); len(ends) == 2 {
			sc.emitEnds(graph.Recognizes, ends[:1], ends[1:], i, graph.Asserted, "", "")
			sc.emitEnds(graph.Recognizes, ends[1:], ends[:1], i, graph.Asserted, "", "")
		}
	case "joined", "join", "joins", "joining":
		y := sc.after(i)
		x := sc.subject(i, sc.s.from)
		if x == nil || y == nil || sc.negated(sc.window(x, i), i, true) {
			return
		}
		for _, m := range y {
			if sc.ms[m].id == "org:nato" {
				sc.emit(graph.AlliesWith, x, []int{m}, i, graph.Asserted, "", "")
			}
		}
	case "other":
		// "A and B agreed to come to each other's aid / defence"
		if i > sc.s.from && sc.toks[i-1].low == "each" && i+2 < sc.s.to && sc.toks[i+1].low == "'s" {
			switch sc.toks[i+2].low {
			case "aid", "defence", "defense", "assistance", "help", "rescue":
				x := sc.verbSubject(i - 1)
				if x != nil && !sc.negated(sc.window(x, i), i, true) {
					sc.pairwise(sc.ends(x), i)
				}
			}
		}
	case "member", "members":
		// "became the 32nd member of NATO"
		y := sc.prepGroup(i, 2, "of")
		x := sc.subject(i, sc.s.from)
		if x == nil || y == nil || !sc.copulaOrApposition(x, i) || sc.negated(sc.window(x, i), i, true) {
			return
		}
		for _, m := range y {
			if sc.ms[m].id == "org:nato" {
				sc.emit(graph.AlliesWith, x, []int{m}, i, graph.Asserted, "", "")
			}
		}
	case "pact", "treaty", "exercises", "drills", "games", "manoeuvres", "maneuvers", "agreement", "accord":
		if !sc.wordWithin(i-3, 3, "defence", "defense", "military", "mutual", "security", "joint", "war", "naval") {
			return
		}
		if (w == "pact" || w == "treaty" || w == "agreement" || w == "accord") && !sc.wordWithin(i-3, 3, "defence", "defense", "military", "mutual", "security") {
			return
		}
		if g := sc.prepGroup(i, 3, "between"); g != nil {
			sc.pairwise(sc.ends(g), i) // "the Mutual Defense Treaty between A and B"
			return
		}
		x := sc.verbSubject(i)
		if x == nil || sc.negated(sc.window(x, i), i, true) {
			return
		}
		if y := sc.prepGroup(i, 6, "with"); y != nil {
			sc.emit(graph.AlliesWith, x, y, i, graph.Asserted, "", "")
		} else {
			sc.pairwise(sc.ends(x), i) // "A and B signed a mutual defence pact"
		}
	case "evidence", "complaint", "complaints", "case", "lawsuit", "protest", "protests":
		y := sc.prepGroup(i, 3, "against")
		if y == nil && (w == "protest" || w == "protests") {
			y = sc.prepGroup(i, 2, "with")
		}
		if y == nil {
			return
		}
		x := sc.agent(i, 12)
		if x == nil {
			x = sc.subject(i, sc.s.from)
		}
		if x != nil && !sc.negated(sc.window(x, i), i, false) {
			sc.emit(graph.Accuses, x, y, i, graph.Asserted, "", "")
		}
	}
}

func (sc *scope) wordWithin(from, n int, words ...string) bool {
	for k := max(from, sc.s.from); k < from+n && k < sc.s.to; k++ {
		for _, w := range words {
			if sc.toks[k].low == w {
				return true
			}
		}
	}
	return false
}

// inMention reports whether token k lies inside a mention.
func (sc *scope) inMention(k int) bool {
	for _, m := range sc.ms {
		if k >= m.from && k < m.to {
			return true
		}
	}
	return false
}

// clauseEnd returns the first clause break after k, or the sentence end.
func (sc *scope) clauseEnd(k int) int {
	for ; k < sc.s.to; k++ {
		if clauseBreaks[sc.toks[k].low] {
			return k
		}
	}
	return sc.s.to
}

// modal reports a hypothetical: could, might, may, or would in a sentence
// with a condition.
func (sc *scope) modal(lo, i int) bool {
	cond := false
	for k := sc.s.from; k < sc.s.to; k++ {
		if w := sc.toks[k].low; w == "if" || w == "unless" {
			cond = true
		}
	}
	for k := lo; k < i; k++ {
		switch sc.toks[k].low {
		case "could", "might", "may":
			return true
		case "would", "should":
			if cond {
				return true
			}
		}
	}
	return false
}

// deniedBy reads a passive denial: "Accusations by Kyiv that ... were
// denied by Russian officials".
func (sc *scope) deniedBy(i int) {
	denier := sc.agent(i, 4)
	if denier == nil {
		return
	}
	for k := i - 1; k >= sc.s.from; k-- {
		if !claimNouns[sc.toks[k].low] {
			continue
		}
		owner := sc.agent(k, 2)
		if owner == nil {
			owner = sc.modifierBefore(k)
		}
		if owner == nil {
			return
		}
		sc.emit(graph.Denies, denier, owner, i, graph.Asserted, "", "")
		sc.claims = append(sc.claims, claim{from: k, to: i, by: sc.first(owner), disputed: sc.first(denier)})
		return
	}
}

// lastComma returns the comma before r that sets off a trailing
// attribution (at most five words before), or -1.
func (sc *scope) lastComma(r int) int {
	for k := r - 1; k >= sc.s.from && k >= r-6; k-- {
		if sc.toks[k].low == "," {
			return k
		}
		if !sc.toks[k].word {
			return -1
		}
	}
	return -1
}

// hearsay reports "reportedly", "allegedly", "was reported to have",
// "is said to have", "is believed to have" before the trigger at i.
func (sc *scope) hearsay(i int) bool {
	for k := max(sc.s.from, i-6); k < i; k++ {
		switch sc.toks[k].low {
		case "reportedly", "allegedly", "purportedly", "supposedly", "suspected":
			return true
		case "reported", "said", "believed", "alleged", "thought", "rumoured", "rumored":
			if k+1 < i && sc.toks[k+1].low == "to" && k > sc.s.from && beForms[sc.toks[k-1].low] {
				return true
			}
		}
	}
	return false
}

// nounTarget finds "to X" or "for X" right after a supply noun and its
// "of GOODS" complement: "deliveries of tanks to Ukraine".
func (sc *scope) nounTarget(i int) []int {
	for k := i + 1; k < sc.s.to && k < i+7; k++ {
		w := sc.toks[k].low
		if w == "to" || w == "for" {
			return sc.after(k)
		}
		if _, ok := sc.start[k]; ok || !sc.toks[k].word || w == "and" || w == "by" || beForms[w] {
			return nil
		}
	}
	return nil
}

// adjacentSubject reports whether only auxiliaries and adverbs stand
// between the subject y and the verb at h ("Russia was behind", "Israel
// had attacked"), so a reduced relative ("rockets fired at") is no claim
// about y.
func (sc *scope) adjacentSubject(y []int, h int) bool {
	for k := sc.ms[y[len(y)-1]].to; k < h; k++ {
		w := sc.toks[k].low
		if !(auxWords[w] || beForms[w] || strings.HasSuffix(w, "ly") || w == "been" || w == "directly") {
			return false
		}
	}
	return true
}

// possBefore finds a possessive actor earlier in the clause: "Kosovo's
// independence has been recognised".
func (sc *scope) possBefore(i int) []int {
	for k := i - 1; k >= sc.s.from; k-- {
		if clauseBreaks[sc.toks[k].low] {
			return nil
		}
		if mi, ok := sc.end[k]; ok && sc.ms[mi].poss {
			return sc.grp[sc.ms[mi].group]
		}
	}
	return nil
}

// claimBefore returns who makes a claim earlier in the sentence than i,
// other than the denier.
func (sc *scope) claimBefore(i int, denier graph.ActorID) graph.ActorID {
	for k := len(sc.claims) - 1; k >= 0; k-- {
		c := sc.claims[k]
		if c.by != "" && c.disputed == "" && c.from <= i && !sc.affiliated(c.by, denier) {
			return c.by
		}
	}
	return ""
}

// rememberClaim records, for a denial that follows, that by made a claim
// about the first actor after token r.
func (sc *scope) rememberClaim(by graph.ActorID, r int) {
	y, _ := sc.object(r, 10, nil, true)
	if y == nil || by == "" {
		return
	}
	for _, id := range sc.ids(y) {
		if !sc.affiliated(id, by) {
			sc.st.accusers = append(sc.st.accusers, [2]graph.ActorID{by, id})
		}
	}
}

// supplier reads "X is Y's main arms supplier", "X, Y's biggest supplier
// of weapons,".
func (sc *scope) supplier(i int) {
	var y []int
	for k := i - 1; k >= sc.s.from && k > i-6; k-- {
		if mi, ok := sc.end[k]; ok {
			if sc.ms[mi].poss {
				y = sc.grp[sc.ms[mi].group]
			}
			break
		}
		if !sc.toks[k].word || sc.toks[k].cap || beForms[sc.toks[k].low] {
			break
		}
	}
	if y == nil {
		return
	}
	x := sc.subject(sc.ms[y[0]].from, sc.s.from)
	if x == nil || !sc.copulaOrApposition(x, sc.ms[y[0]].from) || sc.negated(sc.window(x, i), i, false) {
		return
	}
	sc.emit(graph.Supplies, x, y, i, graph.Asserted, "", "")
}

// provisionVerbs govern a supply noun whose supplier is their subject:
// "X approved $8 billion in military aid to Y", "X resumed arms sales to Y".
var provisionVerbs = setOf("approved", "approve", "approves", "announced", "announce", "announces",
	"continued", "continue", "continues", "resumed", "resume", "resumes", "increased", "increase",
	"stepped", "boosted", "boost", "authorized", "authorised", "authorize", "authorise", "completed",
	"completes", "made", "makes", "began", "begin", "begins", "started", "start", "starts", "expanded",
	"finalised", "finalized", "unveiled", "unveils", "signed", "signs", "cleared", "clears", "extended",
	"extends", "doubled", "tripled", "up", "allocated", "earmarked", "mobilised", "mobilized")

// goodsMaker finds the supplier named by a demonym on the goods after a
// supply noun: "the transfer of Iranian ballistic missiles".
func (sc *scope) goodsMaker(i int) []int {
	if i+2 >= sc.s.to || sc.toks[i+1].low != "of" {
		return nil
	}
	for k := i + 2; k < sc.s.to && k < i+5; k++ {
		if mi, ok := sc.start[k]; ok {
			if sc.ms[mi].adj || sc.ms[mi].poss {
				return []int{mi}
			}
			return nil
		}
	}
	return nil
}

// pairwise records allies-with between every two of ends.
func (sc *scope) pairwise(ends []endpoint, i int) {
	for a := 0; a < len(ends); a++ {
		for b := a + 1; b < len(ends); b++ {
			sc.emitEnds(graph.AlliesWith, ends[a:a+1], ends[b:b+1], i, graph.Asserted, "", "")
		}
	}
}

// fromSource finds "from X" after a verb of receiving, across a list of
// goods: "received drones, armoured vehicles and training from France".
func (sc *scope) fromSource(i int) []int {
	for k := i + 1; k < sc.s.to && k < i+18; k++ {
		w := sc.toks[k].low
		if w == "from" {
			return sc.after(k)
		}
		if clauseBreaks[w] || w == "which" || w == "who" || w == "that" || beForms[w] {
			return nil
		}
	}
	return nil
}

// adjectiveSuffix reports words shaped like adjectives ("powerful",
// "strategic", "strongest"), not verbs or prepositions.
func adjectiveSuffix(w string) bool {
	for _, suf := range []string{"ful", "al", "ic", "ous", "ive", "est", "ant", "ent", "ary", "ible", "able"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
