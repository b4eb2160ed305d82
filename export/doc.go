// Package export writes geokg graphs and actor views for people and other
// programs: Graphviz DOT (through github.com/emicklei/dot), SVG and PNG
// pictures (drawn by the Graphviz dot program, run only then), a JSON
// document whose schema is described in docs/json.md, GraphML, RDF N-Quads
// and a Dgraph schema for Dgraph, and an aligned text table.
//
// It turns graph values into bytes and nothing else: it never opens a store,
// never prints on its own and never changes the values it is given.
//
// # Status
//
// DOT, SVG, PNG and GraphML say how sure each edge is (asserted, or only
// promised, alleged or denied) from one function, edgeStatus, which reads
// the edge's mentions counted by status (graph.Edge.Statuses, or its
// evidence): the same edge is drawn the same way in every format and in
// every part of the graph drawn.
//
// # Determinism
//
// The same graph always gives the same bytes, whatever order its actors,
// edges and evidence come in. Every function sorts a copy of its input first:
// actors by id, edges by graph.CompareEdges, evidence by
// graph.CompareMentions and view links by graph.CompareLinks. This matters
// for DOT in particular, because emicklei/dot numbers nodes n1, n2, … in
// insertion order.
//
// # Missing actors
//
// An id named by an edge, an evidence claimant or disputant, or an
// affiliation, but absent from the actor list, is written as a stub node
// whose name is the id and whose type is guessed from the id's form ("PRK"
// a country, "org:…" an organization, otherwise a group). So every id in the
// output refers to a node that is in the output too.
//
// # Usage
//
//	g := graph.FromMentions(actors, mentions)
//	if err := export.DOT(os.Stdout, g); err != nil {
//		return err
//	}
package export
