package extract_test

import (
	"bytes"
	"strings"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// TestLoadLexiconErrors checks that each kind of malformed line is an
// error naming the file and the line.
func TestLoadLexiconErrors(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"entry":    {"# fine\nverbs accuses blame\n", "my.txt:2: unknown entry"},
		"relation": {"verb accuse blame\n", "my.txt:1: relation \"accuse\""},
		"lemma":    {"verb accuses\n", "my.txt:1: verb: want a relation and a lemma"},
		"forms":    {"verb supplies send send,sent goods\n", "my.txt:1: verb send: forms"},
		"noun":     {"noun supplies delivery goods\n", "my.txt:1: noun delivery: want its forms"},
		"flag":     {"verb supplies send send,sends,sent,sending backwards\n", "my.txt:1: unknown flag \"backwards\""},
		"obj":      {"verb accuses blame obj=\n", "my.txt:1: unknown flag \"obj=\""},
		"class":    {"\n\nwords weapons drones\n", "my.txt:3: unknown word class \"weapons\""},
		"words":    {"words goods\n", "my.txt:1: words: want a class and at least one word"},
		"case":     {"words goods Drones\n", "my.txt:1: word \"Drones\": want lower case"},
		"formcase": {"noun supplies delivery Delivery\n", "my.txt:1: noun delivery: form \"Delivery\""},
		"dash":     {"noun supplies delivery -\n", "my.txt:1: noun delivery: form \"-\""},
		"untrig":   {"untrigger\n", "my.txt:1: untrigger: want at least one word form"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extract.LoadLexicon(strings.NewReader(tc.text), "my.txt")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v, want an error starting %q", err, tc.want)
			}
		})
	}
}

// TestBuiltinLexiconRoundTrip checks that the embedded lexicon loads and
// that what WriteTo prints loads back and prints the same.
func TestBuiltinLexiconRoundTrip(t *testing.T) {
	l, err := extract.BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := l.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\nverb supplies receive goods reverse from=from\n") {
		t.Errorf("the printed lexicon lacks the buyer-side frame of receive:\n%.500s", out.String())
	}
	again, err := extract.LoadLexicon(bytes.NewReader(out.Bytes()), "printed.txt")
	if err != nil {
		t.Fatalf("the printed lexicon does not load: %v", err)
	}
	var out2 bytes.Buffer
	if _, err := again.WriteTo(&out2); err != nil {
		t.Fatal(err)
	}
	if strip := func(s string) string { return s[strings.IndexByte(s, '\n'):] }; strip(out.String()) != strip(out2.String()) {
		t.Errorf("the lexicon changed in a round trip")
	}
}

// TestLexiconMerge checks that a user's lexicon adds a trigger, a goods
// word and takes a trigger away, in the extractor that uses it.
func TestLexiconMerge(t *testing.T) {
	text := "France airlifted 40 crates of medical kits to Chad on Monday. Spain condemned Morocco."
	before, after := mergedEdges(t, text, "verb supplies airlift goods\nwords goods kits\nuntrigger condemned\n")
	if before["FRA supplies TCD"] || !before["ESP accuses MAR"] {
		t.Fatalf("built-in lexicon: got %v, want Spain accuses Morocco only", before)
	}
	if !after["FRA supplies TCD"] || after["ESP accuses MAR"] {
		t.Errorf("merged lexicon: got %v, want France supplies Chad and no accusation", after)
	}
}

// mergedEdges returns the relations the extractor finds in text with the
// built-in lexicon and with the user's lexicon merged over it.
func mergedEdges(t *testing.T, text, userLexicon string) (before, after map[string]bool) {
	t.Helper()
	b, a := mergedResults(t, text, userLexicon)
	edges := func(res extract.Result) map[string]bool {
		out := map[string]bool{}
		for _, m := range res.Mentions {
			out[string(m.Source)+" "+string(m.Relation)+" "+string(m.Target)] = true
		}
		return out
	}
	return edges(b), edges(a)
}

// mergedResults extracts text with the built-in lexicon and with the
// user's lexicon merged over it.
func mergedResults(t *testing.T, text, userLexicon string) (before, after extract.Result) {
	t.Helper()
	base, err := extract.BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	user, err := extract.LoadLexicon(strings.NewReader(userLexicon), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	run := func(l *extract.Lexicon) extract.Result {
		return extract.New(extract.Options{Lexicon: l}).Extract(graph.Article{ID: "a"}, text)
	}
	return run(base), run(base.Merge(user))
}

// FuzzLoadLexicon feeds arbitrary lexicon files to LoadLexicon. Properties:
// no panic; an error names the file; a lexicon that loads drives the
// extractor without panicking.
func FuzzLoadLexicon(f *testing.F) {
	for _, s := range []string{
		"verb supplies airlift goods\n",
		"noun accuses rebuke rebuke,rebukes claim\nwords goods kits crates\n",
		"verb accuses blame -,-,blamed,- obj=on,against\nunwords negator never\nuntrigger condemned\n",
		"words clause-break ; :\n# comment\n\n",
		"verb supplies buy buy,buys,bought,buying goods reverse from=from,via\n",
		"verb nope x\n",
	} {
		f.Add([]byte(s))
	}
	base, err := extract.BuiltinLexicon()
	if err != nil {
		f.Fatal(err)
	}
	text := "France airlifted 40 crates of kits to Chad, Spain said. Chad denied it and blamed Niger.\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := extract.LoadLexicon(bytes.NewReader(data), "fuzz.txt")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt:") && !strings.HasPrefix(err.Error(), "lexicon fuzz.txt:") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		extract.New(extract.Options{Lexicon: base.Merge(l)}).Extract(graph.Article{ID: "f"}, text)
	})
}

// TestLexiconRuleClasses checks that the word classes of the multi-word
// triggers and their cues are read from the lexicon: a user's file adds a
// word a membership starts at, and takes away a cue of joint exercises.
func TestLexiconRuleClasses(t *testing.T) {
	text := "Finland integrated NATO in 2023. Russia and Belarus held joint exercises near Brest."
	before, after := mergedEdges(t, text, "words special-join integrated\nunwords exercise-cue joint\n")
	if before["FIN allies-with org:nato"] || !before["RUS allies-with BLR"] {
		t.Fatalf("built-in lexicon: got %v, want Russia allies-with Belarus only", before)
	}
	if !after["FIN allies-with org:nato"] || after["RUS allies-with BLR"] {
		t.Errorf("merged lexicon: got %v, want Finland allies-with NATO and no exercises", after)
	}
}
