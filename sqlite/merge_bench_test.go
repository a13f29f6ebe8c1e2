//go:build unix

package sqlite

import (
	"context"
	"runtime"
	"testing"
)

// BenchmarkMergeStore redoes the merged events of bigDB's 100,000 events
// (4,000 invented articles, whose clashes of one day, dyad and place
// merge): a full "annalist merge". The heap after each run is reported,
// which streaming by date keeps from growing with the store.
func BenchmarkMergeStore(b *testing.B) {
	ctx := context.Background()
	s := copyOfBigDB(b)
	var st MergeStats
	cpu0 := cpuTime()
	var peak uint64
	for b.Loop() {
		var err error
		st, err = s.Merge(ctx, func(done, total int) {
			var ms runtime.MemStats
			if done%50000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Tellings), "events")
	b.ReportMetric(float64(st.Merged), "merged")
	b.ReportMetric(float64(st.Judged)/float64(max(st.Tellings, 1)), "judged/event")
	b.ReportMetric(float64(cpuTime()-cpu0)/1e3/float64(b.N)/float64(max(st.Tellings, 1)), "cpu-µs/event")
	b.ReportMetric(float64(peak)/1e6, "heap-MB")
}
