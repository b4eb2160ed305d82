package store

import (
	"bytes"
	"errors"
	"os"

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
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer mf.Close(-1)
	return catch(func() error { return quickCheck(mf.Data, format != nil) }) == nil
}

// quickCheck is quickTable's check of a table's bytes d.
func quickCheck(d []byte, format bool) error {
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
	if format && bytes.Compare(y.ParseKey(first.KeyBytes()), []byte(formatKey)) <= 0 {
		return errNotQuick // readTable looks for the format key in it
	}
	off := int(last.Offset())
	if off < 0 || off+int(last.Len()) != start {
		return errNotQuick
	}
	return checkBlock(d[off:start])
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
