package store

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"geokg/graph"
)

func TestKeyRoundTrip(t *testing.T) {
	keys := []graph.EdgeKey{
		{Source: "PRK", Relation: graph.Supplies, Target: "RUS"},
		{Source: "org:nato", Relation: graph.AlliesWith, Target: "person:kim yo-jong"},
		{Source: "ÉIRE", Relation: graph.Recognizes, Target: "territory:côte"},
	}
	for _, k := range keys {
		t.Run(string(k.Source), func(t *testing.T) {
			if got, err := parseEdgeKey(edgeKey(k)); err != nil || got != k {
				t.Errorf("parseEdgeKey(edgeKey(%v)) = %v, %v", k, got, err)
			}
			if got, err := parseRevKey(revKey(k)); err != nil || got != k {
				t.Errorf("parseRevKey(revKey(%v)) = %v, %v", k, got, err)
			}
			date := time.Date(2023, 1, 29, 0, 0, 0, 0, time.UTC)
			for _, art := range []string{"abc123", graph.ArticleID([]byte("text"))} {
				got, ref, err := parseMentionKey(mentionKey(k, date, art, 42))
				if err != nil || got != k || ref.article != art || ref.n != 42 || !ref.date.Equal(date) {
					t.Errorf("parseMentionKey = %v %+v %v, want %v 2023-01-29 %s 42", got, ref, err, k, art)
				}
			}
			if !bytes.HasPrefix(edgeKey(k), outPrefix(k.Source)) || !bytes.HasPrefix(revKey(k), inPrefix(k.Target)) {
				t.Errorf("edge keys of %v are not under their actors' prefixes", k)
			}
			if !bytes.HasPrefix(mentionKey(k, time.Time{}, "x", 0), evidencePrefix(k)) {
				t.Errorf("mention key of %v not under its evidence prefix", k)
			}
		})
	}
}

func TestKeyRejects(t *testing.T) {
	bad := []string{"e/A/supplies", "e/A/bogus/B", "e//supplies/B", "r/A/supplies/B/C", "x/A/supplies/B"}
	for _, k := range bad {
		if got, err := parseEdgeKey([]byte(k)); err == nil {
			t.Errorf("parseEdgeKey(%q) = %v, want error", k, got)
		}
	}
	date := string(keyTime(time.Date(2023, 1, 29, 0, 0, 0, 0, time.UTC)))
	content := graph.ArticleID([]byte("text"))
	id := string(mentionKey(graph.EdgeKey{Source: "A", Relation: graph.Supplies, Target: "B"}, time.Time{}, content, 0))
	id = id[len("m/A/supplies/B/")+keyTimeLen : len(id)-2] // the 17 bytes of a content id
	for _, k := range []string{
		"m/A/supplies/B/" + textDate + "/art/000012",                        // format 4
		"m/A/supplies/B/art/000012",                                         // format 1
		"m/A/supplies/B/" + date + id,                                       // no mention number
		"m/A/supplies/B/" + date[:11] + id + "\x00\x01",                     // short date
		"m/A/supplies/B/" + date[:8] + "\xff\xff\xff\xff" + id + "\x00\x01", // nanoseconds out of range
		"m/A/supplies/B/" + date + id[:16] + "\x00\x01",                     // short content id
		"m/A/supplies/B/" + date + id + "\x00" + "\x00\x01",                 // long content id
		"m/A/supplies/B/" + date + "\x01art\x00\x01",                        // other id without its NUL
		"m/A/supplies/B/" + date + "\x01\x00\x00\x01",                       // empty id
		"m/A/supplies/B/" + date + "\x01a/b\x00\x00\x01",                    // id with '/'
		"m/A/supplies/B/" + date + "\x01" + content + "\x00\x00\x01",        // a content id written as another
		"m/A/supplies/B/" + date + "\x02art\x00\x00\x01",                    // unknown kind of id
		"m/A/bogus/B/" + date + id + "\x00\x01",                             // bad relation
		"m/A/supplies/" + date + id + "\x00\x01",                            // no target
	} {
		if _, _, err := parseMentionKey([]byte(k)); err == nil {
			t.Errorf("parseMentionKey accepted %q", k)
		}
	}
}

// textDate is a date as format 4 keys wrote it.
const textDate = "80000000637c4e0000000000"

// TestMentionKeyOrder checks that mention keys sort as their mentions do
// (graph.CompareMentions: date, then article, then, within an article,
// the numbers Prepare gives in that order), for dates before and after
// 1970 and for content ids and other ids.
func TestMentionKeyOrder(t *testing.T) {
	k := graph.EdgeKey{Source: "PRK", Relation: graph.Supplies, Target: "RUS"}
	dates := []time.Time{{}, time.Date(1914, 7, 28, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 29, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 29, 0, 0, 0, 1, time.UTC)}
	arts := []string{graph.ArticleID([]byte("a")), graph.ArticleID([]byte("b")), "0", "a", "a0", "b", "ffffffffffffffffffffffffffffffff0"}
	type ref struct {
		date time.Time
		art  string
		n    int
	}
	var refs []ref
	for _, d := range dates {
		for _, a := range arts {
			for _, n := range []int{0, 1, 255, 256, maxMentionNumber} {
				refs = append(refs, ref{d, a, n})
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	r.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
	byKey := slices.Clone(refs)
	slices.SortFunc(byKey, func(a, b ref) int {
		return bytes.Compare(mentionKey(k, a.date, a.art, a.n), mentionKey(k, b.date, b.art, b.n))
	})
	byMention := slices.Clone(refs)
	slices.SortFunc(byMention, func(a, b ref) int {
		if c := graph.CompareMentions(graph.Mention{Date: a.date, Article: a.art}, graph.Mention{Date: b.date, Article: b.art}); c != 0 {
			return c
		}
		return a.n - b.n
	})
	for i := range byKey {
		if byKey[i] != byMention[i] {
			t.Fatalf("key order differs from mention order at %d: %+v, want %+v", i, byKey[i], byMention[i])
		}
	}
}

// TestKeyTimeOrder checks that keyTime sorts as time does, before and
// after 1970, and that parseKeyTime reads it back.
func TestKeyTimeOrder(t *testing.T) {
	times := []time.Time{
		{},
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(1914, 7, 28, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Unix(0, 0).UTC(),
		time.Unix(0, 1).UTC(),
		time.Date(2023, 1, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 1, 29, 0, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), // later instant
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	for i, tm := range times {
		got, err := parseKeyTime(keyTime(tm))
		if err != nil || !got.Equal(tm) || got.IsZero() != tm.IsZero() {
			t.Errorf("parseKeyTime(keyTime(%v)) = %v, %v", tm, got, err)
		}
		if i > 0 && bytes.Compare(keyTime(times[i-1]), keyTime(tm)) >= 0 {
			t.Errorf("keyTime(%v) = %x does not sort before keyTime(%v) = %x", times[i-1], keyTime(times[i-1]), tm, keyTime(tm))
		}
	}
}

// FuzzKeyRoundTrip checks decode(encode(x)) == x for every valid id, and
// that one actor's prefix never captures another actor's keys.
func FuzzKeyRoundTrip(f *testing.F) {
	f.Add("PRK", "RUS", "0123abcd", 0, "North Korea")
	f.Add("person:kim yo-jong", "org:nato", "a b", 65535, "The Kremlin’s")
	f.Add("A", "B", "0123456789abcdef0123456789abcdef", 3, "x")
	f.Add("a/b", "Ωμέγα", "x/y", 7, "AC/DC")
	f.Add("A", "AB", "d", 1, "")
	f.Fuzz(func(t *testing.T, src, dst, art string, n int, name string) {
		date := time.Unix(int64(n)*7919-1e9, int64(n%1000)).UTC()
		s, d := graph.ActorID(src), graph.ActorID(dst)
		if s.Validate() != nil || d.Validate() != nil || validArticleID(art) != nil || n < 0 || n > maxMentionNumber {
			t.Skip()
		}
		for _, rel := range graph.Relations {
			k := graph.EdgeKey{Source: s, Relation: rel, Target: d}
			if got, err := parseEdgeKey(edgeKey(k)); err != nil || got != k {
				t.Fatalf("edge %v: got %v, %v", k, got, err)
			}
			if got, err := parseRevKey(revKey(k)); err != nil || got != k {
				t.Fatalf("rev %v: got %v, %v", k, got, err)
			}
			gk, ref, err := parseMentionKey(mentionKey(k, date, art, n))
			if err != nil || gk != k || ref.article != art || ref.n != n || !ref.date.Equal(date) {
				t.Fatalf("mention %v %v %q %d: got %v %+v, %v", k, date, art, n, gk, ref, err)
			}
		}
		if got, err := parseActorKey(actorKey(s)); err != nil || got != s {
			t.Fatalf("actor %q: got %q, %v", s, got, err)
		}
		if a, m, err := parseAffilKey(affilKey(s, d)); err != nil || a != s || m != d {
			t.Fatalf("affil %q %q: got %q %q, %v", s, d, a, m, err)
		}
		if got, err := parseArticleKey(articleKey(art)); err != nil || got != art {
			t.Fatalf("article %q: got %q, %v", art, got, err)
		}
		if s != d && bytes.HasPrefix(edgeKey(graph.EdgeKey{Source: d, Relation: graph.Denies, Target: s}), outPrefix(s)) {
			t.Fatalf("out prefix of %q captures an edge of %q", s, d)
		}
		norm := normalize(name)
		if norm != normalize(norm) {
			t.Fatalf("normalize not idempotent: %q -> %q -> %q", name, norm, normalize(norm))
		}
		if norm != "" {
			gn, gid, err := parseNameKey(nameKey(norm, s))
			if err != nil || gn != norm || gid != s {
				t.Fatalf("name %q %q: got %q %q, %v", norm, s, gn, gid, err)
			}
		}
	})
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"North Korea", "north korea"},
		{"  the   Kremlin’s ", "kremlin"},
		{"The Philippines'", "philippines"},
		{"AC/DC", "ac dc"},
		{"Théâtre", "théâtre"},
		{"the", "the"},
		{"the The Hague's'", "hague"},
		{"''", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"korea", "korea", 0}, {"nort korea", "north korea", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"ñu", "nu", 1}}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMergeActor(t *testing.T) {
	known := graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"DPRK"}}
	tests := []struct {
		name     string
		old      graph.Actor
		found    bool
		in, want graph.Actor
	}{
		{"new", graph.Actor{}, false,
			graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"Pyongyang", "North Korea", "DPRK", "DPRK"}},
			graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"DPRK", "Pyongyang"}}},
		{"placeholder upgraded", placeholder("PRK"), true, known, known},
		{"never downgraded", known, true, placeholder("PRK"), known},
		{"other name becomes alias", known, true,
			graph.Actor{ID: "PRK", Name: "Democratic People's Republic of Korea", Type: graph.Group},
			graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"DPRK", "Democratic People's Republic of Korea"}}},
		{"affiliation filled", graph.Actor{ID: "person:x", Name: "X", Type: graph.Person}, true,
			graph.Actor{ID: "person:x", Name: "X", Type: graph.Person, Affiliation: "RUS"},
			graph.Actor{ID: "person:x", Name: "X", Type: graph.Person, Affiliation: "RUS"}},
		{"affiliation kept", graph.Actor{ID: "person:x", Name: "X", Type: graph.Person, Affiliation: "RUS"}, true,
			graph.Actor{ID: "person:x", Name: "X", Type: graph.Person, Affiliation: "UKR"},
			graph.Actor{ID: "person:x", Name: "X", Type: graph.Person, Affiliation: "RUS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergeActor(tt.old, tt.found, tt.in); !equalActors(got, tt.want) {
				t.Errorf("mergeActor = %+v, want %+v", got, tt.want)
			}
		})
	}
}
