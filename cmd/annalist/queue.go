package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/annalist/annalist/backend"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/postgres"
	"github.com/annalist/annalist/queue"
	"github.com/jackc/pgx/v5/pgxpool"
)

const workerHelp = `
Usage: annalist worker --db postgres://... [--queue postgres://...] [--jobs N] [--job-timeout D] [--until-done]

Take ingest jobs from the queue (put there by "annalist ingest --queue"),
extract their articles and store them in the PostgreSQL database --db.
Run one on each machine (the inputs must be at the same paths on all of
them, a shared file system); each uses every core.

A job that fails, times out or whose worker dies is tried again (at most
10 times); storing is idempotent (an article already stored with the
same text is skipped), so a job run twice changes nothing. On SIGINT or
SIGTERM the jobs under way are cancelled and go back to the queue.

The queue is kept in the --queue database, by default the --db one.

Examples:
  annalist worker --db postgres://annalist@db.example/annalist
  annalist worker --db postgres:///annalist --until-done
`

const statusHelp = `
Usage: annalist status --queue postgres://...

Show the ingest jobs of the queue: done, running, waiting, to retry and
failed, the jobs done in the last minute, and the articles and events the
done jobs stored.
`

// openQueue connects to the queue database dsn names.
func openQueue(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	if !postgres.IsDSN(dsn) {
		return nil, fmt.Errorf("%w: the job queue lives in PostgreSQL: give a postgres:// URL (got %q)", errUsage, dsn)
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("job queue %s: %w", postgres.Redact(dsn), err)
	}
	return pool, nil
}

// enqueueIngest splits paths into jobs and puts them on the queue.
func enqueueIngest(ctx context.Context, dsn string, paths []string, streamsPerJob, filesPerJob int, stdout io.Writer) error {
	if streamsPerJob < 1 || filesPerJob < 1 {
		return fmt.Errorf("%w: --streams-per-job and --files-per-job must be at least 1", errUsage)
	}
	jobs, err := queue.Split(paths, streamsPerJob, filesPerJob)
	if err != nil {
		return err
	}
	pool, err := openQueue(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := queue.Enqueue(ctx, pool, jobs); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "queued %d ingest jobs on %s; run \"annalist worker --db postgres://...\" to work them, \"annalist status\" to follow them\n",
		len(jobs), postgres.Redact(dsn))
	return nil
}

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("worker", workerHelp, stderr)
	db := fs.String("db", "", "the PostgreSQL `URL` to store into")
	q := fs.String("queue", "", "the PostgreSQL `URL` of the job queue (default: --db)")
	jobs := fs.Int("jobs", 1, "jobs to run at `once` (each extracts on every core)")
	timeout := fs.Duration("job-timeout", 30*time.Minute, "cancel and retry a job running longer than `this`")
	untilDone := fs.Bool("until-done", false, "stop once no job is waiting, running or to be retried")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: worker takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	if !backend.IsPostgres(*db) {
		return fmt.Errorf("%w: workers store into PostgreSQL: give --db postgres://...", errUsage)
	}
	if *q == "" {
		*q = *db
	}
	st, err := backend.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	pool, err := openQueue(ctx, *q)
	if err != nil {
		return err
	}
	defer pool.Close()
	x, err := extract.New(ctx)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	log.Info("worker started", "db", st.Name(), "queue", postgres.Redact(*q))
	qst, ok := st.(queue.Store)
	if !ok {
		return fmt.Errorf("%s cannot keep the input order of a queued ingest", st.Name())
	}
	err = queue.Work(ctx, pool, x, qst, queue.WorkerOptions{Jobs: *jobs, JobTimeout: *timeout, UntilDone: *untilDone, Log: log})
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	s, serr := queue.ReadStatus(context.WithoutCancel(ctx), pool)
	if serr == nil {
		fmt.Fprintf(stdout, "queue: %s\n", s)
	}
	if err != nil {
		return fmt.Errorf("stopped: %w", err)
	}
	return nil
}

func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("status", statusHelp, stderr)
	q := fs.String("queue", "", "the PostgreSQL `URL` of the job queue")
	db := fs.String("db", "", "the same as --queue")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *q == "" {
		*q = *db
	}
	pool, err := openQueue(ctx, *q)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := queue.Migrate(ctx, pool); err != nil {
		return err
	}
	s, err := queue.ReadStatus(ctx, pool)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, s)
	if s.Failed > 0 {
		return exitError{1}
	}
	return nil
}
