package infobox

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/annalist/annalist/plaintext"
)

// TestOddKeysReadTheSame reads an invented infobox in several spellings:
// display keys and unknown keys inserted among the fields, keys with
// spaces, capitals, underscores and hyphens, the lines shuffled. Every
// variant gives the same conflict record as the plain one; unknown keys
// land in Other and in a warning, display keys in a warning only.
func TestOddKeysReadTheSame(t *testing.T) {
	plain := syntheticArticle
	insert := func(after, lines string) string {
		return strings.Replace(plain, after, after+lines, 1)
	}
	respell := regexp.MustCompile(`(?m)^- (Commander|Casualties|Combatant)(\d):`)
	fieldLines := regexp.MustCompile(`(?m)^- [^\n]*\n`)
	variants := []struct {
		name, text string
		other      map[string]string
		warnings   int
	}{
		{"display keys", insert("Infobox\n", "- Image Size: 300px\n- Map Relief: yes\n- map_type: Asia\n"), nil, 3},
		{"unknown keys", insert("- Date: 3 April 1893 – 21 October 1900, ()\n", "- Flag Colour: red\n- Motto: Onward\n"),
			map[string]string{"Flag Colour": "red", "Motto": "Onward"}, 2},
		{"spaced and cased keys", respell.ReplaceAllString(plain, "- ${1} ${2}:"), nil, 0},
		{"underscored lower-case keys", strings.NewReplacer("- Commander1:", "- commander_1:", "- Casualties2:", "- CASUALTIES-2:").Replace(plain), nil, 0},
		{"shuffled lines", func() string {
			lines := fieldLines.FindAllString(plain, -1)
			// Reversed: sides, figures and dates before the conflict's name.
			rev := make([]string, len(lines))
			for i, l := range lines {
				rev[len(lines)-1-i] = l
			}
			return strings.Replace(plain, strings.Join(lines, ""), strings.Join(rev, ""), 1)
		}(), nil, 0},
	}
	read := func(text string) ([]byte, *Extractor, map[string]string, int) {
		a, err := plaintext.Read("v.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		x, err := New()
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		other := c.Other
		c.Other = nil
		// Spans point into each variant's bytes; compare the rest.
		for i := range c.Sides {
			for j := range c.Sides[i].Casualties {
				c.Sides[i].Casualties[j].Span = nil
			}
			for j := range c.Sides[i].Strength {
				c.Sides[i].Strength[j].Span = nil
			}
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return b, x, other, len(x.Warnings(a))
	}
	want, _, _, _ := read(plain)
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			if v.text == plain {
				t.Fatal("the variant is the plain text")
			}
			got, _, other, warnings := read(v.text)
			if string(got) != string(want) {
				t.Errorf("conflict\n%s\nwant\n%s", got, want)
			}
			if !reflect.DeepEqual(other, v.other) {
				t.Errorf("other %v, want %v", other, v.other)
			}
			if warnings != v.warnings {
				t.Errorf("%d warnings, want one per key not read (%d)", warnings, v.warnings)
			}
		})
	}
}

func TestNormKeyAndSideKey(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key, norm   string
		field, side int
		ok          bool
	}{
		{"commander1", "commander1", fCommander, 1, true},
		{"Commander 2", "commander2", fCommander, 2, true},
		{"casualties_3", "casualties3", fCasualties, 3, true},
		{"Combatant1a", "combatant1a", fCombatant, 1, true},
		{"commanders2", "commanders2", fCommander, 2, true},
		{"Image Size", "imagesize", 0, 0, false},
		{"combatant", "combatant", 0, 0, false},
		{"casualties12", "casualties12", 0, 0, false},
		{"Größe 1", "größe1", 0, 0, false},
	}
	for _, tt := range tests {
		n := normKey(tt.key)
		f, s, ok := x.sideKey(n)
		if n != tt.norm || ok != tt.ok || (ok && (f != tt.field || s != tt.side)) {
			t.Errorf("%q: norm %q, side key %d %d %v; want %q, %d %d %v", tt.key, n, f, s, ok, tt.norm, tt.field, tt.side, tt.ok)
		}
	}
}
