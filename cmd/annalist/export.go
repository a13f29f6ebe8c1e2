package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/server"
)

const exportHelp = `
Usage: annalist export --format csv|geojson|jsonl [--documents] [--out FILE] [filters]

Write the stored events, or a selection of them, for other tools:
  csv      one row per event: UCDP GED's 49 columns in GED's order and
           meaning (ids, sides as "Government of Japan", gwnoa/gwnob,
           country, region, priogrid_gid, geom_wkt, low/best/high, ...),
           then annalist's own (wounded, captured and missing per side,
           country_then, evidence, ...); a GED analysis reads it unchanged.
           A text cell that begins with =, +, - or @ gets a leading
           apostrophe so that a spreadsheet shows it as text (OWASP),
           unless --raw
  geojson  a FeatureCollection of the events that have coordinates, with
           the CSV's columns as typed properties
  jsonl    one JSON event per line; with --documents, one whole document
           (spec/document.md) per stored article instead

Filters select events as the API does: --from and --to (dates such as
1936, 1936-05 or 1936-05-12), --side STATE, --bbox minLon,minLat,maxLon,maxLat,
--conflict KEY, --q WORDS (in the evidence), --limit N. A clash told by
several articles is one row, with number_of_sources and the range of its
figures; --sources all writes every telling instead.

Examples:
  annalist export --format csv --out events.csv
  annalist export --format geojson --from 1938 --to 1939 > 1938-39.geojson
  annalist export --format jsonl --documents | jq .conflict.name
`

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", exportHelp, stderr)
	db := dbFlag(fs)
	format := fs.String("format", "", "output `format`: "+strings.Join(export.Formats, ", "))
	out := fs.String("out", "", "write to `file` instead of standard output")
	docs := fs.Bool("documents", false, "with --format jsonl: write whole documents, not events")
	raw := fs.Bool("raw", false, "with --format csv: write text cells as stored, without the apostrophe that keeps a spreadsheet from reading =, +, - or @ as a formula")
	params := url.Values{}
	for _, name := range []string{"from", "to", "side", "bbox", "conflict", "q", "limit", "sources"} {
		fs.Func(name, "select events by "+name+" (as the API's parameter)", func(v string) error {
			params.Set(name, v)
			return nil
		})
	}
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: export takes no arguments (got %q)", errUsage, fs.Arg(0))
	}
	if *format == "" {
		return fmt.Errorf("%w: --format is required (%s)", errUsage, strings.Join(export.Formats, ", "))
	}
	if *raw && *format != "csv" {
		return fmt.Errorf("%w: --raw goes with --format csv", errUsage)
	}
	if *docs && *format != "jsonl" {
		return fmt.Errorf("%w: --documents goes with --format jsonl", errUsage)
	}
	filter, err := server.ParseFilter(params, 1<<30)
	if err != nil {
		if p, ok := server.ParamError(err); ok {
			return fmt.Errorf("%w: --%s: %v", errUsage, p, err)
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *docs && len(params) > 0 {
		return fmt.Errorf("%w: --documents writes whole articles; filters select events", errUsage)
	}
	ew, err := export.New(*format, io.Discard)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	w := stdout
	var f *os.File
	if *out != "" {
		// Write beside the target and rename, so that a failed export
		// never leaves a half-written file under the asked-for name.
		f, err = os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".*")
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer os.Remove(f.Name())
		defer f.Close()
		if err := f.Chmod(0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		w = f
	}
	n := 0
	if *docs {
		j := export.NewJSONL(w)
		err = st.Documents(ctx, func(d *annalist.Document) error { n++; return j.WriteDocument(d) })
		if cerr := j.Close(); err == nil {
			err = cerr
		}
	} else {
		ew, _ = export.New(*format, w)
		if c, ok := ew.(*export.CSV); ok {
			c.Raw = *raw
		}
		// GED's active_year needs each dyad's deaths in the year over
		// the whole selection: one pass to sum them, one to write.
		if tw, ok := ew.(interface{ SetTally(*export.Tally) }); ok {
			t, terr := export.NewTally()
			if terr == nil {
				terr = st.EachEvent(ctx, filter, t.Add)
			}
			if terr != nil {
				return fmt.Errorf("export: %w", terr)
			}
			tw.SetTally(t)
		}
		err = st.EachEvent(ctx, filter, func(e *annalist.StoredEvent) error { n++; return ew.Write(e) })
		if cerr := ew.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.Rename(f.Name(), *out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		what := "events"
		if *docs {
			what = "documents"
		}
		fmt.Fprintf(stderr, "annalist export: wrote %d %s to %s\n", n, what, *out)
	}
	return nil
}
