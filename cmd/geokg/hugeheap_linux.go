package main

import (
	"os"
	"reflect"
	"runtime"
	"strings"
	"syscall"
)

// hugeHeapBytes is how much of the Go heap is asked to come in huge pages.
const hugeHeapBytes = 32 << 20

// madvHugepage is MADV_HUGEPAGE (linux/mman.h), which package syscall
// does not name.
const madvHugepage = 14

// hugeHeap asks the kernel for transparent huge pages (2 MB) under the
// first hugeHeapBytes of the Go heap that the process grows into.
//
// On the machines geokg was measured on, the first touch of a page of
// fresh memory costs a process about 15 µs (a fault the hypervisor sees
// too), so a query spent half its time faulting in the pages of what it
// allocates: 2,900 of actor Russia's 4,200 page faults were the Go heap's
// (docs/benchmarks.md). A huge page is one fault for 512 pages. Linux
// gives them only where asked (transparent_hugepage=madvise, the usual
// setting), and Go does not ask: it maps its heap in chunks of 4 MB as it
// grows, and a new mapping drops any advice given before. So the heap is
// grown first by one large allocation, which maps hugeHeapBytes without
// touching them, those are advised, and a collection frees the
// allocation: the smaller objects allocated next take its pages, one huge
// page at a time. The cost is a collection of a heap of a megabyte or
// two (about 400 page faults: the collector's first start), and a
// resident size rounded up to 2 MB steps in that range. So only the
// commands that allocate tens of megabytes call it (ingest, extract,
// actor, export): actor Russia on the 100 MB store took 2,300 page
// faults instead of 3,300, a one-article ingest 1,750 instead of 2,850,
// where timeline and stats, which allocate little, took 400 more. It does
// nothing unless the process ends with the command (exitAfterRun: not in
// tests, which run commands in-process), and GODEBUG=disablethp=1, Go's
// own switch for huge pages, turns it off.
func hugeHeap() {
	if !exitAfterRun || strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return
	}
	b := make([]byte, hugeHeapBytes)
	start := reflect.ValueOf(b).Pointer()
	syscall.Syscall(syscall.SYS_MADVISE, start, hugeHeapBytes, madvHugepage) //nolint:errcheck // advice: nothing to do if refused
	b = nil
	runtime.GC()
}
