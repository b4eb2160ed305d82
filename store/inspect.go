package store

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// ErrDamaged is wrapped by the error of Open, Check and the reads of a
// store whose files are damaged: a MANIFEST that lost tables, a cut or
// corrupted table or value log. Open finds such damage before Badger
// touches a file (inspect, checkLogTails), because Badger's own recovery
// on open deletes the tables its MANIFEST does not list and cuts a value
// log at its first bad entry.
var ErrDamaged = errors.New("damaged")

// DamagedError says which store is damaged and where. Its message is one
// line: "store DIR is damaged (WHERE): run geokg check".
type DamagedError struct {
	Dir   string
	Where string // the file and what is wrong with it, e.g. "table 000003.sst: ..."
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("store %s is damaged (%s): run geokg check", e.Dir, e.Where)
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// corruptError marks the error of a key or value geokg wrote that no
// longer decodes: a sign of a damaged store (or of a value log whose
// checksum failed, which Badger reads as an empty value). Store.view turns
// it into a *DamagedError.
type corruptError struct{ err error }

func (e corruptError) Error() string { return e.err.Error() }
func (e corruptError) Unwrap() error { return e.err }

func corrupt(err error) error { return corruptError{err} }

func damaged(dir, format string, args ...any) error {
	return &DamagedError{Dir: dir, Where: fmt.Sprintf(format, args...)}
}

// layout is what inspect found in a store's folder.
type layout struct {
	listed  map[uint64]badger.TableManifest // tables the MANIFEST lists
	orphans []uint64                        // tables it does not list, newer than every listed one
	maxVlog string                          // the value log file Badger appends to (and cuts on a writable open)
	mems    []string                        // memtable logs, which Badger replays (and cuts) on open
	// format is the format key as the tables hold it (tableFormat).
	format tableFormat
	// emptyLog is true when a log file has 0 bytes: a kill between
	// Badger creating it and sizing it, after which Badger's first open
	// fails and its second succeeds (dgraph-io/badger#2207).
	emptyLog bool
}

// levelZero is how many tables the MANIFEST lists in level 0.
func (l layout) levelZero() int {
	n := 0
	for _, t := range l.listed {
		if t.Level == 0 {
			n++
		}
	}
	return n
}

// clean reports whether a read-only Badger open of the folder changes
// nothing in it: Badger deletes tables its MANIFEST does not list even
// when it opens read-only.
func (l layout) clean() bool { return len(l.orphans) == 0 && !l.emptyLog }

// inspect reads the folder of the store in dir, without Badger, and
// returns a *DamagedError when Badger opening it would lose data: a
// MANIFEST that cannot be read, is cut off or lists no table, or a table
// it lists that is missing or that Badger could not read (see
// matchTables and quickTable). With format, it also reads the format key
// from the tables (layout.format), which only a writable open uses.
func inspect(dir string, format bool) (layout, error) {
	l := layout{listed: map[uint64]badger.TableManifest{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return l, fmt.Errorf("store: open %s: %w", dir, err)
	}
	if err := readManifest(dir, l.listed); err != nil {
		return l, err
	}
	var tables []uint64
	maxVlog := -1
	for _, e := range entries {
		name := e.Name()
		switch ext := filepath.Ext(name); ext {
		case ".sst":
			if id, err := strconv.ParseUint(strings.TrimSuffix(name, ext), 10, 64); err == nil {
				tables = append(tables, id)
			}
		case ".vlog":
			if id, err := strconv.Atoi(strings.TrimSuffix(name, ext)); err == nil && id > maxVlog {
				maxVlog, l.maxVlog = id, name
			}
			l.emptyLog = l.emptyLog || isEmpty(e)
		case ".mem":
			l.mems = append(l.mems, name)
			l.emptyLog = l.emptyLog || isEmpty(e)
		}
	}
	if err := l.matchTables(dir, tables); err != nil {
		return l, err
	}
	f := &l.format
	if !format {
		f = nil
	}
	return l, readTables(dir, l.listed, quickRead, f)
}

// matchTables compares the tables in the folder with those the MANIFEST
// lists. A table it does not list is what a kill leaves between Badger
// writing a table (a flush's or a compaction's, whose numbers interleave)
// and recording it, which Badger's open deletes: it is kept in orphans,
// for readCopy. A MANIFEST that lists no table while the folder holds
// some is damaged: a geokg store always has one (its format key), and a
// compaction records its new tables before it deletes the old ones.
// (A MANIFEST cut exactly between two of its records cannot be told from
// one a kill stopped; when the record lost deleted tables, the tables it
// still lists are missing, which is damage.)
func (l *layout) matchTables(dir string, tables []uint64) error {
	for id := range l.listed {
		if !slices.Contains(tables, id) {
			return damaged(dir, "table %s is listed in the MANIFEST but missing", tableName(id))
		}
	}
	slices.Sort(tables)
	for _, id := range tables {
		_, listed := l.listed[id]
		switch {
		case listed:
		case len(l.listed) == 0:
			return damaged(dir, "the MANIFEST lists no table, the folder holds %s", tableName(id))
		default:
			l.orphans = append(l.orphans, id)
		}
	}
	return nil
}

// readManifest reads the tables the MANIFEST lists into listed.
func readManifest(dir string, listed map[uint64]badger.TableManifest) error {
	f, err := os.Open(filepath.Join(dir, "MANIFEST"))
	if err != nil {
		return fmt.Errorf("store: open %s: %w", dir, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: open %s: %w", dir, err)
	}
	m, end, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions(dir).WithLogger(nil))
	switch {
	case err != nil:
		return damaged(dir, "MANIFEST: %v", oneLine(err))
	case end < fi.Size():
		// Badger appends each change with one write and fsync: only a
		// damaged file ends in the middle of one.
		return damaged(dir, "MANIFEST is cut off: %d of its %d bytes are readable", end, fi.Size())
	}
	maps.Copy(listed, m.Tables)
	return nil
}

func isEmpty(e os.DirEntry) bool {
	fi, err := e.Info()
	return err == nil && fi.Size() == 0
}

func tableName(id uint64) string { return fmt.Sprintf("%06d.sst", id) }

// oneLine keeps the first line of err's message: some of Badger's errors
// span several.
func oneLine(err error) string { return firstLine(err.Error()) }
