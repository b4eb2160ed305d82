// Command geokg turns news articles into a geopolitical knowledge graph:
// typed edges (accuses, denies, supplies, allies-with, recognizes) between
// actors, kept in a Badger store and exported as DOT, SVG, PNG, JSON, GraphML or RDF.
//
// See docs/cli.md or run "geokg --help".
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"geokg/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C kills at once
	}()
	stopProfile := startProfile()
	stdout := newStdout(os.Stdout)
	g := &globalOptions{}
	exitAfterRun = true
	root := newCommandLineRoot(g, os.Args[1:])
	root.SetOut(stdout)
	err := stdout.check(executeSafely(ctx, root, g))
	stopProfile()
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// Exit codes, also listed in the root command's help.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// usageError is a mistake in the command line: a bad flag or value, or a
// wrong number of arguments. It exits with code 2.
type usageError struct {
	cmd string // the command path, for the "--help" hint
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError for the command path cmd.
func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// errReported is returned by a command that has already printed its
// problems (one line per bad input); it exits with code 1 and prints
// nothing more.
var errReported = errors.New("errors reported above")

// exitCode is the one place that prints a command's error and picks the
// exit status: 0 ok, 1 error, 2 usage, 130 interrupted.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	var damaged *store.DamagedError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "geokg: interrupted")
		return exitInterrupted
	case errors.Is(err, errReported):
		return exitError
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "geokg: %v\nRun '%s --help' for usage.\n", ue.err, ue.cmd)
		return exitUsage
	case errors.As(err, &damaged):
		// the one line that says what is damaged and what to do, without
		// the contexts of the read that found it
		fmt.Fprintf(stderr, "geokg: %v\n", damaged)
		return exitError
	}
	fmt.Fprintf(stderr, "geokg: %v\n", err)
	return exitError
}
