package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"geokg/graph"
)

// jsonChains is the JSON form of graph.Paths.
type jsonChains struct {
	From  jsonNode    `json:"from"`
	To    jsonNode    `json:"to"`
	Paths []jsonChain `json:"paths"`
	More  bool        `json:"more"`
}

// jsonChain is one chain: the actors along it, in order, and its edges.
type jsonChain struct {
	Actors []string   `json:"actors"`
	Steps  []jsonEdge `json:"steps"`
}

// walk returns the actors along path from from, or an error if a step
// does not start where the previous one ended.
func walk(from graph.ActorID, path []graph.Step) ([]graph.ActorID, error) {
	ids := []graph.ActorID{from}
	at := from
	for _, st := range path {
		e := st.Edge
		if st.From != at || !(st.To == e.Source && st.From == e.Target || st.From == e.Source && st.To == e.Target) {
			return nil, fmt.Errorf("chain step %s to %s over %s %s %s does not leave %s: %w", st.From, st.To, e.Source, e.Relation, e.Target, at, graph.ErrInvalid)
		}
		at = st.To
		ids = append(ids, at)
	}
	return ids, nil
}

// PathsJSON writes c as {"from": NODE, "to": NODE, "paths": [{"actors":
// [ids], "steps": [EDGE...]}], "more": bool}, where NODE and EDGE are the
// node and edge objects of JSON. The error wraps graph.ErrInvalid when a
// chain does not connect.
func PathsJSON(w io.Writer, c graph.Paths) error {
	out := jsonChains{From: toNode(chainActor(c, c.From)), To: toNode(chainActor(c, c.To)), Paths: []jsonChain{}, More: c.More}
	for _, p := range c.Paths {
		ids, err := walk(c.From, p)
		if err != nil {
			return fmt.Errorf("export: paths json: %w", err)
		}
		jc := jsonChain{Steps: make([]jsonEdge, len(p))}
		for _, id := range ids {
			jc.Actors = append(jc.Actors, string(id))
		}
		for i, st := range p {
			e := st.Edge
			e.Evidence = sortedEvidence(e.Evidence)
			jc.Steps[i] = toEdge(e)
		}
		out.Paths = append(out.Paths, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export: paths json: %w", err)
	}
	return nil
}

// PathsTable writes c as text: for each chain a line naming the actors
// along it ("United States → Iran → Russia"), then one aligned row per
// step with the edge in its own direction, its article count, dates and
// first evidence sentence. No chain gives one line saying so.
func PathsTable(w io.Writer, c graph.Paths) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var err error
	if len(c.Paths) == 0 {
		_, err = fmt.Fprintf(tw, "No chain of relations links %s and %s.\n", actorTitle(chainActor(c, c.From)), actorTitle(chainActor(c, c.To)))
	}
	for i, p := range c.Paths {
		ids, werr := walk(c.From, p)
		if werr != nil {
			err = werr
			break
		}
		names := make([]string, len(ids))
		for j, id := range ids {
			names[j] = displayName(chainActor(c, id))
		}
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s (%d %s)\n", strings.Join(names, " → "), len(p), pluralWord(len(p), "step"))
		for _, st := range p {
			e := st.Edge
			evidence := "-"
			if ev := sortedEvidence(e.Evidence); len(ev) > 0 {
				evidence = evidenceCell(ev[0])
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", displayName(chainActor(c, e.Source)), clean(string(e.Relation)),
				displayName(chainActor(c, e.Target)), plural(e.Articles, "article"), seen(e), evidence)
		}
	}
	if err == nil && c.More {
		_, err = fmt.Fprintf(tw, "\nMore chains of %d steps exist (--max-paths).\n", len(c.Paths[len(c.Paths)-1]))
	}
	if err = errors.Join(err, tw.Flush()); err != nil {
		return fmt.Errorf("export: paths table: %w", err)
	}
	return nil
}

// chainActor is the actor with id, or a stub.
func chainActor(c graph.Paths, id graph.ActorID) graph.Actor {
	if a, ok := c.Actors[id]; ok {
		return a
	}
	return stub(id)
}

// pluralWord is noun, with an s unless n is 1.
func pluralWord(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
