package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Tests of issue 14's "hangs and resources" and "smaller" items: each runs
// geokg on real files and stores, in-process or as the built binary.

// TestDepthHuge: a --depth far beyond the graph's diameter stops when a hop
// reaches nobody new, and gives what a depth that covers the graph gives.
func TestDepthHuge(t *testing.T) {
	db := viewsStore(t)
	for _, extra := range [][]string{nil, {"--rollup"}} {
		args := append([]string{"export", "--db", db, "--format", "json", "--actor", "Iran"}, extra...)
		want := mustRun(t, 0, append(args, "--depth", "20")...).stdout
		for _, depth := range []string{"999999999", "9223372036854775807"} {
			if got := mustRun(t, 0, append(args, "--depth", depth)...).stdout; got != want {
				t.Errorf("export %v --depth %s differs from --depth 20:\n%s\nwant\n%s", extra, depth, got, want)
			}
		}
	}
}

// TestEmptyDB: --db ” is a usage error, not the default store.
func TestEmptyDB(t *testing.T) {
	t.Setenv("GEOKG_DB", t.TempDir())
	for _, args := range [][]string{{"actors", "--db", ""}, {"ingest", "--db=", "-"}, {"--db", "", "stats"}} {
		r := geokg(t, "Belarus and Russia are allies.\n", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "--db: empty directory name") {
			t.Errorf("geokg %q: exit %d, stderr %q; want 2 and --db: empty directory name", args, r.code, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(os.Getenv("GEOKG_DB")); len(entries) != 0 {
		t.Errorf("--db '' wrote to $GEOKG_DB: %v", entries)
	}
}

// TestForgetRerun: forgetting an id a second time (an interrupted forget
// run again) says "already forgotten" and exits 0; an id never stored is
// still an error.
func TestForgetRerun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	ingestText(t, db, "Belarus and Russia are allies.\n")
	ingestText(t, db, otherText)
	rows := mustArticles(t, db)
	if len(rows) != 2 {
		t.Fatalf("articles: %+v", rows)
	}
	a, b := rows[0].ID, rows[1].ID
	mustRun(t, 0, "forget", "--db", db, a)
	r := mustRun(t, 0, "forget", "--db", db, a, b)
	if !strings.Contains(r.stdout, "article "+a+": already forgotten") || !strings.Contains(r.stdout, "forgot "+b) {
		t.Errorf("forget again:\n%s", r.stdout)
	}
	r = mustRun(t, 1, "forget", "--db", db, "0123456789abcdef0123456789abcdef")
	if !strings.Contains(r.stderr, "not in the store") {
		t.Errorf("forget of an unknown id: %+v", r)
	}
	ingestText(t, db, otherText) // one of them back again: forgettable again
	rows = mustArticles(t, db)
	if len(rows) != 1 {
		t.Fatalf("articles after ingesting again: %+v", rows)
	}
	if r := mustRun(t, 0, "forget", "--db", db, rows[0].ID); !strings.Contains(r.stdout, "forgot "+rows[0].ID) {
		t.Errorf("forget after ingesting again:\n%s", r.stdout)
	}
}

// TestStdoutFailures: output lost to a closed standard output or a full
// device exits 1 with one line; > /dev/null is still fine.
func TestStdoutFailures(t *testing.T) {
	t.Parallel()
	bin := buildGeokg(t)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	db := filepath.Join(t.TempDir(), "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	if r := runBin(t, bin, "", "ingest", "--db", db, article); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	for _, tc := range []struct {
		cmd, redirect string
		code          int
	}{
		{"export", ">&-", 1},
		{"export --format json", ">&-", 1},
		{"actors", ">&-", 1},
		{"actors", ">/dev/full", 1},
		{"export", ">/dev/full", 1},
		{"ingest " + article, ">/dev/full", 1},
		{"ingest " + article, ">&-", 1},
		{"actors", ">/dev/null", 0},
		{"export", ">/dev/null", 0},
	} {
		script := `exec "$0" ` + tc.cmd + ` --db "$1" ` + tc.redirect
		out, err := exec.Command("sh", "-c", script, bin, db).CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		stderr := string(out)
		noCrash(t, []string{tc.cmd, tc.redirect}, stderr)
		if code != tc.code || (code != 0 && (strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "standard output"))) {
			t.Errorf("geokg %s %s: exit %d, want %d; stderr:\n%s", tc.cmd, tc.redirect, code, tc.code, stderr)
		}
	}
}

// TestJSONLZeroDate: a JSON Lines date of 0001-01-01 is reported, not
// silently replaced by another date; --date 0001-01-01 is a usage error.
func TestJSONLZeroDate(t *testing.T) {
	dir := t.TempDir()
	dump := write(t, filepath.Join(dir, "dump.jsonl"), []byte(
		`{"text":"Iran supplied drones to Russia.","date":"0001-01-01"}`+"\n"+
			`{"text":"Belarus and Russia are allies.","date":"2024-02-03"}`+"\n"))
	db := filepath.Join(dir, "db")
	r := mustRun(t, 1, "ingest", "--db", db, dump)
	if want := dump + `:1: field "date": date "0001-01-01": 0001-01-01 is no date`; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	if got := storedArticles(t, db); len(got) != 1 || got[0].Date != "2024-02-03" {
		t.Errorf("stored %+v, want only the 2024-02-03 article", got)
	}
	if r := geokg(t, "Belarus and Russia are allies.\n", "ingest", "--db", db, "--date", "0001-01-01", "-"); r.code != 2 {
		t.Errorf("--date 0001-01-01: %+v", r)
	}
}

// denseText is an article of n sentences in which six states accuse six
// others each: 36 relations a sentence.
func denseText(n int) string {
	names := []string{"Iran", "Russia", "Ukraine", "Belarus", "China", "Japan", "Poland", "Germany", "France", "Israel", "Syria", "Turkey"}
	var b strings.Builder
	for i := range n {
		r := append(names[i%len(names):len(names):len(names)], names[:i%len(names)]...)
		fmt.Fprintf(&b, "%s and %s accused %s and %s of spying on day %d. ",
			strings.Join(r[:5], ", "), r[5], strings.Join(r[6:11], ", "), r[11], i)
	}
	return b.String()
}

// TestHugeArticle: an article over --max-mentions fails alone with one
// line; one with more relations than one transaction takes (about 13,000
// entries) is stored whole; killed or interrupted while it is written, it
// is then either whole or absent, and the store checks clean.
func TestHugeArticle(t *testing.T) {
	t.Parallel()
	bin := buildGeokg(t)
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	dense := write(t, filepath.Join(news, "dense.txt"), []byte(denseText(500)))
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(news, "article.txt"), article)

	db := filepath.Join(dir, "capped")
	r := runBin(t, bin, "", "ingest", "--db", db, "--date", "2024-01-01", "--max-mentions", "1000", news)
	if r.code != 1 || !strings.Contains(r.stderr, "geokg: "+dense+": more than 1000 relations") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("ingest --max-mentions 1000: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if n := summary(t, r.stdout); n["new"] != 1 || n["failed"] != 1 {
		t.Errorf("ingest --max-mentions 1000: %s", r.stdout)
	}

	if raceEnabled {
		return // the writes in several transactions and the stops: slow with a -race binary, covered by the plain run
	}
	whole := filepath.Join(dir, "whole")
	start := time.Now()
	r = runBin(t, bin, "", "ingest", "--db", whole, dense)
	took := time.Since(start) // to spread the signals below over a run, not a limit
	n := summary(t, r.stdout)
	if r.code != 0 || n["new"] != 1 || n["relations"] < 15000 {
		t.Fatalf("ingest of %s: exit %d\n%s%s", dense, r.code, r.stdout, r.stderr)
	}
	want := n["relations"]
	wantExport := runBin(t, bin, "", "export", "--db", whole, "--format", "json").stdout

	stops := []float64{0.5, 0.7, 0.85, 0.95}
	for i, at := range stops {
		sig := []os.Signal{os.Kill, os.Interrupt}[i%2]
		db := filepath.Join(dir, fmt.Sprintf("stopped%d", i))
		code, _ := stopIngest(t, bin, db, dense, sig, time.Duration(at*float64(took)))
		if _, err := os.Stat(db); err != nil {
			continue // stopped before the store was made
		}
		rows := binArticles(t, bin, db)
		t.Logf("after %v at %.0f%% of a run: exit %d, %d articles", sig, 100*at, code, len(rows))
		if len(rows) > 1 || (len(rows) == 1 && rows[0].Relations != want) {
			t.Errorf("after %v (exit %d): articles %+v, want none or one with %d relations", sig, code, rows, want)
		}
		if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
			t.Errorf("check after %v: exit %d\n%s%s", sig, r.code, r.stdout, r.stderr)
		}
		if i < len(stops)-2 && len(rows) == 1 {
			continue // the last two stops go on to ingest it again
		}
		if r := runBin(t, bin, "", "ingest", "--db", db, dense); r.code != 0 {
			t.Errorf("ingest again after %v: exit %d\n%s", sig, r.code, r.stderr)
		}
		if got := runBin(t, bin, "", "export", "--db", db, "--format", "json").stdout; got != wantExport {
			t.Errorf("export after %v and a new ingest differs from a clean run:\n%s", sig, lineDiff(wantExport, got))
		}
	}
}

// TestExportOutput: -o refuses a path inside the store folder (directly,
// through .. or through a symbolic link), writes through a symbolic link
// to its target, writes a FIFO and a device in place, and keeps an
// existing file's permissions.
func TestExportOutput(t *testing.T) {
	t.Parallel()
	bin := buildGeokg(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	runBin(t, bin, "", "ingest", "--db", db, article)
	want := runBin(t, bin, "", "export", "--db", db).stdout
	before := fileHashes(t, db)
	if err := os.Symlink(filepath.Join(db, "MANIFEST"), filepath.Join(dir, "sneaky")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(db, "MANIFEST"), filepath.Join(db, "new.dot"), db + "/../db/x.dot", db, filepath.Join(dir, "sneaky")} {
		r := runBin(t, bin, "", "export", "--db", db, "-o", out)
		if r.code != 1 || !strings.Contains(r.stderr, "inside the store folder") {
			t.Errorf("export -o %s: exit %d, stderr %q; want 1 and inside the store folder", out, r.code, r.stderr)
		}
	}
	sameFiles(t, "export -o into the store", before, fileHashes(t, db))

	// a link, to a file that is not there yet and then to one that is
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.dot")
	if err := os.Symlink("real/graph.dot", link); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if r := runBin(t, bin, "", "export", "--db", db, "-o", link); r.code != 0 {
			t.Fatalf("export -o link: %+v", r)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("export -o link: the link is now %v (%v)", fi.Mode(), err)
		}
		if got, err := os.ReadFile(filepath.Join(real, "graph.dot")); err != nil || string(got) != want {
			t.Errorf("the link's target holds %d bytes (%v), want the export", len(got), err)
		}
	}
	kept := filepath.Join(dir, "private.dot")
	write(t, kept, []byte("old"))
	if err := os.Chmod(kept, 0o600); err != nil {
		t.Fatal(err)
	}
	runBin(t, bin, "", "export", "--db", db, "-o", kept)
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != int64(len(want)) {
		t.Errorf("export over a 0600 file: %v, %d bytes (%v)", fi.Mode(), fi.Size(), err)
	}

	// a FIFO, read by cat
	fifo := filepath.Join(dir, "fifo")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	cat := exec.Command("cat", fifo)
	var got strings.Builder
	cat.Stdout = &got
	if err := cat.Start(); err != nil {
		t.Fatal(err)
	}
	r := runBin(t, bin, "", "export", "--db", db, "-o", fifo)
	if err := cat.Wait(); err != nil || r.code != 0 || got.String() != want {
		t.Errorf("export -o FIFO: exit %d, cat read %d bytes (%v), want %d", r.code, got.Len(), err, len(want))
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v (%v)", fi.Mode(), err)
	}

	// a device: a full one made here (as root), not the machine's /dev/full
	full := filepath.Join(dir, "full")
	if err := exec.Command("mknod", full, "c", "1", "7").Run(); err != nil {
		t.Skipf("mknod (needs root): %v", err)
	}
	r = runBin(t, bin, "", "export", "--db", db, "-o", full)
	if r.code != 1 || !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("export -o a full device: %+v", r)
	}
	if fi, err := os.Lstat(full); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device is now %v (%v)", fi.Mode(), err)
	}
}

// TestFIFOInputs: a FIFO in a folder is skipped whatever its name; one
// named on the command line is opened without waiting for a writer (none:
// it reads as empty); and Ctrl-C ends an ingest whose reader waits on a
// FIFO or on standard input that nobody writes to.
func TestFIFOInputs(t *testing.T) {
	t.Parallel()
	bin := buildGeokg(t)
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(news, "a.txt"), article)
	fifo := filepath.Join(news, "x.txt")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	db := filepath.Join(dir, "db")
	r := runBin(t, bin, "", "ingest", "--db", db, news)
	if n := summary(t, r.stdout); r.code != 0 || n["read"] != 1 || n["new"] != 1 {
		t.Errorf("ingest of a folder with a FIFO: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runBin(t, bin, "", "ingest", "--db", db, fifo)
	if r.code != 1 || !strings.Contains(r.stderr, fifo+": empty") {
		t.Errorf("ingest of a FIFO nobody writes to: %+v", r)
	}

	// A writer that holds the FIFO open and writes nothing: the read
	// waits, and Ctrl-C ends it.
	hold, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	if code, stderr := interruptIngest(t, bin, db, nil, fifo); code != 130 {
		t.Errorf("Ctrl-C while reading a silent FIFO: exit %d, want 130\n%s", code, stderr)
	}
	// The same on standard input.
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	defer pr.Close()
	if code, stderr := interruptIngest(t, bin, db, pr, "-"); code != 130 {
		t.Errorf("Ctrl-C while reading a silent stdin: exit %d, want 130\n%s", code, stderr)
	}
}

// interruptIngest runs "geokg ingest path" with stdin, sends it SIGINT
// some time later, and returns its exit status and stderr. A geokg that
// ignores the signal is killed at the test's hang deadline (status -1). On
// a loaded machine the signal can arrive before geokg has started to
// handle it, and the process dies of it (status -1 too): then the run is
// tried again with a longer delay, so only a geokg that never handles the
// signal fails every try.
func interruptIngest(t *testing.T, bin, db string, stdin *os.File, path string) (int, string) {
	t.Helper()
	var code int
	var stderr string
	for _, delay := range []time.Duration{500 * time.Millisecond, 2 * time.Second, 8 * time.Second} {
		var hung bool
		code, stderr, hung = interruptAfter(t, bin, db, stdin, path, delay)
		if code != -1 || hung {
			return code, stderr
		}
		t.Logf("geokg died of SIGINT sent %v after its start; trying a longer delay", delay)
	}
	return code, stderr
}

// interruptAfter runs one "geokg ingest path" and sends it SIGINT after
// delay; hung reports that it was killed at the hang deadline.
func interruptAfter(t *testing.T, bin, db string, stdin *os.File, path string, delay time.Duration) (code int, stderr string, hung bool) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--db", db, path)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	interrupt := time.AfterFunc(delay, func() { cmd.Process.Signal(os.Interrupt) })
	defer interrupt.Stop()
	var killed atomic.Bool
	hang := time.AfterFunc(time.Until(hangDeadline(t)), func() { killed.Store(true); cmd.Process.Kill() })
	defer hang.Stop()
	err := cmd.Wait()
	noCrash(t, []string{"ingest", path}, errOut.String())
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), errOut.String(), killed.Load()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, errOut.String(), killed.Load()
}

// TestFileNames: a line break in a file name does not break the articles
// table, and a name that is not UTF-8 is stored with its bad bytes
// written \xNN, not replaced by U+FFFD.
func TestFileNames(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := filepath.Join(dir, "two\nlines.txt")
	latin := filepath.Join(dir, "lat\xe9n.txt")
	if err := os.WriteFile(lines, article, 0o644); err != nil {
		t.Skipf("no line break in file names here: %v", err)
	}
	if err := os.WriteFile(latin, []byte("Belarus and Russia are allies.\n"), 0o644); err != nil {
		t.Skipf("no such file name here: %v", err)
	}
	db := filepath.Join(dir, "db")
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-01-01", lines, latin)
	table := mustRun(t, 0, "articles", "--db", db).stdout
	if n := strings.Count(table, "\n"); n != 3 || !strings.Contains(table, `two\nlines.txt`) || !strings.Contains(table, `lat\xe9n.txt`) {
		t.Errorf("articles table (%d lines, want a header and 2 rows):\n%s", n, table)
	}
	sources := map[string]bool{}
	for _, a := range mustArticles(t, db) {
		sources[a.Source] = true
	}
	if !sources[lines] || !sources[filepath.Join(dir, `lat\xe9n.txt`)] {
		t.Errorf("sources stored: %v", sources)
	}
}
