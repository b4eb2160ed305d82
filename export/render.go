package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"geokg/graph"
)

// ErrNoGraphviz is wrapped by the error of SVG and PNG when the Graphviz
// dot program is not on PATH.
var ErrNoGraphviz = errors.New("pictures need the Graphviz dot program, which is not on PATH: install Graphviz (apt-get install graphviz, brew install graphviz)")

// ErrTimeout is wrapped by the error of SVG and PNG when rendering took
// longer than PictureOptions.Timeout.
var ErrTimeout = errors.New("rendering took too long")

// DotProgram is the name SVG and PNG look up on PATH.
var DotProgram = "dot"

// SVG draws g as an SVG picture with the Graphviz dot program (looked up on
// PATH as DotProgram, and run only now: nothing of Graphviz is loaded by a
// command that draws no picture). The picture has a legend with a caption
// (opts.Caption), a fill per actor type, a colour and arrowhead per
// relation, a line style per status (see edgeStatus), one edge per actor
// pair and relation labelled with its article count, and each person or
// body beside the actor it speaks for: with the dot layout as its own node
// joined by a dotted edge, with the force layouts (which cannot be told to
// keep two nodes close) as a row of that actor's box, which its edges
// leave from. opts picks the layout and caps the size (see
// PictureOptions); the returned Picture says what was drawn.
//
// The error wraps ErrNoGraphviz when dot is missing, and ErrTimeout when it
// ran longer than opts.Timeout (it is then killed); when ctx ends, dot is
// killed too. Nothing is written to w unless rendering succeeds.
func SVG(ctx context.Context, w io.Writer, g *graph.Graph, opts PictureOptions) (Picture, error) {
	return render(ctx, w, g, opts, "svg")
}

// PNG draws g as a PNG picture, the same picture as SVG, in the same way.
func PNG(ctx context.Context, w io.Writer, g *graph.Graph, opts PictureOptions) (Picture, error) {
	return render(ctx, w, g, opts, "png")
}

// render plans the picture of g and has the dot program draw it as format.
func render(ctx context.Context, w io.Writer, g *graph.Graph, opts PictureOptions, format string) (Picture, error) {
	src, pic, err := PictureDOT(g, opts)
	if err != nil {
		return pic, err
	}
	out, err := runDot(ctx, src, format, pic.Layout, opts.timeout())
	if err != nil {
		return pic, fmt.Errorf("export: %s (%s layout, %d actors, %d edges): %w", format, pic.Layout, pic.Actors, pic.Edges, err)
	}
	if _, err := w.Write(out); err != nil {
		return pic, fmt.Errorf("export: %s: %w", format, err)
	}
	return pic, nil
}

// runDot runs the dot program on src with the layout, and returns what it
// drew as format; it is killed after timeout or when ctx ends.
func runDot(ctx context.Context, src []byte, format, layout string, timeout time.Duration) ([]byte, error) {
	path, err := exec.LookPath(DotProgram)
	if err != nil {
		return nil, ErrNoGraphviz
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-T"+format, "-K"+layout)
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, stopped(ctx, timeout)
		}
		return nil, fmt.Errorf("%s: %w: %s", path, err, firstLine(stderr.String()))
	}
	return out.Bytes(), nil
}

// stopped is the error for a rendering given up on.
func stopped(ctx context.Context, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("stopped after %s: %w", timeout, ErrTimeout)
	}
	return ctx.Err()
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
