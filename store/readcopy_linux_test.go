package store_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"geokg/store"
)

// TestReadCopyNoSpace opens read-only a store that needs a recovered copy
// (a table its MANIFEST does not list, as a kill leaves one) on a file
// system with room for a read but not for Badger's recovery of the copy:
// the open fails with ErrNoSpace, without a panic, and leaves no copy
// behind. It needs root to mount a small tmpfs.
func TestReadCopyNoSpace(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	small := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(small, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", small).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", small).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", small, err, out)
		}
	})
	dir := filepath.Join(small, "db")
	s := mustOpenNoCleanup(t, dir)
	fixture(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no table")
	}
	data, err := os.ReadFile(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "000999.sst"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// leave about 8 MB: more than a read-only open needs, less than a copy's recovery
	var st syscall.Statfs_t
	if err := syscall.Statfs(small, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * st.Bsize
	if err := os.WriteFile(filepath.Join(small, "filler"), make([]byte, free-8<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := store.OpenSmall(dir, store.Options{ReadOnly: true})
	if err == nil {
		r.Close()
		t.Fatal("opened with no room to recover a copy")
	}
	if !errors.Is(err, store.ErrNoSpace) {
		t.Errorf("open: %v, want ErrNoSpace", err)
	}
	entries, _ := os.ReadDir(small)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".reading-") {
			t.Errorf("the copy %s was left behind", e.Name())
		}
	}
}
