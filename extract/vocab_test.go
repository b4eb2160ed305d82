package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpecialRules checks that the classes of specialRules are the word
// classes whose tokens carry cSpecial, which gates the calls of special:
// every such word is read by a rule, and every rule's words reach it.
func TestSpecialRules(t *testing.T) {
	rules := map[string]bool{}
	for _, r := range specialRules {
		if bit, ok := classBit(r.class); !ok || bit != cSpecial {
			t.Errorf("special rule class %q: declared %v with bit %#x, want a class with cSpecial", r.class, ok, bit)
		}
		rules[r.class] = true
	}
	for _, c := range wordClasses {
		if c.bit == cSpecial && !rules[c.name] {
			t.Errorf("word class %q carries cSpecial but no special rule reads it", c.name)
		}
	}
	lex := builtinLex()
	for _, sl := range lex.vocab.words {
		w, wi := sl.key, sl.wordInfo
		if wi.cls&cSpecial == 0 {
			continue
		}
		read := false
		for _, r := range specialRules {
			read = read || lex.in(r.class, w)
		}
		if !read {
			t.Errorf("%q carries cSpecial but no special rule reads it", w)
		}
	}
	if len(lex.words["special-pact"]) == 0 {
		t.Error("the built-in lexicon has no special-pact words")
	}
}

// TestTokenTriggers checks that a token's trigger, read through its index
// in the lexicon's list, is the lexicon's trigger of its lower-case form in
// every case form, and that other words have none.
func TestTokenTriggers(t *testing.T) {
	x := New(Options{})
	sc := &scope{x: x}
	triggers := x.lex.trigs
	for w, want := range triggers {
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			toks := tokenizeInto(nil, form, x.trie.table)
			if len(toks) != 1 {
				continue // "n't"-like forms split
			}
			if got, ok := sc.trigOf(&toks[0]); !ok || got != want {
				t.Errorf("%q: trigger %+v, %v; want %+v", form, got, ok, want)
			}
		}
	}
	for _, w := range []string{"the", "Russia", ",", "said", "Kyiv", "weapons"} {
		toks := tokenizeInto(nil, w, x.trie.table)
		if _, isTrig := triggers[toks[0].low]; isTrig {
			continue
		}
		if got, ok := sc.trigOf(&toks[0]); ok {
			t.Errorf("%q: trigger %+v, want none", w, got)
		}
	}
}

// TestWordClassesUnique catches two rules that chose the same class name
// for different words: their lists would silently merge.
func TestWordClassesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range wordClasses {
		if seen[c.name] {
			t.Errorf("word class %q is declared twice in wordClasses", c.name)
		}
		seen[c.name] = true
	}
}

// TestClassBits checks that a token carries the bit of a word class
// exactly when its word is in a class with that bit, in every case form
// and with a user's lexicon merged over the built-in one, so that a rule
// may test the bit (toks[i].is(cGroupRef)) instead of looking the word up
// (lex.in("group-ref", toks[i].low)).
func TestClassBits(t *testing.T) {
	user, err := LoadLexicon(strings.NewReader("words group-ref gang\nunwords group-ref group\nwords hostile-noun outrage\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, lexicon := range []*Lexicon{nil, mustBuiltinLexicon(t).Merge(user)} {
		x := New(Options{Lexicon: lexicon})
		for _, c := range wordClasses {
			if c.bit == 0 {
				continue
			}
			for w := range x.lex.words[c.name] {
				r, size := utf8.DecodeRuneInString(w)
				for _, form := range []string{w, string(unicode.ToUpper(r)) + w[size:], strings.ToUpper(w)} {
					toks := tokenizeInto(nil, form, x.trie.table)
					if len(toks) == 1 && !toks[0].is(c.bit) {
						t.Errorf("%q of class %s: token without its bit %#x", form, c.name, c.bit)
					}
				}
			}
		}
		for _, w := range []string{"group", "gang", "outrage", "provocation", "Russia", "the", "said"} {
			toks := tokenizeInto(nil, w, x.trie.table)
			for _, c := range wordClasses {
				if c.bit != 0 && toks[0].is(c.bit) && !inClassWithBit(x.lex, c.bit, toks[0].low) {
					t.Errorf("%q carries the bit of %s (%#x) but is in no class with it", w, c.name, c.bit)
				}
			}
		}
	}
}

// TestClassBitsNamed checks that each bit the rules test in place of a
// lexicon lookup is the bit of exactly one word class of wordClasses (a
// bit no class carries would make its rule match nothing).
func TestClassBitsNamed(t *testing.T) {
	for _, bit := range []uint64{cInstitutionRef, cInstitutionModifier, cOfficeModifier, cGroupRef, cPluralRef,
		cPluralState, cSeatHead, cPassiveAdverb, cPreName, cObjectSkip, cQuantifier, cNotModifier, cLeaderHead,
		cNounVerb, cHostileNoun, cChargeAct, cArrivalVerb, cClaimVerb, cPluralDet, cSentenceStarter, cNameStop, cNounDeterminer, cTailWord} {
		n := 0
		for _, c := range wordClasses {
			if c.bit == bit {
				n++
			}
		}
		if n != 1 {
			t.Errorf("bit %#x: %d word classes carry it, want 1", bit, n)
		}
	}
}

// inClassWithBit reports whether w is a word of a class whose bit is bit.
func inClassWithBit(lex *lexicon, bit uint64, w string) bool {
	for _, c := range wordClasses {
		if c.bit == bit && lex.in(c.name, w) {
			return true
		}
	}
	return false
}

func mustBuiltinLexicon(t *testing.T) *Lexicon {
	t.Helper()
	l, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestCountClasses checks the count-N classes: any N is a class, a word
// carries cCount and its number (the least if in several), and an
// unwords line takes it out.
func TestCountClasses(t *testing.T) {
	user, err := LoadLexicon(strings.NewReader("words count-6 six\nwords count-12 twelve dozen\nwords count-7 two\nunwords count-5 five\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := New(Options{Lexicon: mustBuiltinLexicon(t).Merge(user)})
	for w, want := range map[string]int{"two": 2, "both": 2, "three": 3, "six": 6, "dozen": 12, "five": 0, "the": 0} {
		toks := tokenizeInto(nil, w, x.trie.table)
		if got := x.lex.pluralSize(toks, 0, len(toks)); got != want || toks[0].is(cCount) != (want > 0) {
			t.Errorf("%q: number %d, bit %v; want %d", w, got, toks[0].is(cCount), want)
		}
	}
	for _, bad := range []string{"count-0", "count-x", "count-", "count-02"} {
		if _, err := LoadLexicon(strings.NewReader("words "+bad+" none\n"), "user.txt"); err == nil {
			t.Errorf("class %s: loaded, want an error", bad)
		}
	}
}

// TestStripArticle checks the surname's short form by the lexicon's
// name-article classes, and that a user's lexicon changes it.
func TestStripArticle(t *testing.T) {
	lex := builtinLex()
	for in, want := range map[string]string{"al-Burhan": "Burhan", "Al-Burhan": "Burhan", "El-Sisi": "Sisi",
		"ash-Sharaa": "Sharaa", "Ash-Sharaa": "Ash-Sharaa", "AL-Burhan": "AL-Burhan", "al-Ab": "al-Ab",
		"abu-Bakr": "abu-Bakr", "Burhan": "Burhan", "Ching-te": "Ching-te"} {
		if got := lex.stripArticle(in); got != want {
			t.Errorf("stripArticle(%q) = %q, want %q", in, got, want)
		}
	}
	user, err := LoadLexicon(strings.NewReader("words name-article abu-\nunwords name-article-capital el-\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	lex = mustBuiltinLexicon(t).Merge(user).compile()
	if got := lex.stripArticle("abu-Bakr"); got != "Bakr" {
		t.Errorf("with abu- added: stripArticle(abu-Bakr) = %q, want Bakr", got)
	}
	if got := lex.stripArticle("El-Sisi"); got != "El-Sisi" {
		t.Errorf("with El- taken out: stripArticle(El-Sisi) = %q, want El-Sisi", got)
	}
}

// TestSpecialIndex checks that a token's rule index (sp) names the first
// of specialRules whose class holds its word, and that only words of
// those classes carry one.
func TestSpecialIndex(t *testing.T) {
	lex := builtinLex()
	for _, sl := range lex.vocab.words {
		want := 0
		for k, r := range specialRules {
			if lex.in(r.class, sl.key) {
				want = k + 1
				break
			}
		}
		if int(sl.sp) != want {
			t.Errorf("%q: special rule %d, want %d", sl.key, sl.sp, want)
		}
	}
	if len(specialRules) > 255 {
		t.Errorf("%d special rules: a token holds the index in 8 bits", len(specialRules))
	}
}

// TestVocabFrom checks that an Extractor's vocabulary, which starts as
// its lexicon's copied by their stored hashes (newVocabFrom), is the one
// slot gives word by word: the same words in the same places, the same
// table, the same punctuation.
func TestVocabFrom(t *testing.T) {
	lex := builtinLex()
	tr := readyTrie(lex)
	want := newVocabSized(len(lex.vocab.words) + len(tr.words))
	for _, sl := range lex.vocab.words {
		*want.slot(sl.key) = sl.wordInfo
	}
	got := newVocabFrom(lex.vocab, len(lex.vocab.words)+len(tr.words))
	for _, w := range tr.words[1:] {
		want.slot(w).wid++
		got.slot(w).wid++
	}
	want.setPunct()
	got.setPunct()
	if got.mask != want.mask || len(got.index) != len(want.index) || len(got.words) != len(want.words) {
		t.Fatalf("newVocabFrom: mask %d, %d slots, %d words; slot by slot: mask %d, %d slots, %d words",
			got.mask, len(got.index), len(got.words), want.mask, len(want.index), len(want.words))
	}
	for i := range want.index {
		if got.index[i] != want.index[i] {
			t.Fatalf("slot %d: %+v, want %+v", i, got.index[i], want.index[i])
		}
	}
	for i := range want.words {
		if got.words[i] != want.words[i] {
			t.Fatalf("word %d: %+v, want %+v", i, got.words[i], want.words[i])
		}
	}
	if got.punct != want.punct {
		t.Error("punctuation differs")
	}
	if len(tr.table.words) != len(want.words) || tr.table.mask != want.mask {
		t.Errorf("readyTrie's vocabulary: %d words, mask %d; want %d, %d", len(tr.table.words), tr.table.mask, len(want.words), want.mask)
	}
}
