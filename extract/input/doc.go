// Package input turns raw bytes from files and standard input into the
// article text that geokg extracts from and stores.
//
// It checks that the bytes are text (not empty, not binary, valid UTF-8 or
// UTF-16 with a byte-order mark, within a size limit), finds the input
// files under a folder, and derives an article's id and default title.
//
// # Formats
//
// FormatOf picks a file's Format from its extension: plain text (.txt,
// .md), web pages (.html, .htm: HTML finds the main text with
// go-readability and reads the title, date and URL from the page's
// metadata) and JSON Lines (.jsonl, .ndjson: JSONL reads one article per
// line). Open and ReadFile decompress ".gz" files, and size limits apply to
// the decompressed bytes.
//
// HTML pages are parsed by a linear tree builder of this package, not by
// the HTML5 algorithm, whose cost grows with the square of the nesting
// depth: elements nest at most MaxHTMLDepth deep and a page has at most
// MaxHTMLElements, so no page can make parsing hang.
//
// # Line endings
//
// Text keeps CRLF line endings as they are: mention offsets point into the
// exact text that was extracted from. ArticleID hashes the text's
// NormalText (white space, Markdown marks and typography folded), so the
// same story saved with Windows or Unix line endings, hard-wrapped, as a
// web page or in a JSON line gets the same id and is stored once;
// LegacyArticleID is the id older geokg versions gave it.
//
// # Dates
//
// Dateline finds the date of a dated dateline or byline near the start of
// a text ("VIENNA, 3 March 2025 (Reuters) -", "Published 2025-03-03"), for
// articles whose input gives no date.
//
// # Usage
//
//	err := input.Walk(root, func(path string, err error) error {
//		if err != nil {
//			return report(err) // path could not be read; keep walking
//		}
//		data, info, err := input.ReadFile(path, input.DefaultMaxSize)
//		...
//		text, err := input.Text(path, data, input.DefaultMaxSize)
//		...
//	})
package input
