package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"geokg/graph"
	"geokg/store"
)

// The query benchmarks run on a store shaped like the one cmd/corpusgen's
// 100 MB corpus makes (docs/benchmarks.md), scaled down so that it is
// built in seconds: 190 actors, a few of them in most articles (A000,
// "Russia", is the busiest), 26 mentions an article, dated over two
// years, so that an edge has dozens to hundreds of mentions.
// GEOKG_SHAPE_ARTICLES sets another number of articles, to see whether a
// query's time grows with the store (docs/benchmarks.md).
const (
	shapeActors   = 190
	shapeMentions = 26
)

// shapeArticles is how many articles the benchmark store holds.
func shapeArticles(b *testing.B) int {
	n := 3000
	if v := os.Getenv("GEOKG_SHAPE_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("GEOKG_SHAPE_ARTICLES=%q: want a number of articles", v)
		}
	}
	return n
}

// shapeStore builds the benchmark store once per benchmark, and opens it
// again as the command line finds it after an ingest (whose close merges
// the tables it left in level 0).
func shapeStore(b *testing.B) *store.Store {
	b.Helper()
	dir := shapeDir(b)
	s, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// shapeDir builds the benchmark store and closes it; it returns its folder.
func shapeDir(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	s, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	actors := make([]graph.Actor, shapeActors)
	for i := range actors {
		actors[i] = graph.Actor{ID: shapeID(i), Name: fmt.Sprintf("Country %d", i), Aliases: []string{fmt.Sprintf("Capital %d", i)}, Type: graph.Country}
	}
	r := rand.New(rand.NewPCG(7, 8))
	batch := s.NewBatch()
	ctx := context.Background()
	for n := range shapeArticles(b) {
		art, ms := shapeArticle(r, n)
		var given []graph.Actor
		if n == 0 {
			given = actors
		}
		if err := batch.Put(ctx, art, given, ms, nil); err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return dir
}

func shapeID(i int) graph.ActorID { return graph.ActorID(fmt.Sprintf("A%03d", i)) }

// shapeActor picks an actor, the low numbers far more often.
func shapeActor(r *rand.Rand) graph.ActorID {
	return shapeID(int(float64(shapeActors) * r.Float64() * r.Float64()))
}

func shapeArticle(r *rand.Rand, n int) (graph.Article, []graph.Mention) {
	art := graph.Article{ID: fmt.Sprintf("shape%06d", n), Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n%730)}
	var ms []graph.Mention
	for len(ms) < shapeMentions {
		src, dst := shapeActor(r), shapeActor(r)
		if src == dst {
			continue
		}
		m := graph.Mention{Source: src, Relation: graph.Relations[r.IntN(len(graph.Relations))], Target: dst,
			Status: graph.Statuses[r.IntN(len(graph.Statuses))], Sentence: fmt.Sprintf("Sentence %d of article %d, in which one country does something to another.", len(ms), n)}
		ms = append(ms, m)
	}
	return art, ms
}

// BenchmarkQueries times the store calls behind geokg actor, actors,
// timeline, path, stats, forget and a JSON export with every sentence
// (its walk over the store: the JSON writer is BenchmarkJSON, in export).
func BenchmarkQueries(b *testing.B) {
	s := shapeStore(b)
	ctx := context.Background()
	run := func(name string, fn func() error) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("actor", func() error {
		a, err := s.Resolve(ctx, "Capital 0")
		if err == nil {
			_, err = s.View(ctx, a.ID, store.Filter{Evidence: 1})
		}
		return err
	})
	run("actors", func() error {
		return s.Actors(ctx, func(graph.Actor, int) error { return nil })
	})
	run("timeline", func() error {
		_, err := s.Timeline(ctx, "A000", "", store.Filter{})
		return err
	})
	run("path-1-step", func() error {
		_, err := s.Paths(ctx, "A000", "A001", 6, 10, store.Filter{Evidence: 1})
		return err
	})
	run("path-far", func() error {
		_, err := s.Paths(ctx, "A188", "A189", 6, 10, store.Filter{Evidence: 1})
		return err
	})
	run("stats", func() error {
		_, err := s.Stats(ctx, 10)
		return err
	})
	run("export-all-evidence", func() error {
		return s.StreamGraph(ctx, store.Filter{Evidence: -1}, func(graph.Actor) error { return nil }, func(graph.Edge) error { return nil })
	})
	r := rand.New(rand.NewPCG(9, 9))
	n := 0
	articles := shapeArticles(b)
	putForget := func() error {
		// put a new article, then forget it: a store of the same shape
		// for the next round
		art, ms := shapeArticle(r, articles+n)
		n++
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			return err
		}
		_, err := s.Forget(ctx, art.ID)
		return err
	}
	run("put+forget", putForget)
	// the actor's view with the copies of first mentions that the close
	// of a large session writes, and after small writes, which keep them
	if err := s.WriteLeadCopies(); err != nil {
		b.Fatal(err)
	}
	view := func() error {
		_, err := s.View(ctx, "A000", store.Filter{Evidence: 1})
		return err
	}
	run("actor-copies", view)
	// the same view holding its first mentions, each decoded once, as
	// "geokg actor" writes it
	run("actor-copies-held", func() error {
		v, err := s.View(ctx, "A000", store.Filter{Evidence: 1, HoldLeads: true})
		if err != nil {
			return err
		}
		var buf [1]graph.Mention
		for i := range v.Links {
			if _, err := v.EvidenceOf(i, &buf); err != nil {
				return err
			}
		}
		return nil
	})
	if err := putForget(); err != nil {
		b.Fatal(err)
	}
	if !s.LeadCopiesCurrent() {
		b.Fatal("a put and a forget retired the copies of first mentions")
	}
	run("actor-copies-after-small-writes", view)
}

// BenchmarkSmallSessions times the writable sessions of a one-article
// ingest and of a one-article forget as the commands open the store
// (store.Options.SmallWrites): each op opens the benchmark store, puts a
// new article and closes it, then opens it again, forgets that article
// and closes it. A session's close writes its memtable as a level-0
// table, and every 40th merges them (Close), as small sessions do. The
// process's start and the extractor are not in it.
func BenchmarkSmallSessions(b *testing.B) {
	dir := shapeDir(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(9, 9))
	n := shapeArticles(b)
	session := func(fn func(s *store.Store) error) {
		s, err := store.Open(dir, store.Options{SmallWrites: true})
		if err != nil {
			b.Fatal(err)
		}
		err = fn(s)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		art, ms := shapeArticle(r, n)
		n++
		art.Actors = articleActors(ms) // as an ingest lists them: forget finds the mentions from them
		session(func(s *store.Store) error { _, err := s.PutArticle(ctx, art, nil, ms); return err })
		session(func(s *store.Store) error { _, err := s.Forget(ctx, art.ID); return err })
	}
}

// articleActors lists the ends of ms, each once, in order.
func articleActors(ms []graph.Mention) []graph.ActorID {
	var out []graph.ActorID
	for _, m := range ms {
		for _, a := range []graph.ActorID{m.Source, m.Target} {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}
