package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"geokg/export"
	"geokg/extract"
	"geokg/extract/corpus"
	"geokg/graph"
	"geokg/store"
)

// TestDgraph loads geokg's RDF export of a generated corpus into a real
// Dgraph (zero and alpha on 127.0.0.1 only) with dgraph live, and checks
// that a DQL query returns the relations "geokg actor" shows for the
// busiest actors, with the same counts and dates.
// Every actor of the export must be one node in Dgraph.
//
// It needs a dgraph binary: GEOKG_DGRAPH=/path/to/dgraph (.ci/dgraph/build
// makes one). Without it the test is skipped. The servers are killed when
// the test ends, passes or not, and also if the test process dies
// (Pdeathsig); their pids are appended to $GEOKG_DGRAPH_PIDS when set, so
// a CI script can kill them after a crash too.
func TestDgraph(t *testing.T) {
	bin := os.Getenv("GEOKG_DGRAPH")
	if bin == "" {
		t.Skip("no Dgraph binary: set GEOKG_DGRAPH=/path/to/dgraph (build one with .ci/dgraph/build) to run the Dgraph integration test")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("GEOKG_DGRAPH: %v", err)
	}
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	schema := filepath.Join(tmp, "graph.schema")
	mustRun(t, 0, "export", "--format", "dgraph-schema", "-o", schema)
	d := startDgraph(t, bin, tmp)
	writeCorpus(t, filepath.Join(tmp, "corpus"), 0, 150)
	mustRun(t, 0, "ingest", "--db", db, filepath.Join(tmp, "corpus"))
	rdf := filepath.Join(tmp, "graph.rdf")
	mustRun(t, 0, "export", "--db", db, "--format", "rdf", "-o", rdf)
	live := exec.Command(bin, "live", "-f", rdf, "-s", schema, "--alpha", d.grpc,
		"--xidmap", filepath.Join(tmp, "xidmap"), "--tmp", filepath.Join(tmp, "live-tmp"))
	live.Dir = tmp
	if out, err := live.CombinedOutput(); err != nil {
		t.Fatalf("dgraph live: %v\n%s", err, tail(out))
	}
	if got, want := d.count(t), actorCount(t, db); got != want {
		t.Errorf("Dgraph holds %d Actor nodes, the store %d actors with relations", got, want)
	}
	for _, id := range busiest(t, db, 3) {
		t.Run(string(id), func(t *testing.T) {
			want := geokgRelations(t, db, id)
			got := d.relations(t, id)
			if len(want) == 0 {
				t.Fatalf("geokg actor %s shows no relations", id)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Dgraph and geokg differ for %s:\n%s", id, lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
			}
		})
	}
}

// writeCorpus writes generated articles from..from+n-1 into dir, dated by
// their file times as corpusgen does.
func writeCorpus(t *testing.T, dir string, from, n int) {
	t.Helper()
	gen, err := corpus.New(extract.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := from; i < from+n; i++ {
		text, date := gen.Article(11, i, 4<<10)
		path := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, date.Add(12*time.Hour), date.Add(12*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
}

// busiest returns the n actors with the highest degree.
func busiest(t *testing.T, db string, n int) []graph.ActorID {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	type actor struct {
		id     graph.ActorID
		degree int
	}
	var actors []actor
	err = s.Actors(context.Background(), func(a graph.Actor, degree int) error {
		actors = append(actors, actor{a.ID, degree})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(actors, func(a, b actor) int { return b.degree - a.degree })
	var ids []graph.ActorID
	for _, a := range actors[:min(n, len(actors))] {
		ids = append(ids, a.id)
	}
	return ids
}

// actorCount counts the actors the RDF export writes: those of the graph.
func actorCount(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	err = s.StreamGraph(context.Background(), store.Filter{}, func(graph.Actor) error { n++; return nil },
		func(graph.Edge) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// relationLine is how both sides are compared: one line per relation.
func relationLine(dir, rel string, other graph.ActorID, articles, mentions int, first, last string) string {
	return fmt.Sprintf("%s %s %s articles=%d mentions=%d %s..%s", dir, rel, other, articles, mentions, first, last)
}

// geokgRelations lists id's direct relations (not those of actors speaking
// for it) as "geokg actor --format json" shows them.
func geokgRelations(t *testing.T, db string, id graph.ActorID) []string {
	t.Helper()
	out := mustRun(t, 0, "actor", "--db", db, "--format", "json", "--evidence", "0", string(id)).stdout
	var v struct {
		Relations []struct {
			Direction string `json:"direction"`
			Relation  string `json:"relation"`
			Actor     struct {
				ID graph.ActorID `json:"id"`
			} `json:"actor"`
			Via      *struct{} `json:"via"`
			Articles int       `json:"articles"`
			Mentions int       `json:"mentions"`
			First    string    `json:"first_seen"`
			Last     string    `json:"last_seen"`
		} `json:"relations"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("geokg actor --format json: %v\n%s", err, out)
	}
	var lines []string
	for _, r := range v.Relations {
		if r.Via != nil {
			continue
		}
		dir := r.Direction
		if r.Relation == string(graph.AlliesWith) {
			dir = "both"
		}
		lines = append(lines, relationLine(dir, r.Relation, r.Actor.ID, r.Articles, r.Mentions, r.First, r.Last))
	}
	slices.Sort(lines)
	return lines
}

// dgraph is a running zero and alpha.
type dgraph struct {
	http, grpc string // alpha's addresses
}

// startDgraph starts zero and alpha on free loopback ports with their data
// under dir, waits until alpha is healthy, and stops both at cleanup.
func startDgraph(t *testing.T, bin, dir string) *dgraph {
	t.Helper()
	offset := freeOffset(t)
	zeroGRPC := fmt.Sprintf("127.0.0.1:%d", 5080+offset)
	start(t, bin, dir, "zero.log", "zero", "--my", zeroGRPC, "--port_offset", fmt.Sprint(offset),
		"--bindall=false", "--wal", filepath.Join(dir, "zw"))
	start(t, bin, dir, "alpha.log", "alpha", "--my", fmt.Sprintf("127.0.0.1:%d", 7080+offset),
		"--zero", zeroGRPC, "--port_offset", fmt.Sprint(offset), "--bindall=false",
		"--postings", filepath.Join(dir, "p"), "--wal", filepath.Join(dir, "w"), "--tmp", filepath.Join(dir, "t"),
		"--security", "whitelist=127.0.0.1/8")
	d := &dgraph{http: fmt.Sprintf("127.0.0.1:%d", 8080+offset), grpc: fmt.Sprintf("127.0.0.1:%d", 9080+offset)}
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get("http://" + d.http + "/health")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte(`"healthy"`)) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("dgraph alpha not healthy after 90 s (last error %v); logs:\n%s\n%s", err,
				readTail(filepath.Join(dir, "zero.log")), readTail(filepath.Join(dir, "alpha.log")))
		}
		time.Sleep(500 * time.Millisecond)
	}
	return d
}

// freeOffset finds a port offset at which Dgraph's five ports are free on
// 127.0.0.1.
func freeOffset(t *testing.T) int {
	t.Helper()
	for offset := 1000; offset < 5000; offset += 7 {
		free := true
		for _, base := range []int{5080, 6080, 7080, 8080, 9080} {
			l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", base+offset))
			if err != nil {
				free = false
				break
			}
			l.Close()
		}
		if free {
			return offset
		}
	}
	t.Fatal("no free port range for Dgraph")
	return 0
}

// start runs "bin args..." in dir with output to logName, and kills it at
// cleanup. Pdeathsig kills it if the test process dies first.
func start(t *testing.T, bin, dir, logName string, args ...string) {
	t.Helper()
	logf, err := os.Create(filepath.Join(dir, logName))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	// Pdeathsig follows the thread that started the process: keep this
	// goroutine on one thread while starting it.
	runtime.LockOSThread()
	err = cmd.Start()
	runtime.UnlockOSThread()
	if err != nil {
		logf.Close()
		t.Fatalf("start dgraph %s: %v", args[0], err)
	}
	if f := os.Getenv("GEOKG_DGRAPH_PIDS"); f != "" {
		if pf, err := os.OpenFile(f, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintln(pf, cmd.Process.Pid)
			pf.Close()
		}
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		logf.Close()
		if t.Failed() {
			t.Logf("dgraph %s log:\n%s", args[0], readTail(filepath.Join(dir, logName)))
		}
	})
}

// count returns the number of Actor nodes in Dgraph.
func (d *dgraph) count(t *testing.T) int {
	t.Helper()
	var res struct {
		Q []struct {
			N int `json:"count"`
		} `json:"q"`
	}
	d.query(t, "{ q(func: type(Actor)) { count(uid) } }", &res)
	if len(res.Q) != 1 {
		t.Fatalf("count query: %+v", res)
	}
	return res.Q[0].N
}

// query runs a DQL query and decodes its data into v.
func (d *dgraph) query(t *testing.T, q string, v any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+d.http+"/query", strings.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/dql")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var res struct {
		Data   json.RawMessage            `json:"data"`
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.Unmarshal(body, &res); err != nil || len(res.Errors) > 0 {
		t.Fatalf("DQL query: %v %v\nquery:\n%s\nresponse:\n%s", err, res.Errors, q, body)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatalf("DQL query: %v\nresponse:\n%s", err, body)
	}
}

// relations asks Dgraph for id's relations, in both directions, with the
// facets geokg's export put on them.
func (d *dgraph) relations(t *testing.T, id graph.ActorID) []string {
	t.Helper()
	var q strings.Builder
	fmt.Fprintf(&q, "{ q(func: eq(xid, %q)) { xid\n", id)
	for _, r := range graph.Relations {
		p := export.DgraphPredicate(r)
		fmt.Fprintf(&q, "  %s @facets { xid }\n  ~%s @facets { xid }\n", p, p)
	}
	q.WriteString("} }")
	var res struct {
		Q []map[string]json.RawMessage `json:"q"`
	}
	d.query(t, q.String(), &res)
	if len(res.Q) != 1 {
		t.Fatalf("%d nodes with xid %s in Dgraph, want 1", len(res.Q), id)
	}
	var lines []string
	for _, r := range graph.Relations {
		p := export.DgraphPredicate(r)
		for _, pred := range []string{p, "~" + p} {
			dir := map[bool]string{true: "in", false: "out"}[pred[0] == '~']
			if r.Symmetric() {
				dir = "both"
			}
			var ends []map[string]any
			if raw, ok := res.Q[0][pred]; ok {
				if err := json.Unmarshal(raw, &ends); err != nil {
					t.Fatalf("%s: %v", pred, err)
				}
			}
			for _, e := range ends {
				facet := func(name string) any { return e[pred+"|"+name] }
				lines = append(lines, relationLine(dir, string(r), graph.ActorID(fmt.Sprint(e["xid"])),
					toInt(facet("articles")), toInt(facet("mentions")), day(facet("first_seen")), day(facet("last_seen"))))
			}
		}
	}
	slices.Sort(lines)
	return lines
}

func toInt(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// day turns a datetime facet into YYYY-MM-DD ("" when absent).
func day(v any) string {
	s, _ := v.(string)
	if len(s) >= 10 {
		return s[:10]
	}
	return ""
}

func tail(b []byte) string {
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

func readTail(path string) string {
	b, _ := os.ReadFile(path)
	return tail(b)
}
