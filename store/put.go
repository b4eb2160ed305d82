package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// PutArticle stores one article with its actors and mentions in a single
// transaction: all of it or nothing. If an article with art.ID is already
// stored it changes nothing and returns added=false.
//
// Actors are upserted: aliases are merged, an empty affiliation is filled,
// and a known actor's name and type are never replaced, except that a
// placeholder (name = id, made for an id a mention named before its actor
// was given) takes the first real name and type it is given. Mention ends
// and claimants with no actor record get such a placeholder.
//
// Each mention's edge (graph.Mention.Key, so allies-with is stored once)
// is made if it is new; its counts and dates are those of its mentions
// (counts.go). Mentions with an empty Article or zero Date take art's. The error wraps
// graph.ErrInvalid for invalid input and ErrTooBig when an edge has more
// mentions than a key can number. An article that does not fit in one
// transaction is written in several and still appears all at once or
// never (parts.go). Concurrent calls are serialised.
func (s *Store) PutArticle(ctx context.Context, art graph.Article, actors []graph.Actor, mentions []graph.Mention) (added bool, err error) {
	p, err := prepare(art, actors, mentions)
	if err != nil {
		return false, fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	if err := s.checkWrite(s.db.MaxBatchSize()); err != nil {
		return false, err
	}
	// One writer at a time: concurrent transactions that update the same
	// edge would fail with badger.ErrConflict, and most articles share
	// edges with others. Only this process can write (the directory lock).
	s.writeMu.Lock()
	added, err = s.putArticle(p)
	if errors.Is(err, badger.ErrTxnTooBig) {
		added, err = s.putInParts(ctx, p)
	}
	s.writes++
	s.writeMu.Unlock()
	if err != nil {
		return false, fmt.Errorf("store: put article %s: %w", art.ID, err)
	}
	return added, nil
}

// edgeGroup is one article's mentions of one edge, in CompareMentions order,
// with their keys and encoded values.
type edgeGroup struct {
	key      graph.EdgeKey
	id       edgeID // for writeCache
	mentions []graph.Mention
	keys     [][]byte
	values   [][]byte
	counts   aggregate // what the mentions add to the edge's aggregate
}

// leadValue is the value of g's first mention when its key is g's lead
// (as contribution numbers them, it is), else nil.
func (g edgeGroup) leadValue() []byte {
	if len(g.keys) == 0 || !bytes.HasSuffix(g.keys[0], []byte(g.counts.lead)) {
		return nil
	}
	return g.values[0]
}

// prepare validates the input and groups the mentions by edge, in key order,
// encoding their keys and values into two buffers shared by the article;
// it also encodes the article and lists the actors it refers to, so that
// a writer only writes.
func prepare(art graph.Article, actors []graph.Actor, mentions []graph.Mention) (*Prepared, error) {
	if err := validArticleID(art.ID); err != nil {
		return nil, err
	}
	for _, a := range actors {
		if err := a.Validate(); err != nil {
			return nil, err
		}
	}
	ms, size, err := normalMentions(art, mentions)
	if err != nil {
		return nil, err
	}
	groups, err := groupByEdge(art.ID, ms, size)
	if err != nil {
		return nil, err
	}
	art.Actors = namedActors(art, ms)
	for _, id := range art.Actors {
		if err := id.Validate(); err != nil {
			return nil, fmt.Errorf("actor named: %w", err)
		}
	}
	value, err := encodeArticle(art)
	if err != nil {
		return nil, err
	}
	edgeKeys := make([]graph.EdgeKey, len(groups))
	for i := range groups {
		edgeKeys[i] = groups[i].key
	}
	return &Prepared{art: art, hash: articleHash(art.ID), value: value, actors: actors, groups: groups, refs: referenced(actors, groups), mentions: len(mentions),
		unlisted: unlisted(art, groups), named: unrelatedNamed(art.Actors, edgeKeys)}, nil
}

// normalMentions are the article's mentions checked, each dated and
// attributed to the article when it was not, with the bytes their values
// will take about.
func normalMentions(art graph.Article, mentions []graph.Mention) ([]graph.Mention, int, error) {
	ms := make([]graph.Mention, len(mentions))
	size := 0
	for i, m := range mentions {
		if m.Article == "" {
			m.Article = art.ID
		}
		if m.Date.IsZero() {
			m.Date = art.Date
		}
		if m.Article != art.ID {
			return nil, 0, fmt.Errorf("mention of article %q: %w", m.Article, graph.ErrInvalid)
		}
		if err := m.Validate(); err != nil {
			return nil, 0, err
		}
		for _, id := range []graph.ActorID{m.ClaimedBy, m.DisputedBy} {
			if id != "" {
				if err := id.Validate(); err != nil {
					return nil, 0, fmt.Errorf("mention claimant: %w", err)
				}
			}
		}
		ms[i] = m
		size += 48 + len(m.Sentence) + len(m.Trigger)
	}
	return ms, size, nil
}

// groupByEdge sorts the mentions by edge and groups them, encoding their
// keys and values into two buffers shared by the article.
func groupByEdge(article string, ms []graph.Mention, size int) ([]edgeGroup, error) {
	order := sortByEdge(ms)
	keyBuf := make([]byte, 0, len(ms)*64)
	valBuf := make([]byte, 0, size)
	keyEnd, valEnd := make([]int, len(ms)), make([]int, len(ms))
	edges := 0
	for i := range order {
		if i == 0 || order[i].k != order[i-1].k {
			edges++
		}
	}
	groups := make([]edgeGroup, 0, edges)
	for i := 0; i < len(ms); {
		k := order[i].k
		j := i
		for j < len(ms) && order[j].k == k {
			if j-i > maxMentionNumber {
				return nil, fmt.Errorf("article %s: more than %d mentions of %s %s %s: %w", article, maxMentionNumber+1, k.Source, k.Relation, k.Target, ErrTooBig)
			}
			keyBuf = appendMentionKey(keyBuf, k, ms[j].Date, ms[j].Article, j-i)
			valBuf = appendMention(valBuf, ms[j])
			keyEnd[j], valEnd[j] = len(keyBuf), len(valBuf)
			j++
		}
		groups = append(groups, edgeGroup{key: k, id: idOf(k), mentions: ms[i:j:j], counts: contribution(ms[i:j])})
		i = j
	}
	// the buffers are complete (no more growth): cut them into keys and values
	keys, values := make([][]byte, len(ms)), make([][]byte, len(ms))
	for i := range ms {
		ks, vs := 0, 0
		if i > 0 {
			ks, vs = keyEnd[i-1], valEnd[i-1]
		}
		keys[i], values[i] = keyBuf[ks:keyEnd[i]:keyEnd[i]], valBuf[vs:valEnd[i]:valEnd[i]]
	}
	at := 0
	for g := range groups {
		n := len(groups[g].mentions)
		groups[g].keys, groups[g].values = keys[at:at+n:at+n], values[at:at+n:at+n]
		at += n
	}
	return groups, nil
}

// keyed is a mention's edge and where it was before sortByEdge.
type keyed struct {
	k    graph.EdgeKey
	from int
}

// sortByEdge puts ms in edge order, then CompareMentions order within an
// edge, and returns each one's edge (made once each). The mentions are
// moved in place (a sorted copy of a 4 KB article's mentions was a tenth
// of what an ingest allocated).
func sortByEdge(ms []graph.Mention) []keyed {
	order := make([]keyed, len(ms))
	for i := range ms {
		order[i] = keyed{ms[i].Key(), i}
	}
	slices.SortFunc(order, func(a, b keyed) int {
		if c := graph.CompareEdgeKeys(a.k, b.k); c != 0 {
			return c
		}
		return graph.CompareMentions(ms[a.from], ms[b.from])
	})
	// ms[i] becomes what was at ms[order[i].from], a cycle at a time
	placed := make([]bool, len(ms))
	for i := range ms {
		if placed[i] {
			continue
		}
		first := ms[i]
		j := i
		for {
			placed[j] = true
			k := order[j].from
			if k == i {
				ms[j] = first
				break
			}
			ms[j] = ms[k]
			j = k
		}
	}
	return order
}

// unlisted reports whether an article's record does not find all of its
// mentions (articleMentionKeys): it lists no actors, or one of its
// mentions links an actor it does not list or has another date.
func unlisted(art graph.Article, groups []edgeGroup) bool {
	if len(art.Actors) == 0 {
		return len(groups) > 0
	}
	for _, g := range groups {
		if !slices.Contains(art.Actors, g.key.Source) || !slices.Contains(art.Actors, g.key.Target) {
			return true
		}
		for _, m := range g.mentions {
			if !m.Date.Equal(art.Date) {
				return true
			}
		}
	}
	return false
}

func (s *Store) putArticle(p *Prepared) (bool, error) {
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	var pending pendingCounts
	o, err := writeArticle(meteredTxn{Txn: txn}, p, nil, &pending)
	if err != nil || o == Unchanged {
		return false, err
	}
	pending.copies = keepLeadCopies(s.db, txn)
	pending.inCopies = keepInCopies(s.db, txn)
	pending.inRoom = inCopyRoom(s.db)
	if err := pending.flush(txn, nil); err != nil {
		return false, err
	}
	return o == Added, txn.Commit()
}

// writeCache is what a writer knows of the store as its transaction sees
// it, so that it need not read it again (see writeArticle).
type writeCache struct {
	// actors holds actors already upserted (the value given, by id):
	// upserting the same value again, or a placeholder for a known id,
	// changes nothing.
	actors map[graph.ActorID]graph.Actor
	// edges holds the edges known to exist, by edgeID. Neither its keys
	// nor its values hold pointers, so the garbage collector does not scan
	// it: keyed by graph.EdgeKey (three strings), the 150,000 edges of a
	// 200 MB ingest made each of its hundreds of collections walk 34 MB.
	edges map[edgeID]struct{}
	// allEdges is true when edges holds every edge of the store (the cache
	// was made on a store without edges and never emptied since): an edge
	// it lacks is new, and is not looked up.
	allEdges bool
	// articles and allArticles are the same for the articles written, by
	// articleHash: an ingest into a new store then never looks an article
	// up to know whether it is new.
	articles    map[edgeID]struct{}
	allArticles bool
	// forgotten is true when the store holds forgotten-article marks
	// (forgottenKey): only then does a new article look for its own.
	forgotten bool
	// counts holds the aggregates of the edges written (aggregate.go).
	counts countCache
	// counted holds the per-actor counts (c/ values) written or read;
	// allCounted is true when the store had none when the cache was made
	// (and counted was never emptied since), so that an actor it lacks
	// has no counts yet.
	counted    map[graph.ActorID]actorCounts
	allCounted bool
	// records holds the actor records as stored (merged) by this writer or
	// read; allActors is true when the store had none when the cache was
	// made (and records was never emptied since).
	records   map[graph.ActorID]graph.Actor
	allActors bool
	// totals is the store's totals (totals.go) once read or written.
	totals *totals
	// months holds the actors' months (months.go) written or read;
	// allMonths is true when the store had none when the cache was made,
	// so that a month it lacks has no articles yet.
	months    map[rootMonth]monthTally
	allMonths bool
}

// storedActor returns actor id as txn sees it, from the cache when it
// knows it. c may be nil.
func (c *writeCache) storedActor(txn getter, id graph.ActorID) (graph.Actor, bool, error) {
	if c != nil {
		if a, ok := c.records[id]; ok || c.allActors {
			return a, ok, nil
		}
	}
	a, err := getActor(txn, id)
	if errors.Is(err, graph.ErrNotFound) {
		return a, false, nil
	}
	return a, err == nil, err
}

// keepActor remembers a as the stored record of its id. c may be nil.
func (c *writeCache) keepActor(a graph.Actor) {
	if c != nil {
		c.records[a.ID] = a
	}
}

// newWriteCache returns an empty cache for a writer whose transaction is txn.
func newWriteCache(txn *badger.Txn) *writeCache {
	noEdges := !hasKeys(txn, []byte(edgePrefix))
	return &writeCache{
		actors:      map[graph.ActorID]graph.Actor{},
		edges:       map[edgeID]struct{}{},
		allEdges:    noEdges,
		counts:      countCache{all: noEdges},
		articles:    map[edgeID]struct{}{},
		allArticles: !hasKeys(txn, []byte(articlePrefix)),
		forgotten:   hasKeys(txn, []byte(forgottenPrefix)),
		counted:     map[graph.ActorID]actorCounts{},
		allCounted:  !hasKeys(txn, []byte(actorCountPrefix)),
		records:     map[graph.ActorID]graph.Actor{},
		allActors:   !hasKeys(txn, []byte(actorPrefix)),
		months:      map[rootMonth]monthTally{},
		allMonths:   !hasKeys(txn, []byte(monthsPrefix)),
	}
}

// articleHash names an article in a writeCache, as idOf names an edge.
func articleHash(id string) edgeID {
	var h maphash.Hash
	var sum edgeID
	for i, seed := range edgeSeeds {
		h.SetSeed(seed)
		h.WriteString(id)
		sum[i] = h.Sum64()
	}
	return sum
}

// edgeID names an edge in a writeCache by two independently seeded 64-bit
// hashes of its key: two of a million edges share an id with a chance
// below 1e-26.
type edgeID [2]uint64

// edgeSeeds are idOf's, chosen once per process.
var edgeSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func idOf(k graph.EdgeKey) edgeID {
	var id edgeID
	var h maphash.Hash
	for i, seed := range edgeSeeds {
		h.SetSeed(seed)
		h.WriteString(string(k.Source))
		h.WriteByte(0)
		h.WriteString(string(k.Relation))
		h.WriteByte(0)
		h.WriteString(string(k.Target))
		id[i] = h.Sum64()
	}
	return id
}

// Outcome is what putting an article did.
type Outcome uint8

// The outcomes of putting an article.
const (
	Unchanged Outcome = iota // it was stored already, and nothing it says is better
	Added                    // it is new
	Updated                  // it was stored already; its metadata was corrected (graph.MergeArticles)
)

// writeArticle writes one prepared article into txn without committing it.
// An article txn already sees (by its id, or by the id an older geokg gave
// the same text) is not written again: what it says better is merged into
// the stored record (graph.MergeArticles), its mentions moved to a
// corrected date, and the outcome is Updated or Unchanged. On error, txn
// may hold part of the article and must be discarded. cache, if not nil,
// is used instead of reads and kept up to date. What a new article adds
// to its edges' aggregates goes to pending, which the caller flushes into
// txn before committing it; a corrected date rewrites the aggregates of
// the article's edges at once, so pending must hold none of them (see
// Batch.PutOutcome).
func writeArticle(txn meteredTxn, p *Prepared, cache *writeCache, pending *pendingCounts) (Outcome, error) {
	art := p.art
	stored, found, err := storedArticle(txn, p, cache)
	switch {
	case err != nil:
		return Unchanged, err
	case found:
		return updateArticle(txn, stored, art, cache, pending)
	}
	if cache != nil && cache.allArticles {
		cache.articles[p.hash] = struct{}{}
	}
	if err := errors.Join(txn.Set(articleKey(art.ID), p.value), txn.Set(datedKey(art.Date, art.ID), nil)); err != nil {
		return Unchanged, err
	}
	if cache == nil || cache.forgotten {
		if err := unforget(txn, art.ID); err != nil {
			return Unchanged, err
		}
	}
	if err := writeNamed(txn, p); err != nil {
		return Unchanged, err
	}
	if err := markUnlisted(txn, p); err != nil {
		return Unchanged, err
	}
	return Added, writeBody(txn, p, cache, pending)
}

// markUnlisted writes p's unlistedKey if it needs one.
func markUnlisted(txn writer, p *Prepared) error {
	if !p.unlisted {
		return nil
	}
	return txn.Set(unlistedKey(p.art.ID), nil)
}

// writeNamed writes the i/ keys of the actors p's article names outside
// its relations.
func writeNamed(txn writer, p *Prepared) error {
	for _, id := range p.named {
		if err := txn.Set(namedKey(id, p.art.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

// writeBody writes what an article adds besides its own record: its
// actors (upserted), placeholders for the ids it names without an actor,
// and its mentions with the edges they make new; what they add to their
// edges' aggregates goes to pending.
func writeBody(txn writer, p *Prepared, cache *writeCache, pending *pendingCounts) error {
	joined, err := writeActors(txn, p, cache, pending)
	if err != nil {
		return err
	}
	for _, id := range joined {
		// its months now show the edges of an actor that had some
		if pending.deferred {
			pending.rejoin(id) // recounted once the deferred counts are written
			continue
		}
		if err := pending.recountedMonths(context.Background(), txn, id); err != nil {
			return err
		}
	}
	groups := p.groups
	ends := map[graph.ActorID]bool{}
	for _, g := range groups {
		ends[g.key.Source], ends[g.key.Target] = true, true
	}
	for id := range ends {
		pending.addActor(id, 0, 1) // one more article shows its edges
	}
	pending.totals.Articles++ // and the store holds one more
	links, err := groupLinks(txn, cache, groups)
	if err != nil {
		return err
	}
	pending.addMonths(links, 1)
	for _, g := range groups {
		if err := addEdge(txn, g, cache, pending); err != nil {
			return err
		}
	}
	return nil
}

// writeActors upserts the article's actors and placeholders for the ids it
// names without an actor, and returns the actors its affiliations joined
// that already had edges (stored or pending): their months must be
// recounted.
func writeActors(txn writer, p *Prepared, cache *writeCache, pending *pendingCounts) ([]graph.ActorID, error) {
	actors := p.actors
	var upserted map[graph.ActorID]graph.Actor
	if cache != nil {
		upserted = cache.actors
	}
	given := map[graph.ActorID]bool{}
	var joined []graph.ActorID // actors that an actor already stored joined
	upsert := func(a graph.Actor) error {
		aff, err := upsertActor(txn, a, cache)
		if err == nil && aff != "" {
			var c actorCounts
			c, err = cache.actorCounts(txn, a.ID)
			if c.Edges+pending.actorEdges(a.ID) > 0 {
				joined = append(joined, aff)
			}
		}
		if upserted != nil {
			upserted[a.ID] = a
		}
		return err
	}
	for _, a := range actors {
		given[a.ID] = true
		if old, ok := upserted[a.ID]; ok && equalActors(old, a) {
			continue
		}
		if err := upsert(a); err != nil {
			return nil, err
		}
	}
	for _, id := range p.refs {
		if _, ok := upserted[id]; ok || given[id] {
			continue
		}
		if err := upsert(placeholder(id)); err != nil {
			return nil, err
		}
	}
	return joined, nil
}

// unforget removes the mark Forget left for article id, if any: the
// article is stored again.
func unforget(txn writer, id string) error {
	_, err := txn.Get(forgottenKey(id))
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		return nil
	case err != nil:
		return err
	}
	return txn.Delete(forgottenKey(id))
}

// storedArticle returns the stored article p is, if txn sees one: by its
// id, or else by the id an older geokg gave its text (Prepared.SetFormerID).
func storedArticle(txn meteredTxn, p *Prepared, cache *writeCache) (graph.Article, bool, error) {
	if cache != nil && cache.allArticles {
		// every article of the store is in the cache, under its own id
		if _, ok := cache.articles[p.hash]; !ok {
			return graph.Article{}, false, nil
		}
	}
	if err := txn.fresh(); err != nil {
		return graph.Article{}, false, err
	}
	ids := []string{p.art.ID}
	if p.formerID != "" && p.formerID != p.art.ID {
		ids = append(ids, p.formerID)
	}
	for _, id := range ids {
		a, err := getArticle(txn.Txn, id)
		switch {
		case err == nil:
			return a, true, nil
		case !errors.Is(err, graph.ErrNotFound):
			return a, false, err
		}
	}
	return graph.Article{}, false, nil
}

// movesDate reports whether putting p corrects the date of a stored
// article, which moves its mentions (updateArticle).
func movesDate(txn meteredTxn, p *Prepared, cache *writeCache) (bool, error) {
	stored, found, err := storedArticle(txn, p, cache)
	if err != nil || !found {
		return false, err
	}
	m, _ := graph.MergeArticles(stored, p.art)
	return !m.Date.Equal(stored.Date), nil
}

// updateArticle merges what upd says better into the stored article old
// and, when its date changes, moves its mentions to the new date (a
// mention key holds its date) with their edges' counts.
func updateArticle(txn meteredTxn, old, upd graph.Article, cache *writeCache, pending *pendingCounts) (Outcome, error) {
	m, changed := graph.MergeArticles(old, upd)
	if !changed {
		return Unchanged, nil
	}
	if !m.Date.Equal(old.Date) {
		if err := moveMentions(txn, old, m.Date, cache, pending); err != nil {
			return Unchanged, err
		}
		if err := errors.Join(txn.Delete(datedKey(old.Date, old.ID)), txn.Set(datedKey(m.Date, old.ID), nil)); err != nil {
			return Unchanged, err
		}
	}
	if err := setJSON(txn, articleKey(old.ID), m, encodeArticle); err != nil {
		return Unchanged, err
	}
	return Updated, nil
}

// moveMentions rewrites the mention keys of article a, dated a.Date, with
// date instead (the same values, flags and numbers), and the aggregates
// of their edges: the article's contribution moves from the old date to
// the new, and the first and last seen dates are read from the keys.
func moveMentions(txn meteredTxn, a graph.Article, date time.Time, cache *writeCache, pending *pendingCounts) error {
	keys, err := articleMentionKeys(context.Background(), txn.Txn, a)
	if err != nil {
		return err
	}
	moved, order, err := rekeyMentions(txn, keys, date)
	if err != nil {
		return err
	}
	if err := moveMonths(txn, cache, pending, moved); err != nil {
		return err
	}
	for _, k := range order {
		id := idOf(k)
		agg, err := cache.storedCounts(txn, k, id)
		if err != nil {
			return err
		}
		agg.sub(contribution(moved[k][0]))
		agg.add(contribution(moved[k][1]))
		if err := seenDates(txn.Txn, k, &agg); err != nil {
			return err
		}
		seenLead(txn.Txn, k, &agg)
		v := appendAggregate(nil, agg)
		if err := txn.Set(edgeKey(k), v); err != nil {
			return err
		}
		cache.remember(id, v)
	}
	return nil
}

// moveMonths moves an article's links from the months of its mentions
// before a date correction to those after (moved: each edge's mentions
// before and after), in pending.
func moveMonths(txn getter, cache *writeCache, pending *pendingCounts, moved map[graph.EdgeKey][2][]graph.Mention) error {
	var err error
	affOf := affiliations(txn, cache, &err)
	before, after := articleLinks{}, articleLinks{}
	for k, ms := range moved {
		for _, m := range ms[0] {
			before.linkEdge(k, m.Date, affOf)
		}
		for _, m := range ms[1] {
			after.linkEdge(k, m.Date, affOf)
		}
	}
	pending.addMonths(before, -1)
	pending.addMonths(after, 1)
	return err
}

// rekeyMentions moves each of an article's mention keys to date, deletes
// the copy of the first mention of each edge it touches (leadcopy.go), and
// returns each edge's mentions before and after the move, with the edges
// in the order met.
func rekeyMentions(txn meteredTxn, keys []mentionRefKey, date time.Time) (map[graph.EdgeKey][2][]graph.Mention, []graph.EdgeKey, error) {
	moved := map[graph.EdgeKey][2][]graph.Mention{} // before and after
	var order []graph.EdgeKey
	for _, mk := range keys {
		item, err := txn.Get(mk.key)
		if err != nil {
			return nil, nil, err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return nil, nil, err
		}
		meta := item.UserMeta()
		m, err := decodeMention(mk.edge, mk.key, v)
		if err != nil {
			return nil, nil, err
		}
		_, ref, err := parseMentionKey(mk.key)
		if err != nil {
			return nil, nil, err
		}
		if err := txn.Delete(mk.key); err != nil {
			return nil, nil, err
		}
		if err := txn.SetEntry(badger.NewEntry(mentionKey(mk.edge, date, ref.article, ref.n), v).WithMeta(meta)); err != nil {
			return nil, nil, err
		}
		if _, ok := moved[mk.edge]; !ok {
			order = append(order, mk.edge)
			// its copies may hold a key moved away (leadcopy.go,
			// incopy.go)
			if err := errors.Join(txn.Delete(leadCopyKey(mk.edge)), txn.Delete(inCopyKey(mk.edge))); err != nil {
				return nil, nil, err
			}
		}
		ms := moved[mk.edge]
		ms[0] = append(ms[0], m)
		m.Date = date
		ms[1] = append(ms[1], m)
		moved[mk.edge] = ms
	}
	return moved, order, nil
}

// referenced lists, sorted, every actor id the article's actors and
// mentions point to.
func referenced(actors []graph.Actor, groups []edgeGroup) []graph.ActorID {
	ids := map[graph.ActorID]bool{}
	for _, a := range actors {
		if a.Affiliation != "" {
			ids[a.Affiliation] = true
		}
	}
	for _, g := range groups {
		ids[g.key.Source], ids[g.key.Target] = true, true
		for _, m := range g.mentions {
			for _, id := range []graph.ActorID{m.ClaimedBy, m.DisputedBy} {
				if id != "" {
					ids[id] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(ids))
}

// addEdge writes one article's mentions of an edge, one m/ key each, and
// the edge's e/ and r/ keys when the edge is new; what the mentions add
// to the edge's aggregate goes to pending (aggregate.go). cache may be
// nil.
func addEdge(txn writer, g edgeGroup, cache *writeCache, pending *pendingCounts) error {
	known := false
	if cache != nil {
		_, known = cache.edges[g.id]
	}
	if !known && (cache == nil || !cache.allEdges) {
		var err error
		if known, err = hasEdge(txn, g.key); err != nil {
			return err
		}
	}
	if !known && !pending.deferred { // else written with the deferred counts (deferred.go)
		if err := txn.Set(edgeKey(g.key), nil); err != nil {
			return err
		}
		if err := txn.Set(revKey(g.key), nil); err != nil {
			return err
		}
	}
	if !known {
		pending.addActor(g.key.Source, 1, 0)
		pending.addActor(g.key.Target, 1, 0)
		pending.totals.count(g.key.Relation, 1, 0)
		if cache != nil {
			cache.edges[g.id] = struct{}{}
		}
	}
	for i, k := range g.keys {
		if err := txn.SetEntry(mentionEntry(k, g.values[i], g.mentions[i])); err != nil {
			return err
		}
	}
	pending.addEdge(pendingEdge{key: g.key, id: g.id, delta: g.counts, fresh: !known && pending.deferred, leadValue: g.leadValue()})
	pending.totals.count(g.key.Relation, 0, len(g.keys))
	return nil
}

// metaClaimant is the user meta bit of a mention that names a claimant
// (ClaimedBy or DisputedBy): see upgrade.go, format 4.
const metaClaimant byte = 1

// mentionEntry is the Badger entry of mention m under key k with value v.
func mentionEntry(k, v []byte, m graph.Mention) *badger.Entry {
	e := badger.NewEntry(k, v)
	if m.ClaimedBy != "" || m.DisputedBy != "" {
		e = e.WithMeta(metaClaimant)
	}
	return e
}

// hasEdge reports whether txn sees edge k.
func hasEdge(txn writer, k graph.EdgeKey) (bool, error) {
	_, err := txn.Get(edgeKey(k))
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// upsertActor merges a into the stored actor of the same id and updates
// the name and affiliation indexes to match. cache, if not nil, gives the
// stored actor when it knows it, and keeps the merged one. When a stored
// actor gains an affiliation it returns it: the months of the actor it
// joins must be recounted (months.go).
func upsertActor(txn writer, a graph.Actor, cache *writeCache) (joined graph.ActorID, err error) {
	old, found, err := cache.storedActor(txn, a.ID)
	if err != nil {
		return "", fmt.Errorf("actor %s: %w", a.ID, err)
	}
	merged := mergeActor(old, found, a)
	cache.keepActor(merged)
	if found && equalActors(old, merged) {
		return "", nil
	}
	if err := setJSON(txn, actorKey(a.ID), merged, encodeActor); err != nil {
		return "", err
	}
	oldNames, newNames := map[string]string{}, indexNames(merged)
	if found {
		oldNames = indexNames(old)
	}
	for n := range oldNames {
		if _, ok := newNames[n]; !ok {
			if err := txn.Delete(nameKey(n, a.ID)); err != nil {
				return "", err
			}
		}
	}
	for n, display := range newNames {
		if old, ok := oldNames[n]; !ok || old != display {
			if err := txn.Set(nameKey(n, a.ID), []byte(display)); err != nil {
				return "", err
			}
		}
	}
	if merged.Affiliation != "" && merged.Affiliation != old.Affiliation {
		if found && merged.Affiliation != a.ID {
			joined = merged.Affiliation
		}
		return joined, txn.Set(affilKey(merged.Affiliation, a.ID), nil)
	}
	return "", nil
}

// mergeActor returns the stored actor old (if found) updated with what a
// adds: see PutArticle.
func mergeActor(old graph.Actor, found bool, a graph.Actor) graph.Actor {
	if !found {
		a.Aliases = mergeAliases(a.Name, a.Aliases)
		return a
	}
	m := old
	if isPlaceholder(old) && !isPlaceholder(a) {
		m.Name, m.Type = a.Name, a.Type
	}
	aliases := slices.Concat(old.Aliases, a.Aliases)
	if !isPlaceholder(a) {
		aliases = append(aliases, a.Name)
	}
	m.Aliases = mergeAliases(m.Name, aliases)
	if m.Affiliation == "" {
		m.Affiliation = a.Affiliation
	}
	return m
}

// mergeAliases returns aliases sorted, without duplicates, blanks or name.
func mergeAliases(name string, aliases []string) []string {
	out := make([]string, 0, len(aliases))
	for _, al := range aliases {
		if al != name && al != "" {
			out = append(out, al)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

func equalActors(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Type == b.Type &&
		a.Affiliation == b.Affiliation && slices.Equal(a.Aliases, b.Aliases)
}

func setJSON[T any](txn writer, key []byte, v T, enc func(T) ([]byte, error)) error {
	b, err := enc(v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}
