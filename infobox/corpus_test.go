package infobox

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/testshared"
	"github.com/annalist/annalist/plaintext"
)

func readArticle(t testing.TB, path string) *annalist.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := plaintext.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func loadActors(t testing.TB) *actor.Table {
	t.Helper()
	tab, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// corpusFiles lists the sample and the dev articles.
func corpusFiles(shared string) []string {
	files := []string{filepath.Join(shared, "corpus", "soviet-japanese-border-conflicts.txt")}
	dev, _ := filepath.Glob(filepath.Join(shared, "corpus", "dev", "*.txt"))
	return append(files, dev...)
}

// TestCorpusConflicts checks key fields of the corpus articles' records.
// With ANNALIST_DUMP set to a directory it also writes each document
// there, for scoring with ../shared/tools/score.
func TestCorpusConflicts(t *testing.T) {
	shared := testshared.Dir(t)
	testshared.Path(t, "corpus")
	actors := loadActors(t)
	want := map[string]struct {
		start, end string
		sides      [][]string
		commanders []int
	}{
		"soviet-japanese-border-conflicts": {"1932-03-01", "1939-09-16", [][]string{{"Soviet Union", "Mongolia"}, {"Japan", "Manchukuo"}}, []int{9, 9}},
		"agacher-strip-war":                {"1985-12-25", "1985-12-30", [][]string{{"Mali"}, {"Burkina Faso"}}, []int{5, 2}},
		"battle-of-lake-khasan":            {"1938-07-29", "1938-08-11", [][]string{{"Soviet Union"}, {"Japan", "Manchukuo"}}, []int{3, 1}},
		"battle-of-shumshu":                {"1945-08-18", "1945-08-23", [][]string{{"Soviet Union"}, {"Japan"}}, []int{2, 1}},
		"2020-2021-china-india-skirmishes": {"2020-05-05", "", [][]string{{"India"}, {"China"}}, []int{7, 5}},
		"kargil-war":                       {"1999-05-03", "1999-07-26", [][]string{{"India"}, {"Pakistan", "United Jihad Council", "Afghan mercenaries"}}, []int{7, 5}},
	}
	dump := os.Getenv("ANNALIST_DUMP")
	for _, path := range corpusFiles(shared) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		a := readArticle(t, path)
		c := Extract(a, actors)
		if c == nil {
			t.Errorf("%s: no conflict", name)
			continue
		}
		if dump != "" {
			doc := annalist.Document{Schema: annalist.Schema, Article: annalist.ArticleRef{Title: a.Title, Source: a.Source, Format: a.Format, SHA256: a.SHA256},
				Conflict: c, Events: []annalist.Event{}, Claims: []annalist.Claim{}}
			b, _ := json.MarshalIndent(doc, "", " ")
			if err := os.WriteFile(filepath.Join(dump, name+".json"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		w, ok := want[name]
		if !ok {
			continue
		}
		if c.Start.String() != w.start || c.End.String() != w.end {
			t.Errorf("%s: dates %s..%s, want %s..%s", name, c.Start, c.End, w.start, w.end)
		}
		if len(c.Sides) < len(w.sides) {
			t.Errorf("%s: %d sides", name, len(c.Sides))
			continue
		}
		for i, ws := range w.sides {
			if !sameSet(c.Sides[i].Belligerents, ws) {
				t.Errorf("%s: side %d belligerents %q, want %q (%s)", name, i+1, c.Sides[i].Belligerents, ws, c.Sides[i].BelligerentsNote)
			}
			if got := len(c.Sides[i].Commanders); got != w.commanders[i] {
				t.Errorf("%s: side %d has %d commanders, want %d", name, i+1, got, w.commanders[i])
			}
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}
