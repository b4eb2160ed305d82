package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/biter777/countries"

	"geokg/extract"
	"geokg/graph"
)

const (
	curatedPath   = "../../data/curated.tsv"
	generatedPath = "../../data/countries.tsv"
)

// TestGeneratedUpToDate regenerates countries.tsv in memory and fails if the
// checked-in file differs: edit data/curated.tsv, then run go generate.
func TestGeneratedUpToDate(t *testing.T) {
	f, err := os.Open(curatedPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got bytes.Buffer
	if err := generate(&got, f, "data/curated.tsv"); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(generatedPath)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got.Bytes(), want) {
		return
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("data/countries.tsv is stale (run go generate ./extract); first difference on line %d:\nchecked in: %q\ngenerated:  %q", i+1, wl, gl)
		}
	}
}

func TestGenerate(t *testing.T) {
	curated := "PRK\tcountry\tNorth Korea\t\tDPRK; demonym:North Korean\n" +
		"YEM\tcountry\tYemen\n" +
		"UKR\tcountry\tUkraine\t\tcapital:Kyiv\n" +
		"org:un\torganization\tUnited Nations\n"
	var buf bytes.Buffer
	if err := generate(&buf, strings.NewReader(curated), "c.tsv"); err != nil {
		t.Fatal(err)
	}
	d, err := extract.LoadDictionary(&buf, "out.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 3 {
		t.Errorf("Len = %d, want 3 (states only)", d.Len())
	}
	prk, _ := d.Entry("PRK")
	want := []extract.Name{{Text: "North Korea"}, {Text: "DPRK"}, {Text: "North Korean", Kind: extract.NameDemonym},
		{Text: "Democratic People's Republic of Korea"}, {Text: "Pyongyang", Kind: extract.NameCapital}}
	if len(prk.Names) != len(want) {
		t.Fatalf("PRK names = %+v, want %+v", prk.Names, want)
	}
	for i := range want {
		if prk.Names[i] != want[i] {
			t.Errorf("PRK name %d = %+v, want %+v", i, prk.Names[i], want[i])
		}
	}
	if y, _ := d.Entry("YEM"); len(y.Names) != 1 {
		t.Errorf("YEM names = %+v, want only the name (Sanaa is dropped)", y.Names)
	}
	for _, n := range must(d.Entry("UKR")).Names {
		if n.Kind == extract.NameCapital && n.Text != "Kyiv" {
			t.Errorf("UKR capital %q: curated capitals must replace the package's", n.Text)
		}
	}
	err = generate(&buf, strings.NewReader("ZZZ\tcountry\tNowhere\n"), "c.tsv")
	if err == nil || !strings.Contains(err.Error(), "ZZZ") {
		t.Errorf("unknown code: err = %v, want an error naming ZZZ", err)
	}
}

func must(e extract.Entry, ok bool) extract.Entry {
	if !ok {
		panic("missing entry")
	}
	return e
}

// TestDropListsNameStates keeps the drop lists from rotting: every key must
// be a state of the curated file and every dropped text must still be what
// the package says.
func TestDropListsNameStates(t *testing.T) {
	f, err := os.Open(curatedPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cur, err := extract.LoadDictionary(f, curatedPath)
	if err != nil {
		t.Fatal(err)
	}
	byAlpha3 := map[string]countries.CountryCode{}
	for _, c := range countries.All() {
		byAlpha3[c.Alpha3()] = c
	}
	for id, why := range dropCapital {
		if _, ok := cur.Entry(graph.ActorID(id)); !ok {
			t.Errorf("dropCapital[%s]: not a state of the curated file", id)
		}
		if c := byAlpha3[id].Capital().String(); !strings.HasPrefix(why, c+":") {
			t.Errorf("dropCapital[%s] = %q, but the package's capital is now %q", id, why, c)
		}
	}
	for id, why := range dropName {
		if c := byAlpha3[id].String(); !strings.HasPrefix(why, c+":") {
			t.Errorf("dropName[%s] = %q, but the package's name is now %q", id, why, c)
		}
	}
}
