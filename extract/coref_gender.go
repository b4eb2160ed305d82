package extract

import "geokg/graph"

// Gender: "she" is the last woman named, not the last person ("Foreign
// Ministry spokeswoman Maria Zakharova dismissed Tsahkna's accusations.
// ... she said": Zakharova). A person's gender is known only from the
// words she or he was named with: a title or form of address of the
// lexicon's female-word or male-word class before the name ("spokeswoman
// Maria Zakharova", "Ms Tuya") or in apposition after it (", the
// chairwoman of ..."). A person of no known gender may be anyone: "she"
// skips a man and prefers a woman named in the sentence before to a
// person of no known gender; "he" skips only a woman (most officials
// the news names are men, and few are marked as such).

const (
	genderMale   = 1
	genderFemale = 2
)

// genderMemory is how many sentences back "she" looks for the last woman
// rather than the last person of no known gender: the sentence before (a
// woman named further back, with an unmarked person since, is less likely
// the one meant).
const genderMemory = 1

// genderAppositive bounds the words after a name's comma read for a
// gendered title: ", the chairwoman of".
const genderAppositive = 4

// genderOf returns the gender a person mention was named with, 0 if none.
func (sc *scope) genderOf(m *mention) uint8 {
	toks := sc.toks
	for k := max(m.from-2, sc.s.from); k < m.nFrom; k++ {
		if g := wordGender(&toks[k]); g != 0 {
			return g
		}
	}
	if m.to < sc.s.to && toks[m.to].low == "," {
		for k := m.to + 1; k < sc.s.to && k <= m.to+genderAppositive && toks[k].low != ","; k++ {
			if g := wordGender(&toks[k]); g != 0 {
				return g
			}
		}
	}
	return 0
}

func wordGender(t *token) uint8 {
	switch {
	case t.in(lcFemaleWord):
		return genderFemale
	case t.in(lcMaleWord):
		return genderMale
	}
	return 0
}

// rememberGenders notes the gender of each person the sentence names with
// one, and the last woman and man named.
func (sc *scope) rememberGenders() {
	st := sc.st
	for i := range sc.ms {
		m := &sc.ms[i]
		if m.pron == "she" || m.pron == "he" {
			// the person a pronoun stood for is of its gender
			if ids := sc.resolve(i); len(ids) == 1 && st.gender[ids[0]] == 0 {
				st.noteGender(ids[0], pronounGender(m.pron))
			}
			continue
		}
		if !m.person || m.pron != "" || m.id == "" {
			continue
		}
		g := sc.genderOf(m)
		if g != 0 {
			st.noteGender(m.id, g)
		} else {
			g = st.gender[m.id]
		}
		switch g {
		case genderFemale:
			st.lastWoman, st.lastWomanAt = m.id, st.sentences
		case genderMale:
			st.lastMan = m.id
		}
	}
}

// pronounGender is the gender a person pronoun names: she (female), he
// and him (male).
func pronounGender(p string) uint8 {
	if p == "she" {
		return genderFemale
	}
	return genderMale
}

// fits reports whether the person id may be named by a pronoun of gender
// g: not known to be of the other.
func (st *articleState) fits(id graph.ActorID, g uint8) bool {
	h := st.gender[id]
	return h == 0 || h == g
}

// lastPersonFor returns the person an article-level "he" or "she" (g)
// stands for: the last person named who fits, preferring for "she" a
// woman named within genderMemory sentences to a person of no known
// gender.
func (st *articleState) lastPersonFor(g uint8) graph.ActorID {
	p := st.lastPerson
	if g == genderFemale && st.lastWoman != "" && st.sentences-st.lastWomanAt <= genderMemory && st.gender[p] != genderFemale {
		return st.lastWoman
	}
	if p != "" && !st.fits(p, g) {
		if g == genderMale {
			return st.lastMan
		}
		return st.lastWoman
	}
	return p
}

// noteGender records id's gender g.
func (st *articleState) noteGender(id graph.ActorID, g uint8) {
	st.gender[id] = g
	if g == genderFemale {
		st.lastWoman, st.lastWomanAt = id, st.sentences
	} else {
		st.lastMan = id
	}
}
