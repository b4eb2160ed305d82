package store

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"time"

	"geokg/graph"
)

// An edge's counts and dates are not stored: they are what its mention
// keys say (format 3). Writing them with every article made an ingest
// update the e/ key of each edge an article names: 1.1 million rewrites of
// small values on a 200 MB corpus, a third of the entries Badger's single
// write goroutine inserted. Reading them instead costs a key-only step over
// the edge's mention keys, which a walk in key order makes anyway for its
// evidence (mentionCursor.walk): about 0.3 µs a mention.
//
// The counts are those graph.Edge documents: Articles is the number of
// distinct articles among the mentions, Mentions the number of mentions,
// FirstSeen and LastSeen the earliest and latest mention dates (a mention
// is dated by its article unless it came with its own date; undated
// mentions count but date nothing).

// counter reads an edge's counts from its mention keys, given in key
// order: the edge's prefix, then date, article and n (mentionKey).
type counter struct {
	prefix   int // length of the edge's mention prefix
	mentions int
	// articles holds a hash of each article seen: an article's mentions of
	// an edge are adjacent in key order unless they carry different dates,
	// so the set is consulted only when the article changes.
	articles     map[uint64]struct{}
	last         []byte // the previous key's article
	first, final []byte // the first dated key's date, the last key's date
	firstBuf     [keyTimeLen]byte
	finalBuf     [keyTimeLen]byte
}

var articleSeed = maphash.MakeSeed()

// zeroKeyTime is keyTime of the zero time, the date of undated mentions.
var zeroKeyTime = keyTime(time.Time{})

func (c *counter) reset(prefix int) {
	c.prefix, c.mentions = prefix, 0
	if c.articles == nil || len(c.articles) > 4096 {
		c.articles = map[uint64]struct{}{}
	} else {
		clear(c.articles)
	}
	c.last = c.last[:0]
	c.first, c.final = nil, nil
}

// add counts mention key k.
func (c *counter) add(k []byte) error {
	date, article, _, ok := mentionSuffix(k[c.prefix:])
	if !ok {
		return corrupt(fmt.Errorf("bad mention key %q", k))
	}
	c.mentions++
	if !bytes.Equal(article, c.last) {
		c.articles[maphash.Bytes(articleSeed, article)] = struct{}{}
		c.last = append(c.last[:0], article...)
	}
	if !bytes.Equal(date, zeroKeyTime) {
		if c.first == nil {
			c.first = append(c.firstBuf[:0], date...)
		}
		c.final = append(c.finalBuf[:0], date...)
	}
	return nil
}

// finish sets e's counts and dates from the keys added since reset.
func (c *counter) finish(e *graph.Edge) error {
	e.Mentions, e.Articles = c.mentions, len(c.articles)
	e.FirstSeen, e.LastSeen = time.Time{}, time.Time{}
	if c.first == nil {
		return nil
	}
	var err error
	if e.FirstSeen, err = parseKeyTime(c.first); err != nil {
		return err
	}
	e.LastSeen, err = parseKeyTime(c.final)
	return err
}
