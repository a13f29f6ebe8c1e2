package export

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/state"
)

// GEDColumns are UCDP GED's 49 columns in the codebook's order (GED
// 23.1). The CSV starts with them, so that an analysis written for GED
// reads annalist's file unchanged.
var GEDColumns = []string{
	"id", "relid", "year", "active_year", "code_status", "type_of_violence",
	"conflict_dset_id", "conflict_new_id", "conflict_name",
	"dyad_dset_id", "dyad_new_id", "dyad_name",
	"side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
	"number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
	"where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
	"latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
	"event_clarity", "date_prec", "date_start", "date_end",
	"deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
	"gwnoa", "gwnob",
}

// OwnColumns are annalist's columns after GED's: what the text gives that
// GED has no column for.
var OwnColumns = []string{
	"event_name", "side_a_names", "side_b_names", "gwnoa_all", "gwnob_all", "wikidata_a", "wikidata_b",
	"country_iso", "country_then",
	"wounded_a", "wounded_b", "captured_a", "captured_b", "missing_a", "missing_b", "wounded_unknown",
	"date_uncertain", "article_key", "evidence",
}

// ID53 returns annalist's stable integer id of a text key of a kind
// ("event", "conflict", "dyad", "side"): the first 53 bits of its SHA-256,
// so that JSON readers and pandas' float columns hold it exactly. The same
// key gives the same id in every run and every database; these are
// annalist's ids, never UCDP's.
func ID53(kind, key string) int64 {
	h := sha256.Sum256([]byte("annalist:" + kind + "\x00" + key))
	id := int64(binary.BigEndian.Uint64(h[:8]) & (1<<53 - 1))
	if id == 0 {
		id = 1
	}
	return id
}

// PrioGridGID returns the PRIO-GRID cell of a point: 0.5° cells numbered
// row by row from the south-west corner (-90, -180), 720 to a row, so
// gid = (row-1)*720 + col with row and col counted from 1.
func PrioGridGID(lat, lon float64) int {
	row := int(math.Floor((lat+90)/0.5)) + 1
	col := int(math.Floor((lon+180)/0.5)) + 1
	row = min(max(row, 1), 360)
	col = min(max(col, 1), 720)
	return (row-1)*720 + col
}

// side is one side of an event as GED names it.
type side struct {
	name     string // "Government of Japan, Government of Manchukuo"
	names    string // the article's own names, "; "-joined
	gwno     string // the first belligerent's GW number, "" when it has none
	gwnoAll  string // every GW number of the side, ", "-joined as UCDP's ACD does
	wikidata string
	state    bool // a government fights on this side
	civilian bool // the side is unarmed people
}

func (x *gedRows) sideOf(names []string, actors []*annalist.Actor, from, to annalist.Date) side {
	var s side
	var parts, gws, qids []string
	for i, n := range names {
		var st *state.State
		if i < len(actors) && actors[i] != nil {
			st, _ = x.states.LookupSpan(actors[i].Name, from, to)
		}
		if st == nil {
			st, _ = x.states.LookupSpan(n, from, to)
		}
		if st == nil {
			parts = append(parts, n)
			if isCivilians(n) {
				s.civilian = true
			}
			if i == 0 {
				s.gwno = ""
			}
			continue
		}
		s.state = true
		gname := st.GEDName
		if gname == "" {
			gname = st.Name
		}
		parts = append(parts, "Government of "+gname)
		if st.GWNo != 0 {
			g := strconv.Itoa(st.GWNo)
			gws = append(gws, g)
			if i == 0 {
				s.gwno = g
			}
		}
		if st.Wikidata != "" {
			qids = append(qids, st.Wikidata)
		}
	}
	s.name = strings.Join(parts, ", ")
	s.names = strings.Join(names, "; ")
	s.gwnoAll = strings.Join(gws, ", ")
	s.wikidata = strings.Join(qids, ", ")
	return s
}

// isCivilians reports whether a side's name stands for unarmed people
// rather than an armed actor ("civilians", "villagers", "refugees").
func isCivilians(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"civilian", "villager", "refugee", "inhabitant", "population", "resident"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// gedRows computes GED's columns of stored events.
type gedRows struct {
	states *state.Table
	active *Tally // nil: active_year is left empty
}

// Tally sums the best estimate of deaths of each dyad and year, for GED's
// active_year: 1 when the dyad's events of that calendar year sum to 25
// or more dead in the data written, else 0. Fill it with Add over the same
// events before writing them.
type Tally struct {
	states *state.Table
	deaths map[dyadYear]int
}

type dyadYear struct {
	dyad int64
	year int
}

// NewTally returns an empty Tally.
func NewTally() (*Tally, error) {
	t, err := state.Load()
	if err != nil {
		return nil, err
	}
	return &Tally{states: t, deaths: map[dyadYear]int{}}, nil
}

// Add counts one event.
func (t *Tally) Add(se *annalist.StoredEvent) error {
	x := gedRows{states: t.states}
	e := &se.Event
	if e.DateStart.IsZero() {
		return nil
	}
	a, b := x.sides(se)
	t.deaths[dyadYear{x.dyadID(se, a, b), e.DateStart.Year}] += e.DeathsBest()
	return nil
}

// sides returns the event's two sides in dyad order: a dyad is one pair
// whichever side struck first, so the side whose GED name sorts first is
// side A, and every per-side column follows.
func (x *gedRows) sides(se *annalist.StoredEvent) (a, b side) {
	e := &se.Event
	a = x.sideOf(e.SideA, e.ActorsA, e.DateStart, e.DateEnd)
	b = x.sideOf(e.SideB, e.ActorsB, e.DateStart, e.DateEnd)
	return a, b
}

func swapped(a, b side) bool {
	// The civilians are side B and a government side A, as in GED;
	// between two governments or two groups, the name that sorts first.
	if a.civilian != b.civilian {
		return a.civilian
	}
	if a.state != b.state {
		return b.state
	}
	return b.name < a.name
}

func conflictKey(se *annalist.StoredEvent) string {
	if se.ConflictName != "" {
		return se.ConflictName
	}
	return se.ArticleTitle
}

func (x *gedRows) dyadID(se *annalist.StoredEvent, a, b side) int64 {
	if swapped(a, b) {
		a, b = b, a
	}
	return ID53("dyad", conflictKey(se)+"\x00"+a.name+"\x00"+b.name)
}

// row appends the event's GED and own columns to r, as text ("" for none).
func (x *gedRows) row(r []string, se *annalist.StoredEvent) []string {
	e := &se.Event
	a, b := x.sides(se)
	da, db := e.DeathsA, e.DeathsB
	wa, wb, ca, cb, ma, mb := e.WoundedA, e.WoundedB, e.CapturedA, e.CapturedB, e.MissingA, e.MissingB
	if swapped(a, b) {
		a, b = b, a
		da, db = db, da
		wa, wb, ca, cb, ma, mb = wb, wa, cb, ca, mb, ma
	}
	start, end := e.DateStart, e.DateEnd
	if end.IsZero() {
		end = start
	}
	year, ds, de, prec, active := "", "", "", "", ""
	if !start.IsZero() {
		year = strconv.Itoa(start.Year)
		ds, de = start.First().String(), end.Last().String()
		p := e.DatePrec
		if p == 0 {
			p = annalist.DatePrec(start, end)
		}
		prec = strconv.Itoa(p)
		if x.active != nil {
			active = "0"
			if x.active.deaths[dyadYear{x.dyadID(se, a, b), start.Year}] >= 25 {
				active = "1"
			}
		}
	}
	low, best, high := "", "", ""
	if l, bb, h, ok := e.DeathsTotal(); ok {
		low, best, high = strconv.Itoa(l), strconv.Itoa(bb), strconv.Itoa(h)
	}

	// type_of_violence: 3 one-sided (an armed side against civilians),
	// 1 state-based (a government on either side), 2 non-state.
	tov := ""
	switch {
	case len(e.SideA) == 0 && len(e.SideB) == 0:
	case a.civilian != b.civilian:
		tov = "3"
	case a.state || b.state:
		tov = "1"
	default:
		tov = "2"
	}
	status := "Clear"
	if start.IsZero() || len(e.SideA) == 0 || len(e.SideB) == 0 {
		status = "Check"
	}
	clarity := "1"
	if e.DateUncertain || (!e.DateEnd.IsZero() && e.DateEnd != e.DateStart) {
		clarity = "2"
	}

	wherePrec, whereCoord, whereDesc, adm1, lat, lon, wkt, gid := "", "", "", "", "", "", "", ""
	country, countryID, region, iso, then := "", "", "", "", ""
	if p := e.Place; p != nil {
		whereDesc = p.Text
		if p.WherePrec > 0 {
			wherePrec = strconv.Itoa(p.WherePrec)
		}
		if p.Gazetteer != nil {
			whereCoord = p.Gazetteer.Name
		}
		adm1, iso, then = p.Adm1, p.Country, p.HeldBy
		if p.Lat != nil && p.Lon != nil {
			lat, lon = strconv.FormatFloat(*p.Lat, 'f', -1, 64), strconv.FormatFloat(*p.Lon, 'f', -1, 64)
			wkt = "POINT (" + lon + " " + lat + ")"
			gid = strconv.Itoa(PrioGridGID(*p.Lat, *p.Lon))
		}
		if st, ok := x.states.Country(p.Country); ok {
			country = st.GEDName
			if country == "" {
				country = st.Name
			}
			if st.GWNo != 0 {
				countryID, region = strconv.Itoa(st.GWNo), state.Region(st.GWNo)
			}
		}
	}
	section := ""
	if len(e.Evidence) > 0 {
		section = e.Evidence[0].Section
	}
	original := ""
	if e.AccordingTo != nil {
		original = *e.AccordingTo
	}
	name := ""
	if e.Name != nil {
		name = *e.Name
	}
	evidence := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		evidence[i] = ev.Text
	}
	dyadName := ""
	if a.name != "" || b.name != "" {
		dyadName = a.name + " - " + b.name
	}
	idOf := func(kind, key string) string {
		if key == "" {
			return ""
		}
		return strconv.FormatInt(ID53(kind, key), 10)
	}
	uncertain := ""
	if e.DateUncertain {
		uncertain = "1"
	}
	r = append(r,
		strconv.FormatInt(ID53("event", se.Key), 10), se.Key, year, active, status, tov,
		"", idOf("conflict", conflictKey(se)), conflictKey(se),
		"", strconv.FormatInt(x.dyadID(se, a, b), 10), dyadName,
		"", idOf("side", a.name), a.name, "", idOf("side", b.name), b.name,
		"1", se.ArticleTitle, "Wikipedia", "", section, original,
		wherePrec, whereCoord, whereDesc, adm1, "",
		lat, lon, wkt, gid, country, countryID, region,
		clarity, prec, ds, de,
		best1(da), best1(db), best1(e.DeathsCivilians), best1(e.DeathsUnknown), best, high, low,
		a.gwno, b.gwno,
		// annalist's own
		name, a.names, b.names, a.gwnoAll, b.gwnoAll, a.wikidata, b.wikidata,
		iso, then,
		best1(wa), best1(wb), best1(ca), best1(cb), best1(ma), best1(mb), best1(e.WoundedUnknown),
		uncertain, se.ArticleKey, strings.Join(evidence, " | "),
	)
	return r
}

// Rows gives the CSV's columns (CSVHeader) of stored events one at a
// time, as text or as a JSON object, for writers of other shapes (the
// server's GED-shaped API).
type Rows struct {
	ged gedRows
	row []string
}

// NewRows loads the state table the rows need.
func NewRows() (*Rows, error) {
	st, err := state.Load()
	if err != nil {
		return nil, err
	}
	return &Rows{ged: gedRows{states: st}}, nil
}

// SetTally gives the rows the dyad-year deaths active_year is read from.
func (r *Rows) SetTally(t *Tally) { r.ged.active = t }

// Row returns the event's cells under CSVHeader ("" for none). The slice
// is reused by the next call.
func (r *Rows) Row(se *annalist.StoredEvent) []string {
	r.row = r.ged.row(r.row[:0], se)
	return r.row
}

// AppendAPIObject appends a row as UCDP's API writes an event: numbers as
// numbers, active_year a boolean, gwnoa, gwnob and the *_dset_id columns
// as strings, empty cells null.
func AppendAPIObject(b []byte, row []string) []byte { return appendObject(b, row, true) }

// asText are the columns UCDP's API gives as strings though they hold
// numbers.
var asText = map[string]bool{"gwnoa": true, "gwnob": true, "conflict_dset_id": true, "dyad_dset_id": true,
	"side_a_dset_id": true, "side_b_dset_id": true}

// appendObject appends row as a JSON object under CSVHeader: numbers as
// JSON numbers, empty cells null; api selects UCDP's API's types.
func appendObject(b []byte, row []string, api bool) []byte {
	b = append(b, '{')
	for i, col := range CSVHeader {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, col)
		b = append(b, ':')
		v := row[i]
		switch {
		case v == "":
			b = append(b, "null"...)
		case api && col == "active_year":
			b = strconv.AppendBool(b, v == "1")
		case numeric[col] && !(api && asText[col]):
			b = append(b, v...)
		default:
			b = appendJSONString(b, v)
		}
	}
	return append(b, '}')
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	s = strings.ToValidUTF8(s, "\uFFFD")
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			// "<" and "&" escaped too: article text is untrusted, and
			// the answer may reach a page.
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
