package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"geokg/graph"
)

// Actors and articles are stored as JSON: they are read far less often
// than edges and mentions, and JSON lets a later format add fields without
// a migration. Mentions, which queries and exports read in bulk, use the
// compact binary form below.

func encodeActor(a graph.Actor) ([]byte, error) { return json.Marshal(a) }

func decodeActor(b []byte) (graph.Actor, error) {
	var a graph.Actor
	if err := json.Unmarshal(b, &a); err != nil {
		return a, fmt.Errorf("decode actor: %w", err)
	}
	return a, nil
}

func encodeArticle(a graph.Article) ([]byte, error) { return json.Marshal(a) }

func decodeArticle(b []byte) (graph.Article, error) {
	var a graph.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return a, fmt.Errorf("decode article: %w", err)
	}
	return a, nil
}

// Mentions are the bulk of a store (one per sentence and edge) and are
// read in bulk by exports, so they use a binary form: the byte mentionV1,
// then Source, Relation, Target, Article, Sentence, Trigger, Status,
// ClaimedBy and DisputedBy as uvarint-prefixed strings, Date as in edge
// values, and SentSpan, SrcSpan, TgtSpan and TrigSpan as varint pairs.
// Format-1 stores held JSON (which starts with '{'); decodeMention still
// reads it.
const mentionV1 = 1

func encodeMention(m graph.Mention) ([]byte, error) {
	return appendMention(make([]byte, 0, 64+len(m.Sentence)), m), nil
}

func appendMention(b []byte, m graph.Mention) []byte {
	b = append(b, mentionV1)
	for _, s := range []string{string(m.Source), string(m.Relation), string(m.Target), m.Article,
		m.Sentence, m.Trigger, string(m.Status), string(m.ClaimedBy), string(m.DisputedBy)} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = appendTime(b, m.Date)
	for _, sp := range []graph.Span{m.SentSpan, m.SrcSpan, m.TgtSpan, m.TrigSpan} {
		b = binary.AppendVarint(b, int64(sp.Start))
		b = binary.AppendVarint(b, int64(sp.End))
	}
	return b
}

func decodeMention(b []byte) (graph.Mention, error) {
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
	// one string for all the text fields, which are substrings of it
	all := string(b[1:])
	r := reader{b: b[1:]}
	str := func() string {
		n := r.uvarint()
		start := len(all) - len(r.b) // r.b is a suffix of b[1:]
		if r.err != nil || n > uint64(len(r.b)) {
			r.err = errCorrupt
			return ""
		}
		r.b = r.b[n:]
		return all[start : start+int(n)]
	}
	m.Source = graph.ActorID(str())
	m.Relation = graph.Relation(str())
	m.Target = graph.ActorID(str())
	m.Article = str()
	m.Sentence = str()
	m.Trigger = str()
	m.Status = graph.Status(str())
	m.ClaimedBy = graph.ActorID(str())
	m.DisputedBy = graph.ActorID(str())
	var err error
	if r.err == nil {
		m.Date, err = r.time()
	}
	for _, sp := range []*graph.Span{&m.SentSpan, &m.SrcSpan, &m.TgtSpan, &m.TrigSpan} {
		sp.Start, sp.End = int(r.varint()), int(r.varint())
	}
	if err != nil || r.err != nil || len(r.b) != 0 {
		return graph.Mention{}, fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	return m, nil
}

var errCorruptMention = errors.New("corrupt mention value")

// mentionClaimants reads only ClaimedBy and DisputedBy from a mention
// value, without decoding (or allocating) the rest.
func mentionClaimants(b []byte) (claimed, disputed graph.ActorID, err error) {
	if len(b) == 0 || b[0] != mentionV1 {
		m, err := decodeMention(b)
		return m.ClaimedBy, m.DisputedBy, err
	}
	r := reader{b: b[1:]}
	for range 7 { // Source .. Status
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

// appendTime writes a flag byte (0 = zero time, 1 = set) and, when set, a
// varint of Unix seconds and a uvarint of nanoseconds.
func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	b = append(b, 1)
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
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
