package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"geokg/graph"
)

// RDF and the Dgraph schema: geokg's handover to Dgraph, the distributed
// graph database that runs on Badger. The N-Quads load with
//
//	dgraph live -f graph.rdf -s graph.schema --upsertPredicate xid
//
// Every actor is a blank node _:<label> (see BlankNode) of dgraph.type
// Actor with the predicates xid (the geokg id), name, actor_type, alias
// (one quad per alias) and affiliation (an edge to another actor). Every
// edge is one quad whose predicate is the relation (DgraphPredicate:
// allies-with becomes allies_with, since Dgraph predicates are names) with
// its counts and dates as facets:
//
//	_:PRK <supplies> _:RUS (articles=2, mentions=3, first_seen=2024-05-20T00:00:00Z, last_seen=2024-06-01T00:00:00Z) .
//
// allies-with is symmetric and written once, from the lesser id, as geokg
// stores it: query it in both directions with allies_with and
// ~allies_with (the schema declares @reverse on every relation).

// DgraphPredicate is the Dgraph predicate of relation r: its name with '-'
// replaced by '_' ("allies-with" becomes "allies_with").
func DgraphPredicate(r graph.Relation) string { return strings.ReplaceAll(string(r), "-", "_") }

// BlankNode is the N-Quads blank node label of an actor id, without the
// "_:" prefix. ASCII letters and digits are kept, and '-' and ':' after the
// first byte; every other byte becomes '_' and two upper-case hex digits,
// so the label is a valid blank node for Dgraph and different ids never
// share one: "PRK" stays "PRK", "person:kim-yo-jong" stays as it is, and
// "org:un security council" becomes "org:un_20security_20council".
func BlankNode(id graph.ActorID) string {
	var b strings.Builder
	b.Grow(len(id))
	for i := 0; i < len(id); i++ {
		c := id[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || i > 0 && (c == '-' || c == ':') {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "_%02X", c)
	}
	return b.String()
}

// dgraphSchema declares the predicates RDF writes. Every relation is a
// list of uids with @reverse (to follow it backwards) and @count.
const dgraphSchema = `xid: string @index(exact) @upsert .
name: string @index(exact, term) .
actor_type: string @index(exact) .
alias: [string] @index(exact, term) .
affiliation: uid @reverse .
%s
type Actor {
  xid
  name
  actor_type
  alias
  affiliation
%s}
`

// DgraphSchema writes the Dgraph schema of the predicates RDF writes, for
// "dgraph live -s".
func DgraphSchema(w io.Writer) error {
	var preds, fields strings.Builder
	for _, r := range graph.Relations {
		fmt.Fprintf(&preds, "%s: [uid] @reverse @count .\n", DgraphPredicate(r))
		fmt.Fprintf(&fields, "  %s\n", DgraphPredicate(r))
	}
	if _, err := fmt.Fprintf(w, dgraphSchema, preds.String(), fields.String()); err != nil {
		return fmt.Errorf("export: dgraph schema: %w", err)
	}
	return nil
}

// RDF writes g as RDF N-Quads for Dgraph (see DgraphSchema): actors in id
// order, then edges in graph.CompareEdges order. Evidence is not written.
// Ids used by edges or affiliations but missing from g.Actors are written
// as stub actors. The same graph always gives the same bytes.
func RDF(w io.Writer, g *graph.Graph) error {
	s := prepare(g)
	rw := NewRDFWriter(w)
	for _, a := range s.actors {
		rw.Actor(a)
	}
	for _, e := range s.edges {
		rw.Edge(e)
	}
	return rw.Flush()
}

// RDFWriter writes N-Quads one actor or edge at a time, for exports that
// stream a store: memory does not grow with the graph. Its methods keep
// the first write error, which Flush returns.
type RDFWriter struct {
	bw  *bufio.Writer
	buf []byte
	err error
}

// NewRDFWriter returns an RDFWriter writing to w through a buffer.
func NewRDFWriter(w io.Writer) *RDFWriter {
	return &RDFWriter{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Actor writes the quads of one actor.
func (rw *RDFWriter) Actor(a graph.Actor) {
	node := BlankNode(a.ID)
	b := rw.buf[:0]
	b = quadText(b, node, "dgraph.type", "Actor")
	b = quadText(b, node, "xid", string(a.ID))
	b = quadText(b, node, "name", a.Name)
	b = quadText(b, node, "actor_type", string(a.Type))
	for _, al := range a.Aliases {
		b = quadText(b, node, "alias", al)
	}
	if a.Affiliation != "" {
		b = append(b, "_:"+node+" <affiliation> _:"+BlankNode(a.Affiliation)+" .\n"...)
	}
	rw.write(b)
}

// Edge writes one edge with its counts and seen dates as facets.
func (rw *RDFWriter) Edge(e graph.Edge) {
	b := rw.buf[:0]
	b = append(b, "_:"+BlankNode(e.Source)+" <"+DgraphPredicate(e.Relation)+"> _:"+BlankNode(e.Target)+" (articles="...)
	b = strconv.AppendInt(b, int64(e.Articles), 10)
	b = append(b, ", mentions="...)
	b = strconv.AppendInt(b, int64(e.Mentions), 10)
	b = appendDateFacet(b, "first_seen", e.FirstSeen)
	b = appendDateFacet(b, "last_seen", e.LastSeen)
	b = append(b, ") .\n"...)
	rw.write(b)
}

// Flush writes what is buffered and returns the first error.
func (rw *RDFWriter) Flush() error {
	if rw.err == nil {
		rw.err = rw.bw.Flush()
	}
	if rw.err != nil {
		return fmt.Errorf("export: rdf: %w", rw.err)
	}
	return nil
}

func (rw *RDFWriter) write(b []byte) {
	rw.buf = b
	if rw.err == nil {
		_, rw.err = rw.bw.Write(b)
	}
}

// appendDateFacet appends ", name=<RFC 3339 time>" unless t is zero.
func appendDateFacet(b []byte, name string, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	b = append(b, ", "+name+"="...)
	return t.UTC().AppendFormat(b, time.RFC3339)
}

// quadText appends `_:node <pred> "text" .` with text escaped as an
// N-Quads string literal.
func quadText(b []byte, node, pred, text string) []byte {
	b = append(b, "_:"+node+" <"+pred+"> \""...)
	for _, r := range strings.ToValidUTF8(text, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || r == 0x7f:
			b = fmt.Appendf(b, `\u%04X`, r)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, "\" .\n"...)
}
