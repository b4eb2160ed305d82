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
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
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
