package extract

// Hooks for the external benchmarks in bench_test.go, which live in
// package extract_test so that they can use extract/corpus (which imports
// this package).

// TokenizeSentences splits text into tokens and sentences.
func TokenizeSentences(text string) { sentences(tokenize(text)) }

// LoadBuiltin parses the embedded dictionary afresh.
var LoadBuiltin = loadBuiltin
