package gazetteer

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// A small document as the extractors leave it: the conflict's infobox
// places, events with place phrases, and one event whose place is only in
// its evidence.
func testDocument() *annalist.Document {
	ev := func(text string, d annalist.Date, evidence string) annalist.Event {
		e := annalist.Event{DateStart: d, DateEnd: d}
		if text != "" {
			e.Place = &annalist.Place{Text: text, Span: &annalist.Span{Start: 5, End: 5 + len(text)}}
		}
		if evidence != "" {
			e.Evidence = []annalist.Evidence{{Start: 1000, End: 1000 + len(evidence), Text: evidence}}
		}
		return e
	}
	return &annalist.Document{
		Conflict: &annalist.Conflict{
			Places: []string{"Manchuria", "Mongolia", "Atlantis"},
			Start:  annalist.YearDate(1935),
			Sides: []annalist.Side{
				{Belligerents: []string{"Soviet Union"}},
				{Belligerents: []string{"Manchukuo", "Japan"}},
			},
		},
		Events: []annalist.Event{
			ev("near Suifenho", annalist.MonthDate(1936, 4), ""),
			ev("the Ussuri River", annalist.YearDate(1936), ""),
			ev("Zuboshchekovo", annalist.YearDate(1936), ""),
			ev("", annalist.YearDate(1937), "A Soviet patrol was fired upon 12 km east of Hsinking by Manchukuoan troops."),
			ev("", annalist.YearDate(1937), "Two guards died at Olkhovaya Pad when a patrol crossed the line."),
			ev("", annalist.YearDate(1937), "In the autumn the Soviets sent more troops."),
		},
	}
}

func TestResolveDocument(t *testing.T) {
	g := loadT(t)
	doc := testDocument()
	g.ResolveDocument(doc)

	pp := doc.Conflict.PlacePoints
	if len(pp) != 3 || pp[0].Gazetteer == nil || pp[0].Gazetteer.ID != "annalist:manchuria" || pp[1].WherePrec != 6 || pp[2].Lat != nil || pp[2].Text != "Atlantis" {
		t.Fatalf("place points = %+v", pp)
	}

	e := doc.Events
	if p := e[0].Place; p.Lat == nil || p.Gazetteer.ID != "cities:CN.08.Suifenhe" || p.WherePrec != 2 || p.Span == nil || p.Span.Start != 5 {
		t.Errorf("near Suifenho = %+v (span kept?)", p)
	}
	// The Ussuri's point nearest the region (Manchuria's Harbin, Mongolia).
	if p := e[1].Place; p.Lat == nil || p.WherePrec != 5 || p.Gazetteer.ID != "annalist:ussuri" {
		t.Errorf("the Ussuri River = %+v", p)
	}
	if p := e[2].Place; p.Lat != nil || p.Text != "Zuboshchekovo" {
		t.Errorf("an unknown village = %+v, want text only", p)
	}
	p := e[3].Place
	if p == nil || p.Gazetteer == nil || p.Gazetteer.ID != "cities:CN.05.Changchun" || p.Text != "12 km east of Hsinking" || p.WherePrec != 2 {
		t.Fatalf("place from evidence = %+v", p)
	}
	if want := 1000 + strings.Index(e[3].Evidence[0].Text, "12 km"); p.Span == nil || p.Span.Start != want {
		t.Errorf("span %+v, want start %d", p.Span, want)
	}
	if *p.Lon <= 125.32278 || distanceKm(*p.Lat, *p.Lon, 43.88, 125.32278) < 11 || distanceKm(*p.Lat, *p.Lon, 43.88, 125.32278) > 13 {
		t.Errorf("12 km east of Changchun at %v,%v", *p.Lat, *p.Lon)
	}
	if p := e[4].Place; p == nil || p.Text != "Olkhovaya Pad" || p.Lat != nil {
		t.Errorf("unknown place after 'at' = %+v, want its text", p)
	}
	if e[5].Place != nil {
		t.Errorf("a sentence without a place got %+v", e[5].Place)
	}
}

func TestFindPlace(t *testing.T) {
	g := loadT(t)
	region := manchuriaRegion(g)
	tests := []struct {
		sentence, text, id string
	}{
		{"The patrol was ambushed west of Lake Khanka at dawn.", "west of Lake Khanka", "annalist:lake-khanka"},
		{"Fighting broke out on the Amur River in June.", "on the Amur River", "annalist:amur"},
		{"They withdrew to Harbin.", "", ""},                    // "to" is not where it happened
		{"In March, the unit was disbanded.", "", ""},           // a month is not a place
		{"The troops fought near the Buddhist temple.", "", ""}, // no name
		{"Sugimoto's men fought at Brunders.", "Brunders", ""},
	}
	for _, tt := range tests {
		p, ok := g.FindPlace(tt.sentence, annalist.YearDate(1936), region)
		if tt.text == "" {
			if ok {
				t.Errorf("%q: found %+v", tt.sentence, p)
			}
			continue
		}
		if !ok || p.Text != tt.text {
			t.Errorf("%q: found %q (%v), want %q", tt.sentence, p.Text, ok, tt.text)
			continue
		}
		if got := tt.sentence[p.Span.Start:p.Span.End]; got != tt.text {
			t.Errorf("%q: span covers %q", tt.sentence, got)
		}
		if tt.id != "" && (p.Gazetteer == nil || p.Gazetteer.ID != tt.id) {
			t.Errorf("%q: ref %+v, want %s", tt.sentence, p.Gazetteer, tt.id)
		}
	}
}

func FuzzResolve(f *testing.F) {
	g, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	region := manchuriaRegion(g)
	for _, s := range []string{"about 20 kilometers north of Suifenho", "on the Amur River at the border", "the village of Tauran, Mongolia",
		"1,500 m south-west of Lake X", "near", "of of of", "Lake", "12 km east of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := g.Resolve(text, annalist.YearDate(1936), region)
		if p.Text != text {
			t.Fatalf("text changed: %q → %q", text, p.Text)
		}
		if (p.Lat == nil) != (p.Gazetteer == nil) || (p.Lat == nil) != (p.Lon == nil) {
			t.Fatalf("%q: coordinates without their entry: %+v", text, p)
		}
		if p.Lat != nil && (*p.Lat < -90 || *p.Lat > 90 || *p.Lon < -180 || *p.Lon > 180 || p.WherePrec < 1 || p.WherePrec > 7) {
			t.Fatalf("%q: %v,%v prec %d", text, *p.Lat, *p.Lon, p.WherePrec)
		}
		if q, ok := g.FindPlace(text, annalist.YearDate(1936), region); ok {
			if q.Span == nil || q.Span.Start < 0 || q.Span.End > len(text) || q.Span.Start > q.Span.End {
				t.Fatalf("%q: span %+v", text, q.Span)
			}
		}
	})
}
