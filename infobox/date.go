package infobox

import (
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/timex"
)

// parseDateHeader reads a whole string as one calendar date, the way
// figures are dated inside an infobox line: "15 June 2020", "June 15,
// 2020", "June 2020", "2020" and ISO "2020-06-15".
func parseDateHeader(s string) (annalist.Date, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	if len(s) < 4 || len(s) > 24 || !hasDigit(s) {
		return annalist.Date{}, false // every date here has a year
	}
	if d, ok := parseISODate(s); ok {
		return d, true
	}
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	num := func(w string, max int) (int, bool) {
		if len(w) == 0 || len(w) > 4 {
			return 0, false
		}
		n, err := strconv.Atoi(w)
		return n, err == nil && n >= 1 && n <= max
	}
	year := func(w string) (int, bool) {
		if len(w) < 3 || len(w) > 4 {
			return 0, false
		}
		return num(w, 2100)
	}
	month := func(w string) (int, bool) {
		m := timex.Month(strings.TrimSuffix(w, "."))
		return m, m != 0
	}
	switch len(f) {
	case 1:
		if y, ok := year(f[0]); ok && len(f[0]) == 4 {
			return annalist.YearDate(y), true
		}
	case 2:
		if m, ok := month(f[0]); ok {
			if y, ok := year(f[1]); ok {
				return annalist.MonthDate(y, m), true
			}
		}
	case 3:
		if d, ok := num(f[0], 31); ok {
			if m, ok := month(f[1]); ok {
				if y, ok := year(f[2]); ok && d <= annalist.DaysIn(y, m) {
					return annalist.DayDate(y, m, d), true
				}
			}
		}
		if m, ok := month(f[0]); ok {
			if d, ok := num(f[1], 31); ok {
				if y, ok := year(f[2]); ok && d <= annalist.DaysIn(y, m) {
					return annalist.DayDate(y, m, d), true
				}
			}
		}
	}
	return annalist.Date{}, false
}

// parseISODate reads "2020-05-05" (what the rendering leaves of a {{Start
// date}} template).
func parseISODate(s string) (annalist.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return annalist.Date{}, false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && !isDigit(s[i]) {
			return annalist.Date{}, false
		}
	}
	d, err := annalist.ParseDate(s)
	return d, err == nil
}
