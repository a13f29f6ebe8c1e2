package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// stores names the two backends for the tests that run on both: a new
// SQLite file, a new PostgreSQL database (which skips the test where no
// server can be had).
var stores = []struct {
	name string
	db   func(t *testing.T) string
}{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "a.db") }},
	{"postgres", func(t *testing.T) string { return pgServer.Database(t) }},
}

// The Battle of Lake Khasan is a section of the bundled sample and an
// article of its own among the shared dev excerpts: ingested in either
// order, into either store, the store holds one Lake Khasan event with
// both as sources (the same event on both), and the sample's other
// clashes as they were.
func TestIngestMergesLakeKhasanWhicheverComesFirst(t *testing.T) {
	battle := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "battle-of-lake-khasan.txt")
	if _, err := os.Stat(battle); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	sample := filepath.Join("..", "..", "sample", "soviet-japanese-border-conflicts.txt")
	ctx := context.Background()
	var first string
	exports := map[string][]string{} // by format: the first store's export, sorted
	for _, store := range stores {
		t.Run(store.name, func(t *testing.T) {
			for _, order := range [][]string{{sample, battle}, {battle, sample}} {
				db := store.db(t)
				first = checkLakeKhasan(t, ctx, db, order, first)
				// The exports carry the merged rows, the same from both
				// stores (in another order within a day at most).
				for _, format := range []string{"csv", "jsonl"} {
					code, out, errOut := runCmd(t, "export", "--db", db, "--format", format)
					if code != 0 {
						t.Fatalf("export %s: exit %d: %s", format, code, errOut)
					}
					if exports[format] == nil {
						exports[format] = sortedLines(out)
					} else if !slices.Equal(sortedLines(out), exports[format]) {
						t.Errorf("export %s differs between stores or orders of ingest", format)
					}
				}
			}
		})
	}
}

// checkLakeKhasan ingests the articles of order into db and checks the
// merged event; it returns the merged events as JSON, which must equal
// first unless that is "".
func checkLakeKhasan(t *testing.T, ctx context.Context, db string, order []string, first string) string {
	t.Helper()
	for _, path := range order {
		if code, out, errOut := runCmd(t, "ingest", "--db", db, path); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s %s", path, code, out, errOut)
		}
	}
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Events(ctx, annalist.EventFilter{AllSources: true})
	if err != nil {
		t.Fatal(err)
	}
	own := 0
	for _, e := range all.Events {
		if e.ArticleTitle == "Battle of Lake Khasan" {
			own++
		}
	}
	if own == 0 {
		st.Close()
		t.Skip("the battle article yields no event of its own battle yet (issue 10); nothing to merge")
	}
	var merged []annalist.MergedEvent
	if err := st.EachMerged(ctx, func(m *annalist.MergedEvent) error {
		merged = append(merged, *m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(merged) != 1 {
		t.Fatalf("%d merged events, want 1 (Lake Khasan)", len(merged))
	}
	m := merged[0]
	if m.Event.Name == nil || !strings.Contains(*m.Event.Name, "Khasan") || m.NumberOfSources != 2 {
		t.Errorf("merged event %v with %d sources, want Lake Khasan with 2", m.Event.Name, m.NumberOfSources)
	}
	titles := map[string]int{}
	infobox := 0
	for _, s := range m.Sources {
		titles[s.ArticleTitle]++
		for _, f := range s.Figures {
			if f.From == "infobox" && s.ArticleTitle == "Battle of Lake Khasan" {
				infobox++
			}
		}
	}
	if titles["Battle of Lake Khasan"] != 1 || titles["Soviet–Japanese border conflicts"] != 1 {
		t.Errorf("sources from %v, want the battle's article and the sample", titles)
	}
	if infobox == 0 {
		t.Error("the battle article's infobox casualties are not among its figures")
	}
	// The sample's other clashes: listed once each, as stored.
	list, err := st.Events(ctx, annalist.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Events) != len(all.Events)-1 {
		t.Errorf("merged listing has %d events, want %d (all tellings but one)", len(list.Events), len(all.Events)-1)
	}
	byKey := map[string]annalist.StoredEvent{}
	for _, e := range all.Events {
		byKey[e.Key] = e
	}
	for _, e := range list.Events {
		if e.Key == m.Key {
			continue
		}
		a, _ := json.Marshal(e.Event)
		b, _ := json.Marshal(byKey[e.Key].Event)
		if e.NumberOfSources != 1 || string(a) != string(b) {
			t.Errorf("event %s changed by the merge", e.Key)
		}
	}
	st.Close()
	got, _ := json.Marshal(merged)
	if first == "" {
		first = string(got)
	} else if string(got) != first {
		t.Errorf("merged event depends on the order of ingest or the store:\n%s\n%s", got, first)
	}
	return first
}

func TestMergeCommandRedoesTheStoreAndExplains(t *testing.T) {
	dir := writeArticles(t, 2)
	os.Remove(filepath.Join(dir, "broken.txt"))
	for _, store := range stores {
		t.Run(store.name, func(t *testing.T) {
			db := store.db(t)
			if code, out, errOut := runCmd(t, "ingest", "--db", db, dir); code != 0 {
				t.Fatalf("ingest: exit %d: %s %s", code, out, errOut)
			}
			code, out, errOut := runCmd(t, "merge", "--db", db)
			if code != 0 || !strings.Contains(out, "read 10 dated events") {
				t.Errorf("merge: exit %d, %q %q", code, out, errOut)
			}
			if code, _, errOut := runCmd(t, "merge", "--db", db, "--explain", "nokey"); code != 2 || !strings.Contains(errOut, "two event keys") {
				t.Errorf("--explain with one key: exit %d, %q", code, errOut)
			}
			if code, _, errOut := runCmd(t, "merge", "--db", db, "--explain", "nokey", "other"); code != 1 || !strings.Contains(errOut, `"nokey"`) {
				t.Errorf("--explain with unknown keys: exit %d, %q", code, errOut)
			}
			// Two events of the one article: judged apart, never joined.
			st, err := openStore(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			page, err := st.Events(context.Background(), annalist.EventFilter{Limit: 2, AllSources: true})
			st.Close()
			if err != nil || len(page.Events) != 2 {
				t.Fatalf("events: %v, %d", err, len(page.Events))
			}
			code, out, errOut = runCmd(t, "merge", "--db", db, "--explain", page.Events[0].Key, page.Events[1].Key)
			var v annalist.PairVerdict
			if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || v.Joined || v.Why == "" {
				t.Errorf("--explain: exit %d, %v, %+v %q", code, err, v, errOut)
			}
		})
	}
}

// The shared corpus (the dev articles, the sample, the WikiWars texts)
// ingested into each store: the same merged events, the same exports.
func TestStoresMergeTheSharedCorpusAlike(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(shared, "dev")); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	inputs := []string{filepath.Join(shared, "dev"), filepath.Join("..", "..", "sample"), filepath.Join(shared, "wikiwars")}
	var first map[string]string
	for _, store := range stores {
		t.Run(store.name, func(t *testing.T) {
			db := store.db(t)
			if code, out, errOut := runCmd(t, append([]string{"ingest", "--db", db}, inputs...)...); code > 1 {
				t.Fatalf("ingest: exit %d: %s %s", code, out, errOut)
			}
			got := map[string]string{}
			for _, args := range [][]string{{"--format", "csv"}, {"--format", "jsonl"}, {"--format", "jsonl", "--sources", "all"}} {
				code, out, errOut := runCmd(t, append([]string{"export", "--db", db}, args...)...)
				if code != 0 {
					t.Fatalf("export %v: exit %d: %s", args, code, errOut)
				}
				got[strings.Join(args, " ")] = strings.Join(sortedLines(out), "\n")
			}
			st, err := openStore(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			var merged []annalist.MergedEvent
			err = st.EachMerged(context.Background(), func(m *annalist.MergedEvent) error {
				merged = append(merged, *m)
				return nil
			})
			st.Close()
			if err != nil || len(merged) == 0 {
				t.Fatalf("%d merged events (%v), want the corpus's", len(merged), err)
			}
			b, _ := json.Marshal(merged)
			got["merged"] = string(b)
			if first == nil {
				first = got
				return
			}
			for k, v := range got {
				if v != first[k] {
					t.Errorf("%s differs between the stores", k)
				}
			}
		})
	}
}
