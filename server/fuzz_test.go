package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzParseFilter checks that no query string panics the parameter
// parser, and that what it accepts is a consistent filter.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "from=1936&to=1937-05", "bbox=1,2,3,4", "q=Khalkhin+Gol&limit=10&offset=5", "from=-0490", "bbox=NaN,1,2,3", "side=%FF", "to=1936-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := parseFilter(q, 100, 1000)
		if err != nil {
			if _, ok := ParamError(err); !ok {
				t.Fatalf("%q: error names no parameter: %v", raw, err)
			}
			return
		}
		if flt.Limit < 1 || flt.Limit > 1000 || flt.Offset < 0 {
			t.Fatalf("%q: limit %d offset %d", raw, flt.Limit, flt.Offset)
		}
		if b := flt.BBox; b != nil && (b.MinLon > b.MaxLon || b.MinLat > b.MaxLat) {
			t.Fatalf("%q: inverted bbox %+v", raw, b)
		}
	})
}

// FuzzFindDate checks that findDate returns a span of the text that holds
// the year.
func FuzzFindDate(f *testing.F) {
	f.Add("On 12 June 1936, troops", 1936)
	f.Add("June 12, 1936", 1936)
	f.Add(" ( 1936", 1936)
	f.Fuzz(func(t *testing.T, text string, year int) {
		s, e, ok := findDate(text, year)
		if !ok {
			return
		}
		if s < 0 || e > len(text) || s >= e || !strings.HasSuffix(text[s:e], itoa(year)) {
			t.Fatalf("findDate(%q, %d) = %d:%d", text, year, s, e)
		}
	})
}

func itoa(n int) string {
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		n = -n
	}
	d := []byte{}
	for {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
		if n == 0 {
			break
		}
	}
	b.Write(d)
	return b.String()
}

// FuzzMapAndTimelineQueries checks that no query string makes /api/map
// or /api/timeline fail other than with a 400 naming a parameter, and
// that what /api/map answers stays within its bounds.
func FuzzMapAndTimelineQueries(f *testing.F) {
	for _, s := range []string{"", "zoom=16", "zoom=0&view=-180,-90,180,90", "view=1,2,3", "zoom=99", "from=1936&to=1935",
		"q=zzzzqqq", "conflict=unknown", "zoom=3&view=170,-10,-170,10", "view=NaN,0,1,1", "zoom=1&zoom=2", "from=1936-01&to=1936-12&zoom=8"} {
		f.Add(s)
	}
	fx := newFixture(f)
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/map?", "/api/timeline?"} {
			resp, err := http.Get(fx.url + path + url.PathEscape(raw))
			if err != nil {
				t.Fatal(err)
			}
			var body struct {
				Error string
				Param string
				Cells []mapCell
			}
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			switch {
			case resp.StatusCode == 400 && body.Error != "": // a parameter called "" has no name to give
			case resp.StatusCode == 200 && len(body.Cells) <= maxCells:
			default:
				t.Fatalf("%s%s: %d %+v", path, raw, resp.StatusCode, body)
			}
		}
	})
}
