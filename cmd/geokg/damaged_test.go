package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// fileHashes returns the name, size and SHA-256 of every file under dir,
// so that a test can show that a command changed or deleted none of them.
func fileHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%d bytes, sha256 %x", n, h.Sum(nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFiles fails the test when a file under dir differs from before (a
// file added is fine only if it is in added).
func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for name, was := range before {
		if now, ok := after[name]; !ok {
			t.Errorf("%s deleted %s (%s)", what, name, was)
		} else if now != was {
			t.Errorf("%s changed %s: %s, was %s", what, name, now, was)
		}
	}
	for name, now := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s added %s (%s)", what, name, now)
		}
	}
}

// builtStore ingests n copies of the example article into a new store with
// the built geokg and returns the store's folder.
func builtStore(t *testing.T, bin string, n int) string {
	t.Helper()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	if r := runBin(t, bin, "", "ingest", "-q", "--db", db, manyArticles(t, tmp, n)); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	return db
}

// oneLineError checks that a command failed with exit 1 and one line on
// stderr holding want.
func oneLineError(t *testing.T, args []string, r result, want string) {
	t.Helper()
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("geokg %s: exit %d, stderr %q; want exit 1 and one line with %q", strings.Join(args, " "), r.code, r.stderr, want)
	}
}

// TestBinaryDamagedManifest cuts a store's MANIFEST to 10 bytes (issue 14
// item 2: Badger then deleted every table, and check said "no problems"):
// every command refuses the store with one line, and no file changes.
func TestBinaryDamagedManifest(t *testing.T) {
	bin := buildGeokg(t)
	db := builtStore(t, bin, 20)
	if err := os.Truncate(filepath.Join(db, "MANIFEST"), 10); err != nil {
		t.Fatal(err)
	}
	before := fileHashes(t, db)
	for _, args := range storeCommands {
		args = append(args, "--db", db)
		oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged (MANIFEST is cut off: 8 of its 10 bytes are readable)")
		sameFiles(t, "geokg "+args[0], before, fileHashes(t, db))
	}
}

// TestHelperForeignBadger is not a test: TestBinaryForeignBadger runs the
// test binary with GEOKG_TEST_FOREIGN=dir to make another program's Badger
// database there and exit without closing it, as a crash would.
func TestHelperForeignBadger(t *testing.T) {
	dir := os.Getenv("GEOKG_TEST_FOREIGN")
	if dir == "" {
		t.Skip("helper process only")
	}
	// small log files: a test reads every byte of the folder
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithValueLogFileSize(1 << 20).WithMemTableSize(1 << 20).WithValueThreshold(64))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		err := db.Update(func(txn *badger.Txn) error {
			return txn.Set(fmt.Appendf(nil, "user/%d", i), []byte(strings.Repeat("x", 100)))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	os.Exit(0) // without db.Close
}

// TestBinaryForeignBadger points every command at another program's Badger
// database that was not closed cleanly (issue 14 item 5: its memtable log
// was deleted, a table made and its MANIFEST replaced before geokg said
// "not a geokg store"): each refuses it with one line and changes nothing.
func TestBinaryForeignBadger(t *testing.T) {
	bin := buildGeokg(t)
	dir := filepath.Join(t.TempDir(), "foreign")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperForeignBadger$")
	cmd.Env = append(os.Environ(), "GEOKG_TEST_FOREIGN="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	before := fileHashes(t, dir)
	if len(before) == 0 {
		t.Fatal("the helper made nothing")
	}
	for _, args := range storeCommands {
		args = append(args, "--db", dir)
		oneLineError(t, args, runBin(t, bin, "", args...), "store: open "+dir+": a Badger database without a geokg format key: not a geokg store")
		sameFiles(t, "geokg "+args[0], before, fileHashes(t, dir))
	}
}

// largestFile returns the largest file under dir whose name ends in ext.
func largestFile(t *testing.T, dir, ext string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no %s file in %s: %v", ext, dir, err)
	}
	var best string
	var size int64 = -1
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.Size() > size {
			best, size = p, fi.Size()
		}
	}
	return best
}

// flipMiddle overwrites 16 bytes in the middle of the file at path.
func flipMiddle(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 4)), fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

// damageMention overwrites a word of the sentence of the last mention of
// an accusation in the value log at path: a value every export reads.
func damageMention(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.LastIndex(data, []byte("accused"))
	if at < 0 {
		t.Fatal("no mention of an accusation in the value log")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte("ACCUSED"), int64(at)); err != nil {
		t.Fatal(err)
	}
}

// TestBinaryDamagedValueLog puts 16 bad bytes in the middle of the largest
// value log (issue 14 item 1: the next ingest exited 0 and Badger cut the
// log there, losing every value after it): writers refuse the store with
// one line naming the file, and no file changes.
func TestBinaryDamagedValueLog(t *testing.T) {
	bin := buildGeokg(t)
	db := builtStore(t, bin, 300)
	vlog := largestFile(t, db, ".vlog")
	flipMiddle(t, vlog)
	before := fileHashes(t, db)
	for _, args := range [][]string{{"ingest", articlePath}, {"forget", "0123456789abcdef0123456789abcdef"}} {
		args = append(args, "--db", db)
		oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged ("+filepath.Base(vlog)+": a bad entry at byte ")
		sameFiles(t, "geokg "+args[0], before, fileHashes(t, db))
	}
	// A query that reads a damaged value says so, and where (it used to
	// say "decode mention: corrupt mention value"). The bytes flipped in
	// the middle may be in a value the export does not read (an
	// article's): damageMention damages one it reads.
	damageMention(t, vlog)
	before = fileHashes(t, db)
	args := []string{"export", "--format", "json", "--db", db}
	oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged ("+filepath.Base(vlog)+": a bad entry at byte ")
	args = []string{"check", "--db", db}
	oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged ("+filepath.Base(vlog)+": a bad entry at byte ")
	sameFiles(t, "geokg", before, withoutMark(fileHashes(t, db)))
}

// withoutMark is files without the DAMAGED mark check leaves in a store
// it found damaged (the one file geokg writes outside Badger).
func withoutMark(files map[string]string) map[string]string {
	delete(files, "DAMAGED")
	return files
}

// TestBinaryTruncatedTable cuts the largest table in half (issue 14 item
// 7: "slice bounds out of range" and a trace on every command): every
// command says in one line which table is damaged, and no file changes.
func TestBinaryTruncatedTable(t *testing.T) {
	bin := buildGeokg(t)
	db := builtStore(t, bin, 300)
	sst := largestFile(t, db, ".sst")
	fi, err := os.Stat(sst)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(sst, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	before := fileHashes(t, db)
	for _, args := range storeCommands {
		args = append(args, "--db", db)
		oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged (table "+filepath.Base(sst)+": its index cannot be read (cut short or corrupted))")
		sameFiles(t, "geokg "+args[0], before, fileHashes(t, db))
	}
}

// TestBinaryCorruptedTable overwrites 16 bytes at 26 places in the
// largest table (issue 14 item 7: export panicked on a goroutine the
// recover did not cover, with a trace). No command crashes or prints more
// than one line; check names the table; a query that reads the damaged
// blocks says the store is damaged and to run check; after check, writers
// refuse the store; no file changes but check's DAMAGED mark.
func TestBinaryCorruptedTable(t *testing.T) {
	bin := buildGeokg(t)
	db := builtStore(t, bin, 300)
	sst := largestFile(t, db, ".sst")
	whole, err := os.ReadFile(sst)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(sst, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	// 52 places in the first 81%: an export reads the blocks of every key but the i/ keys
	// (articles naming an actor), which take a part of the table
	for i := int64(1); i <= 52; i++ {
		if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 4)), fi.Size()*i/64); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	before := fileHashes(t, db)
	damaged := "store " + db + " is damaged (table " + filepath.Base(sst) + ": a block fails its checksum)"
	for i, args := range [][]string{{"export", "--format", "json"}, {"actors"}, {"actor", "Iran"}, {"articles"}, {"export"}} {
		args = append(args, "--db", db)
		// an export reads every block; the others may not read a
		// damaged one
		if r := runBin(t, bin, "", args...); i == 0 || r.code != 0 {
			oneLineError(t, args, r, damaged+": run geokg check")
		}
	}
	args := []string{"check", "--db", db}
	oneLineError(t, args, runBin(t, bin, "", args...), damaged+"; geokg will not write to it")
	if _, err := os.Stat(filepath.Join(db, "DAMAGED")); err != nil {
		t.Errorf("check left no mark: %v", err)
	}
	for _, args := range [][]string{{"ingest", articlePath}, {"forget", "0123456789abcdef0123456789abcdef"}} {
		args = append(args, "--db", db)
		oneLineError(t, args, runBin(t, bin, "", args...), "store "+db+" is damaged (geokg check found: table "+filepath.Base(sst)+": a block fails its checksum): run geokg check")
	}
	sameFiles(t, "geokg", before, withoutMark(fileHashes(t, db)))
	// the table restored (from a backup, say), check finds the store
	// whole and removes its mark, and writers take it again
	if err := os.WriteFile(sst, whole, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("check of the restored store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(db, "DAMAGED")); err == nil {
		t.Error("check of the restored store left the DAMAGED mark")
	}
	if r := runBin(t, bin, "", "ingest", "--db", db, articlePath); r.code != 0 {
		t.Errorf("ingest into the restored store: exit %d\n%s", r.code, r.stderr)
	}
}

// copyDir copies the files of folder from into a new folder to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// TestBinaryRecover damages copies of one store in four ways and runs
// geokg recover (and check --repair) on each: the old store's files stay
// as they were, the new one beside it passes check, and it holds what
// could be read. With only the MANIFEST lost, that is everything: its
// export equals the undamaged store's.
func TestBinaryRecover(t *testing.T) {
	bin := buildGeokg(t)
	good := builtStore(t, bin, 300)
	want := runBin(t, bin, "", "export", "--format", "json", "--db", good).stdout
	tmp := t.TempDir()
	for _, tc := range []struct {
		name     string
		damage   func(db string)
		args     []string
		lost     string // a line of recover's output
		articles int    // articles recovered, at least
	}{
		{"manifest", func(db string) {
			if err := os.Truncate(filepath.Join(db, "MANIFEST"), 10); err != nil {
				t.Fatal(err)
			}
		}, []string{"recover"}, "the MANIFEST (MANIFEST is cut off: 8 of its 10 bytes are readable): every table is read at level 0", 300},
		{"value-log", func(db string) { damageMention(t, largestFile(t, db, ".vlog")) }, []string{"check", "--repair"}, "decode mention: corrupt mention value", 300},
		{"corrupted-table", func(db string) {
			sst := largestFile(t, db, ".sst")
			for _, at := range []int64{1, 5, 9} {
				f, err := os.OpenFile(sst, os.O_RDWR, 0)
				if err != nil {
					t.Fatal(err)
				}
				fi, _ := f.Stat()
				f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 4)), fi.Size()*at/12)
				f.Close()
			}
		}, []string{"recover"}, "blocks fail their checksums; their keys are left out", 1},
		{"truncated-table", func(db string) {
			sst := largestFile(t, db, ".sst")
			fi, _ := os.Stat(sst)
			os.Truncate(sst, fi.Size()/2)
		}, []string{"recover"}, ": its index cannot be read (cut short or corrupted); left out", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(tmp, tc.name)
			copyDir(t, good, db)
			tc.damage(db)
			before := fileHashes(t, db)
			args := append(tc.args, "--db", db)
			r := runBin(t, bin, "", args...)
			if r.code != 1 || r.stderr != "" || !strings.Contains(r.stdout, tc.lost) || !strings.Contains(r.stdout, " into "+db+".recovered; ") {
				t.Errorf("geokg %s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 1, a line with %q and the summary", strings.Join(args, " "), r.code, r.stdout, r.stderr, tc.lost)
			}
			sameFiles(t, "geokg "+strings.Join(tc.args, " "), before, fileHashes(t, db))
			if c := runBin(t, bin, "", "check", "--db", db+".recovered"); c.code != 0 {
				t.Errorf("check of the recovered store: exit %d\n%s%s", c.code, c.stdout, c.stderr)
			}
			if n := len(binArticles(t, bin, db+".recovered")); n < tc.articles {
				t.Errorf("%d articles recovered, want at least %d", n, tc.articles)
			}
			if tc.name == "manifest" {
				if got := runBin(t, bin, "", "export", "--format", "json", "--db", db+".recovered").stdout; got != want {
					t.Errorf("the recovered store's export differs from the undamaged store's:\n%s", lineDiff(want, got))
				}
			}
			// a second recover does not write over the first
			r = runBin(t, bin, "", args...)
			oneLineError(t, args, r, db+".recovered: it is not empty; name a new folder")
		})
	}
}
