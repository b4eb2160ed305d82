package graph

import (
	"crypto/sha256"
	"encoding/hex"
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
}

// ArticleID returns the content hash used as an article's id: the first 16
// bytes of the SHA-256 of the text, in hex.
func ArticleID(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:16])
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
