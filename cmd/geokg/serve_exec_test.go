//go:build unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// servedProcess is a geokg serve binary running for a test.
type servedProcess struct {
	cmd    *exec.Cmd
	url    string      // http://127.0.0.1:PORT
	stderr chan string // the lines it printed on stderr after "listening on"
	exited chan error  // its exit, once
}

// startServe runs "geokg serve --addr 127.0.0.1:0 ARGS..." and waits for
// its "listening on" line. The test's cleanup kills it if it still runs.
func startServe(t *testing.T, bin string, args ...string) *servedProcess {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "GEOKG_DB=")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &servedProcess{cmd: cmd, stderr: make(chan string, 100), exited: make(chan error, 1)}
	first := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for n := 0; sc.Scan(); n++ {
			if n == 0 {
				first <- sc.Text()
				continue
			}
			p.stderr <- sc.Text()
		}
		close(first)
		close(p.stderr)
		p.exited <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	line := <-first
	url, ok := strings.CutPrefix(line, "listening on ")
	if !ok {
		t.Fatalf("geokg serve's first stderr line %q, want listening on http://ADDR", line)
	}
	p.url = url
	return p
}

// waitLine reads the server's stderr up to a line holding want, and
// returns the lines read.
func (p *servedProcess) waitLine(t *testing.T, want string) []string {
	t.Helper()
	var lines []string
	for line := range p.stderr {
		lines = append(lines, line)
		if strings.Contains(line, want) {
			return lines
		}
	}
	t.Fatalf("geokg serve ended without printing %q; it printed:\n%s", want, strings.Join(lines, "\n"))
	return nil
}

// TestServeBinary runs geokg serve as a user does: other commands on the
// store say where it is served; Ctrl-C waits for an ingest whose body is
// still arriving, which is stored whole; the store is then free, has
// the article and checks clean.
func TestServeBinary(t *testing.T) {
	bin := buildGeokg(t)
	db := serveStore(t)
	p := startServe(t, bin, "--db", db, "-v")
	for _, args := range [][]string{{"actor", "RUS"}, {"ingest", articlePath}, {"check"}} {
		r := runBin(t, bin, "", append(args, "--db", db)...)
		if want := fmt.Sprintf("geokg: store %s is served by geokg serve at %s", db, p.url); r.code != 1 || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("geokg %s while served: exit %d, stderr %q, want 1 and %q", args[0], r.code, r.stderr, want)
		}
	}

	body := "Armenia accused Azerbaijan of shelling border villages on Sunday.\n"
	conn, err := net.Dial("tcp", strings.TrimPrefix(p.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/articles?date=2024-09-01 HTTP/1.1\r\nHost: %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s",
		strings.TrimPrefix(p.url, "http://"), len(body), body[:20])
	p.waitLine(t, "POST /api/articles from")
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	p.waitLine(t, "geokg: stopping")
	if _, err := io.WriteString(conn, body[20:]); err != nil {
		t.Fatal(err)
	}
	reply, err := io.ReadAll(conn)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(reply), "HTTP/1.1 201 Created") || !strings.Contains(string(reply), `"status": "new"`) {
		t.Errorf("the ingest under way when the server was told to stop: %s", reply)
	}
	p.waitLine(t, "geokg: stopped")
	if err := <-p.exited; err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			t.Errorf("geokg serve stopped by SIGINT: exit %d, want 0", exitErr.ExitCode())
		} else {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(db, servedFile)); !os.IsNotExist(err) {
		t.Errorf("the stopped server left %s: %v", servedFile, err)
	}
	if r := runBin(t, bin, "", "actor", "Armenia", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "shelling border villages") {
		t.Errorf("after the stop: geokg actor Armenia: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runBin(t, bin, "", "check", "--db", db); r.code != 0 {
		t.Errorf("after the stop: geokg check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
