package sqlite

import (
	"context"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// FuzzEvents runs arbitrary filters, words above all, through both query
// plans: no filter may make the store fail, and a page is always the
// same slice of the whole list, whose total it reports.
func FuzzEvents(f *testing.F) {
	s := openTemp(f)
	ctx := context.Background()
	for i, title := range []string{"Alpha war", "Beta war"} {
		doc, raw := synth.Document(synth.Options{Title: title, Events: 12, Sentences: 2, Seed: uint64(i), FirstYear: 1930 + 20*i})
		if _, err := s.Ingest(ctx, doc, raw); err != nil {
			f.Fatal(err)
		}
	}
	f.Add("Syldavia", "", 0, 0.0, 0.0, 0.0, 0.0, false)
	f.Add(`"Zen* AND OR NEAR(`, "borduria", 1936, 120.0, 44.0, 131.0, 51.0, true)
	f.Add("ß ǅ 東京 1936", "Ruritania", 1950, -10.0, -10.0, 10.0, 10.0, false)
	f.Fuzz(func(t *testing.T, q, side string, year int, minLon, minLat, maxLon, maxLat float64, dense bool) {
		filter := annalist.EventFilter{Query: q, Side: side}
		if year > 0 && year < 3000 {
			filter.From = annalist.YearDate(year)
		}
		if minLon <= maxLon && minLat <= maxLat && minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && (maxLon-minLon) > 0 {
			filter.BBox = &annalist.BBox{MinLon: minLon, MinLat: minLat, MaxLon: maxLon, MaxLat: maxLat}
		}
		s.denseAt = denseAt
		if dense {
			s.denseAt = 1
		}
		all, err := s.Events(ctx, filter)
		if err != nil {
			t.Fatalf("filter %+v: %v", filter, err)
		}
		if all.Total != len(all.Events) {
			t.Fatalf("filter %+v: total %d, %d events", filter, all.Total, len(all.Events))
		}
		paged := filter
		paged.Limit, paged.Offset = 2, 1
		page, err := s.Events(ctx, paged)
		if err != nil {
			t.Fatalf("filter %+v: %v", paged, err)
		}
		want := all.Events[min(1, len(all.Events)):min(3, len(all.Events))]
		if page.Total != all.Total || len(page.Events) != len(want) {
			t.Fatalf("filter %+v: page total %d with %d events, want %d with %d", paged, page.Total, len(page.Events), all.Total, len(want))
		}
		for i := range want {
			if page.Events[i].Key != want[i].Key {
				t.Fatalf("filter %+v: page event %d is %s, want %s", paged, i, page.Events[i].Key, want[i].Key)
			}
		}
	})
}
