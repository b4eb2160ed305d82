package store

import (
	"fmt"
	"testing"
	"time"

	"geokg/graph"
)

// TestSplit3AsSplit: split3 gives split's three parts, and its error
// for a key of another prefix or of more or fewer parts.
func TestSplit3AsSplit(t *testing.T) {
	for _, key := range []string{"e/RUS/accuses/UKR", "e/RUS/accuses", "e/RUS", "e/", "e/a/b/c/d", "e//accuses/", "e/RUS/accuses/UKR/", "x/RUS/accuses/UKR", "e/Ω/ü/ß"} {
		a, b, c, err := split3([]byte(key), "e/")
		p, werr := split([]byte(key), "e/", 3)
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("split3(%q): error %v, split's %v", key, err, werr)
		} else if err == nil && (a != p[0] || b != p[1] || c != p[2]) {
			t.Errorf("split3(%q) = %q %q %q, split %q", key, a, b, c, p)
		}
	}
}

// TestArticleOfContentID: a content id comes back from its key part as
// it went in.
func TestArticleOfContentID(t *testing.T) {
	id := "0123456789abcdef0123456789abcdef"
	k := mentionKey(graph.NewEdgeKey("RUS", graph.Accuses, "UKR"), time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC), id, 3)
	_, ref, err := parseMentionKey(k)
	if err != nil || ref.article != id {
		t.Fatalf("parseMentionKey: %q, %v; want article %q", ref.article, err, id)
	}
}
