package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks is how many symbolic links resolveOutput follows before it
// gives up (a loop).
const maxLinks = 40

// writeOut runs fill on stdout when path is "" or "-", else writes the
// file path as writeOutput does.
func writeOut(path string, stdout io.Writer, fill func(io.Writer) error) error {
	if path == "" || path == "-" {
		return fill(stdout)
	}
	return writeOutput(path, fill)
}

// writeOutput writes what fill writes to path. A symbolic link is followed
// to the file it names, which is written (the link stays a link). A
// device or a FIFO is written in place (`-o /dev/stdout`, a named pipe);
// a regular file, or a new one, goes through a temporary file in the same
// folder renamed over it only once fill succeeded, so that a failed export
// leaves no half-written file; an existing file keeps its permissions.
func writeOutput(path string, fill func(io.Writer) error) error {
	target, fi, err := resolveOutput(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	switch {
	case fi == nil || fi.Mode().IsRegular():
		return writeFileAtomic(target, fi, fill)
	case fi.IsDir():
		return fmt.Errorf("write %s: is a directory", path)
	}
	return writeInPlace(target, fill)
}

// resolveOutput follows the symbolic links at path and returns the path of
// the file they lead to, with its FileInfo (nil when there is no file
// there yet: a new file, or a link to one).
func resolveOutput(path string) (string, fs.FileInfo, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return path, nil, nil
		case err != nil:
			return "", nil, err
		case fi.Mode()&fs.ModeSymlink == 0:
			return path, fi, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", nil, errors.New("too many levels of symbolic links")
}

// writeInPlace writes a device or FIFO that exists.
func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = fill(f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", path, cerr)
	}
	return err
}

// writeFileAtomic writes path through a temporary file in the same folder,
// renamed over path only when fill succeeded. old is the file there now
// (nil if none), whose permissions the new one keeps.
func writeFileAtomic(path string, old fs.FileInfo, fill func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if old != nil {
		mode = old.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// outputInStore refuses an output path that is, or leads through symbolic
// links to, a file inside the store folder dir: writing there would
// replace a file of the store (`-o STORE/MANIFEST` left a store that no
// geokg could open).
func outputInStore(path, dir string) error {
	if path == "" || path == "-" || dir == "" {
		return nil
	}
	target, _, err := resolveOutput(path)
	if err != nil {
		return nil // writeOutput says what is wrong with it
	}
	store, err := realPath(dir)
	if err != nil {
		return nil // no store there (yet): nothing to protect
	}
	out, err := realPath(target)
	if err != nil {
		return nil
	}
	if out == store || strings.HasPrefix(out, store+string(filepath.Separator)) {
		return fmt.Errorf("write %s: that is inside the store folder %s; give a file outside it", path, dir)
	}
	return nil
}

// realPath is the absolute path of p with the symbolic links of its
// folders resolved (p itself need not exist).
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	parent, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", err
	}
	return filepath.Join(parent, filepath.Base(abs)), nil
}

// checkOutput is outputInStore for the store g uses.
func (g *globalOptions) checkOutput(path string) error {
	dir, err := g.storeDir()
	if err != nil {
		return nil
	}
	return outputInStore(path, dir)
}
