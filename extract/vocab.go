package extract

import "unicode/utf8"

// Word classes: each token carries, as a bit mask, the word sets its
// lower-case form belongs to, so that the hot checks are bit tests rather
// than string-keyed map lookups. A token's mask is set by the one lookup
// that tokenize makes into a vocabulary built once from the word sets.
// A class read rarely has no bit (wordClasses) and is looked up by name.
const (
	cPronoun uint64 = 1 << iota
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
	cSpecial
	cGoodsModifier // goodsNeedModifier
	cCommodity     // commodities
	cSubjectStop   // subjectStops
	cNameStart     // the first word of a dictionary name: set by buildTrie
	cBodyNoun      // "alliance", "bloc", "union": the nouns of bodyRef
	cProvision     // verbs that govern a supply noun ("approved aid to Y")
	cFamilyFirst   // family names written first ("Wang Yi")
	cActNoun       // nouns of an act a condemnation names ("the test")
	// the classes below are read at every "the" or at every word of a
	// mention's start: institution-ref, institution-modifier,
	// office-modifier, group-ref, plural-ref, plural-state, seat-head,
	// passive-adverb
	cInstitutionRef      // "ministry", "army": "the ministry"
	cInstitutionModifier // "foreign": "the foreign ministry"
	cOfficeModifier      // "presidential": "the presidential office"
	cGroupRef            // "group", "militia": "the group"
	cPluralRef           // "countries", "sides": "the two countries"
	cPluralState         // "nations": "the island nations of"
	cSeatHead            // "government", "authorities": "the government in Minsk"
	cPassiveAdverb       // adverbs inside a passive: "was also supplied"
	// and these at every subject or object looked for, or every
	// modifier: pre-name, object-skip, quantifier, not-modifier,
	// leader-head, noun-verb
	cPreName     // words read past before a name: "the former", "war-torn"
	cObjectSkip  // words read past after a verb: "the", "its", "fellow"
	cQuantifier  // "many", "member": "many states"
	cNotModifier // words that end like adjectives but modify nothing: "and", "help"
	cLeaderHead  // "government", "administration": "the Modi government"
	cNounVerb    // supply verbs that are also nouns: "ship"
	cHostileNoun // "provocation", "violation": read at every word of a claim
	cChargeAct   // "aggression", "interference": read at every word of a claim
	cArrivalVerb // "arrived": read at every supply trigger
	cClaimVerb   // "said", "alleged": read at every claim found
	// and these at every word of cMentionStart: plural-det, and the
	// words of every count-N class
	cPluralDet // "the", "both": "the two countries", "both sides"
	cCount     // "two", "both": a number word (lexicon.count says which)
	// and this one by the sentence splitter after a dotted abbreviation
	cSentenceStarter // "the", "it": capitalised after "U.S.", a new sentence
	// and this one at every capitalised word of a person's name
	cNameStop // "the", "meanwhile": capitalised, no part of a name
	// and these at every claim verb and every relation found
	cHearsay        // "reportedly", "said": hearsay-adverb and hearsay-participle
	cNounDeterminer // "the", "its": "the statement" is a noun
	cTailWord       // "on", "reporters": "said on Monday", "told reporters"
	// and this one at every word of a sentence with a mention: the words
	// an elliptical clause may start at (ellipses: "as", and the words of
	// pro-object, do-verb, follow-verb and take-verb), set by classWords
	cProCue
	// and this one at every word of a description ("the archipelago"):
	// the WORD of a described-WORD actor class (lexicon.described)
	cDescribed
	// and this one at every word of a claim: a word of one of the classes
	// that start a hostile idiom (idiomHeadClasses, hostileIdiom)
	cIdiomHead
	// and this one in the sentence's union (scope.cls) only: a word one of
	// the passes over every sentence that read few words acts at
	// (passCueClasses, passCueWords): a sentence without one skips them
	cPassCue
)

// wordInfo is what the vocabulary knows of a lower-case word form: its
// classes and, in an Extractor's vocabulary, its id among the words of the
// dictionary names (0: in no name).
type wordInfo struct {
	cls uint64
	ids classSet // its classes that have an id (classid.go)
	wid int32
	tg  uint16    // 1 + the index of its trigger in trigList, 0 if none
	sp  uint8     // 1 + the index of the first of specialRules it starts, 0 if none
	pc  pronClass // its pronoun classes (lexicon.pron)
}

// trigOf returns the trigger of the token's word in the extractor's
// lexicon.
func (sc *scope) trigOf(t *token) (trig, bool) {
	return sc.x.lex.list[t.tg], t.tg != 0
}

// is reports whether the token's word belongs to one of the classes c.
func (t *token) is(c uint64) bool { return t.cls&c != 0 }

// cMayStartMention gathers the classes of a lower-case word at which a
// rule of mentionAt may start (token.mayStart).
const cMayStartMention = cNameStart | cTitleWord | cPronoun | cPersonTitle | cMentionStart

// vocab is a vocabulary as an open-addressing hash table keyed by the
// FNV-1a hash of the word, which the tokenizer computes while it reads the
// token's bytes (lower-casing ASCII on the fly), so that a token costs one
// probe and no string is built to look it up.
//
// The table (index) holds each word's hash and place in words, 8 bytes a
// slot, and the words sit in the order they were added: an Extractor's
// 8,500 words took 32,768 slots of 72 bytes, 2.3 MB whose every page a
// process touched while adding them (576 of a one-article ingest's 3,556
// page faults, each 15-40 us here: docs/benchmarks.md); now 256 KB of
// table and 0.6 MB of words. A probe that misses reads the table alone.
type vocab struct {
	index []vindex // a power of two, at most half full
	words []vslot  // the words, with room for as many as newVocabSized was told
	mask  uint32
	// punct holds the word id and classes of each ASCII byte as a token
	// of its own, for punctuation
	punct [utf8.RuneSelf]wordInfo
}

type vslot struct {
	key  string
	hash uint32
	wordInfo
}

// vindex is a slot of a vocab's table: a word's hash and 1 + its place in
// words, 0 for an empty slot.
type vindex struct {
	hash uint32
	at   uint32
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// newVocabSized returns an empty vocabulary for up to n words.
func newVocabSized(n int) *vocab {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &vocab{index: make([]vindex, size), words: make([]vslot, 0, n), mask: uint32(size - 1)}
}

// newVocabFrom returns an empty vocabulary for up to n words, holding the
// words of src first, in src's order. They go in by the hashes src keeps,
// without hashing or comparing a word again: src's words are distinct,
// so each takes the first free slot its probe meets, as slot would give
// it. An Extractor's vocabulary starts so from its lexicon's 3,198
// words; added by slot, they were 5% of a one-article ingest's CPU
// (docs/benchmarks.md, twenty-first session).
func newVocabFrom(src *vocab, n int) *vocab {
	v := newVocabSized(max(n, len(src.words)))
	v.words = append(v.words, src.words...)
	for k := range v.words {
		h := v.words[k].hash
		i := h & v.mask
		for v.index[i].at != 0 {
			i = (i + 1) & v.mask
		}
		v.index[i] = vindex{hash: h, at: uint32(k + 1)}
	}
	return v
}

// slot returns the word info of w, adding w with none if it is not in v
// yet; v must have room for it. The empty word is never added: its info
// is thrown away.
func (v *vocab) slot(w string) *wordInfo {
	if w == "" {
		return new(wordInfo)
	}
	h := fnvString(w)
	i := h & v.mask
	for x := v.index[i]; x.at != 0; x = v.index[i] {
		if sl := &v.words[x.at-1]; x.hash == h && sl.key == w {
			return &sl.wordInfo
		}
		i = (i + 1) & v.mask
	}
	v.words = append(v.words, vslot{key: w, hash: h})
	v.index[i] = vindex{hash: h, at: uint32(len(v.words))}
	return &v.words[len(v.words)-1].wordInfo
}

// setPunct fills punct from the slots of the one-byte ASCII words.
func (v *vocab) setPunct() {
	for c := range utf8.RuneSelf {
		s := string(rune(c))
		if sl := v.find(s, fnvString(s)); sl != nil {
			v.punct[c] = sl.wordInfo
		}
	}
}

// find returns the slot of word s, whose hash is h, or nil.
func (v *vocab) find(s string, h uint32) *vslot {
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		x := v.index[i]
		if x.at == 0 {
			return nil
		}
		if x.hash != h {
			continue // most probes that meet another word stop here
		}
		if sl := &v.words[x.at-1]; sl.key == s {
			return sl
		}
	}
}

// pronOf returns the pronoun classes of the word w (lexicon.pron[w]): a
// hash and a probe rather than a string-keyed map's lookup.
func (v *vocab) pronOf(w string) pronClass {
	if sl := v.find(w, fnvString(w)); sl != nil {
		return sl.pc
	}
	return 0
}

// findLower returns the slot of the lower case of the ASCII word s, whose
// hash (of the lower case) is h, or nil.
func (v *vocab) findLower(s string, h uint32) *vslot {
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		x := v.index[i]
		if x.at == 0 {
			return nil
		}
		if x.hash != h {
			continue
		}
		if sl := &v.words[x.at-1]; len(sl.key) == len(s) && equalLower(sl.key, s) {
			return sl
		}
	}
}

// equalLower reports whether low is the lower case of the ASCII word s.
func equalLower(low, s string) bool {
	for i := 0; i < len(s); i++ {
		if low[i] != asciiLower[s[i]] {
			return false
		}
	}
	return true
}

// classTable is the vocabulary of the built-in lexicon's word classes and
// triggers, for tokens read without an Extractor (the tokenizer's tests).
func classTable() *vocab { return builtinLex().vocab }

// Byte classes of the tokenizer.
const (
	bUpper uint8 = 1 << iota
	bLower
	bDigit
	bNonASCII
)

var byteClass, asciiLower = func() (cl, lo [256]uint8) {
	for c := range 256 {
		lo[c] = uint8(c)
		switch {
		case c >= 0x80:
			cl[c] = bNonASCII
		case c >= 'A' && c <= 'Z':
			cl[c] = bUpper
			lo[c] = uint8(c + 'a' - 'A')
		case c >= 'a' && c <= 'z':
			cl[c] = bLower
		case c >= '0' && c <= '9':
			cl[c] = bDigit
		}
	}
	return
}()
