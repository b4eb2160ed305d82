// Package corpus generates synthetic news articles for geokg's benchmarks:
// template sentences (the package's own text) about actors of an actor
// dictionary, with accusations, denials, supplies, alliances and neutral
// filler. The same seed, article number, size and dictionary always give
// the same text.
//
// # Usage
//
//	gen, err := corpus.New(extract.Builtin())
//	text, date := gen.Article(seed, n, 4<<10)
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"geokg/extract"
	"geokg/graph"
)

// Generator writes articles. It holds the names the templates draw actors
// from, taken from the actor dictionary in id order so that a seed gives
// the same text for the same dictionary. It is safe for concurrent use.
type Generator struct {
	states []state  // countries with a capital
	bodies []string // organisations and armed groups, by proper name
	places []string // territories, by proper name
}

// state is a country as the templates name it.
type state struct {
	name, capital, demonym string
}

// New returns a generator over the states (with a capital and a demonym)
// and the organisations and groups of d.
func New(d *extract.Dictionary) (*Generator, error) {
	c := &Generator{}
	for _, e := range d.Entries() {
		switch e.Actor.Type {
		case graph.Country:
			s := state{name: e.Actor.Name}
			for _, n := range e.Names {
				if n.Kind == extract.NameCapital && s.capital == "" {
					s.capital = n.Text
				}
				if n.Kind == extract.NameDemonym && s.demonym == "" {
					s.demonym = n.Text
				}
			}
			if s.capital != "" && s.demonym != "" && !strings.ContainsAny(s.name, "(),") {
				s.name = withArticle(s.name)
				c.states = append(c.states, s)
			}
		case graph.Territory:
			if !strings.ContainsAny(e.Actor.Name, "(),") {
				c.places = append(c.places, e.Actor.Name)
			}
		case graph.Organization, graph.Group:
			if !strings.ContainsAny(e.Actor.Name, "(),") {
				c.bodies = append(c.bodies, e.Actor.Name)
			}
		}
	}
	if len(c.states) < 20 || len(c.bodies) < 5 || len(c.places) < 1 {
		return nil, fmt.Errorf("corpus: dictionary too small: %d states with a capital and demonym, %d organisations, %d territories", len(c.states), len(c.bodies), len(c.places))
	}
	return c, nil
}

// Word lists for the templates. They are the generator's own.
var (
	weekdays  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	crimes    = []string{"shelling border villages", "jamming civilian flights", "violating the ceasefire", "sheltering militants", "cyber attacks on its power grid", "seizing a cargo ship", "interfering in the election", "smuggling fuel across the frontier"}
	goods     = []string{"artillery shells", "drones", "air-defence missiles", "armoured vehicles", "fuel", "grain", "rifles and ammunition", "military equipment"}
	weapons   = []string{"artillery shells", "drones", "air-defence missiles", "armoured vehicles", "rifles", "patrol boats"}
	rejects   = []string{"baseless", "absurd", "a provocation", "politically motivated", "an attempt to distract from its own failures"}
	topics    = []string{"grain exports", "a pipeline project", "fishing rights", "a debt restructuring", "visa rules", "a new port", "electricity prices", "a rail link"}
	officials = []string{"the foreign ministry", "a government spokesman", "the defence ministry", "a senior diplomat", "the president's office", "a parliamentary committee"}
	numbers   = []string{"two", "three", "several", "dozens of", "hundreds of", "more than a thousand"}
)

// Epoch is the date of article 0; articles spread over two years from it.
var Epoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// Date is the date of article n.
func Date(n int) time.Time { return Epoch.AddDate(0, 0, (n*37)%730) }

// Article returns article n of the corpus of the given seed, of about size
// bytes (a little more: the last paragraph is finished), and its date. The
// text is a title line, then paragraphs of relational and neutral
// sentences about a few actors. n appears in the title, so no two
// articles are the same (geokg keys articles by the hash of their text).
func (c *Generator) Article(seed uint64, n, size int) (string, time.Time) {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	date := Date(n)
	return c.article(r, n, size, date), date
}

func (c *Generator) article(r *rand.Rand, n, size int, date time.Time) string {
	players := c.pick(r, 3+r.IntN(5))
	org := c.bodies[r.IntN(len(c.bodies))]
	var b strings.Builder
	b.Grow(size + 512)
	fmt.Fprintf(&b, "%s and %s trade charges over %s (report %d)\n\n", players[0].capital, players[1].capital, pickOf(r, topics), n)
	fmt.Fprintf(&b, "%s, %s - ", strings.ToUpper(players[0].capital), date.Format("Jan. 2"))
	for b.Len() < size {
		for range 3 + r.IntN(3) {
			b.WriteString(capitalize(c.sentence(r, players, org)))
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// pick returns k different states.
func (c *Generator) pick(r *rand.Rand, k int) []state {
	idx := r.Perm(len(c.states))[:k]
	out := make([]state, k)
	for i, j := range idx {
		out[i] = c.states[j]
	}
	return out
}

// sentence writes one sentence about two of the players (or a player and
// the organisation or a territory). About half the sentences state a
// relation.
func (c *Generator) sentence(r *rand.Rand, players []state, org string) string {
	i := r.IntN(len(players))
	j := (i + 1 + r.IntN(len(players)-1)) % len(players)
	a, b := players[i], players[j]
	day := pickOf(r, weekdays)
	switch r.IntN(13) {
	case 0:
		return fmt.Sprintf("%s accused %s on %s of %s.", a.name, b.name, day, pickOf(r, crimes))
	case 1:
		return fmt.Sprintf("%s denied the accusations by %s, calling them %s.", b.capital, a.name, pickOf(r, rejects))
	case 2:
		return fmt.Sprintf("%s has supplied %s with %s since the spring, %s said.", a.name, b.name, pickOf(r, goods), pickOf(r, officials))
	case 3:
		return fmt.Sprintf("%s and %s are allies, %s said after talks in %s.", a.name, b.name, pickOf(r, officials), a.capital)
	case 4:
		return fmt.Sprintf("%s accused %s of %s.", org, a.name, pickOf(r, crimes))
	case 5:
		return fmt.Sprintf("%s pledged to deliver %s %s to %s before the winter.", a.name, pickOf(r, numbers), pickOf(r, weapons), b.name)
	case 6:
		return fmt.Sprintf("%s officials met their counterparts from %s in %s to discuss %s.", a.demonym, b.name, a.capital, pickOf(r, topics))
	case 7:
		return fmt.Sprintf("Trade between %s and %s fell by %d percent last year, according to figures published on %s.", a.name, b.name, 2+r.IntN(30), day)
	case 8:
		return fmt.Sprintf("Diplomats close to %s said talks on %s could resume within %s weeks.", org, pickOf(r, topics), pickOf(r, numbers[:3]))
	case 9:
		return fmt.Sprintf("The %s currency weakened slightly as markets in %s reacted to the news.", a.demonym, b.capital)
	case 11:
		return fmt.Sprintf("%s formally recognised %s on %s, %s said.", a.name, c.places[r.IntN(len(c.places))], day, pickOf(r, officials))
	case 10:
		return fmt.Sprintf("Analysts said the dispute over %s was unlikely to be settled before the end of the year.", pickOf(r, topics))
	}
	return fmt.Sprintf("Heavy rain in %s delayed %s shipments by %d days, port officials said.", b.capital, pickOf(r, goods[4:6]), 1+r.IntN(9))
}

// withArticle puts "the" before the names that take it in running text
// ("the United States", "the Netherlands").
func withArticle(name string) string {
	for _, w := range []string{"United", "Republic", "Kingdom", "Islands", "Emirates", "Netherlands", "Philippines", "Bahamas", "Gambia"} {
		if strings.Contains(name, w) {
			return "the " + name
		}
	}
	return name
}

// capitalize upper-cases the first letter of a sentence ("the United
// States accused" at the start of one).
func capitalize(s string) string {
	if strings.HasPrefix(s, "the ") {
		return "The " + s[4:]
	}
	return s
}

func pickOf(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }
