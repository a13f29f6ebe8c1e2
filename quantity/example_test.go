package quantity_test

import (
	"fmt"

	"github.com/annalist/annalist/quantity"
)

func ExampleFind() {
	for _, q := range quantity.Find("On 8 January 1935 an 11-man patrol met several dozen riders; 5-6 armored cars and about 20 kilometers later, 665+ were wounded.") {
		low, high := "-", "-"
		if q.Count.Low != nil {
			low = fmt.Sprint(*q.Count.Low)
		}
		if q.Count.High != nil {
			high = fmt.Sprint(*q.Count.High)
		}
		fmt.Printf("%q low=%s high=%s approx=%v vague=%q unit=%q\n", q.Count.Text, low, high, q.Count.Approx, q.Vague, q.Unit)
	}
	// Output:
	// "11-man" low=11 high=11 approx=false vague="" unit="man"
	// "several dozen" low=- high=- approx=false vague="several dozen" unit=""
	// "5-6" low=5 high=6 approx=false vague="" unit=""
	// "about 20" low=20 high=20 approx=true vague="" unit="kilometers"
	// "665+" low=665 high=- approx=false vague="" unit=""
}
