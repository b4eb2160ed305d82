package graph_test

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"geokg/graph"
)

// validMention returns a mention that passes Validate.
func validMention() graph.Mention {
	return graph.Mention{
		Source: "PRK", Relation: graph.Supplies, Target: "RUS",
		Article:   "a1",
		Date:      day("2024-06-01"),
		Sentence:  "Washington said Pyongyang had supplied Moscow.",
		SentSpan:  graph.Span{Start: 100, End: 146},
		SrcSpan:   graph.Span{Start: 116, End: 125},
		TgtSpan:   graph.Span{Start: 139, End: 145},
		Trigger:   "supplied",
		TrigSpan:  graph.Span{Start: 130, End: 138},
		Status:    graph.Alleged,
		ClaimedBy: "USA",
	}
}

func TestMentionValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*graph.Mention)
		ok     bool
	}{
		{"valid", func(*graph.Mention) {}, true},
		{"asserted without claimant", func(m *graph.Mention) { m.Status, m.ClaimedBy = graph.Asserted, "" }, true},
		{"denied", func(m *graph.Mention) { m.Status, m.DisputedBy = graph.Denied, "PRK" }, true},
		{"promised", func(m *graph.Mention) { m.Status = graph.Promised }, true},
		{"empty spans", func(m *graph.Mention) { m.SrcSpan, m.TgtSpan = graph.Span{}, graph.Span{} }, true},
		{"empty source", func(m *graph.Mention) { m.Source = "" }, false},
		{"bad target", func(m *graph.Mention) { m.Target = "RUS/x" }, false},
		{"source equals target", func(m *graph.Mention) { m.Target = m.Source }, false},
		{"unknown relation", func(m *graph.Mention) { m.Relation = "meets" }, false},
		{"empty relation", func(m *graph.Mention) { m.Relation = "" }, false},
		{"unknown status", func(m *graph.Mention) { m.Status = "rumoured" }, false},
		{"empty status", func(m *graph.Mention) { m.Status = "" }, false},
		{"negative start", func(m *graph.Mention) { m.SrcSpan.Start = -1 }, false},
		{"reversed sentence span", func(m *graph.Mention) { m.SentSpan = graph.Span{Start: 10, End: 9} }, false},
		{"reversed trigger span", func(m *graph.Mention) { m.TrigSpan.End = m.TrigSpan.Start - 1 }, false},
		{"negative target", func(m *graph.Mention) { m.TgtSpan = graph.Span{Start: -5, End: -1} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMention()
			tt.modify(&m)
			err := m.Validate()
			if tt.ok != (err == nil) {
				t.Fatalf("Validate() = %v, want ok=%v for %+v", err, tt.ok, m)
			}
			if err != nil && !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("Validate() = %v, want it to wrap ErrInvalid", err)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in   string
		want graph.Status
		ok   bool
	}{
		{"asserted", graph.Asserted, true},
		{"alleged", graph.Alleged, true},
		{"promised", graph.Promised, true},
		{"denied", graph.Denied, true},
		{" Alleged ", graph.Alleged, true},
		{"DENIED", graph.Denied, true},
		{"", "", false},
		{"claimed", "", false},
		{"deny", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := graph.ParseStatus(tt.in)
			if tt.ok != (err == nil) || got != tt.want {
				t.Fatalf("ParseStatus(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
			if err != nil && !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("ParseStatus(%q) error %v does not wrap ErrInvalid", tt.in, err)
			}
		})
	}
	for _, s := range graph.Statuses {
		if got, err := graph.ParseStatus(string(s)); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s, got, err)
		}
	}
}

func TestSpanLen(t *testing.T) {
	if n := (graph.Span{Start: 3, End: 10}).Len(); n != 7 {
		t.Fatalf("Span{3,10}.Len() = %d, want 7", n)
	}
	if n := (graph.Span{}).Len(); n != 0 {
		t.Fatalf("Span{}.Len() = %d, want 0", n)
	}
}

func TestCompareMentions(t *testing.T) {
	// Each mention differs from the one before it in exactly the field that
	// decides their order, from the first key (date) to the last
	// (disputed by).
	base := graph.Mention{Source: "PRK", Relation: graph.Supplies, Target: "RUS", Article: "b", Date: day("2024-06-01"),
		SentSpan: graph.Span{Start: 10, End: 50}, SrcSpan: graph.Span{Start: 12, End: 15},
		TgtSpan: graph.Span{Start: 30, End: 35}, TrigSpan: graph.Span{Start: 20, End: 25}, Status: graph.Asserted}
	var want []graph.Mention
	add := func(f func(*graph.Mention)) {
		m := base
		f(&m)
		want = append(want, m)
	}
	add(func(m *graph.Mention) { m.Date = graph.Mention{}.Date })                       // no date first
	add(func(m *graph.Mention) { m.Date = day("2024-05-01"); m.Article = "z" })         // earlier date beats article
	add(func(m *graph.Mention) { m.Article = "a"; m.SentSpan.Start = 99 })              // article beats sentence
	add(func(m *graph.Mention) { m.SentSpan.Start = 0; m.TrigSpan.Start = 40 })         // sentence beats trigger
	add(func(m *graph.Mention) { m.TrigSpan.Start = 5; m.Relation = graph.Recognizes }) // trigger beats edge
	add(func(m *graph.Mention) { m.Source = "CHN"; m.SrcSpan.Start = 40 })              // edge source
	add(func(m *graph.Mention) { m.Relation = graph.Accuses; m.SrcSpan.Start = 40 })    // relation order
	add(func(m *graph.Mention) { m.Target = "KOR"; m.SrcSpan.Start = 40 })              // edge target
	add(func(m *graph.Mention) { m.SrcSpan.Start = 11; m.TgtSpan.Start = 40 })          // source span
	add(func(m *graph.Mention) { m.TgtSpan.Start = 29; m.Status = graph.Promised })     // target span
	add(func(m *graph.Mention) {})                                                      // base
	add(func(m *graph.Mention) { m.Status = graph.Denied; m.ClaimedBy = "USA" })        // status
	add(func(m *graph.Mention) { m.Status = graph.Denied; m.ClaimedBy = "USA"; m.DisputedBy = "PRK" })
	add(func(m *graph.Mention) { m.Status = graph.Denied; m.ClaimedBy = "USB" }) // claimant
	checkOrder(t, want, graph.CompareMentions)
}

// TestCompareArticles checks that content ids (graph.ArticleID's form)
// come before other ids, each in string order, and that only ids of that
// exact form count as content ids.
func TestCompareArticles(t *testing.T) {
	content := graph.ArticleID([]byte("some text"))
	if !graph.IsContentID(content) {
		t.Fatalf("IsContentID(%q) = false", content)
	}
	for _, id := range []string{"", "a", strings.ToUpper(content), content[:31], content + "0", content[:31] + "g", content[:31] + "/"} {
		if graph.IsContentID(id) {
			t.Errorf("IsContentID(%q) = true", id)
		}
	}
	want := []string{
		"00000000000000000000000000000000", content, "ffffffffffffffffffffffffffffffff",
		"0", "00000000000000000000000000000000X", "A", "art-1", "art-10", "art-2", "z",
	}
	checkOrder(t, want, graph.CompareArticles)
}

// CompareMentions stops at the first field that differs; it must order as
// comparing every field in turn does.
func TestCompareMentionsFieldOrder(t *testing.T) {
	ref := func(a, b graph.Mention) int {
		return cmp.Or(
			a.Date.Compare(b.Date),
			graph.CompareArticles(a.Article, b.Article),
			cmp.Compare(a.SentSpan.Start, b.SentSpan.Start),
			cmp.Compare(a.TrigSpan.Start, b.TrigSpan.Start),
			graph.CompareEdgeKeys(a.Key(), b.Key()),
			cmp.Compare(a.SrcSpan.Start, b.SrcSpan.Start),
			cmp.Compare(a.TgtSpan.Start, b.TgtSpan.Start),
			cmp.Compare(a.Status, b.Status),
			cmp.Compare(a.ClaimedBy, b.ClaimedBy),
			cmp.Compare(a.DisputedBy, b.DisputedBy),
		)
	}
	r := rand.New(rand.NewPCG(1, 2))
	ids := []graph.ActorID{"", "IRN", "RUS", "UKR"}
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	random := func() graph.Mention {
		return graph.Mention{
			Date:       day.AddDate(0, 0, r.IntN(2)),
			Article:    []string{"a", "b", "0123456789abcdef0123456789abcdef"}[r.IntN(3)],
			SentSpan:   graph.Span{Start: r.IntN(2)},
			TrigSpan:   graph.Span{Start: r.IntN(2)},
			Source:     ids[1+r.IntN(3)],
			Relation:   graph.Relations[r.IntN(len(graph.Relations))],
			Target:     ids[1+r.IntN(3)],
			SrcSpan:    graph.Span{Start: r.IntN(2)},
			TgtSpan:    graph.Span{Start: r.IntN(2)},
			Status:     graph.Statuses[r.IntN(len(graph.Statuses))],
			ClaimedBy:  ids[r.IntN(len(ids))],
			DisputedBy: ids[r.IntN(len(ids))],
		}
	}
	for range 200000 {
		a, b := random(), random()
		if got, want := graph.CompareMentions(a, b), ref(a, b); got != want {
			t.Fatalf("CompareMentions(%+v, %+v) = %d, want %d", a, b, got, want)
		}
	}
}
