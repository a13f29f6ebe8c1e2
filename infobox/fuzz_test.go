package infobox

import (
	"testing"
)

var fuzzSeeds = []string{
	"Total: 30,443–32,418, 29,766–31,290, 677–1,128, Material losses:, 350 tanks destroyed, several tankettes destroyed",
	"Per Independent sources:, 15 June 2020:, 35–45 killed Per China:, 15 June 2020:, 4 killed, 1 injured Per India:, 10 May 2020:, 7 injured",
	"792 killed & missing, 3,279 wounded or sick, 46+ tanks destroyed, (Soviet sources), 96 tanks destroyed or crippled, (Japanese sources)",
	"526 killed, 913 wounded(Japanese sources), 3,000 killed & missing(Soviet claim)",
	"Soviet claim:, 1,516–3,472 total, as, 516–2,421 killed or died of wounds (excluding naval personnel) and, 1,000–1,051 wounded or missing",
	"60 killed (official), 50 killed & +400 wounded (others), 3 helicopters destroyed, (2 Mi-8T, 1 Mi-25)",
	"~700 killed, 665+ wounded, 8 POWs, 4,000 killed (per Nawaz Sharif), 737–1,200 killed (at least 249 bodies recovered in Indian territory)",
	"76 injured (18 serious, 58 minor), 10 captured (released on 18 June) 20 January 2021:, 4 injured",
	"((((, )), :, (per), ( ), 1,,,000, ~, < , +, Unknown, N/A wounded",
	"Bataar EnkhjargalKIA, border|23px Alberto Fujimori, (President), Gen. Paco Moncayo, KIA, †",
}

// FuzzReadFigures checks that the figure reader never panics and that
// every figure's span lies inside the value and holds the figure's text.
func FuzzReadFigures(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		figs, _ := readFigures(v, 0, testActors)
		for _, fg := range figs {
			if fg.Span == nil {
				t.Fatalf("figure %q has no span", fg.Text)
			}
			if fg.Span.Start < 0 || fg.Span.End > len(v) || fg.Span.Start > fg.Span.End {
				t.Fatalf("figure %q span %v outside input of %d bytes", fg.Text, *fg.Span, len(v))
			}
			if v[fg.Span.Start:fg.Span.End] != fg.Text {
				t.Fatalf("span %v holds %q, figure text is %q", *fg.Span, v[fg.Span.Start:fg.Span.End], fg.Text)
			}
		}
		// The other readers of list values must not panic either.
		readCommanders(v, testActors, nil)
		var line combatants
		readCombatants(v, testActors, &line)
		splitPlaces(v, testActors)
		splitPartOf(v)
		parseCoordinates(v)
	})
}

// FuzzSplitList checks that items are trimmed pieces of the input at
// their offsets and that splitting loses no separator-free text.
func FuzzSplitList(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		prev := 0
		for _, it := range splitList(v, nil) {
			if it.off < prev || it.off+len(it.text) > len(v) {
				t.Fatalf("item %q at %d out of order or outside input", it.text, it.off)
			}
			if v[it.off:it.off+len(it.text)] != it.text {
				t.Fatalf("item %q does not match input at %d", it.text, it.off)
			}
			c := cleanItem(it)
			if c.off < it.off || c.off+len(c.text) > it.off+len(it.text) || v[c.off:c.off+len(c.text)] != c.text {
				t.Fatalf("cleaned item %q at %d is not inside %q", c.text, c.off, it.text)
			}
			prev = it.off + len(it.text)
		}
	})
}

// FuzzExtract runs the whole extraction on a one-line infobox and a lead.
func FuzzExtract(f *testing.F) {
	f.Add("Combatant1", ",", "The war was fought between the Soviet Union (led by Ivo Petrov) and Japan.")
	f.Add("Casualties2", fuzzSeeds[0], "Bolivian and Chilean troops clashed. Then (more.")
	f.Fuzz(func(t *testing.T, key, value, lead string) {
		a := article("W", [][2]string{{key, value}, {"Commander1", value}, {"Commander2", lead}}, lead)
		Extract(a, testActors)
	})
}
