package extract_test

import (
	"os"
	"testing"

	. "geokg/extract"
	"geokg/extract/corpus"
	"geokg/graph"
)

// benchArticle is a 4 KB news story written for the benchmarks: a headline,
// a dateline and fourteen paragraphs with some forty actors and every
// relation, in active, passive, nominal, reported and denied forms.
const benchArticle = "testdata/bench/article.txt"

func readBench(b *testing.B, path string) string {
	b.Helper()
	p, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(p)
}

func BenchmarkExtract(b *testing.B) {
	x := New(Options{})
	for _, bc := range []struct{ name, path string }{
		{"bench", benchArticle},
		{"example", "../testdata/article.txt"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			text := readBench(b, bc.path)
			art := graph.Article{ID: graph.ArticleID([]byte(text))}
			if n := len(x.Extract(art, text).Mentions); n < 5 {
				b.Fatalf("%s gives %d mentions, want a realistic article with at least 5", bc.path, n)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				x.Extract(art, text)
			}
		})
	}
	// corpus cycles over generated 4 KB articles, the shape of the ingest
	// profile, so that no single article's quirks dominate.
	b.Run("corpus", func(b *testing.B) {
		gen, err := corpus.New(Builtin())
		if err != nil {
			b.Fatal(err)
		}
		type doc struct {
			art  graph.Article
			text string
		}
		docs := make([]doc, 200)
		size := 0
		for n := range docs {
			text, date := gen.Article(1, n, 4<<10)
			docs[n] = doc{graph.Article{ID: graph.ArticleID([]byte(text)), Date: date}, text}
			size += len(text)
		}
		b.SetBytes(int64(size / len(docs)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			d := docs[n%len(docs)]
			x.Extract(d.art, d.text)
			n++
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := readBench(b, benchArticle)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		TokenizeSentences(text)
	}
}

// BenchmarkNew measures building an Extractor: over the already loaded
// built-in dictionary (what every New after the first costs), with parsing
// the embedded dictionary first (what the first New in a process costs,
// but for the lexicon's compiling, once per process), and the parse alone.
func BenchmarkNew(b *testing.B) {
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadBuiltin(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("trie", func(b *testing.B) {
		d := Builtin()
		b.ReportAllocs()
		for b.Loop() {
			New(Options{Dictionary: d})
		}
	})
	b.Run("load+trie", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d, err := LoadBuiltin()
			if err != nil {
				b.Fatal(err)
			}
			New(Options{Dictionary: d})
		}
	})
}
