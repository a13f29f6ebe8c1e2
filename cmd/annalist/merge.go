package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

const mergeHelp = `
Usage: annalist merge [--db FILE|postgres://...] [--explain KEY KEY]

Redo the merged events over the whole store: the same clash told by
several articles (a war's summary, the battle's own article, ...) becomes
one event with number_of_sources and, per side, the range of the figures
its sources give. Ingest already does this around the articles it stores;
run merge after changing the rule's word list, or to check that the store
is as a fresh resolution would leave it. Both stores (a SQLite file, a
PostgreSQL database) merge alike; on PostgreSQL, merge and the workers'
ingests take turns. Every telling stays stored:
"annalist serve" lists merged events by default and every telling with
/api/events?sources=all.

Two tellings are the same clash when their dates overlap at their
precision, a state on each side is shared, their places agree (same
gazetteer entry, or within a distance that grows with where_prec) and
their names, if given, match rather than differ; two tellings of one
article are never joined. With --explain, merge changes nothing and says
how the rule judges two stored events (keys as /api/events gives them).

Examples:
  annalist merge
  annalist merge --explain 4f1c0e2a9b7d3c55 8e2d51c07a6f9b13
  annalist merge --db postgres://annalist@db.example.org/annalist
`

func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("merge", mergeHelp, stderr)
	db := dbFlag(fs)
	explain := fs.Bool("explain", false, "judge the two event `keys` given as arguments and print why, changing nothing")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	switch {
	case *explain && fs.NArg() != 2:
		return fmt.Errorf("%w: --explain takes two event keys (got %d arguments)", errUsage, fs.NArg())
	case !*explain && fs.NArg() > 0:
		return fmt.Errorf("%w: merge takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	opened, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer opened.Close()
	st := opened // every store is an annalist.Merger (backend.Store)
	if *explain {
		v, err := st.ExplainPair(ctx, fs.Arg(0), fs.Arg(1))
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	p := newProgress(stderr)
	began := time.Now()
	stats, err := st.Merge(ctx, func(done, total int) {
		p.update(func() string {
			return fmt.Sprintf("merge: %d of %d events (%.0f%%)", done, total, 100*float64(done)/float64(max(total, 1)))
		})
	})
	p.clear()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %d dated events: %d clashes told by several articles (%d candidate pairs weighed) in %s\n",
		stats.Tellings, stats.Merged, stats.Judged, time.Since(began).Round(time.Millisecond))
	return nil
}
