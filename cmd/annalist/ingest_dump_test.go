package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	r, err := newResumePoints(db)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := r.File.Get(dump); err != nil || id != 3 {
		t.Errorf("resume point %d, %v; want page 3", id, err)
	}
	code, out, errOut = runCmd(t, "ingest", "--db", db, dump)
	if code != 0 || !strings.Contains(out, "ingested 0 articles") || !strings.Contains(errOut, "resuming after page 3") {
		t.Errorf("second run: exit %d: %q %q", code, out, errOut)
	}
}
