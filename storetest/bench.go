package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// EventsPerArticle is the size of the articles Fill stores.
const EventsPerArticle = 25

// Fill stores articles invented articles of EventsPerArticle events each,
// spread over a century, in batches of 100: the same data on every store
// for Queries to compare them on.
func Fill(tb testing.TB, s annalist.Store, articles int) {
	tb.Helper()
	start := time.Now()
	for i := 0; i < articles; i += 100 {
		items := make([]annalist.IngestItem, min(100, articles-i))
		for j := range items {
			d, raw := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i+j), Events: EventsPerArticle, Seed: uint64(i + j), FirstYear: 1900 + (i+j)%100})
			items[j] = annalist.IngestItem{Doc: d, Raw: raw}
		}
		if _, _, err := s.IngestBatch(context.Background(), items); err != nil {
			tb.Fatal(err)
		}
	}
	tb.Logf("stored %d events in %s", articles*EventsPerArticle, time.Since(start).Round(time.Millisecond))
}

// QueryKind is a kind of filter the explorer asks for; Filter makes the
// next one (its words, years and boxes drawn at random, the same on every
// run).
type QueryKind struct {
	Name   string
	Filter func() annalist.EventFilter
}

// QueryKinds returns the kinds of event query the store benchmarks time,
// over the invented articles Fill stores (articles of them). The invented
// text has a small vocabulary, so "q, common word" matches a sixth of all
// sentences; "q, rare word" (a year, as a real place name would be) about
// one in a hundred.
func QueryKinds(articles int) []QueryKind {
	r := rand.New(rand.NewPCG(1, 2))
	year := func() int { return 1900 + r.IntN(100) }
	sides := []string{"Ruritania", "Borduria", "Syldavia", "Freedonia", "Latveria"}
	places := []string{"Zenda", "Klow", "Strelsau", "Vargan", "Ruhr", "Tall"}
	return []QueryKind{
		{"one year", func() annalist.EventFilter {
			y := year()
			return annalist.EventFilter{From: annalist.YearDate(y), To: annalist.YearDate(y)}
		}},
		{"side", func() annalist.EventFilter { return annalist.EventFilter{Side: sides[r.IntN(len(sides))]} }},
		{"bbox", func() annalist.EventFilter {
			lon, lat := 118+r.Float64()*12, 45+r.Float64()*4
			return annalist.EventFilter{BBox: &annalist.BBox{MinLon: lon, MinLat: lat, MaxLon: lon + 1, MaxLat: lat + 1}}
		}},
		{"q, rare word", func() annalist.EventFilter { return annalist.EventFilter{Query: fmt.Sprint(year())} }},
		{"q, common word", func() annalist.EventFilter { return annalist.EventFilter{Query: places[r.IntN(len(places))]} }},
		{"conflict", func() annalist.EventFilter {
			return annalist.EventFilter{Conflict: annalist.ArticleKey(fmt.Sprintf("War %d", r.IntN(articles)))}
		}},
		{"decade, side, page 2", func() annalist.EventFilter {
			y := year()
			return annalist.EventFilter{From: annalist.YearDate(y), To: annalist.YearDate(y + 10), Side: sides[r.IntN(len(sides))], Offset: 100}
		}},
	}
}

// Queries answers the event queries the explorer makes (a page of 100 and
// the total) on a store Fill filled with articles articles, by kind of
// filter (QueryKinds), reporting the 50th and 99th percentile latencies.
func Queries(b *testing.B, s annalist.Store, articles int) {
	ctx := context.Background()
	for _, k := range QueryKinds(articles) {
		b.Run(k.Name, func(b *testing.B) {
			var wall []time.Duration
			for b.Loop() {
				f := k.Filter()
				f.Limit = 100
				t0 := time.Now()
				if _, err := s.Events(ctx, f); err != nil {
					b.Fatal(err)
				}
				wall = append(wall, time.Since(t0))
			}
			sort.Slice(wall, func(i, j int) bool { return wall[i] < wall[j] })
			pct := func(p float64) float64 { return float64(wall[int(p*float64(len(wall)-1))].Microseconds()) / 1000 }
			b.ReportMetric(pct(0.5), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}
