package input

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxHTMLDepth is how deeply parseHTML nests elements. Deeper start tags
// are dropped (their text is kept, in the deepest element), so that a page
// nested 100,000 levels deep costs no more than a normal one.
const MaxHTMLDepth = 256

// MaxHTMLElements is how many elements parseHTML builds. Past it, start
// tags are dropped and their text kept in the current element: the
// readability pass costs about a second per 30,000 elements, and a large
// real page has a few thousand.
const MaxHTMLElements = 60_000

// pageMeta is what the page's markup says about the article, beyond what
// readability finds: its URL and a publication date.
type pageMeta struct {
	url  string // <link rel=canonical>, else og:url
	date string // a date meta tag or <time pubdate>, as written
}

// treeBuilder turns tokens into a DOM tree in one linear pass. It is not
// the HTML5 tree-construction algorithm (golang.org/x/net/html.Parse is
// quadratic on deeply nested pages and can multiply formatting elements):
// it nests elements as the tags say, closes the common implied end tags
// (p, li, dt, dd, tr, td, th, option, headings), caps the depth at
// MaxHTMLDepth, and drops scripts (except JSON-LD metadata), styles and
// comments. Every step is bounded by the depth, so the cost is linear.
type treeBuilder struct {
	doc, html, head, body *html.Node
	stack                 []*html.Node   // open elements; stack[0] is head or body
	dropped               map[string]int // start tags dropped at MaxHTMLDepth, by name
	opened                map[string]int // open elements in stack[1:], by name
	elements              int            // elements built
	inBody                bool
	meta                  pageMeta
	canonical, ogURL      string
}

// parseHTML builds the DOM tree of page and collects its metadata.
func parseHTML(page io.Reader) (*html.Node, pageMeta) {
	b := newTreeBuilder()
	z := html.NewTokenizer(page)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			b.text(tok.Data)
		case html.StartTagToken:
			if tok.Data == "script" || tok.Data == "style" {
				b.raw(tok, z)
			} else {
				b.start(tok, false)
			}
		case html.SelfClosingTagToken:
			if tok.Data == "script" || tok.Data == "style" {
				b.raw(tok, z) // "<script/>" opens a script in HTML
			} else {
				b.start(tok, true)
			}
		case html.EndTagToken:
			b.end(tok.Data)
		}
	}
	b.meta.url = firstNonEmpty(b.canonical, b.ogURL)
	return b.doc, b.meta
}

func newTreeBuilder() *treeBuilder {
	b := &treeBuilder{
		doc:     &html.Node{Type: html.DocumentNode},
		html:    element("html", nil),
		head:    element("head", nil),
		body:    element("body", nil),
		dropped: map[string]int{},
		opened:  map[string]int{},
	}
	b.doc.AppendChild(b.html)
	b.html.AppendChild(b.head)
	b.html.AppendChild(b.body)
	b.stack = []*html.Node{b.head}
	return b
}

func element(name string, attr []html.Attribute) *html.Node {
	return &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name)), Attr: attr}
}

// raw consumes a script or style element, keeping only JSON-LD scripts
// (readability reads the article's metadata from them). Nothing is run.
func (b *treeBuilder) raw(tok html.Token, z *html.Tokenizer) {
	keep := tok.Data == "script" && strings.EqualFold(strings.TrimSpace(attr(tok.Attr, "type")), "application/ld+json")
	if keep {
		b.start(tok, false)
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.TextToken:
			if keep {
				b.text(string(z.Text()))
			}
		case html.EndTagToken:
			if keep {
				b.end(tok.Data)
			}
			return
		}
	}
}

func (b *treeBuilder) current() *html.Node { return b.stack[len(b.stack)-1] }

// headOnly lists the elements that stay in <head> when they come before
// any body content.
var headOnly = map[string]bool{"title": true, "meta": true, "link": true, "base": true, "script": true, "style": true, "noscript": true}

// voidElements never have content or an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"keygen": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

func (b *treeBuilder) enterBody() {
	if !b.inBody {
		b.inBody = true
		b.popTo(1)
		b.stack[0] = b.body
	}
}

func (b *treeBuilder) text(s string) {
	if !b.inBody && strings.TrimSpace(s) == "" {
		return
	}
	if !b.inBody && b.current() == b.head {
		b.enterBody()
	}
	cur := b.current()
	if last := cur.LastChild; last != nil && last.Type == html.TextNode {
		last.Data += s
		return
	}
	cur.AppendChild(&html.Node{Type: html.TextNode, Data: s})
}

func (b *treeBuilder) start(tok html.Token, selfClosing bool) {
	name := tok.Data
	b.noteMeta(name, tok.Attr)
	switch name {
	case "html":
		b.html.Attr = mergeAttr(b.html.Attr, tok.Attr)
		return
	case "head":
		return
	case "body":
		b.body.Attr = mergeAttr(b.body.Attr, tok.Attr)
		b.enterBody()
		return
	}
	if !b.inBody && !headOnly[name] {
		b.enterBody()
	}
	if b.inBody {
		b.closeImplied(name)
	}
	n := element(name, tok.Attr)
	if selfClosing || voidElements[name] {
		if b.elements < MaxHTMLElements {
			b.elements++
			b.current().AppendChild(n)
		}
		return
	}
	if len(b.stack) >= MaxHTMLDepth || b.elements >= MaxHTMLElements {
		b.dropped[name]++
		return
	}
	b.elements++
	b.current().AppendChild(n)
	b.stack = append(b.stack, n)
	b.opened[name]++
}

// popTo closes the open elements from stack index i up.
func (b *treeBuilder) popTo(i int) {
	for _, n := range b.stack[i:] {
		b.opened[n.Data]--
	}
	b.stack = b.stack[:i]
}

func (b *treeBuilder) end(name string) {
	if b.dropped[name] > 0 {
		b.dropped[name]--
		return
	}
	if b.opened[name] == 0 {
		return
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].Data == name {
			b.popTo(i)
			return
		}
	}
}

// closesP lists the start tags that close an open <p>.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "details": true,
	"dialog": true, "div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "main": true, "menu": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "table": true, "ul": true, "li": true, "dd": true, "dt": true,
}

// implied maps a start tag to the open elements it closes, and the
// elements that shield them (an <li> closes an open <li> of the same list,
// not of an outer one).
var implied = map[string]struct{ closes, stops []string }{
	"li":     {[]string{"li"}, []string{"ul", "ol", "menu"}},
	"dt":     {[]string{"dt", "dd"}, []string{"dl"}},
	"dd":     {[]string{"dt", "dd"}, []string{"dl"}},
	"tr":     {[]string{"tr", "td", "th"}, []string{"table", "tbody", "thead", "tfoot"}},
	"td":     {[]string{"td", "th"}, []string{"tr", "table"}},
	"th":     {[]string{"td", "th"}, []string{"tr", "table"}},
	"option": {[]string{"option"}, []string{"select", "datalist"}},
	"a":      {[]string{"a"}, nil},
	"h1":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
	"h2":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
	"h3":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
	"h4":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
	"h5":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
	"h6":     {[]string{"h1", "h2", "h3", "h4", "h5", "h6"}, nil},
}

// closeImplied closes the elements that a start tag name ends without an
// end tag. Headings only close a heading that is the current element.
func (b *treeBuilder) closeImplied(name string) {
	if closesP[name] {
		if i := b.openUntil([]string{"p"}, pScope); i > 0 {
			b.popTo(i)
		}
	}
	rule, ok := implied[name]
	if !ok {
		return
	}
	if strings.HasPrefix(name, "h") && name != "hr" {
		if top := b.current().Data; len(top) == 2 && top[0] == 'h' && top[1] >= '1' && top[1] <= '6' {
			b.popTo(len(b.stack) - 1)
		}
		return
	}
	stops := map[string]bool{}
	for _, s := range rule.stops {
		stops[s] = true
	}
	if i := b.openUntil(rule.closes, stops); i > 0 {
		b.popTo(i)
	}
}

// pScope lists the elements a <p> does not get closed across.
var pScope = map[string]bool{"table": true, "td": true, "th": true, "caption": true, "button": true, "object": true, "template": true}

// openUntil returns the stack index of the innermost open element whose
// name is in names, searching down to the first element in stops; 0 if
// there is none.
func (b *treeBuilder) openUntil(names []string, stops map[string]bool) int {
	n := 0
	for _, name := range names {
		n += b.opened[name]
	}
	if n == 0 {
		return 0
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		d := b.stack[i].Data
		for _, n := range names {
			if d == n {
				return i
			}
		}
		if stops[d] {
			return 0
		}
	}
	return 0
}

// dateMetaNames are meta names and itemprops that hold a publication date
// and that readability does not read itself.
var dateMetaNames = map[string]bool{
	"date": true, "pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"publication_date": true, "dc.date": true, "dc.date.issued": true, "dcterms.date": true,
	"sailthru.date": true, "article.published": true, "citation_publication_date": true,
	"datepublished": true, "og:published_time": true,
}

// noteMeta records the page's URL and date from the tag, first one wins.
func (b *treeBuilder) noteMeta(name string, attrs []html.Attribute) {
	switch name {
	case "link":
		if b.canonical == "" && hasToken(attr(attrs, "rel"), "canonical") {
			b.canonical = absoluteURL(attr(attrs, "href"))
		}
	case "meta":
		key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(attrs, "property"), attr(attrs, "name"), attr(attrs, "itemprop"))))
		content := strings.TrimSpace(attr(attrs, "content"))
		switch {
		case key == "og:url" && b.ogURL == "":
			b.ogURL = absoluteURL(content)
		case dateMetaNames[key] && b.meta.date == "":
			b.meta.date = content
		}
	case "time":
		_, pub := attrValue(attrs, "pubdate")
		if b.meta.date == "" && (pub || strings.EqualFold(attr(attrs, "itemprop"), "datePublished")) {
			b.meta.date = strings.TrimSpace(attr(attrs, "datetime"))
		}
	}
}

func attrValue(attrs []html.Attribute, key string) (string, bool) {
	for _, a := range attrs {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(attrs []html.Attribute, key string) string {
	v, _ := attrValue(attrs, key)
	return v
}

// mergeAttr adds the attributes of more that old does not have yet.
func mergeAttr(old, more []html.Attribute) []html.Attribute {
	for _, a := range more {
		if _, ok := attrValue(old, a.Key); !ok {
			old = append(old, a)
		}
	}
	return old
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
