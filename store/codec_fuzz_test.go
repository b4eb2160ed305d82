package store

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"geokg/graph"
)

func sampleMentions() []graph.Mention {
	return []graph.Mention{
		{},
		{Source: "PRK", Relation: graph.Supplies, Target: "RUS", Article: "a1",
			Date: time.Date(2023, 1, 29, 0, 0, 0, 0, time.UTC), Sentence: "North Korea sent shells to Russia.",
			SentSpan: graph.Span{Start: 10, End: 44}, SrcSpan: graph.Span{Start: 10, End: 21},
			TgtSpan: graph.Span{Start: 37, End: 43}, Trigger: "sent", TrigSpan: graph.Span{Start: 22, End: 26},
			Status: graph.Alleged, ClaimedBy: "USA", DisputedBy: "PRK"},
		{Source: "Ωμέγα", Relation: graph.AlliesWith, Target: "person:kim yo-jong", Article: "x",
			Date: time.Unix(-1e10, 999).UTC(), Sentence: "«quoted» \x00", Status: graph.Denied,
			SentSpan: graph.Span{Start: -1, End: 1 << 40}},
	}
}

// TestMentionCodec checks that the binary mention form gives back the
// mention it was made from, and that truncated values are refused.
func TestMentionCodec(t *testing.T) {
	for _, m := range sampleMentions() {
		b, err := encodeMention(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeMention(b)
		if err != nil || !reflect.DeepEqual(got, m) {
			t.Errorf("decode(encode(%+v)) = %+v, %v", m, got, err)
		}
		for i := range len(b) {
			if _, err := decodeMention(b[:i]); err == nil {
				t.Errorf("decodeMention accepted %d of %d bytes of %+v", i, len(b), m)
			}
		}
	}
}

// FuzzDecodeRecords feeds arbitrary bytes to the decoders of actor,
// article (JSON) and mention (binary, or JSON from format 1) values: no
// panic, and a decoded value encodes to bytes that decode to the same value.
func FuzzDecodeRecords(f *testing.F) {
	for _, m := range sampleMentions() {
		b, _ := encodeMention(m)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"RUS","name":"Russia","type":"country","aliases":["Moscow"]}`))
	f.Add([]byte(`{"id":"ab12","title":"T","date":"2024-06-01T00:00:00Z","size":10}`))
	f.Add([]byte(`{"source":"PRK","relation":"supplies","target":"RUS","article":"a1","sentence":"x","sentence_span":{"start":0,"end":1}}`))
	f.Add([]byte(`{"date":"0000-01-01T00:00:00+14:00"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := decodeActor(b); err == nil {
			roundTrip(t, a, encodeActor, decodeActor)
		}
		if a, err := decodeArticle(b); err == nil {
			roundTrip(t, a, encodeArticle, decodeArticle)
		}
		if m, err := decodeMention(b); err == nil {
			roundTrip(t, m, encodeMention, decodeMention)
			if c, d, err := mentionClaimants(b); err != nil || c != m.ClaimedBy || d != m.DisputedBy {
				t.Errorf("mentionClaimants = %q, %q, %v; decodeMention gives %q, %q", c, d, err, m.ClaimedBy, m.DisputedBy)
			}
		}
	})
}

func roundTrip[T any](t *testing.T, v T, enc func(T) ([]byte, error), dec func([]byte) (T, error)) {
	t.Helper()
	b, err := enc(v)
	if err != nil {
		return // e.g. a year outside 0-9999 cannot be written as JSON
	}
	back, err := dec(b)
	if err != nil {
		t.Fatalf("decode(encode(%+v)) = %v\n%s", v, err, b)
	}
	b2, err := enc(back)
	if err != nil || !bytes.Equal(b, b2) {
		t.Errorf("round trip changed the value:\n%s\n%s (%v)", b, b2, err)
	}
}

// FuzzCounter feeds arbitrary mention keys to the counter that reads an
// edge's counts from its keys: it must never panic, must count every key
// it accepts, and must date the edge only from keys whose date parses.
func FuzzCounter(f *testing.F) {
	k := graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}
	day := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	f.Add(mentionKey(k, day, "a1", 0), mentionKey(k, time.Time{}, "a2", 3))
	f.Add(mentionKey(k, day, "a/b", 1), []byte("m/PRK/supplies/RUS/"))
	f.Add([]byte("m/PRK/supplies/RUS/zzzzzzzzzzzzzzzzzzzzzzzz/a/1"), mentionKey(k, day.AddDate(-80, 0, 0), "x", 999999))
	prefix := len(evidencePrefix(k))
	f.Fuzz(func(t *testing.T, k1, k2 []byte) {
		var c counter
		c.reset(prefix)
		accepted := 0
		for _, key := range [][]byte{k1, k2} {
			if len(key) < prefix {
				continue
			}
			if err := c.add(key); err == nil {
				accepted++
			}
		}
		var e graph.Edge
		err := c.finish(&e)
		if e.Mentions != accepted {
			t.Errorf("%d keys accepted, %d mentions counted", accepted, e.Mentions)
		}
		if e.Articles > e.Mentions || (accepted > 0 && e.Articles == 0) {
			t.Errorf("%d articles for %d mentions", e.Articles, e.Mentions)
		}
		if err == nil && !e.FirstSeen.IsZero() && e.LastSeen.Before(e.FirstSeen) && bytes.Compare(k1, k2) <= 0 {
			t.Errorf("keys in order %q %q dated %v..%v", k1, k2, e.FirstSeen, e.LastSeen)
		}
	})
}
