package export_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"geokg/export"
	"geokg/graph"
)

func writeTable(t *testing.T, v *graph.View) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.ViewTable(&buf, v); err != nil {
		t.Fatalf("ViewTable: %v", err)
	}
	return buf.String()
}

// tableRows returns the header and data rows of a ViewTable output.
func tableRows(t *testing.T, out string) (header string, rows []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 3 || lines[1] != "" || !strings.HasPrefix(lines[2], "DIR") {
		t.Fatalf("want a title, a blank line and a header, got:\n%s", out)
	}
	return lines[2], lines[3:]
}

// TestViewTableAligned checks that every row starts each column at the
// header's column, counting runes.
func TestViewTableAligned(t *testing.T) {
	g := testGraph()
	for _, id := range []graph.ActorID{"PRK", "RUS", "org:nato", "KOR"} {
		t.Run(string(id), func(t *testing.T) {
			header, rows := tableRows(t, writeTable(t, viewOf(g, id)))
			want := 0 // a row per evidence sentence, at least one per link
			for _, l := range viewOf(g, id).Links {
				want += max(1, len(l.Edge.Evidence))
			}
			if len(rows) != want {
				t.Fatalf("got %d rows, want %d", len(rows), want)
			}
			for _, col := range []string{"RELATION", "ACTOR", "VIA", "ARTICLES", "SEEN", "EVIDENCE"} {
				at := utf8.RuneCountInString(header[:strings.Index(header, col)])
				for _, row := range rows {
					if strings.HasPrefix(row, " ") && col != "EVIDENCE" {
						continue // a further sentence of the link above: only EVIDENCE is filled
					}
					r := []rune(row)
					if len(r) <= at || r[at-1] != ' ' || r[at] == ' ' {
						t.Errorf("column %s (rune %d) not aligned in %q", col, at, row)
					}
				}
			}
		})
	}
}

// TestViewTableWholeEvidence checks that a sentence is never cut (a
// terminal cuts lines; a pipe gets them whole) and that each evidence
// sentence of a link gets a row, with who claims or denies it.
func TestViewTableWholeEvidence(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("Ministers in Tbilisi and Yerevan said the convoy carried more than medicine. ", 4))
	nonASCII := strings.TrimSpace(strings.Repeat("Мінобороны заявило, что поставки продолжатся. ", 5))
	e := graph.Edge{EdgeKey: graph.NewEdgeKey("ARM", graph.Accuses, "AZE"), Articles: 3, Mentions: 3,
		Evidence: []graph.Mention{
			{Source: "ARM", Relation: graph.Accuses, Target: "AZE", Sentence: long, Status: graph.Asserted, Article: "a"},
			{Source: "ARM", Relation: graph.Accuses, Target: "AZE", Sentence: nonASCII, Status: graph.Alleged, ClaimedBy: "GEO", Article: "b"},
			{Source: "ARM", Relation: graph.Accuses, Target: "AZE", Sentence: "Short.", Status: graph.Denied, DisputedBy: "AZE", Article: "c"},
		}}
	v := &graph.View{Actor: graph.Actor{ID: "ARM", Name: "Armenia", Type: graph.Country},
		Links:  []graph.Link{{Direction: graph.Out, Other: "AZE", Edge: e}},
		Actors: map[graph.ActorID]graph.Actor{"GEO": {ID: "GEO", Name: "Georgia"}, "AZE": {ID: "AZE", Name: "Azerbaijan"}}}
	header, rows := tableRows(t, writeTable(t, v))
	at := utf8.RuneCountInString(header[:strings.Index(header, "EVIDENCE")])
	var cells []string
	for _, row := range rows {
		cells = append(cells, string([]rune(row)[at:]))
	}
	want := []string{long, "[alleged by Georgia] " + nonASCII, "[denied by Azerbaijan] Short."}
	if strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("evidence cells:\n%s\nwant\n%s", strings.Join(cells, "\n"), strings.Join(want, "\n"))
	}
}

// TestViewTableEmpty checks the one line written for an actor with no
// relations.
func TestViewTableEmpty(t *testing.T) {
	v := &graph.View{Actor: graph.Actor{ID: "territory:far-isle", Name: "Far Isle", Type: graph.Territory}}
	out := writeTable(t, v)
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "Far Isle") || !strings.Contains(out, "no relations") {
		t.Errorf("got %q, want one line saying Far Isle has no relations", out)
	}
}

// TestViewTableLabels checks that names and sentences with tabs and newlines
// cannot break the table.
func TestViewTableLabels(t *testing.T) {
	g := labelGraph()
	out := writeTable(t, viewOf(g, "org:back\\slash"))
	header, rows := tableRows(t, out)
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2:\n%s", len(rows), out)
	}
	if strings.ContainsAny(out, "\t\r\x00\x07") {
		t.Errorf("raw tab or control character in:\n%s", out)
	}
	if !strings.HasPrefix(header, "DIR") || !strings.Contains(rows[0], `The "Northern" Front committee`) {
		t.Errorf("row %q lacks the cleaned name", rows[0])
	}
	if !strings.Contains(rows[1], "person:x") {
		t.Errorf("row %q: an actor with a blank name should show its id", rows[1])
	}
}

// TestViewDirections checks the direction words of ViewJSON.
func TestViewDirections(t *testing.T) {
	var buf bytes.Buffer
	if err := export.ViewJSON(&buf, viewOf(testGraph(), "RUS")); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Actor       docNode `json:"actor"`
		MentionedIn int     `json:"mentioned_in"`
		Relations   []struct {
			Direction string       `json:"direction"`
			Relation  string       `json:"relation"`
			Actor     docNode      `json:"actor"`
			Via       *docNode     `json:"via"`
			Articles  int          `json:"articles"`
			Mentions  int          `json:"mentions"`
			FirstSeen string       `json:"first_seen"`
			LastSeen  string       `json:"last_seen"`
			Evidence  []docMention `json:"evidence"`
		} `json:"relations"`
	}
	decodeStrict(t, buf.Bytes(), &doc)
	if doc.Actor.ID != "RUS" || doc.Actor.Name != "Russia" {
		t.Errorf("actor = %+v, want RUS Russia", doc.Actor)
	}
	got := map[string]string{}
	for _, r := range doc.Relations {
		got[r.Relation+" "+r.Actor.ID] = r.Direction
		switch via := r.Via; {
		case r.Relation == "denies" && (via == nil || via.ID != "person:anna-petrova" || via.Name != "Anna Petrova"):
			t.Errorf("denies: via = %+v, want Anna Petrova", via)
		case r.Relation != "denies" && via != nil:
			t.Errorf("%s %s: via = %+v, want none", r.Relation, r.Actor.ID, via)
		}
		if r.Evidence == nil {
			t.Errorf("relation %s %s: evidence null", r.Relation, r.Actor.ID)
		}
	}
	want := map[string]string{
		"supplies PRK": "in", "allies-with PRK": "both", "recognizes territory:north-isle": "out",
		"accuses org:nato": "in", "denies org:nato": "out",
	}
	for k, d := range want {
		if got[k] != d {
			t.Errorf("%s: direction %q, want %q (all: %v)", k, got[k], d, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got relations %v, want %v", got, want)
	}
}

func TestViewNil(t *testing.T) {
	if err := export.ViewJSON(new(bytes.Buffer), nil); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("ViewJSON(nil) = %v, want an error wrapping graph.ErrInvalid", err)
	}
	if err := export.ViewTable(new(bytes.Buffer), nil); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("ViewTable(nil) = %v, want an error wrapping graph.ErrInvalid", err)
	}
}
