package extract

import "sync/atomic"

// Builds counts the calls in this process that parse or build the
// extraction machinery, so that tests can tell which commands pay for it
// (cmd/geokg's TestQueriesBuildNoExtractor). A call counts whether or not
// it does the work: the built-in dictionary, lexicon and model are parsed
// once per process and later calls return them, so counting only the
// parses would miss every use after a test that parsed them first.
type Builds struct {
	Dictionary int64 // Builtin (and BuiltinErr), LoadDictionary
	Lexicon    int64 // BuiltinLexicon, LoadLexicon
	Model      int64 // BuiltinModel
	Extractor  int64 // New: the matcher's trie and the actors' tables
}

var builds struct {
	dictionary, lexicon, model, extractor atomic.Int64
}

// BuildCounts returns the counts so far.
func BuildCounts() Builds {
	return Builds{
		Dictionary: builds.dictionary.Load(),
		Lexicon:    builds.lexicon.Load(),
		Model:      builds.model.Load(),
		Extractor:  builds.extractor.Load(),
	}
}
