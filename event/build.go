// Building: the drafts read become Events, less those that are not
// clashes of this conflict (background wars, the lead's summary).

package event

import (
	"math"
	"slices"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// finish turns the drafts into Events.
func (x *article) finish() ([]annalist.Event, []annalist.Claim) {
	if x.window[0].IsZero() {
		x.inferWindow()
	}
	out := make([]annalist.Event, 0, len(x.events))
	named := map[int]bool{} // sections whose heading gave its name
	kept := x.events
	if b := x.battle; b != nil {
		// The clashes told within the battle's dates are the battle or,
		// told after the body's first, its phases (see phaseOf).
		kept = kept[:0:0]
		// A siege's assaults, however far apart, are the siege's.
		long := b.start.Prec == annalist.PrecDay && b.lastDay()-b.start.First().DayNumber() >= minCampaignDays && !x.siegeName(b.name)
		opened := false     // the body has told the battle's first clash
		last := math.MinInt // the last day of the clashes told so far
		for _, d := range x.events {
			quiet := long && d.section >= 0 && d.ownDate && d.start.Prec == annalist.PrecDay && last != math.MinInt && d.start.First().DayNumber()-last > maxTellOut
			if d != b && !d.start.IsZero() && d.start.Prec == annalist.PrecDay {
				last = max(last, d.lastDay())
			}
			if x.phaseOf(b, d) && !x.foughtElsewhere(b, d) {
				// The body tells the battle from its first clash; each
				// clash it tells after that on the battle's days, opened
				// as one of its own (another attacker, place or action),
				// is a phase of the battle and an event of its own, as
				// the July attack and the August counteroffensive are of
				// Khalkhin Gol.
				if !opened {
					opened = true
					absorb(b, d)
				} else {
					if d.place == nil {
						// Told with no place of its own, a phase is
						// fought where the battle was.
						d.place, d.coords = b.place, b.coords
					}
					kept = append(kept, d)
				}
				continue
			}
			if d != b && !x.outside(d) && overlaps(b, d) && !x.foughtElsewhere(b, d) && !quiet && !x.ranIntoBattle(b, d) {
				absorb(b, d)
				continue
			}
			// Over a fight of weeks, a clash told on a day more than a
			// week after every one before it, the days between quiet
			// ("Firing began again on Velm Island on 15 March"), is
			// a clash of its own, wherever it was.
			kept = append(kept, d)
		}
	}
	if w := x.wholeSiege; w != nil {
		// A siege the body opens on the whole siege's first day
		// ("Alexander began the siege in January 332 BC") is the whole
		// siege, told from its beginning: its sentences are the whole's.
		// A clash of its own opened there ("The first German probes
		// reached the perimeter on 10 April") keeps its sentence.
		for i, d := range kept {
			if d == w || d.start.IsZero() || x.outside(d) || !x.siegeBegun || len(d.ev.Evidence) == 0 || d.ev.Evidence[0].Start != x.siegeBegunAt {
				continue
			}
			if d.siege {
				absorb(w, d)
				kept = append(kept[:i:i], kept[i+1:]...)
			} else {
				w.ev.Evidence = slices.DeleteFunc(w.ev.Evidence, func(e annalist.Evidence) bool { return e.Start == x.siegeBegunAt })
			}
			break
		}
	}
	for _, d := range kept {
		if x.outside(d) || x.foreign(d) || x.summary(d) || overview(d, kept) {
			continue
		}
		if d.place == nil && d.parent != nil && d.parent.place != nil {
			d.place = d.parent.place
		}
		// The first clash under a heading that names one takes the
		// heading's name when its text gives none.
		if !named[d.section] {
			named[d.section] = true
			if h := x.headingName(d.section); h != "" && d.name == "" && !x.names[h] {
				d.name = h
				x.names[h] = true
			}
		}
		out = append(out, x.build(d))
	}
	if x.claims == nil {
		x.claims = []annalist.Claim{}
	}
	return out, x.claims
}

// phaseOf reports a clash the body tells on one of the battle b's days,
// from its first day on: the battle itself, or, after the first, a phase
// of it. A siege's assaults are the siege's.
func (x *article) phaseOf(b, d *draft) bool {
	return d != b && d.section >= 0 && !x.outside(d) && !x.siegeName(b.name) &&
		b.start.Prec >= annalist.PrecDay && d.start.Prec >= annalist.PrecDay &&
		d.start.First().DayNumber() >= b.start.First().DayNumber() && overlaps(b, d)
}

// ranIntoBattle reports a clash begun days before the battle b and
// told as lasting into it: "In early May the Swedish army laid siege to
// Poltava … The siege lasted until 8 July", the day of the battle that
// relieved it. It is a clash of its own, with its own dates, not a part
// of the battle. (The assaults of a siege the article is about are the
// siege's.)
func (x *article) ranIntoBattle(b, d *draft) bool {
	if d.section < 0 || d.start.IsZero() || b.start.Prec < annalist.PrecDay || x.siegeName(b.name) {
		return false
	}
	end := d.end
	if end.IsZero() {
		end = d.start
	}
	return d.start.Last().DayNumber() < b.start.First().DayNumber()-1 && end.Last().DayNumber() >= b.start.First().DayNumber()
}

// overview reports a clash told in one sentence with no day, place or
// loss of its own ("Fighting flared again in the summer."), before a
// clash of a day within its dates in the same paragraph: the sentence
// sums up the clashes told after it, and is none of its own. A party's
// claim of fighting on a day is no such clash, nor is one told on other
// ground ("Further south, on 10 January, a brigade stormed the post").
func overview(d *draft, all []*draft) bool {
	if d.battle || d.counted || d.place != nil || d.name != "" || len(d.ev.Evidence) != 1 || d.start.IsZero() || d.start.Prec >= annalist.PrecDay {
		return false
	}
	first, last := d.start.First().DayNumber(), d.lastDay()
	if !d.part[0].IsZero() {
		// "A first counter-attack in mid-August was beaten off" sums up
		// no clash of the 28th.
		first, last = d.part[0].First().DayNumber(), d.part[1].Last().DayNumber()
	}
	after := false
	for _, e := range all {
		if e == d {
			after = true
			continue
		}
		if after && e.block == d.block && e.start.Prec == annalist.PrecDay && !e.claimed && !e.elsewhere &&
			e.start.DayNumber() >= first && e.start.DayNumber() <= last {
			return true
		}
	}
	return false
}

// summary reports a clash read from the lead that spans the whole
// conflict ("The X war was fought between A and B from 1977 to 1978"):
// the conflict record already says that, and it is no one clash.
func (x *article) summary(d *draft) bool {
	if !d.battle && d.section < 0 && d.start.IsZero() && d.name != "" && x.ownName(d.name) {
		// "The Battle of Dien Bien Phu … was the climactic confrontation
		// of the war": the article's own subject, named in its lead with
		// no day of its own, is the conflict record, not a clash.
		return true
	}
	return !d.battle && d.section < 0 && x.coversWar(d.start, d.end)
}

// ownName reports whether name is the article's title or its conflict's
// name.
func (x *article) ownName(name string) bool {
	return strings.EqualFold(name, x.a.Title) || x.conflictName != "" && strings.EqualFold(name, x.conflictName)
}

// coversWar reports dates that span the whole conflict.
func (x *article) coversWar(start, end annalist.Date) bool {
	if start.IsZero() || x.window[0].IsZero() {
		return false
	}
	wend := x.window[1]
	if end.IsZero() {
		end = start
	}
	if wend.IsZero() {
		wend = x.window[0]
	}
	return start.First().DayNumber() <= x.window[0].First().DayNumber() &&
		end.Last().DayNumber() >= wend.Last().DayNumber()
}

// leadParty reports a state or group the lead names as a party: it takes
// part in the conflict, on a side or beside one, even where the infobox
// lost it. They are noted while the first pass reads the lead.
func (x *article) leadParty(canonical string) bool {
	if x.leadParties == nil {
		// Not noted while the lead was read (an article whose lead holds
		// no sentence): read it now.
		x.leadParties = x.partiesNamed(leadText(x.a))
	}
	return x.leadParties[canonical]
}

// foreign reports a fight of another war told in passing: one of its
// parties is neither a belligerent of the conflict, nor fighting beside
// one, nor named in the lead, and the fight does not have a belligerent
// of each side in it ("in July 1937 the Japanese invaded China" in an
// article on a Soviet–Japanese war; rebels attacking one belligerent in
// another province).
func (x *article) foreign(d *draft) bool {
	if d.battle || len(x.sides[0]) == 0 || len(x.sides[1]) == 0 {
		return false
	}
	var present [2]bool
	stranger := false
	// The parties of the sentence that tells the fighting say who fought;
	// the others may be the reactions of third states.
	anyFought := false
	for _, p := range d.parties {
		anyFought = anyFought || p.fought
	}
	for _, p := range d.parties {
		if anyFought && !p.fought {
			continue
		}
		switch {
		case p.side >= 0:
			present[p.side] = true
		case p.ally != "" && x.sideOfAlly(p.ally) >= 0:
		case x.leadParty(p.canonical):
		default:
			stranger = true
		}
	}
	// "the Polish duke defeated Yaroslav of Kiev" in 1018: a people
	// fighting no belligerent is another war's; "German and Estonian
	// troops" fighting one are the other side's.
	return stranger && !(present[0] && present[1]) || d.peopleNamed && !present[0] && !present[1] || d.strangerTarget
}

func (x *article) sideOfAlly(canonical string) int {
	if s, ok := x.sideOf[canonical]; ok {
		return s
	}
	return -1
}

// inferWindow sets the conflict's dates, for an article without an
// infobox that gives them, to the shortest run of years that holds four
// in five of the article's dated sentences: the narrative of a war dwells
// on its years, while background and aftermath are told in passing.
func (x *article) inferWindow() {
	ys := x.years
	if len(ys) < 10 {
		return
	}
	slices.Sort(ys)
	k := (len(ys)*4 + 4) / 5
	best := 0
	for i := 0; i+k <= len(ys); i++ {
		if ys[i+k-1]-ys[i] < ys[best+k-1]-ys[best] {
			best = i
		}
	}
	lo, hi := extendYears(ys, ys[best], ys[best+k-1], k)
	x.window = [2]annalist.Date{annalist.YearDate(int(lo)), annalist.YearDate(int(hi))}
	x.inferred = true
}

// extendYears widens the run of years lo to hi, which holds n of the
// sorted years ys, by each year just outside it that holds at least
// half as many as the run's years do on average: a war told evenly over
// eight years has no year of its own to drop, and which of its first or
// last the shortest run leaves out is chance.
func extendYears(ys []int32, lo, hi int32, n int) (int32, int32) {
	count := func(y int32) int {
		i, _ := slices.BinarySearch(ys, y)
		j, _ := slices.BinarySearch(ys, y+1)
		return j - i
	}
	span := int(hi-lo) + 1
	for {
		c := count(lo - 1)
		if c < 2 || 2*c*span < n {
			break
		}
		lo--
		n += c
		span++
	}
	for {
		c := count(hi + 1)
		if c < 2 || 2*c*span < n {
			break
		}
		hi++
		n += c
		span++
	}
	return lo, hi
}

// outside reports a clash dated more than a year before the conflict's
// start or after its end: background (an earlier war) or aftermath, not a
// clash of this conflict. The prelude a war article tells in detail, and
// the war around a battle a battle article tells, are the conflict's.
func (x *article) outside(d *draft) bool {
	if d.start.IsZero() {
		return false
	}
	// An infobox's dates are the war's own, and a clash a few months
	// before them is a prelude worth keeping; dates inferred from the
	// text's years already hold that margin.
	slack := 366
	if x.inferred {
		slack = 0
	}
	if x.battle != nil && d.section >= 0 && d.ownDate && !x.inferred && x.bothSidesFought(d) {
		// An article about one battle tells the war around it: a clash
		// of the battle's own belligerents, each side fighting, dated
		// on its own within ten years either side ("In 209 BC he took
		// New Carthage by storm" before Zama, "on 20 August 1704 they
		// took the town by storm" after Narva), is a clash of that war.
		if s, e := x.window[0], x.window[1]; !s.IsZero() && d.lastDay() >= s.First().DayNumber()-maxBackground &&
			(e.IsZero() || d.start.First().DayNumber() <= e.Last().DayNumber()+maxBackground) {
			return false
		}
	}
	if s := x.window[0]; !s.IsZero() && d.lastDay() < s.First().DayNumber()-slack {
		// A clash told to its day, with a belligerent of its own, a few
		// years before is the prelude the article tells in detail ("The
		// Nawab's army reached Calcutta on 16 June 1756 and attacked
		// the town", a year before Plassey); one told by its year or
		// month ("In 1984 the two countries came to blows") is the
		// background.
		if d.ownDate && !x.inferred && d.start.Prec >= annalist.PrecMonth && d.lastDay() >= s.First().DayNumber()-maxBackground && x.bothSidesFought(d) {
			// "On 5 December 1928 a Paraguayan detachment attacked the
			// Bolivian outpost", told in the background of a war of 1932:
			// the same belligerents' fighting, its prelude.
			return false
		}
		return !(d.ownDate && d.start.Prec == annalist.PrecDay && !x.inferred && d.lastDay() >= s.First().DayNumber()-maxPrelude && x.belligerentFought(d))
	}
	if e := x.window[1]; !e.IsZero() && d.start.First().DayNumber() > e.Last().DayNumber()+slack {
		return true
	}
	return false
}

// maxPrelude is the most days before a conflict's start that a clash
// told to its day is still its prelude (see outside).
const maxPrelude = 3 * 366

// maxBackground is the most days before a conflict's start that a clash
// between its own belligerents, told to its month, is still its prelude.
const maxBackground = 10 * 366

// bothSidesFought reports whether d's parties hold a belligerent of each
// side.
func (x *article) bothSidesFought(d *draft) bool {
	var present [2]bool
	for _, p := range d.parties {
		if p.side == 0 || p.side == 1 {
			present[p.side] = true
		}
	}
	return present[0] && present[1]
}

// belligerentFought reports whether a party of d is one of the
// conflict's belligerents.
func (x *article) belligerentFought(d *draft) bool {
	for _, p := range d.parties {
		if p.side == 0 || p.side == 1 {
			return true
		}
	}
	return false
}

func (x *article) build(d *draft) annalist.Event {
	ev := d.ev
	ev.ID = eventID(x.a, ev.Evidence[0].Start)
	ev.DateStart, ev.DateEnd = d.start, d.end
	if ev.DateEnd.IsZero() {
		ev.DateEnd = ev.DateStart
	}
	ev.DatePrec = annalist.DatePrec(ev.DateStart, ev.DateEnd)
	ev.DateUncertain = d.approx
	if d.name != "" {
		ev.Name = annalist.Ptr(d.name)
	}
	if d.place != nil {
		sp := d.place.span
		ev.Place = &annalist.Place{Text: d.place.text, Span: &sp}
		if d.coords != nil {
			// The infobox's coordinates are the battle's own spot.
			ev.Place.Lat, ev.Place.Lon, ev.Place.WherePrec = annalist.Ptr(d.coords.Lat), annalist.Ptr(d.coords.Lon), 1
		}
	}
	sides := x.assignSides(d)
	// side_a is the side that attacked, when the sentence that told the
	// fighting says; else the side of the first party named.
	first := d.opener - 1
	if first < 0 {
		first = 0
		for _, p := range d.parties {
			if s, _ := sides.get(p.canonical); s >= 0 {
				first = s
				break
			}
		}
	}
	var names [2][]string
	for _, p := range d.parties {
		if s, ok := sides.get(p.canonical); ok && s >= 0 {
			names[s] = append(names[s], p.canonical)
		}
	}
	// A clash whose text names no party ("both countries") was fought
	// between the conflict's sides; one whose text names one side only
	// was fought against the conflict's other side.
	// Of a side with several belligerents, its first (the conflict's
	// main one) and those its paragraph named before the clash; with none
	// named in the paragraph, the one its section named last.
	unnamed := func(s int) []string {
		if n := d.sectionNamed[s]; n != "" && len(d.named[s]) == 0 && len(x.sides[s]) > 1 {
			// "Two reserve divisions counter-attacked on 9 October",
			// under a section that told the Ostrans' attack: the Ostrans,
			// not the conflict's first belligerent of that side.
			return []string{n}
		}
		out := []string{x.sides[s][0]}
		for _, n := range d.named[s] {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		return out
	}
	if len(names[0]) == 0 && len(names[1]) == 0 && len(x.sides[0]) > 0 && len(x.sides[1]) > 0 {
		names[0], names[1] = unnamed(0), unnamed(1)
	}
	for s := 0; s < 2; s++ {
		if len(names[s]) == 0 && len(names[1-s]) > 0 && len(x.sides[s]) > 0 {
			names[s] = unnamed(s)
		}
	}
	ev.SideA, ev.SideB = names[first], names[1-first]
	if ev.SideA == nil {
		ev.SideA = []string{}
	}
	if ev.SideB == nil {
		ev.SideB = []string{}
	}
	for i := range d.losses {
		for _, c := range d.losses[i] {
			if c != nil && c.Text == "" && c.Span != nil {
				c.Text = string(x.a.Raw[c.Span.Start:c.Span.End])
			}
		}
	}
	a, b := first, 1-first
	for k := range d.losses[2] {
		// A figure told of a side (the infobox's "82 wounded") and again
		// of no side ("only 82 wounded survivors escaped") is one figure.
		if u := d.losses[2][k]; u != nil && (sameCount(u, d.losses[0][k]) || sameCount(u, d.losses[1][k])) {
			d.losses[2][k] = nil
		}
	}
	ev.DeathsA, ev.DeathsB = d.losses[a][kDeath], d.losses[b][kDeath]
	ev.WoundedA, ev.WoundedB = d.losses[a][kWounded], d.losses[b][kWounded]
	ev.CapturedA, ev.CapturedB = d.losses[a][kCaptured], d.losses[b][kCaptured]
	ev.MissingA, ev.MissingB = d.losses[a][kMissing], d.losses[b][kMissing]
	ev.DeathsUnknown, ev.WoundedUnknown = d.losses[2][kDeath], d.losses[2][kWounded]
	x.civilianDeaths(&ev)
	ev.CapturedUnknown, ev.MissingUnknown = d.losses[2][kCaptured], d.losses[2][kMissing]
	for _, c := range []*annalist.Count{ev.DeathsA, ev.DeathsB, ev.WoundedA, ev.WoundedB, ev.CapturedA, ev.CapturedB,
		ev.MissingA, ev.MissingB, ev.DeathsUnknown, ev.WoundedUnknown, ev.CapturedUnknown, ev.MissingUnknown, ev.DeathsCivilians} {
		setBest(c)
	}
	ev.ForcesA, ev.ForcesB = d.forces[a], d.forces[b]
	for i := range ev.Materiel {
		switch ev.Materiel[i].Side {
		case sideMark(a):
			ev.Materiel[i].Side = "a"
		case sideMark(b):
			ev.Materiel[i].Side = "b"
		default:
			ev.Materiel[i].Side = ""
		}
	}
	if ev.Materiel == nil {
		ev.Materiel = []annalist.Materiel{}
	}
	return ev
}

// sameCount reports two counts of the same bounds.
func sameCount(a, b *annalist.Count) bool {
	if a == nil || b == nil {
		return false
	}
	eq := func(x, y *int) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return eq(a.Low, b.Low) && eq(a.High, b.High)
}

// setBest fills a count's best estimate where the text gives one figure
// ("12", "about 600", "at least 40"), as UCDP GED does; a range has none.
func setBest(c *annalist.Count) {
	if c == nil || c.Best != nil || c.Low == nil {
		return
	}
	if c.High == nil || *c.High == *c.Low {
		c.Best = annalist.Ptr(*c.Low)
	}
}

// sideMark names a conflict side in a draft's materiel until build knows
// which side is a.
func sideMark(s int) string {
	switch s {
	case 0:
		return "0"
	case 1:
		return "1"
	}
	return ""
}

// civilianDeaths moves a death count that counts only unarmed people ("the
// shelling killed 12 villagers", "30 civilian deaths") from the sides'
// columns to DeathsCivilians, as UCDP GED keeps civilians apart from the
// soldiers of either side. A count that also names fighters ("soldiers and
// civilians killed") stays where it is: the text does not split it. The
// lexicon's civilian class names people outside the fight; its person
// class, less civilians and words for anyone ("people"), people in it.
func (x *article) civilianDeaths(ev *annalist.Event) {
	for _, p := range []**annalist.Count{&ev.DeathsUnknown, &ev.DeathsA, &ev.DeathsB} {
		c := *p
		if c == nil || ev.DeathsCivilians != nil {
			continue
		}
		toks := textscan.Scan(c.Text, x.restToks[:0])
		tags := x.lex.annotate(c.Text, toks, x.headTags)
		x.restToks, x.headTags = toks, tags
		civilian, fighter := false, false
		for i := 0; i < len(tags); i++ {
			tg := &tags[i]
			civilian = civilian || tg.has(cCivilian)
			fighter = fighter || (tg.has(cPerson) && !tg.has(cCivilian|cAnyone))
			if tg.has(cCivilian) {
				i += tg.length(cCivilian) - 1 // "non-combatants" is one word
			}
		}
		if civilian && !fighter {
			ev.DeathsCivilians, *p = c, nil
		}
	}
}
