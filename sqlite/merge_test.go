package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/storetest"
)

// The merge tests about behaviour are in package storetest, run for both
// stores by TestStoreSuite; here they run again with every filter taken
// as dense, through the other query plan (the walk of the date index).
func TestMergeSuiteDense(t *testing.T) {
	storetest.RunMerge(t, func(t *testing.T) annalist.Store {
		s := openTemp(t)
		s.denseAt = 1
		return s
	})
}

func listKeys(t *testing.T, s *Store, f annalist.EventFilter) []string {
	t.Helper()
	page, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range page.Events {
		keys = append(keys, e.Key)
	}
	if page.Total != len(keys) {
		t.Errorf("total %d, listed %d", page.Total, len(keys))
	}
	return keys
}

// A database of version 8, stored before merged events existed, opens
// with every event listed as before (nothing merged yet), and annalist
// merge then finds the clash its two articles tell.
func TestMigrationToMergedEventsThenMerge(t *testing.T) {
	ctx := context.Background()
	rec := func(e annalist.Event) string {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		return strings.ReplaceAll(string(b), "'", "''")
	}
	war, battle := storetest.WarDoc("w").Events[0], storetest.BattleDoc("b", annalist.DayDate(1901, 5, 2)).Events[0]
	wFirst, wLast, _ := eventSpan(&war)
	bFirst, bLast, _ := eventSpan(&battle)
	s := openAtVersion(t, 8,
		`INSERT INTO articles (id, key, title, source, format, sha256, raw, document, n_events, n_claims, ingested) VALUES
			(1, '`+annalist.ArticleKey("Northland–Southia War")+`', 'Northland–Southia War', 's', 'text', 'w', x'00', '{}', 1, 0, '2026-01-01T00:00:00Z'),
			(2, '`+annalist.ArticleKey("Battle of Pine Lake")+`', 'Battle of Pine Lake', 's', 'text', 'b', x'00', '{}', 1, 0, '2026-01-01T00:00:00Z')`,
		fmt.Sprintf(`INSERT INTO events (id, key, article_id, ord, start_day, end_day, record) VALUES
			(1, 'kw', 1, 0, %d, %d, '%s'), (2, 'kb', 2, 0, %d, %d, '%s')`, wFirst, wLast, rec(war), bFirst, bLast, rec(battle)),
		fmt.Sprintf(`INSERT INTO side_events (name, undated, day, article_id, ord, end_day, event_id) VALUES
			('Northland', 0, %d, 1, 0, %d, 1), ('Southia', 0, %d, 1, 0, %d, 1),
			('Southia', 0, %d, 2, 0, %d, 2), ('Northland', 0, %d, 2, 0, %d, 2)`, wFirst, wLast, wFirst, wLast, bFirst, bLast, bFirst, bLast),
		fmt.Sprintf(`UPDATE generation SET max_span = %d`, bLast-bFirst),
	)
	if got := listKeys(t, s, annalist.EventFilter{}); len(got) != 2 {
		t.Fatalf("after migration: %v, want both events", got)
	}
	st, err := s.Merge(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tellings != 2 || st.Merged != 1 {
		t.Errorf("merge stats %+v, want 2 events read, 1 merged", st)
	}
	if got := listKeys(t, s, annalist.EventFilter{}); !slices.Equal(got, []string{"kb"}) {
		t.Errorf("after merge: %v, want the battle's row alone", got)
	}
}
