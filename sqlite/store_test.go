package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// tableCounts reads every table's row count, including the index tables
// that cascades do not reach.
func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"articles", "conflicts", "events", "side_events", "claims", "event_text"} {
		var n int
		if err := s.reader.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

func TestOpenRunsMigrationsOnceAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != len(migrations) {
			t.Errorf("open #%d: schema version %d, %v; want %d", i+1, v, err, len(migrations))
		}
		var mode string
		s.reader.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if mode != "wal" {
			t.Errorf("journal_mode = %q, want wal", mode)
		}
		s.Close()
	}
}

func TestOpenRefusesADevelopmentSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// What a development build's first schema lacked.
	if _, err := s.writer.Exec(`ALTER TABLE generation DROP COLUMN max_span`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "development build") {
		t.Errorf("open: %v, want a development-build error", err)
	}
}

func TestIngestStoresEveryPartOfTheDocument(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 5, Seed: 1})
	res, err := s.Ingest(ctx, doc, raw)
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped || res.Replaced || res.Events != 5 || res.Claims != 1 || res.Conflicts != 1 {
		t.Errorf("result = %+v", res)
	}
	got := tableCounts(t, s)
	want := map[string]int{"articles": 1, "conflicts": 1, "events": 5, "side_events": 10, "claims": 1, "event_text": 5}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d rows, want %d", k, got[k], v)
		}
	}
	a, err := s.Article(ctx, res.Key)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Raw) != string(raw) || a.Document.Events[2].Evidence[0].Text != doc.Events[2].Evidence[0].Text {
		t.Errorf("article round trip lost text")
	}
	e, err := s.Event(ctx, annalist.EventKey(doc.Article.Title, "e3"))
	if err != nil {
		t.Fatal(err)
	}
	if *e.Event.DeathsA.Low != *doc.Events[2].DeathsA.Low || e.ConflictName != doc.Conflict.Name || e.ArticleKey != res.Key {
		t.Errorf("event e3 = %+v", e)
	}
	c, err := s.Conflict(ctx, res.Key)
	if err != nil {
		t.Fatal(err)
	}
	if c.Record.Sides[0].Commanders[1].Fate == nil || *c.Record.Sides[0].Commanders[1].Fate != "killed in action" || c.Events != 5 {
		t.Errorf("conflict = %+v", c)
	}
	if _, err := s.Event(ctx, "nope"); !errors.Is(err, annalist.ErrNotFound) {
		t.Errorf("unknown event: %v, want ErrNotFound", err)
	}
}

func TestReingestSameTextIsSkipped(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 4, Seed: 2})
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	before := tableCounts(t, s)
	gen, _ := s.Generation(ctx)
	res, err := s.Ingest(ctx, doc, raw)
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(ctx); g != gen || gen != 1 {
		t.Errorf("generation %d after a skipped ingest, want %d (and 1)", g, gen)
	}
	if !res.Skipped {
		t.Errorf("second ingest of the same text: %+v, want skipped", res)
	}
	after := tableCounts(t, s)
	for k := range before {
		if before[k] != after[k] {
			t.Errorf("%s: %d rows before, %d after", k, before[k], after[k])
		}
	}
}

func TestReingestNewTextReplacesOldRows(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	old, raw := synth.Document(synth.Options{Events: 6, Seed: 3})
	if _, err := s.Ingest(ctx, old, raw); err != nil {
		t.Fatal(err)
	}
	newer, raw2 := synth.Document(synth.Options{Events: 2, Seed: 4, FirstYear: 1950})
	res, err := s.Ingest(ctx, newer, raw2)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.Skipped {
		t.Errorf("result = %+v, want replaced", res)
	}
	if g, _ := s.Generation(ctx); g != 2 {
		t.Errorf("generation %d after two ingests, want 2", g)
	}
	got := tableCounts(t, s)
	want := map[string]int{"articles": 1, "conflicts": 1, "events": 2, "side_events": 4, "claims": 1, "event_text": 2}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d rows, want %d", k, got[k], v)
		}
	}
	page, err := s.Events(ctx, annalist.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Events {
		if e.Event.DateStart.Year < 1950 {
			t.Errorf("old event %s (%s) survived", e.Key, e.Event.DateStart)
		}
	}
	// The old text's words are gone from the full-text index too.
	for q, want := range map[string]int{"1935": 0, "1950": 2} {
		page, err := s.Events(ctx, annalist.EventFilter{Query: q})
		if err != nil || page.Total != want {
			t.Errorf("query %q: %d events, %v; want %d", q, page.Total, err, want)
		}
	}
}

func TestFailedIngestLeavesDatabaseAsItWas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	good, raw := synth.Document(synth.Options{Events: 3, Seed: 5})
	if _, err := s.Ingest(ctx, good, raw); err != nil {
		t.Fatal(err)
	}
	before := tableCounts(t, s)

	tests := []struct {
		name string
		doc  func() (*annalist.Document, context.Context)
	}{
		{"record that cannot be encoded, after the old version was deleted", func() (*annalist.Document, context.Context) {
			bad, _ := synth.Document(synth.Options{Events: 8, Seed: 6})
			nan := math.NaN()
			bad.Events[6].Place.Lat = &nan // rejected by encoding/json mid-ingest
			return bad, ctx
		}},
		{"evidence with an impossible byte range, after the old version was deleted", func() (*annalist.Document, context.Context) {
			bad, _ := synth.Document(synth.Options{Events: 8, Seed: 7})
			bad.Events[7].Evidence[0].Start = -5
			return bad, ctx
		}},
		{"cancelled context", func() (*annalist.Document, context.Context) {
			bad, _ := synth.Document(synth.Options{Events: 8, Seed: 8})
			c, cancel := context.WithCancel(ctx)
			cancel()
			return bad, c
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad, c := tt.doc()
			if _, err := s.Ingest(c, bad, []byte("new text")); err == nil {
				t.Fatal("ingest succeeded, want an error")
			}
			after := tableCounts(t, s)
			for k := range before {
				if before[k] != after[k] {
					t.Errorf("%s: %d rows before, %d after the failed ingest", k, before[k], after[k])
				}
			}
			a, err := s.Article(ctx, annalist.ArticleKey(good.Article.Title))
			if err != nil || a.SHA256 != good.Article.SHA256 {
				t.Errorf("stored article after failure: %v, sha %v", err, a)
			}
		})
	}
	// The store still takes writes afterwards.
	if _, err := s.Ingest(ctx, &annalist.Document{Article: annalist.ArticleRef{Title: "Other", SHA256: "x"}}, nil); err != nil {
		t.Errorf("ingest after failures: %v", err)
	}
}

func TestBatchLeavesOutOnlyTheFailingDocument(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	old, raw := synth.Document(synth.Options{Title: "B", Events: 3, Seed: 40})
	if _, err := s.Ingest(ctx, old, raw); err != nil {
		t.Fatal(err)
	}
	a, rawA := synth.Document(synth.Options{Title: "A", Events: 2, Seed: 41})
	bad, _ := synth.Document(synth.Options{Title: "B", Events: 9, Seed: 42})
	bad.Events[8].Evidence[0].Start = -1 // refused after the old B was deleted
	c, rawC := synth.Document(synth.Options{Title: "C", Events: 4, Seed: 43})
	res, errs, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: a, Raw: rawA}, {Doc: bad, Raw: []byte("x")}, {Doc: c, Raw: rawC}})
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[1] == nil || errs[2] != nil || res[0].Events != 2 || res[2].Events != 4 {
		t.Fatalf("results %+v, errors %v", res, errs)
	}
	got := tableCounts(t, s)
	if got["articles"] != 3 || got["events"] != 2+3+4 || got["event_text"] != got["events"] {
		t.Errorf("rows = %v, want A, the old B and C", got)
	}
	stored, err := s.Article(ctx, annalist.ArticleKey("B"))
	if err != nil || stored.SHA256 != old.Article.SHA256 {
		t.Errorf("B after its failed replacement: %v %v", stored, err)
	}
}

func TestReadersKeepWorkingDuringIngest(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const title = "Reader test"
	docs := make([]*annalist.Document, 2)
	raws := make([][]byte, 2)
	sizes := []int{40, 70}
	for i := range docs {
		docs[i], raws[i] = synth.Document(synth.Options{Title: title, Events: sizes[i], Seed: uint64(10 + i)})
	}
	if _, err := s.Ingest(ctx, docs[0], raws[0]); err != nil {
		t.Fatal(err)
	}

	var stop atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				page, err := s.Events(ctx, annalist.EventFilter{Limit: 500})
				if err != nil {
					errs <- err
					return
				}
				// A reader sees one whole version, never a mix.
				if len(page.Events) != sizes[0] && len(page.Events) != sizes[1] {
					errs <- errors.New("reader saw a half-written article")
					return
				}
				reads.Add(1)
			}
		}()
	}
	for i := 0; i < 20; i++ {
		k := (i + 1) % 2
		if _, err := s.Ingest(ctx, docs[k], raws[k]); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if reads.Load() == 0 {
		t.Error("no read completed")
	}
	// Readers, the writer and the background checkpoints shared the
	// file; it must have come through whole.
	var check string
	if err := s.writer.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
}

func TestEventFilters(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a, rawA := synth.Document(synth.Options{Title: "Alpha war", Events: 30, Seed: 20, FirstYear: 1935})
	b, rawB := synth.Document(synth.Options{Title: "Beta war", Events: 10, Seed: 21, FirstYear: 1960})
	for _, d := range []struct {
		doc *annalist.Document
		raw []byte
	}{{a, rawA}, {b, rawB}} {
		if _, err := s.Ingest(ctx, d.doc, d.raw); err != nil {
			t.Fatal(err)
		}
	}
	all := append(append([]annalist.Event{}, a.Events...), b.Events...)
	count := func(keep func(e *annalist.Event) bool) int {
		n := 0
		for i := range all {
			if keep(&all[i]) {
				n++
			}
		}
		return n
	}
	y1936 := annalist.YearDate(1936)
	bbox := &annalist.BBox{MinLon: 125, MinLat: 47, MaxLon: 130, MaxLat: 50}
	tests := []struct {
		name   string
		filter annalist.EventFilter
		want   int
	}{
		{"everything", annalist.EventFilter{}, 40},
		{"one year", annalist.EventFilter{From: y1936, To: y1936}, count(func(e *annalist.Event) bool { return e.DateStart.Year == 1936 })},
		{"from a month on", annalist.EventFilter{From: annalist.MonthDate(1960, 3)}, count(func(e *annalist.Event) bool {
			return e.DateStart.Compare(annalist.DayDate(1960, 3, 1)) >= 0
		})},
		{"side, either column, any case", annalist.EventFilter{Side: "borduria"}, count(func(e *annalist.Event) bool { return e.SideB[0] == "Borduria" })},
		{"side and a year", annalist.EventFilter{Side: "Borduria", From: y1936, To: y1936}, count(func(e *annalist.Event) bool {
			return e.SideB[0] == "Borduria" && e.DateStart.Year == 1936
		})},
		{"conflict", annalist.EventFilter{Conflict: annalist.ArticleKey("Beta war")}, 10},
		{"bounding box", annalist.EventFilter{BBox: bbox}, count(func(e *annalist.Event) bool {
			return *e.Place.Lon >= 125 && *e.Place.Lon <= 130 && *e.Place.Lat >= 47 && *e.Place.Lat <= 50
		})},
		{"full text", annalist.EventFilter{Query: "Syldavia"}, count(func(e *annalist.Event) bool { return e.SideA[0] == "Syldavia" })},
		{"full text prefix and syntax characters", annalist.EventFilter{Query: `"Syldav`}, count(func(e *annalist.Event) bool { return e.SideA[0] == "Syldavia" })},
		{"full text, two words", annalist.EventFilter{Query: "Freedonia Sylvania"}, count(func(e *annalist.Event) bool { return e.SideA[0] == "Freedonia" })},
		{"no match", annalist.EventFilter{Query: "zeppelin"}, 0},
		{"full text and dates", annalist.EventFilter{Query: "Syldavia", From: annalist.YearDate(1936)}, count(func(e *annalist.Event) bool {
			return e.SideA[0] == "Syldavia" && e.DateStart.Year >= 1936
		})},
		{"full text, side and box", annalist.EventFilter{Query: "Syldavia", Side: "Borduria", BBox: bbox}, count(func(e *annalist.Event) bool {
			return e.SideA[0] == "Syldavia" && *e.Place.Lon >= 125 && *e.Place.Lon <= 130 && *e.Place.Lat >= 47 && *e.Place.Lat <= 50
		})},
	}
	// Each filter is answered by both plans: matches listed and sorted,
	// and (dense) the date index walked with each event tested.
	for _, plan := range []struct {
		name    string
		denseAt int
	}{{"sparse", denseAt}, {"dense", 1}} {
		s.denseAt = plan.denseAt
		for _, tt := range tests {
			t.Run(plan.name+"/"+tt.name, func(t *testing.T) {
				if tt.want == 0 && tt.name != "no match" {
					t.Fatalf("fixture selects nothing for %s; the test would prove little", tt.name)
				}
				page, err := s.Events(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				if page.Total != tt.want || len(page.Events) != tt.want {
					t.Errorf("total %d, %d events; want %d", page.Total, len(page.Events), tt.want)
				}
				for i := 1; i < len(page.Events); i++ {
					if page.Events[i].Event.DateStart.Compare(page.Events[i-1].Event.DateStart) < 0 {
						t.Errorf("events out of date order at %d", i)
					}
				}
				// A page is the same slice of the whole list, with the
				// same total, whichever way it is read.
				paged := tt.filter
				paged.Limit, paged.Offset = 3, 2
				got, err := s.Events(ctx, paged)
				if err != nil {
					t.Fatal(err)
				}
				want := page.Events[min(2, len(page.Events)):min(5, len(page.Events))]
				if got.Total != tt.want || len(got.Events) != len(want) {
					t.Fatalf("page 3+2: total %d, %d events; want %d, %d", got.Total, len(got.Events), tt.want, len(want))
				}
				for i := range want {
					if got.Events[i].Key != want[i].Key {
						t.Errorf("page 3+2: event %d is %s, want %s", i, got.Events[i].Key, want[i].Key)
					}
				}
				var streamed []string
				if err := s.EachEvent(ctx, paged, func(e *annalist.StoredEvent) error {
					streamed = append(streamed, e.Key)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				if len(streamed) != len(want) {
					t.Errorf("EachEvent page 3+2: %d events, want %d", len(streamed), len(want))
				}
			})
		}
	}
	s.denseAt = denseAt

	page, err := s.Events(ctx, annalist.EventFilter{Limit: 7, Offset: 35})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 40 || len(page.Events) != 5 || page.Events[0].Event.ID != "e6" || page.Events[0].ArticleTitle != "Beta war" {
		t.Errorf("paging: total %d, %d events, first %+v", page.Total, len(page.Events), page.Events[0].Event.ID)
	}
}

func TestCountsByYearAndSide(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 25, Seed: 30})
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	type key struct {
		year int
		side string
	}
	want := map[key]annalist.YearSideCount{}
	for _, e := range doc.Events {
		for _, side := range append(append([]string{}, e.SideA...), e.SideB...) {
			k := key{e.DateStart.Year, side}
			c := want[k]
			c.Year, c.Side = k.year, k.side
			c.Events++
			c.Deaths += e.DeathsBest()
			want[k] = c
		}
	}
	got, err := s.Counts(ctx, annalist.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d rows, want %d", len(got), len(want))
	}
	for _, c := range got {
		if w := want[key{c.Year, c.Side}]; w != c {
			t.Errorf("%d %s: %+v, want %+v", c.Year, c.Side, c, w)
		}
	}
}

func TestMatchExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khalkhin Gol", `"Khalkhin" "Gol"*`},
		{`"); DROP TABLE events; --`, `"DROP" "TABLE" "events"*`},
		{"Lake Khasan* OR", `"Lake" "Khasan" "OR"*`},
		{"!!!", ""},
		{"Sōkō", `"Sōkō"*`},
	}
	for _, tt := range tests {
		if got := MatchExpr(tt.in); got != tt.want {
			t.Errorf("MatchExpr(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEachPointAgreesWithEachEvent(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 12, Seed: 50})
	doc.Events[3].DeathsA, doc.Events[3].DeathsB = nil, nil // no number: unknown, not 0
	doc.Events[4].Place = nil
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	var events []annalist.StoredEvent
	s.EachEvent(ctx, annalist.EventFilter{}, func(e *annalist.StoredEvent) error { events = append(events, *e); return nil })
	i := 0
	err := s.EachPoint(ctx, annalist.EventFilter{}, func(p *annalist.EventPoint) error {
		e := events[i].Event
		i++
		if p.Key != events[i-1].Key || *p.First != e.DateStart.DayNumber() || p.DateStart != e.DateStart.String() ||
			p.SideA != e.SideA[0] || p.SideB != e.SideB[0] || p.Name != *e.Name || p.ConflictName != doc.Conflict.Name {
			t.Errorf("point %d = %+v, event %+v", i, p, e)
		}
		if _, best, _, ok := e.DeathsTotal(); ok != (p.Deaths != nil) || (ok && *p.Deaths != best) {
			t.Errorf("point %d deaths %v, event %d (%v)", i, p.Deaths, best, ok)
		}
		if (e.Place == nil) != (p.Lat == nil) || (p.Lat != nil && (*p.Lat != *e.Place.Lat || p.Place != e.Place.Text)) {
			t.Errorf("point %d place %v/%q, event %+v", i, p.Lat, p.Place, e.Place)
		}
		return nil
	})
	if err != nil || i != 12 {
		t.Errorf("%d points, %v", i, err)
	}
}

// TestBoundingBoxAcrossLatitudeBands checks the place index (a range of
// longitudes per whole degree of latitude) against the coordinates on
// both sides of the equator and of band edges, through the index and
// through the date-order walk that dense boxes take.
func TestBoundingBoxAcrossLatitudeBands(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	points := [][2]float64{ // lon, lat
		{10, -0.5}, {10, 0.5}, {10, 0}, {10, -1}, {10.5, 45.999}, {10.5, 46}, {-70.6, -33.4},
		{179.9, 89.9}, {-179.9, -89.9}, {20, 10}, {10, 10.2},
	}
	doc, raw := synth.Document(synth.Options{Title: "Bands war", Events: len(points), Seed: 4})
	for i, p := range points {
		lon, lat := p[0], p[1]
		doc.Events[i].Place.Lon, doc.Events[i].Place.Lat = &lon, &lat
	}
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		box  annalist.BBox
		want int
	}{
		{"straddles the equator", annalist.BBox{MinLon: 9, MinLat: -0.6, MaxLon: 11, MaxLat: 0.6}, 3},
		{"edges are inside", annalist.BBox{MinLon: 10, MinLat: -1, MaxLon: 10, MaxLat: 0}, 3},
		{"just below a band edge", annalist.BBox{MinLon: 10, MinLat: 45.5, MaxLon: 11, MaxLat: 45.9999}, 1},
		{"one band, narrow longitudes", annalist.BBox{MinLon: 15, MinLat: 9, MaxLon: 25, MaxLat: 11}, 1},
		{"southern hemisphere", annalist.BBox{MinLon: -71, MinLat: -34, MaxLon: -70, MaxLat: -33}, 1},
		{"poles", annalist.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: -89}, 1},
		{"the whole world", annalist.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}, len(points)},
		{"empty ocean", annalist.BBox{MinLon: -40, MinLat: -40, MaxLon: -30, MaxLat: -30}, 0},
	}
	for _, tt := range tests {
		for _, dense := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/dense=%v", tt.name, dense), func(t *testing.T) {
				f := annalist.EventFilter{BBox: &tt.box}
				n := 0
				err := s.eachEvent(ctx, f, density{bbox: dense}, func(e *annalist.StoredEvent) error {
					lon, lat := *e.Event.Place.Lon, *e.Event.Place.Lat
					if lon < tt.box.MinLon || lon > tt.box.MaxLon || lat < tt.box.MinLat || lat > tt.box.MaxLat {
						t.Errorf("event at %g,%g is outside the box", lon, lat)
					}
					n++
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if n != tt.want {
					t.Errorf("%d events, want %d", n, tt.want)
				}
			})
		}
		page, err := s.Events(ctx, annalist.EventFilter{BBox: &tt.box})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != tt.want {
			t.Errorf("%s: total %d, want %d", tt.name, page.Total, tt.want)
		}
	}
}

// TestSideFilterKeepsUndatedEventsLastAndCountsEachEventOnce stores an
// undated event and one that names the same state on both sides (in two
// cases): the side's events come in date order with the undated one last,
// each once, and a new version of the article leaves no row of the old.
func TestSideFilterKeepsUndatedEventsLastAndCountsEachEventOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Title: "Sides war", Events: 4, Seed: 5, FirstYear: 1950})
	for i := range doc.Events {
		doc.Events[i].SideA, doc.Events[i].SideB = []string{"Ruritania"}, []string{"Borduria"}
	}
	doc.Events[0].DateStart, doc.Events[0].DateEnd = annalist.Date{}, annalist.Date{}
	doc.Events[1].SideA, doc.Events[1].SideB = []string{"Borduria"}, []string{"borduria", "Syldavia"}
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	for _, plan := range []int{denseAt, 1} {
		s.denseAt = plan
		page, err := s.Events(ctx, annalist.EventFilter{Side: "BORDURIA", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range page.Events {
			ids = append(ids, e.Event.ID)
		}
		if want := []string{"e2", "e3", "e4", "e1"}; page.Total != 4 || !reflect.DeepEqual(ids, want) {
			t.Errorf("denseAt %d: total %d, events %v; want 4, %v", plan, page.Total, ids, want)
		}
	}
	s.denseAt = denseAt
	counts, err := s.Counts(ctx, annalist.EventFilter{Side: "Borduria"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		if strings.EqualFold(c.Side, "Borduria") {
			n += c.Events
		}
	}
	if n != 3 { // the undated event has no year
		t.Errorf("counts by year list %d Borduria events, want 3", n)
	}

	doc.Article.SHA256 += "-2"
	doc.Events = doc.Events[2:]
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	var rows int
	if err := s.reader.QueryRow(`SELECT count(*) FROM side_events`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 4 { // two events, two states each
		t.Errorf("%d side_events rows after the new version, want 4", rows)
	}
}

// TestDateFilterFindsEventsThatBeganBefore stores an event that lasts a
// year (dated only by its year) among day-long ones: a month inside that
// year selects it, though it began months before, in either plan and
// whether or not the side index answers.
func TestDateFilterFindsEventsThatBeganBefore(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Title: "Long war", Events: 3, Seed: 6})
	doc.Events[0].DateStart, doc.Events[0].DateEnd = annalist.DayDate(1930, 1, 1), annalist.DayDate(1930, 1, 2)
	doc.Events[1].DateStart, doc.Events[1].DateEnd = annalist.YearDate(1936), annalist.Date{}
	doc.Events[2].DateStart, doc.Events[2].DateEnd = annalist.DayDate(1940, 5, 5), annalist.Date{}
	for i := range doc.Events {
		doc.Events[i].SideA = []string{"Ruritania"}
	}
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	june := annalist.EventFilter{From: annalist.MonthDate(1936, 6), To: annalist.MonthDate(1936, 6)}
	withSide := june
	withSide.Side = "Ruritania"
	for _, plan := range []int{denseAt, 1} {
		s.denseAt = plan
		for _, f := range []annalist.EventFilter{june, withSide} {
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != 1 || len(page.Events) != 1 || page.Events[0].Event.ID != doc.Events[1].ID {
				t.Errorf("denseAt %d, side %q: total %d, %d events; want the year-long event alone", plan, f.Side, page.Total, len(page.Events))
			}
		}
	}
	s.denseAt = denseAt
}

// TestWordCacheKeepsItsBounds: the cache of word matches drops the least
// recently used queries past its bounds, forgets everything when the
// generation changes, and never keeps one query that would fill it.
func TestWordCacheKeepsItsBounds(t *testing.T) {
	var c wordCache
	ids := func(n int) []int64 { return make([]int64, n) }
	c.put(1, "a", ids(cachedWordIDs/8))
	c.put(1, "b", ids(cachedWordIDs/8))
	if _, ok := c.get(1, "a"); !ok {
		t.Fatal("a was not kept")
	}
	for i := range 8 {
		c.put(1, fmt.Sprint("c", i), ids(cachedWordIDs/8))
	}
	if _, ok := c.get(1, "b"); ok {
		t.Error("b, least recently used, was kept past the bound")
	}
	if c.ids > cachedWordIDs {
		t.Errorf("%d ids kept, bound %d", c.ids, cachedWordIDs)
	}
	if _, ok := c.get(2, "c7"); ok {
		t.Error("an entry of generation 1 answered for generation 2")
	}
	c.put(2, "huge", ids(cachedWordIDs/2))
	if _, ok := c.get(2, "huge"); ok {
		t.Error("a query of half the bound was kept")
	}
	for i := range cachedWordQueries + 5 {
		c.put(3, fmt.Sprint("q", i), ids(1))
	}
	if len(c.entries) > cachedWordQueries {
		t.Errorf("%d queries kept, bound %d", len(c.entries), cachedWordQueries)
	}
}
