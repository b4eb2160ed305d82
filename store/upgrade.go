package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"
)

// Format 1 (geokg before the evidence index) keyed a mention as
// m/<src>/<rel>/<dst>/<article>/<n> with a JSON value. Format 2 puts the
// mention's date in its key (mentionKey), so an edge's first mentions are
// its first keys, and stores mentions in binary (encodeMention). Format 3
// no longer writes an edge's counts in its e/ value, which is empty: they
// are read from its mention keys (counts.go). A format-2 store is
// therefore read as it is (its e/ values are ignored), and upgrading it
// only writes the new format key; the new format keeps a geokg that
// trusts e/ values from a store whose values no longer follow its edges.
// Format 4 flags the mentions that name a claimant (metaClaimant, in
// Badger's user meta byte, which a key-only walk sees): an export's first
// pass, which collects the actors to list before the edges, then reads
// only those mentions' values instead of all of them. Formats 2 and 3 are
// read as they are (their walks read every value for claimants);
// upgrading them flags their mentions.

// ErrUpgrade is wrapped by Open's error when a read-only open finds a store
// of an older format: opening it once for writing upgrades it.
var ErrUpgrade = fmt.Errorf("store needs an upgrade to format %d; open it once for writing", FormatVersion)

// upgrade brings a store of format from up to FormatVersion and writes the
// new format key last. Format 1's mentions are rewritten in batches; this
// can stop at any point (a crash, a kill) and run again: keys already
// rewritten are recognised by their shape.
func (s *Store) upgrade(ctx context.Context, from int) error {
	upgradeMentions := s.flagClaimants
	if from == 1 {
		upgradeMentions = s.upgradeMentions
	}
	if err := upgradeMentions(ctx); err != nil {
		return err
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(formatKey), []byte(strconv.Itoa(FormatVersion)))
	})
	if err != nil {
		return fmt.Errorf("store: upgrade %s: write format: %w", s.dir, err)
	}
	return nil
}

// upgradeMentions rewrites format 1's mention keys and values as format
// 4's.
func (s *Store) upgradeMentions(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(mentionPrefix), func(k, v []byte) error {
			if _, _, err := parseMentionKey(k); err == nil {
				return nil // already format 2
			}
			p, err := split(k, mentionPrefix, 5)
			if err != nil {
				return nil // not a format-1 mention either: Check reports it
			}
			n, err := strconv.Atoi(p[4])
			if err != nil {
				return nil
			}
			m, err := decodeMention(v)
			if err != nil {
				return fmt.Errorf("mention %q: %w", k, err)
			}
			key, err := checkEdge(p[0], p[1], p[2])
			if err != nil {
				return nil
			}
			if err := wb.SetEntry(mentionEntry(mentionKey(key, m.Date, p[3], n), appendMention(nil, m), m)); err != nil {
				return err
			}
			return wb.Delete(append([]byte(nil), k...))
		})
	})
	if err != nil {
		return fmt.Errorf("store: upgrade %s: mentions: %w", s.dir, err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("store: upgrade %s: %w", s.dir, err)
	}
	return nil
}

// flagClaimants sets metaClaimant on every mention that names a claimant
// and lacks it (formats 2 and 3), in batches; it can stop and run again.
func (s *Store) flagClaimants(ctx context.Context) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		return eachItem(ctx, txn, []byte(mentionPrefix), func(item *badger.Item) error {
			if item.UserMeta()&metaClaimant != 0 {
				return nil
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			claimed, disputed, err := mentionClaimants(v)
			if err != nil || (claimed == "" && disputed == "") {
				return nil // a bad value is Check's business
			}
			return wb.SetEntry(badger.NewEntry(item.KeyCopy(nil), v).WithMeta(metaClaimant))
		})
	})
	if err != nil {
		return fmt.Errorf("store: upgrade %s: flag claimants: %w", s.dir, err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("store: upgrade %s: %w", s.dir, err)
	}
	return nil
}
