package timex

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/internal/textscan"
)

// ParseDateLine reads the value of an infobox Date line: a day, month or
// year; a range within a month, across months or years ("11–12 March
// 1936", "29 July – 11 August 1938", "1918–1922"); a list of dates
// (earliest to latest); "c."/"circa" (Approx); BC/AD ("490 BC" is year
// -490); "present"/"ongoing" (Ongoing, End zero). Leftovers of dropped
// templates ("( days)", ", ()", a stray ")") and anything else that is not
// a date are passed over. A lone ISO date ("2020-05-05") is what remains of
// a {{Start date}} template: it gives Start only. ok is false when the line
// holds no date with a year.
func ParseDateLine(s string) (Interval, bool) {
	if strings.IndexByte(s, '(') >= 0 {
		s = dropWordAsides(s)
	}
	// The parser and its tokens live on the stack: every infobox has a
	// Date line.
	var buf [24]textscan.Token
	pv := makeParser(s, true, buf[:0])
	p := &pv
	var all []point
	var iv Interval
	for i := 0; i < len(p.toks); {
		tk := p.toks[i]
		if e, n := p.word(i, kPresent); e != nil {
			iv.Ongoing = true
			i = n
			continue
		}
		if e, n := p.word(i, kQualifier); e != nil && e.unit == "around" {
			iv.Approx = true
			i = n
			continue
		}
		if tk.Kind == textscan.Punct && s[tk.Start] == '?' {
			iv.Uncertain = true
		}
		if tk.Kind == textscan.Punct && s[tk.Start] == '(' && len(all) > 0 {
			// A note after the date: its length ("(116 years)"), the
			// other calendar's day ("(O.S. 1 May)"), what ended it.
			i = closeParen(s, p.toks, i)
			continue
		}
		if tk.Kind == textscan.Number && i+1 < len(p.toks) {
			if e, n := p.word(i+1, kUnit); e != nil {
				i = n // "157 years ago": an age, not a year
				continue
			}
		}
		pts, next, unc, ok := p.run(i)
		if !ok || next <= i {
			i++
			continue
		}
		if unc {
			iv.Uncertain = true
		}
		all = append(all, pts...)
		i = next
	}
	// Atoms of separate runs that lack a year take the next run's year,
	// then the previous one's ("6 May, 12 June 1938").
	for k := len(all) - 2; k >= 0; k-- {
		if !all[k].hasY && all[k+1].hasY {
			all[k].y, all[k].era, all[k].hasY = all[k+1].y, all[k+1].era, true
		}
	}
	for k := 1; k < len(all); k++ {
		if !all[k].hasY && all[k-1].hasY {
			all[k].y, all[k].era, all[k].hasY = all[k-1].y, all[k-1].era, true
		}
	}
	sp := span(all)
	if sp.Start.IsZero() {
		return Interval{}, false
	}
	iv.Start, iv.End = sp.Start, sp.End
	// "summer 1569 – 1572": ISO dates have no seasons, so a season's end
	// of the interval is its year, as a clash told by one is.
	if all[0].season {
		iv.Start = annalist.YearDate(iv.Start.Year)
	}
	if all[len(all)-1].season {
		iv.End = annalist.YearDate(iv.End.Year)
	}
	if iv.Ongoing || len(all) == 1 && all[0].iso {
		iv.End = annalist.Date{}
	}
	return iv, true
}

// dropWordAsides returns s without the parentheses that hold words only
// ("August or September (contested) 480 BC"): an aside inside the date,
// which would cut its months from their year. One that holds a number,
// or says the conflict goes on ("(ongoing)"), stays.
func dropWordAsides(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		aside := s[i+1 : i+j]
		if strings.ContainsAny(aside, "0123456789") || strings.Contains(strings.ToLower(aside), "present") || strings.Contains(strings.ToLower(aside), "ongoing") {
			b.WriteString(s[:i+j+1])
		} else {
			b.WriteString(s[:i])
		}
		s = s[i+j+1:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

// closeParen returns the index of the token after the parenthesis that
// closes the one opened at toks[i], or len(toks).
func closeParen(s string, toks []textscan.Token, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		if toks[i].Kind != textscan.Punct {
			continue
		}
		switch s[toks[i].Start] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// TimeNoun reports whether word, in any case, is a word of time in
// words.tsv that "of" and a year may follow: a unit ("the first ten
// months of 1915"), a month, a season, a part of a period ("the middle
// of 1915") or a noun of a period ("the era of 1848").
func TimeNoun(word string) bool {
	t := words()
	for _, e := range t.Groups[t.Group(word)] {
		if e.kind&(kUnit|kDUnit|kMonth|kSeason|kQualifier|kPeriod) != 0 {
			return true
		}
	}
	return false
}

// Month returns the number (1–12) of a month's name or abbreviation in
// words.tsv ("June", "jun", "Sept"), in any case, or 0 when word is none.
// It lets other readers share this package's month names.
func Month(word string) int {
	t := words()
	for _, e := range t.Groups[t.Group(word)] {
		if e.kind&kMonth != 0 && len(e.rest) == 0 {
			return e.a
		}
	}
	return 0
}
