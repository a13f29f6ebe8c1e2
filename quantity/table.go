package quantity

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/internal/wordtable"
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
// longest first. Its Lookup looks up the first tokens of phrases that can
// open a quantity (startKinds: number words, vague amounts, qualifiers);
// other table words (years' neighbours, units, months) are looked up only
// when a rule asks.
type table struct {
	wordtable.Table[phrase, kind]
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
	err := wordtable.Lines("words.tsv", src, func(_ int, cols []string) error {
		k, ok := kindNames[cols[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", cols[1])
		}
		p := phrase{kinds: k}
		if len(cols) > 2 && cols[2] != "" {
			v, err := strconv.Atoi(cols[2])
			if err != nil {
				return fmt.Errorf("value %q: %w", cols[2], err)
			}
			p.value, p.hasValue = v, true
		}
		if len(cols) > 3 {
			p.vague = cols[3]
		}
		var first string
		first, p.rest, toks, ok = wordtable.Phrase(cols[0], toks)
		if !ok {
			return fmt.Errorf("empty phrase")
		}
		list := byFirst[first]
		merged := false
		for i := range list {
			if slices.Equal(list[i].rest, p.rest) {
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := wordtable.Build(byFirst, func(p *phrase) []string { return p.rest }, func(p *phrase) kind { return p.kinds }, startKinds)
	return &table{t}, nil
}

// startKinds are the kinds of phrase a quantity can open with.
const startKinds = kNumberWord | kHundred | kScale | kDozen | kVague | kApprox | kMin | kMax | kBetween

// group returns the group of token i, looking it up on first use.
func (s *scanner) group(i int) int32 {
	g := s.groups[i]
	if g < 0 {
		g = s.t.Group(s.toks[i].Text((*s.text)))
		s.groups[i] = g
	}
	return g
}

// match returns the longest phrase of one of the kinds in mask that starts
// at token i, and the index of the token after it.
func (s *scanner) match(i int, mask kind) (*phrase, int) {
	if i < 0 || i >= len(s.toks) || s.t.Kinds[s.group(i)]&mask == 0 {
		return nil, i
	}
	g := s.group(i)
	list := s.t.Groups[g]
	if idx, tail, ok := s.t.Tries(*s.text, s.toks, g, i); ok {
		for _, pi := range idx {
			if p := &list[pi]; p.kinds&mask != 0 && wordtable.RestAt((*s.text), s.toks, i, p.rest) {
				return p, i + 1 + len(p.rest)
			}
		}
		for pi := tail; pi < len(list); pi++ {
			if p := &list[pi]; p.kinds&mask != 0 {
				return p, i + 1
			}
		}
		return nil, i
	}
	for pi := range list {
		p := &list[pi]
		if p.kinds&mask != 0 && wordtable.RestAt((*s.text), s.toks, i, p.rest) {
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
	if i < 0 || i >= len(s.toks) || s.t.Kinds[s.group(i)]&mask == 0 {
		return nil
	}
	list := s.t.Groups[s.group(i)]
	for k := range list {
		if len(list[k].rest) == 0 && list[k].kinds&mask != 0 {
			return &list[k]
		}
	}
	return nil
}
