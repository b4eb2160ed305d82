package store

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"geokg/graph"
)

// firstMentions returns the first limit (> 0) mentions of edge k in
// graph.CompareMentions order, decoding only those.
//
// Within one edge that order is (date, article, n): the date decides
// first, then the article id; and the mentions of one article are numbered
// n in CompareMentions order when they are stored (see prepare). The date
// is read straight from the JSON value: "date" is written before
// "sentence" and the fields before it hold ids and relation names, which
// never contain a quote, so the first `"date":"` is the field. A query
// that shows one sentence per edge thus decodes one mention per edge
// instead of all of them.
func firstMentions(ctx context.Context, txn *badger.Txn, k graph.EdgeKey, limit int) ([]graph.Mention, error) {
	type pick struct {
		date    time.Time
		article string
		n       int
		value   []byte
	}
	var best []pick // sorted, at most limit
	less := func(a, b pick) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.article, b.article), cmp.Compare(a.n, b.n))
	}
	err := eachValue(ctx, txn, evidencePrefix(k), func(key, v []byte) error {
		_, article, n, err := parseMentionKey(key)
		if err != nil {
			return err
		}
		p := pick{date: jsonDate(v), article: article, n: n}
		if len(best) == limit && less(p, best[limit-1]) >= 0 {
			return nil
		}
		p.value = slices.Clone(v)
		i, _ := slices.BinarySearchFunc(best, p, less)
		best = slices.Insert(best, i, p)
		if len(best) > limit {
			best = best[:limit]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var ms []graph.Mention
	for _, p := range best {
		m, err := decodeMention(p.value)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}

var dateField = []byte(`"date":"`)

// jsonDate reads the "date" field of a mention's JSON, or returns the zero
// time when there is none (a zero date is omitted) or it does not parse.
func jsonDate(v []byte) time.Time {
	i := bytes.Index(v, dateField)
	if i < 0 {
		return time.Time{}
	}
	rest := v[i+len(dateField):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, string(rest[:end]))
	if err != nil {
		return time.Time{}
	}
	return t
}
