package store

import (
	"bytes"
	"testing"
	"time"
)

// FuzzDecodeCounts feeds arbitrary bytes to the edge value decoder, which
// reads whatever a damaged store holds. Properties: no panic; what decodes
// encodes to bytes that decode to the same counts, and re-encode to the
// same bytes.
func FuzzDecodeCounts(f *testing.F) {
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []edgeCounts{{}, {Articles: 1, Mentions: 3, FirstSeen: day, LastSeen: day.Add(time.Hour)}, {Articles: 1 << 40, LastSeen: time.Unix(-1e10, 999)}} {
		f.Add(encodeCounts(c))
	}
	f.Add([]byte{0xff})
	f.Add([]byte{1, 1, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeCounts(b)
		if err != nil {
			return
		}
		enc := encodeCounts(c)
		back, err := decodeCounts(enc)
		if err != nil {
			t.Fatalf("decode(encode(%+v)): %v", c, err)
		}
		if back != c && !(back.Articles == c.Articles && back.Mentions == c.Mentions && back.FirstSeen.Equal(c.FirstSeen) && back.LastSeen.Equal(c.LastSeen)) {
			t.Errorf("round trip: %+v, want %+v", back, c)
		}
		if again := encodeCounts(back); !bytes.Equal(again, enc) {
			t.Errorf("encoding is not stable: %x then %x", enc, again)
		}
	})
}

// FuzzDecodeRecords feeds arbitrary bytes to the JSON decoders of actor,
// article and mention values: no panic, and a decoded value encodes to
// JSON that decodes to the same value.
func FuzzDecodeRecords(f *testing.F) {
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
