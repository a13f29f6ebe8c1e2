package backend

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The resume points of a PostgreSQL database go to the data directory,
// which is made when missing (a first ingest into PostgreSQL stopped after
// its first batch for want of it); a password never names the file
// differently from the same DSN without one shown.
func TestResumeFileOfAPostgresDSNIsInTheDataDirectory(t *testing.T) {
	data := filepath.Join(t.TempDir(), "fresh")
	t.Setenv("XDG_DATA_HOME", data)
	p, err := ResumeFile("postgres://u:secret@db/annalist")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(p) != filepath.Join(data, "annalist") || !strings.HasSuffix(p, ".dumps.json") || strings.Contains(p, "secret") {
		t.Errorf("resume file %s", p)
	}
	if st, err := os.Stat(filepath.Dir(p)); err != nil || !st.IsDir() {
		t.Errorf("data directory not made: %v", err)
	}
	if q, _ := ResumeFile("/x/a.db"); q != "/x/a.db.dumps.json" {
		t.Errorf("sqlite resume file %s, want beside the database", q)
	}
}
