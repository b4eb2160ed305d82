package export

import "testing"

// FuzzClean checks that clean's shortcut (isClean) leaves only strings the
// rune-by-rune cleaning would leave as they are.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Russia accused Ukraine.", " lead", "trail ", "two  spaces", "tab\there", "é", "a\u2028b", "\x00", "~!", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), cleanRunes(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}
