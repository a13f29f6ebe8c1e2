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
// rendering sometimes keeps a flag's name there) and may be missing. Every
// "- Key: value" line after it belongs to the infobox, whatever the key
// ("Casualties2", "Image Size", "map_relief"); keys are lower-cased, may
// repeat, and values may be empty. Headings run
// from ==H== down to =====H=====, with or without spaces inside the equals
// signs. The text may stop mid-sentence (excerpts are cut at a fixed size).
//
// Every element keeps its byte range in the file: offsets count from the
// first byte of the file, a byte-order mark included, and a CRLF line's
// span stops before the CR, so Raw[span] is always the element's text.
//
// Reading is linear in time and memory whatever the file's shape. A file
// over MaxArticleBytes (64 MB), with more than MaxElements paragraphs,
// list items and headings or more than MaxFields infobox fields is not an
// article: Read refuses it with an error that names it and wraps
// ErrTooLarge.
package plaintext

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
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
	next       int // start of the next line; len(data)+1 after the last
}

// MaxArticleBytes is the largest file Read accepts as one article: 64 MB,
// some thirty times the longest article Wikipedia holds. A larger file is
// not an article (a dump, a log, a concatenation) and is refused with an
// error naming it, rather than read at the cost of gigabytes.
const MaxArticleBytes = 64 << 20

// MaxElements is the most paragraphs, list items and headings Read keeps
// from one file (about a million; the longest articles have a few
// thousand), and MaxFields the most infobox fields. Each element costs a
// hundred bytes or so whatever its length, so a file of short lines would
// otherwise take many times its size in memory.
const (
	MaxElements = 1 << 20
	MaxFields   = 4096
)

// ErrTooLarge is wrapped by the error Read returns for a file over
// MaxArticleBytes, MaxElements or MaxFields.
var ErrTooLarge = errors.New("file too large for one article")

// Read parses data, the contents of the file named source. It reads every
// line once and keeps nothing per line: time and memory grow linearly with
// the file, whatever its shape.
func Read(source string, data []byte) (*annalist.Article, error) {
	if len(data) > MaxArticleBytes {
		return nil, fmt.Errorf("%s: %w: %d bytes, over the limit of %d (%d MB)", source, ErrTooLarge, len(data), MaxArticleBytes, MaxArticleBytes>>20)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &FormatError{source, lineOf(data, i), "binary data (NUL byte): not a plain-text article"}
	}
	sum := sha256.Sum256(data)
	a := &annalist.Article{
		Source: source,
		Format: annalist.FormatText,
		Raw:    data,
		SHA256: hex.EncodeToString(sum[:]),
	}
	a.Warnings = checkUTF8(data)

	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	// One copy of the file as a string: every title, key, value, heading
	// and block is a substring of it, not an allocation of its own.
	p := parser{a: a, data: data, src: string(data), source: source, pos: start, num: 1}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return a, nil
}

type parser struct {
	a      *annalist.Article
	data   []byte
	src    string // data as a string, for substrings
	source string
	pos    int // start of the next line; len(data)+1 past the last
	num    int // its 1-based line number
}

// peek returns the next line without consuming it; ok is false at the end.
func (p *parser) peek() (l line, ok bool) {
	return lineAt(p.data, p.pos, p.num)
}

// advance consumes the line peek returned.
func (p *parser) advance(l line) {
	p.pos = l.next
	p.num++
}

// lineAt returns the line starting at byte pos (numbered num), or ok false
// past the end of data.
func lineAt(data []byte, pos, num int) (l line, ok bool) {
	if pos > len(data) {
		return line{}, false
	}
	end := len(data)
	next := len(data) + 1
	if nl := bytes.IndexByte(data[pos:], '\n'); nl >= 0 {
		end = pos + nl
		next = end + 1
	}
	e := end
	if e > pos && data[e-1] == '\r' {
		e--
	}
	return line{start: pos, end: e, num: num, next: next}, true
}

func (p *parser) bytesOf(l line) []byte { return p.data[l.start:l.end] }

func (p *parser) skipBlank() {
	for {
		l, ok := p.peek()
		if !ok || !isBlank(p.bytesOf(l)) {
			return
		}
		p.advance(l)
	}
}

func (p *parser) parse() error {
	p.skipBlank()
	if _, ok := p.peek(); !ok {
		return &FormatError{p.source, 1, "empty file: expected a title line such as \"= Battle of X =\""}
	}
	if err := p.title(); err != nil {
		return err
	}
	p.skipBlank()
	if err := p.infobox(); err != nil {
		return err
	}
	return p.body()
}

func (p *parser) title() error {
	l, _ := p.peek()
	b := p.bytesOf(l)
	level, s, e, ok := heading(b)
	if !ok || level != 1 {
		return &FormatError{p.source, l.num, fmt.Sprintf("expected a title line such as \"= Battle of X =\", found %q", clip(b))}
	}
	p.a.Title = p.src[l.start+s : l.start+e]
	p.a.TitleSpan = annalist.Span{Start: l.start + s, End: l.start + e}
	p.advance(l)
	return nil
}

// infobox reads the optional header line and the "- Key: value" lines
// that follow the title. Every such line up to the first line of another
// kind belongs to the infobox, whatever its key.
func (p *parser) infobox() error {
	l, ok := p.peek()
	if !ok {
		return nil
	}
	b := p.bytesOf(l)
	if _, _, _, _, ok := field(b); !ok {
		// A header line counts only when fields follow it directly.
		if n, ok := lineAt(p.data, l.next, l.num+1); ok && !isBullet(b) && !isHeading(b) {
			if _, _, _, _, ok := field(p.bytesOf(n)); ok {
				hs, he := trimSpan(p.data, l.start, l.end)
				p.a.InfoboxHeader = p.src[hs:he]
				p.advance(l)
			}
		}
	}
	// Size the fields once: the run of "- " lines ahead bounds them.
	n := 0
	for pos := p.pos; pos < len(p.data) && p.data[pos] == '-' && n <= MaxFields; n++ {
		nl := bytes.IndexByte(p.data[pos:], '\n')
		if nl < 0 {
			n++
			break
		}
		pos += nl + 1
	}
	p.a.Infobox = make([]annalist.Field, 0, min(n, MaxFields))
	for {
		l, ok := p.peek()
		if !ok {
			break
		}
		ks, ke, vs, ve, ok := field(p.bytesOf(l))
		if !ok {
			break
		}
		if len(p.a.Infobox) == MaxFields {
			return fmt.Errorf("%s:%d: %w: more than %d infobox fields", p.source, l.num, ErrTooLarge, MaxFields)
		}
		p.a.Infobox = append(p.a.Infobox, annalist.Field{
			Key:       lowerASCII(p.src[l.start+ks : l.start+ke]),
			Value:     p.src[l.start+vs : l.start+ve],
			KeySpan:   annalist.Span{Start: l.start + ks, End: l.start + ke},
			ValueSpan: annalist.Span{Start: l.start + vs, End: l.start + ve},
		})
		p.advance(l)
	}
	return nil
}

// bigFile is the size from which body counts its blocks before it reads
// them: a large file gets one allocation of the right size instead of a
// slice grown by copies.
const bigFile = 256 << 10

func (p *parser) body() error {
	if len(p.data)-p.pos > bigFile {
		save, saveNum := p.pos, p.num
		blocks, sections := p.readBody(false)
		p.pos, p.num = save, saveNum
		if blocks+sections > MaxElements {
			return fmt.Errorf("%s: %w: more than %d paragraphs, list items and headings", p.source, ErrTooLarge, MaxElements)
		}
		p.a.Blocks = make([]annalist.Block, 0, blocks)
		p.a.Sections = make([]annalist.Section, 0, sections)
	}
	p.readBody(true)
	return nil
}

// readBody reads the sections and blocks after the infobox; with keep
// false it only counts them. A paragraph is held as the span from
// its first line to its last, never as a list of its lines.
func (p *parser) readBody(keep bool) (blocks, sections int) {
	count := 0
	section := -1
	paraStart, paraEnd := -1, -1 // the paragraph being read
	flush := func() {
		if paraStart < 0 {
			return
		}
		count++
		if keep {
			s, e := trimSpan(p.data, paraStart, paraEnd)
			p.a.Blocks = append(p.a.Blocks, annalist.Block{
				Kind:    annalist.Paragraph,
				Section: section,
				Text:    p.src[s:e],
				Span:    annalist.Span{Start: s, End: e},
			})
		}
		paraStart = -1
	}
	for {
		l, ok := p.peek()
		if !ok {
			break
		}
		p.advance(l)
		b := p.bytesOf(l)
		switch {
		case isBlank(b):
			flush()
		case isHeading(b):
			flush()
			sections++
			if !keep {
				continue
			}
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
			count++
			if !keep {
				continue
			}
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
			if paraStart < 0 {
				paraStart = l.start
			}
			paraEnd = l.end
		}
	}
	flush()
	if !keep {
		return count, sections
	}
	// List items rarely end with a full stop; only a last paragraph that
	// stops mid-sentence marks an excerpt cut at a fixed size.
	if n := len(p.a.Blocks); n > 0 && p.a.Blocks[n-1].Kind == annalist.Paragraph {
		p.a.Truncated = !endsSentence(p.a.Blocks[n-1].Text)
	}
	return count, sections
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

// maxKeyLen is the longest infobox key field accepts, in bytes.
const maxKeyLen = 48

// field recognises "- Key: value". A key is whatever the infobox names its
// parameter with: a letter, then letters, digits, spaces and the
// punctuation of names ("Casualties2", "Image Size", "map_relief",
// "Strength (1939)"), up to the first colon and at most maxKeyLen bytes.
// The value may be empty.
func field(b []byte) (ks, ke, vs, ve int, ok bool) {
	if len(b) < 4 || b[0] != '-' || b[1] != ' ' {
		return
	}
	i := 2
	if !isLetter(b[i]) && b[i] < utf8.RuneSelf {
		return
	}
	for i < len(b) && b[i] != ':' {
		if c := b[i]; !(isLetter(c) || isDigit(c) || isKeyPunct(c) || c >= utf8.RuneSelf) || i-2 >= maxKeyLen {
			return
		}
		i++
	}
	if i == len(b) {
		return
	}
	ks, ke = 2, i
	for ke > ks && b[ke-1] == ' ' {
		ke--
	}
	if !utf8.Valid(b[ks:ke]) {
		return 0, 0, 0, 0, false
	}
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

// isKeyPunct reports whether c may stand inside an infobox key.
func isKeyPunct(c byte) bool {
	switch c {
	case ' ', '_', '-', '(', ')', '.', '/', '&', '\'', '+':
		return true
	}
	return false
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
