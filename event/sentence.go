// Sentences: one pass that reads a sentence's words, date, parties,
// name and places before segmentation decides what it tells.

package event

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/timex"
)

// readSentence reads the sentence at sp of block b: its words, parties,
// date (advancing anchor), name and places.
func (x *article) readSentence(b *annalist.Block, bi int, sp annalist.Span, anchor *timex.Anchor, exprs []timex.Expr) *sent {
	text := b.Text[sp.Start:sp.End]
	// One sent is reused sentence to sentence (nothing keeps a pointer to
	// it), with the capacity of its slices.
	s := &x.sent
	*s = sent{blk: b, bi: bi, span: sp, text: text, parties: s.parties[:0], places: s.places[:0], dateSpans: s.dateSpans[:0], yieldAt: -1}
	// The block's expressions that lie in this sentence, with spans made
	// relative to it. They and the sentences are in text order, so a
	// cursor keeps a block's reading linear: rescanning the whole block
	// per sentence made a long paragraph quadratic.
	x.exprs = inSentence(x.exprs[:0], exprs, &x.exprAt, sp, func(e *timex.Expr) *annalist.Span { return &e.Span })
	x.qsRead, x.singlesRead = false, false
	x.tags = x.lex.annotate(text, x.toks, x.tags)
	x.ments = x.scan.ScanTokens(text, x.toks, x.ments[:0])
	x.indexMentions(text)
	toks, tags := x.toks, x.tags
	if x.noteLead {
		// The lead's parties, read as partiesNamed reads them, while its
		// sentences are at hand (see leadParty).
		if x.leadParties == nil {
			x.leadParties = map[string]bool{}
		}
		addPartiesNamed(x.leadParties, text, toks, tags, x.ments)
	}

	for i := range tags {
		if tags[i].has(cEncounter) && (meetsInBattle(text, toks, tags, i) || x.prevUnit && pronounObject(text, toks, i+tags[i].length(cEncounter)) && !(i > 0 && lowerIs(toks[i-1].Text(text), "to"))) || tags[i].has(cBreach) && breaksDefences(tags, i) {
			tags[i].class |= cFight
		}
	}
	ended := false // a fight word told ending ("the battle ended")
	fellTok := -1  // the first "fell" or "fallen" of a place taken
	for i := range tags {
		t := &tags[i]
		if t.has(cFight) && endsAfter(text, toks, i+t.length(cFight)) {
			if w := toks[i].Text(text); (lowerIs(w, "fighting") || lowerIs(w, "hostilities")) && !foughtHere(text, toks, i+t.length(cFight)) {
				// "under which fighting ceased": the war's fighting, ended
				// as a cease-fire ends it; not "the fighting there ended",
				// "the fighting for the town came to an end".
				s.ceasefire = true
			} else {
				// "on January 24 the battle ended in a draw": the clash
				// told ran until then, unless the sentence tells fighting
				// of its own ("the same day the raids ended, a patrol
				// ambushed a column").
				ended = true
			}
			continue
		}
		if t.has(cFight) && stoppedBefore(text, toks, i) && definiteBefore(text, toks, i) && !inCompound(tags, i) && nounEndsAt(text, toks, i+t.length(cFight)) && !lowerIs(toks[i].Text(text), "fighting") && !lowerIs(toks[i].Text(text), "hostilities") {
			// "on 24 August Nogi called off the attack", "the Ostrans
			// abandoned the siege on 9 May": the clash told ran until
			// then, as when "the attack ended".
			ended = true
			continue
		}
		if t.has(cFight) && !inCompound(tags, i) && !warAfter(text, toks, tags, i) && !investsIn(text, toks, i) && !x.counted(text, i) && !hyphenTail(toks, i) && !hyphenHead(toks, i+t.length(cFight)) && !nameOfAThing(toks, i, i+t.length(cFight)) && !x.fellOnADate(i, i+t.length(cFight)) && !x.figurative(i) && !negated(text, toks, tags, i) && !irrealis(text, toks, i) && !modalAfter(text, toks, i+t.length(cFight)) && !stoppedBefore(text, toks, i) && !x.byAThing(text, i, i+t.length(cFight)) && !fellToNoOne(text, toks, i) && !attributive(text, toks, tags, i) && !(toldBackOfAThing(text, toks, i) && !t.has(cHoldout)) && !x.toldBackOfPeople(text, i) && !accusedOf(text, toks, tags, i) && !ownTarget(text, toks, i+t.length(cFight)) {
			det := i - 1 // the determiner of a fight referred to
			if !definiteBefore(text, toks, i) {
				det = x.definitePartyBefore(text, i)
				if det < 0 {
					det = timeOfAFight(text, toks, i)
				}
			}
			if det >= 0 && !followsOn(text, toks, tags, i+t.length(cFight)) && !(det >= 1 && tags[det-1].has(cBegin|cLaunch)) && !phaseBegun(text, toks, tags, det) {
				// Not "Whish opened the siege in early September", "Ibrahim
				// began the siege": a clash begun, not one told before.
				// "in response to the clash": a clash told before.
				s.fightRef = true
				if det == i-1 && i >= 2 && lowerIs(toks[i-2].Text(text), "the") && timex.TimeNoun(toks[i-1].Text(text)) {
					s.timedRef = true // "the March fighting"
				}
				if k := i + t.length(cFight); persistsAfter(text, toks, tags, k) && (!s.fightWord || x.fightsToInfinitive(s)) {
					// "The fighting continued the following day", "the
					// assaults were renewed on the 29th", "Charles turned
					// to fight, and the battle continued the next day";
					// not "the army assaulted Sherpur; the assault lasted
					// until the 23rd", the sentence's own fighting going on.
					s.persists = true
				}
				if det < 1 || !isPrepBefore(toks[det-1].Text(text)) {
					// "and the fighting lasted nine hours"; not "the
					// withdrawal did not end the confrontation", "called
					// the fighting an act of aggression": a verb's object.
					s.fightSubject = det < 1 || subjectOpens(text, toks, det-1) || x.inExpr(toks[det-1].Start)
					s.begins = s.begins || beginsAfter(text, toks, tags, i+t.length(cFight))
				}
			} else {
				if !s.fightWord && (i >= 1 && tags[i-1].has(cBegin|cLaunch) || i >= 2 && tags[i-2].has(cBegin|cLaunch) || det >= 0 && phaseBegun(text, toks, tags, det)) {
					s.begun = true // "opened the siege", "began a siege"
				}
				if !s.fightWord {
					s.fightAt = toks[i].Start
					s.fightEnd = i + t.length(cFight)
					s.repels = repelsAt(text, toks, tags, i)
					if (persistsAfter(text, toks, tags, i+t.length(cFight)) && !indefiniteBefore(text, toks, i) || i > 0 && tags[i-1].has(cPersist)) && !pluralWord(toks[i+t.length(cFight)-1].Text(text)) || clashRoleBefore(text, toks, tags, i) {
						// "Heavy fighting continued the following day", "a
						// renewed assault the following morning": the
						// fighting told before went on. Plural clashes going
						// on ("artillery duels went on through August") are a
						// stretch of their own, and fighting going on after
						// an attack ("attacked South Africa; fighting
						// continued") the attack's; so is one a new noun
						// phrase brings in ("An artillery duel went on into
						// August").
						s.persists = true
					}
				}
				s.fight, s.fightWord = true, true
			}
		} else if t.has(cFight) && irrealis(text, toks, i) {
			s.meant = true // "was authorised to attack the fleet"
		}
		if t.has(cReport) {
			s.report = true
		}
		if t.has(cCeasefire) && !breachBefore(tags, i) {
			s.ceasefire = true
		}
		if t.has(lossClasses) {
			s.lossWord = true
		}
		if fellTok < 0 && i > 0 && x.fellAt(text, i) {
			fellTok = i // "Vel fell on 8 March": see placeFell
		}
		if t.has(cYield) && s.yieldAt < 0 {
			s.yieldAt = i
		}
		if t.has(cSiege) {
			s.siegeWord = true
		}
		if t.has(cUnit) {
			s.namesUnit = true
		}
		if t.has(cAttribution) {
			s.attributes = true
		}
		if t.has(cRelief) && !(i+1 < len(toks) && lowerIs(toks[i+1].Text(text), "of") && t.length(cRelief) == 1) {
			s.relief = true // not "relieved of command"
		}
		if t.has(cAnother) {
			s.another = true
		}
		if t.has(cParallel) && (i <= 1 || !s.fightWord && (lowerIs(toks[i].Text(text), "meanwhile") || lowerIs(toks[i].Text(text), "simultaneously")) || closesSentence(text, toks, i, i+t.length(cParallel))) {
			// "Two Egyptian divisions meanwhile advanced into Libya": an
			// adverb of the same time may stand after the subject; one of
			// other ground ("to the east") only opens the sentence.
			s.parallel = true
		}
		if t.has(cContinue) && i <= 2 {
			s.continues = true
		}
	}
	if ended && !s.fightWord {
		s.fightRef, s.persists, s.ended = true, true, true
	}
	if !s.fightWord {
		for i := range tags {
			if (tags[i].has(cMove) || lowerIs(toks[i].Text(text), "held")) && !x.inExpr(toks[i].Start) && x.movesAgainst(text, i) && !irrealis(text, toks, i) && !negated(text, toks, tags, i) {
				// "sent wave after wave of Skyhawks against the warships",
				// "advanced against the Ottoman lines": moved on the
				// enemy, an attack; "held the village against the leading
				// German units": stood against one.
				s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
				break
			}
			if w := toks[i].Text(text); tags[i].has(cUnit) && lowerIs(w, "resistance") && i+2 < len(toks) && (lowerIs(toks[i+1].Text(text), "was") || lowerIs(toks[i+1].Text(text), "were")) &&
				!(i > 0 && (lowerIs(toks[i-1].Text(text), "no") || lowerIs(toks[i-1].Text(text), "little") || lowerIs(toks[i-1].Text(text), "further") || lowerIs(toks[i-1].Text(text), "any"))) &&
				!lowerIs(toks[i+2].Text(text), "not") {
				// "Resistance was scattered", "Ostran resistance was
				// fierce": the resistance met, told as it was; not
				// "further resistance was hopeless".
				s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
				break
			}
			if tags[i].has(cTaking|cActiveCaptured) && x.takesEnemyGround(text, i) && !(i > 0 && lowerIs(toks[i-1].Text(text), "to")) && !irrealis(text, toks, i) {
				// "a Bolivian detachment seized the Paraguayan post":
				// ground a party held, taken from it.
				s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
				break
			}
		}
	}
	if !s.fight {
		// A stated loss is a fight: "three soldiers were killed",
		// "killing about 3,000 soldiers".
		for i := range tags {
			if reflexiveAfter(text, toks, i) {
				continue // "shot himself", "killed themselves": no one's fight
			}
			passive, active := tags[i].has(cDeath|cWounded) && !diedUnhurt(text, toks, i) && !lossNoun(text, toks, i), tags[i].has(cActiveDeath|cActiveWounded)
			// "some 40 prisoners were taken": captives too, but not men who
			// gave themselves up ("1,200 of his followers surrendered")
			// nor prisoners a peace released.
			passive = passive || tags[i].has(cCaptured) && takenCaptive(text, toks, i) && !s.ceasefire
			// "fell back, losing about 200 men": a loss too.
			active = active || tags[i].has(cLost) && !tags[i].has(cFight)
			if !passive && !active {
				continue
			}
			for _, q := range x.quantities(text) {
				if q.Count.Low == nil || q.Unit != "" {
					continue
				}
				if (passive && q.Span.End <= toks[i].Start && !clauseBetween(text, q.Span.End, toks[i].Start)) || (active && q.Span.Start >= toks[i].End && q.Span.Start <= toks[i].End+12) {
					// Not "one of his legs was amputated, and the marshal
					// died": a number of another clause counts no dead.
					s.fight = true
					break
				}
			}
			if s.fight {
				break
			}
		}
	}
	s.lostName = lostName(text, toks)
	if s.lostName {
		s.fight = true
	}
	s.anchorBefore = *anchor
	x.readDate(s, anchor)
	if s.fightWord && x.habitualFighting(s) {
		// "In 1919 and 1920 their border guards clashed repeatedly": a
		// tally of clashes over a period, not one.
		s.fight, s.fightWord = false, false
	}
	if !s.hasDate {
		s.dayOrdinal = x.dayOrdinal(s)
	}
	if s.fightRef && s.relative && s.initialDate {
		if !s.fightWord {
			// "Ten days after the battle began, the last army had
			// disintegrated": the clash told before, at a later moment.
			s.refDated = true
		}
		s.sinceBegun = x.sinceBegun(s)
	}
	if s.begins && s.hasDate && !s.relative {
		// "The siege of Adrianople began on 3 November 1912": the clash
		// told by its noun starts on the sentence's own date.
		s.fight = true
	}
	if s.fightSubject && s.initialDate && !s.relative {
		// "On 15 March, … and the fighting lasted nine hours": the
		// fighting of the date the sentence opens with, not a clash told
		// before.
		s.fight = true
	}
	x.readParties(s)
	if !s.fight && s.lossWord && s.namesParty() && x.singleLosses(s) {
		// A loss told of one person of a party is a fight too: "a
		// Zembrian soldier was killed by Ostran fire", "Ostran guards
		// killed a Zembrian soldier".
		s.fight = true
	}
	if !s.fight && x.meetOnBattleDay(s) {
		// "At about six in the morning on 1 March, the Italian askaris
		// ran into the Ethiopian outposts": in an article about one
		// battle, both sides on its day are the battle joined, however
		// the contact is worded.
		s.fight = true
	}
	s.yields = x.sideYields(s)
	s.withdrawAt = -1
	if !s.fightWord {
		s.withdrawAt = x.sideWithdraws(s)
	}
	x.readName(s)
	if s.codeName && s.nameAtStart && s.hasDate {
		// "Operation Sandstorm was launched … on 21 February 1994": a
		// military operation named and dated opens its clash.
		s.fight = true
	}
	x.readPlaces(s)
	if !s.fight {
		x.takesPlace(s)
	}
	s.strangerTarget = x.strangerAfter(s, s.fightEnd)
	if !s.yields && fellTok > 0 && x.placeFell(s, fellTok) {
		s.yields, s.fell = true, true
	}
	s.fronted = frontedPlace(s)
	s.parallel = s.parallel || relocationOpening(text, toks)
	if s.fightWord && !s.fronted && !s.parallel && !(s.initialDate && !s.following) && throughTheNight(text, toks) {
		// "Eritrean artillery shelled the Djiboutian positions through
		// the night": the fighting told before went on into the night;
		// not "That same day, at the village of Concepción, a company was
		// attacked …; the Chileans held out through the night".
		s.persists = true
	}
	s.afterwards = !s.hasDate && afterwardsOpening(text, toks)
	return s
}

// meetOnBattleDay reports s, the sentence just read, dated to a day of
// the article's own battle, or told undated on one, and naming a party of
// each side, as a party not a place, in a sentence that neither reports,
// nor ends the fighting, nor tells a clash of its own.
func (x *article) meetOnBattleDay(s *sent) bool {
	b := x.battle
	if b == nil || s.report || s.ceasefire || s.fightRef {
		return false
	}
	if s.attributes {
		// "Zembrian officials alleged that the men had been killed in
		// captivity, a charge Ostra denied": words the sides traded, not
		// a meeting in the field.
		return false
	}
	if s.hasDate && (s.start.Prec != annalist.PrecDay || !within(b, s)) {
		return false
	}
	if d := s.anchorBefore.Date; !s.hasDate && (d.Prec != annalist.PrecDay || b.start.IsZero() || d.DayNumber() < b.start.First().DayNumber() || d.DayNumber() > b.lastDay()) {
		// Undated, it is told on the narrative's day: "At about 1:30 on
		// 20 October the allied fleet sailed into the bay. The Asia
		// anchored alongside the Ottoman flagship".
		return false
	}
	var sides [2]bool
	for _, m := range s.parties {
		if m.location || x.namesTheFallen(s, m) {
			continue
		}
		if side, ok := x.mentionSide(m); ok && side >= 0 && side < 2 {
			sides[side] = true
		}
	}
	return sides[0] && sides[1]
}

// phaseBegun reports "of" before det, the determiner of a fight word,
// after a begun part of it: "opened the second phase of the battle",
// "launched the final stage of the offensive". A part of the fight
// begun is fighting of its own, not the fight referred to.
func phaseBegun(text string, toks []textscan.Token, tags []tag, det int) bool {
	if det < 3 || !lowerIs(toks[det-1].Text(text), "of") {
		return false
	}
	for k := det - 3; k >= 0 && k >= det-5; k-- {
		if tags[k].has(cBegin | cLaunch) {
			return true
		}
		if toks[k].Kind != textscan.Word || tags[k].has(cFight) || lowerIs(toks[k].Text(text), "of") {
			return false
		}
	}
	return false
}

// lossNoun reports the word of loss at token i used as a noun after a
// determiner: "collected the wounded", "buried their dead". It tells of
// people a fight left, not of a count that befell them.
func lossNoun(text string, toks []textscan.Token, i int) bool {
	if i < 1 {
		return false
	}
	w := toks[i-1].Text(text)
	return isSingleDefinite(w) || lowerIs(w, "his") || lowerIs(w, "her")
}

// pronounObject reports "it" or "them" at token k, ending its phrase:
// the object of a verb of meeting, standing for a body of troops the
// sentence before named ("intercepted it in the Yellow Sea").
func pronounObject(text string, toks []textscan.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	if w := toks[k].Text(text); !lowerIs(w, "it") && !lowerIs(w, "them") {
		return false
	}
	if k+1 >= len(toks) || toks[k+1].Kind != textscan.Word {
		return true
	}
	w := toks[k+1].Text(text)
	return isPrepBefore(w) || lowerIs(w, "and") || lowerIs(w, "near") || lowerIs(w, "off") || lowerIs(w, "there") || lowerIs(w, "that")
}

// subjectOpens reports token k, just before the determiner of a noun,
// as what may stand before a clause's subject: a mark, a conjunction or
// an adverb of time ("; the fighting", "and the battle", "when the
// siege", "then the fighting"), not a verb whose object the noun is. A
// time put first ("on 11 December the encircled troops") is the
// caller's to tell.
func subjectOpens(text string, toks []textscan.Token, k int) bool {
	if toks[k].Kind != textscan.Word {
		return true
	}
	w := toks[k].Text(text)
	for _, c := range [...]string{"and", "but", "when", "while", "as", "until", "where", "then", "meanwhile", "so", "once", "though", "although", "that", "which", "whereupon"} {
		if lowerIs(w, c) {
			return true
		}
	}
	return false
}

// namesTheFallen reports m, a party named in s, naming only the people
// it lost: "the Ostran dead", "their wounded". They met no one on the
// day they are told of ("returned the bodies of the Ostran dead").
func (x *article) namesTheFallen(s *sent, m mention) bool {
	k := m.tok + m.ntok
	if k >= len(x.toks) || m.tok < 1 || !x.tags[k].has(cDeath|cWounded) || x.toks[k].Kind != textscan.Word {
		return false
	}
	return isSingleDefinite(x.toks[m.tok-1].Text(s.text))
}

// diedUnhurt reports "died" or "perished" at token i of something else
// than wounds: hunger, thirst, cold or sickness ("thousands died of
// thirst", "200 soldiers perished in the snow"), which tells no fight,
// or no death at all ("the fighting died down").
// Men killed, men who died of their wounds, and deaths a party reports
// ("said that 4 of its soldiers had died") were fought.
func diedUnhurt(text string, toks []textscan.Token, i int) bool {
	w := toks[i].Text(text)
	perished := lowerIs(w, "perished")
	if !perished && !lowerIs(w, "died") || i+1 >= len(toks) {
		return false
	}
	switch n := toks[i+1].Text(text); {
	case lowerIs(n, "down"), lowerIs(n, "away"), lowerIs(n, "out"):
		return true // "the fighting died down": no one died
	case lowerIs(n, "of"), lowerIs(n, "from"):
		for k := i + 2; k < len(toks) && k <= i+4; k++ {
			if w := toks[k].Text(text); lowerIs(w, "wounds") || lowerIs(w, "wound") || lowerIs(w, "injuries") {
				return false
			}
		}
		return true
	case lowerIs(n, "in"):
		return perished
	}
	return false
}

// throughTheNight reports "through the night" or "throughout the night"
// in a sentence.
func throughTheNight(text string, toks []textscan.Token) bool {
	for k := 2; k < len(toks); k++ {
		if lowerIs(toks[k].Text(text), "night") && lowerIs(toks[k-1].Text(text), "the") && (lowerIs(toks[k-2].Text(text), "through") || lowerIs(toks[k-2].Text(text), "throughout")) {
			return true
		}
	}
	return false
}

// relocationOpening reports a sentence that opens by moving the telling
// to other ground: "In the south, …", "On the eastern front, …", "In the
// central sector …", "On land, …". It is read at the sentence's start
// only, where it counts, rather than at every "in" and "on" of the prose.
func relocationOpening(text string, toks []textscan.Token) bool {
	if len(toks) >= 3 && toks[2].Text(text) == "," {
		// "On land, …", "At sea, …": the other element of a war fought
		// on both.
		switch w, n := toks[0].Text(text), toks[1].Text(text); {
		case lowerIs(w, "on") && lowerIs(n, "land"), lowerIs(w, "at") && lowerIs(n, "sea"):
			return true
		}
	}
	if len(toks) < 4 || !(lowerIs(toks[0].Text(text), "in") || lowerIs(toks[0].Text(text), "on")) || !lowerIs(toks[1].Text(text), "the") {
		return false
	}
	w := toks[2].Text(text)
	for _, c := range [...]string{"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"} {
		if lowerIs(w, c) {
			return lowerIs(toks[0].Text(text), "in") && toks[3].Text(text) == ","
		}
	}
	for _, c := range [...]string{"northern", "southern", "eastern", "western", "central"} {
		if lowerIs(w, c) {
			n := toks[3].Text(text)
			return lowerIs(n, "front") || lowerIs(n, "sector")
		}
	}
	return false
}

// afterwardsOpening reports a sentence that opens with the days or weeks
// after the narrative's: "In the days that followed", "Over the following
// weeks", "In the weeks after".
func afterwardsOpening(text string, toks []textscan.Token) bool {
	if len(toks) < 4 || !(lowerIs(toks[0].Text(text), "in") || lowerIs(toks[0].Text(text), "over") || lowerIs(toks[0].Text(text), "during")) || !lowerIs(toks[1].Text(text), "the") {
		return false
	}
	stretch := func(w string) bool { return lowerIs(w, "days") || lowerIs(w, "weeks") }
	if lowerIs(toks[2].Text(text), "following") {
		return stretch(toks[3].Text(text))
	}
	if !stretch(toks[2].Text(text)) {
		return false
	}
	w := toks[3].Text(text)
	return lowerIs(w, "after") || (lowerIs(w, "that") || lowerIs(w, "which")) && len(toks) > 4 && lowerIs(toks[4].Text(text), "followed")
}

// frontedPlace reports a sentence that opens with a preposition and a
// place before its first comma: "At Port San Carlos, …", "At the village
// of Tesh, …".
func frontedPlace(s *sent) bool {
	head, _, ok := strings.Cut(s.text, ",")
	if !ok || len(head) > 60 {
		return false
	}
	w, _, _ := strings.Cut(head, " ")
	fronted := false
	for _, prep := range [...]string{"At", "In", "Near", "Around", "Outside", "Off"} {
		fronted = fronted || w == prep
	}
	if !fronted {
		return false
	}
	for _, p := range s.places {
		if strings.Contains(head, p.text) {
			return true
		}
	}
	return false
}

// takesPlace marks s, the sentence just read, as fighting when troops
// take a named place: "On 18 June its troops, supported by Iraqi
// aircraft, took Mehran" (a verb of taking, a body of troops or a party
// before it, a place read right after it).
func (x *article) takesPlace(s *sent) {
	text, toks, tags := s.text, x.toks, x.tags
	forces := false
	for i := 0; i+1 < len(toks); i++ {
		if m := x.mentionAt(s, i); m != nil && !m.location {
			forces = true
		}
		forces = forces || tags[i].has(cUnit|cRegular|cIrregular)
		if !forces || !tags[i].has(cTaking|cActiveCaptured) || !toks[i+1].Upper || x.isMention(i+1) || tags[i+1].has(cPerson) ||
			i > 0 && lowerIs(toks[i-1].Text(text), "to") || irrealis(text, toks, i) {
			continue // "sent ahead to take Pétervárad": a purpose
		}
		name := toks[i+1].Text(text)
		for _, p := range s.places {
			if strings.HasPrefix(p.text, name) {
				s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
				return
			}
		}
	}
	// "Degehabur was taken on 30 July", "Jijiga was seized by Somali
	// forces": a place named as the sentence's subject, taken.
	if i := x.placeTakenAt(s); i >= 0 {
		s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
		return
	}
	// "On the morning of 28 August a company took the pass", "the
	// attackers seized the town", "the small island": a place told
	// before, by its noun.
	for i := 0; i+2 < len(toks); i++ {
		if !tags[i].has(cTaking|cActiveCaptured) || !lowerIs(toks[i+1].Text(text), "the") {
			continue
		}
		n := i + 2
		// "seized the small island of Thổ Chu", "seized the lightly held
		// pass": a word or two that say what the place was like, or
		// name it ("seizing the Marda Pass").
		for k := n; k < n+2 && k+1 < len(toks) && toks[k].Kind == textscan.Word && tags[k].class == 0 && !x.isMention(k); k++ {
			if tags[k+1].has(cPlaceNoun) {
				n = k + 1
				break
			}
		}
		if !tags[n].has(cPlaceNoun) || partOfPlace(tags[n]) || wayNoun(tags[n]) || !forcesBefore(tags, i) && !x.partyBefore(s, i) || irrealis(text, toks, i) || i > 0 && lowerIs(toks[i-1].Text(text), "to") {
			continue
		}
		s.fight, s.fightWord, s.fightAt = true, true, toks[i].Start
		return
	}
}

// placeTakenAt returns the token of a verb of taking in the passive whose
// subject, opening the sentence, is a name that is no party's (nor a
// commander's, whose names are the parties' aliases): "Degehabur was
// taken on 30 July", "Fort Volga was seized by the 22nd Division"; or -1. What follows the verb is a time, the
// takers or the sentence's end, not where a person was taken ("was taken
// to Edirne", "was taken prisoner").
func (x *article) placeTakenAt(s *sent) int {
	text, toks, tags := s.text, x.toks, x.tags
	n := 0
	for n < len(toks) && n < 4 && toks[n].Kind == textscan.Word && toks[n].Upper && !x.isMention(n) {
		n++
	}
	if n == 0 || n+2 > len(toks) || !passiveAux(toks[n].Text(text)) || !tags[n+1].has(cTaking|cActiveCaptured) {
		return -1
	}
	i := n + 1
	k := i + tags[i].length(cTaking|cActiveCaptured)
	if k < len(toks) {
		switch w := toks[k].Text(text); {
		case toks[k].Kind == textscan.Punct, lowerIs(w, "by"), lowerIs(w, "on"), lowerIs(w, "in"), lowerIs(w, "at"), lowerIs(w, "after"), lowerIs(w, "without"), lowerIs(w, "early"), lowerIs(w, "late"), lowerIs(w, "the"):
		default:
			return -1
		}
		if lowerIs(toks[k].Text(text), "the") && (k+1 >= len(toks) || !timex.TimeNoun(toks[k+1].Text(text))) {
			return -1 // "the next day" is a time; "the colours" no
		}
	}
	return i
}

// plannedAs reports a fight word at token i told as what a plan was:
// "Vel's plan was a two-pronged attack", "the aim was a surprise
// assault on the fort".
func plannedAs(text string, toks []textscan.Token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-6; k-- {
		if toks[k].Kind == textscan.Punct {
			return false
		}
		if w := toks[k].Text(text); lowerIs(w, "was") || lowerIs(w, "were") || lowerIs(w, "is") {
			p := toks[k-1].Text(text)
			return lowerIs(p, "plan") || lowerIs(p, "plans") || lowerIs(p, "aim") || lowerIs(p, "intention") || lowerIs(p, "idea") || lowerIs(p, "proposal")
		}
	}
	return false
}

// accusedOf reports a fight word at token i told as a charge: "accused
// the Zembrians of attacking its posts", "blamed Ostra for shelling the
// town". The charge is a party's word after a clash told, not a fight of
// the sentence.
func accusedOf(text string, toks []textscan.Token, tags []tag, i int) bool {
	if i < 2 || !strings.HasSuffix(toks[i].Text(text), "ing") || !(lowerIs(toks[i-1].Text(text), "of") || lowerIs(toks[i-1].Text(text), "for")) {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if tags[k].has(cAttribution) {
			return true
		}
	}
	return false
}

// toldBackOfAThing reports a fight word at token i in the pluperfect of a
// clause that describes a thing named before it: ", which the Russians
// had surrounded with forts before the war", ", which Ostran sappers had
// mined years before". It tells what the thing was, not a fight of the
// sentence; a fight of a party told back ("the Ostrans, who had attacked
// at dawn, …") or the thing held out ("whose garrison had held out") are
// not so.
func toldBackOfAThing(text string, toks []textscan.Token, i int) bool {
	h := i - 1
	if h >= 3 && lowerIs(toks[h].Text(text), "the") && lowerIs(toks[h-2].Text(text), "had") && strings.HasSuffix(toks[h-1].Text(text), "un") {
		// "the garrison with which Zrinski had begun the siege": a
		// fight begun, told back to say what the garrison was.
		h -= 2
	}
	if h < 2 || !lowerIs(toks[h].Text(text), "had") {
		return false
	}
	for k := h - 1; k >= 1 && k >= h-5; k-- {
		if toks[k].Kind != textscan.Word {
			return false
		}
		if lowerIs(toks[k].Text(text), "which") {
			return toks[k-1].Text(text) == "," || h < i-1 && toks[k-1].Kind == textscan.Word && !toks[k-1].Upper
		}
	}
	return false
}

// toldBackOfPeople reports a fight word at token i in a "who had"
// clause after a noun of people that names no party: "13,000 of the men
// who had fought at Rossbach" says who they were, not a fight of the
// sentence; "the Ostrans, who had attacked at dawn" is a party's fight
// told back, and still tells it.
func (x *article) toldBackOfPeople(text string, i int) bool {
	toks := x.toks
	if i < 3 || !lowerIs(toks[i-1].Text(text), "had") || !lowerIs(toks[i-2].Text(text), "who") {
		return false
	}
	k := i - 3
	return x.tags[k].has(cPerson) && !toks[k].Upper && !x.isMention(k)
}

// ownTarget reports a fight word whose object, from token k, is the
// doer's own ("set fire to their own town", "shelled its own lines"):
// a side laying waste to its own ground, or striking its own men, fights
// no one.
func ownTarget(text string, toks []textscan.Token, k int) bool {
	if k < len(toks) && (lowerIs(toks[k].Text(text), "on") || lowerIs(toks[k].Text(text), "to") || lowerIs(toks[k].Text(text), "at")) {
		k++
	}
	if k+1 < len(toks) && lowerIs(toks[k+1].Text(text), "of") && (lowerIs(toks[k].Text(text), "most") || lowerIs(toks[k].Text(text), "all") || lowerIs(toks[k].Text(text), "much") || lowerIs(toks[k].Text(text), "some") || lowerIs(toks[k].Text(text), "part")) {
		k += 2 // "burned most of his own baggage"
	}
	// "their own", "his own": only a possessive stands before "own".
	return k+1 < len(toks) && lowerIs(toks[k+1].Text(text), "own") && isPossessive(toks[k].Text(text))
}

// strangerAfter reports a state that is no side's, nor named in the
// lead, as what the fight word ending before token k struck: "an Ostran
// invasion of Czechoslovakia", "invaded Poland". The fight is that
// state's war, whoever else the sentence names.
func (x *article) strangerAfter(s *sent, k int) bool {
	if k <= 0 {
		return false
	}
	if k < len(x.toks) && (lowerIs(x.toks[k].Text(s.text), "of") || lowerIs(x.toks[k].Text(s.text), "against")) {
		k++
	}
	if k < len(x.toks) && lowerIs(x.toks[k].Text(s.text), "the") {
		k++
	}
	m := x.mentionAt(s, k)
	return m != nil && m.tok == k && !m.location && !m.people && stateName(m.kind) && !x.onASide(m.canonical) && !x.leadParty(m.canonical)
}

// forcesBefore reports a body of troops, or people named by their part
// in a clash, before token i.
func forcesBefore(tags []tag, i int) bool {
	for k := 0; k < i; k++ {
		if tags[k].has(cUnit | cRegular | cIrregular | cAttacker | cDefender) {
			return true
		}
	}
	return false
}

// partyBefore reports a party named as such, not as a place, before
// token i of s, the sentence just read: "Grel's Zembrians seized the
// pass".
func (x *article) partyBefore(s *sent, i int) bool {
	for k := 0; k < i; k++ {
		if m := x.mentionAt(s, k); m != nil && !m.location {
			return true
		}
	}
	return false
}

// takesEnemyGround reports a verb of taking at token i whose object is
// a party's post, fort or town: "seized the Paraguayan post", "took the
// Ostran fort".
func (x *article) takesEnemyGround(text string, i int) bool {
	k := i + x.tags[i].length(cTaking|cActiveCaptured)
	if k < len(x.toks) && (lowerIs(x.toks[k].Text(text), "the") || lowerIs(x.toks[k].Text(text), "a") || lowerIs(x.toks[k].Text(text), "an")) {
		k++
	}
	if !x.isMention(k) {
		return false
	}
	m := x.ments[x.mentionOf[k]]
	n := m.Tok + m.NTok
	if n >= len(x.toks) || !x.tags[n].has(cPlaceNoun|cDefences) || partOfPlace(x.tags[n]) {
		return false
	}
	// "French paratroopers … taking the French island": ground of the
	// takers' own side is no enemy's.
	for _, o := range x.ments {
		if o.Tok < i && o.Canonical == m.Canonical {
			return false
		}
	}
	return true
}

// investsIn reports "invest" in a sense other than besieging: spending
// ("invested heavily in the railway") or endowing ("invested with
// extraordinary powers"). The siege sense takes the place besieged as its
// object, a name or a noun phrase ("invested the fortress of Fredericia",
// "began to invest Almeida").
func investsIn(text string, toks []textscan.Token, i int) bool {
	if w := toks[i].Text(text); len(w) < 6 || !strings.EqualFold(w[:6], "invest") {
		return false
	}
	if i > 0 && i+1 < len(toks) && passiveAux(toks[i-1].Text(text)) {
		// "The fortress of Kebri Dahar was invested on 20 May": the place
		// besieged is the subject; "was invested with the title", "were
		// invested in bonds" are the other senses.
		n := toks[i+1].Text(text)
		return lowerIs(n, "with") || lowerIs(n, "in")
	}
	if i+1 >= len(toks) || toks[i+1].Kind != textscan.Word {
		return true
	}
	if n := toks[i+1].Text(text); !toks[i+1].Upper && !determiner(n) && !lowerIs(n, "the") && !lowerIs(n, "a") {
		return true
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if lowerIs(toks[k].Text(text), "in") {
			return true
		}
	}
	return false
}

// clashRoleBefore reports a subject named by its part in the clash told
// before right before the fight word at i ("the attackers fought", "the
// besiegers again stormed"): that clash goes on.
func clashRoleBefore(text string, toks []textscan.Token, tags []tag, i int) bool {
	for k := i - 1; k >= 1 && k >= i-2; k-- {
		if tags[k].has(cClashRole) {
			return lowerIs(toks[k-1].Text(text), "the")
		}
		if toks[k].Kind != textscan.Word || tags[k].class != 0 {
			return false
		}
	}
	return false
}

// attributive reports a fight word used as an adjective before a noun of
// people, a body of troops or a capacity ("2,250 fighting men", "its
// fighting strength", "the assault columns"): it says what they are
// for, not that they fought.
func attributive(text string, toks []textscan.Token, tags []tag, i int) bool {
	w := toks[i].Text(text)
	n := i + tags[i].length(cFight)
	if n >= len(toks) || toks[n].Kind != textscan.Word || !toks[n].Space {
		return false
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ing") {
		return tags[n].has(cPerson | cUnit | cCapacity)
	}
	// A fight noun in its base form before a noun of a body of troops is
	// a noun adjunct ("with the assault columns already formed", "attack
	// aircraft"); a verb in the past ("attacked troops") is not.
	last := toks[n-1].Text(text)
	return n == i+1 && !strings.HasSuffix(last, "ed") && !strings.HasSuffix(last, "s") && tags[n].has(cUnit)
}

// takenCaptive reports a word of capture at token i that tells people
// taken in a fight: "captured", "taken prisoner", or a noun of captives
// with a verb of taking right after it ("some 40 prisoners were taken");
// not "surrendered" (they gave themselves up) nor captives told of
// otherwise ("the release of 8,000 prisoners").
func takenCaptive(text string, toks []textscan.Token, i int) bool {
	w := toks[i].Text(text)
	if lowerIs(w, "captured") || lowerIs(w, "taken") {
		return true
	}
	if lowerIs(w, "surrendered") {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if v := toks[k].Text(text); lowerIs(v, "taken") || lowerIs(v, "captured") || lowerIs(v, "seized") {
			return true
		}
	}
	return false
}

// sideYields reports a side of the fight giving it up in s: a yield word
// after a party, a part in the clash or a thing of it ("the Yemenis
// surrendered", "the garrison capitulated", "the schooner struck her
// colours"), not after a person ("Ras Tesfa and his followers
// surrendered to the governor": a man going over).
func (x *article) sideYields(s *sent) bool {
	return s.yieldAt >= 0 && x.sideDoes(s, s.yieldAt)
}

// sideWithdraws returns where a side of the fight leaves the field in s,
// or -1: a withdraw word whose subject is a party or a camp ("By dawn the
// attackers had withdrawn", "the Ostrans fell back on 9 May"), not one
// denied or only meant.
func (x *article) sideWithdraws(s *sent) int {
	for k := 1; k < len(x.tags); k++ {
		if x.tags[k].has(cWithdraw) && !x.tags[k].has(cFight) && !negated(s.text, x.toks, x.tags, k) && !irrealis(s.text, x.toks, k) {
			if x.sideDoes(s, k) {
				return x.toks[k].Start
			}
			return -1
		}
	}
	return -1
}

// clauseBetween reports a clause boundary in text between bytes a and b
// (either order): a semicolon, or a comma before "and", "but", "while"
// or "whereas".
func clauseBetween(text string, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for i := max(a, 0); i < b && i < len(text); i++ {
		switch text[i] {
		case ';':
			return true
		case ',':
			rest := strings.TrimLeft(text[i+1:min(b, len(text))], " ")
			for _, w := range [...]string{"and ", "but ", "while ", "whereas "} {
				if strings.HasPrefix(rest, w) {
					return true
				}
			}
		}
	}
	return false
}

// sideDoes reports the clause before token at naming a side as its
// subject: a party or a camp word, and no other name or person of
// someone's between.
func (x *article) sideDoes(s *sent, at int) bool {
	m := 0
	for k := 1; k < at; k++ {
		for m < len(s.parties) && s.parties[m].tok < k {
			m++
		}
		if m < len(s.parties) && s.parties[m].tok == k && !s.parties[m].location {
			return true
		}
		if camp(x.tags[k]) != 0 {
			return true
		}
		if x.toks[k].Upper && !x.isMention(k) && x.tags[k].class == 0 && !x.inExpr(x.toks[k].Start) {
			return false // a name that is no party's
		}
		if w := x.toks[k].Text(s.text); lowerIs(w, "his") || lowerIs(w, "her") {
			return false // "a local chief and his followers"
		}
	}
	return true
}

// placeFell reports a place or a side's works told falling in s, the
// sentence just read, at token from or after: "The last positions around
// Đồng Đăng fell on 23 February", "the city had fallen" (WordNet's fall,
// "be captured"); not "fell back", "fell on the Ottomans", "fell to the
// Nationalists", nor men who fell.
func (x *article) placeFell(s *sent, from int) bool {
	for k := from; k < len(x.toks); k++ {
		if !x.fellAt(s.text, k) {
			continue
		}
		// Its subject, back to the clause's start: works or a place.
		for j := k - 1; j >= 0 && x.toks[j].Kind != textscan.Punct; j-- {
			if x.tags[j].has(cPerson | cUnit) {
				break
			}
			if x.tags[j].has(cPlaceNoun|cDefences) || x.toks[j].Upper && j > 0 && !x.isMention(j) && !x.inExpr(x.toks[j].Start) {
				return true
			}
		}
	}
	return false
}

// fellAt reports "fell" or "fallen" at token k of the sentence just
// read, text, in the sense of being taken: alone, or before a time, "and"
// or "after" ("fell on 23 February", "had fallen, and"); not "fell back",
// "fell on the Ottomans", "fell to the Nationalists", "fell ill". A verb
// of taking in the passive before a time is one too ("was taken the next
// day").
func (x *article) fellAt(text string, k int) bool {
	t := x.toks[k]
	if x.tags[k].has(cTaking | cActiveCaptured) {
		// "Mutukula was taken the next day", "the island was secured the
		// following morning": taken on a day told.
		return k > 0 && x.tags[k-1].has(cAux) && k+1 < len(x.toks) && (x.inExpr(x.toks[k+1].Start) || k+2 < len(x.toks) && x.inExpr(x.toks[k+2].Start))
	}
	if n := t.End - t.Start; n != 4 && n != 6 || text[t.Start]|0x20 != 'f' {
		return false // asked of every word: most are told apart here
	}
	if w := t.Text(text); !lowerIs(w, "fell") && !lowerIs(w, "fallen") {
		return false
	}
	if k+1 >= len(x.toks) || x.toks[k+1].Kind != textscan.Word {
		return true
	}
	n := x.toks[k+1].Text(text)
	return x.inExpr(x.toks[k+1].Start) || k+2 < len(x.toks) && x.inExpr(x.toks[k+2].Start) || lowerIs(n, "and") || lowerIs(n, "after")
}

// inExpr reports whether byte off of the sentence read lies in one of its
// time expressions ("On October 11": a capital that names no one).
func (x *article) inExpr(off int) bool {
	for _, e := range x.exprs {
		if e.Span.Start <= off && off < e.Span.End {
			return true
		}
	}
	return false
}

// yieldingSide returns the side that gave up the fight in s (see
// sideYields), or -1 when s does not name it.
func (x *article) yieldingSide(d *draft, s *sent) int {
	for _, m := range s.parties {
		if m.tok >= s.yieldAt {
			break
		}
		if !m.location {
			return x.sideOfParty(d, m.canonical)
		}
	}
	for k := 0; k < s.yieldAt && k < len(x.tags); k++ {
		if c := camp(x.tags[k]); c != 0 {
			return x.campSide(d, c)
		}
	}
	return -1
}

// inSentence appends to dst the items of all (in text order) that lie in
// the sentence sp, with spans made relative to it, moving the cursor at
// past the items behind it.
func inSentence[T any](dst, all []T, at *int, sp annalist.Span, span func(*T) *annalist.Span) []T {
	for *at < len(all) && span(&all[*at]).Start < sp.Start {
		*at++
	}
	for ; *at < len(all) && span(&all[*at]).Start < sp.End; *at++ {
		// Copied into dst before its span is moved, since a pointer to a
		// local copy would escape through span.
		if span(&all[*at]).End <= sp.End {
			dst = append(dst, all[*at])
			s := span(&dst[len(dst)-1])
			s.Start -= sp.Start
			s.End -= sp.Start
		}
	}
	return dst
}

// figurative reports a fight word used of words, not arms: governed by a
// speaker ("the president attacked …", "the ministers fought over …")
// with no one armed between, or aimed at an abstract thing ("attacked
// the decision", "fought over the wording").
func (x *article) figurative(i int) bool {
	tags := x.tags
	if x.abstractFrame(i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if tags[k].has(cPerson) || x.isMention(k) && !tags[k].has(cSpeaker) {
			break
		}
		if tags[k].has(cSpeaker) {
			return true
		}
	}
	for k := i + tags[i].length(cFight); k < len(tags) && k <= i+4; k++ {
		if tags[k].has(cAbstract) {
			return true
		}
		if tags[k].has(cPerson) || x.isMention(k) || tags[k].has(cPlaceNoun) {
			break
		}
	}
	return false
}

// abstractFrame reports a sentence that opens by setting what it tells in
// an abstract thing ("In the elections of April 1787 the governor was
// heavily defeated", "At the vote …") before the fight word at i: the
// contest is one of words or votes.
func (x *article) abstractFrame(i int) bool {
	toks, tags := x.toks, x.tags
	if i < 2 || !(lowerIs(toks[0].Text(x.sent.text), "in") || lowerIs(toks[0].Text(x.sent.text), "at") || lowerIs(toks[0].Text(x.sent.text), "during")) {
		return false
	}
	k := 1
	if determiner(toks[k].Text(x.sent.text)) || lowerIs(toks[k].Text(x.sent.text), "the") {
		k++
	}
	return k < i && tags[k].has(cAbstract)
}

// counted reports a plural fight noun that a number counts ("6 air
// intrusions", "108 such incidents", "dozens of raids"): a tally of
// clashes over a period, not a clash told.
func (x *article) counted(text string, i int) bool {
	toks := x.toks
	w := toks[i].Text(text)
	if len(w) < 3 || w[len(w)-1] != 's' || toks[i].Upper || lowerIs(w, "shots") || lowerIs(w, "volleys") {
		return false // "A few shots were exchanged": shots counted are one fight
	}
	// A quantity near it holds a number or a word of quantity: without
	// one among the words before, the sentence's quantities need not be
	// found.
	near := false
	for k := i - 1; k >= 0 && k >= i-6 && !near; k-- {
		near = mayCount(text, toks[k])
	}
	if !near {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if x.inQuantity(text, toks[k].Start) {
			return true
		}
		if toks[k].Kind != textscan.Word || toks[k].Upper {
			return false
		}
	}
	return false
}

// isPrepBefore reports a word that puts a definite fight noun after it
// in a phrase about another clash ("in response to the clash", "after the
// fighting").
func isPrepBefore(w string) bool {
	switch strings.ToLower(w) {
	case "to", "after", "following", "since", "of", "for", "by", "over", "about", "from", "before", "during", "in", "at", "on", "into", "despite", "like":
		return true
	}
	return false
}

// hyphenTail reports a word glued after a hyphen: the tail of a compound
// ("cease-fire"), not a word of its own.
func hyphenTail(toks []textscan.Token, i int) bool {
	return i > 0 && !toks[i].Space && toks[i-1].Kind == textscan.Dash && !toks[i-1].Space
}

// hyphenHead reports a hyphen glued after the fight word that ends
// before token n: the head of a compound adjective ("strike-bound",
// "battle-hardened"), not a word of its own.
func hyphenHead(toks []textscan.Token, n int) bool {
	return n+1 < len(toks) && toks[n].Kind == textscan.Dash && !toks[n].Space && !toks[n+1].Space && toks[n+1].Kind == textscan.Word
}

// movesAgainst reports "against" within a dozen words after the verb of
// moving at token i of the sentence just read, text, in its clause, and
// a party, a body of troops, works, ground or a named place right after
// it.
func (x *article) movesAgainst(text string, i int) bool {
	for k := i + 1; k < len(x.toks) && k <= i+12; k++ {
		t := x.toks[k]
		if t.Kind == textscan.Punct && text[t.Start] != ',' || x.tags[k].has(cNotFight) {
			return false // another clause; "declare war against"
		}
		if !lowerIs(t.Text(text), "against") {
			continue
		}
		for j := k + 1; j < len(x.toks) && j <= k+4; j++ {
			if x.isMention(j) || x.tags[j].has(cUnit|cDefences|cPlaceNoun|cRegular|cIrregular) {
				return true
			}
			if j == k+1 && x.toks[j].Upper && x.toks[j].Kind == textscan.Word && !x.tags[j].has(cPerson) {
				return true // "sent the 2nd Division against Tabanyama": a place held
			}
			if x.toks[j].Kind != textscan.Word {
				return false
			}
		}
		return false
	}
	return false
}

// fellOnADate reports "fell on" (from token i to token n) with a time
// after it: "Vel fell on 23 February" is the day it fell, not an attack
// ("fell on the Ottomans").
func (x *article) fellOnADate(i, n int) bool {
	text := x.sent.text
	w := x.toks[i].Text(text)
	return (lowerIs(w, "fell") || lowerIs(w, "fall") || lowerIs(w, "falls")) && n < len(x.toks) && x.inExpr(x.toks[n].Start)
}

// nameOfAThing reports a capitalized fight word, from token i to token
// n, inside a sentence, with a capitalized word right after it: a word of
// the name of a body or a slogan ("the Steadfastness and Confrontation
// Front", "the War to Resist America"), not a fight. A name that ends
// with the fight word names a clash ("the Tet Offensive").
func nameOfAThing(toks []textscan.Token, i, n int) bool {
	return i > 0 && toks[i].Upper && n < len(toks) && toks[n].Kind == textscan.Word && toks[n].Upper && toks[n].Space
}

// definiteBefore reports a lower-case fight word right after "the",
// "this", "that", "these" or "those": it refers to a clash already told.
func definiteBefore(text string, toks []textscan.Token, i int) bool {
	if i == 0 || toks[i].Upper {
		return false
	}
	w := toks[i-1].Text(text)
	if i >= 2 && lowerIs(toks[i-2].Text(text), "the") && (timex.TimeNoun(w) || toks[i-1].Kind == textscan.Number && toks[i-1].Digits == 4 && !toks[i-1].Sep) {
		return true // "after the summer offensive", "the 1921 fighting": one known by its time
	}
	if i >= 3 && lowerIs(w, "s") && !toks[i-1].Space && textscan.Apostrophe(toks[i-2].Text(text)) && timex.TimeNoun(toks[i-3].Text(text)) {
		return true // "worn down by the summer's fighting", "the day's fighting"
	}
	return lowerIs(w, "the") || lowerIs(w, "this") || lowerIs(w, "that") || lowerIs(w, "these") || lowerIs(w, "those") ||
		lowerIs(w, "either") || lowerIs(w, "neither") || lowerIs(w, "both") || lowerIs(w, "each") // "before news of either battle had arrived"
}

// indefiniteBefore reports "a" or "an" opening the sentence before the
// fight word at token i, a word or two of its kind between ("An
// artillery duel went on", "A long siege followed"): a fight brought in
// as new, not one told before.
func indefiniteBefore(text string, toks []textscan.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := toks[k].Text(text)
		if lowerIs(w, "a") || lowerIs(w, "an") {
			return k == 0 // the sentence's subject; not "turned into a regular bombardment that lasted …"
		}
		if toks[k].Kind != textscan.Word || toks[k].Upper {
			return false
		}
	}
	return false
}

// closesSentence reports tokens i to n set off by a comma at the very end
// of the sentence: "The other pair bombarded a radio transmitter on Hòn
// Ngư, further south." moves the telling as an opening "Further south"
// does.
func closesSentence(text string, toks []textscan.Token, i, n int) bool {
	return i >= 1 && toks[i-1].Kind == textscan.Punct && text[toks[i-1].Start] == ',' &&
		(n == len(toks) || n == len(toks)-1 && toks[n].Kind == textscan.Punct && text[toks[n].Start] == '.')
}

// reflexiveAfter reports a reflexive pronoun right after token i: "shot
// himself", "killed themselves", a death by one's own hand.
func reflexiveAfter(text string, toks []textscan.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	w := toks[i+1].Text(text)
	return lowerIs(w, "himself") || lowerIs(w, "herself") || lowerIs(w, "themselves") || lowerIs(w, "itself")
}

// timeOfAFight returns where "the" stands in "a few hours before the
// final assault", "after the second attack": a fight, an adjective or two
// after "the", named as the time of something else; or -1.
func timeOfAFight(text string, toks []textscan.Token, i int) int {
	k := i - 1
	for n := 0; n < 2 && k >= 1 && toks[k].Kind == textscan.Word && !toks[k].Upper && !lowerIs(toks[k].Text(text), "the"); n++ {
		k--
	}
	if k < 1 || k == i-1 || !lowerIs(toks[k].Text(text), "the") {
		return -1
	}
	switch w := toks[k-1].Text(text); {
	case lowerIs(w, "before"), lowerIs(w, "after"), lowerIs(w, "until"), lowerIs(w, "till"), lowerIs(w, "since"):
		return k
	}
	return -1
}

// definitePartyBefore returns where "the" stands before a party's
// adjective and a lower-case fight word at token i of the sentence just
// read, or -1: "the Greek invasion had been unjustified", "command of the
// Pakistani offensive was handed to Yahya Khan" refer to a clash told
// before.
func (x *article) definitePartyBefore(text string, i int) int {
	if i < 2 || x.toks[i].Upper || !x.isMention(i-1) {
		return -1
	}
	// An adjective makes the fight word a noun; "the Romans besieged
	// Lipljan" is fighting told.
	m := x.ments[x.mentionOf[i-1]]
	j := m.Tok - 1
	if m.Kind != actor.KindAdjective || m.Tok+m.NTok != i || j < 1 || !lowerIs(x.toks[j].Text(text), "the") {
		// Opening the sentence, "The Zembrian counteroffensive in late
		// August drove the Ostrans back" tells a clash of its own.
		return -1
	}
	return j
}

// followsOn reports a relative clause of following right after a fight
// noun that ends before token k ("in the exchange of fire that followed",
// "the skirmish which ensued"): the fight is the sentence's own, told as
// what came of the action before it, not one told earlier.
func followsOn(text string, toks []textscan.Token, tags []tag, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	w := toks[k].Text(text)
	return (lowerIs(w, "that") || lowerIs(w, "which")) && tags[k+1].has(cPersist) && strings.HasSuffix(toks[k+1].Text(text), "ed")
}

// breaksDefences reports a word of breaking at token i said of a side's
// defences, a few words before or after it: "the line was broken near
// Lähde", "broke the Ostran front".
func breaksDefences(tags []tag, i int) bool {
	for k := max(0, i-3); k < len(tags) && k <= i+3; k++ {
		if k != i && tags[k].has(cDefences) {
			return true
		}
	}
	return false
}

// meetsInBattle reports a verb of meeting at token i that tells a fight:
// what it met is a body of troops ("met the Ottoman eastern army near
// Kirk Kilisse", "encountered a Cossack column"), or those who met are
// ("the two armies met again", "the fleets met off the cape").
func meetsInBattle(text string, toks []textscan.Token, tags []tag, i int) bool {
	if i+1 < len(toks) && (lowerIs(toks[i+1].Text(text), "with") || lowerIs(toks[i+1].Text(text), "of")) || i > 0 && lowerIs(toks[i-1].Text(text), "in") {
		return false // "was met with disgust by the army detachments", "in charge of training the forces"
	}
	if i > 0 && tags[i-1].has(cAux) {
		// Passive: those who met or stopped them are named after "by"
		// ("was stopped by Honduran infantry", "was caught west of the
		// Liancourt Rocks by two cruisers"), if at all.
		by := -1
		for k := i + 1; k < len(toks) && k <= i+8 && (toks[k].Kind == textscan.Word || toks[k].Kind == textscan.Number); k++ {
			// A date may stand between: "was delayed on 15 November by".
			if lowerIs(toks[k].Text(text), "by") {
				by = k
				break
			}
		}
		if by < 0 || by > i+1 && !isPrepBefore(toks[i+1].Text(text)) && !tags[i+1].has(cDirection) {
			return false // a place between: "west of the ford", "near Vel"
		}
		i = by
	}
	if i > 0 && tags[i-1].has(cUnit) && strings.HasSuffix(toks[i-1].Text(text), "s") && tags[i].weight == 0 {
		// "the two armies met"; not "the commanders of the two armies
		// met", whose subject is the commanders.
		for k := i - 2; k >= 0 && k >= i-4 && toks[k].Kind == textscan.Word && !toks[k].Upper; k-- {
			if lowerIs(toks[k].Text(text), "of") {
				return false
			}
		}
		return true
	}
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if k >= i+tags[i].length(cEncounter) && lowerIs(toks[k].Text(text), "to") {
			return false // "halted to marshal his troops": what it was for
		}
		if tags[k].has(cUnit) && ownUnit(text, toks, i, k) {
			// "the king halted his army for the night", "met his army
			// at the ford": his own troops, not an enemy's.
			return false
		}
		if tags[k].has(cUnit) {
			// The unit is the head of what was met, not a word before
			// another noun ("met the army commander").
			// A name after it is the unit's own ("the cruiser Zenta"), a
			// participle says where it was or what it did ("the army
			// encamped at Setina").
			n := k + tags[k].length(cUnit)
			if n >= len(toks) || toks[n].Kind != textscan.Word || toks[n].Upper {
				return true
			}
			w := toks[n].Text(text)
			// A preposition or "under" ends the phrase ("met four
			// privateers under Blanchet").
			// An adverb of place, "and" or a clause of time ends it too
			// ("ran into a strong Ostran force there and was routed",
			// "caught the rearguard as it crossed the ravine").
			return tags[n].class != 0 && !tags[n].has(cPerson) || tags[n].class == 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || isPrepBefore(w) || lowerIs(w, "under") || lowerIs(w, "with") ||
				lowerIs(w, "there") || lowerIs(w, "nearby") || lowerIs(w, "and") || lowerIs(w, "as") || lowerIs(w, "when"))
		}
		if e := i + tags[i].length(cEncounter); tags[k].has(cDefences) && k > e && k <= e+2 && (isPossessive(toks[k-1].Text(text)) || isDeterminerWord(toks[k-1].Text(text)) || tags[k-1].class == 0 && toks[k-1].Upper) {
			// "the head of the column ran into his outposts", "charged
			// the Ostran positions": a side's works, manned.
			return true
		}
		if tags[k].has(cIrregular|cRegular) && pluralWord(toks[k].Text(text)) {
			// "met Acehnese fighters in the groves": an armed band;
			// "intercepted four soldiers"; not "charged eight marines
			// with murder".
			return k+1 >= len(toks) || !lowerIs(toks[k+1].Text(text), "with")
		}
		if w := toks[k].Text(text); lowerIs(w, "no") {
			return false // "met no resistance"
		} else if k > i+1 && isPrepBefore(w) && !lowerIs(w, "of") {
			return false // "blocked supplies to the expeditionary force": what was stopped came first
		}
		if toks[k].Kind != textscan.Word && toks[k].Kind != textscan.Number || tags[k].has(cPerson) && !(k+1 < len(toks) && tags[k+1].has(cUnit)) {
			// A noun of people names whom it met; before a unit it is
			// that unit's adjective ("the last insurgent bands").
			return false
		}
	}
	return false
}

// ownUnit reports a unit at token k that a possessive pronoun right
// before it (or before one word before it) gives to the subject of a verb
// of meeting or halting at token i: "halted his army", "met their main
// body". A verb that needs an enemy ("destroyed his army", "caught
// their rearguard") says whose it was not.
func ownUnit(text string, toks []textscan.Token, i, k int) bool {
	switch w := strings.ToLower(toks[i].Text(text)); w {
	case "met", "meet", "meets", "halted", "stopped":
	default:
		return false
	}
	for j := k - 1; j > i && j >= k-2; j-- {
		switch w := toks[j].Text(text); {
		case lowerIs(w, "his"), lowerIs(w, "her"), lowerIs(w, "their"), lowerIs(w, "its"), lowerIs(w, "our"):
			return true
		case toks[j].Kind != textscan.Word:
			return false
		}
	}
	return false
}

// persistsAfter reports a verb of going on after a fight word that ends
// before token k, with only the fighting's own words between ("Heavy
// fighting continued", "Fighting for Vyborg was still going on", "the
// assault, renewed the next morning,").
func persistsAfter(text string, toks []textscan.Token, tags []tag, k int) bool {
	if k+1 < len(toks) && toks[k].Text(text) == "," {
		k++ // "the assault, renewed the following morning, was beaten back"
	}
	for j := k; j < len(toks) && j <= k+5; j++ {
		switch {
		case tags[j].has(cPersist):
			return true
		case toks[j].Kind != textscan.Word || tags[j].has(cFight):
			return false
		}
	}
	return false
}

// beginsAfter reports a verb of beginning at token k, after a fight noun,
// or after the name that follows it ("the siege of Kars began", "the
// battle of the Bulge started").
func beginsAfter(text string, toks []textscan.Token, tags []tag, k int) bool {
	if k < len(toks) && lowerIs(toks[k].Text(text), "of") {
		k++
		for n := 0; n < 4 && k < len(toks) && (toks[k].Upper || lowerIs(toks[k].Text(text), "the")); n++ {
			k++
		}
	}
	return k < len(tags) && tags[k].has(cBegin)
}

// inCompound reports a fight word at token i inside a compound that
// names no fight ("heart attack", "torpedo boats", "battle groups").
func inCompound(tags []tag, i int) bool {
	if tags[i].has(cNotFight) {
		return true // "torpedo boats": the compound starts at the fight word
	}
	for j := max(0, i-2); j < i; j++ {
		if tags[j].has(cNotFight) && j+tags[j].length(cNotFight) > i {
			return true // "heart attack"
		}
	}
	return false
}

// warAfter reports a war noun right after the fight word at i ("fought
// a brief war", "fought in the war"): a war is background, not a clash.
// A war after "of" is where the fight stands in it, not what was fought:
// "the largest assault of the war".
func warAfter(text string, toks []textscan.Token, tags []tag, i int) bool {
	for k := i + 1; k < len(tags) && k <= i+3; k++ {
		if tags[k].has(cNotFight) {
			return true
		}
		if lowerIs(toks[k].Text(text), "of") {
			return false
		}
	}
	return false
}

// lostName reports a sentence whose clash lost its name in the rendering:
// "the (ja) occurred", "the first armed clash, the , occurred".
func lostName(text string, toks []textscan.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].Kind != textscan.Punct {
			continue
		}
		if n := toks[i+1].Text(text); n != "(" && n != "," && n != ")" {
			continue
		}
		if !strings.EqualFold(toks[i].Text(text), "the") {
			continue
		}
		for k := i + 2; k < len(toks) && k < i+10; k++ {
			w := toks[k].Text(text)
			if w == "occurred" || w == "began" || w == "broke" || w == "took" {
				return true
			}
		}
	}
	return false
}

// readName finds a clash's name: "Battle of Lake Khasan" (a name noun,
// "of", capitalized words) or "Tauran incident" (capitalized words and a
// name head).
func (x *article) readName(s *sent) {
	toks, tags, text := x.toks, x.tags, s.text
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != textscan.Word {
			continue
		}
		if t.Upper && tags[i].has(cNameOf) && i+2 < len(toks) && toks[i+1].Text(text) == "of" {
			r := i + 2
			if r+1 < len(toks) && toks[r].Text(text) == "the" {
				r++ // "Battle of the Bulge"
			}
			j := x.capRun(text, r)
			if j > r && !x.isMention(r) {
				s.name = text[t.Start:toks[j-1].End]
				s.nameSpan = annalist.Span{Start: s.span.Start + t.Start, End: s.span.Start + toks[j-1].End}
				s.namePlace = text[toks[r].Start:toks[j-1].End]
				s.nameAtStart = i <= 1
				return
			}
		}
		if t.Upper && tags[i].has(cNameOf) && i+1 < len(toks) && toks[i+1].Upper && toks[i+1].Kind == textscan.Word && toks[i+1].Space && !x.isMention(i+1) {
			// A code name: "Operation Sandstorm". It names no place.
			if j := x.capRun(text, i+1); j > i+1 {
				s.name = text[t.Start:toks[j-1].End]
				s.nameSpan = annalist.Span{Start: s.span.Start + t.Start, End: s.span.Start + toks[j-1].End}
				s.namePlace = ""
				// "Operation Sandstorm was launched …", "Ethiopia launched
				// Operation Sunset", "the PAF launched what it called
				// Operation Swift Retort": the operation opens the
				// sentence's telling either way.
				s.nameAtStart = i <= 1 || launchedBefore(toks, tags, i)
				s.codeName = true
				return
			}
		}
		if tags[i].has(cNameHead) && i > 0 && toks[i-1].Upper && toks[i-1].Kind == textscan.Word {
			k := i - 1
			for k > 0 && toks[k-1].Upper && toks[k-1].Kind == textscan.Word {
				k--
			}
			if strings.EqualFold(toks[k].Text(text), "the") || determiner(toks[k].Text(text)) {
				k++ // "the Tauran incident"; "This offensive" names nothing
			}
			if k >= i || x.isMention(k) {
				continue
			}
			s.name = text[toks[k].Start:t.End]
			s.nameSpan = annalist.Span{Start: s.span.Start + toks[k].Start, End: s.span.Start + t.End}
			s.namePlace = text[toks[k].Start:toks[i-1].End]
			s.nameAtStart = k <= 1
			return
		}
	}
}

// launchedBefore reports a word of launching among the four words before
// a code name at token i, words alone between them: "launched Operation
// Sunset", "launched what it called Operation Swift Retort".
func launchedBefore(toks []textscan.Token, tags []tag, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].Kind == textscan.Word; k-- {
		if tags[k].has(cLaunch) {
			return true
		}
	}
	return false
}

// quantities returns the quantities of the sentence just read, text,
// with spans relative to it: found on the first call for the sentence.
func (x *article) quantities(text string) []quantity.Quantity {
	if !x.qsRead {
		x.qsRead = true
		x.qs = x.qs[:0]
		// Every quantity holds a number, a "+" or a word of quantity: a
		// sentence without one has none, and costs no look-ups.
		for _, t := range x.toks {
			if mayCount(text, t) {
				x.qs = x.qf.Append(x.qs, text, x.toks)
				break
			}
		}
		x.qs = dropNoOne(text, x.toks, x.qs)
	}
	return x.qs
}

// dropNoOne drops the quantities that "no" denies: "No one was killed"
// counts nobody, not one.
func dropNoOne(text string, toks []textscan.Token, qs []quantity.Quantity) []quantity.Quantity {
	out := qs[:0]
	k := 0
	for _, q := range qs {
		for k < len(toks) && toks[k].End <= q.Span.Start {
			k++
		}
		if k > 0 && lowerIs(toks[k-1].Text(text), "no") && k < len(toks) && toks[k].Start == q.Span.Start && lowerIs(toks[k].Text(text), "one") {
			continue
		}
		out = append(out, q)
	}
	return out
}

// mayCount reports a token of text that a quantity may hold as its number
// or a word of it ("12", "+", "dozens", "several"): a sentence without
// one holds no quantity.
func mayCount(text string, t textscan.Token) bool {
	switch t.Kind {
	case textscan.Number:
		return true
	case textscan.Punct:
		return text[t.Start] == '+'
	case textscan.Word:
		return quantity.MayStart(t.Text(text))
	}
	return false
}

// inQuantity reports whether byte off of the sentence text lies in one of
// its quantities.
func (x *article) inQuantity(text string, off int) bool {
	for _, q := range x.quantities(text) {
		if q.Span.Start <= off && off < q.Span.End {
			return true
		}
	}
	return false
}

// breachBefore reports a word of breaking in the three words before the
// cease-fire word at i ("broke the truce", "violations of the
// ceasefire"): the truce's end, which tells fighting, not the fighting's.
func breachBefore(tags []tag, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if tags[k].has(cBreach) {
			return true
		}
	}
	return false
}

// pluralWord reports an English plural noun by its ending ("duels",
// "skirmishes"), not a mass noun or gerund ("fighting", "fire").
func pluralWord(w string) bool {
	return len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && w[len(w)-2] != 's'
}

// negated reports a fight word denied by the words right before it: "no
// further fighting took place", "without a fight", "did not attack", "never
// clashed". One untagged word (an adjective or article) may stand
// between.
func negated(text string, toks []textscan.Token, tags []tag, i int) bool {
	if i >= 2 && tags[i-1].has(cPerson|cUnit) {
		// "no Russian troops fought in the war": the fighters denied.
		for k := i - 2; k >= 0 && k >= i-3 && toks[k].Kind == textscan.Word; k-- {
			if lowerIs(toks[k].Text(text), "no") {
				return true
			}
		}
	}
	if i >= 2 && (lowerIs(toks[i-1].Text(text), "of") && lowerIs(toks[i-2].Text(text), "instead") || lowerIs(toks[i-1].Text(text), "than") && lowerIs(toks[i-2].Text(text), "rather")) {
		return true // "Instead of attacking the Italian positions, Menelik moved west"
	}
	if i >= 2 && lowerIs(toks[i-1].Text(text), "of") && lowerIs(toks[i-2].Text(text), "out") {
		return true // "their battleships almost out of shell": none left to fire
	}
	// "Neither side renewed the fight", "neither the French nor the
	// British attacked": a clause opened by "neither" denies its verb.
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if toks[k].Kind == textscan.Punct {
			break
		}
		if lowerIs(toks[k].Text(text), "neither") && (k == 0 || toks[k-1].Kind == textscan.Punct) {
			return true
		}
	}
	// "no heavy fighting", "without another battle", "no renewed
	// large-scale fighting": up to three words between, a hyphen's
	// halves one word.
	for k, words := i-1, 0; k >= 0 && words < 3; k-- {
		t := toks[k]
		if t.Kind == textscan.Dash && !t.Space && k+1 < len(toks) && !toks[k+1].Space {
			words-- // the word before it is the same word's
			continue
		}
		w := t.Text(text)
		if lowerIs(w, "no") || lowerIs(w, "not") || lowerIs(w, "without") || lowerIs(w, "never") || lowerIs(w, "nor") {
			return words < 2 || t.Kind == textscan.Word && lowerIs(w, "no")
		}
		if t.Kind != textscan.Word || t.Upper || tags[k].class != 0 && !tags[k].has(cAnother|cPersist) {
			return false // not past "another": "without another battle"
		}
		words++
	}
	return false
}

// endsAfter reports a verb of ending at token k, right after a fight
// word: "fighting ceased", "hostilities ended", "the fighting there came
// to an end".
func endsAfter(text string, toks []textscan.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	if w := toks[k].Text(text); lowerIs(w, "in") || lowerIs(w, "on") || lowerIs(w, "along") || lowerIs(w, "around") || lowerIs(w, "for") {
		// "the fighting in Tonkin and Taiwan ended", "the fighting for
		// the town ended": where it was, then its end.
		for j := k + 1; j < len(toks) && j <= k+6 && toks[j].Kind == textscan.Word; j++ {
			if endingAt(text, toks, j) {
				return true
			}
		}
		return false
	}
	if lowerIs(toks[k].Text(text), "there") {
		k++
	}
	return endingAt(text, toks, k)
}

// endingAt reports a verb of fighting's end at token k: "ended", "came to
// an end", "died down".
func endingAt(text string, toks []textscan.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	if w := toks[k].Text(text); lowerIs(w, "came") || lowerIs(w, "come") {
		return k+3 < len(toks) && lowerIs(toks[k+1].Text(text), "to") && lowerIs(toks[k+2].Text(text), "an") && lowerIs(toks[k+3].Text(text), "end")
	} else if lowerIs(w, "died") || lowerIs(w, "dies") {
		return k+1 < len(toks) && lowerIs(toks[k+1].Text(text), "down") // "the fighting died down"
	}
	return ending(toks[k].Text(text))
}

// foughtHere reports the fighting that ends at token k told as a
// clash's, by where it was or what it was for: "the fighting there
// ended", "the fighting for Vel came to an end". The war's fighting ends
// with no such word, or in the lands it was fought in ("the fighting in
// Tonkin ended").
func foughtHere(text string, toks []textscan.Token, k int) bool {
	return k < len(toks) && (lowerIs(toks[k].Text(text), "there") || lowerIs(toks[k].Text(text), "for"))
}

// ending reports a verb of fighting's end: "ceased", "ended".
func ending(w string) bool {
	return lowerIs(w, "ceased") || lowerIs(w, "ended") || lowerIs(w, "stopped") || lowerIs(w, "halted") || lowerIs(w, "subsided")
}

// irrealis reports a fight word at token i told as what may or would
// happen, not what did: one planned ("with a view to an offensive",
// "plans for an attack", "a planned invasion"), after a modal ("could
// attack", "might be shelled"), after "would" ("did not believe that the
// British would fire on him"; not "would later attack"), after "will" in
// a clause of a condition or a threat, or after a word of intent and "to"
// ("threatened to attack", "was not willing to attack"; not "were able
// to capture").
func irrealis(text string, toks []textscan.Token, i int) bool {
	// "with a view to an offensive", "plans for an attack", "a planned
	// invasion", "prepared an invasion", "the expected attack": what was
	// meant or awaited.
	if plannedAs(text, toks, i) {
		return true
	}
	if i >= 2 && lowerIs(toks[i-1].Text(text), "and") {
		// "Barrios was to lead a column through the forest and fall on
		// the allied left": the second verb of an infinitive is meant as
		// the first is, and so is the second gerund of a course turned
		// down ("voted against crossing the river and fighting").
		for j := i - 2; j >= 0 && j >= i-20 && (toks[j].Kind == textscan.Word || toks[j].Text(text) == ","); j-- {
			if (lowerIs(toks[j].Text(text), "to") || lowerIs(toks[j].Text(text), "against")) && j+1 < i-1 && !toks[j+1].Upper {
				if irrealis(text, toks, j+1) {
					return true
				}
				break
			}
		}
	}
	if i+1 < len(toks) && lowerIs(toks[i+1].Text(text), "any") {
		// "measures to repel any armed attack", "ready to crush any
		// rising": whatever might come, not a fight told.
		return true
	}
	k := i - 1
	if b := k; b >= 0 && (lowerIs(toks[b].Text(text), "be") || b >= 1 && strings.HasSuffix(toks[b].Text(text), "ly") && lowerIs(toks[b-1].Text(text), "be")) {
		// "insisted that the Ostran fort be attacked at once", "expected to
		// be attacked", "could be stormed": the bare "be" of a wish, a
		// purpose or a modal, not a fight told as done.
		return true
	}
	if k >= 1 && lowerIs(toks[k].Text(text), "being") && (lowerIs(toks[k-1].Text(text), "to") || lowerIs(toks[k-1].Text(text), "of")) {
		// "close to being outflanked", "in danger of being cut off",
		// "instead of being attacked": a fate near or feared, not one
		// met ("after being attacked" was).
		return true
	}
	if k >= 0 && lowerIs(toks[k].Text(text), "for") && !strings.HasSuffix(toks[i].Text(text), "ing") {
		// "deployed for attack", "ready for battle": a purpose, with no
		// determiner; not "decorated for attacking a convoy".
		return true
	}
	// "expected a night attack", "feared a general assault": a word or
	// two of the fight's kind between, one of them maybe hyphened ("a
	// large-scale attack").
	if k >= 2 && toks[k].Kind == textscan.Word && !awaited(toks[k].Text(text)) && toks[k-1].Kind == textscan.Dash && !toks[k-1].Space && !toks[k].Space && toks[k-2].Kind == textscan.Word {
		k -= 2
	}
	for n := 0; n < 2 && k > 0 && toks[k].Kind == textscan.Word && (!toks[k].Upper || k < i-1 || isDeterminerWord(toks[k-1].Text(text))) && !isDeterminerWord(toks[k].Text(text)) && !awaited(toks[k].Text(text)) && isDeterminerWord(toks[k-1].Text(text)); n++ {
		k-- // "feared an Ottoman campaign", "expected a night attack"
	}
	for j, n := k, 0; n < 2 && j >= 1 && toks[j].Kind == textscan.Word && !toks[j].Upper && !isDeterminerWord(toks[j].Text(text)); j, n = j-1, n+1 {
		// "to avoid armed clashes", "sought open battle", "forbade
		// further surface sorties": no determiner, a word or two between.
		if awaited(toks[j-1].Text(text)) || shunnedOrSought(toks[j-1].Text(text)) {
			k = j - 1
			break
		}
	}
	if k >= 0 && isDeterminerWord(toks[k].Text(text)) {
		k--
	}
	if k >= 1 && lowerIs(toks[k].Text(text), "such") {
		// "fearing exactly such an attack"
		k--
		if k >= 1 && strings.HasSuffix(toks[k].Text(text), "ly") {
			k--
		}
	}
	if k >= 0 {
		w := toks[k].Text(text)
		if awaited(w) {
			return true
		}
		if shunnedOrSought(w) {
			// "orders to seek battle", "to avoid battle", "voted against
			// crossing the river to offer battle", "declined battle": a
			// fight chosen or turned down, not fought.
			return true
		}
		if preferred(w) {
			return true // "rejected the plan, preferring a frontal assault": a choice, not yet made
		}
		if k >= 1 && (lowerIs(w, "to") && lowerIs(toks[k-1].Text(text), "view") || lowerIs(w, "for") && (lowerIs(toks[k-1].Text(text), "plans") || lowerIs(toks[k-1].Text(text), "plan") || lowerIs(toks[k-1].Text(text), "preparations"))) {
			return true
		}
		if k >= 1 && lowerIs(w, "for") && (intentWord(toks[k-1].Text(text)) || advocated(toks[k-1].Text(text))) {
			return true // "eager for a battle", "argued for a decisive battle"
		}
		j := k
		for j > 0 && j > k-2 && toks[j].Upper {
			j-- // a people's adjective: "any French attack"
		}
		if lowerIs(toks[j].Text(text), "any") || j == k && j >= 1 && toks[j].Kind == textscan.Word && lowerIs(toks[j-1].Text(text), "any") {
			// "the flank of any French attack", "to repel any armed
			// attack": whichever might come.
			return true
		}
		if j < k && awaited(toks[j].Text(text)) {
			return true // "the impending Zembrian offensive"
		}
		if isDeterminerWord(toks[j].Text(text)) {
			j--
		}
		if j >= 1 && lowerIs(toks[j].Text(text), "of") && (lowerIs(toks[j-1].Text(text), "event") || lowerIs(toks[j-1].Text(text), "case")) {
			return true // "assistance in the event of a Bulgarian attack": one provided for
		}
		if j >= 1 && lowerIs(toks[j].Text(text), "of") && foreboding(toks[j-1].Text(text)) {
			// "warning of an Ethiopian invasion", "the threat of an
			// attack": one feared.
			return true
		}
	}
	for j := i + 1; j < len(toks)-1 && j <= i+5 && toks[j].Kind != textscan.Punct; j++ {
		if awaited(toks[j].Text(text)) && lowerIs(toks[j+1].Text(text), "for") {
			// "A raid on Goose Green planned for 24 May was cancelled":
			// the raid planned, not made; not "the attack, planned for
			// dawn, began at five", set off by commas.
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].Kind != textscan.Word {
			return false
		}
		if toks[k].Upper {
			continue // "On 9 May a destroyer shelled the port": a month, a name
		}
		w := toks[k].Text(text)
		switch {
		case lowerIs(w, "could"), lowerIs(w, "might"), lowerIs(w, "should"), lowerIs(w, "must"), lowerIs(w, "may"), lowerIs(w, "can"), lowerIs(w, "shall"):
			return true
		case lowerIs(w, "would"):
			// "did not believe that the British would fire on him"; not
			// the narrative's "would later attack".
			return !laterBetween(text, toks, k, i)
		case lowerIs(w, "will"):
			return conditionBefore(text, toks, k)
		case lowerIs(w, "once"), lowerIs(w, "unless"), lowerIs(w, "if"):
			// "promised that it would enter the war once Germany was
			// defeated": the condition of what would be, not a fight told.
			return wordBefore(text, toks, k, "would", "will")
		case lowerIs(w, "of") && k >= 1 && k+1 <= i && strings.HasSuffix(toks[k+1].Text(text), "ing") && intentNoun(toks[k-1].Text(text)):
			// "in the hope of provoking an attack", "with the aim of
			// storming the town": a purpose, not a fight told.
			return true
		case lowerIs(w, "against") && k == i-1 && strings.HasSuffix(toks[i].Text(text), "ing") && verbalAfter(text, toks, i+1):
			// "voted against attacking the camp", "argued against
			// fighting": a course turned down. Not "held out against
			// attacking columns", an adjective before its noun.
			return true
		case lowerIs(w, "to"):
			if k == 0 {
				return false
			}
			if intentWord(toks[k-1].Text(text)) || lowerIs(toks[k-1].Text(text), "whether") {
				// "debated whether to attack the castle": a choice
				// weighed, not made.
				return true
			}
			if v := toks[k-1].Text(text); lowerIs(v, "was") || lowerIs(v, "were") || lowerIs(v, "is") || lowerIs(v, "are") {
				// "The plan was to seize the heights", "the brigade was to
				// attack at dawn": what was meant or ordered, not done.
				return true
			}
			// "ordered 2 Para to attack the isthmus": an order, which the
			// narrative tells carried out, if it was.
			for j := k - 2; j >= 0 && j >= k-5 && toks[j].Kind != textscan.Punct; j-- {
				if orderVerb(toks[j].Text(text)) {
					return true
				}
			}
			// "the determination of the Venetians to fight": a noun of
			// intent and its "of" phrase.
			for j := k - 1; j >= 1 && j >= k-5 && toks[j].Kind == textscan.Word; j-- {
				if lowerIs(toks[j].Text(text), "of") {
					v := toks[j-1].Text(text)
					return lowerIs(v, "determination") || lowerIs(v, "resolve") || lowerIs(v, "desire") || lowerIs(v, "will")
				}
			}
			return false
		}
	}
	return false
}

// byAThing reports a passive fight word from token i to token n with
// "by" and a thing after it, no party, body of troops or people: "a
// large mango grove, surrounded by a mud bank", "surrounded by
// marshes"; not "surrounded by Ostran troops". The active with "with"
// is the same: "surrounded the camp with a zariba".
func (x *article) byAThing(text string, i, n int) bool {
	if n+1 < len(x.toks) && isPossessive(x.toks[n].Text(text)) && strings.HasSuffix(x.toks[i].Text(text), "ed") {
		// "surrounded the camp with a zariba of thorn bushes": works
		// thrown up around ground of one's own; not "surrounded the
		// town with two divisions", nor the Ostrans with anything.
		for k := n + 1; k < len(x.toks) && k <= n+3; k++ {
			if x.isMention(k) || x.tags[k].has(cUnit|cRegular|cIrregular|cPerson|cEnemy) || x.toks[k].Kind != textscan.Word {
				return false
			}
			if lowerIs(x.toks[k].Text(text), "with") {
				return x.thingsAfter(text, k)
			}
		}
		return false
	}
	if n+1 >= len(x.toks) || !lowerIs(x.toks[n].Text(text), "by") || !strings.HasSuffix(x.toks[i].Text(text), "ed") {
		return false
	}
	if i == 0 || !x.tags[i-1].has(cPlaceNoun) && !lowerIs(x.toks[i-1].Text(text), ",") {
		return false // "the camp was surrounded by …" may be by anyone
	}
	return x.thingsAfter(text, n)
}

// thingsAfter reports that the few words after token n name things, not
// troops, people or a party: "by a mud bank and a ditch", "with a zariba".
func (x *article) thingsAfter(text string, n int) bool {
	for k := n + 1; k < len(x.toks) && k <= n+4; k++ {
		if x.isMention(k) || x.tags[k].has(cUnit|cRegular|cIrregular|cPerson|cEnemy) || x.toks[k].Upper {
			return false
		}
		if x.toks[k].Kind != textscan.Word {
			break
		}
	}
	return true
}

// nounEndsAt reports that the noun phrase before token k ends there: at
// the sentence's end, a mark or a word that opens what follows ("called
// off the attack on 24 August", "abandoned the siege and withdrew"), not
// a noun the word before was said of ("abandoned the battle lines").
func nounEndsAt(text string, toks []textscan.Token, k int) bool {
	if k > 0 && k <= len(toks) && isPrepBefore(toks[k-1].Text(text)) {
		return true // the lexicon's "attack on": the place comes next
	}
	if k >= len(toks) || toks[k].Kind != textscan.Word {
		return k >= len(toks) || toks[k].Kind == textscan.Punct
	}
	w := toks[k].Text(text)
	return isPrepBefore(w) || lowerIs(w, "and") || lowerIs(w, "but") || lowerIs(w, "when") || lowerIs(w, "which") || lowerIs(w, "that") || lowerIs(w, "as")
}

// stoppedBefore reports a verb of stopping right before the fight word at
// token i, or a word before it: "if the Boers stopped fighting", "it was
// suspending offensive operations", "halted the attack": the fighting
// ended, or was to.
func stoppedBefore(text string, toks []textscan.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch w := toks[k].Text(text); {
		case lowerIs(w, "stopped"), lowerIs(w, "stop"), lowerIs(w, "stopping"), lowerIs(w, "suspended"), lowerIs(w, "suspend"), lowerIs(w, "suspending"),
			lowerIs(w, "halted"), lowerIs(w, "halt"), lowerIs(w, "halting"), lowerIs(w, "ceased"), lowerIs(w, "cease"), lowerIs(w, "ceasing"),
			lowerIs(w, "abandoned"), lowerIs(w, "abandon"), lowerIs(w, "abandoning"):
			return true
		case lowerIs(w, "off") && k > 0:
			// "called off the attack", "broke off the assault"
			v := toks[k-1].Text(text)
			return lowerIs(v, "called") || lowerIs(v, "call") || lowerIs(v, "calling") || lowerIs(v, "broke") || lowerIs(v, "break") || lowerIs(v, "breaking")
		case toks[k].Kind != textscan.Word:
			return false
		}
	}
	return false
}

// modalAfter reports a modal right after a fight word that ends before
// token n: "argued that a raid would endanger the hostages", what might
// be, not what was.
func modalAfter(text string, toks []textscan.Token, n int) bool {
	if n >= len(toks) {
		return false
	}
	w := toks[n].Text(text)
	return lowerIs(w, "would") || lowerIs(w, "could") || lowerIs(w, "might") || lowerIs(w, "should")
}

// intentNoun reports a noun of purpose before "of" and a gerund: "the
// hope of provoking an attack", "with the aim of storming the town".
func intentNoun(w string) bool {
	var buf [24]byte
	switch string(lowerWord(&buf, w)) {
	case "hope", "hopes", "aim", "intention", "purpose", "object", "idea", "prospect":
		return true
	}
	return false
}

// verbalAfter reports that the token at j does not go on with a noun
// phrase the gerund before it would modify: the clause ends there, or
// "and", a determiner or a preposition follows ("against attacking the
// camp", "against fighting."), as after a verb.
func verbalAfter(text string, toks []textscan.Token, j int) bool {
	if j >= len(toks) || toks[j].Kind == textscan.Punct {
		return true
	}
	if toks[j].Kind != textscan.Word {
		return false
	}
	w := toks[j].Text(text)
	return lowerIs(w, "and") || lowerIs(w, "or") || isDeterminerWord(w) || isPrepBefore(w)
}

// intentWord reports a word of intent before "to" and a fight word:
// "threatened to attack", "was not willing to attack", "the resolve to
// fight", "could have expected to lose in battle"; not "were able to
// capture".
func intentWord(w string) bool {
	for _, intent := range [...]string{"threatened", "threatening", "threaten", "threatens", "planned", "planning", "intended", "intending", "refused", "hoped", "hoping", "wanted", "vowed", "promised",
		"willing", "unwilling", "ready", "eager", "poised", "reluctant", "unable", "determination", "resolve", "desire", "prepared", "preparing", "expected", "expecting",
		"authorised", "authorized", "permitted", "allowed",
		// a choice made, not yet carried out: "the king decided to
		// stand and fight"
		"decided", "resolved", "determined", "chose", "elected"} {
		if lowerIs(w, intent) {
			return true
		}
	}
	return false
}

// preferred reports a verb of choosing or urging whose object is a course
// not yet taken: "preferring a frontal assault", "proposed a night
// attack", "urged an immediate offensive".
func preferred(w string) bool {
	for _, v := range [...]string{"prefer", "preferred", "preferring", "favoured", "favouring", "favored", "favoring",
		"propose", "proposed", "proposing", "urge", "urged", "urging", "advocate", "advocated", "advocating"} {
		if lowerIs(w, v) {
			return true
		}
	}
	return false
}

// advocated reports a verb that asks for a thing before "for": "argued
// for a decisive battle", "pressed for an offensive".
func advocated(w string) bool {
	return lowerIs(w, "argued") || lowerIs(w, "called") || lowerIs(w, "pressed") || lowerIs(w, "pushed") || lowerIs(w, "lobbied") || lowerIs(w, "asked")
}

// orderVerb reports a verb that orders or asks someone to do a thing, or
// forbids it: "ordered 2 Para to attack", "told the brigade to hold",
// "his orders forbade him to attack the town".
func orderVerb(w string) bool {
	return lowerIs(w, "ordered") || lowerIs(w, "ordering") || lowerIs(w, "instructed") || lowerIs(w, "commanded") || lowerIs(w, "told") || lowerIs(w, "urged") || lowerIs(w, "asked") ||
		lowerIs(w, "forbade") || lowerIs(w, "forbidden") || lowerIs(w, "forbidding") || lowerIs(w, "forbid") || lowerIs(w, "forbids")
}

// foreboding reports a noun or verb of a fight feared before "of":
// "warning of", "the threat of", "fears of".
func foreboding(w string) bool {
	var buf [24]byte
	switch string(lowerWord(&buf, w)) {
	case "warning", "warned", "warnings", "warn", "threat", "threats", "fear", "fears", "danger", "risk", "rumours", "rumors":
		return true
	}
	return false
}

// awaited reports a word of what was meant or awaited before a fight
// noun: "planned", "expected", "feared", "fearing", "coming".
// shunnedOrSought reports a verb of a fight chosen or turned down, not
// fought: "orders to seek battle", "to avoid battle", "offered battle",
// "declined battle", "refused battle".
func shunnedOrSought(w string) bool {
	var buf [24]byte
	switch string(lowerWord(&buf, w)) {
	case "seek", "sought", "seeking", "avoid", "avoided", "avoiding", "offer", "offered", "offering",
		"decline", "declined", "declining", "refuse", "refused", "refusing",
		// verbs of forbidding (WordNet's forbid, prohibit, ban): "forbade
		// further sorties", a fight ruled out
		"forbid", "forbids", "forbade", "forbidden", "forbidding", "prohibit", "prohibits", "prohibited",
		"prohibiting", "ban", "bans", "banned", "banning":
		return true
	}
	return false
}

func awaited(w string) bool {
	var buf [24]byte
	switch string(lowerWord(&buf, w)) {
	case "planned", "intended", "proposed", "projected", "prepared", "preparing", "expected", "feared", "fearing",
		// adjectives of a time to come: "the coming invasion", "the
		// impending offensive"
		"coming", "impending", "upcoming", "forthcoming", "imminent",
		// verbs of asking for one: "urged an immediate attack",
		// "favoured a counter-offensive"
		"urged", "favoured", "favored", "advocated",
		// verbs of allowing one: "the cabinet approved a large-scale
		// attack", "sanctioned a raid"
		"approved", "sanctioned", "authorised", "authorized":
		return true
	}
	return false
}

// isDeterminerWord reports "a", "an" or "the".
func isDeterminerWord(w string) bool {
	return lowerIs(w, "a") || lowerIs(w, "an") || lowerIs(w, "the")
}

// laterBetween reports an adverb of later time between tokens k and i,
// or right after i: "would later attack", "would attack again".
func laterBetween(text string, toks []textscan.Token, k, i int) bool {
	for j := k + 1; j <= i+1 && j < len(toks); j++ {
		w := toks[j].Text(text)
		if lowerIs(w, "later") || lowerIs(w, "eventually") || lowerIs(w, "again") || lowerIs(w, "soon") {
			return true
		}
	}
	return false
}

// conditionBefore reports a word of a condition or a threat in the
// clause before token k: "if", "unless", "or" ("or the ships would open
// fire"), "otherwise", or an ultimatum or warning.
func conditionBefore(text string, toks []textscan.Token, k int) bool {
	return wordBefore(text, toks, k, "if", "unless", "or", "otherwise", "ultimatum", "threatened", "warned")
}

// wordBefore reports one of words before token k in its clause: the
// tokens back to the sentence's start or a semicolon.
func wordBefore(text string, toks []textscan.Token, k int, words ...string) bool {
	for j := k - 1; j >= 0; j-- {
		w := toks[j].Text(text)
		if w == ";" {
			return false
		}
		for _, c := range words {
			if lowerIs(w, c) {
				return true
			}
		}
	}
	return false
}

// repelsAt reports a word driving an attack back at token i, in the
// active voice: "reinforcements drove the Chinese off", "repulsed the
// attack"; not "were driven back". "drove" is one only with its particle
// ("drove off", "drove the Chinese back": the lexicon's entries, matched
// with the object between, see splitParticle).
func repelsAt(text string, toks []textscan.Token, tags []tag, i int) bool {
	if !tags[i].has(cRepel) {
		return false
	}
	return i == 0 || !passiveAux(toks[i-1].Text(text))
}

// passiveAux reports a form of "be" that makes the participle after it
// passive ("were driven back", "was attacked", "being shelled").
func passiveAux(w string) bool {
	return lowerIs(w, "was") || lowerIs(w, "were") || lowerIs(w, "been") || lowerIs(w, "being")
}

// sinceBegun returns the days that s, the sentence just read, reckons
// from the beginning of a fight it refers to ("Five days after the
// bombardment began", "two weeks after the siege had opened"), or 0.
func (x *article) sinceBegun(s *sent) int {
	toks, tags := x.toks, x.tags
	for _, q := range x.quantities(s.text) {
		n, ok := daysOf(q)
		if !ok {
			continue
		}
		k := 0
		for k < len(toks) && toks[k].Start < q.Span.End {
			k++
		}
		if k < len(toks) && (lowerIs(toks[k].Text(s.text), "days") || lowerIs(toks[k].Text(s.text), "weeks")) {
			k++ // the unit, when the quantity's span stops at its number
		}
		if k+2 >= len(toks) || !lowerIs(toks[k].Text(s.text), "after") || !isDeterminerWord(toks[k+1].Text(s.text)) {
			continue
		}
		if f := k + 2; tags[f].has(cFight) {
			v := f + tags[f].length(cFight)
			if v < len(toks) && tags[v].has(cAux) {
				v++ // "had begun"
			}
			if v < len(toks) && tags[v].has(cBegin) {
				return n
			}
		}
	}
	return 0
}

// dayOrdinal returns n for a sentence that opens "On the nth day" ("By
// the third day", "On the fifth day of the siege"), or 0.
func (x *article) dayOrdinal(s *sent) int {
	toks, tags := x.toks, x.tags
	for k := 1; k+1 < len(toks) && k <= 3; k++ {
		if tags[k].has(cOrdinal) && lowerIs(toks[k-1].Text(s.text), "the") && lowerIs(toks[k+1].Text(s.text), "day") {
			return int(tags[k].weight)
		}
	}
	return 0
}

// namesParty reports whether s names a party, not only a place.
func (s *sent) namesParty() bool {
	for _, m := range s.parties {
		if !m.location {
			return true
		}
	}
	return false
}

// habitualFighting reports a sentence whose every word of its own
// fighting has an adverb of frequency within two words ("clashed
// repeatedly", "frequently raided"), told of a period longer than a month
// or of no date: fighting repeated, not a clash. "On 4 May the guns
// repeatedly shelled the town" is a clash of that day.
func (x *article) habitualFighting(s *sent) bool {
	if x.throughMonths(s) {
		return true
	}
	if s.hasDate && annalist.DatePrec(s.start, s.end) <= 4 {
		return false
	}
	tags := x.tags
	seen := false
	for i := range tags {
		if !tags[i].has(cFight) || x.toks[i].Start < s.fightAt {
			continue
		}
		// Beside it, or a time as long later in its clause: "had been
		// fighting each other on and off for two centuries".
		near := false
		for k := max(0, i-2); k < len(tags) && k <= i+8 && !(k > i && x.toks[k].Kind == textscan.Punct); k++ {
			near = near || tags[k].has(cHabitual) && (k <= i+2 || forBefore(s.text, x.toks, k))
		}
		if !near {
			return false
		}
		seen = true
	}
	return seen
}

// throughMonths reports clashes told in the plural over a month or more
// ("Through July, clashes between the guards and the irregulars spread
// across the region"): a tally of them, not one.
func (x *article) throughMonths(s *sent) bool {
	if !s.hasDate || s.start.Prec > annalist.PrecMonth || s.relative {
		return false
	}
	k := x.fightToken(s)
	if k < 0 || !pluralWord(x.toks[k].Text(s.text)) || x.tags[k].length(cFight) != 1 {
		return false
	}
	for i, t := range x.toks {
		if t.Start >= x.toks[k].Start {
			break
		}
		if w := t.Text(s.text); (lowerIs(w, "through") || lowerIs(w, "throughout")) && i+1 < len(x.toks) && x.inExpr(x.toks[i+1].Start) {
			return true
		}
	}
	return false
}

// forBefore reports "for" one or two words before token k: "for
// decades", "for two centuries".
func forBefore(text string, toks []textscan.Token, k int) bool {
	return k >= 1 && lowerIs(toks[k-1].Text(text), "for") || k >= 2 && lowerIs(toks[k-2].Text(text), "for")
}

// fellToNoOne reports "fell to" at token i that is not a place taken by a
// force ("Lod fell to Zembrian troops", "fell to the Japanese"): a number
// falling ("attacks fell to 12") or anything else after it.
func fellToNoOne(text string, toks []textscan.Token, i int) bool {
	if !fallsTo(text, toks, i) {
		return false // not "fell to": "fell upon"
	}
	k := i + 2
	if k < len(toks) && lowerIs(toks[k].Text(text), "the") {
		k++
	}
	return k >= len(toks) || toks[k].Kind != textscan.Word || !toks[k].Upper
}

// fightsToInfinitive reports "to" before the first word of fighting of
// s, the sentence being read: the fight word of "turned to fight" is the
// clause's purpose, not a fight of its own.
func (x *article) fightsToInfinitive(s *sent) bool {
	ft := x.fightToken(s)
	return ft > 0 && lowerIs(x.toks[ft-1].Text(s.text), "to")
}
