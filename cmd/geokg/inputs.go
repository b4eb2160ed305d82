package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"geokg/extract/input"
)

// inputFormatsHelp explains the input formats in ingest's and extract's
// help.
const inputFormatsHelp = `
INPUT FORMATS
  .txt .md          one article per file (UTF-8, or UTF-16 with a BOM)
  .html .htm        a saved web page: its main text, found by readability
                    (menus, scripts, styles and comments left out); title,
                    date and URL from the page's metadata. Nothing is run or
                    fetched.
  .jsonl .ndjson    one article per line: text from "text", "content" or
                    "body"; "title", "date" or "published" (a date, a
                    timestamp or Unix seconds), "url", "source". Name other
                    fields with --text-field, --title-field, --date-field,
                    --url-field, --source-field (a.b looks inside objects).
                    A bad line is reported as FILE:LINE and skipped.
  any of them .gz   decompressed on the fly; --max-size applies to the
                    decompressed text (to each line for JSON Lines)
  Standard input is read as gzip if it is, as HTML if it starts with
  <!DOCTYPE or <html, as JSON Lines if it starts with {", else as text;
  --input-format forces a format for every input.

DATES AND METADATA
  An article's date is --date if given, else the page's or JSON line's
  date, else a dated dateline or byline at the start of the text ("VIENNA,
  3 March 2025 (Reuters) -", "Published 2025-03-03"), else the file's
  modification day (today for stdin), with a warning naming the input.
  --title, --source and --url likewise come before what the input says,
  which comes before the defaults (the first line, the file name).
`

// formatOptions are the flags that say how to read web pages and JSON
// Lines inputs.
type formatOptions struct {
	InputFormat string
	TextField   []string
	TitleField  []string
	DateField   []string
	URLField    []string
	SourceField []string
}

func (o *formatOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.InputFormat, "input-format", "auto", "read every input as `FORMAT`: auto (by extension), text, html or jsonl")
	f.StringSliceVar(&o.TextField, "text-field", nil, "JSON Lines: `field` holding the text (default text, content, body; repeatable, a.b for nested)")
	f.StringSliceVar(&o.TitleField, "title-field", nil, "JSON Lines: `field` holding the title (default title)")
	f.StringSliceVar(&o.DateField, "date-field", nil, "JSON Lines: `field` holding the date (default date, published)")
	f.StringSliceVar(&o.URLField, "url-field", nil, "JSON Lines: `field` holding the URL (default url)")
	f.StringSliceVar(&o.SourceField, "source-field", nil, "JSON Lines: `field` holding the source (default source)")
}

// formats is formatOptions parsed.
type formats struct {
	force  input.Format // "" = by extension (files) or by content (stdin)
	fields input.Fields
}

func (o formatOptions) parse(cmd string) (formats, error) {
	var fm formats
	if o.InputFormat != "" && o.InputFormat != "auto" {
		f, err := input.ParseFormat(o.InputFormat)
		if err != nil {
			return fm, usagef(cmd, "--input-format %q: want auto, text, html or jsonl", o.InputFormat)
		}
		fm.force = f
	}
	fm.fields = input.DefaultFields()
	for _, p := range []struct {
		flag string
		val  []string
		dst  *[]string
	}{
		{"--text-field", o.TextField, &fm.fields.Text}, {"--title-field", o.TitleField, &fm.fields.Title},
		{"--date-field", o.DateField, &fm.fields.Date}, {"--url-field", o.URLField, &fm.fields.URL},
		{"--source-field", o.SourceField, &fm.fields.Source},
	} {
		for _, v := range p.val {
			if strings.TrimSpace(v) == "" {
				return fm, usagef(cmd, "%s: want a field name", p.flag)
			}
		}
		if len(p.val) > 0 {
			*p.dst = p.val
		}
	}
	return fm, nil
}

// readInput sends the docs of the file at path: one for a text file or a
// web page, one per line for JSON Lines.
func (d articleDefaults) readInput(path string, send func(*doc) error) error {
	format := d.formats.force
	if format == "" {
		format = input.FormatOf(path)
	}
	switch format {
	case input.FormatHTML:
		data, info, err := input.ReadFile(path, d.maxSize)
		if err != nil {
			return send(&doc{path: path, err: err})
		}
		return send(d.pageDoc(path, path, data, info.ModTime(), info.Size()))
	case input.FormatJSONL:
		f, err := input.Open(path)
		if err != nil {
			return send(&doc{path: path, err: err})
		}
		defer f.Close()
		return d.readLines(path, path, f, f.Info.ModTime(), f.Consumed, send)
	}
	data, info, err := input.ReadFile(path, d.maxSize)
	if err != nil {
		return send(&doc{path: path, err: err})
	}
	doc := d.newDoc(path, path, data, info.ModTime())
	doc.inBytes = info.Size()
	return send(doc)
}

// readStdinInputs sends the docs of standard input: decompressed if it is
// gzip data, read as --input-format says or else as a web page if it starts
// like one, JSON Lines if it starts with {", text otherwise.
func (d articleDefaults) readStdinInputs(send func(*doc) error) error {
	r, err := input.Decompress(d.stdin)
	if err != nil {
		return send(&doc{path: "-", err: fmt.Errorf("stdin: %w", err)})
	}
	br := bufio.NewReader(r)
	format := d.formats.force
	if format == "" {
		head, _ := br.Peek(512)
		format = sniff(head)
	}
	now := d.now()
	switch format {
	case input.FormatJSONL:
		return d.readLines("-", "stdin", br, now, nil, send)
	case input.FormatHTML:
		data, err := input.Read(br, d.maxSize)
		if err != nil {
			return send(&doc{path: "-", err: fmt.Errorf("stdin: %w", err)})
		}
		return send(d.pageDoc("-", "stdin", data, now, int64(len(data))))
	}
	data, err := input.Read(br, d.maxSize)
	if err != nil {
		return send(&doc{path: "-", err: fmt.Errorf("stdin: %w", err)})
	}
	return send(d.newDoc("-", "stdin", data, now))
}

// sniff guesses the format of standard input from its first bytes.
func sniff(head []byte) input.Format {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(head[:min(len(head), 9)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype")), bytes.HasPrefix(lower, []byte("<html")):
		return input.FormatHTML
	case bytes.HasPrefix(head, []byte(`{"`)):
		return input.FormatJSONL
	}
	return input.FormatText
}

// pageDoc returns the doc of a web page, to be read by a worker: finding
// the text takes readability milliseconds per page, so pages are read in
// parallel.
func (d articleDefaults) pageDoc(path, name string, data []byte, modified time.Time, size int64) *doc {
	return &doc{path: path, inBytes: size, decode: func(dc *doc) {
		a, err := readPage(name, data, d.maxSize)
		if err != nil {
			dc.err = err
			return
		}
		read := d.articleDoc(path, name, a, modified)
		dc.art, dc.text, dc.err = read.art, read.text, read.err
	}}
}

// readPage is input.HTML, turning a panic in the HTML reader (a bug, on a
// page no test has seen) into an error about that page.
func readPage(name string, data []byte, maxSize int) (a input.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: the HTML reader failed on this page (a bug: %v)", name, r)
		}
	}()
	return input.HTML(name, data, maxSize)
}

// readLines sends one doc per line of a JSON Lines input; a doc's path is
// "NAME:LINE". consumed, if not nil, reports how many bytes of the file
// on disk have been read, for progress.
func (d articleDefaults) readLines(path, name string, r io.Reader, modified time.Time, consumed func() int64, send func(*doc) error) error {
	var last int64
	err := input.JSONL(name, r, d.formats.fields, d.maxSize, func(l input.Line) error {
		at := fmt.Sprintf("%s:%d", name, l.N)
		dc := &doc{path: at, err: l.Err}
		if l.Err == nil {
			dc = d.articleDoc(at, name, l.Article, modified)
		}
		if consumed != nil {
			now := consumed()
			dc.inBytes, last = now-last, now
		}
		return send(dc)
	})
	if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return send(&doc{path: path, err: err})
	}
	return err
}

// articleDoc describes an article read from HTML or JSON Lines: see
// describe.
func (d articleDefaults) articleDoc(path, name string, a input.Article, modified time.Time) *doc {
	text, err := input.Text(name, []byte(a.Text), d.maxSize)
	if err != nil {
		return &doc{path: path, err: err}
	}
	return d.describe(path, name, text, a, modified)
}
