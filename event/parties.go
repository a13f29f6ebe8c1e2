// Parties: the states and groups a sentence names, and the side each
// fights on.

package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
)

// indexMentions keeps, of the actor mentions just scanned in the
// sentence text, those that are no person's name, and indexes them by
// token: the readers of fighting ask which tokens name a party before
// readParties reads them.
func (x *article) indexMentions(text string) {
	x.ments = x.dropPersonNames(text, x.ments)
	x.mentionOf = x.mentionOf[:0]
	for range x.toks {
		x.mentionOf = append(x.mentionOf, -1)
	}
	for i, m := range x.ments {
		for k := m.Tok; k < m.Tok+m.NTok; k++ {
			x.mentionOf[k] = int32(i)
		}
	}
}

// readParties turns the actor mentions of s into parties, marking those
// that stand for a place ("inside Manchukuo territory", "from Mongolia").
func (x *article) readParties(s *sent) {
	toks, tags := x.toks, x.tags
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
			case end < len(toks) && toks[end].Upper && lowerIs(toks[end].Text(s.text), "city") && stateName(m.Kind):
				pm.location = true // "Benin City", "Kuwait City": a city named after the state
			case p >= 1 && lowerIs(toks[p].Text(s.text), "with") && tags[p-1].has(cLocation) && stateName(m.Kind):
				pm.location = true // "the border with Guinea-Bissau"
			case p >= 1 && lowerIs(toks[p].Text(s.text), "of") && toks[p-1].Upper && tags[p-1].has(cPlaceNoun|cLocation) && stateName(m.Kind):
				pm.location = true // "the Gulf of Mexico", "the Isthmus of Panama": a feature named after the land
			case end+1 < len(toks) && toks[end].Kind == textscan.Dash && tags[end+1].has(cLocation):
				pm.location = true
			case p >= 1 && stateName(m.Kind) && toks[p].Text(s.text) == "," && toks[p-1].Upper && !x.isMention(p-1):
				pm.location = true // "Tauran, Mongolia"
			case p >= 0 && prevLoc == p && strings.EqualFold(toks[p].Text(s.text), "and"):
				pm.location = true // "in China and Japan"
			case stateName(m.Kind) && x.notYet(m.Canonical):
				pm.location = true // "raided Syria" in 573: the region, not the state of 1946
			case m.Kind == actor.KindAdjective && modelAfter(toks, end) && !x.onASide(m.Canonical):
				// "flying a North American NA-50 fighter", "a French
				// Mirage-5": the maker of a machine, no party to the war.
				pm.location = true
			case m.Kind == actor.KindAdjective && x.placeNounAfter(s.text, end) && !x.onASide(m.Canonical):
				// "an old Russian fortress town" in a war Russia was no
				// party to: whose the place had been, not who fought there.
				pm.location = true
			}
		}
		if (m.Kind == actor.KindDemonym || m.Kind == actor.KindAdjective) && x.notYet(m.Canonical) {
			// "a few Maltese swam across the harbour" in 1565, "German
			// and Estonian troops" in 1242: the land's people, not the
			// state founded centuries on. Which side they were is the
			// clash's to say (see draft.peopleNamed).
			pm.location, pm.people = false, true
		}
		if end := m.Tok + m.NTok; (m.Kind == actor.KindAdjective || m.Kind == actor.KindDemonym) && end < len(toks) && tags[end].has(cPerson) &&
			!pluralWord(toks[end].Text(s.text)) && !x.onASide(m.Canonical) {
			// "the French knight Adrien de La Rivière" among the Order's
			// defenders: one man's origin, not a state in the war;
			// "French troops" would be France's.
			pm.location = true
		}
		if pm.location {
			prevLoc = m.Tok + m.NTok
		}
		s.parties = append(s.parties, pm)
	}
}

// modelAfter reports a model's designation at token i, a word and a
// number joined by a hyphen ("NA-50", "MiG-21"), perhaps after its name
// ("Mirage-5" is one; "Super Mirage-5" two words).
func modelAfter(toks []textscan.Token, i int) bool {
	for n := 0; n < 2 && i+2 < len(toks); n, i = n+1, i+1 {
		if toks[i].Kind == textscan.Word && toks[i].Upper && toks[i+1].Kind == textscan.Dash && !toks[i+1].Space &&
			toks[i+2].Kind == textscan.Number && !toks[i+2].Space {
			return true
		}
		if toks[i].Kind != textscan.Word || !toks[i].Upper {
			return false
		}
	}
	return false
}

// onASide reports whether the party canonical is one of the conflict's
// belligerents, under its own name or the one the conflict gives it, or
// may be: the conflict names no two sides.
func (x *article) onASide(canonical string) bool {
	if len(x.sides[0]) == 0 || len(x.sides[1]) == 0 {
		return true // the sides unknown, any state may be one
	}
	_, ok := x.sideOf[canonical]
	if !ok {
		_, ok = x.sideOf[x.belligerent(canonical)]
	}
	return ok
}

// placeNounAfter reports the noun phrase from token k, the one an
// adjective of a state opens, ending in a noun of place: "garrison town",
// "port", not "garrison" nor "troops".
func (x *article) placeNounAfter(text string, k int) bool {
	for j := k; j < len(x.toks) && j < k+3 && x.toks[j].Kind == textscan.Word && !x.toks[j].Upper; j++ {
		next := j + 1
		if next < len(x.toks) && x.toks[next].Kind == textscan.Word && !x.toks[next].Upper && (x.tags[next].has(cPlaceNoun) || x.tags[next].has(cUnit)) {
			continue // the head comes later: "garrison town"
		}
		return x.tags[j].has(cPlaceNoun) && !partOfPlace(x.tags[j])
	}
	return false
}

// notYet reports whether the state canonical, no belligerent, was founded
// after the conflict ended: the prose's name for it is the region's.
func (x *article) notYet(canonical string) bool {
	if x.window[0].IsZero() {
		return false
	}
	f, ok := x.r.founded[canonical]
	if !ok {
		return false
	}
	if _, ok := x.sideOf[canonical]; ok {
		return false
	}
	end := x.window[1]
	if end.IsZero() {
		end = x.window[0]
	}
	return f.First().Compare(end.Last()) > 0
}

// dropPersonNames removes from ments the states that are a person's
// name after a rank or title ("Admiral Togo", "Admiral Heihachiro Togo",
// "General Jordan") or part of an operation's code name ("Operation
// Scotland II").
func (x *article) dropPersonNames(text string, ments []actor.Mention) []actor.Mention {
	title := func(k int) bool {
		return k >= 0 && x.toks[k].Kind == textscan.Word && x.toks[k].Upper && x.r.titleWord != nil && x.r.titleWord(x.toks[k].Text(text))
	}
	out := ments[:0]
	for _, m := range ments {
		if p := m.Tok - 1; p >= 0 && stateName(m.Kind) && x.toks[p].Upper && x.tags[p].has(cCampaign) {
			continue // "Operation Scotland II": a code name, no party
		}
		if stateName(m.Kind) && x.toks[m.Tok].Upper {
			p := m.Tok - 1
			if title(p) || p >= 1 && x.toks[p].Kind == textscan.Word && x.toks[p].Upper && x.toks[p].End < x.toks[m.Tok].Start && title(p-1) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
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
	// "X and Y": only a party right before an "and" or "with" before m
	// can be its ally; the quantities of the sentence are asked for only
	// then.
	joined := false
	for j := m.tok - 1; j >= 1 && !joined; j-- {
		if other(j-1) == "" {
			continue
		}
		if w := toks[j].Text(text); lowerIs(w, "and") || lowerIs(w, "with") {
			joined = true
		}
	}
	k := m.tok - 1
	for joined && k >= 0 && x.inQuantity(text, toks[k].Start) {
		k-- // "and six Soviet troops"
	}
	if joined && k >= 1 {
		if w := toks[k].Text(text); lowerIs(w, "and") || lowerIs(w, "with") {
			if a := other(k - 1); a != "" && !betweenBefore(text, toks, x.tags, s.parties[x.mentionOf[k-1]].tok) {
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

// betweenBefore reports "between" a few words before token first, where
// the first party of "X and Y" starts, after a word of opposition: "the
// conflict between Turkey and the PKK", "a treaty between the former
// Imperial Russia and Qing China" name two sides, not allies; "supply
// lines between the United States and Australia" do not.
func betweenBefore(text string, toks []textscan.Token, tags []tag, first int) bool {
	for k := first - 1; k >= 1 && k >= first-3; k-- {
		if lowerIs(toks[k].Text(text), "between") {
			return tags[k-1].has(cOpposed | cNotFight | cFight | cCeasefire | cAbstract)
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

// partiesNamed returns the states and groups text names as parties, not
// as places ("in Northeast China", "Manchukuo territory" are places).
func (x *article) partiesNamed(text string) map[string]bool {
	toks := textscan.Scan(text, x.restToks[:0])
	tags := x.lex.annotate(text, toks, x.headTags)
	x.ments = x.scan.ScanTokens(text, toks, x.ments[:0])
	x.restToks, x.headTags = toks, tags
	out := map[string]bool{}
	addPartiesNamed(out, text, toks, tags, x.ments)
	return out
}

// addPartiesNamed adds to out the parties of ments (found in text, cut
// into toks with tags) that are not named as places.
func addPartiesNamed(out map[string]bool, text string, toks []textscan.Token, tags []tag, ments []actor.Mention) {
	for _, m := range ments {
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
}

// nameAdjective returns the adjective a longer name opens with
// ("Bohemian" of "Bohemian Confederation", "Mahdist" of "Mahdist State"),
// or "", and the plural by which the prose calls the side's people
// ("Bohemians", "Mahdists"), or "" for an adjective that has none
// ("Chinese", "Danish", "Hellenic").
func nameAdjective(name string) (adj, plural string) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return "", ""
	}
	w := words[0]
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return "", ""
	}
	// The endings English forms adjectives of peoples and movements with;
	// those of -an, -ist, -ite and -i are also nouns, with a plural in -s.
	for _, end := range []string{"ese", "ish", "ic"} {
		if strings.HasSuffix(w, end) {
			return w, ""
		}
	}
	for _, end := range []string{"an", "ist", "ite", "i"} {
		if len(w) < 5 {
			break
		}
		if strings.HasSuffix(w, end) {
			return w, w + "s"
		}
	}
	if n := len(words); n >= 3 && words[n-1] == "Army" {
		// "Black Flag Army": its men are "the Black Flags", its posts "the
		// Black Flag positions".
		stem := words[:n-1]
		for _, r := range stem {
			if r[0] < 'A' || r[0] > 'Z' || actor.StatehoodWord(r) {
				return "", ""
			}
		}
		if last := stem[len(stem)-1]; !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "an") && !strings.HasSuffix(last, "ese") && !strings.HasSuffix(last, "ish") {
			a := strings.Join(stem, " ")
			return a, a + "s"
		}
		return "", ""
	}
	// A people's name before words of statehood alone ("Sikh Empire",
	// "Zulu Kingdom", "Aztec Empire") names the people, in the plural
	// with -s ("the Sikhs"), unless it ends as a plural would not take one.
	for _, r := range words[1:] {
		if !actor.StatehoodWord(r) {
			return "", ""
		}
	}
	if actor.StatehoodWord(w) || strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "x") {
		return "", ""
	}
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return "", ""
		}
	}
	return w, w + "s"
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

func opposite(side int) int {
	if side == 0 || side == 1 {
		return 1 - side
	}
	return -1
}

// belligerent returns the name the conflict gives the party canonical
// (its aliasOf entry), or canonical itself.
func (x *article) belligerent(canonical string) string {
	if a, ok := x.aliasOf[canonical]; ok {
		return a
	}
	return canonical
}

// groupSide returns the side whose belligerents are all armed groups
// where the other side's are all states, or -1.
func groupSide(t *actor.Table, names [2][]string) int {
	var groups, states [2]int
	for i := range names {
		for _, n := range names[i] {
			if _, kind, ok := t.Lookup(strings.TrimSpace(n)); ok {
				if kind == actor.KindGroup {
					groups[i]++
				} else {
					states[i]++
				}
			}
		}
	}
	for i := 0; i < 2; i++ {
		if groups[i] > 0 && states[i] == 0 && states[1-i] > 0 && groups[1-i] == 0 {
			return i
		}
	}
	return -1
}

// singleSpaced reports an ASCII name whose words are parted by single
// spaces, with none around them: strings.Fields would cut it at its
// spaces and nowhere else.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i-1] == ' ':
			return false
		}
	}
	return true
}

// memberNoun returns the last word of a group's name when it is a plural
// noun of its members ("Catholic royalists" → "royalists", "royalist";
// "Velmistas" → "Velmistas", "Velmista": "a Velmista band"), else "".
func memberNoun(name string) (plural, singular string) {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) == 1 && !unicode.IsUpper(rune(words[0][0])) {
		return "", ""
	}
	w := words[len(words)-1]
	if len(w) < 5 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || w[len(w)-2] == 'u' || w[len(w)-2] == 'i' {
		return "", "" // not "Confederate States", "Carlist Basques", "Brothers in Arms"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return "", ""
		}
	}
	return w, w[:len(w)-1]
}

// compassAliases adds to t, for a belligerent named by a compass word
// and a state t knows ("North Peru"), that word before each of the
// state's adjectives and demonyms ("North Peruvian", "North Peruvians"),
// by which the prose calls it; else "the North Peruvian line" reads as
// Peru's. Such names are rare, so t is walked only for them.
func compassAliases(names [2][]string, t *actor.Table) []actor.Alias {
	var want map[string][]string // state canonical → belligerents
	for i := range names {
		for _, n := range names[i] {
			n = strings.TrimSpace(n)
			head, rest, ok := strings.Cut(n, " ")
			if !ok || !compassWord(head) {
				continue
			}
			if c, kind, known := t.Lookup(rest); known && stateName(kind) {
				if want == nil {
					want = map[string][]string{}
				}
				want[c] = append(want[c], n)
			}
		}
	}
	if want == nil {
		return nil
	}
	var added []actor.Alias
	t.Each(func(alias, canonical, kind string) {
		if kind != actor.KindAdjective && kind != actor.KindDemonym {
			return
		}
		for _, n := range want[canonical] {
			head, _, _ := strings.Cut(n, " ")
			if a := head + " " + alias; !known(t, a) {
				added = append(added, actor.Alias{Alias: a, Canonical: n, Kind: kind})
			}
		}
	})
	for _, a := range added {
		t.Add(a.Alias, a.Canonical, a.Kind)
	}
	return added
}

// compassPeoples returns aliases for the belligerents named by a compass
// word or adjective and a people the table does not know ("Northern
// Cheyenne", "West Tartary"): the
// people's name alone stands for it ("a band of Cheyenne"), unless two
// belligerents share it ("Northern" and "Southern Cheyenne").
func compassPeoples(names [2][]string, t *actor.Table, lex *lexicon) []actor.Alias {
	var rests map[string][]string
	for i := range names {
		for _, n := range names[i] {
			n = strings.TrimSpace(n)
			head, rest, ok := strings.Cut(n, " ")
			if !ok || !compassWord(head) && !compassAdjective(head) || strings.Contains(rest, " ") || rest == "" || !isUpper(rest) || known(t, rest) || lex.known(rest) || actor.StatehoodWord(rest) {
				continue
			}
			if rests == nil {
				rests = map[string][]string{}
			}
			rests[rest] = append(rests[rest], n)
		}
	}
	var added []actor.Alias
	for rest, ns := range rests {
		if len(ns) == 1 {
			t.Add(rest, ns[0], actor.KindDemonym)
			added = append(added, actor.Alias{Alias: rest, Canonical: ns[0], Kind: actor.KindDemonym})
		}
	}
	return added
}

// isUpper reports whether w starts with a capital letter.
func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// known reports whether t knows the alias a.
func known(t *actor.Table, a string) bool {
	_, _, ok := t.Lookup(a)
	return ok
}

// compassWord reports a compass word that opens a state's name ("North
// Peru", "South Yemen", "East Timor").
func compassWord(w string) bool {
	return w == "North" || w == "South" || w == "East" || w == "West"
}

// compassAdjective reports a capitalized compass adjective ("Northern").
func compassAdjective(w string) bool {
	return w == "Northern" || w == "Southern" || w == "Eastern" || w == "Western"
}

// commanderAliases returns the names by which a side's commanders, as
// the infobox lists them, stand in the prose for the side's first
// belligerent ("Admiral Grau and 31 of his crew were killed"): each full
// name, and each later word of it ("Grau" and "Seminario" of "Miguel
// Grau Seminario", since which word a culture puts its family name in
// varies). A word shared by commanders of both sides, a rank or style
// (titleWord: "Pasha", "Duke"; nil for none), or a word that the table t
// knows already stands for no one. They only name parties in the prose
// (the article's scanner), so t is not changed.
func commanderAliases(c *annalist.Conflict, sides [2][]string, t *actor.Table, titleWord func(string) bool) []actor.Alias {
	// Candidates in order, each with its side (-1 once both sides have
	// it): an infobox lists a few dozen at most, so a linear search beats
	// a map built and dropped per article.
	type cand struct {
		alias string
		side  int
	}
	var buf [48]cand
	cands := buf[:0]
	add := func(a string, i int) {
		for k := range cands {
			if cands[k].alias == a {
				if cands[k].side != i {
					cands[k].side = -1
				}
				return
			}
		}
		cands = append(cands, cand{a, i})
	}
	for i := 0; i < 2 && i < len(c.Sides); i++ {
		if len(sides[i]) == 0 {
			continue
		}
		for _, cm := range c.Sides[i].Commanders {
			name := cm.Name
			if !singleSpaced(name) {
				name = strings.Join(strings.Fields(name), " ")
			}
			first := strings.IndexByte(name, ' ')
			if first < 0 {
				// A single name ("Saladin", "Porus") is the person's, unless
				// it is a title ("Sultan") or too short to tell apart.
				if len(name) >= 4 && name[0] >= 'A' && name[0] <= 'Z' && !strings.ContainsAny(name, ".()[]") && (titleWord == nil || !titleWord(name)) {
					add(name, i)
				}
				continue
			}
			add(name, i)
			for rest := name[first+1:]; rest != ""; {
				w := rest
				if k := strings.IndexByte(rest, ' '); k >= 0 {
					w, rest = rest[:k], rest[k+1:]
				} else {
					rest = ""
				}
				if w == "of" {
					break // "Charles of Lorraine": a territory, not the person
				}
				w = strings.TrimRight(w, ",;")
				if len(w) >= 4 && w[0] >= 'A' && w[0] <= 'Z' && !strings.ContainsAny(w, ".()[]") && (titleWord == nil || !titleWord(w)) {
					add(w, i)
				}
			}
		}
	}
	var out []actor.Alias
	for _, cd := range cands {
		if cd.side < 0 {
			continue
		}
		if _, _, known := t.Lookup(cd.alias); known {
			continue
		}
		if out == nil {
			out = make([]actor.Alias, 0, len(cands))
		}
		out = append(out, actor.Alias{Alias: cd.alias, Canonical: strings.TrimSpace(sides[cd.side][0]), Kind: actor.KindArmy})
	}
	return out
}
