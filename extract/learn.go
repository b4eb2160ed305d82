package extract

import (
	"math"

	"geokg/graph"
)

// The learned component (docs/extraction.md, "Learned component"): after
// the rules have read a sentence that holds a trigger word, every ordered
// pair of actors the sentence names, close together, between which the
// rules found no edge, is a candidate. Its features (featurize) are
// scored by a linear model trained from the repository's annotated
// articles (cmd/geokg-train, weights in data/model.txt); a pair whose best
// relation scores above that relation's threshold, in a sentence holding
// a trigger of that relation, becomes an edge whose Trigger starts with
// LearnedPrefix.

// LearnedPrefix starts the Trigger of a mention the learned component
// added: "learned:rejected", where the word after it, as written, is the
// text of TrigSpan, the word of the sentence that weighed most for the
// relation. A rule's mention never has it.
const LearnedPrefix = "learned:"

// LearnedMode turns the learned component on or off (Options.Learned).
type LearnedMode int

const (
	// LearnedDefault is DefaultLearned.
	LearnedDefault LearnedMode = iota
	// LearnedOn adds the learned component's edges to the rules'.
	LearnedOn
	// LearnedOff gives the rules' edges only.
	LearnedOff
)

// DefaultLearned is whether the learned component is on when Options
// leave it to the package: it is on only while it beats the rules alone
// on a batch it was not trained on (docs/extraction.md).
const DefaultLearned = false

// model returns the model the options ask for, nil when the learned
// component is off or the model has no weight.
func (o Options) model() *Model {
	if o.Learned == LearnedOff || o.Learned == LearnedDefault && !DefaultLearned {
		return nil
	}
	m := o.Model
	if m == nil {
		m, _ = BuiltinModel() // a malformed embedded model fails the tests
	}
	if m == nil || m.Len() == 0 {
		return nil
	}
	return m
}

// maxPairGap is the most tokens between two mentions that make a
// candidate: farther apart, a sentence rarely ties them and the bag of
// words between them says little.
const maxPairGap = 16

// Candidate is one ordered pair of named actors of a sentence that holds
// a trigger word, at most maxPairGap words apart, with its features
// (Extractor.Candidates).
type Candidate struct {
	// Source and Target are the actors as named (a person stays a person).
	Source, Target graph.ActorID
	// SourceState and TargetState are the ends at state level: the actor
	// an official or a body speaks for, else the actor itself.
	SourceState, TargetState graph.ActorID
	// Sentence is the sentence's span in the text.
	Sentence graph.Span
	// Ruled lists the relations the rules gave from Source to Target (a
	// symmetric one either way) in the sentence, at state level. The
	// learned component scores only pairs the rules gave no edge either
	// way (Scored); the others are candidates for training only.
	Ruled []graph.Relation
	// Scored says whether the learned component scores the candidate: the
	// rules gave no edge between its two ends, either way.
	Scored bool
	// Triggers lists the relations a trigger word of the sentence (outside
	// the actors' names) names: the model gives a candidate only one of
	// them.
	Triggers []graph.Relation
	// Features are the candidate's feature names, as the model file names
	// them.
	Features []string
}

// Candidates returns the candidates of the learned component in text, in
// text order, whether or not a model is loaded: the data the training
// program (cmd/geokg-train) learns from and the tests read.
func (x *Extractor) Candidates(art graph.Article, text string) []Candidate {
	var c candidateCollector
	cx := *x
	cx.collect = &c
	cx.model = nil
	cx.Extract(art, text)
	return c.out
}

// candidateCollector gathers candidates with their features as strings.
type candidateCollector struct {
	out []Candidate
}

func (c *candidateCollector) feature(f []byte, _ int) {
	last := &c.out[len(c.out)-1]
	last.Features = append(last.Features, string(f))
}

// featureSink receives the features of one candidate, one at a time,
// with the token a word feature comes from (-1: none); f is only valid
// during the call.
type featureSink interface {
	feature(f []byte, tok int)
}

// learn appends to found the learned edges of the sentence of sc, whose
// rule mentions are found[n:], or records its candidates when the
// extractor collects them. It returns found.
func (x *Extractor) learn(sc *scope, sp *learnScratch, art graph.Article, found []graph.Mention, n int) []graph.Mention {
	if x.collect == nil && x.model == nil || len(sc.ms) < 2 {
		return found
	}
	sp.prepare(sc)
	if len(sp.trigs) == 0 || x.collect == nil && sp.rels&x.model.active == 0 {
		return found // no trigger word of a relation the model gives
	}
	sp.words.reset(sc, &sp.score)
	sp.readRoles(sc)
	ruled := found[n:len(found):len(found)] // the rules' mentions, not the learned ones appended below
	for i := range sc.ms {
		for j := i + 1; j < len(sc.ms) && sc.ms[j].from-sc.ms[i].to <= maxPairGap; j++ {
			if !sc.pairable(i, j) {
				continue
			}
			if x.collect != nil {
				x.collectPair(sc, sp, found[n:], i, j)
				x.collectPair(sc, sp, found[n:], j, i)
				continue
			}
			if sc.ruledPair(i, j, ruled) {
				continue // the rules read this pair
			}
			found = x.learnPair(sc, sp, art, found, n, i, j)
			found = x.learnPair(sc, sp, art, found, n, j, i)
		}
	}
	return found
}

// collectPair records the candidate src -> tgt with its features and the
// relations the rules gave it (ruled, the sentence's rule mentions).
func (x *Extractor) collectPair(sc *scope, sp *learnScratch, ruled []graph.Mention, src, tgt int) {
	s, t := &sc.ms[src], &sc.ms[tgt]
	x.collect.out = append(x.collect.out, Candidate{Source: s.id, Target: t.id,
		SourceState: sc.stateOf(s.id), TargetState: sc.stateOf(t.id), Sentence: sc.sentSpan(),
		Ruled: sc.ruledFrom(src, tgt, ruled), Scored: !sc.ruledPair(src, tgt, ruled), Triggers: relationsOf(sp.rels)})
	sc.featurize(src, tgt, sp, x.collect)
}

// learnPair scores the candidate src -> tgt and appends its edge to found
// when the model takes it.
func (x *Extractor) learnPair(sc *scope, sp *learnScratch, art graph.Article, found []graph.Mention, n, src, tgt int) []graph.Mention {
	sp.score.reset(x.model)
	sc.featurize(src, tgt, sp, &sp.score)
	r, ok := sp.score.best(sp.rels)
	if !ok {
		return found
	}
	m := sc.learnedMention(src, tgt, graph.Relations[r], sp)
	m.Article, m.Date = art.ID, art.Date
	for _, o := range found[n:] {
		if o.Key() == m.Key() {
			return found
		}
	}
	return append(found, m)
}

// relationsOf returns the relations whose bits are set in rels.
func relationsOf(rels uint8) []graph.Relation {
	var out []graph.Relation
	for r, rel := range graph.Relations {
		if rels&(1<<r) != 0 {
			out = append(out, rel)
		}
	}
	return out
}

// pairable reports whether mentions i and j make candidates: both named
// (no pronoun), of two different actors at state level.
func (sc *scope) pairable(i, j int) bool {
	a, b := &sc.ms[i], &sc.ms[j]
	if a.pron != "" || b.pron != "" || a.id == "" || b.id == "" {
		return false
	}
	return sc.stateOf(a.id) != sc.stateOf(b.id)
}

// ruledPair reports whether a rule mention (of ruled) joins the actors of
// mentions i and j at state level, either way.
func (sc *scope) ruledPair(i, j int, ruled []graph.Mention) bool {
	sa, sb := sc.stateOf(sc.ms[i].id), sc.stateOf(sc.ms[j].id)
	for k := range ruled {
		ms, mt := sc.stateOf(ruled[k].Source), sc.stateOf(ruled[k].Target)
		if ms == sa && mt == sb || ms == sb && mt == sa {
			return true
		}
	}
	return false
}

// ruledFrom returns the relations of the rule mentions (of ruled) from
// the actor of mention i to that of j at state level (a symmetric one
// either way).
func (sc *scope) ruledFrom(i, j int, ruled []graph.Mention) []graph.Relation {
	sa, sb := sc.stateOf(sc.ms[i].id), sc.stateOf(sc.ms[j].id)
	var out []graph.Relation
	for k := range ruled {
		m := &ruled[k]
		ms, mt := sc.stateOf(m.Source), sc.stateOf(m.Target)
		if ms == sa && mt == sb || ms == sb && mt == sa && m.Relation.Symmetric() {
			out = append(out, m.Relation)
		}
	}
	return out
}

// stateOf returns the actor id speaks for, else id: the state level of
// the scorer.
func (sc *scope) stateOf(id graph.ActorID) graph.ActorID {
	if aff := sc.affOf(id); aff != "" {
		return aff
	}
	return id
}

// sentSpan returns the span of the scope's sentence in the text.
func (sc *scope) sentSpan() graph.Span {
	return graph.Span{Start: sc.s.start, End: sc.s.end}
}

// learnedMention builds the mention of a learned edge src -> tgt of
// relation rel; its trigger is the word of the sentence whose features
// weighed most for rel (sp.score.top).
func (sc *scope) learnedMention(src, tgt int, rel graph.Relation, sp *learnScratch) graph.Mention {
	s, t := &sc.ms[src], &sc.ms[tgt]
	sent := sc.sentSpan()
	trig := sp.score.topTok
	if trig < sc.s.from || trig >= sc.s.to {
		trig = min(s.to, t.to) // no word weighed: the word after the first mention
	}
	tk := &sc.toks[trig]
	return graph.Mention{Source: s.id, Relation: rel, Target: t.id,
		Sentence: sc.text[sent.Start:sent.End], SentSpan: sent,
		SrcSpan: graph.Span{Start: sc.toks[s.nFrom].start, End: sc.toks[s.to-1].end},
		TgtSpan: graph.Span{Start: sc.toks[t.nFrom].start, End: sc.toks[t.to-1].end},
		Trigger: LearnedPrefix + sc.text[tk.start:tk.end], TrigSpan: graph.Span{Start: tk.start, End: tk.end},
		Status: graph.Asserted}
}

// learnScratch holds the buffers of the learned component for one
// sentence: the feature being built and the scorer.
type learnScratch struct {
	buf   []byte
	score scorer
	// trigs holds the sentence's trigger tokens outside mentions, cues
	// the word classes of its tokens (prepare)
	trigs []int
	cues  uint64
	rels  uint8 // bit r: a trigger of graph.Relations[r] is in the sentence
	words wordCache
	// roles holds the clause roles of the mentions for each trigger of
	// trigs, speaker and quoted which mentions say something or stand
	// inside quotes (readRoles)
	roles   []trigRoles
	speaker []bool
	quoted  []bool
}

// scorer sums a candidate's feature weights per relation and remembers,
// per relation, the token whose word feature weighed most.
type scorer struct {
	m      *Model
	sum    [numRelations]float64
	topTok int
	topW   [numRelations]float64
	topAt  [numRelations]int
}

// numRelations is the number of relations, the width of a weight row.
const numRelations = 5

func (s *scorer) reset(m *Model) {
	*s = scorer{m: m, topTok: -1, topAt: [numRelations]int{-1, -1, -1, -1, -1}}
}

func (s *scorer) feature(f []byte, tok int) {
	if w, ok := s.m.weights[string(f)]; ok {
		row := widen(&w)
		s.add(&row, tok)
	}
}

// lookup returns the weights of feature f (zero if it has none).
func (s *scorer) lookup(f []byte) [numRelations]float64 {
	w := s.m.weights[string(f)]
	return widen(&w)
}

func widen(w *[numRelations]float32) [numRelations]float64 {
	var out [numRelations]float64
	for r := range w {
		out[r] = float64(w[r])
	}
	return out
}

// add adds a weight row, from token tok (-1: none), to the sums.
func (s *scorer) add(w *[numRelations]float64, tok int) {
	for r := range s.sum {
		s.sum[r] += w[r]
		if tok >= 0 && w[r] > s.topW[r] {
			s.topW[r], s.topAt[r] = w[r], tok
		}
	}
}

// best returns the relation whose probability is highest, if it reaches
// that relation's threshold and the sentence holds a trigger of it (bit r
// of rels), and sets topTok to its weightiest word.
func (s *scorer) best(rels uint8) (int, bool) {
	r := 0
	for k := range s.sum {
		if s.sum[k] > s.sum[r] {
			r = k
		}
	}
	if rels&(1<<r) == 0 || sigmoid(s.sum[r]) < s.m.threshold[r] {
		return 0, false
	}
	s.topTok = s.topAt[r]
	return r, true
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
