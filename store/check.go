package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// maxProblems bounds Check's list, so a badly broken store does not fill
// memory with reports.
const maxProblems = 1000

// Check reads the whole store and returns a description of every
// inconsistency between its indexes (at most 1000): an edge without its
// in-edge twin or the reverse, an edge without mentions, an edge whose
// stored counts are not those of its mentions, or store totals (articles,
// edges and mentions per relation) that are not theirs (RebuildAggregates
// repairs both), mentions without
// an edge or article, malformed keys, edges or name and
// affiliation entries pointing to missing actors, i/ keys naming articles
// that are not stored. A nil list means the
// store is consistent; the error is for failures to read it.
//
// Before the indexes, Check reads every block of every table against its
// checksum (Diagnose): a damaged file makes its error a *DamagedError. A
// mention value that does not decode is one of the problems, and makes
// the error a *DamagedError too, after the walk.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if err := Diagnose(s.dir); err != nil {
		s.mark(err)
		return nil, err
	}
	var c checker
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, step := range []func(context.Context, *badger.Txn) error{c.edges, c.reverse, c.mentions, c.counts, c.actorCounts, c.months, c.totals, c.unlisted, c.dates, c.names, c.affiliations, c.named, c.leadCopies(s.db), c.inCopies(s.db)} {
			if err := step(ctx, txn); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return c.problems, fmt.Errorf("store: check: %w", err)
	}
	if c.undecodable > 0 {
		verb := "do"
		if c.undecodable == 1 {
			verb = "does"
		}
		err = &DamagedError{Dir: s.dir, Where: fmt.Sprintf("%s %s not decode", plural(c.undecodable, "mention value"), verb)}
	}
	s.mark(err)
	return c.problems, err
}

type checker struct {
	problems    []string
	undecodable int // mention values that do not decode
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

var errTooMany = errors.New("too many problems")

func (c *checker) report(format string, args ...any) error {
	if len(c.problems) >= maxProblems {
		return errTooMany
	}
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
	return nil
}

// need reports a problem when key is not in the store.
func (c *checker) need(txn *badger.Txn, key []byte, format string, args ...any) error {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return c.report(format, args...)
	}
	return err
}

// edges checks each e/ key: twin, ends, and well-formed mention keys, of
// which there must be at least one.
func (c *checker) edges(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachKey(ctx, txn, []byte(edgePrefix), func(k []byte) error {
		key, err := parseEdgeKey(k)
		if err != nil {
			return c.report("bad edge key %q: %v", k, err)
		}
		if err := c.need(txn, revKey(key), "edge %q has no in-edge key %q", k, revKey(key)); err != nil {
			return err
		}
		for _, id := range []graph.ActorID{key.Source, key.Target} {
			if err := c.need(txn, actorKey(id), "edge %q: no actor %s", k, id); err != nil {
				return err
			}
		}
		mentions := 0
		err = eachKey(ctx, txn, evidencePrefix(key), func(mk []byte) error {
			mentions++
			if _, _, err := parseMentionKey(mk); err != nil {
				return c.report("bad mention key %q: %v", mk, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if mentions == 0 {
			return c.report("edge %q has no mentions", k)
		}
		return nil
	}))
}

// reverse checks that each r/ key has its e/ twin.
func (c *checker) reverse(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachKey(ctx, txn, []byte(revPrefix), func(k []byte) error {
		key, err := parseRevKey(k)
		if err != nil {
			return c.report("bad in-edge key %q: %v", k, err)
		}
		return c.need(txn, edgeKey(key), "in-edge %q has no edge %q", k, edgeKey(key))
	}))
}

// mentions checks that each m/ key has its edge and article, that its
// value decodes, and that its claimant flag says whether its value names
// a claimant.
func (c *checker) mentions(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachItem(ctx, txn, []byte(mentionPrefix), func(item *badger.Item) error {
		return c.mention(txn, item)
	}))
}

func (c *checker) mention(txn *badger.Txn, item *badger.Item) error {
	k := item.Key()
	key, ref, err := parseMentionKey(k)
	if err != nil {
		return nil // reported by edges when its edge exists
	}
	if err := c.need(txn, edgeKey(key), "mention %q has no edge", k); err != nil {
		return err
	}
	if err := c.need(txn, articleKey(ref.article), "mention %q: no article %s", k, ref.article); err != nil {
		return err
	}
	// the key is parsed: only the value is left to decode
	var m graph.Mention
	if err := item.Value(func(v []byte) error { return decodeMentionValue(&m, v) }); err != nil {
		c.undecodable++
		return c.report("mention %q: %v", k, err)
	}
	claimed, disputed := m.ClaimedBy, m.DisputedBy
	if flag, has := item.UserMeta()&metaClaimant != 0, claimed != "" || disputed != ""; flag != has {
		return c.report("mention %q: claimant flag %v, but its value names claimant %q, disputer %q", k, flag, claimed, disputed)
	}
	return nil
}

// counts checks that each edge's stored aggregate is what its mentions
// make.
func (c *checker) counts(ctx context.Context, txn *badger.Txn) error {
	return c.stop(recountAll(ctx, txn, func(k graph.EdgeKey, want aggregate) error {
		item, err := txn.Get(edgeKey(k))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil // reported by mentions
		}
		if err != nil {
			return err
		}
		got, err := itemAggregate(item)
		if err != nil {
			return c.report("%v", err)
		}
		if !bytes.Equal(appendAggregate(nil, got), appendAggregate(nil, want)) {
			return c.report("edge %q: stored counts %s, its mentions make %s", edgeKey(k), got, want)
		}
		return nil
	}))
}

// actorCounts checks each actor's stored counts against a recount.
func (c *checker) actorCounts(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachKey(ctx, txn, []byte(actorPrefix), func(k []byte) error {
		id, err := parseActorKey(k)
		if err != nil {
			return nil // reported with the actors
		}
		want, err := recountActor(ctx, txn, id)
		if err != nil {
			return err
		}
		got, err := getActorCounts(txn, id)
		if err != nil {
			return c.report("actor %s: %v", id, err)
		}
		if got != want {
			return c.report("actor %s: stored counts %d edges, %d articles; its keys make %d, %d", id, got.Edges, got.Articles, want.Edges, want.Articles)
		}
		return nil
	}))
}

// months checks each actor's stored months (months.go) against a
// recount of its edges' mention keys, and that every month key belongs
// to an actor.
func (c *checker) months(ctx context.Context, txn *badger.Txn) error {
	err := eachKey(ctx, txn, []byte(monthsPrefix), func(k []byte) error {
		id, _, err := parseMonthKey(k)
		if err != nil {
			return c.report("%v", err)
		}
		if !hasKey(txn, actorKey(id)) {
			return c.report("month key %q: no actor %s", k, id)
		}
		return nil
	})
	if err != nil {
		return c.stop(err)
	}
	return c.stop(eachKey(ctx, txn, []byte(actorPrefix), func(k []byte) error {
		id, err := parseActorKey(k)
		if err != nil {
			return nil // reported with the actors
		}
		want, err := recountMonths(ctx, txn, id)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			// a key that does not parse, which the other steps name
			return c.report("actor %s: months not recounted: %v", id, err)
		}
		got, err := storedMonths(ctx, txn, id)
		if err != nil {
			return c.report("actor %s: months: %v", id, err)
		}
		for _, i := range slices.Sorted(maps.Keys(unionKeys(got, want))) {
			g, w := monthTally{}, monthTally{}
			if got[i] != nil {
				g = *got[i]
			}
			if want[i] != nil {
				w = *want[i]
			}
			if g != w {
				if err := c.report("actor %s: month %s: stored articles %v; its mention keys make %v", id, monthStart(i).Format("2006-01"), g, w); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// unionKeys is the set of months in a or b.
func unionKeys(a, b tallies) map[int]bool {
	u := map[int]bool{}
	for i := range a {
		u[i] = true
	}
	for i := range b {
		u[i] = true
	}
	return u
}

// totals checks the store's totals against a recount of the articles and
// the edges' counts (which counts checks against the mentions).
func (c *checker) totals(ctx context.Context, txn *badger.Txn) error {
	want, err := recountTotals(ctx, txn)
	if err != nil {
		return c.stop(err)
	}
	got, err := getTotals(txn)
	if err != nil {
		return c.stop(c.report("%v", err))
	}
	if got != want {
		return c.stop(c.report("store totals %+v; its articles and edges make %+v", got, want))
	}
	return nil
}

// dates checks the index of articles by date against the articles.
func (c *checker) dates(ctx context.Context, txn *badger.Txn) error {
	err := eachValue(ctx, txn, []byte(articlePrefix), func(k, v []byte) error {
		a, err := decodeArticle(v)
		if err != nil {
			return nil // reported with the article
		}
		return c.need(txn, datedKey(a.Date, a.ID), "article %s has no %q key", a.ID, datedKey(a.Date, a.ID))
	})
	if err != nil {
		return c.stop(err)
	}
	return c.stop(eachKey(ctx, txn, []byte(datedPrefix), func(k []byte) error {
		date, id, err := parseDatedKey(k)
		if err != nil {
			return c.report("bad dated key %q: %v", k, err)
		}
		a, err := getArticle(txn, id)
		switch {
		case errors.Is(err, graph.ErrNotFound):
			return c.report("dated key %q: no article %s", k, id)
		case err != nil:
			return nil // reported with the article
		case !a.Date.Equal(date):
			return c.report("dated key %q: article %s is dated %s", k, id, graph.FormatDate(a.Date))
		}
		return nil
	}))
}

// unlisted checks that each article whose mentions its record does not
// find is marked so (Forget would miss them otherwise).
func (c *checker) unlisted(ctx context.Context, txn *badger.Txn) error {
	ids, err := unlistedArticles(ctx, txn)
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		if !hasKey(txn, unlistedKey(id)) {
			if err := c.report("article %s: a mention its record does not find, and no %q key", id, unlistedKey(id)); err != nil {
				return c.stop(err)
			}
		}
	}
	return nil
}

// names checks that each n/ entry names an actor that has that name.
func (c *checker) names(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachKey(ctx, txn, []byte(namePrefix), func(k []byte) error {
		norm, id, err := parseNameKey(k)
		if err != nil {
			return c.report("bad name key %q: %v", k, err)
		}
		a, err := getActor(txn, id)
		if errors.Is(err, graph.ErrNotFound) {
			return c.report("name %q: no actor %s", norm, id)
		}
		if err != nil {
			return err
		}
		if _, ok := indexNames(a)[norm]; !ok {
			return c.report("name %q: actor %s has no such name", norm, id)
		}
		return nil
	}))
}

// affiliations checks that each f/ entry matches its member's Affiliation.
func (c *checker) affiliations(ctx context.Context, txn *badger.Txn) error {
	return c.stop(eachKey(ctx, txn, []byte(affilPrefix), func(k []byte) error {
		aff, member, err := parseAffilKey(k)
		if err != nil {
			return c.report("bad affiliation key %q: %v", k, err)
		}
		a, err := getActor(txn, member)
		if errors.Is(err, graph.ErrNotFound) {
			return c.report("affiliation %q: no actor %s", k, member)
		}
		if err != nil {
			return err
		}
		if a.Affiliation != aff {
			return c.report("affiliation %q: actor %s is affiliated to %q", k, member, a.Affiliation)
		}
		return nil
	}))
}

// named checks each i/ key (an article naming an actor): well-formed, and
// naming a stored article.
func (c *checker) named(ctx context.Context, txn *badger.Txn) error {
	var keys [][]byte
	err := eachKey(ctx, txn, []byte(namedPrefix), func(k []byte) error {
		keys = append(keys, bytes.Clone(k))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		actor, article, err := parseNamedKey(k)
		if err != nil {
			err = c.report("bad key %q of an article naming an actor: %v", k, err)
		} else {
			err = c.need(txn, articleKey(article), "%s is named by article %s, which is not stored", actor, article)
		}
		if err != nil {
			return c.stop(err)
		}
	}
	return nil
}

// stop turns the end of the report list into a clean stop.
func (c *checker) stop(err error) error {
	if errors.Is(err, errTooMany) {
		return nil
	}
	return err
}
