//go:build !race

package input_test

// slowdown scales the time limits of the tests that catch hangs: the race
// detector makes code several times slower.
const slowdown = 1
