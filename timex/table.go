package timex

import (
	_ "embed"
	"fmt"
	"strconv"
	"sync"

	"github.com/annalist/annalist/internal/textscan"
	"github.com/annalist/annalist/internal/wordtable"
)

//go:embed words.tsv
var wordsTSV string

type kind uint32

const (
	kMonth kind = 1 << iota
	kWeekday
	kSeason
	kQualifier
	kBound
	kPrep
	kEra
	kPresent
	kUnit
	kLater
	kRel
	kThen
	kYearWord
	kClause
	// kCore marks the last word of each rel phrase ("day" of "the next
	// day"): with numbers, months, seasons, units and "then", the words
	// without which no time expression can stand. Set by parseTable.
	kCore
	// Kinds only FindAll reads; see words.tsv.
	kDUnit
	kRef
	kSet
	kSetWord
	kDaytime
	kPeriod
	kDurMod
	kRelWord
	kWRel
	kHoliday
	kClock
	// kWideCore marks the last word of each ref phrase, as kCore does for
	// rel phrases. Set by parseTable.
	kWideCore
)

// wideCoreKinds are the core kinds FindAll adds to coreKinds.
const wideCoreKinds = kDUnit | kSet | kDaytime | kPeriod | kWideCore | kHoliday

var kindNames = map[string]kind{
	"month": kMonth, "weekday": kWeekday, "season": kSeason, "qualifier": kQualifier,
	"bound": kBound, "prep": kPrep, "era": kEra, "present": kPresent, "unit": kUnit,
	"later": kLater, "rel": kRel, "then": kThen, "yearword": kYearWord, "clause": kClause,
	"dunit": kDUnit, "ref": kRef, "set": kSet, "setword": kSetWord, "daytime": kDaytime,
	"period": kPeriod, "durmod": kDurMod, "relword": kRelWord, "wrel": kWRel, "holiday": kHoliday, "clock": kClock,
}

// entry is one line of words.tsv; the first token is the map key.
type entry struct {
	rest []string
	kind kind
	a, b int
	unit string
}

// table is words.tsv loaded: entries grouped by their first token. Its
// Lookup looks up the words of groups with a core kind (see coreKinds);
// other table words (prepositions, qualifiers) are looked up only near a
// core token, when the grammar asks.
type table struct {
	wordtable.Table[entry, kind]
}

// words is words.tsv loaded once, on first use, and only read after.
var words = sync.OnceValue(func() *table {
	t, err := parseTable(wordsTSV)
	if err != nil {
		panic(err) // embedded and checked by the tests: a build bug, not input
	}
	return t
})

func parseTable(src string) (*table, error) {
	byFirst := make(map[string][]entry)
	var toks []textscan.Token
	err := wordtable.Lines("timex words.tsv", src, func(_ int, cols []string) error {
		k, ok := kindNames[cols[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", cols[1])
		}
		e := entry{kind: k}
		for ci, dst := range []*int{&e.a, &e.b} {
			if len(cols) > 2+ci && cols[2+ci] != "" {
				v, err := strconv.Atoi(cols[2+ci])
				if err != nil {
					return fmt.Errorf("column %d: %w", 3+ci, err)
				}
				*dst = v
			}
		}
		if len(cols) > 4 {
			e.unit = cols[4]
		}
		var first string
		first, e.rest, toks, ok = wordtable.Phrase(cols[0], toks)
		if !ok {
			return fmt.Errorf("empty phrase")
		}
		byFirst[first] = append(byFirst[first], e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Every rel phrase ends in a core word; add those as entries of their own.
	// Ref phrases likewise, for FindAll.
	var cores, wideCores []string
	for first, list := range byFirst {
		for _, e := range list {
			switch {
			case e.kind == kRel && len(e.rest) > 0:
				cores = append(cores, e.rest[len(e.rest)-1])
			case e.kind == kRef && len(e.rest) > 0:
				wideCores = append(wideCores, e.rest[len(e.rest)-1])
			case e.kind == kRef:
				wideCores = append(wideCores, first)
			}
		}
	}
	for _, w := range cores {
		byFirst[w] = append(byFirst[w], entry{kind: kCore})
	}
	for _, w := range wideCores {
		byFirst[w] = append(byFirst[w], entry{kind: kWideCore})
	}
	t := wordtable.Build(byFirst, func(e *entry) []string { return e.rest }, func(e *entry) kind { return e.kind }, coreKinds|wideCoreKinds)
	return &table{t}, nil
}

// group returns the group of token i, looking it up on first use.
func (p *parser) group(i int) int32 {
	g := p.groups[i]
	if g < 0 {
		g = p.t.Group(p.toks[i].Text(p.text))
		p.groups[i] = g
	}
	return g
}

// match returns the longest entry of a kind in mask starting at token i,
// and the token after it.
func (t *table) match(text string, toks []textscan.Token, g int32, i int, mask kind) (*entry, int) {
	if t.Kinds[g]&mask == 0 {
		return nil, i
	}
	list := t.Groups[g]
	if idx, tail, ok := t.Tries(text, toks, g, i); ok {
		for _, ei := range idx {
			if e := &list[ei]; e.kind&mask != 0 && wordtable.RestAt(text, toks, i, e.rest) {
				return e, i + 1 + len(e.rest)
			}
		}
		for ei := tail; ei < len(list); ei++ {
			if e := &list[ei]; e.kind&mask != 0 {
				return e, i + 1
			}
		}
		return nil, i
	}
	for ei := range list {
		e := &list[ei]
		if e.kind&mask != 0 && wordtable.RestAt(text, toks, i, e.rest) {
			return e, i + 1 + len(e.rest)
		}
	}
	return nil, i
}
