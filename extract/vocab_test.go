package extract

import (
	"strings"
	"testing"
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
	for w, wi := range lex.vocab {
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
