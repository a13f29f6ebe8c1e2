// Package pgtest gives tests a real PostgreSQL server: the one named by
// $ANNALIST_TEST_POSTGRES (a DSN whose role may create databases), else a
// throwaway cluster of its own, made with the installed initdb and pg_ctl
// in a temporary directory on a free port and removed afterwards. Each
// test gets a database of its own. Where neither is possible, the tests
// that need it skip, saying why.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the variable that points the tests at a running server.
const EnvDSN = "ANNALIST_TEST_POSTGRES"

// Server is a PostgreSQL server the tests may create databases on.
type Server struct {
	once  sync.Once
	admin string // DSN of a database to run CREATE DATABASE from
	err   error  // why there is no server
	stop  func()
	n     atomic.Int64
}

// Main runs a package's tests (from TestMain) and stops the server they
// started, if any: os.Exit(pgtest.Main(m, srv)).
func Main(m *testing.M, srv *Server) int {
	code := m.Run()
	if srv.stop != nil {
		srv.stop()
	}
	return code
}

// Database returns the DSN of a new, empty database, or skips t when no
// server can be had.
func (s *Server) Database(t testing.TB) string {
	t.Helper()
	s.once.Do(s.start)
	if s.err != nil {
		t.Skipf("no PostgreSQL server for this test: %v", s.err)
	}
	name := fmt.Sprintf("annalist_test_%d_%d", os.Getpid(), s.n.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	cfg, err := pgx.ParseConfig(s.admin)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable", cfg.User, net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port))), name)
}

// DSN returns the server's administrative DSN (for tests that start
// processes of their own), or skips t.
func (s *Server) DSN(t testing.TB) string {
	t.Helper()
	s.once.Do(s.start)
	if s.err != nil {
		t.Skipf("no PostgreSQL server for this test: %v", s.err)
	}
	return s.admin
}

func (s *Server) start() {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		s.admin = dsn
		return
	}
	s.admin, s.stop, s.err = startCluster()
}

// binary finds a PostgreSQL server program: on $PATH, else where Debian
// installs it (/usr/lib/postgresql/VERSION/bin), newest version first.
func binary(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(found) > 0 {
		return found[len(found)-1], nil
	}
	return "", fmt.Errorf("%s not found (install Debian's postgresql, as .ci/setup-postgres does, or set %s)", name, EnvDSN)
}

// startCluster makes and starts a cluster in a temporary directory. The
// server refuses to run as root; as root, it runs as the postgres user
// Debian's package creates.
func startCluster() (dsn string, stop func(), err error) {
	initdb, err := binary("initdb")
	if err != nil {
		return "", nil, err
	}
	pgctl, err := binary("pg_ctl")
	if err != nil {
		return "", nil, err
	}
	var as []string // the command prefix that runs a program as the server's user
	var owner *user.User
	if os.Geteuid() == 0 {
		owner, err = user.Lookup("postgres")
		if err != nil {
			return "", nil, fmt.Errorf("running as root, and no postgres user to run the server as: %w", err)
		}
		runuser, err := exec.LookPath("runuser")
		if err != nil {
			return "", nil, fmt.Errorf("running as root, and no runuser to run the server as postgres: %w", err)
		}
		as = []string{runuser, "-u", "postgres", "--"}
	}
	dir, err := os.MkdirTemp("", "annalist-pg-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	if err := os.Chmod(dir, 0o755); err != nil {
		cleanup()
		return "", nil, err
	}
	if owner != nil {
		uid, _ := strconv.Atoi(owner.Uid)
		gid, _ := strconv.Atoi(owner.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			cleanup()
			return "", nil, err
		}
	}
	run := func(args ...string) error {
		argv := append(append([]string{}, as...), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w: %s", filepath.Base(args[0]), err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run(initdb, "-D", data, "-U", "annalist", "-A", "trust", "-E", "UTF8", "--locale", "C", "--no-sync"); err != nil {
		cleanup()
		return "", nil, err
	}
	port, err := freePort()
	if err != nil {
		cleanup()
		return "", nil, err
	}
	// Durability is not what tests test: no fsync, no waiting on the log.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, dir)
	if err := run(pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		cleanup()
		return "", nil, err
	}
	stop = func() {
		run(pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		cleanup()
	}
	dsn = fmt.Sprintf("postgres://annalist@127.0.0.1:%d/postgres?sslmode=disable", port)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, dsn)
		if err == nil {
			conn.Close(ctx)
			return dsn, stop, nil
		}
		if ctx.Err() != nil {
			stop()
			return "", nil, errors.Join(errors.New("the test server does not answer"), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
