package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestHelpExamples: every command's --help shows examples.
func TestHelpExamples(t *testing.T) {
	root := newRootCommand(&globalOptions{})
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if c.Hidden || strings.HasPrefix(c.Name(), "__") {
			return
		}
		n++
		path := strings.Fields(c.CommandPath())[1:]
		r := geokg(t, "", append(path, "--help")...)
		if r.code != 0 || !regexp.MustCompile(`\nExamples:\n  .*geokg `).MatchString(r.stdout) {
			t.Errorf("geokg %s --help has no examples (exit %d):\n%s", strings.Join(path, " "), r.code, r.stdout)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 9 {
		t.Errorf("checked %d commands", n)
	}
}

func TestFormatVersion(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "geokg", Version: "v1.4.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-11-20T10:00:00Z"}, {Key: "vcs.modified", Value: "false"}}}
	dirty := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.modified", Value: "true"}}}
	bare := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	tests := []struct {
		info            *debug.BuildInfo
		version, commit string
		want            string
	}{
		{stamped, "", "", "v1.4.0, commit 0123abcd, from 2026-11-20T10:00:00Z, go1.26.8"},
		{dirty, "", "", "(devel), commit 0123abcd+modified, go1.26.8"},
		{bare, "", "", "(devel), commit unknown (built without VCS information), go1.26.8"},
		{bare, "v2.0.0", "feedbeef", "v2.0.0, commit feedbeef, go1.26.8"},
		{&debug.BuildInfo{}, "", "", "(unknown), commit unknown (built without VCS information)"},
	}
	for _, tt := range tests {
		if got := formatVersion(tt.info, tt.version, tt.commit); got != tt.want {
			t.Errorf("formatVersion = %q\nwant %q", got, tt.want)
		}
	}
	if r := geokg(t, "", "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "geokg ") || !strings.Contains(r.stdout, "commit") {
		t.Errorf("geokg --version: %+v", r)
	}
}

// TestVersionBinary checks that the --version of a geokg built with VCS
// stamping names the commit git reports.
func TestVersionBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	gitTool, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	head, err := exec.Command(gitTool, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	if top, err := exec.Command(gitTool, "rev-parse", "--show-toplevel").Output(); err == nil {
		if fi, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err == nil && !fi.IsDir() {
			t.Skip("a git worktree (.git is a file): go build stamps VCS information only where .git is a folder")
		}
	}
	want := "commit " + strings.TrimSpace(string(head))
	// The binary the other tests run has it when go build stamps VCS
	// information by default; else one is built with -buildvcs=true.
	out, err := exec.Command(buildGeokg(t), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), want) {
		bin := filepath.Join(t.TempDir(), "geokg")
		build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
		if out, err := build.CombinedOutput(); err != nil {
			t.Skipf("go build -buildvcs=true: %v\n%s", err, out)
		}
		if out, err = exec.Command(bin, "--version").Output(); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasPrefix(string(out), "geokg ") || !strings.Contains(string(out), want) {
		t.Errorf("--version = %q, want it to contain %q", out, want)
	}
}

func TestCompletion(t *testing.T) {
	db := t.TempDir()
	geokg(t, "Iran supplied drones to Russia. Belarus accused Poland of spying.\n", "ingest", "--db", db, "-")
	complete := func(args ...string) []string {
		t.Helper()
		r := mustRun(t, 0, append([]string{"__complete"}, args...)...)
		var values []string
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			if line != "" && !strings.HasPrefix(line, ":") {
				values = append(values, strings.SplitN(line, "\t", 2)[0])
			}
		}
		if !strings.Contains(r.stdout, ":4\n") { // ShellCompDirectiveNoFileComp
			t.Errorf("completion of %q may complete file names:\n%s", args, r.stdout)
		}
		return values
	}
	type tc struct {
		args []string
		want string // the values offered, sorted, comma-separated
	}
	tests := []tc{
		{[]string{"actor", "--db", db, ""}, "BLR,Belarus,IRN,Iran,POL,Poland,RUS,Russia"},
		{[]string{"actor", "--db", db, "ir"}, "IRN,Iran"},
		{[]string{"actor", "--db", db, "Po"}, "POL,Poland"},
		{[]string{"actor", "--db", db, "Iran", ""}, ""},
		{[]string{"export", "--db", db, "--actor", "RU"}, "RUS,Russia"},
		{[]string{"actor", "--db", filepath.Join(t.TempDir(), "none"), ""}, ""},
	}
	// path and timeline take two actors; check them once they exist.
	for _, name := range []string{"path", "timeline"} {
		if c, _, err := newRootCommand(&globalOptions{}).Find([]string{name}); err != nil || c.Name() != name {
			continue
		}
		tests = append(tests,
			tc{[]string{name, "--db", db, "ir"}, "IRN,Iran"},
			tc{[]string{name, "--db", db, "Iran", "r"}, "RUS,Russia"},
			tc{[]string{name, "--db", db, "Iran", "Russia", ""}, ""})
	}
	for _, tt := range tests {
		got := complete(tt.args...)
		sortStrings(got)
		if strings.Join(got, ",") != tt.want {
			t.Errorf("complete %q = %q, want %s", tt.args, got, tt.want)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		r := mustRun(t, 0, "completion", shell)
		if !strings.Contains(r.stdout, "geokg") || len(r.stdout) < 1000 {
			t.Errorf("completion %s printed %d bytes", shell, len(r.stdout))
		}
	}
	if r := geokg(t, "", "completion", "tcsh"); r.code != 2 {
		t.Errorf("completion tcsh: exit %d, want 2", r.code)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestTableStyle(t *testing.T) {
	table := "ID   TYPE     NAME\nIRN  country  Islamic Republic of Iran\nRUS  country  Russia\n\nDIR  RELATION  ACTOR\nout  supplies  Russia (denies it)\n"
	if got := (tableStyle{}).apply(table); got != table {
		t.Errorf("plain style changed the table:\n%s", got)
	}
	cut := tableStyle{width: 20}.apply(table)
	for _, line := range strings.Split(cut, "\n") {
		if n := len([]rune(line)); n > 20 {
			t.Errorf("line %q is %d wide", line, n)
		}
	}
	if !strings.Contains(cut, "IRN  country  Islam…\n") || !strings.Contains(cut, "RUS  country  Russia\n") {
		t.Errorf("cut table:\n%s", cut)
	}
	color := tableStyle{color: true}.apply(table)
	for _, want := range []string{"\x1b[1mID   TYPE     NAME\x1b[0m\n", "\x1b[1mDIR  RELATION  ACTOR\x1b[0m", "out  \x1b[34msupplies\x1b[0m  Russia (\x1b[33mdenies\x1b[0m it)"} {
		if !strings.Contains(color, want) {
			t.Errorf("coloured table lacks %q:\n%q", want, color)
		}
	}
	if strip := ansi.ReplaceAllString(color, ""); strip != table {
		t.Errorf("colours changed the text:\n%s", strip)
	}
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	if !colorAllowed(env(nil)) || colorAllowed(env(map[string]string{"NO_COLOR": "1"})) || colorAllowed(env(map[string]string{"TERM": "dumb"})) {
		t.Error("colorAllowed does not follow NO_COLOR and TERM=dumb")
	}
}
