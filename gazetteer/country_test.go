package gazetteer

import (
	"testing"

	"github.com/annalist/annalist"
)

func TestResolveNamesTheCountryAndDivisionOfThePoint(t *testing.T) {
	g := loadT(t)
	tests := []struct {
		text          string
		year          int
		country, adm1 string
	}{
		{"in Moscow", 1937, "RU", "Moscow"},
		{"about 20 kilometers north of Suifenho", 1935, "CN", "Heilongjiang"},
		{"Lake Khasan", 1938, "RU", "Primorye"},
		// A lake on a border lies in one of the entry's countries: the
		// one whose nearest place is nearest the point.
		{"southwest of Buir Lake", 1935, "CN", "Inner Mongolia"},
		{"Paris", 1940, "FR", "Île-de-France"},
	}
	for _, tt := range tests {
		p := g.Resolve(tt.text, annalist.YearDate(tt.year), Region{})
		if p.Lat == nil || p.Country != tt.country || p.Adm1 != tt.adm1 {
			t.Errorf("Resolve(%q) = country %q adm_1 %q, want %q %q", tt.text, p.Country, p.Adm1, tt.country, tt.adm1)
		}
	}
}

func TestCountryAtNeedsANearbyPlace(t *testing.T) {
	g := loadT(t)
	if cc, adm1 := g.CountryAt(55.75, 37.62); cc != "RU" || adm1 != "Moscow" {
		t.Errorf("CountryAt(Moscow) = %q %q", cc, adm1)
	}
	// The middle of the Pacific is far from every place.
	if cc, _ := g.CountryAt(0, -140); cc != "" {
		t.Errorf("CountryAt(open sea) = %q, want none", cc)
	}
	// Across the antimeridian: Fiji's places lie on both sides of it.
	if cc, _ := g.CountryAt(-16.5, 179.99); cc != "FJ" {
		t.Errorf("CountryAt(Fiji) = %q", cc)
	}
}
