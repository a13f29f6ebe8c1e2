package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sortedLines is an export's lines in sorted order: two stores may list
// events of the same day in another order, never other events.
func sortedLines(s string) []string {
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return lines
}

// TestPostgresAnswersAsSQLiteDoes ingests the same articles into a SQLite
// file and a PostgreSQL database through the commands, and exports every
// format from both: the files must hold the same lines.
func TestPostgresAnswersAsSQLiteDoes(t *testing.T) {
	pg := pgServer.Database(t)
	dir := writeArticles(t, 4)
	file := filepath.Join(t.TempDir(), "a.db")
	for _, db := range []string{file, pg} {
		code, out, errOut := runCmd(t, "ingest", "--db", db, dir)
		if code != 1 || !strings.Contains(out, "ingested 4 articles (0 unchanged, 0 replaced), 4 conflicts, 20 events") {
			t.Fatalf("ingest into %s: exit %d (want 1: a broken file), %q %q", db, code, out, errOut)
		}
	}
	// Again: every article is skipped, nothing changes.
	if code, out, errOut := runCmd(t, "ingest", "--db", pg, dir); code != 1 || !strings.Contains(out, "(4 unchanged") {
		t.Errorf("second ingest into postgres: exit %d, %q %q", code, out, errOut)
	}
	for _, args := range [][]string{
		{"--format", "csv"}, {"--format", "geojson"}, {"--format", "jsonl"}, {"--format", "jsonl", "--documents"},
		{"--format", "csv", "--side", "Borduria", "--from", "1935-03"}, {"--format", "jsonl", "--q", "troops"},
	} {
		_, fromFile, _ := runCmd(t, append([]string{"export", "--db", file}, args...)...)
		code, fromPG, errOut := runCmd(t, append([]string{"export", "--db", pg}, args...)...)
		if code != 0 {
			t.Fatalf("export %v from postgres: exit %d: %s", args, code, errOut)
		}
		if !slices.Equal(sortedLines(fromFile), sortedLines(fromPG)) || fromFile == "" {
			t.Errorf("export %v: postgres differs from sqlite:\n%.400s\n---\n%.400s", args, fromPG, fromFile)
		}
	}
}

// TestServeAnswersFromPostgres serves an empty PostgreSQL database: the
// sample goes in, and the API lists it and its events.
func TestServeAnswersFromPostgres(t *testing.T) {
	pg := pgServer.Database(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--addr", "127.0.0.1:0", "--db", pg}, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v (serve: %v)", err, <-done)
	}
	go io.Copy(io.Discard, pr)
	if !strings.Contains(line, "annalist_test") {
		t.Errorf("serve does not name the database it serves: %q", line)
	}
	base := strings.TrimSuffix(strings.Fields(line[strings.Index(line, "http://"):])[0], "/")
	get := func(path string, v any) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %s", path, resp.Status)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	var list struct{ Articles []struct{ Title string } }
	get("/api/articles", &list)
	if len(list.Articles) != 1 || list.Articles[0].Title != "Soviet–Japanese border conflicts" {
		t.Errorf("articles = %+v, want the sample", list.Articles)
	}
	var page struct{ Total int }
	get("/api/events?side=Japan&limit=5", &page)
	if page.Total < 5 {
		t.Errorf("events with Japan: total %d, want the sample's many", page.Total)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after cancel", err)
	}
}
