// Package infobox turns an Article's conflict infobox (Infobox military
// conflict) into a typed annalist.Conflict: the date line as an interval,
// places and larger conflicts as lists, belligerents by canonical name
// (recovered from the lead where the rendering lost them), commanders one
// per person with their fates, and every strength and casualty figure as a
// Count with what it counts, what befell it and who says so. The reading
// rules are those of spec/annotation.md.
package infobox

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/timex"
)

//go:embed keys.tsv
var keysTSV string

// maxSides is the highest combatant index Infobox military conflict takes.
const maxSides = 5

// side fields, by the key's base name.
const (
	fCombatant = iota
	fCommander
	fUnits
	fStrength
	fCasualties
	nSideFields
)

// Key roles of keys.tsv.
const (
	roleConflict = iota + 1
	roleSide
	roleDisplay
)

// keyRole is what keys.tsv says of a normalized key: its role and, for a
// side key, the side field it fills.
type keyRole struct {
	role, field int
}

// parseKeys reads keys.tsv; name says where it came from in errors.
func parseKeys(name, src string) (map[string]keyRole, error) {
	sideFields := map[string]int{"combatant": fCombatant, "commander": fCommander, "units": fUnits, "strength": fStrength, "casualties": fCasualties}
	keys := map[string]keyRole{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") || line == "key\trole" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 || cols[0] == "" || normKey(cols[0]) != cols[0] {
			return nil, fmt.Errorf("%s line %d: want a normalized key<TAB>role, got %q", name, n+1, line)
		}
		var r keyRole
		switch cols[1] {
		case "conflict":
			r.role = roleConflict
		case "display":
			r.role = roleDisplay
		default:
			f, ok := sideFields[cols[1]]
			if !ok {
				return nil, fmt.Errorf("%s line %d: unknown role %q", name, n+1, cols[1])
			}
			r = keyRole{roleSide, f}
		}
		keys[cols[0]] = r
	}
	return keys, nil
}

// normKey returns an infobox key in the form keys.tsv lists: lower case,
// without spaces, underscores and hyphens ("Commander 1" → "commander1",
// "image_size" → "imagesize"). It returns key itself when that is already
// the form.
func normKey(key string) string {
	clean := true
	for i := 0; i < len(key); i++ {
		if c := key[i]; c == ' ' || c == '_' || c == '-' || c == '\t' || ('A' <= c && c <= 'Z') || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		return key
	}
	var b strings.Builder
	b.Grow(len(key))
	for _, r := range strings.ToLower(key) {
		if r == ' ' || r == '_' || r == '-' || r == '\t' || r == '\u00a0' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sideKey parses a normalized side key ("casualties2", "combatant1a",
// "commanders3") into its field and index (1-based); ok is false for other
// keys.
func (x *Extractor) sideKey(key string) (field, index int, ok bool) {
	rest := key
	if n := len(rest); n > 1 && rest[n-1] >= 'a' && rest[n-1] <= 'd' && isDigit(rest[n-2]) {
		rest = rest[:n-1] // sub-rows a–d belong to their side
	}
	d := len(rest)
	for d > 0 && isDigit(rest[d-1]) {
		d--
	}
	if d == len(rest) || d == 0 || len(rest)-d > 1 {
		return 0, 0, false
	}
	r, found := x.keys[rest[:d]]
	if !found || r.role != roleSide {
		return 0, 0, false
	}
	i := int(rest[d] - '0')
	if i < 1 || i > maxSides+1 {
		return 0, 0, false
	}
	return r.field, i, true
}

// Extractor reads conflict infoboxes with the word tables of words.tsv
// (titles, fate marks, status words, …). It is only read after New, so one
// Extractor serves any number of goroutines.
type Extractor struct {
	lex  *lexicon
	keys map[string]keyRole // keys.tsv
	// states tells whether a state existed under a name at a date; nil:
	// a belligerent recovered from the lead takes the actor table's
	// common name (see SetStates).
	states States
}

// States is what the reader asks of a table of states through time
// (state.Table).
type States interface {
	// NamedAt reports whether a state called name existed under that
	// name at date at.
	NamedAt(name string, at annalist.Date) bool
	// Founded returns the first day a state called name existed,
	// through its lineage; ok is false where the table cannot say.
	Founded(name string) (day annalist.Date, ok bool)
	// NameAt returns the common name of the state called name at date
	// at, through its lineage ("Great Britain" for "United Kingdom" in
	// 1746); ok is false where none of it existed then.
	NameAt(name string, at annalist.Date) (string, bool)
}

// statesAt is what recovering belligerents asks of the states table, at
// a conflict's start. Its zero value knows no table: every state existed
// under its common name.
type statesAt struct {
	states States
	at     annalist.Date
	// end is the conflict's last day: a state founded by then, in a
	// war of independence, was a party to it.
	end annalist.Date
}

// existed reports whether a state existed under the name canonical.
func (s statesAt) existed(canonical string) bool {
	return s.states == nil || s.states.NamedAt(canonical, s.at)
}

// notYet reports whether the state called canonical was founded after
// the conflict.
func (s statesAt) notYet(canonical string) bool {
	if s.states == nil {
		return false
	}
	d, ok := s.states.Founded(canonical)
	last := s.at.Last().DayNumber()
	if !s.end.IsZero() && s.end.Last().DayNumber() > last {
		last = s.end.Last().DayNumber()
	}
	return ok && d.First().DayNumber() > last
}

// name returns the name the state called canonical had then.
func (s statesAt) name(canonical string) string {
	if s.states == nil {
		return canonical
	}
	if n, ok := s.states.NameAt(canonical, s.at); ok {
		return n
	}
	return canonical
}

// SetStates gives x a table of states through time, so that a belligerent
// recovered from the lead under a former state's name ("the Dutch
// Republic") keeps it where the common name's state did not exist yet.
// Call it before any Extract.
func (x *Extractor) SetStates(s States) { x.states = s }

// TitleWord reports whether w (as written) is a title or a style that a
// commander's name may hold ("Admiral", "Duke", "Pasha", "Khan"): a word
// that names a rank, not the person.
func (x *Extractor) TitleWord(w string) bool { return x.lex.titles[w] || x.lex.styles[w] }

// New returns an Extractor with the embedded word tables.
func New() (*Extractor, error) {
	lex, err := parseLexicon("infobox/words.tsv", wordsTSV)
	if err != nil {
		return nil, fmt.Errorf("infobox: %w", err)
	}
	keys, err := parseKeys("infobox/keys.tsv", keysTSV)
	if err != nil {
		return nil, fmt.Errorf("infobox: %w", err)
	}
	return &Extractor{lex: lex, keys: keys}, nil
}

// defaultExtractor builds the Extractor that Extract uses, once, on first
// use. It is a function, not a variable anyone can set: Extract stays a
// plain function for callers that read an article or two (tests, tools)
// without parsing the tables on every call.
var defaultExtractor = sync.OnceValues(New)

// Extract is Extractor.Extract with the embedded word tables, built on the
// first call. Callers that read many articles should hold an Extractor
// from New instead. It panics only when the embedded words.tsv does not
// parse, which the package's tests rule out: a build bug, not bad input.
func Extract(a *annalist.Article, actors *actor.Table) *annalist.Conflict {
	x, err := defaultExtractor()
	if err != nil {
		panic(err)
	}
	return x.Extract(a, actors)
}

// Extract reads a's conflict infobox into a Conflict, or returns nil when
// the article has no conflict infobox fields. actors names belligerents;
// it may be nil, and is never changed.
func (x *Extractor) Extract(a *annalist.Article, actors *actor.Table) *annalist.Conflict {
	lex := x.lex
	if a == nil {
		return nil
	}
	var rows [maxSides + 2][nSideFields][]annalist.Field
	// Most keys come once: their first field goes in place.
	var firsts [maxSides + 2][nSideFields][1]annalist.Field
	found := false
	top := 0   // highest index of any side field
	named := 0 // highest index with a combatant or commander line
	fields := a.Infobox
	copied := func() {
		if &fields[0] == &a.Infobox[0] {
			fields = append([]annalist.Field(nil), a.Infobox...)
		}
	}
	for k, f := range a.Infobox {
		// Keys in any spelling: "Commander 1", "image_size", "Casualties-2".
		if nk := normKey(f.Key); nk != f.Key {
			copied()
			fields[k].Key = nk
		}
		// Footnote marks are no part of any value.
		if v, changed := stripCitations(f.Value); changed {
			copied()
			fields[k].Value = v
			fields[k].ValueSpan = annalist.Span{} // the value is no longer the source bytes
		}
	}
	a = withFields(a, fields)
	var other []annalist.Field // fields of unknown keys
	for _, f := range a.Infobox {
		field, idx, ok := x.sideKey(f.Key)
		if !ok {
			switch x.keys[f.Key].role {
			case roleConflict:
				found = true
				continue
			case roleDisplay:
				continue
			}
		}
		if !ok {
			other = append(other, f)
			continue
		}
		found = true
		if rows[idx][field] == nil {
			rows[idx][field] = firsts[idx][field][:0]
		}
		rows[idx][field] = append(rows[idx][field], f)
		top = max(top, idx)
		if field == fCombatant || field == fCommander {
			named = max(named, idx)
		}
	}
	if !found {
		return nil
	}
	c := &annalist.Conflict{Name: a.Title, PartOf: []string{}, Places: []string{}, Sides: []annalist.Side{}}
	for _, f := range other {
		if c.Other == nil {
			c.Other = make(map[string]string, len(other))
		}
		k := keyAsWritten(a, f)
		if v, ok := c.Other[k]; ok && v != "" {
			c.Other[k] = v + "; " + f.Value
		} else {
			c.Other[k] = f.Value
		}
	}
	if f, ok := a.Field("conflict"); ok && strings.TrimSpace(f.Value) != "" {
		c.Name = strings.TrimSpace(f.Value)
	}
	if f, ok := a.Field("partof"); ok {
		c.PartOf = splitPartOf(f.Value)
	}
	if f, ok := a.Field("date"); ok {
		readDate(c, f.Value)
	}
	place := "place"
	if _, ok := a.Field(place); !ok {
		place = "location"
	}
	if f, ok := a.Field(place); ok {
		c.Places = lex.splitPlaces(f.Value, actors)
	}
	c.Result = textField(a, "result")
	c.Territory = textField(a, "territory")
	c.Status = textField(a, "status")
	c.Notes = textField(a, "notes")
	if a.Coordinates != nil {
		ll := *a.Coordinates
		c.Coordinates = &ll
	} else if f, ok := a.Field("coordinates"); ok {
		if ll, ok := parseCoordinates(f.Value); ok {
			c.Coordinates = &ll
		}
	}
	for _, f := range a.Fields("polstrength") {
		figs, _ := lex.readFigures(f.Value, valueBase(f), actors)
		c.PolStrength = append(c.PolStrength, figs...)
	}
	for _, f := range a.Fields("milstrength") {
		figs, _ := lex.readFigures(f.Value, valueBase(f), actors)
		c.MilStrength = append(c.MilStrength, figs...)
	}

	// Sides: every index up to the last that names a combatant or a
	// commander, and at least two (a conflict has two sides: Casualties2
	// without Combatant2 or Commander2 is side 2's, not a joint row); the
	// index one past them is the joint row (civilians, both sides).
	// Without any combatant or commander line, every index is a side.
	n := max(named, min(top, 2))
	if named == 0 {
		n = top
	}
	n = min(n, maxSides)
	// Readers of richer formats mark a comma inside a name (wikitext: a
	// no-break space after it); in the plain-text rendering the reader
	// tells it by what follows (readCommanders).
	plainText := a.Format != annalist.FormatWikitext
	var at statesAt
	if !c.Start.IsZero() {
		at = statesAt{states: x.states, at: c.Start, end: c.End}
	}
	var linesBuf [maxSides]combatants
	lines := linesBuf[:n]
	c.Sides = make([]annalist.Side, 0, n)
	for i := 1; i <= n; i++ {
		var side annalist.Side
		lines[i-1].at = at
		lex.readSide(&side, &rows[i], actors, &lines[i-1], plainText)
		c.Sides = append(c.Sides, side)
	}
	if named > 0 && top > n {
		joint := &annalist.Side{}
		line := combatants{at: at}
		for i := n + 1; i <= top; i++ {
			lex.readSide(joint, &rows[i], actors, &line, plainText)
		}
		c.Joint = joint
	}
	if actors != nil {
		lex.recoverBelligerents(a, c.Sides, lines, actors, at)
	}
	for i := range c.Sides {
		creditParts(&c.Sides[i])
	}
	return c
}

// withFields returns a with its infobox replaced by fields: a itself when
// they are its own, else a shallow copy (the caller's Article is never
// changed).
func withFields(a *annalist.Article, fields []annalist.Field) *annalist.Article {
	if len(fields) == 0 || &fields[0] == &a.Infobox[0] {
		return a
	}
	b := *a
	b.Infobox = fields
	return &b
}

// readSide fills s from the fields of one index.
// plain is set for the plain-text rendering, where a comma inside a name
// looks like the comma between names (see readCommanders).
func (lex *lexicon) readSide(s *annalist.Side, row *[nSideFields][]annalist.Field, actors *actor.Table, line *combatants, plain bool) {
	for _, f := range row[fCombatant] {
		readCombatants(f.Value, actors, line)
	}
	s.Belligerents = line.names()
	if s.Belligerents == nil {
		s.Belligerents = []string{}
	}
	s.Supporters = nil
	for _, n := range line.supporters {
		if !contains(s.Belligerents, n) {
			s.Supporters = append(s.Supporters, n)
		}
	}
	s.Commanders = nil
	for _, f := range row[fCommander] {
		s.Commanders = lex.readCommanders(f.Value, actors, s.Commanders, plain)
	}
	if s.Commanders == nil {
		s.Commanders = []annalist.Commander{}
	}
	s.Units = []string{}
	for _, f := range row[fUnits] {
		s.Units = readUnits(f.Value, s.Units)
	}
	s.Strength = lex.readFigureRows(s, row[fStrength], actors, s.Strength)
	s.Casualties = lex.readFigureRows(s, row[fCasualties], actors, s.Casualties)
}

// peopleOfSide makes personnel of the figures that count the people of a
// belligerent of s by a demonym the actor table lacks but the suffix
// rules derive ("11 Plataeans killed" for Plataea).
func peopleOfSide(s *annalist.Side, figs []annalist.Figure) {
	var forms [][]string // per belligerent, derived when a figure needs them
	for i := range figs {
		f := &figs[i]
		if f.What == personnel || !startsUpper(f.What) {
			continue
		}
		if forms == nil {
			forms = make([][]string, len(s.Belligerents))
			for j, b := range s.Belligerents {
				forms[j] = actor.Forms(b)
			}
		}
		for j, b := range s.Belligerents {
			if slices.Contains(forms[j], f.What) {
				f.What = personnel
				if f.Belligerent == "" {
					f.Belligerent = b
				}
				break
			}
		}
	}
}

// readFigureRows reads the figures of a side's lines after dst (a joint
// row gathers several indices); the first line's slice is kept as it is.
func (lex *lexicon) readFigureRows(s *annalist.Side, rows []annalist.Field, actors *actor.Table, dst []annalist.Figure) []annalist.Figure {
	for _, f := range rows {
		figs, partial := lex.readFigures(f.Value, valueBase(f), actors)
		if len(dst) == 0 {
			dst = figs
		} else {
			dst = append(dst, figs...)
		}
		s.FiguresPartial = s.FiguresPartial || partial
	}
	peopleOfSide(s, dst)
	if dst == nil {
		dst = []annalist.Figure{}
	}
	return dst
}

// valueBase returns the source offset of a field's value when the value is
// a copy of the source bytes (the plain-text rendering), else -1.
func valueBase(f annalist.Field) int {
	if f.ValueSpan.Len() == len(f.Value) && f.ValueSpan.Len() > 0 {
		return f.ValueSpan.Start
	}
	return -1
}

// textField returns a field's trimmed value, or nil when absent or empty.
func textField(a *annalist.Article, key string) *string {
	f, ok := a.Field(key)
	if !ok {
		return nil
	}
	v := plainSpaces(strings.TrimSpace(f.Value))
	if v == "" {
		return nil
	}
	return &v
}

// readDate reads the Date line into c.
func readDate(c *annalist.Conflict, v string) {
	c.DateText = strings.TrimSpace(v)
	v = firstCalendar(v)
	iv, ok := timex.ParseDateLine(v)
	if !ok {
		if d, ok := parseISODate(strings.TrimSpace(v)); ok {
			c.Start = d
		}
		return
	}
	c.Start, c.End = iv.Start, iv.End
	c.Approximate = iv.Approx
	c.DateUncertain = iv.Uncertain
	c.Ongoing = iv.Ongoing
}

// firstCalendar keeps the first of the dates a Date line gives in two
// calendars, a list item each: "1 July 1690 (O.S.) | 11 July 1690 (N.S.)"
// is one day written twice, not the eleven days between, and the article
// dates its battle by the one it writes first.
func firstCalendar(v string) string {
	cut := strings.Index(v, " | ")
	if semi := strings.Index(v, "; "); semi >= 0 && (cut < 0 || semi < cut) {
		cut = semi
	}
	if cut < 0 {
		return v
	}
	for _, marker := range [...]string{"O.S.", "N.S.", "Old Style", "New Style"} {
		if strings.Contains(v, marker) {
			return v[:cut]
		}
	}
	return v
}

// readUnits reads a units line: one entry per unit, without list bullets
// and image leftovers.
func readUnits(v string, dst []string) []string {
	var buf [32]item
	for _, it := range splitList(v, buf[:0]) {
		s := plainSpaces(cleanItem(it).text)
		s = strings.TrimPrefix(s, "and ")
		if s != "" && hasLetter(s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// splitPartOf splits the Partof line into the larger conflicts it names:
// at commas and semicolons, and at " and " where a new name starts ("the
// interwar period (until 1939) and World War II"), never inside
// parentheses or inside one name ("Indo-Pakistani wars and conflicts").
func splitPartOf(v string) []string {
	out := []string{}
	var buf [8]item
	for _, it := range splitList(v, buf[:0]) {
		s := plainSpaces(it.text)
		for s != "" {
			k := andSplit(s)
			if k < 0 {
				break
			}
			if p := strings.TrimSpace(s[:k]); p != "" {
				out = append(out, p)
			}
			s = strings.TrimSpace(s[k+len(" and "):])
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// andSplit returns the index of the first " and " outside parentheses
// that is followed by a capitalized word or "the", or -1.
func andSplit(s string) int {
	return outsideParens(s, 0, func(i int) bool {
		if s[i] != ' ' || !strings.HasPrefix(s[i:], " and ") {
			return false
		}
		rest := s[i+5:]
		return startsUpper(rest) && !sharedNoun(s[:i], rest) || strings.HasPrefix(rest, "the ")
	})
}

// sharedNoun reports two names joined by "and" before one noun: "the
// Sinai and Palestine campaign" is one campaign. The left holds no
// lower-case word but "the"; the right, no "the" of its own, goes on
// from its capitalised words to a lower-case one.
func sharedNoun(left, right string) bool {
	for _, w := range strings.Fields(left) {
		if !startsUpper(w) && w != "the" {
			return false
		}
	}
	for _, w := range strings.Fields(right) {
		if !startsUpper(w) {
			return w != "of" && w != "and" && hasLetter(w)
		}
	}
	return false
}

// splitPlaces splits the Place line: a parenthesized list refines the
// place before it and its items are places too ("Northeast Asia
// (Mongolia, Primorsky Krai, Manchuria)" is four); "X and Y" splits when
// both are states ("Mali and Burkina Faso"), not "between X and Y"; notes
// such as "now" or "near" and leading prepositions ("on the … border")
// are dropped and so are abbreviations ("(LAC)").
func (lex *lexicon) splitPlaces(v string, actors *actor.Table) []string {
	out := make([]string, 0, 8)
	// prefixless trims s and the words before a place's name ("near",
	// "present-day", "the").
	prefixless := func(s string) string {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(plainSpaces(s)), "."))
		// low is s lower-cased; an ASCII s is compared folding case
		// instead of copied.
		low := s
		if !isASCII(s) {
			low = strings.ToLower(s)
		}
		for _, p := range [...]string{"now ", "near to ", "near ", "off ", "present-day ", "modern ", "today ", "modern-day ", "in ", "on ", "at ", "along ", "around ", "the "} {
			if hasPrefixFoldASCII(low, p) {
				s = strings.TrimSpace(s[len(p):])
				low = strings.TrimSpace(low[len(p):])
			}
		}
		return s
	}
	add := func(s string) {
		s = prefixless(s)
		if s == "" || !hasLetter(s) || isAbbreviation(s) || !(startsUpper(s) || isDigit(s[0])) {
			return // not a place's name: "(LAC)", "to the border between the two countries"
		}
		// "Mali and Burkina Faso", "Manchukuo and Rason", "northern Chad
		// and southern Libya": two places when either is a state or a
		// part of one by the compass; "Jammu and Kashmir" and "Trinidad
		// and Tobago" stay one.
		if i := strings.Index(s, " and "); i > 0 && actors != nil && !isState(actors, s) && !strings.Contains(s[:i], "between ") {
			if lex.isStateOrPart(actors, s[:i]) || lex.isStateOrPart(actors, s[i+5:]) {
				// Each part as a place of its own: "the Bay of Bengal"
				// of "East Pakistan and the Bay of Bengal" loses its
				// "the" as a place named alone does.
				out = appendNew(out, prefixless(s[:i]))
				out = appendNew(out, prefixless(s[i+5:]))
				return
			}
		}
		out = appendNew(out, s)
	}
	var buf [16]item
	for _, it := range splitList(v, buf[:0]) {
		s := cleanItem(it).text
		// "Alto Cenepa River valley: in the eastern side of …": the name
		// before the colon is the place, what follows describes it.
		if i := strings.Index(s, ": "); i > 0 && strings.IndexByte(s[:i], '(') < 0 {
			add(s[:i])
			s = strings.TrimSpace(s[i+2:])
		}
		for s != "" {
			o := strings.IndexByte(s, '(')
			if o < 0 {
				add(s)
				break
			}
			add(s[:o])
			e := closeParen(s, o)
			if e < 0 {
				e = len(s)
			}
			var inner [8]item
			for _, p := range splitList(s[o+1:min(e, len(s))], inner[:0]) {
				add(p.text)
			}
			if e >= len(s) {
				break
			}
			s = strings.TrimSpace(s[e+1:])
		}
	}
	return out
}

// isStateOrPart reports whether s names a state or a part of one by the
// compass ("southern Libya", "Northern Chad", "central Mali").
func (lex *lexicon) isStateOrPart(actors *actor.Table, s string) bool {
	s = strings.TrimSpace(s)
	if isState(actors, s) {
		return true
	}
	w, rest, ok := strings.Cut(s, " ")
	return ok && lex.compass[strings.ToLower(w)] && isState(actors, rest)
}

// isState reports whether s names a state or a former state.
func isState(actors *actor.Table, s string) bool {
	_, kind, ok := actors.Lookup(strings.TrimSpace(s))
	return ok && (kind == actor.KindState || kind == actor.KindFormer)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// isAbbreviation reports whether s is a short run of capitals ("LAC").
func isAbbreviation(s string) bool {
	if len(s) > 6 || strings.ContainsRune(s, ' ') {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// keyAsWritten returns a field's key as the source writes it ("Image
// Size"), or its normalized form when the source bytes are not at hand.
func keyAsWritten(a *annalist.Article, f annalist.Field) string {
	if s := f.KeySpan; s.Start >= 0 && s.End <= len(a.Raw) && s.Start < s.End {
		if k := strings.TrimSpace(string(a.Raw[s.Start:s.End])); normKey(k) == normKey(f.Key) {
			return k
		}
	}
	return f.Key
}

// Warnings returns a warning for each infobox key of a that the reader
// does not read: a key it does not know (its value is kept in the conflict
// record's Other map, not lost without a word), and in the plain-text
// rendering, which normally drops them, a display parameter ("Image
// Size"), which is skipped. Wikitext infoboxes all have display
// parameters: no warning for those.
func (x *Extractor) Warnings(a *annalist.Article) []annalist.Warning {
	var ws []annalist.Warning
	for _, f := range a.Infobox {
		k := normKey(f.Key)
		msg := "infobox key %q is not one the conflict reader knows; its value is kept in conflict.other"
		if r, ok := x.keys[k]; ok {
			if r.role != roleDisplay || a.Format != annalist.FormatText {
				continue
			}
			msg = "infobox key %q only sets how the infobox looks; skipped"
		} else if _, _, ok := x.sideKey(k); ok {
			continue
		}
		w := annalist.Warning{Offset: f.KeySpan.Start, Message: fmt.Sprintf(msg, keyAsWritten(a, f))}
		if f.KeySpan.Start > 0 && f.KeySpan.Start <= len(a.Raw) {
			w.Line = bytes.Count(a.Raw[:f.KeySpan.Start], []byte{'\n'}) + 1
		}
		ws = append(ws, w)
	}
	return ws
}
