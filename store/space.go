package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Badger writes its memtable logs, value logs and tables through memory
// maps of files it sizes first without allocating them (sparse files).
// When the file system fills up, a write, or on tmpfs even a read, of a
// page not yet allocated is a SIGBUS: the process dies with a trace in one
// of Badger's goroutines, where nothing can recover. So geokg looks at the
// free space before each thing that makes Badger write (an open, each
// batch's transaction, each part of a big article, a forget, the merge on
// close) and stops first with ErrNoSpace.

// ErrNoSpace is wrapped by the error of a write, or of an open, that geokg
// did not start because the store's file system has too little free space.
var ErrNoSpace = errors.New("no space left")

// spaceError says how much room there is and how much a step needs.
type spaceError struct {
	device     string // the file system: its device and mount point
	free, need int64
}

func (e *spaceError) Error() string {
	return fmt.Sprintf("no space left on %s: %d MB free, need about %d", e.device, e.free>>20, (e.need+1<<20-1)>>20)
}

func (e *spaceError) Unwrap() error { return ErrNoSpace }

// Room a step needs besides what it writes itself.
const (
	// readRoom is what a read-only open needs: on tmpfs, Badger's read of
	// the unwritten end of a memtable log allocates a page.
	readRoom = 1 << 20
	// writeRoom is what any write needs besides the tables a compaction
	// may rewrite: two memtable logs and a table flushed from one (each
	// memtable log is twice the 8 MB memtable, see badgerOptions).
	writeRoom = 4 * (8 << 20)
)

// checkSpace returns a *spaceError (wrapping ErrNoSpace) when the file
// system holding dir has less than need bytes free. A file system whose
// free space cannot be read passes.
func checkSpace(dir string, need int64) error {
	free, ok := freeSpace(dir)
	if !ok || free >= need {
		return nil
	}
	return &spaceError{device: deviceOf(dir), free: free, need: need}
}

// writeNeed is the room a write of extra bytes into the store in dir
// needs: writeRoom, and the store's tables, which a compaction of level 0
// into the levels below may rewrite before it deletes the old ones.
func writeNeed(dir string, extra int64) int64 {
	return writeRoom + tableBytes(dir) + extra
}

// tableBytes is the size of the store's tables (.sst files).
func tableBytes(dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sst") {
			continue
		}
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

// checkWrite is checkSpace for a write of about extra bytes into s.
func (s *Store) checkWrite(extra int64) error {
	if s.opts.ReadOnly {
		return nil
	}
	return checkSpace(s.dir, writeNeed(s.dir, extra))
}

// deviceOf names the file system holding dir: its device and mount point
// from /proc/self/mountinfo (Linux), else dir.
func deviceOf(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if dev, mount, ok := mountOf(abs); ok {
		return fmt.Sprintf("%s (%s)", dev, mount)
	}
	return abs
}

func parentDir(d string) string { return filepath.Dir(d) }
