package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"time"

	"geokg/extract"
	"geokg/extract/input"
	"geokg/graph"
	"geokg/store"
)

// postName is how a POSTed article is named in errors, and its source
// when neither the request nor the article gives one.
const postName = "api"

// postedJSON is the JSON body POST /api/articles takes.
type postedJSON struct {
	Text   string `json:"text"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// postedReply is POST /api/articles' answer: the article as "geokg
// articles --format json" lists it, how many relations were stored (0
// when it was there already) and "new" or "unchanged".
type postedReply struct {
	Article   articleRow `json:"article"`
	Relations int        `json:"relations"`
	Status    string     `json:"status"`
}

// badRequest is a problem with the request itself (400).
type badRequest struct{ err error }

func (e *badRequest) Error() string { return e.err.Error() }
func (e *badRequest) Unwrap() error { return e.err }

// badRequestf returns a *badRequest.
func badRequestf(format string, args ...any) error {
	return &badRequest{fmt.Errorf(format, args...)}
}

// postArticle answers POST /api/articles: it reads the article from the
// body (text/plain, text/html or application/json; ?date=, ?title=,
// ?url=, ?source= come first, as ingest's flags), extracts its
// relations and stores it in one transaction, like geokg ingest.
func (sv *server) postArticle(w http.ResponseWriter, r *http.Request) {
	if sv.opts.ReadOnly {
		writeError(w, http.StatusForbidden, errors.New("this server is read-only (geokg serve --read-only): it stores no articles"))
		return
	}
	d, err := sv.postDefaults(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	sv.verbosef("geokg: POST /api/articles from %s: reading the article", r.RemoteAddr)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(sv.bodyLimit(r))))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("%s: the body is larger than the %s limit (geokg serve --max-size)", postName, input.FormatSize(sv.maxSize)))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, fmt.Errorf("%s: read body: %w", postName, err))
		return
	}
	dc, err := readPosted(r, d, body)
	if err != nil {
		writeError(w, postStatus(err), err)
		return
	}
	reply, err := sv.ingest(context.WithoutCancel(r.Context()), dc)
	if err != nil {
		writeError(w, postStatus(err), err)
		return
	}
	sv.verbosef("geokg: POST /api/articles from %s: %s, %s (%s)", r.RemoteAddr, reply.Status, plural(reply.Relations, "relation"), reply.Article.ID)
	status := http.StatusOK
	if reply.Status == "new" {
		status = http.StatusCreated
	}
	writeJSONStatus(w, status, reply)
}

// verbosef prints a notice on the server's stderr with -v.
func (sv *server) verbosef(format string, args ...any) {
	if sv.stderr != nil {
		sv.g.verbosef(sv.stderr, format, args...)
	}
}

// bodyLimit is the largest body taken: the article limit, and room for
// the JSON around the text.
func (sv *server) bodyLimit(r *http.Request) int {
	if mediaType(r) == "application/json" {
		return sv.maxSize + 64<<10
	}
	return sv.maxSize
}

// mediaType is the request's content type without parameters ("" when
// there is none or it cannot be read).
func mediaType(r *http.Request) string {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return t
}

// postDefaults reads ?date=, ?title=, ?url= and ?source= as ingest reads
// its flags.
func (sv *server) postDefaults(r *http.Request) (articleDefaults, error) {
	q := r.URL.Query()
	for name := range q {
		if !slices.Contains([]string{"date", "title", "url", "source"}, name) {
			return articleDefaults{}, fmt.Errorf("unknown parameter %q; POST /api/articles takes date, title, url, source", name)
		}
	}
	d := articleDefaults{source: q.Get("source"), title: q.Get("title"), url: q.Get("url"), maxSize: sv.maxSize, now: time.Now}
	if v := q.Get("date"); v != "" {
		t, err := graph.ParseDate(v)
		if err != nil || t.IsZero() {
			return d, fmt.Errorf("date %q: want YYYY-MM-DD, from 0001-01-02", v)
		}
		d.date = t
	}
	return d, nil
}

// readPosted makes the doc of a POSTed body, by its content type.
func readPosted(r *http.Request, d articleDefaults, body []byte) (*doc, error) {
	now := d.now()
	switch t := mediaType(r); t {
	case "", "text/plain", "text/markdown",
		"application/x-www-form-urlencoded": // what curl --data-binary sends unless told otherwise
		return docOrErr(d.newDoc(postName, postName, body, now))
	case "text/html", "application/xhtml+xml":
		a, err := readPage(postName, body, d.maxSize)
		if err != nil {
			return nil, &badRequest{err}
		}
		return docOrErr(d.articleDoc(postName, postName, a, now))
	case "application/json":
		return readPostedJSON(d, body, now)
	default:
		return nil, badRequestf("%s: content type %q: send text/plain, text/html or application/json", postName, t)
	}
}

// readPostedJSON reads a body {"text", "date", "title", "url", "source"};
// what it gives wins over the query parameters.
func readPostedJSON(d articleDefaults, body []byte, now time.Time) (*doc, error) {
	var p postedJSON
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, badRequestf("%s: JSON body: %v", postName, err)
	}
	if dec.More() {
		return nil, badRequestf("%s: JSON body: more than one object", postName)
	}
	a := input.Article{Text: p.Text, Title: p.Title, URL: p.URL, Source: p.Source}
	if p.Date != "" {
		t, err := graph.ParseDate(p.Date)
		if err != nil || t.IsZero() {
			return nil, badRequestf("%s: date %q: want YYYY-MM-DD, from 0001-01-02", postName, p.Date)
		}
		a.Date = t
	}
	return docOrErr(d.articleDoc(postName, postName, a, now))
}

// docOrErr returns dc, or its error as a bad request.
func docOrErr(dc *doc) (*doc, error) {
	if dc.err != nil {
		return nil, &badRequest{dc.err}
	}
	return dc, nil
}

// postStatus is the HTTP status of a failed POST.
func postStatus(err error) int {
	var bad *badRequest
	switch {
	case errors.Is(err, input.ErrTooLarge), errors.Is(err, store.ErrTooBig), errors.Is(err, extract.ErrTooManyMentions):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &bad), errors.Is(err, graph.ErrInvalid):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// ingest extracts dc's relations and stores it as geokg ingest does (a
// batch of one article, flushed): whole or not at all, even when the
// server stops meanwhile.
func (sv *server) ingest(ctx context.Context, dc *doc) (postedReply, error) {
	sv.ingests.Add(1)
	defer sv.ingests.Done()
	res, err := extractSafely(ctx, sv.x, postName, dc.art, dc.text)
	if err != nil {
		return postedReply{}, err
	}
	dc.art.Actors = res.Named
	p, err := store.Prepare(dc.art, res.Actors, res.Mentions)
	if err != nil {
		return postedReply{}, fmt.Errorf("%s: %w", postName, err)
	}
	p.SetFormerID(dc.formerID)
	outcome := store.Unchanged
	err = sv.answers.write(affected(dc.art, res.Actors, res.Mentions), func() (bool, error) {
		b := sv.s.NewBatch()
		err := b.PutOutcome(ctx, p, func(o store.Outcome) { outcome = o })
		if err != nil {
			b.Cancel()
			return false, err
		}
		err = b.Flush()
		if outcome != store.Unchanged {
			sv.gen.Add(1)
		}
		return outcome != store.Unchanged || err != nil, err // after a failed commit, forget to be safe
	})
	if err != nil {
		return postedReply{}, fmt.Errorf("%s: %w", postName, err)
	}
	reply := postedReply{Status: outcomeNames[outcome]}
	if outcome == store.Added {
		reply.Relations = len(res.Mentions)
		sv.events.publish(ingestEvent{Article: dc.art.ID, Relations: len(res.Mentions), Actors: touched(res.Mentions)})
	}
	art := dc.art
	if stored, err := sv.s.Article(ctx, art.ID); err == nil {
		art = stored // as the store has it
	}
	reply.Article = articleRow{ID: art.ID, Date: graph.FormatDate(art.Date), Relations: len(res.Mentions),
		Size: art.Size, Title: art.Title, Source: art.Source, URL: art.URL}
	return reply, nil
}

// outcomeNames are the statuses POST /api/articles answers.
var outcomeNames = map[store.Outcome]string{store.Added: "new", store.Updated: "updated", store.Unchanged: "unchanged"}

// affected lists the ids whose documents an article can change: the
// article, the actors it names (in a relation or not, as claimants too),
// and those they speak for, up to the state of a minister's ministry.
func affected(art graph.Article, actors []graph.Actor, ms []graph.Mention) map[string]bool {
	ids := map[string]bool{art.ID: true}
	for _, id := range art.Actors {
		ids[string(id)] = true
	}
	for _, m := range ms {
		for _, id := range []graph.ActorID{m.Source, m.Target, m.ClaimedBy, m.DisputedBy} {
			if id != "" {
				ids[string(id)] = true
			}
		}
	}
	affiliation := map[string]string{}
	for _, a := range actors {
		ids[string(a.ID)] = true
		if a.Affiliation != "" {
			affiliation[string(a.ID)] = string(a.Affiliation)
		}
	}
	for range 3 {
		for id := range ids {
			if up, ok := affiliation[id]; ok {
				ids[up] = true
			}
		}
	}
	return ids
}

// touched lists, sorted, the actors at either end of the mentions.
func touched(ms []graph.Mention) []graph.ActorID {
	var ids []graph.ActorID
	for _, m := range ms {
		ids = append(ids, m.Source, m.Target)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
