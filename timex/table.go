package timex

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

type kind uint16

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
)

var kindNames = map[string]kind{
	"month": kMonth, "weekday": kWeekday, "season": kSeason, "qualifier": kQualifier,
	"bound": kBound, "prep": kPrep, "era": kEra, "present": kPresent, "unit": kUnit,
	"later": kLater, "rel": kRel, "then": kThen, "yearword": kYearWord,
}

// entry is one line of words.tsv; the first token is the map key.
type entry struct {
	rest []string
	kind kind
	a, b int
	unit string
}

type table struct {
	byFirst map[string][]entry
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
	t := &table{byFirst: make(map[string][]entry)}
	var toks []textscan.Token
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("timex words.tsv line %d: want phrase<TAB>kind, got %q", n+1, line)
		}
		k, ok := kindNames[cols[1]]
		if !ok {
			return nil, fmt.Errorf("timex words.tsv line %d: unknown kind %q", n+1, cols[1])
		}
		e := entry{kind: k}
		for ci, dst := range []*int{&e.a, &e.b} {
			if len(cols) > 2+ci && cols[2+ci] != "" {
				v, err := strconv.Atoi(cols[2+ci])
				if err != nil {
					return nil, fmt.Errorf("timex words.tsv line %d: column %d: %w", n+1, 3+ci, err)
				}
				*dst = v
			}
		}
		if len(cols) > 4 {
			e.unit = cols[4]
		}
		toks = textscan.Scan(cols[0], toks[:0])
		if len(toks) == 0 {
			return nil, fmt.Errorf("timex words.tsv line %d: empty phrase", n+1)
		}
		first := strings.ToLower(toks[0].Text(cols[0]))
		for _, tk := range toks[1:] {
			e.rest = append(e.rest, strings.ToLower(tk.Text(cols[0])))
		}
		t.byFirst[first] = append(t.byFirst[first], e)
	}
	for k, list := range t.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].rest) > len(list[j].rest) })
		t.byFirst[k] = list
	}
	return t, nil
}

// match returns the longest entry of a kind in mask starting at token i,
// and the token after it.
func (t *table) match(text string, toks []textscan.Token, i int, mask kind) (*entry, int) {
	if i < 0 || i >= len(toks) || (toks[i].Kind != textscan.Word && toks[i].Kind != textscan.Punct) {
		return nil, i
	}
	var buf [32]byte
	key := textscan.Lower(buf[:], toks[i].Text(text))
	if key == nil {
		return nil, i
	}
	list := t.byFirst[string(key)]
	for ei := range list {
		e := &list[ei]
		if e.kind&mask == 0 || len(e.rest) > len(toks)-i-1 {
			continue
		}
		ok := true
		for k, w := range e.rest {
			if string(textscan.Lower(buf[:], toks[i+1+k].Text(text))) != w {
				ok = false
				break
			}
		}
		if ok {
			return e, i + 1 + len(e.rest)
		}
	}
	return nil, i
}
