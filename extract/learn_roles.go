package extract

import "geokg/graph"

// The clause roles of the learned component's features: for each trigger
// word of a sentence, which mentions the rules' clause layer gives it as
// subject, object or claim owner, read once a sentence (readRoles) and
// asked per candidate (roleFeatures). The features:
//
//	rl:REL:POS:SR>TR   for a trigger of relation REL (POS noun or verb), the role
//	                   of the source (SR) and of the target (TR): s subject or
//	                   agent, o object, c owner of a claim it rejects, - none
//	rlw:LEMMA:SR>TR    the same with the trigger's lemma
//	rl:none            no trigger gives either end a role
//	rep:s, rep:t       the end is the subject of a verb of saying
//	q:s, q:t           the end stands inside quotation marks

// Role marks of a mention for one trigger.
const (
	roleNone    = '-'
	roleSubject = 's'
	roleObject  = 'o'
	roleOwner   = 'c'
)

// learnRoleWindow is the reach of an object or an agent after a trigger: the
// rules' object window of a noun phrase with modifiers.
const learnRoleWindow = 8

// trigRoles is one trigger of a sentence with the role of each mention.
type trigRoles struct {
	rel   graph.Relation
	lemma string
	noun  bool
	role  []byte // per mention of the sentence, a role mark
}

// readRoles fills sp.roles for the triggers sp.trigs of the sentence, the
// speakers (subjects of a verb of saying) and the quoted mentions.
func (sp *learnScratch) readRoles(sc *scope) {
	sp.roles = slicesGrow(sp.roles, len(sp.trigs))
	for n, k := range sp.trigs {
		t, _ := sc.trigOf(&sc.toks[k])
		r := &sp.roles[n]
		r.rel, r.lemma, r.noun = t.rel, t.lemma, t.pos == noun
		r.role = slicesGrow(r.role, len(sc.ms))
		for i := range r.role {
			r.role[i] = roleNone
		}
		if r.noun {
			sc.nounRoles(k, r.role)
		} else {
			sc.verbRoles(k, t, r.role)
		}
	}
	sp.speaker = slicesGrow(sp.speaker, len(sc.ms))
	sp.quoted = slicesGrow(sp.quoted, len(sc.ms))
	clear(sp.speaker)
	sc.quotedMentions(sp.quoted)
	for k := sc.s.from; k < sc.s.to; k++ {
		if sc.toks[k].is(cReporting) && !sc.inMention(k) {
			for _, mi := range sc.verbSubject(k) {
				sp.speaker[mi] = true
			}
		}
	}
}

// verbRoles marks the roles of a verb trigger at k: its subject (the
// agent of a passive), its object (the subject of a passive) and, for a
// denial, the owner of the claim it rejects.
func (sc *scope) verbRoles(k int, t trig, role []byte) {
	subj, obj := sc.verbSubject(k), []int(nil)
	if t.pos == verbPast && sc.passive(k) {
		subj, obj = sc.agent(k, learnRoleWindow), sc.subject(k, sc.s.from)
	} else {
		obj, _ = sc.object(k, learnRoleWindow, "against,of,on,to,for,with,from", false)
	}
	mark(role, obj, roleObject)
	if _, owner, ok := sc.claimObject(k, t.rel == graph.Denies); ok {
		mark(role, owner, roleOwner)
	}
	mark(role, subj, roleSubject)
}

// nounRoles marks the roles of a noun trigger at k: the possessive or
// demonym before it and its by-agent as subject, the actor of a
// preposition after it as object.
func (sc *scope) nounRoles(k int, role []byte) {
	mark(role, sc.prepGroup(k, learnRoleWindow, "against", "to", "of", "with", "on", "for"), roleObject)
	mark(role, sc.nounAgent(k, learnRoleWindow), roleSubject)
	mark(role, sc.modifierBefore(k), roleSubject)
}

// mark sets the role of the mentions of g.
func mark(role []byte, g []int, r byte) {
	for _, mi := range g {
		if mi >= 0 && mi < len(role) {
			role[mi] = r
		}
	}
}

// quotedMentions sets q[i] when mention i starts inside quotation marks
// of the sentence (an odd number of quote marks before it).
func (sc *scope) quotedMentions(q []bool) {
	for i := range sc.ms {
		open := false
		for k := sc.s.from; k < sc.ms[i].from; k++ {
			if sc.toks[k].low == "\"" {
				open = !open
			}
		}
		q[i] = open
	}
}

// roleFeatures gives the clause-role features of candidate src -> tgt.
func (sc *scope) roleFeatures(w *featureWriter, sp *learnScratch, src, tgt int) {
	some := false
	var pair [3]byte
	pair[1] = '>'
	for n := range sp.roles {
		r := &sp.roles[n]
		pair[0], pair[2] = r.role[src], r.role[tgt]
		if pair[0] == roleNone && pair[2] == roleNone {
			continue
		}
		some = true
		pos := "verb"
		if r.noun {
			pos = "noun"
		}
		w.emit("rl:", string(r.rel), ":", pos, ":", string(pair[:]))
		w.emit("rlw:", r.lemma, ":", string(pair[:]))
	}
	if !some {
		w.emit("rl:none")
	}
	for end, mi := range [2]int{src, tgt} {
		e := [2]string{"s", "t"}[end]
		if sp.speaker[mi] {
			w.emit("rep:", e)
		}
		if sp.quoted[mi] {
			w.emit("q:", e)
		}
	}
}
