//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes the lock Badger takes on a store's folder (flock: shared
// for a read-only open, exclusive for a writable one) and returns its
// release. Its error wraps ErrInUse when another process holds it. Open
// probes the lock this way before Badger opens the folder, so that a
// store in use is recognised by the lock itself, not by the text of
// Badger's error; a read-only open that reads a copy of the store (see
// readCopy) holds it while it reads.
func lockDir(dir string, exclusive bool) (release func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	how := unix.LOCK_SH
	if exclusive {
		how = unix.LOCK_EX
	}
	if err := unix.Flock(int(f.Fd()), how|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("store %s is %w", dir, ErrInUse)
		}
		return nil, fmt.Errorf("store: lock %s: %w", dir, err)
	}
	return func() { f.Close() }, nil // closing the last descriptor releases the lock
}
