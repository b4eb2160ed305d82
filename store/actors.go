package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Actor returns the actor with the given id. The error wraps
// graph.ErrNotFound when there is none.
func (s *Store) Actor(ctx context.Context, id graph.ActorID) (graph.Actor, error) {
	if err := id.Validate(); err != nil {
		return graph.Actor{}, fmt.Errorf("store: actor: %w", err)
	}
	var a graph.Actor
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		a, err = getActor(txn, id)
		return err
	})
	if err != nil {
		return graph.Actor{}, fmt.Errorf("store: actor %s: %w", id, err)
	}
	return a, nil
}

// getActor reads a/<id>; the error wraps graph.ErrNotFound when it is absent.
func getActor(txn getter, id graph.ActorID) (graph.Actor, error) {
	item, err := txn.Get(actorKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return graph.Actor{}, graph.ErrNotFound
	}
	if err != nil {
		return graph.Actor{}, err
	}
	var a graph.Actor
	err = item.Value(func(v []byte) error {
		a, err = decodeActor(v)
		return err
	})
	return a, err
}

// Actors calls fn for every actor in id order with its degree: the number
// of distinct edges it is an end of (its stored counts, aggregate.go). fn runs inside a read transaction; an
// error from it stops the walk and is returned as is.
func (s *Store) Actors(ctx context.Context, fn func(a graph.Actor, degree int) error) error {
	err := s.view(ctx, func(txn *badger.Txn) error {
		// the counts (c/) in one walk, as Stats reads them, not a lookup
		// per actor through every table; decoded only for an actor listed
		counted := map[graph.ActorID][]byte{}
		err := eachValue(ctx, txn, []byte(actorCountPrefix), func(k, v []byte) error {
			counted[graph.ActorID(k[len(actorCountPrefix):])] = slices.Clone(v)
			return nil
		})
		if err != nil {
			return err
		}
		return eachValue(ctx, txn, []byte(actorPrefix), func(_, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return err
			}
			var c actorCounts
			if v, ok := counted[a.ID]; ok {
				if c, err = decodeActorCounts(v); err != nil {
					return err
				}
			}
			return callback(fn(a, c.Edges))
		})
	})
	return unwrapCallback(err, "store: actors")
}

// Resolve finds the actor whose id, name or alias matches name once both
// are normalised: case-insensitive, ignoring a leading "the", curly
// apostrophes and a trailing possessive "'s". An exact id wins, then a
// match on an actor's name, then on an alias; ties go to the smallest id.
// The error wraps graph.ErrNotFound when nothing matches.
func (s *Store) Resolve(ctx context.Context, name string) (graph.Actor, error) {
	var found graph.Actor
	err := s.view(ctx, func(txn *badger.Txn) error {
		if id := graph.ActorID(strings.TrimSpace(name)); id.Validate() == nil {
			a, err := getActor(txn, id)
			if err == nil {
				found = a
				return nil
			}
			if !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		norm := normalize(name)
		if norm == "" {
			return graph.ErrNotFound
		}
		var ids []graph.ActorID
		err := eachKey(ctx, txn, namePrefixFor(norm), func(k []byte) error {
			_, id, err := parseNameKey(k)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return err
		}
		found, err = bestMatch(txn, norm, ids)
		return err
	})
	if err != nil {
		return graph.Actor{}, fmt.Errorf("store: resolve %q: %w", name, err)
	}
	return found, nil
}

// bestMatch picks among the actors ids (in id order) the first whose name
// normalises to norm, else the first.
func bestMatch(txn *badger.Txn, norm string, ids []graph.ActorID) (graph.Actor, error) {
	if len(ids) == 0 {
		return graph.Actor{}, graph.ErrNotFound
	}
	var first graph.Actor
	for i, id := range ids {
		a, err := getActor(txn, id)
		if err != nil {
			return graph.Actor{}, fmt.Errorf("name index points to %s: %w", id, err)
		}
		if normalize(a.Name) == norm {
			return a, nil
		}
		if i == 0 {
			first = a
		}
	}
	return first, nil
}

// Suggest returns up to n known names (actor names, aliases and ids) close
// to name, best first: names within a small edit distance (nearest first),
// then names that start with it, then names that contain it. Ties are broken
// alphabetically.
func (s *Store) Suggest(ctx context.Context, name string, n int) ([]string, error) {
	q := normalize(name)
	if q == "" || n <= 0 {
		return nil, nil
	}
	type cand struct {
		display    string
		tier, dist int
	}
	maxDist := max(1, len([]rune(q))/3)
	best := map[string]cand{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(namePrefix), func(k, v []byte) error {
			norm, _, err := parseNameKey(k)
			if err != nil {
				return err
			}
			c := cand{display: string(v), tier: 3, dist: levenshtein(q, norm)}
			switch {
			case c.dist <= maxDist:
				c.tier = 0
			case strings.HasPrefix(norm, q):
				c.tier = 1
			case strings.Contains(norm, q):
				c.tier = 2
			default:
				return nil
			}
			if old, ok := best[c.display]; !ok || cmp.Or(cmp.Compare(c.tier, old.tier), cmp.Compare(c.dist, old.dist)) < 0 {
				best[c.display] = c
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: suggest %q: %w", name, err)
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(a.dist, b.dist), cmp.Compare(a.display, b.display))
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.display)
	}
	return out, nil
}
