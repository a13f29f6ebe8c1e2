package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
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

// TestAnArticleReadsTheSameWhateverWasReadBefore extracts the WikiWars
// articles with one extractor in order, and each again with an extractor
// of its own: each article's events must be the same both ways. The readers
// reuse their scratch memory from article to article, and nothing of one
// article may leak into the next (a kept sentence once shared its date
// spans with the reader's, so an event's spans depended on the article
// read before).
func TestAnArticleReadsTheSameWhateverWasReadBefore(t *testing.T) {
	dir := filepath.Join(testshared.Dir(t), "corpus", "wikiwars", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Skipf("no WikiWars texts in %s: %v", dir, err)
	}
	ctx := context.Background()
	read := func(x *Extractor, order []string) map[string][]byte {
		out := map[string][]byte{}
		for _, name := range order {
			err := source.Walk(ctx, []string{name}, func(it source.Item) error {
				if it.Err != nil {
					return it.Err
				}
				doc, err := x.Extract(ctx, it.Article)
				if err != nil {
					return err
				}
				b, err := json.Marshal(doc.Events)
				out[name] = b
				return err
			})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		return out
	}
	warm := read(newExtractor(t), names)
	for _, name := range names {
		cold := read(newExtractor(t), []string{name})
		if !bytes.Equal(warm[name], cold[name]) {
			t.Errorf("%s: events differ after the articles read before it", filepath.Base(name))
		}
	}
}
