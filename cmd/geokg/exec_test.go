package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinary builds the real geokg and runs it as a user would, checking
// exit codes and that nothing on stderr looks like a crash.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "geokg")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
		{args: []string{"ingest", article}, code: 0, stdout: "0 new, 1 unchanged"},
		{args: []string{"ingest", "-"}, stdin: "Belarus and Russia are allies.\n", code: 0, stdout: "1 new"},
		{args: []string{"ingest", filepath.Join(tmp, "nope.txt")}, code: 1, stderr: "nope.txt: no such file or directory"},
		{args: []string{"actor", "Tehran"}, code: 0, stdout: "Iran"},
		{args: []string{"actor", "Narnia"}, code: 1, stderr: `no actor "Narnia"`},
		{args: []string{"export", "--format", "json"}, code: 0, stdout: `"edges"`},
		{args: []string{"export", "--format", "dot"}, code: 0, stdout: "digraph"},
		{args: []string{"export", "--format", "png"}, code: 2, stderr: "--format"},
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
