package postgres

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/storetest"
)

// BenchmarkIngestResolving ingests 400 invented articles of 25 events in
// batches of 50, as a worker does, into a new database each round. The
// articles share ten years, so that many of their clashes are told twice
// and resolution at ingest has work: the cost of merging is in this
// figure. Run with -benchtime=1x; the test server is slow to start.
func BenchmarkIngestResolving(b *testing.B) {
	const articles, batch = 400, 50
	var items []annalist.IngestItem
	for i := range articles {
		d, raw := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i), Events: 25, Seed: uint64(i), FirstYear: 1930 + i%10})
		items = append(items, annalist.IngestItem{Doc: d, Raw: raw})
	}
	ctx := context.Background()
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		s := openTemp(b)
		b.StartTimer()
		began := time.Now()
		for i := 0; i < articles; i += batch {
			if _, _, err := s.IngestBatch(ctx, items[i:i+batch]); err != nil {
				b.Fatal(err)
			}
		}
		took += time.Since(began)
		b.StopTimer()
		var merged int
		if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM merged_events`).Scan(&merged); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(merged), "merged")
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles*b.N)/took.Seconds(), "articles/s")
}

// BenchmarkMergeStore redoes the merged events of $ANNALIST_BENCH_EVENTS
// invented events (default 100,000; storetest.Fill's data, which
// sqlite's BenchmarkMergeStore takes too): a full "annalist merge", which
// must find as many merged events as resolution at ingest did.
func BenchmarkMergeStore(b *testing.B) {
	s := openTemp(b)
	storetest.Fill(b, s, benchArticles(b))
	ctx := context.Background()
	var atIngest int
	if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM merged_events`).Scan(&atIngest); err != nil {
		b.Fatal(err)
	}
	var st annalist.MergeStats
	for b.Loop() {
		var err error
		if st, err = s.Merge(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
	if st.Merged != atIngest {
		b.Errorf("merge wrote %d merged events, ingest had %d", st.Merged, atIngest)
	}
	b.ReportMetric(float64(st.Tellings), "events")
	b.ReportMetric(float64(st.Merged), "merged")
	b.ReportMetric(float64(st.Tellings)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
