package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// setFormatRaw writes or deletes the format key of the store in dir with
// Badger alone, as another geokg (or program) would.
func setFormatRaw(t *testing.T, dir, value string, del bool) {
	t.Helper()
	db, err := badger.Open(testBadgerOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		if del {
			return txn.Delete([]byte(formatKey))
		}
		return txn.Set([]byte(formatKey), []byte(value))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestTableFormat checks that inspect reads the newest format key from
// the tables of a closed store, so that a writable open may skip its
// read-only look only when the format is one this geokg knows.
func TestTableFormat(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		value string
		del   bool
		known bool
	}{
		{"", false, true}, // as geokg made it
		{"7", false, true},
		{"99", false, false},
		{"twelve", false, false},
		{"", true, false}, // deleted: a tombstone is the newest version
		{strconv.Itoa(FormatVersion), false, true},
	} {
		if c.value != "" || c.del {
			setFormatRaw(t, dir, c.value, c.del)
		}
		l, err := inspect(dir, true)
		if err != nil {
			t.Fatal(err)
		}
		want := c.value
		if want == "" && !c.del {
			want = strconv.Itoa(FormatVersion)
		}
		if got := l.format.known(); got != c.known || !c.del && string(l.format.value) != want {
			t.Errorf("format %q (deleted %v): tables say %q, known %v; want %q, known %v",
				c.value, c.del, l.format.value, got, want, c.known)
		}
	}
}

// TestOpenDamagedTable damages the largest table of a store in four ways
// and opens it read-only and for writing: the open names the table in a
// *DamagedError and nothing panics. A table cut short, with an index
// checksum of an algorithm Badger does not know, or with a last
// block Badger cannot read is caught before Badger reads it (Badger would
// panic on a goroutine of its own); one with a damaged index is left to
// Badger's checksum of it, whose error the open then names. The whole table is
// read quickly (quickTable), so the open does not read its index twice.
func TestOpenDamagedTable(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	s, err := Open(src, Options{}) // uncompressed tables, as geokg writes them
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		art, ms := randomArticle(r, i)
		if _, err := s.PutArticle(ctx, art, nil, ms); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sst := largestTable(t, src)
	eachTableRead(t, func(t *testing.T) {
		if !quickTable(filepath.Join(src, sst), nil) {
			t.Fatalf("table %s as Badger wrote it is not read quickly", sst)
		}
	})
	for _, c := range []struct {
		name   string
		damage func(d []byte) []byte
	}{
		{"cut", func(d []byte) []byte { return d[:len(d)/2] }},
		{"index", func(d []byte) []byte {
			_, start, _ := tableIndex(d)
			end := len(d) - 8 - int(binary.BigEndian.Uint32(d[len(d)-4:]))
			copy(d[(start+end)/2:], "\xde\xad\xbe\xef\xde\xad\xbe\xef")
			return d
		}},
		{"index checksum", func(d []byte) []byte { // its algorithm one Badger panics on
			chk := int(binary.BigEndian.Uint32(d[len(d)-4:]))
			d[len(d)-4-chk] = 0x08 // field 1 (the algorithm) where field 2 (the sum) was
			return d
		}},
		{"last block", func(d []byte) []byte { // its count of entries, which Badger trusts
			_, start, _ := tableIndex(d)
			chk := int(binary.BigEndian.Uint32(d[start-4:]))
			binary.BigEndian.PutUint32(d[start-8-chk:], 0xFFFFFF00)
			return d
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			eachTableRead(t, func(t *testing.T) {
				for _, readOnly := range []bool{true, false} {
					damagedTableOpen(t, src, sst, c.damage, readOnly)
				}
			})
		})
	}
}

// damagedTableOpen opens a copy of the store in src whose table sst is
// damaged as damage does: the open must fail naming the table.
func damagedTableOpen(t *testing.T, src, sst string, damage func(d []byte) []byte, readOnly bool) {
	t.Run(fmt.Sprintf("read-only=%v", readOnly), func(t *testing.T) {
		dir := t.TempDir()
		copyFiles(t, src, dir)
		path := filepath.Join(dir, sst)
		d, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, damage(d), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir, Options{ReadOnly: readOnly})
		if err == nil {
			s.Close()
			t.Fatal("the damaged store opened")
		}
		var de *DamagedError
		if !errors.As(err, &de) || !strings.Contains(de.Where, "table "+sst) {
			t.Errorf("open: %v; want a *DamagedError naming table %s", err, sst)
		}
	})
}

// largestTable is the name of the largest table of the store in dir.
func largestTable(t *testing.T, dir string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.sst"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no table in %s: %v", dir, err)
	}
	var best string
	var size int64 = -1
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.Size() > size {
			best, size = filepath.Base(p), fi.Size()
		}
	}
	return best
}

// copyFiles copies the files of folder from into folder to.
func copyFiles(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		d, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestQuickFormat checks that an open finds the format key in a table's
// blocks (quickTable, findFormat) as Badger's table iterator finds it
// (readTable, which reads the whole index with its checksum first), on
// tables of small blocks in which the key's versions span several
// blocks, with keys just before and after it, a deleted version, and
// tables whose range holds the key without holding it.
func TestQuickFormat(t *testing.T) {
	dir := t.TempDir()
	bo := badgerOptions(dir).WithBlockSize(512).WithLogger(nil)
	rng := rand.New(rand.NewPCG(16, 7))
	for session := range 5 {
		db, err := badger.Open(bo)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 60 {
			err := db.Update(func(txn *badger.Txn) error {
				for _, k := range []string{"geokg/fo", "geokg/formas", "geokg/formatted", "a/x", "z/y"} {
					k = fmt.Sprintf("%s%03d", k, rng.IntN(50))
					if err := txn.Set([]byte(k), []byte(strings.Repeat("v", rng.IntN(80)))); err != nil {
						return err
					}
				}
				switch {
				case session == 3: // the key's range without the key
					return nil
				case session == 2 && i == 59:
					return txn.Delete([]byte(formatKey))
				case i%2 == 0 || session == 4:
					return txn.Set([]byte(formatKey), []byte(strconv.Itoa(rng.IntN(1000))+strings.Repeat(" ", rng.IntN(40))))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	listed := map[uint64]badger.TableManifest{}
	if err := readManifest(dir, listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 5 {
		t.Fatalf("%d tables, want one per session", len(listed))
	}
	eachTableRead(t, func(t *testing.T) {
		for id := range listed {
			path := filepath.Join(dir, tableName(id))
			var quick, full tableFormat
			if !quickTable(path, &quick) {
				t.Errorf("table %s not read quickly", tableName(id))
			}
			if err := readTable(path, listed[id].Compression, false, &full); err != nil {
				t.Fatal(err)
			}
			if quick.seen != full.seen || quick.version != full.version || string(quick.value) != string(full.value) || (quick.value == nil) != (full.value == nil) {
				t.Errorf("table %s: quick read %+v, Badger's iterator %+v", tableName(id), quick, full)
			}
		}
	})
}

// eachTableRead runs check twice: with the tables read into memory by
// mapRead (the small ones, as a small session leaves them) and mapped
// (as the large ones are).
func eachTableRead(t *testing.T, check func(t *testing.T)) {
	t.Helper()
	whole := readWhole
	defer func() { readWhole = whole }()
	for _, n := range []int64{whole, 0} {
		readWhole = n
		t.Run(fmt.Sprintf("read-whole=%d", n), check)
	}
}

// TestSmallWritesOptions checks the Badger options of a session sized for
// small writes: tables built for its 1 MB memtable (a flush's buffer is
// twice the table size) and no compactors while level 0 holds fewer
// tables than any close merges; with that many, compactors and the usual
// table size, so that Badger compacts as in any session and never stalls.
func TestSmallWritesOptions(t *testing.T) {
	bo := badgerOptions(t.TempDir())
	small := smallWrites(bo, compactAlways-1)
	if small.MemTableSize != 1<<20 || small.BaseTableSize != small.MemTableSize || small.NumCompactors != 0 {
		t.Errorf("small session, %d level-0 tables: memtable %d, tables %d, %d compactors", compactAlways-1, small.MemTableSize, small.BaseTableSize, small.NumCompactors)
	}
	full := smallWrites(bo, compactAlways)
	if full.MemTableSize != 1<<20 || full.BaseTableSize != bo.BaseTableSize || full.NumCompactors != bo.NumCompactors {
		t.Errorf("small session, %d level-0 tables: memtable %d, tables %d, %d compactors", compactAlways, full.MemTableSize, full.BaseTableSize, full.NumCompactors)
	}
}
