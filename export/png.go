package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"geokg/graph"
)

// ErrNoGraphviz is wrapped by PNG's error when the Graphviz dot program is
// not on PATH. go-graphviz's own PNG output is broken (nodes go missing;
// upstream issue goccy/go-graphviz#106), so PNG needs the real program.
var ErrNoGraphviz = errors.New("PNG needs the Graphviz dot program, which is not on PATH: install Graphviz (apt-get install graphviz, brew install graphviz) or use --format svg")

// DotProgram is the name PNG looks up on PATH.
var DotProgram = "dot"

// PNG draws g as a PNG picture, the same picture as SVG, by running the
// Graphviz dot program (looked up on PATH as DotProgram). The error wraps
// ErrNoGraphviz when it is missing, and ErrTimeout when it ran longer than
// opts.Timeout (it is then killed). Nothing is written to w unless
// rendering succeeds.
func PNG(ctx context.Context, w io.Writer, g *graph.Graph, opts PictureOptions) (Picture, error) {
	src, pic, err := pictureDOT(g, opts)
	if err != nil {
		return pic, err
	}
	path, err := exec.LookPath(DotProgram)
	if err != nil {
		return pic, fmt.Errorf("export: png: %w", ErrNoGraphviz)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-Tpng", "-K"+pic.Layout)
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return pic, fmt.Errorf("export: png (%s layout, %d actors, %d edges): %w", pic.Layout, pic.Actors, pic.Edges, stopped(ctx, opts.timeout()))
		}
		return pic, fmt.Errorf("export: png: %s: %w: %s", path, err, firstLine(stderr.String()))
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return pic, fmt.Errorf("export: png: %w", err)
	}
	return pic, nil
}

// firstLine is the first non-empty line of s, for an error message.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return "no message"
}
