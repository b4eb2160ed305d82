package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ErrMalformed is the kind of a JSON Lines line that is not a JSON object
// or whose fields have the wrong type.
var ErrMalformed = errors.New("malformed")

// Fields names the JSON Lines fields an article's parts are read from.
// For each part the first field present on a line wins. A name with dots
// ("meta.title") looks inside nested objects.
type Fields struct {
	Text   []string
	Title  []string
	Date   []string
	URL    []string
	Source []string
}

// DefaultFields are the fields JSONL reads when none are named: text from
// "text", "content" or "body"; "title"; "date" or "published"; "url";
// "source".
func DefaultFields() Fields {
	return Fields{
		Text:   []string{"text", "content", "body"},
		Title:  []string{"title"},
		Date:   []string{"date", "published"},
		URL:    []string{"url"},
		Source: []string{"source"},
	}
}

// Line is one line of a JSON Lines input: the article on it, or why it
// could not be read.
type Line struct {
	N       int   // line number, from 1
	Article       // set when Err is nil
	Err     error // "NAME:N: problem", wrapping an Err kind
	// End is how many bytes of r JSONL has consumed once this line is read.
	End int64
}

// maxSkip is how far past the maxSize limit JSONL looks for the end of
// an over-long line before it gives up on the rest of the input.
const maxSkip = 64 << 20

// JSONL reads one article per line of r (the input called name) and calls
// fn for each non-blank line, in order. Text is validated like Text's; a
// line that is not a JSON object, lacks a text field, has a field of the
// wrong type or a date that cannot be read reaches fn with Err set and
// wrapping ErrMalformed (or ErrEmpty, ErrBinary, ErrTooLarge), so one bad
// line does not stop the others. Errors read "NAME:LINE: problem".
//
// A line longer than maxSize bytes (maxSize <= 0: no limit) is reported
// and skipped without being held in memory. If its end is not found within
// a further 64 MB, reading stops there, after a final Line that says so.
// If fn returns an error, JSONL stops and returns it; it also returns read
// errors from r.
func JSONL(name string, r io.Reader, f Fields, maxSize int, fn func(Line) error) error {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, 64<<10)
	for n := 1; ; n++ {
		line, long, err := readLine(br, maxSize)
		if errors.Is(err, errGiveUp) {
			end := cr.n - int64(br.Buffered())
			return fn(Line{N: n, End: end, Err: problem(fmt.Sprintf("%s:%d", name, n), ErrTooLarge,
				"line larger than the %s limit, with no end of line in the next %s: the rest of the input is skipped",
				FormatSize(maxSize), FormatSize(maxSkip))})
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		end := cr.n - int64(br.Buffered())
		at := fmt.Sprintf("%s:%d", name, n)
		switch {
		case long > 0:
			if ferr := fn(Line{N: n, End: end, Err: problem(at, ErrTooLarge, "line larger than the %s limit (use --max-size)", FormatSize(maxSize))}); ferr != nil {
				return ferr
			}
		case len(bytes.TrimSpace(line)) > 0:
			a, perr := decodeLine(at, line, f, maxSize)
			if ferr := fn(Line{N: n, Article: a, Err: perr, End: end}); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// errGiveUp says that readLine found no end to an over-long line.
var errGiveUp = errors.New("no end of line")

// readLine reads the next line of br without its end of line. If the line
// is longer than maxSize, it returns no bytes and how many it skipped
// (stopping once it skipped more than maxSkip).
func readLine(br *bufio.Reader, maxSize int) (line []byte, skipped int, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if skipped == 0 {
			buf = append(buf, chunk...)
			if maxSize > 0 && len(bytes.TrimRight(buf, "\r\n")) > maxSize {
				skipped, buf = len(buf), nil
			}
		} else {
			skipped += len(chunk)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if skipped > maxSkip {
				return nil, skipped, errGiveUp
			}
			continue
		case err != nil && err != io.EOF:
			return nil, skipped, err
		}
		return bytes.TrimRight(buf, "\r\n"), skipped, err
	}
}

// decodeLine reads the article on one line called at ("NAME:N").
func decodeLine(at string, line []byte, f Fields, maxSize int) (Article, error) {
	line = bytes.TrimPrefix(line, bomUTF8)
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return Article{}, problem(at, ErrMalformed, "not valid JSON: %s", jsonProblem(err))
	}
	if obj == nil {
		return Article{}, problem(at, ErrMalformed, "not a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return Article{}, problem(at, ErrMalformed, "more than one JSON value on the line")
	}
	var a Article
	text, field, err := stringField(at, obj, f.Text)
	switch {
	case err != nil:
		return a, err
	case field == "":
		return a, problem(at, ErrMalformed, "no text (looked for %s)", strings.Join(f.Text, ", "))
	}
	if a.Text, err = Text(at, []byte(text), maxSize); err != nil {
		return a, err
	}
	for _, p := range []struct {
		dst   *string
		names []string
	}{{&a.Title, f.Title}, {&a.URL, f.URL}, {&a.Source, f.Source}} {
		s, _, err := stringField(at, obj, p.names)
		if err != nil {
			return a, err
		}
		*p.dst = oneLine(s)
	}
	a.Date, err = dateField(at, obj, f.Date)
	return a, err
}

// jsonProblem shortens encoding/json's message.
func jsonProblem(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the line ends in the middle of a value"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (byte %d)", se, se.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// lookup returns the value at a dotted path in obj.
func lookup(obj map[string]any, path string) (any, bool) {
	if v, ok := obj[path]; ok {
		return v, true
	}
	head, rest, ok := strings.Cut(path, ".")
	if !ok {
		return nil, false
	}
	inner, ok := obj[head].(map[string]any)
	if !ok {
		return nil, false
	}
	return lookup(inner, rest)
}

// stringField returns the string in the first of names that obj has (and
// that is not null), and that name.
func stringField(at string, obj map[string]any, names []string) (string, string, error) {
	for _, name := range names {
		v, ok := lookup(obj, name)
		if !ok || v == nil {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return "", name, problem(at, ErrMalformed, "field %q is %s, want a string", name, jsonType(v))
		}
		return s, name, nil
	}
	return "", "", nil
}

// dateField reads the first of names that obj has as a date string (see
// ParseDate) or as Unix time in seconds. An empty string counts as absent.
func dateField(at string, obj map[string]any, names []string) (time.Time, error) {
	for _, name := range names {
		v, ok := lookup(obj, name)
		if !ok || v == nil {
			continue
		}
		switch v := v.(type) {
		case string:
			if strings.TrimSpace(v) == "" {
				continue
			}
			t, err := ParseDate(v)
			if err != nil {
				return t, problem(at, ErrMalformed, "field %q: %v", name, err)
			}
			return t, nil
		case json.Number:
			sec, err := v.Int64()
			if err != nil || sec < 0 || sec > maxUnix {
				return time.Time{}, problem(at, ErrMalformed, "field %q: %s is not a date (want Unix seconds or a date string)", name, v)
			}
			return day(time.Unix(sec, 0).UTC()), nil
		default:
			return time.Time{}, problem(at, ErrMalformed, "field %q is %s, want a date", name, jsonType(v))
		}
	}
	return time.Time{}, nil
}

// maxUnix is 9999-12-31T23:59:59Z in Unix seconds.
const maxUnix = 253402300799

func jsonType(v any) string {
	switch v.(type) {
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "a string"
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
