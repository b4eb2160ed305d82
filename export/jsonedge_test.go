package export

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"geokg/graph"
)

// encodingJSON is what jsonWriter.value writes for v.
func encodingJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// awkward are strings whose encoding has every case of appendJSONString.
var awkward = []string{
	"", "plain", `say "no"`, `back\slash`, "a\nb\rc\td\be\ff", "\x00\x01\x1f\x7f",
	"<a href='x'>&amp;</a>", "Côte d’Ivoire — “quoted”", "\u2028line\u2029para",
	"bad \xff\xfe utf8 \xe2\x82", "cut rune \xe2", "日本語のテキスト", "emoji 🙂 end", "\u00a0nbsp",
}

func randomString(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return awkward[r.IntN(len(awkward))]
	}
	b := make([]byte, r.IntN(40))
	for i := range b {
		b[i] = byte(r.IntN(256))
		if r.IntN(2) == 0 {
			b[i] = byte(' ' + r.IntN(95))
		}
	}
	return string(b)
}

func randomDate(r *rand.Rand) time.Time {
	if r.IntN(4) == 0 {
		return time.Time{}
	}
	return time.Date(1990+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 0, 0, 0, time.FixedZone("x", 3600*(r.IntN(25)-12)))
}

// TestAppendEdgeAsEncodingJSON: appendEdge writes the bytes encoding/json
// writes for toEdge, for edges of random and awkward strings, counts,
// dates (zero ones omitted) and evidence (none: an empty array).
func TestAppendEdgeAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		e := graph.Edge{
			EdgeKey:   graph.EdgeKey{Source: graph.ActorID(randomString(r)), Relation: graph.Relation(randomString(r)), Target: graph.ActorID(randomString(r))},
			Articles:  r.IntN(1000) - 10,
			Mentions:  r.IntN(100000),
			FirstSeen: randomDate(r),
			LastSeen:  randomDate(r),
		}
		for range r.IntN(4) {
			e.Evidence = append(e.Evidence, graph.Mention{
				Article: randomString(r), Sentence: randomString(r), Date: randomDate(r),
				Status: graph.Status(randomString(r)), ClaimedBy: graph.ActorID(randomString(r)),
				DisputedBy: graph.ActorID(randomString(r)), Trigger: randomString(r),
			})
		}
		if i%5 == 0 && len(e.Evidence) > 0 {
			e.Evidence[0].ClaimedBy, e.Evidence[0].DisputedBy, e.Evidence[0].Trigger = "", "", ""
		}
		want := encodingJSON(t, toEdge(e))
		if got := appendEdge(nil, e); !bytes.Equal(got, want) {
			t.Fatalf("edge %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// FuzzAppendJSONString: any string is written as encoding/json writes it.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := encodingJSON(t, s)
		if got := appendJSONString([]byte("x"), s); !bytes.Equal(got[1:], want) || got[0] != 'x' {
			t.Fatalf("%q:\n got %s\nwant %s", s, got[1:], want)
		}
	})
}
