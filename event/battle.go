package event

import (
	"slices"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// An article about one battle or incident ("Battle of X", "Siege of X",
// "X incident") has its infobox as the best record of that fight: its
// dates, place, sides and per-side casualties. battleDraft turns the
// infobox into the article's event, with the infobox lines as evidence;
// the sentences that tell the same fight are merged into it by finish,
// and the phases the body tells after its first clash stay events of
// their own.

// battleName reports whether name names one fight: a name noun then "of",
// "on" or "at" ("Battle of", "Siege of", "Raid on"), or a name head at the
// end ("Changkufeng Incident", "Tauran affair"). Wars, conflicts and
// series of clashes ("border clashes", "skirmishes") are not one fight.
func (x *article) battleName(name string) bool {
	toks := textscan.Scan(name, nil)
	tags := x.lex.annotate(name, toks, nil)
	var words []int
	for i, t := range toks {
		if t.Kind == textscan.Word {
			words = append(words, i)
		}
	}
	for len(words) > 2 && tags[words[0]].has(cOrdinal) {
		words = words[1:] // "First Battle of Breitenfeld", the first of two there
	}
	if len(words) < 2 {
		return false
	}
	first, second, last := words[0], words[1], words[len(words)-1]
	if tags[first].has(cNameOf) {
		switch strings.ToLower(toks[second].Text(name)) {
		case "of", "on", "at", "for":
			return !strings.HasSuffix(strings.ToLower(toks[first].Text(name)), "s") // "Battles of" is a series
		}
	}
	w := strings.ToLower(toks[last].Text(name))
	return tags[last].has(cNameHead) && !strings.HasSuffix(w, "s")
}

// maxBattleDays is the longest a fight told as one battle lasts: a month.
// An article about a longer one (a siege of months) tells its assaults
// as clashes of their own.
const maxBattleDays = 31

// campaignName reports a name with a noun of a campaign in it ("Kiev
// offensive", "Operation Sandstorm", "First Aceh Expedition").
func (x *article) campaignName(name string) bool { return x.nameHas(name, cCampaign) }

// siegeName reports a name with a noun of a siege in it ("Siege of
// Vel").
func (x *article) siegeName(name string) bool { return x.nameHas(name, cSiege) }

// nameHas reports a name with a word of class c in it.
func (x *article) nameHas(name string, c class) bool {
	toks := textscan.Scan(name, nil)
	for _, t := range x.lex.annotate(name, toks, nil) {
		if t.has(c) {
			return true
		}
	}
	return false
}

// battleDraft builds the event of a battle article from its conflict
// record, or returns nil when the article is about something larger or
// its infobox has no date.
func (x *article) battleDraft(c *annalist.Conflict) *draft {
	name, ok := x.ownFightName(c)
	if !ok {
		return nil
	}
	// An operation of one day is one fight ("Operation Entebbe", 4 July
	// 1976); a longer one, "Kiev offensive", seven weeks of clashes, each
	// of its own.
	oneDay := c.Start.Prec == annalist.PrecDay && (c.End.IsZero() || c.End == c.Start)
	campaign := x.campaignName(name)
	if !x.battleName(name) && !(campaign && oneDay) || campaign && !oneDay {
		return nil
	}
	if longer(c) || x.siegeName(name) && spanDays(c) > maxBattleDays {
		// "Siege of Port Arthur", 1 August 1904 – 2 January 1905: five
		// months of assaults, each a clash of its own, as a campaign's
		// (see siegeDraft). A battle dated only by its year ("53 BC"),
		// or by alternatives ("August or September 480 BC"), is one of
		// its days.
		return nil
	}
	if !x.titledAs(name) {
		return nil
	}
	return x.infoboxDraft(c, name)
}

// longer reports a conflict record dated over more than maxBattleDays,
// not by alternatives.
func longer(c *annalist.Conflict) bool {
	return !c.DateUncertain && spanDays(c) > maxBattleDays
}

// spanDays returns the days from the conflict record's first day to its
// last, 0 for one date.
func spanDays(c *annalist.Conflict) int {
	if c.End.IsZero() || c.End == c.Start {
		return 0
	}
	return c.End.Last().DayNumber() - c.Start.First().DayNumber()
}

// titledAs reports whether the article is about the fight its infobox
// names: not "Sino-Vietnamese border clashes of 1984" whose infobox is
// that of the "Battle of Laoshan", an article about more than the battle.
func (x *article) titledAs(name string) bool {
	t := x.a.Title
	return t == "" || strings.EqualFold(t, name) || x.battleName(t)
}

// siegeDraft builds the event of an article about a siege of more than
// maxBattleDays from its conflict record: the siege as a whole, from its
// first day to its last, beside the assaults, sorties and reliefs the
// body tells as clashes of their own. It returns nil for any other
// article.
func (x *article) siegeDraft(c *annalist.Conflict) *draft {
	name, ok := x.ownFightName(c)
	// Uncertain or not ("15 July or 15 August 717 – 15 August 718"), a
	// siege dated over months is not one day.
	if !ok || spanDays(c) <= maxBattleDays || !x.siegeName(name) || !x.titledAs(name) {
		return nil
	}
	return x.infoboxDraft(c, name)
}

// ownFightName returns the name of the fight the conflict record c is of
// (its infobox's, else the article's title), and whether c can give an
// event of it: it has a date and a belligerent on each side.
func (x *article) ownFightName(c *annalist.Conflict) (string, bool) {
	if c == nil || c.Start.IsZero() || len(x.sides[0]) == 0 || len(x.sides[1]) == 0 {
		return "", false
	}
	if c.Name == "" {
		return x.a.Title, true
	}
	return c.Name, true
}

// siegeFirstDay reports whether s, a dated sentence, is dated to the first
// day of the whole siege w: that day, or where the infobox gives it with
// alternatives ("15 July or 15 August 717"), a day of the month after the
// first of them.
func siegeFirstDay(w *draft, s *sent) bool {
	if s.start == w.start {
		return true
	}
	first := s.start.First().DayNumber()
	return w.approx && s.start.Prec >= w.start.Prec && first > w.start.First().DayNumber() && first <= w.start.First().DayNumber()+maxBattleDays
}

// infoboxDraft builds the event of the fight the article is about, called
// name, from its conflict record: its dates, place, sides and losses,
// with the infobox lines as evidence; nil when the infobox has none of
// those lines.
func (x *article) infoboxDraft(c *annalist.Conflict, name string) *draft {
	d := x.newDraft()
	d.section = -1
	d.battle = true
	d.start, d.end, d.ownDate, d.approx = c.Start, c.End, true, c.Approximate || c.DateUncertain
	if d.end.IsZero() {
		d.end = d.start
	}
	d.name = name
	x.names[name] = true
	for i := 0; i < 2; i++ {
		for _, b := range x.sides[i] {
			d.parties = append(d.parties, party{canonical: b, side: i})
		}
	}
	for _, key := range []string{"date", "place", "coordinates", "casualties1", "casualties2"} {
		if f, ok := x.a.Field(key); ok {
			x.addField(d, f)
		}
	}
	if len(d.ev.Evidence) == 0 {
		return nil
	}
	if len(c.Places) > 0 {
		if f, ok := x.a.Field("place"); ok {
			if k := strings.Index(f.Value, c.Places[0]); k >= 0 {
				sp := annalist.Span{Start: f.ValueSpan.Start + k, End: f.ValueSpan.Start + k + len(c.Places[0])}
				d.place = &placeCand{text: c.Places[0], span: sp, weight: 100}
			}
		}
	}
	for i := 0; i < 2 && i < len(c.Sides); i++ {
		for _, f := range c.Sides[i].Casualties {
			kind := figureKind(f)
			if kind < 0 || d.losses[i][kind] != nil {
				continue
			}
			cnt := f.Count
			if cnt.Low == nil && cnt.High == nil {
				continue
			}
			d.losses[i][kind] = &cnt
			if f.AccordingTo != nil && d.ev.AccordingTo == nil {
				d.ev.AccordingTo = f.AccordingTo
			}
		}
		for kind := range d.losses[i] {
			if d.losses[i][kind] == nil {
				d.losses[i][kind] = sumOfParts(c.Sides[i].Casualties, kind)
			}
		}
	}
	if c.Coordinates != nil && d.place != nil {
		ll := *c.Coordinates
		d.coords = &ll
	}
	x.events = append(x.events, d)
	return d
}

// sumOfParts returns the side's loss of a kind as the sum of its
// belligerents' own figures ("192 Athenians killed, 11 Plataeans
// killed" is 203 dead), when each of them gives one of that kind; else
// nil.
func sumOfParts(figs []annalist.Figure, kind int) *annalist.Count {
	var sum annalist.Count
	seen := map[string]bool{}
	var texts []string
	lowOK, highOK := true, true
	low, high := 0, 0
	for _, f := range figs {
		if f.Belligerent == "" || f.AccordingTo != nil {
			continue
		}
		g := f
		g.Belligerent = ""
		if figureKind(g) != kind {
			continue
		}
		if seen[f.Belligerent] {
			return nil // two figures for one of them: estimates, not parts
		}
		seen[f.Belligerent] = true
		if f.Count.Low == nil {
			lowOK = false
		} else {
			low += *f.Count.Low
		}
		if f.Count.High == nil {
			highOK = false
		} else {
			high += *f.Count.High
		}
		texts = append(texts, f.Count.Text)
	}
	if len(seen) < 2 || (!lowOK && !highOK) {
		return nil
	}
	if lowOK {
		sum.Low = &low
	}
	if highOK {
		sum.High = &high
	}
	sum.Text = strings.Join(texts, ", ")
	return &sum
}

// figureKind returns the loss kind of an infobox casualty figure: people
// killed, wounded, captured or missing, each alone; a figure that lumps
// kinds together ("killed and wounded") or counts things is none.
func figureKind(f annalist.Figure) int {
	if f.What != "personnel" || f.Status == nil || f.Belligerent != "" {
		return -1
	}
	st := strings.ToLower(*f.Status)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(st, w) {
				return true
			}
		}
		return false
	}
	dead, wounded, captured, missing := has("killed", "dead", "died", "deaths"), has("wounded", "injured", "hurt"), has("captured", "prisoner", "pow"), has("missing")
	switch {
	case dead && !wounded && !captured:
		return kDeath // "killed", "killed or missing"
	case wounded && !dead && !captured && !missing:
		return kWounded
	case captured && !dead && !wounded:
		return kCaptured
	case missing && !dead && !wounded && !captured:
		return kMissing
	}
	return -1
}

// addField adds an infobox line to d's evidence.
func (x *article) addField(d *draft, f annalist.Field) {
	start, end := f.KeySpan.Start, f.ValueSpan.End
	if start <= 0 && f.KeySpan.End == 0 {
		start = f.ValueSpan.Start
	}
	if start < 0 || end > len(x.a.Raw) || start >= end {
		return
	}
	d.ev.Evidence = append(d.ev.Evidence, annalist.Evidence{Section: "Infobox", Start: start, End: end, Text: string(x.a.Raw[start:end])})
}

// overlaps reports whether d's dates meet the battle b's.
func overlaps(b, d *draft) bool {
	if d.start.IsZero() {
		return true
	}
	ds, de := d.start, d.end
	if de.IsZero() {
		de = ds
	}
	if sn := d.season; !sn[0].IsZero() && ds == annalist.YearDate(sn[0].Year) && de == annalist.YearDate(sn[1].Year) {
		// "Later that summer" of a battle fought in October: the
		// season's months, not its whole year, meet the battle's or not.
		ds, de = sn[0], sn[1]
	}
	return ds.First().DayNumber() <= b.end.Last().DayNumber() && de.Last().DayNumber() >= b.start.First().DayNumber()
}

// foughtElsewhere reports a clash d told within the dates of the battle b
// of several days, at a place of its own that is neither b's nor the one
// b is named after ("the hardest fight of the day was at Tel Faher" in
// the Battle of the Golan Heights): a clash of its own, as a paragraph
// that tells two clashes at two places tells two events.
func (x *article) foughtElsewhere(b, d *draft) bool {
	if d.section >= 0 && d.ownDate && d.start.Prec == annalist.PrecDay && b.start.Prec == annalist.PrecDay && b.lastDay()-b.start.First().DayNumber() >= minCampaignDays &&
		d.lastDay()-d.start.First().DayNumber() < minCampaignDays && d.fightSeen && d.place != nil && (b.place == nil || !samePlace(d.place.text, b.place.text)) &&
		!x.siegeName(b.name) {
		// A battle of weeks is fought as actions of their own days, at
		// places of their own: "On 29 November a relief column attacked
		// Dolno" in a battle of 27 November – 13 December. (A fight of
		// more than a month heads no battle article at all: see
		// battleDraft.) A siege's assaults are the siege's, and a battle
		// dated only to its months has no days to tell actions by.
		return true
	}
	if d.section >= 0 && d.start.Prec < annalist.PrecMonth && !d.start.IsZero() && b.start.Prec == annalist.PrecDay && d.fightSeen &&
		d.place != nil && d.place.weight >= minElsewhereWeight && (b.place == nil || !samePlace(d.place.text, b.place.text)) && (namedPlace(b.name) == "" || !samePlace(d.place.text, namedPlace(b.name))) {
		// "the Zembrian horse routed a levy near Kamen", told by its
		// year in an article on a battle of one day that year: the year
		// holds the battle's day, but a fight at a place of its own is
		// another clash of the year.
		return true
	}
	if d.section >= 0 && d.ownDate && d.start.Prec == annalist.PrecMonth && d.end == d.start && b.start.Prec == annalist.PrecDay && b.end == b.start && d.fightSeen &&
		x.battleDayAt >= 0 && len(d.ev.Evidence) > 0 && d.ev.Evidence[0].Start < x.battleDayAt &&
		(d.place == nil || b.place == nil || !samePlace(d.place.text, b.place.text)) && (d.place == nil || namedPlace(b.name) == "" || !samePlace(d.place.text, namedPlace(b.name))) {
		// "At the beginning of April a vanguard was cut to pieces at a
		// bridge", told before the body reaches the battle of 5 April:
		// a fight on the way to the battle, which the text dates by its
		// month, not the battle's day.
		return true
	}
	// The lead tells the battle as a whole; a place guessed from a weak
	// clue ("on HQ-604", a ship) is no other ground.
	if d.place == nil || d.section < 0 || d.place.weight < minElsewhereWeight {
		return false
	}
	// A battle of one day is one fight, wherever its parts were fought
	// ("a charge near Villafranca" in the battle of Custoza); over days a
	// battle is fought as actions at places of their own.
	// A clash begun days before the battle is not told as a part of it:
	// "from 4 June an Ostran corps besieged the fortress of Dolno" of a
	// battle fought on 12 June is a siege of its own, and its place says so.
	before := d.start.Prec >= annalist.PrecDay && d.start.First().DayNumber() < b.start.First().DayNumber()-1
	if b.end.Last().DayNumber() == b.start.First().DayNumber() && !before {
		return false
	}
	if de := d.end; !d.start.IsZero() && !before && d.start.First().DayNumber() <= b.start.First().DayNumber() && (de.IsZero() && d.start.Last().DayNumber() >= b.end.Last().DayNumber() || !de.IsZero() && de.Last().DayNumber() >= b.end.Last().DayNumber()) {
		// Told over all the battle's days ("At about 4:30 p.m. … until
		// about 4 a.m. on 23 January" of a battle of 22–23 January), it
		// is the battle, wherever its sentences put a part of it.
		return false
	}
	if d.place.away {
		// "16 kilometres north of Kapyong": another ground, though it
		// is named from the battle's place.
		return true
	}
	if b.place != nil && samePlace(d.place.text, b.place.text) {
		return false
	}
	if at := namedPlace(b.name); at != "" && samePlace(d.place.text, at) {
		return false
	}
	return true
}

// minCampaignDays is the length of a battle, two weeks, from which its
// days' actions, told each on its own date at a place of its own, are
// clashes of their own.
const minCampaignDays = 14

// minElsewhereWeight is the least weight of a place (see readPlaces) that
// sets a clash apart from the battle it was fought in: a place the fight
// was at, near or aimed at, not one it was merely on.
const minElsewhereWeight = 30

// namedPlace returns the place a battle's name names after its noun ("the
// Golan Heights" of "Battle of the Golan Heights"), or "".
func namedPlace(name string) string {
	for _, sep := range []string{" of ", " at ", " on "} {
		if k := strings.Index(name, sep); k >= 0 {
			p := strings.TrimSpace(name[k+len(sep):])
			p = strings.TrimPrefix(p, "the ")
			if k := strings.IndexByte(p, '('); k > 0 {
				p = strings.TrimSpace(p[:k])
			}
			return p
		}
	}
	return ""
}

// absorb merges the clash d, told in the prose, into the battle b: its
// sentences become b's evidence, and its parties and figures fill what
// the infobox left open.
func absorb(b, d *draft) {
	for _, e := range d.ev.Evidence {
		if !slices.ContainsFunc(b.ev.Evidence, func(f annalist.Evidence) bool { return f.Start == e.Start }) {
			b.ev.Evidence = append(b.ev.Evidence, e)
		}
	}
	b.ev.DateSpans = append(b.ev.DateSpans, d.ev.DateSpans...)
	for _, p := range d.parties {
		seen := false
		for _, q := range b.parties {
			seen = seen || q.canonical == p.canonical
		}
		if !seen && p.side >= 0 {
			b.parties = append(b.parties, p)
		}
	}
	for s := range b.losses {
		for k := range b.losses[s] {
			if b.losses[s][k] == nil && d.losses[s][k] != nil && d.losses[s][k].Span != nil {
				b.losses[s][k] = d.losses[s][k]
			}
		}
	}
	b.ev.Materiel = append(b.ev.Materiel, d.ev.Materiel...)
	if b.place == nil || (b.place.weight < 100 && d.place != nil && d.place.weight > b.place.weight) {
		b.place = d.place
	}
}
