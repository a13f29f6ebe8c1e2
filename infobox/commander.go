package infobox

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
)

// Fates a commander line marks.
const (
	fateKIA      = "killed in action"
	fateCaptured = "captured"
	fateExecuted = "executed"
	fateDOW      = "died of wounds"
	fateMIA      = "missing in action"
	fateWIA      = "wounded in action"
)

// readCommanders reads a commander line: one entry per person, without
// image leftovers, titles and role notes; a fate glued to a name
// ("Bataar EnkhjargalKIA") or standing as the next item ("KIA") is kept.
// With joinStyles (the plain-text rendering, where nothing marks a comma
// inside a name), an item that continues the name before it ("1st Duke of
// Wellington") is joined to it.
func (lex *lexicon) readCommanders(v string, actors *actor.Table, dst []annalist.Commander, joinStyles bool) []annalist.Commander {
	var buf [32]item
	first := len(dst)
	items := splitList(v, buf[:0])
	if dst == nil {
		dst = make([]annalist.Commander, 0, len(items))
	}
	for k := 0; k < len(items); k++ {
		it := items[k]
		if cut := parenThen(it.text, isUpper); cut > 0 {
			// "Gen. Aziz Khan (Chief of Staff) Lt. Gen. Bashir Ahmed": two
			// people, the break between them lost.
			rest := strings.TrimLeft(it.text[cut:], " ")
			items = slices.Insert(items, k+1, item{rest, it.off + len(it.text) - len(rest)})
			it.text = it.text[:cut]
		}
		s := cleanItem(it).text
		if s == "" {
			continue
		}
		if fate, ok := lex.fates[s]; ok {
			if k := len(dst) - 1; k >= first && dst[k].Fate == nil {
				dst[k].Fate = annalist.Ptr(fate)
			}
			continue
		}
		if _, ok := parenthesized(s); ok || strings.HasSuffix(s, ":") {
			continue // a role note "(President)" or a group header
		}
		// Between line breaks (" | "), a comma stands inside one entry:
		// "Ana Ruiz | Charles V, Duke of Vel | Ben Cruz".
		inEntry := k > 0 && strings.Contains(v, " | ") && !strings.Contains(v[items[k-1].off+len(items[k-1].text):it.off], "|")
		if k := len(dst) - 1; joinStyles && k >= first && lex.continuesName(dst[k].Name, s, inEntry) {
			// "Arthur Wellesley, 1st Duke of Wellington": one person
			// whose name holds a comma.
			style := strings.TrimSpace(stripParens(s))
			if f, rest, ok := lex.gluedFate(style); ok {
				style = rest
				dst[k].Fate = annalist.Ptr(f)
			}
			dst[k].Name += ", " + style
			continue
		}
		name, fate := lex.commanderName(s, actors)
		if name == "" || !hasLetter(name) || allLower(name) {
			continue // "and others", "various": no one's name
		}
		if actors != nil {
			if _, kind, ok := actors.Lookup(name); ok && kind != actor.KindArmy && kind != actor.KindAgency {
				continue // a state's name heading its commanders
			}
		}
		c := annalist.Commander{Name: name}
		if fate != "" {
			c.Fate = annalist.Ptr(fate)
		}
		dst = append(dst, c)
	}
	return dst
}

// commanderName cleans one commander item and returns the name and fate.
func (lex *lexicon) commanderName(s string, actors *actor.Table) (name, fate string) {
	// Notes in parentheses: a fate or a role.
	for {
		o := strings.IndexByte(s, '(')
		if o < 0 {
			break
		}
		c := closeParen(s, o)
		if c < 0 {
			s = s[:o]
			break
		}
		if f, ok := lex.fates[s[o:c+1]]; ok {
			fate = f
		}
		s = s[:o] + " " + s[c+1:]
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "†") {
		fate = fateExecuted
		s = strings.TrimSpace(strings.TrimPrefix(s, "†"))
	}
	for {
		switch {
		case strings.HasSuffix(s, "†"):
			fate = fateExecuted
			s = strings.TrimSpace(strings.TrimSuffix(s, "†"))
			continue
		}
		if f, rest, ok := lex.gluedFate(s); ok {
			fate, s = f, rest
			continue
		}
		break
	}
	// The last of a list written as prose: "…, and Maj.-Gen. X".
	for _, c := range [...]string{"and ", "& "} {
		if strings.HasPrefix(s, c) {
			s = strings.TrimLeft(s[len(c):], " ")
		}
	}
	// Titles before the name; keep the last word whatever it is.
	for {
		i := strings.IndexByte(s, ' ')
		if i < 0 || !lex.titles[s[:i]] {
			break
		}
		if rest := strings.TrimLeft(s[i:], " "); lex.peerage[s[:i]] && !strings.Contains(rest, " ") {
			break // "Lord Raglan": a peer is known by the style and the title alone
		}
		s = strings.TrimLeft(s[i:], " ")
		// A rank "of" a state or a service: "Marshal of the Soviet Union
		// Georgy Zhukov", "General of the Army Omar Bradley".
		if rest, ok := strings.CutPrefix(s, "of "); ok {
			rest = strings.TrimPrefix(rest, "the ")
			if n := stateAtStart(rest, actors); n > 0 && n < len(rest) {
				s = strings.TrimLeft(rest[n:], " ")
			} else if j := strings.IndexByte(rest, ' '); j > 0 && lex.titles[rest[:j]] {
				s = rest // "of the Army …": the loop strips "Army"
			}
		}
	}
	s = plainSpaces(s)
	if strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s, fate
}

// gluedFate finds a fate mark at the end of a name, glued ("Jaija
// BataarKIA") or after a space ("Fusaki Tsutsumi KIA", "… Executed").
func (lex *lexicon) gluedFate(s string) (fate, rest string, ok bool) {
	for m, fate := range lex.fates {
		// The marks of words.tsv spelt in letters ("KIA", "Executed");
		// "(KIA)" and "†" stand apart from the name.
		if !strings.HasSuffix(s, m) || len(s) == len(m) || !lettersOnly(m) {
			continue
		}
		before := s[:len(s)-len(m)]
		r, _ := utf8.DecodeLastRuneInString(before)
		if r == ' ' || unicode.IsLower(r) || r == '.' || r == ')' || romanTail(before) {
			return fate, strings.TrimSpace(before), true
		}
	}
	return "", s, false
}

// lettersOnly reports a word of ASCII letters alone.
func lettersOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// romanTail reports a name that ends in a regnal number after a space
// ("Murad I", "Charles XII"): a fate mark glued to it ("Murad IKIA")
// follows a capital that is no letter of a name.
func romanTail(s string) bool {
	k := strings.LastIndexByte(s, ' ')
	if k < 1 || k == len(s)-1 {
		return false
	}
	return strings.Trim(s[k+1:], "IVXLC") == ""
}

// continuesName reports whether item, the entry after prev in a commander
// line, is the rest of prev's name rather than another person: a style
// with an ordinal ("1st Duke of Wellington", "3rd Baronet"), a style of a
// place or an epithet after a given name alone ("Henri" + "Prince of
// Condé", "Edward" + "the Black Prince"), or a generational suffix
// ("Jr.").
//
// inEntry says the comma before item stands inside one entry of a list
// broken into lines: there a style of a place goes on any name ("Charles
// V, Duke of Lorraine"), which a comma list leaves in doubt.
func (lex *lexicon) continuesName(prev, item string, inEntry bool) bool {
	if prev == "" || item == "" {
		return false
	}
	switch item {
	case "Jr.", "Jr", "Sr.", "Sr":
		return true
	}
	// Most items are other people: only an ordinal or a given name
	// before can make the item a style.
	if !isDigit(item[0]) && !givenName(prev) && !inEntry {
		return false
	}
	w, rest := firstField(item)
	if w == "the" && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
		return true // "Edward" + "the Black Prince": an epithet
	}
	ordinal := false
	if isOrdinal(w) {
		ordinal = true
		w, rest = firstField(rest)
	}
	if !lex.styles[w] {
		return false
	}
	if ordinal {
		return true
	}
	of, more := firstField(rest)
	switch of {
	case "of", "de", "von", "van", "di", "da", "du", "zu":
		return givenName(prev) || inEntry
	}
	// "William, Lord Hastings", "John Wenlock, Baron Wenlock": a peer's
	// style and title name, after his given name or inside one entry of
	// a list broken into lines.
	// Not "Lord Raglan, Lord Lucan": a name that has its style is whole.
	pw, _ := firstField(prev)
	r, _ := utf8.DecodeRuneInString(of)
	return unicode.IsUpper(r) && (more == "" || lex.fates[more] != "") && (givenName(prev) || inEntry) && !lex.styles[pw]
}

// givenName reports whether name is a given name alone ("Henri"): a name
// a style after a comma goes on. ("Charles IV, Duke of Lorraine" is one
// person, "Charles I, Duke of Buckingham" two: a regnal number decides
// nothing.)
func givenName(name string) bool {
	return !strings.ContainsRune(strings.TrimSpace(name), ' ')
}

// firstField splits s at its first space.
func firstField(s string) (first, rest string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// isOrdinal reports whether w is a number with an ordinal ending ("1st",
// "22nd", "3rd", "4th").
func isOrdinal(w string) bool {
	i := 0
	for i < len(w) && isDigit(w[i]) {
		i++
	}
	if i == 0 || i > 3 {
		return false
	}
	switch w[i:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// stateAtStart returns the length of the state's name the table knows
// that s opens with (the longest, up to four words), or 0.
func stateAtStart(s string, actors *actor.Table) int {
	if actors == nil {
		return 0
	}
	best, end := 0, 0
	for n := 0; n < 4; n++ {
		j := strings.IndexByte(s[end:], ' ')
		if j < 0 {
			break // the name itself must follow
		}
		end += j
		if _, kind, ok := actors.Lookup(s[:end]); ok && (kind == actor.KindState || kind == actor.KindFormer) {
			best = end
		}
		end++
	}
	return best
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// allLower reports whether every letter of s is lower case: no person's
// name in a script with case is written so. Letters without case (Chinese,
// Arabic) keep a name.
func allLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
