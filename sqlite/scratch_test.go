package sqlite

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
)

func BenchmarkScratchIDs(b *testing.B) {
	s := bigDB(b)
	ctx := context.Background()
	for range 3 {
		t0 := time.Now()
		rows, err := s.reader.QueryContext(ctx, `SELECT rowid >> 16 FROM evidence_text WHERE evidence_text MATCH '"Zenda"*' AND rowid > 0`)
		if err != nil {
			b.Fatal(err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		t1 := time.Now()
		var gc string
		if err := s.reader.QueryRowContext(ctx, `SELECT group_concat(rowid >> 16) FROM evidence_text WHERE evidence_text MATCH '"Zenda"*' AND rowid > 0`).Scan(&gc); err != nil {
			b.Fatal(err)
		}
		var ids2 []int64
		for _, f := range strings.Split(gc, ",") {
			n, _ := strconv.ParseInt(f, 10, 64)
			ids2 = append(ids2, n)
		}
		t2 := time.Now()
		rows, _ = s.reader.QueryContext(ctx, `SELECT e.id FROM events e ORDER BY e.start_day IS NULL, e.start_day, e.article_id, e.ord`)
		n := 0
		for rows.Next() && n < 10000 {
			var id int64
			rows.Scan(&id)
			n++
		}
		rows.Close()
		t3 := time.Now()
		b.Logf("rows %v (%d), group_concat %v (%d), walk 10000 %v", t1.Sub(t0), len(ids), t2.Sub(t1), len(ids2), t3.Sub(t2))
	}
}
