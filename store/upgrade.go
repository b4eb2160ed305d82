package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Store formats, and what an upgrade from each does:
//
//   - Format 1 (geokg before the evidence index) keyed a mention as
//     m/<src>/<rel>/<dst>/<article>/<n> with a JSON value.
//   - Format 2 put the mention's date in its key, so an edge's first
//     mentions are its first keys: m/<src>/<rel>/<dst>/<date>/<article>/<n>,
//     the date as 24 hex digits and n as six decimal ones, with a binary
//     value holding every field (mentionV1).
//   - Format 3 no longer wrote an edge's counts in its e/ value, which is
//     empty: they are read from its mention keys (counts.go).
//   - Format 4 flagged the mentions that name a claimant (metaClaimant, in
//     Badger's user meta byte, which a key-only walk sees).
//   - Format 5 writes a mention key's date, article and number in binary
//     (mentionKey: 31 bytes instead of 64 for geokg's article ids) and
//     leaves out of the value what the key says (mentionV2): a 200 MB
//     corpus's store writes a third fewer bytes, and an ingest takes a
//     fifth less CPU.
//   - Format 6 keeps which articles name each actor, in a relation or not
//     (i/<actor>/<article> keys, named.go), and lists them in each
//     article's record (graph.Article.Actors).
//   - Format 7 keeps each edge's counts in its e/ value (aggregate.go), so
//     that queries no longer walk every mention key of the edges they
//     show.
//   - Format 8 drops format 7's articles per month from those counts, so
//     that they fit under Badger's value threshold and stay in its tree:
//     an edge's counts, rewritten by every commit that names it, no
//     longer leave stale copies in the value log.
//   - Format 9 marks the articles whose mentions their record does not
//     find (o/<article id>: articleMentionKeys), so that Forget finds the
//     others' by a few seeks instead of reading every mention key.
//   - Format 10 indexes the articles by date (t/<date><article id>), so
//     that stats counts them by their keys and finds the first and last
//     date with a seek each instead of decoding every article.
//   - Format 11 keeps each actor's edge and distinct article counts
//     (c/<actor id>, aggregate.go), for actors' degrees and stats' most
//     connected actors.
//   - Format 12 keeps the store's totals (s/totals, totals.go: articles,
//     edges and mentions per relation), so that stats reads no edge.
//   - Format 13 writes i/ keys only for the actors an article names
//     outside its relations: an end's articles are its c/ count's
//     (NamedIn), and a bulk ingest writes 14% fewer entries.
//   - Format 14 keeps each edge's first mention (its key's date, article
//     and number: the lead) in its counts, so that a view reads an
//     edge's first sentence with a lookup instead of a seek.
//   - Format 15 keeps each actor's articles per month, per relation and
//     direction (v/<actor id>/<month>, months.go), so that a timeline
//     reads a few keys instead of every mention key of the actor's edges.
//   - Format 16 keeps, beside the copies of first mentions, a copy of
//     each edge's counts and first mention under its target
//     (k/<dst>/<rel>/<src>, incopy.go), so that a view reads its in-edges
//     from one range of the tree. A forget deletes them: a geokg that does
//     not know them must not write to the store, or a forgotten sentence
//     could outlive its forget in one.
//
// Upgrading any of formats 1 to 4 rewrites every mention (key, value and
// flag) in the format-5 form; e/ values of format 2 are ignored, as format
// 3 on does. Upgrading any of formats 1 to 5 then writes the i/ keys that
// the mentions show (their ends and claimants: the text of an article
// stored before format 6 is not kept, so the actors it named in no
// relation are not known). Upgrading any of formats 1 to 7 then rewrites
// every edge's e/ value (format 2's and 7's, which held other counts, included)
// with the aggregate of its mentions, leaving alone those already right,
// so that an upgrade stopped midway is finished by the next, and then
// marks the unlisted articles (format 9) and indexes every article by
// date (format 10) and counts each actor's edges and articles (format 11)
// and the store's totals (format 12) and removes the i/ keys of actors
// that are an end of a relation in the article (format 13) and sets each
// edge's lead from its first mention key (format 14: a walk over the
// mention keys alone) and counts each actor's months (format 15: a walk
// over the mention keys of each actor's edges, each actor's months
// written whole) and has the session's close write the in-edge copies
// (format 16): each step for the stores of a
// format before the one that brought it, so that a store of format 11
// only has its totals counted (a walk over the e/ keys: seconds, where
// the other steps read every mention). Each step may be stopped and run
// again. The format key is written last. A read-only open of an older
// store fails with ErrUpgrade (the command line then opens it for writing
// once).

// ErrUpgrade is wrapped by Open's error when a read-only open finds a store
// of an older format: opening it once for writing upgrades it.
var ErrUpgrade = fmt.Errorf("store needs an upgrade to format %d; open it once for writing", FormatVersion)

// upgrade brings a store of format from up to FormatVersion and writes the
// new format key last. The mentions are rewritten in batches; this can
// stop at any point (a crash, a kill) and run again: keys already
// rewritten are recognised by their shape.
func (s *Store) upgrade(ctx context.Context, from int) error {
	if from < 5 {
		if err := s.upgradeMentions(ctx, -1); err != nil {
			return err
		}
	}
	if from < 6 {
		if err := s.upgradeNamed(ctx, -1); err != nil {
			return err
		}
	}
	steps := []struct {
		before int // the format that brought it: stores of earlier ones need it
		what   string
		run    func(context.Context) error
	}{
		{8, "edge counts", func(ctx context.Context) error { _, err := s.rebuildEdgeCounts(ctx); return err }},
		{9, "unlisted articles", s.markUnlisted},
		{10, "articles by date", s.indexDates},
		{11, "actor counts", s.rebuildActorCounts},
		{12, "store totals", s.rebuildTotals},
		{13, "articles naming actors", s.pruneNamed},
		{14, "first mentions", s.writeLeads},
		{15, "actor months", s.rebuildMonths},
		{16, "in-edge copies", s.dueInCopies},
		{13, "tables", s.flatten},
	}
	for _, step := range steps {
		if from >= step.before {
			continue
		}
		if err := step.run(ctx); err != nil {
			return fmt.Errorf("store: upgrade %s: %s: %w", s.dir, step.what, err)
		}
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(formatKey), []byte(strconv.Itoa(FormatVersion)))
	})
	if err != nil {
		return fmt.Errorf("store: upgrade %s from format %d: write format: %w", s.dir, from, err)
	}
	return nil
}

// pruneNamed removes the i/ keys of the actors that are an end of a
// relation in the article (the upgrade to format 13, see namedPrefix): for
// each actor with i/ keys, the articles of its edges' mentions are read
// (as recountActor counts them) and its i/ keys of those articles
// deleted. Deleting is idempotent, so a stopped upgrade is finished by the
// next; only keys that exist are deleted.
func (s *Store) pruneNamed(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		var actor graph.ActorID
		var related map[string]struct{}
		return eachKey(ctx, txn, []byte(namedPrefix), func(k []byte) error {
			id, article, err := parseNamedKey(k)
			if err != nil {
				return nil // Check's business
			}
			if id != actor || related == nil {
				if related, err = relatedArticles(ctx, txn, id); err != nil {
					return err
				}
				actor = id
			}
			if _, ok := related[string(appendArticlePart(nil, article))]; ok {
				return wb.Delete(slices.Clone(k))
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// writeLeads sets each edge's lead (aggregate.lead) to its first mention
// key (the upgrade to format 14): one walk over the mention keys, without
// their values, and a rewrite of each e/ value whose lead differs, in
// batches. Edges already right are left alone, so a stopped upgrade is
// finished by the next. A key or value that does not parse is left for
// Check to report.
func (s *Store) writeLeads(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		var edge []byte // the evidence prefix of the edge whose lead is set
		return eachKey(ctx, txn, []byte(mentionPrefix), func(k []byte) error {
			if edge != nil && bytes.HasPrefix(k, edge) {
				return nil
			}
			key, _, err := parseMentionKey(k)
			if err != nil {
				return nil
			}
			edge = evidencePrefix(key)
			item, err := txn.Get(edgeKey(key))
			if errors.Is(err, badger.ErrKeyNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			a, err := itemAggregate(item)
			lead := string(k[len(edge):])
			if err != nil || a.lead == lead {
				return nil
			}
			a.lead = lead
			return wb.Set(edgeKey(key), appendAggregate(nil, a))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// flatten merges every table of the store into one level (Badger's
// Flatten), after the upgrade to format 13: its removal of i/ keys wrote
// a store's worth of deletions in key order, into level-0 tables that do
// not overlap, which Close's merge of level 0 (CompactL0OnClose) takes one
// at a time, and that every read then went through (23 tables, 122 MB, on
// a 1 GB store: `actor Russia` 0.069 -> 0.089 CPU s). It also rewrites the
// tables of a store written before them at 8 MB (badgerOptions). A
// compaction, so a kill leaves the store as it was or merged; the next
// open merges again.
func (s *Store) flatten(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Flatten(2)
}

// errStopUpgrade ends an upgrade stopped on purpose (upgradeMentions' limit).
var errStopUpgrade = errors.New("upgrade stopped")

// upgradeMentions rewrites the mentions of formats 1 to 4 as format 5's,
// or only the first limit of them if limit >= 0 (as a kill would stop it:
// a test then checks that the next open finishes the job). A key of
// neither shape is left for Check to report.
func (s *Store) upgradeMentions(ctx context.Context, limit int) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(mentionPrefix), func(k, v []byte) error {
			if limit == 0 {
				return errStopUpgrade
			}
			if _, _, err := parseMentionKey(k); err == nil {
				return nil // already format 5
			}
			key, ref, ok := parseOldMentionKey(k)
			if !ok {
				return nil
			}
			m, err := decodeOldMention(v)
			if err != nil {
				return fmt.Errorf("mention %q: %w", k, err)
			}
			if ref.n > maxMentionNumber {
				return fmt.Errorf("mention %q: more than %d mentions of an edge in one article", k, maxMentionNumber+1)
			}
			if m.Key() != key || m.Article != ref.article {
				return fmt.Errorf("mention %q: its value names %s %s %s in article %q", k, m.Source, m.Relation, m.Target, m.Article)
			}
			if err := wb.SetEntry(mentionEntry(mentionKey(key, m.Date, ref.article, ref.n), appendMention(nil, m), m)); err != nil {
				return err
			}
			limit--
			return wb.Delete(append([]byte(nil), k...))
		})
	})
	if errors.Is(err, errStopUpgrade) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("store: upgrade %s: mentions: %w", s.dir, err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("store: upgrade %s: %w", s.dir, err)
	}
	return nil
}

// parseOldMentionKey reads a mention key of format 1
// (m/<src>/<rel>/<dst>/<article>/<n>) or 2 to 4
// (m/<src>/<rel>/<dst>/<date>/<article>/<n>); a format-1 key has no date,
// which its value holds.
func parseOldMentionKey(k []byte) (graph.EdgeKey, mentionRef, bool) {
	var ref mentionRef
	p, err := split(k, mentionPrefix, 6)
	if err != nil {
		if p, err = split(k, mentionPrefix, 5); err != nil {
			return graph.EdgeKey{}, ref, false
		}
		p = append(p[:3], append([]string{""}, p[3:]...)...)
	} else if ref.date, err = parseTextKeyTime(p[3]); err != nil {
		return graph.EdgeKey{}, ref, false
	}
	key, err := checkEdge(p[0], p[1], p[2])
	if err != nil || validArticleID(p[4]) != nil {
		return graph.EdgeKey{}, ref, false
	}
	ref.article = p[4]
	if ref.n, err = strconv.Atoi(p[5]); err != nil || ref.n < 0 {
		return graph.EdgeKey{}, ref, false
	}
	return key, ref, true
}

// parseTextKeyTime reads the dates of format 2 to 4 keys: 24 hex digits,
// the Unix seconds with the sign bit flipped and the nanoseconds.
func parseTextKeyTime(s string) (time.Time, error) {
	if len(s) != 24 {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	sec, err1 := strconv.ParseUint(s[:16], 16, 64)
	nsec, err2 := strconv.ParseUint(s[16:], 16, 32)
	if err1 != nil || err2 != nil || nsec >= 1e9 {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	return time.Unix(int64(sec^(1<<63)), int64(nsec)).UTC(), nil
}

// upgradeNamed writes the i/ keys of format 6 that the mentions show: for
// each mention, its ends and claimants are named by its article. Setting
// a key twice changes nothing, so a stopped upgrade is simply run again.
// limit, if >= 0, stops it after that many mentions (for tests).
func (s *Store) upgradeNamed(ctx context.Context, limit int) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachItem(ctx, txn, []byte(mentionPrefix), func(item *badger.Item) error {
			if limit == 0 {
				return errStopUpgrade
			}
			limit--
			k, ref, err := parseMentionKey(item.Key())
			if err != nil {
				return nil // Check's business
			}
			ids := []graph.ActorID{k.Source, k.Target}
			if item.UserMeta()&metaClaimant != 0 {
				err := item.Value(func(v []byte) error {
					claimed, disputed, err := mentionClaimants(v)
					ids = append(ids, claimed, disputed)
					return err
				})
				if err != nil {
					return fmt.Errorf("mention %q: %w", item.Key(), err)
				}
			}
			for _, id := range ids {
				if id == "" {
					continue
				}
				if err := wb.Set(namedKey(id, ref.article), nil); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if errors.Is(err, errStopUpgrade) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("store: upgrade %s: articles naming actors: %w", s.dir, err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("store: upgrade %s: %w", s.dir, err)
	}
	return nil
}

// markUnlisted writes the o/ key of every unlisted article (format 9).
func (s *Store) markUnlisted(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		ids, err := unlistedArticles(ctx, txn)
		if err != nil {
			return err
		}
		for id := range ids {
			if err := wb.Set(unlistedKey(id), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// indexDates writes the t/ key of every article (format 10).
func (s *Store) indexDates(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(articlePrefix), func(_, v []byte) error {
			a, err := decodeArticle(v)
			if err != nil {
				return err
			}
			return wb.Set(datedKey(a.Date, a.ID), nil)
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// dueInCopies is the upgrade to format 16: a store of an older format has
// no in-edge copies (incopy.go) and none is current, so views read their
// in-edges as before; the session's close writes them, as after a large
// session (a walk over the mention keys: Close, mergeLevelZero). Should
// it not (a kill, no room), the next large session's close does, as it
// does whenever they are not current (and so does a merge after small
// sessions in a store of copiesWalkLimit or less).
func (s *Store) dueInCopies(context.Context) error {
	s.copiesDue = true
	return nil
}
