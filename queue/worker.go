package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/ingest"
	"github.com/annalist/annalist/postgres"
	"github.com/annalist/annalist/source"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// WorkerOptions shape a worker process.
type WorkerOptions struct {
	// Jobs is how many jobs the process runs at once (default 1: a job
	// already extracts on every core).
	Jobs int
	// JobTimeout cancels a job that runs longer (default 30 minutes); it
	// is then tried again. River rescues a job whose worker died once
	// twice this (at most this and a minute) has passed.
	JobTimeout time.Duration
	// UntilDone stops the worker once no job is waiting, running or due
	// for a retry (for batch runs and tests); otherwise it runs until ctx
	// ends.
	UntilDone bool
	Log       *slog.Logger
}

// JobReport is what a job did, kept as its River output.
type JobReport struct {
	Articles int      `json:"articles"`
	Skipped  int      `json:"skipped"`
	Events   int      `json:"events"`
	Errors   []string `json:"errors,omitempty"` // articles that could not be read or stored
}

// Store is what workers write into: a store that keeps each article's
// place in the input order (postgres.Store).
type Store interface {
	ingest.BatchStore
	IngestBatchAt(ctx context.Context, items []annalist.IngestItem, places []postgres.Place) ([]annalist.IngestResult, []error, error)
}

// jobStore stores one job's items at their places: the job's id, then
// each item's number in what the job read.
type jobStore struct {
	Store
	job int64
}

func (s jobStore) IngestBatchNumbered(ctx context.Context, items []annalist.IngestItem, numbers []int64) ([]annalist.IngestResult, []error, error) {
	places := make([]postgres.Place, len(numbers))
	for i, n := range numbers {
		places[i] = postgres.Place{Job: s.job, Item: n}
	}
	return s.IngestBatchAt(ctx, items, places)
}

// worker runs ingest jobs.
type worker struct {
	river.WorkerDefaults[Job]
	x       *extract.Extractor
	st      Store
	timeout time.Duration
	log     *slog.Logger
}

func (w *worker) Timeout(*river.Job[Job]) time.Duration { return w.timeout }

// Work runs the ingest pipeline on one job's inputs. An article that
// cannot be read or stored is reported in the job's output and left out
// (a second run would fail the same way); a batch the store cannot write,
// a timeout or a stop fails the job, which River tries again.
func (w *worker) Work(ctx context.Context, job *river.Job[Job]) error {
	j := job.Args
	paths := j.Files
	if j.Dump != "" {
		paths = []string{j.Dump}
		ctx = source.WithDumpOptions(ctx, source.DumpOptions{
			ResumeAfter: func(string) int64 { return j.After },
			UpTo:        func(string) int64 { return j.UpTo },
		})
	}
	start := time.Now()
	var rep JobReport
	err := ingest.Run(ctx, w.x, jobStore{w.st, job.ID}, paths, nil, func(*annalist.Article) {}, func(r annalist.IngestResult, path string, err error) {
		if err != nil {
			if len(rep.Errors) < 20 {
				rep.Errors = append(rep.Errors, err.Error())
			}
			return
		}
		rep.Articles++
		if r.Skipped {
			rep.Skipped++
		}
		rep.Events += r.Events
	})
	if err != nil {
		w.log.Warn("job failed; it will be tried again", "job", job.ID, "attempt", job.Attempt, "input", j.String(), "err", err)
		return fmt.Errorf("%s: %w", j, err)
	}
	w.log.Info("job done", "job", job.ID, "input", j.String(), "articles", rep.Articles, "unchanged", rep.Skipped,
		"events", rep.Events, "errors", len(rep.Errors), "took", time.Since(start).Round(time.Millisecond))
	return river.RecordOutput(ctx, rep)
}

// Work takes ingest jobs from the queue in pool, extracts with x and
// stores into st, until ctx ends (then the jobs under way are cancelled,
// to be tried again) or, with UntilDone, until the queue is empty.
func Work(ctx context.Context, pool *pgxpool.Pool, x *extract.Extractor, st Store, o WorkerOptions) error {
	if o.Jobs <= 0 {
		o.Jobs = 1
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = 30 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if err := Migrate(ctx, pool); err != nil {
		return err
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &worker{x: x, st: st, timeout: o.JobTimeout, log: o.Log})
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:               map[string]river.QueueConfig{Name: {MaxWorkers: o.Jobs}},
		Workers:              workers,
		JobTimeout:           o.JobTimeout,
		RescueStuckJobsAfter: o.JobTimeout + min(o.JobTimeout, time.Minute),
		MaxAttempts:          MaxAttempts,
		Logger:               o.Log.With("from", "river"),
	})
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("job queue: start: %w", err)
	}
	stop := func() error {
		// Jobs under way are cancelled: they run again elsewhere, and the
		// store's upserts make a second run change nothing.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		return client.StopAndCancel(sctx)
	}
	if !o.UntilDone {
		<-ctx.Done()
		return errors.Join(stop(), context.Cause(ctx))
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return errors.Join(stop(), context.Cause(ctx))
		case <-tick.C:
		}
		s, err := ReadStatus(ctx, pool)
		if err != nil {
			return errors.Join(err, stop())
		}
		if s.Pending() == 0 {
			return stop()
		}
	}
}
