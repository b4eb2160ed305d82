package export_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// fakeLeads holds the one evidence mention of some links of a view
// (graph.Leads), by the links' index.
type fakeLeads struct {
	ms  map[int]graph.Mention
	err error
}

func (f *fakeLeads) Lead(i int, m *graph.Mention) (bool, error) {
	got, ok := f.ms[i]
	if ok && f.err != nil {
		return false, f.err
	}
	*m = got
	return ok, nil
}

// holding is v with the mention of each link that has one held in Leads
// instead, its links sorted first when sorted is set.
func holding(v *graph.View, sorted bool) (*graph.View, int) {
	h := *v
	h.Links = slices.Clone(v.Links)
	if sorted {
		slices.SortFunc(h.Links, graph.CompareLinks)
	}
	leads := &fakeLeads{ms: map[int]graph.Mention{}}
	for i, l := range h.Links {
		if len(l.Edge.Evidence) == 1 {
			leads.ms[i] = l.Edge.Evidence[0]
			h.Links[i].Edge.Evidence = nil
		}
	}
	h.Leads = leads
	return &h, len(leads.ms)
}

// TestViewHeldLeads: a view that holds its links' single mentions
// (graph.View.Leads) writes the golden table and JSON, with its links in
// order and (decoded into a copy first) out of order; a mention that does
// not decode is an error of the export.
func TestViewHeldLeads(t *testing.T) {
	g := testGraph()
	for _, id := range []graph.ActorID{"PRK", "org:nato"} {
		name := map[graph.ActorID]string{"PRK": "view-prk", "org:nato": "view-nato"}[id]
		for _, sorted := range []bool{true, false} {
			v, n := holding(viewOf(g, id), sorted)
			if n == 0 {
				t.Fatalf("view of %s holds no mention", id)
			}
			writers := map[string]func(io.Writer, *graph.View) error{".txt": export.ViewTable, ".json": export.ViewJSON}
			for ext, write := range writers {
				if ext == ".json" && id != "PRK" {
					continue // no golden file
				}
				var buf bytes.Buffer
				if err := write(&buf, v); err != nil {
					t.Fatalf("%s%s (sorted %v): %v", name, ext, sorted, err)
				}
				checkGolden(t, name+ext+".golden", buf.Bytes())
			}
			for i := range v.Leads.(*fakeLeads).ms {
				if v.Links[i].Edge.Evidence != nil {
					t.Errorf("the export put link %d's held mention into the view it wrote", i)
				}
			}
			bad := errors.New("bad mention")
			v.Leads.(*fakeLeads).err = bad
			for ext, write := range writers {
				if err := write(io.Discard, v); !errors.Is(err, bad) {
					t.Errorf("%s%s with a mention that does not decode: %v, want %v", name, ext, err, bad)
				}
			}
		}
	}
}
