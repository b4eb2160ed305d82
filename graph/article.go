package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
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
	// Origins says where Date, Title, Source and URL came from, so that a
	// later ingest of the same story knows whether what it found is
	// better (MergeArticles).
	Origins Origins `json:"origins,omitzero"`
}

// Origin says where a piece of an article's metadata came from. A value
// of a stronger origin replaces one of a weaker origin (MergeArticles).
type Origin uint8

// The origins, weakest first.
const (
	OriginUnknown Origin = iota // stored before geokg kept origins; as weak as OriginDefault
	OriginDefault               // a default: the file's time or name, the text's first line
	OriginText                  // a dated dateline or byline in the text
	OriginMeta                  // the web page's or JSON line's metadata
	OriginGiven                 // given on the command line: --date, --title, --source, --url
)

// Origins are the origins of an article's metadata.
type Origins struct {
	Date   Origin `json:"date,omitempty"`
	Title  Origin `json:"title,omitempty"`
	Source Origin `json:"source,omitempty"`
	URL    Origin `json:"url,omitempty"`
}

var originNames = []string{"unknown", "default", "text", "meta", "given"}

// String is the origin's name: unknown, default, text, meta or given.
func (o Origin) String() string {
	if int(o) < len(originNames) {
		return originNames[o]
	}
	return "origin(" + strconv.Itoa(int(o)) + ")"
}

// MarshalText writes the origin's name.
func (o Origin) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an origin's name.
func (o *Origin) UnmarshalText(b []byte) error {
	for i, n := range originNames {
		if string(b) == n {
			*o = Origin(i)
			return nil
		}
	}
	return fmt.Errorf("origin %q: %w", b, ErrInvalid)
}

// rank is o's strength: an unknown origin is as weak as a default.
func (o Origin) rank() Origin { return max(o, OriginDefault) }

// replaces reports whether a value of origin o, different from one of
// origin old, replaces it: when it comes from a stronger origin, or was
// given on the command line (a correction).
func (o Origin) replaces(old Origin) bool {
	return o == OriginGiven || o.rank() > old.rank()
}

// MergeArticles returns the stored article old with what a later reading
// of the same story, upd, says better (see Origin), and whether anything
// changed. Its id, size and actors stay old's.
func MergeArticles(old, upd Article) (Article, bool) {
	m, changed := old, false
	for _, f := range []struct {
		old, upd *string
		oldO     *Origin
		updO     Origin
	}{
		{&m.Title, &upd.Title, &m.Origins.Title, upd.Origins.Title},
		{&m.Source, &upd.Source, &m.Origins.Source, upd.Origins.Source},
		{&m.URL, &upd.URL, &m.Origins.URL, upd.Origins.URL},
	} {
		if *f.upd != "" && *f.upd != *f.old && f.updO.replaces(*f.oldO) {
			*f.old, *f.oldO, changed = *f.upd, f.updO, true
		}
	}
	if !upd.Date.IsZero() && !upd.Date.Equal(m.Date) && upd.Origins.Date.replaces(m.Origins.Date) {
		m.Date, m.Origins.Date, changed = upd.Date, upd.Origins.Date, true
	}
	return m, changed
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
