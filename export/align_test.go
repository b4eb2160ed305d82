package export

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"geokg/graph"
)

// TestWriteAlignedAsTabwriter checks that writeAligned writes what a
// tabwriter with the view table's settings writes for the same cells:
// random ones, with multi-byte runes and empty cells (the rows of further
// evidence), in tables of one to many rows.
func TestWriteAlignedAsTabwriter(t *testing.T) {
	words := []string{"", "-", "→", "←", "↔", "accuses", "Côte d'Ivoire", "2024-01-02–2025-03-04", "12", "Ministry of Foreign Affairs", "[alleged by Россия] Сказал.", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		rows := make([][viewColumns + 1]string, 1+n%17)
		for i := range rows {
			for j := range rows[i] {
				rows[i][j] = words[rng.IntN(len(words))]
				if rng.IntN(4) == 0 {
					rows[i][j] += " " + words[rng.IntN(len(words))]
				}
			}
		}
		var got, want bytes.Buffer
		if err := writeAligned(&got, rows); err != nil {
			t.Fatal(err)
		}
		tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
		for _, r := range rows {
			tw.Write([]byte(strings.Join(r[:], "\t") + "\n"))
		}
		if err := tw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("table %d:\ngot:\n%s\nwant (tabwriter):\n%s", n, got.String(), want.String())
		}
	}
}

// TestAppendSeen: appendSeen appends what seen returns, for edges with
// neither date, one, the same two and two different ones.
func TestAppendSeen(t *testing.T) {
	days := []time.Time{{}, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 23, 0, 0, 0, time.FixedZone("x", -5*3600)),
		time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}
	for _, first := range days {
		for _, last := range days {
			e := graph.Edge{FirstSeen: first, LastSeen: last}
			if got, want := string(appendSeen([]byte("x"), e)), "x"+seen(e); got != want {
				t.Errorf("appendSeen(%v, %v) = %q, want %q", first, last, got, want)
			}
		}
	}
}

// TestAppendDate compares appendDate with the layout's formatting, on
// random instants of years 0 to 12000 and of years outside, in several
// zones.
func TestAppendDate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, time.FixedZone("east", 14*3600), time.FixedZone("west", -12*3600)}
	for i := range 20000 {
		sec := r.Int64N(12001*365*86400) - 62135596800 // from year 1 on
		if i%100 == 0 {
			sec = r.Int64N(1<<40) - 1<<39 // years far outside
		}
		day := time.Unix(sec, 0).In(zones[i%len(zones)])
		if day.IsZero() {
			continue
		}
		if got, want := string(appendDate([]byte("x"), day)), "x"+day.UTC().Format(graph.DateLayout); got != want {
			t.Fatalf("appendDate(%v) = %q, want %q", day, got, want)
		}
	}
}
