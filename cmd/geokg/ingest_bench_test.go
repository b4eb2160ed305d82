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
	"geokg/graph"
	"geokg/store"
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
		if err := runIngest(ctx, ingestOptions{inputOptions: inputOptions{MaxSize: "10MB", MaxMentions: defaultMaxMentions}}, g, []string{dir}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreWrites measures the writing half of ingest alone: 4,000
// generated articles (about 16 MB) are extracted once, then each iteration
// writes them through one store.Batch into a new store and closes it (so
// Badger's flushes count). MB/s is of article text.
func BenchmarkStoreWrites(b *testing.B) {
	gen, err := corpus.New(extract.Builtin())
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(extract.Options{})
	type extracted struct {
		art graph.Article
		res extract.Result
	}
	var arts []extracted
	var total int64
	for i := range 4000 {
		text, date := gen.Article(1, i, 4<<10)
		art := graph.Article{ID: graph.ArticleID([]byte(text)), Date: date, Size: len(text)}
		arts = append(arts, extracted{art, x.Extract(art, text)})
		total += int64(len(text))
	}
	ctx := context.Background()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.Open(b.TempDir(), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		batch := s.NewBatch()
		for _, a := range arts {
			if err := batch.Put(ctx, a.art, a.res.Actors, a.res.Mentions, nil); err != nil {
				b.Fatal(err)
			}
		}
		if err := batch.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
