// Command geokg-train trains the learned component of package extract
// (docs/extraction.md, "Learned component") from the repository's own
// annotated articles and writes its model, which extract embeds:
//
//	go run ./cmd/geokg-train -trained "$(git rev-parse --short HEAD) $(date -u +%F)"
//
// It reads the candidates extract.Extractor.Candidates gives for each
// training article (pairs of actors of a sentence between which the rules
// found no edge), labels them by the article's gold (distant
// supervision), picks each relation's threshold by cross-validation over
// the training articles so that the edges it adds keep the wanted
// precision, reports those figures and the validation batch's (rules
// alone, rules and model), and writes the model trained on every training
// article. Nothing is downloaded and nothing is random: the same data and
// flags give the same file, byte for byte.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"geokg/extract"
)

// config is the command line.
type config struct {
	train, validate string  // comma-separated glob patterns of gold files
	out             string  // the model file written
	trained         string  // the model's "trained" line
	cv              string  // "batch" or a number of folds
	precision       float64 // wanted precision of the added edges
	minTP           int     // fewest added true edges a relation needs in cross-validation
	foldModels      string  // write each fold's model, at the pooled thresholds, into this folder ("": none)
	show            float64 // print the out-of-fold added edges from this probability (0: none)
	p               params
}

func main() {
	var c config
	fs := flag.NewFlagSet("geokg-train", flag.ContinueOnError)
	fs.StringVar(&c.train, "train", "extract/testdata/articles/*.json,extract/testdata/heldout/*.json", "gold files to train on (comma-separated globs)")
	fs.StringVar(&c.validate, "validate", "", "gold files to report on, not trained on (comma-separated globs; empty: none)")
	fs.StringVar(&c.out, "o", "extract/data/model.txt", "model file to write (- for stdout)")
	fs.StringVar(&c.trained, "trained", "unspecified", "what the model was trained from, for its header (commit and date)")
	fs.StringVar(&c.cv, "cv", "batch", "cross-validation: batch (leave one batch out) or a number of folds (by article)")
	fs.Float64Var(&c.precision, "precision", 0.9, "precision the added edges must keep in cross-validation")
	fs.IntVar(&c.minTP, "min-tp", 3, "fewest true added edges a relation needs in cross-validation to be on")
	fs.StringVar(&c.foldModels, "fold-models", "", "write each fold's model (trained without the batch, at the pooled thresholds) as DIR/BATCH.txt, to score the batch with the CLI")
	fs.Float64Var(&c.show, "show", 0, "print each edge added out of fold from this probability, with its sentence (0: none)")
	fs.IntVar(&c.p.epochs, "epochs", 8, "passes over the examples")
	fs.Float64Var(&c.p.rate, "rate", 0.1, "learning rate of the first pass")
	fs.Float64Var(&c.p.l2, "l2", 1e-4, "L2 penalty")
	fs.Float64Var(&c.p.forbidW, "forbid-weight", 3, "weight of a negative the gold forbids")
	fs.Float64Var(&c.p.positiveW, "positive-weight", 1, "weight of a positive")
	fs.IntVar(&c.p.minArticles, "min-articles", 3, "a feature must occur in this many training articles")
	fs.Float64Var(&c.p.prune, "prune", 0.2, "drop weights smaller than this in magnitude")
	fs.BoolVar(&c.p.scoredOnly, "scored-only", false, "teach only on the candidates the extractor scores (pairs the rules left alone)")
	fs.BoolVar(&c.p.roled, "roled", false, "a distant positive only where a trigger of the relation gives an end a clause role (else neither positive nor negative)")
	fs.BoolVar(&c.p.triggered, "triggered", false, "teach a relation only on the candidates the extractor scores for it (a trigger of it in the sentence)")
	fs.Uint64Var(&c.p.seed, "seed", 1, "seed of the order of the examples")
	if err := fs.Parse(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(2)
	}
	if err := run(c, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "geokg-train:", err)
		os.Exit(1)
	}
}

// run trains, reports to stderr and writes the model.
func run(c config, stdout, stderr io.Writer) error {
	x := extract.New(extract.Options{Learned: extract.LearnedOff})
	dict := extract.Builtin()
	arts, err := loadArticles(x, dict, split(c.train))
	if err != nil {
		return err
	}
	if len(arts) < 2 {
		return fmt.Errorf("%d training articles: want at least 2", len(arts))
	}
	thr, err := crossReport(arts, c, stderr)
	if err != nil {
		return err
	}
	m, err := fit(arts, thr, c.trained, c.p)
	if err != nil {
		return err
	}
	if err := validate(x, dict, m, thr, split(c.validate), stderr); err != nil {
		return err
	}
	return writeModel(m, c.out, stdout)
}

// crossReport cross-validates, picks the thresholds on the pooled
// out-of-fold probabilities, reports per fold and pooled, and returns
// the thresholds.
func crossReport(arts []article, c config, w io.Writer) ([numRel]float64, error) {
	of, names, err := folds(arts, c.cv)
	if err != nil {
		return [numRel]float64{}, err
	}
	if len(names) < 2 {
		return [numRel]float64{}, fmt.Errorf("-cv %s: %d fold, want at least 2", c.cv, len(names))
	}
	cv, err := crossValidate(arts, of, len(names), c.p)
	if err != nil {
		return [numRel]float64{}, err
	}
	thr := thresholds(arts, cv, c.precision, c.minTP)
	fmt.Fprintf(w, "%d training articles, %d candidates, %d folds (-cv %s); thresholds %v\n", len(arts), countCands(arts), len(names), c.cv, thr)
	reachReport(w, arts)
	curveReport(w, arts, cv)
	if c.show > 0 {
		showAdded(w, arts, cv, [numRel]float64{c.show, c.show, c.show, c.show, c.show})
	}
	foldReport(w, arts, cv, of, names, thr)
	report(w, "pooled cross-validation: edges added to the rules'", addedCounts(arts, cv, thr))
	scoreReport(w, "pooled cross-validation, state level, approximate", articleScores(arts, cv, thr, false), articleScores(arts, cv, thr, true))
	added, scores := blindThresholds(arts, cv, of, len(names), c.precision, c.minTP)
	report(w, "pooled, each fold's thresholds picked on the other folds: edges added", added)
	scoreReport(w, "pooled, each fold's thresholds picked on the other folds", articleScores(arts, cv, thr, false), scores)
	if c.foldModels != "" {
		return thr, writeFoldModels(arts, of, names, thr, c)
	}
	return thr, nil
}

// writeFoldModels writes, for each fold, the model trained on the other
// folds at thresholds thr, as DIR/BATCH.txt ("/" of the batch name made
// "-"): with go build -overlay, a binary that scores the batch unseen.
func writeFoldModels(arts []article, of []int, names []string, thr [numRel]float64, c config) error {
	if err := os.MkdirAll(c.foldModels, 0o755); err != nil {
		return fmt.Errorf("fold models: %w", err)
	}
	for f, name := range names {
		in, _ := splitFold(arts, of, f)
		m, err := fit(in, thr, c.trained+" without "+name, c.p)
		if err != nil {
			return err
		}
		path := filepath.Join(c.foldModels, strings.ReplaceAll(name, "/", "-")+".txt")
		if err := writeModel(m, path, nil); err != nil {
			return err
		}
	}
	return nil
}

// validate reports the model on the validation articles, if any.
func validate(x *extract.Extractor, dict *extract.Dictionary, m *extract.Model, thr [numRel]float64, patterns []string, w io.Writer) error {
	if len(patterns) == 0 {
		return nil
	}
	arts, err := loadArticles(x, dict, patterns)
	if err != nil || len(arts) == 0 {
		return err
	}
	pr := predict(m, arts)
	report(w, fmt.Sprintf("validation (%d articles): edges added to the rules'", len(arts)), addedCounts(arts, pr, thr))
	scoreReport(w, "validation, state level, approximate (score.py gives the figures to quote)",
		articleScores(arts, pr, thr, false), articleScores(arts, pr, thr, true))
	return nil
}

func countCands(arts []article) int {
	n := 0
	for _, a := range arts {
		n += len(a.cands)
	}
	return n
}

// split splits comma-separated patterns, dropping empty ones.
func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// writeModel writes m to path, or to stdout for "-".
func writeModel(m *extract.Model, path string, stdout io.Writer) error {
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return err
	}
	if path == "-" {
		_, err := stdout.Write(b.Bytes())
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
