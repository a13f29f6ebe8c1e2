// Dates: a sentence's time expressions, and the years headings give.

package event

import (
	"math"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/timex"
)

// readDate finds the time expressions of s and sets its date: expressions
// that contain another are dropped for it ("in July (2–25 July)" is 2–25
// July), the rest joined; "by 31 August" only bounds the end.
func (x *article) readDate(s *sent, anchor *timex.Anchor) {
	exprs := x.exprs
	if len(exprs) == 1 && exprs[0].Relative && x.followingDays(s, anchor) {
		return // "Over the next week": a stretch of days, not the day a week on
	}
	keep := x.keep[:0]
	defer func() { x.keep = keep[:0] }()
	var since timex.Expr // the time a fight told going on began
	for k, e := range exprs {
		if e.Start.IsZero() && e.End.IsZero() {
			continue
		}
		if k > 0 && (timex.CalendarNote(s.text, e.Span) || restated(s.text, exprs[k-1], e)) {
			// "On 12 June 1790 (O.S. 1 June)", "(1–4 June O.S.)": the
			// narrative's date is the one given first.
			continue
		}
		if days := daysOn(*anchor, e); e.Relative && !x.fightAfter(e.Span.Start) && x.afterFightClause(s, e.Span.Start, days > 2, days >= 1 && days <= 2 && e.Start.Prec == annalist.PrecDay) {
			// "One of them struck HMS Sheffield …; the hulk foundered
			// under tow six days later": a later day of a clause after
			// the fighting's, with no fighting of its own ("the next day
			// she had to fight the Monitor"), dates neither the fight nor
			// what the narrative tells next ("Earlier the same day"); nor
			// does "both were killed, and the colour was recovered from
			// the river ten days later".
			x.drifted = true
			continue
		}
		if k == 0 && len(exprs) > 1 && x.beforeTheFightClause(s, e, exprs[1]) {
			// "After a surrender demand was rejected on 16 August, the
			// Japanese opened the first general assault on 19 August":
			// the time of what came before, in a clause of its own.
			continue
		}
		if k > 0 && !e.Relative && x.movedOnAfterFight(s, e) {
			// "the Oirats broke through the Great Wall at the Zijing
			// Pass, … and they reached the outskirts of Beijing on 27
			// October": the day of a move after the fight, not the
			// fight's last day.
			continue
		}
		if e.Relative && x.afterNamedThing(e) {
			// "some ten months after Grel's capture of Tesh": months
			// from a thing the sentence names, not from the narrative's
			// day, which the reader cannot date.
			x.drifted = true
			continue
		}
		if x.namesAThing(*anchor, e) {
			// "pushed back to the ceasefire line of 1967" in October
			// 1973: a thing the year names, not a time told.
			x.drifted = true
			continue
		}
		if e.Relative && x.pluperfectBefore(e.Span.Start) {
			// "the gunboat, which had been holed the day before, was
			// overtaken": what had happened before the sentence's
			// time, which the narrative does not go back to.
			continue
		}
		if died := x.diedBefore(e.Span.Start); s.fightWord && died > s.fightAt && !x.fightAfter(e.Span.Start) {
			// "Bagration was struck in the leg while leading a
			// counter-attack …; the wound became gangrenous and he died
			// on 24 September": the day a man died of a wound, after the
			// fight told, dates neither the fight nor the narrative.
			x.drifted = true
			continue
		}
		if x.insteadBefore(e.Span.Start) {
			// "attacked at once rather than wait until the following
			// morning": a time that was not.
			x.drifted = true
			continue
		}
		if x.deadlineBefore(e.Span.Start) {
			// "the governor was to leave the fort by noon on 27 August,
			// or the ships would fire", "the attack was to begin on 3
			// May": a time set, which dates nothing told.
			x.drifted = true
			continue
		}
		if (e.Bound == "until" || e.Bound == "by") && !s.fightWord && x.pastWar(e) {
			// "closing the channel to traffic until the spring of 1957",
			// told of a war that ended in November 1956: how long a
			// consequence lasted, not a time the narrative moves to.
			x.drifted = true
			continue
		}
		if e.Season && !s.fightWord && !e.Relative && strings.ContainsAny(e.Text, "0123456789") && !x.opensSentence(e.Span.Start) && anchor.Date.Prec == annalist.PrecDay && !holdsDay(*anchor, e) {
			// "which added to the army's sufferings during the winter of
			// 1854–55", told after a battle of 25 October: a season the
			// consequences ran into, not a time the narrative moves to
			// ("The next day, 26 October" is the battle's next day).
			x.drifted = true
			continue
		}
		weather := e.Season && holdsDay(*anchor, e)
		if weather {
			// "worn out by a long march in the summer heat" after 9
			// August: the weather of the narrative's day, not a time it
			// moves to (a year or month restated may start a summary, told
			// at that precision).
			x.drifted = true
			if !x.opensSentence(e.Span.Start) {
				continue
			}
		}
		switch {
		case weather:
		case !(s.report && !s.fightWord && e.Relative):
			*anchor = anchor.Follow(e)
		default:
			// "The ministry confirmed the loss the next day": when it
			// was said, not a day the narrative moves on to.
			x.drifted = true
		}
		if b := e.Bound; b == "by" || b == "until" || b == "before" || b == "since" {
			// "until early May": the bound decides what the date is to the
			// clash; the part of the month only narrows it.
			e.Qualifier = e.Bound
		}
		if e.Qualifier == "until" {
			when := whenAfter(s.text, e.Span.End)
			// "pinned in the scrub until the next afternoon, when it
			// broke contact": the fighting went on until then.
			withdrew := when && x.withdrawAfter(e.Span.End)
			if notBefore(s.text, e.Span.Start) || when && !x.persistsBefore(e.Span.Start) && !withdrew {
				// "It was not until 13 August that the battle began",
				// "quiet until 1889, when an army invaded": the day it
				// did, not a bound.
				e.Qualifier = ""
			} else if withdrew {
				s.persists = true
			}
		}
		switch e.Qualifier {
		case "by", "until":
			end := e.End
			if end.IsZero() {
				end = e.Start
			}
			s.byEnd = end
			continue
		case "since":
			if since.Start.IsZero() && !e.Relative && x.goesOnBefore(e.Span.Start) {
				// "had been invested since mid-August": the fight began
				// then (see below).
				since = e
			}
			continue
		case "before":
			continue
		}
		if (strings.HasPrefix(e.Qualifier, "week") || e.Qualifier == "last-week") && !e.Sub.Start.IsZero() {
			// "In the first week of June 1986": the days of that week,
			// which the text names exactly; "early June" stays June.
			e.Start, e.End = e.Sub.Start, e.Sub.End
		}
		if e.Season {
			// "In the summer of 191 BC": ISO dates have no seasons, and
			// the months a season spans are a reading, not the text's;
			// the clash is dated to the year the season falls in.
			// The months stay in Sub, for telling the season apart from
			// other times of that year (see draft.season).
			e.Sub = timex.Interval{Start: e.Start, End: e.End}
			e.Start, e.End = annalist.YearDate(e.Start.Year), annalist.YearDate(e.End.Year)
		}
		keep = append(keep, e)
	}
	keep, dropped := dropRelativeNearDay(s.text, keep)
	if dropped {
		s.relative = true
	}
	keep = x.dropAsides(s.text, keep)
	keep = x.dropBeforeFight(s, keep)
	keep = x.dropAfterFight(s, keep)
	if !since.Start.IsZero() {
		defer x.beganSince(s, since)
	}
	if len(keep) == 0 {
		if !x.followingDays(s, anchor) {
			x.timeOfDay(s, anchor)
		}
		return
	}
	first, last := func(e timex.Expr) int { return e.Start.First().DayNumber() }, func(e timex.Expr) int {
		end := e.End
		if end.IsZero() {
			end = e.Start
		}
		return end.Last().DayNumber()
	}
	s.hasDate = true
	if !keep[0].Relative {
		x.years = append(x.years, int32(keep[0].Start.Year))
	}
	for _, e := range keep {
		s.dateSpans = append(s.dateSpans, s.blk.SourceSpan(annalist.Span{Start: s.span.Start + e.Span.Start, End: s.span.Start + e.Span.End}))
	}
	if len(x.toks) > 0 {
		lim := x.toks[min(2, len(x.toks)-1)].End
		s.initialDate = keep[0].Span.Start <= lim
	}
	s.dateAt = keep[0].Span.Start
	s.later = keep[0].Relative && forwardWord(keep[0].Text)
	x.dayList(s, keep)
	// First and last day of each expression, for the containment test;
	// a sentence holding more than a few dozen dates is a list, not a
	// narrative, and is joined without it.
	x.days = x.days[:0]
	for _, e := range keep {
		x.days = append(x.days, [2]int{first(e), last(e)})
	}
	if len(keep) == 1 && keep[0].Season {
		s.season = [2]annalist.Date{keep[0].Sub.Start, keep[0].Sub.End}
	}
	if len(keep) == 1 && keep[0].Qualifier != "" && keep[0].Start.Prec == annalist.PrecMonth && keep[0].Sub.Start.Prec == annalist.PrecDay {
		s.part = [2]annalist.Date{keep[0].Sub.Start, keep[0].Sub.End}
	}
	n, startDay, endDay, firstStart, firstEnd := 0, 0, 0, 0, 0
	for i, e := range keep {
		contains := false
		for j := 0; j < len(keep) && len(keep) <= 32; j++ {
			f, g := x.days[i], x.days[j]
			if i != j && f[0] <= g[0] && g[1] <= f[1] && (f[0] < g[0] || g[1] < f[1]) {
				contains = true
				break
			}
		}
		if contains {
			continue
		}
		// A date more than a year away from the sentence's first one is a
		// reference to other times ("the first clash since the 1962 war"),
		// not the clash's.
		if n > 0 && (x.days[i][0] > firstEnd+366 || x.days[i][1] < firstStart-366) {
			continue
		}
		if n > 0 && s.initialDate && x.days[i][1] < firstStart {
			// "On 12 January the column attacked the homestead of the
			// chief whose sons had killed two women the previous year":
			// a time wholly before the date the sentence opens with looks
			// back; the clash is told forward from its opening date.
			continue
		}
		if n == 0 {
			firstStart, firstEnd = x.days[i][0], x.days[i][1]
		}
		end := e.End
		if end.IsZero() {
			end = e.Start
		}
		if n == 0 || x.days[i][0] < startDay {
			s.start, startDay = e.Start, x.days[i][0]
		}
		if n == 0 || x.days[i][1] > endDay || (x.days[i][1] == endDay && end.Prec > s.end.Prec) {
			s.end, endDay = end, x.days[i][1]
		}
		if e.Uncertain || e.Approx {
			s.uncertain = true
		}
		if e.Relative {
			s.relative = true
		}
		n++
	}
	if e := keep[0]; len(keep) == 1 && e.Relative && s.fightWord && s.fightAt < e.Span.Start && whichBetween(s.text[s.fightAt:e.Span.Start]) {
		// "clashed with Hyderabad troops near Jalna, which it captured
		// the next day": the clash of the narrative's day, which ran to
		// the day after.
		if a := s.anchorBefore.Date; a.Prec == annalist.PrecDay && s.start.Prec == annalist.PrecDay && s.start.DayNumber()-a.DayNumber() >= 1 && s.start.DayNumber()-a.DayNumber() <= 2 {
			s.start = a
		}
	}
	if n := x.stretchAfter(s, keep[len(keep)-1].Span.End); n > 0 && s.start.Prec == annalist.PrecDay && s.end == s.start {
		// "On 20 November the sloops opened fire on the forts, and over
		// the next two days a landing force stormed all four": the
		// fighting of the day, and of the days after it.
		s.end = s.start.AddDays(n)
	}
}

// stretchAfter returns the days of a stretch told after byte offset from
// of the sentence just read ("over the next two days", "for the following
// three days", "during the next week") with a fight word after it, or 0.
func (x *article) stretchAfter(s *sent, from int) int {
	toks, text := x.toks, s.text
	for i := 2; i+2 < len(toks); i++ {
		if toks[i].Start < from || !lowerIs(toks[i-1].Text(text), "the") || !stretchPrep(toks[i-2].Text(text)) {
			continue
		}
		if w := toks[i].Text(text); !lowerIs(w, "following") && !lowerIs(w, "next") {
			continue
		}
		n, u, ok := x.stretchLength(text, i)
		if !ok {
			return 0
		}
		for k := u + 1; k < len(toks); k++ {
			if x.tags[k].has(cFight) {
				return n
			}
		}
		return 0
	}
	return 0
}

// beganSince dates the fight of s, the sentence just read, from since,
// the time it is told going on since: to the sentence's own date when
// that is later ("had held out since early November, surrendered on 18
// February"), else from that time on.
func (x *article) beganSince(s *sent, since timex.Expr) {
	if s.hasDate && since.Start.First().DayNumber() >= s.start.First().DayNumber() {
		return
	}
	if !s.hasDate {
		s.hasDate = true
		s.end = since.Start
		s.dateAt = since.Span.Start
	}
	s.start, s.goingOnSince = since.Start, true
	s.dateSpans = append(s.dateSpans, s.blk.SourceSpan(annalist.Span{Start: s.span.Start + since.Span.Start, End: s.span.Start + since.Span.End}))
}

// goesOnBefore reports a word of fighting, of a siege or of fighting
// going on, in the perfect, among the three words before byte off of
// the sentence just read: "had been invested since", "had held out
// since", "had been fighting the Bolsheviks since".
func (x *article) goesOnBefore(off int) bool {
	for k, n := x.tokenBefore(off), 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		if x.tags[k].has(cFight | cSiege | cPersist) {
			// In the perfect, going on: "had held out", "had been
			// fighting"; not "four weeks of fighting since 8 August", a
			// stretch, nor "the largest battle since 1813".
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if w := x.toks[j].Text(x.sent.text); lowerIs(w, "had") || lowerIs(w, "has") || lowerIs(w, "have") || lowerIs(w, "been") {
					return true
				}
			}
			return false
		}
		if x.toks[k].Kind != textscan.Word {
			return false
		}
	}
	return false
}

// whichBetween reports a relative clause opened in text: ", which" or
// ", where".
func whichBetween(text string) bool {
	return strings.Contains(text, ", which ") || strings.Contains(text, ", where ")
}

// headingYear returns the year the innermost heading of section i (or of
// its parents) gives.
func (x *article) headingYear(i int) (int, bool) {
	for k := 0; i >= 0 && i < len(x.a.Sections) && k < 16; k++ {
		if y, ok := x.ownHeadingYear(i); ok {
			return y, true
		}
		i = x.a.Sections[i].Parent
	}
	return 0, false
}

// headingDay returns the one day section i's own heading names
// ("===Day 2, 14 September===", "==12 March 1938=="), read with anchor for
// its year: the day the section's narrative starts on.
func (x *article) headingDay(i int, anchor timex.Anchor) (annalist.Date, bool) {
	if i < 0 || i >= len(x.a.Sections) || !namesMonth(x.a.Sections[i].Heading) {
		return annalist.Date{}, false // most headings name no day
	}
	// The last day it names: in "Day 2, 14 September" the "2" counts
	// the days.
	var day annalist.Date
	for _, e := range timex.Find(x.a.Sections[i].Heading, anchor) {
		if !e.Relative && e.Start.Prec == annalist.PrecDay && (e.End.IsZero() || e.End == e.Start) {
			day = e.Start
		}
	}
	return day, !day.IsZero()
}

// namesMonth reports whether h holds a month's name and a digit, as a
// heading naming a day does.
func namesMonth(h string) bool {
	if !strings.ContainsAny(h, "0123456789") {
		return false
	}
	w := -1 // where the word being read starts
	for i := 0; i <= len(h); i++ {
		letter := i < len(h) && 'a' <= h[i]|0x20 && h[i]|0x20 <= 'z'
		switch {
		case letter && w < 0:
			w = i
		case !letter && w >= 0:
			if timex.Month(h[w:i]) != 0 {
				return true
			}
			w = -1
		}
	}
	return false
}

// headingOneYear reports that the heading headingYear takes section i's
// year from names that one year ("==1770==", not "==1773–1774==").
func (x *article) headingOneYear(i int) bool {
	for k := 0; i >= 0 && i < len(x.a.Sections) && k < 16; k++ {
		if _, ok := x.ownHeadingYear(i); ok {
			return oneYear(x.a.Sections[i].Heading, x.window)
		}
		i = x.a.Sections[i].Parent
	}
	return false
}

// ownHeadingYear is timex.HeadingYear of section i's heading, read once
// per section.
func (x *article) ownHeadingYear(i int) (int, bool) {
	if len(x.headYears) != len(x.a.Sections) {
		x.headYears = append(x.headYears[:0], make([]int32, len(x.a.Sections))...)
	}
	if x.headYears[i] == 0 {
		x.headYears[i] = noYear
		if y, ok := timex.HeadingYearNear(x.a.Sections[i].Heading, x.window[0].Year); ok {
			x.headYears[i] = int32(y)
		}
	}
	if y := x.headYears[i]; y != noYear {
		return int(y), true
	}
	return 0, false
}

// noYear marks a heading that names no year.
const noYear = math.MinInt32

// contextDate is the date a clash told without one of its own falls in:
// the heading's year, or the narrative's last date cut to its year.
func contextDate(a timex.Anchor) (annalist.Date, annalist.Date) {
	if a.Year != 0 {
		y := annalist.YearDate(a.Year)
		return y, y
	}
	if !a.Date.IsZero() {
		y := annalist.YearDate(a.Date.Year)
		return y, y
	}
	return annalist.Date{}, annalist.Date{}
}

// followingDays dates a sentence that opens with a stretch of days after
// the narrative's date ("During the following two days", "Over the next
// three weeks"): from the day after the anchor to the stretch's end. Only
// a day-precise anchor gives such a date.
func (x *article) followingDays(s *sent, anchor *timex.Anchor) bool {
	toks, text := x.toks, s.text
	if anchor.Date.Prec != annalist.PrecDay {
		return false
	}
	for i := 0; i+2 < len(toks); i++ {
		if w := toks[i].Text(text); !lowerIs(w, "following") && !lowerIs(w, "next") {
			continue
		}
		if i >= 4 && !(lowerIs(toks[i-1].Text(text), "the") && stretchPrep(toks[i-2].Text(text))) {
			// Past the sentence's opening words only as a stretch of its
			// own ("fell back over the next week"), not "the next week's
			// talks".
			continue
		}
		n, u, ok := x.stretchLength(text, i)
		if !ok {
			return false
		}
		x.stretch(s, anchor, i, u, n)
		return true
	}
	return false
}

// stretchLength reads the length of a stretch of days after "next" or
// "following" at token i+1 of the sentence just read: "week" (seven
// days), or a count and "days" or "weeks". It returns the days and the
// token of the unit; ok is false for anything else.
func (x *article) stretchLength(text string, i int) (days, unit int, ok bool) {
	toks := x.toks
	if i+1 < len(toks) && lowerIs(toks[i+1].Text(text), "week") {
		return 7, i + 1, true // "Over the next week"
	}
	if i+2 >= len(toks) {
		return 0, 0, false
	}
	per := 0
	switch strings.ToLower(toks[i+2].Text(text)) {
	case "days":
		per = 1
	case "weeks":
		per = 7
	default:
		return 0, 0, false
	}
	q, ok := quantity.Parse(text[toks[i+1].Start:toks[i+1].End])
	if !ok || q.Count.Low == nil || q.Count.High == nil || *q.Count.Low != *q.Count.High || *q.Count.Low > 60 {
		return 0, 0, false
	}
	return *q.Count.Low * per, i + 2, true
}

// forwardWord reports a relative time expression that moves the
// narrative on ("The following week", "Two days later", "the next
// morning"), not one that stays in its time ("that night", "the same
// day").
func forwardWord(text string) bool {
	// Word by word without strings.Fields: every dated sentence asks.
	for len(text) > 0 {
		w := text
		if k := strings.IndexByte(text, ' '); k >= 0 {
			w, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		if lowerIs(w, "later") || lowerIs(w, "next") || lowerIs(w, "following") || lowerIs(w, "after") {
			return true
		}
	}
	return false
}

// stretchPrep reports a preposition that opens a stretch of time ("over
// the next week", "during the following days").
func stretchPrep(w string) bool {
	return lowerIs(w, "over") || lowerIs(w, "during") || lowerIs(w, "for") || lowerIs(w, "within") || lowerIs(w, "in")
}

// stretch dates s, the sentence just read, with the n days after the
// anchor its tokens from to to name, and moves the anchor to their end.
func (x *article) stretch(s *sent, anchor *timex.Anchor, from, to, n int) {
	s.hasDate, s.relative, s.initialDate, s.following = true, true, true, true
	s.start, s.end = anchor.Date.AddDays(1), anchor.Date.AddDays(n)
	span := annalist.Span{Start: s.span.Start + x.toks[from].Start, End: s.span.Start + x.toks[to].End}
	s.dateSpans = append(s.dateSpans, s.blk.SourceSpan(span))
	anchor.Date = s.end
}

// timeOfDay dates a sentence that opens with a time of the narrative's
// day ("In the evening", "At dawn", "During the night") on that day.
func (x *article) timeOfDay(s *sent, anchor *timex.Anchor) {
	toks, text := x.toks, s.text
	if anchor.Date.Prec != annalist.PrecDay || len(toks) < 3 {
		return
	}
	if w := toks[0].Text(text); !lowerIs(w, "in") && !lowerIs(w, "at") && !lowerIs(w, "during") {
		return
	}
	i := 1
	if lowerIs(toks[i].Text(text), "the") {
		i++
	}
	if i >= len(toks) {
		return
	}
	switch strings.ToLower(toks[i].Text(text)) {
	case "morning", "afternoon", "evening", "night", "dawn", "dusk", "nightfall", "daybreak", "midday", "noon", "midnight":
	default:
		return
	}
	if i+1 < len(toks) && lowerIs(toks[i+1].Text(text), "of") {
		return // "in the evening of 12 May" names its own day
	}
	s.hasDate, s.relative, s.initialDate = true, true, true
	s.start, s.end = anchor.Date, anchor.Date
	s.dateSpans = append(s.dateSpans, s.blk.SourceSpan(annalist.Span{Start: s.span.Start + toks[0].Start, End: s.span.Start + toks[i].End}))
}

// dayList notes in s the days of a list of them the sentence dates its
// fighting with ("clashes occurred on 15 March and 29 July 1953", "on 3,
// 5 and 9 May"): days apart, each its own clash. Days next to each other
// ("on 14 and 15 June") and bounds ("between 3 and 5 January") are one
// clash's. Find gives a list as one expression from its first day to its
// last; its days are read again one by one.
func (x *article) dayList(s *sent, keep []timex.Expr) {
	s.nDays = 0
	if k := x.tokenBefore(keep[0].Span.Start); k >= 0 {
		if w := x.toks[k].Text(s.text); lowerIs(w, "between") || lowerIs(w, "from") {
			return
		}
	}
	n := 0
	add := func(d annalist.Date) bool {
		if n == len(s.days) || (n > 0 && d.DayNumber()-s.days[n-1].DayNumber() < 2) {
			return false
		}
		s.days[n] = d
		n++
		return true
	}
	for i, e := range keep {
		if e.Start.Prec != annalist.PrecDay || e.Relative {
			return
		}
		if i > 0 && !listJoiner(s.text[keep[i-1].Span.End:e.Span.Start]) {
			return
		}
		if e.End.IsZero() || e.End == e.Start {
			if !add(e.Start) {
				return
			}
			continue
		}
		if !strings.Contains(e.Text, ",") && !strings.Contains(e.Text, " and ") && !strings.Contains(e.Text, "&") {
			return // "3–5 May": one clash's days
		}
		if w, _, _ := strings.Cut(e.Text, " "); lowerIs(w, "between") || lowerIs(w, "from") {
			return // "Between 3 and 5 July": the bounds of one clash
		}
		prev := -1
		for _, a := range timex.FindAll(e.Text, timex.Anchor{Date: e.Start}) {
			if a.Start.Prec != annalist.PrecDay || (!a.End.IsZero() && a.End != a.Start) || !add(a.Start) {
				return
			}
			if prev >= 0 && !listJoiner(e.Text[prev:a.Span.Start]) {
				return // "July 1 to July 3, 1863": a range
			}
			prev = a.Span.End
		}
	}
	if n >= 2 {
		s.nDays = n
	}
}

// dropRelativeNearDay drops from keep an expression reckoned from the
// anchor ("Two weeks later") that stands right beside a day the sentence
// names, only a comma between ("Two weeks later, on 15 March"): the day
// is the date, the reckoning only near it. A reckoning in years or months
// ("Eight years later, on 4 January 1989") is dropped for a date inside
// it. It reports whether it dropped any.
func dropRelativeNearDay(text string, keep []timex.Expr) ([]timex.Expr, bool) {
	if len(keep) < 2 {
		return keep, false
	}
	beside := func(a, b timex.Expr) bool {
		if a.Span.Start > b.Span.Start {
			a, b = b, a
		}
		return a.Span.End <= b.Span.Start && strings.Trim(text[a.Span.End:b.Span.Start], " ,") == ""
	}
	var drop uint64 // by index; a sentence holds far fewer than 64 dates
	for i, e := range keep {
		if !e.Relative || i >= 64 {
			continue
		}
		for _, d := range keep {
			if d.Relative || !beside(e, d) {
				continue
			}
			switch {
			case e.Start.Prec == annalist.PrecDay:
				if d.Start.Prec == annalist.PrecDay && (d.End.IsZero() || d.End == d.Start) {
					if n := e.Start.DayNumber() - d.Start.DayNumber(); n >= -7 && n <= 7 {
						drop |= 1 << i
					}
				}
			case e.Start.Prec > annalist.PrecNone && d.Start.Prec > e.Start.Prec:
				// "Eight years later, on 4 January 1989", "A year later, in
				// March 1982": a reckoning in years or months, with the date
				// it reckons set beside it. The date is what the text says;
				// the reckoning may count from a moment the reader does not
				// know (a heading's year).
				drop |= 1 << i
			}
		}
	}
	if drop == 0 {
		return keep, false
	}
	out := keep[:0]
	for i, e := range keep {
		if i >= 64 || drop&(1<<i) == 0 {
			out = append(out, e)
		}
	}
	return out, true
}

// listJoiner reports what joins the items of a list: ",", "and", ", and",
// "&", or nothing.
func listJoiner(gap string) bool {
	gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(gap), ","))
	return gap == "" || gap == "and" || gap == "&"
}

// tokenBefore returns the index of the last token of the sentence read
// that ends at or before byte off, or -1.
func (x *article) tokenBefore(off int) int {
	k := -1
	for i, t := range x.toks {
		if t.End > off {
			break
		}
		k = i
	}
	return k
}

// notBefore reports "not" as the word right before byte off of text.
func notBefore(text string, off int) bool {
	w := strings.TrimRight(text[:off], " ")
	return len(w) >= 3 && strings.EqualFold(w[len(w)-3:], "not") && (len(w) == 3 || w[len(w)-4] == ' ')
}

// whenAfter reports whether a clause opening with "when" follows offset
// off of text ("until 1889, when …").
func whenAfter(text string, off int) bool {
	w := strings.TrimLeft(text[off:], " ,")
	return len(w) > 5 && strings.EqualFold(w[:5], "when ")
}

// withdrawAfter reports a side leaving the field in the clause after byte
// off: "pinned in the scrub until the next afternoon, when it broke
// contact and fell back" bounds the fighting, which ended then.
func (x *article) withdrawAfter(off int) bool {
	for k := range x.toks {
		if x.toks[k].Start < off {
			continue
		}
		if x.toks[k].Kind == textscan.Punct && strings.ContainsAny(x.sent.text[x.toks[k].Start:x.toks[k].End], ";.") {
			return false
		}
		if x.tags[k].has(cWithdraw) {
			return true
		}
	}
	return false
}

// persistsBefore reports a verb of going on right before the expression
// at byte off: "the encirclement lasted until 8 January, when the
// remnants broke out" bounds the fighting, though a when-clause follows.
func (x *article) persistsBefore(off int) bool {
	for k := len(x.toks) - 1; k >= 0; k-- {
		if x.toks[k].End <= off {
			return x.tags[k].has(cPersist) || k >= 1 && x.tags[k-1].has(cPersist) && x.tags[k-1].n == 2
		}
	}
	return false
}

// dropBeforeFight drops the dates of a clause that comes before the
// sentence's fighting and tells something else, when the fighting's own
// clause is dated: "The army crossed the frontier on 18 October and met
// the Ottoman army near Kirk Kilisse on 22 October" fought on the 22nd.
// A clause starts at "and", "then" or a semicolon; the one before must
// tell no fighting of its own.
func (x *article) dropBeforeFight(s *sent, keep []timex.Expr) []timex.Expr {
	if len(keep) < 2 || !s.fightWord || keep[0].Span.End > s.fightAt {
		return keep
	}
	toks, text := x.toks, s.text
	boundary := -1 // the last clause start between the first date and the fight
	for k := range toks {
		if toks[k].Start >= s.fightAt {
			break
		}
		if x.tags[k].has(cFight | cTaking | cActiveCaptured | cActiveDeath | cYield | cSiege | lossClasses) {
			// "They took Lida on April 17 and recaptured Vilnius on April
			// 19": the clause before tells fighting too.
			return keep
		}
		if w := toks[k].Text(text); toks[k].Start >= keep[0].Span.End && (w == ";" || lowerIs(w, "and") || lowerIs(w, "then")) &&
			(k+1 < len(toks) && toks[k+1].Start == s.fightAt || k+2 < len(toks) && toks[k+2].Start == s.fightAt && lowerIs(toks[k+1].Text(text), "then") ||
				k+1 < len(toks) && x.inExpr(toks[k+1].Start) || k+2 < len(toks) && x.inExpr(toks[k+2].Start)) {
			// The clause opens with the fighting's verb ("and met", "and
			// then attacked") or its own date ("and on 22 October it
			// attacked"); not "with air and naval engagements", a noun
			// inside the clause.
			boundary = toks[k].Start
		}
	}
	if boundary < 0 {
		return keep
	}
	n := 0
	for n < len(keep) && keep[n].Span.End <= boundary {
		n++
	}
	if n == len(keep) {
		return keep // the fighting's clause has no date of its own
	}
	return keep[n:]
}

// dropAfterFight drops the dates of a clause after the sentence's
// fighting that tells the war's end or a side's withdrawal, not more
// fighting: "The Italian fleet was defeated at Lissa on 20 July, and the
// war ended with the Treaty of Vienna in October" fought on 20 July.
func (x *article) dropAfterFight(s *sent, keep []timex.Expr) []timex.Expr {
	if len(keep) < 2 || !s.fightWord {
		return keep
	}
	toks, text := x.toks, s.text
	boundary, ends := -1, false
	for k := range toks {
		if toks[k].Start <= s.fightAt {
			continue
		}
		w := toks[k].Text(text)
		if boundary < 0 {
			if w == ";" || w == "," && k+1 < len(toks) && textscan.ClauseJoin(toks[k+1].Text(text)) {
				boundary = toks[k].Start
			}
			continue
		}
		if x.tags[k].has(cFight | lossClasses | cActiveDeath | cLost) {
			return keep // "…, and on 2 March they attacked again": fighting of its own
		}
		// A cease-fire, the war's end or a withdrawal ("and in early July
		// Rumyantsev withdrew"): the side left the field, the fight did
		// not go on to that date.
		ends = ends || x.tags[k].has(cCeasefire|cNotFight|cWithdraw)
	}
	if boundary < 0 || !ends {
		return keep
	}
	n := 0
	for n < len(keep) && keep[n].Span.End <= boundary {
		n++
	}
	if n == 0 {
		return keep
	}
	return keep[:n]
}

// dropAsides drops from keep the dates inside an aside in the past
// perfect, a clause set off by commas that opens with "which", "who" or
// "whose" and tells what "had" happened before ("The garrison, which had
// been reinforced in April, was attacked on 4 May"), when a date outside
// it is left.
func (x *article) dropAsides(text string, keep []timex.Expr) []timex.Expr {
	if len(keep) < 2 {
		return keep
	}
	// The first such aside, found in one pass: a sentence seldom holds
	// two, and one is enough to set a date apart.
	toks := x.toks
	start, end := -1, -1
	for k := 0; k+1 < len(toks) && start < 0; k++ {
		if toks[k].Kind != textscan.Punct || text[toks[k].Start] != ',' {
			continue
		}
		if w := toks[k+1].Text(text); !lowerIs(w, "which") && !lowerIs(w, "who") && !lowerIs(w, "whose") {
			continue
		}
		perfect := false
		for j := k + 2; j < len(toks); j++ {
			if t := toks[j].Text(text); t == "," || t == ";" {
				// A clause in the simple past ("the fort, which fell on 9
				// May, …") goes on with the sentence's time.
				if perfect {
					start, end = toks[k].Start, toks[j].Start
				}
				break
			} else if lowerIs(t, "had") {
				perfect = true
			}
		}
	}
	if start < 0 {
		return keep // none, or one that runs to the end: no aside
	}
	inAside := func(e timex.Expr) bool { return e.Span.Start > start && e.Span.Start < end }
	outside := 0
	for _, e := range keep {
		if !inAside(e) {
			outside++
		}
	}
	if outside == 0 || outside == len(keep) {
		return keep
	}
	out := keep[:0]
	for _, e := range keep {
		if !inAside(e) {
			out = append(out, e)
		}
	}
	return out
}

// beforeTheFightClause reports an expression e in an opening clause of
// time ("After …,", "Following …,") that tells no fighting, with the
// sentence's next expression, next in its main clause, where the fighting
// is told.
func (x *article) beforeTheFightClause(s *sent, e, next timex.Expr) bool {
	if len(x.toks) == 0 || !(lowerIs(x.toks[0].Text(s.text), "after") || lowerIs(x.toks[0].Text(s.text), "following")) || e.Span.Start == 0 {
		return false
	}
	comma := strings.IndexByte(s.text[e.Span.End:], ',')
	if comma < 0 {
		return false
	}
	comma += e.Span.End
	if next.Span.Start < comma || !s.fightWord || s.fightAt < comma {
		return false
	}
	for k, t := range x.toks {
		if t.Start >= comma {
			break
		}
		if x.tags[k].has(cFight | lossClasses) {
			return false
		}
	}
	return true
}

// movedOnAfterFight reports an expression e of s, the sentence just read,
// in a clause of its own after the sentence's fighting that tells a move
// ("and they reached the outskirts of Beijing on 27 October") and no
// fighting, loss or taking.
func (x *article) movedOnAfterFight(s *sent, e timex.Expr) bool {
	if !s.fightWord || s.fightAt >= e.Span.Start || e.Bound != "" || x.fightAfter(e.Span.Start) {
		// "which by 31 March had overcome the garrison": a bound, and
		// fighting told after it.
		return false
	}
	between := s.text[s.fightAt:e.Span.Start]
	i := strings.LastIndex(between, " and ")
	if i < 0 {
		return false
	}
	from := s.fightAt + i
	move := false
	for k, t := range x.toks {
		if t.Start < from || t.Start >= e.Span.Start {
			continue
		}
		if x.tags[k].has(cFight | lossClasses | cActiveDeath | cActiveWounded | cActiveCaptured | cTaking | cYield) {
			return false
		}
		move = move || x.tags[k].has(cMove)
	}
	return move
}

// afterFightClause reports whether byte off of s, the sentence just read,
// lies in a clause after the one its fighting or loss is told in: past a
// ";" (unless a surrender is told there and soon is set: the date is a day
// or two on), or, when far is set (a date days on: "the colour was recovered
// from the river ten days later"), past ", and" or ", but". The next
// morning after ", and" is still the fight's ("Budge Budge was occupied
// the next morning").
func (x *article) afterFightClause(s *sent, off int, far, soon bool) bool {
	at := -1
	if s.fightWord {
		at = s.fightAt
	} else if s.fight {
		for k := range x.tags {
			if x.toks[k].Start >= off {
				break
			}
			if x.tags[k].has(lossClasses | cActiveDeath | cActiveWounded | cActiveCaptured) {
				at = x.toks[k].Start
				break
			}
		}
	}
	if at < 0 || at >= off {
		return false
	}
	between := s.text[at:off]
	if semi := strings.LastIndexByte(between, ';'); semi >= 0 {
		// "…; with the surrender signed the following day, the rest of
		// the army went into captivity": the surrender that ended it.
		end := len(s.text)
		if next := strings.IndexByte(s.text[off:], ';'); next >= 0 {
			end = off + next
		}
		return !soon || !x.yieldsIn(at+semi, end)
	}
	return far && (strings.Contains(between, ", and ") || strings.Contains(between, ", but "))
}

// yieldsIn reports a word of surrender among the tokens of the sentence
// just read from byte from to byte to.
func (x *article) yieldsIn(from, to int) bool {
	for k := range x.tags {
		if t := x.toks[k]; t.Start >= from && t.End <= to && x.tags[k].has(cYield) {
			return true
		}
	}
	return false
}

// daysOn returns how many days e starts after the end of the anchor's
// time ("for most of the following year" after 9 February 1904: 327), or
// 0 when either has no date.
func daysOn(a timex.Anchor, e timex.Expr) int {
	if a.Date.IsZero() || e.Start.IsZero() {
		return 0
	}
	return e.Start.First().DayNumber() - a.Date.Last().DayNumber()
}

// holdsDay reports a date coarser than the anchor's day that holds it:
// a year, a month or a season the narrative is already in, not a span of
// years.
func holdsDay(a timex.Anchor, e timex.Expr) bool {
	if a.Date.IsZero() || a.Date.Prec < annalist.PrecDay || e.Kind != timex.Date || e.Relative || e.Start.IsZero() || e.Start.Prec >= annalist.PrecDay {
		return false
	}
	end := e.End
	if end.IsZero() {
		end = e.Start
	}
	// Not a span of years ("Throughout 1915–17"): a summary, after which
	// the narrative may go on anywhere in it.
	return e.Start.Year == end.Year && e.Start.First().DayNumber() <= a.Date.First().DayNumber() && a.Date.Last().DayNumber() <= end.Last().DayNumber()
}

// opensSentence reports a time expression at byte off of the sentence
// just read that opens it, after a preposition at most ("In the summer,
// …").
func (x *article) opensSentence(off int) bool {
	return len(x.toks) > 0 && (x.toks[0].Start >= off || len(x.toks) > 1 && x.toks[1].Start >= off)
}

// namesAThing reports a year alone after "of" and a noun not of time,
// more than a year from the anchor's day or month: "the ceasefire line of
// 1967", "the treaty of 1920", a name, not a time the narrative goes to
// ("the first ten months of 1915" is one).
func (x *article) namesAThing(a timex.Anchor, e timex.Expr) bool {
	if e.Relative || e.Start.Prec != annalist.PrecYear || a.Date.Prec < annalist.PrecMonth {
		return false
	}
	if d := e.Start.Year - a.Date.Year; d >= -1 && d <= 1 {
		return false
	}
	// "of" starts the expression's span, or stands just before it.
	k := len(x.toks) - 1
	for k >= 0 && x.toks[k].Start > e.Span.Start {
		k--
	}
	if k >= 0 && x.toks[k].Start == e.Span.Start && !lowerIs(x.toks[k].Text(x.sent.text), "of") {
		k--
	}
	return k > 0 && lowerIs(x.toks[k].Text(x.sent.text), "of") && x.toks[k-1].Kind == textscan.Word && !timex.TimeNoun(x.toks[k-1].Text(x.sent.text))
}

// pluperfectBefore reports "had" in the clause before byte off of the
// sentence just read, back to a comma: "which had been holed the day
// before", "who had fallen two days earlier".
func (x *article) pluperfectBefore(off int) bool {
	text := x.sent.text
	for k := x.tokenBefore(off); k >= 0; k-- {
		w := x.toks[k].Text(text)
		switch {
		case x.toks[k].Kind == textscan.Punct:
			return false
		case lowerIs(w, "had"):
			// Not in reported speech, where "had" is the tense moved
			// back: "The army said it had killed nine militants in a raid
			// two days later".
			for j := k - 1; j >= 0; j-- {
				if x.tags[j].has(cReport) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// deadlineBefore reports a verb of obligation or plan in the clause
// before byte off of the sentence just read, or "due" or "expected" just
// before it: "was to leave the palace by …", "were to attack on …", "must
// withdraw by …", "the guns due on March 7", "decided to land on the
// following morning"; what follows is a time set or
// awaited, not one reached.
func (x *article) deadlineBefore(off int) bool {
	text := x.sent.text
	last := x.tokenBefore(off)
	comma := false
	for k := last; k >= 0; k-- {
		w := x.toks[k].Text(text)
		switch {
		case w == ";" || w == "," && k+1 < len(x.toks) && textscan.ClauseJoin(x.toks[k+1].Text(text)):
			return false
		case w == ",":
			comma = true
		case lowerIs(w, "to") && k > 0 && (lowerIs(x.toks[k-1].Text(text), "was") || lowerIs(x.toks[k-1].Text(text), "were")):
			return true
		case !comma && (lowerIs(w, "hope") || lowerIs(w, "hoping") || lowerIs(w, "aim") || lowerIs(w, "aiming")):
			// "launched on 30 October in the hope of taking the fortress
			// by the Emperor's birthday on 3 November": a time aimed at.
			return true
		case lowerIs(w, "to") && k > 0 && !comma && intentWord(x.toks[k-1].Text(text)):
			// "decided to make a new attempt at the landing on the
			// following morning": the time of a course chosen, in the
			// clause of its infinitive.
			return true
		case lowerIs(w, "must"):
			return true
		case (lowerIs(w, "due") || lowerIs(w, "expected")) && k >= last-1:
			return true // "the siege guns due on March 7": a time awaited
		}
	}
	return false
}

// restated reports a date given again in brackets right after the one
// before it, to the same precision ("on 15 June 1389 (28 June)"): the
// same day in another reckoning, not the end of a stretch.
func restated(text string, prev, e timex.Expr) bool {
	if prev.Span.End > e.Span.Start || prev.Start.Prec != e.Start.Prec {
		return false
	}
	after := strings.TrimLeft(text[e.Span.End:], " ")
	switch strings.TrimSpace(text[prev.Span.End:e.Span.Start]) {
	case "(":
		return strings.HasPrefix(after, ")")
	case "[":
		return strings.HasPrefix(after, "]")
	}
	return false
}

// afterNamedThing reports a relative expression of months or years that
// counts from a thing named right after it ("ten months after Grel's
// capture of Tesh", "two years before Grel's death"), not from the
// clash the narrative tells ("two days after the battle").
func (x *article) afterNamedThing(e timex.Expr) bool {
	// Asked of every relative expression: its last word first, and the
	// text lower-cased only for the few that end so.
	t := e.Text
	if !(len(t) > 6 && strings.EqualFold(t[len(t)-6:], " after") || len(t) > 7 && strings.EqualFold(t[len(t)-7:], " before")) {
		return false
	}
	if w := strings.ToLower(t); !strings.Contains(w, "month") && !strings.Contains(w, "year") {
		return false
	}
	for _, t := range x.toks {
		if t.Start >= e.Span.End {
			return t.Kind == textscan.Word && t.Upper && !x.inExpr(t.Start)
		}
	}
	return false
}

// pastWar reports an expression that begins after the end of the
// conflict the infobox dates; false when the infobox gives no end.
func (x *article) pastWar(e timex.Expr) bool {
	end := x.window[1]
	if end.IsZero() || x.inferred || e.Start.IsZero() {
		return false
	}
	return e.Start.First().DayNumber() > end.Last().DayNumber()
}

// diedBefore returns where a verb of dying stands among the few words of
// its clause before byte off of the sentence just read ("he died on 24
// September", "died of his wounds in Cádiz on 9 March"), or -1: after
// the fight told, a man's death (not "died in battle in 228 BC", the
// fight's own time).
func (x *article) diedBefore(off int) int {
	text := x.sent.text
	for k, n := x.tokenBefore(off), 0; k >= 0 && n < 6; k, n = k-1, n+1 {
		w := x.toks[k].Text(text)
		if lowerIs(w, "died") || lowerIs(w, "succumbed") {
			return x.toks[k].Start
		}
		if w == ";" || w == "," || w == "." {
			return -1
		}
	}
	return -1
}

// insteadBefore reports "rather than" or "instead of" among the eight
// words before byte off of the sentence just read: what follows is what
// was not done ("rather than wait until the following morning").
func (x *article) insteadBefore(off int) bool {
	text := x.sent.text
	k := len(x.toks) - 1
	for k >= 0 && x.toks[k].Start >= off {
		k--
	}
	for n := 0; k >= 1 && n < 8; k, n = k-1, n+1 {
		w, before := x.toks[k].Text(text), x.toks[k-1].Text(text)
		if lowerIs(w, "than") && lowerIs(before, "rather") || lowerIs(w, "of") && lowerIs(before, "instead") {
			return true
		}
		if w == ";" || w == "." || before == "," && textscan.ClauseJoin(w) {
			// "chose to march on the camp at once rather than wait for
			// his guns, and early on 20 September his columns attacked":
			// a clause of its own, done.
			return false
		}
	}
	return false
}
