package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// OpenSmall is Open with the small Badger options tests use: an 8 MB
// memtable and 1 MB caches open in a few milliseconds.
func OpenSmall(dir string, opts Options) (*Store, error) {
	return open(dir, opts, testBadgerOptions)
}

// OpenDeepLevelZero is OpenSmall with level 0 taking 48 tables before a
// compaction, as in badgerOptions, so that tests see tables pile up there.
func OpenDeepLevelZero(dir string, opts Options) (*Store, error) {
	return open(dir, opts, func(dir string) badger.Options {
		return testBadgerOptions(dir).WithNumLevelZeroTables(48).WithNumLevelZeroTablesStall(96)
	})
}

// CompactOnClose, LargeSession and CompactAlways are the constants of
// Close's merge, for tests.
const (
	CompactOnClose = compactOnClose
	LargeSession   = largeSession
	CompactAlways  = compactAlways
)

// OpenDeepLevelZeroSmall is OpenDeepLevelZero with 256 KB memtables, so
// that a test writes a level-0 table every 256 KB.
func OpenDeepLevelZeroSmall(dir string, opts Options) (*Store, error) {
	return open(dir, opts, func(dir string) badger.Options {
		return testBadgerOptions(dir).WithNumLevelZeroTables(48).WithNumLevelZeroTablesStall(96).WithMemTableSize(256 << 10).WithValueThreshold(1 << 10).WithBaseTableSize(64 << 10)
	})
}

// LevelZeroTables is how many tables level 0 of the store holds.
func (s *Store) LevelZeroTables() int { return levelZeroTables(s.db) }

func testBadgerOptions(dir string) badger.Options {
	return badger.DefaultOptions(dir).
		WithMemTableSize(8 << 20).
		WithNumMemtables(1).
		WithValueLogFileSize(1 << 20).
		WithBlockCacheSize(1 << 20).
		WithIndexCacheSize(1 << 20).
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithMetricsEnabled(false)
}

// Keys returns every key under prefix, for tests that look at the layout.
func (s *Store) Keys(prefix string) ([]string, error) {
	var keys []string
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(context.Background(), txn, []byte(prefix), func(k []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	return keys, err
}

// DeleteKey removes one raw key, for tests that break the store on purpose.
func (s *Store) DeleteKey(key string) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(key)) })
}

// MentionKey is the key of the n-th mention of src rel dst in article art,
// dated day (YYYY-MM-DD), for tests that break the store on purpose.
func MentionKey(src, rel, dst, day, art string, n int) string {
	d, err := graph.ParseDate(day)
	if err != nil {
		panic(err)
	}
	k := graph.EdgeKey{Source: graph.ActorID(src), Relation: graph.Relation(rel), Target: graph.ActorID(dst)}
	return string(mentionKey(k, d, art, n))
}

// DowngradeTo rewrites the store as geokg format 1 to 11 wrote it,
// for testing the upgrade: mention keys as text (format 1 without the
// date) and values holding every field (format 1: JSON); r/ keys with
// values and no claimant flags before format 4; e/ values that held the
// edge's counts in format 2, here wrong ones (99 articles, 99 mentions,
// undated) that must be ignored.
func (s *Store) DowngradeTo(format int) error {
	if err := errors.Join(s.dropPrefix(inCopyPrefix), s.dropPrefix(inCopiesKey)); err != nil { // format 16's
		return err
	}
	if format == 15 {
		return s.SetKey(formatKey, []byte("15"))
	}
	if err := s.dropPrefix(monthsPrefix); err != nil { // format 15's
		return err
	}
	if format == 14 {
		return s.SetKey(formatKey, []byte("14"))
	}
	if err := s.dropLeads(); err != nil { // format 14's
		return err
	}
	if format == 13 {
		return s.SetKey(formatKey, []byte("13"))
	}
	if err := s.addEndsNamed(); err != nil { // format 13 writes none for the ends of relations
		return err
	}
	if format == 12 {
		return s.SetKey(formatKey, []byte("12"))
	}
	if err := s.dropPrefix(totalsKey); err != nil { // format 12's
		return err
	}
	if format == 11 {
		return s.SetKey(formatKey, []byte("11"))
	}
	if err := s.dropPrefix(actorCountPrefix); err != nil { // format 11's
		return err
	}
	if format == 10 {
		return s.SetKey(formatKey, []byte("10"))
	}
	if err := s.dropPrefix(datedPrefix); err != nil { // format 10's
		return err
	}
	if format == 9 {
		return s.SetKey(formatKey, []byte("9"))
	}
	if err := s.dropPrefix(unlistedPrefix); err != nil { // format 9's
		return err
	}
	var counts []byte // formats 3 to 6: none
	if format == 7 {
		counts = []byte{0xA6, 99, 99} // format 7's tag, here with wrong counts
	}
	if format < 8 {
		if err := s.dropCounts(counts); err != nil {
			return err
		}
	}
	if format >= 6 {
		return s.SetKey(formatKey, []byte(strconv.Itoa(format)))
	}
	if err := s.dropNamed(); err != nil {
		return err
	}
	return s.db.Update(func(txn *badger.Txn) error {
		type kv struct {
			k, v []byte
			meta byte
		}
		var sets []kv
		var dels [][]byte
		if format == 5 {
			return txn.Set([]byte(formatKey), []byte(strconv.Itoa(format)))
		}
		err := eachItem(context.Background(), txn, []byte(mentionPrefix), func(item *badger.Item) error {
			k := item.KeyCopy(nil)
			key, ref, err := parseMentionKey(k)
			if err != nil {
				return err
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			m, err := decodeMention(key, k, v)
			if err != nil {
				return err
			}
			n := fmt.Sprintf("%06d", ref.n)
			var old, value []byte
			var meta byte
			switch format {
			case 1:
				old = join(mentionPrefix, string(key.Source), string(key.Relation), string(key.Target), ref.article, n)
				if value, err = json.Marshal(m); err != nil {
					return err
				}
			default:
				old = join(mentionPrefix, string(key.Source), string(key.Relation), string(key.Target), textKeyTime(ref.date), ref.article, n)
				value = appendOldMention(nil, m)
				if format == 4 {
					meta = item.UserMeta()
				}
			}
			sets = append(sets, kv{old, value, meta})
			dels = append(dels, k)
			return nil
		})
		if err != nil {
			return err
		}
		err = eachKey(context.Background(), txn, []byte(edgePrefix), func(k []byte) error {
			switch format {
			case 1:
				sets = append(sets, kv{k: slices.Clone(revKey(mustEdge(k)))})
			case 2:
				sets = append(sets, kv{k: slices.Clone(k), v: []byte{99, 99, 0, 0}})
			default: // formats 3 to 5: no counts
				sets = append(sets, kv{k: slices.Clone(k)})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range dels {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, e := range sets {
			if err := txn.SetEntry(badger.NewEntry(e.k, e.v).WithMeta(e.meta)); err != nil {
				return err
			}
		}
		return txn.Set([]byte(formatKey), []byte(strconv.Itoa(format)))
	})
}

func mustEdge(k []byte) graph.EdgeKey {
	key, err := parseEdgeKey(k)
	if err != nil {
		panic(err)
	}
	return key
}

// textKeyTime is the date of a format 2 to 4 mention key: 24 hex digits,
// the Unix seconds with the sign bit flipped, then the nanoseconds.
func textKeyTime(t time.Time) string {
	return fmt.Sprintf("%016x%08x", uint64(t.Unix())^(1<<63), uint32(t.Nanosecond()))
}

// appendOldMention appends m as formats 2 to 4 stored it (mentionV1):
// every string field, the date, the spans.
func appendOldMention(b []byte, m graph.Mention) []byte {
	b = append(b, mentionV1)
	for _, s := range []string{string(m.Source), string(m.Relation), string(m.Target), m.Article,
		m.Sentence, m.Trigger, string(m.Status), string(m.ClaimedBy), string(m.DisputedBy)} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if m.Date.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, m.Date.Unix())
		b = binary.AppendUvarint(b, uint64(m.Date.Nanosecond()))
	}
	return appendSpans(b, m)
}

// UpgradePartly rewrites only the first n old mentions as format 5's,
// leaving the format key as it is: an upgrade stopped midway.
func (s *Store) UpgradePartly(n int) error { return s.upgradeMentions(context.Background(), n) }

// Format returns the value of the store's format key.
func (s *Store) Format() (string, error) {
	var v []byte
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(formatKey))
		if err != nil {
			return err
		}
		v, err = item.ValueCopy(nil)
		return err
	})
	return string(v), err
}

// dropPrefix deletes every key under prefix.
func (s *Store) dropPrefix(prefix string) error {
	return s.db.Update(func(txn *badger.Txn) error {
		var keys [][]byte
		err := eachKey(context.Background(), txn, []byte(prefix), func(k []byte) error {
			keys = append(keys, slices.Clone(k))
			return nil
		})
		for _, k := range keys {
			err = errors.Join(err, txn.Delete(k))
		}
		return err
	})
}

// dropCounts replaces the edges' counts (their e/ values) with v.
// dropLeads rewrites every e/ value as formats 8 to 13 wrote it: the
// counts without the lead (aggregateV2).
func (s *Store) dropLeads() error {
	return s.db.Update(func(txn *badger.Txn) error {
		var keys, values [][]byte
		err := eachItem(context.Background(), txn, []byte(edgePrefix), func(item *badger.Item) error {
			a, err := itemAggregate(item)
			if err != nil {
				return err
			}
			a.lead = ""
			v := appendAggregate(nil, a)                      // aggregateV3, then leadNone
			v = append([]byte{aggregateV2}, v[1:len(v)-1]...) // the same counts as format 13 wrote them
			keys, values = append(keys, item.KeyCopy(nil)), append(values, v)
			return nil
		})
		for i, k := range keys {
			err = errors.Join(err, txn.Set(k, values[i]))
		}
		return err
	})
}

// WriteLeadsPartly sets the leads of the first n edges whose lead is
// missing, as an upgrade to format 14 stopped after n edges leaves them.
func (s *Store) WriteLeadsPartly(n int) error {
	return s.db.Update(func(txn *badger.Txn) error {
		var keys, values [][]byte
		err := eachItem(context.Background(), txn, []byte(edgePrefix), func(item *badger.Item) error {
			if len(keys) == n {
				return nil
			}
			k, err := parseEdgeKey(item.Key())
			if err != nil {
				return err
			}
			a, err := itemAggregate(item)
			if err != nil || a.lead != "" {
				return err
			}
			seenLead(txn, k, &a)
			keys, values = append(keys, item.KeyCopy(nil)), append(values, appendAggregate(nil, a))
			return nil
		})
		for i, k := range keys {
			err = errors.Join(err, txn.Set(k, values[i]))
		}
		return err
	})
}

func (s *Store) dropCounts(v []byte) error {
	return s.db.Update(func(txn *badger.Txn) error {
		var keys [][]byte
		err := eachKey(context.Background(), txn, []byte(edgePrefix), func(k []byte) error {
			keys = append(keys, slices.Clone(k))
			return nil
		})
		for _, k := range keys {
			err = errors.Join(err, txn.Set(k, v))
		}
		return err
	})
}

// dropNamed removes what format 6 added: the i/ keys and the actors listed
// in article records.
// addEndsNamed writes the i/ keys of the ends of every mention's edge in
// its article, as formats 6 to 12 did.
func (s *Store) addEndsNamed() error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(context.Background(), txn, []byte(mentionPrefix), func(k []byte) error {
			key, ref, err := parseMentionKey(k)
			if err != nil {
				return err
			}
			return errors.Join(wb.Set(namedKey(key.Source, ref.article), nil), wb.Set(namedKey(key.Target, ref.article), nil))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

func (s *Store) dropNamed() error {
	return s.db.Update(func(txn *badger.Txn) error {
		var dels [][]byte
		var arts []graph.Article
		err := eachKey(context.Background(), txn, []byte(namedPrefix), func(k []byte) error {
			dels = append(dels, slices.Clone(k))
			return nil
		})
		if err != nil {
			return err
		}
		err = eachValue(context.Background(), txn, []byte(articlePrefix), func(_, v []byte) error {
			a, err := decodeArticle(v)
			a.Actors = nil
			arts = append(arts, a)
			return err
		})
		if err != nil {
			return err
		}
		for _, k := range dels {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, a := range arts {
			if err := setJSON(txn, articleKey(a.ID), a, encodeArticle); err != nil {
				return err
			}
		}
		return nil
	})
}

// UpgradeNamedPartly writes the i/ keys of only the first n mentions,
// leaving the format key as it is: an upgrade to format 6 stopped midway.
func (s *Store) UpgradeNamedPartly(n int) error { return s.upgradeNamed(context.Background(), n) }

// WriteHalf writes an article as putInParts does but stops before the last
// transaction, as a geokg killed there would: its w/ key, actors and
// mentions are stored, its article record is not.
func (s *Store) WriteHalf(art graph.Article, actors []graph.Actor, mentions []graph.Mention) error {
	p, err := prepare(art, actors, mentions)
	if err != nil {
		return err
	}
	var edges []byte
	for _, g := range p.groups {
		edges = append(append(edges, edgeKey(g.key)...), '\n')
	}
	for _, a := range p.named {
		edges = append(append(edges, namedKey(a, art.ID)...), '\n')
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(pendingKey(art.ID), edges) }); err != nil {
		return err
	}
	w := newPartWriter(context.Background(), s, false)
	defer w.discard()
	if err := writeNamed(w, p); err != nil {
		return err
	}
	// the edges' counts too, as when they overflow the last transaction:
	// the roll back must recount them
	var pending pendingCounts
	if err := writeBody(w, p, nil, &pending); err != nil {
		return err
	}
	if err := pending.flush(w, nil); err != nil {
		return err
	}
	return w.txn.Commit()
}

// OpenSmallContext is OpenContext with the small test options.
func OpenSmallContext(ctx context.Context, dir string, opts Options) (*Store, error) {
	opts.ctx = ctx
	return open(dir, opts, testBadgerOptions)
}

// OpenCursors is how many read transactions have a cursor open.
func OpenCursors() int {
	n := 0
	cursors.Range(func(any, any) bool { n++; return true })
	return n
}

// LeadCopiesCurrent reports whether the store's copies of first mentions
// (leadcopy.go) are current.
func (s *Store) LeadCopiesCurrent() bool {
	var ok bool
	_ = s.db.View(func(txn *badger.Txn) error { ok = leadCopiesCurrent(s.db, txn); return nil })
	return ok
}

// WriteLeadCopies writes the copies of first mentions, as the merge after
// a large session does (leadcopy.go).
func (s *Store) WriteLeadCopies() error {
	return writeLeadCopies(context.Background(), s.db)
}

// SetBeside sets the limits of the merge beside the last level after small
// sessions (besideLast) until the test ends.
func SetBeside(t interface{ Cleanup(func()) }, least, most int64) {
	oldMin, oldMax := besideMin, besideMax
	besideMin, besideMax = least, most
	t.Cleanup(func() { besideMin, besideMax = oldMin, oldMax })
}

// SetStackTop sets the highest level of the stack beside the last level
// (besideLast) until the test ends.
func SetStackTop(t interface{ Cleanup(func()) }, top int) {
	old := stackTop
	stackTop = top
	t.Cleanup(func() { stackTop = old })
}

// TablesByLevel returns the ids of the store's tables in each level below
// level 0 that holds some, and how many bytes each such level holds.
func (s *Store) TablesByLevel() (ids map[int][]uint64, sizes map[int]int64) {
	ids, sizes = map[int][]uint64{}, map[int]int64{}
	for _, tb := range s.db.Tables() {
		if tb.Level > 0 {
			ids[tb.Level] = append(ids[tb.Level], tb.ID)
		}
	}
	for _, l := range s.db.Levels() {
		if l.Level > 0 && l.NumTables > 0 {
			sizes[l.Level] = l.Size
		}
	}
	for _, v := range ids {
		slices.Sort(v)
	}
	return ids, sizes
}
