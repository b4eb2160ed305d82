package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"maps"
	"slices"
	"strconv"
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
	if !maps.Equal(cases, specialWords) {
		t.Errorf("specialWords = %v, want the cases of special: %v", slices.Sorted(maps.Keys(specialWords)), slices.Sorted(maps.Keys(cases)))
	}
}
