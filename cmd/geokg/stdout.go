package main

import (
	"errors"
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// stdoutWriter is geokg's standard output: it remembers the first failed
// write, so that a command whose output was lost (a full disk, a closed
// stdout) exits 1 even where a writer's error is not looked at, and every
// write after a failure fails at once instead of producing more output for
// nowhere.
type stdoutWriter struct {
	f   *os.File
	mu  sync.Mutex
	err error
}

// errStdoutClosed is why nothing can be written when geokg was started with
// its standard output closed (`geokg export >&-`).
var errStdoutClosed = errors.New("standard output is closed")

// newStdout wraps f (os.Stdout). A closed standard output is replaced by
// the Go runtime with /dev/null before main runs, which would silently
// swallow everything: it is recognised (stdoutClosed) and every write
// then fails.
func newStdout(f *os.File) *stdoutWriter {
	w := &stdoutWriter{f: f}
	if stdoutClosed(f) {
		w.err = errStdoutClosed
	}
	return w
}

func (w *stdoutWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) { // "write /dev/stdout: ..." names no file the user knows
			err = &os.PathError{Op: "write", Path: "standard output", Err: pe.Err}
		}
		w.err = err
	}
	return n, err
}

// Fd is the file's descriptor, so that tables know a terminal (styleFor).
func (w *stdoutWriter) Fd() uintptr { return w.f.Fd() }

// check returns err, or, if the command succeeded but a write to stdout
// failed, that failure.
func (w *stdoutWriter) check(err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil || w.err == nil {
		return err
	}
	if errors.Is(w.err, errStdoutClosed) {
		return w.err
	}
	return w.err // an *os.PathError: "write standard output: ..."

}

// stdoutClosed reports whether f is the /dev/null the Go runtime opens
// (read-write) in place of a standard descriptor the process was started
// without. A shell's "> /dev/null" opens it write-only, so that stays
// silent as asked.
func stdoutClosed(f *os.File) bool {
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var st, null unix.Stat_t
	if unix.Fstat(int(f.Fd()), &st) != nil || unix.Stat(os.DevNull, &null) != nil {
		return false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFCHR && st.Rdev == null.Rdev
}
