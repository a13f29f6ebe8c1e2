package sentence_test

import (
	"fmt"

	"github.com/annalist/annalist/sentence"
)

func ExampleSplit() {
	text := `Lt. Gen. Kasai met V. P. Malik in the U.S. on c. 5 May. He said "we will hold." Then the talks ended`
	for _, sp := range sentence.Split(text) {
		fmt.Println(text[sp.Start:sp.End])
	}
	// Output:
	// Lt. Gen. Kasai met V. P. Malik in the U.S. on c. 5 May.
	// He said "we will hold."
	// Then the talks ended
}
