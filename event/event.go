// Package event reads the prose of an article into event data: one Event
// per armed clash, with its date, place, sides, losses per side and the
// sentences it was read from, and the Claims the text credits to a party
// rather than to one clash.
//
// The reading rules (spec/annotation.md) in short:
//   - A sentence tells a clash when it has a fight word (lexicon.tsv) or a
//     stated loss, and a date of its own, a battle's name as its subject,
//     or a lost name ("the (ja) occurred"). A dated sentence with no
//     fighting opens the clash that the next sentences of its paragraph
//     tell without a date ("On 18 August troops began landing. The
//     garrison opened fire …").
//   - The sentences after it in the same paragraph go on telling that
//     clash until one with a fight word and a new date opens another
//     ("Five days later", "in January"), or a same-day sentence names
//     another place ("The same day, at X"); a sentence with a new date and
//     no fighting ends it, except a cease-fire, which ends the clash's
//     dates. A date inside the clash's month narrows it ("On February
//     12").
//   - A paragraph goes on with the clash of the paragraph before when it
//     says so ("In this engagement") or opens with fighting and no date.
//     List items each tell a clash of their own (a battle's phases) and
//     take the place of the clash that introduced them.
//   - Sides are the conflict's sides (the infobox belligerents): every
//     party named in the clash's sentences is put on its side; a state
//     used as a place ("inside X territory", "from Mongolia") is no party;
//     a clash that names one side only was fought against the other.
//   - A loss is credited to the party written with the number ("two
//     Japanese soldiers were killed"), to the subject for "at the cost of",
//     to the other side for "capturing 10 soldiers", else to the nearest
//     party before it; "no casualties" is 0 dead and 0 wounded; "the 10
//     prisoners" and "including three advisors" are not counted again.
//   - A sentence's date is the union of its time expressions, less those
//     that contain another ("in July (2–25 July)" is 2–25 July); "by 31
//     August" only ends it.
//   - Background wars ("fought a brief war in 1992") and clashes dated
//     more than a year outside the conflict's dates are no events. The
//     lead (a summary) opens only the battle an article is about, unless
//     the body tells no clash at all; "See also", references and portrayal
//     sections are never read.
//   - A claim is a number after "according to X" or after a party and a
//     verb of record ("X recorded", "X blamed Y for"), counting things
//     other than people, over the sentence's period.
package event

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/sentence"
	"github.com/annalist/annalist/timex"
)

// Reader holds what reading events needs across articles: the lexicon, a
// scanner over the shared actor table, and a pool of scratch memory. It is
// safe for concurrent use; Extract builds one per call, a pipeline keeps
// one.
type Reader struct {
	lex    *lexicon
	actors *actor.Table
	scan   *actor.Scanner
	pool   sync.Pool // of *scratch: one article's memory, lent to the next
}

// NewReader parses the embedded lexicon and indexes the actor table.
func NewReader(actors *actor.Table) (*Reader, error) {
	lx, err := parseLexicon(lexiconTSV, "lexicon.tsv")
	if err != nil {
		return nil, fmt.Errorf("event lexicon: %w", err)
	}
	return &Reader{lex: lx, actors: actors, scan: actor.NewScanner(actors)}, nil
}

// Extract reads the events and claims of a. c is the article's conflict
// record (nil when it has none): its sides tell which party fought on
// which side. actors is the shared table; it is cloned, never changed.
func Extract(a *annalist.Article, c *annalist.Conflict, actors *actor.Table) ([]annalist.Event, []annalist.Claim) {
	r, err := NewReader(actors)
	if err != nil {
		// The lexicon is embedded and checked by the tests: this cannot
		// happen in a built binary.
		panic(err)
	}
	return r.Extract(a, c)
}

// Extract reads the events and claims of a; see the package comment.
func (r *Reader) Extract(a *annalist.Article, c *annalist.Conflict) ([]annalist.Event, []annalist.Claim) {
	x := r.newArticle(a, c)
	x.battle = x.battleDraft(c)
	x.readBody(false)
	if len(x.events) == 0 {
		// The lead summarizes the body; it is read for clashes only when
		// the body tells none (an excerpt, a stub).
		x.readBody(true)
	}
	evs, cls := x.finish()
	x.scratch.reset(x.events)
	r.pool.Put(x.scratch)
	x.scratch = nil
	return evs, cls
}

// article is the state of reading one article.
type article struct {
	r      *Reader
	a      *annalist.Article
	lex    *lexicon
	scan   *actor.Scanner
	sideOf map[string]int // canonical party → conflict side (0, 1)
	sides  [2][]string    // the conflict's belligerents, canonical
	// aliasOf maps a state the table knows to the belligerent whose
	// longer name holds it ("United Kingdom" → "Kingdom of Great Britain").
	aliasOf map[string]string
	battle  *draft // the article's own battle, when it is about one
	// leadParties are the states and groups the lead names.
	leadParties map[string]bool

	events []*draft
	claims []annalist.Claim
	names  map[string]bool  // event names already used
	window [2]annalist.Date // the conflict's dates, when the infobox gives them
	// inferred: window was read off the years of the text (inferWindow)
	inferred bool
	skip     []int8 // per section: 0 not yet known, 1 skipped, 2 read

	*scratch
}

// scratch is the memory reused sentence to sentence, and article to
// article through the Reader's pool: nothing read into the events and
// claims points into it.
type scratch struct {
	sent      sent
	keep      []timex.Expr
	exprs     []timex.Expr
	qs        []quantity.Quantity
	toks      []textscan.Token // the sentence's, relative to it
	blockToks []textscan.Token
	// the block's expressions and quantities (readSentence copies a
	// sentence's own into exprs and qs)
	blockExprs []timex.Expr
	blockQs    []quantity.Quantity
	exprAt     int // the first of blockExprs not yet behind the sentence read
	qAt        int // likewise in blockQs
	tags       []tag
	ments      []actor.Mention
	mentionOf  []int32 // token → index of the mention covering it, or -1
	days       [][2]int
	before     [][4]int32       // token → last party, "cost of", ";", clause start before it
	headToks   []textscan.Token // a heading's (headingName)
	headTags   []tag
	restToks   []textscan.Token // the words after a claim's number (claimWhat)
	sideBuf    sideList         // assignSides's result
	drafts     []*draft         // drafts of the article before, to reuse
	headYears  []int32          // per section: its heading's year, 0 not yet read, or noYear
	years      []int32          // the year of each dated sentence read, for inferWindow
}

// reset drops what the scratch holds of the article read, keeping the
// capacity of its slices.
func (sc *scratch) reset(events []*draft) {
	sc.sent = sent{parties: sc.sent.parties[:0], places: sc.sent.places[:0], dateSpans: sc.sent.dateSpans[:0]}
	sc.headYears = sc.headYears[:0]
	sc.years = sc.years[:0]
	for _, d := range events {
		*d = draft{}
		sc.drafts = append(sc.drafts, d)
	}
}

// newDraft returns a zero draft, one of the article before's when there
// are any: the events built from drafts hold none of their memory.
func (sc *scratch) newDraft() *draft {
	if n := len(sc.drafts); n > 0 {
		d := sc.drafts[n-1]
		sc.drafts = sc.drafts[:n-1]
		return d
	}
	return new(draft)
}

func (r *Reader) newArticle(a *annalist.Article, c *annalist.Conflict) *article {
	sc, _ := r.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	x := &article{r: r, a: a, lex: r.lex, scan: r.scan, sideOf: map[string]int{}, names: map[string]bool{}, scratch: sc}
	if c == nil {
		return x
	}
	x.window = [2]annalist.Date{c.Start, c.End}
	var names [2][]string
	for i, s := range c.Sides {
		if i > 1 {
			break
		}
		names[i] = s.Belligerents
	}
	if len(names[0])+len(names[1]) == 0 {
		return x
	}
	t := r.actors.Clone()
	lead := leadText(a)
	var added []actor.Alias
	for i := range names {
		var rows []actor.Alias
		x.sides[i], rows = actor.AddBelligerents(t, names[i], lead)
		added = append(added, rows...)
		for _, n := range x.sides[i] {
			if _, dup := x.sideOf[n]; !dup {
				x.sideOf[n] = i
			}
		}
	}
	x.scan = r.scan.With(added)
	// The parties the lead names take part in the conflict, on a side
	// or beside one, even where the infobox lost them.
	x.leadParties = x.partiesNamed(lead)
	// The conflict names a belligerent as the article does ("Kingdom of
	// Great Britain", "Spanish Empire"); the prose calls it by a name the
	// actor table reads as another state ("British", "the Spanish").
	// Each state a belligerent's name holds stands for it, unless both
	// sides' names hold it.
	owner := map[string]int{}
	for i := range names {
		for _, n := range names[i] {
			for _, c := range coreStates(t, n) {
				if o, seen := owner[c]; seen && o != i {
					owner[c] = -1
				} else if !seen {
					owner[c] = i
				}
			}
		}
	}
	for i := range names {
		for k, n := range names[i] {
			for _, c := range coreStates(t, n) {
				if _, known := x.sideOf[c]; known || owner[c] != i || k >= len(x.sides[i]) {
					continue
				}
				if x.aliasOf == nil {
					x.aliasOf = map[string]string{}
				}
				x.aliasOf[c] = x.sides[i][k]
				x.sideOf[c] = i
			}
		}
	}
	return x
}

// partiesNamed returns the states and groups text names as parties, not
// as places ("in Northeast China", "Manchukuo territory" are places).
func (x *article) partiesNamed(text string) map[string]bool {
	toks := textscan.Scan(text, nil)
	tags := x.lex.annotate(text, toks, nil)
	out := map[string]bool{}
	for _, m := range x.scan.ScanTokens(text, toks, nil) {
		p := m.Tok - 1
		for p >= 0 && (tags[p].has(cDirection) || strings.EqualFold(toks[p].Text(text), "the")) {
			p--
		}
		end := m.Tok + m.NTok
		if (p >= 0 && tags[p].has(cLocPrep) && stateName(m.Kind)) || (end < len(toks) && tags[end].has(cLocation)) {
			continue
		}
		out[m.Canonical] = true
	}
	return out
}

// coreStates returns the states the actor table finds in a longer name:
// runs of its words that are not generic words of statehood ("Great
// Britain" in "Kingdom of Great Britain", "Spanish" in "Spanish Empire").
func coreStates(t *actor.Table, name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	var out []string
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			run := words[i : i+n]
			generic := true
			for _, w := range run {
				generic = generic && statehoodWord(w)
			}
			if generic {
				continue
			}
			if c, _, ok := t.Lookup(strings.Join(run, " ")); ok && c != name {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			return out // the longest runs that name a state
		}
	}
	return out
}

// statehoodWord reports words that say what kind of state a name is, not
// which one.
func statehoodWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, "()'’,")) {
	case "kingdom", "empire", "republic", "of", "the", "state", "states", "federation", "people's", "peoples",
		"democratic", "socialist", "united", "federal", "imperial", "first", "second", "third", "fourth", "fifth",
		"royal", "grand", "duchy", "principality", "sultanate", "emirate", "khanate", "caliphate", "dynasty",
		"confederation", "commonwealth", "government", "provisional", "revolutionary", "islamic", "arab", "free",
		"and", "great", "new", "old", "army", "forces", "armed", "national", "popular":
		return true
	}
	return false
}

// leadText returns the paragraphs before the first heading.
func leadText(a *annalist.Article) string {
	var b strings.Builder
	for i := range a.Blocks {
		if a.Blocks[i].Section >= 0 {
			break
		}
		b.WriteString(a.Blocks[i].Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// draft is an event being read.
type draft struct {
	ev        annalist.Event
	start     annalist.Date
	end       annalist.Date
	ownDate   bool // the date came from the event's own sentences
	approx    bool
	section   int
	parent    *draft
	phased    bool             // list items after it tell its phases
	battle    bool             // the battle a battle article is about, from its infobox
	coords    *annalist.LatLon // the battle's coordinates, from its infobox
	fightSeen bool             // a sentence with a word of fighting has been added

	parties []party // in order of first mention
	// losses[side][kind]; side 2 is "not credited".
	losses   [3][4]*annalist.Count
	forces   [3][]annalist.Force
	counted  bool // a loss has been credited
	place    *placeCand
	name     string
	nameSpan annalist.Span
}

type party struct {
	canonical string
	side      int    // conflict side, or -1
	ally      string // a party written together with it ("Mongolian and Soviet troops"), or ""
	fought    bool   // named in the first sentence of the clash with a word of fighting
}

// loss kinds, in the order of draft.losses.
const (
	kDeath = iota
	kWounded
	kCaptured
	kMissing
)

// sent is one sentence read.
type sent struct {
	blk  *annalist.Block
	bi   int
	span annalist.Span // in the block's text
	text string

	fight, ceasefire, another, lostName bool
	fightWord, report                   bool // a word of combat; a verb of saying
	fightRef                            bool // "the clash": a clash told before
	fightSubject                        bool // a fightRef not inside a phrase about another clash
	name                                string
	nameSpan                            annalist.Span
	nameAtStart                         bool
	namePlace                           string

	hasDate      bool
	start, end   annalist.Date
	uncertain    bool
	relative     bool
	initialDate  bool
	source       string       // "according to X": X as written
	anchorBefore timex.Anchor // the narrative's date before this sentence
	byEnd        annalist.Date
	dateSpans    []annalist.Span // source spans of the expressions that date it
	parties      []mention
	places       []placeCand
	continues    bool
}

type mention struct {
	canonical, kind string
	text            string
	tok, ntok       int
	location        bool
}

type placeCand struct {
	text   string
	span   annalist.Span // source span
	weight int
}

// readBody reads the blocks in order. In the first pass (lead false) it
// reads the body, and the lead only for its claims and for a battle the
// lead names as its subject; the second pass (lead true) reads the lead
// alone, for an article whose body told no clash.
func (x *article) readBody(lead bool) {
	a := x.a
	anchor := timex.Anchor{}
	var cur, lastPara *draft
	var pending pendingSent // a dated sentence told before any fighting
	lastBlock := -1         // the block lastPara was last told in
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
			if curSection == -1 || (curSection == -2 && b.Section >= 0) {
				// The body's narrative starts afresh, in the conflict's
				// first year (or the lead's last year) for dates that
				// give no year.
				y := x.window[0].Year
				if x.window[0].IsZero() {
					y = anchor.Date.Year
				}
				anchor = timex.Anchor{}
				if y != 0 {
					anchor.Date = annalist.YearDate(y)
				}
			}
			curSection = b.Section
			cur, lastPara = nil, nil
			if y, ok := x.headingYear(b.Section); ok {
				if anchor.Year != y {
					anchor.Year = y
					if anchor.Date.Year != y {
						anchor.Date = annalist.YearDate(y)
					}
				}
			}
		}
		if x.skipped(b.Section) {
			continue
		}
		isList := b.Kind == annalist.ListItem
		cur = nil
		var prevPlace *placeCand // a place named earlier in the block
		spans := sentence.Split(b.Text)
		// Time expressions and quantities are found once per block: the
		// anchor carries from one expression to the next inside Find.
		if want := len(b.Text) / 5; cap(x.blockToks) < want {
			// One allocation for a long block rather than a dozen
			// doublings, each copying all the tokens before it.
			x.blockToks = make([]textscan.Token, 0, want)
		}
		x.blockToks = textscan.Scan(b.Text, x.blockToks[:0])
		x.blockExprs = timex.AppendTokens(x.blockExprs[:0], b.Text, x.blockToks, anchor)
		x.blockQs = quantity.AppendTokens(x.blockQs[:0], b.Text, x.blockToks)
		blockExprs, blockQs := x.blockExprs, x.blockQs
		x.exprAt, x.qAt = 0, 0
		ti := 0
		for si, sp := range spans {
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
			s := x.readSentence(b, bi, sp, &anchor, blockExprs, blockQs)
			if !lead && x.readClaims(s, anchor) && !s.fight {
				continue // a figure credited to a party tells no clash
			}
			if inLead && !lead && cur == nil && !(s.name != "" && s.nameAtStart) {
				continue // the lead opens only a named battle in the first pass
			}
			if inLead && x.battle == nil && s.hasDate && x.coversWar(s.start, s.end) {
				continue // the lead's summary of the whole war
			}
			// A paragraph goes on with the clash of the paragraph before
			// when it says so ("In this engagement"), or when it opens
			// with fighting and no date or name of its own.
			if si == 0 && cur == nil && !isList && lastPara != nil && !s.hasDate &&
				(s.continues || ((s.fight || s.fightRef) && s.name == "" && !s.lostName && lastBlock == bi-1)) {
				cur = lastPara
			}
			switch {
			case cur == nil && !x.opens(s) && s.fight && !s.hasDate && pending.set && pending.bi == bi:
				// "In the early hours of 18 August, troops began landing.
				// The garrison opened fire, …": the dated sentence before
				// the fighting opens the clash.
				cur = x.open(&pending.s, anchor, curSection)
				x.add(cur, s)
				pending.set = false
			case cur == nil:
				if x.opens(s) {
					cur = x.open(s, anchor, curSection)
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
			case x.opensAnother(cur, s):
				prev := cur
				cur = x.open(s, anchor, curSection)
				if cur.place == nil && prev.place != nil && s.relative {
					// "Five days later, …": the narrative stays where it was.
					cp := *prev.place
					cp.weight = 0
					cur.place = &cp
				}
			case s.hasDate && !s.fight && !s.ceasefire && !within(cur, s) && cur.ownDate:
				cur = nil
			default:
				x.add(cur, s)
			}
			if cur == nil && len(s.places) > 0 {
				best := bestPlace(s.places)
				prevPlace = &best
			}
			if cur == nil && s.hasDate && !s.fight && annalist.DatePrec(s.start, s.end) <= 4 && annalist.DatePrec(s.start, s.end) > 0 {
				pending.keep(s, bi)
			} else if cur != nil {
				pending.set = false
			}
		}
		if !isList && cur != nil {
			lastPara, lastBlock = cur, bi
		}
	}
}

// pendingSent keeps a dated sentence with no fighting in it, which opens
// the clash that the sentences after it in the same block tell without a
// date of their own.
type pendingSent struct {
	s   sent
	bi  int
	set bool
}

func (p *pendingSent) keep(s *sent, bi int) {
	p.s = *s
	p.s.parties = append(p.s.parties[:0:0], s.parties...)
	p.s.places = append(p.s.places[:0:0], s.places...)
	p.bi, p.set = bi, true
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

// ownHeadingYear is timex.HeadingYear of section i's heading, read once
// per section.
func (x *article) ownHeadingYear(i int) (int, bool) {
	if len(x.headYears) != len(x.a.Sections) {
		x.headYears = append(x.headYears[:0], make([]int32, len(x.a.Sections))...)
	}
	if x.headYears[i] == 0 {
		x.headYears[i] = noYear
		if y, ok := timex.HeadingYear(x.a.Sections[i].Heading); ok {
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
	if s.name != "" && x.names[s.name] && !s.hasDate {
		return false
	}
	return s.hasDate || (s.name != "" && s.nameAtStart) || s.lostName
}

// opensAnother reports whether s ends the clash cur and tells a new one.
func (x *article) opensAnother(cur *draft, s *sent) bool {
	if !s.fight || !s.hasDate || !cur.ownDate {
		return false
	}
	if s.report && !s.fightWord {
		return false // "in 2031 it said that 4 had died": a report, not a clash
	}
	if !within(cur, s) {
		return true
	}
	if s.another {
		return true
	}
	if s.initialDate && len(s.places) > 0 && (cur.place == nil || !samePlace(bestPlace(s.places).text, cur.place.text)) {
		return true
	}
	return false
}

func samePlace(a, b string) bool {
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// within reports whether s's date lies inside cur's.
func within(cur *draft, s *sent) bool {
	if cur.start.IsZero() {
		return false
	}
	ce := cur.end
	if ce.IsZero() {
		ce = cur.start
	}
	se := s.end
	if se.IsZero() {
		se = s.start
	}
	return s.start.First().DayNumber() >= cur.start.First().DayNumber() &&
		se.Last().DayNumber() <= ce.Last().DayNumber()
}

func (x *article) open(s *sent, anchor timex.Anchor, section int) *draft {
	d := x.newDraft()
	d.section = section
	if s.hasDate {
		d.start, d.end, d.ownDate, d.approx = s.start, s.end, true, s.uncertain
	} else {
		d.start, d.end = contextDate(anchor)
	}
	x.events = append(x.events, d)
	x.add(d, s)
	return d
}

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

// add makes s part of the clash d.
func (x *article) add(d *draft, s *sent) {
	src := s.blk.SourceSpan(s.span)
	if d.ev.Evidence == nil {
		// Most clashes are told in a few sentences: one allocation for
		// them rather than growing from one.
		d.ev.Evidence = make([]annalist.Evidence, 0, 4)
	}
	d.ev.Evidence = append(d.ev.Evidence, annalist.Evidence{
		Section: x.sectionName(s.blk.Section),
		Start:   src.Start,
		End:     src.End,
		Text:    x.sourceText(s, src),
	})
	// The sentence that opens a clash with its own date dates it.
	dated := s.hasDate && d.ownDate && len(d.ev.Evidence) == 1
	switch {
	case s.hasDate && !d.ownDate:
		d.start, d.end, d.ownDate, d.approx = s.start, s.end, true, s.uncertain
		dated = true
	case s.hasDate && s.ceasefire && !s.fight && d.phased:
		// A battle told in phases runs until the cease-fire that ends it
		// takes effect; a single engagement ends with its fighting, and a
		// later truce ends the conflict, not the fight.
		if s.end.Last().DayNumber() > d.end.Last().DayNumber() {
			d.end = s.end
			dated = true
		}
	case s.hasDate && d.start.Prec < annalist.PrecDay && s.start.Prec == annalist.PrecDay && within(d, s) && len(d.ev.Evidence) > 1:
		// "In February 1936 … On February 12, …": the day narrows the month.
		d.start, d.end = s.start, s.end
		dated = true
	}
	if dated {
		// Where the dates stand, so that a reader sees what the date was
		// read from (the explorer highlights them).
		d.ev.DateSpans = append(d.ev.DateSpans, s.dateSpans...)
	}
	if !s.byEnd.IsZero() && s.byEnd.Last().DayNumber() >= d.start.First().DayNumber() && len(d.ev.Evidence) == 1 {
		d.end = s.byEnd
	}
	// The first sentence with a word of fighting says who fought; later
	// ones may tell third states' reactions.
	opening := s.fightWord && !d.fightSeen
	d.fightSeen = d.fightSeen || s.fightWord
	for _, m := range s.parties {
		if m.location {
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
				ally = x.allyOf(s, m)
			}
			if d.parties == nil {
				d.parties = make([]party, 0, 4)
			}
			d.parties = append(d.parties, party{canonical: m.canonical, side: side, ally: ally, fought: opening})
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
	if len(s.places) > 0 {
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

func bestPlace(ps []placeCand) placeCand {
	best := ps[0]
	for _, p := range ps[1:] {
		if p.weight > best.weight {
			best = p
		}
	}
	return best
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
	if tags[last].has(cNameHead) || (tags[0].has(cNameOf) && last >= 2 && strings.EqualFold(toks[1].Text(h), "of")) {
		return h
	}
	return ""
}

// finish turns the drafts into Events.
func (x *article) finish() ([]annalist.Event, []annalist.Claim) {
	if x.window[0].IsZero() {
		x.inferWindow()
	}
	out := make([]annalist.Event, 0, len(x.events))
	named := map[int]bool{} // sections whose heading gave its name
	kept := x.events
	if b := x.battle; b != nil {
		// The clashes told within the battle's dates are the battle.
		kept = kept[:0:0]
		for _, d := range x.events {
			if d != b && !x.outside(d) && overlaps(b, d) {
				absorb(b, d)
				continue
			}
			kept = append(kept, d)
		}
	}
	for _, d := range kept {
		if x.outside(d) || x.foreign(d) || x.summary(d) {
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

// summary reports a clash read from the lead that spans the whole
// conflict ("The X war was fought between A and B from 1977 to 1978"):
// the conflict record already says that, and it is no one clash.
func (x *article) summary(d *draft) bool {
	return !d.battle && d.section < 0 && x.coversWar(d.start, d.end)
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
		case x.leadParties[p.canonical]:
		default:
			stranger = true
		}
	}
	return stranger && !(present[0] && present[1])
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
	x.window = [2]annalist.Date{annalist.YearDate(int(ys[best])), annalist.YearDate(int(ys[best+k-1]))}
	x.inferred = true
}

// outside reports a clash dated more than a year before the conflict's
// start or after its end: background (an earlier war) or aftermath, not a
// clash of this conflict.
func (x *article) outside(d *draft) bool {
	if d.start.IsZero() {
		return false
	}
	end := d.end
	if end.IsZero() {
		end = d.start
	}
	// An infobox's dates are the war's own, and a clash a few months
	// before them is a prelude worth keeping; dates inferred from the
	// text's years already hold that margin.
	slack := 366
	if x.inferred {
		slack = 0
	}
	if s := x.window[0]; !s.IsZero() && end.Last().DayNumber() < s.First().DayNumber()-slack {
		return true
	}
	if e := x.window[1]; !e.IsZero() && d.start.First().DayNumber() > e.Last().DayNumber()+slack {
		return true
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
	// side_a is the side of the first party named.
	first := 0
	for _, p := range d.parties {
		if s, _ := sides.get(p.canonical); s >= 0 {
			first = s
			break
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
	if len(names[0]) == 0 && len(names[1]) == 0 && len(x.sides[0]) > 0 && len(x.sides[1]) > 0 {
		names[0], names[1] = []string{x.sides[0][0]}, []string{x.sides[1][0]}
	}
	for s := 0; s < 2; s++ {
		if len(names[s]) == 0 && len(names[1-s]) > 0 && len(x.sides[s]) > 0 {
			names[s] = []string{x.sides[s][0]}
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
	ev.DeathsA, ev.DeathsB = d.losses[a][kDeath], d.losses[b][kDeath]
	ev.WoundedA, ev.WoundedB = d.losses[a][kWounded], d.losses[b][kWounded]
	ev.CapturedA, ev.CapturedB = d.losses[a][kCaptured], d.losses[b][kCaptured]
	ev.MissingA, ev.MissingB = d.losses[a][kMissing], d.losses[b][kMissing]
	ev.DeathsUnknown, ev.WoundedUnknown = d.losses[2][kDeath], d.losses[2][kWounded]
	civilianDeaths(&ev)
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

// assignSides puts each party of d on side 0 or 1: the conflict's side
// when it has one; otherwise the first party opens side 0 and the first
// party after it not on a known side takes the other.
//
// The result lives in x's scratch until the next call.
func (x *article) assignSides(d *draft) sideList {
	out := x.sideBuf[:0]
	defer func() { x.sideBuf = out[:0] }()
	var used [2]bool
	for _, p := range d.parties {
		if p.side >= 0 {
			out = out.set(p.canonical, p.side)
			used[p.side] = true
		}
	}
	for _, p := range d.parties {
		if p.side >= 0 {
			continue
		}
		if a, ok := out.get(p.ally); ok && p.ally != "" && a >= 0 {
			out = out.set(p.canonical, a) // fights beside the party written with it
			continue
		}
		switch {
		case !used[0] && !used[1]:
			out = out.set(p.canonical, 0)
			used[0] = true
		case !used[1]:
			out = out.set(p.canonical, 1)
			used[1] = true
		case !used[0]:
			out = out.set(p.canonical, 0)
			used[0] = true
		default:
			out = out.set(p.canonical, -1)
		}
	}
	return out
}

// sideList maps a clash's parties to their sides: a handful of names, so a
// slice searched in order (a map cost an allocation per clash).
type sideList []partySide

type partySide struct {
	canonical string
	side      int
}

func (l sideList) get(canonical string) (int, bool) {
	for _, ps := range l {
		if ps.canonical == canonical {
			return ps.side, true
		}
	}
	return 0, false
}

func (l sideList) set(canonical string, side int) sideList {
	for i := range l {
		if l[i].canonical == canonical {
			l[i].side = side
			return l
		}
	}
	return append(l, partySide{canonical, side})
}

// sideOfParty returns the side a party is on in d, as assignSides would
// put it, for crediting losses while d is still being read.
func (x *article) sideOfParty(d *draft, canonical string) int {
	if s, ok := x.sideOf[canonical]; ok {
		return s
	}
	sides := x.assignSides(d)
	if s, ok := sides.get(canonical); ok {
		return s
	}
	// Not yet a party of d: it will be the side not taken.
	var used [2]bool
	for _, ps := range sides {
		if s := ps.side; s >= 0 {
			used[s] = true
		}
	}
	switch {
	case !used[0]:
		return 0
	case !used[1]:
		return 1
	}
	return -1
}

func eventID(a *annalist.Article, start int) string {
	// FNV-1a (hash/fnv's New64a) written out, so that hashing costs no
	// allocation.
	h := fnvAdd(fnvOffset64, a.SHA256)
	if a.SHA256 == "" {
		h = fnvAdd(h, a.Source)
	}
	var buf [24]byte
	h = fnvAdd(h, string(strconv.AppendInt(append(buf[:0], ':'), int64(start), 10)))
	id := strconv.AppendUint(append(buf[:0], "ev-"...), h, 16)
	return string(id)
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime64
	}
	return h
}

// civilianDeaths moves a death count that counts only unarmed people ("the
// shelling killed 12 villagers", "30 civilian deaths") from the sides'
// columns to DeathsCivilians, as UCDP GED keeps civilians apart from the
// soldiers of either side. A count that also names fighters ("soldiers and
// civilians killed") stays where it is: the text does not split it. The
// two word stems are closed classes: people outside the fight, and people
// in it.
func civilianDeaths(ev *annalist.Event) {
	for _, p := range []**annalist.Count{&ev.DeathsUnknown, &ev.DeathsA, &ev.DeathsB} {
		c := *p
		if c == nil || ev.DeathsCivilians != nil {
			continue
		}
		t := strings.ToLower(c.Text)
		if civilianRE.MatchString(t) && !fighterRE.MatchString(t) {
			ev.DeathsCivilians, *p = c, nil
		}
	}
}

var (
	civilianRE = regexp.MustCompile(`\b(civilian|villager|inhabitant|resident|townspeople|townsfolk|refugee|non-?combatant|bystander)`)
	fighterRE  = regexp.MustCompile(`(?:^|[^-\w])(soldier|troop|combatant|fighter|guard|militia|officer|sailor|airm[ae]n|marine|men\b|personnel|rebel|insurgent)`)
)
