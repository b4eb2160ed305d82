package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"

	"github.com/dgraph-io/ristretto/v2/z"
)

// A writable Badger open replays the memtable logs (*.mem) and the last
// value log, and cuts each at the end of its last whole transaction: after
// a kill, that drops the transaction being written, as it should. But it
// cuts a log damaged in the middle just the same, and then every value
// after the damage is gone (issue 14 item 1: 16 bad bytes in the middle of
// a value log lost half of it). checkLogTails tells the two apart before
// a writable open: what a kill leaves after the last whole transaction is
// whole entries of the unfinished one, at most one entry cut short, and
// then zeros (Badger sizes its log files up front), never more data.
//
// An entry, as Badger writes it (badger/v4 logFile.encodeEntry): a header
// (meta and user meta bytes, then key length, value length and expiry as
// uvarints), the key, the value, and a big-endian CRC-32C of all that.
// Entries of a transaction have bitTxn in meta; the transaction ends with
// an entry with bitFinTxn whose value is its timestamp in decimal.

const (
	bitTxn        = 1 << 6
	bitFinTxn     = 1 << 7
	maxHeaderSize = 22 // 2 bytes and three uvarints (badger's maxHeaderSize)
	maxKeySize    = 1 << 16
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkLogTails checks the logs a writable open of the store in dir
// would cut (see above) and returns a *DamagedError naming the first one
// damaged.
func checkLogTails(dir string, l layout) error {
	logs := append([]string(nil), l.mems...)
	if l.maxVlog != "" {
		logs = append(logs, l.maxVlog)
	}
	for _, name := range logs {
		at, err := damagedAt(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("store: open %s: %w", dir, err)
		}
		if at >= 0 {
			return damaged(dir, "%s: a bad entry at byte %d, with data after it", name, at)
		}
	}
	return nil
}

// logEntry is what damagedAt needs of an entry.
type logEntry struct {
	meta    byte
	key     []byte
	value   []byte
	zero    bool // all of its header is zero: the end of what was written
	end     int  // offset after it (claimed by its header when bad)
	crcGood bool
}

var errBadHeader = errors.New("bad entry header")

// entryAt reads the entry at offset off of a log's bytes. io.EOF means the
// log ends within its header or right at it; errBadHeader, a header that
// cannot be Badger's (or claims more bytes than the log holds).
func entryAt(data []byte, off int) (logEntry, error) {
	if off+2 > len(data) {
		return logEntry{}, io.EOF
	}
	e := logEntry{meta: data[off]}
	p := off + 2
	var fields [3]uint64
	for i := range fields {
		v, n := binary.Uvarint(data[p:])
		switch {
		case n == 0:
			return e, io.EOF
		case n < 0:
			return e, errBadHeader
		}
		fields[i], p = v, p+n
	}
	klen, vlen := fields[0], fields[1]
	if e.zero = data[off] == 0 && data[off+1] == 0 && fields == [3]uint64{}; e.zero {
		return e, nil
	}
	if klen > maxKeySize || vlen > uint64(len(data)) {
		return e, errBadHeader
	}
	e.end = p + int(klen) + int(vlen) + crc32.Size
	if e.end > len(data) {
		return e, errBadHeader
	}
	e.key, e.value = data[p:p+int(klen)], data[p+int(klen):e.end-crc32.Size]
	e.crcGood = binary.BigEndian.Uint32(data[e.end-crc32.Size:e.end]) == crc32.Checksum(data[off:e.end-crc32.Size], castagnoli)
	return e, nil
}

// damagedAt returns -1 when the log file at path ends as a log Badger
// wrote (closed, or killed while writing), else the offset of the first
// entry after Badger's cut with data after it. The file is mapped, not
// read: a value log is up to 64 MB (128 MB after a kill, mostly zeros).
//
// Check reads the logs of a store this process may have open for writing,
// where Badger may cut or remove a memtable log once it has flushed it. A
// log removed since the folder was listed is one Badger was done with (-1).
// A log cut while mapped faults when read past its new end (SIGBUS), which
// is turned into a panic and caught, and the log is taken for one Badger
// was writing (-1), as it was.
func damagedAt(path string) (at int64, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return -1, nil // removed by Badger once flushed, since it was listed
	}
	if err != nil {
		return 0, err
	}
	if fi.Size() <= vlogHeaderSize {
		return -1, nil // new, or left empty by a kill (layout.emptyLog)
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	defer mf.Close(-1)
	return mappedTail(mf.Data)
}

// mappedTail is damagedAt for the log mapped at data.
func mappedTail(data []byte) (at int64, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = catch(func() error { at = tailDamage(data, replayEnd(data)); return nil })
	var p panicError
	if errors.As(err, &p) {
		if _, fault := p.value.(interface{ Addr() uintptr }); fault {
			return -1, nil
		}
	}
	return at, err
}

// replayEnd reads whole transactions as Badger's replay does
// (badger/v4 logFile.iterate) and returns the offset after the last one:
// where a writable open cuts the file.
func replayEnd(data []byte) int {
	end, off := vlogHeaderSize, vlogHeaderSize
	var txn uint64 // the open transaction's timestamp, 0 if none
	for {
		e, err := entryAt(data, off)
		if err != nil || e.zero || !e.crcGood {
			return end
		}
		off = e.end
		switch {
		case e.meta&bitTxn != 0:
			ts := keyTs(e.key)
			if txn != 0 && ts != txn {
				return end
			}
			txn = ts
		case e.meta&bitFinTxn != 0:
			ts, perr := strconv.ParseUint(string(e.value), 10, 64)
			if perr != nil || ts != txn {
				return end
			}
			txn, end = 0, off
		default:
			if txn != 0 {
				return end
			}
			end = off
		}
	}
}

// keyTs is the timestamp Badger appends to a key (math.MaxUint64 minus
// it, big-endian, in the last 8 bytes).
func keyTs(key []byte) uint64 {
	if len(key) < 8 {
		return 0
	}
	return math.MaxUint64 - binary.BigEndian.Uint64(key[len(key)-8:])
}

// tailDamage reads the log again from end, where Badger's replay stops,
// and returns the offset of the first entry that is not whole if whole
// entries follow it (data Badger would cut), else -1. A clean close
// leaves nothing after end; a kill leaves whole entries of the unfinished
// transaction, then at most the one entry being copied when the process
// died, in any state (Go copies large blocks tail first: its header may
// still be zero while its key is there), then zeros. Entries are copied
// one after the other, so none whole follows one cut short; damage is
// followed by the entries that were written after it.
func tailDamage(data []byte, end int) int64 {
	off := end
	for {
		e, err := entryAt(data, off)
		if err != nil || e.zero || !e.crcGood {
			break
		}
		off = e.end
	}
	last := len(data) - 1 // the last byte that is not zero
	for last >= off && data[last] == 0 {
		last--
	}
	for at := off + 1; at <= last; at++ {
		if e, err := entryAt(data, at); err == nil && !e.zero && e.crcGood {
			return int64(off)
		}
	}
	return -1
}
