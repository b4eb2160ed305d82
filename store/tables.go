package store

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2/z"
)

// Badger panics on a table cut short or corrupted (slice bounds out of
// range) instead of returning an error, and it opens tables on goroutines
// of its own, where geokg cannot recover the panic. So Open reads each
// table's index itself first, with Badger's own table code (table.OpenTable)
// on its own goroutine, and Check reads every block of every table.

// How readTables reads each table.
type tableRead int

const (
	quickRead tableRead = iota // what Badger's open would panic on (quickTable), else as indexRead
	indexRead                  // the index and its checksum, the first and last blocks
	fullRead                   // every block and its checksum (for Check)
)

// readTables opens the tables of the store in dir that the MANIFEST lists,
// read-only, and returns a *DamagedError naming the first that cannot be
// read as how asks.
//
// If format is not nil, the newest version of the format key in the
// tables is kept in it, read while each table is open anyway.
func readTables(dir string, listed map[uint64]badger.TableManifest, how tableRead, format *tableFormat) error {
	ids := make([]uint64, 0, len(listed))
	for id := range listed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		path := filepath.Join(dir, tableName(id))
		if how == quickRead && listed[id].Compression == options.None && quickTable(path, format) {
			continue
		}
		if err := readTable(path, listed[id].Compression, how == fullRead, format); err != nil {
			return damaged(dir, "table %s: %v", tableName(id), err)
		}
	}
	return nil
}

// recheckTables follows a Badger open that failed after inspect read the
// tables quickly: a *DamagedError naming a table whose index does not
// pass its checksum, or nil.
func recheckTables(dir string, l layout) error {
	return readTables(dir, l.listed, indexRead, nil)
}

// tableFormat is the format key as the tables hold it: the value of its
// newest version. A writable open that finds a format it knows there, in
// a store whose logs hold nothing to replay, needs no read-only Badger
// open first to see that the store is geokg's (openWrite): that open read
// every table's index a second time, and was about a tenth of a "geokg
// forget".
type tableFormat struct {
	version uint64 // Badger's version of the newest entry seen
	value   []byte // its value; nil if it is not a plain value
	seen    bool
	// unreadable is set when a table's block holding the key could not
	// be read: then the tables do not say.
	unreadable bool
}

// Badger's meta bits (on disk, in each entry of a table) of an entry that
// is not a plain value: a deletion, a pointer into the value log, a merge.
const notPlainValue = 1<<0 | 1<<1 | 1<<3

// find keeps the newest version of the format key in t, if newer than
// what f holds.
func (f *tableFormat) find(t *table.Table) {
	key := []byte(formatKey)
	if bytes.Compare(key, y.ParseKey(t.Smallest())) < 0 || bytes.Compare(key, y.ParseKey(t.Biggest())) > 0 {
		return
	}
	it := t.NewIterator(0)
	defer it.Close()
	it.Seek(y.KeyWithTs(key, math.MaxUint64))
	if !it.Valid() || !bytes.Equal(y.ParseKey(it.Key()), key) {
		return
	}
	version := y.ParseTs(it.Key())
	if f.seen && version <= f.version {
		return
	}
	f.seen, f.version, f.value = true, version, nil
	if v := it.Value(); v.Meta&notPlainValue == 0 {
		f.value = slices.Clone(v.Value)
	}
}

// known returns the format the tables say, if it is one this geokg
// opens for writing.
func (f *tableFormat) known() bool {
	if !f.seen || f.value == nil || f.unreadable {
		return false
	}
	v, err := strconv.Atoi(string(f.value))
	return err == nil && v >= 1 && v <= FormatVersion
}

// errTableSize is readTable's error for a table too short to hold an index.
var errTableSize = errors.New("too short to be a table")

// readTable opens one table with Badger's table code and closes it again
// (without Badger's DecrRef, which deletes the file).
func readTable(path string, compression options.CompressionType, full bool, format *tableFormat) (err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() < 8 {
		return errTableSize
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := mf.Close(-1); err == nil {
			err = cerr
		}
	}()
	// Verification is asked for separately: OpenTable closes mf when
	// it fails, but not always.
	var t *table.Table
	err = catch(func() (err error) {
		t, err = table.OpenTable(mf, table.Options{ReadOnly: true, ChkMode: options.NoVerification, Compression: compression, BlockSize: 4 << 10})
		return err
	})
	if err != nil {
		return errTableIndex
	}
	if full && catch(t.VerifyChecksum) != nil {
		return errTableBlock
	}
	if format != nil && catch(func() error { format.find(t); return nil }) != nil {
		format.unreadable = true // left to Badger's reading of it (openWrite)
	}
	return nil
}

var (
	errTableIndex = errors.New("its index cannot be read (cut short or corrupted)")
	errTableBlock = errors.New("a block fails its checksum")
)

// firstLine is the first non-empty line of s.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return s
}

// rewriteTable writes into dst the entries of the table at src whose
// blocks pass their checksums, in order, and returns how many blocks of
// how many were left out. Badger's table iterator is used block by block
// (each block's first key is in the table's index, KeySplits), so that a
// damaged block costs its own entries only.
func rewriteTable(src, dst string, compression options.CompressionType) (bad, blocks int, err error) {
	mf, err := z.OpenMmapFile(src, os.O_RDONLY, 0)
	if err != nil {
		return 0, 0, err
	}
	defer mf.Close(-1)
	opts := table.Options{ReadOnly: true, ChkMode: options.OnBlockRead, Compression: compression, BlockSize: 4 << 10}
	var t *table.Table
	if err := catch(func() (err error) { t, err = table.OpenTable(mf, opts); return err }); err != nil {
		return 0, 0, errTableIndex
	}
	var bases []string
	if err := catch(func() error { bases = t.KeySplits(math.MaxInt32, nil); return nil }); err != nil {
		return 0, 0, errTableIndex
	}
	size := uint64(len(mf.Data)) + 1<<20
	b := table.NewTableBuilder(table.Options{TableSize: size, BlockSize: 4 << 10, BloomFalsePositive: 0.01,
		Compression: options.None, AllocPool: z.NewAllocatorPool(1)})
	defer b.Close()
	it := t.NewIterator(0)
	defer it.Close()
	for i, base := range bases {
		var end []byte
		if i+1 < len(bases) {
			end = []byte(bases[i+1])
		}
		n := 0
		err := catch(func() error {
			for it.Seek([]byte(base)); it.Valid(); it.Next() {
				if end != nil && y.CompareKeys(it.Key(), end) >= 0 {
					break
				}
				b.Add(y.Copy(it.Key()), it.ValueCopy(), 0)
				n++
			}
			return nil
		})
		if err != nil || n == 0 {
			bad++
		}
	}
	if b.Empty() {
		return bad, len(bases), nil
	}
	nt, err := table.CreateTable(dst, b)
	if err != nil {
		return bad, len(bases), err
	}
	return bad, len(bases), nt.MmapFile.Close(-1)
}
