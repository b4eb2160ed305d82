//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: the controlling side and the
// terminal a child process writes to.
func openPTY(t *testing.T) (ptm, pts *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		ptm.Close()
		t.Skipf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	if err != nil {
		ptm.Close()
		t.Skipf("pty number: %v", err)
	}
	pts, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptm.Close()
		t.Skipf("open pty: %v", err)
	}
	t.Cleanup(func() { ptm.Close(); pts.Close() })
	return ptm, pts
}

// TestProgressTerminal runs the built geokg with stderr on a terminal:
// the bar shows the article count and the bytes read, and is gone with
// --quiet or when stderr is a pipe.
func TestProgressTerminal(t *testing.T) {
	bin := buildGeokg(t)
	dir := t.TempDir()
	n := 2000 // enough for the bar to be drawn a few times
	if raceEnabled {
		n = 200 // as slow as 2000 without -race
	}
	for f := range 3 {
		var lines bytes.Buffer
		for i := range n {
			fmt.Fprintf(&lines, `{"text":"Iran supplied drones to Russia, report %d-%d said."}`+"\n", f, i)
		}
		write(t, filepath.Join(dir, fmt.Sprintf("dump%d.jsonl", f)), lines.Bytes())
	}
	write(t, filepath.Join(dir, "page.html"), []byte(newsPage))

	run := func(quiet bool) (stdout, onTerminal string) {
		ptm, pts := openPTY(t)
		args := []string{"ingest", "--db", t.TempDir(), "--date", "2024-01-01", dir}
		if quiet {
			args = append(args, "--quiet")
		}
		cmd := exec.Command(bin, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, pts
		cmd.Env = append(os.Environ(), "GEOKG_DB=")
		got := make(chan string)
		go func() { b, _ := io.ReadAll(ptm); got <- string(b) }()
		if err := cmd.Run(); err != nil {
			t.Fatalf("geokg %s: %v\n%s", args, err, out.String())
		}
		pts.Close() // the reader sees EOF (EIO) once no one holds the terminal
		return out.String(), <-got
	}

	stdout, term := run(false)
	if want := fmt.Sprintf("%d articles read, %[1]d new", 3*n+1); !strings.Contains(stdout, want) {
		t.Errorf("stdout = %q", stdout)
	}
	// How often the bar is redrawn depends on the machine's speed: a fast
	// run may only show the first frame ("| 0 articles [0s]"), a slow one
	// the full bar with a percentage and a rate. Either is a bar on the
	// terminal with a count.
	if !regexp.MustCompile(`\r\|? ?\d+ articles`).MatchString(term) {
		t.Errorf("terminal output has no progress bar with a count:\n%q", term)
	}
	if strings.Contains(stdout, "\r") {
		t.Errorf("the bar went to stdout: %q", stdout)
	}
	if _, term := run(true); term != "" {
		t.Errorf("--quiet: terminal got %q", term)
	}

	// Not a terminal: nothing on stderr.
	cmd := exec.Command(bin, "ingest", "--db", t.TempDir(), "--date", "2024-01-01", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() != 0 {
		t.Errorf("stderr a pipe: %v, %q", err, stderr.String())
	}
}
