package event

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/timex"
)

// readSentence reads the sentence at sp of block b: its words, parties,
// date (advancing anchor), name and places.
func (x *article) readSentence(b *annalist.Block, bi int, sp annalist.Span, anchor *timex.Anchor, exprs []timex.Expr, qs []quantity.Quantity) *sent {
	text := b.Text[sp.Start:sp.End]
	// One sent is reused sentence to sentence (nothing keeps a pointer to
	// it), with the capacity of its slices.
	s := &x.sent
	*s = sent{blk: b, bi: bi, span: sp, text: text, parties: s.parties[:0], places: s.places[:0], dateSpans: s.dateSpans[:0]}
	// The block's expressions and quantities that lie in this sentence,
	// with spans made relative to it.
	// Both lists are in text order and sentences come in text order, so
	// a cursor into each keeps a block's reading linear: rescanning the
	// whole block per sentence made a long paragraph quadratic.
	x.exprs = x.exprs[:0]
	for x.exprAt < len(exprs) && exprs[x.exprAt].Span.Start < sp.Start {
		x.exprAt++
	}
	for ; x.exprAt < len(exprs) && exprs[x.exprAt].Span.Start < sp.End; x.exprAt++ {
		if e := exprs[x.exprAt]; e.Span.End <= sp.End {
			e.Span.Start -= sp.Start
			e.Span.End -= sp.Start
			x.exprs = append(x.exprs, e)
		}
	}
	x.qs = x.qs[:0]
	for x.qAt < len(qs) && qs[x.qAt].Span.Start < sp.Start {
		x.qAt++
	}
	for ; x.qAt < len(qs) && qs[x.qAt].Span.Start < sp.End; x.qAt++ {
		if q := qs[x.qAt]; q.Span.End <= sp.End {
			q.Span.Start -= sp.Start
			q.Span.End -= sp.Start
			x.qs = append(x.qs, q)
		}
	}
	x.tags = x.lex.annotate(text, x.toks, x.tags)
	x.ments = x.scan.ScanTokens(text, x.toks, x.ments[:0])
	toks, tags := x.toks, x.tags

	for i := range tags {
		t := &tags[i]
		if t.has(cFight) && !warAfter(tags, i) && !x.counted(text, i) && !hyphenTail(toks, i) {
			if definiteBefore(text, toks, i) {
				// "in response to the clash": a clash told before.
				s.fightRef = true
				if i < 2 || !isPrepBefore(toks[i-2].Text(text)) {
					s.fightSubject = true // "and the fighting lasted nine hours"
				}
			} else {
				s.fight, s.fightWord = true, true
			}
		}
		if t.has(cReport) {
			s.report = true
		}
		if t.has(cCeasefire) {
			s.ceasefire = true
		}
		if t.has(cAnother) {
			s.another = true
		}
		if t.has(cContinue) && i <= 2 {
			s.continues = true
		}
	}
	if !s.fight {
		// A stated loss is a fight: "three soldiers were killed",
		// "killing about 3,000 soldiers".
		for i := range tags {
			passive, active := tags[i].has(cDeath|cWounded), tags[i].has(cActiveDeath|cActiveWounded)
			if !passive && !active {
				continue
			}
			for _, q := range x.qs {
				if q.Count.Low == nil || q.Unit != "" {
					continue
				}
				if (passive && q.Span.End <= toks[i].Start) || (active && q.Span.Start >= toks[i].End && q.Span.Start <= toks[i].End+12) {
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
	if s.fightSubject && s.initialDate && !s.relative {
		// "On 15 March, … and the fighting lasted nine hours": the
		// fighting of the date the sentence opens with, not a clash told
		// before.
		s.fight = true
	}
	x.readParties(s)
	x.readName(s)
	x.readPlaces(s)
	return s
}

// counted reports a plural fight noun that a number counts ("6 air
// intrusions", "108 such incidents", "dozens of raids"): a tally of
// clashes over a period, not a clash told.
func (x *article) counted(text string, i int) bool {
	toks := x.toks
	w := toks[i].Text(text)
	if len(w) < 3 || w[len(w)-1] != 's' || toks[i].Upper {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if x.inQuantity(toks[k].Start) {
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

// definiteBefore reports a lower-case fight word right after "the",
// "this", "that", "these" or "those": it refers to a clash already told.
func definiteBefore(text string, toks []textscan.Token, i int) bool {
	if i == 0 || toks[i].Upper {
		return false
	}
	w := toks[i-1].Text(text)
	return lowerIs(w, "the") || lowerIs(w, "this") || lowerIs(w, "that") || lowerIs(w, "these") || lowerIs(w, "those")
}

// lowerIs reports whether strings.ToLower(w) == target (lower-case
// ASCII), without allocating for an ASCII w.
func lowerIs(w, target string) bool {
	if len(w) != len(target) {
		// Lower-casing keeps an ASCII word's length; another may change it.
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return strings.ToLower(w) == target
			}
		}
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			// The ASCII prefix matched; the rest needs full case mapping.
			return strings.ToLower(w) == target
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != target[i] {
			return false
		}
	}
	return true
}

// warAfter reports a war noun right after the fight word at i ("fought
// a brief war"): a war is background, not a clash.
func warAfter(tags []tag, i int) bool {
	for k := i + 1; k < len(tags) && k <= i+3; k++ {
		if tags[k].has(cNotFight) {
			return true
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

// readDate finds the time expressions of s and sets its date: expressions
// that contain another are dropped for it ("in July (2–25 July)" is 2–25
// July), the rest joined; "by 31 August" only bounds the end.
func (x *article) readDate(s *sent, anchor *timex.Anchor) {
	exprs := x.exprs
	keep := x.keep[:0]
	defer func() { x.keep = keep[:0] }()
	for _, e := range exprs {
		if e.Start.IsZero() && e.End.IsZero() {
			continue
		}
		*anchor = anchor.Follow(e)
		switch e.Qualifier {
		case "by", "until":
			end := e.End
			if end.IsZero() {
				end = e.Start
			}
			s.byEnd = end
			continue
		case "before", "since":
			continue
		}
		keep = append(keep, e)
	}
	if len(keep) == 0 {
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
	// First and last day of each expression, for the containment test;
	// a sentence holding more than a few dozen dates is a list, not a
	// narrative, and is joined without it.
	x.days = x.days[:0]
	for _, e := range keep {
		x.days = append(x.days, [2]int{first(e), last(e)})
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
}

// readParties turns the actor mentions of s into parties, marking those
// that stand for a place ("inside Manchukuo territory", "from Mongolia").
func (x *article) readParties(s *sent) {
	toks, tags := x.toks, x.tags
	x.mentionOf = x.mentionOf[:0]
	for range toks {
		x.mentionOf = append(x.mentionOf, -1)
	}
	for i, m := range x.ments {
		for k := m.Tok; k < m.Tok+m.NTok; k++ {
			x.mentionOf[k] = int32(i)
		}
	}
	prevLoc := -10
	for _, m := range x.ments {
		pm := mention{canonical: m.Canonical, kind: m.Kind, tok: m.Tok, ntok: m.NTok, text: m.Text}
		place := m.Kind != actor.KindArmy && m.Kind != actor.KindAgency && m.Kind != actor.KindGroup && m.Kind != actor.KindDemonym
		if place {
			p := m.Tok - 1
			if p >= 0 && strings.EqualFold(toks[p].Text(s.text), "the") {
				p--
			}
			end := m.Tok + m.NTok
			switch {
			case p >= 0 && tags[p].has(cLocPrep) && stateName(m.Kind):
				pm.location = true
			case end < len(toks) && tags[end].has(cLocation):
				pm.location = true
			case end+1 < len(toks) && toks[end].Kind == textscan.Dash && tags[end+1].has(cLocation):
				pm.location = true
			case p >= 1 && stateName(m.Kind) && toks[p].Text(s.text) == "," && toks[p-1].Upper && !x.isMention(p-1):
				pm.location = true // "Tauran, Mongolia"
			case p >= 0 && prevLoc == p && strings.EqualFold(toks[p].Text(s.text), "and"):
				pm.location = true // "in China and Japan"
			}
		}
		if pm.location {
			prevLoc = m.Tok + m.NTok
		}
		s.parties = append(s.parties, pm)
	}
}

// allyOf returns the party written together with m in one phrase, on the
// same side as m: "X and Y troops", "X and 6 Y troops", "X troops with Y
// advisors"; or "".
func (x *article) allyOf(s *sent, m mention) string {
	toks, text := x.toks, s.text
	other := func(k int) string {
		if k >= 0 && k < len(x.mentionOf) && x.mentionOf[k] >= 0 {
			if p := s.parties[x.mentionOf[k]]; !p.location && p.canonical != m.canonical {
				return p.canonical
			}
		}
		return ""
	}
	k := m.tok - 1
	for k >= 0 && x.inQuantity(toks[k].Start) {
		k-- // "and six Soviet troops"
	}
	if k >= 1 {
		if w := toks[k].Text(text); lowerIs(w, "and") || lowerIs(w, "with") {
			if a := other(k - 1); a != "" {
				return a
			}
		}
	}
	// "a Japanese military advisor" stands with the party before it.
	end := m.tok + m.ntok
	for j := end; j < len(toks) && j < end+3; j++ {
		if w := toks[j].Text(text); lowerIs(w, "advisor") || lowerIs(w, "advisors") || lowerIs(w, "adviser") || lowerIs(w, "advisers") {
			for i := len(s.parties) - 1; i >= 0; i-- {
				if p := s.parties[i]; p.tok < m.tok && !p.location && p.canonical != m.canonical {
					return p.canonical
				}
			}
		}
	}
	return ""
}

// inQuantity reports whether byte off of the sentence lies in one of its
// quantities.
func (x *article) inQuantity(off int) bool {
	for _, q := range x.qs {
		if q.Span.Start <= off && off < q.Span.End {
			return true
		}
	}
	return false
}

// stateName reports kinds of alias that name a state itself ("Mongolia",
// "USSR"), which can stand for its territory.
func stateName(kind string) bool {
	return kind == actor.KindState || kind == actor.KindFormer || kind == actor.KindAbbreviation
}

func (x *article) isMention(tok int) bool {
	return tok >= 0 && tok < len(x.mentionOf) && x.mentionOf[tok] >= 0
}

// mentionAt returns the mention of s starting at token tok, or nil.
func (x *article) mentionAt(s *sent, tok int) *mention {
	if tok < 0 || tok >= len(x.mentionOf) {
		return nil
	}
	if i := x.mentionOf[tok]; i >= 0 && s.parties[i].tok == tok {
		return &s.parties[i]
	}
	return nil
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
		if tags[i].has(cNameHead) && i > 0 && toks[i-1].Upper && toks[i-1].Kind == textscan.Word {
			k := i - 1
			for k > 0 && toks[k-1].Upper && toks[k-1].Kind == textscan.Word {
				k--
			}
			if strings.EqualFold(toks[k].Text(text), "the") {
				k++
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

// capRun returns the token after the run of capitalized words at i; a
// hyphen glued between two words keeps the run going ("Kara-Suu",
// "Nizhne-Mikhaylovka").
func (x *article) capRun(text string, i int) int {
	toks := x.toks
	j := i
	for j < len(toks) && toks[j].Kind == textscan.Word && toks[j].Upper {
		j++
		if j+1 < len(toks) && toks[j].Kind == textscan.Dash && !toks[j].Space && !toks[j+1].Space && toks[j+1].Kind == textscan.Word {
			j++
			if !toks[j].Upper {
				j++ // "Kara-suu": the tail need not be capitalized
			}
		}
	}
	return j
}

// readPlaces finds the place phrases of s: a capitalized name after a
// place preposition ("near Suifenho", "on the Amur River"), after a
// compass word and "of" with any distance before it ("about 20 kilometers
// north of Suifenho"), after "the village of", or a name holding a feature
// word ("Buir Lake").
func (x *article) readPlaces(s *sent) {
	toks, tags, text := x.toks, x.tags, s.text
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != textscan.Word || !t.Upper || (i > 0 && toks[i-1].Kind == textscan.Word && toks[i-1].Upper) {
			continue
		}
		j := x.capRun(text, i)
		if x.isMention(i) || x.inDate(s, i) {
			i = j - 1
			continue
		}
		if j < len(toks) && tags[j].has(cNameHead) {
			i = j - 1
			continue
		}
		if i > 0 && strings.EqualFold(toks[i-1].Text(text), "the") && j < len(toks) && toks[j].Kind == textscan.Word &&
			!toks[j].Upper && !tags[j].has(cPlaceNoun) && !isStopWord(strings.ToLower(toks[j].Text(text))) {
			i = j - 1 // "near the Buddhist temple": an adjective, not a name
			continue
		}
		end := toks[j-1].End
		if j < len(toks) && tags[j].has(cPlaceNoun) && !toks[j].Upper {
			end = toks[j].End // "the Olankhuduk region"
		}
		feature := false
		for k := i; k < j; k++ {
			if tags[k].has(cPlaceNoun) {
				feature = true
			}
		}
		p := i - 1
		if p >= 0 && strings.EqualFold(toks[p].Text(text), "the") {
			p--
		}
		start, weight := -1, 0
		switch {
		case p >= 0 && tags[p].has(cPlacePrep):
			start, weight = toks[p].Start, int(tags[p].weight)*10
			if end > toks[j-1].End {
				weight += 5
			}
		case p >= 1 && strings.EqualFold(toks[p].Text(text), "of") && tags[p-1].has(cDirection):
			k := p - 1
			// Back over a distance: "about 20 kilometers".
			for k > 0 && k >= p-4 && (toks[k-1].Kind == textscan.Number || (toks[k-1].Kind == textscan.Word && !toks[k-1].Upper && !tags[k-1].has(cPlacePrep|cFight) && isDistanceWord(toks[k-1].Text(text)))) {
				k--
			}
			start, weight = toks[k].Start, 50
		case p >= 1 && strings.EqualFold(toks[p].Text(text), "of") && tags[p-1].has(cPlaceNoun):
			k := p - 1
			for k > 0 && k >= p-3 && toks[k-1].Kind == textscan.Word && !toks[k-1].Upper {
				k--
				if w := toks[k].Text(text); w == "the" || w == "a" {
					break
				}
			}
			start, weight = toks[k].Start, 40
		case feature:
			start, weight = t.Start, 20
		case end > toks[j-1].End:
			start, weight = t.Start, 15 // "the Olankhuduk region"
			if i > 0 && strings.EqualFold(toks[i-1].Text(text), "the") {
				start = toks[i-1].Start
			}
		}
		if start >= 0 {
			s.places = append(s.places, placeCand{
				text:   text[start:end],
				span:   s.blk.SourceSpan(annalist.Span{Start: s.span.Start + start, End: s.span.Start + end}),
				weight: weight,
			})
		}
		i = j - 1
	}
}

func isDistanceWord(w string) bool {
	switch strings.ToLower(w) {
	case "about", "some", "approximately", "around", "roughly", "nearly", "almost",
		"kilometers", "kilometres", "km", "miles", "mi", "meters", "metres", "m", "yards", "versts", "li":
		return true
	}
	return false
}

// inDate reports whether token i lies in a time expression of s.
func (x *article) inDate(s *sent, i int) bool {
	w := x.toks[i].Text(s.text)
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December":
		return true
	}
	return false
}

// lossWord is what a walk from a number found after it.
type lossWord struct {
	kind     int // kDeath…, or -1
	none     bool
	materiel string
	what     string
	own      *mention
	endByte  int
	active   bool
	person   bool // the number counts people ("30 men", "140 Mongolians")
}

// readLosses credits the numbers of s that are losses to d's sides.
func (x *article) readLosses(d *draft, s *sent) {
	qs := x.qs
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
		case w == ";":
			lastSemi, lastClause = k, k
		case w == "," && k+1 < len(toks) && isClauseJoin(toks[k+1].Text(text)):
			lastClause = k // ", and a Thai platoon … was driven off with eight wounded"
		case w == "of" && k > 0 && strings.EqualFold(toks[k-1].Text(text), "cost"):
			lastCost = k
		}
		if firstFight < 0 && tags[k].has(cFight) {
			firstFight = k
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
			if firstFight >= 0 && firstFight < m.tok {
				subject = opposite(subject)
			}
			break
		}
		return subject
	}
	credited := map[[2]int]bool{}
	prevActive, prevEnd := -1, -1 // the kind an active verb gave the last number; its end token
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
		subset := false
		for k := ti - 1; k >= 0 && k >= ti-3; k-- {
			if tags[k].has(cSubset) {
				subset = true
			}
		}
		if subset {
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
		active, lost := false, false
		k := ti - 1
		for k >= 0 && tags[k].has(cAux) {
			k--
		}
		if k >= 0 {
			switch {
			case tags[k].has(cActiveDeath) && lw.kind < 0:
				lw.kind, active = kDeath, true
			case tags[k].has(cActiveWounded) && lw.kind < 0:
				lw.kind, active = kWounded, true
			case tags[k].has(cActiveCaptured) && (lw.kind < 0 || lw.kind == kCaptured):
				lw.kind, active = kCaptured, true
			case tags[k].has(cLost) && lw.kind < 0 && lw.materiel == "" && !zero:
				// "losing 20 tanks", "lost 500 men": the subject's loss.
				if lw.person {
					lw.kind, lost = kDeath, true
				} else if lw.what != "" {
					lw.materiel, lost = "lost", true
				}
			}
		}
		if k >= 0 && lw.kind < 0 && prevActive >= 0 && (strings.EqualFold(toks[k].Text(text), "and") || toks[k].Text(text) == ",") {
			// "injuring 4 Ostran and 7 Zembrian soldiers": the second
			// number shares the verb when only parties stand between.
			j := k - 1
			for j >= 0 && x.isMention(j) {
				j--
			}
			if j+1 == prevEnd {
				lw.kind, active = prevActive, true
			}
		}
		prevActive, prevEnd = -1, tj
		if active {
			prevActive = lw.kind
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
		side := -2
		switch {
		case lw.own != nil:
			side = x.sideOfParty(d, lw.own.canonical)
		case active:
			if agent := x.passiveAgent(d, s, ti); agent >= 0 {
				side = opposite(agent) // "was sunk by Ostran batteries, killing five"
			} else {
				side = opposite(subjectSide())
			}
		case lost || (ti < len(x.before) && x.before[ti][1] > x.before[ti][2]):
			side = subjectSide() // "at the cost of eight men killed"
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
		if bothSides(text, toks, tokAt(lw.endByte)) {
			side = -1 // "41 killed on both sides"
		}
		slot := side
		if slot < 0 {
			slot = 2
		}
		if lw.materiel != "" {
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

// readForce records a stated strength: people the number counts, on the
// side of the party written with it, else of the nearest party before it.
func (x *article) readForce(d *draft, s *sent, q quantity.Quantity, own *mention, ti, end int) {
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

// passiveAgent returns the side of the party that a passive fight verb
// before token ti names as its doer ("was sunk by Ostran batteries"), or
// -1: the losses the doer's action caused are the other side's.
func (x *article) passiveAgent(d *draft, s *sent, ti int) int {
	toks, tags := x.toks, x.tags
	for _, m := range s.parties {
		if m.location || m.tok >= ti || m.tok < 2 || !lowerIs(toks[m.tok-1].Text(s.text), "by") {
			continue
		}
		for k := m.tok - 2; k >= 0 && k >= m.tok-4; k-- {
			if tags[k].has(cFight) {
				return x.sideOfParty(d, m.canonical)
			}
		}
	}
	return -1
}

// isClauseJoin reports a word that, after a comma, starts a clause of its
// own with its own subject.
func isClauseJoin(w string) bool {
	switch strings.ToLower(w) {
	case "and", "but", "while", "whereas", "although", "though", "yet":
		return true
	}
	return false
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

func opposite(side int) int {
	if side == 0 || side == 1 {
		return 1 - side
	}
	return -1
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
	var thing []string
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
			k += tg.length(cPerson)
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
		case strings.EqualFold(toks[k].Text(text), "and") && len(rest) > 0 && tokAt(rest[0].Span.Start) == k+1:
			// "two Japanese and four Manchukuoan soldiers were killed"
			k = tokAt(rest[0].Span.End)
			rest = rest[1:]
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

// readClaims reads the figures s credits to a party ("according to X, N
// border disputes occurred"; "X blamed Y for N cases of …"); it reports
// whether s held any.
func (x *article) readClaims(s *sent, anchor timex.Anchor) bool {
	toks, tags, text := x.toks, x.tags, s.text
	from, who := -1, ""
	for k := 0; k+1 < len(toks); k++ {
		if tags[k].class&(cAccording|cAttribution) == 0 {
			continue
		}
		if tags[k].has(cAccording) {
			for _, m := range s.parties {
				if m.tok > k+1 && m.tok <= k+3 {
					who = x.partyName(m)
					break
				}
			}
			// The source as written, for losses the sentence credits to it.
			j := k + 2
			if j < len(toks) && strings.EqualFold(toks[j].Text(text), "the") {
				j++
			}
			e := j
			for e < len(toks) && e < j+5 && toks[e].Kind == textscan.Word {
				e++
			}
			if e > j {
				s.source = text[toks[j].Start:toks[e-1].End]
			}
			if who == "" {
				if e := x.capRun(text, j); e > j {
					who = text[toks[j].Start:toks[e-1].End]
				}
			}
			from = 0
			break
		}
		if tags[k].has(cAttribution) {
			for i := len(s.parties) - 1; i >= 0; i-- {
				if m := s.parties[i]; m.tok < k {
					who = x.partyName(m)
					break
				}
			}
			from = k
			break
		}
	}
	if from < 0 || who == "" {
		return false
	}
	qs := x.qs
	found := false
	for _, q := range qs {
		if q.Unit != "" || q.Count.Low == nil || q.Span.Start < toks[from].Start {
			continue
		}
		what, end := x.claimWhat(text, q)
		if what == "" {
			continue
		}
		c := q.Count
		c.Text = text[q.Span.Start:end]
		sp := s.blk.SourceSpan(annalist.Span{Start: s.span.Start + q.Span.Start, End: s.span.Start + end})
		c.Span = &sp
		cl := annalist.Claim{Quantity: c, What: what, AccordingTo: annalist.Ptr(who)}
		switch before := s.anchorBefore.Date; {
		case s.hasDate:
			cl.PeriodStart, cl.PeriodEnd = s.start, s.end
		case !s.byEnd.IsZero() && !before.IsZero():
			// "From then until April 1939": from the narrative's year.
			cl.PeriodStart, cl.PeriodEnd = annalist.YearDate(before.Year), s.byEnd
		case !anchor.Date.IsZero():
			y := annalist.YearDate(anchor.Date.Year)
			cl.PeriodStart, cl.PeriodEnd = y, y
		}
		src := s.blk.SourceSpan(s.span)
		cl.Evidence = []annalist.Evidence{{Section: x.sectionName(s.blk.Section), Start: src.Start, End: src.End, Text: x.sourceText(s, src)}}
		x.claims = append(x.claims, cl)
		found = true
	}
	return found
}

// partyName is how a claim names its source: a state by its canonical
// name ("The Soviets" → "Soviet Union"), an army or agency as written.
func (x *article) partyName(m mention) string {
	switch m.kind {
	case actor.KindArmy, actor.KindAgency, actor.KindGroup:
		return strings.TrimPrefix(m.text, "the ")
	}
	return m.canonical
}

// claimWhat reads what a claimed number counts: the words after it
// ("border disputes"), or the object of "cases of", "episodes of"
// ("spy smuggling"). People and losses are not claims of incidents.
func (x *article) claimWhat(text string, q quantity.Quantity) (string, int) {
	rest := text[q.Span.End:]
	toks := textscan.Scan(rest, x.restToks[:0])
	x.restToks = toks
	var words []string
	cases := false
	end := q.Span.End
	for k := 0; k < len(toks) && len(words) < 4; k++ {
		t := toks[k]
		w := t.Text(rest)
		lw := strings.ToLower(w)
		if t.Kind == textscan.Punct && (w == "\"" || w == "“" || w == "”") {
			cases = false // a quoted term stays as written
			continue
		}
		if t.Kind != textscan.Word || t.Upper {
			break
		}
		if lw == "such" || lw == "other" || lw == "more" {
			continue
		}
		if lw == "of" && len(words) == 1 && isCaseWord(words[0]) {
			words, cases = words[:0], true
			continue
		}
		if isStopWord(lw) {
			break
		}
		words = append(words, w)
		end = q.Span.End + t.End
	}
	if len(words) == 0 {
		return "", end
	}
	if last := words[len(words)-1]; cases && !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ing") {
		// "15 cases of border violation" counts border violations.
		words[len(words)-1] = last + "s"
	}
	what := strings.Join(words, " ")
	lx := x.lex
	if es := lx.first[strings.ToLower(words[0])]; len(es) > 0 {
		for _, e := range es {
			if e.class&(cPerson|lossClasses|cCasualty|cMateriel) != 0 {
				return "", end
			}
		}
	}
	return what, end
}

func isCaseWord(w string) bool {
	switch strings.ToLower(w) {
	case "cases", "case", "episodes", "episode", "instances", "instance", "counts", "acts", "incidents":
		return true
	}
	return false
}

func isStopWord(w string) bool {
	switch w {
	case "occurred", "were", "was", "and", "or", "in", "on", "at", "by", "during", "from", "to",
		"took", "had", "have", "happened", "alone", "between", "since", "until", "that", "which",
		"with", "for", "as", "the", "a", "an", "each", "per":
		return true
	}
	return false
}
