package actor

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/internal/wordtable"
)

// Mention is one alias of the table found in a text.
type Mention struct {
	Span      annalist.Span // byte range in the scanned text
	Canonical string
	Kind      string
	Text      string // the alias as written
	// Tok and NTok locate the mention in the token slice it was found in
	// (ScanTokens); NTok is the number of tokens it covers.
	Tok, NTok int
}

// Scanner finds the aliases of a Table in text: the longest alias at each
// word boundary wins ("Mongolian People's Army" over "Mongolian"). A
// Scanner is immutable once built and safe for concurrent use.
type Scanner struct {
	// first maps lower-cased first words to patterns, longest first, while
	// NewScanner builds (a row may shadow another); lists holds them after.
	first map[string][]pattern
	// byFirst is first for look-ups: a word in any case finds its
	// patterns in lists without being lower-cased first.
	byFirst wordtable.Index
	lists   [][]pattern
	base    *Scanner // consulted after first (With)
	// lowerFirst holds the first words of aliases that start in lower
	// case ("al" of "al-Qaeda"), of this layer and the ones below, by
	// length and first and last byte: a lower-case word it turns away is
	// no alias, which spares most words of prose a map look-up ("and",
	// "attack" share al-Qaeda's first letter, not its first word).
	lowerFirst *textscan.Filter // shared with the layer below when this one adds none
	// starts marks the first bytes of this layer's lower-cased aliases, so
	// that a word no alias of the layer starts with skips its look-up.
	starts [256]bool
	// filter holds this layer's lower-cased first words by length and
	// first and last byte: most capitalised words of prose ("The",
	// "Lake") are turned away before the map look-up.
	filter textscan.Filter
}

// Alias is one row of a Table.
type Alias struct {
	Alias, Canonical, Kind string
}

// With returns a scanner that finds the aliases of rows as well as those
// of s, rows shadowing s's for the same alias; s is not changed. Building
// it costs only the new rows, so a per-article extension of the shared
// table stays cheap.
func (s *Scanner) With(rows []Alias) *Scanner {
	if len(rows) == 0 {
		return s
	}
	// A layer is built per article, so without a map: its patterns sorted
	// by first word (stably, so that a row keeps its place among rows of
	// the same first word) and cut into lists.
	o := &Scanner{base: s, lowerFirst: s.lowerFirst}
	var tokBuf [8]textscan.Token
	toks := tokBuf[:0]
	// Most aliases are a few words: room for three each, at once.
	sl := slab{strs: make([]string, 0, 6*len(rows)), space: make([]bool, 0, 3*len(rows))}
	var lower strings.Builder
	n := 0
	for _, r := range rows {
		n += len(r.Alias)
	}
	lower.Grow(n)
	for _, r := range rows {
		if isASCII(r.Alias) {
			for i := 0; i < len(r.Alias); i++ {
				lower.WriteByte(asciiLower(r.Alias[i]))
			}
		}
	}
	sl.lower = lower.String()
	pats := make([]pattern, 0, len(rows))
	for _, r := range rows {
		var p pattern
		if p, toks = makePattern(r.Alias, r.Canonical, r.Kind, toks, &sl); len(p.words) > 0 {
			pats = append(pats, p)
			o.starts[p.words[0][0]] = true
			o.filter.Add(p.words[0])
			if !p.upper {
				if o.lowerFirst == s.lowerFirst {
					// A lower-case alias: this layer needs a filter of its
					// own; the layers below keep theirs.
					lf := *s.lowerFirst
					o.lowerFirst = &lf
				}
				o.lowerFirst.Add(p.words[0])
			}
		}
	}
	// Sorted by index: a pattern is too big a value to move about.
	order := make([]int32, len(pats))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(pats[a].words[0], pats[b].words[0]) })
	// pats[i] = pats[order[i]], cycle by cycle, in place.
	for i := range pats {
		if order[i] < 0 {
			continue
		}
		tmp := pats[i]
		for j := i; ; {
			k := int(order[j])
			order[j] = -1
			if k == i {
				pats[j] = tmp
				break
			}
			pats[j] = pats[k]
			j = k
		}
	}
	var keys []string
	for i := 0; i < len(pats); {
		j := i + 1
		for j < len(pats) && pats[j].words[0] == pats[i].words[0] {
			j++
		}
		ps := pats[i:j:j]
		sortPatterns(ps)
		keys = append(keys, ps[0].words[0])
		o.lists = append(o.lists, ps)
		i = j
	}
	vals := make([]int32, len(keys))
	for i := range vals {
		vals[i] = int32(i)
	}
	o.byFirst = wordtable.NewIndex(keys, vals)
	return o
}

// index builds byFirst and lists from first.
func (s *Scanner) index() {
	keys := make([]string, 0, len(s.first))
	vals := make([]int32, 0, len(s.first))
	s.lists = make([][]pattern, 0, len(s.first))
	for k, ps := range s.first {
		keys, vals = append(keys, k), append(vals, int32(len(s.lists)))
		s.lists = append(s.lists, ps)
	}
	s.byFirst = wordtable.NewIndex(keys, vals)
}

func makePattern(alias, canonical, kind string, toks []textscan.Token, sl *slab) (pattern, []textscan.Token) {
	ascii := isASCII(alias)
	lower := alias
	switch {
	case ascii && sl.lower != "":
		lower = sl.lower[:len(alias)] // lower-cased with the layer's other aliases
		sl.lower = sl.lower[len(alias):]
	case ascii:
		lower = strings.ToLower(alias)
	}
	toks = textscan.Scan(alias, toks[:0])
	p := pattern{canonical: canonical, kind: kind}
	if len(toks) == 0 {
		return p, toks
	}
	// Few allocations a pattern: every article adds its own (its
	// belligerents' names, its commanders'). One slice holds both the
	// words as written and lower-cased, and an ASCII alias, lower-cased
	// once, is cut into its words at the same offsets.
	n := len(toks)
	ws, space := sl.take(n)
	p.exact, p.words, p.space = ws[:n:n], ws[n:], space
	for i, tk := range toks {
		p.exact[i] = tk.Text(alias)
		if ascii {
			p.words[i] = lower[tk.Start:tk.End]
		} else {
			p.words[i] = strings.ToLower(p.exact[i])
		}
		p.space[i] = tk.Space
	}
	p.upper = toks[0].Kind == textscan.Word && toks[0].Upper
	p.caps = len(toks) == 1 && isAllCaps(alias)
	return p, toks
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// slab hands out the word and space slices of many patterns from a few
// allocations: a layer is built per article, forty patterns or so.
type slab struct {
	strs  []string
	space []bool
	// lower, when set, holds the ASCII aliases still to come, lower-cased
	// one after the other, in the order makePattern is given them.
	lower string
}

// take returns 2n strings and n bools, each slice capped at its length.
func (sl *slab) take(n int) ([]string, []bool) {
	if cap(sl.strs)-len(sl.strs) < 2*n {
		sl.strs = make([]string, 0, max(256, 2*n))
	}
	if cap(sl.space)-len(sl.space) < n {
		sl.space = make([]bool, 0, max(128, n))
	}
	k, j := len(sl.strs), len(sl.space)
	sl.strs, sl.space = sl.strs[:k+2*n], sl.space[:j+n]
	return sl.strs[k : k+2*n : k+2*n], sl.space[j : j+n : j+n]
}

type pattern struct {
	words     []string // lower-cased token texts
	exact     []string // token texts as written in the alias
	space     []bool   // whether white space precedes each token
	upper     bool     // the alias starts with a capital: so must the text
	caps      bool     // the alias is an abbreviation in capitals ("IJA"): exact case
	canonical string
	kind      string
}

// NewScanner builds a scanner over every row of t. Rows added to a clone
// later shadow the shared table's rows for the same alias.
func NewScanner(t *Table) *Scanner {
	s := &Scanner{first: map[string][]pattern{}, lowerFirst: new(textscan.Filter)}
	index := map[string]int{} // alias → position in its first-word bucket
	var toks []textscan.Token
	var sl slab
	t.Each(func(alias, canonical, kind string) {
		var p pattern
		p, toks = makePattern(alias, canonical, kind, toks, &sl)
		if len(p.words) == 0 {
			return
		}
		key := p.words[0]
		s.starts[key[0]] = true
		s.filter.Add(key)
		if !p.upper {
			s.lowerFirst.Add(key)
		}
		if i, ok := index[alias]; ok {
			s.first[key][i] = p // a clone's row shadows the shared one
			return
		}
		index[alias] = len(s.first[key])
		s.first[key] = append(s.first[key], p)
	})
	for k, ps := range s.first {
		// Longest first, so that the first full match is the longest.
		sortPatterns(ps)
		s.first[k] = ps
	}
	s.index()
	return s
}

func sortPatterns(ps []pattern) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// Scan returns the mentions in text, in order.
func (s *Scanner) Scan(text string) []Mention {
	toks := textscan.Scan(text, nil)
	return s.ScanTokens(text, toks, nil)
}

// ScanTokens is Scan over tokens the caller already has (textscan.Scan of
// text); it appends to dst and returns it. It allocates nothing beyond dst.
func (s *Scanner) ScanTokens(text string, toks []textscan.Token, dst []Mention) []Mention {
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Kind != textscan.Word {
			i++
			continue
		}
		w := t.Text(text)
		if !t.Upper && !s.lowerFirst.MayHaveToken(t, text) {
			i++
			continue
		}
		// An ASCII word is looked up as written (the index folds case) and
		// equals, ignoring case, every first word of the patterns it finds,
		// so match need not compare it again. Another is lower-cased.
		key, firstDone := w, true
		for k := 0; k < len(w); k++ {
			if w[k] >= utf8.RuneSelf {
				key, firstDone = strings.ToLower(w), false
				break
			}
		}
		if len(key) == 0 {
			i++
			continue
		}
		c0 := key[0]
		if 'A' <= c0 && c0 <= 'Z' {
			c0 += 'a' - 'A'
		}
		n := 0
		var hit *pattern
		for sc := s; sc != nil; sc = sc.base {
			if !sc.starts[c0] || !(firstDone && sc.filter.MayHaveToken(t, text) || !firstDone && sc.filter.MayHave(key)) {
				continue
			}
			var li int32
			var ok bool
			if firstDone {
				li, ok = sc.byFirst.GetToken(t, text)
			} else {
				li, ok = sc.byFirst.Get(key)
			}
			if !ok {
				continue
			}
			ps := sc.lists[li]
			for k := range ps {
				if len(ps[k].words) <= n {
					break // longest first: nothing longer in this layer
				}
				if m := match(text, toks, i, &ps[k], firstDone); m > 0 {
					hit, n = &ps[k], m
					break
				}
			}
		}
		if hit == nil {
			i++
			continue
		}
		end := toks[i+n-1].End
		dst = append(dst, Mention{
			Span:      annalist.Span{Start: t.Start, End: end},
			Canonical: hit.canonical,
			Kind:      hit.kind,
			Text:      text[t.Start:end],
			Tok:       i,
			NTok:      n,
		})
		i += n
	}
	return dst
}

// match reports how many tokens from toks[i] spell p, or 0. firstDone
// says that toks[i] is known to equal p's first word ignoring case.
func match(text string, toks []textscan.Token, i int, p *pattern, firstDone bool) int {
	if i+len(p.words) > len(toks) {
		return 0
	}
	if p.upper && toks[i].Kind == textscan.Word && !toks[i].Upper {
		return 0
	}
	for k := range p.words {
		t := toks[i+k]
		if k > 0 && t.Space != p.space[k] {
			return 0
		}
		w := t.Text(text)
		if p.caps {
			if w != p.exact[k] {
				return 0
			}
			continue
		}
		if k == 0 && firstDone {
			continue
		}
		// A quick exact test before EqualFold: two ASCII first bytes
		// that differ other than in case.
		if pw := p.words[k]; len(w) > 0 && len(pw) > 0 && w[0] < utf8.RuneSelf && pw[0] < utf8.RuneSelf && asciiLower(w[0]) != asciiLower(pw[0]) {
			return 0
		}
		if !strings.EqualFold(w, p.words[k]) {
			return 0
		}
	}
	// A word must end at a word boundary: "Soviet" does not match the
	// start of "Sovietized" (the tokenizer already splits there), and a
	// single letter alias never glues to a following letter.
	last := toks[i+len(p.words)-1]
	if last.End < len(text) {
		r, _ := utf8.DecodeRuneInString(text[last.End:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return len(p.words)
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

//go:embed demonyms.tsv
var demonymsTSV string

// suffixRule turns a name ending in ending into its adjective and plural
// demonym by replacing the ending ("Mongolia": "ia" → "ian", "ians").
type suffixRule struct {
	ending, adjective, demonym string
}

// demonymRules parses demonyms.tsv; the embedded file is checked by the
// package tests, so a malformed line is skipped here rather than failing
// every caller.
func demonymRules() []suffixRule {
	var rules []suffixRule
	for i, line := range strings.Split(demonymsTSV, "\n") {
		line = strings.TrimRight(line, "\r")
		if i == 0 || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 || cols[0] == "ending" {
			continue
		}
		rules = append(rules, suffixRule{cols[0], cols[1], cols[2]})
	}
	return rules
}

// GroupName reports a name that says it is an armed group's rather than
// a state's ("Western Somali Liberation Front", "Kosovo Liberation
// Army"): a state named in it is whose people it claims, not the group.
func GroupName(name string) bool {
	for _, w := range strings.Fields(name) {
		if groupWord(w) {
			return true
		}
	}
	return false
}

// groupWord reports a word that marks a belligerent's name as an armed
// group rather than a state.
func groupWord(w string) bool {
	switch strings.ToLower(w) {
	case "army", "front", "movement", "party", "liberation", "tigers", "brigade", "brigades", "militia", "militias",
		"rebels", "forces", "guard", "legion", "organization", "organisation", "council", "committee", "mujahideen",
		"resistance", "volunteers", "guerrillas":
		return true
	}
	return false
}

// groupShaped reports a name of several words that the table does not
// know, with no word of statehood nor "of" in it ("Janatha Vimukthi
// Peramuna"): the shape of a movement's name in its own language, not of
// a state's, which says what it is ("Kingdom of X", "Roman Republic") or
// is one word.
func groupShaped(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if StatehoodWord(w) || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// PlaceOfState returns the place a state's name is "of" when words of
// statehood alone come before it ("Velmora" of "Republic of Velmora",
// "Tarn" of "Grand Duchy of Tarn"), else "". The place is one or two
// capitalized words.
func PlaceOfState(name string) string {
	before, after, ok := strings.Cut(name, " of ")
	if !ok {
		return ""
	}
	for _, w := range strings.Fields(before) {
		if !StatehoodWord(w) {
			return ""
		}
	}
	words := strings.Fields(after)
	if len(words) == 0 || len(words) > 2 {
		return ""
	}
	for _, w := range words {
		if w[0] < 'A' || w[0] > 'Z' || StatehoodWord(w) {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// AddBelligerents extends t (a per-article Clone) with the belligerents of
// an article that the table may not know: each name becomes an alias of
// itself, and a name the table has never heard of gets the adjectives and
// demonyms that suffix rules derive from it ("Zembria" → "Zembrian",
// "Zembrians"), so the prose of a war the table does not know still names
// its sides. lead is the article's opening text: an abbreviation written
// after a belligerent's name in parentheses ("Liberation Front (ZLF)")
// becomes an alias too. It returns the names canonicalized, in order, and
// the rows it added (for Scanner.With).
func AddBelligerents(t *Table, names []string, lead string) (canonical []string, added []Alias) {
	var out []string
	add := func(alias, canonical, kind string) {
		t.Add(alias, canonical, kind)
		added = append(added, Alias{alias, canonical, kind})
	}
	var rules []suffixRule // parsed when a name needs them
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if canonical, _, ok := t.Lookup(name); ok {
			out = append(out, canonical)
			continue
		}
		kind := KindState
		for _, w := range strings.Fields(name) {
			if groupWord(w) {
				kind = KindGroup
			}
		}
		if groupShaped(name) {
			kind = KindGroup
		}
		add(name, name, kind)
		out = append(out, name)
		if place := PlaceOfState(name); kind == KindState && place != "" {
			// "Republic of Velmora", "Grand Duchy of Tarn": the prose
			// calls the state by its place ("Velmora refused") and by
			// the place's people ("the Velmorans held the walls").
			if _, _, ok := t.Lookup(place); !ok {
				add(place, name, KindState)
				if !strings.Contains(place, " ") {
					if rules == nil {
						rules = demonymRules()
					}
					for _, form := range derive(place, rules) {
						if _, _, ok := t.Lookup(form.alias); !ok {
							add(form.alias, name, form.kind)
						}
					}
				}
			}
		}
		if kind == KindState && !strings.Contains(name, " ") {
			if rules == nil {
				rules = demonymRules()
			}
			for _, form := range derive(name, rules) {
				if _, _, ok := t.Lookup(form.alias); !ok {
					add(form.alias, name, form.kind)
				}
			}
		}
		if abbr := abbreviationAfter(lead, name); abbr != "" {
			if _, _, ok := t.Lookup(abbr); !ok {
				add(abbr, name, KindAbbreviation)
			}
		}
	}
	return out, added
}

// Forms returns the adjectives and demonyms the suffix rules of
// demonyms.tsv derive from a one-word name ("Plataea" → "Plataean",
// "Plataeans"); a name of several words has none.
func Forms(name string) []string {
	if name == "" || strings.Contains(name, " ") {
		return nil
	}
	var out []string
	for _, f := range derive(name, demonymRules()) {
		out = append(out, f.alias)
	}
	return out
}

type derivedForm struct{ alias, kind string }

// derive applies the rules of the longest ending that fits name; rules
// with the empty ending apply to every name that no other rule fits.
func derive(name string, rules []suffixRule) []derivedForm {
	best := -1
	for _, r := range rules {
		if r.ending != "" && strings.HasSuffix(name, r.ending) && len(r.ending) > best {
			best = len(r.ending)
		}
	}
	if best < 0 {
		best = 0
	}
	var out []derivedForm
	for _, r := range rules {
		if len(r.ending) != best || !strings.HasSuffix(name, r.ending) {
			continue
		}
		stem := name[:len(name)-len(r.ending)]
		if r.adjective != "" && r.adjective != "-" {
			out = append(out, derivedForm{stem + r.adjective, KindAdjective})
		}
		if r.demonym != "" && r.demonym != "-" {
			out = append(out, derivedForm{stem + r.demonym, KindDemonym})
		}
	}
	return out
}

// abbreviationAfter finds "name (ABBR)" in text and returns ABBR when it is
// a short run of capitals.
func abbreviationAfter(text, name string) string {
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return ""
		}
		j := off + i + len(name)
		if strings.HasPrefix(text[j:], " (") {
			k := strings.IndexByte(text[j+2:], ')')
			if k > 1 && k <= 8 && isAllCaps(text[j+2:j+2+k]) && !strings.ContainsAny(text[j+2:j+2+k], " ,") {
				return text[j+2 : j+2+k]
			}
		}
		off = j
	}
}

// DefinedAbbreviations returns the abbreviations text defines for names
// t knows as a state, a former state or a state's armed service: "the
// Army of the Republic of Vietnam (ARVN)" makes "ARVN" an army of South
// Vietnam, "the Croatian Army (HV)" "HV" one of Croatia's. Prose calls
// the forces by these letters from then on. An abbreviation t already
// knows keeps its meaning; one written after any other name (a party, a
// court, a ministry) is none of a state's.
func DefinedAbbreviations(t *Table, text string) []Alias {
	var out []Alias
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], " (")
		if i < 0 {
			break
		}
		open := off + i
		off = open + 2
		k := strings.IndexByte(text[off:], ')')
		if k < 2 || k > 8 {
			continue
		}
		abbr := text[off : off+k]
		if !abbreviationShaped(abbr) {
			continue
		}
		if _, _, known := t.Lookup(abbr); known || slices.ContainsFunc(out, func(a Alias) bool { return a.Alias == abbr }) {
			continue
		}
		if canonical, kind, ok := nameBefore(t, text[:open]); ok {
			out = append(out, Alias{Alias: abbr, Canonical: canonical, Kind: kind})
		}
	}
	return out
}

// abbreviationShaped reports letters (a digit after the first allowed)
// with a capital first and at least two capitals: "HV", "ARBiH", "1st" is
// not one.
func abbreviationShaped(s string) bool {
	upper := 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case i == 0:
			return false
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			return false
		}
	}
	return upper >= 2
}

// nameBefore returns the state that the name ending text is, or whose
// armed service it is, read from the longest run of capitalised words
// (and "of", "the", "and" inside it) that t knows: of "Dudaković's 5th
// Corps of the Army of the Republic of Bosnia and Herzegovina", the army.
// The run must open after a word that can stand before a name (a
// preposition, an article) or a mark: "for the former Yugoslavia" is
// part of a longer name.
func nameBefore(t *Table, text string) (canonical, kind string, ok bool) {
	const most = 12 // words in a name
	var starts [most]int
	n := 0
	end := len(text)
	before := "" // the word before the run; "" for a mark or the text's start
	capital := func(w string) bool { return w[0] >= 'A' && w[0] <= 'Z' || w[0] >= utf8.RuneSelf }
	for i := end; i > 0; {
		j := strings.LastIndexByte(text[:i], ' ') + 1
		w := text[j:i]
		if w == "" || strings.ContainsAny(w, ".,;:()") || n == most {
			break
		}
		if !capital(w) && w != "of" && w != "the" && w != "and" {
			before = w
			break
		}
		starts[n] = j
		n++
		if j == 0 {
			break
		}
		i = j - 1
	}
	for k := n - 1; k >= 0; k-- {
		name := text[starts[k]:end]
		if !capital(name) {
			continue // a name opens with a capital, not "of the …"
		}
		prev := before
		if k+1 < n {
			prev = strings.TrimSuffix(text[starts[k+1]:starts[k]], " ")
		}
		if prev != "" && !capital(prev) && !nameOpener(prev) {
			continue
		}
		// The whole run names the state ("the Republic of Vietnam"); a
		// part of it only the state's service ("the 5th Corps of the
		// Army of the Republic of Bosnia and Herzegovina"): "Georgia" is
		// not what "University of Georgia" stands for.
		whole := true
		for m := k + 1; m < n; m++ {
			if capital(text[starts[m]:]) {
				whole = false
			}
		}
		if canonical, kind, ok := t.Lookup(name); ok {
			switch {
			case kind == KindArmy, whole && (kind == KindState || kind == KindFormer):
				return canonical, kind, true
			}
			return "", "", false // a name of something else: a party, a people
		}
	}
	return "", "", false
}

// nameOpener reports a word that can stand before a name: an article, a
// preposition, a conjunction or a possessive.
func nameOpener(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "of", "by", "and", "or", "with", "against", "from", "to", "in", "on", "at", "for", "into", "between", "as", "its", "their", "his", "her", "both", "while", "when", "that", "which":
		return true
	}
	return false
}
