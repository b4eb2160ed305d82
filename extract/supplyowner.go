package extract

// Supplies round 19, step 2: a supply verb whose subject is a state's
// budget, aid programme or agency: the state supplies. "Germany's 2024
// budget will earmark 8 billion euros for Ukraine", "Japan's aid agency
// will provide $200 million to Cambodia", "the Korean export agency has
// approved exports of howitzers to Poland" (class programme-noun, its
// possessor or demonym), as companySubject reads a state's firms.

// ownedFunderSubject finds the state owning the programme-noun that is
// the subject of a supply verb at i, past auxiliaries and adverbs.
func (sc *scope) ownedFunderSubject(i int) []int {
	for k := i - 1; k > sc.s.from && k > i-companyWindow; k-- {
		t := &sc.toks[k]
		if t.in(lcProgrammeNoun) {
			return sc.ownerBefore(k)
		}
		if _, ok := sc.endAt(k); ok || !t.word || t.cap || t.is(cClauseBreak) {
			return nil
		}
	}
	return nil
}

// ownerWindow: the words from a programme noun back to its owner ("Germany's
// 2024 federal budget").
const ownerWindow = 4

// ownerBefore returns the possessive or demonym before the noun at k, past
// lower-case modifiers and a year ("Germany's 2024 federal budget", "the
// Japanese aid agency"), as a group, or nil.
func (sc *scope) ownerBefore(k int) []int {
	for j := k - 1; j >= sc.s.from && j >= k-ownerWindow; j-- {
		if sc.toks[j].low == "'s" {
			continue
		}
		if mi, ok := sc.endAt(j); ok {
			if m := &sc.ms[mi]; (m.adj || m.poss) && m.pron == "" {
				return sc.grp[m.group]
			}
			return nil
		}
		if !sc.toks[j].word || sc.toks[j].cap && !startsDigit(sc.toks[j].text) {
			return nil
		}
	}
	return nil
}
