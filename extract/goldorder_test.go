package extract_test

import (
	"slices"
	"strings"
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// TestGoldOfficialsFirst checks the order of the alternatives in every gold
// name of the articles, the fresh batches, the passages and the probes: an
// official comes first and the state or organisation it speaks for last
// ("Mustafa al-Kadhimi|Iraq"), because score.py --states and the floors
// count the last alternative as the state. Written the other way round
// ("Iraq|Mustafa al-Kadhimi"), the gold could only be met by the person,
// and a state-level edge would count as a miss.
func TestGoldOfficialsFirst(t *testing.T) {
	dict := extract.Builtin()
	check := func(where string, lists ...[][]string) {
		for _, g := range slices.Concat(lists...) {
			for _, field := range []string{g[0], g[2]} {
				if officialLast(dict, field) {
					t.Errorf("%s: %q ends with an official; write the official first and the state last", where, field)
				}
			}
		}
	}
	for _, dir := range []string{articlesDir, heldoutDir} {
		as, err := loadArticles(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			check(dir+"/"+a.File, a.Expect, a.Optional, a.Forbid)
		}
	}
	for _, file := range []string{passagesFile, probesFile} {
		ps, err := loadPassages(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			check(file+": "+p.ID, p.Expect, p.Optional, p.Forbid)
		}
	}
}

// officialLast reports whether field's last alternative names only persons
// while an earlier one names a state, organisation or group.
func officialLast(dict *extract.Dictionary, field string) bool {
	alts := strings.Split(field, "|")
	if len(alts) < 2 || !onlyPersons(dict.Lookup(strings.TrimSpace(alts[len(alts)-1]))) {
		return false
	}
	return slices.ContainsFunc(alts[:len(alts)-1], func(alt string) bool {
		return slices.ContainsFunc(dict.Lookup(strings.TrimSpace(alt)), func(e extract.Entry) bool {
			return e.Actor.Type != graph.Person
		})
	})
}

func onlyPersons(es []extract.Entry) bool {
	return len(es) > 0 && !slices.ContainsFunc(es, func(e extract.Entry) bool { return e.Actor.Type != graph.Person })
}
