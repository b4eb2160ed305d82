package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSpecialWords checks that specialWords, which gates the calls of
// special, holds exactly the cases of special's switch.
func TestSpecialWords(t *testing.T) {
	f, err := parser.ParseFile(gotoken.NewFileSet(), "special.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "special" {
			continue
		}
		for _, st := range fd.Body.List {
			sw, ok := st.(*ast.SwitchStmt)
			if !ok {
				continue
			}
			for _, c := range sw.Body.List {
				cc := c.(*ast.CaseClause)
				if cc.List == nil {
					t.Fatal("special has a default case: specialWords cannot gate it")
				}
				for _, e := range cc.List {
					lit, ok := e.(*ast.BasicLit)
					if !ok {
						t.Fatalf("special: case %T, want string literals", e)
					}
					w, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					cases[w] = true
				}
			}
		}
	}
	if len(cases) == 0 {
		t.Fatal("no switch found in special")
	}
	if specialWords := builtinLex().words["special"]; !maps.Equal(cases, specialWords) {
		t.Errorf("the lexicon's special words = %v, want the cases of special: %v", slices.Sorted(maps.Keys(specialWords)), slices.Sorted(maps.Keys(cases)))
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
