package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"geokg/extract/input"
)

// docCommand is one geokg command shown in the documentation.
type docCommand struct {
	at   string   // FILE:LINE
	args []string // after "geokg"
	// code is the exit status the documentation shows: 1 when the line
	// after a "$ geokg ..." prompt is an error ("geokg: ..."), else 0.
	code int
	// shown is the output the docs show after a "$ " prompt, one line
	// each ("..." lines, which elide, left out).
	shown []string
	block int // the code block's number in its file: a block's commands share a store
}

// docSkips are the commands the docs test does not run, by their first
// arguments (or, starting with "*", any part of them), and why.
var docSkips = []struct{ prefix, why string }{
	{"serve", "runs until stopped (serve_test.go runs it)"},
	{"completion powershell", "needs PowerShell to mean anything; the other shells are run"},
	{"*/data/geokg", "shows what happens to a damaged store (damaged_test.go and recover_test.go damage stores)"},
}

// docOutputSkips are the commands whose shown output TestDocs does not
// compare, by their first arguments, and why.
var docOutputSkips = []struct{ prefix, why string }{
	{"--version", "the version and commit of the build"},
	{"ingest --date 2024-03-14 news/", "the reader's folder, with two bad files"},
}

// docPlaceholders are words of the docs that stand for something the
// reader gives; a command holding one is run with it replaced, or (when
// the replacement is empty) not run: it is a synopsis.
var docPlaceholders = map[string]string{
	"ARTICLE_ID": "{article}", "ARTICLE_ID...": "{article}", "ID": "{article}", "ID...": "{article}",
	"PATH...": "", "NAME": "", "[OTHER]": "", "A": "", "B": "", "FILE": "", "DIR": "",
}

// docFiles are the documents whose commands TestDocs runs.
func docFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{"../../README.md"}, files...)
}

// docCommands reads the geokg commands of a Markdown file: every line of a
// fenced or indented code block that starts with "geokg " or "./geokg "
// (after an optional "$ " prompt), cut at a pipe, a redirection, a
// comment or a run of three spaces (the synopses' descriptions).
func docCommands(t *testing.T, path string) []docCommand {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []docCommand
	fenced := false
	prompted := false // the block shows "$ " prompts: its other lines are output
	block, inBlock := 0, false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			fenced, prompted = !fenced, false
			if fenced {
				block++
			}
			continue
		}
		if !fenced && !strings.HasPrefix(line, "    ") {
			prompted, inBlock = false, trimmed == "" && inBlock
			continue
		}
		if !fenced && !inBlock {
			block, inBlock = block+1, true
		}
		prompt := strings.HasPrefix(trimmed, "$ ")
		prompted = prompted || prompt
		if prompted && !prompt || strings.Contains(trimmed, "<TAB>") {
			continue // output, or keys typed for completion
		}
		trimmed = strings.TrimPrefix(trimmed, "$ ")
		rest, ok := strings.CutPrefix(trimmed, "./geokg ")
		if !ok {
			rest, ok = strings.CutPrefix(trimmed, "geokg ")
		}
		if !ok {
			continue
		}
		args, ok := shellWords(rest)
		if !ok || len(args) == 0 {
			continue
		}
		c := docCommand{at: filepath.Base(path) + ":" + strconv.Itoa(i+1), args: args, block: block}
		if prompt && i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "geokg: ") {
			c.code = 1
		}
		for j := i + 1; prompt && j < len(lines); j++ {
			l := strings.TrimSpace(lines[j])
			if strings.HasPrefix(l, "$ ") || strings.HasPrefix(l, "```") || !fenced && !strings.HasPrefix(lines[j], "    ") {
				break
			}
			if l != "" && l != "..." && l != "…" {
				c.shown = append(c.shown, l)
			}
		}
		out = append(out, c)
	}
	return out
}

// shellWords splits a command line as a shell would, up to a pipe,
// redirection, "&&", ";", a comment or three spaces in a row; it reports
// false for what it cannot read (an open quote).
func shellWords(s string) ([]string, bool) {
	var words []string
	var cur strings.Builder
	inWord := false
	quote := rune(0)
	spaces := 0
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			spaces++
			flush()
			if spaces >= 3 {
				return words, true
			}
			continue
		case strings.ContainsRune("|><;&", r):
			flush()
			return words, true
		case r == '#' && !inWord:
			return words, true
		default:
			cur.WriteRune(r)
			inWord = true
		}
		spaces = 0
	}
	if quote != 0 {
		return nil, false
	}
	flush()
	return words, true
}

// TestDocs runs every geokg command that README.md and docs/*.md show,
// each on its own copy of a store built from the bundled example (the
// documents' own "geokg ingest --date 2024-03-14 testdata/article.txt"),
// in a folder holding the files the commands name (the example, and for
// the reader's own files, generic ones of the right kind), and checks
// that it exits as documented: 0, or 1 where the docs show an error.
func TestDocs(t *testing.T) {
	bin := buildGeokg(t)
	tmp := t.TempDir()
	example, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	template := filepath.Join(tmp, "store")
	run := func(dir, db string, args ...string) result {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GEOKG_DB="+db, "NO_COLOR=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		r := result{stdout: stdout.String(), stderr: stderr.String()}
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			r.code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatalf("geokg %s: %v", strings.Join(args, " "), err)
		}
		return r
	}
	seed := filepath.Join(tmp, "seed")
	writeTree(t, seed, "testdata/article.txt", example)
	if r := run(seed, template, "ingest", "--date", "2024-03-14", "testdata/article.txt"); r.code != 0 {
		t.Fatalf("ingest of the example: %+v", r)
	}
	articleID := input.ArticleID(string(example))
	dictionary := run(seed, template, "actors", "--dictionary").stdout
	lexicon := run(seed, template, "lexicon").stdout
	_, noDot := exec.LookPath("dot")

	count := 0
	for _, doc := range docFiles(t) {
		var dir, db string
		block := -1
		for _, c := range docCommands(t, doc) {
			args, why := docArgs(c.args, articleID)
			if why == "" && noDot != nil && (slices.Contains(args, "svg") || slices.Contains(args, "png") || hasSuffixArg(args, ".svg", ".png")) {
				why = "draws a picture, and Graphviz's dot is not installed"
			}
			if why != "" {
				t.Logf("%s: not run (%s): geokg %s", c.at, why, strings.Join(c.args, " "))
				continue
			}
			count++
			if c.block != block {
				// a new block: a new folder, and a store of the example,
				// or none if the block starts by ingesting
				block = c.block
				dir = filepath.Join(tmp, "run", strconv.Itoa(count))
				writeTree(t, dir, "testdata/article.txt", example)
				if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
					t.Fatal(err)
				}
				db = filepath.Join(dir, "db")
				if args[0] != "ingest" {
					if err := os.CopyFS(db, os.DirFS(template)); err != nil {
						t.Fatal(err)
					}
				}
			}
			makeInputs(t, dir, args, example, dictionary, lexicon)
			r := run(dir, db, args...)
			if r.code != c.code {
				t.Errorf("%s: geokg %s: exit %d, the docs show %d\nstdout:\n%s\nstderr:\n%s", c.at, strings.Join(args, " "), r.code, c.code, r.stdout, r.stderr)
			}
			for _, l := range shownOutput(c) {
				if !strings.Contains(r.stdout+r.stderr, l) {
					t.Errorf("%s: geokg %s does not print the line the docs show:\n%s\nit prints:\n%s%s", c.at, strings.Join(args, " "), l, r.stdout, r.stderr)
					break
				}
			}
			if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("%s: geokg %s crashed:\n%s", c.at, strings.Join(args, " "), r.stderr)
			}
		}
	}
	if count < 60 {
		t.Errorf("ran only %d documented commands: the docs test lost track of the docs", count)
	}
	t.Logf("ran %d documented commands", count)
}

// docArgs replaces the placeholders of a documented command, or says why
// it is not run.
func docArgs(args []string, articleID string) ([]string, string) {
	joined := strings.Join(args, " ")
	for _, s := range docSkips {
		if part, ok := strings.CutPrefix(s.prefix, "*"); ok && strings.Contains(joined, part) || strings.HasPrefix(joined, s.prefix) {
			return nil, s.why
		}
	}
	out := make([]string, len(args))
	for i, a := range args {
		rep, ok := docPlaceholders[a]
		switch {
		case ok && rep == "":
			return nil, "a synopsis"
		case ok:
			out[i] = articleID
		default:
			out[i] = a
		}
	}
	return out, ""
}

func hasSuffixArg(args []string, suffixes ...string) bool {
	for _, a := range args {
		for _, s := range suffixes {
			if strings.HasSuffix(a, s) {
				return true
			}
		}
	}
	return false
}

// inputExts are the endings of the files makeInputs makes.
var inputExts = []string{".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".gz"}

// makeInputs writes, under dir, every input file or folder a documented
// command names that is not there: the reader's own articles (a folder
// gets the example; a .jsonl, .ndjson or .html file the example in that
// form, with any field the command names; .gz compressed), dictionaries
// and lexicons (the built-in ones).
func makeInputs(t *testing.T, dir string, args []string, example []byte, dictionary, lexicon string) {
	t.Helper()
	fields := map[string][]string{}
	for i := 0; i+1 < len(args); i++ {
		if strings.HasSuffix(args[i], "-field") {
			fields[args[i]] = append(fields[args[i]], args[i+1])
		}
	}
	for i, a := range args {
		prev := ""
		if i > 0 {
			prev = args[i-1]
		}
		if _, err := os.Stat(filepath.Join(dir, a)); err == nil || prev == "-o" || strings.Contains(a, "://") {
			continue
		}
		switch {
		case prev == "--actors":
			writeTree(t, dir, a, []byte(dictionary))
		case prev == "--lexicon":
			writeTree(t, dir, a, []byte(lexicon))
		case strings.HasSuffix(a, "/"):
			writeTree(t, dir, filepath.Join(a, "story.txt"), example)
		case hasSuffixArg([]string{a}, inputExts...) && !strings.HasPrefix(a, "-"):
			writeTree(t, dir, a, exampleAs(t, a, example, fields))
		}
	}
}

// exampleAs is the example article in the format a file name says.
func exampleAs(t *testing.T, name string, example []byte, fields map[string][]string) []byte {
	t.Helper()
	base := strings.TrimSuffix(name, ".gz")
	var data []byte
	switch {
	case strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson"):
		obj := map[string]any{"text": string(example), "date": "2024-03-14"}
		for flag, paths := range fields {
			for _, p := range paths {
				value := any(string(example))
				if flag == "--date-field" {
					value = "2024-03-14"
				}
				setPath(obj, strings.Split(p, "."), value)
			}
		}
		line, err := json.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		data = append(line, '\n')
	case strings.HasSuffix(base, ".html") || strings.HasSuffix(base, ".htm"):
		var b strings.Builder
		b.WriteString("<!DOCTYPE html><html><head><title>Example</title></head><body><article>")
		sc := bufio.NewScanner(bytes.NewReader(example))
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				b.WriteString("<p>" + line + "</p>\n")
			}
		}
		b.WriteString("</article></body></html>\n")
		data = []byte(b.String())
	default:
		data = example
	}
	if base == name {
		return data
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return gz.Bytes()
}

// setPath sets obj's value at a path of nested keys.
func setPath(obj map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := obj[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[k] = next
		}
		obj = next
	}
	obj[path[len(path)-1]] = v
}

// writeTree writes data into dir/name, making the folders.
func writeTree(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// shownOutput is the output of c the docs show and TestDocs compares.
func shownOutput(c docCommand) []string {
	joined := strings.Join(c.args, " ")
	for _, s := range docOutputSkips {
		if strings.HasPrefix(joined, s.prefix) {
			return nil
		}
	}
	return c.shown
}
