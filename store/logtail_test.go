package store

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDamagedAt gives the log checker arbitrary files: it must not panic,
// and a file it calls damaged must have a bad entry inside it.
func FuzzDamagedAt(f *testing.F) {
	f.Add(make([]byte, 64))
	f.Add(append(make([]byte, vlogHeaderSize), 0x40, 0, 4, 2, 0, 'k', 'e', 'y', '1', 'v', 'v', 1, 2, 3, 4))
	f.Add(append(make([]byte, vlogHeaderSize), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "000001.vlog")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		at, err := damagedAt(path)
		if err != nil {
			t.Fatal(err)
		}
		if at >= int64(len(data)) || (at >= 0 && at < vlogHeaderSize) {
			t.Errorf("damaged at %d in a file of %d bytes", at, len(data))
		}
	})
}
