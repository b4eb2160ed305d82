package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"geokg/graph"
)

// countries.tsv is generated from github.com/biter777/countries and the
// state rows of curated.tsv; run "go generate ./extract" after editing those.
//go:generate go run ./internal/gendict -curated data/curated.tsv -out data/countries.tsv

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/curated.tsv
var curatedTSV string

// NameKind says how a surface form of an actor may be used in text.
type NameKind uint8

// The kinds of names. The file format writes them as a prefix of the name
// ("capital:Moscow"); NameProper has no prefix.
const (
	// NameProper is a proper name usable as a noun phrase ("DPRK", "the Kremlin").
	NameProper NameKind = iota
	// NameCapital is a capital city standing for its state ("Moscow said").
	NameCapital
	// NameDemonym is an adjective that names the state only with a head noun
	// or an article ("Russian officials", "the North Korean regime").
	NameDemonym
	// NameTitle is a role phrase of a person ("Russian foreign minister").
	NameTitle
)

var kindPrefixes = [...]string{NameProper: "", NameCapital: "capital", NameDemonym: "demonym", NameTitle: "title"}

// String returns the file-format prefix of k without its colon, or "proper".
func (k NameKind) String() string {
	if k == NameProper {
		return "proper"
	}
	if int(k) < len(kindPrefixes) {
		return kindPrefixes[k]
	}
	return fmt.Sprintf("NameKind(%d)", k)
}

// Name is one surface form of an actor.
type Name struct {
	Text string
	Kind NameKind
}

// Entry is one actor of a Dictionary with every way it is named.
type Entry struct {
	// Actor is the actor; Actor.Aliases holds every name but Actor.Name,
	// as plain text without kind.
	Actor graph.Actor
	// Names holds every surface form including the canonical name, which
	// comes first with Kind NameProper; the others keep file order.
	Names []Name
	// From and To bound, both inclusive, the days on which the actor holds
	// the role its titles and affiliation describe (a minister's term).
	// They are zero when not given.
	From, To time.Time
}

// Active reports whether the entry's role covers the day of t: From and To
// are compared by calendar day, and a zero bound is open.
func (e Entry) Active(t time.Time) bool {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return (e.From.IsZero() || !d.Before(e.From)) && (e.To.IsZero() || !d.After(e.To))
}

func (e Entry) clone() Entry {
	e.Names = slices.Clone(e.Names)
	e.Actor.Aliases = slices.Clone(e.Actor.Aliases)
	return e
}

// Dictionary is an immutable set of actors keyed by id, with an index of
// their names. Build one with LoadDictionary, NewDictionary or Builtin.
type Dictionary struct {
	// entries and ids are read after parsed(), which fills them on first
	// use in the built-in dictionary of a binary with its ready form
	entries map[graph.ActorID]Entry
	ids     []graph.ActorID // sorted
	// byName maps lookupKey(name) to the sorted ids of the actors with
	// that name. It is built on the first lookup (idsNamed): an extractor
	// and most commands never look a name up this way.
	byName     map[string][]graph.ActorID
	byNameOnce sync.Once
	// ready is set on the built-in dictionary when its files are those
	// that the ready form of its trie was made from (ready.go)
	ready bool
	// parse, when set, parses the entries on first use (parsed): an
	// extractor over the built-in dictionary reads its actors and names
	// from the ready form, and most commands read none
	parse     func() (*Dictionary, error)
	parseOnce sync.Once
}

// parsed returns d with its entries, parsing them first if that was put
// off. The files it parses are those the ready form was made from, which
// TestReadyForm parses too, so an error here is a bug.
func (d *Dictionary) parsed() *Dictionary {
	d.parseOnce.Do(func() {
		if d.parse == nil {
			return
		}
		p, err := d.parse()
		if err != nil {
			panic(fmt.Sprintf("built-in dictionary: %v", err))
		}
		d.entries, d.ids = p.entries, p.ids
	})
	return d
}

// NewDictionary builds a dictionary from entries, checking each the way
// LoadDictionary checks a line. Names[0] must be the canonical name; if it
// is missing or differs from Actor.Name it is inserted. Actor.Aliases is
// recomputed from Names.
func NewDictionary(entries []Entry) (*Dictionary, error) {
	m := make(map[graph.ActorID]Entry, len(entries))
	for _, e := range entries {
		if _, dup := m[e.Actor.ID]; dup {
			return nil, fmt.Errorf("dictionary: duplicate id %q", e.Actor.ID)
		}
		e, err := normalizeEntry(e)
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		m[e.Actor.ID] = e
	}
	return newDictionary(m), nil
}

func newDictionary(m map[graph.ActorID]Entry) *Dictionary {
	d := &Dictionary{entries: m, ids: make([]graph.ActorID, 0, len(m))}
	for id := range m {
		d.ids = append(d.ids, id)
	}
	slices.Sort(d.ids)
	return d
}

// idsNamed returns the sorted ids of the actors that have name as a name
// of any kind, compared as Lookup compares. The slice is the index's own.
// The built-in dictionary's index is in its ready form, so that a rule
// that asks does not parse the files.
func (d *Dictionary) idsNamed(name string) []graph.ActorID {
	if d.ready {
		return readyIDsNamed(lookupKey(name))
	}
	d.byNameOnce.Do(func() { d.byName = nameIndex(d.parsed()) })
	return d.byName[lookupKey(name)]
}

// nameIndex maps lookupKey of each name of d's entries, of any kind, to
// the sorted ids of the actors with that name. A capital written in
// capitals only ("capital:MALE") is a dateline's and no name to look up:
// "Male" is an English word.
func nameIndex(d *Dictionary) map[string][]graph.ActorID {
	m := map[string][]graph.ActorID{}
	for _, id := range d.ids {
		for _, n := range d.entries[id].Names {
			if n.Kind == NameCapital && isAllCaps(n.Text) {
				continue
			}
			k := lookupKey(n.Text)
			if ids := m[k]; len(ids) == 0 || ids[len(ids)-1] != id {
				m[k] = append(ids, id)
			}
		}
	}
	return m
}

// normalizeEntry validates e and puts its names in canonical form.
func normalizeEntry(e Entry) (Entry, error) {
	a := e.Actor
	a.Name = strings.TrimSpace(a.Name)
	if err := checkID(a.ID); err != nil {
		return e, err
	}
	if err := a.Validate(); err != nil {
		return e, err
	}
	if a.Affiliation == a.ID {
		return e, fmt.Errorf("actor %s: affiliated with itself: %w", a.ID, graph.ErrInvalid)
	}
	if !e.From.IsZero() && !e.To.IsZero() && e.To.Before(e.From) {
		return e, fmt.Errorf("actor %s: to %s before from %s: %w", a.ID, e.To.Format(dateLayout), e.From.Format(dateLayout), graph.ErrInvalid)
	}
	names := make([]Name, 1, len(e.Names)+1)
	names[0] = Name{Text: a.Name, Kind: NameProper}
	for _, n := range e.Names {
		n.Text = singleSpaced(n.Text)
		if err := checkName(a, n); err != nil {
			return e, err
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	a.Aliases = nil
	for _, n := range names[1:] {
		if n.Text != a.Name && !slices.Contains(a.Aliases, n.Text) {
			if a.Aliases == nil {
				a.Aliases = make([]string, 0, len(names)-1)
			}
			a.Aliases = append(a.Aliases, n.Text)
		}
	}
	e.Actor, e.Names = a, names
	return e, nil
}

// singleSpaced returns s without white space at either end and with each
// run of white space inside it turned into one space; s itself when it is
// so already, as names mostly are.
func singleSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '),
			c != ' ' && asciiSpace[c]:
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// checkID adds to graph.ActorID.Validate what the file format needs: no
// white space, no leading '#'.
func checkID(id graph.ActorID) error {
	if err := id.Validate(); err != nil {
		return err
	}
	if strings.ContainsFunc(string(id), unicode.IsSpace) || strings.HasPrefix(string(id), "#") {
		return fmt.Errorf("actor id %q: contains white space or starts with '#': %w", string(id), graph.ErrInvalid)
	}
	return nil
}

func checkName(a graph.Actor, n Name) error {
	switch {
	case n.Text == "":
		return fmt.Errorf("actor %s: empty name: %w", a.ID, graph.ErrInvalid)
	case n.Kind > NameTitle:
		return fmt.Errorf("actor %s: name %q: unknown kind %d: %w", a.ID, n.Text, n.Kind, graph.ErrInvalid)
	case n.Kind == NameTitle && a.Type != graph.Person:
		return fmt.Errorf("actor %s: title %q on a %s, titles are for persons: %w", a.ID, n.Text, a.Type, graph.ErrInvalid)
	case strings.ContainsAny(n.Text, ";\t\r\n"):
		return fmt.Errorf("actor %s: name %q contains ';' or a control character: %w", a.ID, n.Text, graph.ErrInvalid)
	}
	return nil
}

// lookupKey folds a name for Lookup: case, runs of spaces, typographic
// apostrophes and a leading "the" do not matter.
func lookupKey(s string) string {
	if foldedWord(s) {
		return s // one lower-case ASCII word: already its key, nothing built
	}
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.ReplaceAll(s, "\u2019", "'")
	return strings.TrimPrefix(s, "the ")
}

// foldedWord reports a string of ASCII bytes with no upper-case letter
// and no space, which lookupKey leaves as it is.
func foldedWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' || asciiSpace[c] {
			return false
		}
	}
	return true
}

var (
	builtinOnce sync.Once
	builtin     *Dictionary
	builtinErr  error
)

// Builtin returns the dictionary embedded in the binary: the generated
// data/countries.tsv (one row per state) plus the other rows of
// data/curated.tsv (organisations, groups, territories, persons). The
// state rows of curated.tsv are inputs of the generator and already folded
// into countries.tsv. It is parsed once, when first needed: not at all by
// an extractor when the ready form (ready.go) matches the files. If the
// parse fails, which is a bug that the tests catch, Builtin returns an
// empty dictionary and BuiltinErr says why.
func Builtin() *Dictionary {
	builds.dictionary.Add(1)
	builtinOnce.Do(func() {
		if readyMatches() {
			// the files parsed when the form was made from them
			builtin = &Dictionary{ready: true, parse: loadBuiltin}
			return
		}
		builtin, builtinErr = loadBuiltin()
		if builtinErr != nil {
			builtin = newDictionary(map[graph.ActorID]Entry{})
		}
	})
	return builtin
}

// BuiltinErr returns the error met while parsing the embedded dictionary,
// or nil.
func BuiltinErr() error {
	Builtin()
	return builtinErr
}

func loadBuiltin() (*Dictionary, error) {
	// the maps are made large enough at once: growing them cost more
	// than parsing the lines
	nStates, nCurated := strings.Count(countriesTSV, "\n")+1, strings.Count(curatedTSV, "\n")+1
	states, err := parseDictionary(stringLines(countriesTSV), "data/countries.tsv", nStates+nCurated)
	if err != nil {
		return nil, err
	}
	curated, err := parseDictionary(stringLines(curatedTSV), "data/curated.tsv", nCurated)
	if err != nil {
		return nil, err
	}
	m := states
	for id, e := range curated {
		if IsStateID(id) {
			if _, ok := states[id]; !ok {
				return nil, fmt.Errorf("data/curated.tsv: state %s missing from data/countries.tsv: run go generate ./extract", id)
			}
			continue
		}
		m[id] = e
	}
	d := newDictionary(m)
	d.ready = readyMatches()
	return d, nil
}

// stringLines yields the lines of s without their line ends, as a
// bufio.Scanner splitting lines would, but without copying them: the
// entries of the embedded files keep pointing into the binary's data.
func stringLines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			var line string
			line, s, _ = strings.Cut(s, "\n")
			if !yield(strings.TrimSuffix(line, "\r")) {
				return
			}
		}
	}
}

// IsStateID reports whether id has the form of an ISO 3166 alpha-3 code
// (three capital ASCII letters), which the dictionary uses for states and
// a few territories with a code of their own.
func IsStateID(id graph.ActorID) bool {
	if len(id) != 3 {
		return false
	}
	for i := range 3 {
		if id[i] < 'A' || id[i] > 'Z' {
			return false
		}
	}
	return true
}

const dateLayout = "2006-01-02"

// The columns of a dictionary line.
const (
	colID = iota
	colType
	colName
	colAffiliation
	colNames
	colFrom
	colTo
	numCols
)

// LoadDictionary reads a dictionary in the tab-separated format described
// in docs/dictionary.md. name is used in errors, which read
// "NAME:LINE: problem" and wrap graph.ErrInvalid when a value is bad.
func LoadDictionary(r io.Reader, name string) (*Dictionary, error) {
	builds.dictionary.Add(1)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	lines := func(yield func(string) bool) {
		for sc.Scan() && yield(sc.Text()) {
		}
	}
	m, err := parseDictionary(lines, name, 0)
	if err != nil {
		return nil, err
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	return newDictionary(m), nil
}

// parseDictionary parses the lines of a dictionary file into its entries
// by id, in a map made for size entries; see LoadDictionary.
func parseDictionary(lines iter.Seq[string], name string, size int) (map[graph.ActorID]Entry, error) {
	m := make(map[graph.ActorID]Entry, size)
	firstLine := make(map[graph.ActorID]int, size)
	n := 0
	for line := range lines {
		n++
		line = strings.TrimSuffix(line, "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		id := e.Actor.ID
		if first, dup := firstLine[id]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate id %q (first on line %d): %w", name, n, id, first, graph.ErrInvalid)
		}
		m[id], firstLine[id] = e, n
	}
	return m, nil
}

func parseLine(line string) (Entry, error) {
	if !utf8.ValidString(line) {
		return Entry{}, fmt.Errorf("not UTF-8: %w", graph.ErrInvalid)
	}
	n := strings.Count(line, "\t") + 1
	if n < colName+1 {
		return Entry{}, fmt.Errorf("%d columns, want at least 3 (id, type, name) separated by tabs: %w", n, graph.ErrInvalid)
	}
	if n > numCols {
		return Entry{}, fmt.Errorf("%d columns, want at most %d: %w", n, numCols, graph.ErrInvalid)
	}
	var f [numCols]string
	for i, rest := 0, line; rest != ""; i++ {
		f[i], rest, _ = strings.Cut(rest, "\t")
		f[i] = strings.TrimSpace(f[i])
	}
	typ, err := graph.ParseActorType(f[colType])
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Actor: graph.Actor{ID: graph.ActorID(f[colID]), Type: typ, Name: f[colName], Affiliation: graph.ActorID(f[colAffiliation])}}
	if e.Names, err = parseNames(f[colNames]); err != nil {
		return Entry{}, err
	}
	if e.From, err = parseDate("from", f[colFrom]); err != nil {
		return Entry{}, err
	}
	if e.To, err = parseDate("to", f[colTo]); err != nil {
		return Entry{}, err
	}
	return normalizeEntry(e)
}

func parseNames(s string) ([]Name, error) {
	if s == "" {
		return nil, nil
	}
	names := make([]Name, 0, strings.Count(s, ";")+1)
	for rest := s; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ";")
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		n := Name{Text: part}
		if prefix, rest, ok := strings.Cut(part, ":"); ok && isKindPrefix(prefix) {
			k := slices.Index(kindPrefixes[:], prefix)
			if k <= 0 {
				return nil, fmt.Errorf("name %q: unknown kind %q, want capital, demonym or title: %w", part, prefix, graph.ErrInvalid)
			}
			n = Name{Text: strings.TrimSpace(rest), Kind: NameKind(k)}
		}
		names = append(names, n)
	}
	return names, nil
}

// isKindPrefix reports whether s looks like a kind prefix (a lower-case
// ASCII word), so that typos such as "captial:" are errors rather than
// names, while names with a colon elsewhere stay names.
func isKindPrefix(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == ""
}

func parseDate(col, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s date %q: want YYYY-MM-DD: %w", col, s, graph.ErrInvalid)
	}
	return t, nil
}

// Merge returns a new dictionary holding d's entries and o's, where o's
// entry replaces d's when both have the same id. Neither d nor o changes.
func (d *Dictionary) Merge(o *Dictionary) *Dictionary {
	d, o = d.parsed(), o.parsed()
	m := make(map[graph.ActorID]Entry, len(d.entries)+len(o.entries))
	for id, e := range d.entries {
		m[id] = e
	}
	for id, e := range o.entries {
		m[id] = e
	}
	return newDictionary(m)
}

// Entries returns every entry sorted by id. The slices are copies.
func (d *Dictionary) Entries() []Entry {
	d.parsed()
	out := make([]Entry, len(d.ids))
	for i, id := range d.ids {
		out[i] = d.entries[id].clone()
	}
	return out
}

// all yields every entry in id order without copying it: the caller must
// not change its slices.
func (d *Dictionary) all() iter.Seq[*Entry] {
	return func(yield func(*Entry) bool) {
		d.parsed()
		for _, id := range d.ids {
			e := d.entries[id]
			if !yield(&e) {
				return
			}
		}
	}
}

// Entry returns the entry with the given id.
func (d *Dictionary) Entry(id graph.ActorID) (Entry, bool) {
	e, ok := d.parsed().entries[id]
	return e.clone(), ok
}

// Lookup returns the entries, sorted by id, that have name as a name of
// any kind, compared without case and without a leading "the". It is an
// exact lookup meant for tests and the command line, not for running text.
func (d *Dictionary) Lookup(name string) []Entry {
	ids := d.idsNamed(name)
	out := make([]Entry, len(ids))
	for i, id := range ids {
		out[i] = d.parsed().entries[id].clone()
	}
	return out
}

// Len returns the number of entries.
func (d *Dictionary) Len() int {
	if d.ready {
		return len(readyActorList) // the same, without parsing the files
	}
	return len(d.ids)
}

// Write writes d in the format LoadDictionary reads, one line per entry in
// id order after a header comment, so that loading the output gives d back.
func (d *Dictionary) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# id\ttype\tname\taffiliation\tnames\tfrom\tto\n")
	for _, id := range d.parsed().ids {
		bw.WriteString(formatEntry(d.entries[id]))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dictionary: write: %w", err)
	}
	return nil
}

func formatEntry(e Entry) string {
	names := make([]string, 0, len(e.Names))
	for _, n := range e.Names[1:] {
		if n.Kind == NameProper {
			names = append(names, n.Text)
		} else {
			names = append(names, kindPrefixes[n.Kind]+":"+n.Text)
		}
	}
	f := []string{string(e.Actor.ID), string(e.Actor.Type), e.Actor.Name, string(e.Actor.Affiliation),
		strings.Join(names, "; "), formatDate(e.From), formatDate(e.To)}
	for len(f) > colName+1 && f[len(f)-1] == "" {
		f = f[:len(f)-1]
	}
	return strings.Join(f, "\t")
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}
