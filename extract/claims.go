package extract

// This file reads claims: who asserts what ("X said ..."), what a denial
// rejects, and who accused whom earlier in the article.

import (
	"slices"
	"strings"

	"geokg/graph"
)

// adjectiveBefore reports an adjective or a quantifier right before the
// word at r ("independent states", "many states"), which makes a
// reporting verb's form a noun; adverbs ("formally states") do not.
func (sc *scope) adjectiveBefore(r int) bool {
	p := r - 1
	if p >= sc.s.from && sc.toks[p].is(cQuantifier) {
		return !sc.floatingQuantifier(p) // "many states", "member states"; not "A and B both said"
	}
	return p >= sc.s.from && sc.modifierWord(p) && !strings.HasSuffix(sc.toks[p].low, "ly")
}

// nounUse reports a verb of saying at r used as a noun or not as the
// claim's verb: after a determiner ("the statement"), a denial, a
// possessive or demonym ("Israeli claims"), an adjective ("independent
// states").
func (sc *scope) nounUse(r int) bool {
	p := r - 1
	if p < sc.s.from {
		return false
	}
	if sc.toks[p].is(cNounDeterminer) && !sc.floatingQuantifier(p) || sc.toks[p].low == "'s" {
		return true // "the claims", "the envoy's claim"
	}
	if t, ok := sc.trigOf(&sc.toks[p]); ok && t.rel == graph.Denies {
		return true
	}
	if sc.adjectiveBefore(r) {
		return true // "recognised them as independent states": a noun
	}
	if sc.apposedClaimNoun(r) {
		return true // "..., claims Moldova says are baseless": a noun
	}
	if mi, ok := sc.endAt(p); ok && (sc.ms[mi].adj || sc.ms[mi].poss) {
		return true // "Israeli claims", "Moscow's claims": a noun
	} else if ok {
		// "rejected US claims that ...": a name between a denial and the
		// word modifies it
		if gi := sc.ms[mi].group; gi >= len(sc.grp) || len(sc.grp[gi]) == 0 {
			return false // "He said both A and B accused C": asked while the groups are being built (it panicked here)
		} else if q := sc.prevWord(sc.ms[sc.grp[gi][0]].from); q >= sc.s.from {
			if t, isTrig := sc.trigOf(&sc.toks[q]); isTrig && t.rel == graph.Denies {
				return true
			}
		}
	}
	return false
}

// floatingQuantifier reports a partitive word at p ("both", "all", "each")
// right after a name: it quantifies the name, it determines no noun ("A and
// B both said they had no connection to it").
func (sc *scope) floatingQuantifier(p int) bool {
	if !sc.toks[p].in(lcPartitive) {
		return false
	}
	_, named := sc.endAt(p - 1)
	return named
}

// apposedClaimNoun reports a claim noun in the form of a verb of saying
// at r, after a comma, that heads a relative clause whose subject is a
// name and whose verb denies, says or describes: "... of preparing to
// attack Transnistria, claims Moldova says are baseless", "..., charges
// Kigali rejects". Transnistria makes no claim.
func (sc *scope) apposedClaimNoun(r int) bool {
	if r-1 <= sc.s.from || sc.toks[r-1].low != "," || !sc.toks[r].is(cClaimNoun) {
		return false
	}
	k := r + 1
	if k < sc.s.to && sc.toks[k].low == "that" {
		k++
	}
	if k < sc.s.to && sc.toks[k].in(lcDeterminer) {
		k++
	}
	mi, ok := sc.startAt(k)
	if !ok {
		return false
	}
	g := sc.grp[sc.ms[mi].group]
	v := sc.ms[g[len(g)-1]].to
	for v < sc.s.to && (sc.toks[v].is(cAux) || sc.adverb(v)) {
		v++
	}
	return v < sc.s.to && sc.denialVerb(v)
}

// findClaims marks what others assert: "X said (that) ...", "..., X said",
// "according to X, ...". A claim whose inner clause names a hostile act
// is also an accusation ("Ukraine says Russia was behind the attack").
func (sc *scope) findClaims() {
	sc.wholeSentence() // a letter sent, a quote attributed later
	sent := sc.toks[sc.s.from:sc.s.to]
	for k := range sent {
		if !sent[k].is(cReporting) && sent[k].low != "according" && !sent[k].in(lcThatVerb) {
			continue // most words: none of the tests below holds
		}
		r := sc.s.from + k
		if sent[k].low == "according" {
			sc.accordingTo(r)
			continue
		}
		finding := sc.findingThat(r)
		if !sc.toks[r].is(cReporting) && !finding || sc.toks[r].cap && r > sc.s.from || sc.inMention(r) {
			continue
		}
		if sc.nounUse(r) || sc.saidObject(r) || sc.unnamedRelativeClaim(r) {
			continue // "declared independence", "claimed responsibility": no clause said
		}
		if sc.speakerAfter(r) {
			continue
		}
		subj := sc.claimSubject(r)
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
		sc.saidBy(r, subj, finding)
	}
}

// saidBy reads what subj, the subject of the reporting verb at r, said:
// before the verb when subj is an inverted speaker after a comma ("...,
// the spokesman said on Monday"), after it otherwise ("X said (that)
// ..."), and both when a participle clause follows the inverted speaker
// ("..., Mao said, urging Manila to stop its provocations"). finding: r
// is a that-verb's finding ("the mission found that ...").
func (sc *scope) saidBy(r int, subj []int, finding bool) {
	by := sc.first(subj)
	tail := sc.tailOnly(r + 1)
	if p := sc.speakerComma(sc.ms[subj[0]].from); p > sc.s.from && (tail || sc.participleTail(r+1)) {
		sc.claims = append(sc.claims, claim{from: sc.s.from, to: p, by: by})
		sc.rememberClaim(subj, sc.s.from-1)
		sc.quotedDenial(subj, p, r)
		if sc.toks[r].is(cClaimVerb) {
			sc.saidBeforeOf(p, r, subj) // "'Cambodia targeted civilians,' the spokesman said (of Phnom Penh)"
		}
	}
	if tail {
		return // "X said on Monday, the latest in ...": nothing said follows
	}
	sc.claims = append(sc.claims, claim{from: r + 1, to: sc.s.to, by: by})
	sc.askedDenial(subj, r)
	sc.dismissedClaim(subj, r)
	said := sc.thatAfter(r)
	sc.saidUninvolved(subj, r, said)
	if sc.toks[r].is(cClaimVerb) || finding {
		sc.hostile(said, subj)
		sc.thatConjuncts(said, subj)
		sc.rememberClaim(subj, r)
	}
}

// findingThat reports a verb of the that-verb class at r whose
// that-clause follows at once or past a short prepositional phrase: "the
// mission found that the RSF had carried out attacks", "Washington
// determined in January that ...", "Moscow responded that ...": a claim by
// its subject, as "said that" is. Without "that" ("found weapons in the
// house", "found no evidence that", "responded to the attacks") it says
// nothing.
func (sc *scope) findingThat(r int) bool {
	if !sc.toks[r].in(lcThatVerb) {
		return false
	}
	k := r + 1
	if k < sc.s.to && sc.toks[k].is(cPreposition) {
		k = sc.pastTimePhrase(k) // "determined in January that"
	}
	return k < sc.s.to && sc.toks[k].low == "that"
}

// pastTimePhrase returns the word after the short prepositional phrase
// opened at p ("in January", "on Friday", "in its final report"): at most
// findingThatWindow words, none a clause break; else p.
func (sc *scope) pastTimePhrase(p int) int {
	for k := p + 1; k < sc.s.to && k <= p+findingThatWindow; k++ {
		t := &sc.toks[k]
		if t.low == "that" {
			return k
		}
		if !t.word || t.is(cClauseBreak) {
			break
		}
	}
	return p
}

// findingThatWindow: the words of a phrase between a that-verb and its
// "that" ("determined in January that").
const findingThatWindow = 3

// thatConjuncts reads each clause of "said that A ... and that B ..." on
// its own: the said clause from "from" is cut at every "and that" (", and
// that") of the sentence that follows no other verb of saying, and each
// part is read as the whole clause is (hostile), so that a charge in the
// second clause is found after a first one with its own hostile verb
// ("said Ukraine had shelled the plant and that NATO had attacked
// civilians": both charged).
func (sc *scope) thatConjuncts(from int, subj []int) {
	var cuts []int
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k := from; k+1 < len(toks); k++ {
		if k > from && toks[k].is(cReporting) && !sc.inMention(k) {
			break // "and that" after another verb of saying is that verb's
		}
		if toks[k].low == "and" && toks[k+1].low == "that" {
			cuts = append(cuts, k)
		}
	}
	if len(cuts) == 0 {
		return
	}
	end := sc.s.to
	defer func() { sc.s.to = end }()
	start := from
	for _, c := range cuts {
		sc.s.to = c
		if sc.toks[c-1].low == "," {
			sc.s.to = c - 1
		}
		sc.hostile(start, subj)
		start = c + 2
	}
	sc.s.to = end
	sc.hostile(start, subj)
}

// speakerAfter reads a speaker named after the verb of saying at r that
// follows a comma: "'Cambodia targeted civilians,' said the spokesman",
// "..., said Iranian officials" (only a date or adverbs after the
// speaker). What was said before the comma is the speaker's, read as
// when the speaker comes first, not the clause's own subject's. It
// reports whether it read one.
func (sc *scope) speakerAfter(r int) bool {
	c := sc.commaBefore(r)
	if c <= sc.s.from {
		return false
	}
	g := sc.after(r)
	if g == nil || sc.ms[g[0]].poss {
		return false
	}
	if e := sc.ms[g[len(g)-1]].to; !sc.tailOnly(e) && !sc.participleTail(e) && !sc.titleTail(e) {
		return false
	}
	sc.noteReport(r, g) // "..., said the panel in its report"
	sc.claims = append(sc.claims, claim{from: sc.s.from, to: c, by: sc.first(g)})
	sc.rememberClaim(g, sc.s.from-1)
	sc.quotedDenial(g, c, r)
	if sc.toks[r].is(cClaimVerb) {
		sc.saidBefore(c, g)
	}
	return true
}

// commaBefore returns the comma right before the verb of saying at r,
// past a closing quote ("...,\" said X"), or -1.
func (sc *scope) commaBefore(r int) int {
	c := r - 1
	if c > sc.s.from && (sc.toks[c].low == "\"" || sc.toks[c].low == "'") {
		c--
	}
	if c > sc.s.from && sc.toks[c].low == "," {
		return c
	}
	return -1
}

// noteReport notes who speaks at the verb of saying at r (reportSpeaker
// of subj, read only then; or no actor: "") as the author of the report
// the verb speaks through: "said in a report", "said in its first report
// on Thursday", "In its final report, the panel found" (a finding noun in
// a phrase opened by "in", reportWindow words from r), "A report by
// independent experts said" (its "by" or "from" names the author, "" when
// no actor). "The report said" names none: not noted.
func (sc *scope) noteReport(r int, subj []int) {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for k := max(sc.s.from, r-reportWindow); k < len(toks) && k <= r+reportWindow; k++ {
		if k < r && toks[k].in(lcFindingNoun) && (toks[k+1].low == "by" || toks[k+1].low == "from") {
			sc.st.reportBy, sc.st.reportSeen = "", true
			if g := sc.after(k + 1); g != nil {
				sc.st.reportBy = sc.first(g)
			}
			return
		}
		if toks[k].low != "in" {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+reportWindow && toks[j].word; j++ {
			if toks[j].in(lcFindingNoun) {
				sc.st.reportBy, sc.st.reportSeen = sc.reportSpeaker(subj, r), true
				return
			}
		}
	}
}

// reportSpeaker returns who speaks at the verb of saying at r: its
// subject subj, else the actor after it ("..., said the ministry in its
// report"), else "".
func (sc *scope) reportSpeaker(subj []int, r int) graph.ActorID {
	if subj == nil {
		subj = sc.after(r)
	}
	if subj == nil {
		return ""
	}
	return sc.first(subj)
}

// reportWindow: the words between a verb of saying and its "in a report"
// phrase, and from "in" to the report ("in its 29-page final report").
const reportWindow = 6

// claimSubject returns who speaks at the verb of saying at r, and notes
// the report it speaks through (noteReport).
func (sc *scope) claimSubject(r int) []int {
	subj := sc.gerundSubject(r, "with") // "..., with X calling the drills a provocation by Y"
	if subj == nil {
		subj = sc.verbSubject(r) // "X replied that Y ..., and said ...": X
	}
	if subj == nil && r-1 > sc.s.from && sc.floatingQuantifier(r-1) {
		subj = sc.verbSubject(r - 1) // "A and B both said ...": A and B
	}
	if subj == nil {
		subj = sc.speechAgent(r) // "A report by UN experts said ..."
	}
	if subj == nil {
		subj = sc.docSubject(r) // "The letter said ...": its author
	}
	sc.noteReport(r, subj)
	sc.noteDocument(subj, r)
	return subj
}

// speakerModifierWindow: the words between the comma before an inverted
// speaker and its title ("..., the Congolese government spokesman X said").
const speakerModifierWindow = 3

// speakerComma returns the comma right before an inverted speaker that
// starts at sf, past the lower-case body word, determiner or demonym that
// may open its title ("..., government spokesman Patrick X said", "...,
// the army spokesman X said"; class government-head), or -1.
func (sc *scope) speakerComma(sf int) int {
	p := sc.prevWord(sf)
	for n := 0; n < speakerModifierWindow && p > sc.s.from && sc.toks[p].low != ","; n++ {
		if mi, ok := sc.endAt(p); ok && sc.ms[mi].adj {
			p = sc.prevWord(sc.ms[mi].from) // "the Congolese government spokesman"
			continue
		}
		if t := &sc.toks[p]; !t.word || t.cap || !t.is(cGovHead) && !t.in(lcDeterminer) {
			return -1
		}
		p = sc.prevWord(p)
	}
	if p > sc.s.from && sc.toks[p].low == "," {
		return p
	}
	return -1
}

// saidObject reports a noun right after the reporting verb at r that
// makes it a plain verb with an object (lexicon class said-object:
// "claimed responsibility", "declared war"), not the subject of a clause
// said ("said responsibility for the deaths lies with Y": blameBefore).
func (sc *scope) saidObject(r int) bool {
	if r+1 >= sc.s.to || !sc.toks[r+1].in(lcSaidObject) {
		return false
	}
	for h := r + 2; h < sc.s.to && h <= r+1+blameSubjectWindow; h++ {
		if sc.toks[h].in(lcLiesWith) {
			return !sc.blameBefore(h, r+1)
		}
	}
	return true
}

// accordingTo reads "according to X, ...": the sentence is X's claim,
// and a charge in it is remembered for a denial to answer ("According to
// A and B, Y sent drones to Z, an accusation Y denies": both accused Y).
func (sc *scope) accordingTo(r int) {
	if r+1 >= sc.s.to || sc.toks[r+1].low != "to" {
		return
	}
	if g := sc.after(r + 1); g != nil {
		sc.claims = append(sc.claims, claim{from: sc.s.from, to: sc.s.to, by: sc.first(g)})
		sc.rememberClaim(g, sc.ms[g[len(g)-1]].to-1)
	}
}

// thatAfter returns where the clause said by the reporting verb at r
// starts: after its "that" when only an adverbial phrase stands between
// ("said after a call with Rwandan President Paul Kagame that the troops
// had died in an attack by the M23"; claimTargetWindow words), else r+1.
func (sc *scope) thatAfter(r int) int {
	for k := r + 1; k < sc.s.to && k <= r+claimTargetWindow; k++ {
		t := &sc.toks[k]
		if t.low == "that" && sc.toks[k-1].low == "and" {
			break // "said Ukraine had shelled it and that ...": the second of two clauses said
		}
		if t.low == "that" {
			return k + 1
		}
		if t.low == "," || t.is(cReporting) || t.is(cBe) || t.is(cActNoun) {
			break // "said Israel's attacks ... show that": the clause starts at once
		}
		if _, ok := sc.trigOf(t); ok {
			break
		}
	}
	return r + 1
}

// speechAgent finds who speaks through a document that opens the
// sentence before the reporting verb at r: "A report by UN experts said
// ...", "A confidential report by United Nations sanctions monitors seen by
// Reuters said ...", "a statement from the ministry said": the actor after
// the "by" or "from" right after a noun of the speech-noun class, which
// only a determiner and modifiers precede (speechNounWindow words).
func (sc *scope) speechAgent(r int) []int {
	for k := sc.s.from; k < r && k < sc.s.from+speechNounWindow; k++ {
		t := &sc.toks[k]
		if !t.in(lcSpeechNoun) {
			if t.cap && k > sc.s.from || !t.word || !t.in(lcDeterminer) && !sc.modifierWord(k) && k > sc.s.from {
				return nil
			}
			continue
		}
		if n := k + 1; n < r && (sc.toks[n].low == "by" || sc.toks[n].low == "from") {
			return sc.after(n)
		}
		return nil
	}
	return nil
}

// speechNounWindow: the words before the speech noun of speechAgent (a
// determiner and two modifiers: "A confidential UN report").
const speechNounWindow = 4

// tailOnly reports whether only a date, adverbs or an addressee follow k
// to the end, or to a comma that opens an aside on the whole sentence
// ("..., the Pentagon said on Monday, the latest in a string of ...", "...,
// as Washington announced sanctions").
func (sc *scope) tailOnly(k int) bool {
	for ; k < sc.s.to; k++ {
		if sc.toks[k].low == "," && k+1 < sc.s.to && sc.toks[k+1].in(lcAttributionAside) {
			return !sc.subjectApposed(k)
		}
		if mi, ok := sc.startAt(k); ok {
			k = sc.ms[mi].to - 1
			continue
		}
		t := &sc.toks[k]
		if t.low == "in" && sc.speechAside(k) {
			return true
		}
		if !t.word || t.is(cWeekday) || t.is(cTailWord) || startsDigit(t.text) {
			continue
		}
		return false
	}
	return true
}

// participleTail reports a tail after an inverted speaker at k that
// tailOnly would take but for a participle clause after a comma: "...,\"
// said Prime Minister X, opening a cabinet meeting on Thursday" (the
// speaker's own clause, nothing said).
func (sc *scope) participleTail(k int) bool {
	for ; k < sc.s.to; k++ {
		if sc.toks[k].low == "," {
			return sc.participleAfter(k)
		}
		if t := &sc.toks[k]; t.word && !t.is(cWeekday) && !t.is(cTailWord) && !startsDigit(t.text) {
			return false
		}
	}
	return false
}

// participleAfter reports a lower-case participle right after the comma
// at k ("..., said X, opening a cabinet meeting on Thursday").
func (sc *scope) participleAfter(k int) bool {
	n := k + 1
	return n < sc.s.to && sc.toks[n].word && !sc.toks[n].cap && len(sc.toks[n].low) > 4 && strings.HasSuffix(sc.toks[n].low, "ing")
}

// subjectApposed reports an apposition opened by the comma at k on the
// name before it, closed by the next comma, and a verb after that: "said
// Russia, the aggressor, had shelled the plant" goes on after "Russia"
// (not "..., the Pentagon said on Monday, the latest in a string of ...").
func (sc *scope) subjectApposed(k int) bool {
	if _, ok := sc.endAt(k - 1); !ok {
		return false
	}
	for c := k + 1; c+1 < sc.s.to; c++ {
		t := &sc.toks[c]
		if t.is(cClauseBreak) || t.is(cReporting) {
			return false
		}
		if t.low == "," {
			n := &sc.toks[c+1]
			return n.is(cAux|cBe|cHostile) || sc.finiteVerb(c+1)
		}
	}
	return false
}

// speechAside reports a phrase at k naming what a speaker spoke through
// and nothing said after it: "in a statement read on state television on
// Thursday" (a speech noun within speechNounWindow words after "in", then
// no "that", comma or actor but a pronoun to the end).
func (sc *scope) speechAside(k int) bool {
	n := k + 1
	for n < sc.s.to && n <= k+speechNounWindow && !sc.toks[n].in(lcSpeechNoun) {
		if !sc.toks[n].word || sc.toks[n].cap || sc.inMention(n) {
			return false
		}
		n++
	}
	if n >= sc.s.to || n > k+speechNounWindow {
		return false
	}
	for n++; n < sc.s.to; n++ {
		if w := sc.toks[n].low; w == "that" || w == "," {
			return false
		}
		if mi, ok := sc.startAt(n); ok && sc.ms[mi].pron == "" {
			return false // "in a statement posted on its website" is an aside; "... Algeria attacked" is not
		}
	}
	return true
}

// hostile adds accusations for claims of hostile acts made by subj.
func (sc *scope) hostile(from int, subj []int) {
	if sc.hypothetical(from) {
		return // "have not said whether they hold Iran responsible", "would hold Y responsible should ..."
	}
	sc.judgedClaim(from, sc.s.to, subj) // "said that X's claim that ... was false"
	sc.causedHarm(from, subj)           // "said the violence was the result of Y's policies"
	if sc.hostileAct(from, subj) || sc.chargedAct(from, subj) || sc.evaluatedAct(from, sc.s.to, subj) {
		return
	}
	sc.hostileVerb(from, sc.s.to, subj)
}

// hostileVerb adds subj's accusation of the subject of the first hostile
// verb between from and to ("Russia invaded", "Cambodia targeted civilian
// areas").
func (sc *scope) hostileVerb(from, to int, subj []int) {
	if sc.cls&(cHostile|cIdiomHead) == 0 {
		return // no word of the sentence is one
	}
	toks := sc.toks[:to] // a slice of its own: its bounds read once
	for h := from; h < len(toks); h++ {
		if t := &toks[h]; !t.is(cHostile) && !(t.is(cIdiomHead) && sc.hostileIdiom(h)) {
			continue
		}
		if sc.toks[h].is(cClauseBreak) {
			return
		}
		if sc.claimContent(from, h) {
			return // "said Pakistan's claims that Bangladesh had shelled the border were absurd"
		}
		if sc.benignObject(h) {
			continue // "said Iran had struck a deal with Moscow": the verb's other sense
		}
		if sc.passiveParticiple(h) && !sc.toks[h].in(lcLinkedTo) {
			continue // "1,400 Palestinians have been killed": the victims, not the doers
		}
		y := sc.cleftFocus(h, from)
		if y == nil {
			y = sc.roleAsideSubject(h, from)
		}
		if y == nil {
			y = sc.subject(h, from)
		}
		if y == nil || !sc.adjacentSubject(y, h) && sc.cleftFocus(h, from) == nil {
			y = sc.deedSubject(from, h) // "said the US arms sales to Taiwan seriously violate ..."
		}
		if y == nil || sc.negated(sc.window(y, h), h, false) {
			continue
		}
		if sc.negated(from, sc.ms[y[0]].from, false) {
			return // "said there was no indication that Turkey had been targeting ..."
		}
		sc.emit(graph.Accuses, subj, y, h, graph.Asserted, "", "")
		return
	}
}

// benignObject reports a hostile verb at h with a second sense (class
// two-sense-verb) and a word of class benign-object right after it, or
// after it and a determiner or possessive ("struck a deal", "broke off
// relations", "fired its defence minister": two words of modifier allowed
// before the noun).
func (sc *scope) benignObject(h int) bool {
	if !sc.toks[h].in(lcTwoSenseVerb) {
		return false
	}
	k := h + 1
	if k < sc.s.to && sc.toks[k].in(lcBenignObject) {
		return true
	}
	if k >= sc.s.to || !sc.toks[k].in(lcDeterminer) {
		return false
	}
	for j := k + 1; j < sc.s.to && j <= k+benignModifierWindow; j++ {
		t := &sc.toks[j]
		if t.in(lcBenignObject) {
			return true
		}
		if !t.word || t.cap || t.is(cClauseBreak|cPreposition) {
			return false
		}
	}
	return false
}

// benignModifierWindow: the words from a two-sense verb's determiner to
// its benign object, the noun and two modifiers ("fired its defence
// minister", "launched a new internal review").
const benignModifierWindow = 3

// claimContent reports a claim noun followed by "that" between from and
// h: what stands after it is the content of someone's claim, which the
// speaker reports, not what the speaker charges.
func (sc *scope) claimContent(from, h int) bool {
	for k := max(from, sc.s.from); k+1 < h; k++ {
		if sc.toks[k].is(cClaimNoun) && sc.toks[k+1].low == "that" {
			return true
		}
	}
	return false
}

// hostileIdiom reports a verb of the lexicon's idiom-verb class whose
// "with" and a word of idiom-object make a hostile idiom: "said Israel was
// playing with fire".
func (sc *scope) hostileIdiom(h int) bool {
	if sc.toks[h].in(lcDeedVerb) {
		return sc.deedObject(h)
	}
	if sc.toks[h].in(lcActVerb) {
		return sc.actObject(h)
	}
	if sc.toks[h].in(lcHarbourVerb) {
		return sc.harbouredObject(h)
	}
	if sc.toks[h].in(lcHavenVerb) {
		return sc.havenObject(h)
	}
	if sc.toks[h].in(lcLinkedTo) {
		return sc.linkedToAct(h) // "said Indian agents were linked to the killing"
	}
	if h+1 < sc.s.to && sc.toks[h].in(lcFireVerb) && sc.toks[h+1].in(lcIdiomObject) {
		return true // "said Azerbaijani units had opened fire on Armenian positions"
	}
	if !sc.toks[h].in(lcIdiomVerb) || h+2 >= sc.s.to {
		return false
	}
	return sc.toks[h+1].low == "with" && sc.toks[h+2].in(lcIdiomObject) || sc.fuelIdiom(h)
}

// fuelIdiom reports an idiom of feeding a conflict after the verb at h:
// a fuel-noun, "on" or "to", a determiner and the fire ("adding fuel to
// the fire", "pouring oil on the flames"), or a determiner and the flames
// right after it ("fans the flames of war"); not "added that the fire
// was out", "poured money into".
func (sc *scope) fuelIdiom(h int) bool {
	k := h + 1
	if sc.x.lex.in("fuel-noun", sc.toks[k].low) {
		if k+1 >= sc.s.to || sc.toks[k+1].low != "on" && sc.toks[k+1].low != "to" {
			return false
		}
		k += 2
	}
	if k < sc.s.to && sc.toks[k].in(lcDeterminer) {
		k++
	}
	return k > h+1 && k < sc.s.to && sc.toks[k].in(lcIdiomObject) && sc.toks[k-1].in(lcDeterminer)
}

// linkedToAct reports a participle of the linked-to class at h after a
// form of be (past an adverb: "were potentially linked") whose "to" names
// an act (past determiners and lower-case modifiers, linkedActWindow
// words): "said Indian agents were linked to the killing", not "said the
// pipeline was linked to the grid".
func (sc *scope) linkedToAct(h int) bool {
	p := h - 1
	if p > sc.s.from && sc.adverb(p) {
		p--
	}
	if p < sc.s.from || !sc.toks[p].is(cBe) || h+1 >= sc.s.to || sc.toks[h+1].low != "to" {
		return false
	}
	for k := h + 2; k < sc.s.to && k <= h+1+linkedActWindow; k++ {
		t := &sc.toks[k]
		if t.is(cActNoun|cHostileNoun) || t.in(lcLinkedAct) {
			return true
		}
		if !t.word || t.cap || !t.in(lcDeterminer) && !sc.modifierWord(k) {
			return false
		}
	}
	return false
}

// linkedActWindow: the words after "linked to" up to the act ("the
// deadly drone attack").
const linkedActWindow = 4

// deedObject reports a word of hostile-evaluation in the object of the
// verb of doing at h ("committed naked aggression", "had perpetrated
// \"heinous crimes\""), past quotes, determiners and lower-case modifiers
// (deedObjectWindow words).
func (sc *scope) deedObject(h int) bool {
	for k := h + 1; k < sc.s.to && k <= h+deedObjectWindow; k++ {
		t := &sc.toks[k]
		if t.in(lcHostileEvaluation) {
			return true
		}
		if t.low == "\"" || t.low == "'" || t.in(lcDeterminer) || t.low == "of" && sc.toks[k-1].in(lcEvaluationHead) {
			continue // "committed \"a blatant act of aggression\""
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cAux|cNegator) || sc.inMention(k) {
			return false
		}
	}
	return false
}

// actObject reports an armed or hostile act as the object of a verb of
// carrying out at h (class act-verb), past determiners, quotes and
// lower-case modifiers: "said Azerbaijan had unleashed a large-scale
// aggression", "is conducting a hybrid attack on our border", "started
// this aggression"; not "conducted talks", "started a dialogue" or
// "staged a test".
func (sc *scope) actObject(h int) bool {
	for k := h + 1; k < sc.s.to && k <= h+deedObjectWindow; k++ {
		t := &sc.toks[k]
		if t.is(cHostileNoun) || t.in(lcArmedAct) || t.in(lcHostileEvaluation) && t.is(cActNoun) {
			return true
		}
		if t.low == "\"" || t.low == "'" || t.in(lcDeterminer) {
			continue
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cAux|cNegator) || sc.inMention(k) {
			return false
		}
	}
	return false
}

// harbouredObject reports armed men or an armed group as the object of a
// verb of harbouring at h (class harbour-verb), past determiners, quotes
// and lower-case modifiers: "said Kigali harbours RED-Tabara rebels",
// "Pakistan has sheltered terrorists who attacked India"; not "civilians
// sheltering at a petrol station" or "harboured plans".
func (sc *scope) harbouredObject(h int) bool {
	for k := h + 1; k < sc.s.to && k <= h+deedObjectWindow; k++ {
		t := &sc.toks[k]
		if t.in(lcHarbouredNoun) {
			return true
		}
		if mi, ok := sc.startAt(k); ok {
			// "harbours the TTP", "the rebels" (a reference to a group)
			return sc.isGroup(sc.first([]int{mi})) || sc.toks[sc.ms[mi].to-1].in(lcHarbouredNoun)
		}
		if t.low == "\"" || t.low == "'" || t.in(lcDeterminer) {
			continue
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cAux|cNegator) {
			return false
		}
	}
	return false
}

// havenObject reports a shelter given at h (class haven-verb): "were
// providing safe havens to the TTP", "continues to give sanctuary to
// terrorists" (a determiner and "safe" before a word of the haven-noun
// class).
func (sc *scope) havenObject(h int) bool {
	k := h + 1
	for k < sc.s.to && k <= h+havenWindow && (sc.toks[k].in(lcDeterminer) || sc.toks[k].low == "safe") {
		k++
	}
	return k < sc.s.to && sc.toks[k].in(lcHavenNoun)
}

// havenWindow: the words before a haven noun ("gave them a safe haven").
const havenWindow = 3

// deedObjectWindow: the words of a deed verb's object up to its hostile
// head ("commit \"widespread and systematic\" atrocities").
const deedObjectWindow = 6

// cleftFocus returns the actor a cleft puts in focus as the doer of the
// verb at h: "it was Ethiopia which had violated ...", "it is Russia that
// attacked ...", "it was the rebels who fired" (the relative word right
// before h, past auxiliaries and adverbs; before it the actor, a form of
// be and "it"), or nil.
func (sc *scope) cleftFocus(h, from int) []int {
	k := h - 1
	for k > from && (sc.toks[k].is(cAux|cBe) || sc.toks[k].low == "been" || strings.HasSuffix(sc.toks[k].low, "ly")) {
		k--
	}
	if k <= from || !sc.toks[k].in(lcCleftRelative) {
		return nil
	}
	mi, ok := sc.endAt(k - 1)
	if !ok || sc.ms[mi].adj || sc.ms[mi].poss {
		return nil
	}
	g := sc.grp[sc.ms[mi].group]
	b := sc.ms[g[0]].from - 1
	if b > from && sc.toks[b].in(lcDeterminer) {
		b-- // "it was the Somali army who"
	}
	if b-1 < from || !sc.toks[b].is(cBe) || sc.toks[b-1].low != "it" {
		return nil
	}
	return g
}

// passiveParticiple reports a hostile verb at h used in the passive ("were
// killed", "had been shelled"): its subject suffered the act. "Russia was
// behind it" and "X is responsible" are copulas, not passives.
func (sc *scope) passiveParticiple(h int) bool {
	if !sc.toks[h].in(lcHostileParticiple) && !strings.HasSuffix(sc.toks[h].low, "ed") {
		return false
	}
	p := h - 1
	for p > sc.s.from && strings.HasSuffix(sc.toks[p].low, "ly") {
		p--
	}
	return p >= sc.s.from && (sc.toks[p].is(cBe) || sc.toks[p].low == "been" || sc.toks[p].low == "being")
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
// With deeds (a verb of denial), a deed or act denied is a claim too
// ("denies backing the M23", "denied the arms transfers"); a condemnation
// of an act is no denial.
func (sc *scope) claimObject(i int, deeds bool) (int, []int, bool) {
	var owner []int
	limit := i + claimObjectWindow
	// not past another clause: "X denies Y blame, Houthis claim ..."
	for k := i + 1; k < sc.s.to && k <= limit && !sc.newClauseAt(k); k++ {
		t := &sc.toks[k]
		if mi, ok := sc.startAt(k); ok {
			m := &sc.ms[mi]
			if k == i+1 && (m.pron == "it" || m.pron == "them") {
				return k, nil, true // "denied it": the claim just made
			}
			end, ok := sc.ownerEnd(m)
			if !ok {
				return 0, nil, false
			}
			owner, k = sc.moreOwners(owner, m, k), end
			continue
		}
		if e, d := sc.claimGap(owner, k); e >= k {
			limit, k = limit+d, e // "rejected on Friday the allegations", "Andrews' \"one-sided accusations\""
			continue
		}
		if t.is(cClaimNoun) {
			if by := sc.claimOwner(k); by != nil {
				owner = by
			}
			return k, owner, true
		}
		if k == i+1 && (t.low == "that" || t.low == "this" && !sc.toks[k+1].word) {
			return k, nil, true
		}
		if deeds && (k == i+1 && sc.deniedDeed(i, k) || sc.deniedAct(t)) {
			return k, nil, true // "denies backing the M23", "denied the arms transfers": the deed
		}
		if j := sc.skipWhatCalled(k); k == i+1 && j != k {
			limit, k = limit+j-k, j // "rejected what he described as Andrews' \"one-sided accusations\""
			continue
		}
		if k == i+1 && t.low == "as" {
			if j := sc.claimAfterAs(k); j > 0 {
				k, limit = j-1, sc.namesEnd(j)+1+possessiveChargeWindow // "rejected as 'absurd' the claims of X", "... Y's claims"
				continue
			}
		}
		if j := sc.possessiveNoun(k); j > 0 {
			k = j // "rejected the rights group's accusations": a noun no actor names
			continue
		}
		if sc.claimFiller(i, k) || sc.chargeModifier(k) {
			continue
		}
		if t.cap || !sc.x.lex.isAdjectiveLike(t.low) {
			return 0, nil, false
		}
	}
	return 0, nil, false
}

// chargeModifier reports a lower-case noun that names what a charge
// right after it is about: "rejected the militarisation charge", "denied
// the espionage accusations" (lexicon class denied-charge after it, a
// determiner before it; not a verb form, a preposition or a trigger).
func (sc *scope) chargeModifier(k int) bool {
	t := &sc.toks[k]
	if !t.word || t.cap || k+1 >= sc.s.to || !sc.toks[k+1].in(lcDeniedCharge) {
		return false
	}
	if !sc.modifierOpener(k - 1) {
		return false // after a determiner or an owner only: not "brushed off accusations"
	}
	if t.is(cPreposition|cClauseBreak|cReporting) || strings.HasSuffix(t.low, "ed") {
		return false
	}
	_, trig := sc.trigOf(t)
	return !trig
}

// modifierOpener reports what may open a charge's modifier at p+1: a
// determiner ("the espionage accusations") or the charge's owner, a
// possessive or a name ("Y's genocide charges", "South Korean jamming
// accusations").
func (sc *scope) modifierOpener(p int) bool {
	t := &sc.toks[p]
	if t.in(lcDeterminer) || t.in(lcDefiniteDeterminer) || t.low == "'s" || t.low == "'" {
		return true
	}
	return t.cap && sc.inMention(p)
}

// Windows of claims.
const (
	// claimObjectWindow: the claim a denial rejects, past its fillers
	// ("denied the latest baseless Western media claims").
	claimObjectWindow = 8
	// claimFillerNearWindow: the reach of a claim-filler-near word
	// ("denied any", "denied having", "denied outright having").
	claimFillerNearWindow = 2
	// possessiveChargeWindow: the "'s" of the charge's owner after it
	// ("the rights group's accusations").
	possessiveChargeWindow = 3
	// attributionWindow: the comma before a trailing attribution
	// (", the foreign ministry spokesman said"), at most five words.
	attributionWindow = 6
	// hearsayWindow: hearsay words before a trigger, past an auxiliary
	// and an adverb ("was reported to have secretly supplied").
	hearsayWindow = 6
	// claimTargetWindow: whom a claim is about after its verb, past
	// "that" and an addressee ("told the Security Council that Y").
	claimTargetWindow = 10
	// hostilePolarityWindow: the negation before a hostile verb in a
	// claim ("had never attacked").
	hostilePolarityWindow = 4
	// doerWindow: the doer before a hostile noun, past a possessive and
	// a modifier ("Togo's repeated interference").
	doerWindow = 4
	// participleWindow: the participle naming who is behind an agent or
	// a claim ("by hackers linked to", "allegations, first made by").
	participleWindow = 4
)

// ownerEnd reads a mention before a denied claim noun as the claim's
// owner: a possessive, a demonym or a name modifying the next word, a
// name with its "'s" ("the Turkish ministry's statement", "Andrews'
// accusations"). It returns the owner's last token and whether it is one.
func (sc *scope) ownerEnd(m *mention) (int, bool) {
	e := sc.possessiveAfter(m)
	if !m.poss && !m.adj && m.pron == "" && !sc.isModifierOfNext(m) && e < 0 && !sc.listedOwner(m) {
		return 0, false
	}
	k := max(m.to-1, e)
	if k+1 < sc.s.to && (sc.toks[k+1].low == "'s" || sc.toks[k+1].low == "'" && m.poss) {
		k++
	}
	return k, true
}

// listedOwner reports a name that owns a claim with the owner after "and"
// right after it: "rejects U.S. and Saudi accusations", "dismissed
// Washington and Riyadh's charges" (a name that is no modifier of its own
// shares the claim noun of the last owner of the list).
func (sc *scope) listedOwner(m *mention) bool {
	return m.to+1 < sc.s.to && sc.toks[m.to].low == "and" && sc.ownerNext(m.to+1)
}

// timeAfterVerb returns the last word of a time phrase at k ("on Friday",
// "last week", "this month", "yesterday"), or -1.
func (sc *scope) timeAfterVerb(k int) int {
	t := &sc.toks[k]
	if t.is(cWeekday) || t.in(lcTimeAdverb) {
		return k
	}
	if k+1 < sc.s.to && t.in(lcTimeOpener) && (sc.toks[k+1].is(cWeekday) || sc.toks[k+1].in(lcTimeNoun) || sc.toks[k+1].in(lcTimeAdverb)) {
		return k + 1 // "on Friday", "last week", "once more"
	}
	return -1
}

// moreOwners adds the owner mention m, which starts at k, to the owners
// named before it in a list ("the British, French and German
// allegations": a comma or "and" right before m), else gives m's group.
func (sc *scope) moreOwners(owner []int, m *mention, k int) []int {
	p := sc.prevWord(k)
	if owner == nil || p < sc.s.from || sc.toks[p].low != "and" && sc.toks[p].low != "," {
		return sc.grp[m.group]
	}
	return append(slices.Clip(owner), sc.grp[m.group]...)
}

// ownerGap reports what may stand between a claim's owner and the rest of
// the claim at k: a quotation mark, or "and" before another owner.
func (sc *scope) ownerGap(k int) bool {
	return sc.toks[k].low == "\"" || sc.toks[k].low == "and" && sc.ownerNext(k+1) || sc.modifierJoin(k)
}

// modifierJoin reports "and" or a comma at k between two lower-case
// modifiers of a claim noun after its owner: "the GCC's repeated and
// baseless claims", "Kyiv's false, cynical accusations" (claim fillers or
// adjective-like words on both sides).
func (sc *scope) modifierJoin(k int) bool {
	if w := sc.toks[k].low; w != "and" && w != "," || k-1 <= sc.s.from || k+1 >= sc.s.to {
		return false
	}
	return sc.claimModifier(k-1) && sc.claimModifier(k+1)
}

// claimModifier reports a lower-case word at k that may modify a claim
// noun: a claim filler (claim-filler: "repeated", "baseless") or a word
// the lexicon reads as adjective-like.
func (sc *scope) claimModifier(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.cap && (t.in(lcClaimFiller) || sc.x.lex.isAdjectiveLike(t.low))
}

// claimGap reads what may stand at k between a denial and its claim: with
// an owner named, a quoted run of modifiers ("Bamako's \"hasty and
// baseless\" accusations") or a gap ownerGap allows ("Andrews' \"one-sided
// accusations\"", "the British, French and German allegations"); with
// none yet, a time phrase ("rejected on Friday the allegations of the
// SVR"). It returns the last index of the gap and how far the claim's
// window grows, or -1.
func (sc *scope) claimGap(owner []int, k int) (int, int) {
	if owner != nil {
		if q := sc.quotedModifiers(k); q > k {
			return q, q - k
		}
		if sc.ownerGap(k) {
			return k, 0
		}
		return -1, 0
	}
	if e := sc.timeAfterVerb(k); e >= k {
		return e, e - k + 1
	}
	if q := sc.quotedAdverbial(k); q > k {
		return q - 1, q - k // "rejected \"categorically\" the allegations"
	}
	return -1, 0
}

// quotedModifiers returns the closing quote of a quoted run of lower-case
// modifiers opening at k, between a claim's owner and its noun
// ("Washington's \"repetitive and baseless\" claims"; at most
// quotedModifierWindow words, "and" and commas among them), or k.
func (sc *scope) quotedModifiers(k int) int {
	if sc.toks[k].low != "\"" {
		return k
	}
	for j := k + 1; j < sc.s.to && j <= k+quotedModifierWindow; j++ {
		t := &sc.toks[j]
		if t.low == "\"" {
			if j > k+1 {
				return j
			}
			return k
		}
		if t.low != "," && (!t.word || t.cap || t.is(cPreposition|cClauseBreak|cBe|cClaimNoun)) {
			return k // "Andrews' \"one-sided accusations\"": the claim inside the quote
		}
	}
	return k
}

// quotedModifierWindow: the words of a quoted run of modifiers ("hasty,
// one-sided and baseless").
const quotedModifierWindow = 6

// ownerNext reports a demonym or possessive owner of a claim starting at k
// ("the British and French claims", "the US and Israel's accusations").
func (sc *scope) ownerNext(k int) bool {
	mi, ok := sc.startAt(k)
	if !ok {
		return false
	}
	_, ok = sc.ownerEnd(&sc.ms[mi])
	return ok
}

// possessiveAfter returns where the "'s" after a mention stands when the
// mention did not take it in, past capitalised words of a body the
// dictionary does not know ("the Turkish ministry's statement", "the
// Azerbaijani State Border Service's claims"): the index before it, or -1.
func (sc *scope) possessiveAfter(m *mention) int {
	for k := m.to; k < sc.s.to && k < m.to+possessiveBodyWindow; k++ {
		if sc.toks[k].low == "'s" {
			return k - 1
		}
		if !sc.toks[k].cap || !sc.toks[k].word || sc.inMention(k) {
			return -1
		}
	}
	return -1
}

// possessiveBodyWindow: the capitalised words of an unknown body between
// a name and its "'s" ("State Border Service").
const possessiveBodyWindow = 4

// claimOwner finds who made the claim named at k: "claims by X", "the
// allegations, first made by X", "the claims of X".
func (sc *scope) claimOwner(k int) []int {
	if k+1 < sc.s.to && sc.toks[k+1].low == "by" {
		if by := sc.countedOwners(k + 1); by != nil {
			return by // "allegations by the three European parties - Britain, France and Germany - that ..."
		}
	}
	if by := sc.agent(k, winNoun); by != nil {
		// "claims by Erdogan and by U.S. officials": a second by-agent
		if e := sc.ms[by[len(by)-1]].to; e+2 < sc.s.to && sc.toks[e].low == "and" && sc.toks[e+1].low == "by" {
			if more := sc.after(e + 1); more != nil {
				return append(slices.Clip(by), more...)
			}
		}
		if e := sc.ms[by[len(by)-1]].to; e < sc.s.to && sc.toks[e].low == "and" {
			if more := sc.countedOwners(e); more != nil {
				return append(slices.Clip(by), more...) // "by the United States and the three European parties - A, B and C -"
			}
		}
		return by
	}
	if by := sc.claimMadeBy(k); by != nil {
		return by
	}
	return sc.claimOf(k)
}

// countedOwners returns the members of a group of actors counted after k
// ("by" or "and") and then listed between dashes or commas: "allegations
// by the United States and the three European parties to the 2015 nuclear
// deal - Britain, France and Germany - that ...". The count is a word of
// a count-N class right after k (or after "the"); the list's opening mark
// follows within countedListWindow words, with no clause between, and
// the same mark closes it; the list names N actors. Nil otherwise.
func (sc *scope) countedOwners(k int) []int {
	j := k + 1
	if j < sc.s.to && sc.toks[j].low == "the" {
		j++
	}
	if j >= sc.s.to || !sc.toks[j].is(cCount) {
		return nil
	}
	for q := j + 1; q < sc.s.to && q <= j+countedListWindow; q++ {
		t := &sc.toks[q]
		if t.low == "-" || t.low == "," {
			g := sc.after(q)
			if g == nil || len(sc.ids(g)) != sc.x.lex.count[sc.toks[j].low] {
				return nil
			}
			if e := sc.ms[g[len(g)-1]].to; e < sc.s.to && sc.toks[e].low == t.low {
				return g
			}
			return nil
		}
		if t.is(cClauseBreak) || t.is(cReporting) || t.low == "that" {
			return nil
		}
	}
	return nil
}

// countedListWindow: the words from a count to the list of its members
// ("the three European parties to the 2015 nuclear deal -").
const countedListWindow = 10

// claimFiller reports a word that may stand between a verb of denial at i
// and the claim it rejects (k): determiners, dismissive adjectives, "off"
// of "brushed off", goods ("denied the arms transfers"), punctuation.
func (sc *scope) claimFiller(i, k int) bool {
	t := &sc.toks[k]
	if t.is(cGoods) || !t.word {
		return true
	}
	if k <= i+claimFillerNearWindow && t.in(lcClaimFillerNear) || k == i+1 && t.in(lcDenialParticle) {
		return true
	}
	return t.in(lcClaimFiller)
}

// deniedDeed reports a gerund right after a verb of denial at i ("denies
// backing the M23", "denied sending troops"): the deed denied is the claim.
// Only "deny": "rejected sending troops" refuses a request.
func (sc *scope) deniedDeed(i, k int) bool {
	t, ok := sc.trigOf(&sc.toks[i])
	w := sc.toks[k].low
	return ok && t.lemma == "deny" && !sc.toks[k].cap && len(w) > 5 && strings.HasSuffix(w, "ing")
}

// deniedAct reports a noun of a hostile act or of a supply rejected as a
// claim: "denied the arms transfers", "dismissed the drone strikes".
func (sc *scope) deniedAct(t *token) bool {
	if t.is(cActNoun) {
		return true
	}
	tr, ok := sc.trigOf(t)
	return ok && tr.rel == graph.Supplies && tr.pos == noun
}

// claimAfterAs finds, after the "as" at k of "rejected as 'the most absurd
// paradox' the claims of X", the determiner before the claim noun the
// verb rejects, or 0.
func (sc *scope) claimAfterAs(k int) int {
	for j := k + 2; j < sc.s.to && j <= k+winAsPhrase; j++ {
		if o := sc.ownerAfterAs(k, j); o > 0 {
			return o // "rejected as \"a blatant lie\" Pakistan's claim that ...", "dismissed as \"lies\" the LNA's claims"
		}
		if sc.inMention(j) && sc.plainJudgement(k, j) {
			return j // "rejected as absurd and motivated Canada's allegation", unquoted
		}
		if sc.inMention(j) && sc.toks[k+1].low == "\"" && sc.quoted(k, j) {
			continue // a name inside the quoted judgement: "dismissed as \"US propaganda\" Washington's claims"
		}
		if sc.toks[j].is(cClauseBreak) || sc.inMention(j) {
			return 0
		}
		if d := sc.determinerBefore(j); sc.toks[j].is(cClaimNoun) && d > k+1 && !sc.quoted(k, d) {
			return j // "rejected as \"baseless\" a joint statement by X", not as "a sheer fabrication" the ...
		}
		if sc.toks[j].is(cClaimNoun) && j+1 < sc.s.to && sc.ownerWithClaim(j+1) && sc.plainJudgement(k, j+1) {
			return j + 1 // "dismissed as a crude fabrication Washington's claim that ..."
		}
		if sc.toks[j].is(cClaimNoun) && !sc.toks[j-1].word && sc.toks[j-1].low != "," && !sc.quoted(k, j) {
			return j // "dismissing as \"insulting\" suggestions from Canberra"
		}
	}
	return 0
}

// ownerAfterAs reads the claim's owner that opens the object moved after
// the "as" at k and its quoted judgement: a possessive name (after "the"
// or not) right after the closing quote at j-1, with a claim noun after it
// within possessiveChargeWindow words. It returns the index where the
// owner's phrase starts, or 0.
func (sc *scope) ownerAfterAs(k, j int) int {
	if sc.toks[j-1].low != "\"" || j-1 <= k+1 || sc.quoted(k, j) {
		return 0
	}
	if sc.ownerWithClaim(j) {
		return j
	}
	return 0
}

// ownerWithClaim reports a possessive or demonym name at o (after "the"
// or not) with a claim noun after it within possessiveChargeWindow words:
// "Pakistan's claim", "the LNA's claims", "the Canadian allegations".
func (sc *scope) ownerWithClaim(o int) bool {
	if sc.toks[o].in(lcDeterminer) {
		o++
	}
	mi, ok := sc.startAt(o)
	for ok && !sc.ms[mi].poss {
		nx, next := sc.startAt(sc.ms[mi].to) // "Canadian Prime Minister Justin Trudeau's allegation"
		if !next {
			break
		}
		mi = nx
	}
	if !ok {
		return false
	}
	if e := sc.ms[mi].to; !sc.ms[mi].poss && !sc.ms[mi].adj && (e >= sc.s.to || sc.toks[e].low != "'s" && sc.toks[e].low != "'") {
		return false
	}
	for n := sc.ms[mi].to; n < sc.s.to && n <= sc.ms[mi].to+possessiveChargeWindow; n++ {
		if sc.toks[n].is(cClaimNoun) {
			return true
		}
		if !sc.toks[n].word && sc.toks[n].low != "'s" && sc.toks[n].low != "'" || sc.toks[n].cap {
			return false
		}
	}
	return false
}

// namesEnd returns where the names that follow each other from j end
// (j itself when no name starts there).
func (sc *scope) namesEnd(j int) int {
	for {
		mi, ok := sc.startAt(j)
		if !ok {
			return j
		}
		j = sc.ms[mi].to
	}
}

// plainJudgement reports an unquoted judgement between the "as" at k and
// the owner of a claim at o: lower-case words only, "and" among them (as
// absurd and motivated", "as a crude fabrication"), and the owner with its
// claim noun at o.
func (sc *scope) plainJudgement(k, o int) bool {
	if o-k < 2 || !sc.ownerWithClaim(o) {
		return false
	}
	for j := k + 1; j < o; j++ {
		if t := &sc.toks[j]; !t.word || t.cap || t.is(cPreposition|cClauseBreak|cReporting) && t.low != "and" || sc.inMention(j) {
			return false
		}
	}
	return true
}

// determinerBefore returns the determiner before the noun at j, past up to
// claimModifierWindow lower-case modifiers ("a joint statement"), or -1.
func (sc *scope) determinerBefore(j int) int {
	for d := j - 1; d >= sc.s.from && d >= j-1-claimModifierWindow; d-- {
		t := &sc.toks[d]
		if t.in(lcDeterminer) {
			return d
		}
		if !t.word || t.cap || t.is(cPreposition|cClauseBreak|cReporting) {
			return -1
		}
	}
	return -1
}

// quoted reports an open quote at d that a quotation mark after k opened.
func (sc *scope) quoted(k, d int) bool {
	n := 0
	for q := k + 1; q < d; q++ {
		if sc.toks[q].low == "\"" {
			n++
		}
	}
	return n%2 == 1
}

// claimModifierWindow: the modifiers between a claim noun and its
// determiner ("the latest joint statement").
const claimModifierWindow = 2

// possessiveNoun reports lower-case nouns ending in a possessive before a
// charge at k ("the rights group's accusations", not "the expert's
// findings"): it returns the index of the "'s", or 0.
func (sc *scope) possessiveNoun(k int) int {
	for j := k; j < sc.s.to && j < k+possessiveChargeWindow; j++ {
		if sc.toks[j].low == "'s" || sc.toks[j].low == "'" {
			if j+1 < sc.s.to && (sc.toks[j+1].in(lcChargeNoun) || sc.describedOwner(j+1)) {
				return j
			}
			return 0
		}
		if !sc.toks[j].word || sc.toks[j].cap {
			return 0
		}
	}
	return 0
}

// describedOwner reports a document noun at k (class finding-noun) whose
// owner a body's description names before it ("rejected the rights
// group's report", "the watchdog's findings"; class owner-body): the
// report is the last accusation of that body, not of a mere expert.
func (sc *scope) describedOwner(k int) bool {
	if k-2 < sc.s.from || !sc.toks[k].in(lcFindingNoun) || sc.toks[k-1].low != "'s" && sc.toks[k-1].low != "'" {
		return false
	}
	h := &sc.toks[k-2]
	return h.word && !h.cap && h.in(lcOwnerBody)
}

// claimOf finds the owner of the claim noun at k in "the claims of the US",
// "the accusations of the Malian authorities", "suggestions from
// Canberra": an actor that speaks, not an
// act ("allegations of Russian strikes" names the accused).
func (sc *scope) claimOf(k int) []int {
	if k+2 < sc.s.to && !sc.toks[k+1].word && sc.toks[k+1].low != "," {
		k++ // "the \"baseless allegations\" of the Malian junta"
	}
	if k+1 >= sc.s.to || sc.toks[k+1].low != "of" && sc.toks[k+1].low != "from" {
		return nil
	}
	if sc.toks[k+1].low == "of" && sc.toks[k].in(lcNewsNoun) {
		return nil // "reports of North Korean troops in Russia": what was reported
	}
	g := sc.after(k + 1)
	for n, mi := range g {
		m := &sc.ms[mi]
		if n > 0 && m.poss && m.pron != "" {
			return g[:n:n] // "the allegations of the United States and its allies": the named owner
		}
		if m.adj || m.poss && m.pron != "" || sc.toks[m.to-1].is(cActNoun|cHostileNoun) {
			return nil // "criticism of its defence cooperation with Y": what the claim is about
		}
	}
	return g
}

// isAdjectiveLike reports a word of five letters or more that ends like
// a modifier ("disputed", "dangerous", "hostile"...: the lexicon's
// modifier-ending).
func (c *lexicon) isAdjectiveLike(w string) bool {
	return len(w) > 4 && c.endsIn("modifier-ending", w, 0)
}

// isModifierOfNext: "US accusations" — a name right before a claim noun.
func (sc *scope) isModifierOfNext(m *mention) bool {
	return m.to < sc.s.to && sc.toks[m.to].is(cClaimNoun)
}

// lastAccuser finds who last accused one of ids (or what they speak for).
func (sc *scope) lastAccuser(ids []graph.ActorID) graph.ActorID {
	if all := sc.lastAccusers(ids); len(all) > 0 {
		return all[0]
	}
	return ""
}

// lastAccusers returns everyone who made the last accusation of one of
// ids together ("Britain, France and Germany accused Iran").
func (sc *scope) lastAccusers(ids []graph.ActorID) []graph.ActorID {
	return sc.lastAccusersWithin(ids, sc.st.sentences)
}

// lastAccusersWithin is lastAccusers for accusations told in the last
// within sentences.
func (sc *scope) lastAccusersWithin(ids []graph.ActorID, within int) []graph.ActorID {
	for k := len(sc.st.accusers) - 1; k >= 0; k-- {
		a := sc.st.accusers[k]
		if sc.st.sentences-a.at > within {
			return nil
		}
		for _, id := range ids {
			if a.of != id && !sc.affiliated(a.of, id) {
				continue
			}
			// cut from the article's buffer (hold), not allocated
			sc.st.room(len(sc.st.accusers))
			start := len(sc.st.ones)
			for _, b := range sc.st.accusers {
				// one accusation, or the same accused in the same sentence
				// ("A and B accused X of supplying Y": the accusations and
				// the claimed supply)
				if (b.event == a.event || b.at == a.at) && b.of == a.of && !slices.Contains(sc.st.ones[start:], b.by) {
					sc.st.ones = append(sc.st.ones, b.by)
				}
			}
			return sc.st.ones[start:len(sc.st.ones):len(sc.st.ones)]
		}
	}
	return nil
}

// lastComma returns the comma before r that sets off a trailing
// attribution (at most five words before), or -1.
func (sc *scope) lastComma(r int) int {
	for k := r - 1; k >= sc.s.from && k >= r-attributionWindow; k-- {
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
	for k := max(sc.s.from, i-hearsayWindow); k < i; k++ {
		w := sc.toks[k].low
		if !sc.toks[k].is(cHearsay) {
			continue // in neither class below
		}
		if sc.x.lex.has(lcHearsayAdverb, w) {
			return true
		}
		if sc.x.lex.has(lcHearsayParticiple, w) && k+1 < i && sc.toks[k+1].low == "to" && k > sc.s.from && sc.toks[k-1].is(cBe) {
			return true
		}
	}
	return false
}

// adjacentSubject reports whether only auxiliaries and adverbs stand
// between the subject y and the verb at h ("Russia was behind", "Israel
// had attacked"), so a reduced relative ("rockets fired at") is no claim
// about y.
func (sc *scope) adjacentSubject(y []int, h int) bool {
	aux := false // an auxiliary seen between, reading right to left
	for k := h - 1; k >= sc.ms[y[len(y)-1]].to; k-- {
		t := &sc.toks[k]
		w := t.low
		if t.is(cAux) || t.is(cBe) || w == "been" || t.in(lcAspectVerb) && k+1 == h && strings.HasSuffix(sc.toks[h].low, "ing") {
			aux = true // "Algiers keeps meddling"
			continue
		}
		if strings.HasSuffix(w, "ly") || w == "directly" || w == "\"" || w == "'" || t.in(lcCopulaAdverb) || sc.adverbPair(k) {
			continue // "Turkish forces had \"repeatedly violated", "was still attacking"
		}
		if w == "," && sc.asideStart(k, sc.s.from) == sc.ms[y[len(y)-1]].to {
			break // "Russia, a permanent member of the council, is violating": an aside on y
		}
		if w == "to" && k-1 > sc.s.from && sc.toks[k-1].in(lcAttemptVerb) {
			k-- // "Eritrea was preparing to wage war", "Poland plans to seize"
			aux = aux || !strings.HasSuffix(sc.toks[k].low, "ing")
			continue
		}
		if !aux || !sc.compoundWord(k) && !sc.coordinatedTail(y, k) {
			return false // "rockets fired at": a reduced relative, no claim about y
		}
	}
	return true
}

// adverbPair reports an "and" at k between two -ly adverbs ("had
// 'deliberately and dangerously' intruded", "repeatedly and directly
// violated"; a quotation mark may close the first): one adverbial.
func (sc *scope) adverbPair(k int) bool {
	if sc.toks[k].low != "and" || k-1 < sc.s.from || k+1 >= sc.s.to {
		return false
	}
	p := k - 1
	if sc.toks[p].low == "," && p-1 >= sc.s.from {
		p-- // "repeatedly, and directly"
	}
	return strings.HasSuffix(sc.toks[p].low, "ly") && strings.HasSuffix(sc.toks[k+1].low, "ly")
}

// coordinatedTail reports the word at k inside a lower-case tail
// coordinated to the subject y ("the RSF and allied militias had
// committed", "RSF fighters and allied militias"): "and" right after y or its noun,
// then at most coordinatedTailWindow lower-case words, no preposition or
// name. The deed is y's as well.
func (sc *scope) coordinatedTail(y []int, k int) bool {
	e := sc.ms[y[len(y)-1]].to
	if e+1 < k && sc.compoundWord(e) {
		e++ // "RSF fighters and allied militias"
	}
	if e >= k || k-e > coordinatedTailWindow || sc.toks[e].low != "and" {
		return false
	}
	for j := e + 1; j <= k; j++ {
		if t := &sc.toks[j]; !t.word || t.cap || t.is(cPreposition|cClauseBreak|cReporting) || sc.inMention(j) {
			return false
		}
	}
	return true
}

// coordinatedTailWindow: "and", a possessive, a modifier and a noun
// ("and its allied militias").
const coordinatedTailWindow = 4

// compoundWord reports a lower-case noun of a compound head before an
// auxiliary: "a Venezuelan navy patrol boat had entered" (not a verb form).
func (sc *scope) compoundWord(k int) bool {
	t := &sc.toks[k]
	return t.word && !t.cap && !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing") && !t.is(cPreposition|cClauseBreak|cSubjectStop|cReporting)
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

// rememberClaim records, for a denial that follows, that the group subj
// made a claim about the first actor after token r ("The United States and
// South Korea say North Korea has shipped ...": both claim it).
func (sc *scope) rememberClaim(subj []int, r int) {
	sc.st.events++
	sc.rememberSaid(subj, r)
	y, _ := sc.object(r, claimTargetWindow, "", true)
	if y == nil || !sc.accusingClaim(r+1) {
		return
	}
	for _, by := range sc.ids(subj) {
		for _, id := range sc.ids(y) {
			if by != "" && !sc.affiliated(id, by) {
				sc.st.accusers = append(sc.st.accusers, accusation{by: by, of: id, event: sc.st.events, at: sc.st.sentences})
			}
		}
	}
}

// accusingClaim reports a claim from k to the sentence's end that charges
// someone: a hostile verb or noun, an act, a supply or an accusation in it
// ("X says Y shelled ...", "X said Y had shipped shells"), not "X said he
// had signed a declaration with Y".
func (sc *scope) accusingClaim(k int) bool {
	if k <= sc.s.from {
		k = sc.s.from // a claim told before its attribution: the whole sentence
	}
	from := k
	for ; k < sc.s.to; k++ {
		t := &sc.toks[k]
		if t.is(cHostile|cActNoun|cHostileNoun) && !sc.negated(max(from, k-hostilePolarityWindow), k, false) {
			return true // not "said it had no interest in destabilising ..."
		}
		if t.tg == 0 {
			continue // most words: no trigger to read
		}
		if tr, _ := sc.trigOf(t); tr.rel == graph.Supplies || tr.rel == graph.Accuses {
			return true
		}
	}
	return false
}

// hostileAct reads a claimed hostile act named by a noun or a passive
// verb and its agent: "X said the incursion was a provocation by Moscow",
// "a violation by Russia of its airspace" (the lexicon's hostile-noun
// class), "the shells had been fired by the rebels", "carried out by
// hackers linked to China". It reports whether it found one.
func (sc *scope) hostileAct(from int, subj []int) bool {
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for h := from; h+1 < len(toks); h++ {
		if toks[h].is(cClauseBreak) {
			return false
		}
		by := h + 1
		if q := toks[by].low; (q == "\"" || q == "'") && by+1 < len(toks) {
			by++ // "a \"provocation\" by Moscow"
		}
		if q := toks[by].low; !(q == "by" || q == "of" && sc.copularOf(from, h, by)) || !toks[h].is(cHostileNoun) && !sc.deedPassive(from, h) {
			continue // the cheap test first: "by" is rare
		}
		y := sc.after(by)
		if y == nil {
			y = sc.linkedTo(by) // "by hackers linked to China"
		}
		if y == nil || sc.negated(max(from, h-hostilePolarityWindow), h, false) || sc.noEvidence(from, h) {
			return false
		}
		sc.emit(graph.Accuses, subj, y, h, graph.Asserted, "", "")
		return true
	}
	return false
}

// chargedAct reads a claim that names someone's misdeed by a noun of the
// lexicon's charge-act class: "X said Y's involvement in the attack was
// clear", "called for action against the aggression of Y", "condemned
// Russian interference". Not an act told as news ("Y's offensive
// stalled"): only the nouns that charge. It reports whether it found one.
func (sc *scope) chargedAct(from int, subj []int) bool {
	if sc.cls&(cChargeAct|cActNoun) == 0 {
		return false // no word of the sentence is one
	}
	toks := sc.toks[:sc.s.to] // a slice of its own: its bounds read once
	for h := from; h < len(toks); h++ {
		t := &toks[h]
		if t.is(cClauseBreak) {
			return false
		}
		if !t.is(cChargeAct) && !(t.is(cActNoun) && sc.judgedAct(h)) {
			continue
		}
		if n := h + 1; n < sc.s.to && sc.toks[n].word && !sc.toks[n].cap && !sc.toks[n].is(cPreposition|cBe|cAux|cClauseBreak) && sc.toks[n].low != "and" {
			continue // a modifier of another noun: "South Africa's genocide case"
		}
		y := sc.doerBefore(h)
		if y == nil && h+1 < sc.s.to && sc.toks[h+1].low == "of" {
			y = sc.after(h + 1) // "the aggression of the UAE"
		}
		if y == nil || sc.about(y, sc.first(subj)) || sc.negated(max(from, h-hostilePolarityWindow), h, false) {
			continue
		}
		sc.emit(graph.Accuses, subj, y, h, graph.Asserted, "", "")
		return true
	}
	return false
}

// judgedAct reports an act noun at h that the claim goes on to condemn:
// "the repeated Ukrainian attacks on the pipeline were unacceptable", "the
// strikes are a violation of international law" (a form of be, then a
// word of the condemn-predicate class within judgeWindow words). An act
// merely told ("Russian strikes killed 14") is no accusation.
func (sc *scope) judgedAct(h int) bool {
	for k := h + 1; k < sc.s.to && !sc.toks[k].is(cClauseBreak); k++ {
		if !sc.toks[k].is(cBe) {
			continue
		}
		for j := k + 1; j < sc.s.to && j <= k+judgeWindow; j++ {
			if sc.toks[j].in(lcCondemnPredicate) {
				return true
			}
		}
		return false
	}
	return false
}

// judgeWindow: the condemning word after the verb be ("were \"totally
// unacceptable\"", "is a flagrant violation").
const judgeWindow = 4

// doerBefore finds the actor a noun at h belongs to: a possessive or a
// demonym right before it, past quotes and up to two modifiers ("Kyiv's
// \"involvement", "Russia's blatant interference", "Israeli aggression").
func (sc *scope) doerBefore(h int) []int {
	if mi, ok := sc.endAt(h); ok && sc.ms[mi].from < h && sc.ms[mi].pron == "" {
		return sc.grp[sc.ms[mi].group] // "Togo's interference": the noun is the mention's head
	}
	for k := h - 1; k >= sc.s.from && k >= h-doerWindow; k-- {
		if mi, ok := sc.endAt(k); ok {
			if m := &sc.ms[mi]; m.poss || m.adj || m.to == h+1 {
				return sc.grp[m.group]
			}
			return nil
		}
		w := sc.toks[k].low
		if w == "'s" || w == "'" && k > sc.s.from && sc.endsMention(k-1) {
			continue
		}
		if sc.toks[k].word && (sc.toks[k].cap || !sc.modifierWord(k)) {
			return nil
		}
	}
	return nil
}

// copularOf reports "the fighting was the work of X": a hostile noun after
// a copula and "the" whose "of" names the doer of the act the claim's
// subject names (an act-noun, a hostile noun or verb between from and the
// copula). Not "a violation of its airspace" (what was hit), nor "the
// bridge was the work of X" (no hostile act).
func (sc *scope) copularOf(from, h, of int) bool {
	if sc.toks[of].low != "of" || h-2 < sc.s.from || sc.toks[h-1].low != "the" || !sc.toks[h-2].is(cBe) {
		return false
	}
	for k := max(from, sc.s.from); k < h-2; k++ {
		if t := &sc.toks[k]; t.is(cActNoun | cHostile | cHostileNoun) {
			return true
		}
	}
	return false
}

// deedPassive reports a passive participle at h that tells a hostile deed
// (hostilePassive, actPassive), alone or in a list of participles ending
// at h: "the attack had been planned, financed and armed by the Serbian
// state", "the bombing had been financed and directed by Y".
func (sc *scope) deedPassive(from, h int) bool {
	first, hostile, act := h, false, false
	for k := h; ; {
		hostile = hostile || sc.hostilePassive(k)
		act = act || sc.toks[k].in(lcActParticiple)
		first = k
		if k--; k <= sc.s.from || sc.toks[k].low != "and" && sc.toks[k].low != "or" && sc.toks[k].low != "," {
			break
		}
		if k--; sc.toks[k].low == "," {
			k-- // "planned, financed, and armed"
		}
		if k <= sc.s.from || !sc.toks[k].word || sc.toks[k].cap || sc.inMention(k) {
			break
		}
	}
	return hostile || act && sc.passiveParticiple(first) && sc.actNounBefore(from, first)
}

// hostilePassive reports a hostile verb's participle at h whose agent
// follows: "the shells had been fired by", "carried out by",
// "orchestrated by".
func (sc *scope) hostilePassive(h int) bool {
	t := &sc.toks[h]
	if t.low == "out" && h > sc.s.from && sc.toks[h-1].low == "carried" {
		return true
	}
	return t.is(cHostile) && (strings.HasSuffix(t.low, "ed") || t.low == "struck" || t.low == "shot")
}

// linkedTo finds the actor behind an agent that is none: "by hackers
// linked to China", "by militias backed by Iran", "by hackers working for
// Russia's military intelligence", within a few words of the "by" at k.
func (sc *scope) linkedTo(k int) []int {
	for j := k + 1; j+1 < sc.s.to && j <= k+participleWindow; j++ {
		if w, n := sc.toks[j].low, sc.toks[j+1].low; sc.x.lex.has(lcLinkedTo, w) && n == "to" || sc.x.lex.has(lcLinkedBy, w) && n == "by" || sc.x.lex.has(lcLinkedWith, w) && n == "with" || n == "for" && sc.x.lex.in("linked-for", w) {
			return sc.after(j + 1)
		}
		if !sc.toks[j].word || sc.toks[j].cap {
			return nil
		}
	}
	return nil
}

// claimMadeBy finds who made the claim named at k when a participle says
// it: "allegations, first made by US officials in 2019, that ...".
func (sc *scope) claimMadeBy(k int) []int {
	for j := k + 1; j+1 < sc.s.to && j <= k+participleWindow; j++ {
		if sc.toks[j].in(lcClaimParticiple) && sc.toks[j+1].low == "by" {
			return sc.after(j + 1)
		}
	}
	return nil
}

// newClauseAt reports a comma at k that opens a clause of its own: a name
// (no possessive, modifier or pronoun) and its own finite verb after it,
// as the items of a roundup's headline ("Mogadishu accuses Addis over
// Puntland arms, Egyptian shipment lands, UAE rejects Sudan charges",
// "Hezbollah denies Majdal Shams blame, Houthis claim Red Sea strike"):
// what a verb before the comma charges or denies is not looked for past it.
func (sc *scope) newClauseAt(k int) bool {
	if k+1 >= sc.s.to || sc.toks[k].low != "," {
		return false
	}
	mi, ok := sc.startAt(k + 1)
	if !ok && sc.toks[k+1].low == "the" {
		mi, ok = sc.startAt(k + 2)
	}
	if !ok {
		return false
	}
	m := &sc.ms[mi]
	if m.poss || m.adj || m.pron != "" {
		return false
	}
	g := sc.grp[m.group]
	e := sc.ms[g[len(g)-1]].to
	if e >= sc.s.to || sc.toks[e].cap {
		return false
	}
	return sc.finiteVerb(e) || sc.toks[e].is(cClaimVerb)
}

// clauseBetween reports a comma that opens a clause of its own between
// the tokens from and to (newClauseAt).
func (sc *scope) clauseBetween(from, to int) bool {
	for k := from + 1; k < to; k++ {
		if sc.newClauseAt(k) {
			return true
		}
	}
	return false
}

// deedSubject finds the owner of a deed told as the subject of the
// hostile verb at h in a claim: "said the US arms sales to China's Taiwan
// region seriously violate ...", "Washington's moves undermine ...". The
// deed is a deed-noun or a supply noun (not an act: "drone attacks killed
// 14 people" reports), before the verb
// past adverbs and auxiliaries and a phrase opened by a preposition
// after the deed (deedSubjectWindow words); its owner a possessive or
// demonym before it (conductOwner).
func (sc *scope) deedSubject(from, h int) []int {
	j := h - 1
	for j > from && (sc.toks[j].is(cAux) || sc.adverb(j) || sc.toks[j].in(lcCopulaAdverb)) {
		j--
	}
	for k := j; k > from && k >= j-deedSubjectWindow; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak|cBe|cReporting) || t.low == "," || t.low == "that" || t.low == "which" {
			return nil
		}
		if !t.in(lcDeedNoun) && !sc.supplyNounAt(k) {
			continue
		}
		if k < j && !sc.toks[k+1].is(cPreposition) && sc.toks[k+1].low != "to" {
			return nil // "Russia's decision Kyiv rejected undermines ...": the deed is no subject
		}
		if y := sc.conductOwner(k); y != nil {
			return y
		}
		return sc.nameModifier(k) // "the US arms sales"
	}
	return nil
}

// nameModifier finds a state's name modifying the noun at k past
// lower-case nouns ("the US arms sales": a name no demonym), not a
// person's or a pronoun.
func (sc *scope) nameModifier(k int) []int {
	for w := k - 1; w >= sc.s.from && w >= k-conductOwnerWindow; w-- {
		if mi, ok := sc.endAt(w); ok {
			if m := &sc.ms[mi]; !m.person && m.pron == "" {
				return sc.grp[m.group]
			}
			return nil
		}
		if !sc.lowerNoun(w) {
			return nil
		}
	}
	return nil
}

// supplyNounAt reports a noun of supply at k ("sales", "deliveries").
func (sc *scope) supplyNounAt(k int) bool {
	g, ok := sc.trigOf(&sc.toks[k])
	return ok && g.rel == graph.Supplies && g.pos == noun
}

// deedSubjectWindow: the words from a deed to the hostile verb it is the
// subject of ("sales to China's Taiwan region").
const deedSubjectWindow = 6

// noEvidence reports a negated noun of evidence and its "that" between
// from and h: "said there was no evidence that the missile ... had been
// fired by Russia", "saw no sign that" (a negator, at most one word, a
// word of the evidence-noun class, then "that").
func (sc *scope) noEvidence(from, h int) bool {
	for k := max(from, sc.s.from); k+2 < h; k++ {
		if !sc.toks[k].is(cNegator) {
			continue
		}
		for n := k + 1; n+1 < h && n <= k+2; n++ {
			if sc.toks[n].in(lcEvidenceNoun) && sc.toks[n+1].low == "that" {
				return true
			}
		}
	}
	return false
}

// roleAsideWindow: the words of a role aside opened by "as" ("as the main
// supporter of the occupying regime").
const roleAsideWindow = 14

// roleAsideSubject returns the subject of the verb at h (not before lo)
// when a role aside opened by "as" and a determiner stands between them:
// "Israel, as the occupying power, bears full responsibility", "the United
// States, as the main supporter of the regime, bears ...", "The US, as
// the one who started the crisis, keeps smearing China". Only auxiliaries
// and adverbs between the aside's closing comma and the verb; nil else.
func (sc *scope) roleAsideSubject(h, lo int) []int {
	c := h - 1
	for c > lo && (sc.toks[c].is(cAux) || sc.adverb(c) || sc.toks[c].in(lcAspectVerb)) {
		c--
	}
	if c <= lo || sc.toks[c].low != "," {
		return nil
	}
	for k := c - 1; k > lo+1 && k >= c-roleAsideWindow; k-- {
		t := &sc.toks[k]
		if t.is(cClauseBreak) || t.low == ";" || t.low == "\"" {
			return nil
		}
		if t.low != "," {
			continue
		}
		if sc.toks[k+1].low != "as" || !sc.toks[k+2].in(lcDeterminer) && sc.toks[k+2].low != "one" {
			return nil
		}
		mi, ok := sc.endAt(k - 1)
		if !ok || k-1 < lo || sc.ms[mi].poss || !sc.eligible(sc.ms[mi].group) {
			return nil
		}
		return sc.grp[sc.ms[mi].group]
	}
	return nil
}

// titleTailWindow: the words of a speaker's title after his name at a
// sentence's end ("Asia director at Human Rights Watch").
const titleTailWindow = 12

// titleTail reports a title with no determiner set after an inverted
// speaker's name at the comma e and running to the sentence's end:
// "...,\" said Elaine Pearson, Asia director at Human Rights Watch",
// "said Agnes Callamard, Amnesty's secretary general" (tailOnly reads
// those with a determiner). No verb, auxiliary, verb of saying, relative
// word or second comma in it: "said Fatmata Kamara, who sells rice" and
// "said X, a researcher who studies ..." are no titles.
func (sc *scope) titleTail(e int) bool {
	if e+1 >= sc.s.to || sc.toks[e].low != "," {
		return false
	}
	n := 0
	for k := e + 1; k < sc.s.to; k++ {
		if mi, ok := sc.startAt(k); ok {
			k = sc.ms[mi].to - 1
			n++
			continue
		}
		t := &sc.toks[k]
		if !t.word {
			if t.low == "," || t.low == ";" || t.low == ":" || t.low == "\"" {
				return false
			}
			continue
		}
		if n++; n > titleTailWindow || t.is(cClauseBreak|cReporting|cAux|cBe) || t.in(lcRelativeWhich) || t.low == "who" || t.low == "that" {
			return false
		}
		if tr, ok := sc.trigOf(t); ok && tr.pos != noun {
			return false
		}
	}
	return true
}
