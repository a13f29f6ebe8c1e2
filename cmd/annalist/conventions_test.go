package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/synth"
	"github.com/annalist/annalist/sqlite"
)

func TestFlagsAreReadWhereverTheyStand(t *testing.T) {
	dir := writeArticles(t, 1)
	os.Remove(filepath.Join(dir, "broken.txt"))
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // where a misread --db would go
	db := filepath.Join(t.TempDir(), "after.db")
	code, out, errOut := runCmd(t, "ingest", dir, "--db", db)
	if code != 0 || !strings.Contains(out, "into "+db) {
		t.Fatalf("ingest DIR --db FILE: exit %d, %q %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_DATA_HOME"), "annalist", "annalist.db")); err == nil {
		t.Error("the default database was written: --db after the directory was read as a file name")
	}
	// A boolean flag takes no value: the file after it stays a file.
	code, out, errOut = runCmd(t, "extract", filepath.Join(dir, "Invented war A.txt"), "--pretty")
	if code != 0 || !strings.HasPrefix(out, "{\n  ") {
		t.Errorf("extract FILE --pretty: exit %d, %.40q %q", code, out, errOut)
	}
	// After "--" everything is a file name, even one that looks like a flag.
	code, _, errOut = runCmd(t, "extract", "--", "--pretty")
	if code != 1 || !strings.Contains(errOut, "--pretty") {
		t.Errorf("extract -- --pretty: exit %d, %q", code, errOut)
	}
}

func TestFlagsFirst(t *testing.T) {
	fs := newFlagSet("x", "", nil)
	fs.String("db", "", "")
	fs.Bool("pretty", false, "")
	tests := []struct{ in, want string }{
		{"a.txt --db x.db", "--db x.db -- a.txt"},
		{"--db x.db a.txt", "--db x.db -- a.txt"},
		{"a.txt --db=x.db b.txt", "--db=x.db -- a.txt b.txt"},
		{"a.txt --pretty b.txt", "--pretty -- a.txt b.txt"},
		{"- --pretty", "--pretty -- -"},
		{"a -- --db x", "-- a -- --db x"},
		{"--unknown a", "--unknown -- a"},
	}
	for _, tt := range tests {
		if got := strings.Join(flagsFirst(fs, strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVersionAndHelpCommand(t *testing.T) {
	code, out, _ := runCmd(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "annalist ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	code, out, _ = runCmd(t, "help", "extract")
	if code != 0 || !strings.Contains(out, "Usage: annalist extract") || !strings.Contains(out, "-pretty") {
		t.Errorf("help extract: exit %d, %.200q", code, out)
	}
	code, _, errOut := runCmd(t, "help", "frobnicate")
	if code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("help frobnicate: exit %d, %q", code, errOut)
	}
}

func TestReadOnlyCommandsRefuseAMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "--db", filepath.Join(dir, "typo.db"), "--format", "csv"},
		{"serve", "--db", filepath.Join(dir, "no", "such", "x.db"), "--addr", "127.0.0.1:0"},
	} {
		code, _, errOut := runCmd(t, args...)
		if code != 1 || !strings.Contains(errOut, "no database at "+args[2]) {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
		if _, err := os.Stat(args[2]); err == nil {
			t.Errorf("%v created %s", args, args[2])
		}
	}
}

func TestServeWithABadAddressWritesNothing(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code, _, errOut := runCmd(t, "serve", "--addr", "256.0.0.1:http-nonsense")
	if code != 1 || !strings.Contains(errOut, "listen on 256.0.0.1:http-nonsense") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	entries, _ := os.ReadDir(os.Getenv("XDG_DATA_HOME"))
	if len(entries) != 0 {
		t.Errorf("a bad --addr still wrote %v", entries)
	}
}

func TestIngestWarnsAboutInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "latin1.txt")
	os.WriteFile(f, []byte("= Caf\xe9 war =\n\n- Conflict: Caf\xe9 war\n\nIt was fought in 1901.\n"), 0o644)
	code, _, errOut := runCmd(t, "ingest", "--db", filepath.Join(dir, "x.db"), f)
	if code != 0 || !strings.Contains(errOut, "latin1.txt") || !strings.Contains(strings.ToLower(errOut), "utf-8") {
		t.Errorf("exit %d, stderr %q: want a warning naming the file and UTF-8", code, errOut)
	}
}

func TestExportCSVIsSpreadsheetSafeUnlessRaw(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	doc, raw := synth.Document(synth.Options{Title: "Formula war", Events: 1, Seed: 1})
	doc.Events[0].SideA = []string{"=1+2"}
	if _, err := st.Ingest(context.Background(), doc, raw); err != nil {
		t.Fatal(err)
	}
	st.Close()
	sideA := func(args ...string) string {
		code, out, errOut := runCmd(t, append([]string{"export", "--db", db, "--format", "csv"}, args...)...)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) != 2 {
			t.Fatalf("export %v: exit %d, %v, %s", args, code, err, errOut)
		}
		for i, h := range rows[0] {
			if h == "side_a" {
				return rows[1][i]
			}
		}
		t.Fatalf("no side_a column in %v", rows[0])
		return ""
	}
	if got := sideA(); got != "'=1+2" {
		t.Errorf("side_a = %q, want '=1+2", got)
	}
	if got := sideA("--raw"); got != "=1+2" {
		t.Errorf("--raw: side_a = %q, want =1+2", got)
	}
	if code, _, errOut := runCmd(t, "export", "--db", db, "--format", "jsonl", "--raw"); code != 2 || !strings.Contains(errOut, "--raw goes with --format csv") {
		t.Errorf("--raw with jsonl: exit %d, %q", code, errOut)
	}
}
