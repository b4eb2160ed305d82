package store

import (
	"context"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// Month is one row of a timeline: how many articles dated in the month
// show each relation.
type Month struct {
	Start  time.Time              // the first day of the month, UTC
	Counts map[graph.Relation]int // articles per relation (relations with none are absent)
	Total  int                    // articles showing any of them (an article showing two counts once)
}

// Timeline counts, month by month, the articles that show id's relations
// (those View gives: its own and those of the persons and bodies that speak
// for it), or with other set only its relations with other. f narrows as
// for View (Direction included; f.Evidence does not matter). Months run
// from the first to the last with an article, with zero rows between;
// undated mentions are not counted. The error wraps graph.ErrNotFound when
// id or other is not a known actor.
//
// Without other, and unless f narrows by date, status, article count or
// more than one relation, or rolls up, the months are the actor's stored
// months (months.go): a few keys, however large the store. Otherwise,
// unless f narrows by date or status or rolls up, which need every
// mention, the months come from the view's edges' mention keys alone
// (date and article), no value read, and the view's links are read
// without evidence, and without their counts unless f.MinArticles needs
// them.
func (s *Store) Timeline(ctx context.Context, id, other graph.ActorID, f Filter) ([]Month, error) {
	keysOnly := !f.selectsMentions() && !f.Rollup
	if keysOnly && f.MinArticles == 0 && other == "" && len(f.Relations) <= 1 {
		ms, err := s.monthsTimeline(ctx, id, f)
		if err != nil {
			return nil, fmt.Errorf("store: timeline: %w", err)
		}
		return ms, nil
	}
	links, err := s.timelineLinks(ctx, id, other, f, keysOnly)
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	perRel := map[graph.Relation]map[monthArticle]bool{}
	total := map[monthArticle]bool{}
	count := func(rel graph.Relation, date time.Time, article string) {
		if date.IsZero() {
			return
		}
		k := monthArticle{monthOf(date), article}
		if perRel[rel] == nil {
			perRel[rel] = map[monthArticle]bool{}
		}
		perRel[rel][k] = true
		total[k] = true
	}
	if keysOnly {
		if err := s.countKeys(ctx, links, count); err != nil {
			return nil, fmt.Errorf("store: timeline: %w", err)
		}
		return months(perRel, total), nil
	}
	for _, l := range links {
		for _, m := range l.Edge.Evidence {
			count(m.Relation, m.Date, m.Article)
		}
	}
	return months(perRel, total), nil
}

// timelineLinks returns the links of id's view under f that a timeline
// counts: with other set, only those with other (its root when f rolls
// up). keysOnly reads the links without evidence and, unless
// f.MinArticles needs them, without their counts.
func (s *Store) timelineLinks(ctx context.Context, id, other graph.ActorID, f Filter, keysOnly bool) ([]graph.Link, error) {
	f.Evidence = -1
	if keysOnly {
		f.Evidence = 0
	}
	v := &graph.View{}
	var err error
	if keysOnly && f.MinArticles == 0 {
		v.Links, err = s.viewKeys(ctx, id, f)
	} else {
		v, err = s.View(ctx, id, f)
	}
	if err != nil {
		return nil, err
	}
	if other != "" {
		if f.Rollup {
			if other, err = s.root(ctx, other); err != nil {
				return nil, err
			}
		} else if _, err := s.Actor(ctx, other); err != nil {
			return nil, err
		}
	}
	var links []graph.Link
	for _, l := range v.Links {
		if other == "" || l.Other == other {
			links = append(links, l)
		}
	}
	return links, nil
}

// countKeys calls count with the relation, date and article (its key
// form: an identity, not the id) of every mention of the links' edges,
// from eachLinkMention's key-only walk (one iterator in key order: an
// iterator per edge, each over every table, was most of a timeline's
// time).
func (s *Store) countKeys(ctx context.Context, links []graph.Link, count func(graph.Relation, time.Time, string)) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		return eachLinkMention(ctx, txn, links, func(l graph.Link, date time.Time, article []byte) {
			count(l.Edge.Relation, date, string(article))
		})
	})
}

// monthArticle is an article counted in a month.
type monthArticle struct {
	month   time.Time
	article string
}

// months turns the sets of articles per relation and month into rows, one
// per month from the first to the last.
func months(perRel map[graph.Relation]map[monthArticle]bool, total map[monthArticle]bool) []Month {
	if len(total) == 0 {
		return []Month{}
	}
	rows := map[time.Time]*Month{}
	row := func(t time.Time) *Month {
		if rows[t] == nil {
			rows[t] = &Month{Start: t, Counts: map[graph.Relation]int{}}
		}
		return rows[t]
	}
	var first, last time.Time
	for k := range total {
		row(k.month).Total++
		if first.IsZero() || k.month.Before(first) {
			first = k.month
		}
		if k.month.After(last) {
			last = k.month
		}
	}
	for rel, set := range perRel {
		for k := range set {
			row(k.month).Counts[rel]++
		}
	}
	var out []Month
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		out = append(out, *row(t))
	}
	return out
}

// monthOf is the first day of t's month, UTC.
func monthOf(t time.Time) time.Time {
	y, m, _ := t.UTC().Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}
