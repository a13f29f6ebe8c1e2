package event

import (
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
)

// TestCommanderAliasesStandForTheirSide: an infobox commander's full name
// and later name words stand for the side's first belligerent, unless
// both sides' commanders share the word or it names something already.
func TestCommanderAliasesStandForTheirSide(t *testing.T) {
	tab := loadActors(t)
	boxes, err := infobox.New()
	if err != nil {
		t.Fatal(err)
	}
	titles := boxes.TitleWord
	side := func(names ...string) annalist.Side {
		s := annalist.Side{}
		for _, n := range names {
			s.Commanders = append(s.Commanders, annalist.Commander{Name: n})
		}
		return s
	}
	tests := []struct {
		name  string
		c     annalist.Conflict
		sides [2][]string
		want  []actor.Alias
	}{
		{
			name:  "family name in either place",
			c:     annalist.Conflict{Sides: []annalist.Side{side("Juan Williams"), side("Miguel Grau Seminario")}},
			sides: [2][]string{{"Chile"}, {"Peru"}},
			want: []actor.Alias{
				{Alias: "Juan Williams", Canonical: "Chile", Kind: actor.KindArmy},
				{Alias: "Williams", Canonical: "Chile", Kind: actor.KindArmy},
				{Alias: "Miguel Grau Seminario", Canonical: "Peru", Kind: actor.KindArmy},
				{Alias: "Grau", Canonical: "Peru", Kind: actor.KindArmy},
				{Alias: "Seminario", Canonical: "Peru", Kind: actor.KindArmy},
			},
		},
		{
			name:  "a family on both sides names neither",
			c:     annalist.Conflict{Sides: []annalist.Side{side("Ahmad Khan Durrani"), side("Timur Shah Durrani")}},
			sides: [2][]string{{"Afghanistan"}, {"Persia"}},
			want: []actor.Alias{
				{Alias: "Ahmad Khan Durrani", Canonical: "Afghanistan", Kind: actor.KindArmy},
				{Alias: "Timur Shah Durrani", Canonical: "Persia", Kind: actor.KindArmy},
			},
		},
		{
			name:  "a rank, a style or a territory is not the person",
			c:     annalist.Conflict{Sides: []annalist.Side{side("Kara Mustafa Pasha"), side("Charles, Duke of Lorraine", "Ernst Rüdiger von Starhemberg")}},
			sides: [2][]string{{"Ottoman Empire"}, {"Holy Roman Empire"}},
			want: []actor.Alias{
				{Alias: "Kara Mustafa Pasha", Canonical: "Ottoman Empire", Kind: actor.KindArmy},
				{Alias: "Mustafa", Canonical: "Ottoman Empire", Kind: actor.KindArmy},
				{Alias: "Charles, Duke of Lorraine", Canonical: "Holy Roman Empire", Kind: actor.KindArmy},
				{Alias: "Ernst Rüdiger von Starhemberg", Canonical: "Holy Roman Empire", Kind: actor.KindArmy},
				{Alias: "Rüdiger", Canonical: "Holy Roman Empire", Kind: actor.KindArmy},
				{Alias: "Starhemberg", Canonical: "Holy Roman Empire", Kind: actor.KindArmy},
			},
		},
		{
			// A single name stands for its side ("Saladin", "Fritigern"),
			// a title alone ("Sultan") does not; neither does a side
			// without belligerents, nor a word the table knows ("Japan").
			name:  "a single name, a title, a side without belligerents, a known name",
			c:     annalist.Conflict{Sides: []annalist.Side{side("Saladin", "Sultan", "Louis Japan"), side("Guy Lusignan")}},
			sides: [2][]string{{"Ayyubid Sultanate"}, nil},
			want: []actor.Alias{
				{Alias: "Saladin", Canonical: "Ayyubid Sultanate", Kind: actor.KindArmy},
				{Alias: "Louis Japan", Canonical: "Ayyubid Sultanate", Kind: actor.KindArmy},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := commanderAliases(&tt.c, tt.sides, tab.Clone(), titles)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestNameAdjectiveGivesThePeoplesPlural(t *testing.T) {
	for _, tc := range []struct{ name, adj, plural string }{
		{"Mahdist State", "Mahdist", "Mahdists"},
		{"Bohemian Confederation", "Bohemian", "Bohemians"},
		{"Jacobite Army", "Jacobite", "Jacobites"},
		{"Omani Sultanate", "Omani", "Omanis"},
		{"Japanese Empire", "Japanese", ""},
		{"Danish Realm", "Danish", ""},
		{"Hellenic Republic", "Hellenic", ""},
		{"Sikh Empire", "Sikh", "Sikhs"},
		{"Zulu Kingdom", "Zulu", "Zulus"},
		{"Cocoye militia", "Cocoye", "Cocoyes"},
		{"Velm Liberation Front", "", ""},
		// The men of an army named by more than one word are called by
		// the words before "Army" ("the Green Banners").
		{"Green Banner Army", "Green Banner", "Green Banners"},
		{"Kell Hill Army", "Kell Hill", "Kell Hills"},
		{"Free Velm Army", "", ""},
		{"Tesk Movement", "Tesk", "Tesks"},
		{"Dutch Republic", "", ""},
		{"Holy Roman Empire", "", ""},
		{"Kingdom of Spain", "", ""},
		{"Zembria", "", ""},
	} {
		adj, plural := nameAdjective(tc.name)
		if adj != tc.adj || plural != tc.plural {
			t.Errorf("nameAdjective(%q) = %q, %q; want %q, %q", tc.name, adj, plural, tc.adj, tc.plural)
		}
	}
}

// A state's name before "City" names a city, not the state as a party:
// "Benin City" in a war of Nigeria and Biafra, "Kuwait City" in one of
// Iraq and Iran.
func TestACityNamedAfterAStateIsAPlace(t *testing.T) {
	for _, tt := range []struct{ a, b, text, want string }{
		{"Nigeria", "Biafra", "On 22 September 1967 Nigerian troops attacked Benin City.", "Nigeria|Biafra"},
		{"Iraq", "Iran", "On 4 May 1982 Iranian jets bombed a convoy near Kuwait City.", "Iran|Iraq"},
	} {
		tab, c := twoSided(t, tt.a, tt.b)
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Course", tt.text) {
			got = append(got, strings.Join(ev.SideA, ",")+"|"+strings.Join(ev.SideB, ","))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: sides %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A group named after a state ("Irish rebels") that the conflict does
// not name as a belligerent of its own is that state's name in the
// prose: "the Irish" who fought the Crown are the rebels, even where the
// state's own government, under a name the table does not know, fights
// beside the Crown.
func TestAStatesRebelsAreItsNameWhenTheStateIsNoBelligerent(t *testing.T) {
	tab := loadActors(t)
	const body = "\n\nThe rising was fought in 1798.\n\n==Rising==\nOn 5 June 1798 the Irish attacked the British garrison at New Ross.\n"
	for _, tt := range []struct {
		side1, side2, want string
	}{
		{"United Kingdom", "Irish rebels", "Irish rebels / United Kingdom"},
		{"United Kingdom, Lordship of Ireland", "Irish rebels", "Irish rebels / United Kingdom"},
		{"Irish rebels", "United Kingdom", "Irish rebels / United Kingdom"},
	} {
		text := "= Rising of 1798 =\n\nInfobox\n- Conflict: Rising of 1798\n- Date: May–September 1798\n- Combatant1: " + tt.side1 + "\n- Combatant2: " + tt.side2 + body
		evs := articleEvents(t, tab, text)
		var got []string
		for _, ev := range evs {
			got = append(got, strings.Join(ev.SideA, "+")+" / "+strings.Join(ev.SideB, "+"))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("sides %q against %q: clashes %q, want %q", tt.side1, tt.side2, g, tt.want)
		}
	}
}

// A clash whose sentences name one side only was fought against the
// other side's belligerent its section named last ("On the Golan …
// Syrian tanks", then "two Israeli divisions counter-attacked"), not
// against that side's first belligerent; with none named in the
// section, against the first.
func TestTheUnnamedSideIsTheOneItsSectionNamedLast(t *testing.T) {
	tab := loadActors(t)
	const head = "= October War =\n\nInfobox\n- Conflict: October War\n- Date: 6–25 October 1973\n- Combatant1: Israel\n- Combatant2: Egypt, Syria\n\nThe October War was fought in October 1973.\n\n"
	for _, tt := range []struct {
		name, body, want string
	}{
		{"named in the section", "==Northern front==\nOn 6 October 1973 Syrian tanks attacked the Israeli posts on the plateau.\n\nBetween 8 and 10 October two Israeli reserve divisions counter-attacked on the plateau and drove the tanks back.\n",
			"Syria / Israel | Israel / Syria"},
		{"named in another section", "==Northern front==\nOn 6 October 1973 Syrian tanks attacked the Israeli posts on the plateau.\n\n==Southern front==\nBetween 8 and 10 October two Israeli reserve divisions counter-attacked near the canal.\n",
			"Syria / Israel | Israel / Egypt"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if g := sidesInOrder(articleEvents(t, tab, head+tt.body)); g != tt.want {
				t.Errorf("clashes %q, want %q", g, tt.want)
			}
		})
	}
}

// A commander known by one name ("Marcian") tells the side his army
// fought on, as one of two names does.
func TestACommanderOfOneNameTellsHisSide(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.YearDate(572), End: annalist.YearDate(576), Sides: []annalist.Side{
		{Belligerents: []string{"Zembria"}, Commanders: []annalist.Commander{{Name: "Marcian"}}},
		{Belligerents: []string{"Ostra"}, Commanders: []annalist.Commander{{Name: "Adarmahan"}}},
	}}
	for _, tt := range []struct{ text, first string }{
		{"In 573 Marcian laid siege to Velo and stormed it.", "Zembria"},
		{"In 573 Adarmahan laid siege to Velo and stormed it.", "Ostra"},
	} {
		checkFirstAttacker(t, clashesUnder(t, tab, c, "Fighting", tt.text), tt.text, tt.first)
	}
}

// Letters the article defines for a belligerent's forces ("the Zembrian
// Army (ZA)", "the Army of the Republic of Ostra (ARO)") name that side
// wherever the prose uses them, in another paragraph too.
func TestAbbreviationsTheArticleDefinesNameTheirSide(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velo offensive =\n\nInfobox\n- Conflict: Velo offensive\n- Date: 4–7 August 1995\n- Combatant1: Zembria\n- Combatant2: Republic of Ostra\n\n" +
		"The Velo offensive was fought in August 1995.\n\n==Background==\nBy 1994 the Zembrian Army (ZA) faced the Army of the Republic of Ostra (ARO) along the river.\n\n==Offensive==\n"
	const body = "On 4 August ARO artillery shelled Brod.\n\nOn 6 August ZA units attacked the bridge at Lisac.\n"
	if g, want := sidesInOrder(articleEvents(t, tab, head+body)), "Republic of Ostra / Zembria | Zembria / Republic of Ostra"; g != want {
		t.Errorf("clashes %q, want %q", g, want)
	}
}

// A party named as the object of one verb ("crossed the frontier of
// Ostra") is not the subject of the verb joined to it by "and": the
// clause's subject attacked.
func TestAPartyBeforeAndIsTheObjectOfTheVerbBefore(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.MonthDate(1945, 8), End: annalist.MonthDate(1945, 8), Sides: []annalist.Side{
		{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}},
	}}
	for _, tt := range []struct{ text, first string }{
		{"On 9 August 1945 Zembrian troops crossed the frontier of Ostra and attacked the border posts at Velo.", "Zembria"},
		{"On 9 August 1945 Zembrian troops crossed into the hills of the Ostrans, and attacked the border posts at Velo.", "Zembria"},
		{"On 9 August 1945 Ostran troops crossed the frontier of Zembria and attacked the border posts at Velo.", "Ostra"},
		{"On 9 August 1945 the troops of Ostra attacked the border posts at Velo.", "Ostra"},
	} {
		checkFirstAttacker(t, clashesUnder(t, tab, c, "Fighting", tt.text), tt.text, tt.first)
	}
}

// checkFirstAttacker checks that text told one clash, with first first
// on its side a.
func checkFirstAttacker(t *testing.T, evs []annalist.Event, text, first string) {
	t.Helper()
	if len(evs) != 1 || len(evs[0].SideA) == 0 || evs[0].SideA[0] != first {
		var got [][]string
		for _, ev := range evs {
			got = append(got, ev.SideA)
		}
		t.Errorf("%q: side a %v, want [%s]", text, got, first)
	}
}
