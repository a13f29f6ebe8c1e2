package timex

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
)

// Find returns the time expressions of text (a sentence or a paragraph),
// left to right, resolved against anchor; each expression found becomes
// the anchor of the ones after it (see Anchor.Next).
func Find(text string, anchor Anchor) []Expr {
	return FindTokens(text, textscan.Scan(text, make([]textscan.Token, 0, len(text)/5+8)), anchor)
}

// FindTokens is Find for a caller that already holds the tokens of text
// (textscan.Scan(text, …)): it saves scanning the text again.
func FindTokens(text string, toks []textscan.Token, anchor Anchor) []Expr {
	return AppendTokens(nil, text, toks, anchor)
}

// AppendTokens is FindTokens appending the expressions to dst, for a
// caller that reuses one slice from text to text.
func AppendTokens(dst []Expr, text string, toks []textscan.Token, anchor Anchor) []Expr {
	p := &parser{text: text, toks: toks, t: words()}
	p.groups = p.t.Borrow(text, toks)
	defer p.t.Return(p.groups)
	return p.scan(dst, anchor)
}

// scan appends the expressions of p's text to out, each read against the
// anchor the ones before it left.
func (p *parser) scan(out []Expr, anchor Anchor) []Expr {
	cur := anchor
	mask := coreKinds
	if p.wide {
		mask |= wideCoreKinds
	}
	core := -1 // the next core token at or after i
	for i := 0; i < len(p.toks); {
		// Every expression holds a core token (a number, a month, "day" of
		// "the next day", …) and starts at most a few leading words before
		// it: jump over the stretches of prose that have none.
		if core < i {
			core = p.nextCore(i, mask)
			if core < 0 {
				break
			}
		}
		if core-i > maxLead {
			i = core - maxLead
		}
		if !p.mayStart(i) {
			i++
			continue
		}
		if p.wide {
			var next int
			var ok bool
			out, cur, next, ok = p.wideAt(out, i, cur)
			if !ok {
				i = max(i+1, next)
				continue
			}
			i = next
			continue
		}
		if e, next, ok := p.holiday(i, cur); ok && !e.Start.IsZero() && (!e.Relative || p.is(i-1, "on")) {
			// "On Christmas Day 1846", "on Christmas Day": a feast
			// alone is as often a name ("the Christmas Offensive").
			out = append(out, e)
			cur = cur.Follow(e)
			i = next
			continue
		}
		e, next, ok := p.expr(i, cur)
		if !ok {
			i = max(i+1, next)
			continue
		}
		e.opens = p.sentenceStart(i)
		e.timeOf = p.timeOf(i)
		out = append(out, e)
		if len(out) == 1 || !CalendarNote(p.text, e.Span) {
			cur = cur.Follow(e)
		}
		if e.yearGiven {
			// A year just told governs the months after it ("at the end
			// of 1928. On 5 December …"), wherever the war is.
			cur.From = annalist.Date{}
		}
		i = next
	}
	return out
}

// maxLead is how many tokens before its core token an expression may
// start ("on the night of 7 August", "later in the day").
const maxLead = 6

const coreKinds = kMonth | kSeason | kUnit | kThen | kPresent | kCore | kEra

// nextCore returns the index of the first core token at or after i, or -1.
func (p *parser) nextCore(i int, mask kind) int {
	for ; i < len(p.toks); i++ {
		if p.toks[i].Kind == textscan.Number || p.groups[i] > 0 && p.t.Kinds[p.groups[i]]&mask != 0 {
			return i
		}
	}
	return -1
}

// HeadingYear returns the year a section heading sets for the prose under
// it: the first year it names ("1936 border incidents", "1937", "Battle of
// Lake Khasan (1938)"). For a range the first year is taken ("Prelude from
// 1904–1932" is 1904, "Neutrality Pact of 1941–1945" is 1941): the
// narrative under it starts there, and its own dates move the anchor on.
func HeadingYear(heading string) (int, bool) { return HeadingYearNear(heading, 0) }

// HeadingYearNear is HeadingYear for a narrative in year near (0 when
// unknown, negative BC): before AD 1000 a heading's number of fewer than
// four digits close to near is a year too ("The campaign of 614" in a war
// of 602–628, not "Hill 304" in one of 1916).
func HeadingYearNear(heading string, near int) (int, bool) {
	if !strings.ContainsAny(heading, "0123456789") {
		return 0, false // most headings name no year: spare them the parser
	}
	p := newParser(heading, true)
	p.near = Anchor{Year: near}.earlyYear()
	for i := 0; i < len(p.toks); i++ {
		if p.toks[i].Kind != textscan.Number && p.toks[i].Kind != textscan.Word {
			continue
		}
		pts, _, _, ok := p.run(i)
		if !ok {
			continue
		}
		for _, pt := range pts {
			if pt.hasY && !pt.decade && (pt.y >= 1000 || pt.era != 0 || p.near != 0 && nearYear(pt.y, p.near)) {
				if p.near < 0 && pt.era == 0 {
					pt.era = -1
				}
				s, _ := pt.bounds()
				return s.Year, true
			}
		}
	}
	return 0, false
}

// mayStart is false for a token expr would turn away at once: not a word
// or number, or a word the table does not know with no unit word in the
// next three tokens (the only such start is "Five days later", see rel).
// It spares the words before each core token a call of expr.
func (p *parser) mayStart(i int) bool {
	switch p.toks[i].Kind {
	case textscan.Number:
		return true
	case textscan.Word:
	default:
		return false
	}
	units := kUnit
	if p.wide {
		units |= kDUnit
	}
	for u := i; u <= i+3 && u < len(p.toks); u++ {
		if g := p.groups[u]; g > 0 && p.t.Kinds[g]&units != 0 {
			return true
		}
	}
	return p.group(i) != 0
}

// expr reads the time expression starting at token i, if any.
func (p *parser) expr(i int, cur Anchor) (Expr, int, bool) {
	tk := p.toks[i]
	if tk.Kind != textscan.Word && tk.Kind != textscan.Number && !(tk.Kind == textscan.Punct && p.text[tk.Start] == '(') {
		return Expr{}, i, false
	}
	if tk.Kind == textscan.Punct {
		return Expr{}, i, false
	}
	if tk.Kind == textscan.Number && p.is(i-1, "day") {
		// "Day 2, 14 September": the number counts the days, and is no
		// day of a month.
		return Expr{}, i + 1, false
	}
	if tk.Kind == textscan.Word && p.group(i) == 0 {
		// A word the table does not know can only start "Five days later".
		if e, n := p.rel(i, cur); e != nil {
			if e.b == vagueRel {
				return p.vagueRelative(i, n, e.unit, cur)
			}
			return p.relative(i, n, e.a, e.unit, cur, "", "")
		}
		return Expr{}, i, false
	}
	qual, bound := "", ""
	j := i
	own := i // in wide mode, where the expression starts: after its prepositions
	lead := false
	prep := false // a preposition or relation word, not just "the" or a qualifier
	prepEnd := -1 // the token after the last preposition of time read
	rels := kRel
	if p.wide {
		rels |= kWRel
	}
	for step := 0; step < 6 && j < len(p.toks); step++ {
		// In wide mode an expression's extent leaves out the
		// prepositions and bounds before it ("by the end of the month").
		start := i
		if p.wide {
			start = own
		}
		if e, n := p.word(j, rels); e != nil {
			if p.takesObject(n) {
				// "held them for most of the day before slipping across":
				// "before" has an object of its own, and no date is told.
				return Expr{}, n, false
			}
			return p.relative(start, n, e.a, e.unit, cur, qual, bound)
		}
		if e, n := p.rel(j, cur); e != nil {
			if e.b == vagueRel {
				return p.vagueRelative(start, n, e.unit, cur)
			}
			return p.relative(start, n, e.a, e.unit, cur, qual, bound)
		}
		if p.toks[j].Kind != textscan.Word {
			break
		}
		if e, n := p.word(j, kQualifier); e != nil {
			if qual == "" {
				qual = e.unit
			}
			if e.unit == "around" {
				own = n
			}
			j, lead = n, true
			if j < len(p.toks) && p.toks[j].Kind == textscan.Dash && p.glued(j) && p.glued(j+1) { // "mid-1935"
				j++
			}
			continue
		}
		if e, n := p.word(j, kBound); e != nil {
			if bound == "" {
				bound = e.unit
			}
			j, lead, prep = n, true, true
			own = j
			continue
		}
		if e, n := p.word(j, kPrep); e != nil {
			if n-j > 1 {
				prepEnd = n // "in the course of", not a bare "of"
			}
			if e.unit == "daytime" && (bound == "before" || bound == "after") {
				// "Before dawn on 1 August": the hour is bounded, and the
				// day is 1 August.
				bound = ""
			}
			j, lead, prep = n, true, true
			own = j
			continue
		}
		if p.is(j, "the") {
			j, lead = j+1, true
			continue
		}
		if e, n := p.word(j, kThen); e != nil && lead {
			return p.fromThen(i, n, cur)
		}
		break
	}
	// On failure, the leading words up to j need not be tried again: a
	// start between i and j would walk the same words to the same run.
	if j >= len(p.toks) {
		return Expr{}, j, false
	}
	if prep && !(p.toks[j].Kind == textscan.Number && p.is(j-1, "of") && j != prepEnd) {
		// Not "a force of 700": "of" dates a number only after a month
		// or a season ("the winter of 627"), which the run reads itself,
		// or closing a preposition of time ("in the course of 718").
		p.near = cur.earlyYear()
	}
	pts, n, unc, ok := p.run(j)
	p.near = 0
	if !ok || n <= j {
		from := i
		if p.wide {
			from = own
		}
		if e, n, ok := p.dayOfAnchorMonth(from, j, prep, cur); ok {
			return e, n, true
		}
		return Expr{}, j, false
	}
	if !p.plausible(pts, j, n, lead && (prep || qual != ""), prep) {
		return Expr{}, j, false
	}
	// "since July", "before March": the past of the narrative, which a
	// month earlier than the anchor's does not roll into the next year.
	// "since December" told in January is the December before: a month
	// after the anchor's that lies nearer behind it in the year before
	// than ahead of it in its own year.
	yearGiven := len(pts) > 0 && pts[0].hasY
	named := false
	for k := range pts {
		named = named || pts[k].hasY
	}
	p.resolve(pts, cur, bound == "since" || bound == "before")
	if bound == "since" && len(pts) == 1 && pts[0].hasM && !pts[0].season && !yearGiven {
		if ay, am := cur.ref(); ay > 0 && am > 0 && pts[0].m > am && pts[0].y == ay && am+12-pts[0].m < pts[0].m-am {
			pts[0].y--
		}
	}
	if len(pts) == 1 && pts[0].hasM && !yearGiven && (p.is(i-1, "previous") || p.is(i-1, "preceding")) {
		// "the mines seized the previous September", told in April: the
		// September before, not the one to come.
		if ay, am := cur.ref(); ay > 0 && am > 0 && pts[0].m >= am && pts[0].y == ay {
			pts[0].y--
		}
	}
	e := Expr{Interval: span(pts), yearGiven: named}
	e.Season = len(pts) == 1 && pts[0].season
	e.Uncertain = unc
	e.Qualifier, e.Bound = qual, bound
	if qual == "" {
		e.Qualifier = bound
	}
	if qual == "around" {
		e.Approx = true
	}
	if !e.Start.IsZero() {
		e.Sub = sub(e.Interval, qual)
	}
	p.setSpan(&e, i, n)
	if p.wide {
		p.splitRun(pts, own, e)
		p.split[0].opens = p.sentenceStart(i)
	}
	return e, n, true
}

// splitRun puts in p.split one expression per atom of a run, for FindAll:
// the first spans from own (its qualifier, "the"), the others from the
// word after the joiner before them.
func (p *parser) splitRun(pts []point, own int, whole Expr) {
	p.split = p.split[:0]
	for k, pt := range pts {
		at := pt.at
		if k == 0 {
			at = min(own, pt.at)
		}
		e := Expr{Kind: Date, Value: pointValue(pt)}
		if pt.hasY {
			e.Start, e.End = pt.bounds()
		}
		e.Approx, e.Uncertain = whole.Approx, whole.Uncertain
		if k == 0 {
			e.Qualifier = whole.Qualifier
			if !e.Start.IsZero() {
				e.Sub = sub(e.Interval, e.Qualifier)
			}
			// TIMEX2 names the halves of a year: 2008-H2.
			if e.Start.Prec == annalist.PrecYear && e.End == e.Start && pt.hasY && !pt.decade && !pt.century {
				switch e.Qualifier {
				case "first-half":
					e.Value += "-H1"
				case "second-half":
					e.Value += "-H2"
				}
			}
		}
		p.setSpan(&e, at, pt.end)
		p.split = append(p.split, e)
	}
}

func (p *parser) setSpan(e *Expr, i, n int) {
	e.Span = annalist.Span{Start: p.toks[i].Start, End: p.toks[n-1].End}
	e.Text = p.text[e.Span.Start:e.Span.End]
}

// plausible checks that a run read in prose is a date and not a count or
// a common noun: a bare year needs a preposition or qualifier before it,
// or no lower-case word after it; a bare month likewise ("May" is also a
// verb, "the March Revolution" a name); a season without a year needs a
// preposition ("in the spring", not "a spring offensive" or "the fall of
// Paris"). lead is true when a preposition or qualifier came before.
func (p *parser) plausible(pts []point, j, n int, lead, prep bool) bool {
	bare := true
	for _, pt := range pts {
		if pt.season && !pt.hasY && (!prep || p.is(n, "of")) && !(p.wide && p.plainSeason(pt.at) && !p.is(n, "of")) {
			return false
		}
		if pt.hasD || pt.season || pt.decade || pt.century || pt.era != 0 || pt.iso || (pt.hasM && pt.hasY) {
			bare = false
		}
	}
	if len(pts) == 1 && pts[0].decade && !lead && j > 0 && p.toks[j-1].Kind == textscan.Word && p.toks[j-1].Upper && !p.sentenceStart(j-1) {
		// "eight fighters, among them Mirage 2000s": aircraft of a model
		// whose name holds a year, not the decade.
		return false
	}
	if bare && len(pts) == 1 && pts[0].hasM && !pts[0].season && p.abbreviatedMonth(pts[0].at) {
		// Prose writes a month alone in full ("in March"); "Mar" with no
		// day or year is a name's ("the lagoon of Mar Chica").
		return false
	}
	if !bare || lead || p.punct(j-1, '(') {
		return true
	}
	// FindAll: a year range ("1975–1976") or a year after a determiner
	// ("a 1998 interview", "the 2007 budget") is a date; a count of men
	// or guns seldom takes one.
	// A bare year opening a sentence is a date too: style guides spell
	// out a count there ("1987 saw", but "Fifteen hundred men").
	if p.wide && !pts[0].hasM && (len(pts) > 1 || p.determinerAt(j-1) || p.sentenceStart(j)) {
		return true
	}
	// A bare month after a capitalized word inside a sentence, or after a
	// possessive, ends a name: "the Long March", "Women's March".
	if p.wide && pts[0].hasM && len(pts) == 1 && j > 0 &&
		(p.toks[j-1].Kind == textscan.Word && p.toks[j-1].Upper && !p.sentenceStart(j-1) || p.is(j-1, "s") && p.punct(j-2, '\'')) {
		return false
	}
	if n >= len(p.toks) {
		return true
	}
	nt := p.toks[n]
	if nt.Kind != textscan.Word {
		return true
	}
	if nt.Upper {
		// "the 1939 Battles" is a year, but "August Storm", "the March
		// Revolution" are names.
		return !pts[len(pts)-1].hasM
	}
	e, _ := p.word(n, kYearWord)
	return e != nil
}

// abbreviatedMonth reports a month written short at token i ("Mar",
// "Sept."), not in full ("March", "May").
func (p *parser) abbreviatedMonth(i int) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	w := p.toks[i].Text(p.text)
	if len(w) > 4 || strings.EqualFold(w, "may") || strings.EqualFold(w, "june") || strings.EqualFold(w, "july") {
		return false
	}
	return true
}

// resolve gives points without a year the anchor's year, rolling into the
// next year when the month is earlier than the anchor's month, unless past
// says the expression looks back ("since July").
func (p *parser) resolve(pts []point, cur Anchor, past bool) {
	gap := findRollGap
	if !cur.spanEnd.IsZero() && cur.spanEnd == cur.Date {
		// Read against the first month of a span told whole ("the
		// summer of 1984"): a month before it is the next year's.
		gap = 1
	}
	if p.wide {
		gap = wideRollGap
	}
	ay, am := cur.ref()
	// FindAll: a range of months without a year ("from October to
	// March") ends nearest the anchor and starts before its end, as a
	// range whose last month has a year is completed from the right.
	if last := len(pts) - 1; p.wide && last > 0 && ay != 0 && !pts[last].hasY && pts[last].hasM && !pts[last].season {
		p.resolve(pts[last:], cur, past)
		for k := last - 1; k >= 0; k-- {
			a, b := &pts[k], pts[k+1]
			if a.hasY || !a.hasM || !b.hasY {
				break
			}
			a.y, a.era, a.hasY = b.y, b.era, true
			if a.m > b.m && !a.season {
				a.y-- // the year before: one more BC
				if b.era < 0 {
					a.y += 2
				}
			}
		}
	}
	for k := range pts {
		pt := &pts[k]
		if pt.hasY || !pt.hasM || ay == 0 {
			continue
		}
		if k > 0 && pts[k-1].hasY && pts[k-1].hasM {
			// "July or August" after 331 BC: the era goes with the year,
			// and the year after a BC one is one less.
			pt.y, pt.era = pts[k-1].y, pts[k-1].era
			if pt.m < pts[k-1].m {
				switch {
				case pt.era >= 0:
					pt.y++
				case pt.y > 1:
					pt.y--
				default:
					pt.era = 0 // 1 BC is followed by AD 1
				}
			}
		} else {
			pt.y = ay
			// Under a heading of one year a month nearer behind the
			// anchor's than ahead of it goes back in that year ("On 5
			// July" after "1 August 1770" under "==1770=="); "in January"
			// after December still rolls on.
			// A season that holds the anchor's month is that season: "in
			// the summer heat" after 9 August.
			inSeason := pt.season && pt.mEnd >= pt.m && am >= pt.m && am <= pt.mEnd
			if am > 0 && am-pt.m >= gap && !past && !inSeason && !(ay == cur.Through && am-pt.m < pt.m+12-am) && !afterWar(ay+1, pt, cur.To) {
				pt.y++
			}
			pt.y = intoWar(pt, cur)
		}
		if pt.y < 0 {
			pt.y, pt.era = -pt.y, -1
		}
		pt.hasY = true
	}
}

// intoWar returns the year of pt (a month, perhaps with its day, given
// the anchor's year) moved to the war's first year (cur.From) when the
// anchor's year lies before that year and pt falls in the war there,
// after its start and not after its end (cur.To); back to the year
// before when pt would fall after the war's end and the anchor lies in
// the war; else pt's year. A narrative that told its background by years
// comes back to the war's own months without naming its year again.
func intoWar(pt *point, cur Anchor) int {
	from := cur.From
	if ay, am := cur.ref(); from.Prec >= annalist.PrecMonth && pt.hasM && pt.y > 0 && pt.y == ay && am > 0 &&
		afterWar(pt.y, pt, cur.To) && !afterWar(ay, &point{m: am}, cur.To) && !beforeDate(pt.y-1, pt, from) {
		// "took Suomussalmi on 7 December", told after the February of
		// a war of November to March: the war's December, not one after
		// its end, while the narrative is still inside the war.
		return pt.y - 1
	}
	if from.Prec < annalist.PrecMonth || pt.y <= 0 || pt.y >= from.Year || !pt.hasM || beforeDate(from.Year, pt, from) || afterWar(from.Year, pt, cur.To) {
		// "News of the loss reached Madras in August", after June 1756, in
		// a war of one day in June 1757: the August after June 1756.
		return pt.y
	}
	return from.Year
}

// afterWar reports whether the month of pt in year y lies after the
// war's end: past its year, or past its month when that is known.
func afterWar(y int, pt *point, to annalist.Date) bool {
	if to.IsZero() {
		return false
	}
	return y > to.Year || y == to.Year && to.Prec >= annalist.PrecMonth && pt.m > to.Month
}

// beforeDate reports whether the month and day of pt in year y lie
// before d, at the coarser of the two precisions (a season by its last
// month).
func beforeDate(y int, pt *point, d annalist.Date) bool {
	if y != d.Year {
		return y < d.Year
	}
	m := pt.m
	if pt.season && pt.mEnd != 0 {
		m = pt.mEnd
	}
	if m != d.Month {
		return m < d.Month
	}
	return pt.hasD && d.Prec >= annalist.PrecDay && pt.d < d.Day
}

// rel reads "N days later", "two weeks later", "Four months later", "a
// week earlier" at token i.
func (p *parser) rel(i int, cur Anchor) (*entry, int) {
	tk := p.toks[i]
	if tk.Kind != textscan.Number && tk.Kind != textscan.Word {
		return nil, i
	}
	// Units are core words, so their groups are known without a look-up;
	// a lazy group (-1) is never a unit.
	isUnit := func(u int) bool { g := p.groups[u]; return g > 0 && p.t.Kinds[g]&kUnit != 0 }
	// "Days later", "Weeks later": an unknown number of units ("day"
	// alone is not plural and needs a number).
	if isUnit(i) {
		if eu, nu := p.word(i, kUnit); eu != nil && (eu.unit != "day" || p.toks[i].End-p.toks[i].Start > 3) {
			if el, nl := p.word(nu, kLater); el != nil {
				return &entry{kind: kRel, a: el.a, unit: eu.unit, b: vagueRel}, nl
			}
			return nil, i
		}
	}
	for u := i + 1; u <= i+3 && u < len(p.toks); u++ {
		if !isUnit(u) {
			continue
		}
		eu, nu := p.word(u, kUnit)
		if eu == nil {
			continue
		}
		el, nl := p.word(nu, kLater)
		if el == nil && !p.is(i-1, "for") {
			// not "for two days after the landing": a length
			el, nl = p.after(nu)
		}
		if el == nil {
			return nil, i
		}
		n := 0
		lead := strings.ToLower(p.text[tk.Start:p.toks[u-1].End])
		switch lead {
		case "a", "an", "one", "a single":
			n = 1
		default:
			q, ok := quantity.Parse(lead)
			if !ok || q.Span.End != len(lead) {
				return nil, i
			}
			if q.Count.Low == nil || q.Count.High == nil || *q.Count.Low != *q.Count.High {
				if q.Vague == "" || q.Vague == "no" {
					return nil, i
				}
				// "a few days later", "several weeks later"
				return &entry{kind: kRel, a: el.a, unit: eu.unit, b: vagueRel}, nl
			}
			n = *q.Count.Low
		}
		if n > 10000 {
			return nil, i
		}
		r := &entry{kind: kRel, a: n * el.a, unit: eu.unit}
		switch eu.unit {
		case "week":
			r.a, r.unit = 7*n*el.a, "week"
		case "fortnight":
			r.a, r.unit = 14*n*el.a, "week"
		}
		return r, nl
	}
	return nil, i
}

// relative builds the Expr of a relative reference: n units on from the
// anchor.
func (p *parser) relative(i, next, n int, unit string, cur Anchor, qual, bound string) (Expr, int, bool) {
	e := Expr{Relative: true, Qualifier: qual, Bound: bound}
	if qual == "" {
		e.Qualifier = bound
	}
	base := cur.Date
	if base.IsZero() && cur.Year != 0 {
		base = annalist.YearDate(cur.Year)
	}
	if !base.IsZero() {
		var d annalist.Date
		switch unit {
		case "day", "week":
			switch {
			case base.Prec == annalist.PrecDay:
				d = base.AddDays(n)
			case n == 0:
				d = base
			default:
				d = base
				e.Approx = true
			}
			if unit == "week" {
				e.Approx = true
			}
		case "month":
			switch {
			case base.Prec >= annalist.PrecMonth:
				m := base.Year*12 + base.Month - 1 + n
				d = annalist.MonthDate(floorDiv(m, 12), m-floorDiv(m, 12)*12+1)
			case n == 0:
				d = base
			default:
				d = base
				e.Approx = true
			}
		case "year":
			d = annalist.YearDate(base.Year + n)
			if n == 1 && cur.Through != 0 && base == annalist.YearDate(cur.Through) {
				// "==1016== The following year Basil laid siege to Pernik":
				// the heading names the year that follows the narrative
				// before it, and nothing in the section has moved on yet.
				d = base
			}
		case "spring", "summer", "autumn", "winter":
			e.Start, e.End = seasonAfter(p.t, unit, base, n)
			e.Season = true
			if !e.Start.IsZero() {
				e.Value = dateValue(annalist.YearDate(e.Start.Year)) + "-" + seasonCodes[e.Start.Month]
			}
			p.setSpan(&e, i, next)
			return e, next, true
		}
		e.Start, e.End = d, d
	}
	p.setSpan(&e, i, next)
	return e, next, true
}

// seasonAfter returns the months of the season named (its months from the
// table) that the narrative at base means: n 0 is the season of base's
// year ("that winter": December of that year into the next), n 1 the
// first such season to begin after base ("the next spring" after May 1790
// is spring 1791).
func seasonAfter(t *table, season string, base annalist.Date, n int) (annalist.Date, annalist.Date) {
	sm, em := 0, 0
	for _, e := range t.Groups[t.Group(season)] {
		if e.kind&kSeason != 0 && len(e.rest) == 0 {
			sm, em = e.a, e.b
		}
	}
	if sm == 0 {
		return annalist.Date{}, annalist.Date{}
	}
	y := base.Year
	if n > 0 && (base.Prec < annalist.PrecMonth || base.Month >= sm) {
		y++
	}
	ye := y
	if em < sm {
		ye++ // winter runs into the next year
	}
	return annalist.MonthDate(y, sm), annalist.MonthDate(ye, em)
}

// after reads "after" at token i that relates a count of units to the
// narrative's moment, not to a date named next ("Three weeks after the
// first clash", "two days after that"; not "two days after 5 May"): the
// entry of "later". "before" is left alone: the event after it is most
// often one told next ("bombarded the forts for two days before a
// landing party stormed …"), not the moment the narrative is at.
func (p *parser) after(i int) (*entry, int) {
	if !p.is(i, "after") {
		return nil, i
	}
	if j := i + 1; j < len(p.toks) && p.toks[j].Kind == textscan.Number {
		return nil, i
	} else if e, _ := p.word(j, kMonth); e != nil {
		return nil, i
	}
	return &entry{kind: kLater, a: 1}, i + 1
}

// vagueRel marks a relative reference by an unknown number of units.
const vagueRel = 1 << 20

// vagueRelative builds the Expr of "a few days later", "Weeks later": the
// anchor cut one precision coarser (days and weeks to its month, months to
// its year), Approx.
func (p *parser) vagueRelative(i, next int, unit string, cur Anchor) (Expr, int, bool) {
	e := Expr{Relative: true}
	e.Approx = true
	base := cur.Date
	if base.IsZero() && cur.Year != 0 {
		base = annalist.YearDate(cur.Year)
	}
	if !base.IsZero() {
		d := annalist.YearDate(base.Year)
		if (unit == "day" || unit == "week") && base.Prec >= annalist.PrecMonth {
			d = annalist.MonthDate(base.Year, base.Month)
		}
		e.Start, e.End = d, d
	}
	p.setSpan(&e, i, next)
	return e, next, true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// fromThen reads "from then until April 1939": from the anchor to a date.
func (p *parser) fromThen(i, j int, cur Anchor) (Expr, int, bool) {
	if !(p.is(j, "until") || p.is(j, "till") || p.is(j, "to")) {
		return Expr{}, i, false
	}
	pts, n, unc, ok := p.run(j + 1)
	if !ok {
		return Expr{}, i, false
	}
	p.resolve(pts, cur, false)
	iv := span(pts)
	e := Expr{Relative: true, Qualifier: "until"}
	e.Uncertain = unc
	start := cur.Date
	if start.IsZero() && cur.Year != 0 {
		start = annalist.YearDate(cur.Year)
	}
	if !start.IsZero() && !iv.End.IsZero() {
		e.Start, e.End = start, iv.End
	}
	p.setSpan(&e, i, n)
	return e, n, true
}

// sub returns the part of a single-date interval a qualifier points at.
func sub(iv Interval, q string) Interval {
	s := iv.Start
	var a, b int // first and last unit of the part
	parts := func(last int) bool {
		switch q {
		case "early":
			a, b = 1, last/3
		case "mid":
			a, b = last/3+1, 2*last/3
		case "late":
			a, b = 2*last/3+1, last
		case "first-half":
			a, b = 1, last/2
		case "second-half":
			a, b = last/2+1, last
		default:
			return false
		}
		return true
	}
	switch {
	case s.Prec == annalist.PrecMonth && iv.End == s && (strings.HasPrefix(q, "week") || q == "last-week"):
		n := annalist.DaysIn(s.Year, s.Month)
		a, b = 1, 7
		if q == "last-week" {
			a, b = n-6, n
		} else if k := int(q[len(q)-1] - '0'); k >= 1 && k <= 4 {
			a, b = 7*k-6, 7*k
		}
		return Interval{Start: annalist.DayDate(s.Year, s.Month, a), End: annalist.DayDate(s.Year, s.Month, b)}
	case s.Prec == annalist.PrecMonth && iv.End == s:
		n := annalist.DaysIn(s.Year, s.Month)
		if !parts(30) {
			return Interval{}
		}
		if b >= 30 {
			b = n
		}
		return Interval{Start: annalist.DayDate(s.Year, s.Month, a), End: annalist.DayDate(s.Year, s.Month, b)}
	case s.Prec == annalist.PrecYear && iv.End.Prec == annalist.PrecYear && iv.End.Year == s.Year+99:
		// century: early the first third, mid the second, late the last
		if !parts(100) {
			return Interval{}
		}
		return Interval{Start: annalist.YearDate(s.Year + a - 1), End: annalist.YearDate(s.Year + b - 1)}
	case s.Prec == annalist.PrecYear && iv.End.Prec == annalist.PrecYear && iv.End.Year == s.Year+9 && s.Year%10 == 0:
		if !parts(9) {
			return Interval{}
		}
		// decade: early 0–3, mid 4–6, late 7–9
		switch q {
		case "early":
			a, b = 0, 3
		case "mid":
			a, b = 4, 6
		case "late":
			a, b = 7, 9
		case "first-half":
			a, b = 0, 4
		case "second-half":
			a, b = 5, 9
		}
		return Interval{Start: annalist.YearDate(s.Year + a), End: annalist.YearDate(s.Year + b)}
	case s.Prec == annalist.PrecYear && iv.End == s:
		if !parts(12) {
			return Interval{}
		}
		return Interval{Start: annalist.MonthDate(s.Year, a), End: annalist.MonthDate(s.Year, b)}
	}
	return Interval{}
}

// dayOfAnchorMonth reads "on the 15th": an ordinal day alone after a
// preposition, in the anchor's month. Before a capitalized word it is a
// unit's name ("by the 23rd Division").
func (p *parser) dayOfAnchorMonth(i, j int, prep bool, cur Anchor) (Expr, int, bool) {
	d, ok := p.dayNumber(j)
	if !ok || !prep || p.skipOrdinal(j+1) != j+2 || p.is(j+2, "of") || p.is(j+2, "century") || p.is(j+2, "and") ||
		j+2 < len(p.toks) && (p.toks[j+2].Upper || p.toks[j+2].Kind == textscan.Dash) {
		return Expr{}, j, false
	}
	// "the companies of the 24th", "the men of the 2nd": a regiment's
	// number after "of"; "on the night of the 24th" is a day.
	if k := j - 1; p.is(k, "the") && p.is(k-1, "of") {
		if g := p.group(k - 2); g == 0 || p.t.Kinds[g]&(kDaytime|kUnit) == 0 {
			return Expr{}, j, false
		}
	}
	n := j + 2
	e := Expr{}
	if a := cur.Date; a.Prec >= annalist.PrecMonth && d <= annalist.DaysIn(a.Year, a.Month) {
		day := annalist.DayDate(a.Year, a.Month, d)
		e.Start, e.End = day, day
	}
	p.setSpan(&e, i, n)
	return e, n, true
}

// takesObject reports that a relative phrase ending at token n in
// "before" or "after" ("the day before") governs a gerund ("for most of
// the day before slipping across the river"): the phrase is a stretch of
// time before an act, not the day before the anchor's.
func (p *parser) takesObject(n int) bool {
	if n < 1 || n >= len(p.toks) || p.toks[n].Kind != textscan.Word {
		return false
	}
	if !p.is(n-1, "before") && !p.is(n-1, "after") {
		return false
	}
	w := p.toks[n].Text(p.text)
	return len(w) > 4 && strings.HasSuffix(w, "ing")
}

// timeOf reports "in", "at" or "during" at token i, where an expression
// starts, or just before it: the time a thing was done.
func (p *parser) timeOf(i int) bool {
	for _, k := range [2]int{i, i - 1} {
		if p.is(k, "in") || p.is(k, "at") || p.is(k, "during") {
			return true
		}
	}
	return false
}
