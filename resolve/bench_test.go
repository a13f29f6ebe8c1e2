//go:build unix

package resolve

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"

	"github.com/annalist/annalist"
)

// synthetic makes tellings in order of their first day: clashes among
// twenty states from 1900 on, forty a day, each told by one to three
// articles at day or month precision, a quarter of them named, at places
// on a grid of a thousand gazetteer entries. A month's clashes are made
// when it begins (its month-precision tellings start on its first day),
// so memory holds one month. next returns the next telling.
func synthetic(seed uint64) (next func() *Telling) {
	rng := rand.New(rand.NewPCG(seed, 7))
	states := make([]string, 20)
	for i := range states {
		states[i] = fmt.Sprintf("State %d", i)
	}
	year, month := 1900, 1
	var days [][]*Telling // of the current month, by day
	clash := 0
	makeMonth := func() {
		n := annalist.DaysIn(year, month)
		days = make([][]*Telling, n)
		for day := range n {
			d := annalist.DayDate(year, month, day+1)
			for range 40 {
				clash++
				a, b := rng.IntN(len(states)), rng.IntN(len(states)-1)
				if b >= a {
					b++
				}
				place := rng.IntN(1000)
				lat, lon := 30+float64(place/40)*0.5, 10+float64(place%40)*0.5
				var name *string
				if rng.IntN(4) == 0 {
					name = annalist.Ptr(fmt.Sprintf("Battle of Place %d", place))
				}
				for k := range 1 + rng.IntN(3) {
					e := annalist.Event{Name: name, DateStart: d, DateEnd: d, SideA: []string{states[a]}, SideB: []string{states[b]},
						Place:   &annalist.Place{Lat: annalist.Ptr(lat), Lon: annalist.Ptr(lon), WherePrec: 1 + rng.IntN(3), Gazetteer: &annalist.GazetteerRef{ID: fmt.Sprint("g", place)}},
						DeathsA: annalist.Ptr(annalist.Exact(rng.IntN(50)))}
					if k > 0 && rng.IntN(3) == 0 {
						e.SideA, e.SideB = e.SideB, e.SideA
					}
					article := fmt.Sprintf("Article %d", (clash*7+k*131071)%50000)
					t := &Telling{Key: fmt.Sprintf("%016x", rng.Uint64()), ArticleKey: article, ArticleTitle: article, Event: e}
					if k > 0 && rng.IntN(2) == 0 {
						m := annalist.MonthDate(year, month)
						t.Event.DateStart, t.Event.DateEnd = m, m
						days[0] = append(days[0], t)
						continue
					}
					days[day] = append(days[day], t)
				}
			}
		}
	}
	makeMonth()
	day := 0
	return func() *Telling {
		for len(days[day]) == 0 {
			days[day] = nil
			if day++; day == len(days) {
				if month++; month > 12 {
					year, month = year+1, 1
				}
				makeMonth()
				day = 0
			}
		}
		t := days[day][0]
		days[day] = days[day][1:]
		return t
	}
}

// BenchmarkStream resolves b.N synthetic tellings; run it with
// -benchtime=1000000x for the figure of a million.
func BenchmarkStream(b *testing.B) {
	r := newRule(b)
	next := synthetic(1)
	groups, merged := 0, 0
	s := r.NewStream(func(gs []Group) error {
		for _, g := range gs {
			groups++
			if len(g.Tellings) > 1 {
				merged++
				r.Merge(g)
			}
		}
		return nil
	})
	b.ReportAllocs()
	cpu0 := cpuTime()
	var peak uint64
	for b.Loop() {
		if err := s.Add(next()); err != nil {
			b.Fatal(err)
		}
		if s.Tellings%100000 == 0 {
			runtime.GC() // live memory, not garbage not yet collected
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(s.Judged)/float64(s.Tellings), "judged/telling")
	b.ReportMetric(float64(merged), "merged-events")
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9, "cpu-s")
	b.ReportMetric(float64(peak)/1e6, "heap-MB")
}

// cpuTime returns the CPU time this process has used, in nanoseconds: on
// a shared machine wall time says more about the neighbours.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
