package extract

// This file reads an appeal to the world at large to recognise an actor:
// "Erdogan urged the world to recognise the Turkish Republic of Northern
// Cyprus", "called on the international community to recognise ...". No
// state asks every other state to recognise what it does not recognise
// itself: the one who appeals recognises it (relations round 20). An
// appeal to a named government or to one's own ("urged President Trump to
// recognise Somaliland", "a motion urging the government to recognise
// ...") tells nothing of the appealer's own recognition, and "not to
// recognise" is none.

// appealWindow is how many words the addressee of an appeal may take
// between the verb and "to": "called on the international community on
// Tuesday to".
const appealWindow = 8

// worldAppeal reads the recognition verb at i as what an appeal to the
// world at large asks for (appealVerb); the appeal's subject recognises the
// verb's object. It reports whether the verb was read so.
func (sc *scope) worldAppeal(i int) bool {
	if i-2 <= sc.s.from || sc.toks[i-1].low != "to" {
		return false
	}
	v, ok := sc.appealVerb(i - 1)
	if !ok {
		return false
	}
	x := sc.verbSubject(v)
	if x == nil || sc.negated(sc.window(x, v), v, false) {
		return true
	}
	sc.recognizesObject(x, i)
	return true
}

// appealVerb finds the verb of appealing (data/lexicon.txt, appeal-verb:
// "urged", "pressed"; appeal-call before "on", "upon" or "for": "called
// on", "appealed to") before the "to" at k, past an addressee that names
// the world at large: an appeal-addressee noun ("the world", "the
// international community", "other states", "the Turkic states") with
// determiners, adjectives, prepositions of time and no actor but a
// demonym. It reports false for any other addressee and for "not to".
func (sc *scope) appealVerb(k int) (int, bool) {
	l := sc.x.lex.words
	addressee := false
	for j := k - 1; j > sc.s.from && j >= k-appealWindow; j-- {
		t := &sc.toks[j]
		if mi, ok := sc.endAt(j); ok {
			if !sc.ms[mi].adj {
				return 0, false // "urged President Trump to", "urged the United States to"
			}
			j = sc.ms[mi].from
			continue
		}
		switch {
		case l["appeal-verb"][t.low]:
			return j, addressee
		case (t.low == "on" || t.low == "upon" || t.low == "for" || t.low == "to") && l["appeal-call"][sc.toks[j-1].low]:
			return j - 1, addressee
		case l["appeal-addressee"][t.low]:
			addressee = true
		case !t.word || t.is(cNegator|cClauseBreak|cAux|cBe|cTrigger|cReporting):
			return 0, false
		}
	}
	return 0, false
}
