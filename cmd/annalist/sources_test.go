package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/testshared"
)

// A clash told by two articles is one exported row; --sources all writes
// each telling.
func TestExportWritesOneRowPerClashUnlessSourcesAll(t *testing.T) {
	khasan := testshared.Path(t, "corpus", "dev", "battle-of-lake-khasan.txt")
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runCmd(t, "ingest", "--db", db, filepath.Join("..", "..", "sample", "soviet-japanese-border-conflicts.txt"), khasan); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	lines := func(args ...string) int {
		code, out, errOut := runCmd(t, append([]string{"export", "--db", db, "--format", "jsonl"}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", args, code, errOut)
		}
		return strings.Count(out, "\n")
	}
	merged, all := lines(), lines("--sources", "all")
	if all != merged+1 {
		t.Errorf("%d rows merged, %d with --sources all; want one more with every telling (Lake Khasan twice)", merged, all)
	}
}
