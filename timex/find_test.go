package timex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

func mustDate(t *testing.T, s string) annalist.Date {
	t.Helper()
	d, err := annalist.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// showExpr renders an expression as "text=start..end" with its flags.
func showExpr(e Expr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s=%s", e.Text, show(e.Interval))
	if e.Relative {
		b.WriteString(" rel")
	}
	if e.Qualifier != "" {
		fmt.Fprintf(&b, " q:%s", e.Qualifier)
	}
	if !e.Sub.IsZero() {
		fmt.Fprintf(&b, " sub:%s..%s", e.Sub.Start, e.Sub.End)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		name   string
		anchor string // date the narrative established, or ""
		year   int    // heading year
		text   string
		want   string // expressions joined by " | "
	}{
		{"day month year", "", 0, "On 8 January 1935, riders crossed the river.", "On 8 January 1935=1935-01-08..1935-01-08"},
		{"month year", "", 0, "In June 1935, a patrol was attacked.", "In June 1935=1935-06..1935-06"},
		{"month day takes the anchor's year", "1936-02", 0, "On February 12, the detachment advanced.", "On February 12=1936-02-12..1936-02-12"},
		{"month takes the heading year", "", 1937, "In June, gunboats crossed the line.", "In June=1937-06..1937-06"},
		{"month earlier than the anchor rolls into the next year", "1935-12-24", 0, "More raids occurred in January.", "in January=1936-01..1936-01"},
		{"a month inside a season told before keeps its year", "", 0, "Fighting flared in the summer of 1984. On 12 July a regiment attacked.", "in the summer of 1984=1984-06..1984-08 | On 12 July=1984-07-12..1984-07-12"},
		{"a month inside a range of months keeps its year", "", 0, "From March to October 1952 the hills changed hands. In June both sides shelled the ridge. In February the line was quiet.", "From March to October 1952=1952-03..1952-10 | In June=1952-06..1952-06 | In February=1953-02..1953-02"},
		{"a month inside a winter told before keeps the winter's first year", "", 0, "The winter of 1879–80 passed quietly. On 11 December tribesmen attacked. In February the passes closed.", "The winter of 1879–80=1879-12..1880-02 | On 11 December=1879-12-11..1879-12-11 | In February=1880-02..1880-02"},
		{"a month before a season told before is next year's", "", 0, "The rains ended in the summer of 1984. In May the raids began again.", "in the summer of 1984=1984-06..1984-08 | In May=1985-05..1985-05"},
		// A narrative steps back a month or two in its year; further back,
		// it has gone on into the next.
		{"a month or two before the anchor's keeps its year", "", 0, "The campaign is dated from 4 July 1892. He had landed in May.", "from 4 July 1892=1892-07-04..1892-07-04 | in May=1892-05..1892-05"},
		{"a month three before the anchor's is next year's", "", 0, "The campaign is dated from 4 July 1892. In April the rains came.", "from 4 July 1892=1892-07-04..1892-07-04 | In April=1893-04..1893-04"},
		{"the end of the month is the anchor's month", "1929-10-12", 0, "At the end of the month the flotilla struck again.", "At the end of the month=1929-10..1929-10 rel"},
		{"month without any anchor stays unresolved", "", 0, "More raids occurred in January.", "in January=.."},
		{"year alone", "", 0, "The dispute flared in 1933 alone.", "in 1933=1933..1933"},
		{"year range with from and to", "", 0, "From 1918 to 1920 the army stayed.", "From 1918 to 1920=1918..1920"},
		{"between years", "", 0, "Between 1932 and 1934, there were disputes.", "Between 1932 and 1934=1932..1934"},
		{"season across a new year", "", 0, "It froze in the winter of 1941–42.", "in the winter of 1941–42=1941-12..1942-02"},
		{"decade", "", 0, "Tension grew in the 1960s.", "in the 1960s=1960..1969"},
		{"late decade", "", 0, "Tension grew in the late 1930s.", "in the late 1930s=1930..1939 q:late sub:1937..1939"},
		{"day range in a month", "1939-07", 0, "The first attack (2–25 July) failed.", "2–25 July=1939-07-02..1939-07-25"},
		{"range across months", "", 0, "The battle (29 July – 11 August 1938) was fought.", "29 July – 11 August 1938=1938-07-29..1938-08-11"},
		{"day list is one interval", "1939-08", 0, "Probing attacks (7–8 and 20 August) failed.", "7–8 and 20 August=1939-08-07..1939-08-20"},
		{"a day's number after \"Day\" counts days", "1948", 0, "Day 2, 14 September", "14 September=1948-09-14..1948-09-14"},
		{"a model's name and year is no decade", "", 0, "The IAF scrambled eight fighters, among them Mirage 2000s, in the 1990s style.", "in the 1990s=1990..1999"},
		{"a regiment's number after of is no day", "1879-01-22", 0, "Pulleine deployed the companies of the 24th in a firing line. On the night of the 23rd the garrison held.", "On the night of the 23rd=1879-01-23..1879-01-23"},
		{"the previous month of a name is the one before", "1988-04-14", 0, "Divers found mines laid the previous September.", "September=1987-09..1987-09"},
		{"a look back inside a sentence leaves the narrative's day", "", 0, "Shortly after dawn on 20 July 1974 troops came ashore from a fleet that had sailed the previous day. They attacked the town that afternoon.", "after dawn on 20 July 1974=1974-07-20..1974-07-20 | the previous day=1974-07-19..1974-07-19 rel | that afternoon=1974-07-20..1974-07-20 rel"},
		{"a day list", "1948", 0, "Raids on 2, 3 and 14 September", "on 2, 3 and 14 September=1948-09-02..1948-09-14"},
		{"two months share a year", "", 0, "After skirmishes in May and June 1939, armies met.", "in May and June 1939=1939-05..1939-06"},
		{"early month keeps month precision", "", 0, "In early April 1936, three soldiers died.", "In early April 1936=1936-04..1936-04 q:early sub:1936-04-01..1936-04-10"},
		{"late month", "1939-08-20", 0, "The counteroffensive in late August succeeded.", "in late August=1939-08..1939-08 q:late sub:1939-08-21..1939-08-31"},
		{"mid year", "", 0, "By mid-1935 the post was built.", "By mid-1935=1935..1935 q:mid sub:1935-05..1935-08"},
		{"early year", "", 0, "In early 1935 the first shots were fired.", "In early 1935=1935..1935 q:early sub:1935-01..1935-04"},
		{"disjunction is uncertain and spans both", "", 1935, "It happened around January or February.", "around January or February=1935-01..1935-02 approx uncertain q:around"},
		{"later in names its month", "1936-03", 0, "Later in March 1936, there was another clash.", "Later in March 1936=1936-03..1936-03 q:later"},
		{"days later", "1935-12-19", 0, "Five days later, troops attacked.", "Five days later=1935-12-24..1935-12-24 rel"},
		{"weeks later", "1935-12-19", 0, "Two weeks later the post fell.", "Two weeks later=1936-01-02..1936-01-02 approx rel"},
		{"months later", "1945-04-05", 0, "Four months later, war was declared.", "Four months later=1945-08..1945-08 rel"},
		{"same day", "1935-12-24", 0, "The same day, riders attacked the post.", "The same day=1935-12-24..1935-12-24 rel"},
		{"next day", "1938-08-10", 0, "The troops withdrew the next day.", "the next day=1938-08-11..1938-08-11 rel"},
		{"next morning", "1938-08-10", 0, "They returned the next morning.", "the next morning=1938-08-11..1938-08-11 rel"},
		{"that night", "1938-08-10", 0, "That night the guns fell silent.", "That night=1938-08-10..1938-08-10 rel"},
		{"through a month", "1977-10", 0, "Through November the attackers fought on.", "Through November=1977-11..1977-11"},
		{"next afternoon mid-sentence", "1864-02-05", 0, "The pursuit caught the rearguard the next afternoon at the bridge.", "the next afternoon=1864-02-06..1864-02-06 rel"},
		{"following afternoon", "1864-02-05", 0, "The following afternoon the guns opened fire.", "The following afternoon=1864-02-06..1864-02-06 rel"},
		{"that same evening", "1864-02-05", 0, "That same evening the fort fell.", "That same evening=1864-02-05..1864-02-05 rel"},
		{"previous evening", "1864-02-05", 0, "The bridge had been mined the previous evening.", "the previous evening=1864-02-04..1864-02-04 rel"},
		{"relative without anchor", "", 0, "Five days later, troops attacked.", "Five days later=.. rel"},
		{"each expression anchors the next", "", 1939, "A cease-fire was agreed on 15 September, which took effect the following day.", "on 15 September=1939-09-15..1939-09-15 | the following day=1939-09-16..1939-09-16 rel"},
		{"from then until", "1935-02", 0, "From then until April 1939, 108 incidents were recorded.", "From then until April 1939=1935-02..1939-04 rel q:until"},
		{"month-first day with year", "", 0, "It ended on August 10, 1938 in Moscow.", "on August 10, 1938=1938-08-10..1938-08-10"},
		{"weekday before a date", "", 0, "On Monday, 8 January 1935, riders came.", "On Monday, 8 January 1935=1935-01-08..1935-01-08"},
		{"year in parentheses", "", 0, "the Battle of the Lake (1938) was fought", "1938=1938..1938"},
		{"BC", "", 0, "The battle was fought in 490 BC.", "in 490 BC=-0490..-0490"},
		{"not dates: unit sizes, calibres, counts", "1935-06", 0, "An 11-man patrol with 37mm guns saw 108 such incidents at a night.", ""},
		{"four-digit count is not a year", "", 0, "They sent 1500 men.", ""},
		{"may the verb is not a month", "", 0, "Troops may return.", ""},
		{"night of two days", "1939-08", 0, "On the night of 7/8 August they crossed.", "On the night of 7/8 August=1939-08-07..1939-08-08"},
		{"month-first day range with year", "", 0, "The battle lasted August 7–8, 1939 near the river.", "August 7–8, 1939=1939-08-07..1939-08-08"},
		{"end of a month", "", 1939, "By the end of August the river was held.", "By the end of August=1939-08..1939-08 q:late sub:1939-08-21..1939-08-31"},
		{"mid month with hyphen", "", 1939, "In mid-August the guns arrived.", "In mid-August=1939-08..1939-08 q:mid sub:1939-08-11..1939-08-20"},
		{"that same month", "1937-07", 0, "He spoke in Moscow that same month.", "that same month=1937-07..1937-07 rel"},
		{"decades joined", "", 0, "It grew in the 1930s and 1940s.", "in the 1930s and 1940s=1930..1949"},
		{"century", "", 0, "Forts were built in the 12th century.", "in the 12th century=1101..1200"},
		{"late century", "", 0, "It changed in the late 19th century.", "in the late 19th century=1801..1900 q:late sub:1867..1900"},
		{"century BC", "", 0, "It fell in the 5th century BC.", "in the 5th century BC=-0500..-0401"},
		{"a few days later is the anchor's month", "1935-12-19", 0, "A few days later, riders returned.", "A few days later=1935-12..1935-12 approx rel"},
		{"units after the narrative's moment are later", "1969-03-02", 0, "Three weeks after the first clash, the guns opened fire.", "Three weeks after=1969-03-23..1969-03-23 approx rel"},
		{"units after that", "1969-03-02", 0, "Ten days after that, the town fell.", "Ten days after=1969-03-12..1969-03-12 rel"},
		{"before a part of a day bounds the hour, not the date", "", 0, "Before dawn on 1 August 1770 the squares moved.", "Before dawn on 1 August 1770=1770-08-01..1770-08-01"},
		{"after a part of a day bounds the hour", "", 0, "After dusk on 3 May 1770 the raiders crossed.", "After dusk on 3 May 1770=1770-05-03..1770-05-03"},
		{"a month since looks back and the narrative stays", "1962-10-20", 0, "The post had been cut off since July. Later that day the posts were overrun.", "since July=1962-07..1962-07 q:since | Later that day=1962-10-20..1962-10-20 rel"},
		{"a month since told early in the year is the year before's", "1988-01-30", 0, "Guns had fired 10,000 shells since the middle of December.", "since the middle of December=1987-12..1987-12 q:mid sub:1987-12-11..1987-12-20"},
		{"a month since a few months ahead stays in the year", "1918-04", 0, "Since 8 August 100,000 prisoners were taken.", "Since 8 August=1918-08-08..1918-08-08 q:since"},
		{"a month before looks back", "1975-03-31", 0, "The plan called for the capture of the city before March. On 7 April they attacked.", "before March=1975-03..1975-03 q:before | On 7 April=1975-04-07..1975-04-07"},
		{"the day before an act is no date", "1811-03-12", 0, "Ney held them for most of the day before slipping across the river.", ""},
		{"the day before alone is the anchor's day before", "1811-03-12", 0, "The day before, Ney had crossed the river.", "The day before=1811-03-11..1811-03-11 rel"},
		{"before a date bounds the date", "", 0, "Before 3 August 1770 they attacked.", "Before 3 August 1770=1770-08-03..1770-08-03 q:before"},
		{"units before a date named are that date's", "1969-03-02", 0, "Two days before 5 May the army withdrew.", "before 5 May=1969-05-05..1969-05-05 q:before"},
		{"units before an event told next are no date", "1969-03-02", 0, "The ships bombarded the forts for two days before a landing party stormed them.", ""},
		{"a length of units after an event is no date", "1969-03-02", 0, "They held the pass for two days after the landing.", ""},
		{"a fortnight later is fourteen days on", "1879-10-14", 0, "A fortnight later the camp was attacked.", "A fortnight later=1879-10-28..1879-10-28 approx rel"},
		{"weeks later without a number", "1935-12-19", 0, "Weeks later, riders returned.", "Weeks later=1935-12..1935-12 approx rel"},
		{"season without a year needs a preposition", "", 1940, "A spring offensive followed the fall of the city. In the summer the front was quiet.", "In the summer=1940-06..1940-08"},
		{"qualified range", "", 0, "From late 1937 to early 1938 the aid flowed.", "From late 1937 to early 1938=1937..1938 q:late"},
		{"qualified month range", "", 1940, "Between late May and early June the line held.", "Between late May and early June=1940-05..1940-06 q:late"},
		{"the year", "", 0, "It fell in the year 1066.", "in the year 1066=1066..1066"},
		{"first week of a month", "", 0, "In the first week of July 1943 the tanks met.", "In the first week of July 1943=1943-07..1943-07 q:week1 sub:1943-07-01..1943-07-07"},
		{"last week of a month", "", 0, "In the last week of February 1943 it thawed.", "In the last week of February 1943=1943-02..1943-02 q:last-week sub:1943-02-22..1943-02-28"},
		{"early hours", "", 0, "In the early hours of 22 June 1941 the guns opened.", "In the early hours of 22 June 1941=1941-06-22..1941-06-22"},
		{"dawn", "", 1939, "At dawn on 1 September the attack began.", "At dawn on 1 September=1939-09-01..1939-09-01"},
		{"later that evening", "1939-09-01", 0, "Later that evening the town fell.", "Later that evening=1939-09-01..1939-09-01 rel q:later"},
		{"ordinal day alone takes the anchor's month", "1939-08-20", 0, "On the 23rd the ring closed.", "On the 23rd=1939-08-23..1939-08-23"},
		{"ordinal unit names are not days", "1939-08-20", 0, "It was held by the 23rd Division and the 1st and 2nd battalions of the 14th Cavalry.", ""},
		{"abbreviated month with a stop", "", 0, "It began on Jan. 26, 1995 near the border.", "on Jan. 26, 1995=1995-01-26..1995-01-26"},
		{"mid decade", "", 0, "Raids grew in the mid-1930s.", "in the mid-1930s=1930..1939 q:mid sub:1934..1936"},
		{"month names inside names are not dates", "1945-08-01", 0, "Operation August Storm began; the March Revolution followed.", ""},
		{"later in the month", "1884-10-06", 0, "Later in the month the French drove the Chinese out of Chu.", "Later in the month=1884-10..1884-10 rel"},
		{"early in the year", "1884-10-06", 0, "Early in the year the army marched.", "Early in the year=1884..1884 rel"},
		{"a short month alone is a name's", "1921-07-20", 0, "Nador, on the lagoon of Mar Chica, was surrounded; the column reached Sept Iles.", ""},
		{"a short month with its day is a date", "1921-01-20", 0, "On 5 Mar the post fell.", "On 5 Mar=1921-03-05..1921-03-05"},
		{"a month alone in full is a date", "1921-01-20", 0, "In March Zembrian troops attacked.", "In March=1921-03..1921-03"},
		{"ordinal day", "1939-08", 0, "On the 20th of August they attacked.", "On the 20th of August=1939-08-20..1939-08-20"},
		{"a short year near an early narrative's", "", 610, "In 614, the Persians took the city. They withdrew in 622 but came back. In the winter of 627 the emperor marched.", "In 614=0614..0614 | in 622=0622..0622 | In the winter of 627=0627-12..0628-02"},
		{"a two-digit year near the first century's", "0058", 0, "In 59 the legions crossed the river.", "In 59=0059..0059"},
		{"a short year near a narrative BC is BC", "", -480, "In 479 the fleet sailed.", "In 479=-0479..-0479"},
		{"a month after a BC month keeps the era", "", 0, "In the spring of 331 BC the army marched. In June or July it crossed the river; on 20 September it camped.", "In the spring of 331 BC=-0331-03..-0331-05 | In June or July=-0331-06..-0331-07 uncertain | on 20 September=-0331-09-20..-0331-09-20"},
		{"a month earlier than a BC month is the next year, one less BC", "", -52, "From November 52 BC to January the legions wintered.", "From November 52 BC to January=-0052-11..-0051-01"},
		{"short counts in an early narrative are no years", "", 610, "An army of 700 men came in 600 ships; a garrison of 650, led by the count, held out.", ""},
		{"a short year closing a preposition of time", "", 717, "In the course of 718 the Bulgars attacked the camp, and over the course of 719 they withdrew.", "In the course of 718=0718..0718 | over the course of 719=0719..0719"},
		{"a short count after \"of\" is no year", "", 717, "In the course of the siege a force of 718 men held the wall.", ""},
		{"a short number far from the narrative's year is no year", "", 610, "In 40 the army crossed.", ""},
		{"short numbers are no years in a modern narrative", "", 1939, "In 614 the army crossed.", ""},
		{"a short year needs a preposition", "", 610, "The emperor had 614 guards.", ""},
		{"the next season is the first to begin after the anchor", "1790-05-04", 0, "The next spring the army marched.", "The next spring=1791-03..1791-05 rel"},
		{"a part of a later year a thing was done in moves a month's narrative on", "1985-07", 0, "The worst clash came at the start of 1987. On 5 January a brigade attacked.", "at the start of 1987=1987..1987 q:early sub:1987-01..1987-04 | On 5 January=1987-01-05..1987-01-05"},
		{"a later year alone inside a sentence stays an aim", "1975-03-10", 0, "Ministers hoped to hold elections in 1976. On 11 March the defence collapsed.", "in 1976=1976..1976 | On 11 March=1975-03-11..1975-03-11"},
		{"a part of a year bounding a later one leaves the narrative", "1942-06", 0, "The line was to hold until early 1943. On 3 July the tanks attacked.", "until early 1943=1943..1943 q:early sub:1943-01..1943-04 | On 3 July=1942-07-03..1942-07-03"},
		{"the following winter runs into the next year", "1790-05", 0, "The following winter was quiet.", "The following winter=1790-12..1791-02 rel"},
		{"that season is the anchor year's", "1790-01", 0, "That summer the army marched.", "That summer=1790-06..1790-08 rel"},
		{"a feast of a fixed day with its year is that day", "", 0, "On Christmas Day 1846 the column was attacked.", "Christmas Day 1846=1846-12-25..1846-12-25"},
		{"a feast of a fixed day after on takes the anchor's year", "1846-12-20", 0, "On Christmas Day the column was attacked.", "Christmas Day=1846-12-25..1846-12-25 rel"},
		{"a feast alone is as often a name", "1846-12-20", 0, "The Christmas Offensive failed.", ""},
		{"a feast of no fixed day with its year is the year", "", 0, "At Easter 1916 the rising began.", "Easter 1916=1916..1916"},
		{"a season that holds the anchor's month is that year's", "1790-08-09", 0, "The men suffered in the summer heat.", "in the summer=1790-06..1790-08"},
		{"a season after the anchor's month is that year's too", "1790-05-04", 0, "The men suffered in the summer heat.", "in the summer=1790-06..1790-08"},
		{"a note of the other calendar before the year", "", 0, "On 12 June [O.S. 1 June] 1790 the army crossed.", "On 12 June [O.S. 1 June] 1790=1790-06-12..1790-06-12"},
		{"a note of the other calendar in parentheses", "", 0, "On 1 June (N.S. 12 June) 1790 the army crossed.", "On 1 June (N.S. 12 June) 1790=1790-06-01..1790-06-01"},
		{"a short year range before an era", "", 0, "The war lasted from 58 to 63 AD.", "from 58 to 63 AD=0058..0063"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Anchor{Year: tt.year}
			if tt.anchor != "" {
				a.Date = mustDate(t, tt.anchor)
			}
			var got []string
			for _, e := range Find(tt.text, a) {
				got = append(got, showExpr(e))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, g, tt.want)
			}
		})
	}
}

func TestFindSpans(t *testing.T) {
	text := "In June 1935, the patrol met riders; five days later they met again."
	es := Find(text, Anchor{})
	if len(es) != 2 {
		t.Fatalf("got %d expressions, want 2", len(es))
	}
	for _, e := range es {
		if text[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("span %v holds %q, Text %q", e.Span, text[e.Span.Start:e.Span.End], e.Text)
		}
	}
	if es[1].Text != "five days later" || es[1].Start.Prec != annalist.PrecMonth {
		t.Errorf("second = %s, want five days later at month precision (the anchor's)", showExpr(es[1]))
	}
}

func TestAnchorNext(t *testing.T) {
	a := Anchor{Year: 1939}
	a = a.Next(Expr{Interval: Interval{Start: mustDate(t, "1939-07-02"), End: mustDate(t, "1939-07-25")}})
	if a.Date.String() != "1939-07-25" || a.Year != 1939 {
		t.Errorf("after a range the anchor is %v/%d, want its end and the heading year", a.Date, a.Year)
	}
	a = a.Next(Expr{Relative: true})
	if a.Date.String() != "1939-07-25" {
		t.Errorf("an unresolved expression moved the anchor to %v", a.Date)
	}
}

func TestHeadingYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1936 border incidents", 1936, true},
		{"1937", 1937, true},
		{"Battle of Lake Khasan (1938)", 1938, true},
		{"Prelude from 1904–1932", 1904, true},
		{"Neutrality Pact of 1941–1945", 1941, true},
		{"Major conflicts of 1939", 1939, true},
		{"Minor clashes between the two armies", 0, false},
		{"The 2nd Division", 0, false},
		{"Aftermath", 0, false},
	}
	for _, tt := range tests {
		y, ok := HeadingYear(tt.in)
		if y != tt.want || ok != tt.ok {
			t.Errorf("HeadingYear(%q) = %d, %v; want %d, %v", tt.in, y, ok, tt.want, tt.ok)
		}
	}
}

func TestHeadingYearNearAnEarlyYear(t *testing.T) {
	tests := []struct {
		in   string
		near int
		want int
		ok   bool
	}{
		{"The campaign of 614", 602, 614, true},
		{"Siege of the city (59–60)", 58, 59, true},
		{"The fleet in 479", -480, -479, true},
		{"Hill 304", 1916, 0, false},
		{"Hill 304", 0, 0, false},
		{"The 300 at the pass", 1100, 0, false},
		{"Campaign of 1066", 1060, 1066, true},
	}
	for _, tt := range tests {
		y, ok := HeadingYearNear(tt.in, tt.near)
		if y != tt.want || ok != tt.ok {
			t.Errorf("HeadingYearNear(%q, %d) = %d, %v; want %d, %v", tt.in, tt.near, y, ok, tt.want, tt.ok)
		}
	}
}

func TestTableLoads(t *testing.T) {
	if _, err := parseTable(wordsTSV); err != nil {
		t.Fatal(err)
	}
	if _, err := parseTable("june\tmonthly\t6\n"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad kind: got %v, want an error naming line 1", err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On 8 January 1935, riders", "Five days later", "7–8 and 20 August", "in the winter of 1941–42",
		"From then until April 1939", "around January or February", "July 2–25, 1939", "the 1960s",
		"mid-", "on 31 February", "99999 days later", "in -5", "2020-13-45",
		"two months", "a few days ago", "every day", "the end of the month", "146 B.C.", "ten-day",
		"by this time", "at night", "the 470s BC", "month-long", "99999999999999999999 years ago",
		"12 June [O.S. 1 June] 1790", "1 June (N.S. 12 June", "58–63 AD",
	} {
		f.Add(s, 1935)
	}
	// Short years near an early narrative's.
	for _, s := range []string{"In 614, the Persians", "in 622 but", "the winter of 627", "In 479 the fleet", "of 700 men"} {
		f.Add(s, 610)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		// A narrative dated by the day, and one before AD 1000 known by its
		// year only (where short numbers may be years).
		for _, a := range []Anchor{{Year: year % 3000, Date: annalist.DayDate(1935, 12, 19)}, {Year: year % 1000}} {
			checkSpans(t, "Find", s, Find(s, a))
		}
		for _, e := range checkSpans(t, "FindAll", s, FindAll(s, Anchor{Year: year % 3000, Date: annalist.DayDate(1935, 12, 19)})) {
			if e.Kind != Date && !e.Start.IsZero() {
				t.Fatalf("FindAll: %s %q has a date interval %v", e.Kind, e.Text, e.Interval)
			}
		}
		HeadingYear(s)
	})
}

// checkSpans fails t unless es lie in s in order, each span holding its
// Text; it returns es.
func checkSpans(t *testing.T, what, s string, es []Expr) []Expr {
	t.Helper()
	prev := 0
	for _, e := range es {
		if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > len(s) {
			t.Fatalf("%s: bad span %v (prev end %d) in %q", what, e.Span, prev, s)
		}
		if s[e.Span.Start:e.Span.End] != e.Text {
			t.Fatalf("%s: span %v holds %q, Text %q", what, e.Span, s[e.Span.Start:e.Span.End], e.Text)
		}
		prev = e.Span.End
	}
	return es
}

const benchParagraph = `On 19 December 1935, a border unit engaging in a survey south of the lake clashed with a mounted party, reportedly capturing 10 soldiers. Five days later, 60 truck-borne troops assaulted the post and were repulsed, at the cost of 3 dead. The same day, riders attempted to drive out the garrison three times, and then again at night, but all attempts failed. More small attempts occurred in January, with airplanes used for reconnaissance. In early April 1936, three soldiers were killed near the river, in one of many minor affrays. `

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(benchParagraph, 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, Anchor{Year: 1935})
	}
}

func BenchmarkParseDateLine(b *testing.B) {
	line := "1 March 1932 – 16 September 1939, ()"
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		ParseDateLine(line)
	}
}

func TestFindTokensMatchesFind(t *testing.T) {
	text := "On 19 December 1935 riders came; five days later, and again the next day, they attacked."
	var want, got []string
	for _, e := range Find(text, Anchor{}) {
		want = append(want, showExpr(e))
	}
	for _, e := range FindTokens(text, textscan.Scan(text, nil), Anchor{}) {
		got = append(got, showExpr(e))
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") || len(want) != 3 {
		t.Errorf("FindTokens = %q, Find = %q (want 3 expressions)", got, want)
	}
}

func TestCalendarNoteBeforeNamesAnotherCalendar(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"On 12 June 1790 (O.S. ", true},
		{"On 12 June 1790 (O.S ", true},
		{"On 12 June 1790 [Old Style: ", true},
		{"On 12 June 1790 (Julian calendar: ", true},
		{"on 1 June (n.s. ", true},
		{"On 12 June 1790 the army crossed on ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := CalendarNoteBefore(tt.before); got != tt.want {
			t.Errorf("CalendarNoteBefore(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// A look back with a part of the month ("since the middle of December")
// leaves the narrative where it was, as "since December" does.
func TestALookBackWithAPartOfTheMonthLeavesTheAnchor(t *testing.T) {
	a := Anchor{Date: annalist.DayDate(1988, 1, 30)}
	es := Find("Guns had fired 10,000 shells since the middle of December. The next day the post fell.", a)
	if len(es) != 2 {
		t.Fatalf("%d expressions, want 2: %+v", len(es), es)
	}
	if got := es[1].Start.String(); got != "1988-01-31" {
		t.Errorf("the next day = %s, want 1988-01-31 (the day after the anchor, not after December)", got)
	}
}

// Before any date of its own, a narrative is in the war's time: a short
// year after a day and month of an early war's first year is that year
// ("from 15 to 20 August 636" in a battle that began on 15 August 636),
// BC too; in a modern war a short number stays no year.
func TestAShortYearBeforeAnyDateIsTheWarsTime(t *testing.T) {
	tests := []struct {
		from annalist.Date
		text string
		want string
	}{
		{annalist.DayDate(636, 8, 15), "The fighting lasted six days, from 15 to 20 August 636, near the river.", "from 15 to 20 August 636=0636-08-15..0636-08-20"},
		{annalist.DayDate(-490, 9, 12), "The armies met on 12 September 490 on the plain.", "on 12 September 490=-0490-09-12..-0490-09-12"},
		{annalist.DayDate(1915, 11, 22), "The division lost 636 men on 22 November near the arch.", "on 22 November=1915-11-22..1915-11-22"},
		{annalist.MonthDate(1915, 11), "The river rose in March, before the relief came.", "in March=1916-03..1916-03"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Find(tt.text, Anchor{From: tt.from}) {
			got = append(got, showExpr(e))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("Find(%q) from %v\n got %s\nwant %s", tt.text, tt.from, g, tt.want)
		}
	}
}
