package extract

// This file reads what a document says for its author: "Congo sent a
// letter to the Security Council. The letter said Rwandan troops had
// shelled Bukavu" is Congo's claim, and "The text accused Guyana of ..."
// Venezuela's accusation when Venezuela issued the text. A letter,
// statement or communique (lexicon class speech-noun) is remembered with
// its author when the article introduces it: the speaker of a claim made
// in it ("In a letter to the council, X said", "X said in a statement")
// or the subject of a verb that issues it ("X sent a letter", "X issued a
// statement": class issue-verb). "The letter" (a definite determiner,
// then the noun, then at most an aside) as the subject of a verb of
// saying or accusing is then that author, for docMemory sentences.

import "geokg/graph"

// noteDocument remembers the author of a document the sentence
// introduces: subj, the speaker of the claim at r, when a speech noun
// with an indefinite or possessive determiner stands in the sentence
// ("in a letter", "in its statement"), else the subject of an issue-verb
// before such a noun ("X sent a letter").
func (sc *scope) noteDocument(subj []int, r int) {
	for k := sc.nextSpeechNoun(sc.s.from + 1); k < sc.s.to; k = sc.nextSpeechNoun(k + 1) {
		d := sc.docDeterminer(k)
		if d < 0 || !sc.toks[d].in(lcDocumentDeterminer) {
			continue
		}
		by := subj
		if v := d - 1; v >= sc.s.from && sc.toks[v].in(lcIssueVerb) {
			by = sc.verbSubject(v)
		} else if r < 0 {
			continue
		}
		if len(by) == 0 {
			continue
		}
		if id := sc.first(by); id != "" {
			sc.st.docBy, sc.st.docAt = id, sc.st.sentences
			return
		}
	}
}

// docDeterminer returns the determiner of the speech noun at k, past
// modifiers (docModifierWindow words: "a strongly worded statement"), or
// -1.
func (sc *scope) docDeterminer(k int) int {
	for d := k - 1; d >= sc.s.from && d >= k-docModifierWindow; d-- {
		t := &sc.toks[d]
		if t.in(lcDeterminer) || t.in(lcDocumentDeterminer) {
			return d
		}
		if !t.word || t.cap && d > sc.s.from {
			return -1
		}
	}
	return -1
}

// docModifierWindow: the words between a document's determiner and its
// noun ("a joint written statement").
const docModifierWindow = 4

// docMemory: how many sentences after its introduction "the letter" is
// still that document.
const docMemory = 4

// docSubject returns, for the verb at i, a group standing for the author
// of the document named as its subject ("The letter said", "The
// communique, issued after the summit, accused ...", "'...,' the letter
// said"): a mention added
// to the sentence over the document's noun, with the author's id; nil
// when the subject is no such document or no author is remembered.
func (sc *scope) docSubject(i int) []int {
	if sc.st.docBy == "" || sc.st.sentences-sc.st.docAt > docMemory {
		return nil
	}
	k := sc.s.from
	if i-2 > k && sc.toks[i-3].low == "\"" || i-2 > k && sc.toks[i-3].low == "," {
		k = i - 2 // "'...,' the letter said"
	}
	if k+1 >= i || !sc.toks[k].in(lcDefiniteDeterminer) || !sc.toks[k+1].in(lcSpeechNoun) || sc.toks[k+1].in(lcFindingNoun) {
		return nil
	}
	n := k + 1
	if j := n + 1; j < i && sc.toks[j].low == "," {
		if sc.asideClose(j, i) != i-1 {
			return nil
		}
		if g := sc.signedBy(j, i-1); g != nil {
			return g // "The letter, signed by Foreign Minister X, said"
		}
	} else if n+1 != i {
		return nil
	}
	return sc.idGroup(sc.st.docBy, k, n+1)
}

// tickerSubject returns, for a verb of accusing or denial that opens its
// sentence in the middle of a paragraph with no subject, the subject of
// the entry before it: a live ticker's "00:40 - Iran's foreign minister
// hits back on Twitter. Accuses Pompeo of ...", "Armenia's defence
// ministry: no army units in Karabakh. Rejects Baku's claims". The
// subject of the sentence before, else the last person named; nil for a
// verb that is not capitalised, not in its third-person form ("Accuses",
// "Rejects") or opens a paragraph.
func (sc *scope) tickerSubject(i int) []int {
	t := &sc.toks[i]
	if i != sc.s.from || !t.cap || t.nl || len(t.low) < 5 || t.low[len(t.low)-1] != 's' {
		return nil
	}
	id := sc.st.lastPerson
	if len(sc.st.lastSubject) == 1 && sc.st.lastSubjectAt == sc.st.sentences-1 {
		id = sc.st.lastSubject[0]
	}
	if id == "" {
		return nil
	}
	return sc.idGroup(id, i, i+1) // over the verb: the subject is named in no token of its own
}

// idGroup adds to the sentence a mention of id over the tokens [from,
// to) that names it by reference (a document, a quote's opening mark)
// and a group of it alone, which it returns. The mention is no name:
// no rule finds it at its tokens (startAt), only the caller holds it.
func (sc *scope) idGroup(id graph.ActorID, from, to int) []int {
	sc.ms = append(sc.ms, mention{from: from, to: to, nFrom: from, id: id, group: len(sc.grp)})
	sc.grp = append(sc.grp, []int{len(sc.ms) - 1})
	return sc.grp[len(sc.grp)-1]
}

// asideClose returns the comma that closes an aside opened by the comma
// at j before the verb at i, or -1: no clause break or verb of saying
// between.
func (sc *scope) asideClose(j, i int) int {
	for c := j + 1; c < i; c++ {
		t := &sc.toks[c]
		if t.is(cClauseBreak | cReporting) {
			return -1
		}
		if t.low == "," {
			return c
		}
	}
	return -1
}

// signedBy returns the actor after "by" in the aside (from, to) on a
// document ("signed by Foreign Minister X", "issued by the ministry"),
// nil if none: "seen by AFP" names no actor.
func (sc *scope) signedBy(from, to int) []int {
	for k := from + 1; k < to; k++ {
		if sc.toks[k].low == "by" {
			return sc.after(k)
		}
	}
	return nil
}

// docAuthor returns the remembered author of the article's last
// document ("" if none).
func (sc *scope) docAuthor() graph.ActorID { return sc.st.docBy }

// wholeSentence reads what concerns the sentence as a whole before its
// verbs of saying: a document it introduces with its author ("X sent a
// letter", for "The letter said" later) and a quote that holds it whole
// and is attributed in a later sentence (reported.go quoteInside).
func (sc *scope) wholeSentence() {
	sc.noteDocument(nil, -1)
	sc.quoteInside()
}

// markScan remembers, for the article being read, where the next
// quotation mark and the next speech noun stand after a token, and how
// many quotation marks open the paragraph before a token, so that the
// whole-sentence pass (wholeSentence, quoteInside) and every verb of
// saying (noteDocument) read each token once an article rather than
// once a sentence or a verb. The zero value knows nothing.
type markScan struct {
	quote, speech, line nextMark
	// quotes counts the quotation marks in [para, at), para being the
	// last token at or before at that opens a line (0 if none)
	at, para, quotes int
}

// nextMark holds the answer of a forward search: no match in the tokens
// [from, at), and a match at at (len(toks) if none); set when it holds
// one.
type nextMark struct {
	from, at int
	set      bool
}

// nextQuote returns the first quotation mark at or after k, or
// len(sc.toks).
func (sc *scope) nextQuote(k int) int { return sc.nextMarkOf(&sc.st.marks.quote, k, markQuote) }

// nextSpeechNoun returns the first speech noun that is no finding noun
// at or after k, or len(sc.toks).
func (sc *scope) nextSpeechNoun(k int) int { return sc.nextMarkOf(&sc.st.marks.speech, k, markSpeech) }

// nextLine returns the first token at or after k that a line break
// stands before, or len(sc.toks).
func (sc *scope) nextLine(k int) int { return sc.nextMarkOf(&sc.st.marks.line, k, markLine) }

// markKind is what nextMarkOf looks for.
type markKind uint8

const (
	markQuote  markKind = iota // a quotation mark
	markSpeech                 // a speech noun that is no finding noun
	markLine                   // a token a line break stands before
)

// nextMarkOf answers nextQuote, nextSpeechNoun or nextLine (kind) from m,
// reading only the tokens m does not cover: those after m.at when k is
// past it, those before m.from when k is before it (a second verb of
// saying of the sentence: at most the sentence).
func (sc *scope) nextMarkOf(m *nextMark, k int, kind markKind) int {
	if m.set && m.from <= k && k <= m.at {
		return m.at
	}
	if m.set && k < m.from {
		if j := sc.markFrom(k, m.from, kind); j < m.from {
			return j
		}
		m.from = k
		return m.at
	}
	j := sc.markFrom(k, len(sc.toks), kind)
	*m = nextMark{from: k, at: j, set: true}
	return j
}

// markFrom returns the first token of the kind in [k, stop), or stop:
// one loop a kind, so that a token costs a test.
func (sc *scope) markFrom(k, stop int, kind markKind) int {
	toks := sc.toks[:stop]
	switch kind {
	case markQuote:
		for ; k < stop && toks[k].low != "\""; k++ {
		}
	case markSpeech:
		for ; k < stop && !(toks[k].in(lcSpeechNoun) && !toks[k].in(lcFindingNoun)); k++ {
		}
	default:
		for ; k < stop && !toks[k].nl; k++ {
		}
	}
	return k
}

// quoteOpenAt reports whether a quote opened in the paragraph before
// token j is still open there (an odd number of quotation marks from
// the paragraph's start, at most quoteAcrossWindow tokens back, to j),
// as quoteAcross reads it, and ok false when the marks cannot tell (j
// before a token already passed, or the paragraph longer than the
// window): the caller then asks quoteAcross.
func (sc *scope) quoteOpenAt(j int) (open, ok bool) {
	m := &sc.st.marks
	if j < m.at {
		return false, false
	}
	// every token of the article passes here once: counted in locals
	at, para, quotes := m.at, m.para, m.quotes
	toks := sc.toks[:j+1]
	for ; at < j; at++ {
		if toks[at+1].nl {
			para, quotes = at+1, 0
		} else if toks[at].low == "\"" {
			quotes++
		}
	}
	m.at, m.para, m.quotes = at, para, quotes
	if j-para > quoteAcrossWindow {
		return false, false
	}
	return quotes%2 == 1, true
}
