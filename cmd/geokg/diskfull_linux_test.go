package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// smallFS mounts a tmpfs of size (e.g. "56m") on a new folder and returns
// it; the test is skipped, saying why, where that cannot be done (it needs
// root).
func smallFS(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (run the tests as root to cover a full disk)")
	}
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", dir, err, out)
		}
	})
	return dir
}

// fill writes a file of n MB into dir, or until the file system is full
// when n is 0.
func fill(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mb := make([]byte, 1<<20)
	for i := 0; n == 0 || i < n; i++ {
		if _, err := f.Write(mb); err != nil {
			if n == 0 && errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatal(err)
		}
	}
}

var noSpaceLine = regexp.MustCompile(`^geokg: (store: open \S+: )?no space left on tmpfs \(\S+\): \d+ MB free, need about \d+\n$`)

// TestDiskFull runs geokg on a file system that fills up (a small tmpfs):
// the ingest stops before Badger would write into a full disk (a SIGBUS
// and a goroutine dump before), with one line, exit 1 and only whole
// articles stored; on the full file system every command says so in one
// line; with room again, the same ingest completes the store.
func TestDiskFull(t *testing.T) {
	if raceEnabled {
		t.Skip("slow with a -race binary (three ingests of 2000 articles); the plain test run covers a full disk")
	}
	t.Parallel()
	bin := buildGeokg(t)
	tmp := t.TempDir()
	news := manyArticles(t, tmp, 2000)
	side := filepath.Join(tmp, "side")
	runBin(t, bin, "", "ingest", "--db", side, "--date", "2024-01-01", filepath.Join(news, "a0000.txt"))
	perArticle := binArticles(t, bin, side)[0].Relations

	small := smallFS(t, "56m")
	fill(t, filepath.Join(small, "filler"), 20)
	db := filepath.Join(small, "db")
	r := runBin(t, bin, "", "ingest", "-q", "--db", db, "--date", "2024-01-01", news)
	n := summary(t, r.stdout)
	if r.code != 1 || !noSpaceLine.MatchString(r.stderr) || n["new"] == 0 || n["new"] == 2000 {
		t.Fatalf("ingest into a filling file system: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	rows := binArticles(t, bin, db)
	if len(rows) != n["new"] {
		t.Errorf("%d articles stored, the summary says %d new", len(rows), n["new"])
	}
	for _, a := range rows {
		if a.Relations != perArticle {
			t.Errorf("article %s holds %d relations, a whole one %d", a.ID, a.Relations, perArticle)
		}
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("check after the stop: %+v", r)
	}

	fill(t, filepath.Join(small, "rest"), 0)
	for _, args := range [][]string{{"check"}, {"stats"}, {"actors"}, {"articles"}, {"export"}, {"forget", rows[0].ID}, {"ingest", filepath.Join(news, "a1999.txt")}} {
		r := runBin(t, bin, "", append(args, "--db", db)...)
		if r.code != 1 || !noSpaceLine.MatchString(r.stderr) {
			t.Errorf("geokg %s on a full file system: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
		}
	}

	for _, f := range []string{"filler", "rest"} {
		if err := os.Remove(filepath.Join(small, f)); err != nil {
			t.Fatal(err)
		}
	}
	r = runBin(t, bin, "", "ingest", "-q", "--db", db, "--date", "2024-01-01", news)
	if n := summary(t, r.stdout); r.code != 0 || n["new"]+n["unchanged"] != 2000 || n["unchanged"] != len(rows) {
		t.Errorf("ingest with room again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "(2000 articles)") {
		t.Errorf("check at the end: %+v", r)
	}
}
