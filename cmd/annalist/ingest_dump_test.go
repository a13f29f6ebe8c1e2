package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A resume point becomes valid only when everything handed over before it
// is stored.
func TestResumePointsWaitForTheStore(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xml"), filepath.Join(dir, "b.xml")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("<mediawiki/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := newResumePoints(filepath.Join(dir, "x.db"))
	r.handed(3)
	r.seen(a, 30)
	r.handed(5)
	r.seen(a, 50)
	r.seen(b, 7)

	steps := []struct {
		stored int
		a, b   int64
	}{
		{2, 0, 0},  // the first mark needs 3 items stored
		{3, 30, 0}, // now a.xml may resume after 30
		{4, 30, 0},
		{5, 50, 7}, // both later marks hold
	}
	for _, s := range steps {
		if err := r.stored(s.stored); err != nil {
			t.Fatal(err)
		}
		gotA, _ := r.file.Get(a)
		gotB, _ := r.file.Get(b)
		if gotA != s.a || gotB != s.b {
			t.Errorf("after %d stored: a=%d b=%d, want %d %d", s.stored, gotA, gotB, s.a, s.b)
		}
	}
}

func dumpPage(id int, title string) string {
	return fmt.Sprintf(`<page><title>%s</title><ns>0</ns><id>%d</id><revision><id>%d</id><text xml:space="preserve">{{Infobox military conflict
| conflict = %s
| date = %d May 1901
| combatant1 = {{flag|Ruritania}}
| combatant2 = {{flag|Borduria}}
| casualties1 = %d killed
}}
The %s was fought between Ruritania and Borduria.
</text></revision></page>
`, title, id, id+1000, title, id, id, title)
}

func TestIngestDumpKeepsAResumePoint(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "wiki-pages-articles.xml")
	var b strings.Builder
	b.WriteString(`<mediawiki xml:lang="en">` + "\n")
	for i := 1; i <= 3; i++ {
		b.WriteString(dumpPage(i, fmt.Sprintf("Battle of Place %d", i)))
	}
	b.WriteString("</mediawiki>\n")
	if err := os.WriteFile(dump, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "a.db")
	code, out, errOut := runCmd(t, "ingest", "--db", db, dump)
	if code != 0 || !strings.Contains(out, "ingested 3 articles") {
		t.Fatalf("exit %d: %q %q", code, out, errOut)
	}
	r := newResumePoints(db)
	if id, err := r.file.Get(dump); err != nil || id != 3 {
		t.Errorf("resume point %d, %v; want page 3", id, err)
	}
	code, out, errOut = runCmd(t, "ingest", "--db", db, dump)
	if code != 0 || !strings.Contains(out, "ingested 0 articles") || !strings.Contains(errOut, "resuming after page 3") {
		t.Errorf("second run: exit %d: %q %q", code, out, errOut)
	}
}
