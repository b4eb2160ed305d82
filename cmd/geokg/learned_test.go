package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnedFlag checks --learned: off (the default) gives the rules'
// edges only, on adds the learned component's, marked by their trigger,
// to extract and to ingest alike; another value is a usage error.
func TestLearnedFlag(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	text := "Pakistan accused Afghanistan of sheltering militants. In Kabul, a spokesman, Ahmad Karimi, dismissed Islamabad's claims as baseless.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	const learned = "Afghanistan —denies→ Pakistan"
	for _, args := range [][]string{{"extract", art}, {"--learned", "off", "extract", art}} {
		if r := mustRun(t, 0, append(args, "--date", "2024-05-01")...); strings.Contains(r.stdout, learned) || !strings.Contains(r.stdout, "Pakistan —accuses→ Afghanistan") {
			t.Errorf("geokg %s: %s", strings.Join(args, " "), r.stdout)
		}
	}
	r := mustRun(t, 0, "--learned", "on", "extract", "--date", "2024-05-01", art)
	if !strings.Contains(r.stdout, learned) || !strings.Contains(r.stdout, "trigger: learned:") {
		t.Errorf("--learned on: %s", r.stdout)
	}
	db := filepath.Join(dir, "db")
	off := summary(t, mustRun(t, 0, "--db", db, "ingest", "--date", "2024-05-01", art).stdout)
	on := summary(t, mustRun(t, 0, "--db", filepath.Join(dir, "db2"), "--learned", "on", "ingest", "--date", "2024-05-01", art).stdout)
	if on["relations"] != off["relations"]+1 {
		t.Errorf("ingest stored %d relations with --learned on, %d without: want one more", on["relations"], off["relations"])
	}
	if r := geokg(t, "", "--learned", "maybe", "extract", art); r.code != 2 || !strings.Contains(r.stderr, `--learned "maybe": want on or off`) {
		t.Errorf("--learned maybe: exit %d, stderr %q", r.code, r.stderr)
	}
}
