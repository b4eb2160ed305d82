package export

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"geokg/graph"
)

// errNilView is returned for a nil view.
var errNilView = fmt.Errorf("nil view: %w", graph.ErrInvalid)

// jsonView is one actor's relations (ViewJSON).
type jsonView struct {
	Actor       jsonNode       `json:"actor"`
	MentionedIn int            `json:"mentioned_in"`
	Relations   []jsonRelation `json:"relations"`
}

// jsonRelation is one link of a view, seen from the viewed actor.
type jsonRelation struct {
	Direction string        `json:"direction"` // out, in, or both (symmetric relations)
	Relation  string        `json:"relation"`
	Actor     jsonNode      `json:"actor"`         // the actor at the far end
	Via       *jsonNode     `json:"via,omitempty"` // who spoke for the viewed actor
	Articles  int           `json:"articles"`
	Mentions  int           `json:"mentions"`
	FirstSeen string        `json:"first_seen,omitempty"`
	LastSeen  string        `json:"last_seen,omitempty"`
	Evidence  []jsonMention `json:"evidence"`
}

// ViewJSON writes one actor's relations as {"actor": NODE, "relations":
// [...]}, where NODE is the node object of JSON, relations come in
// graph.CompareLinks order, and direction is "both" for a symmetric
// relation. It returns an error wrapping graph.ErrInvalid if v is nil.
func ViewJSON(w io.Writer, v *graph.View) error {
	if v == nil {
		return fmt.Errorf("export: view json: %w", errNilView)
	}
	v, links, err := orderedView(v)
	if err != nil {
		return fmt.Errorf("export: view json: %w", err)
	}
	ev := &linkEvidence{v: v, links: links}
	jw := newJSONWriter(w)
	jw.raw("{\n")
	jw.value("actor")
	jw.raw(": ")
	jw.value(toNode(v.Actor))
	jw.raw(",\n")
	jw.value("mentioned_in")
	jw.raw(": ")
	jw.value(v.MentionedIn)
	jw.raw(",\n")
	jw.array("relations", len(links), func(i int) any {
		ms, lerr := ev.of(i)
		err = cmp.Or(err, lerr)
		return toRelation(v, links[i], ms)
	})
	jw.raw("\n}\n")
	if err := cmp.Or(err, jw.flush()); err != nil {
		return fmt.Errorf("export: view json: %w", err)
	}
	return nil
}

// toRelation is link l of v with its evidence ms.
func toRelation(v *graph.View, l graph.Link, ms []graph.Mention) jsonRelation {
	r := jsonRelation{
		Direction: string(direction(l)),
		Relation:  string(l.Edge.Relation),
		Actor:     toNode(viewActor(v, l.Other)),
		Articles:  l.Edge.Articles,
		Mentions:  l.Edge.Mentions,
		FirstSeen: graph.FormatDate(l.Edge.FirstSeen),
		LastSeen:  graph.FormatDate(l.Edge.LastSeen),
		Evidence:  toMentions(ms),
	}
	if l.Via != "" {
		via := toNode(viewActor(v, l.Via))
		r.Via = &via
	}
	return r
}

// ViewTable writes v as an aligned text table: a title line, then one row
// per link with its direction (→ out, ← in, ↔ both), relation, the other
// actor's name, who spoke for the viewed actor (or -), the article count,
// the first–last dates, and its first evidence sentence, whole (a terminal
// cuts lines, not this table), after its status when it is not simply
// asserted ("[alleged by Ukraine]", "[denied by Iran]"); each further
// evidence sentence of the link (as many as the view holds) gets a row of
// its own below, with the other cells empty. A view with no links gives
// one line saying so, with how many articles name the actor. It returns an
// error wrapping graph.ErrInvalid if v is nil.
func ViewTable(w io.Writer, v *graph.View) error {
	if v == nil {
		return fmt.Errorf("export: view table: %w", errNilView)
	}
	v, links, err := orderedView(v)
	if err != nil {
		return fmt.Errorf("export: view table: %w", err)
	}
	title := actorTitle(v.Actor)
	if len(links) == 0 {
		_, err = fmt.Fprintf(w, "%s: mentioned in %s, no relations\n", title, plural(v.MentionedIn, "article"))
	} else {
		err = writeRows(w, v, title, links)
	}
	if err != nil {
		return fmt.Errorf("export: view table: %w", err)
	}
	return nil
}

// viewColumns is how many aligned columns a view table has before its
// evidence, which is not padded.
const viewColumns = 6

func writeRows(w io.Writer, v *graph.View, title string, links []graph.Link) error {
	noun := "relations"
	if len(links) == 1 {
		noun = "relation"
	}
	if _, err := fmt.Fprintf(w, "%s: %d %s\n\n", title, len(links), noun); err != nil {
		return err
	}
	name := func(id graph.ActorID) string { return displayName(viewActor(v, id)) }
	ev := &linkEvidence{v: v, links: links}
	var scratch []byte // the articles and seen cells, without a string each
	// rows goes through the table twice: to measure its columns, then to
	// write it; the evidence, which is not padded, only the second time.
	rows := func(a *aligner) error {
		for _, c := range viewHeader[:viewColumns] {
			a.cell(c)
		}
		if err := a.end(viewHeader[viewColumns]); err != nil {
			return err
		}
		for i, l := range links {
			via := "-"
			if l.Via != "" {
				via = name(l.Via)
			}
			a.cell(arrows[direction(l)])
			a.cell(clean(string(l.Edge.Relation)))
			a.cell(name(l.Other))
			a.cell(via)
			scratch = strconv.AppendInt(scratch[:0], int64(l.Edge.Articles), 10)
			a.cellBytes(scratch)
			scratch = appendSeen(scratch[:0], l.Edge)
			a.cellBytes(scratch)
			if a.measuring {
				a.skip()
				continue // the rows of further evidence have empty cells
			}
			ms, err := ev.of(i)
			if err != nil {
				return err
			}
			evidence := "-"
			if len(ms) > 0 {
				evidence = statusCell(ms[0], name)
			}
			if err := a.end(evidence); err != nil {
				return err
			}
			for _, m := range ms[min(1, len(ms)):] {
				for range viewColumns {
					a.cell("")
				}
				if err := a.end(statusCell(m, name)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return writeTwice(w, rows)
}

// viewHeader is the view table's header row.
var viewHeader = [viewColumns + 1]string{"DIR", "RELATION", "ACTOR", "VIA", "ARTICLES", "SEEN", "EVIDENCE"}

// writeTwice runs rows through an aligner measuring the columns, then
// through one writing them to w. A table of Russia's 2,345 relations
// (with 3 sentences each) held as rows of strings was 655 KB, 160 fresh
// pages of a process that lives 50 ms (docs/benchmarks.md, "Start-up").
func writeTwice(w io.Writer, rows func(a *aligner) error) error {
	a := &aligner{measuring: true}
	if err := rows(a); err != nil {
		return err
	}
	a.measuring, a.w = false, w
	return rows(a)
}

// writeAligned writes rows as a tabwriter with padding 2 and flags 0
// would write them with tabs between their cells: each cell but the last
// padded with spaces to the widest of its column (in runes) plus two. The
// cells are clean (no tab, line break or escape byte), which is what
// makes the columns one block each, as tabwriter would see them. It does
// not keep every cell's text as tabwriter does: a table of Russia's 1,566
// relations took a tenth of "geokg actor"'s CPU. writeRows does the same
// with an aligner of its own, without the rows held in memory.
func writeAligned(w io.Writer, rows [][viewColumns + 1]string) error {
	return writeTwice(w, func(a *aligner) error {
		for _, r := range rows {
			for _, c := range r[:viewColumns] {
				a.cell(c)
			}
			if err := a.end(r[viewColumns]); err != nil {
				return err
			}
		}
		return nil
	})
}

// aligner measures the widths of a table's first viewColumns columns
// (measuring), or writes rows padded to them, a line at a time.
type aligner struct {
	measuring bool
	widths    [viewColumns]int
	col       int
	line      []byte
	w         io.Writer
}

// cell is the row's next padded cell.
func (a *aligner) cell(c string) { a.add(utf8.RuneCountInString(c), c, nil) }

// cellBytes is cell for a cell held in bytes.
func (a *aligner) cellBytes(c []byte) { a.add(utf8.RuneCount(c), "", c) }

func (a *aligner) add(runes int, s string, b []byte) {
	if a.measuring {
		a.widths[a.col] = max(a.widths[a.col], runes)
	} else {
		a.line = append(append(a.line, s...), b...)
		for range a.widths[a.col] + 2 - runes {
			a.line = append(a.line, ' ')
		}
	}
	a.col++
}

// end ends the row with its last cell, unpadded, and writes it.
func (a *aligner) end(last string) error {
	a.col = 0
	if a.measuring {
		return nil
	}
	a.line = append(append(a.line, last...), '\n')
	_, err := a.w.Write(a.line)
	a.line = a.line[:0]
	return err
}

// skip ends a row while measuring, without its last cell.
func (a *aligner) skip() { a.col = 0 }

// evidenceCell is the mention's sentence, after its status in brackets
// when it is not simply asserted.
func evidenceCell(m graph.Mention) string {
	s := clean(m.Sentence)
	if m.Status != graph.Asserted && m.Status != "" {
		s = "[" + clean(string(m.Status)) + "] " + s
	}
	return s
}

// statusCell is evidenceCell saying who claims or disputes the mention:
// "[alleged by Ukraine]", "[claimed by South Korea, denied by North
// Korea]", "[denied by Iran]".
func statusCell(m graph.Mention, name func(graph.ActorID) string) string {
	var parts []string
	switch {
	case m.ClaimedBy != "" && (m.Status == graph.Alleged || m.Status == graph.Promised):
		parts = append(parts, clean(string(m.Status))+" by "+name(m.ClaimedBy))
	case m.ClaimedBy != "":
		parts = append(parts, "claimed by "+name(m.ClaimedBy))
	case m.Status != graph.Asserted && m.Status != "" && (m.Status != graph.Denied || m.DisputedBy == ""):
		parts = append(parts, clean(string(m.Status)))
	}
	if m.DisputedBy != "" {
		parts = append(parts, "denied by "+name(m.DisputedBy))
	}
	s := clean(m.Sentence)
	if len(parts) > 0 {
		s = "[" + strings.Join(parts, ", ") + "] " + s
	}
	return s
}

var arrows = map[graph.Direction]string{graph.Out: "→", graph.In: "←", graph.Both: "↔"}

// actorTitle is "Name (id)", cleaned for one line.
func actorTitle(a graph.Actor) string {
	name, id := displayName(a), clean(string(a.ID))
	if name == id {
		return name
	}
	return fmt.Sprintf("%s (%s)", name, id)
}

// displayName is the actor's name cleaned for one line, or its id when the
// name is blank.
func displayName(a graph.Actor) string {
	if name := clean(a.Name); name != "" {
		return name
	}
	return clean(string(a.ID))
}

// seen is "first–last", one date when they agree, or "-" when unknown.
func seen(e graph.Edge) string {
	first, last := graph.FormatDate(e.FirstSeen), graph.FormatDate(e.LastSeen)
	switch {
	case first == "" && last == "":
		return "-"
	case first == last || last == "":
		return first
	case first == "":
		return last
	}
	return first + "–" + last
}

// appendSeen appends seen(e) to dst.
func appendSeen(dst []byte, e graph.Edge) []byte {
	firstZero, lastZero := e.FirstSeen.IsZero(), e.LastSeen.IsZero()
	switch {
	case firstZero && lastZero:
		return append(dst, '-')
	case lastZero:
		return appendDate(dst, e.FirstSeen)
	case firstZero:
		return appendDate(dst, e.LastSeen)
	}
	start := len(dst)
	dst = appendDate(dst, e.FirstSeen)
	mid := len(dst)
	dst = appendDate(append(dst, "–"...), e.LastSeen)
	if string(dst[start:mid]) == string(dst[mid+len("–"):]) {
		return dst[:mid]
	}
	return dst
}

// appendDate appends graph.FormatDate(t) of a t that is not zero: its
// digits for a year of four (the layout's parser took 1% of actor
// Russia's CPU, a table's 9,000 dates), else through the layout.
func appendDate(dst []byte, t time.Time) []byte {
	y, m, d := t.UTC().Date()
	if y < 0 || y > 9999 {
		return t.UTC().AppendFormat(dst, graph.DateLayout)
	}
	return append(dst, digit(y/1000), digit(y/100), digit(y/10), digit(y), '-', digit(int(m)/10), digit(int(m)), '-', digit(d/10), digit(d))
}

// digit is n's last decimal digit, n >= 0.
func digit(n int) byte { return byte('0' + n%10) }

// direction is the link's direction, Both for a symmetric relation, and Out
// when unset.
func direction(l graph.Link) graph.Direction {
	switch {
	case l.Edge.Relation.Symmetric():
		return graph.Both
	case l.Direction == graph.In:
		return graph.In
	}
	return graph.Out
}

// viewActor finds an actor of the view, or a stub for an unknown id.
func viewActor(v *graph.View, id graph.ActorID) graph.Actor {
	if a, ok := v.Actors[id]; ok {
		return a
	}
	if id == v.Actor.ID {
		return v.Actor
	}
	return stub(id)
}

// orderedView returns v's links as sortedLinks does, with v, or, when
// they were not in order and v holds mentions undecoded (Leads), with a
// copy of v whose links hold them.
func orderedView(v *graph.View) (*graph.View, []graph.Link, error) {
	if linksSorted(v.Links) {
		return v, v.Links, nil
	}
	if v.Leads == nil {
		return v, sortedLinks(v.Links), nil
	}
	c := *v
	if err := c.DecodeLeads(); err != nil {
		return nil, nil, err
	}
	return &c, sortedLinks(c.Links), nil
}

// linkEvidence gives the evidence of links, a view's links in order:
// their Edge.Evidence, or, when the view holds mentions undecoded (links
// are then v.Links), what v.EvidenceOf decodes, valid until the next call.
type linkEvidence struct {
	v     *graph.View
	links []graph.Link
	buf   [1]graph.Mention
}

// of is link i's evidence.
func (le *linkEvidence) of(i int) ([]graph.Mention, error) {
	if le.v.Leads == nil {
		return le.links[i].Edge.Evidence, nil
	}
	return le.v.EvidenceOf(i, &le.buf)
}

// linksSorted reports whether links are in CompareLinks order, each with
// sorted evidence.
func linksSorted(links []graph.Link) bool {
	evidenceSorted := func(l graph.Link) bool { return slices.IsSortedFunc(l.Edge.Evidence, compareMentions) }
	return slices.IsSortedFunc(links, compareLinks) && !slices.ContainsFunc(links, func(l graph.Link) bool { return !evidenceSorted(l) })
}

// sortedLinks returns links in CompareLinks order, each with sorted
// evidence: links itself when they are so already (as the store gives
// them: the copy of Russia's 2,400 links was a twelfth of what
// "geokg actor Russia" allocated), else a sorted copy. Callers only read
// it.
func sortedLinks(links []graph.Link) []graph.Link {
	if linksSorted(links) {
		return links
	}
	out := slices.Clone(links)
	for i := range out {
		out[i].Edge.Evidence = sortedEvidence(out[i].Edge.Evidence)
	}
	slices.SortFunc(out, compareLinks)
	return out
}

// compareLinks is graph.CompareLinks with a final tie-break on the edges.
func compareLinks(a, b graph.Link) int {
	if c := a.Compare(&b); c != 0 {
		return c
	}
	return compareEdges(a.Edge, b.Edge)
}
