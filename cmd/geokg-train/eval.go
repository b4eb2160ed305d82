package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"geokg/extract"
	"geokg/graph"
)

// probs holds, per article and candidate, the probability of each
// relation.
type probs [][][numRel]float64

// predict returns the model's probabilities for every candidate of arts.
func predict(m *extract.Model, arts []article) probs {
	out := make(probs, len(arts))
	for i, a := range arts {
		out[i] = make([][numRel]float64, len(a.cands))
		for k, c := range a.cands {
			out[i][k] = m.Probabilities(c.Features)
		}
	}
	return out
}

// folds assigns each article to a fold of cross-validation, by batch
// (cv "batch": each batch of batchOf is a fold, in sorted order) or by
// number (cv "N": article i in fold i mod N), and names the folds.
func folds(arts []article, cv string) ([]int, []string, error) {
	of := make([]int, len(arts))
	if cv == "batch" {
		var names []string
		for _, a := range arts {
			names = append(names, a.batch)
		}
		slices.SortFunc(names, batchOrder)
		names = slices.Compact(names)
		for i, a := range arts {
			of[i] = slices.Index(names, a.batch)
		}
		return of, names, nil
	}
	k, err := strconv.Atoi(cv)
	if err != nil || k < 2 || k > len(arts) {
		return nil, nil, fmt.Errorf("-cv %q: want batch or a number of folds from 2 to the %d articles", cv, len(arts))
	}
	names := make([]string, k)
	for f := range names {
		names[f] = fmt.Sprintf("fold %d", f)
	}
	for i := range arts {
		of[i] = i % k
	}
	return of, names, nil
}

// batchOrder orders batch names by folder, then by number ("heldout/2"
// before "heldout/10").
func batchOrder(a, b string) int {
	da, na, _ := strings.Cut(a, "/")
	db, nb, _ := strings.Cut(b, "/")
	if c := strings.Compare(da, db); c != 0 {
		return c
	}
	if c := len(na) - len(nb); c != 0 {
		return c
	}
	return strings.Compare(na, nb)
}

// crossValidate trains on all folds but one and predicts the one left
// out, for each fold (of[i] is article i's), and returns the out-of-fold
// probabilities.
func crossValidate(arts []article, of []int, nfold int, p params) (probs, error) {
	out := make(probs, len(arts))
	for fold := range nfold {
		in, heldAt := splitFold(arts, of, fold)
		if len(heldAt) == 0 {
			continue
		}
		m, err := fit(in, [numRel]float64{}, "cross-validation", p)
		if err != nil {
			return nil, err
		}
		for _, i := range heldAt {
			out[i] = predict(m, arts[i:i+1])[0]
		}
	}
	return out, nil
}

// splitFold returns the articles outside fold and the indexes of those
// in it.
func splitFold(arts []article, of []int, fold int) ([]article, []int) {
	var in []article
	var heldAt []int
	for i, a := range arts {
		if of[i] == fold {
			heldAt = append(heldAt, i)
		} else {
			in = append(in, a)
		}
	}
	return in, heldAt
}

// fit trains a model on arts with the thresholds given.
func fit(arts []article, thr [numRel]float64, trained string, p params) (*extract.Model, error) {
	voc := vocabulary(arts, p.minArticles)
	w := train(examples(arts, voc, p), len(voc), p)
	return toModel(w, voc, thr, trained, p)
}

// added returns the triples the model adds to article a at thresholds
// thr (addedBy).
func added(a article, pr [][numRel]float64, thr [numRel]float64) map[triple]bool {
	out := map[triple]bool{}
	for k, c := range a.cands {
		if t, _, ok := addedBy(a, c, pr[k], thr); ok {
			out[t] = true
		}
	}
	return out
}

// addedBy returns the triple candidate c of article a adds, with its
// probability: its most probable relation when it reaches its threshold
// and a trigger of it is in the sentence, unless the rules read the pair
// or give that triple already (the extractor's rule, learn.go).
func addedBy(a article, c extract.Candidate, pr [numRel]float64, thr [numRel]float64) (triple, float64, bool) {
	if !c.Scored {
		return triple{}, 0, false
	}
	r := 0
	for j := range numRel {
		if pr[j] > pr[r] {
			r = j
		}
	}
	if thr[r] == 0 || pr[r] < thr[r] || !slices.Contains(c.Triggers, graph.Relations[r]) {
		return triple{}, 0, false
	}
	t := newTriple(c.SourceState, graph.Relations[r], c.TargetState)
	return t, pr[r], !a.rules[t]
}

// counts are true and false positives and misses.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// addedCounts counts, per relation, the added triples the gold expects
// (tp) and those it neither expects nor allows (fp).
func addedCounts(arts []article, pr probs, thr [numRel]float64) [numRel]counts {
	var out [numRel]counts
	for i, a := range arts {
		for t := range added(a, pr[i], thr) {
			r := relIndex(t.rel)
			switch {
			case a.expect[t]:
				out[r].tp++
			case !a.optional[t]:
				out[r].fp++
			}
		}
	}
	return out
}

func relIndex(rel graph.Relation) int {
	for i, r := range graph.Relations {
		if r == rel {
			return i
		}
	}
	return -1
}

// thresholds picks, per relation, the threshold of the grid at which the
// out-of-fold added edges keep precision >= want with the most true
// positives (at least minTP; the higher threshold on a tie); a relation
// that reaches none gets 0, no edge.
func thresholds(arts []article, pr probs, want float64, minTP int) [numRel]float64 {
	var best [numRel]float64
	var bestTP [numRel]int
	for step := 99; step >= 30; step-- { // 0.99 down to 0.30
		t := float64(step) / 100
		var thr [numRel]float64
		for r := range thr {
			thr[r] = t
		}
		for r, c := range addedCounts(arts, pr, thr) {
			if c.tp >= minTP && c.tp > bestTP[r] && c.precision() >= want {
				best[r], bestTP[r] = t, c.tp
			}
		}
	}
	return best
}

// report writes the added edges' counts per relation.
func report(w io.Writer, title string, cs [numRel]counts) {
	fmt.Fprintf(w, "%s\n%-12s %4s %4s %9s\n", title, "relation", "tp", "fp", "precision")
	var all counts
	for r, c := range cs {
		fmt.Fprintf(w, "%-12s %4d %4d %9.2f\n", graph.Relations[r], c.tp, c.fp, c.precision())
		all.tp, all.fp = all.tp+c.tp, all.fp+c.fp
	}
	fmt.Fprintf(w, "%-12s %4d %4d %9.2f\n", "all", all.tp, all.fp, all.precision())
}

// articleScores counts, per relation, the article-level triples of the
// rules, with the added ones when withModel, against the gold: an
// approximation of score.py --states (a gold name the dictionary gives
// several actors counts once per actor).
func articleScores(arts []article, pr probs, thr [numRel]float64, withModel bool) [numRel]counts {
	var out [numRel]counts
	for i, a := range arts {
		pred := map[triple]bool{}
		for t := range a.rules {
			pred[t] = true
		}
		if withModel {
			for t := range added(a, pr[i], thr) {
				pred[t] = true
			}
		}
		for t := range a.expect {
			if pred[t] {
				out[relIndex(t.rel)].tp++
			} else {
				out[relIndex(t.rel)].fn++
			}
		}
		for t := range pred {
			if !a.expect[t] && !a.optional[t] {
				out[relIndex(t.rel)].fp++
			}
		}
	}
	return out
}

// scoreReport writes the rules' scores beside the rules and the model's.
func scoreReport(w io.Writer, title string, rules, both [numRel]counts) {
	fmt.Fprintf(w, "%s (P/R/F1)\n%-12s %-16s %-16s\n", title, "relation", "rules", "rules+model")
	var ra, ba counts
	row := func(name string, a, b counts) {
		fmt.Fprintf(w, "%-12s %.2f/%.2f/%.2f   %.2f/%.2f/%.2f\n", name, a.precision(), a.recall(), a.f1(), b.precision(), b.recall(), b.f1())
	}
	for r := range rules {
		row(string(graph.Relations[r]), rules[r], both[r])
		ra = counts{ra.tp + rules[r].tp, ra.fp + rules[r].fp, ra.fn + rules[r].fn}
		ba = counts{ba.tp + both[r].tp, ba.fp + both[r].fp, ba.fn + both[r].fn}
	}
	row("micro", ra, ba)
	fmt.Fprintf(w, "%-12s %.3f/%.3f/%.3f (%d/%d/%d) -> %.3f/%.3f/%.3f (%d/%d/%d) tp/fp/fn\n", "micro", ra.precision(), ra.recall(), ra.f1(), ra.tp, ra.fp, ra.fn,
		ba.precision(), ba.recall(), ba.f1(), ba.tp, ba.fp, ba.fn)
}
