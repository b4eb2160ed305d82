package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// built is the geokg binary the tests run, built once per test binary.
var built struct {
	once sync.Once
	dir  string // temporary folder holding it, removed by TestMain
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{built.dir, views.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// buildGeokg builds the binary into a temporary folder, once for all the
// tests, and returns its path.
func buildGeokg(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "geokg-test-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "geokg")
		args := []string{"build", "-o", built.bin}
		if raceEnabled { // under go test -race, the binary tests watch the binary for races too
			args = append(args, "-race")
		}
		if out, err := exec.Command(goTool, append(args, ".")...).CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// TestBinary builds the real geokg and runs it as a user would, checking
// exit codes and that nothing on stderr looks like a crash.
func TestBinary(t *testing.T) {
	bin := buildGeokg(t)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	article, err := filepath.Abs(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		stdin  string
		code   int
		stdout string // a substring
		stderr string // a substring
	}{
		{args: []string{"ingest", article}, code: 0, stdout: "1 article read, 1 new"},
		{args: []string{"ingest", article}, code: 0, stdout: "0 new, 0 updated, 1 unchanged"},
		{args: []string{"ingest", "-"}, stdin: "Belarus and Russia are allies.\n", code: 0, stdout: "1 new"},
		{args: []string{"ingest", filepath.Join(tmp, "nope.txt")}, code: 1, stderr: "nope.txt: no such file or directory"},
		{args: []string{"actor", "Tehran"}, code: 0, stdout: "Iran"},
		{args: []string{"actor", "Narnia"}, code: 1, stderr: `no actor "Narnia"`},
		{args: []string{"export", "--format", "json"}, code: 0, stdout: `"edges"`},
		{args: []string{"export", "--format", "dot"}, code: 0, stdout: "digraph"},
		{args: []string{"export", "--format", "gif"}, code: 2, stderr: "--format"},
		{args: []string{"frobnicate"}, code: 2, stderr: "unknown command"},
		{args: []string{"--help"}, code: 0, stdout: "EXIT STATUS"},
	} {
		cmd := exec.Command(bin, append(tc.args, "--db", db)...)
		cmd.Env = append(os.Environ(), "GEOKG_DB=")
		cmd.Stdin = strings.NewReader(tc.stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatalf("geokg %s: %v", tc.args, err)
		}
		if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("geokg %s: exit %d, want %d\nstdout (want %q):\n%s\nstderr (want %q):\n%s",
				strings.Join(tc.args, " "), code, tc.code, tc.stdout, stdout.String(), tc.stderr, stderr.String())
		}
		if s := stderr.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
			t.Errorf("geokg %s crashed:\n%s", tc.args, s)
		}
	}
}

// manyArticles writes n distinct copies of the example article into a
// new folder under tmp and returns it.
func manyArticles(t *testing.T, tmp string, n int) string {
	t.Helper()
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "news")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := fmt.Appendf(bytes.Clone(article), "\nReference %d.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startIngest starts "geokg ingest -v" on dir and calls stop with the
// process once the first article is reported stored. It returns the
// process's stderr lines and its exit status.
func startIngest(t *testing.T, bin, db, dir string, stdout io.Writer, stop func(*os.Process) error) ([]string, int) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "-v", "--db", db, dir)
	cmd.Stdout = stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) == 1 {
			if err := stop(cmd.Process); err != nil {
				t.Fatal(err)
			}
		}
	}
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return lines, exitErr.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return lines, 0
}

// TestInterrupt sends SIGINT to an ingest of many articles once the first
// one is stored: geokg must stop early with status 130, print its summary,
// and leave a store that opens and answers.
func TestInterrupt(t *testing.T) {
	t.Parallel() // waits on processes most of the time: overlaps the other tests
	bin := buildGeokg(t)
	tmp := t.TempDir()
	const n = 3000
	dir := manyArticles(t, tmp, n)
	db := filepath.Join(tmp, "db")
	var stdout bytes.Buffer
	lines, code := startIngest(t, bin, db, dir, &stdout, func(p *os.Process) error { return p.Signal(os.Interrupt) })
	if code != 130 {
		t.Fatalf("interrupted ingest: exit %d, want 130\nstderr:\n%s", code, strings.Join(lines, "\n"))
	}
	if last := lines[len(lines)-1]; last != "geokg: interrupted" {
		t.Errorf("last stderr line %q, want geokg: interrupted", last)
	}
	got := stdout.String()
	if !strings.Contains(got, " failed; ") || strings.Contains(got, fmt.Sprintf("%d new", n)) {
		t.Errorf("summary %q: want one that shows an early stop", got)
	}
	out, err := exec.Command(bin, "actors", "--db", db).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "IRN") {
		t.Errorf("store after the interrupt: %v\n%s", err, out)
	}
}

// TestKilled kills an ingest with SIGKILL: a query then cannot open the
// store read-only (Badger must replay its log), and reads a recovered copy
// of it instead, finding what was committed and changing no file of the
// store; the next ingest recovers the store itself.
func TestKilled(t *testing.T) {
	t.Parallel() // waits on processes most of the time: overlaps the other tests
	bin := buildGeokg(t)
	tmp := t.TempDir()
	dir := manyArticles(t, tmp, 3000)
	db := filepath.Join(tmp, "db")
	_, code := startIngest(t, bin, db, dir, io.Discard, func(p *os.Process) error { return p.Kill() })
	if code != -1 {
		t.Fatalf("killed ingest: exit %d, want -1 (killed)", code)
	}
	before := fileHashes(t, db)
	out, err := exec.Command(bin, "actor", "--db", db, "Belarus").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Russia") {
		t.Errorf("actor after a kill: %v\n%s", err, out)
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("check after a kill: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	sameFiles(t, "queries after a kill", before, fileHashes(t, db))
	if leftovers, _ := filepath.Glob(filepath.Join(tmp, ".db.reading-*")); len(leftovers) > 0 {
		t.Errorf("the copies read are left behind: %q", leftovers)
	}
	if r := runBin(t, bin, "", "ingest", "-q", "--db", db, dir); r.code != 0 || !strings.Contains(r.stdout, "3000 articles read") {
		t.Errorf("ingest after a kill: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
