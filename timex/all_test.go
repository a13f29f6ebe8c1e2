package timex

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// showAll renders FindAll's expressions as "text=kind:value".
func showAll(es []Expr) string {
	var b []string
	for _, e := range es {
		b = append(b, e.Text+"="+e.Kind.String()+":"+e.Value)
	}
	return strings.Join(b, " | ")
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name   string
		anchor string // date the narrative established, or ""
		text   string
		want   string
	}{
		// durations
		{"count of months", "", "The siege lasted two months.", "two months=duration:P2M"},
		{"vague count of days", "", "The guns fell silent for a few days.", "a few days=duration:PXD"},
		{"digits and weeks", "", "It took 18 weeks to cross.", "18 weeks=duration:P18W"},
		{"hyphenated adjective", "", "A ten-day truce was signed.", "ten-day=duration:P10D"},
		{"unit without a count", "", "Talks dragged on for months.", "months=duration:PXM"},
		{"decades and hours", "", "After decades of quarrels, a 24 hours cease-fire held.", "decades=duration:PXDE | 24 hours=duration:PT24H"},
		{"a fortnight is two weeks", "", "They marched for a fortnight and then two fortnights more.", "a fortnight=duration:P2W | two fortnights=duration:P4W"},
		{"the next weeks and over are spanned", "", "Over the next two weeks both sides dug in.", "Over the next two weeks=duration:P2W"},
		{"month-long", "", "A month-long lull followed.", "A month-long=duration:P1M"},
		// sets
		{"every day", "", "Shells fell every day.", "every day=set:XXXX-XX-XX"},
		{"annually", "", "The fair was held annually.", "annually=set:XXXX"},
		{"per week", "", "Two convoys sailed per week.", "per week=set:XXXX-WXX"},
		// seasons
		{"season of a year", "", "The offensive of early summer 1917 failed.", "early summer 1917=date:1917-SU"},
		{"season takes the anchor's year", "1916-02-11", "By spring the line had moved.", "spring=date:1916-SP"},
		{"winter across years keeps its first year", "", "It froze in the winter of 1941–42.", "the winter of 1941–42=date:1941-WI"},
		{"winter across years before Christ takes the era of the second", "", "They wintered at Patrae in the winter of 32–31 BC.", "the winter of 32–31 BC=date:BC0032-WI"},
		{"fall alone is not a season", "1916-02-11", "The fall of the fortress shocked the city.", ""},
		// decades and centuries
		{"decade", "", "Tension grew in the 1930s.", "the 1930s=date:193"},
		{"century", "", "Forts were built in the 12th century.", "the 12th century=date:11"},
		// BC years
		{"year BC", "", "The fleet sailed in 480 BC.", "480 BC=date:BC0480"},
		{"dotted era", "", "The city fell in 146 B.C. to the legions.", "146 B.C.=date:BC0146"},
		{"range BC split", "", "The revolt ran from 499 BC to 493 BC.", "499 BC=date:BC0499 | 493 BC=date:BC0493"},
		// partial dates resolved against the anchor
		{"day and month take the anchor's year", "1915-03-02", "On 14 April the ships returned.", "14 April=date:1915-04-14"},
		{"month a little earlier stays in the anchor's year", "1943-11-20", "That plan had been made in September.", "September=date:1943-09"},
		{"month far earlier is next year's", "1943-11-20", "The thaw came in February.", "February=date:1944-02"},
		{"month range ends nearest the anchor", "1945-03-10", "The army fought from October to March.", "October=date:1944-10 | March=date:1945-03"},
		{"month range BC", "-0480-03", "The fleet waited from October to March.", "October=date:BC0481-10 | March=date:BC0480-03"},
		{"end of the month", "1940-05-10", "They were gone by the end of the month.", "the end of the month=date:1940-05"},
		{"the year", "1963-06", "Riots spread later in the year.", "later in the year=date:1963"},
		{"days later", "1950-06-25", "Two days later the capital fell.", "Two days later=date:1950-06-27"},
		{"years ago", "1975-04", "The accord of two years ago was dead.", "two years ago=date:1973"},
		{"ordinal day of the anchor's month", "1939-08-20", "On the 23rd the ring closed.", "the 23rd=date:1939-08-23"},
		// ranges, qualifiers
		{"range is one expression a date", "", "The battle (29 July – 11 August 1938) was fought.", "29 July=date:1938-07-29 | 11 August 1938=date:1938-08-11"},
		{"qualifier kept, preposition left out", "", "By early October 1939 it was over.", "early October 1939=date:1939-10"},
		{"year after a determiner", "", "In a 1998 interview he said so.", "1998=date:1998"},
		{"count is not a year", "", "They sent 1500 men.", ""},
		{"year opening a sentence", "", "1987 saw new offensives.", "1987=date:1987"},
		{"year after a possessive", "", "It broke its 1920 treaty.", "1920=date:1920"},
		{"month ending a name", "1934-10", "The Long March began in October.", "October=date:1934-10"},
		// times of day, holidays, nouns of time with adjectives
		{"clock time on the anchor's day", "1918-11-11", "The guns stopped at 11 a.m. and again at 19:15.", "11 a.m.=date:1918-11-11T11:00 | 19:15=date:1918-11-11T19:15"},
		{"hours after a count is a duration", "", "The shelling went on for 24 hours.", "24 hours=duration:PT24H"},
		{"holiday with its year", "", "The truce of Christmas 1914 did not last.", "Christmas 1914=date:1914-12-25"},
		{"ordinal day of a stretch", "1980-09-22", "On the first day of the war the airfields burned.", "the first day=date:1980-09-22"},
		{"ordinal century is not a day", "", "It was the nineteenth century model.", ""},
		{"short year before a BC year", "", "The revolt lasted from 499 to 493 BC.", "499=date:BC0499 | 493 BC=date:BC0493"},
		// references
		{"present", "", "The border is now quiet.", "now=ref:PRESENT_REF"},
		{"past", "", "The former capital burned.", "former=ref:PAST_REF"},
		{"this time after a preposition", "1944-06", "By this time the bridge was down; this time, they held.", "this time=date:1944-06"},
		{"part of a day", "1918-08-08", "The attack went in at night.", "night=date:1918-08-08TNI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Anchor
			if tt.anchor != "" {
				a.Date = mustDate(t, tt.anchor)
			}
			if got := showAll(FindAll(tt.text, a)); got != tt.want {
				t.Errorf("FindAll(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// Find is what the event and infobox readers use: it must not see the
// kinds only FindAll reads, nor split ranges.
func TestFindKeepsToDates(t *testing.T) {
	text := "For two months, every day, the former capital was shelled; now, from 1918 to 1920 the army stayed at night."
	es := Find(text, Anchor{Year: 1918})
	if len(es) != 1 || es[0].Text != "from 1918 to 1920" || es[0].Kind != Date || es[0].Value != "" {
		t.Errorf("Find = %+v, want only the range, of kind Date, without a value", es)
	}
	kinds := map[Kind]int{}
	for _, e := range FindAll(text, Anchor{Year: 1918}) {
		kinds[e.Kind]++
	}
	if kinds[Date] != 3 || kinds[Duration] != 1 || kinds[Set] != 1 || kinds[Ref] != 2 {
		t.Errorf("FindAll kinds = %v, want 3 dates (1918, 1920, night), a duration, a set, 2 refs", kinds)
	}
}

func TestFindAllAnchorSkipsDigressions(t *testing.T) {
	a := Anchor{Date: mustDate(t, "1965-03")}
	es := FindAll("Hawks, a name from the War of 1812, argued; in a 1998 interview he agreed. In May the bombing grew.", a)
	if got := showAll(es); got != "1812=date:1812 | 1998=date:1998 | May=date:1965-05" {
		t.Errorf("got %s; want May resolved in 1965, the years mentioned in passing not moving the anchor", got)
	}
	if last := a.Last(es); last.Date != annalist.MonthDate(1965, 5) {
		t.Errorf("Last = %v, want 1965-05", last.Date)
	}
	es = FindAll("In 1966, raids grew. In May the bombing grew.", a)
	if got := showAll(es); got != "1966=date:1966 | May=date:1966-05" {
		t.Errorf("got %s; a year opening a sentence moves the narrative", got)
	}
}

func TestFindAllSpansHoldTheirText(t *testing.T) {
	text := "On 8 January 1935 riders came; two days later, and every night for a few weeks, they attacked."
	for _, e := range FindAll(text, Anchor{}) {
		if text[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("span %v holds %q, Text %q", e.Span, text[e.Span.Start:e.Span.End], e.Text)
		}
	}
}

func BenchmarkFindAll(b *testing.B) {
	text := strings.Repeat(benchParagraph, 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindAll(text, Anchor{Year: 1935})
	}
}
