// Segmentation: the sentences of each block, read in order, open a clash,
// go on telling the one being told, or end it.

package event

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/sentence"
	"github.com/annalist/annalist/timex"
)

// readBody reads the blocks in order. In the first pass (lead false) it
// reads the body, and the lead only for its claims and for a battle the
// lead names as its subject; the second pass (lead true) reads the lead
// alone, for an article whose body told no clash.
func (x *article) readBody(lead bool) {
	a := x.a
	anchor := timex.Anchor{From: x.window[0], To: x.window[1]}
	var cur, lastPara *draft
	own := x.battle // the fight the article is about, told in its lead
	if own == nil {
		own = x.wholeSiege
	}
	var pending pendingSent  // a dated sentence told before any fighting
	var named pendingSent    // the sentence that may date a battle its heading names
	var approach pendingSent // a paragraph's first sentence: troops moving on a place
	var moved pendingSent    // an advance dated before pending, which a later dated sentence replaced
	lastBlock := -1          // the block lastPara was last told in
	// fine: the body has dated as many sentences to a month or closer as
	// to a year only, and some. Until it does, the narrative goes by years (as one
	// of a war before the age of dispatches does), and a year dates the
	// clash told after it.
	fine, finer, years := false, 0, 0
	curSection := -2
	for bi := range a.Blocks {
		b := &a.Blocks[bi]
		inLead := b.Section < 0
		if lead && !inLead {
			break
		}
		// In the first pass the lead is read for its claims and for the
		// clash an article about one battle names ("The Battle of X was
		// fought …"); the anchor starts afresh at the body.
		if b.Section != curSection {
			x.sectionNamed = [2]string{}
			x.headingBattle(&named, curSection, anchor)
			if curSection == -1 || (curSection == -2 && b.Section >= 0) {
				// The body's narrative starts afresh, in the conflict's
				// first year (or the lead's last year) for dates that
				// give no year.
				y := x.window[0].Year
				if x.window[0].IsZero() {
					y = anchor.Date.Year
				}
				anchor = timex.Anchor{From: x.window[0], To: x.window[1]}
				if y != 0 {
					anchor.Date = annalist.YearDate(y)
				}
			}
			curSection = b.Section
			cur, lastPara = nil, nil
			anchor.Through = 0
			if y, ok := x.headingYear(b.Section); ok {
				if anchor.Year != y {
					anchor.Year = y
					if anchor.Date.Year != y {
						anchor.Date = annalist.YearDate(y)
					}
				}
				if x.headingOneYear(b.Section) {
					anchor.Through = y
				}
			}
			if d, ok := x.headingDay(b.Section, anchor); ok {
				anchor.Date = d // "===Day 2, 14 September===": the narrative's day
			}
		}
		if x.skipped(b.Section) {
			continue
		}
		isList := b.Kind == annalist.ListItem
		cur = nil
		x.named[0], x.named[1] = x.named[0][:0], x.named[1][:0]
		var prevPlace *placeCand // a place named earlier in the block
		free := 0                // the first sentence of the block after the last one a clash held
		all := x.cutLong(b.Text, sentence.Split(b.Text))
		// Time expressions and quantities are found once per run of
		// sentences (the anchor carries from one expression to the next
		// inside Find), a run at most chunkBytes long, so that the memory
		// a block takes stays bounded however long the block is.
		for c0, c1 := 0, 0; c0 < len(all); c0 = c1 {
			c1 = c0 + 1
			for c1 < len(all) && all[c1].End-all[c0].Start <= chunkBytes {
				c1++
			}
			blockExprs := x.scanChunk(b.Text, all[c0].Start, all[c1-1].End, anchor)
			spans := x.splitClauses(b.Text, all[c0:c1], blockExprs)
			ti := 0
			for i, sp := range spans {
				si := c0 + i
				// The sentence's tokens, made relative to it.
				for ti < len(x.blockToks) && x.blockToks[ti].Start < sp.Start {
					ti++
				}
				first := ti
				for ti < len(x.blockToks) && x.blockToks[ti].End <= sp.End {
					ti++
				}
				x.toks = append(x.toks[:0], x.blockToks[first:ti]...)
				for k := range x.toks {
					x.toks[k].Start -= sp.Start
					x.toks[k].End -= sp.Start
				}
				if len(x.toks) > 0 {
					x.toks[0].Space = true
				}
				x.noteLead = inLead && !lead
				// The side the sentence before named first, for a pronoun
				// that opens this one ("It stormed the town").
				x.prevSide = -1
				x.prevUnit = (i > 0 || c0 > 0) && x.sent.namesUnit
				if i > 0 || c0 > 0 {
					x.prevSide = x.firstSide(&x.sent)
				} else {
					x.prevAttacker = -1
				}
				s := x.readSentence(b, bi, sp, &anchor, blockExprs)
				if x.drifted {
					blockExprs = x.reanchor(b.Text, sp.End, all[c1-1].End, anchor)
				}
				if s.fell && cur != nil && cur.place != nil && len(s.places) > 0 && !samePlace(bestPlace(s.places).text, cur.place.text) && !toldBack(bestPlace(s.places).text) {
					// Another place fell, not the clash's; "The castle fell" is
					// the one told.
					s.yields = false
				}
				x.noteLead = false
				if bt := x.battle; bt != nil && x.battleDayAt < 0 && !inLead && s.hasDate && s.start.Prec == annalist.PrecDay && s.start == bt.start {
					x.battleDayAt = s.blk.SourceSpan(s.span).Start
				}
				if w := x.wholeSiege; w != nil && !x.siegeBegun && !inLead && s.hasDate && siegeFirstDay(w, s) {
					// "On 26 June 1522 an Ottoman fleet … landed", "The
					// next day Filipino forces closed in around the
					// church": the body reaching the siege's first day
					// tells how it began, whatever clash the sentence
					// also goes on with.
					ev := x.evidenceOf(s)
					w.ev.Evidence = append(w.ev.Evidence, ev)
					x.siegeBegun, x.siegeBegunAt = true, ev.Start
					if w.approx && s.start.Prec == annalist.PrecDay {
						// Of the infobox's alternatives, the day the body
						// tells the siege from.
						w.start = s.start
					}
				}
				if !lead && (x.readClaims(s, anchor) && !s.fight || s.source != "" && s.timedRef && !s.fightWord) {
					// A figure credited to a party tells no clash, nor
					// does one of fighting told before and known by its
					// time ("According to Soviet figures, 58 Soviet
					// soldiers were killed … in the March fighting"): a
					// sum over its clashes, not the losses of one ("…
					// killed in the clash").
					continue
				}
				if inLead && !lead && cur == nil && (!(s.name != "" && s.nameAtStart) || own != nil && s.name == own.name) {
					if b := own; b != nil && x.tellsOwn(b, s) && len(b.ev.Evidence) > 0 {
						// "It was fought on May 8, 1846, … between a United
						// States force … and a larger Mexican army", "The
						// Battle of Jutland … was a naval battle of the First
						// World War": the lead telling the article's battle.
						x.appendEvidence(b, s)
					}
					continue // the lead opens only a named battle in the first pass
				}
				if inLead && x.battle == nil && s.hasDate && x.coversWar(s.start, s.end) {
					continue // the lead's summary of the whole war
				}
				// A paragraph goes on with the clash of the paragraph before
				// when it says so ("In this engagement"), or when it opens
				// with fighting and no date or name of its own.
				openedHere := false
				if si == 0 && cur == nil && !isList && lastPara != nil && !s.hasDate &&
					(s.continues || ((s.fight || s.fightRef) && s.name == "" && !s.lostName && !s.parallel && lastBlock == bi-1)) {
					cur = lastPara
					if elsewhere := s.fightWord && (x.elsewhereBy(cur, s) || x.otherGround(cur, s) && !x.fightToBe(s)); !s.continues && (elsewhere || x.siegeLaid(s) && !cur.siege) {
						// "Cocoye fighters far to the west overran Nkayi": another
						// party fighting at another place, a clash of its own,
						// dated from the narrative; outside an article about one
						// battle, so is any party's fight at another named place
						// ("The decisive operation was fought for the railway
						// towns of Zhalainuoer and Manzhouli"). So is a siege
						// laid after a fight in the field ("The Ostrans then laid
						// siege to Kamen"), some time after it.
						cur = x.open(s, anchor, curSection)
						if elsewhere && anchor.Date.Prec == annalist.PrecDay {
							cur.start, cur.end, cur.narrative = anchor.Date, anchor.Date, true
						}
						openedHere = true
					}
				}
				if d := x.siegeBefore(cur, s); d != nil {
					cur = d // "The siege lasted until …": the siege, not the sally told last
				}
				if ref := cmp.Or(cur, lastPara); s.sinceBegun > 0 && ref != nil && ref.start.Prec == annalist.PrecDay {
					// "Five days after the bombardment began": from the
					// first day of the clash told, not the narrative's.
					s.start = ref.start.AddDays(s.sinceBegun)
					s.end = s.start
					anchor.Date = s.start
					blockExprs = x.reanchor(b.Text, sp.End, all[c1-1].End, anchor)
				}
				if cur != nil && s.dayOrdinal > 1 && cur.start.Prec == annalist.PrecDay {
					// "On the third day the cavalry entered the town": that
					// many days into the clash told, which goes on.
					s.hasDate, s.relative, s.initialDate, s.persists = true, true, true, true
					s.start = cur.start.AddDays(s.dayOrdinal - 1)
					s.end = s.start
				}
				told := cur
				drafts := len(x.events)
				switch {
				case openedHere:
					// Opened above, with s told in it.
				case cur == nil && s.relief && x.lastSiege(curSection) != nil && x.endsSiege(x.lastSiege(curSection), s):
					// "A proposal for an armistice … came to nothing. In early
					// November news that Santa Cruz was marching on Lima
					// forced Bulnes to raise the siege": talks told between
					// closed the siege, whose end this is.
					cur = x.lastSiege(curSection)
					x.add(cur, s)
				case cur == nil && s.fight && s.relative && pending.sameDay(bi, s):
					// "On 10 April Köhler sent his columns against the
					// mosque. The mosque was taken after hours of fighting
					// … that evening": the sentence that set the day tells
					// the clash fought on it, whose parties are the
					// fighting sentence's.
					cur = x.open(s, anchor, curSection)
					x.prependEvidence(cur, &pending.s)
					if cur.place == nil && len(pending.s.places) > 0 {
						best := bestPlace(pending.s.places)
						best.weight = 0
						cur.place = &best
					}
					pending.set = false
				case cur == nil && !x.opens(s) && (s.fight || s.name != "" && s.fightRef) && !s.hasDate && (pending.dates(bi, si, fine) || s.name != "" && pending.set && pending.bi == bi):
					// "In the early hours of 18 August, troops began landing.
					// The garrison opened fire, …": the dated sentence before
					// the fighting opens the clash.
					cur = x.open(&pending.s, anchor, curSection)
					// The sentences told between are the clash's too: "Late
					// in the afternoon Dartnell's men came upon a body of
					// Zulus" before "A few shots were exchanged".
					for j := max(pending.si+1, c0); pending.bi == bi && j < si; j++ {
						sp := spans[j-c0]
						x.appendEvidence(cur, &sent{blk: b, span: sp, text: b.Text[sp.Start:sp.End]})
					}
					if moved.set && moved.bi == bi && moved.si == pending.si-1 {
						x.prependEvidence(cur, &moved.s)
						x.moverFirst(cur, &moved.s)
					}
					moved.set = false
					if bt := x.battle; bt != nil && overlaps(bt, cur) {
						// In an article about one battle the paragraph tells
						// it from its first sentence ("Shortly before noon,
						// a troop … found the Zulu army. The Zulus had not
						// intended to fight that day …").
						for j := pending.si - 1; pending.bi == bi && j >= max(free, c0); j-- {
							sp := spans[j-c0]
							x.prependEvidence(cur, &sent{blk: b, span: sp, text: b.Text[sp.Start:sp.End]})
						}
					}
					x.add(cur, s)
					pending.set = false
				case cur == nil:
					if x.opens(s) || x.opensUnderDatedHeading(s, curSection) {
						cur = x.splitDays(x.open(s, anchor, curSection), s)
						if pending.dayBefore(bi, si, s) {
							// "On 11 December some 700 paratroopers were
							// dropped near Tangail to seize the bridge. The
							// paratroopers held the bridge against the
							// retreating Pakistani troops through the night":
							// the day before, told just before, opens it.
							x.prependEvidence(cur, &pending.s)
							if !pending.s.meant {
								// Not when the day before only readied the
								// fight: "on the evening of 22 August Courbet
								// was authorised to attack the fleet".
								cur.start = pending.s.start
							}
							pending.set = false
						} else if pending.holds(bi, si, s) {
							// "The Japanese tried again ten days later. On
							// the night of 17 October thirteen Japanese
							// ships crept up on the anchorage": the party's
							// try, in a time that holds the clash's day.
							x.prependEvidence(cur, &pending.s)
							pending.set = false
						} else if pending.within(bi, si, s) {
							// "Beginning on 5 August, some 30,000 soldiers
							// crossed the line. … Indian troops intercepted
							// many of the groups, and throughout August heavy
							// fighting took place": the party's move on a
							// day the fighting's period holds opens it.
							for j := si - 1; j > pending.si && j >= c0; j-- {
								sp := spans[j-c0]
								x.prependEvidence(cur, &sent{blk: b, span: sp, text: b.Text[sp.Start:sp.End]})
							}
							x.prependEvidence(cur, &pending.s)
							pending.set = false
						}
					} else if !inLead && x.opensInNarrative(s, si, anchor, approach.set && approach.bi == bi && approach.si == si-1) {
						// "On the western front, the 13th Army crossed the
						// river and attacked Lào Cai": the narrative's day.
						cur = x.open(s, anchor, curSection)
						cur.start, cur.end, cur.narrative = anchor.Date, anchor.Date, true
						if s.afterwards && anchor.Date.Prec == annalist.PrecDay {
							// "In the days that followed, Libyan aircraft
							// bombed Arada": days after the narrative's, in
							// its month.
							m := annalist.MonthDate(anchor.Date.Year, anchor.Date.Month)
							cur.start, cur.end, cur.narrative, cur.ownDate = m, m, false, true
						}
						if b := x.battle; b != nil && cur.start.DayNumber() < b.start.First().DayNumber() {
							cur.start, cur.end = b.start, b.start // the battle's, told from the night before
						}
						if x.battle != nil {
							// "As the convoy approached the terminal, two
							// sentries ordered it to stop. The commandos shot
							// them …": the paragraph tells the battle from its
							// first sentence on.
							for j := si - 1; j >= max(free, c0); j-- {
								sp := spans[j-c0]
								x.prependEvidence(cur, &sent{blk: b, span: sp, text: b.Text[sp.Start:sp.End]})
							}
							if bt := x.battle; pending.set && pending.bi < bi && pending.s.blk.Section == b.Section &&
								pending.s.start.Prec == annalist.PrecDay && within(bt, &pending.s) && bt.lastDay()-bt.start.First().DayNumber() < 3 {
								// "On the morning of 10 October Husayn drew up
								// his small force …", a paragraph before the
								// first blows under the same heading: the
								// battle's day, told from its start. A day
								// inside weeks of battle may tell an action of
								// its own.
								x.prependEvidence(cur, &pending.s)
								pending.set = false
							}
						}
					}
					if cur != nil {
						if isList && lastPara != nil {
							cur.parent = lastPara
							lastPara.phased = true
						}
						if cur.place == nil && prevPlace != nil {
							cp := *prevPlace
							cp.weight = 0
							cur.place = &cp
						}
					}
				case !cur.siege && s.yields && !s.fightWord && x.siegeElsewhere(cur, s, curSection) && x.endsSiege(x.lastSiege(curSection), s):
					// "On 1 July it laid siege to Abbasabad. On 5 July … met the
					// relief force at Jevan Bulakh and scattered it. Two days
					// later the garrison … surrendered": the siege's end, not
					// the relief battle's.
					cur = x.lastSiege(curSection)
					x.add(cur, s)
				case x.parallelClash(cur, s):
					// "At the same time ground forces attacked Lod": a
					// clash of its own, on the dates of the one before.
					prev := cur
					cur = x.open(s, anchor, curSection)
					cur.start, cur.end, cur.ownDate, cur.approx = prev.start, prev.end, prev.ownDate, prev.approx
					if cur.opener <= 0 && prev.opener > 0 {
						// "Further south, a second column attacked
						// Balanbale": the attackers told before, on
						// another axis.
						cur.opener = prev.opener
					}
					if !s.namesParty() && len(cur.parties) == 0 {
						// "The other pair bombarded a radio transmitter on
						// Hòn Ngư, further south": the same parties, at
						// other ground.
						cur.parties = append(cur.parties, prev.parties...)
						cur.opener = prev.opener
					}
				case x.opensAnother(cur, s):
					prev := cur
					cur = x.splitDays(x.open(s, anchor, curSection), s)
					if x.counterAt(s) && prev.opener > 0 && cur.opener <= 0 {
						cur.opener = 2 - (prev.opener - 1) // the side the clash told was struck by
					}
					if cur.place == nil && prev.place != nil && s.relative {
						// "Five days later, …": the narrative stays where it was.
						cp := *prev.place
						cp.weight = 0
						cur.place = &cp
					}
				case s.hasDate && !s.fight && !(s.ceasefire && cur.phased) && !within(cur, s) && cur.ownDate && !((s.yields || s.persists) && goesOn(cur, s)) && !(s.yields && x.heldOutTo(cur, s)) && !x.endsSiege(cur, s) && !refGoesOn(cur, s) && !x.countsBackTo(cur, s) && !withdrawEnds(cur, s) && !endedOn(cur, s):
					// A later dated sentence with no fighting ends the clash:
					// talks, a protest, the cease-fire that ended the war (a
					// battle told in phases keeps its cease-fire, which ends
					// it). "The fighting continued the following day" and a
					// surrender within the week go on with it.
					cur = nil
				case s.hasDate && !s.fight && withdrawEnds(cur, s) && !s.yields && !s.persists:
					// "On 17 August he pulled his five corps back": a side
					// leaving the field the day after ends the clash told,
					// whose last day of fighting stays its end.
					end := cur.end
					x.add(cur, s)
					cur.end = end
				default:
					x.add(cur, s)
				}
				opened := cur != nil && cur != told && len(cur.ev.Evidence) == 1
				clause := i > 0 && !sentenceStart(all[c0:c1], sp.Start) // the span goes on a sentence begun before it
				if opened && clause && free <= si-1 {
					// "Early in March the allies agreed to advance into
					// Jutland, and on 8 March Gablenz's Austrians attacked
					// at Vejle": the clause that opens the clash goes with
					// the rest of its sentence, which told no other.
					prev := spans[i-1]
					x.prependEvidence(cur, &sent{blk: b, span: prev, text: b.Text[prev.Start:prev.End]})
				}
				fresh := cur != nil && len(x.events) > drafts && cur == x.events[len(x.events)-1] // a clash this span opened
				if fresh && approach.set && approach.bi == bi && (approach.si == si-1 || clause && approach.si == si-2) {
					// "Further south, a second column advanced from Uzhhorod
					// along the valley. It met Slovak screening forces near
					// the border": the advance told first is the clash's,
					// and so it is when the clash opens in the second
					// clause of the sentence after it ("The Zembrians then
					// moved on Vel. The town was summoned on 31 August,
					// and that night the batteries opened fire").
					x.prependEvidence(cur, &approach.s)
					x.moverFirst(cur, &approach.s)
					approach.set = false
				}
				if approach.si != si-1 || cur != nil || i+1 >= len(spans) || sentenceStart(all[c0:c1], spans[i+1].Start) {
					approach.set = false
				}
				if si == 0 && cur == nil && !inLead && x.approaches(s) {
					approach.keep(s, bi, si)
				}
				if cur != nil {
					free = si + 1
				}
				x.prevAttacker = -1
				if cur != nil && s.fightWord {
					x.prevAttacker = cur.opener - 1
				}
				x.noteNamed(s)
				if !inLead && s.hasDate && !s.relative {
					if annalist.DatePrec(s.start, s.end) <= 4 {
						finer++
					} else if s.start.Year == s.end.Year || s.end.IsZero() {
						years++
					}
					fine = finer > 0 && finer >= years
				}
				if cur == nil && len(s.places) > 0 {
					best := bestPlace(s.places)
					prevPlace = &best
				}
				if cur == nil && !named.set && x.datesNamedHeading(s, curSection) {
					named.keep(s, bi, si)
				}
				if cur == nil && s.hasDate && !s.fight && !s.ceasefire && datesOne(s) {
					// "Reinforced by volunteers, the Zembrian army advanced in
					// the summer on Vel. The battle lasted from 21 to 24
					// September": the advance, dated to a time that holds
					// the next sentence's, is the clash's too (see the
					// pending case above).
					moved.set = pending.set && pending.moves && pending.bi == bi && pending.si == si-1 && holdsDates(&pending.s, s)
					if moved.set {
						moved.keep(&pending.s, pending.bi, pending.si)
					}
					pending.keep(s, bi, si)
					// Troops posted at a place, not only come to it ("the
					// army reached Vel"), are the next day's fight's.
					pending.troopsAt = slices.ContainsFunc(s.places, func(p placeCand) bool { return !p.reached }) && x.namesForces()
					pending.moves = si == 0 && x.movesOn(s)
				} else if cur != nil {
					pending.set = false
				}
			}
		}
		if !isList && cur != nil {
			lastPara, lastBlock = cur, bi
		}
	}
	x.headingBattle(&named, curSection, anchor)
}

// siegeLaid reports s, the sentence just read, laying a siege as its own
// fighting ("The Ostrans then laid siege to Kamen", "began a siege of
// Vel"): a clash of its own, not more of a field fight told before.
func (x *article) siegeLaid(s *sent) bool {
	if !s.fightWord || !s.siegeWord {
		return false
	}
	if s.begun {
		return true
	}
	for i := 1; i < len(x.toks); i++ {
		if x.toks[i].Start == s.fightAt {
			w := x.toks[i-1].Text(s.text)
			return x.tags[i].has(cSiege) && (lowerIs(w, "laid") || lowerIs(w, "lay") || lowerIs(w, "laying"))
		}
	}
	return false
}

// datesOne reports whether s's date is precise enough to date the clash
// told after it: a month at most, or one year ("In 614, the emperor
// marched north. The Persians attacked him at the river.").
func datesOne(s *sent) bool {
	p := annalist.DatePrec(s.start, s.end)
	return p > 0 && (p <= 4 || s.start.Year == s.end.Year || s.end.IsZero())
}

// pendingSent keeps a dated sentence with no fighting in it, which opens
// the clash that the sentences after it in the same block tell without a
// date of their own.
type pendingSent struct {
	s   sent
	bi  int
	si  int  // the sentence's index in the block
	set bool // s is kept
	// troopsAt: s names a body of troops or a state's forces and a
	// place ("700 men of the 2nd Battalion were dropped near Tangail").
	troopsAt bool
	// moves: s opens its paragraph with troops moving on a place (see
	// movesOn).
	moves bool
}

// holdsDates reports whether the dates of p hold those of s: "in the
// summer of 1846" (its year) holds 21–24 September 1846.
func holdsDates(p, s *sent) bool {
	pe, se := p.end, s.end
	if pe.IsZero() {
		pe = p.start
	}
	if se.IsZero() {
		se = s.start
	}
	return p.start.First().DayNumber() <= s.start.First().DayNumber() && se.Last().DayNumber() <= pe.Last().DayNumber()
}

func (p *pendingSent) keep(s *sent, bi, si int) {
	p.s = *s
	p.s.parties = append(p.s.parties[:0:0], s.parties...)
	p.s.places = append(p.s.places[:0:0], s.places...)
	// The sentence's slices are the reader's, reused sentence to
	// sentence: a kept copy that shared them would give the spans of a
	// later sentence's dates as its own.
	p.s.dateSpans = append(p.s.dateSpans[:0:0], s.dateSpans...)
	p.bi, p.si, p.set = bi, si, true
}

// dates reports whether the kept sentence dates sentence si of block bi:
// one in the same block, and, when it gives only a year, the sentence
// right after it in a narrative that goes by years (fine false). A year
// said sentences before the fighting, or in a narrative that dates its
// clashes by the day, is the background's ("The threat lessened in 1917
// …"), not the clash's.
func (p *pendingSent) dates(bi, si int, fine bool) bool {
	return p.set && p.bi == bi && (annalist.DatePrec(p.s.start, p.s.end) <= 4 || !fine && si == p.si+1)
}

// dayBefore reports whether the kept sentence, right before sentence si
// of block bi, tells troops at a place on a day up to three days before
// the day s, the clash it opens, starts on ("Ten days later, the 68th
// Brigade opened an operation to capture the Haji Pir Pass. … on the
// morning of 28 August a company took the pass").
func (p *pendingSent) dayBefore(bi, si int, s *sent) bool {
	if !p.set || p.bi != bi || p.si != si-1 || !s.hasDate || p.s.start.Prec != annalist.PrecDay || s.start.Prec != annalist.PrecDay {
		return false
	}
	if len(p.s.places) > 0 && len(s.places) > 0 && !samePlace(bestPlace(p.s.places).text, bestPlace(s.places).text) {
		// "Masséna overtook the rearguard at Hollabrunn on 9 July …
		// Marmont's corps … reached Znaim on 10 July and attacked": a
		// day before at another place is a clash of its own.
		return false
	}
	n := s.start.First().DayNumber() - p.s.start.Last().DayNumber()
	return p.troopsAt && n >= 1 && n <= 3
}

// namesForces reports a body of troops or a word for a state's men under
// arms in the sentence just read; not its government.
func (x *article) namesForces() bool {
	for i := range x.tags {
		if x.tags[i].has(cUnit) || x.tags[i].has(cRegular) && !lowerIs(x.toks[i].Text(x.sent.text), "government") {
			return true
		}
	}
	return false
}

// within reports whether the kept sentence, at most two sentences before
// sentence si of block bi, names a party on a day that the period of at
// most a month s, the clash it opens, is dated to holds, more coarsely.
func (p *pendingSent) within(bi, si int, s *sent) bool {
	if !p.set || p.bi != bi || si-p.si > 2 || !p.s.namesParty() || !s.hasDate || p.s.start.Prec != annalist.PrecDay || s.start.Prec >= annalist.PrecDay {
		return false
	}
	se := s.lastDate()
	if se.Last().DayNumber()-s.start.First().DayNumber() > 31 {
		return false // a period of months is a campaign's, not one clash's
	}
	return p.s.start.First().DayNumber() >= s.start.First().DayNumber() && p.s.start.Last().DayNumber() <= se.Last().DayNumber()
}

// holds reports whether the kept sentence, just before s in block bi,
// names a party in a time coarser than s's day that holds it.
func (p *pendingSent) holds(bi, si int, s *sent) bool {
	if !p.set || p.bi != bi || p.si != si-1 || !p.s.namesParty() || p.s.ceasefire || p.s.report || !s.hasDate || s.start.Prec != annalist.PrecDay || p.s.start.Prec >= annalist.PrecDay {
		return false
	}
	pe := p.s.end
	if pe.IsZero() {
		pe = p.s.start
	}
	return p.s.start.First().DayNumber() <= s.start.First().DayNumber() && s.start.Last().DayNumber() <= pe.Last().DayNumber()
}

// sameDay reports whether the kept sentence, in block bi, is dated to
// the day s is dated to.
func (p *pendingSent) sameDay(bi int, s *sent) bool {
	return p.set && p.bi == bi && s.hasDate && p.s.start.Prec == annalist.PrecDay &&
		p.s.start == s.start && (p.s.end.IsZero() || p.s.end == p.s.start)
}

// skipped reports whether section i or a section it lies in holds no
// narrative; the answer is kept per section.
func (x *article) skipped(i int) bool {
	if i < 0 || i >= len(x.a.Sections) {
		return false
	}
	if x.skip == nil {
		x.skip = make([]int8, len(x.a.Sections))
	}
	if x.skip[i] == 0 {
		x.skip[i] = 2
		if x.lex.skipSection(x.a.Sections[i].Heading) {
			x.skip[i] = 1
		} else if p := x.a.Sections[i].Parent; p != i && p >= 0 && p < i && x.skipped(p) {
			x.skip[i] = 1
		}
	}
	return x.skip[i] == 1
}

// opens reports whether s, with no clash being told, starts one.
func (x *article) opens(s *sent) bool {
	if !s.fight {
		return false
	}
	if x.battle != nil && x.warBegan(s) {
		// "The war began on 11 October 1899, when the Boer republics
		// invaded Natal", in an article about one battle of it: the
		// outbreak of the war the battle was part of.
		return false
	}
	if s.name != "" && x.names[s.name] && !s.hasDate {
		return false
	}
	return s.hasDate || (s.name != "" && s.nameAtStart) || s.lostName
}

// datesNamedHeading reports whether s, a dated sentence with no fighting
// of its own naming a party or a place, may date the battle its
// section's heading names ("==St James's Day Battle== The English and
// Dutch fleets met again on 4 August off the North Foreland."). It does
// only when the section tells no clash otherwise (see headingBattle).
func (x *article) datesNamedHeading(s *sent, section int) bool {
	if s.fight || !s.hasDate || s.ceasefire || s.report || section < 0 || x.battle != nil || len(s.places) == 0 && len(s.parties) == 0 {
		return false
	}
	h := x.headingName(section)
	return h != "" && x.battleName(h)
}

// headingBattle opens the battle a section's heading names from the
// dated sentence kept for it (see datesNamedHeading), when the section,
// now read, told no clash of its own.
func (x *article) headingBattle(cand *pendingSent, section int, anchor timex.Anchor) {
	if !cand.set {
		return
	}
	cand.set = false
	if !x.sectionTold(section) {
		x.open(&cand.s, anchor, section)
	}
}

// sectionTold reports whether a clash was read under section.
func (x *article) sectionTold(section int) bool {
	for _, d := range x.events {
		if d.section == section {
			return true
		}
	}
	return false
}

// opensUnderDatedHeading reports whether s, fighting told with no date
// of its own, opens the first clash under a heading that gives the year
// ("==1937 Bolshoi Island incident== Soviet border guards clashed with a
// Japanese patrol"): the heading dates it, to the year. Only a word of
// fighting between named parties, with a place or a toll, under a
// heading of one year does; a heading's later paragraphs that tell no
// date go on with the clash or are background.
func (x *article) opensUnderDatedHeading(s *sent, section int) bool {
	// "in the exchange of fire that followed": under a heading with no
	// clash yet, the fight it refers to is its own.
	if !(s.fightWord || s.fightRef) || s.hasDate || s.name != "" || s.lostName || section < 0 {
		return false
	}
	if _, ok := x.headingYear(section); !ok || !oneYear(x.a.Sections[section].Heading, x.window) {
		return false
	}
	if len(s.places) == 0 && !x.tellsLoss(s) {
		return false // "their first battles with various opposition groups": no where, no toll
	}
	return s.namesParty() && !x.sectionTold(section)
}

// moverFirst puts the parties of the approach s, told before the clash
// d opened, first among d's: the troops that moved on the place are the
// subject of the fighting told next ("It met Slovak forces").
func (x *article) moverFirst(d *draft, s *sent) {
	var movers []party
	for _, m := range s.parties {
		if m.location || m.people {
			continue
		}
		c := m.canonical
		if a, ok := x.aliasOf[c]; ok {
			c = a
		}
		if slices.ContainsFunc(d.parties, func(p party) bool { return p.canonical == c }) ||
			slices.ContainsFunc(movers, func(p party) bool { return p.canonical == c }) {
			continue
		}
		side := -1
		if v, ok := x.sideOf[c]; ok {
			side = v
		}
		movers = append(movers, party{canonical: c, side: side, fought: true})
	}
	d.parties = append(movers, d.parties...)
}

// counterAt reports whether the first word of fighting of s, the
// sentence just read, is a counter-attack ("counter-attack",
// "counterattacked", "counteroffensive"): the other side's action.
func (x *article) counterAt(s *sent) bool {
	if s != &x.sent {
		return false
	}
	i := x.fightToken(s)
	if i < 0 {
		return false
	}
	w := x.toks[i].Text(s.text)
	return len(w) >= 7 && strings.EqualFold(w[:7], "counter")
}

// fightToken returns the token of the first word of fighting of s, the
// sentence just read, or -1 when it tells none.
func (x *article) fightToken(s *sent) int {
	if !s.fightWord {
		return -1
	}
	for i := range x.toks {
		if x.toks[i].Start == s.fightAt {
			return i
		}
	}
	return -1
}

// approaches reports whether s, telling no date, tells troops or a party
// on the move at a place, or fighting there that opened no clash for
// want of a date: the opening of the clash the sentence after it tells
// ("In the north, the Salvadoran columns pushed up the road from El
// Poy", "At the same time a second army was besieging the fortress of
// Gyula. Gyula had been invested at the beginning of July").
func (x *article) approaches(s *sent) bool {
	return !s.hasDate && (x.movesOn(s) || s.fightWord && !s.report && !s.ceasefire && len(s.places) > 0 && x.troops(s))
}

// movesOn reports troops moving on a place in s, the sentence just read,
// with no fighting: what approaches tells, dated or not.
func (x *article) movesOn(s *sent) bool {
	if s.fight || s.fightRef || s.ceasefire || s.report || len(s.places) == 0 || !x.troops(s) {
		return false
	}
	for i := range x.tags {
		if x.tags[i].has(cMove) {
			return true
		}
	}
	return false
}

// troops reports whether s, the sentence just read, names a party or a
// body of troops ("the 13th Army").
func (x *article) troops(s *sent) bool {
	if s.namesParty() {
		return true
	}
	for i := range x.tags {
		if x.tags[i].has(cUnit) {
			return true
		}
	}
	return false
}

// opensInNarrative reports whether s, fighting told with no date or
// name of its own while no clash is being told, opens a clash on the
// narrative's date: the first sentence of a paragraph (or the second,
// after troops moving told in the first: see approaches), one that moves
// the telling to other ground ("Further west, …", "At Port San Carlos,
// …"), or any sentence of an article about one battle; naming a place or
// a party, in a body whose narrative is dated to the month or closer,
// inside the war. "On the western front, the 13th Army crossed the river
// and attacked Lào Cai" is a clash of the day the narrative has reached.
func (x *article) opensInNarrative(s *sent, si int, anchor timex.Anchor, afterApproach bool) bool {
	if !s.fightWord || s.hasDate || s.name != "" || s.lostName || s.report || s.ceasefire {
		return false
	}
	if si != 0 && !s.parallel && !s.fronted && !s.afterwards && x.battle == nil && !afterApproach {
		// Mid-paragraph, fighting goes on with what the paragraph told;
		// in an article about one battle it is that battle's, whose
		// dates the narrative is in.
		return false
	}
	// After troops moving on a place, told just before, the fighting is
	// theirs there: "Further west, the 11th Army advanced into Lai Châu
	// province. Its columns were held up by ambushes".
	if len(s.places) == 0 && !s.namesParty() && !afterApproach && !(s.parallel && si == 0 && x.troops(s)) {
		// Not "In the south, the Barak Brigade was overwhelmed", a body
		// of troops on another front.
		return false
	}
	// Someone fights: a party or a body of troops ("the 13th Army"), or
	// whoever the telling moved on to ("Meanwhile, Hawker Hunters struck
	// the wireless station at Bambolim"); not "Hundreds of houses were
	// burned in Kok-Tash", the toll told after.
	if !x.troops(s) && !s.parallel && !afterApproach {
		return false
	}
	if i := x.fightToken(s); i > 0 && lowerIs(x.toks[i-1].Text(s.text), "to") {
		return false // "had the will to fight Amin": no fighting yet
	}
	d := anchor.Date
	if b := x.battle; b != nil && (d.IsZero() || d.Last().DayNumber() < b.start.First().DayNumber()) {
		// In an article about one battle, fighting told undated before
		// the narrative has reached the battle's day is told of the
		// battle (opened on its day, it joins it): "At about eight
		// o'clock in the morning, Surface Action Group Bravo opened
		// fire", after the mining four days before.
		return true
	}
	if b := x.battle; b != nil && d.Prec == annalist.PrecYear && d.Year == b.start.Year && b.start.Prec < annalist.PrecDay {
		// A battle known by its month or year alone ("May 326 BC"):
		// its narrative never comes closer than the year, and fighting
		// told undated in that year is the battle's.
		return true
	}
	if d.IsZero() || d.Prec < annalist.PrecMonth || x.window[0].IsZero() {
		return false
	}
	end := x.window[1]
	if end.IsZero() {
		end = x.window[0]
	}
	first := x.window[0].First().DayNumber()
	if x.battle != nil {
		// "On the night of 26 February Colley left camp … At first
		// light": a battle's narrative starts the night before.
		first--
	}
	if d.Prec == annalist.PrecMonth {
		// "until the last days of February" in a war begun on 17
		// February: a month of the narrative that meets the war's days.
		return d.Last().DayNumber() >= first && d.First().DayNumber() <= end.Last().DayNumber()
	}
	return d.First().DayNumber() >= first && d.Last().DayNumber() <= end.Last().DayNumber()
}

// tellsLoss reports a word of loss in s, the sentence just read, told
// of people ("were killed") or done to them ("killing two guards").
func (x *article) tellsLoss(s *sent) bool {
	if s.lossWord {
		return true
	}
	for _, t := range x.tags {
		if t.has(cActiveDeath | cActiveWounded | cActiveCaptured) {
			return true
		}
	}
	return false
}

// oneYear reports a heading that names one year ("1937 Bolshoi Island
// incident", "Incidents of 1938"), not a span ("1979–1985").
//
// With the conflict's dates known, only numbers within a lifetime of them
// count as years: "Hill 733 (1939)" names one.
func oneYear(h string, window [2]annalist.Date) bool {
	runs := 0
	for i := 0; i < len(h); {
		if h[i] < '0' || h[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(h) && h[j] >= '0' && h[j] <= '9' {
			j++
		}
		if j-i >= 3 && (window[0].IsZero() || nearWindow(h[i:j], window)) {
			runs++
		}
		i = j
	}
	return runs == 1
}

// nearWindow reports whether the digits n make a year within fifty
// years of the conflict's dates.
func nearWindow(n string, window [2]annalist.Date) bool {
	y, err := strconv.Atoi(n)
	if err != nil {
		return false
	}
	end := window[1]
	if end.IsZero() {
		end = window[0]
	}
	return y >= window[0].Year-50 && y <= end.Year+50
}

// opensAnother reports whether s ends the clash cur and tells a new one.
func (x *article) opensAnother(cur *draft, s *sent) bool {
	if !s.fight || !s.hasDate {
		return false
	}
	if !cur.ownDate {
		// A clash dated by the narrative alone takes the date told after
		// it, unless that date opens fighting at other ground ("At the
		// Holmec crossing Zembrian forces attacked the post. … On the
		// same day Zembrian units fought for the bridge at Radgona").
		// A date given outright may be the first the clash had ("At Diu
		// the battalions moved against the island. In the early hours of
		// 18 December a company tried to cross the creek at Passo Covo").
		// Nor does a date that opens another party's attack ("The
		// Libyans answered with air raids. On 7 January French aircraft
		// struck the radar at Ouadi Doum").
		return cur.narrative && s.initialDate && s.relative && s.fightWord && s.start.Prec == annalist.PrecDay && s.start == cur.start && s.end == cur.end &&
			len(s.places) > 0 && cur.place != nil && !samePlace(bestPlace(s.places).text, cur.place.text) ||
			s.initialDate && !s.relative && s.fightWord && x.newAttacker(cur, s)
	}
	if s.report && !s.fightWord {
		return false // "in 2031 it said that 4 had died": a report, not a clash
	}
	if s.goingOnSince && s.start.First().DayNumber() < cur.start.First().DayNumber() {
		// "Vel, whose garrison had held out since early November,
		// surrendered on 18 February", after a clash of February: a
		// fight begun before the one told, not its end.
		return true
	}
	// "… which overtook them at Akasha the next morning and killed about
	// forty": fighting after the date is fighting of that date.
	actsAfter := x.fightAfter(s.dateAt)
	if s.relative && !s.initialDate && s.fightWord && s.fightAt < s.dateAt && !actsAfter && x.joinedBefore(s.dateAt) {
		// "Ten soldiers were captured and released the next day": the
		// day after dates what follows the fighting, not the fighting.
		// With nothing joined on between ("killed nine militants in a
		// raid near Bomadi two days later") it dates the fighting.
		return false
	}
	if !s.fightWord && !s.initialDate && !actsAfter {
		// "Ten soldiers were captured and released the next day": a
		// loss told of the clash, its date another matter's.
		return false
	}
	if s.following && (!cur.fightSeen || !s.fightWord || x.stretchGoesOn(cur, s)) && !s.another && !x.newAttacker(cur, s) {
		// "Operation Sandstorm was launched on 21 February. Over the next
		// five days, government troops destroyed three camps": the
		// fighting of the operation announced, which its stretch extends;
		// so do the losses of the days after fighting ("Over the next
		// week 40 guerrillas were killed"), which tell no fight of their
		// own.
		return false
	}
	if s.persists && s.ceasefire && !s.another {
		// "Fighting for Vyborg was still going on when the armistice
		// came into force on 13 March": the fight told went on to the
		// end of the war, which ends no clash and opens none.
		return false
	}
	spreads := (s.persists && !s.yields || s.yields && x.foughtBeforeYield(s)) && s.fightWord && s.initialDate && !s.relative && len(s.places) > 0 && cur.place != nil &&
		!samePlace(bestPlace(s.places).text, cur.place.text) && s.start.First().DayNumber() > cur.lastDay()
	if (s.persists || s.yields) && !s.another && !spreads && (goesOn(cur, s) || x.reachesBack(cur, s) || s.yields && x.heldOutTo(cur, s) || x.endsSiege(cur, s)) {
		// "The fighting continued the following day, when …", "the
		// garrison laid down its arms on 6 September, and 40 men were
		// captured", a besieged garrison's surrender "after a
		// bombardment of several weeks": the same clash, which its date
		// extends. Fighting that spread to other ground on a later day of
		// its own ("On 26 April the clashes spread east to the Vel area,
		// with an exchange of fire near Dolno") is a clash there, and so
		// is a fight there that a surrender ended ("On 25 April Nicolls
		// stormed the positions outside Almora, and … the governor
		// surrendered Almora on 27 April").
		return false
	}
	if s.relief && !s.another && x.endsSiege(cur, s) {
		// "The garrison held out until the siege was lifted on 9 May":
		// the siege's end, though holding out is a word of fighting.
		return false
	}
	if x.countsBackTo(cur, s) {
		// "On 23 May the army attacked around Vel. After two days of
		// fighting its troops entered the town, and on 25 May …": the
		// clash told, whoever else the sentence names.
		return false
	}
	if toldOut(cur, s) && !s.another && !x.newAttacker(cur, s) &&
		(cur.place == nil || len(s.places) == 0 || samePlace(bestPlace(s.places).text, cur.place.text)) {
		// "The worst fighting yet began on 4 February. For four days,
		// 4–7 February, the gunners shelled each other": the fighting of
		// that day, told out to its end.
		return false
	}
	if s.later && s.initialDate && s.fightWord && cur.start.Prec < annalist.PrecDay && cur.fightSeen {
		// "In early June two yachts fought a galliot … The following
		// week a frigate came out to drive them off": a later time of
		// its own, though told against a month that holds both.
		return true
	}
	if !within(cur, s) && !x.carriesOn(cur, s) {
		return true
	}
	if s.fightWord && s.start.Prec == annalist.PrecDay && !cur.siege && !inPart(cur, s) {
		// "A first counter-attack in mid-August was beaten off. On 28
		// August Libyan troops retook the town": a day past the part of
		// the month the clash was told in. A siege runs on through its
		// days ("opened the siege in early May. On 12 May …").
		return true
	}
	if s.another {
		return true
	}
	if !s.relative && x.counterAt(s) && !s.persists {
		// "A first counter-attack by ranger companies in the middle of
		// December was beaten back": the other side's action, on a date
		// of its own inside the clash's month.
		return true
	}
	if s.initialDate && !s.relative && s.fightWord && s.start.Prec == annalist.PrecDay && s.end == s.start &&
		cur.start.Prec == annalist.PrecDay && cur.end.DayNumber()-cur.start.DayNumber() > 7 && cur != x.battle && !cur.phased {
		// "Over the next six weeks the Thais attacked the hill
		// repeatedly. On 4 February a Thai jet was shot down …": a day
		// of its own inside weeks of fighting is a clash of its own.
		return true
	}
	// A date of its own and another place: "… in a raid on a camp near
	// Bomadi two days later" after an ambush on the road to Warri.
	// A relief army's battle away from the walls is a clash of its own,
	// the siege going on ("Hawley marched to relieve it, and on 17
	// January the two armies met at Falkirk Muir").
	datesFight := s.initialDate || s.relative && s.fightWord && s.fightAt < s.dateAt && !x.joinedBefore(s.dateAt) ||
		cur.siege && s.fightWord && x.reliefTold(s) || s.fightWord && !s.relative && x.placeOpens(s)
	if (datesFight || s.parallel && s.fightWord) && len(s.places) > 0 && (cur.place == nil || !samePlace(bestPlace(s.places).text, cur.place.text)) {
		// "To the east, the bridgehead at Vuosalmi came under attack on
		// 2 March": other ground, though the date comes late.
		return true
	}
	if s.repels && cur.fightSeen && s.start.First().DayNumber() >= cur.start.First().DayNumber() && s.start.First().DayNumber() <= cur.end.Last().DayNumber() {
		// "Within hours, Soviet reinforcements arrived and drove the
		// Chinese off": the attack told, driven back the same day.
		return false
	}
	if s.initialDate && s.relative && s.fightWord && x.dayClash(cur, s) {
		return true // "In the evening an exchange of artillery fire …" after the day's shelling
	}
	if s.initialDate && s.fightWord && x.newAttacker(cur, s) {
		return true // "The same week, British privateers raided …" after a Spanish attack
	}
	return false
}

// placeOpens reports a sentence that opens with the place its fighting
// struck ("Degehabur was taken on 30 July", "Rostov was recaptured"): a
// date of its own there, wherever it stands, is that place's.
func (x *article) placeOpens(s *sent) bool {
	if !s.hasDate || len(x.toks) == 0 {
		return false
	}
	at := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + x.toks[0].Start, End: s.span.Start + x.toks[0].End}).Start
	for _, p := range s.places {
		if p.span.Start == at && p.weight >= 25 {
			return true
		}
	}
	return false
}

// carriesOn reports s, a sentence of fighting dated after cur, the clash
// told in its paragraph, that tells that clash on: its day comes inside
// the sentence, after what it tells ("The Ostran divisions pressed on,
// and on 30 August they surrounded the Zembrian main body"),
// within a week of cur's end, by a party named, with no other attacker
// and no place of its own. A sentence that opens with its day tells an
// episode of its own, and one of a post taken with no party named
// ("Tesh Ridge was overrun on the night of 28 August") another target; so
// does a fight begun, named or struck back ("The Ostran attack on the
// line began on 26 September", "responded with Operation Harrow on
// 18 April").
func (x *article) carriesOn(cur *draft, s *sent) bool {
	if s.initialDate || s.relative || !s.fightWord || s.another || s.parallel || s.fronted || s.begins || s.begun || s.name != "" || !s.namesParty() ||
		cur.block != s.bi || cur.start.Prec != annalist.PrecDay || s.start.Prec != annalist.PrecDay || x.counterAt(s) {
		return false
	}
	if n := s.start.First().DayNumber() - cur.lastDay(); n < 1 || n > 7 {
		return false
	}
	for i := range x.tags {
		if x.tags[i].has(cBegin | cLaunch) {
			return false // "the attack … began on 26 September": a fight begun
		}
		if x.tags[i].has(cWithdraw) && x.toks[i].Start < s.fightAt && x.whereBetween(s.text, i, s.fightAt) {
			// "The Ottomans withdrew upstream to the Wadi, where Aylmer
			// attacked them again on 13 January": a fight at the ground
			// fallen back to, not the one left.
			return false
		}
	}
	if x.newAttacker(cur, s) {
		return false
	}
	return len(s.places) == 0 || cur.place != nil && samePlace(bestPlace(s.places).text, cur.place.text)
}

// whereBetween reports a "where" after token i and before byte off of
// the sentence just read: the ground a clause names, on which what
// follows happened.
func (x *article) whereBetween(text string, i, off int) bool {
	for k := i + 1; k < len(x.toks) && x.toks[k].Start < off; k++ {
		if lowerIs(x.toks[k].Text(text), "where") {
			return true
		}
	}
	return false
}

// fightAfter reports a word of fighting, or of killing, wounding or
// capturing others, after byte off of the sentence just read.
func (x *article) fightAfter(off int) bool {
	for k := range x.tags {
		if x.toks[k].Start <= off {
			continue
		}
		if x.tags[k].has(cFight) {
			return true
		}
		// "wounded 16 more" is done to others; "2,800 wounded", after
		// its number, is a loss suffered.
		if x.tags[k].has(cActiveDeath|cActiveWounded|cActiveCaptured) && !(k > 0 && x.toks[k-1].Kind == textscan.Number) {
			return true
		}
	}
	return false
}

// joinedBefore reports an "and", "then", a comma or a semicolon between the
// last word of fighting or loss before byte off of the sentence just read
// and off: another action joined on, which a date at off may belong to.
func (x *article) joinedBefore(off int) bool {
	last := -1
	for k := range x.tags {
		if x.toks[k].Start >= off {
			break
		}
		if x.tags[k].has(cFight | cActiveDeath | cActiveWounded | cActiveCaptured | lossClasses) {
			last = k
		}
	}
	if last < 0 {
		return true
	}
	for k := last + 1; k < len(x.toks) && x.toks[k].Start < off; k++ {
		if w := x.toks[k].Text(x.sent.text); w == "," || w == ";" || lowerIs(w, "and") || lowerIs(w, "then") {
			return true
		}
	}
	return false
}

// fightDays returns how many days the sentence just read says its
// fighting lasted ("fought for two days", "a three-day battle", "the
// battle lasted five days"), negative when they ended at its date ("after
// a three-day battle"), or 0.
func (x *article) fightDays(s *sent) int {
	if s != &x.sent || !(s.fight || s.fightRef) {
		return 0
	}
	// The quantities are found once per sentence, and readLosses asks
	// for them after this anyway.
	for _, q := range x.quantities(s.text) {
		n, ok := daysOf(q)
		if !ok || n < 2 || n > 60 {
			continue
		}
		before, after := -1, -1
		for k, t := range x.toks {
			if t.End <= q.Span.Start {
				before = k
			}
			if after < 0 && t.Start >= q.Span.End {
				after = k
			}
		}
		switch {
		case q.Unit == "day" && after >= 0 && x.tags[after].has(cFight):
			for k := before; k >= 0 && k >= before-1; k-- {
				if lowerIs(x.toks[k].Text(s.text), "after") {
					return -n // "On 31 March, after a three-day battle, Hue fell": it ended then
				}
			}
			return n // "a three-day battle"
		case before >= 0 && (lowerIs(x.toks[before].Text(s.text), "for") || x.tags[before].has(cPersist)):
			return n // "fought for two days", "lasted five days"
		case before >= 1 && lowerIs(x.toks[before].Text(s.text), "after") && x.tookAt(s, before-1) && s.hasDate && s.dateAt < q.Span.Start &&
			(after < 0 || !lowerIs(x.toks[after].Text(s.text), "of")):
			// "attacked Gode on 23 July, which fell after two weeks": it
			// began on the date and ended that long after.
			return n + 1
		case before >= 0 && stretchBefore(x.toks, s.text, before) && after >= 0 && after+2 < len(x.toks) &&
			x.daysOfFighting(s.text, after) && (!s.hasDate || s.dateAt > q.Span.End && clauseBetween(s.text, q.Span.End, s.dateAt)) && !x.measuredFrom(s, after+2):
			// "After two days of fighting the Ottoman corps broke", "in
			// three days of fighting they broke through", of the clash
			// told before: it ran that many days from its start. A date
			// in a clause after it ("…, and the front was quiet until
			// late December") is another matter's.
			if lowerIs(x.toks[before].Text(s.text), "after") {
				// What came after two days of fighting (the break,
				// the entry into the town) came on the third, and
				// ended the clash.
				return n + 1
			}
			return n
		case before >= 0 && stretchPrep(x.toks[before].Text(s.text)) && s.hasDate && s.dateAt < q.Span.Start && after >= 0 && x.daysOfFighting(s.text, after):
			// "On 5 January the division attacked …, and in four days of
			// fighting lost a hundred tanks": the fight of the date, those
			// days long.
			return n
		case before >= 1 && lowerIs(x.toks[before].Text(s.text), "after") && after >= 0 && s.hasDate && s.dateAt < q.Span.Start && x.daysOfFighting(s.text, after) &&
			clauseBetween(s.text, s.dateAt, q.Span.Start) && x.tags[before-1].has(cRepel|cYield):
			// "On 24 March Négrier attacked the Bang Bo position; the
			// attack was repulsed after two days of fighting": begun on
			// the date, it ended those days on.
			return n
		case before >= 0 && lowerIs(x.toks[before].Text(s.text), "after") && after >= 0 && s.hasDate && s.dateAt < q.Span.Start && x.daysOfFighting(s.text, after) &&
			!clauseBetween(s.text, s.dateAt, q.Span.Start) && x.takenBetween(s, s.dateAt, before):
			// "On 28 November the Austro-Hungarians took the ridge after
			// three days of fighting": the taking the date tells ended
			// them ("attacked the fort after four days of shelling" began
			// on the date).
			return -n
		case before >= 0 && lowerIs(x.toks[before].Text(s.text), "after") && after >= 0 && s.hasDate && s.dateAt > q.Span.Start && x.daysOfFighting(s.text, after):
			// "After three days of hard fighting the French stormed the
			// town on 16 December": it ended on the date.
			return -n
		case before < 0 && after >= 0 && after+2 < len(x.toks) && lowerIs(x.toks[after+1].Text(s.text), "of") && s.hasDate && s.dateAt > q.Span.Start && x.fightThenPersist(after+2):
			// "Two weeks of hard fighting followed, and the last
			// counter-attack was thrown back on 16 October": the fighting
			// told before ran that long, to the date.
			return -n
		case before >= 0 && lowerIs(x.toks[before].Text(s.text), "after") && after >= 0 && after+2 < len(x.toks) &&
			lowerIs(x.toks[after+1].Text(s.text), "of") && x.tags[after+2].has(cFight) && s.hasDate:
			if s.dateAt > q.Span.Start {
				// "After twenty days of fighting the garrison surrendered
				// on 29 September": it ended on the date after the phrase.
				return -n
			}
			// "On 13 July … attacked Gode, which fell after eleven days
			// of fighting": it began on the date and ended eleven days on;
			// not "attacked the fort after four days of shelling", which
			// came before.
			if before >= 1 && x.endsFightAt(s, before-1) {
				return n + 1
			}
			if before >= 1 && (lowerIs(x.toks[before-1].Text(s.text), "and") || x.toks[before-1].Text(s.text) == ",") && x.givesUpAfter(after+2) {
				// "attacked him at Coatit on 13 January, and after two days
				// of fighting the Tigrayans broke off the action": the
				// fight of the date, those days long.
				return n
			}
		}
	}
	return 0
}

// countsBackTo reports days of fighting that s, the sentence just read,
// counts back from its date ("after two days of fighting … on 25 May")
// reaching the first day of d, give or take one, at no other place: the
// fighting counted is d's.
func (x *article) countsBackTo(d *draft, s *sent) bool {
	if !s.hasDate || s.another || d.start.Prec != annalist.PrecDay || s.start.Prec != annalist.PrecDay {
		return false
	}
	n := x.fightDays(s)
	switch {
	case n > 1 && !s.initialDate && x.daysBefore(s, n):
		// "For six days the infantry struggled forward, until the
		// assault was called off on 26 January": the days up to the date.
		n = -n
	case n >= -1:
		return false
	}
	gap := s.end.AddDays(n+1).DayNumber() - d.start.DayNumber()
	return gap >= -1 && gap <= 1 && (d.place == nil || len(s.places) == 0 || samePlace(bestPlace(s.places).text, d.place.text))
}

// daysBefore reports a stretch of n days told in s, the sentence just
// read, before its date.
func (x *article) daysBefore(s *sent, n int) bool {
	for _, q := range x.quantities(s.text) {
		if m, ok := daysOf(q); ok && m == n && q.Span.End <= s.dateAt {
			return true
		}
	}
	return false
}

// stretchBefore reports "after", or a preposition of a stretch of time,
// at token k or before a "the" there: "after two days of fighting", "in
// the two days of fighting".
func stretchBefore(toks []textscan.Token, text string, k int) bool {
	if k >= 1 && lowerIs(toks[k].Text(text), "the") {
		k--
	}
	w := toks[k].Text(text)
	return lowerIs(w, "after") || stretchPrep(w)
}

// givesUpAfter reports a side leaving the field or giving up within a
// few words after token k of the sentence just read: "the Tigrayans
// broke off the action", "the garrison surrendered".
func (x *article) givesUpAfter(k int) bool {
	for j := k + 1; j < len(x.toks) && j <= k+6; j++ {
		if x.tags[j].has(cWithdraw | cYield) {
			return true
		}
	}
	return false
}

// measuredFrom reports a fight word at token k measured from a time of
// its own ("four weeks of fighting since 8 August", "from the landing"):
// the length is of that stretch, not of the clash told before.
func (x *article) measuredFrom(s *sent, k int) bool {
	k += x.tags[k].length(cFight)
	return k < len(x.toks) && (lowerIs(x.toks[k].Text(s.text), "since") || lowerIs(x.toks[k].Text(s.text), "from"))
}

// fightThenPersist reports a word of fighting at token k or after one
// adjective, with a word of going on right after it: "hard fighting
// followed", "fighting ensued".
func (x *article) fightThenPersist(k int) bool {
	for f := k; f <= k+1 && f < len(x.tags); f++ {
		if x.tags[f].has(cFight) {
			p := f + x.tags[f].length(cFight)
			return p < len(x.tags) && x.tags[p].has(cPersist)
		}
	}
	return false
}

// maxReckonGap is how many days a date given outright may lie from a
// clash's reckoned one ("A week later") and still be that clash's.
const maxReckonGap = 3

// endsFightAt reports a word at token k of s that tells a fight's end
// for the side that gave it up: "fell", "was taken", "surrendered".
func (x *article) endsFightAt(s *sent, k int) bool {
	w := x.toks[k].Text(s.text)
	return lowerIs(w, "fell") || lowerIs(w, "taken") || lowerIs(w, "captured") || x.tags[k].has(cYield)
}

// takenBetween reports a word that ends a fight ("fell", "surrendered")
// or takes its ground or men ("took", "seized", "captured") in s from
// byte from to token k.
func (x *article) takenBetween(s *sent, from, k int) bool {
	for i := k - 1; i >= 0 && x.toks[i].Start >= from; i-- {
		if x.endsFightAt(s, i) || x.tags[i].has(cTaking|cActiveCaptured) {
			return true
		}
	}
	return false
}

// tookAt reports a word at token k of s that ends a fight (see
// endsFightAt), or a verb of taking with its object pronoun ending there:
// "attacked Karvo on 12 May and took it after two days".
func (x *article) tookAt(s *sent, k int) bool {
	if x.endsFightAt(s, k) {
		return true
	}
	w := x.toks[k].Text(s.text)
	return k >= 1 && (lowerIs(w, "it") || lowerIs(w, "them")) && x.tags[k-1].has(cTaking|cActiveCaptured)
}

// reachesBack reports that s, ending a fight on its date, says the fight
// lasted back to the start of d, give or take two days ("After twenty
// days of fighting the garrison surrendered on 29 September" after a
// siege laid on 9 September).
func (x *article) reachesBack(d *draft, s *sent) bool {
	n := x.fightDays(s)
	if n >= -1 || d.start.IsZero() || !s.hasDate {
		return false
	}
	gap := s.end.Last().DayNumber() + n + 1 - d.start.First().DayNumber()
	return gap >= -2 && gap <= 2
}

// endsSiege reports a dated sentence that ends the siege d told ("the
// garrison was finally relieved on 18 June", "the siege was lifted in
// October", "the garrison surrendered in November"), within a year of
// its start.
func (x *article) endsSiege(d *draft, s *sent) bool {
	if !d.siege || !(s.relief || s.yields && (!s.ceasefire || s.fell) || x.townYields(s) || s.persists && s.siegeWord) || !s.hasDate || d.start.IsZero() || s.another {
		return false
	}
	if s.end.Prec < annalist.PrecMonth && d.start.Prec >= annalist.PrecMonth && s.byEnd.IsZero() {
		return false // "in the spring" after a siege dated to its month: too coarse to end it
	}
	last := s.end.Last().DayNumber()
	if !s.byEnd.IsZero() {
		last = s.byEnd.Last().DayNumber()
	}
	return last > d.lastDay() && last-d.start.First().DayNumber() <= maxSiege
}

// reliefTold reports a word of relieving a siege in s, the sentence
// just read: one that ended it ("relieved") or a force sent to
// ("marched to relieve it", "the relief army").
func (x *article) reliefTold(s *sent) bool {
	if s.relief {
		return true
	}
	for _, t := range x.toks {
		if w := t.Text(s.text); lowerIs(w, "relieve") || lowerIs(w, "relieving") || lowerIs(w, "relief") {
			return true
		}
	}
	return false
}

// siegeElsewhere reports a siege read under section at another place than
// cur, the clash being told: a relief force beaten off away from the
// walls ("met it at Jevan Bulakh, a few kilometres from the walls").
//
// The siege is told in the paragraph that opened cur, or s names its
// place: a siege told a paragraph before a clash opened at another town
// ("The fortress of Kebri Dahar was invested on 20 May. … The Somalis then
// moved on Dhagahbur") is not the one the town's surrender ends.
func (x *article) siegeElsewhere(cur *draft, s *sent, section int) bool {
	sg := x.lastSiege(section)
	if sg == nil || sg == cur || sg.place == nil || cur.place == nil || samePlace(sg.place.text, cur.place.text) {
		return false
	}
	if sg.block == cur.block {
		return true
	}
	for _, p := range s.places {
		if samePlace(p.text, sg.place.text) {
			return true
		}
	}
	return false
}

// lastSiege returns the last siege read under section, or nil. A
// section's clashes are the last read, so the look stops at the first
// clash of another.
func (x *article) lastSiege(section int) *draft {
	for i := len(x.events) - 1; i >= 0; i-- {
		d := x.events[i]
		if d.section != section {
			break
		}
		if d.siege {
			return d
		}
	}
	return nil
}

// elsewhereBy reports a sentence whose fighting is done by a party d
// does not hold, at a place of its own other than d's.
func (x *article) elsewhereBy(d *draft, s *sent) bool {
	if len(s.places) == 0 || d.place == nil || samePlace(bestPlace(s.places).text, d.place.text) {
		return false
	}
	// The party right before the fighting does it ("On the day the Ninjas
	// entered the capital, Cocoye fighters … overran Nkayi").
	subject := ""
	for _, m := range s.parties {
		if !m.location && m.tok < len(x.toks) && x.toks[m.tok].Start < s.fightAt {
			subject = m.canonical
		}
	}
	if subject == "" {
		return false
	}
	if a, ok := x.aliasOf[subject]; ok {
		subject = a
	}
	for _, p := range d.parties {
		if p.canonical == subject {
			return false
		}
	}
	return true
}

// otherGround reports s naming, as where it fights, a place other than
// d's, by a phrase that says where a fight was (a preposition of place,
// what the fighting struck): not a place mentioned in passing. In an
// article about one battle, a clash told with no place is fought at the
// battle's.
func (x *article) otherGround(d *draft, s *sent) bool {
	at := d.place
	if at == nil && x.battle != nil {
		at = x.battle.place
	}
	if len(s.places) == 0 || at == nil {
		return false
	}
	p := bestPlace(s.places)
	return p.weight >= minElsewhereWeight && !samePlace(placeName(p.text), placeName(at.text))
}

// fightToBe reports the first word of fighting of s, the sentence just
// read, after "to": "had the will to fight Zembria at Tesh", no
// fighting yet.
func (x *article) fightToBe(s *sent) bool {
	i := x.fightToken(s)
	return i > 0 && lowerIs(x.toks[i-1].Text(s.text), "to")
}

// toldOut reports that s dates days from the one day d was told on
// onward ("For four days, 4–7 February" after fighting that "began on 4
// February").
func toldOut(d *draft, s *sent) bool {
	return s.start.Prec == annalist.PrecDay && s.start == d.start && d.end == d.start && s.end.Last().DayNumber() > d.end.Last().DayNumber()
}

// maxSiege is how many days a siege may last: the longest of the modern
// era (Sevastopol, Humaitá, Port Arthur's second) ran a year or more.
const maxSiege = 2 * 366

// siegeBefore returns the siege told under the section of cur before it
// that s refers to by its noun ("The siege lasted until 5 August 1868"
// after a clash fought during it), or nil.
func (x *article) siegeBefore(cur *draft, s *sent) *draft {
	if cur == nil || cur.siege || !s.fightRef || !s.siegeWord || s.fightWord {
		return nil
	}
	return x.lastSiege(cur.section)
}

// refGoesOn reports a sentence dated on from the clash d told before
// and referring to it ("Ten days after the battle began, …"), later than
// its end and within maxPersist days of it.
func refGoesOn(d *draft, s *sent) bool {
	if !s.refDated || !s.hasDate || d.start.IsZero() {
		return false
	}
	last := s.end.Last().DayNumber()
	return last > d.lastDay() && last-d.lastDay() <= maxPersist
}

// withdrawEnds reports s, dated in the clause of its withdraw word to the
// day after the clash d of days at the latest, telling a side leaving the
// field: the clash's end.
func withdrawEnds(d *draft, s *sent) bool {
	if !s.hasDate || s.withdrawAt < 0 || s.ceasefire || d.end.Prec != annalist.PrecDay || s.start.Prec != annalist.PrecDay || len(s.dateSpans) != 1 || clauseBetween(s.text, s.withdrawAt, s.dateAt) {
		// "withdrew in the night, and on 5 May the governor rode in",
		// "ordered a retreat that evening, which the king approved the
		// next day": not its day.
		return false
	}
	last := s.end.Last().DayNumber()
	return last-s.start.First().DayNumber() <= 1 && last > d.lastDay() && last-d.lastDay() <= maxWithdrawGap
}

// endedOn reports s telling, with a date, that the clash d ended then
// ("the battle ended on 24 January", "the fighting there ended on 10
// June"), later than d's last day and at most maxPersist days after its
// first.
func endedOn(d *draft, s *sent) bool {
	if !s.hasDate || !s.ended || s.fightWord || d.start.IsZero() {
		return false
	}
	last := s.end.Last().DayNumber()
	return last > d.lastDay() && last-d.start.First().DayNumber() <= maxPersist
}

// maxWithdrawGap is how many days after a clash's last a side's leaving
// the field still ends it: the night after or the next morning. A retreat
// told days later is a march of its own ("over the following days the army
// fell back on Kamen").
const maxWithdrawGap = 1

// maxPersist is how many days past a clash's end "the fighting lasted
// until" may carry it: further on, the date is the war's, not this
// clash's ("the fighting lasted until the armistice of 1953").
const maxPersist = 92

// maxTellOut is the most days after the narrative's day that a clash
// opened on it runs to the first day its sentences give (see
// draft.narrative).
const maxTellOut = 7

// foughtBeforeYield reports a word of fighting in s, the sentence just
// read, before its word of yielding: the sentence tells a fight and then
// its end, not only a garrison giving up.
func (x *article) foughtBeforeYield(s *sent) bool {
	return s == &x.sent && s.fightWord && s.yieldAt >= 0 && s.yieldAt < len(x.toks) && s.fightAt < x.toks[s.yieldAt].Start
}

// lastDate is the last date s tells: its end, or its start when it tells
// one date.
func (s *sent) lastDate() annalist.Date {
	if s.end.IsZero() {
		return s.start
	}
	return s.end
}

// coarserHolding reports a date of s coarser than d's end that holds
// that end's day: "The fighting went on after the March battle" of a
// clash of 17 March says nothing of a day after it.
func coarserHolding(d *draft, s *sent) bool {
	se := s.lastDate()
	return !d.end.IsZero() && s.start.Prec < d.end.Prec && s.start.First().DayNumber() <= d.end.First().DayNumber() && se.Last().DayNumber() >= d.end.Last().DayNumber()
}

// goesOn reports a date of s within a week of the end of d: "the
// fighting continued" then is the same fight; weeks later ("the fighting
// resumed in June") it is another.
func goesOn(d *draft, s *sent) bool {
	if s.start.Prec < annalist.PrecMonth && d.end.Prec >= annalist.PrecMonth {
		return false // a year ("in the spring") says nothing of the week after a month
	}
	return !d.end.IsZero() && s.start.First().DayNumber()-d.end.Last().DayNumber() <= 7
}

// daysOf returns the days an exact length in days or weeks counts ("nine
// days", "two weeks"); ok is false for any other quantity.
func daysOf(q quantity.Quantity) (int, bool) {
	if q.Count.Low == nil || q.Count.High == nil || *q.Count.Low != *q.Count.High {
		return 0, false
	}
	n := *q.Count.Low
	switch q.Unit {
	case "day", "days":
		return n, true
	case "week", "weeks":
		return n * 7, true // "fell after two weeks"
	}
	return 0, false
}

// heldOutTo reports a side giving up on a date as long after the clash
// began as the sentence says it held out: "The garrison of Vel held out
// for nine days before surrendering on 12 March" after an attack of 3
// March. The clash goes on to the surrender, though it is more than a
// week on.
func (x *article) heldOutTo(d *draft, s *sent) bool {
	if d.start.IsZero() || s != &x.sent {
		return false
	}
	gap := s.start.First().DayNumber() - d.start.First().DayNumber()
	for _, q := range x.quantities(s.text) {
		if n, ok := daysOf(q); ok && n > 1 && n <= maxPersist && gap >= 0 && gap <= n+1 {
			return true
		}
	}
	return false
}

// dayClash reports whether cur is a clash of one day, told with fighting
// already: a later time of that day that opens with fighting of its own
// tells another clash of the day.
func (x *article) dayClash(cur *draft, s *sent) bool {
	return cur.fightSeen && cur.start.Prec == annalist.PrecDay && s.start.Prec == annalist.PrecDay &&
		s.start.DayNumber() == cur.start.DayNumber()
}

// parallelClash reports whether s, opening with a word of the same time
// ("Meanwhile", "At the same time") and telling fighting but no date of
// its own, names a place other than cur's (or cur has none): a clash
// elsewhere at the same time, not more of cur's.
func (x *article) parallelClash(cur *draft, s *sent) bool {
	// A place put first moves the telling only from a clash told at a
	// place of its own: after "the Austrians attacked the Danish
	// outposts", "At Ober-Selk, Austrian infantry drove the Danes back"
	// says where that fight was.
	if !(s.parallel || (s.fronted || x.alsoFought(s)) && cur.place != nil) || !s.fightWord || s.hasDate || len(s.places) == 0 {
		return false
	}
	// A clash told with no place of its own ("the townsmen rose against
	// their garrison") is not where the place named now is either.
	return cur.place == nil || bestPlace(s.places).text != cur.place.text
}

// alsoFought reports "also" before the first word of fighting of s, the
// sentence just read: "Guns around Béni Ounif also shelled Figuig", "the
// depot at the port was also set on fire". Fighting told as one more
// action, at a place of its own, is a clash of its own.
func (x *article) alsoFought(s *sent) bool {
	for _, t := range x.toks {
		if t.Start >= s.fightAt {
			break
		}
		if lowerIs(t.Text(s.text), "also") {
			return true
		}
	}
	return false
}

// stretchGoesOn reports s, fighting over a stretch of at most a week
// that follows the day of cur, a clash of one paragraph ("Over the next
// two days Ostran gunboats shelled the Zembrian positions"), by the side
// that opened cur, named as its subject, and at no place of its own: the
// clash told goes on.
func (x *article) stretchGoesOn(cur *draft, s *sent) bool {
	if !s.following || cur.block != s.bi || cur.start.Prec != annalist.PrecDay || s.start.Prec != annalist.PrecDay || !cur.fightSeen {
		return false
	}
	if n := s.start.First().DayNumber() - cur.lastDay(); n < 0 || n > 1 || s.end.Last().DayNumber()-s.start.First().DayNumber() > 6 {
		return false
	}
	if len(s.places) > 0 && (cur.place == nil || !samePlace(bestPlace(s.places).text, cur.place.text)) {
		return false
	}
	if len(cur.parties) == 0 || cur.parties[0].side < 0 {
		return false
	}
	// Its subject is a party of the side that opened cur: not "both
	// sides shelled each other", a stretch of its own.
	side, ok := x.subjectSide(s, x.ownFightTok(s))
	return ok && side == cur.parties[0].side
}

// newAttacker reports whether s, opening with a date of its own, names as
// the subject of its fighting a party of the other side than the one cur
// was opened by: the other side's own action, a clash of its own.
func (x *article) newAttacker(cur *draft, s *sent) bool {
	if len(cur.parties) == 0 || cur.parties[0].side < 0 {
		return false
	}
	first := x.ownFightTok(s)
	if first < 0 {
		return false // losses told with no fighting name no attacker
	}
	side, ok := x.subjectSide(s, first)
	return ok && side != cur.parties[0].side
}

// ownFightTok returns the token of the first word of s's own fighting,
// not one that refers to fighting told before ("the same day the raids
// ended, a patrol ambushed …"), or -1.
func (x *article) ownFightTok(s *sent) int {
	for i := range x.tags {
		if x.tags[i].has(cFight) && (!s.fightWord || x.toks[i].Start >= s.fightAt) {
			return i
		}
	}
	return -1
}

// subjectSide returns the side of the first party s names, as a party
// and not a place, before token first, its fighting: who fought. ok is
// false when that party is after it (the fighting's object) or of no
// side.
func (x *article) subjectSide(s *sent, first int) (side int, ok bool) {
	for _, m := range s.parties {
		if m.location {
			continue
		}
		if m.tok > first {
			return -1, false
		}
		return x.mentionSide(m)
	}
	return -1, false
}

// lastDay returns the day number of the last day of d's dates: its end,
// or its start when it has no end.
func (d *draft) lastDay() int {
	if d.end.IsZero() {
		return d.start.Last().DayNumber()
	}
	return d.end.Last().DayNumber()
}

// inPart reports whether s's days lie in the part of the month d was
// dated by ("in mid-August"), or d was dated by no such part: "A first
// counter-attack in mid-August was beaten off" is no clash of the 28th.
func inPart(d *draft, s *sent) bool {
	if d.part[0].IsZero() {
		return true
	}
	se := s.lastDate()
	return s.start.First().DayNumber() >= d.part[0].First().DayNumber() && se.Last().DayNumber() <= d.part[1].Last().DayNumber()
}

// tellsOwn reports whether s, a sentence of the lead, tells the fight b
// the article is about: a fight dated within b's days or named as b ("The
// Battle of Kosovo (Serbian: …) took place on …", though the reader took
// no name from it), or a sentence that dates itself to b's days ("It took
// place on 24–26 May 1904 across a defensive line"): the lead of an
// article on one battle tells that battle.
func (x *article) tellsOwn(b *draft, s *sent) bool {
	if s.hasDate && within(b, s) && (s.fight || s.fightRef || s.start.Prec >= annalist.PrecDay) {
		return true
	}
	return (s.fight || s.fightRef) && b.name != "" && (s.name == b.name || strings.Contains(s.text, b.name))
}

// within reports whether s's date lies inside cur's.
func within(cur *draft, s *sent) bool {
	if cur.start.IsZero() {
		return false
	}
	se := s.lastDate()
	return s.start.First().DayNumber() >= cur.start.First().DayNumber() &&
		se.Last().DayNumber() <= cur.lastDay()
}

// splitDays makes d, the clash s opened, one clash per day of the list s
// dates its fighting with ("clashes occurred on 15 March and 29 July"),
// and returns the last: the sentences after s go on with it ("In the
// second of these, …"). The losses s tells stay with the first.
func (x *article) splitDays(d *draft, s *sent) *draft {
	if s.nDays < 2 || d.battle || len(x.events) == 0 || x.events[len(x.events)-1] != d {
		return d
	}
	d.start, d.end = s.days[0], s.days[0]
	for i := 1; i < s.nDays; i++ {
		n := x.newDraft()
		n.section, n.block, n.ownDate, n.approx, n.fightSeen = d.section, d.block, true, d.approx, d.fightSeen
		n.start, n.end = s.days[i], s.days[i]
		n.attackerRole = d.attackerRole
		n.parties = append(n.parties, d.parties...)
		n.people = append(n.people, d.people...)
		if d.place != nil {
			p := *d.place
			n.place = &p
		}
		n.ev.Evidence = append(n.ev.Evidence, d.ev.Evidence...)
		n.ev.DateSpans = append(n.ev.DateSpans, d.ev.DateSpans...)
		x.events = append(x.events, n)
		d = n
	}
	return d
}

func (x *article) open(s *sent, anchor timex.Anchor, section int) *draft {
	d := x.newDraft()
	d.section, d.block = section, s.bi
	d.elsewhere = s.parallel || s.fronted
	if s.hasDate {
		d.start, d.end, d.ownDate, d.approx = s.start, s.end, true, s.uncertain
		d.reckoned = s.relative
		d.season, d.part = s.season, s.part
	} else {
		d.start, d.end = contextDate(anchor)
	}
	if s == &x.sent {
		d.attackerRole = x.attackerRole()
		d.claimed = x.claimedFight(s)
	}
	for i := range x.named {
		d.named[i] = append(d.named[i][:0], x.named[i]...)
		d.sectionNamed[i] = x.sectionNamed[i]
	}
	x.events = append(x.events, d)
	x.add(d, s)
	return d
}

// notePeople remembers the noun of people a party is written with
// ("Guyanese police", "Zembrian rangers"), for a later number of them
// told without the party ("Four policemen were killed").
func (x *article) notePeople(d *draft, s *sent, m mention) {
	side, ok := x.sideOf[m.canonical]
	k := m.tok + m.ntok
	if !ok || k >= len(x.tags) || !x.tags[k].has(cPerson) {
		return
	}
	stem := peopleStem(x.toks[k].Text(s.text))
	for i := range d.people {
		if d.people[i].stem == stem {
			if d.people[i].side != side {
				d.people[i].side = -1 // both sides': it says nothing
			}
			return
		}
	}
	d.people = append(d.people, peopleNoun{stem, side})
}

// peopleStem is what "police" and "policemen", "ranger" and "rangers"
// share: a word's first five letters, lower-cased, or the word without a
// plural s.
func peopleStem(w string) string {
	w = strings.ToLower(w)
	if len(w) >= 5 {
		return w[:5]
	}
	return strings.TrimSuffix(w, "s")
}

// openingAttacker returns the side that attacked in s, the sentence just
// read, as the grammar around its verbs of fighting tells, at the first
// verb with a party of a side beside it: the party just before it (its
// subject: "Algerian troops attacked"); in the passive, the party after
// "by" ("was attacked by Soviet troops"), else the other side of the
// subject ("the post was attacked"); with no subject, the other side of
// the party just after it ("horsemen raided two Ostran villages"). -1
// when no verb has one.
func (x *article) openingAttacker(d *draft, s *sent) int {
	const reach = 3 // tokens between a verb and the party it governs
	if len(s.parties) == 0 && len(d.parties) == 0 && x.prevSide < 0 && x.prevAttacker < 0 {
		return -1
	}
	for verb := range x.toks {
		if !x.fightVerb(s.text, verb) {
			continue
		}
		// "The garrison held out at Monte Arruit": its subject was
		// attacked, as a passive's is.
		passive := x.tags[verb].has(cHoldout)
		for k := verb - 1; k >= 0 && k >= verb-2 && !passive; k-- {
			if passiveAux(x.toks[k].Text(s.text)) {
				passive = true
				break
			}
		}
		by := -1
		for k := verb + 1; k < len(x.toks) && k <= verb+reach; k++ {
			if lowerIs(x.toks[k].Text(s.text), "by") {
				by = k
				break
			}
		}
		if fallsTo(s.text, x.toks, verb) {
			// "Madrid fell to the Nationalists": they took it.
			passive, by = true, verb+1
		}
		subject, agent, object := -1, -1, -1
		end := -1 // the clause's end, found once when needed
		ends := func() int {
			if end < 0 {
				end = x.clauseEnd(s.text, verb)
			}
			return end
		}
		for _, m := range s.parties {
			if m.location {
				continue
			}
			side, ok := x.mentionSide(m)
			if !ok {
				continue
			}
			switch {
			case m.tok < verb && x.objectBeforeAnd(s.text, m.tok, m.tok+m.ntok, verb):
				// "troops crossed the frontier of Ostra and attacked the
				// posts": the object of the verb before, not the subject.
			case m.tok < verb && (m.tok+m.ntok >= verb-reach || x.subjectPhrase(s.text, m.tok+m.ntok, verb)):
				subject = side
			case by >= 0 && m.tok > by && m.tok <= by+reach && agent < 0:
				agent = side
			case m.tok > verb && object < 0 && m.tok < ends():
				object = side
			}
		}
		switch {
		case passive && agent >= 0:
			return agent
		case passive && subject >= 0:
			return opposite(subject)
		case subject >= 0:
			return subject
		case object >= 0 && !passive:
			return opposite(object)
		case !passive && verb >= 1 && subjectPronoun(x.toks[verb-1].Text(s.text)) && len(d.parties) > 0 && d.parties[0].side >= 0:
			// "The Zembrian army crossed the river. It attacked the
			// camp": the pronoun is the party the clash named before,
			return d.parties[0].side
		case !passive && verb >= 1 && subjectPronoun(x.toks[verb-1].Text(s.text)) && len(d.parties) == 0 && x.prevSide >= 0:
			// or the sentence before named, when that opened no clash.
			return x.prevSide
		case passive && agent < 0 && len(s.parties) == 0 && len(d.parties) == 0 && x.prevAttacker >= 0:
			// "Ten days later the infantry attacked, and on 13 February
			// the line was broken": by the side that attacked just before.
			return x.prevAttacker
		case !passive && verb >= 2 && len(s.parties) == 0 && len(d.parties) == 0 && (x.prevSide >= 0 || x.prevAttacker >= 0) &&
			lowerIs(x.toks[verb-2].Text(s.text), "the") && x.tags[verb-1].has(cUnit|cRegular) && !x.tags[verb-1].has(cEnemy|cDefender):
			// "On 1 February the Soviets opened a bombardment. Ten days
			// later the infantry attacked": the force of the side the
			// sentence before named, or that attacked in it; not "the
			// enemy", the other side.
			if x.prevSide >= 0 {
				return x.prevSide
			}
			return x.prevAttacker
		case !passive && verb >= 2 && len(s.parties) == 0 && len(d.parties) == 0 && (x.prevSide >= 0 || x.prevAttacker >= 0) &&
			lowerIs(x.toks[verb-2].Text(s.text), "the") && x.tags[verb-1].has(cEnemy):
			// "On 4 May the enemy attacked": the other side than the one
			// the narrative followed.
			if x.prevSide >= 0 {
				return opposite(x.prevSide)
			}
			return opposite(x.prevAttacker)
		}
	}
	return -1
}

// subjectPhrase reports that the words from token from to the verb at
// token verb finish a subject's noun phrase: lower-case words and
// prepositions only, no comma, number or party ("The last Spanish troops
// in the east held out").
func (x *article) subjectPhrase(text string, from, verb int) bool {
	if verb-from > 6 {
		return false
	}
	for k := from; k < verb; k++ {
		if x.toks[k].Kind != textscan.Word || x.toks[k].Upper || x.isMention(k) || x.tags[k].has(cFight) {
			return false
		}
	}
	return true
}

// mentionSide returns the conflict side of the party m names, through
// the belligerent a state's name stands for.
func (x *article) mentionSide(m mention) (int, bool) {
	canon := m.canonical
	if a, ok := x.aliasOf[canon]; ok {
		canon = a
	}
	side, ok := x.sideOf[canon]
	return side, ok
}

// firstSide returns the side of the first party s names, or -1.
func (x *article) firstSide(s *sent) int {
	for _, m := range s.parties {
		if m.location {
			continue
		}
		if side, ok := x.mentionSide(m); ok {
			return side
		}
		return -1
	}
	return -1
}

// subjectPronoun reports a pronoun that stands for a party as a verb's
// subject.
func subjectPronoun(w string) bool {
	return lowerIs(w, "it") || lowerIs(w, "they")
}

// clauseEnd returns where the object of the verb of fighting at token
// verb of the sentence just read, text, ends: at a comma, semicolon or
// colon, another verb of fighting, or "with" or "under", after which a
// party goes with the subject ("raided two villages held by the Ostrans",
// not "the first clash took place on 25 September, when Algerian troops
// attacked"; not "besieged the town with the main Persian army").
func (x *article) clauseEnd(text string, verb int) int {
	for k := verb + 1; k < len(x.toks); k++ {
		t := x.toks[k]
		if t.Kind == textscan.Punct && strings.ContainsAny(text[t.Start:t.End], ",;:") || x.fightVerb(text, k) ||
			lowerIs(t.Text(text), "with") || lowerIs(t.Text(text), "under") {
			return k
		}
	}
	return len(x.toks)
}

// attackerRole reads, in the sentence just read, the part of the people
// before its first verb of fighting ("Militants in speedboats attacked"):
// +1 the state's forces, -1 an armed group's, 0 none named so.
func (x *article) attackerRole() int {
	for k := range x.tags {
		if x.fightVerb(x.sent.text, k) {
			return 0
		}
		switch {
		case x.isMention(k):
			return 0 // a party named: its side says who attacked
		case x.tags[k].has(cRegular):
			return 1
		case x.tags[k].has(cIrregular):
			return -1
		}
	}
	return 0
}

// claimedFight reports a word of saying or claiming before the first
// word of fighting of s, the sentence just read: the fighting is a
// party's account ("Lao radio claimed that Thai guns had fired 10,000
// shells since December"), not the narrative's.
func (x *article) claimedFight(s *sent) bool {
	for k := range x.tags {
		if x.tags[k].has(cFight) {
			return false
		}
		if x.tags[k].has(cReport | cAttribution) {
			return true
		}
	}
	return false
}

// prependEvidence puts s, a sentence told before the one that opened d,
// first in d's evidence, reading nothing else of it.
func (x *article) prependEvidence(d *draft, s *sent) {
	d.ev.Evidence = slices.Insert(d.ev.Evidence, 0, x.evidenceOf(s))
}

// sentenceStart reports whether a sentence of sents starts at byte off:
// a clause that starts none goes on with a sentence before it.
func sentenceStart(sents []annalist.Span, off int) bool {
	for _, sp := range sents {
		if sp.Start == off {
			return true
		}
	}
	return false
}

// appendEvidence adds sentence s to d's evidence alone: a sentence that
// tells the clash's setting, read for nothing else.
func (x *article) appendEvidence(d *draft, s *sent) {
	d.ev.Evidence = append(d.ev.Evidence, x.evidenceOf(s))
}

// evidenceOf is sentence s as evidence: where it stands in the source,
// and its text.
func (x *article) evidenceOf(s *sent) annalist.Evidence {
	src := s.blk.SourceSpan(s.span)
	return annalist.Evidence{Section: x.sectionName(s.blk.Section), Start: src.Start, End: src.End, Text: x.sourceText(s, src)}
}

// add makes s part of the clash d.
func (x *article) add(d *draft, s *sent) {
	if d.ev.Evidence == nil {
		// Most clashes are told in a few sentences: one allocation for
		// them rather than growing from one.
		d.ev.Evidence = make([]annalist.Evidence, 0, 4)
	}
	d.ev.Evidence = append(d.ev.Evidence, x.evidenceOf(s))
	// The sentence that opens a clash with its own date dates it.
	dated := s.hasDate && d.ownDate && len(d.ev.Evidence) == 1
	switch {
	case s.hasDate && !d.ownDate && d.narrative && d.start.Prec == annalist.PrecDay && s.start.Prec == annalist.PrecDay &&
		s.start.DayNumber() > d.start.DayNumber() && s.end.Last().DayNumber()-d.start.DayNumber() <= maxTellOut:
		// "On the western front, the 13th Army attacked Lào Cai. …
		// only on the evening of 19 February was the town in Chinese
		// hands": the clash ran from the narrative's day to then.
		d.end, d.ownDate, d.approx = s.end, true, s.uncertain
		dated = true
	case s.hasDate && !d.ownDate && s == &x.sent && (s.fight && !s.fightWord || !s.fight && s.lossWord) && !s.initialDate && !x.fightAfter(s.dateAt):
		// "One Zembrian was taken prisoner; his body was returned in
		// April": a loss told of the clash, its date another matter's
		// (see opensAnother). The clash keeps the narrative's day as its
		// own, which a later day of fighting does not extend.
		d.ownDate = true
	case s.hasDate && !d.ownDate:
		d.start, d.end, d.ownDate, d.approx = s.start, s.end, true, s.uncertain
		d.reckoned = s.relative
		dated = true
	case s.hasDate && !s.relative && d.reckoned && (s.persists || s.fightRef) && !d.start.IsZero() &&
		max(s.start.First().DayNumber()-d.start.First().DayNumber(), d.start.First().DayNumber()-s.start.First().DayNumber()) <= maxReckonGap:
		// "A week later the two armies met again. The battle lasted from
		// 28 October to 2 November": the dates given outright.
		d.start, d.end, d.reckoned = s.start, s.end, false
		dated = true
	case s.hasDate && s.ceasefire && !s.fight && d.phased:
		// A battle told in phases runs until the cease-fire that ends it
		// takes effect; a single engagement ends with its fighting, and a
		// later truce ends the conflict, not the fight.
		if s.end.Last().DayNumber() > d.end.Last().DayNumber() {
			d.end = s.end
			dated = true
		}
	case refGoesOn(d, s):
		// "Ten days after the battle began, …": the battle ran until then.
		d.end = s.end
		dated = true
	case withdrawEnds(d, s):
		// "By the morning of 9 May the Ostrans had withdrawn": the clash
		// ran until its side left the field.
		d.end = s.end
		dated = true
	case endedOn(d, s):
		// "The struggle for the passes went on for two months before the
		// fighting there ended on 10 June": its end, told outright.
		d.end = s.end
		dated = true
	case x.endsSiege(d, s):
		// "The garrison was finally relieved on 18 June": the siege ran
		// until then.
		d.end = s.end
		dated = true
	case s.hasDate && s.following && (!d.fightSeen || !s.fightWord || s == &x.sent && x.stretchGoesOn(d, s)) && !d.start.IsZero() && s.end.Last().DayNumber() > d.end.Last().DayNumber():
		// The stretch after an announced operation, or the losses of the
		// days after the fighting (see opensAnother).
		d.end = s.end
		dated = true
	case s.hasDate && s.fight && toldOut(d, s):
		// "Fighting broke out on 4 February. From 4 to 7 February the
		// guns shelled …": the day's fighting, told out to its end (see
		// opensAnother).
		d.end = s.end
		dated = true
	case s.hasDate && s.end.Last().DayNumber() > d.lastDay() && s == &x.sent && x.carriesOn(d, s):
		// "… pressed on, and on 30 August they surrounded the main body":
		// the clash told on to that day (see opensAnother).
		d.end = s.end
		dated = true
	case s.hasDate && s.end.Last().DayNumber() > d.end.Last().DayNumber() && x.countsBackTo(d, s):
		// "After two days of fighting its troops entered the town … on
		// 25 May": the clash ran until then (see opensAnother).
		d.end = s.end
		dated = true
	case s.hasDate && (s.persists || s.yields) && !s.ceasefire && !d.start.IsZero() && s.end.Last().DayNumber() > d.end.Last().DayNumber() && !coarserHolding(d, s) && (goesOn(d, s) || x.reachesBack(d, s) || s.yields && x.heldOutTo(d, s)):
		// "The fighting continued the following day": the clash runs on;
		// "the garrison surrendered on 17 December": it ran until then.
		d.end = s.end
		dated = true
	case s.hasDate && (s.yieldAt >= 0 || s.relief) && d.siege && d.start.Prec < annalist.PrecDay && s.start.Prec == annalist.PrecDay && within(d, s):
		// "In the first days of June the army laid siege to Neuhausen …
		// surrendered only on 30 June": the siege's last day, not its day.
		d.end = s.end
		dated = true
	case s.hasDate && s.fight && d.start.Prec < annalist.PrecDay && s.start.Prec == annalist.PrecDay && within(d, s) && (d.begun && d.siege || inPart(d, s)) && len(d.ev.Evidence) > 1 && !(s == &x.sent && x.claimedFight(s)):
		if d.begun && d.siege {
			// "Whish opened the siege in early September. On 12 September
			// his troops attacked …": a day inside a siege told by its
			// month is a day of it, which it runs to.
			d.end = s.end
		} else {
			// "In February 1936 … On February 12, …": the day narrows the
			// month.
			d.start, d.end = s.start, s.end
		}
		dated = true
	}
	if n := x.fightDays(s); (n > 1 || n < -1) && d.start.Prec == annalist.PrecDay && d.end == d.start {
		// "fought for two days", "a three-day battle", "the battle lasted
		// five days": the clash of one dated day runs that many; "after a
		// three-day battle" it ends on the day the sentence names, and
		// from the day the clash began when it names none ("On 2 April …
		// counter-attacked. After a four-day battle the centre broke").
		switch {
		case n > 0:
			d.end = d.start.AddDays(n - 1)
		case s.hasDate:
			d.start = d.end.AddDays(n + 1)
		default:
			d.end = d.start.AddDays(-n - 1)
		}
	}
	if dated {
		// Where the dates stand, so that a reader sees what the date was
		// read from (the explorer highlights them).
		d.ev.DateSpans = append(d.ev.DateSpans, s.dateSpans...)
	}
	if !s.byEnd.IsZero() && s.byEnd.Last().DayNumber() >= d.start.First().DayNumber() {
		switch {
		case len(d.ev.Evidence) == 1:
			d.end = s.byEnd
		case (s.withdrawAt >= 0 || s.yields) && !s.fightWord && s.byEnd.Prec == annalist.PrecDay && d.end.Prec == annalist.PrecDay &&
			s.byEnd.Last().DayNumber() > d.lastDay() && s.byEnd.Last().DayNumber()-d.lastDay() <= maxWithdrawGap:
			// "By dawn on 9 May the attackers had withdrawn": the clash
			// ran until a side left it.
			d.end = s.byEnd
		case (s.persists || (s.fight || x.heldBy(s)) && s.byEnd.Prec == annalist.PrecDay && d.end.Prec == annalist.PrecDay) && !d.end.IsZero() && s.byEnd.Last().DayNumber() > d.end.Last().DayNumber() &&
			(s.byEnd.Last().DayNumber()-d.end.Last().DayNumber() <= maxPersist || d.siege && s.siegeWord && s.byEnd.Last().DayNumber()-d.start.First().DayNumber() <= maxSiege):
			// "The battle lasted until 15 July", "by 18 October they had
			// pushed the enemy back beyond the wells": the clash ran on to
			// then.
			d.end = s.byEnd
		}
	}
	// The first sentence with a word of fighting says who fought; later
	// ones may tell third states' reactions.
	opening := s.fightWord && !d.fightSeen
	if opening && s == &x.sent {
		d.strangerTarget = s.strangerTarget
	}
	if opening && s == &x.sent && d.opener == 0 {
		d.opener = x.openingAttacker(d, s) + 1
	}
	d.fightSeen = d.fightSeen || s.fightWord
	d.siege = d.siege || s.siegeWord && (s.fight || s.fightRef)
	d.begun = d.begun || len(d.ev.Evidence) == 1 && s.begun
	for _, m := range s.parties {
		if m.people && opening {
			d.peopleNamed = true
		}
		if m.location || m.people {
			continue
		}
		if a, ok := x.aliasOf[m.canonical]; ok {
			m.canonical = a
		}
		seen := false
		for i := range d.parties {
			if d.parties[i].canonical == m.canonical {
				seen = true
				d.parties[i].fought = d.parties[i].fought || opening
				break
			}
		}
		if !seen {
			side := -1
			if v, ok := x.sideOf[m.canonical]; ok {
				side = v
			}
			ally := ""
			if s == &x.sent {
				// The ally under the name the conflict gives it, as its
				// party was put in d ("Bulgaria" is "Kingdom of Bulgaria").
				ally = x.belligerent(x.allyOf(s, m))
			}
			if d.parties == nil {
				d.parties = make([]party, 0, 4)
			}
			d.parties = append(d.parties, party{canonical: m.canonical, side: side, ally: ally, fought: opening})
		}
		if s == &x.sent {
			x.notePeople(d, s, m)
		}
	}
	if d.name == "" && s.name != "" {
		d.name, d.nameSpan = s.name, s.nameSpan
		x.names[s.name] = true
	}
	if d.name == "" && s.lostName {
		if h := x.headingName(s.blk.Section); h != "" {
			d.name = h
			x.names[h] = true
		}
	}
	// A place is the fight's when a sentence that tells fighting, or the
	// one that opened the clash, names it; a sentence about the protest
	// or talks that followed ("lodged a protest with the consul at X")
	// places nothing.
	if len(s.places) > 0 && (s.fight || s.fightRef || len(d.ev.Evidence) == 1) {
		best := bestPlace(s.places)
		if d.place == nil || best.weight > d.place.weight {
			d.place = &best
		}
	}
	if s.namePlace != "" && (d.place == nil || d.place.weight < 45) {
		src := s.blk.SourceSpan(s.nameSpan)
		d.place = &placeCand{text: s.namePlace, span: src, weight: 45}
	}
	if s == &x.sent {
		// Losses are read from the tokens of the sentence just read; a
		// pending sentence told no fighting.
		x.readLosses(d, s)
	}
}

// sourceText returns the source bytes at src, the span of sentence s:
// when the block copied them verbatim (plain text), the sentence's text is
// that string and need not be copied again.
func (x *article) sourceText(s *sent, src annalist.Span) string {
	if string(x.a.Raw[src.Start:src.End]) == s.text {
		return s.text
	}
	return string(x.a.Raw[src.Start:src.End])
}

func (x *article) sectionName(i int) string {
	if i < 0 || i >= len(x.a.Sections) {
		return ""
	}
	return x.a.Sections[i].Heading
}

// headingName returns the heading of section i when it names a clash
// ("Kanchazu Island incident", "Battle of X (1938)").
func (x *article) headingName(i int) string {
	if i < 0 || i >= len(x.a.Sections) {
		return ""
	}
	h := strings.TrimSpace(x.a.Sections[i].Heading)
	if k := strings.IndexByte(h, '('); k > 0 {
		h = strings.TrimSpace(h[:k])
	}
	toks := textscan.Scan(h, x.headToks[:0])
	tags := x.lex.annotate(h, toks, x.headTags)
	x.headToks, x.headTags = toks, tags
	if len(toks) < 2 || !toks[0].Upper {
		return ""
	}
	last := len(toks) - 1
	if tags[last].has(cNameHead) || (tags[0].has(cNameOf) && last >= 2 && strings.EqualFold(toks[1].Text(h), "of")) ||
		(tags[0].has(cNameOf) && toks[1].Upper && toks[1].Kind == textscan.Word) { // "Operation Sandstorm"
		return h
	}
	return ""
}

// splitClauses cuts a sentence that tells two dated moments into its
// clauses: "On 26 March aircraft bombed the gunboats, and the following
// day troops stormed the fort" is two clashes, each with its date. A cut
// falls before a time expression that opens a clause (after ", and" or
// ";"), when the clause before it holds a date of its own.
func (x *article) splitClauses(text string, spans []annalist.Span, exprs []timex.Expr) []annalist.Span {
	out := x.clauseBuf[:0]
	k := 0
	for _, sp := range spans {
		for k < len(exprs) && exprs[k].Span.Start < sp.Start {
			k++
		}
		from, dated := sp.Start, false
		for ; k < len(exprs) && exprs[k].Span.Start < sp.End; k++ {
			e := &exprs[k]
			if et := text[e.Span.Start:e.Span.End]; (e.Start.IsZero() && e.End.IsZero()) || e.Qualifier == "by" || e.Qualifier == "until" ||
				len(et) >= 3 && strings.EqualFold(et[:3], "by ") {
				continue // "and by nightfall …" bounds the clash, it does not open one
			}
			if cut := clauseStart(text, from, e.Span.Start); dated && cut > from && sp.End-e.Span.End > 20 {
				end := cut
				for end > from && (text[end-1] == ' ' || text[end-1] == ',') {
					end--
				}
				out = append(out, annalist.Span{Start: from, End: end})
				from = cut
			}
			dated = true
		}
		out = append(out, annalist.Span{Start: from, End: sp.End})
	}
	x.clauseBuf = out
	return out
}

// clauseStart returns where the clause that the expression at pos opens
// begins ("and" of ", and the next day", "but" of ", but on 16 July", or
// pos itself after ";"), or -1 when the expression does not open a
// clause.
func clauseStart(text string, from, pos int) int {
	i := pos
	for i > from && text[i-1] == ' ' {
		i--
	}
	if i > from && text[i-1] == ';' {
		return pos
	}
	// ", and the next day", "… failed on 29 June, but on 16 July a larger
	// force recaptured the fort", "…, while in November Mackenzie burned
	// the village": a joining word after a comma.
	for _, w := range [...]string{"and", "but", "while"} {
		k := i - len(w)
		if k <= from || text[k:i] != w || text[k-1] != ' ' {
			continue
		}
		j := k
		for j > from && text[j-1] == ' ' {
			j--
		}
		if j > from && text[j-1] == ',' {
			return k
		}
		return -1
	}
	return -1
}

// chunkBytes is how much of a block is scanned for tokens, time
// expressions and quantities at a time; maxSentence is the longest run of
// text read as one sentence. Real sentences are far shorter: past these,
// a "paragraph" is a stream of markup or a list without breaks, and
// reading it in pieces keeps memory bounded.
const (
	chunkBytes  = 64 << 10
	maxSentence = 8 << 10
)

// scanChunk finds the tokens and time expressions of text[start:end],
// with offsets into text, and resets the cursor that readSentence keeps
// into them. Quantities are found sentence by sentence, when asked for
// (article.quantities).
func (x *article) scanChunk(text string, start, end int, anchor timex.Anchor) []timex.Expr {
	chunk := text[start:end]
	x.blockToks = textscan.Scan(chunk, x.blockToks[:0])
	x.blockExprs = timex.AppendTokens(x.blockExprs[:0], chunk, x.blockToks, anchor)
	for i := range x.blockToks {
		x.blockToks[i].Start += start
		x.blockToks[i].End += start
	}
	for i := range x.blockExprs {
		x.blockExprs[i].Span.Start += start
		x.blockExprs[i].Span.End += start
	}
	x.exprAt = 0
	// A drift is of the chain of the chunk read before (see reanchor):
	// left over, it would re-read this chunk's expressions, and an
	// article's dates would hang on the article read before it.
	x.drifted = false
	return x.blockExprs
}

// reanchor reads the time expressions of the chunk scanned last
// (scanChunk) again from byte from of text to end, against anchor, and
// returns the chunk's expressions with those in their place. Its chain
// of relative dates had followed a date the reader passed over ("the
// colour was recovered ten days later"), which the narrative did not.
func (x *article) reanchor(text string, from, end int, anchor timex.Anchor) []timex.Expr {
	x.drifted = false
	k := x.exprAt
	for k < len(x.blockExprs) && x.blockExprs[k].Span.Start < from {
		k++
	}
	if k == len(x.blockExprs) {
		return x.blockExprs // no expression after it to read again
	}
	t := 0
	for t < len(x.blockToks) && x.blockToks[t].Start < from {
		t++
	}
	toks := append(x.reToks[:0], x.blockToks[t:]...)
	for i := range toks {
		toks[i].Start -= from
		toks[i].End -= from
	}
	if len(toks) > 0 {
		toks[0].Space = true
	}
	x.reToks = toks
	x.reExprs = timex.AppendTokens(x.reExprs[:0], text[from:end], toks, anchor)
	x.blockExprs = x.blockExprs[:k]
	for _, e := range x.reExprs {
		e.Span.Start += from
		e.Span.End += from
		x.blockExprs = append(x.blockExprs, e)
	}
	return x.blockExprs
}

// cutLong cuts sentences longer than maxSentence at a space near the
// limit (or at the limit, in text without spaces).
func (x *article) cutLong(text string, spans []annalist.Span) []annalist.Span {
	long := false
	for _, sp := range spans {
		long = long || sp.End-sp.Start > maxSentence
	}
	if !long {
		return spans
	}
	out := x.longBuf[:0]
	for _, sp := range spans {
		for sp.End-sp.Start > maxSentence {
			cut := sp.Start + maxSentence
			if k := strings.LastIndexByte(text[sp.Start+maxSentence/2:cut], ' '); k >= 0 {
				cut = sp.Start + maxSentence/2 + k
			}
			for cut > sp.Start && !utf8.RuneStart(text[cut]) {
				cut--
			}
			out = append(out, annalist.Span{Start: sp.Start, End: cut})
			sp.Start = cut
		}
		out = append(out, sp)
	}
	x.longBuf = out
	return out
}

// noteNamed records the belligerents s names among those the block has
// named (see draft.named).
func (x *article) noteNamed(s *sent) {
	for _, m := range s.parties {
		if m.location {
			continue
		}
		c := m.canonical
		if a, ok := x.aliasOf[c]; ok {
			c = a
		}
		side, ok := x.sideOf[c]
		if !ok || side < 0 || side > 1 {
			continue
		}
		if slices.Contains(x.sides[side], c) {
			if !slices.Contains(x.named[side], c) {
				x.named[side] = append(x.named[side], c)
			}
			if x.sectionNamed[side] != c && x.isState(m, c) {
				// A state: an armed group beside it ("Al-Shams" with
				// Pakistan) fought where the text says.
				x.sectionNamed[side] = c
			}
		}
	}
}

// isState reports whether the party m, called c, is a state: not an
// armed group or a company, and known to the table of states when the
// reader has one.
func (x *article) isState(m mention, c string) bool {
	if m.kind == actor.KindGroup || m.kind == actor.KindCompany {
		return false
	}
	if x.r.states == nil {
		return true
	}
	_, ok := x.r.states.Founded(c)
	return ok
}

// heldBy reports a sentence that tells a party's troops holding or
// taking ground: "By the morning of 4 July Indian troops held the
// summit".
func (x *article) heldBy(s *sent) bool {
	if s != &x.sent || !s.namesParty() {
		return false
	}
	for i := range x.tags {
		if x.tags[i].has(cTaking|cActiveCaptured) || lowerIs(x.toks[i].Text(s.text), "held") {
			return true
		}
	}
	return false
}

// daysOfFighting reports "of", a word or none, and a fight word from
// token k of the sentence just read: "(days) of hard fighting".
func (x *article) daysOfFighting(text string, k int) bool {
	if k < len(x.toks) {
		if w := x.toks[k].Text(text); lowerIs(w, "days") || lowerIs(w, "weeks") {
			k++ // the unit, when the quantity's span stops at its number
		}
	}
	if k+1 >= len(x.toks) || !lowerIs(x.toks[k].Text(text), "of") {
		return false
	}
	for j := k + 1; j < len(x.toks) && j <= k+2; j++ {
		if x.tags[j].has(cFight) {
			return true
		}
		if x.toks[j].Kind != textscan.Word {
			return false
		}
	}
	return false
}

// townYields reports a place or its garrison giving up in s, the
// sentence just read, though terms were agreed in it: "Gaucourt agreed to
// terms, and the town surrendered on 22 September".
func (x *article) townYields(s *sent) bool {
	if s != &x.sent || s.yieldAt < 0 {
		return false
	}
	for k := s.yieldAt - 1; k >= 0 && k >= s.yieldAt-3; k-- {
		if x.tags[k].has(cPlaceNoun | cDefender) {
			return true
		}
	}
	// "Marzana surrendered on 29 September": the garrison's commander,
	// by name, while a siege is told.
	k := s.yieldAt - 1
	return k >= 0 && x.toks[k].Upper && x.toks[k].Kind == textscan.Word && !x.isMention(k) && !x.inExpr(x.toks[k].Start)
}

// objectBeforeAnd reports a mention from token from to end, after a
// preposition ("of Ostra", "of the Ostrans"), with only "and" (or ", and")
// between it and the verb at token verb: the end of the clause before,
// whose verb the one at verb shares its subject with.
func (x *article) objectBeforeAnd(text string, from, end, verb int) bool {
	k := end
	if k < verb && x.toks[k].Kind == textscan.Punct && text[x.toks[k].Start] == ',' {
		k++
	}
	if k != verb-1 || !lowerIs(x.toks[k].Text(text), "and") {
		return false
	}
	p := from - 1
	if p >= 0 && lowerIs(x.toks[p].Text(text), "the") {
		p--
	}
	return p >= 0 && isPrepBefore(x.toks[p].Text(text))
}

// warBegan reports a sentence that opens by telling a war's outbreak:
// "The war began …", "War broke out …".
func (x *article) warBegan(s *sent) bool {
	toks, text := x.toks, s.text
	i := 0
	if i < len(toks) && lowerIs(toks[i].Text(text), "the") {
		i++
	}
	if i+1 >= len(toks) || !lowerIs(toks[i].Text(text), "war") {
		return false
	}
	w := toks[i+1].Text(text)
	return lowerIs(w, "began") || lowerIs(w, "started") || lowerIs(w, "broke") && i+2 < len(toks) && lowerIs(toks[i+2].Text(text), "out")
}
