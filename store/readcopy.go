package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// A store that was not closed cleanly (a killed ingest) cannot be opened
// read-only by Badger, which would have to replay and cut its logs, and a
// read-only Badger open deletes the tables a kill left unrecorded. So a
// read-only open of such a store reads a copy of it instead: Badger
// recovers the copy, the store itself is not written. Files Badger only
// reads (tables, with compactions off, and the value logs but the last)
// are hard links; the others (MANIFEST, memtable logs, the last value log,
// which Badger cuts, and empty value logs, which Badger empties before it
// deletes them, through the link) are copied, so the copy costs about one
// value log file (64 MB at most) and the memtable logs. A table the
// MANIFEST does not list is removed by name (os.Remove), which leaves the
// store's link alone. The copy is removed when the store closes.

// readCopy opens a recovered copy of the store in dir, holding the
// store's lock (shared) while the copy is open, and returns the copy's
// folder. A copy Badger cannot open means a damaged store.
func readCopy(dir string, l layout, bo badger.Options) (db *badger.DB, tmp string, release func(), err error) {
	release, err = lockDir(dir, false)
	if err != nil {
		return nil, "", nil, err
	}
	defer func() {
		if err != nil {
			release()
			if tmp != "" {
				os.RemoveAll(tmp)
			}
		}
	}()
	// an error return keeps tmp and release for the deferred clean-up
	if tmp, err = copyStore(dir, l); err != nil {
		return nil, tmp, release, fmt.Errorf("store: open %s: reading a copy of a store that was not closed cleanly: %w", dir, err)
	}
	if err = checkSpace(tmp, writeRoom); err != nil { // Badger recovers the copy by writing to it
		return nil, tmp, release, fmt.Errorf("store: open %s: reading a copy of a store that was not closed cleanly: %w", dir, err)
	}
	bo.Dir, bo.ValueDir = tmp, tmp
	bo = bo.WithReadOnly(false).WithNumCompactors(0).WithCompactL0OnClose(false)
	db, err = badger.Open(bo)
	if err != nil && l.emptyLog {
		db, err = badger.Open(bo) // see layout.emptyLog
	}
	if err != nil {
		derr := recheckTables(dir, l)
		if derr == nil {
			derr = damaged(dir, "Badger cannot open it: %s", oneLine(err))
		}
		return nil, tmp, release, derr
	}
	return db, tmp, release, nil
}

// copyStore makes the copy readCopy opens, beside dir if it can (so that
// tables are hard links, not copies), else in the temporary folder.
func copyStore(dir string, l layout) (string, error) {
	base := "." + filepath.Base(filepath.Clean(dir)) + ".reading-*"
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), base)
	if err != nil {
		if tmp, err = os.MkdirTemp("", base); err != nil {
			return "", err
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	for _, e := range entries {
		name := e.Name()
		if name == "LOCK" || !e.Type().IsRegular() {
			continue
		}
		from, to := filepath.Join(dir, name), filepath.Join(tmp, name)
		if readOnlyFile(e, l) && os.Link(from, to) == nil {
			continue
		}
		if err := copySparse(from, to); err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
	}
	return tmp, nil
}

// readOnlyFile reports whether a recovering Badger open leaves the file
// as it is (or deletes it), so that a hard link can stand for a copy.
func readOnlyFile(e os.DirEntry, l layout) bool {
	name := e.Name()
	if strings.HasSuffix(name, ".sst") {
		return true
	}
	fi, err := e.Info()
	return err == nil && strings.HasSuffix(name, ".vlog") && name != l.maxVlog && fi.Size() > vlogHeaderSize
}

// vlogHeaderSize is the size of an empty value log file: its header.
const vlogHeaderSize = 20

// copySparse copies a file, leaving holes where it holds 1 MB of zeros
// (Badger sizes its log files up front: a killed ingest leaves up to
// 128 MB of zeros at the end of one).
func copySparse(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	buf, zero := make([]byte, 1<<20), make([]byte, 1<<20)
	var size int64
	for {
		n, rerr := io.ReadFull(in, buf)
		if n > 0 {
			if bytes.Equal(buf[:n], zero[:n]) {
				_, err = out.Seek(int64(n), io.SeekCurrent)
			} else {
				_, err = out.Write(buf[:n])
			}
			if err != nil {
				out.Close()
				return err
			}
			size += int64(n)
		}
		if errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF) {
			break
		}
		if rerr != nil {
			out.Close()
			return rerr
		}
	}
	if err := out.Truncate(size); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
