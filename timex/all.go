package timex

import (
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// Kind is what a time expression names. The zero Kind is Date, the only
// kind Find returns; FindAll returns every kind.
type Kind uint8

const (
	// Date is a calendar date or an interval of dates ("8 January 1935",
	// "the 1940s", "the next day").
	Date Kind = iota
	// Duration is a length of time ("two months", "a few days", "the next
	// two weeks").
	Duration
	// Set is a recurring time ("every day", "each spring", "annually").
	Set
	// Ref is a vague reference to a time: the present ("now", "at
	// present"), the past ("formerly", "previously") or the future, or a
	// time the narrative points at without naming it ("this period", "at
	// the time").
	Ref
)

func (k Kind) String() string {
	switch k {
	case Date:
		return "date"
	case Duration:
		return "duration"
	case Set:
		return "set"
	case Ref:
		return "ref"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// FindAll returns every time expression in text, of every Kind, left to
// right, each with its TIMEX2 value in Value. It reads more than Find, the
// way TIMEX2 annotators mark time in prose:
//   - each date of a range is an expression of its own ("29 July – 11
//     August 1938" is two), spanned without a leading preposition ("in",
//     "by") but with its qualifier ("early October", "the end of March");
//   - a bare year, month or day needs less context than in Find;
//   - durations, sets and vague references are found too (see Kind).
//
// As in Find, dates without a year or relative to the narrative are
// resolved against the anchor, and every resolved date becomes the anchor
// of the expressions after it. FindAll is linear in the length of text.
func FindAll(text string, anchor Anchor) []Expr {
	return AppendAll(nil, text, textscan.Scan(text, make([]textscan.Token, 0, len(text)/5+8)), anchor)
}

// AppendAll is FindAll over the tokens of text (textscan.Scan(text, …)),
// appending to dst.
func AppendAll(dst []Expr, text string, toks []textscan.Token, anchor Anchor) []Expr {
	p := &parser{text: text, toks: toks, t: words(), wide: true}
	p.groups = p.t.Borrow(text, toks)
	defer p.t.Return(p.groups)
	return p.scan(dst, anchor)
}

// Last returns the anchor after a batch of expressions of FindAll: the
// last date one of them established, moved on as Next would.
func (a Anchor) Last(es []Expr) Anchor {
	for _, e := range es {
		if e.Kind == Date {
			a = a.Next(e)
		}
	}
	return a
}

// wideAt reads the expressions starting at token i for FindAll, appends
// them to out and returns the anchor after them and the token after the
// last; ok is false when none starts at i.
func (p *parser) wideAt(out []Expr, i int, cur Anchor) ([]Expr, Anchor, int, bool) {
	if e, n, ok := p.expr(i, cur); ok {
		if len(p.split) > 0 {
			for _, s := range p.split {
				out = append(out, s)
				cur = cur.Next(s)
			}
			p.split = p.split[:0]
			return out, cur, n, true
		}
		if e.Value == "" {
			e.Value = value(e)
		}
		out = append(out, e)
		cur = cur.Next(e)
		return out, cur, n, true
	}
	return out, cur, i, false
}

// value is the TIMEX2 value of a date expression read from its interval:
// its start at its precision when it names one date, else a reference.
func value(e Expr) string {
	if e.Start.IsZero() {
		if e.Relative {
			return "FUTURE_REF"
		}
		return ""
	}
	if e.Approx && e.Relative {
		return "FUTURE_REF"
	}
	return dateValue(e.Start)
}

// dateValue renders a date as TIMEX2 does: 1939-09-01, 1939-09, 1939,
// BC0490.
func dateValue(d annalist.Date) string {
	var b strings.Builder
	y := d.Year
	if y < 0 {
		b.WriteString("BC")
		y = -y
	}
	writePad(&b, y, 4)
	if d.Prec >= annalist.PrecMonth {
		b.WriteByte('-')
		writePad(&b, d.Month, 2)
	}
	if d.Prec >= annalist.PrecDay {
		b.WriteByte('-')
		writePad(&b, d.Day, 2)
	}
	return b.String()
}

func writePad(b *strings.Builder, v, width int) {
	s := strconv.Itoa(v)
	for k := len(s); k < width; k++ {
		b.WriteByte('0')
	}
	b.WriteString(s)
}

// seasonCodes are TIMEX2's names of the seasons, by first month.
var seasonCodes = map[int]string{3: "SP", 6: "SU", 9: "FA", 12: "WI"}

// pointValue is the TIMEX2 value of one date atom: 1941-WI for a season,
// 194 for the 1940s, 19 for the 20th century.
func pointValue(pt point) string {
	if !pt.hasY {
		var b strings.Builder
		b.WriteString("XXXX")
		if pt.hasM && !pt.season {
			b.WriteByte('-')
			writePad(&b, pt.m, 2)
			if pt.hasD {
				b.WriteByte('-')
				writePad(&b, pt.d, 2)
			}
		}
		return b.String()
	}
	y := pt.y
	bc := ""
	if pt.era < 0 {
		bc = "BC"
	}
	switch {
	case pt.decade:
		return bc + strconv.Itoa(y/10)
	case pt.century:
		if pt.era < 0 {
			return bc + pad(y/100-1, 2)
		}
		return pad((y-1)/100, 2)
	case pt.season:
		return bc + pad(y, 4) + "-" + seasonCodes[pt.m]
	case pt.hasD:
		return bc + pad(y, 4) + "-" + pad(pt.m, 2) + "-" + pad(pt.d, 2)
	case pt.hasM:
		return bc + pad(y, 4) + "-" + pad(pt.m, 2)
	}
	return bc + pad(y, 4)
}

func pad(v, width int) string {
	var b strings.Builder
	writePad(&b, v, width)
	return b.String()
}

// wideRollGap: in FindAll a month without a year takes the year that puts
// it nearest the anchor: the anchor's, or the next one when the month
// lies more than half a year before the anchor's month. Narratives step
// back a few months as often as they step on (another front, a flashback),
// so Find's rule (any earlier month is next year's) would drift a year
// ahead at each step back.
const wideRollGap = 7
