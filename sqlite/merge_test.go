package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/synth"
)

// Two invented articles tell one clash: a war's article in a paragraph
// (with a second, unrelated clash) and the battle's own article, whose
// infobox gives the casualties.
func warDoc(sha string) *annalist.Document {
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

func battleDoc(sha string, start annalist.Date) *annalist.Document {
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

func listKeys(t *testing.T, s *Store, f annalist.EventFilter) []string {
	t.Helper()
	page, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range page.Events {
		keys = append(keys, e.Key)
	}
	if page.Total != len(keys) {
		t.Errorf("total %d, listed %d", page.Total, len(keys))
	}
	return keys
}

func mergedJSON(t *testing.T, s *Store) string {
	t.Helper()
	var all []annalist.MergedEvent
	if err := s.EachMerged(context.Background(), func(m *annalist.MergedEvent) error {
		all = append(all, *m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIngestMergesOneClashWhicheverArticleComesFirst(t *testing.T) {
	ctx := context.Background()
	start := annalist.DayDate(1901, 5, 2)
	var first string
	for _, order := range [][]*annalist.Document{
		{warDoc("w1"), battleDoc("b1", start)},
		{battleDoc("b1", start), warDoc("w1")},
	} {
		s := openTemp(t)
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
		if e := page.Events[0]; e.NumberOfSources != 2 || e.Event.DeathsA == nil || *e.Event.DeathsA.Low != 120 || *e.Event.DeathsA.High != 150 || *e.Event.DeathsA.Best != 120 {
			t.Errorf("merged row: %d sources, deaths_a %+v; want 2 sources, Southia's dead 120–150, best 120 (the battle's own infobox)", e.NumberOfSources, e.Event.DeathsA)
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
		if e := page.Events[1]; e.NumberOfSources != 1 || e.Merged != nil {
			t.Errorf("unmerged row: %d sources, merged %v", e.NumberOfSources, e.Merged)
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
		got := mergedJSON(t, s)
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("merged events depend on the order of ingest:\n%s\n%s", got, first)
		}
		// Redone over the whole store, the same.
		if _, err := s.Merge(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if again := mergedJSON(t, s); again != got {
			t.Errorf("annalist merge gives\n%s\nafter ingest\n%s", again, got)
		}
	}
}

func TestReingestRedoesOnlyWhatTheArticleTouched(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: warDoc("w1")}, {Doc: battleDoc("b1", annalist.DayDate(1901, 5, 2))}}); err != nil {
		t.Fatal(err)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 2 {
		t.Fatalf("merged listing %v, want 2 rows", got)
	}
	// The battle article now dates the battle a year later: the merge is
	// undone, and every telling is still there.
	if _, err := s.Ingest(ctx, battleDoc("b2", annalist.DayDate(1902, 5, 2)), nil); err != nil {
		t.Fatal(err)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 3 {
		t.Errorf("after the change, listing %v, want the three tellings apart", got)
	}
	if got := mergedJSON(t, s); got != "null" {
		t.Errorf("merged events left: %s", got)
	}
	var hidden int
	if err := s.reader.QueryRow(`SELECT count(*) FROM merge_hidden`).Scan(&hidden); err != nil || hidden != 0 {
		t.Errorf("%d hidden rows left (%v)", hidden, err)
	}
	// And back: merged again, with the same id as before.
	if _, err := s.Ingest(ctx, battleDoc("b3", annalist.DayDate(1901, 5, 2)), nil); err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, annalist.EventKey("Northland–Southia War", "w-pine"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Merged == nil || e.Merged.Key != annalist.EventKey("Battle of Pine Lake", "b-pine") {
		t.Errorf("merged %+v, want the battle's key again", e.Merged)
	}
}

func TestExplainPairSaysWhy(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: warDoc("w1")}, {Doc: battleDoc("b1", annalist.DayDate(1901, 5, 2))}}); err != nil {
		t.Fatal(err)
	}
	battle := annalist.EventKey("Battle of Pine Lake", "b-pine")
	v, err := s.ExplainPair(ctx, battle, annalist.EventKey("Northland–Southia War", "w-pine"))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Same || !v.Joined || v.Score != 7 {
		t.Errorf("verdict %+v, want same and joined with score 7", v)
	}
	v, err = s.ExplainPair(ctx, battle, annalist.EventKey("Northland–Southia War", "w-oak"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Same || v.Joined || v.Why == "" {
		t.Errorf("verdict %+v, want apart, explained", v)
	}
}

// Many invented articles over the same few years (so that many of their
// clashes coincide in day, dyad and place), ingested in two different
// orders and batchings: the merged events are the same, and the same as
// annalist merge finds over the whole store.
func TestIncrementalMergeEqualsFullMergeInAnyOrder(t *testing.T) {
	ctx := context.Background()
	var docs []*annalist.Document
	for i := range 30 {
		d, _ := synth.Document(synth.Options{Title: fmt.Sprintf("War %d", i), Events: 25, Seed: uint64(i), FirstYear: 1930 + i%2})
		d.Article.SHA256 = fmt.Sprint(i)
		docs = append(docs, d)
	}
	var first string
	for _, run := range []struct {
		reverse bool
		batch   int
	}{{false, 30}, {true, 1}, {false, 7}} {
		s := openTemp(t)
		order := slices.Clone(docs)
		if run.reverse {
			slices.Reverse(order)
		}
		for i := 0; i < len(order); i += run.batch {
			var items []annalist.IngestItem
			for _, d := range order[i:min(i+run.batch, len(order))] {
				items = append(items, annalist.IngestItem{Doc: d})
			}
			if _, _, err := s.IngestBatch(ctx, items); err != nil {
				t.Fatal(err)
			}
		}
		got := mergedJSON(t, s)
		var n []annalist.MergedEvent
		if err := json.Unmarshal([]byte(got), &n); err != nil || len(n) < 5 {
			t.Fatalf("%d merged events (%v): the test articles hardly overlap", len(n), err)
		}
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("reverse %v, batches of %d: merged events differ", run.reverse, run.batch)
		}
		if _, err := s.Merge(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if again := mergedJSON(t, s); again != got {
			t.Errorf("reverse %v, batches of %d: annalist merge differs from what ingest left", run.reverse, run.batch)
		}
	}
}

// A telling with no name, in a section whose {{Main}} template links to
// the battle's article, joins the battle by that link, at ingest and in
// annalist merge (which reads the links kept at ingest).
func TestMainArticleLinkJoinsAnUnnamedTelling(t *testing.T) {
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
	battle := battleDoc("b", annalist.DayDate(1901, 5, 2))
	battle.Events[0].Place = nil // no place to agree on: the link alone must tell
	s := openTemp(t)
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: battle}, {Doc: war, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	for _, when := range []string{"ingest", "merge"} {
		if when == "merge" {
			if _, err := s.Merge(ctx, nil); err != nil {
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
// filter, through both query plans; sources=all counts every telling.
func TestMergedListingUnderEachFilter(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, _, err := s.IngestBatch(ctx, []annalist.IngestItem{{Doc: warDoc("w1")}, {Doc: battleDoc("b1", annalist.DayDate(1901, 5, 2))}}); err != nil {
		t.Fatal(err)
	}
	box := &annalist.BBox{MinLon: 9, MinLat: 49, MaxLon: 10.5, MaxLat: 50.5} // Pine Lake, not Oakford
	for _, dense := range []int{denseAt, 1} {
		s.denseAt = dense
		for _, tt := range []struct {
			name   string
			f      annalist.EventFilter
			merged int // rows listed merged; all sources gives one more
		}{
			{"words", annalist.EventFilter{Query: "Pine"}, 1},
			{"side", annalist.EventFilter{Side: "Southia"}, 2},
			{"box", annalist.EventFilter{BBox: box}, 1},
			{"dates", annalist.EventFilter{From: annalist.MonthDate(1901, 5), To: annalist.MonthDate(1901, 5)}, 2},
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
					t.Errorf("denseAt %d, %s, all sources %v: total %d, listed %d, want %d", dense, tt.name, all, page.Total, len(page.Events), want)
				}
				n := 0
				if err := s.EachPoint(ctx, f, func(*annalist.EventPoint) error { n++; return nil }); err != nil || n != want {
					t.Errorf("denseAt %d, %s, all sources %v: %d points (%v), want %d", dense, tt.name, all, n, err, want)
				}
			}
		}
	}
}

// A database of version 8, stored before merged events existed, opens
// with every event listed as before (nothing merged yet), and annalist
// merge then finds the clash its two articles tell.
func TestMigrationToMergedEventsThenMerge(t *testing.T) {
	ctx := context.Background()
	rec := func(e annalist.Event) string {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		return strings.ReplaceAll(string(b), "'", "''")
	}
	war, battle := warDoc("w").Events[0], battleDoc("b", annalist.DayDate(1901, 5, 2)).Events[0]
	wFirst, wLast, _ := eventSpan(&war)
	bFirst, bLast, _ := eventSpan(&battle)
	s := openAtVersion(t, 8,
		`INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims, ingested) VALUES
			(1, '`+annalist.ArticleKey("Northland–Southia War")+`', 'Northland–Southia War', 's', 'text', 'w', x'00', '{}', 1, 0, '2026-01-01T00:00:00Z'),
			(2, '`+annalist.ArticleKey("Battle of Pine Lake")+`', 'Battle of Pine Lake', 's', 'text', 'b', x'00', '{}', 1, 0, '2026-01-01T00:00:00Z')`,
		fmt.Sprintf(`INSERT INTO events (id, key, article_id, ord, start_day, end_day, record) VALUES
			(1, 'kw', 1, 0, %d, %d, '%s'), (2, 'kb', 2, 0, %d, %d, '%s')`, wFirst, wLast, rec(war), bFirst, bLast, rec(battle)),
		fmt.Sprintf(`INSERT INTO side_events (name, undated, day, article_id, ord, end_day, event_id) VALUES
			('Northland', 0, %d, 1, 0, %d, 1), ('Southia', 0, %d, 1, 0, %d, 1),
			('Southia', 0, %d, 2, 0, %d, 2), ('Northland', 0, %d, 2, 0, %d, 2)`, wFirst, wLast, wFirst, wLast, bFirst, bLast, bFirst, bLast),
		fmt.Sprintf(`UPDATE generation SET max_span = %d`, bLast-bFirst),
	)
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 2 {
		t.Fatalf("after migration: %v, want both events", got)
	}
	st, err := s.Merge(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tellings != 2 || st.Merged != 1 {
		t.Errorf("merge stats %+v, want 2 events read, 1 merged", st)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); !slices.Equal(got, []string{"kb"}) {
		t.Errorf("after merge: %v, want the battle's row alone", got)
	}
}
