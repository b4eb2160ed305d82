package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"geokg/graph"
)

// mention is an actor named in a sentence: a dictionary name, a demonym
// phrase, a titled person, or a pronoun to resolve.
type mention struct {
	from, to int // the whole phrase, token indexes [from, to)
	nFrom    int // where the name itself starts (evidence span)
	id       graph.ActorID
	person   bool
	poss     bool         // followed by "'s" and left as a modifier ("Pyongyang's allies")
	adj      bool         // a bare demonym: only a modifier ("Iranian drones")
	pron     string       // a pronoun or "the minister"; id is resolved later
	group    int          // index of its group in the sentence
	act      *graph.Actor // the dictionary actor of the name matched, if any (it may no longer be id's)
}

// actorsIn finds the mentions of a sentence's tokens [from, to).
// It appends them to ms.
func (x *Extractor) actorsIn(ms []mention, toks []token, from, to int, st *articleState) []mention {
	if l := x.readTurn(toks, from, to, st); l > from {
		from = l // a speaker's label names no actor of the sentence
	} else if d := dateline(toks, from, to); d > from {
		x.sectionDateline(toks, from, d, st)
		from = d
	}
	var m mention // written by mentionInto only when a rule matches
	for i := from; i < to; {
		// a lower-case word that starts no name and at which no rule of
		// mentionAt starts (its tests, gathered by the tokenizer in
		// mayStart): skip a run of them
		for i < to && !toks[i].mayStart {
			i++
		}
		if i == to {
			break
		}
		next := x.mentionInto(&m, toks, i, from, to, st)
		if m.id != "" || m.pron != "" {
			ms = append(ms, m)
		}
		m = mention{}
		i = next
	}
	return ms
}

// sectionDateline reads the dateline of a roundup's section at
// toks[from:d] ("EL FASHER, Sudan -", "MOSCOW -"; no date, no bracket as
// in the story's own "CAIRO, May 3 (Reuters) -"): the section is about
// the one state it names, whose army, junta, ministry and government "the
// army", "the ministry" ... mean from then on; naming none or several, it
// forgets the sections before's.
func (x *Extractor) sectionDateline(toks []token, from, d int, st *articleState) {
	var id graph.ActorID
	for c := from; c < d; c++ {
		if startsDigit(toks[c].text) || toks[c].low == "(" {
			return
		}
		if s := x.stateAt(toks, c, d); s != "" {
			if id != "" && s != id {
				id = ""
				break // "YEREVAN / MADRID -"
			}
			id = s
		}
	}
	st.armyOwner, st.juntaOwner, st.ministryOwner, st.governmentOwner = id, id, id, id
}

// mentionAt reads the mention that starts at toks[i]: a titled person, a
// dictionary name, a reference to one named before or a phrase that names
// an actor. It returns it (zero if none) and where scanning goes on.
func (x *Extractor) mentionAt(toks []token, i, from, to int, st *articleState) (mention, int) {
	var m mention
	next := x.mentionInto(&m, toks, i, from, to, st)
	return m, next
}

// mentionInto is mentionAt writing the mention to *m, which must be zero
// and is zero again when none starts at i: the mention of 80 bytes is not
// copied out of every word the chain is tried at. The rules tried at
// every capitalised word (titleHolder, officialFor, referenceAt, bodyRef,
// phraseAt and phraseAt's) report whether they match and write the
// mention to their first argument only then; a rule that wrote part of
// it and failed is undone at the end.
func (x *Extractor) mentionInto(m *mention, toks []token, i, from, to int, st *articleState) int {
	// one dictionary lookup at i serves both the titled person and the
	// name; m is written by the rule that matches
	ref := &noRef
	end, ok := -1, false
	if toks[i].is(cNameStart) { // else longest finds nothing
		if x.titleHolder(m, toks, i, from, to, st) {
			return m.to
		}
		ref, end, ok = x.trie.longest(toks, i, to)
		if !ok && int(toks[i].wid) < len(x.seatWord) && x.seatWord[toks[i].wid] && toks[i].cap {
			ref, end, ok = x.seatNamed(toks, i, st)
		}
	}
	if (toks[i].cap || toks[i].low == "the") && (toks[i].upper || !st.parenFree(i, to)) && x.introducedGroup(m, toks, i, to, st) {
		return m.to
	}
	if (toks[i].cap || toks[i].is(cTitleWord)) && x.lex.titleAfter(toks, i, end, ok, to) { // personAt's first tests
		if pm, found := x.personAt(toks, i, to, ref, end, ok, st); found {
			*m = pm
			return m.to
		}
	}
	if ok && x.boundaryOK(toks, ref, i, end, from, to) {
		var next int
		*m, next = x.nameMention(toks, ref, i, end, from, to, st)
		return next
	}
	if !toks[i].cap && !toks[i].is(cPronoun|cPersonTitle|cMentionStart) && !x.lex.articleName(&toks[i]) {
		// none of the rules below can start at a lower-case word
		// other than these: skip their chain of checks
		return noMention(m, i)
	}
	if bareDeterminer(toks, i, to) {
		return noMention(m, i) // "the", "a" before no word a rule below needs (match.go)
	}
	if x.officialFor(m, toks, i, to) {
		return m.to
	}
	if x.unstatedBody(m, toks, i, to, st) || x.shortNameRef(m, toks, i, to, st) || x.referenceAt(m, toks, i, from, to, st) {
		var next int
		*m, next = referencePossessive(toks, *m, to)
		return next
	}
	if x.bodyRef(m, toks, i, to) || x.phraseAt(m, toks, i, from, to, st) {
		return m.to
	}
	return noMention(m, i)
}

// seatRef is a capital written in capitals only in the dictionary: the
// word id of its one word and its name's reference.
type seatRef struct {
	wid int32
	ref *nameRef
}

// capsSeats finds the one-word capitals of the states of byID that
// the trie matches in capitals only ("GEORGETOWN", "MALE", "KINGSTON",
// "SOFIA"), and marks their word ids (seatWord: one load tells every
// other word from them). Only a state's aliases in capitals are looked up
// (an abbreviation such as "DRC" has no such reference and is skipped).
func capsSeats(t *trie, byID *actorIndex) ([]seatRef, []bool) {
	var out []seatRef
	var words []bool
	for _, a := range byID.byRank {
		if a.ID[0] < 'A' || a.ID[0] > 'Z' {
			break // the states' ISO codes sort first
		}
		if a.Type != graph.Country {
			continue
		}
		for _, n := range a.Aliases {
			if len(n) < 4 || strings.IndexByte(n, ' ') >= 0 || !isAllCaps(n) {
				continue
			}
			low := strings.ToLower(n)
			sl := t.table.find(low, fnvString(low))
			if sl == nil || sl.wid <= 0 || int(sl.wid) >= len(t.root) || t.root[sl.wid] == nil {
				continue
			}
			for k := range t.root[sl.wid].refs {
				if r := &t.root[sl.wid].refs[k]; r.kind == NameCapital && r.exact != "" && r.id == a.ID {
					out = append(out, seatRef{wid: sl.wid, ref: r})
					if words == nil {
						words = make([]bool, len(t.root))
					}
					words[sl.wid] = true
				}
			}
		}
	}
	return out, words
}

// seatNamed reads a capital the dictionary matches in capitals only,
// written capitalised at toks[i] ("accused Georgetown of", "signed in
// Male"), as its state's name once the article has named that state or
// datelined the story there: an English word ("Male") or another place
// of the name ("Georgetown University") in any other article.
func (x *Extractor) seatNamed(toks []token, i int, st *articleState) (*nameRef, int, bool) {
	for k := range x.seats {
		s := &x.seats[k]
		if s.wid == toks[i].wid && (st.stateCounts.of(s.ref.id) > 0 || st.dateline == s.ref.id) {
			return s.ref, i + 1, true
		}
	}
	return &noRef, -1, false
}

// noMention clears what a rule that failed may have written to m and
// returns where scanning goes on: the next word.
func noMention(m *mention, i int) int {
	*m = mention{}
	return i + 1
}

// referencePossessive reads a possessive after a reference as after a
// name: "the rapporteur's allegations", "Andrews' suggestion" (a
// possessive), "the group's fighters" (the reference with its head noun).
func referencePossessive(toks []token, m mention, to int) (mention, int) {
	k := m.to
	if m.poss || k >= to || toks[k].low != "'s" && toks[k].low != "'" {
		return m, m.to
	}
	if h := headAfter(toks, k+1, to); h > 0 && toks[k].low == "'s" {
		m.to = h
		return m, h
	}
	m.poss = true
	return m, k + 1
}

// referenceAt matches a reference to an actor named before: a surname of
// the article's persons, a pronoun, "the minister", "the group", "the
// ministry", "his government".
//
// A pronoun in capitals is no pronoun: "US" before a name it does not
// start ("US Africa Command") is the state's, never "us".
func (x *Extractor) referenceAt(out *mention, toks []token, i, from, to int, st *articleState) bool {
	if toks[i].cap || x.lex.articleName(&toks[i]) {
		id, ok := st.surname(toks[i].text)
		if !ok && toks[i].hyphen { // "Al-Maliki" after "al-Maliki"; a name with no article was just looked up
			if s := x.lex.stripArticle(toks[i].text); len(s) < len(toks[i].text) {
				id, ok = st.surname(s)
			}
		}
		if ok {
			*out = mention{from: i, to: i + 1, nFrom: i, id: id, person: true}
			return true
		}
	}
	if p := toks[i].low; toks[i].is(cPronoun) && !(toks[i].upper && len(toks[i].text) > 1) && !romanOne(toks, i) && !x.lex.examplesPronoun(toks, i, to) && !(p == "it" && (i+1 < to && (toks[i+1].in(lcImpersonalVerb) || i+2 < to && toks[i+1].in(lcImpersonalCopula) && toks[i+2].is(cImpersonalAdj)) || cleftIt(toks, i, to))) {
		*out = mention{from: i, to: i + 1, nFrom: i, pron: p, poss: toks[i].pc&pPossessive != 0}
		if h := headAfter(toks, i+1, to); out.poss && h > 0 && toks[h-1].is(cGovHead) && x.opensSubject(toks, i) {
			// "Its air force operates ...", "and its foreign ministry
			// accused ...": the state's institution is the state, as
			// "Chile's air force" is
			out.to, out.poss = h, false
		} else if out.poss && h > 0 && toks[h-1].is(cPersonTitle) && x.opensSubject(toks, i) {
			x.ownedTitle(out, toks, i, h, to, st)
		}
		if out.poss && toks[i].pc&pSpeaker != 0 && i+1 < to && toks[i+1].in(lcHisState) {
			// "Our country condemns ...", "armed our army": the speaker's state
			out.to, out.poss = i+2, false
		}
		return true
	}
	if w := toks[i].low; w == "the" || (w == "a" || w == "an") && x.lex.institutionRef(toks, i, to) > 0 {
		if x.theRefAt(out, toks, i, from, to, st) {
			return true
		}
		if id := ownedHead(toks, i, to, st); id != "" {
			// "the lawmakers", "the lawmakers' accusations"
			*out = mention{from: i, to: i + 2, nFrom: i, id: id, poss: i+2 < to && toks[i+2].low == "'"}
			return true
		}
	}
	if w := toks[i].low; (w == "his" || w == "her") && i+1 < to {
		if toks[i+1].in(lcHisState) {
			// "His government has sent aid": the state of the last person
			*out = mention{from: i, to: i + 2, nFrom: i, pron: "hisstate"}
			return true
		}
		if toks[i+1].is(cClaimNoun) && !toks[i+1].cap {
			// "rejected her statements", "his account": the person's claim
			p := "he"
			if w == "her" {
				p = "she"
			}
			*out = mention{from: i, to: i + 1, nFrom: i, pron: p, poss: true}
			return true
		}
	}
	return false
}

// modifiedBodyAhead reports a body noun one or two words after the "the"
// at toks[i], not right after it ("the military alliance", "the
// Moscow-led security bloc"): bodyRef's modified reference. Bits only.
func modifiedBodyAhead(toks []token, i, to int) bool {
	if i+2 >= to || toks[i+1].is(cBodyNoun) {
		return false
	}
	for j := i + 2; j < to && j <= i+1+bodyRefModifiers; j++ {
		if toks[j].is(cBodyNoun) {
			return true
		}
	}
	return false
}

// romanOne reports an "I" that numbers the name before it ("World War I",
// "Phase I"), not the first person.
func romanOne(toks []token, i int) bool {
	return toks[i].text == "I" && i > 0 && toks[i-1].cap && toks[i-1].word && !toks[i].nl && toks[i-1].end == toks[i].start-1
}

// theRefAt matches a reference that starts at "the" (or "a" before an
// institution): first a role and the name after it ("the government
// spokesman, NAME,": roleThenName, before "the government" is read as the
// state), "the Lebanese group" (demonymGroupRef), then theRef's in order.
func (x *Extractor) theRefAt(out *mention, toks []token, i, from, to int, st *articleState) bool {
	if i+2 < to && (toks[i+1].is(cPersonTitle) || toks[i+2].is(cPersonTitle)) && x.roleThenName(out, toks, i, from, to, st) {
		return true
	}
	if n := x.demonymGroupRef(toks, i, to); n > 0 {
		*out = mention{from: i, to: i + n, nFrom: i, pron: "group"}
		return true
	}
	if n, pron := x.lex.theRef(toks, i, to); n > 0 {
		if i+n < to && toks[i+n].is(cBodyNoun) && x.bodyRef(out, toks, i, to) {
			return true // "the military alliance": not "the military"
		}
		*out = mention{from: i, to: i + n, nFrom: i, pron: pron}
		return true
	}
	return false
}

// opensSubject reports whether a phrase at toks[i] stands where a clause's
// subject does: opening the sentence, or after a comma, "and", "but" or
// a clause break ("and its foreign ministry accused ..."), not after a
// verb or a preposition ("trains its forces", "the source of its
// military hardware").
func (x *Extractor) opensSubject(toks []token, i int) bool {
	if toks[i].cap {
		return true
	}
	j := i - 1
	for n := 0; j >= 0 && n < openerTimeWindow && toks[j].word && toks[j].in(lcTimeWord) && !toks[j].is(cPreposition); n++ {
		j-- // "and yesterday our forces began ...": past a time phrase
	}
	if j < 0 {
		return j+1 < i // "Yesterday our forces ..." is no sentence of its own here
	}
	p := &toks[j]
	if j < i-1 && (p.low == "\"" || toks[j+1].nl) {
		return true // "\"Last week our forces ...": the time phrase opened the quote
	}
	return p.low == "," || p.low == "and" || p.low == "but" || p.is(cClauseBreak)
}

// openerTimeWindow is how many time words (time-word: "yesterday", "last
// year") may stand between a subject's opener and the pronoun that opens
// it.
const openerTimeWindow = 2

// ownedHead matches "the lawmakers", "the officials": a plural noun of
// people the article named before with a state on it ("27 U.S.
// lawmakers"), that state; "" otherwise, or when a name or "of" follows
// ("the officials of the ministry").
func ownedHead(toks []token, i, to int, st *articleState) graph.ActorID {
	if i+1 >= to || len(st.headOwner) == 0 || !toks[i+1].in(lcOwnedHead) {
		return "" // headOwner holds owned-head words only
	}
	if i+2 < to && (toks[i+2].cap || toks[i+2].low == "of" || toks[i+2].low == "'s") {
		return ""
	}
	return st.headOwner[toks[i+1].low]
}

// theRef tries the references that start at "the" in order, and returns
// the first match's length and the pronoun its mention stands for (0 and
// "" if none). They are called directly, not through a table of funcs,
// so that the small ones are inlined and none is an indirect call.
func (c *lexicon) theRef(toks []token, i, to int) (int, string) {
	if n := c.titleRef(toks, i, to); n > 0 {
		return n, "he"
	}
	if n := c.groupRef(toks, i, to); n > 0 {
		return n, "group"
	}
	if n := c.institutionRef(toks, i, to); n > 0 {
		return n, "state"
	}
	if n := c.officeRef(toks, i, to); n > 0 {
		return n, "state"
	}
	if n := c.descriptionRef(toks, i, to); n > 0 {
		return n, "desc"
	}
	if n := c.documentRef(toks, i, to); n > 0 {
		return n, "document"
	}
	return 0, ""
}

// documentRef matches a body's text opening a clause: "The text condemns
// ...", ", and the resolution demands ..." ("the" and a noun of the
// document-noun class, no "of", possessive or name after it). Its actor
// is the adopter the article named last (resolveDocument).
func (c *lexicon) documentRef(toks []token, i, to int) int {
	if i+1 >= to || !toks[i+1].in(lcDocumentNoun) || toks[i+1].cap {
		return 0
	}
	if i+2 < to && (toks[i+2].low == "of" || toks[i+2].low == "'s" || toks[i+2].cap) {
		return 0
	}
	if !toks[i].cap && (i == 0 || toks[i-1].low != "," && toks[i-1].low != "and") {
		return 0 // "Russia criticised the resolution": the text as an object is no actor
	}
	return 2
}

// phraseAt matches a phrase that names an actor without a name of its
// own: "the Modi government", "the government in Minsk", a person with an
// apposition giving the role, "the two countries". Each rule is called
// only where its first test can hold: pluralRef at a word of
// cMentionStart, seatIn at one other than "the", leaderGovernment at
// "the" or a capital.
func (x *Extractor) phraseAt(out *mention, toks []token, i, from, to int, st *articleState) bool {
	the, start := toks[i].low == "the", toks[i].is(cMentionStart)
	if the && x.nationsOf(out, toks, i, to) {
		return true
	}
	if (the || toks[i].cap) && x.leaderGovernment(out, toks, i, to) {
		return true
	}
	if start && !the && (x.seatIn(out, toks, i, to) || x.membersOf(out, toks, i, to)) {
		return true
	}
	if x.appositivePerson(out, toks, i, from, to, st) {
		return true
	}
	if the {
		if n := x.lex.regionalRef(toks, i, to); n > 0 {
			*out = mention{from: i, to: i + n, nFrom: i, pron: "collective"}
			return true
		}
	}
	if start {
		if n := x.lex.pluralRef(toks, i, to); n > 0 {
			*out = mention{from: i, to: i + n, nFrom: i, pron: "they"}
			return true
		}
	}
	return start && x.examplesAhead(out, toks, i, from, to, st) // examples.go
}

// titleAfter is personAt's test for a title word where its title phrase
// would start: at i, or after the name matched there (end, if ok) and
// a possessive.
func (c *lexicon) titleAfter(toks []token, i, end int, ok bool, to int) bool {
	j := i
	if ok {
		j = c.portfolioEnd(toks, end, to)
	}
	return j < to && toks[j].is(cPersonTitle|cTitleWord)
}

// portfolioWindow is how many words a portfolio may have between a state
// and its person title: "Ghana's Information Minister", "the EU Home
// Affairs Commissioner".
const portfolioWindow = 3

// portfolioEnd returns where the title starts after a state's name ending
// at j: past a possessive and the words of a portfolio that a person title
// follows ("Chile's Agriculture Minister Ana Ruiz", "US Treasury Secretary
// Janet Yellen", "Russia's energy minister"); j itself (or after "'s")
// when none. The portfolio is written in the title's case: "Washington
// under President Javier Milei" holds none.
func (c *lexicon) portfolioEnd(toks []token, j, to int) int {
	if j < to && toks[j].low == "'s" {
		j++
	}
	if j >= to || toks[j].is(cTitleWord) {
		return j
	}
	for k := j; k < to && k <= j+portfolioWindow; k++ {
		t := &toks[k]
		if k > j && t.is(cPersonTitle) && t.cap == toks[j].cap {
			return k
		}
		// a capitalised word that starts a name is an actor, not a
		// portfolio; in lower case it is one ("Britain's human rights
		// minister": "Human Rights Watch" starts with "human")
		if !t.word || t.upper || t.cap != toks[j].cap || c.functionWord(t) || (t.is(cTrigger|cReporting) || t.cap && t.is(cNameStart)) && !t.is(cTitleWord) {
			return j
		}
	}
	return j
}

// pluralRef matches "the two countries", "both sides", "the three governments".
func (c *lexicon) pluralRef(toks []token, i, to int) int {
	j := i
	if j < to && toks[j].is(cPluralDet) {
		j++
	} else if i > 0 && (toks[i-1].low == "of" || toks[i-1].low == "only") {
		return 0 // "one of only three states to recognise": a number of states, no reference
	}
	// a count after the determiner ("the two countries"; "both" is the
	// determiner itself, not a count after one)
	if j < to && toks[j].is(cCount) && !toks[j].is(cPluralDet) {
		j++
		// "the two separatist regions", "the three European powers", "the
		// two Gulf Arab states": up to two modifiers before the noun
		for n := 0; n < 2 && j+1 < to && !toks[j].is(cPluralRef) && c.pluralModifier(&toks[j]); n++ {
			j++
		}
	}
	if j == i || j >= to {
		return 0
	}
	if toks[j].is(cPluralRef) {
		if toks[i].low == "the" && j == i+1 && !(toks[j].cap && toks[j].in(lcCommuniqueNoun)) {
			// "the countries" alone is too vague; "the two countries" is
			// not, nor a communique's "The Ministers" (its signatories)
			return 0
		}
		return j + 1 - i
	}
	return 0
}

// regionWords is how many capitalised words of a region may stand
// between "the" and the noun of a regional reference: two ("the Central
// Asian republics").
const regionWords = 2

// regionalRef matches "the Nordic countries", "the Gulf monarchies", "the
// Central Asian republics": "the", one or two capitalised words of the
// lexicon's region-modifier class and a plural-ref noun. It refers to the
// states named together before it in the sentence (resolveCollective).
func (c *lexicon) regionalRef(toks []token, i, to int) int {
	j := i + 1
	for j < to && j <= i+regionWords && toks[j].cap && toks[j].in(lcRegionModifier) {
		j++
	}
	if j == i+1 || j >= to || !toks[j].is(cPluralRef) {
		return 0
	}
	return j + 1 - i
}

// pluralModifier reports a word that may stand between the number and the
// noun of a plural reference: a capitalised word ("European", "Gulf") or
// an adjective-like lower-case one ("separatist", "breakaway": the
// lexicon's plural-modifier-ending).
func (c *lexicon) pluralModifier(t *token) bool {
	if t.cap {
		return t.word
	}
	return c.endsIn("plural-modifier-ending", t.low, 0)
}

// pluralSize returns the number a plural reference names ("the three
// countries" -> 3, "both sides" -> 2: the lexicon's count-N classes), or 0.
func (c *lexicon) pluralSize(toks []token, from, to int) int {
	for k := from; k < to; k++ {
		if toks[k].is(cCount) {
			return c.count[toks[k].low]
		}
	}
	return 0
}

// gerundNext reports a lower-case gerund at k, past an opening quote.
func gerundNext(toks []token, k, to int) bool {
	if k < to && (toks[k].low == "\"" || toks[k].low == "'") {
		k++
	}
	return k < to && toks[k].word && !toks[k].cap && strings.HasSuffix(toks[k].low, "ing")
}

// groupRef matches "the group", "the militia", "the rebels": an armed
// group named before.
func (c *lexicon) groupRef(toks []token, i, to int) int {
	if toks[i].low != "the" || i+1 >= to {
		return 0
	}
	if toks[i+1].is(cGroupRef) {
		n := 2
		if i+2 < to && toks[i+2].is(cGroupRef) {
			n = 3 // "the paramilitary group": the longer noun
		}
		if k := i + n; k < to && (toks[k].low == "of" && !gerundNext(toks, k+1, to) || toks[k].low == "'s" || toks[k].cap) {
			return 0 // "the group of experts"; not "accused the group of trying to ..."
		}
		return n
	}
	return 0
}

// demonymGroupRef matches "the Lebanese group", "the Yemeni rebels", "the
// Russian group": "the", a state's demonym and a noun of the group-ref
// class (what groupRef reads after "the"). It names the armed group of
// that country named before (Hezbollah, the Houthis, Wagner), never the
// state: it returns the reference's length, or 0.
func (x *Extractor) demonymGroupRef(toks []token, i, to int) int {
	if i+2 >= to || !toks[i+1].cap || !toks[i+2].is(cGroupRef) {
		return 0
	}
	ref, end, ok := x.trie.longest(toks, i+1, i+2)
	if !ok || end != i+2 || ref.kind != NameDemonym {
		return 0
	}
	if e, ok := x.refActor(ref); !ok || e.Type != graph.Country {
		return 0
	}
	if k := i + 3; k < to && (toks[k].low == "'s" || toks[k].cap) {
		return 0 // as groupRef; "of" after it is the accusation's ("accused the Lebanese group of provocations")
	}
	return 3
}

// boundaryOK rejects a name that is part of a longer proper name
// ("Washington Post", "Michael Jordan", "Beijing Olympics").
func (x *Extractor) boundaryOK(toks []token, ref *nameRef, i, end, from, to int) bool {
	if ref.kind == NameDemonym || ref.kind == nameDemonymPlural {
		// "Latin American", "South American": a region, not the state
		return i-1 <= from || !x.namePrefix(toks, i, from) || x.prefixedBody(toks, i, end, to) > 0
	}
	if end < to && toks[end].low == "$" && toks[end].start == toks[end-1].end {
		return false // "US$4 million", "A$200 million": a currency, not the state
	}
	if end < to {
		n := &toks[end]
		if n.cap && n.word && !n.nl && !n.is(cWeekday) && !n.is(cTitleWord) && !n.is(cHead) && !x.startsName(toks, end, to) && n.low != "'s" &&
			!n.in(lcCompanySuffix) && !x.goodsName(toks, end, to) && !stateBody(toks, end, to) && !x.sharedPluralHead(toks, ref, i, end, from, to) { // "Hyundai Rotem Co."; "sold Caracas Sukhoi jets"; "the Pakistan Air Force"
			return false
		}
	}
	if end-i == 1 && i > from && x.namePrefix(toks, i, from) && x.prefixedBody(toks, i, end, to) == 0 {
		return false
	}
	return !x.innerBodyName(toks, ref, i, end, from)
}

// innerBodyName reports a body's name of several words that ends a longer
// capitalised name the dictionary lacks: "the West Papua National
// Liberation Army" is not the ELN ("National Liberation Army"), "Iran's
// Supreme National Security Council" not another state's council. The
// word before it must start that name as namePrefix says, and be no
// function word ("At Security Council" in a headline) nor a hyphenated
// compound.
func (x *Extractor) innerBodyName(toks []token, ref *nameRef, i, end, from int) bool {
	if end-i < 2 || i-1 <= from || !x.namePrefix(toks, i, from) || x.lex.functionWord(&toks[i-1]) || strings.ContainsRune(toks[i-1].low, '-') {
		return false // "the Russia-based Wagner Group": a compound modifies the name
	}
	a, ok := x.refActor(ref)
	return ok && (a.Type == graph.Group || a.Type == graph.Organization)
}

// prefixedBody reports a state's name or demonym at [i, end) between a
// word of the body-prefix class and the capitalised body it names: "the
// Royal Thai Navy", "the Royal Solomon Islands Police Force" (the prefix
// starts no longer name there). It returns the body's end, or 0.
func (x *Extractor) prefixedBody(toks []token, i, end, to int) int {
	if i == 0 || !toks[i-1].cap || !toks[i-1].in(lcBodyPrefix) {
		return 0
	}
	if h := x.bodyAfter(toks, end, to); h > 0 {
		return h
	}
	h := end
	for h < to && h < end+bodyAfterWindow && toks[h].cap && toks[h].word && toks[h].is(cInstitution|cHead) {
		h++
	}
	if h > end && toks[h-1].is(cHead) {
		return h // "Royal Australian Navy", "Royal Malaysian Police"
	}
	return 0
}

// sharedHeadWords is how many capitalised words a plural head shared by
// coordinated names may have: two ("People's Republics").
const sharedHeadWords = 2

// sharedPluralHead reports a name at [i, end) that ends a coordination
// whose names share the capitalised plural head after it: "the Donetsk
// and Luhansk People's Republics" (a name after "and" or "or", the head
// one or two capitalised words ending in a plural, the first name being
// the same kind of actor).
func (x *Extractor) sharedPluralHead(toks []token, ref *nameRef, i, end, from, to int) bool {
	if i-2 < from || toks[i-1].low != "and" && toks[i-1].low != "or" {
		return false
	}
	j, words := end, 0
	for j < to && words < sharedHeadWords && (toks[j].cap && toks[j].word || toks[j].low == "'s" && j > end) {
		if toks[j].cap {
			words++
		}
		j++
	}
	last := toks[j-1].low
	if j >= to || words == 0 || toks[j].cap || len(last) < 4 || last[len(last)-1] != 's' || strings.HasSuffix(last, "ss") {
		return false
	}
	first, ok := x.nameEndingAt(toks, i-2, from)
	return ok && first.actor != nil && ref.actor != nil && first.actor.Type == ref.actor.Type
}

// nameEndingAt returns the dictionary name that ends at token j.
func (x *Extractor) nameEndingAt(toks []token, j, from int) (*nameRef, bool) {
	for k := j; k >= from && k > j-endNameWindow; k-- {
		if r, end, ok := x.trie.longest(toks, k, j+1); ok && end == j+1 {
			return r, true
		}
	}
	return nil, false
}

// stateBody reports capitalised words at k up to a head noun, each an
// institution word or a head ("Air Force", "Defence Force", "Coast
// Guard"): a body the name before them names ("the Pakistan Air Force"),
// not a longer name ("Iran Air", "Washington Post").
func stateBody(toks []token, k, to int) bool {
	j := k
	for j < to && j < k+bodyAfterWindow && toks[j].cap && toks[j].is(cInstitution|cHead) {
		j++
	}
	return j > k && toks[j-1].is(cHead) && (j >= to || !toks[j].cap)
}

// goodsName reports a capitalised word at k that names goods, not a part
// of the name before it: a goods word ("Sukhoi") or a model before one
// ("handed over to Belarus Iskander missile systems").
func (x *Extractor) goodsName(toks []token, k, to int) bool {
	if toks[k].is(cGoods) && !toks[k].is(cGoodsModifier) {
		return true
	}
	return k+1 < to && toks[k+1].is(cGoods) && !toks[k+1].is(cGoodsModifier) && !toks[k+1].cap
}

// namePrefix reports whether the word before toks[i] is a capitalised word
// that starts a longer proper name with it ("Latin American", "Michael
// Jordan"): not the sentence's first word, a title, a weekday, "the" or
// the end of another name.
func (x *Extractor) namePrefix(toks []token, i, from int) bool {
	p := &toks[i-1]
	return p.cap && p.word && i-1 > from && !quoteInitial(toks, i-1, from) && !p.is(cWeekday) && !p.is(cTitleWord) && p.low != "the" && !x.endsName(toks, i-1, from) && !toks[i].nl && !x.hyphenParticiple(p.low)
}

// quoteInitial reports the word at j that opens a quotation at the
// sentence's start (“Both Kyrgyzstan and Tajikistan are our allies,”
// the minister said): its capital starts the quoted sentence, as the
// first word of a sentence does, not a longer name.
func quoteInitial(toks []token, j, from int) bool {
	return j-1 == from && toks[from].low == "\""
}

// hyphenParticiple reports a capitalised compound ending in a participle
// of the lexicon's name-prefix-participle class, which modifies the name
// after it rather than starting a longer one: "the Rwanda-backed M23",
// "Iran-backed Houthis", "Saudi-led coalition".
func (x *Extractor) hyphenParticiple(w string) bool {
	k := strings.LastIndexByte(w, '-')
	return k > 0 && x.lex.has(lcNamePrefixParticiple, w[k+1:])
}

func (x *Extractor) startsName(toks []token, i, to int) bool {
	_, _, ok := x.trie.longest(toks, i, to)
	return ok
}

// endNameWindow is how far back from its last word a name is looked for:
// the dictionary's names of up to four words ("Islamic Revolutionary
// Guard Corps").
const endNameWindow = 4

func (x *Extractor) endsName(toks []token, j, from int) bool {
	for k := j; k >= max(from, 0) && k > j-endNameWindow; k-- {
		if _, end, ok := x.trie.longest(toks, k, j+1); ok && end == j+1 {
			return true
		}
	}
	return false
}

// nameMention turns a dictionary match into a mention, extending it over a
// head noun ("the Pyongyang regime", "Russia's foreign ministry") or
// marking it a possessive modifier. It returns where scanning goes on.
func (x *Extractor) nameMention(toks []token, ref *nameRef, i, end, from, to int, st *articleState) (mention, int) {
	if ref.shared {
		ref = x.sharedChoice(toks, ref, i, end, st)
	}
	m := mention{from: i, to: end, nFrom: i, id: ref.id, act: ref.actor}
	if h := x.prefixedBody(toks, i, end, to); h > 0 && i-1 >= from {
		// "the Royal Thai Navy": the state's body, prefix and all
		m.from, m.to = i-1, h
		return m, h
	}
	if e, ok := x.refActor(ref); ok && e.Type == graph.Person {
		m.person = true
		st.addSurname(x.lex, toks[i:end], ref.id)
		if end < to && toks[end].low == "(" {
			if aff, after := x.delegateState(toks, end, to); aff != "" {
				m.to = after // "Vassily Nebenzia (Russian Federation) said": the brackets are his
				return m, after
			}
		}
		if end < to && toks[end].low == "," {
			// "Tom Andrews, the U.N. special rapporteur,": "the rapporteur" later
			st.noteTitles(toks[end+1:min(to, end+1+roleWindow)], ref.id)
		}
	}
	switch ref.kind {
	case nameDemonymPlural:
		return m, end
	case NameDemonym:
		return x.demonymMention(toks, ref, m, end, to)
	}
	if end < to && (toks[end].low == "'s" || toks[end].low == "'" && strings.HasSuffix(toks[end-1].low, "s")) {
		return x.possessiveMention(toks, m, end, to)
	}
	if h := i - 2; h > from && !m.person && (toks[h].is(cGovHead) || toks[h-1].is(cGovHead)) {
		m.from = ownedHeadFrom(toks, i, from) // "the US and the puppet military of the ROK": one list
	}
	if h := x.lex.headAfterName(toks, end, to); h > 0 && !m.person {
		m.to = h
		return m, h
	}
	if h := listedHead(toks, end, to); h > 0 && !m.person {
		m.to = h // "the M23 rebels and Rwanda": the noun is the name's, the list goes on
		return m, h
	}
	if end < to && toks[end].is(cPluralState) && ref.actor != nil && ref.actor.Type == graph.Organization {
		// "accusing EU states of complicity", "the ECOWAS states": the
		// body's members are its mention; "states" is no verb of saying
		m.to = end + 1
		return m, end + 1
	}
	if end < to && (toks[end].low == "member" || toks[end].low == "members" || toks[end].in(lcCurrency)) {
		// "UN member states", "NATO members": the members, not the body;
		// "6.5 billion U.S. dollars": money, not the state
		m.adj = true
	}
	return m, end
}

// demonymMention extends the mention m of a demonym ending at end over
// its head noun ("the French government"), or marks it an adjective.
func (x *Extractor) demonymMention(toks []token, ref *nameRef, m mention, end, to int) (mention, int) {
	// "French and Egyptian warships": a demonym list shares the head.
	j := end
	for j+1 < to && (toks[j].low == "and" || toks[j].low == ",") {
		r2, e2, ok := x.trie.longest(toks, j+1, to)
		if !ok || r2.kind != NameDemonym {
			break
		}
		j = e2
	}
	h := headAfter(toks, j, to)
	if h == 0 {
		h = forcesPhraseAfter(toks, j, to) // "the Philippine and Vietnamese coast guards"
	}
	if h > 0 && x.headFits(ref.id, &toks[h-1]) {
		if j == end {
			m.to = h
			return m, h
		}
		// the list's last demonym takes the head
		return m, end
	}
	if h := x.bodyAfter(toks, end, to); h > 0 && j == end {
		m.to = h // "the Philippine National Maritime Council": the state's own body
		return m, h
	}
	m.adj = true
	return m, end
}

// forcesPhraseAfter returns the index after a lower-case modifier of
// forces and a head noun of forces at j ("coast guards", "border guards":
// forces-modifier, forces-head) that no head noun of the lexicon's head
// class covers, or 0 (relations round 15, eighteenth session).
func forcesPhraseAfter(toks []token, j, to int) int {
	if j+1 < to && !toks[j].cap && !toks[j+1].cap && toks[j].in(lcForcesModifier) && toks[j+1].in(lcForcesHead) {
		return j + 2
	}
	return 0
}

// possessiveMention reads the possessive at toks[j] after the name of the
// mention m: "Russia's foreign ministry" (the name with its head),
// "Assad's government" (the state the leader speaks for), or a possessive
// modifier ("Russia's", "the Philippines'").
func (x *Extractor) possessiveMention(toks []token, m mention, j, to int) (mention, int) {
	if toks[j].low == "'" {
		m.poss = true
		return m, j + 1
	}
	if h := headAfter(toks, j+1, to); h > 0 && !m.person {
		m.to = h
		return m, h
	}
	if h := x.bodyAfter(toks, j+1, to); h > 0 && !m.person {
		m.to = h // "Manila's National Maritime Council": the state's own body
		return m, h
	}
	if h := headAfter(toks, j+1, to); h > 0 && m.person && toks[h-1].is(cGovHead) {
		// "Assad's government", "Putin's forces": the state the leader speaks for
		if p, ok := x.actor(m.id); ok && p.Affiliation != "" {
			m.id, m.person, m.to = p.Affiliation, false, h
			return m, h
		}
	}
	m.poss = true
	return m, j + 1
}

// Windows of the actor phrases.
const (
	// headWindow: a head noun after a demonym or name, past two
	// modifiers ("Israeli air force", "the Iranian foreign ministry").
	headWindow = 4
	// maxHeadWords: a compound head ("foreign ministry spokesman").
	maxHeadWords = 3
	// titleRunWindow: the words of a title before the name ("Deputy
	// Minister of Foreign Affairs for European Integration Ana Ruiz").
	titleRunWindow = 10
	// titleModifierWindow: "the" or "a" and up to three modifiers
	// before the noun they modify ("the deputy foreign minister", "the
	// small Pacific island nations").
	titleModifierWindow = 4
	// appositionWindow: the comma closing ", the foreign minister of the
	// Republic of X, NAME," after the title.
	appositionWindow = 14
	// datelineDashWindow: the dash or colon closing a wire dateline
	// ("MADRID, May 28 (Reuters) -").
	datelineDashWindow = 12
)

// bodyAfter finds a capitalised body the dictionary lacks right after a
// state's possessive, ending in a noun of the body-head class ("National
// Maritime Council", "Mainland Affairs Council"): the index after it, or
// 0. A dictionary name there is its own actor ("Russia's Wagner Group").
func (x *Extractor) bodyAfter(toks []token, j, to int) int {
	if j >= to || !toks[j].cap || x.startsName(toks, j, to) {
		return 0
	}
	for k := j; k < to && k < j+bodyAfterWindow && (toks[k].cap && toks[k].word || bodyAnd(toks, k, j, to)); k++ {
		if toks[k].in(lcBodyHead) {
			return k + 1
		}
	}
	return 0
}

// bodyAnd reports an "and" at k joining two capitalised words of a body's
// name that starts at j: "the Cambodian Mine Action and Victim Assistance
// Authority".
func bodyAnd(toks []token, k, j, to int) bool {
	return k > j && k+1 < to && toks[k].low == "and" && toks[k+1].cap && toks[k+1].word
}

// bodyAfterWindow: the words of a state's body after its possessive or
// demonym ("Taiwan's Mainland Affairs Council", "the Cambodian Mine
// Action and Victim Assistance Authority").
const bodyAfterWindow = 8

// headAfter finds a head noun within three words after position j (the
// words between being lower-case modifiers), returning the index after it.
func headAfter(toks []token, j, to int) int {
	for k := j; k < to && k < j+headWindow; k++ {
		t := &toks[k]
		if t.is(cHead) && !(t.low == "state" && k+1 < to && toks[k+1].low == "media") {
			// take compound heads: "foreign ministry spokesman"
			e := k + 1
			for e < to && e < k+maxHeadWords && toks[e].is(cHead) {
				e++
			}
			if e < to && modifierHead(&toks[e-1], &toks[e]) {
				if e-1 == k {
					return 0 // "a Russian military drone": the drone's, no head
				}
				e--
			}
			return e
		}
		if t.low == "armed" || t.cap && t.is(cInstitution) || t.cap && strings.ContainsAny(t.low, "0123456789") && designatedHead(toks, k+1, to) {
			continue // "Bosnia's armed forces", "the Haitian National Police", "Russian Tu-160 strategic bombers"
		}
		if !t.word || t.cap || t.is(cTrigger) || t.is(cGoods) && !t.is(cHead) || t.low == "and" || t.is(cPronoun) {
			return 0 // a capitalised word is another name: "Yemen's Houthi rebels"
		}
		if t.low == "that" || t.is(cClaimNoun) && !t.is(cHead) {
			return 0 // "Guyana's claim that the exercises ...": the claim's owner, no head
		}
	}
	return 0
}

// designatedHead reports a noun of forces or aircraft (forces-head,
// train-partner) at k or after one lower-case modifier: what a model's
// designator may stand before in a mention ("Tu-160 strategic bombers",
// not "FK-3 air defence system": goods).
func designatedHead(toks []token, k, to int) bool {
	for j := k; j < to && j <= k+1; j++ {
		if toks[j].in(lcForcesHead) || toks[j].in(lcTrainPartner) {
			return true
		}
		if toks[j].cap || !toks[j].word {
			return false
		}
	}
	return false
}

// modifierHead reports a head noun that is also a goods word ("military",
// "intelligence") used as a modifier of the goods or act noun n after it
// ("a Russian military drone", "the military attacks carried out by"):
// no institution there.
func modifierHead(t, n *token) bool {
	return t.is(cHead) && t.is(cGoods) && n.word && !n.cap && (n.is(cActNoun) || n.is(cGoods) && !n.is(cHead))
}

// headAfterName is headAfter for a proper name: only an adjacent head
// ("the Pyongyang regime", "U.S. officials").
func (c *lexicon) headAfterName(toks []token, j, to int) int {
	if j < to && toks[j].is(cHead) && !toks[j].cap && toks[j].in(lcNameHead) {
		return j + 1
	}
	return 0
}

// ownedHeadFrom returns where "the [modifier] HEAD of [the]" before a
// name at i starts its mention (HEAD a government-head and name-head
// noun: "the government of South Korea", "the puppet military of the
// ROK"), so that a list before it joins it ("the US and the military of
// South Korea"); i when none, or when it stands before from.
func ownedHeadFrom(toks []token, i, from int) int {
	k := i
	if k-1 >= from && toks[k-1].low == "the" {
		k--
	}
	h := k - 2
	if h-1 < from || toks[k-1].low != "of" || !toks[h].is(cGovHead) || !toks[h].in(lcNameHead) {
		return i
	}
	if toks[h-1].low == "the" {
		return h
	}
	if h-2 >= from && toks[h-2].low == "the" && toks[h-1].word && !toks[h-1].cap {
		return h - 1
	}
	return i
}

// listedHead returns the end of a plural noun of fighters (group-head:
// fighters, rebels, militants; not "member", "politburo") right after a
// name at j when "and" or "or" follows it: "the M23 rebels and Rwanda",
// "Wagner fighters and Malian troops" list two actors, and the noun must
// not stand between them. 0 when none. The group-head bit comes first:
// a class of its own cost a word of every token's class set.
func listedHead(toks []token, j, to int) int {
	if j+1 < to && toks[j].is(cGroupHead) && !toks[j].cap && strings.HasSuffix(toks[j].low, "s") && (toks[j+1].low == "and" || toks[j+1].low == "or") {
		return j + 1
	}
	return 0
}

// titleRunWord reports a word at toks[k] that continues a title begun at
// toks[j]: a title word, "of", "'s", "for", "and" before a title word, and
// "the" between "of" and a title word ("Chief of the Defence Staff",
// "Minister of the Interior"; not "Morsi of the Muslim Brotherhood").
func (c *lexicon) titleRunWord(toks []token, j, k, to int) bool {
	t := &toks[k]
	switch {
	case t.is(cTitleWord), t.low == "of", t.low == "'s", t.low == "for":
		return true
	case rankAt(toks, k, to), t.low == "." && k > j && rankAt(toks, k-1, to):
		return true // a rank between title and name: "Army Commander Maj. Gen. NAME"
	case t.low == "and":
		return k+1 < to && toks[k+1].is(cTitleWord)
	case t.low == "the":
		// "of the" right after a title word may also go on with a body
		// ("Spokesman of the Ministry of Foreign Affairs Abbas Mousavi")
		return k > j && toks[k-1].low == "of" && k+1 < to && (toks[k+1].is(cTitleWord) || toks[k+1].cap && k >= 2 && toks[k-2].is(cTitleWord) && toks[k+1].in(lcBodyHead))
	}
	return false
}

// personAt matches a titled person ("Foreign Minister Sergei Lavrov",
// "North Korean leader Kim Jong-un", "Director-General of North Korea's
// Department of American Affairs Kwon Jong-un") at toks[i].
// ref, end and ok are the dictionary match at i, which the caller has made.
func (x *Extractor) personAt(toks []token, i, to int, ref *nameRef, end int, ok bool, st *articleState) (mention, bool) {
	if !toks[i].cap && !toks[i].is(cTitleWord) {
		return mention{}, false // the cheap test first: most words start nothing
	}
	j := i
	var aff graph.ActorID
	// a leading state: demonym, name or possessive
	if ok {
		if e, ok := x.refActor(ref); ok && e.Type == graph.Person {
			return mention{}, false
		}
		aff = ref.id
		j = x.lex.portfolioEnd(toks, end, to)
	}
	if j >= to || !toks[j].is(cPersonTitle) && !toks[j].is(cTitleWord) {
		return mention{}, false
	}
	return x.titledName(toks, i, j, to, aff, st)
}

// titledName reads the title that starts at toks[j] (the phrase at i) and
// the name after it; aff is the actor named before the title, if any.
func (x *Extractor) titledName(toks []token, i, j, to int, aff graph.ActorID, st *articleState) (mention, bool) {
	sawTitle := false
	k := j
	for k < to && k < j+titleRunWindow {
		t := &toks[k]
		if t.is(cPersonTitle) || t.in(lcNameTitle) || rankAt(toks, k, to) {
			sawTitle = true
		}
		if x.lex.titleRunWord(toks, j, k, to) || !sawTitle && t.is(cInstitutionRef) {
			k++ // "Thai foreign ministry spokesman", "Cambodian Defence Ministry spokesperson"
			continue
		}
		if p := x.lex.portfolioEnd(toks, k, to); !sawTitle && p > k {
			k = p // "Iran's top nuclear negotiator"
			continue
		}
		if ref, end, ok := x.trie.longest(toks, k, to); ok && sawTitle {
			if e, ok := x.refActor(ref); ok && e.Type == graph.Person {
				st.addSurname(x.lex, toks[k:end], ref.id)
				st.noteTitles(toks[j:k], ref.id) // "Russian President Vladimir Putin": "the president"
				return mention{from: i, to: end, nFrom: k, id: ref.id, person: true, act: ref.actor}, true
			}
			if aff == "" {
				aff = ref.id
			}
			k = end
			continue
		}
		if !t.cap || !t.word || !sawTitle || t.is(cWeekday) {
			break
		}
		// a department name stands between title and person ("Department of American Affairs")
		after := k + x.lex.nameLen(toks, k, to)
		if after == k {
			break
		}
		// the name must end the title phrase: followed by a non-capitalised
		// word or punctuation; before a title word it is part of the title
		// ("Chief Cabinet Secretary Minoru Kihara")
		if after < to && (toks[after].low == "of" && !lowerAfter(toks, after+1, to) || toks[after].low == "'s" || toks[after].cap && toks[after].is(cTitleWord)) {
			k = after
			continue
		}
		if k = x.lex.afterPortfolio(toks, k, after); k < 0 {
			break
		}
		return x.titledPerson(toks, i, j, k, after, aff, st)
	}
	return mention{}, false
}

// lowerAfter reports a lower-case word at toks[k] other than "the": after
// "of", the name before ends ("accused opposition leader NAME of fraud"),
// where a portfolio would be capitalised ("Minister NAME of the
// Interior").
func lowerAfter(toks []token, k, to int) bool {
	return k < to && toks[k].word && !toks[k].cap && toks[k].low != "the"
}

// afterPortfolio returns where the name starts in the capitalised words
// toks[k:after] that end a title, when they follow one of its prepositions
// ("of", "for", "the"): they then start with the portfolio, and the name
// is their last two words ("Minister of Agriculture Jorge Ramos",
// "Minister of State for Regional Integration James Kabarebe"); one or
// two words there are the portfolio alone and name no one (-1). A body's noun
// is never a name: "the President of the Security Council" names no one
// either. Elsewhere it returns k.
func (c *lexicon) afterPortfolio(toks []token, k, after int) int {
	if after-k == 1 && toks[k].in(lcBodyHead) {
		return -1
	}
	if !toks[k-1].in(lcTitlePreposition) {
		return k
	}
	switch n := after - k; {
	case n <= 2:
		return -1 // "Leader of the Islamic Revolution", "Commissioner for Human Rights"
	case n >= 3:
		return after - 2
	}
	return k
}

// titledPerson makes the person named toks[k:after] after the title
// toks[title:k] that starts at i a mention, new unless the dictionary has
// it. aff is the actor the title names ("" for none: an official then
// speaks for the state of its context, see officialState).
func (x *Extractor) titledPerson(toks []token, i, title, k, after int, aff graph.ActorID, st *articleState) (mention, bool) {
	if after-k > 4 || after-k == 1 && strings.Contains(toks[k].low, ".") || headlineVerb(&toks[k]) {
		return mention{}, false
	}
	name := joinText(toks[k:after])
	id := graph.ActorID("person:" + graph.Slug(name))
	if id.Validate() != nil || len(graph.Slug(name)) < 3 {
		return mention{}, false
	}
	if e, ok := x.actor(id); ok {
		id = e.ID
	} else if known, ok := x.knownPerson(toks, k, after); ok {
		id = known // "President Tayyip Erdogan": Recep Tayyip Erdogan
	} else if named, ok := st.surnames[name]; ok && after-k == 1 && named != "" {
		id = named // "President Ali" after "Irfaan Ali": the person named before
	} else {
		if aff == "" {
			aff = st.introducedBody(toks, i-1) // "TPNPB spokesman NAME"
		}
		if aff == "" {
			aff = x.appositiveRole(toks, i, st)
		}
		if aff == "" && x.lex.stateTitle(toks[title:k]) && !x.unknownBodyBefore(toks, i, title) && !nonStateBefore(toks, title) {
			aff = x.officialState(toks, i, st)
		}
		st.newPersons[id] = graph.Actor{ID: id, Name: name, Type: graph.Person, Affiliation: aff}
	}
	st.addSurname(x.lex, toks[k:after], id)
	st.noteTitles(toks[title:k], id)
	return mention{from: i, to: after, nFrom: k, id: id, person: true}, true
}

// unknownBodyBefore reports an abbreviation the dictionary lacks right
// before a title or opening it ("TPNPB spokesman Sebby Sambom"): the
// official speaks for that body, whose state the paragraph or the
// dateline does not tell.
func (x *Extractor) unknownBodyBefore(toks []token, i, title int) bool {
	for c := max(i-1, 0); c <= title && c < len(toks); c++ {
		if t := &toks[c]; t.upper && t.word && len(t.text) >= 2 && !t.is(cTitleWord) && !x.startsName(toks, c, c+1) {
			return true
		}
	}
	return false
}

// nonStateWindow is how many words before a title nonStateBefore reads:
// "opposition leader", "Venezuelan opposition presidential candidate".
const nonStateWindow = 2

// nonStateBefore reports a word of the non-state-modifier class right
// before the title at toks[title] ("opposition leader NAME", "exiled
// dissident NAME", "rebel commander NAME"): its holder opposes or fights
// the state, and does not speak for the state of the paragraph or the
// dateline.
func nonStateBefore(toks []token, title int) bool {
	for c := title - 1; c >= 0 && c >= title-nonStateWindow; c-- {
		if toks[c].in(lcNonStateModifier) {
			return true
		}
		if !toks[c].word {
			return false
		}
	}
	return false
}

// nameLen counts the capitalised words of a person's name at toks[k],
// allowing particles (bin, al, de, van).
func (c *lexicon) nameLen(toks []token, k, to int) int {
	n := 0
	for k+n < to {
		t := &toks[k+n]
		if (t.cap || n > 0 && c.articleName(t)) && t.word && !t.is(cTitleWord) && !t.is(cWeekday) && !(t.upper && len(t.text) > 1) && !c.functionWord(t) {
			n++
			continue
		}
		if n > 0 && k+n+1 < to && toks[k+n+1].cap && t.in(lcNameParticle) {
			n++
			continue
		}
		break
	}
	return n
}

func joinText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.start > toks[i-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// titleRef matches "the minister", "the foreign minister", "the
// chancellor": a person named before, resolved like "he". Its words are
// the lexicon's title classes, which the tokens carry as bits.
func (*lexicon) titleRef(toks []token, i, to int) int {
	if toks[i].low != "the" {
		return 0
	}
	j := i + 1
	for j < to && j < i+titleModifierWindow && toks[j].is(cTitleWord) && !toks[j].is(cPersonTitle) {
		j++
	}
	if j >= to || !toks[j].is(cPersonTitle) {
		return 0
	}
	if j+1 < to && (toks[j+1].cap || toks[j+1].low == "of") {
		return 0
	}
	if j+2 < to && toks[j+1].low == "'s" && toks[j+2].is(cGovHead) {
		return 0 // "the prime minister's office": the state (officeRef)
	}
	return j + 1 - i
}

// seatIn matches "the government in Minsk", "the authorities in Kabul".
func (x *Extractor) seatIn(out *mention, toks []token, i, to int) bool {
	if !toks[i].is(cSeatHead) || i+2 >= to || toks[i+1].low != "in" {
		return false
	}
	ref, end, ok := x.trie.longest(toks, i+2, to)
	if !ok || ref.kind == NameDemonym || ref.kind == nameDemonymPlural {
		return false
	}
	if e, ok := x.refActor(ref); !ok || e.Type != graph.Country {
		return false
	}
	*out = mention{from: i, to: end, nFrom: i, id: ref.id}
	return true
}

// appositivePerson matches a person first named with an apposition that
// gives the role: "Tariq Haddad, a spokesman for Lebanon's health
// ministry, ..." or "The director of Syria's civil aviation authority,
// Ahmad Mahmoud, ...". The state in the role is the affiliation.
func (x *Extractor) appositivePerson(out *mention, toks []token, i, from, to int, st *articleState) bool {
	if !toks[i].cap && toks[i].low != "the" && toks[i].low != "a" && !toks[i].is(cPersonTitle) {
		return false
	}
	// NAME , (a|an|the)? ROLE ... ,
	if i == from || !toks[i-1].word {
		// a role in apposition is a noun phrase: "NAME, to the US Secretary of State" is none
		if n := x.lex.nameLen(toks, i, to); n >= 2 && n <= 4 && i+n+1 < to && toks[i+n].low == "(" && !x.startsName(toks, i, i+n) {
			if aff, after := x.delegateState(toks, i+n, to); aff != "" {
				*out = x.newPerson(toks, i, i+n, i, aff, st)
				out.to = after // "Hwang Joon-kook (Republic of Korea) condemned ...": a delegate of that state
				return true
			}
		} else if n >= 2 && n <= 4 && i+n+1 < to && toks[i+n].low == "," && !toks[i+n+1].is(cPreposition) && !x.startsName(toks, i, i+n) {
			if aff, ok := x.roleState(toks, i+n+1, to, i, from, st); ok {
				*out = x.newPerson(toks, i, i+n, i, aff, st)
				st.noteTitles(toks[i+n+1:min(to, i+n+1+roleWindow)], out.id)
				return true
			}
		}
	}
	return x.roleBeforeName(out, toks, i, from, to, st) || titleNear(toks, i, to) && toks[i].low != "the" && x.roleThenName(out, toks, i, from, to, st) // "the ...": theRefAt
}

// titleNear reports a person title at toks[i], or one or two words on:
// where roleThenName's role may have its title.
func titleNear(toks []token, i, to int) bool {
	return toks[i].is(cPersonTitle) || i+1 < to && toks[i+1].is(cPersonTitle) || i+2 < to && toks[i+2].is(cPersonTitle)
}

// roleThenName reads "(the)? ROLE ..., NAME," that opens a clause or
// follows a verb of saying after a quote ("\"...,\" said the government
// spokesman, NAME."): NAME is a person of the role's state (roleState).
// The role opens with a title, or with one lower-case word and a title
// ("The government spokesman, NAME,").
func (x *Extractor) roleThenName(out *mention, toks []token, i, from, to int, st *articleState) bool {
	j := i
	if toks[j].low == "the" || toks[j].low == "a" {
		j++
	}
	if j+1 >= to || !toks[j].is(cPersonTitle) && !(toks[j].word && !toks[j].cap && toks[j+1].is(cPersonTitle)) || i > from && toks[i-1].low != "," && !toks[i-1].is(cReporting) {
		return false
	}
	for k := j + 1; k < to && k < j+appositionWindow; k++ {
		if toks[k].low != "," {
			continue
		}
		aff, ok := x.roleState(toks, i, k, i, from, st)
		if !ok {
			return false
		}
		n := x.lex.nameLen(toks, k+1, to)
		if e := k + 1 + n; n < 2 || n > 4 || e > to || e < to && toks[e].low != "," && toks[e].low != "." || x.startsName(toks, k+1, e) {
			return false
		}
		*out = x.newPerson(toks, k+1, k+1+n, i, aff, st)
		st.noteTitles(toks[j:k], out.id)
		return true
	}
	return false
}

// roleState returns the state of a role in apposition at toks[k:to] (to
// the next comma): the one it names (roleAffiliation), else, for a role
// of state office that names no actor at all ("the government
// spokesman", "the Minister of Communication", "a defence ministry
// spokeswoman": unstatedRole), the state of the official's context at i,
// as for a titled name (officialState: the paragraph's, the last
// ministry's, the dateline's). false if neither.
func (x *Extractor) roleState(toks []token, k, to, i, from int, st *articleState) (graph.ActorID, bool) {
	if aff, ok := x.roleAffiliation(toks, k, to); ok {
		return aff, true
	}
	if !x.unstatedRole(toks, k, to) {
		return "", false
	}
	aff := x.placeOpener(toks, from, i)
	if aff == "" {
		aff = x.officialState(toks, i, st)
	}
	return aff, aff != ""
}

// placeOpener returns the state of a place that opens the sentence at
// toks[from] before i ("In Kabul, a spokesman, NAME, dismissed ..."): the
// official speaks there, whatever state the paragraph opened with.
func (x *Extractor) placeOpener(toks []token, from, i int) graph.ActorID {
	if from+2 >= i || toks[from].low != "in" {
		return ""
	}
	ref, end, ok := x.trie.longest(toks, from+1, i)
	if !ok || end >= i || toks[end].low != "," {
		return ""
	}
	if a, ok := x.refActor(ref); ok && a.Type == graph.Country && ref.kind != NameDemonym {
		return a.ID
	}
	return ""
}

// unstatedRoleWords is how many words a role that names no actor may
// have: "the Minister of Communication and government spokesman".
const unstatedRoleWords = 8

// unstatedRole reports a role phrase at toks[k:to] (to the next comma)
// that holds a title of state office (stateTitle), definite ("the
// government spokesman", "Minister of Communication"; "a spokesman" says
// not whose), and names no actor: no
// dictionary name, possessive, pronoun or group noun ("the group's
// leader", "its envoy", "the militia's spokesman"), no word of the
// non-state-modifier class ("the opposition leader"), no verb.
func (x *Extractor) unstatedRole(toks []token, k, to int) bool {
	if k < to && (toks[k].low == "a" || toks[k].low == "an") {
		return false // "a spokesman": for whom, the phrase does not say
	}
	if k < to && toks[k].low == "the" {
		k++
	}
	start := k
	for ; k < to && toks[k].low != ","; k++ {
		t := &toks[k]
		if k-start >= unstatedRoleWords || !t.word || t.low == "'s" || t.is(cPronoun|cReporting|cGroupRef) || t.in(lcNonStateModifier) {
			return false
		}
		if x.lex.list[t.tg].pos != noun && x.lex.list[t.tg].rel != "" || t.cap && x.startsName(toks, k, to) {
			return false
		}
	}
	return k > start && x.lex.stateTitle(toks[start:k])
}

// delegateState reads the state in brackets that a meeting's record puts
// after each speaker's name at toks[k] ("Hwang Joon-kook (Republic of
// Korea) condemned ...", "Fu Cong (China) urged ..."): the state, and the
// index after the closing bracket; "" when the brackets hold anything but
// a state's name (an abbreviation, a demonym, a body, a city: "Le
// Potentiel (Kinshasa)" is a newspaper's byline).
func (x *Extractor) delegateState(toks []token, k, to int) (graph.ActorID, int) {
	if k+2 >= to || toks[k].low != "(" {
		return "", 0
	}
	ref, end, ok := x.trie.longest(toks, k+1, to)
	if !ok || end >= to || toks[end].low != ")" || ref.kind == NameDemonym || ref.kind == nameDemonymPlural || ref.kind == NameCapital {
		return "", 0
	}
	if e, ok := x.refActor(ref); !ok || e.Type != graph.Country {
		return "", 0
	}
	return ref.id, end + 1
}

// roleAffiliation reads a role phrase from toks[k] to the next comma: it
// must hold a title word and a state, which it returns.
// roleWindow is how long a role phrase before a name in apposition may
// be: "Iran's ambassador to the United Nations, Amir Saeid Iravani,".
const roleWindow = 12

// roleBeforeName reads "..., STATE's ROLE ..., NAME," where the role
// phrase opens the clause (after a comma or at the sentence start) and
// names a title and an affiliation: NAME is a person of that
// affiliation, named again later by surname ("Iravani's letter").
func (x *Extractor) roleBeforeName(out *mention, toks []token, i, from, to int, st *articleState) bool {
	if !toks[i].cap || i-2 < from || toks[i-1].low != "," {
		return false
	}
	n := x.lex.nameLen(toks, i, to)
	if n < 2 || n > 4 || i+n >= to || toks[i+n].low != "," || x.startsName(toks, i, i+n) {
		return false
	}
	c := i - 2
	for c >= from && c > i-2-roleWindow && toks[c].low != "," {
		c--
	}
	if c < from-1 || c <= i-2-roleWindow {
		return false
	}
	aff, ok := x.roleAffiliation(toks, c+1, i-1)
	if !ok {
		if aff = x.possessorRole(toks, c+1, i-1, st); aff == "" {
			return false
		}
	}
	*out = x.newPerson(toks, i, i+n, i, aff, st)
	return true
}

// ownedTitle reads a title owned by "its" or "their" that opens a
// subject, at toks[i:h]: "Its envoy accused Rabat ..." is the owner
// speaking, as "its foreign ministry" is (the mention ends after the
// title and resolves as the pronoun does); "Its spokesman NAME accused
// ..." is NAME, a person of the owner. Opening a sentence, the owner is
// the subject of the sentence right before (possessorRole), or there is
// none: "The reaction of the Polisario Front was swift. Its
// representative ..." is left alone (the older subject would be taken).
// Inside a sentence, only a clause coordinated after a comma opens with
// it (", but its envoy accused ..."). A title set off by a comma is read
// by roleBeforeName.
func (x *Extractor) ownedTitle(out *mention, toks []token, i, h, to int, st *articleState) {
	if h < to && toks[h].low == "," {
		return
	}
	recent := st.lastSubjectAt == st.sentences-1
	if n := x.lex.nameLen(toks, h, to); n > 0 {
		if aff := x.possessorRole(toks, i, h, st); n >= 2 && n <= 4 && aff != "" && recent && !x.startsName(toks, h, h+n) {
			*out = x.newPerson(toks, h, h+n, i, aff, st)
		}
		return // a name after the title is the speaker: "Its spokesman Zhu Fenglian"
	}
	if toks[i].cap && (!recent || x.possessorRole(toks, i, h, st) == "") {
		return
	}
	if !toks[i].cap && (i < 2 || !toks[i-1].in(lcClauseConjunction) || toks[i-2].low != ",") {
		return // only where a clause opens with it (coordinatedOwner): not "..., its spokesman telling reporters", "withdraw, with immediate effect, its ambassador"
	}
	out.to, out.poss = h, false
}

// possessorRole reads a role owned by "its" or "their" at toks[k:to]
// ("Its spokesman, Colonel NAME,", "Their foreign minister, NAME,"): the
// role's owner is the subject of the sentence before, when that is one
// state, armed group or organisation ("Niger, whose junta seized power,
// followed suit. Its spokesman, ..."). It returns that actor, or "".
func (x *Extractor) possessorRole(toks []token, k, to int, st *articleState) graph.ActorID {
	if k+1 >= to || toks[k].low != "its" && toks[k].low != "their" || len(st.lastSubject) != 1 {
		return ""
	}
	title := false
	for j := k + 1; j < to; j++ {
		if !toks[j].word || toks[j].cap && !toks[j].is(cPersonTitle|cTitleWord) {
			return "" // "Its Foreign Ministry spokesman": named bodies are read elsewhere
		}
		title = title || toks[j].is(cPersonTitle)
	}
	a, ok := x.actor(st.lastSubject[0])
	if !title || !ok || a.Type != graph.Country && a.Type != graph.Group && a.Type != graph.Organization {
		return ""
	}
	return a.ID
}

func (x *Extractor) roleAffiliation(toks []token, k, to int) (graph.ActorID, bool) {
	if k < to && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
		k++
	}
	title, start := false, k
	var aff graph.ActorID
	for ; k < to && toks[k].low != ","; k++ {
		if toks[k].is(cPersonTitle) || toks[k].low == "head" || toks[k].low == "deputy" {
			title = true
		}
		if aff == "" {
			if ref, end, ok := x.trie.longest(toks, k, to); ok {
				// a demonym inside a region ("the Latin American affairs department") is none
				region := ref.kind == NameDemonym && k > start && x.namePrefix(toks, k, start-1)
				if e, ok := x.refActor(ref); ok && !region && (e.Type == graph.Country || e.Type == graph.Organization || e.Type == graph.Group) {
					aff = ref.id
				}
				k = end - 1
			}
		}
		if x.lex.list[toks[k].tg].pos != noun && x.lex.list[toks[k].tg].rel != "" || toks[k].is(cReporting) {
			return "", false
		}
	}
	return aff, title && aff != ""
}

func (x *Extractor) newPerson(toks []token, from, to, phrase int, aff graph.ActorID, st *articleState) mention {
	name := joinText(toks[afterHonorifics(toks, from, to):to]) // "Mr Kofi Asante" is Kofi Asante
	id := graph.ActorID("person:" + graph.Slug(name))
	if e, ok := x.actor(id); ok {
		id = e.ID
	} else if known, ok := x.knownPerson(toks, from, to); ok {
		id = known // "President Tayyip Erdogan": Recep Tayyip Erdogan
	} else {
		st.newPersons[id] = graph.Actor{ID: id, Name: name, Type: graph.Person, Affiliation: aff}
	}
	st.addSurname(x.lex, toks[from:to], id)
	m := mention{from: phrase, to: to, nFrom: from, id: id, person: true}
	if phrase < from {
		// "The director of ..., NAME": the mention is the name; the role is set aside
		m.from = from
	}
	return m
}

// knownPerson returns the dictionary person a name the dictionary does
// not list as a whole stands for: its last word is a surname the
// dictionary lists alone for a person (only distinctive ones are), and
// each of its other words is a word of that person's name or of one of
// the names listed ("Tayyip Erdogan" is Recep Tayyip Erdogan; "Ahmed
// Erdogan" and "Emine Erdogan" are not). Honorifics first are no part of
// the name ("Seyyed Abbas Araghchi", "Samdech Techo Hun Sen").
func (x *Extractor) knownPerson(toks []token, from, to int) (graph.ActorID, bool) {
	start := from
	from = afterHonorifics(toks, from, to)
	if to-start < 2 {
		return "", false
	}
	if id, ok := x.namedAfterHonorific(toks, start, from, to); ok {
		return id, true
	}
	ref, end, ok := x.trie.longest(toks, to-1, to)
	if !ok || end != to || ref.kind != NameProper {
		return "", false
	}
	a, ok := x.refActor(ref)
	if !ok || a.Type != graph.Person {
		return "", false
	}
	for k := from; k < to-1; k++ {
		if !personWord(a, toks[k].text) {
			return "", false
		}
	}
	return a.ID, true
}

// afterHonorifics returns where a person's name starts after the
// honorifics before it ("Mr", "Dr.", "Sheikh"), keeping one word at least.
func afterHonorifics(toks []token, from, to int) int {
	for from < to-1 && (toks[from].in(lcHonorific) || toks[from].low == ".") {
		from++
	}
	return from
}

// namedAfterHonorific returns the dictionary person whose whole name
// follows the honorifics from start to from: "Mr Matthew Miller", "Dr
// Abiy Ahmed", "Sheikh Tamim bin Hamad Al Thani" (discourse round 21:
// East African and Gulf papers write "Mr" before every name, and a
// surname that is no name alone, "Miller", left the person unknown and
// stateless).
func (x *Extractor) namedAfterHonorific(toks []token, start, from, to int) (graph.ActorID, bool) {
	if from == start {
		return "", false
	}
	ref, end, ok := x.trie.longest(toks, from, to)
	if !ok || end != to || ref.kind != NameProper {
		return "", false
	}
	if a, ok := x.refActor(ref); ok && a.Type == graph.Person {
		return a.ID, true
	}
	return "", false
}

// personWord reports w as a whole word of a's name or of one of its
// aliases, in any case.
func personWord(a *graph.Actor, w string) bool {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		for _, f := range strings.Fields(n) {
			if strings.EqualFold(f, w) {
				return true
			}
		}
	}
	return false
}

// institutionRef matches "the ministry", "the foreign ministry", "the
// government", "the army", "the federal government" (an adjective of the
// institution-adjective class first), "a foreign ministry spokesman" ("a"
// before an official's title): a state named before, resolved like "it".
func (c *lexicon) institutionRef(toks []token, i, to int) int {
	a := toks[i].low == "a" || toks[i].low == "an"
	if toks[i].low != "the" && !a || i+1 >= to {
		return 0
	}
	j := i + 1
	if j+1 < to && toks[j].in(lcInstitutionAdjective) && !toks[j].cap && toks[j+1].is(cInstitutionModifier|cInstitutionRef) {
		j++ // "the federal government", "the interim authorities"
	}
	if toks[j].is(cInstitutionModifier) {
		j++ // "the foreign ministry"
		if j+1 < to && toks[j].low == "affairs" && toks[j+1].in(lcMinistryRef) {
			j++ // "the external affairs ministry"
		}
	}
	if j >= to || !toks[j].is(cInstitutionRef) {
		return 0
	}
	if j+1 < to && (modifierHead(&toks[j], &toks[j+1]) || toks[j].in(lcArmyRef) && toks[j+1].in(lcArmyModified) && !toks[j+1].cap) {
		return 0 // "the military attacks", "the military takeover": a modifier
	}
	if j+1 < to {
		n := &toks[j+1]
		g := j + 2
		if g+1 < to && strings.HasSuffix(toks[g].low, "ly") {
			g++ // "accused the junta of repeatedly violating"
		}
		ofGerund := n.low == "of" && g < to && strings.HasSuffix(toks[g].low, "ing")
		if n.low == "of" && !ofGerund || n.low == "in" && !timeAfter(toks, j+2, to) || n.cap && n.word {
			return 0 // "the government of Sudan", "the army in Gaza", "the Army Chief"; not "to the army in the months before"
		}
	}
	if toks[j].cap && j > i+1 || a && (j+1 >= to || !toks[j+1].is(cPersonTitle)) {
		return 0 // "a" only before an official: "a foreign ministry spokesman", "a government official"
	}
	return j + 1 - i
}

// timeAfter reports a time phrase at k, after "in": "in 2023", "in
// February", "in the months before", "in recent weeks" (a time, no place).
func timeAfter(toks []token, k, to int) bool {
	if k < to && (toks[k].low == "the" || toks[k].low == "recent") {
		k++
	}
	return k < to && (startsDigit(toks[k].text) || toks[k].is(cWeekday) || toks[k].in(lcTimeWord) && toks[k].low != "in" && toks[k].low != "on")
}

// leaderGovernment matches "the Modi government", "the Biden
// administration", "Abiy Ahmed's government": the state the leader speaks for.
func (x *Extractor) leaderGovernment(out *mention, toks []token, i, to int) bool {
	j := i
	if toks[j].low == "the" {
		j++
	}
	if j >= to || !toks[j].cap {
		return false
	}
	n := x.lex.nameLen(toks, j, to)
	if n == 0 || n > 3 || j+n >= to {
		return false
	}
	k := j + n
	if toks[k].low == "'s" {
		k++
	} else if toks[i].low != "the" {
		return false
	}
	if k >= to {
		return false
	}
	if !toks[k].is(cLeaderHead) {
		return false
	}
	id := x.leaderState(toks[j : j+n])
	if id == "" {
		return false
	}
	end := k + 1
	if toks[k].low == "air" && end < to && toks[end].low == "force" {
		end++
	}
	*out = mention{from: i, to: end, nFrom: j, id: id}
	return true
}

// leaderState returns the state a named leader (full name or surname of a
// dictionary person) speaks for.
func (x *Extractor) leaderState(name []token) graph.ActorID {
	if ref, end, ok := x.trie.longest(name, 0, len(name)); ok && end == len(name) {
		if e, ok := x.refActor(ref); ok && e.Type == graph.Person {
			return e.Affiliation
		}
		return ""
	}
	if len(name) == 1 {
		if id := x.surnames[name[0].text]; id != "" {
			return id
		}
	}
	return ""
}

// dateline returns where a sentence's text starts after a wire dateline
// ("MADRID, May 28 (Reuters) - ", "KYIV -"): the city there is where the
// story was filed, not an actor.
func dateline(toks []token, from, to int) int {
	if from >= to || !toks[from].upper || !toks[from].word {
		return from
	}
	// a short first word only when the city goes on in capitals: "LA PAZ,"
	// and "EL FASHER," are datelines, "US -" and "UN:" are not
	if len(toks[from].text) < 3 && (from+1 >= to || !toks[from+1].upper || !toks[from+1].word) {
		return from
	}
	for k := from + 1; k < to && k < from+datelineDashWindow; k++ {
		w := toks[k].low
		if w == "-" || w == "—" || w == "–" || w == ":" && k > from+1 {
			return k + 1
		}
		if toks[k].word && !toks[k].cap && !startsDigit(toks[k].text) && toks[k-1].low != "(" {
			return from // lower-case words: a sentence, not a dateline ("(dpa)" is an agency)
		}
	}
	return from
}

// headFits reports whether a head noun can stand for the actor: group
// heads ("rebels", "fighters") only for armed groups and movements.
func (x *Extractor) headFits(id graph.ActorID, head *token) bool {
	if !head.is(cGroupHead) {
		return true
	}
	a, ok := x.actor(id)
	return ok && a.Type == graph.Group
}

// functionWord reports words that, capitalised at a sentence start, are
// no part of a name (lexicon class name-stop, and the classes of
// function words).
func (c *lexicon) functionWord(t *token) bool {
	return t.is(cPreposition | cClauseBreak | cPronoun | cAux | cBe | cWeekday | cNameStop)
}

// sharedChoice chooses, for a name two actors share ("Congo",
// "Congolese", "JCS"), the one the article has named most often so far, it or its state (by
// another name: "the Republic of the Congo ... Congo"); with neither named,
// the dictionary's first (the Democratic Republic of the Congo, listed
// before the Republic of the Congo).
func (x *Extractor) sharedChoice(toks []token, ref *nameRef, i, end int, st *articleState) *nameRef {
	refs := x.trie.refsAt(toks, i, end)
	best := ref
	for k := range refs {
		r := &refs[k]
		if r.kind == ref.kind && sharedCount(r, st) > sharedCount(best, st) {
			best = r
		}
	}
	return best
}

// sharedCount is how often the article has named the actor of a shared
// name, or the state it speaks for: "JCS" after "South Korea" is South
// Korea's Joint Chiefs of Staff.
func sharedCount(r *nameRef, st *articleState) int {
	n := st.stateCounts.of(r.id)
	if r.actor != nil && r.actor.Affiliation != "" {
		n += st.stateCounts.of(r.actor.Affiliation)
	}
	return n
}

// appositiveRole returns the actor of the role a titled person at toks[i]
// stands in apposition to: "Cambodia's defence ministry spokeswoman,
// Lieutenant General Sok Chea," speaks for Cambodia, whatever state the
// paragraph opens with; "" when no comma and role with an actor come
// right before.
func (x *Extractor) appositiveRole(toks []token, i int, st *articleState) graph.ActorID {
	if i < 2 || toks[i-1].low != "," {
		return ""
	}
	c := i - 2
	for c >= 0 && c > i-2-roleWindow && (toks[c].word || toks[c].low == "'s") && !toks[c].is(cClauseBreak) && !toks[c+1].para {
		c-- // back to the comma, the sentence's start or the paragraph's
	}
	if c <= i-2-roleWindow {
		return ""
	}
	if aff, ok := x.roleAffiliation(toks, c+1, i-1); ok {
		return aff
	}
	if aff := x.possessorRole(toks, c+1, i-1, st); aff != "" {
		return aff
	}
	// "The Coalition's spokesman, ...": a body's short name owns the role
	var m mention
	if x.shortNameRef(&m, toks, c+1, i-1, st) && m.to+1 < i-1 && toks[m.to].low == "'s" && toks[i-2].is(cPersonTitle) {
		return m.id
	}
	return ""
}

// articleName reports a word of a name that starts with an Arabic article
// in lower case ("al-Maliki", "el-Sisi"; lexicon class name-article): it
// continues a name and is a surname as a capitalised word is.
func (c *lexicon) articleName(t *token) bool {
	return t.hyphen && c.articleNamed(t) // the cheap test first, inlined where asked
}

// articleNamed is articleName for a word with a hyphen.
func (c *lexicon) articleNamed(t *token) bool {
	if len(t.text) < 4 || t.text[2] != '-' && t.text[3] != '-' {
		return false
	}
	i := strings.IndexByte(t.text, '-')
	if !c.has(lcNameArticle, t.text[:i+1]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text[i+1:])
	return unicode.IsUpper(r)
}

// headlineVerb reports a capitalised verb of the third person after a
// title in a headline written in title case ("DPRK FM Spokesperson Rejects
// U.S. Fabrications", "Spokeswoman Rejects Chilean Claims"): a reporting,
// relation or stop verb ending in -s starts no one's name.
func headlineVerb(t *token) bool {
	return strings.HasSuffix(t.low, "s") && t.is(cReporting|cTrigger|cStopVerb)
}

// cleftIt reports the "it" of a cleft question, which stands for no one:
// "Who is it that has shipped weapons to ...?", "what was it that".
func cleftIt(toks []token, i, to int) bool {
	return i > 0 && i+1 < to && toks[i-1].is(cBe) && toks[i+1].in(lcCleftRelative)
}

// rankAt reports an abbreviated military rank at toks[k]: a capitalised
// word of the rank-abbreviation class and its full stop ("Maj." "Gen."
// "Brig."), which the tokenizer splits.
func rankAt(toks []token, k, to int) bool {
	return k+1 < to && toks[k].cap && toks[k].in(lcRankAbbreviation) && toks[k+1].low == "."
}
