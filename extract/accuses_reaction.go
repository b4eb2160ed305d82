package extract

// This file reads an accusation told as the reaction a deed drew: "The
// Turkish offensive drew sharp condemnation from France", "Guatemala moved
// its embassy to Jerusalem, drawing a rebuke from Washington", "was met
// with sharp condemnation in Paris and Berlin". Whoever the reaction came
// from (after "from", or a capital after "in") accuses whoever did the
// deed: the actor that opens the deed's noun phrase, or the main clause's
// subject for a participle after a comma. The verbs (class reaction-verb)
// are triggers only with a reaction noun (class reaction-noun) for object.

import "geokg/graph"

// reactionVerb reads the verb of drawing at i (class reaction-verb) as
// the reaction it draws and reports whether it was one; any other trigger
// is read as before.
func (sc *scope) reactionVerb(i int, t trig) bool {
	if t.pos == noun || !sc.x.lex.in("reaction-verb", sc.toks[i].low) {
		return false
	}
	sc.reaction(i)
	return true
}

// reactionWindow: the words between a verb of drawing and its reaction
// noun ("was met with sharp", "drew a muted").
const reactionWindow = 3

// reactionNoun returns the reaction noun that the verb at i draws, within
// reactionWindow lower-case words ("drew swift condemnation", "met with
// anger"), followed by "from" or "in"; -1 when none.
func (sc *scope) reactionNoun(i int) int {
	for k := i + 1; k < sc.s.to-1 && k <= i+1+reactionWindow; k++ {
		t := &sc.toks[k]
		if sc.x.lex.in("reaction-noun", t.low) {
			if w := sc.toks[k+1].low; w == "from" || w == "in" {
				return k
			}
			return -1
		}
		if !t.word || t.cap || t.is(cPreposition) && t.low != "with" {
			return -1
		}
	}
	return -1
}

// reaction reads the accusation of the verb of drawing at i (class
// reaction-verb): its reaction noun's source accuses the deed's doer.
func (sc *scope) reaction(i int) {
	n := sc.reactionNoun(i)
	if n < 0 {
		return
	}
	src := sc.after(n + 1)
	if src == nil || sc.toks[n+1].low == "in" && !sc.statesOnly(src) {
		return // "protests in the streets", "anger in the opposition"
	}
	tgt := sc.reactionDoer(i)
	if tgt == nil || sc.negated(sc.window(tgt, i), i, false) {
		return
	}
	sc.emit(graph.Accuses, src, tgt, i, graph.Asserted, "", "")
}

// reactionSubjectWindow: how far into its clause the owner of a deed that
// draws a reaction may start ("The Turkish offensive", "The EU decision").
const reactionSubjectWindow = 2

// reactionDoer returns who did the deed that drew the reaction at the verb
// i: after a comma, a participle ("..., drawing criticism from X") renames
// the main clause, whose subject did it; else the actor that opens the
// verb's clause, possessive or modifier ("Guatemala's decision drew",
// "The Turkish offensive in northern Syria drew"); nil when none ("The
// hijacking drew condemnation from China").
func (sc *scope) reactionDoer(i int) []int {
	p := i - 1
	for p > sc.s.from && sc.toks[p].is(cAux|cBe) {
		p-- // "a response that was met with anger in Yerevan"
	}
	if p <= sc.s.from {
		return nil
	}
	if sc.toks[p].low == "," {
		return sc.mainSubject(p) // "..., drawing a rebuke from Washington"
	}
	if w := sc.toks[p].low; w == "that" || w == "which" {
		// "..., a move that drew sharp criticism from X": the clause the
		// move renames may be the main one or one inside it ("..., with
		// Pristina confirming it would open an embassy in Jerusalem, a
		// move that ..."), so no one is read
		return nil
	}
	return sc.clauseOpener(i)
}

// clauseOpener returns the group that opens the clause of the verb at i,
// within reactionSubjectWindow words of its start (the sentence's, or
// after its last verb of saying), with no pronoun; nil when none.
func (sc *scope) clauseOpener(i int) []int {
	from := sc.afterLastSaying(i)
	if from < sc.s.to && sc.toks[from].low == "that" {
		from++
	}
	for g := range sc.grp {
		first := sc.ms[sc.grp[g][0]].from
		if first >= i || first > from+reactionSubjectWindow {
			return nil
		}
		if first >= from && sc.ms[sc.grp[g][0]].pron == "" {
			return sc.grp[g]
		}
	}
	return nil
}
