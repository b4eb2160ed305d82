package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// namedPrefix starts the keys that say which articles name an actor
// outside their relations: i/<actor id>/<article id>, empty values, for
// the actors an article names (its record lists them: graph.Article.Actors)
// that are no end of a relation in it (format 13). The articles that show
// an actor's relations are counted by its c/ key already (actorCounts),
// so the articles naming an actor are as many as those plus its i/ keys
// (NamedIn). Format 12 wrote an i/ key for every actor an article named:
// 241,600 of 243,000 of them, on the corpus of .ci/bench-queries 100MB,
// for an end of a relation, each one more entry for a bulk ingest to
// write (6% of its CPU, docs/benchmarks.md).
const namedPrefix = "i/"

func namedKey(actor graph.ActorID, article string) []byte {
	return join(namedPrefix, string(actor), article)
}

// namedPrefixFor is the prefix of every namedKey of actor.
func namedPrefixFor(actor graph.ActorID) []byte { return join(namedPrefix, string(actor), "") }

func parseNamedKey(key []byte) (graph.ActorID, string, error) {
	p, err := split(key, namedPrefix, 2)
	if err != nil {
		return "", "", err
	}
	id, err := checkID(p[0])
	if err != nil {
		return "", "", err
	}
	return id, p[1], validArticleID(p[1])
}

// namedActors returns, sorted and without duplicates, the actors an
// article names: those its text names (art.Actors) and every actor its
// mentions refer to (ends and claimants).
func namedActors(art graph.Article, ms []graph.Mention) []graph.ActorID {
	ids := map[graph.ActorID]bool{}
	for _, id := range art.Actors {
		ids[id] = true
	}
	for i := range ms {
		m := &ms[i]
		for _, id := range []graph.ActorID{m.Source, m.Target, m.ClaimedBy, m.DisputedBy} {
			if id != "" {
				ids[id] = true
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(ids))
}

// unrelatedNamed returns the actors of named that are no end of any of
// edges: those an article writes i/ keys for.
func unrelatedNamed(named []graph.ActorID, edges []graph.EdgeKey) []graph.ActorID {
	var out []graph.ActorID
	for _, id := range named {
		if !slices.ContainsFunc(edges, func(k graph.EdgeKey) bool { return k.Source == id || k.Target == id }) {
			out = append(out, id)
		}
	}
	return out
}

// NamedIn returns how many stored articles name actor id, in a relation
// or not: those that show its relations (its c/ count) and those that
// name it outside them (its i/ keys).
func (s *Store) NamedIn(ctx context.Context, id graph.ActorID) (int, error) {
	var n int
	err := s.view(ctx, func(txn *badger.Txn) error {
		c, err := getActorCounts(txn, id)
		if err != nil {
			return err
		}
		n = c.Articles
		return eachKey(ctx, txn, namedPrefixFor(id), func([]byte) error {
			n++
			return nil
		})
	})
	if err != nil {
		return 0, fmt.Errorf("store: articles naming %s: %w", id, err)
	}
	return n, nil
}

// ArticleIDs returns, in order, the ids of the stored articles that start
// with prefix, at most limit of them (all if limit < 0).
func (s *Store) ArticleIDs(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.idsWithPrefix(ctx, articlePrefix, prefix, limit)
}

// ForgottenIDs is ArticleIDs for the articles Forget removed (and that
// were not ingested again since).
func (s *Store) ForgottenIDs(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.idsWithPrefix(ctx, forgottenPrefix, prefix, limit)
}

// idsWithPrefix lists the ids of the keys under keyPrefix that start with
// prefix, at most limit of them (all if limit < 0).
func (s *Store) idsWithPrefix(ctx context.Context, keyPrefix, prefix string, limit int) ([]string, error) {
	var out []string
	err := s.view(ctx, func(txn *badger.Txn) error {
		return eachKey(ctx, txn, join(keyPrefix, prefix), func(k []byte) error {
			if limit >= 0 && len(out) >= limit {
				return errStopWalk
			}
			out = append(out, string(k[len(keyPrefix):]))
			return nil
		})
	})
	if err != nil && !errors.Is(err, errStopWalk) {
		return nil, fmt.Errorf("store: articles with id %q...: %w", prefix, err)
	}
	return out, nil
}

// errStopWalk ends a walk that has seen enough.
var errStopWalk = errors.New("enough")
