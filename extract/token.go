package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence, with its byte span
// in the article text.
type token struct {
	start, end int
	text       string // as written
	low        string // lower case, with curly apostrophes straightened
	cap        bool   // starts with an upper-case letter
	upper      bool   // has letters, all of them upper case
	word       bool   // has a letter or digit
	nl         bool   // a line break stands before it
	para       bool   // a blank line stands before it
	stop       bool   // nl, or low ends in '.', '?' or '!': sentencesInto looks only at these
	hyphen     bool   // a word with a hyphen in it ("al-Assad"): articleName reads only these
	// mayStart: a mention may start at the token (capitalised, of a class
	// of cMayStartMention or with a hyphen): actorsIn tries its chain of
	// rules only at these
	mayStart bool
	// wordInfo holds the vocabulary's knowledge of low: its trigger's
	// index in trigList (tg, 0 if none), its id among the words of
	// dictionary names (wid, 0 if none), its class bits (cls: cPronoun...)
	// and class ids (ids)
	wordInfo
}

// tokenize splits text into tokens. Possessive "'s" and the "n't" of a
// negated auxiliary become tokens of their own; hyphenated words and
// dotted abbreviations ("U.S.") stay whole.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/4+8), text, classTable())
}

// tokenizeInto is tokenize appending to toks, with the word classes and ids
// of vocabulary v.
func tokenizeInto(toks []token, text string, v *vocab) []token {
	var c cursor
	for c.i < len(text) {
		r, size, ok := c.skipSpace(text)
		if !ok {
			continue
		}
		start := c.i
		if size == 1 && !asciiWord[r] {
			// ASCII punctuation: a token of one byte
			c.i++
			toks = pushPunct(toks, text, start, c.nl, c.para, v)
			c.afterToken(text)
			continue
		}
		if size == 1 {
			// an ASCII word: its bytes are classed and hashed as they are
			// scanned; only a word that may go on past its ASCII letters
			// and digits ("U.S.", "5.1", "al-Assad", "Kyiv's", non-ASCII
			// letters) is read again by scanWord and fillToken
			var h uint32
			var f uint8
			c.i, h, f = scanASCIIWord(text, c.i, &wordByte)
			if asciiWordEnds(text, start, c.i) || slugHyphen(toks, text, start, c.i, h, f, v) {
				toks = pushASCIIWord(toks, text, start, c.i, h, f, c.nl || c.para, c.para, v)
				c.afterToken(text)
				continue
			}
		}
		toks = c.otherToken(toks, text, start, r, size, v)
	}
	return toks
}

// cursor is where tokenizeInto is in its text: the next byte, and whether
// a line break (nl) or a blank line (para) came since the last token.
type cursor struct {
	i        int
	nl, para bool
}

// skipSpace reads the rune at c.i: a space (noting line breaks) or a byte
// that is no UTF-8 is stepped over and ok is false; else the rune and its
// size are returned, c.i left on it.
func (c *cursor) skipSpace(text string) (r rune, size int, ok bool) {
	if ch := text[c.i]; ch < utf8.RuneSelf {
		if !asciiSpace[ch] {
			return rune(ch), 1, true
		}
		if ch == '\n' {
			c.para = c.para || c.nl
			c.nl = true
		}
		c.i++
		return 0, 0, false
	}
	r, size = utf8.DecodeRuneInString(text[c.i:])
	if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
		c.i += size
		return 0, 0, false
	}
	return r, size, true
}

// afterToken forgets the line breaks before the token just made and steps
// over the space after it (most tokens have one), rather than leaving it to
// a turn of the loop.
func (c *cursor) afterToken(text string) {
	c.nl, c.para = false, false
	if c.i < len(text) && text[c.i] == ' ' {
		c.i++
	}
}

// otherToken makes the token of a word with more than ASCII letters and
// digits (read on from c.i), or of a non-ASCII symbol, started at start.
func (c *cursor) otherToken(toks []token, text string, start int, r rune, size int, v *vocab) []token {
	switch {
	case !isWordRune(r):
		c.i += size
		toks = pushToken(toks, text, start, c.i, c.nl, c.para, v)
		if r == '\u2019' && possessiveMark(text, start, size) {
			t := &toks[len(toks)-1]
			fillToken(t, "'s", 0, 2, t.nl, t.para, v)
			t.start, t.end, t.text = start, c.i, text[start:c.i]
		}
	case c.scanWord(text)-start >= 3 && (text[c.i-2] == '\'' || text[c.i-2] == 0x99):
		// an apostrophe (' or the last byte of ’) before the last letter:
		// maybe "'s" or "n't" to split off
		toks = appendWord(toks, text, start, c.i, c.nl, c.para, v)
	default:
		toks = pushToken(toks, text, start, c.i, c.nl, c.para, v)
	}
	c.nl, c.para = false, false
	return toks
}

// scanWord moves c.i to the end of the word it is in and returns it.
func (c *cursor) scanWord(text string) int {
	c.i = scanWord(text, c.i)
	return c.i
}

// pushASCIIWord appends the token of the ASCII word text[start:end], whose
// lower case hashes to h and whose byte classes are f: what fillToken makes
// of it, without reading the word again.
func pushASCIIWord(toks []token, text string, start, end int, h uint32, f uint8, nl, para bool, v *vocab) []token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, 1)
	}
	toks = toks[:len(toks)+1]
	t := &toks[len(toks)-1]
	w := text[start:end]
	t.start, t.end, t.text = start, end, w
	t.nl, t.para, t.word, t.stop, t.hyphen = nl, para, true, nl, false
	var sl *vslot
	low := w
	if f&bUpper == 0 {
		t.cap, t.upper = false, false
		sl = v.find(w, h)
	} else {
		t.cap = w[0] >= 'A' && w[0] <= 'Z'
		t.upper = f&bLower == 0
		if sl = v.findLower(w, h); sl != nil {
			low = sl.key
		} else {
			low = strings.ToLower(w)
		}
	}
	t.low = low
	if sl != nil {
		t.wordInfo = sl.wordInfo
		t.mayStart = t.cap || sl.cls&cMayStartMention != 0
	} else {
		t.wordInfo = wordInfo{}
		t.mayStart = t.cap
	}
	return toks
}

// scanASCIIWord reads the ASCII letters and digits from i on: it returns
// where they end, the FNV-1a hash of their lower case and their byte
// classes. The table, wordByte, is passed so that it is in a register
// rather than its address loaded again at every byte.
func scanASCIIWord(text string, i int, tab *[256]uint16) (int, uint32, uint8) {
	s := text[i:]
	h, f := uint32(fnvOffset), uint16(0)
	_ = tab[0] // tab's nil check, once, not in the loop
	j := 0
	for ; j < len(s); j++ {
		e := tab[s[j]]
		if e == 0 {
			break
		}
		f |= e
		h = (h ^ uint32(uint8(e))) * fnvPrime
	}
	return i + j, h, uint8(f >> 8)
}

// wordByte holds, for each ASCII letter and digit, its byte class above
// its lower case (0 for every other byte): one load per byte for
// scanASCIIWord.
var wordByte = func() (w [256]uint16) {
	for c := range utf8.RuneSelf {
		if cl := byteClass[c]; cl&(bUpper|bLower|bDigit) != 0 {
			w[c] = uint16(cl)<<8 | uint16(asciiLower[c])
		}
	}
	return w
}()

// asciiWordEnds reports whether scanWord would end the word started at
// start at i, where text[start:i] holds ASCII letters and digits only.
func asciiWordEnds(text string, start, i int) bool {
	if i == len(text) {
		return true
	}
	c := text[i]
	if c >= utf8.RuneSelf {
		return false
	}
	switch c {
	case '-', '\'', '.', ',', '&':
		// joins the next word rune; a dot also ends "U.S." after a
		// single letter
		if i+1 < len(text) && (text[i+1] >= utf8.RuneSelf || asciiWord[text[i+1]]) {
			return false
		}
		return c != '.' || i-start >= 2
	}
	return true
}

// slugHyphen reports whether the ASCII word text[start:i], before a
// hyphen and a capital letter, is a wire slug glued to a headline
// ("TIMELINE-NATO's enlargement", "FACT CHECK-Vucic claim"): a word of the
// lexicon's class wire-slug written in capitals, or the number after one
// ("UPDATE 2-Congo blames Rwanda"). The slug then ends its word and the
// hyphen is a mark of its own, so that the headline's first name is read.
// Only a word in capitals or digits before a hyphen is looked up.
func slugHyphen(toks []token, text string, start, i int, h uint32, f uint8, v *vocab) bool {
	if text[i] != '-' || f&bLower != 0 || i+1 >= len(text) || text[i+1] < 'A' || text[i+1] > 'Z' {
		return false
	}
	if f&bUpper == 0 {
		return len(toks) > 0 && toks[len(toks)-1].in(lcWireSlug) // "UPDATE 2-"
	}
	sl := v.findLower(text[start:i], h)
	return sl != nil && sl.ids.has(lcWireSlug)
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		w[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return w
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord returns the end of the word starting at i: letters and digits,
// joined by single hyphens, apostrophes, dots (U.S., 5.1) or commas between
// digits (1,000).
func scanWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if r == '-' || isApos(r) || r == '.' || r == ',' || r == '&' {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if i+size < len(text) && isWordRune(next) {
				if r == ',' && !(unicode.IsDigit(next) && i > 0 && text[i-1] >= '0' && text[i-1] <= '9') {
					return i
				}
				if r == '.' && !dotJoins(text, i) {
					return i
				}
				i += size
				continue
			}
			if r == '.' && abbrevDot(text, i) {
				return i + size
			}
		}
		return i
	}
	return i
}

// dotJoins reports whether the dot at i sits inside a number or a dotted
// abbreviation (a single letter before it: "U.S").
func dotJoins(text string, i int) bool {
	if i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
		return true
	}
	return i >= 1 && isSingleLetterBefore(text, i)
}

func isSingleLetterBefore(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsLetter(r) {
		return false
	}
	if i-size == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(text[:i-size])
	return !unicode.IsLetter(p) && !unicode.IsDigit(p)
}

// abbrevDot reports whether the dot at i closes a dotted abbreviation such
// as "U.S." (letter, dot, letter, dot).
func abbrevDot(text string, i int) bool {
	if !isSingleLetterBefore(text, i) {
		return false
	}
	j := i - 1
	for j > 0 && text[j] >= 0x80 && text[j] < 0xC0 {
		j--
	}
	return j >= 2 && text[j-1] == '.' && isSingleLetterBefore(text, j-1)
}

// appendWord adds the word text[start:end], splitting off a possessive
// "'s" (or a plural possessive "'") and a negation "n't".
func appendWord(toks []token, text string, start, end int, nl, para bool, v *vocab) []token {
	w := text[start:end]
	if k := possessiveAt(w); k > 0 {
		toks = append(toks, newToken(text, start, start+k, nl, para, v))
		return append(toks, newToken(text, start+k, end, false, false, v))
	}
	if k := negationAt(w); k > 0 {
		toks = append(toks, newToken(text, start, start+k, nl, para, v))
		return append(toks, newToken(text, start+k, end, false, false, v))
	}
	toks = append(toks, newToken(text, start, end, nl, para, v))
	return toks
}

// possessiveAt returns where a trailing "'s" starts in w, or 0.
func possessiveAt(w string) int {
	if n := len(w); n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return 0
	}
	for _, suf := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// newToken makes the token text[start:end] and gives it the classes and
// word id of its lower-case form in v.
func newToken(text string, start, end int, nl, para bool, v *vocab) token {
	var t token
	fillToken(&t, text, start, end, nl, para, v)
	return t
}

// pushToken appends newToken(text, start, end, nl, para, v) to toks,
// making it in place.
func pushToken(toks []token, text string, start, end int, nl, para bool, v *vocab) []token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, 1)
	}
	toks = toks[:len(toks)+1]
	fillToken(&toks[len(toks)-1], text, start, end, nl, para, v)
	return toks
}

// pushPunct appends the token of the ASCII punctuation mark text[i].
func pushPunct(toks []token, text string, i int, nl, para bool, v *vocab) []token {
	if len(toks) == cap(toks) {
		toks = slices.Grow(toks, 1)
	}
	toks = toks[:len(toks)+1]
	s := text[i : i+1]
	p := &v.punct[text[i]]
	t := &toks[len(toks)-1]
	if s == "'" && possessiveMark(text, i, 1) {
		// "the Philippines' navy": the plural possessive reads as "'s"
		fillToken(t, "'s", 0, 2, nl, para, v)
		t.start, t.end, t.text = i, i+1, s
		return toks
	}
	t.start, t.end, t.text, t.low = i, i+1, s, s
	t.cap, t.upper, t.word, t.nl, t.para, t.hyphen = false, false, false, nl || para, para, false
	t.stop = nl || para || s == "." || s == "?" || s == "!"
	t.wordInfo = *p
	t.mayStart = p.cls&cMayStartMention != 0
	return toks
}

// fillToken sets *t to the token text[start:end]: see newToken.
func fillToken(t *token, text string, start, end int, nl, para bool, v *vocab) {
	s := text[start:end]
	*t = token{start: start, end: end, text: s, nl: nl || para, para: para, hyphen: strings.IndexByte(s, '-') >= 0}
	var f uint8
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		f |= byteClass[c]
		h = (h ^ uint32(asciiLower[c])) * fnvPrime
	}
	if f&bNonASCII == 0 {
		// the common case: no string is built, the lower case of a
		// capitalised word is the vocabulary's own copy when it has one
		t.word = f&(bUpper|bLower|bDigit) != 0
		t.cap = s[0] >= 'A' && s[0] <= 'Z'
		t.upper = f&bUpper != 0 && f&bLower == 0
		var sl *vslot
		if f&bUpper == 0 {
			t.low = s
			if s == "``" || s == "''" {
				t.low = "\""
				h = fnvString(t.low)
			} else if s == "--" {
				t.low = "-"
				h = fnvString(t.low)
			}
			sl = v.find(t.low, h)
		} else if sl = v.findLower(s, h); sl != nil {
			t.low = sl.key
		} else {
			t.low = strings.ToLower(s)
		}
		if sl != nil {
			t.wordInfo = sl.wordInfo
		}
		t.stop = t.nl || endsSentenceMark(t.low)
		t.mayStart = t.cap || t.hyphen || t.is(cMayStartMention)
		return
	}
	fillNonASCII(t, s, v)
}

// fillNonASCII fills the token of s, a word or symbol with non-ASCII
// bytes: its lower case with curly quotes and dashes made plain, and its
// classes.
func fillNonASCII(t *token, s string, v *vocab) {
	t.low = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	first, _ := utf8.DecodeRuneInString(s)
	t.cap = unicode.IsUpper(first)
	letters, uppers := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t.word = true
		}
	}
	t.upper = letters > 0 && letters == uppers
	switch t.low {
	case "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb":
		t.low = "\""
	case "\u2018":
		t.low = "'"
	case "\u2014", "\u2013":
		t.low = "-"
	}
	if sl := v.find(t.low, fnvString(t.low)); sl != nil {
		t.wordInfo = sl.wordInfo
	}
	t.stop = t.nl || endsSentenceMark(t.low)
	t.mayStart = t.cap || t.hyphen || t.is(cMayStartMention)
}

// endsSentenceMark reports whether low ends in '.', '?' or '!'.
func endsSentenceMark(low string) bool {
	if low == "" {
		return false
	}
	c := low[len(low)-1]
	return c == '.' || c == '?' || c == '!'
}

// maxSentence bounds a sentence's length in tokens; longer runs are cut.
const maxSentence = 160

// sentence is a run of tokens [from, to) and its byte span.
type sentence struct {
	from, to   int
	start, end int
}

// sentences splits tokens into sentences: after ". ? !" (and any closing
// quotes or brackets) when the next token starts a sentence, and at blank
// lines or line breaks after a line without final punctuation (headlines).
func sentences(toks []token) []sentence {
	return sentencesInto(nil, toks)
}

// sentencesInto is sentences appending to out.
func sentencesInto(out []sentence, toks []token) []sentence {
	from := 0
	emit := func(to int) {
		out = appendSentence(out, toks, from, to)
		from = to
	}
	for i := 0; i < len(toks); i++ {
		if !toks[i].stop {
			continue // neither test below holds
		}
		t := &toks[i]
		if i > from && t.nl {
			if t.para || !continues(&toks[i-1]) {
				emit(i)
			}
		}
		if !endsSentenceMark(t.low) {
			continue // the common case of the test below
		}
		if t.low != "." && t.low != "?" && t.low != "!" && !strings.HasSuffix(t.low, ".") {
			continue
		}
		if strings.HasSuffix(t.low, ".") && len(t.low) > 1 && t.low != "..." {
			// a dotted abbreviation ending a sentence ("... the U.S. The")
			if i+1 < len(toks) && toks[i+1].cap && !toks[i+1].is(cPersonTitle) && !toks[i+1].nl {
				if toks[i+1].is(cSentenceStarter) {
					emit(i + 1)
				}
			}
			continue
		}
		if t.low == "." && i > from && isAbbrev(&toks[i-1]) {
			continue
		}
		if j := sentenceEnd(toks, i); j > 0 {
			emit(j)
			i = j - 1
		}
	}
	emit(len(toks))
	return out
}

// sentenceEnd returns where the sentence whose final mark is at i ends,
// after closing quotes and further marks, if the next token starts a
// sentence; else 0.
func sentenceEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && (closing(toks, j) || toks[j].low == "." || toks[j].low == "?" || toks[j].low == "!") {
		j++
	}
	if j >= len(toks) || toks[j].cap || toks[j].low == "\"" || toks[j].nl || !toks[j].word || startsDigit(toks[j].text) {
		return j
	}
	return 0
}

// appendSentence appends the sentence toks[from:to]; a run-on "sentence"
// (a list, a file with no punctuation) is cut at a comma or semicolon into
// pieces of at most maxSentence tokens, so that every later scan stays
// short.
func appendSentence(out []sentence, toks []token, from, to int) []sentence {
	for to-from > maxSentence {
		cut := from + maxSentence
		for k := cut - 1; k > from+maxSentence/2; k-- {
			if toks[k].low == "," || toks[k].low == ";" {
				cut = k + 1
				break
			}
		}
		out = append(out, sentence{from: from, to: cut, start: toks[from].start, end: toks[cut-1].end})
		from = cut
	}
	if to > from {
		out = append(out, sentence{from: from, to: to, start: toks[from].start, end: toks[to-1].end})
	}
	return out
}

func continues(prev *token) bool {
	r, _ := utf8.DecodeLastRuneInString(prev.text)
	return unicode.IsLower(r) || prev.low == "," || prev.low == "-"
}

func isAbbrev(t *token) bool {
	if t.cls&cAbbrev != 0 {
		return true
	}
	// an initial: a single capital letter
	return utf8.RuneCountInString(t.text) == 1 && t.cap
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// closing reports whether toks[j] closes a quotation or bracket: a right
// quote, or a straight quote that is not opening one (an opening quote has
// a space before it and its word right after it).
func closing(toks []token, j int) bool {
	t := &toks[j]
	switch t.text {
	case ")", "]", "\u201d", "\u2019", "\u00bb", "''":
		return true
	case "\"", "'":
		opening := j > 0 && t.start > toks[j-1].end && j+1 < len(toks) && toks[j+1].start == t.end
		return !opening
	}
	return false
}

// negationAt returns where a trailing "n't" (or "n’t") starts in w, or 0.
func negationAt(w string) int {
	if n := len(w); n < 4 || w[n-1] != 't' && w[n-1] != 'T' {
		return 0
	}
	for _, suf := range []string{"n't", "N'T", "n\u2019t", "N\u2019T"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// possessiveMark reports an apostrophe of size bytes at text[i] that is a
// plural possessive: right after a word ending in "s" ("Philippines'",
// "Houthis'"), before a space and a letter, and closing no single quote
// opened before it on its line ("the so-called 'arms deals' between" is
// a quote).
func possessiveMark(text string, i, size int) bool {
	if i == 0 || text[i-1] != 's' && text[i-1] != 'S' || i+size+1 >= len(text) || text[i+size] != ' ' {
		return false
	}
	if c := text[i+size+1]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	for j := i - 1; j >= 0 && text[j] != '\n'; j-- {
		if open := text[j] == '\'' || strings.HasPrefix(text[j:], "\u2018"); open && (j == 0 || text[j-1] == ' ' || text[j-1] == '(' || text[j-1] == '\n') {
			return false
		}
	}
	return true
}
