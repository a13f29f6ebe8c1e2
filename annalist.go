// Package annalist holds the domain types of annalist: the Article every
// reader produces, and the Document (conflict record, events, claims) every
// extractor fills. It depends on nothing but the standard library; the
// readers, extractors, gazetteer, store and server live in subpackages and
// depend inward on it.
//
// The JSON form of Document is the contract described in spec/document.md:
// outside tools read it, so listed fields are never renamed or dropped.
package annalist

import "fmt"

// Span is a half-open byte range [Start, End) into an article's source file.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

func (s Span) String() string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

// A Warning is a problem in the input that did not stop reading it.
type Warning struct {
	Offset  int    `json:"offset"` // byte offset into the source
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("line %d (byte %d): %s", w.Line, w.Offset, w.Message)
	}
	return fmt.Sprintf("byte %d: %s", w.Offset, w.Message)
}
