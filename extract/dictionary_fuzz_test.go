package extract_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"geokg/extract"
	"geokg/graph"
)

// FuzzLoadDictionary feeds arbitrary --actors files to LoadDictionary.
// Properties: no panic; a dictionary that loads writes out in a form that
// loads back to the same text; merged over the built-in dictionary it
// drives the extractor without panicking.
func FuzzLoadDictionary(f *testing.F) {
	for _, s := range []string{
		"RUS\tcountry\tRussia\t\tRussian Federation; capital:Moscow; demonym:Russian\n",
		"person:envoy\tperson\tSpecial Envoy Petrov\tRUS\tPetrov; title:Russian envoy\t2022-01-01\t2024-12-31\n",
		"# comment\n\norg:wagner\tarmed-group\tWagner Group\t\tWagner; PMC Wagner\r\n",
		"\uFEFFXKX\tcountry\tKosovo\t\tdemonym:Kosovar\n",
		"BAD\tnation\tBad\n",
		"A\tcountry\tA\nA\tcountry\tB\n",
		"X\tperson\tX\t\tcaptial:Y\n",
		"X\tcountry\tX\t\t\t2024-13-01\n",
		"a/b\tcountry\tSlash\n",
	} {
		f.Add([]byte(s))
	}
	base := extract.Builtin()
	text := "Special Envoy Petrov said Moscow supplied drones to Kosovo. Wagner denied it; Russia and Kosovar officials are allies.\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := extract.LoadDictionary(bytes.NewReader(data), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv:") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		var out bytes.Buffer
		if err := d.Write(&out); err != nil {
			t.Fatal(err)
		}
		again, err := extract.LoadDictionary(bytes.NewReader(out.Bytes()), "written.tsv")
		if err != nil {
			t.Fatalf("a written dictionary does not load: %v\n%s", err, out.Bytes())
		}
		var out2 bytes.Buffer
		if err := again.Write(&out2); err != nil {
			t.Fatal(err)
		}
		if out.String() != out2.String() {
			t.Errorf("write/load/write changed the dictionary:\n%s\n---\n%s", out.Bytes(), out2.Bytes())
		}
		x := extract.New(extract.Options{Dictionary: base.Merge(d)})
		art := graph.Article{ID: graph.ArticleID([]byte(text)), Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
		for _, m := range x.Extract(art, text).Mentions {
			if err := m.Validate(); err != nil {
				t.Errorf("invalid mention %+v: %v", m, err)
			}
		}
	})
}
