package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"geokg/extract/corpus"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args []string
		ok   bool
	}{
		{[]string{"-o", "d", "-n", "3"}, true},
		{[]string{"-o", "d", "-size", "1MB", "-seed", "9"}, true},
		{[]string{"-n", "3"}, false},                            // no folder
		{[]string{"-o", "d"}, false},                            // neither -n nor -size
		{[]string{"-o", "d", "-n", "3", "-size", "1MB"}, false}, // both
		{[]string{"-o", "d", "-size", "lots"}, false},
		{[]string{"-o", "d", "-n", "3", "-article-size", "0"}, false},
		{[]string{"-o", "d", "-n", "3", "extra"}, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := parseFlags(tt.args, io.Discard)
			if tt.ok != (err == nil) {
				t.Fatalf("parseFlags(%q) = %v, want ok=%v", tt.args, err, tt.ok)
			}
		})
	}
}

func TestGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	n, total, err := generate(config{dir: dir, size: 40 << 10, articleSize: 4 << 10, seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if total < 40<<10 || n < 9 || n > 10 {
		t.Errorf("generate 40 KB: %d articles, %d bytes", n, total)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != n {
		t.Fatalf("folder holds %d files (%v), want %d", len(entries), err, n)
	}
	var sum int64
	for i, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		sum += info.Size()
		if y, m, d := info.ModTime().UTC().Date(); !corpus.Date(i).Equal(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v, want the article's date %v", e.Name(), info.ModTime(), corpus.Date(i))
		}
	}
	if sum != total {
		t.Errorf("files hold %d bytes, generate said %d", sum, total)
	}
	if _, _, err := generate(config{dir: dir, n: 1, articleSize: 4 << 10}); err == nil {
		t.Error("generate into a non-empty folder: no error")
	}
}
