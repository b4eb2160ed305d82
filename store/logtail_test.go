package store

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/ristretto/v2/z"
)

// FuzzDamagedAt gives the log checker arbitrary files: it must not panic,
// and a file it calls damaged must have a bad entry inside it.
func FuzzDamagedAt(f *testing.F) {
	f.Add(make([]byte, 64))
	f.Add(append(make([]byte, vlogHeaderSize), 0x40, 0, 4, 2, 0, 'k', 'e', 'y', '1', 'v', 'v', 1, 2, 3, 4))
	f.Add(append(make([]byte, vlogHeaderSize), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "000001.vlog")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		at, err := damagedAt(path)
		if err != nil {
			t.Fatal(err)
		}
		if at >= int64(len(data)) || (at >= 0 && at < vlogHeaderSize) {
			t.Errorf("damaged at %d in a file of %d bytes", at, len(data))
		}
	})
}

// logEntryBytes encodes an entry as Badger's logFile.encodeEntry does.
func logEntryBytes(meta byte, key, value []byte) []byte {
	b := []byte{meta, 0}
	b = binary.AppendUvarint(b, uint64(len(key)))
	b = binary.AppendUvarint(b, uint64(len(value)))
	b = binary.AppendUvarint(b, 0)
	b = append(append(b, key...), value...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// txnBytes encodes a transaction of ts writing keys, as Badger does: its
// entries flagged bitTxn, then a bitFinTxn entry holding ts.
func txnBytes(ts uint64, keys ...string) []byte {
	var b []byte
	for _, k := range keys {
		key := binary.BigEndian.AppendUint64([]byte(k), math.MaxUint64-ts)
		b = append(b, logEntryBytes(bitTxn, key, []byte("value of "+k))...)
	}
	fin := binary.BigEndian.AppendUint64([]byte("!badger!txn"), math.MaxUint64-ts)
	return append(b, logEntryBytes(bitFinTxn, fin, []byte(strconv.FormatUint(ts, 10)))...)
}

// TestDamagedAt tells what a kill leaves at the end of a log from damage:
// a kill -9 during a large ingest left an entry with a zero header and
// its key copied (Go copies large blocks tail first), which the first
// version of the check took for damage.
func TestDamagedAt(t *testing.T) {
	header := make([]byte, vlogHeaderSize)
	clean := slices.Concat(header, txnBytes(1, "a/IRN", "d/x1"), txnBytes(2, "a/RUS"))
	inFlight := logEntryBytes(bitTxn, []byte("d/x2\x00\x00\x00\x00\x00\x00\x00\x03"), []byte(strings.Repeat("v", 300)))
	copiedTailFirst := slices.Concat(make([]byte, 6), inFlight[6:len(inFlight)-40])
	unfinished := txnBytes(3, "a/UKR", "d/x3")
	unfinished = unfinished[:len(unfinished)-len(logEntryBytes(bitFinTxn, []byte("!badger!txn12345678"), []byte("3")))]
	damagedTxn := txnBytes(3, "a/UKR", "d/x3")
	damagedTxn[10] ^= 0xff
	zeros := make([]byte, 4096)
	for _, tc := range []struct {
		name string
		log  []byte
		at   int // -1: no damage
	}{
		{"closed", clean, -1},
		{"killed between transactions", slices.Concat(clean, zeros), -1},
		{"killed in a transaction", slices.Concat(clean, unfinished, zeros), -1},
		{"killed while copying an entry", slices.Concat(clean, unfinished, copiedTailFirst, zeros), -1},
		{"killed while copying a header", slices.Concat(clean, inFlight[:3], zeros), -1},
		{"damaged, then a transaction", slices.Concat(clean, damagedTxn, txnBytes(4, "a/BLR"), zeros), len(clean)},
		{"damaged, closed", slices.Concat(clean, damagedTxn, txnBytes(4, "a/BLR")), len(clean)},
	} {
		path := filepath.Join(t.TempDir(), "000002.vlog")
		if err := os.WriteFile(path, tc.log, 0o600); err != nil {
			t.Fatal(err)
		}
		if at, err := damagedAt(path); err != nil || at != int64(tc.at) {
			t.Errorf("%s: damagedAt = %d, %v; want %d", tc.name, at, err, tc.at)
		}
	}
}

// TestMappedTailCut maps a log, cuts the file under the mapping (as
// Badger removes a memtable log it has flushed while Check reads the
// store's logs) and checks that reading it gives "a log being written",
// not a crash of the program (SIGBUS).
func TestMappedTailCut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "000001.mem")
	data := bytes.Repeat([]byte{0xA5}, 1<<20)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close(-1)
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	if at, err := mappedTail(mf.Data); at != -1 || err != nil {
		t.Errorf("mappedTail of a cut log = %d, %v; want -1, nil", at, err)
	}
}

// TestDamagedAtRemovedLog: a memtable log Badger removed after Check
// listed the folder (it had flushed it) is no damage, not an error.
func TestDamagedAtRemovedLog(t *testing.T) {
	at, err := damagedAt(filepath.Join(t.TempDir(), "00002.mem"))
	if err != nil || at != -1 {
		t.Fatalf("damagedAt of a removed log = %d, %v; want -1, nil", at, err)
	}
}
