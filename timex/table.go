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
	// kCore marks the last word of each rel phrase ("day" of "the next
	// day"): with numbers, months, seasons, units and "then", the words
	// without which no time expression can stand. Set by parseTable.
	kCore
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
	byFirst map[string]int32 // first token → index into groups
	groups  [][]entry        // entries sharing a first token, longest first
	kinds   []kind           // the union of each group's kinds
	filter  textscan.Filter  // the first tokens, to skip most words fast
	// cores holds the first tokens of groups with a core kind (see
	// coreKinds); other table words (prepositions, qualifiers) are looked
	// up only near a core token, when the grammar asks.
	cores textscan.Filter
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
	t := &table{byFirst: make(map[string]int32)}
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
		byFirst[first] = append(byFirst[first], e)
	}
	// Every rel phrase ends in a core word; add those as entries of their own.
	var cores []string
	for _, list := range byFirst {
		for _, e := range list {
			if e.kind == kRel && len(e.rest) > 0 {
				cores = append(cores, e.rest[len(e.rest)-1])
			}
		}
	}
	for _, w := range cores {
		byFirst[w] = append(byFirst[w], entry{kind: kCore})
	}
	keys := make([]string, 0, len(byFirst))
	for k := range byFirst {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.groups = append(t.groups, nil) // group 0: no entries
	t.kinds = append(t.kinds, 0)
	for _, k := range keys {
		list := byFirst[k]
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].rest) > len(list[j].rest) })
		var ks kind
		for _, e := range list {
			ks |= e.kind
		}
		t.filter.Add(k)
		if ks&coreKinds != 0 {
			t.cores.Add(k)
		}
		t.byFirst[k] = int32(len(t.groups))
		t.groups = append(t.groups, list)
		t.kinds = append(t.kinds, ks)
	}
	return t, nil
}

// lookup returns, for each token, the index of the group of entries whose
// first token it is: 0 for none, -1 for "not looked up yet" (a table word
// that is not a core word: see parser.group).
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
		if !t.cores.MayHave(w) {
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
func (p *parser) group(i int) int32 {
	g := p.groups[i]
	if g < 0 {
		var buf [32]byte
		g = 0
		if key := textscan.Lower(buf[:], p.toks[i].Text(p.text)); key != nil {
			g = p.t.byFirst[string(key)]
		}
		p.groups[i] = g
	}
	return g
}

// match returns the longest entry of a kind in mask starting at token i,
// and the token after it.
func (t *table) match(text string, toks []textscan.Token, g int32, i int, mask kind) (*entry, int) {
	if t.kinds[g]&mask == 0 {
		return nil, i
	}
	list := t.groups[g]
	for ei := range list {
		e := &list[ei]
		if e.kind&mask == 0 || len(e.rest) > len(toks)-i-1 {
			continue
		}
		if len(e.rest) > 0 && !quickEqual(toks[i+1].Text(text), e.rest[0]) {
			continue
		}
		ok := true
		for k, w := range e.rest {
			if !strings.EqualFold(toks[i+1+k].Text(text), w) {
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

// quickEqual is a fast first test that token text t may equal the
// lower-case word w: same length, same first byte ignoring ASCII case.
func quickEqual(t, w string) bool {
	return len(t) == len(w) && len(t) > 0 && (t[0] == w[0] || t[0]|0x20 == w[0])
}
