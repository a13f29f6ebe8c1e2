package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// TestMigrationFromVersion3KeepsWordSearch builds a version-3 database
// by hand (evidence numbered 1, 2, 3, ..., indexed piece by piece) and
// opens it: through the renumbering of evidence, the index of events that
// replaced the index of pieces and the end of the evidence table, each
// event must still be found by the words of its evidence, and only by
// them (a claim's words find nothing).
func TestMigrationFromVersion3KeepsWordSearch(t *testing.T) {
	ctx := context.Background()
	s := openAtVersion(t, 3,
		`INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims, ingested)
			VALUES (1, 'war', 'War', 's', 'text', 'x', x'00', '{}', 2, 1, '2026-01-01T00:00:00Z')`,
		`INSERT INTO events (id, key, article_id, ord, record) VALUES (1, 'war/e1', 1, 0, '{}'), (2, 'war/e2', 1, 1, '{}')`,
		`INSERT INTO claims (id, article_id, ord, what, record) VALUES (1, 1, 0, 'deaths', '{}')`,
		`INSERT INTO evidence (id, article_id, event_id, claim_id, section, start_byte, end_byte, text) VALUES
			(1, 1, 1, NULL, 's', 0, 1, 'tankettes crossed the river'),
			(2, 1, 2, NULL, 's', 0, 1, 'aircraft bombed the bridge'),
			(3, 1, 1, NULL, 's', 0, 1, 'the tankettes withdrew'),
			(4, 1, NULL, 1, 's', 0, 1, 'tankettes and aircraft were lost')`,
		`INSERT INTO evidence_text (rowid, text) SELECT id, text FROM evidence`,
	)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"tankettes", []string{"war/e1"}},
		{"aircraft", []string{"war/e2"}},
		{"withdrew", []string{"war/e1"}},
		{"crossed withdrew", []string{"war/e1"}}, // two pieces of one event
		{"lost", nil},                            // only a claim's evidence says it
	} {
		page, err := s.Events(ctx, annalist.EventFilter{Query: tc.query})
		if err != nil {
			t.Fatalf("query %q: %v", tc.query, err)
		}
		var keys []string
		for _, e := range page.Events {
			keys = append(keys, e.Key)
		}
		if !reflect.DeepEqual(keys, tc.want) || page.Total != len(tc.want) {
			t.Errorf("query %q: events %q (total %d), want %q", tc.query, keys, page.Total, tc.want)
		}
	}
}

// TestMigrationBandsAgreeWithIngest opens a version-4 database: the
// latitude bands the migration computes in SQL must be the ones an
// ingest computes in Go, or a box would miss the migrated events.
func TestMigrationBandsAgreeWithIngest(t *testing.T) {
	lats := []float64{-89.5, -33.4, -1, -0.5, -0.0001, 0, 0.5, 45.999, 46, 89.9, 90}
	inserts := []string{`INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims, ingested)
		VALUES (1, 'war', 'War', 's', 'text', 'x', x'00', '{}', 0, 0, '2026-01-01T00:00:00Z')`}
	for i, lat := range lats {
		inserts = append(inserts, fmt.Sprintf(`INSERT INTO events (id, key, article_id, ord, lat, lon, record) VALUES (%d, 'e%d', 1, %d, %v, 10, '{}')`, i+1, i, i, lat))
	}
	inserts = append(inserts, `INSERT INTO events (id, key, article_id, ord, record) VALUES (100, 'no place', 1, 100, '{}')`)
	s := openAtVersion(t, 4, inserts...)
	rows, err := s.reader.Query(`SELECT lat, band FROM events ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var lat sql.NullFloat64
		var band sql.NullInt64
		if err := rows.Scan(&lat, &band); err != nil {
			t.Fatal(err)
		}
		switch {
		case !lat.Valid && band.Valid:
			t.Errorf("event without a place got band %d", band.Int64)
		case lat.Valid && (!band.Valid || band.Int64 != latitudeBand(lat.Float64)):
			t.Errorf("lat %v: migrated band %v, ingest would store %d", lat.Float64, band, latitudeBand(lat.Float64))
		}
		n++
	}
	if n != len(lats)+1 {
		t.Errorf("%d events after migration, want %d", n, len(lats)+1)
	}
}

// TestMigrationMovesSidesIntoSideEvents opens a version-5 database: each
// state an event names (once, whichever side and case) becomes a row of
// side_events keyed in the event's date order, undated events last.
func TestMigrationMovesSidesIntoSideEvents(t *testing.T) {
	s := openAtVersion(t, 5,
		`INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims, ingested)
			VALUES (7, 'war', 'War', 's', 'text', 'x', x'00', '{}', 2, 0, '2026-01-01T00:00:00Z')`,
		`INSERT INTO events (id, key, article_id, ord, start_day, end_day, record) VALUES
			(1, 'e1', 7, 0, NULL, NULL, '{}'), (2, 'e2', 7, 1, 700000, 700003, '{}')`,
		`INSERT INTO event_sides (event_id, side, name) VALUES
			(1, 'a', 'Ruritania'), (1, 'b', 'Borduria'), (2, 'a', 'Borduria'), (2, 'b', 'borduria')`,
	)
	rows, err := s.reader.Query(`SELECT name, undated, day, article_id, ord, coalesce(end_day, -1), event_id FROM side_events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name string
		var undated, day, article, ord, end, event int64
		if err := rows.Scan(&name, &undated, &day, &article, &ord, &end, &event); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %d %d %d %d %d %d", strings.ToLower(name), undated, day, article, ord, end, event))
	}
	want := []string{
		"borduria 0 700000 7 1 700003 2",
		"borduria 1 0 7 0 -1 1",
		"ruritania 1 0 7 0 -1 1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("side_events after migration:\n%q\nwant\n%q", got, want)
	}
}

// openAtVersion builds a database at schema version (its first
// migrations, then rows, written by hand as a build of that version would
// have) and opens it with Open, which brings it up to date.
func openAtVersion(t *testing.T, version int, rows ...string) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", version))
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	var stmts []string
	for _, m := range migrations[:version] {
		stmts = append(stmts, m.sql)
	}
	stmts = append(append(stmts, rows...), fmt.Sprintf("PRAGMA user_version = %d", version))
	for i, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			db.Close()
			t.Fatalf("statement %d: %v", i, err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
