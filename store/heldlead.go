package store

import (
	"fmt"
	"slices"
	"sync"

	"geokg/graph"
)

// Held first mentions (Filter.HoldLeads).
//
// A table of a view shows one mention of each link, and writes each once.
// Decoded, a mention is 232 bytes of Go value; actor Russia's view held
// 2,345 of them (544 KB) for the whole query, each byte a fresh page in a
// process this short (docs/benchmarks.md, "eighteenth session"). A view
// asked to hold them keeps, for the first mentions it takes from a copy,
// what a decoded one is made of: the end of its key (date, article) and
// its value, one string whose substrings the text fields become when it
// is decoded (graph.View.Leads): two strings the view read anyway.

// heldLead is a link's first mention, held: the end of its key after the
// edge's evidence prefix (its lead: date, article, number) and its value
// (empty when the link's evidence is in its edge).
type heldLead struct {
	lead, value string
}

// firstMention is what refine takes of an edge's first mention from a
// copy: decoded into m, or held (hold) with the ids it names.
type firstMention struct {
	hold              bool
	m                 graph.Mention
	held              heldLead
	claimed, disputed graph.ActorID
}

// take reads edge k's first mention, whose key ends in lead, from its
// value v, as decodeLed does; holding, it checks that it decodes.
func (fm *firstMention) take(k graph.EdgeKey, lead string, v []byte) error {
	if !fm.hold {
		var err error
		fm.m, err = decodeLed(k, []byte(lead), v)
		return err
	}
	if err := checkMentionRef([]byte(lead)); err != nil {
		return fmt.Errorf("decode mention: lead %q: %w", lead, err)
	}
	if !mentionHeader(v) {
		return fmt.Errorf("decode mention: %w", errCorruptMention)
	}
	h := heldLead{lead: lead, value: string(v)}
	var m graph.Mention
	if err := decodeMentionIn(&m, v, h.value[2:]); err != nil {
		return err
	}
	fm.held, fm.claimed, fm.disputed = h, m.ClaimedBy, m.DisputedBy
	return nil
}

// decode sets m to edge k's mention h holds; scratch is a buffer it may
// reuse.
func (h *heldLead) decode(k graph.EdgeKey, m *graph.Mention, scratch *[]byte) error {
	*scratch = append((*scratch)[:0], h.lead...)
	ref, err := parseMentionRef(*scratch)
	if err != nil {
		return fmt.Errorf("decode mention: lead %q: %w", h.lead, err)
	}
	*m = graph.Mention{Source: k.Source, Relation: k.Relation, Target: k.Target, Date: ref.date, Article: ref.article}
	*scratch = append((*scratch)[:0], h.value...)
	return decodeMentionIn(m, *scratch, h.value[2:])
}

// leadHolder holds the first mentions of a view's links (held[i] is link
// i's), and the set of the claimants and disputants they name, which the
// view's actors must hold. refineLinks' goroutines put into it at once.
type leadHolder struct {
	held      []heldLead
	mu        sync.Mutex
	claimants map[graph.ActorID]bool
}

// newLeadHolder makes a holder for n links.
func newLeadHolder(n int) *leadHolder {
	return &leadHolder{held: make([]heldLead, n), claimants: map[graph.ActorID]bool{}}
}

// put holds fm as link i's first mention.
func (lh *leadHolder) put(i int, fm *firstMention) {
	lh.held[i] = fm.held
	if fm.claimed == "" && fm.disputed == "" {
		return
	}
	lh.mu.Lock()
	defer lh.mu.Unlock()
	for _, id := range [2]graph.ActorID{fm.claimed, fm.disputed} {
		if id != "" {
			lh.claimants[id] = true
		}
	}
}

// any reports whether lh holds a first mention.
func (lh *leadHolder) any() bool {
	for _, h := range lh.held {
		if h.value != "" {
			return true
		}
	}
	return false
}

// viewLeads is a view's held first mentions (graph.Leads), indexed as
// its links. It decodes into one scratch buffer, so one goroutine reads
// it at a time.
type viewLeads struct {
	links   []graph.Link
	held    []heldLead
	scratch []byte
}

// Lead decodes link i's held first mention into m, or reports false when
// the link's evidence is in its edge.
func (vl *viewLeads) Lead(i int, m *graph.Mention) (bool, error) {
	if i < 0 || i >= len(vl.held) || vl.held[i].value == "" {
		return false, nil
	}
	k := vl.links[i].Edge.EdgeKey
	if err := vl.held[i].decode(k, m, &vl.scratch); err != nil {
		return false, fmt.Errorf("store: first mention of %s: %w", k, err)
	}
	return true, nil
}

// sortHeld sorts links in graph.CompareLinks order and held (one per
// link, or nil) with them.
func sortHeld(links []graph.Link, held []heldLead) {
	if held == nil {
		slices.SortFunc(links, graph.CompareLinks)
		return
	}
	order := make([]int32, len(links))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return links[a].Compare(&links[b]) })
	permute(order, func(i, j int) {
		links[i], links[j] = links[j], links[i]
		held[i], held[j] = held[j], held[i]
	})
}

// permute rearranges a sequence so that its element i is the one that
// was at order[i], by swaps (swap(i, j) exchanges elements i and j),
// following each cycle of order once; it leaves order as the identity.
func permute(order []int32, swap func(i, j int)) {
	for i := range order {
		for j := i; ; {
			k := int(order[j])
			order[j] = int32(j)
			if k == i {
				break
			}
			swap(j, k)
			j = k
		}
	}
}

// put sets e's evidence to the mention fm took, or, holding, gives it to
// lh as link i's.
func (fm *firstMention) put(e *graph.Edge, lh *leadHolder, i int) {
	if !fm.hold {
		e.Evidence = []graph.Mention{fm.m}
		return
	}
	lh.put(i, fm)
}

// heldOf is what lh holds, one per link, or nil when it holds nothing (or
// is nil).
func heldOf(lh *leadHolder) []heldLead {
	if lh == nil || !lh.any() {
		return nil
	}
	return lh.held
}

// named is the claimants and disputants of what lh holds (nil for a nil
// lh).
func (lh *leadHolder) named() map[graph.ActorID]bool {
	if lh == nil {
		return nil
	}
	return lh.claimants
}

// holds reports whether lh (which may be nil) holds link i's first
// mention.
func (lh *leadHolder) holds(i int) bool {
	return lh != nil && lh.held[i].value != ""
}
