//go:build unix

package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/storetest"
)

// laterBy returns copies of events moved years later. Copies of one
// article under new titles would otherwise be the same clashes told again,
// which the resolver rightly merges, each ingest into a larger merged
// event: a store of one clash told a thousand times, not a collection.
func laterBy(events []annalist.Event, years int) []annalist.Event {
	out := slices.Clone(events)
	move := func(d annalist.Date) annalist.Date {
		if d.IsZero() {
			return d
		}
		d.Year += years
		if d.Prec == annalist.PrecDay {
			d.Day = min(d.Day, annalist.DaysIn(d.Year, d.Month))
		}
		return d
	}
	for i := range out {
		out[i].DateStart, out[i].DateEnd = move(out[i].DateStart), move(out[i].DateEnd)
	}
	return out
}

// BenchmarkIngestSampleSized stores invented articles the size of the
// bundled sample (18 kB of text, 20 events with 4 pieces of evidence each
// where the sample has 3.5, 5 claims, an infobox record)
// again and again under new titles: the rate an ingest sustains,
// extraction excluded. One transaction an article, and batches of 64 as
// annalist ingest writes them.
//
// "into_100k" starts from a copy of BenchmarkEventQueries's database of
// 100,000 events, whose indexes are deep and where a batch's rows land all
// over them, as in a real collection; the others start empty.
func BenchmarkIngestSampleSized(b *testing.B) {
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 20, Sentences: 4, Claims: 5, Seed: 9, MinBytes: 18445})
	a := struct{ Raw []byte }{raw}
	for _, run := range []struct {
		batch int
		big   bool
	}{{1, false}, {64, false}, {64, true}} {
		name, batch := fmt.Sprintf("batch=%d", run.batch), run.batch
		if run.big {
			name += ",into_100k"
		}
		b.Run(name, func(b *testing.B) {
			var s *Store
			if run.big {
				s = copyOfBigDB(b)
			} else {
				s = openTemp(b)
			}
			items := make([]annalist.IngestItem, 0, batch)
			n := 0
			cpu0 := cpuTime()
			b.ReportAllocs()
			for b.Loop() {
				items = items[:0]
				for range batch {
					d := *doc
					d.Article.Title = fmt.Sprintf("%s %d", doc.Article.Title, n)
					d.Article.SHA256 = fmt.Sprint(n)
					d.Events = laterBy(doc.Events, 2*(n%3000))
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
			// On a shared machine wall time says more about the neighbours
			// than about the code: report the CPU time spent too.
			b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(n), "cpu-ms/article")
			b.ReportMetric(float64(len(doc.Events)), "events/article")
		})
	}
}

// copyOfBigDB opens a copy of bigDB's database, closed at the end of b.
func copyOfBigDB(b *testing.B) *Store {
	big := bigDB(b)
	// The file is consistent on its own once a full checkpoint has
	// emptied the log. One that finds the background checkpoint at work
	// reports busy instead of waiting: try again.
	for busy := 1; busy != 0; {
		var log, done int
		if err := big.writer.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done); err != nil {
			b.Fatal(err)
		}
		if busy != 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	data, err := os.ReadFile(big.Path())
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "copy.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// cpuTime returns the CPU time this process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// threadCPU returns the CPU time the calling thread has used (Linux's
// RUSAGE_THREAD; elsewhere the process's).
func threadCPU() int64 {
	var ru syscall.Rusage
	who := 1 // RUSAGE_THREAD
	if runtime.GOOS != "linux" {
		who = syscall.RUSAGE_SELF
	}
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
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
		// ANNALIST_BENCH_DB names a database built by an earlier run (its
		// path is logged) to skip the build.
		if p := os.Getenv("ANNALIST_BENCH_DB"); p != "" {
			bigStore, bigErr = Open(context.Background(), p)
			return
		}
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
		for i := 0; i < 4000 && bigErr == nil; i += 100 {
			items := make([]annalist.IngestItem, 100)
			for j := range items {
				d, raw := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i+j), Events: 25, Seed: uint64(i + j), FirstYear: 1900 + (i+j)%100})
				items[j] = annalist.IngestItem{Doc: d, Raw: raw}
			}
			_, _, bigErr = bigStore.IngestBatch(context.Background(), items)
		}
		// What Close does: planner statistics for the new tables.
		if bigErr == nil {
			_, bigErr = bigStore.writer.Exec(`PRAGMA optimize`)
		}
		b.Logf("built 100,000-event database %s in %s", bigStore.Path(), time.Since(start))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

// BenchmarkEventQueries answers filtered event queries (a page of 100 and
// the total) on 100,000 events, by kind of filter (storetest.QueryKinds),
// reporting the 50th and 99th percentile latencies of wall and thread
// CPU time.
func BenchmarkEventQueries(b *testing.B) {
	s := bigDB(b)
	ctx := context.Background()
	for _, k := range storetest.QueryKinds(4000) {
		b.Run(k.Name, func(b *testing.B) {
			// The driver runs a query on the calling goroutine; pinned to
			// one thread, that thread's CPU time is the query's, whatever
			// else the machine is doing.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var wall, cpu []time.Duration
			for b.Loop() {
				f := k.Filter()
				f.Limit = 100
				t0, c0 := time.Now(), threadCPU()
				if _, err := s.Events(ctx, f); err != nil {
					b.Fatal(err)
				}
				wall = append(wall, time.Since(t0))
				cpu = append(cpu, time.Duration(threadCPU()-c0))
			}
			for _, m := range []struct {
				name string
				d    []time.Duration
			}{{"", wall}, {"cpu-", cpu}} {
				sort.Slice(m.d, func(i, j int) bool { return m.d[i] < m.d[j] })
				pct := func(p float64) float64 { return float64(m.d[int(p*float64(len(m.d)-1))].Microseconds()) / 1000 }
				b.ReportMetric(pct(0.5), m.name+"p50-ms")
				b.ReportMetric(pct(0.99), m.name+"p99-ms")
			}
		})
	}
}
