//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestTableTerminal runs the built geokg with stdout on a 48-column
// terminal: tables are cut to the width and coloured, except with
// NO_COLOR; JSON and piped output are never decorated.
func TestTableTerminal(t *testing.T) {
	bin := buildGeokg(t)
	db := t.TempDir()
	ingest := exec.Command(bin, "ingest", "--db", db, "-")
	ingest.Stdin = strings.NewReader("Iran supplied drones to Russia, officials in the Islamic Republic of Iran and in Moscow said.\n")
	if out, err := ingest.CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	run := func(env []string, args ...string) string {
		t.Helper()
		ptm, pts := openPTY(t)
		if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 48}); err != nil {
			t.Skipf("set terminal size: %v", err)
		}
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Stdout, cmd.Stderr = pts, os.Stderr
		cmd.Env = append(os.Environ(), env...)
		got := make(chan string)
		go func() { b, _ := io.ReadAll(ptm); got <- string(b) }()
		if err := cmd.Run(); err != nil {
			t.Fatalf("geokg %s: %v", args, err)
		}
		pts.Close()
		return strings.ReplaceAll(<-got, "\r\n", "\n")
	}
	env := []string{"NO_COLOR=", "TERM=xterm"}

	for _, args := range [][]string{{"actor", "Iran"}, {"actors"}, {"articles"}} {
		out := run(env, args...)
		if !strings.Contains(out, "\x1b[1m") {
			t.Errorf("geokg %s on a terminal: no bold header:\n%q", args, out)
		}
		for _, line := range strings.Split(ansi.ReplaceAllString(out, ""), "\n") {
			if n := len([]rune(line)); n > 48 {
				t.Errorf("geokg %s: line %q is %d wide, terminal 48", args, line, n)
			}
		}
		if plain := run([]string{"NO_COLOR=1", "TERM=xterm"}, args...); ansi.MatchString(plain) {
			t.Errorf("geokg %s with NO_COLOR: %q", args, plain)
		}
	}
	if out := run(env, "actor", "Iran"); !strings.Contains(out, "\x1b[34msupplies\x1b[0m") {
		t.Errorf("actor table: relation not coloured:\n%q", out)
	}
	js := run(env, "actors", "--format", "json")
	var rows []map[string]any
	if ansi.MatchString(js) || json.Unmarshal([]byte(js), &rows) != nil || len(rows) != 2 {
		t.Errorf("actors --format json on a terminal: %q", js)
	}
	cmd := exec.Command(bin, "actor", "Iran", "--db", db)
	cmd.Env = append(os.Environ(), env...)
	var piped bytes.Buffer
	cmd.Stdout = &piped
	if err := cmd.Run(); err != nil || ansi.MatchString(piped.String()) || !strings.Contains(piped.String(), "supplies") {
		t.Errorf("piped actor table: %v %q", err, piped.String())
	}
}
