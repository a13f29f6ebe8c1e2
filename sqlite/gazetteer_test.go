package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/gazetteer"
	"github.com/annalist/annalist/geonames"
)

// Files in GeoNames' exact column layouts; ids and values are made up.
const (
	testPlaces = "1000001\tSuifenhe\tSuifenhe\tSuifenho\t44.39982\t131.14775\tP\tPPLA3\tCN\t\t08\t\t\t\t105000\t\t496\tAsia/Harbin\t2024-01-01\n" +
		"1000002\tChangchun\tChangchun\tChang-ch'un\t43.88\t125.32278\tP\tPPLA\tCN\t\t05\t\t\t\t3000000\t\t200\tAsia/Shanghai\t2024-01-01\n" +
		"1000003\tLake Khanka\tLake Khanka\t\t45.0\t132.4\tH\tLK\tRU\tCN\t59\t\t\t\t0\t68\t69\tAsia/Vladivostok\t2023-05-17\n" +
		"not a row\n"
	testNames = "5000001\t1000002\ten\tHsinking\t\t\t\t1\t1932\t1945\n" +
		"5000002\t1000002\tzh\t长春\t1\t\t\t\t\t\n" +
		"5000003\t1000002\tlink\thttps://en.wikipedia.org/wiki/Example\t\t\t\t\t\t\n" +
		"5000004\t1000001\ten\tSuifenho\t\t\t\t1\t\t1979\n"
)

func TestImportGeoNamesAndLookup(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var bad []*geonames.LineError
	res, err := s.ImportGeoNames(ctx, strings.NewReader(testPlaces), "allCountries.txt", strings.NewReader(testNames), "alternateNamesV2.txt",
		func(e *geonames.LineError) { bad = append(bad, e) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Places != 3 || res.Names != 3 || res.BadLines != 1 {
		t.Errorf("import = %+v, want 3 places, 3 names (the link skipped), 1 bad line", res)
	}
	if len(bad) != 1 || bad[0].Line != 4 || bad[0].File != "allCountries.txt" {
		t.Errorf("bad lines = %v, want allCountries.txt line 4", bad)
	}

	es, err := s.GazetteerLookup(ctx, "HSINKING")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].ID != "geonames:1000002" || es[0].Primary != "Changchun" || es[0].From != 1932 || es[0].To != 1945 || es[0].Lat != 43.88 {
		t.Fatalf("Hsinking = %+v", es)
	}
	if !es[0].InUse(1935) || es[0].InUse(1950) {
		t.Errorf("Hsinking's period not kept: %+v", es[0])
	}
	// A name from allCountries' own alternatenames column, folded.
	if es, _ := s.GazetteerLookup(ctx, "Chang ch’un"); len(es) != 1 || es[0].ID != "geonames:1000002" {
		t.Errorf("Chang-ch'un = %+v", es)
	}
	if es, _ := s.GazetteerLookup(ctx, "lake khanka"); len(es) != 1 || es[0].Kind != "lake" {
		t.Errorf("lake khanka = %+v", es)
	}
	if es, _ := s.GazetteerLookup(ctx, "Nowhere"); len(es) != 0 {
		t.Errorf("Nowhere = %+v", es)
	}
}

func TestImportGeoNamesRefusesOtherFilesWritingNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.ImportGeoNames(ctx, strings.NewReader(testPlaces), "allCountries.txt", nil, "", nil); err != nil {
		t.Fatal(err)
	}
	article := "= Some war =\n\n- Conflict: Some war\n- Place: Somewhere\n\nThe war was fought.\n"
	// The wrong places file, and the wrong names file after good places:
	// either way the earlier import stays as it was.
	for _, tc := range []struct{ places, names string }{{article, ""}, {testPlaces, article}} {
		var names *strings.Reader
		if tc.names != "" {
			names = strings.NewReader(tc.names)
		}
		var err error
		if names != nil {
			_, err = s.ImportGeoNames(ctx, strings.NewReader(tc.places), "a.txt", names, "b.txt", nil)
		} else {
			_, err = s.ImportGeoNames(ctx, strings.NewReader(tc.places), "a.txt", nil, "", nil)
		}
		if !errors.Is(err, geonames.ErrNotGeoNames) {
			t.Errorf("err = %v, want ErrNotGeoNames", err)
		}
		var n int
		s.writer.QueryRow(`SELECT count(*) FROM geonames_places`).Scan(&n)
		if n != 3 {
			t.Errorf("after a refused import %d places, want the 3 of before", n)
		}
	}
}

// The import serves as a source for the built-in gazetteer: a place only
// the full dump knows is resolved, traced to its GeoNames id.
func TestGazetteerSourceResolvesImportedPlaces(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// A made-up place: the test checks the plumbing, not geography.
	if ok, err := s.GazetteerImported(ctx); ok || err != nil {
		t.Fatalf("GazetteerImported before any import = %v, %v", ok, err)
	}
	row := "9000001\tTestgrad\tTestgrad\tTestgrad-Sur\t47.5\t118.0\tP\tPPL\tMN\t\t06\t\t\t\t120\t\t700\tAsia/Choibalsan\t2024-01-01\n"
	if _, err := s.ImportGeoNames(ctx, strings.NewReader(row), "allCountries.txt", nil, "", nil); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.GazetteerImported(ctx); !ok || err != nil {
		t.Fatalf("GazetteerImported after an import = %v, %v", ok, err)
	}
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	region := gazetteer.Region{Countries: []string{"MN"}}
	if p := g.Resolve("near Testgrad", annalist.YearDate(1936), region); p.Lat != nil {
		t.Fatalf("the built-in gazetteer knows Testgrad: %+v", p.Gazetteer)
	}
	p := g.With(s.GazetteerSource(ctx)).Resolve("near Testgrad", annalist.YearDate(1936), region)
	if p.Lat == nil || *p.Lat != 47.5 || p.WherePrec != 2 || p.Gazetteer == nil || p.Gazetteer.ID != "geonames:9000001" || p.Gazetteer.Source != "GeoNames 9000001" {
		t.Errorf("near Testgrad with the import = %+v %+v", p, p.Gazetteer)
	}
}
