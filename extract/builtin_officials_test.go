package extract_test

import (
	"testing"

	"geokg/extract"
	"geokg/graph"
)

// TestBuiltinOfficials checks officials of the built-in dictionary, named
// by surname alone or by a title only: each speaks for their state, and a
// title names the holder of the article's day and nobody outside the
// listed terms (the state named in the title then counts).
func TestBuiltinOfficials(t *testing.T) {
	x := extract.New(extract.Options{})
	for _, c := range []officialCase{
		// Surnames alone.
		{Name: "Tokayev", Date: "2024-05-01", Text: "Tokayev accused Russia of meddling in the region.",
			Persons: map[string]string{"Kassym-Jomart Tokayev": "KAZ"}, Edges: []string{"KAZ accuses RUS"}},
		{Name: "Mirziyoyev", Date: "2023-02-10", Text: "Mirziyoyev accused Tajikistan of blocking the water talks.",
			Persons: map[string]string{"Shavkat Mirziyoyev": "UZB"}, Edges: []string{"UZB accuses TJK"}},
		{Name: "a minister by title and name", Date: "2024-05-01",
			Text:    "Kazakh Foreign Minister Murat Nurtleu accused Kyrgyzstan of violating the border deal.",
			Persons: map[string]string{"Murat Nurtleu": "KAZ"}, Edges: []string{"KAZ accuses KGZ"}},
		{Name: "Fico", Date: "2024-02-01", Text: "Fico accused Ukraine of blocking gas transit.",
			Persons: map[string]string{"Robert Fico": "SVK"}, Edges: []string{"SVK accuses UKR"}},
		{Name: "Plenkovic", Date: "2022-03-01", Text: "Plenkovic accused Serbia of supplying arms to the separatists.",
			Persons: map[string]string{"Andrej Plenković": "HRV"}, Edges: []string{"HRV accuses SRB"}},
		{Name: "Hichilema", Date: "2022-09-01", Text: "Hichilema accused Russia of sending mercenaries to Mali.",
			Persons: map[string]string{"Hakainde Hichilema": "ZMB"}, Edges: []string{"ZMB accuses RUS"}},
		{Name: "Bazoum", Date: "2022-03-01", Text: "Bazoum accused Mali of endangering the whole region.",
			Persons: map[string]string{"Mohamed Bazoum": "NER"}, Edges: []string{"NER accuses MLI"}},
		{Name: "Sogavare", Date: "2023-05-01", Text: "Sogavare accused Australia of interfering in the election.",
			Persons: map[string]string{"Manasseh Sogavare": "SLB"}, Edges: []string{"SLB accuses AUS"}},
		{Name: "Anwar Ibrahim and Anwar Gargash", Date: "2024-05-01",
			Text:    "Anwar Ibrahim accused Israel of genocide. Anwar Gargash accused Iran of arming the Houthis.",
			Persons: map[string]string{"Anwar Ibrahim": "MYS", "Anwar Gargash": "ARE"},
			Edges:   []string{"MYS accuses ISR", "ARE accuses IRN"}},
		{Name: "a given name shared by many is nobody", Date: "2024-05-01",
			Text:   "Anwar al-Awlaki accused the United States of waging war on Islam.",
			Absent: []string{"Anwar Ibrahim"}, NoEdges: []string{"MYS accuses USA"}},
		{Name: "Boric", Date: "2023-03-01", Text: "Boric accused Venezuela of sending gangs across the border.",
			Persons: map[string]string{"Gabriel Boric": "CHL"}, Edges: []string{"CHL accuses VEN"}},
		{Name: "Kanaani", Date: "2024-09-12", Text: "Kanaani denied claims by Germany that Iran supplied missiles to Russia.",
			Persons: map[string]string{"Nasser Kanaani": "IRN"}, Edges: []string{"IRN denies DEU"}},

		{Name: "Konashenkov", Date: "2023-04-01", Text: "Konashenkov accused Ukraine of shelling the Zaporizhzhia plant.",
			Persons: map[string]string{"Igor Konashenkov": "RUS"}, Edges: []string{"RUS accuses UKR"}},
		{Name: "Motshekga", Date: "2025-02-01", Text: "Motshekga accused Rwanda of killing South African peacekeepers.",
			Persons: map[string]string{"Angie Motshekga": "ZAF"}, Edges: []string{"ZAF accuses RWA"}},
		{Name: "a Syrian minister by surname", Date: "2025-06-01", Text: "Abu Qasra accused the SDF of stalling the integration deal.",
			Persons: map[string]string{"Murhaf Abu Qasra": "SYR"}, Edges: []string{"SYR accuses group:sdf"}},
		{Name: "a rebel leader speaks for his coalition", Date: "2021-01-10",
			Text:    "Bozize accused Russia of sending mercenaries to Bangui.",
			Persons: map[string]string{"François Bozizé": "group:cpc"}, Edges: []string{"group:cpc accuses RUS"}},
		{Name: "Grushko", Date: "2024-06-01", Text: "Grushko accused NATO of preparing for a conflict with Russia.",
			Persons: map[string]string{"Alexander Grushko": "RUS"}, Edges: []string{"RUS accuses org:nato"}},
		{Name: "a separatist leader speaks for his republic", Date: "2022-02-18",
			Text:    "Pushilin accused Ukraine of shelling Donetsk.",
			Persons: map[string]string{"Denis Pushilin": "terr:dpr"}, Edges: []string{"terr:dpr accuses UKR"}},
		{Name: "a Hamas official by name", Date: "2024-03-01",
			Text:    "Sami Abu Zuhri accused Israel of blocking aid to northern Gaza.",
			Persons: map[string]string{"Sami Abu Zuhri": "group:hamas"}, Edges: []string{"group:hamas accuses ISR"}},
		{Name: "Adraee", Date: "2024-10-01", Text: "Adraee accused Hezbollah of hiding weapons in Beirut's southern suburbs.",
			Persons: map[string]string{"Avichay Adraee": "ISR"}, Edges: []string{"ISR accuses group:hezbollah"}},
		{Name: "an IRGC commander speaks for the IRGC", Date: "2024-04-01",
			Text:    "Esmail Qaani accused Israel of killing Iranian advisers in Damascus.",
			Persons: map[string]string{"Esmail Qaani": "org:irgc"}, Edges: []string{"IRN accuses ISR"}},
		{Name: "a UN inquiry speaks for the UN", Date: "2024-06-12",
			Text:  "The UN Commission of Inquiry accused Israel of extermination in Gaza.",
			Edges: []string{"org:un accuses ISR"}},

		// Titles by date: the holder of the day.
		{Name: "Japanese defence minister in 2025", Date: "2025-03-01",
			Text:    "The Japanese defence minister accused China of provocations near the Senkakus.",
			Persons: map[string]string{"Gen Nakatani": "JPN"}, Absent: []string{"Shinjiro Koizumi"},
			Edges: []string{"JPN accuses CHN"}},
		{Name: "Japanese defence minister in 2026", Date: "2026-01-15",
			Text:    "The Japanese defence minister accused China of provocations near the Senkakus.",
			Persons: map[string]string{"Shinjiro Koizumi": "JPN"}, Absent: []string{"Gen Nakatani"},
			Edges: []string{"JPN accuses CHN"}},
		{Name: "Kazakh president in 2018", Date: "2018-06-01", Text: "The Kazakh president accused Russia of meddling.",
			Persons: map[string]string{"Nursultan Nazarbayev": "KAZ"}, Absent: []string{"Kassym-Jomart Tokayev"},
			Edges: []string{"KAZ accuses RUS"}},
		{Name: "Kazakh president in 2020", Date: "2020-06-01", Text: "The Kazakh president accused Russia of meddling.",
			Persons: map[string]string{"Kassym-Jomart Tokayev": "KAZ"}, Absent: []string{"Nursultan Nazarbayev"},
			Edges: []string{"KAZ accuses RUS"}},
		{Name: "Romanian foreign minister in 2021", Date: "2021-05-01",
			Text:    "The Romanian foreign minister accused Russia of threatening Moldova.",
			Persons: map[string]string{"Bogdan Aurescu": "ROU"}, Absent: []string{"Oana Țoiu", "Luminița Odobescu"},
			Edges: []string{"ROU accuses RUS"}},
		{Name: "Slovak prime minister in 2023", Date: "2023-07-05",
			Text:    "The Slovak prime minister accused Ukraine of blocking gas transit.",
			Persons: map[string]string{"Ľudovít Ódor": "SVK"}, Absent: []string{"Robert Fico", "Eduard Heger"},
			Edges: []string{"SVK accuses UKR"}},
		{Name: "Somali president in 2021", Date: "2021-05-01",
			Text:    "The Somali president accused Kenya of interfering in Jubaland.",
			Persons: map[string]string{"Mohamed Abdullahi Farmaajo": "SOM"}, Absent: []string{"Hassan Sheikh Mohamud"},
			Edges: []string{"SOM accuses KEN"}},
		{Name: "Omani foreign minister in 2024", Date: "2024-01-10",
			Text:    "The Omani foreign minister accused Israel of violating the truce.",
			Persons: map[string]string{"Badr Albusaidi": "OMN"}, Absent: []string{"Yusuf bin Alawi bin Abdullah"},
			Edges: []string{"OMN accuses ISR"}},
		{Name: "Sri Lankan president in 2022", Date: "2022-05-01",
			Text:    "The Sri Lankan president accused China of debt-trap lending.",
			Persons: map[string]string{"Gotabaya Rajapaksa": "LKA"}, Absent: []string{"Ranil Wickremesinghe"},
			Edges: []string{"LKA accuses CHN"}},
		{Name: "New Zealand prime minister in 2023", Date: "2023-06-01",
			Text:    "The New Zealand prime minister accused China of spying on the Pacific islands.",
			Persons: map[string]string{"Chris Hipkins": "NZL"}, Absent: []string{"Jacinda Ardern", "Christopher Luxon"},
			Edges: []string{"NZL accuses CHN"}},
		{Name: "Peruvian president in 2023", Date: "2023-04-01",
			Text:    "The Peruvian president accused Mexico of meddling in Peru's affairs.",
			Persons: map[string]string{"Dina Boluarte": "PER"}, Absent: []string{"Pedro Castillo", "José Jerí"},
			Edges: []string{"PER accuses MEX"}},
		{Name: "Taoiseach in 2024", Date: "2024-06-01", Text: "The Taoiseach accused Israel of collective punishment.",
			Persons: map[string]string{"Simon Harris": "IRL"}, Absent: []string{"Leo Varadkar", "Micheál Martin"},
			Edges: []string{"IRL accuses ISR"}},
		{Name: "Hungarian prime minister in 2025", Date: "2025-06-01",
			Text:    "The Hungarian prime minister accused Ukraine of blackmail.",
			Persons: map[string]string{"Viktor Orbán": "HUN"}, Absent: []string{"Péter Magyar"},
			Edges: []string{"HUN accuses UKR"}},
		{Name: "Hungarian prime minister in mid-2026", Date: "2026-06-01",
			Text:    "The Hungarian prime minister accused Russia of blackmail.",
			Persons: map[string]string{"Péter Magyar": "HUN"}, Absent: []string{"Viktor Orbán"},
			Edges: []string{"HUN accuses RUS"}},
		{Name: "CSTO secretary-general in 2026", Date: "2026-02-01",
			Text:    "The CSTO secretary-general accused Ukraine of provocations.",
			Persons: map[string]string{"Taalatbek Masadykov": "org:csto"}, Absent: []string{"Imangali Tasmagambetov"},
			Edges: []string{"org:csto accuses UKR"}},
		{Name: "Dutch prime minister in 2025", Date: "2025-03-01",
			Text:    "The Dutch prime minister accused Russia of sabotage.",
			Persons: map[string]string{"Dick Schoof": "NLD"}, Absent: []string{"Rob Jetten"},
			Edges: []string{"NLD accuses RUS"}},
		{Name: "Kazakh foreign minister in late 2025", Date: "2025-12-01",
			Text:    "The Kazakh foreign minister accused Kyrgyzstan of violating the border deal.",
			Persons: map[string]string{"Yermek Kosherbayev": "KAZ"}, Absent: []string{"Murat Nurtleu", "Mukhtar Tileuberdi"},
			Edges: []string{"KAZ accuses KGZ"}},

		// The 2019-2021 holders (seventh session): a title in 2020 is theirs,
		// not their successors'.
		{Name: "German defence minister in 2020", Date: "2020-11-01",
			Text:    "The German defence minister accused Russia of cyberattacks on the Bundestag.",
			Persons: map[string]string{"Annegret Kramp-Karrenbauer": "DEU"}, Absent: []string{"Christine Lambrecht", "Boris Pistorius"},
			Edges: []string{"DEU accuses RUS"}},
		{Name: "South Korean defence minister in late 2024", Date: "2024-10-15",
			Text:    "The South Korean defence minister accused North Korea of sending troops to Russia.",
			Persons: map[string]string{"Kim Yong-hyun": "KOR"}, Absent: []string{"Shin Won-sik", "Ahn Gyu-back"},
			Edges: []string{"KOR accuses PRK"}},
		{Name: "North Korean foreign minister in 2021", Date: "2021-03-18",
			Text:    "The North Korean foreign minister accused the United States of hostile policy.",
			Persons: map[string]string{"Ri Son-gwon": "PRK"}, Absent: []string{"Choe Son-hui"},
			Edges: []string{"PRK accuses USA"}},
		{Name: "Iranian president in 2020", Date: "2020-01-09",
			Text:    "The Iranian president accused the United States of state terrorism.",
			Persons: map[string]string{"Hassan Rouhani": "IRN"}, Absent: []string{"Ebrahim Raisi"},
			Edges: []string{"IRN accuses USA"}},
		{Name: "a 2020 defence secretary by surname", Date: "2020-06-01",
			Text:    "Esper accused China of militarising the South China Sea.",
			Persons: map[string]string{"Mark Esper": "USA"}, Edges: []string{"USA accuses CHN"}},
		{Name: "an armed group's commander by name", Date: "2024-12-20",
			Text:    "Mazloum Abdi accused Turkey of shelling Kobani.",
			Persons: map[string]string{"Mazloum Abdi": "group:sdf"}, Edges: []string{"group:sdf accuses TUR"}},

		// Outside every listed term, the title names nobody; its state counts.
		{Name: "Kazakh president in 1985", Date: "1985-03-01", Text: "The Kazakh president accused Russia of meddling.",
			Absent: []string{"Kassym-Jomart Tokayev", "Nursultan Nazarbayev"}, Edges: []string{"KAZ accuses RUS"}},
		{Name: "Serbian prime minister in 2010", Date: "2010-03-01",
			Text:   "The Serbian prime minister accused Kosovo of provoking violence.",
			Absent: []string{"Ana Brnabić", "Miloš Vučević", "Đuro Macut"}, Edges: []string{"SRB accuses XKX"}},
		{Name: "Peruvian president after the listed terms", Date: "2026-09-01",
			Text:   "The Peruvian president accused Mexico of meddling in Peru's affairs.",
			Absent: []string{"José Jerí", "Dina Boluarte"}, Edges: []string{"PER accuses MEX"}},
	} {
		t.Run(c.Name, func(t *testing.T) {
			d, err := graph.ParseDate(c.Date)
			if err != nil {
				t.Fatal(err)
			}
			res := x.Extract(graph.Article{ID: graph.ArticleID([]byte(c.Text)), Date: d}, c.Text)
			checkPersons(t, res, c.Persons)
			for _, a := range res.Actors {
				for _, name := range c.Absent {
					if a.Name == name {
						t.Errorf("%s found, want nobody for the title on %s", name, c.Date)
					}
				}
			}
			checkEdges(t, stateEdges(res), c.Edges, c.NoEdges)
		})
	}
}
