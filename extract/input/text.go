package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"geokg/graph"
)

// The kinds of bad input. Errors returned by Text wrap one of them, and say
// which input and what went wrong in their message.
var (
	ErrEmpty    = errors.New("empty")
	ErrBinary   = errors.New("binary data, not text")
	ErrNotText  = errors.New("not valid text")
	ErrTooLarge = errors.New("too large")
)

// DefaultMaxSize is the default limit on the size of one article: 10 MB.
const DefaultMaxSize = 10 << 20

// inputError is a problem with one named input. Its message is
// "NAME: problem"; it unwraps to one of the Err kinds.
type inputError struct {
	name, problem string
	kind          error
}

func (e *inputError) Error() string { return e.name + ": " + e.problem }
func (e *inputError) Unwrap() error { return e.kind }

func problem(name string, kind error, format string, args ...any) error {
	return &inputError{name: name, problem: fmt.Sprintf(format, args...), kind: kind}
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// binaryMagic lists the leading bytes of common binary formats that are
// likely to be handed to ingest by mistake.
var binaryMagic = [][]byte{
	{0x1F, 0x8B},           // gzip
	{0x89, 'P', 'N', 'G'},  // PNG
	{0xFF, 0xD8, 0xFF},     // JPEG
	[]byte("%PDF-"),        // PDF
	{'P', 'K', 0x03, 0x04}, // ZIP (also docx, xlsx, epub)
	{'P', 'K', 0x05, 0x06}, // empty ZIP
}

// Text validates data read from the input called name and returns it as
// UTF-8 text.
//
// It returns an error whose message starts with name and that wraps
// ErrTooLarge if data is longer than maxSize bytes (maxSize <= 0 means no
// limit), ErrEmpty if it holds nothing but white space, ErrBinary if it
// holds a NUL byte or starts like a gzip, PNG, JPEG, PDF or ZIP file, and
// ErrNotText if it is neither valid UTF-8 nor UTF-16 with a byte-order mark;
// that message gives the byte offset of the first bad byte.
//
// UTF-16 text (with a BOM) is converted to UTF-8; leading byte-order marks
// are dropped. Nothing else changes: line endings are kept, so offsets into
// the result are offsets into the text as read (after the BOM).
func Text(name string, data []byte, maxSize int) (string, error) {
	if maxSize > 0 && len(data) > maxSize {
		return "", problem(name, ErrTooLarge, "larger than the %s limit (use --max-size)", FormatSize(maxSize))
	}
	var skipped int // bytes of data before b
	b := data
	switch {
	case bytes.HasPrefix(b, bomUTF16BE), bytes.HasPrefix(b, bomUTF16LE):
		s, err := decodeUTF16(name, b)
		if err != nil {
			return "", err
		}
		b = []byte(s)
	default:
		for bytes.HasPrefix(b, bomUTF8) {
			b = b[len(bomUTF8):]
			skipped += len(bomUTF8)
		}
	}
	for bytes.HasPrefix(b, bomUTF8) { // a BOM inside the UTF-16 text
		b = b[len(bomUTF8):]
	}
	if len(bytes.TrimSpace(b)) == 0 { // also Unicode white space

		return "", problem(name, ErrEmpty, "empty")
	}
	if isBinary(b) {
		return "", problem(name, ErrBinary, "binary data, not text")
	}
	if i := invalidUTF8(b); i >= 0 {
		return "", problem(name, ErrNotText, "not valid UTF-8 text (byte offset %d)", skipped+i)
	}
	return string(b), nil
}

func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m) {
			return true
		}
	}
	return false
}

// invalidUTF8 returns the offset of the first byte of b that is not part of
// a valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// decodeUTF16 decodes b, which starts with a UTF-16 byte-order mark. It
// rejects an odd length and unpaired surrogates.
func decodeUTF16(name string, b []byte) (string, error) {
	big := b[0] == 0xFE
	if len(b)%2 != 0 {
		return "", problem(name, ErrNotText, "not valid UTF-16 text (odd length %d)", len(b))
	}
	units := make([]uint16, 0, len(b)/2-1)
	for i := 2; i < len(b); i += 2 {
		if big {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			units = append(units, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	var sb strings.Builder
	sb.Grow(len(units))
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+1 == len(units) {
				return "", problem(name, ErrNotText, "not valid UTF-16 text (byte offset %d)", 2+2*i)
			}
			r := utf16.DecodeRune(rune(u), rune(units[i+1]))
			if r == utf8.RuneError {
				return "", problem(name, ErrNotText, "not valid UTF-16 text (byte offset %d)", 2+2*i)
			}
			sb.WriteRune(r)
			i++
		default:
			sb.WriteRune(rune(u))
		}
	}
	return sb.String(), nil
}

// ArticleID returns the id of an article with the given text: the
// graph.ArticleID of its NormalText, so that the same story read from a
// text file, a web page and a JSON line (which differ in white space,
// line endings and markup) is one article.
func ArticleID(text string) string {
	return graph.ArticleID(appendNormal(make([]byte, 0, len(text)), text))
}

// LegacyArticleID is the id geokg gave an article before ArticleID
// normalised its text: graph.ArticleID of the text with every "\r\n"
// turned into "\n". A store written then keys its articles so; ingest looks
// an article up by it too, so that such a store does not get the same
// story twice.
func LegacyArticleID(text string) string {
	if strings.Contains(text, "\r\n") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	return graph.ArticleID([]byte(text))
}

// MaxTitle is the most runes Title returns, not counting the ellipsis.
const MaxTitle = 120

// Title returns a default title for text: its first non-blank line, with
// white space trimmed and Markdown heading marks ("# ") removed, cut at a
// word boundary to at most MaxTitle runes plus "…".
func Title(text string) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		if line != "" {
			return shorten(strings.Join(strings.Fields(line), " "), MaxTitle)
		}
	}
	return ""
}

// shorten cuts s to at most n runes, at the last space if there is one in
// the second half, and adds "…" when it cut anything.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	s = s[:cut]
	if sp := strings.LastIndexByte(s, ' '); sp > len(s)/2 {
		s = s[:sp]
	}
	return strings.TrimRight(s, " ,;:-") + "…"
}
