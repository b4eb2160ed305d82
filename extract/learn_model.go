package extract

import (
	"bufio"
	_ "embed" // the embedded model
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"geokg/graph"
)

// modelTXT is the learned component's model, written by cmd/geokg-train.
//
//go:embed data/model.txt
var modelTXT string

// modelVersion is the version of the model file's format.
const modelVersion = 1

// Model is the learned component's linear model: a weight per feature and
// relation, and per relation the probability from which a candidate
// becomes an edge, in a sentence that holds a trigger of that relation. The file (data/model.txt, LoadModel) reads:
//
//	# comment
//	version 1
//	trained TEXT                   what it was trained from (commit, data)
//	threshold RELATION P           0 < P <= 1; a relation without one gives no edge
//	FEATURE<TAB>RELATION<TAB>WEIGHT
type Model struct {
	// Trained is the text of the "trained" line.
	Trained   string
	weights   map[string][numRelations]float32
	threshold [numRelations]float64
	// active has bit r set when graph.Relations[r] has a threshold
	active uint8
}

// NewModel returns an empty model, which gives no edge.
func NewModel(trained string) *Model {
	m := &Model{Trained: trained, weights: map[string][numRelations]float32{}}
	for r := range m.threshold {
		m.threshold[r] = noThreshold
	}
	return m
}

// noThreshold is a relation's threshold when the file gives none: above
// every probability.
const noThreshold = 2

// relIndex returns the index of rel in graph.Relations.
func relIndex(rel graph.Relation) (int, bool) {
	i := slices.Index(graph.Relations, rel)
	return i, i >= 0
}

// SetWeight sets the weight of feature for rel; the weight is kept as a
// float32, as the file keeps it.
func (m *Model) SetWeight(feature string, rel graph.Relation, w float64) error {
	r, ok := relIndex(rel)
	if !ok {
		return fmt.Errorf("unknown relation %q", rel)
	}
	if feature == "" || strings.ContainsAny(feature, "\t\n") {
		return fmt.Errorf("feature %q: empty or holding a tab or line break", feature)
	}
	row := m.weights[feature]
	row[r] = float32(w)
	m.weights[feature] = row
	return nil
}

// SetThreshold sets the probability from which a candidate of rel
// becomes an edge (0 < p <= 1).
func (m *Model) SetThreshold(rel graph.Relation, p float64) error {
	r, ok := relIndex(rel)
	if !ok {
		return fmt.Errorf("unknown relation %q", rel)
	}
	if !(p > 0 && p <= 1) {
		return fmt.Errorf("threshold %v: want 0 < P <= 1", p)
	}
	m.threshold[r] = p
	m.active |= 1 << r
	return nil
}

// Probabilities returns, for each relation of graph.Relations, the
// model's probability that a candidate with these features is an edge of
// it.
func (m *Model) Probabilities(features []string) [numRelations]float64 {
	var s scorer
	s.reset(m)
	for _, f := range features {
		s.feature([]byte(f), -1)
	}
	var p [numRelations]float64
	for r, z := range s.sum {
		p[r] = sigmoid(z)
	}
	return p
}

// Len returns the number of features with a weight.
func (m *Model) Len() int { return len(m.weights) }

// WriteTo writes the model in the file's form, features sorted, so that
// the same model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "# geokg learned model: written by cmd/geokg-train, read by extract (docs/extraction.md)\nversion %d\ntrained %s\n", modelVersion, m.Trained)
	for r, rel := range graph.Relations {
		if m.threshold[r] <= 1 {
			fmt.Fprintf(&b, "threshold %s %s\n", rel, strconv.FormatFloat(m.threshold[r], 'g', -1, 64))
		}
	}
	fs := make([]string, 0, len(m.weights))
	for f := range m.weights {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	for _, f := range fs {
		for r, wt := range m.weights[f] {
			if wt != 0 {
				fmt.Fprintf(&b, "%s\t%s\t%s\n", f, graph.Relations[r], strconv.FormatFloat(float64(wt), 'g', -1, 32))
			}
		}
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// LoadModel reads a model file; an error names the file and line.
func LoadModel(r io.Reader, name string) (*Model, error) {
	m := NewModel("")
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	versioned := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := m.readLine(line, versioned); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		versioned = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !versioned {
		return nil, fmt.Errorf("%s: no \"version %d\" line", name, modelVersion)
	}
	return m, nil
}

// readLine reads one line of a model file; versioned says whether the
// version line was read.
func (m *Model) readLine(line string, versioned bool) error {
	if !versioned {
		if line != "version "+strconv.Itoa(modelVersion) {
			return fmt.Errorf("want \"version %d\" first, got %q", modelVersion, line)
		}
		return nil
	}
	if f := strings.Split(line, "\t"); len(f) > 1 {
		return m.readWeight(f)
	}
	key, rest, _ := strings.Cut(line, " ")
	switch key {
	case "trained":
		m.Trained = rest
		return nil
	case "threshold":
		rel, p, _ := strings.Cut(rest, " ")
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return fmt.Errorf("threshold %q: not a number", p)
		}
		return m.SetThreshold(graph.Relation(rel), v)
	}
	return fmt.Errorf("unknown line %q: want trained, threshold or FEATURE<TAB>RELATION<TAB>WEIGHT", line)
}

// readWeight reads the fields of a FEATURE<TAB>RELATION<TAB>WEIGHT line.
func (m *Model) readWeight(f []string) error {
	if len(f) != 3 {
		return fmt.Errorf("%d tab-separated fields, want 3 (FEATURE, RELATION, WEIGHT)", len(f))
	}
	w, err := strconv.ParseFloat(f[2], 32)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
		return fmt.Errorf("weight %q: not a number", f[2])
	}
	return m.SetWeight(f[0], graph.Relation(f[1]), w)
}

// builtinModel is the embedded model, or its error.
var builtinModel = sync.OnceValues(func() (*Model, error) {
	return LoadModel(strings.NewReader(modelTXT), "data/model.txt")
})

// BuiltinModel returns the embedded model; an error says the embedded
// file is malformed, which the package's tests rule out.
func BuiltinModel() (*Model, error) {
	builds.model.Add(1)
	return builtinModel()
}
