package extract

import (
	"slices"
	"strings"

	"geokg/graph"
)

// objectSubject returns the actors of the subject of the verb a pronoun
// at toks[j] is the object of, when that subject is itself a pronoun
// ("The Czech government said it would ship them shells": the
// government, through "it"), which the object does not mean: a clause's
// object is another party than its subject. nil when the pronoun follows
// no verb, or the verb's subject is a name (which the clause rules find
// less surely: "Egypt trains Sudanese pilots and has supplied them").
func (sc *scope) objectSubject(j int) []graph.ActorID {
	if !sc.objectPosition(j) {
		return nil
	}
	subj := sc.subject(j-1, sc.s.from)
	if len(subj) != 1 {
		return nil
	}
	if p := sc.ms[subj[0]].pron; p != "it" {
		if _, pronoun := sc.x.lex.pron[p]; !pronoun {
			return nil
		}
	}
	return sc.ids(subj)
}

// rememberPeople notes the first person the article names, and the state
// of the people a sentence opens with: a
// demonym and a plural noun of its own in subject place ("Ukrainian
// gunners have been rationing shells", "Haitian police are outgunned"),
// whom "them" as a verb's object in the next sentence means
// (peopleBefore).
func (sc *scope) rememberPeople() {
	sc.st.lastPeople = ""
	if len(sc.ms) == 0 {
		return
	}
	for k := range sc.ms {
		if m := &sc.ms[k]; sc.st.firstPerson == "" && m.person && m.pron == "" {
			sc.st.firstPerson = m.id // an interview's guest (labelSpeaker)
		}
	}
	m := &sc.ms[0]
	start := sc.s.from
	if d := dateline(sc.toks, start, sc.s.to); d > start {
		start = d // "PRAGUE, June 14 (CTK) - Ukrainian gunners ..."
	}
	if start >= sc.s.to {
		return
	}
	if sc.toks[start].low == "the" {
		start++
	}
	if !m.adj || m.from != start || m.to >= sc.s.to {
		return
	}
	h := &sc.toks[m.to]
	if !h.word || h.cap || !strings.HasSuffix(h.low, "s") || strings.HasSuffix(h.low, "ss") {
		return
	}
	sc.st.lastPeople, sc.st.lastPeopleAt = m.id, sc.st.sentences
}

// peopleBefore returns the people the sentence before opened with
// (rememberPeople), or nil.
func (sc *scope) peopleBefore() []graph.ActorID {
	if sc.st.lastPeople == "" || sc.st.sentences-sc.st.lastPeopleAt != 1 {
		return nil
	}
	return sc.st.one(sc.st.lastPeople)
}

// distinctParties reports whether a group stands for as many parties as
// it has members: no two of them the same state, a person counting as the
// state he speaks for ("Kristersson and Sweden" are one party, not "the
// two governments").
func (sc *scope) distinctParties(ids []graph.ActorID) bool {
	for i, a := range ids {
		for _, b := range ids[:i] {
			if a == b || sc.partyOf(a) == sc.partyOf(b) {
				return false
			}
		}
	}
	return true
}

// partyOf returns the state or body a person speaks for, else the actor
// (a state stays itself, whatever bloc it belongs to).
func (sc *scope) partyOf(id graph.ActorID) graph.ActorID {
	if a, known := sc.x.actor(id); known && a.Type != graph.Person {
		return id
	}
	if aff := sc.affOf(id); aff != "" {
		return aff
	}
	return id
}

// claimByOther returns who made the last claim told before token i that
// none of the deniers made (claimBefore for a group): "..., charges that
// both Moscow and Pyongyang have denied" answers Washington's charge, not
// a claim of Pyongyang's, whichever denier comes first.
func (sc *scope) claimByOther(i int, deniers []graph.ActorID) graph.ActorID {
	for k := len(sc.claims) - 1; k >= 0; k-- {
		c := sc.claims[k]
		if c.by == "" || c.disputed != "" || c.from > i {
			continue
		}
		if !slices.ContainsFunc(deniers, func(d graph.ActorID) bool { return sc.affiliated(c.by, d) }) {
			return c.by
		}
	}
	return ""
}
