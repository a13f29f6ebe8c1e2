package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/sample"
	"github.com/annalist/annalist/server"
)

const serveHelp = `
Usage: annalist serve [--db FILE] [--addr HOST:PORT]

Serve the web explorer and the JSON API on the stored articles: a map and a
timeline of the clashes, the sentences behind every figure, the conflict
records, and CSV/GeoJSON downloads of any query. The server only reads;
add articles with "annalist ingest".

It listens on 127.0.0.1:8080 (this machine only) unless --addr says
otherwise. A database named with --db must exist (make it with "annalist
ingest"); the default one is created on a first run. When the database is
empty it first ingests the bundled sample article, so that a first run
shows something.

API (GET only; filters: from, to, side, bbox=minLon,minLat,maxLon,maxLat,
conflict, q, and limit/offset where paged):
  /api/conflicts, /api/conflicts/{key}
  /api/events, /api/events/{key}, /api/events.csv, /api/events.geojson
  /api/map (events binned by map cell; zoom, view), /api/timeline (by month)
  /api/points (compact events), /api/counts (by year and side)
  /api/articles, /api/articles/{key} (text with extracted byte ranges)

Examples:
  annalist serve
  annalist serve --addr 127.0.0.1:9000 --db /tmp/test.db
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveHelp, stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", server.DefaultAddr, "`address` to listen on; a non-loopback address exposes the data to the network")
	verbose := fs.Bool("v", false, "log every request")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments (got %q); ingest files with annalist ingest", errUsage, fs.Arg(0))
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	// Listen first: a bad --addr must fail before anything is written.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	defer ln.Close()
	// The default database is created (and given the sample) on a first
	// run; one named with --db must exist, so a typo creates nothing.
	open := openExisting
	if *db == "" {
		open = openStore
	}
	st, err := open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := ingestSampleIfEmpty(ctx, st, stderr); err != nil {
		return err
	}
	h, err := server.New(st, log)
	if err != nil {
		return err
	}
	go func() {
		if err := h.Warm(ctx); err != nil && ctx.Err() == nil {
			log.Warn("could not read the events of the first view ahead", "err", err)
		}
	}()
	if !server.IsLoopback(*addr) {
		log.Warn("listening beyond this machine: anyone who can reach it can read the data", "addr", ln.Addr().String())
	}
	srv := server.HTTPServer(*addr, h)
	fmt.Fprintf(stdout, "annalist: serving %s on http://%s/ (Ctrl-C to stop)\n", st.Name(), ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ingestSampleIfEmpty stores the bundled sample article in an empty
// database, so that a newcomer's first "annalist serve" shows its clashes.
func ingestSampleIfEmpty(ctx context.Context, st annalist.Store, stderr io.Writer) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	a, err := sample.Article()
	if err != nil {
		return fmt.Errorf("read the bundled sample: %w", err)
	}
	x, err := extract.New(ctx)
	if err != nil {
		return err
	}
	doc, err := x.Extract(ctx, a)
	if err != nil {
		return fmt.Errorf("extract the bundled sample: %w", err)
	}
	res, err := st.Ingest(ctx, doc, a.Raw)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "annalist serve: the database was empty; ingested the bundled sample %q (%d events)\n", a.Title, res.Events)
	return nil
}
