package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file named by GEOKG_CPUPROFILE,
// for measuring geokg as users run it (docs/benchmarks.md). It returns the
// function that stops it, which also writes a heap profile to the file
// named by GEOKG_MEMPROFILE; without the variables it does nothing.
func startProfile() func() {
	path := os.Getenv("GEOKG_CPUPROFILE")
	if path == "" {
		return writeHeapProfile
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "geokg: GEOKG_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "geokg: GEOKG_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		writeHeapProfile()
	}
}

func writeHeapProfile() {
	path := os.Getenv("GEOKG_MEMPROFILE")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "geokg: GEOKG_MEMPROFILE: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintf(os.Stderr, "geokg: GEOKG_MEMPROFILE: %v\n", err)
	}
}
