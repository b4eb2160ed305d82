package extract

import (
	"slices"

	"geokg/graph"
)

// Supplies round 14: money spent on works in a place. "Taipei funded
// housing, hospitals and scholarships in Honduras", "Australia, which funds
// an offshore processing centre on Nauru", "In Tuvalu, it funds
// scholarships": a verb of funding (class fund-lemma) whose object is
// works or services (class project-noun), not an actor, and a place after
// "in" or "on" that is one state or territory: the place receives.

// projectPlaceWindow: from a funding verb past its object, a list of
// works ("development projects, medical care and scholarships"), to the
// "in" or "on" of their place.
const projectPlaceWindow = 12

// frontedPlaceWindow: the words of a fronted place phrase before the
// comma ("In Tuvalu,", "In the Pacific state of Tuvalu,").
const frontedPlaceWindow = 6

// projectPlace returns the place the works a funding verb at i pays for
// stand in, or nil.
func (sc *scope) projectPlace(i int, t trig) []int {
	if !sc.x.lex.has(lcFundLemma, t.lemma) {
		if t.goods {
			return sc.forWorksIn(i)
		}
		return nil
	}
	works := false
	for k := i + 1; k < sc.s.to && k <= i+projectPlaceWindow; k++ {
		tk := &sc.toks[k]
		if _, ok := sc.startAt(k); ok {
			return nil // an actor funded: "funds militias in Iraq" has its own frames
		}
		if tk.in(lcProjectNoun) {
			works = true
			continue
		}
		if works && (tk.low == "in" || tk.low == "on") {
			return sc.oneState(sc.after(k))
		}
		if tk.is(cClauseBreak) && tk.low != "," || tk.is(cReporting) || tk.is(cPreposition) && tk.low != "of" {
			break // the works are the verb's object: not "a source of funding for the project in Laos"
		}
	}
	if works {
		return sc.frontedPlace(i)
	}
	return nil
}

// forWorksIn reads the place of works the goods of a supply verb at i
// are for: "Berlin will provide 1.1 billion euros over 30 years for
// development projects in Namibia" (Namibia). "for", one or two modifiers,
// works (class project-noun), then "in" or "on" and one state.
func (sc *scope) forWorksIn(i int) []int {
	for k := i + 1; k < sc.s.to && k <= i+projectPlaceWindow; k++ {
		tk := &sc.toks[k]
		if tk.is(cClauseBreak) && tk.low != "," || tk.is(cReporting) {
			return nil
		}
		if _, ok := sc.startAt(k); ok {
			return nil // a recipient of its own: "to Ghana for new schools in ..."
		}
		if tk.low != "for" {
			continue
		}
		for j := k + 1; j < sc.s.to && j <= k+worksModifiers+1; j++ {
			if !sc.toks[j].in(lcProjectNoun) {
				continue
			}
			for j+1 < sc.s.to && sc.toks[j+1].in(lcProjectNoun) {
				j++ // "infrastructure projects"
			}
			if w := sc.wordAt(j + 1); w == "in" || w == "on" {
				return sc.oneState(sc.after(j + 1))
			}
			return nil
		}
		return nil
	}
	return nil
}

// worksModifiers: the words between "for" and the noun of the works
// ("for new development projects in").
const worksModifiers = 2

// frontedPlace reads a place phrase opening the sentence before the verb
// at i: "In Tuvalu, it funds scholarships".
func (sc *scope) frontedPlace(i int) []int {
	f := sc.s.from
	if sc.toks[f].low != "in" {
		return nil
	}
	for k := f + 1; k < i && k <= f+frontedPlaceWindow; k++ {
		if sc.toks[k].low == "," {
			return sc.oneState(sc.after(f))
		}
	}
	return nil
}

// oneState returns g when it names one state or territory, not as a
// possessive ("in Honduras", not "in Honduras's capital").
func (sc *scope) oneState(g []int) []int {
	if g == nil || len(sc.ids(g)) != 1 || sc.ms[g[len(g)-1]].poss {
		return nil
	}
	if a, ok := sc.x.mentionActor(&sc.ms[g[0]]); !ok || a.Type != graph.Country && a.Type != graph.Territory {
		return nil
	}
	return g
}

// relativeTopic returns the subject of the main clause when the
// recipient tgt of a supply verb at i is "it" and the verb opens a
// relative clause (", which", ", who", past auxiliaries and adverbs) on
// an actor that is not that subject: "It still counts Moscow, which has
// handed it MiG-29 fighters" (Serbia, the subject), "Azerbaijan relies on
// Turkey ... and on Israel, which has sold it drones" (Azerbaijan, not
// Turkey). The pronoun cannot be the relative's antecedent, who supplies;
// the clause's topic is its subject. Nil when the frame does not apply.
func (sc *scope) relativeTopic(i int, tgt []int) []int {
	if len(tgt) != 1 || sc.ms[tgt[0]].pron != "it" {
		return nil
	}
	k := i - 1
	for k > sc.s.from && sc.asideVerbWord(k) {
		k-- // "which has also", "which for years has"
	}
	if k-2 <= sc.s.from || sc.toks[k].low != "which" && sc.toks[k].low != "who" || sc.toks[k-1].low != "," {
		return nil
	}
	mi, ok := sc.endAt(k - 2)
	if !ok {
		return nil
	}
	ante := sc.grp[sc.ms[mi].group]
	subj := sc.subject(sc.ms[ante[0]].from, sc.s.from)
	if subj == nil || slices.Contains(subj, mi) {
		return nil
	}
	return subj
}
