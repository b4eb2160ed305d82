package input_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"geokg/extract/input"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestText(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		max     int
		want    string
		wantErr error
		wantMsg string // substring of the error message
	}{
		{name: "plain", data: []byte("Russia denied it.\n"), want: "Russia denied it.\n"},
		{name: "crlf kept", data: []byte("Line one.\r\nLine two.\r\n"), want: "Line one.\r\nLine two.\r\n"},
		{name: "utf8 bom stripped", data: []byte("\xEF\xBB\xBFKyiv said so."), want: "Kyiv said so."},
		{name: "two utf8 boms stripped", data: []byte("\xEF\xBB\xBF\xEF\xBB\xBFKyiv."), want: "Kyiv."},
		{name: "non-ascii", data: []byte("Zelensky in Київ — «yes»."), want: "Zelensky in Київ — «yes»."},
		{name: "utf16le", data: utf16Bytes("Minsk → Moscow\r\n", false), want: "Minsk → Moscow\r\n"},
		{name: "utf16be", data: utf16Bytes("Tehran 😀 Beirut", true), want: "Tehran 😀 Beirut"},
		{name: "utf16 with inner bom", data: utf16Bytes("\uFEFFHello", false), want: "Hello"},
		{name: "empty", data: nil, wantErr: input.ErrEmpty, wantMsg: "f: empty"},
		{name: "whitespace", data: []byte(" \n\t\r\n "), wantErr: input.ErrEmpty, wantMsg: "f: empty"},
		{name: "unicode whitespace", data: []byte("\u00a0\u2003\n"), wantErr: input.ErrEmpty},
		{name: "bom only", data: []byte("\xEF\xBB\xBF"), wantErr: input.ErrEmpty},
		{name: "utf16 bom only", data: []byte{0xFF, 0xFE}, wantErr: input.ErrEmpty},
		{name: "nul byte", data: []byte("abc\x00def"), wantErr: input.ErrBinary, wantMsg: "f: binary data, not text"},
		{name: "gzip", data: []byte("\x1f\x8b\x08\x00abc"), wantErr: input.ErrBinary},
		{name: "png", data: []byte("\x89PNG\r\n\x1a\n"), wantErr: input.ErrBinary},
		{name: "jpeg", data: []byte("\xff\xd8\xff\xe0"), wantErr: input.ErrBinary},
		{name: "pdf", data: []byte("%PDF-1.7\n"), wantErr: input.ErrBinary},
		{name: "zip", data: []byte("PK\x03\x04rest"), wantErr: input.ErrBinary},
		{name: "utf32 via utf16 bom", data: []byte{0xFF, 0xFE, 0, 0, 'A', 0, 0, 0}, wantErr: input.ErrBinary},
		{name: "latin1", data: []byte("caf\xe9 au lait"), wantErr: input.ErrNotText, wantMsg: "f: not valid UTF-8 text (byte offset 3)"},
		{name: "offset counts bom", data: []byte("\xEF\xBB\xBFab\xff"), wantErr: input.ErrNotText, wantMsg: "(byte offset 5)"},
		{name: "truncated rune", data: []byte("abc\xe2\x82"), wantErr: input.ErrNotText, wantMsg: "(byte offset 3)"},
		{name: "utf16 odd length", data: []byte{0xFF, 0xFE, 'a', 0, 'b'}, wantErr: input.ErrNotText, wantMsg: "odd length"},
		{name: "utf16 lone surrogate", data: []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0}, wantErr: input.ErrNotText, wantMsg: "not valid UTF-16 text (byte offset 4)"},
		{name: "utf16 low surrogate first", data: []byte{0xFE, 0xFF, 0xDC, 0x00, 0, 'a'}, wantErr: input.ErrNotText},
		{name: "at limit", data: []byte("12345"), max: 5, want: "12345"},
		{name: "over limit", data: []byte("123456"), max: 5, wantErr: input.ErrTooLarge, wantMsg: "f: larger than the 5 bytes limit (use --max-size)"},
		{name: "over mb limit", data: make([]byte, 2<<20+1), max: 2 << 20, wantErr: input.ErrTooLarge, wantMsg: "the 2 MB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := input.Text("f", tt.data, tt.max)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Text(%q) error = %v, want %v", tt.data, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantMsg) {
					t.Errorf("error %q does not contain %q", err, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Text(%q): %v", tt.data, err)
			}
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.data, got, tt.want)
			}
		})
	}
}

func TestArticleIDLineEndings(t *testing.T) {
	lf := input.ArticleID("One.\nTwo.\n")
	if crlf := input.ArticleID("One.\r\nTwo.\r\n"); crlf != lf {
		t.Errorf("CRLF id %s != LF id %s", crlf, lf)
	}
	if other := input.ArticleID("One.\nTwo!\n"); other == lf {
		t.Errorf("different texts got the same id %s", lf)
	}
	if cr := input.ArticleID("One.\rTwo.\r"); cr != lf {
		t.Errorf("a lone CR is white space like any other (NormalText), got another id than LF's")
	}
	if legacy := input.LegacyArticleID("One.\rTwo.\r"); legacy == input.LegacyArticleID("One.\nTwo.\n") {
		t.Errorf("the legacy id folded a lone CR")
	}
}

func TestTitle(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct{ text, want string }{
		{"Headline here\n\nBody.", "Headline here"},
		{"\n\n  \t\n  Spaced   out\ttitle  \r\nBody", "Spaced out title"},
		{"# Markdown heading\nBody", "Markdown heading"},
		{"### \n## Second\n", "Second"},
		{"", ""},
		{"   \n", ""},
		{long, strings.TrimSpace(strings.Repeat("word ", 24)) + "…"},
		{strings.Repeat("я", 130), strings.Repeat("я", 120) + "…"},
	}
	for _, tt := range tests {
		got := input.Title(tt.text)
		if got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > input.MaxTitle+1 {
			t.Errorf("Title(%q) has %d runes", tt.text, n)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"10MB", 10 << 20}, {"10 mb", 10 << 20}, {"2m", 2 << 20}, {"512KB", 512 << 10},
		{"4096", 4096}, {"1GiB", 1 << 30}, {"7b", 7},
	}
	for _, tt := range tests {
		got, err := input.ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if back, err := input.ParseSize(strings.ReplaceAll(input.FormatSize(got), " bytes", "")); err != nil || back != got {
			t.Errorf("ParseSize(FormatSize(%d)=%q) = %d, %v", got, input.FormatSize(got), back, err)
		}
	}
	for _, bad := range []string{"", "MB", "-1", "0", "ten", "1.5MB", "99999999999999999999", "9000000000GB"} {
		if n, err := input.ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, n)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Russia denied supplying drones.\r\n", "\xEF\xBB\xBFhello", "", " ", "\x00",
		"caf\xe9", "%PDF-1", "\xff\xfeA\x00", "\xfe\xff\x00A\xd8\x00", "\xff\xfe\xff\xfeA\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1 {
			if _, err := input.Text("fuzz", data, len(data)-1); !errors.Is(err, input.ErrTooLarge) {
				t.Fatalf("Text(%q) with limit %d: %v, want ErrTooLarge", data, len(data)-1, err)
			}
		}
		out, err := input.Text("fuzz", data, 0)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz: ") {
				t.Fatalf("error %q does not start with the input name", err)
			}
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q: not valid UTF-8", data, out)
		}
		if strings.TrimSpace(out) == "" || strings.ContainsRune(out, 0) {
			t.Fatalf("Text(%q) = %q: empty or has NUL", data, out)
		}
		again, err := input.Text("fuzz", []byte(out), 0)
		if err != nil || again != out {
			t.Fatalf("not idempotent: Text(%q) = %q, then %q, %v", data, out, again, err)
		}
	})
}
