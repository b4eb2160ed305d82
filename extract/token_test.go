package extract

import (
	"slices"
	"strings"
	"testing"
)

// words returns the tokens' texts after checking that every token's
// offsets point at its text.
func words(t *testing.T, text string, toks []token) []string {
	t.Helper()
	if err := checkTokens(text, toks); err != nil {
		t.Fatalf("tokenize(%q): %v", text, err)
	}
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = tk.text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // tokens separated by " | "
	}{
		{"plain", "Russia accused Ukraine.", "Russia | accused | Ukraine | ."},
		{"possessive", "Russia's army", "Russia | 's | army"},
		{"curly possessive", "Russia\u2019s army", "Russia | \u2019s | army"},
		{"capital possessive", "NATO'S plan", "NATO | 'S | plan"},
		{"plural possessive", "the allies' plan", "the | allies | ' | plan"},
		{"it's", "It's over", "It | 's | over"},
		{"negation", "Kyiv didn't send it", "Kyiv | did | n't | send | it"},
		{"curly negation", "It doesn\u2019t", "It | does | n\u2019t"},
		{"won't", "Seoul won't", "Seoul | wo | n't"},
		{"capital negation", "DIDN'T", "DID | N'T"},
		{"U.S.", "The U.S. said", "The | U.S. | said"},
		{"U.S. at the end", "to the U.S.", "to | the | U.S."},
		{"U.N. Security Council", "the U.N. Security Council", "the | U.N. | Security | Council"},
		{"e.g.", "e.g. this", "e.g. | this"},
		{"p.m.", "at 3 p.m. Monday", "at | 3 | p.m. | Monday"},
		{"US then dot", "the US.", "the | US | ."},
		{"Mr. splits", "Mr. Kim", "Mr | . | Kim"},
		{"decimal", "5.1 million", "5.1 | million"},
		{"thousands", "1,000 tanks", "1,000 | tanks"},
		{"millions", "1,000,000 rounds", "1,000,000 | rounds"},
		{"number then full stop", "in 2024.", "in | 2024 | ."},
		{"decimal then full stop", "rose 3.14.", "rose | 3.14 | ."},
		{"comma between words", "Russia,Ukraine", "Russia | , | Ukraine"},
		{"comma after number", "5, 6 and 5,a", "5 | , | 6 | and | 5 | , | a"},
		{"hyphenated name", "Kim Yo-jong said", "Kim | Yo-jong | said"},
		{"hyphenated name 2", "Abdul-Malik al-Houthi", "Abdul-Malik | al-Houthi"},
		{"double hyphen", "Kyiv--Moscow", "Kyiv | - | - | Moscow"},
		{"trailing hyphen", "pro- and anti-war", "pro | - | and | anti-war"},
		{"ampersand", "A&B Corp.", "A&B | Corp | ."},
		{"currency", "$5", "$ | 5"},
		{"curly quotes", "\u201cWe deny it,\u201d he said.", "\u201c | We | deny | it | , | \u201d | he | said | ."},
		{"single curly quotes", "\u2018no\u2019", "\u2018 | no | \u2019"},
		{"straight quotes", `"We deny it," he said`, `" | We | deny | it | , | " | he | said`},
		{"guillemets", "\u00abnon\u00bb", "\u00ab | non | \u00bb"},
		{"em dash", "Kyiv\u2014Moscow", "Kyiv | \u2014 | Moscow"},
		{"accents", "Jos\u00e9 \u00c1lvarez", "Jos\u00e9 | \u00c1lvarez"},
		{"combining accent", "Jose\u0301 said", "Jose\u0301 | said"},
		{"Cyrillic", "\u041c\u043e\u0441\u043a\u0432\u0430 said", "\u041c\u043e\u0441\u043a\u0432\u0430 | said"},
		{"Devanagari vowel signs", "\u0928\u0930\u0947\u0902\u0926\u094d\u0930 said", "\u0928\u0930\u0947\u0902\u0926\u094d\u0930 | said"},
		{"parentheses", "(NATO)", "( | NATO | )"},
		{"spaces only", " \t\n\n ", ""},
		{"empty", "", ""},
		{"invalid UTF-8 skipped", "Kyiv\xff\xfe said", "Kyiv | said"},
		{"NBSP separates", "Kim\u00a0Jong", "Kim | Jong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(t, tt.text, tokenize(tt.text))
			var want []string
			if tt.want != "" {
				want = strings.Split(tt.want, " | ")
			}
			if !slices.Equal(got, want) {
				t.Fatalf("tokenize(%q)\n got %q\nwant %q", tt.text, got, want)
			}
		})
	}
}

func TestTokenFields(t *testing.T) {
	text := "Title\n\nThe U.S. \u201cdenied\u201d it\nKyiv\u2019s NATO 5"
	toks := tokenize(text)
	type fields struct {
		text, low            string
		cap, upper, word, nl bool
		para                 bool
	}
	want := []fields{
		{"Title", "title", true, false, true, false, false},
		{"The", "the", true, false, true, true, true},
		{"U.S.", "u.s.", true, true, true, false, false},
		{"\u201c", "\"", false, false, false, false, false},
		{"denied", "denied", false, false, true, false, false},
		{"\u201d", "\"", false, false, false, false, false},
		{"it", "it", false, false, true, false, false},
		{"Kyiv", "kyiv", true, false, true, true, false},
		{"\u2019s", "'s", false, false, true, false, false},
		{"NATO", "nato", true, true, true, false, false},
		{"5", "5", false, false, true, false, false},
	}
	if len(toks) != len(want) {
		t.Fatalf("tokenize(%q) gave %d tokens %q, want %d", text, len(toks), words(t, text, toks), len(want))
	}
	for i, tk := range toks {
		got := fields{tk.text, tk.low, tk.cap, tk.upper, tk.word, tk.nl, tk.para}
		if got != want[i] {
			t.Errorf("token %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	// Offsets are bytes into the text, also after multi-byte runes and
	// skipped invalid bytes.
	text := "\u00c9lys\u00e9e\xff \u201cKyiv\u2019s\u201d \u2014 U.S. 1,000"
	toks := tokenize(text)
	words(t, text, toks)
	for _, tk := range toks {
		if got := text[tk.start:tk.end]; got != tk.text {
			t.Errorf("text[%d:%d] = %q, token %q", tk.start, tk.end, got, tk.text)
		}
	}
	if k := slices.IndexFunc(toks, func(tk token) bool { return tk.text == "Kyiv" }); k < 0 || toks[k].start != strings.Index(text, "Kyiv") {
		t.Fatalf("Kyiv token %d not at byte %d: %+v", k, strings.Index(text, "Kyiv"), toks)
	}
}

// split returns the sentences of text as strings.
func split(t *testing.T, text string) []string {
	t.Helper()
	toks := tokenize(text)
	ss := sentences(toks)
	if err := checkSentences(toks, ss); err != nil {
		t.Fatalf("sentences(%q): %v", text, err)
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text[s.start:s.end]
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two", "Russia accused Ukraine. Kyiv denied it.", []string{"Russia accused Ukraine.", "Kyiv denied it."}},
		{"question and exclamation", "Is it true? Yes! It is.", []string{"Is it true?", "Yes!", "It is."}},
		{"no final punctuation", "Russia accused Ukraine", []string{"Russia accused Ukraine"}},
		{"no space after stop", "The talks ended.Russia left.", []string{"The talks ended.", "Russia left."}},
		{"lower case after stop", "He said so. and left.", []string{"He said so. and left."}},
		{"digit after stop", "It rose. 2024 was good.", []string{"It rose.", "2024 was good."}},

		// quotes and brackets
		{"closing curly quote", "\u201cWe deny it.\u201d Moscow left.", []string{"\u201cWe deny it.\u201d", "Moscow left."}},
		{"curly quote inside", "\u201cWe deny it,\u201d he said. Kyiv left.", []string{"\u201cWe deny it,\u201d he said.", "Kyiv left."}},
		{"opening curly quote", "Moscow denied it. \u201cThis is a lie,\u201d Peskov said.", []string{"Moscow denied it.", "\u201cThis is a lie,\u201d Peskov said."}},
		{"closing straight quote", `He said "never." Then he left.`, []string{`He said "never."`, "Then he left."}},
		{"opening straight quote", `Moscow denied it. "This is a lie," Peskov said.`, []string{"Moscow denied it.", `"This is a lie," Peskov said.`}},
		{"opening single quote", "Moscow denied it. 'This is a lie,' Peskov said.", []string{"Moscow denied it.", "'This is a lie,' Peskov said."}},
		{"quote before stop", `Kim said "yes". Then he left.`, []string{`Kim said "yes".`, "Then he left."}},
		{"question in quotes", "\u201cReally?\u201d she asked. Yes.", []string{"\u201cReally?\u201d she asked.", "Yes."}},
		{"bracket before stop", "He left (for good). Then came back.", []string{"He left (for good).", "Then came back."}},
		{"sentence in brackets", "He left. (Then came back.) Fine.", []string{"He left.", "(Then came back.)", "Fine."}},

		// runs of final punctuation stay with their sentence
		{"ellipsis", "Wait... What? Really?! Yes.", []string{"Wait...", "What?", "Really?!", "Yes."}},
		{"ellipsis mid-sentence", "Russia... accused Ukraine.", []string{"Russia... accused Ukraine."}},

		// no split after abbreviations, titles, months, initials, U.S.
		{"Mr.", "Mr. Kim met Mr. Yoon.", []string{"Mr. Kim met Mr. Yoon."}},
		{"Gen. and Lt.", "Gen. Park and Lt. Col. Lee arrived.", []string{"Gen. Park and Lt. Col. Lee arrived."}},
		{"Jan. then number", "Troops crossed on Jan. 5. Officials said so.", []string{"Troops crossed on Jan. 5.", "Officials said so."}},
		{"Sept. and St.", "On Sept. 11 in St. Petersburg he spoke.", []string{"On Sept. 11 in St. Petersburg he spoke."}},
		{"initials", "J. R. Smith said so. He left.", []string{"J. R. Smith said so.", "He left."}},
		{"U.S. mid-sentence", "The U.S. Army said so. It left.", []string{"The U.S. Army said so.", "It left."}},
		{"U.S. before name", "U.S. President Joe Biden spoke.", []string{"U.S. President Joe Biden spoke."}},
		{"U.S. before a title", "He met the U.S. Gen. Smith.", []string{"He met the U.S. Gen. Smith."}},
		{"U.S. ends sentence", "Kyiv thanked the U.S. The aid arrived.", []string{"Kyiv thanked the U.S.", "The aid arrived."}},
		{"U.N. ends sentence", "Both appealed to the U.N. But nothing came of it.", []string{"Both appealed to the U.N.", "But nothing came of it."}},
		{"p.m.", "They met at 3 p.m. Monday in Kyiv.", []string{"They met at 3 p.m. Monday in Kyiv."}},

		// headlines and lines
		{"headline and blank line", "Kyiv accuses Moscow\n\nUkraine accused Russia.", []string{"Kyiv accuses Moscow", "Ukraine accused Russia."}},
		{"blank line after lower case", "Russia signals support for allies\n\nThe Kremlin said so.", []string{"Russia signals support for allies", "The Kremlin said so."}},
		// A single line break ends a sentence only after a line that does
		// not end in a lower-case letter, a comma or a hyphen; text wrapped
		// at a line width stays one sentence, so a headline needs a blank
		// line after it unless its last word is in capitals or a number.
		{"headline ending in capitals", "Moscow answers NATO\nThe Kremlin said so.", []string{"Moscow answers NATO", "The Kremlin said so."}},
		{"headline ending in a number", "Minsk and Moscow sign pact for 2025\nMINSK - Belarus said so.", []string{"Minsk and Moscow sign pact for 2025", "MINSK - Belarus said so."}},
		{"dateline blank line", "Baltic states accuse Moscow\n\nVILNIUS (Wire) - Lithuania accused Russia. Estonia agreed.",
			[]string{"Baltic states accuse Moscow", "VILNIUS (Wire) - Lithuania accused Russia.", "Estonia agreed."}},
		{"line after full stop", "Moscow said it would help.\nKyiv said no", []string{"Moscow said it would help.", "Kyiv said no"}},
		{"wrapped line", "The minister, speaking in Kyiv, said\nthat it was over.", []string{"The minister, speaking in Kyiv, said\nthat it was over."}},
		{"wrapped after comma", "Russia accused Ukraine,\nKyiv said.", []string{"Russia accused Ukraine,\nKyiv said."}},
		{"CRLF paragraphs", "Kyiv accuses Moscow\r\n\r\nUkraine accused Russia.", []string{"Kyiv accuses Moscow", "Ukraine accused Russia."}},
		{"empty", "", []string{}},
		{"only spaces", " \n\n ", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(t, tt.text); !slices.Equal(got, tt.want) {
				t.Fatalf("sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
