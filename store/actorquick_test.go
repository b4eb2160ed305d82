package store

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"geokg/graph"
)

// TestDecodeActorQuick: decodeActor gives what json.Unmarshal gives, for
// what encodeActor writes of random actors (names with quotes, escapes,
// markup, other scripts, bad UTF-8) and for JSON it does not write
// (spaces, other key orders, empty aliases, unknown keys), which the
// quick reader leaves to encoding/json.
func TestDecodeActorQuick(t *testing.T) {
	words := []string{"", "Russia", "Côte d'Ivoire", "Россия", `say "no"`, `back\slash`, "<b>&amp;</b>", "tab\there", "\xff\xfe", "日本", "a/b", "\u2028"}
	r := rand.New(rand.NewPCG(7, 11))
	quick := 0
	check := func(b []byte) {
		t.Helper()
		var want graph.Actor
		werr := json.Unmarshal(b, &want)
		got, err := decodeActor(b)
		if (err != nil) != (werr != nil) || werr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("decodeActor(%s) = %#v, %v; json.Unmarshal %#v, %v", b, got, err, want, werr)
		}
		if _, ok := decodeActorQuick(b); ok {
			quick++
		}
	}
	for range 3000 {
		a := graph.Actor{ID: graph.ActorID(words[r.IntN(len(words))]), Name: words[r.IntN(len(words))],
			Type: graph.ActorTypes[r.IntN(len(graph.ActorTypes))]}
		if r.IntN(3) == 0 {
			a.Affiliation = graph.ActorID(words[r.IntN(len(words))])
		}
		for range r.IntN(4) {
			a.Aliases = append(a.Aliases, words[r.IntN(len(words))])
		}
		b, err := encodeActor(a)
		if err != nil {
			t.Fatal(err)
		}
		check(b)
	}
	for _, s := range []string{
		`{"id":"RUS","name":"Russia","type":"country"}`,
		`{"id":"RUS","name":"Russia","type":"country","affiliation":"","aliases":["Moscow"]}`,
		`{"id":"RUS","name":"Russia","type":"country","aliases":[]}`,
		`{"id":"RUS","name":"Russia","type":"country","aliases":["a",]}`,
		`{"name":"Russia","id":"RUS","type":"country"}`,
		`{ "id":"RUS","name":"Russia","type":"country"}`,
		`{"id":"RUS","name":"Russia","type":"country","extra":1}`,
		`{"ID":"RUS","name":"Russia","type":"country"}`,
		`{"id":"RUS","name":"Russia","type":"country"}x`,
		`{"id":"RUS","name":"Russia","type":"country"`,
		`{"id":"RUS","name":"Rus\u0073ia","type":"country"}`,
		`{"id":"RUS","name":"Russia","type":"country","aliases":["a","b"],"affiliation":"X"}`,
		`{"id":"RUS","name":"Russia","type":"country","aliases":null}`,
		`{"id":1,"name":"Russia","type":"country"}`,
		``, `{}`, `null`,
	} {
		check([]byte(s))
	}
	if quick < 200 {
		t.Errorf("the quick reader read %d of the actors", quick)
	}
}
