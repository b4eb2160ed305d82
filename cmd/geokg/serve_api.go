package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"geokg/extract"
	"geokg/graph"
	"geokg/store"
)

// server is geokg serve: one open store, shared by every request.
type server struct {
	s       *store.Store
	g       *globalOptions // the serve command's own: --actors and --lexicon
	x       *extract.Extractor
	opts    serveOptions
	maxSize int
	stderr  io.Writer // -v: a line per POSTed article (nil: none)
	// loopback is set when the server listens on a loopback address: it
	// then answers only requests addressed to a loopback host name.
	loopback bool
	ingests  sync.WaitGroup // POSTed ingests under way
	events   *hub           // tells the pages what an ingest added
	// gen counts the ingests that added an article: the search index
	// built for an older generation is rebuilt.
	gen     atomic.Uint64
	search  searchCache
	answers answerCache
}

func newServer(s *store.Store, g *globalOptions, x *extract.Extractor, opts serveOptions, maxSize int) *server {
	return &server{s: s, g: g, x: x, opts: opts, maxSize: maxSize, events: newHub()}
}

// handler routes the API and the page, behind the security headers.
func (sv *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/actors", sv.searchActors)
	for pattern, e := range commandEndpoints {
		mux.Handle(pattern, sv.command(e))
	}
	mux.HandleFunc("POST /api/articles", sv.postArticle)
	mux.HandleFunc("GET /api/events", sv.streamEvents)
	mux.HandleFunc("GET /api/statuses", sv.serveStatuses)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s (see docs/api.md)", r.Method, r.URL.Path))
	})
	mux.Handle("GET /", pageHandler())
	return sv.secure(mux)
}

// endpoint is an API call answered by running one of geokg's commands
// on the served store with --format json (or the format asked for): the
// same code, so the same documents, as on the command line.
type endpoint struct {
	command func(*globalOptions) *cobra.Command
	fixed   []string // flags always given
	flags   []string // the flags query parameters may set (min_articles sets --min-articles)
	// args returns the command's arguments from the path and query.
	args func(*http.Request) ([]string, error)
	// contentType is the type of the answer, given the query.
	contentType func(*http.Request) string
	// check, if set, is run first: an error it returns is the answer.
	check func(context.Context, *store.Store, *http.Request) error
	// cache, if set, says whether the answer to the request may be kept
	// (see answerCache): answers of bounded size. scoped: it changes only
	// when an article names an id it holds (else with any article).
	cache  func(*http.Request) bool
	scoped bool
}

// narrowing are the query parameters that narrow the graph, as on the
// command line (narrow.go).
var narrowing = []string{"relation", "since", "until", "status", "min-articles", "rollup"}

func jsonType(*http.Request) string { return "application/json; charset=utf-8" }

// pathID is the {id} of the request's path as the command's argument.
func pathID(r *http.Request) ([]string, error) { return []string{r.PathValue("id")}, nil }

// commandEndpoints are the API calls that run a command.
var commandEndpoints = map[string]endpoint{
	"GET /api/actors/{id}": {
		command: newActorCommand, fixed: []string{"--format=json"},
		flags: append([]string{"direction", "evidence"}, narrowing...), args: pathID, contentType: jsonType, cache: always, scoped: true,
	},
	"GET /api/graph": {
		command: newExportCommand, fixed: []string{"--format=json"},
		flags: append([]string{"actor", "depth", "evidence"}, narrowing...), args: noArgs, contentType: jsonType, cache: withActor, scoped: true,
	},
	"GET /api/path": {
		command: newPathCommand, fixed: []string{"--format=json"},
		flags: append([]string{"evidence", "max-hops", "max-paths"}, narrowing...), args: pathEnds, contentType: jsonType, cache: always,
	},
	"GET /api/timeline/{id}": {
		command: newTimelineCommand, fixed: []string{"--format=json"},
		flags: append([]string{"direction"}, narrowing...), args: timelineArgs, contentType: jsonType, cache: always,
	},
	"GET /api/articles/{id}": {
		command: newArticleCommand, fixed: []string{"--format=json"},
		args: pathID, contentType: jsonType, check: articleStored, cache: always, scoped: true,
	},
	"GET /api/stats": {
		command: newStatsCommand, fixed: []string{"--format=json"},
		flags: []string{"top"}, args: noArgs, contentType: jsonType, cache: always,
	},
	"GET /api/export": {
		command: newExportCommand,
		flags:   append([]string{"format", "actor", "depth", "evidence", "layout", "max-actors", "max-edges"}, narrowing...),
		args:    noArgs, contentType: exportType,
	},
}

func noArgs(*http.Request) ([]string, error) { return nil, nil }

func always(*http.Request) bool { return true }

// withActor: a neighbourhood's graph may be kept, not the whole graph.
func withActor(r *http.Request) bool { return r.URL.Query().Get("actor") != "" }

// articleStored is a not-found error (404) when no stored article has
// the id {id}, or starts with it as geokg article takes it.
func articleStored(ctx context.Context, s *store.Store, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.Article(ctx, id); !errors.Is(err, graph.ErrNotFound) {
		return nil // there, or malformed: the command says which
	}
	if len(id) >= minIDPrefix {
		if ids, err := s.ArticleIDs(ctx, id, 1); err != nil || len(ids) > 0 {
			return nil
		}
	}
	return fmt.Errorf("article %s: not in the store (see GET /api/stats, geokg articles): %w", id, graph.ErrNotFound)
}

// pathEnds are /api/path's from and to.
func pathEnds(r *http.Request) ([]string, error) {
	q := r.URL.Query()
	from, to := q.Get("from"), q.Get("to")
	if from == "" || to == "" {
		return nil, errors.New("want both from=ACTOR and to=ACTOR")
	}
	return []string{from, to}, nil
}

// timelineArgs are /api/timeline's {id} and, optionally, other.
func timelineArgs(r *http.Request) ([]string, error) {
	args := []string{r.PathValue("id")}
	if other := r.URL.Query().Get("other"); other != "" {
		args = append(args, other)
	}
	return args, nil
}

// exportTypes are the content types of /api/export's formats.
var exportTypes = map[string]string{
	"dot": "text/vnd.graphviz; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
	"json": "application/json; charset=utf-8", "graphml": "application/graphml+xml; charset=utf-8",
	"rdf": "application/n-quads; charset=utf-8",
}

func exportType(r *http.Request) string {
	if t, ok := exportTypes[r.URL.Query().Get("format")]; ok {
		return t
	}
	return exportTypes["dot"]
}

// extraParams are the query parameters an endpoint reads itself, not
// passed as flags.
var extraParams = map[string]bool{"from": true, "to": true, "other": true}

// command answers e: it turns the query into the command's flags, runs
// the command with the served store and sends what it printed (from the
// answer cache when the same request was answered since the last ingest).
func (sv *server) command(e endpoint) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		flags, err := queryFlags(r, e.flags)
		if err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		args, err := e.args(r)
		if err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		if e.check != nil {
			if err := e.check(r.Context(), sv.s, r); err != nil {
				writeError(w, statusOf(err), err)
				return
			}
		}
		cmdArgs := slices.Concat(e.fixed, flags, []string{"--"}, args)
		if e.cache != nil && e.cache(r) && sv.cachedCommand(w, r, e, cmdArgs) {
			return
		}
		reply := &replyWriter{w: w, contentType: e.contentType(r)}
		reply.finish(sv.runEndpoint(r, e, cmdArgs, reply), e.flags)
	})
}

// runEndpoint runs e's command with args, writing its output to out.
func (sv *server) runEndpoint(r *http.Request, e endpoint, args []string, out io.Writer) error {
	g := &globalOptions{Actors: sv.g.Actors, Lexicon: sv.g.Lexicon, served: sv.s}
	cmd := e.command(g)
	var notes bytes.Buffer
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(&notes)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{cmd: c.CommandPath(), err: err} })
	g.stderr = &notes
	err := runCommand(r.Context(), cmd)
	if errors.Is(err, errReported) { // "no path": the document says so
		err = nil
	}
	return err
}

// runCommand runs cmd, turning a panic (a bug) into an error, as
// executeSafely does for the command line.
func runCommand(ctx context.Context, cmd *cobra.Command) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error (please report it): %v", p)
		}
	}()
	return cmd.ExecuteContext(ctx)
}

// queryFlags turns the query parameters into command-line flags, each as
// one --name=value argument (so a value never reads as another flag). A
// parameter may be spelt with _ or - (min_articles, min-articles); an
// unknown one is an error that lists those allowed.
func queryFlags(r *http.Request, allowed []string) ([]string, error) {
	var flags []string
	q := r.URL.Query()
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		flag := strings.ReplaceAll(name, "_", "-")
		if extraParams[name] {
			continue
		}
		if !slices.Contains(allowed, flag) {
			return nil, fmt.Errorf("unknown parameter %q; this endpoint takes %s", name, paramList(allowed))
		}
		for _, v := range q[name] {
			if v == "" && flag == "rollup" {
				v = "true"
			}
			flags = append(flags, "--"+flag+"="+v)
		}
	}
	return flags, nil
}

// paramList writes flags as query parameter names.
func paramList(flags []string) string {
	names := make([]string, len(flags))
	for i, f := range flags {
		names[i] = strings.ReplaceAll(f, "-", "_")
	}
	return strings.Join(names, ", ")
}

// replyBuffer is how much of a command's output is held back before the
// answer's status is sent: an error found before then still gets its own
// status; a larger answer (an export) streams.
const replyBuffer = 256 << 10

// replyWriter holds back the start of a command's output, so that an
// error the command returns can still be answered with its status.
type replyWriter struct {
	w           http.ResponseWriter
	contentType string
	buf         bytes.Buffer
	committed   bool
	err         error
}

func (rw *replyWriter) Write(p []byte) (int, error) {
	if rw.err != nil {
		return 0, rw.err
	}
	if !rw.committed {
		rw.buf.Write(p)
		if rw.buf.Len() >= replyBuffer {
			rw.commit()
		}
		return len(p), rw.err
	}
	n, err := rw.w.Write(p)
	if err != nil {
		rw.err = fmt.Errorf("write answer: %w", err)
	}
	return n, rw.err
}

// commit sends the status, the headers and what is held back.
func (rw *replyWriter) commit() {
	rw.committed = true
	rw.w.Header().Set("Content-Type", rw.contentType)
	rw.w.WriteHeader(http.StatusOK)
	if _, err := rw.w.Write(rw.buf.Bytes()); err != nil {
		rw.err = fmt.Errorf("write answer: %w", err)
	}
	rw.buf.Reset()
}

// finish sends the answer once the command returned err. An error after
// part of the answer was sent can only cut the answer off: the client sees
// a broken response, not a complete-looking short one.
func (rw *replyWriter) finish(err error, flags []string) {
	switch {
	case err == nil && !rw.committed:
		rw.commit()
	case err == nil:
	case rw.committed:
		panic(http.ErrAbortHandler) // net/http's way to abort a response; not a crash
	default:
		writeError(rw.w, statusOf(err), apiMessage(err, flags))
	}
}

// statusOf is the HTTP status of a command's error.
func statusOf(err error) int {
	var ue *usageError
	switch {
	case errors.As(err, &ue), errors.Is(err, graph.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, errNotStored), errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// apiMessage is err as the API says it: a flag the message names is
// called by its query parameter's name.
func apiMessage(err error, flags []string) error {
	msg := err.Error()
	var ue *usageError
	if errors.As(err, &ue) {
		msg = ue.err.Error()
	}
	for _, f := range flags {
		msg = strings.ReplaceAll(msg, "--"+f, strings.ReplaceAll(f, "-", "_"))
	}
	return errors.New(msg)
}

// writeError answers {"error": "..."} with status.
func writeError(w http.ResponseWriter, status int, err error) {
	writeJSONStatus(w, status, map[string]string{"error": err.Error()})
}

// writeJSONStatus answers v as JSON with status.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // a client that went away is not the server's error
}
