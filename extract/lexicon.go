package extract

import (
	"strings"

	"geokg/graph"
)

// pos is the part of speech of a trigger form.
type pos uint8

const (
	verbBase pos = iota // accuse, accuses
	verbPast            // accused (past tense or participle)
	verbGer             // accusing
	noun                // accusation, accusations
)

// trig is one form of a relation trigger.
type trig struct {
	rel   graph.Relation
	lemma string
	pos   pos
	// goods: the verb needs a supplied thing (arms, aid...) in its object.
	goods bool
	// reverse: the subject receives ("received arms from X").
	reverse bool
	// claim: a noun that names a claim (accusation, allegation, claim).
	claim bool
}

// triggers maps a lower-case word form to its trigger.
var triggers = map[string]trig{}

func addVerb(rel graph.Relation, lemma string, forms [4]string, goods, reverse bool) {
	for i, f := range forms {
		if f == "" {
			continue
		}
		p := verbBase
		switch i {
		case 2:
			p = verbPast
		case 3:
			p = verbGer
		}
		triggers[f] = trig{rel: rel, lemma: lemma, pos: p, goods: goods, reverse: reverse}
	}
}

// regular returns base, 3rd person, past and gerund of a regular verb.
func regular(base string) [4]string {
	stem := strings.TrimSuffix(base, "e")
	s3 := base + "s"
	if strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") {
		s3 = base + "es"
	}
	past := stem + "ed"
	if strings.HasSuffix(base, "y") && !strings.HasSuffix(base, "ey") {
		s3 = strings.TrimSuffix(base, "y") + "ies"
		past = strings.TrimSuffix(base, "y") + "ied"
	}
	return [4]string{base, s3, past, stem + "ing"}
}

func addNoun(rel graph.Relation, lemma string, claim bool, forms ...string) {
	for _, f := range forms {
		triggers[f] = trig{rel: rel, lemma: lemma, pos: noun, claim: claim}
	}
}

func init() {
	A, D, S, L, R := graph.Accuses, graph.Denies, graph.Supplies, graph.AlliesWith, graph.Recognizes
	for _, v := range []string{"accuse", "blame", "condemn", "denounce", "criticize", "criticise", "censure",
		"rebuke", "lambast", "lambaste", "castigate", "fault", "allege"} {
		addVerb(A, v, regular(v), false, false)
	}
	addVerb(A, "slam", [4]string{"slam", "slams", "slammed", "slamming"}, false, false)
	addVerb(A, "complain", regular("complain"), false, false)
	addVerb(A, "charge", [4]string{"", "", "charged", "charging"}, false, false)
	addNoun(A, "accusation", true, "accusation", "accusations", "allegation", "allegations")
	addNoun(A, "condemnation", false, "condemnation", "condemnations", "criticism", "criticisms")

	for _, v := range []string{"deny", "reject", "dismiss", "refute", "rebuff", "repudiate", "disavow"} {
		addVerb(D, v, regular(v), false, false)
	}
	addNoun(D, "denial", false, "denial", "denials")

	for _, v := range []string{"supply", "equip", "fund", "finance", "bankroll"} {
		addVerb(S, v, regular(v), false, false)
	}
	addVerb(S, "arm", [4]string{"arm", "", "armed", "arming"}, false, false)
	triggers["supplies"] = trig{rel: S, lemma: "supply", pos: verbBase} // also a noun: decided in context
	addVerb(S, "equip", [4]string{"equip", "equips", "equipped", "equipping"}, false, false)
	for _, v := range []string{"provide", "deliver", "transfer", "ship", "donate", "pledge", "promise", "export", "hand", "smuggle"} {
		f := regular(v)
		if v == "ship" {
			f = [4]string{"ship", "ships", "shipped", "shipping"}
		}
		if v == "transfer" {
			f = [4]string{"transfer", "transfers", "transferred", "transferring"}
		}
		addVerb(S, v, f, true, false)
	}
	addVerb(S, "send", [4]string{"send", "sends", "sent", "sending"}, true, false)
	addVerb(S, "sell", [4]string{"sell", "sells", "sold", "selling"}, true, false)
	addVerb(S, "give", [4]string{"give", "gives", "gave", "giving"}, true, false)
	triggers["given"] = trig{rel: S, lemma: "give", pos: verbPast, goods: true}
	addVerb(S, "grant", regular("grant"), true, false)
	addVerb(S, "lend", [4]string{"lend", "lends", "lent", "lending"}, true, false)
	for _, v := range []string{"receive", "obtain", "acquire", "purchase", "import", "order"} {
		addVerb(S, v, regular(v), true, true)
	}
	addVerb(S, "buy", [4]string{"buy", "buys", "bought", "buying"}, true, true)
	addVerb(S, "get", [4]string{"", "", "got", ""}, true, true)
	addNoun(S, "supplier", false, "supplier", "suppliers")
	addNoun(S, "delivery", false, "delivery", "deliveries", "shipment", "shipments", "sale", "sales",
		"transfer", "transfers", "supply", "donation", "donations", "aid", "assistance", "loan", "loans",
		"exports", "consignment", "consignments", "package", "packages")

	addVerb(L, "ally", [4]string{"ally", "", "allied", "allying"}, false, false)
	addNoun(L, "ally", false, "ally", "allies", "alliance", "alliances")

	for _, v := range []string{"recognize", "recognise"} {
		addVerb(R, v, regular(v), false, false)
	}
	addNoun(R, "recognition", false, "recognition")
	trigWords, trigList = indexTriggers()
}

// goodsWords are what can be supplied: arms, equipment, money, aid.
var goodsWords = setOf("arms", "weapons", "weapon", "weaponry", "ammunition", "munitions", "missiles", "missile",
	"rockets", "rocket", "drones", "drone", "tanks", "tank", "jets", "jet", "fighter", "fighters", "aircraft",
	"planes", "helicopters", "equipment", "materiel", "materials", "aid", "assistance", "money", "funds",
	"funding", "financing", "loan", "loans", "grant", "grants", "credit", "credits", "dollars", "euros",
	"billion", "million", "shells", "artillery", "launchers", "launcher", "systems", "vehicles", "armour",
	"armor", "guns", "rifles", "bombs", "explosives", "warships", "submarines", "radar", "intelligence",
	"supplies", "fuel", "oil", "gas", "food", "grain", "medicine", "medicines", "vaccines",
	"howitzers", "abrams", "leopard", "patriot", "himars", "atacms", "f-16s", "f-16", "mig-29s",
	"ballistic", "cruise", "components", "technology", "shahed", "batteries", "interceptors", "armoured",
	"support", "package", "packages", "humanitarian", "military", "rounds", "cash", "$", "€", "£",
	"photographs", "air-defence", "air-defense", "spare", "parts", "hardware", "fund", "tranche", "system",
	"relief", "tents", "blankets", "shell", "howitzer", "vehicle", "helicopter", "plane", "warship",
	"submarine", "interceptor", "battery", "bomb", "gun", "rifle", "component", "ammo", "munition",
	"financial", "economic", "lethal", "medical", "mortars", "grenades", "mines", "uavs", "uav", "vessels",
	"boats", "ships", "leopards", "tanks", "jets", "fighter", "frigates", "corvettes", "stingers", "javelins",
	"radars", "wheat", "flour", "helicopters")

// commodities are goods a sale of which is trade, not supply: "sold Cuba
// 1.6 million barrels of oil". Given, sent or delivered, they count.
var commodities = setOf("oil", "gas", "fuel", "food", "grain", "wheat", "barrels", "rice", "coal", "electricity",
	"million", "billion", "dollars", "euros", "$", "€", "£", "tonnes", "tons",
	"fertiliser", "fertilizer", "goods", "products", "exports", "imports")

// goodsStrong are goods that make "support" or "package" concrete.
var goodsNeedModifier = setOf("support", "package", "packages", "humanitarian", "military", "systems", "system",
	"components", "component", "technology", "parts", "financial", "economic", "lethal", "medical")

// heads are nouns that, after a demonym or a state's name, make the phrase
// stand for the state: "the North Korean regime", "Russian officials",
// "Israeli air strikes" (the state's act).
var heads = setOf("government", "governments", "regime", "authorities", "administration", "officials",
	"official", "leadership", "leader", "leaders", "military", "army", "forces", "troops", "navy",
	"ministry", "side", "diplomats", "diplomat", "envoy", "envoys", "ambassador", "spokesman", "spokeswoman",
	"spokesperson", "delegation", "embassy", "junta", "cabinet", "state", "warships", "vessels", "jets",
	"rulers", "president", "premier", "strikes", "airstrikes", "raids", "raid", "attacks", "attack",
	"aggression", "shelling", "bombing", "bombardment", "occupation", "invasion", "incursion", "crackdown",
	"suppression", "test", "tests", "actions", "policies", "policy", "provocation", "provocations",
	"intelligence", "counterpart", "authority", "parliament", "negotiators", "mission", "generals",
	"soldiers", "police", "commanders", "command", "statement", "foreign", "defence", "defense",
	"security", "mfa", "secretary", "minister", "prime", "chancellor", "king", "emir", "fire", "gunfire",
	"force", "guard", "coastguard", "presidency", "lawmakers", "parliamentarians", "negotiator",
	"militia", "militias", "proxies", "campaign", "offensive", "blockade", "sanctions", "interference",
	"meddling", "violations", "aircraft", "drills", "exercises", "incursions", "airspace", "member",
	"bureau", "politburo", "fighters", "rebels", "insurgents", "operatives", "militants", "ministers",
	"generals", "commanders", "spokesmen", "officers", "ambassadors", "envoy", "lawmaker", "legislators")

// groupHeads make a phrase stand for an armed group or movement only
// ("Houthi rebels"); "Syrian rebels" are not Syria.
var groupHeads = setOf("member", "bureau", "politburo", "fighters", "rebels", "insurgents", "operatives", "militants")

// title words introduce a person's name ("Foreign Minister Sergei Lavrov").
var titleWords = setOf("president", "vice-president", "minister", "secretary", "secretary-general",
	"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "leader", "king", "queen", "emir",
	"prince", "general", "gen.", "commander", "chief", "director", "director-general", "head", "adviser",
	"advisor", "senator", "governor", "ayatollah", "sheikh", "colonel", "col.", "admiral", "marshal",
	"chancellor", "premier", "prime", "foreign", "defence", "defense", "deputy", "vice", "supreme",
	"chairman", "chairwoman", "dictator", "ruler", "mr.", "mrs.", "ms.", "dr.", "lt.",
	"lieutenant", "major", "sgt.", "sen.", "rep.", "gov.", "cardinal", "pope", "tsar", "sultan", "ousted",
	"former", "interim", "acting", "state", "affairs", "national", "security", "spy", "intelligence", "army",
	"navy", "military", "top", "senior", "special", "representative", "negotiator", "diplomat", "official",
	"counsellor", "attorney")

// personTitles are the words that, alone before a name, make it a person.
var personTitles = setOf("president", "minister", "secretary", "secretary-general", "spokesman",
	"spokeswoman", "spokesperson", "ambassador", "envoy", "leader", "king", "queen", "emir", "prince",
	"general", "gen.", "commander", "chief", "director", "director-general", "adviser", "advisor",
	"senator", "governor", "ayatollah", "sheikh", "colonel", "col.", "admiral", "marshal", "chancellor",
	"premier", "chairman", "chairwoman", "dictator", "ruler", "mr.", "mrs.", "ms.",
	"dr.", "lt.", "lieutenant", "sgt.", "sen.", "rep.", "gov.", "cardinal", "pope", "sultan",
	"representative", "negotiator", "diplomat", "counsellor", "attorney")

func isTitleStart(w string) bool { return personTitles[w] }

// claimNouns name what a denial rejects.
var claimNouns = setOf("claim", "claims", "accusation", "accusations", "allegation", "allegations",
	"charge", "charges", "report", "reports", "rumor", "rumors", "rumour", "rumours", "assertion",
	"assertions", "suggestion", "suggestions", "story", "stories", "reporting", "speculation",
	"involvement", "role", "wrongdoing", "responsibility", "fabrication", "fabrications", "lies", "lie",
	"slander", "smear", "smears", "insinuations", "insinuation", "statements", "statement", "contention",
	"account", "accounts", "version", "narrative", "link", "links", "connection", "connections",
	"assessment", "findings", "finding", "complicity", "assertion", "theory", "accusing", "reporting",
	"protest", "protests", "criticism", "criticisms", "complaint", "complaints", "accusation", "allegation")

// reporting verbs introduce a claim: "X said (that) ...".
var reportingVerbs = setOf("said", "says", "say", "claimed", "claims", "claim", "alleged", "alleges",
	"stated", "states", "told", "tells", "added", "adds", "declared", "declares", "announced", "announces",
	"insisted", "insists", "maintained", "maintains", "asserted", "asserts", "reported", "reports",
	"warned", "warns", "noted", "notes", "argued", "argues", "contended", "contends", "suggested",
	"believes", "believed", "charged", "charges", "confirmed", "confirms", "acknowledged", "admitted",
	"accused", "accuses", "saying")

// hostile verbs make a reported claim an accusation: "X said Y attacked Z".
var hostileWords = setOf("attacked", "attack", "attacks", "bombed", "shelled", "invaded", "killed", "breached",
	"broke", "broken", "violates", "breaching",
	"violated", "violating", "behind", "responsible", "orchestrated", "sponsored", "sponsoring", "plotted",
	"massacred", "tortured", "poisoned", "shot", "downed", "struck", "targeted", "sabotaged", "hacked",
	"meddled", "interfered", "occupied", "annexed", "fired")

// negators drop a relation in their clause.
var negators = setOf("not", "n't", "never", "no", "neither", "nor", "without", "refused", "refuses",
	"declined", "declines", "refrained", "refrains", "avoided", "avoids", "short", "none")

// stopVerbs, before a supply or recognition, say it is not happening.
var stopVerbs = setOf("refused", "refuses", "refuse", "declined", "declines", "decline", "halted", "halt",
	"halts", "suspended", "suspend", "suspends", "stopped", "stop", "stops", "cut", "cuts", "withheld",
	"withhold", "withholds", "withdrew", "withdraw", "reduced", "reduce", "prohibit", "prohibited",
	"banned", "ban", "bans", "blocked", "block", "cancel", "cancelled", "canceled", "ended", "end", "freeze",
	"froze", "frozen", "barred", "bar", "embargo", "embargoes", "lift", "lifted", "denied", "deny", "denies",
	"failed", "fail", "opposed", "oppose", "opposes", "resisted", "rejected", "reject", "rejects",
	"ruled", "rule", "reluctant", "hesitant", "unwilling", "stopping", "halting", "suspending", "refusing",
	"demanded", "demand", "demands", "urged", "urge", "urges", "called", "calls", "asked", "asks",
	"pressed", "presses", "pressing", "threatened", "threatens", "threaten", "threatening", "considering",
	"consider", "considers", "considered", "weighing", "weigh", "weighs", "plans", "plan", "planned",
	"planning", "intends", "intend", "intended", "could", "might", "may", "should", "whether", "if",
	"willing", "ready", "prepared", "wants", "want", "wanted", "seeks", "seek", "sought", "hopes", "hope",
	"hoped", "mulling", "mull", "mulls", "preparing", "prepares", "prepare", "debating", "exploring", "explore", "offered", "offer", "offers",
	"offering", "unless", "until", "once", "allow", "allowed", "ensure", "pushing", "push",
	"lobbying", "lobbied", "ought", "would-be", "possible", "possibly", "potential", "potentially", "aim",
	"aims", "aiming", "study", "studying", "discuss", "discussed", "discussing", "talks", "whilst",
	"yet", "stopped", "short", "ends", "ending", "seeking", "negotiating", "pursuing", "applied", "applying",
	"applies", "application", "hoping", "scrapping", "terminating", "quitting", "leaving", "exiting", "scrapped", "scraps", "scrap", "terminated", "terminates", "quit",
	"quits", "exited", "exits", "abandoned", "abandons", "revoked", "revokes", "withdrawn", "severed", "severs", "sever")

// promiseWords make a supply promised rather than done.
var promiseWords = setOf("will", "would", "promised", "promise", "promises", "pledged", "pledge", "pledges",
	"vowed", "vow", "vows", "agreed", "agree", "agrees", "committed", "commit", "commits", "future",
	"announced", "announce", "announces", "approved", "approve", "approves", "set", "shall", "upcoming",
	"'ll", "going")

// clauseBreaks end the clause a subject is searched in.
var clauseBreaks = setOf(";", ":", "but", "while", "whereas", "although", "though", "because", "since",
	"after", "before", "when", "whom", "where", "unless", "if", "until", "-", "(", ")", "despite", "amid")

// prepositions before an actor make it no subject or direct object.
var prepositions = setOf("to", "in", "at", "from", "with", "for", "into", "toward", "towards", "on",
	"of", "by", "against", "about", "over", "under", "between", "among", "across", "near", "through",
	"within", "inside", "outside", "via", "like", "including", "than", "as", "after", "before",
	"during", "upon", "onto", "throughout", "beyond", "around", "behind", "alongside", "despite")

var pronouns = setOf("he", "she", "it", "they", "them", "him", "its", "their")

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.")

var beForms = setOf("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets")
