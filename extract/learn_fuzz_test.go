package extract

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"geokg/graph"
)

// FuzzExtractLearned is FuzzExtract with the learned component on: any
// text gives a valid, deterministic result, and a learned mention's
// trigger is LearnedPrefix and the text of its trigger span.
func FuzzExtractLearned(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	m, err := LoadModel(strings.NewReader(modelTXT), "data/model.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, rel := range graph.Relations {
		if err := m.SetThreshold(rel, 0.9); err != nil { // the shipped file sets none
			f.Fatal(err)
		}
	}
	x := New(Options{Learned: LearnedOn, Model: m})
	f.Fuzz(func(t *testing.T, text string) {
		art := graph.Article{ID: graph.ArticleID([]byte(text)), Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}
		res := x.Extract(art, text)
		plain := res
		plain.Mentions = make([]graph.Mention, len(res.Mentions))
		for i, m := range res.Mentions {
			m.Trigger = strings.TrimPrefix(m.Trigger, LearnedPrefix)
			plain.Mentions[i] = m
		}
		if err := checkResult(art, text, plain); err != nil {
			t.Fatalf("text %q: %v", text, err)
		}
		if again := x.Extract(art, text); !reflect.DeepEqual(res, again) {
			t.Fatalf("text %q: two runs differ:\n%+v\n%+v", text, res, again)
		}
	})
}

// FuzzLoadModel reads any bytes as a model file: no panic, and a file
// that loads writes a model that loads back to the same bytes.
func FuzzLoadModel(f *testing.F) {
	f.Add(modelTXT[:min(len(modelTXT), 4000)])
	f.Add("version 1\ntrained x\nthreshold denies 0.5\nbias\tdenies\t-1\n")
	f.Add("version 1\nw:a\taccuses\t1e40\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := LoadModel(strings.NewReader(text), "fuzz.txt")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		var a, b bytes.Buffer
		if _, err := m.WriteTo(&a); err != nil {
			t.Fatal(err)
		}
		back, err := LoadModel(bytes.NewReader(a.Bytes()), "back.txt")
		if err != nil {
			t.Fatalf("written model does not load: %v\n%s", err, a.String())
		}
		if _, err := back.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("model does not write back the same:\n%s\n%s", a.String(), b.String())
		}
	})
}
