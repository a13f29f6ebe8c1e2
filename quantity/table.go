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

// table is words.tsv loaded: phrases by their first token, longest first.
type table struct {
	byFirst map[string][]phrase
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
	t := &table{byFirst: make(map[string][]phrase)}
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
		list := t.byFirst[first]
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
		t.byFirst[first] = list
	}
	for k, list := range t.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].rest) > len(list[j].rest) })
		t.byFirst[k] = list
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

// match returns the longest phrase of one of the kinds in mask that starts
// at token i, and the index of the token after it.
func (t *table) match(text string, toks []textscan.Token, i int, mask kind) (*phrase, int) {
	var buf [32]byte
	key := textscan.Lower(buf[:], toks[i].Text(text))
	if key == nil {
		return nil, i
	}
	list := t.byFirst[string(key)]
	for pi := range list {
		p := &list[pi]
		if p.kinds&mask == 0 || len(p.rest) > len(toks)-i-1 {
			continue
		}
		ok := true
		for k, w := range p.rest {
			b := textscan.Lower(buf[:], toks[i+1+k].Text(text))
			if string(b) != w {
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

// has reports whether the token i is a one-token phrase of a kind in mask.
func (t *table) has(text string, toks []textscan.Token, i int, mask kind) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	var buf [32]byte
	key := textscan.Lower(buf[:], toks[i].Text(text))
	if key == nil {
		return false
	}
	for _, p := range t.byFirst[string(key)] {
		if len(p.rest) == 0 && p.kinds&mask != 0 {
			return true
		}
	}
	return false
}
