package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"geokg/extract"
	"geokg/graph"
)

// goldFile is an annotated article's gold, NN_slug.json beside its text:
// the triples it expects, allows and forbids, with actors by name and
// officials as "Person|State".
type goldFile struct {
	ID       string     `json:"id"`
	Date     string     `json:"date"`
	File     string     `json:"file"`
	Expect   [][]string `json:"expect"`
	Optional [][]string `json:"optional"`
	Forbid   [][]string `json:"forbid"`
}

// triple is an edge at state level; an alliance's ends are in order.
type triple struct {
	src graph.ActorID
	rel graph.Relation
	tgt graph.ActorID
}

func newTriple(src graph.ActorID, rel graph.Relation, tgt graph.ActorID) triple {
	if rel.Symmetric() && tgt < src {
		src, tgt = tgt, src
	}
	return triple{src, rel, tgt}
}

// article is one annotated article read for training or validation: its
// candidates, the edges the rules give, and its gold as state-level
// triples.
type article struct {
	id                       string
	batch                    string // batchOf its gold file
	text                     string
	cands                    []extract.Candidate
	rules                    map[triple]bool
	expect, optional, forbid map[triple]bool
}

// loadArticles reads the gold files the patterns match, sorted by path,
// and runs the rules (x, with the learned component off) on each.
func loadArticles(x *extract.Extractor, dict *extract.Dictionary, patterns []string) ([]article, error) {
	var paths []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", p, err)
		}
		paths = append(paths, m...)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	var out []article
	for _, p := range paths {
		a, err := loadArticle(x, dict, p)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func loadArticle(x *extract.Extractor, dict *extract.Dictionary, path string) (article, error) {
	var g goldFile
	data, err := os.ReadFile(path)
	if err != nil {
		return article{}, err
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return article{}, fmt.Errorf("%s: %w", path, err)
	}
	text, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.File))
	if err != nil {
		return article{}, fmt.Errorf("%s: %w", path, err)
	}
	date, err := graph.ParseDate(g.Date)
	if err != nil {
		return article{}, fmt.Errorf("%s: date: %w", path, err)
	}
	art := graph.Article{ID: g.ID, Date: date, Size: len(text)}
	a := article{id: g.ID, batch: batchOf(path), text: string(text), cands: x.Candidates(art, string(text)), rules: ruleTriples(x.Extract(art, string(text)))}
	a.expect = goldTriples(dict, g.Expect)
	a.optional = goldTriples(dict, g.Optional)
	a.forbid = goldTriples(dict, g.Forbid)
	return a, nil
}

// batchOf names the batch of a gold file, the unit of leave-one-batch-out
// cross-validation: its folder and the hundreds of its number
// ("heldout/7" for heldout/712_x.json, "articles/0" for articles/05_y.json),
// since each hundred of a folder was written by other writers at another
// time.
func batchOf(path string) string {
	name := filepath.Base(path)
	n := 0
	for _, r := range name {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return fmt.Sprintf("%s/%d", filepath.Base(filepath.Dir(path)), n/100)
}

// ruleTriples returns the state-level triples of the rules' mentions.
func ruleTriples(res extract.Result) map[triple]bool {
	out := map[triple]bool{}
	for _, m := range res.AtStateLevel() {
		out[newTriple(m.Source, m.Relation, m.Target)] = true
	}
	return out
}

// goldTriples resolves gold triples to state-level triples (goldIDs); a
// name the dictionary gives several actors gives a triple for each.
// Unknown names and relations give none.
func goldTriples(dict *extract.Dictionary, gs [][]string) map[triple]bool {
	out := map[triple]bool{}
	for _, g := range gs {
		if len(g) != 3 {
			continue
		}
		rel, err := graph.ParseRelation(g[1])
		if err != nil {
			continue
		}
		for _, s := range goldIDs(dict, g[0]) {
			for _, t := range goldIDs(dict, g[2]) {
				out[newTriple(s, rel, t)] = true
			}
		}
	}
	return out
}

// goldIDs returns the state-level ids of the dictionary actors a gold
// field names: every "|" alternative counts ("Person|State", and the older
// "State|Person"), a person by the state it speaks for.
func goldIDs(dict *extract.Dictionary, field string) []graph.ActorID {
	var ids []graph.ActorID
	for _, name := range strings.Split(field, "|") {
		for _, e := range dict.Lookup(strings.TrimSpace(name)) {
			id := e.Actor.ID
			if e.Actor.Type == graph.Person && e.Actor.Affiliation != "" {
				id = e.Actor.Affiliation
			}
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
