package graph_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"geokg/graph"
)

func TestActorIDValidate(t *testing.T) {
	tests := []struct {
		name string
		id   graph.ActorID
		ok   bool
	}{
		{"iso code", "PRK", true},
		{"prefixed slug", "person:kim-yo-jong", true},
		{"non-ASCII", "person:josé-álvarez", true},
		{"CJK", "person:김여정", true},
		{"space", "org:un security council", true},
		{"max length", graph.ActorID(strings.Repeat("a", graph.MaxIDLen)), true},
		{"max length multibyte", graph.ActorID(strings.Repeat("é", graph.MaxIDLen/2)), true},
		{"empty", "", false},
		{"slash", "org:nato/otan", false},
		{"only slash", "/", false},
		{"NUL", "PRK\x00", false},
		{"newline", "PRK\n", false},
		{"tab", "a\tb", false},
		{"DEL", "a\x7fb", false},
		{"too long", graph.ActorID(strings.Repeat("a", graph.MaxIDLen+1)), false},
		{"too long multibyte", graph.ActorID(strings.Repeat("é", graph.MaxIDLen/2+1)), false},
		{"invalid UTF-8", "PRK\xff", false},
		{"truncated rune", graph.ActorID("é"[:1]), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.id.Validate()
			if tt.ok && err != nil {
				t.Fatalf("Validate(%q) = %v, want nil", tt.id, err)
			}
			if !tt.ok {
				if err == nil {
					t.Fatalf("Validate(%q) = nil, want an error", tt.id)
				}
				if !errors.Is(err, graph.ErrInvalid) {
					t.Fatalf("Validate(%q) = %v, want it to wrap ErrInvalid", tt.id, err)
				}
			}
		})
	}
}

func TestActorIDValidateLongMessage(t *testing.T) {
	// The message of a too-long id is cut short, so a huge id does not
	// flood the user's terminal.
	err := graph.ActorID(strings.Repeat("x", 10000)).Validate()
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("Validate(10000 bytes) = %v (%d bytes), want a short error", err, len(err.Error()))
	}
}

func TestParseActorType(t *testing.T) {
	tests := []struct {
		in   string
		want graph.ActorType
		ok   bool
	}{
		{"country", graph.Country, true},
		{"Organization", graph.Organization, true},
		{" GROUP ", graph.Group, true},
		{"person", graph.Person, true},
		{"territory", graph.Territory, true},
		{"", "", false},
		{"state", "", false},
		{"organisation", "", false},
		{"persons", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := graph.ParseActorType(tt.in)
			if tt.ok != (err == nil) || got != tt.want {
				t.Fatalf("ParseActorType(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
			if err != nil && !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("ParseActorType(%q) error %v does not wrap ErrInvalid", tt.in, err)
			}
		})
	}
	for _, k := range graph.ActorTypes {
		if got, err := graph.ParseActorType(string(k)); err != nil || got != k {
			t.Errorf("ParseActorType(%q) = %q, %v; want it back", k, got, err)
		}
	}
}

func TestActorValidate(t *testing.T) {
	ok := graph.Actor{ID: "person:kim-yo-jong", Name: "Kim Yo-jong", Type: graph.Person, Affiliation: "PRK"}
	tests := []struct {
		name   string
		modify func(*graph.Actor)
		ok     bool
	}{
		{"valid", func(*graph.Actor) {}, true},
		{"no affiliation", func(a *graph.Actor) { a.Affiliation = "" }, true},
		{"bad id", func(a *graph.Actor) { a.ID = "a/b" }, false},
		{"empty name", func(a *graph.Actor) { a.Name = "" }, false},
		{"blank name", func(a *graph.Actor) { a.Name = " \t" }, false},
		{"unknown type", func(a *graph.Actor) { a.Type = "state" }, false},
		{"empty type", func(a *graph.Actor) { a.Type = "" }, false},
		{"bad affiliation", func(a *graph.Actor) { a.Affiliation = "PRK\x00" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ok
			tt.modify(&a)
			err := a.Validate()
			if tt.ok != (err == nil) {
				t.Fatalf("Validate(%+v) = %v, want ok=%v", a, err, tt.ok)
			}
			if err != nil && !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("Validate(%+v) = %v, want it to wrap ErrInvalid", a, err)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Yo-jong", "kim-yo-jong"},
		{"Sergei Lavrov", "sergei-lavrov"},
		{"People's Republic of China", "peoples-republic-of-china"},
		{"People\u2019s Liberation Army", "peoples-liberation-army"},
		{"U.S. State Department", "us-state-department"},
		{"  Hamas  ", "hamas"},
		{"Al-Qaeda (AQAP)", "al-qaeda-aqap"},
		{"Kim\u00a0Jong Un", "kim-jong-un"},
		{"Côte d’Ivoire", "côte-divoire"},
		{"ÉLYSÉE", "élysée"},
		{"G7 / G20", "g7-g20"},
		{"a--b__c", "a-b-c"},
		{"NATO!", "nato"},
		{"", ""},
		{"---", ""},
		{"...", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := graph.Slug(tt.in); got != tt.want {
				t.Fatalf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSlug checks that a slug is always usable in an id: valid UTF-8, no
// '/', no ASCII control characters, no leading, trailing or doubled dash,
// and that slugging a slug changes nothing.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Kim Yo-jong", "U.S.", "a/b", "\xff", "Côte d’Ivoire", " - ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := graph.Slug(name)
		if !utf8.ValidString(s) {
			t.Fatalf("Slug(%q) = %q: not UTF-8", name, s)
		}
		if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("Slug(%q) = %q: stray dash", name, s)
		}
		for _, r := range s {
			if r < 0x20 || r == 0x7f || r == '/' || r == ' ' {
				t.Fatalf("Slug(%q) = %q: contains %q", name, s, r)
			}
		}
		if again := graph.Slug(s); again != s {
			t.Fatalf("Slug(Slug(%q)) = %q, want %q", name, again, s)
		}
		if s != "" && len(s) <= graph.MaxIDLen {
			if err := graph.ActorID(s).Validate(); err != nil {
				t.Fatalf("Slug(%q) = %q does not validate: %v", name, s, err)
			}
		}
	})
}
