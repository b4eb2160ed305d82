package input

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Format is how an input's bytes are read.
type Format string

// The input formats.
const (
	FormatText  Format = "text"  // one article, the whole input (.txt, .md and anything else)
	FormatHTML  Format = "html"  // one web page (.html, .htm), read with HTML
	FormatJSONL Format = "jsonl" // one article per line (.jsonl, .ndjson), read with JSONL
)

// formatExt maps file name extensions to formats.
var formatExt = map[string]Format{
	".txt": FormatText, ".md": FormatText,
	".html": FormatHTML, ".htm": FormatHTML,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
}

// ParseFormat parses "text", "html" or "jsonl" (case does not matter).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatText, FormatHTML, FormatJSONL:
		return f, nil
	}
	return "", fmt.Errorf("input format %q: want text, html or jsonl", s)
}

// FormatOf returns the format of the file called path from its extension,
// looking through a final ".gz": "a.html.gz" is HTML. Unknown extensions
// are text.
func FormatOf(path string) Format {
	if f, ok := formatExt[ext(path)]; ok {
		return f
	}
	return FormatText
}

// IsGzip reports whether path names a gzip-compressed file (".gz").
func IsGzip(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".gz")
}

// ext returns the lower-case extension of name, after removing a ".gz".
func ext(name string) string {
	if IsGzip(name) {
		name = name[:len(name)-len(".gz")]
	}
	return strings.ToLower(filepath.Ext(name))
}

// File is an input file open for reading, decompressed if its name ends
// in ".gz".
type File struct {
	Info fs.FileInfo // the file on disk
	r    io.Reader
	f    *os.File
	disk *countingReader // bytes read from the file on disk
}

// Open opens the file at path for reading, decompressing it if its name
// ends in ".gz". Errors, including those of later reads, read "PATH:
// problem"; a file that is not gzip data gets "PATH: gzip: ...".
//
// A FIFO is opened without waiting for a writer (openFlags): with none,
// it reads as empty; with one, reads wait in Go's poller, so a caller
// that gives up on them (Ctrl-C) is not stuck in a system call.
func Open(path string) (*File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, pathError(path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, pathError(path, err)
	}
	if info.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: is a folder", path)
	}
	file := &File{Info: info, f: f, disk: &countingReader{r: f}}
	file.r = file.disk
	if !IsGzip(path) {
		return file, nil
	}
	zr, err := gzip.NewReader(bufio.NewReader(file.disk))
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: gzip: %w", path, gzipProblem(err))
	}
	file.r = &gzipReader{zr}
	return file, nil
}

// Read reads the file's (decompressed) bytes.
func (f *File) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil && err != io.EOF {
		err = pathError(f.f.Name(), err)
	}
	return n, err
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// Consumed returns how many bytes of the file on disk have been read so
// far (compressed bytes for a ".gz" file), for progress reports.
func (f *File) Consumed() int64 { return f.disk.n }

// Decompress returns r, decompressed if it starts like gzip data: for
// standard input, which has no name to go by.
func Decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) < 2 || magic[0] != 0x1F || magic[1] != 0x8B {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", gzipProblem(err))
	}
	return &gzipReader{zr}, nil
}

// gzipReader says which errors come from decompression.
type gzipReader struct{ zr *gzip.Reader }

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", gzipProblem(err))
	}
	return n, err
}

// gzipProblem says a truncated stream is truncated.
func gzipProblem(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("truncated data: %w", err)
	}
	return err
}
