package export_test

import (
	"fmt"
	"io"
	"testing"

	"geokg/export"
	"geokg/graph"
)

// bigGraph generates a graph of about nEdges edges between nActors actors
// of every type, each edge with two pieces of evidence. Actor 0 is linked to
// many others so that its view is large.
func bigGraph(nActors, nEdges int) *graph.Graph {
	types := graph.ActorTypes
	g := &graph.Graph{}
	for i := range nActors {
		t := types[i%len(types)]
		id := graph.ActorID(fmt.Sprintf("%s:actor-%05d", t, i))
		if t == graph.Country {
			id = graph.ActorID(fmt.Sprintf("C%02X", i%256)) + graph.ActorID(fmt.Sprint(i/256))
		}
		g.Actors = append(g.Actors, graph.Actor{ID: id, Name: fmt.Sprintf("Actor number %d", i), Type: t})
	}
	seen := map[graph.EdgeKey]bool{}
	for i := 0; len(g.Edges) < nEdges; i++ {
		src, dst := g.Actors[(i*7)%nActors].ID, g.Actors[(i*13+1+i/nActors)%nActors].ID
		if i%10 == 0 {
			src = g.Actors[0].ID
		}
		rel := graph.Relations[i%len(graph.Relations)]
		k := graph.NewEdgeKey(src, rel, dst)
		if src == dst || seen[k] {
			continue
		}
		seen[k] = true
		e := graph.Edge{EdgeKey: k}
		for j := range 2 {
			date := day("2024-01-01").AddDate(0, 0, (i+j*31)%365)
			e.Add(1, date)
			e.Evidence = append(e.Evidence, graph.Mention{
				Source: k.Source, Relation: rel, Target: k.Target,
				Article: graph.ArticleID([]byte(fmt.Sprint(i, j))), Date: date,
				Sentence: fmt.Sprintf("Officials said %s %s %s, according to report %d.", k.Source, rel, k.Target, i),
				Trigger:  string(rel), Status: graph.Statuses[(i+j)%len(graph.Statuses)],
			})
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

func BenchmarkJSON(b *testing.B) {
	g := bigGraph(1000, 10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := export.JSON(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONStream writes the edges of bigGraph through a JSONStream,
// as an export of a store does (the writer's share of it).
func BenchmarkJSONStream(b *testing.B) {
	g := bigGraph(1000, 10000)
	b.ReportAllocs()
	for b.Loop() {
		js := export.NewJSONStream(io.Discard)
		for _, e := range g.Edges {
			js.Edge(e)
		}
		if err := js.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDOT(b *testing.B) {
	g := bigGraph(1000, 10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := export.DOT(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}
