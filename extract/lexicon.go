package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"geokg/graph"
)

// lexicon.txt holds the trigger words of every relation, their argument
// roles and the word classes (cues of negation, modality, goods...): the
// extractor's words are data, read like the actor dictionary.
//
//go:embed data/lexicon.txt
var lexiconTXT string

// pos is the part of speech of a trigger form.
type pos uint8

const (
	verbBase pos = iota // accuse, accuses
	verbPast            // accused (past tense or participle)
	verbGer             // accusing
	noun                // accusation, accusations
)

// trig is one form of a relation trigger.
type trig struct {
	rel   graph.Relation
	lemma string
	pos   pos
	// goods: the verb needs a supplied thing (arms, aid...) in its object.
	goods bool
	// reverse: the subject receives ("received arms from X").
	reverse bool
	// claim: a noun that names a claim (accusation, allegation, claim).
	claim bool
	// obj lists the prepositions that may introduce the object ("blame
	// ... on"); from those that introduce a reverse frame's supplier.
	obj, from string
}

// hasPrep reports whether w is one of the comma-separated prepositions of
// list.
func hasPrep(list, w string) bool {
	for list != "" {
		var p string
		p, list, _ = strings.Cut(list, ",")
		if p == w {
			return true
		}
	}
	return false
}

// A Lexicon is the extractor's words: relation triggers with their frames
// and the word classes its rules read. It is a list of entries, read from
// one or more files in order; a later entry wins.
type Lexicon struct {
	entries []lexEntry
}

// lexEntry is one line of a lexicon file.
type lexEntry struct {
	file  string // the file it came from
	line  string // the line, as written
	op    string // verb, noun, words, unwords, untrigger
	trig  trig
	forms []string // the trigger's forms, by pos for a verb ("" for none)
	class string
	words []string
}

// wordClass is one class of the lexicon file: its name and the bit that
// tokens of its words carry (0 for a class read rarely enough to be looked
// up in the lexicon's words instead).
type wordClass struct {
	name string
	bit  uint64
}

// wordClasses lists the classes a lexicon file may name.
var wordClasses = []wordClass{
	{"pronoun", cPronoun}, {"title-word", cTitleWord}, {"person-title", cPersonTitle}, {"weekday", cWeekday},
	{"head", cHead}, {"group-head", cGroupHead}, {"government-head", cGovHead}, {"institution", cInstitution},
	{"reporting", cReporting}, {"hostile", cHostile}, {"claim-noun", cClaimNoun}, {"negator", cNegator},
	{"stop", cStopVerb}, {"promise", cPromise}, {"goods", cGoods}, {"goods-modifier", cGoodsModifier},
	{"commodity", cCommodity}, {"clause-break", cClauseBreak}, {"preposition", cPreposition}, {"aux", cAux},
	{"be", cBe}, {"copula", 0}, {"subject-stop", cSubjectStop}, {"impersonal-adj", cImpersonalAdj}, {"impersonal-verb", 0}, {"impersonal-copula", 0}, {"possessive-pronoun", 0}, {"person-pronoun", 0}, {"speaker-pronoun", 0}, {"plural-pronoun", 0}, {"participle-opener", 0},
	{"with-adverb", 0}, {"comitative", 0}, {"list-opener", 0}, {"negative-opener", 0}, {"irregular-past", 0}, {"finite-be", 0}, {"intention-marker", 0}, {"finite-after", 0}, {"pro-verb", 0}, {"aid-noun", 0}, {"maker-suffix", 0}, {"adjective-ending", 0}, {"modifier-ending", 0}, {"plural-modifier-ending", 0}, {"event-ending", 0},
	{"name-particle", 0}, {"name-stop", cNameStop}, {"office-holder", 0}, {"office-noun", 0}, {"abbreviation", cAbbrev}, {"sentence-starter", cSentenceStarter},
	{"mention-start", cMentionStart}, {"ally-adjective", 0}, {"ally-like", 0},
	{"provision-verb", cProvision}, {"family-name-first", cFamilyFirst}, {"name-article", 0}, {"name-article-capital", 0}, {"buyer-verb", 0}, {"say-verb", 0}, {"expect-verb", 0}, {"unconfirmed-noun", 0}, {"unconfirmed-participle", 0}, {"particle-blocked", 0},
	{"noun-verb", cNounVerb}, {"possessed-recipient", 0}, {"goods-adjective", 0}, {"goods-pair-first", 0}, {"goods-pair-second", 0}, {"supply-noun-modifier", 0},
	{"purpose-verb", 0}, {"number-word", 0}, {"to-verb", 0}, {"trade-lemma", 0}, {"verb-context", 0}, {"noun-cue", 0}, {"time-preposition", 0}, {"goods-user", 0}, {"arrival-verb", cArrivalVerb}, {"recipient-noun", 0}, {"carry-arrival", 0}, {"carry-cue", 0},
	{"source-noun", 0}, {"programme-noun", 0}, {"pledge-noun", 0}, {"own-forces", 0}, {"army-modified", 0}, {"co-supplier", 0}, {"likelihood", 0}, {"trade-goods", 0}, {"trade-measure", 0}, {"gift-lemma", 0}, {"relief-word", 0}, {"to-frame", 0}, {"topic-opener", 0}, {"cargo-noun", 0},
	{"regard-verb", 0}, {"recognise-as-verb", 0}, {"defend-verb", 0}, {"defend-commit", 0}, {"defend-modal", 0}, {"recognised-as-head", 0}, {"recognised-as-status", 0}, {"dismissive", 0}, {"hostile-noun", cHostileNoun}, {"body-alliance", cBodyNoun}, {"body-union", cBodyNoun}, {"body-bloc", cBodyNoun}, {"body-panel", cBodyNoun}, {"body-class", 0}, {"act-noun", cActNoun}, {"move-noun", 0}, {"act-named-by", 0}, {"pact-noun", 0}, {"that-verb", 0}, {"act-verb", 0}, {"harbour-verb", 0}, {"harboured-noun", 0}, {"haven-verb", 0}, {"haven-noun", 0},
	{"act-modifier", 0}, {"act-series", 0}, {"deed-object-verb", 0}, {"aspect-verb", 0}, {"denied-act", 0}, {"evidence-noun", 0}, {"confirm-verb", 0}, {"budget-owner", 0}, {"party-document", 0}, {"sign-verb", 0}, {"ask-verb", 0}, {"hearsay-noun", 0}, {"degree-word", 0}, {"object-particle", 0}, {"craft-noun", 0}, {"aside-act", 0}, {"accusation-verb", 0}, {"modal", 0}, {"conditional-modal", 0}, {"condition", 0},
	{"non-state-title", 0}, {"non-state-modifier", 0}, {"party-modifier", 0}, {"institution-adjective", 0}, {"title-preposition", 0}, {"name-title", 0}, {"state-body", 0}, {"state-body-modified", 0}, {"state-body-of", 0}, {"not-in-office", 0}, {"official-prep", 0}, {"official-role", 0}, {"role-complement", 0}, {"office-modifier", cOfficeModifier}, {"plural-state", cPluralState}, {"plural-det", cPluralDet},
	{"special-ties", cSpecial}, {"special-join", cSpecial}, {"special-other", cSpecial}, {"special-member", cSpecial},
	{"special-part", cSpecial}, {"special-switch", cSpecial}, {"special-called", cSpecial}, {"special-payroll", cSpecial},
	{"special-pact", cSpecial}, {"special-exercises", cSpecial}, {"special-formed", cSpecial}, {"special-so", cSpecial}, {"special-follow", cSpecial}, {"special-traded", cSpecial}, {"blame-noun", 0}, {"speech-noun", 0}, {"do-verb", 0}, {"rank", 0}, {"fact-to", 0}, {"list-verb", 0}, {"relative-adverb", 0}, {"quantifier", cQuantifier}, {"pre-name", cPreName}, {"object-skip", cObjectSkip}, {"aside-start", 0}, {"clause-opener", 0}, {"determiner", 0}, {"noun-determiner", cNounDeterminer}, {"bloc-noun", 0}, {"bloc-grouping", 0}, {"special-grievance", cSpecial}, {"special-include", cSpecial}, {"bring-verb", 0}, {"others-noun", 0}, {"mutual-aid", 0}, {"mutual-verb", 0}, {"aid-give-verb", 0}, {"pay-verb", 0}, {"payroll-owned", 0}, {"payee-noun", 0}, {"group-sponsor", 0},
	{"his-state", 0}, {"plural-ref", cPluralRef}, {"territory-ref", 0}, {"territory-noun", 0}, {"count-noun", 0}, {"group-ref", cGroupRef}, {"name-head", 0}, {"seat-head", cSeatHead},
	{"institution-modifier", cInstitutionModifier}, {"institution-ref", cInstitutionRef}, {"leader-head", cLeaderHead},
	{"what-called", 0}, {"passive-adverb", cPassiveAdverb}, {"follow-verb", 0},
	{"not-modifier", cNotModifier}, {"allies-link", 0}, {"ally-link", 0}, {"ally-np-word", 0},
	{"pact-cue", 0}, {"pact-verb", 0}, {"pact-title-cue", 0}, {"not-pact-cue", 0}, {"exercise-cue", 0}, {"ties-cue", 0}, {"recognition-noun", 0}, {"switch-verb", 0}, {"name-hedge", 0}, {"recognition-object", 0}, {"recognised-possession", 0}, {"recognised-of-head", 0}, {"recognition-holder", 0}, {"take-part", 0}, {"ordinal-suffix", 0}, {"reciprocal-first", 0}, {"reciprocal-second", 0}, {"with-noun", 0}, {"relative-which", 0}, {"attempt-verb", 0}, {"speaker-body", 0}, {"fact-noun", 0}, {"fact-judgement", 0}, {"fact-match", 0}, {"deed-verb", 0}, {"cause-result", 0}, {"cause-noun", 0}, {"cause-verb", 0}, {"harm-noun", 0}, {"blamed-weapon", 0}, {"news-noun", 0}, {"counterpart-noun", 0}, {"time-adverb", 0}, {"time-opener", 0}, {"time-noun", 0}, {"out-verb", 0}, {"interviewer-label", 0}, {"female-word", 0}, {"male-word", 0}, {"rank-abbreviation", 0}, {"junta-head", 0}, {"junta-modifier", 0}, {"army-led", 0}, {"rebel-noun", 0}, {"member-noun", 0}, {"group-name-head", 0}, {"communique-noun", 0}, {"finding-noun", 0}, {"sovereignty-noun", 0}, {"decision-noun", 0}, {"decision-verb", 0}, {"past-ally", 0}, {"sole-word", 0}, {"count-hedge", 0}, {"joint-activity", 0}, {"joint-cue", 0}, {"rank-preposition", 0}, {"special-accede", cSpecial}, {"completed-opener", 0}, {"apposed-det", 0}, {"step-modifier", 0}, {"join-aside", 0}, {"join-verb", 0}, {"train-partner", 0}, {"special-trained", cSpecial}, {"political-ally", 0}, {"ally-coordinate", 0}, {"commit-verb", 0}, {"special-come", cSpecial}, {"special-covered", cSpecial}, {"bind-participle", 0}, {"held-participle", 0}, {"special-alongside", cSpecial}, {"special-said", cSpecial}, {"exercise-off", 0}, {"off-verb", 0}, {"observer-noun", 0}, {"enter-verb", 0}, {"open-ties", 0}, {"signed-document", 0}, {"doc-verb", 0}, {"topic-preposition", 0}, {"share-word", 0}, {"assent-verb", 0}, {"fund-lemma", 0}, {"maker-participle", 0}, {"make-lemma", 0}, {"involve-verb", 0}, {"inverted-aux", 0}, {"comparison-word", 0},
	// claims and denials
	{"hostile-participle", 0}, {"benign-object", 0}, {"two-sense-verb", 0}, {"attribution-aside", 0}, {"charge-noun", 0}, {"claim-verb", cClaimVerb}, {"charge-act", cChargeAct}, {"deed-noun", 0}, {"agent-of", 0}, {"of-patient", 0}, {"member-body", 0}, {"tail-word", cTailWord}, {"claim-filler", 0}, {"claim-filler-near", 0}, {"denial-particle", 0},
	{"linked-to", 0}, {"linked-by", 0}, {"linked-with", 0}, {"linked-for", 0}, {"asked-participle", 0}, {"asked-topic", 0}, {"asked-opener", 0}, {"denied-account", 0}, {"claim-participle", 0}, {"fire-verb", 0}, {"in-adverbial", 0}, {"owner-body", 0}, {"that-charge", 0}, {"condemned-deed", 0}, {"mutual-noun", 0},
	{"denial-nothing", 0}, {"denial-kind", 0}, {"denied-charge", 0}, {"claimed-right", 0}, {"denial-event", 0}, {"involvement-verb", 0}, {"involvement-noun", 0}, {"involvement-state", 0}, {"linked-act", 0}, {"exercise-noun", 0}, {"denial-tail", 0}, {"hearsay-adverb", cHearsay}, {"hearsay-participle", cHearsay},
	// supplies: a place named by a head noun and "of"
	{"place-of-head", 0},
	// supplies from the buyer's side
	{"use-prep", 0}, {"people-noun", 0}, {"gapped-goods-word", 0}, {"go-verb", 0}, {"goods-collective", 0}, {"project-noun", 0}, {"amount-word", 0}, {"amount-preposition", 0}, {"finite-aux", 0}, {"relative-opener", 0}, {"copula-adverb", 0}, {"help-verb", 0}, {"amount-period", 0}, {"amount-lead", 0}, {"market-noun", 0}, {"for-frame", 0}, {"verb-particle", 0}, {"particle-frame", 0}, {"with-frame", 0}, {"company-head", 0}, {"goods-backer", 0}, {"purpose-noun", 0}, {"plan-dropped", 0}, {"agreement-noun", 0}, {"agreed-participle", 0}, {"backing-participle", 0}, {"name-prefix-participle", 0}, {"cleft-relative", 0}, {"idiom-verb", 0}, {"definite-determiner", 0}, {"content-preposition", 0}, {"idiom-object", 0}, {"ranking-noun", 0}, {"ranking-verb", 0}, {"debt-noun", 0}, {"resale-noun", 0}, {"reach-verb", 0}, {"name-link", 0},
	// claims
	{"said-object", 0}, {"contrast-break", 0}, {"between-deed", 0}, {"protest-preposition", 0}, {"protest-occasion", 0}, {"forum-preposition", 0}, {"question-opener", 0},
	// clause roles
	{"exclusion", 0},
	// coreference
	{"army-ref", 0}, {"junta-ref", 0}, {"ministry-ref", 0}, {"government-ref", 0}, {"body-head", 0}, {"state-noun", 0}, {"owned-head", 0},
	{"body-ref-modifier", 0},
	// alliances
	{"forces-head", 0}, {"body-of-head", 0}, {"body-of-modifier", 0}, {"chain-coordinator", 0}, {"contract-modifier", 0}, {"place-head", 0}, {"body-prefix", 0}, {"short-noun", 0}, {"document-noun", 0}, {"carrier-noun", 0}, {"place-preposition", 0}, {"generic-determiner", 0}, {"control-verb", 0}, {"time-word", 0}, {"measure-noun", 0}, {"forces-modifier", 0}, {"members-noun", 0}, {"movement-head", 0}, {"company-suffix", 0}, {"currency", 0}, {"condemn-predicate", 0},
	// reported hostile content
	{"conduct-noun", 0}, {"hostile-evaluation", 0}, {"hostile-modifier", 0}, {"evaluation-link", 0}, {"evaluation-head", 0}, {"evaluation-of", 0}, {"bear-verb", 0}, {"responsibility-noun", 0}, {"special-held", cSpecial}, {"accountable", 0}, {"judged-claim", 0}, {"concern-word", 0}, {"act-participle", 0}, {"lies-with", 0}, {"armed-act", 0}, {"have-verb", 0}, {"lack-verb", 0}, {"basis-noun", 0},
	// clause roles
	{"participle-head", 0},
	// discourse: gapped lists, pro-verbs, recognitions of the article's topic
	{"gap-tail", 0}, {"pro-object", 0}, {"pro-stop", 0}, {"pro-object-final", 0}, {"pro-past-follow", 0}, {"pro-lead", 0}, {"pro-target", 0}, {"examples-opener", 0}, {"examples-first", 0}, {"examples-opener-two", 0}, {"examples-head", 0}, {"examples-skip", 0}, {"examples-punct", 0}, {"examples-next-subject", 0}, {"examples-modifier", 0}, {"examples-clause", 0}, {"clause-conjunction", 0}, {"special-step", cSpecial}, {"take-verb", 0}, {"step-verb", 0}, {"status-ally", 0}, {"recognition-grant", 0},
	{"region-modifier", 0}, {"description-word", 0}, {"description-noun", 0}, {"description-capital", 0},
	{"attack-word", 0}, {"reciprocal-word", 0}, {"pact-clause-opener", 0}, {"pact-topic-head", 0}, {"partitive", 0},
	// relations round 6
	{"as-compound", 0}, {"special-bound", cSpecial}, {"complementizer", 0}, {"plan-verb", 0},
	// relations round 20: appeals to the world at large
	{"appeal-verb", 0}, {"appeal-call", 0}, {"appeal-addressee", 0}, {"leave-verb", 0},
	// relations round 7
	{"ties-establish", 0}, {"ties-restore", 0}, {"ties-noun", 0}, {"ties-modifier", 0}, {"new-state-word", 0}, {"independence-verb", 0},
	{"special-independence", cSpecial}, {"special-establishment", cSpecial}, {"special-need", cSpecial}, {"special-arms", cSpecial}, {"special-forces", cSpecial}, {"prospect-preposition", 0}, {"prospect-modifier", 0},
	// accusations round 13
	{"answer-determiner", 0}, {"claim-source", 0}, {"document-determiner", 0}, {"issue-verb", 0}, {"honorific", 0}, {"state-plural", 0}, {"hallmark-noun", 0},
	// tokens: a wire slug glued to the headline ("TIMELINE-NATO's enlargement")
	{"wire-slug", 0},
	// coreference: the pair "the two countries" of a bond, without the adversary (coref_pair.go)
	{"pair-bond", 0}, {"pair-adversary", 0},
	// supplies round 20: a gerund naming a trade ("shipping firms")
	{"gerund-noun-head", 0}, {"giving-verb", 0},
	// accusations round 20: idioms of blame ("pointed the finger at Y", "laid it at Y's door")
	{"finger-verb", 0}, {"finger-noun", 0}, {"door-noun", 0}, {"blame-object-verb", 0}, {"fuel-noun", 0}, {"finger-adverb", 0},
	// relations round 25: "close to finalising a pact", a step still to take (frame.go nearGerund)
	{"prospect-near", 0},
	// accusations round 23: verbs of inquiring into a claim (accuses.go inquiryBetween)
	{"inquiry-verb", 0}, {"reaction-verb", 0}, {"reaction-noun", 0},
}

// in reports whether w is a word of the class named class. It costs two
// string-keyed map lookups: a rule reads a class by id instead (token.in,
// lexicon.has: classid.go).
func (c *lexicon) in(class, w string) bool { return c.words[class][w] }

func classBit(name string) (uint64, bool) {
	if countClass(name) > 0 {
		return cCount, true
	}
	for _, c := range wordClasses {
		if c.name == name {
			return c.bit, true
		}
	}
	return 0, false
}

// countClass returns N for a class named count-N, whose words name the
// number N ("words count-3 three": "the three countries" are three), or 0
// for another class.
func countClass(name string) int {
	digits, ok := strings.CutPrefix(name, "count-")
	if !ok {
		return 0 // not through Atoi, whose error for every other class was a third of the compile's allocations
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || strconv.Itoa(n) != digits {
		return 0
	}
	return n
}

// LoadLexicon reads a lexicon file (the format of data/lexicon.txt, which
// docs/extraction.md describes); name is used in errors, which give the
// file and line.
func LoadLexicon(r io.Reader, name string) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	l, err := parseLexicon(func(yield func(string) bool) {
		for sc.Scan() && yield(sc.Text()) {
		}
	}, name)
	if err != nil {
		return nil, err
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return l, nil
}

// parseLexicon reads the lines of the lexicon file name. The entries keep
// the lines' strings: the embedded file's lines point into the binary's
// data, uncopied.
func parseLexicon(lines iter.Seq[string], name string) (*Lexicon, error) {
	return parseLexiconSized(lines, name, 0)
}

// parseLexiconSized is parseLexicon with room for entries entries made at
// once (grown by doubling, the copies of the embedded lexicon's entries
// were a third of its parse).
func parseLexiconSized(lines iter.Seq[string], name string, entries int) (*Lexicon, error) {
	builds.lexicon.Add(1)
	l := &Lexicon{}
	if entries > 0 {
		l.entries = make([]lexEntry, 0, entries)
	}
	n := 0
	for line := range lines {
		n++
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLexLine(strings.Fields(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		e.file, e.line = name, line
		l.entries = append(l.entries, e)
	}
	return l, nil
}

func parseLexLine(f []string) (lexEntry, error) {
	e := lexEntry{op: f[0]}
	switch e.op {
	case "verb", "noun":
		return parseTrigLine(e, f)
	case "words", "unwords":
		if len(f) < 3 {
			return e, fmt.Errorf("%s: want a class and at least one word", e.op)
		}
		if _, ok := classBit(f[1]); !ok {
			return e, fmt.Errorf("unknown word class %q", f[1])
		}
		e.class, e.words = f[1], f[2:]
	case "actors":
		if len(f) < 3 || f[1] != "alliance" && f[1] != "bloc" && f[1] != "switch-target" && f[1] != tiesTargetClass && f[1] != "union" && f[1] != "panel" && f[1] != "diplomatic-ally" && f[1] != adopterClass && !strings.HasPrefix(f[1], describedPrefix) && !strings.HasPrefix(f[1], regionPrefix) {
			return e, fmt.Errorf("actors: want alliance, bloc, union, panel, switch-target, ties-target, diplomatic-ally, adopter, described-WORD or region-WORD and at least one actor id")
		}
		e.class, e.words = f[1], f[2:]
		return e, nil
	case "untrigger":
		if len(f) < 2 {
			return e, fmt.Errorf("untrigger: want at least one word form")
		}
		e.words = f[1:]
	default:
		return e, fmt.Errorf("unknown entry %q: want verb, noun, words, unwords, untrigger or actors", e.op)
	}
	for _, w := range e.words {
		if strings.ToLower(w) != w {
			return e, fmt.Errorf("word %q: want lower case", w)
		}
	}
	return e, nil
}

// parseTrigLine reads "verb REL LEMMA [FORMS] [FLAG...]" or "noun REL
// LEMMA FORMS [FLAG...]".
func parseTrigLine(e lexEntry, f []string) (lexEntry, error) {
	if len(f) < 3 {
		return e, fmt.Errorf("%s: want a relation and a lemma", e.op)
	}
	rel, err := graph.ParseRelation(f[1])
	if err != nil || string(rel) != f[1] {
		return e, fmt.Errorf("relation %q: want one of %v", f[1], graph.Relations)
	}
	e.trig = trig{rel: rel, lemma: f[2]}
	rest := f[3:]
	if len(rest) > 0 && !isLexFlag(rest[0]) {
		e.forms = strings.Split(rest[0], ",")
		rest = rest[1:]
	}
	if err := e.setForms(); err != nil {
		return e, err
	}
	for _, fl := range rest {
		if err := e.trig.setFlag(fl); err != nil {
			return e, err
		}
	}
	return e, nil
}

// setForms checks a trigger's forms, or makes a verb's regular ones.
func (e *lexEntry) setForms() error {
	if e.op == "noun" {
		if len(e.forms) == 0 {
			return fmt.Errorf("noun %s: want its forms (%s,...)", e.trig.lemma, e.trig.lemma)
		}
		e.trig.pos = noun
	} else if e.forms == nil {
		r := regular(e.trig.lemma)
		e.forms = r[:]
	} else if len(e.forms) != 4 {
		return fmt.Errorf("verb %s: forms %q: want base,3rd-person,past,gerund", e.trig.lemma, strings.Join(e.forms, ","))
	}
	for i, w := range e.forms {
		if w == "-" && e.op == "verb" {
			e.forms[i] = ""
			continue
		}
		if w == "" || w == "-" || strings.ToLower(w) != w {
			return fmt.Errorf("%s %s: form %q: want a lower-case word", e.op, e.trig.lemma, w)
		}
	}
	return nil
}

func isLexFlag(s string) bool {
	switch s {
	case "goods", "reverse", "claim":
		return true
	}
	return strings.HasPrefix(s, "obj=") || strings.HasPrefix(s, "from=")
}

func (t *trig) setFlag(fl string) error {
	switch {
	case fl == "goods":
		t.goods = true
	case fl == "reverse":
		t.reverse = true
	case fl == "claim":
		t.claim = true
	case strings.HasPrefix(fl, "obj=") && len(fl) > len("obj="):
		t.obj = fl[len("obj="):]
	case strings.HasPrefix(fl, "from=") && len(fl) > len("from="):
		t.from = fl[len("from="):]
	default:
		return fmt.Errorf("unknown flag %q: want goods, reverse, claim, obj=P,P or from=P,P", fl)
	}
	return nil
}

// regular returns base, 3rd person, past and gerund of a regular verb.
func regular(base string) [4]string {
	stem := strings.TrimSuffix(base, "e")
	s3 := base + "s"
	if strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") {
		s3 = base + "es"
	}
	past := stem + "ed"
	if strings.HasSuffix(base, "y") && !strings.HasSuffix(base, "ey") {
		s3 = strings.TrimSuffix(base, "y") + "ies"
		past = strings.TrimSuffix(base, "y") + "ied"
	}
	return [4]string{base, s3, past, stem + "ing"}
}

// Merge returns a lexicon with the entries of l, then those of o, which
// win where both speak of one word form.
func (l *Lexicon) Merge(o *Lexicon) *Lexicon {
	return &Lexicon{entries: slices.Concat(l.entries, o.entries)}
}

// WriteTo writes the lexicon in its file format, each entry after a
// comment naming the file and line it came from, so that the output can
// be read back with LoadLexicon.
func (l *Lexicon) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	file := ""
	for _, e := range l.entries {
		if e.file != file {
			file = e.file
			k, _ := fmt.Fprintf(bw, "# from %s\n", file)
			n += int64(k)
		}
		k, _ := fmt.Fprintf(bw, "%s\n", e.line)
		n += int64(k)
	}
	return n, bw.Flush()
}

// builtinLexicon is the embedded lexicon, or its error.
var builtinLexicon = sync.OnceValues(func() (*Lexicon, error) {
	entries := 0 // the lines parseLexicon keeps
	for line := range stringLines(lexiconTXT) {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			entries++
		}
	}
	return parseLexiconSized(stringLines(lexiconTXT), "data/lexicon.txt", entries)
})

// BuiltinLexicon returns the embedded lexicon; an error says the embedded
// file is malformed, which the package's tests rule out.
func BuiltinLexicon() (*Lexicon, error) {
	builds.lexicon.Add(1)
	return builtinLexicon()
}

// isBuiltin reports whether l is the embedded lexicon itself (not a copy
// nor a merge), whose compiled form builtinLex keeps.
func (l *Lexicon) isBuiltin() bool {
	b, err := builtinLexicon()
	return err == nil && l == b
}

// lexicon is a Lexicon compiled for the tokenizer and the rules: each word
// form's classes and trigger.
type lexicon struct {
	trigs map[string]trig
	words map[string]map[string]bool // class name -> its words
	// actors holds the actor classes: "alliance" (military alliances:
	// their members are allies of them and of each other) and
	// "switch-target" (a switch of allegiance to it is a recognition),
	// "diplomatic-ally" (its allies are the states that recognise it),
	// "ties-target" (ties restored with it recognise it: special.go
	// mutualTies),
	// "panel" (sanctions panels: "the panel", "the experts"; they only
	// accuse and are denied),
	// "adopter" (bodies whose texts speak for them: documentRef).
	actors map[string]map[graph.ActorID]bool
	// described holds the described-WORD actor classes by WORD, so that
	// reading a token's needs no string built (coref_describe.go)
	described map[string]map[graph.ActorID]bool
	// compounds holds the described classes of two words ("north-african"):
	// compounds["north"]["african"], read by regionCompound
	compounds map[string]map[string]map[graph.ActorID]bool
	// classesOf lists the actor classes of each actor in one
	classesOf map[graph.ActorID][]string
	// bodyClasses holds the body class of each body noun (bodyClassesOf)
	bodyClasses map[string]string
	// forms lists the trigger forms in order, and list their triggers
	// after the zero trig: a token's tg indexes list, so that reading its
	// trigger needs no map lookup.
	forms []string
	list  []trig
	// vocab holds the classes and trigger of each word, as the table the
	// tokenizer reads (an extractor's adds the names' words to a copy)
	vocab *vocab
	// pron holds the pronoun classes of each pronoun, so that resolving
	// one is one lookup
	pron map[string]pronClass
	// count holds the number each word of a count-N class names (the
	// least N if several)
	count map[string]int
}

// compile applies the entries in order.
func (l *Lexicon) compile() *lexicon {
	// the maps made at their final size: grown entry by entry, their
	// rehashing was a third of the compile
	forms, words := 0, map[string]int{}
	for _, e := range l.entries {
		switch e.op {
		case "verb", "noun":
			forms += len(e.forms)
		case "words":
			words[e.class] += len(e.words)
		}
	}
	c := &lexicon{trigs: make(map[string]trig, forms), words: make(map[string]map[string]bool, len(words)), actors: map[string]map[graph.ActorID]bool{}}
	for class, n := range words {
		c.words[class] = make(map[string]bool, n)
	}
	for _, e := range l.entries {
		c.apply(e)
	}
	c.index()
	c.bodyClasses = bodyClassesOf(c.words)
	return c
}

func (c *lexicon) apply(e lexEntry) {
	switch e.op {
	case "verb", "noun":
		for i, f := range e.forms {
			if f == "" {
				continue
			}
			t := e.trig
			if e.op == "verb" {
				t.pos = [4]pos{verbBase, verbBase, verbPast, verbGer}[i]
			}
			c.trigs[f] = t
		}
	case "words":
		if c.words[e.class] == nil {
			c.words[e.class] = make(map[string]bool, len(e.words))
		}
		for _, w := range e.words {
			c.words[e.class][w] = true
		}
	case "actors":
		if c.actors[e.class] == nil {
			c.actors[e.class] = map[graph.ActorID]bool{}
		}
		for _, w := range e.words {
			c.actors[e.class][graph.ActorID(w)] = true
		}
	case "unwords":
		for _, w := range e.words {
			delete(c.words[e.class], w)
		}
	case "untrigger":
		for _, w := range e.words {
			delete(c.trigs, w)
		}
	}
}

// index builds forms, list and vocab.
func (c *lexicon) index() {
	c.forms = make([]string, 0, len(c.trigs))
	for w := range c.trigs {
		c.forms = append(c.forms, w)
	}
	slices.Sort(c.forms)
	if len(c.forms) > maxTriggerForms {
		c.forms = c.forms[:maxTriggerForms] // a token holds its trigger's index in 16 bits
	}
	c.list = make([]trig, 1, len(c.forms)+1)
	// every word of vocab is a trigger form or a word of a class: room for
	// all of them at once, where a map grew (and copied its values) as
	// they came, half of the compile's CPU
	most := len(c.forms) + len(c.actors) // the described-WORD classes' WORDs too
	for _, words := range c.words {
		most += len(words)
	}
	c.vocab = newVocabSized(most)
	for i, w := range c.forms {
		c.list = append(c.list, c.trigs[w])
		wi := c.vocab.slot(w)
		wi.tg = uint16(i + 1)
		wi.cls |= cTrigger
	}
	c.classesOf = map[graph.ActorID][]string{}
	c.described = map[string]map[graph.ActorID]bool{}
	for class, ids := range c.actors {
		if w, ok := strings.CutPrefix(class, describedPrefix); ok {
			c.noteDescribed(w, ids) // read only by resolveDescription
			continue
		}
		for id := range ids {
			c.classesOf[id] = append(c.classesOf[id], class)
		}
	}
	for w := range c.described {
		c.vocab.slot(w).cls |= cDescribed
	}
	c.classWords()
	c.pron = map[string]pronClass{}
	for _, pc := range pronClasses {
		for w := range c.words[pc.name] {
			c.pron[w] |= pc.bit
			c.vocab.slot(w).pc |= pc.bit
		}
	}
	c.count = map[string]int{}
	for class, words := range c.words {
		n := countClass(class)
		for w := range words {
			if n > 0 && (c.count[w] == 0 || n < c.count[w]) {
				c.count[w] = n
			}
		}
	}
	for w := range c.count {
		c.vocab.slot(w).cls |= cCount
	}
	c.vocab.setPunct()
}

// classWords gives each word of vocab its class bits and class ids.
func (c *lexicon) classWords() {
	for _, wc := range wordClasses {
		for w := range c.words[wc.name] {
			c.vocab.slot(w).cls |= wc.bit
		}
	}
	for name, id := range classIDsOf() {
		for w := range c.words[name] {
			c.vocab.slot(w).ids.add(id)
		}
	}
	for _, name := range proCueClasses {
		for w := range c.words[name] {
			c.vocab.slot(w).cls |= cProCue
		}
	}
	c.vocab.slot("as").cls |= cProCue
	for _, name := range idiomHeadClasses {
		for w := range c.words[name] {
			c.vocab.slot(w).cls |= cIdiomHead
		}
	}
	for _, name := range passCueClasses {
		for w := range c.words[name] {
			c.vocab.slot(w).cls |= cPassCue
		}
	}
	for _, w := range passCueWords {
		c.vocab.slot(w).cls |= cPassCue
	}
	for k, r := range specialRules {
		for w := range c.words[r.class] {
			if sl := c.vocab.slot(w); sl.sp == 0 {
				sl.sp = uint8(k + 1) // a word of several classes is read by the first
			}
		}
	}
	setRefAnchors(c.vocab)
}

// proCueClasses are the classes whose words carry cProCue, with "as":
// a pro-verb phrase starts at one of them (ellipses).
var proCueClasses = [...]string{"pro-object", "do-verb", "follow-verb", "take-verb"}

// idiomHeadClasses are the classes whose words carry cIdiomHead: a
// hostile idiom (hostileIdiom) starts at a word of one of them, so that
// a claim's other words are passed over with one bit test.
var idiomHeadClasses = [...]string{"deed-verb", "act-verb", "harbour-verb", "haven-verb", "linked-to", "fire-verb", "idiom-verb"}

// passCueClasses and passCueWords are the words that carry cPassCue:
// joinedIn reads the words of join-verb, rememberAct's signings those of
// pact-noun (its acts have bits of their own), alongWith "along" and
// "alongside". A pass that comes to read another word must add it here.
var (
	passCueClasses = [...]string{"join-verb", "pact-noun"}
	passCueWords   = [...]string{"along", "alongside"}
)

// pronClass is a set of pronoun classes.
type pronClass uint8

const (
	pPerson     pronClass = 1 << iota // he, she: the last person
	pSpeaker                          // we, our: the speaker of a quote
	pPossessive                       // its, their: a possessor
	pPlural                           // they, them: the last group
)

// pronClasses names the lexicon class of each pronoun class.
var pronClasses = []struct {
	name string
	bit  pronClass
}{{"person-pronoun", pPerson}, {"speaker-pronoun", pSpeaker}, {"possessive-pronoun", pPossessive}, {"plural-pronoun", pPlural}}

// maxTriggerForms is the most trigger forms a lexicon can have: a token
// keeps its trigger's index in a uint16, and 0 means none.
const maxTriggerForms = 1<<16 - 1

// builtinLex is the embedded lexicon compiled; empty if it is malformed.
var builtinLex = sync.OnceValue(func() *lexicon {
	l, err := builtinLexicon()
	if err != nil {
		l = &Lexicon{}
	}
	return l.compile()
})

// bodyClassesOf maps each noun of a class body-C to C, for each C of the
// class body-class ("alliance" for "alliance" and "pact"): one lookup
// where bodyClass read every body class's words by a name built anew. A
// noun of two body classes (none in the built-in lexicon) takes the first
// in sorted order.
func bodyClassesOf(words map[string]map[string]bool) map[string]string {
	classes := slices.Sorted(maps.Keys(words["body-class"]))
	out := map[string]string{}
	for _, c := range classes {
		for noun := range words["body-"+c] {
			if _, ok := out[noun]; !ok {
				out[noun] = c
			}
		}
	}
	return out
}
