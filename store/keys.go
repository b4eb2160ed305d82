package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
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
	// forgottenPrefix marks an article id Forget removed, so that forgetting
	// it again (a re-run of an interrupted forget) says so.
	forgottenPrefix = "x/"
	// pendingPrefix marks an article being written in several
	// transactions (parts.go).
	pendingPrefix = "w/"
	// unlistedPrefix marks an article whose mentions cannot all be found
	// from its record (articleMentionKeys): one dated otherwise than the
	// article, or linking an actor the record does not list.
	unlistedPrefix = "o/"
)

func unlistedKey(id string) []byte { return join(unlistedPrefix, id) }

// datedPrefix starts the index of articles by date: t/<date><article id>,
// the date in keyTime's form (12 bytes, the zero time for an undated
// article), so that the first and last dated articles are one seek each.
const datedPrefix = "t/"

func datedKey(date time.Time, id string) []byte {
	return append(appendKeyTime([]byte(datedPrefix), date), id...)
}

// parseDatedKey reads a datedKey.
func parseDatedKey(k []byte) (time.Time, string, error) {
	if len(k) <= len(datedPrefix)+keyTimeLen || !bytes.HasPrefix(k, []byte(datedPrefix)) {
		return time.Time{}, "", fmt.Errorf("bad dated key %q", k)
	}
	date, err := parseKeyTime(k[len(datedPrefix) : len(datedPrefix)+keyTimeLen])
	id := string(k[len(datedPrefix)+keyTimeLen:])
	if err == nil {
		err = validArticleID(id)
	}
	return date, id, err
}

const sep = '/'

// join builds prefix + parts separated by '/'.
func join(prefix string, parts ...string) []byte {
	n := len(prefix)
	for _, p := range parts {
		n += len(p) + 1
	}
	return appendJoin(make([]byte, 0, n), prefix, parts...)
}

// appendJoin appends join(prefix, parts...) to b.
func appendJoin(b []byte, prefix string, parts ...string) []byte {
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

// split3 is split into three parts, returned as they are rather than in
// a slice: the parse of every edge and in-edge key a view reads (113 KB
// of slices for actor Russia's 3,300 keys).
func split3(key []byte, prefix string) (a, b, c string, err error) {
	if !bytes.HasPrefix(key, []byte(prefix)) {
		return "", "", "", fmt.Errorf("key %q: want prefix %q", key, prefix)
	}
	s := string(key[len(prefix):])
	a, rest, ok1 := strings.Cut(s, string(sep))
	b, c, ok2 := strings.Cut(rest, string(sep))
	if !ok1 || !ok2 || strings.IndexByte(c, sep) >= 0 {
		return "", "", "", fmt.Errorf("key %q: %d parts, want %d", key, strings.Count(s, string(sep))+1, 3)
	}
	return a, b, c, nil
}

func forgottenKey(id string) []byte { return join(forgottenPrefix, id) }

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
	src, rel, dst, err := split3(key, edgePrefix)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(src, rel, dst)
}

// revKey is the in-edge twin of edgeKey(k): target first.
func revKey(k graph.EdgeKey) []byte {
	return join(revPrefix, string(k.Target), string(k.Relation), string(k.Source))
}

// inPrefix is the prefix of every in-edge of id.
func inPrefix(id graph.ActorID) []byte { return join(revPrefix, string(id), "") }

// parseRevKey returns the key of the edge a revKey points back to.
func parseRevKey(key []byte) (graph.EdgeKey, error) {
	dst, rel, src, err := split3(key, revPrefix)
	if err != nil {
		return graph.EdgeKey{}, err
	}
	return checkEdge(src, rel, dst)
}

// mentionKey names the n-th mention of edge k in article, dated date:
// evidencePrefix(k), then a binary suffix laid out so that an edge's
// mentions are in graph.CompareMentions order in the key space (its first
// mentions are its first keys):
//
//	date     12 bytes   keyTime: fixed width, in time order
//	article  17 bytes   0x00 and the 16 bytes of an id in graph.ArticleID's form (32 lower-case hex digits)
//	         or n+2     0x01, any other id's n bytes, 0x00 (ids hold no NUL), in graph.CompareArticles order
//	n         2 bytes   big-endian: the mention's number among its article's mentions of the edge
//
// Format 4 wrote the date, the article id and n as text (64 bytes for a
// content-hash id); this form takes 31, which a store of a million
// mentions writes, flushes and compacts 33 MB less of, and its mention
// values no longer repeat what the key says (appendMention).
func mentionKey(k graph.EdgeKey, date time.Time, article string, n int) []byte {
	return appendMentionKey(nil, k, date, article, n)
}

// maxMentionNumber is the largest n a mention key holds: an article's
// mentions of one edge, counted from 0.
const maxMentionNumber = 1<<16 - 1

// appendMentionKey appends mentionKey(k, date, article, n) to b. n must
// be between 0 and maxMentionNumber.
func appendMentionKey(b []byte, k graph.EdgeKey, date time.Time, article string, n int) []byte {
	b = append(b, mentionPrefix...)
	for _, part := range []string{string(k.Source), string(k.Relation), string(k.Target)} {
		b = append(b, part...)
		b = append(b, sep)
	}
	b = appendKeyTime(b, date)
	b = appendArticlePart(b, article)
	return binary.BigEndian.AppendUint16(b, uint16(n))
}

// appendArticlePart appends the article part of a mention key.
func appendArticlePart(b []byte, article string) []byte {
	if graph.IsContentID(article) {
		b = append(b, 0)
		b, _ = hex.AppendDecode(b, []byte(article)) // IsContentID: valid hex
		return b
	}
	b = append(b, 1)
	b = append(b, article...)
	return append(b, 0)
}

// evidencePrefix is the prefix of every mention of edge k.
func evidencePrefix(k graph.EdgeKey) []byte {
	return join(mentionPrefix, string(k.Source), string(k.Relation), string(k.Target), "")
}

// evidencePrefixLen is len(evidencePrefix(k)).
func evidencePrefixLen(k graph.EdgeKey) int {
	return len(mentionPrefix) + len(k.Source) + len(k.Relation) + len(k.Target) + 3
}

// mentionRef is what a mention key says besides its edge.
type mentionRef struct {
	date    time.Time
	article string
	n       int
}

// keyTimeLen is the length of keyTime's form.
const keyTimeLen = 12

// mentionSuffix splits the part of a mention key after its edge's prefix
// into its date, its article part (as appendArticlePart wrote it) and n.
func mentionSuffix(suffix []byte) (date, article []byte, n int, ok bool) {
	const minLen = keyTimeLen + 1 + 2
	if len(suffix) < minLen+1 {
		return nil, nil, 0, false
	}
	date, article = suffix[:keyTimeLen], suffix[keyTimeLen:len(suffix)-2]
	n = int(binary.BigEndian.Uint16(suffix[len(suffix)-2:]))
	switch article[0] {
	case 0:
		ok = len(article) == 17
	case 1:
		ok = len(article) > 2 && article[len(article)-1] == 0
	}
	return date, article, n, ok
}

// articleOf reads the article id back from a mention key's article part.
func articleOf(part []byte) (string, error) {
	if part[0] == 0 {
		if len(part) == 17 { // a content id, as mentionKey writes it: one string, no buffer
			var b [32]byte
			hex.Encode(b[:], part[1:])
			return string(b[:]), nil
		}
		return hex.EncodeToString(part[1:]), nil
	}
	id := string(part[1 : len(part)-1])
	if graph.IsContentID(id) {
		return "", fmt.Errorf("article id %q written as another kind of id", id)
	}
	return id, validArticleID(id)
}

// parseMentionKey reads a mention key. The edge's parts hold no '/', so
// the key's first three '/' after the prefix end them; the binary rest
// may hold any byte.
func parseMentionKey(key []byte) (k graph.EdgeKey, ref mentionRef, err error) {
	if !bytes.HasPrefix(key, []byte(mentionPrefix)) {
		return k, ref, fmt.Errorf("key %q: want prefix %q", key, mentionPrefix)
	}
	rest := key[len(mentionPrefix):]
	var parts [3]string
	for i := range parts {
		end := bytes.IndexByte(rest, sep)
		if end < 0 {
			return k, ref, fmt.Errorf("key %q: not a mention key", key)
		}
		parts[i], rest = string(rest[:end]), rest[end+1:]
	}
	if k, err = checkEdge(parts[0], parts[1], parts[2]); err != nil {
		return k, ref, err
	}
	if ref, err = parseMentionRef(rest); err != nil {
		return k, ref, fmt.Errorf("key %q: %w", key, err)
	}
	return k, ref, nil
}

// checkMentionRef returns parseMentionRef's error for suffix, without
// making the id of a content article (any 16 bytes, never an error).
func checkMentionRef(suffix []byte) error {
	date, article, _, ok := mentionSuffix(suffix)
	if !ok {
		return corrupt(fmt.Errorf("bad mention suffix %x", suffix))
	}
	if _, err := parseKeyTime(date); err != nil {
		return err
	}
	if article[0] == 0 {
		return nil
	}
	_, err := articleOf(article)
	return err
}

// parseMentionRef reads the part of a mention key after its edge's prefix.
func parseMentionRef(suffix []byte) (ref mentionRef, err error) {
	date, article, n, ok := mentionSuffix(suffix)
	if !ok {
		return ref, corrupt(fmt.Errorf("bad mention suffix %x", suffix))
	}
	if ref.date, err = parseKeyTime(date); err != nil {
		return ref, err
	}
	if ref.article, err = articleOf(article); err != nil {
		return ref, err
	}
	ref.n = n
	return ref, nil
}

// keyTime writes t in keyTimeLen bytes that sort as the times do: the
// Unix seconds with the sign bit flipped (so dates before 1970 sort
// first), big-endian, then the nanoseconds. The zero time is the earliest
// date geokg writes.
func keyTime(t time.Time) []byte { return appendKeyTime(nil, t) }

// appendKeyTime appends keyTime(t) to b.
func appendKeyTime(b []byte, t time.Time) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(t.Unix())^(1<<63))
	return binary.BigEndian.AppendUint32(b, uint32(t.Nanosecond()))
}

// parseKeyTime reads keyTime's form back, in UTC.
func parseKeyTime(b []byte) (time.Time, error) {
	if len(b) != keyTimeLen {
		return time.Time{}, fmt.Errorf("bad date %x", b)
	}
	sec, nsec := binary.BigEndian.Uint64(b), binary.BigEndian.Uint32(b[8:])
	if nsec >= 1e9 {
		return time.Time{}, fmt.Errorf("bad date %x", b)
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
