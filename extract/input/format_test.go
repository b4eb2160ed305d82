package input_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"geokg/extract/input"
)

// FuzzGzip reads arbitrary bytes as a .gz file: never more than the limit
// plus one byte comes out, errors name the file, and valid gzip data gives
// back what was compressed.
func FuzzGzip(f *testing.F) {
	for _, s := range []string{"Iran supplied drones.", "", strings.Repeat("x", 5000)} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		f.Add(b.Bytes(), false)
		f.Add(b.Bytes()[:b.Len()/2], false)
		f.Add(append(b.Bytes(), b.Bytes()...), true)
	}
	f.Add([]byte("\x1f\x8b\x08\x00garbage"), false)
	f.Add([]byte("plain text"), true)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, stdin bool) {
		const limit = 1000
		if stdin {
			r, err := input.Decompress(bytes.NewReader(data))
			if err != nil {
				if !strings.HasPrefix(err.Error(), "gzip: ") {
					t.Fatalf("error %q", err)
				}
				return
			}
			out, _ := input.Read(r, limit)
			if len(out) > limit+1 {
				t.Fatalf("read %d bytes, limit %d", len(out), limit)
			}
			return
		}
		path := filepath.Join(dir, "f.txt.gz")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, _, err := input.ReadFile(path, limit)
		if err != nil {
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if len(out) > limit+1 {
			t.Fatalf("read %d bytes, limit %d", len(out), limit)
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("ReadFile accepted data gzip rejects: %v", err)
		}
		want, _ := io.ReadAll(io.LimitReader(zr, limit+1))
		if !bytes.Equal(out, want) {
			t.Fatalf("ReadFile = %q, want %q", out, want)
		}
	})
}

// FuzzParseDate: a date that parses is midnight UTC, and reads back the
// same from its YYYY-MM-DD form.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-14", "2024-03-14T23:30:00-05:00", "Thu, 14 Mar 2024 10:00:00 GMT", "March 14, 2024", "0000-01-01", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := input.ParseDate(s)
		if err != nil {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		again, err := input.ParseDate(d.Format("2006-01-02"))
		if err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v, but its date form reads %v, %v", s, d, again, err)
		}
	})
}
