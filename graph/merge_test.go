package graph

import (
	"encoding/json"
	"testing"
	"time"
)

func TestMergeArticles(t *testing.T) {
	day := func(s string) time.Time { d, _ := ParseDate(s); return d }
	txt := Article{ID: "a", Title: "first line", Source: "story.txt", Date: day("2026-12-04"), Size: 10,
		Origins: Origins{Date: OriginDefault, Title: OriginDefault, Source: OriginDefault}}
	page := Article{ID: "b", Title: "Headline", Source: "Geokg Wire", URL: "https://example.org/s", Date: day("2024-03-14"), Size: 12,
		Origins: Origins{Date: OriginMeta, Title: OriginMeta, Source: OriginMeta, URL: OriginMeta}}
	m, changed := MergeArticles(txt, page)
	if !changed || m.ID != "a" || m.Size != 10 || m.Title != "Headline" || m.URL != page.URL || !m.Date.Equal(page.Date) || m.Origins != page.Origins {
		t.Errorf("the page's metadata over the text file's: %+v, %v", m, changed)
	}
	if back, changed := MergeArticles(m, txt); changed || back.Title != m.Title || !back.Date.Equal(m.Date) {
		t.Errorf("the text file's defaults replaced the page's metadata: %+v", back)
	}
	dated := txt
	dated.Date, dated.Origins.Date = day("2025-03-03"), OriginText
	if m2, changed := MergeArticles(page, dated); changed || !m2.Date.Equal(page.Date) {
		t.Errorf("a dateline replaced the page's date: %+v", m2)
	}
	given := Article{Date: day("2024-01-01"), Title: "Right title", Origins: Origins{Date: OriginGiven, Title: OriginGiven}}
	m3, changed := MergeArticles(m, given)
	if !changed || m3.Title != "Right title" || !m3.Date.Equal(given.Date) || m3.Source != "Geokg Wire" {
		t.Errorf("--date and --title did not correct: %+v", m3)
	}
	if _, changed := MergeArticles(m3, given); changed {
		t.Error("the same correction again changed something")
	}
	old := Article{ID: "o", Date: day("2020-01-01")} // stored before origins
	if m4, changed := MergeArticles(old, txt); changed || !m4.Date.Equal(old.Date) {
		t.Errorf("a default replaced an older store's date: %+v", m4)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil || back.Origins != m.Origins {
		t.Errorf("origins through JSON (%s): %+v, %v", b, back.Origins, err)
	}
}
