package gazetteer

import (
	"strings"
	"testing"
)

// Every entry of the built-in gazetteer traces to a source, lies on the
// globe, and names a kind whose where_prec is a UCDP code.
func TestBuiltInEntriesAreSourced(t *testing.T) {
	g := loadT(t)
	check := func(e *Entry) {
		if e.Source == "" || e.ID == "" || e.Name == "" || e.Kind == "" || e.Country == "" {
			t.Errorf("entry %+v lacks id, name, kind, country or source", *e)
		}
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 || (e.Lat == 0 && e.Lon == 0) {
			t.Errorf("%s %q at %v,%v", e.ID, e.Name, e.Lat, e.Lon)
		}
		if p := e.Kind.WherePrec(); p < 1 || p > 7 {
			t.Errorf("%s: kind %q gives where_prec %d", e.ID, e.Kind, p)
		}
		if e.From != 0 && e.To != 0 && e.From > e.To {
			t.Errorf("%s %q: in use %d–%d", e.ID, e.Name, e.From, e.To)
		}
	}
	for _, es := range g.extra {
		for i := range es {
			check(&es[i])
		}
	}
	for i := 0; i < len(g.base.cities); i += 997 {
		e := g.base.cities[i].entry()
		check(&e)
	}
}

func TestLookupFindsHistoricalNamesWithPeriods(t *testing.T) {
	g := loadT(t)
	tests := []struct {
		name, id string
		from, to int
	}{
		{"Hsinking", "cities:CN.05.Changchun", 1932, 1945},
		{"hsinking", "cities:CN.05.Changchun", 1932, 1945},
		{"Stalingrad", "cities:RU.84.Volgograd", 1925, 1961},
		{"Leningrad", "cities:RU.66.Saint Petersburg", 1924, 1991},
		{"Koenigsberg", "", 0, 0}, // not a spelling we know: no guess
		{"Konigsberg", "cities:RU.23.Kaliningrad", 0, 1946},
		{"Salisbury", "cities:ZW.10.Harare", 0, 1982},
	}
	for _, tt := range tests {
		es := g.Lookup(tt.name)
		if tt.id == "" {
			for _, e := range es {
				if strings.HasPrefix(e.ID, "annalist:") || e.To != 0 {
					t.Errorf("%q: unexpected %+v", tt.name, e)
				}
			}
			continue
		}
		if len(es) == 0 || es[0].ID != tt.id || es[0].From != tt.from || es[0].To != tt.to {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %d–%d first", tt.name, first(es), tt.id, tt.from, tt.to)
		}
	}
	// The GeoNames namesakes of a historical name follow ours.
	es := g.Lookup("Salisbury")
	if len(es) < 2 || es[1].Kind != KindCity || strings.HasPrefix(es[1].ID, "annalist:") {
		t.Errorf("Salisbury: want Harare first, then the GeoNames Salisburys; got %d entries", len(es))
	}
}

func first(es []Entry) any {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}

func TestStates(t *testing.T) {
	g := loadT(t)
	s, ok := g.State("soviet union")
	if !ok || s.From != 1922 || s.To != 1991 || s.Countries[0] != "RU" {
		t.Errorf("Soviet Union = %+v, %v", s, ok)
	}
	if _, ok := g.State("Narnia"); ok {
		t.Error("Narnia is a state")
	}
}
