package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"geokg/graph"
)

// ArticleDoc is one stored article as "geokg article" shows it: its
// metadata, the actors it names and the relations found in it.
type ArticleDoc struct {
	Article  graph.Article
	Mentions []graph.Mention // its evidence, any order
	// Actors holds the actors the article and its mentions name, by id;
	// an id missing here is shown as it is.
	Actors map[graph.ActorID]graph.Actor
}

// jsonArticle is ArticleJSON's document.
type jsonArticle struct {
	ID        string             `json:"id"`
	Title     string             `json:"title,omitempty"`
	Date      string             `json:"date,omitempty"`
	Source    string             `json:"source,omitempty"`
	URL       string             `json:"url,omitempty"`
	Size      int                `json:"size"`
	Actors    []jsonNode         `json:"actors"`
	Relations []jsonArticleEntry `json:"relations"`
}

// jsonArticleEntry is one mention of an article: the edge it shows and
// its evidence.
type jsonArticleEntry struct {
	Source   string `json:"source"`
	Relation string `json:"relation"`
	Target   string `json:"target"`
	jsonMention
}

// ArticleJSON writes d as {"id", "title", "date", "source", "url",
// "size", "actors": [nodes], "relations": [{"source", "relation",
// "target", and the evidence fields of JSON}]}, relations in the order of
// the article's sentences.
func ArticleJSON(w io.Writer, d ArticleDoc) error {
	a := d.Article
	doc := jsonArticle{ID: a.ID, Title: a.Title, Date: graph.FormatDate(a.Date), Source: a.Source, URL: a.URL, Size: a.Size,
		Actors: []jsonNode{}, Relations: []jsonArticleEntry{}}
	for _, id := range a.Actors {
		doc.Actors = append(doc.Actors, toNode(d.actor(id)))
	}
	for _, m := range d.sorted() {
		doc.Relations = append(doc.Relations, jsonArticleEntry{Source: string(m.Source), Relation: string(m.Relation),
			Target: string(m.Target), jsonMention: toMentions([]graph.Mention{m})[0]})
	}
	jw := newJSONWriter(w)
	jw.value(doc)
	jw.raw("\n")
	if err := jw.flush(); err != nil {
		return fmt.Errorf("export: article json: %w", err)
	}
	return nil
}

// ArticleTable writes d as text: the id, title, date, source, URL, size
// and named actors, one per line, then one aligned row per relation found
// (source, relation, target, and the sentence after its status, whole), or
// a line saying none was.
func ArticleTable(w io.Writer, d ArticleDoc) error {
	a := d.Article
	names := make([]string, len(a.Actors))
	for i, id := range a.Actors {
		names[i] = displayName(d.actor(id))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range [][2]string{
		{"ID", a.ID}, {"TITLE", clean(a.Title)}, {"DATE", orDash(graph.FormatDate(a.Date))}, {"SOURCE", orDash(clean(a.Source))},
		{"URL", orDash(clean(a.URL))}, {"SIZE", strconv.Itoa(a.Size) + " bytes"}, {"NAMES", orDash(strings.Join(names, ", "))},
	} {
		fmt.Fprintf(tw, "%s\t%s\n", f[0], f[1])
	}
	ms := d.sorted()
	if len(ms) == 0 {
		fmt.Fprintf(tw, "\nNo relation was found in it.\n")
	} else {
		fmt.Fprintf(tw, "\n%s\n\nSOURCE\tRELATION\tTARGET\tEVIDENCE\n", plural(len(ms), "relation"))
	}
	name := func(id graph.ActorID) string { return displayName(d.actor(id)) }
	for _, m := range ms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name(m.Source), clean(string(m.Relation)), name(m.Target), statusCell(m, name))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("export: article table: %w", err)
	}
	return nil
}

// actor is the actor with id, or a stub.
func (d ArticleDoc) actor(id graph.ActorID) graph.Actor {
	if a, ok := d.Actors[id]; ok {
		return a
	}
	return stub(id)
}

// sorted returns the mentions in the order of the article's text.
func (d ArticleDoc) sorted() []graph.Mention {
	ms := slices.Clone(d.Mentions)
	slices.SortFunc(ms, graph.CompareMentions)
	return ms
}

// orDash is s, or "-" when it is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
