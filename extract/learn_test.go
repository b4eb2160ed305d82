package extract_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"geokg/extract"
	"geokg/graph"
)

// learnPassage is a passage written for these tests: the rules read the
// accusation; the denial ("dismissed Islamabad's claims", said by a
// spokesman the dictionary does not know, after "In Kabul,") they miss,
// and the shipped weights find it at threshold 0.9 (shippedAt).
const learnPassage = "Pakistan accused Afghanistan of sheltering militants. " +
	"In Kabul, a spokesman, Ahmad Karimi, dismissed Islamabad's claims as baseless."

// learnDate is the passage's date.
var learnDate = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)

const candidatesGolden = "testdata/learn/candidates.txt"

// TestCandidatesGolden pins the candidates of the learned component and
// their features on a short passage (testdata/learn/candidates.txt;
// -update-golden rewrites it for review): which pairs are candidates,
// their state-level ends, the rules' relations and every feature.
func TestCandidatesGolden(t *testing.T) {
	x := extract.New(extract.Options{})
	var b strings.Builder
	for _, c := range x.Candidates(graph.Article{ID: "learn", Date: learnDate}, learnPassage) {
		fmt.Fprintf(&b, "%s -> %s (%s -> %s) sentence %d-%d ruled %v scored %v triggers %v\n", c.Source, c.Target,
			c.SourceState, c.TargetState, c.Sentence.Start, c.Sentence.End, c.Ruled, c.Scored, c.Triggers)
		for _, f := range c.Features {
			fmt.Fprintf(&b, "\t%s\n", f)
		}
	}
	got := b.String()
	if *updateGolden {
		if err := os.WriteFile(candidatesGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(candidatesGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("candidates differ from %s (-update-golden rewrites it):\n%s", candidatesGolden, got)
	}
}

// TestLearnedAddsEdge checks the shipped weights at threshold 0.9 on the passage: with the
// learned component on, Kabul's denial of Islamabad's claims comes out,
// marked as learned, beside the rules' accusation; off, only the rules'
// edge; and no edge the passage forbids (Pakistan denying, Afghanistan
// accusing) comes out either way.
func TestLearnedAddsEdge(t *testing.T) {
	art := graph.Article{ID: "learn", Date: learnDate}
	on := extract.New(extract.Options{Learned: extract.LearnedOn, Model: shippedAt(t, learnThreshold)}).Extract(art, learnPassage)
	off := extract.New(extract.Options{Learned: extract.LearnedOff}).Extract(art, learnPassage)
	want := "AFG denies PAK"
	if got := edgeSet(off); got[want] || !got["PAK accuses AFG"] {
		t.Fatalf("rules alone: %v, want PAK accuses AFG and not %s (the test passage must be one the rules miss)", got, want)
	}
	got := edgeSet(on)
	if !got[want] || !got["PAK accuses AFG"] {
		t.Errorf("learned on: %v, want %s and PAK accuses AFG", got, want)
	}
	for _, bad := range []string{"PAK denies AFG", "AFG accuses PAK"} {
		if got[bad] {
			t.Errorf("learned on: forbidden edge %s", bad)
		}
	}
	for _, m := range on.Mentions {
		learned := strings.HasPrefix(m.Trigger, extract.LearnedPrefix)
		if (m.Relation == graph.Denies) != learned {
			t.Errorf("%s %s %s: trigger %q, want the learned prefix on the denial only", m.Source, m.Relation, m.Target, m.Trigger)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("learned mention: %v", err)
		}
	}
}

// learnThreshold is the threshold of every relation in the tests of the
// component's scoring path (shippedAt).
const learnThreshold = 0.9

// shippedAt returns the shipped model's weights with every relation's
// threshold at p. The shipped file sets none (no relation reaches
// precision 0.9 in leave-one-batch-out cross-validation: with it, the
// component adds nothing), so the tests of the scoring path set their own.
func shippedAt(tb testing.TB, p float64) *extract.Model {
	tb.Helper()
	data, err := os.ReadFile("data/model.txt")
	if err != nil {
		tb.Fatal(err)
	}
	m, err := extract.LoadModel(bytes.NewReader(data), "data/model.txt")
	if err != nil {
		tb.Fatal(err)
	}
	for _, rel := range graph.Relations {
		if err := m.SetThreshold(rel, p); err != nil {
			tb.Fatal(err)
		}
	}
	return m
}

// TestShippedModelAddsNothing: the shipped model sets no threshold, so
// with it on the component adds no edge (docs/extraction.md).
func TestShippedModelAddsNothing(t *testing.T) {
	art := graph.Article{ID: "learn", Date: learnDate}
	for _, a := range mustLoadArticles(t)[:12] {
		on := extract.New(extract.Options{Learned: extract.LearnedOn}).Extract(art, a.text)
		off := extract.New(extract.Options{Learned: extract.LearnedOff}).Extract(art, a.text)
		if !reflect.DeepEqual(on, off) {
			t.Errorf("%s: the shipped model changes the result", a.ID)
		}
	}
}

// edgeSet returns the result's edges as "SOURCE RELATION TARGET", with
// each end at state level (an official's state).
func edgeSet(res extract.Result) map[string]bool {
	out := map[string]bool{}
	for _, m := range res.AtStateLevel() {
		out[fmt.Sprintf("%s %s %s", m.Source, m.Relation, m.Target)] = true
	}
	return out
}

// TestLearnedOwnModel runs the component with a model written here, so
// the hook is tested apart from the shipped weights: a pair the rules
// leave alone ("Chile and Peru", in a sentence with a trigger of the
// relation, "alliance") becomes an edge when its features weigh enough,
// not below the threshold, not in a sentence without a trigger of the
// relation, and never where the rules read the pair (the second
// sentence's).
func TestLearnedOwnModel(t *testing.T) {
	const text = "Chile and Peru met in Lima on Monday to discuss an alliance. Chile accused Peru of spying."
	const noTrigger = "Chile and Peru met in Lima on Monday. Chile accused Peru of spying."
	model := func(w string) *extract.Model {
		src := "version 1\ntrained by hand\nthreshold allies-with 0.9\ncogroup\tallies-with\t" + w + "\n"
		m, err := extract.LoadModel(strings.NewReader(src), "hand.txt")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	art := graph.Article{ID: "own", Date: learnDate}
	run := func(w, text string) map[string]bool {
		return edgeSet(extract.New(extract.Options{Learned: extract.LearnedOn, Model: model(w)}).Extract(art, text))
	}
	if got := run("5", text); !got["CHL allies-with PER"] && !got["PER allies-with CHL"] || !got["CHL accuses PER"] || len(got) != 2 {
		t.Errorf("weight 5: %v, want the learned alliance and the rules' accusation", got)
	}
	if got := run("1", text); len(got) != 1 || !got["CHL accuses PER"] {
		t.Errorf("weight 1 (p 0.73, under the threshold 0.9): %v, want the rules' accusation only", got)
	}
	if got := run("5", noTrigger); len(got) != 1 || !got["CHL accuses PER"] {
		t.Errorf("weight 5, no alliance word: %v, want the rules' accusation only", got)
	}
}

// TestBuiltinModel checks that the embedded model loads, has weights and
// thresholds in range, and writes back to the same bytes.
func TestBuiltinModel(t *testing.T) {
	m, err := extract.BuiltinModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() == 0 || m.Trained == "" {
		t.Fatalf("built-in model: %d features, trained %q", m.Len(), m.Trained)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("data/model.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), data) {
		t.Errorf("data/model.txt does not write back to the same bytes: retrain it with go run ./cmd/geokg-train")
	}
}

// TestLoadModelErrors feeds damaged model files: each fails with its file
// and line.
func TestLoadModelErrors(t *testing.T) {
	const head = "version 1\ntrained test\n"
	for _, c := range []struct{ name, text, want string }{
		{"empty", "", `m.txt: no "version 1" line`},
		{"no version", "trained x\n", `m.txt:1: want "version 1" first`},
		{"future version", "# c\nversion 2\n", `m.txt:2: want "version 1" first`},
		{"two fields", head + "w:x\taccuses\n", "m.txt:3: 2 tab-separated fields"},
		{"four fields", head + "w:x\taccuses\t1\t2\n", "m.txt:3: 4 tab-separated fields"},
		{"bad weight", head + "w:x\taccuses\tmany\n", `m.txt:3: weight "many": not a number`},
		{"infinite weight", head + "w:x\taccuses\tInf\n", `m.txt:3: weight "Inf": not a number`},
		{"bad relation", head + "w:x\tlikes\t1\n", `m.txt:3: unknown relation "likes"`},
		{"empty feature", head + "\taccuses\t1\n", `m.txt:3: feature ""`},
		{"bad threshold", head + "threshold accuses 1.5\n", "m.txt:3: threshold 1.5: want 0 < P <= 1"},
		{"threshold word", head + "threshold accuses high\n", `m.txt:3: threshold "high": not a number`},
		{"threshold relation", head + "threshold likes 0.5\n", `m.txt:3: unknown relation "likes"`},
		{"unknown line", head + "bias 3\n", `m.txt:3: unknown line "bias 3"`},
	} {
		_, err := extract.LoadModel(strings.NewReader(c.text), "m.txt")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// TestLoadModelGood reads a small model and checks what it computes.
func TestLoadModelGood(t *testing.T) {
	src := "# a comment\nversion 1\ntrained by hand\nthreshold denies 0.8\n\nbias\tdenies\t-1\nw:rejected\tdenies\t3\nw:rejected\taccuses\t-2\n"
	m, err := extract.LoadModel(strings.NewReader(src), "m.txt")
	if err != nil {
		t.Fatal(err)
	}
	if m.Trained != "by hand" || m.Len() != 2 {
		t.Errorf("trained %q, %d features; want \"by hand\", 2", m.Trained, m.Len())
	}
	p := m.Probabilities([]string{"bias", "w:rejected", "w:unknown"})
	want := 1 / (1 + 0.1353352832366127) // sigmoid(2)
	if d := p[1] - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("p(denies) = %v, want %v", p[1], want)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := extract.LoadModel(&b, "back.txt")
	if err != nil {
		t.Fatalf("written model does not load back: %v", err)
	}
	if back.Probabilities([]string{"bias", "w:rejected"}) != m.Probabilities([]string{"bias", "w:rejected"}) {
		t.Errorf("written model computes other probabilities")
	}
}

// TestLearnedMatchesCandidates checks, on every test article, that the
// edges the learned component adds are exactly those the model's
// probabilities over Candidates' features give (the most probable
// relation of a scored candidate, at or above its threshold, with a
// trigger of it in the sentence): the
// extractor's cached scoring and the features the training program reads
// agree.
func TestLearnedMatchesCandidates(t *testing.T) {
	m := shippedAt(t, learnThreshold)
	thr := modelThresholds(t, m)
	x := extract.New(extract.Options{Learned: extract.LearnedOn, Model: m})
	n := 0
	for _, a := range mustLoadArticles(t) {
		art := graph.Article{ID: a.ID, Date: learnDate}
		want := map[string]bool{}
		for _, c := range x.Candidates(art, a.text) {
			if !c.Scored {
				continue
			}
			p := m.Probabilities(c.Features)
			r := 0
			for k := range p {
				if p[k] > p[r] {
					r = k
				}
			}
			if p[r] >= thr[r] && slices.Contains(c.Triggers, graph.Relations[r]) {
				k := graph.NewEdgeKey(c.Source, graph.Relations[r], c.Target)
				want[fmt.Sprintf("%d %v", c.Sentence.Start, k)] = true
			}
		}
		got := map[string]bool{}
		for _, mn := range x.Extract(art, a.text).Mentions {
			if strings.HasPrefix(mn.Trigger, extract.LearnedPrefix) {
				got[fmt.Sprintf("%d %v", mn.SentSpan.Start, mn.Key())] = true
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: learned edges %v, the model over Candidates gives %v", a.ID, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		n += len(got)
	}
	if n == 0 {
		t.Error("no learned edge on any test article: nothing compared")
	}
}

// modelThresholds reads the thresholds back from the model's file form.
func modelThresholds(t *testing.T, m *extract.Model) [5]float64 {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	thr := [5]float64{2, 2, 2, 2, 2}
	for _, line := range strings.Split(b.String(), "\n") {
		var rel string
		var p float64
		if _, err := fmt.Sscanf(line, "threshold %s %g", &rel, &p); err == nil {
			thr[slices.Index(graph.Relations, graph.Relation(rel))] = p
		}
	}
	return thr
}

// TestLearnedConcurrent runs one extractor with the learned component on
// from several goroutines (as ingest does) and wants each article's
// result to equal the one computed alone; under -race it checks that the
// component shares nothing it writes.
func TestLearnedConcurrent(t *testing.T) {
	as := mustLoadArticles(t)[:24]
	x := extract.New(extract.Options{Learned: extract.LearnedOn, Model: shippedAt(t, learnThreshold)})
	want := make([]extract.Result, len(as))
	for i, a := range as {
		want[i] = x.Extract(graph.Article{ID: a.ID, Date: learnDate}, a.text)
	}
	got := make([]extract.Result, len(as))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(as); i += 4 {
				got[i] = x.Extract(graph.Article{ID: as[i].ID, Date: learnDate}, as[i].text)
			}
		}()
	}
	wg.Wait()
	for i := range as {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: concurrent result differs from the one computed alone", as[i].ID)
		}
	}
}
