package input_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"geokg/extract/input"
)

// readJSONL collects every line JSONL reports.
func readJSONL(t *testing.T, data string, f input.Fields, max int) []input.Line {
	t.Helper()
	var got []input.Line
	err := input.JSONL("dump.jsonl", strings.NewReader(data), f, max, func(l input.Line) error {
		got = append(got, l)
		return nil
	})
	if err != nil {
		t.Fatalf("JSONL: %v", err)
	}
	return got
}

func TestJSONL(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		name    string
		line    string
		fields  *input.Fields
		want    input.Article
		wantErr error
		wantMsg string
	}{
		{name: "all fields", line: `{"text":"Iran supplies drones.","title":" Drones \n deal ","date":"2024-05-01","url":"https://x.example/1","source":"Wire"}`,
			want: input.Article{Text: "Iran supplies drones.", Title: "Drones deal", Date: d("2024-05-01"), URL: "https://x.example/1", Source: "Wire"}},
		{name: "content and published", line: `{"content":"Kyiv accuses Moscow.","published":"2024-05-02T22:00:00-04:00"}`,
			want: input.Article{Text: "Kyiv accuses Moscow.", Date: d("2024-05-02")}},
		{name: "body, unix date, extra fields", line: `{"id":7,"body":"Minsk backs Moscow.","date":1714608000,"tags":["a"]}`,
			want: input.Article{Text: "Minsk backs Moscow.", Date: d("2024-05-02")}},
		{name: "text wins over content", line: `{"content":"second","text":"first"}`, want: input.Article{Text: "first"}},
		{name: "null field skipped", line: `{"text":null,"body":"Seoul protests.","title":null}`, want: input.Article{Text: "Seoul protests."}},
		{name: "empty date is no date", line: `{"text":"Seoul protests.","date":""}`, want: input.Article{Text: "Seoul protests."}},
		{name: "crlf and bom", line: "\xEF\xBB\xBF{\"text\":\"Hanoi.\"}\r", want: input.Article{Text: "Hanoi."}},
		{name: "escapes", line: `{"text":"Line one.\nCaf\u00e9 \"quoted\"."}`, want: input.Article{Text: "Line one.\nCafé \"quoted\"."}},
		{name: "named fields, nested", line: `{"article":{"headline":"H","story":"Tehran denies it."},"meta":{"when":"2023-01-09"}}`,
			fields: &input.Fields{Text: []string{"article.story"}, Title: []string{"article.headline"}, Date: []string{"meta.when"}},
			want:   input.Article{Text: "Tehran denies it.", Title: "H", Date: d("2023-01-09")}},
		{name: "dotted key itself", line: `{"a.b":"Direct key."}`, fields: &input.Fields{Text: []string{"a.b"}}, want: input.Article{Text: "Direct key."}},

		{name: "cut short", line: `{"text": "unterminated`, wantErr: input.ErrMalformed, wantMsg: "dump.jsonl:1: not valid JSON: the line ends in the middle of a value"},
		{name: "not json", line: `{"text": nope}`, wantErr: input.ErrMalformed, wantMsg: "dump.jsonl:1: not valid JSON: invalid character 'o' in literal null (expecting 'u') (byte 11)"},
		{name: "array", line: `["text"]`, wantErr: input.ErrMalformed, wantMsg: "dump.jsonl:1: not valid JSON"},
		{name: "null line", line: `null`, wantErr: input.ErrMalformed, wantMsg: "dump.jsonl:1: not a JSON object"},
		{name: "two values", line: `{"text":"a"} {"text":"b"}`, wantErr: input.ErrMalformed, wantMsg: "more than one JSON value"},
		{name: "no text", line: `{"title":"only a title"}`, wantErr: input.ErrMalformed, wantMsg: "dump.jsonl:1: no text (looked for text, content, body)"},
		{name: "text not a string", line: `{"text":42}`, wantErr: input.ErrMalformed, wantMsg: `field "text" is a number, want a string`},
		{name: "title an object", line: `{"text":"x","title":{}}`, wantErr: input.ErrMalformed, wantMsg: `field "title" is an object`},
		{name: "bad date", line: `{"text":"x","date":"last week"}`, wantErr: input.ErrMalformed, wantMsg: `field "date": date "last week"`},
		{name: "negative unix date", line: `{"text":"x","date":-5}`, wantErr: input.ErrMalformed, wantMsg: "not a date"},
		{name: "fractional unix date", line: `{"text":"x","date":1.5}`, wantErr: input.ErrMalformed, wantMsg: "not a date"},
		{name: "blank text", line: `{"text":"  \n "}`, wantErr: input.ErrEmpty, wantMsg: "dump.jsonl:1: empty"},
		{name: "nul in text", line: `{"text":"a\u0000b"}`, wantErr: input.ErrBinary, wantMsg: "dump.jsonl:1: binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := input.DefaultFields()
			if tt.fields != nil {
				f = *tt.fields
			}
			got := readJSONL(t, tt.line+"\n", f, 0)
			if len(got) != 1 || got[0].N != 1 {
				t.Fatalf("got %d lines (%+v), want line 1", len(got), got)
			}
			l := got[0]
			if tt.wantErr != nil {
				if !errors.Is(l.Err, tt.wantErr) || !strings.Contains(fmt.Sprint(l.Err), tt.wantMsg) {
					t.Errorf("error = %v, want %v containing %q", l.Err, tt.wantErr, tt.wantMsg)
				}
				return
			}
			if l.Err != nil {
				t.Fatalf("error: %v", l.Err)
			}
			if l.Article != tt.want {
				t.Errorf("article = %+v\nwant      %+v", l.Article, tt.want)
			}
		})
	}
}

func TestJSONLLines(t *testing.T) {
	data := "{\"text\":\"One.\"}\n\n   \n{bad\n{\"text\":\"Four.\"}\r\n{\"text\":\"" + strings.Repeat("x", 100) + "\"}\n{\"text\":\"Six, no newline at the end.\"}"
	got := readJSONL(t, data, input.DefaultFields(), 50)
	var lines []string
	for _, l := range got {
		s := fmt.Sprintf("%d:%q", l.N, l.Text)
		if l.Err != nil {
			s = fmt.Sprintf("%d!%v", l.N, l.Err)
		}
		lines = append(lines, s)
	}
	want := []string{`1:"One."`, `4!dump.jsonl:4: not valid JSON`, `5:"Four."`, `6!dump.jsonl:6: line larger than the 50 bytes limit (use --max-size)`, `7:"Six, no newline at the end."`}
	if len(lines) != len(want) {
		t.Fatalf("lines = %q\nwant %q", lines, want)
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
	if !errors.Is(got[3].Err, input.ErrTooLarge) {
		t.Errorf("long line error %v is not ErrTooLarge", got[3].Err)
	}
	// End grows and ends at the input's size.
	for i := 1; i < len(got); i++ {
		if got[i].End <= got[i-1].End {
			t.Errorf("End went from %d to %d", got[i-1].End, got[i].End)
		}
	}
	if last := got[len(got)-1].End; last != int64(len(data)) {
		t.Errorf("last End = %d, want %d", last, len(data))
	}
}

func TestJSONLStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := input.JSONL("d", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), input.DefaultFields(), 0, func(input.Line) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("JSONL = %v after %d lines, want stop after 1", err, n)
	}
	readErr := errors.New("disk on fire")
	err = input.JSONL("d", io.MultiReader(strings.NewReader("{\"text\":\"a\"}\n"), errReader{readErr}), input.DefaultFields(), 0,
		func(input.Line) error { return nil })
	if !errors.Is(err, readErr) || !strings.HasPrefix(err.Error(), "d:2: ") {
		t.Errorf("JSONL read error = %v, want d:2: disk on fire", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// gzipBomb writes a gzip file that inflates to prefix and then n MB of
// zero bytes: one member for the prefix, then the same 1 MB member n
// times (gzip readers read concatenated members as one stream).
func gzipBomb(t *testing.T, path, prefix string, n int) {
	t.Helper()
	var out, mb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	io.WriteString(zw, prefix)
	zw.Close()
	zw, _ = gzip.NewWriterLevel(&mb, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	for range n {
		out.Write(mb.Bytes())
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipFile(t *testing.T, path, text string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	io.WriteString(zw, text)
	zw.Close()
	writeFile(t, path, b.String())
}

func TestGzip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt.gz")
	gzipFile(t, p, "Ankara condemns the strike.\n")
	data, _, err := input.ReadFile(p, 100)
	if err != nil || string(data) != "Ankara condemns the strike.\n" {
		t.Errorf("ReadFile(gz) = %q, %v", data, err)
	}

	// A gzip bomb: 1 GB of zeros in about 1 MB. The limit applies to the
	// decompressed bytes, and reading stops just past it.
	bomb := filepath.Join(dir, "bomb.txt.gz")
	gzipBomb(t, bomb, "", 1024)
	if info, _ := os.Stat(bomb); info.Size() > 2<<20 {
		t.Fatalf("bomb is %d bytes", info.Size())
	}
	data, _, err = input.ReadFile(bomb, 1<<20)
	if err != nil || len(data) != 1<<20+1 {
		t.Fatalf("ReadFile(bomb) = %d bytes, %v", len(data), err)
	}
	if _, err := input.Text(bomb, data, 1<<20); !errors.Is(err, input.ErrTooLarge) {
		t.Errorf("Text(bomb) = %v, want ErrTooLarge", err)
	}

	// Not gzip, and cut short.
	fake := filepath.Join(dir, "fake.txt.gz")
	writeFile(t, fake, "plain text")
	if _, _, err := input.ReadFile(fake, 0); err == nil || !strings.HasPrefix(err.Error(), fake+": gzip: ") {
		t.Errorf("ReadFile(not gzip) = %v", err)
	}
	var full bytes.Buffer
	zw := gzip.NewWriter(&full)
	io.WriteString(zw, strings.Repeat("Seoul protests. ", 1000))
	zw.Close()
	cut := filepath.Join(dir, "cut.md.gz")
	writeFile(t, cut, full.String()[:full.Len()/2])
	if _, _, err := input.ReadFile(cut, 0); err == nil || !strings.Contains(err.Error(), "gzip: truncated data") {
		t.Errorf("ReadFile(truncated) = %v", err)
	}

	// Standard input is sniffed.
	r, err := input.Decompress(bytes.NewReader(full.Bytes()))
	if b, _ := io.ReadAll(r); err != nil || !strings.HasPrefix(string(b), "Seoul protests.") {
		t.Errorf("Decompress(gzip) = %.20q, %v", b, err)
	}
	r, err = input.Decompress(strings.NewReader("plain"))
	if b, _ := io.ReadAll(r); err != nil || string(b) != "plain" {
		t.Errorf("Decompress(plain) = %q, %v", b, err)
	}
}

// TestJSONLGzipBomb: one line of zeros, 1 GB decompressed, with no end of
// line. JSONL reports it, gives up past 64 MB, and never holds more than
// the limit in memory.
func TestJSONLGzipBomb(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.jsonl.gz")
	gzipBomb(t, bomb, "{\"text\":\"Before the bomb.\"}\n", 1024)
	f, err := input.Open(bomb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []input.Line
	err = input.JSONL(bomb, f, input.DefaultFields(), 1<<20, func(l input.Line) error { got = append(got, l); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if f.Consumed() != f.Info.Size() && f.Consumed() > 1<<20 {
		t.Errorf("consumed %d bytes of a %d-byte file", f.Consumed(), f.Info.Size())
	}
	if len(got) != 2 || got[0].Text != "Before the bomb.\n" && got[0].Text != "Before the bomb." || !errors.Is(got[1].Err, input.ErrTooLarge) ||
		!strings.Contains(got[1].Err.Error(), "the rest of the input is skipped") {
		t.Fatalf("lines = %+v", got)
	}
}

func TestFormatOf(t *testing.T) {
	tests := map[string]input.Format{
		"a.txt": input.FormatText, "a.md": input.FormatText, "a": input.FormatText, "a.gz": input.FormatText,
		"a.HTML": input.FormatHTML, "a.htm": input.FormatHTML, "a.html.gz": input.FormatHTML, "a.html.GZ": input.FormatHTML,
		"a.jsonl": input.FormatJSONL, "a.ndjson.gz": input.FormatJSONL, "a.json": input.FormatText,
	}
	for path, want := range tests {
		if got := input.FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %s, want %s", path, got, want)
		}
	}
	for _, s := range []string{"text", "HTML", " jsonl "} {
		if _, err := input.ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := input.ParseFormat("csv"); err == nil {
		t.Error("ParseFormat(csv) succeeded")
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"text\":\"Iran supplies drones.\",\"date\":\"2024-05-01\"}\n{bad\n",
		"{\"body\":\"x\",\"date\":1e300}", "\n\n{\"text\":\"\\u0000\"}", "{\"text\":\"a\",\"title\":[1]}\r\n",
		"{\"content\":\"é\",\"published\":\"Thu, 14 Mar 2024 10:00:00 GMT\"}", "{\"text\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		last, lastEnd := 0, int64(0)
		err := input.JSONL("f", bytes.NewReader(data), input.DefaultFields(), 64, func(l input.Line) error {
			if l.N <= last || l.End < lastEnd || l.End > int64(len(data)) {
				t.Fatalf("line %d (end %d) after line %d (end %d)", l.N, l.End, last, lastEnd)
			}
			last, lastEnd = l.N, l.End
			if l.Err != nil {
				if prefix := fmt.Sprintf("f:%d: ", l.N); !strings.HasPrefix(l.Err.Error(), prefix) {
					t.Fatalf("error %q does not start with %q", l.Err, prefix)
				}
				return nil
			}
			if !utf8.ValidString(l.Text) || strings.TrimSpace(l.Text) == "" || len(l.Text) > 64 {
				t.Fatalf("bad text %q", l.Text)
			}
			if strings.ContainsAny(l.Title+l.Source+l.URL, "\n\r\t") {
				t.Fatalf("field spans lines: %+v", l.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
