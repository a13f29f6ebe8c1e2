package quantity

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/annalist/annalist/internal/textscan"
)

//go:embed words.tsv
var wordsTSV string

// kind is a bit set: one phrase may play several parts ("between" opens a
// range of counts and of years).
type kind uint32

const (
	kUnit kind = 1 << iota
	kTeen
	kTen
	kHundred
	kScale
	kDozen
	kVague
	kApprox
	kMin
	kMax
	kBetween
	kMeasure
	kOrdinal
	kNamePrefix
	kMonth
	kEra
	kYearPrefix
	kYearRangePrefix
	kYearSuffix
)

var kindNames = map[string]kind{
	"unit": kUnit, "teen": kTeen, "ten": kTen, "hundred": kHundred, "scale": kScale,
	"dozen": kDozen, "vague": kVague, "approx": kApprox, "min": kMin, "max": kMax,
	"between": kBetween, "measure": kMeasure, "ordinal": kOrdinal,
	"name-prefix": kNamePrefix, "month": kMonth, "era": kEra,
	"year-prefix": kYearPrefix, "year-range-prefix": kYearRangePrefix,
	"year-suffix": kYearSuffix,
}

const kNumberWord = kUnit | kTeen | kTen

// phrase is one entry of words.tsv: its tokens after the first (the first
// is the map key), and what it means.
type phrase struct {
	rest     []string
	kinds    kind
	value    int
	hasValue bool
	vague    string
}

// table is words.tsv loaded: phrases grouped by their first token,
// longest first.
type table struct {
	byFirst map[string]int32 // first token → index into groups
	groups  [][]phrase       // group 0 is empty
	kinds   []kind           // the union of each group's kinds
	filter  textscan.Filter  // the first tokens, to skip most words fast
	// starts holds the first tokens of phrases that can open a quantity
	// (number words, vague amounts, qualifiers); other table words (years'
	// neighbours, units, months) are looked up only when a rule asks.
	starts textscan.Filter
}

// Words is the loaded table. It is read-only after loading; the loader
// runs once, on first use.
var words = sync.OnceValue(func() *table {
	t, err := parseTable(wordsTSV)
	if err != nil {
		// The file is embedded and checked by the tests: a failure here
		// is a bug in the build, not bad input.
		panic(err)
	}
	return t
})

func parseTable(src string) (*table, error) {
	byFirst := make(map[string][]phrase)
	var toks []textscan.Token
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("words.tsv line %d: want phrase<TAB>kind, got %q", n+1, line)
		}
		k, ok := kindNames[cols[1]]
		if !ok {
			return nil, fmt.Errorf("words.tsv line %d: unknown kind %q", n+1, cols[1])
		}
		p := phrase{kinds: k}
		if len(cols) > 2 && cols[2] != "" {
			v, err := strconv.Atoi(cols[2])
			if err != nil {
				return nil, fmt.Errorf("words.tsv line %d: value %q: %w", n+1, cols[2], err)
			}
			p.value, p.hasValue = v, true
		}
		if len(cols) > 3 {
			p.vague = cols[3]
		}
		toks = textscan.Scan(cols[0], toks[:0])
		if len(toks) == 0 {
			return nil, fmt.Errorf("words.tsv line %d: empty phrase", n+1)
		}
		first := strings.ToLower(toks[0].Text(cols[0]))
		for _, tk := range toks[1:] {
			p.rest = append(p.rest, strings.ToLower(tk.Text(cols[0])))
		}
		list := byFirst[first]
		merged := false
		for i := range list {
			if equal(list[i].rest, p.rest) {
				list[i].kinds |= p.kinds
				if p.hasValue {
					list[i].value, list[i].hasValue = p.value, true
				}
				if p.vague != "" {
					list[i].vague = p.vague
				}
				merged = true
			}
		}
		if !merged {
			list = append(list, p)
		}
		byFirst[first] = list
	}
	t := &table{byFirst: make(map[string]int32), groups: [][]phrase{nil}, kinds: []kind{0}}
	keys := make([]string, 0, len(byFirst))
	for k := range byFirst {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		list := byFirst[k]
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].rest) > len(list[j].rest) })
		var ks kind
		for _, p := range list {
			ks |= p.kinds
		}
		t.filter.Add(k)
		if ks&startKinds != 0 {
			t.starts.Add(k)
		}
		t.byFirst[k] = int32(len(t.groups))
		t.groups = append(t.groups, list)
		t.kinds = append(t.kinds, ks)
	}
	return t, nil
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// startKinds are the kinds of phrase a quantity can open with.
const startKinds = kNumberWord | kHundred | kScale | kDozen | kVague | kApprox | kMin | kMax | kBetween

// lookup returns, for each token, the index of the group of phrases whose
// first token it is: 0 for none, -1 for "not looked up yet" (a table word
// that cannot open a quantity: see scanner.group).
func (t *table) lookup(text string, toks []textscan.Token) []int32 {
	groups := make([]int32, len(toks))
	var buf [32]byte
	for i, tk := range toks {
		if tk.Kind == textscan.Number {
			continue
		}
		w := tk.Text(text)
		if !t.filter.MayHave(w) {
			continue
		}
		if !t.starts.MayHave(w) {
			groups[i] = -1
			continue
		}
		if key := textscan.Lower(buf[:], w); key != nil {
			groups[i] = t.byFirst[string(key)]
		}
	}
	return groups
}

// group returns the group of token i, looking it up on first use.
func (s *scanner) group(i int) int32 {
	g := s.groups[i]
	if g < 0 {
		var buf [32]byte
		g = 0
		if key := textscan.Lower(buf[:], s.toks[i].Text(s.text)); key != nil {
			g = s.t.byFirst[string(key)]
		}
		s.groups[i] = g
	}
	return g
}

// match returns the longest phrase of one of the kinds in mask that starts
// at token i, and the index of the token after it.
func (s *scanner) match(i int, mask kind) (*phrase, int) {
	if i < 0 || i >= len(s.toks) || s.t.kinds[s.group(i)]&mask == 0 {
		return nil, i
	}
	list := s.t.groups[s.group(i)]
	for pi := range list {
		p := &list[pi]
		if p.kinds&mask == 0 || len(p.rest) > len(s.toks)-i-1 {
			continue
		}
		if len(p.rest) > 0 && !quickEqual(s.toks[i+1].Text(s.text), p.rest[0]) {
			continue
		}
		ok := true
		for k, w := range p.rest {
			if !strings.EqualFold(s.toks[i+1+k].Text(s.text), w) {
				ok = false
				break
			}
		}
		if ok {
			return p, i + 1 + len(p.rest)
		}
	}
	return nil, i
}

// has reports whether token i is a one-token phrase of a kind in mask.
func (s *scanner) has(i int, mask kind) bool {
	return s.one(i, mask) != nil
}

// one returns the one-token phrase of a kind in mask that token i is.
func (s *scanner) one(i int, mask kind) *phrase {
	if i < 0 || i >= len(s.toks) || s.t.kinds[s.group(i)]&mask == 0 {
		return nil
	}
	list := s.t.groups[s.group(i)]
	for k := range list {
		if len(list[k].rest) == 0 && list[k].kinds&mask != 0 {
			return &list[k]
		}
	}
	return nil
}

// quickEqual is a fast first test that token text t may equal the
// lower-case word w: same length, same first byte ignoring ASCII case.
func quickEqual(t, w string) bool {
	return len(t) == len(w) && len(t) > 0 && (t[0] == w[0] || t[0]|0x20 == w[0])
}
