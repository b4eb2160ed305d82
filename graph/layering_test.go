package graph_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is the module path of geokg.
const module = "geokg"

// adapters are the packages that turn graph values into and out of the
// world. Each may import graph, but never another adapter: that keeps
// extraction, storage and export replaceable one at a time.
var adapters = []string{"extract", "store", "export"}

// layer returns the top-level directory of a geokg import path ("extract"
// for geokg/extract/input), or "" for a path outside the module.
func layer(importPath string) string {
	if importPath != module && !strings.HasPrefix(importPath, module+"/") {
		return ""
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(importPath, module), "/")
	top, _, _ := strings.Cut(rest, "/")
	return top
}

// isStdlib reports whether an import path names a standard library
// package: its first element has no dot, and it is not in this module
// (whose path has no dot either).
func isStdlib(importPath string) bool {
	if layer(importPath) != "" || importPath == module {
		return false
	}
	first, _, _ := strings.Cut(importPath, "/")
	return !strings.Contains(first, ".")
}

// layeringError reports why pkg may not import imp, or "" if it may:
// graph imports only the standard library; the adapters do not import each
// other; nothing imports cmd.
func layeringError(pkg, imp string) string {
	from, to := layer(pkg), layer(imp)
	switch {
	case to == "cmd":
		return "nothing may import cmd"
	case from == "graph" && to != "graph" && !isStdlib(imp):
		return "graph may import only the standard library"
	case slices.Contains(adapters, from) && slices.Contains(adapters, to) && from != to:
		return fmt.Sprintf("%s may not import another adapter (%s)", from, strings.Join(adapters, ", "))
	}
	return ""
}

func TestLayeringRules(t *testing.T) {
	tests := []struct {
		pkg, imp string
		ok       bool
	}{
		{"geokg/graph", "fmt", true},
		{"geokg/graph", "unicode/utf8", true},
		{"geokg/graph", "geokg/graph", true}, // external test package
		{"geokg/graph", "github.com/spf13/cobra", false},
		{"geokg/graph", "golang.org/x/text/unicode/norm", false},
		{"geokg/graph", "geokg/store", false},
		{"geokg/graph", "geokg/extract/input", false},
		{"geokg/extract", "geokg/graph", true},
		{"geokg/extract", "geokg/extract/input", true},
		{"geokg/extract/input", "geokg/extract", true},
		{"geokg/extract", "github.com/biter777/countries", true},
		{"geokg/extract", "geokg/store", false},
		{"geokg/extract/input", "geokg/export", false},
		{"geokg/store", "geokg/extract", false},
		{"geokg/store", "github.com/dgraph-io/badger/v4", true},
		{"geokg/export", "geokg/store", false},
		{"geokg/export", "geokg/graph", true},
		{"geokg/cmd/geokg", "geokg/store", true},
		{"geokg/cmd/geokg", "geokg/extract", true},
		{"geokg/cmd/geokg", "geokg/cmd/corpusgen", false},
		{"geokg/store", "geokg/cmd/geokg", false},
		{"geokg/graph", "geokg/cmd/geokg", false},
	}
	for _, tt := range tests {
		msg := layeringError(tt.pkg, tt.imp)
		if (msg == "") != tt.ok {
			t.Errorf("layeringError(%q, %q) = %q, want ok=%v", tt.pkg, tt.imp, msg, tt.ok)
		}
	}
}

// TestLayering reads the imports of every Go file of the module, tests
// included, and fails on any import that breaks the layering rules.
func TestLayering(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !strings.HasPrefix(string(b), "module "+module+"\n") {
		t.Fatalf("%s is not the root of module %s: %v", root, module, err)
	}
	fset := token.NewFileSet()
	files := 0
	seen := map[string]bool{} // layers with at least one file
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// The go tool ignores testdata and names starting with . or _;
			// a directory with its own go.mod is another module.
			name := d.Name()
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || exists(filepath.Join(p, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		pkg := path.Join(module, filepath.ToSlash(rel))
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		seen[layer(pkg)] = true
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return fmt.Errorf("%s: %w", fset.Position(spec.Pos()), err)
			}
			if msg := layeringError(pkg, imp); msg != "" {
				pos := fset.Position(spec.Pos())
				if r, err := filepath.Rel(root, pos.Filename); err == nil {
					pos.Filename = r
				}
				t.Errorf("%s: %s imports %q: %s", pos, pkg, imp, msg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Guard against a walk that silently checks nothing.
	for _, l := range append([]string{"graph", "cmd"}, adapters...) {
		if !seen[l] {
			t.Errorf("no Go files found under %s/ (checked %d files)", l, files)
		}
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
