package extract

import (
	"strings"
	"time"
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
	exact string       // non-empty: the name is in capitals and must match these exact token texts
	cap   bool         // the first token must be capitalised
	actor *graph.Actor // the dictionary actor id names, set by setActors
	// term bounds, for a title, the days (since 1970) its holder holds
	// it, both included; 0 is an open bound
	from, to int32
	// shared: another actor has the same name of the same kind ("Congo",
	// "Congolese"); the article chooses (see sharedChoice)
	shared bool
}

type trieNode struct {
	next []trieEdge // sorted by word id
	refs []nameRef
	// titles is set if a title (NameTitle) ends at this node or below
	// it: longestTitle walks no further than such nodes
	titles bool
}

type trieEdge struct {
	wid  int32
	node *trieNode
}

func (n *trieNode) child(wid int32) *trieNode {
	for _, e := range n.next {
		if e.wid == wid {
			return e.node
		}
	}
	return nil
}

// trie matches dictionary names over token sequences, longest first. Its
// edges are keyed by word id: each lower-case word of a name has an id
// from 1 (wids), and the root's children are indexed by it.
type trie struct {
	root  []*trieNode // by word id
	table *vocab      // vocab for the tokenizer: the lexicon's words and the names' words
	// words holds the lower-case words of the names by id (words[0] is
	// ""), which the vocabulary is made from
	words []string
	// wids holds the id of each word of a name, toks the tokens of the
	// name add reads, and the blocks what newNode, an edge's or a name's
	// first slice are cut from: all serve only while the trie is built
	wids      map[string]int32
	toks      []token
	nodeBlock []trieNode
	edgeBlock []trieEdge
	refBlock  []nameRef
}

// newNode returns a new node, cut from a block of nodes made at once (the
// dictionary's names make thousands of nodes).
func (t *trie) newNode() *trieNode {
	if len(t.nodeBlock) == 0 {
		t.nodeBlock = make([]trieNode, 512)
	}
	n := &t.nodeBlock[0]
	t.nodeBlock = t.nodeBlock[1:]
	return n
}

// appendTo appends v to s; a first element comes from *block, a chunk that
// the first elements of many slices share (most nodes have one edge and
// one name), with a capacity of one, so that a second append copies the
// slice out of the block.
func appendTo[T any](s []T, v T, block *[]T) []T {
	if len(s) > 0 {
		return append(s, v)
	}
	if len(*block) == 0 {
		*block = make([]T, 512)
	}
	s = (*block)[:1:1]
	*block = (*block)[1:]
	s[0] = v
	return s
}

// wordID returns the id of a name's word, giving it one if it has none.
func (t *trie) wordID(low string) int32 {
	w, ok := t.wids[low]
	if !ok {
		w = int32(len(t.root))
		t.wids[low] = w
		t.root = append(t.root, nil)
		t.words = append(t.words, low)
	}
	return w
}

// noWords is a vocabulary without words, for tokenizing names: the trie
// reads their tokens' texts, not their classes.
var noWords = newVocabSized(0)

// add indexes name, a name of ref.id of ref.kind.
func (t *trie) add(name string, ref nameRef) {
	t.toks = tokenizeInto(t.toks[:0], name, noWords)
	toks := t.toks
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
	title := ref.kind == NameTitle
	w := t.wordID(toks[0].low)
	n := t.root[w]
	if n == nil {
		n = t.newNode()
		t.root[w] = n
	}
	n.titles = n.titles || title
	for _, k := range toks[1:] {
		w := t.wordID(k.low)
		c := n.child(w)
		if c == nil {
			c = t.newNode()
			n.next = appendTo(n.next, trieEdge{w, c}, &t.edgeBlock)
		}
		n = c
		n.titles = n.titles || title
	}
	for k := range n.refs {
		if r := &n.refs[k]; r.id == ref.id && r.kind == ref.kind {
			// a form starting in lower case ("south Korea") lifts the
			// capital the other asks for
			r.cap = r.cap && ref.cap
			return
		}
	}
	n.refs = appendTo(n.refs, ref, &t.refBlock)
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

// noRef is the nameRef longest returns when nothing matches. No one
// writes to it, nor to the refs of the trie longest points into.
var noRef nameRef

// longest returns the longest name match starting at toks[i] (within
// [i, end)), honouring the case rules, and its end.
func (t *trie) longest(toks []token, i, end int) (*nameRef, int, bool) {
	var best *nameRef
	bestEnd := -1
	if i >= end || toks[i].wid == 0 {
		return &noRef, bestEnd, false
	}
	n := t.root[toks[i].wid]
	for j := i; n != nil; {
		for k := range n.refs {
			r := &n.refs[k]
			if r.kind == NameTitle || !caseOK(r, toks[i:j+1]) {
				continue
			}
			if j+1 > bestEnd || (j+1 == bestEnd && r.kind < best.kind) {
				best, bestEnd = r, j+1
			}
		}
		if j++; j >= end {
			break
		}
		n = n.child(toks[j].wid)
	}
	if best == nil {
		return &noRef, bestEnd, false
	}
	return best, bestEnd, true
}

// longestTitle returns the titles of the longest title match starting at
// toks[i] (within [i, end)), the refs of every person that holds or held
// it, and its end; nil if none.
func (t *trie) longestTitle(toks []token, i, end int) ([]nameRef, int) {
	var best []nameRef
	bestEnd := -1
	if i >= end || toks[i].wid == 0 {
		return nil, -1
	}
	n := t.root[toks[i].wid]
	for j := i; n != nil && n.titles; {
		for k := range n.refs {
			if r := &n.refs[k]; r.kind == NameTitle && caseOK(r, toks[i:j+1]) {
				best, bestEnd = n.refs, j+1
				break
			}
		}
		if j++; j >= end {
			break
		}
		n = n.child(toks[j].wid)
	}
	return best, bestEnd
}

// dayOf numbers the day of t from 1970-01-01; 0 for the zero time.
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	return int32(t.Unix() / 86400)
}

func caseOK(r *nameRef, toks []token) bool {
	if r.exact != "" {
		// the token texts, each followed by a space, must spell r.exact
		e := r.exact
		for _, k := range toks {
			if !strings.HasPrefix(e, k.text) || len(e) == len(k.text) || e[len(k.text)] != ' ' {
				return false
			}
			e = e[len(k.text)+1:]
		}
		return e == ""
	}
	if r.cap && !toks[0].cap {
		return false
	}
	return true
}

// buildTrie indexes every name of the dictionary, and points each at its
// actor in actors.
func buildTrie(d *Dictionary, lex *lexicon, actors map[graph.ActorID]*graph.Actor) *trie {
	t := &trie{root: []*trieNode{nil}, words: []string{""}, wids: make(map[string]int32, 2*d.Len())}
	for e := range d.all() {
		a := actors[e.Actor.ID]
		for _, n := range e.Names {
			switch n.Kind {
			case NameTitle:
				t.add(n.Text, nameRef{id: e.Actor.ID, kind: NameTitle, actor: a, from: dayOf(e.From), to: dayOf(e.To)})
			case NameDemonym:
				t.add(n.Text, nameRef{id: e.Actor.ID, kind: NameDemonym, actor: a})
				if p := demonymPlural(n.Text); p != "" {
					t.add(p, nameRef{id: e.Actor.ID, kind: nameDemonymPlural, actor: a})
				}
			default:
				t.add(n.Text, nameRef{id: e.Actor.ID, kind: n.Kind, actor: a})
			}
		}
	}
	for _, n := range t.root {
		if n != nil {
			markShared(n)
		}
	}
	t.table = t.vocabulary(lex)
	t.wids, t.toks, t.nodeBlock, t.edgeBlock, t.refBlock = nil, nil, nil, nil, nil
	return t
}

// vocabulary returns the tokenizer's vocabulary: the lexicon's words with
// their classes, and the words of the names with their ids. The words that
// start a name are classed so, for actorsIn to tell them with the other
// classes it tests, in one test.
func (t *trie) vocabulary(lex *lexicon) *vocab {
	v := newVocabFrom(lex.vocab, len(lex.vocab.words)+len(t.words))
	for wid, w := range t.words[1:] {
		wi := v.slot(w)
		wi.wid = int32(wid + 1)
		if t.root[wid+1] != nil {
			wi.cls |= cNameStart
		}
	}
	v.setPunct()
	return v
}

// markShared marks the names of n and below that another actor has too.
func markShared(n *trieNode) {
	for i := range n.refs {
		for j := range n.refs {
			a, b := &n.refs[i], &n.refs[j]
			if i != j && a.kind == b.kind && a.id != b.id && a.kind != NameTitle {
				a.shared = true
			}
		}
	}
	for _, e := range n.next {
		markShared(e.node)
	}
}

// refsAt returns the names that end after toks[i:end] exactly.
func (t *trie) refsAt(toks []token, i, end int) []nameRef {
	if toks[i].wid == 0 {
		return nil
	}
	n := t.root[toks[i].wid]
	for j := i + 1; j < end && n != nil; j++ {
		n = n.child(toks[j].wid)
	}
	if n == nil {
		return nil
	}
	return n.refs
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

// bareDeterminer reports a lower-case "the", "a" or "an" at toks[i] at
// which none of the rules of mentionAt after the names (officialFor ...
// phraseAt) can start a mention, most of them: they all need, among the
// refAnchorWindow words after it, a capitalised word or one of the
// anchor classes (refAnchorCls, refAnchorIDs) - a title, an
// institution, a body, a plural, a description noun - or a class of
// the determiner itself. One look at four words spares the twenty rules
// their own tests. A rule of that chain that comes to need another
// class after "the" must add it to the anchors.
func bareDeterminer(toks []token, i, to int) bool {
	t := &toks[i]
	if t.cap || t.low != "the" && t.low != "a" && t.low != "an" || t.is(cPronoun|cPersonTitle|cSeatHead|cPluralRef) || t.in(lcMemberNoun) || t.in(lcExamplesHead) {
		return false
	}
	if t.low == "the" && i+1 < to && toks[i+1].cap {
		return false // "the Kremlin", "the Lebanese group", "the Foreign Ministry"; no rule needs it after "a"
	}
	for k := i + 1; k < to && k <= i+refAnchorWindow; k++ {
		if toks[k].in(idRefAnchor) {
			return false
		}
	}
	return true
}

// refAnchorWindow is how far after a determiner the rules of mentionAt
// look for their anchor word: titleModifierWindow (officialFor, titleRef,
// nationsOf; pluralRef's count and two modifiers).
const refAnchorWindow = titleModifierWindow

// refAnchorCls and refAnchorIDs are the classes bareDeterminer looks
// for, gathered in the id idRefAnchor (setRefAnchors): a person title (officialFor, titleRef, roleThenName), group-ref
// (groupRef), institution words (institutionRef), office words
// (officeRef), body nouns (bodyRef), plural-state and state-noun
// (nationsOf), plural-ref (pluralRef, regionalRef), official-role
// (officialFor), short-noun (shortNameRef), description-noun
// (descriptionRef), document-noun (documentRef), owned-head (ownedHead).
const refAnchorCls = cPersonTitle | cGroupRef | cInstitutionModifier | cInstitutionRef | cOfficeModifier | cBodyNoun | cPluralState | cPluralRef

var refAnchorIDs = setOfIDs(lcOfficialRole, lcShortNoun, lcInstitutionAdjective, lcOfficeHolder, lcOfficeNoun, lcDescriptionNoun, lcDocumentNoun, lcOwnedHead, lcStateNoun)

// setRefAnchors gives idRefAnchor to each word of v of one of the
// classes refAnchorCls and refAnchorIDs: bareDeterminer tests one bit at
// each word after a determiner rather than seven words of bits.
func setRefAnchors(v *vocab) {
	for k := range v.words {
		if sl := &v.words[k]; sl.cls&refAnchorCls != 0 || sl.ids.meets(&refAnchorIDs) {
			sl.ids.add(idRefAnchor)
		}
	}
}
