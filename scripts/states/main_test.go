package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/testshared"
)

// The embedded table is what the script derives from the shared lists and
// the curated rows: nobody edited it by hand, and a change to the script
// or its inputs was followed by a run of it.
func TestStateTableIsUpToDate(t *testing.T) {
	src := filepath.Join(testshared.Dir(t), "data", "states")
	if _, err := os.Stat(filepath.Join(src, "iisystem.dat")); err != nil {
		t.Skip("no state-system lists in ../shared/data/states: ", err)
	}
	out := filepath.Join(t.TempDir(), "states.tsv")
	if err := run(src, ".", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "state", "states.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("state/states.tsv is stale at line %d (run go run ./scripts/states):\nderived:  %s\nembedded: %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("state/states.tsv is stale: %d lines derived, %d embedded (run go run ./scripts/states)", len(gl), len(wl))
	}
}

func TestReadersNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "iisystem.dat")
	os.WriteFile(bad, []byte("2\tUSA\tUnited States\t01:01:1816\n"), 0o644)
	if _, err := readGW(bad, "GW"); err == nil || !strings.Contains(err.Error(), "iisystem.dat:1") {
		t.Errorf("readGW error = %v", err)
	}
	os.WriteFile(bad, []byte("2\tUSA\tUnited States\t1816-01-01\t31:12:2017\n"), 0o644)
	if _, err := readGW(bad, "GW"); err == nil || !strings.Contains(err.Error(), "DD:MM:YYYY") {
		t.Errorf("readGW date error = %v", err)
	}
	tsv := filepath.Join(dir, "curated.tsv")
	os.WriteFile(tsv, []byte("# c\nh\na\tb\n"), 0o644)
	if _, err := readTSV(tsv, 3); err == nil || !strings.Contains(err.Error(), "curated.tsv:3") {
		t.Errorf("readTSV error = %v", err)
	}
}

func TestCP1252DecodesTheListsAccents(t *testing.T) {
	if got := cp1252([]byte("W\xfcrttemberg, Cote D\x92Ivoire, S\xe3o Tom\xe9")); got != "Württemberg, Cote D’Ivoire, São Tomé" {
		t.Errorf("cp1252 = %q", got)
	}
}

func FuzzReadGW(f *testing.F) {
	f.Add([]byte("2\tUSA\tUnited States of America\t01:01:1816\t31:12:2017\n"))
	f.Add([]byte("267\tWRT\tW\xfcrttemberg\t01:01:1816\t17:01:1871\r\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "x.dat")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		readGW(p, "GW")
	})
}
