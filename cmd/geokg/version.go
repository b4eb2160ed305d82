package main

import (
	"runtime/debug"
	"strings"
)

// version and commit can be set when building without VCS information
// (go build -buildvcs=false, or from a source archive):
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD)" ./cmd/geokg
var version, commit string

// versionString describes this build: the module version, the commit it
// was built from (with "+modified" when the tree had changes), the commit
// time and the Go version, from the build information the go command
// stamps into binaries.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = &debug.BuildInfo{}
	}
	return formatVersion(info, version, commit)
}

// formatVersion is versionString for the given build information and
// link-time values, which win over the build information.
func formatVersion(info *debug.BuildInfo, version, commit string) string {
	v := version
	if v == "" {
		v = info.Main.Version
	}
	if v == "" {
		v = "(unknown)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := commit
	if rev == "" {
		rev = settings["vcs.revision"]
		if rev != "" && settings["vcs.modified"] == "true" {
			rev += "+modified"
		}
	}
	parts := []string{v}
	if rev != "" {
		parts = append(parts, "commit "+rev)
	} else {
		parts = append(parts, "commit unknown (built without VCS information)")
	}
	if t := settings["vcs.time"]; t != "" && commit == "" {
		parts = append(parts, "from "+t)
	}
	if info.GoVersion != "" {
		parts = append(parts, info.GoVersion)
	}
	return strings.Join(parts, ", ")
}
