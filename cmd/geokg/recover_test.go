package main

import (
	"strings"
	"testing"

	"geokg/graph"
)

func TestExtractSafely(t *testing.T) {
	// A nil extractor panics inside Extract, like a bug would.
	_, err := extractSafely(nil, "news/a.txt", graph.Article{ID: "x"}, "Iran supplied drones to Russia.")
	if err == nil || !strings.HasPrefix(err.Error(), "news/a.txt: internal error in the extractor") {
		t.Errorf("extractSafely with a panicking extractor = %v", err)
	}
	x, err := (&globalOptions{}).extractor()
	if err != nil {
		t.Fatal(err)
	}
	res, err := extractSafely(x, "a.txt", graph.Article{ID: "x"}, "Iran supplied drones to Russia.")
	if err != nil || len(res.Mentions) == 0 {
		t.Errorf("extractSafely = %d mentions, %v; want some and no error", len(res.Mentions), err)
	}
}
