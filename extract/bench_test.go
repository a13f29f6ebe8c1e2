package extract

import (
	"context"
	"errors"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

// benchSample reads the bundled sample and runs step on it once per op;
// MB/s is of article text.
func benchSample(b *testing.B, step func(x *Extractor, a *annalist.Article) error) {
	x := newExtractor(b)
	// The gazetteer loads on its own goroutine once per process: wait for
	// it, so that an op is one article and not a share of the load.
	if err := x.places.Wait(); err != nil {
		b.Fatal(err)
	}
	data := sample.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	began := cpuTime(b)
	for b.Loop() {
		a, err := plaintext.Read("sample.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		if err := step(x, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-began)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time the process has used: on a machine shared
// with other work, the benchmark's wall-clock ns/op is not what it cost.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadAndInfobox measures reading the sample and normalizing its
// infobox into the conflict record: one op is one article.
func BenchmarkReadAndInfobox(b *testing.B) {
	benchSample(b, func(x *Extractor, a *annalist.Article) error {
		if x.infobox.Extract(a, x.actors) == nil {
			return errors.New("no conflict")
		}
		return nil
	})
}

// BenchmarkExtract measures the whole extract of the sample (reading,
// infobox, prose events and claims, places).
func BenchmarkExtract(b *testing.B) {
	ctx := context.Background()
	benchSample(b, func(x *Extractor, a *annalist.Article) error {
		_, err := x.Extract(ctx, a)
		return err
	})
}

// BenchmarkResolveDocument measures placing the sample's conflict and
// events in the gazetteer: one op is one article's places. Each op
// resolves a fresh copy of the unresolved document.
func BenchmarkResolveDocument(b *testing.B) {
	x := newExtractor(b)
	if err := x.places.Wait(); err != nil {
		b.Fatal(err)
	}
	a, err := plaintext.Read("sample.txt", sample.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	conflict := x.infobox.Extract(a, x.actors)
	events, _ := x.events.Extract(a, conflict)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		c := *conflict
		c.Places = slices.Clone(conflict.Places)
		evs := slices.Clone(events)
		for i := range evs {
			if p := evs[i].Place; p != nil {
				cp := *p
				evs[i].Place = &cp
			}
		}
		doc := &annalist.Document{Conflict: &c, Events: evs}
		b.StartTimer()
		x.places.ResolveDocument(doc)
	}
}
