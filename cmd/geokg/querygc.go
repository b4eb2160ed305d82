package main

import (
	"os"
	"runtime/debug"
)

// A query's garbage collector. With Go's default (GOGC=100) a query whose
// live heap is a few megabytes collects whenever it doubles: four times in
// the 30 ms of "geokg actor Russia" on a 100 MB store, 480 times in a full
// JSON export of it, which then spent a sixth of its CPU collecting. A query
// lets the heap grow to five times what is live instead, under the soft
// limit an ingest has (ingestMemoryLimit), which keeps a large one bounded
// (docs/benchmarks.md, "Queries at any store size").
const (
	queryGCPercent   = 400
	queryMemoryLimit = 256 << 20
)

// tuneQueryGC sets the query collector's pace and limit, each unless the
// user set it (GOGC, GOMEMLIMIT). It is for one-shot processes: geokg
// serve keeps Go's defaults.
func tuneQueryGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(queryGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(queryMemoryLimit)
	}
}
