package input

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// Article is one article read from an input, with what the input says
// about it. Fields the input does not give are left empty; the caller
// fills them from flags or defaults.
type Article struct {
	Text   string    // the article text, valid UTF-8, never blank
	Title  string    // headline
	Date   time.Time // publication date, midnight UTC of the day the input gives
	URL    string    // the article's address
	Source string    // the publisher
}

// HTML returns the main text of the web page data (read from the input
// called name), without menus, scripts, styles or comments, found by
// go-readability; and the page's title, publication date and canonical URL
// when its metadata gives them. The headline starts the text, followed by
// a blank line, unless the body already starts with it.
//
// The page's character set comes from its byte-order mark or <meta
// charset>, else UTF-8 if the bytes are valid UTF-8, else Windows-1252.
// The page is never run and nothing it links to is fetched. Errors are
// the same kinds as Text's; ErrEmpty also means that no article text was
// found.
func HTML(name string, data []byte, maxSize int) (Article, error) {
	if maxSize > 0 && len(data) > maxSize {
		return Article{}, problem(name, ErrTooLarge, "larger than the %s limit (use --max-size)", FormatSize(maxSize))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, problem(name, ErrEmpty, "empty")
	}
	utf16 := bytes.HasPrefix(data, bomUTF16BE) || bytes.HasPrefix(data, bomUTF16LE)
	if !utf16 && isBinary(data) {
		return Article{}, problem(name, ErrBinary, "binary data, not text")
	}
	enc, csName, certain := charset.DetermineEncoding(data, "text/html")
	if !certain && csName == "windows-1252" && utf8.Valid(data) {
		enc = unicode.UTF8 // DetermineEncoding looks at the first 1 KB only
	}
	page, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return Article{}, problem(name, ErrNotText, "cannot decode the page: %v", err)
	}
	page = bytes.ToValidUTF8(page, []byte("\uFFFD")) // the UTF-8 decoder lets a cut rune at the end through
	if bytes.IndexByte(page, 0) >= 0 {
		return Article{}, problem(name, ErrBinary, "binary data, not text")
	}
	doc, meta := parseHTML(bytes.NewReader(page))
	p := readability.NewParser()
	var pageURL *url.URL
	if meta.url != "" {
		pageURL, _ = url.Parse(meta.url)
	}
	ra, err := p.ParseAndMutate(doc, pageURL)
	if err != nil { // only when MaxElemsToParse is set
		return Article{}, problem(name, ErrNotText, "%v", err)
	}
	var body strings.Builder
	if ra.Node != nil {
		ra.RenderText(&body) // writes to a strings.Builder: cannot fail
	}
	a := Article{URL: meta.url, Source: oneLine(ra.SiteName())}
	a.Title = withoutSiteName(oneLine(ra.Title()), a.Source)
	a.Text = withHeadline(a.Title, strings.TrimSpace(body.String()))
	if t, err := ra.PublishedTime(); err == nil {
		a.Date = day(t)
	} else if t, err := ParseDate(meta.date); err == nil {
		a.Date = t
	}
	if strings.TrimSpace(body.String()) == "" {
		return a, problem(name, ErrEmpty, "no article text found in the page")
	}
	return a, nil
}

// withHeadline puts title and a blank line before body, unless body
// already starts with the title.
func withHeadline(title, body string) string {
	if title == "" || strings.HasPrefix(strings.Join(strings.Fields(body[:min(len(body), 4*len(title))]), " "), title) {
		return body + "\n"
	}
	return title + "\n\n" + body + "\n"
}

// titleSeparators are what pages put between a headline and their name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "}

// withoutSiteName removes the site's name from either end of title
// ("Headline | Site"), which readability keeps when the headline is short.
func withoutSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range titleSeparators {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// oneLine collapses runs of white space in s to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// absoluteURL returns s if it is an absolute http or https URL, else "".
func absoluteURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

// day returns midnight UTC of t's date, as written in t's own time zone:
// an article dated 2024-03-14T23:30-05:00 was published on the 14th.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dateLayouts are the date forms ParseDate accepts, tried in order.
var dateLayouts = []string{
	"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05.000-0700",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700",
	"2006/01/02", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
}

// ParseDate reads a publication date as web pages and news dumps write it:
// 2024-03-14, RFC 3339 (2024-03-14T10:00:00Z), RFC 1123 (Thu, 14 Mar 2024
// 10:00:00 GMT), "March 14, 2024", "14 March 2024" and a few more. It
// returns midnight UTC of the day as written, whatever the time zone.
// 0001-01-01, the zero time that means "no date" to geokg, is refused.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("no date")
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		switch {
		case err != nil:
			continue
		case day(t).IsZero():
			// geokg's "no date": taken as one, the article would silently
			// get the default date instead
			return time.Time{}, fmt.Errorf("date %q: 0001-01-01 is no date (leave the field out for the default)", s)
		}
		return day(t), nil
	}
	return time.Time{}, fmt.Errorf("date %q: want a date such as 2024-03-14 or 2024-03-14T10:00:00Z", s)
}
