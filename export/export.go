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

// CSVHeader is the CSV's columns: UCDP GED's names for the fields GED
// has, in GED's order, then annalist's own.
//
// deaths_a, deaths_b and the other per-side columns hold each Count's best
// estimate: the text's best figure, else its low bound, else its high
// bound (annalist.CountBest). low, best and high sum, over deaths_a,
// deaths_b and deaths_unknown, each Count's low (else best, else high),
// best, and high (else best, else low) figures, as GED sums its death
// columns. An open range such as "665+" therefore adds 665 to high too:
// the text gives no upper bound, and GED's high is never below best. A
// cell is empty, not 0, when the text gives no number.
//
// date_start and date_end are the first and last day the event's dates
// cover ("1937-06" gives 1937-06-01 and 1937-06-30), with date_prec
// saying how wide that is, as in GED.
var CSVHeader = []string{
	"id", "year", "date_start", "date_end", "date_prec", "side_a", "side_b",
	"deaths_a", "deaths_b", "low", "best", "high",
	"where_prec", "where_coordinates", "latitude", "longitude",
	"conflict_name", "source_article",
	"event_name", "wounded_a", "wounded_b", "captured_a", "captured_b", "missing_a", "missing_b",
	"deaths_unknown", "wounded_unknown", "evidence",
}

// CSV writes events as CSV rows under CSVHeader.
type CSV struct {
	// Raw writes text cells as stored, without SpreadsheetSafe.
	Raw    bool
	w      *csv.Writer
	header bool
	row    []string
}

// NewCSV returns a CSV writer on w.
func NewCSV(w io.Writer) *CSV { return &CSV{w: csv.NewWriter(w), row: make([]string, len(CSVHeader))} }

// Write writes one event's row (after the header, on the first call).
func (c *CSV) Write(se *annalist.StoredEvent) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	e := &se.Event
	r := c.row[:0]
	start, end := e.DateStart, e.DateEnd
	if end.IsZero() {
		end = start
	}
	year, ds, de, prec := "", "", "", ""
	if !start.IsZero() {
		year = strconv.Itoa(start.Year)
		ds, de = start.First().String(), end.Last().String()
		p := e.DatePrec
		if p == 0 {
			p = annalist.DatePrec(start, end)
		}
		prec = strconv.Itoa(p)
	}
	low, best, high := "", "", ""
	if l, b, h, ok := e.DeathsTotal(); ok {
		low, best, high = strconv.Itoa(l), strconv.Itoa(b), strconv.Itoa(h)
	}
	wherePrec, where, lat, lon := "", "", "", ""
	if p := e.Place; p != nil {
		where = p.Text
		if p.WherePrec > 0 {
			wherePrec = strconv.Itoa(p.WherePrec)
		}
		if p.Lat != nil && p.Lon != nil {
			lat, lon = strconv.FormatFloat(*p.Lat, 'f', -1, 64), strconv.FormatFloat(*p.Lon, 'f', -1, 64)
		}
	}
	name := ""
	if e.Name != nil {
		name = *e.Name
	}
	evidence := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		evidence[i] = ev.Text
	}
	r = append(r, se.Key, year, ds, de, prec, strings.Join(e.SideA, "; "), strings.Join(e.SideB, "; "),
		best1(e.DeathsA), best1(e.DeathsB), low, best, high,
		wherePrec, where, lat, lon, se.ConflictName, se.ArticleTitle,
		name, best1(e.WoundedA), best1(e.WoundedB), best1(e.CapturedA), best1(e.CapturedB), best1(e.MissingA), best1(e.MissingB),
		best1(e.DeathsUnknown), best1(e.WoundedUnknown), strings.Join(evidence, " | "))
	if !c.Raw {
		for i := range r {
			r[i] = SpreadsheetSafe(r[i])
		}
	}
	return c.w.Write(r)
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
// events without them are skipped (Skipped counts them).
type GeoJSON struct {
	w       *bufio.Writer
	started bool
	n       int
	Skipped int
}

// NewGeoJSON returns a GeoJSON writer on w.
func NewGeoJSON(w io.Writer) *GeoJSON { return &GeoJSON{w: bufio.NewWriter(w)} }

type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   point      `json:"geometry"`
	Properties properties `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type properties struct {
	Name         *string         `json:"name"`
	DateStart    annalist.Date   `json:"date_start"`
	DateEnd      annalist.Date   `json:"date_end"`
	DatePrec     int             `json:"date_prec"`
	SideA        []string        `json:"side_a"`
	SideB        []string        `json:"side_b"`
	Low          *int            `json:"low"`
	Best         *int            `json:"best"`
	High         *int            `json:"high"`
	Place        string          `json:"place"`
	WherePrec    int             `json:"where_prec,omitempty"`
	ConflictName string          `json:"conflict_name"`
	Article      string          `json:"source_article"`
	ArticleKey   string          `json:"article_key"`
	DeathsA      *annalist.Count `json:"deaths_a"`
	DeathsB      *annalist.Count `json:"deaths_b"`
}

// Write adds one feature.
func (g *GeoJSON) Write(se *annalist.StoredEvent) error {
	e := &se.Event
	if e.Place == nil || e.Place.Lat == nil || e.Place.Lon == nil {
		g.Skipped++
		return nil
	}
	f := feature{Type: "Feature", ID: se.Key,
		Geometry: point{Type: "Point", Coordinates: [2]float64{*e.Place.Lon, *e.Place.Lat}},
		Properties: properties{Name: e.Name, DateStart: e.DateStart, DateEnd: e.DateEnd, DatePrec: e.DatePrec,
			SideA: nonNil(e.SideA), SideB: nonNil(e.SideB), Place: e.Place.Text, WherePrec: e.Place.WherePrec,
			ConflictName: se.ConflictName, Article: se.ArticleTitle, ArticleKey: se.ArticleKey,
			DeathsA: e.DeathsA, DeathsB: e.DeathsB}}
	if l, b, h, ok := e.DeathsTotal(); ok {
		f.Properties.Low, f.Properties.Best, f.Properties.High = &l, &b, &h
	}
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("event %s: %w", se.Key, err)
	}
	if !g.started {
		g.started = true
		g.w.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	} else {
		g.w.WriteString(",\n")
	}
	g.n++
	_, err = g.w.Write(b)
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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
