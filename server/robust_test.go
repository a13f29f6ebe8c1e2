package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sqlite"
)

func TestWrongMethodIs405WithAllow(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		method, path string
		want         int
	}{
		{http.MethodPost, "/api/events", 405},
		{http.MethodDelete, "/api/events/0000000000000000", 405},
		{http.MethodPut, "/api/map", 405},
		{http.MethodPost, "/app.js", 405},
		{http.MethodPost, "/api/nope", 404},
		{http.MethodHead, "/api/events", 200},
	} {
		req, _ := http.NewRequest(tt.method, f.url+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, resp.StatusCode, tt.want)
		}
		if tt.want == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: Allow %q", tt.method, tt.path, resp.Header.Get("Allow"))
		}
	}
}

// manyEvents serves a real store of articles invented by synth.
func manyEvents(t testing.TB, articles, events int) (*sqlite.Store, int) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var batch []annalist.IngestItem
	for i := range articles {
		doc, raw := synth.Document(synth.Options{Title: fmt.Sprintf("Invented war %04d", i), Events: events, Seed: uint64(i), FirstYear: 1900 + i%90})
		batch = append(batch, annalist.IngestItem{Doc: doc, Raw: raw})
	}
	if _, _, err := st.IngestBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// Invented wars may tell the same clash twice, which the store merges
	// into one row: count the rows a download holds.
	n := 0
	if err := st.EachEvent(ctx, annalist.EventFilter{}, func(*annalist.StoredEvent) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n < articles*events*9/10 {
		t.Fatalf("%d rows of %d events", n, articles*events)
	}
	return st, n
}

// TestConcurrentCSVDownloadsComeWhole downloads a large CSV forty times
// at once: each must be the whole file (once, 15 of 40 were cut short
// behind a 200 by the handler's deadline).
func TestConcurrentCSVDownloadsComeWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store of 3,000 events")
	}
	st, n := manyEvents(t, 100, 30)
	s, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := "/api/events.csv"
			if i%2 == 1 {
				path = "/api/events.geojson"
			}
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				errs <- fmt.Errorf("%s: %w", path, err)
				return
			}
			switch {
			case resp.StatusCode != 200:
				errs <- fmt.Errorf("%s: %d", path, resp.StatusCode)
			case path == "/api/events.csv":
				rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
				if err != nil || len(rows) != n+1 {
					errs <- fmt.Errorf("csv: %d rows of %d, %v", len(rows), n+1, err)
				}
			default:
				var fc struct{ Features []json.RawMessage }
				if err := json.Unmarshal(body, &fc); err != nil || len(fc.Features) != n {
					errs <- fmt.Errorf("geojson: %d features of %d, %v", len(fc.Features), n, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// failingEvents is a real store whose event stream fails after some
// events, as a disk error or a deadline would.
type failingEvents struct {
	*sqlite.Store
	after int
}

func (f failingEvents) EachEvent(ctx context.Context, flt annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	n := 0
	return f.Store.EachEvent(ctx, flt, func(e *annalist.StoredEvent) error {
		if n++; n > f.after {
			return errors.New("disk I/O error")
		}
		return fn(e)
	})
}

// TestAFailedStreamIsNoWholeFile: an export that fails after it began
// must reach the client as a broken download, never as a 200 whose body
// ends in a JSON error; one that fails first is an error answer.
func TestAFailedStreamIsNoWholeFile(t *testing.T) {
	st, _ := manyEvents(t, 20, 100)
	for _, tt := range []struct {
		after int
		gzip  bool
	}{{1500, false}, {1500, true}, {0, false}} {
		s, err := New(failingEvents{st, tt.after}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(s)
		req, _ := http.NewRequest("GET", ts.URL+"/api/events.csv", nil)
		if tt.gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			// Aborted before even the header went out: an error too.
			ts.Close()
			if tt.after == 0 {
				t.Errorf("failing at once: %v, want an error answer", err)
			}
			continue
		}
		var r io.Reader = resp.Body
		if tt.gzip && resp.Header.Get("Content-Encoding") == "gzip" {
			if r, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(err)
			}
		}
		body, err := io.ReadAll(r)
		resp.Body.Close()
		ts.Close()
		if tt.after == 0 {
			if resp.StatusCode != 500 || !strings.Contains(string(body), `"error"`) {
				t.Errorf("failing at once: %d %q, want a 500 error answer", resp.StatusCode, body)
			}
			continue
		}
		if err == nil {
			t.Errorf("after %d events (gzip %v): the body read without error (%d bytes, ends %q)", tt.after, tt.gzip, len(body), body[max(0, len(body)-60):])
		}
		if bytes.Contains(body, []byte(`{"error"`)) {
			t.Errorf("after %d events: JSON appended to the CSV", tt.after)
		}
	}
}

func TestCSVCellsAreSpreadsheetSafeUnlessRaw(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	doc, raw := synth.Document(synth.Options{Title: "=HYPERLINK(\"http://x\")", Events: 1, Seed: 3})
	doc.Events[0].SideA = []string{"+cmd|' /C calc'!A0"}
	doc.Events[0].SideB = []string{"@SUM(1)"}
	if _, err := st.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	s, _ := New(st, nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	cells := func(path string) map[string]string {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		rows, err := csv.NewReader(resp.Body).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("%s: %d rows, %v", path, len(rows), err)
		}
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = rows[1][i]
		}
		return m
	}
	safe := cells("/api/events.csv")
	for col, want := range map[string]string{"side_a": "'+cmd|' /C calc'!A0", "side_b": "'@SUM(1)", "source_article": `'=HYPERLINK("http://x")`} {
		if safe[col] != want {
			t.Errorf("%s = %q, want %q", col, safe[col], want)
		}
	}
	if safe["latitude"] != "" && strings.HasPrefix(safe["latitude"], "'") {
		t.Errorf("a number was quoted: %q", safe["latitude"])
	}
	raw1 := cells("/api/events.csv?raw=1")
	if raw1["side_b"] != "@SUM(1)" {
		t.Errorf("raw=1: side_b = %q", raw1["side_b"])
	}
	if resp, _ := http.Get(ts.URL + "/api/events.csv?raw=yes"); resp.StatusCode != 400 {
		t.Errorf("raw=yes: %d, want 400", resp.StatusCode)
	}
}

// TestMapIsBinnedAndBounded checks /api/map against the events it bins:
// every located event in exactly one cell, and never more than maxCells
// cells whatever the zoom asked for.
func TestMapIsBinnedAndBounded(t *testing.T) {
	f := newFixture(t)
	var all struct{ Events []point }
	f.getJSON(t, "/api/points", &all)
	located := 0
	for _, p := range all.Events {
		if p.Lat != nil {
			located++
		}
	}
	for _, zoom := range []string{"0", "4", "16"} {
		var m mapAnswer
		f.getJSON(t, "/api/map?zoom="+zoom, &m)
		sum := 0
		for _, c := range m.Cells {
			sum += c.N
			if c.Key == "" {
				t.Errorf("zoom %s: a cell with no event key", zoom)
			}
		}
		if m.Events != len(all.Events) || m.Located != located || sum != located {
			t.Errorf("zoom %s: events %d located %d in cells %d; want %d, %d, %d", zoom, m.Events, m.Located, sum, len(all.Events), located, located)
		}
	}
	// The brush's dates select as /api/events does.
	var m mapAnswer
	f.getJSON(t, "/api/map?from=1960&to=1961-06", &m)
	var page annalist.EventPage
	f.getJSON(t, "/api/events?from=1960&to=1961-06&limit=1000", &page)
	if m.Events != page.Total {
		t.Errorf("from=1960&to=1961-06: map counts %d events, /api/events %d", m.Events, page.Total)
	}
	for _, bad := range []string{"zoom=17", "zoom=-1", "view=1,2", "zoom=1&zoom=2", "frm=1936"} {
		if resp, _ := f.get(t, "/api/map?"+bad); resp.StatusCode != 400 {
			t.Errorf("/api/map?%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

// TestBinMapCoarsensPastMaxCells bins events spread all over the world
// at the finest zoom: the answer must coarsen to at most maxCells cells,
// keep every event, and stay small once compressed.
func TestBinMapCoarsensPastMaxCells(t *testing.T) {
	set := &spotSet{}
	for i := range 200_000 {
		// A low-discrepancy spread: no two events in one fine cell.
		lat := math.Mod(float64(i)*0.618033988749, 1)*170 - 85
		lon := math.Mod(float64(i)*0.754877666247, 1)*359 - 179.5
		set.spots = append(set.spots, spot{key: uint64(i), first: int32(i % 3000), last: int32(i % 3000), lat: float32(lat), lon: float32(lon), dead: int32(i % 7)})
	}
	m := binMap(set, annalist.EventFilter{}, nil, maxZoom)
	sum := 0
	for _, c := range m.Cells {
		sum += c.N
	}
	if len(m.Cells) > maxCells || sum != len(set.spots) || m.Zoom >= maxZoom {
		t.Errorf("%d cells at zoom %d holding %d events; want at most %d holding %d", len(m.Cells), m.Zoom, sum, maxCells, len(set.spots))
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	json.NewEncoder(gz).Encode(m)
	gz.Close()
	if buf.Len() > 100<<10 {
		t.Errorf("the map of 200,000 events is %d bytes gzipped, want under 100 kB", buf.Len())
	}
}

func TestTimelineBinsByMonthOrYear(t *testing.T) {
	day := func(y, m, d int) int32 { return int32(annalist.DayDate(y, m, d).DayNumber()) }
	set := &spotSet{spots: []spot{
		{first: day(1936, 3, 1), last: day(1936, 3, 1)},
		{first: day(1936, 3, 30), last: day(1936, 4, 2)},
		{first: day(1936, 6, 1), last: day(1936, 6, 1)},
		{first: noDay},
	}}
	got := binTimeline(set)
	if got.Unit != "month" || got.Start != "1936-03" || fmt.Sprint(got.Counts) != "[2 0 0 1]" || got.Undated != 1 || got.Events != 4 {
		t.Errorf("months: %+v", got)
	}
	set.spots = append(set.spots, spot{first: day(1036, 1, 1), last: day(1036, 1, 1)})
	got = binTimeline(set)
	if got.Unit != "year" || got.Start != "1036" || len(got.Counts) != 901 || got.Counts[0] != 1 || got.Counts[900] != 3 {
		t.Errorf("years: unit %s start %s %d bins", got.Unit, got.Start, len(got.Counts))
	}
	if got := binTimeline(&spotSet{spots: []spot{{first: noDay}}}); got.Start != "" || len(got.Counts) != 0 {
		t.Errorf("nothing dated: %+v", got)
	}
}

// deadlineProbe is a real store that records whether the event stream's
// context carries a deadline.
type deadlineProbe struct {
	*sqlite.Store
	mu       sync.Mutex
	deadline map[bool]int
}

func (d *deadlineProbe) EachEvent(ctx context.Context, f annalist.EventFilter, fn func(*annalist.StoredEvent) error) error {
	_, has := ctx.Deadline()
	d.mu.Lock()
	d.deadline[has]++
	d.mu.Unlock()
	return d.Store.EachEvent(ctx, f, fn)
}

// TestStreamsHaveNoWholeRequestDeadline: a large export to a slow client
// may take longer than any page; only each write is bounded.
func TestStreamsHaveNoWholeRequestDeadline(t *testing.T) {
	st, _ := manyEvents(t, 2, 5)
	probe := &deadlineProbe{Store: st, deadline: map[bool]int{}}
	s, _ := New(probe, nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, p := range []string{"/api/events.csv", "/api/events.geojson"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if probe.deadline[true] != 0 || probe.deadline[false] != 2 {
		t.Errorf("streams with a deadline: %d, without: %d; want 0 and 2", probe.deadline[true], probe.deadline[false])
	}
}

// TestBinMapStartsNoFinerThanItsViewNeeds: asking for the finest grid
// over the whole world must not make a cell of every event first.
func TestBinMapStartsNoFinerThanItsViewNeeds(t *testing.T) {
	set := &spotSet{}
	for i := range 50_000 {
		lat := math.Mod(float64(i)*0.618033988749, 1)*170 - 85
		lon := math.Mod(float64(i)*0.754877666247, 1)*359 - 179.5
		set.spots = append(set.spots, spot{key: uint64(i), first: noDay, lat: float32(lat), lon: float32(lon), dead: -1})
	}
	for _, tt := range []struct {
		view    *annalist.BBox
		maxZoom int
	}{
		{nil, 6},
		{&annalist.BBox{MinLon: 10, MinLat: 40, MaxLon: 12, MaxLat: 41}, 14},
	} {
		m := binMap(set, annalist.EventFilter{}, tt.view, maxZoom)
		if m.Zoom > tt.maxZoom {
			t.Errorf("view %v: grid of zoom %d, want at most %d", tt.view, m.Zoom, tt.maxZoom)
		}
	}
}
