package sentence

import (
	"testing"

	"github.com/annalist/annalist/internal/testshared"
)

// BenchmarkSplitSample runs Split over each paragraph of the sample article.
func BenchmarkSplitSample(b *testing.B) {
	testshared.BenchProse(b, func(p string) { Split(p) })
}
