// Package queue spreads an ingest over many processes and machines with
// River (github.com/riverqueue/river), a job queue kept in PostgreSQL: the
// enqueuer splits the inputs into jobs (a multistream dump into ranges of
// its bz2 streams, other inputs into batches of files) and inserts them
// in one transaction; workers take jobs, run the ingest pipeline on them
// and write into a PostgreSQL store.
//
// A job's effect happens once however often it runs: the store skips an
// article whose title and text it holds already and replaces an older
// version whole, in one transaction a batch. So a job is simply run again
// when its worker fails, times out or is killed (River rescues a job left
// running by a dead worker once the job timeout and a margin have passed).
//
// Jobs run in any order (several workers, retries), yet the result is
// that of one ingest reading the inputs in order: each article is stored
// with its place in the input (its job's id, which River gives in the
// order the jobs were queued, and its number in what the job read), and
// the store compares places where one ingest would have compared times
// (postgres.Place). Without them, which of two copies of one text kept
// its source, or which of two versions of one title was stored, depended
// on which job happened to finish last.
//
// Workers read the inputs from the paths the enqueuer saw, made absolute:
// on several machines, the inputs live on a shared file system.
package queue

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// Name is the River queue (and job kind) of ingest jobs.
const Name = "annalist_ingest"

// MaxAttempts is how often a job is tried before River gives it up
// ("discarded"; annalist status counts it as failed).
const MaxAttempts = 10

// Job is one piece of an ingest: a range of a multistream dump's streams,
// or a batch of whole inputs.
type Job struct {
	// Dump is a multistream dump read from the stream holding page
	// After+1 to the stream holding page UpTo (see mediawiki.Options).
	Dump  string `json:"dump,omitempty"`
	After int64  `json:"after,omitempty"`
	UpTo  int64  `json:"up_to,omitempty"`
	// Files are inputs read whole: articles, exports, dumps without an
	// index.
	Files []string `json:"files,omitempty"`
}

// Kind names the job's kind for River.
func (Job) Kind() string { return Name }

// InsertOpts puts jobs on the ingest queue.
func (Job) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Name, MaxAttempts: MaxAttempts}
}

func (j Job) String() string {
	if j.Dump != "" {
		return fmt.Sprintf("%s pages %d–%d", j.Dump, j.After+1, j.UpTo)
	}
	if len(j.Files) == 1 {
		return j.Files[0]
	}
	return fmt.Sprintf("%d files from %s", len(j.Files), j.Files[0])
}

// Split sizes: about a hundred pages a stream, so that a job is some
// thousands of pages of a dump, or some dozens of articles.
const (
	StreamsPerJob = 20
	FilesPerJob   = 64
)

// Split turns inputs (files, directories, globs) into jobs, in input
// order. A .bz2 dump with its multistream index beside it becomes one
// job per streamsPerJob streams; every other file is read whole, in
// batches of filesPerJob.
func Split(paths []string, streamsPerJob, filesPerJob int) ([]Job, error) {
	var jobs []Job
	var batch []string
	flush := func() {
		if len(batch) > 0 {
			jobs = append(jobs, Job{Files: batch})
			batch = nil
		}
	}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if isIndex(f) {
				continue // read with its dump
			}
			if idx := indexOf(f); idx != "" {
				ids, err := streamFirstIDs(idx)
				if err != nil {
					return nil, err
				}
				flush()
				for i := 0; i < len(ids); i += streamsPerJob {
					j := Job{Dump: f, After: ids[i] - 1}
					if i == 0 {
						j.After = 0
					}
					if next := i + streamsPerJob; next < len(ids) {
						j.UpTo = ids[next-1]
					}
					jobs = append(jobs, j)
				}
				continue
			}
			batch = append(batch, f)
			if len(batch) >= filesPerJob {
				flush()
			}
		}
	}
	flush()
	if len(jobs) == 0 {
		return nil, errors.New("no input files")
	}
	return jobs, nil
}

// expand lists the files a path names (a file, a directory walked in
// name order, or a glob), made absolute.
func expand(p string) ([]string, error) {
	matches := []string{p}
	if strings.ContainsAny(p, "*?[") {
		var err error
		if matches, err = filepath.Glob(p); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no file matches", p)
		}
	}
	var out []string
	for _, m := range matches {
		abs, err := filepath.Abs(m)
		if err != nil {
			return nil, err
		}
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != abs && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasPrefix(d.Name(), ".") || path == abs {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", m, err)
		}
	}
	return out, nil
}

func isIndex(path string) bool {
	return strings.Contains(strings.ToLower(filepath.Base(path)), "-index.txt")
}

// indexOf returns the multistream index beside a .bz2 dump (where
// mediawiki looks for it), or "".
func indexOf(path string) string {
	if !strings.HasSuffix(strings.ToLower(path), ".bz2") {
		return ""
	}
	base := strings.TrimSuffix(strings.TrimSuffix(path, ".bz2"), ".xml")
	for _, cand := range []string{base + "-index.txt.bz2", base + "-index.txt", strings.TrimSuffix(base, "-multistream") + "-multistream-index.txt.bz2"} {
		if st, err := os.Stat(cand); err == nil && !st.IsDir() {
			return cand
		}
	}
	return ""
}

// streamFirstIDs reads a multistream index ("offset:pageid:title" lines)
// and returns the first page id of each stream, in file order.
func streamFirstIDs(path string) ([]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<16)
	if strings.HasSuffix(strings.ToLower(path), ".bz2") {
		r = bzip2.NewReader(r)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var ids []int64
	last := int64(-1)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		offText, rest, ok1 := bytes.Cut(b, []byte(":"))
		idText, _, ok2 := bytes.Cut(rest, []byte(":"))
		off, err1 := strconv.ParseInt(string(offText), 10, 64)
		id, err2 := strconv.ParseInt(string(idText), 10, 64)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || off < 0 {
			return nil, fmt.Errorf("%s:%d: want offset:pageid:title", path, line)
		}
		if off != last {
			ids = append(ids, id)
			last = off
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read index %s: %w", path, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s: empty multistream index", path)
	}
	if !slices.IsSorted(ids) {
		return nil, fmt.Errorf("%s: streams are not in page id order", path)
	}
	return ids, nil
}

// migrateLock serializes River's migrations among processes starting at
// once.
const migrateLock = 0x72697665 // "rive"

// Migrate brings River's tables in the database up to date.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("job queue: migrate River's tables: %w", err)
	}
	return nil
}

// Enqueue inserts jobs in one transaction: all of them or, on error, none.
// They are inserted one at a time, so that their ids, taken from one
// sequence in one session, increase in input order (an article's place in
// the input starts with its job's id); InsertMany's one statement does
// not promise in which order its rows take theirs.
func Enqueue(ctx context.Context, pool *pgxpool.Pool, jobs []Job) error {
	if err := Migrate(ctx, pool); err != nil {
		return err
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for i, j := range jobs {
			if _, err := client.InsertTx(ctx, tx, j, nil); err != nil {
				return fmt.Errorf("job queue: insert job %d of %d (%s): %w", i+1, len(jobs), j, err)
			}
		}
		return nil
	})
}
