package queue

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSplitCutsDumpsByStreamsAndFilesIntoBatches: a multistream dump
// becomes ranges of its streams that cover every page once; other files
// go in batches, in order; the index is read with its dump, not as input.
func TestSplitCutsDumpsByStreamsAndFilesIntoBatches(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "xwiki-pages-articles-multistream.xml.bz2")
	write(t, dump, "not read by Split")
	// Seven streams of three pages (ids 1..21), two index lines each
	// stream sharing its offset.
	var idx strings.Builder
	for s := range 7 {
		for p := range 3 {
			fmt.Fprintf(&idx, "%d:%d:Page %d\n", 100+s*50, s*3+p+1, s*3+p+1)
		}
	}
	write(t, filepath.Join(dir, "xwiki-pages-articles-multistream-index.txt"), idx.String())
	for _, n := range []string{"a.txt", "b.txt", "sub/c.wiki", "sub/.hidden"} {
		write(t, filepath.Join(dir, "articles", n), "x")
	}
	single := filepath.Join(dir, "plain.xml")
	write(t, single, "<mediawiki/>")

	jobs, err := Split([]string{dump, filepath.Join(dir, "articles"), single}, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	art := func(n string) string { return filepath.Join(dir, "articles", n) }
	want := []Job{
		{Dump: dump, After: 0, UpTo: 7},  // streams from page 1, 4, 7
		{Dump: dump, After: 9, UpTo: 16}, // streams from page 10, 13, 16
		{Dump: dump, After: 18, UpTo: 0}, // the last stream, to the end
		{Files: []string{art("a.txt"), art("b.txt")}},
		{Files: []string{art("sub/c.wiki"), single}},
	}
	if !reflect.DeepEqual(jobs, want) {
		t.Errorf("jobs:\n got %+v\nwant %+v", jobs, want)
	}
}

func TestSplitRefusesABadIndexAndNothing(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "y-multistream.xml.bz2")
	write(t, dump, "")
	write(t, filepath.Join(dir, "y-multistream-index.txt"), "12:3:Page\nnonsense\n")
	if _, err := Split([]string{dump}, 2, 2); err == nil || !strings.Contains(err.Error(), "index.txt:2") {
		t.Errorf("bad index: %v, want an error naming its line 2", err)
	}
	if _, err := Split([]string{filepath.Join(dir, "*.none")}, 2, 2); err == nil || !strings.Contains(err.Error(), "no file matches") {
		t.Errorf("empty glob: %v", err)
	}
}
