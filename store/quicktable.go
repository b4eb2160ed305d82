package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"sync"

	"github.com/dgraph-io/badger/v4/fb"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/proto"
)

// An open reads each table before Badger does only to catch what
// Badger's own open would panic on rather than report (see readTables):
// a table cut short (its footer points outside the file), whose index's
// checksum record names an algorithm Badger does not compute (it panics
// verifying the index with it), or whose last block is damaged (Badger
// reads that block at open for the table's largest key, unchecked). A
// damaged index is not among them: Badger
// verifies the index's checksum and returns an error, which the open
// then names by reading every table in full (recheckTables). So an open
// reads a table's footer, the first and last entries of its index and its
// last block (quickTable), not its whole index with its checksum, which
// Badger reads next anyway: on the 1 GB benchmark store, 80 tables with
// 16 MB of indexes (bloom filters and a key per 4 KB block), the
// checksums of the indexes, computed twice, were a third of a bare open's
// CPU (docs/benchmarks.md).

// errNotQuick is quickTable's for a table it leaves to readTable.
var errNotQuick = errors.New("not read quickly")

// quickTable checks, without the index's checksum, that Badger can open
// the table at path without panicking: a footer within the file, an
// index checksum of a known algorithm, an index
// whose last block ends where the index begins, and a last block that
// passes its checksum. ok is false when it cannot tell (the table is then
// read in full by readTable), also when format is not nil and the table
// may hold the format key (from its first key on).
func quickTable(path string, format *tableFormat) (ok bool) {
	d, done, err := mapRead(path)
	if err != nil {
		return false
	}
	defer done()
	return catch(func() error { return quickCheck(d, format) }) == nil
}

// mapRead maps the file at path read-only; done unmaps and closes it.
// Unlike Badger's z.MmapFile, whose Close syncs the mapping first (an
// fsync of the file: 60 of the 200 samples of quickTable in a profile
// of one-article forgets, docs/benchmarks.md), it only unmaps.
//
// A file of readWhole bytes or less (a small session's level-0 table:
// about 10 KB after a one-article ingest) is read into a pooled buffer
// instead, which done gives back: unmapping a file flushes the other
// processors' TLBs, which costs more than reading it.
func mapRead(path string) (d []byte, done func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil && fi.Size() == 0 {
		err = errTableSize
	}
	if err == nil && fi.Size() <= readWhole {
		defer f.Close()
		return readAll(f, int(fi.Size()))
	}
	if err == nil {
		d, err = z.Mmap(f, false, fi.Size())
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return d, func() { z.Munmap(d); f.Close() }, nil
}

// readWhole is the size up to which mapRead reads a file instead of
// mapping it (a variable for the tests, which check both ways).
var readWhole int64 = 256 << 10

// tableBuffers are mapRead's buffers for the files it reads.
var tableBuffers = sync.Pool{New: func() any { return new([]byte) }}

// readAll reads the n bytes of f into a buffer of tableBuffers, which
// done gives back.
func readAll(f *os.File, n int) (d []byte, done func(), err error) {
	b := tableBuffers.Get().(*[]byte)
	*b = slices.Grow((*b)[:0], n)[:n]
	if _, err := io.ReadFull(f, *b); err != nil {
		tableBuffers.Put(b)
		return nil, nil, err
	}
	return *b, func() { tableBuffers.Put(b) }, nil
}

// quickCheck is quickTable's check of a table's bytes d.
func quickCheck(d []byte, format *tableFormat) error {
	index, start, ok := tableIndex(d)
	if !ok || !indexChecksumKnown(d) {
		return errNotQuick
	}
	t := fb.GetRootAsTableIndex(index, 0)
	var first, last fb.BlockOffset
	n := t.OffsetsLength()
	if n < 1 || !t.Offsets(&first, 0) || !t.Offsets(&last, n-1) {
		return errNotQuick
	}
	off := int(last.Offset())
	if off < 0 || off+int(last.Len()) != start {
		return errNotQuick
	}
	if err := checkBlock(d[off:start]); err != nil {
		return err
	}
	if format == nil || bytes.Compare(y.ParseKey(first.KeyBytes()), []byte(formatKey)) > 0 {
		return nil
	}
	return findFormat(d, t, format)
}

// findFormat keeps in f the newest version of the format key in the
// table d with index t, if newer than what f holds, as tableFormat.find
// does with Badger's table iterator (which reads the whole index with
// its checksum first): the key's first version is in the last block
// whose first key is not after it, or first in the block after that
// one. Each block it reads must pass its checksum; errNotQuick leaves
// the table to readTable.
func findFormat(d []byte, t *fb.TableIndex, f *tableFormat) error {
	seek := y.KeyWithTs([]byte(formatKey), math.MaxUint64)
	var bo fb.BlockOffset
	n := t.OffsetsLength()
	// the first block whose first key is after seek
	i := sort.Search(n, func(i int) bool {
		return t.Offsets(&bo, i) && y.CompareKeys(bo.KeyBytes(), seek) > 0
	})
	for i = max(i-1, 0); i < n; i++ {
		if !t.Offsets(&bo, i) {
			return errNotQuick
		}
		off, end := int(bo.Offset()), int(bo.Offset())+int(bo.Len())
		if off < 0 || end > len(d) || off >= end {
			return errNotQuick
		}
		key, v, found, err := seekBlock(d[off:end], seek)
		if err != nil {
			return err
		}
		if !found {
			continue // every key of the block is before seek
		}
		if !bytes.Equal(y.ParseKey(key), []byte(formatKey)) {
			return nil
		}
		version := y.ParseTs(key)
		if f.seen && version <= f.version {
			return nil
		}
		f.seen, f.version, f.value = true, version, nil
		if v.Meta&notPlainValue == 0 {
			f.value = slices.Clone(v.Value)
		}
		return nil
	}
	return nil
}

// seekBlock returns the first entry of block b (a table's block, laid out
// as Badger's table.Builder writes it: entries, their offsets, their
// count, a checksum and its length) whose key is not before seek; found
// is false when there is none. The block must pass its checksum.
func seekBlock(b []byte, seek []byte) (key []byte, v y.ValueStruct, found bool, err error) {
	if err := checkBlock(b); err != nil {
		return nil, v, false, err
	}
	pos := len(b) - 4
	pos -= int(y.BytesToU32(b[pos:])) + 4 // the checksum, then the count
	count := int(y.BytesToU32(b[pos:]))
	entries := pos - 4*count // where the entries end and their offsets begin
	var base []byte
	for j := range count {
		// the offsets and each entry's header (its key's overlap with
		// the block's first key, the length of the rest) are in the
		// machine's byte order, as Badger writes them
		start := int(binary.NativeEndian.Uint32(b[entries+4*j:]))
		end := entries
		if j+1 < count {
			end = int(binary.NativeEndian.Uint32(b[entries+4*(j+1):]))
		}
		if start+4 > end || end > entries {
			return nil, v, false, errNotQuick
		}
		overlap, diff := int(binary.NativeEndian.Uint16(b[start:])), int(binary.NativeEndian.Uint16(b[start+2:]))
		if overlap > len(base) || start+4+diff+2 > end {
			return nil, v, false, errNotQuick
		}
		key = append(slices.Clip(base[:overlap]), b[start+4:start+4+diff]...)
		if j == 0 {
			base = key
		}
		if y.CompareKeys(key, seek) >= 0 {
			v.Decode(b[start+4+diff : end])
			return key, v, true, nil
		}
	}
	return nil, v, false, nil
}

// tableIndex is the index of the table d, by its footer (index, its
// length, checksum, checksum length), and where it starts; ok is false
// when the footer points outside d.
func tableIndex(d []byte) (index []byte, start int, ok bool) {
	n := len(d)
	if n < 8 {
		return nil, 0, false
	}
	chk := int(y.BytesToU32(d[n-4:]))
	if chk > n-8 {
		return nil, 0, false
	}
	end := n - 8 - chk
	size := int(y.BytesToU32(d[end : end+4]))
	if size > end {
		return nil, 0, false
	}
	return d[end-size : end], end - size, true
}

// indexChecksumKnown reports whether the checksum record of the table
// d's index (whose footer tableIndex found within d) parses and names an
// algorithm Badger computes: Badger's open verifies the index with it
// and panics, on a goroutine of its own, on any other algorithm
// (y.CalculateChecksum), rather than returning an error.
func indexChecksumKnown(d []byte) bool {
	n := len(d)
	chk := int(y.BytesToU32(d[n-4:]))
	var sum pb.Checksum
	if err := proto.Unmarshal(d[n-4-chk:n-4], &sum); err != nil {
		return false
	}
	return sum.Algo == pb.Checksum_CRC32C || sum.Algo == pb.Checksum_XXHash64
}

// checkBlock verifies a block's checksum: the block is its entries, their
// offsets, their count, the checksum and its length.
func checkBlock(b []byte) error {
	if len(b) < 8 {
		return errNotQuick
	}
	pos := len(b) - 4
	chk := int(y.BytesToU32(b[pos:]))
	if chk > pos-4 {
		return errNotQuick
	}
	pos -= chk
	var sum pb.Checksum
	if err := proto.Unmarshal(b[pos:pos+chk], &sum); err != nil {
		return errNotQuick
	}
	if entries := int(y.BytesToU32(b[pos-4 : pos])); entries*4 > pos-4 {
		return errNotQuick
	}
	return y.VerifyChecksum(b[:pos], &sum)
}
