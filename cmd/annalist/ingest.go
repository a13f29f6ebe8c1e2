package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/backend"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/ingest"
	"github.com/annalist/annalist/queue"
)

const ingestHelp = `
Usage: annalist ingest [--db FILE|URL] FILE|DIR|GLOB...
       annalist ingest --queue postgres://... FILE|DIR|GLOB...

Read articles, extract their conflict records, events and claims, and store
them in the database, where "annalist serve" and "annalist export" find
them. Inputs are what "annalist extract" reads: plain-text renderings,
wikitext, XML dumps; directories are read recursively.

Ingesting an article again replaces what was stored for it (articles are
known by title); the same text again is skipped. Each article is stored in
one transaction: a failure leaves the database as it was.

On a terminal a progress line shows what is being read; at the end a
summary counts articles, conflicts, events, claims and errors. The exit
status is 1 when any file or article failed.

XML dumps (.xml, .xml.bz2, multistream with their -index file) are
streamed; only pages with a conflict infobox are read. The last page done
with is kept per dump in DB.dumps.json, so a run that was interrupted (or
stopped by a truncated dump) continues after it; delete that file to read
a dump from the top again.

--db takes a SQLite file (the default) or a PostgreSQL URL
(postgres://user@host/database). With --queue, nothing is read here: the
inputs are split into jobs (a multistream dump into ranges of its bz2
streams, other inputs into batches of files), queued in one transaction
in that PostgreSQL database, and stored by "annalist worker" processes.

Examples:
  annalist ingest corpus/
  annalist ingest --db /tmp/test.db 'articles/*.txt'
`

// dbFlag adds the --db flag every store command takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite `file` or a postgres:// URL (default $XDG_DATA_HOME/annalist/annalist.db or ~/.local/share/annalist/annalist.db)")
}

// openStore opens (creating if needed) the store dsn names: a SQLite
// file, or a postgres:// URL; "" is the default file.
func openStore(ctx context.Context, dsn string) (backend.Store, error) {
	return backend.Open(ctx, dsn)
}

// openExisting opens the store dsn names for a command that only reads,
// refusing a SQLite file that does not exist.
func openExisting(ctx context.Context, dsn string) (backend.Store, error) {
	return backend.OpenExisting(ctx, dsn)
}

// ingestTotals is what the summary reports.
type ingestTotals struct {
	articles, skipped, replaced, conflicts, events, claims, errors int
}

func (t *ingestTotals) add(r annalist.IngestResult) {
	t.articles++
	switch {
	case r.Skipped:
		t.skipped++
		return
	case r.Replaced:
		t.replaced++
	}
	t.conflicts += r.Conflicts
	t.events += r.Events
	t.claims += r.Claims
}

func (t *ingestTotals) String() string {
	return fmt.Sprintf("%d articles (%d unchanged, %d replaced), %d conflicts, %d events, %d claims, %d errors",
		t.articles, t.skipped, t.replaced, t.conflicts, t.events, t.claims, t.errors)
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", ingestHelp, stderr)
	db := dbFlag(fs)
	q := fs.String("queue", "", "queue the inputs as jobs in this PostgreSQL `URL` for \"annalist worker\", instead of ingesting them here")
	streams := fs.Int("streams-per-job", queue.StreamsPerJob, "with --queue: the bz2 streams of a multistream dump (about 100 pages each) in `one` job")
	files := fs.Int("files-per-job", queue.FilesPerJob, "with --queue: the input files in `one` job")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file, directory or glob to ingest", errUsage)
	}
	if *q != "" {
		return enqueueIngest(ctx, *q, fs.Args(), *streams, *files, stdout)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New(ctx)
	if err != nil {
		return err
	}
	// After "annalist gazetteer import", places resolve against the full
	// GeoNames data too.
	// (The gazetteer lives in SQLite files only.)
	if g, ok := st.(gazetteerStore); ok {
		if imported, err := g.GazetteerImported(ctx); err != nil {
			return err
		} else if imported {
			x = x.WithPlaces(g.GazetteerSource(ctx))
		}
	}

	return ingestFiles(ctx, x, st, st.Name(), fs.Args(), stdout, stderr)
}

// gazetteerStore is a store that keeps an imported GeoNames gazetteer.
type gazetteerStore interface {
	GazetteerImported(ctx context.Context) (bool, error)
	GazetteerSource(ctx context.Context) gazetteer.Source
}

// ingestFiles runs the pipeline from paths into st (the database dbPath
// names: a file, or a DSN) and reports on it: a line per failure, a progress line on a
// terminal, and the summary.
func ingestFiles(ctx context.Context, x *extract.Extractor, st ingest.BatchStore, dbPath string, paths []string, stdout, stderr io.Writer) error {
	var tot ingestTotals
	prog := newProgress(stderr)
	start := time.Now()
	resume, err := newResumePoints(dbPath)
	if err != nil {
		return err
	}
	ctx = withDumpResume(ctx, resume, prog, stderr)
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	warn := func(a *annalist.Article) {
		prog.clear()
		for _, w := range a.Warnings {
			log.Warn("input", "file", a.Source, "at", w.String())
		}
	}
	err = ingest.Run(ctx, x, st, paths, resume, warn, func(r annalist.IngestResult, path string, err error) {
		if err != nil {
			tot.errors++
			prog.clear()
			fmt.Fprintf(stderr, "annalist ingest: %v\n", err)
			return
		}
		tot.add(r)
		prog.update(func() string {
			rate := float64(tot.articles) / max(time.Since(start).Seconds(), 1e-3)
			return fmt.Sprintf("ingesting: %d articles, %d events, %d errors (%.0f/s)  %s", tot.articles, tot.events, tot.errors, rate, path)
		})
	})
	prog.clear()
	var se *ingest.StoreError
	if errors.As(err, &se) {
		tot.errors++
	}
	fmt.Fprintf(stdout, "ingested %s into %s in %s\n", tot.String(), dbPath, time.Since(start).Round(time.Millisecond))
	if err != nil {
		if se != nil {
			return fmt.Errorf("stopped: %w; the database holds what was stored before", err)
		}
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted: %w", err)
		}
		return err
	}
	if tot.errors > 0 {
		return exitError{1}
	}
	return nil
}

// progress redraws one status line on a terminal, at most ten times a
// second; on anything else it stays silent.
type progress struct {
	mu   sync.Mutex // the dump reader and the store both report
	w    io.Writer
	on   bool
	last time.Time
	wide int
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return &progress{w: w}
	}
	fi, err := f.Stat()
	return &progress{w: w, on: err == nil && fi.Mode()&os.ModeCharDevice != 0}
}

func (p *progress) update(line func() string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	s := []rune(line())
	if len(s) > 79 {
		s = append(s[:78], '…')
	}
	fmt.Fprintf(p.w, "\r%-*s", p.wide, string(s))
	p.wide = max(p.wide, len(s))
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.wide > 0 {
		fmt.Fprintf(p.w, "\r%*s\r", p.wide, "")
		p.wide = 0
	}
}
