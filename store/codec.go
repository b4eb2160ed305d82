package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"geokg/graph"
)

// Actors and articles are stored as JSON: they are read far less often
// than edges and mentions, and JSON lets a later format add fields without
// a migration. Mentions, which queries and exports read in bulk, use the
// compact binary form below.

func encodeActor(a graph.Actor) ([]byte, error) { return json.Marshal(a) }

func decodeActor(b []byte) (graph.Actor, error) {
	if a, ok := decodeActorQuick(b); ok {
		return a, nil
	}
	var a graph.Actor
	if err := json.Unmarshal(b, &a); err != nil {
		return a, corrupt(fmt.Errorf("decode actor: %w", err))
	}
	return a, nil
}

// decodeActorQuick reads an actor as encodeActor writes it (json.Marshal
// of graph.Actor: its fields in order, no space, affiliation and aliases
// only when set) when no string holds an escape or a byte that is not
// valid UTF-8, else reports false and json.Unmarshal reads it. A view
// reads hundreds of actors (577 for Russia on the 100 MB store), and
// encoding/json's reflection took 240 KB and a fortieth of the query's
// CPU for them.
func decodeActorQuick(b []byte) (a graph.Actor, ok bool) {
	r := quickJSON{b: b}
	r.lit(`{"id":`)
	a.ID = graph.ActorID(r.str())
	r.lit(`,"name":`)
	a.Name = r.str()
	r.lit(`,"type":`)
	a.Type = graph.ActorType(r.str())
	if r.has(`,"affiliation":`) {
		a.Affiliation = graph.ActorID(r.str())
	}
	if r.has(`,"aliases":[`) {
		for {
			a.Aliases = append(a.Aliases, r.str())
			if !r.has(",") {
				break
			}
		}
		r.lit("]")
	}
	r.lit("}")
	return a, r.ok && len(r.b) == 0
}

// quickJSON reads the JSON decodeActorQuick accepts; ok turns false at
// anything else.
type quickJSON struct {
	b  []byte
	ok bool
	// started is set by the first read, so the zero value is ready
	started bool
}

func (r *quickJSON) good() bool {
	if !r.started {
		r.ok, r.started = true, true
	}
	return r.ok
}

// lit reads s.
func (r *quickJSON) lit(s string) {
	if r.good() && !r.has(s) {
		r.ok = false
	}
}

// has reads s if the input goes on with it.
func (r *quickJSON) has(s string) bool {
	if !r.good() || len(r.b) < len(s) || string(r.b[:len(s)]) != s {
		return false
	}
	r.b = r.b[len(s):]
	return true
}

// str reads a string without escapes, of printable bytes and valid UTF-8.
func (r *quickJSON) str() string {
	if !r.good() || len(r.b) == 0 || r.b[0] != '"' {
		r.ok = false
		return ""
	}
	for i := 1; i < len(r.b); i++ {
		switch c := r.b[i]; {
		case c == '"':
			s := r.b[1:i]
			r.b = r.b[i+1:]
			if !utf8.Valid(s) {
				r.ok = false
				return ""
			}
			return string(s)
		case c == '\\' || c < 0x20:
			r.ok = false
			return ""
		}
	}
	r.ok = false
	return ""
}

func encodeArticle(a graph.Article) ([]byte, error) { return json.Marshal(a) }

func decodeArticle(b []byte) (graph.Article, error) {
	var a graph.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return a, corrupt(fmt.Errorf("decode article: %w", err))
	}
	return a, nil
}

// Mentions are the bulk of a store (one per sentence and edge) and are
// read in bulk by exports, so they use a binary form. Their key says their
// edge, date and article (mentionKey), so the value (mentionV2) holds the
// rest: the byte mentionV2, a byte of flags (mentionSwapped: the mention
// names the edge's ends the other way round, as a symmetric relation's
// mention may), then Sentence, Trigger, Status, ClaimedBy and
// DisputedBy as uvarint-prefixed strings, and SentSpan, SrcSpan, TgtSpan
// and TrigSpan as varint pairs. Format 2 to 4 values (mentionV1) also held
// Source, Relation, Target and Article before those strings and the Date
// after them; format-1 values were JSON (which starts with '{').
// decodeOldMention reads both, for the upgrade.
const (
	mentionV1 = 1
	mentionV2 = 2

	mentionSwapped = 1 << 0
)

// appendMention appends the value of mention m.
func appendMention(b []byte, m graph.Mention) []byte {
	var flags byte
	if m.Source != m.Key().Source {
		flags |= mentionSwapped
	}
	b = append(b, mentionV2, flags)
	for _, s := range []string{m.Sentence, m.Trigger, string(m.Status), string(m.ClaimedBy), string(m.DisputedBy)} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return appendSpans(b, m)
}

// appendSpans appends m's spans as varint pairs; reader.spans reads them.
func appendSpans(b []byte, m graph.Mention) []byte {
	for _, sp := range []graph.Span{m.SentSpan, m.SrcSpan, m.TgtSpan, m.TrigSpan} {
		b = binary.AppendVarint(b, int64(sp.Start))
		b = binary.AppendVarint(b, int64(sp.End))
	}
	return b
}

// decodeMention decodes the mention stored under key (a mention key of
// edge k) with value v.
func decodeMention(k graph.EdgeKey, key, v []byte) (graph.Mention, error) {
	p := evidencePrefixLen(k)
	if len(key) <= p {
		return graph.Mention{}, fmt.Errorf("decode mention: bad key %q", key)
	}
	ref, err := parseMentionRef(key[p:])
	if err != nil {
		return graph.Mention{}, fmt.Errorf("decode mention: key %q: %w", key, err)
	}
	return mentionOf(k, ref, v)
}

// decodeLed decodes the mention of edge k whose key ends in lead (what
// follows the edge's evidence prefix) with value v, without making the
// whole key: a view's copies of first mentions hold only the lead.
func decodeLed(k graph.EdgeKey, lead, v []byte) (graph.Mention, error) {
	ref, err := parseMentionRef(lead)
	if err != nil {
		return graph.Mention{}, fmt.Errorf("decode mention: lead %q: %w", lead, err)
	}
	return mentionOf(k, ref, v)
}

// mentionOf is the mention of edge k at ref with value v.
func mentionOf(k graph.EdgeKey, ref mentionRef, v []byte) (graph.Mention, error) {
	m := graph.Mention{Source: k.Source, Relation: k.Relation, Target: k.Target, Date: ref.date, Article: ref.article}
	return m, decodeMentionValue(&m, v)
}

// decodeMentionValue sets the fields of m that value v holds.
func decodeMentionValue(m *graph.Mention, v []byte) error {
	if !mentionHeader(v) {
		return fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	// one string for all the text fields, which are substrings of it
	return decodeMentionIn(m, v, string(v[2:]))
}

// mentionHeader reports whether v starts as a mention value does.
func mentionHeader(v []byte) bool {
	return len(v) >= 2 && v[0] == mentionV2 && v[1]&^mentionSwapped == 0
}

// decodeMentionIn is decodeMentionValue with all, a string holding v's
// bytes after its two header bytes, whose substrings m's text fields
// become (nothing is copied).
func decodeMentionIn(m *graph.Mention, v []byte, all string) error {
	if !mentionHeader(v) || len(all) != len(v)-2 {
		return fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	if v[1]&mentionSwapped != 0 {
		m.Source, m.Target = m.Target, m.Source
	}
	r := reader{b: v[2:]}
	for _, f := range []*string{&m.Sentence, &m.Trigger, (*string)(&m.Status), (*string)(&m.ClaimedBy), (*string)(&m.DisputedBy)} {
		*f = r.str(all)
	}
	r.spans(m)
	if r.err != nil || len(r.b) != 0 {
		return fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	return nil
}

// decodeOldMention decodes a mention value of format 1 (JSON) or 2 to 4
// (mentionV1), which held every field.
func decodeOldMention(b []byte) (graph.Mention, error) {
	var m graph.Mention
	if len(b) > 0 && b[0] == '{' {
		if err := json.Unmarshal(b, &m); err != nil {
			return m, fmt.Errorf("decode mention: %w", err)
		}
		return m, nil
	}
	if len(b) == 0 || b[0] != mentionV1 {
		return m, fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	r := reader{b: b[1:]}
	all := string(r.b)
	for _, f := range []*string{(*string)(&m.Source), (*string)(&m.Relation), (*string)(&m.Target), &m.Article,
		&m.Sentence, &m.Trigger, (*string)(&m.Status), (*string)(&m.ClaimedBy), (*string)(&m.DisputedBy)} {
		*f = r.str(all)
	}
	var err error
	if r.err == nil {
		m.Date, err = r.time()
	}
	r.spans(&m)
	if err != nil || r.err != nil || len(r.b) != 0 {
		return graph.Mention{}, fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	return m, nil
}

var errCorruptMention = corrupt(errors.New("corrupt mention value"))

// mentionClaimants reads only ClaimedBy and DisputedBy from a mention
// value, without decoding (or allocating) the rest.
func mentionClaimants(b []byte) (claimed, disputed graph.ActorID, err error) {
	if len(b) < 2 || b[0] != mentionV2 {
		return "", "", fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	r := reader{b: b[2:]}
	for range 3 { // Sentence, Trigger, Status
		n := r.uvarint()
		if r.err != nil || n > uint64(len(r.b)) {
			return "", "", fmt.Errorf("decode mention: %w", errCorruptMention)
		}
		r.b = r.b[n:]
	}
	var ids [2]graph.ActorID
	for i := range ids {
		n := r.uvarint()
		if r.err != nil || n > uint64(len(r.b)) {
			return "", "", fmt.Errorf("decode mention: %w", errCorruptMention)
		}
		if n > 0 {
			ids[i] = graph.ActorID(r.b[:n])
		}
		r.b = r.b[n:]
	}
	return ids[0], ids[1], nil
}

var errCorrupt = errors.New("corrupt value")

// reader reads varints from b, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[n:]
	return v
}

// str reads a uvarint-prefixed string as a substring of all, of which
// r.b is a suffix.
func (r *reader) str(all string) string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errCorrupt
		return ""
	}
	start := len(all) - len(r.b)
	r.b = r.b[n:]
	return all[start : start+int(n)]
}

// spans reads the spans appendSpans wrote into m.
func (r *reader) spans(m *graph.Mention) {
	for _, sp := range []*graph.Span{&m.SentSpan, &m.SrcSpan, &m.TgtSpan, &m.TrigSpan} {
		sp.Start, sp.End = int(r.varint()), int(r.varint())
	}
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) time() (time.Time, error) {
	if len(r.b) == 0 {
		return time.Time{}, errCorrupt
	}
	flag := r.b[0]
	r.b = r.b[1:]
	switch flag {
	case 0:
		return time.Time{}, nil
	case 1:
		sec := r.varint()
		nsec := r.uvarint()
		if r.err != nil || nsec >= 1e9 {
			return time.Time{}, errCorrupt
		}
		return time.Unix(sec, int64(nsec)).UTC(), nil
	}
	return time.Time{}, errCorrupt
}
