package infobox

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/quantity"
	"github.com/annalist/annalist/timex"
)

// figureReader reads a strength or casualties line into Figures. The line
// is a list whose items are figures ("350 tanks destroyed"), headers that
// run until the next header ("Soviet claim:", "Per India:"), date headers
// ("15 June 2020:"), labels ("Total: 30,443"), and trailing notes that
// either credit a source ("(Soviet sources)", "(per Musharraf)") or say
// something else ("(later released)").
type figureReader struct {
	lex  *lexicon
	figs []annalist.Figure
	// attr is the source credited by the header in force; since is the
	// index of the first figure after the last attribution, header or
	// trailing, which a trailing "(… sources)" applies back to.
	attr  string
	since int
	date  annalist.Date
	label string // a header label waiting for the next figure
	// what is the people the header in force names ("Azerbaijani
	// civilians:"), what its figures of people count.
	what string
	// phrase is the index of the first figure of the last item, which a
	// "(per …)" standing as the next item applies to.
	phrase  int
	partial bool
	base    int // source offset of the value, or -1 when unknown
	// bell is the belligerent named by the header in force ("Soviet Union:
	// 9,703 killed, 15,952 wounded, Mongolia: 990 killed").
	bell   string
	actors *actor.Table
	// Arenas for the figures' optional fields: one allocation each per
	// line instead of one per field. Appending never moves what a pointer
	// was taken to (a grown slice leaves the old array to those pointers).
	strs  []string
	ints  []int
	spans []annalist.Span
}

func (r *figureReader) str(s string) *string {
	r.strs = append(r.strs, s)
	return &r.strs[len(r.strs)-1]
}

func (r *figureReader) intp(n int) *int {
	r.ints = append(r.ints, n)
	return &r.ints[len(r.ints)-1]
}

// readFigures reads the figures of one value; base is the value's byte
// offset in the source file, or -1 when the value is not a copy of the
// source bytes.
func (lex *lexicon) readFigures(v string, base int, actors *actor.Table) ([]annalist.Figure, bool) {
	r := figureReader{lex: lex, base: base, actors: actors}
	var buf [32]item
	items := lex.regroupFigures(v, splitList(v, buf[:0]))
	// Headers ("Material losses:") give no figure of their own; an item
	// holding more ("20 killed and 30 wounded") grows the slices. Figures
	// are large, so room for unused ones costs allocation and GC time.
	n := 0
	for _, it := range items {
		if !strings.HasSuffix(it.text, ":") {
			n++
		}
	}
	r.figs = make([]annalist.Figure, 0, n)
	r.strs = make([]string, 0, n+2)
	r.ints = make([]int, 0, 2*n+2)
	r.spans = make([]annalist.Span, 0, n)
	for _, it := range items {
		r.item(cleanItem(it))
	}
	return r.figs, r.partial
}

// regroupFigures mends the items of a figure line where its separators
// mislead: a comma inside one status ("5,000 killed, wounded or
// missing") joins its parts again, and a figure run on after another's
// note ("400 killed (Libyan claim) 100 killed (Egyptian claim)") is cut
// off after the parenthesis. Items are substrings of v.
func (lex *lexicon) regroupFigures(v string, items []item) []item {
	need := false
	for i, it := range items {
		if parenThen(it.text, isDigit) >= 0 || labelThen(it.text) >= 0 || i > 0 && lex.statusItem(it) {
			need = true
			break
		}
	}
	if !need {
		return items // most lines: no copy
	}
	out := make([]item, 0, len(items)+2)
	for _, it := range items {
		if k := len(out) - 1; k >= 0 && lex.statusItem(it) && hasDigit(out[k].text) {
			out[k].text = v[out[k].off : it.off+len(it.text)]
			continue
		}
		for {
			cut := parenThen(it.text, isDigit)
			if cut < 0 {
				cut = labelThen(it.text)
			}
			if cut < 0 {
				break
			}
			out = append(out, item{strings.TrimSpace(it.text[:cut]), it.off})
			rest := it.text[cut:]
			lead := len(rest) - len(strings.TrimLeft(rest, " "))
			it = item{rest[lead:], it.off + cut + lead}
		}
		out = append(out, it)
	}
	return out
}

// statusItem reports an item of status words alone, joined by "and" or
// "or" ("wounded or missing"): the rest of the status before it.
func (lex *lexicon) statusItem(it item) bool {
	if it.text == "" || hasDigit(it.text) {
		return false
	}
	n := 0
	for _, w := range strings.Fields(it.text) {
		lw := strings.ToLower(w)
		if lw == "and" || lw == "or" {
			continue
		}
		if !lex.status[lw] {
			return false
		}
		n++
	}
	return n > 0
}

// labelThen returns where a second label and its count start in s, after
// a count ("Initial: 5,000 Final: 20,000"), or -1.
func labelThen(s string) int {
	if !hasDigit(s) {
		return -1
	}
	for i := 1; i+4 < len(s); i++ {
		if s[i-1] != ' ' || !isUpper(s[i]) || !hasDigit(s[:i]) {
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != ':' {
			j++
		}
		if j+2 < len(s) && s[j] == ':' && s[j+1] == ' ' && isDigit(s[j+2]) {
			return i - 1
		}
	}
	return -1
}

// parenThen returns where a word starting with a byte that starts says
// yes to begins right after a closing parenthesis and a space in s ("…
// (Libyan claim) 100 killed", "Idi Amin (until 1979) Yusuf Gowon"): the
// rendering lost the break between two items there. -1 for none.
func parenThen(s string, starts func(byte) bool) int {
	i := outsideParens(s, 0, func(i int) bool {
		return s[i] == ')' && i+2 < len(s) && s[i+1] == ' ' && starts(s[i+2])
	})
	if i < 0 {
		return -1
	}
	return i + 1
}

func (r *figureReader) item(it item) {
	it = trimConnectors(it)
	s := it.text
	if s == "" {
		return
	}
	if inner, ok := parenthesized(s); ok {
		r.paren(item{inner, it.off + 1}, r.phrase)
		return
	}
	if strings.HasSuffix(s, ":") {
		head := strings.TrimSpace(s[:len(s)-1])
		if r.lex.isHeader(head) {
			r.header(head)
			return
		}
		if p := r.lex.headerSplit(head); p > 0 {
			r.phraseItem(item{strings.TrimSpace(head[:p]), it.off})
			r.header(head[p:])
			return
		}
		r.header(head)
		return
	}
	// "Total: 30,443–32,418", "Per India: 20 killed", "15 June 2020: 4 killed".
	if i := strings.Index(s, ": "); i > 0 && !strings.Contains(s[:i], "(") {
		head := strings.TrimSpace(s[:i])
		rest := trimItem(item{s[i+1:], it.off + i + 1})
		r.noteWhat(head)
		if d, ok := parseDateHeader(head); ok {
			r.date = d
		} else if a, ok := r.lex.attribution(head); ok {
			r.setAttr(a)
		} else if labelWords[head] {
			r.label = head
		} else if b, ok := r.belligerent(head); ok {
			r.bell = b
		} else if !hasDigit(head) {
			r.label = head
		}
		r.phraseItem(rest)
		return
	}
	r.phraseItem(it)
}

// setAttr starts a header attribution.
func (r *figureReader) setAttr(a string) {
	r.attr = a
	r.since = len(r.figs)
	r.date = annalist.Date{}
}

// header handles an item that ends with a colon.
func (r *figureReader) header(h string) {
	h = strings.TrimSpace(h)
	if h == "" {
		return
	}
	r.noteWhat(h)
	if d, ok := parseDateHeader(h); ok {
		r.date = d
		return
	}
	if a, ok := r.lex.attribution(h); ok {
		r.setAttr(a)
		return
	}
	if !startsUpper(h) {
		return // "either as:" joins what follows
	}
	var buf [32]byte
	if r.lex.groupHeaders[string(lowerInto(buf[:], h))] {
		return // "Material losses:" groups what follows
	}
	if labelWords[h] {
		r.label = h
		return
	}
	if b, ok := r.belligerent(h); ok {
		r.bell = b
		return
	}
	r.label = h
}

// noteWhat sets what the figures under the header h count: the people
// outside the fighting forces its last word names ("Azerbaijani
// civilians"), or, by default, personnel.
func (r *figureReader) noteWhat(h string) {
	r.what = ""
	if k := strings.LastIndexByte(h, ' '); r.lex.nonCombat[strings.ToLower(h[k+1:])] {
		r.what = strings.ToLower(h[k+1:])
	}
}

// belligerent reports whether a header names a state or armed group, whose
// figures follow it.
func (r *figureReader) belligerent(h string) (string, bool) {
	if r.actors == nil {
		return "", false
	}
	canonical, kind, ok := r.actors.Lookup(h)
	if !ok || kind == actor.KindDemonym || kind == actor.KindAdjective {
		return "", false
	}
	return canonical, true
}

// demonymOf reports whether what names people by their nation: a demonym
// or adjective of the table, alone or before a word for people ("Ottoman
// cavalry").
func (r *figureReader) demonymOf(what string) (string, bool) {
	if r.actors == nil {
		return "", false
	}
	head := what
	if i := strings.LastIndexByte(what, ' '); i > 0 && r.lex.personnel[strings.ToLower(what[i+1:])] {
		head = what[:i]
	}
	canonical, kind, ok := r.actors.Lookup(head)
	if !ok || (kind != actor.KindDemonym && kind != actor.KindAdjective) {
		return "", false
	}
	return canonical, true
}

// labelWords are the common lead-ins of figures, known not to name a state.
var labelWords = map[string]bool{
	"Total": true, "Manpower": true, "Total casualties": true, "Total losses": true,
	"Killed": true, "Wounded": true, "Captured": true, "Missing": true, "Strength": true,
}

// isHeader reports whether h is a date or attribution header as a whole.
func (lex *lexicon) isHeader(h string) bool {
	if _, ok := parseDateHeader(h); ok {
		return true
	}
	_, ok := lex.attribution(h)
	return ok
}

// headerSplit finds a header glued to the end of a figure by a lost
// separator ("35–45 killed Per China", "10 captured (released on 18 June)
// 20 January 2021") and returns where it starts, or 0.
func (lex *lexicon) headerSplit(head string) int {
	if !hasDigit(head) && !containsFold(head, "unknown") {
		return 0
	}
	p := outsideParens(head, 1, func(p int) bool {
		if head[p-1] != ' ' || head[p] == ' ' {
			return false
		}
		rest := head[p:]
		if !startsUpper(rest) && !isDigit(rest[0]) {
			return false
		}
		if _, ok := parseDateHeader(rest); ok {
			return true
		}
		_, ok := lex.attribution(rest)
		return ok && startsUpper(rest)
	})
	return max(p, 0)
}

// yearNote reports a note that is a year written as one (four digits,
// no separator, 1000 to 2099), alone or before the word of a source:
// "1999", "2009 estimate", "2011 census"; not "1500 men".
func (lex *lexicon) yearNote(s string) (int, bool) {
	if len(s) < 4 || (len(s) > 4 && s[4] != ' ') {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		y = y*10 + int(s[i]-'0')
	}
	if y < 1000 || y > 2099 {
		return 0, false
	}
	rest := strings.ToLower(strings.TrimSpace(s[4:]))
	return y, rest == "" || lex.attributions[rest]
}

// attribution reports whether h names a source of figures and returns the
// source as the figures credit it: "Per India" → "India", "Soviet claim"
// → "Soviet claim", "According to X" → "X".
func (lex *lexicon) attribution(h string) (string, bool) {
	h = strings.TrimSpace(h)
	var buf [64]byte
	low := lowerInto(buf[:], h)
	for _, p := range [...]string{"per ", "according to ", "source: ", "sources: "} {
		if len(low) > len(p) && string(low[:len(p)]) == p {
			return strings.TrimSpace(h[len(p):]), true
		}
	}
	if hasDigit(h) {
		return "", false
	}
	last := low
	if i := bytes.LastIndexByte(low, ' '); i >= 0 {
		last = low[i+1:]
	}
	if lex.attributions[string(last)] || lex.attributions[string(low)] {
		return h, true
	}
	return "", false
}

// phraseItem reads the figures of one item with its trailing notes.
func (r *figureReader) phraseItem(it item) {
	it = trimConnectors(it)
	s := it.text
	if s == "" {
		return
	}
	// Peel trailing parenthesized groups off: "913 wounded(Japanese sources)",
	// "76 injured (18 serious, 58 minor)".
	var parens [4]item
	n := 0
	for n < len(parens) && strings.HasSuffix(s, ")") {
		o := openParen(s, len(s)-1)
		if o <= 0 {
			break
		}
		parens[n] = item{s[o+1 : len(s)-1], it.off + o + 1}
		n++
		s = strings.TrimRight(s[:o], " ")
	}
	start := len(r.figs)
	r.phrase = start
	r.counts(item{s, it.off})
	for k := n - 1; k >= 0; k-- {
		r.paren(parens[k], start)
	}
}

// paren handles a parenthesized note after the figures that start at
// index own: a date, sub-figures, a source or a note.
func (r *figureReader) paren(in item, own int) {
	in = trimItem(in)
	s := in.text
	if s == "" {
		return
	}
	if d, ok := parseDateHeader(s); ok {
		if k := len(r.figs) - 1; k >= 0 && r.figs[k].Date == nil {
			r.figs[k].Date = &d
		}
		return
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "per ") || strings.HasPrefix(low, "according to ") {
		a, _ := r.lex.attribution(s)
		for k := own; k < len(r.figs); k++ {
			r.figs[k].AccordingTo = r.str(a)
		}
		return
	}
	if y, ok := r.lex.yearNote(s); ok {
		// "(2009 estimate)", "(2011 census)", "(1999)": the figure's
		// year, not a figure of 2,009.
		if k := len(r.figs) - 1; k >= own && k >= 0 && r.figs[k].Date == nil {
			d := annalist.YearDate(y)
			r.figs[k].Date = &d
		}
		return
	}
	if hasCount(s) {
		r.subFigures(in)
		return
	}
	first := low
	if i := strings.IndexByte(low, ' '); i >= 0 {
		first = low[:i]
	}
	if r.lex.notes[first] {
		return
	}
	if a, ok := r.lex.attribution(s); ok {
		for k := r.since; k < len(r.figs); k++ {
			if r.figs[k].AccordingTo == nil {
				r.figs[k].AccordingTo = r.str(a)
			}
		}
		r.since = len(r.figs)
	}
}

// hasCount reports whether s holds a count of people or things (not a day
// or year of a date, not a measure).
func hasCount(s string) bool {
	for _, q := range quantity.Find(s) {
		if q.Unit == "" && (q.Count.Low != nil || q.Count.High != nil) {
			return true
		}
	}
	return false
}

// subFigures reads "(2 Mi-8T, 1 Mi-25)" or "(18 serious, 58 minor)": parts
// of the figure before them, which they take what and status from where
// they do not say.
func (r *figureReader) subFigures(in item) {
	var parent *annalist.Figure
	if k := len(r.figs) - 1; k >= 0 {
		p := r.figs[k]
		parent = &p
	}
	var buf [8]item
	for _, it := range splitList(in.text, buf[:0]) {
		it.off += in.off
		start := len(r.figs)
		r.counts(trimConnectors(it))
		if parent == nil {
			continue
		}
		for k := start; k < len(r.figs); k++ {
			f := &r.figs[k]
			if f.Label == nil && f.Status == nil && r.lex.qualifiers[strings.ToLower(f.What)] {
				f.Label = r.str(f.What)
				f.What = parent.What
			}
			if f.Status == nil {
				f.Status = parent.Status
			}
			if f.AccordingTo == nil {
				f.AccordingTo = parent.AccordingTo
			}
		}
	}
}

// counts reads one or more figures from a phrase: "369 killed and 649
// wounded", "50 killed & +400 wounded", "several tankettes destroyed".
func (r *figureReader) counts(it item) {
	start := len(r.figs)
	defer r.shareStatus(start)
	s := it.text
	off := 0
	for off < len(s) {
		rest := s[off:]
		q, ok := r.parseCount(rest)
		if !ok || q.Unit != "" {
			if off > 0 {
				return
			}
			// No count up front: prose before a number is a label when it
			// is one ("Total 500"), otherwise the line is garbled.
			k, q2, found := firstCount(rest)
			if !found {
				return
			}
			if lead := strings.ToLower(strings.TrimSpace(rest[:k])); lead == "total" || lead == "in total" {
				r.label = "Total"
			} else {
				r.partial = true
			}
			q = q2
			q.Span.Start += k
			q.Span.End += k
		}
		end := q.Span.End
		// The description runs to the next count joined by "and", "&",
		// "or" or "/".
		descEnd, next := r.nextJoined(rest, end)
		desc := strings.TrimSpace(rest[end:descEnd])
		if q.Vague != "" && q.Count.Low == nil && q.Count.High == nil && (desc == "" || r.lex.onlyQualifies(desc)) {
			// A bare "Unknown" is no figure, nor "Unknown but heavy".
			off += next
			if next <= 0 {
				return
			}
			continue
		}
		r.add(q, desc, strings.TrimSpace(rest[q.Span.Start:descEnd]), it.off+off+q.Span.Start)
		if next <= 0 {
			return
		}
		off += next
	}
}

// shareStatus gives the figures of one phrase from start on that say no
// status the status said after them: "1 F-5E and 1 OV-10 shot down",
// "2 tanks and 3 guns destroyed" tell of both.
func (r *figureReader) shareStatus(start int) {
	var status *string
	for k := len(r.figs) - 1; k >= start; k-- {
		switch f := &r.figs[k]; {
		case f.Status != nil:
			status = f.Status
			if strings.ContainsAny(*status, "0123456789") {
				status = nil // a garbled line's numbers, not a status
			}
		case status != nil:
			f.Status = status
		}
	}
}

// firstCount finds the first count in s that is not at its start.
func firstCount(s string) (int, quantity.Quantity, bool) {
	for _, q := range quantity.Find(s) {
		if q.Unit == "" && (q.Count.Low != nil || q.Count.High != nil) {
			q.Span.End -= q.Span.Start
			k := q.Span.Start
			q.Span.Start = 0
			return k, q, true
		}
	}
	return 0, quantity.Quantity{}, false
}

// nextJoined finds, after position end of s, a connector followed by
// another count. It returns where the current description ends and where
// the next count starts (0 when there is none).
func (r *figureReader) nextJoined(s string, end int) (descEnd, next int) {
	for i := end; i < len(s); i++ {
		var w int
		switch {
		case strings.HasPrefix(s[i:], " and "):
			w = 5
		case strings.HasPrefix(s[i:], " & "):
			w = 3
		case strings.HasPrefix(s[i:], " or "):
			w = 4
		case strings.HasPrefix(s[i:], ", "):
			w = 2
		case s[i] == '/':
			w = 1
		case s[i] == ' ' && (r.lex.endsWithStatus(s[end:i]) || i+1 < len(s) && isDigit(s[i+1]) && r.lex.endsWithNoun(s[end:i])):
			// "45 dead 112 wounded", "5,000 regulars 3,000 militia": a
			// list whose breaks the rendering turned into spaces; a status
			// word or a noun of what is counted ends each figure.
			w = 1
		default:
			continue
		}
		j := i + w
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) {
			continue
		}
		if w := firstWord(s[j:]); r.lex.status[w] || w == "died" || w == "of" {
			continue // "killed and wounded": one status, not a second count
		}
		if q, ok := r.parseCount(s[j:]); ok && q.Unit == "" {
			if q.Vague != "" && q.Count.Low == nil && q.Count.High == nil {
				// "N/A wounded" joins; "some of them" does not.
				if strings.TrimSpace(s[j+q.Span.End:]) == "" {
					continue
				}
			}
			return i, j
		}
	}
	return len(s), 0
}

// add appends the figure for count q described by desc ("tanks
// destroyed"); text is the figure's text, at source offset off in the value.
func (r *figureReader) add(q quantity.Quantity, desc, text string, off int) {
	what, status, label := r.lex.describe(desc)
	bell := r.bell
	// People named by their nation ("149,000 Swedes", "20,000 Spanish")
	// are personnel of that state; demonyms are capitalized, so "tanks"
	// needs no look-up.
	if what != personnel && startsUpper(what) {
		if b, ok := r.demonymOf(what); ok {
			what = personnel
			if bell == "" {
				bell = b
			}
		}
	}
	if what == personnel && r.what != "" {
		what = r.what // "Azerbaijani civilians: 100 killed, 416 injured"
	}
	f := annalist.Figure{What: what, Count: q.Count}
	f.Count.Text = text
	f.Count.Span = nil
	if r.base >= 0 {
		r.spans = append(r.spans, annalist.Span{Start: r.base + off, End: r.base + off + len(text)})
		f.Count.Span = &r.spans[len(r.spans)-1]
	}
	if status != "" {
		f.Status = r.str(status)
	}
	if label == "" && r.label != "" {
		label = r.label
	}
	r.label = ""
	if label != "" {
		f.Label = r.str(label)
	}
	if r.attr != "" {
		f.AccordingTo = r.str(r.attr)
	}
	if !r.date.IsZero() {
		d := r.date
		f.Date = &d
	}
	f.Belligerent = bell
	r.figs = append(r.figs, f)
}

// describe splits what follows a count into what is counted, what befell
// it, and a label ("total").
func (lex *lexicon) describe(desc string) (what, status, label string) {
	desc = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(desc), "of "))
	if desc == "" {
		return personnel, "", ""
	}
	// The common cases: a status alone ("killed"), a thing alone ("tanks").
	var buf [32]byte
	if !strings.ContainsAny(desc, " /") {
		lw := lowerInto(buf[:], strings.Trim(desc, ".,;:"))
		if lex.status[string(lw)] {
			if m, ok := lex.statusAs[string(lw)]; ok {
				return personnel, m, ""
			}
			if string(lw) == "total" {
				return personnel, "", "Total"
			}
			return personnel, string(lw), ""
		}
		if lex.personnel[string(lw)] {
			return personnel, "", ""
		}
		return desc, "", ""
	}
	if what, status, ok := lex.describeSimple(desc); ok {
		return what, status, ""
	}
	words := strings.Fields(desc)
	k := -1
	for i, w := range words {
		lw := lowerInto(buf[:], strings.Trim(w, ".,;:"))
		if j := bytes.IndexByte(lw, '/'); j > 0 {
			lw = lw[:j]
		}
		if lex.status[string(lw)] {
			k = i
			break
		}
	}
	if k < 0 {
		return lex.whatOf(words), "", ""
	}
	var st []string
	for _, w := range words[k:] {
		lw := strings.ToLower(strings.Trim(w, ".,;:"))
		if lex.statusStop[lw] || strings.HasPrefix(w, "(") {
			break
		}
		for i, part := range strings.Split(lw, "/") {
			if i > 0 {
				st = append(st, "or")
			}
			if part == "" {
				continue
			}
			if m, ok := lex.statusAs[part]; ok {
				part = m
			}
			st = append(st, part)
		}
	}
	for len(st) > 0 && (st[len(st)-1] == "or" || st[len(st)-1] == "and") {
		st = st[:len(st)-1]
	}
	status = strings.Join(st, " ")
	if status == "total" || status == "in total" {
		return lex.whatOf(words[:k]), "", "Total"
	}
	return lex.whatOf(words[:k]), status, ""
}

// onlyQualifies reports a description of a count with no number that
// says only how great it was ("but heavy", "though severe"): it names no
// thing counted.
func (lex *lexicon) onlyQualifies(desc string) bool {
	words := strings.Fields(desc)
	if len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "but", "though", "yet", "and":
			words = words[1:]
		}
	}
	for _, w := range words {
		if !lex.qualifiers[strings.ToLower(strings.Trim(w, "(),."))] {
			return false
		}
	}
	return len(words) > 0
}

const personnel = "personnel"

// whatOf names the thing counted: "personnel" for people or nothing,
// otherwise the words as written ("tanks", "MiG-27", "ships and craft").
func (lex *lexicon) whatOf(words []string) string {
	// "Unknown number killed", "an unknown number of soldiers": the words
	// of a count with no number say nothing of what is counted.
	for len(words) > 0 {
		lw := strings.ToLower(words[0])
		if lw == "number" || lw == "numbers" || lw == "of" {
			words = words[1:]
			continue
		}
		break
	}
	for len(words) > 0 {
		lw := strings.ToLower(words[len(words)-1])
		if lw == "and" || lw == "or" || lw == "&" || lw == "of" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) == 0 {
		return personnel
	}
	// People are counted when the head noun, the last word before a
	// preposition, names them ("armed men", "2,000 infantry", "men of the
	// 5th Regiment"); "1 infantry brigade" counts a unit.
	head := len(words) - 1
	for i, w := range words {
		if lw := strings.ToLower(w); i > 0 && (lw == "of" || lw == "from" || lw == "in" || lw == "under" || lw == "with") {
			head = i - 1
			break
		}
	}
	if lex.personnel[strings.ToLower(strings.Trim(words[head], ".,;:"))] {
		return personnel
	}
	return strings.Join(words, " ")
}

// trimConnectors drops a trailing "and", "or" or "as" that joined the
// item to the next one ("191 killed and", "369 killed and 649 wounded or").
func trimConnectors(it item) item {
	it = trimItem(it)
	for {
		s := it.text
		cut := 0
		for _, w := range [...]string{" and", " or", " as", " &", ","} {
			if strings.HasSuffix(s, w) {
				cut = len(w)
				break
			}
		}
		if cut == 0 {
			return it
		}
		it = trimItem(item{s[:len(s)-cut], it.off})
	}
}

// firstWord returns the lower-cased ASCII word s starts with ("" when s
// does not start with a letter).
func firstWord(s string) string {
	i := 0
	for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		i++
	}
	if i == 0 || i > 16 {
		return ""
	}
	var buf [16]byte
	for k := 0; k < i; k++ {
		buf[k] = s[k] | 0x20
	}
	return string(buf[:i])
}

// endsWithStatus reports whether the last word of s is a status word
// ("killed", "dead"), in any ASCII case.
func (lex *lexicon) endsWithStatus(s string) bool {
	i := len(s)
	for i > 0 && (s[i-1]|0x20 >= 'a' && s[i-1]|0x20 <= 'z') {
		i--
	}
	n := len(s) - i
	if n == 0 || n > 16 {
		return false
	}
	var buf [16]byte
	for k := range n {
		buf[k] = s[i+k] | 0x20
	}
	if lex.status[string(buf[:n])] {
		return true
	}
	// A status with its particle ("shot down", "knocked out").
	switch string(buf[:n]) {
	case "down", "out", "off", "up":
		if i >= 2 && s[i-1] == ' ' {
			return lex.endsWithStatus(s[:i-1])
		}
	}
	return false
}

// endsWithNoun reports whether the last word of s names what a count
// counts: a noun for people ("regulars") or a plural ("tanks"), in lower
// case; not a model ("Boeing 707") or a word of grammar.
func (lex *lexicon) endsWithNoun(s string) bool {
	i := len(s)
	for i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' {
		i--
	}
	w := s[i:]
	if len(w) < 3 || i > 0 && s[i-1] != ' ' {
		return false
	}
	return lex.personnel[w] || len(w) >= 4 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// parseCount reads the count s starts with. Plain digits ("350", "30,443",
// "665+", "29,766–31,290") are read here, since they are most of an
// infobox and need no word tables; every other form goes to
// quantity.Parse.
func (r *figureReader) parseCount(s string) (quantity.Quantity, bool) {
	lo, i, ok := plainNumber(s, 0)
	if !ok {
		return quantity.Parse(s)
	}
	q := quantity.Quantity{}
	switch {
	case i < len(s) && s[i] == '+':
		i++
		q.Count.Low = r.intp(lo)
	case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—") || (i < len(s) && s[i] == '-'):
		_, w := utf8.DecodeRuneInString(s[i:])
		hi, j, ok := plainNumber(s, i+w)
		if !ok || hi < lo || !endsCount(s, j) || (isYear(lo) && isYear(hi)) {
			return quantity.Parse(s)
		}
		i = j
		q.Count.Low, q.Count.High = r.intp(lo), r.intp(hi)
	default:
		q.Count.Low, q.Count.High = r.intp(lo), r.intp(lo)
	}
	if !endsCount(s, i) {
		return quantity.Parse(s)
	}
	// A number before a month is a day; a word or a dash after it may make
	// it a measure or part of a range ("3,000 to 4,500", "115,000 -
	// 120,000"): let quantity decide.
	rest := strings.TrimLeft(s[i:], " ")
	if w := firstWord(rest); w == "to" || w == "or" || w == "and" || timex.Month(w) != 0 || r.lex.measures[w] {
		return quantity.Parse(s)
	}
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") {
		return quantity.Parse(s)
	}
	q.Span = annalist.Span{Start: 0, End: i}
	q.Count.Text = s[:i]
	return q, true
}

// plainNumber reads digits with thousands separators at s[i:] and returns
// the value and where it ends; ok is false for anything else (decimals,
// no digits, too long).
func plainNumber(s string, i int) (int, int, bool) {
	start := i
	v := 0
	for i < len(s) {
		c := s[i]
		switch {
		case isDigit(c):
			v = v*10 + int(c-'0')
			i++
		case c == ',' && i > start && thousandsSep(s, i):
			i++
		default:
			goto done
		}
		if i-start > 15 {
			return 0, 0, false
		}
	}
done:
	if i == start || (i < len(s) && s[i] == '.' && i+1 < len(s) && isDigit(s[i+1])) {
		return 0, 0, false
	}
	return v, i, true
}

// endsCount reports whether a number ending at s[i] stands alone: the end,
// a space, or punctuation, but not a letter or digit glued to it.
func endsCount(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return c == ' ' || c == ',' || c == ';' || c == ')' || c == '(' || c == ':' || c == '/' || c == '&'
}

func isYear(n int) bool { return n >= 1000 && n <= 2100 }

// lowerInto returns s in lower case, written into buf when s is short
// ASCII (no allocation), else as a new string's bytes.
func lowerInto(buf []byte, s string) []byte {
	if len(s) <= len(buf) {
		ascii := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			return buf[:len(s)]
		}
	}
	return []byte(strings.ToLower(s))
}

// describeSimple reads the common description "things status" ("tanks
// destroyed", "armoured cars destroyed", "killed or wounded") without
// allocating: single spaces, a status that needs no rewriting, nothing
// after it. ok is false for anything else.
func (lex *lexicon) describeSimple(desc string) (what, status string, ok bool) {
	if strings.ContainsAny(desc, "/&(),;:\t") || strings.Contains(desc, "  ") {
		return "", "", false
	}
	var buf [32]byte
	start := 0
	k := -1
	for i := 0; i <= len(desc); i++ {
		if i < len(desc) && desc[i] != ' ' {
			continue
		}
		w := desc[start:i]
		lw := lowerInto(buf[:], w)
		if k < 0 && lex.status[string(lw)] {
			k = start
		}
		if k >= 0 {
			if _, rewrite := lex.statusAs[string(lw)]; rewrite || lex.statusStop[string(lw)] || string(lw) == "total" || string(lw) == "and" {
				return "", "", false
			}
		}
		start = i + 1
	}
	if k < 0 {
		return "", "", false
	}
	status = desc[k:]
	if startsUpper(status) {
		return "", "", false
	}
	what = strings.TrimSpace(desc[:k])
	if what == "" {
		return personnel, status, true
	}
	for s := what; s != ""; {
		w := s
		if i := strings.IndexByte(s, ' '); i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		lw := lowerInto(buf[:], w)
		if lex.personnel[string(lw)] {
			return personnel, status, true
		}
		if string(lw) == "number" || string(lw) == "numbers" {
			return "", "", false // "Unknown number killed": whatOf drops it
		}
		if string(lw) == "and" || string(lw) == "or" || string(lw) == "of" {
			if s == "" {
				return "", "", false // a dangling connector: the slow path trims it
			}
		}
	}
	return what, status, true
}
