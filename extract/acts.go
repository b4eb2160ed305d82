package extract

// This file remembers who did the last act of each kind an article told,
// so that a later "condemned the recognition" or "denounced the move"
// names its doer.

import "geokg/graph"

// rememberDoer notes the source of a relation the article told: the last
// supplier and recipient, the last recogniser, and the last actor of any relation other than an
// accusation or a denial (for "the move", "the decision").
func (sc *scope) rememberDoer(rel graph.Relation, src, tgt *endpoint) {
	if rel == graph.Supplies {
		sc.st.noteSupply(src.id, tgt.id)
	}
	if rel == graph.Accuses || rel == graph.Denies {
		return
	}
	id := src.id
	if aff := sc.aff(src); aff != "" {
		id = aff // "Netanyahu signed ...": the move is Israel's
	}
	sc.st.lastMover, sc.st.lastMoveAt = id, sc.st.sentences
	if rel == graph.Recognizes {
		sc.st.lastRecognizer = id
	}
}

// lastDoer resolves "condemned the recognition", "denounced the move" with
// no doer named after the noun: the doer of the last such act told in the
// last actMemory sentences (data/lexicon.txt: move-noun); a recognition
// noun names the article's last recogniser, however far back.
func (sc *scope) lastDoer(i int) []endpoint {
	j := i + 1
	if j+1 >= sc.s.to || !sc.toks[j].in(lcDeterminer) {
		return nil
	}
	return sc.doerOf(j + 1)
}

// lastDoerBefore is lastDoer for a passive: "The move was condemned by
// Egypt", the noun before the verb at i and its auxiliaries.
func (sc *scope) lastDoerBefore(i int) []endpoint {
	k := i - 1
	for k > sc.s.from && (sc.toks[k].is(cAux) || sc.toks[k].is(cBe)) {
		k--
	}
	if k-1 < sc.s.from || !sc.toks[k-1].in(lcDeterminer) {
		return nil
	}
	return sc.doerOf(k)
}

// doerOf returns the remembered doer of the act the noun at k names, or
// nil.
func (sc *scope) doerOf(k int) []endpoint {
	if n := k + 1; n < sc.s.to && sc.toks[n].in(lcActNamedBy) {
		return nil // "the recognition of X by Y", "the move by Y": named there
	}
	id := graph.ActorID("")
	if t, ok := sc.trigOf(&sc.toks[k]); ok && t.pos == noun && t.rel == graph.Recognizes {
		id = sc.st.lastRecognizer // a recognition is an article's event: no reach
	} else if sc.toks[k].in(lcMoveNoun) && sc.st.sentences-sc.st.lastMoveAt <= actMemory {
		id = sc.st.lastMover
	}
	if id == "" {
		return nil
	}
	return []endpoint{{id: id, span: graph.Span{Start: sc.toks[k].start, End: sc.toks[k].end}}}
}
