package main

import (
	"strings"
	"testing"

	"geokg/extract"
)

// TestQueriesBuildNoExtractor checks that the commands that only read the
// store (and --version) neither parse the built-in dictionary, lexicon or
// model nor build an extractor: building it is about half of a one-article
// ingest's CPU (docs/benchmarks.md), which a query must not pay. It reads
// extract's counts of those calls around each command, run in-process;
// ingest and extract, which must build it, show that the counts move.
// Not parallel: the counts are the process's.
func TestQueriesBuildNoExtractor(t *testing.T) {
	db := t.TempDir()
	before := extract.BuildCounts()
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", articlePath)
	if after := extract.BuildCounts(); after.Extractor == before.Extractor || after.Dictionary == before.Dictionary || after.Lexicon == before.Lexicon {
		t.Fatalf("ingest: build counts %+v -> %+v, want the dictionary, lexicon and extractor counted", before, after)
	}
	before = extract.BuildCounts()
	mustRun(t, 0, "extract", articlePath)
	if after := extract.BuildCounts(); after.Extractor == before.Extractor {
		t.Fatalf("extract: build counts %+v -> %+v, want an extractor counted", before, after)
	}
	rows := strings.Split(mustRun(t, 0, "articles", "--db", db).stdout, "\n")
	if len(rows) < 2 || len(strings.Fields(rows[1])) == 0 {
		t.Fatalf("articles listed none:\n%s", strings.Join(rows, "\n"))
	}
	article := strings.Fields(rows[1])[0]
	// article also shows the actors the article names outside its
	// relations, which the store keeps no record of, from the dictionary
	// (knownActor): it may parse that, never build the rest
	for _, args := range [][]string{
		{"--version"},
		{"actor", "Iran"},
		{"actor", "--format", "json", "Russia"},
		{"actors"},
		{"stats"},
		{"timeline", "Iran"},
		{"path", "Iran", "Russia"},
		{"export"},
		{"export", "--format", "json"},
		{"export", "--format", "graphml"},
		{"export", "--format", "rdf"},
		{"export", "--format", "json", "--actor", "Iran", "--depth", "1"},
		{"articles"},
		{"article", article},
		{"check"},
		{"forget", article},
	} {
		if args[0] != "--version" {
			args = append([]string{args[0], "--db", db}, args[1:]...)
		}
		before := extract.BuildCounts()
		mustRun(t, 0, args...)
		after := extract.BuildCounts()
		if args[0] == "article" {
			after.Dictionary = before.Dictionary
		}
		if after != before {
			t.Errorf("geokg %s: build counts %+v -> %+v, want none", strings.Join(args, " "), before, after)
		}
	}
}
