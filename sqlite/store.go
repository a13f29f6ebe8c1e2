// Package sqlite is annalist's embedded store: one SQLite file, through the
// pure-Go modernc.org/sqlite driver (no cgo; FTS5 and JSON built in),
// implementing annalist.Store.
//
// The file runs in WAL mode, so readers keep working while an ingest
// writes. Writes go through a single connection that takes the write lock
// when its transaction begins (BEGIN IMMEDIATE), so two ingests queue on
// the busy timeout instead of failing on a lock upgrade; a connection of
// its own copies the log into the file in the background.
//
// Each table keeps a record's JSON (what the API serves) beside the
// columns queries filter and order on. Event queries are ordered by date
// through events_by_date; a side's events through side_events, keyed in
// the same order; a bounding box through events_by_place, one range of
// longitudes per degree of latitude; words through event_text, a
// full-text index with a row per event. A filter that selects many events
// walks the date index and tests each one; one that selects few lists
// its matches and sorts them (see density).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/annalist/annalist"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Store is an annalist.Store on one SQLite file.
type Store struct {
	path   string
	writer *sql.DB // one connection, BEGIN IMMEDIATE
	reader *sql.DB // a pool of read-only connections

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared on writer, by their SQL

	denseAt int // see the constant

	words wordCache // recent word queries' matches (query.go)

	// checkpoints copies committed pages from the write-ahead log into
	// the database file on a connection and goroutine of its own, while
	// the writer goes on: done on the writer's commits, it was a twelfth
	// of an ingest's time. committed wakes the goroutine, which closes
	// checkpointed when committed is closed; commits counts them.
	checkpoints  *sql.DB
	committed    chan struct{}
	checkpointed chan struct{}
	commits      atomic.Int64

	// hidden caches merge_hidden for the generation it was read at
	// (see hiddenIDs).
	hiddenMu  sync.Mutex
	hiddenGen int64
	hidden    []int64
	hiddenOK  bool
}

var _ annalist.Store = (*Store)(nil)

// DefaultPath returns where the database lives unless --db says otherwise:
// $XDG_DATA_HOME/annalist/annalist.db, else ~/.local/share/annalist/
// annalist.db (on Windows, under %LocalAppData%).
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "annalist", "annalist.db"), nil
	}
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "annalist", "annalist.db"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "annalist", "annalist.db"), nil
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		// temp_store in memory: the savepoint of each article in a batch
		// journals the pages it changes, and a file for that doubled the
		// writes. A larger page cache keeps a batch from spilling early,
		// and checkpointing every 32 MB instead of 4 MB rewrites the
		// index pages every commit touches less often (ingest +25%).
		// The writer checkpoints only when the log grows past 64 MB,
		// which the checkpoint goroutine normally keeps it from reaching.
		for _, p := range []string{"busy_timeout(10000)", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-32768)", "wal_autocheckpoint(16384)"} {
			q.Add("_pragma", p)
		}
		for i := 0; i+1 < len(extra); i += 2 {
			q.Add(extra[i], extra[i+1])
		}
		return (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: q.Encode()}).String()
	}
	writer, err := sql.Open("sqlite", dsn("_txlock", "immediate"))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	writer.SetMaxOpenConns(1)
	s := &Store{path: path, writer: writer, denseAt: denseAt}
	if err := s.migrate(ctx); err != nil {
		writer.Close()
		return nil, err
	}
	if err := s.checkSchema(ctx); err != nil {
		writer.Close()
		return nil, err
	}
	reader, err := sql.Open("sqlite", dsn("_query_only", "1"))
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	reader.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	reader.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	s.reader = reader
	checkpoints, err := sql.Open("sqlite", dsn())
	if err != nil {
		writer.Close()
		reader.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	checkpoints.SetMaxOpenConns(1)
	s.checkpoints = checkpoints
	s.committed, s.checkpointed = make(chan struct{}, 1), make(chan struct{})
	go s.checkpoint()
	return s, nil
}

// checkpointEvery is how many commits a checkpoint waits for: a page
// that several batches change (an index page, say) is then copied once
// rather than after each of them. Four of annalist ingest's batches are
// about 25 MB of log.
const checkpointEvery = 4

// checkpoint runs a passive checkpoint (one that never waits for the
// writer or for readers) every checkpointEvery commits, until committed
// is closed.
func (s *Store) checkpoint() {
	defer close(s.checkpointed)
	var last int64
	for range s.committed {
		n := s.commits.Load()
		if n-last < checkpointEvery {
			continue
		}
		last = n
		if _, err := s.checkpoints.Exec(`PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			// The writer's own automatic checkpoint takes over; nothing is
			// lost, the log only grows longer meanwhile.
			slog.Debug("background checkpoint", "db", s.path, "err", err)
		}
	}
}

// didCommit tells the checkpoint goroutine that the writer committed.
func (s *Store) didCommit() {
	s.commits.Add(1)
	select {
	case s.committed <- struct{}{}:
	default: // one is pending already
	}
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	var errs []error
	// Keep the query planner's statistics current (cheap when nothing
	// changed), so that it picks the right index for each filter.
	if _, err := s.writer.Exec(`PRAGMA optimize`); err != nil {
		errs = append(errs, fmt.Errorf("optimize: %w", err))
	}
	if s.reader != nil {
		errs = append(errs, s.reader.Close())
	}
	if s.checkpoints != nil {
		close(s.committed)
		<-s.checkpointed
		errs = append(errs, s.checkpoints.Close())
	}
	s.mu.Lock()
	for _, st := range s.stmts {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	s.stmts = nil
	s.mu.Unlock()
	errs = append(errs, s.writer.Close())
	return errors.Join(errs...)
}

// prepared returns query prepared on the writer, or nil when it is not
// prepared yet.
func (s *Store) prepared(query string) *sql.Stmt {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stmts[query]
}

// want asks for query to be prepared on the writer when it is free.
func (s *Store) want(query string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.stmts[query]; !ok {
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[query] = nil
	}
}

// prepareWanted prepares the statements asked for, which needs the
// writer's connection free (outside any transaction). One that fails is
// asked for again by the next ingest that needs it.
func (s *Store) prepareWanted(ctx context.Context) {
	var wanted []string
	s.mu.Lock()
	for q, st := range s.stmts {
		if st == nil {
			wanted = append(wanted, q)
		}
	}
	s.mu.Unlock()
	// Not under mu: another batch may hold the writer meanwhile, and it
	// needs mu to look its statements up.
	for _, q := range wanted {
		st, err := s.writer.PrepareContext(ctx, q)
		s.mu.Lock()
		if s.stmts == nil || s.stmts[q] != nil { // closed, or prepared by another batch
			if err == nil {
				st.Close()
			}
		} else if err == nil {
			s.stmts[q] = st
		} else {
			delete(s.stmts, q)
		}
		s.mu.Unlock()
	}
}

// SchemaVersion returns the number of migrations the database has run.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// checkSchema refuses databases written by development builds whose
// first schema version differed from the released one (no max_span, a
// NOT NULL deaths column, full-text triggers): they would fail later, in
// the middle of an ingest, with a less helpful message.
func (s *Store) checkSchema(ctx context.Context) error {
	var span, notNull, triggers int
	err := s.writer.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM pragma_table_info('generation') WHERE name = 'max_span'),
		(SELECT "notnull" FROM pragma_table_info('events') WHERE name = 'deaths'),
		(SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'evidence_%')`).Scan(&span, &notNull, &triggers)
	if err != nil {
		return fmt.Errorf("open database %s: check schema: %w", s.path, err)
	}
	if span != 1 || notNull != 0 || triggers != 0 {
		return fmt.Errorf("open database %s: it was written by a development build of annalist with an older schema; move it away (or pass --db) and ingest again", s.path)
	}
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("open database %s: read schema version: %w", s.path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open database %s: schema version %d is newer than this program knows (%d)", s.path, v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		m := migrations[i]
		tx, err := s.writer.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate %s to version %d (%s): %w", s.path, i+1, m.name, err)
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s to version %d (%s): %w", s.path, i+1, m.name, err)
		}
		// PRAGMA takes no parameters; i+1 is our own integer.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s to version %d: %w", s.path, i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %s to version %d (%s): %w", s.path, i+1, m.name, err)
		}
	}
	return nil
}
