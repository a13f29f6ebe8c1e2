package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// BenchmarkIngestSampleSized stores invented articles the size of the
// bundled sample (18 kB of text, 26 events, one claim, an infobox record)
// again and again under new titles: the rate an ingest sustains,
// extraction excluded. One transaction an article, and batches of 64 as
// annalist ingest writes them.
func BenchmarkIngestSampleSized(b *testing.B) {
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 26, Seed: 9, MinBytes: 18445})
	a := struct{ Raw []byte }{raw}
	for _, batch := range []int{1, 64} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			s := openTemp(b)
			items := make([]annalist.IngestItem, 0, batch)
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				items = items[:0]
				for range batch {
					d := *doc
					d.Article.Title = fmt.Sprintf("%s %d", doc.Article.Title, n)
					d.Article.SHA256 = fmt.Sprint(n)
					n++
					items = append(items, annalist.IngestItem{Doc: &d, Raw: a.Raw})
				}
				_, errs, err := s.IngestBatch(ctx, items)
				if err != nil {
					b.Fatal(err)
				}
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(len(doc.Events)), "events/article")
		})
	}
}

var (
	bigOnce  sync.Once
	bigStore *Store
	bigErr   error
)

// bigDB builds, once per test binary, a database of 100,000 invented
// events (4,000 articles of 25) spread over a century.
func bigDB(b *testing.B) *Store {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "annalist-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigStore, bigErr = Open(context.Background(), filepath.Join(dir, "big.db"))
		if bigErr != nil {
			return
		}
		start := time.Now()
		for i := 0; i < 4000 && bigErr == nil; i++ {
			d, raw := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i), Events: 25, Seed: uint64(i), FirstYear: 1900 + i%100})
			_, bigErr = bigStore.Ingest(context.Background(), d, raw)
		}
		b.Logf("built 100,000-event database in %s", time.Since(start))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

// BenchmarkEventQueries answers filtered event queries (a page of 100 and
// the total) on 100,000 events, reporting the 50th and 99th percentiles.
func BenchmarkEventQueries(b *testing.B) {
	s := bigDB(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	sides := []string{"Ruritania", "Borduria", "Syldavia", "Freedonia", "Latveria"}
	words := []string{"Zenda", "Klow", "Strelsau", "Vargan", "clashed", "Syldav"}
	filters := []func() annalist.EventFilter{
		func() annalist.EventFilter {
			y := 1900 + r.IntN(100)
			return annalist.EventFilter{From: annalist.YearDate(y), To: annalist.YearDate(y)}
		},
		func() annalist.EventFilter { return annalist.EventFilter{Side: sides[r.IntN(len(sides))]} },
		func() annalist.EventFilter {
			lon, lat := 118+r.Float64()*12, 45+r.Float64()*4
			return annalist.EventFilter{BBox: &annalist.BBox{MinLon: lon, MinLat: lat, MaxLon: lon + 1, MaxLat: lat + 1}}
		},
		func() annalist.EventFilter { return annalist.EventFilter{Query: words[r.IntN(len(words))]} },
		func() annalist.EventFilter {
			return annalist.EventFilter{Conflict: annalist.ArticleKey(fmt.Sprintf("War %d", r.IntN(4000)))}
		},
		func() annalist.EventFilter {
			y := 1900 + r.IntN(90)
			return annalist.EventFilter{From: annalist.YearDate(y), To: annalist.YearDate(y + 10), Side: sides[r.IntN(len(sides))], Offset: 100}
		},
		func() annalist.EventFilter {
			y := 1900 + r.IntN(90)
			return annalist.EventFilter{From: annalist.YearDate(y), To: annalist.YearDate(y + 5), Query: words[r.IntN(len(words))]}
		},
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f := filters[i%len(filters)]()
		f.Limit = 100
		t0 := time.Now()
		if _, err := s.Events(ctx, f); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
}
