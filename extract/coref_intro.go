package extract

import "geokg/graph"

// An armed group the dictionary lacks is often introduced with its
// abbreviation in brackets: "the West Papua National Liberation Army
// (TPNPB)", "the Arakan Liberation Front (ALF)". Such a name (capitalised
// words ending in a noun of the group-name-head class, naming no state)
// becomes an actor of the article, a group, named by the full name and the
// abbreviation; the abbreviation alone later is that group ("TPNPB
// spokesman Sebby Sambom" speaks for it), and "the group" may be it.

// introWords bounds the words of an introduced group's name.
const introWords = 8

// introducedGroup matches an armed group introduced with its abbreviation
// at toks[i] ("the" or the name's first word), or the abbreviation of one
// introduced before.
func (x *Extractor) introducedGroup(out *mention, toks []token, i, to int, st *articleState) bool {
	if toks[i].upper && len(st.introduced) > 0 {
		if a := st.introduced[toks[i].text]; a != nil {
			*out = mention{from: i, to: i + 1, nFrom: i, id: a.ID, act: a}
			return true
		}
	}
	j := i
	if toks[j].low == "the" {
		j++
	} else if i > 0 && toks[i-1].cap && toks[i-1].word {
		return false // inside a name: read from its first word
	}
	k := j
	for k < to && k-j < introWords && (toks[k].cap && toks[k].word || k > j && (toks[k].low == "of" || toks[k].low == "for")) {
		k++
	}
	if k-j < 2 || k+2 >= to || toks[k].low != "(" || toks[k+2].low != ")" || !toks[k-1].in(lcGroupNameHead) {
		return false
	}
	ab := &toks[k+1]
	if !ab.upper || !ab.word || len(ab.text) < 2 || x.namesState(toks, j, k) {
		return false
	}
	if _, _, ok := x.trie.longest(toks, k+1, k+2); ok {
		return false // an abbreviation the dictionary knows
	}
	name := joinText(toks[j:k])
	a := &graph.Actor{ID: graph.ActorID("group:" + graph.Slug(name)), Name: name, Type: graph.Group, Aliases: []string{ab.text}}
	if a.ID.Validate() != nil {
		return false
	}
	if st.introduced == nil {
		st.introduced = map[string]*graph.Actor{}
	}
	st.introduced[ab.text] = a
	st.newPersons[a.ID] = *a
	*out = mention{from: i, to: k + 3, nFrom: j, id: a.ID, act: a}
	return true
}

// namesState reports a state's name or demonym among toks[from:to]: "the
// Indonesian National Armed Forces (TNI)" is the state's army, not a
// group. A group's name inside is no obstacle ("National Liberation
// Army", the ELN's, ends the West Papuan group's).
func (x *Extractor) namesState(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		ref, _, ok := x.trie.longest(toks, k, to)
		if !ok {
			continue
		}
		if ref.kind == NameDemonym || ref.kind == nameDemonymPlural {
			return true
		}
		if a, ok := x.refActor(ref); ok && a.Type == graph.Country {
			return true
		}
	}
	return false
}

// introducedBody returns the group introduced with the abbreviation at
// toks[k] ("TPNPB spokesman ..."), "" if none.
func (st *articleState) introducedBody(toks []token, k int) graph.ActorID {
	if k < 0 || !toks[k].upper || len(st.introduced) == 0 {
		return ""
	}
	if a := st.introduced[toks[k].text]; a != nil {
		return a.ID
	}
	return ""
}
