package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/annalist/annalist/backend"
	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/geonames"
	"github.com/annalist/annalist/sqlite"
)

const gazetteerHelp = `
Usage:
  annalist gazetteer import [--db FILE] allCountries.txt[.zip] [alternateNamesV2.txt[.zip]]
  annalist gazetteer lookup [--db FILE] NAME...

annalist places events with its built-in gazetteer (GeoNames cities, CC BY
4.0, plus its own table of historical names and war features), which needs
no setup. "import" loads the full GeoNames dump into the database for
lookups beyond it, keeping every alternate name with GeoNames' isHistoric
flag and from/to period. Download the files from GeoNames' export/dump
directory; .zip archives are read as they are.

The import runs in one transaction and replaces an earlier one. Malformed
lines are reported with their line numbers and skipped; a file that is not
a GeoNames dump is refused and nothing is written.

"lookup" prints what the built-in gazetteer and the imported data know of
a name, one entry a line: id, name, kind, lat, lon, country, years, source.

Examples:
  annalist gazetteer import allCountries.zip alternateNamesV2.zip
  annalist gazetteer lookup Hsinking "Lake Khanka"
`

func runGazetteer(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gazetteer", gazetteerHelp, stderr)
	db := fs.String("db", "", "database `file` (default $XDG_DATA_HOME/annalist/annalist.db or ~/.local/share/annalist/annalist.db)")
	if len(args) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: want a subcommand: import or lookup", errUsage)
	}
	sub, rest := args[0], args[1:]
	if sub == "-h" || sub == "-help" || sub == "--help" {
		rest = args
	}
	if err := parseFlags(fs, rest, stdout); err != nil {
		return err
	}
	switch sub {
	case "import":
		if fs.NArg() < 1 || fs.NArg() > 2 {
			return fmt.Errorf("%w: import wants allCountries.txt[.zip] and optionally alternateNamesV2.txt[.zip]", errUsage)
		}
		return gazetteerImport(ctx, *db, fs.Arg(0), fs.Arg(1), stdout, stderr)
	case "lookup":
		if fs.NArg() == 0 {
			return fmt.Errorf("%w: lookup wants a name", errUsage)
		}
		return gazetteerLookup(ctx, *db, fs.Args(), stdout)
	}
	return fmt.Errorf("%w: unknown subcommand %q (import or lookup)", errUsage, sub)
}

func gazetteerImport(ctx context.Context, dbPath, placesPath, namesPath string, stdout, stderr io.Writer) error {
	places, err := geonames.Open(placesPath)
	if err != nil {
		return err
	}
	defer places.Close()
	var names io.Reader
	if namesPath != "" {
		rc, err := geonames.Open(namesPath)
		if err != nil {
			return err
		}
		defer rc.Close()
		names = rc
	}
	st, err := openGazetteerStore(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	const shown = 20 // bad lines printed; the rest are only counted
	reported := 0
	start := time.Now()
	res, err := st.ImportGeoNames(ctx, places, placesPath, names, namesPath, func(e *geonames.LineError) {
		if reported < shown {
			fmt.Fprintf(stderr, "skipped %v\n", e)
		}
		reported++
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d places and %d alternate names into %s in %s; %d malformed lines skipped\n",
		res.Places, res.Names, st.Path(), time.Since(start).Round(time.Millisecond), res.BadLines)
	return nil
}

func gazetteerLookup(ctx context.Context, dbPath string, names []string, stdout io.Writer) error {
	g, err := gazetteer.Load()
	if err != nil {
		return err
	}
	// Only an existing database is read: a lookup creates nothing.
	var st *sqlite.Store
	if path, err := gazetteerDBPath(dbPath); err == nil {
		if _, err := os.Stat(path); err == nil {
			if st, err = sqlite.Open(ctx, path); err != nil {
				return err
			}
			defer st.Close()
		}
	}
	for _, name := range names {
		var imported []gazetteer.Entry
		if st != nil {
			if imported, err = st.GazetteerLookup(ctx, name); err != nil {
				return err
			}
		}
		es := append(append([]gazetteer.Entry(nil), g.Lookup(name)...), imported...)
		if len(es) == 0 {
			fmt.Fprintf(stdout, "%s: not known\n", name)
			continue
		}
		for _, e := range es {
			years := ""
			if e.From != 0 || e.To != 0 {
				years = yearOrBlank(e.From) + "–" + yearOrBlank(e.To)
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%.5f\t%.5f\t%s\t%s\t%s\n", e.ID, e.Name, e.Kind, e.Lat, e.Lon, e.Country, years, e.Source)
		}
	}
	return nil
}

func yearOrBlank(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// openGazetteerStore opens the database at path, or at the default path.
func openGazetteerStore(ctx context.Context, path string) (*sqlite.Store, error) {
	path, err := gazetteerDBPath(path)
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, path)
}

func gazetteerDBPath(path string) (string, error) {
	if backend.IsPostgres(path) {
		return "", fmt.Errorf("%w: the gazetteer is kept in a SQLite file; pass --db FILE", errUsage)
	}
	if path != "" {
		return path, nil
	}
	return sqlite.DefaultPath()
}
