package extract

import (
	"strings"

	"geokg/graph"
)

// Transcripts and briefings give each answer a speaker label at the start
// of its paragraph ("MINISTER: We condemn ...", "WANG WENBIN: ...", "A:
// \"We have already responded ...\"", "Q (state broadcaster): ..."). The
// paragraph is then a turn of that speaker: "we", "us" and "our" in it
// are the speaker's state, as in a quote attributed to him. An
// interviewer's label (class interviewer-label: Q, ANCHOR, HOST ...) gives
// a turn of no one; "A" is the one answering (the name in its bracket, the
// person the question before addressed, the speaker of the answer before,
// else the state of the dateline, where briefings and interviews are
// held, else the first person the article named: "NAME, the Front's
// envoy, spoke to us in New York"). A label that names no person
// ("UKRAINE:", "UPDATE:") makes no turn.

// labelWords bounds the words of a speaker label before its bracket or
// colon: "SPOKESPERSON NEBIAT GETACHEW" has three.
const labelWords = 4

// labelBracket bounds the words of a label's bracket: "(a Liberal
// Democrat member)".
const labelBracket = 6

// speakerLabel reads a speaker label at toks[from], the start of a
// paragraph: one to labelWords words in capitals ("WANG WENBIN") or
// capitalised ("Mao Ning", the ministry's own transcripts), then an
// optional bracket and a colon. It returns where the words end and where
// the label ends (after the colon); ok is false if there is none. A
// capitalised label makes a turn only when it names a person (readTurn).
func speakerLabel(toks []token, from, to int) (words, end int, ok bool) {
	if from >= to || from > 0 && !toks[from].nl {
		return 0, 0, false
	}
	k := from
	for k < to && k-from < labelWords && toks[k].cap && toks[k].word {
		k++
	}
	words = k
	if k == from || k >= to {
		return 0, 0, false
	}
	if toks[k].low == "(" {
		for k++; k < to && k-words <= labelBracket && toks[k].low != ")"; k++ {
		}
		if k >= to || toks[k].low != ")" {
			return 0, 0, false
		}
		k++
	}
	if k >= to || toks[k].low != ":" {
		return 0, 0, false
	}
	return words, k + 1, true
}

// readTurn notes the turn the sentence at toks[from] starts, if it opens
// a paragraph: a labelled one (returning where its label ends), or none
// (a paragraph with no label ends the turn before). It returns from when
// the sentence has no label.
func (x *Extractor) readTurn(toks []token, from, to int, st *articleState) int {
	if from > 0 && !toks[from].nl {
		return from
	}
	st.inTurn, st.turn = false, ""
	words, end, ok := speakerLabel(toks, from, to)
	if !ok {
		return from
	}
	if x.interviewerLabel(toks, from, words) {
		st.inTurn = true
		x.addressed(toks, end, to, st)
		return end
	}
	if !capsLabel(toks, from, words) && !x.namedLabel(toks, from, words, st) {
		return from // "Context:", "Russia:", "Reuters:": no speaker's name
	}
	id := x.labelSpeaker(toks, from, words, end, st)
	if id == "" {
		return from // "UKRAINE:", "UPDATE:": no speaker
	}
	st.inTurn, st.turn, st.guest = true, id, id
	return end
}

// capsLabel reports a label in capitals: every word of toks[from:words].
func capsLabel(toks []token, from, words int) bool {
	for k := from; k < words; k++ {
		if !toks[k].upper {
			return false
		}
	}
	return true
}

// namedLabel reports a capitalised label that names a person: his
// dictionary or titled name ("Mao Ning:", "Lin Jian:") or a surname the
// article gave before ("Mirzoyan:"), not a title alone ("Minister:"),
// an outlet ("Reuters:") or a section ("Context:").
func (x *Extractor) namedLabel(toks []token, from, words int, st *articleState) bool {
	if m, _ := x.mentionAt(toks, from, from, words, st); m.person && m.id != "" {
		return true
	}
	return words == from+1 && st.surnameFold(toks[from].text) != ""
}

// interviewerLabel reports a label of the one asking: every word of
// toks[from:words] of class interviewer-label.
func (x *Extractor) interviewerLabel(toks []token, from, words int) bool {
	for k := from; k < words; k++ {
		if !toks[k].in(lcInterviewerLabel) {
			return false
		}
	}
	return true
}

// labelSpeaker resolves the speaker of the label toks[from:words] (its
// bracket and colon end at end): a label read before, "A" (the name in
// its bracket, else the one answering), a person's name or title
// ("WANG WENBIN", "SPOKESPERSON NEBIAT GETACHEW", "TODD", "MINISTER").
func (x *Extractor) labelSpeaker(toks []token, from, words, end int, st *articleState) graph.ActorID {
	key := strings.ToLower(joinText(toks[from:end]))
	if id, ok := st.labels[key]; ok {
		return id
	}
	var id graph.ActorID
	if words == from+1 && toks[from].low == "a" {
		if end-words > 2 { // "A (Tsahkna):"
			id = x.labelName(toks, words+1, end-2, st)
		}
		if id == "" {
			id = st.guest
		}
		if id == "" {
			id = x.datelineState(toks, st)
		}
		if id == "" {
			id = st.firstPerson // "NAME ... spoke to us in New York": the guest the article opened with
		}
	} else {
		id = x.labelName(toks, from, words, st)
	}
	if id != "" {
		st.labels[key] = id
	}
	return id
}

// labelName resolves the words toks[from:to] of a label to a person: a
// titled or dictionary name, a surname or a word of a label read before,
// else a title's holder ("MINISTER", "SPOKESMAN").
func (x *Extractor) labelName(toks []token, from, to int, st *articleState) graph.ActorID {
	if m, _ := x.mentionAt(toks, from, from, to, st); m.person && m.id != "" {
		return m.id
	}
	for k := from; k < to; k++ {
		if id := st.surnameFold(toks[k].text); id != "" {
			return id
		}
		if id := st.labelWord(toks[k].low); id != "" {
			return id
		}
	}
	if t := &toks[to-1]; t.is(cPersonTitle) {
		if id := st.titleHolder[t.low]; id != "" {
			return id
		}
		return st.guest
	}
	return ""
}

// surnameFold looks a surname up in any case ("TODD" for Todd).
func (st *articleState) surnameFold(w string) graph.ActorID {
	if id, ok := st.surnames[w]; ok {
		return id
	}
	for s, id := range st.surnames {
		if strings.EqualFold(s, w) {
			return id
		}
	}
	return ""
}

// labelWord returns the speaker of a label read before that holds the
// word w ("NEBIAT" after "SPOKESPERSON NEBIAT GETACHEW").
func (st *articleState) labelWord(w string) graph.ActorID {
	for key, id := range st.labels {
		for _, f := range strings.Fields(key) {
			if f == w {
				return id
			}
		}
	}
	return ""
}

// addressedWindow bounds the words before the comma of a question's
// address: "Foreign Secretary,", "Mr Letymbiotis,".
const addressedWindow = 4

// addressed reads the address that opens a question at toks[k] ("Minister
// Braze, will ...", "Mr Letymbiotis, good morning", "Minister, thank
// you"): the person addressed is the one answering next.
func (x *Extractor) addressed(toks []token, k, to int, st *articleState) {
	c := k
	for c < to && c-k < addressedWindow && toks[c].cap && toks[c].word {
		c++
	}
	if c == k || c >= to || toks[c].low != "," {
		return
	}
	if m, _ := x.mentionAt(toks, k, k, c, st); m.person && m.id != "" {
		st.guest = m.id
		return
	}
	if id := st.surnameFold(toks[c-1].text); id != "" {
		st.guest = id
		return
	}
	if t := &toks[c-1]; t.is(cPersonTitle) && st.titleHolder[t.low] != "" && st.guest == "" {
		st.guest = st.titleHolder[t.low]
	}
}

// turnClaim reads a sentence of a speaker's turn as what he says, as a
// quote attributed to him is read: a hostile act told in it is his
// accusation ("SPOKESMAN: ... it is Turkey that violates international
// law every day"), a claim it calls false his denial ("The US accusation
// is groundless"). A
// sentence that attributes a claim of its own ("The president said ...")
// is left to findClaims. The speaker, named in no word of the sentence,
// is a mention added after the sentence's own while it is read, which no
// clause rule reaches (it has no token index), at the sentence's first
// word (the label in the turn's first sentence).
func (sc *scope) turnClaim() {
	if sc.st.turn == "" || len(sc.claims) > 0 {
		return
	}
	from := sc.s.from
	if _, end, ok := speakerLabel(sc.toks, from, sc.s.to); ok {
		from = end
	}
	if from >= sc.s.to {
		return
	}
	n := len(sc.ms)
	sc.ms = append(sc.ms, mention{from: sc.s.from, to: sc.s.from + 1, nFrom: sc.s.from, id: sc.st.turn, person: true, group: len(sc.grp)})
	sc.grp = append(sc.grp, []int{n})
	sc.saidBefore(sc.s.to, []int{n})
	sc.turnDismissal([]int{n}, from)                  // "WANG WENBIN: The US accusation is groundless"
	sc.ms, sc.grp = sc.ms[:n], sc.grp[:len(sc.grp)-1] // he is no person the sentence names
}

// turnDismissal reads a claim a speaker's turn opens with and calls false
// ("The US accusation is groundless", "The DPP authorities' smears are
// totally groundless"): the speaker denies the claim's owner, as
// dismissedClaim reads it after "X said"; the dismissive word is the
// trigger.
func (sc *scope) turnDismissal(speaker []int, from int) {
	owner, d, ok := sc.falseClaim(from, from+claimTargetWindow)
	if ok && owner != nil && !sc.about(owner, sc.first(speaker)) {
		sc.emit(graph.Denies, speaker, owner, d, graph.Asserted, "", "")
	}
}
