package main

import (
	"fmt"

	"geokg/extract"
	"geokg/graph"
)

// extractSafely runs x.Extract on one article and turns a panic (a bug in
// the extractor) into an error about that input, so that one bad article
// fails alone instead of ending a long ingest with a stack trace.
func extractSafely(x *extract.Extractor, path string, art graph.Article, text string) (res extract.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: internal error in the extractor (please report it with this input): %v", path, p)
		}
	}()
	return x.Extract(art, text), nil
}
