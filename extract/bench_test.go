package extract

import (
	"context"
	"testing"

	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/sample"
)

// BenchmarkReadAndInfobox measures reading the sample and normalizing its
// infobox into the conflict record: one op is one article.
func BenchmarkReadAndInfobox(b *testing.B) {
	x := newExtractor(b)
	data := sample.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := plaintext.Read("sample.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		if x.infobox.Extract(a, x.actors) == nil {
			b.Fatal("no conflict")
		}
	}
}

// BenchmarkExtract measures the whole extract of the sample (reading,
// infobox, prose events and claims, places); MB/s is of article text.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	data := sample.Bytes()
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := plaintext.Read("sample.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := x.Extract(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
