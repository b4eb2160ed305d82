// Package extract finds geopolitical relations in text: who accuses,
// denies, supplies, allies with and recognizes whom.
//
// It works offline and deterministically, by rules: an actor
// dictionary (Dictionary, embedded and extendable) is matched over the
// tokens of each sentence, and a lexicon of relation triggers with their
// argument frames (active, passive, nominal, coordinated, reported and
// denied claims, negation, intention, pronouns) picks the two ends of each
// relation. It knows nothing of files or the store: text in, graph
// mentions out. A learned component (learn.go: a linear model trained by
// cmd/geokg-train, embedded) may add edges between actors of a sentence
// the rules left unrelated; it is off unless Options.Learned turns it on.
//
// # Usage
//
//	x := extract.New(extract.Options{})
//	res := x.Extract(graph.Article{ID: id, Date: date}, text)
//	for _, m := range res.Mentions { ... }
//
// The stages live in their own files: token.go (sentences and tokens with
// byte offsets), match.go (actors), lexicon.go (trigger words), frame.go
// (arguments, polarity, claims), one file per relation (accuses.go,
// denies.go, supplies.go, allies.go, recognizes.go), coref.go (pronouns
// and titles across sentences) and extract.go (the pipeline).
package extract
