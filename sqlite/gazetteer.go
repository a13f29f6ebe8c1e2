package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/geonames"
)

// schemaGazetteer holds a full GeoNames import (annalist gazetteer
// import): every place, and every alternate name with GeoNames' isHistoric
// flag and from/to period, so that historical names can be resolved by
// the years they were in use. Names are looked up by their folded key
// (gazetteer.Fold).
const schemaGazetteer = `
CREATE TABLE geonames_places (
	geonameid     INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	asciiname     TEXT NOT NULL,
	lat           REAL NOT NULL,
	lon           REAL NOT NULL,
	feature_class TEXT NOT NULL,
	feature_code  TEXT NOT NULL,
	country       TEXT NOT NULL,
	cc2           TEXT NOT NULL,
	admin1        TEXT NOT NULL,
	admin2        TEXT NOT NULL,
	admin3        TEXT NOT NULL,
	admin4        TEXT NOT NULL,
	population    INTEGER NOT NULL,
	elevation     INTEGER,
	dem           INTEGER NOT NULL,
	timezone      TEXT NOT NULL,
	modified      TEXT NOT NULL
);

-- Names by which a place is found: its own name and ASCII name, the
-- alternate names of its row in allCountries.txt (alternate_name_id NULL),
-- and the rows of alternateNamesV2.txt with their flags and period.
CREATE TABLE geonames_names (
	id                INTEGER PRIMARY KEY,
	alternate_name_id INTEGER UNIQUE,
	geonameid         INTEGER NOT NULL,
	key               TEXT NOT NULL,
	name              TEXT NOT NULL,
	lang              TEXT NOT NULL DEFAULT '',
	preferred         INTEGER NOT NULL DEFAULT 0,
	short             INTEGER NOT NULL DEFAULT 0,
	colloquial        INTEGER NOT NULL DEFAULT 0,
	historic          INTEGER NOT NULL DEFAULT 0,
	name_from         TEXT NOT NULL DEFAULT '',
	name_to           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX geonames_names_by_key ON geonames_names(key, geonameid);
CREATE INDEX geonames_names_by_place ON geonames_names(geonameid);
`

// GazetteerImport counts what an import wrote.
type GazetteerImport struct {
	Places   int // rows of allCountries
	Names    int // rows of alternateNamesV2
	BadLines int // malformed lines skipped
}

// ImportGeoNames replaces the stored GeoNames data with the places read
// from places (allCountries.txt format) and, when names is not nil, the
// alternate names (alternateNamesV2.txt format). It runs in one
// transaction: a file that is not GeoNames at all, an I/O error or a
// cancelled context leaves the database as it was. Malformed lines are
// skipped and passed to bad.
func (s *Store) ImportGeoNames(ctx context.Context, places io.Reader, placesFile string, names io.Reader, namesFile string, bad func(*geonames.LineError)) (res GazetteerImport, err error) {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("import GeoNames: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	countBad := func(e *geonames.LineError) {
		res.BadLines++
		if bad != nil {
			bad(e)
		}
	}
	for _, q := range []string{`DELETE FROM geonames_names`, `DELETE FROM geonames_places`} {
		if _, err = tx.ExecContext(ctx, q); err != nil {
			return res, fmt.Errorf("import GeoNames: clear: %w", err)
		}
	}
	insPlace, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO geonames_places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return res, fmt.Errorf("import GeoNames: %w", err)
	}
	defer insPlace.Close()
	insName, err := tx.PrepareContext(ctx, `INSERT INTO geonames_names (geonameid, key, name) VALUES (?,?,?)`)
	if err != nil {
		return res, fmt.Errorf("import GeoNames: %w", err)
	}
	defer insName.Close()

	err = geonames.ReadPlaces(ctx, places, placesFile, func(p geonames.Place) error {
		var elev any
		if p.Elevation != nil {
			elev = *p.Elevation
		}
		if _, err := insPlace.ExecContext(ctx, p.ID, p.Name, p.ASCIIName, p.Lat, p.Lon, p.FeatureClass, p.FeatureCode,
			p.Country, p.CC2, p.Admin1, p.Admin2, p.Admin3, p.Admin4, p.Population, elev, p.DEM, p.Timezone, p.Modified); err != nil {
			return fmt.Errorf("geonameid %d: %w", p.ID, err)
		}
		// The place's own names and its alternate names, each key once.
		seen := make(map[string]bool, 2+len(p.AlternateNames))
		for _, n := range append([]string{p.Name, p.ASCIIName}, p.AlternateNames...) {
			k := gazetteer.Fold(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if _, err := insName.ExecContext(ctx, p.ID, k, n); err != nil {
				return fmt.Errorf("geonameid %d: %w", p.ID, err)
			}
		}
		res.Places++
		return nil
	}, countBad)
	if err != nil {
		return res, fmt.Errorf("import GeoNames: %w", err)
	}

	if names != nil {
		insAlt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO geonames_names
			(alternate_name_id, geonameid, key, name, lang, preferred, short, colloquial, historic, name_from, name_to)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return res, fmt.Errorf("import GeoNames: %w", err)
		}
		defer insAlt.Close()
		err = geonames.ReadAltNames(ctx, names, namesFile, func(a geonames.AltName) error {
			switch a.Lang {
			case "link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "phon", "piny", "abbr", "fr_1793":
				return nil // codes and URLs, not names prose would use
			}
			if _, err := insAlt.ExecContext(ctx, a.ID, a.GeonameID, gazetteer.Fold(a.Name), a.Name, a.Lang,
				a.Preferred, a.Short, a.Colloquial, a.Historic, a.From, a.To); err != nil {
				return fmt.Errorf("alternateNameId %d: %w", a.ID, err)
			}
			res.Names++
			return nil
		}, countBad)
		if err != nil {
			return res, fmt.Errorf("import GeoNames: %w", err)
		}
	}
	if err = tx.Commit(); err != nil {
		return res, fmt.Errorf("import GeoNames: commit: %w", err)
	}
	s.didCommit()
	return res, nil
}

// GazetteerLookup returns the imported GeoNames places known by name (any
// of their names, folded as gazetteer.Fold does), as gazetteer entries:
// Name is the name matched, with its period when GeoNames gives one, and
// Source names the GeoNames id. Without an import it returns nothing.
func (s *Store) GazetteerLookup(ctx context.Context, name string) ([]gazetteer.Entry, error) {
	key := gazetteer.Fold(name)
	if key == "" {
		return nil, nil
	}
	db := s.reader
	if db == nil {
		db = s.writer
	}
	rows, err := db.QueryContext(ctx, `
		SELECT p.geonameid, n.name, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country,
		       p.admin1, p.population, n.historic, n.name_from, n.name_to
		FROM geonames_names n JOIN geonames_places p ON p.geonameid = n.geonameid
		WHERE n.key = ?
		ORDER BY p.population DESC, p.geonameid`, key)
	if err != nil {
		return nil, fmt.Errorf("gazetteer lookup %q: %w", name, err)
	}
	defer rows.Close()
	var out []gazetteer.Entry
	seen := map[int64]bool{}
	for rows.Next() {
		var (
			id                      int64
			e                       gazetteer.Entry
			fclass, fcode, from, to string
			historic                bool
			pop                     sql.NullInt64
		)
		if err := rows.Scan(&id, &e.Name, &e.Primary, &e.Lat, &e.Lon, &fclass, &fcode, &e.Country, &e.Admin1, &pop, &historic, &from, &to); err != nil {
			return nil, fmt.Errorf("gazetteer lookup %q: %w", name, err)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		e.ID = "geonames:" + strconv.FormatInt(id, 10)
		e.Kind = gazetteer.KindOfFeature(fclass, fcode)
		e.Population = int(pop.Int64)
		e.From, e.To = year(from), year(to)
		if historic && e.To == 0 && e.From == 0 {
			// A historic name without a period: in use before now, when
			// exactly GeoNames does not say.
			e.Source = "GeoNames " + strconv.FormatInt(id, 10) + " (historic name)"
		} else {
			e.Source = "GeoNames " + strconv.FormatInt(id, 10)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// GazetteerImported reports whether GeoNames data has been imported, so
// that extraction consults the database only when it has something to say.
func (s *Store) GazetteerImported(ctx context.Context) (bool, error) {
	var one int
	err := s.reader.QueryRowContext(ctx, `SELECT 1 FROM geonames_places LIMIT 1`).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("gazetteer: %w", err)
	}
	return true, nil
}

// GazetteerSource returns the imported GeoNames data as a source for
// gazetteer.Gazetteer.With. Lookups run under ctx; one that fails is
// logged and reads as "not known", since a place left unresolved is
// better than an extraction stopped.
func (s *Store) GazetteerSource(ctx context.Context) gazetteer.Source {
	return func(name string) []gazetteer.Entry {
		es, err := s.GazetteerLookup(ctx, name)
		if err != nil {
			slog.Warn("gazetteer lookup in the database", "name", name, "err", err)
			return nil
		}
		return es
	}
}

// year reads the year GeoNames writes in an alternate name's from/to
// ("1932", "1932-03", "19320301"); 0 when there is none.
func year(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return y
}
