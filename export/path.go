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

// Chains are the shortest chains of relations linking two actors, for
// PathsTable and PathsJSON. Each chain is a list of edges walked from From:
// each edge has the actor reached so far at one end, and the next actor at
// the other (the walk may go against an edge's direction).
type Chains struct {
	From, To graph.ActorID
	Paths    [][]graph.Edge
	More     bool                          // there were more chains than listed
	Actors   map[graph.ActorID]graph.Actor // names for the ids (missing ones are shown as ids)
}

// jsonChains is the JSON form of Chains.
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

// walk returns the actors along path from from, or an error if an edge
// does not touch the actor reached so far.
func walk(from graph.ActorID, path []graph.Edge) ([]graph.ActorID, error) {
	ids := []graph.ActorID{from}
	at := from
	for _, e := range path {
		switch at {
		case e.Source:
			at = e.Target
		case e.Target:
			at = e.Source
		default:
			return nil, fmt.Errorf("chain edge %s %s %s does not touch %s: %w", e.Source, e.Relation, e.Target, at, graph.ErrInvalid)
		}
		ids = append(ids, at)
	}
	return ids, nil
}

// PathsJSON writes c as {"from": NODE, "to": NODE, "paths": [{"actors":
// [ids], "steps": [EDGE...]}], "more": bool}, where NODE and EDGE are the
// node and edge objects of JSON. The error wraps graph.ErrInvalid when a
// chain does not connect.
func PathsJSON(w io.Writer, c Chains) error {
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
		for i, e := range p {
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
func PathsTable(w io.Writer, c Chains) error {
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
		for _, e := range p {
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
func chainActor(c Chains, id graph.ActorID) graph.Actor {
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
