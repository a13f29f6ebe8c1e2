package wikitext_test

import (
	"html"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/wikitext"
)

// TestThirtyYearsWarConflict reads the Thirty Years' War wikitext through
// the infobox extractor: every side named as the article names it
// ("Dutch Republic", "Spanish Empire", not their successors), commanders
// with fates and whole names ("Henri, Prince of Condé"), dates and figures
// as ranges.
func TestThirtyYearsWarConflict(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "wikitext", "thirty-years-war.wikitext.xmlescaped")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skip("../shared/corpus/wikitext not present")
	}
	a, err := wikitext.Read("thirty-years-war.wikitext", []byte(html.UnescapeString(string(raw))))
	if err != nil {
		t.Fatal(err)
	}
	actors, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := infobox.Extract(a, actors)
	if c == nil {
		t.Fatal("no conflict")
	}
	if c.Start.String() != "1618-05-23" || c.End.String() != "1648-05-15" {
		t.Errorf("dates %v – %v", c.Start, c.End)
	}
	if len(c.Sides) != 2 {
		t.Fatalf("%d sides", len(c.Sides))
	}
	wantBell := [][]string{
		{"Bohemian Crown", "Duchy of Savoy", "Transylvania", "Dutch Republic", "Denmark–Norway", "Scotland", "Sweden", "Electorate of Saxony", "Brunswick-Lüneburg"},
		{"Holy Roman Empire", "Catholic League", "Spanish Empire"},
	}
	wantFates := []map[string]string{
		{"Gustavus Adolphus": "killed in action", "John Hepburn": "killed in action", "Axel Oxenstierna": "",
			"Henri, Prince of Condé": "", "Robert Maxwell, 1st Earl of Nithsdale": ""},
		{"Albrecht von Wallenstein": "executed", "Count of Tilly": "killed in action", "Ivan Sirko": "", "Charles IV, Duke of Lorraine": ""},
	}
	for i, side := range c.Sides {
		have := map[string]bool{}
		for _, b := range side.Belligerents {
			have[b] = true
		}
		for _, b := range wantBell[i] {
			if !have[b] {
				t.Errorf("side %d lacks belligerent %q: %q", i+1, b, side.Belligerents)
			}
		}
		fates := map[string]string{}
		for _, cm := range side.Commanders {
			fates[cm.Name] = ""
			if cm.Fate != nil {
				fates[cm.Name] = *cm.Fate
			}
		}
		for name, fate := range wantFates[i] {
			if got, ok := fates[name]; !ok || got != fate {
				t.Errorf("side %d commander %q fate %q (present %v), want %q", i+1, name, got, ok, fate)
			}
		}
		if len(side.Commanders) < 30 || len(side.Strength) < 3 || len(side.Casualties) < 3 {
			t.Errorf("side %d: %d commanders, %d strength, %d casualties", i+1, len(side.Commanders), len(side.Strength), len(side.Casualties))
		}
		ranges := 0
		for _, f := range side.Casualties {
			if f.Low != nil && f.High != nil && *f.Low < *f.High {
				ranges++
			}
		}
		if ranges < 3 {
			t.Errorf("side %d: %d casualty ranges", i+1, ranges)
		}
	}
}

// TestArticleNamesWin reads an invented siege written in wikitext: the
// belligerents are named as the article names them (a flag template's own
// name, the link text after a flag icon), never as a later state; a
// commander whose name holds a comma stays one person; odd keys ("Map
// Relief") do not stop the reader.
func TestArticleNamesWin(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "siege-of-kesterhaven.wikitext"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := wikitext.Read("siege-of-kesterhaven.wikitext", src)
	if err != nil {
		t.Fatal(err)
	}
	actors, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := infobox.Extract(a, actors)
	if c == nil || len(c.Sides) != 2 {
		t.Fatalf("conflict %+v", c)
	}
	wantBell := [][]string{{"Dutch Republic", "Orvale"}, {"Spanish Empire", "Kingdom of England"}}
	wantCmd := [][]string{
		{"Willem van Druten, 1st Count of Essel", "Maurits, Prince of Orvale", "Pieter Claes, Count of Varn", "Frederick I", "Duke of Brede"},
		{"Alonso Ruiz de Tova", "Charles V, Duke of Marvaux"},
	}
	for i, s := range c.Sides {
		if !slices.Equal(s.Belligerents, wantBell[i]) {
			t.Errorf("side %d belligerents %q, want %q", i+1, s.Belligerents, wantBell[i])
		}
		var names []string
		for _, cm := range s.Commanders {
			names = append(names, cm.Name)
		}
		if !slices.Equal(names, wantCmd[i]) {
			t.Errorf("side %d commanders %q, want %q", i+1, names, wantCmd[i])
		}
	}
	if f := c.Sides[1].Commanders[0].Fate; f == nil || *f != "killed in action" {
		t.Errorf("fate of the first Commander2: %v", f)
	}
	if len(c.Sides[1].Casualties) != 1 || c.Start.String() != "1674-04-02" {
		t.Errorf("casualties2 %+v, start %v", c.Sides[1].Casualties, c.Start)
	}
}
