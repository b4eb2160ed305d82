package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// patternWords are the function words a rule's pattern may spell out in
// Go (docs/extraction.md, "The lexicon": articles, relative pronouns, the
// prepositions of a frame, conjunctions, the forms of be and do, and the
// words of fixed phrases such as "as well as", "each other", "among
// them"); any other word the rules test belongs to a class of
// data/lexicon.txt.
var patternWords = setOf("a", "an", "the", "that", "which", "who", "whom", "whose", "this", "these", "those",
	"of", "by", "to", "on", "in", "at", "for", "from", "with", "against", "between", "among", "into", "about",
	"and", "or", "but", "nor", "as", "than", "is", "are", "was", "were", "be", "been", "has", "have", "had",
	"do", "does", "did", "not", "no", "it", "its", "their", "his", "her", "them", "they", "he", "she", "we",
	"well", "each", "other", "one", "another", "such", "'s", "s", "n't", "N'T", "n\u2019t", "N\u2019T",
	"\u2019s", "'S", "\u2019S")

// TestNoWordListsInGo fails when a rule of package extract tests a token
// against a list of words written in Go (a switch case, a chain of == or
// a []string of three or more words) other than the pattern words above:
// issue 13 item 1, "no word list is hard-coded in Go". Such a list goes
// into data/lexicon.txt as a word class.
func TestNoWordListsInGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "lexicon.go" {
			continue // lexicon.go reads the lexicon file's own keywords
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) {
			continue // ready_gen.go: the dictionary's names, made from its files
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lits []string
			switch n := n.(type) {
			case *ast.CaseClause:
				for _, e := range n.List {
					lits = append(lits, stringLit(e))
					lits = append(lits, comparedWords(e)...)
				}
			case *ast.CompositeLit:
				if at, ok := n.Type.(*ast.ArrayType); ok && isIdent(at.Elt, "string") {
					for _, e := range n.Elts {
						lits = append(lits, stringLit(e))
					}
				}
			case *ast.IfStmt:
				lits = comparedWords(n.Cond)
			case *ast.ForStmt:
				if n.Cond != nil {
					lits = comparedWords(n.Cond)
				}
			case *ast.AssignStmt:
				for _, e := range n.Rhs {
					lits = append(lits, comparedWords(e)...)
				}
			case *ast.ReturnStmt:
				for _, e := range n.Results {
					lits = append(lits, comparedWords(e)...)
				}
			default:
				return true
			}
			if words := listedWords(lits); len(words) >= 3 {
				t.Errorf("%s: words %q written in Go: make them a word class of data/lexicon.txt (docs/extraction.md, The lexicon)",
					fset.Position(n.Pos()), words)
			}
			return true
		})
	}
}

// comparedWords returns the string literals compared with == or != in e,
// not looking inside function literals.
func comparedWords(e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == gotoken.EQL || n.Op == gotoken.NEQ {
				out = append(out, stringLit(n.X), stringLit(n.Y))
			}
		}
		return true
	})
	return out
}

// listedWords returns the distinct words among lits that begin with a
// letter and are no pattern words.
func listedWords(lits []string) []string {
	var words []string
	for _, w := range lits {
		if w == "" || !unicode.IsLetter([]rune(w)[0]) || patternWords[w] || slices.Contains(words, w) {
			continue
		}
		words = append(words, w)
	}
	return words
}

func stringLit(e ast.Expr) string {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == gotoken.STRING {
		if s, err := strconv.Unquote(b.Value); err == nil {
			return s
		}
	}
	return ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// windowFuncs are the searches whose second argument is a window.
var windowFuncs = setOf("agent", "object", "prepGroup", "nounAgent", "wordWithin", "classWithin")

// TestNoBareWindows fails when a rule of package extract compares a token
// index with another one a bare number (3 or more) of words away, or
// passes a bare number as the window of a search (agent, object,
// prepGroup...): issue 13 item 1, "window sizes are named and justified".
// A window is a named constant whose comment gives the phrase that needs
// it (window.go, or beside its rule).
func TestNoBareWindows(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) {
			continue // ready_gen.go: the dictionary's names, made from its files
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == gotoken.LSS || n.Op == gotoken.LEQ || n.Op == gotoken.GTR || n.Op == gotoken.GEQ {
					for _, side := range []ast.Expr{n.X, n.Y} {
						if v := offset(side); v >= 3 {
							t.Errorf("%s: a window of %d words written as a number: name it (window.go)", fset.Position(side.Pos()), v)
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && windowFuncs[sel.Sel.Name] && len(n.Args) >= 2 {
					if v := intLit(n.Args[1]); v >= 2 {
						t.Errorf("%s: %s's window %d written as a number: name it (window.go)", fset.Position(n.Args[1].Pos()), sel.Sel.Name, v)
					}
				}
			}
			return true
		})
	}
}

// offset returns n of an index expression "i + n" or "i - n" (n a
// number), or 0.
func offset(e ast.Expr) int {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != gotoken.ADD && b.Op != gotoken.SUB {
		return 0
	}
	if _, isIdent := b.X.(*ast.Ident); !isIdent {
		return 0
	}
	return intLit(b.Y)
}

func intLit(e ast.Expr) int {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == gotoken.INT {
		if v, err := strconv.Atoi(b.Value); err == nil {
			return v
		}
	}
	return 0
}
