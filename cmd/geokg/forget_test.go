package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"geokg/extract/input"
	"geokg/store"
)

// mustArticles returns "geokg articles --format json" parsed.
func mustArticles(t *testing.T, db string) []articleRow {
	t.Helper()
	var rows []articleRow
	out := mustRun(t, 0, "articles", "--db", db, "--format", "json").stdout
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("articles --format json: %v\n%s", err, out)
	}
	return rows
}

// ingestText ingests text as stdin with a fixed date.
func ingestText(t *testing.T, db, text string) {
	t.Helper()
	if r := geokg(t, text, "ingest", "--db", db, "--date", "2024-05-01", "--source", "wire", "-"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

const otherText = "Belarus and Russia are allies. Iran supplied drones to Russia, Kyiv said.\n"

func TestForgetCommand(t *testing.T) {
	dir := t.TempDir()
	db, only := filepath.Join(dir, "db"), filepath.Join(dir, "only")
	for _, d := range []string{db, only} {
		mustRun(t, 0, "ingest", "--db", d, "--date", "2024-03-14", articlePath)
	}
	ingestText(t, db, otherText)
	before := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout

	rows := mustArticles(t, db)
	if len(rows) != 2 {
		t.Fatalf("articles: %+v, want 2", rows)
	}
	var id string
	for _, r := range rows {
		if r.Source == "wire" {
			id = r.ID
		}
		if r.Relations == 0 || r.Size == 0 || r.Date == "" || r.Title == "" {
			t.Errorf("article row %+v lacks a field", r)
		}
	}
	table := mustRun(t, 0, "articles", "--db", db).stdout
	if !strings.HasPrefix(table, "ID ") || !strings.Contains(table, id+"  2024-05-01") {
		t.Errorf("articles table:\n%s", table)
	}

	r := mustRun(t, 0, "forget", "--db", db, id)
	if !strings.HasPrefix(r.stdout, "forgot "+id+` "Belarus and Russia are allies.`) {
		t.Errorf("forget printed %q", r.stdout)
	}
	// Now the store is the one that never saw the article.
	if got, want := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout,
		mustRun(t, 0, "export", "--db", only, "--format", "json").stdout; got != want {
		t.Errorf("export after forget differs from a store without the article:\n%s", lineDiff(want, got))
	}
	mustRun(t, 0, "check", "--db", db)
	// Ingesting it again gives back the same bytes.
	ingestText(t, db, otherText)
	if got := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout; got != before {
		t.Errorf("export after forget and re-ingest differs:\n%s", lineDiff(before, got))
	}
	if dot := mustRun(t, 0, "export", "--db", db).stdout; !strings.Contains(dot, "BLR") {
		t.Errorf("dot export after re-ingest lacks BLR:\n%s", dot)
	}

	// Unknown and malformed ids are named; the good ones still go.
	r = mustRun(t, 1, "forget", "--db", db, "0123456789abcdef", id, "a/b")
	if !strings.Contains(r.stderr, "geokg: article 0123456789abcdef: not in the store") ||
		!strings.Contains(r.stderr, "geokg: article a/b: ") || strings.Count(r.stderr, "\n") != 2 {
		t.Errorf("forget with bad ids: stderr\n%s", r.stderr)
	}
	if rows := mustArticles(t, db); len(rows) != 1 || rows[0].ID == id {
		t.Errorf("after forgetting %s: articles %+v", id, rows)
	}
	mustRun(t, 2, "forget", "--db", db)
	none := filepath.Join(dir, "none")
	if r := mustRun(t, 1, "forget", "--db", none, id); r.stderr != "geokg: no store in "+none+"\n" {
		t.Errorf("forget without a store: stderr %q", r.stderr)
	}
	if _, err := os.Stat(none); err == nil {
		t.Errorf("forget made a store in %s", none)
	}
	mustRun(t, 2, "articles", "--db", db, "--format", "yaml")
}

// breakStore changes raw keys of the store in db with Badger itself:
// each key of set is written (nil deletes it).
func breakStore(t *testing.T, db string, set map[string][]byte) {
	t.Helper()
	bdb, err := badger.Open(badger.DefaultOptions(db).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(txn *badger.Txn) error {
		for k, v := range set {
			var err error
			if v == nil {
				err = txn.Delete([]byte(k))
			} else {
				err = txn.Set([]byte(k), v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestCheckCommand(t *testing.T) {
	db := t.TempDir()
	ingestText(t, db, otherText)
	if r := mustRun(t, 0, "check", "--db", db); r.stdout != "store "+db+": no problems (1 article)\n" {
		t.Errorf("check on a good store: %q", r.stdout)
	}
	breakStore(t, db, map[string][]byte{
		"r/RUS/supplies/IRN": nil,              // an edge without its in-edge
		"n/tsar/RUS":         []byte("Tsar"),   // a name its actor lacks
		"n/narnia/NAR":       []byte("Narnia"), // a name of no actor
		"e/BLR/accuses/RUS":  {},               // an edge without evidence
		// a mention of no article, dated 2024-01-01 (the key layout is in store/doc.go)
		"m/IRN/supplies/RUS/\x80\x00\x00\x00\x65\x92\x00\x80\x00\x00\x00\x00" + "\x01art-0123\x00" + "\x00\x00": []byte("{}"),
	})
	r := mustRun(t, 1, "check", "--db", db)
	for _, want := range []string{
		`edge "e/IRN/supplies/RUS" has no in-edge key`,
		`name "tsar": actor RUS has no such name`,
		`name "narnia": no actor NAR`,
		`edge "e/BLR/accuses/RUS" has no mentions`,
		`in-edge key "r/RUS/accuses/BLR"`, // the missing twin of the added edge
		`no article art-0123`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, r.stdout)
		}
	}
	// the mention value "{}" does not decode: that is damage
	if r.stderr != "geokg: store "+db+" is damaged (1 mention value does not decode); geokg will not write to it: \"geokg recover\" copies what can be read into "+db+".recovered\n" {
		t.Errorf("check stderr %q", r.stderr)
	}
}

// TestForgetAll ingests a folder in-process (the parallel pipeline, which
// -race watches), forgets every article, and checks that nothing of the
// graph is left; ingesting again gives the same export as the first time.
func TestForgetAll(t *testing.T) {
	tmp := t.TempDir()
	dir := manyArticles(t, tmp, 60)
	db := filepath.Join(tmp, "db")
	ingestText(t, db, otherText)
	mustRun(t, 0, "ingest", "--db", db, dir)
	before := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout
	rows := mustArticles(t, db)
	if len(rows) != 61 {
		t.Fatalf("%d articles, want 61", len(rows))
	}
	args := []string{"forget", "--db", db}
	for _, r := range rows {
		args = append(args, r.ID)
	}
	if r := mustRun(t, 0, args...); strings.Count(r.stdout, "forgot ") != 61 {
		t.Errorf("forget printed:\n%s", r.stdout)
	}
	if rows := mustArticles(t, db); len(rows) != 0 {
		t.Errorf("articles after forgetting all: %+v", rows)
	}
	empty := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout
	if edgeKeys(t, empty) != "" {
		t.Errorf("edges left after forgetting every article: %s", edgeKeys(t, empty))
	}
	mustRun(t, 0, "check", "--db", db)
	mustRun(t, 0, "ingest", "--db", db, dir)
	ingestText(t, db, otherText)
	if got := mustRun(t, 0, "export", "--db", db, "--format", "json").stdout; got != before {
		t.Errorf("export after forgetting all and ingesting again:\n%s", lineDiff(before, got))
	}
}

// TestUpgradeFormat4Store copies a store that geokg wrote in format 4
// (testdata/format4-store: binary Badger files, mention keys in text) and
// checks that the first query announces the upgrade on stderr and that
// the upgraded store answers with what the old store holds: the actor
// view, the JSON export with every sentence and the actor's JSON view,
// each against a golden file (testdata/format4-*.golden), and a clean
// check. The goldens were written from the upgraded store at 565d57b,
// where they were byte for byte what a store that geokg built from the
// same article answered (the old store's article id apart); they do not
// follow today's extractor, so a change of the dictionary or the rules
// that finds more or other actors in testdata/format4-article.txt does
// not touch them ("go test -update" rewrites them from the upgraded store,
// never from a fresh ingest). The store-level tests cover formats 1 to 3.
func TestUpgradeFormat4Store(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old")
	if err := os.CopyFS(old, os.DirFS(filepath.Join("testdata", "format4-store"))); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, 0, "actor", "Russia", "--db", old)
	if notice := "geokg: upgrading store " + old + " from format 4 to " + strconv.Itoa(store.FormatVersion); !strings.HasPrefix(r.stderr, notice) {
		t.Errorf("stderr %q, want the notice %q", r.stderr, notice)
	}
	checkGolden(t, "format4-actor-russia.golden", []byte(r.stdout))
	// the old store keys the article by the id geokg gave its text then
	text, err := os.ReadFile(filepath.Join("testdata", "format4-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	oldID := input.LegacyArticleID(string(text))
	for _, q := range []struct {
		args   []string
		golden string
	}{
		{[]string{"export", "--format", "json"}, "format4-export.json.golden"},
		{[]string{"actor", "Russia", "--format", "json", "--evidence", "-1"}, "format4-actor-russia.json.golden"},
	} {
		got := mustRun(t, 0, append(q.args, "--db", old)...)
		if got.stderr != "" {
			t.Errorf("%v after the upgrade: stderr %q", q.args, got.stderr)
		}
		if !strings.Contains(got.stdout, oldID) {
			t.Errorf("%v after the upgrade does not name the article by its old id %s", q.args, oldID)
		}
		checkGolden(t, q.golden, []byte(got.stdout))
	}
	if r := mustRun(t, 0, "check", "--db", old); !strings.Contains(r.stdout, "no problems") || r.stderr != "" {
		t.Errorf("check after the upgrade: %q %q", r.stdout, r.stderr)
	}
	// the same text again is the article stored under its old id
	r = mustRun(t, 0, "ingest", "--db", old, "--date", "2024-05-01", filepath.Join("testdata", "format4-article.txt"))
	if n := summary(t, r.stdout); n["new"] != 0 || n["unchanged"] != 1 {
		t.Errorf("the format-4 store's article ingested again: %q, want 0 new, 1 unchanged", r.stdout)
	}
}

// TestForgetLargeArticle forgets, by one id, an article whose removal
// does not fit the transactions of a session sized for a few small writes
// (store.Options.SmallWrites): forget opens the store again with the usual
// sizes for it, and the store is then without it.
func TestForgetLargeArticle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	var text strings.Builder
	for i := range 2500 {
		text.WriteString("Ukraine accused Russia of shelling village number " + strconv.Itoa(i) + ".\n")
	}
	ingestText(t, db, text.String())
	rows := mustArticles(t, db)
	if len(rows) != 1 || rows[0].Relations != 2500 {
		t.Fatalf("articles: %+v, want one with 2,500 relations", rows)
	}
	r := mustRun(t, 0, "forget", "--db", db, rows[0].ID)
	if want := "forgot " + rows[0].ID + ` "Ukraine accused Russia of shelling village number 0.": 2500 mentions removed`; !strings.HasPrefix(r.stdout, want) {
		t.Errorf("forget printed %q, want it to start with %q", r.stdout, want)
	}
	if rows := mustArticles(t, db); len(rows) != 0 {
		t.Errorf("articles after forget: %+v", rows)
	}
	mustRun(t, 0, "check", "--db", db)
}

// TestSmallInputs checks which ingests run in a session sized for small
// writes: regular files of 256 KB or less in all, not stdin or folders.
func TestSmallInputs(t *testing.T) {
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.txt"), filepath.Join(dir, "big.txt")
	if err := os.WriteFile(small, []byte(otherText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat(otherText, smallInput/len(otherText)+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  bool
	}{
		{[]string{small}, true},
		{[]string{small, small}, true},
		{[]string{big}, false},
		{[]string{small, big}, false},
		{[]string{"-"}, false},
		{[]string{dir}, false},
		{[]string{filepath.Join(dir, "missing.txt")}, false},
		{nil, false},
	} {
		if got := smallInputs(tt.paths); got != tt.want {
			t.Errorf("smallInputs(%q) = %v, want %v", tt.paths, got, tt.want)
		}
	}
}

// TestOneArticleIngests ingests articles one file per process: the store
// holds them all, and the value log files do not grow with them (a small
// ingest keeps its values in the tree).
func TestOneArticleIngests(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	mustRun(t, 0, "ingest", "--db", db, "--date", "2024-03-14", articlePath)
	for i := range 5 {
		f := filepath.Join(dir, strconv.Itoa(i)+".txt")
		text := "Iran supplied drones to Russia, Kyiv said on day " + strconv.Itoa(i) + ". Belarus and Russia are allies.\n"
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, 0, "ingest", "--db", db, "--date", "2024-05-0"+strconv.Itoa(i+1), f)
	}
	if rows := mustArticles(t, db); len(rows) != 6 {
		t.Errorf("%d articles, want 6", len(rows))
	}
	mustRun(t, 0, "check", "--db", db)
	if vlogs, err := filepath.Glob(filepath.Join(db, "*.vlog")); err != nil || len(vlogs) > 3 {
		t.Errorf("value log files after 6 one-article ingests: %q (%v), want at most 3", vlogs, err)
	}
}
