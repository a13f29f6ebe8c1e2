// Package testshared finds, for tests and benchmarks, the shared material
// that is not in the repository: ../shared beside the repository root
// (corpus articles, gold annotations, the scorer). Where it is absent the
// test is skipped, never failed, so the repository's tests pass on their
// own.
package testshared

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dir returns ../shared beside the repository root (the nearest folder
// holding go.mod above the test's package), or skips the test when there
// is none.
func Dir(tb testing.TB) string {
	tb.Helper()
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
			tb.Skip("no go.mod above the package, so no ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skip("../shared not present: ", err)
	}
	return shared
}

// Path returns the path of elem under ../shared ("corpus", "wikitext"),
// or skips the test when it is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skip("../shared/", filepath.Join(elem...), " not present: ", err)
	}
	return p
}

// SampleArticle is the reference article's path under ../shared.
const SampleArticle = "corpus/soviet-japanese-border-conflicts.txt"

// SampleProse returns the paragraphs of the reference article in
// ../shared, infobox lines ("- ") and headings ("=") left out, or skips
// the test when it is absent.
func SampleProse(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(Path(tb, filepath.FromSlash(SampleArticle)))
	if err != nil {
		tb.Fatal(err)
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

// BenchProse runs fn over every paragraph of SampleProse once an op, with
// the op's bytes set to the paragraphs' length (so MB/s is of prose).
func BenchProse(b *testing.B, fn func(para string)) {
	b.Helper()
	paras := SampleProse(b)
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			fn(p)
		}
	}
}
