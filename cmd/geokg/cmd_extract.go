package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"geokg/export"
	"geokg/graph"
)

type extractOptions struct {
	inputOptions
	Format string
	stdin  io.Reader
}

func newExtractCommand(g *globalOptions) *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Show the relations found in articles, without storing them",
		Long: `Extract reads articles like ingest does and prints what it finds, storing
nothing. It needs no store.
` + inputFormatsHelp + `
--format text prints, per article, each relation with its status, trigger
word and sentence, the source and target marked [like this] and the
trigger {like this}. --format json prints the graph of all the inputs in
the same schema as "geokg export --format json".`,
		Example: `  geokg extract testdata/article.txt
  echo "Russia denied claims by Kyiv that it shelled the plant." | geokg extract -
  geokg extract --format json news/ > found.json
  geokg extract saved-page.html`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.stdin = cmd.InOrStdin()
			return runExtract(cmd.Context(), opts, g, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.addFlags(cmd.Flags())
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text or json")
	return cmd
}

func runExtract(ctx context.Context, opts extractOptions, g *globalOptions, paths []string, stdout, stderr io.Writer) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usagef("geokg extract", "--format %q: want text or json", opts.Format)
	}
	defaults, err := opts.parse("geokg extract", opts.stdin)
	if err != nil {
		return err
	}
	x, err := g.extractor(defaults.maxMentions)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	var all struct {
		actors   []graph.Actor
		mentions []graph.Mention
	}
	failed := 0
	err = extractAll(ctx, paths, defaults, x, false, inOrder(func(d *doc) error {
		switch {
		case d.err != nil:
			failed++
			w.Flush()
			fmt.Fprintf(stderr, "geokg: %v\n", d.err)
		case opts.Format == "json":
			all.actors = append(all.actors, d.res.Actors...)
			all.mentions = append(all.mentions, d.res.Mentions...)
		default:
			writeMentions(w, d)
		}
		return nil
	}))
	if err == nil && opts.Format == "json" {
		err = export.JSON(w, graph.FromMentions(all.actors, all.mentions))
	}
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write: %w", ferr)
	}
	if err == nil && failed > 0 {
		err = errReported
	}
	return err
}

// writeMentions prints one article's mentions as readable blocks.
func writeMentions(w io.Writer, d *doc) {
	names := map[graph.ActorID]string{}
	for _, a := range d.res.Actors {
		names[a.ID] = a.Name
	}
	name := func(id graph.ActorID) string {
		if n, ok := names[id]; ok && n != "" {
			return n
		}
		return string(id)
	}
	path := d.path
	if path == "-" {
		path = "stdin"
	}
	fmt.Fprintf(w, "== %s (%s, %s, id %s)\n", path, graph.FormatDate(d.art.Date),
		plural(len(d.res.Mentions), "relation"), d.art.ID)
	if d.art.Title != "" {
		fmt.Fprintf(w, "   %s\n", d.art.Title)
	}
	for _, m := range d.res.Mentions {
		fmt.Fprintf(w, "\n%s —%s→ %s [%s]\n", name(m.Source), m.Relation, name(m.Target), status(m, name))
		fmt.Fprintf(w, "  trigger: %s\n", m.Trigger)
		fmt.Fprintf(w, "  «%s»\n", markSpans(d.text, m))
	}
	fmt.Fprintln(w)
}

// status describes how the mention is claimed: "alleged, claimed by Kyiv".
func status(m graph.Mention, name func(graph.ActorID) string) string {
	s := string(m.Status)
	if m.ClaimedBy != "" {
		s += ", claimed by " + name(m.ClaimedBy)
	}
	if m.DisputedBy != "" {
		s += ", disputed by " + name(m.DisputedBy)
	}
	return s
}

// markSpans returns the mention's sentence (taken from text when its span
// is valid there) on one line with the source
// and target in [brackets] and the trigger in {braces}. Spans that fall
// outside the sentence, split a character or overlap an earlier mark are
// left unmarked.
func markSpans(text string, m graph.Mention) string {
	type mark struct {
		span        graph.Span
		open, close string
	}
	marks := []mark{{m.SrcSpan, "[", "]"}, {m.TgtSpan, "[", "]"}, {m.TrigSpan, "{", "}"}}
	for i := 1; i < len(marks); i++ { // three elements: insertion sort
		for j := i; j > 0 && marks[j].span.Start < marks[j-1].span.Start; j-- {
			marks[j], marks[j-1] = marks[j-1], marks[j]
		}
	}
	s, base := m.Sentence, m.SentSpan.Start
	if sp := m.SentSpan; 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text) {
		s = text[sp.Start:sp.End]
	}
	var b strings.Builder
	at := 0
	for _, k := range marks {
		start, end := k.span.Start-base, k.span.End-base
		if start < at || end <= start || end > len(s) || !boundary(s, start) || !boundary(s, end) {
			continue
		}
		b.WriteString(s[at:start])
		b.WriteString(k.open + s[start:end] + k.close)
		at = end
	}
	b.WriteString(s[at:])
	return strings.Join(strings.Fields(b.String()), " ")
}

// boundary reports whether byte offset i of s starts a character (or is
// the end).
func boundary(s string, i int) bool {
	return i == len(s) || i >= 0 && i < len(s) && (s[i] < 0x80 || s[i] >= 0xC0)
}
