// Package export writes stored events in the formats other tools read:
// CSV with UCDP GED's column names, GeoJSON, and JSON Lines of events or
// whole Documents. Writers stream: they hold one event at a time.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/state"
)

// Formats lists the formats New accepts.
var Formats = []string{"csv", "geojson", "jsonl"}

// EventWriter writes a stream of events; Close finishes the stream (and
// must be called even after an error, to flush what was written).
type EventWriter interface {
	Write(*annalist.StoredEvent) error
	Close() error
}

// New returns the writer for format ("csv", "geojson" or "jsonl").
func New(format string, w io.Writer) (EventWriter, error) {
	switch format {
	case "csv":
		return NewCSV(w), nil
	case "geojson":
		return NewGeoJSON(w), nil
	case "jsonl":
		return NewJSONL(w), nil
	}
	return nil, fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// CSVHeader is the CSV's columns: UCDP GED's 49 (GEDColumns), in the
// codebook's order and with GED's meaning, then annalist's own
// (OwnColumns).
//
// ids: id is annalist's stable integer id of the event (ID53 of its key,
// the same whenever the same article is ingested again), relid the key
// itself; conflict_new_id, dyad_new_id, side_a_new_id and side_b_new_id
// are annalist's stable ids of the conflict (its name), the dyad and the
// sides (their names), never UCDP's; the *_dset_id columns stay empty.
//
// sides: each belligerent the state table knows is "Government of <GED's
// name of the state>" at the event's date; others keep the article's name;
// several on one side are joined with ", ". A dyad is one pair whichever
// side struck first, so a government is side A and otherwise the side
// whose name sorts first: every per-side column follows that order (the
// article's own names are in side_a_names and side_b_names). gwnoa and
// gwnob are the GW numbers of each side's first belligerent, empty when it
// has none (Manchukuo); gwnoa_all and gwnob_all list the side's numbers.
//
// type_of_violence is 3 when one side is civilians, 1 when a government
// fights, else 2; active_year is 1 when the dyad's events of the year sum
// to 25 dead or more in the data written (see Tally; empty without one);
// event_clarity is 2 when the date is uncertain or spans several days (the
// text sums several clashes), else 1; code_status is Clear, or Check when
// the event lacks a date or a side.
//
// place: where_coordinates is the gazetteer entry the coordinates belong
// to, where_description the text's phrase, country and country_id today's
// country of the point (GED's name and GW number), region GED's region of
// it, priogrid_gid its PRIO-GRID cell; country_iso is its ISO code and
// country_then the state that held the place at the event's date.
//
// deaths: deaths_a, deaths_b, deaths_civilians and deaths_unknown hold
// each Count's best estimate: the text's best figure, else its low bound,
// else its high bound (annalist.CountBest). low, best and high sum each
// Count's low (else best, else high), best, and high (else best, else
// low) figures, as GED sums its death columns. An open range such as
// "665+" therefore adds 665 to high too: the text gives no upper bound,
// and GED's high is never below best. A cell is empty, not 0, when the
// text gives no number.
//
// date_start and date_end are the first and last day the event's dates
// cover ("1937-06" gives 1937-06-01 and 1937-06-30), with date_prec
// saying how wide that is, as in GED. source_article is the article's
// title, source_office "Wikipedia", source_headline the section the
// evidence stands in, source_original whom the text credits the figures
// to; source_date stays empty (the input carries no revision date).
var CSVHeader = append(append([]string{}, GEDColumns...), OwnColumns...)

// CSV writes events as CSV rows under CSVHeader.
type CSV struct {
	// Raw writes text cells as stored, without SpreadsheetSafe.
	Raw    bool
	w      *csv.Writer
	header bool
	row    []string
	ged    gedRows
	err    error // loading the state table
}

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer) *CSV {
	st, err := state.Load()
	return &CSV{w: csv.NewWriter(w), row: make([]string, 0, len(CSVHeader)), ged: gedRows{states: st}, err: err}
}

// SetTally gives the writer the dyad-year deaths active_year is read from.
func (c *CSV) SetTally(t *Tally) { c.ged.active = t }

// Write writes one event's row (after the header, on the first call).
func (c *CSV) Write(se *annalist.StoredEvent) error {
	if c.err != nil {
		return fmt.Errorf("csv: %w", c.err)
	}
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	c.row = c.ged.row(c.row[:0], se)
	if !c.Raw {
		for i := range c.row {
			c.row[i] = SpreadsheetSafe(c.row[i])
		}
	}
	return c.w.Write(c.row)
}

// Close writes the header if no row was written, and flushes.
func (c *CSV) Close() error {
	if !c.header {
		c.header = true
		c.w.Write(CSVHeader)
	}
	c.w.Flush()
	return c.w.Error()
}

func best1(c *annalist.Count) string {
	if n, ok := annalist.CountBest(c); ok {
		return strconv.Itoa(n)
	}
	return ""
}

// GeoJSON writes a FeatureCollection of the events that have coordinates;
// events without them are skipped (Skipped counts them). Each feature's
// properties are the CSV's columns (CSVHeader) with numbers as JSON
// numbers and empty cells as null, so that GIS tools type them.
type GeoJSON struct {
	w       *bufio.Writer
	started bool
	n       int
	Skipped int
	ged     gedRows
	row     []string
	buf     []byte
	err     error
}

// NewGeoJSON returns a GeoJSON writer on w.
func NewGeoJSON(w io.Writer) *GeoJSON {
	st, err := state.Load()
	return &GeoJSON{w: bufio.NewWriter(w), ged: gedRows{states: st}, err: err}
}

// SetTally gives the writer the dyad-year deaths active_year is read from.
func (g *GeoJSON) SetTally(t *Tally) { g.ged.active = t }

// numeric marks the columns written as JSON numbers.
var numeric = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range []string{"id", "year", "active_year", "type_of_violence", "conflict_new_id", "dyad_new_id",
		"side_a_new_id", "side_b_new_id", "number_of_sources", "where_prec", "latitude", "longitude", "priogrid_gid",
		"country_id", "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
		"best", "high", "low", "gwnoa", "gwnob", "wounded_a", "wounded_b", "captured_a", "captured_b",
		"missing_a", "missing_b", "wounded_unknown", "date_uncertain"} {
		m[c] = true
	}
	return m
}()

// Write adds one feature.
func (g *GeoJSON) Write(se *annalist.StoredEvent) error {
	if g.err != nil {
		return fmt.Errorf("geojson: %w", g.err)
	}
	e := &se.Event
	if e.Place == nil || e.Place.Lat == nil || e.Place.Lon == nil {
		g.Skipped++
		return nil
	}
	g.row = g.ged.row(g.row[:0], se)
	b := g.buf[:0]
	b = append(b, `{"type":"Feature","id":`...)
	b = strconv.AppendQuote(b, se.Key)
	b = append(b, `,"geometry":{"type":"Point","coordinates":[`...)
	b = strconv.AppendFloat(b, *e.Place.Lon, 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, *e.Place.Lat, 'f', -1, 64)
	b = append(b, `]},"properties":`...)
	b = appendObject(b, g.row, false)
	b = append(b, '}')
	g.buf = b
	if !g.started {
		g.started = true
		g.w.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	} else {
		g.w.WriteString(",\n")
	}
	g.n++
	_, err := g.w.Write(b)
	return err
}

// Close ends the collection and flushes.
func (g *GeoJSON) Close() error {
	if !g.started {
		g.w.WriteString(`{"type":"FeatureCollection","features":[`)
	}
	g.w.WriteString("\n]}\n")
	return g.w.Flush()
}

// JSONL writes one JSON object a line: stored events (Write) or whole
// Documents (WriteDocument), in the document.md contract's form.
type JSONL struct {
	enc *json.Encoder
	w   *bufio.Writer
}

// NewJSONL returns a JSON Lines writer on w.
func NewJSONL(w io.Writer) *JSONL {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONL{enc: enc, w: bw}
}

// Write writes one event with its key, article and conflict.
func (j *JSONL) Write(se *annalist.StoredEvent) error { return j.enc.Encode(se) }

// WriteDocument writes one Document.
func (j *JSONL) WriteDocument(d *annalist.Document) error { return j.enc.Encode(d) }

// Close flushes.
func (j *JSONL) Close() error { return j.w.Flush() }
