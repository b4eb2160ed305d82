package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"geokg/graph"
)

// TestExtractContext: a done context stops extraction between sentences,
// and MaxMentions stops it as soon as an article gives more; both return
// an empty Result and leave the extractor fit for the next article.
func TestExtractContext(t *testing.T) {
	text := strings.Repeat("Iran supplied drones to Russia. Belarus and Russia are allies. ", 100)
	art := graph.Article{ID: "x"}
	x := New(Options{MaxMentions: 50})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := x.ExtractContext(ctx, art, text); !errors.Is(err, context.Canceled) || len(res.Mentions) != 0 {
		t.Errorf("cancelled: %d mentions, %v; want none and context.Canceled", len(res.Mentions), err)
	}
	if res, err := x.ExtractContext(context.Background(), art, text); !errors.Is(err, ErrTooManyMentions) || len(res.Mentions) != 0 {
		t.Errorf("200 relations with MaxMentions 50: %d mentions, %v; want none and ErrTooManyMentions", len(res.Mentions), err)
	} else if !strings.Contains(err.Error(), "stopped at sentence 52 of 200") {
		t.Errorf("error %q: want it to say it stopped right after the 50th relation", err)
	}
	short := "Iran supplied drones to Russia."
	res, err := x.ExtractContext(context.Background(), art, short)
	if want := New(Options{}).Extract(art, short); err != nil || len(res.Mentions) != 1 || len(want.Mentions) != 1 {
		t.Errorf("after the failures: %d mentions, %v; want the 1 of a fresh extractor", len(res.Mentions), err)
	}
}
