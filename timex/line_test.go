package timex

import (
	"strings"
	"testing"
)

// show renders an interval as start..end with flags.
func show(iv Interval) string {
	var b strings.Builder
	b.WriteString(iv.Start.String())
	b.WriteString("..")
	b.WriteString(iv.End.String())
	if iv.Approx {
		b.WriteString(" approx")
	}
	if iv.Ongoing {
		b.WriteString(" ongoing")
	}
	if iv.Uncertain {
		b.WriteString(" uncertain")
	}
	return b.String()
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"single day", "8 January 1935", "1935-01-08..1935-01-08"},
		{"month", "May 1939", "1939-05..1939-05"},
		{"year", "1904", "1904..1904"},
		{"range within a month", "11–12 March 1936", "1936-03-11..1936-03-12"},
		{"range within a month, hyphen", "25-30 December 1985", "1985-12-25..1985-12-30"},
		{"range across months", "8 August – 2 September 1945", "1945-08-08..1945-09-02"},
		{"range across years", "1 March 1932 – 16 September 1939", "1932-03-01..1939-09-16"},
		{"year range", "1918–1922", "1918..1922"},
		{"short year range", "1950–53", "1950..1953"},
		{"month range", "May–September 1939", "1939-05..1939-09"},
		{"month-first range", "July 2–25, 1939", "1939-07-02..1939-07-25"},
		{"month-first across months", "May 11 – September 16, 1939", "1939-05-11..1939-09-16"},
		{"month-first single day", "September 1, 1939", "1939-09-01..1939-09-01"},
		{"lost template leftovers", "26 January – 28 February 1995 , ()", "1995-01-26..1995-02-28"},
		{"days leftover", "18–23 August 1945 ( days)", "1945-08-18..1945-08-23"},
		{"stray parenthesis", "3 May – 26 July 1999)", "1999-05-03..1999-07-26"},
		{"duration note is not a date", "25 June 1950 – 27 July 1953 (3 years, 1 month and 2 days)", "1950-06-25..1953-07-27"},
		{"a length in years is not a year", "1337–1453 (116 years)", "1337..1453"},
		{"an age is not a year", "3 July 1866; 157 years ago", "1866-07-03..1866-07-03"},
		{"the other calendar's day is a note", "12 May 1780 (O.S. 1 May)", "1780-05-12..1780-05-12"},
		{"a note between the ends", "4 August 1914 (declared) – 11 November 1918", "1914-08-04..1918-11-11"},
		{"list of dates runs earliest to latest", "12 June 1938, 6 May 1937", "1937-05-06..1938-06-12"},
		{"list sharing a year", "6 May, 12 June 1938", "1938-05-06..1938-06-12"},
		{"range from a month to a day in it", "June 1097 – 19 June 1097", "1097-06..1097-06-19"},
		{"range from a year to a day in it", "1939 – 2 September 1939", "1939..1939-09-02"},
		{"a day, then its month", "19 June 1097, June 1097", "1097-06..1097-06"},
		{"circa", "c. 1500", "1500..1500 approx"},
		{"circa word", "circa 1200–1210", "1200..1210 approx"},
		{"BC", "490 BC", "-0490..-0490"},
		{"BC range", "490–479 BC", "-0490..-0479"},
		{"BC to AD", "27 BC – AD 14", "-0027..0014"},
		{"present", "1992–present", "1992.. ongoing"},
		{"ongoing", "3 May 2020 – ongoing", "2020-05-03.. ongoing"},
		{"lone ISO date is a start only", "2020-05-05", "2020-05-05.."},
		{"a season is its year: ISO dates have none", "Summer 1940", "1940..1940"},
		{"a winter across the new year is its two years", "Winter 1941–42", "1941..1942"},
		{"a season ends the span at its year", "6 May 1569 – summer 1572", "1569-05-06..1572"},
		{"alternatives are uncertain", "1935 or 1936", "1935..1936 uncertain"},
		{"alternative months of one year", "August or September 480 BC", "-0480-08..-0480-09 uncertain"},
		{"alternative months with a qualifier between", "August or September (contested) 480 BC", "-0480-08..-0480-09 uncertain"},
		{"alternative months joined by a slash", "August/September (Metageitnion), 490 BC", "-0490-08..-0490-09 uncertain"},
		{"question mark is uncertain", "1935?", "1935..1935 uncertain"},
		{"month range across a new year", "December 1941 – January 1942", "1941-12..1942-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iv, ok := ParseDateLine(tt.in)
			if !ok {
				t.Fatalf("ParseDateLine(%q) found no date, want %s", tt.in, tt.want)
			}
			if got := show(iv); got != tt.want {
				t.Errorf("ParseDateLine(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDateLineRejects(t *testing.T) {
	for _, s := range []string{"", "unknown", "( days)", ", ()", "(4 months)", "Northeast Asia"} {
		if iv, ok := ParseDateLine(s); ok {
			t.Errorf("ParseDateLine(%q) = %s, want no date", s, show(iv))
		}
	}
}

func FuzzParseDateLine(f *testing.F) {
	for _, s := range []string{"29 July – 11 August 1938, ()", "2020-05-05", "490–479 BC", "1941–42", "July 2–25, 1939", "Monday, 8 January 1935", "31 February 1935", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, ok := ParseDateLine(s)
		if !ok {
			return
		}
		if iv.Start.IsZero() {
			t.Fatalf("ok with zero start for %q", s)
		}
		if !iv.End.IsZero() && iv.End.Last().DayNumber() < iv.Start.First().DayNumber() {
			t.Fatalf("end %s before start %s for %q", iv.End, iv.Start, s)
		}
	})
}

func TestMonthNamesAndAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"January", 1}, {"june", 6}, {"MAY", 5}, {"Sept", 9}, {"sep", 9}, {"dec", 12},
		{"Spring", 0}, {"Monday", 0}, {"", 0}, {"Juneteenth", 0}, {"Jan.", 0},
	} {
		if got := Month(tc.word); got != tc.want {
			t.Errorf("Month(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}
