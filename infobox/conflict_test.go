package infobox

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
)

var testActors = func() *actor.Table {
	t, err := actor.Load()
	if err != nil {
		panic(err)
	}
	return t
}()

// testLex is the embedded lexicon, for tests of the readers that use it.
var testLex = func() *lexicon {
	x, err := New()
	if err != nil {
		panic(err)
	}
	return x.lex
}()

func TestNoConflictFieldsGivesNil(t *testing.T) {
	a := article("A person", [][2]string{{"Born", "1900"}, {"Spouse", "X"}})
	if c := Extract(a, testActors); c != nil {
		t.Errorf("Extract = %+v, want nil", c)
	}
	if c := Extract(nil, testActors); c != nil {
		t.Error("Extract(nil) is not nil")
	}
}

func TestNameIsConflictLineElseTitle(t *testing.T) {
	a := article("Zeta War", [][2]string{{"Conflict", " Upper Zeta incident "}, {"Result", "Ceasefire"}})
	if c := Extract(a, testActors); c.Name != "Upper Zeta incident" {
		t.Errorf("Name = %q", c.Name)
	}
	a = article("Delta Strip War", [][2]string{{"Result", " Ceasefire "}, {"Territory", ""}})
	c := Extract(a, testActors)
	if c.Name != "Delta Strip War" || c.Result == nil || *c.Result != "Ceasefire" || c.Territory != nil {
		t.Errorf("Name = %q, Result = %v, Territory = %v", c.Name, c.Result, c.Territory)
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"29 July – 11 August 1938", "1938-07-29", "1938-08-11"},
		{"1 March 1932 – 16 September 1939, ()", "1932-03-01", "1939-09-16"},
		{"11–12 March 1936", "1936-03-11", "1936-03-12"},
		{"May 1939", "1939-05", "1939-05"},
		{"1918–1922", "1918", "1922"},
		// A lone ISO date is a lost {{Start date}}: the start only.
		{"2020-05-05", "2020-05-05", ""},
		// One day in two calendars is the day written first.
		{"3 June 1702 (O.S.) | 14 June 1702 (N.S.)", "1702-06-03", "1702-06-03"},
		{"14 June 1702 (N.S.); 3 June 1702 (O.S.)", "1702-06-14", "1702-06-14"},
		{"2–4 May 1611 (Old Style) | 12–14 May 1611 (New Style)", "1611-05-02", "1611-05-04"},
		// Separate days stay a span.
		{"3 June 1702 | 14 June 1702", "1702-06-03", "1702-06-14"},
	}
	for _, tt := range tests {
		c := Extract(article("W", [][2]string{{"Date", tt.in}}), testActors)
		if c.Start.String() != tt.start || c.End.String() != tt.end {
			t.Errorf("Date %q: %s..%s, want %s..%s", tt.in, c.Start, c.End, tt.start, tt.end)
		}
		if c.DateText != strings.TrimSpace(tt.in) {
			t.Errorf("DateText = %q", c.DateText)
		}
	}
}

func TestPlacesAndPartOf(t *testing.T) {
	tests := []struct {
		key, in string
		want    []string
	}{
		{"Place", "Northeast Asia (Mongolia, Primorsky Krai, Manchuria)", []string{"Northeast Asia", "Mongolia", "Primorsky Krai", "Manchuria"}},
		{"Place", "Paramushir, Kuril Islands", []string{"Paramushir", "Kuril Islands"}},
		{"Place", "Line of Control (LOC), Indo-Tibetan border", []string{"Line of Control", "Indo-Tibetan border"}},
		{"Place", "Drass sector, (now Ladakh, India)", []string{"Drass sector", "Ladakh", "India"}},
		{"Place", "Mali and Burkina Faso", []string{"Mali", "Burkina Faso"}},
		{"Place", "Northern Chad and southern Libya", []string{"Northern Chad", "southern Libya"}},
		{"Place", "Northern Chad and the Tibesti Mountains", []string{"Northern Chad", "Tibesti Mountains"}},
		{"Place", "Ras Doumeira and Doumeira Island", []string{"Ras Doumeira and Doumeira Island"}},
		{"Place", "Jammu and Kashmir", []string{"Jammu and Kashmir"}},
		{"Place", "Trinidad and Tobago", []string{"Trinidad and Tobago"}},
		{"Place", "Lake X (near Fangzhen, Manchukuo and Rajin, Korea)", []string{"Lake X", "Fangzhen", "Manchukuo", "Rajin", "Korea"}},
		{"Place", "Upper valley: in the eastern side of the range, near to the border", []string{"Upper valley"}},
		{"Place", "Border between Ecuador and Peru", []string{"Border between Ecuador and Peru"}},
		{"Place", "Near the Khalkhin Gol river, on the Mongolia–Manchukuo border", []string{"Khalkhin Gol river", "Mongolia–Manchukuo border"}},
		{"Place", "at Longju, along the McMahon Line", []string{"Longju", "McMahon Line"}},
		{"Place", "Off Cape Vel, Kel Sea", []string{"Cape Vel", "Kel Sea"}},
		{"Partof", "the interwar period (until 1939) and World War II", []string{"the interwar period (until 1939)", "World War II"}},
		{"Partof", "Sino-Vietnamese wars and conflicts", []string{"Sino-Vietnamese wars and conflicts"}},
		{"Partof", "the Invasion of Sakhalin during World War II", []string{"the Invasion of Sakhalin during World War II"}},
		{"Partof", "World War I, the Russian Civil War", []string{"World War I", "the Russian Civil War"}},
		// Two lands before one noun are one name; two names each with
		// its own noun, or "the", are two.
		{"Partof", "the Kel and Varn campaign of the Great War", []string{"the Kel and Varn campaign of the Great War"}},
		{"Partof", "the Kel War and the Varn crisis", []string{"the Kel War", "the Varn crisis"}},
		{"Partof", "the Kel War and Operation Varn", []string{"the Kel War", "Operation Varn"}},
	}
	for _, tt := range tests {
		c := Extract(article("W", [][2]string{{tt.key, tt.in}}), testActors)
		got := c.Places
		if tt.key == "Partof" {
			got = c.PartOf
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q = %q, want %q", tt.key, tt.in, got, tt.want)
		}
	}
}

func TestCombatantLines(t *testing.T) {
	tests := []struct {
		name, in   string
		want       []string
		supporters []string
	}{
		{"canonical names", "USSR, Republic of India", []string{"Soviet Union", "India"}, nil},
		{"a former state keeps the article's name", "Dutch Republic, Upper Volta", []string{"Dutch Republic", "Upper Volta"}, nil},
		{"a state before its successor keeps its name", "France, State of Vietnam", []string{"France", "State of Vietnam"}, nil},
		{"Great Britain is the state of its time, not the United Kingdom", "Great Britain, Hanover", []string{"Great Britain", "Hanover"}, nil},
		{"Britain is the United Kingdom", "Britain, Republic of India", []string{"United Kingdom", "India"}, nil},
		{"image leftovers", "flagicon image, 24px|border Ruritania, File:Flag of Borduria.svg, Image:Banner.png|20px, Japan", []string{"Ruritania", "Japan"}, nil},
		{"groups kept as written", ", Hizb Council, Arab volunteers", []string{"Hizb Council", "Arab volunteers"}, nil},
		{"support is not fighting", "Peru, Armament support by:, Argentina, Chile, Diplomatic support by:, United States", []string{"Peru"}, []string{"Argentina", "Chile", "United States"}},
		{"supported by item", "Peru, Supported by, Chile", []string{"Peru"}, []string{"Chile"}},
		{"support header run into the name before", "Chad Supported by: France, Zaire", []string{"Chad"}, []string{"France", "Zaire"}},
		{"diplomatic support run in", "Peru Diplomatic support: United States", []string{"Peru"}, []string{"United States"}},
		{"on behalf of", "Manchukuo (on behalf of Japan)", []string{"Manchukuo"}, nil},
		{"image junk", "24px, border|23px Japan", []string{"Japan"}, nil},
		// An alliance heading its members fought with them; a header
		// naming no party is none.
		{"an alliance heading its members", "Vel Guards, NATO (from 24 March 1999):, Canada, Belgium, Supported by:, Albania", []string{"Vel Guards", "NATO", "Canada", "Belgium"}, []string{"Albania"}},
		{"a header of vassals", "Ottoman Empire, Vassals:, Wallachia", []string{"Ottoman Empire", "Wallachia"}, nil},
		// A state's own services are the state in arms; a body of its
		// people that is not its army keeps its name.
		{"a state's armed services", "Bolivian People's Army, Bolivian National Guard, Bolivian Liberation Front, Royal Thai Navy", []string{"Bolivia", "Bolivian Liberation Front", "Thailand"}, nil},
	}
	for _, tt := range tests {
		c := Extract(article("W", [][2]string{{"Combatant1", tt.in}, {"Combatant2", "Japan"}}), testActors)
		if got := c.Sides[0].Belligerents; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q → %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if got := c.Sides[0].Supporters; !reflect.DeepEqual(got, tt.supporters) {
			t.Errorf("%s: %q → supporters %q, want %q", tt.name, tt.in, got, tt.supporters)
		}
	}
	var line combatants
	readCombatants(", , Japan, 24px", testActors, &line)
	if line.lost != 3 || !reflect.DeepEqual(line.names(), []string{"Japan"}) {
		t.Errorf("lost = %d, names = %q; want 3 lost names and Japan", line.lost, line.names())
	}
}

func TestJointRowAndSubRows(t *testing.T) {
	a := article("W", [][2]string{
		{"Combatant1", "Chile"}, {"Combatant1a", "Peru"}, {"Commander1b", "Ana Ruiz"},
		{"Combatant2", "Bolivia"}, {"Casualties2", "300 killed"},
		{"Casualties3", "1,000 civilians killed"}, {"Units3", "See order of battle"},
	})
	c := Extract(a, testActors)
	if len(c.Sides) != 2 {
		t.Fatalf("%d sides, want 2 (index 3 is the joint row)", len(c.Sides))
	}
	if got := c.Sides[0].Belligerents; !reflect.DeepEqual(got, []string{"Chile", "Peru"}) {
		t.Errorf("side 1 belligerents %q: sub-rows belong to their side", got)
	}
	if len(c.Sides[0].Commanders) != 1 || c.Sides[0].Commanders[0].Name != "Ana Ruiz" {
		t.Errorf("side 1 commanders %v", c.Sides[0].Commanders)
	}
	if c.Joint == nil || len(c.Joint.Casualties) != 1 || c.Joint.Casualties[0].What != "civilians" || len(c.Joint.Units) != 1 {
		t.Errorf("joint row = %+v", c.Joint)
	}
}

func TestSidesFromFiguresAloneWithoutNames(t *testing.T) {
	c := Extract(article("W", [][2]string{{"Casualties1", "5 killed"}, {"Casualties2", "7 killed"}, {"Casualties3", "2 killed"}}), testActors)
	if len(c.Sides) != 3 || c.Joint != nil {
		t.Errorf("%d sides, joint %v: without combatant or commander lines every index is a side", len(c.Sides), c.Joint)
	}
}

func TestBelligerentRecoveryFromLead(t *testing.T) {
	tests := []struct {
		name   string
		fields [][2]string
		lead   string
		want   [][]string
	}{
		{
			"commanders named beside states",
			[][2]string{{"Combatant1", ","}, {"Combatant2", "Manchukuo"}, {"Commander1", "Ivo Petrov, Dan Bold"}, {"Commander2", "Emperor Kaito"}},
			"The war was fought between the Soviet Union (led by Ivo Petrov), Mongolia (led by Dan Bold) and Japan (led by Kaito) in Asia.",
			[][]string{{"Soviet Union", "Mongolia"}, {"Japan", "Manchukuo"}},
		},
		{
			"demonym and title before a commander",
			[][2]string{{"Commander1", "Ana Ruiz, Ben Cruz"}, {"Commander2", "Carl Ode"}},
			"The war was fought by Bolivia and Chile in 1900. In 1899 Bolivian President Carl Ode and Chilean President Ana Ruiz met.",
			[][]string{{"Chile"}, {"Bolivia"}},
		},
		{
			// "in Catholic Peru" is a land told by its faith, no party.
			"a state after a locative and an adjective is a place",
			[][2]string{{"Combatant1", ", Ecuador"}, {"Combatant2", "Chile"}, {"Commander1", "Ana Ruiz"}},
			"The Battle of Xa was fought on 7 May 1801. The date is that of the new calendar; in the old one, still kept in Bolivia and in Catholic Peru, it fell on 28 April. A combined Bolivian and Ecuadorian army under Ana Ruiz defeated the Chilean army.",
			[][]string{{"Bolivia", "Ecuador"}, {"Chile"}},
		},
		{
			// The flag lost beside a chartered company is often its state's.
			"a company's state beside it",
			[][2]string{{"Combatant1", ", Dutch East India Company"}, {"Combatant2", "Siam"}},
			"The war was fought in 1664 between the Netherlands, acting through the Dutch East India Company, and Siam.",
			[][]string{{"Netherlands", "Dutch East India Company"}, {"Siam"}},
		},
		{
			// A force named for where it stood is its owner's, not that
			// land's: the lost name is the state it attacked.
			"a force of another state named after a land",
			[][2]string{{"Combatant1", ", Chile"}, {"Combatant2", "United Kingdom"}},
			"The battle was fought in 1917, when the Bolivian Expeditionary Force (BEF) of the United Kingdom attacked the town of Xa, held by a corps of Peru's Second Army.",
			[][]string{{"Peru", "Chile"}, {"United Kingdom"}},
		},
		{
			// Its commander after "of" does not make it another's.
			"a force of a commander named after its state",
			[][2]string{{"Combatant1", ", Chile"}, {"Combatant2", "United Kingdom"}},
			"The battle was fought in 1917, when the army of the United Kingdom defeated the Bolivian Northern Army of General Ana Ruiz and its Chilean allies.",
			[][]string{{"Bolivia", "Chile"}, {"United Kingdom"}},
		},
		{
			// "their Spanish allies lost one ship": the allies fought.
			"allies named by their adjective",
			[][2]string{{"Combatant1", ", Dutch Republic"}, {"Combatant2", "France"}},
			"A French fleet defeated a combined fleet in 1690. The Dutch squadron lost seven ships; their Spanish allies lost one, while no French ship was lost.",
			[][]string{{"Spain", "Dutch Republic"}, {"France"}},
		},
		{
			"a state after a month is no place",
			[][2]string{{"Combatant1", ","}, {"Combatant2", "Chile"}},
			"The Battle of Xa was a clash of 1801. In May Bolivia marched on the Chilean port.",
			[][]string{{"Bolivia"}, {"Chile"}},
		},
		{
			// "the Bolivian Army and its allies" names a side by its army.
			"an army names its side",
			[][2]string{{"Combatant1", ", Ecuador, Northern Legion"}, {"Combatant2", "Chile, Southern Commune"}},
			"The Bolivian War of Liberation was the defensive campaign of the Bolivian Army and its allies, chiefly Ecuador and the Northern Legion, against the Chilean Army in 1900.",
			[][]string{{"Bolivia", "Ecuador", "Northern Legion"}, {"Chile", "Southern Commune"}},
		},
		{
			"units name the state",
			[][2]string{{"Commander1", "Ana Ruiz"}, {"Commander2", "Carl Ode"}, {"Units2", "Bolivian Border Troops"}},
			"The war was fought between Bolivia and Chile.",
			[][]string{{"Chile"}, {"Bolivia"}},
		},
		{
			"attributions decide",
			[][2]string{{"Commander1", "Ana Ruiz"}, {"Commander2", "Carl Ode"}, {"Casualties1", "Per Chile:, 4 killed"}, {"Casualties2", "Per Bolivia:, 3 killed, Per Chile:, 9 killed"}},
			"Bolivian and Chilean troops clashed along the border.",
			[][]string{{"Chile"}, {"Bolivia"}},
		},
		{
			"apposition goes with its state",
			[][2]string{{"Commander1", "Ana Ruiz"}, {"Commander2", "Carl Ode"}, {"Units1", "Soviet Border Troops"}},
			"The battle was an incursion by Manchukuo, a Japanese puppet state, into territory held by the Soviet Union.",
			[][]string{{"Soviet Union"}, {"Manchukuo", "Japan"}},
		},
		{
			"order of the lead when nothing else decides",
			[][2]string{{"Combatant2", ", Afghan mercenaries"}, {"Commander1", "Ana Ruiz"}, {"Commander2", "Carl Ode"}},
			"The war was fought between India and Pakistan in 1965 in the Rann of Kutch.",
			[][]string{{"India"}, {"Pakistan", "Afghan mercenaries"}},
		},
		{
			"places and parenthesized names are not parties",
			[][2]string{{"Combatant1", ","}, {"Combatant2", "Chile"}, {"Commander1", "Ana Ruiz"}},
			"The war (Spanish: Guerra; also fought in Peru) was fought between Bolivia and Chile in northern Argentina.",
			[][]string{{"Bolivia"}, {"Chile"}},
		},
		{
			"never invent a name",
			[][2]string{{"Combatant1", ","}, {"Combatant2", "Chile"}, {"Commander1", "Ana Ruiz"}},
			"The war was a brief conflict in the mountains.",
			[][]string{{}, {"Chile"}},
		},
		{
			"complete lines are left alone",
			[][2]string{{"Combatant1", "Chile"}, {"Combatant2", "Bolivia"}},
			"The war was fought between Peru and Argentina.",
			[][]string{{"Chile"}, {"Bolivia"}},
		},
	}
	for _, tt := range tests {
		c := Extract(article("W", tt.fields, tt.lead, "A second paragraph about Brazil and Uruguay troops."), testActors)
		for i, want := range tt.want {
			got := c.Sides[i].Belligerents
			if !sameSet(got, want) {
				t.Errorf("%s: side %d = %q, want %q (note: %s)", tt.name, i+1, got, want, c.Sides[i].BelligerentsNote)
			}
			if len(got) > 0 && tt.name != "complete lines are left alone" && i == 0 && c.Sides[i].BelligerentsNote == "" {
				t.Errorf("%s: side %d has recovered names but no note", tt.name, i+1)
			}
		}
	}
}

func TestFindMentionsSkipsHyphenatedCompounds(t *testing.T) {
	lead := "The Soviet–Japanese border conflicts and the Sino-Indian war involved the Soviet Union's army."
	var got []string
	for _, m := range testLex.findMentions(lead, scanTokens(lead), testActors, nil) {
		got = append(got, m.canonical)
	}
	if !reflect.DeepEqual(got, []string{"Soviet Union"}) {
		t.Errorf("mentions = %q, want only the Soviet Union", got)
	}
}

func TestCoordinates(t *testing.T) {
	tests := []struct {
		in       string
		lat, lon float64
		ok       bool
	}{
		{"42.43°N 130.58°E", 42.43, 130.58, true},
		{"42°30′N 130°15′W", 42.5, -130.25, true},
		{"-12.5; 45.25", -12.5, 45.25, true},
		{"north of the river", 0, 0, false},
		{"95°N 10°E", 0, 0, false},
	}
	for _, tt := range tests {
		ll, ok := parseCoordinates(tt.in)
		if ok != tt.ok || ok && (abs(ll.Lat-tt.lat) > 1e-9 || abs(ll.Lon-tt.lon) > 1e-9) {
			t.Errorf("parseCoordinates(%q) = %v, %v", tt.in, ll, ok)
		}
	}
	c := Extract(&annalist.Article{Infobox: []annalist.Field{{Key: "coordinates", Value: "42.43°N 130.58°E"}}}, testActors)
	if c.Coordinates == nil || c.Coordinates.Lat != 42.43 {
		t.Errorf("Coordinates = %v", c.Coordinates)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func scanTokens(s string) []textscan.Token { return textscan.Scan(s, nil) }

func TestUnitsWithoutBulletsAndImages(t *testing.T) {
	got := readUnits(", *, **18px Northern Command, *138th Rifle Regiment, No 5 and No. 6 Guard Unit, and Signal Unit", nil)
	want := []string{"Northern Command", "138th Rifle Regiment", "No 5 and No. 6 Guard Unit", "Signal Unit"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("units = %q, want %q", got, want)
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	fields := [][2]string{{"Commander1", "Ana Ruiz"}, {"Commander2", "Carl Ode"},
		{"Casualties1", "Per Chile:, 4 killed, (Bolivian sources), 5 killed, (Chilean sources)"},
		{"Casualties2", "Per Bolivia:, 3 killed, Per Chile:, 9 killed"}}
	lead := "Bolivian and Chilean troops clashed along the border."
	first := Extract(article("W", fields, lead), testActors)
	for i := 0; i < 20; i++ {
		again := Extract(article("W", fields, lead), testActors)
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs:\n%+v\n%+v", i, first.Sides, again.Sides)
		}
	}
}

func TestExtractWithoutActorTable(t *testing.T) {
	a := article("W", [][2]string{{"Combatant1", ", USSR"}, {"Commander1", "Ana Ruiz, KIA"}, {"Place", "Mali and Chad"},
		{"Casualties1", "Soviet Union: 5 killed, 20 Swedes"}}, "Fought between Chile and Peru.")
	c := Extract(a, nil)
	if got := c.Sides[0].Belligerents; !reflect.DeepEqual(got, []string{"USSR"}) {
		t.Errorf("belligerents %q: without a table names stay as written and nothing is recovered", got)
	}
	if len(c.Sides[0].Casualties) != 2 || c.Sides[0].Commanders[0].Fate == nil {
		t.Errorf("side = %+v", c.Sides[0])
	}
}

func TestSplitKnownCutsNamesRunTogether(t *testing.T) {
	actors := testActors
	for _, tc := range []struct {
		item string
		want []string
	}{
		{"Kingdom of Italy Eritrean Ascari", []string{"Kingdom of Italy", "Eritrean Ascari"}},
		{"Soviet Union Mongolia", []string{"Soviet Union", "Mongolia"}},
		{"Free Zembrian Army Ostra", []string{"Free Zembrian Army Ostra"}}, // no state the table knows in it
		{"Eritrean Ascari Kingdom of Italy", []string{"Eritrean Ascari", "Kingdom of Italy"}},
		{"Kingdom of Great Britain", []string{"Kingdom of Great Britain"}},
		{"United Kingdom Forces", []string{"United Kingdom Forces"}},
		{"Republic of Korea", []string{"Republic of Korea"}},
		{"Trinidad and Tobago", []string{"Trinidad and Tobago"}},
		{"Mahdist State", []string{"Mahdist State"}},
		// A body named after the place it fights for is one name; one
		// that names a people of its own runs on from the state before.
		{"Kosovo Liberation Army", []string{"Kosovo Liberation Army"}},
		{"Mongolia National Liberation Front", []string{"Mongolia National Liberation Front"}},
		{"Soviet Union Mongolian People's Army", []string{"Soviet Union", "Mongolian People's Army"}},
		// A state's adjective before a land names a possession, not a
		// state run into another.
		{"British America", []string{"British America"}},
		{"French Indochina", []string{"French Indochina"}},
		{"Portuguese Timor", []string{"Portuguese Timor"}},
	} {
		if got := splitKnown(tc.item, actors); !slices.Equal(got, tc.want) {
			t.Errorf("splitKnown(%q) = %q, want %q", tc.item, got, tc.want)
		}
	}
}

// Figures that count a belligerent's people by a demonym the table lacks
// but the suffix rules derive ("11 Plataeans killed" for Plataea) are
// that belligerent's personnel, like those the table knows.
func TestDerivedDemonymsCountPersonnel(t *testing.T) {
	c := Extract(article("Battle of Marathon", [][2]string{
		{"Combatant1", "Athens, Plataea"}, {"Combatant2", "Achaemenid Empire"},
		{"Casualties1", "192 Athenians killed, 11 Plataeans killed"},
	}), testActors)
	if c == nil || len(c.Sides) < 1 {
		t.Fatal("no sides")
	}
	var got []string
	for _, f := range c.Sides[0].Casualties {
		got = append(got, f.What+"/"+f.Belligerent)
	}
	if want := []string{"personnel/Athens", "personnel/Plataea"}; !reflect.DeepEqual(got, want) {
		t.Errorf("casualties = %q, want %q", got, want)
	}
}
