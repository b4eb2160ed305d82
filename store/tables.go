package store

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
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

// readTables opens the tables of the store in dir that the MANIFEST lists,
// read-only, and returns a *DamagedError naming the first that cannot be
// read. full reads every block and verifies its checksum (for Check);
// otherwise only each table's index is read, which Badger's open does too.
func readTables(dir string, listed map[uint64]badger.TableManifest, full bool) error {
	ids := make([]uint64, 0, len(listed))
	for id := range listed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := readTable(filepath.Join(dir, tableName(id)), listed[id].Compression, full); err != nil {
			return damaged(dir, "table %s: %v", tableName(id), err)
		}
	}
	return nil
}

// errTableSize is readTable's error for a table too short to hold an index.
var errTableSize = errors.New("too short to be a table")

// readTable opens one table with Badger's table code and closes it again
// (without Badger's DecrRef, which deletes the file).
func readTable(path string, compression options.CompressionType, full bool) (err error) {
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
