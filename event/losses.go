// Losses: the numbers of a sentence that count the dead, wounded,
// captured and missing of a side, and stated strengths.

package event

import (
	"slices"
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
)

// lossWord is what a walk from a number found after it.
type lossWord struct {
	kind     int // kDeath…, or -1
	none     bool
	materiel string
	what     string
	own      *mention
	endByte  int
	person   bool   // the number counts people ("30 men", "140 Mongolians")
	role     int    // +1 a state's forces ("soldiers"), -1 an armed group's ("rebels"), else 0
	camp     int    // +1 the attackers ("raiders"), -1 the attacked ("defenders"), else 0
	people   bool   // the walk crossed a noun of people ("three attackers died")
	noun     string // that noun, as written
	crew     bool   // that noun names a vehicle's crew ("pilots", "sailors")
	// ofThem: the number counts "of them", people the sentence's subject
	// names ("The garrison escaped; 1,300 of them were captured").
	ofThem bool
}

// peopleAt reports a noun of people at token k of s, after any party
// naming them ("defenders", "Ostran soldiers").
func (x *article) peopleAt(s *sent, k int) bool {
	if m := x.mentionAt(s, k); m != nil {
		k += m.ntok
	}
	return k < len(x.tags) && x.tags[k].has(cPerson)
}

// rateAt reports a rate over time at token k of s: "per day", "a week",
// "each month", "daily".
func (x *article) rateAt(s *sent, k int) bool {
	if k >= len(x.tags) {
		return false
	}
	if x.tags[k].has(cRate) {
		return strings.HasSuffix(x.toks[k].Text(s.text), "ly") // "daily", "annually"
	}
	if k+1 >= len(x.tags) || !x.tags[k+1].has(cRate) {
		return false
	}
	for _, w := range [...]string{"per", "a", "an", "each", "every"} {
		if lowerIs(x.toks[k].Text(s.text), w) {
			return true
		}
	}
	return false
}

// clauseSubject returns the side of the subject of the clause that holds
// the number at token ti, its verb at token k: the party a relative
// pronoun stands for ("routed the Hungarians, who lost 200 men"), the
// first party of the number's own clause ("the Hungarians stormed Trau;
// the Venetians lost 90 men"), else the sentence's subject (whole).
func (x *article) clauseSubject(d *draft, s *sent, k, ti int, whole func() int) int {
	toks, text := x.toks, s.text
	if k >= 1 && k-1 < len(x.before) && isRelative(toks[k-1].Text(text)) {
		if p := x.before[k-1][0]; p >= 0 {
			return x.sideOfParty(d, s.parties[p].canonical)
		}
	}
	// "Indian aircraft attacked the destroyer, which was sunk with the loss
	// of 120 crew": a relative clause after the object of the fighting
	// tells of the object, the other side of the party that fought.
	for j := ti - 1; j >= 1 && j < len(x.before); j-- {
		if toks[j].Text(text) == ";" || toks[j].Kind == textscan.Number {
			break
		}
		if !isRelative(toks[j].Text(text)) || toks[j-1].Text(text) != "," {
			continue
		}
		p := x.before[j][0]
		if p < 0 {
			break
		}
		for f := s.parties[p].tok + s.parties[p].ntok; f < j; f++ {
			if x.isMention(f) {
				break // a party after the fighting: the pronoun is its
			}
			if x.fightVerb(text, f) {
				return opposite(x.sideOfParty(d, s.parties[p].canonical))
			}
		}
		break
	}
	if ti >= len(x.before) {
		return whole()
	}
	start := int(x.before[ti][3]) // the clause break before the number
	if start < 0 {
		return whole()
	}
	for _, m := range s.parties {
		if m.location || m.tok <= start {
			continue
		}
		if m.tok >= ti {
			break
		}
		side := x.sideOfParty(d, m.canonical)
		for j := start + 1; j < m.tok; j++ {
			if x.fightVerb(text, j) {
				return opposite(side) // the object of the clause's fighting
			}
		}
		return side
	}
	// "…, and in the exchange of fire that followed the enemy lost 7
	// men": a clause whose subject is named by its part in the clash.
	for j := start + 1; j < ti && j < len(x.tags); j++ {
		if c := camp(x.tags[j]); c != 0 {
			return x.campSide(d, c)
		}
	}
	// "Rebels attacked the garrison; the army lost six men": by its role,
	// in a war of a state against an armed group.
	if r := x.roleBefore(ti, ti); r >= 0 {
		return r
	}
	return whole()
}

// fightVerb reports a word of fighting at token k of the sentence just
// read (its text) used as a verb, with an object after it ("drove the
// Mongolians south"), not as a noun ("the assault", "after fighting").
func (x *article) fightVerb(text string, k int) bool {
	return x.tags[k].has(cFight) && !(k > 0 && nounBefore(x.toks[k-1].Text(text)))
}

// nounBefore reports a word after which a fight word is a noun ("the
// assault", "after fighting").
func nounBefore(w string) bool {
	for _, d := range [...]string{"a", "an", "this", "that"} {
		if lowerIs(w, d) {
			return true
		}
	}
	return isPossessive(w) || isPrepBefore(w)
}

// isRelative reports a relative pronoun that opens a clause about the
// party before it ("…, who lost 200 men").
func isRelative(w string) bool { return lowerIs(w, "who") || lowerIs(w, "which") }

// materielVerbAt returns where the word of what befell things ends at
// token k of the sentence just read ("destroyed", "shot down") starts, or
// -1.
func (x *article) materielVerbAt(k int) int {
	return x.entryEndingAt(k, cMateriel)
}

// entryEndingAt returns where a lexicon entry of class c that ends at
// token k of the sentence just read starts ("shot dead" for "dead"), or
// -1.
func (x *article) entryEndingAt(k int, c class) int {
	for j := k; j >= 0 && j >= k-2; j-- {
		if x.tags[j].has(c) && j+x.tags[j].length(c)-1 == k {
			return j
		}
	}
	return -1
}

// materielAhead reports a word of what befells things ("destroyed",
// "shot down") within a few tokens from k of the sentence just read, with
// only the words of a thing's name and "was", "were" between.
func (x *article) materielAhead(k int) bool {
	for j := k; j < len(x.toks) && j <= k+5; j++ {
		switch {
		case x.tags[j].has(cMateriel):
			return j > k
		case x.tags[j].has(cAux), x.toks[j].Kind == textscan.Dash, x.toks[j].Kind == textscan.Number && !x.toks[j].Space,
			x.toks[j].Kind == textscan.Word && (x.toks[j].Upper || !x.toks[j].Space):
		default:
			return false
		}
	}
	return false
}

// isPossessive reports a word that may stand between "of" and the people
// a number counts ("of the defenders", "of their men").
func isPossessive(w string) bool {
	for _, p := range [...]string{"the", "their", "his", "her", "its", "our", "these", "those"} {
		if lowerIs(w, p) {
			return true
		}
	}
	return false
}

// yieldedTo returns the side of the party a yield word gave up to, when
// token k, right after it, opens "to" and that party ("surrendered to
// the Russians", "to the allies"), or -1.
func (x *article) yieldedTo(d *draft, s *sent, k int) int {
	if k < 1 || k+1 >= len(x.toks) || !x.tags[k-1].has(cYield) || !lowerIs(x.toks[k].Text(s.text), "to") {
		return -1
	}
	k++
	if lowerIs(x.toks[k].Text(s.text), "the") && k+1 < len(x.toks) {
		k++
	}
	if m := x.mentionAt(s, k); m != nil && !m.location {
		return x.sideOfParty(d, m.canonical)
	}
	if c := camp(x.tags[k]); c == campCoalition {
		return x.campSide(d, c)
	}
	return -1
}

// campCoalition is the camp of the side made of several states ("the
// allies"), apart from the attackers (1) and the attacked (-1).
const campCoalition = 2

// camp is +1 for a word naming the attackers of a clash, -1 for the
// attacked, campCoalition for a side of several states, else 0.
func camp(t tag) int {
	switch {
	case t.has(cCoalition):
		return campCoalition
	case t.has(cAttacker):
		return 1
	case t.has(cDefender), t.has(cEnemy):
		// "the enemy" of a narrative is the other side than the one it
		// follows: the side its clash's first party attacked.
		return -1
	}
	return 0
}

// sharedSubject reports a number at token ti in a predicate joined by
// "and" or "but" to the one before and sharing its subject, in the
// passive: "and were driven back with 72 killed", "but was repulsed,
// with 40 dead". No party, number or clause break stands between.
func (x *article) sharedSubject(s *sent, ti int) bool {
	toks, text := x.toks, s.text
	for k := ti - 1; k >= 1 && k >= ti-8; k-- {
		if x.isMention(k) || toks[k].Kind == textscan.Number || toks[k].Text(text) == ";" {
			return false
		}
		if w := toks[k].Text(text); (lowerIs(w, "was") || lowerIs(w, "were")) && (lowerIs(toks[k-1].Text(text), "and") || lowerIs(toks[k-1].Text(text), "but")) {
			return true
		}
	}
	return false
}

// clauseCamp returns the camp (see camp) of the word that names the
// subject of the clause holding the number at token ti by its part in
// the clash ("; the attackers lost …", ", and the enemy had 300 dead"),
// or 0: the first such word after the clause's start, with no party
// named before it in the clause.
func (x *article) clauseCamp(s *sent, ti int) int {
	if ti >= len(x.before) {
		return 0
	}
	// From the clause's start, or the sentence's ("a relief column was
	// ambushed … and lost 35 men").
	start := int(x.before[ti][3])
	for j := start + 1; j < ti; j++ {
		if x.toks[j].Kind == textscan.Number && j+1 < ti && camp(x.tags[j+1]) != 0 {
			// "of its 250 defenders, 179 were killed": part of them.
			return camp(x.tags[j+1])
		}
		if x.isMention(j) || x.toks[j].Kind == textscan.Number {
			return 0
		}
		if c := camp(x.tags[j]); c != 0 {
			return c
		}
	}
	return 0
}

// campSide returns the side of d's attackers (camp +1) or of those they
// attacked (-1): the clash's first party is the side that opened it, else
// the part its opening sentence names them by (see attackerRole). It is
// -1 when neither says.
func (x *article) campSide(d *draft, camp int) int {
	if camp == campCoalition {
		// "the allies lost about 7,500 men": the side made of more
		// states than the other.
		switch n0, n1 := len(x.sides[0]), len(x.sides[1]); {
		case n0 > 1 && n0 > n1:
			return 0
		case n1 > 1 && n1 > n0:
			return 1
		}
		return -1
	}
	attacker := d.opener - 1
	for _, p := range d.parties {
		if attacker >= 0 {
			break
		}
		attacker = p.side
	}
	if attacker < 0 && x.groupSide >= 0 && d.attackerRole != 0 {
		// "Militants in speedboats attacked …; four sailors and three
		// attackers died": the attackers are the armed group.
		attacker = x.groupSide
		if d.attackerRole > 0 {
			attacker = 1 - x.groupSide
		}
	}
	if attacker < 0 {
		return -1
	}
	if camp < 0 {
		return opposite(attacker)
	}
	return attacker
}

// partyLosses reports whether party m is written with a word of losses
// right after it ("French losses", "Ostran casualties"), before token k.
func (x *article) partyLosses(m mention, k int) bool {
	e := m.tok + m.ntok
	return !m.location && e < k && x.tags[e].has(cCasualty)
}

// deathTollBefore reports "death toll" within the few words before token
// ti ("the death toll rose to 17", "a death toll of 40").
func deathTollBefore(text string, toks []textscan.Token, ti int) bool {
	for k := ti - 1; k >= 1 && k >= ti-4; k-- {
		if lowerIs(toks[k].Text(text), "toll") {
			return lowerIs(toks[k-1].Text(text), "death")
		}
	}
	return false
}

// phraseEnds reports whether the noun phrase that would follow a number
// ends before token k of the sentence just read, text: the sentence, a
// clause or a list goes on with punctuation or a conjunction there.
func (x *article) phraseEnds(text string, k int) bool {
	if k >= len(x.toks) {
		return true
	}
	t := x.toks[k]
	if t.Kind == textscan.Punct {
		return strings.ContainsAny(text[t.Start:t.End], ".,;:)")
	}
	w := t.Text(text)
	return lowerIs(w, "and") || lowerIs(w, "while") || lowerIs(w, "but") || lowerIs(w, "whereas")
}

// readLosses credits the numbers of s that are losses to d's sides.
func (x *article) readLosses(d *draft, s *sent) {
	x.singleLosses(s)
	x.neitherSide(d, s)
	qs := x.quantities(s.text)
	if len(qs) == 0 {
		return
	}
	// The tokens of s are still in x.toks: readLosses runs right after
	// readSentence for the same sentence.
	toks, tags, text := x.toks, x.tags, s.text
	tokAt := func(off int) int {
		return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
	}
	// For each token: the last party, "cost of" and ";" before it, so
	// that crediting a number looks back in constant time.
	x.before = x.before[:0]
	lastParty, lastCost, lastSemi, lastClause, firstFight := -1, -1, -1, -1, -1
	pi := 0
	for k := range toks {
		x.before = append(x.before, [4]int32{int32(lastParty), int32(lastCost), int32(lastSemi), int32(lastClause)})
		for pi < len(s.parties) && s.parties[pi].tok <= k {
			if !s.parties[pi].location && s.parties[pi].tok == k {
				lastParty = pi
			}
			pi++
		}
		switch w := toks[k].Text(text); {
		case w == ":" && lastParty >= 0 && x.partyLosses(s.parties[lastParty], k):
			// "French losses were heavy: 4,000 men were killed": what
			// follows the colon tells those losses.
		case w == ";" || w == ":":
			// "ended in an Afghan rout: the British lost 17 killed"
			lastSemi, lastClause = k, k
		case w == "," && k+1 < len(toks) && textscan.ClauseJoin(toks[k+1].Text(text)):
			lastClause = k // ", and a Thai platoon … was driven off with eight wounded"
		case w == "of" && k > 0 && (strings.EqualFold(toks[k-1].Text(text), "cost") || strings.EqualFold(toks[k-1].Text(text), "loss")):
			// "at the cost of eight men", "with the loss of 120 crew"
			lastCost = k
		}
		if firstFight < 0 && x.fightVerb(text, k) {
			firstFight = k // a verb of fighting, not "after the assault"
		}
	}
	// The subject's side: the first party, or the side opposite to it
	// when a fight word comes before it (it is the object: "drove the
	// Mongolians south").
	subject := -2
	subjectSide := func() int {
		if subject != -2 {
			return subject
		}
		subject = -1
		for _, m := range s.parties {
			if m.location {
				continue
			}
			subject = x.sideOfParty(d, m.canonical)
			// "drove the Mongolians south": the object of the fighting; not
			// "The assault failed, and the Hungarians withdrew", the
			// subject of a clause of its own.
			if firstFight >= 0 && firstFight < m.tok && !(m.tok < len(x.before) && int(x.before[m.tok][3]) > firstFight) {
				subject = opposite(subject)
			}
			break
		}
		if subject < 0 && len(s.parties) == 0 {
			// "The defenders held out, losing six killed": a subject named
			// by its part in the clash.
			for k := 0; k < len(tags) && k < 3; k++ {
				if c := camp(tags[k]); c != 0 {
					subject = x.campSide(d, c)
					break
				}
			}
		}
		if subject < 0 && len(s.parties) == 0 && len(toks) > 0 && subjectPronoun(toks[0].Text(text)) &&
			len(d.ev.Evidence) == 2 && len(d.parties) > 0 {
			// "Ostran troops attacked the post. They lost 20 men", "The
			// Zembrian army crossed the river. It attacked the camp,
			// losing 40 men": the subject of the sentence that opened the
			// clash, told just before.
			subject = d.parties[0].side
		}
		return subject
	}
	// struck is the side the fighting struck: the other side of a passive
	// verb's doer before token ti, or of the subject of an active one.
	struck := func(ti int) int {
		if agent := x.passiveAgent(d, s, ti); agent >= 0 {
			return opposite(agent)
		}
		if sub := subjectSide(); sub >= 0 && firstFight >= 0 {
			return opposite(sub)
		}
		return -1
	}
	credited := map[[2]int]bool{}
	prevActive, prevEnd := -1, -1 // the kind an active verb gave the last number; its end token
	prevLost := -1                // the token after the last number's loss word, when it was the subject's loss
	prevLostKind := -1            // and the kind of that loss
	lostVehicles := -1            // the side of the last things lost ("2 MiGs shot down")
	total := false                // the number before was a total of casualties, of no one kind
	for qi, q := range qs {
		if q.Unit == "man" && q.Count.Low != nil {
			// "an 11-man Japanese patrol": a force, its party right after.
			ti := tokAt(q.Span.End)
			var own *mention
			for k := ti; k < len(toks) && k < ti+3 && own == nil; k++ {
				own = x.mentionAt(s, k)
			}
			x.readForce(d, s, q, own, tokAt(q.Span.Start), q.Span.End)
			continue
		}
		if q.Unit != "" {
			continue
		}
		zero := q.Vague == "no" || q.Vague == "none"
		if q.Count.Low == nil && q.Count.High == nil && !zero {
			continue
		}
		ti, tj := tokAt(q.Span.Start), tokAt(q.Span.End)
		if ti > 0 && strings.EqualFold(toks[ti-1].Text(text), "the") {
			continue // "the 10 prisoners taken": told before
		}
		if ti >= 3 && isPossessive(toks[ti-1].Text(text)) && lowerIs(toks[ti-2].Text(text), "of") && toks[ti-3].Kind == textscan.Number {
			continue // "179 of its 250 defenders": the whole the number before is part of
		}
		subset := false
		for k := ti - 1; k >= 0 && k >= ti-3; k-- {
			if tags[k].has(cSubset) {
				subset = true
			}
		}
		afterTotal := total
		total = false
		if subset && !afterTotal {
			// "300 killed, including 20 officers": told already. After
			// a total of casualties ("2,415 casualties, including 694
			// killed") the part is the only number of its kind.
			continue
		}
		var lw lossWord
		if zero {
			// "no casualties", "no dead": the loss word follows at once.
			lw = lossWord{kind: -1}
			if tj < len(toks) {
				tg := &tags[tj]
				n := 1
				switch {
				case tg.has(cCasualty):
					lw.none, n = true, tg.length(cCasualty)
				case tg.has(cDeath):
					lw.kind, n = kDeath, tg.length(cDeath)
				case tg.has(cWounded):
					lw.kind, n = kWounded, tg.length(cWounded)
				default:
					continue
				}
				lw.endByte = toks[tj+n-1].End
			}
		} else {
			lw = x.walkLoss(s, tj, qs[qi+1:], tokAt)
		}
		if lw.ofThem && ti > 0 && toks[ti-1].Text(text) == "," {
			continue // "killing 24 civilians, 10 of them women": a part told already
		}
		if lw.none && !zero {
			// "suffered 2,415 casualties": the dead and wounded together,
			// neither alone.
			total = true
			continue
		}
		if x.rateAt(s, tokAt(max(lw.endByte, q.Span.End))) {
			continue // "from 11 to 33 deaths per day": a rate, not a clash's dead
		}
		active, lost := false, false
		k := ti - 1
		if k >= 2 && lowerIs(toks[k].Text(text), "of") && tags[k-1].has(cPerson) && !tags[k-1].has(lossClasses) {
			// "killing its crew of eight": the number counts the people
			// named before it, and the verb before them did it.
			lw.person, lw.people = true, true
			if lw.noun == "" {
				lw.noun = toks[k-1].Text(text)
				lw.crew = tags[k-1].has(cCrew)
			}
			k -= 2
			if w := toks[k].Text(text); isPossessive(w) || isIndefinite(w) {
				k--
			}
		}
		if k >= 1 && lowerIs(toks[k].Text(text), "all") {
			k-- // "killing all 290 people aboard"
		}
		for k >= 0 && tags[k].has(cAux) {
			k--
		}
		if k >= 1 && lw.kind < 0 && lw.materiel == "" && (lw.person || lw.what == "") && !zero && lowerIs(toks[k].Text(text), "with") && tags[k-1].has(cLost) {
			// "a US RB-50 was lost with 16 of its 17 crew members": the
			// people went down with it.
			lw.kind, lost = kDeath, true
			k = -1
		}
		if k >= 0 {
			mv := x.materielVerbAt(k) // "sank", "shot down" right before the number
			av := x.entryEndingAt(k, cActiveDeath|cActiveWounded)
			if av < 0 {
				av = k
			}
			switch {
			case tags[av].has(cActiveDeath) && lw.kind < 0: // "killed", "shot dead"
				lw.kind, active = kDeath, true
			case tags[av].has(cActiveWounded) && lw.kind < 0:
				lw.kind, active = kWounded, true
			case tags[k].has(cActiveCaptured) && lw.kind < 0 && lw.materiel == "" && !lw.person && lw.what != "" && !zero:
				// "capturing 67 guns": the other side's things.
				lw.materiel, active = "captured", true
			case tags[k].has(cActiveCaptured) && (lw.kind < 0 || lw.kind == kCaptured):
				lw.kind, active = kCaptured, true
			case tags[k].has(cTaking) && lw.kind == kCaptured:
				active = true
			case tags[k].has(cLost) && lw.kind < 0 && lw.materiel == "" && !zero:
				// "losing 20 tanks", "lost 500 men": the subject's loss.
				switch {
				case lw.person:
					lw.kind, lost = kDeath, true
				case lw.what != "":
					lw.materiel, lost = "lost", true
				case x.phraseEnds(s.text, tj):
					// "the English lost about 300": men, the noun left out.
					lw.kind, lost = kDeath, true
				}
			case lw.kind < 0 && lw.materiel == "" && !lw.person && lw.what != "" && !zero && mv >= 0:
				// "sank two patrol boats", "shot down three aircraft": the
				// subject did it to the other side's things.
				lw.materiel, active = strings.ToLower(text[toks[mv].Start:toks[k].End]), true
			case tags[k].has(cLost) && lw.kind >= 0 && lw.own == nil && strings.HasSuffix(strings.ToLower(toks[k].Text(text)), "ing"):
				// "…stormed the post, losing twenty-three men killed": the
				// participle's subject is the sentence's; after a finite
				// "lost" the party right before it is ("the Ostrans lost
				// 12 men killed").
				lost = true
			}
		}
		if k >= 0 && lw.kind < 0 && prevActive >= 0 && (strings.EqualFold(toks[k].Text(text), "and") || toks[k].Text(text) == ",") {
			// "injuring 4 Ostran and 7 Zembrian soldiers": the second
			// number shares the verb when only parties stand between.
			j := k - 1
			for j >= 0 && (x.isMention(j) || tags[j].has(cPerson)) {
				j-- // "killing two Cambodian soldiers and one Thai soldier"
			}
			if j+1 == prevEnd {
				lw.kind, active = prevActive, true
			}
		}
		if !lost && lw.own == nil && k >= 0 && k == prevLost && (strings.EqualFold(toks[k].Text(text), "and") || toks[k].Text(text) == ",") {
			// "losing six killed and nine wounded", "lost three torpedo
			// boats and 116 men": the subject's too.
			switch {
			case lw.kind >= 0:
				lost = true
			case lw.person && lw.materiel == "" && !zero:
				lw.kind, lost = kDeath, true
			case lw.what != "" && lw.materiel == "" && !zero:
				lw.materiel, lost = "lost", true
			}
		}
		if !lost && lw.own == nil && lw.kind < 0 && lw.materiel == "" && !zero && prevLost >= 0 && prevLostKind >= 0 && x.isMention(k) {
			// "The Indians lost 12 men, the Pakistanis 30": the verb and
			// the loss are left out after the second party.
			j := int(x.mentionOf[k])
			m := &s.parties[j]
			b := m.tok - 1
			if b >= 0 && lowerIs(toks[b].Text(text), "the") {
				b--
			}
			if b == prevLost && toks[b].Text(text) == "," && m.tok+m.ntok == ti && !m.location {
				lw.kind, lw.own, lost = prevLostKind, m, true
			}
		}
		prevActive, prevEnd, prevLost, prevLostKind = -1, tj, -1, -1
		if active {
			prevActive = lw.kind
			if lw.materiel == "captured" {
				// "capturing 67 guns and 40 men": the verb goes on after
				// the things.
				prevActive, prevEnd = kCaptured, tokAt(lw.endByte)
			}
		}
		if lost {
			// The "and" or comma that may join another number to the verb:
			// after the number's own words ("three torpedo boats", "two
			// ships of the line").
			for j := tokAt(q.Span.End); j < len(toks) && j <= tokAt(q.Span.End)+6; j++ {
				if w := toks[j].Text(text); w == "," || lowerIs(w, "and") {
					prevLost, prevLostKind = j, lw.kind
					break
				}
				if toks[j].Kind != textscan.Word || toks[j].Upper {
					break
				}
			}
		}
		if k >= 1 && lw.kind < 0 && strings.EqualFold(toks[k].Text(text), "of") {
			// "the deaths of 20 soldiers"
			switch tg := &tags[k-1]; {
			case tg.has(cDeath):
				lw.kind = kDeath
			case tg.has(cWounded):
				lw.kind = kWounded
			case tg.has(cCaptured):
				lw.kind = kCaptured
			}
		}
		if lw.kind < 0 && lw.materiel == "" && !zero && deathTollBefore(text, toks, ti) {
			lw.kind = kDeath // "the death toll rose to 17"
		}
		if lw.kind < 0 && lw.person && !zero && ti >= 2 && ti-1 < len(x.before) && int(x.before[ti][1]) == ti-1 && lowerIs(toks[ti-2].Text(text), "loss") {
			lw.kind = kDeath // "with the loss of 120 crew": lives lost
		}
		if lw.kind < 0 && lw.materiel == "" && !lw.none {
			if lw.person && !zero {
				x.readForce(d, s, q, lw.own, ti, q.Span.End)
			}
			continue
		}
		if lw.endByte < q.Span.End {
			lw.endByte = q.Span.End
		}
		// Whose loss is it?
		subjectCamp := x.clauseCamp(s, ti)
		side := -2
		switch {
		case lw.own != nil:
			side = x.sideOfParty(d, lw.own.canonical)
		case lw.ofThem && !active && subjectSide() >= 0:
			// "The Ostran garrison abandoned the fort; 1,300 of them were
			// captured": the subject's people.
			side = subjectSide()
		case lw.kind == kCaptured && !active && x.yieldedTo(d, s, tokAt(lw.endByte)) >= 0:
			// "the garrison of 60,000 men surrendered to the allies":
			// the side they gave themselves up to is the other.
			side = opposite(x.yieldedTo(d, s, tokAt(lw.endByte)))
		case active:
			if agent := x.passiveAgent(d, s, ti); agent >= 0 {
				side = opposite(agent) // "was sunk by Ostran batteries, killing five"
			} else {
				sub := x.clauseSubject(d, s, k, ti, subjectSide)
				if sub < 0 {
					// "security forces raided a camp, killing 23 insurgents
					// and capturing 14": a subject named by its role in a
					// war of a state against an armed group.
					sub = x.roleBefore(ti, k)
				}
				side = opposite(sub)
			}
		case subjectCamp != 0:
			// "…; the attackers lost 3,000 dead", "a relief column was
			// ambushed and lost 35 men": the number's own clause
			// names its subject by its part in the clash.
			side = x.campSide(d, subjectCamp)
		case x.sharedSubject(s, ti) && subjectSide() >= 0:
			// "…attacked the Jordanian positions and were driven back
			// with 72 killed": the second verb's subject is the first's.
			side = subjectSide()
		case lost && k >= 0 && strings.HasSuffix(strings.ToLower(toks[k].Text(text)), "ing") && x.passiveAgent(d, s, ti) >= 0:
			// "were scattered by the Tatar vanguard, losing some 40 men":
			// the participle's subject is the passive's, not its agent.
			side = opposite(x.passiveAgent(d, s, ti))
		case lost || (ti < len(x.before) && x.before[ti][1] > x.before[ti][2]):
			side = x.clauseSubject(d, s, k, ti, subjectSide) // "at the cost of eight men killed"
		case k >= 0 && tags[k].has(cLost) && len(s.parties) == 0:
			side = subjectSide() // "The garrison lost four killed": a subject named by its part
		case lw.camp != 0 && lw.own == nil && x.campSide(d, lw.camp) >= 0:
			// "Saudi officials said that 40 attackers were killed": the
			// people's part in the clash says whose they were, not the
			// party named before them.
			side = x.campSide(d, lw.camp)
		default:
			if ti < len(x.before) {
				if p := x.before[ti][0]; p >= 0 && int(x.before[ti][2]) < s.parties[p].tok {
					side = x.sideOfParty(d, s.parties[p].canonical)
					// Parties of both sides before it in the clause ("X
					// attacked Y, and four were killed"): the text does
					// not say whose dead they are.
					semi := int(x.before[ti][2])
					if clause := int(x.before[ti][3]); s.parties[p].tok > clause {
						semi = clause // the number's own clause names its party
					}
					for i, n := p-1, 0; i >= 0 && n < 4 && s.parties[i].tok > semi; i-- {
						if m := s.parties[i]; !m.location {
							if o := x.sideOfParty(d, m.canonical); o >= 0 && side >= 0 && o != side {
								side = -1
								break
							}
							n++
						}
					}
				}
			}
		}
		if m := x.sideAfter(s, tokAt(lw.endByte)); m != nil && lw.own == nil {
			side = x.sideOfParty(d, m.canonical) // "200 dead on the Moroccan side"
		} else if m := x.sideBefore(s, ti); m != nil && lw.own == nil && side < 0 {
			side = x.sideOfParty(d, m.canonical) // "casualties on the Ostran side were 12 dead"
		}
		if side < 0 && lw.own == nil && lw.camp != 0 {
			side = x.campSide(d, lw.camp) // "nine of the defenders were wounded"
		}
		if side < 0 && lw.own == nil && lw.role != 0 && x.groupSide >= 0 {
			// "14 insurgents were killed and 3 soldiers wounded" in a
			// war of a state against an armed group.
			side = x.groupSide
			if lw.role > 0 {
				side = 1 - x.groupSide
			}
		}
		if side < 0 && lw.own == nil && !lw.people {
			// "…, while the army had four wounded": a number with no
			// people of its own counts the clause's subject, named by its
			// part, the state's forces or the group's.
			side = x.roleBefore(ti, ti)
		}
		if side < 0 && lw.own == nil && lw.noun != "" {
			// "Guyanese police clashed with …. Four policemen were killed":
			// the people the clash named with their party.
			stem := peopleStem(lw.noun)
			for _, p := range d.people {
				if p.stem == stem && p.side >= 0 {
					side = p.side
				}
			}
		}
		if side < 0 && lw.own == nil && ti < len(toks) && (lowerIs(toks[ti].Text(text), "its") || lowerIs(toks[ti].Text(text), "their")) {
			// "a Thai jet was shot down by a Lao missile, and its pilot
			// was killed": the people of the thing the fighting struck.
			side = struck(ti)
		}
		if lost && lw.own == nil && x.clauseOpensWithIt(text, ti) {
			// "Soviet fighters attacked a US RB-50, and it was lost with
			// 16 crew members": "it" is the thing the fighting struck.
			if v := struck(ti); v >= 0 {
				side = v
			}
		}
		if side < 0 && lw.own == nil && lw.crew && lostVehicles >= 0 {
			// "two MiGs were shot down by Pakistani Sabres; both pilots
			// were captured": the crews of the side that lost them.
			side = lostVehicles
		}
		if side < 0 && lw.own == nil && lw.kind == kCaptured && s.yields {
			// "The garrison surrendered, and 40 men were captured": the
			// side that gave up.
			side = x.yieldingSide(d, s)
		}
		if bothSides(text, toks, tokAt(lw.endByte)) {
			side = -1 // "41 killed on both sides"
		}
		slot := side
		if slot < 0 {
			slot = 2
		}
		if lw.materiel != "" {
			if side >= 0 && lw.materiel != "captured" {
				lostVehicles = side
			}
			m := annalist.Materiel{Side: sideMark(side), What: lw.what, Status: annalist.Ptr(lw.materiel), Count: q.Count}
			m.Text = text[q.Span.Start:lw.endByte]
			sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + q.Span.Start, End: s.span.Start + lw.endByte})
			m.Span = &sp
			d.ev.Materiel = append(d.ev.Materiel, m)
			continue
		}
		kinds := []int{lw.kind}
		if lw.none {
			kinds = []int{kDeath, kWounded}
		}
		for _, kind := range kinds {
			c := q.Count
			c.Text = text[q.Span.Start:lw.endByte]
			sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + q.Span.Start, End: s.span.Start + lw.endByte})
			c.Span = &sp
			cur := d.losses[slot][kind]
			switch {
			case cur == nil:
				d.losses[slot][kind] = &c
				if s.source != "" && !d.counted {
					// The clash's figures come from the source the
					// sentence that gave the first of them names.
					d.ev.AccordingTo = annalist.Ptr(s.source)
				}
				d.counted = true
				credited[[2]int{slot, kind}] = true
			case credited[[2]int{slot, kind}]:
				// Parts told together: "two Japanese and four
				// Manchukuoan soldiers were killed".
				sum := addCounts(*cur, c)
				span := annalist.Span{Start: min(cur.Span.Start, sp.Start), End: max(cur.Span.End, sp.End)}
				sum.Span = &span // build writes its Text
				d.losses[slot][kind] = &sum
			}
		}
	}
}

// neitherSide reads "neither side suffered casualties" (or losses): no
// dead and no wounded on either side, where the clash has no figure yet.
func (x *article) neitherSide(d *draft, s *sent) {
	toks, tags, text := x.toks, x.tags, s.text
	for i := 0; i+2 < len(toks); i++ {
		if !lowerIs(toks[i].Text(text), "neither") || !(lowerIs(toks[i+1].Text(text), "side") || lowerIs(toks[i+1].Text(text), "army")) {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+6; k++ {
			if !tags[k].has(cCasualty) {
				// Only a verb of having may stand between: "neither side
				// suffered heavy casualties" says some were suffered.
				if !isHavingVerb(toks[k].Text(text)) {
					break
				}
				continue
			}
			end := toks[k+tags[k].length(cCasualty)-1].End
			sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + toks[i].Start, End: s.span.Start + end})
			for side := 0; side < 2; side++ {
				for _, kind := range [...]int{kDeath, kWounded} {
					if d.losses[side][kind] == nil {
						zero := 0
						d.losses[side][kind] = &annalist.Count{Low: &zero, High: &zero, Text: text[toks[i].Start:end], Span: &sp}
						d.counted = true
					}
				}
			}
			return
		}
	}
}

// isHavingVerb reports the verbs that put losses on a side ("suffered
// casualties", "reported losses"), and "any".
func isHavingVerb(w string) bool {
	for _, v := range [...]string{"suffered", "sustained", "incurred", "took", "had", "reported", "any"} {
		if lowerIs(w, v) {
			return true
		}
	}
	return false
}

// roleBefore returns the side of the first people named by their role
// (the state's forces, "soldiers"; the group's, "rebels") in the clause of
// token ti before token end, in a war of a state against an armed group;
// or -1. A number on the way that is no date ends the search: people
// after it are that number's ("14 insurgents were killed and 3 soldiers
// wounded").
func (x *article) roleBefore(ti, end int) int {
	if x.groupSide < 0 || ti >= len(x.before) {
		return -1
	}
	for j := max(int(x.before[ti][3])+1, 0); j < end && j < len(x.tags); j++ {
		if x.toks[j].Kind == textscan.Number && !x.inExpr(x.toks[j].Start) {
			return -1
		}
		switch {
		case x.tags[j].has(cRegular):
			return 1 - x.groupSide
		case x.tags[j].has(cIrregular):
			return x.groupSide
		}
	}
	return -1
}

// readForce records a stated strength: people the number counts, on the
// side of the party written with it, else of the nearest party before it.
func (x *article) readForce(d *draft, s *sent, q quantity.Quantity, own *mention, ti, end int) {
	if q.Vague == "both" {
		return // "both sides lost men", "both battalions attacked": no strength
	}
	side := -1
	if own != nil {
		side = x.sideOfParty(d, own.canonical)
	} else if ti < len(x.before) {
		if p := x.before[ti][0]; p >= 0 {
			side = x.sideOfParty(d, s.parties[p].canonical)
		}
	}
	slot := side
	if slot < 0 {
		slot = 2
	}
	c := q.Count
	c.Text = s.text[q.Span.Start:end]
	sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + q.Span.Start, End: s.span.Start + end})
	c.Span = &sp
	d.forces[slot] = append(d.forces[slot], annalist.Force{What: "personnel", Count: c})
}

// clauseOpensWithIt reports whether the clause of token ti of the
// sentence just read opens with "it" ("…, and it was lost with 16
// crew"): a thing told before, not a party.
func (x *article) clauseOpensWithIt(text string, ti int) bool {
	if ti >= len(x.before) {
		return false
	}
	k := int(x.before[ti][3]) + 1 // the clause break's next token, or 0
	for k < ti && (x.toks[k].Text(text) == "," || lowerIs(x.toks[k].Text(text), "and")) {
		k++
	}
	return k > 0 && k < ti && lowerIs(x.toks[k].Text(text), "it")
}

// passiveAgent returns the side of the party that a passive fight verb
// before token ti names as its doer ("was sunk by Ostran batteries"), or
// -1: the losses the doer's action caused are the other side's.
func (x *article) passiveAgent(d *draft, s *sent, ti int) int {
	toks, tags := x.toks, x.tags
	for _, m := range s.parties {
		if m.location || m.tok >= ti || m.tok < 2 {
			continue
		}
		by := m.tok - 1 // "by Ostran batteries", "by a Lao missile"
		if w := toks[by].Text(s.text); (isIndefinite(w) || lowerIs(w, "the")) && by >= 2 {
			by--
		}
		if !lowerIs(toks[by].Text(s.text), "by") {
			continue
		}
		for k := by - 1; k >= 0 && k >= by-3; k-- {
			if tags[k].has(cFight) || k >= 1 && passiveAux(toks[k-1].Text(s.text)) && pastParticiple(toks[k].Text(s.text)) {
				// "was sunk by Ostran batteries"; "were scattered by the
				// Tatar vanguard", a passive of any verb.
				return x.sideOfParty(d, m.canonical)
			}
		}
	}
	return -1
}

// pastParticiple reports a word with the ending of a regular past
// participle ("scattered") or of the common strong ones ("overtaken").
func pastParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en"))
}

// sameSideAt reports a party at token k of s on the conflict side of own.
func (x *article) sameSideAt(s *sent, own *mention, k int) bool {
	m := x.mentionAt(s, k)
	if m == nil || m.location {
		return false
	}
	a, okA := x.mentionSide(*own)
	b, okB := x.mentionSide(*m)
	return okA && okB && a == b
}

// bothSides reports "on both sides", "from both sides" right after a
// loss (first is the token after the loss word).
func bothSides(text string, toks []textscan.Token, first int) bool {
	for k := first; k < len(toks) && k < first+6; k++ {
		if toks[k].Text(text) == "," || toks[k].Text(text) == ";" {
			return false
		}
		if k+1 < len(toks) && (strings.EqualFold(toks[k].Text(text), "both") || strings.EqualFold(toks[k].Text(text), "either")) &&
			strings.HasPrefix(strings.ToLower(toks[k+1].Text(text)), "side") {
			return true
		}
	}
	return false
}

func addCounts(a, b annalist.Count) annalist.Count {
	add := func(p, q *int) *int {
		if p == nil || q == nil {
			return nil
		}
		v := *p + *q
		return &v
	}
	return annalist.Count{Low: add(a.Low, b.Low), High: add(a.High, b.High), Approx: a.Approx || b.Approx}
}

// walkLoss reads what follows a number up to its loss word: parties
// ("Soviet"), people ("soldiers"), auxiliaries ("were"), a coordinated
// number ("and four Manchukuoan"), then killed/wounded/captured/missing,
// "casualties" after "no", or a materiel status ("destroyed").
func (x *article) walkLoss(s *sent, k int, rest []quantity.Quantity, tokAt func(int) int) lossWord {
	toks, tags, text := x.toks, x.tags, s.text
	lw := lossWord{kind: -1}
	person := false
	var thingBuf [3]string // "thing" holds at most three words: on the stack
	thing := thingBuf[:0]
	thingEnd := 0
	for steps := 0; k < len(toks) && steps < 10; steps++ {
		if m := x.mentionAt(s, k); m != nil {
			if lw.own == nil {
				lw.own = m
			}
			k += m.ntok
			continue
		}
		tg := &tags[k]
		switch {
		case tg.has(cPerson):
			person = true
			switch {
			case tg.has(cRegular):
				lw.role = 1
			case tg.has(cIrregular):
				lw.role = -1
			}
			lw.camp = camp(*tg)
			lw.people = true
			if lw.noun == "" {
				lw.noun = toks[k].Text(text)
				lw.crew = tg.has(cCrew)
			}
			n := tg.length(cPerson)
			thingEnd = toks[k+n-1].End // "12 of their inhabitants"
			k += n
			// "4,000 men-at-arms": a compound the noun heads, glued on.
			for k+1 < len(toks) && toks[k].Kind == textscan.Dash && !toks[k].Space && !toks[k+1].Space && toks[k+1].Kind == textscan.Word {
				thingEnd = toks[k+1].End
				k += 2
			}
			// "2,500 soldiers and townsmen were killed": a second noun of
			// the same number.
			if k+2 < len(toks) && lowerIs(toks[k].Text(text), "and") && toks[k+1].Kind == textscan.Word && !toks[k+1].Upper &&
				tags[k+1].class == 0 && (tags[k+2].has(cAux | lossClasses)) {
				thingEnd = toks[k+1].End
				k += 2
			}
			continue
		case tg.has(cDeath):
			lw.kind = kDeath
		case tg.has(cWounded):
			lw.kind = kWounded
		case tg.has(cCaptured) && (person || lw.own != nil || len(thing) == 0):
			lw.kind = kCaptured
		case tg.has(cMissing):
			lw.kind = kMissing
		case tg.has(cCasualty):
			lw.none = true
		case tg.has(cMateriel) || (tg.has(cCaptured) && len(thing) > 0):
			n := tg.length(cMateriel)
			lw.materiel = strings.ToLower(text[toks[k].Start:toks[k+n-1].End])
			lw.what = strings.Join(thing, " ")
			lw.endByte = toks[k+n-1].End
			if lw.what == "" || person {
				lw.materiel = ""
			}
			return lw
		case tg.has(cAux):
			k++
			continue
		case !person && len(thing) == 0 && lw.own == nil && k+2 < len(toks) && lowerIs(toks[k].Text(text), "of") && isPossessive(toks[k+1].Text(text)) &&
			lowerIs(toks[k+2].Text(text), "own"):
			// "for the loss of 18 of their own": people of the side the
			// possessive stands for.
			person, lw.people = true, true
			thingEnd = toks[k+2].End
			k += 3
			continue
		case !person && len(thing) == 0 && lw.own == nil && k+3 < len(toks) && lowerIs(toks[k].Text(text), "of") && isPossessive(toks[k+1].Text(text)) &&
			toks[k+2].Kind == textscan.Number && x.peopleAt(s, k+3):
			// "179 of its 250 defenders were killed": part of a whole, the
			// people those of the whole.
			k += 3
			continue
		case !person && len(thing) == 0 && lw.own == nil && k+1 < len(toks) && lowerIs(toks[k].Text(text), "of") && lowerIs(toks[k+1].Text(text), "them"):
			// "about 1,300 of them were captured": people the sentence
			// named before.
			person, lw.people, lw.ofThem = true, true, true
			thingEnd = toks[k+1].End
			k += 2
			continue
		case !person && len(thing) == 0 && lw.own == nil && k+2 < len(toks) && lowerIs(toks[k].Text(text), "of") && isPossessive(toks[k+1].Text(text)) &&
			x.peopleAt(s, k+2):
			// "nine of the defenders were wounded", "12 of their men"; not
			// "5,000 of the Vietnamese dead", a part of a toll told before.
			k += 2
			continue
		case lw.own != nil && !person && len(thing) == 0 && lowerIs(toks[k].Text(text), "and") && x.sameSideAt(s, lw.own, k+1):
			// "some 4,000 Argentine and Brazilian soldiers": allies, the
			// number the people of both.
			k++
			continue
		case strings.EqualFold(toks[k].Text(text), "and") && len(thing) == 0 && !person && len(rest) > 0 && tokAt(rest[0].Span.Start) == k+1 &&
			!x.otherSide(s, lw.own, tokAt(rest[0].Span.End)):
			// "two Japanese and four Manchukuoan soldiers were killed";
			// not "five Thai and three Cambodian soldiers", two sides', nor
			// "three torpedo boats and 116 men", which have their own nouns.
			k = tokAt(rest[0].Span.End)
			rest = rest[1:]
			continue
		case strings.EqualFold(toks[k].Text(text), "and") && len(thing) == 0 && len(rest) > 0 && tokAt(rest[0].Span.Start) == k+1 && (lw.own != nil || person):
			// "two Thai soldiers and two Cambodian soldiers died", "four
			// sailors and three attackers died": each number its own
			// people, the loss word of the second telling both.
			next := x.walkLoss(s, tokAt(rest[0].Span.End), rest[1:], tokAt)
			lw.person = person || lw.own != nil && lw.own.kind == actor.KindDemonym
			lw.endByte = toks[k-1].End
			if next.kind >= 0 && next.materiel == "" {
				lw.kind = next.kind
			}
			return lw
		case toks[k].Kind == textscan.Word && toks[k].Upper && len(thing) < 3 && !person && x.materielAhead(k):
			// "two Indian MiG-21s were shot down", "three Sabres destroyed":
			// a name of a make of thing, written glued as one.
			end := k
			for end+1 < len(toks) && !toks[end+1].Space && toks[end+1].Kind != textscan.Punct {
				end++
			}
			thing = append(thing, text[toks[k].Start:toks[end].End])
			thingEnd = toks[end].End
			k = end + 1
			continue
		case toks[k].Kind == textscan.Word && !toks[k].Upper && len(thing) < 3 && !isStopWord(strings.ToLower(toks[k].Text(text))) && toks[k].Text(text) != "them":
			thing = append(thing, toks[k].Text(text))
			thingEnd = toks[k].End
			k++
			continue
		case toks[k].Kind == textscan.Dash && len(thing) > 0:
			k++
			continue
		case toks[k].Text(text) == "," && k+1 < len(toks) && tags[k+1].has(cSubset):
			// "20 soldiers, including an officer, were killed"
			j := k + 1
			for j < len(toks) && j < k+10 && toks[j].Text(text) != "," {
				j++
			}
			if j >= len(toks) || toks[j].Text(text) != "," {
				lw.person = person || (lw.own != nil && lw.own.kind == actor.KindDemonym)
				return lw
			}
			k = j + 1
			continue
		default:
			lw.person = person || (lw.own != nil && lw.own.kind == actor.KindDemonym)
			lw.what = strings.Join(thing, " ")
			lw.endByte = thingEnd
			return lw
		}
		n := 1
		if lw.kind >= 0 {
			n = tg.length(lossClasses)
		} else if lw.none {
			n = tg.length(cCasualty)
		}
		lw.endByte = toks[k+n-1].End
		other := cWounded // the kind that makes a total with lw's
		if lw.kind == kWounded {
			other = cDeath
		}
		if j := k + n; (lw.kind == kDeath || lw.kind == kWounded) && j+1 < len(toks) && (lowerIs(toks[j].Text(text), "and") || lowerIs(toks[j].Text(text), "or")) &&
			tags[j+1].has(other) {
			// "about 300 killed and wounded": the dead and wounded
			// together, neither alone, as "casualties" are.
			lw.kind, lw.none = -1, true
			lw.endByte = toks[j+1].End
			return lw
		}
		if len(thing) > 0 && !person && lw.own == nil && !lw.none {
			// "two horses were captured": things, not people.
			if lw.kind == kCaptured || lw.kind == kDeath {
				lw.materiel = strings.ToLower(toks[k].Text(text))
				lw.what = strings.Join(thing, " ")
				lw.kind = -1
				return lw
			}
		}
		return lw
	}
	return lw
}

// singleLosses adds to the sentence's quantities the one person an
// article counts when a loss befalls them: "a Kyrgyz border guard was
// killed", "an officer was wounded", "its pilot was killed", "the patrol
// commander died". Only an article or possessive right before the
// person (with the party and other words naming them between) counts;
// "the" and "its" only before a noun for one person ("the soldiers" are
// not one). The loss is told of them ("was killed", "died"), not done by
// them ("a soldier killed two smugglers").
//
// It also counts the one person an active verb of loss takes: "Ostran
// guards killed a Zembrian soldier". It reports whether it added any; a
// second call for the same sentence adds none again.
func (x *article) singleLosses(s *sent) bool {
	if x.singlesRead {
		return x.singlesAdded
	}
	x.singlesRead = true
	if !s.lossWord {
		return false // no word of loss for one to befall
	}
	toks, tags, text := x.toks, x.tags, s.text
	added := false
	for i := 0; i+2 < len(toks); i++ {
		if t := toks[i]; t.Kind != textscan.Word || t.End-t.Start > 5 {
			continue // most tokens, told apart without their text
		}
		w := toks[i].Text(text)
		indefinite := isIndefinite(w)
		if !indefinite && !isSingleDefinite(w) {
			continue
		}
		k, noun := i+1, -1
		for steps := 0; k < len(toks) && steps < 5; steps++ {
			if m := x.mentionAt(s, k); m != nil {
				k += m.ntok
				continue
			}
			if tags[k].has(cPerson) {
				noun = k
				k += tags[k].length(cPerson)
				break
			}
			if toks[k].Kind != textscan.Word || toks[k].Upper || tags[k].has(cFight|lossClasses|cAux) {
				break
			}
			k++ // "border" of "border guard"
		}
		if noun < 0 || !indefinite && !singularPerson(toks[noun].Text(text)) {
			continue
		}
		if indefinite && i > 0 && tags[i-1].has(cActiveDeath|cActiveWounded|cActiveCaptured) {
			// "killed a Zembrian soldier": the verb before took one.
			if !singularPerson(toks[noun].Text(text)) || x.inQuantity(text, toks[i].Start) {
				continue // "killed a number of soldiers"
			}
		} else {
			verb := k
			for k < len(toks) && tags[k].has(cAux) {
				k++
			}
			if k >= len(toks) || !tags[k].has(lossClasses) || x.inQuantity(text, toks[i].Start) {
				continue
			}
			if lw := toks[k].Text(text); k == verb && !lowerIs(lw, "died") && !lowerIs(lw, "perished") {
				continue // "an Indian soldier killed two smugglers": he did it
			}
		}
		one := 1
		// inQuantity above found the sentence's quantities: the one is
		// added to them, not lost when they are found.
		x.qs = append(x.qs, quantity.Quantity{
			Span:  annalist.Span{Start: toks[i].Start, End: toks[i].End},
			Count: annalist.Count{Low: &one, High: &one},
		})
		added = true
	}
	if added {
		slices.SortFunc(x.qs, func(a, b quantity.Quantity) int { return a.Span.Start - b.Span.Start })
	}
	x.singlesAdded = added
	return added
}

// isIndefinite reports "a" or "an", in any case: asked of every token of
// a clash's sentences, so tested byte by byte.
func isIndefinite(w string) bool {
	switch len(w) {
	case 1:
		return w[0]|0x20 == 'a'
	case 2:
		return w[0]|0x20 == 'a' && w[1]|0x20 == 'n'
	}
	return false
}

// isSingleDefinite reports "the", "its" or "their": before a noun for one
// person ("its pilot"), that person.
func isSingleDefinite(w string) bool {
	switch len(w) {
	case 3:
		return lowerIs(w, "the") || lowerIs(w, "its")
	case 5:
		return lowerIs(w, "their")
	}
	return false
}

// singularPerson reports a noun for one person, not for many or a body
// of them: "pilot", "commander", not "soldiers", "men", "police", "crew".
func singularPerson(w string) bool {
	if n := len(w); n > 0 && w[n-1]|0x20 == 's' {
		return false
	}
	if n := len(w); n >= 3 && strings.EqualFold(w[n-3:], "men") {
		return false
	}
	switch strings.ToLower(w) {
	case "police", "militia", "crew", "personnel", "people", "cavalry", "infantry", "garrison":
		return false
	}
	return true
}

// otherSide reports whether the party named at token k (after a second
// number) fights on the other side than own.
func (x *article) otherSide(s *sent, own *mention, k int) bool {
	m := x.mentionAt(s, k)
	if own == nil || m == nil {
		return false
	}
	a, aok := x.sideOf[x.belligerent(own.canonical)]
	b, bok := x.sideOf[x.belligerent(m.canonical)]
	return aok && bok && a != b
}

// sideBefore returns the party of "on the X side" in the clause before
// token ti of s, the sentence just read ("casualties on the Ostran side
// were 12 dead"), or nil.
func (x *article) sideBefore(s *sent, ti int) *mention {
	toks, text := x.toks, s.text
	from := 0
	if ti < len(x.before) {
		from = int(x.before[ti][3]) + 1
	}
	for k := max(from, 0); k+2 < ti; k++ {
		if !lowerIs(toks[k].Text(text), "on") {
			continue
		}
		if m := x.sideAfter(s, k); m != nil {
			return m
		}
	}
	return nil
}

// sideAfter returns the party of "on the X side", "on X's side" or
// "among the X" right after a loss (first is the token after the loss
// word), or nil.
func (x *article) sideAfter(s *sent, first int) *mention {
	toks, text := x.toks, s.text
	k := first
	if k >= len(toks) || (!lowerIs(toks[k].Text(text), "on") && !lowerIs(toks[k].Text(text), "among")) {
		return nil
	}
	among := lowerIs(toks[k].Text(text), "among")
	k++
	if k < len(toks) && lowerIs(toks[k].Text(text), "the") {
		k++
	}
	m := x.mentionAt(s, k)
	if m == nil {
		return nil
	}
	if among {
		return m
	}
	j := m.tok + m.ntok
	if j < len(toks) && toks[j].Text(text) == "'s" {
		j++
	}
	if j < len(toks) && strings.HasPrefix(strings.ToLower(toks[j].Text(text)), "side") {
		return m
	}
	return nil
}
