package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"geokg/extract"
	"geokg/graph"
)

// extractSafely runs x.ExtractContext on one article and turns a panic (a bug in
// the extractor) into an error about that input, so that one bad article
// fails alone instead of ending a long ingest with a stack trace.
func extractSafely(ctx context.Context, x *extract.Extractor, path string, art graph.Article, text string) (res extract.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: internal error in the extractor (please report it with this input): %v", path, p)
		}
	}()
	res, err = x.ExtractContext(ctx, art, text)
	if errors.Is(err, extract.ErrTooManyMentions) {
		err = fmt.Errorf("%s: %w (--max-mentions)", path, err)
	}
	return res, err
}

// executeSafely runs the command tree and turns a panic on this goroutine
// into an error, so that the user sees one line instead of a Go trace (the
// deferred closes of the store still run). GEOKG_TRACEBACK=1 lets the
// panic through, trace and all, for a bug report.
func executeSafely(ctx context.Context, root *cobra.Command) (err error) {
	if os.Getenv("GEOKG_TRACEBACK") == "" {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("internal error (please report it; GEOKG_TRACEBACK=1 shows where): %v", p)
			}
		}()
	}
	return root.ExecuteContext(ctx)
}
