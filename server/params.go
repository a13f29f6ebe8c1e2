package server

import (
	"errors"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// filterParams are the query parameters every event query takes.
var filterParams = []string{"from", "to", "side", "bbox", "conflict", "q", "sources"}

// ParseFilter reads an event filter from URL-style parameters (from, to,
// side, bbox, conflict, q, and limit/offset when maxLimit > 0), the same
// way the API does; annalist export uses it for its flags.
func ParseFilter(q url.Values, maxLimit int) (annalist.EventFilter, error) {
	return parseFilter(q, 0, maxLimit)
}

// ParamError reports whether err is about a bad parameter, and which.
func ParamError(err error) (string, bool) {
	var ae *apiError
	if errors.As(err, &ae) && ae.status == 400 {
		return ae.param, true
	}
	return "", false
}

// parseFilter reads an event filter from the query string. Paging
// parameters are accepted when maxLimit > 0; limit then defaults to
// defLimit (0: everything up to maxLimit). Unknown parameters are errors,
// so that a typo is not silently ignored.
func parseFilter(q url.Values, defLimit, maxLimit int) (annalist.EventFilter, error) {
	var f annalist.EventFilter
	allowed := map[string]bool{}
	for _, p := range filterParams {
		allowed[p] = true
	}
	if maxLimit > 0 {
		allowed["limit"], allowed["offset"] = true, true
	}
	for k, v := range q {
		if !allowed[k] {
			return f, badParam(k, "unknown parameter %q", k)
		}
		if len(v) > 1 {
			return f, badParam(k, "parameter %q given %d times", k, len(v))
		}
		if !utf8.ValidString(v[0]) {
			return f, badParam(k, "parameter %q is not valid UTF-8", k)
		}
	}
	var err error
	if s := q.Get("from"); s != "" {
		if f.From, err = annalist.ParseDate(s); err != nil {
			return f, badParam("from", "from: %v", err)
		}
	}
	if s := q.Get("to"); s != "" {
		if f.To, err = annalist.ParseDate(s); err != nil {
			return f, badParam("to", "to: %v", err)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Last().DayNumber() < f.From.First().DayNumber() {
		return f, badParam("to", "to (%s) is before from (%s)", f.To, f.From)
	}
	f.Side = strings.TrimSpace(q.Get("side"))
	if len(f.Side) > 200 {
		return f, badParam("side", "side: longer than 200 bytes")
	}
	if s := q.Get("bbox"); s != "" {
		if f.BBox, err = parseBBox(s); err != nil {
			return f, err
		}
	}
	f.Conflict = q.Get("conflict")
	if len(f.Conflict) > 64 {
		return f, badParam("conflict", "conflict: not a conflict key")
	}
	if q.Has("q") {
		f.Query = q.Get("q")
		if len(f.Query) > 500 {
			return f, badParam("q", "q: longer than 500 bytes")
		}
		if strings.TrimSpace(f.Query) != "" && len(annalist.SearchWords(f.Query)) == 0 {
			return f, badParam("q", "q: %q holds no word to search for", f.Query)
		}
	}
	// sources=all lists every article's telling of an event; by default
	// (sources=merged) an event told by several articles is one row.
	switch s := q.Get("sources"); s {
	case "", "merged":
	case "all":
		f.AllSources = true
	default:
		return f, badParam("sources", `sources: want "all" or "merged", got %q`, s)
	}
	if maxLimit > 0 {
		f.Limit = defLimit
		if s := q.Get("limit"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > maxLimit {
				return f, badParam("limit", "limit: want a whole number from 1 to %d, got %q", maxLimit, s)
			}
			f.Limit = n
		}
		if s := q.Get("offset"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return f, badParam("offset", "offset: want a whole number of 0 or more, got %q", s)
			}
			f.Offset = n
		}
	}
	return f, nil
}

// parseBBox reads "minLon,minLat,maxLon,maxLat" (GeoJSON's order).
func parseBBox(s string) (*annalist.BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox", "bbox: want minLon,minLat,maxLon,maxLat, got %d numbers", len(parts))
	}
	var v [4]float64
	for i, p := range parts {
		n, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			return nil, badParam("bbox", "bbox: %q is not a number", p)
		}
		v[i] = n
	}
	b := &annalist.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180:
		return nil, badParam("bbox", "bbox: longitudes must lie in [-180, 180]")
	case b.MinLat < -90 || b.MaxLat > 90:
		return nil, badParam("bbox", "bbox: latitudes must lie in [-90, 90]")
	case b.MinLon > b.MaxLon || b.MinLat > b.MaxLat:
		return nil, badParam("bbox", "bbox: minimum above maximum")
	}
	return b, nil
}

// noParams rejects any query parameter, for endpoints that take none.
func noParams(q url.Values) error {
	for k := range q {
		return badParam(k, "unknown parameter %q", k)
	}
	return nil
}
