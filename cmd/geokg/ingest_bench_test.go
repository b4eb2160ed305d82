package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"geokg/extract"
	"geokg/extract/corpus"
)

// benchCorpus writes n generated articles of about 4 KB into a temporary
// folder and returns it with the total size.
func benchCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	gen, err := corpus.New(extract.Builtin())
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var total int64
	for i := range n {
		text, date := gen.Article(1, i, 4<<10)
		path := filepath.Join(dir, fmt.Sprintf("%07d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Chtimes(path, date, date); err != nil {
			b.Fatal(err)
		}
		total += int64(len(text))
	}
	return dir, total
}

// BenchmarkIngest runs the whole ingest (read, extract on GOMAXPROCS
// workers, batched writes) of 1,000 generated articles into a new store.
// Profile it with -cpuprofile to see where ingest spends its time.
func BenchmarkIngest(b *testing.B) {
	dir, total := benchCorpus(b, 1000)
	ctx := context.Background()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		g := &globalOptions{DB: b.TempDir()}
		if err := runIngest(ctx, ingestOptions{inputOptions: inputOptions{MaxSize: "10MB"}}, g, []string{dir}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
