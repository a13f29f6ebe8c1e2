package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGazetteerImportAndLookup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	places := filepath.Join(dir, "allCountries.txt")
	names := filepath.Join(dir, "alternateNamesV2.txt")
	// GeoNames' exact layouts, with a made-up place.
	os.WriteFile(places, []byte("9000001\tTestgrad\tTestgrad\t\t47.5\t118.0\tP\tPPL\tMN\t\t06\t\t\t\t120\t\t700\tAsia/Choibalsan\t2024-01-01\n"+
		"9000002\tBroken\tBroken\n"), 0o644)
	os.WriteFile(names, []byte("5000001\t9000001\ten\tOld Testgrad\t\t\t\t1\t1900\t1950\n"), 0o644)

	code, out, errs := runCmd(t, "gazetteer", "import", "--db", db, places, names)
	if code != 0 || !strings.Contains(out, "imported 1 places and 1 alternate names") || !strings.Contains(out, "1 malformed lines skipped") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "allCountries.txt line 2: 3 columns, want 19") {
		t.Errorf("the bad line is not reported with its number: %q", errs)
	}

	code, out, _ = runCmd(t, "gazetteer", "lookup", "--db", db, "Old Testgrad", "Hsinking", "Nowhereville")
	if code != 0 {
		t.Fatalf("lookup: exit %d", code)
	}
	for _, want := range []string{"geonames:9000001\tOld Testgrad\tcity\t47.50000\t118.00000\tMN\t1900–1950\tGeoNames 9000001",
		"cities:CN.05.Changchun\tHsinking\tcity", "Nowhereville: not known"} {
		if !strings.Contains(out, want) {
			t.Errorf("lookup output lacks %q:\n%s", want, out)
		}
	}
}

func TestGazetteerImportRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	notGeoNames := filepath.Join(dir, "article.txt")
	os.WriteFile(notGeoNames, []byte("= A war =\n\n- Conflict: A war\n\nIt was fought.\n"), 0o644)
	code, _, errs := runCmd(t, "gazetteer", "import", "--db", filepath.Join(dir, "g.db"), notGeoNames)
	if code != 1 || !strings.Contains(errs, "not a GeoNames dump file") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if code, _, _ := runCmd(t, "gazetteer", "import"); code != 2 {
		t.Errorf("import without files: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, "gazetteer", "frobnicate"); code != 2 {
		t.Errorf("unknown subcommand: exit %d, want 2", code)
	}
}
