package gazetteer

import "testing"

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
	n := 0
	for b.Loop() {
		n += len(g.Lookup(names[n%len(names)]))
		n++
	}
}
