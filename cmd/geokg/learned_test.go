package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnedFlag checks --learned: off (the default) and on give the
// rules' edges only, to extract and to ingest alike, since the shipped
// model sets no threshold (no relation reached precision 0.9 in
// leave-one-batch-out cross-validation, docs/extraction.md; the scoring
// path with thresholds is tested in package extract); another value is
// a usage error.
func TestLearnedFlag(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	text := "Pakistan accused Afghanistan of sheltering militants. In Kabul, a spokesman, Ahmad Karimi, dismissed Islamabad's claims as baseless.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, args := range [][]string{{"extract", art}, {"--learned", "off", "extract", art}, {"--learned", "on", "extract", art}} {
		r := mustRun(t, 0, append(args, "--date", "2024-05-01")...)
		if !strings.Contains(r.stdout, "Pakistan —accuses→ Afghanistan") || strings.Contains(r.stdout, "learned:") {
			t.Errorf("geokg %s: %s", strings.Join(args, " "), r.stdout)
		}
		outs = append(outs, r.stdout)
	}
	if outs[2] != outs[0] {
		t.Errorf("--learned on differs from the default with the shipped model:\n%s\n%s", outs[2], outs[0])
	}
	off := summary(t, mustRun(t, 0, "--db", filepath.Join(dir, "db"), "ingest", "--date", "2024-05-01", art).stdout)
	on := summary(t, mustRun(t, 0, "--db", filepath.Join(dir, "db2"), "--learned", "on", "ingest", "--date", "2024-05-01", art).stdout)
	if on["relations"] != off["relations"] || off["relations"] == 0 {
		t.Errorf("ingest stored %d relations with --learned on, %d without: want the same", on["relations"], off["relations"])
	}
	if r := geokg(t, "", "--learned", "maybe", "extract", art); r.code != 2 || !strings.Contains(r.stderr, `--learned "maybe": want on or off`) {
		t.Errorf("--learned maybe: exit %d, stderr %q", r.code, r.stderr)
	}
}
