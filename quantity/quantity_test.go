package quantity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist/internal/textscan"
)

// render writes a quantity compactly: text=low..high, with ~ for approx,
// {vague} and [unit].
func render(q Quantity) string {
	var b strings.Builder
	b.WriteString(q.Count.Text)
	b.WriteByte('=')
	if q.Count.Approx {
		b.WriteByte('~')
	}
	if q.Count.Low != nil {
		fmt.Fprint(&b, *q.Count.Low)
	}
	b.WriteString("..")
	if q.Count.High != nil {
		fmt.Fprint(&b, *q.Count.High)
	}
	if q.Vague != "" {
		fmt.Fprintf(&b, "{%s}", q.Vague)
	}
	if q.Unit != "" {
		fmt.Fprintf(&b, "[%s]", q.Unit)
	}
	return b.String()
}

func renderAll(qs []Quantity) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, render(q))
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"digits with thousands separators", "The army lost 30,443 men.", "30,443=30443..30443"},
		{"en dash range with separators", "Strength: 7,000–7,300 troops", "7,000–7,300=7000..7300"},
		{"hyphen range", "attacked by 5-6 armored cars", "5-6=5..6"},
		{"range with a shared scale word", "three to four hundred riders", "three to four hundred=300..400"},
		{"range with a shared thousands group", "5–6,000 troops", "5–6,000=5000..6000"},
		{"range with a shared million", "2–3 million refugees", "2–3 million=2000000..3000000"},
		{"range that needs no shared scale", "100–1,000 rounds", "100–1,000=100..1000"},
		{"to range", "3,000 to 4,500 killed and wounded", "3,000 to 4,500=3000..4500"},
		{"between range", "between 3 and 5 boats were lost", "between 3 and 5=3..5"},
		{"word range with or", "two or three patrols went missing", "two or three=2..3"},
		{"trailing plus is an open lower bound", "665+ wounded", "665+=665.."},
		{"leading plus is an open lower bound", "50 killed & +400 wounded", "50=50..50 | +400=400.."},
		{"less-than sign is an upper bound", "< 41,199 dead", "< 41,199=..41199"},
		{"at least", "at least 249 bodies recovered", "at least 249=249.."},
		{"over", "over 1,300 pieces of artillery", "over 1,300=1300.."},
		{"more than", "more than 200 prisoners", "more than 200=200.."},
		{"fewer than", "fewer than 40 survivors", "fewer than 40=..40"},
		{"tilde is approximate", "~700 killed", "~700=~700..700"},
		{"about is approximate", "About 600 men", "About 600=~600..600"},
		{"c. is approximate", "c. 600 casualties", "c. 600=~600..600"},
		{"some before a number is approximate", "some 200 rifles", "some 200=~200..200"},
		{"nearly is approximate", "nearly 90 tanks", "nearly 90=~90..90"},
		{"number word", "nine guards were posted", "nine=9..9"},
		{"capitalized number word at the start", "Five landing ships destroyed", "Five=5..5"},
		{"hyphenated tens", "thirty-seven sailors drowned", "thirty-seven=37..37"},
		{"hundreds in words", "two hundred and fifty horses", "two hundred and fifty=250..250"},
		{"a hundred", "a hundred men", "a hundred=100..100"},
		{"thousands in words", "three thousand refugees", "three thousand=3000..3000"},
		{"digits with scale word", "1.5 million people", "1.5 million=1500000..1500000"},
		{"a dozen is twelve", "a dozen scouts", "a dozen=12..12"},
		{"half a dozen is six", "half a dozen scouts", "half a dozen=6..6"},
		{"thousand scale on a range", "3 to 4 thousand men", "3 to 4 thousand=3000..4000"},
		{"two dozen", "two dozen scouts", "two dozen=24..24"},
		{"several dozen is vague", "Several dozen riders crossed", "Several dozen=..{several dozen}"},
		{"dozens is vague", "dozens of sorties", "dozens of=..{dozens}"},
		{"hundreds is vague", "Hundreds of violations", "Hundreds of=..{hundreds}"},
		{"a few is vague", "with a few casualties", "a few=..{a few}"},
		{"both is two", "Both pilots were killed", "Both=2..2{both}"},
		{"a handful is vague", "a handful of bombers", "a handful of=..{a handful}"},
		{"several is vague", "several casualties", "several=..{several}"},
		{"unknown number is vague", "an unknown number being wounded", "an unknown number=..{unknown}"},
		{"a small number is vague", "used a small number of armored vehicles", "a small number of=..{a small number}"},
		{"a single is one", "a single tankette was lost", "a single=1..1"},
		{"no is zero", "suffered no casualties", "no=0..0{no}"},
		{"odd is approximate and open", "some 40-odd riders", "some 40-odd=~40.."},
		{"estimated", "an estimated 10,000 refugees", "an estimated 10,000=~10000..10000"},
		{"approx range", "around 3,000–4,000 troops", "around 3,000–4,000=~3000..4000"},
		{"more than a hundred in words", "more than a hundred prisoners", "more than a hundred=100.."},
		{"unit size", "an 11-man patrol", "11-man=11..11[man]"},
		{"word unit size", "a two-man crew", "two-man=2..2[man]"},
		{"glued calibre", "two 37mm guns", "two=2..2 | 37mm=37..37[mm]"},
		{"spaced distance", "about 20 kilometers north", "about 20=~20..20[kilometers]"},
		{"duration", "for three weeks", "three=3..3[weeks]"},
		{"percent", "lost 40% of its strength", "40%=40..40[%]"},
		{"ordinals are not counts", "the 14th Cavalry Regiment and the 1st Division, 2nd and 23rd", ""},
		{"numbers in names are not counts", "1 MiG-27 and 2 Mi-8T, Type 95 and No. 3 and WW1", "1=1..1 | 2=2..2"},
		{"capitalized number word inside a name", "the Eight Power Intervention", ""},
		{"capitalized number word opening a list item", "Soviet claim:, 1,516 total, Five landing ships destroyed", "1,516=1516..1516 | Five=5..5"},
		{"citation marks are not counts", "were killed.[12]", ""},
		{"codes are not counts", "isbn=978-0-7139-9592-3 and 2014-10-07 and 9780786474707", ""},
		{"clock times are not counts", "at 04:00 the attack began", ""},
		{"day before a month", "On 8 January 1935, 60 troops", "60=60..60"},
		{"day after a month", "on August 10, 1938 the envoy", ""},
		{"list of days before a month", "on 7–8 and 20 August", ""},
		{"year after in", "in 1933 alone", ""},
		{"year before a capitalized word", "the 1939 Battles of Khalkhin Gol", ""},
		{"year at the end of a sentence", "the war ended in 1918.", ""},
		{"year range", "from 1918 to 1922", ""},
		{"year range with short end", "the winter of 1941–42", ""},
		{"between two years", "Between 1932 and 1934, 152 disputes", "152=152..152"},
		{"year in parentheses", "Battle of Lake Khasan (1938)", ""},
		{"decade", "in the 1930s", ""},
		{"BC year", "fought 490 BC", "490=490..490"},
		{"four-digit count before a noun", "1500 men crossed", "1500=1500..1500"},
		{"year followed by during", "in China 1937–1941 during the war", ""},
		{"lists keep order", "82 tanks, over 1,300 guns, 50,000 rifles", "82=82..82 | over 1,300=1300.. | 50,000=50000..50000"},
		{"infobox list", "Total: 30,443–32,418, 29,766–31,290, 677–1,128", "30,443–32,418=30443..32418 | 29,766–31,290=29766..31290 | 677–1,128=677..1128"},
		{"decimal alone is not a count", "a 2.5 hour fight", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderAll(Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindSpans(t *testing.T) {
	text := "In June, an 11-man patrol met 6 horsemen."
	qs := Find(text)
	if len(qs) != 2 {
		t.Fatalf("got %d quantities, want 2: %s", len(qs), renderAll(qs))
	}
	for _, q := range qs {
		if text[q.Span.Start:q.Span.End] != q.Count.Text {
			t.Errorf("span %v holds %q, Text is %q", q.Span, text[q.Span.Start:q.Span.End], q.Count.Text)
		}
	}
	if qs[1].Span.Start != strings.Index(text, "6 horsemen") {
		t.Errorf("second quantity at %d, want %d", qs[1].Span.Start, strings.Index(text, "6 horsemen"))
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"range", "7,000–7,300", "7,000–7,300=7000..7300", true},
		{"longest", "3,000 to 4,500 killed", "3,000 to 4,500=3000..4500", true},
		{"open bound", "46+ tanks destroyed", "46+=46..", true},
		{"approx", "About 600", "About 600=~600..600", true},
		{"vague", "Unknown", "Unknown=..{unknown}", true},
		{"words", "Five landing ships", "Five=5..5", true},
		{"not at start", "killed 5", "", false},
		{"empty", "", "", false},
		{"ordinal", "2nd Battalion", "", false},
		{"long input is read only at its start", "3,000 to 4,500 killed" + strings.Repeat(", 5 wounded", 200), "3,000 to 4,500=3000..4500", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := Parse(tt.in)
			if ok != tt.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v (%s)", tt.in, ok, tt.ok, render(q))
			}
			if ok && render(q) != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, render(q), tt.want)
			}
		})
	}
}

func TestTableLoads(t *testing.T) {
	if _, err := parseTable(wordsTSV); err != nil {
		t.Fatal(err)
	}
	if _, err := parseTable("seven\tnumeral\t7\n"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad kind: got %v, want an error naming line 1", err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"an 11-man patrol", "7,000–7,300", "between 3 and 5", "665+", "< 41,199", "~700",
		"two hundred and fifty", "1.5 million", "in 1941–42", "No. 3", "1,2,3", "99999999999999999999",
		"a hundred and", "thirty-", "+", "c.", "no.", "7–8 and 20 August",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, q := range Find(s) {
			if q.Span.Start < prev || q.Span.End <= q.Span.Start || q.Span.End > len(s) {
				t.Fatalf("bad span %v (prev end %d) in %q", q.Span, prev, s)
			}
			if s[q.Span.Start:q.Span.End] != q.Count.Text {
				t.Fatalf("span %v holds %q, Text %q", q.Span, s[q.Span.Start:q.Span.End], q.Count.Text)
			}
			prev = q.Span.End
		}
		Parse(s)
	})
}

const benchParagraph = `In October 1935, nine border guards and 32 auxiliaries were setting up a post about 20 kilometers north of the river when a force of 50 cavalrymen attacked them. The raiders opened fire with rifles and 5 heavy machine guns. In the ensuing clash, two guards and four auxiliaries were killed, and another 5 were wounded. Several dozen riders were seen later; between 3 and 5 boats, over 1,300 rifles and about 600 horses were taken, at the cost of eight men killed. `

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(benchParagraph, 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

func TestFindTokensMatchesFind(t *testing.T) {
	text := "About 600 men and 5-6 armored cars; an 11-man patrol met several dozen riders."
	want := renderAll(Find(text))
	if got := renderAll(FindTokens(text, textscan.Scan(text, nil))); got != want {
		t.Errorf("FindTokens = %s, Find = %s", got, want)
	}
}
