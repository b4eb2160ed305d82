//go:build unix

package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkServeLoad is the load test of geokg serve (docs/benchmarks.md),
// run by hand on a store of one's own:
//
//	GEOKG_LOAD_DB=/tmp/load/db GEOKG_LOAD_POST=/tmp/load/post \
//	  go test -run NONE -bench ServeLoad -benchtime 1x ./cmd/geokg
//
// It builds geokg, serves GEOKG_LOAD_DB with it (the store is written to:
// use a copy), and for GEOKG_LOAD_SECONDS (10) runs GEOKG_LOAD_CLIENTS
// (50) clients that ask GET /api/actors/{id} for the actors of
// GEOKG_LOAD_ACTORS (RUS) in turn, while one more POSTs the files of
// GEOKG_LOAD_POST one after the other. It reports the requests, the errors
// (any answer but 200, any failed request), the latency percentiles and
// the articles stored. It judges no time: the figures are for reading.
func BenchmarkServeLoad(b *testing.B) {
	db := os.Getenv("GEOKG_LOAD_DB")
	if db == "" {
		b.Skip("set GEOKG_LOAD_DB to a store to serve (a copy: the load test posts articles to it); see docs/benchmarks.md")
	}
	seconds := envInt(b, "GEOKG_LOAD_SECONDS", 10)
	clients := envInt(b, "GEOKG_LOAD_CLIENTS", 50)
	actors := strings.Split(cmp.Or(os.Getenv("GEOKG_LOAD_ACTORS"), "RUS"), ",")
	posts := postFiles(b, os.Getenv("GEOKG_LOAD_POST"))

	bin := filepath.Join(b.TempDir(), "geokg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	srv := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	stderr, err := srv.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer srv.Process.Kill()
	sc := bufio.NewScanner(stderr)
	var url string
	for url == "" && sc.Scan() { // an upgrade of the store's format is announced first
		if u, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
			url = u
		}
	}
	if url == "" {
		b.Fatalf("geokg serve printed no address: %v", sc.Err())
	}
	go io.Copy(io.Discard, stderr)

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients + 1, MaxConnsPerHost: clients + 1}}
	for _, a := range actors { // warm the page cache and check the actors exist
		if code, err := getStatus(client, url+"/api/actors/"+a); err != nil || code != 200 {
			b.Fatalf("GET /api/actors/%s: %d %v", a, code, err)
		}
	}

	b.ResetTimer()
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		latencies []time.Duration
		errs      atomic.Int64
		firstErr  atomic.Value
		stored    atomic.Int64
		postErrs  atomic.Int64
	)
	for c := range clients {
		wg.Go(func() {
			var mine []time.Duration
			for i := c; time.Now().Before(deadline); i++ {
				start := time.Now()
				code, err := getStatus(client, url+"/api/actors/"+actors[i%len(actors)])
				mine = append(mine, time.Since(start))
				if err != nil || code != http.StatusOK {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%d %v", code, err))
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		})
	}
	wg.Go(func() {
		for _, path := range posts {
			if !time.Now().Before(deadline) {
				return
			}
			body, err := os.ReadFile(path)
			if err != nil {
				postErrs.Add(1)
				continue
			}
			resp, err := client.Post(url+"/api/articles?date=2024-06-01", "text/plain", strings.NewReader(string(body)))
			if err != nil {
				postErrs.Add(1)
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			switch resp.StatusCode {
			case http.StatusCreated:
				stored.Add(1)
			case http.StatusOK:
			default:
				postErrs.Add(1)
			}
		}
	})
	wg.Wait()
	b.StopTimer()
	srv.Process.Signal(os.Interrupt)
	srv.Wait()

	slices.Sort(latencies)
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/float64(seconds), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(errs.Load()), "errors")
	b.ReportMetric(float64(stored.Load()), "posted")
	b.Logf("%d clients, %d s: %d requests (%.0f/s), %d errors, latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d articles posted and stored, %d failed posts",
		clients, seconds, len(latencies), float64(len(latencies))/float64(seconds), errs.Load(),
		pct(0.50), pct(0.90), pct(0.99), pct(1), stored.Load(), postErrs.Load())
	if e := firstErr.Load(); e != nil {
		b.Logf("first error: %v", e)
	}
}

// getStatus GETs url, reads the whole answer and returns its status.
func getStatus(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// envInt is the positive number in the environment variable name, or def.
func envInt(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// postFiles lists the files under dir, in order ("" lists none).
func postFiles(b *testing.B, dir string) []string {
	if dir == "" {
		return nil
	}
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}
