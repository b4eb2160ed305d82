package graph_test

import (
	"fmt"

	"geokg/graph"
)

func ExampleNewEdgeKey() {
	// allies-with is symmetric: both directions name one edge.
	fmt.Println(graph.NewEdgeKey("RUS", graph.AlliesWith, "PRK"))
	fmt.Println(graph.NewEdgeKey("PRK", graph.AlliesWith, "RUS"))
	fmt.Println(graph.NewEdgeKey("RUS", graph.Supplies, "PRK"))
	// Output:
	// {PRK allies-with RUS}
	// {PRK allies-with RUS}
	// {RUS supplies PRK}
}

func ExampleFromMentions() {
	d, _ := graph.ParseDate("2024-06-19")
	ms := []graph.Mention{
		{Source: "RUS", Relation: graph.AlliesWith, Target: "PRK", Article: "a1", Date: d, Status: graph.Asserted},
		{Source: "PRK", Relation: graph.AlliesWith, Target: "RUS", Article: "a1", Date: d, Status: graph.Asserted},
		{Source: "PRK", Relation: graph.Supplies, Target: "RUS", Article: "a1", Date: d, Status: graph.Alleged, ClaimedBy: "USA"},
	}
	g := graph.FromMentions(nil, ms)
	for _, e := range g.Edges {
		fmt.Printf("%s %s %s: %d article, %d mentions, since %s\n", e.Source, e.Relation, e.Target, e.Articles, e.Mentions, graph.FormatDate(e.FirstSeen))
	}
	for _, a := range g.Actors {
		fmt.Println(a.ID)
	}
	// Output:
	// PRK supplies RUS: 1 article, 1 mentions, since 2024-06-19
	// PRK allies-with RUS: 1 article, 2 mentions, since 2024-06-19
	// PRK
	// RUS
	// USA
}

func ExampleSlug() {
	fmt.Println(graph.Slug("Kim Yo-jong"))
	fmt.Println(graph.Slug("People's Liberation Army"))
	// Output:
	// kim-yo-jong
	// peoples-liberation-army
}
