package store

import (
	"strconv"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// setFormatRaw writes or deletes the format key of the store in dir with
// Badger alone, as another geokg (or program) would.
func setFormatRaw(t *testing.T, dir, value string, del bool) {
	t.Helper()
	db, err := badger.Open(testBadgerOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		if del {
			return txn.Delete([]byte(formatKey))
		}
		return txn.Set([]byte(formatKey), []byte(value))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestTableFormat checks that inspect reads the newest format key from
// the tables of a closed store, so that a writable open may skip its
// read-only look only when the format is one this geokg knows.
func TestTableFormat(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenSmall(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		value string
		del   bool
		known bool
	}{
		{"", false, true}, // as geokg made it
		{"7", false, true},
		{"99", false, false},
		{"twelve", false, false},
		{"", true, false}, // deleted: a tombstone is the newest version
		{strconv.Itoa(FormatVersion), false, true},
	} {
		if c.value != "" || c.del {
			setFormatRaw(t, dir, c.value, c.del)
		}
		l, err := inspect(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := c.value
		if want == "" && !c.del {
			want = strconv.Itoa(FormatVersion)
		}
		if got := l.format.known(); got != c.known || !c.del && string(l.format.value) != want {
			t.Errorf("format %q (deleted %v): tables say %q, known %v; want %q, known %v",
				c.value, c.del, l.format.value, got, want, c.known)
		}
	}
}
