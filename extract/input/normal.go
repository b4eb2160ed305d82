package input

import (
	"unicode"
	"unicode/utf8"
)

// NormalText is what identifies an article: its text with white space,
// markup and typography folded. Every run of white space (line breaks,
// tabs, no-break spaces) becomes one space, and none is left at either
// end; Markdown marks are dropped (a heading's or quote's marks at the
// start of a line, "*" and "`" anywhere); invisible characters (zero-width
// spaces, soft hyphens, byte-order marks) go; curly quotes become straight
// ones, dashes "-", and "…" three dots.
func NormalText(text string) string {
	return string(appendNormal(make([]byte, 0, len(text)), text))
}

// appendNormal appends NormalText(text) to b.
func appendNormal(b []byte, text string) []byte {
	space, lineStart := false, true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII: most of a text, decided by a table
			i++
			switch asciiClass[c] {
			case asciiSpace:
				space = len(b) > 0
				lineStart = lineStart || c == '\n'
				continue
			case asciiMark:
				continue
			case asciiLineMark:
				if lineStart {
					continue
				}
			}
			lineStart = false
			if space {
				b = append(b, ' ')
				space = false
			}
			// the run of plain ASCII text from here, copied at once
			j := i
			for j < len(text) && text[j] < utf8.RuneSelf && asciiClass[text[j]] == asciiText {
				j++
			}
			b = append(b, text[i-1:j]...)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch fold := foldRune(r); {
		case unicode.IsSpace(r):
			space = len(b) > 0
		case fold == "\x00":
			// invisible
		default:
			lineStart = false
			if space {
				b = append(b, ' ')
				space = false
			}
			if fold != "" {
				b = append(b, fold...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return b
}

// The classes of ASCII characters NormalText treats apart.
const (
	asciiText     = iota
	asciiSpace    // white space
	asciiMark     // a Markdown mark anywhere: * `
	asciiLineMark // a Markdown mark at the start of a line: # >
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\v\f\r" {
		t[c] = asciiSpace
	}
	t['*'], t['`'] = asciiMark, asciiMark
	t['#'], t['>'] = asciiLineMark, asciiLineMark
	return t
}()

// foldRune is what NormalText writes for a non-ASCII rune: "\x00" for an
// invisible one (dropped), a plain text's character for curly quotes,
// dashes and the ellipsis, "" to keep it as it is.
func foldRune(r rune) string {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return "\x00"
	case '‘', '’', '‚', '‛', '′':
		return "'"
	case '“', '”', '„', '‟', '″', '«', '»':
		return `"`
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-"
	case '…':
		return "..."
	}
	return ""
}
