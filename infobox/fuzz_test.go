package infobox

import (
	"testing"
)

var fuzzSeeds = []string{
	"Total: 30,443–32,418, 29,766–31,290, 677–1,128, Material losses:, 350 tanks destroyed, several tankettes destroyed",
	"Per Neutral sources:, 2 May 2019:, 20–30 killed Per China:, 2 May 2019:, 5 killed, 2 injured Per India:, 11 April 2019:, 6 injured",
	"610 killed & missing, 2,145 wounded or sick, 30+ tanks destroyed, (Soviet sources), 81 tanks destroyed or crippled, (Japanese sources)",
	"480 killed, 820 wounded(Japanese sources), 2,500 killed & missing(Soviet claim)",
	"Soviet claim:, 1,200–2,400 total, as, 500–1,300 killed or died of wounds (excluding naval personnel) and, 700–1,100 wounded or missing",
	"45 killed (official), 70 killed & +300 wounded (others), 4 helicopters destroyed, (3 Mi-8T, 1 Mi-25)",
	"~650 killed, 500+ wounded, 6 POWs, 3,100 killed (per Nawaz Sharif), 600–900 killed (at least 150 bodies recovered in the valley)",
	"50 injured (20 serious, 30 minor), 6 captured (released on 20 July) 9 March 2019:, 2 injured",
	"((((, )), :, (per), ( ), 1,,,000, ~, < , +, Unknown, N/A wounded",
	"Bataar EnkhjargalKIA, border|23px Ana Ruiz, (President), Gen. Paco Diaz, KIA, †",
	"800 killed | 300+ captured | 20 missing | 1,200–1,500 wounded",
	"Henri, Prince of Condé, Arthur Wellesley, 1st Duke of Wellington, Charles IV, Duke of Lorraine, Jr.",
	"flagicon image, 24px|border Ruritania, File:Flag of Borduria.svg|20px, Image:X.png, flag icon",
	" | | , | ,|, 1st, 2nd Duke, Henri,",
	"Johann Tserclaes,\u00a0Count of Tilly, Kingdom of Serbs,\u00a0Croats and Slovenes,\u00a0, ,\u00a0",
}

// FuzzReadFigures checks that the figure reader never panics and that
// every figure's span lies inside the value and holds the figure's text.
func FuzzReadFigures(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		figs, _ := testLex.readFigures(v, 0, testActors)
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
		testLex.readCommanders(v, testActors, nil, true)
		var line combatants
		readCombatants(v, testActors, &line)
		testLex.splitPlaces(v, testActors)
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
	f.Add("Image Size", "300px", "Argentina brokered a truce after Chile, supported by Peru, invaded Bolivia.")
	f.Add("combatant 2", "flagicon image, ,", "Kenya and Ethiopia invaded Somalia; talks mediated by the United States failed.")
	f.Add("Result", "Ecuadorian victory", "A brief exchange of fire.")
	f.Fuzz(func(t *testing.T, key, value, lead string) {
		a := article("W", [][2]string{{key, value}, {"Commander1", value}, {"Commander2", lead}}, lead)
		Extract(a, testActors)
	})
}
