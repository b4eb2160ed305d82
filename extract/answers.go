package extract

// This file answers a denial that names no accuser with a claim made a
// few sentences before it about the denier, when that claim had no word
// that charges anyone and so was not remembered as an accusation:
// "Peru's minister said the smugglers had been trained by Bolivian
// officers. ... Bolivia rejected the allegation." The denial's own noun
// says the claim was a charge.

import "geokg/graph"

// saying records that by said something naming of in sentence at.
type saying struct {
	by, of graph.ActorID
	at     int
}

// rememberSaid notes every actor named in what the speakers subj said
// after the token r (r before the sentence: the whole sentence, a claim
// told before its attribution), other than the speakers and what they
// speak for. Pronouns are left out: "it" in a claim is most often the
// speaker's own state.
func (sc *scope) rememberSaid(subj []int, r int) {
	from := max(r+1, sc.s.from)
	bys := sc.ids(subj)
	var affs [2]graph.ActorID // what the first speakers speak for, read once (affOf)
	for n := range min(len(bys), len(affs)) {
		affs[n] = sc.affOf(bys[n])
	}
	for j := from; j < sc.s.to; j++ {
		mi, ok := sc.startAt(j)
		if !ok || sc.ms[mi].pron != "" {
			continue
		}
		m := &sc.ms[mi]
		id := m.id // sc.first of a name
		for n, by := range bys {
			if by == "" || id == "" || sc.sayingSeen(by, id) {
				continue
			}
			if n < len(affs) && (id == by || affs[n] == id || sc.mentionAff(m) == by) || n >= len(affs) && sc.affiliated(id, by) {
				continue // id speaks for by or by for id (affiliated)
			}
			sc.st.said = append(sc.st.said, saying{by: by, of: id, at: sc.st.sentences})
		}
	}
}

// sayingSeen reports a saying of by about of already noted in this
// sentence.
func (sc *scope) sayingSeen(by, of graph.ActorID) bool {
	for k := len(sc.st.said) - 1; k >= 0 && sc.st.said[k].at == sc.st.sentences; k-- {
		if s := sc.st.said[k]; s.by == by && s.of == of {
			return true
		}
	}
	return false
}

// saidAccusers returns who last said something about one of the deniers
// src in the sentences before this one, at most thatMemory back, when the
// denial at i rejects a claim noun at k with no owner ("rejected the
// allegation", "denied the claim", "rejected those accusations"): all who
// said it in that sentence. A denial of a charge (lexicon class
// denied-charge) makes each of them an accuser of the denier too: the
// denier's word calls the claim a charge.
func (sc *scope) saidAccusers(i, k int, src []int) (graph.ActorID, []graph.ActorID) {
	if k >= sc.s.to || k == i || !sc.answeredNoun(k, src) {
		return "", nil
	}
	deniers := sc.ids(src)
	var out []graph.ActorID
	at := -1
	for n := len(sc.st.said) - 1; n >= 0; n-- {
		s := sc.st.said[n]
		if s.at == sc.st.sentences || at >= 0 && s.at != at {
			continue
		}
		if sc.st.sentences-s.at > thatMemory {
			break
		}
		for _, d := range deniers {
			if sc.affiliated(s.of, d) && !sc.affiliated(s.by, d) && !containsID(out, s.by) {
				out, at = append(out, s.by), s.at
			}
		}
	}
	if len(out) == 0 {
		return "", nil
	}
	if sc.toks[k].in(lcDeniedCharge) {
		sc.emitEnds(graph.Accuses, sc.idEnds(out, i), sc.ends(src), i, graph.Asserted, "", "")
	}
	return out[0], out
}

// idEnds returns endpoints for ids with the span of the token at i.
func (sc *scope) idEnds(ids []graph.ActorID, i int) []endpoint {
	span := graph.Span{Start: sc.toks[i].start, End: sc.toks[i].end}
	out := make([]endpoint, 0, len(ids))
	for _, id := range ids {
		out = append(out, endpoint{id: id, span: span})
	}
	return out
}

func containsID(ids []graph.ActorID, id graph.ActorID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// answeredNoun reports a claim noun at k that stands for a claim told
// before: after a determiner ("the", "these", "that", "such"; past one
// modifier: "the militarisation charge"), with no owner or source of its
// own after it ("the report by the broadcaster", "reports in Moroccan
// media") and no content but one about the denier ("the claims that
// Serbia is arming Kiev" denied by Serbia; not "denied reports that the
// ruling was retaliation"). A report or finding is a document, not a
// claim told before.
func (sc *scope) answeredNoun(k int, src []int) bool {
	t := &sc.toks[k]
	if !t.is(cClaimNoun) || t.in(lcFindingNoun) {
		return false
	}
	d := k - 1
	if d > sc.s.from && !sc.toks[d].in(lcAnswerDeterminer) {
		d-- // one modifier: "the militarisation charge"
	}
	if d < sc.s.from || !sc.toks[d].in(lcAnswerDeterminer) {
		return false
	}
	if k+1 >= sc.s.to || !sc.toks[k+1].in(lcClaimSource) && sc.toks[k+1].low != "that" {
		return true
	}
	if sc.toks[k+1].low != "that" || k+2 >= sc.s.to {
		return false
	}
	mi, ok := sc.startAt(k + 2)
	return ok && sc.about([]int{mi}, sc.first(src))
}
