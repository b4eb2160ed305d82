package extract

import (
	"slices"
	"strings"
	"sync"

	"geokg/graph"
)

// The trie of the built-in dictionary's names (some 5,600 names in 9,000
// nodes) took a third of a one-article ingest's CPU to build, most of it
// the first touch of the memory it filled (docs/benchmarks.md, fourteenth
// session). So it also exists in a ready form: ready_gen.go holds that
// trie, its words, its actors and the index of their names (idsNamed)
// written out as Go data, which the compiler lays out in the binary; a
// process that uses the built-in dictionary builds no trie and parses no
// dictionary file.
//
// data/countries.tsv and data/curated.tsv stay the source. After editing
// them, or the code that builds the trie (buildTrie, the tokenizer), run
//
//	go generate ./extract
//
// TestReadyForm fails while ready_gen.go is not what they give now. A
// binary whose dictionary files differ from those the form was made from
// (readySum) builds the trie as before: a stale form costs time, never a
// wrong answer.

//go:generate go test -run TestReadyForm . -args -write-ready

// dataSum is the checksum of the built-in dictionary's files, which
// readySum must equal for the ready form to be used (a quarter of a
// millisecond: FNV-1a, as the vocabulary hashes words, over 200 KB).
func dataSum() uint32 {
	return fnvString(countriesTSV) ^ fnvString(curatedTSV)*fnvPrime
}

// readyMatches reports whether the ready form was made from the built-in
// dictionary's files, summing them once a process: Builtin asks before it
// decides to parse, and the lazy parse asks again.
var readyMatches = sync.OnceValue(func() bool { return dataSum() == readySum })

// readyActors returns the actors of the built-in dictionary in id order,
// as the ready form's names point at them; nil when d is not the built-in
// dictionary that the form was made from.
func readyActors(d *Dictionary) []graph.Actor {
	if !d.ready {
		return nil
	}
	return readyActorList[:]
}

// readyName is one name of the built-in dictionary, as lookupKey folds
// it, with the sorted ids of the actors that have it.
type readyName struct {
	key string
	ids []graph.ActorID
}

// readyIDsNamed returns the ids of the built-in dictionary's actors that
// have a name whose lookupKey is key: idsNamed from the ready form's
// index, sorted by key. The slice is the index's own.
func readyIDsNamed(key string) []graph.ActorID {
	i, ok := slices.BinarySearchFunc(readyNames[:], key, func(n readyName, key string) int { return strings.Compare(n.key, key) })
	if !ok {
		return nil
	}
	return readyNames[i].ids
}

// readyTrie returns the ready form's trie, with the tokenizer's
// vocabulary of lex and the trie's words.
func readyTrie(lex *lexicon) *trie {
	t := &trie{root: readyRoot[:], words: readyWords[:]}
	t.table = t.vocabulary(lex)
	return t
}
