package extract_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// officialCase is one line of testdata/officials.jsonl: a text, the state
// each person it names must speak for ("" for none), and edges, read at
// state level ("SRC relation TGT", a person counting as its state), that
// must or must not be found.
type officialCase struct {
	Name    string            `json:"name"`
	Date    string            `json:"date"`
	Text    string            `json:"text"`
	Persons map[string]string `json:"persons"`
	Absent  []string          `json:"absent"`
	Edges   []string          `json:"edges"`
	NoEdges []string          `json:"noedges"`
}

// TestOfficials checks how officials reach their state: from their title,
// from the paragraph and the dateline, and from the dictionary's dated titles.
func TestOfficials(t *testing.T) {
	x := extract.New(extract.Options{})
	for _, c := range readOfficialCases(t, "testdata/officials.jsonl") {
		t.Run(c.Name, func(t *testing.T) {
			art := graph.Article{ID: graph.ArticleID([]byte(c.Text))}
			if c.Date != "" {
				d, err := graph.ParseDate(c.Date)
				if err != nil {
					t.Fatal(err)
				}
				art.Date = d
			}
			res := x.Extract(art, c.Text)
			checkPersons(t, res, c.Persons)
			for _, a := range res.Actors {
				if slices.Contains(c.Absent, a.Name) {
					t.Errorf("%s found, want absent", a.Name)
				}
			}
			checkEdges(t, stateEdges(res), c.Edges, c.NoEdges)
		})
	}
}

func readOfficialCases(t *testing.T, path string) []officialCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []officialCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c officialCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPersons fails t for each person of want whose affiliation in res
// differs, or who is missing.
func checkPersons(t *testing.T, res extract.Result, want map[string]string) {
	t.Helper()
	for name, aff := range want {
		found := false
		for _, a := range res.Actors {
			if a.Type == graph.Person && a.Name == name {
				found = true
				if string(a.Affiliation) != aff {
					t.Errorf("%s speaks for %q, want %q", name, a.Affiliation, aff)
				}
			}
		}
		if !found {
			t.Errorf("person %s not among the actors %+v", name, res.Actors)
		}
	}
}

// stateEdges lists the edges of res as "SRC relation TGT", each end
// replaced by the actor it speaks for when it has one.
func stateEdges(res extract.Result) []string {
	var out []string
	for _, m := range res.AtStateLevel() {
		out = append(out, fmt.Sprintf("%s %s %s", m.Source, m.Relation, m.Target))
	}
	return out
}

// TestNewActors checks actors added to the built-in dictionary for the
// regional blocs and armed groups in the news: each is found, and a name
// in capitals only in capitals.
func TestNewActors(t *testing.T) {
	x := extract.New(extract.Options{})
	for _, c := range readOfficialCases(t, "testdata/actors.jsonl") {
		t.Run(c.Name, func(t *testing.T) {
			res := x.Extract(graph.Article{ID: graph.ArticleID([]byte(c.Text))}, c.Text)
			checkEdges(t, stateEdges(res), c.Edges, c.NoEdges)
		})
	}
}

// checkEdges fails t for each edge of want missing from got and each of
// not found there; an empty want (not a missing one) wants no edge at all.
func checkEdges(t *testing.T, got, want, not []string) {
	t.Helper()
	if want != nil && len(want) == 0 && len(got) > 0 {
		t.Errorf("edges %q, want none", got)
	}
	for _, e := range want {
		if !slices.Contains(got, e) {
			t.Errorf("edge %q not found in %q", e, got)
		}
	}
	for _, e := range not {
		if slices.Contains(got, e) {
			t.Errorf("edge %q found", e)
		}
	}
}
