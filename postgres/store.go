// Package postgres is annalist's shared store: a PostgreSQL database,
// through jackc/pgx, implementing annalist.Store, for data sets and teams
// that outgrow one SQLite file. Any number of processes (ingest workers,
// servers) use one database at once.
//
// The tables follow the SQLite store's: each row keeps its record's JSON
// beside the columns queries filter and order on. Events are ordered by
// date through a B-tree (events_by_date); a side's events through
// event_sides; a bounding box through a B-tree on (latitude band,
// longitude), as in the SQLite store, so no extension is needed; words
// through a GIN index on a tsvector of each event's evidence. Ingest
// writes an article's rows with COPY.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/annalist/annalist"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is an annalist.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	name string // the DSN without its password, for messages

	denseAt      int // see the constant; tests lower it to take either plan on a few events
	maxComponent int // see the constant; tests lower it
}

var _ annalist.Store = (*Store)(nil)

// IsDSN reports whether dsn names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a file.
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Redact returns dsn without its password, for messages and logs.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres database"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Open connects to the database dsn names and brings its schema up to
// date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", name, err)
	}
	// Event queries are planned for their values: a word or a box may
	// select ten events or a hundred thousand, and the generic plan a
	// prepared statement turns to after five runs cannot tell (it counted
	// a common word's matches off a bitmap of all of them, 300 ms). Nor
	// does a page gain from JIT compiling, which cost 70 to 190 ms each
	// time the planner's estimate passed its threshold.
	cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	cfg.ConnConfig.RuntimeParams["jit"] = "off"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", name, err)
	}
	s := &Store{pool: pool, name: name, denseAt: denseAt, maxComponent: maxComponent}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Name returns the database's DSN without its password.
func (s *Store) Name() string { return s.name }

// Pool returns the store's connections, for the job queue that shares the
// database.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the store's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// SchemaVersion returns the number of migrations the database has run.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT version FROM annalist_schema`).Scan(&v)
	return v, err
}

// migrateLock is the advisory lock key migrations hold: processes opening
// the store together migrate one after the other.
const migrateLock = 0x616e6e61 // "anna"

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.name, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("open database %s: %w", s.name, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS annalist_schema (version integer NOT NULL);
		INSERT INTO annalist_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM annalist_schema)`); err != nil {
		return fmt.Errorf("open database %s: schema version: %w", s.name, err)
	}
	var v int
	if err := conn.QueryRow(ctx, `SELECT version FROM annalist_schema`).Scan(&v); err != nil {
		return fmt.Errorf("open database %s: read schema version: %w", s.name, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open database %s: schema version %d is newer than this program knows (%d)", s.name, v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		m := migrations[i]
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			if m.fill != nil {
				if err := m.fill(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.Exec(ctx, `UPDATE annalist_schema SET version = $1`, i+1)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s to version %d (%s): %w", s.name, i+1, m.name, err)
		}
	}
	return nil
}

// notFound turns pgx's no-rows error into annalist.ErrNotFound.
func notFound(what, key string, err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s %q: %w", what, key, annalist.ErrNotFound)
	}
	return fmt.Errorf("%s %q: %w", what, key, err)
}
