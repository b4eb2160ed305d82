package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// FormatVersion is the key layout this package writes and reads. Open
// upgrades a store of an older format when it opens it for writing (see
// upgrade.go), refuses to open one read-only (ErrUpgrade), and refuses a
// store whose format key holds any other value (ErrVersion).
const FormatVersion = 16

var (
	// ErrInUse is wrapped by Open's error when another process holds the
	// store's directory lock. The wrapped message reads "store DIR is in use
	// by another geokg process".
	ErrInUse = errors.New("in use by another geokg process")
	// ErrNotStore is wrapped by Open's error when the directory holds files
	// but is not a geokg store (not a Badger database, or a Badger database
	// without geokg's format key).
	ErrNotStore = errors.New("not a geokg store")
	// ErrVersion is wrapped by Open's error when the store was written in a
	// format version this geokg does not know (usually a newer geokg).
	ErrVersion = errors.New("unsupported store format version")
	// ErrTooBig is wrapped by Forget's error when an article has too many
	// mentions to be removed in one transaction, and by Prepare's when an
	// article has more mentions of one edge than a key can number. Nothing
	// is changed then.
	ErrTooBig = errors.New("article too big for one transaction")
	// ErrForgotten is wrapped by Forget's error when the article was
	// forgotten before: there is nothing left to remove.
	ErrForgotten = errors.New("already forgotten")
)

// Options configures Open.
type Options struct {
	Verbose  bool // Badger's own logging to stderr only when true
	ReadOnly bool // open read-only (for queries); Badger allows several read-only openers
	// Upgrading, if set, is called before Open upgrades a store of an older
	// format, which takes a while on a large store (about 40 s for 1.3
	// million mentions), so that a command can say what it is doing.
	Upgrading func(from int)
	// SmallWrites sizes a writable session for a few small transactions
	// (a forget of a few articles, an ingest of a small file): see
	// smallWrites. A transaction then holds at most about 1,600 keys; a
	// larger one fails with ErrTooBig (open the store again without
	// SmallWrites for it; a Batch writes a larger article in parts).
	SmallWrites bool
	ctx         context.Context // OpenContext's, which stops an upgrade; nil: none
}

// Store is a geokg knowledge graph kept in a Badger database. Its methods
// are safe for concurrent use.
type Store struct {
	db      *badger.DB
	dir     string
	opts    Options
	bopts   func(string) badger.Options // to reopen the store in Close
	writeMu sync.Mutex                  // serialises PutArticle, Forget and batch transactions
	// writes counts the write transactions under writeMu, so that a Batch
	// knows whether what it cached from its own commits is still true.
	writes uint64
	// copy is the folder of the recovered copy a read-only open reads
	// (readCopy), removed by Close, which also calls release to let go
	// of the store's lock.
	copy    string
	release func()
	// levelZero is how many tables level 0 held when a writable open
	// finished (see Close).
	levelZero int
	// memtable is the number of Badger's memtable when a writable open
	// finished (newestMemtable): Close counts the memtables the session
	// filled from it.
	memtable int
	// copiesDue makes Close write the copies (leadcopy.go, incopy.go)
	// as after a large session: set by the upgrade to format 16.
	copiesDue bool
	// beside is how Close's merge after small sessions puts level 0 (see
	// mergeBeside), set by Close.
	beside mergeBeside
	// kept holds the copies a batch's deferred counts left for the
	// close to write instead of walking (keptcopy.go)
	kept *keptCopies
}

// DefaultDir returns where the store lives when no directory is given:
// $GEOKG_DB, else $XDG_DATA_HOME/geokg, else ~/.local/share/geokg.
func DefaultDir() (string, error) {
	if d := os.Getenv("GEOKG_DB"); d != "" {
		return d, nil
	}
	// The XDG spec says to ignore a relative XDG_DATA_HOME.
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "geokg"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("store: default dir: %w", err)
	}
	return filepath.Join(home, ".local", "share", "geokg"), nil
}

// Open opens the store in dir, creating dir and an empty store on first use
// (unless opts.ReadOnly). Its error wraps ErrInUse when another process has
// the store open, ErrNotStore when dir holds something else, ErrVersion
// when the store's format is unknown, and fs.ErrNotExist when opts.ReadOnly
// is set and there is no store in dir yet.
func Open(dir string, opts Options) (*Store, error) {
	return open(dir, opts, badgerOptions)
}

// OpenContext is Open, with ctx stopping an upgrade of an older format
// (Ctrl-C): the upgrade is written in steps that a later open resumes, and
// the format key last, so an upgrade stopped at any point leaves a store
// that opens, and upgrades, again. The error then wraps ctx.Err().
func OpenContext(ctx context.Context, dir string, opts Options) (*Store, error) {
	opts.ctx = ctx
	return open(dir, opts, badgerOptions)
}

// badgerOptions sizes Badger for a laptop: DefaultOptions allocates about
// 90 MB per open (64 MB memtables, 256 MB block cache); these allocate
// about 12 MB and still take article transactions of 1.2 MB or 13k entries
// (15% of the 8 MB memtable), a few thousand mentions.
//
// The memtable is 8 MB, not 16: Badger builds a level-0 table from a whole
// memtable in buffers that double as they grow (z.Allocator, on the Go
// heap without jemalloc), 88 MB for a 16 MB memtable. With compactions'
// buffers on top, a 400 MB ingest kept the heap at its soft limit and the
// garbage collector ran 794 times (68.8 CPU s, 37.6 s); with 8 MB, 132
// times (53.8 CPU s, 30.7 s). On 200 MB the two measured alike.
//
// Values over 64 bytes (mentions, which are most of the data, and actor
// and article records) go to the value log instead of the LSM tree, so
// compactions move keys and small values (names) only.
// Measured on a 50 MB ingest (docs/benchmarks.md): peak anonymous memory
// 158 MB instead of 475 MB and 15% less CPU, for a store about 3 times
// larger on disk (the value log is not compressed). The threshold was 256
// while mentions were JSON; binary mentions are often under 256 bytes.
//
// Tables are not compressed either (so no block cache is needed): with
// Snappy, compactions hold their compressed blocks in tens of megabytes of
// buffers, which under the ingest's soft heap limit made the garbage
// collector run 130 to 750 times on a 100 MB ingest instead of 60, for
// 20-60% more CPU; the store is 14% larger without it.
//
// Level 0 takes 48 tables before it is compacted (Badger's default is 5)
// and the base level, into which level 0 is compacted, holds 256 MB (not
// 10): fewer, larger compactions. Mention keys fall all over the key
// space, so each level-0 compaction rewrites most of the base level, and
// Badger syncs every table it writes: the fewer there are, the less of the
// store is written again and again. Close merges level 0 into the base
// level when a write left compactOnClose tables or more in it, so that
// queries at rest do not merge up to 47 tables.
// Measured in alternating runs (docs/benchmarks.md): 4 tables instead of
// 2 cut a 100 MB ingest's system time by a third; 12 instead of 4 took a
// 400 MB ingest 35.6 -> 27.1 s; a base level of 256 MB instead of 40 took a
// 1 GB ingest 50 -> 42 s and a million articles 289 -> 262 s; 48 tables
// and the compaction on close instead of 12 took a 1 GB ingest 94/89 ->
// 80/79 CPU s and a million articles 251 -> 195 s (447 -> 356 CPU s,
// 3.1 -> 2.7 GB written to disk per GB of articles), with `actor RUS` on
// the 1 GB store 150 -> 110 ms.
//
// The tables below level 0 are of 8 MB, as level 0's (the memtable's),
// not Badger's 2 MB doubling at each level: every open reads each table's
// index (inspect, then Badger), so the count of tables, not their size,
// set the cost of opening a large store. A 1 GB store had 317 tables
// (286 MB in 152 at level 5, 310 MB in 164 at level 6), and `geokg actor
// Russia` on it took 0.090 CPU s; the same store with its tables
// rewritten at 8 MB, 49 tables, 0.051 (docs/benchmarks.md). A 100 MB
// ingest takes the same CPU with either (alternating runs, ratio 1.00).
// They do not double at each level, so that a compaction's tables are
// built in buffers no larger than a flush's (see the memtable above).
//
// Values are read with their checksums verified: a damaged value log
// then gives a value that does not decode (Badger logs the read error and
// hands an empty value over), never a sentence with other bytes in it.
//
// Conflict detection is off: writers are serialised by Store.writeMu and
// the directory lock keeps other processes out, so Badger's per-key
// fingerprints of every transaction would never find a conflict.
func badgerOptions(dir string) badger.Options {
	o := badger.DefaultOptions(dir).
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(48).
		WithBaseLevelSize(256 << 20).
		WithBaseTableSize(8 << 20).
		WithBlockSize(16 << 10).
		WithNumLevelZeroTablesStall(96).
		WithNumCompactors(2).
		WithValueLogFileSize(64 << 20).
		WithNumGoroutines(2).
		WithMetricsEnabled(false).
		WithValueThreshold(64).
		WithCompression(options.None).
		WithBlockCacheSize(0).
		WithDetectConflicts(false).
		WithVerifyValueChecksum(true)
	o.TableSizeMultiplier = 1 // no WithTableSizeMultiplier in Badger v4
	return o
}

// smallWrites is bo for a session of a few small transactions: a 1 MB
// memtable and 1 MB value log files instead of 8 and 64 MB, and values
// of up to 64 KB in the tree. A writable open allocates the memtable's
// arena, creates and maps a memtable log of twice its size and a new value
// log file of twice theirs, and the close syncs every mapping: a forget of
// one article took 0.84 of the CPU and 0.81 of the wall time of the usual
// sizes (15 alternating pairs of whole processes, docs/benchmarks.md).
// With its values in the tree, such a session leaves its value log file
// empty, and the next writable open deletes it: every one-article ingest
// otherwise left a file of a few kilobytes, which every later open opens
// and maps (19 files after 16 such ingests into the 100 MB store, 5
// with this; the ingests took 0.92 of the CPU). Only for a store with no memtable log to replay
// (its entries might not fit the smaller memtable) and of the current
// format (an upgrade writes much).
//
// Its tables are built for the small memtable too: Badger's flush of a
// memtable into a level-0 table takes a buffer of twice the table size
// (table.NewTableBuilder), 16 MB for the usual 8 MB tables, which alone
// set off a garbage collection in every one-article forget. With fewer
// than compactAlways tables in level 0 (levelZero, from the MANIFEST) no
// compaction is due that a small session must run, so it starts no
// compactors: a compaction would otherwise write tables of the small
// size, and the close of the session that leaves compactAlways tables
// merges them with the usual sizes (mergeLevelZero). With more, Badger
// compacts as in any session (it stalls writes at 96 level-0 tables when
// nothing compacts them).
func smallWrites(bo badger.Options, levelZero int) badger.Options {
	const memtable = 1 << 20
	bo = bo.WithValueLogFileSize(1 << 20)
	if bo.ValueThreshold <= memtable*15/100 { // Badger's limit on a value in the tree
		bo = bo.WithMemTableSize(memtable).WithValueThreshold(64 << 10)
	}
	if levelZero < compactAlways {
		bo = bo.WithBaseTableSize(bo.MemTableSize).WithNumCompactors(0)
	}
	return bo
}

// apply returns bopts(dir) as o asks: read-only or not, Badger's log
// only when verbose.
func (o Options) apply(dir string, bopts func(string) badger.Options) badger.Options {
	bo := bopts(dir).WithReadOnly(o.ReadOnly)
	if !o.Verbose {
		bo = bo.WithLogger(nil)
	}
	return bo
}

// open is Open with the Badger options made by bopts, so tests can use
// smaller ones.
//
// Badger's own recovery on open writes: it deletes the tables its
// MANIFEST does not list (even read-only), cuts the last value log and
// the memtable logs at their first bad entry, and rewrites a foreign
// database's logs before geokg could see that it is not a geokg store.
// So nothing is opened until inspect has compared the folder with its
// MANIFEST; a read-only open reads a copy of a store that needs
// recovering (readCopy); and a writable open first opens the store that
// way to find geokg's format key, and checks that the logs Badger would
// cut end where their last whole transaction does (checkLogTails).
func open(dir string, opts Options, bopts func(string) badger.Options) (*Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("store: open: empty directory name")
	}
	create, err := prepareDir(dir, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	if create {
		if err := createStore(dir, opts, bopts); err != nil {
			return nil, err
		}
	}
	l, err := inspect(dir, !opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	if err := checkSpace(dir, readRoom); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	if opts.ReadOnly {
		s := &Store{dir: dir, opts: opts, bopts: bopts}
		if err := s.openRead(l); err != nil {
			return nil, err
		}
		if err := s.checkFormat(true, nil); err != nil {
			s.Close()
			return nil, err
		}
		if err := s.hidePending(l); err != nil {
			if s.db != nil {
				s.Close()
			}
			return nil, err
		}
		if err := s.hideDeferred(l); err != nil {
			if s.db != nil {
				s.Close()
			}
			return nil, err
		}
		return s, nil
	}
	return openWrite(dir, opts, bopts, l)
}

// openRead opens the store read-only, or a recovered copy of it when
// Badger cannot open it read-only without writing (see readCopy).
func (s *Store) openRead(l layout) error {
	bo := s.opts.apply(s.dir, s.bopts).WithReadOnly(true)
	if l.clean() {
		release, err := lockDir(s.dir, false) // in use: say so, not "damaged"
		if err != nil {
			return err
		}
		release()
		if s.db, err = badger.Open(bo); err == nil {
			return nil
		}
		// Its logs need a replay (a killed ingest), or a writer came in
		// meanwhile (then readCopy's lock says so).
	}
	db, tmp, release, err := readCopy(s.dir, l, bo)
	if err != nil {
		return err
	}
	s.db, s.copy, s.release = db, tmp, release
	return nil
}

// openWrite opens the store for writing once it has seen, without
// writing, that the store is geokg's and that Badger's recovery would not
// cut any data.
func openWrite(dir string, opts Options, bopts func(string) badger.Options, l layout) (*Store, error) {
	if err := markedDamaged(dir); err != nil {
		return nil, err
	}
	if err := lookFirst(dir, opts, bopts, l); err != nil {
		return nil, err
	}
	if err := checkLogTails(dir, l); err != nil {
		return nil, err
	}
	release, err := lockDir(dir, true)
	if err != nil {
		return nil, err
	}
	release()
	if err := checkSpace(dir, writeNeed(dir, 0)); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	bo := opts.apply(dir, bopts)
	if opts.SmallWrites && len(l.mems) == 0 && string(l.format.value) == strconv.Itoa(FormatVersion) {
		bo = smallWrites(bo, l.levelZero())
	}
	db, err := badger.Open(bo)
	if err != nil && l.emptyLog {
		db, err = badger.Open(bo) // see layout.emptyLog
	}
	if err != nil {
		if derr := recheckTables(dir, l); derr != nil {
			return nil, derr
		}
		return nil, fmt.Errorf("store: open %s: %s", dir, oneLine(err))
	}
	// level 0 as it was before an upgrade, which may write a store's worth
	// of keys: Close then merges what it left there (format 13's removed
	// i/ keys left 23 tables, 122 MB, in level 0 of a 1 GB store)
	s := &Store{db: db, dir: dir, opts: opts, bopts: bopts, levelZero: levelZeroTables(db), memtable: newestMemtable(dir)}
	if err := s.checkFormat(false, opts.Upgrading); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.rollBackParts(); err != nil { // a killed geokg's half-written article
		db.Close()
		return nil, err
	}
	if err := s.recountDeferred(context.Background()); err != nil { // counts a killed ingest deferred
		db.Close()
		return nil, err
	}
	return s, nil
}

// lookFirst opens the store read-only to check its format key before a
// writable open, unless inspect read a format this geokg knows in its
// tables and Badger has no log to replay (the store was closed cleanly):
// what the read-only open would find is then known.
func lookFirst(dir string, opts Options, bopts func(string) badger.Options, l layout) error {
	if l.clean() && len(l.mems) == 0 && l.format.known() {
		return nil
	}
	ro := opts
	ro.ReadOnly = true
	look := &Store{dir: dir, opts: ro, bopts: bopts}
	if err := look.openRead(l); err != nil {
		return err
	}
	err := look.checkFormat(true, nil)
	if cerr := look.Close(); err == nil || errors.Is(err, ErrUpgrade) {
		err = cerr
	}
	return err
}

// prepareDir makes sure Badger only ever opens an existing Badger database
// (one with a MANIFEST); create is true when dir is missing or empty, and
// the store must be made first (createStore).
func prepareDir(dir string, readOnly bool) (create bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !readOnly:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("store: open %s: no store here yet: %w", dir, fs.ErrNotExist)
	case err != nil:
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return false, fmt.Errorf("store: open %s: a file, not a directory: %w", dir, ErrNotStore)
		}
		return false, fmt.Errorf("store: open %s: %w", dir, err)
	}
	if len(entries) == 0 {
		if readOnly {
			return false, fmt.Errorf("store: open %s: no store here yet: %w", dir, fs.ErrNotExist)
		}
		return true, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		return false, fmt.Errorf("store: open %s: the directory holds other files: %w", dir, ErrNotStore)
	}
	return false, nil
}

// createStore makes a new, empty store at dir (missing or empty) all at
// once: Badger creates its files and geokg its format key in a temporary
// directory beside dir, which is then renamed to dir. A process killed
// while creating a store thus leaves no half-made store behind (which
// every later open would refuse), only a "<dir>.creating-*" folder.
func createStore(dir string, opts Options, bopts func(string) badger.Options) error {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		// an existing (empty) folder reached through a symbolic link: the
		// store goes into that folder, the link stays
		dir = real
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o750); err != nil {
		return fmt.Errorf("store: create %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(filepath.Clean(dir))+".creating-*")
	if err != nil {
		return fmt.Errorf("store: create %s: %w", dir, err)
	}
	mode := os.FileMode(0o750)
	if fi, err := os.Stat(dir); err == nil {
		mode = fi.Mode().Perm() // an empty folder made by the user keeps its permissions
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("store: create %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // left empty by the rename, unless it failed
	bo := opts.apply(tmp, bopts)
	db, err := badger.Open(bo)
	if err != nil {
		return fmt.Errorf("store: create %s: %w", dir, err)
	}
	s := &Store{db: db, dir: dir}
	err = s.checkFormat(false, nil)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("store: create %s: %w", dir, err)
	}
	// An empty dir is replaced (rename(2) allows it on Linux; elsewhere it
	// is removed first). If another process made a store there meanwhile,
	// the rename fails and that store is opened instead.
	if err := os.Rename(tmp, dir); err != nil {
		if rmErr := os.Remove(dir); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			return nil // not empty any more: someone else's store, opened next
		}
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("store: create %s: %w", dir, err)
		}
	}
	return nil
}

// checkFormat reads the format key. A store without one is accepted only
// when it is empty (then the key is written, unless read-only): a Badger
// database with other data was not made by geokg.
func (s *Store) checkFormat(readOnly bool, upgrading func(from int)) error {
	var version []byte
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(formatKey))
		if err == nil {
			version, err = item.ValueCopy(nil)
			return err
		}
		if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		it.Rewind()
		empty = !it.Valid()
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: open %s: read format: %w", s.dir, err)
	}
	v, vErr := strconv.Atoi(string(version))
	switch {
	case version != nil && (vErr != nil || v < 1 || v > FormatVersion):
		return fmt.Errorf("store: open %s: format %q, this geokg reads %d: %w", s.dir, version, FormatVersion, ErrVersion)
	case version != nil && v < FormatVersion && readOnly:
		return fmt.Errorf("store: open %s: format %d: %w", s.dir, v, ErrUpgrade)
	case version != nil && v < FormatVersion:
		if upgrading != nil {
			upgrading(v)
		}
		ctx := s.opts.ctx
		if ctx == nil {
			ctx = context.Background()
		}
		return s.upgrade(ctx, v)
	case version != nil:
		return nil
	case !empty:
		return fmt.Errorf("store: open %s: a Badger database without a geokg format key: %w", s.dir, ErrNotStore)
	case readOnly:
		return nil // empty
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(formatKey), []byte(strconv.Itoa(FormatVersion)))
	})
	if err != nil {
		return fmt.Errorf("store: open %s: write format: %w", s.dir, err)
	}
	return nil
}

// Dir returns the directory the store was opened in.
func (s *Store) Dir() string { return s.dir }

// When a writable Close merges level 0 into the base level. A merge
// rewrites most of the base level (up to a few hundred MB: 2.5 s on a
// store of a million articles, 2.4 s on 200 MB), which a large ingest pays
// once at its end. A small one (a single article leaves one table) does
// not pay it: level 0 takes many tables, and a small ingest's close merges
// them only when they are about to reach the 48 at which Badger itself
// starts a compaction, which would otherwise start at a random moment of a
// later session and make its close wait for it.
const (
	// compactOnClose is how many level-0 tables a large session leaves
	// for its close to merge them: as many as Badger kept at most before
	// level 0 took 48 (badgerOptions).
	compactOnClose = 12
	// largeSession is how many level-0 tables a session must have added
	// (8 MB memtables each) to be a large one.
	largeSession = 4
	// compactAlways is how many level-0 tables any writable close merges.
	compactAlways = 40
	// largeShare: a session that filled memtables of at least
	// 1/largeShare of the bytes of the store's tables is a large one
	// (largeWrites).
	largeShare = 2
)

// largeWrites reports whether the session filled compactOnClose memtables
// or more, or at least one and as many bytes of them as the store's
// tables hold over largeShare: its close's merge, copies and flatten then
// cost a fraction of what it wrote (the walk that writes the copies about
// 8 ms of CPU per MB of tables, an ingest about 0.3 s per MB of memtable
// on the 1 GB benchmark corpus). Without the second rule, a store written
// by one ingest of under compactOnClose memtables (a corpus of a few
// dozen MB) kept its level-0 tables and had no copies until small
// sessions merged them (and, past copiesWalkLimit, no copies then
// either).
func (s *Store) largeWrites() bool {
	filled := newestMemtable(s.dir) - s.memtable
	if filled >= compactOnClose {
		return true
	}
	return filled > 0 && tableBytes(s.dir) <= int64(filled)*s.db.Opts().MemTableSize*largeShare
}

// Close closes the store, flushing what was written. A writable store
// whose session added largeSession level-0 tables and left compactOnClose
// or more there, or filled compactOnClose memtables (a large session,
// whatever Badger's compactions left in level 0), or that holds
// compactAlways level-0 tables, is opened once more to merge them (Badger
// does that only when it closes with CompactL0OnClose, an option fixed
// when it opens) and, after a large session, to write the copies of first
// mentions (mergeLevelZero).
//
// Level 0 alone does not tell a large session: Badger compacts it into
// the levels below once it holds 48 tables (badgerOptions), so a large
// ingest leaves anything from 0 to 47 there. The 1 GB benchmark corpus's
// ingest left 11 at its close (12 once the close flushed its memtable):
// no merge and no copies, so actor Russia read the first mention of each
// of its 3,299 edges from the value log with lookups through two levels
// (0.075-0.089 CPU s, 9,000 page faults, against 0.023 s and 1,800 with
// the copies, one level); and the first close of a small session to find
// compactAlways tables there wrote every copy, a walk over the store's
// 7.8 million mention keys: 8 CPU s, 2.4 GB resident (docs/benchmarks.md).
func (s *Store) Close() error {
	defer s.dropKept()
	compact, large := false, false
	if l0 := levelZeroTables(s.db); !s.opts.ReadOnly {
		large = l0 >= compactOnClose && l0-s.levelZero >= largeSession || s.largeWrites()
		compact = l0 >= compactAlways || large
	}
	// the upgrade to format 16 writes its copies as a large session's
	// close does, tables of mergedTableSize in one level included
	large = large || s.copiesDue
	// the merge is skipped without room for it: a later close does it
	compact = (compact || large) && s.checkWrite(0) == nil
	if compact && !large {
		s.beside = besideLast(s.db.Levels())
	}
	err := s.db.Close()
	if s.copy != "" {
		if rerr := os.RemoveAll(s.copy); err == nil {
			err = rerr
		}
		s.release()
	}
	if err != nil {
		return fmt.Errorf("store: close %s: %w", s.dir, err)
	}
	if !compact {
		return nil
	}
	return s.mergeLevelZero(large)
}

// Leave is Close for a process that exits right after it, as a command
// of geokg does. A store opened read-only from its own folder is left
// open: Badger's close unmaps every table and value log file and syncs
// each mapping (msync), which the exit's unmapping makes needless, and
// which grows with the count of files (docs/benchmarks.md). Any other
// store (writable, whose memtable must be written and value log cut to
// its end; or read from a recovered copy, to be removed) is closed as by
// Close. Nothing may use s afterwards, and the process must exit: until
// it does, the Badger left open holds the store's directory lock
// (shared), so that no writer opens the store in between.
func (s *Store) Leave() error {
	if s.opts.ReadOnly && s.copy == "" {
		return nil
	}
	return s.Close()
}

// mergedTableSize is the size of the tables a close's merge and flatten
// write (badgerOptions' 8 MB during a session). An open maps each table
// and reads its index, so it costs about a tenth of a millisecond per
// table besides the index's bytes: the 1 GB benchmark store in 10 tables
// of 64 MB instead of 83 of 8 opened in 0.60 of the CPU (docs/benchmarks.md).
// During a session 8 MB tables are kept (a 100 MB ingest with 64 MB
// tables throughout took 1.27 times the CPU), and so they are by the merge
// after small sessions (with 64 MB tables it took 1.4 times the CPU).
const mergedTableSize = 64 << 20

// mergeLevelZero opens the closed store once more to merge level 0 into
// the base level, and to write the copies of first mentions (leadcopy.go)
// with a value threshold that keeps them in the tree: those a bulk ingest
// kept (s.kept, keptcopy.go) when they stand for the walk, else by the
// walk. After small
// sessions only (not large), copies that small writes kept current are
// left as they are: writing them walks every mention key, twice the CPU
// of the merge itself on the 100 MB store (docs/benchmarks.md); and
// copies that are not current are written only in a store whose tables
// hold copiesWalkLimit or less, so that no small session pays for a walk
// that grows with the store (the next large session's close writes them,
// or geokg recover). After a
// large session it opens the store a third time to put its tables in one
// level (flattenSmall), copies included. After a large session both
// write tables of mergedTableSize.
//
// After small sessions, s.beside (set by Close) may have it merge level 0
// into the level above the last instead of the last (mergeBeside).
func (s *Store) mergeLevelZero(large bool) error {
	bo := s.opts.apply(s.dir, s.bopts)
	if large {
		bo = bo.WithBaseTableSize(max(bo.BaseTableSize, mergedTableSize))
	}
	beside := s.beside
	s.beside = mergeBeside{}
	flat := bo
	if beside.fold {
		// the fold rewrites every table: as large ones as a large session's
		flat = flat.WithBaseTableSize(max(flat.BaseTableSize, mergedTableSize))
	}
	if beside.baseLevelSize > 0 && !large {
		// no compactor: the levels of the stack are past the targets
		// this base level size gives them, and only the close's merge of
		// level 0 may run
		bo = bo.WithBaseLevelSize(beside.baseLevelSize).WithNumCompactors(0)
	}
	bo = bo.WithCompactL0OnClose(true)
	walk := large || tableBytes(s.dir) <= copiesWalkLimit
	kept := s.kept
	err := s.reopen(bo.WithValueThreshold(max(bo.ValueThreshold, leadCopyThreshold)), func(db *badger.DB) error {
		if large || walk && (!currentCopies(db) || !currentInCopies(db)) {
			// the copies are written last: they are current only while
			// nothing was written after them
			// before any write: kept stands for the walk only if
			// nothing was written since
			ctx, useKept := context.Background(), kept.keptFor(db)
			if err := actorsIntoTree(ctx, db, bo.ValueThreshold); err != nil {
				return err
			}
			if useKept {
				return writeKeptCopies(ctx, db, kept)
			}
			return writeLeadCopies(ctx, db)
		}
		return nil
	})
	if err == nil && (large || beside.fold) {
		err = s.reopen(flat, flattenSmall)
	}
	if err != nil {
		return fmt.Errorf("store: close %s: merging level 0: %w", s.dir, err)
	}
	return nil
}

// copiesWalkLimit is the most a store's tables may hold for the merge
// after small sessions to write copies that are not current (a walk over
// every mention key: mergeLevelZero). The walk costs about 8 ms of CPU
// per MB of tables: on the 1 GB benchmark store (7.8 million mentions,
// 584 MB of tables) it took 4.7 of the 8 CPU s and the 2.4 GB resident
// of the close of a one-article forget (docs/benchmarks.md), so a tenth
// of a second at this size. Tests set smaller ones.
var copiesWalkLimit int64 = 16 << 20

// mergeBeside is how the merge after small sessions puts level 0 into
// the tree (besideLast).
type mergeBeside struct {
	// baseLevelSize, when not 0, is the base level size (Badger's option)
	// that makes the level above the last the base level, into which
	// Badger's close compacts level 0.
	baseLevelSize int64
	// fold makes the merge put every table in one level afterwards, as
	// after a large session (flattenSmall), in tables of mergedTableSize.
	fold bool
}

// Where the merge after small sessions puts level 0 (besideLast); tests
// set smaller ones.
var (
	// besideMin is the least the last level must hold for level 0 to be
	// merged beside it: below it, the merge into it costs little.
	besideMin int64 = 8 << 20
	// besideShare and besideMax: a level of the stack above the last is
	// full once it holds more than 1/besideShare of the last level's
	// bytes or more than besideMax, so that a merge beside the last
	// rewrites that much at most (about 0.15 CPU s for 8 MB).
	besideShare int64 = 16
	besideMax   int64 = 8 << 20
	// stackTop is the highest level the stack beside the last may reach
	// before it is folded into the last.
	stackTop = 1
)

// besideLast says where the merge after small sessions puts level 0, from
// the sizes of the levels of the store (Badger's Levels) as they close.
//
// Level 0's tables are compacted into the base level, and a small
// session's table, whose keys run from a/ to x/, overlaps every table of
// it: merged there, the 40 tables of 40 one-article ingests (about 10 KB
// each on the 100 MB benchmark store) made Badger rewrite the whole base
// level, 137 MB, 2.6 CPU s and 63,000 page faults in the close of one
// ingest in 40 (docs/benchmarks.md). Merged instead into a level above the
// last (by a base level size that makes it the base level: Badger's
// levelTargets takes the deepest level whose target, a tenth of the level
// below it or the base level size if larger, is within the base level
// size, and never one below a level that holds tables), the merge rewrites
// only what small sessions put there: the level above the last first, and
// once it holds more than 1/besideShare of the last level or besideMax,
// the empty level above it, and so on up to level 1 (a stack of levels of
// besideMax each, none rewritten once the next is begun). So no merge
// after small sessions rewrites more than besideMax and level 0's tables,
// about 0.15 CPU s; a read searches a table of each level of the stack
// (seeks) or reads their bloom filters (lookups).
//
// Only when level 1 is full too is the stack folded into the last level
// (the merge is then as usual, followed by the flatten of a large
// session's close, in tables of mergedTableSize): the one close in about
// 4,750 one-article ingests on the 1 GB benchmark store (about 940 a
// level) that rewrites the tree, 3.4-7.7 CPU s there
// (docs/benchmarks.md). A large session's close flattens the tree anyway
// (flattenSmall), so a store that takes a large ingest now and then never
// folds in a small one. Before the stack, the level above the last was
// folded once it held besideMax: one close in about 900. A store with a
// last level of besideMin or less is merged as before, into the last
// level.
func besideLast(levels []badger.LevelInfo) mergeBeside {
	if len(levels) < 3 {
		return mergeBeside{}
	}
	last := levels[len(levels)-1]
	if last.Size <= besideMin {
		return mergeBeside{}
	}
	// the shallowest level below 0 that holds tables: the top of the stack
	top := len(levels) - 1
	for i := len(levels) - 2; i >= 1; i-- {
		if levels[i].NumTables > 0 {
			top = i
		}
	}
	full := min(last.Size/besideShare, besideMax)
	switch {
	case top < len(levels)-1 && levels[top].Size <= full:
		// merged into the top of the stack again (Badger's clamp takes the
		// shallowest level that holds tables whatever the size says)
		return mergeBeside{baseLevelSize: last.Size / 2}
	case top > stackTop:
		// a new top, empty, above the full one: a base level size below
		// that level's target makes Badger's levelTargets take a level
		// above it, and bring it down through the empty levels to it
		return mergeBeside{baseLevelSize: 1}
	}
	return mergeBeside{baseLevelSize: last.Size / 2, fold: true}
}

// actorsIntoTree writes again, unchanged, each actor record (a/) longer
// than threshold (the value threshold of the session that wrote it) and
// no longer than leadCopyThreshold, into db opened with the latter: the
// records leave the value log, where an ingest put them among the
// mentions, one page each, for Badger's tree, where they lie together.
// A query reads the records of every actor its rows name (577 for actor
// Russia on the 100 MB store, whose faults on value log pages were a
// tenth of its own; docs/benchmarks.md).
func actorsIntoTree(ctx context.Context, db *badger.DB, threshold int64) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	err := db.View(func(txn *badger.Txn) error {
		return eachValue(ctx, txn, []byte(actorPrefix), func(k, v []byte) error {
			if n := int64(len(v)); n <= threshold || n > leadCopyThreshold {
				return nil
			}
			return wb.Set(slices.Clone(k), slices.Clone(v))
		})
	})
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("actor records: %w", err)
	}
	return nil
}

// reopen opens the closed store with bo, calls fn and closes it again.
// When another process opened the store in between it does nothing:
// everything written is on disk, only the merge is missed, and a later
// writable close or compaction does it.
func (s *Store) reopen(bo badger.Options, fn func(*badger.DB) error) error {
	release, err := lockDir(s.dir, true)
	if errors.Is(err, ErrInUse) {
		return nil
	}
	if err != nil {
		return err
	}
	release()
	db, err := badger.Open(bo)
	if err != nil {
		return errors.New(oneLine(err))
	}
	err = fn(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// flattenLimit is the most the tables below level 0 may hold for the
// close of a large session to put them all in one level (flattenSmall).
const flattenLimit = 2 << 30

// flattenSmall puts every table of db in one level (Badger's Flatten)
// when they lie in more than one below level 0 and hold flattenLimit or
// less. A store past the base level's 256 MB (badgerOptions) holds its
// newer keys in the base level and its older ones in the level below, so
// every seek searched a table of each: on the 1 GB benchmark store (257
// and 285 MB in two levels) flattened, timeline Russia took 0.74 of the
// CPU, actor Russia 0.86; the flatten took 11 s (wall, at load 15), a few
// per cent of that store's ingest (docs/benchmarks.md). Past the limit, a
// flatten would rewrite the whole store at every large session.
func flattenSmall(db *badger.DB) error {
	levels, size := 0, int64(0)
	for _, l := range db.Levels() {
		if l.Level > 0 && l.NumTables > 0 {
			levels++
			size += l.Size
		}
	}
	if levels < 2 || size > flattenLimit {
		return nil
	}
	return db.Flatten(2)
}

// manyLevels reports whether a key of db may be in more than one large
// table: whether the tables outside its largest level hold more than
// 1/manyShare of what that level holds. A seek searches a table of every
// level (each table of level 0), a lookup skips those whose bloom filter
// lacks the key (store/view.go); small tables beside a large level (the
// one-article sessions' in level 0, about 10 KB each on the 100 MB
// benchmark store, and the level a merge after them puts them in) cost a
// seek a block or two each, while a lookup reads the bloom filter of every
// table it searches: actor Russia there with 39 tables in level 0, 2,300
// page faults with seeks against 3,050 with lookups (docs/benchmarks.md).
func manyLevels(db *badger.DB) bool {
	var largest, all int64
	for _, l := range db.Levels() {
		largest = max(largest, l.Size)
		all += l.Size
	}
	return all-largest > largest/manyShare
}

// manyShare: see manyLevels.
const manyShare = 8

// newestMemtable is the number of the newest memtable log in dir (Badger
// names them NNNNN.mem, numbered in the order it makes them: a new one
// each time a memtable fills, a session's first after the newest left
// by the last), or 0 without any. Between a writable open and its close
// the current memtable's log is there, so the difference is how many
// memtables the session filled: the level-0 tables it made, whether or
// not Badger compacted them since.
func newestMemtable(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	newest := 0
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".mem")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(name); err == nil && n > newest {
			newest = n
		}
	}
	return newest
}

// levelZeroTables is how many tables level 0 of db holds.
func levelZeroTables(db *badger.DB) int {
	for _, l := range db.Levels() {
		if l.Level == 0 {
			return l.NumTables
		}
	}
	return 0
}
