package main

import (
	"time"

	"github.com/spf13/pflag"

	"geokg/graph"
	"geokg/store"
)

// narrowFlags are the flags that narrow the graph by date, status and
// strength, and fold persons into their states: shared by export, actor,
// path and timeline.
type narrowFlags struct {
	Since, Until string
	MinArticles  int
	Statuses     []string
	Rollup       bool
}

func (n *narrowFlags) add(f *pflag.FlagSet) {
	f.StringVar(&n.Since, "since", "", "only evidence from articles dated on or after `YYYY-MM-DD`")
	f.StringVar(&n.Until, "until", "", "only evidence from articles dated on or before `YYYY-MM-DD`")
	f.IntVar(&n.MinArticles, "min-articles", 0, "only relations shown by at least `N` articles")
	f.StringSliceVar(&n.Statuses, "status", nil, "only evidence with this `status` (repeatable): asserted, alleged, promised, denied")
	f.BoolVar(&n.Rollup, "rollup", false, "fold persons and institutions into the state or organisation they speak for")
}

// apply checks the flags and sets them on f; a bad value is a usage error
// of cmd.
func (n *narrowFlags) apply(cmd string, f *store.Filter) error {
	var err error
	if f.Since, err = parseDay(cmd, "--since", n.Since); err != nil {
		return err
	}
	if f.Until, err = parseDay(cmd, "--until", n.Until); err != nil {
		return err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return usagef(cmd, "--until %s is before --since %s", n.Until, n.Since)
	}
	if n.MinArticles < 0 {
		return usagef(cmd, "--min-articles %d: want 0 or more", n.MinArticles)
	}
	f.MinArticles = n.MinArticles
	for _, s := range n.Statuses {
		st, err := graph.ParseStatus(s)
		if err != nil {
			return usagef(cmd, "--status %q: want asserted, alleged, promised or denied", s)
		}
		f.Statuses = append(f.Statuses, st)
	}
	f.Rollup = n.Rollup
	return nil
}

// parseDay parses a YYYY-MM-DD flag value; "" is the zero time.
func parseDay(cmd, flag, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := graph.ParseDate(value)
	if err != nil {
		return t, usagef(cmd, "%s %q: want a date as YYYY-MM-DD", flag, value)
	}
	return t, nil
}
