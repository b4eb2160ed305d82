package input

import (
	"os"
	"testing"
)

// BenchmarkArticleMeta measures what ingest adds per article to find its
// id and date: NormalText's hash and Dateline, on the example article.
func BenchmarkArticleMeta(b *testing.B) {
	data, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.Run("ArticleID", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			ArticleID(text)
		}
	})
	b.Run("LegacyArticleID", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			LegacyArticleID(text)
		}
	})
	b.Run("Dateline", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			Dateline(text)
		}
	})
}
