//go:build unix

package store

import "golang.org/x/sys/unix"

// newLeadBlock returns an empty block of n bytes' capacity for a
// leadArena, mapped outside the Go heap: the kept values would otherwise
// count towards an ingest's soft heap limit, and the collector, which
// runs at that limit through most of an ingest, would run the more often
// (keptcopy.go). A block that cannot be mapped comes from the heap.
func newLeadBlock(n int) []byte {
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return make([]byte, 0, n)
	}
	return b[:0]
}

// freeLeadBlock unmaps a block newLeadBlock mapped (one from the heap is
// left to the collector: Munmap knows only the mappings Mmap made).
func freeLeadBlock(b []byte) {
	_ = unix.Munmap(b[:cap(b)])
}
