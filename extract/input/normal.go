package input

import (
	"strings"
	"unicode"
)

// NormalText is what identifies an article: its text with white space,
// markup and typography folded. Every run of white space (line breaks,
// tabs, no-break spaces) becomes one space, and none is left at either
// end; Markdown marks are dropped (a heading's or quote's marks at the
// start of a line, "*" and "`" anywhere); invisible characters (zero-width
// spaces, soft hyphens, byte-order marks) go; curly quotes become straight
// ones, dashes "-", and "…" three dots.
func NormalText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space, lineStart := false, true
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			lineStart = lineStart || r == '\n'
			continue
		case lineStart && (r == '#' || r == '>'):
			continue // a heading's or quote's marks, before its text
		case r == '*' || r == '`' || invisible[r]:
			continue
		}
		lineStart = false
		if space {
			b.WriteByte(' ')
			space = false
		}
		if s, ok := typography[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible are the characters NormalText drops.
var invisible = map[rune]bool{'\u200b': true, '\u200c': true, '\u200d': true, '\u2060': true, '\ufeff': true, '\u00ad': true}

// typography maps curly quotes, dashes and the ellipsis to what a plain
// text would write.
var typography = map[rune]string{
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'…': "...",
}
