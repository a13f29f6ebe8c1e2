package sentence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleProse returns the paragraphs of the bundled sample article from
// ../shared (infobox lines and headings left out), or skips.
func sampleProse(tb testing.TB) []string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package")
		}
		dir = parent
	}
	data, err := os.ReadFile(filepath.Join(dir, "..", "shared", "corpus", "soviet-japanese-border-conflicts.txt"))
	if err != nil {
		tb.Skip("../shared not found: ", err)
	}
	var paras []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "=") || strings.HasPrefix(line, "- ") {
			continue
		}
		paras = append(paras, line)
	}
	return paras
}

// BenchmarkSplitSample runs Split over each paragraph of the sample article.
func BenchmarkSplitSample(b *testing.B) {
	paras := sampleProse(b)
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			Split(p)
		}
	}
}
