package corpus_test

import (
	"strings"
	"testing"

	"geokg/extract"
	"geokg/extract/corpus"
	"geokg/graph"
)

func mustNew(t *testing.T) *corpus.Generator {
	t.Helper()
	g, err := corpus.New(extract.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestArticleDeterministic(t *testing.T) {
	g, again := mustNew(t), mustNew(t)
	seen := map[string]int{}
	for n := range 50 {
		a, da := g.Article(1, n, 4096)
		b, db := again.Article(1, n, 4096)
		if a != b || !da.Equal(db) {
			t.Fatalf("article %d differs between two generators", n)
		}
		if other, _ := g.Article(2, n, 4096); other == a {
			t.Errorf("article %d is the same with seeds 1 and 2", n)
		}
		if m, ok := seen[a]; ok {
			t.Errorf("articles %d and %d are the same", m, n)
		}
		seen[a] = n
	}
}

func TestArticleSize(t *testing.T) {
	g := mustNew(t)
	for _, size := range []int{1024, 4096, 16384} {
		for n := range 20 {
			text, _ := g.Article(7, n, size)
			if len(text) < size-64 || len(text) > size+1024 {
				t.Errorf("article %d of size %d: %d bytes", n, size, len(text))
			}
			if !strings.HasSuffix(text, ".\n") {
				t.Errorf("article %d does not end with a full sentence: %q", n, text[len(text)-20:])
			}
		}
	}
}

// TestArticleRelations checks that the extractor finds every relation in
// the generated text: the corpus exercises the whole pipeline.
func TestArticleRelations(t *testing.T) {
	g := mustNew(t)
	x := extract.New(extract.Options{})
	count := map[graph.Relation]int{}
	for n := range 40 {
		text, date := g.Article(1, n, 4096)
		res := x.Extract(graph.Article{ID: graph.ArticleID([]byte(text)), Date: date}, text)
		if len(res.Mentions) < 5 {
			t.Errorf("article %d: %d relations, want at least 5", n, len(res.Mentions))
		}
		for _, m := range res.Mentions {
			count[m.Relation]++
		}
	}
	for _, r := range graph.Relations {
		if count[r] == 0 {
			t.Errorf("no %s relation in 40 articles (found %v)", r, count)
		}
	}
}
