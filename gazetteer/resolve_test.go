package gazetteer

import (
	"math"
	"testing"

	"github.com/annalist/annalist"
)

// manchuriaRegion is the region of a conflict fought on the borders of
// Manchukuo, Mongolia and the Soviet Far East in the 1930s.
func manchuriaRegion(g *Gazetteer) Region {
	return g.RegionOf(&annalist.Conflict{
		Places: []string{"Northeast Asia", "Mongolia", "Primorsky Krai", "Manchuria"},
		Start:  annalist.DayDate(1932, 3, 1),
		Sides: []annalist.Side{
			{Belligerents: []string{"Soviet Union", "Mongolia"}},
			{Belligerents: []string{"Japan", "Manchukuo"}},
		},
	})
}

func TestResolvePhrases(t *testing.T) {
	g := loadT(t)
	region := manchuriaRegion(g)
	at := annalist.MonthDate(1935, 10)
	tests := []struct {
		text     string
		lat, lon float64 // want within 25 km
		prec     int
		id       string
	}{
		{"Lake Khasan", 42.433, 130.598, 1, "annalist:lake-khasan"},
		{"west of Lake Khanka", 45.0, 132.4, 2, "annalist:lake-khanka"},
		{"southwest of Buir Lake", 47.8, 117.7, 2, "annalist:buir-lake"},
		{"near Suifenho", 44.39982, 131.14775, 2, "cities:CN.08.Suifenhe"},
		// 20 km due north of Suifenhe: 20/111.2 degrees of latitude.
		{"about 20 kilometers north of Suifenho", 44.39982 + 20/111.195, 131.14775, 2, "cities:CN.08.Suifenhe"},
		{"a post, about 20 kilometers north of Suifenho", 44.39982 + 20/111.195, 131.14775, 2, "cities:CN.08.Suifenhe"},
		{"on the Amur River at the Soviet–Manchukuo border", 50.27, 127.54, 5, "annalist:amur"},
		{"Khalkhin Gol", 47.72, 118.58, 5, "annalist:khalkhin-gol"},
		{"the Halha River", 47.72, 118.58, 5, "annalist:khalkhin-gol"},
		{"Nomonhan", 47.72, 118.58, 1, "annalist:nomonhan"},
		{"the disputed village of Tauran, Mongolia", 47.6681, 102.775, 6, "country:MN"},
		{"Hsinking", 43.88, 125.32278, 1, "cities:CN.05.Changchun"},
		{"Port Arthur", 38.8, 121.26667, 1, "cities:CN.19.Lüshun"},
		{"Primorsky Krai", 43.968, 132.482, 4, "admin1:RU.59"},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.text, at, region)
		if p.Text != tt.text {
			t.Errorf("%q: Text = %q, want it kept", tt.text, p.Text)
		}
		if p.Lat == nil || p.Lon == nil {
			t.Errorf("%q: not resolved", tt.text)
			continue
		}
		if d := distanceKm(*p.Lat, *p.Lon, tt.lat, tt.lon); d > 25 {
			t.Errorf("%q: at %.4f,%.4f, %.0f km from %.4f,%.4f", tt.text, *p.Lat, *p.Lon, d, tt.lat, tt.lon)
		}
		if p.WherePrec != tt.prec {
			t.Errorf("%q: where_prec %d, want %d", tt.text, p.WherePrec, tt.prec)
		}
		if p.Gazetteer == nil || p.Gazetteer.ID != tt.id || p.Gazetteer.Source == "" {
			t.Errorf("%q: gazetteer ref %+v, want id %s with a source", tt.text, p.Gazetteer, tt.id)
		}
	}
}

func TestResolveUnknownStaysText(t *testing.T) {
	g := loadT(t)
	region := manchuriaRegion(g)
	for _, text := range []string{"Halhamiao", "at Brunders", "the Olankhuduk region", "Kanchazu island", "", "the disputed area"} {
		p := g.Resolve(text, annalist.YearDate(1936), region)
		if p.Lat != nil || p.Lon != nil || p.Gazetteer != nil || p.WherePrec != 0 {
			t.Errorf("%q resolved to %v,%v %+v; want text only", text, deref(p.Lat), deref(p.Lon), p.Gazetteer)
		}
		if p.Text != text {
			t.Errorf("%q: Text = %q", text, p.Text)
		}
	}
}

// Part of a name the gazetteer does not know, far from the conflict,
// places nothing, even in a belligerent's country: "Ambigol Wells" in a
// war on the Nile is not Wells in England. Near the conflict, a known
// name still places the phrase.
func TestPartOfAnUnknownNameFarAwayIsNoPlace(t *testing.T) {
	g := loadT(t)
	region := g.RegionOf(&annalist.Conflict{
		Places: []string{"Wadi Halfa", "Sudan"},
		Start:  annalist.YearDate(1886),
		Sides: []annalist.Side{
			{Belligerents: []string{"United Kingdom", "Egypt"}},
			{Belligerents: []string{"Mahdist State"}},
		},
	})
	for _, text := range []string{"at Ambigol Wells", "near Burkan Wells"} {
		if p := g.Resolve(text, annalist.YearDate(1886), region); p.Lat != nil {
			t.Errorf("%q resolved to %v,%v %+v; want text only", text, deref(p.Lat), deref(p.Lon), p.Gazetteer)
		}
	}
	if p := g.Resolve("at Wadi Halfa", annalist.YearDate(1886), region); p.Lat == nil {
		t.Errorf("%q: not resolved", "at Wadi Halfa")
	}
}

func deref(f *float64) float64 {
	if f == nil {
		return math.NaN()
	}
	return *f
}

// A name in use at the event's date wins over a namesake: Stalingrad in
// 1942 is Volgograd, and distance moves the point the right way.
func TestResolveHistoricalNamesAndOffsets(t *testing.T) {
	g := loadT(t)
	tests := []struct {
		text     string
		at       annalist.Date
		lat, lon float64
		id       string
	}{
		{"Stalingrad", annalist.YearDate(1942), 48.71939, 44.50183, "cities:RU.84.Volgograd"},
		{"Königsberg", annalist.YearDate(1945), 54.70649, 20.51095, "cities:RU.23.Kaliningrad"},
		{"Konigsberg", annalist.YearDate(1945), 54.70649, 20.51095, "cities:RU.23.Kaliningrad"},
		{"Léopoldville", annalist.YearDate(1960), -4.32758, 15.31357, "cities:CD.06.Kinshasa"},
		{"Saigon", annalist.YearDate(1968), 10.82302, 106.62965, "cities:VN.79.Ho Chi Minh City"},
		{"10 miles south of Danzig", annalist.YearDate(1939), 54.35227 - 16.09344/111.195, 18.64912, "cities:PL.82.Gdańsk"},
		{"the Dardanelles", annalist.YearDate(1915), 40.2, 26.4, "annalist:dardanelles"},
		{"Golan Heights", annalist.YearDate(1973), 33.0, 35.75, "annalist:golan"},
		{"the Khyber Pass", annalist.YearDate(1919), 34.08, 71.1, "annalist:khyber"},
		{"Jammu and Kashmir", annalist.YearDate(1999), 33.6841, 74.8282, "admin1:IN.12"},
		{"along the Sino-Indian border", annalist.YearDate(2020), 34.75, 78.15, "annalist:lac"},
		// GeoNames keeps the Arabic article: "Al Buşayrah".
		{"Busayrah", annalist.YearDate(2017), 35.15618, 40.42716, "cities:SY.07.Al Buşayrah"},
		{"Fallujah", annalist.YearDate(2004), 33.34913, 43.78599, "cities:IQ.01.Al Fallūjah"},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.text, tt.at, Region{})
		if p.Gazetteer == nil || p.Gazetteer.ID != tt.id {
			t.Errorf("%q: ref %+v, want %s", tt.text, p.Gazetteer, tt.id)
			continue
		}
		if d := distanceKm(*p.Lat, *p.Lon, tt.lat, tt.lon); d > 2 {
			t.Errorf("%q: at %.4f,%.4f, %.1f km from %.4f,%.4f", tt.text, *p.Lat, *p.Lon, d, tt.lat, tt.lon)
		}
	}
}

// Without a region the first namesake is taken; with one, the namesake in
// the conflict's countries.
func TestResolvePrefersRegion(t *testing.T) {
	g := loadT(t)
	us := Region{Countries: []string{"US"}}
	p := g.Resolve("Paris", annalist.YearDate(1900), us)
	if p.Gazetteer == nil || p.Gazetteer.ID[:10] != "cities:US." {
		t.Errorf("Paris in a US war: %+v", p.Gazetteer)
	}
	p = g.Resolve("Paris", annalist.YearDate(1900), Region{})
	if p.Gazetteer == nil || p.Gazetteer.ID != "cities:FR.11.Paris" {
		t.Errorf("Paris alone: %+v", p.Gazetteer)
	}
	// A namesake on another continent is not taken for an unknown place.
	p = g.Resolve("Victoria", annalist.YearDate(1936), manchuriaRegion(g))
	if p.Lat != nil {
		t.Errorf("Victoria in a Manchurian war resolved to %+v", p.Gazetteer)
	}
}

// An area named after a place ("Kargil district") is placed at the place
// with the area's precision.
func TestResolveAreaNamedAfterPlace(t *testing.T) {
	g := loadT(t)
	tests := []struct {
		text string
		prec int
		id   string
	}{
		{"Kargil district", 3, "cities:IN.41.Kargil"},
		{"in the Kargil district", 3, "cities:IN.41.Kargil"},
		{"Kargil", 1, "cities:IN.41.Kargil"},
		{"Donetsk province", 4, "cities:UA.05.Donetsk"},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.text, annalist.YearDate(1999), Region{Countries: []string{"IN", "PK", "UA"}})
		if p.Gazetteer == nil || p.Gazetteer.ID != tt.id || p.WherePrec != tt.prec {
			t.Errorf("%q: %+v prec %d, want %s prec %d", tt.text, p.Gazetteer, p.WherePrec, tt.id, tt.prec)
		}
	}
}

// A source beyond the built-in tables (the imported GeoNames data) is
// consulted for names the built-in ones lack, with the same care for the
// region.
func TestWithSource(t *testing.T) {
	g := loadT(t)
	tauran := Entry{ID: "geonames:9000001", Name: "Tauran", Primary: "Tauran", Lat: 47.1, Lon: 118.9, Kind: KindCity, Country: "MN", Source: "GeoNames 9000001"}
	faraway := Entry{ID: "geonames:9000002", Name: "Brunders", Primary: "Brunders", Lat: -30, Lon: -60, Kind: KindHill, Country: "AR", Source: "GeoNames 9000002"}
	src := func(name string) []Entry {
		switch Fold(name) {
		case "tauran":
			return []Entry{tauran}
		case "brunders":
			return []Entry{faraway}
		}
		return nil
	}
	h := g.With(src)
	region := manchuriaRegion(g)
	if p := h.Resolve("the disputed village of Tauran, Mongolia", annalist.YearDate(1936), region); p.Gazetteer == nil || p.Gazetteer.ID != tauran.ID || p.WherePrec != 1 {
		t.Errorf("Tauran with the source: %+v", p.Gazetteer)
	}
	if p := h.Resolve("at Brunders", annalist.YearDate(1935), region); p.Lat != nil {
		t.Errorf("a namesake on another continent was taken: %+v", p.Gazetteer)
	}
	if p := g.Resolve("the disputed village of Tauran, Mongolia", annalist.YearDate(1936), region); p.Gazetteer == nil || p.Gazetteer.ID != "country:MN" {
		t.Errorf("the gazetteer without the source changed: %+v", p.Gazetteer)
	}
	if es := h.Lookup("Suifenho"); len(es) == 0 || es[0].ID != "cities:CN.08.Suifenhe" {
		t.Errorf("built-in entries should come first: %+v", first(es))
	}
}

// The article's own coordinates join the region: a namesake near them wins.
func TestRegionUsesConflictCoordinates(t *testing.T) {
	g := loadT(t)
	c := &annalist.Conflict{Coordinates: &annalist.LatLon{Lat: 44.8, Lon: 20.5}} // Belgrade, Serbia
	r := g.RegionOf(c)
	if len(r.Points) != 1 {
		t.Fatalf("region points %v", r.Points)
	}
	p := g.Resolve("Belgrade", annalist.YearDate(1941), r)
	if p.Gazetteer == nil || p.Gazetteer.ID != "cities:RS.SE.Belgrade" {
		t.Errorf("Belgrade near Belgrade = %+v", p.Gazetteer)
	}
	if p := g.Resolve("Belgrade", annalist.YearDate(1941), g.RegionOf(&annalist.Conflict{Coordinates: &annalist.LatLon{Lat: 44.8, Lon: -69.8}})); p.Gazetteer == nil || p.Gazetteer.ID != "cities:US.ME.Belgrade" {
		t.Errorf("Belgrade in Maine = %+v", p.Gazetteer)
	}
}

// A country or division after a comma says which namesake is meant.
func TestResolveQualifiedByCountryOrDivision(t *testing.T) {
	g := loadT(t)
	tests := []struct {
		text, id string
		region   Region
	}{
		{"Paris, Texas", "cities:US.TX.Paris", Region{}},
		{"near Belgrade, Maine", "cities:US.ME.Belgrade", Region{Countries: []string{"RS"}}},
		{"Tula, Russia", "cities:RU.76.Tula", Region{}},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.text, annalist.YearDate(1900), tt.region)
		if p.Gazetteer == nil || p.Gazetteer.ID != tt.id {
			t.Errorf("%q: %+v, want %s", tt.text, p.Gazetteer, tt.id)
		}
	}
}

// A war is often fought outside its belligerents' countries: the place
// line of a colonial war between Britain and France names New York or
// Nova Scotia, and a shorter name inside that name (York in England,
// Scotia) is not the place. The region it makes places the clashes there.
func TestAPlaceLineOutsideTheBelligerentsCountries(t *testing.T) {
	g := loadT(t)
	for _, tt := range []struct{ place, country, near string }{
		{"New York frontier", "US", "near Oswego"},
		{"Nova Scotia", "CA", "at Halifax"},
		{"New South Wales", "AU", "near Bathurst"},
	} {
		c := &annalist.Conflict{
			Places: []string{tt.place},
			Start:  annalist.YearDate(1757),
			Sides: []annalist.Side{
				{Belligerents: []string{"Great Britain"}},
				{Belligerents: []string{"Kingdom of France"}},
			},
		}
		r := g.RegionOf(c)
		if !r.hasCountry(&Entry{Country: tt.country}) {
			t.Errorf("%q: region countries %v, want %s among them", tt.place, r.Countries, tt.country)
		}
		if p := g.Resolve(tt.near, annalist.YearDate(1757), r); p.Country != tt.country {
			t.Errorf("%q in a war on the %q: country %q (%+v), want %s", tt.near, tt.place, p.Country, p.Gazetteer, tt.country)
		}
	}
}

// A capitalized compass word opens a name ("North Korea", "West Bank",
// "New South Wales"); one that tells a direction ("North of Lake Khasan",
// "in northern Manchuria") does not, and alone it is no place.
func TestCompassWordsInNames(t *testing.T) {
	g := loadT(t)
	for _, tt := range []struct{ text, id string }{
		{"North Korea", "country:KP"},
		{"across the border into South Korea", "country:KR"},
		{"in the West Bank", "admin1:PS.WE"},
		{"New South Wales", "admin1:AU.02"},
		{"near Bathurst, New South Wales", "cities:AU.02.Bathurst"},
		{"Western Sahara", "country:EH"},
		{"in West Bengal", "admin1:IN.28"},
		{"North of Lake Khasan", "annalist:lake-khasan"},
		{"in northern Manchuria", "annalist:manchuria"},
		{"South", ""},
	} {
		p := g.Resolve(tt.text, annalist.YearDate(1970), Region{})
		got := ""
		if p.Gazetteer != nil {
			got = p.Gazetteer.ID
		}
		if got != tt.id {
			t.Errorf("%q resolved to %q, want %q", tt.text, got, tt.id)
		}
	}
}
