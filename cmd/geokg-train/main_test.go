package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"geokg/extract"
)

// smallConfig trains on the first annotated articles (01-09) and
// validates on the next ones (10-14), with three folds: a run of a second.
func smallConfig(out string) config {
	c := config{train: "../../extract/testdata/articles/0*.json", validate: "../../extract/testdata/articles/1[0-4]_*.json",
		out: out, trained: "test", cv: "3", precision: 0.85, minTP: 3,
		p: params{epochs: 4, rate: 0.1, l2: 1e-4, forbidW: 3, positiveW: 1, minArticles: 2, prune: 0.01, seed: 1}}
	return c
}

// TestTrainDeterministic trains twice on the same articles and wants the
// same model file, byte for byte, one that extract loads.
func TestTrainDeterministic(t *testing.T) {
	dir := t.TempDir()
	var files [2][]byte
	var report bytes.Buffer
	for i := range files {
		out := filepath.Join(dir, []string{"a.txt", "b.txt"}[i])
		report.Reset()
		if err := run(smallConfig(out), io.Discard, &report); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = data
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings on the same data wrote different model files")
	}
	m, err := extract.LoadModel(bytes.NewReader(files[0]), "a.txt")
	if err != nil {
		t.Fatalf("the trained model does not load: %v", err)
	}
	if m.Len() == 0 || m.Trained != "test" {
		t.Errorf("trained model: %d features, trained %q", m.Len(), m.Trained)
	}
	for _, want := range []string{"9 training articles", "3 folds (-cv 3)", "validation (5 articles)", "micro"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, report.String())
		}
	}
}

// TestTrainSeed checks that the order of the examples matters to the
// weights, so that the determinism test above can fail: another seed
// gives another file.
func TestTrainSeed(t *testing.T) {
	dir := t.TempDir()
	a, b := smallConfig(filepath.Join(dir, "a.txt")), smallConfig(filepath.Join(dir, "b.txt"))
	b.p.seed = 2
	for _, c := range []config{a, b} {
		if err := run(c, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	da, _ := os.ReadFile(a.out)
	db, _ := os.ReadFile(b.out)
	if bytes.Equal(da, db) {
		t.Error("seeds 1 and 2 wrote the same model")
	}
}

// TestTrainErrors: too few articles for the folds, a gold file that does
// not parse.
func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	c := smallConfig(filepath.Join(dir, "m.txt"))
	c.train = filepath.Join(dir, "none*.json")
	if err := run(c, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "0 training articles") {
		t.Errorf("no articles: error %v", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.train = bad
	if err := run(c, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("bad gold file: error %v, want one naming it", err)
	}
}

// TestBatchOf: a gold file's batch is its folder and the hundreds of its
// number.
func TestBatchOf(t *testing.T) {
	for path, want := range map[string]string{
		"extract/testdata/heldout/712_x.json":  "heldout/7",
		"extract/testdata/heldout/1003_y.json": "heldout/10",
		"extract/testdata/articles/05_z.json":  "articles/0",
		"extract/testdata/articles/301_w.json": "articles/3",
		"elsewhere/nonumber.json":              "elsewhere/0",
	} {
		if got := batchOf(path); got != want {
			t.Errorf("batchOf(%s) = %s, want %s", path, got, want)
		}
	}
}

// TestLeaveOneBatchOut cross-validates by batch over two batches and wants
// a line per held-out batch in the report, with its number of articles,
// and a model per fold (-fold-models) that extract loads, the same bytes
// on a second run.
func TestLeaveOneBatchOut(t *testing.T) {
	dir := t.TempDir()
	c := smallConfig(filepath.Join(dir, "m.txt"))
	c.train = "../../extract/testdata/articles/0[1-6]_*.json,../../extract/testdata/heldout/20[1-4]_*.json"
	c.validate, c.cv = "", "batch"
	var first [2][]byte
	for run1 := range 2 {
		c.foldModels = filepath.Join(dir, fmt.Sprintf("folds%d", run1))
		var report bytes.Buffer
		if err := run(c, io.Discard, &report); err != nil {
			t.Fatal(err)
		}
		for _, re := range []string{`2 folds \(-cv batch\)`, `\narticles/0 +6 art`, `\nheldout/2 +4 art`, `pooled cross-validation`} {
			if !regexp.MustCompile(re).MatchString(report.String()) {
				t.Errorf("report lacks %s:\n%s", re, report.String())
			}
		}
		for i, name := range []string{"articles-0.txt", "heldout-2.txt"} {
			data, err := os.ReadFile(filepath.Join(c.foldModels, name))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := extract.LoadModel(bytes.NewReader(data), name); err != nil {
				t.Errorf("fold model %s: %v", name, err)
			}
			if run1 == 1 && !bytes.Equal(data, first[i]) {
				t.Errorf("fold model %s differs between two runs", name)
			}
			first[i] = data
		}
	}
	c.cv, c.foldModels = "1", ""
	if err := run(c, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "-cv") {
		t.Errorf("-cv 1: error %v, want one naming -cv", err)
	}
}
