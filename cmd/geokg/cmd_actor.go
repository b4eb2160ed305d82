package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"geokg/export"
	"geokg/graph"
	"geokg/store"
)

type actorOptions struct {
	Relations   []string
	Direction   string
	Format      string
	Evidence    int
	evidenceSet bool
	narrow      narrowFlags
}

func newActorCommand(g *globalOptions) *cobra.Command {
	var opts actorOptions
	cmd := &cobra.Command{
		Use:   "actor NAME",
		Short: "Show one actor's relations",
		Long: `Actor looks NAME up in the store, by id ("PRK"), name or any alias ("North
Korea", "Pyongyang", "DPRK"), and prints its relations: what it does to
others (out) and what others do to it (in), with the articles and the
evidence sentences behind each. Statements by people and bodies that speak
for the actor (its ministers, its government) are shown with who said them.`,
		Example: `  geokg actor Tehran
  geokg actor "North Korea" --relation supplies --direction out
  geokg actor RUS --format json --evidence 10`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.evidenceSet = cmd.Flags().Changed("evidence")
			return runActor(cmd.Context(), opts, g, args[0], cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.Relations, "relation", nil, "only this `relation` (repeatable): accuses, denies, supplies, allies-with, recognizes")
	f.StringVar(&opts.Direction, "direction", "both", "which relations: out (by the actor), in (about it) or both")
	f.StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	f.IntVar(&opts.Evidence, "evidence", 1, "evidence sentences per relation, -1 for all (default 1 for table, 3 for json)")
	opts.narrow.add(f)
	return cmd
}

func runActor(ctx context.Context, opts actorOptions, g *globalOptions, name string, stdout io.Writer) (err error) {
	const cmd = "geokg actor"
	if err := checkListFormat(cmd, opts.Format); err != nil {
		return err
	}
	if !opts.evidenceSet && opts.Format == "json" {
		opts.Evidence = 3
	}
	f, err := narrowedFilter(cmd, opts.Relations, opts.Direction, opts.Evidence, &opts.narrow)
	if err != nil {
		return err
	}
	f.HoldLeads = true // the view is written once: its first mentions decoded as they are
	s, err := g.openQuery()
	if err != nil {
		return err
	}
	closer := &storeCloser{s: s}
	defer closer.wait(&err)
	v, err := actorView(ctx, s, g, name, f)
	if err != nil {
		return err
	}
	closer.start() // the view holds copies: the store closes while it is written
	if opts.Format == "json" {
		return export.ViewJSON(stdout, v)
	}
	return writeTable(stdout, func(w io.Writer) error { return export.ViewTable(w, v) })
}

// parseFilter checks --relation, --direction and --evidence; a bad value
// is a usage error of cmd.
func parseFilter(cmd string, relations []string, direction string, evidence int) (store.Filter, error) {
	f := store.Filter{Evidence: evidence}
	for _, r := range relations {
		rel, err := graph.ParseRelation(r)
		if err != nil {
			return f, usagef(cmd, "--relation %q: want accuses, denies, supplies, allies-with or recognizes", r)
		}
		f.Relations = append(f.Relations, rel)
	}
	if direction != "" {
		d, err := graph.ParseDirection(direction)
		if err != nil {
			return f, usagef(cmd, "--direction %q: want out, in or both", direction)
		}
		f.Direction = d
	}
	if evidence < -1 {
		return f, usagef(cmd, "--evidence %d: want a count, or -1 for all", evidence)
	}
	return f, nil
}

// narrowedFilter is parseFilter with the narrowing flags (--since,
// --until, --status, --min-articles, --rollup) applied.
func narrowedFilter(cmd string, relations []string, direction string, evidence int, narrow *narrowFlags) (store.Filter, error) {
	f, err := parseFilter(cmd, relations, direction, evidence)
	if err != nil {
		return f, err
	}
	return f, narrow.apply(cmd, &f)
}

// actorView is the view of the actor called name, with how many articles
// name it. An actor of the dictionary that articles name in no relation
// (so with no record in the store) has a view without links.
func actorView(ctx context.Context, s *store.Store, g *globalOptions, name string, f store.Filter) (*graph.View, error) {
	a, err := resolve(ctx, s, g, name)
	var v *graph.View
	switch {
	case err == nil:
		if v, err = s.View(ctx, a.ID, f); err != nil {
			return nil, err
		}
	case errors.Is(err, errNotStored):
		known := dictionaryActor(g, name)
		if known == nil {
			return nil, err
		}
		v = &graph.View{Actor: *known}
	default:
		return nil, err
	}
	naming, nerr := s.NamedIn(ctx, v.Actor.ID)
	if nerr != nil {
		return nil, nerr
	}
	if naming == 0 && errors.Is(err, errNotStored) {
		return nil, err
	}
	v.MentionedIn = naming
	return v, nil
}

// dictionaryActor is the dictionary's first actor called name, or nil.
func dictionaryActor(g *globalOptions, name string) *graph.Actor {
	d, err := g.dictionary()
	if err != nil {
		return nil
	}
	if known := d.Lookup(name); len(known) > 0 {
		return &known[0].Actor
	}
	return nil
}

// errNotStored is wrapped by resolve's error when no stored actor has the
// name.
var errNotStored = errors.New("not in the store")

// resolve finds the actor called name, or says which names come close
// and whether the dictionary knows the name though no article used it.
func resolve(ctx context.Context, s *store.Store, g *globalOptions, name string) (graph.Actor, error) {
	a, err := s.Resolve(ctx, name)
	if !errors.Is(err, graph.ErrNotFound) {
		return a, err
	}
	msg := fmt.Sprintf("no actor %q in the store", name)
	if known := dictionaryActor(g, name); known != nil {
		naming, err := s.NamedIn(ctx, known.ID)
		switch {
		case err != nil:
			return a, err
		case naming > 0:
			msg += fmt.Sprintf(" (the dictionary knows it as %s: mentioned in %s, in no relation)", known.ID, plural(naming, "article"))
		default:
			msg += fmt.Sprintf(" (the dictionary knows it as %s, but no ingested article mentions it)", known.ID)
		}
	}
	if names, serr := s.Suggest(ctx, name, 3); serr == nil && len(names) > 0 {
		msg += "; did you mean: " + strings.Join(names, ", ") + "?"
	}
	return a, &notStoredError{msg}
}

// notStoredError is resolve's error for a name no stored actor has.
type notStoredError struct{ msg string }

func (e *notStoredError) Error() string { return e.msg }
func (e *notStoredError) Unwrap() error { return errNotStored }
