package extract

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/testshared"
	"github.com/annalist/annalist/source"
)

// TestWikiWarsEventsLieInTheirWar extracts the 22 full-length war
// articles of the WikiWars corpus (plain prose, no infobox) and checks
// that each reads without error and that every clash found lies within
// its war, give or take a year: long real text, with no infobox to give
// the war's dates, must not yield clashes dated by a slip of the
// narrative's running date.
func TestWikiWarsEventsLieInTheirWar(t *testing.T) {
	dir := filepath.Join(testshared.Dir(t), "corpus", "wikiwars", "text")
	periods := readPeriods(t, filepath.Join("testdata", "wikiwars-periods.tsv"))
	x := newExtractor(t)
	ctx := context.Background()
	n := 0
	for name, p := range periods {
		err := source.Walk(ctx, []string{filepath.Join(dir, name)}, func(it source.Item) error {
			if it.Err != nil {
				return it.Err
			}
			doc, err := x.Extract(ctx, it.Article)
			if err != nil {
				return err
			}
			for _, ev := range doc.Events {
				n++
				if ev.DateStart.IsZero() {
					continue
				}
				if ev.DateStart.Year < p[0]-1 || ev.DateEnd.Year > p[1]+1 {
					t.Errorf("%s: clash dated %s..%s outside the war's %d–%d: %.100q", name, ev.DateStart, ev.DateEnd, p[0], p[1], ev.Evidence[0].Text)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n < 200 {
		t.Errorf("%d clashes in 22 war articles, want at least 200", n)
	}
}

func readPeriods(t *testing.T, path string) map[string][2]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		a, err1 := strconv.Atoi(cols[1])
		b, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad years in %q", path, line)
		}
		out[cols[0]] = [2]int{a, b}
	}
	return out
}
