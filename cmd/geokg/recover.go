package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"geokg/extract"
	"geokg/graph"
	"geokg/store"
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
// deferred closes of the store still run). A panic is most often Badger's
// on a damaged table: then the store is diagnosed (store.Diagnose) and the
// error says which file is damaged. GEOKG_TRACEBACK=1 lets the panic
// through, trace and all, for a bug report.
func executeSafely(ctx context.Context, root *cobra.Command, g *globalOptions) (err error) {
	if os.Getenv("GEOKG_TRACEBACK") == "" {
		defer func() {
			if p := recover(); p != nil {
				err = panicError(g, p)
			}
		}()
	}
	return root.ExecuteContext(ctx)
}

// panicError is the error for a panic: the damage the store holds, if
// it holds any, else an internal error.
func panicError(g *globalOptions, p any) error {
	if dir, err := g.storeDir(); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err == nil {
			if derr := store.Diagnose(dir); derr != nil {
				return derr
			}
		}
	}
	return fmt.Errorf("internal error (please report it; GEOKG_TRACEBACK=1 shows where): %s", firstLine(fmt.Sprint(p)))
}

// safely runs fn and returns a panic in it as an error saying what was
// being done. Every goroutine geokg starts runs its work through safely
// (or store's catch): a panic on a goroutine is beyond executeSafely's
// recover, and would end the program with a trace of every goroutine.
func safely(what string, fn func()) (err error) {
	if os.Getenv("GEOKG_TRACEBACK") == "" {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%s: internal error (please report it; GEOKG_TRACEBACK=1 shows where): %s", what, firstLine(fmt.Sprint(p)))
			}
		}()
	}
	fn()
	return nil
}

// firstLine is the first non-empty line of s: some panics (Badger's)
// span many.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return s
}
