package gazetteer

import (
	"testing"

	"github.com/annalist/annalist"
)

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookup looks up a mix of names as they come from prose: mixed
// case, diacritics, historical spellings and misses.
func BenchmarkLookup(b *testing.B) {
	g := loadT(b)
	names := []string{"Suifenho", "Lake Khanka", "Königsberg", "paris", "Stalingrad",
		"Nomonhan", "Brunders", "Amur River", "Hsinking", "São Paulo"}
	b.ReportAllocs()
	i, found := 0, 0
	for b.Loop() {
		found += len(g.Lookup(names[i%len(names)]))
		i++
	}
}

func BenchmarkResolve(b *testing.B) {
	g := loadT(b)
	region := manchuriaRegion(g)
	phrases := []string{"about 20 kilometers north of Suifenho", "west of Lake Khanka", "on the Amur River at the Soviet–Manchukuo border",
		"the disputed village of Tauran, Mongolia", "Khalkhin Gol"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Resolve(phrases[i%len(phrases)], annalist.YearDate(1936), region)
		i++
	}
}

// BenchmarkCountryAt is the reverse lookup each resolved place makes for
// its country and division (the index is built by the first call).
func BenchmarkCountryAt(b *testing.B) {
	g, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	g.CountryAt(0, 0)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.CountryAt(float64(i%120-60), float64(i%340-170))
	}
}

// BenchmarkResolveSmallPlaces resolves names only more.tsv and names.tsv hold (a
// village, other names) and names nobody holds, which look in it too.
func BenchmarkResolveSmallPlaces(b *testing.B) {
	g := loadT(b)
	region := Region{Countries: []string{"ET", "SO", "SK", "HU", "CZ", "PL"}}
	phrases := []string{"the village of Ginir", "Párkány", "the Jablunkau Pass", "near Brunders", "Zhalanashkol"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Resolve(phrases[i%len(phrases)], annalist.YearDate(1939), region)
		i++
	}
}

// BenchmarkLoadMore is the part of Load that indexes the cities500 tables
// (more.tsv, names.tsv), which are searched in place.
func BenchmarkLoadMore(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadMore(moreTSV, namesTSV); err != nil {
			b.Fatal(err)
		}
	}
}
