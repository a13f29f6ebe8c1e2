package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func sampleEvents() []annalist.StoredEvent {
	lat, lon := 42.45, 130.58
	best := 30
	return []annalist.StoredEvent{
		{Key: "k1", ArticleKey: "a1", ArticleTitle: "Ruritanian war", ConflictName: "Ruritanian war", Event: annalist.Event{
			ID: "e1", Name: annalist.Ptr("Battle of Zenda, \"the big one\""),
			DateStart: annalist.MonthDate(1937, 6), DateEnd: annalist.MonthDate(1937, 6), DatePrec: 4,
			Place: &annalist.Place{Text: "Lake Zenda", Lat: &lat, Lon: &lon, WherePrec: 2},
			SideA: []string{"Ruritania", "Syldavia"}, SideB: []string{"Borduria"},
			DeathsA:       annalist.Ptr(annalist.Range(20, 40)),
			DeathsB:       &annalist.Count{Low: annalist.Ptr(10), Best: &best, High: annalist.Ptr(50)},
			DeathsUnknown: annalist.Ptr(annalist.AtLeast(665)),
			WoundedA:      annalist.Ptr(annalist.Exact(7)),
			CapturedB:     annalist.Ptr(annalist.Exact(3)),
			Evidence:      []annalist.Evidence{{Start: 1, End: 5, Text: "One, two"}, {Start: 8, End: 9, Text: "three"}},
		}},
		{Key: "k2", ArticleKey: "a1", ArticleTitle: "Ruritanian war", Event: annalist.Event{ID: "e2",
			DeathsUnknown: &annalist.Count{Text: "several"}}},
	}
}

func TestCSVUsesGEDColumnsAndSumsDeaths(t *testing.T) {
	var buf bytes.Buffer
	w := NewCSV(&buf)
	for _, e := range sampleEvents() {
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
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2", len(rows))
	}
	if got := strings.Join(rows[0][:18], ","); got != "id,year,date_start,date_end,date_prec,side_a,side_b,deaths_a,deaths_b,low,best,high,where_prec,where_coordinates,latitude,longitude,conflict_name,source_article" {
		t.Errorf("GED columns = %s", got)
	}
	get := func(row int, col string) string {
		for i, h := range rows[0] {
			if h == col {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", col)
		return ""
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{1, "id", "k1"}, {1, "year", "1937"}, {1, "date_start", "1937-06-01"}, {1, "date_end", "1937-06-30"}, {1, "date_prec", "4"},
		{1, "side_a", "Ruritania; Syldavia"}, {1, "side_b", "Borduria"},
		{1, "deaths_a", "20"}, // no best: the low bound
		{1, "deaths_b", "30"}, // the text's best
		{1, "low", "695"},     // 20 + 10 + 665
		{1, "best", "715"},    // 20 + 30 + 665
		{1, "high", "755"},    // 40 + 50 + 665 (open range adds its low bound)
		{1, "where_prec", "2"}, {1, "where_coordinates", "Lake Zenda"}, {1, "latitude", "42.45"}, {1, "longitude", "130.58"},
		{1, "conflict_name", "Ruritanian war"}, {1, "source_article", "Ruritanian war"},
		{1, "event_name", `Battle of Zenda, "the big one"`}, {1, "wounded_a", "7"}, {1, "captured_b", "3"}, {1, "missing_a", ""},
		{1, "deaths_unknown", "665"}, {1, "evidence", "One, two | three"},
		{2, "year", ""}, {2, "date_prec", ""}, {2, "low", ""}, {2, "best", ""}, {2, "deaths_unknown", ""}, {2, "latitude", ""},
	}
	for _, tt := range tests {
		if got := get(tt.row, tt.col); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.col, got, tt.want)
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
	for _, n := range []int{0, 1, 2} {
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
				f.Properties["best"] != 715.0 || f.Properties["date_start"] != "1937-06" {
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
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	var e annalist.StoredEvent
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	if e.Key != "k1" || *e.Event.DeathsB.Best != 30 || e.Event.DateStart != annalist.MonthDate(1937, 6) {
		t.Errorf("event = %+v", e)
	}
	if !strings.Contains(lines[2], `"title":"<T&>"`) {
		t.Errorf("document line escapes HTML needlessly: %s", lines[2])
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
