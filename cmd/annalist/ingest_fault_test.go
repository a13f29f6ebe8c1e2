package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/extract"
	"github.com/annalist/annalist/ingest"
	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sqlite"
	_ "modernc.org/sqlite"
)

// failingStore is the real store made to fail at its nth batch, as a full
// disk would: the fault is injected, the storing is real.
type failingStore struct {
	*sqlite.Store
	failAt, batches int
}

func (f *failingStore) IngestBatch(ctx context.Context, items []annalist.IngestItem) ([]annalist.IngestResult, []error, error) {
	f.batches++
	if f.batches == f.failAt {
		return nil, nil, fmt.Errorf("write: %w", syscall.ENOSPC)
	}
	return f.Store.IngestBatch(ctx, items)
}

// writeSynthArticles writes n invented articles (no broken file).
func writeSynthArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		doc, raw := synth.Document(synth.Options{Title: fmt.Sprintf("Invented war %03d", i), Events: 2, Seed: uint64(i)})
		if err := os.WriteFile(filepath.Join(dir, doc.Article.Title+".txt"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestIngestStopsWhenTheStoreFails makes the store fail at the first, a
// middle and the last batch of a run with more articles than the queues
// hold (once a hang): the run must end, name the failure, count it in
// the summary, and leave the database as it was before the failed batch.
func TestIngestStopsWhenTheStoreFails(t *testing.T) {
	const articles = 2*ingest.BatchSize + 22 // three batches: 64, 64, 22
	dir := writeSynthArticles(t, articles)
	x, err := extract.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		failAt int
	}{{"first", 1}, {"middle", 2}, {"last", 3}} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "x.db")
			st, err := sqlite.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			fs := &failingStore{Store: st, failAt: tt.failAt}
			var out, errOut bytes.Buffer
			done := make(chan error, 1)
			go func() { done <- ingestFiles(context.Background(), x, fs, db, []string{dir}, &out, &errOut) }()
			select {
			case err = <-done:
			case <-time.After(2 * time.Minute):
				t.Fatal("ingest hung after the store failed")
			}
			if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
				t.Errorf("error %v, want the disk-full error", err)
			}
			if !strings.Contains(out.String(), ", 1 errors") {
				t.Errorf("summary does not count the failure: %q", out.String())
			}
			as, err := st.Articles(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if want := (tt.failAt - 1) * ingest.BatchSize; len(as) != want {
				t.Errorf("%d articles stored, want %d (the batches before the failed one)", len(as), want)
			}
			st.Close()
			checkIntegrity(t, db)
		})
	}
}

func checkIntegrity(t *testing.T, db string) {
	t.Helper()
	d, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var check string
	if err := d.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
}
