package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"geokg/graph"
)

// fuzzSeeds returns the texts the fuzz targets start from: every passage of
// testdata/passages.jsonl, the example article, the benchmark article and a
// few hand-made edge cases (empty text, broken UTF-8, lone punctuation).
func fuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	seeds := []string{
		"",
		".",
		"U.S.",
		"'s",
		"n't",
		"\xff\xfe Russia accused Ukraine.",
		"Russia\x00 accused\x00Ukraine.",
		"“Kyiv denied it,” he said.\n\nMoscow recognised Abkhazia.",
		"Mr. Kim said. He added: 'Washington supplies Kyiv'!",
		// texts that open with a verb, "includes" or an appositive role: no
		// rule may read the token before the first
		"includes Kazakhstan and Tajikistan.",
		"received radars from Kenya last year.",
		"shelled Ghana on Monday.",
		"Launched missiles at the Georgian government.",
		"Accord Signed Chinese, foreign ministry spokesman Lin in Ankara was condemned by",
	}
	f, err := os.Open("testdata/passages.jsonl")
	if err != nil {
		tb.Fatalf("open passages: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("passages.jsonl:%d: %v", n, err)
		}
		seeds = append(seeds, p.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read passages: %v", err)
	}
	for _, path := range []string{"../testdata/article.txt", "testdata/bench/article.txt"} {
		b, err := os.ReadFile(path)
		if err != nil {
			tb.Fatalf("read seed: %v", err)
		}
		seeds = append(seeds, string(b))
	}
	return seeds
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	x := New(Options{}) // built once: it indexes the whole dictionary
	f.Fuzz(func(t *testing.T, text string) {
		art := graph.Article{ID: graph.ArticleID([]byte(text)), Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}
		res := x.Extract(art, text)
		if err := checkResult(art, text, res); err != nil {
			t.Fatalf("text %q: %v", text, err)
		}
		again := x.Extract(art, text)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("text %q: two runs differ:\n%+v\n%+v", text, res, again)
		}
	})
}

// checkResult checks the properties every extraction must have, whatever
// the text: spans inside the text on rune boundaries and nested in their
// sentence, valid mentions in order, and every referenced actor listed and
// valid.
func checkResult(art graph.Article, text string, res Result) error {
	actors := map[graph.ActorID]bool{}
	for _, a := range res.Actors {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("actor %+v: %w", a, err)
		}
		if actors[a.ID] {
			return fmt.Errorf("actor %s listed twice", a.ID)
		}
		actors[a.ID] = true
	}
	for _, a := range res.Actors {
		if a.Affiliation != "" && !actors[a.Affiliation] {
			return fmt.Errorf("actor %s: affiliation %s not in Actors", a.ID, a.Affiliation)
		}
	}
	if !slices.IsSortedFunc(res.Mentions, graph.CompareMentions) {
		return fmt.Errorf("mentions not in CompareMentions order")
	}
	for i, m := range res.Mentions {
		if err := checkMention(art, text, m, actors); err != nil {
			return fmt.Errorf("mention %d (%s %s %s): %w", i, m.Source, m.Relation, m.Target, err)
		}
	}
	return nil
}

func checkMention(art graph.Article, text string, m graph.Mention, actors map[graph.ActorID]bool) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.Article != art.ID || !m.Date.Equal(art.Date) {
		return fmt.Errorf("article %q date %v, want %q %v", m.Article, m.Date, art.ID, art.Date)
	}
	spans := []struct {
		name string
		s    graph.Span
	}{{"sentence", m.SentSpan}, {"source", m.SrcSpan}, {"target", m.TgtSpan}, {"trigger", m.TrigSpan}}
	for _, sp := range spans {
		if err := checkSpan(text, sp.s); err != nil {
			return fmt.Errorf("%s span: %w", sp.name, err)
		}
		if sp.s.Start < m.SentSpan.Start || sp.s.End > m.SentSpan.End {
			return fmt.Errorf("%s span %d-%d outside sentence %d-%d", sp.name, sp.s.Start, sp.s.End, m.SentSpan.Start, m.SentSpan.End)
		}
	}
	if m.Sentence != text[m.SentSpan.Start:m.SentSpan.End] {
		return fmt.Errorf("sentence %q is not text[%d:%d]", m.Sentence, m.SentSpan.Start, m.SentSpan.End)
	}
	if m.Trigger == "" || m.Trigger != text[m.TrigSpan.Start:m.TrigSpan.End] {
		return fmt.Errorf("trigger %q is not text[%d:%d] = %q", m.Trigger, m.TrigSpan.Start, m.TrigSpan.End, text[m.TrigSpan.Start:m.TrigSpan.End])
	}
	for _, id := range []graph.ActorID{m.Source, m.Target, m.ClaimedBy, m.DisputedBy} {
		if id != "" && !actors[id] {
			return fmt.Errorf("actor %s not in Result.Actors", id)
		}
	}
	return nil
}

// checkSpan reports whether s lies inside text and does not cut a rune.
func checkSpan(text string, s graph.Span) error {
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		return fmt.Errorf("%d-%d outside text of %d bytes", s.Start, s.End, len(text))
	}
	for _, at := range []int{s.Start, s.End} {
		if cutsRune(text, at) {
			return fmt.Errorf("%d-%d splits a rune at %d", s.Start, s.End, at)
		}
	}
	return nil
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text)
		if err := checkTokens(text, toks); err != nil {
			t.Fatalf("text %q: %v", text, err)
		}
		if err := checkSentences(toks, sentences(toks)); err != nil {
			t.Fatalf("text %q: %v", text, err)
		}
	})
}

// checkTokens checks that tokens are non-empty slices of the text on rune
// boundaries, in order and without overlap, and never hold a space.
func checkTokens(text string, toks []token) error {
	prev := 0
	for i, tk := range toks {
		if err := checkSpan(text, graph.Span{Start: tk.start, End: tk.end}); err != nil {
			return fmt.Errorf("token %d %q: %w", i, tk.text, err)
		}
		if tk.start >= tk.end {
			return fmt.Errorf("token %d: empty span %d-%d", i, tk.start, tk.end)
		}
		if tk.start < prev {
			return fmt.Errorf("token %d %q at %d overlaps or precedes the one ending at %d", i, tk.text, tk.start, prev)
		}
		if tk.text != text[tk.start:tk.end] {
			return fmt.Errorf("token %d: text %q is not text[%d:%d] = %q", i, tk.text, tk.start, tk.end, text[tk.start:tk.end])
		}
		for _, r := range tk.text {
			if r == ' ' || r == '\n' || r == '\t' {
				return fmt.Errorf("token %d %q holds a space", i, tk.text)
			}
		}
		prev = tk.end
	}
	return nil
}

// checkSentences checks that sentences cover every token once, in order,
// and that their byte spans match their tokens.
func checkSentences(toks []token, ss []sentence) error {
	next := 0
	for i, s := range ss {
		if s.from != next || s.to <= s.from || s.to > len(toks) {
			return fmt.Errorf("sentence %d: tokens [%d,%d), want to start at %d and be non-empty", i, s.from, s.to, next)
		}
		if s.start != toks[s.from].start || s.end != toks[s.to-1].end {
			return fmt.Errorf("sentence %d: span %d-%d, tokens span %d-%d", i, s.start, s.end, toks[s.from].start, toks[s.to-1].end)
		}
		next = s.to
	}
	if next != len(toks) {
		return fmt.Errorf("sentences end at token %d of %d", next, len(toks))
	}
	return nil
}

// cutsRune reports whether offset at falls inside a valid multi-byte rune.
// Bytes of invalid UTF-8 are not runes: a boundary next to them cuts
// nothing.
func cutsRune(text string, at int) bool {
	if at <= 0 || at >= len(text) {
		return false
	}
	for back := 1; back <= utf8.UTFMax-1 && at-back >= 0; back++ {
		start := at - back
		if !utf8.RuneStart(text[start]) {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:])
		return !(r == utf8.RuneError && size == 1) && start+size > at
	}
	return false
}
