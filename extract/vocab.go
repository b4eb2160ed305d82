package extract

import "sync"

// Word classes: each token carries, as a bit mask, the word sets its
// lower-case form belongs to, so that the hot checks are bit tests rather
// than string-keyed map lookups. A token's mask is set by the one lookup
// that tokenize makes into a vocabulary built once from the word sets.
const (
	cPronoun uint32 = 1 << iota
	cTitleWord
	cPersonTitle
	cWeekday
	cHead
	cTrigger
	cReporting
	cClauseBreak
	cPreposition
	cAux
	cBe
	cNegator
	cStopVerb
	cPromise
	cGoods
	cHostile
	cClaimNoun
	cImpersonalAdj
	cInstitution
	cGovHead
	cGroupHead
	cAbbrev
	cMentionStart
)

// mentionStarts are the lower-case words, besides pronouns and person
// titles, at which a rule of actorsIn other than a dictionary name may
// start: titleRef, groupRef, institutionRef, "his government",
// leaderGovernment, seatIn, appositivePerson and pluralRef. Every other
// lower-case word starts nothing there.
var mentionStarts = setOf("the", "a", "his", "her", "both", "two", "three", "four", "five",
	"government", "authorities", "regime", "leadership", "administration", "junta")

// wordInfo is what the vocabulary knows of a lower-case word form: its
// classes and, in an Extractor's vocabulary, its id among the words of the
// dictionary names (0: in no name).
type wordInfo struct {
	low string // the word itself, to share instead of allocating a copy
	wid int32
	cls uint32
}

func classSets() []struct {
	c   uint32
	set map[string]bool
} {
	trig := map[string]bool{}
	for w := range triggers {
		trig[w] = true
	}
	return []struct {
		c   uint32
		set map[string]bool
	}{
		{cPronoun, pronouns}, {cTitleWord, titleWords}, {cPersonTitle, personTitles}, {cWeekday, weekdays},
		{cHead, heads}, {cTrigger, trig}, {cReporting, reportingVerbs}, {cClauseBreak, clauseBreaks},
		{cPreposition, prepositions}, {cAux, auxWords}, {cBe, beForms}, {cNegator, negators},
		{cStopVerb, stopVerbs}, {cPromise, promiseWords}, {cGoods, goodsWords}, {cHostile, hostileWords},
		{cClaimNoun, claimNouns}, {cImpersonalAdj, impersonalAdj}, {cInstitution, institutionWords},
		{cGovHead, governmentHeads}, {cGroupHead, groupHeads}, {cAbbrev, abbreviations}, {cMentionStart, mentionStarts},
	}
}

// classVocab is the vocabulary of the word sets alone, for tokens read
// without an Extractor (the tokenizer's tests, dictionary names).
var classVocab = sync.OnceValue(func() map[string]wordInfo {
	v := map[string]wordInfo{}
	for _, s := range classSets() {
		for w := range s.set {
			wi := v[w]
			wi.low = w
			wi.cls |= s.c
			v[w] = wi
		}
	}
	return v
})

// is reports whether the token's word belongs to one of the classes c.
func (t token) is(c uint32) bool { return t.cls&c != 0 }
