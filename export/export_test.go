package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func sampleEvents() []annalist.StoredEvent {
	lat, lon := 42.45, 130.58
	best := 30
	return []annalist.StoredEvent{
		{Key: "k1", ArticleKey: "a1", ArticleTitle: "Zenda border war", ConflictName: "Zenda border war", Event: annalist.Event{
			ID: "e1", Name: annalist.Ptr("Battle of Zenda, \"the big one\""),
			DateStart: annalist.MonthDate(1937, 6), DateEnd: annalist.MonthDate(1937, 6), DatePrec: 4,
			Place: &annalist.Place{Text: "west of Lake Zenda", Lat: &lat, Lon: &lon, WherePrec: 2,
				Gazetteer: &annalist.GazetteerRef{ID: "annalist:lake-zenda", Name: "Lake Zenda"},
				Country:   "RU", Adm1: "Primorye", HeldBy: "Soviet Union"},
			SideA: []string{"USSR"}, SideB: []string{"Japan", "Manchukuo"},
			ActorsA:       []*annalist.Actor{{Name: "Soviet Union"}},
			DeathsA:       annalist.Ptr(annalist.Range(20, 40)),
			DeathsB:       &annalist.Count{Low: annalist.Ptr(10), Best: &best, High: annalist.Ptr(50)},
			DeathsUnknown: annalist.Ptr(annalist.AtLeast(665)),
			WoundedA:      annalist.Ptr(annalist.Exact(7)),
			CapturedB:     annalist.Ptr(annalist.Exact(3)),
			AccordingTo:   annalist.Ptr("the Soviet press"),
			Evidence:      []annalist.Evidence{{Section: "1937 clashes", Start: 1, End: 5, Text: "One, two"}, {Start: 8, End: 9, Text: "three"}},
		}},
		{Key: "k2", ArticleKey: "a1", ArticleTitle: "Zenda border war", Event: annalist.Event{ID: "e2",
			DeathsUnknown: &annalist.Count{Text: "several"}}},
		{Key: "k3", ArticleKey: "a1", ArticleTitle: "Zenda border war", ConflictName: "Zenda border war", Event: annalist.Event{ID: "e3",
			DateStart: annalist.DayDate(1937, 6, 2), DateUncertain: true,
			SideA: []string{"villagers"}, SideB: []string{"Black Hand of Zenda"},
			DeathsCivilians: annalist.Ptr(annalist.Exact(12))}},
	}
}

func readCSV(t *testing.T, events []annalist.StoredEvent, tally bool) (get func(row int, col string) string, n int) {
	t.Helper()
	var buf bytes.Buffer
	w := NewCSV(&buf)
	if tally {
		tl, err := NewTally()
		if err != nil {
			t.Fatal(err)
		}
		for i := range events {
			tl.Add(&events[i])
		}
		w.SetTally(tl)
	}
	for _, e := range events {
		if err := w.Write(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return func(row int, col string) string {
		t.Helper()
		for i, h := range rows[0] {
			if h == col {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", col)
		return ""
	}, len(rows) - 1
}

func TestCSVHeaderStartsWithGEDColumnsInOrder(t *testing.T) {
	const ged = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name," +
		"dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b," +
		"number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec," +
		"where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id," +
		"region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown," +
		"best,high,low,gwnoa,gwnob"
	if len(GEDColumns) != 49 || strings.Join(CSVHeader[:49], ",") != ged {
		t.Errorf("GED columns (%d) = %s", len(GEDColumns), strings.Join(CSVHeader[:49], ","))
	}
	seen := map[string]bool{}
	for _, c := range CSVHeader {
		if seen[c] {
			t.Errorf("column %s twice", c)
		}
		seen[c] = true
	}
}

func TestCSVFillsGEDColumnsWithGEDMeaning(t *testing.T) {
	get, n := readCSV(t, sampleEvents(), true)
	if n != 3 {
		t.Fatalf("%d rows, want 3", n)
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{1, "id", strconv.FormatInt(ID53("event", "k1"), 10)}, {1, "relid", "k1"},
		{1, "year", "1937"}, {1, "date_start", "1937-06-01"}, {1, "date_end", "1937-06-30"}, {1, "date_prec", "4"},
		{1, "active_year", "1"}, // 30 + 20 + 665 dead in the dyad's 1937
		{1, "code_status", "Clear"}, {1, "type_of_violence", "1"}, {1, "event_clarity", "1"},
		{1, "conflict_dset_id", ""}, {1, "conflict_new_id", strconv.FormatInt(ID53("conflict", "Zenda border war"), 10)},
		// Sides in GED's naming and dyad order: the pair whose name sorts
		// first is side A, and the per-side columns follow it.
		{1, "side_a", "Government of Japan, Government of Manchukuo"},
		{1, "side_b", "Government of Russia (Soviet Union)"},
		{1, "dyad_name", "Government of Japan, Government of Manchukuo - Government of Russia (Soviet Union)"},
		{1, "side_a_new_id", strconv.FormatInt(ID53("side", "Government of Japan, Government of Manchukuo"), 10)},
		{1, "gwnoa", "740"}, {1, "gwnob", "365"}, {1, "gwnoa_all", "740"}, {1, "wikidata_a", "Q188712, Q30623"},
		{1, "side_a_names", "Japan; Manchukuo"}, {1, "side_b_names", "USSR"},
		{1, "deaths_a", "30"}, // the text's best
		{1, "deaths_b", "20"}, // no best: the low bound
		{1, "wounded_b", "7"}, {1, "captured_a", "3"}, {1, "missing_a", ""},
		{1, "low", "695"},  // 10 + 20 + 665
		{1, "best", "715"}, // 30 + 20 + 665
		{1, "high", "755"}, // 50 + 40 + 665 (open range adds its low bound)
		{1, "deaths_unknown", "665"}, {1, "deaths_civilians", ""},
		{1, "where_prec", "2"}, {1, "where_coordinates", "Lake Zenda"}, {1, "where_description", "west of Lake Zenda"},
		{1, "adm_1", "Primorye"}, {1, "adm_2", ""}, {1, "latitude", "42.45"}, {1, "longitude", "130.58"},
		{1, "geom_wkt", "POINT (130.58 42.45)"}, {1, "priogrid_gid", "190702"},
		{1, "country", "Russia (Soviet Union)"}, {1, "country_id", "365"}, {1, "region", "Europe"},
		{1, "country_iso", "RU"}, {1, "country_then", "Soviet Union"},
		{1, "number_of_sources", "1"}, {1, "source_article", "Zenda border war"}, {1, "source_office", "Wikipedia"},
		{1, "source_headline", "1937 clashes"}, {1, "source_original", "the Soviet press"},
		{1, "event_name", `Battle of Zenda, "the big one"`}, {1, "evidence", "One, two | three"},
		{2, "year", ""}, {2, "date_prec", ""}, {2, "active_year", ""}, {2, "code_status", "Check"}, {2, "type_of_violence", ""},
		{2, "low", ""}, {2, "best", ""}, {2, "deaths_unknown", ""}, {2, "latitude", ""}, {2, "priogrid_gid", ""},
		{2, "conflict_name", "Zenda border war"}, // the article's title when the infobox names none
		// One-sided: an armed group against civilians, who are side B.
		{3, "type_of_violence", "3"}, {3, "side_a", "Black Hand of Zenda"}, {3, "side_b", "villagers"},
		{3, "gwnoa", ""}, {3, "deaths_civilians", "12"}, {3, "best", "12"}, {3, "active_year", "0"},
		{3, "event_clarity", "2"}, {3, "date_uncertain", "1"},
	}
	for _, tt := range tests {
		if got := get(tt.row, tt.col); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestCSVWithoutTallyLeavesActiveYearEmpty(t *testing.T) {
	get, _ := readCSV(t, sampleEvents()[:1], false)
	if got := get(1, "active_year"); got != "" {
		t.Errorf("active_year = %q, want empty without a tally", got)
	}
}

func TestNamesResolveToTheStateOfTheEventsDate(t *testing.T) {
	events := []annalist.StoredEvent{
		{Key: "a", Event: annalist.Event{DateStart: annalist.YearDate(1905), SideA: []string{"Russia"}, SideB: []string{"Japan"}}},
		{Key: "b", Event: annalist.Event{DateStart: annalist.YearDate(1939), SideA: []string{"Russia"}, SideB: []string{"Japan"}}},
		{Key: "c", Event: annalist.Event{DateStart: annalist.YearDate(1600), SideA: []string{"Dutch Republic"}, SideB: []string{"Spain"}}},
	}
	get, _ := readCSV(t, events, false)
	tests := []struct {
		row       int
		col, want string
	}{
		{1, "wikidata_b", "Q34266"}, {1, "gwnob", "365"}, // the Russian Empire
		{2, "wikidata_b", "Q15180"}, {2, "gwnob", "365"}, // the Soviet Union
		{2, "wikidata_a", "Q188712"}, // the Empire of Japan
		// Spain had no state-system row before 1816; the Dutch Republic is
		// in none of the lists but has its Wikidata id.
		{3, "side_a", "Government of Dutch Republic"}, {3, "gwnoa", ""}, {3, "wikidata_a", "Q170072"}, {3, "side_b", "Spain"},
	}
	for _, tt := range tests {
		if got := get(tt.row, tt.col); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestID53IsStableAndExactInAFloat(t *testing.T) {
	a, b := ID53("event", "b268ab55d0be2860"), ID53("event", "b268ab55d0be2860")
	if a != b || a <= 0 || a >= 1<<53 || float64(a) != float64(int64(float64(a))) {
		t.Errorf("ID53 = %d, %d", a, b)
	}
	if ID53("event", "x") == ID53("dyad", "x") {
		t.Error("kinds share ids")
	}
}

func TestPrioGridGIDCountsCellsFromTheSouthWest(t *testing.T) {
	tests := []struct {
		lat, lon float64
		want     int
	}{
		{-89.9, -179.9, 1}, {-89.9, -179.4, 2}, {-89.4, -179.9, 721}, {89.9, 179.9, 259200},
		{90, 180, 259200}, {44.57968, 131.14775, 194303}, {0.1, 0.1, 180*720 + 361},
	}
	for _, tt := range tests {
		if got := PrioGridGID(tt.lat, tt.lon); got != tt.want {
			t.Errorf("PrioGridGID(%v, %v) = %d, want %d", tt.lat, tt.lon, got, tt.want)
		}
	}
}

func TestCSVWithoutEventsStillHasHeader(t *testing.T) {
	var buf bytes.Buffer
	w := NewCSV(&buf)
	w.Close()
	if got := strings.TrimSpace(buf.String()); got != strings.Join(CSVHeader, ",") {
		t.Errorf("empty CSV = %q", got)
	}
}

func TestGeoJSONHoldsEventsWithCoordinates(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		var buf bytes.Buffer
		w := NewGeoJSON(&buf)
		for _, e := range sampleEvents()[:n] {
			if err := w.Write(&e); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Type     string
			Features []struct {
				ID       string
				Geometry struct {
					Type        string
					Coordinates []float64
				}
				Properties map[string]any
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
			t.Fatalf("%d events: invalid JSON: %v\n%s", n, err, buf.String())
		}
		want := min(n, 1)
		if fc.Type != "FeatureCollection" || len(fc.Features) != want || w.Skipped != n-want {
			t.Fatalf("%d events: %d features, %d skipped", n, len(fc.Features), w.Skipped)
		}
		if n > 0 {
			f := fc.Features[0]
			if f.ID != "k1" || f.Geometry.Type != "Point" || f.Geometry.Coordinates[0] != 130.58 || f.Geometry.Coordinates[1] != 42.45 ||
				f.Properties["best"] != 715.0 || f.Properties["date_start"] != "1937-06-01" || f.Properties["gwnoa"] != 740.0 ||
				f.Properties["deaths_civilians"] != nil || f.Properties["side_b"] != "Government of Russia (Soviet Union)" ||
				len(f.Properties) != len(CSVHeader) {
				t.Errorf("feature = %+v", f)
			}
		}
	}
}

func TestJSONLRoundTrips(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf)
	events := sampleEvents()
	for _, e := range events {
		w.Write(&e)
	}
	w.WriteDocument(&annalist.Document{Schema: annalist.Schema, Article: annalist.ArticleRef{Title: "<T&>"}})
	w.Close()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != len(events)+1 {
		t.Fatalf("%d lines, want %d", len(lines), len(events)+1)
	}
	var e annalist.StoredEvent
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	if e.Key != "k1" || *e.Event.DeathsB.Best != 30 || e.Event.DateStart != annalist.MonthDate(1937, 6) {
		t.Errorf("event = %+v", e)
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, `"title":"<T&>"`) {
		t.Errorf("document line escapes HTML needlessly: %s", last)
	}
}

func TestNewRejectsUnknownFormat(t *testing.T) {
	if _, err := New("xlsx", &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("New(xlsx) error = %v", err)
	}
	for _, f := range Formats {
		if _, err := New(f, &bytes.Buffer{}); err != nil {
			t.Errorf("New(%s): %v", f, err)
		}
	}
}
