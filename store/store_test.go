package store_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
	"geokg/store"
)

// mustOpen opens a store in dir with the small test options and closes it
// when the test ends.
func mustOpen(tb testing.TB, dir string) *store.Store {
	tb.Helper()
	s, err := store.OpenSmall(dir, store.Options{})
	if err != nil {
		tb.Fatalf("open %s: %v", dir, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return s
}

func date(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// Actors of the fixture world.
var (
	russia   = graph.Actor{ID: "RUS", Name: "Russia", Type: graph.Country, Aliases: []string{"Russian Federation", "Moscow"}}
	ukraine  = graph.Actor{ID: "UKR", Name: "Ukraine", Type: graph.Country, Aliases: []string{"Kyiv"}}
	nkorea   = graph.Actor{ID: "PRK", Name: "North Korea", Type: graph.Country, Aliases: []string{"DPRK", "Pyongyang"}}
	kremlin  = graph.Actor{ID: "org:kremlin", Name: "Kremlin", Type: graph.Organization, Affiliation: "RUS"}
	minister = graph.Actor{ID: "person:foreign-minister", Name: "Foreign Minister Ivanova", Type: graph.Person, Affiliation: "RUS"}
	world    = []graph.Actor{russia, ukraine, nkorea, kremlin, minister}
)

// mention returns a mention of src rel dst in article art, at offset at.
func mention(art string, src graph.ActorID, rel graph.Relation, dst graph.ActorID, at int) graph.Mention {
	return graph.Mention{
		Source: src, Relation: rel, Target: dst, Article: art,
		Sentence: string(src) + " " + string(rel) + " " + string(dst) + ".",
		SentSpan: graph.Span{Start: at, End: at + 20},
		SrcSpan:  graph.Span{Start: at, End: at + 3},
		TgtSpan:  graph.Span{Start: at + 10, End: at + 13},
		Trigger:  string(rel), TrigSpan: graph.Span{Start: at + 4, End: at + 9},
		Status: graph.Asserted,
	}
}

// put stores an article built from mentions and fails the test on error.
func put(tb testing.TB, s *store.Store, id, day string, actors []graph.Actor, ms ...graph.Mention) bool {
	tb.Helper()
	art := graph.Article{ID: id, Title: "article " + id, Size: 100}
	if day != "" {
		art.Date = date(tb, day)
	}
	for i := range ms {
		ms[i].Article = id
	}
	added, err := s.PutArticle(context.Background(), art, actors, ms)
	if err != nil {
		tb.Fatalf("put %s: %v", id, err)
	}
	return added
}

// fixture stores three articles: PRK supplies RUS (twice), RUS and PRK are
// allies (written both ways), the Kremlin accuses UKR, the minister denies
// UKR's claim, UKR accuses RUS.
func fixture(tb testing.TB, s *store.Store) {
	tb.Helper()
	put(tb, s, "a1", "2024-06-01", world,
		mention("a1", "PRK", graph.Supplies, "RUS", 0),
		mention("a1", "PRK", graph.Supplies, "RUS", 50),
		mention("a1", "RUS", graph.AlliesWith, "PRK", 100),
	)
	put(tb, s, "a2", "2024-07-15", world[:3],
		mention("a2", "PRK", graph.AlliesWith, "RUS", 0),
		mention("a2", "org:kremlin", graph.Accuses, "UKR", 40),
		mention("a2", "UKR", graph.Accuses, "RUS", 80),
	)
	put(tb, s, "a3", "2024-05-20", nil,
		mention("a3", "PRK", graph.Supplies, "RUS", 0),
		mention("a3", "person:foreign-minister", graph.Denies, "UKR", 30),
	)
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := store.OpenSmall(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fixture(t, s)
	want, err := s.Graph(context.Background(), store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	got, err := s.Graph(context.Background(), store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Edges) != 5 || len(got.Edges) != len(want.Edges) {
		t.Fatalf("after reopen: %d edges, want 5 (before close: %d)", len(got.Edges), len(want.Edges))
	}
	for i := range want.Edges {
		w, g := want.Edges[i], got.Edges[i]
		if g.EdgeKey != w.EdgeKey || g.Articles != w.Articles || g.Mentions != w.Mentions ||
			!g.FirstSeen.Equal(w.FirstSeen) || !g.LastSeen.Equal(w.LastSeen) || len(g.Evidence) != len(w.Evidence) {
			t.Errorf("edge %d after reopen = %+v, want %+v", i, g, w)
		}
	}
	a, err := s.Article(context.Background(), "a2")
	if err != nil || a.Title != "article a2" || !a.Date.Equal(date(t, "2024-07-15")) {
		t.Errorf("Article(a2) after reopen = %+v, %v", a, err)
	}
}

// TestCloseMergesLevelZero: each small writing session leaves one more
// table in level 0 until a close finds CompactAlways of them there and
// merges them into the base level; nothing written is lost, and read-only
// closes merge nothing.
func TestCloseMergesLevelZero(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	open := func(readOnly bool) *store.Store {
		t.Helper()
		s, err := store.OpenDeepLevelZero(dir, store.Options{ReadOnly: readOnly})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	closeStore := func(s *store.Store) {
		t.Helper()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	sessions, atClose, merged := 0, -1, false
	for !merged && sessions < 2*store.CompactAlways {
		if sessions > 0 {
			closeStore(open(true)) // a read-only close merges nothing
		}
		s := open(false)
		n := s.LevelZeroTables()
		switch {
		case atClose >= store.CompactAlways:
			if n != 0 {
				t.Fatalf("session %d: level 0 has %d tables after a close that found %d, want 0", sessions, n, atClose)
			}
			merged = true
		case atClose >= 0 && n != atClose+1:
			t.Fatalf("session %d: level 0 has %d tables, want %d (one more per writing session)", sessions, n, atClose+1)
		}
		id := fmt.Sprintf("s%02d", sessions)
		put(t, s, id, "2024-06-01", world, mention(id, "PRK", graph.Supplies, "RUS", 0))
		atClose = s.LevelZeroTables()
		closeStore(s)
		sessions++
	}
	if !merged {
		t.Fatalf("level 0 never merged in %d sessions", sessions)
	}
	if sessions != store.CompactAlways+2 && sessions != store.CompactAlways+1 {
		t.Errorf("merged after %d sessions, want about %d", sessions, store.CompactAlways)
	}
	s := open(true)
	defer closeStore(s)
	if !s.LeadCopiesCurrent() {
		t.Error("the merge after small sessions did not write the copies of first mentions")
	}
	g, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 1 || g.Edges[0].Articles != sessions || len(g.Edges[0].Evidence) != sessions {
		t.Fatalf("after %d sessions: %+v, want one edge in %d articles", sessions, g.Edges, sessions)
	}
}

func TestOpenCreatesDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "geokg")
	mustOpen(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		t.Errorf("no Badger store created in %s: %v", dir, err)
	}
}

// TestCloseMergesAfterLargeSession: a session that writes enough to add
// LargeSession level-0 tables or more merges level 0 when it closes (once
// CompactOnClose tables are there), and writes the copies of first
// mentions, and the small session after it leaves its one table where it
// is, and the copies current.
func TestCloseMergesAfterLargeSession(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := store.OpenDeepLevelZeroSmall(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := s.NewBatch()
	long := strings.Repeat("Pyongyang shipped shells to Russia by rail. ", 60) // 2.6 KB
	for i := 0; s.LevelZeroTables() < store.CompactOnClose; i++ {
		id := fmt.Sprintf("big%05d", i)
		m := mention(id, "PRK", graph.Supplies, "RUS", 0)
		m.Sentence = long
		if err := b.Put(ctx, graph.Article{ID: id, Date: date(t, "2024-06-01")}, world, []graph.Mention{m}, nil); err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		if i > 20000 {
			t.Fatalf("%d tables in level 0 after %d articles", s.LevelZeroTables(), i)
		}
	}
	if err := errors.Join(b.Flush(), s.Close()); err != nil {
		t.Fatal(err)
	}
	// the merge wrote the tables below level 0 in tables of
	// mergedTableSize, larger than the session's: one holds them all
	if tables, err := filepath.Glob(filepath.Join(dir, "*.sst")); err != nil || len(tables) != 1 {
		t.Errorf("tables after the large session's close: %q (%v), want one", tables, err)
	}
	for session, want := range []int{0, 1} {
		s, err = store.OpenDeepLevelZeroSmall(dir, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := s.LevelZeroTables(); n != want {
			t.Errorf("session %d after the large one: %d level-0 tables, want %d", session, n, want)
		}
		// the merge wrote the copies of first mentions; the small session's
		// commit kept them current
		if got := s.LeadCopiesCurrent(); !got {
			t.Errorf("session %d after the large one: copies of first mentions current = %v", session, got)
		}
		put(t, s, fmt.Sprintf("small%d", session), "2024-06-02", world, mention(fmt.Sprintf("small%d", session), "PRK", graph.Supplies, "RUS", 0))
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMergeBesideLastLevel: once a large session left the tree in one
// level, the merge after small sessions puts level 0 into the level above
// it and leaves the last level's tables as they are; once that level holds
// more than the limit, into the empty level above it, leaving both lower
// levels' tables as they are (a merge rewrites one level of the stack);
// once the stack's top level holds more than the limit, a merge folds the
// stack into the last (one level again). Nothing written is lost, and
// check finds no problem.
func TestMergeBesideLastLevel(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	open := func(readOnly bool) *store.Store {
		t.Helper()
		s, err := store.OpenDeepLevelZeroSmall(dir, store.Options{ReadOnly: readOnly})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open(false)
	b := s.NewBatch()
	articles := 0
	for ; s.LevelZeroTables() < store.CompactOnClose; articles++ {
		id := fmt.Sprintf("big%05d", articles)
		m := mention(id, "PRK", graph.Supplies, "RUS", 0)
		m.Sentence = strings.Repeat("Pyongyang shipped shells to Russia by rail. ", 30)
		if err := b.Put(ctx, graph.Article{ID: id, Date: date(t, "2024-06-01")}, world, []graph.Mention{m}, nil); err != nil {
			t.Fatal(err)
		}
		if articles%50 == 0 {
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := errors.Join(b.Flush(), s.Close()); err != nil {
		t.Fatal(err)
	}
	s = open(true)
	before, sizes := s.TablesByLevel()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if len(before) != 1 {
		t.Fatalf("after the large session: tables in levels %v, want one level", sizes)
	}
	last := 0
	for l := range before {
		last = l
	}
	// small sessions until a close merges level 0, and again
	smallSessions := func() {
		t.Helper()
		for n := 0; ; n++ {
			if n > 2*store.CompactAlways {
				t.Fatalf("level 0 not merged in %d sessions", n)
			}
			s := open(false)
			id := fmt.Sprintf("small%03d", articles)
			put(t, s, id, "2024-06-02", world, mention(id, "PRK", graph.Supplies, "RUS", 0))
			articles++
			merging := s.LevelZeroTables() >= store.CompactAlways
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if merging {
				return
			}
		}
	}
	whole := func(when string) {
		t.Helper()
		s := open(true)
		defer s.Close()
		if n := s.LevelZeroTables(); n != 0 {
			t.Errorf("%s: %d tables in level 0, want 0", when, n)
		}
		g, err := s.Graph(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Edges) != 1 || g.Edges[0].Articles != articles {
			t.Errorf("%s: %+v, want one edge in %d articles", when, g.Edges, articles)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("%s: check: %q, %v", when, problems, err)
		}
	}
	// each merge after small sessions: the level it must put level 0 in,
	// the limit on the stack's levels it runs with
	stack := []struct {
		level int
		most  int64
	}{
		{last - 1, 1 << 30}, // beside the last level
		{last - 1, 1 << 30}, // the same level again
		{last - 2, 1},       // that level is full: a new one above it
		{last - 2, 1 << 30}, // the new one again
	}
	store.SetStackTop(t, last-2)
	for round, merge := range stack {
		store.SetBeside(t, 1, merge.most)
		s = open(true)
		old, _ := s.TablesByLevel()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		smallSessions()
		when := fmt.Sprintf("merge %d after small sessions", round+1)
		whole(when)
		s = open(true)
		ids, sizes := s.TablesByLevel()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// the close wrote the tables of the level it merged into, and
		// nothing else: every other level's tables are as they were
		for level, tables := range ids {
			if level != merge.level && !slices.Equal(tables, old[level]) {
				t.Errorf("%s: level %d's tables %v, were %v: rewritten", when, level, tables, old[level])
			}
		}
		if len(ids) != last-merge.level+1 || sizes[merge.level] == 0 {
			t.Fatalf("%s: tables %v (%v bytes), want levels %d to %d, level %d merged into", when, ids, sizes, merge.level, last, merge.level)
		}
	}
	// the stack's top is full: folded into the last level
	store.SetBeside(t, 1, 1)
	smallSessions()
	whole("the merge that folds")
	s = open(true)
	defer s.Close()
	ids, sizes := s.TablesByLevel()
	if len(ids) != 1 {
		t.Errorf("after the merge that folds: tables in levels %v, want one level", sizes)
	}
	// the fold rewrote every table, in tables as large as a large
	// session's close writes (here larger than the store): one
	for _, level := range ids {
		if len(level) != 1 {
			t.Errorf("after the merge that folds: %d tables, want one", len(level))
		}
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	for name, dir := range map[string]string{"missing": filepath.Join(t.TempDir(), "nope"), "empty": t.TempDir()} {
		t.Run(name, func(t *testing.T) {
			s, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("read-only open of %s dir: %v, want fs.ErrNotExist", name, err)
			}
			if err == nil {
				s.Close()
			}
		})
	}
}

func TestOpenNotStore(t *testing.T) {
	t.Run("files", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := store.OpenSmall(dir, store.Options{})
		if !errors.Is(err, store.ErrNotStore) {
			t.Fatalf("open of a folder with other files: %v, want ErrNotStore", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("open wrote into a foreign folder: %d entries, want 1", len(entries))
		}
	})
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := store.OpenSmall(path, store.Options{}); !errors.Is(err, store.ErrNotStore) {
			t.Errorf("open of a file: %v, want ErrNotStore", err)
		}
	})
	t.Run("other badger", func(t *testing.T) {
		dir := t.TempDir()
		writeRaw(t, dir, "user/42", "alice")
		if _, err := store.OpenSmall(dir, store.Options{}); !errors.Is(err, store.ErrNotStore) {
			t.Errorf("open of another program's Badger database: %v, want ErrNotStore", err)
		}
	})
}

// writeRaw writes one key into a plain Badger database in dir.
func writeRaw(t *testing.T, dir, key, value string) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithMemTableSize(8 << 20).
		WithBlockCacheSize(1 << 20).WithValueLogFileSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(key), []byte(value)) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenVersion(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	writeRaw(t, dir, "geokg/format", "99")
	_, err := store.OpenSmall(dir, store.Options{})
	if !errors.Is(err, store.ErrVersion) {
		t.Fatalf("open of a format-99 store: %v, want ErrVersion", err)
	}
	if !strings.Contains(err.Error(), "99") {
		t.Errorf("error %q does not name the version found", err)
	}
}

func mustOpenNoCleanup(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.OpenSmall(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOpenInUse(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir)
	for _, ro := range []bool{false, true} {
		s, err := store.OpenSmall(dir, store.Options{ReadOnly: ro})
		if !errors.Is(err, store.ErrInUse) {
			t.Errorf("second open (read-only %v): %v, want ErrInUse", ro, err)
		}
		if err == nil {
			s.Close()
			continue
		}
		if want := "store " + dir + " is in use by another geokg process"; err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	}
}

func TestOpenReadOnlyShared(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var readers []*store.Store
	for range 2 {
		r, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("read-only open beside another reader: %v", err)
		}
		readers = append(readers, r)
	}
	for _, r := range readers {
		if _, err := r.Actor(context.Background(), "PRK"); err != nil {
			t.Errorf("read-only Actor(PRK): %v", err)
		}
		if _, err := r.PutArticle(context.Background(), graph.Article{ID: "zz"}, nil, nil); err == nil {
			t.Errorf("PutArticle on a read-only store succeeded")
		}
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("GEOKG_DB", "/srv/kg")
	if d, err := store.DefaultDir(); err != nil || d != "/srv/kg" {
		t.Errorf("with GEOKG_DB: %q, %v", d, err)
	}
	t.Setenv("GEOKG_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if d, err := store.DefaultDir(); err != nil || d != filepath.Join("/data", "geokg") {
		t.Errorf("with XDG_DATA_HOME: %q, %v", d, err)
	}
	t.Setenv("XDG_DATA_HOME", "relative")
	t.Setenv("HOME", "/home/u")
	if d, err := store.DefaultDir(); err != nil || d != filepath.Join("/home/u", ".local", "share", "geokg") {
		t.Errorf("with HOME only: %q, %v", d, err)
	}
}

// TestHelperHoldStore is not a test: TestOpenInUseOtherProcess runs the
// test binary with GEOKG_TEST_HOLD=dir to hold a store open in another
// process until its stdin closes.
func TestHelperHoldStore(t *testing.T) {
	dir := os.Getenv("GEOKG_TEST_HOLD")
	if dir == "" {
		t.Skip("helper process only")
	}
	s, err := store.OpenSmall(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
}

func TestOpenInUseOtherProcess(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldStore$")
	cmd.Env = append(os.Environ(), "GEOKG_TEST_HOLD="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper process: %q, %v", line, err)
	}
	for _, ro := range []bool{false, true} {
		s, err := store.OpenSmall(dir, store.Options{ReadOnly: ro})
		if !errors.Is(err, store.ErrInUse) {
			t.Errorf("open (read-only %v) while another process writes: %v, want ErrInUse", ro, err)
		}
		if err == nil {
			s.Close()
		}
	}
}

// TestOpenThroughSymlink opens a new store at a symbolic link to an empty
// folder (a data folder moved to a larger disk): the store is made in the
// folder, and the link stays a link.
func TestOpenThroughSymlink(t *testing.T) {
	tmp := t.TempDir()
	target := filepath.Join(tmp, "disk", "geokg")
	if err := os.MkdirAll(target, 0o750); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, link)
	put(t, s, "a1", "2024-05-01", nil, mention("a1", "PRK", graph.Supplies, "RUS", 0))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link: %v %v", link, fi, err)
	}
	if _, err := os.Stat(filepath.Join(target, "MANIFEST")); err != nil {
		t.Errorf("no store in the link's target: %v", err)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o750 {
		t.Errorf("the store folder's permissions: %v %v, want those of the folder it replaced (0750)", fi.Mode(), err)
	}
}

// TestOpenAfterKillLeftEmptyFile opens a store in which a kill left an
// empty memtable file (Badger creates it, then sizes it: a kill in between
// leaves 0 bytes, and Badger's next open fails with "Create a new file",
// dgraph-io/badger#2207). Open must recover, read-only queries too (they
// fall back to a writable open), and lose nothing.
func TestOpenAfterKillLeftEmptyFile(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o640); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	v, err := s.View(context.Background(), "PRK", store.Filter{})
	if err != nil || len(v.Links) == 0 {
		t.Fatalf("view after the recovery: %v, %v", v, err)
	}
	mustCheck(t, s)
}

// TestOpenOrphanTable puts a table the MANIFEST does not list into a
// store, as a kill between Badger writing a table and recording it leaves
// one (Badger deletes such a table on open, even read-only): a read-only
// open reads a copy and leaves every file as it was; a writable open lets
// Badger remove it; nothing stored is lost.
func TestOpenOrphanTable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	want, err := s.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	data, err := os.ReadFile(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(dir, "000999.sst")
	if err := os.WriteFile(orphan, data, 0o644); err != nil {
		t.Fatal(err)
	}
	files := func() map[string]string {
		out := map[string]string{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			out[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		return out
	}
	before := files()
	r, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Graph(ctx, store.Filter{Evidence: -1})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read-only graph with an orphan table: %v; differs: %v", err, !reflect.DeepEqual(got, want))
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if after := files(); !reflect.DeepEqual(after, before) {
		t.Errorf("a read-only open changed the store's files:\n%v\nwas\n%v", after, before)
	}
	s = mustOpen(t, dir)
	if _, err := os.Stat(orphan); err == nil {
		t.Error("a writable open left the orphan table")
	}
	if got, err := s.Graph(ctx, store.Filter{Evidence: -1}); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("graph after the writable open: %v", err)
	}
	mustCheck(t, s)
}

// TestLeave checks Leave, Close for a process that exits next: a
// writable store is closed (its memtable written into a table, no log
// left to replay), a read-only one is left open without writing to the
// store's folder.
func TestLeave(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fixture(t, s)
	want := mustGraph(t, s)
	if err := s.Leave(); err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				out = append(out, fmt.Sprintf("%s %d", e.Name(), fi.Size()))
			}
			if strings.HasSuffix(e.Name(), ".mem") {
				t.Errorf("a memtable log left after a writable Leave: %s", e.Name())
			}
		}
		return out
	}
	before := names()
	r, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustGraph(t, r); !reflect.DeepEqual(got, want) {
		t.Errorf("graph after a writable Leave differs")
	}
	if err := r.Leave(); err != nil {
		t.Fatal(err)
	}
	if after := names(); !reflect.DeepEqual(after, before) {
		t.Errorf("folder after a read-only Leave: %v, before: %v", after, before)
	}
}
