package timex

import (
	"github.com/annalist/annalist/quantity"
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
		a = a.nextWide(e)
	}
	return a
}

// Follow returns the anchor after the expression e of a narrative: as
// Next, except that a year mentioned in passing ("documents found in
// 2004" in a story of 1920, "planned for 1976" inside a sentence dated
// March 1975) is a digression the narrative returns from.
//
// A look back ("since July", "before March") is not followed either: the
// narrative stays where it was.
func (a Anchor) Follow(e Expr) Anchor {
	if e.Qualifier == "since" || e.Qualifier == "before" || e.Bound == "since" || e.Bound == "before" {
		return a // "since the middle of December" too, whose Qualifier is "mid"
	}
	if e.Relative && !e.opens && a.Date.Prec == annalist.PrecDay && !e.Start.IsZero() && e.Start.Last().DayNumber() < a.Date.First().DayNumber() {
		// "troops came ashore on 20 July from a task force that had
		// sailed the previous day": a look back inside the sentence; the
		// narrative stays on its day ("that afternoon" is the 20th's).
		return a
	}
	return a.nextWide(e)
}

// digression is how many years from the anchor a year alone may lie and
// still move it.
const digression = 10

// nextWide is Next for FindAll: only dates move the anchor, and a year
// alone far from the anchor's ("the War of 1812" in an article on 1965,
// "documents found in 2004") is a digression the narrative returns from,
// not a new time for the dates after it.
func (a Anchor) nextWide(e Expr) Anchor {
	if e.Kind != Date {
		return a
	}
	if e.Start.Prec == annalist.PrecYear && !a.Date.IsZero() {
		if d := e.Start.Year - a.Date.Year; d > digression || d < -digression {
			return a
		}
		// "planned for 1976", "by late 1943" inside a sentence about
		// March 1975 or June 1944 mention a year; "In 1942, …" opening a
		// sentence moves the narrative there.
		if !e.opens && a.Date.Prec >= annalist.PrecMonth && !(e.timeOf && e.Qualifier != "" && e.Start.Year > a.Date.Year) {
			// A part of a later year a thing was done in moves it on:
			// "The worst clash came at the start of 1987. On 5 January
			// …"; a year alone is as often an aim ("the elections due
			// in 1976").
			return a
		}
	}
	return a.Next(e)
}

// wideAt reads the expressions starting at token i for FindAll, appends
// them to out and returns the anchor after them and the token after the
// last; ok is false when none starts at i.
func (p *parser) wideAt(out []Expr, i int, cur Anchor) ([]Expr, Anchor, int, bool) {
	if e, n, ok := p.expr(i, cur); ok {
		e.timeOf = p.timeOf(i)
		if len(p.split) > 0 {
			for _, s := range p.split {
				out = append(out, s)
				cur = cur.nextWide(s)
			}
			p.split = p.split[:0]
			return out, cur, n, true
		}
		if e.Value == "" {
			e.Value = value(e)
		}
		out = append(out, e)
		cur = cur.nextWide(e)
		return out, cur, n, true
	}
	if e, n, ok := p.other(i, cur); ok {
		out = append(out, e)
		cur = cur.nextWide(e)
		return out, cur, n, true
	}
	// Not the token after expr's failure: "the" of "by the time" is
	// passed over there but starts an expression here.
	return out, cur, i + 1, false
}

// determiners may open a noun phrase of time ("the night", "this period").
var determiners = [...]string{"the", "this", "that", "these", "those"}

// other reads at token i an expression FindAll adds to Find's dates: a
// reference ("now", "at this time"), a set ("every day", "annually"), a
// part of a day ("that night"), a duration ("two months", "a few days",
// "the next two weeks", "ten-day"), or a date named by a noun of time
// and the anchor ("the year", "the month").
func (p *parser) other(i int, cur Anchor) (Expr, int, bool) {
	if p.toks[i].Kind != textscan.Word && p.toks[i].Kind != textscan.Number {
		return Expr{}, i, false
	}
	if x, n, ok := p.clock(i, cur); ok {
		return x, n, true
	}
	if x, n, ok := p.holiday(i, cur); ok {
		// Only a holiday with its year moves the anchor: "Christmas"
		// alone is as often a name ("the Christmas Offensive").
		if x.Relative {
			x.Start, x.End = annalist.Date{}, annalist.Date{}
		}
		return x, n, true
	}
	if e, n := p.word(i, kRef); e != nil && (e.b != 1 || p.prepBefore(i)) {
		x := Expr{Kind: Ref, Value: e.unit}
		if e.unit == "ANCHOR" {
			x.Kind, x.Relative, x.Value = Date, true, anchorValue(cur, annalist.PrecDay)
		}
		p.setSpan(&x, i, n)
		return x, n, true
	}
	if e, n := p.word(i, kSet); e != nil {
		x := Expr{Kind: Set, Value: e.unit}
		p.setSpan(&x, i, n)
		return x, n, true
	}
	if e, n := p.word(i, kSetWord); e != nil {
		if u, n2 := p.word(n, kUnit|kDUnit); u != nil && !plural(p.toks[n].Text(p.text)) {
			x := Expr{Kind: Set, Value: setValue(u.unit)}
			p.setSpan(&x, i, n2)
			return x, n2, true
		}
		return Expr{}, i, false
	}
	// "the end of the month", "the middle of the year": a qualifier of
	// part before a noun of time is spanned with it.
	if q, n := p.word(i, kQualifier); q != nil && q.unit != "around" && n < len(p.toks) {
		if x, n2, ok := p.other(n, cur); ok && x.Kind == Date {
			x.Qualifier = q.unit
			p.setSpan(&x, i, n2)
			return x, n2, true
		}
	}
	at := i // a determiner is spanned with its noun
	det := false
	for _, w := range determiners {
		if p.is(i, w) {
			i, det = i+1, true
			break
		}
	}
	if i >= len(p.toks) {
		return Expr{}, i, false
	}
	if e, n := p.word(i, kDaytime); e != nil {
		x := Expr{Kind: Date, Relative: true, Value: anchorValue(cur, annalist.PrecDay)}
		if cur.Date.Prec != annalist.PrecDay {
			x.Value = "XXXX-XX-XX"
		}
		x.Value += "T" + e.unit
		p.setSpan(&x, at, n)
		return x, n, true
	}
	if e, n := p.word(i, kPeriod); e != nil {
		x := Expr{Kind: Ref}
		p.setSpan(&x, at, n)
		return x, n, true
	}
	return p.duration(at, i, det, cur)
}

// holiday reads a day named by a feast or an event at token i ("Christmas
// Day 1846", "Armistice Day"), dated with its year, or else with the
// anchor's and marked relative; one that falls on no fixed day is its
// year only ("Easter 1916").
func (p *parser) holiday(i int, cur Anchor) (Expr, int, bool) {
	e, n := p.word(i, kHoliday)
	if e == nil {
		return Expr{}, i, false
	}
	x := Expr{Kind: Date, Relative: true}
	y, era, n2, ok := p.year(n, 0)
	switch {
	case ok && era >= 0:
		x.Relative, n = false, n2
	case cur.Date.IsZero() && cur.Year == 0:
		y = 0
	case cur.Date.IsZero():
		y = cur.Year
	default:
		y = cur.Date.Year
	}
	switch {
	case y > 0 && e.a > 0 && e.b > 0:
		d := annalist.DayDate(y, e.a, e.b)
		x.Value = dateValue(d)
		x.Start, x.End = d, d
	case y > 0:
		x.Value = pad(y, 4)
		if !x.Relative {
			x.Start, x.End = annalist.YearDate(y), annalist.YearDate(y)
		}
	}
	p.setSpan(&x, i, n)
	return x, n, true
}

// prepBefore reports whether a preposition or a relation word comes just
// before token i ("at this time", "by this time").
func (p *parser) prepBefore(i int) bool {
	if i == 0 {
		return false
	}
	for k := max(0, i-3); k < i; k++ {
		if e, n := p.word(k, kPrep|kBound); e != nil && n == i {
			return true
		}
		if e, n := p.word(k, kQualifier); e != nil && e.unit == "around" && n == i {
			return true
		}
	}
	return false
}

// duration reads, from token at (its determiner) or i, a count of units:
// "two months", "a few days", "the next two weeks", "ten-day", "days",
// "month-long". A singular unit after a determiner and no count is a date
// at the anchor ("the year", "that month").
func (p *parser) duration(at, i int, det bool, cur Anchor) (Expr, int, bool) {
	j := i
	for step := 0; step < 2; step++ {
		e, n := p.word(j, kDurMod)
		if e == nil {
			break
		}
		j = n
	}
	if det && at == i {
		at = i
	} else if !det {
		at = i
	}
	// the unit, at most four tokens on
	u := -1
	var ue *entry
	var un int
	for k := j; k < len(p.toks) && k <= j+4; k++ {
		if e, n := p.word(k, kUnit|kDUnit); e != nil {
			u, ue, un = k, e, n
			break
		}
		if p.toks[k].Kind != textscan.Word && p.toks[k].Kind != textscan.Number && p.toks[k].Kind != textscan.Dash {
			return Expr{}, i, false
		}
	}
	if u < 0 {
		return Expr{}, i, false
	}
	unitText := p.toks[u].Text(p.text)
	many := plural(unitText)
	// "month-long", "year-long", "months-long"
	end := un
	if p.glued(end) && end+1 < len(p.toks) && p.toks[end].Kind == textscan.Dash && p.glued(end+1) && p.is(end+1, "long") {
		end += 2
	}
	x := Expr{Kind: Duration}
	if u == j {
		switch {
		case many:
			x.Value = durValue("X", ue.unit)
		case det:
			// "the year", "that month": the time the narrative is at.
			x.Kind, x.Relative = Date, true
			x.Value = anchorValue(cur, unitPrec(ue.unit))
		case end > un:
			x.Value = durValue("1", ue.unit)
		default:
			return Expr{}, i, false
		}
		p.setSpan(&x, at, end)
		return x, end, true
	}
	// the count: every token from j to the unit (a dash glued to the
	// unit is the hyphen of "ten-day")
	ce := u
	if p.toks[u-1].Kind == textscan.Dash && p.glued(u) {
		ce = u - 1
	}
	if ce <= j {
		return Expr{}, i, false
	}
	lead := strings.ToLower(p.text[p.toks[j].Start:p.toks[ce-1].End])
	n := ""
	if det && ue.unit != "century" && ue.unit != "decade" && p.adjectives(j, ce) {
		// "the first day of the war", "the bloodiest year": a unit the
		// narrative is at, or a stretch of such units ("the early years").
		if many {
			x.Value = durValue("X", ue.unit)
		} else {
			x.Kind, x.Relative = Date, true
			x.Value = anchorValue(cur, unitPrec(ue.unit))
		}
		p.setSpan(&x, at, end)
		return x, end, true
	}
	switch lead {
	case "a", "an", "one", "a single", "a full", "one full":
		n = "1"
	case "half a", "a half":
		n = "0.5"
	default:
		q, ok := quantity.Parse(lead)
		if !ok || q.Span.End != len(lead) {
			return Expr{}, i, false
		}
		switch {
		case q.Count.Low != nil && q.Count.High != nil && *q.Count.Low == *q.Count.High:
			n = strconv.Itoa(*q.Count.Low)
		case q.Count.High != nil:
			n = strconv.Itoa(*q.Count.High)
		case q.Vague != "" && q.Vague != "no":
			n = "X"
		default:
			return Expr{}, i, false
		}
	}
	x.Value = durValue(n, ue.unit)
	if r, n2 := p.word(end, kLater|kRelWord); r != nil {
		return p.shifted(at, n2, n, r.a, ue.unit, cur)
	}
	p.setSpan(&x, at, end)
	return x, end, true
}

// shifted is the date a count of units before or after the anchor names
// ("two years ago", "ten days after the battle began", "a decade
// earlier"): n units (X for a vague count) in direction dir.
func (p *parser) shifted(at, next int, n string, dir int, unit string, cur Anchor) (Expr, int, bool) {
	k, err := strconv.Atoi(n)
	if err != nil || unit == "hour" || unit == "minute" {
		x := Expr{Kind: Date, Relative: true, Value: "FUTURE_REF"}
		if dir < 0 {
			x.Value = "PAST_REF"
		}
		p.setSpan(&x, at, next)
		return x, next, true
	}
	switch unit {
	case "decade":
		k, unit = 10*k, "year"
	case "century":
		k, unit = 100*k, "year"
	case "week":
		k *= 7
	case "fortnight":
		k, unit = 14*k, "week"
	}
	x, _, _ := p.relative(at, next, dir*k, unit, cur, "", "")
	x.Kind = Date
	x.Value = value(x)
	return x, next, true
}

// plural tells a plural unit ("days", "centuries") from a singular one.
func plural(w string) bool {
	return len(w) > 1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S')
}

// durValue is the TIMEX2 value of n units: P2M, PXD, PT5H, P2DE.
func durValue(n, unit string) string {
	switch unit {
	case "day":
		return "P" + n + "D"
	case "week":
		return "P" + n + "W"
	case "month":
		return "P" + n + "M"
	case "year":
		return "P" + n + "Y"
	case "decade":
		return "P" + n + "DE"
	case "century":
		return "P" + n + "CE"
	case "hour":
		return "PT" + n + "H"
	case "minute":
		return "PT" + n + "M"
	case "fortnight":
		if k, err := strconv.Atoi(n); err == nil {
			return "P" + strconv.Itoa(2*k) + "W"
		}
		return "PXW"
	}
	return ""
}

// setValue is the TIMEX2 value of "every" one unit.
func setValue(unit string) string {
	switch unit {
	case "day":
		return "XXXX-XX-XX"
	case "week":
		return "XXXX-WXX"
	case "month":
		return "XXXX-XX"
	case "hour":
		return "XXXX-XX-XXTXX"
	}
	return "XXXX"
}

// unitPrec is the precision of a date named by a unit ("the month").
func unitPrec(unit string) annalist.Precision {
	switch unit {
	case "day", "hour", "minute":
		return annalist.PrecDay
	case "week", "fortnight", "month":
		return annalist.PrecMonth
	}
	return annalist.PrecYear
}

// anchorValue is the anchor's date cut to at most prec, as TIMEX2 values
// a time the narrative points at without naming it; "" with no anchor.
func anchorValue(cur Anchor, prec annalist.Precision) string {
	d := cur.Date
	if d.IsZero() {
		if cur.Year == 0 {
			return ""
		}
		d = annalist.YearDate(cur.Year)
	}
	switch {
	case prec == annalist.PrecYear && d.Prec > prec:
		d = annalist.YearDate(d.Year)
	case prec == annalist.PrecMonth && d.Prec > prec:
		d = annalist.MonthDate(d.Year, d.Month)
	}
	return dateValue(d)
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

// findRollGap: in Find a month without a year that lies one or two months
// before the anchor's stays in the anchor's year ("He arrived at Cotonou
// in May" after "the campaign is dated from 4 July 1892"); one further
// back rolls on into the next year ("in January" after December). A
// narrative steps back a little more often than it leaps most of a year
// ahead without saying so; on the WikiWars articles, events dated this
// way were right 29 times where the year-ahead rule was right 3.
const findRollGap = 3

// determinerAt reports whether token i is a determiner ("the", "a").
func (p *parser) determinerAt(i int) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	for _, w := range determiners {
		if p.is(i, w) {
			return true
		}
	}
	for _, w := range possessives {
		if p.is(i, w) {
			return true
		}
	}
	return p.is(i, "a") || p.is(i, "an")
}

// possessives stand before a noun as determiners do ("its 1920 treaty").
var possessives = [...]string{"his", "her", "its", "their", "our", "my", "your"}

// plainSeason reports whether the season word at token i names a season
// wherever it stands ("winter", "Spring"); "fall" is also a noun of other
// senses and needs a preposition or a year (unit column "ambiguous").
func (p *parser) plainSeason(i int) bool {
	for k := i; k < len(p.toks) && k <= i+4; k++ {
		if e, _ := p.word(k, kSeason); e != nil {
			return e.unit != "ambiguous"
		}
	}
	return false
}

// sentenceStart reports whether token i opens a sentence: it is the
// first token, or comes after a full stop, question or exclamation mark
// (a quotation mark or bracket between them aside).
func (p *parser) sentenceStart(i int) bool {
	k := i - 1
	for k >= 0 && p.toks[k].Kind == textscan.Punct && strings.ContainsRune("\"')", rune(p.text[p.toks[k].Start])) {
		k--
	}
	return k < 0 || p.toks[k].Kind == textscan.Punct && strings.ContainsRune(".!?:;", rune(p.text[p.toks[k].Start]))
}

// adjectives reports whether tokens [j, k) are lower-case words that are
// not counts: the adjectives and ordinals of "the first day", "the
// bloodiest year" (a count there is a duration: "the two years").
func (p *parser) adjectives(j, k int) bool {
	if k-j > 2 {
		return false
	}
	for q := j; q < k; q++ {
		tk := p.toks[q]
		if tk.Kind != textscan.Word || tk.Upper {
			return false
		}
	}
	lead := p.text[p.toks[j].Start:p.toks[k-1].End]
	if q, ok := quantity.Parse(lead); ok && q.Span.Start == 0 {
		return false
	}
	return true
}

// clock reads a time of day: "5:34 AM", "19:00", "11 a.m.", "05:30hrs".
// Its value is the anchor's day, when the anchor holds one, with the time.
func (p *parser) clock(i int, cur Anchor) (Expr, int, bool) {
	h, ok := p.number(i)
	if !ok || h.Digits > 2 || h.Value > 24 {
		return Expr{}, i, false
	}
	n, m := i+1, 0
	colon := false
	if p.punct(n, ':') && p.glued(n) && p.glued(n+1) {
		if mt, ok := p.number(n + 1); ok && mt.Digits == 2 && mt.Value < 60 {
			n, m, colon = n+2, mt.Value, true
		}
	}
	if e, n2 := p.word(n, kClock); e != nil && (e.a >= 0 || colon) {
		if e.a == 12 && h.Value < 12 {
			h.Value += 12
		}
		if h.Value == 0 || h.Value > 12 && e.a > 0 {
			return Expr{}, i, false
		}
		n = n2
	} else if !colon {
		return Expr{}, i, false
	}
	day := "XXXX-XX-XX"
	if cur.Date.Prec == annalist.PrecDay {
		day = dateValue(cur.Date)
	}
	x := Expr{Kind: Date, Relative: true, Value: day + "T" + pad(h.Value, 2) + ":" + pad(m, 2)}
	p.setSpan(&x, i, n)
	return x, n, true
}
