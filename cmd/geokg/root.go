package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"geokg/extract"
	"geokg/store"
)

// globalOptions are the persistent flags every command shares.
type globalOptions struct {
	DB      string // store directory; "" = store.DefaultDir()
	Verbose int    // -v: per-article progress on stderr; -vv: also Badger's log
	Actors  string // extra dictionary file merged over the built-in one
	Lexicon string // extra lexicon file merged over the built-in one
	Learned string // --learned: "on", "off" or "" (the extractor's default)

	stderr io.Writer    // the command's stderr, for notices from opening the store
	served *store.Store // geokg serve's open store, used (never closed) by the commands it runs
	// ctx is the command's context: Ctrl-C stops an upgrade of the store
	// inside Open (store.OpenContext), which a later open resumes
	ctx context.Context
}

const rootLong = `geokg reads news articles and builds a knowledge graph of who accuses,
denies, supplies, allies with or recognizes whom. Each relation keeps the
sentences it was found in, with who claims it and who disputes it.

Articles go into a store (a Badger database, --db); queries and exports read
it. "geokg extract" shows what would be found without storing anything.

ENVIRONMENT
  GEOKG_DB       store directory when --db is not given
                 (else $XDG_DATA_HOME/geokg, else ~/.local/share/geokg)
  GEOKG_TRACEBACK  set to 1 to see the Go trace of an "internal error"

EXIT STATUS
  0    success
  1    an error, or at least one input could not be read
  2    usage error: unknown command or flag, bad flag value, wrong arguments
  130  interrupted (Ctrl-C)`

// newRootCommand builds the geokg command tree. Tests drive it with
// SetArgs, SetIn, SetOut and SetErr.
func newRootCommand(g *globalOptions) *cobra.Command {
	return newRootCommandFor(g, nil, true)
}

// commandMakers build geokg's commands, in the order the root's help
// lists them.
var commandMakers = []struct {
	name string
	make func(*globalOptions) *cobra.Command
}{
	{"ingest", newIngestCommand}, {"extract", newExtractCommand},
	{"actor", newActorCommand}, {"actors", newActorsCommand}, {"export", newExportCommand},
	{"forget", newForgetCommand}, {"articles", newArticlesCommand}, {"article", newArticleCommand},
	{"check", newCheckCommand}, {"recover", newRecoverCommand},
	{"completion", func(*globalOptions) *cobra.Command { return newCompletionCommand() }},
	{"path", newPathCommand}, {"timeline", newTimelineCommand}, {"stats", newStatsCommand},
	{"lexicon", newLexiconCommand},
	{"serve", newServeCommand},
}

// newCommandLineRoot is the command tree main runs args with: the root
// and only the command args name (or none for a bare --version), when
// that is all their run can reach, else the whole tree (commandsFor).
// Building every command's flags, defaults and help was about a tenth of
// "geokg --version" (docs/benchmarks.md, "Start-up").
func newCommandLineRoot(g *globalOptions, args []string) *cobra.Command {
	name, all := commandsFor(args)
	if all {
		return newRootCommand(g)
	}
	return newRootCommandFor(g, []string{name}, false)
}

// commandsFor says which commands a run of args can reach: all of them
// (all) unless its first argument that is not a root flag names a
// command other than completion (name), or it has no such argument and
// asks only for --version (name ""). Help without a command, completion
// (of the tree or of a command line), a misspelt command (for the
// suggestions) and anything it cannot read need the whole tree.
func commandsFor(args []string) (name string, all bool) {
	version := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--version":
			version = true
		case a == "--db" || a == "--actors" || a == "--lexicon" || a == "--learned":
			i++ // the flag's value
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "--actors=") || strings.HasPrefix(a, "--lexicon=") ||
			strings.HasPrefix(a, "--learned=") || a == "--verbose" || strings.HasPrefix(a, "--verbose="):
		case len(a) > 1 && a[0] == '-' && strings.Trim(a[1:], "v") == "":
			// -v, -vv
		case strings.HasPrefix(a, "-"):
			return "", true // --help, --, a flag of a command or none
		default:
			for _, m := range commandMakers {
				if m.name == a && a != "completion" {
					return a, false
				}
			}
			return "", true
		}
	}
	return "", !version
}

// newRootCommandFor builds the root and the commands names (all when
// all is set).
func newRootCommandFor(g *globalOptions, names []string, all bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "geokg",
		Short: "Build a geopolitical knowledge graph from news articles",
		Long:  rootLong,
		Example: `  geokg ingest testdata/article.txt
  geokg actor Tehran
  geokg export --format dot | dot -Tsvg > graph.svg`,
		Args:                       rootArgs,
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SilenceErrors:              true,
		SilenceUsage:               true,
		SuggestionsMinimumDistance: 2,
		PersistentPreRunE:          g.preRun,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{cmd: cmd.CommandPath(), err: err}
	})
	f := root.PersistentFlags()
	f.StringVar(&g.DB, "db", "", "store `directory` (default $GEOKG_DB, else ~/.local/share/geokg)")
	f.CountVarP(&g.Verbose, "verbose", "v", "print per-article progress on stderr (-vv: also the store's log)")
	f.StringVar(&g.Actors, "actors", "", "extra actor dictionary `file`, merged over the built-in one")
	f.StringVar(&g.Lexicon, "lexicon", "", "extra lexicon `file` (trigger words, word classes), merged over the built-in one")
	f.StringVar(&g.Learned, "learned", "", "the learned component of extraction: `on` or off (default: "+learnedDefault()+")")
	for _, m := range commandMakers {
		if all || slices.Contains(names, m.name) {
			root.AddCommand(m.make(g))
		}
	}
	if !all {
		// without geokg's own completion command, cobra would add and
		// build its default one on every run
		root.CompletionOptions.DisableDefaultCmd = true
	}
	addConventions(root, g) // after AddCommand: --version, actor-name completion
	return root
}

// preRun keeps the command's stderr for notices and rejects an empty
// --db, which would otherwise silently mean the default store.
func (g *globalOptions) preRun(cmd *cobra.Command, _ []string) error {
	g.stderr = cmd.ErrOrStderr()
	g.ctx = cmd.Context()
	if f := cmd.Flags().Lookup("db"); f != nil && f.Changed && g.DB == "" {
		return usagef(cmd.CommandPath(), "--db: empty directory name (leave --db out for the default store)")
	}
	if _, err := learnedMode(g.Learned); err != nil {
		return usagef(cmd.CommandPath(), "%v", err)
	}
	return nil
}

// rootArgs rejects "geokg NOTACOMMAND" as a usage error, with cobra's
// suggestions.
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, ", ") + "?"
	}
	return usagef(cmd.CommandPath(), "%s", msg)
}

// usageArgs turns an argument-count error from v into a usage error.
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return &usageError{cmd: cmd.CommandPath(), err: err}
		}
		return nil
	}
}

// context is the command's context, or Background outside a command.
func (g *globalOptions) context() context.Context {
	if g.ctx == nil {
		return context.Background()
	}
	return g.ctx
}

// storeDir returns --db or the default store directory.
func (g *globalOptions) storeDir() (string, error) {
	if g.DB != "" {
		return g.DB, nil
	}
	return store.DefaultDir()
}

// openStore opens the store for writing.
func (g *globalOptions) openStore() (*store.Store, error) { return g.openStoreWith(false) }

// openStoreWith is openStore, sized for a few small transactions when
// small is true (store.Options.SmallWrites).
func (g *globalOptions) openStoreWith(small bool) (*store.Store, error) {
	if g.served != nil {
		return g.served, nil
	}
	dir, err := g.storeDir()
	if err != nil {
		return nil, err
	}
	opts := g.writeOptions(dir)
	opts.SmallWrites = small
	s, err := store.OpenContext(g.context(), dir, opts)
	return s, servedError(dir, err)
}

// writeOptions are the options of a writable open of the store in dir: an
// upgrade from an older format is announced on stderr.
func (g *globalOptions) writeOptions(dir string) store.Options {
	return store.Options{Verbose: g.Verbose > 1, Upgrading: func(from int) {
		if g.stderr != nil {
			fmt.Fprintf(g.stderr, "geokg: upgrading store %s from format %d to %d (once; a minute for a large store)\n", dir, from, store.FormatVersion)
		}
	}}
}

// openQuery opens the store read-only, so queries can run next to each
// other. It never falls back to a writable open to get past an error: a
// store that was not closed cleanly is read from a recovered copy
// (store.Open does that), and a damaged or foreign store is refused as it
// is. The one exception is a store of an older format, which must be
// upgraded before it can be read: it is opened for writing once, after
// the same checks as any writer's.
func (g *globalOptions) openQuery() (*store.Store, error) {
	if g.served != nil {
		return g.served, nil
	}
	tuneQueryGC()
	dir, err := g.storeDir()
	if err != nil {
		return nil, err
	}
	s, err := store.Open(dir, store.Options{Verbose: g.Verbose > 1, ReadOnly: true})
	err = servedError(dir, err)
	switch {
	case err == nil:
		return s, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no store in %s yet; add articles with \"geokg ingest\" first", dir)
	case errors.Is(err, store.ErrUpgrade):
		return store.OpenContext(g.context(), dir, g.writeOptions(dir))
	}
	return nil, err
}

// closeStore closes s and keeps the first error. The store of geokg
// serve stays open for the next request.
// storeCloser closes a query's store as soon as the query has read what
// it needs (start), on another goroutine, so that the unmapping of the
// store's files (Badger maps them all: 3 ms of `actor Russia`'s 30 on a
// 100 MB store) overlaps the writing of the answer; wait, deferred when
// the store is opened, waits for that close, or closes the store itself
// when start was not reached (an error, a panic).
type storeCloser struct {
	s    *store.Store
	done chan error
}

// start begins the close; nothing may read the store afterwards.
func (c *storeCloser) start() {
	if c.done != nil || isServed(c.s) {
		return
	}
	c.done = make(chan error, 1)
	go func() { c.done <- endStore(c.s) }()
}

// wait ends what start began (or closes the store) and sets *err to the
// close's error when it is nil, as closeStore does.
func (c *storeCloser) wait(err *error) {
	if c.done == nil {
		closeStore(c.s, err)
		return
	}
	if cerr := <-c.done; cerr != nil && *err == nil {
		*err = cerr
	}
}

func closeStore(s *store.Store, err *error) {
	if isServed(s) {
		return
	}
	if cerr := endStore(s); cerr != nil && *err == nil {
		*err = cerr
	}
}

// exitAfterRun is set by main: the process exits once the command has
// run, so a query's store is left to the exit (store.Store.Leave). Tests
// that run commands in their own process leave it unset, and every store
// is closed.
var exitAfterRun bool

// endStore closes s, or leaves it to the process's exit (exitAfterRun).
func endStore(s *store.Store) error {
	if exitAfterRun {
		return s.Leave()
	}
	return s.Close()
}

// dictionary returns the built-in actor dictionary, with --actors merged
// over it.
func (g *globalOptions) dictionary() (*extract.Dictionary, error) {
	if err := extract.BuiltinErr(); err != nil {
		return nil, fmt.Errorf("built-in actor dictionary: %w", err)
	}
	d := extract.Builtin()
	if g.Actors == "" {
		return d, nil
	}
	f, err := os.Open(g.Actors)
	if err != nil {
		return nil, fmt.Errorf("actor dictionary: %w", err)
	}
	defer f.Close()
	extra, err := extract.LoadDictionary(f, g.Actors)
	if err != nil {
		return nil, err
	}
	return d.Merge(extra), nil
}

// lexicon returns the built-in lexicon, with --lexicon merged over it.
func (g *globalOptions) lexicon() (*extract.Lexicon, error) {
	l, err := extract.BuiltinLexicon()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	if g.Lexicon == "" {
		return l, nil
	}
	f, err := os.Open(g.Lexicon)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	extra, err := extract.LoadLexicon(f, g.Lexicon)
	if err != nil {
		return nil, err
	}
	return l.Merge(extra), nil
}

// extractor returns an extractor using g's dictionary and lexicon, that
// fails an article with more than maxMentions relations (0: no limit).
func (g *globalOptions) extractor(maxMentions int) (*extract.Extractor, error) {
	d, err := g.dictionary()
	if err != nil {
		return nil, err
	}
	l, err := g.lexicon()
	if err != nil {
		return nil, err
	}
	mode, err := learnedMode(g.Learned)
	if err != nil {
		return nil, err
	}
	return extract.New(extract.Options{Dictionary: d, Lexicon: l, MaxMentions: maxMentions, Learned: mode}), nil
}

// learnedMode parses --learned.
func learnedMode(s string) (extract.LearnedMode, error) {
	switch s {
	case "":
		return extract.LearnedDefault, nil
	case "on":
		return extract.LearnedOn, nil
	case "off":
		return extract.LearnedOff, nil
	}
	return 0, fmt.Errorf("--learned %q: want on or off", s)
}

// learnedDefault names the learned component's default, for the help.
func learnedDefault() string {
	if extract.DefaultLearned {
		return "on"
	}
	return "off"
}

// verbosef prints a progress line on stderr when -v is set.
func (g *globalOptions) verbosef(stderr io.Writer, format string, args ...any) {
	if g.Verbose > 0 {
		fmt.Fprintf(stderr, format+"\n", args...)
	}
}
