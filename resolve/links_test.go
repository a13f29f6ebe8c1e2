package resolve

import (
	"slices"
	"strings"
	"testing"
)

func TestMainLinksReadTheSectionOfTheOffset(t *testing.T) {
	article := "= Northland–Southia War =\n\nThe lead.\n\n" +
		"==The lake==\n{{Main|Battle of Pine Lake|Pine Lake massacre#Aftermath|l1=the battle}}\nFighting at the lake.\n\n" +
		"==The hills==\nMain articles: Siege of Redhold, Oakford raid and Elm Pass incident\nFighting in the hills.\n\n" +
		"==Aftermath==\nNo link here.\n"
	at := func(s string) int { return strings.Index(article, s) }
	for _, tt := range []struct {
		offset int
		want   []string
	}{
		{at("Fighting at the lake"), []string{"Battle of Pine Lake", "Pine Lake massacre"}},
		{at("Fighting in the hills"), []string{"Siege of Redhold", "Oakford raid", "Elm Pass incident"}},
		{at("No link here"), nil},
		{at("The lead"), nil},
		{-1, nil},
		{len(article) + 1, nil},
	} {
		if got := MainLinks([]byte(article), tt.offset); !slices.Equal(got, tt.want) {
			t.Errorf("MainLinks at %d = %q, want %q", tt.offset, got, tt.want)
		}
	}
}

func FuzzMainLinks(f *testing.F) {
	f.Add("==A==\n{{Main|B|C}}\ntext", 12)
	f.Add("Main article: X and Y\n==Z==", 3)
	f.Add("{{main", 0)
	f.Add("====\n{{Main}}", 6)
	f.Fuzz(func(t *testing.T, raw string, offset int) {
		for _, l := range MainLinks([]byte(raw), offset) {
			if l == "" || len(l) > 200 || strings.TrimSpace(l) != l {
				t.Errorf("MainLinks(%q, %d) gives %q", raw, offset, l)
			}
		}
	})
}
