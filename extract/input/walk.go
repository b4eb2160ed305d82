package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Extensions are the file name extensions Walk picks up inside folders,
// compared without regard to case, each also with ".gz" after it.
var Extensions = []string{".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"}

// Walk calls fn for root if it is a file, and for every text file under
// root if it is a folder, in lexical order. Inside folders it takes regular
// files whose names end in one of Extensions and skips names that start
// with a dot, and FIFOs, sockets and devices whatever their names (a FIFO
// named x.txt would block a reader until something writes to it). It follows symbolic links but enters each folder only once, so a
// link back to a parent is not a loop.
//
// When a path cannot be read (root missing, permission denied), fn gets
// the path and an error whose message is "PATH: problem", and the walk goes
// on. If fn returns an error, Walk stops and returns it.
func Walk(root string, fn func(path string, err error) error) error {
	w := walker{fn: fn, seen: map[string]bool{}}
	info, err := os.Stat(root)
	if err != nil {
		return fn(root, pathError(root, err))
	}
	if !info.IsDir() {
		return fn(root, nil)
	}
	return w.dir(root)
}

type walker struct {
	fn   func(string, error) error
	seen map[string]bool // real paths of folders already entered
}

func (w *walker) dir(dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return w.fn(dir, pathError(dir, err))
	}
	if w.seen[real] {
		return nil
	}
	w.seen[real] = true
	entries, err := listDir(dir)
	if err != nil {
		return w.fn(dir, pathError(dir, err))
	}
	for i := range entries.n() {
		name, typ := entries.at(i)
		path := filepath.Join(dir, name)
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil {
				if err := w.fn(path, pathError(path, err)); err != nil {
					return err
				}
				continue
			}
			typ = info.Mode().Type()
		}
		switch {
		case typ.IsDir():
			err = w.dir(path)
		case typ.IsRegular() && hasTextExt(name):
			err = w.fn(path, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dirList is the entries of one folder that Walk may take, in lexical
// order: their names in one byte slice and, per entry, where its name
// ends and its type. It holds no pointers, so a folder of a million
// articles costs about 20 MB that the garbage collector does not scan
// (os.ReadDir's entries took about 100 MB of pointers, for the whole
// walk: an ingest's collector then ran most of the time).
type dirList struct {
	names []byte
	ends  []uint32
	types []fs.FileMode
	order []uint32 // entry numbers in name order
}

func (l *dirList) n() int { return len(l.order) }

func (l *dirList) name(j uint32) []byte {
	start := uint32(0)
	if j > 0 {
		start = l.ends[j-1]
	}
	return l.names[start:l.ends[j]]
}

// at returns the i-th entry in name order.
func (l *dirList) at(i int) (string, fs.FileMode) {
	j := l.order[i]
	return string(l.name(j)), l.types[j]
}

// listDir reads folder dir in chunks and keeps the entries Walk may take:
// folders, symbolic links and files with a text extension, not starting
// with a dot.
func listDir(dir string) (*dirList, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &dirList{}
	for {
		chunk, err := f.ReadDir(1024)
		for _, e := range chunk {
			name, typ := e.Name(), e.Type()
			if strings.HasPrefix(name, ".") || (!typ.IsDir() && typ&fs.ModeSymlink == 0 && !hasTextExt(name)) {
				continue
			}
			if len(l.names)+len(name) > math.MaxUint32 {
				return nil, fmt.Errorf("%s: too many entries", dir)
			}
			l.names = append(l.names, name...)
			l.ends = append(l.ends, uint32(len(l.names)))
			l.types = append(l.types, typ)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	l.order = make([]uint32, len(l.ends))
	for i := range l.order {
		l.order[i] = uint32(i)
	}
	slices.SortFunc(l.order, func(a, b uint32) int { return bytes.Compare(l.name(a), l.name(b)) })
	return l, nil
}

func hasTextExt(name string) bool {
	e := ext(name)
	for _, x := range Extensions {
		if e == x {
			return true
		}
	}
	return false
}

// pathError turns an *fs.PathError "op path: problem" into "path: problem",
// keeping the cause for errors.Is (fs.ErrNotExist, fs.ErrPermission).
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// ReadFile reads at most maxSize+1 bytes of the file at path (all of it if
// maxSize <= 0), enough for Text to tell that a file is too large without
// reading a huge one whole. A ".gz" file is decompressed, and the limit
// applies to the decompressed bytes, so a small file that inflates to
// gigabytes costs no more than maxSize+1 bytes. It also returns the file's
// information, for its modification time. Errors read "PATH: problem".
func ReadFile(path string, maxSize int) ([]byte, fs.FileInfo, error) {
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	hint := int64(-1)
	if !IsGzip(path) && f.Info.Mode().IsRegular() {
		hint = f.Info.Size()
	}
	data, err := read(f, maxSize, hint)
	if err != nil {
		return nil, nil, err
	}
	return data, f.Info, nil
}

// Read reads at most maxSize+1 bytes from r (all of it if maxSize <= 0).
func Read(r io.Reader, maxSize int) ([]byte, error) {
	return read(r, maxSize, -1)
}

// read is Read with a guess of how many bytes r holds (a file's size; < 0
// when unknown): a buffer of that size, and a read that finds the end,
// instead of io.ReadAll's growth from 512 bytes (five reads and 16 KB of
// buffers for a 4 KB article). A wrong guess only costs a larger buffer.
func read(r io.Reader, maxSize int, hint int64) ([]byte, error) {
	if maxSize > 0 {
		r = io.LimitReader(r, int64(maxSize)+1)
		hint = min(hint, int64(maxSize)+1)
	}
	if hint < 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, hint+1) // +1: the read that sees the end needs room
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) { // the file grew since its size was taken
			b = append(b, 0)[:len(b)]
		}
	}
}
