package extract_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest function the package may have: a rule that
// grows past it is split by what it decides (docs/extraction.md).
const maxFuncLines = 60

// TestShape keeps the package readable: no function over maxFuncLines
// lines, no unsafe, no //go:noinline, in extract and extract/input.
func TestShape(t *testing.T) {
	for _, dir := range []string{".", "input"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				checkShape(t, f)
			}
		}
	}
}

func checkShape(t *testing.T, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "//go:noinline") {
		t.Errorf("%s: //go:noinline", path)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"unsafe"` {
			t.Errorf("%s: imports unsafe", path)
		}
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxFuncLines {
			t.Errorf("%s: %s is %d lines, more than %d", path, fd.Name.Name, n, maxFuncLines)
		}
	}
}
