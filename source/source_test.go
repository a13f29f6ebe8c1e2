package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func collect(t *testing.T, paths ...string) (titles, errs []string) {
	t.Helper()
	err := Walk(context.Background(), paths, func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
		} else {
			titles = append(titles, it.Article.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return titles, errs
}

func TestWalkReadsFilesDirectoriesAndGlobs(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", "= Alpha =\n\nText.\n")
	write(t, dir, "sub/b.txt", "= Beta =\n\nText.\n")
	write(t, dir, "sub/notes.md", "# not an article\n")
	write(t, dir, ".hidden/c.txt", "= Hidden =\n")

	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"file", []string{a}, "Alpha"},
		{"directory, recursively, known extensions only", []string{dir}, "Alpha,Beta"},
		{"glob", []string{filepath.Join(dir, "*.txt")}, "Alpha"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			titles, errs := collect(t, tt.paths...)
			if strings.Join(titles, ",") != tt.want || len(errs) != 0 {
				t.Errorf("titles %v errs %v, want %s", titles, errs, tt.want)
			}
		})
	}
}

func TestWalkReportsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.txt", "no title here\n")
	good := write(t, dir, "good.txt", "= Good =\n")
	titles, errs := collect(t, filepath.Join(dir, "missing.txt"), bad, filepath.Join(dir, "*.none"), good)
	if strings.Join(titles, ",") != "Good" {
		t.Errorf("titles %v", titles)
	}
	if len(errs) != 3 || !strings.Contains(errs[1], "bad.txt:1:") || !strings.Contains(errs[2], "matches no file") {
		t.Errorf("errs %q", errs)
	}
}

func TestWalkRefusesUnknownFormat(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "data.json", `{"a": 1}`)
	_, errs := collect(t, p)
	if len(errs) != 1 || !strings.Contains(errs[0], "not a format annalist reads") {
		t.Errorf("errs %q", errs)
	}
}

func TestWalkReadsPlainProseWithoutATitleLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "07_Some_War.txt", "Course of the war\n\nThe war began in 1801. It ended in 1803.\n")
	titles, errs := collect(t, p)
	if strings.Join(titles, ",") != "Some War" || len(errs) != 0 {
		t.Errorf("titles %v errs %v, want Some War", titles, errs)
	}
}

// TestArticlesPastTheLimitAreRefusedByName: a file larger than an article
// may be is an error naming it, not a stall or an exhausted machine.
func TestArticlesPastTheLimitAreRefusedByName(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.wiki")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("'''Huge''' was a war.\n")
	if err := f.Truncate(MaxArticleBytes + 1); err != nil { // sparse: no 64 MB written
		t.Fatal(err)
	}
	f.Close()
	var items []Item
	if err := Walk(context.Background(), []string{big}, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), big) || !strings.Contains(items[0].Err.Error(), "64 MB") {
		t.Errorf("items %+v: want one error naming %s and the limit", items, big)
	}
}
