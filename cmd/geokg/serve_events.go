package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"geokg/graph"
)

// ingestEvent tells the pages that an article was stored: its id, how
// many relations it added and between which actors.
type ingestEvent struct {
	Article   string          `json:"article"`
	Relations int             `json:"relations"`
	Actors    []graph.ActorID `json:"actors"`
}

// hub hands ingest events to the pages listening on /api/events.
type hub struct {
	mu     sync.Mutex
	subs   map[chan ingestEvent]bool
	closed chan struct{} // closed when the server stops
	once   sync.Once
}

func newHub() *hub {
	return &hub{subs: map[chan ingestEvent]bool{}, closed: make(chan struct{})}
}

// subscribeQueue is how many events a slow page may fall behind by
// before it misses some (it reloads anyway on the next one).
const subscribeQueue = 16

func (h *hub) subscribe() (<-chan ingestEvent, func()) {
	ch := make(chan ingestEvent, subscribeQueue)
	h.mu.Lock()
	h.subs[ch] = true
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

// publish sends e to every listener that has room for it.
func (h *hub) publish(e ingestEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// closeEvents ends every event stream, so that the server can stop.
func (sv *server) closeEvents() { sv.events.once.Do(func() { close(sv.events.closed) }) }

// keepAlive is how often an idle event stream gets a comment line, so
// that proxies and browsers keep it open.
const keepAlive = 20 * time.Second

// streamEvents answers GET /api/events with server-sent events: one
// "ingest" event per stored article, until the page goes or the server
// stops.
func (sv *server) streamEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	events, unsubscribe := sv.events.subscribe()
	defer unsubscribe()
	if _, err := fmt.Fprint(w, ": geokg events\n\n"); err != nil || rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var msg string
		select {
		case <-r.Context().Done():
			return
		case <-sv.events.closed:
			return
		case <-tick.C:
			msg = ": still here\n\n"
		case e := <-events:
			b, err := json.Marshal(e)
			if err != nil {
				return
			}
			msg = "event: ingest\ndata: " + string(b) + "\n\n"
		}
		if _, err := fmt.Fprint(w, msg); err != nil || rc.Flush() != nil {
			return
		}
	}
}
