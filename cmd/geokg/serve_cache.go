package main

import (
	"bytes"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"sync"
)

// The answer cache. Many readers ask for the same documents (a page's
// actor, the stats), and the store changes only when this server stores
// an article (it owns the store). So an answer is kept, by request, until
// an article that can change it is stored:
//
//   - an actor's view, a neighbourhood, an article: until an article names
//     one of the actors (or articles) the answer holds, or one that speaks
//     for them (a new minister's words change the state's view); a new
//     actor can join such an answer only through a relation with one it
//     holds, which that article names;
//   - the stats, a path, a timeline: until any article is stored.
//
// Requests that arrive while the same answer is being computed wait for it
// instead of computing it too. An answer computed while an article was
// stored is sent to those who asked meanwhile but not kept.

// cacheMaxAnswer is the largest answer kept; a larger one is sent without
// being kept. cacheMaxBytes bounds all the answers kept.
const (
	cacheMaxAnswer = 8 << 20
	cacheMaxBytes  = 64 << 20
)

// answerCache holds the answers kept.
type answerCache struct {
	// writing is held by an ingest from before its commit until the
	// answers it changes are forgotten, and by a claim: no request can
	// join a computation that started before the commit once a request
	// that started after it has been answered (a reader never sees the
	// store go back).
	writing sync.RWMutex
	mu      sync.Mutex
	epoch   uint64 // counts invalidations: a computation spanning one is not kept
	bytes   int
	answers map[string]*answer
}

// answer is one request's answer, ready once done is closed.
type answer struct {
	done        chan struct{}
	ok          bool // body holds the whole answer (else compute it anew)
	contentType string
	body        []byte
	gzipped     []byte          // body compressed, for clients that take gzip (nil: not worth it)
	ids         map[string]bool // the ids the answer holds; nil: any article changes it
}

// claim returns the answer kept for key, and whether the caller must
// compute it (then it calls settle with the epoch returned).
func (c *answerCache) claim(key string) (a *answer, leader bool, epoch uint64) {
	c.writing.RLock()
	defer c.writing.RUnlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.answers == nil {
		c.answers = map[string]*answer{}
	}
	if a, ok := c.answers[key]; ok {
		return a, false, c.epoch
	}
	a = &answer{done: make(chan struct{})}
	c.answers[key] = a
	return a, true, c.epoch
}

// settle records how the computation of a (claimed in epoch) ended: body
// is the whole answer, or nil when it is not to be kept; scoped says that
// only an article naming one of the ids in body changes it.
func (c *answerCache) settle(key string, epoch uint64, a *answer, body []byte, scoped bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if body != nil {
		a.ok, a.body = true, body
		if scoped {
			a.ids = idsIn(body)
		}
	}
	keep := body != nil && c.epoch == epoch && c.bytes+len(body) <= cacheMaxBytes
	switch {
	case keep:
		c.bytes += len(body)
	case c.answers[key] == a:
		delete(c.answers, key)
	}
	close(a.done)
}

// write runs put, which stores an article naming ids, then forgets the
// answers it may change (see invalidate), with no claim in between.
func (c *answerCache) write(ids map[string]bool, put func() (changed bool, err error)) error {
	c.writing.Lock()
	defer c.writing.Unlock()
	changed, err := put()
	if changed {
		c.invalidate(ids)
	}
	return err
}

// invalidate forgets the answers an article naming ids may change, and
// every answer being computed.
func (c *answerCache) invalidate(ids map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	for key, a := range c.answers {
		select {
		case <-a.done:
		default: // being computed: not kept (settle sees the epoch)
			delete(c.answers, key)
			continue
		}
		if a.ids == nil || intersects(a.ids, ids) {
			delete(c.answers, key)
			c.bytes -= len(a.body)
		}
	}
}

func intersects(a, b map[string]bool) bool {
	if len(b) < len(a) {
		a, b = b, a
	}
	for id := range a {
		if b[id] {
			return true
		}
	}
	return false
}

// idPattern finds the ids of a JSON document of geokg: nodes' "id" and
// "affiliation", and the actors an edge or a mention names. It is
// compiled when geokg serve first needs it, not at every command's start.
var idPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`"(?:id|affiliation|source|target|claimed_by|disputed_by|article)":\s*"([^"\\]*)"`)
})

// idsIn lists the ids a JSON answer holds.
func idsIn(body []byte) map[string]bool {
	ids := map[string]bool{}
	for _, m := range idPattern().FindAllSubmatch(body, -1) {
		ids[string(m[1])] = true
	}
	return ids
}

// errTooLarge stops the capture of an answer too large to keep.
var errTooLarge = errors.New("answer too large to keep")

// capture is a buffer that refuses to grow past cacheMaxAnswer.
type capture struct{ bytes.Buffer }

func (c *capture) Write(p []byte) (int, error) {
	if c.Len()+len(p) > cacheMaxAnswer {
		return 0, errTooLarge
	}
	return c.Buffer.Write(p)
}

// cachedCommand answers the request from the cache, computing the answer
// if no answer is kept or being computed for it. It returns false when the
// answer must be computed and sent the usual way: it is too large to keep.
func (sv *server) cachedCommand(w http.ResponseWriter, r *http.Request, e endpoint, args []string) bool {
	key := r.URL.Path + "?" + r.URL.RawQuery
	a, leader, epoch := sv.answers.claim(key)
	if leader {
		var buf capture
		err := sv.runEndpoint(r, e, args, &buf)
		var body []byte
		if err == nil {
			body = buf.Bytes()
		}
		a.contentType = e.contentType(r)
		sv.answers.settle(key, epoch, a, body, e.scoped)
		if err != nil && !errors.Is(err, errTooLarge) {
			writeError(w, statusOf(err), apiMessage(err, e.flags))
			return true
		}
	} else {
		select {
		case <-a.done:
		case <-r.Context().Done():
			return true // the client went away
		}
	}
	if !a.ok {
		return false
	}
	hit := "hit"
	if leader {
		hit = "miss"
	}
	h := w.Header()
	h.Set("X-Geokg-Cache", hit)
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(a.body) // a client that went away is not the server's error
	return true
}
