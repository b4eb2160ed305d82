package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"geokg/graph"
)

func TestExtractSafely(t *testing.T) {
	// A nil extractor panics inside Extract, like a bug would.
	_, err := extractSafely(context.Background(), nil, "news/a.txt", graph.Article{ID: "x"}, "Iran supplied drones to Russia.")
	if err == nil || !strings.HasPrefix(err.Error(), "news/a.txt: internal error in the extractor") {
		t.Errorf("extractSafely with a panicking extractor = %v", err)
	}
	x, err := (&globalOptions{}).extractor(0)
	if err != nil {
		t.Fatal(err)
	}
	res, err := extractSafely(context.Background(), x, "a.txt", graph.Article{ID: "x"}, "Iran supplied drones to Russia.")
	if err != nil || len(res.Mentions) == 0 {
		t.Errorf("extractSafely = %d mentions, %v; want some and no error", len(res.Mentions), err)
	}
}

func TestExecuteSafely(t *testing.T) {
	t.Setenv("GEOKG_TRACEBACK", "")
	closed := false
	root := &cobra.Command{Use: "geokg", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(&cobra.Command{Use: "boom", RunE: func(*cobra.Command, []string) error {
		defer func() { closed = true }() // like closeStore
		var m map[string]int
		m["x"]++
		return nil
	}})
	root.SetArgs([]string{"boom"})
	var stderr bytes.Buffer
	code := exitCode(executeSafely(context.Background(), root, &globalOptions{DB: t.TempDir()}), &stderr)
	want := "geokg: internal error (please report it; GEOKG_TRACEBACK=1 shows where): assignment to entry in nil map\n"
	if code != exitError || stderr.String() != want || !closed {
		t.Errorf("a panicking command: exit %d, stderr %q, deferred close ran: %v; want 1, %q, true", code, stderr.String(), closed, want)
	}
}
