package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCrashes kills an ingest at random moments, again and again on the
// same store (SIGKILL, and every third time SIGINT): after a random number
// of the articles it still has to store are reported stored (ingest -v),
// so that every stop falls mid-ingest whatever the machine's load. After each stop the
// store must open and pass check, and hold only whole articles: each
// stored article has exactly the relations a clean run stores for it.
// After an interrupt, the summary's count of new articles must be what
// was stored. Finally the same ingest runs to the end, and the export must
// be byte for byte that of a store built in one clean run.
//
// When a store holds every article, the next rounds use a new one. The
// seed is fixed, and the loop stops after 15 rounds, or after 30 seconds
// once 3 ingests were killed mid-way: the clock only shortens the test,
// it never decides whether it passes (the first 4 rounds make 3 kills).
func TestCrashes(t *testing.T) {
	t.Parallel() // waits on processes most of the time: overlaps the other tests
	if raceEnabled {
		t.Skip("slow with a -race binary; the plain test run covers crashes, the other binary tests cover races")
	}
	bin := buildGeokg(t)
	tmp := t.TempDir()
	dir := manyArticles(t, tmp, 500)
	clean, db := filepath.Join(tmp, "clean"), filepath.Join(tmp, "db")
	if r := runBin(t, bin, "", "ingest", "--db", clean, dir); r.code != 0 {
		t.Fatalf("clean ingest: exit %d\n%s", r.code, r.stderr)
	}
	want := runBin(t, bin, "", "export", "--db", clean, "--format", "json").stdout
	relations := map[string]int{}
	for _, a := range binArticles(t, bin, clean) {
		relations[a.ID] = a.Relations
	}
	rng := rand.New(rand.NewPCG(5, 2026))
	deadline := time.Now().Add(30 * time.Second)
	stored, kills, interrupts := 0, 0, 0
	for round := 0; round < 15 && (kills < 3 || time.Now().Before(deadline)); round++ {
		sig := os.Signal(syscall.SIGKILL)
		if round%3 == 2 {
			sig = os.Interrupt
		}
		// stopped after 0 to all but one of the articles left are
		// stored: while it still has one to store
		after := rng.IntN(len(relations) - stored)
		code, summaryLine := stopAfterStored(t, bin, db, dir, sig, after)
		switch {
		case code == 0:
		case sig == syscall.SIGKILL && code == -1:
			kills++
		case sig == os.Interrupt && code == 130:
			interrupts++
		case sig == os.Interrupt && code == -1 && summaryLine == "":
			// Killed by SIGINT before main installed its handler (the
			// shell shows 130 for that too); nothing was opened yet.
		default:
			t.Fatalf("round %d: ingest stopped by %v after %d new articles exited %d", round, sig, after, code)
		}
		if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
			continue // stopped before it made the store
		}
		if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
			t.Fatalf("round %d: check after %v after %d new articles: exit %d\n%s%s", round, sig, after, r.code, r.stdout, r.stderr)
		}
		rows := binArticles(t, bin, db)
		for _, a := range rows {
			if n, ok := relations[a.ID]; !ok || n != a.Relations {
				t.Errorf("round %d: article %s (%s) holds %d relations; a clean run stores %d", round, a.ID, a.Source, a.Relations, n)
			}
		}
		if sig == os.Interrupt && summaryLine != "" {
			if n := summary(t, summaryLine)["new"]; n != len(rows)-stored {
				t.Errorf("round %d: the summary says %d new, the store gained %d articles\n%s", round, n, len(rows)-stored, summaryLine)
			}
		}
		stored = len(rows)
		if stored == len(relations) {
			// Everything is in: a further ingest would only find each
			// article unchanged and end before any kill. Go on with a new
			// store, so that every round stops real work.
			db = filepath.Join(tmp, fmt.Sprintf("db%d", round))
			stored = 0
		}
	}
	t.Logf("%d kills and %d interrupts mid-ingest; %d of %d articles stored before the last run", kills, interrupts, stored, len(relations))
	if kills < 3 {
		t.Errorf("only %d ingests were killed mid-way; the test proves little", kills)
	}
	if r := runBin(t, bin, "", "ingest", "--db", db, dir); r.code != 0 {
		t.Fatalf("final ingest: exit %d\n%s", r.code, r.stderr)
	}
	if got := runBin(t, bin, "", "export", "--db", db, "--format", "json").stdout; got != want {
		t.Errorf("export after the crashes differs from a clean run:\n%s", lineDiff(want, got))
	}
}

// stopAfterStored starts "geokg ingest -v" of dir into db, sends sig once it
// has reported after new articles stored (at once when after is 0), and
// returns the exit status (-1 when killed) and the summary line, if one
// was printed.
func stopAfterStored(t *testing.T, bin, db, dir string, sig os.Signal, after int) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "-v", "--db", db, dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored, signalled := 0, false
	signal := func() {
		if !signalled {
			signalled = true
			cmd.Process.Signal(sig)
		}
	}
	if after == 0 {
		signal()
	}
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, ": new, ") {
			if stored++; stored == after {
				signal()
			}
		} else {
			stderr.WriteString(line + "\n")
		}
	}
	err = cmd.Wait()
	noCrash(t, []string{"ingest"}, stderr.String())
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	line := stdout.String()
	if !strings.Contains(line, " read, ") {
		line = ""
	}
	return code, line
}

// stopIngest starts "geokg ingest" of dir into db, sends sig after delay,
// and returns the exit status (-1 when killed) and the summary line, if
// one was printed.
func stopIngest(t *testing.T, bin, db, dir string, sig os.Signal, delay time.Duration) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--db", db, dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Signal(sig) })
	err := cmd.Wait()
	timer.Stop()
	noCrash(t, []string{"ingest"}, stderr.String())
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	line := stdout.String()
	if !strings.Contains(line, " read, ") {
		line = ""
	}
	return code, line
}
