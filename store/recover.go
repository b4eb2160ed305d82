package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Recovered says what Recover copied and what it could not.
type Recovered struct {
	Articles int      // articles copied, with the mentions that could be read
	Mentions int      // mentions copied
	Lost     []string // what could not be read, one line each (at most maxLost)
	lost     int      // how many things were lost in all
}

// LostCount is how many articles, mentions, actors and tables could not be
// read (Lost lists the first of them).
func (r *Recovered) LostCount() int { return r.lost }

func (r *Recovered) lose(format string, args ...any) {
	r.lost++
	if len(r.Lost) < maxLost {
		r.Lost = append(r.Lost, fmt.Sprintf(format, args...))
	}
}

const maxLost = 100

// recoverChunk is how many articles Recover gathers the mentions of in
// one walk over the mentions, which bounds its memory.
const recoverChunk = 20000

// Recover copies what can be read of the store in from into a new store in
// to (which must not exist, or be an empty folder), and never writes to
// from. It reads from as openSalvage does (tables that fail their
// checksums left out, nothing cut from the logs), and writes each article
// whose record can be read with its mentions that can be read, through
// the same code as an ingest: the new store's indexes are whole, in the
// current format. A mention is left out when its key or value does not
// decode; an actor whose record cannot be read becomes a placeholder.
// What is left out is listed in the result.
func Recover(ctx context.Context, from, to string, opts Options) (*Recovered, error) {
	return recoverStore(ctx, from, to, opts, badgerOptions)
}

func recoverStore(ctx context.Context, from, to string, opts Options, bopts func(string) badger.Options) (res *Recovered, err error) {
	if entries, err := os.ReadDir(to); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("store: recover into %s: it is not empty; name a new folder", to)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("store: recover into %s: %w", to, err)
	}
	if _, err := os.Stat(from); err != nil {
		return nil, fmt.Errorf("store: recover %s: %w", from, err)
	}
	src, left, err := openSalvage(from, opts, bopts)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := src.Close(); err == nil {
			err = cerr
		}
	}()
	wo := opts
	wo.ReadOnly = false
	dst, err := open(to, wo, bopts)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
	}()
	res = &Recovered{}
	for _, l := range left {
		res.lose("%s", l)
	}
	ids, err := src.articleIDs(ctx, res)
	if err != nil {
		return res, err
	}
	for chunk := range slices.Chunk(ids, recoverChunk) {
		if err := copyArticles(ctx, src, dst, chunk, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// articleIDs lists the ids of the article keys (d/), in order.
func (s *Store) articleIDs(ctx context.Context, res *Recovered) ([]string, error) {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		err := catch(func() error {
			return eachKey(ctx, txn, []byte(articlePrefix), func(k []byte) error {
				ids = append(ids, string(k[len(articlePrefix):]))
				return nil
			})
		})
		if errors.As(err, new(panicError)) {
			res.lose("the list of articles stops after %d: %v", len(ids), err)
			return nil
		}
		return err
	})
	return ids, err
}

// gathered is one article being recovered.
type gathered struct {
	art      graph.Article
	mentions []graph.Mention
}

// copyArticles reads the given articles and their mentions from src and
// writes them into dst.
func copyArticles(ctx context.Context, src, dst *Store, ids []string, res *Recovered) error {
	arts := map[string]*gathered{}
	actors := map[graph.ActorID]*graph.Actor{} // nil: cannot be read
	err := src.db.View(func(txn *badger.Txn) error {
		for _, id := range ids {
			art, err := readRecord(txn, articleKey(id), decodeArticle)
			if err != nil {
				res.lose("article %s: %v", id, err)
				continue
			}
			arts[id] = &gathered{art: art}
		}
		return gatherMentions(ctx, txn, arts, res)
	})
	if err != nil {
		return err
	}
	b := dst.NewBatch()
	for _, id := range ids {
		g := arts[id]
		if g == nil {
			continue
		}
		as := src.actorsOf(g, actors, res)
		err := b.Put(ctx, g.art, as, g.mentions, nil)
		if errors.Is(err, ErrTooBig) {
			_, err = dst.PutArticle(ctx, g.art, as, g.mentions)
		}
		if errors.Is(err, graph.ErrInvalid) {
			res.lose("article %s: %v", g.art.ID, firstLine(err.Error()))
			continue
		}
		if err != nil {
			b.Cancel()
			return err
		}
		res.Articles++
		res.Mentions += len(g.mentions)
	}
	return b.Flush()
}

// readRecord reads and decodes the value of key, a panic or a value that
// does not decode being an error.
func readRecord[T any](txn *badger.Txn, key []byte, decode func([]byte) (T, error)) (T, error) {
	var v T
	err := catch(func() error {
		item, err := txn.Get(key)
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			v, err = decode(b)
			return err
		})
	})
	return v, err
}

// gatherMentions walks the mention keys and adds those of arts' articles
// that decode to them.
func gatherMentions(ctx context.Context, txn *badger.Txn, arts map[string]*gathered, res *Recovered) error {
	var last []byte
	err := catch(func() error {
		return eachItem(ctx, txn, []byte(mentionPrefix), func(item *badger.Item) error {
			last = item.KeyCopy(last[:0])
			k, ref, err := parseMentionKey(item.Key())
			if err != nil {
				res.lose("mention key %q: %v", item.Key(), err)
				return nil
			}
			g := arts[ref.article]
			if g == nil {
				return nil
			}
			var m graph.Mention
			err = catch(func() error {
				return item.Value(func(v []byte) (err error) {
					m, err = decodeMention(k, item.Key(), v)
					return err
				})
			})
			if err != nil {
				res.lose("a mention of %s %s %s in article %s: %v", k.Source, k.Relation, k.Target, ref.article, firstLine(err.Error()))
				return nil
			}
			g.mentions = append(g.mentions, m)
			return nil
		})
	})
	if errors.As(err, new(panicError)) {
		res.lose("the walk over mentions stopped after key %q: %v", last, firstLine(err.Error()))
		return nil
	}
	return err
}

// actorsOf returns the records of the actors g's article and mentions
// name that can be read from s (cached in known). An actor whose record
// cannot be read is written as a placeholder (its id for a name), as an
// ingest does for an actor it has no record of: its relations are kept.
func (s *Store) actorsOf(g *gathered, known map[graph.ActorID]*graph.Actor, res *Recovered) []graph.Actor {
	var actors []graph.Actor
	have := map[graph.ActorID]bool{}
	var add func(id graph.ActorID)
	add = func(id graph.ActorID) {
		if id == "" || have[id] {
			return
		}
		have[id] = true
		a, ok := known[id]
		if !ok {
			a = s.readActor(id, res)
			known[id] = a
		}
		if a != nil {
			actors = append(actors, *a)
			add(a.Affiliation)
		}
	}
	for _, m := range g.mentions {
		for _, id := range []graph.ActorID{m.Source, m.Target, m.ClaimedBy, m.DisputedBy} {
			add(id)
		}
	}
	for _, id := range g.art.Actors {
		add(id)
	}
	return actors
}

// readActor reads actor id's record, nil if it cannot be read.
func (s *Store) readActor(id graph.ActorID, res *Recovered) *graph.Actor {
	var a *graph.Actor
	err := s.db.View(func(txn *badger.Txn) error {
		rec, err := readRecord(txn, actorKey(id), decodeActor)
		if err == nil {
			a = &rec
		}
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil // an actor the article names but never stored (no relation)
	}
	if err != nil {
		res.lose("actor %s: %s; a placeholder named %s stands for it", id, firstLine(err.Error()), id)
	}
	return a
}
