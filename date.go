package annalist

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Precision is how much of a calendar date the text gives.
type Precision uint8

const (
	PrecNone  Precision = iota // no date
	PrecYear                   // "1935"
	PrecMonth                  // "1935-06"
	PrecDay                    // "1935-06-08"
)

// Date is a calendar date cut to the precision the text gives. The zero
// Date is "no date" and marshals as JSON null.
//
// Years before the common era are negative and written as the text numbers
// them: 490 BC is Year -490 and "-0490", following spec/document.md (this is
// not ISO 8601's astronomical numbering, which would call it -0489).
type Date struct {
	Year  int
	Month int // 1–12, or 0 below PrecMonth
	Day   int // 1–31, or 0 below PrecDay
	Prec  Precision
}

// Year, Month and Day build dates at their precision.
func YearDate(y int) Date               { return Date{Year: y, Prec: PrecYear} }
func MonthDate(y, m int) Date           { return Date{Year: y, Month: m, Prec: PrecMonth} }
func DayDate(y, m, d int) Date          { return Date{Year: y, Month: m, Day: d, Prec: PrecDay} }
func (d Date) IsZero() bool             { return d.Prec == PrecNone }
func (d Date) AtLeast(p Precision) bool { return d.Prec >= p }

// String renders the date as ISO 8601 cut to its precision; "" for none.
func (d Date) String() string {
	if d.Prec == PrecNone {
		return ""
	}
	var b strings.Builder
	y := d.Year
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	fmt.Fprintf(&b, "%04d", y)
	if d.Prec >= PrecMonth {
		fmt.Fprintf(&b, "-%02d", d.Month)
	}
	if d.Prec >= PrecDay {
		fmt.Fprintf(&b, "-%02d", d.Day)
	}
	return b.String()
}

// ParseDate reads a date written by String ("1935", "1935-06", "-0490").
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	parts := strings.Split(body, "-")
	if len(parts) > 3 || len(parts[0]) < 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("date %q: %q is not a number", s, p)
		}
		n[i] = v
	}
	if neg {
		n[0] = -n[0]
	}
	d := Date{Year: n[0], Prec: Precision(len(parts))}
	if d.Prec >= PrecMonth {
		d.Month = n[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("date %q: month %d out of range", s, d.Month)
		}
	}
	if d.Prec >= PrecDay {
		d.Day = n[2]
		if d.Day < 1 || d.Day > DaysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("date %q: day %d out of range", s, d.Day)
		}
	}
	return d, nil
}

// MarshalJSON writes the ISO string, or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.Prec == PrecNone {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// First returns the first day the date covers ("1935-06" → 1935-06-01).
func (d Date) First() Date {
	switch d.Prec {
	case PrecYear:
		return DayDate(d.Year, 1, 1)
	case PrecMonth:
		return DayDate(d.Year, d.Month, 1)
	}
	return d
}

// Last returns the last day the date covers ("1935-06" → 1935-06-30).
func (d Date) Last() Date {
	switch d.Prec {
	case PrecYear:
		return DayDate(d.Year, 12, 31)
	case PrecMonth:
		return DayDate(d.Year, d.Month, DaysIn(d.Year, d.Month))
	}
	return d
}

// Compare orders dates by their first day, then by precision (coarser
// first); it returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	a, b := d.First(), e.First()
	for _, c := range [...][2]int{{a.Year, b.Year}, {a.Month, b.Month}, {a.Day, b.Day}, {int(d.Prec), int(e.Prec)}} {
		if c[0] < c[1] {
			return -1
		}
		if c[0] > c[1] {
			return 1
		}
	}
	return 0
}

// DayNumber counts days from 0001-01-01 (proleptic Gregorian) to the
// date's first day, for spans and "five days later" arithmetic.
func (d Date) DayNumber() int {
	f := d.First()
	y, m := f.Year, f.Month
	if m <= 2 {
		y--
		m += 12
	}
	// Days from civil, shifted so that March is month 3 of year y.
	return 365*y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) + (153*(m-3)+2)/5 + f.Day - 307
}

// DateFromDayNumber inverts DayNumber.
func DateFromDayNumber(n int) Date {
	n += 306
	y := floorDiv(10000*n+14780, 3652425)
	doy := n - (365*y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400))
	if doy < 0 {
		y--
		doy = n - (365*y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400))
	}
	mi := (100*doy + 52) / 3060
	m := (mi+2)%12 + 1
	y += (mi + 2) / 12
	d := doy - (mi*306+5)/10 + 1
	return DayDate(y, m, d)
}

// AddDays moves a day-precision date by n days; coarser dates move their
// first day.
func (d Date) AddDays(n int) Date { return DateFromDayNumber(d.DayNumber() + n) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DatePrec returns UCDP GED's date_prec code for an interval from start to
// end: 1 the day, 2 within 2–6 days, 3 the week, 4 within 8–30 days or the
// month, 5 more than a month; 0 when there is no date.
func DatePrec(start, end Date) int {
	if start.IsZero() {
		return 0
	}
	if end.IsZero() {
		end = start
	}
	days := end.Last().DayNumber() - start.First().DayNumber() + 1
	switch {
	case days <= 1:
		return 1
	case days <= 6:
		return 2
	case days == 7:
		return 3
	case days <= 31:
		return 4
	}
	return 5
}
