package quantity

import (
	"testing"

	"github.com/annalist/annalist/internal/testshared"
)

// BenchmarkFindSample runs Find over each paragraph of the sample article.
func BenchmarkFindSample(b *testing.B) {
	testshared.BenchProse(b, func(p string) { Find(p) })
}
