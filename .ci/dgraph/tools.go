//go:build tools

// Package tools pins the Dgraph release that geokg's integration test
// loads its RDF export into. It is a module of its own so that geokg's
// go.mod does not pull in Dgraph's dependencies; build the binary with
// .ci/dgraph/build.
package tools

import _ "github.com/hypermodeinc/dgraph/v25/dgraph"
