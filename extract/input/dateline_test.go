package input

import (
	"testing"
)

func TestDateline(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"VIENNA, 3 March 2025 (Reuters) - Iran said it would let inspectors in.", "2025-03-03"},
		{"Headline here\n\nMADRID, May 28, 2024 - Spain formally recognised the State of Palestine.", "2024-05-28"},
		{"Published 2025-03-03\n\nUkraine accused Russia of shelling the plant.", "2025-03-03"},
		{"Title\nUpdated: March 4, 2025\nText.", "2025-03-04"},
		{"By Jane Doe | 5 Mar. 2025\n\nText.", "2025-03-05"},
		{"NEW YORK, Sept. 9, 2024 (AP) — The council met.", "2024-09-09"},
		{"SAN JOSÉ, Costa Rica, 12 January 2024 - A storm hit.", "2024-01-12"},
		{"WASHINGTON, Jan 2nd, 2023 - Talks began.", "2023-01-02"},
		// no dated dateline
		{"KYIV, March 14 (Geokg Wire) - Ukraine accused Iran on Thursday.", ""},
		{"Ukraine said on 3 March 2025 - a Monday - that it would retaliate.", ""},
		{"The talks were held on May 28, 2024 in Madrid.", ""},
		{"", ""},
	} {
		got, ok := Dateline(c.text)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != c.want {
			t.Errorf("Dateline(%q) = %q, want %q", c.text, s, c.want)
		}
	}
}

func FuzzDateline(f *testing.F) {
	f.Add("VIENNA, 3 March 2025 (Reuters) - text")
	f.Add("Published 2025-03-03\n")
	f.Fuzz(func(t *testing.T, text string) {
		if d, ok := Dateline(text); ok && (d.IsZero() || d.Hour() != 0) {
			t.Errorf("Dateline(%q) = %v", text, d)
		}
	})
}
