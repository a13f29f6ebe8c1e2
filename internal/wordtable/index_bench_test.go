package wordtable

import (
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/sample"
)

// BenchmarkIndexGetSample looks every word of the sample article up in an
// index of a few hundred words, its most common ones among them, as the
// finders' tables hold the prose's function words.
func BenchmarkIndexGetSample(b *testing.B) {
	text := string(sample.Bytes())
	toks := textscan.Scan(text, nil)
	count := map[string]int{}
	for _, tk := range toks {
		if tk.Kind == textscan.Word {
			count[strings.ToLower(tk.Text(text))]++
		}
	}
	var keys []string
	var vals []int32
	for w, n := range count {
		if n >= 3 || len(keys) < 300 && len(w)%3 == 0 {
			keys, vals = append(keys, w), append(vals, int32(len(vals)))
		}
	}
	ix := NewIndex(keys, vals)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	hits := 0
	for b.Loop() {
		for _, tk := range toks {
			if tk.Kind == textscan.Word {
				if _, ok := ix.Get(tk.Text(text)); ok {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		b.Fatal("no word found")
	}
}
