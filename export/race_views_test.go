//go:build race

package export_test

// raceBuild is true when the tests run under the race detector, which
// slows the in-process Graphviz (its Go host calls) about two to three
// times.
const raceBuild = true
