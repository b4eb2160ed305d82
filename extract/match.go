package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"geokg/graph"
)

// nameDemonymPlural is an internal name kind: "Palestinians", "Israelis".
const nameDemonymPlural NameKind = 200

// nameRef is one dictionary name ending at a trie node.
type nameRef struct {
	id    graph.ActorID
	kind  NameKind
	exact string // non-empty: the name is in capitals and must match these exact token texts
	cap   bool   // the first token must be capitalised
}

type trieNode struct {
	next map[string]*trieNode
	refs []nameRef
}

// trie matches dictionary names over token sequences, longest first.
type trie struct {
	root trieNode
}

func (t *trie) add(name string, ref nameRef) {
	toks := tokenize(name)
	if len(toks) > 1 && toks[0].low == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return
	}
	first, _ := utf8.DecodeRuneInString(name)
	ref.cap = unicode.IsUpper(first)
	if isAllCaps(name) && len(toks) <= 3 {
		var b strings.Builder
		for _, k := range toks {
			b.WriteString(k.text)
			b.WriteByte(' ')
		}
		ref.exact = b.String()
	}
	n := &t.root
	for _, k := range toks {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[k.low]
		if c == nil {
			c = &trieNode{}
			n.next[k.low] = c
		}
		n = c
	}
	for _, r := range n.refs {
		if r.id == ref.id && r.kind == ref.kind {
			return
		}
	}
	n.refs = append(n.refs, ref)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// longest returns the longest name match starting at toks[i] (within
// [i, end)), honouring the case rules, and its end.
func (t *trie) longest(toks []token, i, end int) (nameRef, int, bool) {
	n := &t.root
	var best nameRef
	bestEnd := -1
	for j := i; j < end; j++ {
		c := n.next[toks[j].low]
		if c == nil {
			break
		}
		n = c
		for _, r := range n.refs {
			if !caseOK(r, toks[i:j+1]) {
				continue
			}
			if j+1 > bestEnd || (j+1 == bestEnd && r.kind < best.kind) {
				best, bestEnd = r, j+1
			}
		}
	}
	return best, bestEnd, bestEnd > 0
}

func caseOK(r nameRef, toks []token) bool {
	if r.exact != "" {
		var b strings.Builder
		for _, k := range toks {
			b.WriteString(k.text)
			b.WriteByte(' ')
		}
		return b.String() == r.exact
	}
	if r.cap && !toks[0].cap {
		return false
	}
	return true
}

// buildTrie indexes every name of the dictionary.
func buildTrie(d *Dictionary) *trie {
	t := &trie{}
	for _, e := range d.Entries() {
		for _, n := range e.Names {
			switch n.Kind {
			case NameTitle:
				continue
			case NameDemonym:
				t.add(n.Text, nameRef{id: e.Actor.ID, kind: NameDemonym})
				if p := demonymPlural(n.Text); p != "" {
					t.add(p, nameRef{id: e.Actor.ID, kind: nameDemonymPlural})
				}
			default:
				t.add(n.Text, nameRef{id: e.Actor.ID, kind: n.Kind})
			}
		}
	}
	return t
}

// demonymPlural gives the plural noun of a demonym that has one
// ("Palestinian" -> "Palestinians"); "" for "Chinese", "British", "French".
func demonymPlural(d string) string {
	if strings.Contains(d, " ") {
		return ""
	}
	switch {
	case strings.HasSuffix(d, "an"), strings.HasSuffix(d, "i"):
		return d + "s"
	}
	return ""
}
