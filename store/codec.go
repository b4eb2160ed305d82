package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"geokg/graph"
)

// Actors, articles and mentions are stored as JSON: they are read far less
// often than edge counts, and JSON lets a later format add fields without a
// migration. Edge counts, which every query reads, use the compact binary
// form below.

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

func encodeMention(m graph.Mention) ([]byte, error) { return json.Marshal(m) }

func decodeMention(b []byte) (graph.Mention, error) {
	var m graph.Mention
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("decode mention: %w", err)
	}
	return m, nil
}

// edgeCounts is the value of an e/ key: an edge without its key and evidence.
type edgeCounts struct {
	Articles, Mentions  int
	FirstSeen, LastSeen time.Time
}

// Edge value layout: uvarint articles, uvarint mentions, then for each of
// FirstSeen and LastSeen a flag byte (0 = zero time, 1 = set) followed, when
// set, by a varint of Unix seconds and a uvarint of nanoseconds. Times are
// decoded in UTC.
func encodeCounts(c edgeCounts) []byte {
	b := make([]byte, 0, 2*binary.MaxVarintLen64+2*(1+binary.MaxVarintLen64+5))
	b = binary.AppendUvarint(b, uint64(c.Articles))
	b = binary.AppendUvarint(b, uint64(c.Mentions))
	for _, t := range []time.Time{c.FirstSeen, c.LastSeen} {
		if t.IsZero() {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
	}
	return b
}

var errCorrupt = errors.New("corrupt edge value")

func decodeCounts(b []byte) (edgeCounts, error) {
	var c edgeCounts
	var err error
	r := reader{b: b}
	c.Articles = int(r.uvarint())
	c.Mentions = int(r.uvarint())
	if c.FirstSeen, err = r.time(); err != nil {
		return c, err
	}
	if c.LastSeen, err = r.time(); err != nil {
		return c, err
	}
	if r.err != nil || len(r.b) != 0 || c.Articles < 0 || c.Mentions < 0 {
		return c, fmt.Errorf("decode edge %x: %w", b, errCorrupt)
	}
	return c, nil
}

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

// toEdge joins a key and its counts.
func (c edgeCounts) toEdge(k graph.EdgeKey) graph.Edge {
	return graph.Edge{EdgeKey: k, Articles: c.Articles, Mentions: c.Mentions, FirstSeen: c.FirstSeen, LastSeen: c.LastSeen}
}

func countsOf(e graph.Edge) edgeCounts {
	return edgeCounts{Articles: e.Articles, Mentions: e.Mentions, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen}
}
