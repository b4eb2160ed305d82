package extract

import (
	"strings"

	"geokg/graph"
)

// An official introduced by a title alone ("Foreign Minister Ana Ruiz
// said", "ministry spokesman Tomas Berg") speaks for a state the title
// does not name. officialState finds it from the article, in this order:
//
//  1. the state the paragraph opens with ("In neighbouring Estonia,
//     Interior Minister ...", "Mali's government denied ... Government
//     spokesman ..."): a state, its capital or its demonym among its
//     first words, the dateline city included; a paragraph that opens
//     with a quotation opens with no state;
//  2. for "ministry spokesman Nikorn Pram" (a lower-case "ministry": the
//     one named before), the state of the last ministry named, in about
//     the paragraph before ("Thailand's foreign ministry said ...");
//  3. the state of the article's dateline ("LIMA, Oct 12 (Reuters) -").
//
// With neither, the official keeps no state: the state an article is
// about, or the last one that spoke, is too often not the official's
// (a visiting president, a quoted neighbour).
// Only titles of state office count (stateTitle): "Mr.", "Dr." and
// "secretary-general" give no state.

// datelineWindow is how far into an article its dateline is looked for:
// past a headline and a standfirst, well short of the body's later lines.
const datelineWindow = 200

// datelineState returns the state of the article's dateline, the city at
// the start of one of its first lines ("LIMA, Oct 12 (Reuters) -"): the
// state itself, its capital, or a state named after a city the
// dictionary does not know ("SANTIAGO, Chile, May 3 -"). It is found once
// and kept in st.
func (x *Extractor) datelineState(toks []token, st *articleState) graph.ActorID {
	if st.datelineSeen {
		return st.dateline
	}
	st.datelineSeen = true
	n := min(len(toks), datelineWindow)
	for k := 0; k < n; k++ {
		if k > 0 && !toks[k].nl {
			continue
		}
		d := dateline(toks, k, min(len(toks), k+datelineDashWindow))
		if d == k {
			continue
		}
		// the city, or the state after it ("SANTIAGO, Chile, May 3")
		for c := k; c < d && st.dateline == ""; c++ {
			st.dateline = x.stateAt(toks, c, d)
		}
		break
	}
	return st.dateline
}

// authorWindow is how many tokens from the end of an article its author's
// closing line is looked for in: "Thérèse Kayikwamba Wagner is Minister of
// State for Foreign Affairs of the Democratic Republic of the Congo."
const authorWindow = 40

// authorState returns the state an opinion piece's author speaks for,
// told by its last paragraph, one sentence of the form "NAME is|was|serves
// as ROLE of STATE." (a role with a person title and a state, read as an
// apposition's: roleAffiliation); "" for any other ending. First-person
// words outside quotes ("my country", "we", "I") are the author's when an
// article ends so. It is found once and kept in st.
func (x *Extractor) authorState(toks []token, st *articleState) graph.ActorID {
	if st.authorSeen {
		return st.author
	}
	st.authorSeen = true
	end := len(toks)
	for end > 0 && !toks[end-1].word {
		end-- // the closing full stop
	}
	p := end - 1
	for p > 0 && p > end-authorWindow && !toks[p].para {
		p--
	}
	if p <= 0 || !toks[p].para {
		return ""
	}
	n := x.lex.nameLen(toks, p, end)
	if n < 2 || n > 4 || p+n+1 >= end || !toks[p+n].in(lcFiniteBe) && toks[p+n].low != "serves" {
		return ""
	}
	k := p + n + 1
	if toks[k].low == "as" {
		k++ // "serves as"
	}
	for c := k; c < end; c++ {
		if w := toks[c].low; w == "." || w == "," || w == ";" {
			return "" // one role, to the article's end
		}
	}
	if aff, ok := x.roleAffiliation(toks, k, end); ok {
		st.author = aff
	}
	return st.author
}

// paragraphOpener is how many words into a paragraph its topic may
// stand: "In neighbouring Estonia, ...", "The Marshall Islands, where ...".
const paragraphOpener = 5

// paragraphState returns the state the paragraph of toks[i] opens with:
// the first state, capital or demonym within its first words; "" if it
// opens with none, or with a quotation.
func (x *Extractor) paragraphState(toks []token, i int) graph.ActorID {
	p := i
	for p > 0 && !toks[p].para {
		p--
	}
	for k := p; k < i && k < p+paragraphOpener; {
		if toks[k].low == "\"" || toks[k].low == "“" {
			return ""
		}
		if id := x.governedAt(toks, k, i); id != "" {
			return id
		}
		k++
	}
	return ""
}

// governedAt is stateAt that also takes a territory with a government
// of its own ("In Hargeisa, the Ministry of Foreign Affairs ...":
// Somaliland's), for the officials of a paragraph.
func (x *Extractor) governedAt(toks []token, k, to int) graph.ActorID {
	ref, _, ok := x.trie.longest(toks, k, to)
	if !ok {
		return ""
	}
	if a, ok := x.refActor(ref); ok && (a.Type == graph.Country || a.Type == graph.Territory) {
		return a.ID
	}
	return ""
}

// stateAt returns the state a name at toks[k] stands for (by name,
// capital or demonym), or "".
func (x *Extractor) stateAt(toks []token, k, to int) graph.ActorID {
	ref, _, ok := x.trie.longest(toks, k, to)
	if !ok {
		return ""
	}
	if a, ok := x.refActor(ref); ok && a.Type == graph.Country {
		return a.ID
	}
	return ""
}

// officialState returns the state of an official whose title at toks[i]
// names none (see the rule above), or "".
func (x *Extractor) officialState(toks []token, i int, st *articleState) graph.ActorID {
	if p := x.paragraphState(toks, i); p != "" {
		return p
	}
	if i > 0 && toks[i-1].text == "ministry" {
		if m := x.lastMinistry(toks, i-1); m != "" {
			return m
		}
	}
	return x.datelineState(toks, st)
}

// ministryWindow is how far back lastMinistry looks: about the paragraph
// before, where "Thailand's foreign ministry said" stands.
const ministryWindow = 120

// ministryStateWindow is how far before "ministry" its state may stand:
// "Thailand's foreign ministry", "the Thai defence ministry".
const ministryStateWindow = 3

// lastMinistry returns the state of the last ministry named before
// toks[i] ("Thailand's foreign ministry", "the Thai defence ministry"),
// which "ministry spokesman Nikorn Pram" at i refers to; "" if none.
func (x *Extractor) lastMinistry(toks []token, i int) graph.ActorID {
	for k := i - 1; k > 0 && k > i-ministryWindow; k-- {
		if toks[k].low != "ministry" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-ministryStateWindow; j-- {
			if id := x.stateAt(toks, j, k); id != "" {
				return id
			}
		}
	}
	return ""
}

// stateTitle reports whether a title phrase names an office of state: it
// holds a person title and no title of the lexicon's non-state-title
// class (courtesy titles, heads of organisations and churches; "secretary
// general" in two words included).
func (c *lexicon) stateTitle(title []token) bool {
	state := false
	for k := range title {
		w := title[k].low
		if c.has(lcNonStateTitle, w) || w == "general" && k > 0 && title[k-1].low == "secretary" {
			return false
		}
		state = state || title[k].is(cPersonTitle)
	}
	return state
}

// titleHolder matches the title of a dictionary person ("the US
// secretary of state", "the Russian foreign minister") at toks[i]: the
// person whose term covers the article's date (see holder). A title
// followed by a name ("Russian Foreign Minister Sergei Lavrov") is left to
// personAt; one after "former", "then" or "a" names no one in office.
func (x *Extractor) titleHolder(out *mention, toks []token, i, from, to int, st *articleState) bool {
	refs, end := x.trie.longestTitle(toks, i, to)
	if refs == nil || end < to && toks[end].cap && toks[end].word && !toks[end].is(cReporting) {
		return false
	}
	// a word of the not-in-office class ("former", "then", "a") before the
	// title means no one in office on the article's date
	notIn := x.lex.words["not-in-office"]
	if i > from && notIn[toks[i-1].low] || i > from+1 && toks[i-1].low == "-" && notIn[toks[i-2].low] {
		return false
	}
	r := holder(refs, st.day)
	if r == nil {
		return false
	}
	m := mention{from: i, to: end, nFrom: i, id: r.id, person: true, act: r.actor}
	if end < to && toks[end].low == "'s" {
		m.poss = true
	}
	*out = m
	return true
}

// holder returns, among the titles refs, the one whose term covers day
// (days since 1970), the latest to start on a handover day; for an
// undated article (day 0) the one whose term is open. nil if none.
func holder(refs []nameRef, day int32) *nameRef {
	var best *nameRef
	for k := range refs {
		r := &refs[k]
		if r.kind != NameTitle {
			continue
		}
		in := r.to == 0
		if day != 0 {
			in = (r.from == 0 || r.from <= day) && (r.to == 0 || day <= r.to)
		}
		if in && (best == nil || r.from > best.from) {
			best = r
		}
	}
	return best
}

// officialFor matches an official named by role only, whose role names
// the actor: "a spokesman for Chile's foreign ministry", "the ambassador
// of Chile", "a spokeswoman for the Chilean government". The mention is
// the actor the official speaks for. A role followed by the official's
// name (", Ana Ruiz,") is left to appositivePerson.
func (x *Extractor) officialFor(out *mention, toks []token, i, to int) bool {
	if w := toks[i].low; w != "a" && w != "an" && w != "the" {
		return false
	}
	j := i + 1
	for j < to && j < i+titleModifierWindow && toks[j].is(cTitleWord) && !x.roleNoun(&toks[j]) {
		j++ // "a senior defence official"
	}
	if j+2 >= to || !x.roleNoun(&toks[j]) {
		return false
	}
	p := x.postedTo(toks, j+1, to)
	if p+1 >= to || !toks[p].in(lcOfficialPrep) {
		return false
	}
	k := x.roleComplement(toks, p+1, to)
	if k < to && toks[k].low == "the" {
		k++
	}
	end, id, ok := x.roleActor(toks, k, to)
	if !ok && k > i && toks[k-1].low == "the" {
		end, id, ok = x.describedRoleActor(toks, k-1, to)
	}
	if !ok || end < to && toks[end].low == "," && x.lex.nameLen(toks, end+1, to) >= 2 {
		return false
	}
	*out = mention{from: i, to: end, nFrom: i, id: id}
	return true
}

// roleNoun reports a noun that heads an unnamed official's role: a person
// title ("spokesman", "chief") or a word of the official-role class
// ("head").
func (x *Extractor) roleNoun(t *token) bool {
	return t.is(cPersonTitle) || t.in(lcOfficialRole)
}

// postedTo skips the body a diplomat is posted to after the role at
// toks[k] ("the ambassador [to the UN] of Peru"): "to", maybe "the", and
// an organisation of the dictionary. It returns the index after it, or k.
func (x *Extractor) postedTo(toks []token, k, to int) int {
	if k >= to || toks[k].low != "to" {
		return k
	}
	m := k + 1
	if m < to && toks[m].low == "the" {
		m++
	}
	ref, end, ok := x.trie.longest(toks, m, to)
	if !ok {
		return k
	}
	if a, ok := x.refActor(ref); !ok || a.Type != graph.Organization {
		return k
	}
	return end
}

// roleComplementWindow: the words of a role's own complement ("the
// general staff", "the national security council", "the Ministry of
// Foreign Affairs").
const roleComplementWindow = 5

// roleComplement skips the complement of a role at toks[k] and the
// preposition after it ("chief of [staff of] Ghana's army", "secretary of
// [the Security Council of] Russia"): title words and words of the
// role-complement class. It returns the index after the preposition, or
// k when there is no such complement.
func (x *Extractor) roleComplement(toks []token, k, to int) int {
	m := k
	if m < to && toks[m].low == "the" {
		m++
	}
	n := m
	for n < to && n < m+roleComplementWindow && (x.complementWord(&toks[n]) || n > m && toks[n].low == "of" && n+1 < to && x.complementWord(&toks[n+1])) {
		n++ // "of" inside the complement: "the Ministry of Foreign Affairs of Iran"
	}
	if n == m || n+1 >= to || !toks[n].in(lcOfficialPrep) {
		return k
	}
	return n + 1
}

// complementWord reports a word of a role's complement: a title word or
// one of the role-complement class ("staff", "ministry").
func (x *Extractor) complementWord(t *token) bool {
	return t.word && (t.is(cTitleWord) || t.in(lcRoleComplement))
}

// roleActor reads the actor of a role at toks[k]: a name, with its
// possessive head ("Chile's foreign ministry"), or a demonym with its head
// ("the Chilean government"). It returns where the phrase ends.
// describedRoleActor reads a role's owner named by a description that
// fits one state only, with its possessive and head at toks[i] ("a
// spokesperson for the North's defense ministry"): the end of the head,
// the state, and whether it matched.
func (x *Extractor) describedRoleActor(toks []token, i, to int) (int, graph.ActorID, bool) {
	n := x.lex.descriptionRef(toks, i, to)
	e := i + n
	if n == 0 || e >= to || toks[e].low != "'s" {
		return 0, "", false
	}
	var id graph.ActorID
	for k := i + 1; k < e; k++ {
		ids := x.lex.described[toks[k].low]
		if len(ids) > 1 || len(ids) == 1 && id != "" {
			return 0, "", false
		}
		for a := range ids {
			id = a // the one state the word fits
		}
	}
	h := headAfter(toks, e+1, to)
	return h, id, id != "" && h > 0
}

func (x *Extractor) roleActor(toks []token, k, to int) (int, graph.ActorID, bool) {
	ref, end, ok := x.trie.longest(toks, k, to)
	if !ok {
		return 0, "", false
	}
	if a, ok := x.refActor(ref); !ok || a.Type == graph.Person {
		return 0, "", false
	}
	switch {
	case ref.kind == NameDemonym:
		h := headAfter(toks, end, to)
		return h, ref.id, h > 0
	case ref.kind == nameDemonymPlural:
		return 0, "", false
	case end < to && toks[end].low == "'s":
		if h := headAfter(toks, end+1, to); h > 0 {
			return h, ref.id, true
		}
		return end + 1, ref.id, true
	}
	return end, ref.id, true
}

// officeRef matches "the prime minister's office", "the presidential
// office", "the defence staff": a state's office named before, resolved
// like "the ministry". The words of the office-modifier class make an
// office or staff a state's. It returns the phrase's length, or 0.
func (c *lexicon) officeRef(toks []token, i, to int) int {
	if toks[i].low != "the" {
		return 0
	}
	j := i + 1
	if j+1 < to && toks[j].low == "prime" && toks[j+1].low == "minister" {
		j++ // "the prime minister's office"
	}
	if j+1 < to && toks[j+1].low == "'s" && toks[j].in(lcOfficeHolder) {
		j += 2
	} else if j < to && toks[j].is(cOfficeModifier) {
		j++
	} else {
		return 0
	}
	if j >= to || !toks[j].in(lcOfficeNoun) || j+1 < to && (toks[j+1].low == "of" || toks[j+1].cap && toks[j+1].word) {
		return 0
	}
	return j + 1 - i
}

// nationsOf matches "the island nations of" before a state's name ("the
// Pacific island nations of Palau, Tuvalu and Nauru"): the mention is the
// first state, whose list goes on after it, written to out.
func (x *Extractor) nationsOf(out *mention, toks []token, i, to int) bool {
	if toks[i].low != "the" {
		return false
	}
	j := i + 1
	for j < to && j < i+titleModifierWindow && !x.stateNounOf(toks, j, to) && toks[j].word && !toks[j].is(cPreposition) {
		j++ // "the small Pacific island"
	}
	if j+2 >= to || !x.stateNounOf(toks, j, to) {
		return false
	}
	ref, end, ok := x.trie.longest(toks, j+2, to)
	if !ok || ref.kind != NameProper && ref.kind != NameCapital {
		return false
	}
	if a, ok := x.refActor(ref); !ok || a.Type != graph.Country {
		return false
	}
	*out = mention{from: i, to: end, nFrom: j + 2, id: ref.id, act: ref.actor}
	return true
}

// stateNounOf reports a noun of states followed by "of" at j: "nations
// of", "the Pacific island state of", "the Gulf kingdom of".
func (x *Extractor) stateNounOf(toks []token, j, to int) bool {
	return j+1 < to && toks[j+1].low == "of" && (toks[j].is(cPluralState) || !toks[j].cap && toks[j].in(lcStateNoun))
}

// unstatedBody matches a state's body written with capitals and without its
// state before it: "the Foreign Ministry", "the Ministry of Foreign
// Affairs", "the Defence Ministry", "the Foreign Office", "the Presidency"
// (its head is of the lexicon's state-body class; "Office" needs a word
// before it). A state after "of" is its state ("the Ministry of Foreign
// Affairs of Ukraine"); otherwise the state is found as an official's
// whose title names none (officialState): the paragraph's, the dateline's.
// With neither it matches nothing.
func (x *Extractor) unstatedBody(out *mention, toks []token, i, to int, st *articleState) bool {
	if toks[i].low != "the" {
		return false
	}
	j := i + 1
	for j < to && toks[j].cap && toks[j].is(cTitleWord|cInstitutionModifier) && !toks[j].in(lcStateBody) {
		j++ // "the National Defence Ministry"
	}
	if j >= to || !toks[j].cap || !toks[j].word || !toks[j].in(lcStateBody) || j == i+1 && toks[j].in(lcStateBodyModified) {
		return false
	}
	end, id := x.bodyComplement(toks, j+1, to)
	if end < to && toks[end].cap && toks[end].word {
		return false // "the Foreign Office Minister", "the Presidency Council"
	}
	if id == "" && !toks[j].in(lcStateBodyOf) {
		id = x.officialState(toks, i, st)
	}
	if id == "" {
		return false
	}
	*out = mention{from: i, to: end, nFrom: i, id: id}
	return true
}

// bodyComplement reads the complements of a body's head that end at k:
// "of Foreign Affairs", "of the Interior", "of National Defence and
// Veterans Affairs", and a state after one ("of Ukraine"). It returns
// their end and the state, if one was named.
func (x *Extractor) bodyComplement(toks []token, k, to int) (int, graph.ActorID) {
	for k+1 < to && toks[k].low == "of" {
		c := k + 1
		if toks[c].low == "the" {
			c++
		}
		if c >= to {
			break
		}
		if ref, end, ok := x.trie.longest(toks, c, to); ok {
			if a, ok := x.refActor(ref); ok && a.Type == graph.Country && ref.kind != NameDemonym {
				return end, a.ID
			}
			break // another actor's: no state
		}
		e := c
		for e < to && (toks[e].cap && toks[e].word || toks[e].low == "and" && e > c && e+1 < to && toks[e+1].cap) {
			e++
		}
		if e == c {
			break
		}
		k = e
	}
	return k, ""
}

// shortNameWords is how many capitalised words a body's short name may
// have after "the": "the Council", "the Security Council".
const shortNameWords = 2

// shortNameWindow is how far back, in tokens, a short name looks for the
// body it ends: about a whole wire story (700 words).
const shortNameWindow = 1500

// shortNameRef matches a body's short name, the capitalised last words of
// an organisation or group the article named before: "the Security
// Council" or "the Council" after "the UN Security Council", "the Front"
// after "the Polisario Front". The nearest such body before it is meant; a
// name that ends no body named before, or with "of" or a capitalised word
// after it ("the Council of Europe"), matches nothing. The nouns of bodyRef
// ("the Alliance", "the Union") are left to it. It reads back only the
// tokens with the name's last word (st.prevSameWord).
func (x *Extractor) shortNameRef(out *mention, toks []token, i, to int, st *articleState) bool {
	if toks[i].low != "the" {
		return false
	}
	e := i + 1
	for e < to && e <= i+shortNameWords && toks[e].cap && toks[e].word && !toks[e].upper {
		e++
	}
	lower := e == i+1 && e < to && !toks[e].cap && toks[e].in(lcShortNoun)
	if lower {
		e++ // "accused the council of treating ...": a lower-case short name
	}
	if e == i+1 || e < to && (toks[e].low == "of" && !(lower && gerundNext(toks, e+1, to)) || toks[e].cap) || toks[e-1].is(cBodyNoun) || x.startsName(toks, i+1, e) {
		return false // a name of its own: "the Kremlin", "the Chinese"
	}
	last := toks[e-1].wid // a word's id among the words of dictionary names
	if last == 0 {
		return false // a word of no name ends no body's name
	}
	n := e - i - 1
	for p := st.prevSameWord(x, toks, e-1); p >= n && p > i-shortNameWindow; p = st.prevSameWord(x, toks, p) {
		if p >= i || !sameWords(toks[p-n+1:p+1], toks[i+1:e]) {
			continue
		}
		if id := x.bodyEndingAt(toks, p-n+1, p+1); id != "" {
			*out = mention{from: i, to: e, nFrom: i, id: id}
			return true
		}
	}
	return false
}

// sameWords reports whether a and b hold the same words, regardless of case.
func sameWords(a, b []token) bool {
	for k := range a {
		if a[k].low != b[k].low {
			return false
		}
	}
	return len(a) == len(b)
}

// bodyEndingAt returns the organisation or group whose dictionary name
// ends at toks[end-1] and holds toks[from:end] and at most
// shortNamePrefix words before them; "" if none.
func (x *Extractor) bodyEndingAt(toks []token, from, end int) graph.ActorID {
	for s := from - 1; s >= 0 && s >= from-shortNamePrefix; s-- {
		ref, e, ok := x.trie.longest(toks, s, end)
		if !ok || e != end {
			continue
		}
		if a, ok := x.refActor(ref); ok && (a.Type == graph.Organization || a.Type == graph.Group) {
			return a.ID
		}
	}
	return ""
}

// shortNamePrefix is how many words a body's full name may hold before
// its short name: "United Nations Security Council" before "Security
// Council", "Coalition of Patriots for Change" before "Change".
const shortNamePrefix = 4

// membersOf matches "members of the RSF", "fighters of the Wagner Group":
// a member-noun, "of" and an armed group's name; the phrase is the group
// (who "had committed crimes" is the group). A number of them is not
// ("100 fighters of the Wagner company had moved ..."). A state's or a bloc's
// members are left alone ("members of NATO" tells a membership).
func (x *Extractor) membersOf(out *mention, toks []token, i, to int) bool {
	if !toks[i].in(lcMemberNoun) || i+2 >= to || toks[i+1].low != "of" {
		return false
	}
	if p := i - 1; p >= 0 && (startsDigit(toks[p].text) || toks[p].is(cCount) || toks[p].in(lcNumberWord)) {
		return false // "more than 100 fighters of the group": some of them, not the group
	}
	k := i + 2
	if toks[k].low == "the" {
		k++
	}
	if h := strings.LastIndexByte(toks[k].low, '-'); k+1 < to && h > 0 && strings.HasSuffix(toks[k].low[h:], "ed") {
		k++ // "fighters of the Russia-linked Wagner Group"
	}
	ref, end, ok := x.trie.longest(toks, k, to)
	if !ok || ref.kind == NameDemonym || ref.kind == nameDemonymPlural {
		return false
	}
	if a, ok := x.refActor(ref); !ok || a.Type != graph.Group || end < to && toks[end].cap {
		return false
	}
	*out = mention{from: i, to: end, nFrom: k, id: ref.id, act: ref.actor}
	return true
}
