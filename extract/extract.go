package extract

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"geokg/graph"
)

// Options configures an Extractor.
type Options struct {
	// Dictionary is the actor dictionary; nil means Builtin().
	Dictionary *Dictionary
	// Lexicon holds the trigger words and word classes; nil means the
	// built-in one (BuiltinLexicon), which a user's file is merged over.
	Lexicon *Lexicon
	// MaxMentions, if not 0, is the most relations one article may give:
	// ExtractContext stops as soon as it has found more (ErrTooManyMentions),
	// so a huge text of dense sentences costs little.
	MaxMentions int
	// Learned turns the learned component (learn.go) on or off;
	// LearnedDefault leaves it as the package ships it (DefaultLearned).
	Learned LearnedMode
	// Model replaces the embedded model of the learned component; nil
	// means BuiltinModel().
	Model *Model
}

// ErrTooManyMentions is wrapped by ExtractContext's error when an article
// gives more than Options.MaxMentions relations.
var ErrTooManyMentions = errors.New("too many relations in one article")

// Extractor finds relations in text. It is safe for concurrent use.
type Extractor struct {
	dict *Dictionary
	lex  *lexicon
	trie *trie
	// surnames maps the surname of a dictionary person to the state that
	// person speaks for, for "the Modi government" (only there: a bare
	// surname is too ambiguous to be an actor by itself).
	surnames map[string]graph.ActorID
	// actors holds each dictionary actor by id, so the hot path reads its
	// type and affiliation without copying the entry's names (their
	// Aliases are the dictionary's: read only); byID finds them faster,
	// with their rank in id order (actorindex.go), for the hot path.
	actors map[graph.ActorID]*graph.Actor
	byID   actorIndex
	// maxMentions is Options.MaxMentions.
	maxMentions int
	// classed holds the lexicon's actor classes of the dictionary actors
	// that have some, by actor (classedActors)
	classed map[*graph.Actor][]string
	// classedIDs holds the ids of the actors of classed, so that most
	// actors, which have no class, are told without a lookup
	classedIDs idFilter
	// panels is the lexicon's actor class "panel" (selfRelated): a few
	// ids, which isPanel compares faster than a map finds them
	panels []graph.ActorID
	// model is the learned component's model, nil when it is off;
	// collect, when set, gathers its candidates instead (Candidates).
	model   *Model
	collect *candidateCollector
	// seats holds the capitals the dictionary writes in capitals only
	// ("capital:GEORGETOWN"), for seatNamed, and seatWord marks their
	// word ids
	seats    []seatRef
	seatWord []bool
}

// New returns an Extractor over the given dictionary.
func New(opts Options) *Extractor {
	builds.extractor.Add(1)
	d := opts.Dictionary
	if d == nil {
		d = Builtin()
	}
	lex := builtinLex() // compiled once per process
	if opts.Lexicon != nil && !opts.Lexicon.isBuiltin() {
		lex = opts.Lexicon.compile()
	}
	x := &Extractor{dict: d, lex: lex, actors: make(map[graph.ActorID]*graph.Actor, d.Len()), maxMentions: opts.MaxMentions}
	all := readyActors(d) // the built-in dictionary's, in the binary
	if all == nil {
		all = make([]graph.Actor, 0, d.Len()) // one allocation for every actor
		for en := range d.all() {
			all = append(all, en.Actor)
		}
	}
	affiliated := 0 // about one surname each (its form without "al-" is rarely another): the map made at that size
	for i := range all {
		if all[i].Type == graph.Person && all[i].Affiliation != "" {
			affiliated++
		}
	}
	x.surnames = make(map[string]graph.ActorID, affiliated)
	for i := range all {
		a := &all[i]
		x.actors[a.ID] = a
		if a.Type != graph.Person || a.Affiliation == "" {
			continue
		}
		last := lastWord(a.Name)
		if last == a.Name {
			continue
		}
		for _, s := range []string{last, lex.stripArticle(last)} {
			if prev, ok := x.surnames[s]; ok && prev != a.Affiliation {
				x.surnames[s] = "" // two states share the surname: ambiguous
				continue
			}
			x.surnames[s] = a.Affiliation
		}
	}
	byID := make([]*graph.Actor, 0, len(x.actors))
	for i := range all {
		if a := &all[i]; x.actors[a.ID] == a { // the last of an id, as in actors
			byID = append(byID, a)
		}
	}
	x.byID = newActorIndex(byID)
	if d.ready {
		x.trie = readyTrie(lex)
	} else {
		x.trie = buildTrie(d, lex, x.actors)
	}
	x.setClasses(lex)
	x.seats, x.seatWord = capsSeats(x.trie, &x.byID)
	x.model = opts.model()
	return x
}

// setClasses sets classed, classedIDs and panels from the actor classes
// of lex.
func (x *Extractor) setClasses(lex *lexicon) {
	x.classed = classedActors(lex, x.actors)
	for a := range x.classed {
		x.classedIDs.add(a.ID)
	}
	x.panels = slices.Sorted(maps.Keys(lex.actors["panel"]))
}

// lastWord returns the last word of name, which has no white space at
// either end (normalizeEntry trims it): name itself when it is one word.
func lastWord(name string) string {
	i := strings.LastIndexFunc(name, unicode.IsSpace)
	if i < 0 {
		return name
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	return name[i+size:]
}

// Result is what Extract finds in one article.
type Result struct {
	// Actors holds every actor the mentions reference, with the actors they
	// speak for and persons first met in this text.
	Actors []graph.Actor
	// Mentions holds the evidence, sorted with graph.CompareMentions.
	Mentions []graph.Mention
	// Named lists, sorted, every actor the text names by a name of the
	// dictionary or a title, in a relation or not (pronouns and "the
	// minister" are not names).
	Named []graph.ActorID
}

// AtStateLevel returns the mentions with each end replaced by the actor
// it speaks for at the end of its affiliations (graph.Roots): an official
// by the state, as a state-level score counts them. The mentions of r are
// not changed.
func (r Result) AtStateLevel() []graph.Mention {
	roots := graph.Roots(r.Actors)
	out := slices.Clone(r.Mentions)
	for i := range out {
		if s, ok := roots[out[i].Source]; ok {
			out[i].Source = s
		}
		if t, ok := roots[out[i].Target]; ok {
			out[i].Target = t
		}
	}
	return out
}

// articleState carries what coreference needs from sentence to sentence.
type articleState struct {
	surnames    map[string]graph.ActorID
	surnameBits uint64 // the bits of the surnames (maybeSurname)
	newPersons  map[graph.ActorID]graph.Actor
	lastPerson  graph.ActorID
	lastSubject []graph.ActorID // the last non-person subject (a group)
	// lastSubjectAt is the sentence (sentences) lastSubject was named in
	lastSubjectAt int
	lastState     graph.ActorID // the last state in subject position
	// day is the article's date in days since 1970 (0: undated), for titles
	day int32
	// dateline is the state of the article's dateline, once datelineSeen
	dateline     graph.ActorID
	datelineSeen bool
	// author is the state an opinion piece's author speaks for, from its
	// closing line ("NAME is Minister of ... of STATE."), once authorSeen
	author      graph.ActorID
	authorSeen  bool
	lastGroup   []graph.ActorID // the last group of two or more
	lastGroupAt int             // the sentence (sentences) lastGroup was named in
	// noParen holds the tokens [from, to) of the sentence being read when
	// its text has no "(": no abbreviation in brackets follows a name
	// there (mentionAt asks introducedGroup only at a word in capitals)
	noParen [2]int
	// accusers records who accused whom, newest last, for denials that do
	// not name the accuser.
	accusers []accusation
	// said holds who said something about whom, newest last, for a
	// denial of "the claim" that answers a claim with no charging word
	// (answers.go)
	said []saying
	// docBy wrote the last letter or statement the article introduced,
	// in sentence docAt, for "The letter said ..." (documents.go)
	docBy  graph.ActorID
	docAt  int
	events int // numbers accusations made by one trigger together
	// reportBy spoke through the article's last report ("X said in a
	// report"; "" when no actor did: "a monitoring team said in its
	// report"), once reportSeen, for "rejected the findings"
	reportBy   graph.ActorID
	reportSeen bool
	// lastSupplier is the source of the last supply found, for "the
	// transfer" or "the deliveries" named again later.
	lastSupplier graph.ActorID
	// lastRecipient is the target of the last supply found, for "the
	// army" or "the junta" receiving more later.
	lastRecipient graph.ActorID
	// recipient is the last state or group a supply went to (or, with no
	// supplier named, was meant for: "donors pledged aid for Sudan"), in
	// sentence recipientAt, for the donors of a list told over several
	// sentences ("France pledged 110 million euros").
	recipient   graph.ActorID
	recipientAt int
	// mixedRecipients: a second recipient was noted (setRecipient)
	mixedRecipients bool
	// needy is the state whose forces open sentence needyAt as its
	// subject ("Haiti's national police have long been outgunned"), the
	// recipient a supply in the next sentence with none of its own takes
	// (supplyctx.go forcesTopic).
	needy   graph.ActorID
	needyAt int
	// lastGroupActor is the last armed group named and groupCounts how
	// often each was, for "the group".
	lastGroupActor graph.ActorID
	groupCounts    idCounts
	// apposedGroup was called a group in an apposition ("the TTP, a
	// separate militant group") in sentence apposedGroupAt, for "the
	// group" in the next
	apposedGroup   graph.ActorID
	apposedGroupAt int
	stateCounts    idCounts // how often each state was named, for "the military"
	// armyOwner is the last state whose armed forces were named with it
	// ("Sudan's army", "the Sudanese Armed Forces"), for "the army";
	// juntaOwner and ministryOwner likewise for "the junta", "the ministry"
	armyOwner, juntaOwner, ministryOwner, governmentOwner graph.ActorID
	// headOwner holds, for a plural noun of people (class owned-head), the
	// state last named on it ("27 U.S. lawmakers"), for "the lawmakers"
	headOwner map[string]graph.ActorID
	// titleHolder holds, for a person-title word, the last person the
	// article introduced with it ("Tom Andrews, the U.N. special
	// rapporteur"), for "the rapporteur" later
	titleHolder map[string]graph.ActorID
	// lastBody holds the last actor named of each actor class of the
	// lexicon, for "the alliance" and "the union"
	lastBody map[string]graph.ActorID
	// lastActor did the last hostile act told, in sentence lastActAt
	// (sentences counts the article's sentences), for "the test"
	lastActor            graph.ActorID
	lastActAt, sentences int
	// leadActor did the first act the article named by a noun, leadAct
	// ("Israeli strikes knock Damascus airport out" in the headline): "the
	// strikes" far down the story are still that act
	leadActor graph.ActorID
	leadAct   string
	// groups holds every group of two or more actors, oldest first, for
	// "the three countries".
	groups [][]graph.ActorID
	// lastRecognized holds the actors of the last recognition, in sentence
	// lastRecognizedAt, for "Sweden did so in 2014"
	lastRecognized   []graph.ActorID
	lastRecognizedAt int
	// lastRels holds the relations of sentence lastRelsAt, for a pro-verb
	// opening the next ("Benin followed suit": ellipsis.go)
	lastRels   []graph.Mention
	lastRelsAt int
	// examples holds the actors the next sentence lists as examples of a
	// plural of this one ("Among them are A and B": examples.go)
	examples []graph.ActorID
	// newState declared or gained independence in sentence newStateAt,
	// for "recognised the new state" after it
	newState   graph.ActorID
	newStateAt int
	// lastPact holds the parties of the last pact signed with someone, in
	// sentence lastPactAt, for "The treaty obliges each side to ..."
	lastPact   []graph.ActorID
	lastPactAt int
	// lastMover did the last act of any relation but an accusation or a
	// denial, in sentence lastMoveAt, and lastRecognizer the last
	// recognition, for "condemned the move", "condemned the recognition"
	lastMover, lastRecognizer graph.ActorID
	lastMoveAt                int
	// signers signed the last pact told, in sentence signedAt, for "the
	// deal" condemned later (acts.go rememberSigning)
	signers  []graph.ActorID
	signedAt int
	// exercisers held the last joint exercise told (an alliance whose
	// trigger is an exercise-noun), in sentence exerciseAt, for
	// "denounced the drills" (acts.go)
	exercisers []graph.ActorID
	exerciseAt int
	// prevStates holds the states the last sentence named, in order, for
	// "the three countries" after "A and B ... with C".
	prevStates []graph.ActorID
	// prevStates2 holds the states the sentence before the last named,
	// for "the three countries" the last two sentences named together
	prevStates2 []graph.ActorID
	// prevMet holds the states the last sentence named, its officials'
	// included, for "The two countries ..." after "A's president
	// received B's" (metStates)
	prevMet []graph.ActorID
	// ones holds the ids resolve and remember return and keep (see hold)
	ones []graph.ActorID
	// inTurn: the sentence is in a paragraph a transcript's speaker label
	// opens, whose speaker is turn ("" for the interviewer's); guest is
	// the one answering ("A:"); labels holds each label read, lower case,
	// and its speaker (coref_turn.go)
	inTurn      bool
	turn, guest graph.ActorID
	// firstPerson is the first person the article named: an interview's
	// guest when no question addressed one (coref_turn.go)
	firstPerson graph.ActorID
	// lastPeople is the state of the people a sentence opened with
	// ("Ukrainian gunners have been rationing shells"), in sentence
	// lastPeopleAt, for "them" next (discourse.go)
	lastPeople   graph.ActorID
	lastPeopleAt int
	labels       map[string]graph.ActorID
	// gender holds the gender a person was named with, lastWoman (in
	// sentence lastWomanAt) and lastMan the last of each (coref_gender.go)
	gender map[graph.ActorID]uint8
	// introduced holds the armed groups the article introduced with an
	// abbreviation, by it (coref_intro.go)
	introduced         map[string]*graph.Actor
	lastWoman, lastMan graph.ActorID
	lastWomanAt        int
	// marks finds the article's next quotation mark and speech noun
	// without reading a sentence twice (documents.go)
	marks markScan
	// sameWord links each token to the last token before it with the
	// same word of a dictionary name: 1 + its index, 0 if none; made
	// when first asked for (prevSameWord), with lastOfWord, by word id:
	// the article's number (articleNum) above 1 + the index of the last
	// token with the word, so that an entry of an article before is
	// told without emptying the table
	sameWord   []int32
	lastOfWord []uint64
	articleNum uint32
}

// prevSameWord returns the last token before toks[k] whose word of a
// dictionary name (token.wid, not 0) is toks[k]'s, or -1: for reading
// back over those tokens only rather than every token.
func (st *articleState) prevSameWord(x *Extractor, toks []token, k int) int {
	if toks[k].wid == 0 {
		return -1 // linkSameWords left its link unset
	}
	if len(st.sameWord) != len(toks) {
		st.linkSameWords(x, toks)
	}
	return int(st.sameWord[k]) - 1
}

// linkSameWords makes st.sameWord for toks: the links of the tokens of a
// name's word only, the ones prevSameWord is asked about.
func (st *articleState) linkSameWords(x *Extractor, toks []token) {
	n := len(x.trie.words)
	if len(st.lastOfWord) < n || st.articleNum == 0 {
		st.lastOfWord = make([]uint64, n) // the first, or 2^32 articles on
		st.articleNum = 1
	}
	last := st.lastOfWord[:n]
	same := slices.Grow(st.sameWord[:0], len(toks))[:len(toks)]
	this := uint64(st.articleNum) << 32
	for k := range toks {
		w := toks[k].wid
		if w == 0 {
			continue
		}
		same[k] = 0
		if v := last[w]; v&^(1<<32-1) == this {
			same[k] = int32(v)
		}
		last[w] = this | uint64(k+1)
	}
	st.sameWord = same
}

// idCounts counts ids in the order first counted: how often the article
// named each state or armed group, a few dozen at most, where a
// string-keyed map cost a hash of the whole id and an assignment at every
// name. The loops over the counts (list) are written so that their order
// never decides.
type idCounts struct {
	list []idCount
	// slots finds the first maxSlotted ids of list by a hash of three of
	// their bytes: 1 + the place in list, 0 for an empty slot
	slots [2 * maxSlotted]uint8
	most  int // the highest count, for maxStateCount
}

type idCount struct {
	id graph.ActorID
	n  int
}

// maxSlotted is how many ids idCounts finds by slots; any more are read
// in turn.
const maxSlotted = 64

// countSlot is where slots holds id first.
func countSlot(id graph.ActorID) uint32 {
	if len(id) < 2 {
		return uint32(len(id))
	}
	return (uint32(id[0])*961 + uint32(id[1])*31 + uint32(id[len(id)-1]) + uint32(len(id))) % (2 * maxSlotted)
}

// at returns the place of id in list, or -1, and the slot it has or
// would take.
func (c *idCounts) at(id graph.ActorID) (int, uint32) {
	s := countSlot(id)
	for ; c.slots[s] != 0; s = (s + 1) % (2 * maxSlotted) {
		if k := int(c.slots[s]) - 1; c.list[k].id == id {
			return k, s
		}
	}
	for k := maxSlotted; k < len(c.list); k++ {
		if c.list[k].id == id {
			return k, s
		}
	}
	return -1, s
}

// of returns the count of id.
func (c *idCounts) of(id graph.ActorID) int {
	if k, _ := c.at(id); k >= 0 {
		return c.list[k].n
	}
	return 0
}

// add counts id once more.
func (c *idCounts) add(id graph.ActorID) {
	k, s := c.at(id)
	if k < 0 {
		k = len(c.list)
		c.list = append(c.list, idCount{id: id})
		if k < maxSlotted {
			c.slots[s] = uint8(k + 1)
		}
	}
	c.list[k].n++
	c.most = max(c.most, c.list[k].n)
}

// reset empties c, keeping its buffer.
func (c *idCounts) reset() {
	clear(c.list)
	c.list, c.slots, c.most = c.list[:0], [2 * maxSlotted]uint8{}, 0
}

// reset readies st for a new article: emptied, it keeps its maps and
// the buffers of its slices (st is part of the pooled scratch of Extract,
// and nothing of it outlives an Extract).
func (st *articleState) reset() {
	if st.surnames == nil {
		*st = articleState{surnames: map[string]graph.ActorID{}, newPersons: map[graph.ActorID]graph.Actor{}, lastBody: map[string]graph.ActorID{}, headOwner: map[string]graph.ActorID{}, titleHolder: map[string]graph.ActorID{}, labels: map[string]graph.ActorID{}, gender: map[graph.ActorID]uint8{}}
		return
	}
	clear(st.headOwner)
	clear(st.titleHolder)
	clear(st.labels)
	clear(st.gender)
	clear(st.surnames)
	st.surnameBits = 0
	clear(st.newPersons)
	st.groupCounts.reset()
	st.stateCounts.reset()
	clear(st.lastBody)
	clear(st.accusers)
	clear(st.groups)
	clear(st.ones)
	clear(st.prevStates)
	clear(st.prevStates2)
	clear(st.prevMet)
	clear(st.lastRels)
	clear(st.said)
	*st = articleState{surnames: st.surnames, newPersons: st.newPersons, groupCounts: st.groupCounts, stateCounts: st.stateCounts, lastBody: st.lastBody, headOwner: st.headOwner, titleHolder: st.titleHolder, labels: st.labels, gender: st.gender,
		accusers: st.accusers[:0], groups: st.groups[:0], ones: st.ones[:0], prevStates: st.prevStates[:0], prevStates2: st.prevStates2[:0], prevMet: st.prevMet[:0], lastRels: st.lastRels[:0], said: st.said[:0], sameWord: st.sameWord[:0], lastOfWord: st.lastOfWord, articleNum: st.articleNum + 1}
}

// noteTitles records id as the holder of each person-title word of toks
// (the title it was introduced with).
func (st *articleState) noteTitles(toks []token, id graph.ActorID) {
	for k := range toks {
		if toks[k].is(cPersonTitle) {
			st.titleHolder[toks[k].low] = id
		}
	}
}

func (st *articleState) addSurname(lex *lexicon, toks []token, id graph.ActorID) {
	if len(toks) >= 2 {
		last := toks[len(toks)-1]
		// a two-letter surname only when known as one ("Joseph Wu")
		if (last.cap || lex.articleName(&last)) && (len(last.text) > 2 || last.is(cFamilyFirst)) {
			st.setSurname(last.text, id)
			st.setSurname(lex.stripArticle(last.text), id)
		}
		// family name first: "Lai Ching-te", "Kim Yo-jong"; a two-word
		// Chinese name ("Wang Yi", "Lin Jian") too
		if first := toks[0]; first.cap && len(first.text) >= 2 && (strings.Contains(last.text, "-") || len(toks) == 2 && first.is(cFamilyFirst)) {
			st.setSurname(first.text, id)
		}
	}
}

// setSurname makes s a surname of id in the article.
func (st *articleState) setSurname(s string, id graph.ActorID) {
	st.surnames[s] = id
	st.surnameBits |= surnameBit(s)
}

// maybeSurname reports whether s may be a surname of the article's
// (setSurname): false for most capitalised words, which then cost no
// lookup in st.surnames.
func (st *articleState) maybeSurname(s string) bool {
	return st.surnameBits&surnameBit(s) != 0
}

// surname returns the person whose surname s is in the article, if any.
func (st *articleState) surname(s string) (graph.ActorID, bool) {
	if !st.maybeSurname(s) {
		return "", false
	}
	id, ok := st.surnames[s]
	return id, ok
}

// surnameBit is the bit of st.surnameBits that s sets: one of 64 by its
// length and its first and last bytes.
func surnameBit(s string) uint64 {
	if s == "" {
		return 1
	}
	return 1 << ((uint(len(s))*7 + uint(s[0])*3 + uint(s[len(s)-1])) % 64)
}

// stripArticle drops an Arabic article from a surname: "al-Burhan" ->
// "Burhan" (lexicon classes name-article, and name-article-capital for
// those also stripped capitalised: "Al-Burhan").
func (c *lexicon) stripArticle(s string) string {
	i := strings.IndexByte(s, '-')
	if i < 0 || len(s) <= i+1+2 {
		return s
	}
	p := s[:i+1]
	if !isASCII(p) {
		low := strings.ToLower(p)
		if p == low && c.has(lcNameArticle, p) || p == strings.ToUpper(low[:1])+low[1:] && c.has(lcNameArticleCapital, low) {
			return s[i+1:]
		}
		return s
	}
	// the same without building the lower case: the vocabulary finds
	// "al-" from "Al-" as it does for a token
	lower := asciiNoUpper(p)
	capital := !(p[0] >= 'a' && p[0] <= 'z') && asciiNoUpper(p[1:])
	if lower && c.has(lcNameArticle, p) {
		return s[i+1:]
	}
	if capital {
		if sl := c.vocab.findLower(p, lowerFNV(p)); sl != nil && sl.ids.has(lcNameArticleCapital) {
			return s[i+1:]
		}
	}
	return s
}

// asciiNoUpper reports whether s has no ASCII capital letter.
func asciiNoUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return false
		}
	}
	return true
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerFNV is fnvString of the ASCII lower case of s.
func lowerFNV(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(asciiLower[s[i]])) * fnvPrime
	}
	return h
}

// parenFree reports whether the tokens [i, to) lie in a sentence whose
// text has no "(" (noParen).
func (st *articleState) parenFree(i, to int) bool {
	return st.noParen[0] <= i && to <= st.noParen[1]
}

// Extract finds the relations in text, an article's content. It never
// fails: text it cannot read gives no mentions.
func (x *Extractor) Extract(art graph.Article, text string) Result {
	res, _ := x.ExtractContext(context.Background(), art, text)
	return res
}

// ctxEvery is how many sentences ExtractContext reads between two looks
// at its context.
const ctxEvery = 32

// ExtractContext is Extract that stops, with ctx's error, soon after ctx
// is done (it looks between sentences), and with an error wrapping
// ErrTooManyMentions as soon as the article gives more than
// Options.MaxMentions relations. On error the Result is empty.
func (x *Extractor) ExtractContext(ctx context.Context, art graph.Article, text string) (Result, error) {
	sp := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sp)
	toks := tokenizeInto(sp.toks[:0], text, x.trie.table)
	sp.toks = toks
	sp.sents = sentencesInto(sp.sents[:0], toks)
	st := &sp.st
	st.reset()
	st.day = dayOf(art.Date)
	sc := &sp.sc
	found := sp.found[:0]
	named := &sp.named
	named.reset()
	for i, s := range sp.sents {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				sp.release(found)
				return Result{}, err
			}
		}
		if x.maxMentions > 0 && len(found) > x.maxMentions {
			sp.release(found)
			return Result{}, fmt.Errorf("more than %d relations (stopped at sentence %d of %d): %w", x.maxMentions, i+1, len(sp.sents), ErrTooManyMentions)
		}
		x.resetScope(sc, toks, s, text, st)
		named.add(sc.ms)
		n := len(found)
		found = dedupeSentence(found, sc.relations(art))
		found = x.learn(sc, &sp.learn, art, found, n)
		// sorted sentence by sentence, the mentions are in the order of
		// graph.CompareMentions: they share article and date, sentences
		// come in order, and no two of a sentence compare equal
		sortSentence(found[n:])
		sc.remember()
	}
	if x.maxMentions > 0 && len(found) > x.maxMentions {
		sp.release(found)
		return Result{}, fmt.Errorf("more than %d relations: %w", x.maxMentions, ErrTooManyMentions)
	}
	var out []graph.Mention
	if len(found) > 0 {
		out = slices.Clone(found)
	}
	res := Result{Actors: x.actorsFor(out, st, &sp.keys), Mentions: out, Named: x.sortedNames(named.ids, &sp.keys)}
	sp.release(found)
	return res, nil
}

// release keeps found and empties the scope's slices for the next
// Extract.
func (sp *scratch) release(found []graph.Mention) {
	sp.found = found
	sc := &sp.sc
	*sc = scope{ms: sc.ms[:0], startIdx: sc.startIdx, endIdx: sc.endIdx, grp: sc.grp[:0], claims: sc.claims[:0],
		out: sc.out[:0], seq: sc.seq, spans: sc.spans[:0], eps: sc.eps[:0], idBuf: sc.idBuf[:0], commas: sc.commas[:0], resolved: clearResolved(sc.resolved), overrides: sc.overrides}
	clear(sc.overrides)
}

// namedList gathers the ids of the names an article uses, for
// Result.Named: the ids as met, and the first dictionary actors among
// them, whose addresses tell a repeat more cheaply than their ids do, so
// that sorted has little to sort.
type namedList struct {
	ids  []graph.ActorID
	seen []*graph.Actor // at most maxSeen
}

// maxSeen bounds the actors namedList compares each name with: past it,
// repeats are left to sorted.
const maxSeen = 64

func (n *namedList) reset() {
	clear(n.seen)
	n.ids, n.seen = n.ids[:0], n.seen[:0]
}

// add appends the ids of the actor mentions of a sentence that are names
// (not pronouns or "the minister"), skipping one already last and a
// dictionary actor already seen.
func (n *namedList) add(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.id == "" || m.pron != "" || len(n.ids) > 0 && n.ids[len(n.ids)-1] == m.id {
			continue
		}
		if a := m.act; a != nil && a.ID == m.id && len(n.seen) < maxSeen {
			if slices.Contains(n.seen, a) {
				continue
			}
			n.seen = append(n.seen, a)
		}
		n.ids = append(n.ids, m.id)
	}
}

// sortedIDs returns a sorted copy of ids without duplicates, or nil.
func sortedIDs(ids []graph.ActorID) []graph.ActorID {
	if len(ids) == 0 {
		return nil
	}
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// clearResolved empties a scope's resolutions, dropping the ids they hold.
func clearResolved(r []resolution) []resolution {
	clear(r)
	return r[:0]
}

// scratch holds the buffers of one Extract, pooled for the next: the
// tokens, the sentences and the scope's slices. Tokens and mentions left
// in them keep the last text alive only until the pool lets go of them.
type scratch struct {
	toks  []token
	sents []sentence
	sc    scope
	found []graph.Mention
	named namedList
	keys  keySet // actorsFor's and sortedNames'
	st    articleState
	learn learnScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// dedupe keeps one mention per edge and sentence, preferring the one with
// the most specific status.
func dedupe(ms []graph.Mention) []graph.Mention {
	out := dedupeMap(ms)
	slices.SortFunc(out, graph.CompareMentions)
	return out
}

// dedupeMap is dedupe without the sort.
func dedupeMap(ms []graph.Mention) []graph.Mention {
	type key struct {
		k     graph.EdgeKey
		start int
	}
	best := map[key]int{}
	var out []graph.Mention
	for _, m := range ms {
		k := key{m.Key(), m.SentSpan.Start}
		if i, ok := best[k]; ok {
			if statusRank(m) > statusRank(out[i]) {
				out[i] = m
			}
			continue
		}
		best[k] = len(out)
		out = append(out, m)
	}
	return out
}

// sortSentence sorts the mentions of one sentence with
// compareInSentence: a few, by insertion, as slices.SortFunc sorts up to
// 12 (its comparisons would copy both mentions), more with SortFunc.
func sortSentence(ms []graph.Mention) {
	if len(ms) > 12 {
		slices.SortFunc(ms, func(a, b graph.Mention) int { return compareInSentence(&a, &b) })
		return
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && compareInSentence(&ms[j-1], &ms[j]) > 0; j-- {
			ms[j-1], ms[j] = ms[j], ms[j-1]
		}
	}
}

// compareInSentence is graph.CompareMentions for mentions of one sentence
// of one article, evaluated lazily.
func compareInSentence(a, b *graph.Mention) int {
	if c := cmp.Compare(a.TrigSpan.Start, b.TrigSpan.Start); c != 0 {
		return c
	}
	if c := graph.CompareEdgeKeys(a.Key(), b.Key()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.SrcSpan.Start, b.SrcSpan.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.TgtSpan.Start, b.TgtSpan.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Status, b.Status); c != 0 {
		return c
	}
	if c := cmp.Compare(a.ClaimedBy, b.ClaimedBy); c != 0 {
		return c
	}
	return cmp.Compare(a.DisputedBy, b.DisputedBy)
}

// dedupeSentence appends to out the mentions of one sentence, ms, keeping
// one per edge the way dedupe does (before its sort): all of ms share
// their sentence, which no mention in out has, so only ms are compared.
func dedupeSentence(out, ms []graph.Mention) []graph.Mention {
	if len(ms) > 64 {
		return append(out, dedupeMap(ms)...)
	}
	from := len(out)
	for _, m := range ms {
		k := m.Key()
		found := false
		for i := from; i < len(out); i++ {
			if out[i].Key() == k {
				if statusRank(m) > statusRank(out[i]) {
					out[i] = m
				}
				found = true
				break
			}
		}
		if !found {
			out = append(out, m)
		}
	}
	return out
}

func statusRank(m graph.Mention) int {
	r := 0
	if m.ClaimedBy != "" {
		r += 2
	}
	if m.DisputedBy != "" {
		r += 2
	}
	if m.Status != graph.Asserted {
		r++
	}
	return r
}

// actorsFor lists the actors the mentions reference, with affiliations,
// sorted by id; ks is a buffer.
func (x *Extractor) actorsFor(ms []graph.Mention, st *articleState, ks *keySet) []graph.Actor {
	if len(ms) == 0 {
		return nil
	}
	ks.reset(x)
	for i := range ms {
		m := &ms[i]
		for _, id := range [...]graph.ActorID{m.Source, m.Target, m.ClaimedBy, m.DisputedBy} {
			x.addWithAffiliations(ks, id, st)
		}
	}
	var out []graph.Actor // nil if no actor is known, as before
	ks.each(x, func(id graph.ActorID, a *graph.Actor) {
		if a == nil {
			p, ok := st.newPersons[id]
			if !ok {
				return // an id no actor has
			}
			a = &p
		}
		if out == nil {
			out = make([]graph.Actor, 0, ks.len())
		}
		out = append(out, *a)
	})
	return out
}

// addWithAffiliations adds to ks the id (unless "") and the actor it
// speaks for, and the one that actor speaks for, and so on: a dictionary
// actor's or a person's the article introduced.
func (x *Extractor) addWithAffiliations(ks *keySet, id graph.ActorID, st *articleState) {
	for id != "" {
		added, a := ks.add(x, id)
		if !added {
			return
		}
		if a != nil {
			id = a.Affiliation
		} else if p, ok := st.newPersons[id]; ok {
			id = p.Affiliation
		} else {
			return
		}
	}
}

// sortedNames returns ids sorted and without repeats, or nil; ks is a
// buffer.
func (x *Extractor) sortedNames(ids []graph.ActorID, ks *keySet) []graph.ActorID {
	if len(ids) == 0 {
		return nil
	}
	ks.reset(x)
	for _, id := range ids {
		ks.add(x, id)
	}
	out := make([]graph.ActorID, 0, len(ids))
	ks.each(x, func(id graph.ActorID, _ *graph.Actor) { out = append(out, id) })
	return out
}

// refActor returns the dictionary actor a name refers to: x.actor(ref.id)
// without the lookup.
func (x *Extractor) refActor(ref *nameRef) (*graph.Actor, bool) {
	return ref.actor, ref.actor != nil
}

// mentionActor returns the dictionary actor of a mention, x.actor(m.id),
// without the lookup when the mention still names the actor its name
// referred to.
func (x *Extractor) mentionActor(m *mention) (*graph.Actor, bool) {
	if m.act != nil && m.act.ID == m.id {
		return m.act, true
	}
	return x.actor(m.id)
}

// isPanel reports whether id is in the lexicon's actor class "panel".
func (x *Extractor) isPanel(id graph.ActorID) bool { return slices.Contains(x.panels, id) }

// actor returns the dictionary actor with the given id.
func (x *Extractor) actor(id graph.ActorID) (*graph.Actor, bool) {
	if s := x.byID.find(id); s != nil {
		return s.a, true
	}
	return nil, false
}

// accusation records that by accused (or made a claim about) of; event
// groups the accusations one trigger made ("A, B and C accused Iran").
type accusation struct {
	by, of graph.ActorID
	event  int
	at     int  // the sentence it was told in (articleState.sentences)
	edge   bool // an accuses edge was found, not only a charging claim remembered
}
