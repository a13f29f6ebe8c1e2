package main

import (
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
