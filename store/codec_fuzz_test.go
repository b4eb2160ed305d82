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
		{Source: "A", Relation: graph.Accuses, Target: "B", Article: graph.ArticleID([]byte("x"))},
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

// stored is how a store keeps m: its key and its value.
func stored(m graph.Mention, n int) (key, value []byte) {
	return mentionKey(m.Key(), m.Date, m.Article, n), appendMention(nil, m)
}

// TestMentionCodec checks that a mention's key and value give back the
// mention they were made from, and that truncated values, and values
// read with a truncated key, are refused.
func TestMentionCodec(t *testing.T) {
	for _, m := range sampleMentions() {
		key, b := stored(m, 0)
		got, err := decodeMention(m.Key(), key, b)
		if err != nil || !reflect.DeepEqual(got, m) {
			t.Errorf("decode(encode(%+v)) = %+v, %v", m, got, err)
		}
		for i := range len(b) {
			if _, err := decodeMention(m.Key(), key, b[:i]); err == nil {
				t.Errorf("decodeMention accepted %d of %d bytes of %+v", i, len(b), m)
			}
		}
		for i := range len(key) {
			if _, err := decodeMention(m.Key(), key[:i], b); err == nil {
				t.Errorf("decodeMention accepted %d of %d bytes of the key of %+v", i, len(key), m)
			}
		}
		if c, d, err := mentionClaimants(b); err != nil || c != m.ClaimedBy || d != m.DisputedBy {
			t.Errorf("mentionClaimants = %q, %q, %v; want %q, %q", c, d, err, m.ClaimedBy, m.DisputedBy)
		}
		old, err := decodeOldMention(appendOldMention(nil, m))
		if err != nil || !reflect.DeepEqual(old, m) {
			t.Errorf("decodeOldMention(appendOldMention(%+v)) = %+v, %v", m, old, err)
		}
	}
}

// FuzzDecodeRecords feeds arbitrary bytes to the decoders of actor,
// article (JSON) and mention values (binary, and the old forms an upgrade
// reads): no panic, and a decoded value encodes to bytes that decode to
// the same value.
func FuzzDecodeRecords(f *testing.F) {
	for _, m := range sampleMentions() {
		_, b := stored(m, 0)
		f.Add(b)
		f.Add(appendOldMention(nil, m))
	}
	f.Add([]byte(`{"id":"RUS","name":"Russia","type":"country","aliases":["Moscow"]}`))
	f.Add([]byte(`{"id":"ab12","title":"T","date":"2024-06-01T00:00:00Z","size":10}`))
	f.Add([]byte(`{"source":"PRK","relation":"supplies","target":"RUS","article":"a1","sentence":"x","sentence_span":{"start":0,"end":1}}`))
	f.Add([]byte(`{"date":"0000-01-01T00:00:00+14:00"}`))
	k := graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}
	key := mentionKey(k, time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC), "a1", 3)
	encode := func(m graph.Mention) ([]byte, error) { return appendMention(nil, m), nil }
	decode := func(b []byte) (graph.Mention, error) { return decodeMention(k, key, b) }
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := decodeActor(b); err == nil {
			roundTrip(t, a, encodeActor, decodeActor)
		}
		if a, err := decodeArticle(b); err == nil {
			roundTrip(t, a, encodeArticle, decodeArticle)
		}
		if m, err := decode(b); err == nil {
			roundTrip(t, m, encode, decode)
			if c, d, err := mentionClaimants(b); err != nil || c != m.ClaimedBy || d != m.DisputedBy {
				t.Errorf("mentionClaimants = %q, %q, %v; decodeMention gives %q, %q", c, d, err, m.ClaimedBy, m.DisputedBy)
			}
		}
		if m, err := decodeOldMention(b); err == nil && b[0] == mentionV1 {
			m2, err := decodeOldMention(appendOldMention(nil, m))
			if err != nil || !m2.Date.Equal(m.Date) {
				t.Fatalf("old mention round trip: %+v -> %+v, %v", m, m2, err)
			}
			m.Date, m2.Date = time.Time{}, time.Time{}
			if !reflect.DeepEqual(m2, m) {
				t.Errorf("old mention round trip: %+v -> %+v", m, m2)
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

// FuzzMentionKey checks that a mention key that parses is the one
// mentionKey makes of what it says.
func FuzzMentionKey(f *testing.F) {
	k := graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}
	day := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	f.Add(mentionKey(k, day, "a1", 0))
	f.Add(mentionKey(k, day, graph.ArticleID(nil), 1))
	f.Add([]byte("m/PRK/supplies/RUS/zzzzzzzzzzzzzzzzzzzzzzzz/a/1"))
	f.Add(mentionKey(k, day.AddDate(-80, 0, 0), "x", maxMentionNumber))
	f.Fuzz(func(t *testing.T, key []byte) {
		if gk, ref, err := parseMentionKey(key); err == nil {
			if again := mentionKey(gk, ref.date, ref.article, ref.n); !bytes.Equal(again, key) {
				t.Errorf("parseMentionKey(%q) = %v %+v, which makes key %q", key, gk, ref, again)
			}
		}
	})
}

// FuzzAggregate feeds arbitrary e/ values to decodeAggregate: it must
// never panic, and what it accepts must survive an encoding unchanged.
func FuzzAggregate(f *testing.F) {
	day := time.Date(2024, 5, 20, 0, 0, 0, 0, time.UTC)
	ms := []graph.Mention{{Status: graph.Alleged, Date: day}, {Status: graph.Asserted, Date: day.AddDate(0, 3, 0)}, {Status: graph.Denied}}
	f.Add(appendAggregate(nil, aggregate{Mentions: 1 << 30, Articles: 1 << 30, First: time.Unix(-1<<40, 999999999), Last: time.Unix(1<<40, 999999999)}))
	f.Add(appendAggregate(nil, contribution(ms)))
	for i := range ms {
		ms[i].Article = graph.ArticleID([]byte("fuzz")) // a lead in a content-hash id's form
	}
	f.Add(appendAggregate(nil, contribution(ms)))
	undated := contribution([]graph.Mention{{Status: graph.Denied, Article: "wire-7"}})
	f.Add(appendAggregate(nil, undated))
	undated.First = day // a lead dated otherwise than the first seen date
	f.Add(appendAggregate(nil, undated))
	f.Add(appendAggregate(nil, aggregate{}))
	f.Add([]byte{})
	f.Add([]byte{99, 99, 0, 0})
	f.Fuzz(func(t *testing.T, v []byte) {
		a, err := decodeAggregate(v)
		if err != nil {
			return
		}
		back, err := decodeAggregate(appendAggregate(nil, a))
		if err != nil || !reflect.DeepEqual(back, a) {
			t.Errorf("%x decodes to %+v, which encodes to %+v (%v)", v, a, back, err)
		}
	})
}
