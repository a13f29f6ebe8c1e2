package state

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func load(t *testing.T) *Table {
	t.Helper()
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestLookupResolvesANameToTheStateOfTheDate(t *testing.T) {
	tb := load(t)
	tests := []struct {
		name     string
		at       annalist.Date
		want     string
		gw, cow  int
		wikidata string
	}{
		{"Soviet Union", annalist.YearDate(1939), "Soviet Union", 365, 365, "Q15180"},
		{"USSR", annalist.DayDate(1938, 7, 29), "Soviet Union", 365, 365, "Q15180"},
		{"Russia", annalist.YearDate(1939), "Soviet Union", 365, 365, "Q15180"}, // a name valid at another time
		{"Russia", annalist.YearDate(1905), "Russian Empire", 365, 365, "Q34266"},
		{"Soviet Union", annalist.YearDate(2000), "Russia", 365, 365, "Q159"},
		{"Japan", annalist.YearDate(1939), "Empire of Japan", 740, 740, "Q188712"},
		{"Japan", annalist.YearDate(1990), "Japan", 740, 740, "Q17"},
		{"Mongolia", annalist.YearDate(1939), "Mongolia", 712, 712, "Q711"},
		{"Manchukuo", annalist.YearDate(1936), "Manchukuo", 0, 0, "Q30623"},
		{"the Dutch Republic", annalist.YearDate(1652), "Dutch Republic", 0, 0, "Q170072"},
		{"Netherlands", annalist.YearDate(1652), "Dutch Republic", 0, 0, "Q170072"},
		{"Netherlands", annalist.YearDate(1900), "Netherlands", 210, 210, "Q55"},
		{"China", annalist.YearDate(1937), "Republic of China", 710, 710, "Q13426199"},
		{"Democratic Republic of the Congo", annalist.YearDate(1998), "Democratic Republic of the Congo", 490, 490, "Q974"},
		{"Zaire", annalist.YearDate(1980), "Democratic Republic of the Congo", 490, 490, "Q974"},
		{"Tibet", annalist.YearDate(1920), "Tibet", 711, 0, ""},   // GW only
		{"Nauru", annalist.YearDate(2000), "Nauru", 971, 970, ""}, // COW numbers it 970
		{"Yemen", annalist.YearDate(2000), "Yemen", 678, 679, "Q805"},
		{"Germany", annalist.YearDate(1940), "Nazi Germany", 255, 255, "Q7318"},
		{"Germany", annalist.YearDate(1970), "West Germany", 260, 260, "Q713750"},
		{"Germany", annalist.YearDate(2000), "Germany", 260, 255, "Q183"}, // GW continues 260, COW returns to 255
		{"Prussia", annalist.YearDate(1995), "Germany", 260, 255, "Q183"},
		{"Democratic Republic of Vietnam", annalist.YearDate(1968), "North Vietnam", 816, 816, "Q172640"},
	}
	for _, tt := range tests {
		s, ok := tb.Lookup(tt.name, tt.at)
		if !ok {
			t.Errorf("Lookup(%q, %s): not found", tt.name, tt.at)
			continue
		}
		if s.Name != tt.want || s.GWNo != tt.gw || s.COWCode != tt.cow || s.Wikidata != tt.wikidata {
			t.Errorf("Lookup(%q, %s) = %s GW %d COW %d %s, want %s GW %d COW %d %s",
				tt.name, tt.at, s.Name, s.GWNo, s.COWCode, s.Wikidata, tt.want, tt.gw, tt.cow, tt.wikidata)
		}
	}
}

func TestLookupFailsOutsideEveryPeriodOfTheLineage(t *testing.T) {
	tb := load(t)
	for _, tt := range []struct {
		name string
		at   annalist.Date
	}{
		{"Manchukuo", annalist.YearDate(1950)},
		{"Mongolia", annalist.YearDate(1800)},
		{"Ruritania", annalist.YearDate(1900)},
	} {
		if s, ok := tb.Lookup(tt.name, tt.at); ok {
			t.Errorf("Lookup(%q, %s) = %s, want none", tt.name, tt.at, s.Name)
		}
	}
}

func TestLineageJoinsTheNamesOfOneStateThroughTime(t *testing.T) {
	tb := load(t)
	tests := []struct {
		a, b     string
		at       annalist.Date
		sameLine bool
	}{
		{"Ottoman Empire", "Turkey", annalist.YearDate(1789), true},
		{"Sasanian Empire", "Persia", annalist.YearDate(573), true},
		{"Achaemenid Empire", "Iran", annalist.YearDate(-480), true},
		{"Russian Empire", "Soviet Union", annalist.YearDate(1905), true},
		{"Ming dynasty", "China", annalist.YearDate(1600), true},
		{"Ottoman Empire", "Russian Empire", annalist.YearDate(1789), false},
	}
	for _, tt := range tests {
		la, oka := tb.Lineage(tt.a, tt.at)
		lb, okb := tb.Lineage(tt.b, tt.at)
		if !oka || !okb || (la == lb) != tt.sameLine {
			t.Errorf("Lineage(%q) = %q, %v; Lineage(%q) = %q, %v at %v; want same %v", tt.a, la, oka, tt.b, lb, okb, tt.at, tt.sameLine)
		}
	}
	if _, ok := tb.Lineage("Atlantis", annalist.YearDate(1900)); ok {
		t.Error("Lineage of an unknown state is ok, want not")
	}
}

func TestFoundedGivesTheLineagesFirstDayUnlessTheListsBeginThere(t *testing.T) {
	tb := load(t)
	tests := []struct {
		name string
		want string // "" when not known
	}{
		{"Syria", "1946-01-01"}, // Gleditsch–Ward's day
		{"Turkey", "1299"},      // the Ottoman Empire's
		{"Russia", "1547"},      // the Tsardom's
		{"Portugal", ""},        // in the lists from 1816, their first year
		{"Iran", "-0550"},       // the Achaemenid Empire's
		{"Austria", "1526"},     // a name of the Habsburg Monarchy too
		{"Atlantis", ""},
	}
	for _, tt := range tests {
		d, ok := tb.Founded(tt.name)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("Founded(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCountryGivesTodaysStateAndGEDRegion(t *testing.T) {
	tb := load(t)
	tests := []struct {
		iso2, ged, region string
		gw                int
	}{
		{"RU", "Russia (Soviet Union)", "Europe", 365},
		{"CN", "China", "Asia", 710},
		{"MN", "Mongolia", "Asia", 712},
		{"EG", "Egypt", "Middle East", 651},
		{"NG", "Nigeria", "Africa", 475},
		{"BR", "Brazil", "Americas", 140},
	}
	for _, tt := range tests {
		s, ok := tb.Country(tt.iso2)
		if !ok || s.GEDName != tt.ged || s.GWNo != tt.gw || Region(s.GWNo) != tt.region {
			t.Errorf("Country(%s) = %+v", tt.iso2, s)
		}
	}
}

func TestEveryRowIsComplete(t *testing.T) {
	tb := load(t)
	if tb.Len() < 200 {
		t.Fatalf("%d rows", tb.Len())
	}
	for _, s := range tb.rows {
		if s.Lineage == "" || s.From.IsZero() || s.Source == "" {
			t.Errorf("row %s: lineage %q from %s source %q", s.Name, s.Lineage, s.From, s.Source)
		}
		if s.GWNo == 0 && s.COWCode == 0 && s.Wikidata == "" {
			t.Errorf("row %s has no code and no Wikidata id", s.Name)
		}
	}
}

func TestAnnotateDocumentGivesActorsAndHolder(t *testing.T) {
	tb := load(t)
	doc := &annalist.Document{
		Conflict: &annalist.Conflict{Start: annalist.YearDate(1935), End: annalist.YearDate(1939),
			Sides: []annalist.Side{{Belligerents: []string{"Soviets", "Mongolia"}}, {Belligerents: []string{"Japan", "Manchukuo", "Kwantung irregulars"}}}},
		Events: []annalist.Event{
			{DateStart: annalist.MonthDate(1936, 4), SideA: []string{"Japan"}, SideB: []string{"Soviets"},
				Place: &annalist.Place{Text: "near a town", Country: "CN"}},
		},
	}
	canon := func(n string) (string, bool) {
		if n == "Soviets" {
			return "Soviet Union", true
		}
		return "", false
	}
	held := func(n string, year int) []string {
		switch n {
		case "Manchukuo":
			return []string{"CN"}
		case "Soviet Union":
			return []string{"RU"}
		}
		return nil
	}
	tb.AnnotateDocument(doc, canon, held)
	side := doc.Conflict.Sides[1]
	if len(side.Actors) != 3 || side.Actors[0].Wikidata != "Q188712" || *side.Actors[0].GWNo != 740 ||
		side.Actors[1].Name != "Manchukuo" || side.Actors[1].GWNo != nil || side.Actors[2] != nil {
		t.Errorf("side 2 actors = %+v", side.Actors)
	}
	ev := doc.Events[0]
	if len(ev.ActorsB) != 1 || ev.ActorsB[0].Name != "Soviet Union" || *ev.ActorsB[0].COWCode != 365 {
		t.Errorf("event actors B = %+v", ev.ActorsB)
	}
	// Neither side of the event held ground in China; of the conflict's
	// belligerents, Manchukuo did.
	if ev.Place.HeldBy != "Manchukuo" {
		t.Errorf("held by %q, want Manchukuo", ev.Place.HeldBy)
	}
}

func TestParseNamesFileAndLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x\n", "t.tsv:1: header"},
		{header + "\nA\t1\n", "t.tsv:2: want 11"},
		{header + "\nA\tx\t\t\t\t\t1900\t\t\t\tsrc\n", "t.tsv:2: gwno"},
		{header + "\nA\t\t\t\t\tP5\t1900\t\t\t\tsrc\n", "t.tsv:2: wikidata"},
		{header + "\nA\t\t\t\t\t\t1900\t1800\t\t\tsrc\n", "t.tsv:2: period"},
		{"# only a comment\n", "no header"},
	}
	for _, tt := range tests {
		if _, err := Parse(strings.NewReader(tt.in), "t.tsv"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(header + "\nA;B\t2\t2\tUSA\tUS\tQ30\t1816-01-01\t\tgw:2\tUSA\tsrc\n")
	f.Add(statesTSV[:2000])
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := Parse(strings.NewReader(s), "fuzz.tsv")
		if err != nil {
			return
		}
		for _, r := range tb.rows {
			tb.Lookup(r.Name, r.From)
			tb.Lookup(r.Name, annalist.Date{})
		}
	})
}

// Two names are one state at a date when they mean the same row then,
// not merely one lineage.
func TestSameStateAtADate(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		a, b string
		year int
		want bool
	}{
		{"Turkey", "Ottoman Empire", 1770, true},
		{"Scotland", "United Kingdom", 1982, true},
		{"England", "United Kingdom", 1982, true},
		{"Scotland", "Kingdom of England", 1346, false},
		{"Russia", "Soviet Union", 1939, true},
		{"Kingdom of Scotland", "Kingdom of England", 1500, false},
		{"Atlantis", "Soviet Union", 1939, false},
	} {
		if got := tab.Same(tt.a, tt.b, annalist.YearDate(tt.year)); got != tt.want {
			t.Errorf("Same(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.year, got, tt.want)
		}
	}
}

// A name is a state's at a date only where a row answering to it covers
// the date, not through its lineage.
func TestNamedAtGoesByTheNameItself(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		year int
		want bool
	}{
		{"Iraq", 1941, true},
		{"Germany", 1941, true},
		{"Netherlands", 1665, false},
		{"Netherlands", 1900, true},
		{"Soviet Union", 1939, true},
		{"Soviet Union", 2000, false},
	} {
		if got := tab.NamedAt(tt.name, annalist.YearDate(tt.year)); got != tt.want {
			t.Errorf("NamedAt(%q, %d) = %v, want %v", tt.name, tt.year, got, tt.want)
		}
	}
}

// NameAt gives the common name of a state at a date: the short name its
// full name holds as whole words, else the full name.
func TestNameAtGivesTheCommonNameOfTheTime(t *testing.T) {
	tb := load(t)
	for _, tt := range []struct {
		name string
		year int
		want string
	}{
		{"United Kingdom", 1746, "Great Britain"},
		{"France", 1415, "France"},
		{"United Kingdom", 1850, "United Kingdom"},
		{"United Kingdom", 1982, "United Kingdom"},
		{"Germany", 1800, "Prussia"},
		{"Austria", 1850, "Austrian Empire"},
	} {
		got, ok := tb.NameAt(tt.name, annalist.YearDate(tt.year))
		if !ok || got != tt.want {
			t.Errorf("NameAt(%q, %d) = %q, %v; want %q", tt.name, tt.year, got, ok, tt.want)
		}
	}
}
