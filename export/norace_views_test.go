//go:build !race

package export_test

// raceBuild is true when the tests run under the race detector.
const raceBuild = false
