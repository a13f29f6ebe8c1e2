// Package plaintext reads the plain-text rendering of Wikipedia articles
// into an annalist.Article.
//
// The rendering looks like this:
//
//	= Title =
//
//	Infobox
//	- Conflict: Battle of X
//	- Date: 1–3 May 1940
//
//	Lead paragraph.
//
//	==Section==
//	===Subsection===
//	Paragraph.
//	- bulleted line
//
// The line before the infobox fields is "Infobox" or a country name (the
// rendering sometimes keeps a flag's name there) and may be missing. Keys
// are case-insensitive and may repeat; values may be empty. Headings run
// from ==H== down to =====H=====, with or without spaces inside the equals
// signs. The text may stop mid-sentence (excerpts are cut at a fixed size).
//
// Every element keeps its byte range in the file: offsets count from the
// first byte of the file, a byte-order mark included, and a CRLF line's
// span stops before the CR, so Raw[span] is always the element's text.
package plaintext

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// maxWarnings caps the invalid-UTF-8 warnings kept per file; a file of
// Latin-1 would otherwise produce one per accented letter.
const maxWarnings = 20

// FormatError is returned for a file that is not in the plain-text
// rendering. It names the file and the line.
type FormatError struct {
	Source string
	Line   int
	Msg    string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.Source, e.Line, e.Msg)
}

// line is one line of the file without its terminator.
type line struct {
	start, end int // byte span of the content (no CR, no LF)
	num        int // 1-based line number
}

// Read parses data, the contents of the file named source.
func Read(source string, data []byte) (*annalist.Article, error) {
	sum := sha256.Sum256(data)
	a := &annalist.Article{
		Source: source,
		Format: annalist.FormatText,
		Raw:    data,
		SHA256: hex.EncodeToString(sum[:]),
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &FormatError{source, lineOf(data, bytes.IndexByte(data, 0)), "binary data (NUL byte): not a plain-text article"}
	}
	a.Warnings = checkUTF8(data)

	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	lines := splitLines(data, start)
	// One copy of the file as a string: every title, key, value, heading
	// and block is a substring of it, not an allocation of its own.
	p := parser{a: a, data: data, src: string(data), lines: lines, source: source}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return a, nil
}

type parser struct {
	a      *annalist.Article
	data   []byte
	src    string // data as a string, for substrings
	lines  []line
	i      int // next line
	source string
}

func (p *parser) skipBlank() {
	for p.i < len(p.lines) && isBlank(p.data[p.lines[p.i].start:p.lines[p.i].end]) {
		p.i++
	}
}

func (p *parser) parse() error {
	p.skipBlank()
	if p.i == len(p.lines) {
		return &FormatError{p.source, 1, "empty file: expected a title line such as \"= Battle of X =\""}
	}
	if err := p.title(); err != nil {
		return err
	}
	p.skipBlank()
	p.infobox()
	p.body()
	return nil
}

func (p *parser) title() error {
	l := p.lines[p.i]
	b := p.data[l.start:l.end]
	level, s, e, ok := heading(b)
	if !ok || level != 1 {
		return &FormatError{p.source, l.num, fmt.Sprintf("expected a title line such as \"= Battle of X =\", found %q", clip(b))}
	}
	p.a.Title = p.src[l.start+s : l.start+e]
	p.a.TitleSpan = annalist.Span{Start: l.start + s, End: l.start + e}
	p.i++
	return nil
}

// infobox reads the optional header line and the "- Key: value" lines
// that follow the title.
func (p *parser) infobox() {
	if p.i >= len(p.lines) {
		return
	}
	l := p.lines[p.i]
	b := p.data[l.start:l.end]
	if _, _, _, _, ok := field(b); !ok {
		// A header line counts only when fields follow it directly.
		if p.i+1 < len(p.lines) && !isBullet(b) && !isHeading(b) {
			n := p.lines[p.i+1]
			if _, _, _, _, ok := field(p.data[n.start:n.end]); ok {
				hs, he := trimSpan(p.data, l.start, l.end)
				p.a.InfoboxHeader = p.src[hs:he]
				p.i++
			}
		}
	}
	// Size the fields once: the run of "- " lines ahead bounds them.
	n := 0
	for j := p.i; j < len(p.lines) && p.lines[j].end > p.lines[j].start && p.data[p.lines[j].start] == '-'; j++ {
		n++
	}
	p.a.Infobox = make([]annalist.Field, 0, n)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		b := p.data[l.start:l.end]
		ks, ke, vs, ve, ok := field(b)
		if !ok {
			break
		}
		p.a.Infobox = append(p.a.Infobox, annalist.Field{
			Key:       lowerASCII(p.src[l.start+ks : l.start+ke]),
			Value:     p.src[l.start+vs : l.start+ve],
			KeySpan:   annalist.Span{Start: l.start + ks, End: l.start + ke},
			ValueSpan: annalist.Span{Start: l.start + vs, End: l.start + ve},
		})
		p.i++
	}
}

func (p *parser) body() {
	section := -1
	var para []line // lines of the paragraph being read
	flush := func() {
		if len(para) == 0 {
			return
		}
		first, last := para[0], para[len(para)-1]
		s, e := trimSpan(p.data, first.start, last.end)
		p.a.Blocks = append(p.a.Blocks, annalist.Block{
			Kind:    annalist.Paragraph,
			Section: section,
			Text:    p.src[s:e],
			Span:    annalist.Span{Start: s, End: e},
		})
		para = para[:0]
	}
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		b := p.data[l.start:l.end]
		switch {
		case isBlank(b):
			flush()
		case isHeading(b):
			flush()
			level, s, e, _ := heading(b)
			parent := section
			for parent >= 0 && p.a.Sections[parent].Level >= level {
				parent = p.a.Sections[parent].Parent
			}
			ls, le := trimSpan(p.data, l.start, l.end)
			p.a.Sections = append(p.a.Sections, annalist.Section{
				Heading:     p.src[l.start+s : l.start+e],
				Level:       level,
				Span:        annalist.Span{Start: ls, End: le},
				HeadingSpan: annalist.Span{Start: l.start + s, End: l.start + e},
				Parent:      parent,
			})
			section = len(p.a.Sections) - 1
		case isBullet(b):
			flush()
			depth, s := bullet(b)
			e := len(b)
			for e > s && isSpace(b[e-1]) {
				e--
			}
			p.a.Blocks = append(p.a.Blocks, annalist.Block{
				Kind:    annalist.ListItem,
				Section: section,
				Depth:   depth,
				Text:    p.src[l.start+s : l.start+e],
				Span:    annalist.Span{Start: l.start + s, End: l.start + e},
			})
		default:
			para = append(para, l)
		}
	}
	flush()
	// List items rarely end with a full stop; only a last paragraph that
	// stops mid-sentence marks an excerpt cut at a fixed size.
	if n := len(p.a.Blocks); n > 0 && p.a.Blocks[n-1].Kind == annalist.Paragraph {
		p.a.Truncated = !endsSentence(p.a.Blocks[n-1].Text)
	}
}

// splitLines cuts data into lines from offset start, dropping LF and a CR
// before it.
func splitLines(data []byte, start int) []line {
	lines := make([]line, 0, bytes.Count(data, []byte{'\n'})+1)
	num := 1
	for start <= len(data) {
		nl := bytes.IndexByte(data[start:], '\n')
		end := len(data)
		next := len(data) + 1
		if nl >= 0 {
			end = start + nl
			next = end + 1
		}
		e := end
		if e > start && data[e-1] == '\r' {
			e--
		}
		lines = append(lines, line{start: start, end: e, num: num})
		num++
		start = next
	}
	return lines
}

// heading recognises "= T =" (level 1) to "====== T ======": it returns the
// level and the span of the trimmed heading text within b.
func heading(b []byte) (level, s, e int, ok bool) {
	t := bytes.TrimRight(b, " \t")
	n := 0
	for n < len(t) && t[n] == '=' {
		n++
	}
	m := 0
	for m < len(t)-n && t[len(t)-1-m] == '=' {
		m++
	}
	if n == 0 || n != m || n > 6 || len(t) <= 2*n {
		return 0, 0, 0, false
	}
	s, e = n, len(t)-m
	for s < e && isSpace(t[s]) {
		s++
	}
	for e > s && isSpace(t[e-1]) {
		e--
	}
	if s == e {
		return 0, 0, 0, false
	}
	return n, s, e, true
}

func isHeading(b []byte) bool {
	level, _, _, ok := heading(b)
	return ok && level >= 2
}

// field recognises "- Key: value". Keys are infobox parameter names: a
// letter, then letters, digits or underscores. The value may be empty.
func field(b []byte) (ks, ke, vs, ve int, ok bool) {
	if len(b) < 4 || b[0] != '-' || b[1] != ' ' {
		return
	}
	i := 2
	if !isLetter(b[i]) {
		return
	}
	for i < len(b) && (isLetter(b[i]) || isDigit(b[i]) || b[i] == '_') {
		i++
	}
	if i == len(b) || b[i] != ':' {
		return
	}
	ks, ke = 2, i
	vs = i + 1
	for vs < len(b) && isSpace(b[vs]) {
		vs++
	}
	ve = len(b)
	for ve > vs && isSpace(b[ve-1]) {
		ve--
	}
	return ks, ke, vs, ve, true
}

func isBullet(b []byte) bool {
	_, s := bullet(b)
	return s > 0
}

// bullet recognises "- item", "* item", "** item": it returns the nesting
// depth and where the item's text starts.
func bullet(b []byte) (depth, s int) {
	i := 0
	for i < len(b) && (b[i] == '*' || b[i] == '-') && i < 6 {
		i++
	}
	if i == 0 || i == len(b) || b[i] != ' ' {
		return 0, 0
	}
	depth = i
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return 0, 0
	}
	return depth, i
}

func endsSentence(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', ')', ']', '”', '’', ' ', '\t', '\r', '\n':
			s = s[:len(s)-size]
			continue
		case '.', '!', '?', ':':
			return true
		}
		return false
	}
	return false
}

// checkUTF8 warns once per invalid byte sequence, naming its offset.
func checkUTF8(data []byte) []annalist.Warning {
	if utf8.Valid(data) {
		return nil
	}
	var ws []annalist.Warning
	bad := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
			if len(ws) < maxWarnings {
				ws = append(ws, annalist.Warning{Offset: i, Line: lineOf(data, i),
					Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x; kept as is", data[i])})
			}
		}
		i += size
	}
	if bad > maxWarnings {
		ws = append(ws, annalist.Warning{Offset: len(data),
			Message: fmt.Sprintf("%d more invalid UTF-8 bytes not listed; is the file in another encoding?", bad-maxWarnings)})
	}
	return ws
}

func lineOf(data []byte, off int) int { return bytes.Count(data[:off], []byte{'\n'}) + 1 }

func trimSpan(data []byte, s, e int) (int, int) {
	for s < e && isSpace(data[s]) {
		s++
	}
	for e > s && isSpace(data[e-1]) {
		e--
	}
	return s, e
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			// Keys are short: lower-case on the stack, allocate once.
			var buf [64]byte
			b := append(buf[:0], s...)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			if k := commonKey(b); k != "" {
				return k
			}
			return string(b)
		}
	}
	return s
}

// commonKey returns the constant for an infobox key most articles have,
// so that reading them allocates nothing; "" for any other key.
func commonKey(b []byte) string {
	switch string(b) { // compiled to a comparison, not a conversion
	case "conflict":
		return "conflict"
	case "partof":
		return "partof"
	case "date":
		return "date"
	case "place":
		return "place"
	case "territory":
		return "territory"
	case "result":
		return "result"
	case "status":
		return "status"
	case "combatant1":
		return "combatant1"
	case "combatant2":
		return "combatant2"
	case "combatant3":
		return "combatant3"
	case "commander1":
		return "commander1"
	case "commander2":
		return "commander2"
	case "commander3":
		return "commander3"
	case "units1":
		return "units1"
	case "units2":
		return "units2"
	case "units3":
		return "units3"
	case "strength1":
		return "strength1"
	case "strength2":
		return "strength2"
	case "strength3":
		return "strength3"
	case "casualties1":
		return "casualties1"
	case "casualties2":
		return "casualties2"
	case "casualties3":
		return "casualties3"
	}
	return ""
}

func clip(b []byte) string {
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}
