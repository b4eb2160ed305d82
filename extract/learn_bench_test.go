package extract_test

import (
	"testing"

	. "geokg/extract"
	"geokg/graph"
)

// BenchmarkExtractLearned is BenchmarkExtract's bench article with the
// learned component on, whatever its default, with the shipped weights at
// threshold 0.9 for every relation (shippedAt: the shipped file sets
// none): the cost of scoring the candidates.
func BenchmarkExtractLearned(b *testing.B) {
	x := New(Options{Learned: LearnedOn, Model: shippedAt(b, learnThreshold)})
	text := readBench(b, benchArticle)
	art := graph.Article{ID: graph.ArticleID([]byte(text))}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(art, text)
	}
}
