// Package sentence splits English prose into sentences with byte ranges.
//
// It is a hand-written byte scan rather than a trained splitter: it looks
// only at '.', '!', '?' and decides from the word before and the text
// after, which keeps it far faster than a general tokenizer (see
// BenchmarkSplit). The rules:
//   - '!' and '?' end a sentence, with any closing quotes and brackets
//     after them, when white space and then no lower-case letter follow;
//   - '.' does the same, except after an abbreviation of kind "title" in
//     abbreviations.tsv ("Lt.", "Gen.", "No.", "c."), and, when the next
//     word is not a common sentence opener (kind "starter"), after an
//     abbreviation of kind "any" ("etc.") or an initial ("V. P. Malik",
//     "U.S. Army", "William C. Bullitt");
//   - a stop followed by a lower-case word never ends a sentence ("approx.
//     five", "(which began in 1939.) ended"), nor does one inside
//     balanced parentheses;
//   - a decimal point or a stop glued to the next word ("1.5", "Lt.-Col.")
//     is not an end;
//   - a blank line always ends a sentence, and the text after the last
//     stop (a text cut off mid-sentence) is the last sentence.
//
// Spans are trimmed of surrounding white space.
package sentence

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

//go:embed abbreviations.tsv
var abbreviationsTSV string

type wordKind uint8

const (
	kTitle wordKind = iota + 1
	kAny
	kStarter
)

// table is abbreviations.tsv loaded, keyed by lower-case word.
type table map[string]wordKind

var words = sync.OnceValue(func() table {
	t, err := parseTable(abbreviationsTSV)
	if err != nil {
		panic(err) // embedded and checked by the tests: a build bug, not input
	}
	return t
})

func parseTable(src string) (table, error) {
	t := make(table)
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, k, ok := strings.Cut(line, "\t")
		if !ok || w == "" {
			return nil, fmt.Errorf("abbreviations.tsv line %d: want word<TAB>kind, got %q", n+1, line)
		}
		var kind wordKind
		switch k {
		case "title":
			kind = kTitle
		case "any":
			kind = kAny
		case "starter":
			kind = kStarter
		default:
			return nil, fmt.Errorf("abbreviations.tsv line %d: unknown kind %q", n+1, k)
		}
		t[strings.ToLower(w)] = kind
	}
	return t, nil
}

func (t table) kind(w string) wordKind {
	var buf [16]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return t[string(buf[:len(w)])]
}

// maxParen is how far a '(' looks for its ')': an unclosed bracket must
// not swallow the rest of a paragraph.
const maxParen = 600

// Split returns the sentences of text as byte ranges into it, in order.
func Split(text string) []annalist.Span {
	t := words()
	out := make([]annalist.Span, 0, len(text)/100+1)
	start := 0
	depth := 0
	closeAt := -1 // where the outermost open parenthesis closes
	emit := func(end int) {
		if sp, ok := trim(text, start, end); ok {
			out = append(out, sp)
		}
		start = end
	}
	// The bytes the loop acts on; it runs over the others in a tight scan.
	special := [256]bool{'(': true, ')': true, '\n': true, '.': true, '!': true, '?': true}
	for i := 0; i < len(text); i++ {
		for i < len(text) && !special[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		c := text[i]
		switch c {
		case '(':
			if depth == 0 {
				closeAt = closing(text, i)
				if closeAt < 0 {
					continue
				}
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
				// "(It was over.) Then …": a whole sentence in brackets.
				if depth == 0 && i > 0 && (text[i-1] == '.' || text[i-1] == '!' || text[i-1] == '?') {
					if end, ok := boundary(t, text, i-1); ok {
						emit(end)
						i = end - 1
					}
				}
			}
		case '\n':
			// A blank line ends a sentence, whatever the brackets say.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				depth = 0
			}
		case '.', '!', '?':
			if depth > 0 && i < closeAt {
				continue
			}
			end, ok := boundary(t, text, i)
			if ok {
				emit(end)
				i = end - 1
			}
		}
	}
	emit(len(text))
	return out
}

// closing returns the index of the ')' closing the '(' at i, within
// maxParen bytes and before a blank line, or -1.
func closing(text string, i int) int {
	depth := 0
	for j := i; j < len(text) && j < i+maxParen; j++ {
		switch text[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			if j+1 < len(text) && text[j+1] == '\n' {
				return -1
			}
		}
	}
	return -1
}

// boundary decides whether the stop at i ends a sentence, and where the
// sentence ends (after closing quotes and brackets).
func boundary(t table, text string, i int) (int, bool) {
	c := text[i]
	// A run of stops ("...", "?!") is one.
	j := i + 1
	for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
		j++
	}
	// Closing quotes and brackets belong to the sentence.
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»' {
			j += n
			continue
		}
		break
	}
	end := j
	if j == len(text) {
		return end, true
	}
	// White space must follow.
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(r) {
			break
		}
		k += n
	}
	if k == j {
		return 0, false
	}
	if k == len(text) {
		return end, true
	}
	// What opens the next sentence: skip opening quotes and brackets.
	m := k
	for m < len(text) {
		r, n := utf8.DecodeRuneInString(text[m:])
		if r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '[' || r == '«' {
			m += n
			continue
		}
		break
	}
	if m == len(text) {
		return end, true
	}
	r, _ := utf8.DecodeRuneInString(text[m:])
	if unicode.IsLower(r) {
		return 0, false
	}
	if c != '.' || j > i+1 && text[i+1] == '.' {
		return end, true
	}
	// A full stop: look at the word before it.
	w := wordBefore(text, i)
	if w == "" {
		return end, true
	}
	kind := t.kind(w)
	if kind == kTitle {
		return 0, false
	}
	if kind == kAny || isInitial(w) {
		return end, t.kind(wordAt(text, m)) == kStarter
	}
	return end, true
}

// wordBefore returns the word (letters and inner dots) that ends at the
// stop at i.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || r == '.' && j-n > 0 && j < i) {
			break
		}
		j -= n
	}
	return text[j:i]
}

// wordAt returns the run of letters starting at i.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// isInitial reports whether w is one upper-case letter ("C" of "William C.
// Bullitt") or dotted letters ("U.S", "U.S.S.R").
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsUpper(r)
	}
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// trim returns [start, end) without surrounding white space.
func trim(text string, start, end int) (annalist.Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return annalist.Span{Start: start, End: end}, end > start
}
