// Package backend opens an annalist store from a DSN, so that commands do
// not know which backend they talk to: a postgres:// or postgresql:// URL
// is a PostgreSQL database (package postgres), anything else a SQLite file
// (package sqlite), the default.
package backend

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/postgres"
	"github.com/annalist/annalist/sqlite"
)

// Store is an annalist.Store that can say where it lives, and merges the
// tellings of one clash across articles.
type Store interface {
	annalist.Store
	annalist.Merger
	// Name is the file's path, or the database's DSN without password.
	Name() string
}

// sqliteStore names a SQLite store by its path.
type sqliteStore struct{ *sqlite.Store }

func (s sqliteStore) Name() string { return s.Path() }

// ErrNoDatabase is a read-only command pointed at a SQLite file that is
// not there: a typo must not quietly create an empty database.
var ErrNoDatabase = errors.New("no database")

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool { return postgres.IsDSN(dsn) }

// Default returns the DSN used when none is given: the SQLite file at
// sqlite.DefaultPath.
func Default() (string, error) { return sqlite.DefaultPath() }

// Open opens (creating if needed) the store dsn names and brings its
// schema up to date; "" is the default SQLite file.
func Open(ctx context.Context, dsn string) (Store, error) {
	if IsPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	if dsn == "" {
		d, err := Default()
		if err != nil {
			return nil, err
		}
		dsn = d
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

// OpenExisting is Open for commands that only read: a SQLite file that
// does not exist is refused with ErrNoDatabase rather than created. (A
// PostgreSQL database always exists once the server accepts the DSN.)
func OpenExisting(ctx context.Context, dsn string) (Store, error) {
	if !IsPostgres(dsn) {
		path := dsn
		if path == "" {
			d, err := Default()
			if err != nil {
				return nil, err
			}
			path = d
		}
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w at %s (store articles there first with: annalist ingest --db %s FILE...)", ErrNoDatabase, path, path)
			}
			return nil, fmt.Errorf("open database: %w", err)
		}
		dsn = path
	}
	return Open(ctx, dsn)
}

// ResumeFile returns where ingest keeps its dumps' resume points for the
// store dsn names: beside a SQLite file; for a PostgreSQL database, in
// the default data directory, under a name drawn from the DSN.
func ResumeFile(dsn string) (string, error) {
	if !IsPostgres(dsn) {
		if dsn == "" {
			d, err := Default()
			if err != nil {
				return "", err
			}
			dsn = d
		}
		return dsn + ".dumps.json", nil
	}
	d, err := Default()
	if err != nil {
		return "", err
	}
	// The data directory holds no database then, and may not exist yet.
	if err := os.MkdirAll(filepath.Dir(d), 0o755); err != nil {
		return "", fmt.Errorf("resume points: %w", err)
	}
	h := sha256.Sum256([]byte(postgres.Redact(dsn)))
	return filepath.Join(filepath.Dir(d), "postgres-"+hex.EncodeToString(h[:6])+".dumps.json"), nil
}
