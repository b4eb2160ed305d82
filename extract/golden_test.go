package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite the edges of testdata/golden/*.jsonl from the extractor (review the diff!)")

// goldenCase is one line of a testdata/golden file: a sentence or two in,
// the edges out, each "SOURCE RELATION TARGET STATUS" with actor ids. An
// empty edges list is a negative example: nothing may come out.
type goldenCase struct {
	Text  string   `json:"text"`
	Edges []string `json:"edges"`
	Note  string   `json:"note,omitempty"`
}

// TestGolden runs each rule family's example sentences (one file a family:
// testdata/golden/FAMILY.jsonl) and wants exactly their edges: the
// positive examples pin what a rule finds, the negative ones what it must
// not. With -update-golden the files are rewritten from the extractor.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	x := extract.New(extract.Options{})
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".jsonl"), func(t *testing.T) {
			cases := loadGolden(t, path)
			for i := range cases {
				c := &cases[i]
				got := goldenEdges(x, c.Text)
				if *updateGolden {
					c.Edges = got
					continue
				}
				want := slices.Sorted(slices.Values(c.Edges))
				if !slices.Equal(got, want) {
					t.Errorf("%s:%d: %q\n got  %q\n want %q", path, i+1, c.Text, got, want)
				}
			}
			if *updateGolden {
				writeGolden(t, path, cases)
			}
		})
	}
}

func goldenEdges(x *extract.Extractor, text string) []string {
	date, _ := graph.ParseDate("2025-03-01")
	res := x.Extract(graph.Article{ID: "golden", Date: date}, text)
	out := []string{}
	for _, m := range res.Mentions {
		e := fmt.Sprintf("%s %s %s %s", m.Source, m.Relation, m.Target, m.Status)
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	slices.Sort(out)
	return out
}

func loadGolden(t *testing.T, path string) []goldenCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldenCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var c goldenCase
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if c.Text == "" || c.Edges == nil {
			t.Fatalf("%s:%d: want a text and an edges list (empty for a negative example)", path, n)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeGolden(t *testing.T, path string, cases []goldenCase) {
	t.Helper()
	var b bytes.Buffer
	for _, c := range cases {
		line, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
