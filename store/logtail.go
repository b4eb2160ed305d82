package store

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
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
	zero    bool  // all of its header is zero: the end of what was written
	end     int64 // offset after it (claimed by its header when bad)
	crcGood bool
}

// logScanner reads entries from a log file.
type logScanner struct {
	r    *bufio.Reader
	off  int64
	size int64
}

// next reads the entry at s.off. io.EOF means the file ends within it or
// right at it; errBadHeader, a header that cannot be Badger's.
func (s *logScanner) next() (logEntry, error) {
	h := crc32.New(castagnoli)
	tee := io.TeeReader(s, h)
	var meta [2]byte
	if _, err := io.ReadFull(tee, meta[:]); err != nil {
		return logEntry{}, io.EOF
	}
	br := byteReader{tee}
	klen, err1 := binary.ReadUvarint(br)
	vlen, err2 := binary.ReadUvarint(br)
	exp, err3 := binary.ReadUvarint(br)
	if err := errors.Join(err1, err2, err3); err != nil {
		if s.off >= s.size {
			return logEntry{}, io.EOF
		}
		return logEntry{}, errBadHeader
	}
	e := logEntry{meta: meta[0], zero: meta == [2]byte{} && klen == 0 && vlen == 0 && exp == 0}
	if e.zero {
		return e, nil
	}
	e.end = s.off + int64(klen) + int64(vlen) + crc32.Size
	if klen > maxKeySize || vlen > math.MaxUint32 || e.end > s.size {
		return e, errBadHeader
	}
	buf := make([]byte, klen+vlen)
	if _, err := io.ReadFull(tee, buf); err != nil {
		return e, io.EOF
	}
	var sum [crc32.Size]byte
	if _, err := io.ReadFull(s, sum[:]); err != nil {
		return e, io.EOF
	}
	e.key, e.value = buf[:klen], buf[klen:]
	e.crcGood = binary.BigEndian.Uint32(sum[:]) == h.Sum32()
	return e, nil
}

func (s *logScanner) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.off += int64(n)
	return n, err
}

type byteReader struct{ io.Reader }

func (b byteReader) ReadByte() (byte, error) {
	var c [1]byte
	_, err := io.ReadFull(b.Reader, c[:])
	return c[0], err
}

var errBadHeader = errors.New("bad entry header")

// damagedAt returns -1 when the log file at path ends as a log Badger
// wrote (closed, or killed while writing), else the offset of the first
// entry after Badger's cut with data after it.
func damagedAt(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if fi.Size() <= vlogHeaderSize {
		return -1, nil // new, or left empty by a kill (layout.emptyLog)
	}
	s, err := scanFrom(f, vlogHeaderSize, fi.Size())
	if err != nil {
		return 0, err
	}
	return tailDamage(f, fi.Size(), replayEnd(s))
}

// scanFrom returns a scanner of f's entries from offset off.
func scanFrom(f *os.File, off, size int64) (*logScanner, error) {
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, err
	}
	return &logScanner{r: bufio.NewReaderSize(f, 1<<20), off: off, size: size}, nil
}

// replayEnd reads whole transactions as Badger's replay does
// (badger/v4 logFile.iterate) and returns the offset after the last one:
// where a writable open cuts the file.
func replayEnd(s *logScanner) int64 {
	end := s.off
	var txn uint64 // the open transaction's timestamp, 0 if none
	for {
		e, err := s.next()
		if err != nil || e.zero || !e.crcGood {
			return end
		}
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
			txn, end = 0, s.off
		default:
			if txn != 0 {
				return end
			}
			end = s.off
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

// tailDamage reads f again from end, where Badger's replay stops. A kill
// leaves whole entries (of the unfinished transaction), then the end of
// the file or zeros, possibly after one entry or header cut short; a
// clean close leaves nothing after end. Anything else after end is data
// Badger would cut: tailDamage returns the offset of the first entry that
// is not whole, else -1.
func tailDamage(f *os.File, size, end int64) (int64, error) {
	s, err := scanFrom(f, end, size)
	if err != nil {
		return 0, err
	}
	for {
		at := s.off
		e, err := s.next()
		var zerosFrom int64
		switch {
		case errors.Is(err, io.EOF):
			return -1, nil
		case errors.Is(err, errBadHeader):
			zerosFrom = at + maxHeaderSize // a header cut short
		case e.zero:
			zerosFrom = at
		case !e.crcGood && e.end < size:
			zerosFrom = e.end // an entry cut short: zeros where the rest should be
		case !e.crcGood:
			return at, nil // a bad last entry: a kill leaves zeros after it
		default:
			continue
		}
		if zerosFrom >= size {
			return -1, nil
		}
		zero, err := zerosAfter(f, zerosFrom)
		if err != nil || zero {
			return -1, err
		}
		return at, nil
	}
}

// zerosAfter reports whether f holds only zero bytes from off on.
func zerosAfter(f *os.File, off int64) (bool, error) {
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return false, err
	}
	buf, zero := make([]byte, 1<<20), make([]byte, 1<<20)
	for {
		n, err := f.Read(buf)
		if !bytes.Equal(buf[:n], zero[:n]) {
			return false, nil
		}
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}
