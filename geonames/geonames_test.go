package geonames

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Rows in allCountries.txt's exact 19-column layout; ids and values are
// made up for the tests.
const placesTxt = "1000001\tSuifenhe\tSuifenhe\tSuifenho,Pogranichnaya\t44.39982\t131.14775\tP\tPPLA3\tCN\t\t08\t2310\t\t\t105000\t\t496\tAsia/Harbin\t2024-01-01\n" +
	"1000002\tLake Khanka\tLake Khanka\tOzero Khanka,Xingkai Hu\t45.0\t132.4\tH\tLK\tRU\tCN\t59\t\t\t\t0\t68\t69\tAsia/Vladivostok\t2023-05-17\n" +
	"1000003\tKhalkhin Gol\tKhalkhin Gol\t\t47.7\t118.6\tH\tSTM\tMN\tCN\t06\t\t\t\t\t\t\tAsia/Choibalsan\t2019-02-03\n"

func readAll(t *testing.T, data, file string) ([]Place, []*LineError, error) {
	t.Helper()
	var ps []Place
	var bad []*LineError
	err := ReadPlaces(context.Background(), strings.NewReader(data), file, func(p Place) error {
		ps = append(ps, p)
		return nil
	}, func(e *LineError) { bad = append(bad, e) })
	return ps, bad, err
}

func TestReadPlacesParsesEveryColumn(t *testing.T) {
	ps, bad, err := readAll(t, placesTxt, "allCountries.txt")
	if err != nil || len(bad) != 0 {
		t.Fatalf("err %v, bad %v", err, bad)
	}
	if len(ps) != 3 {
		t.Fatalf("got %d places, want 3", len(ps))
	}
	p := ps[0]
	if p.ID != 1000001 || p.Name != "Suifenhe" || p.Lat != 44.39982 || p.Lon != 131.14775 ||
		p.FeatureClass != "P" || p.FeatureCode != "PPLA3" || p.Country != "CN" || p.Admin1 != "08" ||
		p.Admin2 != "2310" || p.Population != 105000 || p.Elevation != nil || p.DEM != 496 ||
		p.Timezone != "Asia/Harbin" || p.Modified != "2024-01-01" {
		t.Errorf("place 1 = %+v", p)
	}
	if len(p.AlternateNames) != 2 || p.AlternateNames[0] != "Suifenho" {
		t.Errorf("alternate names = %q", p.AlternateNames)
	}
	if q := ps[1]; q.Elevation == nil || *q.Elevation != 68 || q.CC2 != "CN" || q.FeatureCode != "LK" {
		t.Errorf("place 2 = %+v", q)
	}
	if q := ps[2]; q.AlternateNames != nil || q.Population != 0 || q.DEM != 0 {
		t.Errorf("place 3 empty columns = %+v", q)
	}
}

func TestReadPlacesReportsBadLineAndGoesOn(t *testing.T) {
	data := placesTxt[:strings.Index(placesTxt, "\n")+1] +
		"1000009\tBroken\tBroken\t\t91.5\t10.0\tP\tPPL\tXX\t\t\t\t\t\t\t\t\t\t\n" + // latitude out of range
		"only\tthree\tcolumns\n" +
		placesTxt[strings.Index(placesTxt, "\n")+1:]
	ps, bad, err := readAll(t, strings.ReplaceAll(data, "\n", "\r\n"), "allCountries.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Errorf("got %d places, want the 3 good ones", len(ps))
	}
	if len(bad) != 2 || bad[0].Line != 2 || bad[1].Line != 3 {
		t.Fatalf("bad lines = %v, want lines 2 and 3", bad)
	}
	if !strings.Contains(bad[0].Error(), "allCountries.txt line 2") || !strings.Contains(bad[0].Error(), "latitude") {
		t.Errorf("message %q should name the file, line and column", bad[0].Error())
	}
	if !strings.Contains(bad[1].Error(), "3 columns, want 19") {
		t.Errorf("message %q should give the column count", bad[1].Error())
	}
}

func TestReadRefusesOtherFilesBeforeDeliveringAnything(t *testing.T) {
	others := map[string]string{
		"article":  "= Soviet–Japanese border conflicts =\n\nJapan\n- Conflict: Soviet–Japanese border conflicts\n- Place: Northeast Asia\n",
		"csv":      "id,name,lat,lon\n1,Suifenhe,44.4,131.1\n2,Harbin,45.7,126.6\n",
		"altnames": "5000001\t1000001\ten\tSuifenho\t\t\t\t1\t\t1979\n",
		"empty":    "",
	}
	for name, data := range others {
		called := 0
		err := ReadPlaces(context.Background(), strings.NewReader(data), name, func(Place) error { called++; return nil }, nil)
		if !errors.Is(err, ErrNotGeoNames) {
			t.Errorf("%s: err = %v, want ErrNotGeoNames", name, err)
		}
		if called != 0 {
			t.Errorf("%s: %d rows delivered before refusing", name, called)
		}
	}
}

func TestReadAltNamesKeepsHistoricFlagAndPeriod(t *testing.T) {
	data := "5000001\t1000001\ten\tSuifenho\t\t\t\t1\t\t1979\n" +
		"5000002\t1000001\tzh\t绥芬河\t1\t\t\t\t\t\n" +
		"5000003\t1000004\t\tHsinking\t\t\t\t1\t1932\t1945\n" +
		"5000004\t1000005\tlink\thttps://en.wikipedia.org/wiki/Example\t\t\t\t\n" // the 8-column v1 layout
	var got []AltName
	err := ReadAltNames(context.Background(), strings.NewReader(data), "alternateNamesV2.txt", func(a AltName) error {
		got = append(got, a)
		return nil
	}, func(e *LineError) { t.Errorf("unexpected bad line: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("got %d names", len(got))
	}
	if a := got[0]; !a.Historic || a.Preferred || a.To != "1979" || a.From != "" || a.Lang != "en" || a.GeonameID != 1000001 {
		t.Errorf("name 1 = %+v", a)
	}
	if a := got[1]; !a.Preferred || a.Historic || a.Name != "绥芬河" {
		t.Errorf("name 2 = %+v", a)
	}
	if a := got[2]; a.From != "1932" || a.To != "1945" || !a.Historic {
		t.Errorf("name 3 = %+v", a)
	}
	if a := got[3]; a.Lang != "link" || a.From != "" {
		t.Errorf("name 4 = %+v", a)
	}
}

func TestOpenZip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "allCountries.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range map[string]string{"readme.txt": "about the data\n", "allCountries.txt": placesTxt} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	rc, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	n := 0
	if err := ReadPlaces(context.Background(), rc, path, func(Place) error { n++; return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("read %d places from the zip, want 3", n)
	}
	if _, err := Open(filepath.Join(dir, "missing.zip")); err == nil || !strings.Contains(err.Error(), "missing.zip") {
		t.Errorf("opening a missing file: %v", err)
	}
}

func TestReadStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ReadPlaces(context.Background(), strings.NewReader(placesTxt), "f", func(Place) error { n++; return stop }, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d rows, want stop after 1", err, n)
	}
}

func FuzzReadPlaces(f *testing.F) {
	f.Add(placesTxt)
	f.Add("1\tA\tA\t\t0\t0\tP\tPPL\tXX\t\t\t\t\t\t\t\t\t\t\n\n#c\n")
	f.Add("x\ty\n")
	f.Fuzz(func(t *testing.T, data string) {
		_ = ReadPlaces(context.Background(), strings.NewReader(data), "fuzz", func(p Place) error {
			if p.ID <= 0 || p.Name == "" || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				t.Fatalf("invalid place delivered: %+v", p)
			}
			return nil
		}, func(e *LineError) {
			if e.Line <= 0 {
				t.Fatalf("bad line number %d", e.Line)
			}
		})
	})
}

func FuzzReadAltNames(f *testing.F) {
	f.Add("5000001\t1000001\ten\tSuifenho\t\t\t\t1\t\t1979\n")
	f.Add("1\t2\t\tX\t1\t1\t1\t1\n")
	f.Fuzz(func(t *testing.T, data string) {
		_ = ReadAltNames(context.Background(), strings.NewReader(data), "fuzz", func(a AltName) error {
			if a.ID <= 0 || a.GeonameID <= 0 || a.Name == "" {
				t.Fatalf("invalid name delivered: %+v", a)
			}
			return nil
		}, nil)
	})
}
