package resolve

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/annalist/annalist"
)

// synthetic makes tellings in order of their first day: clashes among
// twenty states over some decades, about forty a day, each told by one
// to three articles at day or month precision, some named, places on a
// grid of a thousand gazetteer entries. next returns the next telling.
func synthetic(seed uint64) (next func() *Telling) {
	rng := rand.New(rand.NewPCG(seed, 7))
	states := make([]string, 20)
	for i := range states {
		states[i] = fmt.Sprintf("State %d", i)
	}
	start := annalist.DayDate(1900, 1, 1).DayNumber()
	var queue []*Telling
	clash, day, monthly := 0, 0, map[int][]*Telling{}
	return func() *Telling {
		for len(queue) == 0 {
			// Month-precision tellings start on the month's first day, so
			// they are handed out when that day comes round.
			if ms := monthly[day]; ms != nil {
				queue = append(queue, ms...)
				delete(monthly, day)
			}
			for range 40 {
				clash++
				d := annalist.DateFromDayNumber(start + day)
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
						m := annalist.MonthDate(d.Year, d.Month)
						t.Event.DateStart, t.Event.DateEnd = m, m
						first := m.First().DayNumber() - start
						if first < day {
							first = day // its month began before the stream: keep the order
							t.Event.DateStart, t.Event.DateEnd = d, d
						}
						monthly[first] = append(monthly[first], t)
						continue
					}
					queue = append(queue, t)
				}
			}
			day++
		}
		t := queue[0]
		queue = queue[1:]
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
	for b.Loop() {
		if err := s.Add(next()); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(s.Judged)/float64(s.Tellings), "judged/telling")
	b.ReportMetric(float64(merged), "merged-events")
}
