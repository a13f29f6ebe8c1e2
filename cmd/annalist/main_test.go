package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpTeaches(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"Commands:", "extract", "annalist <command> --help"}},
		{[]string{"extract", "--help"}, []string{"Usage: annalist extract", "Examples:", "-pretty"}},
	}
	for _, tt := range tests {
		code, out, _ := runCmd(t, tt.args...)
		if code != 0 {
			t.Errorf("%v: exit %d", tt.args, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: help lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	code, _, errOut := runCmd(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestExtractWithoutInputReadsTheSample(t *testing.T) {
	code, out, errOut := runCmd(t, "extract")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Schema  string
		Article struct{ Title string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "annalist/document/v1" || doc.Article.Title != "Soviet–Japanese border conflicts" {
		t.Errorf("doc %+v", doc)
	}
	if !strings.Contains(errOut, "bundled sample") {
		t.Errorf("stderr does not say the sample was read: %q", errOut)
	}
}

func TestExtractWritesGoodFilesAndFailsForBadOnes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("= Good =\n\n- Conflict: Good\n\nText.\n"), 0o644)
	os.WriteFile(bad, []byte("not an article\n"), 0o644)
	code, out, errOut := runCmd(t, "extract", good, bad, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Errorf("want 2 JSON lines, got %d:\n%s", len(lines), out)
	}
	if !strings.Contains(errOut, "bad.txt:1:") {
		t.Errorf("stderr does not name the bad file and line: %q", errOut)
	}
}
