package input

import (
	"strings"
	"testing"
)

// TestNormalText checks that one story written as a text file, as the
// text a web page gives and as a JSON line's field has one normal text,
// and so one id, and that different stories do not.
func TestNormalText(t *testing.T) {
	txt := "# Kyiv accuses Tehran\n\nUkraine accused Iran on Thursday of shipping missiles to Russia.\n\nTehran denied it.\n"
	same := []string{
		txt,
		"Kyiv accuses Tehran\r\n\r\nUkraine accused Iran on Thursday of shipping missiles to Russia.\r\n\r\nTehran denied it.",
		"  Kyiv accuses Tehran\n\nUkraine accused Iran on **Thursday** of shipping missiles\nto Russia.\n\n\tTehran denied it.  \n",
		"Kyiv accuses Tehran\u00a0Ukraine accused Iran on Thursday of ship\u00adping missiles to Russia. Tehran denied it.",
	}
	want := NormalText(txt)
	if want != "Kyiv accuses Tehran Ukraine accused Iran on Thursday of shipping missiles to Russia. Tehran denied it." {
		t.Errorf("NormalText = %q", want)
	}
	for _, s := range same {
		if got := NormalText(s); got != want {
			t.Errorf("NormalText(%q) = %q, want %q", s, got, want)
		}
		if ArticleID(s) != ArticleID(txt) {
			t.Errorf("ArticleID(%q) differs from the text file's", s)
		}
	}
	if got := NormalText("“Baseless” — he said… ‘no’"); got != `"Baseless" - he said... 'no'` {
		t.Errorf("typography: %q", got)
	}
	for _, other := range []string{strings.Replace(txt, "Thursday", "Friday", 1), strings.Replace(txt, "denied it", "denied", 1)} {
		if ArticleID(other) == ArticleID(txt) {
			t.Errorf("ArticleID(%q) = the text file's: a different story", other)
		}
	}
	if NormalText("C# 2 > 1") != "C# 2 > 1" {
		t.Errorf("marks inside a line are text: %q", NormalText("C# 2 > 1"))
	}
	if LegacyArticleID("a\r\nb") != LegacyArticleID("a\nb") || LegacyArticleID("a\nb") == LegacyArticleID("a b") {
		t.Error("LegacyArticleID folds only CRLF")
	}
}

func FuzzNormalText(f *testing.F) {
	f.Add("# Title\n\nText  with **marks** and “quotes”.")
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalText(s)
		if NormalText(n) != n {
			t.Errorf("NormalText is not idempotent on %q: %q then %q", s, n, NormalText(n))
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Errorf("NormalText(%q) = %q: white space left", s, n)
		}
	})
}
