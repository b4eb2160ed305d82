package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"geokg/graph"
)

// subset returns the articles for which keep is true, with their
// probabilities.
func subset(arts []article, pr probs, keep func(int) bool) ([]article, probs) {
	var a []article
	var p probs
	for i := range arts {
		if keep(i) {
			a, p = append(a, arts[i]), append(p, pr[i])
		}
	}
	return a, p
}

// foldReport writes, for each fold of the cross-validation, the edges the
// model adds per relation (true/false) and the micro scores of the rules
// alone and with the model, at thresholds thr.
func foldReport(w io.Writer, arts []article, pr probs, of []int, names []string, thr [numRel]float64) {
	fmt.Fprintf(w, "per held-out fold: added true/false per relation (%s); micro P/R/F1 rules -> rules+model\n", relAbbrevs())
	for f, name := range names {
		fa, fp := subset(arts, pr, func(i int) bool { return of[i] == f })
		var b strings.Builder
		for _, c := range addedCounts(fa, fp, thr) {
			fmt.Fprintf(&b, " %2d/%-2d", c.tp, c.fp)
		}
		r, m := micro(articleScores(fa, fp, thr, false)), micro(articleScores(fa, fp, thr, true))
		fmt.Fprintf(w, "%-11s %3d art %s   %.2f/%.2f/%.2f -> %.2f/%.2f/%.2f\n", name, len(fa), b.String(),
			r.precision(), r.recall(), r.f1(), m.precision(), m.recall(), m.f1())
	}
}

// relAbbrevs names the relations in order, shortened.
func relAbbrevs() string {
	var s []string
	for _, r := range graph.Relations {
		s = append(s, string(r)[:3])
	}
	return strings.Join(s, " ")
}

// micro sums the counts of every relation.
func micro(cs [numRel]counts) counts {
	var all counts
	for _, c := range cs {
		all = counts{all.tp + c.tp, all.fp + c.fp, all.fn + c.fn}
	}
	return all
}

// blindThresholds picks, for each fold, the thresholds on the other
// folds' out-of-fold probabilities only, and returns the pooled counts of
// the edges added at them and the pooled scores with them: the threshold
// choice itself not tuned on the batch it is scored on.
func blindThresholds(arts []article, pr probs, of []int, nfold int, want float64, minTP int) (added, scores [numRel]counts) {
	for f := range nfold {
		oa, op := subset(arts, pr, func(i int) bool { return of[i] != f })
		thr := thresholds(oa, op, want, minTP)
		fa, fp := subset(arts, pr, func(i int) bool { return of[i] == f })
		for r, c := range addedCounts(fa, fp, thr) {
			added[r] = counts{added[r].tp + c.tp, added[r].fp + c.fp, 0}
		}
		for r, c := range articleScores(fa, fp, thr, true) {
			scores[r] = counts{scores[r].tp + c.tp, scores[r].fp + c.fp, scores[r].fn + c.fn}
		}
	}
	return added, scores
}

// curveReport writes the pooled out-of-fold edges added per relation
// (true/false) at a grid of thresholds, every relation on: how far each
// is from the wanted precision.
func curveReport(w io.Writer, arts []article, pr probs) {
	fmt.Fprintf(w, "pooled cross-validation, added true/false at each threshold (%s)\n", relAbbrevs())
	for step := 20; step <= 95; step += 5 {
		var thr [numRel]float64
		for r := range thr {
			thr[r] = float64(step) / 100
		}
		var b strings.Builder
		for _, c := range addedCounts(arts, pr, thr) {
			fmt.Fprintf(&b, " %3d/%-3d", c.tp, c.fp)
		}
		fmt.Fprintf(w, "%.2f %s\n", float64(step)/100, b.String())
	}
}

// showAdded writes each edge the model adds out of fold at thresholds
// thr, marked true (the gold expects it), optional or false, with its
// probability and sentence: what the -show flag prints, to read the
// model's mistakes.
func showAdded(w io.Writer, arts []article, pr probs, thr [numRel]float64) {
	for i, a := range arts {
		shown := map[triple]bool{}
		for k, c := range a.cands {
			t, p, ok := addedBy(a, c, pr[i][k], thr)
			if !ok || shown[t] {
				continue
			}
			shown[t] = true
			mark := "FALSE"
			switch {
			case a.expect[t]:
				mark = "TRUE "
			case a.optional[t]:
				mark = "OPT  "
			}
			sent := strings.Join(strings.Fields(a.text[c.Sentence.Start:c.Sentence.End]), " ")
			fmt.Fprintf(w, "%s %.2f [%s] %s %s %s | %s\n", mark, p, a.id, t.src, t.rel, t.tgt, sent)
		}
	}
}

// reachReport writes, per relation, where the gold triples the rules
// miss stand for the model: some candidate the extractor scores in a
// sentence with a trigger of the relation (in reach), scored only
// without one, only in pairs the rules read with another relation, or
// in no candidate at all.
func reachReport(w io.Writer, arts []article) {
	var n [numRel][4]int
	for _, a := range arts {
		for t := range a.expect {
			if a.rules[t] {
				continue
			}
			n[relIndex(t.rel)][reachOf(a, t)]++
		}
	}
	fmt.Fprintf(w, "gold triples the rules miss: %-12s %8s %12s %12s %6s\n", "relation", "in reach", "no trigger", "ruled other", "none")
	for r, c := range n {
		fmt.Fprintf(w, "%-41s %8d %12d %12d %6d\n", graph.Relations[r], c[0], c[1], c[2], c[3])
	}
}

// reachOf classes a gold triple t the rules miss in a (reachReport).
func reachOf(a article, t triple) int {
	best := 3
	for _, c := range a.cands {
		if newTriple(c.SourceState, t.rel, c.TargetState) != t {
			continue
		}
		switch {
		case c.Scored && slices.Contains(c.Triggers, t.rel):
			return 0
		case c.Scored:
			best = min(best, 1)
		default:
			best = min(best, 2)
		}
	}
	return best
}
