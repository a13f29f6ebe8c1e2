package timex_test

import (
	"fmt"

	"github.com/annalist/annalist/timex"
)

func ExampleParseDateLine() {
	iv, ok := timex.ParseDateLine("29 July – 11 August 1938, ()")
	fmt.Println(iv.Start, iv.End, ok)
	// Output: 1938-07-29 1938-08-11 true
}

func ExampleFind() {
	anchor := timex.Anchor{Year: 1935} // from the heading "1935 incidents"
	for _, sentence := range []string{
		"On 19 December 1935, a unit clashed with a mounted party.",
		"Five days later, trucks brought troops; the same day, riders attacked.",
		"More attempts occurred in January.",
	} {
		for _, e := range timex.Find(sentence, anchor) {
			fmt.Printf("%q %s..%s relative=%v\n", e.Text, e.Start, e.End, e.Relative)
			anchor = anchor.Next(e)
		}
	}
	// Output:
	// "On 19 December 1935" 1935-12-19..1935-12-19 relative=false
	// "Five days later" 1935-12-24..1935-12-24 relative=true
	// "the same day" 1935-12-24..1935-12-24 relative=true
	// "in January" 1936-01..1936-01 relative=false
}
