// Package graph holds geokg's domain: actors, the five relations between
// them, the evidence (mentions) that shows a relation in an article, the
// aggregated edges, and articles.
//
// It is pure Go with no I/O and imports only the standard library: extract,
// store and export exchange values of this package and never import each
// other.
package graph
