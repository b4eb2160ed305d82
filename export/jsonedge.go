package export

import (
	"strconv"
	"time"
	"unicode/utf8"

	"geokg/graph"
)

// appendEdge appends to b the bytes encoding/json writes for toEdge(e)
// (compact, without HTML escaping; as jsonWriter.value writes it), without
// building the jsonEdge or reflecting over it: exports write every edge
// with all its evidence, and the encoder was about a third of the writer's
// CPU. TestAppendEdgeAsEncodingJSON holds the two to the same bytes.
func appendEdge(b []byte, e graph.Edge) []byte {
	b = append(b, `{"source":`...)
	b = appendJSONString(b, string(e.Source))
	b = append(b, `,"target":`...)
	b = appendJSONString(b, string(e.Target))
	b = append(b, `,"relation":`...)
	b = appendJSONString(b, string(e.Relation))
	b = append(b, `,"articles":`...)
	b = strconv.AppendInt(b, int64(e.Articles), 10)
	b = append(b, `,"mentions":`...)
	b = strconv.AppendInt(b, int64(e.Mentions), 10)
	b = appendDateField(b, `,"first_seen":`, e.FirstSeen)
	b = appendDateField(b, `,"last_seen":`, e.LastSeen)
	b = append(b, `,"evidence":[`...)
	for i, m := range e.Evidence {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendMention(b, m)
	}
	return append(b, "]}"...)
}

// appendMention appends the bytes encoding/json writes for m as a
// jsonMention (toMentions).
func appendMention(b []byte, m graph.Mention) []byte {
	b = append(b, `{"article":`...)
	b = appendJSONString(b, m.Article)
	b = append(b, `,"sentence":`...)
	b = appendJSONString(b, m.Sentence)
	b = appendDateField(b, `,"date":`, m.Date)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(m.Status))
	b = appendStringField(b, `,"claimed_by":`, string(m.ClaimedBy))
	b = appendStringField(b, `,"disputed_by":`, string(m.DisputedBy))
	b = appendStringField(b, `,"trigger":`, m.Trigger)
	return append(b, '}')
}

// appendStringField appends name and s, unless s is empty (omitempty).
func appendStringField(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, name...), s)
}

// appendDateField appends name and t as graph.FormatDate writes it,
// unless t is zero (FormatDate's empty string, omitted).
func appendDateField(b []byte, name string, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	// digits and '-' only: nothing to escape
	b = append(append(b, name...), '"')
	return append(appendDate(b, t), '"') // view.go's: 4.3% of the CPU of an export of all evidence through AppendFormat
}

// jsonPlain says which bytes appendJSONString copies as they are: ASCII
// but the control characters, '"' and '\\'. One lookup a byte instead of
// four comparisons (the sentences are most of an export's bytes).
var jsonPlain = func() (plain [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
	}
	return plain
}()

// appendJSONString appends s as encoding/json writes a string without
// HTML escaping: quoted; '"', '\\' and the control characters escaped
// (\b, \f, \n, \r, \t by name, the others as \u00XX); each byte of
// invalid UTF-8 as \ufffd; U+2028 and U+2029 as \u2028 and \u2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
