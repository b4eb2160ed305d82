package extract

import (
	"os"
	"testing"

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
		{"example", "../examples/article.txt"},
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
}

func BenchmarkTokenize(b *testing.B) {
	text := readBench(b, benchArticle)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sentences(tokenize(text))
	}
}

// BenchmarkNew measures building an Extractor: over the already loaded
// built-in dictionary (what every New after the first costs), and with
// parsing the embedded dictionary first (what the first New in a process
// costs).
func BenchmarkNew(b *testing.B) {
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
			d, err := loadBuiltin()
			if err != nil {
				b.Fatal(err)
			}
			New(Options{Dictionary: d})
		}
	})
}
