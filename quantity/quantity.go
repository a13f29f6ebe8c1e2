// Package quantity finds numbers of people and things in English text:
// digits with thousands separators, number words, ranges, open bounds,
// approximations and vague amounts, each as an annalist.Count with the
// byte range it was read from.
//
// It tells counts from the numbers that are not counts: ordinals ("14th",
// "1st Division"), numbers inside names ("MiG-27", "Type 95", "No. 3"),
// days and years of dates, clock times, citation marks ("[3]"). Measures
// are kept but marked with their unit ("37mm", "20 kilometers", "three
// weeks" have Unit "mm", "kilometers", "weeks"), so a caller can skip them
// or read them as distances and durations.
//
// The rules for dates, which callers should know:
//   - a number 1–31 right before a month name ("8 January"), or right after
//     one ("August 10", "June 1935" too), is part of a date and skipped,
//     also in lists of days ("7–8 and 20 August");
//   - a 4-digit number 1000–2100 written without separator is a year, and
//     skipped, when a year word comes before it ("in", "from", "since",
//     "until", "till", "during", "by", "early", "mid", "late", a season,
//     "year"), or
//     it stands in parentheses, or an era follows ("BC", "AD"), or it is a
//     decade ("1930s"), or no lower-case word follows it ("the 1939
//     Battles", "in 1933." or "1918,"), or a word that follows years does
//     ("1937 during", "1941 when", "the 1918 war"); "1500 men" stays a
//     count;
//   - a range of two such numbers ("1918–1922", "1941–42", "from 1918 to
//     1920", "between 1932 and 1934") is a range of years by the same
//     tests, where "between", "the" and "of" also count as year words.
//
// A range whose low end leaves out the scale of its high end takes it:
// "three to four hundred" is 300–400, "5–6,000" is 5,000–6,000, when the
// scaled low end is still more than a tenth of the high end ("100–1,000"
// stays as written). A capitalized number word after another word is part
// of a name ("the Eight Power Intervention"), not a count.
//
// The words it knows are in words.tsv, embedded at build time.
package quantity

import (
	"math"
	"strconv"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// Quantity is one quantity found in a text.
type Quantity struct {
	// Span is the quantity's byte range in the text given to Find or
	// Parse: the number or the vague words with any qualifier before them
	// ("About 600", "at least 249") and any unit glued to them ("11-man",
	// "37mm"); a unit after a space is reported in Unit but not spanned.
	Span annalist.Span
	// Count holds the number: Low and High for a number or a range, one of
	// them for an open bound ("665+", "< 41,199"), neither for a vague
	// amount ("several"); Text is the spanned text.
	Count annalist.Count
	// Vague is the canonical vague amount ("several", "dozens", "a few",
	// "unknown", "no", …) or "". "no" and "none" have Low = High = 0.
	Vague string
	// Unit is what the number measures when it is not a plain count: a
	// unit size ("man" in "an 11-man patrol"), a measure or calibre
	// ("mm", "kilometers"), a span of time ("weeks"), "%"; else "".
	Unit string
}

// Find returns every quantity in text, left to right, not overlapping.
func Find(text string) []Quantity {
	return FindTokens(text, textscan.Scan(text, make([]textscan.Token, 0, len(text)/5+8)))
}

// FindTokens is Find for a caller that already holds the tokens of text
// (textscan.Scan(text, …)): it saves scanning the text again.
func FindTokens(text string, toks []textscan.Token) []Quantity {
	return AppendTokens(nil, text, toks)
}

// AppendTokens is FindTokens appending the quantities to dst. A caller
// that reads many texts keeps a Finder instead.
func AppendTokens(dst []Quantity, text string, toks []textscan.Token) []Quantity {
	var f Finder
	return f.Append(dst, text, toks)
}

// appendAll appends the quantities of s's tokens to dst.
func (s *scanner) appendAll(dst []Quantity) []Quantity {
	toks, text := s.toks, *s.text
	out := dst
	for i := 0; i < len(s.toks); {
		// quantity's own first test, done here so that the many tokens
		// that open no quantity cost no call.
		if tk := toks[i]; tk.Kind != textscan.Number && s.groups[i] <= 0 && !(tk.Kind == textscan.Punct && text[tk.Start] == '+') {
			i++
			continue
		}
		q, next, ok := s.quantity(i)
		if ok {
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

// MayStart reports whether the word w may begin a quantity or a part of
// one (a number word, "dozens", "several", "about"): false means it
// begins none, so that a reader can tell cheaply that the words around a
// token hold no quantity. Numbers in digits always may.
func MayStart(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || words().MayHave(w))
}

// Finder finds quantities text after text, keeping its scratch space
// (the word groups of a text's tokens, the bounds of its Counts) from one
// text to the next: for a caller that reads many short texts, such as
// the sentences of an article, where AppendTokens would allocate each
// time. A Finder is not safe for concurrent use; its zero value is ready.
type Finder struct {
	text   string
	groups []int32
	// slab is shared by every text's Counts: they point into it, and it
	// is only ever appended to, never written over.
	slab []int
}

// Append is AppendTokens through f.
func (f *Finder) Append(dst []Quantity, text string, toks []textscan.Token) []Quantity {
	f.text = text
	s := scanner{text: &f.text, toks: toks, t: words(), slab: &f.slab}
	f.groups = s.t.LookupInto(f.groups, text, toks)
	s.groups = f.groups
	return s.appendAll(dst)
}

// Parse reads the quantity that s starts with, the longest one; ok is
// false when s does not start with a quantity.
func Parse(s string) (Quantity, bool) {
	// A quantity and the words that decide it (a unit, a month, "to") lie
	// in the first few dozen bytes: scan only those, so that parsing each
	// item of a long line costs the same as parsing a short one.
	if len(s) > parseWindow {
		cut := parseWindow
		for cut < len(s) && s[cut] != ' ' {
			cut++
		}
		s = s[:cut]
	}
	// The scanner and its tokens live on the stack: Parse is called for
	// every item of every infobox figure line.
	var buf [16]textscan.Token
	scv := makeScanner(&s, buf[:0])
	sc := &scv
	if len(sc.toks) == 0 || sc.toks[0].Start != leadingSpace(s) {
		return Quantity{}, false
	}
	q, _, ok := sc.quantity(0)
	return q, ok
}

// parseWindow is how much of its input Parse reads.
const parseWindow = 120

func leadingSpace(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

type scanner struct {
	text   *string // behind a pointer, like slab, so that Parse keeps toks on its stack
	toks   []textscan.Token
	t      *table
	groups []int32 // the table's phrases starting at each token
	// slab holds the bounds handed out to Counts, allocated several at a
	// time. It sits behind a pointer so that what escapes with a Count is
	// the slab, never the scanner or its tokens (Parse keeps those on its
	// stack).
	slab *[]int
}

// bounds returns a new pair holding lo and hi, carved from the scanner's
// slab: one allocation serves many quantities of a text.
func (s *scanner) bounds(lo, hi int) *[2]int {
	if s.slab == nil {
		s.slab = new([]int)
	}
	slab := s.slab
	if cap(*slab)-len(*slab) < 2 {
		// Small at first (Parse reads one quantity), larger as a text
		// proves to hold many.
		*slab = make([]int, 0, min(32, max(4, 2*cap(*slab))))
	}
	n := len(*slab)
	*slab = append(*slab, lo, hi)
	return (*[2]int)((*slab)[n : n+2])
}

// makeScanner scans text into toks (appended to buf). It returns a value
// so that a caller can keep the scanner and buf on its stack.
func makeScanner(text *string, buf []textscan.Token) scanner {
	s := scanner{text: text, toks: textscan.Scan(*text, buf), t: words()}
	s.groups = s.t.Lookup(*text, s.toks)
	return s
}

// number is a number read at a token: its value, the tokens it took, and
// what the caller needs to tell counts from dates.
type number struct {
	val      int
	start    int // first token
	end      int // token after
	digits   bool
	yearlike bool // 4 digits, 1000–2100, no separator, no decimal, no scale
	dayLike  bool // 1–2 digits, 1–31
	twoDigit bool // exactly two digits (the "42" of "1941–42")
	sep      bool // digits with thousands separators
	scale    int  // the scale word it ends with (100 for "three hundred"), else 1
}

// quantity reads the quantity starting at token i. When there is none it
// returns ok false and the token to go on from (past a date or a name, so
// that its parts are not read as counts either).
func (s *scanner) quantity(i int) (q Quantity, next int, ok bool) {
	toks := s.toks
	tk := toks[i]
	if tk.Kind != textscan.Word && tk.Kind != textscan.Number && tk.Kind != textscan.Punct {
		return q, i + 1, false
	}
	// Every quantity opens with digits, a word of the table ("nine",
	// "several", "about", "a") or a sign ("~", "+"): most tokens are
	// rejected here.
	if tk.Kind != textscan.Number && s.groups[i] <= 0 && !(tk.Kind == textscan.Punct && (*s.text)[tk.Start] == '+') {
		return q, i + 1, false
	}
	if tk.Kind == textscan.Number {
		if end, code := s.codeChain(i); code {
			return q, end, false
		}
	}
	var mod kind
	j := i
	if tk.Kind != textscan.Number {
		// A qualifier before a number, a vague amount, or "+400".
		if tk.Kind == textscan.Punct && (*s.text)[tk.Start] == '+' && i+1 < len(toks) && !toks[i+1].Space && toks[i+1].Kind == textscan.Number {
			mod, j = kMin, i+1
		} else if p, e := s.match(i, kApprox|kMin|kMax|kBetween); p != nil && e < len(toks) && s.startsNumber(e) {
			mod, j = p.kinds&(kApprox|kMin|kMax|kBetween), e
			if mod&kBetween != 0 {
				mod = kBetween
			} else if mod&kApprox != 0 {
				mod = kApprox
			}
		} else if p, e := s.match(i, kVague); p != nil && !s.numberStartsAt(i) {
			if p.vague == "no" && e < len(toks) && !toks[e].Space && (*s.text)[toks[e].Start] == '.' {
				return q, i + 1, false // "No. 3"
			}
			q = s.make(i, e, nil, nil, false)
			q.Vague = p.vague
			if p.hasValue {
				v := p.value
				q.Count.Low, q.Count.High = &v, &v
			}
			return q, e, true
		}
	}
	n1, ok1 := s.number(j)
	if !ok1 {
		return q, j + 1, false
	}
	if !n1.digits && j == i && s.inName(i) {
		return q, n1.end, false
	}
	end := n1.end
	lo, hi := n1.val, n1.val
	hasHi := true
	isRange := false
	var n2 number
	// Ranges: "5-6", "7,000–7,300", "3,000 to 4,500", "two or three",
	// "between 3 and 5".
	if end+1 < len(toks) {
		c := toks[end]
		w := s.lower(end)
		conn := c.Kind == textscan.Dash || w == "to" || w == "or" || (mod == kBetween && w == "and")
		if conn {
			if m, ok2 := s.number(end + 1); ok2 && (n1.digits == m.digits) {
				years := n1.yearlike && (m.yearlike || (c.Kind == textscan.Dash && m.twoDigit && m.val > n1.val%100))
				if years || m.val > n1.val || (c.Kind == textscan.Dash && m.val == n1.val) {
					n2, isRange = m, true
				}
			}
		}
	}
	if isRange {
		if n1.yearlike && (n2.yearlike || n2.twoDigit) && s.yearRange(n1.start, n2.end) {
			return q, n2.end, false
		}
		if n1.dayLike && n2.dayLike && s.daysOfMonth(n1.start, n2.end) {
			return q, n2.end, false
		}
		hi, end = n2.val, n2.end
		lo = scaleLow(n1, n2)
		if n2.val < n1.val { // "1941–42" read as a count is not a range
			isRange = false
			hi, end = n1.val, n1.end
		}
	} else if n1.digits && s.dateNumber(n1) {
		return q, n1.end, false
	}
	if n1.digits && s.partOfName(n1.start) {
		return q, end, false
	}
	// An open bound written after the number: "665+".
	if end < len(toks) && !toks[end].Space && toks[end].Kind == textscan.Punct && (*s.text)[toks[end].Start] == '+' {
		end++
		hasHi = false
	}
	spanEnd := end
	unit := ""
	if end < len(toks) {
		nt := toks[end]
		switch {
		case !nt.Space && nt.Kind == textscan.Word:
			if s.has(end, kOrdinal) {
				return q, end + 1, false // "14th", "2nd"
			}
			if n1.yearlike && s.lower(end) == "s" {
				return q, end + 1, false // "1930s"
			}
			unit = nt.Text((*s.text))
			spanEnd = end + 1
		case !nt.Space && nt.Kind == textscan.Dash && end+1 < len(toks) && !toks[end+1].Space && toks[end+1].Kind == textscan.Word:
			unit = toks[end+1].Text((*s.text)) // "11-man", "37-mm"
			spanEnd = end + 2
		case !nt.Space && nt.Kind == textscan.Punct && (*s.text)[nt.Start] == '%':
			unit, spanEnd = "%", end+1
		case !nt.Space && nt.Kind == textscan.Punct && ((*s.text)[nt.Start] == ':' || (*s.text)[nt.Start] == '/') &&
			end+1 < len(toks) && !toks[end+1].Space && toks[end+1].Kind == textscan.Number:
			return q, end + 2, false // "04:00", "1/2", "24/7"
		case nt.Kind == textscan.Word:
			if p, e := s.match(end, kMeasure); p != nil {
				unit = (*s.text)[nt.Start:toks[e-1].End]
			}
		}
	}
	// The bounds escape into the Count: they are allocated only here,
	// once the tokens have been read as a quantity (many numbers of prose
	// are dates and are turned away above), from the scanner's slab.
	vals := s.bounds(lo, hi)
	var plo, phi *int
	switch mod {
	case kMin:
		plo = &vals[0]
	case kMax:
		phi = &vals[1]
	default:
		plo = &vals[0]
		if hasHi {
			phi = &vals[1]
		}
	}
	if !hasHi {
		phi = nil
	}
	if unit == "odd" { // "40-odd": a little over forty
		plo, phi, unit = &vals[0], nil, ""
		mod = kApprox
	}
	q = s.make(i, spanEnd, plo, phi, mod == kApprox)
	q.Unit = unit
	return q, spanEnd, true
}

func (s *scanner) make(i, end int, lo, hi *int, approx bool) Quantity {
	sp := annalist.Span{Start: s.toks[i].Start, End: s.toks[end-1].End}
	return Quantity{
		Span:  sp,
		Count: annalist.Count{Low: lo, High: hi, Approx: approx, Text: (*s.text)[sp.Start:sp.End]},
	}
}

// lower returns token i in lower case when it is a short ASCII word, else "".
func (s *scanner) lower(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != textscan.Word {
		return ""
	}
	w := s.toks[i].Text((*s.text))
	if len(w) > 8 {
		return ""
	}
	var buf [8]byte
	b := textscan.Lower(buf[:], w)
	switch string(b) { // only the few connectives callers compare with
	case "to":
		return "to"
	case "or":
		return "or"
	case "and":
		return "and"
	case "s":
		return "s"
	}
	return "x"
}

// startsNumber reports whether a number (digits, a number word, "a
// hundred") starts at token i.
func (s *scanner) startsNumber(i int) bool {
	_, ok := s.number(i)
	return ok
}

// numberStartsAt is startsNumber for the vague-word check: "no" and "a"
// phrases must not hide a number word after them ("a dozen" is 12).
func (s *scanner) numberStartsAt(i int) bool {
	tk := s.toks[i]
	if tk.Kind != textscan.Word {
		return false
	}
	_, ok := s.words(i)
	return ok
}

// number reads digits or number words at token i.
func (s *scanner) number(i int) (number, bool) {
	if i >= len(s.toks) {
		return number{}, false
	}
	tk := s.toks[i]
	switch tk.Kind {
	case textscan.Number:
		return s.digits(i)
	case textscan.Word:
		return s.words(i)
	}
	return number{}, false
}

func (s *scanner) digits(i int) (number, bool) {
	tk := s.toks[i]
	if tk.Value < 0 {
		return number{}, false
	}
	n := number{val: tk.Value, start: i, end: i + 1, digits: true}
	// Scale words: "2 million", "1.5 million", "300 thousand", "two dozen".
	if i+1 < len(s.toks) && s.toks[i+1].Space && s.toks[i+1].Kind == textscan.Word {
		if p := s.one(i+1, kScale|kHundred|kDozen); p != nil {
			if tk.Decimal {
				f, err := strconv.ParseFloat(tk.Text((*s.text)), 64)
				if err != nil {
					return number{}, false
				}
				n.val = int(math.Round(f * float64(p.value)))
			} else {
				n.val *= p.value
			}
			n.end = i + 2
			n.scale = p.value
			return n, true
		}
	}
	if tk.Decimal {
		return number{}, false
	}
	n.yearlike = tk.Digits == 4 && !tk.Sep && tk.Value >= 1000 && tk.Value <= 2100
	n.dayLike = tk.Digits <= 2 && tk.Value >= 1 && tk.Value <= 31
	n.twoDigit = tk.Digits == 2 && !tk.Sep
	n.sep = tk.Sep
	n.scale = 1
	return n, true
}

// words reads a number in words: "nine", "Thirty-seven", "two hundred
// and fifty", "a dozen", "three thousand".
func (s *scanner) words(i int) (number, bool) {
	toks := s.toks
	total, cur := 0, 0
	j := i
	last := kind(0)
	took := false
	if w := toks[i].Text((*s.text)); (w == "a" || w == "an" || w == "A" || w == "An") && i+1 < len(toks) {
		if p := s.one(i+1, kHundred|kScale|kDozen); p != nil {
			cur, last, j, took = p.value, p.kinds, i+2, true
		} else {
			return number{}, false
		}
	}
	for j < len(toks) {
		tk := toks[j]
		if tk.Kind == textscan.Dash && !tk.Space && last&kTen != 0 && j+1 < len(toks) && !toks[j+1].Space {
			if p := s.one(j+1, kUnit); p != nil && p.value > 0 {
				cur += p.value
				last, j = kUnit, j+2
				continue
			}
			break
		}
		if tk.Kind != textscan.Word {
			break
		}
		if took && (last&(kHundred|kScale) != 0) && j+1 < len(toks) && (tk.End-tk.Start == 3) {
			if w := tk.Text((*s.text)); w == "and" {
				if p := s.one(j+1, kNumberWord); p != nil {
					j++
					continue
				}
			}
		}
		p := s.one(j, kNumberWord|kHundred|kScale|kDozen)
		if p == nil {
			break
		}
		switch {
		case p.kinds&kTen != 0:
			if took && last&(kHundred|kScale) == 0 {
				return s.wordsDone(i, j, total+cur, took)
			}
			cur += p.value
			last = kTen
		case p.kinds&(kUnit|kTeen) != 0:
			if took && last&(kHundred|kScale|kTen) == 0 {
				return s.wordsDone(i, j, total+cur, took)
			}
			if last&kTen != 0 && p.kinds&kTeen != 0 {
				return s.wordsDone(i, j, total+cur, took)
			}
			cur += p.value
			last = p.kinds & (kUnit | kTeen)
		case p.kinds&kHundred != 0:
			if !took || cur == 0 || cur >= 100 {
				return s.wordsDone(i, j, total+cur, took)
			}
			cur *= 100
			last = kHundred
		case p.kinds&kScale != 0:
			if !took || cur == 0 {
				return s.wordsDone(i, j, total+cur, took)
			}
			total += cur * p.value
			cur = 0
			last = kScale
		case p.kinds&kDozen != 0:
			if !took || cur == 0 || last&kDozen != 0 {
				return s.wordsDone(i, j, total+cur, took)
			}
			cur *= 12
			last = kDozen
		}
		took = true
		j++
	}
	return s.wordsDone(i, j, total+cur, took)
}

func (s *scanner) wordsDone(i, j, v int, took bool) (number, bool) {
	if !took {
		return number{}, false
	}
	n := number{val: v, start: i, end: j, scale: 1}
	// "three hundred", "two thousand": the scale the number ends with.
	if p := s.one(j-1, kHundred|kScale); p != nil && j-1 > i {
		n.scale = p.value
	}
	return n, true
}

// scaleLow reads the low end of a range whose high end carries a scale
// the low end leaves out: "three to four hundred" is 300–400, "5–6,000"
// is 5,000–6,000, "2–3 million" 2–3 million.
func scaleLow(lo, hi number) int {
	if lo.scale != 1 || lo.sep {
		return lo.val
	}
	mult := hi.scale
	if mult == 1 && hi.sep {
		for lead := hi.val; lead >= 1000; lead /= 1000 {
			mult *= 1000
		}
	}
	if mult > 1 && lo.val*mult <= hi.val && lo.val*mult > hi.val/10 {
		return lo.val * mult
	}
	return lo.val
}

// isMonth reports whether token i is a capitalized month name.
func (s *scanner) isMonth(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Upper && s.has(i, kMonth)
}

func (s *scanner) punctAt(i int, c byte) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind == textscan.Punct && (*s.text)[s.toks[i].Start] == c
}

// dateNumber reports whether a single number in digits is a day or year of
// a date (see the package comment).
func (s *scanner) dateNumber(n number) bool {
	i := n.start
	if s.isMonth(i - 1) {
		return n.dayLike || n.yearlike
	}
	if n.dayLike && s.daysOfMonth(i, n.end) {
		return true
	}
	if !n.yearlike {
		return false
	}
	// "August 10, 1938"
	if s.punctAt(i-1, ',') && i >= 3 && s.toks[i-2].Kind == textscan.Number && s.isMonth(i-3) {
		return true
	}
	if s.has(i-1, kYearPrefix) || s.punctAt(i-1, '(') {
		return true
	}
	return s.yearFollows(n.end)
}

// yearFollows reports whether what follows token end-1 makes a 4-digit
// number a year: an era, a decade's "s", or anything but a lower-case word.
func (s *scanner) yearFollows(end int) bool {
	if end >= len(s.toks) {
		return true
	}
	nt := s.toks[end]
	if nt.Kind != textscan.Word || nt.Upper {
		return true
	}
	return s.has(end, kEra|kYearSuffix)
}

// yearRange reports whether the range of tokens [i, end) of two year-like
// numbers is a range of years.
func (s *scanner) yearRange(i, end int) bool {
	start := i
	if start > 0 && s.has(start-1, kBetween) {
		start--
	}
	if s.has(start-1, kYearPrefix|kYearRangePrefix) || s.punctAt(start-1, '(') || s.isMonth(start-1) {
		return true
	}
	if s.has(i-1, kYearPrefix|kYearRangePrefix) {
		return true
	}
	return s.yearFollows(end)
}

// daysOfMonth reports whether the day-like numbers from token i (and a
// short list after them: "7–8 and 20 August", "7, 8 or 9 May") are
// followed by a month name.
func (s *scanner) daysOfMonth(i, end int) bool {
	if s.isMonth(i - 1) {
		return true
	}
	j := end
	for k := 0; k < 8 && j < len(s.toks); k++ {
		tk := s.toks[j]
		switch {
		case s.isMonth(j):
			return true
		case tk.Kind == textscan.Number && tk.Digits <= 2 && !tk.Sep && !tk.Decimal:
		case tk.Kind == textscan.Dash, s.punctAt(j, ','):
		case tk.Kind == textscan.Word && (s.lower(j) == "and" || s.lower(j) == "or" || s.lower(j) == "to"):
		default:
			return false
		}
		j++
	}
	return false
}

// partOfName reports whether the digits at token i belong to a name:
// glued to a word ("WW1", "MiG-27", "Mi-8T") or after a name word ("Type
// 95", "No. 3", "Hill 52"), or a citation mark ("[3]").
func (s *scanner) partOfName(i int) bool {
	tk := s.toks[i]
	if i > 0 && !tk.Space {
		prev := s.toks[i-1]
		if prev.Kind == textscan.Word {
			return true
		}
		if prev.Kind == textscan.Dash && i > 1 && !prev.Space && s.toks[i-2].Kind == textscan.Word {
			return true
		}
		if s.punctAt(i-1, '[') {
			return true
		}
	}
	if i > 0 && s.toks[i-1].Upper && s.has(i-1, kNamePrefix) {
		return true
	}
	if i > 1 && s.punctAt(i-1, '.') && s.toks[i-2].Upper {
		if p, e := s.match(i-2, kNamePrefix); p != nil && e == i {
			return true
		}
	}
	return false
}

// inName reports whether the number word at token i is capitalized inside
// a sentence, as in a name ("the Eight Power Intervention", "the Three
// Kingdoms"): after a word, or before another capitalized word when no
// stop comes before. At the start of a sentence or a list item it is a
// count ("Five days later", "…, Five landing ships destroyed").
func (s *scanner) inName(i int) bool {
	if !s.toks[i].Upper || i == 0 {
		return false
	}
	prev := s.toks[i-1]
	if prev.Kind == textscan.Word || prev.Kind == textscan.Number {
		return true
	}
	n := i + 1
	for n < len(s.toks) && s.toks[n].Kind == textscan.Dash { // "Thirty-Seven"
		n++
	}
	if n >= len(s.toks) || s.toks[n].Kind != textscan.Word || !s.toks[n].Upper {
		return false
	}
	c := (*s.text)[prev.Start]
	return prev.Kind == textscan.Punct && c != '.' && c != '!' && c != '?' && c != ':' && c != '"' && c != '(' && c != ','
}

// codeChain reports whether the digits at token i start a chain of three or
// more digit groups glued by hyphens ("978-0-7139-9592-3", "2014-10-07"),
// or a run of more than nine digits: codes and dates, not counts. It
// returns the token after the chain.
func (s *scanner) codeChain(i int) (int, bool) {
	if s.toks[i].Digits > 9 && !s.toks[i].Sep {
		return i + 1, true
	}
	n, j := 1, i+1
	for j+1 < len(s.toks) && s.toks[j].Kind == textscan.Dash && !s.toks[j].Space &&
		s.toks[j+1].Kind == textscan.Number && !s.toks[j+1].Space {
		n++
		j += 2
	}
	return j, n >= 3
}
