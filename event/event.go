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
//     garrison opened fire …"). Fight words used of words ("the president
//     attacked the decision"), counted ("6 air intrusions") or naming a
//     war ("fought a brief war") tell none.
//   - The sentences after it in the same paragraph go on telling that
//     clash until one with a fight word and a new date opens another
//     ("Five days later", "in January", "During the following two days"),
//     or a same-day sentence names another place ("The same day, at X"),
//     has the other side do the fighting ("Later that day the defenders
//     counter-attacked"), or opens a later time of the day with fighting
//     of its own ("In the evening …"). A sentence telling two dated
//     moments is cut into its clauses ("…, and the following day …"). A
//     sentence with a new date and no fighting ends the clash; a
//     cease-fire never stretches a clash, except a battle told in phases,
//     which runs to it. A date inside the clash's month narrows it ("On
//     February 12").
//   - A paragraph goes on with the clash of the paragraph before when it
//     says so ("In this engagement") or opens with fighting and no date.
//     List items each tell a clash of their own (a battle's phases) and
//     take the place of the clash that introduced them.
//   - Sides are the conflict's sides (the infobox belligerents), named as
//     the conflict record names them ("Spanish Empire" for "the
//     Spanish"): every party named in the clash's sentences is put on its
//     side; a state used as a place ("inside X territory", "from
//     Mongolia") is no party; a clash that names one side only was fought
//     against the other.
//   - A loss is credited to the party written with the number ("two
//     Japanese soldiers were killed"), to the subject for "at the cost of",
//     to the other side for "capturing 10 soldiers" or "killed 12 of the
//     passengers" (to the doer's other side for "was sunk by X, killing
//     five"), else to the nearest party before it in its clause; "no
//     casualties" is 0 dead and 0 wounded; "the 10 prisoners" and
//     "including three advisors" are not counted again. Losses credited to
//     neither side are kept as such; civilians killed stand apart.
//   - A sentence's date is the union of its time expressions, less those
//     that contain another ("in July (2–25 July)" is 2–25 July); "by 31
//     August" only ends it; a year mentioned in passing does not move the
//     narrative's date.
//   - No event: background wars ("fought a brief war in 1992"), fights
//     against a state that is neither a belligerent, an ally nor named in
//     the lead (another war told in passing), clashes dated more than a
//     year outside the conflict's dates (or outside the years the text
//     dwells on, when no infobox dates it), and the lead's summary of the
//     whole war. The lead opens only the battle an article is about,
//     unless the body tells no clash at all; "See also", references and
//     portrayal sections are never read.
//   - An article about one battle ("Battle of X", "X incident") has its
//     infobox as its event (battle.go); the body's first clash within its
//     dates joins it, and each clash told after that on its days is a
//     phase of the battle, an event of its own (a siege of a few weeks
//     aside: its assaults join it). A siege of more than a month is an
//     event as a whole too, beside its assaults, which stay clashes of
//     their own.
//   - A claim is a number after "according to X" or after a party and a
//     verb of record ("X recorded", "X blamed Y for"), counting things
//     other than people, over the sentence's period.
//
// The reading is in stages, one file each: sentence.go reads a sentence
// once (words, date, parties, name, places); dates.go, parties.go,
// places.go, losses.go and claims.go are the readers of one concern each;
// segment.go decides what each sentence tells (open, extend or end a
// clash); build.go and battle.go make the Events.
package event

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/quantity"
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
	// titleWord tells the words of commanders' names that name a rank,
	// not the person ("Pasha", "Duke"); nil: none does (see SetTitleWords).
	titleWord func(string) bool
	// states tells the names one state went by through time and when it
	// was founded; nil: a belligerent stands only for the names it holds,
	// and every state is a party (see SetStates).
	states States
	// kin lists, per lineage of the state table, the actor table's states
	// of it ("gw:640": Turkey); founded holds when each of those states
	// was founded, where the table knows. Both are built by SetStates.
	kin     map[string][]string
	founded map[string]annalist.Date
}

// States is what the reader asks of a table of states through time
// (state.Table).
type States interface {
	// Lineage returns the key the states one state was through time
	// share, for the state called name at date at.
	Lineage(name string, at annalist.Date) (string, bool)
	// Founded returns the first day a state called name existed, ok false
	// when that is not known.
	Founded(name string) (annalist.Date, bool)
	// Same reports whether two names mean one state at a date (the
	// same row of the table, not only the same lineage).
	Same(a, b string, at annalist.Date) bool
}

// SetTitleWords gives r the test of the words of a commander's name that
// name a rank or a style rather than the person ("Admiral", "Pasha"), so
// that none of them stands for a side in the prose. It is the infobox
// reader's (infobox.Extractor.TitleWord); call it before any Extract.
func (r *Reader) SetTitleWords(f func(word string) bool) { r.titleWord = f }

// SetStates gives r a table of states through time, so that a
// belligerent stands for the state the prose calls it by when that is an
// earlier or later name of it ("the Turks" fought for the "Ottoman
// Empire", "the Persians" for the "Sasanian Empire"), and a state founded
// after the conflict is a region of it, not a party ("raided Syria" in
// 573). Call it before any Extract.
func (r *Reader) SetStates(s States) {
	r.states = s
	r.kin = map[string][]string{}
	r.founded = map[string]annalist.Date{}
	seen := map[string]bool{}
	r.actors.Each(func(_, canonical, _ string) {
		if seen[canonical] {
			return
		}
		seen[canonical] = true
		if key, ok := s.Lineage(canonical, annalist.Date{}); ok {
			r.kin[key] = append(r.kin[key], canonical)
		}
		if f, ok := s.Founded(canonical); ok {
			r.founded[canonical] = f
		}
	})
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
	if x.battle == nil {
		x.wholeSiege = x.siegeDraft(c)
	}
	x.battleDayAt = -1
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
	// wholeSiege is the article's own siege as a whole, when it is about
	// one of more than maxBattleDays (see siegeDraft); its assaults stay
	// clashes of their own.
	wholeSiege *draft
	siegeBegun bool // the body has told the whole siege's first day
	// siegeBegunAt is where in the source the sentence of that day starts.
	siegeBegunAt int
	// battleDayAt is where in the source the body first dates a sentence
	// to the battle's own day, or -1: what is told before it leads up to
	// the battle.
	battleDayAt int
	// groupSide is the side made of armed groups where the other is made
	// of states, or -1.
	groupSide int
	// leadParties are the states and groups the lead names (see
	// leadParty); nil until asked for.
	leadParties map[string]bool
	noteLead    bool // the sentence being read is the lead's, in the first pass

	events []*draft
	claims []annalist.Claim
	names  map[string]bool // event names already used
	// prevSide is the side the sentence before the one being read named
	// first, -1 when none or when it opened its block.
	prevSide int
	// prevUnit: the sentence before, in the same block, named a body of
	// troops or ships, which "it" or "them" may stand for in the one
	// being read ("the squadron sailed … Tōgō intercepted it").
	prevUnit bool
	// prevAttacker is the side that attacked in the clash the sentence
	// before told fighting of, in the same block, or -1.
	prevAttacker int
	// named is, per side, the belligerents the block read so far named
	// (as the conflict names them), in order.
	named [2][]string
	// sectionNamed is, per side, the belligerent the section read so far
	// named last, or "".
	sectionNamed [2]string
	window       [2]annalist.Date // the conflict's dates, when the infobox gives them
	// conflictName is the conflict's name as its infobox gives it, or "".
	conflictName string
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
	// the block's expressions (readSentence copies a sentence's own into
	// exprs)
	blockExprs []timex.Expr
	exprAt     int // the first of blockExprs not yet behind the sentence read
	// drifted says that the sentence just read left the narrative's
	// anchor off a date its expressions' own chain followed (a date the
	// reader passed over, or reckoned otherwise): the block's later
	// expressions are read again from the narrative's anchor (reanchor).
	drifted bool
	// reToks and reExprs are reanchor's scratch.
	reToks  []textscan.Token
	reExprs []timex.Expr
	// qsRead says that qs holds the quantities of the sentence read: they
	// are found when a reader first asks (quantities), since most
	// sentences have no word of fighting, loss or credit that would.
	qsRead bool
	// singlesRead says that singleLosses ran for the sentence read, and
	// singlesAdded whether it added any.
	singlesRead, singlesAdded bool
	qf                        quantity.Finder
	tags                      []tag
	ments                     []actor.Mention
	mentionOf                 []int32 // token → index of the mention covering it, or -1
	days                      [][2]int
	before                    [][4]int32       // token → last party, "cost of", ";", clause start before it
	headToks                  []textscan.Token // a heading's (headingName)
	headTags                  []tag
	restToks                  []textscan.Token // the words after a claim's number (claimWhat)
	sideBuf                   sideList         // assignSides's result
	drafts                    []*draft         // drafts of the article before, to reuse
	headYears                 []int32          // per section: its heading's year, 0 not yet read, or noYear
	years                     []int32          // the year of each dated sentence read, for inferWindow
	clauseBuf                 []annalist.Span  // a block's sentences cut into clauses (splitClauses)
	longBuf                   []annalist.Span  // a block's sentences cut to maxSentence (cutLong)
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

// rebelsOf reports whether the belligerent name, a group named by an
// adjective of the state canonical ("Egyptian rebels"), stands for that
// state in the prose: the state is no belligerent of its own, under its
// name or another's alias.
func (x *article) rebelsOf(canonical, name string) bool {
	if _, ok := x.sideOf[canonical]; ok {
		return false
	}
	if _, ok := x.aliasOf[canonical]; ok {
		return false
	}
	_, ok := x.sideOf[strings.TrimSpace(name)]
	return ok
}

func (r *Reader) newArticle(a *annalist.Article, c *annalist.Conflict) *article {
	sc, _ := r.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	x := &article{r: r, a: a, lex: r.lex, scan: r.scan, sideOf: map[string]int{}, names: map[string]bool{}, scratch: sc, groupSide: -1}
	if c == nil {
		return x
	}
	x.window = [2]annalist.Date{c.Start, c.End}
	x.conflictName = c.Name
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
		var canon []string
		canon, rows = actor.AddBelligerents(t, names[i], lead)
		added = append(added, rows...)
		for _, c := range canon {
			if _, dup := x.sideOf[c]; !dup {
				x.sideOf[c] = i
			}
		}
		// Events name a belligerent as the conflict record does, which
		// keeps the article's own name ("Spanish Empire", not the
		// table's "Spain").
		for _, n := range names[i] {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			x.sides[i] = append(x.sides[i], n)
			if c, _, ok := t.Lookup(n); ok && c != n {
				if x.aliasOf == nil {
					x.aliasOf = map[string]string{}
				}
				if _, taken := x.aliasOf[c]; !taken {
					x.aliasOf[c] = n
				}
			}
			if _, dup := x.sideOf[n]; !dup {
				x.sideOf[n] = i
			}
		}
	}
	// "Bohemian Confederation", "Texan Republic", "Mahdist State": the
	// adjective that opens a belligerent's longer name, and its plural,
	// stand for it in the prose ("4,000 Bohemian soldiers", "the
	// Mahdists") when the table knows no state by it.
	for i := range names {
		for _, n := range names[i] {
			adj, plural := nameAdjective(n)
			if adj == "" {
				continue
			}
			if st, _, known := t.Lookup(adj); known && x.rebelsOf(st, n) {
				// "Egyptian rebels" against Britain and the Khedive: a state
				// the conflict does not name as a belligerent is, in the
				// prose, the group named after it ("the Egyptians fell back").
				if x.aliasOf == nil {
					x.aliasOf = map[string]string{}
				}
				x.aliasOf[st] = strings.TrimSpace(n)
			} else if !known {
				t.Add(adj, strings.TrimSpace(n), actor.KindAdjective)
				added = append(added, actor.Alias{Alias: adj, Canonical: strings.TrimSpace(n), Kind: actor.KindAdjective})
				// "the Mahdists lost some 500 dead": the people of the side,
				// when the table knows the adjective as no state's either.
				if _, _, known := t.Lookup(plural); plural != "" && !known {
					t.Add(plural, strings.TrimSpace(n), actor.KindDemonym)
					added = append(added, actor.Alias{Alias: plural, Canonical: strings.TrimSpace(n), Kind: actor.KindDemonym})
				}
			}
		}
	}
	// "Catholic royalists", "Barbary corsairs": a group named by a plural
	// noun of its members is called by that noun ("the royalists") and,
	// before a noun, by its singular ("2,000 royalist horsemen"), when
	// the shared table knows no one by the name ("United States") and neither
	// is a word of statehood, of the lexicon ("Government forces") or of
	// the table.
	for i := range names {
		for _, n := range names[i] {
			n = strings.TrimSpace(n)
			plural, singular := memberNoun(n)
			if plural == "" || known(r.actors, n) || actor.StatehoodWord(plural) || plural != n && known(t, plural) || known(t, singular) || r.lex.known(plural) || r.lex.known(singular) {
				continue
			}
			t.Add(plural, n, actor.KindDemonym)
			t.Add(singular, n, actor.KindAdjective)
			added = append(added, actor.Alias{Alias: plural, Canonical: n, Kind: actor.KindDemonym}, actor.Alias{Alias: singular, Canonical: n, Kind: actor.KindAdjective})
		}
	}
	// "the imperial army" is the one belligerent named an empire.
	var empires []string
	for i := range names {
		for _, n := range names[i] {
			if strings.HasSuffix(strings.TrimSpace(n), " Empire") || strings.HasPrefix(strings.TrimSpace(n), "Empire of ") {
				empires = append(empires, strings.TrimSpace(n))
			}
		}
	}
	if len(empires) > 1 && slices.Contains(empires, "Holy Roman Empire") {
		// Beside other empires, "the Imperials" of early modern Europe
		// are the Emperor's: "the Imperial army" at Nördlingen fought
		// with the Spanish Empire's, and against the Ottoman Empire's at
		// Vienna.
		empires = []string{"Holy Roman Empire"}
	}
	if len(empires) == 1 {
		for _, adj := range []string{"Imperial", "Imperials"} {
			if _, _, known := t.Lookup(adj); !known {
				t.Add(adj, empires[0], actor.KindAdjective)
				added = append(added, actor.Alias{Alias: adj, Canonical: empires[0], Kind: actor.KindAdjective})
			}
		}
	}
	// "the Croatian Army (HV)", "the Army of the Republic of Serbian
	// Krajina (ARSK)": letters the article defines for a belligerent's
	// forces name that belligerent wherever the prose uses them.
	for i := range a.Blocks {
		for _, ab := range actor.DefinedAbbreviations(t, a.Blocks[i].Text) {
			if _, ours := x.sideOf[ab.Canonical]; ours {
				t.Add(ab.Alias, ab.Canonical, ab.Kind)
				added = append(added, ab)
			}
		}
	}
	added = append(added, compassAliases(names, t)...)
	added = append(added, compassPeoples(names, t, r.lex)...)
	added = append(added, commanderAliases(c, x.sides, t, r.titleWord)...)
	x.scan = r.scan.With(added)
	x.groupSide = groupSide(t, names)
	// The conflict names a belligerent as the article does ("Kingdom of
	// Great Britain", "Spanish Empire"); the prose calls it by a name the
	// actor table reads as another state ("British", "the Spanish").
	// Each state a belligerent's name holds stands for it, unless both
	// sides' names hold it.
	owner := map[string]int{}
	for i := range names {
		for _, n := range names[i] {
			for _, c := range t.StatesIn(n) {
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
			for _, c := range t.StatesIn(n) {
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
	// A belligerent stands too for the states of its lineage ("Ottoman
	// Empire" for Turkey, whose people the prose calls "the Turks"),
	// unless both sides' belligerents are of it.
	if r.states != nil {
		var lineages []lineageOf
		for i := range names {
			for k, n := range names[i] {
				if key, ok := r.states.Lineage(strings.TrimSpace(n), c.Start); ok && k < len(x.sides[i]) {
					lineages = addLineage(lineages, lineageOf{key: key, side: i, name: x.sides[i][k]})
				}
			}
		}
		for _, l := range lineages {
			for _, kin := range r.kin[l.key] {
				if _, known := x.sideOf[kin]; known || l.side < 0 {
					continue
				}
				if !c.Start.IsZero() && !r.states.Same(kin, l.name, c.Start) {
					// "a Scottish army" in 1346 was Scotland's, a state of
					// its own then, though of England's lineage.
					continue
				}
				if x.aliasOf == nil {
					x.aliasOf = map[string]string{}
				}
				x.aliasOf[kin] = l.name
				x.sideOf[kin] = l.side
			}
		}
	}
	// A state that only supported a side ("Supported by: South Yemen")
	// is of that side where the prose shows it fighting ("South Yemeni
	// artillery shelled the Sarfait position"); it is never a side's
	// default party.
	for i := 0; i < 2 && i < len(c.Sides); i++ {
		for _, n := range c.Sides[i].Supporters {
			cn := n
			if canonical, _, ok := t.Lookup(n); ok {
				cn = canonical
			}
			if _, known := x.sideOf[cn]; !known {
				x.sideOf[cn] = i
			}
		}
	}
	return x
}

// lineageOf is a belligerent's lineage in the state table: the key its
// rows through time share, its side (-1 when both sides' belligerents are
// of it) and its name as the conflict writes it.
type lineageOf struct {
	key  string
	side int
	name string
}

// addLineage adds l to ls; a lineage both sides hold stands for neither.
func addLineage(ls []lineageOf, l lineageOf) []lineageOf {
	for i := range ls {
		if ls[i].key == l.key {
			if ls[i].side != l.side {
				ls[i].side = -1
			}
			return ls
		}
	}
	return append(ls, l)
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
	ev      annalist.Event
	start   annalist.Date
	end     annalist.Date
	ownDate bool // the date came from the event's own sentences
	// season: the months of the season its opening sentence was dated
	// by, while its dates are still that season's year (see overlaps).
	season [2]annalist.Date
	// part: the part of the month its opening sentence was dated by (see
	// sent.part): a day after it is no day of this clash's.
	part [2]annalist.Date
	// narrative: opened undated on the narrative's day (opensInNarrative),
	// which a day told a few days later ends rather than replaces.
	narrative bool
	// reckoned: the date was reckoned from another ("A week later"), an
	// estimate that a date the text gives outright replaces.
	reckoned bool
	approx   bool
	section  int
	block    int // the block of the sentence that opened it
	// elsewhere: the sentence that opened it moved the telling to other
	// ground ("Further south, …", "At Port San Carlos, …").
	elsewhere bool
	// claimed: the sentence that opened it credits its fighting to a
	// party's words ("Lao radio claimed that Thai guns had fired …").
	claimed   bool
	parent    *draft
	phased    bool             // list items after it tell its phases
	battle    bool             // the battle a battle article is about, from its infobox
	coords    *annalist.LatLon // the battle's coordinates, from its infobox
	fightSeen bool             // a sentence with a word of fighting has been added
	siege     bool             // a sentence of it told a siege ("besieged"): it may run until relieved
	begun     bool             // its first sentence told its fight begun ("opened the siege")
	// attackerRole is who opened the fighting, when the sentence that
	// opened the clash names them by their part only: +1 the state's
	// forces ("soldiers"), -1 an armed group's ("militants"), else 0.
	attackerRole int
	// opener is the side that attacked in the sentence that first told
	// its fighting, as that sentence's grammar tells (see
	// openingAttacker), plus one; 0 when it does not tell.
	opener int
	// people are the nouns of people its parties were written with, and
	// whose they are (-1 both sides').
	people []peopleNoun

	parties []party // in order of first mention
	// losses[side][kind]; side 2 is "not credited".
	losses   [3][4]*annalist.Count
	forces   [3][]annalist.Force
	counted  bool // a loss has been credited
	place    *placeCand
	name     string
	nameSpan annalist.Span
	// named is, per side, the belligerents its paragraph named before
	// the clash ("the Danzig council … the city militia"): a side the
	// clash's text leaves unnamed is those and the side's first.
	named [2][]string
	// sectionNamed is, per side, the belligerent its section named last
	// before the clash: with none named in its paragraph, a side the
	// clash's text leaves unnamed is that one.
	sectionNamed [2]string
	// strangerTarget is set when the sentence that opened the fighting
	// struck a state that is no side's (see sent.strangerTarget).
	strangerTarget bool
	// peopleNamed is set when a sentence with fighting named a people of a
	// state not yet founded (see mention.people): with no belligerent
	// named beside them, the clash is another war's.
	peopleNamed bool
}

type peopleNoun struct {
	stem string // peopleStem of the noun
	side int
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
	// fell: its yielding is a place that fell ("Cam Đường fell on 25
	// February"), the end of the clash at that place only.
	fell              bool
	parallel          bool // "Meanwhile", "At the same time" opens it
	fightWord, report bool // a word of combat; a verb of saying
	fightRef          bool // "the clash": a clash told before
	timedRef          bool // a fightRef known by its time: "the March fighting", "the summer offensive"
	fightSubject      bool // a fightRef not inside a phrase about another clash
	// begins: a fightSubject whose verb says it began ("The siege of
	// Kars began on 2 June").
	begins   bool
	persists bool // "the fighting continued": the clash told before went on
	// ended: the clash told before ended ("the battle ended", "the
	// fighting there ended"): a date it gives is the clash's last.
	ended   bool
	yields  bool // "the garrison surrendered": a side gave up the fight told before
	yieldAt int  // the token of the first word of yielding, or -1
	// withdrawAt is where a side left the field ("By dawn the attackers
	// had withdrawn"), or -1: it ends the fight told before when it is
	// dated the day after it at the latest.
	withdrawAt int
	// strangerTarget: its own fight word struck a state that is no
	// side's ("an Ostran invasion of Czechoslovakia"): another war's.
	strangerTarget bool
	fightEnd       int  // the token after its own first fight word, or 0
	lossWord       bool // a word of what befell people ("killed", "captured")
	// fronted: the sentence opens with a place and its preposition ("At
	// Port San Carlos, …"): with fighting there, it moves the telling to
	// that place from the place of the clash told (see parallelClash).
	fronted bool
	// afterwards: the sentence opens with the days or weeks after the
	// narrative's ("In the days that followed, …"): a stretch of its own.
	afterwards bool
	// days are the days of a list the sentence dates its fighting with
	// (dayList), nDays of them; 0 when it has none.
	days            [8]annalist.Date
	nDays           int
	fightAt, dateAt int // where the first word of fighting and the first date stand
	name            string
	nameSpan        annalist.Span
	nameAtStart     bool
	codeName        bool // the name is a code name ("Operation Sandstorm")
	following       bool // dated by a stretch after the anchor's day ("Over the next five days")
	meant           bool // a fight word told as meant, not done ("was authorised to attack")
	begun           bool // its fight word told begun ("Whish opened the siege")
	refDated        bool // a relative date of the clash told before: "Ten days after the battle began, …"
	repels          bool // its first own fight word drives an attack back, actively ("drove the Chinese off")
	dayOrdinal      int  // "On the third day": 3, when the sentence has no date of its own
	sinceBegun      int  // "Five days after the bombardment began": 5, its date reckoned from the start of the clash told
	goingOnSince    bool // dated from the time its fight went on since ("had held out since early November")
	relief          bool // a siege ended: "the garrison was relieved", "the siege was lifted"
	siegeWord       bool // a word of a siege
	namesUnit       bool // a body of troops or ships is named (see article.prevUnit)
	attributes      bool // a verb that credits words to a party ("alleged", "claimed")
	namePlace       string

	hasDate     bool
	start, end  annalist.Date
	uncertain   bool
	relative    bool
	initialDate bool
	// later: the date is a step on from the narrative's ("The following
	// week"), though a coarse anchor may resolve it to the same month.
	later bool
	// season: the months of the season that dates it ("Later that
	// summer"), which its dates cut to the year.
	season [2]annalist.Date
	// part: the days of the part of a month that dates it ("in
	// mid-August", "in early May"), whose dates are the whole month.
	part         [2]annalist.Date
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
	// people is a people named after a state not yet founded ("German
	// knights" in 1242): no party by that state's name, and not a place.
	people bool
}

type placeCand struct {
	text   string
	span   annalist.Span // source span
	weight int
	// away: a distance from the place named ("16 kilometres north of
	// Kapyong"): ground of its own, not the place's.
	away bool
	// reached: the place troops came to ("reached Znaim"), where they
	// were not yet posted.
	reached bool
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

// lowerWord returns strings.ToLower(w), written into buf when w is ASCII
// and fits, as nearly every word does: a word list is then one switch on
// string(lowerWord(…)), which the compiler does without allocating,
// where a chain of lowerIs calls walks the list word by word.
func lowerWord(buf *[24]byte, w string) []byte {
	if len(w) > len(buf) {
		return []byte(strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return []byte(strings.ToLower(w))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// lowerIs reports whether strings.ToLower(w) == target (lower-case
// ASCII), without allocating for an ASCII w.
func lowerIs(w, target string) bool {
	if len(w) > 4*len(target) {
		return false // no case mapping makes a word that much shorter
	}
	if len(w) > 0 && len(target) > 0 && w[0] < utf8.RuneSelf && w[0] != target[0] && w[0]|0x20 != target[0] {
		// An ASCII first byte lower-cases to itself or its small letter:
		// most words are told apart here, before any loop.
		return false
	}
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
