package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestCommandMakers: the root's commands are commandMakers', in order.
func TestCommandMakers(t *testing.T) {
	var names []string
	for _, c := range newRootCommand(&globalOptions{}).Commands() {
		if c.Name() != "help" {
			names = append(names, c.Name())
		}
	}
	var makers []string
	for _, m := range commandMakers {
		makers = append(makers, m.name)
	}
	// cobra lists commands sorted by name
	slices.Sort(makers)
	if got, want := strings.Join(names, " "), strings.Join(makers, " "); got != want {
		t.Errorf("root's commands %q, commandMakers %q", got, want)
	}
}

func TestCommandsFor(t *testing.T) {
	tests := []struct {
		args []string
		name string
		all  bool
	}{
		{nil, "", true},
		{[]string{"--version"}, "", false},
		{[]string{"-v", "--version"}, "", false},
		{[]string{"--version", "--help"}, "", true},
		{[]string{"--help"}, "", true},
		{[]string{"-h"}, "", true},
		{[]string{"actor", "Russia"}, "actor", false},
		{[]string{"--db", "/x", "actor", "Russia"}, "actor", false},
		{[]string{"--db=/x", "-vv", "--learned", "off", "export", "--format", "json"}, "export", false},
		{[]string{"--actors", "a.json", "--lexicon=l.json", "--verbose", "ingest", "x"}, "ingest", false},
		{[]string{"--db", "actor"}, "", true}, // "actor" is --db's value
		{[]string{"completion", "bash"}, "", true},
		{[]string{"__complete", "actor", ""}, "", true},
		{[]string{"help", "actor"}, "", true},
		{[]string{"ingset"}, "", true},
		{[]string{"--", "actor"}, "", true},
		{[]string{"--bogus", "actor"}, "", true},
	}
	for _, tt := range tests {
		name, all := commandsFor(tt.args)
		if name != tt.name || all != tt.all {
			t.Errorf("commandsFor(%q) = %q, %v; want %q, %v", tt.args, name, all, tt.name, tt.all)
		}
	}
}

// TestCommandLineRootSameAsTree: a command line run with the tree main
// builds for it prints and exits as with the whole tree.
func TestCommandLineRootSameAsTree(t *testing.T) {
	db := t.TempDir()
	lines := [][]string{
		{}, {"--help"}, {"help"}, {"help", "actor"}, {"ingset"}, {"--version", "--help"},
		{"--version"}, {"-v", "--version"}, {"--db", db, "--version"},
		{"actor"}, {"actor", "a", "b"}, {"actors", "extra"}, {"export", "--bogus"}, {"export", "--format", "gif"},
		{"--db", db, "actor", "Russia"}, {"--db", db, "stats"}, {"--db", db, "path", "A", "B"},
		{"--db=", "stats"}, {"--learned", "maybe", "stats"}, {"timeline", "--since", "yesterday", "X"},
	}
	for _, c := range newRootCommand(&globalOptions{}).Commands() {
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			lines = append(lines, append(strings.Fields(c.CommandPath())[1:], "--help"))
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(c)
	}
	t.Logf("%d command lines", len(lines))
	for _, args := range lines {
		whole := runTree(newRootCommand(&globalOptions{}), args)
		g := &globalOptions{}
		own := runTree(newCommandLineRoot(g, args), args)
		if own != whole {
			t.Errorf("geokg %s:\nwith the command line's tree:\n%s\nwith the whole tree:\n%s", strings.Join(args, " "), own, whole)
		}
	}
}

// runTree runs args with root and returns its exit code and output.
func runTree(root *cobra.Command, args []string) string {
	var out, errb bytes.Buffer
	root.SetArgs(args)
	root.SetIn(strings.NewReader(""))
	root.SetOut(&out)
	root.SetErr(&errb)
	code := exitCode(root.ExecuteContext(context.Background()), &errb)
	return strings.Join([]string{string(rune('0' + code)), out.String(), errb.String()}, "\n--\n")
}
