package store

import "testing"

// openSmallTest opens a small store in a new temporary directory of t,
// closed when t ends; a test that cannot open it stops.
func openSmallTest(t testing.TB) *Store {
	t.Helper()
	s, err := OpenSmall(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
