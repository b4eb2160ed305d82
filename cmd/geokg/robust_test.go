package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/dgraph-io/badger/v4"

	"geokg/store"
)

// runBin runs the built geokg with args and stdin, gives up when the test
// binary's own deadline is near (hangDeadline), and fails the test if
// anything on stderr looks like a Go crash.
func runBin(t *testing.T, bin, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithDeadline(context.Background(), hangDeadline(t))
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "GEOKG_DB=", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("geokg %s: no answer before the test's deadline\n%s", strings.Join(args, " "), r.stderr)
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("geokg %s: %v", strings.Join(args, " "), err)
	}
	noCrash(t, args, r.stderr)
	return r
}

// hangDeadline is when a command that has not answered is taken for hung:
// a minute before the test binary's -timeout, so that the test fails with
// the command's name and its stderr instead of go test's goroutine dump. It
// is a guard against hangs, not a speed check: under -race on a busy
// two-core machine a 3000-article ingest took over a minute.
func hangDeadline(t *testing.T) time.Time {
	if d, ok := t.Deadline(); ok {
		return d.Add(-time.Minute)
	}
	return time.Now().Add(time.Hour)
}

// noCrash fails the test when stderr shows a panic or a goroutine dump.
func noCrash(t *testing.T, args []string, stderr string) {
	t.Helper()
	for _, sign := range []string{"panic:", "goroutine ", "runtime error", ".go:"} {
		if strings.Contains(stderr, sign) {
			t.Errorf("geokg %s: stderr shows a crash (%q):\n%s", strings.Join(args, " "), sign, stderr)
			return
		}
	}
}

// writeFiles writes each file of files under dir, making folders.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestBinaryBadInputs gives the built geokg every kind of bad input in one
// ingest, next to good ones: each bad input gets one line on stderr that
// names it and says what is wrong, the good ones are stored, and the exit
// status is 1.
func TestBinaryBadInputs(t *testing.T) {
	bin := buildGeokg(t)
	dir := filepath.Join(t.TempDir(), "in")
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0x7f, 0x80}, 500)...)
	// 50 MB without a newline: refused after reading 10 MB and a byte.
	noNewline := bytes.Repeat([]byte("Russia accused Ukraine of shelling the plant. "), 50<<20/46+1)
	writeFiles(t, dir, map[string][]byte{
		"good.txt":          article,
		"utf16.txt":         utf16LE("Belarus and Russia are allies, Minsk said.\r\n"),
		"long-line.txt":     bytes.Repeat([]byte("word "), 400_000), // 2 MB, no newline, no sentence end: stored, no relations
		"empty.txt":         nil,
		"blank.md":          []byte(" \n\t\n"),
		"image.txt":         png,
		"gzip.txt":          gzipped(t, "Iran supplied drones to Russia.\n"),
		"latin1.txt":        []byte("Kiev caf\xe9 story\n"),
		"utf16-odd.txt":     append(utf16LE("Minsk"), 'x'),
		"no-newline.txt":    noNewline,
		"loop/inner.txt":    []byte("Iran accused Israel of the strike.\n"),
		"loop/.hidden.txt":  {0},
		"loop/skipped.json": {0},
	})
	for _, link := range [][2]string{
		{"..", "loop/parent"},      // a folder loop: entered once, no error
		{"l2.txt", "links/l1.txt"}, // a symlink loop between two files
		{"l1.txt", "links/l2.txt"},
		{"nowhere.txt", "links/dangling.txt"},
	} {
		p := filepath.Join(dir, link[1])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(link[0], p); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	db := filepath.Join(t.TempDir(), "db")
	r := runBin(t, bin, "", "ingest", "--db", db, "--date", "2024-01-01", dir, missing)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	bad := map[string]string{
		"empty.txt":          "empty",
		"blank.md":           "empty",
		"image.txt":          "binary data, not text",
		"gzip.txt":           "binary data, not text",
		"latin1.txt":         "not valid UTF-8 text (byte offset 8)",
		"utf16-odd.txt":      "not valid UTF-16 text (odd length 13)",
		"no-newline.txt":     "larger than the 10 MB limit (use --max-size)",
		"links/l1.txt":       "too many levels of symbolic links",
		"links/l2.txt":       "too many levels of symbolic links",
		"links/dangling.txt": "no such file or directory",
	}
	for name, problem := range bad {
		line := "geokg: " + filepath.Join(dir, name) + ": " + problem + "\n"
		if strings.Count(r.stderr, line) != 1 {
			t.Errorf("stderr lacks the line %q", line)
		}
	}
	if want := "geokg: " + missing + ": no such file or directory\n"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q", want)
	}
	if got, want := strings.Count(r.stderr, "\n"), len(bad)+1; got != want {
		t.Errorf("stderr has %d lines, want %d:\n%s", got, want, r.stderr)
	}
	if n := summary(t, r.stdout); n["new"] != 4 || n["failed"] != len(bad)+1 {
		t.Errorf("summary %q: want 4 new, %d failed", r.stdout, len(bad)+1)
	}
	// The good inputs are in: the example, the UTF-16 text, the folder
	// behind the loop (once), the long line.
	sources := map[string]int{}
	for _, a := range binArticles(t, bin, db) {
		sources[filepath.Base(a.Source)] = a.Relations
	}
	if len(sources) != 4 || sources["good.txt"] == 0 || sources["utf16.txt"] == 0 || sources["inner.txt"] == 0 || sources["long-line.txt"] != 0 {
		t.Errorf("stored articles by source (relations): %v", sources)
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("check after the bad inputs: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// --max-size applies per article; stdin is checked like a file.
	r = runBin(t, bin, "\x00\x01binary", "ingest", "--db", db, "--max-size", "1KB", filepath.Join(dir, "good.txt"), filepath.Join(dir, "utf16.txt"), "-")
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	slices.Sort(lines)
	want := []string{"geokg: " + filepath.Join(dir, "good.txt") + ": larger than the 1 KB limit (use --max-size)", "geokg: stdin: binary data, not text"}
	if r.code != 1 || !slices.Equal(lines, want) || summary(t, r.stdout)["unchanged"] != 1 {
		t.Errorf("ingest --max-size 1KB: exit %d\nstdout %s\nstderr lines %q\nwant %q", r.code, r.stdout, lines, want)
	}
}

// binArticles runs "geokg articles --format json" with the built binary.
func binArticles(t *testing.T, bin, db string) []articleRow {
	t.Helper()
	r := runBin(t, bin, "", "articles", "--db", db, "--format", "json")
	var rows []articleRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != 0 || err != nil {
		t.Fatalf("articles: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	return rows
}

// storeCommands are commands that open the store, one of each kind.
var storeCommands = [][]string{
	{"ingest", articlePath}, {"actors"}, {"actor", "Iran"}, {"export"},
	{"articles"}, {"check"}, {"forget", "0123456789abcdef0123456789abcdef"},
}

// TestBinaryBadStore points every command at folders that are not geokg
// stores and at a store of a newer format: each exits 1 with one line that
// names the folder and the problem, and changes nothing.
func TestBinaryBadStore(t *testing.T) {
	bin := buildGeokg(t)
	tmp := t.TempDir()
	other := filepath.Join(tmp, "other")
	writeFiles(t, other, map[string][]byte{"notes.txt": []byte("not a store\n")})
	foreign := filepath.Join(tmp, "foreign") // a Badger database made by something else
	breakStore(t, foreign, map[string][]byte{"user/42": []byte("x")})
	newer := filepath.Join(tmp, "newer")
	if r := runBin(t, bin, "", "ingest", "--db", newer, articlePath); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	next := strconv.Itoa(store.FormatVersion + 1)
	breakStore(t, newer, map[string][]byte{"geokg/format": []byte(next)})
	for _, tc := range []struct{ db, problem string }{
		{other, "store: open " + other + ": the directory holds other files: not a geokg store"},
		{filepath.Join(other, "notes.txt"), "a file, not a directory: not a geokg store"},
		{foreign, "store: open " + foreign + ": a Badger database without a geokg format key: not a geokg store"},
		{newer, "store: open " + newer + `: format "` + next + `", this geokg reads ` + strconv.Itoa(store.FormatVersion) + `: unsupported store format version`},
	} {
		before := listDir(t, tc.db)
		if len(before) == 0 {
			t.Fatalf("%s: nothing to compare", tc.db)
		}
		for _, args := range storeCommands {
			r := runBin(t, bin, "", append(args, "--db", tc.db)...)
			if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tc.problem) {
				t.Errorf("geokg %s --db %s: exit %d, stderr %q; want exit 1 and one line with %q",
					strings.Join(args, " "), filepath.Base(tc.db), r.code, r.stderr, tc.problem)
			}
		}
		if after := listDir(t, tc.db); !slices.Equal(after, before) {
			t.Errorf("%s changed:\n%q\nwas\n%q", tc.db, after, before)
		}
	}
}

// listDir returns what dir holds: for a Badger database its keys and
// values (opening one for writing rotates its log files, which changes no
// data), else the names and sizes of its files.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err == nil {
		return dumpStore(t, dir)
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %d", p, info.Size()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBinaryInUse runs commands against a store while a long ingest holds
// it: each fails within a second with the in-use message, and the ingest
// is not disturbed.
func TestBinaryInUse(t *testing.T) {
	bin := buildGeokg(t)
	tmp := t.TempDir()
	dir := manyArticles(t, tmp, 3000)
	db := filepath.Join(tmp, "db")
	var stdout bytes.Buffer
	lines, code := startIngest(t, bin, db, dir, &stdout, func(p *os.Process) error {
		for _, args := range storeCommands {
			// A command that waited for the lock would wait for ever:
			// the ingest is stuck writing -v lines nobody reads until
			// stop returns (runBin gives up after a minute).
			r := runBin(t, bin, "", append(args, "--db", db)...)
			want := "geokg: store " + db + " is in use by another geokg process\n"
			if r.code != 1 || r.stderr != want {
				t.Errorf("geokg %s during an ingest: exit %d, stderr %q; want exit 1, %q",
					args[0], r.code, r.stderr, want)
			}
		}
		return p.Signal(os.Interrupt)
	})
	if code != 130 && code != 0 {
		t.Errorf("the ingest exited %d\n%s", code, strings.Join(lines, "\n"))
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("check after: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// dumpStore lists every key and value of the Badger database in dir.
func dumpStore(t *testing.T, dir string) []string {
	t.Helper()
	bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var out []string
	err = bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%s=%x", it.Item().Key(), v))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// gzipBombBytes returns about 1 MB of gzip data that inflates to 1 GB of
// zeros: one member of 1 MB of zeros, repeated (gzip readers read
// concatenated members as one stream).
func gzipBombBytes(t *testing.T) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.Repeat(member.Bytes(), 1024)
}

// TestBinaryBadFormats gives the built geokg broken JSON Lines, a gzip
// bomb, a page nested 100,000 deep, a page full of scripts and remote
// resources, and data that is not gzip, in one call next to good inputs:
// one stderr line per problem, the good articles stored, exit 1, and not
// one request to the server the page points at.
func TestBinaryBadFormats(t *testing.T) {
	bin := buildGeokg(t)
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		fmt.Fprint(w, "Russia accused Ukraine of the attack.")
	}))
	defer srv.Close()
	dir := filepath.Join(t.TempDir(), "in")
	remote := fmt.Sprintf(`<!doctype html><html><head><title>Grain talks</title>
<meta http-equiv="refresh" content="0; url=%[1]s/refresh">
<link rel="stylesheet" href="%[1]s/style.css"><link rel="canonical" href="%[1]s/canonical">
<script src="%[1]s/app.js"></script>
<script>fetch("%[1]s/fetch"); document.write("Israel accused Iran of the strike.");</script>
</head><body><article><h1>Grain talks</h1>
<p>Belarus and Russia are allies, officials in Minsk said on Tuesday as the talks began.</p>
<img src="%[1]s/photo.jpg"><iframe src="%[1]s/frame"></iframe><object data="%[1]s/obj"></object>
<p>Turkey supplied drones to Ukraine, according to the report published in the capital.</p>
</article></body></html>`, srv.URL)
	const depth = 100_000
	deep := "<html><body>" + strings.Repeat("<div>", depth) + "<p>Iran supplied drones to Russia, Kyiv said.</p>" + strings.Repeat("</div>", depth) + "</body></html>"
	jsonl := strings.Join([]string{
		`{"text":"Iran supplied drones to Russia.","date":"2024-03-01"}`,
		`not json`,
		`{"text": 42}`,
		`{"title":"no text"}`,
		`{"text":"Belarus and Russia are allies.","date":"2024-02-30"}`,
		``,
		`{"text":"Hungary accused Brussels`,
	}, "\n")
	writeFiles(t, dir, map[string][]byte{
		"good.txt":     []byte("Kyiv accused Moscow of shelling the Zaporizhzhia plant.\n"),
		"remote.html":  []byte(remote),
		"deep.html":    []byte(deep),
		"dump.jsonl":   []byte(jsonl),
		"bomb.txt.gz":  gzipBombBytes(t),
		"plain.txt.gz": bytes.Repeat([]byte("not gzip at all\n"), 10),
	})
	db := filepath.Join(t.TempDir(), "db")
	r := runBin(t, bin, "", "ingest", "--db", db, "--date", "2024-01-01", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	bad := []string{
		"bomb.txt.gz: larger than the 10 MB limit",
		"plain.txt.gz: gzip: ",
		"dump.jsonl:2: not valid JSON",
		"dump.jsonl:3: ",
		"dump.jsonl:4: ",
		"dump.jsonl:5: ",
		"dump.jsonl:7: not valid JSON",
	}
	for _, b := range bad {
		if !strings.Contains(r.stderr, "geokg: "+filepath.Join(dir, b)) {
			t.Errorf("stderr lacks a line starting %q", b)
		}
	}
	if got := strings.Count(r.stderr, "\n"); got != len(bad) {
		t.Errorf("stderr has %d lines, want %d:\n%s", got, len(bad), r.stderr)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("reading the page made %d requests to the server it names", n)
	}
	edges := edgeKeys(t, runBin(t, bin, "", "export", "--db", db, "--format", "json").stdout)
	for _, want := range []string{"BLR allies-with RUS", "TUR supplies UKR", "IRN supplies RUS", "UKR accuses RUS"} {
		if !strings.Contains(edges, want) {
			t.Errorf("edges %q lack %q", edges, want)
		}
	}
	for _, not := range []string{"ISR", "HUN"} {
		if strings.Contains(edges, not) {
			t.Errorf("edges %q hold %s, from a script or a broken line", edges, not)
		}
	}
	// good.txt, remote.html, deep.html, dump.jsonl line 1.
	if rows := binArticles(t, bin, db); len(rows) != 4 {
		t.Errorf("%d articles stored, want 4: %+v", len(rows), rows)
	}
}
