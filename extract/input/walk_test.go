package input_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"geokg/extract/input"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// walk collects Walk's calls as paths relative to root, errors marked "!".
func walk(t *testing.T, base, root string) []string {
	t.Helper()
	var got []string
	err := input.Walk(root, func(path string, err error) error {
		rel, _ := filepath.Rel(base, path)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("error %q does not start with %q", err, path)
			}
			rel = "!" + rel
		}
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk(%s): %v", root, err)
	}
	return got
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.txt", "b.MD", "c.json", "sub/d.txt", "sub/deeper/e.md",
		".hidden.txt", ".git/f.txt", "sub/.cache/g.txt", "z/h.text"} {
		writeFile(t, filepath.Join(dir, p), "text")
	}
	// A link back to the root and a link to a sibling folder: each folder
	// must be entered once.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub", "deeper"), filepath.Join(dir, "y-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}

	got := walk(t, dir, dir)
	want := []string{"a.txt", "b.MD", "!broken.txt", "sub/d.txt", "sub/deeper/e.md"}
	if !slices.Equal(got, want) {
		t.Errorf("Walk = %q, want %q", got, want)
	}

	// A file named directly is taken whatever its extension; a missing
	// path is reported.
	if got := walk(t, dir, filepath.Join(dir, "c.json")); !slices.Equal(got, []string{"c.json"}) {
		t.Errorf("Walk(file) = %q", got)
	}
	if got := walk(t, dir, filepath.Join(dir, "nope")); !slices.Equal(got, []string{"!nope"}) {
		t.Errorf("Walk(missing) = %q", got)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "x")
	writeFile(t, filepath.Join(dir, "b.txt"), "x")
	stop := errors.New("stop")
	n := 0
	err := input.Walk(dir, func(string, error) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk returned %v after %d calls, want stop after 1", err, n)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	writeFile(t, p, strings.Repeat("a", 100))
	data, info, err := input.ReadFile(p, 10)
	if err != nil || len(data) != 11 || info.Size() != 100 {
		t.Errorf("ReadFile(limit 10) = %d bytes, %v; want 11 bytes", len(data), err)
	}
	if _, err := input.Text(p, data, 10); !errors.Is(err, input.ErrTooLarge) {
		t.Errorf("Text on a cut read: %v, want ErrTooLarge", err)
	}
	if data, _, err := input.ReadFile(p, 0); err != nil || len(data) != 100 {
		t.Errorf("ReadFile(no limit) = %d bytes, %v", len(data), err)
	}
	_, _, err = input.ReadFile(filepath.Join(dir, "missing.txt"), 10)
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), filepath.Join(dir, "missing.txt")+": ") {
		t.Errorf("ReadFile(missing) = %v", err)
	}
	if _, _, err := input.ReadFile(dir, 10); err == nil {
		t.Errorf("ReadFile(folder) succeeded")
	}
}

// TestWalkLargeFolder checks a folder read in several chunks: every text
// file, and only those, in lexical order, with subfolders in their place.
func TestWalkLargeFolder(t *testing.T) {
	base := t.TempDir()
	var want []string
	for i := range 2600 {
		name := strings.Repeat("z", i%7) + string(rune('a'+i%26)) + filepath.Base(t.Name()) + string(rune('0'+i%10)) + strings.Repeat("0", i%3) + "-" + string(rune('A'+i/100))
		switch i % 5 {
		case 0:
			writeFile(t, filepath.Join(base, name+".json"), "x") // not a text extension
		case 1:
			writeFile(t, filepath.Join(base, "."+name+".txt"), "x") // hidden
		case 2:
			writeFile(t, filepath.Join(base, name, "in.md"), "x")
			want = append(want, name+"/in.md")
		default:
			writeFile(t, filepath.Join(base, name+".txt"), "x")
			want = append(want, name+".txt")
		}
	}
	slices.Sort(want) // no folder shares its name with a file here, so this is the walk's order
	got := walk(t, base, base)
	if !slices.Equal(got, want) {
		t.Fatalf("walked %d files, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
