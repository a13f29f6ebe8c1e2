// Package timex finds time expressions in English prose and infobox date
// lines and resolves them to intervals of annalist.Dates at the precision
// the text gives: "In June 1935" is 1935-06, "29 July – 11 August 1938"
// runs from 1938-07-29 to 1938-08-11, "Five days later" is five days after
// the date the narrative last established.
//
// It works on tokens (internal/textscan) with a small hand-written grammar:
// a date is a run of atoms (day, month, year, season, decade, ISO date)
// joined by dashes, "to", "until", "and", "or"; atoms missing a month or a
// year take it from the atom on their right ("2–25 July 1939"), then from
// the anchor ("On February 12" under 1936), and a month earlier than the
// anchor's month rolls into the next year ("in January" after December
// 1935 is January 1936).
//
// Choices a caller should know:
//   - Start and End keep the precision of the text. A qualifier ("early",
//     "mid", "late", "the end of", "the first half of") is reported in
//     Qualifier and as a narrower Sub interval: on a month, early is days
//     1–10, mid 11–20, late 21 to the end; on a year, early is January–April,
//     mid May–August, late September–December; on a decade, early is years
//     0–3, mid 4–6, late 7–9; on a century, the thirds. A qualifier before
//     the second atom of a range is read past ("from late 1937 to early
//     1938" is 1937–1938, Qualifier "late").
//   - Centuries are years: "the 12th century" is 1101–1200, "the 5th
//     century BC" 500–401 BC.
//   - "around", "about", "c." set Approx; "or" between dates sets Uncertain
//     and the interval spans both ("around January or February").
//   - A list of days "7–8 and 20 August" is one Expr from the first day to
//     the last.
//   - Seasons are months: spring March–May, summer June–August, autumn
//     September–November, winter December to February of the next year
//     ("the winter of 1941–42" is 1941-12 to 1942-02).
//   - A bare 4-digit year in prose is taken when a preposition or
//     qualifier comes before it, or what follows is not a lower-case word
//     other than the few listed as yearword in words.tsv; "1500 men" is not
//     a date.
//   - Relative expressions need an anchor; without one they come back with
//     Relative set and a zero interval. "N days later" is exact from a day
//     anchor; from a coarser anchor it keeps the anchor (Approx). A vague
//     count ("a few days later", "Weeks later") gives the anchor one
//     precision coarser, Approx. A month without a year and without any
//     anchor year also comes back with a zero interval. Within one call
//     each expression becomes the anchor of the next ("a cease-fire on 15
//     September, which took effect the following day" is 16 September).
//   - Seasons without a year need a preposition ("in the spring", not "a
//     spring offensive" or "the fall of Paris").
//
// Find returns dates only (Kind Date), for the event and infobox readers.
// FindAll reads prose as a TIMEX2 annotator does and returns every Kind
// with its TIMEX2 Value: each date of a range apart, durations ("two
// months"), sets ("every day"), parts of days and vague references ("now",
// "former", "this period"); the words it needs beyond Find's are kinds of
// words.tsv that Find never reads. "annalist timex" prints it.
package timex

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// Interval is a span of time at the precision the text gives. A single
// date has Start == End. End is zero for an open interval (Ongoing, or a
// lone start date).
type Interval struct {
	Start, End annalist.Date
	// Approx: the text says "c.", "circa", "around", "about".
	Approx bool
	// Ongoing: the interval runs to the present ("1992–present").
	Ongoing bool
	// Uncertain: the text gives alternatives ("January or February", "?").
	Uncertain bool
}

// IsZero reports whether the interval holds no date.
func (iv Interval) IsZero() bool { return iv.Start.IsZero() && iv.End.IsZero() }

// Anchor is what the narrative has established before a sentence.
type Anchor struct {
	// Date is the last date the narrative established, or zero.
	Date annalist.Date
	// Year is the year set by the section heading, or 0.
	Year int
	// Through is the year a section heading of one year names ("==1770==",
	// "Incidents of 1938"), or 0. A month told without a year that lies
	// nearer behind the anchor's month than ahead of it stays in that
	// year: under such a heading "On 5 July" after "1 August 1770" goes
	// back in the year rather than on to July 1771.
	Through int
	// From is where the narrative's own time begins (a war's first day or
	// month, from its infobox), or zero. A day or month told without a
	// year that the anchor's year puts before it, but that falls in the
	// war in one of its years, is in that year: "On August 10" after a
	// background told in 1599 and 1675, in a war of August 1680.
	From annalist.Date
	// To is where the narrative's own time ends (a war's last day, month
	// or year), or zero. A month told without a year is not rolled on
	// into the next year past it: "in mid-March" after "28 April 1864" in
	// a war that ended in 1864 goes back in the year, not on to 1865, and
	// "In the autumn" after 6 November 1868, in a war that ended in June
	// 1869, is the autumn of 1868.
	To annalist.Date
	// spanStart is the first month of the months that set Date to their
	// last ("the summer", "June–August", "the winter of 1879–80"): the
	// narrative may go on inside them, so a month among them told next
	// ("On 12 July", "On 11 December") is read against their first, not
	// rolled into the year after. It counts while Date is spanEnd.
	spanStart, spanEnd annalist.Date
}

// earlyYear returns the year the anchor is in when it is before AD 1000
// (negative BC), or 0.
func (a Anchor) earlyYear() int {
	y := a.Date.Year
	if a.Date.IsZero() {
		y = a.Year
	}
	if y == 0 && a.Date.IsZero() {
		y, _ = a.ref() // before any date of its own: the war's start
	}
	if y <= -1000 || y >= 1000 {
		return 0
	}
	return y
}

// Next returns the anchor after e: e's end (or start) becomes the date
// later sentences are read against; the heading year stays.
func (a Anchor) Next(e Expr) Anchor {
	switch {
	case !e.End.IsZero():
		a.Date = e.End
		a.spanStart, a.spanEnd = annalist.Date{}, annalist.Date{}
		if e.Start.Prec == annalist.PrecMonth && e.End.Prec == annalist.PrecMonth {
			if n := (e.End.Year-e.Start.Year)*12 + e.End.Month - e.Start.Month; n > 0 && n < 12 {
				a.spanStart, a.spanEnd = e.Start, e.End
			}
		}
	case !e.Start.IsZero():
		a.Date = e.Start
		a.spanStart, a.spanEnd = annalist.Date{}, annalist.Date{}
	}
	return a
}

// ref returns the year and month a month told without a year is read
// against (month 0 when the anchor has none): the anchor's, or the
// first of the months it spans.
func (a Anchor) ref() (year, month int) {
	if a.Date.IsZero() && a.Year == 0 && !a.From.IsZero() {
		// Before any date of its own, the narrative is at the war's
		// start: "It was fought on 22 November" in a lead.
		if a.From.Prec < annalist.PrecMonth {
			return a.From.Year, 0
		}
		return a.From.Year, a.From.Month
	}
	if a.Date.IsZero() {
		return a.Year, 0
	}
	if a.Date.Prec < annalist.PrecMonth {
		return a.Date.Year, 0
	}
	if !a.spanEnd.IsZero() && a.spanEnd == a.Date {
		return a.spanStart.Year, a.spanStart.Month
	}
	return a.Date.Year, a.Date.Month
}

// Expr is one time expression found in a text.
type Expr struct {
	// Span is where the expression stands in the text given to Find,
	// with its leading preposition or qualifier ("On 8 January 1935",
	// "In early April 1936", "Five days later").
	Span annalist.Span
	Interval
	// Relative: the interval was computed from the anchor ("Five days
	// later", "The same day", "that night"). "Later in March 1936" is not
	// relative: it names its month.
	Relative bool
	// Season: the interval is the months of a season ("the summer of
	// 1943", "the next spring"), which ISO 8601 dates can only cut to
	// their year.
	Season bool
	// Qualifier is "early", "mid", "late", "first-half", "second-half",
	// "around", or a relation: "before", "after", "by", "until", "since",
	// "later"; "" for none.
	Qualifier string
	// Bound is the relation the expression stands in ("before", "after",
	// "by", "until", "since"), or "": in "until early May" Qualifier is
	// "early" and Bound "until".
	Bound string
	// Sub is the narrower interval a qualifier of part ("early", "mid",
	// "late", the halves) points at; zero otherwise.
	Sub Interval
	// Text is the expression's text.
	Text string
	// Kind is what the expression names; always Date from Find.
	Kind Kind
	// Value is the expression's TIMEX2 value ("1939-09-01", "194" for the
	// 1940s, "1941-WI", "BC0490", "P2M", "PRESENT_REF"), set by FindAll
	// only; "" when the text gives too little to tell.
	Value string
	// opens: the expression opens its sentence ("In 1942, …"); FindAll
	// lets a year alone move the anchor only then.
	opens bool
	// timeOf: the expression follows "in", "at" or "during", the time a
	// thing was done ("came at the start of 1987"), not a bound or an aim
	// ("by late 1943", "planned for 1976").
	timeOf bool
	// yearGiven: the expression's text names a year ("5 December 1928",
	// "the end of 1928"), rather than taking one from the anchor.
	yearGiven bool
}

// point is one date atom: what of year, month and day the text gave.
type point struct {
	y, m, d          int
	hasY, hasM, hasD bool
	era              int // -1 BC, +1 AD, 0 unmarked
	decade           bool
	century          bool // y is the first year of a century
	season           bool
	mEnd             int // last month of a season
	iso              bool
	at, end          int // tokens of the atom in the text, [at, end)
}

type parser struct {
	text   string
	toks   []textscan.Token
	t      *table
	groups []int32 // the table's group of entries starting at each token
	line   bool    // reading an infobox Date line: years need no context
	// near is the year the narrative is in when it is before AD 1000
	// (negative BC), set while a date phrase opened by a preposition is
	// read, else 0: in a war of 602–628, "in 614" is a year, though a
	// number of fewer than four digits is a count anywhere else.
	near int
	wide bool // FindAll: every kind, each atom of a range on its own
	// ptsBuf holds run's result, reused run to run: every caller is done
	// with one run's points before it reads the next. A longer run grows
	// onto the heap and is not kept: storing it back in the parser would
	// make escape analysis send every parser (and its tokens) to the heap.
	ptsBuf [4]point
	// split holds, in wide mode, the one expression a run of several
	// atoms became per atom ("1918" and "1920" of "from 1918 to 1920").
	split []Expr
}

func newParser(text string, line bool) *parser {
	p := makeParser(text, line, make([]textscan.Token, 0, len(text)/5+8))
	return &p
}

// makeParser scans text into toks (appended to buf). It returns a value
// so that a caller can keep the parser and buf on its stack.
func makeParser(text string, line bool, buf []textscan.Token) parser {
	p := parser{text: text, toks: textscan.Scan(text, buf), t: words(), line: line}
	p.groups = p.t.Lookup(text, p.toks)
	return p
}

func (p *parser) word(i int, mask kind) (*entry, int) {
	if i < 0 || i >= len(p.toks) {
		return nil, i
	}
	return p.t.match(p.text, p.toks, p.group(i), i, mask)
}

func (p *parser) is(i int, w string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != textscan.Word {
		return false
	}
	return strings.EqualFold(p.toks[i].Text(p.text), w)
}

func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].Kind == textscan.Punct && p.text[p.toks[i].Start] == c
}

func (p *parser) number(i int) (textscan.Token, bool) {
	if i < 0 || i >= len(p.toks) {
		return textscan.Token{}, false
	}
	tk := p.toks[i]
	if tk.Kind != textscan.Number || tk.Sep || tk.Decimal || tk.Value < 0 {
		return tk, false
	}
	return tk, true
}

// gluedWord reports whether token i is a word or number glued to the
// token before ("11-man", "5th", "37mm").
func (p *parser) gluedWord(i int) bool {
	return i < len(p.toks) && !p.toks[i].Space && (p.toks[i].Kind == textscan.Word || p.toks[i].Kind == textscan.Number)
}

// glued reports whether token i is glued to the token before.
func (p *parser) glued(i int) bool {
	return i < len(p.toks) && !p.toks[i].Space
}

// month reads a capitalized month name at i (in a Date line, any case).
func (p *parser) month(i int) (int, int, bool) {
	if i >= len(p.toks) || (!p.toks[i].Upper && !p.line) {
		return 0, i, false
	}
	e, next := p.word(i, kMonth)
	if e == nil {
		return 0, i, false
	}
	return e.a, next, true
}

// year reads a year at token i: with an era after it (1–4 digits) or,
// without one, 3–4 digits (4 in prose, 1000–2999). prevYear, when not 0,
// allows "42" after "1941–".
func (p *parser) year(i int, prevYear int) (y, era, next int, ok bool) {
	if e, n := p.word(i, kEra); e != nil && e.a > 0 { // "AD 14"
		if tk, ok := p.number(n); ok && tk.Digits <= 4 {
			return tk.Value, 1, n + 1, true
		}
	}
	tk, ok := p.number(i)
	if !ok || p.glued(i+1) && i+1 < len(p.toks) && p.toks[i+1].Kind == textscan.Word && !p.is(i+1, "s") {
		return 0, 0, i, false
	}
	if e, n := p.word(i+1, kEra); e != nil && tk.Digits <= 4 {
		return tk.Value, e.a, n, true
	}
	if prevYear > 0 && tk.Digits == 2 && i > 0 && p.toks[i-1].Kind == textscan.Dash {
		y := prevYear/100*100 + tk.Value
		if y > prevYear {
			return y, 0, i + 1, true
		}
	}
	// "from 499 to 493 BC", "240–238 BC", "58–63 AD": a short number
	// before a year with an era is a year of that era (the run gives it
	// the era).
	if i+3 < len(p.toks) && p.toks[i+3].Kind == textscan.Word && tk.Digits <= 4 && tk.Value > 0 {
		if e, _ := p.word(i+3, kEra); e != nil && (p.toks[i+1].Kind == textscan.Dash || p.is(i+1, "to")) {
			if tk2, ok := p.number(i + 2); ok && tk2.Digits <= 4 {
				return tk.Value, 0, i + 1, true
			}
		}
	}
	switch {
	case tk.Digits == 4 && tk.Value >= 1000 && tk.Value <= 2999:
		return tk.Value, 0, i + 1, true
	case p.line && tk.Digits == 3 && tk.Value >= 100:
		return tk.Value, 0, i + 1, true
	case p.near != 0 && !tk.Sep && tk.Digits <= 3 && nearYear(tk.Value, p.near) && p.yearMayEnd(i+1):
		if p.near < 0 {
			return tk.Value, -1, i + 1, true
		}
		return tk.Value, 0, i + 1, true
	}
	return 0, 0, i, false
}

// nearYear reports whether v, a number without an era, is close enough to
// near, the year the narrative is in (negative BC), to be a year of it.
func nearYear(v, near int) bool {
	const reach = 150 // a war's background and aftermath, in years
	if near < 0 {
		near = -near
	}
	return v > 0 && v >= near-reach && v <= near+reach
}

// yearMayEnd reports whether token i may follow a short year: not a
// lower-case word other than one the table lists as following years or
// opening a clause ("in 614 during", "in 614 the Persians", not "in 600
// ships").
func (p *parser) yearMayEnd(i int) bool {
	if i >= len(p.toks) || p.toks[i].Kind != textscan.Word || p.toks[i].Upper {
		return true
	}
	e, _ := p.word(i, kYearWord|kClause)
	return e != nil
}

// skipCalendarNote returns the token after a note of the day in another
// calendar at token i ("12 June [O.S. 1 June] 1790", "12 June (N.S.
// 23 June) 1790": the year after it is the date's), or i.
func (p *parser) skipCalendarNote(i int) int {
	if i >= len(p.toks) || p.toks[i].Kind != textscan.Punct {
		return i
	}
	open := p.text[p.toks[i].Start]
	if open != '[' && open != '(' {
		return i
	}
	rest := p.text[p.toks[i].End:]
	note := false
	for _, m := range calendarMarks() {
		note = note || strings.HasPrefix(rest, m)
	}
	if !note {
		return i
	}
	shut := byte(')')
	if open == '[' {
		shut = ']'
	}
	for k := i + 1; k < len(p.toks) && k <= i+12; k++ {
		if p.toks[k].Kind == textscan.Punct && p.text[p.toks[k].Start] == shut {
			return k + 1
		}
	}
	return i
}

// calendarMarks are the names that mark a day as given in another
// calendar than the narrative's ("12 June [O.S. 1 June]").
func calendarMarks() [6]string {
	return [...]string{"O.S.", "N.S.", "Old Style", "New Style", "Julian", "Gregorian"}
}

// CalendarNoteBefore reports whether before, the text before a date, ends
// with the name of another calendar ("(O.S. ", "[Old Style: ", "Julian
// calendar "): the date after it gives again, in that calendar, a day the
// text gave already.
func CalendarNoteBefore(before string) bool {
	w := strings.TrimRight(before, " :,")
	if n := len(" calendar"); len(w) > n && strings.EqualFold(w[len(w)-n:], " calendar") {
		w = w[:len(w)-n]
	}
	w = strings.TrimSuffix(w, ".")
	for _, m := range calendarMarks() {
		m = strings.TrimSuffix(m, ".")
		if len(w) >= len(m) && strings.EqualFold(w[len(w)-len(m):], m) {
			return true
		}
	}
	return false
}

// CalendarNoteAfter reports whether after, the text after a date, opens
// with the name of another calendar (" O.S.)", " Old Style", ", Julian"):
// the date before it gives again, in that calendar, a day the text gave
// already ("fought from 11 to 14 June 1666 (1–4 June O.S.)", "(28 June in
// the Gregorian calendar)").
func CalendarNoteAfter(after string) bool {
	w := strings.TrimLeft(after, " ,")
	// "(28 June in the Gregorian calendar)", "(1 June in Old Style)"
	for _, in := range [...]string{"in the ", "in "} {
		if len(w) > len(in) && strings.EqualFold(w[:len(in)], in) {
			w = w[len(in):]
			break
		}
	}
	for _, m := range calendarMarks() {
		if len(w) >= len(m) && strings.EqualFold(w[:len(m)], m) {
			return true
		}
	}
	return false
}

// CalendarNote reports whether the date at span sp of text is given again
// in another calendar, a note marked before or after it ("(O.S. 1 June)",
// "(1–4 June O.S.)"): a day the text gave already, which dates nothing
// and which the narrative does not move to.
func CalendarNote(text string, sp annalist.Span) bool {
	return CalendarNoteBefore(text[:sp.Start]) || CalendarNoteAfter(text[sp.End:])
}

func (p *parser) dayNumber(i int) (int, bool) {
	tk, ok := p.number(i)
	if !ok || tk.Digits > 2 || tk.Value < 1 || tk.Value > 31 {
		return 0, false
	}
	return tk.Value, true
}

// skipOrdinal passes a glued "th", "st", "nd", "rd" after a day.
func (p *parser) skipOrdinal(i int) int {
	if i < len(p.toks) && p.glued(i) && (p.is(i, "th") || p.is(i, "st") || p.is(i, "nd") || p.is(i, "rd")) {
		return i + 1
	}
	return i
}

// atom reads one date atom at token i.
func (p *parser) atom(i int, prevYear int) (point, int, bool) {
	var pt point
	if i >= len(p.toks) {
		return pt, i, false
	}
	// A weekday before a date is passed over: "Monday, 8 January".
	if e, n := p.word(i, kWeekday); e != nil && p.toks[i].Upper {
		if p.punct(n, ',') {
			n++
		}
		if q, next, ok := p.atom(n, prevYear); ok && q.hasD {
			return q, next, true
		}
		return pt, i, false
	}
	tk := p.toks[i]
	switch tk.Kind {
	case textscan.Number:
		// ISO 8601: 2020-05-05
		if tk.Digits == 4 && !tk.Sep && i+4 < len(p.toks) && p.toks[i+1].Kind == textscan.Dash && p.glued(i+1) && p.glued(i+2) && p.glued(i+3) && p.glued(i+4) &&
			p.toks[i+3].Kind == textscan.Dash {
			m, okm := p.number(i + 2)
			d, okd := p.number(i + 4)
			if okm && okd && m.Digits == 2 && d.Digits == 2 && m.Value >= 1 && m.Value <= 12 && d.Value >= 1 && d.Value <= annalist.DaysIn(tk.Value, m.Value) {
				return point{y: tk.Value, m: m.Value, d: d.Value, hasY: true, hasM: true, hasD: true, iso: true}, i + 5, true
			}
		}
		if d, ok := p.dayNumber(i); ok {
			j := p.skipOrdinal(i + 1)
			if p.is(j, "of") {
				j++
			}
			if m, n, ok := p.month(j); ok {
				pt = point{d: d, m: m, hasD: true, hasM: true}
				if d > annalist.DaysIn(2000, m) {
					return pt, i, false
				}
				k := p.skipCalendarNote(n)
				if p.punct(k, ',') {
					k++
				}
				if y, era, n2, ok := p.year(k, 0); ok {
					pt.y, pt.era, pt.hasY = y, era, true
					return pt, n2, true
				}
				return pt, n, true
			}
		}
		if y, era, n, ok := p.year(i, prevYear); ok {
			pt = point{y: y, era: era, hasY: true}
			if era == 0 && p.glued(n) && p.is(n, "s") && y%10 == 0 { // "1930s"
				pt.decade = true
				n++
			} else if era == 0 && p.punct(n, '\'') && p.glued(n) && p.is(n+1, "s") && p.glued(n+1) && y%10 == 0 {
				pt.decade = true
				n += 2
			}
			return pt, n, true
		}
		// "the 12th century", "the 5th century BC"
		if tk.Digits <= 2 && tk.Value >= 1 && p.skipOrdinal(i+1) == i+2 && p.is(i+2, "century") {
			pt = point{y: (tk.Value-1)*100 + 1, hasY: true, century: true}
			n := i + 3
			if e, n2 := p.word(n, kEra); e != nil {
				pt.era, n = e.a, n2
				if e.a < 0 { // 5th century BC runs from 500 to 401 BC
					pt.y = tk.Value * 100
				}
			}
			return pt, n, true
		}
		if d, ok := p.dayNumber(i); ok { // a bare day, valid only if a month follows in the run
			return point{d: d, hasD: true}, p.skipOrdinal(i + 1), true
		}
	case textscan.Word:
		if m, n, ok := p.month(i); ok {
			pt = point{m: m, hasM: true}
			if y, era, n2, ok := p.year(n, 0); ok {
				pt.y, pt.era, pt.hasY = y, era, true
				return pt, n2, true
			}
			if d, ok := p.dayNumber(n); ok && (p.skipOrdinal(n+1) > n+1 || !p.gluedWord(n+1)) {
				pt.d, pt.hasD = d, true
				k := p.skipOrdinal(n + 1)
				if d > annalist.DaysIn(2000, m) {
					return point{}, i, false
				}
				if p.punct(k, ',') {
					if y, era, n2, ok := p.year(k+1, 0); ok {
						pt.y, pt.era, pt.hasY = y, era, true
						return pt, n2, true
					}
				}
				if y, era, n2, ok := p.year(k, 0); ok {
					pt.y, pt.era, pt.hasY = y, era, true
					return pt, n2, true
				}
				return pt, k, true
			}
			if p.is(n, "of") {
				if y, era, n2, ok := p.year(n+1, 0); ok {
					pt.y, pt.era, pt.hasY = y, era, true
					return pt, n2, true
				}
			}
			return pt, n, true
		}
		if e, n := p.word(i, kSeason); e != nil {
			pt = point{m: e.a, mEnd: e.b, hasM: true, season: true}
			k := n
			if p.is(k, "of") {
				k++
			}
			if y, era, n2, ok := p.year(k, 0); ok {
				pt.y, pt.era, pt.hasY = y, era, true
				n = n2
				// "the winter of 1941–42": the season starts in the first
				// year, in the era the second one gives ("the winter of
				// 32–31 BC").
				if n+1 < len(p.toks) && p.toks[n].Kind == textscan.Dash {
					if _, era2, n3, ok := p.year(n+1, y); ok {
						n = n3
						if pt.era == 0 {
							pt.era = era2
						}
					}
				}
			}
			return pt, n, true
		}
		if e, n := p.word(i, kEra); e != nil && e.a > 0 {
			if y, era, n2, ok := p.year(i, 0); ok {
				return point{y: y, era: era, hasY: true}, n2, true
			}
			_ = n
		}
	}
	return pt, i, false
}

// run reads atoms joined by dashes, "to", "until", "and", "or" (and commas
// in a Date line), and completes each from its right neighbour.
func (p *parser) run(i int) (pts []point, next int, uncertain bool, ok bool) {
	a, j, ok := p.atom(i, 0)
	if !ok {
		return nil, i, false, false
	}
	a.at, a.end = i, j
	pts = append(p.ptsBuf[:0], a)
	var endsBuf [8]int
	ends := append(endsBuf[:0], j) // the token after each atom
	for j < len(p.toks) {
		k := j
		tk := p.toks[k]
		or := false
		switch {
		case tk.Kind == textscan.Dash:
		case p.is(k, "to"), p.is(k, "until"), p.is(k, "till"), p.is(k, "through"), p.is(k, "and"):
		case p.is(k, "or"):
			or = true
		case p.punct(k, '/') && p.glued(k) && p.glued(k+1) && pts[len(pts)-1].hasD && !pts[len(pts)-1].hasM:
			// "the night of 7/8 August"
		case p.punct(k, '/') && p.glued(k) && p.glued(k+1) && pts[len(pts)-1].hasM && !pts[len(pts)-1].hasD && !pts[len(pts)-1].season:
			// "August/September 490 BC": one month or the other.
			or = true
		case p.punct(k, ','):
			if !p.line && !(pts[len(pts)-1].hasD && !pts[len(pts)-1].hasM) {
				k = -1
			}
		default:
			k = -1
		}
		if k < 0 {
			break
		}
		prevY := 0
		if last := pts[len(pts)-1]; last.hasY {
			prevY = last.y
		}
		// "from late 1937 to early 1938": a qualifier of part before the
		// next atom is read past; the interval runs to that atom's end.
		at := k + 1
		if e, n := p.word(at, kQualifier); e != nil && e.unit != "around" {
			at = n
			if at < len(p.toks) && p.toks[at].Kind == textscan.Dash && p.glued(at) && p.glued(at+1) {
				at++
			}
		}
		b, n, ok := p.atom(at, prevY)
		if !ok {
			break
		}
		// "July 2–25, 1939": a year after a comma closes the run.
		if p.punct(k, ',') && b.hasY && !b.hasM && !b.decade && !pts[len(pts)-1].hasY {
			for q := range pts {
				if !pts[q].hasY {
					pts[q].y, pts[q].era, pts[q].hasY = b.y, b.era, true
				}
			}
			j = n
			break
		}
		b.at, b.end = k+1, n
		pts = append(pts, b)
		ends = append(ends, n)
		uncertain = uncertain || or
		j = n
	}
	// Complete from the right: "2–25 July 1939", "December – January 1936".
	for k := len(pts) - 2; k >= 0; k-- {
		a, b := &pts[k], pts[k+1]
		if a.hasD && !a.hasM && b.hasM && !b.season {
			a.m, a.hasM = b.m, true
		}
		if a.hasM && !a.hasY && b.hasY {
			a.y, a.hasY = b.y, true
			if b.hasM && a.m > b.m && !b.season {
				a.y--
			}
			if a.era == 0 {
				a.era = b.era
			}
		}
		if a.hasY && a.era == 0 && b.era < 0 && b.hasY {
			a.era = -1
		}
	}
	// "July 2–25": a bare day after a day of a month is in that month.
	for k := 1; k < len(pts); k++ {
		a, b := &pts[k], pts[k-1]
		if a.hasD && !a.hasM && b.hasD && b.hasM && b.d < a.d {
			a.m, a.hasM = b.m, true
			if !a.hasY && b.hasY {
				a.y, a.era, a.hasY = b.y, b.era, true
			}
		}
	}
	for k := len(pts) - 2; k >= 0; k-- {
		if pts[k].hasM && !pts[k].hasY && pts[k+1].hasY && pts[k+1].hasM && pts[k].m <= pts[k+1].m {
			pts[k].y, pts[k].era, pts[k].hasY = pts[k+1].y, pts[k+1].era, true
		}
	}
	// A bare day that got no month ends the run before it.
	for k := range pts {
		if pts[k].hasD && !pts[k].hasM {
			if k == 0 {
				return nil, i, false, false
			}
			pts = pts[:k]
			j = ends[k-1]
			break
		}
	}
	return pts, j, uncertain, true
}

// bounds returns the first and last date a point covers, at its precision.
func (pt point) bounds() (annalist.Date, annalist.Date) {
	y := pt.y
	if pt.era < 0 {
		y = -y
	}
	switch {
	case pt.decade:
		return annalist.YearDate(y), annalist.YearDate(y + 9)
	case pt.century:
		return annalist.YearDate(y), annalist.YearDate(y + 99)
	case pt.season:
		ye := y
		if pt.mEnd < pt.m {
			ye++
		}
		return annalist.MonthDate(y, pt.m), annalist.MonthDate(ye, pt.mEnd)
	case pt.hasD:
		d := annalist.DayDate(y, pt.m, pt.d)
		return d, d
	case pt.hasM:
		d := annalist.MonthDate(y, pt.m)
		return d, d
	}
	d := annalist.YearDate(y)
	return d, d
}

// span joins the points' bounds into one interval, earliest to latest.
func span(pts []point) Interval {
	var iv Interval
	for _, pt := range pts {
		if !pt.hasY {
			continue
		}
		s, e := pt.bounds()
		if iv.Start.IsZero() || s.First().DayNumber() < iv.Start.First().DayNumber() ||
			s.First().DayNumber() == iv.Start.First().DayNumber() && s.Prec < iv.Start.Prec {
			iv.Start = s
		}
		if iv.End.IsZero() || e.Last().DayNumber() > iv.End.Last().DayNumber() ||
			e.Last().DayNumber() == iv.End.Last().DayNumber() && e.Prec < iv.End.Prec {
			iv.End = e
		}
	}
	// "June 1097 – 19 June 1097": the run ends on the day its last point
	// names, though a coarser point before it lasts longer.
	for k := len(pts) - 1; k >= 1; k-- {
		if !pts[k].hasY {
			continue
		}
		s, e := pts[k].bounds()
		if e.Prec > iv.End.Prec && e.Last().DayNumber() < iv.End.Last().DayNumber() && s.First().DayNumber() >= iv.End.First().DayNumber() &&
			s.First().DayNumber() > iv.Start.First().DayNumber() {
			iv.End = e
		}
		break
	}
	return iv
}
