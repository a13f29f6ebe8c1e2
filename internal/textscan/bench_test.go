package textscan_test

import (
	"testing"

	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/sample"
)

// BenchmarkScanSample tokenizes the bundled sample article, reusing one
// token slice as the event reader does; MB/s is of article text.
func BenchmarkScanSample(b *testing.B) {
	text := string(sample.Bytes())
	toks := make([]textscan.Token, 0, len(text)/4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		toks = textscan.Scan(text, toks[:0])
	}
}
