package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	graphviz "github.com/goccy/go-graphviz"

	"geokg/graph"
)

// ErrTimeout is wrapped by the error of SVG and PNG when rendering took
// longer than PictureOptions.Timeout.
var ErrTimeout = errors.New("rendering took too long")

// renderSlot lets one in-process rendering run at a time: go-graphviz runs
// a single WebAssembly instance of Graphviz for the whole process. A
// rendering abandoned after a timeout keeps the slot until it ends.
var renderSlot = make(chan struct{}, 1)

// SVG draws g as an SVG picture, laid out in-process by Graphviz compiled
// to WebAssembly (github.com/goccy/go-graphviz), so no Graphviz program is
// needed. The picture has a legend, a fill per actor type, a colour per
// relation, one edge per actor pair and relation labelled with its article
// count, and each person or body beside the actor it speaks for: with the
// dot layout as its own node joined by a dotted edge, with the force
// layouts (which cannot be told to keep two nodes close) as a row of that
// actor's box, which its edges leave from. opts picks the layout and caps
// the size (see PictureOptions); the returned Picture says what was drawn.
//
// Nothing is written to w unless rendering succeeds. go-graphviz does not
// stop a layout when ctx ends, so SVG stops waiting instead: when ctx ends
// or opts.Timeout passes it returns an error (wrapping ErrTimeout for the
// timeout) and the abandoned layout finishes in the background.
func SVG(ctx context.Context, w io.Writer, g *graph.Graph, opts PictureOptions) (Picture, error) {
	src, pic, err := pictureDOT(g, opts)
	if err != nil {
		return pic, err
	}
	out, err := renderInProcess(ctx, src, pic.Layout, opts.timeout())
	if err != nil {
		return pic, fmt.Errorf("export: svg (%s layout, %d actors, %d edges): %w", pic.Layout, pic.Actors, pic.Edges, err)
	}
	if _, err := w.Write(out); err != nil {
		return pic, fmt.Errorf("export: svg: %w", err)
	}
	return pic, nil
}

// renderInProcess lays out and renders DOT text as SVG with go-graphviz in
// a goroutine, and gives up waiting after timeout or when ctx ends.
func renderInProcess(ctx context.Context, src []byte, layout string, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case renderSlot <- struct{}{}:
	case <-ctx.Done():
		return nil, stopped(ctx, timeout)
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-renderSlot }()
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("graphviz failed: %v", r)}
			}
		}()
		out, err := gvRender(src, layout)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if ctx.Err() != nil {
			// finished, but after the deadline: both cases were ready and
			// select picks at random; the rule is the deadline's
			return nil, stopped(ctx, timeout)
		}
		return r.out, r.err
	case <-ctx.Done():
		return nil, stopped(ctx, timeout)
	}
}

// stopped is the error for a rendering given up on.
func stopped(ctx context.Context, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("stopped after %s: %w", timeout, ErrTimeout)
	}
	return ctx.Err()
}

// gvRender runs one go-graphviz layout and SVG rendering. Its own context
// is Background: go-graphviz ignores cancellation anyway.
func gvRender(src []byte, layout string) ([]byte, error) {
	ctx := context.Background()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("graphviz: parse: %w", err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(layout))
	var b bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.SVG, &b); err != nil {
		return nil, fmt.Errorf("graphviz: render: %w", err)
	}
	return b.Bytes(), nil
}
