package extract

// Search windows of the rules: how many words after a trigger the rules
// (allies.go, recognizes.go, special.go, denies.go, accuses.go, ...) look
// for a preposition's group or a "by" agent (and, last, how far before a
// trigger its polarity words are read). The searches also stop at a clause
// break, "which" or "who" (and prepGroup at a comma past two words), so a
// window is a cap: the longest phrase the rule's examples need between
// the trigger and what it looks for. A longer one reaches the actors of
// the next clause ("X signed a pact, which Y criticised with ...").
const (
	// winAdjacent: the preposition follows at once ("part of NATO",
	// "belongs to the CSTO").
	winAdjacent = 1
	// winNoun: one word between, the rest of a noun phrase ("a member of",
	// "an ally of", "an alliance with", "the claims made by").
	winNoun = 2
	// winModifier: a participle or a short complement between ("the pact
	// signed between A and B", "evidence of abuses against").
	winModifier = 3
	// winAdverb: an adverb or a two-word object between ("allied itself
	// closely with", "the salaries and pensions of", "was denied
	// outright by").
	winAdverb = 4
	// winObject: the verb's object between ("switched its recognition
	// from Taipei to", "held the exercises last week with").
	winObject = 6
	// winLongObject: an object with its modifiers between ("established
	// full diplomatic relations last year with").
	winLongObject = 8
	// winAgent: "by X" after a passive verb or a noun, past a date or a
	// place ("was recognised in February 2008 by", "recognition of the
	// region's independence by").
	winAgent = 10
	// winLongAgent: the same past a verb of the noun's own ("evidence
	// against Russia was presented on Tuesday by"), or the object of a
	// recognition past an adverb and a date ("formally recognised on
	// Monday the independence of").
	winLongAgent = 12
	// winGappedObject: an object after an inserted coordinated phrase
	// ("established diplomatic ties with, and opened an embassy in,
	// Tehran").
	winGappedObject = 14
	// winAsPhrase: the phrase of a denial's "as" before the claim it
	// rejects ("rejected as \"the most absurd paradox\" the claims of").
	winAsPhrase = 10
	// winPolarity: with no subject found, how far before a trigger its
	// negation, stop and promise words are read (window): an auxiliary
	// and a few adverbs ("has not yet formally recognised", "would
	// never again supply").
	winPolarity = 6
)

// Windows of the supply rules (supplies.go, buyer.go).
const (
	// nextSourceWindow: the second goods and "from" after "and" in a list
	// of suppliers ("missiles from the United States and Bayraktar TB2
	// drones from Turkey"): a number, a maker, a model and the goods.
	nextSourceWindow = 6
	// sourceWindow: "from X" after a verb of receiving, past the goods,
	// their amount and a time phrase ("imported at least $1 billion in
	// weapons and related materials since the coup, much of it from X").
	sourceWindow = 22
	// makerPhraseWindow: the goods after a maker word, past a model name
	// ("Israeli-made Barak MX air defence systems").
	makerPhraseWindow = 6
	// possessorWindow: a possessor inside a supply verb's object, past an
	// amount and the goods ("supplied most of the fighter jets and
	// frigates in Pakistan's").
	possessorWindow = 10
	// goodsPhraseWindow: the goods between a verb of using and a supply
	// participle on them ("deployed dozens of Bayraktar TB2 drones
	// supplied by"; "is equipped with Sukhoi fighter jets, tanks and air
	// defence systems bought from").
	goodsPhraseWindow = 12
	// supplierWindow: the possessor before a supplier noun, past its
	// modifiers and a coordinated role ("Pakistan's closest economic
	// partner and main supplier", "Taiwan's most important international
	// backer and arms supplier": nine words back).
	supplierWindow = 10
	// recipientMemory: how many sentences back the recipient of a supply
	// is shared with a supply verb that names none ("X pledged 40 jets to
	// Ukraine. Y has also promised to send F-16s", one paragraph and the
	// next).
	recipientMemory = 3
	// soleRecipientMemory: the same while every supply of the article so
	// far went to one recipient, a story about arms for one country whose
	// donors are listed paragraphs after the first delivery ("The first
	// F-16 jets have arrived in Ukraine ... Denmark is to hand over 19
	// F-16s, the Netherlands 24").
	soleRecipientMemory = 10
	// bodyNameWindow: the capitalised words of a body the dictionary
	// lacks after the state's name ("Belize Coast Guard", "Haitian
	// National Police").
	bodyNameWindow = 3
)

// modifierWindow is how many words next to a trigger its modifiers may
// stand: a determiner and two adjectives or nouns before a noun ("a
// mutual defence pact", "large-scale joint naval exercises"), an adjective
// and a noun after a verb ("established full diplomatic relations",
// "switched diplomatic recognition").
const modifierWindow = 3

// wordWithin reports whether one of words stands in toks[from:from+n],
// within the sentence.
func (sc *scope) wordWithin(from, n int, words ...string) bool {
	for k := max(from, sc.s.from); k < from+n && k < sc.s.to; k++ {
		for _, w := range words {
			if sc.toks[k].low == w {
				return true
			}
		}
	}
	return false
}

// classWithin reports whether a word of the lexicon's class stands in
// toks[from:from+n], within the sentence.
func (sc *scope) classWithin(from, n int, class classID) bool {
	for k := max(from, sc.s.from); k < from+n && k < sc.s.to; k++ {
		if sc.toks[k].in(class) {
			return true
		}
	}
	return false
}
