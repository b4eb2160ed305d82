package main

import (
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
// same store (SIGKILL, and every third time SIGINT). After each stop the
// store must open and pass check, and hold only whole articles: each
// stored article has exactly the relations a clean run stores for it.
// After an interrupt, the summary's count of new articles must be what
// was stored. Finally the same ingest runs to the end, and the export must
// be byte for byte that of a store built in one clean run.
//
// When a store holds every article, the next rounds use a new one. The
// seed is fixed, and the loop stops after 15 rounds, or after 30 seconds
// once 3 ingests were killed mid-way: the clock only shortens the test,
// it never decides whether it passes (on a busy machine, 30 seconds may
// hold fewer than the 4 rounds that make 3 kills).
func TestCrashes(t *testing.T) {
	t.Parallel() // waits on processes most of the time: overlaps the other tests
	if raceEnabled {
		t.Skip("slow with a -race binary; the plain test run covers crashes, the other binary tests cover races")
	}
	bin := buildGeokg(t)
	tmp := t.TempDir()
	dir := manyArticles(t, tmp, 500)
	clean, db := filepath.Join(tmp, "clean"), filepath.Join(tmp, "db")
	start := time.Now()
	if r := runBin(t, bin, "", "ingest", "--db", clean, dir); r.code != 0 {
		t.Fatalf("clean ingest: exit %d\n%s", r.code, r.stderr)
	}
	took := time.Since(start)
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
		delay := time.Duration(rng.Int64N(int64(took)))
		code, summaryLine := stopIngest(t, bin, db, dir, sig, delay)
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
			t.Fatalf("round %d: ingest stopped by %v after %v exited %d", round, sig, delay, code)
		}
		if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
			continue // stopped before it made the store
		}
		if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
			t.Fatalf("round %d: check after %v at %v: exit %d\n%s%s", round, sig, delay, r.code, r.stdout, r.stderr)
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
