package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
)

// tableStyle says how a table is decorated for where it is printed: on
// a terminal, lines are cut to its width and, unless NO_COLOR is set (or
// TERM is dumb), column headers are bold and relation names coloured.
// Anywhere else the table is plain text.
type tableStyle struct {
	width int  // cut lines to this many columns; 0: do not cut
	color bool // ANSI colours
}

// styleFor returns the style for tables written to w.
func styleFor(w io.Writer) tableStyle {
	f, ok := w.(interface{ Fd() uintptr }) // *os.File, stdoutWriter
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return tableStyle{}
	}
	st := tableStyle{color: colorAllowed(os.Getenv)}
	if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
		st.width = width
	}
	return st
}

// colorAllowed follows https://no-color.org: any non-empty NO_COLOR turns
// colour off; so does TERM=dumb.
func colorAllowed(getenv func(string) string) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// relationColors are the ANSI colours of the relation names in tables,
// the same hues as in the pictures: accusations red, denials amber,
// supplies blue, alliances green, recognitions purple.
var relationColors = map[string]string{
	"accuses": "31", "denies": "33", "supplies": "34", "allies-with": "32", "recognizes": "35",
}

// headerLine and relationWord are compiled when a table is first
// decorated, not at start-up: a package-level regexp.MustCompile runs
// before main in every command, --version included.
var (
	headerLine   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z][A-Z_]*( +[A-Z][A-Z_]*)+ *$`) })
	relationWord = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(^|[ (])(accuses|denies|supplies|allies-with|recognizes)([ ),]|$)`)
	})
)

// apply decorates an aligned table (lines already padded with spaces).
// Lines are cut before colours are added, so escapes never count towards
// the width and alignment is kept.
func (st tableStyle) apply(table string) string {
	if st.width == 0 && !st.color {
		return table
	}
	lines := strings.SplitAfter(table, "\n")
	var b strings.Builder
	for _, line := range lines {
		text, nl := strings.CutSuffix(line, "\n")
		header := headerLine().MatchString(text)
		if st.width > 0 {
			text = cut(text, st.width)
		}
		if st.color {
			text = paint(text, header)
		}
		b.WriteString(text)
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// paint makes a header line bold, or colours the relation names in
// another line.
func paint(line string, header bool) string {
	if header {
		return "\x1b[1m" + line + "\x1b[0m"
	}
	rw := relationWord()
	return rw.ReplaceAllStringFunc(line, func(m string) string {
		sub := rw.FindStringSubmatch(m)
		return sub[1] + "\x1b[" + relationColors[sub[2]] + "m" + sub[2] + "\x1b[0m" + sub[3]
	})
}

// cut shortens line to width columns (counting runes), ending it with
// "…" when something was cut.
func cut(line string, width int) string {
	line = strings.TrimRight(line, " ")
	if utf8.RuneCountInString(line) <= width {
		return line
	}
	n := 0
	for i := range line {
		if n == width-1 {
			return strings.TrimRight(line[:i], " ") + "…"
		}
		n++
	}
	return line
}

// styledWriter buffers a table written to it and writes it decorated
// for w when flushed.
type styledWriter struct {
	bytes.Buffer
	w     io.Writer
	style tableStyle
}

// tableWriter returns a writer for a table to be printed on w, and the
// function that prints it: plain when w is not a terminal, else cut to the
// terminal's width and coloured (unless NO_COLOR is set). Every listing's
// table format goes through it.
func tableWriter(w io.Writer) (io.Writer, func() error) {
	st := styleFor(w)
	if st == (tableStyle{}) {
		// one write for many lines: a view of thousands of links otherwise
		// costs thousands of system calls
		bw := bufio.NewWriterSize(w, 64<<10)
		return bw, func() error {
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			return nil
		}
	}
	sw := &styledWriter{w: w, style: st}
	return sw, func() error {
		if _, err := io.WriteString(sw.w, sw.style.apply(sw.String())); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
}

// writeTable prints the table that fill writes, styled for w (see
// tableWriter).
func writeTable(w io.Writer, fill func(io.Writer) error) error {
	tw, flush := tableWriter(w)
	if err := fill(tw); err != nil {
		return err
	}
	return flush()
}

// writeJSON writes v as indented JSON: the listings' --format json.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// tabulate writes what fill prints through an aligning tabwriter.
func tabulate(w io.Writer, fill func(tw io.Writer)) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fill(tw)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// checkListFormat accepts the listings' --format values: table or json.
func checkListFormat(cmd, format string) error {
	if format != "table" && format != "json" {
		return usagef(cmd, "--format %q: want table or json", format)
	}
	return nil
}

// cell makes s safe for one table cell: control characters (a line break
// or tab in a file name would break the table's rows and columns) are
// written as Go escapes, \n, \t, \x1b.
func cell(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// validUTF8 returns s with each byte that is not part of valid UTF-8
// written \xNN, so that a file name in another encoding is kept, readable
// and whole, instead of becoming U+FFFD in the store's JSON.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "\\x%02x", s[i])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
