package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Diagnose looks for damage in the store in dir, without Badger: the
// MANIFEST against the tables (inspect), every block of every table
// against its checksum, and the logs a writable open would cut. It
// returns a *DamagedError naming the first damaged file, or nil. It reads
// the whole of every table: Check runs it, and a read that panicked.
func Diagnose(dir string) error {
	l, err := inspect(dir, false)
	if err != nil {
		return err
	}
	if err := readTables(dir, l.listed, fullRead, nil); err != nil {
		return err
	}
	return checkLogTails(dir, l)
}

// damagedMark is the file Check leaves in a store it found damaged, and
// removes from one it finds whole: writers refuse a store that has one
// (openWrite), so that nothing is added to a store whose tables or logs
// are damaged (a compaction would read the damaged table, and Badger
// panics on its own goroutines, which end the program). It is the one
// file geokg writes into a store's folder outside Badger.
const damagedMark = "DAMAGED"

// mark records what Check found: a *DamagedError leaves damagedMark with
// its description, nil removes it. A store on a read-only disk keeps no
// mark: its writers could not write anyway.
func (s *Store) mark(found error) {
	path := filepath.Join(s.dir, damagedMark)
	var d *DamagedError
	if !errors.As(found, &d) {
		_ = os.Remove(path) // none there, most often
		return
	}
	text := fmt.Sprintf("geokg check found this store damaged on %s:\n%s\ngeokg refuses to write to it; \"geokg recover\" copies what can be read into a new store beside it.\n",
		time.Now().UTC().Format(time.RFC3339), d.Where)
	_ = os.WriteFile(path, []byte(text), 0o644)
}

// markedDamaged returns a *DamagedError when Check left damagedMark in dir.
func markedDamaged(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, damagedMark))
	if err != nil {
		return nil
	}
	lines := strings.Split(string(b), "\n")
	what := "geokg check found it damaged"
	if len(lines) > 1 && lines[1] != "" {
		what = "geokg check found: " + lines[1]
	}
	return damaged(dir, "%s", what)
}

// panicError is a panic caught by catch: Badger panics on some damaged
// tables (slice bounds out of range) instead of returning an error.
type panicError struct{ value any }

func (e panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// catch runs fn and returns a panic in it as a panicError. Every goroutine
// the store starts runs its work through catch, so that a panic in Badger
// on a damaged table reaches the caller as an error, not as a crash of
// the whole program with a trace.
func catch(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return fn()
}

// damage turns the signs of a damaged store in err into a *DamagedError:
// a key or value that does not decode (corruptError), or a panic on a
// read. Diagnose then looks for the damaged file, to name it; a panic
// Diagnose finds no reason for is an internal error, said as such, and a
// value that does not decode in files Diagnose finds whole (it reads the
// value logs' tails only) is named by what failed.
func (s *Store) damage(err error) error {
	var d *DamagedError
	var ce corruptError
	var pe panicError
	switch {
	case err == nil || errors.As(err, &d):
		return err
	case errors.As(err, &pe):
		if derr := Diagnose(s.dir); derr != nil {
			return derr
		}
		return fmt.Errorf("store %s: internal error while reading (please report it): %s", s.dir, firstLine(fmt.Sprint(pe.value)))
	case errors.As(err, &ce):
		if derr := Diagnose(s.dir); derr != nil {
			return derr
		}
		return &DamagedError{Dir: s.dir, Where: oneLine(err)}
	}
	return err
}
