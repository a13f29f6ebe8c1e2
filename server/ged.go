package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
)

// The GED-shaped API answers the requests a client of UCDP's API makes
// (https://ucdp.uu.se/apidocs: GET api/gedevents/{version}?pagesize=&page=
// with filters), in UCDP's shape: {"TotalCount", "TotalPages",
// "PreviousPageUrl", "NextPageUrl", "Result"}, each result an event with
// the export's GED columns (export.CSVHeader) under the same names. A
// client written for UCDP works by changing its base URL; the version in
// the path is accepted and ignored (annalist has one).
//
// Parameters: pagesize (1–1000, default 100), page (from 0), StartDate and
// EndDate (YYYY-MM-DD: events that meet the period), Country (GW numbers
// of the country the event took place in, comma-separated),
// TypeOfViolence (1, 2, 3, comma-separated).
const (
	gedMaxPageSize     = 1000
	gedDefaultPageSize = 100
)

type gedQuery struct {
	filter   annalist.EventFilter
	pageSize int
	page     int
	country  map[string]bool // country_id values; nil = any
	violence map[string]bool // type_of_violence values; nil = any
}

var gedParams = map[string]bool{"pagesize": true, "page": true, "StartDate": true, "EndDate": true,
	"Country": true, "TypeOfViolence": true}

func parseGEDQuery(q url.Values) (gedQuery, error) {
	g := gedQuery{pageSize: gedDefaultPageSize}
	for k, v := range q {
		if !gedParams[k] {
			return g, badParam(k, "unknown parameter %q (the GED API takes pagesize, page, StartDate, EndDate, Country, TypeOfViolence)", k)
		}
		if len(v) > 1 {
			return g, badParam(k, "parameter %q given %d times", k, len(v))
		}
	}
	if s := q.Get("pagesize"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > gedMaxPageSize {
			return g, badParam("pagesize", "pagesize: want a whole number from 1 to %d, got %q", gedMaxPageSize, s)
		}
		g.pageSize = n
	}
	if s := q.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1<<20 {
			return g, badParam("page", "page: want a whole number from 0, got %q", s)
		}
		g.page = n
	}
	var err error
	for _, p := range []struct {
		name string
		d    *annalist.Date
	}{{"StartDate", &g.filter.From}, {"EndDate", &g.filter.To}} {
		s := q.Get(p.name)
		if s == "" {
			continue
		}
		if *p.d, err = annalist.ParseDate(s); err != nil {
			return g, badParam(p.name, "%s: %v", p.name, err)
		}
	}
	if !g.filter.From.IsZero() && !g.filter.To.IsZero() && g.filter.To.Last().DayNumber() < g.filter.From.First().DayNumber() {
		return g, badParam("EndDate", "EndDate (%s) is before StartDate (%s)", g.filter.To, g.filter.From)
	}
	if g.country, err = numberSet(q, "Country", 1, 999); err != nil {
		return g, err
	}
	if g.violence, err = numberSet(q, "TypeOfViolence", 1, 3); err != nil {
		return g, err
	}
	return g, nil
}

// numberSet reads a comma-separated list of whole numbers in [lo, hi].
func numberSet(q url.Values, name string, lo, hi int) (map[string]bool, error) {
	s := q.Get(name)
	if s == "" {
		return nil, nil
	}
	set := map[string]bool{}
	for p := range strings.SplitSeq(s, ",") {
		p = strings.TrimSpace(p)
		n, err := strconv.Atoi(p)
		if err != nil || n < lo || n > hi || len(set) >= 300 {
			return nil, badParam(name, "%s: want whole numbers from %d to %d separated by commas, got %q", name, lo, hi, p)
		}
		set[strconv.Itoa(n)] = true
	}
	return set, nil
}

// gedEvents answers /api/ged/events and /api/gedevents/{version}.
func (s *Server) gedEvents(w http.ResponseWriter, r *http.Request) error {
	g, err := parseGEDQuery(r.URL.Query())
	if err != nil {
		return err
	}
	rows, err := export.NewRows()
	if err != nil {
		return err
	}
	colCountry, colViolence := column("country_id"), column("type_of_violence")
	if colCountry < 0 || colViolence < 0 {
		return fmt.Errorf("ged: export.CSVHeader lacks country_id or type_of_violence")
	}
	match := func(row []string) bool {
		return (g.country == nil || g.country[row[colCountry]]) && (g.violence == nil || g.violence[row[colViolence]])
	}
	// First pass: the dyads' deaths of each year (active_year) and the
	// count of matches; second: the page. Country and type of violence
	// are read from the rows, which the store does not index.
	tally, err := export.NewTally()
	if err != nil {
		return err
	}
	total := 0
	err = s.store.EachEvent(r.Context(), g.filter, func(se *annalist.StoredEvent) error {
		if err := tally.Add(se); err != nil {
			return err
		}
		if match(rows.Row(se)) {
			total++
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows.SetTally(tally)
	skip := g.page * g.pageSize
	b := make([]byte, 0, 4096)
	b = append(b, `{"TotalCount":`...)
	b = strconv.AppendInt(b, int64(total), 10)
	pages := (total + g.pageSize - 1) / g.pageSize
	b = append(b, `,"TotalPages":`...)
	b = strconv.AppendInt(b, int64(pages), 10)
	b = append(b, `,"PreviousPageUrl":`...)
	prev, _ := json.Marshal(pageURL(r, g.page-1, pages))
	next, _ := json.Marshal(pageURL(r, g.page+1, pages))
	b = append(b, prev...)
	b = append(b, `,"NextPageUrl":`...)
	b = append(b, next...)
	b = append(b, `,"Result":[`...)
	n, seen := 0, 0
	err = s.store.EachEvent(r.Context(), g.filter, func(se *annalist.StoredEvent) error {
		if n >= g.pageSize {
			return nil
		}
		row := rows.Row(se)
		if !match(row) {
			return nil
		}
		seen++
		if seen <= skip {
			return nil
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = export.AppendAPIObject(b, row)
		return nil
	})
	if err != nil {
		return err
	}
	b = append(b, "]}\n"...)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(b)
	return err
}

func column(name string) int {
	for i, c := range export.CSVHeader {
		if c == name {
			return i
		}
	}
	return -1
}

// pageURL is the absolute URL of another page of the same query, "" when
// there is no such page (as UCDP answers).
func pageURL(r *http.Request, page, pages int) string {
	if page < 0 || page >= pages {
		return ""
	}
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	u := url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}
