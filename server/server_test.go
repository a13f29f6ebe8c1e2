package server

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sqlite"
)

type fixture struct {
	url   string
	store *sqlite.Store
	alpha *annalist.Document
	raw   []byte
}

// newFixture serves two invented articles from a real store on a real
// listening server.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	alpha, raw := synth.Document(synth.Options{Title: "Alpha war", Events: 30, Seed: 1, FirstYear: 1935, Markup: true})
	beta, rawB := synth.Document(synth.Options{Title: "Beta war", Events: 12, Seed: 2, FirstYear: 1960})
	for _, d := range []struct {
		doc *annalist.Document
		raw []byte
	}{{alpha, raw}, {beta, rawB}} {
		if _, err := st.Ingest(ctx, d.doc, d.raw); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &fixture{url: ts.URL, store: st, alpha: alpha, raw: raw}
}

func (f *fixture) get(t *testing.T, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func (f *fixture) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	resp, body := f.get(t, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func TestConflictsAndTheirRecords(t *testing.T) {
	f := newFixture(t)
	var list struct{ Conflicts []annalist.ConflictSummary }
	f.getJSON(t, "/api/conflicts", &list)
	if len(list.Conflicts) != 2 || list.Conflicts[0].Name != "Alpha war" || list.Conflicts[0].Events != 30 || list.Conflicts[1].Start != annalist.YearDate(1960) {
		t.Fatalf("conflicts = %+v", list.Conflicts)
	}
	var c annalist.StoredConflict
	f.getJSON(t, "/api/conflicts/"+list.Conflicts[0].Key, &c)
	if fate := c.Record.Sides[0].Commanders[1].Fate; fate == nil || *fate != "killed in action" {
		t.Errorf("commander fate lost: %+v", c.Record.Sides[0].Commanders)
	}
	if got := c.Record.Sides[0].Casualties[0]; *got.Low != 700 || *got.High != 1200 || *got.AccordingTo != "Ruritanian sources" {
		t.Errorf("casualty figure = %+v", got)
	}
}

func TestEventFiltersAndPaging(t *testing.T) {
	f := newFixture(t)
	count := func(keep func(e *annalist.Event) bool) int {
		n := 0
		for i := range f.alpha.Events {
			if keep(&f.alpha.Events[i]) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		query string
		want  int
	}{
		{"", 42},
		{"conflict=" + annalist.ArticleKey("Beta war"), 12},
		{"from=1936&to=1936", count(func(e *annalist.Event) bool { return e.DateStart.Year == 1936 })},
		{"side=Syldavia", -1},
		{"q=" + url.QueryEscape("Syldavia troops"), -1},
		{"bbox=120,40,180,60&to=1950", count(func(e *annalist.Event) bool { return *e.Place.Lon >= 120 })},
	}
	for _, tt := range tests {
		var page annalist.EventPage
		f.getJSON(t, "/api/events?"+tt.query, &page)
		if tt.want >= 0 && page.Total != tt.want {
			t.Errorf("%q: total %d, want %d", tt.query, page.Total, tt.want)
		}
		if page.Total == 0 {
			t.Errorf("%q selects nothing; the case proves little", tt.query)
		}
		if len(page.Events) != min(page.Total, 100) {
			t.Errorf("%q: %d events on the first page of %d", tt.query, len(page.Events), page.Total)
		}
	}
	var page annalist.EventPage
	f.getJSON(t, "/api/events?limit=5&offset=40", &page)
	if page.Total != 42 || len(page.Events) != 2 || page.Limit != 5 || page.Offset != 40 || page.Events[1].ArticleTitle != "Beta war" {
		t.Errorf("last page = total %d, %d events", page.Total, len(page.Events))
	}
}

func TestBadParametersAre400NamingTheParameter(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ query, param string }{
		{"from=1936-13", "from"},
		{"from=yesterday", "from"},
		{"from=1937&to=1936", "to"},
		{"bbox=1,2,3", "bbox"},
		{"bbox=10,0,5,1", "bbox"},
		{"bbox=0,0,200,1", "bbox"},
		{"bbox=a,0,1,1", "bbox"},
		{"limit=0", "limit"},
		{"limit=5000", "limit"},
		{"limit=ten", "limit"},
		{"offset=-1", "offset"},
		{"q=%21%21%21", "q"},
		{"colour=red", "colour"},
		{"side=A&side=B", "side"},
	}
	for _, tt := range tests {
		resp, body := f.get(t, "/api/events?"+tt.query)
		var e struct{ Error, Param string }
		json.Unmarshal(body, &e)
		if resp.StatusCode != http.StatusBadRequest || e.Param != tt.param || e.Error == "" {
			t.Errorf("%q: %d %s, want 400 naming %q", tt.query, resp.StatusCode, body, tt.param)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%q: content type %q", tt.query, ct)
		}
	}
	if resp, _ := f.get(t, "/api/conflicts?x=1"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("parameter to /api/conflicts: %d, want 400", resp.StatusCode)
	}
}

func TestUnknownPathsAre404(t *testing.T) {
	f := newFixture(t)
	for _, p := range []string{"/nope", "/api/nope", "/api/events/0000000000000000", "/api/articles/zz", "/api/conflicts/zz", "/web/test/explorer.mjs", "/a/b"} {
		if resp, body := f.get(t, p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d %s, want 404", p, resp.StatusCode, body)
		}
	}
}

func TestNoEndpointWrites(t *testing.T) {
	f := newFixture(t)
	for _, p := range []string{"/api/events", "/api/articles/x", "/"} {
		resp, err := http.Post(f.url+p, "application/json", strings.NewReader(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("POST %s: %d, Allow %q; want 405 with Allow: GET, HEAD", p, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	resp, _ := f.get(t, "/api/events?q="+strings.Repeat("x", 5000))
	if resp.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("5 kB query string: %d, want 414", resp.StatusCode)
	}
}

func TestEventDetailMarksTheBytesOfEachValue(t *testing.T) {
	f := newFixture(t)
	want := f.alpha.Events[3]
	var d struct {
		Key         string
		ConflictKey string `json:"conflict_key"`
		Event       annalist.Event
		Evidence    []markedEvidence
		Links       map[string]string
	}
	f.getJSON(t, "/api/events/"+annalist.EventKey("Alpha war", want.ID), &d)
	if d.Event.ID != want.ID || d.ConflictKey != annalist.ArticleKey("Alpha war") || d.Links["article"] != "/api/articles/"+annalist.ArticleKey("Alpha war") {
		t.Fatalf("detail = %+v", d)
	}
	if len(d.Evidence) != 1 {
		t.Fatalf("%d evidence sentences", len(d.Evidence))
	}
	ev := d.Evidence[0]
	got := map[string]string{}
	for _, m := range ev.Marks {
		got[m.Field] = ev.Text[m.Start:m.End]
	}
	for field, c := range map[string]*annalist.Count{"deaths_a": want.DeathsA, "deaths_b": want.DeathsB, "wounded_a": want.WoundedA} {
		if got[field] != c.Text {
			t.Errorf("%s marked %q, want %q", field, got[field], c.Text)
		}
	}
	d0 := want.DateStart
	if wantDate := fmt.Sprintf("%d %s %d", d0.Day, monthName(d0.Month), d0.Year); got["date"] != wantDate {
		t.Errorf("date marked %q, want %q", got["date"], wantDate)
	}
	if got["place"] != want.Place.Text {
		t.Errorf("place marked %q, want %q", got["place"], want.Place.Text)
	}
}

func TestArticleTextCarriesExtractedRanges(t *testing.T) {
	f := newFixture(t)
	var a struct {
		Title  string
		Text   string
		UTF8   bool `json:"utf8"`
		Ranges []Range
	}
	f.getJSON(t, "/api/articles/"+annalist.ArticleKey("Alpha war"), &a)
	if a.Text != string(f.raw) || !a.UTF8 {
		t.Fatalf("text differs from the source (%d vs %d bytes)", len(a.Text), len(f.raw))
	}
	kinds := map[string]int{}
	for _, r := range a.Ranges {
		kinds[r.Kind]++
		if r.Text != "" && a.Text[r.Start:r.End] != r.Text {
			t.Errorf("range %d:%d (%s) holds %q, not %q", r.Start, r.End, r.Field, a.Text[r.Start:r.End], r.Text)
		}
	}
	if kinds["evidence"] != 30 || kinds["count"] != 90 || kinds["claim"] != 1 || kinds["date"] < 30 {
		t.Errorf("ranges by kind = %v", kinds)
	}
}

func TestCountsByYearAndSide(t *testing.T) {
	f := newFixture(t)
	var c struct{ Counts []annalist.YearSideCount }
	f.getJSON(t, "/api/counts?conflict="+annalist.ArticleKey("Beta war"), &c)
	total := 0
	for _, r := range c.Counts {
		if r.Year < 1960 {
			t.Errorf("row %+v from the other conflict", r)
		}
		if r.Side == "Borduria" || r.Side == "Sylvania" || r.Side == "Symkaria" {
			total += r.Events // every event has exactly one of these as side B
		}
	}
	if total != 12 {
		t.Errorf("side-B rows count %d events, want 12", total)
	}
}

func TestCSVAndGeoJSONOfAQuery(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/api/events.csv?from=1960")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 || rows[0][0] != "id" || rows[1][19] != "Beta war" {
		t.Errorf("CSV: %d rows, first %v", len(rows), rows[1])
	}
	var fc struct{ Features []json.RawMessage }
	f.getJSON(t, "/api/events.geojson?conflict="+annalist.ArticleKey("Alpha war"), &fc)
	if len(fc.Features) != 30 {
		t.Errorf("GeoJSON: %d features, want 30", len(fc.Features))
	}
	if resp, _ := f.get(t, "/api/events.csv?bbox=x"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad CSV query: %d", resp.StatusCode)
	}
}

func TestPointsCoverEveryEvent(t *testing.T) {
	f := newFixture(t)
	var p struct{ Events []point }
	f.getJSON(t, "/api/points?from=1935-01&to=1935-12", &p)
	first := annalist.DayDate(1935, 1, 1).DayNumber() - epochDay
	last := annalist.DayDate(1935, 12, 31).DayNumber() - epochDay
	if len(p.Events) == 0 {
		t.Fatal("no events in 1935")
	}
	for _, e := range p.Events {
		if e.First == nil || *e.Last < first || *e.First > last || e.Lat == nil || !e.Known || e.Dead <= 0 {
			t.Errorf("point %+v", e)
		}
	}
}

func TestResponsesAreCompressedAndRevalidated(t *testing.T) {
	f := newFixture(t)
	resp, body := f.get(t, "/api/events?limit=50", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !json.Valid(plain) || len(plain) <= len(body) {
		t.Errorf("gzip body: %d bytes → %d, valid JSON %v, %v", len(body), len(plain), json.Valid(plain), err)
	}
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	resp, body = f.get(t, "/api/events?limit=50", "If-None-Match", etag)
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("revalidation: %d with %d bytes, want 304", resp.StatusCode, len(body))
	}
	// New data, new ETag.
	doc, raw := synth.Document(synth.Options{Title: "Gamma war", Events: 2, Seed: 3})
	if _, err := f.store.Ingest(context.Background(), doc, raw); err != nil {
		t.Fatal(err)
	}
	if resp, _ = f.get(t, "/api/events?limit=50", "If-None-Match", etag); resp.StatusCode != http.StatusOK {
		t.Errorf("after an ingest: %d, want 200", resp.StatusCode)
	}
	// The explorer's own files too.
	resp, body = f.get(t, "/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `<script type="module" src="/app.js">`) || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Fatalf("index: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	if resp, _ = f.get(t, "/", "If-None-Match", resp.Header.Get("ETag")); resp.StatusCode != http.StatusNotModified {
		t.Errorf("index revalidation: %d", resp.StatusCode)
	}
	if resp, _ = f.get(t, "/app.js"); !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("app.js served as %q", resp.Header.Get("Content-Type"))
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		DefaultAddr: true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.4:80": false, "nonsense": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestFindMonth(t *testing.T) {
	tests := []struct {
		text  string
		month int
		want  string
	}{
		{"On February 12, Sugimoto's men attacked", 2, "February 12"},
		{"On 12 February the men attacked", 2, "12 February"},
		{"More attempts occurred in January, with", 1, "January"},
		{"Mayhem followed in the Mayfield hills", 5, ""},
		{"In May they withdrew", 5, "May"},
	}
	for _, tt := range tests {
		s, e, ok := findMonth(tt.text, tt.month)
		got := ""
		if ok {
			got = tt.text[s:e]
		}
		if got != tt.want {
			t.Errorf("findMonth(%q, %d) = %q, want %q", tt.text, tt.month, got, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct {
		text string
		year int
		want string
	}{
		{"On 12 June 1936, troops clashed", 1936, "12 June 1936"},
		{"On June 12, 1936, troops clashed", 1936, "June 12, 1936"},
		{"In June 1936 troops clashed", 1936, "June 1936"},
		{"In 1936 troops clashed", 1936, "1936"},
		{"In Sept. 1936", 1936, "Sept. 1936"},
		{"12 killed (1936)", 1936, "1936"},
		{"There were 19360 men; in 1936 none", 1936, "1936"},
		{"no year here", 1936, ""},
	}
	for _, tt := range tests {
		s, e, ok := findDate(tt.text, tt.year)
		got := ""
		if ok {
			got = tt.text[s:e]
		}
		if got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func monthName(m int) string {
	return strings.ToUpper(monthNames[m-1][:1]) + monthNames[m-1][1:]
}
