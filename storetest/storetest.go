// Package storetest holds the tests every annalist.Store must pass, so that
// the SQLite and PostgreSQL stores answer each query alike. A backend's
// own test calls Run with a function that opens a fresh, empty store.
//
// The expected answers are computed here, in Go, from the documents the
// tests store (see want), never copied from a backend's output: a filter
// that both stores got wrong the same way would still fail.
//
// Every store merges the tellings of one clash across articles (package
// resolve; annalist.Merger): where the invented articles tell the same
// clash twice, a store lists it once by default, so the tests that count
// every telling ask for all sources, and the merge tests (merge.go) hold
// both stores to the same merged events.
package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// Open returns a fresh, empty store; the test closes it.
type Open func(t *testing.T) annalist.Store

// Run runs the whole suite against the stores open returns.
func Run(t *testing.T, open Open) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Open)
	}{
		{"IngestStoresEveryPartOfTheDocument", testIngestStoresEverything},
		{"ReingestSameTextIsSkipped", testReingestSkipped},
		{"ReingestNewTextReplacesTheOldVersion", testReingestReplaces},
		{"ABadDocumentInABatchIsLeftOutAlone", testBatchBadDocument},
		{"FiltersSelectWhatTheirDefinitionSays", testFilters},
		{"PagesSplitTheOrderedList", testPaging},
		{"CountsByYearAndSide", testCounts},
		{"PointsCarryTheMapFields", testPoints},
		{"UnknownKeysAreNotFound", testNotFound},
		{"DocumentsComeBackInTitleOrder", testDocuments},
		{"ReadersKeepWorkingDuringAnIngest", testConcurrentReaders},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
	RunMerge(t, open)
}

// corpus is the articles most tests store: three conflicts, in different
// decades, with overlapping sides and places.
func corpus() []annalist.IngestItem {
	var items []annalist.IngestItem
	for i, o := range []synth.Options{
		{Title: "Ruritanian–Bordurian border conflicts", Events: 12, FirstYear: 1935, Seed: 1, Sentences: 2, Claims: 2},
		{Title: "Syldavian crisis", Events: 7, FirstYear: 1950, Seed: 2, Sentences: 1},
		{Title: "Freedonian war", Events: 9, FirstYear: 1935, Seed: 3, Sentences: 3},
	} {
		doc, raw := synth.Document(o)
		if i == 1 {
			// An undated event and one without a place: both must sort and
			// filter as their definitions say.
			doc.Events[3].DateStart, doc.Events[3].DateEnd = annalist.Date{}, annalist.Date{}
			doc.Events[4].Place = nil
		}
		items = append(items, annalist.IngestItem{Doc: doc, Raw: raw})
	}
	return items
}

func ingestAll(t *testing.T, s annalist.Store, items []annalist.IngestItem) {
	t.Helper()
	_, errs, err := s.IngestBatch(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("item %d: %v", i, err)
		}
	}
}

func testIngestStoresEverything(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	if empty, err := s.Empty(ctx); err != nil || !empty {
		t.Errorf("new store: empty = %v, %v; want true", empty, err)
	}
	doc, raw := synth.Document(synth.Options{Events: 5, Seed: 1, Sentences: 3, Claims: 2})
	res, err := s.Ingest(ctx, doc, raw)
	if err != nil {
		t.Fatal(err)
	}
	want := annalist.IngestResult{Key: annalist.ArticleKey(doc.Article.Title), Conflicts: 1, Events: 5, Claims: 2}
	if res != want {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	if empty, err := s.Empty(ctx); err != nil || empty {
		t.Errorf("after an ingest: empty = %v, %v; want false", empty, err)
	}
	if g, err := s.Generation(ctx); err != nil || g != 1 {
		t.Errorf("generation = %d, %v; want 1", g, err)
	}
	as, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantSummary := annalist.ArticleSummary{Key: res.Key, Title: doc.Article.Title, Source: doc.Article.Source,
		Format: doc.Article.Format, SHA256: doc.Article.SHA256, Events: 5, Claims: 2}
	if len(as) != 1 || as[0] != wantSummary {
		t.Errorf("articles = %+v, want [%+v]", as, wantSummary)
	}
	a, err := s.Article(ctx, res.Key)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Raw) != string(raw) {
		t.Errorf("stored text differs from the text ingested")
	}
	if got, want := jsonOf(t, a.Document), jsonOf(t, doc); got != want {
		t.Errorf("document round trip:\n got %s\nwant %s", got, want)
	}
	// Every evidence span still points at its own words in the stored text.
	for _, e := range a.Document.Events {
		for _, ev := range e.Evidence {
			if got := string(a.Raw[ev.Start:ev.End]); got != ev.Text {
				t.Errorf("event %s: bytes %d-%d hold %q, evidence says %q", e.ID, ev.Start, ev.End, got, ev.Text)
			}
		}
	}
	e, err := s.Event(ctx, annalist.EventKey(doc.Article.Title, "e3"))
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, e.Event) != jsonOf(t, doc.Events[2]) || e.ConflictName != doc.Conflict.Name || e.ArticleKey != res.Key || e.ArticleTitle != doc.Article.Title {
		t.Errorf("event e3 = %+v", e)
	}
	c, err := s.Conflict(ctx, res.Key)
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, c.Record) != jsonOf(t, doc.Conflict) || c.Events != 5 || c.ArticleKey != res.Key || c.Start != doc.Conflict.Start {
		t.Errorf("conflict = %+v", c)
	}
	cs, err := s.Conflicts(ctx)
	if err != nil || len(cs) != 1 || cs[0] != c.ConflictSummary {
		t.Errorf("conflicts = %+v, %v; want [%+v]", cs, err, c.ConflictSummary)
	}
}

func testReingestSkipped(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	doc, raw := synth.Document(synth.Options{Events: 4, Seed: 2})
	if _, err := s.Ingest(ctx, doc, raw); err != nil {
		t.Fatal(err)
	}
	res, err := s.Ingest(ctx, doc, raw)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Skipped || res.Replaced || res.Key != annalist.ArticleKey(doc.Article.Title) {
		t.Errorf("second ingest of the same text: %+v, want skipped", res)
	}
	if g, _ := s.Generation(ctx); g != 1 {
		t.Errorf("generation %d after a skipped ingest, want 1", g)
	}
	page, err := s.Events(ctx, annalist.EventFilter{})
	if err != nil || page.Total != 4 {
		t.Errorf("events after a skipped ingest: %d, %v; want 4", page.Total, err)
	}
}

func testReingestReplaces(t *testing.T, open Open) {
	s := open(t)
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
	if !res.Replaced || res.Skipped || res.Events != 2 {
		t.Errorf("result = %+v, want replaced with 2 events", res)
	}
	if g, _ := s.Generation(ctx); g != 2 {
		t.Errorf("generation %d after two ingests, want 2", g)
	}
	as, _ := s.Articles(ctx)
	if len(as) != 1 || as[0].SHA256 != newer.Article.SHA256 {
		t.Errorf("articles = %+v, want the new version alone", as)
	}
	// The old version's events are gone from every index: dates, sides,
	// places, words and counts.
	for _, f := range []annalist.EventFilter{
		{}, {Side: "Borduria"}, {Query: "1935"}, {BBox: &annalist.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}},
		{From: annalist.YearDate(1935), To: annalist.YearDate(1949)},
	} {
		page, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			if e.Event.DateStart.Year < 1950 {
				t.Errorf("filter %+v: old event %s (%s) survived", f, e.Key, e.Event.DateStart)
			}
		}
	}
	counts, err := s.Counts(ctx, annalist.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		if c.Year < 1950 {
			t.Errorf("count of the old version survived: %+v", c)
		}
		n += c.Events
	}
	if n != 4 { // two events, two sides each
		t.Errorf("counts sum to %d event-sides, want 4", n)
	}
	if page, _ := s.Events(ctx, annalist.EventFilter{Query: "1950"}); page.Total != 2 {
		t.Errorf("query 1950: %d events, want 2", page.Total)
	}
}

func testBatchBadDocument(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	bad, braw := synth.Document(synth.Options{Title: "Broken war", Events: 3, Seed: 9})
	bad.Events[1].Evidence[0].Start = -4 // points before the text
	items = slices.Insert(items, 1, annalist.IngestItem{Doc: bad, Raw: braw}, annalist.IngestItem{Doc: &annalist.Document{}})
	res, errs, err := s.IngestBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for i := range items {
		if bad := i == 1 || i == 2; (errs[i] != nil) != bad {
			t.Errorf("item %d: error %v, want one: %v", i, errs[i], bad)
		}
	}
	if res[0].Events != 12 || res[3].Events != 7 {
		t.Errorf("results = %+v", res)
	}
	as, _ := s.Articles(ctx)
	if len(as) != 3 {
		t.Errorf("%d articles stored, want the 3 good ones", len(as))
	}
	if page, _ := s.Events(ctx, annalist.EventFilter{Query: "Broken"}); page.Total != 0 {
		t.Errorf("the bad document's events were stored: %+v", page)
	}
}

// event is one stored event as the tests expect to find it.
type event struct {
	key      string
	article  int // the article's place in the order of ingest
	ord      int
	conflict string
	e        annalist.Event
}

// expected lists the events of items in the stores' date order: dated
// events by first day, then article (in the order stored), then place in
// the article; undated ones last.
func expected(items []annalist.IngestItem) []event {
	var out []event
	for a, it := range items {
		for i, e := range it.Doc.Events {
			out = append(out, event{key: annalist.EventKey(it.Doc.Article.Title, e.ID), article: a, ord: i,
				conflict: annalist.ArticleKey(it.Doc.Article.Title), e: e})
		}
	}
	slices.SortStableFunc(out, func(x, y event) int {
		xd, yd := x.e.DateStart.IsZero(), y.e.DateStart.IsZero()
		if xd != yd {
			if xd {
				return 1
			}
			return -1
		}
		if !xd {
			if c := cmp.Compare(x.e.DateStart.First().DayNumber(), y.e.DateStart.First().DayNumber()); c != 0 {
				return c
			}
		}
		return cmp.Or(cmp.Compare(x.article, y.article), cmp.Compare(x.ord, y.ord))
	})
	return out
}

// selects is the definition of each filter (see annalist.EventFilter).
func selects(f annalist.EventFilter, ev event) bool {
	e := ev.e
	if !f.From.IsZero() || !f.To.IsZero() {
		if e.DateStart.IsZero() {
			return false
		}
		end := e.DateEnd
		if end.IsZero() {
			end = e.DateStart
		}
		if !f.From.IsZero() && end.Last().DayNumber() < f.From.First().DayNumber() {
			return false
		}
		if !f.To.IsZero() && e.DateStart.First().DayNumber() > f.To.Last().DayNumber() {
			return false
		}
	}
	if f.Side != "" && !slices.ContainsFunc(append(slices.Clone(e.SideA), e.SideB...), func(s string) bool { return strings.EqualFold(s, f.Side) }) {
		return false
	}
	if b := f.BBox; b != nil {
		if e.Place == nil || e.Place.Lat == nil || e.Place.Lon == nil {
			return false
		}
		lat, lon := *e.Place.Lat, *e.Place.Lon
		if lat < b.MinLat || lat > b.MaxLat || lon < b.MinLon || lon > b.MaxLon {
			return false
		}
	}
	if f.Conflict != "" && f.Conflict != ev.conflict {
		return false
	}
	if f.Query != "" {
		var words []string
		for _, x := range e.Evidence {
			words = append(words, annalist.SearchWords(strings.ToLower(x.Text))...)
		}
		q := annalist.SearchWords(strings.ToLower(f.Query))
		if len(q) == 0 {
			return false // no word: nothing to find
		}
		for i, w := range q {
			last := i == len(q)-1
			if !slices.ContainsFunc(words, func(x string) bool { return x == w || last && strings.HasPrefix(x, w) }) {
				return false
			}
		}
	}
	return true
}

func want(all []event, f annalist.EventFilter) []string {
	var keys []string
	for _, e := range all {
		if selects(f, e) {
			keys = append(keys, e.key)
		}
	}
	return keys
}

// filters are single filters and their combinations, each selecting some
// of the corpus and leaving some out.
func filters(items []annalist.IngestItem) []annalist.EventFilter {
	box := &annalist.BBox{MinLon: 125, MinLat: 46, MaxLon: 131, MaxLat: 49}
	syl := annalist.ArticleKey(items[1].Doc.Article.Title)
	return []annalist.EventFilter{
		{},
		{From: annalist.YearDate(1936)},
		{To: annalist.MonthDate(1935, 6)},
		{From: annalist.MonthDate(1935, 3), To: annalist.DayDate(1935, 9, 14)},
		{Side: "Borduria"},
		{Side: "borduria"},
		{Side: "Freedonia"},
		{Side: "Nowhere"},
		{BBox: box},
		{BBox: &annalist.BBox{MinLon: 0, MinLat: 0, MaxLon: 1, MaxLat: 1}},
		{Conflict: syl},
		{Query: "protest"},
		{Query: "KLOW"},
		{Query: "lodged protest Kl"},
		{Query: "border gua"},
		{Query: "--"},
		{Side: "Borduria", From: annalist.YearDate(1935), To: annalist.YearDate(1935)},
		{Side: "Syldavia", BBox: box},
		{BBox: box, Query: "soldiers", From: annalist.YearDate(1935)},
		{Conflict: syl, Side: "Syldavia", Query: "troops"},
		{Conflict: syl, To: annalist.YearDate(1950)},
	}
}

func testFilters(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	ingestAll(t, s, items)
	all := expected(items)
	for _, f := range filters(items) {
		t.Run(filterName(f), func(t *testing.T) {
			w := want(all, f)
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := pageKeys(page.Events); !slices.Equal(got, w) {
				t.Errorf("events:\n got %v\nwant %v", got, w)
			}
			if page.Total != len(w) || page.TotalCapped {
				t.Errorf("total = %d (capped %v), want %d", page.Total, page.TotalCapped, len(w))
			}
			var each []string
			if err := s.EachEvent(ctx, f, func(e *annalist.StoredEvent) error { each = append(each, e.Key); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(each, w) {
				t.Errorf("EachEvent:\n got %v\nwant %v", each, w)
			}
			var points []string
			if err := s.EachPoint(ctx, f, func(p *annalist.EventPoint) error { points = append(points, p.Key); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(points, w) {
				t.Errorf("EachPoint:\n got %v\nwant %v", points, w)
			}
		})
	}
	if len(want(all, annalist.EventFilter{BBox: filters(items)[8].BBox})) == 0 {
		t.Error("the box filter selects nothing in the corpus: the test proves nothing")
	}
}

func testPaging(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	ingestAll(t, s, items)
	all := expected(items)
	for _, base := range []annalist.EventFilter{{}, {Side: "Borduria"}, {Query: "soldiers"}, {From: annalist.YearDate(1935)}} {
		w := want(all, base)
		for _, pg := range [][2]int{{5, 0}, {5, 5}, {7, 20}, {3, len(w) - 1}, {4, len(w) + 3}} {
			f := base
			f.Limit, f.Offset = pg[0], pg[1]
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			lo, hi := min(f.Offset, len(w)), min(f.Offset+f.Limit, len(w))
			if got := pageKeys(page.Events); !slices.Equal(got, w[lo:hi]) || page.Total != len(w) || page.Limit != f.Limit || page.Offset != f.Offset {
				t.Errorf("%s limit %d offset %d: %v (total %d), want %v (total %d)", filterName(base), f.Limit, f.Offset, got, page.Total, w[lo:hi], len(w))
			}
			var each []string
			s.EachEvent(ctx, f, func(e *annalist.StoredEvent) error { each = append(each, e.Key); return nil })
			if !slices.Equal(each, w[lo:hi]) {
				t.Errorf("EachEvent %s limit %d offset %d: %v, want %v", filterName(base), f.Limit, f.Offset, each, w[lo:hi])
			}
		}
	}
}

func testCounts(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	ingestAll(t, s, items)
	all := expected(items)
	for _, f := range []annalist.EventFilter{{}, {Side: "Borduria"}, {From: annalist.YearDate(1950)}, {Query: "protest"}} {
		type yk struct {
			year int
			side string
		}
		w := map[yk]annalist.YearSideCount{}
		for _, ev := range all {
			if !selects(f, ev) || ev.e.DateStart.IsZero() {
				continue
			}
			seen := map[string]bool{}
			for _, side := range append(slices.Clone(ev.e.SideA), ev.e.SideB...) {
				if seen[side] {
					continue
				}
				seen[side] = true
				k := yk{ev.e.DateStart.Year, side}
				c := w[k]
				c.Year, c.Side = k.year, k.side
				c.Events++
				c.Deaths += ev.e.DeathsBest()
				w[k] = c
			}
		}
		var wl []annalist.YearSideCount
		for _, c := range w {
			wl = append(wl, c)
		}
		slices.SortFunc(wl, func(a, b annalist.YearSideCount) int {
			return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Side, b.Side))
		})
		got, err := s.Counts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, wl) || len(wl) == 0 {
			t.Errorf("counts %s:\n got %+v\nwant %+v", filterName(f), got, wl)
		}
	}
}

func testPoints(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	ingestAll(t, s, items)
	for _, ev := range expected(items) {
		var p *annalist.EventPoint
		err := s.EachPoint(ctx, annalist.EventFilter{Conflict: ev.conflict, AllSources: true}, func(q *annalist.EventPoint) error {
			if q.Key == ev.key {
				c := *q
				p = &c
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if p == nil {
			t.Fatalf("no point for %s", ev.key)
		}
		e := ev.e
		w := annalist.EventPoint{Key: ev.key, Name: deref(e.Name), SideA: strings.Join(e.SideA, ", "), SideB: strings.Join(e.SideB, ", "),
			ConflictName: items[ev.article].Doc.Conflict.Name}
		if !e.DateStart.IsZero() {
			w.DateStart, w.DateEnd = e.DateStart.String(), e.DateEnd.String()
			if e.DateEnd.IsZero() {
				w.DateEnd = ""
			}
		}
		if e.Place != nil {
			w.Place = e.Place.Text
		}
		got := *p
		if (got.First == nil) != e.DateStart.IsZero() || (got.Lat == nil) != (e.Place == nil) || got.Deaths == nil || *got.Deaths != e.DeathsBest() {
			t.Errorf("point %s: days %v, place %v, deaths %v; want days: %v, place: %v, deaths %d", ev.key, got.First, got.Lat, got.Deaths, !e.DateStart.IsZero(), e.Place != nil, e.DeathsBest())
		}
		if got.First != nil && *got.First != e.DateStart.First().DayNumber() {
			t.Errorf("point %s: first day %d, want %d", ev.key, *got.First, e.DateStart.First().DayNumber())
		}
		if got.Lat != nil && (*got.Lat != *e.Place.Lat || *got.Lon != *e.Place.Lon) {
			t.Errorf("point %s: at %v,%v, want %v,%v", ev.key, *got.Lat, *got.Lon, *e.Place.Lat, *e.Place.Lon)
		}
		got.First, got.Last, got.Lat, got.Lon, got.Deaths = nil, nil, nil, nil, nil
		if got != w {
			t.Errorf("point %s:\n got %+v\nwant %+v", ev.key, got, w)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func testNotFound(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	ingestAll(t, s, corpus()[:1])
	if _, err := s.Event(ctx, "nope"); !errors.Is(err, annalist.ErrNotFound) {
		t.Errorf("unknown event: %v, want ErrNotFound", err)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, annalist.ErrNotFound) {
		t.Errorf("unknown article: %v, want ErrNotFound", err)
	}
	if _, err := s.Conflict(ctx, "nope"); !errors.Is(err, annalist.ErrNotFound) {
		t.Errorf("unknown conflict: %v, want ErrNotFound", err)
	}
}

func testDocuments(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	items := corpus()
	ingestAll(t, s, items)
	var titles []string
	var want []string
	for _, it := range items {
		want = append(want, it.Doc.Article.Title)
	}
	slices.Sort(want)
	err := s.Documents(ctx, func(d *annalist.Document) error {
		titles = append(titles, d.Article.Title)
		for _, it := range items {
			if it.Doc.Article.Title == d.Article.Title && jsonOf(t, d) != jsonOf(t, it.Doc) {
				t.Errorf("document %q differs from the one stored", d.Article.Title)
			}
		}
		return nil
	})
	if err != nil || !slices.Equal(titles, want) {
		t.Errorf("documents %v, %v; want %v", titles, err, want)
	}
}

// testConcurrentReaders reads while batches are written: every read must
// succeed and see whole articles (a multiple of the events an article
// has), never half of one.
func testConcurrentReaders(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	const articles, perArticle = 24, 5
	var items []annalist.IngestItem
	for i := range articles {
		doc, raw := synth.Document(synth.Options{Title: fmt.Sprintf("Invented war %02d", i), Events: perArticle, Seed: uint64(i)})
		items = append(items, annalist.IngestItem{Doc: doc, Raw: raw})
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var readErrs []error
	seen := 0
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				n := 0
				err := s.EachEvent(ctx, annalist.EventFilter{AllSources: true}, func(*annalist.StoredEvent) error { n++; return nil })
				if err == nil && n%perArticle != 0 {
					err = fmt.Errorf("read %d events, not whole articles of %d", n, perArticle)
				}
				mu.Lock()
				seen++
				if err != nil {
					readErrs = append(readErrs, err)
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < articles; i += 4 {
		ingestAll(t, s, items[i:i+4])
	}
	close(done)
	wg.Wait()
	if len(readErrs) > 0 {
		t.Errorf("%d of %d reads failed; first: %v", len(readErrs), seen, readErrs[0])
	}
	page, err := s.Events(ctx, annalist.EventFilter{Limit: 1, AllSources: true})
	if err != nil || page.Total != articles*perArticle {
		t.Errorf("after the writes: %d events, %v; want %d", page.Total, err, articles*perArticle)
	}
}

func pageKeys(es []annalist.StoredEvent) []string {
	var keys []string
	for _, e := range es {
		keys = append(keys, e.Key)
	}
	return keys
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// filterName names a filter for a subtest: its set fields.
func filterName(f annalist.EventFilter) string {
	var parts []string
	if !f.From.IsZero() {
		parts = append(parts, "from "+f.From.String())
	}
	if !f.To.IsZero() {
		parts = append(parts, "to "+f.To.String())
	}
	if f.Side != "" {
		parts = append(parts, "side "+f.Side)
	}
	if f.BBox != nil {
		parts = append(parts, fmt.Sprintf("box %g,%g,%g,%g", f.BBox.MinLon, f.BBox.MinLat, f.BBox.MaxLon, f.BBox.MaxLat))
	}
	if f.Conflict != "" {
		parts = append(parts, "conflict")
	}
	if f.Query != "" {
		parts = append(parts, "words "+strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || r == ' ' {
				return r
			}
			return '_'
		}, f.Query))
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, ", ")
}
