// Package textscan splits English prose into the small tokens that the
// quantity, timex and sentence finders read: words, digit groups, dashes and
// single punctuation marks, each with its byte range and whether a space
// stood before it. One pass over the bytes, no regular expressions, so the
// finders built on it stay fast on whole articles.
package textscan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

const (
	Word   Kind = iota + 1 // letters (any script), e.g. "January", "Mi", "s"
	Number                 // digits with optional thousands groups and decimals: "30,443", "1.5"
	Dash                   // "-", "–", "—", "‒", "−"
	Punct                  // any other single non-space character
)

// Token is one token of a text. Start and End are byte offsets into the
// scanned text.
type Token struct {
	Start, End int
	// Value is the integer part of a Number, or -1 when it does not fit in
	// an int (more than 15 digits).
	Value int
	Kind  Kind
	// Space is true when white space (or the start of the text) precedes
	// the token; "37mm" is Number "37" then Word "mm" with Space false.
	Space bool
	// Upper is true for a Word whose first letter is upper case.
	Upper bool
	// Sep is true for a Number written with thousands separators.
	Sep bool
	// Decimal is true for a Number with a decimal part ("1.5").
	Decimal bool
	// Digits is the number of digits before any decimal point, separators
	// not counted (at most 255).
	Digits uint8
	// hash is WordHash of any token but a Number, set by Scan: every
	// table a word passes through tests it, so it is worked out once. It fits the struct's
	// padding. 0 (a token made elsewhere) means not known.
	hash uint16
}

// Text returns the token's text.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Scan appends the tokens of s to dst and returns it.
func Scan(s string, dst []Token) []Token {
	space := true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			t := scanNumber(s, i)
			t.Space = space
			dst = append(dst, t)
			i = t.End
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				j := i + 1
				for j < len(s) {
					d := s[j]
					if isASCIILetter(d) {
						j++
						continue
					}
					if d >= utf8.RuneSelf {
						r, n := utf8.DecodeRuneInString(s[j:])
						if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
							j += n
							continue
						}
					}
					break
				}
				dst = append(dst, Token{Start: i, End: j, Kind: Word, Space: space, Upper: c >= 'A' && c <= 'Z', hash: WordHash(s[i:j])})
				i = j
			} else {
				k := Punct
				if c == '-' {
					k = Dash
				}
				dst = append(dst, Token{Start: i, End: i + 1, Kind: k, Space: space, hash: WordHash(s[i : i+1])})
				i++
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u200b' || unicode.IsSpace(r):
				space = true
				i += n
				continue
			case unicode.IsLetter(r):
				j := i + n
				for j < len(s) {
					r2, n2 := utf8.DecodeRuneInString(s[j:])
					if !(unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2)) {
						break
					}
					j += n2
				}
				dst = append(dst, Token{Start: i, End: j, Kind: Word, Space: space, Upper: unicode.IsUpper(r), hash: WordHash(s[i:j])})
				i = j
			case r == '–' || r == '—' || r == '‒' || r == '−' || r == '―':
				dst = append(dst, Token{Start: i, End: i + n, Kind: Dash, Space: space, hash: WordHash(s[i : i+n])})
				i += n
			default:
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Space: space, hash: WordHash(s[i : i+n])})
				i += n
			}
		}
		space = false
	}
	return dst
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber reads digits at s[i:], joining thousands groups ("30,443":
// exactly three digits after each comma, and the first group at most three
// digits) and one decimal part ("1.5").
func scanNumber(s string, i int) Token {
	t := Token{Start: i, Kind: Number}
	j := i
	v, digits, overflow := 0, 0, false
	add := func(c byte) {
		digits++
		if digits > 15 {
			overflow = true
			return
		}
		v = v*10 + int(c-'0')
	}
	for j < len(s) && isDigit(s[j]) {
		add(s[j])
		j++
	}
	if j-i <= 3 {
		for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			add(s[j+1])
			add(s[j+2])
			add(s[j+3])
			j += 4
			t.Sep = true
		}
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		t.Decimal = true
	}
	t.End = j
	t.Digits = uint8(min(digits, 255))
	t.Value = v
	if overflow {
		t.Value = -1
	}
	return t
}

// Apostrophe reports whether w, a token's text, is an apostrophe, straight
// or curly: the mark of a possessive ("Japan's", "the summer’s").
func Apostrophe(w string) bool { return w == "'" || w == "’" }

// HoldsWords reports whether name holds part as whole words, set off by
// spaces or its ends: "Kingdom of Great Britain" holds "Great Britain",
// "Habsburg Monarchy" does not hold "Austria", "Russian Empire" does not
// hold "Russia".
func HoldsWords(name, part string) bool {
	for i := 0; part != "" && i+len(part) <= len(name); i++ {
		j := strings.Index(name[i:], part)
		if j < 0 {
			return false
		}
		i += j
		if (i == 0 || name[i-1] == ' ') && (i+len(part) == len(name) || name[i+len(part)] == ' ') {
			return true
		}
	}
	return false
}

// Lower writes the ASCII lower-case form of w into buf and returns it; it
// returns nil when w is longer than buf or not ASCII, so that callers can
// look words up in a map without allocating (m[string(b)] does not copy).
func Lower(buf []byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// Filter is a small bit set over words (by WordHash, ignoring ASCII
// case) that tells quickly that a word is not in a table, so that most
// words of a text skip the look-up. It has 16,384 bits (2 kB): a table
// of a thousand words sets one in sixteen, and passes as few of the
// text's other words.
type Filter [256]uint64

// filterBit is the bit of a word of hash h.
func filterBit(h uint16) uint { return uint(h) >> 2 }

// Add puts w in the filter. It sets the bit of hash 0 too, which a
// token has that Scan did not make: such a token always may be there.
func (f *Filter) Add(w string) {
	b := filterBit(WordHash(w))
	f[b>>6] |= 1 << (b & 63)
	f[0] |= 1
}

// MayHave reports whether w may have been added; false means it was not.
func (f *Filter) MayHave(w string) bool {
	b := filterBit(WordHash(w))
	return f[b>>6]&(1<<(b&63)) != 0
}

// MayHaveToken is MayHave of t.Text(text), for a token of text. It
// reads the hash Scan worked out (see Add for a token without one).
func (f *Filter) MayHaveToken(t Token, text string) bool {
	b := filterBit(t.hash)
	return f[b>>6]&(1<<(b&63)) != 0
}

// Hash returns WordHash of the token's text: Scan works it out once for
// every word, since every table a word passes through looks it up.
func (t Token) Hash(text string) uint16 {
	if t.hash != 0 {
		return t.hash
	}
	return WordHash(text[t.Start:t.End])
}

// WordHash is a hash of w that ignores ASCII case: "Battle", "BATTLE" and
// "battle" have one hash. It is never 0. Bytes are folded with 0x20, which
// lower-cases ASCII letters and merges a few other pairs; that only costs
// a comparison more where two such words meet in a table.
func WordHash(w string) uint16 {
	h := uint64(len(w)) * 0x9e3779b97f4a7c15
	for len(w) >= 8 {
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h = (h ^ (v | 0x2020202020202020)) * 0xbf58476d1ce4e5b9
		w = w[8:]
	}
	var v uint64
	for i := 0; i < len(w); i++ {
		v |= uint64(w[i]|0x20) << (8 * i)
	}
	h = (h ^ v) * 0x94d049bb133111eb
	if x := uint16(h >> 48); x != 0 {
		return x
	}
	return 1
}

// ClauseJoin reports a conjunction that, after a comma, opens a clause
// with its own subject ("…, and Ethiopia answered", "…, while two were
// wounded"), in any case.
func ClauseJoin(w string) bool {
	for _, j := range [...]string{"and", "but", "while", "whereas", "although", "though", "yet", "when", "where", "whereupon"} {
		if strings.EqualFold(w, j) {
			return true
		}
	}
	return false
}
