package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sample"
)

// gedArticles writes the bundled sample and two invented articles into a
// directory and returns their paths.
func gedArticles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	paths := []string{filepath.Join(dir, "sample.txt")}
	if err := os.WriteFile(paths[0], sample.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Invented war A", "Invented war B"} {
		doc, raw := synth.Document(synth.Options{Title: title, Events: 6, Seed: uint64(i + 7)})
		p := filepath.Join(dir, doc.Article.Title+".txt")
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// exportGED ingests paths one by one, in the order given, into a fresh
// database and exports it as CSV and GeoJSON.
func exportGED(t *testing.T, paths []string) (csvPath, geojsonPath string) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	for _, p := range paths {
		if code, _, errOut := runCmd(t, "ingest", "--db", db, p); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", p, code, errOut)
		}
	}
	csvPath, geojsonPath = filepath.Join(dir, "events.csv"), filepath.Join(dir, "events.geojson")
	for format, out := range map[string]string{"csv": csvPath, "geojson": geojsonPath} {
		if code, _, errOut := runCmd(t, "export", "--db", db, "--format", format, "--out", out); code != 0 {
			t.Fatalf("export %s: exit %d: %s", format, code, errOut)
		}
	}
	return csvPath, geojsonPath
}

func readRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func TestGEDIDsSurviveAFreshIngestInAnotherOrder(t *testing.T) {
	paths := gedArticles(t)
	first, _ := exportGED(t, paths)
	second, _ := exportGED(t, []string{paths[2], paths[0], paths[1]})
	a, b := readRows(t, first), readRows(t, second)
	if len(a) != len(b) || len(a) < 20 {
		t.Fatalf("%d and %d rows", len(a), len(b))
	}
	byRelid := map[string]map[string]string{}
	for _, r := range b {
		byRelid[r["relid"]] = r
	}
	ids := map[string]bool{}
	for _, r := range a {
		o, ok := byRelid[r["relid"]]
		if !ok {
			t.Errorf("event %s missing after re-ingest", r["relid"])
			continue
		}
		for _, col := range []string{"id", "conflict_new_id", "dyad_new_id", "side_a_new_id", "side_b_new_id"} {
			if r[col] != o[col] || (r[col] == "" && col != "side_a_new_id" && col != "side_b_new_id") {
				t.Errorf("event %s: %s %q then %q", r["relid"], col, r[col], o[col])
			}
		}
		if ids[r["id"]] {
			t.Errorf("id %s twice", r["id"])
		}
		ids[r["id"]] = true
	}
}

// python returns a Python 3 that has pandas, or skips.
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import pandas").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with pandas (Debian: apt-get install python3-pandas; .ci/setup-ged installs it)")
	return ""
}

// The dtypes GED's users read its CSV with: integer ids and codes
// (nullable where GED leaves cells empty), floats for coordinates, text
// for names, dates parsed.
const pandasScript = `
import json, sys
import pandas as pd
dtypes = {
    "id": "int64", "relid": "string", "year": "Int64", "active_year": "Int64", "code_status": "string",
    "type_of_violence": "Int64", "conflict_dset_id": "string", "conflict_new_id": "Int64", "conflict_name": "string",
    "dyad_dset_id": "string", "dyad_new_id": "Int64", "dyad_name": "string",
    "side_a_dset_id": "string", "side_a_new_id": "Int64", "side_a": "string",
    "side_b_dset_id": "string", "side_b_new_id": "Int64", "side_b": "string",
    "number_of_sources": "Int64", "source_article": "string", "source_office": "string", "source_date": "string",
    "source_headline": "string", "source_original": "string", "where_prec": "Int64", "where_coordinates": "string",
    "where_description": "string", "adm_1": "string", "adm_2": "string", "latitude": "float64", "longitude": "float64",
    "geom_wkt": "string", "priogrid_gid": "Int64", "country": "string", "country_id": "Int64", "region": "string",
    "event_clarity": "Int64", "date_prec": "Int64", "deaths_a": "Int64", "deaths_b": "Int64",
    "deaths_civilians": "Int64", "deaths_unknown": "Int64", "best": "Int64", "high": "Int64", "low": "Int64",
    "gwnoa": "Int64", "gwnob": "Int64",
}
df = pd.read_csv(sys.argv[1], dtype=dtypes, parse_dates=["date_start", "date_end"])
khasan = df[df["where_coordinates"] == "Lake Khasan"].iloc[0]
print(json.dumps({
    "rows": len(df),
    "columns": list(df.columns[:49]),
    "dtypes": {c: str(df[c].dtype) for c in ["id", "year", "latitude", "priogrid_gid", "gwnoa", "date_start"]},
    "khasan": {"gwnoa": int(khasan["gwnoa"]), "gwnob": int(khasan["gwnob"]), "country_id": int(khasan["country_id"]),
               "priogrid_gid": int(khasan["priogrid_gid"]), "date_start": str(khasan["date_start"].date()),
               "region": khasan["region"]},
    "manchukuo_gwno": int(df[df["side_a"] == "Government of Manchukuo"]["gwnoa"].notna().sum()),
    "mongolia_gwnob": sorted(set(int(g) for g in df[df["side_b"] == "Government of Mongolia"]["gwnob"])),
}))
`

func TestPandasReadsTheCSVWithGEDTypes(t *testing.T) {
	py := python(t)
	csvPath, _ := exportGED(t, gedArticles(t)[:1])
	out, err := exec.Command(py, "-c", pandasScript, csvPath).CombinedOutput()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, out)
	}
	var got struct {
		Rows          int
		Columns       []string
		Dtypes        map[string]string
		Khasan        map[string]any
		ManchukuoGwno int   `json:"manchukuo_gwno"`
		MongoliaGwnob []int `json:"mongolia_gwnob"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(records) < 11 {
		t.Fatalf("the CSV itself: %d records, %v", len(records), err)
	}
	if got.Rows != len(records)-1 || strings.Join(got.Columns, ",") != strings.Join(exportGEDColumns(), ",") {
		t.Errorf("pandas read %d rows, columns %v", got.Rows, got.Columns)
	}
	wantTypes := map[string]string{"id": "int64", "year": "Int64", "latitude": "float64", "priogrid_gid": "Int64",
		"gwnoa": "Int64", "date_start": "datetime64[ns]"}
	for c, w := range wantTypes {
		if got.Dtypes[c] != w {
			t.Errorf("dtype of %s = %s, want %s", c, got.Dtypes[c], w)
		}
	}
	wantKhasan := map[string]any{"gwnoa": 740.0, "gwnob": 365.0, "country_id": 365.0, "priogrid_gid": 190702.0,
		"date_start": "1938-07-29", "region": "Europe"}
	for k, w := range wantKhasan {
		if got.Khasan[k] != w {
			t.Errorf("Lake Khasan %s = %v, want %v", k, got.Khasan[k], w)
		}
	}
	if got.ManchukuoGwno != 0 || len(got.MongoliaGwnob) != 1 || got.MongoliaGwnob[0] != 712 {
		t.Errorf("Manchukuo rows with a gwnoa: %d; Mongolia's gwnob: %v", got.ManchukuoGwno, got.MongoliaGwnob)
	}
}

func TestGDALReadsTheGeoJSONIntoAGeoPackage(t *testing.T) {
	ogr2ogr, err := exec.LookPath("ogr2ogr")
	if err != nil {
		t.Skip("no ogr2ogr (Debian: apt-get install gdal-bin; .ci/setup-ged installs it)")
	}
	ogrinfo, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("no ogrinfo (Debian: gdal-bin)")
	}
	_, geojson := exportGED(t, gedArticles(t)[:1])
	gpkg := filepath.Join(t.TempDir(), "events.gpkg")
	if out, err := exec.Command(ogr2ogr, "-f", "GPKG", gpkg, geojson, "-nln", "events").CombinedOutput(); err != nil {
		t.Fatalf("ogr2ogr: %v\n%s", err, out)
	}
	out, err := exec.Command(ogrinfo, "-ro", "-so", gpkg, "events").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	summary := string(out)
	// As many features as the GeoJSON holds: every placed event.
	data, err := os.ReadFile(geojson)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct{ Features []json.RawMessage }
	if err := json.Unmarshal(data, &fc); err != nil || len(fc.Features) < 10 {
		t.Fatalf("GeoJSON: %d features, %v", len(fc.Features), err)
	}
	for _, want := range []string{"Geometry: Point", fmt.Sprintf("Feature Count: %d", len(fc.Features)), "id: Integer64", "priogrid_gid: Integer",
		"gwnoa: Integer", "latitude: Real", "side_a: String", "date_start: Date"} {
		if !strings.Contains(summary, want) {
			t.Errorf("ogrinfo lacks %q:\n%s", want, summary)
		}
	}
	out, err = exec.Command(ogrinfo, "-ro", "-q", gpkg, "-sql",
		"SELECT gwnoa, gwnob, priogrid_gid, country FROM events WHERE where_coordinates = 'Lake Khasan'").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo -sql: %v\n%s", err, out)
	}
	for _, want := range []string{"gwnoa (Integer) = 740", "gwnob (Integer) = 365", "priogrid_gid (Integer) = 190702",
		"country (String) = Russia (Soviet Union)"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("GeoPackage row lacks %q:\n%s", want, out)
		}
	}
}

func exportGEDColumns() []string { return export.GEDColumns }
