package input_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"geokg/extract/input"
)

// page wraps head and body parts into a small news page.
func page(head, body string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head>\n<body>" + body + "</body></html>\n"
}

const (
	para1 = "Belarus agreed on Monday to supply grain to Venezuela, the two governments said in a joint statement issued after talks in Caracas that lasted most of the day."
	para2 = "Officials in Minsk described the shipments as part of a wider trade deal, and said the first cargo would leave within weeks if the weather held."
	para3 = "Observers noted that the agreement follows a series of similar arrangements between the two countries over the past decade."
)

var story = "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World desk</a></li></ul></nav>\n" +
	"<!-- Iran supplies drones to Russia (a comment) -->\n" +
	"<script>var note = 'Russia accuses Belarus';</script>\n" +
	"<article><h1>Minsk pledges grain to Caracas</h1><p>" + para1 + "</p>\n<p>" + para2 + "</p>\n<p>" + para3 + "</p></article>\n" +
	"<footer><p>Copyright The Daily Ledger. Subscribe to our newsletter.</p></footer>"

func TestHTML(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name   string
		data   string
		want   input.Article // Text: substrings that must be there, one per line
		absent []string      // must not be in the text
	}{
		{
			name: "news page",
			data: page(`<title>Minsk pledges grain to Caracas | The Daily Ledger</title>
<link rel="canonical" href="https://ledger.example/world/minsk-grain">
<meta property="og:site_name" content="The Daily Ledger"><meta name="date" content="2025-02-03">
<style>p { color: red }</style><script>alert("Iran accuses Israel")</script>`, story),
			want: input.Article{
				Text:  "Minsk pledges grain to Caracas\n\n" + para1 + "\n\n" + para2 + "\n\n" + para3,
				Title: "Minsk pledges grain to Caracas", Date: day("2025-02-03"),
				URL: "https://ledger.example/world/minsk-grain", Source: "The Daily Ledger",
			},
			absent: []string{"Home", "World desk", "comment", "Russia accuses", "Iran accuses", "color", "Subscribe"},
		},
		{
			name: "og url and published time in its own zone",
			data: page(`<meta property="og:title" content="Grain deal">
<meta property="og:url" content="https://ledger.example/a?id=7">
<link rel="canonical" href="/relative/is/ignored">
<meta property="article:published_time" content="2024-03-14T23:30:00-05:00">`, "<p>"+para1+"</p><p>"+para2+"</p>"),
			want: input.Article{Text: "Grain deal\n\n" + para1, Title: "Grain deal", Date: day("2024-03-14"), URL: "https://ledger.example/a?id=7"},
		},
		{
			name: "json-ld date, script kept only for metadata",
			data: page(`<title>Talks</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks in Caracas","datePublished":"2023-11-05T08:00:00Z"}</script>`,
				"<div><p>"+para2+"</p><p>"+para3+"</p></div>"),
			want:   input.Article{Text: "Talks in Caracas\n\n" + para2 + "\n\n" + para3, Title: "Talks in Caracas", Date: day("2023-11-05")},
			absent: []string{"schema.org", "datePublished"},
		},
		{
			name: "time pubdate",
			data: page("<title>Shipments</title>", "<article><time pubdate datetime=\"2022-07-01\">1 July</time><p>"+para1+"</p></article>"),
			want: input.Article{Text: "Shipments\n\n" + para1, Title: "Shipments", Date: day("2022-07-01")},
		},
		{
			name: "short headline, site name removed",
			data: page(`<title>Grain deal - Ledger</title><meta property="og:site_name" content="Ledger">`, "<p>"+para1+"</p>"),
			want: input.Article{Text: "Grain deal\n\n" + para1, Title: "Grain deal", Source: "Ledger"},
		},
		{
			name: "no metadata, headline already in the body",
			data: "<html><body><h1>Grain for Caracas</h1><p>" + para1 + "</p></body></html>",
			want: input.Article{Text: "Grain for Caracas\n\n" + para1},
		},
		{
			name:   "unclosed paragraphs and list items",
			data:   "<html><body><div><p>" + para1 + "<p>" + para2 + "<ul><li>first point<li>second point</ul><p>" + para3 + "</div>",
			want:   input.Article{Text: para1 + "\n\n" + para2 + "\n\nfirst point\nsecond point\n\n" + para3},
			absent: []string{para1 + " " + para2},
		},
		{
			name:   "a self-closed script runs to </script>, as in browsers",
			data:   "<html><body><script src=x.js /><p>" + para1 + "</p><script>var Russia = 'accuses';</script><p>" + para2 + "</p></body></html>",
			want:   input.Article{Text: para2},
			absent: []string{"var Russia", "Belarus agreed"},
		},
		{
			name: "entities",
			data: "<html><body><p>Paris &amp; Berlin said &#8220;no&#8221; to Moscow&nbsp;again. " + para1 + "</p></body></html>",
			want: input.Article{Text: "Paris & Berlin said “no” to Moscow\u00a0again."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := input.HTML("page.html", []byte(tt.data), 0)
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			for _, want := range strings.Split(tt.want.Text, "\n\n") {
				if !strings.Contains(got.Text, want) {
					t.Errorf("text lacks %q; got:\n%s", want, got.Text)
				}
			}
			if !strings.HasPrefix(got.Text, strings.SplitN(tt.want.Text, "\n", 2)[0]) {
				t.Errorf("text starts %q, want %q", firstLine(got.Text), firstLine(tt.want.Text))
			}
			if tt.want.Title != "" && strings.Count(got.Text, tt.want.Title) != 1 {
				t.Errorf("headline %q appears %d times in the text", tt.want.Title, strings.Count(got.Text, tt.want.Title))
			}
			for _, bad := range tt.absent {
				if strings.Contains(got.Text, bad) {
					t.Errorf("text has %q:\n%s", bad, got.Text)
				}
			}
			if got.Title != tt.want.Title || !got.Date.Equal(tt.want.Date) || got.URL != tt.want.URL || got.Source != tt.want.Source {
				t.Errorf("metadata = title %q date %v url %q source %q\nwant title %q date %v url %q source %q",
					got.Title, got.Date, got.URL, got.Source, tt.want.Title, tt.want.Date, tt.want.URL, tt.want.Source)
			}
		})
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func TestHTMLCharsets(t *testing.T) {
	long := strings.Repeat("<p>"+para1+"</p>\n", 10) // pushes the accented word past the first KB
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"declared latin-1", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 talks in Paris. " + para1 + "</p></body></html>"), "Café talks"},
		{"undeclared windows-1252", []byte("<html><body><p>\x93Caf\xe9\x94 talks. " + para1 + "</p></body></html>"), "“Café” talks"},
		{"undeclared utf-8 after the first KB", []byte("<html><body>" + long + "<p>Talks in Київ and Zürich.</p></body></html>"), "Talks in Київ and Zürich."},
		{"utf-16 with bom", utf16Bytes("<html><body><p>Talks in Київ. "+para1+"</p></body></html>", false), "Talks in Київ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := input.HTML("p.html", tt.data, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.Text, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, got.Text)
			}
		})
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		max     int
		wantErr error
		wantMsg string
	}{
		{"empty", "", 0, input.ErrEmpty, "p.html: empty"},
		{"white space", " \n\t", 0, input.ErrEmpty, "p.html: empty"},
		{"nul byte", "<html>\x00</html>", 0, input.ErrBinary, "p.html: binary data"},
		{"png", "\x89PNG\r\n\x1a\n", 0, input.ErrBinary, "binary"},
		{"over the limit", page("", "<p>"+para1+"</p>"), 100, input.ErrTooLarge, "p.html: larger than the 100 bytes limit"},
		{"no text", page("<title>Nothing here</title><script>var a = 'Iran supplies Russia';</script>", ""), 0, input.ErrEmpty, "p.html: no article text found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := input.HTML("p.html", []byte(tt.data), tt.max)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(fmt.Sprint(err), tt.wantMsg) {
				t.Errorf("HTML error = %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
			}
		})
	}
}

// TestHTMLHostile checks pages built to make parsers slow or crash: deep
// nesting of every kind of element, formatting elements that HTML5
// parsers reconstruct in every paragraph, and thousands of unclosed tags.
// Each must finish quickly and still give its text.
func TestHTMLHostile(t *testing.T) {
	const depth = 100_000
	var attack strings.Builder
	attack.WriteString("<div>")
	for i := range 10_000 {
		fmt.Fprintf(&attack, "<b id=%d>", i)
	}
	attack.WriteString("</div>")
	for range 2_000 {
		attack.WriteString("<p>x</p>")
	}
	tests := map[string]string{
		"formatting reconstruction": attack.String(),
		"unclosed li":               "<ul>" + strings.Repeat("<li>item ", depth),
		"stray end tags":            strings.Repeat("</p></div></td>", depth),
		"open comments":             "<p>" + strings.Repeat("<!--", depth),
	}
	tests["many elements"] = strings.Repeat("<p>x</p><img src=y>", input.MaxHTMLElements/2+100) + "<p>" + para1 + "</p>"
	// Text inside <select> and <svg> is not article text: only check that
	// these finish.
	for _, tag := range []string{"select", "svg"} {
		tests["nested "+tag] = "<html><body>" + strings.Repeat("<"+tag+">", depth) + strings.Repeat("</"+tag+">", depth) + "</body></html>"
	}
	for _, tag := range []string{"div", "span", "b", "a", "p", "li", "table", "td"} {
		tests["nested "+tag] = "<html><body>" + strings.Repeat("<"+tag+">", depth) + para1 + strings.Repeat("</"+tag+">", depth) + "</body></html>"
		tests["unclosed "+tag] = strings.Repeat("<"+tag+" class=x>", depth) + para1
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			a, err := input.HTML("deep.html", []byte(data), 0)
			// A hang, not speed: quadratic parsing takes many minutes here.
			if took := time.Since(start); took > 60*time.Second*slowdown {
				t.Errorf("took %v", took)
			}
			if err != nil && !errors.Is(err, input.ErrEmpty) && !errors.Is(err, input.ErrTooLarge) {
				t.Fatalf("HTML: %v", err)
			}
			if strings.Contains(data, para1) && !strings.Contains(oneSpace(a.Text), para1) {
				t.Errorf("text lost the paragraph: %.200q (err %v)", a.Text, err)
			}
		})
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-14", "2024-03-14"},
		{" 2024-03-14T10:00:00Z ", "2024-03-14"},
		{"2024-03-14T23:30:00-05:00", "2024-03-14"},
		{"2024-03-15T01:30:00+09:00", "2024-03-15"},
		{"2024-03-14T10:00:00.123Z", "2024-03-14"},
		{"2024-03-14 10:00:00", "2024-03-14"},
		{"Thu, 14 Mar 2024 10:00:00 GMT", "2024-03-14"},
		{"Thu, 14 Mar 2024 10:00:00 +0100", "2024-03-14"},
		{"March 14, 2024", "2024-03-14"},
		{"14 March 2024", "2024-03-14"},
		{"2024/03/14", "2024-03-14"},
	}
	for _, tt := range tests {
		got, err := input.ParseDate(tt.in)
		if err != nil || got.Format("2006-01-02") != tt.want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("ParseDate(%q) = %v, %v; want %s at midnight UTC", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2024-13-01", "14/03/2024", "2024-02-30"} {
		if got, err := input.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, got)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		page("<title>T</title>", story), "<p>" + para1, "<script>", "<script/>x", "<svg><p/>x</svg>",
		"<table><td><p>x</table>", "<b><div></b>x", "\xef\xbb\xbf<p>x</p>", "<meta charset=shift_jis><p>\x82\xa0</p>",
		"<time pubdate datetime='2024-99-99'>", "<html><html><body><body><p>x", "<!--", "<p>&#0;&#xD800;",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		a, err := input.HTML("fuzz.html", data, 0)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.html: ") {
				t.Fatalf("error %q does not start with the input name", err)
			}
			return
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" || strings.ContainsRune(a.Text, 0) {
			t.Fatalf("bad text %q", a.Text)
		}
		if strings.ContainsAny(a.Title, "\n\t") || strings.ContainsAny(a.Source, "\n\t") {
			t.Fatalf("title %q or source %q spans lines", a.Title, a.Source)
		}
		if !a.Date.IsZero() && (a.Date.Hour() != 0 || a.Date.Location() != time.UTC) {
			t.Fatalf("date %v is not midnight UTC", a.Date)
		}
		again, err := input.HTML("fuzz.html", data, 0)
		if err != nil || again != a || !bytes.Equal([]byte(again.Text), []byte(a.Text)) {
			t.Fatalf("not deterministic: %+v then %+v, %v", a, again, err)
		}
	})
}

// BenchmarkHTML reads a 60 KB news page: menus, a sidebar of links, 40
// paragraphs, comments and scripts.
func BenchmarkHTML(b *testing.B) {
	var p strings.Builder
	p.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Talks | Ledger</title><meta property="og:site_name" content="Ledger">`)
	p.WriteString(`<meta property="article:published_time" content="2024-06-02T10:00:00Z"><script>` + strings.Repeat("var x = 1;", 500) + `</script></head><body>`)
	p.WriteString(`<header><nav><ul>` + strings.Repeat(`<li><a href="/s">Section</a></li>`, 40) + `</ul></nav></header><main><article><h1>Talks</h1>`)
	for i := range 40 {
		fmt.Fprintf(&p, "<p>%s <a href=\"/n/%d\">more</a> %s</p>\n<!-- ad slot %d -->", para1, i, para2, i)
	}
	p.WriteString(`</article><aside>` + strings.Repeat(`<div class="promo"><a href="/x"><img src="a.jpg"> Read this</a></div>`, 60) + `</aside></main><footer>` + para3 + `</footer></body></html>`)
	data := []byte(p.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := input.HTML("bench.html", data, 0); err != nil {
			b.Fatal(err)
		}
	}
}
