package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// The merge tests: a store is also an annalist.Merger, and both stores
// merge the same tellings into the same events with the same ids
// (package resolve holds the rule; the stores, where to look and what to
// keep).

// RunMerge runs the merge tests alone (Run runs them too), for a backend
// that wants them under another setting as well.
func RunMerge(t *testing.T, open Open) {
	for _, tc := range mergeTests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

var mergeTests = []struct {
	name string
	fn   func(*testing.T, Open)
}{
	{"MergeOneClashWhicheverArticleComesFirst", testMergeEitherOrder},
	{"MergeRedoesOnlyWhatAReingestTouched", testMergeReingest},
	{"MergeExplainsAPair", testMergeExplain},
	{"MergeAtIngestEqualsFullMergeInAnyOrder", testMergeIncrementalEqualsFull},
	{"MergeConcurrentIngestsAsOne", testMergeConcurrentIngests},
	{"MergeJoinsAnUnnamedTellingByItsMainArticleLink", testMergeMainLink},
	{"MergedListingUnderEachFilter", testMergedListing},
}

// merger returns s as an annalist.Merger, or fails t.
func merger(t *testing.T, s annalist.Store) annalist.Merger {
	t.Helper()
	m, ok := s.(annalist.Merger)
	if !ok {
		t.Fatalf("%T does not merge tellings across articles (annalist.Merger)", s)
	}
	return m
}

// WarDoc and BattleDoc are two invented articles telling one clash: a
// war's article in a paragraph (with a second, unrelated clash) and the
// battle's own article, whose infobox gives the casualties. sha is the
// article's SHA-256 as stored (a new one stands for a changed text).
func WarDoc(sha string) *annalist.Document {
	return &annalist.Document{
		Schema:  annalist.Schema,
		Article: annalist.ArticleRef{Title: "Northland–Southia War", Source: "war.txt", Format: "text", SHA256: sha},
		Events: []annalist.Event{
			{ID: "w-pine", DateStart: annalist.MonthDate(1901, 5), DateEnd: annalist.MonthDate(1901, 5), SideA: []string{"Northland"}, SideB: []string{"Southia"},
				Place:   point("Pine Lake", "x:pine-lake", 50, 10, 1),
				DeathsB: annalist.Ptr(annalist.Exact(150)),
				Evidence: []annalist.Evidence{{Section: "Battle of Pine Lake (1901)", Start: 0, End: 40,
					Text: "In May 1901 Northland attacked at Pine Lake."}}},
			{ID: "w-oak", DateStart: annalist.DayDate(1901, 5, 4), DateEnd: annalist.DayDate(1901, 5, 4), SideA: []string{"Northland"}, SideB: []string{"Southia"},
				Place:    point("Oakford", "x:oakford", 51, 11, 1),
				Evidence: []annalist.Evidence{{Start: 41, End: 80, Text: "On 4 May a patrol clashed at Oakford."}}},
		},
	}
}

// BattleDoc is the battle's own article (see WarDoc), dated from start.
func BattleDoc(sha string, start annalist.Date) *annalist.Document {
	name := "Battle of Pine Lake"
	return &annalist.Document{
		Schema:  annalist.Schema,
		Article: annalist.ArticleRef{Title: name, Source: "pine.txt", Format: "text", SHA256: sha},
		Conflict: &annalist.Conflict{Name: name, Start: start, End: start.AddDays(5), Sides: []annalist.Side{
			{Belligerents: []string{"Southia"}, Casualties: []annalist.Figure{
				{What: "personnel", Status: annalist.Ptr("killed"), AccordingTo: annalist.Ptr("Southian sources"), Count: annalist.Exact(120)},
			}},
			{Belligerents: []string{"Northland"}, Casualties: []annalist.Figure{
				{What: "personnel", Status: annalist.Ptr("killed"), Count: annalist.Exact(60)},
			}},
		}},
		Events: []annalist.Event{
			{ID: "b-pine", Name: &name, DateStart: start, DateEnd: start.AddDays(5), SideA: []string{"Southia"}, SideB: []string{"Northland"},
				Place:    point("Pine Lake", "x:pine-lake", 50, 10, 1),
				Evidence: []annalist.Evidence{{Start: 0, End: 30, Text: "The Battle of Pine Lake was fought in May 1901."}}},
		},
	}
}

func point(text, id string, lat, lon float64, prec int) *annalist.Place {
	return &annalist.Place{Text: text, Lat: &lat, Lon: &lon, WherePrec: prec, Gazetteer: &annalist.GazetteerRef{ID: id}}
}

func listKeys(t *testing.T, s annalist.Store, f annalist.EventFilter) []string {
	t.Helper()
	page, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	keys := pageKeys(page.Events)
	if page.Total != len(keys) {
		t.Errorf("total %d, listed %d", page.Total, len(keys))
	}
	return keys
}

// MergedJSON returns every merged event of s, in key order, as JSON.
func MergedJSON(t *testing.T, s annalist.Store) string {
	t.Helper()
	var all []annalist.MergedEvent
	if err := merger(t, s).EachMerged(context.Background(), func(m *annalist.MergedEvent) error {
		all = append(all, *m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return jsonOf(t, all)
}

func ingestDocs(t *testing.T, s annalist.Store, docs ...*annalist.Document) {
	t.Helper()
	var items []annalist.IngestItem
	for _, d := range docs {
		items = append(items, annalist.IngestItem{Doc: d})
	}
	ingestAll(t, s, items)
}

func testMergeEitherOrder(t *testing.T, open Open) {
	ctx := context.Background()
	start := annalist.DayDate(1901, 5, 2)
	var first string
	for _, order := range [][]*annalist.Document{
		{WarDoc("w1"), BattleDoc("b1", start)},
		{BattleDoc("b1", start), WarDoc("w1")},
	} {
		s := open(t)
		for _, d := range order { // one batch each: the second resolves against the first
			if _, err := s.Ingest(ctx, d, nil); err != nil {
				t.Fatal(err)
			}
		}
		battleKey := annalist.EventKey("Battle of Pine Lake", "b-pine")
		warKey := annalist.EventKey("Northland–Southia War", "w-pine")
		oakKey := annalist.EventKey("Northland–Southia War", "w-oak")
		if got := listKeys(t, s, annalist.EventFilter{}); !slices.Equal(got, []string{battleKey, oakKey}) {
			t.Errorf("merged listing %v, want the battle %s and the Oakford clash %s", got, battleKey, oakKey)
		}
		if got := listKeys(t, s, annalist.EventFilter{AllSources: true}); len(got) != 3 {
			t.Errorf("sources=all lists %v, want all three tellings", got)
		}
		page, err := s.Events(ctx, annalist.EventFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Events) != 2 {
			t.Fatalf("merged page of %d events, want 2", len(page.Events))
		}
		if e := page.Events[0]; e.NumberOfSources != 2 || e.Event.DeathsA == nil || *e.Event.DeathsA.Low != 120 || *e.Event.DeathsA.High != 150 || *e.Event.DeathsA.Best != 120 {
			t.Errorf("merged row: %d sources, deaths_a %+v; want 2 sources, Southia's dead 120–150, best 120 (the battle's own infobox)", e.NumberOfSources, e.Event.DeathsA)
		}
		if e := page.Events[1]; e.NumberOfSources != 1 || e.Merged != nil {
			t.Errorf("unmerged row: %d sources, merged %v", e.NumberOfSources, e.Merged)
		}
		var streamed []string
		if err := s.EachEvent(ctx, annalist.EventFilter{}, func(e *annalist.StoredEvent) error {
			streamed = append(streamed, fmt.Sprintf("%s:%d", e.Key, e.NumberOfSources))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if want := []string{battleKey + ":2", oakKey + ":1"}; !slices.Equal(streamed, want) {
			t.Errorf("EachEvent merged: %v, want %v", streamed, want)
		}
		var deaths []int
		if err := s.EachPoint(ctx, annalist.EventFilter{}, func(p *annalist.EventPoint) error {
			if p.Key == battleKey && p.Deaths != nil && p.Sources == 2 {
				deaths = append(deaths, *p.Deaths)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(deaths, []int{180}) {
			t.Errorf("map point of the merged event: dead %v, want [180] (best 120 + 60 from the battle's infobox)", deaths)
		}
		counts, err := s.Counts(ctx, annalist.EventFilter{Side: "Southia"})
		if err != nil {
			t.Fatal(err)
		}
		if want := []annalist.YearSideCount{{Year: 1901, Side: "Northland", Events: 2, Deaths: 180}, {Year: 1901, Side: "Southia", Events: 2, Deaths: 180}}; jsonOf(t, counts) != jsonOf(t, want) {
			t.Errorf("merged counts %+v, want %+v (the clash once, with its merged dead)", counts, want)
		}
		for _, key := range []string{battleKey, warKey} {
			e, err := s.Event(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if e.Merged == nil || e.Merged.Key != battleKey || len(e.Merged.Sources) != 2 {
				t.Fatalf("Event(%s).Merged = %+v, want the battle's merged event with two sources", key, e.Merged)
			}
			src := e.Merged.Sources
			if src[0].EventKey != battleKey || src[0].Specificity != annalist.SpecOwn || src[1].Specificity != annalist.SpecSection || !src[1].Flipped {
				t.Errorf("sources %s (%v) then %s (%v, flipped %v)", src[0].EventKey, src[0].Specificity, src[1].EventKey, src[1].Specificity, src[1].Flipped)
			}
			var infobox, told int
			for _, s := range src {
				for _, f := range s.Figures {
					switch f.From {
					case "infobox":
						infobox++
					case "event":
						told++
					}
				}
			}
			if infobox != 2 || told != 1 {
				t.Errorf("%d infobox and %d event figures in the sources, want 2 and 1", infobox, told)
			}
		}
		got := MergedJSON(t, s)
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("merged events depend on the order of ingest:\n%s\n%s", got, first)
		}
		// Redone over the whole store, the same.
		if _, err := merger(t, s).Merge(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if again := MergedJSON(t, s); again != got {
			t.Errorf("annalist merge gives\n%s\nafter ingest\n%s", again, got)
		}
	}
}

func testMergeReingest(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	ingestDocs(t, s, WarDoc("w1"), BattleDoc("b1", annalist.DayDate(1901, 5, 2)))
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 2 {
		t.Fatalf("merged listing %v, want 2 rows", got)
	}
	// The battle article now dates the battle a year later: the merge is
	// undone, and every telling is still there.
	if _, err := s.Ingest(ctx, BattleDoc("b2", annalist.DayDate(1902, 5, 2)), nil); err != nil {
		t.Fatal(err)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 3 {
		t.Errorf("after the change, listing %v, want the three tellings apart", got)
	}
	if got := MergedJSON(t, s); got != "null" {
		t.Errorf("merged events left: %s", got)
	}
	// And back: merged again, with the same id as before.
	if _, err := s.Ingest(ctx, BattleDoc("b3", annalist.DayDate(1901, 5, 2)), nil); err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, annalist.EventKey("Northland–Southia War", "w-pine"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Merged == nil || e.Merged.Key != annalist.EventKey("Battle of Pine Lake", "b-pine") {
		t.Errorf("merged %+v, want the battle's key again", e.Merged)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 2 {
		t.Errorf("merged again, listing %v, want 2 rows", got)
	}
}

func testMergeExplain(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	ingestDocs(t, s, WarDoc("w1"), BattleDoc("b1", annalist.DayDate(1901, 5, 2)))
	battle := annalist.EventKey("Battle of Pine Lake", "b-pine")
	v, err := merger(t, s).ExplainPair(ctx, battle, annalist.EventKey("Northland–Southia War", "w-pine"))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Same || !v.Joined || v.Score != 7 {
		t.Errorf("verdict %+v, want same and joined with score 7", v)
	}
	v, err = merger(t, s).ExplainPair(ctx, battle, annalist.EventKey("Northland–Southia War", "w-oak"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Same || v.Joined || v.Why == "" {
		t.Errorf("verdict %+v, want apart, explained", v)
	}
	if _, err := merger(t, s).ExplainPair(ctx, battle, "no-such-event"); !errors.Is(err, annalist.ErrNotFound) {
		t.Errorf("explain an unknown key: %v, want ErrNotFound", err)
	}
}

// overlapping returns many invented articles over the same few years, so
// that many of their clashes coincide in day, dyad and place.
func overlapping() []*annalist.Document {
	var docs []*annalist.Document
	for i := range 30 {
		d, _ := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i), Events: 25, Seed: uint64(i), FirstYear: 1930 + i%2})
		d.Article.SHA256 = fmt.Sprint(i)
		docs = append(docs, d)
	}
	return docs
}

// mergedEnough returns the merged events JSON of s, failing t when the
// invented articles hardly overlap (the test would then prove little).
func mergedEnough(t *testing.T, s annalist.Store) string {
	t.Helper()
	got := MergedJSON(t, s)
	var n []annalist.MergedEvent
	if err := json.Unmarshal([]byte(got), &n); err != nil || len(n) < 5 {
		t.Fatalf("%d merged events (%v): the test articles hardly overlap", len(n), err)
	}
	return got
}

// The overlapping articles, ingested in different orders and batchings,
// give the same merged events, the same as annalist merge finds over the
// whole store.
func testMergeIncrementalEqualsFull(t *testing.T, open Open) {
	ctx := context.Background()
	docs := overlapping()
	var first string
	for _, run := range []struct {
		reverse bool
		batch   int
	}{{false, 30}, {true, 1}, {false, 7}} {
		s := open(t)
		order := slices.Clone(docs)
		if run.reverse {
			slices.Reverse(order)
		}
		for i := 0; i < len(order); i += run.batch {
			ingestDocs(t, s, order[i:min(i+run.batch, len(order))]...)
		}
		got := mergedEnough(t, s)
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("reverse %v, batches of %d: merged events differ", run.reverse, run.batch)
		}
		var last [2]int
		st, err := merger(t, s).Merge(ctx, func(done, total int) { last = [2]int{done, total} })
		if err != nil {
			t.Fatal(err)
		}
		if st.Tellings != 30*25 || last != [2]int{30 * 25, 30 * 25} {
			t.Errorf("merge read %d events, progress ended at %v; want %d of %d", st.Tellings, last, 30*25, 30*25)
		}
		if again := MergedJSON(t, s); again != got {
			t.Errorf("reverse %v, batches of %d: annalist merge differs from what ingest left", run.reverse, run.batch)
		}
	}
}

// Several writers ingesting overlapping articles at once (as queue
// workers do), while annalist merge runs, leave the same merged events as
// one writer: no clash is left unmerged because two batches resolved
// without seeing each other, and no merged event is written twice.
func testMergeConcurrentIngests(t *testing.T, open Open) {
	docs := overlapping()
	one := open(t)
	ingestDocs(t, one, docs...)
	want := mergedEnough(t, one)

	s := open(t)
	const writers = 3
	var wg sync.WaitGroup
	errs := make(chan error, len(docs))
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Writer w takes every writers-th article, one a batch, so
			// that articles telling the same clashes (those of the same
			// years) are written side by side by different writers.
			for i := w; i < len(docs); i += writers {
				if _, err := s.Ingest(context.Background(), docs[i], nil); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	// Meanwhile, annalist merge redoes the whole store, again and again.
	stop := make(chan struct{})
	merged := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				merged <- nil
				return
			default:
			}
			if _, err := merger(t, s).Merge(context.Background(), nil); err != nil {
				merged <- err
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	if err := <-merged; err != nil {
		t.Errorf("merge during the ingests: %v", err)
	}
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent ingest: %v", err)
	}
	if got := MergedJSON(t, s); got != want {
		t.Errorf("merged events after %d concurrent writers differ from one writer's", writers)
	}
}

// A telling with no name, in a section whose {{Main}} template links to
// the battle's article, joins the battle by that link, at ingest and in
// annalist merge (which reads the links kept at ingest).
func testMergeMainLink(t *testing.T, open Open) {
	ctx := context.Background()
	raw := []byte("= Northland–Southia War =\n\n==The lake==\n{{Main|Battle of Pine Lake}}\nIn May 1901 Northland attacked.\n")
	start := strings.Index(string(raw), "In May")
	war := &annalist.Document{
		Schema:  annalist.Schema,
		Article: annalist.ArticleRef{Title: "Northland–Southia War", Source: "war.wiki", Format: "wikitext", SHA256: "w"},
		Events: []annalist.Event{{ID: "w-lake", DateStart: annalist.MonthDate(1901, 5), DateEnd: annalist.MonthDate(1901, 5),
			SideA: []string{"Northland"}, SideB: []string{"Southia"},
			Evidence: []annalist.Evidence{{Section: "The lake", Start: start, End: len(raw) - 1, Text: string(raw[start : len(raw)-1])}}}},
	}
	battle := BattleDoc("b", annalist.DayDate(1901, 5, 2))
	battle.Events[0].Place = nil // no place to agree on: the link alone must tell
	s := open(t)
	ingestAll(t, s, []annalist.IngestItem{{Doc: battle}, {Doc: war, Raw: raw}})
	for _, when := range []string{"ingest", "merge"} {
		if when == "merge" {
			if _, err := merger(t, s).Merge(ctx, nil); err != nil {
				t.Fatal(err)
			}
		}
		e, err := s.Event(ctx, annalist.EventKey("Northland–Southia War", "w-lake"))
		if err != nil {
			t.Fatal(err)
		}
		if e.Merged == nil || e.Merged.NumberOfSources != 2 {
			t.Fatalf("after %s: merged %+v, want the battle with two sources", when, e.Merged)
		}
		if len(e.Merged.Pairs) != 1 || !strings.Contains(e.Merged.Pairs[0].Why, "same clash") {
			t.Errorf("after %s: pairs %+v", when, e.Merged.Pairs)
		}
	}
}

// A merged listing counts and pages a clash once under every kind of
// filter; sources=all counts every telling. (The backends run the suite
// under each of their query plans.)
func testMergedListing(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	ingestDocs(t, s, WarDoc("w1"), BattleDoc("b1", annalist.DayDate(1901, 5, 2)))
	box := &annalist.BBox{MinLon: 9, MinLat: 49, MaxLon: 10.5, MaxLat: 50.5} // Pine Lake, not Oakford
	for _, tt := range []struct {
		name   string
		f      annalist.EventFilter
		merged int // rows listed merged; all sources gives one more
	}{
		{"words", annalist.EventFilter{Query: "Pine"}, 1},
		{"side", annalist.EventFilter{Side: "Southia"}, 2},
		{"box", annalist.EventFilter{BBox: box}, 1},
		{"dates", annalist.EventFilter{From: annalist.MonthDate(1901, 5), To: annalist.MonthDate(1901, 5)}, 2},
		{"side and words", annalist.EventFilter{Side: "Northland", Query: "Pine"}, 1},
	} {
		for _, all := range []bool{false, true} {
			f := tt.f
			f.AllSources, f.Limit = all, 10
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.merged
			if all {
				want++
			}
			if page.Total != want || len(page.Events) != want {
				t.Errorf("%s, all sources %v: total %d, listed %d, want %d", tt.name, all, page.Total, len(page.Events), want)
			}
			n := 0
			if err := s.EachPoint(ctx, f, func(*annalist.EventPoint) error { n++; return nil }); err != nil || n != want {
				t.Errorf("%s, all sources %v: %d points (%v), want %d", tt.name, all, n, err, want)
			}
			n = 0
			if err := s.EachEvent(ctx, f, func(*annalist.StoredEvent) error { n++; return nil }); err != nil || n != want {
				t.Errorf("%s, all sources %v: %d streamed (%v), want %d", tt.name, all, n, err, want)
			}
		}
	}
}
