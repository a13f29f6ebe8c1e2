package infobox

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/timex"
)

// Recovering belligerents that the rendering lost.
//
// The plain-text rendering drops flag icons, and with them the names of
// many belligerents ("Combatant1: ," is two lost names). The article's own
// lead usually says who fought ("fought between India and Pakistan"), so
// the states it names there are candidates; each is put on the side the
// article's text links it to, by evidence:
//
//   - strong: a commander of the side is named right after the state in
//     the lead ("the Soviet Union (led by Joseph Stalin)", "Malian
//     President Moussa Traoré"), or led the state by the table of leaders
//     (actor.Table.Leader);
//   - medium: the side's units name the state ("Soviet Border Troops");
//   - weak: the side's figures are credited to the state ("Per India:");
//
// and, where no evidence decides, a side that has lost every name takes a
// candidate no other side claims, in the order the lead names them. A
// state in apposition to another ("Manchukuo, a Japanese puppet state")
// goes with it. Nothing is invented: every recovered name is one the lead
// writes.

const (
	evStrong = 3
	evUnits  = 2
	evAttrib = 1
)

// mention is an alias of the actor table found in a text.
type mention struct {
	canonical, kind string
	// written is the name as the text wrote it, for a former state ("the
	// Dutch Republic", whose canonical is Netherlands); else "".
	written    string
	start, end int // byte range in the text
	tok, ntok  int // token range
}

// maxAliasWords is the most tokens an alias spans that findMentions tries
// ("Union of Soviet Socialist Republics" is five).
const maxAliasWords = 6

// findMentions returns the table's aliases in text, longest first at each
// token, skipping halves of hyphenated compounds ("Soviet–Japanese").
func (lex *lexicon) findMentions(text string, toks []textscan.Token, actors *actor.Table, dst []mention) []mention {
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Kind != textscan.Word || !t.Upper {
			i++
			continue
		}
		if i > 0 && toks[i-1].Kind == textscan.Dash && !t.Space && !lex.dashedForce(text, toks, i-1) {
			i++
			continue
		}
		// The longest run an alias could span: capitalized words and the
		// small words inside names ("People's Republic of China").
		run := 1
		for run < maxAliasWords && i+run < len(toks) {
			u := toks[i+run]
			if u.Kind == textscan.Word && (u.Upper || lex.nameJoiners[text[u.Start:u.End]]) {
				run++
				continue
			}
			if u.Kind == textscan.Punct && !u.Space && (text[u.Start] == '\'' || text[u.Start] == '.') {
				run++
				continue
			}
			if u.Kind == textscan.Dash && !u.Space && text[u.Start] == '-' && i+run+1 < len(toks) && toks[i+run+1].Upper && !toks[i+run+1].Space {
				run++ // "Austria-Hungary", "Guinea-Bissau": one name
				continue
			}
			break
		}
		matched := 0
		// A polity the table lacks, named as polities are ("the Crimean
		// Khanate"), is that polity, though an alias stands inside it:
		// "the South African Republic" of 1900 is not South Africa.
		for n := run; n >= 2; n-- {
			if i+n <= len(toks) && lex.polityName(text, toks[i:i+n]) {
				if r := lex.rankBefore(text, toks[i:i+n]); r > 0 {
					if _, _, ok := actors.Lookup(text[toks[i+r].Start:toks[i+n-1].End]); ok || n-r != 3 && n-r != 2 {
						// "First Republic of Armenia" is the Republic of
						// Armenia of the table; "Islamic Republic of Iran
						// Navy" is no polity of one name. "The Old Swiss
						// Confederacy" is one.
						continue
					}
				}
				if _, _, ok := actors.Lookup(text[t.Start:toks[i+n-1].End]); !ok {
					dst = append(dst, mention{canonical: text[t.Start:toks[i+n-1].End], kind: actor.KindState, start: t.Start, end: toks[i+n-1].End, tok: i, ntok: n})
					matched = n
				}
				break
			}
		}
		for n := run; matched == 0 && n >= 1; n-- {
			j := i + n - 1
			if j >= len(toks) || !plainRun(text, toks[i:j+1]) {
				continue
			}
			if j+1 < len(toks) && toks[j+1].Kind == textscan.Dash && !toks[j+1].Space && !lex.dashedForce(text, toks, j+1) && !ledBy(text, toks, j+1) {
				continue
			}
			if toks[j].Kind != textscan.Word {
				continue
			}
			s := text[t.Start:toks[j].End]
			if canonical, kind, ok := actors.Lookup(s); ok {
				if lex.acronymOfLongerName(text, toks, i, j) {
					// "the Front for the Liberation of Occupied South
					// Yemen (FLOSY)": a group named after the state,
					// not the state.
					matched = n
					break
				}
				m := mention{canonical: canonical, kind: kind, start: t.Start, end: toks[j].End, tok: i, ntok: n}
				if kind == actor.KindFormer {
					m.written = s
				}
				dst = append(dst, m)
				matched = n
				break
			}
		}
		if matched == 0 {
			matched = 1
		}
		i += matched
	}
	return dst
}

// acronymOfLongerName reports a name, tokens i to j, followed by an
// acronym in brackets that spells the initials of a longer name ending
// with it: "Front for the Liberation of Occupied South Yemen (FLOSY)".
// The name is then the longer name's tail, and the acronym says where that
// name began (as in Schwartz and Hearst's abbreviation definitions).
func (lex *lexicon) acronymOfLongerName(text string, toks []textscan.Token, i, j int) bool {
	if j+3 >= len(toks) || text[toks[j+1].Start:toks[j+1].End] != "(" || text[toks[j+3].Start:toks[j+3].End] != ")" {
		return false
	}
	acr := text[toks[j+2].Start:toks[j+2].End]
	if len(acr) < 2 || strings.ToUpper(acr) != acr {
		return false
	}
	// Walk back from the name's last word, matching the acronym's letters
	// from its last, over the capitalized words; the small words inside
	// names ("for the", "of") carry no letter.
	n := len(acr)
	for k := j; k >= 0 && n > 0; k-- {
		u := toks[k]
		w := text[u.Start:u.End]
		switch {
		case u.Kind == textscan.Word && u.Upper:
			if w[0] != acr[n-1] {
				return false
			}
			n--
			if n == 0 {
				return k < i
			}
		case u.Kind == textscan.Word && (lex.nameJoiners[w] || w == "for"):
		default:
			return false
		}
	}
	return false
}

// dashedForce reports an en dash at token d between two capitalized
// words, the second followed by a plural noun of force or an alliance:
// each name is whole and a party ("a Bolivian–Peruvian alliance",
// "Franco–British forces"), where a hyphen makes one word of them
// ("Kara-Suu") and a name of a conflict is no party ("the
// Soviet–Japanese border conflicts").
func (lex *lexicon) dashedForce(text string, toks []textscan.Token, d int) bool {
	if text[toks[d].Start:toks[d].End] != "–" || d < 1 || d+2 >= len(toks) || !toks[d-1].Upper || !toks[d+1].Upper || toks[d+2].Kind != textscan.Word {
		return false
	}
	w := strings.ToLower(toks[d+2].Text(text))
	if lex.forceNouns[w] && (w == "alliance" || w == "coalition" || strings.HasSuffix(w, "s")) {
		return true
	}
	// "the German–Italian Panzer Army Africa": a force's own name, its
	// noun of force among its first words; not a war's ("the
	// Zembria–Ostra Border War", its noun of war after "Border").
	force := false
	for k := d + 2; k < len(toks) && k < d+5 && toks[k].Kind == textscan.Word && toks[k].Upper; k++ {
		w := strings.ToLower(toks[k].Text(text))
		if lex.hostile[w] {
			return false
		}
		force = force || lex.forceNouns[w]
	}
	return force
}

// ledBy reports a hyphen at token d and "led" right after it: the name
// before it led a force, a party of it ("a British-led campaign", "the
// Saudi-led coalition"). A force backed or supported by a state ("the
// Soviet-backed army") does not make that state a party.
func ledBy(text string, toks []textscan.Token, d int) bool {
	return d+1 < len(toks) && text[toks[d].Start:toks[d].End] == "-" && !toks[d+1].Space && text[toks[d+1].Start:toks[d+1].End] == "led"
}

// polityName reports a run of capitalized words that names a polity by
// its shape: words that are not themselves words of statehood, then a
// polity noun ("Crimean Khanate", "Aetolian League"), not opened by a
// determiner ("The Empire"); or a polity noun, "of" and a name
// ("Khanate of Khiva").
func (lex *lexicon) polityName(text string, toks []textscan.Token) bool {
	if !plainRun(text, toks) {
		return false
	}
	k := lex.rankBefore(text, toks)
	first, last := toks[k], toks[len(toks)-1]
	if len(toks)-k >= 3 && first.Kind == textscan.Word && lex.polities[text[first.Start:first.End]] && text[toks[k+1].Start:toks[k+1].End] == "of" {
		// "Khanate of Khiva", "Sultanate of Zanzibar": the noun, "of",
		// then a name.
		for _, t := range toks[k+2:] {
			if t.Kind != textscan.Word || !t.Upper || actor.StatehoodWord(text[t.Start:t.End]) {
				return false
			}
		}
		return true
	}
	if last.Kind != textscan.Word || !lex.polities[text[last.Start:last.End]] {
		return false
	}
	for _, t := range toks[k : len(toks)-1] {
		w := text[t.Start:t.End]
		if t.Kind != textscan.Word || !t.Upper || actor.StatehoodWord(w) || determinerWord(w) {
			return false
		}
	}
	return true
}

// rankBefore returns how many words of rank or statehood that are no
// polity noun open toks: "Grand" of "Grand Duchy of Moscow", "Great" of
// "Great Principality of Kiev".
func (lex *lexicon) rankBefore(text string, toks []textscan.Token) int {
	k := 0
	for k+1 < len(toks) && toks[k].Kind == textscan.Word && toks[k].Upper {
		w := text[toks[k].Start:toks[k].End]
		if lex.polities[w] || !actor.StatehoodWord(w) || determinerWord(w) {
			break
		}
		k++
	}
	return k
}

// plainRun reports whether the tokens form one name: words joined by
// spaces, apostrophes, hyphens or periods, no other punctuation.
func plainRun(text string, toks []textscan.Token) bool {
	for _, t := range toks {
		if t.Kind == textscan.Punct {
			c := text[t.Start]
			if c != '\'' && c != '.' && text[t.Start:t.End] != "’" {
				return false
			}
		}
	}
	return true
}

// candidate is a state the lead names as a party to the fighting.
type candidate struct {
	canonical string
	// name is the belligerent's name as the lead wrote it where that is a
	// former state's ("Dutch Republic"), else "" (see belligerent).
	name    string
	order   int
	cluster int    // index of the candidate this one goes with (itself when none)
	dashed  bool   // it goes with the one before by an en dash ("Bolivian–Peruvian")
	result  string // the result line, when it named the candidate and the lead did not
	// state is the state a polity the table lacks was, by its shape, a
	// name of ("the Somali Republic" in 1964: Somalia), else "".
	state string
}

// readLead reads the lead's first paragraph, lead, once: the parties it
// names (candidates), what it says of them (relations) and the states it
// names only as mediators.
//
// Candidates are states, groups and armies outside parentheses and not as
// places or mediators, adjectives only before a noun of force ("Chinese
// and Indian troops"), not already known. They are taken sentence by
// sentence until two parties and at least want candidates (the names the
// combatant lines lost) are found: a side whose four flags were lost may
// be told in the next sentence ("… invaded Zaire. The rebels were
// defeated by French and Belgian paratroopers"). Relations and mediators
// come from every sentence of the paragraph.
func (lex *lexicon) readLead(lead string, actors *actor.Table, known []string, want int, sc *leadScratch, at statesAt) (cands []candidate, rels []relation, mediators []string) {
	return lex.readParagraph(lead, actors, known, want, sc, true, sc.rels[:0], sc.mediators[:0], at)
}

// leadRelations appends to rels and mediators what a further paragraph of
// the lead says of the parties.
func (lex *lexicon) leadRelations(para string, actors *actor.Table, sc *leadScratch, rels []relation, mediators []string) ([]relation, []string) {
	_, rels, mediators = lex.readParagraph(para, actors, nil, 0, sc, false, rels, mediators, statesAt{})
	return rels, mediators
}

// readParagraph is readLead over one paragraph, appending to rels and
// mediators; with collect false it gathers no candidates.
func (lex *lexicon) readParagraph(lead string, actors *actor.Table, known []string, want int, sc *leadScratch, collect bool, rels []relation, mediators []string, at statesAt) (cands []candidate, _ []relation, _ []string) {
	// The lists are a handful long: a scan beats a map's allocation.
	out := sc.cands[:0]
	toks, ms, depth := sc.toks, sc.ms, sc.depth
	defer func() { sc.toks, sc.ms, sc.depth = toks[:0], ms[:0], depth[:0] }()
	var psBuf [16]mention
	// The former names the paragraph writes, wherever it writes them
	// ("in the Kingdom of Hungary"): the name a candidate of that state
	// named otherwise ("the army of Hungary") goes by.
	var writtenBuf [4][2]string
	written := writtenBuf[:0]
	enough := !collect
	for from := 0; from < len(lead); {
		// One sentence at a time: most leads name the sides in the first.
		end := sentenceEndByte(lead, from)
		sent := lead[from:end]
		from = end
		if cap(toks) < len(sent)/5+8 {
			toks = make([]textscan.Token, 0, len(sent)/5+8)
		}
		toks = textscan.Scan(sent, toks[:0])
		ms = lex.findMentions(sent, toks, actors, ms[:0])
		if len(ms) == 0 {
			continue
		}
		depth = parenDepths(sent, toks, depth[:0])
		ps := psBuf[:0]
		for _, m := range ms {
			if m.written != "" && len(written) < cap(written) {
				written = append(written, [2]string{m.canonical, m.written})
			}
			if depth[m.tok] > 0 {
				continue
			}
			if m.kind == actor.KindState || m.kind == actor.KindFormer || m.kind == actor.KindAbbreviation {
				if lex.mediatorAt(sent, toks, m) {
					mediators = appendNew(mediators, m.canonical)
					continue
				}
			}
			if lex.isParty(sent, toks, m) {
				ps = append(ps, m)
			}
		}
		rels = lex.relate(sent, toks, depth, ps, rels)
		if enough {
			continue
		}
		prev := -1 // index in out of the last party found
		prevEnd := -1
		for _, m := range ps {
			if isMediator(m.canonical, mediators, rels) {
				continue
			}
			c, ok := candidateIndex(out, m.canonical)
			if !ok && !containsName(known, m.canonical) && (!notYetState(sent, toks, m, at) || writtenFormer(written, m.canonical)) {
				c = len(out)
				out = append(out, candidate{canonical: m.canonical, name: m.written, order: c, cluster: c, state: stateOfPolity(m, actors, at)})
				ok = true
			}
			// "Manchukuo, a Japanese puppet state": the adjective's state
			// goes with the state it stands in apposition to.
			// "a Bolivian–Peruvian alliance": the two go together too.
			if ok && prev >= 0 && prev != c && appositive(sent, toks, prevEnd, m.tok) && !(m.tok-prevEnd == 1 && (m.kind == actor.KindState || m.kind == actor.KindFormer) && !possessiveAt(sent, toks, m.tok+m.ntok)) {
				// "Manchukuo, a Japanese puppet state", "Manchukuo,
				// Japan's puppet": one side; a bare comma before a state's
				// own name is a list ("among the Soviet Union, Mongolia,
				// Japan and Manchukuo"), which says no side.
				out[c].cluster = out[prev].cluster
			} else if ok && prev >= 0 && prev != c && m.tok == prevEnd+1 && lex.dashedForce(sent, toks, prevEnd) {
				out[c].cluster, out[c].dashed = out[prev].cluster, true
			}
			if ok {
				prev = c
			} else {
				prev = -1
			}
			prevEnd = m.tok + m.ntok
		}
		enough = len(out) > 0 && len(out)+len(known) >= 2 && len(out) >= want
	}
	for i := range out {
		for _, w := range written {
			if out[i].name == "" && out[i].canonical == w[0] {
				out[i].name = w[1]
			}
		}
	}
	// A mediator named as a party in an earlier sentence is none.
	for i := 0; i < len(out); i++ {
		if !isMediator(out[i].canonical, mediators, rels) {
			continue
		}
		for j := range out {
			if out[j].cluster == i {
				out[j].cluster = j
			}
		}
		out[i].cluster = -1
	}
	k := 0
	var remap [32]int
	for i := range out {
		if i < len(remap) {
			remap[i] = -1
		}
		if out[i].cluster < 0 || i >= len(remap) {
			continue
		}
		remap[i] = k
		out[k] = out[i]
		k++
	}
	out = out[:k]
	for i := range out {
		out[i].order = i
		if c := out[i].cluster; c < len(remap) && remap[c] >= 0 {
			out[i].cluster = remap[c]
		} else {
			out[i].cluster = i
		}
	}
	sc.cands = out[:0]
	return out, rels, mediators
}

// writtenFormer reports whether the lead writes a former name of the
// state canonical ("the Kingdom of Hungary" in 1526): the state existed
// then under it, whenever the table's state of that name was founded.
func writtenFormer(written [][2]string, canonical string) bool {
	for _, w := range written {
		if w[0] == canonical {
			return true
		}
	}
	return false
}

// notYetState reports a mention of a state not yet founded then, by its
// adjective or demonym ("Italian and Eritrean troops" in 1896 were men
// of a colony, not a belligerent state), or by its name as a land, with
// "the" before it ("to reconquer the Sudan" in 1898). A state named
// plainly ("the army of Hungary" in 1526) may be an older state of that
// name the table does not list.
func notYetState(text string, toks []textscan.Token, m mention, at statesAt) bool {
	switch m.kind {
	case actor.KindAdjective, actor.KindDemonym:
	case actor.KindState:
		if m.tok == 0 || !strings.EqualFold(toks[m.tok-1].Text(text), "the") {
			return false
		}
	default:
		return false
	}
	return at.notYet(m.canonical)
}

// stateOfPolity returns the state that m, a polity the table lacks named
// as polities are around a state's name or adjective, was at the time of
// at: "the Somali Republic" of 1964 is Somalia, which the table of states
// knows by then; "the South African Republic" of 1899 is not South
// Africa, founded in 1910. It returns "" for any other mention, and
// without a table of states, which cannot tell the two apart.
func stateOfPolity(m mention, actors *actor.Table, at statesAt) string {
	if m.kind != actor.KindState || at.states == nil {
		return ""
	}
	if _, _, ok := actors.Lookup(m.canonical); ok {
		return ""
	}
	if strings.HasSuffix(m.canonical, " Empire") {
		// "The British Empire" of 1879 is the United Kingdom with its
		// colonies: a realm the sources name as a belligerent of its own.
		return ""
	}
	in := actors.StatesIn(m.canonical)
	if len(in) != 1 || !at.existed(in[0]) {
		return ""
	}
	return in[0]
}

// keptElsewhere reports name, or the state the table calls it, among the
// names a side other than s kept.
func keptElsewhere(name string, s int, known []string, knownSide []int, actors *actor.Table) bool {
	c, _, _ := actors.Lookup(name)
	for i, n := range known {
		if knownSide[i] != s && (n == name || c != "" && n == c) {
			return true
		}
	}
	return false
}

// ledByNeedy reports a side other than s that lost names and has a
// commander the table of leaders says led state: the "Commune of the
// Working People of Estonia" kept on one side holds Estonia, but Päts
// commanding the other says Estonia is the name that side lost.
func ledByNeedy(sides []annalist.Side, need []bool, s int, state string, actors *actor.Table) bool {
	for t := range sides {
		if t == s || !need[t] {
			continue
		}
		for _, cm := range sides[t].Commanders {
			if st, ok := actors.Leader(cm.Name); ok && st == state {
				return true
			}
		}
	}
	return false
}

// containsName reports whether list holds name, the same name with its
// words in another order ("Sultanate of Johor" for "Johor Sultanate"),
// or the place a state's name is of ("Artsakh" for "Republic of
// Artsakh").
func containsName(list []string, name string) bool {
	if contains(list, name) {
		return true
	}
	if p := actor.PlaceOfState(name); p != "" && contains(list, p) {
		// "the self-declared Republic of Artsakh" of a kept "Artsakh".
		return true
	}
	var buf [8]string
	words := nameWords(name, buf[:0])
	for _, n := range list {
		var nbuf [8]string
		if w := nameWords(n, nbuf[:0]); len(w) > 1 && slices.Equal(w, words) {
			return true
		}
	}
	return false
}

// nameWords appends the words of a name to dst, lower-cased and sorted,
// without "of" and "the".
func nameWords(name string, dst []string) []string {
	for _, w := range strings.Fields(name) {
		if w = strings.ToLower(w); w != "of" && w != "the" {
			dst = append(dst, w)
		}
	}
	slices.Sort(dst)
	return dst
}

// isMediator reports whether the lead names name only as a mediator: among
// mediators, and never as fighting another party.
func isMediator(name string, mediators []string, rels []relation) bool {
	if !contains(mediators, name) {
		return false
	}
	for _, r := range rels {
		if r.kind == relOpposite && (r.a == name || r.b == name) {
			return false
		}
	}
	return true
}

// candidateIndex returns the index of canonical's candidate in cands.
func candidateIndex(cands []candidate, canonical string) (int, bool) {
	for i := range cands {
		if cands[i].canonical == canonical {
			return i, true
		}
	}
	return 0, false
}

// leadScratch holds readLead's buffers between calls.
type leadScratch struct {
	cands     []candidate
	toks      []textscan.Token
	ms        []mention
	depth     []int
	rels      []relation
	mediators []string
}

// isParty decides whether a mention in the lead names a party to the fight.
func (lex *lexicon) isParty(text string, toks []textscan.Token, m mention) bool {
	next := m.tok + m.ntok
	word := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].Kind != textscan.Word {
			return ""
		}
		return strings.ToLower(toks[i].Text(text))
	}
	switch m.kind {
	case actor.KindAdjective, actor.KindDemonym:
		if ledBy(text, toks, next) {
			return true // "a British-led campaign"
		}
		// Skip the coordinated adjectives after it: "Chinese and Indian
		// troops", "British, French and Russian warships", "a
		// Bolivian–Peruvian alliance".
		j := next
		for j+1 < len(toks) && toks[j+1].Kind == textscan.Word && (toks[j+1].Upper || word(j+1) == "the" && j+2 < len(toks) && toks[j+2].Upper) {
			w := word(j)
			last := w == "and" || w == "or"
			dash := toks[j].Kind == textscan.Dash && !toks[j].Space && !toks[j+1].Space
			if !last && !dash && (toks[j].Kind != textscan.Punct || text[toks[j].Start] != ',') {
				break
			}
			if word(j+1) == "the" {
				j++ // "the Russian and the Ottoman armies"
			}
			// Over the next adjective, of one word or more ("Gran
			// Colombian").
			j += 2
			for j < len(toks) && toks[j].Upper && toks[j].Kind == textscan.Word && !lex.forceNouns[word(j)] {
				j++
			}
			if last {
				break
			}
		}
		if lex.forceNouns[word(j)] {
			return true
		}
		// "the Austrian Northern Army", "the French Far East
		// Expeditionary Corps": a unit's name, its noun of force last.
		for k := j; k < len(toks) && k < j+4 && toks[k].Kind == textscan.Word && toks[k].Upper; k++ {
			if lex.forceNouns[word(k)] {
				return k > j && !ofAnotherState(text, toks, k+1)
			}
		}
		if w := word(j); lex.hostile[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && len(w) > 3 {
			// "The Turkish invasion of Cyprus": a noun of hostility after
			// the adjective names the state that did it.
			return true
		}
		// A plural demonym standing as a noun ("the Soviets").
		return m.kind == actor.KindDemonym && strings.HasSuffix(text[m.start:m.end], "s") && word(next) == ""
	case actor.KindArmy:
		return true // "the Estonian Army and its allies": a state in arms
	default:
		// "Tibet Autonomous Region": part of a longer proper name; but
		// "the Hyderabad State Forces" are the polity's own forces.
		if next < len(toks) && toks[next].Kind == textscan.Word && toks[next].Upper {
			return lex.forceNouns[word(next)]
		}
		j := m.tok - 1
		for j >= 0 && lex.compass[word(j)] {
			j--
		}
		// "forces of the Empire of Japan", "with the support of Jordan",
		// "on the side of Ethiopia": a noun of force or of alliance before
		// "of" makes the state a party, not a place.
		if w := word(j); w == "of" && (lex.forceNouns[word(j-1)] || lex.ally[word(j-1)]) {
			return true
		}
		if word(j) == "of" && lex.seats[word(j-1)] {
			// "the capture of Kell, capital of the Byzantine Empire",
			// "the invasion of the territory of X": the state whose seat
			// was struck is a party, not the place of the fight.
			// Not "fought near the capital of X": a preposition of place
			// between makes it where the fight was.
			for k := j - 2; k >= 0 && k >= j-6; k-- {
				w := word(k)
				if lex.hostile[w] || lex.forceNouns[w] {
					return true
				}
				if lex.locatives[w] && w != "of" {
					break
				}
			}
		}
		if word(j) == "of" && word(j-1) == "those" {
			// "the forces of Peru and Chile … and those of Bolivia":
			// the pronoun stands for the noun of force told before it.
			for k := j - 3; k >= 0; k-- {
				if lex.forceNouns[word(k)] && word(k+1) == "of" {
					return true
				}
			}
		}
		if word(j) == "into" && lex.moveInto[word(j-1)] {
			return true // "crossed into the Zulu Kingdom": invaded it
		}
		if w := word(j); len(w) > 4 && strings.HasSuffix(w, "ed") && (lex.locatives[word(j-1)] || word(j-1) == "from") && word(j-1) != "of" {
			// "an incursion into Saudi Arabia from occupied Kuwait": the
			// land, told by what had been done to it, is a place.
			return false
		}
		if j >= 1 && toks[j].Upper && toks[j].Kind == textscan.Word && timex.Month(word(j)) == 0 && lex.locatives[word(j-1)] && word(j-1) != "of" {
			// "still in use in Sweden and in Protestant Germany": a land
			// told by what its people were, a place, not a party.
			return false
		}
		if w := word(j); w == "modern" || w == "day" && (word(j-2) == "present" || word(j-2) == "modern") {
			// "in present-day Ecuador", "modern Iraq": a place called
			// by the state that holds it now, not a party of the time.
			return false
		}
		if word(j) == "the" && lex.locatives[word(j-1)] && (word(j-1) == "now" || word(j-1) == "then") {
			// "in what was then the United Kingdom of the Netherlands":
			// the place, by its name of the time.
			return false
		}
		if w := word(j); w == "and" || w == "or" || j >= 0 && toks[j].Kind == textscan.Punct && text[toks[j].Start] == ',' {
			// "pursued them over Egypt and Libya": the last of places
			// joined under one preposition is a place too.
			k := j - 1
			for k >= 0 && toks[k].Kind == textscan.Word && toks[k].Upper {
				k--
			}
			if k < j-1 && lex.locatives[word(k)] && word(k) != "of" {
				return false
			}
		}
		return !lex.locatives[word(j)]
	}
}

// ofAnotherState reports "of the" and a capitalised name from token i,
// after an abbreviation in parentheses: "the Egyptian Expeditionary Force (EEF)
// of the British Empire" is the British Empire's force, named for where
// it stood, not Egypt's.
func ofAnotherState(text string, toks []textscan.Token, i int) bool {
	if i+2 < len(toks) && text[toks[i].Start] == '(' {
		for i < len(toks) && text[toks[i].Start] != ')' {
			i++
		}
		i++
	}
	// "of the" before the name: not "the Austrian Northern Army of
	// Feldzeugmeister Benedek", its commander.
	return i+2 < len(toks) && strings.EqualFold(toks[i].Text(text), "of") && strings.EqualFold(toks[i+1].Text(text), "the") &&
		toks[i+2].Upper && toks[i+2].Kind == textscan.Word
}

// possessiveAt reports an apostrophe at token i, glued to the word before
// it: "Japan's".
func possessiveAt(text string, toks []textscan.Token, i int) bool {
	return i < len(toks) && !toks[i].Space && textscan.Apostrophe(toks[i].Text(text))
}

// appositive reports whether the tokens between a and b are ", a" or ", an"
// (or just ","), so that the mention at b stands in apposition.
func appositive(text string, toks []textscan.Token, a, b int) bool {
	if a < 0 || b-a < 1 || b-a > 3 || toks[a].Kind != textscan.Punct || text[toks[a].Start] != ',' {
		return false
	}
	for i := a + 1; i < b; i++ {
		w := strings.ToLower(toks[i].Text(text))
		if w != "a" && w != "an" && w != "the" {
			return false
		}
	}
	return true
}

// parenDepths returns the parenthesis depth at each token.
func parenDepths(text string, toks []textscan.Token, d []int) []int {
	d = append(d[:0], make([]int, len(toks))...)
	depth := 0
	for i, t := range toks {
		if t.Kind == textscan.Punct {
			switch text[t.Start] {
			case '(':
				depth++
			case ')':
				if depth > 0 {
					depth--
				}
			}
		}
		d[i] = depth
		if t.Kind == textscan.Punct && text[t.Start] == '(' {
			d[i] = depth
		}
	}
	return d
}

// sentenceEndByte returns the offset after the sentence that starts at
// s[from:]: after a '.', '!' or '?' outside parentheses that a space and
// a capital or digit follow, where the period does not end an initial
// ("V. P. Malik"); or the end of s.
func sentenceEndByte(s string, from int) int {
	depth := 0
	for i := from; i < len(s); i++ {
		switch c := s[i]; c {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case '.', '!', '?':
			if depth > 0 || i+2 >= len(s) || s[i+1] != ' ' {
				continue
			}
			n := s[i+2]
			if !(n >= 'A' && n <= 'Z' || isDigit(n) || n >= utf8.RuneSelf) {
				continue
			}
			if c == '.' && i >= 1 && s[i-1] >= 'A' && s[i-1] <= 'Z' && (i == 1 || s[i-2] == ' ' || s[i-2] == '.') {
				continue // an initial
			}
			return i + 1
		}
	}
	return len(s)
}

// reason is one piece of evidence, formatted only for the notes of
// candidates that were placed: before + side number + middle + what +
// after, or plain alone.
type reason struct {
	before string
	side   int
	middle string
	what   string
	after  string
	plain  string
}

// writeTo appends the reason's text to b.
func (r reason) writeTo(b *strings.Builder) {
	if r.plain != "" {
		b.WriteString(r.plain)
		return
	}
	b.WriteString(r.before)
	b.WriteString(strconv.Itoa(r.side))
	b.WriteString(r.middle)
	b.WriteString(r.what)
	b.WriteString(r.after)
}

// placedReason is a reason linking cluster k to side s.
type placedReason struct {
	k, s int
	why  reason
}

// sideEvidence is what links candidates to sides.
type sideEvidence struct {
	ns      int
	score   []int          // [cluster*ns+side]
	reasons []placedReason // in the order they were found
}

// maxCandidates is the most lead candidates recoverBelligerents weighs:
// enough for a coalition of seven with its two foes.
const maxCandidates = 9

// candidateCap returns how many candidates assign may weigh for ns sides:
// maxCandidates while its search over every placement, (ns+1) to the
// power of the candidates, stays within searchBudget, and at least six.
func candidateCap(ns int) int {
	n, size := 0, 1
	for n < maxCandidates && size*(ns+1) <= searchBudget {
		n++
		size *= ns + 1
	}
	return max(n, 6)
}

// searchBudget bounds the placements assign tries: a lead naming many
// states against five sides must not take seconds.
const searchBudget = 100000

// recoverBelligerents fills lost belligerents of sides from the lead.
//
// at tells whether the state a canonical name stands for existed under
// that name at the conflict's start: where it did not ("Netherlands" in
// 1665), a former state's name the lead wrote ("the Dutch Republic") is
// kept, as a combatant line keeps it, or the common name the state had
// then ("Great Britain" for "British" in 1746); where it did ("Iraq"
// in 1941, for "the Kingdom of Iraq"), the common name is used. A state
// founded only after the conflict, named by its name or its people's
// adjective, is no candidate.
func (lex *lexicon) recoverBelligerents(a *annalist.Article, sides []annalist.Side, lines []combatants, actors *actor.Table, at statesAt) {
	need := make([]bool, len(sides))
	anyNeed := false
	want := 0 // names to recover: each lost one, or one for a side without any
	for s := range sides {
		need[s] = !lines[s].present || lines[s].lost > 0 || lines[s].nameCount() == 0
		anyNeed = anyNeed || need[s]
		if need[s] {
			want += max(lines[s].lost, 1)
		}
	}
	if !anyNeed || len(sides) == 0 {
		return
	}
	var paraBuf [8]string
	paras := leadParagraphs(a, paraBuf[:0])
	if len(paras) == 0 {
		return
	}
	// The names the combatant lines kept, as written and as the table
	// names them ("Upper Volta" is "Burkina Faso" in the lead's mentions).
	var knownBuf [16]string
	var knownSideBuf [16]int
	known, knownSide := knownBuf[:0], knownSideBuf[:0]
	for s := range sides {
		for _, n := range lines[s].slots {
			if n == "" {
				continue
			}
			if !contains(known, n) {
				known, knownSide = append(known, n), append(knownSide, s)
			}
			if c, kind, ok := actors.Lookup(n); ok && !(kind == actor.KindCompany && lines[s].lost > 0) && !contains(known, c) {
				// Not a chartered company's state where the company's line
				// lost a name: the flag lost beside "East India Company" is
				// often the United Kingdom's.
				known, knownSide = append(known, c), append(knownSide, s)
			}
		}
	}
	// "Russian Empire" kept: the lead's "Russian armies" are its, not a
	// second state's. A state a side names outright is that side's,
	// though another side's name holds it too ("Finnish Democratic
	// Republic" against Finland). A group named after a state's people
	// ("Bulgarian Volunteer Front") is not that state.
	for s := range sides {
		for _, n := range lines[s].slots {
			if n == "" || actor.GroupName(n) {
				continue
			}
			own, _, _ := actors.Lookup(n)
			in := actors.StatesIn(n)
			for _, c := range in {
				if own != "" && c != own && contains(in, own) {
					// "British India": the name holds its own state, India,
					// and "British" says whose colony it was; the United
					// Kingdom is a state of its own, which the line may
					// have lost.
					continue
				}
				if !contains(known, c) && !ledByNeedy(sides, need, s, c, actors) {
					known, knownSide = append(known, c), append(knownSide, s)
				}
			}
		}
	}
	sc, _ := lex.leadScratch.Get().(*leadScratch)
	if sc == nil {
		sc = new(leadScratch)
	}
	defer lex.leadScratch.Put(sc)
	// A state the infobox lists as a side's supporter ("Supported by:")
	// did not fight: it is no name to recover, wherever the lead puts it.
	notCand := known
	for s := range sides {
		for _, n := range sides[s].Supporters {
			if !contains(notCand, n) {
				notCand = append(notCand[:len(notCand):len(notCand)], n)
			}
		}
	}
	cands, rels, mediators := lex.readLead(paras[0], actors, notCand, want, sc, at)
	defer func() { sc.rels, sc.mediators = rels[:0], mediators[:0] }()
	var skipBuf [4]string
	skip := skipBuf[:0]
	for _, m := range mediators {
		if isMediator(m, mediators, rels) {
			skip = append(skip, m)
		}
	}
	leadNamed := len(cands)
	for s := range sides {
		if need[s] && len(sides[s].Units) > 0 && (!lines[s].present && len(cands)+len(known) < 2 || leadNamed == 0) {
			// No combatant line at all, and the lead names no other
			// party, or the lead names no party the line lost: the
			// side's own units say whose they were ("Islamic Republic of
			// Iran Navy", "British Army").
			for _, u := range sides[s].Units {
				cands = lex.nameCandidates(u, actors, notCand, skip, sc, cands)
			}
		}
	}
	for s := range sides {
		if !need[s] || len(cands) >= want {
			continue
		}
		// A side's commander the table of leaders knows names a state of
		// that side where the lead names too few, calling the side
		// otherwise ("MacArthur" under "the United Nations Command").
		for _, cm := range sides[s].Commanders {
			st, ok := actors.Leader(cm.Name)
			if !ok || containsName(notCand, st) || contains(skip, st) || at.notYet(st) {
				continue // Louis Botha led South Africa only after his war
			}
			if _, dup := candidateIndex(cands, st); !dup {
				cands = append(cands, candidate{canonical: st, order: len(cands), cluster: len(cands)})
			}
		}
	}
	if len(cands)+len(known) < 2 {
		// The result line names the winner: a party, wherever it fought.
		if r := textField(a, "result"); r != nil {
			cands = lex.resultCandidates(*r, actors, known, skip, sc, cands)
		}
	}
	if len(cands) == 0 {
		return
	}
	if n := candidateCap(len(sides)); len(cands) > n {
		cands = cands[:n]
	}
	// Clusters: candidates that go together, numbered in lead order.
	// Roots index cands, so they stay below maxCandidates.
	var clusterOfBuf [maxCandidates]int
	var rootBuf [maxCandidates]int
	nClusters := 0
	clusterOf := clusterOfBuf[:len(cands)]
	for i := range rootBuf {
		rootBuf[i] = -1
	}
	for i, c := range cands {
		r := c.cluster
		for cands[r].cluster != r {
			r = cands[r].cluster
		}
		k := rootBuf[r]
		if k < 0 {
			k = nClusters
			nClusters++
			rootBuf[r] = k
		}
		clusterOf[i] = k
	}
	ns := len(sides)
	var reasonBuf [8]placedReason
	var scoreBuf [maxCandidates * (maxSides + 1)]int
	var score []int
	if nClusters*ns <= len(scoreBuf) {
		score = scoreBuf[:nClusters*ns]
	} else {
		score = make([]int, nClusters*ns)
	}
	ev := sideEvidence{ns: ns, score: score, reasons: reasonBuf[:0]}
	credit := func(canonical string, s, w int, why reason) {
		for i, c := range cands {
			if c.canonical == canonical {
				k := clusterOf[i]
				ev.score[k*ns+s] += w
				for _, r := range ev.reasons {
					if r.k == k && r.s == s && r.why == why {
						return
					}
				}
				ev.reasons = append(ev.reasons, placedReason{k, s, why})
				return
			}
		}
	}
	ms := sc.ms
	toks := sc.toks
	defer func() { sc.toks, sc.ms = toks[:0], ms[:0] }()
	for s := range sides {
		// Commanders named in the lead right after a state.
		for _, cm := range sides[s].Commanders {
			if state, ok := actors.Leader(cm.Name); ok {
				credit(state, s, evStrong, reason{"commander ", s + 1, " ", cm.Name, " led it (table of leaders)", ""})
			}
			if len(cm.Name) < 4 {
				continue
			}
			for _, lead := range paras {
				for off := 0; ; {
					i := strings.Index(lead[off:], cm.Name)
					if i < 0 {
						break
					}
					p := off + i
					off = p + len(cm.Name)
					w := lead[max(0, p-90):p]
					if e := strings.LastIndex(w, ". "); e >= 0 {
						w = w[e+2:]
					}
					toks = textscan.Scan(w, toks[:0])
					if len(toks) > 7 {
						k := len(toks) - 7
						w = w[toks[k].Start:]
						toks = textscan.Scan(w, toks[:0])
					}
					ms = lex.findMentions(w, toks, actors, ms[:0])
					if len(ms) > 0 {
						m := ms[len(ms)-1]
						credit(m.canonical, s, evStrong, reason{"the lead names commander ", s + 1, " ", cm.Name, " with it", ""})
					}
				}
			}
		}
		for _, u := range sides[s].Units {
			toks = textscan.Scan(u, toks[:0])
			ms = lex.findMentions(u, toks, actors, ms[:0])
			for _, m := range ms {
				credit(m.canonical, s, evUnits, reason{"units ", s + 1, " name it (", u, ")", ""})
			}
		}
		// Each source once, in the order the figures give them, so that
		// the note reads the same on every run.
		var attribBuf [8]string
		attribs := attribBuf[:0]
		for _, figs := range [2][]annalist.Figure{sides[s].Casualties, sides[s].Strength} {
			for _, f := range figs {
				if f.AccordingTo != nil && !contains(attribs, *f.AccordingTo) {
					attribs = append(attribs, *f.AccordingTo)
				}
			}
		}
		for _, at := range attribs {
			toks = textscan.Scan(at, toks[:0])
			ms = lex.findMentions(at, toks, actors, ms[:0])
			for _, m := range ms {
				credit(m.canonical, s, evAttrib, reason{"figures ", s + 1, " are credited to \"", at, "\"", ""})
			}
		}
	}
	// What the lead says of the parties: a candidate against or beside a
	// name a combatant line kept goes on the other side or on its side;
	// two candidates against or beside each other weigh on the choice.
	clusterOfName := func(name string) int {
		for i, c := range cands {
			if c.canonical == name {
				return clusterOf[i]
			}
		}
		return -1
	}
	sideOfKnown := func(name string) int {
		for i, n := range known {
			if n == name {
				return knownSide[i]
			}
		}
		return -1
	}
	var pairBuf [8]pairRel
	pairs := pairBuf[:0]
	applyRels := func(rels []relation) {
		for _, r := range rels {
			ka, kb := clusterOfName(r.a), clusterOfName(r.b)
			sa, sb := sideOfKnown(r.a), sideOfKnown(r.b)
			switch {
			case ka >= 0 && kb >= 0:
				if ka != kb {
					pairs = append(pairs, pairRel{ka, kb, r.kind, r.text})
				}
			case ka >= 0 && sb >= 0:
				lex.relEvidence(&ev, r, r.a, ka, sb, credit)
			case kb >= 0 && sa >= 0:
				lex.relEvidence(&ev, r, r.b, kb, sa, credit)
			}
		}
	}
	applyRels(rels)
	// Figures a side's line credits to a state by name are that side's;
	// so are the people a figure names by their nation ("40 Chilean
	// soldiers killed").
	for s := range sides {
		for _, figs := range [2][]annalist.Figure{sides[s].Casualties, sides[s].Strength} {
			for _, f := range figs {
				if f.Belligerent != "" {
					credit(f.Belligerent, s, evStrong, reason{"figures ", s + 1, " are given for it (\"", f.Text, "\")", ""})
					continue
				}
				if !hasCapital(f.Text) {
					continue // "350 tanks destroyed": no name to look for
				}
				toks = textscan.Scan(f.Text, toks[:0])
				ms = lex.findMentions(f.Text, toks, actors, ms[:0])
				for _, m := range ms {
					credit(m.canonical, s, evUnits, reason{"figures ", s + 1, " name it (\"", f.Text, "\")", ""})
				}
			}
		}
	}
	// When the first paragraph leaves a party without evidence of its
	// side, the rest of the lead may say more ("In 1963 Chile invaded
	// Bolivia", "a truce brokered by Argentina"): read it too, then.
	if len(paras) > 1 && !allGrounded(ev, pairs, nClusters) {
		more := rels[len(rels):]
		var moreMed []string
		for _, p := range paras[1:] {
			more, moreMed = lex.leadRelations(p, actors, sc, more, moreMed)
		}
		applyRels(more)
		for _, m := range moreMed {
			if k := clusterOfName(m); k >= 0 && isMediator(m, moreMed, more) && isMediator(m, moreMed, rels) {
				for s := range ns {
					ev.score[k*ns+s] += forbidden
				}
			}
		}
	}
	var choiceBuf [maxCandidates]int
	// A line that lost n names takes at most n of the lead's parties
	// (or clusters of them): "Combatant1: , Turkish Resistance
	// Organisation" lost one, Turkey, not Greece besides it.
	var capBuf [maxSides + 1]int
	limit := capBuf[:0]
	for s := range sides {
		c := maxCandidates
		if lines[s].present && lines[s].lost > 0 {
			c = lines[s].lost
		}
		limit = append(limit, c)
	}
	// Each side in need wants as many names as its line lost, or one.
	var wantBuf [maxSides + 1]int
	wants := wantBuf[:0]
	for s := range sides {
		wants = append(wants, max(lines[s].lost, 1))
	}
	choice := assign(ev.score, ns, need, limit, wants, pairs, choiceBuf[:])
	for k, cs := range choice {
		// "White Russian" read as Russia, which in 1918 is Soviet Russia,
		// kept by the other side: a name another side keeps is no name
		// this side lost.
		var buf [maxCandidates]int
		for _, i := range clusterMembers(clusterOf, k, buf[:0]) {
			if cs >= 0 && keptElsewhere(cands[i].belligerent(at), cs, known, knownSide, actors) {
				choice[k] = -1
			}
		}
	}
	// The relations the choice agrees with are reasons too.
	for _, p := range pairs {
		sa, sb := choice[p.a], choice[p.b]
		if sa < 0 || sb < 0 || (p.kind == relOpposite) != (sa != sb) {
			continue
		}
		why := reason{plain: "the lead says \"" + p.text + "\""}
		ev.reasons = append(ev.reasons, placedReason{p.a, sa, why}, placedReason{p.b, sb, why})
	}
	needCount := 0
	for _, n := range need {
		if n {
			needCount++
		}
	}
	for s := range sides {
		// The names placed on s, cluster by cluster in lead order.
		var recBuf [maxCandidates]string
		rec := recBuf[:0]
		for k, cs := range choice {
			if cs != s {
				continue
			}
			var buf [maxCandidates]int
			for _, i := range clusterMembers(clusterOf, k, buf[:0]) {
				rec = append(rec, cands[i].belligerent(at))
			}
		}
		if len(rec) == 0 {
			continue
		}
		// Lost slots take the recovered names in order; the rest go first.
		used := 0
		kept := 0
		for _, slot := range lines[s].slots {
			if slot == "" && used < len(rec) {
				used++
			} else if slot != "" {
				kept++
			}
		}
		bell := make([]string, 0, len(rec)-used+used+kept)
		bell = append(bell, rec[used:]...)
		next := 0
		for _, slot := range lines[s].slots {
			if slot == "" && next < used {
				bell = append(bell, rec[next])
				next++
			} else if slot != "" {
				bell = append(bell, slot)
			}
		}
		sides[s].Belligerents = bell

		var b strings.Builder
		b.Grow(256)
		switch {
		case !lines[s].present:
			b.WriteString("no Combatant")
			b.WriteString(strconv.Itoa(s + 1))
			b.WriteString(" line")
		case lines[s].lost > 0:
			b.WriteString("Combatant")
			b.WriteString(strconv.Itoa(s + 1))
			b.WriteString(" lost ")
			b.WriteString(strconv.Itoa(lines[s].lost))
			b.WriteString(" name(s) in the rendering (flag icons)")
		default:
			b.WriteString("Combatant")
			b.WriteString(strconv.Itoa(s + 1))
			b.WriteString(" keeps ")
			j := 0
			for _, n := range lines[s].slots {
				if n == "" {
					continue
				}
				if j > 0 {
					b.WriteString(", ")
				}
				j++
				b.WriteString(n)
			}
		}
		b.WriteString("; recovered from the lead: ")
		first := true
		for k, cs := range choice {
			if cs != s {
				continue
			}
			if !first {
				b.WriteString("; ")
			}
			first = false
			var buf [maxCandidates]int
			members := clusterMembers(clusterOf, k, buf[:0])
			for j, i := range members {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(cands[i].belligerent(at))
			}
			b.WriteString(": ")
			hasReason := false
			for _, r := range ev.reasons {
				if r.k != k || r.s != s {
					continue
				}
				if hasReason {
					b.WriteString("; ")
				}
				hasReason = true
				r.why.writeTo(&b)
			}
			for _, i := range members {
				if r := cands[i].result; r != "" {
					if hasReason {
						b.WriteString("; ")
					}
					hasReason = true
					b.WriteString("the result line names it (\"")
					b.WriteString(r)
					b.WriteString("\"), so it fought")
				}
			}
			if !hasReason {
				b.WriteString("the lead names it as a party")
			}
			// Evidence for this side, or against a party whose side has
			// evidence? Else only the lead's order placed it.
			if !grounded(ev, pairs, choice, k) {
				if needCount == 1 {
					b.WriteString("; the only side that had lost its names")
				} else {
					b.WriteString("; thin evidence: nothing in the article says which side it fought on, so it is placed in the lead's order")
				}
			}
			if len(members) > 1 {
				b.WriteString("; the lead sets ")
				dashed := false
				for j, i := range members[1:] {
					if j > 0 {
						b.WriteString(", ")
					}
					b.WriteString(cands[i].canonical)
					dashed = dashed || cands[i].dashed
				}
				if dashed {
					b.WriteString(" with a dash after ")
				} else {
					b.WriteString(" in apposition to ")
				}
				b.WriteString(cands[members[0]].canonical)
			}
		}
		sides[s].BelligerentsNote = b.String()
	}
}

// clusterMembers appends to dst the candidates in cluster k, in lead order.
func clusterMembers(clusterOf []int, k int, dst []int) []int {
	for i, c := range clusterOf {
		if c == k {
			dst = append(dst, i)
		}
	}
	return dst
}

// allGrounded reports whether every cluster has evidence for some side of
// its own, or a relation to one that has.
func allGrounded(ev sideEvidence, pairs []pairRel, nClusters int) bool {
	own := func(k int) bool {
		for s := range ev.ns {
			if ev.score[k*ev.ns+s] > 0 {
				return true
			}
		}
		return false
	}
	for k := range nClusters {
		if own(k) {
			continue
		}
		ok := false
		for _, p := range pairs {
			ok = ok || p.a == k && own(p.b) || p.b == k && own(p.a)
		}
		if !ok {
			return false
		}
	}
	return true
}

// grounded reports whether cluster k's side rests on evidence: its own
// for the side it was put on, or a relation the choice agrees with to a
// cluster whose side has its own.
func grounded(ev sideEvidence, pairs []pairRel, choice []int, k int) bool {
	own := func(k int) bool { return choice[k] >= 0 && ev.score[k*ev.ns+choice[k]] > 0 }
	if own(k) {
		return true
	}
	for _, p := range pairs {
		other := -1
		switch k {
		case p.a:
			other = p.b
		case p.b:
			other = p.a
		}
		if other < 0 || choice[other] < 0 || (p.kind == relOpposite) != (choice[k] != choice[other]) {
			continue
		}
		if own(other) {
			return true
		}
	}
	return false
}

// pairRel is what the lead says of two clusters of candidates.
type pairRel struct {
	a, b int // clusters
	kind int // relOpposite or relSame
	text string
}

// forbidden is the score that keeps a cluster off a side.
const forbidden = -100

// assign puts each cluster of candidates on a side or on none, maximizing
// the evidence plus a bonus for every side in need that gets a name (and
// a small one for each further name it lost, see wants), and the pairs
// the lead relates (on opposite sides, or on one); a cluster
// without evidence for a side may only fill a side in need. Ties go to
// the earlier sides in lead order.
func assign(score []int, ns int, need []bool, limit, wants []int, pairs []pairRel, best []int) []int {
	nk := 0
	if ns > 0 {
		nk = len(score) / ns
	}
	best = best[:nk]
	for k := range best {
		best[k] = -1
	}
	cur := make([]int, nk)
	bestVal := 0.0
	filled := make([]int, ns)
	var rec func(k int, val float64)
	rec = func(k int, val float64) {
		if k == nk {
			v := val
			for s := range filled {
				if need[s] && filled[s] > 0 {
					// A side in need that gets a name; and a little more
					// for each further name it lost and gets back, less
					// than any evidence weighs: "Combatant2: , , Hanover"
					// lost two, and the lead's British and Prussian armies
					// are both.
					v += 10 + float64(min(filled[s], wants[s])-1)
				}
			}
			for _, p := range pairs {
				sa, sb := cur[p.a], cur[p.b]
				if sa < 0 || sb < 0 {
					continue
				}
				if (sa == sb) == (p.kind == relSame) {
					v += evUnits
				} else {
					v -= 20
				}
			}
			if v > bestVal+1e-9 {
				bestVal = v
				copy(best, cur)
			}
			return
		}
		for s := 0; s <= ns; s++ {
			if s == ns {
				cur[k] = -1
				rec(k+1, val)
				continue
			}
			sc := score[k*ns+s]
			if sc <= forbidden/2 || filled[s] >= limit[s] {
				continue
			}
			w := float64(sc)
			if sc <= 0 {
				if !need[s] {
					continue
				}
				w = float64(sc) - 0.5
			}
			cur[k] = s
			filled[s]++
			rec(k+1, val+w)
			filled[s]--
		}
	}
	rec(0, 0)
	return best
}

// relEvidence weighs relation r between candidate name (cluster k) and a
// name a combatant line kept on side known: against it, the candidate is
// kept off that side (and put on the other when there are two); beside
// it, put on it.
func (lex *lexicon) relEvidence(ev *sideEvidence, r relation, name string, k, known int, credit func(string, int, int, reason)) {
	why := reason{plain: "the lead says \"" + r.text + "\""}
	switch r.kind {
	case relSame:
		credit(name, known, evStrong, why)
	case relOpposite:
		ev.score[k*ev.ns+known] += forbidden
		if ev.ns == 2 {
			credit(name, 1-known, evStrong, why)
		}
	}
}

// resultCandidates appends to cands the states the result line names
// ("Ruritanian victory"), other than those known or skipped.
func (lex *lexicon) resultCandidates(result string, actors *actor.Table, known, skip []string, sc *leadScratch, cands []candidate) []candidate {
	n := len(cands)
	cands = lex.nameCandidates(result, actors, known, skip, sc, cands)
	for i := n; i < len(cands); i++ {
		cands[i].result = result
	}
	return cands
}

// nameCandidates appends to cands the states text names that are neither
// known nor to skip.
func (lex *lexicon) nameCandidates(result string, actors *actor.Table, known, skip []string, sc *leadScratch, cands []candidate) []candidate {
	toks := textscan.Scan(result, sc.toks[:0])
	ms := lex.findMentions(result, toks, actors, sc.ms[:0])
	for _, m := range ms {
		switch m.kind {
		case actor.KindState, actor.KindFormer, actor.KindAdjective, actor.KindDemonym, actor.KindAbbreviation, actor.KindArmy:
			// An army names its state ("British Army").
		default:
			continue
		}
		if containsName(known, m.canonical) || contains(skip, m.canonical) {
			continue
		}
		if _, ok := candidateIndex(cands, m.canonical); !ok {
			cands = append(cands, candidate{canonical: m.canonical, order: len(cands), cluster: len(cands)})
		}
	}
	sc.toks, sc.ms = toks[:0], ms[:0]
	return cands
}

// leadParagraphs returns the texts of the article's lead paragraphs.
func leadParagraphs(a *annalist.Article, out []string) []string {
	for i := range a.Blocks {
		bl := &a.Blocks[i]
		if bl.Section != -1 {
			break
		}
		if bl.Kind == annalist.Paragraph && bl.Text != "" {
			out = append(out, bl.Text)
		}
	}
	return out
}

// hasCapital reports whether s holds an upper-case ASCII letter or any
// non-ASCII byte: whether a name could stand in it.
func hasCapital(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// determinerWord reports a capitalized word that opens a noun phrase
// rather than a name ("The", "Its").
func determinerWord(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "Both", "Each":
		return true
	}
	return false
}

// belligerent returns the name the candidate goes on its side by: the
// lead's former name where the common name's state did not exist yet
// (see recoverBelligerents), else the common name.
func (c *candidate) belligerent(at statesAt) string {
	if c.state != "" {
		return c.state
	}
	if c.name != "" && !textscan.HoldsWords(c.name, c.canonical) && at.states != nil && at.states.NamedAt(c.name, at.at) {
		// "the Habsburg Monarchy" of 1566, as the lead wrote it: the
		// state's own name then, though Austria was a name of it too.
		// "The Empire of Japan" of 1904 holds its short name, Japan.
		return c.name
	}
	if at.existed(c.canonical) {
		return c.canonical
	}
	if c.name != "" {
		return c.name // "the Dutch Republic", as the lead wrote it
	}
	return at.name(c.canonical) // "British" in 1746: Great Britain
}
