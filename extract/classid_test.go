package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestClassIDNames checks that each class id names one word class a
// lexicon file may name, and no two ids the same one (an id of no class
// would make its rule match nothing).
func TestClassIDNames(t *testing.T) {
	known := map[string]bool{}
	for _, c := range wordClasses {
		known[c.name] = true
	}
	seen := map[string]classID{}
	for id, name := range classIDNames {
		if !known[name] {
			t.Errorf("class id %d: %q is no class of wordClasses", id, name)
		}
		if prev, ok := seen[name]; ok {
			t.Errorf("class %q has two ids, %d and %d", name, prev, id)
		}
		seen[name] = classID(id)
	}
}

// TestClassIDs checks what the id tests rely on: a token is in a class by
// id (token.in) exactly when its lower-case word is a word of the class
// (lexicon.in), and lexicon.has says the same as lexicon.in, for every
// word of the vocabulary as written, capitalised and upper-case, with the
// built-in lexicon and with a user's lexicon merged over it.
func TestClassIDs(t *testing.T) {
	user, err := LoadLexicon(strings.NewReader("words conduct-noun shelling\nunwords copula remains\nwords bear-verb shoulders\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, lexicon := range []*Lexicon{nil, mustBuiltinLexicon(t).Merge(user)} {
		x := New(Options{Lexicon: lexicon})
		words := []string{"shelling", "remains", "shoulders", "Russia", "unknownword"}
		for _, sl := range x.lex.vocab.words {
			words = append(words, sl.key)
		}
		for _, w := range words {
			checkClassIDs(t, x, w)
		}
	}
}

// checkClassIDs checks the class ids of w and of its tokens.
func checkClassIDs(t *testing.T, x *Extractor, w string) {
	t.Helper()
	r, size := utf8.DecodeRuneInString(w)
	for id, name := range classIDNames {
		want := x.lex.in(name, w)
		if got := x.lex.has(classID(id), w); got != want {
			t.Errorf("has(%s, %q) = %v, in = %v", name, w, got, want)
		}
		for _, form := range []string{w, string(unicode.ToUpper(r)) + w[size:], strings.ToUpper(w)} {
			toks := tokenizeInto(nil, form, x.trie.table)
			if len(toks) != 1 {
				continue
			}
			if got := toks[0].in(classID(id)); got != x.lex.in(name, toks[0].low) {
				t.Errorf("token %q (%q) in %s: %v, want %v", form, toks[0].low, name, got, !got)
			}
		}
	}
}
