package extract_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// TestClassesRead checks, for word classes moved from Go into
// data/lexicon.txt, that the rules read them: each case's sentence gives
// the relation want with the built-in lexicon (with the words taken out if
// blocks: the class stops a relation), and taking the class's words out
// with a user's lexicon changes what is found (so a rule that stopped
// reading its class, or a class emptied by mistake, fails here).
func TestClassesRead(t *testing.T) {
	for _, c := range []struct {
		class, text, want, unwords string
		blocks                     bool
	}{
		{"copula", "Turkey does not recognise the government in Nicosia and is the only country that recognises Northern Cyprus.",
			"TUR recognizes terr:northern-cyprus asserted", "is", false},
		{"hearsay-adverb", "Iran reportedly supplied drones to Russia.", "IRN supplies RUS alleged", "reportedly", false},
		{"hearsay-participle", "Iran is said to have supplied drones to Russia.", "IRN supplies RUS alleged", "said", false},
		{"denial-kind", "Ukraine accused Iran of supplying drones to Russia. \"Nothing of the kind happened,\" Iran said.",
			"IRN denies UKR asserted", "kind", false},
		{"denial-nothing", "Ukraine accused Iran of supplying drones to Russia. \"Nothing of the kind happened,\" Iran said.",
			"IRN denies UKR asserted", "nothing", false},
		{"denial-event", "Ukraine accused Iran of supplying drones to Russia. \"It never happened,\" Iran said.",
			"IRN denies UKR asserted", "happened", false},
		{"denial-tail", "Armenia accused Turkey of arming Baku, a charge Ankara rejected yesterday.",
			"TUR denies ARM asserted", "yesterday", false},
		{"act-modifier", "North Korea fired a ballistic missile on Monday. Japan condemned the latest test.",
			"JPN accuses PRK asserted", "latest", false},
		{"act-series", "Armenia shelled villages on Monday. Azerbaijan condemned the latest wave of attacks.",
			"AZE accuses ARM asserted", "wave", false},
		{"deed-object-verb", "Ukraine pinned great hopes on Poland.", "UKR accuses POL asserted", "pinned", true},
		{"aspect-verb", "Ghana said Togo kept harassing its fishermen.", "GHA accuses TGO asserted", "kept", false},
		{"denied-act", "Ukraine accused Russia of shelling the port. \"Our navy does not shell ports,\" Russia said.", "RUS denies UKR asserted", "shell", false},
		{"evidence-noun", "Poland said there was no evidence that the missile had been fired by Russia.", "POL accuses RUS asserted", "evidence", true},
		{"aside-act", "Russia recognised Abkhazia in 2008, a move Georgia condemned.", "GEO accuses RUS asserted", "move", false},
		{"modal", "Ukraine could accuse Russia of sabotage.", "UKR accuses RUS asserted", "could", true},
		{"conditional-modal", "Ukraine would blame Russia if the talks failed.", "UKR accuses RUS asserted", "would", true},
		{"condition", "Ukraine would blame Russia if the talks failed.", "UKR accuses RUS asserted", "if", true},
		{"count-2", "Russia and Belarus held talks in Minsk. The two countries accused Ukraine of sabotage.",
			"BLR accuses UKR asserted", "two", false},
		{"count-3", "Russia, Belarus and Iran held talks in Minsk. The three countries accused Ukraine of sabotage.",
			"IRN accuses UKR asserted", "three", false},
		{"sentence-starter", "Poland bought tanks from the U.S. The government in Minsk condemned Warsaw.",
			"USA supplies POL asserted", "the", false},
		{"denial-particle", "Russia brushed off accusations by Ukraine.", "RUS denies UKR asserted", "off", false},
		{"linked-by", "Ukraine said the attack was carried out by militias backed by Iran.", "UKR accuses IRN asserted", "backed", false},
		{"linked-with", "Ukraine said the attack was carried out by hackers affiliated with Russia.", "UKR accuses RUS asserted", "affiliated", false},
		{"linked-for", "Ukraine said the attack was carried out by hackers working for Russia.", "UKR accuses RUS asserted", "working", false},
		{"asked-participle", "Asked about Lithuania's accusations, Minsk called them \"baseless\".", "BLR denies LTU asserted", "asked", false},
		{"asked-topic", "Asked about Lithuania's accusations, Minsk called them \"baseless\".", "BLR denies LTU asserted", "about", false},
		{"denied-account", "Dushanbe rejected Bishkek's version of events.", "KGZ accuses TJK asserted", "version", false},
		{"asked-opener", "When asked about the Dutch allegations, Ankara said they were \"baseless\".", "TUR denies NLD asserted", "when", false},
		{"name-particle", "Qatari Foreign Minister Khalid bin Rashid accused Iran of sabotage.",
			"person:khalid-bin-rashid accuses IRN asserted", "bin", false},
		{"name-stop", "Qatari Foreign Minister Khalid Rashid Meanwhile accused Iran of sabotage.",
			"person:khalid-rashid accuses IRN asserted", "meanwhile", false},
		{"office-holder", "Ukraine accused Russia of sabotage. The president's office said Moscow had attacked Kharkiv.",
			"UKR accuses RUS asserted", "president", false},
		{"office-noun", "Ukraine accused Russia of sabotage. The presidential office said Moscow had attacked Kharkiv.",
			"UKR accuses RUS asserted", "office", false},
		{"comitative", "Alongside Russia, Belarus accused Poland of provocations.", "RUS accuses POL asserted", "alongside", false},
		{"modifier-ending", "Russia denied the fabricated claims by Ukraine.", "RUS denies UKR asserted", "ed", false},
		// "thirteen" is no mention-start word: the reference is found from
		// "The", a plural-det word (count-13 is no class of the built-in
		// lexicon, whose counts end at twelve)
		{"count-13", "Russia, Belarus, Iran, China, Cuba, Syria, Laos, Nepal, Chad, Mali, Niger, Peru and Fiji held talks in Minsk. The thirteen countries accused Ukraine of sabotage.",
			"CUB accuses UKR asserted", "words count-13 thirteen", true},
	} {
		user := "unwords " + c.class + " " + c.unwords + "\n"
		if strings.HasPrefix(c.unwords, "words ") {
			user = c.unwords + "\n" // a class extended: "words count-13 thirteen"
		}
		before, after := classEdges(t, c.text, user)
		if got := map[bool][]string{false: before, true: after}[c.blocks]; !slices.Contains(got, c.want) {
			t.Errorf("%s: %q gives %v (blocks %v), want %q", c.class, c.text, got, c.blocks, c.want)
		}
		if slices.Equal(before, after) {
			t.Errorf("%s: %q gives %v with or without %q in the class: the class is not read", c.class, c.text, before, c.unwords)
		}
	}
}

// classEdges returns the relations of text ("SRC REL TGT STATUS", sorted)
// found with the built-in lexicon and with userLexicon merged over it.
func classEdges(t *testing.T, text, userLexicon string) (before, after []string) {
	t.Helper()
	b, a := mergedResults(t, text, userLexicon)
	edges := func(res extract.Result) []string {
		var out []string
		for _, m := range res.Mentions {
			out = append(out, string(m.Source)+" "+string(m.Relation)+" "+string(m.Target)+" "+string(m.Status))
		}
		slices.Sort(out)
		return out
	}
	return edges(b), edges(a)
}

// movedClasses are the word classes moved from Go into data/lexicon.txt
// whose words the test articles use: taking all of a class's words out
// must change what is found in them (TestMovedClassesRead). The classes
// the articles do not reach are in TestClassesRead's sentences.
var movedClasses = []string{"copula", "hearsay-participle", "aside-act", "conditional-modal",
	"goods-adjective", "goods-pair-first", "goods-pair-second", "supply-noun-modifier", "purpose-verb",
	"trade-lemma", "verb-context", "time-preposition", "noun-determiner", "tail-word", "claim-filler", "linked-to",
	"claim-participle", "impersonal-copula", "possessive-pronoun", "person-pronoun", "speaker-pronoun", "plural-pronoun",
	"participle-opener", "with-adverb", "list-opener", "negative-opener", "finite-be", "intention-marker", "pro-verb", "maker-suffix", "adjective-ending", "plural-modifier-ending"}

// TestMovedClassesRead checks that the rules read each class of
// movedClasses: with a user's lexicon taking its words out, the relations
// found in the test articles (testdata/articles and testdata/heldout)
// and passages (testdata/passages.jsonl) change.
func TestMovedClassesRead(t *testing.T) {
	var texts []string
	for _, pattern := range []string{"testdata/articles/*.txt", "testdata/heldout/*.txt"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	passages, err := os.ReadFile("testdata/passages.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range bytes.Split(passages, []byte("\n")) {
		var p struct{ Text string }
		if json.Unmarshal(line, &p) == nil && p.Text != "" {
			texts = append(texts, p.Text)
		}
	}
	if len(texts) < 100 {
		t.Fatalf("%d test articles, want at least 100", len(texts))
	}
	base := mustLexicon(t)
	classWords := lexiconClassWords(t, base)
	found := func(l *extract.Lexicon) string {
		x := extract.New(extract.Options{Lexicon: l})
		var b strings.Builder
		for i, text := range texts {
			for _, m := range x.Extract(graph.Article{ID: "a"}, text).Mentions {
				fmt.Fprintln(&b, i, m.Source, m.Relation, m.Target, m.Status, m.Trigger)
			}
		}
		return b.String()
	}
	want := found(base)
	for _, class := range movedClasses {
		words := classWords[class]
		if len(words) == 0 {
			t.Errorf("class %s: no words in the built-in lexicon", class)
			continue
		}
		user, err := extract.LoadLexicon(strings.NewReader("unwords "+class+" "+strings.Join(words, " ")+"\n"), "user.txt")
		if err != nil {
			t.Fatal(err)
		}
		if found(base.Merge(user)) == want {
			t.Errorf("class %s: the test articles give the same relations without its words: the class is not read", class)
		}
	}
}

func mustLexicon(t *testing.T) *extract.Lexicon {
	t.Helper()
	l, err := extract.BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// lexiconClassWords returns the words of each class of l, read from its
// printed form.
func lexiconClassWords(t *testing.T, l *extract.Lexicon) map[string][]string {
	t.Helper()
	var b bytes.Buffer
	if _, err := l.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	words := map[string][]string{}
	for _, line := range strings.Split(b.String(), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "words" {
			words[f[1]] = append(words[f[1]], f[2:]...)
		}
	}
	return words
}
