package extract

import (
	"geokg/graph"
)

// The features of a candidate (docs/extraction.md, "Learned component").
// Each is a short string; D is "f" when the source comes first in the
// sentence, "r" when the target does:
//
//	bias                    every candidate
//	dir:D                   the order of the two ends
//	type:D:S>T              the actor types of source and target
//	dist:N                  the gap in words, bucketed (distBucket)
//	w:WORD, wD:WORD         each word between the two mentions
//	n1D:WORD, n2D:WORD      the word just after the first mention, just before the second
//	b1D:WORD, b2D:WORD      the one and two words before the first mention
//	a1D:WORD, a2D:WORD      the one and two words after the second mention
//	ps:WORD, pt:WORD        the word just before the source, the target ("by", "to", "from")
//	trD:LEMMA, trb:RELATION a trigger of the lexicon between the two, its relation
//	trs:RELATION            a trigger elsewhere in the sentence
//	cue:CLASS, cueb:CLASS   a cue of negation, stopping, promise, reporting, a claim noun or a
//	                        hostile verb in the sentence, between the two
//	poss-s, adj-s, poss-t, adj-t   an end written as a possessive or a demonym
//	cogroup                 both ends coordinated in one group ("A and B")
//	mb:N, cb:N              the actor mentions, the clause breaks between the two (0, 1, 2+)
//	tp:RELATION:ORDER       each trigger of the sentence with the order of source (S),
//	                        target (T) and trigger (R): "S-R-T", "R-T-S" ...
//	tq:RELATION:ORDER:A,B   the same with the mentions between source and
//	                        trigger (A) and between target and trigger (B): 0, 1, 2+
//
// Words are lower case, as the tokenizer gives them; the cue classes are
// the lexicon's.

// featureWriter builds features into a reused buffer and hands them to a
// sink, with the token a word feature comes from (-1: none).
type featureWriter struct {
	buf  *[]byte
	sink featureSink
	tok  int
	// words, when set, scores the word features between the mentions
	// (w:WORD, wD:WORD) from the weights it cached for the sentence
	// instead of looking them up for every candidate
	words *wordCache
}

func (w *featureWriter) emit(parts ...string) {
	b := (*w.buf)[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	*w.buf = b
	w.sink.feature(b, w.tok)
}

// featurize gives the features of candidate src -> tgt (mention indexes)
// to sink.
func (sc *scope) featurize(src, tgt int, sp *learnScratch, sink featureSink) {
	w := featureWriter{buf: &sp.buf, sink: sink, tok: -1}
	if sink == featureSink(&sp.score) {
		w.words = &sp.words
	}
	s, t := &sc.ms[src], &sc.ms[tgt]
	first, second, d := s, t, "f"
	if src > tgt {
		first, second, d = t, s, "r"
	}
	w.emit("bias")
	w.emit("dir:", d)
	w.emit("type:", d, ":", sc.typeName(s.id), ">", sc.typeName(t.id))
	w.emit("dist:", distBucket(second.from-first.to))
	sc.betweenFeatures(&w, sp, first.to, second.from, d)
	sc.contextFeatures(&w, first, second, d)
	w.emit("ps:", sc.wordAt(s.from-1))
	w.emit("pt:", sc.wordAt(t.from-1))
	sc.cueFeatures(&w, sp, first.to, second.from)
	sc.structureFeatures(&w, sp, src, tgt)
	sc.roleFeatures(&w, sp, src, tgt)
	endFeatures(&w, s, "s")
	endFeatures(&w, t, "t")
	if s.group == t.group {
		w.emit("cogroup")
	}
}

// betweenFeatures gives the words and triggers between the two mentions,
// tokens [from, to).
func (sc *scope) betweenFeatures(w *featureWriter, sp *learnScratch, from, to int, d string) {
	for k := from; k < to; k++ {
		w.tok = k
		low := sc.toks[k].low
		if w.words != nil {
			w.words.add(sc, k, d, w.buf)
		} else {
			w.emit("w:", low)
			w.emit("w", d, ":", low)
		}
		if t, ok := sc.trigOf(&sc.toks[k]); ok {
			w.emit("tr", d, ":", t.lemma)
			w.emit("trb:", string(t.rel))
		}
	}
	w.tok = -1
	if from < to {
		w.emit("n1", d, ":", sc.toks[from].low)
		w.emit("n2", d, ":", sc.toks[to-1].low)
	}
	for _, k := range sp.trigs {
		if k < from || k >= to {
			t, _ := sc.trigOf(&sc.toks[k])
			w.emit("trs:", string(t.rel))
		}
	}
}

// contextFeatures gives the words before the first mention and after the
// second.
func (sc *scope) contextFeatures(w *featureWriter, first, second *mention, d string) {
	w.emit("b1", d, ":", sc.wordAt(first.from-1))
	w.emit("b2", d, ":", sc.wordAt(first.from-2))
	w.emit("a1", d, ":", sc.wordAt(second.to))
	w.emit("a2", d, ":", sc.wordAt(second.to+1))
}

// cueClasses are the lexicon's cue classes read as features, with their
// feature names.
var cueClasses = [...]struct {
	bit  uint64
	name string
}{{cNegator, "negator"}, {cStopVerb, "stop"}, {cPromise, "promise"}, {cReporting, "reporting"}, {cClaimNoun, "claim-noun"}, {cHostile, "hostile"}}

// cueFeatures gives the cue classes found in the sentence (sp.cues) and
// those found between the mentions, tokens [from, to).
func (sc *scope) cueFeatures(w *featureWriter, sp *learnScratch, from, to int) {
	var between uint64
	for k := from; k < to; k++ {
		between |= sc.toks[k].cls
	}
	for _, c := range cueClasses {
		if sp.cues&c.bit != 0 {
			w.emit("cue:", c.name)
		}
		if between&c.bit != 0 {
			w.emit("cueb:", c.name)
		}
	}
}

// prepare readies sp for the candidates of the scope's sentence: the
// triggers outside mentions, the relations they trigger and the cue
// classes of the sentence.
func (sp *learnScratch) prepare(sc *scope) {
	sp.trigs, sp.cues, sp.rels = sp.trigs[:0], 0, 0
	for k := sc.s.from; k < sc.s.to; k++ {
		tk := &sc.toks[k]
		sp.cues |= tk.cls
		if tk.tg != 0 && !sc.inMention(k) {
			sp.trigs = append(sp.trigs, k)
			t, _ := sc.trigOf(tk)
			if r, ok := relIndex(t.rel); ok {
				sp.rels |= 1 << r
			}
		}
	}
}

// endFeatures gives how one end is written: a possessive, a demonym.
func endFeatures(w *featureWriter, m *mention, role string) {
	if m.poss {
		w.emit("poss-", role)
	}
	if m.adj {
		w.emit("adj-", role)
	}
}

// wordAt returns the lower-case word of token k, or "<s>" outside the
// sentence.
func (sc *scope) wordAt(k int) string {
	if k < sc.s.from || k >= sc.s.to {
		return "<s>"
	}
	return sc.toks[k].low
}

// typeName returns the actor type of id ("person" for a person first met
// in this text).
func (sc *scope) typeName(id graph.ActorID) string {
	if a, ok := sc.x.actor(id); ok {
		return string(a.Type)
	}
	return string(graph.Person)
}

// distBucket names the gap between two mentions in words by bucket.
func distBucket(gap int) string {
	switch {
	case gap <= 1:
		return "0-1"
	case gap <= 3:
		return "2-3"
	case gap <= 6:
		return "4-6"
	case gap <= 12:
		return "7-12"
	}
	return "13+"
}

// structureFeatures gives what lies between the two ends (other actors,
// clause breaks) and where each trigger of the sentence stands with
// respect to them.
func (sc *scope) structureFeatures(w *featureWriter, sp *learnScratch, src, tgt int) {
	s, t := &sc.ms[src], &sc.ms[tgt]
	lo, hi := min(src, tgt), max(src, tgt)
	w.emit("mb:", countBucket(hi-lo-1))
	breaks := 0
	for k := min(s.to, t.to); k < max(s.from, t.from); k++ {
		if sc.toks[k].is(cClauseBreak) {
			breaks++
		}
	}
	w.emit("cb:", countBucket(breaks))
	for _, k := range sp.trigs {
		tr, _ := sc.trigOf(&sc.toks[k])
		o := order(s.from, t.from, k)
		w.emit("tp:", string(tr.rel), ":", o)
		w.emit("tq:", string(tr.rel), ":", o, ":", countBucket(sc.mentionsBetween(s.from, k)), ",", countBucket(sc.mentionsBetween(t.from, k)))
	}
}

// mentionsBetween counts the mentions that start strictly between tokens
// a and b (either order), not at either.
func (sc *scope) mentionsBetween(a, b int) int {
	lo, hi := min(a, b), max(a, b)
	n := 0
	for i := range sc.ms {
		if f := sc.ms[i].from; f > lo && f < hi {
			n++
		}
	}
	return n
}

// order names the order of a source at s, a target at t and a trigger at
// r: "S-R-T" is the source first and the trigger between.
func order(s, t, r int) string {
	switch {
	case s < r && r < t:
		return "S-R-T"
	case t < r && r < s:
		return "T-R-S"
	case r < s && s < t:
		return "R-S-T"
	case r < t && t < s:
		return "R-T-S"
	case s < t:
		return "S-T-R"
	}
	return "T-S-R"
}

// countBucket names a small count: "0", "1" or "2+".
func countBucket(n int) string {
	switch n {
	case 0:
		return "0"
	case 1:
		return "1"
	}
	return "2+"
}

// wordCache holds, for each token of a sentence, the summed weights of
// its two word features in each direction (w:WORD + wf:WORD, w:WORD +
// wr:WORD), looked up once a sentence: a word lies between the ends of
// many candidates.
type wordCache struct {
	from int
	rows [][2][numRelations]float64
	done []bool
	sc   *scorer
}

// reset readies the cache for the sentence of sc.
func (c *wordCache) reset(sc *scope, s *scorer) {
	n := sc.s.to - sc.s.from
	c.from, c.sc = sc.s.from, s
	c.rows = slicesGrow(c.rows, n)
	c.done = slicesGrow(c.done, n)
	clear(c.done)
}

// add adds the word features of token k in direction d to the scorer.
func (c *wordCache) add(sc *scope, k int, d string, buf *[]byte) {
	i := k - c.from
	if !c.done[i] {
		c.done[i] = true
		low := sc.toks[k].low
		both := c.sc.lookup(append(append((*buf)[:0], "w:"...), low...))
		for j, dir := range [2]string{"f", "r"} {
			row := c.sc.lookup(append(append(append(append((*buf)[:0], 'w'), dir...), ':'), low...))
			for r := range row {
				c.rows[i][j][r] = both[r] + row[r]
			}
		}
	}
	j := 0
	if d == "r" {
		j = 1
	}
	c.sc.add(&c.rows[i][j], k)
}

// slicesGrow returns s with length n, reusing its array when it can.
func slicesGrow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
