package store

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"geokg/graph"
)

// Key prefixes. Every key but the format key is "<prefix>/<parts separated
// by '/'>"; see the layout table in doc.go.
const (
	formatKey     = "geokg/format"
	actorPrefix   = "a/"
	namePrefix    = "n/"
	affilPrefix   = "f/"
	edgePrefix    = "e/"
	revPrefix     = "r/"
	mentionPrefix = "m/"
	articlePrefix = "d/"
)

const sep = '/'

// join builds prefix + parts separated by '/'.
func join(prefix string, parts ...string) []byte {
	n := len(prefix)
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, prefix...)
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, p...)
	}
	return b
}

// split removes prefix from key and splits the rest into exactly n parts.
func split(key []byte, prefix string, n int) ([]string, error) {
	if !bytes.HasPrefix(key, []byte(prefix)) {
		return nil, fmt.Errorf("key %q: want prefix %q", key, prefix)
	}
	parts := strings.Split(string(key[len(prefix):]), string(sep))
	if len(parts) != n {
		return nil, fmt.Errorf("key %q: %d parts, want %d", key, len(parts), n)
	}
	return parts, nil
}

func actorKey(id graph.ActorID) []byte { return join(actorPrefix, string(id)) }

func parseActorKey(key []byte) (graph.ActorID, error) {
	p, err := split(key, actorPrefix, 1)
	if err != nil {
		return "", err
	}
	return checkID(p[0])
}

// nameKey indexes one normalised name (see normalize, which removes '/') of
// actor id.
func nameKey(norm string, id graph.ActorID) []byte { return join(namePrefix, norm, string(id)) }

// namePrefixFor is the prefix of every nameKey of norm.
func namePrefixFor(norm string) []byte { return join(namePrefix, norm, "") }

func parseNameKey(key []byte) (norm string, id graph.ActorID, err error) {
	p, err := split(key, namePrefix, 2)
	if err != nil {
		return "", "", err
	}
	id, err = checkID(p[1])
	return p[0], id, err
}

func affilKey(affiliation, member graph.ActorID) []byte {
	return join(affilPrefix, string(affiliation), string(member))
}

func affilPrefixFor(affiliation graph.ActorID) []byte {
	return join(affilPrefix, string(affiliation), "")
}

func parseAffilKey(key []byte) (affiliation, member graph.ActorID, err error) {
	p, err := split(key, affilPrefix, 2)
	if err != nil {
		return "", "", err
	}
	if affiliation, err = checkID(p[0]); err != nil {
		return "", "", err
	}
	member, err = checkID(p[1])
	return affiliation, member, err
}

func edgeKey(k graph.EdgeKey) []byte {
	return join(edgePrefix, string(k.Source), string(k.Relation), string(k.Target))
}

// outPrefix is the prefix of every out-edge of id.
func outPrefix(id graph.ActorID) []byte { return join(edgePrefix, string(id), "") }

func parseEdgeKey(key []byte) (graph.EdgeKey, error) {
	p, err := split(key, edgePrefix, 3)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(p[0], p[1], p[2])
}

// revKey is the in-edge twin of edgeKey(k): target first.
func revKey(k graph.EdgeKey) []byte {
	return join(revPrefix, string(k.Target), string(k.Relation), string(k.Source))
}

// inPrefix is the prefix of every in-edge of id.
func inPrefix(id graph.ActorID) []byte { return join(revPrefix, string(id), "") }

// parseRevKey returns the key of the edge a revKey points back to.
func parseRevKey(key []byte) (graph.EdgeKey, error) {
	p, err := split(key, revPrefix, 3)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(p[2], p[1], p[0])
}

// mentionKey names the n-th mention of edge k in article, dated date. The
// date comes first (keyTime: fixed width, in time order), so an edge's
// mentions are in graph.CompareMentions order in the key space: its first
// mentions are its first keys. n is written in decimal, zero-padded to six
// digits so that key order is numeric order.
func mentionKey(k graph.EdgeKey, date time.Time, article string, n int) []byte {
	return appendMentionKey(nil, k, date, article, n)
}

// appendMentionKey appends mentionKey(k, date, article, n) to b.
func appendMentionKey(b []byte, k graph.EdgeKey, date time.Time, article string, n int) []byte {
	b = append(b, mentionPrefix...)
	for _, part := range []string{string(k.Source), string(k.Relation), string(k.Target)} {
		b = append(b, part...)
		b = append(b, sep)
	}
	b = appendKeyTime(b, date)
	b = append(b, sep)
	b = append(b, article...)
	b = append(b, sep)
	for d := 100000; d > 1 && n < d; d /= 10 {
		b = append(b, '0') // zero-padded to six digits
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// evidencePrefix is the prefix of every mention of edge k.
func evidencePrefix(k graph.EdgeKey) []byte {
	return join(mentionPrefix, string(k.Source), string(k.Relation), string(k.Target), "")
}

// mentionRef is what a mention key says besides its edge.
type mentionRef struct {
	date    time.Time
	article string
	n       int
}

func parseMentionKey(key []byte) (k graph.EdgeKey, ref mentionRef, err error) {
	p, err := split(key, mentionPrefix, 6)
	if err != nil {
		return k, ref, err
	}
	if k, err = checkEdge(p[0], p[1], p[2]); err != nil {
		return k, ref, err
	}
	if ref.date, err = parseKeyTime(p[3]); err != nil {
		return k, ref, fmt.Errorf("key %q: %w", key, err)
	}
	if err = validArticleID(p[4]); err != nil {
		return k, ref, err
	}
	ref.article = p[4]
	ref.n, err = strconv.Atoi(p[5])
	if err != nil || ref.n < 0 || len(p[5]) < 6 {
		return k, ref, fmt.Errorf("key %q: bad mention number %q", key, p[5])
	}
	return k, ref, nil
}

// keyTime writes t as 24 hexadecimal digits that sort as the times do:
// the Unix seconds with the sign bit flipped (so dates before 1970 sort
// first), then the nanoseconds. The zero time is the earliest.
func keyTime(t time.Time) string { return string(appendKeyTime(nil, t)) }

// appendKeyTime appends keyTime(t) to b.
func appendKeyTime(b []byte, t time.Time) []byte {
	const digits = "0123456789abcdef"
	sec, nsec := uint64(t.Unix())^(1<<63), uint32(t.Nanosecond())
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[sec>>shift&0xf])
	}
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, digits[nsec>>shift&0xf])
	}
	return b
}

// parseKeyTime reads keyTime's form back, in UTC.
func parseKeyTime(s string) (time.Time, error) {
	if len(s) != 24 {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	sec, err1 := strconv.ParseUint(s[:16], 16, 64)
	nsec, err2 := strconv.ParseUint(s[16:], 16, 32)
	if err1 != nil || err2 != nil || nsec >= 1e9 {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	t := time.Unix(int64(sec^(1<<63)), int64(nsec)).UTC()
	if t.Equal(zeroTime) {
		return time.Time{}, nil
	}
	return t, nil
}

var zeroTime = time.Time{}

func articleKey(id string) []byte { return join(articlePrefix, id) }

func parseArticleKey(key []byte) (string, error) {
	p, err := split(key, articlePrefix, 1)
	if err != nil {
		return "", err
	}
	return p[0], validArticleID(p[0])
}

func checkID(s string) (graph.ActorID, error) {
	id := graph.ActorID(s)
	return id, id.Validate()
}

func checkEdge(src, rel, dst string) (graph.EdgeKey, error) {
	s, err := checkID(src)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	d, err := checkID(dst)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	r := graph.Relation(rel)
	if !r.Valid() {
		return graph.EdgeKey{}, fmt.Errorf("relation %q: %w", rel, graph.ErrInvalid)
	}
	return graph.EdgeKey{Source: s, Relation: r, Target: d}, nil
}

// validArticleID applies the ActorID rules to an article id: article ids
// are key parts too.
func validArticleID(id string) error {
	if err := graph.ActorID(id).Validate(); err != nil {
		return fmt.Errorf("article id %q: %w", id, graph.ErrInvalid)
	}
	return nil
}
