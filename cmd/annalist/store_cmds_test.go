package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/internal/synth"
)

// writeArticles writes invented articles (and one broken file) in the
// plain-text format into a fresh directory.
func writeArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		doc, raw := synth.Document(synth.Options{Title: "Invented war " + string(rune('A'+i)), Events: 5, Seed: uint64(i)})
		if err := os.WriteFile(filepath.Join(dir, doc.Article.Title+".txt"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("no title line here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestIngestSummarisesAndFailsOnABadFile(t *testing.T) {
	dir := writeArticles(t, 2)
	db := filepath.Join(t.TempDir(), "a.db")
	code, out, errOut := runCmd(t, "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d with a broken file, want 1", code)
	}
	if !strings.Contains(out, "ingested 2 articles (0 unchanged, 0 replaced), 2 conflicts") || !strings.Contains(out, "1 errors") {
		t.Errorf("summary: %q", out)
	}
	if !strings.Contains(errOut, "broken.txt") {
		t.Errorf("stderr does not name the broken file: %q", errOut)
	}
	if strings.Contains(errOut, "\r") {
		t.Errorf("progress line written to a non-terminal: %q", errOut)
	}

	// Again, without the broken file: nothing changes, exit 0.
	os.Remove(filepath.Join(dir, "broken.txt"))
	code, out, errOut = runCmd(t, "ingest", "--db", db, filepath.Join(dir, "*.txt"))
	if code != 0 || !strings.Contains(out, "ingested 2 articles (2 unchanged, 0 replaced)") {
		t.Errorf("re-ingest: exit %d, %q %q", code, out, errOut)
	}
}

func TestIngestNeedsAPath(t *testing.T) {
	if code, _, errOut := runCmd(t, "ingest", "--db", filepath.Join(t.TempDir(), "a.db")); code != 2 || !strings.Contains(errOut, "name at least one") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestExportFormats(t *testing.T) {
	dir := writeArticles(t, 2)
	db := filepath.Join(t.TempDir(), "a.db")
	runCmd(t, "ingest", "--db", db, dir)

	out := filepath.Join(t.TempDir(), "events.csv")
	code, _, errOut := runCmd(t, "export", "--db", db, "--format", "csv", "--out", out)
	if code != 0 {
		t.Fatalf("export csv: exit %d: %s", code, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "id" || rows[0][19] != "source_article" {
		t.Errorf("csv: %d rows, header %v", len(rows), rows[0])
	}
	events := len(rows) - 1

	code, stdout, _ := runCmd(t, "export", "--db", db, "--format", "geojson")
	var fc struct{ Type string }
	if code != 0 || json.Unmarshal([]byte(stdout), &fc) != nil || fc.Type != "FeatureCollection" {
		t.Errorf("geojson: exit %d, %.200s", code, stdout)
	}
	code, stdout, _ = runCmd(t, "export", "--db", db, "--format", "jsonl", "--limit", "2")
	if code != 0 || strings.Count(stdout, "\n") != min(2, events) {
		t.Errorf("jsonl --limit 2: exit %d, %d lines", code, strings.Count(stdout, "\n"))
	}
	code, stdout, _ = runCmd(t, "export", "--db", db, "--format", "jsonl", "--documents")
	if code != 0 || strings.Count(stdout, "\n") != 2 || !strings.Contains(stdout, `"schema":"annalist/document/v1"`) {
		t.Errorf("jsonl --documents: exit %d, %.200s", code, stdout)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xlsx"}, "xlsx"},
		{[]string{}, "--format is required"},
		{[]string{"--format", "csv", "--bbox", "1,2"}, "--bbox"},
		{[]string{"--format", "csv", "--from", "soon"}, "--from"},
		{[]string{"--format", "csv", "--documents"}, "--documents goes with --format jsonl"},
	} {
		code, _, errOut := runCmd(t, append([]string{"export", "--db", db}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q (want 2 and %q)", tt.args, code, errOut, tt.want)
		}
	}
}

// TestServeIngestsTheSampleIntoAnEmptyDatabase runs the real command on a
// free loopback port and reads its API.
func TestServeIngestsTheSampleIntoAnEmptyDatabase(t *testing.T) {
	// The default database, which a first run creates.
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--addr", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v (serve: %v)", err, <-done)
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("no URL in %q", line)
	}
	base := strings.TrimSuffix(strings.Fields(line[i:])[0], "/")
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("listening on %s, want loopback", base)
	}
	resp, err := http.Get(base + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Articles []struct{ Title string } }
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if len(list.Articles) != 1 || list.Articles[0].Title != "Soviet–Japanese border conflicts" {
		t.Errorf("articles = %+v, want the sample", list.Articles)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
