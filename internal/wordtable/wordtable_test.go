package wordtable

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/textscan"
)

type phrase struct {
	rest []string
	kind uint16
}

func build(t *testing.T, src string) Table[phrase, uint16] {
	t.Helper()
	byFirst := map[string][]phrase{}
	var toks []textscan.Token
	err := Lines("test.tsv", src, func(_ int, cols []string) error {
		first, rest, tk, ok := Phrase(cols[0], toks)
		toks = tk
		if !ok {
			return errEmpty
		}
		k := uint16(1)
		if cols[1] == "late" {
			k = 2
		}
		byFirst[first] = append(byFirst[first], phrase{rest, k})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return Build(byFirst, func(p *phrase) []string { return p.rest }, func(p *phrase) uint16 { return p.kind }, 1)
}

var errEmpty = errors.New("empty phrase")

func TestLinesNameTheFileAndLine(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"one column", "# c\n\nalone\n", `test.tsv line 3: want phrase<TAB>kind, got "alone"`},
		{"empty phrase", " \tearly\n", "test.tsv line 1: empty phrase"},
	} {
		err := Lines("test.tsv", tc.src, func(_ int, cols []string) error {
			if _, _, _, ok := Phrase(cols[0], nil); !ok {
				return errEmpty
			}
			return nil
		})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestLookupGroupsLongestFirstAndDefersLateWords(t *testing.T) {
	tab := build(t, "the next day\tearly\nthe\tearly\nThe Day After\tearly\nlater\tlate\n")
	text := "THE day after 1937 later on"
	toks := textscan.Scan(text, nil)
	groups := tab.Lookup(text, toks)
	g := groups[0]
	if g <= 0 || len(tab.Groups[g]) != 3 {
		t.Fatalf("group of %q = %d (%v), want the three 'the' phrases", "THE", g, groups)
	}
	if n := len(tab.Groups[g][0].rest); n != 2 || len(tab.Groups[g][2].rest) != 0 {
		t.Errorf("group not longest first: %v", tab.Groups[g])
	}
	if groups[3] != 0 || groups[5] != 0 {
		t.Errorf("number or unknown word looked up: %v", groups)
	}
	if groups[4] != -1 {
		t.Errorf("late word %q = %d, want -1 (deferred)", "later", groups[4])
	}
	if lg := tab.Group("Later"); lg <= 0 || tab.Kinds[lg] != 2 {
		t.Errorf("Group(Later) = %d, want the late group", lg)
	}
	if !RestAt(text, toks, 0, []string{"day", "after"}) || RestAt(text, toks, 0, []string{"next", "day"}) || RestAt(text, toks, 4, []string{"on", "top"}) {
		t.Errorf("RestAt matched the wrong phrases")
	}
}

// A lent slice gives what Lookup gives, and a slice given back holds no
// groups of the text it was lent for.
func TestBorrowMatchesLookupAndForgetsEarlierText(t *testing.T) {
	tab := build(t, "the\tearly\nlater\tlate\n")
	texts := []string{"the the the later the", "none of these", "later"}
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			toks := textscan.Scan(text, nil)
			want := tab.Lookup(text, toks)
			got := tab.Borrow(text, toks)
			if !slices.Equal(got, want) {
				t.Errorf("round %d, %q: Borrow = %v, Lookup = %v", round, text, got, want)
			}
			tab.Return(got)
		}
	}
}
