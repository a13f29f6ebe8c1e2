package ingest

import (
	"os"
	"path/filepath"
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
	r := NewResumePoints(filepath.Join(dir, "x.db.dumps.json"))
	r.Handed(3)
	r.Seen(a, 30)
	r.Handed(5)
	r.Seen(a, 50)
	r.Seen(b, 7)

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
		if err := r.Stored(s.stored); err != nil {
			t.Fatal(err)
		}
		gotA, _ := r.File.Get(a)
		gotB, _ := r.File.Get(b)
		if gotA != s.a || gotB != s.b {
			t.Errorf("after %d stored: a=%d b=%d, want %d %d", s.stored, gotA, gotB, s.a, s.b)
		}
	}
}
