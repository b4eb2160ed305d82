package extract_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"geokg/extract"
	"geokg/graph"
)

// unMembers are the 193 member states of the United Nations, from the UN's
// own list, written out here so that the test does not trust the data it
// checks.
var unMembers = strings.Fields(`
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

func mustBuiltin(t *testing.T) *extract.Dictionary {
	t.Helper()
	d := extract.Builtin()
	if err := extract.BuiltinErr(); err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return d
}

func mustLoad(t *testing.T, text string) *extract.Dictionary {
	t.Helper()
	d, err := extract.LoadDictionary(strings.NewReader(text), "test.tsv")
	if err != nil {
		t.Fatalf("LoadDictionary: %v", err)
	}
	return d
}

func TestDictionaryBuiltinLoads(t *testing.T) {
	d := mustBuiltin(t)
	if d.Len() < 200 {
		t.Errorf("Len = %d, want at least 200", d.Len())
	}
	for _, e := range d.Entries() {
		if err := e.Actor.Validate(); err != nil {
			t.Errorf("%s: %v", e.Actor.ID, err)
		}
	}
}

func TestDictionaryStates(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("test list has %d UN members, want 193", len(unMembers))
	}
	d := mustBuiltin(t)
	want := append(slices.Clone(unMembers), "VAT", "PSE", "XKX", "TWN")
	for _, id := range want {
		e, ok := d.Entry(graph.ActorID(id))
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if e.Actor.Type != graph.Country {
			t.Errorf("%s (%s): type %s, want country", id, e.Actor.Name, e.Actor.Type)
		}
	}
	if e, ok := d.Entry("ESH"); !ok || e.Actor.Type != graph.Territory {
		t.Errorf("ESH = %+v, %v; want the territory Western Sahara", e.Actor, ok)
	}
	var states int
	for _, e := range d.Entries() {
		if e.Actor.Type == graph.Country && extract.IsStateID(e.Actor.ID) {
			states++ // former states (former:soviet-union) have no ISO code
		}
	}
	if states != len(want) {
		t.Errorf("%d countries, want %d (UN members and observers, Kosovo, Taiwan)", states, len(want))
	}
}

// TestDictionaryCuratedStatesGenerated catches a curated state row edited
// without running go generate (extract/internal/gendict compares the whole
// file; this check needs no country package).
func TestDictionaryCuratedStatesGenerated(t *testing.T) {
	f, err := os.Open("data/curated.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cur, err := extract.LoadDictionary(f, "data/curated.tsv")
	if err != nil {
		t.Fatal(err)
	}
	d := mustBuiltin(t)
	for _, c := range cur.Entries() {
		if !extract.IsStateID(c.Actor.ID) {
			continue
		}
		g, ok := d.Entry(c.Actor.ID)
		if !ok || g.Actor.Name != c.Actor.Name || g.Actor.Type != c.Actor.Type || g.Actor.Affiliation != c.Actor.Affiliation ||
			len(g.Names) < len(c.Names) || !reflect.DeepEqual(g.Names[:len(c.Names)], c.Names) {
			t.Errorf("%s: data/countries.tsv does not match data/curated.tsv: run go generate ./extract", c.Actor.ID)
		}
	}
}

func TestDictionaryLookup(t *testing.T) {
	d := mustBuiltin(t)
	tests := []struct {
		name string
		want []graph.ActorID
	}{
		{"Pyongyang", []graph.ActorID{"PRK"}},
		{"DPRK", []graph.ActorID{"PRK"}},
		{"North Korean", []graph.ActorID{"PRK"}},
		{"North Korea", []graph.ActorID{"PRK"}},
		{"the Kremlin", []graph.ActorID{"RUS"}},
		{"KREMLIN", []graph.ActorID{"RUS"}},
		{"Moscow", []graph.ActorID{"RUS"}},
		{"Russian Federation", []graph.ActorID{"RUS"}},
		{"Washington", []graph.ActorID{"USA"}},
		{"U.S.", []graph.ActorID{"USA"}},
		{"  the   White   House ", []graph.ActorID{"USA"}},
		{"Pentagon", []graph.ActorID{"USA"}},
		{"Downing Street", []graph.ActorID{"GBR"}},
		{"Élysée", []graph.ActorID{"FRA"}},
		{"Zhongnanhai", []graph.ActorID{"CHN"}},
		{"Kyiv", []graph.ActorID{"UKR"}},
		{"Tehran", []graph.ActorID{"IRN"}},
		{"Iranian", []graph.ActorID{"IRN"}},
		{"Syrian Arab Republic", []graph.ActorID{"SYR"}},
		{"Brasília", []graph.ActorID{"BRA"}},
		{"Brussels", []graph.ActorID{"org:eu"}},
		{"Congolese", []graph.ActorID{"COD", "COG"}},
		{"DNR", []graph.ActorID{"terr:dpr"}},
		{"People's Republic of Donetsk", []graph.ActorID{"terr:dpr"}},
		{"LPR", []graph.ActorID{"terr:lpr"}},
		{"TRNC", []graph.ActorID{"terr:northern-cyprus"}},
		{"SADR", []graph.ActorID{"ESH"}},
		{"UN", []graph.ActorID{"org:un"}},
		{"UNSC", []graph.ActorID{"org:un-security-council"}},
		{"nato", []graph.ActorID{"org:nato"}},
		{"Ansar Allah", []graph.ActorID{"group:houthis"}},
		{"Daesh", []graph.ActorID{"group:islamic-state"}},
		{"Wagner", []graph.ActorID{"group:wagner-group"}},
		{"Zelenskyy", []graph.ActorID{"person:volodymyr-zelensky"}},
		{"Kim Yo Jong", []graph.ActorID{"person:kim-yo-jong"}},
		{"Victoria", nil},                        // Seychelles' capital: also a first name
		{"Male", nil},                            // Maldives' capital: an English word
		{"Sanaa", nil},                           // Yemen's capital: held by the Houthis
		{"Congo", []graph.ActorID{"COD", "COG"}}, // two states: the article chooses
		{"Security Council", nil},                // would match inside "National Security Council"
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []graph.ActorID
			for _, e := range d.Lookup(tt.name) {
				got = append(got, e.Actor.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

var idShape = regexp.MustCompile(`^(org|group|terr|person|former):[a-z0-9]+(-[a-z0-9]+)*$`)

func TestDictionaryBuiltinIDs(t *testing.T) {
	prefixType := map[string]graph.ActorType{"former": graph.Country, "org": graph.Organization, "group": graph.Group, "terr": graph.Territory, "person": graph.Person}
	for _, e := range mustBuiltin(t).Entries() {
		id, typ := e.Actor.ID, e.Actor.Type
		switch {
		case extract.IsStateID(id):
			if typ != graph.Country && typ != graph.Territory {
				t.Errorf("%s: ISO id on a %s", id, typ)
			}
		case !idShape.MatchString(string(id)):
			t.Errorf("%s: want an ISO alpha-3 code or kind:slug", id)
		default:
			if prefix, _, _ := strings.Cut(string(id), ":"); prefixType[prefix] != typ {
				t.Errorf("%s: type %s does not match the id's kind", id, typ)
			}
		}
	}
}

func TestDictionaryAffiliations(t *testing.T) {
	d := mustBuiltin(t)
	for _, e := range d.Entries() {
		a := e.Actor.Affiliation
		if a == "" {
			if e.Actor.Type == graph.Person {
				t.Errorf("%s: person without affiliation", e.Actor.ID)
			}
			continue
		}
		to, ok := d.Entry(a)
		switch {
		case !ok:
			t.Errorf("%s: affiliation %s is not in the dictionary", e.Actor.ID, a)
		case to.Actor.Type == graph.Person:
			t.Errorf("%s: affiliated with the person %s", e.Actor.ID, a)
		}
	}
}

func TestDictionaryStateNames(t *testing.T) {
	noDemonym := map[graph.ActorID]string{
		"DMA": "Dominican names the Dominican Republic",
		"CAF": "Central African names a region",
		"VAT": "the name is the adjective",
	}
	withCapital := strings.Fields("USA RUS CHN GBR FRA DEU UKR PRK KOR JPN IRN ISR TUR IND PAK SAU SYR BLR POL EGY IRQ AFG QAT ARE")
	d := mustBuiltin(t)
	for _, e := range d.Entries() {
		if e.Actor.Type != graph.Country {
			continue
		}
		kinds := map[extract.NameKind]int{}
		for _, n := range e.Names {
			kinds[n.Kind]++
		}
		if kinds[extract.NameDemonym] == 0 && noDemonym[e.Actor.ID] == "" {
			t.Errorf("%s (%s): no demonym", e.Actor.ID, e.Actor.Name)
		}
		if kinds[extract.NameDemonym] > 0 && noDemonym[e.Actor.ID] != "" {
			t.Errorf("%s (%s): has a demonym, but the test says %s", e.Actor.ID, e.Actor.Name, noDemonym[e.Actor.ID])
		}
		if kinds[extract.NameCapital] == 0 && slices.Contains(withCapital, string(e.Actor.ID)) {
			t.Errorf("%s (%s): no capital", e.Actor.ID, e.Actor.Name)
		}
	}
}

func TestDictionaryCanonicalNames(t *testing.T) {
	d := mustBuiltin(t)
	for id, want := range map[graph.ActorID]string{
		"PRK": "North Korea", "KOR": "South Korea", "USA": "United States", "RUS": "Russia",
		"GBR": "United Kingdom", "IRN": "Iran", "SYR": "Syria", "CHN": "China", "TWN": "Taiwan",
		"terr:dpr": "Donetsk People's Republic", "terr:lpr": "Luhansk People's Republic",
		"org:un": "United Nations", "org:nato": "NATO", "org:eu": "European Union",
		"group:wagner-group": "Wagner Group", "group:houthis": "Houthis",
		"group:islamic-state": "Islamic State", "person:kim-yo-jong": "Kim Yo-jong",
	} {
		if e, ok := d.Entry(id); !ok || e.Actor.Name != want {
			t.Errorf("Entry(%s).Actor.Name = %q (found %v), want %q", id, e.Actor.Name, ok, want)
		}
	}
	// The generator adds biter777's official-style name as an alias.
	if e, _ := d.Entry("PRK"); !slices.Contains(e.Actor.Aliases, "Democratic People's Republic of Korea") {
		t.Errorf("PRK aliases %q lack the official name", e.Actor.Aliases)
	}
}

type use struct {
	id       graph.ActorID
	kind     extract.NameKind
	from, to time.Time
}

// overlap reports whether two roles share more than a handover day.
func overlap(a, b use) bool {
	end := func(u use) time.Time {
		if u.to.IsZero() {
			return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return u.to
	}
	return a.from.Before(end(b)) && b.from.Before(end(a))
}

// TestDictionaryCollisions fails when a name (folded as Lookup folds it)
// belongs to two actors, except for titles of roles that follow each other
// and for the collisions allowed below.
func TestDictionaryCollisions(t *testing.T) {
	allowed := map[string]string{
		"congolese":             "the demonym of both Congos; the article chooses (sharedChoice)",
		"congo":                 "the short name of both Congos; the article chooses (sharedChoice)",
		"joint chiefs of staff": "the military staffs of the United States and of South Korea; the article chooses by their states (sharedChoice)",
		"jcs":                   "the same in capitals; the article chooses (sharedChoice)",
	}
	uses := map[string][]use{}
	for _, e := range mustBuiltin(t).Entries() {
		for _, n := range e.Names {
			k := strings.TrimPrefix(strings.ToLower(n.Text), "the ")
			uses[k] = append(uses[k], use{e.Actor.ID, n.Kind, e.From, e.To})
		}
	}
	for k, us := range uses {
		for i, a := range us {
			for _, b := range us[i+1:] {
				if a.id == b.id || allowed[k] != "" {
					continue
				}
				if a.kind == extract.NameTitle && b.kind == extract.NameTitle && !overlap(a, b) {
					continue
				}
				t.Errorf("%q names both %s (%s) and %s (%s)", k, a.id, a.kind, b.id, b.kind)
			}
		}
	}
	for k := range allowed {
		if ids := uses[k]; len(ids) < 2 {
			t.Errorf("allowed collision %q no longer happens: remove it", k)
		}
	}
}

// TestDictionaryNameHygiene checks names against mistakes that the loader
// cannot see: common words, case variants, stray spaces.
func TestDictionaryNameHygiene(t *testing.T) {
	banned := []string{"male", "victoria", "kingston", "georgetown", "santiago", "sofia",
		"security council", "general assembly", "is", "it", "us army", "president", "government",
		"foreign ministry", "ministry of defence", "ministry of defense", "kcna", "tass", "xinhua"}
	for _, e := range mustBuiltin(t).Entries() {
		seen := map[string]string{}
		for _, n := range e.Names {
			low := strings.ToLower(n.Text)
			if slices.Contains(banned, low) && !(n.Kind == extract.NameCapital && strings.ToUpper(n.Text) == n.Text) {
				// a capital in capitals only is a dateline's ("MALE, March 5 (Reuters) -")
				t.Errorf("%s: ambiguous or wrong name %q", e.Actor.ID, n.Text)
			}
			if strings.TrimSpace(n.Text) != n.Text || strings.Contains(n.Text, "  ") {
				t.Errorf("%s: stray spaces in %q", e.Actor.ID, n.Text)
			}
			// Case variants are useful only when one is in capitals, or
			// when one starts in lower case ("south Korea", as KCNA writes
			// it): the matcher treats those differently.
			if prev, ok := seen[low]; ok && prev != n.Text && prev != strings.ToUpper(prev) && n.Text != strings.ToUpper(n.Text) && startsUpper(prev) == startsUpper(n.Text) {
				t.Errorf("%s: %q and %q differ only in case", e.Actor.ID, prev, n.Text)
			}
			seen[low] = n.Text
		}
	}
}

func TestDictionaryPersonTerms(t *testing.T) {
	d := mustBuiltin(t)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		id     graph.ActorID
		on     string
		active bool
	}{
		{"person:antony-blinken", "2024-06-01", true},
		{"person:antony-blinken", "2025-01-21", false},
		{"person:marco-rubio", "2025-01-21", true},
		{"person:marco-rubio", "2024-06-01", false},
		{"person:kim-yo-jong", "1990-01-01", true},
	}
	for _, tt := range tests {
		e, ok := d.Entry(tt.id)
		if !ok {
			t.Errorf("%s missing", tt.id)
			continue
		}
		if got := e.Active(day(tt.on)); got != tt.active {
			t.Errorf("%s.Active(%s) = %v, want %v (from %v to %v)", tt.id, tt.on, got, tt.active, e.From, e.To)
		}
	}
	// Titles shared by successive office holders resolve by date.
	var holders []graph.ActorID
	for _, e := range d.Lookup("US secretary of state") {
		if e.Active(day("2024-06-01")) {
			holders = append(holders, e.Actor.ID)
		}
	}
	if !slices.Equal(holders, []graph.ActorID{"person:antony-blinken"}) {
		t.Errorf("US secretary of state on 2024-06-01 = %v, want [person:antony-blinken]", holders)
	}
}

const sample = "\uFEFF# a comment\n" +
	"PRK\tcountry\tNorth Korea\t\tDPRK; Democratic People's Republic of Korea; capital:Pyongyang; demonym:North Korean; demonym:DPRK\r\n" +
	"\n" +
	"   # an indented comment\n" +
	"person:kim-yo-jong\tperson\tKim Yo-jong\tPRK\tKim Yo Jong; title:sister of Kim Jong-un\n" +
	"person:antony-blinken\tPerson\tAntony Blinken\tUSA\tBlinken;; title:US secretary of state \t2021-01-26\t2025-01-20\n" +
	"org:nato\torganization\tNATO\t\tNato; NATO\n"

func TestLoadDictionary(t *testing.T) {
	d := mustLoad(t, sample)
	if d.Len() != 4 {
		t.Fatalf("Len = %d, want 4", d.Len())
	}
	prk, _ := d.Entry("PRK")
	wantNames := []extract.Name{
		{Text: "North Korea"}, {Text: "DPRK"}, {Text: "Democratic People's Republic of Korea"},
		{Text: "Pyongyang", Kind: extract.NameCapital}, {Text: "North Korean", Kind: extract.NameDemonym},
		{Text: "DPRK", Kind: extract.NameDemonym},
	}
	if !reflect.DeepEqual(prk.Names, wantNames) {
		t.Errorf("PRK names = %+v, want %+v", prk.Names, wantNames)
	}
	wantAliases := []string{"DPRK", "Democratic People's Republic of Korea", "Pyongyang", "North Korean"}
	if !slices.Equal(prk.Actor.Aliases, wantAliases) {
		t.Errorf("PRK aliases = %q, want %q", prk.Actor.Aliases, wantAliases)
	}
	b, _ := d.Entry("person:antony-blinken")
	if b.Actor.Type != graph.Person || b.Actor.Affiliation != "USA" ||
		b.From != time.Date(2021, 1, 26, 0, 0, 0, 0, time.UTC) || b.To != time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC) {
		t.Errorf("Blinken = %+v", b)
	}
	if got := b.Names[len(b.Names)-1]; got != (extract.Name{Text: "US secretary of state", Kind: extract.NameTitle}) {
		t.Errorf("Blinken's last name = %+v, want the title", got)
	}
	if n, _ := d.Entry("org:nato"); len(n.Names) != 2 {
		t.Errorf("NATO names = %+v, want the canonical name once and Nato", n.Names)
	}
	var ids []graph.ActorID
	for _, e := range d.Entries() {
		ids = append(ids, e.Actor.ID)
	}
	if want := []graph.ActorID{"PRK", "org:nato", "person:antony-blinken", "person:kim-yo-jong"}; !slices.Equal(ids, want) {
		t.Errorf("Entries ids = %v, want %v", ids, want)
	}
}

func TestLoadDictionaryErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"too few columns", "# c\nPRK\tcountry\n", "test.tsv:2: 2 columns"},
		{"too many columns", "PRK\tcountry\tNorth Korea\t\t\t\t\tx\n", "test.tsv:1: 8 columns"},
		{"bad type", "\nPRK\tstate\tNorth Korea\n", "test.tsv:2: actor type \"state\""},
		{"bad id", "PRK/1\tcountry\tNorth Korea\n", "test.tsv:1: actor id \"PRK/1\""},
		{"id with space", "org:un sc\torganization\tUNSC\n", "test.tsv:1: actor id \"org:un sc\""},
		{"empty name", "PRK\tcountry\t \n", "test.tsv:1: actor PRK: empty name"},
		{"duplicate id", "PRK\tcountry\tNorth Korea\n\nPRK\tcountry\tDPRK\n", "test.tsv:3: duplicate id \"PRK\" (first on line 1)"},
		{"bad from", "person:x\tperson\tX\tPRK\t\t2021-13-01\n", "test.tsv:1: from date \"2021-13-01\""},
		{"bad to", "person:x\tperson\tX\tPRK\t\t\t20 Jan 2025\n", "test.tsv:1: to date \"20 Jan 2025\""},
		{"to before from", "person:x\tperson\tX\tPRK\t\t2025-01-02\t2025-01-01\n", "test.tsv:1: actor person:x: to 2025-01-01 before from 2025-01-02"},
		{"unknown kind", "PRK\tcountry\tNorth Korea\t\tcaptial:Pyongyang\n", "test.tsv:1: name \"captial:Pyongyang\": unknown kind"},
		{"title on a state", "PRK\tcountry\tNorth Korea\t\ttitle:hermit kingdom\n", "test.tsv:1: actor PRK: title \"hermit kingdom\""},
		{"self affiliation", "PRK\tcountry\tNorth Korea\tPRK\n", "test.tsv:1: actor PRK: affiliated with itself"},
		{"bad affiliation", "person:x\tperson\tX\ta/b\n", "test.tsv:1: actor person:x: affiliation"},
		{"not UTF-8", "PRK\tcountry\tNorth \xffKorea\n", "test.tsv:1: not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.LoadDictionary(strings.NewReader(tt.text), "test.tsv")
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want it to start with %q", err, tt.want)
			}
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("error %q does not wrap graph.ErrInvalid", err)
			}
		})
	}
}

func TestDictionaryWriteRoundTrip(t *testing.T) {
	for name, d := range map[string]*extract.Dictionary{"sample": mustLoad(t, sample), "builtin": mustBuiltin(t)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := d.Write(&buf); err != nil {
				t.Fatal(err)
			}
			back, err := extract.LoadDictionary(bytes.NewReader(buf.Bytes()), "written.tsv")
			if err != nil {
				t.Fatalf("reloading the written dictionary: %v", err)
			}
			if !reflect.DeepEqual(back.Entries(), d.Entries()) {
				t.Errorf("round trip changed the dictionary")
			}
			var again bytes.Buffer
			if err := back.Write(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), buf.Bytes()) {
				t.Errorf("second Write differs from the first")
			}
		})
	}
}

func TestDictionaryWriteFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := mustLoad(t, sample).Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := "# id\ttype\tname\taffiliation\tnames\tfrom\tto\n" +
		"PRK\tcountry\tNorth Korea\t\tDPRK; Democratic People's Republic of Korea; capital:Pyongyang; demonym:North Korean; demonym:DPRK\n" +
		"org:nato\torganization\tNATO\t\tNato\n" +
		"person:antony-blinken\tperson\tAntony Blinken\tUSA\tBlinken; title:US secretary of state\t2021-01-26\t2025-01-20\n" +
		"person:kim-yo-jong\tperson\tKim Yo-jong\tPRK\tKim Yo Jong; title:sister of Kim Jong-un\n"
	if buf.String() != want {
		t.Errorf("Write =\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestDictionaryMerge(t *testing.T) {
	base := mustBuiltin(t)
	user := mustLoad(t, "PRK\tcountry\tDPRK\t\tHermit Kingdom\n"+
		"person:choe-son-hui-test\tperson\tChoe Test\tPRK\n")
	m := base.Merge(user)
	if m.Len() != base.Len()+1 {
		t.Errorf("merged Len = %d, want %d", m.Len(), base.Len()+1)
	}
	if got := m.Lookup("Hermit Kingdom"); len(got) != 1 || got[0].Actor.ID != "PRK" {
		t.Errorf("merged Lookup(Hermit Kingdom) = %v, want PRK", got)
	}
	if got := m.Lookup("Pyongyang"); len(got) != 0 {
		t.Errorf("user's PRK should replace the built-in one, but Pyongyang still finds %v", got)
	}
	if got := base.Lookup("Pyongyang"); len(got) != 1 {
		t.Errorf("Merge changed the receiver: Lookup(Pyongyang) = %v", got)
	}
	if _, ok := m.Entry("person:choe-son-hui-test"); !ok {
		t.Errorf("merged dictionary lacks the user's new entry")
	}
}

func TestDictionaryCopies(t *testing.T) {
	d := mustLoad(t, sample)
	e, _ := d.Entry("PRK")
	e.Names[1].Text = "changed"
	e.Actor.Aliases[0] = "changed"
	d.Lookup("DPRK")[0].Names[0].Text = "changed"
	d.Entries()[0].Actor.Aliases[1] = "changed"
	again, _ := d.Entry("PRK")
	if again.Names[0].Text != "North Korea" || again.Names[1].Text != "DPRK" || again.Actor.Aliases[0] != "DPRK" || again.Actor.Aliases[1] == "changed" {
		t.Errorf("callers changed the dictionary: %+v", again)
	}
}

func TestNewDictionary(t *testing.T) {
	d, err := extract.NewDictionary([]extract.Entry{{
		Actor: graph.Actor{ID: "org:test", Name: "Test Org", Type: graph.Organization, Aliases: []string{"ignored"}},
		Names: []extract.Name{{Text: "TO"}, {Text: "Test  Org"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := d.Entry("org:test")
	if want := []extract.Name{{Text: "Test Org"}, {Text: "TO"}}; !reflect.DeepEqual(e.Names, want) {
		t.Errorf("Names = %+v, want %+v", e.Names, want)
	}
	if !slices.Equal(e.Actor.Aliases, []string{"TO"}) {
		t.Errorf("Aliases = %q, want [TO]", e.Actor.Aliases)
	}
	_, err = extract.NewDictionary([]extract.Entry{{Actor: graph.Actor{ID: "X", Name: "X", Type: graph.Country}}, {Actor: graph.Actor{ID: "X", Name: "Y", Type: graph.Country}}})
	if err == nil || !strings.Contains(err.Error(), "duplicate id") {
		t.Errorf("duplicate ids: err = %v", err)
	}
}

func ExampleDictionary_Lookup() {
	for _, e := range extract.Builtin().Lookup("the Kremlin") {
		fmt.Println(e.Actor.ID, e.Actor.Name)
	}
	// Output: RUS Russia
}

func BenchmarkLoadDictionary(b *testing.B) {
	var files [][]byte
	var n int64
	for _, f := range []string{"data/countries.tsv", "data/curated.tsv"} {
		p, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
		n += int64(len(p))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range files {
			if _, err := extract.LoadDictionary(bytes.NewReader(p), "bench.tsv"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDictionaryLookup(b *testing.B) {
	d := extract.Builtin()
	names := []string{"the Kremlin", "Pyongyang", "North Korean", "Zelenskyy", "nothing at all"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			d.Lookup(n)
		}
	}
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
