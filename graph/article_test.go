package graph_test

import (
	"testing"
	"time"

	"geokg/graph"
)

func TestArticleID(t *testing.T) {
	a := graph.ArticleID([]byte("Russia accused Ukraine."))
	if len(a) != 32 {
		t.Fatalf("ArticleID = %q, want 32 hex digits", a)
	}
	if b := graph.ArticleID([]byte("Russia accused Ukraine.")); a != b {
		t.Fatalf("ArticleID of the same text: %q then %q", a, b)
	}
	if c := graph.ArticleID([]byte("Russia accused Ukraine!")); a == c {
		t.Fatalf("ArticleID of different texts are both %q", a)
	}
	// The SHA-256 of the empty string starts e3b0c442...
	if got := graph.ArticleID(nil); got != "e3b0c44298fc1c149afbf4c8996fb924" {
		t.Fatalf("ArticleID(nil) = %q", got)
	}
}

func TestParseFormatDate(t *testing.T) {
	d, err := graph.ParseDate("2024-02-29")
	if err != nil {
		t.Fatal(err)
	}
	if d.Location() != time.UTC || d.Year() != 2024 || d.Month() != time.February || d.Day() != 29 {
		t.Fatalf("ParseDate(2024-02-29) = %v", d)
	}
	if s := graph.FormatDate(d); s != "2024-02-29" {
		t.Fatalf("FormatDate = %q", s)
	}
	if s := graph.FormatDate(time.Time{}); s != "" {
		t.Fatalf("FormatDate(zero) = %q, want empty", s)
	}
	// A time late in the day east of UTC is written as its UTC date.
	east := time.Date(2024, 3, 1, 2, 0, 0, 0, time.FixedZone("UTC+9", 9*3600))
	if s := graph.FormatDate(east); s != "2024-02-29" {
		t.Fatalf("FormatDate(%v) = %q, want the UTC date 2024-02-29", east, s)
	}
	for _, bad := range []string{"", "2023-02-29", "2024-1-2", "02/03/2024", "2024-06-01T00:00:00Z"} {
		if _, err := graph.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = nil error, want one", bad)
		}
	}
}
