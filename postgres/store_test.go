package postgres

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/pgtest"
	"github.com/annalist/annalist/storetest"
)

var server pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &server)) }

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), server.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestStoreSuite runs the tests every annalist.Store must pass.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annalist.Store { return openTemp(t) })
}

// TestStoreSuiteDense runs the suite with every filter taken as dense:
// pages are then read by walking the date index.
func TestStoreSuiteDense(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annalist.Store {
		s := openTemp(t)
		s.denseAt = 0
		return s
	})
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	dsn := server.Database(t)
	ctx := context.Background()
	for i := range 2 {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if v, err := s.SchemaVersion(ctx); err != nil || v != len(migrations) {
			t.Errorf("open #%d: schema version %d, %v; want %d", i+1, v, err, len(migrations))
		}
		s.Close()
	}
}

// A database left at an older version (here the first) is brought up to
// date, its rows kept: the place index and the sides array are filled from
// what version 1 stored.
func TestOpenMigratesAnOlderSchema(t *testing.T) {
	dsn := server.Database(t)
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	pool := s.Pool()
	if _, err := pool.Exec(ctx, `DROP INDEX events_by_date; CREATE INDEX events_by_date ON events (start_day, article_id, ord);
		DROP INDEX events_by_place; ALTER TABLE events DROP COLUMN band;
		DROP INDEX events_sides; ALTER TABLE events DROP COLUMN sides; CREATE INDEX event_sides_by_name ON event_sides (lower(name), event_id);
		UPDATE annalist_schema SET version = 1`); err != nil {
		t.Fatal(err)
	}
	// An event stored by version 1, without a band.
	if _, err := pool.Exec(ctx, `INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims)
		VALUES (1, 'k', 'Old war', 's', 'text', 'x', '', '{}', 1, 0);
		INSERT INTO events (key, article_id, ord, lat, lon, date_start, date_end, name, place, side_a, side_b, words, record)
		VALUES ('ek', 1, 0, 47.5, 126.3, '', '', '', '', '', '', '', '{"id":"e1"}');
		INSERT INTO event_sides (event_id, name) SELECT id, 'Ruritania' FROM events`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != len(migrations) {
		t.Errorf("schema version %d, want %d", v, len(migrations))
	}
	page, err := s.Events(ctx, annalist.EventFilter{BBox: &annalist.BBox{MinLon: 126, MinLat: 47, MaxLon: 127, MaxLat: 48}})
	if err != nil || page.Total != 1 {
		t.Errorf("the old event in its box: %d, %v; want 1", page.Total, err)
	}
	page, err = s.Events(ctx, annalist.EventFilter{Side: "ruritania"})
	if err != nil || page.Total != 1 {
		t.Errorf("the old event by its side: %d, %v; want 1", page.Total, err)
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	dsn := server.Database(t)
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Pool().Exec(ctx, `UPDATE annalist_schema SET version = 99`)
	s.Close()
	if _, err := Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer than this program knows") {
		t.Errorf("open: %v, want a newer-schema error", err)
	}
}

func TestOpenNamesABadDSN(t *testing.T) {
	_, err := Open(context.Background(), "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("open: %v, want an error naming the server and not the password", err)
	}
}

func TestWordQueriesFoldCaseAndDiacritics(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"Kłow", "'kłow':*"}, {"Café du Nord", "'cafe' & 'du' & 'nord':*"}, {"--", ""}, {"x'); drop", "'x' & 'drop':*"},
	} {
		if got := tsquery(tt.q); got != tt.want {
			t.Errorf("tsquery(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// BenchmarkEventQueries answers the explorer's queries on
// $ANNALIST_BENCH_EVENTS invented events (default 100,000; the SQLite
// store's BenchmarkStoreQueries takes the same data).
//
// $ANNALIST_BENCH_POSTGRES names a database (a DSN) to keep them in
// between runs: filled when empty, reused when it holds as many events,
// so that a million are loaded once. Otherwise a new one is filled on the
// test server.
func BenchmarkEventQueries(b *testing.B) {
	ctx := context.Background()
	articles := benchArticles(b)
	var s *Store
	if dsn := os.Getenv("ANNALIST_BENCH_POSTGRES"); dsn != "" {
		var err error
		if s, err = Open(ctx, dsn); err != nil {
			b.Fatalf("ANNALIST_BENCH_POSTGRES: %v", err)
		}
		defer s.Close()
	} else {
		s = openTemp(b)
	}
	var stored int
	if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&stored); err != nil {
		b.Fatal(err)
	}
	switch want := articles * storetest.EventsPerArticle; stored {
	case want:
		b.Logf("reusing %d stored events", stored)
	case 0:
		storetest.Fill(b, s, articles)
		// What autovacuum does after a bulk ingest, before a benchmark
		// would wait for it: planner statistics for the new rows, and
		// their pages marked all-visible, without which no index-only
		// scan skips the rows.
		if _, err := s.Pool().Exec(ctx, `VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
	default:
		b.Fatalf("the benchmark database holds %d events, not %d: empty it or set ANNALIST_BENCH_EVENTS=%d", stored, want, stored)
	}
	storetest.Queries(b, s, articles)
}

func benchArticles(b *testing.B) int {
	n := 100_000
	if v := os.Getenv("ANNALIST_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("ANNALIST_BENCH_EVENTS=%q: %v", v, err)
		}
	}
	return max(1, n/storetest.EventsPerArticle)
}
