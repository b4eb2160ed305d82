//go:build !unix

package store

// newLeadBlock returns an empty block of n bytes' capacity for a
// leadArena (arena_unix.go maps it outside the heap).
func newLeadBlock(n int) []byte { return make([]byte, 0, n) }

// freeLeadBlock leaves b to the collector.
func freeLeadBlock([]byte) {}
