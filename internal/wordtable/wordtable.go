// Package wordtable holds the word tables of the finders that read prose
// token by token (quantity, timex): embedded TSV files of phrase, kind and
// values, their phrases grouped by first token so that a scan looks each
// token up at most once, and the matching of a phrase's further tokens.
// What a kind means and what the value columns hold is each finder's own.
package wordtable

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/annalist/annalist/internal/textscan"
)

// Kinds is a bit set of the parts a phrase plays, one bit a kind.
type Kinds interface{ ~uint16 | ~uint32 | ~uint64 }

// Table is a loaded word table: phrases of type E grouped by their first
// token. It is read-only once built.
type Table[E any, K Kinds] struct {
	// Groups holds the phrases sharing a first token, longest first;
	// group 0 has none, so 0 can stand for "no group".
	Groups [][]E
	// Kinds holds the union of each group's kinds.
	Kinds   []K
	byFirst Index           // first token, lower case → group
	all     textscan.Filter // every first token, to pass over most words fast
	// eager holds the first tokens of the groups Lookup looks up (see
	// Build); the other table words are looked up by Group when a rule
	// asks, which most words never are.
	eager textscan.Filter
	// second indexes the big groups ("the" starts dozens of time
	// phrases) by their phrases' second word: a phrase is tried only
	// when the text's next word is its second. tail is where each such
	// group's one-word phrases start (they come last, longest first).
	second []map[string][]int32 // per group; nil for a small one
	tail   []int
	// scratch lends group slices to Borrow, so that finding quantities or
	// dates in paragraph after paragraph allocates no slice per paragraph.
	scratch *sync.Pool
}

// Lines calls fn with the tab-separated columns of every line of src that
// is neither blank nor a comment (#), at least two of them; n is the line
// number from 1. Errors name the file (name) and the line.
func Lines(name, src string, fn func(n int, cols []string) error) error {
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return fmt.Errorf("%s line %d: want phrase<TAB>kind, got %q", name, i+1, line)
		}
		if err := fn(i+1, cols); err != nil {
			return fmt.Errorf("%s line %d: %w", name, i+1, err)
		}
	}
	return nil
}

// Phrase cuts a phrase the way textscan cuts prose and returns its first
// token and the others, lower-cased; ok is false when it has no token.
// toks is scratch space, returned for the next call.
func Phrase(s string, toks []textscan.Token) (first string, rest []string, _ []textscan.Token, ok bool) {
	toks = textscan.Scan(s, toks[:0])
	if len(toks) == 0 {
		return "", nil, toks, false
	}
	for _, tk := range toks[1:] {
		rest = append(rest, strings.ToLower(tk.Text(s)))
	}
	return strings.ToLower(toks[0].Text(s)), rest, toks, true
}

// Build makes a Table of phrases keyed by first token. rest returns a
// phrase's tokens after the first, kinds its kinds; Lookup looks up the
// groups with a kind in eager (those that can start what the finder
// finds) and leaves the others to Group.
func Build[E any, K Kinds](byFirst map[string][]E, rest func(*E) []string, kinds func(*E) K, eager K) Table[E, K] {
	t := Table[E, K]{Groups: [][]E{nil}, Kinds: []K{0}, second: []map[string][]int32{nil}, tail: []int{0}, scratch: new(sync.Pool)}
	var firsts []string
	var groups []int32
	keys := make([]string, 0, len(byFirst))
	for k := range byFirst {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		list := byFirst[k]
		sort.SliceStable(list, func(i, j int) bool { return len(rest(&list[i])) > len(rest(&list[j])) })
		var ks K
		for i := range list {
			ks |= kinds(&list[i])
		}
		t.all.Add(k)
		if ks&eager != 0 {
			t.eager.Add(k)
		}
		g := int32(len(t.Groups))
		firsts, groups = append(firsts, k), append(groups, g)
		t.second, t.tail = append(t.second, nil), append(t.tail, 0)
		if len(list) > bigGroup {
			idx := map[string][]int32{}
			tail := len(list)
			for ei := range list {
				r := rest(&list[ei])
				if len(r) == 0 {
					tail = min(tail, ei)
					continue
				}
				idx[r[0]] = append(idx[r[0]], int32(ei))
			}
			t.second[g], t.tail[g] = idx, tail
		}
		t.Groups = append(t.Groups, list)
		t.Kinds = append(t.Kinds, ks)
	}
	t.byFirst = NewIndex(firsts, groups)
	return t
}

// Lookup returns, for each token, the group of phrases it starts: 0 for
// none, -1 for a table word not looked up yet (see Build and Group).
// Numbers are never looked up.
func (t *Table[E, K]) Lookup(text string, toks []textscan.Token) []int32 {
	return t.lookupInto(make([]int32, len(toks)), text, toks)
}

// Borrow is Lookup into a slice lent by the table; give it back with
// Return when done, and keep no reference to it after.
func (t *Table[E, K]) Borrow(text string, toks []textscan.Token) []int32 {
	var groups []int32
	if p, _ := t.scratch.Get().(*[]int32); p != nil && cap(*p) >= len(toks) {
		groups = (*p)[:len(toks)]
		clear(groups)
	} else {
		groups = make([]int32, len(toks), max(len(toks), 256))
	}
	return t.lookupInto(groups, text, toks)
}

// LookupInto is Lookup into groups, a caller's slice: it is resized to
// len(toks) and cleared first.
func (t *Table[E, K]) LookupInto(groups []int32, text string, toks []textscan.Token) []int32 {
	if cap(groups) < len(toks) {
		groups = make([]int32, len(toks), max(len(toks), 256))
	} else {
		groups = groups[:len(toks)]
		clear(groups)
	}
	return t.lookupInto(groups, text, toks)
}

// Return gives back a slice from Borrow.
func (t *Table[E, K]) Return(groups []int32) {
	t.scratch.Put(&groups)
}

// lookupInto fills groups (zeroed, one per token) for Lookup and Borrow.
func (t *Table[E, K]) lookupInto(groups []int32, text string, toks []textscan.Token) []int32 {
	for i, tk := range toks {
		if tk.Kind == textscan.Number {
			continue
		}
		if !t.all.MayHaveToken(tk, text) {
			continue
		}
		if !t.eager.MayHaveToken(tk, text) {
			groups[i] = -1
			continue
		}
		if tk.End-tk.Start <= maxWord {
			groups[i], _ = t.byFirst.GetTokenASCII(tk, text)
		}
	}
	return groups
}

// bigGroup is the size from which a group is indexed by second word.
const bigGroup = 8

// Tries tells which phrases of group g may match at toks[i], the group's
// first word: those Groups[g][idx[k]] whose second word is toks[i+1], in
// order, then the one-word phrases Groups[g][tail:]. ok is false for a
// group small enough to try whole, in order.
func (t *Table[E, K]) Tries(text string, toks []textscan.Token, g int32, i int) (idx []int32, tail int, ok bool) {
	second := t.second[g]
	if second == nil {
		return nil, 0, false
	}
	if i+1 < len(toks) {
		var buf [maxWord]byte
		key := textscan.Lower(buf[:], toks[i+1].Text(text))
		if key == nil {
			return nil, 0, false // not ASCII: try the group whole
		}
		idx = second[string(key)]
	}
	return idx, t.tail[g], true
}

// MayHave reports whether w may start a phrase of the table, in any case:
// false means it starts none.
func (t *Table[E, K]) MayHave(w string) bool { return t.all.MayHave(w) }

// Group returns the group of phrases word w starts, in any case, or 0.
func (t *Table[E, K]) Group(w string) int32 {
	if len(w) > maxWord {
		return 0
	}
	g, _ := t.byFirst.GetASCII(w)
	return g
}

// maxWord is the longest word looked up, in bytes: no table word is
// longer.
const maxWord = 32

// RestAt reports whether the tokens after toks[i] are rest, in any case.
// Most phrases are one word, and most others fail on the first further
// token: both are told here, inline, before restEqual runs.
func RestAt(text string, toks []textscan.Token, i int, rest []string) bool {
	return len(rest) == 0 || len(rest) <= len(toks)-i-1 && quickEqual(toks[i+1].Text(text), rest[0]) && restEqual(text, toks[i+1:], rest)
}

// restEqual reports whether toks start with the words of rest, in any case.
func restEqual(text string, toks []textscan.Token, rest []string) bool {
	for k, w := range rest {
		if !strings.EqualFold(toks[k].Text(text), w) {
			return false
		}
	}
	return true
}

// quickEqual is a fast first test that token text t may equal the
// lower-case word w: same length, same first byte ignoring ASCII case.
func quickEqual(t, w string) bool {
	return len(t) == len(w) && len(t) > 0 && (t[0] == w[0] || t[0]|0x20 == w[0])
}
