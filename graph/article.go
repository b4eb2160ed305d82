package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one ingested text. Its ID is the hash of its content, so the
// same text ingested twice is the same article.
type Article struct {
	ID     string    `json:"id"`
	Title  string    `json:"title,omitempty"`
	Source string    `json:"source,omitempty"` // the publisher, or the file it came from
	URL    string    `json:"url,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	Size   int       `json:"size"` // bytes of text
	// Actors lists, sorted, every actor the text names, in a relation or
	// not (so that "mentioned in 3 articles, no relations" can be said).
	Actors []ActorID `json:"actors,omitempty"`
}

// ArticleID returns the content hash used as an article's id: the first 16
// bytes of the SHA-256 of the text, in hex.
func ArticleID(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:16])
}

// IsContentID reports whether id has ArticleID's form: 32 lower-case hex
// digits.
func IsContentID(id string) bool {
	if len(id) != 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// CompareArticles orders article ids: ids of ArticleID's form first, then
// any others, each in string order. It is the order in which a store keeps
// an edge's mentions of one date (their keys hold a content id in 16
// bytes, other ids as they are), and CompareMentions' order of articles.
func CompareArticles(a, b string) int {
	if ca, cb := IsContentID(a), IsContentID(b); ca != cb {
		if ca {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// DateLayout is how dates are written and parsed everywhere in geokg.
const DateLayout = "2006-01-02"

// ParseDate parses a YYYY-MM-DD date in UTC.
func ParseDate(s string) (time.Time, error) {
	return time.Parse(DateLayout, s)
}

// FormatDate writes t as YYYY-MM-DD, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(DateLayout)
}
