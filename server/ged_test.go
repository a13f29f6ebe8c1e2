package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/sample"
	"github.com/annalist/annalist/sqlite"
)

// newSampleServer serves a store holding the bundled sample article, read
// by the real extraction chain.
func newSampleServer(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x, err := extract.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := sample.Article()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Ingest(ctx, doc, a.Raw); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts.URL
}

type gedPage struct {
	TotalCount, TotalPages       int
	PreviousPageUrl, NextPageUrl string
	Result                       []map[string]any
}

func getGED(t *testing.T, u string) (int, gedPage) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p gedPage
	if resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
	return resp.StatusCode, p
}

func TestGEDAPIPagesLikeUCDPs(t *testing.T) {
	base := newSampleServer(t)
	// A UCDP client's request with only the base URL changed.
	code, p := getGED(t, base+"/api/gedevents/23.1?pagesize=6&page=0")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if p.TotalCount != 18 || p.TotalPages != 3 || p.PreviousPageUrl != "" || len(p.Result) != 6 ||
		!strings.HasSuffix(p.NextPageUrl, "/api/gedevents/23.1?page=1&pagesize=6") {
		t.Fatalf("page 0: %d events, %d pages, prev %q next %q, %d results", p.TotalCount, p.TotalPages, p.PreviousPageUrl, p.NextPageUrl, len(p.Result))
	}
	r := p.Result[0]
	if len(r) != len(export.CSVHeader) {
		t.Errorf("%d fields, want the CSV's %d", len(r), len(export.CSVHeader))
	}
	for _, col := range export.GEDColumns {
		if _, ok := r[col]; !ok {
			t.Errorf("result lacks %s", col)
		}
	}
	if _, ok := r["id"].(float64); !ok {
		t.Errorf("id = %#v, want a number", r["id"])
	}
	if _, ok := r["active_year"].(bool); !ok {
		t.Errorf("active_year = %#v, want a boolean", r["active_year"])
	}
	if r["gwnoa"] != "740" || r["side_a"] != "Government of Japan, Government of Manchukuo" {
		t.Errorf("first event: gwnoa %#v side_a %#v", r["gwnoa"], r["side_a"])
	}

	// Following NextPageUrl visits every event once.
	seen := map[float64]bool{}
	for next, pages := base+"/api/ged/events?pagesize=6", 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("NextPageUrl does not end")
		}
		_, p := getGED(t, next)
		for _, r := range p.Result {
			seen[r["id"].(float64)] = true
		}
		next = p.NextPageUrl
	}
	if len(seen) != 18 {
		t.Errorf("paging saw %d distinct events, want 18", len(seen))
	}
}

func TestGEDAPIFiltersByCountryAndDates(t *testing.T) {
	base := newSampleServer(t)
	tests := []struct {
		query   string
		want    int
		country float64
	}{
		{"Country=712", 4, 712},
		{"Country=365", 2, 365},
		{"Country=712,365", 6, 0},
		{"StartDate=1938-01-01&EndDate=1938-12-31", 1, 0},
		{"StartDate=1939-05-01&EndDate=1939-12-31&Country=712", 4, 712},
		{"TypeOfViolence=2", 0, 0},
	}
	for _, tt := range tests {
		code, p := getGED(t, base+"/api/ged/events?"+tt.query)
		if code != http.StatusOK || p.TotalCount != tt.want || len(p.Result) != tt.want {
			t.Errorf("%s: status %d, %d events (%d results), want %d", tt.query, code, p.TotalCount, len(p.Result), tt.want)
			continue
		}
		for _, r := range p.Result {
			if tt.country != 0 && r["country_id"] != tt.country {
				t.Errorf("%s: country_id %v", tt.query, r["country_id"])
			}
		}
	}
}

func TestGEDAPIRejectsBadParameters(t *testing.T) {
	base := newSampleServer(t)
	for _, q := range []string{"pagesize=0", "pagesize=1001", "page=-1", "StartDate=soon", "Country=abc",
		"TypeOfViolence=4", "StartDate=1939-01-01&EndDate=1938-01-01", "limit=5", "page=1&page=2"} {
		if code, _ := getGED(t, base+"/api/ged/events?"+q); code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, code)
		}
	}
}

func FuzzParseGEDQuery(f *testing.F) {
	for _, s := range []string{"pagesize=5&page=2", "StartDate=1939-05-01&EndDate=1939-12-31&Country=712,365",
		"TypeOfViolence=1,3", "Country=", "page=-1", "StartDate=%ff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		g, err := parseGEDQuery(q)
		if err != nil {
			if _, ok := ParamError(err); !ok {
				t.Fatalf("%q: error %v names no parameter", raw, err)
			}
			return
		}
		if g.pageSize < 1 || g.pageSize > gedMaxPageSize || g.page < 0 {
			t.Fatalf("%q: page %d size %d", raw, g.page, g.pageSize)
		}
	})
}
