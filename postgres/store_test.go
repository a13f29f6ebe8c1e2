package postgres

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/pgtest"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sqlite"
	"github.com/annalist/annalist/storetest"
	"github.com/jackc/pgx/v5"
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
		DROP TABLE merged_events, merge_members, merge_hidden, event_links, merge_dyads;
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

// A database of version 4, stored before merged events existed, opens
// with every telling listed as before (nothing merged yet); ingest then
// resolves new articles against the stored events, and annalist merge
// redoes the whole store.
func TestMigrationToMergedEventsThenMerge(t *testing.T) {
	dsn := server.Database(t)
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: storetest.WarDoc("w")}, {Doc: storetest.BattleDoc("b", annalist.DayDate(1901, 5, 2))}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pool().Exec(ctx, `DROP TABLE merged_events, merge_members, merge_hidden, event_links, merge_dyads; UPDATE annalist_schema SET version = 4`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, err := s.Events(ctx, annalist.EventFilter{})
	if err != nil || page.Total != 3 {
		t.Fatalf("after migration: %d events, %v; want the three tellings", page.Total, err)
	}
	// The migration indexed the stored events: a new version of the
	// battle's article finds the war's telling at ingest.
	if _, err := s.Ingest(ctx, storetest.BattleDoc("b2", annalist.DayDate(1901, 5, 2)), nil); err != nil {
		t.Fatal(err)
	}
	if page, err = s.Events(ctx, annalist.EventFilter{}); err != nil || page.Total != 2 {
		t.Errorf("after a new ingest: %d events, %v; want 2", page.Total, err)
	}
	st, err := s.Merge(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tellings != 3 || st.Merged != 1 {
		t.Errorf("merge stats %+v, want 3 events read, 1 merged", st)
	}
	page, err = s.Events(ctx, annalist.EventFilter{})
	if err != nil || page.Total != 2 || page.Events[0].NumberOfSources != 2 {
		t.Errorf("after merge: %d events, %v; want 2, the first told by two articles", page.Total, err)
	}
}

// The same articles, ingested into a SQLite file and into PostgreSQL in
// different batchings, give the same merged events with the same ids.
func TestMergesAsSQLiteDoes(t *testing.T) {
	ctx := context.Background()
	var items []annalist.IngestItem
	for i := range 40 {
		d, raw := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i), Events: 20, Seed: uint64(i), FirstYear: 1930 + i%3})
		items = append(items, annalist.IngestItem{Doc: d, Raw: raw})
	}
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, _, err := lite.IngestBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	pg := openTemp(t)
	for i := 0; i < len(items); i += 3 {
		if _, _, err := pg.IngestBatch(ctx, items[i:min(i+3, len(items))]); err != nil {
			t.Fatal(err)
		}
	}
	want := storetest.MergedJSON(t, lite)
	if strings.Count(want, `"number_of_sources"`) < 5 {
		t.Fatalf("the invented articles hardly overlap: %.200s", want)
	}
	if got := storetest.MergedJSON(t, pg); got != want {
		t.Errorf("PostgreSQL's merged events differ from SQLite's:\n%.600s\n---\n%.600s", got, want)
	}
	var a, b []string
	for _, st := range []struct {
		s   annalist.Store
		out *[]string
	}{{lite, &a}, {pg, &b}} {
		if err := st.s.EachEvent(ctx, annalist.EventFilter{}, func(e *annalist.StoredEvent) error {
			*st.out = append(*st.out, fmt.Sprintf("%s %d", e.Key, e.NumberOfSources))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		slices.Sort(*st.out)
	}
	if !slices.Equal(a, b) {
		t.Errorf("merged listings differ: %d rows from SQLite, %d from PostgreSQL", len(a), len(b))
	}
}

// A chain of candidates longer than an ingest follows is cut there: the
// ingest still succeeds, what it reached is merged again, and annalist
// merge then joins every telling.
func TestIngestCutsALongChainOfCandidates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	war, battle := storetest.WarDoc("w"), storetest.BattleDoc("b", annalist.DayDate(1901, 5, 2))
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: war}, {Doc: battle}}); err != nil {
		t.Fatal(err)
	}
	// A third article tells the clash; the walk from its telling stops
	// after one of the two merged tellings.
	third := storetest.WarDoc("x")
	third.Article.Title = "Southian history"
	third.Events = third.Events[:1]
	s.maxComponent = 2
	if _, err := s.Ingest(ctx, third, nil); err != nil {
		t.Fatalf("ingest with the walk cut: %v", err)
	}
	st, err := s.Merge(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, annalist.EventKey("Southian history", "w-pine"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Merged != 1 || e.Merged == nil || e.Merged.NumberOfSources != 3 {
		t.Errorf("after merge: %d merged events, %+v; want one told by three articles", st.Merged, e.Merged)
	}
}

// Resolution waits for the batch before it: it refuses a transaction
// that would read an older snapshot than the lock it waited for.
func TestMergeRefusesRepeatableRead(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	err := pgx.BeginTxFunc(ctx, s.Pool(), pgx.TxOptions{IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		return lockMerge(ctx, tx)
	})
	if err == nil || !strings.Contains(err.Error(), "REPEATABLE READ") {
		t.Errorf("lock under repeatable read: %v, want refused", err)
	}
	for _, level := range []pgx.TxIsoLevel{pgx.ReadCommitted, pgx.Serializable} {
		if err := pgx.BeginTxFunc(ctx, s.Pool(), pgx.TxOptions{IsoLevel: level}, func(tx pgx.Tx) error {
			return lockMerge(ctx, tx)
		}); err != nil {
			t.Errorf("lock under %s: %v", level, err)
		}
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
