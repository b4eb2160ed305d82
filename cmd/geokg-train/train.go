package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"geokg/extract"
	"geokg/graph"
)

// numRel is the number of relations (graph.Relations), one classifier each.
const numRel = 5

// Label values of an example for one relation.
const (
	negative = 0
	positive = 1
	skip     = -1 // an optional triple: neither taught nor counted
)

// example is a candidate as the learner reads it: its features' indexes
// in the vocabulary, and per relation its label and weight.
type example struct {
	feats  []int32
	label  [numRel]int8
	weight [numRel]float32
}

// params are the learner's settings (flags of the command).
type params struct {
	epochs      int     // passes over the examples
	rate        float64 // learning rate of the first pass (then rate/(1+pass))
	l2          float64 // L2 penalty per update
	forbidW     float64 // weight of a negative the gold forbids outright
	positiveW   float64 // weight of a positive example
	minArticles int     // a feature must occur in this many training articles
	prune       float64 // weights smaller in magnitude are dropped
	seed        uint64  // the order of the examples in each pass
	scoredOnly  bool    // teach only on the candidates the extractor scores (the rules gave no edge)
	roled       bool    // a distant positive only where a trigger of the relation gives an end a role
	triggered   bool    // teach a relation only on candidates whose sentence holds a trigger of it
}

// vocabulary numbers the features that occur in at least min of the
// articles, in sorted order, so the same data gives the same numbers.
func vocabulary(arts []article, min int) map[string]int32 {
	seen := map[string]int{}
	for _, a := range arts {
		in := map[string]bool{}
		for _, c := range a.cands {
			for _, f := range c.Features {
				in[f] = true
			}
		}
		for f := range in {
			seen[f]++
		}
	}
	var names []string
	for f, n := range seen {
		if n >= min {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	voc := make(map[string]int32, len(names))
	for i, f := range names {
		voc[f] = int32(i)
	}
	return voc
}

// examples turns the articles' candidates into examples labelled by
// distant supervision: positive for a relation when the article's gold
// expects that edge between the two ends at state level, skipped when it
// allows it, negative otherwise (weighted up when forbidden).
func examples(arts []article, voc map[string]int32, p params) []example {
	var out []example
	for _, a := range arts {
		for _, c := range a.cands {
			e := example{}
			for _, f := range c.Features {
				if i, ok := voc[f]; ok {
					e.feats = append(e.feats, i)
				}
			}
			for r, rel := range graph.Relations {
				e.label[r], e.weight[r] = labelOf(a, c, newTriple(c.SourceState, rel, c.TargetState), p)
			}
			out = append(out, e)
		}
	}
	return out
}

// labelOf returns the label and weight of candidate c for triple t (c's
// ends with one relation) in article a. Where the rules gave the pair an
// edge, their edge is the label (positive when the gold expects it), a
// sentence-level label; elsewhere an edge the gold expects and the rules
// missed in the whole article is a positive (distant supervision: some
// sentence naming both ends must tell it), one the rules found elsewhere
// says nothing of this sentence.
func labelOf(a article, c extract.Candidate, t triple, p params) (int8, float32) {
	switch {
	case p.scoredOnly && !c.Scored:
		return skip, 0 // a pair the rules read: the extractor never scores it
	case p.triggered && c.Scored && !slices.Contains(c.Triggers, t.rel):
		return skip, 0 // never scored for t.rel: no trigger of it in the sentence
	case a.optional[t]:
		return skip, 0
	case a.forbid[t]:
		return negative, float32(p.forbidW)
	case !c.Scored && slices.Contains(c.Ruled, t.rel):
		if a.expect[t] {
			return positive, float32(p.positiveW)
		}
		return negative, 1
	case a.expect[t] && (!c.Scored || a.rules[t]):
		return skip, 0
	case a.expect[t] && p.roled && !hasRole(c, t.rel):
		return skip, 0 // distant supervision: likely another sentence tells it
	case a.expect[t]:
		return positive, float32(p.positiveW)
	}
	return negative, 1
}

// hasRole reports whether a trigger of rel in c's sentence gives either
// end a clause role (a feature rl:REL:...).
func hasRole(c extract.Candidate, rel graph.Relation) bool {
	prefix := "rl:" + string(rel) + ":"
	for _, f := range c.Features {
		if strings.HasPrefix(f, prefix) {
			return true
		}
	}
	return false
}

// weights are a linear model per relation over the vocabulary.
type weights [][numRel]float64

// train fits one logistic regression per relation by stochastic gradient
// descent, in an order drawn from a generator seeded by p.seed: the same
// examples give the same weights.
func train(exs []example, nfeat int, p params) weights {
	w := make(weights, nfeat)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for pass := range p.epochs {
		rng := rand.New(rand.NewPCG(p.seed, uint64(pass)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := p.rate / float64(1+pass)
		for _, k := range order {
			w.update(&exs[k], rate, p.l2)
		}
	}
	return w
}

// update takes one gradient step on example e for every relation it is
// labelled for.
func (w weights) update(e *example, rate, l2 float64) {
	for r := range numRel {
		if e.label[r] == skip {
			continue
		}
		g := (sigmoid(w.sum(e, r)) - float64(e.label[r])) * float64(e.weight[r])
		for _, f := range e.feats {
			w[f][r] -= rate * (g + l2*w[f][r])
		}
	}
}

func (w weights) sum(e *example, r int) float64 {
	var z float64
	for _, f := range e.feats {
		z += w[f][r]
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// toModel returns the weights as an extract.Model, dropping those below
// p.prune in magnitude, with the thresholds given (per relation, 0: none).
func toModel(w weights, voc map[string]int32, thr [numRel]float64, trained string, p params) (*extract.Model, error) {
	m := extract.NewModel(trained)
	for f, i := range voc {
		for r, rel := range graph.Relations {
			if math.Abs(w[i][r]) >= p.prune {
				if err := m.SetWeight(f, rel, w[i][r]); err != nil {
					return nil, err
				}
			}
		}
	}
	for r, rel := range graph.Relations {
		if thr[r] > 0 {
			if err := m.SetThreshold(rel, thr[r]); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}
