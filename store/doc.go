// Package store keeps geokg's knowledge graph in a Badger database: actors,
// articles, the aggregated edges between actors and the mentions that are
// their evidence.
//
// # Usage
//
//	s, err := store.Open(dir, store.Options{})
//	if err != nil { ... }
//	defer s.Close()
//	added, err := s.PutArticle(ctx, art, actors, mentions)
//	v, err := s.View(ctx, "RUS", store.Filter{Evidence: 3})
//
// Only one process may open a store for writing; Open's error wraps
// ErrInUse when another one has it. Several read-only openers
// (Options.ReadOnly) may share a store that no writer holds.
//
// # Key layout
//
// Actor ids and article ids are validated (graph.ActorID.Validate: no '/',
// NUL or control characters, at most 128 bytes), and relation names hold no
// '/', so keys are strings whose parts are joined with '/'; only the end
// of a mention key, after its edge's parts, is binary:
//
//	key                                  value                 why it exists
//	geokg/format                         "16"                  refuse stores of an unknown format (ErrVersion) and Badger databases made by something else (ErrNotStore); formats 1 to 15 are upgraded (upgrade.go)
//	a/<id>                               actor (JSON)          the actor record; Actors walks them in id order
//	n/<normalised name>/<id>             name to show          Resolve and Suggest: one entry per normalised id, name and alias, so a name is found by a prefix scan instead of reading every actor
//	f/<affiliation>/<member>             empty                 a state's View finds its officials and institutions by a prefix scan of f/<state>/
//	e/<src>/<rel>/<dst>                  counts (binary)       out-edges: a scan of e/<src>/ lists an actor's edges with their counts (mentions, articles, first and last seen, per status) and their first mention's key (the lead: aggregate.go), small enough to stay in Badger's tree; e/ in key order is EachEdge's stream
//	r/<dst>/<rel>/<src>                  empty                 in-edges: a key-only scan of r/<dst>/ finds who points at an actor (written once, when the edge is new)
//	m/<src>/<rel>/<dst>/<date><article><n>  mention (binary) evidence: the mentions of one edge sit under one prefix in graph.CompareMentions order, so the first N are its first N keys; date (keyTime, 12 bytes that sort as time), article (17 bytes for a content-hash id) and n (2 bytes, numbering them in an article) are binary (mentionKey), and the value holds only what the key does not say (codec.go); Badger's user meta byte has bit metaClaimant set when the mention names a claimant, so a key-only walk knows which values to read for them
//	d/<article id>                       article (JSON)        articles are keyed by their content hash (graph.ArticleID), so ingesting the same text again is one lookup and a no-op; a prefix scan finds an article by the first characters of its id (ArticleIDs)
//	w/<article id>                       its edge keys         an article being written in several transactions (parts.go); rolled back by the next open if geokg stopped before its last one
//	c/<actor id>                         counts (binary)       the edges an actor is an end of and the distinct articles showing them (aggregate.go): Actors' degrees and Stats' most connected actors without a walk over their keys
//	v/<actor id>/<month>                 counts (binary)       the distinct articles dated in a month that show an actor's relations or its affiliates', per relation and direction (months.go; the month 4 bytes, binary): Timeline reads an actor's few keys instead of every mention key of its edges
//	s/totals                             counts (binary)       the store's articles, and its edges and mentions per relation (totals.go): Stats reads them instead of every edge's counts
//	t/<date><article id>                 empty                 the articles by date (keyTime, binary; zero for an undated one): stats counts the keys and reads the first and last date with a seek each
//	o/<article id>                       empty                 an article whose mentions its record does not find (one dated otherwise, or linking an actor it does not list): Forget reads every mention key for it, and finds any other's by a seek per edge between the actors it lists (articleMentionKeys)
//	x/<article id>                       empty                 an article Forget removed, so that forgetting it again (a re-run of an interrupted forget) says "already forgotten" instead of "not in the store"; removed when the article is ingested again
//	i/<actor id>/<article id>            empty                 the articles that name an actor outside its relations there (NamedIn: "mentioned in 3 articles" is its c/ articles plus these keys); the article's record lists every actor it names, so Forget removes them without a scan
//	l/<src>/<rel>/<dst>                  lead and mention      a copy of the edge's first mention (its lead key and value), in Badger's tree, written when a large session closes (leadcopy.go): a view's table reads its first sentences from them instead of the value log
//	s/recount                            empty                 an ingest deferred counts (e/, r/, c/, v/, s/totals) it has not written yet (deferred.go): the next open recounts them from the mentions
//	s/leadcopies                         empty                 the copies are current at its version: they are used only while no commit came after it (Badger's MaxVersion); a put, a batch's commit or a forget that keeps them current writes it again in its own transaction
//	k/<dst>/<rel>/<src>                  counts and mention    an in-edge copy (format 16, incopy.go): the edge's e/ value and its first mention's value, under its target, written with the l/ copies: a view reads its in-edges' counts and first sentences from one range of the tree instead of one scattered block each; a write that keeps them current deletes those of the edges whose counts it writes, and in a session sized for small writes writes them again with the new counts (incopy.go), a forget deletes those of its edges
//	s/incopies                           empty                 the in-edge copies are current at its version, as s/leadcopies for the l/ copies; a geokg that does not know them never writes it, so any write of one retires them
//
// A symmetric relation (allies-with) is stored once, with the lesser id as
// <src> (graph.Mention.Key). Normalised names (see Resolve) are lower case,
// without a leading "the" or a trailing possessive, and have '/' replaced by a
// space, so they are safe key parts too.
//
// An edge's counts (articles, mentions, first and last seen dates, per
// status) are its e/ value, kept by every write in the
// transaction that writes the mentions, lowered by Forget, verified by
// Check and rebuilt by RebuildAggregates (aggregate.go). Actors and
// articles are JSON, so fields can be added without a new format version;
// mentions use the binary form of codec.go, which exports read by the
// million.
//
// # Writes
//
// PutArticle writes an article, its actors, its mentions, the r/ keys of
// the edges they make new and the counts of the edges they name in one
// Badger transaction, so an article
// is stored completely or not at all. One that does not fit in a
// transaction is written in several, behind a w/ key that a failure, or
// the next open after a kill, rolls back (parts.go): it too appears all at
// once or never (its edges' counts are written with its last part, and
// recounted if it is rolled back). Writers (PutArticle, Forget, a Batch's
// transactions) are serialised within the process, since two articles
// could otherwise both find an edge new, or a Forget remove an edge that
// an article is adding mentions to; Badger's conflict detection is
// therefore off.
//
// A Batch told to defer its counts (DeferCounts: a command's ingest into
// a new store) writes them once, when it is flushed, instead of in every
// transaction; each of its transactions marks the store (s/recount), and
// an open after a kill recounts them (deferred.go).
//
// A Batch puts hundreds of articles in one transaction, each still whole
// or not at all, and remembers the actors, edges and articles it wrote from
// one commit to the next (see writeCache): an article whose edges are all
// known writes only its own keys, one per mention, and each edge a
// transaction names has its counts rewritten once, when it commits. Prepare does the part that needs no
// store (checking, grouping, encoding), so that an ingest pipeline runs it
// on its extraction workers and its single writer only writes.
//
// # Damage
//
// Badger's recovery on open writes (it deletes the tables its MANIFEST
// does not list, even read-only, and cuts the last value log and the
// memtable logs at their first bad entry), and it panics on damaged
// tables, on goroutines of its own. So Open looks first, without Badger
// (inspect.go: the MANIFEST against the folder, each table's index;
// logtail.go: the logs a writable open would cut), a read-only open of a
// store that needs recovering reads a recovered copy (readcopy.go), and a
// writable open first finds geokg's format key that way. Reads catch
// panics, on every goroutine the store starts (catch), and a panic or a
// key or value that does not decode comes out as a *DamagedError naming
// the damaged file (damage.go, Diagnose). Check verifies every table block
// and leaves a DAMAGED mark that writers refuse; Recover (recover.go,
// salvage.go) copies what can be read into a new store.
//
// # Reads
//
// The first N mentions of an edge are its first N keys, so a view reads N
// values per edge and counts the rest by their keys alone; reads in one
// transaction share one iterator over m/ (mentionCursor), which steps from
// one edge's mentions to the next in key order rather than seeking. An
// edge's first mention, which a view of one sentence per edge wants, is
// read by its key, from the lead in the edge's counts, when the iterator
// does not stand there already: a lookup, which the bloom filters of
// level 0's tables answer for the tables that lack it, where a seek
// searches each of them. A view of many links reads their evidence on
// several goroutines, each with its own cursor.
package store
