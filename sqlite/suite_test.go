package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/sqlite"
	"github.com/annalist/annalist/storetest"
)

// TestStoreSuite runs the tests every annalist.Store must pass.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annalist.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "suite.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// BenchmarkStoreQueries answers the explorer's queries on
// $ANNALIST_BENCH_EVENTS invented events (default 100,000), the data the
// PostgreSQL store's BenchmarkEventQueries takes.
func BenchmarkStoreQueries(b *testing.B) {
	n := 100_000
	if v := os.Getenv("ANNALIST_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("ANNALIST_BENCH_EVENTS=%q: %v", v, err)
		}
	}
	articles := max(1, n/storetest.EventsPerArticle)
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.Fill(b, s, articles)
	storetest.Queries(b, s, articles)
}
