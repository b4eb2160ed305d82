package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"geokg/extract/input"
	"geokg/store"
)

type serveOptions struct {
	Addr     string
	ReadOnly bool
	CORS     string
	MaxSize  string
}

func newServeCommand(g *globalOptions) *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the graph explorer page and the JSON API over HTTP",
		Long: `Serve opens the store and serves, at --addr, a page to explore the graph in
a browser (search, an interactive drawing, relations and their evidence,
filters, paths) and the JSON API the page uses (docs/api.md): the same
documents as the commands' --format json, and POST /api/articles to add an
article while others query.

It listens on the loopback interface unless --addr says otherwise, and
prints "listening on http://ADDR" on stderr. The server owns the store:
while it runs, other geokg commands on the store say where it is served.
Ctrl-C (or SIGTERM) stops it cleanly: requests under way, ingests
included, finish first.`,
		Example: `  geokg serve
  geokg serve --addr 127.0.0.1:9000 --read-only
  curl -s 'http://127.0.0.1:8080/api/actors?q=pyong'
  curl -s --data-binary @testdata/article.txt 'http://127.0.0.1:8080/api/articles?date=2024-03-14'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), opts, g, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0: any free port)")
	f.BoolVar(&opts.ReadOnly, "read-only", false, "open the store read-only and refuse POST /api/articles")
	f.StringVar(&opts.CORS, "cors", "", "allow this `ORIGIN` (e.g. http://localhost:3000) to call the API from its pages; none by default")
	f.StringVar(&opts.MaxSize, "max-size", "10MB", "largest article body POST /api/articles takes, e.g. 512KB, 10MB")
	return cmd
}

// shutdownGrace is how long a stopping server waits for requests under
// way (an ingest of a large article, an export) before it closes them.
const shutdownGrace = 30 * time.Second

func runServe(ctx context.Context, opts serveOptions, g *globalOptions, stderr io.Writer) (err error) {
	const cmd = "geokg serve"
	maxSize, err := input.ParseSize(opts.MaxSize)
	if err != nil {
		return usagef(cmd, "--max-size: %v", err)
	}
	if opts.CORS != "" && !validOrigin(opts.CORS) {
		return usagef(cmd, "--cors %q: want an origin such as http://localhost:3000 (scheme, host, optional port)", opts.CORS)
	}
	x, err := g.extractor(defaultMaxMentions)
	if err != nil {
		return err
	}
	open := g.openStore
	if opts.ReadOnly {
		open = g.openQuery
	}
	s, err := open()
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", opts.Addr, err)
	}
	srv := newServer(s, g, x, opts, maxSize)
	srv.stderr = &lockedWriter{w: stderr}
	servedStores.Store(s, true)
	defer servedStores.Delete(s)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		srv.loopback = tcp.IP.IsLoopback()
	}
	url := "http://" + ln.Addr().String()
	release := markServed(s.Dir(), url)
	defer release()
	fmt.Fprintf(stderr, "listening on %s\n", url)
	return srv.serve(ctx, ln, stderr)
}

// lockedWriter serialises the writes of the requests' notices.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// validOrigin reports whether o looks like a web origin: a scheme, "://",
// a host and nothing after it but an optional port.
func validOrigin(o string) bool {
	scheme, rest, ok := strings.Cut(o, "://")
	if !ok || (scheme != "http" && scheme != "https") || rest == "" {
		return false
	}
	return !strings.ContainsAny(rest, "/?#@ \t\r\n")
}

// serve answers on ln until ctx is done, then stops taking requests, lets
// those under way finish (within shutdownGrace) and returns.
func (sv *server) serve(ctx context.Context, ln net.Listener, stderr io.Writer) error {
	hs := &http.Server{
		Handler:           sv.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	hs.RegisterOnShutdown(sv.closeEvents)
	failed := make(chan error, 1)
	go func() { failed <- hs.Serve(ln) }()
	select {
	case err := <-failed:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "geokg: stopping: finishing the requests under way")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	sv.ingests.Wait() // an ingest whose client went away still commits or rolls back whole
	if err != nil {
		return fmt.Errorf("serve: stop: %w", err)
	}
	fmt.Fprintln(stderr, "geokg: stopped")
	return nil
}

// servedFile is the file, in the store's folder, that names the address
// of the geokg serve that has the store open, and its process id.
const servedFile = "geokg-serve"

// markServed writes servedFile into dir, so that another geokg refused by
// the store's lock can say where the store is served; release removes it.
// A store folder that cannot be written (a read-only server on a store
// the user may not write) is simply not marked.
func markServed(dir, url string) (release func()) {
	path := filepath.Join(dir, servedFile)
	body := fmt.Sprintf("%s\n%d\n", url, os.Getpid())
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		return func() {}
	}
	return func() { os.Remove(path) }
}

// servedAt returns the address of the geokg serve that has the store in
// dir open, if servedFile names a live process that holds the store's
// lock ("" otherwise: a file left by a killed server, or a store held by
// another command).
func servedAt(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, servedFile))
	if err != nil {
		return ""
	}
	url, rest, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(rest))
	if err != nil || !strings.HasPrefix(url, "http://") || !processAlive(pid) {
		return ""
	}
	if lock, err := os.ReadFile(filepath.Join(dir, "LOCK")); err == nil {
		if owner, err := strconv.Atoi(strings.TrimSpace(string(lock))); err == nil && owner != pid {
			return "" // a writer other than the server holds the store
		}
	}
	return url
}

// processAlive reports whether a process with this id exists.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}

// servedError turns the error of opening the store in dir, when it is in
// use by a geokg serve, into one saying where it is served.
func servedError(dir string, err error) error {
	if !errors.Is(err, store.ErrInUse) {
		return err
	}
	if url := servedAt(dir); url != "" {
		return &servedStoreError{fmt.Sprintf("store %s is served by geokg serve at %s: use its API, or stop it first", dir, url), err}
	}
	return err
}

// servedStoreError is servedError's error; it still wraps store.ErrInUse.
type servedStoreError struct {
	msg string
	err error
}

func (e *servedStoreError) Error() string { return e.msg }
func (e *servedStoreError) Unwrap() error { return e.err }

// servedStores are the stores geokg serve shares between the commands it
// runs for requests: closeStore leaves them open.
var servedStores sync.Map // *store.Store -> bool

// isServed reports whether s is a store geokg serve shares.
func isServed(s *store.Store) bool {
	_, ok := servedStores.Load(s)
	return ok
}
