package extract

import (
	"geokg/graph"
)

// An official introduced by a title alone ("Foreign Minister Ana Ruiz
// said", "ministry spokesman Tomas Berg") speaks for a state the title
// does not name. officialState finds it from the article, in this order:
//
//  1. the state the paragraph opens with ("In neighbouring Estonia,
//     Interior Minister ...", "Mali's government denied ... Government
//     spokesman ..."): a state, its capital or its demonym among its
//     first words, the dateline city included; a paragraph that opens
//     with a quotation opens with no state;
//  2. the state of the article's dateline ("LIMA, Oct 12 (Reuters) -");
//
// With neither, the official keeps no state: the state an article is
// about, or the last one that spoke, is too often not the official's
// (a visiting president, a quoted neighbour).
// Only titles of state office count (stateTitle): "Mr.", "Dr." and
// "secretary-general" give no state.

// datelineWindow is how far into an article its dateline is looked for:
// past a headline and a standfirst, well short of the body's later lines.
const datelineWindow = 200

// datelineState returns the state of the article's dateline, the city at
// the start of one of its first lines ("LIMA, Oct 12 (Reuters) -"): the
// state itself or its capital. It is found once and kept in st.
func (x *Extractor) datelineState(toks []token, st *articleState) graph.ActorID {
	if st.datelineSeen {
		return st.dateline
	}
	st.datelineSeen = true
	n := min(len(toks), datelineWindow)
	for k := 0; k < n; k++ {
		if k > 0 && !toks[k].nl {
			continue
		}
		d := dateline(toks, k, min(len(toks), k+12))
		if d == k {
			continue
		}
		if ref, _, ok := x.trie.longest(toks, k, d); ok {
			if a, ok := x.refActor(ref); ok && a.Type == graph.Country {
				st.dateline = a.ID
			}
		}
		break
	}
	return st.dateline
}

// paragraphOpener is how many words into a paragraph its topic may
// stand: "In neighbouring Estonia, ...", "The Marshall Islands, where ...".
const paragraphOpener = 5

// paragraphState returns the state the paragraph of toks[i] opens with:
// the first state, capital or demonym within its first words; "" if it
// opens with none, or with a quotation.
func (x *Extractor) paragraphState(toks []token, i int) graph.ActorID {
	p := i
	for p > 0 && !toks[p].para {
		p--
	}
	for k := p; k < i && k < p+paragraphOpener; {
		if toks[k].low == "\"" || toks[k].low == "“" {
			return ""
		}
		if id := x.stateAt(toks, k, i); id != "" {
			return id
		}
		k++
	}
	return ""
}

// stateAt returns the state a name at toks[k] stands for (by name,
// capital or demonym), or "".
func (x *Extractor) stateAt(toks []token, k, to int) graph.ActorID {
	ref, _, ok := x.trie.longest(toks, k, to)
	if !ok {
		return ""
	}
	if a, ok := x.refActor(ref); ok && a.Type == graph.Country {
		return a.ID
	}
	return ""
}

// officialState returns the state of an official whose title at toks[i]
// names none (see the rule above), or "".
func (x *Extractor) officialState(toks []token, i int, st *articleState) graph.ActorID {
	if p := x.paragraphState(toks, i); p != "" {
		return p
	}
	return x.datelineState(toks, st)
}

// nonStateTitles are person titles that hold no office of a state:
// courtesy titles, and the heads of organisations and churches.
var nonStateTitles = map[string]bool{"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "cardinal": true, "pope": true,
	"secretary-general": true, "director-general": true, "chairman": true, "chairwoman": true}

// stateTitle reports whether a title phrase names an office of state: it
// holds a person title and no title of nonStateTitles ("secretary
// general" in two words included).
func stateTitle(title []token) bool {
	state := false
	for k := range title {
		w := title[k].low
		if nonStateTitles[w] || w == "general" && k > 0 && title[k-1].low == "secretary" {
			return false
		}
		state = state || title[k].is(cPersonTitle)
	}
	return state
}
